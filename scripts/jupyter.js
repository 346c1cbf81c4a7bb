// @ts-check
/**
 * Finding a Python that can run Jupyter, and the environment the project's
 * kernelspec needs. Shared by scripts/setup-jupyter.js, install-kernel.js,
 * start.js, the notebook runner (scripts/notebooks/runner.js) and the tests.
 *
 * Why this exists: on the project's machines the `python3` first on PATH is
 * often a pyenv or venv Python without Jupyter, while Debian's /usr/bin/python3
 * has it (ecosystem.md §6). So we probe candidates in a fixed order instead of
 * trusting PATH.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const path = require("node:path");

/** Absolute path of the repository root (the folder holding package.json). */
const REPO_ROOT = path.resolve(__dirname, "..");

/** The project's Jupyter data folder; it holds kernels/tslab/kernel.json. */
const PROJECT_JUPYTER_DIR = path.join(REPO_ROOT, "jupyter");

/** Name of the project kernelspec, as notebooks record it in metadata.kernelspec.name. */
const KERNEL_NAME = "tslab";

/** Display name shown by Jupyter frontends for the project kernel. */
const KERNEL_DISPLAY_NAME = "TypeScript (ttc-workbook)";

/**
 * A Python with Jupyter, and the argv prefix that runs `jupyter` with it.
 * @typedef {object} FoundPython
 * @property {string} python the interpreter (absolute path or command name)
 * @property {string[]} jupyter `[python, "-m", "jupyter"]`
 */

/** The Python modules a usable Jupyter must provide. */
const REQUIRED_MODULES = ["nbclient", "nbconvert", "jupyter_client"];

/** Where to look for a Python with Jupyter when $TTC_PYTHON_SEARCH is not set. */
const DEFAULT_PYTHON_SEARCH = ["/usr/bin/python3", "python3"];

/**
 * The Pythons to try, in order: $TTC_PYTHON (if set), then the search list:
 * Debian's /usr/bin/python3 and `python3` as found on PATH, or instead the
 * entries of $TTC_PYTHON_SEARCH (a PATH-style list; set but empty searches
 * nothing; the tests use it to stand for a machine without Jupyter).
 * Duplicates are dropped.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string[]}
 */
function pythonCandidates(env = process.env) {
  const candidates = [];
  if (env.TTC_PYTHON) candidates.push(env.TTC_PYTHON);
  const search = env.TTC_PYTHON_SEARCH;
  if (search === undefined) candidates.push(...DEFAULT_PYTHON_SEARCH);
  else candidates.push(...search.split(path.delimiter).filter((p) => p !== ""));
  return [...new Set(candidates)];
}

/**
 * True when `python` runs and can import every module in REQUIRED_MODULES.
 * @param {string} python an absolute path or a command name looked up on PATH
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {boolean}
 */
function hasJupyter(python, env = process.env) {
  const probe = spawnSync(python, ["-c", `import ${REQUIRED_MODULES.join(", ")}`], {
    env,
    stdio: "ignore",
    timeout: 30_000,
  });
  return probe.status === 0;
}

/**
 * Finds the first candidate Python with Jupyter (see pythonCandidates).
 * When $TTC_PYTHON is set but lacks Jupyter, the search goes on to the other
 * candidates; callers that care can compare the result with $TTC_PYTHON.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {FoundPython | null} null when none qualifies.
 */
function findPython(env = process.env) {
  for (const python of pythonCandidates(env)) {
    if (hasJupyter(python, env)) return { python, jupyter: [python, "-m", "jupyter"] };
  }
  return null;
}

/**
 * Prepends `dir` to a path-list variable value, without duplicating it.
 * @param {string} dir
 * @param {string | undefined} current
 * @returns {string}
 */
function prependPath(dir, current) {
  const rest = (current ?? "").split(path.delimiter).filter((p) => p !== "" && p !== dir);
  return [dir, ...rest].join(path.delimiter);
}

/**
 * A copy of `env` whose JUPYTER_PATH starts with the project's jupyter/ folder,
 * so Jupyter finds the committed kernelspec `tslab` before any other of that name.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {NodeJS.ProcessEnv}
 */
function kernelEnv(env = process.env) {
  return { ...env, JUPYTER_PATH: prependPath(PROJECT_JUPYTER_DIR, env.JUPYTER_PATH) };
}

/**
 * True when `python` (with Jupyter) can also import `module`, e.g. "jupyterlab".
 * @param {string} python
 * @param {string} module
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {boolean}
 */
function canImport(python, module, env = process.env) {
  return (
    spawnSync(python, ["-c", `import ${module}`], { env, stdio: "ignore", timeout: 30_000 }).status === 0
  );
}

/** Message telling the user how to get Jupyter, used when findPython() fails. */
const MISSING_JUPYTER_HELP =
  "No Python with Jupyter (nbclient, nbconvert, jupyter_client) was found.\n" +
  "Tried: $TTC_PYTHON, then /usr/bin/python3 and python3 on PATH (or $TTC_PYTHON_SEARCH).\n" +
  "Fix: run `npm run setup` (`npm start` runs it for you), or set TTC_PYTHON to a Python that has Jupyter.";

module.exports = {
  REPO_ROOT,
  PROJECT_JUPYTER_DIR,
  KERNEL_NAME,
  KERNEL_DISPLAY_NAME,
  REQUIRED_MODULES,
  DEFAULT_PYTHON_SEARCH,
  MISSING_JUPYTER_HELP,
  pythonCandidates,
  hasJupyter,
  findPython,
  kernelEnv,
  prependPath,
  canImport,
};

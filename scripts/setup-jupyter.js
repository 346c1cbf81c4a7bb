#!/usr/bin/env node
// @ts-check
/**
 * `npm run setup`: make sure a Python with Jupyter (nbclient, nbconvert,
 * jupyter_client) exists, installing it when it does not. `npm start` runs
 * the same steps (`setupJupyter` below) when it finds no Jupyter.
 *
 * - Already present (see scripts/jupyter.js for the search order): say which
 *   Python and stop. This is the fast, idempotent path.
 * - Root on Debian/Ubuntu (apt-get exists): `apt-get update`, then
 *   `apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient python3-numpy`
 *   (numpy is used by a benchmark).
 * - Otherwise, when `python3 -m pip` can reach its package index:
 *   `python3 -m pip install --user notebook nbconvert nbclient`.
 * - Otherwise exit 1 with the exact commands to run for this machine (sudo
 *   apt-get where apt-get exists, pip where there is a pip), then `npm start`.
 *
 * Then, if the Python found has no numpy (used by `npm run bench`), installs
 * python3-numpy when running as root with apt-get, else prints how (not an error).
 *
 * Every command is printed before it runs. Commands are looked up on PATH, so a
 * test can stand in its own apt-get; TTC_PYTHON_SEARCH (scripts/jupyter.js)
 * lets it stand for a machine with no Jupyter.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const { findPython, MISSING_JUPYTER_HELP } = require("./jupyter");

/** @typedef {import("./jupyter").FoundPython} FoundPython */

const APT_PACKAGES = ["jupyter-notebook", "jupyter-nbconvert", "python3-nbclient", "python3-numpy"];
const PIP_PACKAGES = ["notebook", "nbconvert", "nbclient"];
const APT_COMMAND = `apt-get update && apt-get install -y ${APT_PACKAGES.join(" ")}`;
const PIP_COMMAND = `python3 -m pip install --user ${PIP_PACKAGES.join(" ")}`;

/**
 * @typedef {object} SetupOptions
 * @property {NodeJS.ProcessEnv} [env] environment for the probes and installers (default process.env)
 * @property {string} [prefix] what each printed line starts with (default "setup")
 */

/**
 * Finds a Python with Jupyter, or installs one (the steps at the top of this file),
 * saying on stdout what it finds and what it installs, and on stderr what to run
 * when it cannot.
 * @param {SetupOptions} [options]
 * @returns {FoundPython | null} the Python with Jupyter, or null when there is none afterwards
 */
function setupJupyter(options = {}) {
  const env = options.env ?? process.env;
  const tag = `${options.prefix ?? "setup"}:`;
  const log = (/** @type {string} */ line) => console.log(`${tag} ${line}`);
  const fail = (/** @type {string} */ text) => console.error(`${tag} ${text.replace(/\n/g, `\n${tag} `)}`);

  /**
   * Prints `cmd args…`, runs it with inherited stdio, and returns its exit status.
   * @param {string} cmd
   * @param {string[]} args
   * @returns {number}
   */
  function run(cmd, args) {
    log(`$ ${[cmd, ...args].join(" ")}`);
    const result = spawnSync(cmd, args, {
      stdio: "inherit",
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
    return result.status ?? 1;
  }

  /**
   * Finds Jupyter and says which Python has it; null when none does.
   * @param {string} prefix
   * @returns {FoundPython | null}
   */
  function reportFound(prefix) {
    const found = findPython(env);
    if (!found) return null;
    if (env.TTC_PYTHON && found.python !== env.TTC_PYTHON) {
      console.warn(`${tag} warning: TTC_PYTHON=${env.TTC_PYTHON} has no Jupyter; using another Python.`);
    }
    log(`${prefix}Jupyter found: ${found.python} (runs as \`${found.jupyter.join(" ")}\`)`);
    return found;
  }

  /**
   * numpy is optional (only `npm run bench` uses it): install Debian's python3-numpy
   * when we can (root with apt-get), otherwise just say how.
   * @param {string} python
   */
  function ensureNumpy(python) {
    if (spawnSync(python, ["-c", "import numpy"], { env, stdio: "ignore" }).status === 0) return;
    if (isRoot() && onPath("apt-get", env) && python === "/usr/bin/python3") {
      log("numpy (used by `npm run bench`) is missing; installing python3-numpy.");
      if (run("apt-get", ["install", "-y", "python3-numpy"]) === 0) return;
      if (run("apt-get", ["update"]) === 0 && run("apt-get", ["install", "-y", "python3-numpy"]) === 0)
        return;
    }
    console.warn(
      `${tag} note: ${python} has no numpy; \`npm run bench\` needs it (apt-get install python3-numpy).`,
    );
  }

  const present = reportFound("");
  if (present) {
    ensureNumpy(present.python);
    return present;
  }
  log("no Python with nbclient, nbconvert and jupyter_client found; installing Jupyter.");

  const hasApt = onPath("apt-get", env);
  if (isRoot() && hasApt) {
    log(
      `root on a Debian/Ubuntu system: installing Debian's packages ${APT_PACKAGES.join(", ")} with apt-get.`,
    );
    if (run("apt-get", ["update"]) !== 0 || run("apt-get", ["install", "-y", ...APT_PACKAGES]) !== 0) {
      fail(
        `apt-get failed. Fix the error above, then run as root:\n  ${APT_COMMAND}\nand then \`npm start\` again.`,
      );
      return null;
    }
  } else if (pipReachesIndex(env)) {
    log(`not root with apt-get; installing ${PIP_PACKAGES.join(", ")} for this user with pip.`);
    if (run("python3", ["-m", "pip", "install", "--user", ...PIP_PACKAGES]) !== 0) {
      fail(`pip failed (see above).\n${fixHelp(hasApt)}`);
      return null;
    }
  } else {
    const why = hasApt
      ? "not running as root, so apt-get cannot install packages, and pip cannot reach its package index"
      : "no apt-get here, and pip cannot reach its package index";
    fail(`cannot install Jupyter automatically: ${why}.\n${fixHelp(hasApt)}`);
    return null;
  }

  const installed = reportFound("installed. ");
  if (!installed) {
    fail(`installation finished but Jupyter is still not importable.\n${MISSING_JUPYTER_HELP}`);
    return null;
  }
  ensureNumpy(installed.python);
  return installed;
}

/**
 * Exactly what to run by hand, for a machine with or without apt-get.
 * @param {boolean} hasApt
 * @returns {string}
 */
function fixHelp(hasApt) {
  const lines = ["To install Jupyter yourself, run:"];
  if (hasApt) lines.push(`  sudo sh -c '${APT_COMMAND}'`);
  else lines.push(`  ${PIP_COMMAND}      # needs a Python 3 with pip that reaches PyPI`);
  lines.push(
    "then `npm start` again. Or point the workbook at a Python that already has Jupyter:",
    "  TTC_PYTHON=/path/to/python3 npm start",
  );
  return lines.join("\n");
}

/**
 * True when `cmd` is an executable found on PATH.
 * @param {string} cmd
 * @param {NodeJS.ProcessEnv} env
 * @returns {boolean}
 */
function onPath(cmd, env) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { env, stdio: "ignore" }).status === 0;
}

/** True when this process runs as root (POSIX only). */
function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * True when `python3 -m pip` exists and reaches its package index, checked with
 * `pip index versions nbclient` (a query that installs nothing).
 * @param {NodeJS.ProcessEnv} env
 * @returns {boolean}
 */
function pipReachesIndex(env) {
  const probe = spawnSync(
    "python3",
    ["-m", "pip", "index", "versions", "--timeout", "10", "--retries", "1", "nbclient"],
    { env, stdio: "ignore", timeout: 60_000 },
  );
  return probe.status === 0;
}

module.exports = { setupJupyter, APT_PACKAGES, PIP_PACKAGES, APT_COMMAND, PIP_COMMAND };

if (require.main === module) {
  process.exitCode = setupJupyter() ? 0 : 1;
}

#!/usr/bin/env node
// @ts-check
/**
 * `npm run setup`: make sure a Python with Jupyter (nbclient, nbconvert,
 * jupyter_client) exists, installing it when it does not.
 *
 * - Already present (see scripts/jupyter.js for the search order): say which
 *   Python and stop. This is the fast, idempotent path.
 * - Root on Debian/Ubuntu (apt-get exists): `apt-get update`, then
 *   `apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient python3-numpy`
 *   (numpy is used by a benchmark).
 * - Otherwise, when `python3 -m pip` can reach its package index:
 *   `python3 -m pip install --user notebook nbconvert nbclient`.
 * - Otherwise exit 1 with a message naming the fix.
 *
 * Then, if the Python found has no numpy (used by `npm run bench`), installs
 * python3-numpy when running as root with apt-get, else prints how (not an error).
 *
 * Every command is printed before it runs.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const { findPython, MISSING_JUPYTER_HELP } = require("./jupyter");

const APT_PACKAGES = ["jupyter-notebook", "jupyter-nbconvert", "python3-nbclient", "python3-numpy"];
const PIP_PACKAGES = ["notebook", "nbconvert", "nbclient"];
const APT_COMMAND = `apt-get update && apt-get install -y ${APT_PACKAGES.join(" ")}`;
const PIP_COMMAND = `python3 -m pip install --user ${PIP_PACKAGES.join(" ")}`;

/**
 * Prints `cmd args…`, runs it with inherited stdio, and returns its exit status.
 * @param {string} cmd
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {number}
 */
function run(cmd, args, env = process.env) {
  console.log(`setup: $ ${[cmd, ...args].join(" ")}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.error) console.error(`setup: could not run ${cmd}: ${result.error.message}`);
  return result.status ?? 1;
}

/**
 * True when `cmd` is an executable found on PATH.
 * @param {string} cmd
 * @returns {boolean}
 */
function onPath(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

/** True when this process runs as root (POSIX only). */
function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * True when `python3 -m pip` exists and reaches its package index, checked with
 * `pip index versions nbclient` (a query that installs nothing).
 */
function pipReachesIndex() {
  const probe = spawnSync("python3", ["-m", "pip", "index", "versions", "--timeout", "10", "nbclient"], {
    stdio: "ignore",
    timeout: 60_000,
  });
  return probe.status === 0;
}

/**
 * Finds Jupyter and says which Python has it; null when none does.
 * @param {string} prefix
 * @returns {import("./jupyter").FoundPython | null}
 */
function reportFound(prefix) {
  const found = findPython();
  if (!found) return null;
  if (process.env.TTC_PYTHON && found.python !== process.env.TTC_PYTHON) {
    console.warn(
      `setup: warning: TTC_PYTHON=${process.env.TTC_PYTHON} has no Jupyter; using another Python.`,
    );
  }
  console.log(`setup: ${prefix}Jupyter found: ${found.python} (runs as \`${found.jupyter.join(" ")}\`)`);
  return found;
}

/**
 * numpy is optional (only `npm run bench` uses it): install Debian's python3-numpy
 * when we can (root with apt-get), otherwise just say how.
 * @param {string} python
 */
function ensureNumpy(python) {
  if (spawnSync(python, ["-c", "import numpy"], { stdio: "ignore" }).status === 0) return;
  if (isRoot() && onPath("apt-get") && python === "/usr/bin/python3") {
    console.log("setup: numpy (used by `npm run bench`) is missing; installing python3-numpy.");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["install", "-y", "python3-numpy"], env) === 0) return;
    if (
      run("apt-get", ["update"], env) === 0 &&
      run("apt-get", ["install", "-y", "python3-numpy"], env) === 0
    ) {
      return;
    }
  }
  console.warn(
    `setup: note: ${python} has no numpy; \`npm run bench\` needs it (apt-get install python3-numpy).`,
  );
}

/** How to get Jupyter by hand, printed when automatic installation is impossible or fails. */
const FIX_HELP =
  "Fix, one of:\n" +
  `  sudo sh -c '${APT_COMMAND}'      # Debian/Ubuntu\n` +
  `  ${PIP_COMMAND}      # where pip may install (not Debian's system Python)\n` +
  "  export TTC_PYTHON=/path/to/python   # a Python that already has Jupyter";

/** Finds Jupyter, or installs it; returns the Python that has it, or null. */
function findOrInstallJupyter() {
  const present = reportFound("");
  if (present) return present;
  console.log("setup: no Python with nbclient, nbconvert and jupyter_client found; installing Jupyter.");

  if (isRoot() && onPath("apt-get")) {
    console.log("setup: root on a Debian/Ubuntu system: installing Debian's Jupyter packages with apt-get.");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (
      run("apt-get", ["update"], env) !== 0 ||
      run("apt-get", ["install", "-y", ...APT_PACKAGES], env) !== 0
    ) {
      console.error(`setup: apt-get failed. Fix the error above, then run as root:\n  ${APT_COMMAND}`);
      return null;
    }
  } else if (pipReachesIndex()) {
    console.log("setup: not root with apt-get; installing Jupyter for this user with pip.");
    if (run("python3", ["-m", "pip", "install", "--user", ...PIP_PACKAGES]) !== 0) {
      console.error(`setup: pip failed (see above).\n${FIX_HELP}`);
      return null;
    }
  } else {
    console.error(
      `setup: cannot install Jupyter automatically (not root with apt-get, and pip cannot reach its index).\n${FIX_HELP}`,
    );
    return null;
  }

  const installed = reportFound("installed. ");
  if (!installed)
    console.error(
      `setup: installation finished but Jupyter is still not importable.\n${MISSING_JUPYTER_HELP}`,
    );
  return installed;
}

function main() {
  const found = findOrInstallJupyter();
  if (!found) return 1;
  ensureNumpy(found.python);
  return 0;
}

process.exitCode = main();

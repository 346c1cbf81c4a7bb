/**
 * Executing chapter notebooks: the one place that starts
 * test/notebooks/run_notebook.py (nbclient + the project's tslab kernelspec)
 * with the Python that scripts/jupyter.js finds and the environment it
 * prepares, and judges its report. The book build uses it directly; the
 * notebook tests through test/notebooks/runner.ts, a typed wrapper. A cell
 * whose reply status is not "ok", a cell that wrote to stderr, an error
 * output, or NaN/undefined shown as a value fails the notebook, and every
 * message names the notebook and the cell.
 */
"use strict";

const { spawn } = require("node:child_process");
const path = require("node:path");
const { findPython, kernelEnv, MISSING_JUPYTER_HELP, REPO_ROOT } = require("../jupyter");

/** The Python runner shared with the notebook tests. */
const RUNNER_SCRIPT = path.join(REPO_ROOT, "test", "notebooks", "run_notebook.py");

/** Why a cell can have a status other than "ok" (same wording as runner.ts). */
const STATUS_REASONS = {
  abort: " (skipped by tslab after an error in an earlier cell)",
  unfinished: " (sent to the kernel, but the run stopped before it finished)",
  "not-run": " (never executed: the run stopped before it)",
  empty: " (empty code cell)",
};

/** First lines of a text, for a failure message. */
function excerpt(text, maxLines = 6) {
  const lines = text.trimEnd().split("\n");
  const head = lines.slice(0, maxLines).join("\n    ");
  return lines.length > maxLines ? `${head}\n    … (${lines.length - maxLines} more lines)` : head;
}

/**
 * Everything wrong with one run report of run_notebook.py, one message per
 * problem, each naming the notebook (as `name`) and the cell's 0-based index
 * and first line. Empty when the notebook ran cleanly.
 * @param {string} name how to call the notebook in messages, e.g. "notebooks/01-context.ipynb"
 * @param {object} report the runner's JSON report
 * @returns {string[]}
 */
function reportFailures(name, report) {
  const failures = [];
  if (report.error) failures.push(`${name}: the run failed: ${report.error}`);
  for (const cell of report.cells) {
    const where = `${name} cell ${cell.index} (\`${cell.first_line}\`)`;
    if (cell.status !== "ok") {
      failures.push(`${where}: status "${cell.status}"${STATUS_REASONS[cell.status] ?? ""}`);
    }
    if (cell.stderr) failures.push(`${where}: wrote to stderr:\n    ${excerpt(cell.stderr)}`);
    for (const error of cell.errors) failures.push(`${where}: error output ${error.ename}: ${error.evalue}`);
    if (cell.bad_values?.length) {
      failures.push(`${where}: shows ${cell.bad_values.join(", ")} as a value in a table or markdown output`);
    }
  }
  return failures;
}

/**
 * Runs one notebook with run_notebook.py and resolves to its report.
 * Rejects when Jupyter is missing, the runner cannot start, exceeds
 * `timeoutMs`, or prints no valid report. A kernel left behind by a runner
 * that died is killed.
 * @param {string} notebookPath
 * @param {{outputPath?: string, python?: string, cellTimeoutSeconds?: number, timeoutMs?: number, rerunOrder?: boolean}} [options]
 * @returns {Promise<object>}
 */
function runNotebook(notebookPath, options = {}) {
  const python = options.python ?? requirePython();
  const args = [RUNNER_SCRIPT, notebookPath, "--timeout", String(options.cellTimeoutSeconds ?? 120)];
  if (options.outputPath) args.push("--output", options.outputPath);
  if (options.rerunOrder) args.push("--rerun-order");
  const timeoutMs = options.timeoutMs ?? 300_000;
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, { cwd: REPO_ROOT, env: kernelEnv(process.env), stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    let killTimer;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM"); // the runner shuts its kernel down on SIGTERM
      killTimer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${python} ${RUNNER_SCRIPT}: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      killOrphanKernel(stderr);
      const tail = stderr.trim().split("\n").slice(-20).join("\n");
      if (timedOut) {
        reject(new Error(`${notebookPath}: runner timed out after ${timeoutMs} ms\n${tail}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(
          new Error(
            `${notebookPath}: runner exited with ${signal ?? `code ${code}`} and no valid report\n` +
              `stdout: ${stdout.slice(0, 2000)}\nstderr: ${tail}`,
          ),
        );
      }
    });
  });
}

/** Kills the kernel named in the runner's stderr ("run_notebook: kernel pid N") if still alive. */
function killOrphanKernel(runnerStderr) {
  const match = /run_notebook: kernel pid (\d+)/.exec(runnerStderr);
  const pid = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

let cachedPython;

/** The Python with Jupyter, or throws the project's help text. */
function requirePython() {
  if (cachedPython === undefined) cachedPython = findPython();
  if (cachedPython === null) throw new Error(MISSING_JUPYTER_HELP);
  return cachedPython.python;
}

/**
 * Runs `tasks` (functions returning promises) with at most `limit` at a time,
 * and resolves to their results in order.
 * @template T
 * @param {(() => Promise<T>)[]} tasks
 * @param {number} limit
 * @returns {Promise<T[]>}
 */
async function runLimited(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

module.exports = { RUNNER_SCRIPT, reportFailures, runNotebook, requirePython, runLimited };

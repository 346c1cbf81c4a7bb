// @ts-check
/**
 * Executing notebooks headlessly, and the ONE place that decides whether a run
 * passed. The book build (scripts/book/build.js) and the notebook tests
 * (test/notebooks/*, test/book/*) both call `runNotebook` here; nothing else
 * judges a run.
 *
 * `runNotebook` starts scripts/notebooks/run_notebook.py (nbclient + the
 * project's tslab kernelspec) with the Python that scripts/jupyter.js finds and
 * the environment it prepares, parses the runner's JSON report (facts only),
 * and judges it with `notebookFailures`: a cell whose reply status is not "ok"
 * (tslab silently aborts the cells after an error, STYLE.md key takeaway 2), a
 * cell that wrote to stderr, an error output, NaN/undefined shown as a value,
 * or a run-level error (timeout, dead kernel) fails the notebook, and every
 * message names the notebook and the cell.
 *
 * Timeout policy (also one place): each cell may take CELL_TIMEOUT_SECONDS
 * (enforced by nbclient inside the runner); the whole run RUN_TIMEOUT_MS,
 * after which the runner gets SIGTERM (it shuts its kernel down) and, KILL_GRACE_MS
 * later, SIGKILL. TEST_TIMEOUT_MS is what a jest test running one notebook should
 * allow, so jest never gives up before the runner has been stopped and judged.
 */
"use strict";

const { spawn } = require("node:child_process");
const path = require("node:path");
const { findPython, kernelEnv, MISSING_JUPYTER_HELP, REPO_ROOT } = require("../jupyter");

/** @typedef {import("../jupyter").FoundPython} FoundPython */

/**
 * One code cell in a run report (see run_notebook.py for the meaning of each field).
 * @typedef {object} CellReport
 * @property {number} index cell position in the notebook (0-based, markdown cells counted)
 * @property {string} first_line first non-blank source line, up to 80 characters
 * @property {string} status execute_reply status ("ok", "error", "abort"), or "unfinished", "not-run", "empty"
 * @property {number | null} seconds from sending the cell to its reply (null if not run)
 * @property {string} stderr concatenated stderr stream text
 * @property {{ ename: string, evalue: string, traceback: string[] }[]} errors error outputs
 * @property {string[]} bad_values "NaN", "undefined" or "null" shown as a value in a library table or a markdown output
 * @property {number} output_count number of outputs
 * @property {string[]} output_types output_type of each output ("stream:NAME" for streams)
 * @property {string[]} mime_types MIME types of display_data/execute_result outputs
 */

/**
 * What run_notebook.py prints for one notebook: what happened, no verdict.
 * @typedef {object} RunnerReport
 * @property {string} notebook path as given to the runner
 * @property {string} kernel_name kernelspec used
 * @property {string | null} error run-level failure ("CellTimeoutError: …", kernel died, …)
 * @property {number | null} kernel_start_seconds from starting the kernel to its first answer
 * @property {number} total_seconds wall time of the whole run
 * @property {number | null} kernel_pid process id of the kernel
 * @property {CellReport[]} cells one entry per code cell, in run order
 * @property {string} [order] "top to bottom", or the rerun order
 */

/**
 * A judged run: the runner's report plus the verdict of `notebookFailures`.
 * @typedef {RunnerReport & { ok: boolean, failures: string[] }} NotebookRun
 */

/**
 * @typedef {object} RunOptions
 * @property {string} [outputPath] save the executed notebook (with outputs) here
 * @property {FoundPython} [python] the Python to use (default: `requirePython()`)
 * @property {number} [cellTimeoutSeconds] per cell; default CELL_TIMEOUT_SECONDS (tests of the timeout itself lower it)
 * @property {boolean} [rerunOrder] run the import cell, then every other code cell in reverse
 *   order, so each cell runs without the cells before it ("rerun one cell on its own")
 */

/** The Python runner script. */
const RUNNER_SCRIPT = path.join(__dirname, "run_notebook.py");

/** Seconds one cell may take before nbclient stops the run (CellTimeoutError). */
const CELL_TIMEOUT_SECONDS = 120;

/** Wall-clock limit for one notebook run, kernel start included; then the runner is stopped. */
const RUN_TIMEOUT_MS = 240_000;

/** After SIGTERM at RUN_TIMEOUT_MS, how long the runner has to shut its kernel down before SIGKILL. */
const KILL_GRACE_MS = 15_000;

/** What a jest test that runs one notebook should allow (the run, the kill, and a margin). */
const TEST_TIMEOUT_MS = RUN_TIMEOUT_MS + KILL_GRACE_MS + 10_000;

/** Why a cell can have a status other than "ok". */
/** @type {Record<string, string>} */
const STATUS_REASONS = {
  abort: " (skipped by tslab after an error in an earlier cell)",
  unfinished: " (sent to the kernel, but the run stopped before it finished)",
  "not-run": " (never executed: the run stopped before it)",
  empty: " (empty code cell)",
};

/**
 * First lines of a text, for a failure message.
 * @param {string} text
 * @param {number} [maxLines]
 * @returns {string}
 */
function excerpt(text, maxLines = 6) {
  const lines = text.trimEnd().split("\n");
  const head = lines.slice(0, maxLines).join("\n    ");
  return lines.length > maxLines ? `${head}\n    … (${lines.length - maxLines} more lines)` : head;
}

/**
 * How messages name a notebook: relative to the repository when it lies inside, else as given.
 * @param {string} notebook
 * @returns {string}
 */
function displayName(notebook) {
  const fromRepo = path.relative(REPO_ROOT, path.resolve(REPO_ROOT, notebook));
  return fromRepo.startsWith("..") || path.isAbsolute(fromRepo) ? notebook : fromRepo;
}

/**
 * THE rule for whether a run passed: everything wrong with one run report, one
 * message per problem, each naming the notebook (relative to the repository when
 * inside it) and the cell's 0-based index and first line. Empty when the notebook
 * ran cleanly.
 * @param {RunnerReport} report
 * @returns {string[]}
 */
function notebookFailures(report) {
  const name = displayName(report.notebook);
  /** @type {string[]} */
  const failures = [];
  if (report.error) failures.push(`${name}: the run failed: ${report.error}`);
  for (const cell of report.cells) {
    const where = `${name} cell ${cell.index} (\`${cell.first_line}\`)`;
    if (cell.status !== "ok") {
      failures.push(`${where}: status "${cell.status}"${STATUS_REASONS[cell.status] ?? ""}`);
    }
    if (cell.stderr) failures.push(`${where}: wrote to stderr:\n    ${excerpt(cell.stderr)}`);
    for (const error of cell.errors) failures.push(`${where}: error output ${error.ename}: ${error.evalue}`);
    if (cell.bad_values.length > 0) {
      failures.push(`${where}: shows ${cell.bad_values.join(", ")} as a value in a table or markdown output`);
    }
  }
  return failures;
}

/**
 * Executes `notebookPath` with the tslab kernel and resolves to the judged run
 * (`ok` is true exactly when `notebookFailures` finds nothing). Rejects when
 * Jupyter is missing, the runner cannot start, exceeds RUN_TIMEOUT_MS, or
 * prints no valid report. If the runner dies abnormally, the kernel it started
 * (pid announced on its stderr) is killed, so no kernel outlives a run.
 * @param {string} notebookPath
 * @param {RunOptions} [options]
 * @returns {Promise<NotebookRun>}
 */
function runNotebook(notebookPath, options = {}) {
  const python = (options.python ?? requirePython()).python;
  const cellTimeout = options.cellTimeoutSeconds ?? CELL_TIMEOUT_SECONDS;
  const args = [RUNNER_SCRIPT, notebookPath, "--timeout", String(cellTimeout)];
  if (options.outputPath) args.push("--output", options.outputPath);
  if (options.rerunOrder) args.push("--rerun-order");
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, { cwd: REPO_ROOT, env: kernelEnv(process.env), stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    /** @type {NodeJS.Timeout | undefined} */
    let killTimer;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM"); // the runner shuts its kernel down on SIGTERM
      killTimer = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
    }, RUN_TIMEOUT_MS);
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
        reject(new Error(`${notebookPath}: runner timed out after ${RUN_TIMEOUT_MS} ms\n${tail}`));
        return;
      }
      /** @type {RunnerReport} */
      let report;
      try {
        report = JSON.parse(stdout);
      } catch {
        reject(
          new Error(
            `${notebookPath}: runner exited with ${signal ?? `code ${code}`} and no valid report\n` +
              `stdout: ${stdout.slice(0, 2000)}\nstderr: ${tail}`,
          ),
        );
        return;
      }
      const failures = notebookFailures(report);
      resolve({ ...report, ok: failures.length === 0, failures });
    });
  });
}

/**
 * Kills the kernel named in the runner's stderr ("run_notebook: kernel pid N") if still alive.
 * @param {string} runnerStderr
 */
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

/** @type {FoundPython | null | undefined} */
let cachedPython;

/**
 * The Python with Jupyter (searched once per process), or throws the project's help text.
 * @returns {FoundPython}
 */
function requirePython() {
  if (cachedPython === undefined) cachedPython = findPython();
  if (cachedPython === null) throw new Error(MISSING_JUPYTER_HELP);
  return cachedPython;
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
  /** @type {T[]} */
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      const task = /** @type {() => Promise<T>} */ (tasks[i]);
      results[i] = await task();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

module.exports = {
  RUNNER_SCRIPT,
  CELL_TIMEOUT_SECONDS,
  RUN_TIMEOUT_MS,
  KILL_GRACE_MS,
  TEST_TIMEOUT_MS,
  notebookFailures,
  runNotebook,
  requirePython,
  runLimited,
};

/**
 * Running a notebook from jest: typed access to scripts/book/execute.js, which
 * spawns test/notebooks/run_notebook.py with a Python that has Jupyter, parses
 * its JSON report, and turns the report into human-readable failures
 * (STYLE.md C.8: any cell status other than "ok", any stderr output, any error
 * output fails the notebook).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import * as execute from "../../scripts/book/execute";
import { findPython, MISSING_JUPYTER_HELP, REPO_ROOT, type FoundPython } from "../../scripts/jupyter";

/** One code cell in a run report (see run_notebook.py for the meaning of each field). */
export interface CellReport {
  index: number;
  first_line: string;
  status: string;
  seconds: number | null;
  stderr: string;
  errors: { ename: string; evalue: string; traceback: string[] }[];
  /** "NaN", "undefined" or "null" shown as a value in a library table or a markdown output. */
  bad_values: string[];
  output_count: number;
  output_types: string[];
  mime_types: string[];
}

/** What run_notebook.py prints for one notebook. */
export interface NotebookReport {
  notebook: string;
  kernel_name: string;
  ok: boolean;
  error: string | null;
  kernel_start_seconds: number | null;
  total_seconds: number;
  kernel_pid: number | null;
  cells: CellReport[];
}

export interface RunOptions {
  /** Save the executed notebook (with outputs) here. */
  outputPath?: string;
  /** Seconds allowed per cell inside the runner (default 120). */
  cellTimeoutSeconds?: number;
  /** Wall-clock limit for the whole run; the runner is then stopped (default 170 000 ms). */
  timeoutMs?: number;
  /**
   * Run the import cell, then every other code cell in reverse order, so each
   * cell runs without the cells before it (the "rerun one cell on its own" check).
   */
  rerunOrder?: boolean;
}

/** Path of the Python runner script. */
export const RUNNER_SCRIPT: string = execute.RUNNER_SCRIPT;

let cachedPython: FoundPython | null | undefined;

/** The Python with Jupyter (searched once per test file), or an Error saying how to get one. */
export function requirePython(): FoundPython {
  if (cachedPython === undefined) cachedPython = findPython();
  if (cachedPython === null) throw new Error(MISSING_JUPYTER_HELP);
  return cachedPython;
}

/**
 * Executes `notebookPath` with the tslab kernel and resolves to the runner's
 * report (scripts/book/execute.js `runNotebook`, which the book build uses
 * too). Rejects when the runner cannot be started, exceeds `timeoutMs`, or
 * prints no valid report. If the runner dies abnormally, the kernel it started
 * (pid announced on stderr) is killed, so no kernel outlives a run.
 */
export function runNotebook(notebookPath: string, options: RunOptions = {}): Promise<NotebookReport> {
  return execute.runNotebook(notebookPath, {
    ...options,
    python: requirePython().python,
    timeoutMs: options.timeoutMs ?? 170_000,
  });
}

/**
 * Everything wrong with a run, one message per problem, each naming the
 * notebook (relative to the repo when inside it) and the cell's 0-based index
 * (scripts/book/execute.js `reportFailures`). Empty when the notebook ran cleanly.
 */
export function notebookFailures(report: NotebookReport): string[] {
  const fromRepo = relative(REPO_ROOT, resolve(REPO_ROOT, report.notebook));
  const name = fromRepo.startsWith("..") || isAbsolute(fromRepo) ? report.notebook : fromRepo;
  return execute.reportFailures(name, report);
}

/** A notebook as JSON, loosely typed so fixtures can be bent out of shape. */
export interface NotebookJson {
  cells: Record<string, unknown>[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** A minimal nbformat 4.5 notebook with the project kernelspec, for fixtures. */
export function makeNotebook(cells: { type: "code" | "markdown"; source: string }[]): NotebookJson {
  return {
    cells: cells.map((cell, i) =>
      cell.type === "code"
        ? {
            cell_type: "code",
            execution_count: null,
            id: `cell-${i}`,
            metadata: {},
            outputs: [],
            source: cell.source,
          }
        : { cell_type: "markdown", id: `cell-${i}`, metadata: {}, source: cell.source },
    ),
    metadata: {
      kernelspec: { display_name: "TypeScript (ttc-workbook)", language: "typescript", name: "tslab" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/**
 * A fresh folder for fixture notebooks inside the repo (<repo>/build/tmp-nb-XXXXXX),
 * so the kernelspec's walk-up finds node_modules/.bin/tslab. build/ is git-ignored;
 * delete the folder when done.
 */
export function makeFixtureDir(): string {
  const build = join(REPO_ROOT, "build");
  mkdirSync(build, { recursive: true });
  return mkdtempSync(join(build, "tmp-nb-"));
}

/** Writes `makeNotebook(cells)` to `dir/name` and returns its path. */
export function writeNotebook(dir: string, name: string, cells: Parameters<typeof makeNotebook>[0]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(makeNotebook(cells), null, 1) + "\n");
  return path;
}

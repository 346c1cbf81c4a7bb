/**
 * Tests of the notebook runner itself (scripts/notebooks/run_notebook.py +
 * runner.js), with
 * fixture notebooks written at test time into <repo>/build/tmp-nb-XXXXXX
 * (inside the repo, so the kernelspec's walk-up finds node_modules/.bin/tslab).
 * They execute for real with the tslab kernel.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureDist } from "../helpers/dist";
import { isAlive, newKernelProcesses, tslabKernelProcesses, waitFor, type KernelProcess } from "./processes";
import {
  notebookFailures,
  requirePython,
  runNotebook,
  TEST_TIMEOUT_MS as RUN_TIMEOUT_MS,
  type NotebookRun,
  type RunnerReport,
} from "../../scripts/notebooks/runner";
import { makeFixtureDir, writeNotebook } from "./fixtures";

let fixtureDir: string;
let kernelsBefore: KernelProcess[];
const kernelPids: number[] = [];

/** Runs a fixture and remembers its kernel pid for the leftover check. */
async function run(path: string, options: Parameters<typeof runNotebook>[1] = {}): Promise<NotebookRun> {
  const report = await runNotebook(path, options);
  if (report.kernel_pid !== null) kernelPids.push(report.kernel_pid);
  return report;
}

beforeAll(() => {
  requirePython(); // fails here, with the fix, when Jupyter is missing
  ensureDist();
  kernelsBefore = tslabKernelProcesses();
  fixtureDir = makeFixtureDir();
});

afterAll(() => {
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

describe("notebookFailures(report)", () => {
  const report: RunnerReport = {
    notebook: "/somewhere/02-x.ipynb",
    kernel_name: "tslab",
    error: null,
    kernel_start_seconds: 2,
    total_seconds: 3,
    kernel_pid: null,
    cells: [
      {
        index: 1,
        first_line: "ok()",
        status: "ok",
        seconds: 0.1,
        stderr: "",
        errors: [],
        output_count: 0,
        output_types: [],
        mime_types: [],
        bad_values: [],
      },
      {
        index: 2,
        first_line: "bad()",
        status: "error",
        seconds: 0.1,
        stderr: "1:7 - Type 'string'…\n",
        errors: [],
        output_count: 1,
        output_types: ["stream:stderr"],
        mime_types: [],
        bad_values: [],
      },
      {
        index: 3,
        first_line: "later()",
        status: "abort",
        seconds: 0,
        stderr: "",
        errors: [],
        output_count: 0,
        output_types: [],
        mime_types: [],
        bad_values: [],
      },
      {
        index: 4,
        first_line: "err()",
        status: "ok",
        seconds: 0,
        stderr: "",
        errors: [{ ename: "E", evalue: "v", traceback: [] }],
        output_count: 1,
        output_types: ["error"],
        mime_types: [],
        bad_values: [],
      },
      {
        index: 5,
        first_line: "table()",
        status: "ok",
        seconds: 0,
        stderr: "",
        errors: [],
        output_count: 1,
        output_types: ["display_data"],
        mime_types: ["text/html", "text/plain"],
        bad_values: ["NaN", "undefined"],
      },
    ],
  };

  test("lists one message per problem, naming the notebook and the cell index", () => {
    const failures = notebookFailures(report);
    expect(failures).toHaveLength(5);
    expect(failures[0]).toMatch(/02-x\.ipynb cell 2 \(`bad\(\)`\): status "error"/);
    expect(failures[1]).toMatch(/02-x\.ipynb cell 2 .*wrote to stderr:\n {4}1:7 - Type 'string'/);
    expect(failures[2]).toMatch(
      /cell 3 .*status "abort" \(skipped by tslab after an error in an earlier cell\)/,
    );
    expect(failures[3]).toMatch(/cell 4 .*error output E: v/);
    expect(failures[4]).toMatch(/cell 5 .*shows NaN, undefined as a value in a table or markdown output/);
  });

  test("reports a run-level error and returns [] for a clean report", () => {
    expect(notebookFailures({ ...report, error: "CellTimeoutError: x", cells: [] })).toEqual([
      "/somewhere/02-x.ipynb: the run failed: CellTimeoutError: x",
    ]);
    expect(notebookFailures({ ...report, cells: report.cells.slice(0, 1) })).toEqual([]);
  });
});

describe("runNotebook(path) with the tslab kernel", () => {
  test(
    "(a) a good notebook: every cell ok, outputs recorded, executed copy saved",
    async () => {
      const path = writeNotebook(fixtureDir, "good.ipynb", [
        { type: "markdown", source: "# A good notebook" },
        { type: "code", source: 'import * as ttc from "ttc-workbook";\nttc.VERSION' },
        { type: "code", source: "const double = (n: number): number => 2 * n;\ndouble(21)" },
        { type: "code", source: 'import * as tslab from "tslab";\ntslab.display.html("<b>ok</b>");' },
      ]);
      const executed = join(fixtureDir, "good.executed.ipynb");
      const report = await run(path, { outputPath: executed });

      expect(notebookFailures(report)).toEqual([]);
      expect(report.failures).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.cells.map((c) => [c.index, c.status])).toEqual([
        [1, "ok"],
        [2, "ok"],
        [3, "ok"],
      ]);
      // The last expression's value is an execute_result (Out[n]), shown once (patched tslab).
      expect(report.cells[0]?.output_types).toEqual(["execute_result"]);
      expect(report.cells[1]?.output_types).toEqual(["execute_result"]);
      expect(report.cells[1]?.mime_types).toEqual(["text/plain"]);
      expect(report.cells[2]?.output_types).toEqual(["display_data"]);
      expect(report.cells[2]?.mime_types).toEqual(["text/html"]);
      expect(report.kernel_start_seconds).toBeGreaterThan(0);
      expect(report.total_seconds).toBeGreaterThanOrEqual(report.kernel_start_seconds ?? 0);

      const saved = JSON.parse(readFileSync(executed, "utf8")) as {
        cells: { outputs?: { execution_count?: number; data?: { "text/plain"?: string | string[] } }[] }[];
      };
      const value = saved.cells[2]?.outputs?.[0];
      expect(([] as string[]).concat(value?.data?.["text/plain"] ?? []).join("")).toBe("42");
      expect(value?.execution_count).toBe(2);
    },
    RUN_TIMEOUT_MS,
  );

  test(
    "(b) a type error in cell 2 fails the run and names cell 2",
    async () => {
      const path = writeNotebook(fixtureDir, "type-error.ipynb", [
        { type: "markdown", source: "# A type error" },
        { type: "code", source: "const y = 1;" },
        { type: "code", source: 'const x: number = "oops";' },
      ]);
      const report = await run(path);
      const failures = notebookFailures(report);

      expect(report.ok).toBe(false);
      expect(report.failures).toEqual(failures); // the verdict runNotebook attaches is the same rule
      expect(report.cells.map((c) => c.status)).toEqual(["ok", "error"]);
      // The kernel reports the type error as an error output (ename TSError), not as stderr text.
      expect(report.cells[1]?.stderr).toBe("");
      expect(report.cells[1]?.errors).toEqual([
        {
          ename: "TSError",
          evalue: expect.stringMatching(/Type 'string' is not assignable to type 'number'/),
          traceback: [expect.stringMatching(/^1:7 - Type 'string' is not assignable/)],
        },
      ]);
      expect(failures).toContainEqual(
        expect.stringMatching(/cell 2 .*: error output TSError: 1:7 - Type 'string' is not assignable/),
      );
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.every((f) => f.includes("type-error.ipynb cell 2"))).toBe(true);
      expect(failures.join("\n")).toMatch(/status "error"/);
    },
    RUN_TIMEOUT_MS,
  );

  test(
    "(c) a throw in cell 1 is reported, and so are the cells tslab then skips",
    async () => {
      const path = writeNotebook(fixtureDir, "throws.ipynb", [
        { type: "markdown", source: "# A throw" },
        { type: "code", source: 'throw new Error("boom");' },
        { type: "code", source: 'console.log("after 1");' },
        { type: "code", source: 'console.log("after 2");' },
      ]);
      const report = await run(path);
      const failures = notebookFailures(report);

      expect(report.ok).toBe(false);
      expect(report.cells.map((c) => c.index)).toEqual([1, 2, 3]);
      expect(report.cells[0]?.status).toBe("error");
      expect(report.cells[0]?.errors.map((e) => [e.ename, e.evalue])).toEqual([["Error", "boom"]]);
      expect(report.cells[0]?.errors[0]?.traceback.join("\n")).toMatch(/Error: boom\n\s+at /);
      // tslab aborts requests arriving within 200 ms of an error; either way they are not "ok".
      expect(report.cells.slice(1).map((c) => c.status)).not.toContain("ok");
      for (const index of [1, 2, 3]) {
        expect(failures.some((f) => f.includes(`throws.ipynb cell ${index} `))).toBe(true);
      }
    },
    RUN_TIMEOUT_MS,
  );

  test(
    "(d) output on stderr is a failure even when the cell succeeds",
    async () => {
      const path = writeNotebook(fixtureDir, "stderr.ipynb", [
        { type: "markdown", source: "# Stderr" },
        { type: "code", source: 'console.error("warn");' },
      ]);
      const report = await run(path);

      expect(report.cells[0]?.status).toBe("ok");
      expect(report.ok).toBe(false);
      expect(notebookFailures(report)).toEqual([
        expect.stringMatching(/stderr\.ipynb cell 1 .*wrote to stderr:\n {4}warn$/),
      ]);
    },
    RUN_TIMEOUT_MS,
  );

  test(
    "a cell over the per-cell timeout ends the run; it counts as unfinished, later cells as not run",
    async () => {
      const path = writeNotebook(fixtureDir, "slow.ipynb", [
        { type: "markdown", source: "# Slow" },
        { type: "code", source: "await new Promise((resolve) => setTimeout(resolve, 30_000));" },
        { type: "code", source: "1 + 1" },
      ]);
      const report = await run(path, { cellTimeoutSeconds: 3 });

      expect(report.ok).toBe(false);
      expect(report.error).toMatch(/Timeout/i);
      expect(report.cells.map((c) => c.status)).toEqual(["unfinished", "not-run"]);
      expect(notebookFailures(report)[0]).toMatch(/slow\.ipynb: the run failed: .*Timeout/i);
    },
    RUN_TIMEOUT_MS,
  );

  test(
    "(f) rerun order: a cell that leans on an earlier cell's state fails, naming it",
    async () => {
      const path = writeNotebook(fixtureDir, "dependent.ipynb", [
        { type: "markdown", source: "# Cells that depend on each other" },
        { type: "code", source: 'import * as ttc from "ttc-workbook";' },
        { type: "code", source: "const shared = 21;" },
        { type: "code", source: "console.log(shared * 2);" },
      ]);
      // Top to bottom it is fine …
      expect((await run(path)).ok).toBe(true);
      // … but cell 3 cannot run on its own: in rerun order it runs before cell 2.
      const report = await run(path, { rerunOrder: true });
      expect(report.ok).toBe(false);
      expect(report.cells.map((c) => c.index)).toEqual([1, 3, 2]);
      const failures = notebookFailures(report);
      expect(failures.some((f) => /cell 3\b/.test(f))).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  test(
    "(g) NaN or undefined shown in a table or markdown fails the cell; an error message naming NaN does not",
    async () => {
      const path = writeNotebook(fixtureDir, "bad-values.ipynb", [
        { type: "markdown", source: "# Values a reader should never see" },
        { type: "code", source: 'import * as ttc from "ttc-workbook";' },
        { type: "code", source: "ttc.showError(() => ttc.coverage(NaN, 4));" },
        { type: "code", source: 'ttc.showTable([{ p: 0.5, accuracy: 0 / 0, note: "ok" }]);' },
        {
          type: "code",
          source: "const missing: { x?: number } = {};\nttc.showMarkdown(`x is ${missing.x}`);",
        },
        { type: "code", source: 'ttc.showTable([{ p: 0.5, note: "NaN-free" }]);' },
      ]);
      const report = await run(path);
      expect(report.ok).toBe(false);
      const byIndex = new Map(report.cells.map((c) => [c.index, c]));
      expect(byIndex.get(2)?.bad_values).toEqual([]);
      expect(byIndex.get(3)?.bad_values).toEqual(["NaN"]);
      expect(byIndex.get(4)?.bad_values).toEqual(["undefined"]);
      expect(byIndex.get(5)?.bad_values).toEqual([]);
      const failures = notebookFailures(report);
      expect(failures).toHaveLength(2);
      expect(failures[0]).toMatch(/cell 3 .*shows NaN as a value/);
      expect(failures[1]).toMatch(/cell 4 .*shows undefined as a value/);
    },
    RUN_TIMEOUT_MS,
  );

  test("(e) no tslab kernel started by these tests is left running", async () => {
    expect(kernelPids.length).toBeGreaterThanOrEqual(8);
    const leftover = await waitFor(
      () =>
        newKernelProcesses(kernelsBefore).filter(
          (p) => kernelPids.includes(p.pid) || p.cwd.startsWith(fixtureDir),
        ),
      (procs) => procs.length === 0,
      10_000,
    );
    expect(leftover).toEqual([]);
    expect(kernelPids.filter(isAlive)).toEqual([]);
  });
});

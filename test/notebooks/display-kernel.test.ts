/**
 * End-to-end check of lib/display/ in a REAL tslab kernel: a fixture
 * notebook (written into <repo>/build/tmp-nb-XXXXXX, so the kernelspec's
 * walk-up finds node_modules/.bin/tslab) imports the compiled library by its
 * package name, draws two charts, a table, an error line and a progress bar;
 * the executed copy is then inspected output by output.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { DIST_DIR, ensureDist, REPO_ROOT } from "../helpers/dist";
import {
  notebookFailures,
  requirePython,
  runNotebook,
  TEST_TIMEOUT_MS,
  type NotebookRun,
} from "../../scripts/notebooks/runner";
import { makeFixtureDir, writeNotebook } from "./fixtures";

const PLOTLY_MIME = "application/vnd.plotly.v1+json";

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}
interface ExecutedNotebook {
  cells: { cell_type: string; outputs?: Output[] }[];
}

const joinText = (t: string | string[] | undefined): string => ([] as string[]).concat(t ?? []).join("");
const isLoader = (o: Output): boolean =>
  joinText(o.data?.["text/html"] as string | string[] | undefined).includes("if (!window.Plotly)");

/** dist/ must hold this library's display and figures modules, not an older build. */
function ensureFreshDist(): void {
  ensureDist();
  // Stale when any source of the two layers is newer than its layer's compiled index.
  const stale = ["display", "figures"].some((layer) => {
    const built = join(DIST_DIR, layer, "index.js");
    if (!existsSync(built)) return true;
    const dir = join(REPO_ROOT, "lib", layer);
    const newest = Math.max(...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));
    return statSync(built).mtimeMs < newest;
  });
  if (stale) {
    // Same command as `npm run build`; other modules' type errors do not stop tsc from emitting.
    spawnSync(
      process.execPath,
      [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: REPO_ROOT,
        stdio: "ignore",
      },
    );
  }
}

let fixtureDir: string | undefined;
const savedInline = process.env["TTC_PLOTLY_INLINE"];

beforeAll(() => {
  requirePython();
  ensureFreshDist();
  fixtureDir = makeFixtureDir();
  delete process.env["TTC_PLOTLY_INLINE"]; // the kernel inherits this environment: we want the loader
});

afterAll(() => {
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  if (savedInline !== undefined) process.env["TTC_PLOTLY_INLINE"] = savedInline;
});

describe("display in a real tslab kernel", () => {
  let report: NotebookRun;
  let cells: Output[][];

  beforeAll(async () => {
    const dir = fixtureDir as string;
    const path = writeNotebook(dir, "display.ipynb", [
      { type: "markdown", source: "# Display end to end" },
      { type: "code", source: 'import * as ttc from "ttc-workbook";\nttc.isKernel()' },
      {
        type: "code",
        source: [
          "ttc.show(ttc.lineFigure({",
          '  title: "Coverage </script><script>alert(1)</script>",',
          '  xAxis: { title: "samples n (log scale)", log: true },',
          '  yAxis: { title: "coverage (%)", percent: true },',
          "  series: [0.1, 0.3].map((p) => ({ name: `p = ${p}`, x: [1, 2, 4, 8], y: [1, 2, 4, 8].map((n) => 1 - (1 - p) ** n) })),",
          "}));",
        ].join("\n"),
      },
      {
        type: "code",
        source: [
          "ttc.show(ttc.barFigure({",
          '  title: "Accuracy by difficulty",',
          '  categories: ["easy", "medium", "hard"],',
          '  xAxis: { title: "difficulty bin" },',
          '  yAxis: { title: "accuracy (%)", percent: true },',
          '  series: [{ name: "n = 1", values: [0.8, 0.4, 0.1] }, { name: "n = 16", values: [0.95, 0.7, 0.2] }],',
          "}));",
        ].join("\n"),
      },
      {
        type: "code",
        source:
          'ttc.showTable([{ n: 1, coverage: 0.1 }, { n: 16, coverage: 0.8147 }], { caption: "Coverage <p = 0.1>" });',
      },
      { type: "code", source: 'ttc.showError(() => { throw new RangeError("x: y must be z, got 1"); });' },
      {
        type: "code",
        source: 'const bar = ttc.progress(3, "steps");\nbar.tick();\nbar.tick(2);\nbar.done();',
      },
    ]);
    const executed = join(dir, "display.executed.ipynb");
    report = await runNotebook(path, { outputPath: executed });
    const saved = JSON.parse(readFileSync(executed, "utf8")) as ExecutedNotebook;
    cells = saved.cells.map((c) => c.outputs ?? []);
  }, TEST_TIMEOUT_MS);

  test("every cell is ok, with nothing on stderr", () => {
    expect(notebookFailures(report)).toEqual([]);
    expect(report.cells.map((c) => c.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
  });

  test("the library sees the kernel (the value shown once, as the cell's execute_result)", () => {
    expect(cells[1]?.map((o) => o.output_type)).toEqual(["execute_result"]);
    expect(joinText(cells[1]?.[0]?.data?.["text/plain"] as string | string[] | undefined)).toBe("true");
  });

  test("exactly one output in the whole notebook carries the plotly.js loader, just before the first chart", () => {
    const all = cells.flat();
    expect(all.filter(isLoader)).toHaveLength(1);
    expect(cells[2]?.map(isLoader)).toEqual([true, false]);
    expect(cells[3]?.map(isLoader)).toEqual([false]);
  });

  test("each chart output has the three MIME types, with the plotly JSON stored as an object", () => {
    const charts = cells.flat().filter((o) => o.data?.[PLOTLY_MIME] !== undefined);
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart.output_type).toBe("display_data");
      expect(Object.keys(chart.data ?? {}).sort()).toEqual([PLOTLY_MIME, "text/html", "text/plain"]);
      const fig = chart.data?.[PLOTLY_MIME] as { data?: unknown[]; layout?: { title?: { text?: string } } };
      expect(typeof fig).toBe("object");
      expect(Array.isArray(fig.data)).toBe(true);
      expect(fig.data).toHaveLength(2);
      const html = joinText(chart.data?.["text/html"] as string | string[]);
      expect(html.match(/<\/script/gi)).toHaveLength(1);
    }
    const [line, bar] = charts.map(
      (c) => c.data?.[PLOTLY_MIME] as { data: { type: string }[]; layout: { title: { text: string } } },
    );
    expect(line?.layout.title.text).toBe("Coverage </script><script>alert(1)</script>");
    expect(bar?.data.map((t) => t.type)).toEqual(["bar", "bar"]);
  });

  test("the table output has escaped text/html and aligned text/plain", () => {
    const outputs = cells[4] ?? [];
    expect(outputs).toHaveLength(1);
    const html = joinText(outputs[0]?.data?.["text/html"] as string | string[]);
    expect(html).toMatch(/^<table class="ttc-table">/);
    expect(html).toContain("Coverage &lt;p = 0.1&gt;");
    expect(joinText(outputs[0]?.data?.["text/plain"] as string | string[])).toContain(" 1       0.1");
  });

  test("showError prints class and message on stdout", () => {
    const outputs = cells[5] ?? [];
    expect(outputs.map((o) => [o.output_type, o.name])).toEqual([["stream", "stdout"]]);
    expect(joinText(outputs[0]?.text)).toBe("RangeError: x: y must be z, got 1\n");
  });

  test("the progress bar is one output, updated in place to its final state", () => {
    const outputs = cells[6] ?? [];
    expect(outputs).toHaveLength(1);
    expect(joinText(outputs[0]?.data?.["text/plain"] as string | string[])).toMatch(
      /^steps: 3 \/ 3 \(100%\) — elapsed /,
    );
  });
});

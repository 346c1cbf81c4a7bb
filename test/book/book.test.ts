/**
 * The book in a real browser: builds it (`node scripts/book/build.js`, which
 * executes every chapter), then opens each page from file:// in headless
 * Chromium (Debian's /usr/bin/chromium driven by playwright-core, offline)
 * and checks, for every chapter page:
 * - each chart of the executed notebook is on the page and drew (its div has
 *   plotly's `.main-svg`), and no placeholder text is left;
 * - no console error, no page error, no failed request, and no request to
 *   anything but file: (http and https are also blocked outright);
 * - every chart with a slider redraws other data when the slider is clicked;
 * - every local link resolves (the file exists, and its #anchor too);
 * - no formula KaTeX could not render; the page is under 500 KB.
 * It also checks the contents page, the API reference, and a fixture page
 * whose chart title is `</script><script>alert(1)</script>`.
 * Screenshots go to build/screenshots/.
 *
 * In CI (CI=true) Chromium is required; elsewhere, without /usr/bin/chromium,
 * the browser checks are skipped with the reason in the skipped test's name.
 */
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { figureBundle } from "../../lib/display";
import type { BuildInfo } from "../../scripts/book/build";
import { PAGE_BUDGET_BYTES } from "../../scripts/book/build";
import { PLOTLY_MIME, renderChapter, text, type NotebookLike } from "../../scripts/book/render";
import { ensureDist, REPO_ROOT } from "../helpers/dist";

// The callbacks given to page.evaluate run in the browser. The project's tsconfig has no DOM
// library (and this file must not add it to every other file), so it declares, for this module
// only, the little of the DOM those callbacks use.
interface BrowserElement {
  id: string;
  textContent: string | null;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): BrowserNodeList;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
}
type BrowserNodeList = Iterable<BrowserElement> & ArrayLike<BrowserElement>;
declare const document: {
  body: { innerText: string };
  getElementById(id: string): BrowserElement | null;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): BrowserNodeList;
};
declare const window: Record<string, unknown>;

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const IN_CI = process.env["CI"] === "true";
const HAVE_CHROMIUM = existsSync(CHROMIUM);

const BOOK = join(REPO_ROOT, "build", "book");
const FIXTURE = join(REPO_ROOT, "build", "book-fixture");
const SCREENSHOTS = join(REPO_ROOT, "build", "screenshots");
const CHAPTERS = readdirSync(join(REPO_ROOT, "notebooks"))
  .filter((f) => /^\d\d-[a-z0-9-]+\.ipynb$/.test(f))
  .sort()
  .map((f) => f.replace(/\.ipynb$/, ""));

const EVIL = "</script><script>alert(1)</script>";

/** Runs the book build and resolves to its output; rejects with the output on failure. */
function buildBook(): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "scripts/book/build.js"), "--skip-dist"], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`npm run book failed (exit ${code}):\n${output}`));
    });
  });
}

/** A page with everything that went wrong on it collected. */
interface Watched {
  page: Page;
  problems: string[];
  dialogs: string[];
}

async function openPage(context: BrowserContext, file: string): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) =>
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "?"})`),
  );
  page.on("request", (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) problems.push(`request to a non-file URL: ${r.url()}`);
  });
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, problems, dialogs };
}

/** Waits until every chart div holds plotly's SVG (or 30 s pass), then counts. */
async function chartState(page: Page) {
  await page
    .waitForFunction(
      () => [...document.querySelectorAll(".output-chart")].every((d) => d.querySelector(".main-svg")),
      undefined,
      { timeout: 30_000 },
    )
    .catch(() => undefined); // the counts below say what is missing
  return page.evaluate(() => {
    const charts = [...document.querySelectorAll(".output-chart")];
    return {
      charts: charts.length,
      drawn: charts.filter((d) => d.querySelector(".main-svg")).length,
      notDrawn: charts.filter((d) => !d.querySelector(".main-svg")).map((d) => d.id),
      placeholders: document.querySelectorAll(".chart-placeholder, .ttc-placeholder").length,
      placeholderText: /trust the notebook|drawn by plotly\.min\.js when the page loads/.test(
        document.body.innerText,
      ),
      mathErrors: [...document.querySelectorAll(".math-error")].map((e) => e.textContent ?? ""),
      sliderCharts: charts
        .filter((d) => {
          const gd = d as unknown as { layout?: { sliders?: unknown[] } };
          const sliders = gd.layout?.sliders;
          return Array.isArray(sliders) && sliders.length > 0;
        })
        .map((d) => d.id),
    };
  });
}

/** The plotted data of a chart (x, y, name and visibility of each trace). */
function traceData(page: Page, id: string): Promise<string> {
  return page.evaluate((chartId) => {
    const gd = document.getElementById(chartId) as unknown as {
      data: { x?: ArrayLike<unknown>; y?: ArrayLike<unknown>; name?: string; visible?: unknown }[];
    };
    return JSON.stringify(
      gd.data.map((t) => ({
        x: t.x ? Array.from(t.x) : null,
        y: t.y ? Array.from(t.y) : null,
        name: t.name ?? null,
        visible: t.visible ?? true,
      })),
    );
  }, id);
}

/**
 * Clicks the slider of chart `id` on another step (the last one, or the first
 * if the last is active), as a reader would, and returns the data before and after.
 */
async function moveSlider(page: Page, id: string) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  const before = await traceData(page, id);
  const where = await page.evaluate((chartId) => {
    const gd = document.getElementById(chartId) as unknown as BrowserElement & {
      _fullLayout: { sliders: { active: number; steps: unknown[] }[] };
    };
    const slider = gd._fullLayout.sliders[0];
    if (!slider) return null;
    const n = slider.steps.length;
    const from = slider.active;
    const to = from === n - 1 ? 0 : n - 1;
    const ticks = gd.querySelectorAll(".slider-container .slider-tick-rect");
    const rail = gd.querySelector(".slider-container .slider-rail-touch-rect");
    const tick = ticks[to];
    if (!tick || !rail) return { n, from, to, x: NaN, y: NaN };
    const t = tick.getBoundingClientRect();
    const r = rail.getBoundingClientRect();
    return { n, from, to, x: t.left + t.width / 2, y: r.top + r.height / 2 };
  }, id);
  if (!where) throw new Error(`${id}: no slider in _fullLayout`);
  if (where.n < 2) return { ...where, before, after: before, moved: false };
  if (!Number.isFinite(where.x)) throw new Error(`${id}: slider ticks or rail not found in the SVG`);
  await page.mouse.click(where.x, where.y);
  const moved = await page
    .waitForFunction(
      ([chartId, to]) => {
        const gd = document.getElementById(chartId as string) as unknown as {
          _fullLayout: { sliders: { active: number }[] };
        };
        return gd._fullLayout.sliders[0]?.active === to;
      },
      [id, where.to] as const,
      { timeout: 5_000 },
    )
    .then(() => true)
    .catch(() => false);
  await page.waitForTimeout(200); // let the restyle finish drawing
  const after = await traceData(page, id);
  return { ...where, before, after, moved };
}

/** Every href on the page that does not resolve: a missing file, or a missing #anchor. */
async function brokenLinks(page: Page, pageFile: string): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href") ?? ""),
  );
  const ids = new Set(await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id)));
  const broken: string[] = [];
  for (const href of new Set(hrefs)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // http(s), mailto: not followed offline
    const [pathPart = "", fragment] = href.split("#");
    if (pathPart === "") {
      if (fragment && !ids.has(decodeURIComponent(fragment)))
        broken.push(`${href} (no such id on this page)`);
      continue;
    }
    const target = resolve(dirname(pageFile), decodeURIComponent(pathPart));
    if (!existsSync(target)) {
      broken.push(`${href} (no file ${target})`);
      continue;
    }
    if (fragment && target.endsWith(".html")) {
      const html = readFileSync(target, "utf8");
      if (!html.includes(`id="${fragment}"`)) broken.push(`${href} (no id "${fragment}" in ${target})`);
    }
  }
  return broken;
}

/** Number of chart outputs in an executed notebook. */
function notebookCharts(file: string): number {
  const nb = JSON.parse(readFileSync(file, "utf8")) as NotebookLike;
  return nb.cells
    .flatMap((c) =>
      Array.isArray(c["outputs"]) ? (c["outputs"] as { data?: Record<string, unknown> }[]) : [],
    )
    .filter((o) => o.data && o.data[PLOTLY_MIME] !== undefined).length;
}

/** A one-chapter page with a hostile chart title, a slider chart and a hostile HTML output. */
function writeFixture(): string {
  rmSync(FIXTURE, { recursive: true, force: true });
  mkdirSync(FIXTURE, { recursive: true });
  for (const asset of ["plotly.min.js", "book.css", "katex"]) {
    cpSync(join(BOOK, asset), join(FIXTURE, asset), { recursive: true });
  }
  const xs = [1, 2, 3, 4];
  const steps = [0.1, 0.5, 0.9].map((p) => ({
    label: String(p),
    method: "restyle",
    args: [{ x: [xs], y: [xs.map((n) => 1 - (1 - p) ** n)], name: [`p = ${p}`] }],
  }));
  const hostile = figureBundle({
    data: [{ type: "scatter", x: [1, 2, 3], y: [2, 1, 3], name: `${EVIL}\u2028` }],
    layout: { title: { text: EVIL }, height: 300 },
  });
  const slider = figureBundle({
    data: [
      { type: "scatter", mode: "lines+markers", x: xs, y: xs.map((n) => 1 - 0.9 ** n), name: "p = 0.1" },
    ],
    layout: {
      title: { text: "Slider fixture" },
      height: 420,
      margin: { t: 60, r: 20, b: 140, l: 70 },
      yaxis: { range: [0, 1] },
      sliders: [{ active: 0, currentvalue: { prefix: "p: " }, pad: { t: 60 }, len: 1, x: 0, steps }],
    },
  });
  const nb: NotebookLike = {
    cells: [
      { cell_type: "markdown", source: "# 00 · Fixture\n\nMath $x^2$." },
      {
        cell_type: "code",
        source: "ttc.show(fig);",
        outputs: [
          { output_type: "display_data", data: hostile, metadata: {} },
          { output_type: "display_data", data: slider, metadata: {} },
          {
            output_type: "display_data",
            data: { "text/html": "<script>window.__pwned = true</script>", "text/plain": "plain" },
            metadata: {},
          },
        ],
      },
    ],
  };
  const page = renderChapter({
    nb,
    name: "00-fixture",
    prev: null,
    next: null,
    chapters: new Set(["00-fixture"]),
  });
  const file = join(FIXTURE, "00-fixture.html");
  writeFileSync(file, page.html);
  return file;
}

if (!HAVE_CHROMIUM && !IN_CI) {
  const reason = `${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium; CI installs it and requires these checks)`;
  console.warn(`book browser test skipped: ${reason}`);
  test.skip(`book browser test skipped: ${reason}`, () => undefined);
} else {
  describe("the book in headless Chromium", () => {
    let context: BrowserContext;
    let userDataDir = "";
    let info: BuildInfo;
    const sliderReport: string[] = [];

    beforeAll(async () => {
      if (!HAVE_CHROMIUM) {
        throw new Error(`CI=true and ${CHROMIUM} is missing: .ci/run must install Debian's chromium`);
      }
      ensureDist();
      const output = await buildBook();
      console.log(output.slice(output.indexOf("book: wrote")));
      info = JSON.parse(readFileSync(join(BOOK, "build-info.json"), "utf8")) as BuildInfo;
      mkdirSync(SCREENSHOTS, { recursive: true });
      userDataDir = mkdtempSync(join(tmpdir(), "ttc-book-chromium-"));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1200, height: 900 },
      });
      // Offline by construction: anything but file:, data: and blob: is refused (and reported by openPage).
      await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort());
    }, 900_000);

    afterAll(async () => {
      if (sliderReport.length) console.log(`book sliders:\n  ${sliderReport.join("\n  ")}`);
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    test("the build wrote a page for every chapter notebook", () => {
      expect(info.pages.map((p) => p.name)).toEqual(CHAPTERS);
    });

    test.each(CHAPTERS)(
      "%s: every chart drew, no errors or network, sliders move data, links resolve, under 500 KB",
      async (name) => {
        const file = join(BOOK, `${name}.html`);
        const expectedCharts = notebookCharts(join(BOOK, "notebooks", `${name}.ipynb`));
        const { page, problems, dialogs } = await openPage(context, file);
        try {
          const state = await chartState(page);
          await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
          if (state.charts > 0) {
            const first = page.locator(".output-chart").first();
            await first.scrollIntoViewIfNeeded();
            await first.screenshot({ path: join(SCREENSHOTS, `${name}-chart-1.png`) });
          }

          expect({ charts: state.charts, drawn: state.drawn, notDrawn: state.notDrawn }).toEqual({
            charts: expectedCharts,
            drawn: expectedCharts,
            notDrawn: [],
          });
          expect({ placeholders: state.placeholders, placeholderText: state.placeholderText }).toEqual({
            placeholders: 0,
            placeholderText: false,
          });
          expect(state.mathErrors).toEqual([]);

          if (state.sliderCharts.length === 0) {
            sliderReport.push(`${name}: no slider`);
          }
          for (const id of state.sliderCharts) {
            const move = await moveSlider(page, id);
            sliderReport.push(
              `${name} ${id}: step ${move.from} → ${move.to} of ${move.n}: ${move.after !== move.before ? "data changed" : "DATA UNCHANGED"}`,
            );
            expect({ id, moved: move.moved || move.n < 2 }).toEqual({ id, moved: true });
            if (move.n >= 2) expect(move.after).not.toEqual(move.before);
          }

          expect(await brokenLinks(page, file)).toEqual([]);
          expect(problems).toEqual([]);
          expect(dialogs).toEqual([]);
          expect(readFileSync(file).length).toBeLessThan(PAGE_BUDGET_BYTES);
        } finally {
          await page.close();
        }
      },
      120_000,
    );

    test("the contents page lists every chapter with its time, links resolve, no errors", async () => {
      const file = join(BOOK, "index.html");
      const { page, problems } = await openPage(context, file);
      try {
        await page.screenshot({ path: join(SCREENSHOTS, "index.png"), fullPage: true });
        const rows = await page.evaluate(() =>
          [...document.querySelectorAll("table.chapters tbody tr")].map((tr) => ({
            href: tr.querySelector("a")?.getAttribute("href") ?? "",
            time: tr.querySelectorAll("td")[2]?.textContent ?? "",
          })),
        );
        expect(rows.map((r) => r.href)).toEqual(CHAPTERS.map((c) => `${c}.html`));
        for (const r of rows) expect(r.time).toMatch(/\d/);
        expect(await page.locator('a[href="api/index.html"]').count()).toBeGreaterThan(0);
        expect(await brokenLinks(page, file)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    }, 60_000);

    test("the API reference opens offline, and chapter code links into it", async () => {
      const file = join(BOOK, "api", "functions", "coverage.html");
      expect(existsSync(file)).toBe(true);
      const { page, problems } = await openPage(context, file);
      try {
        expect(await page.title()).toMatch(/^coverage \|/);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
      const linked = CHAPTERS.filter((c) =>
        readFileSync(join(BOOK, `${c}.html`), "utf8").includes('class="api-link"'),
      );
      expect(linked).toEqual(CHAPTERS);
    }, 60_000);

    test("a chart titled </script><script>alert(1)</script> draws with that literal title and runs nothing", async () => {
      const file = writeFixture();
      const { page, problems, dialogs } = await openPage(context, file);
      try {
        const state = await chartState(page);
        expect({ charts: state.charts, drawn: state.drawn, placeholders: state.placeholders }).toEqual({
          charts: 2,
          drawn: 2,
          placeholders: 0,
        });
        const title = await page.evaluate(() => document.querySelector("#chart-1 .gtitle")?.textContent);
        expect(title).toBe(EVIL);
        expect(await page.evaluate(() => window["__pwned"])).toBeUndefined();
        expect(await page.evaluate(() => document.querySelector(".output-text")?.textContent)).toBe("plain");

        // The slider check used on the chapters works: clicking a step changes the data.
        expect(state.sliderCharts).toEqual(["chart-2"]);
        const move = await moveSlider(page, "chart-2");
        expect(move).toMatchObject({ n: 3, from: 0, to: 2, moved: true });
        expect(JSON.parse(move.after)[0].name).toBe("p = 0.9");
        expect(move.after).not.toEqual(move.before);
        await page.screenshot({ path: join(SCREENSHOTS, "fixture.png"), fullPage: true });
        expect(dialogs).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    }, 60_000);

    test("build-info.json records the commit, the notebooks' hash and each page's size", () => {
      expect(info.notebooksSha256).toMatch(/^[0-9a-f]{64}$/);
      for (const p of info.pages) {
        expect(p.bytes).toBe(readFileSync(join(BOOK, p.file)).length);
        expect(text(p.title)).not.toBe("");
      }
    });
  });
}

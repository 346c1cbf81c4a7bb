#!/usr/bin/env node
// @ts-check
/**
 * `npm run book`: executes every chapter notebook and writes the workbook as
 * a static site that opens from disk, with no kernel and no network.
 *
 *   node scripts/book/build.js [--out DIR] [--notebooks DIR] [--jobs N] [--skip-dist] [--skip-api]
 *
 * Steps:
 * 1. build dist/ (the notebooks import the compiled library), unless --skip-dist;
 * 2. execute notebooks/NN-*.ipynb headlessly with the runner the notebook
 *    tests use (scripts/notebooks/runner.js: run_notebook.py, nbclient + tslab),
 *    --jobs at a time (default 2); the runner's verdict decides: any problem it
 *    reports fails the build, naming the notebook and the cell;
 * 3. TypeDoc renders the library's TSDoc into DIR/api/ (typedoc.json), unless --skip-api;
 * 4. writes DIR/index.html, one page per chapter, DIR/notebooks/*.ipynb (the
 *    executed notebooks), and the shared files: plotly.min.js (once, from
 *    plotly.js-dist-min), katex/ (KaTeX's CSS and fonts; the math itself is
 *    rendered here, at build time), book.css, build-info.json;
 * 5. prints a size report (page size without plotly.js, charts, sliders) and the total time.
 *
 * DIR defaults to build/book. Chapter pages over 500 KB are flagged in the report.
 */
"use strict";

const { execFileSync, spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { REPO_ROOT } = require("../jupyter");
const { runNotebook, requirePython, runLimited } = require("../notebooks/runner");
const { runTypedoc, inlineIconReferences, apiLinks } = require("./api");
const { chapterInfo, renderChapter, renderIndex, PLOTLY_MIME } = require("./render");
const { escapeHtml } = require("./markdown");

/**
 * Command-line options of the book build.
 * @typedef {object} BookOptions
 * @property {string} out output folder
 * @property {string} notebooks folder of the chapter notebooks
 * @property {number} jobs notebooks executed at a time
 * @property {boolean} skipDist do not rebuild dist/
 * @property {boolean} skipApi do not run TypeDoc
 */

/**
 * One chapter page in build-info.json.
 * @typedef {object} PageInfo
 * @property {string} name
 * @property {string} file
 * @property {string} title
 * @property {number} bytes
 * @property {number} charts
 * @property {number} sliders
 * @property {number} seconds
 * @property {string | null} time
 * @property {number | null} minutes
 */

/**
 * build-info.json.
 * @typedef {object} BuildInfo
 * @property {string} builtAt
 * @property {string | null} commit
 * @property {boolean | null} dirty
 * @property {string} notebooksSha256
 * @property {string} node
 * @property {number | null} apiWarnings
 * @property {PageInfo[]} pages
 * @property {string[]} warnings
 */

/**
 * A chapter once executed: what the index page and the navigation need.
 * @typedef {{name: string, title: string, time: string | null, minutes: number | null, seconds: number, charts: number}} Chapter
 */

/**
 * @param {unknown} error
 * @returns {string}
 */
const errorMessage = (error) => (error instanceof Error ? error.message : String(error));

/** Chapter notebook names, as the notebook tests require them. */
const CHAPTER_FILE = /^\d\d-[a-z0-9-]+\.ipynb$/;

/** A chapter page should stay under this many bytes (plotly.js is a separate shared file). */
const PAGE_BUDGET_BYTES = 500 * 1024;

/** Marker file that says a folder was made by this script (so it may be emptied). */
const MARKER = ".ttc-book";

/** The default output folder (git-ignored); `npm run docs` also writes its api/ subfolder. */
const DEFAULT_OUT = path.join(REPO_ROOT, "build", "book");

/**
 * @param {string[]} argv the arguments after `build.js`
 * @returns {BookOptions}
 */
function parseArgs(argv) {
  const options = {
    out: DEFAULT_OUT,
    notebooks: path.join(REPO_ROOT, "notebooks"),
    jobs: 2,
    skipDist: false,
    skipApi: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--out") options.out = path.resolve(value());
    else if (arg === "--notebooks") options.notebooks = path.resolve(value());
    else if (arg === "--jobs") {
      options.jobs = Number(value());
      if (!Number.isInteger(options.jobs) || options.jobs < 1)
        throw new Error("--jobs must be an integer >= 1");
    } else if (arg === "--skip-dist") options.skipDist = true;
    else if (arg === "--skip-api") options.skipApi = true;
    else if (arg === "--help" || arg === "-h") {
      console.log(
        "usage: node scripts/book/build.js [--out DIR] [--notebooks DIR] [--jobs N] [--skip-dist] [--skip-api]",
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  return options;
}

/**
 * Empties `dir` if it is the default build/book, or this script made it, or it
 * is empty or missing; refuses any other folder (so `--out ~` cannot delete a home).
 * @param {string} dir
 */
function prepareOutDir(dir) {
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (path.resolve(dir) !== DEFAULT_OUT && entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(
        `${dir} exists and was not made by the book build (no ${MARKER} file); not emptying it`,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(dir, "notebooks"), { recursive: true });
  fs.writeFileSync(path.join(dir, MARKER), "made by scripts/book/build.js; emptied on every build\n");
}

/**
 * @param {string} from
 * @param {string} to
 */
function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

/**
 * plotly.min.js, KaTeX's stylesheet and fonts, and the book's stylesheet.
 * @param {string} out
 */
function copyAssets(out) {
  fs.copyFileSync(require.resolve("plotly.js-dist-min"), path.join(out, "plotly.min.js"));
  const katexDist = path.join(path.dirname(require.resolve("katex/package.json")), "dist");
  fs.mkdirSync(path.join(out, "katex"), { recursive: true });
  fs.copyFileSync(path.join(katexDist, "katex.min.css"), path.join(out, "katex", "katex.min.css"));
  copyDir(path.join(katexDist, "fonts"), path.join(out, "katex", "fonts"));
  fs.copyFileSync(path.join(__dirname, "book.css"), path.join(out, "book.css"));
}

/**
 * Commit, dirty flag and a hash of the chapter sources, for the footer and build-info.json.
 * @param {string[]} notebookPaths
 * @returns {{commit: string | null, dirty: boolean | null, notebooksSha256: string}}
 */
function sourceInfo(notebookPaths) {
  const git = (/** @type {string[]} */ args) => {
    const r = spawnSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const hash = crypto.createHash("sha256");
  for (const p of notebookPaths) hash.update(path.basename(p)).update(fs.readFileSync(p));
  const status = git(["status", "--porcelain", "--", "lib", "notebooks"]);
  return {
    commit: git(["rev-parse", "HEAD"]),
    dirty: status === null ? null : status !== "",
    notebooksSha256: hash.digest("hex"),
  };
}

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * @param {string | number} s
 * @param {number} n
 * @param {boolean} [right] pad on the left (right-align)
 * @returns {string}
 */
function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

/**
 * Executes the chapters and writes the book (see the top of this file).
 * @param {BookOptions} options
 * @returns {Promise<BuildInfo>}
 */
async function buildBook(options) {
  const started = Date.now();
  const out = options.out;
  const notebookPaths = fs.existsSync(options.notebooks)
    ? fs
        .readdirSync(options.notebooks)
        .filter((f) => CHAPTER_FILE.test(f))
        .sort()
        .map((f) => path.join(options.notebooks, f))
    : [];
  if (notebookPaths.length === 0)
    throw new Error(`no chapter notebooks (NN-name.ipynb) in ${options.notebooks}`);
  const python = requirePython(); // fails now, with the fix, when Jupyter is missing
  prepareOutDir(out);

  // 1. The compiled library the notebooks import.
  if (!options.skipDist) {
    const t = Date.now();
    console.log("book: building dist/ (tsc -p tsconfig.build.json)");
    execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: REPO_ROOT,
        stdio: "inherit",
      },
    );
    console.log(`book: dist/ built in ${seconds(Date.now() - t)}`);
  }

  // 2. Execute every chapter.
  const execStarted = Date.now();
  console.log(`book: executing ${notebookPaths.length} notebook(s), ${options.jobs} at a time`);
  const runs = await runLimited(
    notebookPaths.map((nbPath) => async () => {
      const name = path.basename(nbPath, ".ipynb");
      const outputPath = path.join(out, "notebooks", `${name}.ipynb`);
      const shown = path.relative(REPO_ROOT, nbPath).startsWith("..")
        ? nbPath
        : path.relative(REPO_ROOT, nbPath);
      let report;
      try {
        report = await runNotebook(nbPath, { outputPath, python });
      } catch (error) {
        return { name, nbPath, outputPath, failures: [`${shown}: ${errorMessage(error)}`], seconds: 0 };
      }
      const { failures } = report;
      console.log(
        `book:   ${pad(shown, 40)} ${failures.length ? "FAILED" : "ok    "} ${pad(report.total_seconds.toFixed(1), 6, true)} s`,
      );
      return { name, nbPath, outputPath, failures, seconds: report.total_seconds, report };
    }),
    options.jobs,
  );
  const executeSeconds = (Date.now() - execStarted) / 1000;
  const failures = runs.flatMap((r) => r.failures);
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} problem(s) executing the chapters; the book was not written:\n  ${failures.join("\n  ")}`,
    );
  }

  // 3. API reference.
  let api = null;
  let links = new Map();
  if (!options.skipApi) {
    console.log("book: TypeDoc → api/");
    api = await runTypedoc(path.join(out, "api"));
    inlineIconReferences(path.join(out, "api"));
    links = apiLinks(path.join(out, "api"), "api");
    console.log(
      `book: API reference for ${links.size} exported names in ${api.seconds.toFixed(1)} s; ` +
        `TypeDoc warnings: ${api.warnings} (not fatal)`,
    );
    for (const line of api.warningLines.slice(0, 10)) console.log(`book:   ${line}`);
    if (api.warningLines.length > 10) console.log(`book:   … ${api.warningLines.length - 10} more`);
  }

  // 4. Pages.
  copyAssets(out);
  const source = sourceInfo(notebookPaths);
  const builtAt = new Date().toISOString();
  const footer =
    `Built ${escapeHtml(builtAt.slice(0, 16).replace("T", " "))} UTC` +
    (source.commit ? ` from commit <code>${escapeHtml(source.commit.slice(0, 12))}</code>` : "") +
    (source.dirty ? " with uncommitted changes in lib/ or notebooks/" : "") +
    ` · Node ${escapeHtml(process.version)} · each notebook executed with the tslab kernel.`;

  /** @type {import("./render").NotebookLike[]} */
  const notebooks = runs.map((r) => JSON.parse(fs.readFileSync(r.outputPath, "utf8")));
  /** @type {Chapter[]} */
  const chapters = runs.map((r, i) => ({
    name: r.name,
    ...chapterInfo(notebooks[i] ?? { cells: [] }, r.name),
    seconds: r.seconds,
    charts: 0,
  }));
  const names = new Set(chapters.map((c) => c.name));
  /** @type {string[]} */
  const warnings = [];
  /** @type {PageInfo[]} */
  const pages = [];
  chapters.forEach((ch, i) => {
    const nb = notebooks[i] ?? { cells: [] };
    const rendered = renderChapter({
      nb,
      name: ch.name,
      prev: chapters[i - 1] ?? null,
      next: chapters[i + 1] ?? null,
      chapters: names,
      apiLinks: links,
      notebookHref: `notebooks/${ch.name}.ipynb`,
      footer,
    });
    // Every chart output of the executed notebook must be on the page.
    const expected = (nb.cells ?? [])
      .flatMap((c) => c.outputs ?? [])
      .filter((o) => o.data && o.data[PLOTLY_MIME] !== undefined).length;
    if (expected !== rendered.charts) {
      throw new Error(
        `${ch.name}: the notebook has ${expected} chart(s) but the page got ${rendered.charts}`,
      );
    }
    const file = path.join(out, `${ch.name}.html`);
    fs.writeFileSync(file, rendered.html);
    ch.charts = rendered.charts;
    for (const w of rendered.warnings) if (!warnings.includes(w)) warnings.push(w);
    pages.push({
      name: ch.name,
      file: `${ch.name}.html`,
      title: rendered.title,
      bytes: Buffer.byteLength(rendered.html),
      charts: rendered.charts,
      sliders: rendered.sliders,
      seconds: ch.seconds,
      time: ch.time,
      minutes: ch.minutes,
    });
  });
  const indexHtml = renderIndex({ chapters, hasApi: api !== null, footer });
  fs.writeFileSync(path.join(out, "index.html"), indexHtml);

  const info = {
    builtAt,
    ...source,
    node: process.version,
    apiWarnings: api ? api.warnings : null,
    pages,
    warnings,
  };
  fs.writeFileSync(path.join(out, "build-info.json"), JSON.stringify(info, null, 1) + "\n");

  // 5. Report.
  const plotlyBytes = fs.statSync(path.join(out, "plotly.min.js")).size;
  console.log("");
  console.log(
    `book: wrote ${path.relative(process.cwd(), out) || "."}/ (open index.html in a browser; no network needed)`,
  );
  console.log(
    `book: ${pad("page", 28)} ${pad("size", 10, true)} ${pad("charts", 7, true)} ${pad("sliders", 8, true)}  run time`,
  );
  for (const p of pages) {
    const flag = p.bytes > PAGE_BUDGET_BYTES ? "  OVER 500 KB" : "";
    console.log(
      `book: ${pad(p.file, 28)} ${pad(kb(p.bytes), 10, true)} ${pad(p.charts, 7, true)} ${pad(p.sliders, 8, true)}  ${p.seconds.toFixed(1)} s${flag}`,
    );
  }
  console.log(`book: ${pad("index.html", 28)} ${pad(kb(Buffer.byteLength(indexHtml)), 10, true)}`);
  console.log(`book: shared plotly.min.js ${kb(plotlyBytes)} (loaded once per page, not inlined)`);
  for (const w of warnings) console.log(`book: warning: ${w}`);
  const over = pages.filter((p) => p.bytes > PAGE_BUDGET_BYTES);
  if (over.length)
    console.log(`book: warning: ${over.length} page(s) over 500 KB: ${over.map((p) => p.file).join(", ")}`);
  console.log(
    `book: done in ${seconds(Date.now() - started)} (executing notebooks ${executeSeconds.toFixed(1)} s` +
      (api ? `, TypeDoc ${api.seconds.toFixed(1)} s` : "") +
      ")",
  );
  return info;
}

module.exports = { buildBook, parseArgs, PAGE_BUDGET_BYTES, CHAPTER_FILE };

if (require.main === module) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`book: ${errorMessage(error)}`);
    process.exit(2);
  }
  buildBook(options).then(
    () => process.exit(0),
    (error) => {
      console.error(`book: FAILED: ${errorMessage(error)}`);
      process.exit(1);
    },
  );
}

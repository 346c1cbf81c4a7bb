/**
 * Display in a tslab kernel: charts, tables, markdown, error lines, progress
 * bars and exercise checkers.
 *
 * This is the only module that knows about tslab, and it never imports it.
 * tslab keeps the current cell's display writer in
 * `tslab/dist/jupyter.js` (`lastWriteDisplayData`, reset at each execute
 * request); the module finds it by scanning `require.cache`. Outside a
 * kernel (jest, plain node) nothing is found and every display function is
 * a silent no-op. The exceptions are the functions documented to print to
 * stdout ({@link showError}, {@link checkAgainst}, {@link checkValue}), which
 * use `console.log` everywhere.
 *
 * Charts are sent as one multi-MIME `display_data`:
 * `application/vnd.plotly.v1+json` (a JSON object, rendered by JupyterLab's
 * and VS Code's plotly renderers), `text/html` (a div plus a script that
 * draws with `window.Plotly`, for classic Notebook and nbconvert HTML) and
 * `text/plain` (a one-line summary). The first chart of a kernel process is
 * preceded by a loader output that inlines plotly.js once; set
 * `TTC_PLOTLY_INLINE=0` in the kernel's environment to skip it when the
 * frontend has its own plotly renderer.
 *
 * The figure types below are our own structural subset of plotly.js's: the
 * types shipped by plotly.js-dist-min need the DOM lib (`HTMLElement`,
 * `MouseEvent`), so they fail to compile under TypeScript 5.0 with
 * `skipLibCheck: false` and `lib: ["ES2022"]`, which is the setting of this
 * library and of notebook cells.
 *
 * Why this file is long: it still holds the tslab bridge, show, tables, progress, exercise checkers and versions together; splitting it by concept is the open part of the issue "One home per concept".
 * @packageDocumentation
 */

import * as fs from "fs";
import * as path from "path";
import * as util from "util";
import { randomBytes } from "crypto";
import { VERSION } from "../base/version";
import {
  assertFunction,
  assertInteger,
  assertObject,
  assertOptions,
  assertPositive,
  message,
  rangeError,
  typeError,
} from "../base/validate";
import type { Figure, PlotLayout, PlotTitle } from "../figures/plotly";

/** A Jupyter MIME bundle: MIME type → value (a string, or a JSON object for `…+json` types). */
export type MimeBundle = Record<string, unknown>;

// ---------------------------------------------------------------------------
// Finding tslab's display writer
// ---------------------------------------------------------------------------

interface DisplayContent {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}
type DisplayWriter = (content: DisplayContent, update: boolean) => void;
interface TslabJupyterModule {
  filename: string;
  exports: { lastWriteDisplayData?: unknown };
}

const JUPYTER_JS = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;
let cachedTslab: TslabJupyterModule | undefined;

function writerOf(m: TslabJupyterModule | undefined): DisplayWriter | undefined {
  const w = m?.exports?.lastWriteDisplayData;
  return typeof w === "function" ? (w as DisplayWriter) : undefined;
}

/** The current cell's display writer, or undefined outside a tslab kernel. */
function tslabWriter(): DisplayWriter | undefined {
  const cached = writerOf(cachedTslab);
  if (cached) return cached;
  const cache = require.cache as Record<string, TslabJupyterModule | undefined>;
  for (const key of Object.keys(cache)) {
    if (!JUPYTER_JS.test(key)) continue;
    const m = cache[key];
    const w = writerOf(m);
    if (m && w) {
      cachedTslab = m;
      return w;
    }
  }
  return undefined;
}

/** Sends one display (or an update of one); false when there is no kernel. */
function emit(data: MimeBundle, displayId?: string, update = false): boolean {
  const w = tslabWriter();
  if (!w) return false;
  w({ data, metadata: {}, transient: displayId === undefined ? {} : { display_id: displayId } }, update);
  return true;
}

/**
 * Whether this code runs inside a tslab kernel (a tslab display writer is
 * present). False in jest and plain node.
 *
 * @returns true inside a tslab kernel
 * @throws never
 * @example
 * if (ttc.isKernel()) ttc.showMarkdown("Running in Jupyter.");
 */
export function isKernel(): boolean {
  return tslabWriter() !== undefined;
}

/**
 * Sends a MIME bundle as one `display_data` output (tslab's own
 * `display.raw` sends one MIME type only). A no-op outside a kernel.
 *
 * @param bundle - MIME type → value, e.g. `{ "text/html": "<b>hi</b>", "text/plain": "hi" }`
 * @returns nothing (tslab would print a returned value)
 * @throws {TypeError} if `bundle` is not an object, or a key is not a MIME type
 * @throws {RangeError} if `bundle` is empty
 * @example
 * ttc.displayBundle({ "text/html": "<b>42</b>", "text/plain": "42" });
 */
export function displayBundle(bundle: MimeBundle): void {
  const b = assertObject("displayBundle", "bundle", bundle);
  const keys = Object.keys(b);
  if (keys.length === 0) {
    throw new RangeError("displayBundle: bundle must be a non-empty MIME bundle, got an empty object");
  }
  for (const k of keys) {
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(k))
      typeError("displayBundle", "bundle keys", 'MIME types such as "text/html"', k);
  }
  emit(b);
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function assertString(fn: string, name: string, value: unknown, nonEmpty = false): asserts value is string {
  if (typeof value !== "string") typeError(fn, name, nonEmpty ? "a non-empty string" : "a string", value);
  if (nonEmpty && value.trim() === "") rangeError(fn, name, "a non-empty string", value);
}

/** Escapes `& < > " '` for HTML text and attribute values. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );
}

/** JSON text that is safe inside a `<script>` element (no `<`, no U+2028/U+2029). */
function jsonForScript(jsonText: string): string {
  return jsonText
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Unique per process, so ids survive a kernel restart with old outputs still on the page. */
const PROCESS_TOKEN = randomBytes(4).toString("hex");
let idCounter = 0;
function nextId(kind: string): string {
  idCounter += 1;
  return `ttc-${kind}-${PROCESS_TOKEN}-${idCounter}`;
}

/**
 * Formats a number for tables and prose: integers as integers, other values
 * with `digits` significant digits and no trailing zeros.
 *
 * @param x - the number
 * @param digits - significant digits for non-integers, an integer in [1, 17] (default 4)
 * @returns the formatted number, e.g. `"0.6513"`, `"16"`, `"1.5e-7"`, `"NaN"`
 * @throws {TypeError} if `x` or `digits` is not a number
 * @throws {RangeError} if `digits` is not an integer in [1, 17]
 * @example
 * formatNumber(0.6513215599);  // "0.6513"
 * formatNumber(16);            // "16"
 * formatNumber(1.5e-7, 2);     // "1.5e-7"
 */
export function formatNumber(x: number, digits = 4): string {
  if (typeof x !== "number") typeError("formatNumber", "x", "a number", x);
  assertInteger("formatNumber", "digits", digits, 1, 17);
  return fmt(x, digits);
}

function fmt(x: number, digits: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return "0";
  const ax = Math.abs(x);
  if (Number.isInteger(x) && ax < 1e7) return String(x);
  if (ax >= 1e7 || ax < 1e-4) {
    // Scientific notation with `digits` significant digits, trailing zeros dropped: 1.2e+20.
    const [mantissa, exponent] = x.toExponential(digits - 1).split("e") as [string, string];
    const trimmed = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    return `${trimmed}e${exponent}`;
  }
  return String(Number(x.toPrecision(digits)));
}

/** Renders one table cell or argument as text. */
function formatCell(v: unknown, digits: number): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return fmt(v, digits);
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const items = Array.from(v as ArrayLike<unknown>);
    const head = items
      .slice(0, 8)
      .map((e) => (typeof e === "string" ? JSON.stringify(e) : formatCell(e, digits)));
    return `[${head.join(", ")}${items.length > 8 ? `, … (${items.length} items)` : ""}]`;
  }
  if (v instanceof Error) return `${errorClass(v)}: ${v.message}`;
  return util.inspect(v, { depth: 2, breakLength: Infinity });
}

function errorClass(e: unknown): string {
  if (e instanceof Error) {
    const ctor = (e as { constructor?: { name?: unknown } }).constructor;
    const ctorName = ctor && typeof ctor.name === "string" ? ctor.name : "";
    return ctorName && ctorName !== "Error" ? ctorName : e.name || "Error";
  }
  return "";
}

/** `RangeError: message` for an Error, a description for anything else thrown. */
function describeThrown(e: unknown): string {
  try {
    if (e instanceof Error) return `${errorClass(e)}: ${e.message}`;
    return `thrown (not an Error): ${util.inspect(e, { depth: 2, breakLength: Infinity })}`;
  } catch {
    return "thrown: (a value that cannot be printed)";
  }
}

function inspectValue(v: unknown): string {
  try {
    return typeof v === "string" ? JSON.stringify(v) : util.inspect(v, { depth: 2, breakLength: Infinity });
  } catch {
    return "(a value that cannot be printed)";
  }
}

// ---------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------

/** The JSON the frontend sees: typed arrays become arrays, non-finite numbers null. */
function figureJson(fn: string, fig: Figure): string {
  const replacer = (_key: string, v: unknown): unknown =>
    typeof v === "bigint"
      ? Number(v)
      : ArrayBuffer.isView(v) && !(v instanceof DataView)
        ? Array.from(v as unknown as ArrayLike<number>)
        : v;
  try {
    return JSON.stringify({ data: fig.data, layout: fig.layout ?? {}, config: fig.config ?? {} }, replacer);
  } catch {
    return typeError(fn, "fig", "JSON-serializable (no cycles)", fig);
  }
}

function assertFigure(fn: string, fig: unknown): asserts fig is Figure {
  const o = assertObject(fn, "fig", fig);
  if (!Array.isArray(o.data)) typeError(fn, "fig.data", "an array of traces", o.data);
  o.data.forEach((t: unknown, i: number) => {
    if (typeof t !== "object" || t === null || Array.isArray(t))
      typeError(fn, `fig.data[${i}]`, "an object", t);
  });
  if (o.layout !== undefined) assertObject(fn, "fig.layout", o.layout);
  if (o.config !== undefined) assertObject(fn, "fig.config", o.config);
}

function titleOf(layout: PlotLayout | undefined): string {
  const t: unknown = layout?.title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof (t as PlotTitle).text === "string")
    return (t as PlotTitle).text ?? "";
  return "";
}

function figureSummary(fig: Figure): string {
  const title = titleOf(fig.layout);
  const n = fig.data.length;
  const shown = fig.data.slice(0, 10).map((t) => {
    const type = typeof t.type === "string" ? t.type : "scatter";
    return typeof t.name === "string" && t.name !== "" ? `${type} ${JSON.stringify(t.name)}` : type;
  });
  const list = n === 0 ? "" : ` (${shown.join(", ")}${n > 10 ? `, … ${n - 10} more` : ""})`;
  return `Figure${title ? ` ${JSON.stringify(title)}` : ""}: ${n} trace${n === 1 ? "" : "s"}${list}`;
}

/** Event the loader dispatches once plotly.js is defined. */
const READY_EVENT = "ttc:plotly-ready";
/** Marks where the figure's JSON starts in the chart script (it ends at the first `);</script>`). */
const FIGURE_MARK = "/*ttc-figure*/";

/**
 * Builds the MIME bundle of one chart, without sending it:
 *
 * - `application/vnd.plotly.v1+json`: `{ data, layout, config }` as a JSON
 *   object (typed arrays become arrays, non-finite numbers become null), for
 *   JupyterLab's and VS Code's plotly renderers;
 * - `text/html`: a div holding a placeholder paragraph, and a script that
 *   draws into it with `window.Plotly`, or waits for the loader's
 *   `ttc:plotly-ready` event. The figure's JSON is embedded with `<`, U+2028
 *   and U+2029 escaped, so no text in the figure can end the script;
 * - `text/plain`: a summary such as `Figure "Title": 2 traces (scatter "a", bar "b")`.
 *
 * @param fig - the figure: an object with a `data` array of trace objects
 * @param id - the div's id, letters, digits, `_` and `-`, starting with a letter;
 *   by default a fresh id unique to this process and call (pass one for deterministic output)
 * @returns the MIME bundle
 * @throws {TypeError} if `fig` is not an object with a `data` array of objects, cannot
 *   be serialized to JSON, or `id` is not a string
 * @throws {RangeError} if `id` is not a valid HTML id
 * @example
 * const bundle = figureBundle({ data: [{ y: [1, 3, 2] }] }, "chart-1");
 * Object.keys(bundle); // ["application/vnd.plotly.v1+json", "text/html", "text/plain"]
 */
export function figureBundle(fig: Figure, id?: string): MimeBundle {
  assertFigure("figureBundle", fig);
  if (id !== undefined) {
    assertString("figureBundle", "id", id);
    if (!/^[A-Za-z][\w-]*$/.test(id)) {
      rangeError("figureBundle", "id", "letters, digits, _ and - starting with a letter", id);
    }
  }
  return buildFigureBundle("figureBundle", fig, id ?? nextId("plot"));
}

function buildFigureBundle(fn: string, fig: Figure, id: string): MimeBundle {
  const json = figureJson(fn, fig);
  const layout = fig.layout;
  const height = typeof layout?.height === "number" && layout.height > 0 ? layout.height : 450;
  const width = typeof layout?.width === "number" && layout.width > 0 ? `${layout.width}px` : "100%";
  const title = titleOf(layout);
  const placeholder =
    `Interactive chart${title ? ` “${escapeHtml(title)}”` : ""}: ` +
    "run the cell, or trust the notebook, to draw it.";
  const script =
    '(function(fig){var id="' +
    id +
    '";function draw(){var el=document.getElementById(id);if(!el||!window.Plotly)return false;' +
    'el.innerHTML="";window.Plotly.newPlot(el,fig.data,fig.layout||{},fig.config||{});return true;}' +
    `if(!draw()){window.addEventListener("${READY_EVENT}",function(){draw();},{once:true});}})(` +
    FIGURE_MARK +
    jsonForScript(json) +
    ");";
  const html =
    `<div id="${id}" class="ttc-plot plotly-graph-div" style="height:${height}px;width:${width}">` +
    `<p class="ttc-placeholder" style="font:12px sans-serif;color:#888;margin:0;padding:8px">${placeholder}</p></div>` +
    `<script type="text/javascript">${script}</script>`;
  return {
    "application/vnd.plotly.v1+json": JSON.parse(json) as unknown,
    "text/html": html,
    "text/plain": figureSummary(fig),
  };
}

let loaderSent = false;

function plotlyLoaderBundle(): MimeBundle {
  const file = require.resolve("plotly.js-dist-min");
  // plotly.min.js has no "</script"; neutralize one defensively ("<\/" means "</" in JS strings and regexes).
  const src = fs.readFileSync(file, "utf8").replace(/<\/(script)/gi, "<\\/$1");
  let version = "";
  try {
    version =
      (
        JSON.parse(fs.readFileSync(path.join(path.dirname(file), "package.json"), "utf8")) as {
          version?: string;
        }
      ).version ?? "";
  } catch {
    version = "";
  }
  return {
    "text/html":
      `<script type="text/javascript">if (!window.Plotly) {\n${src}\n}\n` +
      `window.dispatchEvent(new Event("${READY_EVENT}"));</script>`,
    "text/plain": `plotly.js${version ? ` ${version}` : ""} loader (sent once per kernel; draws the charts in this notebook)`,
  };
}

/**
 * Draws a plotly figure in the notebook.
 *
 * The first call in a kernel process also sends a loader output that inlines
 * plotly.js (about 4.8 MB) once; later charts use it. Set the environment
 * variable `TTC_PLOTLY_INLINE=0` for the kernel to skip the loader when the
 * frontend renders `application/vnd.plotly.v1+json` itself (JupyterLab with
 * the plotly extension, VS Code). If you re-run only the first chart cell, its
 * output (and the loader) is replaced; the live page keeps plotly, but a saved
 * copy needs a restart-and-run-all to carry the loader again. Outside a kernel,
 * `show` only validates `fig`.
 *
 * @param fig - the figure, e.g. from {@link lineFigure}
 * @returns nothing: tslab would print a returned value after the chart
 * @throws {TypeError} if `fig` is not an object with a `data` array of objects,
 *   or cannot be serialized to JSON
 * @example
 * ttc.show(ttc.lineFigure({
 *   title: "Coverage rises with samples",
 *   xAxis: { title: "samples n", log: true },
 *   yAxis: { title: "coverage", percent: true },
 *   series: [{ name: "p = 0.1", x: [1, 4, 16], y: [0.1, 0.34, 0.81] }],
 * }));
 */
export function show(fig: Figure): void {
  assertFigure("show", fig);
  const bundle = buildFigureBundle("show", fig, nextId("plot"));
  if (!tslabWriter()) return;
  if (!loaderSent && process.env["TTC_PLOTLY_INLINE"] !== "0") {
    if (emit(plotlyLoaderBundle())) loaderSent = true;
  }
  emit(bundle);
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

/** A table given column-first: column names, and rows as arrays (by position) or objects (by name). */
export interface TableData {
  columns: readonly string[];
  rows: readonly (readonly unknown[] | object)[];
}

/** Rows for {@link showTable}: plain objects (columns = keys in first-seen order), or {@link TableData}. */
export type TableRows = readonly object[] | TableData;

/** Options of {@link showTable} and {@link tableBundle}. */
export interface TableOptions {
  /** Significant digits for non-integer numbers, an integer in [1, 17] (default 4). */
  digits?: number;
  /** A caption shown above the table. */
  caption?: string;
}

interface NormalTable {
  columns: string[];
  cells: unknown[][];
}

function normalizeTable(fn: string, rows: unknown): NormalTable {
  if (Array.isArray(rows)) {
    const columns: string[] = [];
    const seen = new Set<string>();
    rows.forEach((r: unknown, i: number) => {
      if (typeof r !== "object" || r === null || Array.isArray(r))
        typeError(fn, `rows[${i}]`, "an object", r);
      for (const k of Object.keys(r)) {
        if (!seen.has(k)) {
          seen.add(k);
          columns.push(k);
        }
      }
    });
    const cells = rows.map((r: Record<string, unknown>) => columns.map((c) => r[c]));
    return { columns, cells };
  }
  if (typeof rows !== "object" || rows === null) {
    typeError(fn, "rows", "an array of objects or { columns, rows }", rows);
  }
  const t = rows as { columns?: unknown; rows?: unknown };
  if (!Array.isArray(t.columns)) typeError(fn, "rows.columns", "an array of strings", t.columns);
  const columns = t.columns as unknown[];
  columns.forEach((c, j) => assertString(fn, `rows.columns[${j}]`, c));
  const names = columns as string[];
  if (new Set(names).size !== names.length) rangeError(fn, "rows.columns", "distinct names", names);
  if (!Array.isArray(t.rows)) typeError(fn, "rows.rows", "an array", t.rows);
  const cells = (t.rows as unknown[]).map((r, i) => {
    if (Array.isArray(r)) {
      if (r.length !== names.length) {
        throw new RangeError(
          `${fn}: rows.rows[${i}] must have one cell per column (${names.length}), got length ${r.length}`,
        );
      }
      return r.slice();
    }
    if (typeof r !== "object" || r === null) typeError(fn, `rows.rows[${i}]`, "an array or an object", r);
    const o = r as Record<string, unknown>;
    return names.map((c) => o[c]);
  });
  return { columns: names, cells };
}

function tableOptions(fn: string, options: unknown): { digits: number; caption: string | undefined } {
  const o = assertOptions(fn, options);
  const digits = o["digits"] ?? 4;
  assertInteger(fn, "options.digits", digits, 1, 17);
  const caption = o["caption"];
  if (caption !== undefined) assertString(fn, "options.caption", caption);
  return { digits, caption };
}

function isNumericCell(v: unknown): boolean {
  return typeof v === "number" || typeof v === "bigint";
}

function renderTable(t: NormalTable, digits: number, caption: string | undefined): MimeBundle {
  const text = t.cells.map((row) => row.map((v) => formatCell(v, digits)));
  const numeric = t.columns.map(
    (_, j) =>
      t.cells.some((row) => row[j] !== null && row[j] !== undefined) &&
      t.cells.every((row) => row[j] === null || row[j] === undefined || isNumericCell(row[j])),
  );
  const len = (s: string): number => [...s].length;
  const widths = t.columns.map((c, j) => Math.max(len(c), ...text.map((row) => len(row[j] ?? ""))));
  const pad = (s: string, j: number): string => {
    const fill = " ".repeat(Math.max(0, (widths[j] ?? 0) - len(s)));
    return numeric[j] ? fill + s : s + fill;
  };
  const line = (cells: readonly string[]): string =>
    cells
      .map((s, j) => pad(s, j))
      .join("  ")
      .replace(/\s+$/, "");
  const plain = [
    ...(caption ? [caption] : []),
    line(t.columns),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...text.map(line),
    ...(t.cells.length === 0 ? ["(no rows)"] : []),
  ].join("\n");

  const align = (j: number): string =>
    numeric[j] ? ' style="text-align:right"' : ' style="text-align:left"';
  const html =
    '<table class="ttc-table">' +
    (caption ? `<caption style="text-align:left">${escapeHtml(caption)}</caption>` : "") +
    "<thead><tr>" +
    t.columns.map((c, j) => `<th${align(j)}>${escapeHtml(c)}</th>`).join("") +
    "</tr></thead><tbody>" +
    text
      .map((row) => "<tr>" + row.map((s, j) => `<td${align(j)}>${escapeHtml(s)}</td>`).join("") + "</tr>")
      .join("") +
    "</tbody></table>";
  return { "text/html": html, "text/plain": plain };
}

/**
 * Builds the MIME bundle of a table, without sending it: `text/html` (an
 * escaped `<table>`) and `text/plain` (aligned columns: numbers right, text
 * left). Numbers are formatted as by {@link formatNumber}; `null` and
 * `undefined` show as empty cells.
 *
 * @param rows - an array of plain objects (the columns are the union of their keys,
 *   in first-seen order), or `{ columns, rows }` with each row an array (by position)
 *   or an object (by column name)
 * @param options - `digits`: significant digits, an integer in [1, 17] (default 4);
 *   `caption`: a string shown above the table
 * @returns the MIME bundle
 * @throws {TypeError} if `rows` has the wrong shape, or an option has the wrong type
 * @throws {RangeError} if a positional row has the wrong length, the column names
 *   repeat, or `options.digits` is out of range
 * @example
 * tableBundle([{ n: 1, coverage: 0.1 }, { n: 16, coverage: 0.8147 }])["text/plain"];
 * // " n  coverage\n--  --------\n 1       0.1\n16    0.8147"
 */
export function tableBundle(rows: TableRows, options?: TableOptions): MimeBundle {
  const t = normalizeTable("tableBundle", rows);
  const { digits, caption } = tableOptions("tableBundle", options);
  return renderTable(t, digits, caption);
}

/**
 * Shows a table in the notebook (`text/html` plus aligned `text/plain`).
 * A no-op outside a kernel (after validating its arguments).
 *
 * @param rows - an array of plain objects, or `{ columns, rows }` (see {@link tableBundle})
 * @param options - `digits` (significant digits, default 4) and `caption`
 * @returns nothing
 * @throws {TypeError} if `rows` has the wrong shape, or an option has the wrong type
 * @throws {RangeError} if a positional row has the wrong length, the column names
 *   repeat, or `options.digits` is out of range
 * @example
 * ttc.showTable(
 *   [1, 4, 16].map((n) => ({ n, coverage: ttc.coverage(0.1, n) })),
 *   { caption: "Coverage at p = 0.1", digits: 3 },
 * );
 */
export function showTable(rows: TableRows, options?: TableOptions): void {
  const t = normalizeTable("showTable", rows);
  const { digits, caption } = tableOptions("showTable", options);
  if (!tslabWriter()) return;
  emit(renderTable(t, digits, caption));
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/**
 * Shows markdown (`text/markdown`, with the source as `text/plain`): prose
 * that quotes computed numbers. A no-op outside a kernel.
 *
 * @param md - markdown source
 * @returns nothing
 * @throws {TypeError} if `md` is not a string
 * @example
 * const c = ttc.coverage(0.1, 16);
 * ttc.showMarkdown(`With 16 samples, coverage reaches **${ttc.formatNumber(c, 3)}**.`);
 */
export function showMarkdown(md: string): void {
  assertString("showMarkdown", "md", md);
  emit({ "text/markdown": md, "text/plain": md });
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/**
 * Runs `fn` and prints, on stdout with `console.log`, what happened:
 * `RangeError: coverage: p must be …` (class name and message) if it threw,
 * or `no error: returned <value>` if it did not. Use it to show validation in
 * a notebook: an uncaught throw would abort every later cell. If `fn` returns
 * a promise, a later rejection is printed the same way. Never throws; if `fn`
 * is not a function, it prints a `TypeError` line saying so.
 *
 * Prints to stdout (not stderr) in and outside a kernel.
 *
 * @param fn - a function of no arguments
 * @returns nothing
 * @throws never
 * @example
 * ttc.showError(() => ttc.coverage(1.5, 4));
 * // prints: RangeError: coverage: p must be a probability in [0, 1], got 1.5
 */
export function showError(fn: () => unknown): void {
  try {
    if (typeof fn !== "function") {
      console.log(`TypeError: ${message("showError", "fn", "a function", fn)}`);
      return;
    }
    let result: unknown;
    try {
      result = fn();
    } catch (e) {
      console.log(describeThrown(e));
      return;
    }
    if (
      result !== null &&
      typeof result === "object" &&
      typeof (result as { then?: unknown }).then === "function"
    ) {
      (result as PromiseLike<unknown>).then(
        (v) => console.log(`no error: resolved to ${inspectValue(v)}`),
        (e: unknown) => console.log(describeThrown(e)),
      );
      console.log("no error yet: returned a promise (its outcome is printed when it settles)");
      return;
    }
    console.log(`no error: returned ${inspectValue(result)}`);
  } catch {
    // console.log itself failed; there is nothing sensible left to do.
  }
}

// ---------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------

/** A progress bar returned by {@link progress}. */
export interface Progress {
  /** Advances by `n` steps (default 1). */
  tick(n?: number): void;
  /** Marks the work finished and shows the final state. */
  done(): void;
}

/**
 * Builds the MIME bundle of a progress bar, without sending it: `text/plain`
 * `label: i / total (x%) — elapsed s` and `text/html` with a `<progress>` bar.
 *
 * @param done - steps done, a finite number >= 0 (shown as given; the bar caps at 100%)
 * @param total - total steps, an integer >= 1
 * @param label - the label
 * @param elapsedMs - time elapsed, in milliseconds, a finite number >= 0
 * @returns the MIME bundle
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a number is out of its domain
 * @example
 * progressBundle(30, 120, "trials", 1500)["text/plain"]; // "trials: 30 / 120 (25%) — elapsed 1.5 s"
 */
export function progressBundle(done: number, total: number, label: string, elapsedMs: number): MimeBundle {
  const fn = "progressBundle";
  if (typeof done !== "number") typeError(fn, "done", "a number", done);
  if (!(done >= 0 && done < Infinity)) rangeError(fn, "done", "a finite number >= 0", done);
  assertInteger(fn, "total", total, 1);
  assertString(fn, "label", label);
  if (typeof elapsedMs !== "number") typeError(fn, "elapsedMs", "a number", elapsedMs);
  if (!(elapsedMs >= 0 && elapsedMs < Infinity))
    rangeError(fn, "elapsedMs", "a finite number >= 0", elapsedMs);
  return renderProgress(done, total, label, elapsedMs);
}

function renderProgress(done: number, total: number, label: string, elapsedMs: number): MimeBundle {
  const pct = Math.min(100, Math.floor((100 * done) / total));
  const text = `${label}: ${fmt(done, 6)} / ${total} (${pct}%) — elapsed ${(elapsedMs / 1000).toFixed(1)} s`;
  const html =
    '<div class="ttc-progress" style="font:12px monospace">' +
    `<progress value="${Math.min(done, total)}" max="${total}" style="width:16em;vertical-align:middle"></progress> ` +
    `${escapeHtml(text)}</div>`;
  return { "text/html": html, "text/plain": text };
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * A progress bar for long loops: one output, updated in place at most about
 * ten times per second and once more at `done()`. Outside a kernel the
 * returned object does nothing (but still checks its arguments).
 *
 * @param total - number of steps, an integer >= 1
 * @param label - text before the counts (default `"progress"`)
 * @returns `{ tick(n = 1), done() }`; `tick` throws a RangeError unless n is an integer >= 0
 * @throws {TypeError} if `total` is not a number or `label` not a string
 * @throws {RangeError} if `total` is not an integer >= 1
 * @example
 * const bar = ttc.progress(1000, "trials");
 * for (let i = 0; i < 1000; i++) { simulate(i); bar.tick(); }
 * bar.done();
 */
export function progress(total: number, label = "progress"): Progress {
  assertInteger("progress", "total", total, 1);
  assertString("progress", "label", label);
  const start = Date.now();
  const live = tslabWriter() !== undefined;
  const id = nextId("progress");
  let count = 0;
  let lastSent = start;
  let finished = false;
  if (live) emit(renderProgress(0, total, label, 0), id, false);
  return {
    tick(n = 1): void {
      assertInteger("progress.tick", "n", n, 0);
      if (finished) return;
      count += n;
      if (!live) return;
      const now = Date.now();
      if (now - lastSent >= PROGRESS_INTERVAL_MS) {
        lastSent = now;
        emit(renderProgress(count, total, label, now - start), id, true);
      }
    },
    done(): void {
      if (finished) return;
      finished = true;
      if (live) emit(renderProgress(count, total, label, Date.now() - start), id, true);
    },
  };
}

// ---------------------------------------------------------------------------
// Exercise checkers
// ---------------------------------------------------------------------------

/** Options of {@link checkAgainst}. */
export interface CheckOptions {
  /**
   * Numbers match when |mine − reference| ≤ tolerance · max(1, |reference|)
   * (absolute near zero, relative for large values). A finite number > 0; default 1e-9.
   */
  tolerance?: number;
  /** Significant digits in the table, an integer in [1, 17] (default 6). */
  digits?: number;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function run(f: (...args: never[]) => unknown, args: readonly unknown[]): Outcome {
  try {
    return { ok: true, value: (f as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    return { ok: false, error };
  }
}

function numericArray(v: unknown): number[] | undefined {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v) && v.every((e) => typeof e === "number")) return v as number[];
  return undefined;
}

/** Distance between two results (NaN when they cannot be compared numerically) and whether they match. */
function compare(mine: unknown, ref: unknown, tolerance: number): { diff: number; match: boolean } {
  const close = (a: number, b: number): { diff: number; match: boolean } => {
    if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || a === b) return { diff: 0, match: true };
    const diff = Math.abs(a - b);
    return { diff, match: diff <= tolerance * Math.max(1, Math.abs(b)) };
  };
  if (typeof mine === "number" && typeof ref === "number") return close(mine, ref);
  const a = numericArray(mine);
  const b = numericArray(ref);
  if (a && b) {
    if (a.length !== b.length) return { diff: NaN, match: false };
    let diff = 0;
    let match = true;
    for (let i = 0; i < a.length; i++) {
      const c = close(a[i] ?? NaN, b[i] ?? NaN);
      diff = Math.max(diff, c.diff);
      match &&= c.match;
    }
    return { diff, match };
  }
  return { diff: NaN, match: util.isDeepStrictEqual(mine, ref) };
}

function formatArgs(args: readonly unknown[], digits: number): string {
  return `(${args.map((a) => (typeof a === "string" ? JSON.stringify(a) : formatCell(a, digits))).join(", ")})`;
}

function outcomeText(o: Outcome, digits: number): string {
  if (!o.ok) return `throws ${describeThrown(o.error)}`;
  if (typeof o.value === "string") return JSON.stringify(o.value);
  if (o.value === undefined) return "undefined";
  if (o.value === null) return "null";
  return formatCell(o.value, digits);
}

const MAX_TABLE_ROWS = 100;

/**
 * Checks an exercise: runs your function `mine` and the `reference` on each
 * argument list in `cases`, shows a table (case, mine, reference,
 * |difference|, ✓/✗) and prints a final line on stdout:
 * `✓ name: all N cases match (tolerance 1e-9)` or
 * `✗ name: k of N cases differ (first: …)`.
 *
 * Numbers (and arrays of numbers) match within the tolerance; other results
 * must be deeply equal; if both functions throw the same error class, that
 * case matches. Errors thrown by `mine`, or `mine` not being a function, are
 * reported, never thrown. The table is shown only in a kernel; the final line
 * is printed everywhere.
 *
 * @param name - what is checked, e.g. `"coverage"`
 * @param mine - your implementation
 * @param reference - the reference implementation (usually the library's)
 * @param cases - argument lists, e.g. `[[0.1, 4], [0.5, 16]]`; a non-empty array of arrays
 * @param options - `tolerance` (default 1e-9, see {@link CheckOptions}) and `digits` (default 6)
 * @returns true when every case matches (tslab prints it when the call ends the cell;
 *   write `void ttc.checkAgainst(…)` to avoid that)
 * @throws {TypeError} if `name`, `reference`, `cases` or `options` have the wrong type
 *   (mistakes of the notebook's author, not of the reader)
 * @throws {RangeError} if `cases` is empty or an option is out of range
 * @example
 * const myCoverage = (p: number, n: number) => 1 - (1 - p) ** n;
 * ttc.checkAgainst("coverage", myCoverage, ttc.coverage, [[0.1, 1], [0.1, 16], [0.5, 4]]);
 * // prints: ✓ coverage: all 3 cases match (tolerance 1e-9)
 */
export function checkAgainst(
  name: string,
  mine: (...args: never[]) => unknown,
  reference: (...args: never[]) => unknown,
  cases: readonly (readonly unknown[])[],
  options?: CheckOptions,
): boolean {
  const fn = "checkAgainst";
  assertString(fn, "name", name, true);
  assertFunction(fn, "reference", reference);
  if (!Array.isArray(cases)) typeError(fn, "cases", "a non-empty array of argument arrays", cases);
  if (cases.length === 0) rangeError(fn, "cases", "a non-empty array of argument arrays", cases);
  cases.forEach((c: unknown, i: number) => {
    if (!Array.isArray(c)) typeError(fn, `cases[${i}]`, "an array of arguments", c);
  });
  const o = assertOptions(fn, options);
  const tolerance = o["tolerance"] ?? 1e-9;
  assertPositive(fn, "options.tolerance", tolerance);
  const digits = o["digits"] ?? 6;
  assertInteger(fn, "options.digits", digits, 1, 17);

  const n = cases.length;
  if (typeof mine !== "function") {
    try {
      console.log(`✗ ${name}: ${message(fn, "mine", "a function", mine)}`);
    } catch {
      // ignore
    }
    return false;
  }

  const rows: Record<string, string>[] = [];
  let failures = 0;
  let first = "";
  cases.forEach((args, i) => {
    const a = run(mine, args);
    const b = run(reference, args);
    let match: boolean;
    let diff = NaN;
    if (a.ok && b.ok) {
      ({ diff, match } = compare(a.value, b.value, tolerance));
    } else if (!a.ok && !b.ok) {
      match = errorClass(a.error) !== "" && errorClass(a.error) === errorClass(b.error);
    } else {
      match = false;
    }
    // A mismatch is shown at full precision, so the two numbers visibly differ.
    const shownDigits = match ? digits : 17;
    const mineText = outcomeText(a, shownDigits);
    const refText = outcomeText(b, shownDigits);
    if (!match) {
      failures += 1;
      if (!first) first = `case ${i + 1} ${formatArgs(args, digits)}: mine ${mineText}, reference ${refText}`;
    }
    if (rows.length < MAX_TABLE_ROWS) {
      rows.push({
        case: formatArgs(args, digits),
        mine: mineText,
        reference: refText,
        "|difference|": Number.isNaN(diff) ? "" : fmt(diff, 2),
        match: match ? "✓" : "✗",
      });
    }
  });

  try {
    if (tslabWriter()) {
      const caption = `${name}: mine vs reference${n > MAX_TABLE_ROWS ? ` (first ${MAX_TABLE_ROWS} of ${n} cases)` : ""}`;
      emit(renderTable(normalizeTable(fn, rows), digits, caption));
    }
    const tol = `tolerance ${fmt(tolerance, 3)}`;
    console.log(
      failures === 0
        ? `✓ ${name}: all ${n} case${n === 1 ? "" : "s"} match (${tol})`
        : `✗ ${name}: ${failures} of ${n} case${n === 1 ? "" : "s"} ${failures === 1 ? "differs" : "differ"} (${tol}; first: ${first})`,
    );
  } catch {
    // A display or console failure must not turn a user's exercise into a thrown error.
  }
  return failures === 0;
}

/**
 * Checks one number against an expected value and prints `✓`/`✗` with both
 * numbers on stdout. A `mine` that is not a number (a reader's placeholder,
 * say) prints `✗`, never throws.
 *
 * @param name - what is checked
 * @param mine - your value
 * @param expected - the expected value, a number
 * @param tolerance - match when |mine − expected| ≤ tolerance · max(1, |expected|);
 *   a finite number > 0, default 1e-9
 * @returns true when the values match (printed by tslab when the call ends the cell,
 *   unless written as `void ttc.checkValue(…)`)
 * @throws {TypeError} if `name` is not a string or `expected` not a number
 * @throws {RangeError} if `name` is empty or `tolerance` is not a finite number > 0
 * @example
 * ttc.checkValue("coverage(0.1, 16)", 1 - 0.9 ** 16, ttc.coverage(0.1, 16));
 * // prints: ✓ coverage(0.1, 16): 0.8147 matches 0.8147 (|difference| 1.1e-16, allowed 1e-9)
 */
export function checkValue(name: string, mine: number, expected: number, tolerance = 1e-9): boolean {
  const fn = "checkValue";
  assertString(fn, "name", name, true);
  if (typeof expected !== "number") typeError(fn, "expected", "a number", expected);
  if (Number.isNaN(expected)) rangeError(fn, "expected", "a number other than NaN", expected);
  assertPositive(fn, "tolerance", tolerance);
  let ok = false;
  try {
    if (typeof mine !== "number") {
      console.log(`✗ ${name}: ${message(fn, "mine", "a number", mine)}`);
      return false;
    }
    const { diff, match } = compare(mine, expected, tolerance);
    ok = match;
    const allowed = tolerance * Math.max(1, Math.abs(expected));
    const detail = `|difference| ${fmt(diff, 2)}, allowed ${fmt(allowed, 3)}`;
    console.log(
      match
        ? `✓ ${name}: ${fmt(mine, 4)} matches ${fmt(expected, 4)} (${detail})`
        : `✗ ${name}: ${fmt(mine, 10)} differs from ${fmt(expected, 10)} (${detail})`,
    );
  } catch {
    // ignore console failures
  }
  return ok;
}

// ---------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------

/** What {@link versions} reports. */
export interface Versions {
  /** This library's version, from the package.json next to `dist/`. */
  ttcWorkbook: string;
  /** `process.version`. */
  node: string;
  /** The TypeScript compiler tslab uses, when it can be found. */
  typescript?: string;
  /** tslab's version, when it can be found. */
  tslab?: string;
}

function readVersion(packageJson: string): string | undefined {
  try {
    const v = (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version?: unknown }).version;
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

function resolvePackageJson(pkg: string): string | undefined {
  try {
    return require.resolve(`${pkg}/package.json`);
  } catch {
    return undefined;
  }
}

/**
 * Reports (and, in a kernel, shows as a table) the versions behind a
 * notebook run: this library, Node, and the TypeScript and tslab of the
 * kernel when they can be found. In a kernel the running tslab is preferred
 * over the one next to the library. Takes no arguments. End the cell with
 * `void ttc.versions();` if you do not want tslab to print the returned object too.
 *
 * @returns `{ ttcWorkbook, node, typescript?, tslab? }`
 * @throws never
 * @example
 * const v = ttc.versions(); // { ttcWorkbook: "0.1.0", node: "v20.20.2", typescript: "5.0.4", tslab: "1.0.22" }
 */
export function versions(): Versions {
  const out: Versions = {
    ttcWorkbook: readVersion(path.join(__dirname, "..", "package.json")) ?? VERSION,
    node: process.version,
  };
  const cache = require.cache as Record<string, { exports?: unknown } | undefined>;
  const keys = Object.keys(cache);
  const tsKey = keys.find((k) => /[\\/]@tslab[\\/]typescript-for-tslab[\\/]lib[\\/]typescript\.js$/.test(k));
  let tsVersion: string | undefined;
  const loaded = tsKey ? (cache[tsKey]?.exports as { version?: unknown } | undefined) : undefined;
  if (loaded && typeof loaded.version === "string") tsVersion = loaded.version;
  if (!tsVersion) {
    const p = resolvePackageJson("@tslab/typescript-for-tslab");
    if (p) tsVersion = readVersion(p);
  }
  if (tsVersion) out.typescript = tsVersion;
  const tslabKey = keys.find((k) => JUPYTER_JS.test(k));
  const tslabVersion = tslabKey
    ? readVersion(path.join(path.dirname(tslabKey), "..", "package.json"))
    : (() => {
        const p = resolvePackageJson("tslab");
        return p ? readVersion(p) : undefined;
      })();
  if (tslabVersion) out.tslab = tslabVersion;
  return out;
}

/**
 * Shows the versions from {@link versions} as a table (the setup cell of
 * every chapter). Returns nothing, so tslab prints nothing after the table;
 * a no-op outside a kernel.
 *
 * @throws never
 * @example
 * ttc.showVersions(); // table: ttc-workbook, node, typescript (tslab), tslab
 */
export function showVersions(): void {
  const out = versions();
  try {
    if (tslabWriter()) {
      emit(
        renderTable(
          normalizeTable("showVersions", [
            { package: "ttc-workbook", version: out.ttcWorkbook },
            { package: "node", version: out.node },
            { package: "typescript (tslab)", version: out.typescript ?? "not found" },
            { package: "tslab", version: out.tslab ?? "not found" },
          ]),
          4,
          undefined,
        ),
      );
    }
  } catch {
    // showing is a convenience
  }
}

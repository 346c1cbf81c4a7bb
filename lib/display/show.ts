/**
 * Charts in the kernel: {@link show} sends a figure as one multi-MIME
 * `display_data`: `application/vnd.plotly.v1+json` (a JSON object, rendered by
 * JupyterLab's and VS Code's plotly renderers), `text/html` (a div plus a script
 * that draws with `window.Plotly`, for classic Notebook and nbconvert HTML) and
 * `text/plain` (a one-line summary). The first chart of a kernel process is
 * preceded by a loader output that inlines plotly.js once; set
 * `TTC_PLOTLY_INLINE=0` in the kernel's environment to skip it when the frontend
 * has its own plotly renderer.
 *
 * The figure types are our own structural subset of plotly.js's (see
 * `figures/plotly.ts`): the types shipped by plotly.js-dist-min need the DOM lib,
 * so they fail to compile under TypeScript 5.0 with `skipLibCheck: false` and
 * `lib: ["ES2022"]`, which is the setting of this library and of notebook cells.
 * @packageDocumentation
 */

import * as fs from "fs";
import * as path from "path";
import { assertObject, rangeError, typeError } from "../base/validate";
import type { Figure, PlotLayout, PlotTitle } from "../figures/plotly";
import { assertString, escapeHtml, jsonForScript, nextId } from "./format";
import { emit, type MimeBundle, tslabWriter } from "./kernel";

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

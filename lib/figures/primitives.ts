/**
 * Generic Plotly builders with the house look: {@link lineFigure}, {@link barFigure},
 * {@link lineTrace}, {@link markerTrace} and {@link addTraces}, the Okabe–Ito
 * {@link PALETTE}, and the checked axis, annotation and layout helpers the topic
 * charts share.
 *
 * House look: every figure has a title, axis titles (put the unit in the
 * text: "compute (FLOPs, log scale)"), a legend only when there is more than
 * one series, the Okabe–Ito colour-blind-safe palette, and a default height
 * of {@link DEFAULT_FIGURE_HEIGHT} pixels. Coordinates are copied into plain
 * arrays, so the figure holds exactly the numbers passed and later changes to
 * the inputs do not leak into it. Pure: no display, no randomness.
 * @packageDocumentation
 */

import {
  assertArray,
  assertBoolean,
  assertInteger,
  assertObject,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertSameLength,
  rangeError,
  typeError,
} from "../base/validate";
import type { Figure, PlotAnnotation, PlotAxis, PlotLayout, PlotTrace } from "./plotly";

/**
 * The Okabe–Ito palette (Okabe & Ito 2008), ordered for contrast on white:
 * blue, vermillion, bluish green, orange, sky blue, reddish purple, yellow,
 * black. Series take colours in this order and wrap around after eight.
 *
 * @example
 * PALETTE[0]; // "#0072B2"
 */
export const PALETTE: readonly string[] = Object.freeze([
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#E69F00",
  "#56B4E9",
  "#CC79A7",
  "#F0E442",
  "#000000",
]);

/** Height in pixels of a figure whose spec gives none. */
export const DEFAULT_FIGURE_HEIGHT = 420;

/** Line dash styles plotly understands. */
export type DashStyle = "solid" | "dot" | "dash" | "longdash" | "dashdot" | "longdashdot";

/** How a line series is drawn. */
export type LineMode = "lines" | "markers" | "lines+markers";

/** A numeric axis. */
export interface AxisSpec {
  /** Axis title with its unit, e.g. `"samples per question (n, log scale)"`. */
  title: string;
  /** Logarithmic axis (data must then be > 0). */
  log?: boolean;
  /** Visible range `[lo, hi]` in data units (also on a log axis; converted for plotly). */
  range?: readonly [number, number];
  /** Values are fractions shown as percentages (0.42 → "42%"). */
  percent?: boolean;
}

/** The category axis of a bar chart. */
export interface CategoryAxisSpec {
  /** Axis title, e.g. `"difficulty bin"`. */
  title: string;
}

/** One series of a line chart. */
export interface LineSeries {
  /** Legend entry. */
  name: string;
  /** x values, finite numbers (> 0 on a log axis). */
  x: ArrayLike<number>;
  /** y values, finite numbers (> 0 on a log axis), or `null` to leave a gap in the line. */
  y: ArrayLike<number | null>;
  /** Dash style (default `"solid"`). */
  dash?: DashStyle;
  /** `"lines"` (default), `"markers"` or `"lines+markers"`. */
  mode?: LineMode;
  /** A CSS colour; by default the next {@link PALETTE} colour. */
  color?: string;
}

/** A text note pointing at a data point. */
export interface AnnotationSpec {
  /** x in data units (a category name on a bar chart's category axis). */
  x: number | string;
  /** y in data units. */
  y: number;
  /** The note. */
  text: string;
  /** Draw an arrow to the point (default true). */
  arrow?: boolean;
}

/** Input of {@link lineFigure}. */
export interface LineFigureSpec {
  title: string;
  xAxis: AxisSpec;
  yAxis: AxisSpec;
  /** One or more series. */
  series: readonly LineSeries[];
  annotations?: readonly AnnotationSpec[];
  /** Height in pixels, an integer in [150, 3000] (default {@link DEFAULT_FIGURE_HEIGHT}). */
  height?: number;
}

/** One series of a bar chart: one value per category. */
export interface BarSeries {
  name: string;
  /** One value per category; `null` leaves the bar out. */
  values: ArrayLike<number | null>;
  /** A CSS colour; by default the next {@link PALETTE} colour. */
  color?: string;
}

/** Input of {@link barFigure}. */
export interface BarFigureSpec {
  title: string;
  /** Category labels, distinct; numbers are shown as labels, not on a numeric scale. */
  categories: readonly (string | number)[];
  xAxis: CategoryAxisSpec;
  yAxis: AxisSpec;
  series: readonly BarSeries[];
  /** How series share a category (default `"group"`). */
  barmode?: "group" | "stack" | "overlay" | "relative";
  annotations?: readonly AnnotationSpec[];
  /** Height in pixels, an integer in [150, 3000] (default {@link DEFAULT_FIGURE_HEIGHT}). */
  height?: number;
}

/** Input of {@link markerTrace}. */
export interface MarkerSpec {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** A CSS colour (default black, to stand out from the palette's lines). */
  color?: string;
  /** A plotly marker symbol (default `"circle"`), e.g. `"star"`, `"diamond"`, `"x"`. */
  symbol?: string;
  /** Marker size in pixels, a finite number > 0 (default 10). */
  size?: number;
  /** Hover text, one string per point. */
  text?: readonly string[];
}

export const DASHES: readonly DashStyle[] = ["solid", "dot", "dash", "longdash", "dashdot", "longdashdot"];
const MODES: readonly LineMode[] = ["lines", "markers", "lines+markers"];
const BARMODES = ["group", "stack", "overlay", "relative"] as const;

// ---------------------------------------------------------------------------
// Validation helpers
// ---------------------------------------------------------------------------

export function assertString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== "string") typeError(fn, name, "a non-empty string", value);
  if (value.trim() === "") rangeError(fn, name, "a non-empty string", value);
}

/** Copies `value` into a plain array of finite numbers (> 0 when `log`), nulls allowed when `gaps`. */
export function numbers(
  fn: string,
  name: string,
  value: unknown,
  log: boolean,
  gaps: boolean,
): (number | null)[] {
  assertArray(fn, name, value);
  const arr = value as ArrayLike<unknown>;
  const rule = `a finite number${log ? " > 0 (the axis is logarithmic)" : ""}${gaps ? " or null" : ""}`;
  const out: (number | null)[] = new Array<number | null>(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (v === null && gaps) {
      out[i] = null;
      continue;
    }
    if (typeof v !== "number") typeError(fn, `${name}[${i}]`, rule, v);
    if (!Number.isFinite(v) || (log && !(v > 0))) rangeError(fn, `${name}[${i}]`, rule, v);
    out[i] = v;
  }
  return out;
}

export function finiteNumbers(fn: string, name: string, value: unknown, log: boolean): number[] {
  return numbers(fn, name, value, log, false) as number[];
}

/** A single finite number (> 0 when `log`). */
export function finiteNumber(fn: string, name: string, value: unknown, log: boolean): number {
  const rule = `a finite number${log ? " > 0 (the axis is logarithmic)" : ""}`;
  if (typeof value !== "number") typeError(fn, name, rule, value);
  if (!Number.isFinite(value) || (log && !(value > 0))) rangeError(fn, name, rule, value);
  return value;
}

export function checkHeight(fn: string, name: string, value: unknown): number {
  if (value === undefined) return DEFAULT_FIGURE_HEIGHT;
  assertInteger(fn, name, value, 150, 3000);
  return value;
}

function checkColor(fn: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  assertString(fn, name, value);
  return value;
}

/** Axis titles are set a little smaller than plotly's default so long ones fit beside a 420 px plot. */
const AXIS_TITLE_SIZE = 12;

/** An axis in the house look. */
export function plainAxis(title: string, type: "linear" | "log" | "category", percent = false): PlotAxis {
  const axis: PlotAxis = {
    title: { text: title, font: { size: AXIS_TITLE_SIZE } },
    type,
    automargin: true,
    showline: true,
    linecolor: "#444444",
    ticks: "outside",
    gridcolor: "#e6e6e6",
    zeroline: false,
  };
  if (percent) {
    axis.tickformat = ".1~%";
    axis.hoverformat = ".2~%";
  }
  return axis;
}

interface Axis {
  layout: PlotAxis;
  log: boolean;
}

export function numericAxis(fn: string, name: string, value: unknown): Axis {
  const spec = assertObject(fn, name, value);
  assertString(fn, `${name}.title`, spec["title"]);
  const log = spec["log"] ?? false;
  assertBoolean(fn, `${name}.log`, log);
  const percent = spec["percent"] ?? false;
  assertBoolean(fn, `${name}.percent`, percent);
  const layout = plainAxis(spec["title"], log ? "log" : "linear", percent);
  const range = spec["range"];
  if (range !== undefined) {
    const lohi = finiteNumbers(fn, `${name}.range`, range, log);
    if (lohi.length !== 2) {
      throw new RangeError(`${fn}: ${name}.range must be [lo, hi] (2 numbers), got length ${lohi.length}`);
    }
    const [lo, hi] = lohi as [number, number];
    if (!(lo < hi)) rangeError(fn, `${name}.range`, "[lo, hi] with lo < hi", range);
    layout.range = log ? [Math.log10(lo), Math.log10(hi)] : [lo, hi];
  }
  return { layout, log };
}

function categoryAxis(fn: string, name: string, value: unknown): PlotAxis {
  const spec = assertObject(fn, name, value);
  assertString(fn, `${name}.title`, spec["title"]);
  return {
    title: { text: spec["title"] },
    type: "category",
    automargin: true,
    showline: true,
    linecolor: "#444444",
    ticks: "outside",
  };
}

function annotations(
  fn: string,
  name: string,
  value: unknown,
  x: Axis | "category",
  y: Axis,
): PlotAnnotation[] {
  if (value === undefined) return [];
  assertArray(fn, name, value, 0);
  return Array.from(value as ArrayLike<unknown>, (a, i) => {
    const el = `${name}[${i}]`;
    const spec = assertObject(fn, el, a);
    const ax = spec["x"];
    if (x === "category") {
      if (typeof ax !== "string" && typeof ax !== "number")
        typeError(fn, `${el}.x`, "a category (string or number)", ax);
    } else {
      finiteNumber(fn, `${el}.x`, ax, x.log);
    }
    const ay = finiteNumber(fn, `${el}.y`, spec["y"], y.log);
    assertString(fn, `${el}.text`, spec["text"]);
    const arrow = spec["arrow"] ?? true;
    assertBoolean(fn, `${el}.arrow`, arrow);
    const xv = ax as number | string;
    return {
      x: x !== "category" && x.log ? Math.log10(xv as number) : xv,
      y: y.log ? Math.log10(ay) : ay,
      text: spec["text"],
      showarrow: arrow,
      arrowhead: 2,
      ax: arrow ? 30 : 0,
      ay: arrow ? -30 : 0,
      font: { size: 12 },
      bgcolor: "rgba(255,255,255,0.8)",
    };
  });
}

export function baseLayout(title: string, height: number, legend: boolean): PlotLayout {
  return {
    title: { text: title, x: 0.01, xanchor: "left" },
    height,
    showlegend: legend,
    colorway: [...PALETTE],
    font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", size: 13 },
    margin: { t: 60, r: 20, b: 60, l: 70 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    hovermode: "closest",
    legend: { bgcolor: "rgba(255,255,255,0.8)" },
  };
}

export const CONFIG = { responsive: true, displaylogo: false } as const;

function buildLineTrace(
  fn: string,
  name: string,
  value: unknown,
  index: number,
  xLog: boolean,
  yLog: boolean,
): PlotTrace {
  const s = assertObject(fn, name, value);
  assertString(fn, `${name}.name`, s["name"]);
  const x = finiteNumbers(fn, `${name}.x`, s["x"], xLog);
  const y = numbers(fn, `${name}.y`, s["y"], yLog, true);
  assertSameLength(fn, `${name}.x`, x, `${name}.y`, y);
  const dash = s["dash"] ?? "solid";
  assertOneOf(fn, `${name}.dash`, dash, DASHES);
  const mode = s["mode"] ?? "lines";
  assertOneOf(fn, `${name}.mode`, mode, MODES);
  const color = checkColor(fn, `${name}.color`, s["color"], PALETTE[index % PALETTE.length] as string);
  const trace: PlotTrace = { type: "scatter", name: s["name"], x, y, mode };
  if (mode !== "markers") trace.line = { color, width: 2.5, dash };
  trace.marker = { color, size: 7 };
  return trace;
}

// ---------------------------------------------------------------------------
// Public builders
// ---------------------------------------------------------------------------

/**
 * One line-chart trace, with the palette colour of position `index`. Useful
 * for adding a series to a figure with {@link addTraces}; {@link lineFigure}
 * uses the same rules. Assumes linear axes (no positivity check).
 *
 * @param series - `{ name, x, y, dash?, mode?, color? }`; x and y of equal length,
 *   x finite numbers, y finite numbers or `null` for gaps
 * @param index - palette position, an integer >= 0 (default 0)
 * @returns a plotly scatter trace with plain-array copies of x and y
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if a value is not finite, x and y differ in length, or
 *   `dash`/`mode` is not one of the allowed names
 * @example
 * lineTrace({ name: "bound", x: [1, 2], y: [0.5, 0.75], dash: "dash" }, 3).line?.color; // "#E69F00"
 */
export function lineTrace(series: LineSeries, index = 0): PlotTrace {
  assertInteger("lineTrace", "index", index, 0);
  return buildLineTrace("lineTrace", "series", series, index, false, false);
}

/**
 * A marker-only trace to highlight points (an optimum, a measured value).
 *
 * @param spec - `{ name, x, y, color?, symbol?, size?, text? }`; x and y finite numbers
 *   of equal length, `text` one string per point
 * @returns a plotly scatter trace in `"markers"` mode
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if a value is not finite, lengths differ, or `size` is not > 0
 * @example
 * markerTrace({ name: "compute-optimal", x: [64], y: [0.52], symbol: "star", size: 14 });
 */
export function markerTrace(spec: MarkerSpec): PlotTrace {
  const fn = "markerTrace";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.name", s["name"]);
  const x = finiteNumbers(fn, "spec.x", s["x"], false);
  const y = finiteNumbers(fn, "spec.y", s["y"], false);
  assertSameLength(fn, "spec.x", x, "spec.y", y);
  const color = checkColor(fn, "spec.color", s["color"], "#000000");
  const symbol = s["symbol"] ?? "circle";
  assertString(fn, "spec.symbol", symbol);
  const size = s["size"] ?? 10;
  assertPositive(fn, "spec.size", size);
  const trace: PlotTrace = {
    type: "scatter",
    mode: "markers",
    name: s["name"],
    x,
    y,
    marker: { color, symbol, size },
  };
  const text = s["text"];
  if (text !== undefined) {
    assertArray(fn, "spec.text", text, 0);
    const t = Array.from(text as ArrayLike<unknown>, (v, i) => {
      if (typeof v !== "string") typeError(fn, `spec.text[${i}]`, "a string", v);
      return v;
    });
    assertSameLength(fn, "spec.x", x, "spec.text", t);
    trace.text = t;
  }
  return trace;
}

/**
 * A line chart: one scatter trace per series, numeric axes (linear or log,
 * optionally shown as percentages), optional annotations.
 *
 * On a log axis every value (and the range and annotation positions) must be
 * > 0; `range` and annotations are given in data units and converted to
 * plotly's log10 units here. A `null` in `y` leaves a gap in the line.
 *
 * @param spec - `{ title, xAxis, yAxis, series, annotations?, height? }`
 * @returns the figure: traces, layout (title, axis titles, legend when more than one
 *   series, Okabe–Ito colours, height) and config
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if a title is empty, `series` is empty, x and y differ in length,
 *   a value is not finite (or not > 0 on a log axis), a range is not `[lo, hi]` with
 *   lo < hi, or `height` is not an integer in [150, 3000]
 * @example
 * const n = [1, 2, 4, 8, 16];
 * lineFigure({
 *   title: "Coverage rises fast, then saturates",
 *   xAxis: { title: "samples per question (n, log scale)", log: true },
 *   yAxis: { title: "coverage (%)", percent: true, range: [0, 1] },
 *   series: [0.05, 0.2].map((p) => ({ name: `p = ${p}`, x: n, y: n.map((k) => 1 - (1 - p) ** k) })),
 * });
 */
export function lineFigure(spec: LineFigureSpec): Figure {
  const fn = "lineFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  const xAxis = numericAxis(fn, "spec.xAxis", s["xAxis"]);
  const yAxis = numericAxis(fn, "spec.yAxis", s["yAxis"]);
  assertArray(fn, "spec.series", s["series"]);
  const series = Array.from(s["series"] as ArrayLike<unknown>, (v, i) =>
    buildLineTrace(fn, `spec.series[${i}]`, v, i, xAxis.log, yAxis.log),
  );
  const notes = annotations(fn, "spec.annotations", s["annotations"], xAxis, yAxis);
  const height = checkHeight(fn, "spec.height", s["height"]);
  const layout = baseLayout(s["title"], height, series.length > 1);
  layout.xaxis = xAxis.layout;
  layout.yaxis = yAxis.layout;
  if (notes.length > 0) layout.annotations = notes;
  return { data: series, layout, config: { ...CONFIG } };
}

/**
 * A bar chart: categories on x, one bar trace per series (grouped by
 * default), a numeric y axis (linear or log, optionally percentages).
 *
 * @param spec - `{ title, categories, xAxis, yAxis, series, barmode?, annotations?, height? }`;
 *   each series has one value per category (`null` leaves the bar out)
 * @returns the figure
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if a title is empty, `categories` or `series` is empty, categories
 *   repeat, a series' length differs from the number of categories, a value is not finite
 *   (or not > 0 on a log axis), `barmode` is unknown, or `height` is out of range
 * @example
 * barFigure({
 *   title: "Harder questions gain less from more samples",
 *   categories: ["bin 1", "bin 2", "bin 3"],
 *   xAxis: { title: "difficulty bin (1 = easiest)" },
 *   yAxis: { title: "accuracy (%)", percent: true },
 *   series: [
 *     { name: "n = 1", values: [0.8, 0.4, 0.1] },
 *     { name: "n = 16", values: [0.95, 0.7, 0.2] },
 *   ],
 * });
 */
export function barFigure(spec: BarFigureSpec): Figure {
  const fn = "barFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  assertArray(fn, "spec.categories", s["categories"]);
  const categories = Array.from(s["categories"] as ArrayLike<unknown>, (c, i) => {
    if (typeof c === "string") return c;
    if (typeof c !== "number") typeError(fn, `spec.categories[${i}]`, "a string or a finite number", c);
    if (!Number.isFinite(c)) rangeError(fn, `spec.categories[${i}]`, "a string or a finite number", c);
    return c;
  });
  const seen = new Set<string>();
  categories.forEach((c, i) => {
    if (seen.has(String(c)))
      rangeError(fn, `spec.categories[${i}]`, "distinct from the earlier categories", c);
    seen.add(String(c));
  });
  const xAxis = categoryAxis(fn, "spec.xAxis", s["xAxis"]);
  const yAxis = numericAxis(fn, "spec.yAxis", s["yAxis"]);
  assertArray(fn, "spec.series", s["series"]);
  const traces = Array.from(s["series"] as ArrayLike<unknown>, (v, i): PlotTrace => {
    const name = `spec.series[${i}]`;
    const b = assertObject(fn, name, v);
    assertString(fn, `${name}.name`, b["name"]);
    const values = numbers(fn, `${name}.values`, b["values"], yAxis.log, true);
    assertSameLength(fn, "spec.categories", categories, `${name}.values`, values);
    const color = checkColor(fn, `${name}.color`, b["color"], PALETTE[i % PALETTE.length] as string);
    return { type: "bar", name: b["name"], x: categories.slice(), y: values, marker: { color } };
  });
  const barmode = s["barmode"] ?? "group";
  assertOneOf(fn, "spec.barmode", barmode, BARMODES);
  const notes = annotations(fn, "spec.annotations", s["annotations"], "category", yAxis);
  const height = checkHeight(fn, "spec.height", s["height"]);
  const layout = baseLayout(s["title"], height, traces.length > 1);
  layout.xaxis = xAxis;
  layout.yaxis = yAxis.layout;
  layout.barmode = barmode;
  if (notes.length > 0) layout.annotations = notes;
  return { data: traces, layout, config: { ...CONFIG } };
}

/**
 * Returns a new figure with `traces` appended (the input is not changed);
 * the legend is shown when the result has more than one legend entry.
 *
 * @param fig - a figure, e.g. from {@link lineFigure}
 * @param traces - traces to append, e.g. from {@link markerTrace}
 * @returns the combined figure
 * @throws {TypeError} if `fig` is not an object with a `data` array, or a trace is not an object
 * @example
 * const fig = addTraces(
 *   lineFigure({ title: "t", xAxis: { title: "x" }, yAxis: { title: "y" }, series: [{ name: "a", x: [1, 2], y: [1, 4] }] }),
 *   [markerTrace({ name: "best", x: [2], y: [4] })],
 * );
 * fig.data.length;         // 2
 * fig.layout?.showlegend;  // true
 */
export function addTraces(fig: Figure, traces: readonly PlotTrace[]): Figure {
  const fn = "addTraces";
  const f = assertObject(fn, "fig", fig);
  if (!Array.isArray(f["data"])) typeError(fn, "fig.data", "an array of traces", f["data"]);
  assertArray(fn, "traces", traces, 0);
  const extra = Array.from(
    traces as ArrayLike<unknown>,
    (t, i) => assertObject(fn, `traces[${i}]`, t) as PlotTrace,
  );
  const layoutIn = assertOptions(fn, f["layout"], "fig.layout") as PlotLayout;
  const data = [...(f["data"] as PlotTrace[]), ...extra];
  const entries = data.filter((t) => t.showlegend !== false).length;
  const out: Figure = { data, layout: { ...layoutIn, showlegend: entries > 1 } };
  if (f["config"] !== undefined) out.config = { ...assertObject(fn, "fig.config", f["config"]) };
  return out;
}

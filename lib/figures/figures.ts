/**
 * Plotly figure builders shared by every chapter. They are pure (no display,
 * no randomness) and return a {@link Figure} that `show` draws.
 *
 * - Generic: {@link lineFigure}, {@link barFigure}, {@link lineTrace},
 *   {@link markerTrace}, {@link addTraces}.
 * - Topic charts, one call each: {@link coverageFigure} (coverage curves, the
 *   perfect-verifier bound), {@link budgetCurvesFigure} (accuracy vs budget),
 *   {@link binBarsFigure} (bars per difficulty level), {@link ratioSweepFigure}
 *   (sequential:parallel sweeps), {@link flopsExchangeFigure} (pretraining vs
 *   test-time FLOPs), {@link searchTraceFigure} (one tree search, round by
 *   round), {@link histogramFigure}, {@link scoreStripFigure} (one question's
 *   samples and scores) and {@link sliderFigure} (precomputed steps behind a
 *   slider that works in a static page).
 *
 * House look: every figure has a title, axis titles (put the unit in the
 * text: "compute (FLOPs, log scale)"), a legend only when there is more than
 * one series, the Okabe–Ito colour-blind-safe palette, and a default height
 * of {@link DEFAULT_FIGURE_HEIGHT} pixels. Coordinates are copied into plain
 * arrays, so the figure holds exactly the numbers passed and later changes to
 * the inputs do not leak into it.
 *
 * Why this file is long: it still holds the primitives and every topic chart together; splitting it by topic is the open part of the issue "One home per concept".
 * @packageDocumentation
 */

import { coverage } from "../models/coverage";
import type { Figure, PlotAnnotation, PlotAxis, PlotLayout, PlotTrace } from "./plotly";
import type { SearchRound } from "../strategies/step-search";
import {
  assertArray,
  assertBoolean,
  assertInteger,
  assertObject,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertProbability,
  assertSameLength,
  rangeError,
  typeError,
} from "../base/validate";

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

const DASHES: readonly DashStyle[] = ["solid", "dot", "dash", "longdash", "dashdot", "longdashdot"];
const MODES: readonly LineMode[] = ["lines", "markers", "lines+markers"];
const BARMODES = ["group", "stack", "overlay", "relative"] as const;

// ---------------------------------------------------------------------------
// Validation helpers
// ---------------------------------------------------------------------------

function assertString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== "string") typeError(fn, name, "a non-empty string", value);
  if (value.trim() === "") rangeError(fn, name, "a non-empty string", value);
}

/** Copies `value` into a plain array of finite numbers (> 0 when `log`), nulls allowed when `gaps`. */
function numbers(fn: string, name: string, value: unknown, log: boolean, gaps: boolean): (number | null)[] {
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

function finiteNumbers(fn: string, name: string, value: unknown, log: boolean): number[] {
  return numbers(fn, name, value, log, false) as number[];
}

/** A single finite number (> 0 when `log`). */
function finiteNumber(fn: string, name: string, value: unknown, log: boolean): number {
  const rule = `a finite number${log ? " > 0 (the axis is logarithmic)" : ""}`;
  if (typeof value !== "number") typeError(fn, name, rule, value);
  if (!Number.isFinite(value) || (log && !(value > 0))) rangeError(fn, name, rule, value);
  return value;
}

function checkHeight(fn: string, name: string, value: unknown): number {
  if (value === undefined) return DEFAULT_FIGURE_HEIGHT;
  assertInteger(fn, name, value, 150, 3000);
  return value;
}

function checkColor(fn: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  assertString(fn, name, value);
  return value;
}

interface Axis {
  layout: PlotAxis;
  log: boolean;
}

function numericAxis(fn: string, name: string, value: unknown): Axis {
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

function baseLayout(title: string, height: number, legend: boolean): PlotLayout {
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

const CONFIG = { responsive: true, displaylogo: false } as const;

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

// ===========================================================================
// Topic builders: the charts the chapters draw
// ===========================================================================
//
// Each builder takes the numbers a library function returned (or a chapter
// computed) and returns a finished figure with the house look: a title, axis
// titles with units, Okabe–Ito colours in series order, a legend only when
// there is more than one entry, and generation budgets on a log axis with
// ticks at the powers of two (1, 2, 4, …, 256).

/** Colour of the correct answer in score charts (Okabe–Ito bluish green). */
const CORRECT_COLOR = "#009E73";
/** Colour of reference lines and guides (dark grey, distinct from the palette's black). */
const GUIDE_COLOR = "#555555";
/** Dash styles given to successive reference lines that do not choose one. */
const REFERENCE_DASHES: readonly DashStyle[] = ["dash", "dot", "dashdot", "longdash"];
/** Half-width of a 95% normal interval, in standard errors. */
const Z95 = 1.96;

/** Axis title of generation budgets. */
const BUDGET_TITLE = "generation budget (samples per question, log scale)";

/** A checked optional string (a title), or the fallback. */
function optionalString(fn: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  assertString(fn, name, value);
  return value;
}

/** A checked optional boolean, or the fallback. */
function optionalBoolean(fn: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  assertBoolean(fn, name, value);
  return value;
}

/** A checked optional dash style, or the fallback. */
function optionalDash(fn: string, name: string, value: unknown, fallback: DashStyle): DashStyle {
  if (value === undefined) return fallback;
  assertOneOf(fn, name, value, DASHES);
  return value;
}

/** Copies a non-empty array of finite numbers >= 0 (standard errors), checking its length. */
function standardErrors(
  fn: string,
  name: string,
  value: unknown,
  lengthName: string,
  expected: ArrayLike<unknown>,
): number[] {
  assertArray(fn, name, value);
  const arr = value as ArrayLike<unknown>;
  const out = Array.from(arr, (v, i) => {
    if (typeof v !== "number") typeError(fn, `${name}[${i}]`, "a finite number >= 0", v);
    if (!(v >= 0 && v < Infinity)) rangeError(fn, `${name}[${i}]`, "a finite number >= 0", v);
    return v;
  });
  assertSameLength(fn, lengthName, expected, name, out);
  return out;
}

/** Copies a non-empty array of probabilities in [0, 1]. */
function probabilities(fn: string, name: string, value: unknown): number[] {
  assertArray(fn, name, value);
  return Array.from(value as ArrayLike<unknown>, (v, i) => {
    assertProbability(fn, `${name}[${i}]`, v);
    return v;
  });
}

/** Plotly's symmetric error bars of ±1.96 standard errors (a 95% normal interval). */
function errorBars(se: readonly number[], color: string): Record<string, unknown> {
  return { type: "data", array: se.map((s) => Z95 * s), visible: true, color, thickness: 1.5, width: 4 };
}

/** Axis titles are set a little smaller than plotly's default so long ones fit beside a 420 px plot. */
const AXIS_TITLE_SIZE = 12;

/** An axis in the house look. */
function plainAxis(title: string, type: "linear" | "log" | "category", percent = false): PlotAxis {
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

/**
 * A log axis for budgets: ticks at the powers of two around [lo, hi]
 * (at most 12; every second or fourth power on very wide ranges), labelled
 * 1, 2, 4, … (2<sup>k</sup> beyond 65536 or below 1), and a range padded by
 * 4% of the span so end markers are not clipped.
 */
function budgetAxis(title: string, lo: number, hi: number): PlotAxis {
  const kLo = Math.floor(Math.log2(lo) + 1e-9);
  const kHi = Math.ceil(Math.log2(hi) - 1e-9);
  const stride = Math.max(1, Math.ceil((kHi - kLo + 1) / 12));
  const tickvals: number[] = [];
  const ticktext: string[] = [];
  for (let k = kLo; k <= kHi; k += stride) {
    const v = 2 ** k;
    tickvals.push(v);
    ticktext.push(k >= 0 && v <= 65536 ? String(v) : `2<sup>${k}</sup>`);
  }
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const pad = 0.04 * Math.max(b - a, 0.3);
  return { ...plainAxis(title, "log"), tickmode: "array", tickvals, ticktext, range: [a - pad, b + pad] };
}

/** Smallest and largest of some positive numbers. */
function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** A number shown compactly in a legend: 3 significant digits. */
function short(x: number): string {
  return String(Number(x.toPrecision(3)));
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** A name field: a non-empty string. */
function nameField(fn: string, name: string, value: unknown): string {
  assertString(fn, name, value);
  return value;
}

// ---------------------------------------------------------------------------
// 1. Coverage curves
// ---------------------------------------------------------------------------

/** Input of {@link coverageFigure}. */
export interface CoverageFigureSpec {
  /** Per-sample success probabilities p, one curve each: a non-empty array of numbers in [0, 1]. */
  ps: ArrayLike<number>;
  /**
   * Largest sample count N on the x axis, an integer in [2, 2^30].
   * @defaultValue 256
   */
  nMax?: number;
  /**
   * The figure title.
   * @defaultValue "Coverage 1 − (1 − p)<sup>N</sup>: the perfect-verifier upper bound"
   */
  title?: string;
  /** Height in pixels, an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/** Sample counts 1 … nMax, 24 per doubling (every integer while they are dense), powers of two included. */
function coverageGrid(nMax: number): number[] {
  const perOctave = 24;
  const steps = Math.ceil(Math.log2(nMax) * perOctave);
  const ns = new Set<number>();
  for (let k = 0; k <= steps; k++) {
    const n = Math.round(2 ** (k / perOctave));
    if (n <= nMax) ns.add(n);
  }
  ns.add(nMax);
  return [...ns].sort((a, b) => a - b);
}

/**
 * Coverage curves: coverage(p, N) = 1 − (1 − p)^N, the chance that at least
 * one of N samples is correct, against N on a log axis, one curve per p. This
 * is the accuracy best-of-N would reach with a perfect verifier, so the
 * y axis is labelled as that upper bound. Each curve is evaluated with the
 * library's {@link coverage} at every N up to 8 and then at 24 points per
 * doubling (rounded to integers, powers of two included) up to `nMax`.
 * Cost: O(ps.length · 24 · log2 nMax).
 *
 * @param spec - `{ ps, nMax?, title?, height? }`
 * @returns the figure: one line per p, named "p = 0.1" etc.; x axis log with ticks
 *   at 1, 2, 4, …; y axis from 0 to 1 shown as percentages
 * @throws {TypeError} if `spec` is not an object or a field has the wrong type
 * @throws {RangeError} if `ps` is empty or holds a value outside [0, 1], `nMax` is not
 *   an integer in [2, 2^30], or the title is empty
 * @example
 * const fig = coverageFigure({ ps: [0.02, 0.1, 0.3] });
 * fig.data.map((t) => t.name);  // ["p = 0.02", "p = 0.1", "p = 0.3"]
 * fig.data[1].y?.[0];           // 0.1 (coverage(0.1, 1))
 * fig.layout?.xaxis?.type;      // "log"
 */
export function coverageFigure(spec: CoverageFigureSpec): Figure {
  const fn = "coverageFigure";
  const s = assertObject(fn, "spec", spec);
  const ps = probabilities(fn, "spec.ps", s["ps"]);
  const nMax = s["nMax"] ?? 256;
  assertInteger(fn, "spec.nMax", nMax, 2, 2 ** 30);
  const title = optionalString(
    fn,
    "spec.title",
    s["title"],
    "Coverage 1 − (1 − p)<sup>N</sup>: the perfect-verifier upper bound",
  );
  const height = checkHeight(fn, "spec.height", s["height"]);
  const ns = coverageGrid(nMax);
  const data = ps.map((p, i): PlotTrace => {
    const color = PALETTE[i % PALETTE.length] as string;
    return {
      type: "scatter",
      mode: "lines",
      name: `p = ${short(p)}`,
      x: ns.slice(),
      y: ns.map((n) => coverage(p, n)),
      line: { color, width: 2.5, dash: "solid" },
      hovertemplate: "N = %{x}<br>coverage = %{y:.3f}<extra>%{fullData.name}</extra>",
    };
  });
  const layout = baseLayout(title, height, data.length > 1);
  layout.xaxis = budgetAxis("samples per question N (log scale)", 1, nMax);
  layout.yaxis = {
    ...plainAxis("coverage = perfect-verifier upper bound on accuracy", "linear", true),
    range: [0, 1.02],
  };
  return { data, layout, config: { ...CONFIG } };
}

// ---------------------------------------------------------------------------
// 2. Accuracy against budget
// ---------------------------------------------------------------------------

/** One curve of {@link budgetCurvesFigure}. */
export interface BudgetSeries {
  /** Legend entry, e.g. `"best-of-N weighted"`. */
  name: string;
  /** Budgets (x), finite numbers > 0 (the axis is logarithmic), e.g. 1, 2, 4, …, 256. */
  budgets: ArrayLike<number>;
  /** Accuracy (y) at each budget, finite numbers, same length as `budgets`. */
  accuracy: ArrayLike<number>;
  /** Standard error of each accuracy, finite numbers >= 0; drawn as ±1.96·SE error bars. */
  standardError?: ArrayLike<number>;
  /** Line dash. @defaultValue "solid" */
  dash?: DashStyle;
}

/** A horizontal reference line across the budget range (e.g. a larger model's greedy accuracy). */
export interface ReferenceLine {
  /** Legend entry, e.g. `"14× larger model, greedy"`. */
  name: string;
  /** Height of the line, a finite number. */
  y: number;
  /** Line dash. @defaultValue "dash", then "dot", "dashdot", "longdash" for later lines */
  dash?: DashStyle;
}

/** A highlighted point (e.g. the compute-optimal budget). */
export interface PointMarker {
  /** Legend entry. */
  name: string;
  /** Budget, a finite number > 0. */
  x: number;
  /** Value, a finite number. */
  y: number;
  /** A plotly marker symbol. @defaultValue "star" */
  symbol?: string;
}

/** Input of {@link budgetCurvesFigure}. */
export interface BudgetCurvesFigureSpec {
  /** The figure title. */
  title: string;
  /** One or more curves. */
  series: readonly BudgetSeries[];
  /** y axis title. @defaultValue "accuracy" */
  yTitle?: string;
  /** x axis title. @defaultValue "generation budget (samples per question, log scale)" */
  xTitle?: string;
  /** Show y values as percentages (for accuracies in [0, 1]). @defaultValue true */
  percent?: boolean;
  /** Horizontal reference lines. @defaultValue [] */
  referenceLines?: readonly ReferenceLine[];
  /** Highlighted points. @defaultValue [] */
  markers?: readonly PointMarker[];
  /** Height in pixels, an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/**
 * Accuracy against generation budget, the paper's most common chart (Figs. 3,
 * 4, 6, 7): one line with markers per series on a log2 budget axis, optional
 * error bars of ±1.96 standard errors, horizontal reference lines spanning
 * the budget range (drawn in grey), and highlighted points (black stars by
 * default). Cost: O(total points).
 *
 * @param spec - `{ title, series, yTitle?, xTitle?, percent?, referenceLines?, markers?, height? }`
 * @returns the figure: the series' traces (palette colours in order), then one
 *   trace per reference line, then one per marker
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if `series` is empty, a budget is not a finite number > 0, an
 *   accuracy or reference height is not finite, lengths differ, a standard error is
 *   negative, or a dash style is unknown
 * @example
 * const budgets = [1, 2, 4, 8, 16];
 * const fig = budgetCurvesFigure({
 *   title: "Revisions beat parallel sampling",
 *   series: [
 *     { name: "parallel", budgets, accuracy: [0.2, 0.26, 0.31, 0.34, 0.36] },
 *     { name: "sequential", budgets, accuracy: [0.2, 0.28, 0.35, 0.39, 0.41],
 *       standardError: [0.02, 0.02, 0.02, 0.02, 0.02] },
 *   ],
 *   referenceLines: [{ name: "larger model, greedy", y: 0.33 }],
 * });
 * fig.data.length;               // 3
 * fig.data[2].x;                 // [1, 16] (the reference spans the budgets)
 * fig.layout?.xaxis?.tickvals;   // [1, 2, 4, 8, 16]
 */
export function budgetCurvesFigure(spec: BudgetCurvesFigureSpec): Figure {
  const fn = "budgetCurvesFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  const yTitle = optionalString(fn, "spec.yTitle", s["yTitle"], "accuracy");
  const xTitle = optionalString(fn, "spec.xTitle", s["xTitle"], BUDGET_TITLE);
  const percent = optionalBoolean(fn, "spec.percent", s["percent"], true);
  const height = checkHeight(fn, "spec.height", s["height"]);
  assertArray(fn, "spec.series", s["series"]);
  const allX: number[] = [];
  const data = Array.from(s["series"] as ArrayLike<unknown>, (v, i): PlotTrace => {
    const el = `spec.series[${i}]`;
    const b = assertObject(fn, el, v);
    const name = nameField(fn, `${el}.name`, b["name"]);
    assertArray(fn, `${el}.budgets`, b["budgets"]);
    const x = finiteNumbers(fn, `${el}.budgets`, b["budgets"], true);
    const y = finiteNumbers(fn, `${el}.accuracy`, b["accuracy"], false);
    assertSameLength(fn, `${el}.budgets`, x, `${el}.accuracy`, y);
    const dash = optionalDash(fn, `${el}.dash`, b["dash"], "solid");
    const color = PALETTE[i % PALETTE.length] as string;
    const trace: PlotTrace = {
      type: "scatter",
      mode: "lines+markers",
      name,
      x,
      y,
      line: { color, width: 2.5, dash },
      marker: { color, size: 7 },
    };
    if (b["standardError"] !== undefined) {
      const se = standardErrors(fn, `${el}.standardError`, b["standardError"], `${el}.budgets`, x);
      trace.error_y = errorBars(se, color);
    }
    allX.push(...x);
    return trace;
  });
  const refs = s["referenceLines"] ?? [];
  assertArray(fn, "spec.referenceLines", refs, 0);
  const markers = s["markers"] ?? [];
  assertArray(fn, "spec.markers", markers, 0);
  const markerTraces = Array.from(markers as ArrayLike<unknown>, (v, i): PlotTrace => {
    const el = `spec.markers[${i}]`;
    const m = assertObject(fn, el, v);
    const name = nameField(fn, `${el}.name`, m["name"]);
    const x = finiteNumber(fn, `${el}.x`, m["x"], true);
    const y = finiteNumber(fn, `${el}.y`, m["y"], false);
    const symbol = optionalString(fn, `${el}.symbol`, m["symbol"], "star");
    allX.push(x);
    return {
      type: "scatter",
      mode: "markers",
      name,
      x: [x],
      y: [y],
      marker: { color: "#000000", symbol, size: 15, line: { color: "#ffffff", width: 1 } },
    };
  });
  const [lo, hi] = extent(allX);
  const refTraces = Array.from(refs as ArrayLike<unknown>, (v, i): PlotTrace => {
    const el = `spec.referenceLines[${i}]`;
    const r = assertObject(fn, el, v);
    const name = nameField(fn, `${el}.name`, r["name"]);
    const y = finiteNumber(fn, `${el}.y`, r["y"], false);
    const dash = optionalDash(
      fn,
      `${el}.dash`,
      r["dash"],
      REFERENCE_DASHES[i % REFERENCE_DASHES.length] as DashStyle,
    );
    return {
      type: "scatter",
      mode: "lines",
      name,
      x: [lo, hi],
      y: [y, y],
      line: { color: GUIDE_COLOR, width: 2, dash },
      hovertemplate: `${name}: %{y}<extra></extra>`,
    };
  });
  const all = [...data, ...refTraces, ...markerTraces];
  const layout = baseLayout(s["title"], height, all.length > 1);
  layout.xaxis = budgetAxis(xTitle, lo, hi);
  layout.yaxis = plainAxis(yTitle, "linear", percent);
  return { data: all, layout, config: { ...CONFIG } };
}

// ---------------------------------------------------------------------------
// 3. Grouped bars per difficulty level
// ---------------------------------------------------------------------------

/** One group member of {@link binBarsFigure}: a value per difficulty level. */
export interface BinBarsSeries {
  /** Legend entry, e.g. `"beam search"`. */
  name: string;
  /** One value per level, finite numbers, in the order of `bins`. */
  values: ArrayLike<number>;
  /** Standard error of each value, finite numbers >= 0; drawn as ±1.96·SE error bars. */
  standardError?: ArrayLike<number>;
}

/** Input of {@link binBarsFigure}. */
export interface BinBarsFigureSpec {
  /** The figure title. */
  title: string;
  /** Difficulty levels shown, distinct integers >= 1 (1 = easiest), e.g. [1, 2, 3, 4, 5]. */
  bins: ArrayLike<number>;
  /** One or more series. */
  series: readonly BinBarsSeries[];
  /** y axis title. @defaultValue "accuracy" */
  yTitle?: string;
  /** x axis title. @defaultValue "difficulty level (1 = easiest)" */
  xTitle?: string;
  /** Show y values as percentages. @defaultValue true */
  percent?: boolean;
  /** Height in pixels, an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/**
 * The label of a difficulty level on a bar chart: "level 1 (easiest)" for
 * level 1, "level k (hardest)" for the largest level shown (when > 1),
 * "level k" otherwise.
 *
 * @param level - the level, an integer >= 1
 * @param hardest - the largest level shown, an integer >= level
 * @returns the label
 * @example
 * levelLabel(1, 5); // "level 1 (easiest)"
 * levelLabel(5, 5); // "level 5 (hardest)"
 */
export function levelLabel(level: number, hardest: number): string {
  assertInteger("levelLabel", "level", level, 1);
  assertInteger("levelLabel", "hardest", hardest, level);
  if (level === 1) return "level 1 (easiest)";
  if (level === hardest) return `level ${level} (hardest)`;
  return `level ${level}`;
}

/**
 * Grouped bars per difficulty level (the paper's Figs. 3 right, 7 right):
 * levels on x, labelled "level 1 (easiest)" … "level 5 (hardest)", one bar
 * per series in each group, optional ±1.96·SE error bars. O(total values).
 *
 * @param spec - `{ title, bins, series, yTitle?, xTitle?, percent?, height? }`
 * @returns the figure: one bar trace per series (palette colours), x = level labels
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if `bins` or `series` is empty, a level is not an integer >= 1 or
 *   repeats, a series' length differs from `bins`, a value is not finite, or a standard
 *   error is negative
 * @example
 * const fig = binBarsFigure({
 *   title: "Search helps most on hard questions",
 *   bins: [1, 2, 3],
 *   series: [{ name: "best-of-N", values: [0.9, 0.5, 0.1] }, { name: "beam", values: [0.85, 0.6, 0.2] }],
 * });
 * fig.data[0].x; // ["level 1 (easiest)", "level 2", "level 3 (hardest)"]
 */
export function binBarsFigure(spec: BinBarsFigureSpec): Figure {
  const fn = "binBarsFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  assertArray(fn, "spec.bins", s["bins"]);
  const bins = Array.from(s["bins"] as ArrayLike<unknown>, (b, i) => {
    assertInteger(fn, `spec.bins[${i}]`, b, 1);
    return b;
  });
  const seen = new Set<number>();
  bins.forEach((b, i) => {
    if (seen.has(b)) rangeError(fn, `spec.bins[${i}]`, "distinct from the earlier levels", b);
    seen.add(b);
  });
  const hardest = Math.max(...bins);
  const labels = bins.map((b) => levelLabel(b, hardest));
  const yTitle = optionalString(fn, "spec.yTitle", s["yTitle"], "accuracy");
  const xTitle = optionalString(fn, "spec.xTitle", s["xTitle"], "difficulty level (1 = easiest)");
  const percent = optionalBoolean(fn, "spec.percent", s["percent"], true);
  const height = checkHeight(fn, "spec.height", s["height"]);
  assertArray(fn, "spec.series", s["series"]);
  const data = Array.from(s["series"] as ArrayLike<unknown>, (v, i): PlotTrace => {
    const el = `spec.series[${i}]`;
    const b = assertObject(fn, el, v);
    const name = nameField(fn, `${el}.name`, b["name"]);
    const values = finiteNumbers(fn, `${el}.values`, b["values"], false);
    assertSameLength(fn, "spec.bins", bins, `${el}.values`, values);
    const color = PALETTE[i % PALETTE.length] as string;
    const trace: PlotTrace = { type: "bar", name, x: labels.slice(), y: values, marker: { color } };
    if (b["standardError"] !== undefined) {
      trace.error_y = errorBars(
        standardErrors(fn, `${el}.standardError`, b["standardError"], `${el}.values`, values),
        "#333333",
      );
    }
    return trace;
  });
  const layout = baseLayout(s["title"], height, data.length > 1);
  layout.xaxis = plainAxis(xTitle, "category");
  layout.yaxis = plainAxis(yTitle, "linear", percent);
  layout.barmode = "group";
  return { data, layout, config: { ...CONFIG } };
}

// ---------------------------------------------------------------------------
// 4. Sequential : parallel ratio sweep
// ---------------------------------------------------------------------------

/** One sequential:parallel split, e.g. an element of `revisionRatios(budget)`. */
export interface RatioPoint {
  /** Revisions per chain, an integer >= 1. */
  sequential: number;
  /** Parallel chains, an integer >= 1. */
  parallel: number;
}

/** One line of {@link ratioSweepFigure}. */
export interface RatioSweepSeries {
  /** Legend entry, e.g. `"budget 64"` or `"level 3"`. */
  name: string;
  /** Accuracy at each ratio, finite numbers, in the order of `ratios`. */
  accuracy: ArrayLike<number>;
  /** Standard error of each accuracy, finite numbers >= 0; drawn as ±1.96·SE error bars. */
  standardError?: ArrayLike<number>;
}

/** Input of {@link ratioSweepFigure}. */
export interface RatioSweepFigureSpec {
  /** The figure title. */
  title: string;
  /** The splits on the x axis, with distinct ratios sequential/parallel. */
  ratios: readonly RatioPoint[];
  /** One or more lines. */
  series: readonly RatioSweepSeries[];
  /** y axis title. @defaultValue "accuracy" */
  yTitle?: string;
  /** x axis title. @defaultValue "sequential : parallel (attempts per chain : chains, log scale)" */
  xTitle?: string;
  /** Show y values as percentages. @defaultValue true */
  percent?: boolean;
  /** Height in pixels, an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/**
 * Accuracy against the sequential:parallel ratio at a fixed budget (the
 * paper's Fig. 7): x = log2(sequential / parallel), so all-parallel sits on
 * the left, 1:1 at 0 and all-sequential on the right, with tick labels
 * "sequential:parallel" in lowest terms ("1:128" … "1:1" … "128:1"). Lines
 * follow the order of `ratios` (`revisionRatios` already sorts them from
 * all-parallel to all-sequential). O(total points).
 *
 * @param spec - `{ title, ratios, series, yTitle?, xTitle?, percent?, height? }`
 * @returns the figure: one line with markers per series; x values are log2 ratios
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if `ratios` or `series` is empty, a count is not an integer >= 1,
 *   two ratios are equal, lengths differ, an accuracy is not finite, or a standard
 *   error is negative
 * @example
 * const fig = ratioSweepFigure({
 *   title: "A middle ratio wins at budget 4",
 *   ratios: [{ sequential: 1, parallel: 4 }, { sequential: 2, parallel: 2 }, { sequential: 4, parallel: 1 }],
 *   series: [{ name: "budget 4", accuracy: [0.30, 0.34, 0.33] }],
 * });
 * fig.data[0].x;                // [-2, 0, 2]
 * fig.layout?.xaxis?.ticktext;  // ["1:4", "1:1", "4:1"]
 */
export function ratioSweepFigure(spec: RatioSweepFigureSpec): Figure {
  const fn = "ratioSweepFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  assertArray(fn, "spec.ratios", s["ratios"]);
  const xs: number[] = [];
  const labels: string[] = [];
  Array.from(s["ratios"] as ArrayLike<unknown>, (v, i) => {
    const el = `spec.ratios[${i}]`;
    const r = assertObject(fn, el, v);
    const seq = r["sequential"];
    const par = r["parallel"];
    assertInteger(fn, `${el}.sequential`, seq, 1);
    assertInteger(fn, `${el}.parallel`, par, 1);
    const x = Math.log2(seq / par);
    if (xs.includes(x)) rangeError(fn, el, "a ratio distinct from the earlier ratios", `${seq}:${par}`);
    const g = gcd(seq, par);
    xs.push(x);
    labels.push(`${seq / g}:${par / g}`);
  });
  const yTitle = optionalString(fn, "spec.yTitle", s["yTitle"], "accuracy");
  const xTitle = optionalString(
    fn,
    "spec.xTitle",
    s["xTitle"],
    "sequential : parallel (attempts per chain : chains, log scale)",
  );
  const percent = optionalBoolean(fn, "spec.percent", s["percent"], true);
  const height = checkHeight(fn, "spec.height", s["height"]);
  assertArray(fn, "spec.series", s["series"]);
  const data = Array.from(s["series"] as ArrayLike<unknown>, (v, i): PlotTrace => {
    const el = `spec.series[${i}]`;
    const b = assertObject(fn, el, v);
    const name = nameField(fn, `${el}.name`, b["name"]);
    const y = finiteNumbers(fn, `${el}.accuracy`, b["accuracy"], false);
    assertSameLength(fn, "spec.ratios", xs, `${el}.accuracy`, y);
    const color = PALETTE[i % PALETTE.length] as string;
    const trace: PlotTrace = {
      type: "scatter",
      mode: "lines+markers",
      name,
      x: xs.slice(),
      y,
      text: labels.slice(),
      hovertemplate: "%{text}: %{y}<extra>%{fullData.name}</extra>",
      line: { color, width: 2.5, dash: "solid" },
      marker: { color, size: 7 },
    };
    if (b["standardError"] !== undefined) {
      trace.error_y = errorBars(
        standardErrors(fn, `${el}.standardError`, b["standardError"], `${el}.accuracy`, y),
        color,
      );
    }
    return trace;
  });
  const order = xs.map((x, i) => i).sort((a, b) => (xs[a] as number) - (xs[b] as number));
  const layout = baseLayout(s["title"], height, data.length > 1);
  layout.xaxis = {
    ...plainAxis(xTitle, "linear"),
    tickmode: "array",
    tickvals: order.map((i) => xs[i]),
    ticktext: order.map((i) => labels[i]),
  };
  layout.yaxis = plainAxis(yTitle, "linear", percent);
  return { data, layout, config: { ...CONFIG } };
}

// ---------------------------------------------------------------------------
// 5. Exchanging pretraining and test-time FLOPs
// ---------------------------------------------------------------------------

/** One compute-optimal curve of {@link flopsExchangeFigure} (one difficulty level). */
export interface ExchangeCurve {
  /** Legend entry, e.g. `"level 1"`. */
  name: string;
  /** Test-time budgets (x), finite numbers > 0. */
  budgets: ArrayLike<number>;
  /** Compute-optimal accuracy at each budget, probabilities in [0, 1]. */
  accuracy: ArrayLike<number>;
}

/** The larger model's greedy accuracy belonging to one curve (same position in the list). */
export interface LargeModelPoint {
  /** Legend entry of the stars, e.g. `"14× larger model, level 1"`. */
  name: string;
  /** Greedy accuracy of the larger model on that curve's questions, a probability in [0, 1]. */
  accuracy: number;
}

/** The test-time budget that spends the same FLOPs as the larger model at one R. */
export interface BudgetAtR {
  /** Label of the vertical line, e.g. `"R = 0.16"`. */
  label: string;
  /** The FLOPs-matched test-time budget, a finite number > 0. */
  budget: number;
}

/** Input of {@link flopsExchangeFigure}. */
export interface FlopsExchangeFigureSpec {
  /** The figure title. */
  title: string;
  /** One compute-optimal curve per difficulty level. */
  curves: readonly ExchangeCurve[];
  /** One entry per curve, in the same order: the larger model's greedy accuracy. */
  largeModel: readonly LargeModelPoint[];
  /** One entry per ratio R = inference tokens / pretraining tokens. */
  budgetsAtR: readonly BudgetAtR[];
  /** x axis title. @defaultValue "test-time compute budget (generations per question, log scale)" */
  xTitle?: string;
  /** y axis title. @defaultValue "accuracy" */
  yTitle?: string;
  /** Height in pixels, an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/**
 * Trading pretraining for test-time compute (the paper's Fig. 9 analogue):
 * compute-optimal accuracy per difficulty level against test-time budget
 * (log2 axis), a dotted vertical line at each R's FLOPs-matched budget
 * labelled with R, and at each of those budgets a star on every curve's
 * colour at the larger model's greedy accuracy for that curve. A star above
 * its curve means spending the FLOPs on pretraining (the larger model) wins
 * there; below it, test-time compute wins. The subtitle says so.
 *
 * Traces, in order: the curves; one star trace per curve (x = the R budgets,
 * y = its larger-model accuracy repeated), grouped with its curve in the
 * legend; one vertical-line trace per R (x = [budget, budget], y = [0, 1],
 * not in the legend). Labels are layout annotations at the top.
 * O(total points + curves · R).
 *
 * @param spec - `{ title, curves, largeModel, budgetsAtR, xTitle?, yTitle?, height? }`
 * @returns the figure
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if a list is empty, `largeModel` and `curves` differ in length,
 *   a budget is not a finite number > 0, an accuracy is outside [0, 1], or lengths differ
 * @example
 * const fig = flopsExchangeFigure({
 *   title: "Test-time compute wins on easy questions at small R",
 *   curves: [{ name: "level 1", budgets: [1, 4, 16], accuracy: [0.7, 0.85, 0.9] }],
 *   largeModel: [{ name: "larger model, level 1", accuracy: 0.8 }],
 *   budgetsAtR: [{ label: "R = 0.16", budget: 4 }, { label: "R = 22", budget: 2 }],
 * });
 * fig.data[1].x; // [4, 2]: the stars sit at each R's budget
 * fig.data[1].y; // [0.8, 0.8]
 */
export function flopsExchangeFigure(spec: FlopsExchangeFigureSpec): Figure {
  const fn = "flopsExchangeFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  const xTitle = optionalString(
    fn,
    "spec.xTitle",
    s["xTitle"],
    "test-time compute budget (generations per question, log scale)",
  );
  const yTitle = optionalString(fn, "spec.yTitle", s["yTitle"], "accuracy");
  const height = checkHeight(fn, "spec.height", s["height"]);
  assertArray(fn, "spec.curves", s["curves"]);
  const allX: number[] = [];
  const curves = Array.from(s["curves"] as ArrayLike<unknown>, (v, i): PlotTrace => {
    const el = `spec.curves[${i}]`;
    const c = assertObject(fn, el, v);
    const name = nameField(fn, `${el}.name`, c["name"]);
    const x = finiteNumbers(fn, `${el}.budgets`, c["budgets"], true);
    const y = probabilities(fn, `${el}.accuracy`, c["accuracy"]);
    assertSameLength(fn, `${el}.budgets`, x, `${el}.accuracy`, y);
    allX.push(...x);
    const color = PALETTE[i % PALETTE.length] as string;
    return {
      type: "scatter",
      mode: "lines+markers",
      name,
      x,
      y,
      legendgroup: `curve-${i}`,
      line: { color, width: 2.5, dash: "solid" },
      marker: { color, size: 6 },
    };
  });
  assertArray(fn, "spec.budgetsAtR", s["budgetsAtR"]);
  const rs = Array.from(s["budgetsAtR"] as ArrayLike<unknown>, (v, i) => {
    const el = `spec.budgetsAtR[${i}]`;
    const r = assertObject(fn, el, v);
    const label = nameField(fn, `${el}.label`, r["label"]);
    const budget = finiteNumber(fn, `${el}.budget`, r["budget"], true);
    allX.push(budget);
    return { label, budget };
  });
  assertArray(fn, "spec.largeModel", s["largeModel"]);
  const large = s["largeModel"] as ArrayLike<unknown>;
  assertSameLength(fn, "spec.curves", curves, "spec.largeModel", large);
  const stars = Array.from(large, (v, i): PlotTrace => {
    const el = `spec.largeModel[${i}]`;
    const m = assertObject(fn, el, v);
    const name = nameField(fn, `${el}.name`, m["name"]);
    const acc = m["accuracy"];
    assertProbability(fn, `${el}.accuracy`, acc);
    const color = PALETTE[i % PALETTE.length] as string;
    return {
      type: "scatter",
      mode: "markers",
      name,
      x: rs.map((r) => r.budget),
      y: rs.map(() => acc),
      text: rs.map((r) => r.label),
      hovertemplate: "%{text}: larger model %{y}<extra>%{fullData.name}</extra>",
      legendgroup: `curve-${i}`,
      marker: { color, symbol: "star", size: 16, line: { color: "#000000", width: 1 } },
    };
  });
  const guides = rs.map((r): PlotTrace => ({
    type: "scatter",
    mode: "lines",
    name: r.label,
    x: [r.budget, r.budget],
    y: [0, 1],
    showlegend: false,
    hoverinfo: "skip",
    line: { color: GUIDE_COLOR, width: 1.5, dash: "dot" },
  }));
  const [lo, hi] = extent(allX);
  const notes: PlotAnnotation[] = rs.map((r) => ({
    x: Math.log10(r.budget), // annotations on a log axis take log10 units
    y: 1,
    xref: "x",
    yref: "paper",
    yanchor: "bottom",
    text: r.label,
    showarrow: false,
    font: { size: 12, color: GUIDE_COLOR },
  }));
  const layout = baseLayout(
    `${s["title"]}<br><sup>★ larger model's greedy accuracy at the FLOPs-matched budget: ` +
      "above its curve ⇒ pretraining better, below ⇒ test-time compute better</sup>",
    height,
    true,
  );
  layout.margin = { t: 90, r: 20, b: 60, l: 70 };
  layout.xaxis = budgetAxis(xTitle, lo, hi);
  layout.yaxis = { ...plainAxis(yTitle, "linear", true), range: [0, 1.02] };
  layout.annotations = notes;
  return { data: [...curves, ...stars, ...guides], layout, config: { ...CONFIG } };
}

// ---------------------------------------------------------------------------
// 7. Histogram (counted here, so the figure holds checkable counts)
// ---------------------------------------------------------------------------

/** Input of {@link histogramFigure}. */
export interface HistogramFigureSpec {
  /** The figure title. */
  title: string;
  /** The values to count, finite numbers; a non-empty array. */
  values: ArrayLike<number>;
  /** Number of equal-width bins, an integer in [1, 1000]. @defaultValue 20 */
  bins?: number;
  /** x axis title with the unit, e.g. `"pass@1 (fraction of 2048 samples correct)"`. */
  xTitle: string;
  /** y axis title. @defaultValue "count" */
  yTitle?: string;
  /**
   * `[lo, hi]` with lo < hi, finite: the span divided into bins. Values
   * outside it are not counted (a note on the chart says how many).
   * @defaultValue [min, max] of the values ([v − 0.5, v + 0.5] when all equal v)
   */
  range?: readonly [number, number];
  /** Height in pixels, an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/**
 * A histogram drawn as a bar chart of counts computed here (not plotly's
 * histogram trace), so the figure's numbers can be checked and quoted. The
 * range [lo, hi] is cut into `bins` equal bins with edges
 * e_j = lo + (hi − lo)·j/bins; bin j holds the values with e_j ≤ v < e_(j+1),
 * and the last bin also holds v = hi. O(values + bins).
 *
 * The bar trace has x = bin centres, y = counts, `width` = bin width, and
 * `customdata` = [e_j, e_(j+1)] per bar (shown on hover).
 *
 * @param spec - `{ title, values, bins?, xTitle, yTitle?, range?, height? }`
 * @returns the figure (one bar trace, no legend)
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if `values` is empty or holds a non-finite number, `bins` is not
 *   an integer in [1, 1000], or `range` is not `[lo, hi]` with finite lo < hi
 * @example
 * const fig = histogramFigure({ title: "pass@1", values: [0.05, 0.1, 0.5, 0.95], bins: 2, xTitle: "pass@1", range: [0, 1] });
 * fig.data[0].x; // [0.25, 0.75]
 * fig.data[0].y; // [2, 2]
 */
export function histogramFigure(spec: HistogramFigureSpec): Figure {
  const fn = "histogramFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  assertArray(fn, "spec.values", s["values"]);
  const values = finiteNumbers(fn, "spec.values", s["values"], false);
  const bins = s["bins"] ?? 20;
  assertInteger(fn, "spec.bins", bins, 1, 1000);
  assertString(fn, "spec.xTitle", s["xTitle"]);
  const yTitle = optionalString(fn, "spec.yTitle", s["yTitle"], "count");
  const height = checkHeight(fn, "spec.height", s["height"]);
  let lo: number;
  let hi: number;
  if (s["range"] !== undefined) {
    const lohi = finiteNumbers(fn, "spec.range", s["range"], false);
    if (lohi.length !== 2) {
      throw new RangeError(`${fn}: spec.range must be [lo, hi] (2 numbers), got length ${lohi.length}`);
    }
    [lo, hi] = lohi as [number, number];
    if (!(lo < hi)) rangeError(fn, "spec.range", "[lo, hi] with lo < hi", s["range"]);
  } else {
    [lo, hi] = extent(values);
    if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  }
  const edges = Array.from({ length: bins + 1 }, (_, j) => (j === bins ? hi : lo + ((hi - lo) * j) / bins));
  const counts = new Array<number>(bins).fill(0);
  let outside = 0;
  for (const v of values) {
    if (v < lo || v > hi) {
      outside += 1;
      continue;
    }
    // A first guess from arithmetic, then nudged so the bin agrees with the edges exactly.
    let j = Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins));
    while (j > 0 && v < (edges[j] as number)) j -= 1;
    while (j < bins - 1 && v >= (edges[j + 1] as number)) j += 1;
    counts[j] = (counts[j] as number) + 1;
  }
  const centres = counts.map((_, j) => ((edges[j] as number) + (edges[j + 1] as number)) / 2);
  const trace: PlotTrace = {
    type: "bar",
    name: "count",
    x: centres,
    y: counts,
    width: counts.map((_, j) => (edges[j + 1] as number) - (edges[j] as number)),
    customdata: counts.map((_, j) => [edges[j] as number, edges[j + 1] as number]),
    hovertemplate: "[%{customdata[0]:.4g}, %{customdata[1]:.4g}): %{y}<extra></extra>",
    marker: { color: PALETTE[0] as string, line: { color: "#ffffff", width: 1 } },
  };
  const layout = baseLayout(s["title"], height, false);
  layout.xaxis = { ...plainAxis(s["xTitle"], "linear"), range: [lo, hi] };
  layout.yaxis = plainAxis(yTitle, "linear");
  layout.bargap = 0;
  if (outside > 0) {
    layout.annotations = [
      {
        x: 1,
        y: 1,
        xref: "paper",
        yref: "paper",
        xanchor: "right",
        yanchor: "bottom",
        showarrow: false,
        text: `${outside} of ${values.length} values outside [${short(lo)}, ${short(hi)}] not shown`,
        font: { size: 12, color: GUIDE_COLOR },
      },
    ];
  }
  return { data: [trace], layout, config: { ...CONFIG } };
}

// ---------------------------------------------------------------------------
// 8. One question's samples and their verifier scores
// ---------------------------------------------------------------------------

/** Input of {@link scoreStripFigure}. */
export interface ScoreStripFigureSpec {
  /** The figure title. @defaultValue "One question, N samples: verifier score of each" */
  title?: string;
  /** Answer id of each sample, integers (e.g. from `sampleAnswers`). */
  answers: Int32Array | ArrayLike<number>;
  /** Verifier score of each sample, finite numbers, same length as `answers`. */
  scores: ArrayLike<number>;
  /** Index of the sample a selection rule picked (ringed), an integer in [0, N − 1]. */
  picked?: number;
  /** The correct answer's id, an integer. @defaultValue 0 (the library's `CORRECT`) */
  correctAnswer?: number;
  /** y axis title. @defaultValue "verifier score" */
  yTitle?: string;
  /** Height in pixels, an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/** Colours and symbols of wrong answers, in order of answer id. */
const DISTRACTOR_STYLES: readonly { color: string; symbol: string }[] = [
  { color: "#D55E00", symbol: "x" },
  { color: "#E69F00", symbol: "diamond" },
  { color: "#CC79A7", symbol: "square" },
  { color: "#56B4E9", symbol: "triangle-up" },
  { color: "#0072B2", symbol: "cross" },
  { color: "#000000", symbol: "triangle-down" },
  { color: "#F0E442", symbol: "pentagon" },
];

/**
 * One question's N samples as a strip chart: x = sample index (0-based, as
 * in `bestOfN(...).index`), y = verifier score, one trace per distinct
 * answer: the correct answer in green circles first, then each wrong answer
 * in increasing id order with its own colour and symbol (styles repeat after
 * seven wrong answers). The sample a selection rule picked, if given, is
 * ringed in black. Legend names carry the counts, e.g. "correct: answer 0
 * (5 of 16)". O(N log N).
 *
 * @param spec - `{ title?, answers, scores, picked?, correctAnswer?, yTitle?, height? }`
 * @returns the figure
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if `answers` is empty or holds a non-integer, `scores` holds a
 *   non-finite number or differs in length, or `picked` is not an index of a sample
 * @example
 * const fig = scoreStripFigure({ answers: [0, 2, 0, 1], scores: [0.8, 0.9, 0.4, 0.2], picked: 1 });
 * fig.data.map((t) => t.name);
 * // ["correct: answer 0 (2 of 4)", "wrong: answer 1 (1 of 4)", "wrong: answer 2 (1 of 4)", "picked: sample 1 (answer 2)"]
 * fig.data[0].x; // [0, 2]
 */
export function scoreStripFigure(spec: ScoreStripFigureSpec): Figure {
  const fn = "scoreStripFigure";
  const s = assertObject(fn, "spec", spec);
  assertArray(fn, "spec.answers", s["answers"]);
  const answers = Array.from(s["answers"] as ArrayLike<unknown>, (a, i) => {
    if (typeof a !== "number") typeError(fn, `spec.answers[${i}]`, "an integer", a);
    if (!Number.isSafeInteger(a)) rangeError(fn, `spec.answers[${i}]`, "an integer", a);
    return a;
  });
  const scores = finiteNumbers(fn, "spec.scores", s["scores"], false);
  assertSameLength(fn, "spec.answers", answers, "spec.scores", scores);
  const n = answers.length;
  const correct = s["correctAnswer"] ?? 0;
  if (typeof correct !== "number") typeError(fn, "spec.correctAnswer", "an integer", correct);
  if (!Number.isSafeInteger(correct)) rangeError(fn, "spec.correctAnswer", "an integer", correct);
  const picked = s["picked"];
  if (picked !== undefined) assertInteger(fn, "spec.picked", picked, 0, n - 1, "an index of answers");
  const title = optionalString(
    fn,
    "spec.title",
    s["title"],
    `One question, ${n} samples: verifier score of each`,
  );
  const yTitle = optionalString(fn, "spec.yTitle", s["yTitle"], "verifier score");
  const height = checkHeight(fn, "spec.height", s["height"]);

  const ids = [...new Set(answers)].sort((a, b) => (a === correct ? -1 : b === correct ? 1 : a - b));
  let wrong = 0;
  const data = ids.map((id): PlotTrace => {
    const idx: number[] = [];
    answers.forEach((a, i) => {
      if (a === id) idx.push(i);
    });
    const isCorrect = id === correct;
    const style = isCorrect
      ? { color: CORRECT_COLOR, symbol: "circle" }
      : (DISTRACTOR_STYLES[wrong++ % DISTRACTOR_STYLES.length] as { color: string; symbol: string });
    return {
      type: "scatter",
      mode: "markers",
      name: `${isCorrect ? "correct" : "wrong"}: answer ${id} (${idx.length} of ${n})`,
      x: idx,
      y: idx.map((i) => scores[i] as number),
      marker: { color: style.color, symbol: style.symbol, size: 9 },
      hovertemplate: `sample %{x}<br>answer ${id}<br>score %{y:.3f}<extra></extra>`,
    };
  });
  if (picked !== undefined) {
    data.push({
      type: "scatter",
      mode: "markers",
      name: `picked: sample ${picked} (answer ${answers[picked] as number})`,
      x: [picked],
      y: [scores[picked] as number],
      marker: {
        color: "rgba(0,0,0,0)",
        symbol: "circle-open",
        size: 22,
        line: { color: "#000000", width: 2.5 },
      },
      hoverinfo: "skip",
    });
  }
  const layout = baseLayout(title, height, data.length > 1);
  layout.xaxis = plainAxis("sample index (0 = first sample)", "linear");
  layout.yaxis = plainAxis(yTitle, "linear");
  return { data, layout, config: { ...CONFIG } };
}

// ---------------------------------------------------------------------------
// 9. A slider over precomputed steps
// ---------------------------------------------------------------------------

/** One line at one slider step. */
export interface SliderSeries {
  /** Legend entry. */
  name: string;
  /** x values, finite numbers (> 0 on a log axis). */
  x: ArrayLike<number>;
  /** y values, finite numbers (> 0 on a log axis) or `null` for gaps, same length as x. */
  y: ArrayLike<number | null>;
}

/** One position of the slider: its label and the lines drawn there. */
export interface SliderStep {
  /** Text under the slider tick, e.g. `"0.5"`. */
  label: string;
  /** The lines, the same number at every step (line i of each step restyles trace i). */
  series: readonly SliderSeries[];
}

/** Input of {@link sliderFigure}. */
export interface SliderFigureSpec {
  /** The figure title. */
  title: string;
  /** The x axis (title, log?, range?, percent?), as in {@link lineFigure}. */
  xAxis: AxisSpec;
  /** The y axis (title, log?, range?, percent?). */
  yAxis: AxisSpec;
  /** The precomputed steps, a non-empty array. */
  steps: readonly SliderStep[];
  /** What the slider sets, shown as "label: value", e.g. `"verifier separation d"`. */
  sliderLabel: string;
  /** Index of the step shown first, an integer in [0, steps.length − 1]. @defaultValue 0 */
  active?: number;
  /** Height in pixels of the plot (the slider adds 80), an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/** A fixed range covering every value of every step, so the axes do not jump as the slider moves. */
function sliderRange(values: readonly number[], log: boolean): [number, number] {
  const v = log ? values.map((x) => Math.log10(x)) : values;
  let [lo, hi] = extent(v);
  if (lo === hi) {
    const half = lo === 0 ? 0.5 : Math.abs(lo) * 0.1;
    return [lo - half, hi + half];
  }
  const pad = 0.04 * (hi - lo);
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

/**
 * A line chart with a slider over precomputed steps, explorable in a static
 * HTML page without a kernel: each slider step uses plotly's `"restyle"`
 * method with args `[{ x: [x₀, x₁, …], y: [y₀, y₁, …], name: [n₀, n₁, …] }]`
 * (one entry per trace), so moving the slider swaps every line's data. The
 * traces start with the data of step `active`. Axes without a `range` get a
 * fixed one covering all steps (4% padding; log10 units on a log axis), so
 * the chart does not rescale as the slider moves. O(total points).
 *
 * @param spec - `{ title, xAxis, yAxis, steps, sliderLabel, active?, height? }`
 * @returns the figure, with `layout.sliders[0].steps[k]` = `{ label, method: "restyle", args }`
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if `steps` or a step's `series` is empty, steps differ in their
 *   number of series, x and y differ in length, a value is not finite (or not > 0 on a
 *   log axis), or `active` is not a step index
 * @example
 * const ns = [1, 2, 4, 8];
 * const fig = sliderFigure({
 *   title: "Coverage for a chosen p",
 *   xAxis: { title: "samples N", log: true },
 *   yAxis: { title: "coverage", range: [0, 1] },
 *   sliderLabel: "p",
 *   steps: [0.1, 0.3].map((p) => ({ label: String(p), series: [{ name: "coverage", x: ns, y: ns.map((n) => 1 - (1 - p) ** n) }] })),
 * });
 * fig.layout?.sliders; // [{ active: 0, steps: [{ label: "0.1", method: "restyle", args: [{ x: [[1, 2, 4, 8]], … }] }, …], … }]
 */
export function sliderFigure(spec: SliderFigureSpec): Figure {
  const fn = "sliderFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  const xAxis = numericAxis(fn, "spec.xAxis", s["xAxis"]);
  const yAxis = numericAxis(fn, "spec.yAxis", s["yAxis"]);
  assertString(fn, "spec.sliderLabel", s["sliderLabel"]);
  const height = checkHeight(fn, "spec.height", s["height"]);
  assertArray(fn, "spec.steps", s["steps"]);
  const stepList = s["steps"] as ArrayLike<unknown>;
  let seriesCount = -1;
  const allX: number[] = [];
  const allY: number[] = [];
  const steps = Array.from(stepList, (v, k) => {
    const el = `spec.steps[${k}]`;
    const st = assertObject(fn, el, v);
    const label = nameField(fn, `${el}.label`, st["label"]);
    assertArray(fn, `${el}.series`, st["series"]);
    const list = st["series"] as ArrayLike<unknown>;
    if (seriesCount < 0) seriesCount = list.length;
    else if (list.length !== seriesCount) {
      throw new RangeError(
        `${fn}: ${el}.series must have the same length as spec.steps[0].series (${seriesCount}), got length ${list.length}`,
      );
    }
    const lines = Array.from(list, (w, i) => {
      const sl = `${el}.series[${i}]`;
      const o = assertObject(fn, sl, w);
      const name = nameField(fn, `${sl}.name`, o["name"]);
      const x = finiteNumbers(fn, `${sl}.x`, o["x"], xAxis.log);
      const y = numbers(fn, `${sl}.y`, o["y"], yAxis.log, true);
      assertSameLength(fn, `${sl}.x`, x, `${sl}.y`, y);
      allX.push(...x);
      for (const yy of y) if (yy !== null) allY.push(yy);
      return { name, x, y };
    });
    return { label, lines };
  });
  const active = s["active"] ?? 0;
  assertInteger(fn, "spec.active", active, 0, steps.length - 1, "a step index");
  const first = steps[active] as (typeof steps)[number];
  const data = first.lines.map((line, i): PlotTrace => {
    const color = PALETTE[i % PALETTE.length] as string;
    return {
      type: "scatter",
      mode: "lines+markers",
      name: line.name,
      x: line.x.slice(),
      y: line.y.slice(),
      line: { color, width: 2.5, dash: "solid" },
      marker: { color, size: 6 },
    };
  });
  const layout = baseLayout(s["title"], height + 80, data.length > 1);
  layout.xaxis = xAxis.layout;
  layout.yaxis = yAxis.layout;
  if (xAxis.layout.range === undefined && allX.length > 0) layout.xaxis.range = sliderRange(allX, xAxis.log);
  if (yAxis.layout.range === undefined && allY.length > 0) layout.yaxis.range = sliderRange(allY, yAxis.log);
  layout.margin = { t: 60, r: 20, b: 140, l: 70 };
  layout.sliders = [
    {
      active,
      currentvalue: { visible: true, prefix: `${s["sliderLabel"]}: `, xanchor: "left" },
      pad: { t: 60 },
      len: 1,
      x: 0,
      steps: steps.map((st) => ({
        label: st.label,
        method: "restyle",
        args: [
          {
            x: st.lines.map((l) => l.x.slice()),
            y: st.lines.map((l) => l.y.slice()),
            name: st.lines.map((l) => l.name),
          },
        ],
      })),
    },
  ];
  return { data, layout, config: { ...CONFIG } };
}

// ---------------------------------------------------------------------------
// 6. One tree search, round by round
// ---------------------------------------------------------------------------

/** Options of {@link searchTraceFigure}. */
export interface SearchTraceFigureOptions {
  /** The figure title. @defaultValue "One search, round by round: which prefixes survive" */
  title?: string;
  /** Height in pixels, an integer in [150, 3000]. @defaultValue 520 */
  height?: number;
}

/** The six groups of prefixes in a round, in stacking order: kept (filled) below pruned (hollow). */
const TRACE_GROUPS: readonly {
  name: string;
  color: string;
  kept: boolean;
  count: (r: CheckedRound) => number;
}[] = [
  { name: "kept, on track", color: CORRECT_COLOR, kept: true, count: (r) => r.keptOnTrack },
  { name: "kept, off track (fooled the PRM)", color: "#D55E00", kept: true, count: (r) => r.keptFooled },
  { name: "kept, off track (scored low)", color: "#E69F00", kept: true, count: (r) => r.keptLow },
  { name: "pruned, on track", color: CORRECT_COLOR, kept: false, count: (r) => r.onTrack - r.keptOnTrack },
  {
    name: "pruned, off track (fooled the PRM)",
    color: "#D55E00",
    kept: false,
    count: (r) => r.fooled - r.keptFooled,
  },
  { name: "pruned, off track (scored low)", color: "#E69F00", kept: false, count: (r) => r.low - r.keptLow },
];

/** A validated round, with the "off track and not fooled" counts derived. */
interface CheckedRound {
  round: number;
  onTrack: number;
  fooled: number;
  low: number;
  keptOnTrack: number;
  keptFooled: number;
  keptLow: number;
  bestScore: number;
}

function checkRound(fn: string, name: string, value: unknown, last: boolean): CheckedRound {
  const r = assertObject(fn, name, value);
  const field = (key: string, min = 0): number => {
    const v = r[key];
    assertInteger(fn, `${name}.${key}`, v, min);
    return v;
  };
  const round = field("round", 1);
  const generated = field("generated", 1);
  const onTrack = field("onTrack");
  const fooled = field("fooled");
  let kept = field("kept");
  let keptOnTrack = field("keptOnTrack");
  let keptFooled = field("keptFooled");
  const bestScore = r["bestScore"];
  assertProbability(fn, `${name}.bestScore`, bestScore);
  if (onTrack + fooled > generated) {
    rangeError(fn, `${name}.onTrack + ${name}.fooled`, `at most generated (${generated})`, onTrack + fooled);
  }
  if (kept > generated) rangeError(fn, `${name}.kept`, `at most generated (${generated})`, kept);
  if (keptOnTrack > Math.min(onTrack, kept)) {
    rangeError(
      fn,
      `${name}.keptOnTrack`,
      `at most min(onTrack, kept) (${Math.min(onTrack, kept)})`,
      keptOnTrack,
    );
  }
  if (keptFooled > Math.min(fooled, kept - keptOnTrack)) {
    const cap = Math.min(fooled, kept - keptOnTrack);
    rangeError(fn, `${name}.keptFooled`, `at most min(fooled, kept − keptOnTrack) (${cap})`, keptFooled);
  }
  if (last && kept === 0) {
    // The last round keeps nothing for expansion: all its candidates go to the final vote.
    kept = generated;
    keptOnTrack = onTrack;
    keptFooled = fooled;
  }
  const low = generated - onTrack - fooled;
  return {
    round,
    onTrack,
    fooled,
    low,
    keptOnTrack,
    keptFooled,
    keptLow: kept - keptOnTrack - keptFooled,
    bestScore,
  };
}

/**
 * One tree search traced round by round, from the `trace` that
 * `beamSearch`, `lookaheadSearch`, `dvts` and `bestOfNWeighted` return with
 * `trace: true`. Two panels share the x axis (round):
 *
 * - top: the best aggregated PRM score among the prefixes generated that round;
 * - bottom: the prefixes of each round stacked by fate and state — kept ones
 *   filled, pruned ones hollow; on track in green, off track in vermillion
 *   when the branch fooled the PRM and in orange when the PRM scored it low.
 *
 * The last round keeps nothing for expansion (its candidates go to the final
 * vote), so its candidates are drawn as kept. A beam that fills up with
 * vermillion is the over-optimisation the paper warns about. The trace holds
 * counts per round, not each beam's score, so beams are shown as counts.
 * O(rounds).
 *
 * @param trace - the rounds, e.g. `beamSearch(q, { …, trace: true }).trace`; a
 *   non-empty array of {@link SearchRound} records with consistent counts
 * @param options - `title`, `height`
 * @returns the figure: trace 0 is the best-score line (on `y2`), then six bar
 *   traces (kept on track, kept fooled, kept scored low, pruned on track, pruned
 *   fooled, pruned scored low), each with one count per round
 * @throws {TypeError} if `trace` is not an array of objects or a field has the wrong type
 * @throws {RangeError} if `trace` is empty, a count is not an integer >= 0 (round >= 1,
 *   generated >= 1), the counts are inconsistent, or `bestScore` is outside [0, 1]
 * @example
 * const r = beamSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(1), trace: true });
 * const fig = searchTraceFigure(r.trace ?? []);
 * fig.data[0].x;  // [1, 2, 3, 4, 5, 6, 7, 8]
 * fig.data[1].name; // "kept, on track"
 */
export function searchTraceFigure(trace: readonly SearchRound[], options?: SearchTraceFigureOptions): Figure {
  const fn = "searchTraceFigure";
  if (!Array.isArray(trace)) {
    typeError(fn, "trace", "a non-empty array of rounds (run the search with trace: true)", trace);
  }
  if (trace.length === 0) {
    rangeError(fn, "trace", "a non-empty array of rounds (run the search with trace: true)", trace);
  }
  const o = assertOptions(fn, options);
  const title = optionalString(
    fn,
    "options.title",
    o["title"],
    "One search, round by round: which prefixes survive",
  );
  const height = o["height"] === undefined ? 520 : checkHeight(fn, "options.height", o["height"]);
  const rounds = trace.map((r: unknown, i: number) =>
    checkRound(fn, `trace[${i}]`, r, i === trace.length - 1),
  );
  const x = rounds.map((r) => r.round);
  const best: PlotTrace = {
    type: "scatter",
    mode: "lines+markers",
    name: "best PRM score this round",
    x: x.slice(),
    y: rounds.map((r) => r.bestScore),
    yaxis: "y2",
    line: { color: "#000000", width: 2, dash: "solid" },
    marker: { color: "#000000", size: 6 },
  };
  const bars = TRACE_GROUPS.map((g): PlotTrace => ({
    type: "bar",
    name: g.name,
    x: x.slice(),
    y: rounds.map(g.count),
    marker: g.kept
      ? { color: g.color, line: { color: g.color, width: 1.5 } }
      : { color: "rgba(255,255,255,0)", line: { color: g.color, width: 2 } },
    hovertemplate: `round %{x}: %{y} ${g.name}<extra></extra>`,
  }));
  const layout = baseLayout(title, height, true);
  layout.barmode = "stack";
  layout.bargap = 0.25;
  layout.xaxis = { ...plainAxis("round (one step written per round)", "linear"), dtick: 1 };
  layout.yaxis = { ...plainAxis("prefixes (beams)", "linear"), domain: [0, 0.58] };
  layout["yaxis2"] = {
    ...plainAxis("best PRM score", "linear"),
    domain: [0.68, 1],
    range: [0, 1.02],
    anchor: "x",
  };
  return { data: [best, ...bars], layout, config: { ...CONFIG } };
}

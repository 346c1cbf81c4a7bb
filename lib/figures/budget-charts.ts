/**
 * Charts of accuracy against compute: {@link coverageFigure} (coverage curves
 * and the perfect-verifier bound), {@link budgetCurvesFigure} (accuracy against
 * generation budget), {@link binBarsFigure} (bars per difficulty level) and
 * {@link ratioSweepFigure} (the sequential : parallel sweep).
 * @packageDocumentation
 */

import { assertArray, assertInteger, assertObject, assertSameLength, rangeError } from "../base/validate";
import { gcd } from "../base/stats";
import { coverage } from "../models/coverage";
import {
  BUDGET_TITLE,
  budgetAxis,
  errorBars,
  extent,
  GUIDE_COLOR,
  nameField,
  optionalBoolean,
  optionalDash,
  optionalString,
  probabilities,
  REFERENCE_DASHES,
  short,
  standardErrors,
} from "./chart-helpers";
import type { Figure, PlotTrace } from "./plotly";
import {
  assertString,
  baseLayout,
  checkHeight,
  type DashStyle,
  finiteNumber,
  finiteNumbers,
  PALETTE,
  CONFIG,
  plainAxis,
} from "./primitives";

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

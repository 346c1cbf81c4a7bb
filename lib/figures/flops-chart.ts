/**
 * {@link flopsExchangeFigure}: exchanging pretraining FLOPs for test-time FLOPs
 * (the paper's FLOPs-matched comparison against a larger model).
 * @packageDocumentation
 */

import { assertArray, assertObject, assertProbability, assertSameLength } from "../base/validate";
import { budgetAxis, extent, GUIDE_COLOR, nameField, optionalString, probabilities } from "./chart-helpers";
import type { Figure, PlotAnnotation, PlotTrace } from "./plotly";
import {
  assertString,
  baseLayout,
  checkHeight,
  finiteNumber,
  finiteNumbers,
  PALETTE,
  CONFIG,
  plainAxis,
} from "./primitives";

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

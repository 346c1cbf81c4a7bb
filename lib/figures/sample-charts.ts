/**
 * Charts of samples: {@link histogramFigure} (counted here, so the figure holds
 * checkable counts) and {@link scoreStripFigure} (one question's samples and
 * their verifier scores).
 * @packageDocumentation
 */

import {
  assertArray,
  assertInteger,
  assertObject,
  assertSameLength,
  rangeError,
  typeError,
} from "../base/validate";
import { CORRECT_COLOR, extent, GUIDE_COLOR, optionalString, short } from "./chart-helpers";
import type { Figure, PlotTrace } from "./plotly";
import {
  assertString,
  baseLayout,
  checkHeight,
  finiteNumbers,
  PALETTE,
  CONFIG,
  plainAxis,
} from "./primitives";

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
  /** Verifier score of each sample, finite same length as `answers`. */
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

/**
 * {@link revisionChainsFigure}: revision chains drawn attempt by attempt —
 * parallel sampling (many chains of one attempt) and sequential revision (one
 * long chain) as the paper's Fig. 5 contrasts them — from a real
 * `simulateRevisionChains` result.
 * @packageDocumentation
 */

import { assertInteger, assertObject, assertOptions, rangeError, typeError } from "../base/validate";
import { toProbabilityScore } from "../models/verifier";
import type { RevisionChainsResult } from "../strategies/revisions";
import { CORRECT_COLOR, optionalString } from "./chart-helpers";
import type { Figure, PlotTrace } from "./plotly";
import { baseLayout, checkHeight, CONFIG, plainAxis } from "./primitives";

// ---------------------------------------------------------------------------
// 8. Revision chains, attempt by attempt
// ---------------------------------------------------------------------------

/** Options of {@link revisionChainsFigure}. */
export interface RevisionChainsFigureOptions {
  /** The figure title. @defaultValue "<chains> chain(s) of <length> attempt(s): the selected answer is correct/wrong" */
  title?: string;
  /**
   * Height in pixels, an integer in [150, 3000].
   * @defaultValue 260 + 56 per chain when labels sit above the markers (more than one attempt per chain,
   *   at most 64 attempts), else 260 + 30 per chain; at most 900
   */
  height?: number;
}

const WRONG_COLOR = "#D55E00";
const CHAIN_COLOR = "#9a9a9a";
const PICK_COLOR = "#555555";
const SELECTED_COLOR = "#000000";
/** Attempts up to which each marker is labelled with its score (more would clutter). */
const MAX_LABELLED = 64;

/** The checked fields of a revision-chains result the figure draws. */
interface CheckedChains {
  chains: number;
  length: number;
  answers: number[];
  scores: number[];
  chainPicks: number[];
  chainPickScores: number[];
  verifierAnswer: number;
}

function numbers(fn: string, name: string, value: unknown, n: number, integer: boolean): number[] {
  const isTyped = ArrayBuffer.isView(value) && !(value instanceof DataView);
  if (!isTyped && !Array.isArray(value)) typeError(fn, name, "an array", value);
  const list = value as ArrayLike<unknown>;
  if (list.length !== n) rangeError(fn, `${name}.length`, `equal to ${n}`, list.length);
  return Array.from(list, (v, i) => {
    if (integer) {
      assertInteger(fn, `${name}[${i}]`, v, 0);
    } else {
      if (typeof v !== "number") typeError(fn, `${name}[${i}]`, "a finite number", v);
      if (!Number.isFinite(v)) rangeError(fn, `${name}[${i}]`, "a finite number", v);
    }
    return v as number;
  });
}

function checkResult(fn: string, value: unknown): CheckedChains {
  const r = assertObject(fn, "result", value);
  assertInteger(fn, "result.chains", r["chains"], 1);
  assertInteger(fn, "result.length", r["length"], 1);
  const chains = r["chains"] as number;
  const length = r["length"] as number;
  if (chains * length > 4096) {
    rangeError(
      fn,
      "result.chains × result.length",
      "at most 4096 attempts (a readable diagram)",
      chains * length,
    );
  }
  const answers = numbers(fn, "result.answers", r["answers"], chains * length, true);
  const scores = numbers(fn, "result.scores", r["scores"], chains * length, false);
  const chainPicks = numbers(fn, "result.chainPicks", r["chainPicks"], chains, true);
  const chainPickScores = numbers(fn, "result.chainPickScores", r["chainPickScores"], chains, false);
  assertInteger(fn, "result.verifierAnswer", r["verifierAnswer"], 0);
  const verifierAnswer = r["verifierAnswer"] as number;
  if (!chainPicks.includes(verifierAnswer)) {
    rangeError(fn, "result.verifierAnswer", "one of the chains' picks", verifierAnswer);
  }
  return { chains, length, answers, scores, chainPicks, chainPickScores, verifierAnswer };
}

/** Index (chain-major) of the attempt that represents chain c: its first attempt carrying the pick at the pick's score. */
function representative(r: CheckedChains, c: number): number {
  const pick = r.chainPicks[c] as number;
  const score = r.chainPickScores[c] as number;
  for (let k = 0; k < r.length; k++) {
    const i = c * r.length + k;
    if (r.answers[i] === pick && r.scores[i] === score) return i;
  }
  // No attempt matches exactly: the best-scoring attempt carrying the pick (or, failing that, the chain's last).
  let best = -1;
  for (let k = 0; k < r.length; k++) {
    const i = c * r.length + k;
    if (r.answers[i] === pick && (best < 0 || (r.scores[i] as number) > (r.scores[best] as number))) best = i;
  }
  return best >= 0 ? best : c * r.length + r.length - 1;
}

/**
 * Revision chains drawn attempt by attempt, from a
 * {@link RevisionChainsResult} (`simulateRevisionChains`): one row per chain
 * (chain 1 on top), one column per attempt (attempt 1 is the first sample,
 * each later one a revision of the one before), a grey line along each chain
 * from attempt to attempt. Each attempt is a marker: a green circle when its
 * answer is correct (answer id 0), a vermilion cross when wrong; when there
 * are at most 64 attempts each is labelled with its verifier score on the
 * probability scale, logistic(score), and a wrong one also with its answer
 * id (`#j`), so repeated wrong answers, which add up in a vote, show. A grey ring marks each chain's pick
 * (best-of-N weighted inside the chain, at its highest-scoring attempt; not
 * drawn when every chain is one attempt) and a
 * black open star around the attempt that represents the final answer of hierarchical
 * verifier selection (`verifierAnswer`; ties: the first chain with the highest
 * representative score). Hovering shows chain, attempt, answer and score.
 *
 * Draw `{ chains: N, length: 1 }` (parallel sampling) next to
 * `{ chains: 1, length: N }` (sequential revision) to see the paper's Fig. 5:
 * the same N generations, as independent tries or as a chain of refinements.
 * O(chains · length).
 *
 * @param result - a {@link RevisionChainsResult}: integer `chains`, `length` >= 1 with
 *   chains · length <= 4096; `answers` (non-negative integers) and `scores` (finite) of
 *   length chains · length, chain-major; `chainPicks` and `chainPickScores` of length
 *   chains; `verifierAnswer` one of the picks
 * @param options - `title`, `height`
 * @returns the figure: trace 0 the chains (lines), trace 1 the correct attempts, trace 2
 *   the wrong ones, trace 3 the chains' picks, trace 4 the selected attempt
 *   (x = attempt 1 … length, y = −chain index)
 * @throws {TypeError} if `result` is not an object or a field has the wrong type
 * @throws {RangeError} if a count is not an integer >= 1, a length differs, a score is
 *   not finite, or `verifierAnswer` is not among the picks
 * @example
 * const r = simulateRevisionChains(makeQuestion(0.3), { chains: 1, length: 16, rng: makeRng(1) });
 * const fig = revisionChainsFigure(r);
 * fig.data[1].x?.length; // the number of correct attempts in the chain
 */
export function revisionChainsFigure(
  result: RevisionChainsResult,
  options?: RevisionChainsFigureOptions,
): Figure {
  const fn = "revisionChainsFigure";
  const r = checkResult(fn, result);
  const o = assertOptions(fn, options);
  const { chains, length } = r;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const chainOf = (c: number): number => c;
  const selectedChain = r.chainPicks.reduce<number>((best, pick, c) => {
    if (pick !== r.verifierAnswer) return best;
    return best < 0 || (r.chainPickScores[c] as number) > (r.chainPickScores[best] as number) ? c : best;
  }, -1);
  const selected = representative(r, selectedChain);
  const selectedCorrect = r.verifierAnswer === 0;
  const title = optionalString(
    fn,
    "options.title",
    o["title"],
    `${plural(chains, "chain")} of ${plural(length, "attempt")}: the selected answer is ` +
      (selectedCorrect ? "correct" : "wrong"),
  );
  const labelled = chains * length <= MAX_LABELLED;
  // Two-line labels above the markers need more room between rows than labels beside them.
  const perChain = labelled && length > 1 ? 56 : 30;
  const height =
    o["height"] === undefined
      ? Math.min(900, 260 + perChain * chains)
      : checkHeight(fn, "options.height", o["height"]);

  const lineX: (number | null)[] = [];
  const lineY: (number | null)[] = [];
  const groups = {
    correct: { x: [] as number[], y: [] as number[], label: [] as string[], hover: [] as string[] },
    wrong: { x: [] as number[], y: [] as number[], label: [] as string[], hover: [] as string[] },
  };
  for (let c = 0; c < chains; c++) {
    if (length > 1) {
      for (let k = 0; k < length; k++) {
        lineX.push(k + 1);
        lineY.push(-chainOf(c));
      }
      lineX.push(null);
      lineY.push(null);
    }
    for (let k = 0; k < length; k++) {
      const i = c * length + k;
      const answer = r.answers[i] as number;
      const p = toProbabilityScore(r.scores[i] as number);
      const g = answer === 0 ? groups.correct : groups.wrong;
      g.x.push(k + 1);
      g.y.push(-chainOf(c));
      g.label.push(answer === 0 ? p.toFixed(2) : `${p.toFixed(2)}<br>#${answer}`);
      g.hover.push(
        `chain ${c + 1}, attempt ${k + 1}${k === 0 ? " (first sample)" : " (a revision)"}<br>` +
          `${answer === 0 ? "correct answer" : `wrong answer ${answer}`}<br>verifier score ${p.toFixed(3)}`,
      );
    }
  }
  const attemptTrace = (
    name: string,
    g: { x: number[]; y: number[]; label: string[]; hover: string[] },
    color: string,
    symbol: string,
  ): PlotTrace => ({
    type: "scatter",
    mode: labelled ? "markers+text" : "markers",
    name,
    x: g.x,
    y: g.y,
    // One column: labels to the right of the markers; a chain: above them.
    ...(labelled ? { text: g.label, textposition: length === 1 ? "middle right" : "top center" } : {}),
    customdata: g.hover,
    hovertemplate: "%{customdata}<extra></extra>",
    marker: { symbol, size: 13, color, line: { color: "#ffffff", width: 1 } },
  });
  const picks = r.chainPicks.map((_, c) => representative(r, c));
  const at = (i: number): { x: number; y: number } => ({
    x: (i % length) + 1,
    y: -chainOf(Math.floor(i / length)),
  });
  const layout = baseLayout(title, height, true);
  layout.xaxis = {
    ...plainAxis(
      length === 1
        ? "attempt (each chain is one independent sample)"
        : "attempt (each one revises the one before)",
      "linear",
    ),
    dtick: length > 32 ? 4 : 1,
    range: [0.4, length + 0.6],
    showgrid: false,
  };
  layout.yaxis = {
    ...plainAxis(chains === 1 ? "the chain" : "chain (independent, in parallel)", "linear"),
    tickvals: Array.from({ length: chains }, (_, c) => -c),
    ticktext: Array.from({ length: chains }, (_, c) => String(c + 1)),
    showgrid: false,
    zeroline: false,
    range: [-(chains - 1) - 0.7, 0.9],
  };
  // The legend sits between the title and the plot, so it never meets the x-axis title however short the plot.
  layout.legend = { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", bgcolor: "rgba(255,255,255,0.8)" };
  layout["margin"] = { t: 150, r: 20, b: 60, l: 70 };
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        name: "chain (attempt → revision)",
        x: lineX,
        y: lineY,
        line: { color: CHAIN_COLOR, width: 2 },
        hoverinfo: "skip",
        showlegend: length > 1,
      },
      attemptTrace(
        labelled ? "correct attempt (label: verifier score)" : "correct attempt",
        groups.correct,
        CORRECT_COLOR,
        "circle",
      ),
      attemptTrace(
        labelled ? "wrong attempt (label: score, #answer)" : "wrong attempt",
        groups.wrong,
        WRONG_COLOR,
        "x",
      ),
      {
        type: "scatter",
        mode: "markers",
        name: "chain's pick (weighted vote inside the chain)",
        // A chain of one attempt picks that attempt: the rings would say nothing, so none are drawn.
        x: length === 1 ? [] : picks.map((i) => at(i).x),
        y: length === 1 ? [] : picks.map((i) => at(i).y),
        showlegend: length > 1,
        hoverinfo: "skip",
        marker: { symbol: "circle-open", size: 24, color: PICK_COLOR, line: { color: PICK_COLOR, width: 2 } },
      },
      {
        type: "scatter",
        mode: "markers",
        name: `selected answer (${selectedCorrect ? "correct" : "wrong"})`,
        x: [at(selected).x],
        y: [at(selected).y],
        customdata: [`selected: chain ${selectedChain + 1}, attempt ${(selected % length) + 1}`],
        hovertemplate: "%{customdata}<extra></extra>",
        // An open star around the attempt, so its colour (correct or wrong) stays visible.
        marker: {
          symbol: "star-open",
          size: 30,
          color: SELECTED_COLOR,
          line: { color: SELECTED_COLOR, width: 2 },
        },
      },
    ],
    layout,
    config: { ...CONFIG },
  };
}

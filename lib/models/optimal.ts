/**
 * Compute-optimal strategy choice (Snell et al. 2024, Eq. 1 and Sec. 3.2).
 *
 * The paper's compute-optimal strategy θ*(N) picks, for a budget N, the
 * test-time hyperparameters with the best expected accuracy. In practice it
 * makes θ* a function of a question's *difficulty bin* only: for each bin and
 * budget, pick the setting that did best on held-out questions of that bin
 * and apply it to the bin's other questions. To avoid choosing and scoring on
 * the same questions, the paper uses **two-fold cross-validation inside each
 * bin** and averages over the folds. This module does exactly that on
 * per-question success rates produced by any strategy simulation (search,
 * revisions, best-of-N), so it is independent of how those were computed.
 *
 * It also measures the headline "efficiency": how much more budget plain
 * best-of-N needs to match the compute-optimal curve.
 * @packageDocumentation
 */

import { makeRng } from "../base/random";
import { meanOver, standardErrorOfMean } from "../base/stats";
import {
  assertArray,
  assertInteger,
  assertObject,
  assertOptions,
  assertSeed,
  rangeError,
  typeError,
} from "../base/validate";

/**
 * One strategy setting evaluated at one budget: its success rate on every
 * question of a benchmark (e.g. the fraction of seeded trials in which the
 * strategy answered question i correctly).
 */
export interface StrategyEvaluation {
  /** A label for the setting, e.g. "beam M=4" or "revisions 4:32". */
  readonly strategy: string;
  /** The generation budget the setting spends per question. */
  readonly budget: number;
  /** Success rate per question, each in [0, 1], in benchmark order. */
  readonly perQuestion: ArrayLike<number>;
}

/** Options for {@link computeOptimal}. */
export interface ComputeOptimalOptions {
  /** Number of cross-validation folds inside each bin. @defaultValue 2 (the paper's choice) */
  folds?: number;
  /** Seed for the random split of each bin into folds. @defaultValue "compute-optimal" */
  seed?: string | number;
}

/** The choice made for one bin at one budget. */
export interface BinChoice {
  /** Difficulty level (1 = easiest). */
  readonly bin: number;
  /** Number of questions in the bin. */
  readonly size: number;
  /** Strategy chosen on each fold's held-out complement, in fold order. */
  readonly chosen: readonly string[];
  /** Cross-validated accuracy on the bin (each question scored by the choice made without it). */
  readonly accuracy: number;
  /** The in-sample best strategy on the whole bin, and its accuracy (optimistic: chosen and scored on the same questions). */
  readonly inSampleBest: string;
  /** In-sample accuracy of {@link BinChoice.inSampleBest}. */
  readonly inSampleAccuracy: number;
}

/** The compute-optimal result at one budget. */
export interface OptimalAtBudget {
  /** The generation budget. */
  readonly budget: number;
  /** Cross-validated accuracy over all questions. */
  readonly accuracy: number;
  /** Standard error of {@link OptimalAtBudget.accuracy} across questions. */
  readonly standardError: number;
  /**
   * Each question's cross-validated success rate (the rate of the strategy
   * chosen for its bin without it), in benchmark order: for paired
   * comparisons with another curve on the same questions.
   */
  readonly heldOut: Float64Array;
  /** Per-bin choices, bins in increasing order. */
  readonly bins: readonly BinChoice[];
}

/** Result of {@link computeOptimal}. */
export interface ComputeOptimalResult {
  /** One entry per budget, in increasing budget order. */
  readonly curve: readonly OptimalAtBudget[];
  /** The bins present, in increasing order. */
  readonly binLevels: readonly number[];
}

function checkEvaluations(fn: string, evaluations: unknown, count: number): StrategyEvaluation[] {
  assertArray(fn, "evaluations", evaluations);
  const list = evaluations as unknown[];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const e = assertObject(fn, `evaluations[${i}]`, list[i]);
    if (typeof e.strategy !== "string" || e.strategy.length === 0) {
      typeError(fn, `evaluations[${i}].strategy`, "a non-empty string", e.strategy);
    }
    assertInteger(fn, `evaluations[${i}].budget`, e.budget, 1);
    assertArray(fn, `evaluations[${i}].perQuestion`, e.perQuestion);
    const per = e.perQuestion as ArrayLike<unknown>;
    if (per.length !== count) {
      throw new RangeError(
        `${fn}: evaluations[${i}].perQuestion must have the same length as bins (${count}), got length ${per.length}`,
      );
    }
    for (let j = 0; j < per.length; j++) {
      const v = per[j];
      if (typeof v !== "number") typeError(fn, `evaluations[${i}].perQuestion[${j}]`, "a number", v);
      if (!(v >= 0 && v <= 1))
        rangeError(fn, `evaluations[${i}].perQuestion[${j}]`, "a probability in [0, 1]", v);
    }
    const key = `${e.strategy}@${e.budget as number}`;
    if (seen.has(key)) {
      rangeError(fn, `evaluations[${i}]`, "unique (strategy, budget) pairs", key);
    }
    seen.add(key);
  }
  return list as StrategyEvaluation[];
}

function checkBins(fn: string, bins: unknown): ArrayLike<number> {
  assertArray(fn, "bins", bins);
  const b = bins as ArrayLike<unknown>;
  for (let i = 0; i < b.length; i++) {
    const v = b[i];
    assertInteger(fn, `bins[${i}]`, v, 1);
  }
  return b as ArrayLike<number>;
}

/** The candidate with the highest mean success over `idx` (the first on ties), and that mean. */
function bestOver(
  candidates: readonly StrategyEvaluation[],
  idx: readonly number[],
): { best: StrategyEvaluation; score: number } {
  let best = candidates[0] as StrategyEvaluation;
  let score = -1;
  for (const c of candidates) {
    const s = meanOver(c.perQuestion, idx);
    if (s > score) {
      score = s;
      best = c;
    }
  }
  return { best, score };
}

/**
 * The compute-optimal curve by two-fold cross-validation within each
 * difficulty bin (Snell et al. 2024, Sec. 3.2).
 *
 * For each budget and each bin, the bin's questions are split at random
 * (seeded) into `folds` parts. For each part, the strategy with the highest
 * mean success on the *other* parts is chosen and scored on this part. The
 * bin's accuracy is the mean over all its questions of the score each got
 * from a choice made without it; the overall accuracy is the mean over all
 * questions. Ties between strategies go to the one listed first. A budget's
 * candidates are the evaluations with that exact budget.
 *
 * Cost: O(budgets × strategies × questions).
 *
 * @param evaluations - per-question success rates of each (strategy, budget)
 * @param bins - difficulty level of each question (integers >= 1; 1 = easiest)
 * @param options - {@link ComputeOptimalOptions}
 * @returns the curve, with per-bin choices
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if lengths differ, a rate is outside [0, 1], a (strategy, budget)
 *   pair repeats, or a bin has fewer questions than folds
 * @example
 * const result = computeOptimal(
 *   [
 *     { strategy: "A", budget: 4, perQuestion: [1, 1, 0, 0] },
 *     { strategy: "B", budget: 4, perQuestion: [0, 0, 1, 1] },
 *   ],
 *   [1, 1, 2, 2],
 * );
 * result.curve[0].accuracy; // 1: A wins bin 1, B wins bin 2
 */
export function computeOptimal(
  evaluations: readonly StrategyEvaluation[],
  bins: ArrayLike<number>,
  options?: ComputeOptimalOptions,
): ComputeOptimalResult {
  const fn = "computeOptimal";
  const b = checkBins(fn, bins);
  const evals = checkEvaluations(fn, evaluations, b.length);
  const opts = assertOptions(fn, options);
  const folds = opts.folds ?? 2;
  assertInteger(fn, "options.folds", folds, 2, 100);
  const seed = opts.seed ?? "compute-optimal";
  assertSeed(fn, "options.seed", seed);

  const levels = Array.from(new Set(Array.from(b))).sort((x, y) => x - y);
  const members = new Map<number, number[]>();
  for (const level of levels) members.set(level, []);
  for (let i = 0; i < b.length; i++) (members.get(b[i] as number) as number[]).push(i);
  for (const level of levels) {
    const size = (members.get(level) as number[]).length;
    if (size < (folds as number)) {
      rangeError(
        fn,
        `bins (level ${level})`,
        `a bin with at least ${folds as number} questions (one per fold)`,
        size,
      );
    }
  }
  // One seeded split per bin, shared by every budget so choices are comparable across budgets.
  const rng = makeRng(`${String(seed)}/folds`);
  const foldOf = new Int32Array(b.length);
  for (const level of levels) {
    const idx = rng.shuffle([...(members.get(level) as number[])]);
    idx.forEach((q, k) => (foldOf[q] = k % (folds as number)));
  }

  const budgets = Array.from(new Set(evals.map((e) => e.budget))).sort((x, y) => x - y);
  const curve: OptimalAtBudget[] = budgets.map((budget) => {
    const candidates = evals.filter((e) => e.budget === budget);
    const heldOut = new Float64Array(b.length);
    const binChoices: BinChoice[] = levels.map((level) => {
      const qs = members.get(level) as number[];
      const chosen: string[] = [];
      for (let f = 0; f < (folds as number); f++) {
        const train = qs.filter((q) => foldOf[q] !== f);
        const test = qs.filter((q) => foldOf[q] === f);
        const { best } = bestOver(candidates, train);
        chosen.push(best.strategy);
        for (const q of test) heldOut[q] = best.perQuestion[q] as number;
      }
      const inSample = bestOver(candidates, qs);
      return {
        bin: level,
        size: qs.length,
        chosen,
        accuracy: meanOver(heldOut, qs),
        inSampleBest: inSample.best.strategy,
        inSampleAccuracy: inSample.score,
      };
    });
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < b.length; i++) {
      s += heldOut[i] as number;
      s2 += (heldOut[i] as number) ** 2;
    }
    const n = b.length;
    const accuracy = s / n;
    return {
      budget,
      accuracy,
      standardError: standardErrorOfMean(accuracy, s2, n),
      heldOut,
      bins: binChoices,
    };
  });
  return { curve, binLevels: levels };
}

/** A point of an accuracy-vs-budget curve. */
export interface CurvePoint {
  /** Generation budget (> 0). */
  readonly budget: number;
  /** Accuracy at that budget, in [0, 1]. */
  readonly accuracy: number;
}

/** One row of {@link efficiencyRatio}. */
export interface EfficiencyPoint {
  /** The compute-optimal budget. */
  readonly budget: number;
  /** Compute-optimal accuracy at that budget. */
  readonly accuracy: number;
  /**
   * Budget the baseline needs to reach that accuracy (interpolated linearly
   * in log budget between measured points), or null if the baseline never
   * reaches it within its measured range.
   */
  readonly baselineBudget: number | null;
  /** baselineBudget / budget, or null when the baseline never catches up. */
  readonly ratio: number | null;
  /** True when the baseline already matches at or below its smallest measured budget. */
  readonly atOrBelowRange: boolean;
}

function checkCurve(fn: string, name: string, curve: unknown): CurvePoint[] {
  assertArray(fn, name, curve);
  const list = curve as unknown[];
  let previous = 0;
  for (let i = 0; i < list.length; i++) {
    const p = assertObject(fn, `${name}[${i}]`, list[i]);
    const budget = p.budget;
    if (typeof budget !== "number") typeError(fn, `${name}[${i}].budget`, "a number", budget);
    if (!(budget > previous && budget < Infinity)) {
      rangeError(fn, `${name}[${i}].budget`, `a finite number > the previous budget (${previous})`, budget);
    }
    previous = budget;
    const acc = p.accuracy;
    if (typeof acc !== "number") typeError(fn, `${name}[${i}].accuracy`, "a number", acc);
    if (!(acc >= 0 && acc <= 1)) rangeError(fn, `${name}[${i}].accuracy`, "a probability in [0, 1]", acc);
  }
  return list as CurvePoint[];
}

/**
 * How much more budget a baseline (plain best-of-N, say) needs to match a
 * better curve (compute-optimal, say): for each point (B, a) of `curve`, the
 * smallest budget B′ at which the baseline reaches accuracy a, and the ratio
 * B′ / B. The paper's "4× more efficient" means ratio ≈ 4.
 *
 * The baseline is interpolated linearly in log budget between its measured
 * points (its accuracy need not be monotone; the first crossing counts). When
 * the baseline never reaches a, the row reports null rather than an
 * extrapolated guess.
 *
 * @param curve - the better curve, budgets strictly increasing
 * @param baseline - the baseline curve, budgets strictly increasing
 * @returns one row per point of `curve`
 * @throws {TypeError} if a point is malformed
 * @throws {RangeError} if budgets are not increasing and positive, or an accuracy is outside [0, 1]
 * @example
 * efficiencyRatio(
 *   [{ budget: 16, accuracy: 0.5 }],
 *   [{ budget: 16, accuracy: 0.4 }, { budget: 64, accuracy: 0.5 }],
 * )[0].ratio; // 4
 */
export function efficiencyRatio(
  curve: readonly CurvePoint[],
  baseline: readonly CurvePoint[],
): EfficiencyPoint[] {
  const fn = "efficiencyRatio";
  const c = checkCurve(fn, "curve", curve);
  const base = checkCurve(fn, "baseline", baseline);
  return c.map(({ budget, accuracy }) => {
    const first = base[0] as CurvePoint;
    if (first.accuracy >= accuracy) {
      return {
        budget,
        accuracy,
        baselineBudget: first.budget,
        ratio: first.budget / budget,
        atOrBelowRange: true,
      };
    }
    for (let i = 1; i < base.length; i++) {
      const lo = base[i - 1] as CurvePoint;
      const hi = base[i] as CurvePoint;
      if (hi.accuracy >= accuracy && lo.accuracy < accuracy) {
        const t = (accuracy - lo.accuracy) / (hi.accuracy - lo.accuracy);
        const logB = Math.log(lo.budget) + t * (Math.log(hi.budget) - Math.log(lo.budget));
        const needed = t === 1 ? hi.budget : Math.exp(logB);
        return { budget, accuracy, baselineBudget: needed, ratio: needed / budget, atOrBelowRange: false };
      }
    }
    return { budget, accuracy, baselineBudget: null, ratio: null, atOrBelowRange: false };
  });
}

/**
 * Accuracy-vs-budget curve of one strategy from its evaluations: the mean
 * per-question success at each budget, with standard errors.
 *
 * @param evaluations - evaluations to read
 * @param strategy - the strategy label to select
 * @returns points in increasing budget order
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if no evaluation carries that label
 * @example
 * strategyCurve([{ strategy: "A", budget: 4, perQuestion: [1, 0] }], "A"); // [{ budget: 4, accuracy: 0.5, standardError: 0.5 }]
 */
export function strategyCurve(
  evaluations: readonly StrategyEvaluation[],
  strategy: string,
): (CurvePoint & { readonly standardError: number })[] {
  const fn = "strategyCurve";
  assertArray(fn, "evaluations", evaluations);
  if (typeof strategy !== "string") typeError(fn, "strategy", "a string", strategy);
  const first = assertObject(fn, "evaluations[0]", (evaluations as unknown[])[0]);
  assertArray(fn, "evaluations[0].perQuestion", first.perQuestion);
  const evals = checkEvaluations(fn, evaluations, (first.perQuestion as ArrayLike<unknown>).length);
  const mine = evals.filter((e) => e.strategy === strategy).sort((x, y) => x.budget - y.budget);
  if (mine.length === 0) {
    rangeError(
      fn,
      "strategy",
      `a label present in evaluations (${[...new Set(evals.map((e) => e.strategy))].map((s) => JSON.stringify(s)).join(", ")})`,
      strategy,
    );
  }
  return mine.map((e) => {
    const n = e.perQuestion.length;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = e.perQuestion[i] as number;
      s += v;
      s2 += v * v;
    }
    const m = s / n;
    return { budget: e.budget, accuracy: m, standardError: standardErrorOfMean(m, s2, n) };
  });
}

/**
 * Accuracy of each strategy inside each bin at one budget: the table behind
 * the paper's per-bin bar charts (Fig. 3 right, Fig. 7 right).
 *
 * @param evaluations - evaluations to read
 * @param bins - difficulty level of each question
 * @param budget - the budget to tabulate
 * @returns rows `{ strategy, bin, accuracy, size }`
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if lengths differ or no evaluation has that budget
 * @example
 * accuracyByBin([{ strategy: "A", budget: 4, perQuestion: [1, 0] }], [1, 2], 4);
 * // [{ strategy: "A", bin: 1, accuracy: 1, size: 1 }, { strategy: "A", bin: 2, accuracy: 0, size: 1 }]
 */
export function accuracyByBin(
  evaluations: readonly StrategyEvaluation[],
  bins: ArrayLike<number>,
  budget: number,
): { strategy: string; bin: number; accuracy: number; size: number }[] {
  const fn = "accuracyByBin";
  const b = checkBins(fn, bins);
  const evals = checkEvaluations(fn, evaluations, b.length);
  assertInteger(fn, "budget", budget, 1);
  const at = evals.filter((e) => e.budget === budget);
  if (at.length === 0) rangeError(fn, "budget", "a budget present in evaluations", budget);
  const levels = Array.from(new Set(Array.from(b))).sort((x, y) => x - y);
  const rows: { strategy: string; bin: number; accuracy: number; size: number }[] = [];
  for (const e of at) {
    for (const level of levels) {
      const idx: number[] = [];
      for (let i = 0; i < b.length; i++) if (b[i] === level) idx.push(i);
      rows.push({
        strategy: e.strategy,
        bin: level,
        accuracy: meanOver(e.perQuestion, idx),
        size: idx.length,
      });
    }
  }
  return rows;
}

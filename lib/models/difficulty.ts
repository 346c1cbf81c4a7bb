/**
 * Difficulty bins: the paper's model-relative notion of question difficulty
 * (Snell et al. 2024, Sec. 3.2). Questions are split into quantile bins —
 * five by default, level 1 = easiest, level 5 = hardest — of a per-question
 * statistic:
 *
 * - **oracle difficulty** ({@link oracleDifficulty}): the base model's pass@1,
 *   estimated from m samples per question (the paper uses m = 2048) and
 *   graded against the ground truth;
 * - **predicted difficulty** ({@link predictedDifficulty}): the mean verifier
 *   score over the same m samples, no ground truth needed. A per-question
 *   verifier offset (`questionBiasSd`) moves whole questions up or down,
 *   which is what makes predicted bins noisier than oracle bins.
 *
 * The bins are quantiles relative to one model, not absolute pass@1
 * thresholds. {@link binAgreement} compares two binnings and
 * {@link binStability} shows how bins estimated from few samples drift from
 * the true-p bins.
 * @packageDocumentation
 */
import { type Benchmark, checkBenchmark } from "./questions";
import { assertRng, type Rng, uncheckedSamplers } from "../base/random";
import { standardErrorOfMean } from "../base/stats";
import {
  assertBoolean,
  assertFinite,
  assertInteger,
  assertNumberArray,
  assertOptions,
  assertSameLength,
  assertWork,
  rangeError,
} from "../base/validate";
import { type Verifier } from "./verifier";
import {
  checkScoreParameters,
  checkVerifier,
  drawAnswersInto,
  probabilityScoreUnchecked,
  questionBiasUnchecked,
  scoreInto,
  topDistractor,
} from "./score-model";

// ---------------------------------------------------------------------------------------------
// Quantile bins

/** Options for {@link difficultyBins} and {@link binEdges}. */
export interface DifficultyBinOptions {
  /** Number of bins (levels 1..bins). @defaultValue 5 */
  bins?: number;
  /**
   * Whether a larger value means an easier question (true for pass@1 and
   * verifier scores, false for error rates). @defaultValue true
   */
  higherIsEasier?: boolean;
}

interface CheckedBinOptions {
  bins: number;
  higherIsEasier: boolean;
}

function checkBinOptions(fn: string, options: unknown): CheckedBinOptions {
  const opts = assertOptions(fn, options);
  const bins = opts.bins ?? 5;
  assertInteger(fn, "options.bins", bins, 1, 1000);
  const higherIsEasier = opts.higherIsEasier ?? true;
  assertBoolean(fn, "options.higherIsEasier", higherIsEasier);
  return { bins, higherIsEasier };
}

/**
 * Edges from values: with the values sorted from easiest to hardest,
 * edge k (k = 1..bins−1) is the value at rank ⌈k·N/bins⌉ − 1, the last
 * member of level k's rank block.
 */
function edgesUnchecked(values: ArrayLike<number>, bins: number, higherIsEasier: boolean): Float64Array {
  const sorted = Float64Array.from(values).sort();
  if (higherIsEasier) sorted.reverse();
  const n = sorted.length;
  const edges = new Float64Array(Math.max(0, bins - 1));
  for (let k = 1; k < bins; k++) {
    const rank = Math.max(0, Math.ceil((k * n) / bins) - 1);
    edges[k - 1] = sorted[rank] as number;
  }
  return edges;
}

function levelUnchecked(value: number, edges: Float64Array, higherIsEasier: boolean): number {
  let level = 1;
  for (let k = 0; k < edges.length; k++) {
    if (higherIsEasier ? value < (edges[k] as number) : value > (edges[k] as number)) level++;
  }
  return level;
}

/**
 * Quantile bin edges of `values`: sort from easiest to hardest; edge k
 * (k = 1..bins−1) is the value at rank ⌈k·N/bins⌉ − 1 (0-based), i.e. the
 * last value of level k when there are no ties. A value strictly harder
 * than edge k lies in a level after k ({@link binOf}). O(N log N).
 *
 * @param values - per-question statistics, a non-empty array of finite numbers
 * @param options - {@link DifficultyBinOptions}
 * @returns the bins − 1 edges, from the easy end to the hard end
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `values` is empty or holds a non-finite number, or
 *   `bins` is not an integer in [1, 1000]
 * @example
 * binEdges([0.9, 0.1, 0.5, 0.7, 0.3], { bins: 5 }); // Float64Array [0.9, 0.7, 0.5, 0.3]
 */
export function binEdges(values: ArrayLike<number>, options?: DifficultyBinOptions): Float64Array {
  const fn = "binEdges";
  assertNumberArray(fn, "values", values, "finite");
  const { bins, higherIsEasier } = checkBinOptions(fn, options);
  return edgesUnchecked(values, bins, higherIsEasier);
}

/**
 * The level of one value given bin edges (from {@link binEdges}):
 * 1 + the number of edges it is strictly harder than (for
 * higherIsEasier: strictly smaller than). Use it to place new questions in
 * bins learned on other questions, as the paper's two-fold cross-validation
 * does. O(edges.length).
 *
 * @param value - the question's statistic, a finite number
 * @param edges - bin edges ordered from the easy end (non-increasing when
 *   higherIsEasier, non-decreasing otherwise); may be empty (one bin)
 * @param options - `higherIsEasier` as in {@link DifficultyBinOptions} (`bins` is ignored)
 * @returns the level, an integer in [1, edges.length + 1]
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `value` or an edge is not finite, or the edges are out of order
 * @example
 * binOf(0.6, [0.9, 0.7, 0.5, 0.3]); // 3
 * binOf(0.7, [0.9, 0.7, 0.5, 0.3]); // 2 (equal to an edge: stays on the easy side)
 */
export function binOf(value: number, edges: ArrayLike<number>, options?: DifficultyBinOptions): number {
  const fn = "binOf";
  assertFinite(fn, "value", value);
  assertNumberArray(fn, "edges", edges, "finite", 0);
  const { higherIsEasier } = checkBinOptions(fn, options);
  for (let k = 1; k < edges.length; k++) {
    const prev = edges[k - 1] as number;
    const cur = edges[k] as number;
    if (higherIsEasier ? cur > prev : cur < prev) {
      rangeError(
        fn,
        `edges[${k}]`,
        `${higherIsEasier ? "<=" : ">="} edges[${k - 1}] (${prev}) (edges run from the easy end)`,
        cur,
      );
    }
  }
  return levelUnchecked(value, Float64Array.from(edges), higherIsEasier);
}

/**
 * Difficulty bins: quantile bins of a per-question statistic, level 1 =
 * easiest (highest pass@1 by default), level `bins` = hardest. With N
 * distinct values the question at easiness rank r (0-based) gets level
 * ⌊r·bins/N⌋ + 1, so bin sizes differ by at most one (500 questions → 100
 * per bin).
 *
 * Ties: equal values always share a level — a group of equal values that
 * straddles a quantile boundary goes to the level of its easiest-ranked
 * member, so the easier bin grows. (The paper's oracle bins came out 100,
 * 100, 100, 105, 95 for this reason.) Heavy ties, such as many questions
 * with an estimated pass@1 of exactly 0, can leave a level empty.
 * Equivalent to {@link binOf} with {@link binEdges} of the same values.
 * O(N log N + N·bins).
 *
 * @param values - per-question statistics, a non-empty array of finite numbers
 * @param options - {@link DifficultyBinOptions}
 * @returns levels 1..bins, an Int32Array aligned with `values`
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `values` is empty or holds a non-finite number, or
 *   `bins` is not an integer in [1, 1000]
 * @example
 * difficultyBins([0.9, 0.1, 0.5, 0.7, 0.3]);      // Int32Array [1, 5, 3, 2, 4]
 * difficultyBins([0.9, 0.5, 0.5, 0.1], { bins: 2 }); // Int32Array [1, 1, 1, 2] (the tied pair stays together)
 */
export function difficultyBins(values: ArrayLike<number>, options?: DifficultyBinOptions): Int32Array {
  const fn = "difficultyBins";
  assertNumberArray(fn, "values", values, "finite");
  const { bins, higherIsEasier } = checkBinOptions(fn, options);
  return binsUnchecked(values, bins, higherIsEasier);
}

function binsUnchecked(values: ArrayLike<number>, bins: number, higherIsEasier: boolean): Int32Array {
  const edges = edgesUnchecked(values, bins, higherIsEasier);
  const levels = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++)
    levels[i] = levelUnchecked(values[i] as number, edges, higherIsEasier);
  return levels;
}

/** Number of questions in each level 1..bins (index 0 is level 1). */
function countLevels(levels: ArrayLike<number>, bins: number): Int32Array {
  const sizes = new Int32Array(bins);
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i] as number;
    sizes[l - 1] = (sizes[l - 1] as number) + 1;
  }
  return sizes;
}

// ---------------------------------------------------------------------------------------------
// Oracle and predicted difficulty

/** Options for {@link oracleDifficulty}. */
export interface OracleDifficultyOptions {
  /** Number of bins (levels 1..bins). @defaultValue 5 */
  bins?: number;
  /** The generator (required). */
  rng: Rng;
  /** Samples per question, m. @defaultValue 2048 (the paper's choice) */
  samples?: number;
}

/** Result of {@link oracleDifficulty}. */
export interface OracleDifficulty {
  /** Estimated pass@1 per question: correct samples / m. */
  passRate: Float64Array;
  /** Standard error of each estimate, √(p̂(1 − p̂)/m). */
  standardError: Float64Array;
  /** Difficulty level per question, 1 = easiest. */
  levels: Int32Array;
  /** Number of questions per level (index 0 is level 1). */
  binSizes: Int32Array;
  /** Samples per question used. */
  samples: number;
}

/**
 * Oracle difficulty: each question's pass@1 estimated from m samples graded
 * against the ground truth, then {@link difficultyBins}. The number correct
 * is one Binomial(m, p) draw per question (the same law as grading m
 * samples one by one, at O(√m) cost). With the paper's m = 2048 a question
 * at p = 0.5 is pinned to ±0.011. O(questions · (√m + bins) + sort).
 *
 * @param benchmark - a {@link Benchmark}
 * @param options - {@link OracleDifficultyOptions} (`rng` required)
 * @returns estimates, their standard errors, levels and bin sizes
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an option is out of range
 * @example
 * const od = oracleDifficulty(makeBenchmark({ seed: 1 }), { rng: makeRng(2) });
 * od.binSizes; // Int32Array [100, 102, 98, 100, 100] (two estimates tie at the 2/3 boundary)
 */
export function oracleDifficulty(benchmark: Benchmark, options: OracleDifficultyOptions): OracleDifficulty {
  const fn = "oracleDifficulty";
  checkBenchmark(fn, "benchmark", benchmark);
  const opts = assertOptions(fn, options);
  assertRng(fn, "options.rng", opts.rng);
  const samples = opts.samples ?? 2048;
  assertInteger(fn, "options.samples", samples, 1, 1e9);
  const bins = opts.bins ?? 5;
  assertInteger(fn, "options.bins", bins, 1, 1000);
  const { binomial } = uncheckedSamplers(opts.rng);
  const qs = benchmark.questions;
  const passRate = new Float64Array(qs.length);
  const standardError = new Float64Array(qs.length);
  for (let i = 0; i < qs.length; i++) {
    const phat = binomial(samples, (qs[i] as { p: number }).p) / samples;
    passRate[i] = phat;
    standardError[i] = Math.sqrt((phat * (1 - phat)) / samples);
  }
  const levels = binsUnchecked(passRate, bins, true);
  return { passRate, standardError, levels, binSizes: countLevels(levels, bins), samples };
}

/** Options for {@link predictedDifficulty}. */
export interface PredictedDifficultyOptions {
  /** Number of bins (levels 1..bins). @defaultValue 5 */
  bins?: number;
  /** The verifier whose scores rank the questions (required). */
  verifier: Verifier;
  /** The generator (required). */
  rng: Rng;
  /** Samples per question, m. @defaultValue 2048 (the paper's choice) */
  samples?: number;
}

/** Result of {@link predictedDifficulty}. */
export interface PredictedDifficulty {
  /** Mean probability-scale verifier score per question over its m samples. */
  meanScore: Float64Array;
  /** Standard error of each mean (sample standard deviation / √m; 0 when m = 1). */
  standardError: Float64Array;
  /** Difficulty level per question, 1 = easiest (highest mean score). */
  levels: Int32Array;
  /** Number of questions per level (index 0 is level 1). */
  binSizes: Int32Array;
  /** Samples per question used. */
  samples: number;
}

/**
 * Predicted difficulty: each question's mean verifier score over m sampled
 * answers, no ground truth used, then {@link difficultyBins}. The paper
 * averages the PRM's final-answer score, a probability, so raw scores are
 * mapped by the logistic function before averaging. Every score of a
 * question carries the same offset b_q ({@link questionBias}); with
 * questionBiasSd > 0 an easy question can look hard and vice versa, which is
 * why predicted bins disagree more with the true bins than oracle bins do.
 * O(questions · m).
 *
 * @param benchmark - a {@link Benchmark}
 * @param options - {@link PredictedDifficultyOptions} (`verifier`, `rng` required)
 * @returns mean scores, their standard errors, levels and bin sizes
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an option is out of range or questions·m > 1e9
 * @example
 * const v = makeVerifier({ separation: 1.5, questionBiasSd: 0.5 });
 * predictedDifficulty(makeBenchmark({ seed: 1 }), { verifier: v, rng: makeRng(2) }).binSizes;
 * // Int32Array [100, 100, 100, 100, 100] (but only 41% of questions land in their true-p bin)
 */
export function predictedDifficulty(
  benchmark: Benchmark,
  options: PredictedDifficultyOptions,
): PredictedDifficulty {
  const fn = "predictedDifficulty";
  checkBenchmark(fn, "benchmark", benchmark);
  const opts = assertOptions(fn, options);
  checkVerifier(fn, "options.verifier", opts.verifier);
  const verifier = opts.verifier as Verifier;
  assertRng(fn, "options.rng", opts.rng);
  const rng = opts.rng;
  const samples = opts.samples ?? 2048;
  assertInteger(fn, "options.samples", samples, 1, 1e9);
  const bins = opts.bins ?? 5;
  assertInteger(fn, "options.bins", bins, 1, 1000);
  const qs = benchmark.questions;
  assertWork(fn, "questions × options.samples", qs.length * samples);
  const params = checkScoreParameters(fn, "options.verifier", verifier);
  const answers = new Int32Array(samples);
  const scores = new Float64Array(samples);
  const meanScore = new Float64Array(qs.length);
  const standardError = new Float64Array(qs.length);
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i] as Benchmark["questions"][number];
    drawAnswersInto(answers, q, rng);
    scoreInto(scores, answers, questionBiasUnchecked(verifier, q), topDistractor(q), params, rng);
    let sum = 0;
    let sumSq = 0;
    for (let s = 0; s < samples; s++) {
      const v = probabilityScoreUnchecked(scores[s] as number);
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / samples;
    meanScore[i] = mean;
    standardError[i] = standardErrorOfMean(mean, sumSq, samples);
  }
  const levels = binsUnchecked(meanScore, bins, true);
  return { meanScore, standardError, levels, binSizes: countLevels(levels, bins), samples };
}

// ---------------------------------------------------------------------------------------------
// Comparing binnings

/** Result of {@link binAgreement}. */
export interface BinAgreement {
  /** Fraction of questions with the same level in both binnings. */
  agreement: number;
  /** Fraction whose levels differ by at most one. */
  withinOne: number;
  /**
   * confusion[a − 1][b − 1] = number of questions at level a in `binsA` and
   * level b in `binsB`; size bins × bins with bins = the largest level seen.
   */
  confusion: number[][];
}

/**
 * Agreement between two difficulty binnings of the same questions: the
 * fraction with equal levels, the fraction within one level, and the
 * confusion matrix (rows: `binsA`, columns: `binsB`). O(N + bins²).
 *
 * @param binsA - levels, a non-empty array of integers >= 1
 * @param binsB - levels of the same questions, same length
 * @returns {@link BinAgreement}
 * @throws {TypeError} if an argument is not an array of numbers
 * @throws {RangeError} if an array is empty, the lengths differ, or a level is not an integer >= 1
 * @example
 * binAgreement([1, 2, 3], [1, 3, 3]).agreement; // 0.6666666666666666
 */
export function binAgreement(binsA: ArrayLike<number>, binsB: ArrayLike<number>): BinAgreement {
  const fn = "binAgreement";
  checkLevels(fn, "binsA", binsA);
  checkLevels(fn, "binsB", binsB);
  assertSameLength(fn, "binsA", binsA, "binsB", binsB);
  let bins = 0;
  for (let i = 0; i < binsA.length; i++) bins = Math.max(bins, binsA[i] as number, binsB[i] as number);
  const confusion: number[][] = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  let same = 0;
  let near = 0;
  for (let i = 0; i < binsA.length; i++) {
    const a = binsA[i] as number;
    const b = binsB[i] as number;
    const row = confusion[a - 1] as number[];
    row[b - 1] = (row[b - 1] as number) + 1;
    if (a === b) same++;
    if (Math.abs(a - b) <= 1) near++;
  }
  return { agreement: same / binsA.length, withinOne: near / binsA.length, confusion };
}

function checkLevels(fn: string, name: string, levels: unknown): asserts levels is ArrayLike<number> {
  assertNumberArray(fn, name, levels, "integer");
  const arr = levels as ArrayLike<number>;
  for (let i = 0; i < arr.length; i++) {
    if ((arr[i] as number) < 1 || (arr[i] as number) > 1000)
      rangeError(fn, `${name}[${i}]`, "a level in [1, 1000]", arr[i]);
  }
}

/** Options for {@link binStability}. */
export interface BinStabilityOptions {
  /** The generator (required). */
  rng: Rng;
  /** The sample counts m to try. @defaultValue [4, 16, 64, 256, 2048] */
  samples?: readonly number[];
  /** Independent repetitions per m. @defaultValue 20 */
  trials?: number;
  /** Number of bins. @defaultValue 5 */
  bins?: number;
}

/** Result of {@link binStability}. */
export interface BinStability {
  /** The sample counts m, as given. */
  samples: number[];
  /** Mean fraction of questions whose estimated level equals their true-p level, per m. */
  agreement: number[];
  /** Standard error of each mean over trials (sample sd / √trials; 0 when trials = 1). */
  standardError: number[];
  /** Mean fraction within one level, per m. */
  withinOne: number[];
  /** Standard error of `withinOne`. */
  withinOneStandardError: number[];
  /** Trials per m. */
  trials: number;
}

/**
 * Bin stability: how well oracle bins estimated from m samples per question
 * agree with the bins of the true p, for each m. Each trial draws the
 * number correct as Binomial(m, p) per question, bins the estimates
 * ({@link difficultyBins}, ties shared) and compares with the true-p bins
 * ({@link binAgreement}); the mean over trials comes with its standard
 * error. Small m gives coarse estimates (m = 4 allows only five values of
 * p̂), big tie groups and uneven bins. O(samples.length · trials · questions · (√m + bins)).
 *
 * @param benchmark - a {@link Benchmark}
 * @param options - {@link BinStabilityOptions} (`rng` required)
 * @returns agreement and within-one agreement per m, with standard errors
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an option is out of range or the work exceeds 1e9
 * @example
 * const st = binStability(makeBenchmark({ seed: 1 }), { rng: makeRng(2) });
 * st.agreement; // [0.42, 0.70, 0.86, 0.93, 0.98] for m = 4, 16, 64, 256, 2048 (SE ≈ 0.001–0.003)
 */
export function binStability(benchmark: Benchmark, options: BinStabilityOptions): BinStability {
  const fn = "binStability";
  checkBenchmark(fn, "benchmark", benchmark);
  const opts = assertOptions(fn, options);
  assertRng(fn, "options.rng", opts.rng);
  const samples = opts.samples ?? [4, 16, 64, 256, 2048];
  assertNumberArray(fn, "options.samples", samples, "integer");
  for (let i = 0; i < samples.length; i++) assertInteger(fn, `options.samples[${i}]`, samples[i], 1, 1e9);
  const trials = opts.trials ?? 20;
  assertInteger(fn, "options.trials", trials, 1, 1e6);
  const bins = opts.bins ?? 5;
  assertInteger(fn, "options.bins", bins, 1, 1000);
  const qs = benchmark.questions;
  assertWork(fn, "options.samples.length × options.trials × questions", samples.length * trials * qs.length);
  const { binomial } = uncheckedSamplers(opts.rng);
  const truth = Float64Array.from(qs, (q) => q.p);
  const trueLevels = binsUnchecked(truth, bins, true);
  const estimate = new Float64Array(qs.length);
  const result: BinStability = {
    samples: Array.from(samples as ArrayLike<number>),
    agreement: [],
    standardError: [],
    withinOne: [],
    withinOneStandardError: [],
    trials,
  };
  for (const m of result.samples) {
    let sum = 0;
    let sumSq = 0;
    let sumNear = 0;
    let sumNearSq = 0;
    for (let t = 0; t < trials; t++) {
      for (let i = 0; i < qs.length; i++) estimate[i] = binomial(m, truth[i] as number) / m;
      const levels = binsUnchecked(estimate, bins, true);
      let same = 0;
      let near = 0;
      for (let i = 0; i < qs.length; i++) {
        const d = Math.abs((levels[i] as number) - (trueLevels[i] as number));
        if (d === 0) same++;
        if (d <= 1) near++;
      }
      const a = same / qs.length;
      const w = near / qs.length;
      sum += a;
      sumSq += a * a;
      sumNear += w;
      sumNearSq += w * w;
    }
    const mean = sum / trials;
    const meanNear = sumNear / trials;
    result.agreement.push(mean);
    result.standardError.push(standardErrorOfMean(mean, sumSq, trials));
    result.withinOne.push(meanNear);
    result.withinOneStandardError.push(standardErrorOfMean(meanNear, sumNearSq, trials));
  }
  return result;
}

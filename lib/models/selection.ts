/**
 * Answer selection: picking one final answer out of n sampled candidates,
 * and how often each rule picks the correct one.
 *
 * Rules on concrete candidates (names as in search-and-learn):
 * - {@link bestOfN}: the answer of the top-scored sample.
 * - {@link majorityVote}: the most frequent answer (self-consistency).
 * - {@link weightedVote}: the answer with the largest summed verifier score
 *   (the paper's "best-of-N weighted", from Li et al. 2023).
 * - {@link aggregateStepScores}: one score per solution from per-step PRM
 *   scores ("last", "min" or "prod"; the paper found "last" best).
 *
 * Ties always go to the answer seen first, as in search-and-learn. When the
 * samples are independent draws, "first seen among the tied answers" is
 * exactly a uniformly random pick among them, which is what the exact
 * {@link majorityVoteAccuracy} counts.
 *
 * Accuracies: {@link majorityVoteAccuracy} (exact by dynamic programming over
 * multinomial counts, or Monte Carlo when that is too costly), the two-level
 * voting model of Chen et al. 2024 ({@link twoLevelVoteAccuracy},
 * {@link twoLevelVoteShape}), and {@link weightedVoteAccuracy} by Monte Carlo.
 * @packageDocumentation
 */
import { checkQuestion, CORRECT, type Question } from "./questions";
import { assertRng, makeRng, type Rng, uncheckedSamplers } from "../base/random";
import { binomialPmfUnchecked, binomialTailUnchecked } from "../base/special";
import { argmaxFirstSeen } from "../base/stats";
import {
  assertInteger,
  assertNumberArray,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertProbability,
  assertSameLength,
  assertSeed,
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
// Rules on concrete candidates

/** What a selection rule returns. */
export interface SelectionResult {
  /** The chosen answer id. */
  answer: number;
  /**
   * How strongly it won: the top score ({@link bestOfN}), the number of
   * votes ({@link majorityVote}) or the summed probability-scale score
   * ({@link weightedVote}).
   */
  support: number;
  /**
   * The sample that represents the choice: the top-scored sample
   * ({@link bestOfN}), the first sample with the winning answer
   * ({@link majorityVote}), or the highest-scored sample with the winning
   * answer ({@link weightedVote}, as the paper's revision selection takes).
   */
  index: number;
}

function checkAnswers(fn: string, answers: unknown): asserts answers is ArrayLike<number> {
  assertNumberArray(fn, "answers", answers, "integer");
}

/**
 * Best-of-N selection: the answer of the sample with the highest score
 * (ties: the first such sample). Scores may be raw (any real) or on the
 * probability scale; only their order matters. O(n).
 *
 * @param answers - answer ids, a non-empty array of integers
 * @param scores - one finite score per answer
 * @returns `{ answer, support: top score, index: top sample }`
 * @throws {TypeError} if an argument is not an array of numbers
 * @throws {RangeError} if an array is empty, lengths differ, an answer is not
 *   an integer or a score is not finite
 * @example
 * bestOfN([3, 0, 3], [0.2, 0.9, 0.4]); // { answer: 0, support: 0.9, index: 1 }
 */
export function bestOfN(answers: ArrayLike<number>, scores: ArrayLike<number>): SelectionResult {
  const fn = "bestOfN";
  checkAnswers(fn, answers);
  assertNumberArray(fn, "scores", scores, "finite");
  assertSameLength(fn, "answers", answers, "scores", scores);
  let index = 0;
  for (let i = 1; i < scores.length; i++) if ((scores[i] as number) > (scores[index] as number)) index = i;
  return { answer: answers[index] as number, support: scores[index] as number, index };
}

/**
 * Majority vote (plurality, self-consistency): the most frequent answer.
 * Ties go to the tied answer whose first occurrence comes first, as in
 * search-and-learn's `find_majority_answer`. O(n).
 *
 * @param answers - answer ids, a non-empty array of integers
 * @returns `{ answer, support: its vote count, index: its first occurrence }`
 * @throws {TypeError} if `answers` is not an array of numbers
 * @throws {RangeError} if `answers` is empty or holds a non-integer
 * @example
 * majorityVote([2, 0, 2, 0, 1]); // { answer: 2, support: 2, index: 0 } (2 and 0 tie; 2 came first)
 */
export function majorityVote(answers: ArrayLike<number>): SelectionResult {
  checkAnswers("majorityVote", answers);
  const counts = new Map<number, { count: number; first: number }>();
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i] as number;
    const entry = counts.get(a);
    if (entry) entry.count++;
    else counts.set(a, { count: 1, first: i });
  }
  // A Map iterates in insertion order, i.e. by first occurrence: strict ">" keeps the first of tied answers.
  let best: SelectionResult = { answer: answers[0] as number, support: 0, index: 0 };
  for (const [answer, { count, first }] of counts) {
    if (count > best.support) best = { answer, support: count, index: first };
  }
  return best;
}

/**
 * Weighted vote (the paper's "best-of-N weighted"): the answer with the
 * largest summed score, â = argmax_a Σ_i 1{a_i = a}·score_i.
 *
 * Scores must be on the probability scale, in [0, 1] — as a PRM reports
 * them. Raw verifier scores (see {@link scoreAnswers}) can be negative, and
 * summing those is ill-posed (a wrong answer could win by having fewer
 * negative votes), so map them with {@link toProbabilityScores} first; this
 * function rejects scores outside [0, 1] rather than transform silently.
 * Ties go to the answer seen first. O(n).
 *
 * @param answers - answer ids, a non-empty array of integers
 * @param scores - one probability-scale score per answer, each in [0, 1]
 * @returns `{ answer, support: summed score, index: its highest-scored sample }`
 * @throws {TypeError} if an argument is not an array of numbers
 * @throws {RangeError} if an array is empty, lengths differ, an answer is not
 *   an integer or a score is outside [0, 1]
 * @example
 * weightedVote([1, 1, 0], [0.4, 0.4, 0.7]); // { answer: 1, support: 0.8, index: 0 }
 */
export function weightedVote(answers: ArrayLike<number>, scores: ArrayLike<number>): SelectionResult {
  const fn = "weightedVote";
  checkAnswers(fn, answers);
  assertNumberArray(fn, "scores", scores, "probability");
  assertSameLength(fn, "answers", answers, "scores", scores);
  const sums = new Map<number, { sum: number; index: number }>();
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i] as number;
    const s = scores[i] as number;
    const entry = sums.get(a);
    if (entry) {
      entry.sum += s;
      if (s > (scores[entry.index] as number)) entry.index = i;
    } else sums.set(a, { sum: s, index: i });
  }
  let best: SelectionResult | undefined;
  for (const [answer, { sum, index }] of sums) {
    if (best === undefined || sum > best.support) best = { answer, support: sum, index };
  }
  return best as SelectionResult;
}

/** How per-step PRM scores become one solution score. */
export type StepAggregation =
  /** The score of the final step (the paper's choice: it won). */
  | "last"
  /** The smallest step score (Lightman et al. 2023). */
  | "min"
  /** The product of the step scores. */
  | "prod";

/** The aggregation rules, in documentation order. */
export const STEP_AGGREGATIONS: readonly StepAggregation[] = ["last", "min", "prod"];

/**
 * Step-score aggregation: one score for a solution from its per-step PRM
 * scores s_1..s_T, each in [0, 1] — "last": s_T; "min": min_t s_t;
 * "prod": Π_t s_t (search-and-learn's `aggregate_scores`). The result is in
 * [0, 1] and can go straight into {@link weightedVote}. O(T).
 *
 * @param scores - per-step scores, a non-empty array of numbers in [0, 1]
 * @param rule - "last", "min" or "prod"
 * @returns the solution's score, in [0, 1]
 * @throws {TypeError} if `scores` is not an array of numbers or `rule` not a string
 * @throws {RangeError} if `scores` is empty, a score is outside [0, 1], or `rule` is unknown
 * @example
 * aggregateStepScores([0.9, 0.6, 0.8], "last"); // 0.8
 * aggregateStepScores([0.9, 0.6, 0.8], "min");  // 0.6
 * aggregateStepScores([0.9, 0.6, 0.8], "prod"); // ≈ 0.432
 */
export function aggregateStepScores(scores: ArrayLike<number>, rule: StepAggregation): number {
  const fn = "aggregateStepScores";
  assertNumberArray(fn, "scores", scores, "probability");
  assertOneOf(fn, "rule", rule, STEP_AGGREGATIONS);
  if (rule === "last") return scores[scores.length - 1] as number;
  if (rule === "min") {
    let m = 1;
    for (let i = 0; i < scores.length; i++) m = Math.min(m, scores[i] as number);
    return m;
  }
  let prod = 1;
  for (let i = 0; i < scores.length; i++) prod *= scores[i] as number;
  return prod;
}

// ---------------------------------------------------------------------------------------------
// Majority-vote accuracy

/** Options for {@link majorityVoteAccuracy}. */
export interface MajorityVoteAccuracyOptions {
  /**
   * Largest number of elementary steps the exact dynamic program may take
   * (about 1 ns each in Node); above it the function switches to Monte
   * Carlo. @defaultValue 5e8 (about half a second: n up to about 850 with 5 answers)
   */
  exactWorkLimit?: number;
  /** Monte Carlo trials when the exact computation is too costly. @defaultValue 100000 */
  trials?: number;
  /** Seed of the Monte Carlo fallback. @defaultValue "majorityVoteAccuracy" */
  seed?: string | number;
}

/** Result of {@link majorityVoteAccuracy}. */
export interface VoteAccuracy {
  /** Probability that majority vote over n samples returns the correct answer. */
  accuracy: number;
  /** Standard error of `accuracy` (0 when exact). */
  standardError: number;
  /** "exact" (dynamic program or binomial sum) or "monte-carlo". */
  method: "exact" | "monte-carlo";
  /** Monte Carlo trials used (0 when exact). */
  trials: number;
}

function answerProbabilities(fn: string, source: unknown): number[] {
  if (
    typeof source === "object" &&
    source !== null &&
    !Array.isArray(source) &&
    !ArrayBuffer.isView(source)
  ) {
    checkQuestion(fn, "question", source);
    const q = source as Question;
    return [q.p, ...q.distractors.map((w) => (1 - q.p) * w)];
  }
  assertNumberArray(fn, "question", source, "probability");
  const probs = Array.from(source as ArrayLike<number>);
  const total = probs.reduce((a, b) => a + b, 0);
  if (!(Math.abs(total - 1) <= 1e-9)) {
    throw new RangeError(
      `${fn}: question must be a question or answer probabilities summing to 1, got sum ${total}`,
    );
  }
  return probs.map((x) => x / total);
}

/**
 * Exact majority-vote accuracy (ties counted as 1/(1 + number of tied wrong
 * answers)): P = Σ_c P(N_0 = c)·E[1{every N_j ≤ c}/(1 + #{j: N_j = c}) | N_0 = c],
 * where the wrong answers' counts given N_0 = c are drawn one answer at a
 * time as conditional binomials.
 */
function majorityExact(pi0: number, others: number[], n: number): number {
  const m = others.length;
  if (m === 1) {
    // Two answers: a binomial tail plus half of an exact tie.
    let acc = binomialTailUnchecked(n, Math.floor(n / 2) + 1, pi0);
    if (n % 2 === 0) acc += 0.5 * binomialPmfUnchecked(n, n / 2, pi0);
    return acc;
  }
  // Conditional share of wrong answer j among the wrong answers j, j+1, …
  const rho: number[] = [];
  let suffix = 0;
  for (let j = m - 1; j >= 0; j--) {
    suffix += others[j] as number;
    rho[j] = (others[j] as number) / suffix;
  }
  // pmf rows Bin(r, rho_j), built once and reused for every c.
  const rows: Float64Array[][] = [];
  for (let j = 0; j < m - 1; j++) rows.push([]);
  const row = (j: number, r: number): Float64Array => {
    const cache = rows[j] as Float64Array[];
    let v = cache[r];
    if (!v) {
      v = new Float64Array(r + 1);
      for (let k = 0; k <= r; k++) v[k] = binomialPmfUnchecked(r, k, rho[j] as number);
      cache[r] = v;
    }
    return v;
  };
  let total = 0;
  for (let c = Math.ceil(n / (m + 1)); c <= n; c++) {
    const pc = binomialPmfUnchecked(n, c, pi0);
    if (pc === 0) continue;
    const rest = n - c;
    const width = rest + 1;
    // cur[t·width + r]: probability that the wrong answers so far left r samples, t of them tied at c, none above.
    let cur = new Float64Array((m + 1) * width);
    cur[rest] = 1;
    for (let j = 0; j < m - 1; j++) {
      const next = new Float64Array((m + 1) * width);
      for (let t = 0; t <= j; t++) {
        for (let r = 0; r <= rest; r++) {
          const mass = cur[t * width + r] as number;
          if (mass === 0) continue;
          const pmf = row(j, r);
          // Counts below c keep the tie count; a count of exactly c adds a tie; above c is a loss (dropped).
          const below = Math.min(c - 1, r);
          const base = t * width + r;
          for (let k = 0; k <= below; k++)
            next[base - k] = (next[base - k] as number) + mass * (pmf[k] as number);
          if (r >= c) {
            const tied = (t + 1) * width + r - c;
            next[tied] = (next[tied] as number) + mass * (pmf[c] as number);
          }
        }
      }
      cur = next;
    }
    // The last wrong answer takes all r remaining samples; it must not exceed c.
    for (let t = 0; t < m; t++) {
      for (let r = 0; r <= Math.min(c, rest); r++) {
        const mass = cur[t * width + r] as number;
        if (mass === 0) continue;
        total += (pc * mass) / (1 + t + (r === c ? 1 : 0));
      }
    }
  }
  return Math.min(1, Math.max(0, total));
}

/**
 * Elementary steps {@link majorityExact} takes (to decide exact vs Monte
 * Carlo): the DP updates, plus the binomial pmf table counted at 50 steps per
 * entry (each entry costs a log-gamma evaluation).
 */
function majorityExactWork(m: number, n: number): number {
  if (m <= 1) return n + 1;
  let work = 0;
  for (let c = Math.ceil(n / (m + 1)); c <= n; c++) {
    const rest = n - c;
    work += (rest + 1) * (Math.min(c, rest) + 1);
  }
  return (work * (m - 1) * m) / 2 + 50 * (((m - 1) * (n + 1) * (n + 2)) / 2);
}

/**
 * Majority-vote accuracy: the probability that plurality voting over `n`
 * independent samples returns the correct answer, with ties resolved as
 * {@link majorityVote} does (first seen) — for independent samples that is a
 * uniformly random pick among the tied answers, so a tie between the correct
 * answer and t wrong ones counts 1/(1 + t).
 *
 * - Two answers (the correct one and one wrong one): exact binomial sum,
 *   P(Bin(n, p) > n/2) + ½·P(Bin(n, p) = n/2). O(n).
 * - K ≥ 3 answers: exact dynamic program over the count of the correct answer
 *   and, for each, the wrong answers' counts as a chain of conditional
 *   binomials — O(K²·n³/12) steps instead of enumerating all C(n+K−1, K−1)
 *   count vectors. Used while that is at most `exactWorkLimit` (n = 256 with
 *   5 answers takes about 50 ms, n = 500 about 0.1 s).
 * - Otherwise: seeded Monte Carlo over multinomial count vectors (drawn as
 *   conditional binomials, O(K) per trial), tallying the same 1/(1 + t)
 *   tie weight, with its standard error.
 *
 * Answers with probability 0 never appear and are dropped.
 *
 * @param question - a {@link Question}, or answer probabilities with index 0
 *   the correct answer (non-empty, summing to 1 within 1e-9)
 * @param n - number of samples, an integer in [1, 1e8]
 * @param options - {@link MajorityVoteAccuracyOptions}
 * @returns `{ accuracy, standardError, method, trials }` ({@link VoteAccuracy})
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of its domain
 * @example
 * majorityVoteAccuracy([0.6, 0.4], 3).accuracy;       // 0.6479999999999999 (= 0.648)
 * majorityVoteAccuracy([0.4, 0.3, 0.3], 3).accuracy;  // 0.424 (0.352 outright + 0.216 three-way tie / 3)
 * majorityVoteAccuracy(makeQuestion(0.3), 64).method; // "exact"
 */
export function majorityVoteAccuracy(
  question: Question | ArrayLike<number>,
  n: number,
  options?: MajorityVoteAccuracyOptions,
): VoteAccuracy {
  const fn = "majorityVoteAccuracy";
  const probs = answerProbabilities(fn, question);
  assertInteger(fn, "n", n, 1, 1e8);
  const opts = assertOptions(fn, options);
  const exactWorkLimit = opts.exactWorkLimit ?? 5e8;
  assertPositive(fn, "options.exactWorkLimit", exactWorkLimit);
  const trials = opts.trials ?? 100000;
  assertInteger(fn, "options.trials", trials, 1, 1e9);
  const seed = opts.seed ?? "majorityVoteAccuracy";
  assertSeed(fn, "options.seed", seed);

  const pi0 = probs[0] as number;
  const others = probs.slice(1).filter((x) => x > 0);
  if (pi0 === 0) return { accuracy: 0, standardError: 0, method: "exact", trials: 0 };
  if (others.length === 0) return { accuracy: 1, standardError: 0, method: "exact", trials: 0 };
  if (majorityExactWork(others.length, n) <= exactWorkLimit) {
    return { accuracy: majorityExact(pi0, others, n), standardError: 0, method: "exact", trials: 0 };
  }
  assertWork(fn, "options.trials × answers", trials * (others.length + 1));
  const rng = makeRng(String(seed));
  const { binomial } = uncheckedSamplers(rng);
  let sum = 0;
  let sumSq = 0;
  for (let t = 0; t < trials; t++) {
    const c = binomial(n, pi0);
    let remaining = n - c;
    let share = 1 - pi0;
    let ties = 0;
    let beaten = false;
    for (let j = 0; j < others.length; j++) {
      const w = others[j] as number;
      const k = j === others.length - 1 ? remaining : binomial(remaining, Math.min(1, w / share));
      remaining -= k;
      share -= w;
      if (k > c) {
        beaten = true;
        break;
      }
      if (k === c) ties++;
    }
    const value = beaten ? 0 : 1 / (1 + ties);
    sum += value;
    sumSq += value * value;
  }
  const mean = sum / trials;
  const variance = Math.max(0, sumSq / trials - mean * mean) * (trials / Math.max(1, trials - 1));
  return { accuracy: mean, standardError: Math.sqrt(variance / trials), method: "monte-carlo", trials };
}

// ---------------------------------------------------------------------------------------------
// Chen et al. (2024): the two-level voting model

function checkOddK(fn: string, k: unknown): asserts k is number {
  assertInteger(fn, "k", k, 1, 1e8);
  if ((k as number) % 2 === 0) rangeError(fn, "k", "an odd integer in [1, 1e8]", k);
}

/** P(Bin(k, p) >= (k+1)/2) for odd k. */
function majorityOfOdd(p: number, k: number): number {
  return binomialTailUnchecked(k, (k + 1) / 2, p);
}

/**
 * Two-level voting accuracy (Chen et al. 2024, "Are More LLM Calls All You
 * Need?"): a fraction α of "easy" queries where one call is right with
 * probability p1, the rest "hard" with p2, binary answers, majority over k
 * calls (k odd, so no ties):
 *
 *     F(k) = α·I_{p1}((k+1)/2, (k+1)/2) + (1 − α)·I_{p2}((k+1)/2, (k+1)/2),
 *
 * where I_p((k+1)/2, (k+1)/2) = P(Bin(k, p) ≥ (k+1)/2) is the regularised
 * incomplete beta function. O(k).
 *
 * @param alpha - share of easy queries, in [0, 1]
 * @param p1 - per-call accuracy on easy queries, in [0, 1]
 * @param p2 - per-call accuracy on hard queries, in [0, 1]
 * @param k - number of calls, an odd integer in [1, 1e8]
 * @returns F(k), in [0, 1]
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if an argument is out of its domain or `k` is even
 * @example
 * twoLevelVoteAccuracy(0.6, 0.9, 0.3, 1); // 0.66
 * twoLevelVoteAccuracy(0.6, 0.9, 0.3, 3); // 0.6696
 */
export function twoLevelVoteAccuracy(alpha: number, p1: number, p2: number, k: number): number {
  const fn = "twoLevelVoteAccuracy";
  assertProbability(fn, "alpha", alpha);
  assertProbability(fn, "p1", p1);
  assertProbability(fn, "p2", p2);
  checkOddK(fn, k);
  return alpha * majorityOfOdd(p1, k) + (1 - alpha) * majorityOfOdd(p2, k);
}

/** Shape of F(k) over odd k (see {@link twoLevelVoteShape}). */
export type VoteCurveShape =
  /** Rises, peaks at `extremeK`, then falls towards α. */
  | "inverse-U"
  /** Falls towards α from the start (never rises). */
  | "decreasing"
  /** Falls, bottoms out at `extremeK`, then rises towards α. */
  | "U"
  /** Rises towards α from the start (never falls). */
  | "increasing"
  /** Constant (only when p1 + p2 = 1 and α = ½). */
  | "flat";

/** Result of {@link twoLevelVoteShape}. */
export interface TwoLevelVoteShape {
  /** t = p2(1−p2)(½−p2) / [p1(1−p1)(p1−½)] + 1. */
  t: number;
  /** The threshold 1 − 1/t: F(3) > F(1) exactly when α > threshold. */
  threshold: number;
  /** F(k) → α as k → ∞. */
  limit: number;
  /** Direction of F for large k: decreasing if p1 + p2 > 1, increasing if < 1. */
  largeKTrend: "increasing" | "decreasing" | "flat";
  /** The whole curve's shape. */
  shape: VoteCurveShape;
  /** The odd k of the peak (inverse-U) or trough (U); 1 for the monotone shapes. */
  extremeK: number;
  /** The odd k with the highest F; Infinity when F only approaches its supremum α. */
  bestK: number;
  /** max over odd k of F(k) (α when bestK is Infinity). */
  bestAccuracy: number;
}

/**
 * The shape of the two-level voting curve F(k) over odd k (Chen et al.
 * 2024; conditions DERIVED here and checked numerically — a widely read
 * secondary summary swaps the α inequalities). For p2 < ½ < p1 the step
 * between consecutive odd k is
 *
 *     F(k+2) − F(k) = C(k, (k−1)/2)·[α(2p1−1)(p1q1)^h − (1−α)(1−2p2)(p2q2)^h],  h = (k+1)/2, q = 1 − p,
 *
 * whose sign changes at most once (the ratio of the two terms is geometric
 * in h). Hence, with threshold 1 − 1/t:
 * - p1 + p2 > 1: α > threshold ⇒ "inverse-U", else "decreasing";
 * - p1 + p2 < 1: α < threshold ⇒ "U", else "increasing";
 * - p1 + p2 = 1: monotone by the sign of α − ½.
 * The peak/trough is at k* = 2·max(1, ⌈h0⌉) − 1 with
 * h0 = ln[α(2p1−1) / ((1−α)(1−2p2))] / ln[p2q2 / (p1q1)] (our closed form). O(k*).
 *
 * @param alpha - share of easy queries, in [0, 1]
 * @param p1 - per-call accuracy on easy queries, in (0.5, 1)
 * @param p2 - per-call accuracy on hard queries, in (0, 0.5)
 * @returns threshold, trend, shape, extreme and best k ({@link TwoLevelVoteShape})
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if an argument is outside its interval
 * @example
 * twoLevelVoteShape(0.6, 0.9, 0.3).shape;     // "inverse-U"
 * twoLevelVoteShape(0.6, 0.9, 0.3).threshold; // 0.5384615384615385
 * twoLevelVoteShape(0.6, 0.9, 0.3).extremeK;  // 3
 */
export function twoLevelVoteShape(alpha: number, p1: number, p2: number): TwoLevelVoteShape {
  const fn = "twoLevelVoteShape";
  assertProbability(fn, "alpha", alpha);
  assertProbability(fn, "p1", p1);
  if (!(p1 > 0.5 && p1 < 1)) rangeError(fn, "p1", "a number in (0.5, 1)", p1);
  assertProbability(fn, "p2", p2);
  if (!(p2 > 0 && p2 < 0.5)) rangeError(fn, "p2", "a number in (0, 0.5)", p2);
  const v1 = p1 * (1 - p1);
  const v2 = p2 * (1 - p2);
  const gain = v1 * (p1 - 0.5); // easy queries gain this much (×2) from k = 1 to 3
  const loss = v2 * (0.5 - p2); // hard queries lose this much (×2)
  const t = loss / gain + 1;
  const threshold = loss / (gain + loss);
  const F = (k: number): number => alpha * majorityOfOdd(p1, k) + (1 - alpha) * majorityOfOdd(p2, k);
  const a1 = alpha * (2 * p1 - 1);
  const a2 = (1 - alpha) * (1 - 2 * p2);
  const largeKTrend: TwoLevelVoteShape["largeKTrend"] =
    v1 < v2 ? "decreasing" : v1 > v2 ? "increasing" : "flat";
  // Sign of F(k+2) − F(k) at h = (k+1)/2 is the sign of L(h) = ln a1 − ln a2 + h·ln(v1/v2).
  const firstStep = a1 * v1 - a2 * v2;
  let shape: VoteCurveShape;
  let extremeK = 1;
  if (largeKTrend === "flat") {
    shape = a1 > a2 ? "increasing" : a1 < a2 ? "decreasing" : "flat";
  } else if (largeKTrend === "decreasing") {
    shape = firstStep > 0 ? "inverse-U" : "decreasing";
  } else {
    shape = firstStep < 0 ? "U" : "increasing";
  }
  if (shape === "inverse-U" || shape === "U") {
    const h0 = Math.log(a1 / a2) / Math.log(v2 / v1);
    extremeK = 2 * Math.max(1, Math.ceil(h0)) - 1;
  }
  let bestK: number;
  let bestAccuracy: number;
  if (shape === "inverse-U") {
    bestK = extremeK;
    bestAccuracy = F(extremeK);
  } else if (shape === "decreasing" || shape === "flat") {
    bestK = 1;
    bestAccuracy = F(1);
  } else if (shape === "increasing") {
    bestK = Infinity;
    bestAccuracy = alpha;
  } else {
    const f1 = F(1);
    bestK = f1 >= alpha ? 1 : Infinity;
    bestAccuracy = Math.max(f1, alpha);
  }
  return { t, threshold, limit: alpha, largeKTrend, shape, extremeK, bestK, bestAccuracy };
}

// ---------------------------------------------------------------------------------------------
// Weighted-vote accuracy by Monte Carlo

/** Options for {@link weightedVoteAccuracy}. */
export interface WeightedVoteAccuracyOptions {
  /** The generator (required). */
  rng: Rng;
  /** Monte Carlo trials (each draws n samples). @defaultValue 10000 */
  trials?: number;
}

/** Result of {@link weightedVoteAccuracy}. */
export interface WeightedVoteAccuracy {
  /** Estimated probability that weighted voting returns the correct answer. */
  accuracy: number;
  /** Its standard error, √(a(1 − a)/trials). */
  standardError: number;
  /** Trials used. */
  trials: number;
}

/**
 * Weighted-vote accuracy by seeded Monte Carlo: each trial draws `n`
 * answers to `question`, scores them with the verifier model
 * ({@link scoreAnswers}), maps the scores to the probability scale with the
 * logistic function and applies {@link weightedVote} (ties: first seen).
 * Unlike best-of-N, the result depends on the per-question offset b_q: it
 * changes how much a vote weighs after the logistic map (a large positive
 * offset turns weighted voting into majority voting). O(trials · n).
 *
 * @param question - a {@link Question}
 * @param n - number of samples, an integer >= 1
 * @param verifier - a {@link Verifier}
 * @param options - {@link WeightedVoteAccuracyOptions} (`rng` required)
 * @returns `{ accuracy, standardError, trials }`
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of its domain or trials·n > 1e9
 * @example
 * const v = makeVerifier({ separation: 1 });
 * weightedVoteAccuracy(makeQuestion(0.3), 16, v, { rng: makeRng(3) });
 * // { accuracy: 0.5726, standardError: 0.0049, trials: 10000 }
 */
export function weightedVoteAccuracy(
  question: Question,
  n: number,
  verifier: Verifier,
  options: WeightedVoteAccuracyOptions,
): WeightedVoteAccuracy {
  const fn = "weightedVoteAccuracy";
  checkQuestion(fn, "question", question);
  assertInteger(fn, "n", n, 1);
  checkVerifier(fn, "verifier", verifier);
  const opts = assertOptions(fn, options);
  assertRng(fn, "options.rng", opts.rng);
  const rng = opts.rng;
  const trials = opts.trials ?? 10000;
  assertInteger(fn, "options.trials", trials, 1);
  assertWork(fn, "options.trials × n", trials * n);
  const params = checkScoreParameters(fn, "verifier", verifier);
  const bias = questionBiasUnchecked(verifier, question);
  const top = topDistractor(question);
  const k = question.distractors.length;
  const answers = new Int32Array(n);
  const scores = new Float64Array(n);
  const sums = new Float64Array(k + 1);
  const first = new Int32Array(k + 1);
  let wins = 0;
  for (let t = 0; t < trials; t++) {
    drawAnswersInto(answers, question, rng);
    scoreInto(scores, answers, bias, top, params, rng);
    sums.fill(0);
    first.fill(-1);
    for (let i = 0; i < n; i++) {
      const a = answers[i] as number;
      sums[a] = (sums[a] as number) + probabilityScoreUnchecked(scores[i] as number);
      if ((first[a] as number) < 0) first[a] = i;
    }
    // Winner: largest sum; ties go to the answer whose first sample came first.
    if (argmaxFirstSeen(sums, first, k + 1) === CORRECT) wins++;
  }
  const accuracy = wins / trials;
  return { accuracy, standardError: Math.sqrt((accuracy * (1 - accuracy)) / trials), trials };
}

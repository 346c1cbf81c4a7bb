/**
 * Sequential revisions (Snell et al. 2024, §6): a revision model reads its
 * own earlier attempts and writes a new one, so a budget of N samples can be
 * spent as one chain of N revisions, N independent first attempts, or
 * anything in between (`sequential` × `parallel` = N).
 *
 * The module has three layers, from toy to mechanism:
 *
 * 1. **The teaching summary's linear model** — pass@1 rises by a fixed step
 *    per round — and the coverage of a chain under a perfect checker. Kept
 *    because the notebooks correct the summary's arithmetic with it
 *    (paper-notes §6(c)).
 * 2. **A two-state Markov chain**: each revision turns a wrong answer right
 *    with probability `fix` and a right answer wrong with probability
 *    `breakRate`. Its pass@1 after k attempts has a closed form and tends to
 *    fix / (fix + breakRate). This is the simplest model that shows the
 *    paper's observation that revisions also *break* correct answers.
 * 3. **A per-question simulation** on the library's {@link Question}s, where
 *    the fix probability depends on the question's difficulty
 *    (`fix = fixScale · p`), wrong answers are the question's own
 *    distractors (sticky from one revision to the next), every attempt gets a
 *    verifier score, and the final answer is chosen by the paper's two rules
 *    (hierarchical verifier selection, flat majority). The sequential:parallel
 *    trade-off of the paper's Fig. 7 comes out of this mechanism; no accuracy
 *    curve is typed in.
 *
 * The verifier here is the library's standard score model — a correct
 * attempt scores ~ Normal(separation, 1), a wrong one ~ Normal(0, 1) —
 * implemented locally so this module stands on its own.
 * @packageDocumentation
 */
import { type Benchmark, checkQuestion, CORRECT, type Question, toQuestions } from "./questions";
import { assertRng, type Rng } from "../base/random";
import { allIndices, argmaxFirstSeen, meanOver, monteCarloStandardError } from "../base/stats";
import {
  assertFinite,
  assertInRange,
  assertInteger,
  assertNumberArray,
  assertObject,
  assertOneOf,
  assertProbability,
  assertSameLength,
  assertWork,
  rangeError,
} from "../base/validate";

// =============================================================================================
// 1. The linear model of the teaching summary
// =============================================================================================

/**
 * Linear revision accuracy: pass@1 of the k-th attempt when every revision
 * adds a fixed `step` to the first attempt's pass@1 `p0`, capped at 1:
 *
 *     p_k = min(1, p0 + step · (k − 1)),   k = 1 is the first attempt.
 *
 * This is the toy model of the teaching summary, not the paper's: the paper
 * gives no per-step numbers, and its revision model also breaks correct
 * answers (see {@link markovRevisionAccuracy}). With p0 = 0.1 and step 0.05,
 * the tenth attempt has p_10 = 0.55 — not the summary's "≈ 0.65", which is
 * 1 − 0.9^10, ten *parallel* samples at p = 0.1 with a perfect checker.
 * Runs in O(1).
 *
 * @param p0 - pass@1 of the first attempt, in [0, 1]
 * @param step - gain in pass@1 per revision, in [0, 1]
 * @param k - attempt number, an integer >= 1 (1 = first attempt)
 * @returns pass@1 of attempt k, in [0, 1]
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if `p0` or `step` is outside [0, 1] or `k` is not an integer >= 1
 * @example
 * linearRevisionAccuracy(0.1, 0.05, 10); // 0.55
 * linearRevisionAccuracy(0.1, 0.05, 40); // 1 (capped)
 */
export function linearRevisionAccuracy(p0: number, step: number, k: number): number {
  assertProbability("linearRevisionAccuracy", "p0", p0);
  assertInRange("linearRevisionAccuracy", "step", step, 0, 1);
  assertInteger("linearRevisionAccuracy", "k", k, 1);
  return Math.min(1, p0 + step * (k - 1));
}

/**
 * Linear revision curve: p_1, …, p_rounds of {@link linearRevisionAccuracy}.
 * Runs in O(rounds).
 *
 * @param p0 - pass@1 of the first attempt, in [0, 1]
 * @param step - gain in pass@1 per revision, in [0, 1]
 * @param rounds - number of attempts, an integer >= 1 (at most 1e9)
 * @returns a Float64Array whose entry k − 1 is p_k
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if an argument is out of range
 * @example
 * linearRevisionCurve(0.1, 0.05, 4); // Float64Array [0.1, 0.15, 0.2, 0.25] (up to rounding)
 */
export function linearRevisionCurve(p0: number, step: number, rounds: number): Float64Array {
  assertProbability("linearRevisionCurve", "p0", p0);
  assertInRange("linearRevisionCurve", "step", step, 0, 1);
  assertInteger("linearRevisionCurve", "rounds", rounds, 1);
  assertWork("linearRevisionCurve", "rounds", rounds);
  const out = new Float64Array(rounds);
  for (let k = 1; k <= rounds; k++) out[k - 1] = Math.min(1, p0 + step * (k - 1));
  return out;
}

/**
 * Best-of-chain coverage: the probability that at least one of the first
 * `rounds` attempts of the linear model is correct, if the attempts were
 * independent and a perfect checker picked a correct one:
 *
 *     1 − Π_{k=1..rounds} (1 − p_k),   p_k = min(1, p0 + step · (k − 1)).
 *
 * An upper bound, like coverage: real chains are correlated and real
 * checkers are imperfect. Evaluated as −expm1(Σ log1p(−p_k)) so small p0
 * keeps its digits. Runs in O(rounds).
 *
 * @param p0 - pass@1 of the first attempt, in [0, 1]
 * @param step - gain in pass@1 per revision, in [0, 1]
 * @param rounds - number of attempts, an integer >= 1 (at most 1e9)
 * @returns the probability that some attempt is correct, in [0, 1]
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if an argument is out of range
 * @example
 * bestOfChainCoverage(0.1, 0.05, 10); // ≈ 0.98449
 * bestOfChainCoverage(0.1, 0, 10);    // ≈ 0.6513 = 1 − 0.9^10, ten parallel samples
 */
export function bestOfChainCoverage(p0: number, step: number, rounds: number): number {
  assertProbability("bestOfChainCoverage", "p0", p0);
  assertInRange("bestOfChainCoverage", "step", step, 0, 1);
  assertInteger("bestOfChainCoverage", "rounds", rounds, 1);
  assertWork("bestOfChainCoverage", "rounds", rounds);
  let logAllWrong = 0;
  for (let k = 1; k <= rounds; k++) {
    const pk = Math.min(1, p0 + step * (k - 1));
    if (pk >= 1) return 1;
    logAllWrong += Math.log1p(-pk);
  }
  return -Math.expm1(logAllWrong);
}

// =============================================================================================
// 2. The two-state Markov chain
// =============================================================================================

/** Transition probabilities of the two-state revision chain. */
export interface MarkovRevisionRates {
  /** Probability that a revision turns a wrong answer into a correct one. */
  readonly fix: number;
  /** Probability that a revision turns a correct answer into a wrong one. */
  readonly breakRate: number;
}

function checkRates(fn: string, name: string, rates: unknown): MarkovRevisionRates {
  const r = assertObject(fn, name, rates);
  assertProbability(fn, `${name}.fix`, r.fix);
  assertProbability(fn, `${name}.breakRate`, r.breakRate);
  return { fix: r.fix as number, breakRate: r.breakRate as number };
}

/** Closed form a_k = L + (p0 − L)·ρ^(k−1), unchecked. */
function markovAccuracyUnchecked(p0: number, fix: number, breakRate: number, k: number): number {
  const s = fix + breakRate;
  if (s === 0 || k === 1) return p0;
  const limit = fix / s;
  const a = limit + (p0 - limit) * Math.pow(1 - s, k - 1);
  return Math.min(1, Math.max(0, a));
}

/**
 * Markov revision accuracy: pass@1 of the k-th attempt of a two-state chain
 * in which each revision fixes a wrong answer with probability `fix` and
 * breaks a correct one with probability `breakRate`. The one-step recursion
 * a_{k+1} = a_k·(1 − breakRate) + (1 − a_k)·fix has the closed form
 *
 *     a_k = L + (p0 − L)·(1 − fix − breakRate)^(k − 1),   L = fix / (fix + breakRate),
 *
 * so pass@1 moves geometrically from p0 to L: monotonically when
 * fix + breakRate <= 1, overshooting and oscillating around L when it is
 * larger. If fix = breakRate = 0 revisions change nothing and a_k = p0.
 * Revisions help pass@1 exactly when L > p0, i.e. fix·(1 − p0) > breakRate·p0.
 * Runs in O(1).
 *
 * @param p0 - pass@1 of the first attempt, in [0, 1]
 * @param rates - {@link MarkovRevisionRates}: `fix` and `breakRate`, each in [0, 1]
 * @param k - attempt number, an integer >= 1 (1 = first attempt)
 * @returns pass@1 of attempt k, in [0, 1]
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a probability is outside [0, 1] or `k` is not an integer >= 1
 * @example
 * markovRevisionAccuracy(0.2, { fix: 0.3, breakRate: 0.1 }, 2);  // 0.42
 * markovRevisionAccuracy(0.2, { fix: 0.3, breakRate: 0.1 }, 50); // ≈ 0.75 (the limit)
 */
export function markovRevisionAccuracy(p0: number, rates: MarkovRevisionRates, k: number): number {
  assertProbability("markovRevisionAccuracy", "p0", p0);
  const { fix, breakRate } = checkRates("markovRevisionAccuracy", "rates", rates);
  assertInteger("markovRevisionAccuracy", "k", k, 1);
  return markovAccuracyUnchecked(p0, fix, breakRate, k);
}

/**
 * Markov revision limit: the long-run pass@1 of the two-state chain,
 * L = fix / (fix + breakRate) — the chain's stationary probability of being
 * correct, independent of where it starts. Two edge cases: with
 * fix = breakRate = 0 nothing ever changes and the limit is `p0`; with
 * fix = breakRate = 1 the chain flips every step, a_k alternates p0, 1 − p0,
 * and L = 1/2 is the long-run average rather than a limit. Runs in O(1).
 *
 * @param p0 - pass@1 of the first attempt, in [0, 1] (matters only when fix = breakRate = 0)
 * @param rates - {@link MarkovRevisionRates}
 * @returns the limit of pass@1 as the chain grows, in [0, 1]
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a probability is outside [0, 1]
 * @example
 * markovRevisionLimit(0.2, { fix: 0.3, breakRate: 0.1 }); // ≈ 0.75
 * markovRevisionLimit(0.2, { fix: 0, breakRate: 0 });     // 0.2
 */
export function markovRevisionLimit(p0: number, rates: MarkovRevisionRates): number {
  assertProbability("markovRevisionLimit", "p0", p0);
  const { fix, breakRate } = checkRates("markovRevisionLimit", "rates", rates);
  const s = fix + breakRate;
  return s === 0 ? p0 : fix / s;
}

/**
 * Markov revision curve: a_1, …, a_rounds of {@link markovRevisionAccuracy}.
 * Runs in O(rounds).
 *
 * @param p0 - pass@1 of the first attempt, in [0, 1]
 * @param rates - {@link MarkovRevisionRates}
 * @param rounds - number of attempts, an integer >= 1 (at most 1e9)
 * @returns a Float64Array whose entry k − 1 is a_k
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of range
 * @example
 * markovRevisionCurve(0.2, { fix: 0.3, breakRate: 0.1 }, 3); // Float64Array [0.2, 0.42, ≈ 0.552]
 */
export function markovRevisionCurve(p0: number, rates: MarkovRevisionRates, rounds: number): Float64Array {
  assertProbability("markovRevisionCurve", "p0", p0);
  const { fix, breakRate } = checkRates("markovRevisionCurve", "rates", rates);
  assertInteger("markovRevisionCurve", "rounds", rounds, 1);
  assertWork("markovRevisionCurve", "rounds", rounds);
  const out = new Float64Array(rounds);
  for (let k = 1; k <= rounds; k++) out[k - 1] = markovAccuracyUnchecked(p0, fix, breakRate, k);
  return out;
}

// =============================================================================================
// 3. Per-question revision model
// =============================================================================================

/**
 * How the simulated revision model behaves on a question (see
 * {@link simulateRevisionChains} for the full mechanism).
 */
export interface RevisionModel {
  /**
   * Fix probability per unit of pass@1: a revision of a wrong answer to a
   * question with base pass@1 p becomes correct with probability
   * fix = fixScale · p. Harder questions are harder to fix, and a question the
   * base model never solves (p = 0) is never fixed. In [0, 1].
   * @defaultValue 0.6
   */
  fixScale: number;
  /**
   * Probability that a revision turns a correct answer into a wrong one, the
   * same for every question. In [0, 1]. @defaultValue 0.1
   */
  breakRate: number;
  /**
   * Probability that a revision which fails to fix a wrong answer keeps the
   * *same* wrong answer; otherwise it draws a fresh wrong answer from the
   * question's distractor distribution (possibly the same one again). In [0, 1].
   * @defaultValue 0.7
   */
  stickiness: number;
}

/**
 * The default revision model: fixScale 0.6, breakRate 0.1, stickiness 0.7.
 *
 * Why these numbers. On the default benchmark (500 questions, mean pass@1
 * 0.392) they make pass@1 rise over revision rounds and level off — 0.392 at
 * the first attempt, ≈ 0.49 at the 4th, ≈ 0.56 by the 16th, limit ≈ 0.567 —
 * while one correct answer in ten is broken by every revision. The paper
 * reports that about 38% of correct answers are broken by the next revision
 * when the model is used naively, yet its pass@1 still rises step after step
 * (Fig. 6-left). Taken as a *per-step* break probability, 38% does not fit
 * that rise in this model, where the fix rate is at most the base pass@1:
 * with breakRate 0.38 the benchmark's pass@1 falls from 0.392 to ≈ 0.32 at
 * our fixScale, and even at the largest fixScale (1, fix = p) it only creeps
 * to ≈ 0.42. We read the 38% as the naive upper end and keep breaks clearly
 * visible at 10% per step; set `breakRate: 0.38` to see the naive regime.
 * Revisions raise a question's pass@1 exactly when
 * p < 1 − breakRate/fixScale (5/6 with the defaults): the easiest questions
 * lose a little pass@1 to breaks, which selection over the chain then
 * recovers. Stickiness 0.7 says a failed
 * revision usually repeats its mistake, which makes one long chain less
 * diverse than many short ones. All three are our modelling choices, not
 * numbers from the paper.
 */
export const DEFAULT_REVISION_MODEL: Readonly<RevisionModel> = Object.freeze({
  fixScale: 0.6,
  breakRate: 0.1,
  stickiness: 0.7,
});

/** Verifier used to score revisions: correct ~ Normal(separation, 1), wrong ~ Normal(0, 1). */
export interface RevisionVerifier {
  /**
   * Mean score gap between a correct and a wrong attempt, in standard
   * deviations (the ROC AUC is Φ(separation/√2)). Finite; 0 means the
   * verifier is useless. @defaultValue 1.5
   */
  readonly separation: number;
}

/** The default verifier for revision chains: separation 1.5 (ROC AUC ≈ 0.86). */
export const DEFAULT_REVISION_VERIFIER: Readonly<RevisionVerifier> = Object.freeze({ separation: 1.5 });

function checkModel(fn: string, name: string, model: unknown): RevisionModel {
  if (model === undefined) return { ...DEFAULT_REVISION_MODEL };
  const m = assertObject(fn, name, model);
  const fixScale = m.fixScale ?? DEFAULT_REVISION_MODEL.fixScale;
  const breakRate = m.breakRate ?? DEFAULT_REVISION_MODEL.breakRate;
  const stickiness = m.stickiness ?? DEFAULT_REVISION_MODEL.stickiness;
  assertProbability(fn, `${name}.fixScale`, fixScale);
  assertProbability(fn, `${name}.breakRate`, breakRate);
  assertProbability(fn, `${name}.stickiness`, stickiness);
  return { fixScale, breakRate, stickiness };
}

function checkVerifier(fn: string, name: string, verifier: unknown): number {
  if (verifier === undefined) return DEFAULT_REVISION_VERIFIER.separation;
  const v = assertObject(fn, name, verifier);
  assertFinite(fn, `${name}.separation`, v.separation);
  return v.separation as number;
}

/** Cumulative distractor weights of a question (positive total required). */
function cumulativeDistractors(fn: string, name: string, question: Question): Float64Array {
  const out = new Float64Array(question.distractors.length);
  let acc = 0;
  for (let j = 0; j < out.length; j++) {
    acc += question.distractors[j] as number;
    out[j] = acc;
  }
  if (!(acc > 0)) rangeError(fn, `${name}.distractors`, "weights with a positive sum", question.distractors);
  return out;
}

/**
 * Revision rates of a question: the two-state chain that the simulation
 * follows on it, fix = fixScale · p and breakRate as given. Feed the result
 * to {@link markovRevisionAccuracy} for the question's exact pass@1 per step.
 * Runs in O(1).
 *
 * @param question - a {@link Question}
 * @param model - {@link RevisionModel} fields to override @defaultValue {@link DEFAULT_REVISION_MODEL}
 * @returns the question's {@link MarkovRevisionRates}
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a model parameter is outside [0, 1]
 * @example
 * revisionRates(makeQuestion(0.5)); // { fix: 0.3, breakRate: 0.1 }
 */
export function revisionRates(question: Question, model?: Partial<RevisionModel>): MarkovRevisionRates {
  checkQuestion("revisionRates", "question", question);
  const m = checkModel("revisionRates", "model", model);
  return { fix: m.fixScale * question.p, breakRate: m.breakRate };
}

/**
 * Revision curve: the exact mean pass@1 of revision attempts 1..rounds over a
 * set of questions under the per-question model — the simulation's analogue
 * of the paper's pass@1-per-revision-step plot (Fig. 6-left v1):
 *
 *     curve[k − 1] = (1/Q) Σ_q markovRevisionAccuracy(q.p, revisionRates(q), k).
 *
 * Runs in O(Q · rounds).
 *
 * @param questions - a {@link Benchmark} or a non-empty array of questions
 * @param rounds - number of attempts, an integer >= 1 (Q · rounds at most 1e9)
 * @param model - {@link RevisionModel} fields to override @defaultValue {@link DEFAULT_REVISION_MODEL}
 * @returns a Float64Array whose entry k − 1 is the mean pass@1 of attempt k
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of range
 * @example
 * const curve = revisionCurve(makeBenchmark(), 16);
 * curve[0];  // ≈ 0.392 (the base model's mean pass@1)
 * curve[15]; // ≈ 0.561
 */
export function revisionCurve(
  questions: Benchmark | readonly Question[],
  rounds: number,
  model?: Partial<RevisionModel>,
): Float64Array {
  const qs = toQuestions("revisionCurve", "questions", questions);
  assertInteger("revisionCurve", "rounds", rounds, 1);
  assertWork("revisionCurve", "questions × rounds", qs.length * rounds);
  const m = checkModel("revisionCurve", "model", model);
  const out = new Float64Array(rounds);
  for (const q of qs) {
    const fix = m.fixScale * q.p;
    for (let k = 1; k <= rounds; k++)
      out[k - 1] = (out[k - 1] as number) + markovAccuracyUnchecked(q.p, fix, m.breakRate, k);
  }
  for (let k = 0; k < rounds; k++) out[k] = (out[k] as number) / qs.length;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Selection rules (the paper's §6.2, hierarchical verifier and flat majority)
// ---------------------------------------------------------------------------------------------

// Module-level alias: inside jest's vm sandbox every lookup of a global such as `Math` is
// ~15× slower than a local one, and this function runs once per simulated attempt.
const exp = Math.exp;

/** Logistic function: maps a raw verifier score to the probability scale. */
function logistic(x: number): number {
  return 1 / (1 + exp(-x));
}

/**
 * Scratch space for selecting answers among `answerCount` possible answer
 * ids (0 = correct, 1..K = distractors). Reused across chains and trials so
 * the hot loop allocates nothing.
 */
class SelectionWorkspace {
  readonly chainWeight: Float64Array;
  readonly chainBest: Float64Array;
  readonly chainFirst: Int32Array;
  readonly acrossWeight: Float64Array;
  readonly acrossFirst: Int32Array;
  readonly poolCount: Int32Array;
  readonly poolFirst: Int32Array;

  constructor(readonly answerCount: number) {
    this.chainWeight = new Float64Array(answerCount);
    this.chainBest = new Float64Array(answerCount);
    this.chainFirst = new Int32Array(answerCount);
    this.acrossWeight = new Float64Array(answerCount);
    this.acrossFirst = new Int32Array(answerCount);
    this.poolCount = new Int32Array(answerCount);
    this.poolFirst = new Int32Array(answerCount);
  }

  /** Forget everything (start of a question trial). */
  resetAll(): void {
    this.acrossWeight.fill(0);
    this.acrossFirst.fill(-1);
    this.poolCount.fill(0);
    this.poolFirst.fill(-1);
    this.resetChain();
  }

  /** Forget the current chain (start of a chain). */
  resetChain(): void {
    this.chainWeight.fill(0);
    this.chainBest.fill(-Infinity);
    this.chainFirst.fill(-1);
  }

  /** Record attempt number `position` (pool-wide, chain-major) of the current chain. */
  add(answer: number, score: number, step: number, position: number): void {
    if (this.chainFirst[answer] === -1) this.chainFirst[answer] = step;
    this.chainWeight[answer] = (this.chainWeight[answer] as number) + logistic(score);
    if (score > (this.chainBest[answer] as number)) this.chainBest[answer] = score;
    if (this.poolFirst[answer] === -1) this.poolFirst[answer] = position;
    this.poolCount[answer] = (this.poolCount[answer] as number) + 1;
  }

  /**
   * Closes the current chain: its pick is the answer with the largest summed
   * probability-scale score (ties: first seen in the chain); the pick's score
   * is the best raw score among the chain's attempts carrying that answer.
   * The pick then votes across chains with weight logistic(pick score).
   */
  closeChain(chain: number): { answer: number; score: number } {
    const answer = argmaxFirstSeen(this.chainWeight, this.chainFirst, this.answerCount);
    const score = this.chainBest[answer] as number;
    if (this.acrossFirst[answer] === -1) this.acrossFirst[answer] = chain;
    this.acrossWeight[answer] = (this.acrossWeight[answer] as number) + logistic(score);
    return { answer, score };
  }

  /** Best-of-N weighted over the per-chain picks (ties: first chain). */
  verifierAnswer(): number {
    return argmaxFirstSeen(this.acrossWeight, this.acrossFirst, this.answerCount);
  }

  /** Plurality over every attempt of every chain (ties: first seen, chain-major). */
  majorityAnswer(): number {
    return argmaxFirstSeen(this.poolCount, this.poolFirst, this.answerCount);
  }
}

/** Result of {@link hierarchicalVerifierSelection}. */
export interface HierarchicalSelection {
  /** The selected answer. */
  answer: number;
  /** Each chain's pick (best-of-N weighted inside the chain). */
  chainPicks: Int32Array;
  /** Raw score of the highest-scoring attempt carrying each chain's pick. */
  chainPickScores: Float64Array;
}

/**
 * Hierarchical verifier selection (Snell et al. §6.2): inside each chain,
 * best-of-N weighted — sum the probability-scale scores logistic(score) of
 * the attempts carrying each answer and keep the answer with the largest
 * sum — and represent the chain by its highest-scoring attempt carrying that
 * answer; across chains, best-of-N weighted again over those representatives.
 * Ties go to the answer seen first (in the chain, then across chains).
 * Answers are integer ids (0 = correct by the library's convention, but any
 * non-negative integers work). Runs in O(n + A·chains) for n attempts and A
 * distinct answer ids.
 *
 * @param answers - answers, chain-major: `answers[c · length + k]` is attempt k + 1 of chain c; non-negative integers below 1e6
 * @param scores - raw verifier scores, same layout, finite
 * @param length - attempts per chain, an integer >= 1 that divides answers.length
 * @returns the selected answer and each chain's pick
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if arrays are empty, of different lengths, or `length` does not divide them
 * @example
 * // two chains of two: chain 0 settles on answer 0, chain 1 on answer 2
 * hierarchicalVerifierSelection([0, 0, 2, 2], [1.5, 2.0, 0.3, -0.2], 2).answer; // 0
 */
export function hierarchicalVerifierSelection(
  answers: ArrayLike<number>,
  scores: ArrayLike<number>,
  length: number,
): HierarchicalSelection {
  const fn = "hierarchicalVerifierSelection";
  assertNumberArray(fn, "answers", answers, "nonNegativeInteger");
  assertNumberArray(fn, "scores", scores, "finite");
  assertSameLength(fn, "answers", answers, "scores", scores);
  assertInteger(fn, "length", length, 1);
  if (answers.length % length !== 0) {
    rangeError(fn, "length", `a divisor of answers.length (${answers.length})`, length);
  }
  let maxAnswer = 0;
  for (let i = 0; i < answers.length; i++) maxAnswer = Math.max(maxAnswer, answers[i] as number);
  if (maxAnswer >= 1e6) rangeError(fn, "answers", "integer ids below 1e6", maxAnswer);
  const ws = new SelectionWorkspace(maxAnswer + 1);
  ws.resetAll();
  const chains = answers.length / length;
  const chainPicks = new Int32Array(chains);
  const chainPickScores = new Float64Array(chains);
  for (let c = 0; c < chains; c++) {
    ws.resetChain();
    for (let k = 0; k < length; k++) {
      const i = c * length + k;
      ws.add(answers[i] as number, scores[i] as number, k, i);
    }
    const pick = ws.closeChain(c);
    chainPicks[c] = pick.answer;
    chainPickScores[c] = pick.score;
  }
  return { answer: ws.verifierAnswer(), chainPicks, chainPickScores };
}

// ---------------------------------------------------------------------------------------------
// The simulation kernel
// ---------------------------------------------------------------------------------------------

/** Everything the kernel needs about one question, computed once. */
interface PreparedQuestion {
  p: number;
  fix: number;
  cumulative: Float64Array;
}

function prepare(fn: string, name: string, q: Question, model: RevisionModel): PreparedQuestion {
  return { p: q.p, fix: model.fixScale * q.p, cumulative: cumulativeDistractors(fn, name, q) };
}

/** A distractor id 1..K drawn from the cumulative weights. */
function drawDistractor(cumulative: Float64Array, rng: Rng): number {
  const k = cumulative.length;
  const u = rng.next() * (cumulative[k - 1] as number);
  let j = 0;
  while (j < k - 1 && u >= (cumulative[j] as number)) j++;
  return j + 1;
}

/**
 * Runs `chains` × `length` attempts on one question, feeding the selection
 * workspace; writes answers and scores when arrays are given.
 */
function runChains(
  q: PreparedQuestion,
  chains: number,
  length: number,
  model: RevisionModel,
  separation: number,
  rng: Rng,
  ws: SelectionWorkspace,
  outAnswers?: Int32Array,
  outScores?: Float64Array,
  outPicks?: Int32Array,
  outPickScores?: Float64Array,
): void {
  ws.resetAll();
  const { breakRate, stickiness } = model;
  for (let c = 0; c < chains; c++) {
    ws.resetChain();
    // First attempt: a base-model sample.
    let answer = rng.next() < q.p ? CORRECT : drawDistractor(q.cumulative, rng);
    for (let k = 0; k < length; k++) {
      if (k > 0) {
        // One revision step.
        if (answer === CORRECT) {
          if (rng.next() < breakRate) answer = drawDistractor(q.cumulative, rng);
        } else if (rng.next() < q.fix) {
          answer = CORRECT;
        } else if (rng.next() >= stickiness) {
          answer = drawDistractor(q.cumulative, rng);
        }
      }
      const score = rng.normal() + (answer === CORRECT ? separation : 0);
      const position = c * length + k;
      ws.add(answer, score, k, position);
      if (outAnswers !== undefined && outScores !== undefined) {
        outAnswers[position] = answer;
        outScores[position] = score;
      }
    }
    const pick = ws.closeChain(c);
    if (outPicks !== undefined && outPickScores !== undefined) {
      outPicks[c] = pick.answer;
      outPickScores[c] = pick.score;
    }
  }
}

/** Options for {@link simulateRevisionChains}. */
export interface RevisionChainsOptions {
  /** Number of independent chains (parallel width), an integer >= 1. */
  chains: number;
  /** Attempts per chain (sequential length), an integer >= 1; the first attempt is not a revision. */
  length: number;
  /** Generator from {@link makeRng}. */
  rng: Rng;
  /** Verifier that scores every attempt. @defaultValue {@link DEFAULT_REVISION_VERIFIER} */
  verifier?: RevisionVerifier;
  /** Revision model fields to override. @defaultValue {@link DEFAULT_REVISION_MODEL} */
  model?: Partial<RevisionModel>;
}

/** Result of {@link simulateRevisionChains}. */
export interface RevisionChainsResult {
  /** Number of chains. */
  chains: number;
  /** Attempts per chain. */
  length: number;
  /** Answers, chain-major: `answers[c · length + k]` is attempt k + 1 of chain c (0 = correct, j >= 1 = distractor j). */
  answers: Int32Array;
  /** Raw verifier scores, same layout. */
  scores: Float64Array;
  /** Each chain's pick under best-of-N weighted inside the chain. */
  chainPicks: Int32Array;
  /** Raw score of the highest-scoring attempt carrying each chain's pick. */
  chainPickScores: Float64Array;
  /** Final answer under hierarchical verifier selection. */
  verifierAnswer: number;
  /** Whether {@link RevisionChainsResult.verifierAnswer} is correct. */
  verifierCorrect: boolean;
  /** Final answer under flat majority over all attempts (ties: first seen, chain-major). */
  majorityAnswer: number;
  /** Whether {@link RevisionChainsResult.majorityAnswer} is correct. */
  majorityCorrect: boolean;
}

/**
 * Simulates revision chains on one question and applies the paper's two
 * selection rules.
 *
 * The mechanism (our modelling choice; see {@link RevisionModel}):
 * - **First attempt** of every chain: a base-model sample — correct with
 *   probability p, otherwise a distractor drawn from the question's
 *   distractor distribution.
 * - **Each revision** looks only at the current answer. A correct answer
 *   breaks with probability `breakRate` (to a fresh distractor). A wrong
 *   answer is fixed with probability fix = fixScale · p; otherwise it keeps
 *   the same wrong answer with probability `stickiness` and moves to a fresh
 *   distractor with probability 1 − stickiness.
 * - So correctness along a chain is exactly the two-state chain of
 *   {@link markovRevisionAccuracy} with the rates of {@link revisionRates}.
 * - **Verifier**: every attempt gets a score ~ Normal(separation, 1) if
 *   correct, Normal(0, 1) if wrong, independently.
 * - **Selection**: hierarchical verifier selection
 *   ({@link hierarchicalVerifierSelection}) and flat majority (plurality over
 *   all attempts of all chains, ties to the answer seen first, chain-major).
 *
 * Why it reproduces the paper's shape: revisions lift a question's pass@1
 * from p towards fixScale·p / (fixScale·p + breakRate), so long chains help;
 * but on a hard question the fix rate is small and wrong answers are sticky,
 * so one long chain is a single lottery ticket — a few independent chains
 * hedge it. Easy questions are fixed within a step or two, so all-sequential
 * loses nothing. On the default benchmark at budget 128 with verifier
 * selection, the two hardest quintiles do best with 2 chains of 64, while the
 * three easier quintiles are solved at almost every ratio, the sequential end
 * included (see {@link revisionAccuracy}).
 *
 * Cost: O(chains · length) random draws; chains · length at most 1e9.
 *
 * @param question - a {@link Question}
 * @param options - {@link RevisionChainsOptions}
 * @returns every attempt, its score, the per-chain picks and both final answers
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is not a positive integer, a probability is outside [0, 1], or the work exceeds 1e9
 * @example
 * const r = simulateRevisionChains(makeQuestion(0.3), { chains: 4, length: 8, rng: makeRng(1) });
 * r.answers.length;  // 32
 * r.verifierCorrect; // true (for this seed)
 */
export function simulateRevisionChains(
  question: Question,
  options: RevisionChainsOptions,
): RevisionChainsResult {
  const fn = "simulateRevisionChains";
  checkQuestion(fn, "question", question);
  const opts = assertObject(fn, "options", options);
  assertInteger(fn, "options.chains", opts.chains, 1);
  assertInteger(fn, "options.length", opts.length, 1);
  const chains = opts.chains as number;
  const length = opts.length as number;
  assertWork(fn, "options.chains × options.length", chains * length);
  assertRng(fn, "options.rng", opts.rng);
  const separation = checkVerifier(fn, "options.verifier", opts.verifier);
  const model = checkModel(fn, "options.model", opts.model);
  const prepared = prepare(fn, "question", question, model);
  const n = chains * length;
  const answers = new Int32Array(n);
  const scores = new Float64Array(n);
  const chainPicks = new Int32Array(chains);
  const chainPickScores = new Float64Array(chains);
  const ws = new SelectionWorkspace(question.distractors.length + 1);
  runChains(
    prepared,
    chains,
    length,
    model,
    separation,
    opts.rng,
    ws,
    answers,
    scores,
    chainPicks,
    chainPickScores,
  );
  const verifierAnswer = ws.verifierAnswer();
  const majorityAnswer = ws.majorityAnswer();
  return {
    chains,
    length,
    answers,
    scores,
    chainPicks,
    chainPickScores,
    verifierAnswer,
    verifierCorrect: verifierAnswer === CORRECT,
    majorityAnswer,
    majorityCorrect: majorityAnswer === CORRECT,
  };
}

// ---------------------------------------------------------------------------------------------
// Splitting a budget into sequential × parallel
// ---------------------------------------------------------------------------------------------

/** One way to spend a budget: `parallel` chains of `sequential` attempts each. */
export interface RevisionSplit {
  /** Attempts per chain (the chain length). */
  sequential: number;
  /** Number of chains. */
  parallel: number;
  /** The ratio sequential:parallel in lowest terms, as the paper writes it ("1:4", "16:1"). */
  label: string;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function makeSplit(sequential: number, parallel: number): RevisionSplit {
  const g = gcd(sequential, parallel);
  return { sequential, parallel, label: `${sequential / g}:${parallel / g}` };
}

/** ICLR Table 1: the sequential lengths searched at each budget (paper-notes §2.6). */
const TABLE_1_SEQUENTIAL: Readonly<Record<number, readonly number[]>> = {
  1: [1],
  2: [1, 2],
  4: [1, 2, 4],
  8: [1, 2, 4, 8],
  16: [1, 2, 4, 8, 16],
  32: [1, 2, 4, 8, 16, 32],
  64: [1, 2, 4, 8, 16, 32, 64],
  128: [1, 2, 4, 8, 16, 32, 64, 128],
  256: [1, 4, 16, 64, 256],
};

/**
 * Revision ratios: the sequential:parallel splits of a budget that the paper
 * searched (ICLR Table 1) — for budgets 1, 2, 4, …, 128 every split into two
 * powers of two, for 256 only 1:256, 1:16, 1:1, 16:1, 256:1. For any other
 * budget N: every split in which one factor is a power of two
 * (sequential = 2^j or parallel = 2^j), which is all power-of-two splits when
 * N is a power of two and always includes the all-parallel and
 * all-sequential ends. Sorted from all-parallel to all-sequential.
 * Runs in O(log N).
 *
 * @param budget - total attempts N, an integer >= 1 (at most 1e9)
 * @returns the splits, each with sequential · parallel = budget
 * @throws {TypeError} if `budget` is not a number
 * @throws {RangeError} if `budget` is not an integer in [1, 1e9]
 * @example
 * revisionRatios(4).map((s) => s.label);   // ["1:4", "1:1", "4:1"]
 * revisionRatios(256).map((s) => s.label); // ["1:256", "1:16", "1:1", "16:1", "256:1"]
 * revisionRatios(12).map((s) => s.label);  // ["1:12", "1:3", "3:4", "4:3", "3:1", "12:1"]
 */
export function revisionRatios(budget: number): RevisionSplit[] {
  assertInteger("revisionRatios", "budget", budget, 1, 1e9);
  const table = TABLE_1_SEQUENTIAL[budget];
  if (table !== undefined) return table.map((s) => makeSplit(s, budget / s));
  const lengths = new Set<number>();
  for (let t = 1; t <= budget; t *= 2) {
    if (budget % t === 0) {
      lengths.add(t);
      lengths.add(budget / t);
    }
  }
  return [...lengths].sort((a, b) => a - b).map((s) => makeSplit(s, budget / s));
}

// ---------------------------------------------------------------------------------------------
// Accuracy at a budget split
// ---------------------------------------------------------------------------------------------

/** How the final answer is chosen from the chains. */
export type RevisionSelection = "verifier" | "majority";

/** Options for {@link revisionAccuracy}. */
export interface RevisionAccuracyOptions {
  /** Total attempts per question N, an integer >= 1. */
  budget: number;
  /** Attempts per chain, an integer dividing `budget`; there are budget / sequential chains. */
  sequential: number;
  /** Generator from {@link makeRng}. */
  rng: Rng;
  /** Selection rule: hierarchical verifier or flat majority. @defaultValue "verifier" */
  selection?: RevisionSelection;
  /** Verifier that scores every attempt. @defaultValue {@link DEFAULT_REVISION_VERIFIER} */
  verifier?: RevisionVerifier;
  /** Revision model fields to override. @defaultValue {@link DEFAULT_REVISION_MODEL} */
  model?: Partial<RevisionModel>;
  /** Independent repetitions per question, an integer >= 1. @defaultValue 8 */
  trials?: number;
}

/** Result of {@link revisionAccuracy}. */
export interface RevisionAccuracyResult {
  /** Mean over questions of the per-question success rate. */
  accuracy: number;
  /** Monte Carlo standard error of `accuracy` for this fixed set of questions. */
  standardError: number;
  /** Per-question success rate over the trials, in question order. */
  perQuestion: Float64Array;
  /** Total attempts per question. */
  budget: number;
  /** Attempts per chain. */
  sequential: number;
  /** Number of chains. */
  parallel: number;
  /** Selection rule used. */
  selection: RevisionSelection;
  /** Repetitions per question. */
  trials: number;
}

/**
 * Revision accuracy: the fraction of questions answered correctly when each
 * question's budget of N attempts is spent as N / sequential chains of
 * `sequential` attempts ({@link simulateRevisionChains}) and the final answer
 * is chosen by `selection`. Each question is simulated `trials` times.
 *
 * Standard error, for the fixed questions: with r_i the success rate of
 * question i over T trials, SE = √(Σ_i r_i(1 − r_i)/(T − 1)) / Q (questions
 * are independent; each term is the unbiased variance of a mean of T
 * Bernoulli draws). With T = 1 it falls back to the conservative
 * √(acc(1 − acc)/Q), an upper bound because Σ p_i(1 − p_i) <= Q·p̄(1 − p̄).
 *
 * `perQuestion` keeps the per-question rates, so accuracy by difficulty bin
 * (and compute-optimal choice with cross-validation) can be computed later.
 * Cost: O(Q · budget · trials) draws, at most 1e9.
 *
 * @param questions - a {@link Benchmark} or a non-empty array of questions
 * @param options - {@link RevisionAccuracyOptions}
 * @returns accuracy, its standard error and per-question success rates
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `sequential` does not divide `budget`, a parameter is out of range, or the work exceeds 1e9
 * @example
 * const bench = makeBenchmark();
 * const r = revisionAccuracy(bench, { budget: 128, sequential: 64, rng: makeRng(7) });
 * r.accuracy;      // ≈ 0.83 (64 attempts in each of 2 chains, verifier selection)
 * r.standardError; // ≈ 0.003
 */
export function revisionAccuracy(
  questions: Benchmark | readonly Question[],
  options: RevisionAccuracyOptions,
): RevisionAccuracyResult {
  const fn = "revisionAccuracy";
  const qs = toQuestions(fn, "questions", questions);
  const opts = assertObject(fn, "options", options);
  assertInteger(fn, "options.budget", opts.budget, 1);
  const budget = opts.budget as number;
  assertInteger(fn, "options.sequential", opts.sequential, 1);
  const sequential = opts.sequential as number;
  if (budget % sequential !== 0) {
    rangeError(fn, "options.sequential", `a divisor of options.budget (${budget})`, sequential);
  }
  const selection = opts.selection ?? "verifier";
  assertOneOf(fn, "options.selection", selection, ["verifier", "majority"] as const);
  const trials = opts.trials ?? 8;
  assertInteger(fn, "options.trials", trials, 1);
  assertWork(fn, "questions × options.budget × options.trials", qs.length * budget * (trials as number));
  assertRng(fn, "options.rng", opts.rng);
  const rng = opts.rng;
  const separation = checkVerifier(fn, "options.verifier", opts.verifier);
  const model = checkModel(fn, "options.model", opts.model);
  const parallel = budget / sequential;
  const T = trials as number;

  const prepared = qs.map((q, i) => prepare(fn, `questions[${i}]`, q, model));
  let maxDistractors = 0;
  for (const q of qs) maxDistractors = Math.max(maxDistractors, q.distractors.length);
  const ws = new SelectionWorkspace(maxDistractors + 1);
  const perQuestion = new Float64Array(qs.length);
  for (let i = 0; i < qs.length; i++) {
    const q = prepared[i] as PreparedQuestion;
    let successes = 0;
    for (let t = 0; t < T; t++) {
      runChains(q, parallel, sequential, model, separation, rng, ws);
      const answer = selection === "verifier" ? ws.verifierAnswer() : ws.majorityAnswer();
      if (answer === CORRECT) successes++;
    }
    perQuestion[i] = successes / T;
  }
  const all = allIndices(qs.length);
  return {
    accuracy: meanOver(perQuestion, all),
    standardError: monteCarloStandardError(perQuestion, T, all),
    perQuestion,
    budget,
    sequential,
    parallel,
    selection: selection as RevisionSelection,
    trials: T,
  };
}

// ---------------------------------------------------------------------------------------------
// Latency
// ---------------------------------------------------------------------------------------------

/** Result of {@link revisionLatency}. */
export interface RevisionLatency {
  /** Generations that must run one after another: the chain length. */
  serialDepth: number;
  /** Generations that can run at the same time: the number of chains. */
  concurrency: number;
  /** Total generations: serialDepth · concurrency. */
  samples: number;
}

/**
 * Revision latency: a chain of length L is L generations deep (each revision
 * waits for the previous attempt), while parallel chains run side by side.
 * So `parallel` chains of `sequential` attempts have serial depth
 * `sequential`, concurrency `parallel` and cost `sequential · parallel`
 * samples. All-parallel (sequential = 1) has depth 1, the latency of a single
 * sample. Runs in O(1).
 *
 * @param split - `{ sequential, parallel }`, integers >= 1 (for example from {@link revisionRatios})
 * @returns depth, concurrency and total samples
 * @throws {TypeError} if `split` or a field has the wrong type
 * @throws {RangeError} if a field is not an integer >= 1
 * @example
 * revisionLatency({ sequential: 16, parallel: 8 }); // { serialDepth: 16, concurrency: 8, samples: 128 }
 */
export function revisionLatency(split: { sequential: number; parallel: number }): RevisionLatency {
  const s = assertObject("revisionLatency", "split", split);
  assertInteger("revisionLatency", "split.sequential", s.sequential, 1);
  assertInteger("revisionLatency", "split.parallel", s.parallel, 1);
  const sequential = s.sequential as number;
  const parallel = s.parallel as number;
  return { serialDepth: sequential, concurrency: parallel, samples: sequential * parallel };
}

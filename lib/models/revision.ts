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
 *    (chapter 05's audit of the summary).
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
import { type Benchmark, checkQuestion, type Question, toQuestions } from "./questions";
import {
  assertFinite,
  assertInRange,
  assertInteger,
  assertObject,
  assertProbability,
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

export function checkModel(fn: string, name: string, model: unknown): RevisionModel {
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

export function checkVerifier(fn: string, name: string, verifier: unknown): number {
  if (verifier === undefined) return DEFAULT_REVISION_VERIFIER.separation;
  const v = assertObject(fn, name, verifier);
  assertFinite(fn, `${name}.separation`, v.separation);
  return v.separation as number;
}

/** Cumulative distractor weights of a question (positive total required). */
export function cumulativeDistractors(fn: string, name: string, question: Question): Float64Array {
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

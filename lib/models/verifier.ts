/**
 * Verifiers: a score model for the outcome / process reward model (ORM /
 * PRM) that picks among sampled answers, and what it implies for best-of-N.
 *
 * The model (our modelling choice, in the spirit of signal-detection
 * theory): every sample gets a real-valued score on a logit-like line,
 *
 *     score = b_q + d·1{judged correct} + pull·1{answer is the top distractor} + Z,   Z ~ Normal(0, 1)
 *
 * - `separation` d ≥ 0: how far correct answers stand out. A correct sample
 *   scores ~ Normal(d, 1), a wrong one ~ Normal(0, 1); the chance that a random
 *   correct sample outscores a random wrong one (the verifier's AUC) is
 *   Φ(d/√2) ({@link verifierAuc}). d = 0 is a random verifier.
 * - `labelNoise` η ∈ [0, 0.5] (a noisy verifier): with probability η the
 *   verifier's notion of correct/wrong is flipped for a sample, so a correct
 *   sample scores like a wrong one and vice versa ("judged correct" above is
 *   the possibly flipped label). η = 0.5 makes the verifier random.
 * - `distractorPull`: extra mean score for the question's most common wrong
 *   answer, so a fooled verifier can prefer the plausible wrong answer.
 * - `questionBiasSd`: a per-question offset b_q ~ Normal(0, sd²) added to all
 *   scores of a question. It never changes which sample of a question scores
 *   highest, but it does change comparisons across questions (predicted
 *   difficulty) and the weights of weighted voting after the logistic map.
 *
 * Exact results: {@link bestOfNAccuracy} (one-dimensional quadrature) and its
 * n → ∞ limit {@link bestOfNLimit}. Monte Carlo: {@link simulateBestOfN},
 * {@link simulateBestOfNBenchmark} and the raw benchmark kernel
 * {@link bestOfNKernel}, which reads every N = 1…nMax off one pass of prefix
 * maxima.
 * @packageDocumentation
 */
import { checkQuestion, DEFAULT_DISTRACTORS, type Question } from "./questions";
import { assertRng, type Rng } from "../base/random";
import { integrate, normalCdfUnchecked, normalPdfUnchecked, normalQuantile } from "../base/special";
import {
  assertArray,
  assertFinite,
  assertInRange,
  assertInteger,
  assertNonNegative,
  assertNumberArray,
  assertProbability,
  assertSeed,
  assertWork,
  rangeError,
  typeError,
} from "../base/validate";
import {
  checkScoreParameters,
  checkVerifier,
  probabilityScoreUnchecked,
  questionBiasUnchecked,
  scoreInto,
  topDistractor,
  type ScoreParameters,
} from "./score-model";

import type { Verifier } from "./score-model";

export type { Verifier };

// ---------------------------------------------------------------------------------------------
// The verifier description

/** Options for {@link makeVerifier}: the parameters of the score model. */
export interface VerifierOptions {
  /**
   * Separation d ≥ 0 (finite): correct samples score ~ Normal(d, 1), wrong
   * ones ~ Normal(0, 1). d = 0 is a random verifier; d ≈ 1 gives AUC 0.76,
   * d ≈ 2 gives AUC 0.92.
   */
  separation: number;
  /**
   * Standard deviation of the per-question offset added to every score of a
   * question. @defaultValue 0
   */
  questionBiasSd?: number;
  /**
   * Probability in [0, 0.5] that the verifier's correct/wrong judgement of a
   * sample is flipped. @defaultValue 0
   */
  labelNoise?: number;
  /**
   * Extra mean score (finite, any sign) for the most common wrong answer of
   * a question. @defaultValue 0
   */
  distractorPull?: number;
  /**
   * Seed for the per-question offsets: question `id` always gets the same
   * offset from the same verifier. @defaultValue "verifier"
   */
  seed?: string | number;
}

/**
 * Makes a verifier: the score model's parameters, validated, with defaults
 * filled in, frozen so an experiment cannot change it half-way.
 *
 * @param options - {@link VerifierOptions}; `separation` is required
 * @returns a frozen {@link Verifier}
 * @throws {TypeError} if `options` or a field has the wrong type
 * @throws {RangeError} if `separation` or `questionBiasSd` is negative or not
 *   finite, `labelNoise` is outside [0, 0.5], `distractorPull` is not finite,
 *   or `seed` is NaN or ±Infinity
 * @example
 * const v = makeVerifier({ separation: 1.5, labelNoise: 0.1 });
 * v.distractorPull; // 0
 * v.seed;           // "verifier"
 */
export function makeVerifier(options: VerifierOptions): Verifier {
  const params = checkScoreParameters("makeVerifier", "options", options);
  const seed = (options as { seed?: unknown }).seed ?? "verifier";
  assertSeed("makeVerifier", "options.seed", seed);
  return Object.freeze({ ...params, seed: String(seed) });
}

/**
 * Verifier AUC: the probability that a random correct sample outscores a
 * random wrong one, Φ(d/√2), since the difference of the two scores is
 * Normal(d, 2). (For the pure model: no label noise or distractor pull.)
 * O(1).
 *
 * @param separation - d, a finite number >= 0
 * @returns the AUC, in [0.5, 1)
 * @throws {TypeError} if `separation` is not a number
 * @throws {RangeError} if `separation` is negative or not finite
 * @example
 * verifierAuc(0); // 0.5
 * verifierAuc(1); // 0.7602499389065233
 */
export function verifierAuc(separation: number): number {
  assertNonNegative("verifierAuc", "separation", separation);
  return normalCdfUnchecked(separation / Math.SQRT2);
}

/**
 * Separation for a target AUC: the inverse of {@link verifierAuc},
 * d = √2·Φ⁻¹(auc). O(1).
 *
 * @param auc - target AUC, in [0.5, 1)
 * @returns the separation d >= 0
 * @throws {TypeError} if `auc` is not a number
 * @throws {RangeError} if `auc` is outside [0.5, 1)
 * @example
 * separationForAuc(0.5);  // 0
 * separationForAuc(0.76); // 0.9988626635073273
 */
export function separationForAuc(auc: number): number {
  assertInRange("separationForAuc", "auc", auc, 0.5, 1, { hi: true });
  return Math.max(0, Math.SQRT2 * normalQuantile(auc));
}

/**
 * Logistic map s ↦ 1/(1 + e^(−s)): turns a raw score (logit-like line) into a
 * probability-scale score in (0, 1), as a PRM reports and as weighted voting
 * and "prod" step aggregation need. O(1).
 *
 * @param score - a raw score, a finite number
 * @returns the probability-scale score, in (0, 1) (0 or 1 only by rounding for |score| > 36)
 * @throws {TypeError} if `score` is not a number
 * @throws {RangeError} if `score` is not finite
 * @example
 * toProbabilityScore(0); // 0.5
 * toProbabilityScore(2); // 0.8807970779778823
 */
export function toProbabilityScore(score: number): number {
  assertFinite("toProbabilityScore", "score", score);
  return probabilityScoreUnchecked(score);
}

/**
 * {@link toProbabilityScore} applied to every element. O(length).
 *
 * @param scores - raw scores, a non-empty array of finite numbers
 * @returns probability-scale scores, a new Float64Array
 * @throws {TypeError} if `scores` is not an array of numbers
 * @throws {RangeError} if `scores` is empty or holds a non-finite value
 * @example
 * toProbabilityScores([0, 2]); // Float64Array [0.5, 0.8807970779778823]
 */
export function toProbabilityScores(scores: ArrayLike<number>): Float64Array {
  assertNumberArray("toProbabilityScores", "scores", scores, "finite");
  return Float64Array.from(scores, probabilityScoreUnchecked);
}

// ---------------------------------------------------------------------------------------------
// Scoring concrete answers

/**
 * The per-question offset b_q of `verifier` on `question`: a Normal(0,
 * questionBiasSd²) draw determined by the verifier's seed and the question's
 * id, so the same question always gets the same offset (questions with equal
 * ids share it). O(1).
 *
 * @param verifier - a {@link Verifier}
 * @param question - a {@link Question}
 * @returns the offset (0 when questionBiasSd = 0)
 * @throws {TypeError} if an argument is malformed
 * @throws {RangeError} if a field is out of range
 * @example
 * questionBias(makeVerifier({ separation: 1 }), makeQuestion(0.5)); // 0
 */
export function questionBias(verifier: Verifier, question: Question): number {
  checkVerifier("questionBias", "verifier", verifier);
  checkQuestion("questionBias", "question", question);
  return questionBiasUnchecked(verifier, question);
}

/**
 * Scores sampled answers with the verifier: one raw score per sample, on a
 * logit-like real line (use {@link toProbabilityScore} for the (0, 1)
 * scale). Sample i gets b_q + d·1{judged correct} + pull·1{answer is the most
 * common wrong answer} + Z_i with Z_i ~ Normal(0, 1) independent, where the
 * judgement is the truth flipped with probability `labelNoise` and b_q is
 * {@link questionBias}. O(answers.length).
 *
 * @param answers - answer ids as made by {@link sampleAnswers}: 0 = correct,
 *   j ≥ 1 = distractor j (integers in [0, question.distractors.length])
 * @param question - the {@link Question} the answers belong to
 * @param verifier - a {@link Verifier}
 * @param rng - a generator from {@link makeRng}
 * @returns raw scores, a Float64Array aligned with `answers`
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `answers` is empty or holds an id outside the question's answers
 * @example
 * const q = makeQuestion(0.5);
 * const rng = makeRng(1);
 * scoreAnswers(sampleAnswers(q, 4, rng), q, makeVerifier({ separation: 2 }), rng);
 * // Float64Array [2.7316…, 1.0869…, 1.2144…, 2.2745…]
 */
export function scoreAnswers(
  answers: ArrayLike<number>,
  question: Question,
  verifier: Verifier,
  rng: Rng,
): Float64Array {
  const fn = "scoreAnswers";
  checkQuestion(fn, "question", question);
  assertNumberArray(fn, "answers", answers, "nonNegativeInteger");
  const k = question.distractors.length;
  for (let i = 0; i < answers.length; i++) {
    if ((answers[i] as number) > k) {
      rangeError(
        fn,
        `answers[${i}]`,
        `an answer id in [0, ${k}] (0 = correct, 1..${k} = distractors)`,
        answers[i],
      );
    }
  }
  assertWork(fn, "answers.length", answers.length);
  checkVerifier(fn, "verifier", verifier);
  assertRng(fn, "rng", rng);
  const params = checkScoreParameters(fn, "verifier", verifier);
  const out = new Float64Array(answers.length);
  return scoreInto(
    out,
    answers,
    questionBiasUnchecked(verifier, question),
    topDistractor(question),
    params,
    rng,
  );
}

// ---------------------------------------------------------------------------------------------
// Exact best-of-N

/**
 * Options for the exact and simulated best-of-N functions: the score model
 * (a {@link Verifier} works too) plus the share of wrong samples on the most
 * common wrong answer, which matters only when `distractorPull` ≠ 0.
 */
export interface BestOfNOptions extends VerifierOptions {
  /**
   * Probability in [0, 1] that a wrong sample is the question's most common
   * wrong answer (the first distractor weight). @defaultValue 0.5 (the first
   * of {@link DEFAULT_DISTRACTORS})
   */
  topDistractorShare?: number;
}

/** One component of the score mixture: weight, mean, and whether it is a correct answer. */
interface Component {
  weight: number;
  mean: number;
  correct: boolean;
}

interface CheckedBestOfN extends ScoreParameters {
  share: number;
}

function checkBestOfNOptions(fn: string, options: unknown): CheckedBestOfN {
  const params = checkScoreParameters(fn, "options", options);
  const o = options as Record<string, unknown>;
  const share = o.topDistractorShare ?? (DEFAULT_DISTRACTORS[0] as number);
  assertProbability(fn, "options.topDistractorShare", share);
  return { ...params, share };
}

/**
 * The score law of one sample as a mixture of unit-variance normals, split
 * by (truth, judgement, is-top-distractor). Zero-weight parts are dropped.
 */
function scoreMixture(p: number, m: CheckedBestOfN): Component[] {
  const d = m.separation;
  const eta = m.labelNoise;
  const pull = m.distractorPull;
  const q = 1 - p;
  const s = m.share;
  const parts: Component[] = [
    { weight: p * (1 - eta), mean: d, correct: true },
    { weight: p * eta, mean: 0, correct: true },
    { weight: q * s * (1 - eta), mean: pull, correct: false },
    { weight: q * s * eta, mean: d + pull, correct: false },
    { weight: q * (1 - s) * (1 - eta), mean: 0, correct: false },
    { weight: q * (1 - s) * eta, mean: d, correct: false },
  ];
  return parts.filter((c) => c.weight > 0);
}

/**
 * n·∫ f_c(x)·G(x)^(n−1) dx for a normal mixture, by Gauss–Kronrod over
 * short pieces of a window that holds all but 1e-17 of the maximum's law.
 */
function bestOfNQuadrature(parts: Component[], n: number): number {
  // Distinct means with their total weight (for G), and the correct parts (for f_c).
  const cdfMeans: number[] = [];
  const cdfWeights: number[] = [];
  for (const c of parts) {
    const at = cdfMeans.indexOf(c.mean);
    if (at >= 0) cdfWeights[at] = (cdfWeights[at] as number) + c.weight;
    else {
      cdfMeans.push(c.mean);
      cdfWeights.push(c.weight);
    }
  }
  const correctParts = parts.filter((c) => c.correct);
  const m = cdfMeans.length;
  // log G(x), accurate in both tails: each part contributes its small tail t
  // exactly, and whichever of G = Σ w·Φ(x − μ) or S = 1 − G is smaller is
  // summed from positive terms.
  const logCdf = (x: number): number => {
    let g = 0;
    let s = 0;
    for (let k = 0; k < m; k++) {
      const z = x - (cdfMeans[k] as number);
      const w = cdfWeights[k] as number;
      const t = normalCdfUnchecked(-Math.abs(z));
      if (z < 0) {
        g += w * t;
        s += w * (1 - t);
      } else {
        g += w * (1 - t);
        s += w * t;
      }
    }
    return g < 0.5 ? Math.log(g) : Math.log1p(-s);
  };
  const integrand = (x: number): number => {
    let fc = 0;
    for (const c of correctParts) fc += c.weight * normalPdfUnchecked(x - c.mean);
    if (fc === 0) return 0;
    return n * fc * Math.exp((n - 1) * logCdf(x));
  };
  // Window: below xLo the maximum lies with probability G(xLo)^n <= 1e-17,
  // above xHi with probability 1 − G(xHi)^n <= 1e-17; the integrand is
  // at most the maximum's density, so the cut-off mass is < 2e-17.
  const eps = 1e-17;
  const lnEps = Math.log(eps);
  let lo = Math.min(...cdfMeans) - 15;
  let hi = Math.max(...cdfMeans) + 15;
  const bisect = (target: (x: number) => boolean): number => {
    // Smallest x in [lo, hi] with target(x) true (target is monotone).
    let a = lo;
    let b = hi;
    for (let i = 0; i < 80 && b - a > 1e-9; i++) {
      const mid = 0.5 * (a + b);
      if (target(mid)) b = mid;
      else a = mid;
    }
    return b;
  };
  const xLo = bisect((x) => n * logCdf(x) > lnEps) - 1e-6;
  const xHi = bisect((x) => -Math.expm1(n * logCdf(x)) <= eps);
  lo = xLo;
  hi = Math.max(xHi, xLo + 1e-6);
  // Pieces of width <= 0.25: the maximum's density is never narrower than
  // about 0.1 for n <= 1e12, so no bump can hide between the 15 nodes.
  const pieces = Math.max(1, Math.ceil((hi - lo) / 0.25));
  const width = (hi - lo) / pieces;
  let total = 0;
  for (let i = 0; i < pieces; i++) {
    const a = lo + i * width;
    const b = i === pieces - 1 ? hi : a + width;
    total += integrate(integrand, a, b, { tolerance: 1e-15, maxIntervals: 200 }).value;
  }
  return Math.min(1, Math.max(0, total));
}

/**
 * Exact best-of-N accuracy: the probability that the top-scored of `n`
 * independent samples is correct, when each is correct with probability
 * `p` and scored by the verifier model. With f_c the density of a correct
 * sample's score and G the distribution function of any sample's score,
 *
 *     acc(n) = n·p·∫ f_c(x)·G(x)^(n−1) dx
 *
 * (pure model: f_c(x) = φ(x − d), G(x) = p·Φ(x − d) + (1 − p)·Φ(x)). Label
 * noise makes f_c and G normal mixtures — correct samples follow
 * (1−η)N(d,1) + ηN(0,1), wrong ones (1−η)N(0,1) + ηN(d,1) — and the
 * distractor pull adds the top-distractor parts; the integral stays
 * one-dimensional. The per-question offset does not matter (it shifts every
 * sample of a question alike).
 *
 * Computed by adaptive Gauss–Kronrod quadrature over pieces of width 0.25
 * covering the window that holds all but 2e-17 of the maximum's law;
 * absolute error below 1e-12 in tests against Simpson sums and closed forms
 * for n up to 1e6. Cost: a few hundred to a few thousand integrand
 * evaluations (about 0.1–1 ms). Exact shortcuts: n = 1 or p ∈ {0, 1} give p;
 * d = 0 without pull gives p (a random verifier).
 *
 * Checks: d = 0 ⇒ p; d → ∞ ⇒ coverage 1 − (1 − p)^n (perfect verifier);
 * n = 2 ⇒ p² + 2p(1 − p)·Φ(d/√2).
 *
 * @param p - per-sample probability of a correct answer, in [0, 1]
 * @param n - number of samples, an integer in [1, 1e12]
 * @param options - the score model ({@link BestOfNOptions}; a {@link Verifier} works)
 * @returns the probability that best-of-n returns a correct answer, in [0, 1]
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of its domain
 * @example
 * bestOfNAccuracy(0.3, 1, { separation: 1 });   // 0.3
 * bestOfNAccuracy(0.3, 2, { separation: 1 });   // 0.40930497434074 = 0.09 + 0.42·Φ(1/√2)
 * bestOfNAccuracy(0.3, 16, { separation: 1 });  // 0.7002 (coverage would be 0.9967)
 * bestOfNAccuracy(0.3, 16, { separation: 40 }); // 0.9966767069430368 ≈ coverage(0.3, 16)
 */
export function bestOfNAccuracy(p: number, n: number, options: BestOfNOptions): number {
  const fn = "bestOfNAccuracy";
  assertProbability(fn, "p", p);
  assertInteger(fn, "n", n, 1, 1e12);
  const m = checkBestOfNOptions(fn, options);
  return bestOfNAccuracyUnchecked(p, n, m);
}

function bestOfNAccuracyUnchecked(p: number, n: number, m: CheckedBestOfN): number {
  if (n === 1 || p === 0 || p === 1) return p;
  const parts = scoreMixture(p, m);
  const allSame = parts.every((c) => c.mean === (parts[0] as Component).mean);
  if (allSame) return p; // every sample has the same score law: the top one is a random sample
  return bestOfNQuadrature(parts, n);
}

/**
 * Best-of-N accuracy as n → ∞. The top score grows without bound, and the
 * chance that the sample holding it is correct tends to the posterior
 * P(correct | score = x) as x → ∞. With unit-variance normal parts, the part
 * with the largest mean dominates the far tail, so
 *
 *     limit = (weight of correct parts with the largest mean) / (weight of all parts with that mean).
 *
 * What this means:
 * - Pure model, p > 0, d > 0: the limit is **1**. Nothing plateaus, but the
 *   climb is slower than any power of n: the top score grows like √(2 ln n),
 *   and the error falls roughly like e^(−d·√(2 ln n)) (p = 0.1, d = 1:
 *   0.3371 at n = 16, 0.6046 at n = 256, 0.9352 at n = 1e6, 0.9938 at n = 1e12).
 * - d = 0 (without pull): p for every n.
 * - Label noise η ∈ (0, 0.5], no pull: p(1 − η) / (p(1 − η) + (1 − p)η), the
 *   share of truly correct samples among those the verifier judges correct —
 *   a plateau below 1 (p = 0.1, η = 0.1: 0.5).
 * - Pull > 0 together with η > 0: the flipped top distractor scores d + pull,
 *   the highest mean of all, so the limit is **0**: best-of-N eventually falls
 *   (the Goodhart-style decline the ICLR App. G.2 reports for a plain ORM).
 *   With η = 0: 0 if pull > d, p / (p + (1 − p)·share) if pull = d, 1 if pull < d.
 * O(1).
 *
 * @param p - per-sample probability of a correct answer, in [0, 1]
 * @param options - the score model ({@link BestOfNOptions}; a {@link Verifier} works)
 * @returns lim_{n→∞} bestOfNAccuracy(p, n, options), in [0, 1]
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of its domain
 * @example
 * bestOfNLimit(0.1, { separation: 1 });                   // 1
 * bestOfNLimit(0.1, { separation: 1, labelNoise: 0.1 });  // 0.5
 * bestOfNLimit(0.1, { separation: 0 });                   // 0.1
 */
export function bestOfNLimit(p: number, options: BestOfNOptions): number {
  const fn = "bestOfNLimit";
  assertProbability(fn, "p", p);
  const m = checkBestOfNOptions(fn, options);
  if (p === 0 || p === 1) return p;
  const parts = scoreMixture(p, m);
  let top = -Infinity;
  for (const c of parts) top = Math.max(top, c.mean);
  let correct = 0;
  let all = 0;
  for (const c of parts) {
    if (c.mean !== top) continue;
    all += c.weight;
    if (c.correct) correct += c.weight;
  }
  return correct / all;
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo best-of-N from prefix maxima

/**
 * The simulation core: for each question and trial, draw nMax samples once
 * and, after each sample, add 1 to hits[n − 1] if the running top-scored
 * sample is correct. No allocation inside the loops.
 */
function prefixMaxCore(
  ps: ArrayLike<number>,
  trials: number,
  nMax: number,
  m: CheckedBestOfN,
  rng: Rng,
  hits: Float64Array,
): void {
  const d = m.separation;
  const eta = m.labelNoise;
  const pull = m.distractorPull;
  const share = m.share;
  const pure = eta === 0 && pull === 0;
  for (let q = 0; q < ps.length; q++) {
    const p = ps[q] as number;
    for (let t = 0; t < trials; t++) {
      let best = -Infinity;
      let bestCorrect = 0;
      for (let i = 0; i < nMax; i++) {
        const correct = rng.next() < p;
        let score: number;
        if (pure) {
          score = rng.normal() + (correct ? d : 0);
        } else {
          let judged = correct;
          if (eta > 0 && rng.next() < eta) judged = !judged;
          score = rng.normal() + (judged ? d : 0);
          if (!correct && pull !== 0 && rng.next() < share) score += pull;
        }
        if (score > best) {
          best = score;
          bestCorrect = correct ? 1 : 0;
        }
        hits[i] = (hits[i] as number) + bestCorrect;
      }
    }
  }
}

/**
 * The raw benchmark kernel: best-of-n accuracy for every n = 1…nMax,
 * averaged over questions, with one trial per question and the pure score
 * model (correct ~ Normal(d, 1), wrong ~ Normal(0, 1)). Each question draws
 * nMax samples once (a uniform for correctness, a ziggurat normal for the
 * score); accuracy at n uses the first n, read off the running maximum in
 * the same pass. Typed arrays only, no allocation in the loop.
 * Cost: O(ps.length · nMax); 10,000 × 256 takes about 40–70 ms in Node on
 * the project's 2-core machine (`scripts/bench.js` times it).
 *
 * @param ps - per-question probabilities of a correct sample, each in [0, 1]
 * @param nMax - largest n, an integer >= 1
 * @param separation - d, a finite number >= 0
 * @param rng - a generator from {@link makeRng}
 * @returns a Float64Array of length nMax whose entry n − 1 is the accuracy at n
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of its domain or ps.length·nMax > 1e9
 * @example
 * const ps = new Float64Array(10000).fill(0.3);
 * bestOfNKernel(ps, 256, 1, makeRng("bench"))[0]; // 0.2977 (n = 1; exact 0.3)
 */
export function bestOfNKernel(ps: Float64Array, nMax: number, separation: number, rng: Rng): Float64Array {
  const fn = "bestOfNKernel";
  if (!(ps instanceof Float64Array)) typeError(fn, "ps", "a Float64Array", ps);
  assertNumberArray(fn, "ps", ps, "probability");
  assertInteger(fn, "nMax", nMax, 1);
  assertNonNegative(fn, "separation", separation);
  assertRng(fn, "rng", rng);
  assertWork(fn, "ps.length × nMax", ps.length * nMax);
  const hits = new Float64Array(nMax);
  prefixMaxCore(
    ps,
    1,
    nMax,
    { separation, labelNoise: 0, distractorPull: 0, questionBiasSd: 0, share: 0 },
    rng,
    hits,
  );
  for (let i = 0; i < nMax; i++) hits[i] = (hits[i] as number) / ps.length;
  return hits;
}

/** Options for {@link simulateBestOfN} and {@link simulateBestOfNBenchmark}. */
export interface SimulateBestOfNOptions extends BestOfNOptions {
  /** The generator (required). */
  rng: Rng;
  /**
   * Independent repetitions per question (each draws nMax fresh samples).
   * @defaultValue 10000 in {@link simulateBestOfN}, 1 in {@link simulateBestOfNBenchmark}
   */
  trials?: number;
}

/** Result of {@link simulateBestOfN} and {@link simulateBestOfNBenchmark}. */
export interface BestOfNSimulation {
  /** The sample counts 1…nMax. */
  n: Int32Array;
  /** Estimated best-of-n accuracy; entry i is for n = i + 1. */
  accuracy: Float64Array;
  /**
   * Standard error of each estimate, √(a(1 − a)/draws). For several
   * questions this is the standard error of a mean over questions drawn at
   * random from a population; for the fixed questions given it is an upper
   * bound (the within-question variance is at most a(1 − a)).
   */
  standardError: Float64Array;
  /** Number of (question, trial) draws each estimate averages. */
  draws: number;
}

function simulate(
  fn: string,
  ps: ArrayLike<number>,
  nMax: number,
  options: unknown,
  defaultTrials: number,
): BestOfNSimulation {
  const m = checkBestOfNOptions(fn, options);
  const o = options as Record<string, unknown>;
  assertRng(fn, "options.rng", o.rng);
  const trials = o.trials ?? defaultTrials;
  assertInteger(fn, "options.trials", trials, 1);
  assertWork(fn, "questions × options.trials × nMax", ps.length * trials * nMax);
  const hits = new Float64Array(nMax);
  prefixMaxCore(ps, trials, nMax, m, o.rng, hits);
  const draws = ps.length * trials;
  const accuracy = new Float64Array(nMax);
  const standardError = new Float64Array(nMax);
  const n = new Int32Array(nMax);
  for (let i = 0; i < nMax; i++) {
    const a = (hits[i] as number) / draws;
    accuracy[i] = a;
    standardError[i] = Math.sqrt((a * (1 - a)) / draws);
    n[i] = i + 1;
  }
  return { n, accuracy, standardError, draws };
}

/**
 * Monte Carlo best-of-n accuracy for every n = 1…nMax at once: each trial
 * draws nMax samples (correct with probability p, scored by the verifier
 * model) and accuracy at n is read from the running top score of the first
 * n. The curve is therefore correlated across n (common random numbers),
 * which makes differences between n sharper. Cost: O(trials · nMax).
 *
 * @param p - per-sample probability of a correct answer, in [0, 1]
 * @param nMax - largest n, an integer >= 1
 * @param options - {@link SimulateBestOfNOptions} (score model, `rng`, `trials`)
 * @returns accuracy and standard error per n ({@link BestOfNSimulation})
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of its domain or trials·nMax > 1e9
 * @example
 * const sim = simulateBestOfN(0.3, 16, { separation: 1, trials: 20000, rng: makeRng(7) });
 * sim.accuracy[15];      // 0.7043 (exact: bestOfNAccuracy(0.3, 16, { separation: 1 }) = 0.7002)
 * sim.standardError[15]; // 0.0032
 */
export function simulateBestOfN(p: number, nMax: number, options: SimulateBestOfNOptions): BestOfNSimulation {
  const fn = "simulateBestOfN";
  assertProbability(fn, "p", p);
  assertInteger(fn, "nMax", nMax, 1);
  return simulate(fn, [p], nMax, options, 10000);
}

/**
 * Monte Carlo best-of-n accuracy averaged over a set of questions with
 * different p (one entry of `ps` per question, `trials` repetitions each),
 * for every n = 1…nMax from prefix maxima — the "10,000 questions × 256
 * samples" benchmark. Cost: O(ps.length · trials · nMax).
 *
 * @param ps - per-question probabilities, a non-empty array of numbers in [0, 1]
 * @param nMax - largest n, an integer >= 1
 * @param options - {@link SimulateBestOfNOptions} (`trials` defaults to 1 here)
 * @returns accuracy and standard error per n ({@link BestOfNSimulation})
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of its domain or the work exceeds 1e9
 * @example
 * const ps = passRates(makeBenchmark({ seed: 1 }));
 * simulateBestOfNBenchmark(ps, 64, { separation: 1.5, trials: 4, rng: makeRng(2) }).accuracy[63]; // 0.797
 */
export function simulateBestOfNBenchmark(
  ps: ArrayLike<number>,
  nMax: number,
  options: SimulateBestOfNOptions,
): BestOfNSimulation {
  const fn = "simulateBestOfNBenchmark";
  assertArray(fn, "ps", ps);
  assertNumberArray(fn, "ps", ps, "probability");
  assertInteger(fn, "nMax", nMax, 1);
  return simulate(fn, ps, nMax, options, 1);
}

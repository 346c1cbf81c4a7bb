/**
 * Coverage and pass@k: how likely it is that at least one of several
 * samples is correct, and how to estimate that from a finite sample.
 *
 * - {@link coverage}: 1 − (1 − p)^n for one question with per-sample
 *   success probability p (the perfect-verifier ceiling on best-of-n).
 * - {@link passAtK}: the unbiased estimator of Chen et al. (2021), and
 *   {@link passAtKPlugIn}, the biased plug-in it replaces.
 * - {@link samplesForCoverage}: the smallest n that reaches a target.
 * - {@link expectedCoverage}: coverage averaged over a Beta prior on p, in
 *   closed form — why aggregate coverage grows like a power law rather than
 *   exponentially.
 * - {@link coverageLaw} and {@link fitCoverageLaw}: the Large Language
 *   Monkeys scaling law c ≈ exp(a·k^b) (Brown et al. 2024).
 * @packageDocumentation
 */

import {
  assertBoolean,
  assertFinite,
  assertInteger,
  assertNumberArray,
  assertObject,
  assertOptions,
  assertPositive,
  assertProbability,
  assertSameLength,
  assertWork,
  rangeError,
} from "../base/validate";

// ---------------------------------------------------------------------------------------------
// Coverage of one question

/**
 * Coverage: the probability that at least one of `n` independent samples is
 * correct, when each sample is correct with probability `p`.
 *
 * This is the ceiling on best-of-n accuracy: a perfect verifier picks a
 * correct sample exactly when one exists. The closed form 1 − (1 − p)^n is
 * evaluated as −expm1(n·log1p(−p)), so a tiny `p` keeps its digits
 * (naively, 1 − (1 − 1e-12)^1000 keeps only about five correct digits).
 * Runs in O(1).
 *
 * @param p - per-sample success probability, in [0, 1]
 * @param n - number of samples, an integer >= 1
 * @returns probability that at least one sample is correct, in [0, 1]
 * @throws {TypeError} if `p` or `n` is not a number
 * @throws {RangeError} if `p` is outside [0, 1] or NaN, or `n` is not an integer >= 1
 *
 * @example
 * coverage(0.1, 10);     // 0.6513215599000001
 * coverage(1e-12, 1000); // 9.999999995005e-10, not 0
 */
export function coverage(p: number, n: number): number {
  assertProbability("coverage", "p", p);
  assertInteger("coverage", "n", n);
  return coverageUnchecked(p, n);
}

/**
 * Coverage curve: {@link coverage} at each sample count in `ns`, for one
 * question with per-sample success probability `p`. Handy for charts.
 * Runs in O(ns.length).
 *
 * @param p - per-sample success probability, in [0, 1]
 * @param ns - sample counts, each an integer >= 1 (a non-empty array)
 * @returns `coverage(p, ns[i])` for each i, as a plain array
 * @throws {TypeError} if `p` is not a number or `ns` is not an array of numbers
 * @throws {RangeError} if `p` is outside [0, 1], `ns` is empty, or an element is not an integer >= 1
 * @example
 * coverageCurve(0.5, [1, 2, 3]); // [0.5, 0.75, 0.875]
 */
export function coverageCurve(p: number, ns: ArrayLike<number>): number[] {
  assertProbability("coverageCurve", "p", p);
  assertIntegerArray("coverageCurve", "ns", ns);
  return Array.from(ns, (n) => coverageUnchecked(p, n));
}

/**
 * Samples needed for a coverage target: the smallest n >= 1 with
 * coverage(p, n) >= target.
 *
 * From (1 − p)^n <= 1 − target, the answer is
 * ⌈log(1 − target) / log(1 − p)⌉; because that ratio is computed in
 * floating point, the function then checks the neighbours with
 * {@link coverage} itself, so the returned n is exactly the smallest one
 * for which `coverage(p, n) >= target` (for answers up to 2^53). O(1).
 *
 * Edge cases (decided, not accidental):
 * - `target = 0`, or `p = 1`: one sample suffices, returns 1.
 * - `p = 0` (and `target > 0`): no number of samples ever succeeds, returns
 *   `Infinity`.
 * - `target = 1` (and `p < 1`): coverage approaches 1 but never reaches it,
 *   returns `Infinity`. (In floating point coverage rounds to 1 eventually;
 *   the mathematical answer is returned instead.)
 * Returning `Infinity` rather than throwing keeps tables and charts over a
 * grid of targets working.
 *
 * @param p - per-sample success probability, in [0, 1]
 * @param target - coverage to reach, in [0, 1]
 * @returns the smallest sample count, an integer >= 1, or `Infinity`
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if an argument is outside [0, 1] or NaN
 * @example
 * samplesForCoverage(0.5, 0.95); // 5
 * samplesForCoverage(0.1, 0.95); // 29
 * samplesForCoverage(0, 0.5);    // Infinity
 */
export function samplesForCoverage(p: number, target: number): number {
  assertProbability("samplesForCoverage", "p", p);
  assertProbability("samplesForCoverage", "target", target);
  if (target === 0 || p === 1) return 1;
  if (p === 0 || target === 1) return Infinity;
  let n = Math.max(1, Math.ceil(Math.log1p(-target) / Math.log1p(-p)));
  if (!(n < Number.MAX_SAFE_INTEGER)) return n; // neighbours are indistinguishable up here
  while (n > 1 && coverageUnchecked(p, n - 1) >= target) n--;
  while (coverageUnchecked(p, n) < target) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// pass@k from n samples with c correct

/**
 * Unbiased pass@k (Chen et al. 2021, "Evaluating Large Language Models
 * Trained on Code"): from `n` samples of which `c` are correct, an unbiased
 * estimate of the probability that `k` fresh samples contain a correct one,
 *
 *     pass@k = 1 − C(n − c, k) / C(n, k).
 *
 * It is evaluated in the stable product form of the reference code
 * (`human_eval/evaluation.py`): 1 if n − c < k, otherwise
 * 1 − Π_{i = n−c+1..n} (1 − k/i). The same ratio also equals
 * Π_{j = 0..k−1} (1 − c/(n − j)); the function uses whichever product has
 * fewer factors, and sums logarithms with log1p and finishes with expm1, so
 * tiny estimates keep their relative precision. Cost O(min(c, k)).
 *
 * Averaged over c ~ Binomial(n, p), it equals coverage(p, k) exactly; the
 * plug-in {@link passAtKPlugIn} does not.
 *
 * @param n - number of samples drawn, an integer >= 1
 * @param c - number of correct samples, an integer in [0, n]
 * @param k - the k in pass@k, an integer in [1, n]
 * @returns the estimate, in [0, 1]
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if an argument is not an integer in its range
 * @example
 * passAtK(5, 2, 3);  // 0.9
 * passAtK(10, 3, 5); // 0.9166666666666666 (= 1 − 21/252)
 * passAtK(10, 3, 1); // 0.3 (= c/n)
 */
export function passAtK(n: number, c: number, k: number): number {
  assertInteger("passAtK", "n", n, 1);
  assertInteger("passAtK", "c", c, 0, n, `n = ${n}`);
  assertInteger("passAtK", "k", k, 1, n, `n = ${n}`);
  assertWork("passAtK", "min(c, k)", Math.min(c, k));
  return passAtKUnchecked(n, c, k);
}

/**
 * Plug-in pass@k: 1 − (1 − c/n)^k, i.e. {@link coverage} at the observed
 * success rate c/n. It is biased low — by Jensen's inequality (1 − p)^k is
 * convex in p, and in fact it never exceeds the unbiased {@link passAtK}
 * for the same (n, c, k) — which is why Chen et al. (2021) replaced it.
 * Kept for comparison. O(1).
 *
 * @param n - number of samples drawn, an integer >= 1
 * @param c - number of correct samples, an integer in [0, n]
 * @param k - the k in pass@k, an integer >= 1 (may exceed n: the plug-in extrapolates)
 * @returns the plug-in estimate, in [0, 1]
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if an argument is not an integer in its range
 * @example
 * passAtKPlugIn(5, 2, 3); // 0.784 (the unbiased estimate is 0.9)
 */
export function passAtKPlugIn(n: number, c: number, k: number): number {
  assertInteger("passAtKPlugIn", "n", n, 1);
  assertInteger("passAtKPlugIn", "c", c, 0, n, `n = ${n}`);
  assertInteger("passAtKPlugIn", "k", k, 1);
  return coverageUnchecked(c / n, k);
}

// ---------------------------------------------------------------------------------------------
// Coverage averaged over a Beta prior on p

/** A Beta(alpha, beta) distribution of per-question pass@1. */
export interface BetaPrior {
  /** First shape parameter, > 0 (pulls mass towards p = 1). */
  alpha: number;
  /** Second shape parameter, > 0 (pulls mass towards p = 0). */
  beta: number;
}

function checkPrior(fn: string, prior: unknown): BetaPrior {
  const o = assertObject(fn, "prior", prior);
  assertPositive(fn, "prior.alpha", o.alpha);
  assertPositive(fn, "prior.beta", o.beta);
  return { alpha: o.alpha, beta: o.beta };
}

/**
 * Expected coverage over a population of questions whose pass@1 follows a
 * Beta(α, β) prior: E_p[1 − (1 − p)^n] for p ~ Beta(α, β), in closed form
 *
 *     1 − B(α, β + n) / B(α, β) = 1 − Π_{j=0..n−1} (β + j) / (α + β + j).
 *
 * Per-question coverage rises exponentially in n, but averaged over a
 * prior with mass near p = 0 it rises like a power law,
 * 1 − E ≈ Γ(α + β)/Γ(β) · n^(−α) for large n — the shape Large Language
 * Monkeys reports. The product is summed in log space for n <= 1000 (cost
 * O(n)); beyond, a Stirling-series log-gamma ratio gives it in O(1). No
 * sampling: relative error below 1e-15 against 60-digit references for
 * n up to 1e12.
 *
 * @param n - samples per question, an integer >= 1
 * @param prior - the {@link BetaPrior} of per-question pass@1
 * @returns the expected coverage, in [0, 1]
 * @throws {TypeError} if `n` is not a number or `prior` is not an object of numbers
 * @throws {RangeError} if `n` is not an integer >= 1 or a shape parameter is not a finite number > 0
 * @example
 * expectedCoverage(1, { alpha: 0.6, beta: 0.9 });   // ≈ 0.4, the prior mean α/(α + β)
 * expectedCoverage(2, { alpha: 1, beta: 1 });       // ≈ 2/3
 * expectedCoverage(100, { alpha: 0.6, beta: 0.9 }); // ≈ 0.9479
 */
export function expectedCoverage(n: number, prior: BetaPrior): number {
  assertInteger("expectedCoverage", "n", n);
  const { alpha, beta } = checkPrior("expectedCoverage", prior);
  return -Math.expm1(logBetaMissRatio(n, alpha, beta));
}

/**
 * Expected-coverage curve: {@link expectedCoverage} at each sample count in
 * `ns`, for one Beta prior. Cost O(Σ min(n, 1000)).
 *
 * @param ns - sample counts, each an integer >= 1 (a non-empty array)
 * @param prior - the {@link BetaPrior} of per-question pass@1
 * @returns the expected coverage at each n
 * @throws {TypeError} if `ns` is not an array of numbers or `prior` is malformed
 * @throws {RangeError} if `ns` is empty, an element is not an integer >= 1, or a shape parameter is out of range
 * @example
 * expectedCoverageCurve([1, 2], { alpha: 1, beta: 1 }); // ≈ [0.5, 2/3]
 */
export function expectedCoverageCurve(ns: ArrayLike<number>, prior: BetaPrior): number[] {
  assertIntegerArray("expectedCoverageCurve", "ns", ns);
  const { alpha, beta } = checkPrior("expectedCoverageCurve", prior);
  return Array.from(ns, (n) => -Math.expm1(logBetaMissRatio(n, alpha, beta)));
}

// ---------------------------------------------------------------------------------------------
// The Large Language Monkeys coverage law

/** Parameters of the coverage law c(k) = exp(a·k^b). */
export interface CoverageLawParams {
  /** Scale on the log-coverage axis, a finite number <= 0 (log c at k = 1). */
  a: number;
  /** Exponent, finite; negative for coverage that rises with k. */
  b: number;
}

/** A fitted coverage law. */
export interface CoverageLawFit extends CoverageLawParams {
  /** Root-mean-square error of the fit on the coverage scale, √(mean (c_i − ĉ_i)²). */
  rmse: number;
}

/**
 * The Large Language Monkeys coverage law (Brown et al. 2024, Sec. 3.1):
 * log c ≈ a·k^b, so
 *
 *     c(k) = exp(a · k^b),   a <= 0, typically b < 0.
 *
 * An empirical fit, not a derivation: it describes coverage over four
 * orders of magnitude of k for several models and tasks. (The paper's v1
 * text writes the exponent as k^(−b) with b > 0; same model.) O(1).
 *
 * @param params - {@link CoverageLawParams} `{ a, b }`
 * @param k - number of samples, a finite number > 0
 * @returns the modelled coverage, in [0, 1]
 * @throws {TypeError} if `params` is not an object or a value is not a number
 * @throws {RangeError} if `a` is not a finite number <= 0, `b` is not finite, or `k` is not a finite number > 0
 * @example
 * // Llama-3-8B-Instruct on MATH (a = −1.33, b = −0.43 as read from the paper's figure
 * // legend via secondary notes, not checked against the PDF):
 * coverageLaw({ a: -1.33, b: -0.43 }, 100); // 0.8322760459499594 (the paper reports 82.9% at k = 100)
 */
export function coverageLaw(params: CoverageLawParams, k: number): number {
  const o = assertObject("coverageLaw", "params", params);
  assertFinite("coverageLaw", "params.a", o.a);
  if (o.a > 0) rangeError("coverageLaw", "params.a", "a finite number <= 0", o.a);
  assertFinite("coverageLaw", "params.b", o.b);
  assertPositive("coverageLaw", "k", k);
  return Math.exp(o.a * Math.pow(k, o.b));
}

/** Options for {@link fitCoverageLaw}. */
export interface FitCoverageLawOptions {
  /**
   * Refine the log-log fit with Gauss–Newton steps on the coverage scale,
   * as SciPy's `curve_fit` (used by Large Language Monkeys) would.
   * @defaultValue true
   */
  refine?: boolean;
}

/**
 * Fits the coverage law c(k) = exp(a·k^b) to measured coverages.
 *
 * Two stages, each with its own objective:
 * 1. **Linearised fit.** log(−log c) = log(−a) + b·log k is a straight line
 *    in log k, so ordinary least squares on (log k_i, log(−log c_i)) gives
 *    a and b in closed form. This objective weights points by their error
 *    on the log(−log) scale.
 * 2. **Refinement** (`refine: true`, the default). Gauss–Newton steps, each
 *    halved until the sum of squares falls, minimise Σ (c_i − exp(a·k_i^b))²
 *    on the original coverage scale — the objective of SciPy's `curve_fit`,
 *    which Large Language Monkeys used (App. C.1). Stops when a step changes
 *    a and b by less than 1e-12 relative, or after 100 steps.
 * On exact law data both stages recover a and b. `rmse` is always measured
 * on the coverage scale. Cost O(ks.length) per step.
 *
 * @param ks - sample counts, finite numbers > 0, with at least 2 distinct values
 * @param coverages - measured coverage at each k, each strictly inside (0, 1)
 * @param options - {@link FitCoverageLawOptions}
 * @returns the fitted `{ a, b, rmse }`
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an array is empty, the lengths differ, a value is out of range,
 *   or fewer than 2 distinct ks are given
 * @example
 * const ks = [1, 10, 100, 1000];
 * const cs = ks.map((k) => coverageLaw({ a: -1.33, b: -0.43 }, k));
 * fitCoverageLaw(ks, cs); // { a: ≈ -1.33, b: ≈ -0.43, rmse: ≈ 0 }
 */
export function fitCoverageLaw(
  ks: ArrayLike<number>,
  coverages: ArrayLike<number>,
  options?: FitCoverageLawOptions,
): CoverageLawFit {
  const fn = "fitCoverageLaw";
  assertNumberArray(fn, "ks", ks, "positive");
  assertNumberArray(fn, "coverages", coverages, "finite");
  assertSameLength(fn, "ks", ks, "coverages", coverages);
  for (let i = 0; i < coverages.length; i++) {
    const c = coverages[i] as number;
    if (!(c > 0 && c < 1)) rangeError(fn, `coverages[${i}]`, "a number in (0, 1)", c);
  }
  const opts = assertOptions(fn, options);
  const refine = opts.refine ?? true;
  assertBoolean(fn, "options.refine", refine);
  const m = ks.length;
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x[i] = Math.log(ks[i] as number);
    y[i] = Math.log(-Math.log(coverages[i] as number));
  }
  let xMean = 0;
  let yMean = 0;
  for (let i = 0; i < m; i++) {
    xMean += x[i] as number;
    yMean += y[i] as number;
  }
  xMean /= m;
  yMean /= m;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < m; i++) {
    const dx = (x[i] as number) - xMean;
    sxx += dx * dx;
    sxy += dx * ((y[i] as number) - yMean);
  }
  if (!(sxx > 0)) rangeError(fn, "ks", "an array with at least 2 distinct values", Array.from(ks));
  let b = sxy / sxx;
  let a = -Math.exp(yMean - b * xMean);
  const sse = (aa: number, bb: number): number => {
    let s = 0;
    for (let i = 0; i < m; i++) {
      const r = (coverages[i] as number) - Math.exp(aa * Math.pow(ks[i] as number, bb));
      s += r * r;
    }
    return s;
  };
  let current = sse(a, b);
  if (refine) {
    for (let iter = 0; iter < 100; iter++) {
      // Normal equations JᵀJ δ = Jᵀr for residuals r_i = c_i − exp(a·k_i^b).
      let jaa = 0;
      let jab = 0;
      let jbb = 0;
      let ga = 0;
      let gb = 0;
      for (let i = 0; i < m; i++) {
        const k = ks[i] as number;
        const kb = Math.pow(k, b);
        const model = Math.exp(a * kb);
        const da = model * kb; // ∂model/∂a
        const db = model * a * kb * Math.log(k); // ∂model/∂b
        const r = (coverages[i] as number) - model;
        jaa += da * da;
        jab += da * db;
        jbb += db * db;
        ga += da * r;
        gb += db * r;
      }
      const det = jaa * jbb - jab * jab;
      if (!(det > 0) || !Number.isFinite(det)) break;
      const stepA = (jbb * ga - jab * gb) / det;
      const stepB = (jaa * gb - jab * ga) / det;
      // Halve the step until the sum of squares does not increase.
      let scale = 1;
      let accepted = false;
      for (let halving = 0; halving < 30 && !accepted; halving++, scale /= 2) {
        const nextA = Math.min(0, a + scale * stepA);
        const nextB = b + scale * stepB;
        const s = sse(nextA, nextB);
        if (s <= current) {
          const tiny =
            Math.abs(nextA - a) <= 1e-12 * Math.abs(a) && Math.abs(nextB - b) <= 1e-12 * Math.abs(b);
          accepted = !tiny && s < current;
          a = nextA;
          b = nextB;
          current = s;
          if (!accepted) break;
        }
      }
      if (!accepted) break;
    }
  }
  return { a, b, rmse: Math.sqrt(current / m) };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function assertIntegerArray(fn: string, name: string, values: unknown): asserts values is ArrayLike<number> {
  assertNumberArray(fn, name, values, "finite");
  const arr = values as ArrayLike<number>;
  for (let i = 0; i < arr.length; i++) assertInteger(fn, `${name}[${i}]`, arr[i]);
}

/** 1 − (1 − p)^n without checks; `n` may be any non-negative number. @internal */
export function coverageUnchecked(p: number, n: number): number {
  return -Math.expm1(n * Math.log1p(-p));
}

/** `passAtK` without argument checks. @internal */
export function passAtKUnchecked(n: number, c: number, k: number): number {
  if (n - c < k) return 1;
  if (c === 0) return 0;
  let logRatio = 0; // log[C(n − c, k) / C(n, k)]
  if (c <= k) {
    for (let i = n - c + 1; i <= n; i++) logRatio += Math.log1p(-k / i);
  } else {
    for (let j = 0; j < k; j++) logRatio += Math.log1p(-c / (n - j));
  }
  return -Math.expm1(logRatio);
}

/** Stirling-series remainder log Γ(w) − [(w − ½)log w − w + ½log 2π], for w >= 20. */
function stirlingTail(w: number): number {
  const w2 = w * w;
  return (
    (1 / w) * (1 / 12 - (1 / w2) * (1 / 360 - (1 / w2) * (1 / 1260 - (1 / w2) * (1 / 1680 - 1 / w2 / 1188))))
  );
}

/**
 * log Γ(x + a) − log Γ(x) for x > 0, a >= 0, without the cancellation of
 * subtracting two large log-gammas: the recurrence moves x above 20, then a
 * Stirling difference written with log1p finishes. Relative error ~1e-15.
 * @internal
 */
export function logGammaRatio(x: number, a: number): number {
  if (a === 0) return 0;
  let shift = 0;
  while (x < 20) {
    // log Γ(x + a) − log Γ(x) = [log Γ(x + 1 + a) − log Γ(x + 1)] − log((x + a) / x)
    shift -= Math.log1p(a / x);
    x += 1;
  }
  const main = (x - 0.5) * Math.log1p(a / x) + a * Math.log(x + a) - a;
  return shift + main + (stirlingTail(x + a) - stirlingTail(x));
}

/** Largest n for which expectedCoverage sums the exact product term by term. */
const DIRECT_PRODUCT_LIMIT = 1000;

/** log E[(1 − p)^n] = log[B(α, β + n) / B(α, β)] without checks. @internal */
export function logBetaMissRatio(n: number, alpha: number, beta: number): number {
  if (n <= DIRECT_PRODUCT_LIMIT) {
    // B(α, β + n)/B(α, β) = Π_{j<n} (β + j)/(α + β + j): exact factors, log1p keeps small terms.
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.log1p(-alpha / (alpha + beta + j));
    return s;
  }
  // = [log Γ(β + n) − log Γ(α + β + n)] − [log Γ(β) − log Γ(α + β)]
  return logGammaRatio(beta, alpha) - logGammaRatio(beta + n, alpha);
}

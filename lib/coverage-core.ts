/**
 * The kernels behind `coverage.ts`, without argument checks: coverage of one
 * question, unbiased pass@k, and the log-gamma and Beta ratios of expected
 * coverage.
 *
 * This module is internal: it is not re-exported from the package index.
 * @internal
 * @packageDocumentation
 */

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

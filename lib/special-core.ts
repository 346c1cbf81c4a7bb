/**
 * The numerical kernels behind the special functions of `special.ts`: the
 * error function's series and continued fraction, Φ and φ, log-gamma, log
 * binomial coefficients, and binomial probabilities and tails, all without
 * argument checks, for the library's hot loops (callers validate once up
 * front).
 *
 * This module is internal: it is not re-exported from the package index.
 * @internal
 * @packageDocumentation
 */

// Module-level aliases: global lookups are slow inside jest's sandbox, and these functions sit
// in the inner loops of every quadrature and tail computation.
const exp = Math.exp;
const log = Math.log;
const sqrt = Math.sqrt;
const abs = Math.abs;

const SQRT2 = Math.SQRT2;
const SQRT_PI = sqrt(Math.PI);
const INV_SQRT_2PI = 1 / sqrt(2 * Math.PI);

/** e^{−z²} without the rounding error of z·z (Cody's split z = zh + (z − zh)). */
function expMinusSquare(z: number): number {
  const zh = Math.floor(z * 16) / 16;
  return exp(-zh * zh) * exp(-(z - zh) * (z + zh));
}

/**
 * The series of erf: (2/√π)·e^{−z²}·Σ 2^n z^{2n+1}/(1·3·…·(2n+1)), all terms positive.
 * @internal
 */
export function erfSeries(z: number): number {
  let term = z;
  let sum = z;
  const z2 = z * z;
  for (let n = 1; n < 200; n++) {
    term *= (2 * z2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return (2 / SQRT_PI) * expMinusSquare(z) * sum;
}

/**
 * erfc(z) for z >= 0. Below z = 1 it is 1 − erf (erfc > 0.157 there, so at most
 * one digit cancels); from z = 1 on, the continued fraction
 * erfc(z) = e^{−z²}/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), evaluated with the
 * modified Lentz method, keeps full relative precision into the far tail.
 * @internal
 */
export function erfcNonNegative(z: number): number {
  if (z < 1) return 1 - erfSeries(z);
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = z + a * d;
    d = d === 0 ? tiny : d;
    c = z + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (abs(delta - 1) < 1e-16) break;
  }
  return expMinusSquare(z) / SQRT_PI / f;
}

/** Φ(x) without argument checks, for hot loops inside the library. @internal */
export function normalCdfUnchecked(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const z = -x / SQRT2;
  return z >= 0 ? 0.5 * erfcNonNegative(z) : 1 - 0.5 * erfcNonNegative(-z);
}

/** φ(x) without argument checks. @internal */
export function normalPdfUnchecked(x: number): number {
  return INV_SQRT_2PI * exp(-0.5 * x * x);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * log Γ(x) for x > 0 without checks (Lanczos approximation, g = 7; reflection below 0.5).
 * @internal
 */
export function logGammaUnchecked(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return log(Math.PI / abs(Math.sin(Math.PI * x))) - logGammaUnchecked(1 - x);
  }
  const z = x - 1;
  let s = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) s += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * log(2 * Math.PI) + (z + 0.5) * log(t) - t + log(s);
}

/** log C(n, k) without checks; exact sums of logs for small n. @internal */
export function logChooseUnchecked(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (k === 0 || k === n) return 0;
  const m = Math.min(k, n - k);
  if (m <= 30) {
    let s = 0;
    for (let i = 1; i <= m; i++) s += log((n - m + i) / i);
    return s;
  }
  return logGammaUnchecked(n + 1) - logGammaUnchecked(k + 1) - logGammaUnchecked(n - k + 1);
}

/**
 * Stirling's error term log(n!) − log(√(2πn)·(n/e)^n) for integers n >= 0:
 * exact factorial logs up to 15, its asymptotic series above (Loader 2000,
 * as in R's dbinom).
 */
function stirlingError(n: number): number {
  if (n <= 15) {
    if (n === 0) return 0;
    let lf = 0;
    for (let i = 2; i <= n; i++) lf += log(i);
    return lf - (n + 0.5) * log(n) + n - 0.5 * log(2 * Math.PI);
  }
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/** The deviance term x·log(x/m) + m − x, without cancellation when x ≈ m (Loader 2000). */
function devianceTerm(x: number, m: number): number {
  if (abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * log(x / m) + m - x;
}

/**
 * P(X = k), X ~ Binomial(n, p), by Loader's saddle-point method: relative
 * error near double precision even for n in the millions, where a
 * difference of log-gamma values would lose six or more digits.
 * @internal
 */
export function binomialPmfUnchecked(n: number, k: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  if (k === 0) return exp(n * Math.log1p(-p));
  if (k === n) return exp(n * log(p));
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    devianceTerm(k, n * p) -
    devianceTerm(n - k, n * (1 - p));
  const lf = log(2 * Math.PI) + log(k) + Math.log1p(-k / n);
  return exp(lc - 0.5 * lf);
}

/** @internal */
export function binomialTailUnchecked(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const mean = n * p;
  // Sum whichever side of the threshold holds less mass, to keep relative precision.
  if (k > mean) {
    let s = 0;
    for (let j = k; j <= n; j++) {
      const t = binomialPmfUnchecked(n, j, p);
      s += t;
      if (t < s * 1e-17 && j > mean) break;
    }
    return Math.min(1, s);
  }
  let s = 0;
  for (let j = k - 1; j >= 0; j--) {
    const t = binomialPmfUnchecked(n, j, p);
    s += t;
    if (t < s * 1e-17 && j < mean) break;
  }
  return Math.max(0, 1 - s);
}

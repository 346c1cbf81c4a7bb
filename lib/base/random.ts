/**
 * Seeded randomness. `makeRng(seed)` is the only place a seed becomes a
 * generator: seedrandom (ARC4) turns the seed into 128 bits of state for an
 * inlined xoshiro128** generator, 7–10× faster than seedrandom's default
 * ARC4 stream (`npm run bench` measures it); normals come from a
 * Marsaglia–Tsang ziggurat, about 5× faster than Box–Muller. The same seed always gives the same stream.
 *
 * Besides the public {@link Rng} and {@link makeRng}, the module holds the
 * library's internal checks (`assertRng`) and unchecked samplers; the layer's
 * index exports only the public names.
 * @packageDocumentation
 */

import seedrandom from "seedrandom";
import { logChooseUnchecked } from "./special";
import {
  assertArray,
  assertFinite,
  assertInteger,
  assertNonNegative,
  assertPositive,
  assertProbability,
  assertSeed,
  rangeError,
  typeError,
} from "./validate";

// Module-level aliases: global lookups are much slower inside jest's sandbox (and no faster
// anywhere else), and these sit in the hottest loops of every Monte Carlo in the library.
const imul = Math.imul;
const exp = Math.exp;
const log = Math.log;
const abs = Math.abs;

// ---------------------------------------------------------------------------------------------
// Ziggurat tables (Marsaglia & Tsang 2000, 128 layers).
const KN = new Int32Array(128);
const WN = new Float64Array(128);
const FN = new Float64Array(128);
(function buildZiggurat() {
  const m1 = 2147483648;
  let dn = 3.442619855899;
  let tn = dn;
  const vn = 9.91256303526217e-3;
  const q = vn / Math.exp(-0.5 * dn * dn);
  KN[0] = Math.floor((dn / q) * m1);
  KN[1] = 0;
  WN[0] = q / m1;
  WN[127] = dn / m1;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = Math.floor((dn / tn) * m1);
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / m1;
  }
})();
const ZIG_R = 3.442619855899;

/**
 * The {@link Rng} that `makeRng` returns: xoshiro128** with 128 bits of
 * state from seedrandom's ARC4.
 * @internal
 */
export class Xoshiro implements Rng {
  readonly seed: string;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: string) {
    this.seed = seed;
    const arc4 = seedrandom(seed);
    this.s0 = arc4.int32();
    this.s1 = arc4.int32();
    this.s2 = arc4.int32();
    this.s3 = arc4.int32();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s3 = 0x9e3779b9 | 0;
  }

  /** Signed 32-bit output of xoshiro128**. */
  private int32(): number {
    const s1 = this.s1;
    const x = imul(s1, 5);
    const result = imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result | 0;
  }

  uint32(): number {
    return this.int32() >>> 0;
  }

  next(): number {
    const a = this.int32() >>> 5;
    const b = this.int32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  uniform(lo = 0, hi = 1): number {
    if (lo !== 0 || hi !== 1) {
      assertFinite("Rng.uniform", "lo", lo);
      assertFinite("Rng.uniform", "hi", hi);
      if (!(hi > lo)) rangeError("Rng.uniform", "hi", `a finite number > lo (lo = ${lo})`, hi);
    }
    return lo + (hi - lo) * this.next();
  }

  int(n: number): number {
    assertInteger("Rng.int", "n", n, 1, 2 ** 32);
    if (n <= 0x100000) return Math.floor(this.next() * n);
    // Rejection for large n keeps the draw exactly uniform.
    const limit = Math.floor(9007199254740992 / n) * n;
    for (;;) {
      const v = this.next() * 9007199254740992;
      if (v < limit) return v % n;
    }
  }

  /** Standard normal draw, no checks. */
  private stdNormal(): number {
    let hz = this.int32();
    let iz = hz & 127;
    if (abs(hz) < (KN[iz] as number)) return hz * (WN[iz] as number);
    for (;;) {
      let x = hz * (WN[iz] as number);
      if (iz === 0) {
        let y: number;
        do {
          x = -log(1 - this.next()) / ZIG_R;
          y = -log(1 - this.next());
        } while (y + y < x * x);
        return hz > 0 ? ZIG_R + x : -ZIG_R - x;
      }
      const f0 = FN[iz] as number;
      if (f0 + this.next() * ((FN[iz - 1] as number) - f0) < exp(-0.5 * x * x)) return x;
      hz = this.int32();
      iz = hz & 127;
      if (abs(hz) < (KN[iz] as number)) return hz * (WN[iz] as number);
    }
  }

  normal(mean?: number, sd?: number): number {
    if (mean === undefined && sd === undefined) return this.stdNormal();
    const m = mean ?? 0;
    const s = sd ?? 1;
    assertFinite("Rng.normal", "mean", m);
    assertNonNegative("Rng.normal", "sd", s);
    return m + s * this.stdNormal();
  }

  bernoulli(p: number): boolean {
    assertProbability("Rng.bernoulli", "p", p);
    return this.next() < p;
  }

  binomial(n: number, p: number): number {
    assertInteger("Rng.binomial", "n", n, 0);
    assertProbability("Rng.binomial", "p", p);
    return this.binomialUnchecked(n, p);
  }

  /** @internal */
  binomialUnchecked(n: number, p: number): number {
    if (n === 0 || p === 0) return 0;
    if (p === 1) return n;
    if (p > 0.5) return n - this.binomialUnchecked(n, 1 - p);
    const q = 1 - p;
    if (n * p < 30) {
      // Inversion from k = 0 with the pmf recurrence.
      const ratio = p / q;
      let pmf = exp(n * Math.log1p(-p));
      let u = this.next();
      for (let k = 0; k <= n; k++) {
        if (u < pmf) return k;
        u -= pmf;
        pmf *= (ratio * (n - k)) / (k + 1);
      }
      return Math.round(n * p);
    }
    // Inversion over the support ordered outward from the mode: m, m−1, m+1, m−2, …
    const m = Math.floor((n + 1) * p);
    const logP = log(p);
    const logQ = Math.log1p(-p);
    const pm = exp(logChooseUnchecked(n, m) + m * logP + (n - m) * logQ);
    let u = this.next();
    if (u < pm) return m;
    u -= pm;
    let lo = m;
    let hi = m;
    let pLo = pm;
    let pHi = pm;
    for (;;) {
      let moved = false;
      if (lo > 0) {
        pLo *= lo / (n - lo + 1) / (p / q);
        lo--;
        moved = true;
        if (u < pLo) return lo;
        u -= pLo;
      }
      if (hi < n) {
        pHi *= ((n - hi) / (hi + 1)) * (p / q);
        hi++;
        moved = true;
        if (u < pHi) return hi;
        u -= pHi;
      }
      if (!moved || (pLo < 1e-300 && pHi < 1e-300)) return m; // rounding left u above the total mass
    }
  }

  gamma(shape: number, scale = 1): number {
    assertPositive("Rng.gamma", "shape", shape);
    assertPositive("Rng.gamma", "scale", scale);
    return this.gammaUnchecked(shape) * scale;
  }

  /** @internal */
  gammaUnchecked(shape: number): number {
    if (shape < 1) {
      const u = 1 - this.next();
      return this.gammaUnchecked(shape + 1) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.stdNormal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
    }
  }

  beta(a: number, b: number): number {
    assertPositive("Rng.beta", "a", a);
    assertPositive("Rng.beta", "b", b);
    return this.betaUnchecked(a, b);
  }

  /** @internal */
  betaUnchecked(a: number, b: number): number {
    const x = this.gammaUnchecked(a);
    const y = this.gammaUnchecked(b);
    const s = x + y;
    // Both gammas underflow only for tiny shapes; the limit is a Bernoulli(a/(a+b)) end point.
    if (s === 0) return this.next() < a / (a + b) ? 1 : 0;
    return x / s;
  }

  categorical(weights: ArrayLike<number>): number {
    assertArray("Rng.categorical", "weights", weights);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (typeof w !== "number") typeError("Rng.categorical", `weights[${i}]`, "a number", w);
      if (!(w >= 0 && w < Infinity))
        rangeError("Rng.categorical", `weights[${i}]`, "a finite number >= 0", w);
      total += w;
    }
    if (!(total > 0)) {
      throw new RangeError(`Rng.categorical: weights must have a positive sum, got ${total}`);
    }
    let u = this.next() * total;
    let last = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] as number;
      if (w > 0) {
        last = i;
        if (u < w) return i;
        u -= w;
      }
    }
    return last;
  }

  shuffle<T>(items: T[]): T[] {
    if (!Array.isArray(items)) typeError("Rng.shuffle", "items", "an array", items);
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  fillUniform(out: Float64Array): Float64Array {
    if (!(out instanceof Float64Array)) typeError("Rng.fillUniform", "out", "a Float64Array", out);
    for (let i = 0; i < out.length; i++) out[i] = this.next();
    return out;
  }

  fillNormal(out: Float64Array, mean = 0, sd = 1): Float64Array {
    if (!(out instanceof Float64Array)) typeError("Rng.fillNormal", "out", "a Float64Array", out);
    assertFinite("Rng.fillNormal", "mean", mean);
    assertNonNegative("Rng.fillNormal", "sd", sd);
    for (let i = 0; i < out.length; i++) out[i] = mean + sd * this.stdNormal();
    return out;
  }

  fork(label: string | number): Rng {
    assertSeed("Rng.fork", "label", label);
    return new Xoshiro(`${this.seed}/${label}`);
  }
}

/**
 * Whether `value` is a generator made by `makeRng` (for argument checks).
 * @internal
 */
export function isRng(value: unknown): value is Rng {
  return value instanceof Xoshiro;
}

/**
 * Throws the house TypeError unless `value` is an {@link Rng}.
 * @internal
 */
export function assertRng(fn: string, name: string, value: unknown): asserts value is Rng {
  if (!(value instanceof Xoshiro)) typeError(fn, name, "an Rng made by makeRng(seed)", value);
}

/**
 * Unchecked samplers for library hot loops (callers validate once up front).
 * @internal
 */
export function uncheckedSamplers(rng: Rng): {
  binomial: (n: number, p: number) => number;
  gamma: (shape: number) => number;
  beta: (a: number, b: number) => number;
} {
  const x = rng as Xoshiro;
  return {
    binomial: (n, p) => x.binomialUnchecked(n, p),
    gamma: (shape) => x.gammaUnchecked(shape),
    beta: (a, b) => x.betaUnchecked(a, b),
  };
}

/**
 * A seeded pseudo-random generator. Create one with {@link makeRng}; never
 * share one between experiments you want to reproduce independently — use
 * {@link Rng.fork} instead.
 */
export interface Rng {
  /** The seed this generator was made from (forks append `/label`). */
  readonly seed: string;
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform number in [lo, hi). */
  uniform(lo?: number, hi?: number): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** A normal draw with the given mean and standard deviation (ziggurat). */
  normal(mean?: number, sd?: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** A Binomial(n, p) draw (exact inversion; O(√(np(1−p))) expected work). */
  binomial(n: number, p: number): number;
  /** A Gamma(shape, scale) draw (Marsaglia–Tsang). */
  gamma(shape: number, scale?: number): number;
  /** A Beta(a, b) draw. */
  beta(a: number, b: number): number;
  /** An index drawn with probability proportional to `weights[i]`. */
  categorical(weights: ArrayLike<number>): number;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  /** Fills `out` with uniforms in [0, 1) and returns it. */
  fillUniform(out: Float64Array): Float64Array;
  /** Fills `out` with normal draws (mean, sd) and returns it. */
  fillNormal(out: Float64Array, mean?: number, sd?: number): Float64Array;
  /** An independent generator for a named sub-experiment, seeded `seed/label`. */
  fork(label: string | number): Rng;
}

/**
 * Makes a seeded generator. The seed (a string or a finite number) is
 * stretched by seedrandom's ARC4 into the 128-bit state of a xoshiro128**
 * generator; the same seed always yields the same sequence, on every
 * platform.
 *
 * @param seed - a string or a finite number
 * @returns a fresh {@link Rng}
 * @throws {TypeError} if `seed` is not a string or a number
 * @throws {RangeError} if `seed` is NaN or ±Infinity
 * @example
 * const rng = makeRng("chapter-04");
 * rng.next();     // same value on every run
 * rng.normal();   // a standard normal draw
 */
export function makeRng(seed: string | number): Rng {
  assertSeed("makeRng", "seed", seed);
  return new Xoshiro(String(seed));
}

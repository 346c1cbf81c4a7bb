import { assertRng, isRng, makeRng, type Rng, uncheckedSamplers } from "../lib/base/random";
import { binomialPmf, normalCdf, normalQuantile } from "../lib/base/special";
import { expectProportionNear, expectWithin } from "./helpers/tolerance";

// Every statistical check uses a fixed seed, so it is deterministic, and a band derived from
// the sampling distribution: 5 standard errors for moments, the 99.9% critical value for
// chi-square and Kolmogorov–Smirnov statistics. Chi-square critical values are
// scipy.stats.chi2.ppf(0.999, df) (scipy 1.17); the Kolmogorov–Smirnov one is the asymptotic
// √(−ln(0.0005)/2) = 1.9495 (rounded up to 1.95) over √n.

const CHI2_999: Record<number, number> = {
  2: 13.815510557964274,
  5: 20.515005652432873,
  9: 27.877164871256568,
  13: 34.52817897487089,
  30: 59.70306430442994,
  63: 103.44237731987324,
};

/** Pearson's chi-square statistic of observed counts against expected probabilities. */
function chiSquare(counts: ArrayLike<number>, probabilities: ArrayLike<number>, total: number): number {
  let stat = 0;
  for (let i = 0; i < counts.length; i++) {
    const expected = total * (probabilities[i] as number);
    stat += ((counts[i] as number) - expected) ** 2 / expected;
  }
  return stat;
}

/** Kolmogorov–Smirnov statistic of a sample against a continuous CDF. */
function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] as number);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** Sample mean and variance. */
function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += xs[i] as number;
  mean /= xs.length;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) variance += ((xs[i] as number) - mean) ** 2;
  return { mean, variance: variance / (xs.length - 1) };
}

/** counts[i] += by (a helper because indexing is checked under noUncheckedIndexedAccess). */
function bump(counts: Float64Array, i: number, by = 1): void {
  counts[i] = (counts[i] as number) + by;
}

function draw(count: number, f: () => number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = f();
  return out;
}

/** The first `count` outputs of every kind of draw, for reproducibility checks. */
function transcript(rng: Rng, count = 20): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      rng.next(),
      rng.uint32(),
      rng.normal(),
      rng.int(1000),
      rng.binomial(50, 0.3),
      rng.binomial(1000, 0.4),
    );
    out.push(
      rng.gamma(0.5),
      rng.beta(2, 3),
      rng.categorical([1, 2, 3]),
      rng.bernoulli(0.5) ? 1 : 0,
      rng.uniform(-1, 1),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe("makeRng(seed): reproducibility", () => {
  it("gives the same stream for the same seed, for every kind of draw", () => {
    expect(transcript(makeRng("chapter-04"))).toEqual(transcript(makeRng("chapter-04")));
    expect(transcript(makeRng(12345))).toEqual(transcript(makeRng(12345)));
  });

  it("gives different streams for different seeds", () => {
    const a = draw(100, makeRng("a").next.bind(makeRng("a")));
    const streams = ["a", "b", "a ", "A", 1, 2, 0, -1].map((s) => {
      const rng = makeRng(s);
      return Array.from(draw(8, () => rng.uint32()));
    });
    const distinct = new Set(streams.map((s) => s.join(",")));
    expect(distinct.size).toBe(streams.length);
    expect(a.length).toBe(100);
  });

  it("treats a number seed as its decimal string", () => {
    expect(transcript(makeRng(42), 3)).toEqual(transcript(makeRng("42"), 3));
    expect(makeRng(42).seed).toBe("42");
  });

  it("implements xoshiro128** exactly (reference output for state 1, 2, 3, 4)", () => {
    // Reference: the authors' C code (xoshiro128starstar.c, Blackman & Vigna), compiled and
    // run for the two states below.
    const rng = makeRng("any") as unknown as {
      s0: number;
      s1: number;
      s2: number;
      s3: number;
      uint32(): number;
    };
    [rng.s0, rng.s1, rng.s2, rng.s3] = [1, 2, 3, 4];
    expect(Array.from({ length: 10 }, () => rng.uint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
    [rng.s0, rng.s1, rng.s2, rng.s3] = [0x9e3779b9 | 0, 0x12345678, 0xdeadbeef | 0, 0xcafebabe | 0];
    expect(Array.from({ length: 6 }, () => rng.uint32())).toEqual([
      2576977301, 1472368062, 3841728070, 1492763831, 2297841399, 3575001609,
    ]);
  });

  it("rejects bad seeds", () => {
    expect(() => makeRng(undefined as unknown as string)).toThrow(TypeError);
    expect(() => makeRng(undefined as unknown as string)).toThrow(
      /^makeRng: seed must be a string or a finite number, got undefined$/,
    );
    expect(() => makeRng(NaN)).toThrow(RangeError);
    expect(() => makeRng(Infinity)).toThrow(
      /^makeRng: seed must be a string or a finite number, got Infinity$/,
    );
    expect(() => makeRng({} as unknown as string)).toThrow(/got an object$/);
  });
});

describe("rng.fork(label)", () => {
  it("is reproducible, named seed/label, and does not depend on or advance the parent", () => {
    const parent = makeRng("exp");
    const fork = parent.fork("arm-1");
    expect(fork.seed).toBe("exp/arm-1");
    const before = transcript(makeRng("exp").fork("arm-1"), 5);
    // Consuming the parent first changes nothing about the fork.
    const consumed = makeRng("exp");
    draw(1000, () => consumed.next());
    expect(transcript(consumed.fork("arm-1"), 5)).toEqual(before);
    expect(transcript(fork, 5)).toEqual(before);
    // Forking does not advance the parent.
    const untouched = makeRng("exp");
    const forked = makeRng("exp");
    forked.fork("x");
    expect(transcript(forked, 5)).toEqual(transcript(untouched, 5));
    // A fork of a fork, and a numeric label.
    expect(makeRng("exp").fork("a").fork(2).seed).toBe("exp/a/2");
    expect(transcript(makeRng("exp").fork("a").fork(2), 3)).toEqual(transcript(makeRng("exp/a/2"), 3));
  });

  it("gives streams uncorrelated with each other and with the parent", () => {
    const n = 50_000;
    const parent = makeRng("corr");
    const a = parent.fork("a");
    const b = parent.fork("b");
    const xs = draw(n, () => a.next());
    const ys = draw(n, () => b.next());
    const zs = draw(n, () => parent.next());
    const corr = (u: Float64Array, v: Float64Array) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += ((u[i] as number) - 0.5) * ((v[i] as number) - 0.5);
      return s / n / (1 / 12);
    };
    // Under independence the sample correlation has standard error 1/√n.
    expect(Math.abs(corr(xs, ys))).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(corr(xs, zs))).toBeLessThan(5 / Math.sqrt(n));
  });

  it("rejects bad labels", () => {
    const rng = makeRng(1);
    expect(() => rng.fork(NaN)).toThrow(/^Rng.fork: label must be a string or a finite number, got NaN$/);
    expect(() => rng.fork(null as unknown as string)).toThrow(TypeError);
  });
});

describe("rng.next(), rng.uint32(), rng.uniform(lo, hi)", () => {
  const n = 640_000;
  const rng = makeRng("uniform");
  const xs = draw(n, () => rng.next());

  it("next() has mean 1/2 and variance 1/12 within 5 standard errors", () => {
    const { mean, variance } = moments(xs);
    expectWithin(mean, 0.5, 5 * Math.sqrt(1 / 12 / n), "mean");
    // Var((U − 1/2)²) = 1/80 − 1/144 = 1/180.
    expectWithin(variance, 1 / 12, 5 * Math.sqrt(1 / 180 / n), "variance");
  });

  it("next() passes a chi-square test over 64 equal cells", () => {
    const counts = new Float64Array(64);
    for (const x of xs) bump(counts, Math.floor(x * 64));
    expect(chiSquare(counts, new Float64Array(64).fill(1 / 64), n)).toBeLessThan(CHI2_999[63] as number);
  });

  it("next() returns multiples of 2^−53 in [0, 1)", () => {
    let bad = 0;
    for (const x of xs) if (!(x >= 0 && x < 1 && Number.isInteger(x * 2 ** 53))) bad++;
    expect(bad).toBe(0);
  });

  it("uint32() gives integers in [0, 2^32) whose 32 bits are each fair", () => {
    const r = makeRng("bits");
    const trials = 50_000;
    const ones = new Float64Array(32);
    let bad = 0;
    for (let i = 0; i < trials; i++) {
      const u = r.uint32();
      if (!(Number.isInteger(u) && u >= 0 && u < 2 ** 32)) bad++;
      for (let b = 0; b < 32; b++) bump(ones, b, (u >>> b) & 1);
    }
    expect(bad).toBe(0);
    for (let b = 0; b < 32; b++)
      expectProportionNear((ones[b] as number) / trials, 0.5, trials, 5, `bit ${b}`);
  });

  it("uniform(lo, hi) stays in [lo, hi) with mean (lo + hi)/2", () => {
    const r = makeRng("uniform-range");
    const ys = draw(100_000, () => r.uniform(-3, 5));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...ys)).toBeLessThan(5);
    expectWithin(moments(ys).mean, 1, 5 * Math.sqrt(64 / 12 / ys.length));
  });

  it("uniform rejects bad ranges", () => {
    const r = makeRng(1);
    expect(() => r.uniform(1, 1)).toThrow(/^Rng.uniform: hi must be a finite number > lo \(lo = 1\), got 1$/);
    expect(() => r.uniform(NaN, 1)).toThrow(/^Rng.uniform: lo must be a finite number, got NaN$/);
    expect(() => r.uniform(0, Infinity)).toThrow(RangeError);
    expect(() => r.uniform("0" as unknown as number, 2)).toThrow(TypeError);
  });

  it("fillUniform fills with the next() stream", () => {
    const a = makeRng("fill");
    const b = makeRng("fill");
    expect(Array.from(a.fillUniform(new Float64Array(50)))).toEqual(Array.from(draw(50, () => b.next())));
    expect(() => a.fillUniform([0, 0] as unknown as Float64Array)).toThrow(
      /^Rng.fillUniform: out must be a Float64Array, got \[0, 0\]$/,
    );
  });
});

describe("rng.int(n)", () => {
  it("is uniform over 0..n−1 (chi-square, n = 10)", () => {
    const r = makeRng("int");
    const trials = 200_000;
    const counts = new Float64Array(10);
    for (let i = 0; i < trials; i++) bump(counts, r.int(10));
    expect(chiSquare(counts, new Float64Array(10).fill(0.1), trials)).toBeLessThan(CHI2_999[9] as number);
    expect(r.int(1)).toBe(0);
  });

  it("stays exact above 2^20 (the rejection path) and accepts n = 2^32", () => {
    const r = makeRng("int-large");
    const n = 3 * 2 ** 30 + 7;
    const xs = draw(50_000, () => r.int(n));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < n)).toBe(true);
    expectWithin(moments(xs).mean, (n - 1) / 2, (5 * (n / Math.sqrt(12))) / Math.sqrt(xs.length));
    const big = r.int(2 ** 32);
    expect(big >= 0 && big < 2 ** 32).toBe(true);
  });

  it("rejects bad n", () => {
    const r = makeRng(1);
    expect(() => r.int(0)).toThrow(/^Rng.int: n must be an integer in \[1, 4294967296\], got 0$/);
    expect(() => r.int(2.5)).toThrow(RangeError);
    expect(() => r.int(2 ** 32 + 1)).toThrow(RangeError);
    expect(() => r.int("3" as unknown as number)).toThrow(TypeError);
  });
});

describe("rng.normal(mean, sd) (ziggurat)", () => {
  const n = 200_000;
  const rng = makeRng("normal");
  const zs = draw(n, () => rng.normal());

  it("has mean 0 and variance 1 within 5 standard errors", () => {
    const { mean, variance } = moments(zs);
    expectWithin(mean, 0, 5 / Math.sqrt(n), "mean");
    expectWithin(variance, 1, 5 * Math.sqrt(2 / n), "variance"); // Var(Z²) = 2
  });

  it("passes Kolmogorov–Smirnov against normalCdf below the 99.9% critical value 1.95/√n", () => {
    expect(ksStatistic(zs, normalCdf)).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it("passes a chi-square test over 64 equiprobable cells cut at normal quantiles", () => {
    const cuts = Array.from({ length: 63 }, (_, i) => normalQuantile((i + 1) / 64));
    const counts = new Float64Array(64);
    for (const z of zs) {
      let lo = 0;
      let hi = 63;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (z < (cuts[mid] as number)) hi = mid;
        else lo = mid + 1;
      }
      bump(counts, lo);
    }
    expect(chiSquare(counts, new Float64Array(64).fill(1 / 64), n)).toBeLessThan(CHI2_999[63] as number);
  });

  it("puts the right mass beyond the ziggurat's base region |z| > 3.4426, with the right shape", () => {
    const r = makeRng("normal-tail");
    const trials = 1_000_000; // about 576 draws beyond R expected
    const R = 3.442619855899;
    let beyond = 0;
    let beyond4 = 0;
    for (let i = 0; i < trials; i++) {
      const z = Math.abs(r.normal());
      if (z > R) beyond++;
      if (z > 4) beyond4++;
    }
    const pTail = 2 * normalCdf(-R); // 5.761e-4
    expectProportionNear(beyond / trials, pTail, trials, 5, "P(|z| > R)");
    // Conditional on the tail, the fraction beyond 4 is Φ(−4)/Φ(−R) ≈ 0.110.
    expectProportionNear(beyond4 / beyond, normalCdf(-4) / normalCdf(-R), beyond, 5, "P(|z| > 4 | |z| > R)");
  });

  it("scales by mean and sd, and fillNormal follows the same stream", () => {
    const a = makeRng("scaled");
    const ys = draw(100_000, () => a.normal(5, 2));
    const { mean, variance } = moments(ys);
    expectWithin(mean, 5, (5 * 2) / Math.sqrt(ys.length), "mean");
    expectWithin(variance, 4, 5 * 4 * Math.sqrt(2 / ys.length), "variance");
    expect(makeRng(1).normal(3, 0)).toBe(3);
    const b = makeRng("fill-normal");
    const c = makeRng("fill-normal");
    expect(Array.from(b.fillNormal(new Float64Array(40), 1, 3))).toEqual(
      Array.from(draw(40, () => 1 + 3 * c.normal())),
    );
  });

  it("rejects bad arguments", () => {
    const r = makeRng(1);
    expect(() => r.normal(0, -1)).toThrow(/^Rng.normal: sd must be a finite number >= 0, got -1$/);
    expect(() => r.normal(NaN)).toThrow(/^Rng.normal: mean must be a finite number, got NaN$/);
    expect(() => r.normal(0, Infinity)).toThrow(RangeError);
    expect(() => r.fillNormal(new Float64Array(2), 0, -1)).toThrow(
      /^Rng.fillNormal: sd must be a finite number >= 0/,
    );
    expect(() => r.fillNormal(new Float32Array(2) as unknown as Float64Array)).toThrow(TypeError);
  });
});

describe("rng.bernoulli(p)", () => {
  it("is true with probability p", () => {
    const r = makeRng("bernoulli");
    const trials = 100_000;
    let hits = 0;
    for (let i = 0; i < trials; i++) if (r.bernoulli(0.3)) hits++;
    expectProportionNear(hits / trials, 0.3, trials);
    expect(draw(1000, () => (r.bernoulli(0) ? 1 : 0)).every((x) => x === 0)).toBe(true);
    expect(draw(1000, () => (r.bernoulli(1) ? 1 : 0)).every((x) => x === 1)).toBe(true);
  });

  it("rejects bad p", () => {
    expect(() => makeRng(1).bernoulli(1.5)).toThrow(
      /^Rng.bernoulli: p must be a probability in \[0, 1\], got 1.5$/,
    );
  });
});

describe("rng.binomial(n, p)", () => {
  /** Mean and variance checks with 5-SE bands; μ4 = npq(1 + 3(n − 2)pq) for the variance's SE. */
  function checkMoments(n: number, p: number, trials: number, seed: string): void {
    const r = makeRng(seed);
    const xs = draw(trials, () => r.binomial(n, p));
    const { mean, variance } = moments(xs);
    const sigma2 = n * p * (1 - p);
    const mu4 = sigma2 * (1 + 3 * (n - 2) * p * (1 - p));
    expectWithin(mean, n * p, 5 * Math.sqrt(sigma2 / trials), `mean n=${n} p=${p}`);
    expectWithin(variance, sigma2, 5 * Math.sqrt((mu4 - sigma2 * sigma2) / trials), `variance n=${n} p=${p}`);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
  }

  it.each([
    [20, 0.3],
    [10, 0.9],
    [1000, 0.01],
    [1000, 0.5],
    [100_000, 0.2],
  ])("has the right mean and variance for n = %p, p = %p", (n, p) => {
    checkMoments(n, p, 50_000, `binomial-${n}-${p}`);
  });

  it("has the right mean and variance for n = 1e6, p = 0.3", () => {
    checkMoments(1e6, 0.3, 20_000, "binomial-1e6");
  });

  /** Chi-square of draws against the exact pmf, over the given cells (each a range of k). */
  function chiSquareAgainstPmf(n: number, p: number, cells: [number, number][], seed: string): number {
    const r = makeRng(seed);
    const trials = 100_000;
    const counts = new Float64Array(cells.length);
    const probabilities = cells.map(([lo, hi]) => {
      let s = 0;
      for (let k = lo; k <= hi; k++) s += binomialPmf(n, k, p);
      return s;
    });
    for (let t = 0; t < trials; t++) {
      const x = r.binomial(n, p);
      const cell = cells.findIndex(([lo, hi]) => x >= lo && x <= hi);
      bump(counts, cell);
    }
    return chiSquare(counts, probabilities, trials);
  }

  it("matches the exact pmf (chi-square) for n = 20: inversion from 0, and the p > 1/2 reflection", () => {
    // Cells k = 0..12 and k >= 13 (P = 0.0013, 128 expected): 14 cells, 13 degrees of freedom.
    const cells03: [number, number][] = [
      ...Array.from({ length: 13 }, (_, k) => [k, k] as [number, number]),
      [13, 20],
    ];
    expect(chiSquareAgainstPmf(20, 0.3, cells03, "pmf-20-0.3")).toBeLessThan(CHI2_999[13] as number);
    const cells07: [number, number][] = [
      [0, 7],
      ...Array.from({ length: 13 }, (_, i) => [i + 8, i + 8] as [number, number]),
    ];
    expect(chiSquareAgainstPmf(20, 0.7, cells07, "pmf-20-0.7")).toBeLessThan(CHI2_999[13] as number);
  });

  it("matches the exact pmf (chi-square) for n = 100, p = 0.4: inversion outward from the mode", () => {
    // Cells k <= 25, 26..54 one by one, k >= 55: 31 cells, 30 degrees of freedom.
    const cells: [number, number][] = [
      [0, 25],
      ...Array.from({ length: 29 }, (_, i) => [i + 26, i + 26] as [number, number]),
      [55, 100],
    ];
    expect(chiSquareAgainstPmf(100, 0.4, cells, "pmf-100-0.4")).toBeLessThan(CHI2_999[30] as number);
  });

  it("handles the degenerate cases", () => {
    const r = makeRng(1);
    expect(r.binomial(0, 0.5)).toBe(0);
    expect(r.binomial(10, 0)).toBe(0);
    expect(r.binomial(10, 1)).toBe(10);
  });

  it("rejects bad arguments", () => {
    const r = makeRng(1);
    expect(() => r.binomial(-1, 0.5)).toThrow(/^Rng.binomial: n must be an integer >= 0, got -1$/);
    expect(() => r.binomial(2.5, 0.5)).toThrow(RangeError);
    expect(() => r.binomial(10, 2)).toThrow(/^Rng.binomial: p must be a probability in \[0, 1\], got 2$/);
    expect(() => r.binomial(10, "0.5" as unknown as number)).toThrow(TypeError);
  });
});

describe("rng.gamma(shape, scale) and rng.beta(a, b)", () => {
  it.each([
    [0.3, 1],
    [1, 2],
    [2.5, 0.5],
    [50, 1],
  ])("gamma(%p, %p) has mean kθ and variance kθ² within 5 standard errors", (k, theta) => {
    const r = makeRng(`gamma-${k}`);
    const trials = 50_000;
    const { mean, variance } = moments(draw(trials, () => r.gamma(k, theta)));
    expectWithin(mean, k * theta, 5 * Math.sqrt((k * theta * theta) / trials), "mean");
    // μ4 = 3k(k + 2)θ⁴, so Var(s²) ≈ (2k² + 6k)θ⁴ / trials.
    expectWithin(
      variance,
      k * theta * theta,
      5 * theta * theta * Math.sqrt((2 * k * k + 6 * k) / trials),
      "variance",
    );
  });

  it("gamma(1) and gamma(2) pass Kolmogorov–Smirnov against their CDFs", () => {
    const r = makeRng("gamma-ks");
    const n = 50_000;
    expect(
      ksStatistic(
        draw(n, () => r.gamma(1)),
        (x) => 1 - Math.exp(-x),
      ),
    ).toBeLessThan(1.95 / Math.sqrt(n));
    expect(
      ksStatistic(
        draw(n, () => r.gamma(2, 3)),
        (x) => 1 - Math.exp(-x / 3) * (1 + x / 3),
      ),
    ).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it.each([
    [0.6, 0.9],
    [2, 3],
    [0.1, 0.1],
    [50, 50],
  ])("beta(%p, %p) has the right mean and variance within 5 standard errors", (a, b) => {
    const r = makeRng(`beta-${a}-${b}`);
    const trials = 50_000;
    const xs = draw(trials, () => r.beta(a, b));
    const mu = a / (a + b);
    const sigma2 = (a * b) / ((a + b) ** 2 * (a + b + 1));
    let mean = 0;
    for (const x of xs) mean += x;
    mean /= trials;
    expectWithin(mean, mu, 5 * Math.sqrt(sigma2 / trials), "mean");
    // Second central moment about the true mean, with its standard error from the sample.
    const sq = xs.map((x) => (x - mu) ** 2);
    const m2 = moments(sq);
    expectWithin(m2.mean, sigma2, 5 * Math.sqrt(m2.variance / trials), "variance");
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  it("beta(2, 3) and beta(1, 1) pass Kolmogorov–Smirnov against their CDFs", () => {
    const r = makeRng("beta-ks");
    const n = 50_000;
    // Beta(2, 3): F(x) = 6x² − 8x³ + 3x⁴.
    expect(
      ksStatistic(
        draw(n, () => r.beta(2, 3)),
        (x) => x * x * (6 - 8 * x + 3 * x * x),
      ),
    ).toBeLessThan(1.95 / Math.sqrt(n));
    expect(
      ksStatistic(
        draw(n, () => r.beta(1, 1)),
        (x) => x,
      ),
    ).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it("rejects bad shapes and scales", () => {
    const r = makeRng(1);
    expect(() => r.gamma(0)).toThrow(/^Rng.gamma: shape must be a finite number > 0, got 0$/);
    expect(() => r.gamma(1, -1)).toThrow(/^Rng.gamma: scale must be a finite number > 0, got -1$/);
    expect(() => r.gamma(Infinity)).toThrow(RangeError);
    expect(() => r.beta(0, 1)).toThrow(/^Rng.beta: a must be a finite number > 0, got 0$/);
    expect(() => r.beta(1, NaN)).toThrow(/^Rng.beta: b must be a finite number > 0, got NaN$/);
    expect(() => r.beta("1" as unknown as number, 1)).toThrow(TypeError);
  });
});

describe("rng.categorical(weights) and rng.shuffle(items)", () => {
  it("draws indices in proportion to the weights and never a zero-weight index", () => {
    const r = makeRng("categorical");
    const trials = 100_000;
    const counts = new Float64Array(4);
    for (let i = 0; i < trials; i++) bump(counts, r.categorical([1, 0, 3, 6]));
    expect(counts[1]).toBe(0);
    const positive = [counts[0] as number, counts[2] as number, counts[3] as number];
    expect(chiSquare(positive, [0.1, 0.3, 0.6], trials)).toBeLessThan(CHI2_999[2] as number);
    expect(r.categorical(Float64Array.of(0, 0, 2))).toBe(2);
  });

  it("shuffle permutes in place, uniformly over the 6 orders of 3 items", () => {
    const r = makeRng("shuffle");
    const trials = 60_000;
    const counts = new Map<string, number>();
    let inPlace = true;
    for (let i = 0; i < trials; i++) {
      const items = [0, 1, 2];
      if (r.shuffle(items) !== items) inPlace = false;
      const key = `${items[0]}${items[1]}${items[2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(inPlace).toBe(true);
    expect(counts.size).toBe(6);
    expect(chiSquare([...counts.values()], new Array(6).fill(1 / 6), trials)).toBeLessThan(
      CHI2_999[5] as number,
    );
    const big = Array.from({ length: 100 }, (_, i) => i);
    expect([...r.shuffle([...big])].sort((x, y) => x - y)).toEqual(big);
  });

  it("rejects bad weights and items", () => {
    const r = makeRng(1);
    expect(() => r.categorical([])).toThrow(
      /^Rng.categorical: weights must be a non-empty array, got length 0$/,
    );
    expect(() => r.categorical([1, -1])).toThrow(
      /^Rng.categorical: weights\[1\] must be a finite number >= 0, got -1$/,
    );
    expect(() => r.categorical([1, NaN])).toThrow(RangeError);
    expect(() => r.categorical([0, 0])).toThrow(/^Rng.categorical: weights must have a positive sum, got 0$/);
    expect(() => r.categorical([1, "2"] as unknown as number[])).toThrow(
      /^Rng.categorical: weights\[1\] must be a number, got "2"$/,
    );
    expect(() => r.categorical("ab" as unknown as number[])).toThrow(TypeError);
    expect(() => r.shuffle("abc" as unknown as string[])).toThrow(
      /^Rng.shuffle: items must be an array, got "abc"$/,
    );
  });
});

describe("assertRng, isRng and uncheckedSamplers (internal helpers)", () => {
  it("recognise generators made by makeRng and nothing else", () => {
    expect(isRng(makeRng(1))).toBe(true);
    expect(isRng(makeRng(1).fork("a"))).toBe(true);
    expect(isRng({ next: () => 0.5 })).toBe(false);
    expect(() => assertRng("bestOfN", "rng", Math)).toThrow(
      /^bestOfN: rng must be an Rng made by makeRng\(seed\), got an object$/,
    );
    expect(() => assertRng("bestOfN", "rng", undefined)).toThrow(TypeError);
  });

  it("unchecked samplers follow the same streams as the checked methods", () => {
    const a = makeRng("unchecked");
    const b = makeRng("unchecked");
    const fast = uncheckedSamplers(a);
    for (let i = 0; i < 50; i++) {
      expect(fast.binomial(40, 0.3)).toBe(b.binomial(40, 0.3));
      expect(fast.gamma(0.7)).toBe(b.gamma(0.7));
      expect(fast.beta(2, 5)).toBe(b.beta(2, 5));
    }
  });
});

import fc from "fast-check";
import {
  coverage,
  coverageCurve,
  coverageLaw,
  expectedCoverage,
  expectedCoverageCurve,
  fitCoverageLaw,
  passAtK,
  passAtKPlugIn,
  samplesForCoverage,
} from "../lib/models/coverage";
import { makeRng } from "../lib/base/random";
import { binomialPmf, integrate, logGamma } from "../lib/base/special";
import { expectRelative, expectWithin } from "./helpers/tolerance";

// ---------------------------------------------------------------------------------------------
// Independent references written for the tests

/** Exact coverage by enumerating all 2^n outcomes. */
function coverageByEnumeration(p: number, n: number): number {
  let allWrong = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let prob = 1;
    for (let i = 0; i < n; i++) prob *= (mask >> i) & 1 ? p : 1 - p;
    if (mask === 0) allWrong += prob;
  }
  return 1 - allWrong;
}

/** Exact binomial coefficient with BigInt. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/** num/den rounded to a double, with 64 significant bits of BigInt division first. */
function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = Math.max(0, den.toString(2).length - num.toString(2).length + 64);
  return Number((num << BigInt(shift)) / den) / 2 ** shift;
}

/** pass@k = 1 − C(n−c, k)/C(n, k), exactly, as a double. */
function passAtKExact(n: number, c: number, k: number): number {
  const den = choose(n, k);
  return ratioToNumber(den - choose(n - c, k), den);
}

/**
 * ∫₀¹ f(p) p^(α−1) (1−p)^(β−1) dp by adaptive quadrature. Substitutions remove the end-point
 * singularities (p = u^(1/α) on [0, 1/2], 1 − p = v^(1/β) on [1/2, 1]), and the left half is
 * cut at p = 2^−j so that integrands concentrated near p = 0, like (1 − p)^5000, are not missed.
 */
function betaIntegral(
  f: (p: number) => number,
  alpha: number,
  beta: number,
): { value: number; error: number } {
  const options = { tolerance: 1e-16, maxIntervals: 2000 };
  let value = 0;
  let error = 0;
  for (let j = 1; j <= 61; j++) {
    // Pieces p in [2^−(j+1), 2^−j] for j <= 60, then the last sliver p in [0, 2^−61].
    const piece = integrate(
      (u) => {
        const p = Math.pow(u, 1 / alpha);
        return f(p) * Math.pow(1 - p, beta - 1);
      },
      j === 61 ? 0 : Math.pow(2 ** -(j + 1), alpha),
      Math.pow(2 ** -Math.min(j, 61), alpha),
      options,
    );
    value += piece.value / alpha;
    error += piece.error / alpha;
  }
  const right = integrate(
    (v) => {
      const q = Math.pow(v, 1 / beta);
      return f(1 - q) * Math.pow(1 - q, alpha - 1);
    },
    0,
    Math.pow(0.5, beta),
    options,
  );
  return { value: value + right.value / beta, error: error + right.error / beta };
}

// ---------------------------------------------------------------------------------------------

describe("coverage(p, n)", () => {
  it("matches exhaustive enumeration for small n", () => {
    for (const p of [0, 0.05, 0.3, 0.5, 0.99, 1]) {
      for (const n of [1, 2, 5, 10]) {
        expect(coverage(p, n)).toBeCloseTo(coverageByEnumeration(p, n), 12);
      }
    }
  });

  it("keeps precision for tiny p (relative 1e-6 where the naive formula keeps ~5 digits)", () => {
    expectRelative(coverage(1e-12, 1000), 1e-9, 1e-6);
    // Reference: 1 − (1 − p)^n = np − C(n,2)p² + … ; the second term is 5e-19 here.
    expectRelative(coverage(1e-12, 1000), 1e-9 - 499500 * 1e-24, 1e-12);
  });

  it("is non-decreasing in n and in p", () => {
    let previous = 0;
    for (let n = 1; n <= 64; n++) {
      const current = coverage(0.02, n);
      expect(current).toBeGreaterThanOrEqual(previous);
      previous = current;
    }
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 10000 }),
        (p1, p2, n) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          return coverage(lo, n) <= coverage(hi, n) && coverage(hi, n) <= 1 && coverage(lo, n) >= 0;
        },
      ),
    );
  });

  it.each([NaN, -0.1, 1.5, Infinity, -Infinity])("rejects p = %p with a RangeError", (p) => {
    expect(() => coverage(p, 4)).toThrow(RangeError);
    expect(() => coverage(p, 4)).toThrow(/^coverage: p must be a probability in \[0, 1\], got /);
  });

  it.each([0, -3, 2.5, NaN, Infinity, 2 ** 53])("rejects n = %p with a RangeError", (n) => {
    expect(() => coverage(0.5, n)).toThrow(RangeError);
    expect(() => coverage(0.5, n)).toThrow(/^coverage: n must be an integer >= 1, got /);
  });

  it("rejects non-numbers with a TypeError that shows the value", () => {
    expect(() => coverage("0.5" as unknown as number, 4)).toThrow(TypeError);
    expect(() => coverage("0.5" as unknown as number, 4)).toThrow('coverage: p must be a number, got "0.5"');
    expect(() => coverage(0.5, null as unknown as number)).toThrow("coverage: n must be a number, got null");
  });
});

describe("coverageCurve(p, ns)", () => {
  it("equals (1 − p)^n complemented at each n, for a plain array and a typed array", () => {
    const ns = [1, 2, 3, 7, 64];
    const expected = ns.map((n) => 1 - Math.pow(0.7, n));
    const fromArray = coverageCurve(0.3, ns);
    const fromTyped = coverageCurve(0.3, Int32Array.from(ns));
    for (let i = 0; i < ns.length; i++) {
      expectWithin(fromArray[i] as number, expected[i] as number, 1e-15, `n = ${ns[i]}`);
      expect(fromTyped[i]).toBe(fromArray[i]);
    }
    expect(coverageCurve(0.5, [1, 2, 3])).toEqual([0.5, 0.75, 0.875]);
  });

  it("rejects bad ns, naming the element", () => {
    expect(() => coverageCurve(0.5, [])).toThrow(
      /^coverageCurve: ns must be a non-empty array, got length 0$/,
    );
    expect(() => coverageCurve(0.5, [1, 0])).toThrow(
      /^coverageCurve: ns\[1\] must be an integer >= 1, got 0$/,
    );
    expect(() => coverageCurve(0.5, [1, NaN])).toThrow(RangeError);
    expect(() => coverageCurve(0.5, 4 as unknown as number[])).toThrow(TypeError);
    expect(() => coverageCurve(2, [1])).toThrow(/^coverageCurve: p must be a probability/);
  });
});

describe("samplesForCoverage(p, target)", () => {
  it("gives the stated test vectors", () => {
    expect(samplesForCoverage(0.5, 0.95)).toBe(5);
    expect(samplesForCoverage(0.1, 0.95)).toBe(29);
  });

  it("lands exactly on ties where 1 − (1 − p)^n = target holds in exact arithmetic", () => {
    // p = 1/2, target = 1 − 2^−j: (1/2)^j = 2^−j exactly, so the answer is j.
    for (let j = 1; j <= 50; j++) expect(samplesForCoverage(0.5, 1 - 2 ** -j)).toBe(j);
  });

  it("agrees with a linear search from n = 1 over a grid", () => {
    for (const p of [0.001, 0.02, 0.1, 0.3, 0.5, 0.9, 0.999]) {
      for (const target of [1e-6, 0.1, 0.5, 0.9, 0.99, 0.999999]) {
        let n = 1;
        while (1 - Math.pow(1 - p, n) < target * (1 - 1e-13)) n++; // naive formula, ties tolerated below
        const got = samplesForCoverage(p, target);
        expect(Math.abs(got - n)).toBeLessThanOrEqual(1);
        // The contract, checked directly: the smallest n with coverage(p, n) >= target.
        expect(coverage(p, got)).toBeGreaterThanOrEqual(target);
        if (got > 1) expect(coverage(p, got - 1)).toBeLessThan(target);
      }
    }
  });

  it("returns the smallest sufficient n for random inputs (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1, noNaN: true, maxExcluded: true }),
        fc.double({ min: 0, max: 1 - 1e-12, noNaN: true, minExcluded: true }),
        (p, target) => {
          const n = samplesForCoverage(p, target);
          if (!(n <= 2 ** 40)) return true; // too far out to check neighbours cheaply
          return coverage(p, n) >= target && (n === 1 || coverage(p, n - 1) < target);
        },
      ),
    );
  });

  it("handles the edges as documented", () => {
    expect(samplesForCoverage(0.3, 0)).toBe(1);
    expect(samplesForCoverage(1, 0.999)).toBe(1);
    expect(samplesForCoverage(1, 1)).toBe(1);
    expect(samplesForCoverage(0, 0.5)).toBe(Infinity);
    expect(samplesForCoverage(0, 0)).toBe(1);
    expect(samplesForCoverage(0.3, 1)).toBe(Infinity);
  });

  it("rejects out-of-range arguments", () => {
    expect(() => samplesForCoverage(-0.1, 0.5)).toThrow(
      /^samplesForCoverage: p must be a probability in \[0, 1\], got -0.1$/,
    );
    expect(() => samplesForCoverage(0.5, 1.5)).toThrow(
      /^samplesForCoverage: target must be a probability in \[0, 1\], got 1.5$/,
    );
    expect(() => samplesForCoverage(0.5, NaN)).toThrow(RangeError);
    expect(() => samplesForCoverage(0.5, "0.9" as unknown as number)).toThrow(TypeError);
  });
});

describe("passAtK(n, c, k)", () => {
  it("gives the stated test vectors", () => {
    expect(passAtK(5, 2, 3)).toBeCloseTo(0.9, 15);
    expect(passAtK(10, 3, 5)).toBeCloseTo(1 - 21 / 252, 15);
    expect(passAtK(10, 3, 5)).toBeCloseTo(0.916667, 6);
  });

  it("equals c/n at k = 1", () => {
    for (let n = 1; n <= 60; n++) {
      for (let c = 0; c <= n; c++) expectWithin(passAtK(n, c, 1), c / n, 4e-16, `n=${n} c=${c}`);
    }
  });

  it("matches the exact BigInt value 1 − C(n−c, k)/C(n, k) (relative 1e-13)", () => {
    for (let n = 1; n <= 40; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) {
          const exact = passAtKExact(n, c, k);
          const got = passAtK(n, c, k);
          if (exact === 0) expect(got).toBe(0);
          else expectRelative(got, exact, 1e-13, `n=${n} c=${c} k=${k}`);
        }
      }
    }
    // Larger n, where the ratio is tiny or close to 1.
    for (const [n, c, k] of [
      [200, 1, 1],
      [200, 1, 100],
      [200, 13, 10],
      [200, 100, 100],
      [1000, 3, 2],
      [1000, 997, 2],
      [1000, 500, 300],
    ] as const) {
      expectRelative(passAtK(n, c, k), passAtKExact(n, c, k), 1e-13, `n=${n} c=${c} k=${k}`);
    }
  });

  it("is unbiased: averaged over c ~ Binomial(n, p) it equals coverage(p, k) exactly", () => {
    for (const [n, p, k] of [
      [10, 0.3, 5],
      [50, 0.05, 10],
      [200, 0.02, 100],
      [200, 0.5, 7],
    ] as const) {
      let mean = 0;
      let plugInMean = 0;
      for (let c = 0; c <= n; c++) {
        const w = binomialPmf(n, c, p);
        mean += w * passAtK(n, c, k);
        plugInMean += w * passAtKPlugIn(n, c, k);
      }
      const truth = 1 - Math.pow(1 - p, k);
      // Tolerance: each pmf carries a relative error of about ε·(|log C(n,c)| + |c log p| +
      // |(n−c) log(1−p)|) <= 2.2e-16 × ~300 here, a few 1e-14; summed over the support, 1e-12.
      expectWithin(mean, truth, 1e-12, `unbiased n=${n} p=${p} k=${k}`);
      // The plug-in is biased low (Jensen): its mean falls short by far more than rounding.
      expect(truth - plugInMean).toBeGreaterThan(1e-4);
    }
  });

  it("is monotone in c and k, stays in [0, 1], and never falls below the plug-in (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.nat(), (n, cRaw, kRaw) => {
        const c = cRaw % (n + 1);
        const k = 1 + (kRaw % n);
        const v = passAtK(n, c, k);
        if (!(v >= 0 && v <= 1)) return false;
        if (c < n && passAtK(n, c + 1, k) < v) return false;
        if (k < n && passAtK(n, c, k + 1) < v) return false;
        return passAtKPlugIn(n, c, k) <= v * (1 + 1e-14);
      }),
    );
  });

  it("keeps relative precision for tiny estimates", () => {
    // n = 1e6, c = 1, k = 1: exactly 1e-6; 1 − (1 − 1e-6) in doubles would lose ~6 digits.
    expectRelative(passAtK(1e6, 1, 1), 1e-6, 1e-15);
    expectRelative(passAtK(1e6, 2, 3), passAtKExact(1e6, 2, 3), 1e-14);
  });

  it("rejects bad arguments with the house message", () => {
    expect(() => passAtK(0, 0, 1)).toThrow(/^passAtK: n must be an integer >= 1, got 0$/);
    expect(() => passAtK(10, 11, 1)).toThrow(
      /^passAtK: c must be an integer in \[0, 10\] \(n = 10\), got 11$/,
    );
    expect(() => passAtK(10, 3, 12)).toThrow(
      /^passAtK: k must be an integer in \[1, 10\] \(n = 10\), got 12$/,
    );
    expect(() => passAtK(10, 3, 0)).toThrow(RangeError);
    expect(() => passAtK(10, 2.5, 1)).toThrow(RangeError);
    expect(() => passAtK(10, -1, 1)).toThrow(RangeError);
    expect(() => passAtK("10" as unknown as number, 1, 1)).toThrow(TypeError);
  });
});

describe("passAtKPlugIn(n, c, k)", () => {
  it("is 1 − (1 − c/n)^k", () => {
    expect(passAtKPlugIn(5, 2, 3)).toBeCloseTo(1 - 0.6 ** 3, 15);
    expect(passAtKPlugIn(5, 0, 3)).toBe(0);
    expect(passAtKPlugIn(5, 5, 3)).toBe(1);
    expect(passAtKPlugIn(4, 1, 10)).toBeCloseTo(1 - 0.75 ** 10, 15); // k > n extrapolates
  });

  it("rejects bad arguments", () => {
    expect(() => passAtKPlugIn(4, 5, 1)).toThrow(
      /^passAtKPlugIn: c must be an integer in \[0, 4\] \(n = 4\), got 5$/,
    );
    expect(() => passAtKPlugIn(4, 1, 0)).toThrow(/^passAtKPlugIn: k must be an integer >= 1, got 0$/);
  });
});

describe("expectedCoverage(n, prior)", () => {
  it("is the prior mean at n = 1 and has the textbook closed forms for integer shapes", () => {
    expectWithin(expectedCoverage(1, { alpha: 0.6, beta: 0.9 }), 0.4, 1e-15);
    // The result is a coverage near 1 for large n, so it is compared on the coverage scale:
    // a few ulps of 1 (4e-16) plus a relative 1e-13 of the miss probability.
    const near = (got: number, miss: number, label: string) =>
      expectWithin(got, 1 - miss, 4e-16 + 1e-13 * miss, label);
    // Beta(1, 1) (uniform p): E[(1 − p)^n] = 1/(n + 1), on both sides of the 1000 switch.
    for (const n of [1, 2, 10, 999, 1000, 1001, 5000, 1e6, 1e12]) {
      near(expectedCoverage(n, { alpha: 1, beta: 1 }), 1 / (n + 1), `uniform n=${n}`);
    }
    // Beta(2, 1): E[(1 − p)^n] = 2/((n + 1)(n + 2)).
    for (const n of [1, 7, 1000, 1001, 123456]) {
      near(expectedCoverage(n, { alpha: 2, beta: 1 }), 2 / ((n + 1) * (n + 2)), `Beta(2,1) n=${n}`);
    }
  });

  it("matches the exact BigInt product for integer shapes (4e-16 + 1e-13 × miss probability)", () => {
    for (const [alpha, beta] of [
      [3, 5],
      [1, 20],
    ] as const) {
      let num = 1n;
      let den = 1n;
      const checkpoints = new Set([1, 2, 10, 100, 999, 1000, 1001, 1500]);
      for (let n = 1; n <= 1500; n++) {
        num *= BigInt(beta + n - 1);
        den *= BigInt(alpha + beta + n - 1);
        if (checkpoints.has(n)) {
          const miss = ratioToNumber(num, den);
          expectWithin(
            expectedCoverage(n, { alpha, beta }),
            1 - miss,
            4e-16 + 1e-13 * miss,
            `Beta(${alpha},${beta}) n=${n}`,
          );
        }
      }
    }
  });

  it("matches numerical integration over the Beta density", () => {
    for (const [alpha, beta] of [
      [0.6, 0.9],
      [2, 5],
      [0.3, 3],
      [5, 0.5],
    ] as const) {
      const norm = betaIntegral(() => 1, alpha, beta);
      for (const n of [1, 4, 16, 256, 5000]) {
        const miss = betaIntegral((p) => Math.exp(n * Math.log1p(-p)), alpha, beta);
        const reference = 1 - miss.value / norm.value;
        const tolerance = 1e-12 + (miss.error + norm.error) / norm.value;
        expectWithin(
          expectedCoverage(n, { alpha, beta }),
          reference,
          tolerance,
          `Beta(${alpha},${beta}) n=${n}`,
        );
      }
    }
  });

  it.each([
    // Reference: mpmath 1.3.0, 1 − exp(logΓ(β+n) + logΓ(α+β) − logΓ(β) − logΓ(α+β+n)) at 60 digits.
    [0.3, 3, 17, 0.45091457632804559969],
    [0.6, 0.9, 1e6, 0.99979168625642317985],
    [0.6, 0.9, 1e9, 0.99999669844827382573],
    [0.3, 3, 1e6, 0.97873520871020678057],
    [0.3, 3, 1e12, 0.99966297550252325353],
  ])(
    "matches a 60-digit reference for Beta(%p, %p) at n = %p (relative 1e-15)",
    (alpha, beta, n, expected) => {
      expectRelative(expectedCoverage(n, { alpha, beta }), expected, 1e-15);
    },
  );

  it("agrees with a seeded Monte Carlo over p ~ Beta(α, β) within 5 standard errors", () => {
    const rng = makeRng("expectedCoverage-mc");
    const trials = 100_000;
    const prior = { alpha: 0.6, beta: 0.9 };
    const ns = [1, 8, 64, 512];
    const sums = ns.map(() => 0);
    const squares = ns.map(() => 0);
    for (let t = 0; t < trials; t++) {
      const p = rng.beta(prior.alpha, prior.beta);
      ns.forEach((n, i) => {
        const c = -Math.expm1(n * Math.log1p(-p));
        sums[i] = (sums[i] as number) + c;
        squares[i] = (squares[i] as number) + c * c;
      });
    }
    ns.forEach((n, i) => {
      const mean = (sums[i] as number) / trials;
      const variance = (squares[i] as number) / trials - mean * mean;
      expectWithin(mean, expectedCoverage(n, prior), 5 * Math.sqrt(variance / trials), `n=${n}`);
    });
  });

  it("approaches the power law 1 − E ≈ Γ(α+β)/Γ(β)·n^(−α) for large n", () => {
    const alpha = 0.6;
    const beta = 0.9;
    const constant = Math.exp(logGamma(alpha + beta) - logGamma(beta));
    for (const n of [1e6, 1e9]) {
      // The relative correction is about α(α + 2β − 1)/(2n), below 1e-6 here.
      expectRelative(
        1 - expectedCoverage(n, { alpha, beta }),
        constant * Math.pow(n, -alpha),
        1e-5,
        `n=${n}`,
      );
    }
  });

  it("is increasing in n and smooth across the summation/Stirling switch at n = 1000", () => {
    const prior = { alpha: 0.6, beta: 0.9 };
    const curve = expectedCoverageCurve([997, 998, 999, 1000, 1001, 1002], prior);
    for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThan(curve[i - 1] as number);
    // 1 − E ≈ C·n^(−α), so the third difference is about α(α+1)(α+2)·C·n^(−α−3) ≈ 3e-11 here;
    // a jump between the two evaluation paths would show up as a larger third difference.
    for (let i = 3; i < curve.length; i++) {
      const third =
        (curve[i] as number) -
        3 * (curve[i - 1] as number) +
        3 * (curve[i - 2] as number) -
        (curve[i - 3] as number);
      expect(Math.abs(third)).toBeLessThan(1e-10);
    }
  });

  it("expectedCoverageCurve equals expectedCoverage pointwise", () => {
    const prior = { alpha: 2, beta: 3 };
    const ns = [1, 2, 50, 3000];
    expect(expectedCoverageCurve(ns, prior)).toEqual(ns.map((n) => expectedCoverage(n, prior)));
  });

  it("rejects bad arguments", () => {
    expect(() => expectedCoverage(0, { alpha: 1, beta: 1 })).toThrow(
      /^expectedCoverage: n must be an integer >= 1, got 0$/,
    );
    expect(() => expectedCoverage(4, { alpha: 0, beta: 1 })).toThrow(
      /^expectedCoverage: prior.alpha must be a finite number > 0, got 0$/,
    );
    expect(() => expectedCoverage(4, { alpha: 1, beta: Infinity })).toThrow(/prior.beta/);
    expect(() => expectedCoverage(4, null as unknown as { alpha: number; beta: number })).toThrow(TypeError);
    expect(() =>
      expectedCoverage(4, { alpha: "1", beta: 1 } as unknown as { alpha: number; beta: number }),
    ).toThrow(TypeError);
    expect(() => expectedCoverageCurve([1, 2.5], { alpha: 1, beta: 1 })).toThrow(
      /^expectedCoverageCurve: ns\[1\] must be an integer >= 1, got 2.5$/,
    );
  });
});

describe("coverageLaw({ a, b }, k)", () => {
  it("reproduces the DERIVED check exp(−1.33·100^−0.43) = 0.832", () => {
    expect(coverageLaw({ a: -1.33, b: -0.43 }, 100)).toBeCloseTo(0.832, 3);
    expect(coverageLaw({ a: -1.33, b: -0.43 }, 100)).toBeCloseTo(Math.exp(-1.33 / Math.pow(100, 0.43)), 15);
    expect(coverageLaw({ a: -1.33, b: -0.43 }, 1)).toBeCloseTo(Math.exp(-1.33), 15);
  });

  it("rejects bad parameters", () => {
    expect(() => coverageLaw({ a: 0.5, b: -0.4 }, 10)).toThrow(
      /^coverageLaw: params.a must be a finite number <= 0, got 0.5$/,
    );
    expect(() => coverageLaw({ a: -1, b: NaN }, 10)).toThrow(
      /^coverageLaw: params.b must be a finite number, got NaN$/,
    );
    expect(() => coverageLaw({ a: -1, b: -0.4 }, 0)).toThrow(
      /^coverageLaw: k must be a finite number > 0, got 0$/,
    );
    expect(() => coverageLaw(undefined as unknown as { a: number; b: number }, 10)).toThrow(TypeError);
  });
});

describe("fitCoverageLaw(ks, coverages)", () => {
  // 40 log-spaced k in [1, 10,000], as in Large Language Monkeys App. C.1.
  const ks = Array.from({ length: 40 }, (_, i) => Math.pow(10, (4 * i) / 39));
  const published: [number, number][] = [
    [-1.33, -0.43],
    [-0.75, -0.46],
    [-3.88, -0.11],
    [-8.54, -0.14],
    [-7.59, -0.18],
  ];

  it.each(published)("recovers a = %p, b = %p from exact law data, with and without refinement", (a, b) => {
    const cs = ks.map((k) => Math.exp(a * Math.pow(k, b)));
    for (const refine of [true, false]) {
      const fit = fitCoverageLaw(ks, cs, { refine });
      expectRelative(fit.a, a, 1e-9, `a (refine=${refine})`);
      expectRelative(fit.b, b, 1e-9, `b (refine=${refine})`);
      expect(fit.rmse).toBeLessThan(1e-12);
    }
  });

  it("on noisy data, refinement lowers the coverage-scale error to a stationary point", () => {
    const rng = makeRng("fit-noise");
    const cs = ks.map((k) =>
      Math.min(0.999, Math.max(1e-3, Math.exp(-1.33 * Math.pow(k, -0.43)) + rng.normal(0, 0.01))),
    );
    const linear = fitCoverageLaw(ks, cs, { refine: false });
    const refined = fitCoverageLaw(ks, cs);
    expect(refined.rmse).toBeLessThanOrEqual(linear.rmse);
    // Independent check of stationarity: central finite differences of the sum of squares.
    const sse = (a: number, b: number) =>
      cs.reduce((s, c, i) => s + (c - Math.exp(a * Math.pow(ks[i] as number, b))) ** 2, 0);
    const h = 1e-6;
    const ga = (sse(refined.a + h, refined.b) - sse(refined.a - h, refined.b)) / (2 * h);
    const gb = (sse(refined.a, refined.b + h) - sse(refined.a, refined.b - h)) / (2 * h);
    const gaLinear = (sse(linear.a + h, linear.b) - sse(linear.a - h, linear.b)) / (2 * h);
    expect(Math.abs(ga)).toBeLessThan(1e-6);
    expect(Math.abs(gb)).toBeLessThan(1e-6);
    expect(Math.abs(gaLinear)).toBeGreaterThan(Math.abs(ga));
    // And the fit is near the truth (noise SD 0.01 on 40 points).
    expect(Math.abs(refined.a + 1.33)).toBeLessThan(0.05);
    expect(Math.abs(refined.b + 0.43)).toBeLessThan(0.05);
  });

  it("reports the rmse on the coverage scale", () => {
    const cs = [0.2, 0.5, 0.6, 0.9];
    const k4 = [1, 10, 100, 1000];
    const fit = fitCoverageLaw(k4, cs, { refine: false });
    const rmse = Math.sqrt(
      cs.reduce((s, c, i) => s + (c - Math.exp(fit.a * Math.pow(k4[i] as number, fit.b))) ** 2, 0) / 4,
    );
    expectWithin(fit.rmse, rmse, 1e-15);
  });

  it("validates its inputs", () => {
    expect(() => fitCoverageLaw([1, 2], [0.5])).toThrow(
      /^fitCoverageLaw: coverages must have the same length as ks \(2\), got length 1$/,
    );
    expect(() => fitCoverageLaw([1, 2], [0.5, 1])).toThrow(
      /^fitCoverageLaw: coverages\[1\] must be a number in \(0, 1\), got 1$/,
    );
    expect(() => fitCoverageLaw([1, 2], [0, 0.5])).toThrow(/coverages\[0\]/);
    expect(() => fitCoverageLaw([0, 2], [0.2, 0.5])).toThrow(
      /^fitCoverageLaw: ks\[0\] must be a finite number > 0, got 0$/,
    );
    expect(() => fitCoverageLaw([5, 5, 5], [0.2, 0.3, 0.4])).toThrow(
      /^fitCoverageLaw: ks must be an array with at least 2 distinct values, got \[5, 5, 5\]$/,
    );
    expect(() => fitCoverageLaw([], [])).toThrow(/ks must be a non-empty array/);
    expect(() => fitCoverageLaw([1, 2], [0.2, 0.3], { refine: 1 as unknown as boolean })).toThrow(TypeError);
    expect(() => fitCoverageLaw("1,2" as unknown as number[], [0.2, 0.3])).toThrow(TypeError);
  });
});

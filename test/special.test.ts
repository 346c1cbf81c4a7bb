import fc from "fast-check";
import {
  binomialPmf,
  binomialTail,
  erf,
  erfc,
  integrate,
  logChoose,
  logGamma,
  normalCdf,
  normalPdf,
  normalQuantile,
} from "../lib/base/special";
import { expectRelative, expectWithin } from "./helpers/tolerance";

const EPS = Number.EPSILON; // 2.22e-16

// Reference values below were computed with mpmath 1.3.0 at 50 significant digits
// (mp.ncdf, mp.erfc, mp.loggamma, mp.binomial), unless a comment says otherwise.

// ---------------------------------------------------------------------------------------------
// Independent helpers

/** Pascal's triangle in BigInt, rows 0..nMax. */
function pascal(nMax: number): bigint[][] {
  const rows: bigint[][] = [[1n]];
  for (let n = 1; n <= nMax; n++) {
    const prev = rows[n - 1] as bigint[];
    const row: bigint[] = [1n];
    for (let k = 1; k < n; k++) row.push((prev[k - 1] as bigint) + (prev[k] as bigint));
    row.push(1n);
    rows.push(row);
  }
  return rows;
}

/** Natural log of a positive BigInt, to double precision (Number(x) rounds to nearest). */
function bigLog(x: bigint): number {
  const bits = x.toString(2).length;
  if (bits < 1000) return Math.log(Number(x));
  const shift = bits - 60;
  return Math.log(Number(x >> BigInt(shift))) + shift * Math.LN2;
}

/** num/den rounded to a double after 64-bit-exact BigInt division. */
function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = Math.max(0, den.toString(2).length - num.toString(2).length + 64);
  return Number((num << BigInt(shift)) / den) / 2 ** shift;
}

/** Exact P(X = j) for X ~ Binomial(n, a/b) as BigInt numerators over b^n. */
function exactBinomialNumerators(
  n: number,
  a: number,
  b: number,
  row: bigint[],
): { nums: bigint[]; den: bigint } {
  const A = BigInt(a);
  const B = BigInt(b - a);
  const nums: bigint[] = [];
  for (let j = 0; j <= n; j++) nums.push((row[j] as bigint) * A ** BigInt(j) * B ** BigInt(n - j));
  return { nums, den: BigInt(b) ** BigInt(n) };
}

/** The size of the logs binomialPmf adds up: its relative error is a few ε times this. */
function pmfCondition(n: number, k: number, p: number, lc: number): number {
  return (
    1 +
    Math.abs(lc) +
    (p > 0 ? Math.abs(k * Math.log(p)) : 0) +
    (p < 1 ? Math.abs((n - k) * Math.log1p(-p)) : 0)
  );
}

// ---------------------------------------------------------------------------------------------

describe("normalCdf(x)", () => {
  it.each([
    [-1, 0.15865525393145707],
    [1.96, 0.9750021048517795],
    [-5, 2.866515718791939e-7],
    [0.5, 0.6914624612740131],
    [3, 0.9986501019683699],
    [0, 0.5],
  ])("Φ(%p) = %p to 13+ digits (relative 1e-14)", (x, expected) => {
    expectRelative(normalCdf(x), expected, 1e-14);
  });

  it("keeps relative precision deep in the lower tail", () => {
    expectRelative(normalCdf(-10), 7.61985302416047e-24, 1e-12); // the brief's value, 15 digits
    expectRelative(normalCdf(-10), 7.619853024160526e-24, 1e-14);
    expectRelative(normalCdf(-20), 2.7536241186062337e-89, 1e-13);
    expect(normalCdf(-40)).toBe(0); // Φ(−40) ≈ 3.7e-350 underflows
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it("matches numerical integration of the density, φ integrated from far in the tail", () => {
    for (let x = -12; x <= 0; x += 0.75) {
      // Φ(x) = ∫_{x−12}^{x} φ(t) dt (what lies below x − 12 is < 1e-30 of Φ(x)).
      const reference = integrate(normalPdf, x - 12, x, { tolerance: 1e-17 * normalPdf(x) });
      expectRelative(normalCdf(x), reference.value, 1e-13, `x = ${x}`);
      // The symmetric point: 1 − Φ(−x) computed the same way.
      expectWithin(normalCdf(-x), 1 - reference.value, 2 * EPS, `x = ${-x}`);
    }
  });

  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        (x) => Math.abs(normalCdf(x) + normalCdf(-x) - 1) <= 2 * EPS,
      ),
    );
  });

  it("normalPdf is the standard normal density", () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expectRelative(normalPdf(2), Math.exp(-2) / Math.sqrt(2 * Math.PI), 1e-15);
    expectWithin(integrate(normalPdf, -10, 10).value, 1, 1e-14);
  });

  it.each([
    ["normalCdf", normalCdf],
    ["normalPdf", normalPdf],
    ["erf", erf],
    ["erfc", erfc],
  ] as const)("%s rejects NaN (RangeError) and non-numbers (TypeError)", (name, f) => {
    expect(() => f(NaN)).toThrow(RangeError);
    expect(() => f(NaN)).toThrow(new RegExp(`^${name}: x must be a number other than NaN, got NaN$`));
    expect(() => f("1" as unknown as number)).toThrow(TypeError);
    expect(() => f("1" as unknown as number)).toThrow(new RegExp(`^${name}: x must be a number, got "1"$`));
  });
});

describe("normalQuantile(p)", () => {
  it.each([
    [1e-300, -37.047096299361199],
    [1e-200, -30.205594179579643],
    [1e-100, -21.273453560965324],
    [1e-20, -9.2623400897984076],
    [1e-10, -6.3613409024040562],
    [0.975, 1.9599639845400542],
    [0.3, -0.52440051270804078],
  ])("Φ⁻¹(%p) = %p (relative 1e-14)", (p, expected) => {
    expectRelative(normalQuantile(p), expected, 1e-14);
  });

  it("round-trips through normalCdf over a grid from 1e-300 to 1 − 1e-12", () => {
    const grid = [
      1e-300, 1e-250, 1e-200, 1e-150, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.01, 0.02, 0.02425, 0.025,
    ];
    for (let p = 0.05; p < 0.96; p += 0.05) grid.push(p);
    grid.push(0.97, 0.97575, 0.99, 1 - 1e-5, 1 - 1e-10, 1 - 1e-12);
    for (const p of grid) {
      const x = normalQuantile(p);
      // An error of a few ulps in x moves Φ by φ(x)·δx, i.e. relatively by about |x|·δx ≈ x²·ε
      // in the tails; plus Φ's own error.
      const tail = p < 0.5 ? p : 1 - p;
      const back = p < 0.5 ? normalCdf(x) : normalCdf(-x);
      expectRelative(back, tail, 1e-14 + 8 * EPS * (1 + x * x), `p = ${p}`);
    }
  });

  it("is antisymmetric and handles the end points", () => {
    for (const u of [1e-10, 0.01, 0.2, 0.4999]) {
      const hi = 1 - u; // rounded
      const lo = 1 - hi; // exact (Sterbenz), so lo and hi are exact complements
      expectRelative(normalQuantile(hi), -normalQuantile(lo), 1e-14, `p = ${hi}`);
    }
    expect(normalQuantile(0.5)).toBeCloseTo(0, 15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it("rejects bad p", () => {
    expect(() => normalQuantile(1.5)).toThrow(
      /^normalQuantile: p must be a probability in \[0, 1\], got 1.5$/,
    );
    expect(() => normalQuantile(NaN)).toThrow(RangeError);
    expect(() => normalQuantile(null as unknown as number)).toThrow(TypeError);
  });
});

describe("erf(x) and erfc(x)", () => {
  const references: [number, number][] = [
    [0.1, 0.8875370839817151078],
    [0.5, 0.4795001221869534623],
    [1, 0.1572992070502851307],
    [1.5, 0.03389485352468927293],
    [2, 0.004677734981047265838],
    [2.01, 0.004475150644751758688],
    [2.5, 0.0004069520174449589396],
    [3, 0.00002209049699858544137],
    [4, 1.541725790028001885e-8],
    [5, 1.53745979442803485e-12],
    [6, 2.151973671249891312e-17],
    [8, 1.122429717298292708e-29],
    [10, 2.088487583762544757e-45],
  ];

  it.each(references)("erfc(%p) = %p (relative 1e-14; the doc claims about 1e-15)", (x, expected) => {
    expectRelative(erfc(x), expected, 1e-14);
  });

  // Just below the switch from the erf series to the continued fraction at x = 2, erfc is
  // computed as 1 − erf and loses digits to cancellation (reported; references at the exact
  // double value of x).
  it.each([
    [1.7, 0.01620954140922543916],
    [1.8, 0.01090949836426928385],
    [1.9, 0.007209570764742530052],
    [1.95, 0.005820666407810882341],
    [1.99, 0.004888586800383002762],
  ])("erfc(%p) = %p just below the series/continued-fraction switch (relative 1e-14)", (x, expected) => {
    expectRelative(erfc(x), expected, 1e-14);
  });

  it.each([
    [12, 1.356261169205904213e-64],
    [15, 7.212994172451206667e-100],
    [20, 5.395865611607900929e-176],
    [25, 8.300172571196522752e-274],
    // Non-integer x, where x² is rounded before exp(−x²) (references at the exact double x).
    [16.3, 1.414891302073624657e-117],
    [20.3, 2.985318180601635944e-181],
    [25.7, 3.118899933007383547e-289],
  ])("erfc(%p) = %p far in the tail (relative 1e-14)", (x, expected) => {
    expectRelative(erfc(x), expected, 1e-14);
  });

  it("satisfies erf + erfc = 1, erf(−x) = −erf(x), erfc(−x) = 2 − erfc(x)", () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        return (
          Math.abs(erf(x) + erfc(x) - 1) <= 2 * EPS &&
          Math.abs(erf(-x) + erf(x)) <= 2 * EPS &&
          Math.abs(erfc(-x) - (2 - erfc(x))) <= 4 * EPS
        );
      }),
    );
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
  });

  it("erf keeps relative precision for tiny x (erf(x) ≈ 2x/√π)", () => {
    expectRelative(erf(1e-8), 1.12837916709551256e-8, 1e-14);
    expectRelative(erf(1e-12), 1.128379167095512551e-12, 1e-14);
    expectRelative(erf(1e-20), 1.128379167095512512e-20, 1e-14);
    expectRelative(erf(-1e-12), -1.128379167095512551e-12, 1e-14);
  });

  it("erf matches the integral 2/√π ∫₀ˣ e^(−t²) dt", () => {
    for (const x of [0.01, 0.3, 0.9, 1.7, 2.6, 4]) {
      const reference =
        (2 / Math.sqrt(Math.PI)) * integrate((t) => Math.exp(-t * t), 0, x, { tolerance: 1e-18 }).value;
      expectRelative(erf(x), reference, 1e-14, `x = ${x}`);
    }
  });
});

describe("logGamma(x)", () => {
  it.each([
    [1e-300, 690.7755278982137052],
    [1e-10, 23.02585092988273527],
    [1e-5, 11.51291969289582571],
    [0.1, 2.25271265173420596],
    [0.3, 1.095797994818075522],
    [1.5, -0.1207822376352452223],
    [2.5, 0.2846828704729191596],
    [7.7, 7.926541356269004428],
    [100.5, 361.4355404677776216],
    [300000.5, 3483462.245029895749],
    [1e10, 220258509288.8105815],
    [1e15, 33538776394910668.91],
  ])("logΓ(%p) = %p (relative 1e-14)", (x, expected) => {
    expectRelative(logGamma(x), expected, 1e-14);
  });

  it("has absolute error about 1e-15 near its zeros at 1 and 2", () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expectWithin(logGamma(0.999999), 5.772164873689669706e-7, 4e-15);
    expectWithin(logGamma(1.000001), -5.772148424349001219e-7, 4e-15);
    expectWithin(logGamma(2.000001), 4.227846575654332112e-7, 4e-15);
  });

  it("gives Γ(1/2) = √π", () => {
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
  });

  it("equals log n! computed with BigInt for n up to 300", () => {
    let factorial = 1n;
    for (let n = 1; n <= 300; n++) {
      factorial *= BigInt(n);
      const expected = bigLog(factorial);
      expectWithin(logGamma(n + 1), expected, 4e-15 * Math.max(1, expected), `n = ${n}`);
    }
  });

  it("satisfies the recurrence log Γ(x + 1) = log Γ(x) + log x over a grid", () => {
    for (let i = 0; i < 2000; i++) {
      const x = 0.01 * Math.pow(20000, i / 1999); // 0.01 … 200, log-spaced
      const lhs = logGamma(x + 1);
      const rhs = logGamma(x) + Math.log(x);
      // Each term carries about 1e-15 relative (or absolute, near the zeros) error.
      expectWithin(
        lhs,
        rhs,
        4e-15 * (1 + Math.abs(lhs) + Math.abs(logGamma(x)) + Math.abs(Math.log(x))),
        `x = ${x}`,
      );
    }
  });

  it("matches an independent Stirling series for large x", () => {
    for (const x of [20.5, 57.3, 1234.5, 1e7 + 0.25]) {
      const x2 = x * x;
      // Series through 1/(1188x⁹); the first omitted term, 691/(360360x¹¹), is < 1e-16 at x = 20.5.
      const stirling =
        (x - 0.5) * Math.log(x) -
        x +
        0.5 * Math.log(2 * Math.PI) +
        (1 / x) *
          (1 / 12 - (1 / x2) * (1 / 360 - (1 / x2) * (1 / 1260 - (1 / x2) * (1 / 1680 - 1 / (1188 * x2)))));
      expectRelative(logGamma(x), stirling, 2e-15, `x = ${x}`);
    }
  });

  it.each([0, -1, -0.5, Infinity, NaN])("rejects x = %p", (x) => {
    expect(() => logGamma(x)).toThrow(RangeError);
    expect(() => logGamma(x)).toThrow(/^logGamma: x must be a finite number > 0, got /);
  });
});

describe("logChoose(n, k)", () => {
  it("equals log C(n, k) from a BigInt Pascal triangle for every n <= 200", () => {
    const rows = pascal(200);
    let worst = 0;
    for (let n = 0; n <= 200; n++) {
      for (let k = 0; k <= n; k++) {
        const expected = bigLog((rows[n] as bigint[])[k] as bigint);
        const got = logChoose(n, k);
        // Relative 1e-14 of the larger of the value and log Γ(n + 1), whose differences it may use.
        const scale = Math.max(1, expected, n > 30 ? logGamma(n + 1) * 0.1 : 0);
        worst = Math.max(worst, Math.abs(got - expected) / scale);
        expectWithin(got, expected, 1e-14 * scale, `n=${n} k=${k}`);
      }
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it("rejects bad arguments", () => {
    expect(() => logChoose(10, 11)).toThrow(
      /^logChoose: k must be an integer in \[0, 10\] \(n = 10\), got 11$/,
    );
    expect(() => logChoose(-1, 0)).toThrow(/^logChoose: n must be an integer >= 0, got -1$/);
    expect(() => logChoose(5.5, 1)).toThrow(RangeError);
    expect(() => logChoose(5, "1" as unknown as number)).toThrow(TypeError);
  });
});

describe("binomialPmf(n, k, p)", () => {
  it("matches exact rational values for n <= 40", () => {
    const rows = pascal(40);
    for (const [a, b] of [
      [1, 10],
      [3, 10],
      [1, 2],
      [7, 10],
      [99, 100],
    ] as const) {
      const p = a / b;
      for (const n of [1, 2, 7, 20, 40]) {
        const { nums, den } = exactBinomialNumerators(n, a, b, rows[n] as bigint[]);
        for (let k = 0; k <= n; k++) {
          const exact = ratioToNumber(nums[k] as bigint, den);
          const cond = pmfCondition(n, k, p, logChoose(n, k));
          expectRelative(binomialPmf(n, k, p), exact, 4 * EPS * cond, `n=${n} k=${k} p=${a}/${b}`);
        }
      }
    }
  });

  it("sums to 1 over k = 0..n", () => {
    for (const n of [0, 1, 5, 50, 500, 5000]) {
      for (const p of [0, 1e-3, 0.3, 0.5, 0.97, 1]) {
        let sum = 0;
        let cond = 1;
        for (let k = 0; k <= n; k++) {
          const v = binomialPmf(n, k, p);
          sum += v;
          if (v > 1e-300) cond = Math.max(cond, pmfCondition(n, k, p, logChoose(n, k)));
        }
        expectWithin(sum, 1, 4 * EPS * cond + n * EPS, `n=${n} p=${p}`);
      }
    }
  });

  it("handles p = 0 and p = 1 exactly", () => {
    expect(binomialPmf(5, 0, 0)).toBe(1);
    expect(binomialPmf(5, 1, 0)).toBe(0);
    expect(binomialPmf(5, 5, 1)).toBe(1);
    expect(binomialPmf(5, 4, 1)).toBe(0);
    expect(binomialPmf(4, 2, 0.5)).toBe(0.375);
  });

  it("keeps double precision for large n (relative 1e-12)", () => {
    // Reference: mpmath, binomial(n, k)·0.3^k·0.7^(n−k) at 50 digits.
    expectRelative(binomialPmf(1e4, 3000, 0.3), 0.008705361365067056519, 1e-12, "n = 1e4");
    expectRelative(binomialPmf(1e6, 300000, 0.3), 0.00087056315463668078156, 1e-12, "n = 1e6");
    expectRelative(binomialPmf(1e8, 3e7, 0.3), 0.000087056342482221605821, 1e-12, "n = 1e8");
  });

  it("rejects bad arguments", () => {
    expect(() => binomialPmf(4, 5, 0.5)).toThrow(
      /^binomialPmf: k must be an integer in \[0, 4\] \(n = 4\), got 5$/,
    );
    expect(() => binomialPmf(4, 1, 1.5)).toThrow(
      /^binomialPmf: p must be a probability in \[0, 1\], got 1.5$/,
    );
    expect(() => binomialPmf(-4, 1, 0.5)).toThrow(/^binomialPmf: n must be an integer >= 0, got -4$/);
  });
});

describe("binomialTail(n, k, p)", () => {
  it("matches exact rational tail sums for n <= 40, including tiny tails", () => {
    const rows = pascal(40);
    for (const [a, b] of [
      [1, 10],
      [3, 10],
      [1, 2],
      [99, 100],
    ] as const) {
      const p = a / b;
      for (const n of [1, 3, 10, 25, 40]) {
        const { nums, den } = exactBinomialNumerators(n, a, b, rows[n] as bigint[]);
        let cond = 1;
        for (let j = 0; j <= n; j++) cond = Math.max(cond, pmfCondition(n, j, p, logChoose(n, j)));
        for (let k = 0; k <= n + 1; k++) {
          let num = 0n;
          for (let j = k; j <= n; j++) num += nums[j] as bigint;
          const exact = ratioToNumber(num, den);
          // Relative error of the summed pmfs (a few ε·cond), or a few ulps of 1 when the
          // function sums the other side and subtracts from 1.
          expectWithin(
            binomialTail(n, k, p),
            exact,
            4 * EPS * cond * exact + 4 * EPS,
            `n=${n} k=${k} p=${a}/${b}`,
          );
          if (exact < 1e-3 && exact > 0)
            expectRelative(binomialTail(n, k, p), exact, 4 * EPS * cond, `tail n=${n} k=${k}`);
        }
      }
    }
  });

  it("matches the regularised incomplete beta integral I_p(k, n − k + 1) for n = 100", () => {
    const n = 100;
    for (const p of [0.05, 0.3, 0.62]) {
      for (const k of [1, 5, 20, 31, 50, 70, 95]) {
        // P(X >= k) = k·C(n, k) ∫₀^p t^(k−1) (1 − t)^(n−k) dt
        const lc = logChoose(n, k);
        const f = (t: number) => k * Math.exp(lc + (k - 1) * Math.log(t) + (n - k) * Math.log1p(-t));
        const peak = Math.max(Math.min(p, (k - 1) / (n - 1)), 1e-3 * p); // integrand's maximum on (0, p]
        const scale = f(peak) * p;
        const reference = integrate(f, 0, p, { tolerance: 1e-16 * scale, maxIntervals: 5000 });
        expectRelative(binomialTail(n, k, p), reference.value, 1e-12, `k=${k} p=${p}`);
      }
    }
  });

  it("is consistent under X ↦ n − X: P(X >= k) = 1 − P(Y >= n − k + 1), Y ~ Bin(n, 1 − p)", () => {
    for (const n of [1000, 100000]) {
      // The pmfs add and subtract logs as large as log Γ(n + 1); both sides carry a relative
      // error of a few ε times that (the precision test below asks for more).
      const tolerance = 4 * EPS * 3 * logGamma(n + 1);
      for (const p of [0.01, 0.3, 0.5]) {
        const mean = n * p;
        const sd = Math.sqrt(n * p * (1 - p));
        for (const z of [-4, -1, 0, 0.5, 3]) {
          const k = Math.max(0, Math.round(mean + z * sd));
          expectWithin(
            binomialTail(n, k, p),
            1 - binomialTail(n, n - k + 1, 1 - p),
            tolerance,
            `n=${n} p=${p} k=${k}`,
          );
        }
      }
    }
  });

  it("keeps double precision for large n (relative 1e-12)", () => {
    // Reference: mpmath, the tail summed term by term at 50 digits.
    expectRelative(binomialTail(1e4, 3100, 0.3), 0.015156387528068955323, 1e-12, "n = 1e4");
    expectRelative(binomialTail(1e6, 301000, 0.3), 0.014608639268020395856, 1e-12, "n = 1e6");
  });

  it("gives 1 for k <= 0 and 0 for k > n, and the stated majority-of-3 example", () => {
    expect(binomialTail(10, 0, 0.3)).toBe(1);
    expect(binomialTail(10, -5, 0.3)).toBe(1);
    expect(binomialTail(10, 11, 0.3)).toBe(0);
    expect(binomialTail(3, 2, 0.9)).toBeCloseTo(0.972, 15);
  });

  it("rejects bad arguments", () => {
    expect(() => binomialTail(1e8 + 1, 1, 0.5)).toThrow(
      /^binomialTail: n must be an integer in \[0, 100000000\], got 100000001$/,
    );
    expect(() => binomialTail(10, 2.5, 0.5)).toThrow(/^binomialTail: k must be an integer, got 2.5$/);
    expect(() => binomialTail(10, 2, -0.5)).toThrow(/^binomialTail: p must be a probability/);
    expect(() => binomialTail(10, "2" as unknown as number, 0.5)).toThrow(TypeError);
  });
});

describe("integrate(f, a, b, options)", () => {
  it("is exact on one interval for polynomials up to degree 22 (Kronrod-15), not beyond", () => {
    for (let d = 0; d <= 29; d++) {
      const exact = d % 2 === 1 ? 0 : 2 / (d + 1);
      const single = integrate((x) => x ** d, -1, 1, { maxIntervals: 1 });
      expect(single.evaluations).toBe(15);
      if (d <= 22) {
        expectWithin(single.value, exact, 4 * EPS, `degree ${d}`);
      } else if (d % 2 === 0) {
        // Even degrees 24–28 are integrated inexactly on one interval, and the
        // error estimate says so.
        expect(Math.abs(single.value - exact)).toBeGreaterThan(1e-12);
        expect(single.error).toBeGreaterThan(Math.abs(single.value - exact));
      } else {
        expect(single.value).toBe(0); // odd integrands cancel on the symmetric rule
      }
      // Gauss-7 inside the pair is exact to degree 13, so the error estimate is ~0 there.
      if (d <= 13) expect(single.error).toBeLessThan(4 * EPS);
      // Adaptive subdivision gets every degree right.
      expectWithin(integrate((x) => x ** d, -1, 1).value, exact, 1e-14, `adaptive degree ${d}`);
    }
  });

  it.each([
    ["sin on [0, π]", Math.sin, 0, Math.PI, 2],
    ["exp on [0, 1]", Math.exp, 0, 1, Math.E - 1],
    ["1/(1 + x²) on [0, 1]", (x: number) => 1 / (1 + x * x), 0, 1, Math.PI / 4],
    ["√x on [0, 1]", Math.sqrt, 0, 1, 2 / 3],
    ["log x on (0, 1]", Math.log, 0, 1, -1],
    ["1/√x on (0, 1]", (x: number) => 1 / Math.sqrt(x), 0, 1, 2],
    [
      "e^(−x²) on [−6, 6]",
      (x: number) => Math.exp(-x * x),
      -6,
      6,
      Math.sqrt(Math.PI) * (1 - 2.151973671249891312e-17),
    ],
  ])("integrates %s, and its error estimate covers the true error", (_name, f, a, b, exact) => {
    const r = integrate(f, a, b);
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(r.error + 4 * EPS * Math.abs(exact));
    expectWithin(r.value, exact, 1e-12);
  });

  it("reports an honest error when stopped early", () => {
    const f = (x: number) => Math.sin(50 * x) ** 2; // ∫₀^π = π/2
    const r = integrate(f, 0, Math.PI, { maxIntervals: 2 });
    expect(Math.abs(r.value - Math.PI / 2)).toBeLessThanOrEqual(r.error);
  });

  it("rejects bad arguments", () => {
    expect(() => integrate("sin" as unknown as (x: number) => number, 0, 1)).toThrow(
      /^integrate: f must be a function, got "sin"$/,
    );
    expect(() => integrate(Math.sin, 1, 1)).toThrow(
      /^integrate: b must be a finite number > a \(a = 1\), got 1$/,
    );
    expect(() => integrate(Math.sin, 0, Infinity)).toThrow(
      /^integrate: b must be a finite number, got Infinity$/,
    );
    expect(() => integrate(Math.sin, NaN, 1)).toThrow(RangeError);
    expect(() => integrate(() => NaN, 0, 1)).toThrow(
      /^integrate: f\(0.5\) must be a finite number, got NaN$/,
    );
    expect(() => integrate(Math.sin, 0, 1, { tolerance: 0 })).toThrow(
      /^integrate: options.tolerance must be a finite number > 0, got 0$/,
    );
    expect(() => integrate(Math.sin, 0, 1, { maxIntervals: 0 })).toThrow(/options.maxIntervals/);
    expect(() => integrate(Math.sin, 0, 1, 5 as unknown as object)).toThrow(TypeError);
  });
});

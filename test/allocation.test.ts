import fc from "fast-check";
import { adaptiveAllocation, uniformAllocation, uniformAllocationExact } from "../lib/models/allocation";
import { makeBenchmark, makeQuestion, type Question } from "../lib/models/questions";
import { makeRng, type Rng } from "../lib/base/random";
import { expectWithin } from "./helpers/tolerance";

// ---------------------------------------------------------------------------------------------
// Independent reference: exact evaluation of an adaptive policy by recursion over outcomes
// ---------------------------------------------------------------------------------------------

interface ExactPolicyValue {
  /** Probability that exactly s questions end up solved, s = 0..Q. */
  solvedDistribution: number[];
  /** Expected samples each question receives. */
  expectedCounts: number[];
}

/**
 * Exact outcome distribution of an adaptive policy with an oracle check.
 * `choose(counts, solved)` returns the question to sample next (or -1); each
 * sample of question i is correct with probability ps[i], independently.
 */
function exactPolicy(
  ps: number[],
  budget: number,
  choose: (counts: number[], solved: boolean[]) => number,
): ExactPolicyValue {
  const Q = ps.length;
  const solvedDistribution = new Array<number>(Q + 1).fill(0);
  const expectedCounts = new Array<number>(Q).fill(0);
  const walk = (counts: number[], solved: boolean[], remaining: number, prob: number): void => {
    const i = remaining > 0 ? choose(counts, solved) : -1;
    if (i < 0) {
      const s = solved.filter(Boolean).length;
      solvedDistribution[s] = (solvedDistribution[s] as number) + prob;
      counts.forEach((c, j) => (expectedCounts[j] = (expectedCounts[j] as number) + prob * c));
      return;
    }
    const p = ps[i] as number;
    const nextCounts = counts.slice();
    nextCounts[i] = (nextCounts[i] as number) + 1;
    if (p > 0) {
      const nextSolved = solved.slice();
      nextSolved[i] = true;
      walk(nextCounts, nextSolved, remaining - 1, prob * p);
    }
    if (p < 1) walk(nextCounts, solved, remaining - 1, prob * (1 - p));
  };
  walk(new Array<number>(Q).fill(0), new Array<boolean>(Q).fill(false), budget, 1);
  return { solvedDistribution, expectedCounts };
}

/** Round-robin = among unsolved questions, fewest samples first, then lowest index. */
function roundRobin(counts: number[], solved: boolean[]): number {
  let best = -1;
  for (let i = 0; i < counts.length; i++) {
    if (solved[i]) continue;
    if (best === -1 || (counts[i] as number) < (counts[best] as number)) best = i;
  }
  return best;
}

/** The documented UCB index, rewritten here: Beta(s·m, s·(1 − m) + n) mean + z·sd. */
function ucbChooser(priorMeans: number[], strength: number, optimism: number) {
  return (counts: number[], solved: boolean[]): number => {
    let best = -1;
    let bestIndex = -Infinity;
    for (let i = 0; i < counts.length; i++) {
      if (solved[i]) continue;
      const a = strength * (priorMeans[i] as number);
      const b = strength * (1 - (priorMeans[i] as number)) + (counts[i] as number);
      const mean = a / (a + b);
      const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
      const index = mean + optimism * sd;
      if (index > bestIndex) {
        best = i;
        bestIndex = index;
      }
    }
    return best;
  };
}

/** Mean, variance and kurtosis of the fraction solved, from the exact distribution. */
function moments(value: ExactPolicyValue): { mean: number; variance: number; kurtosis: number } {
  const Q = value.solvedDistribution.length - 1;
  let mean = 0;
  value.solvedDistribution.forEach((w, s) => (mean += (w * s) / Q));
  let m2 = 0;
  let m4 = 0;
  value.solvedDistribution.forEach((w, s) => {
    const d = s / Q - mean;
    m2 += w * d * d;
    m4 += w * d ** 4;
  });
  return { mean, variance: m2, kurtosis: m4 / (m2 * m2) };
}

/**
 * Checks a simulated result against the exact policy value: accuracy within 5
 * exact standard errors, the reported standard error within 5 SD of the exact
 * one (the sample SD's relative SD is ≈ √((κ − 1)/(4T))), and per-question
 * sample counts within 5 SE (each count is between 0 and the budget, so its
 * SD is at most budget/2).
 */
function expectMatchesExact(
  result: { accuracy: number; standardError: number; samplesPerQuestion: Float64Array; trials: number },
  exact: ExactPolicyValue,
  budget: number,
  label: string,
): void {
  const { mean, variance, kurtosis } = moments(exact);
  const T = result.trials;
  const se = Math.sqrt(variance / T);
  expectWithin(result.accuracy, mean, 5 * se, `${label}: accuracy`);
  expectWithin(
    result.standardError / se,
    1,
    5 * Math.sqrt((kurtosis - 1) / (4 * T)),
    `${label}: standard error`,
  );
  exact.expectedCounts.forEach((c, i) => {
    expectWithin(
      result.samplesPerQuestion[i] as number,
      c,
      (5 * budget) / 2 / Math.sqrt(T),
      `${label}: samples of question ${i}`,
    );
  });
}

// =============================================================================================
// uniformAllocationExact
// =============================================================================================

describe("uniformAllocationExact(questions, budget)", () => {
  it("splits the budget evenly, remainder to the first questions", () => {
    const r = uniformAllocationExact([0.1, 0.2, 0.3, 0.4], 10);
    expect(Array.from(r.samples)).toEqual([3, 3, 2, 2]);
  });

  it("matches 1 − Π(1 − p) computed by repeated multiplication", () => {
    const ps = [0.5, 0.1, 0.01, 0, 1, 0.73];
    const budget = 27;
    const r = uniformAllocationExact(ps, budget);
    let sum = 0;
    ps.forEach((p, i) => {
      let allFail = 1;
      for (let k = 0; k < (r.samples[i] as number); k++) allFail *= 1 - p;
      expect(r.solvedProbability[i]).toBeCloseTo(1 - allFail, 14);
      sum += 1 - allFail;
    });
    expect(r.accuracy).toBeCloseTo(sum / ps.length, 14);
    expect(uniformAllocationExact([0.5, 0.1], 4).accuracy).toBeCloseTo(0.47, 14);
  });

  it("gives E[min(G, n)] = Σ_{k<n} (1 − p)^k for the samples used with stopping", () => {
    const ps = [0.5, 0.1, 0, 1];
    const r = uniformAllocationExact(ps, 20);
    let total = 0;
    ps.forEach((p, i) => {
      let expected = 0;
      for (let k = 0; k < (r.samples[i] as number); k++) expected += (1 - p) ** k;
      expect(r.expectedSamplesWithStopping[i]).toBeCloseTo(expected, 12);
      total += expected;
    });
    expect(r.expectedTotalWithStopping).toBeCloseTo(total, 12);
  });

  it("accepts a benchmark, questions or probabilities alike", () => {
    const bench = makeBenchmark({ size: 20, seed: "alloc" });
    const a = uniformAllocationExact(bench, 50).accuracy;
    expect(uniformAllocationExact(bench.questions, 50).accuracy).toBe(a);
    expect(
      uniformAllocationExact(
        bench.questions.map((q) => q.p),
        50,
      ).accuracy,
    ).toBe(a);
    expect(
      uniformAllocationExact(
        Float64Array.from(bench.questions, (q) => q.p),
        50,
      ).accuracy,
    ).toBe(a);
  });

  it("keeps precision for tiny p", () => {
    expect(uniformAllocationExact([1e-12], 1000).accuracy / 1e-9).toBeCloseTo(1, 6);
  });
});

// =============================================================================================
// uniformAllocation (simulated)
// =============================================================================================

describe("uniformAllocation(questions, budget, options)", () => {
  const ps = [0.6, 0.25, 0.05, 0.01, 0];

  it("matches the exact accuracy within 5 standard errors", () => {
    const budget = 13;
    const trials = 20000;
    const exact = uniformAllocationExact(ps, budget);
    // Questions are independent under uniform allocation: Var = Σ c_i(1 − c_i) / Q².
    let v = 0;
    for (const c of exact.solvedProbability) v += c * (1 - c);
    const se = Math.sqrt(v / ps.length ** 2 / trials);
    const r = uniformAllocation(ps, budget, { rng: makeRng("alloc/uniform"), trials });
    expectWithin(r.accuracy, exact.accuracy, 5 * se);
    expect(r.uniformAccuracy).toBe(exact.accuracy);
    expect(r.gainOverUniform).toBeCloseTo(r.accuracy - exact.accuracy, 15);
    expectWithin(r.standardError / se, 1, 0.05, "reported standard error (relative)");
    for (let i = 0; i < ps.length; i++) expect(r.samplesPerQuestion[i]).toBe(exact.samples[i]);
    expect(r.samplesUsed).toBe(budget);
  });

  it("with stopWhenSolved spends E[min(G, n)] per question (5 SE) and keeps the accuracy", () => {
    const budget = 13;
    const trials = 20000;
    const exact = uniformAllocationExact(ps, budget);
    const stop = uniformAllocation(ps, budget, { rng: makeRng("alloc/stop"), trials, stopWhenSolved: true });
    const plain = uniformAllocation(ps, budget, { rng: makeRng("alloc/stop"), trials });
    expect(stop.accuracy).toBe(plain.accuracy); // same draws, same solved questions
    ps.forEach((p, i) => {
      const n = exact.samples[i] as number;
      // E[min(G, n)²] by direct summation over the geometric distribution.
      let m1 = 0;
      let m2 = 0;
      for (let g = 1; g <= n; g++) {
        const w = g < n ? (1 - p) ** (g - 1) * p : (1 - p) ** (n - 1);
        m1 += w * g;
        m2 += w * g * g;
      }
      expect(m1).toBeCloseTo(exact.expectedSamplesWithStopping[i] as number, 12);
      const se = Math.sqrt(Math.max(m2 - m1 * m1, 0) / trials);
      expectWithin(stop.samplesPerQuestion[i] as number, m1, Math.max(5 * se, 1e-12), `question ${i}`);
    });
    expect(stop.samplesUsed).toBeLessThan(budget);
  });

  it("gives identical results for the same seed", () => {
    const a = uniformAllocation(ps, 9, { rng: makeRng(5), trials: 50 });
    const b = uniformAllocation(ps, 9, { rng: makeRng(5), trials: 50 });
    expect(a).toEqual(b);
  });
});

// =============================================================================================
// adaptiveAllocation
// =============================================================================================

describe("adaptiveAllocation(questions, budget, options)", () => {
  const ps = [0.9, 0.3, 0.05];
  const budget = 6;
  const trials = 20000;

  it("stop-when-solved matches the exact round-robin value (accuracy, its SE, samples per question)", () => {
    const exact = exactPolicy(ps, budget, roundRobin);
    const r = adaptiveAllocation(ps, budget, { rng: makeRng("alloc/rr"), trials });
    expect(r.policy).toBe("stop-when-solved");
    expectMatchesExact(r, exact, budget, "round-robin");
  });

  it("ucb with prior means matches the exact value of the documented index policy", () => {
    const priorMeans = [0.2, 0.7, 0.1];
    const exact = exactPolicy(ps, budget, ucbChooser(priorMeans, 5, 1));
    const r = adaptiveAllocation(ps, budget, {
      rng: makeRng("alloc/ucb"),
      trials,
      policy: "ucb",
      priorMeans,
      priorStrength: 5,
    });
    expect(r.policy).toBe("ucb");
    expectMatchesExact(r, exact, budget, "ucb");
  });

  it("greedy Bayes (optimism 0) with the true pass@1 as a strong prior matches its exact value", () => {
    const qs = [0.9, 0.9, 0.01, 0.01];
    const exact = exactPolicy(qs, 4, ucbChooser(qs, 100, 0));
    const r = adaptiveAllocation(qs, 4, {
      rng: makeRng("alloc/greedy"),
      trials,
      policy: "ucb",
      priorMeans: qs,
      priorStrength: 100,
      optimism: 0,
    });
    expectMatchesExact(r, exact, 4, "greedy");
    // Round-robin gives each question one sample: (0.9 + 0.9 + 0.01 + 0.01)/4 = 0.455; knowing
    // which questions are easy lets the greedy policy retry them instead.
    expect(moments(exact).mean).toBeGreaterThan(0.455);
  });

  it("ucb without prior knowledge makes exactly the round-robin choices (same seed, same numbers)", () => {
    const bench = makeBenchmark({ size: 50, seed: "alloc-eq" });
    for (const b of [30, 200, 777]) {
      const rr = adaptiveAllocation(bench, b, { rng: makeRng(b), trials: 20 });
      const ucb = adaptiveAllocation(bench, b, { rng: makeRng(b), trials: 20, policy: "ucb" });
      const flat = adaptiveAllocation(bench, b, {
        rng: makeRng(b),
        trials: 20,
        policy: "ucb",
        priorMeans: new Array(50).fill(0.3),
      });
      expect(Array.from(ucb.solvedRate)).toEqual(Array.from(rr.solvedRate));
      expect(Array.from(ucb.samplesPerQuestion)).toEqual(Array.from(rr.samplesPerQuestion));
      expect(Array.from(flat.samplesPerQuestion)).toEqual(Array.from(rr.samplesPerQuestion));
    }
  });

  it("stop-when-solved solves every question uniform solves under the same draws (coupling, any instance)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer(),
        (qs, b, seed) => {
          const u = uniformAllocation(qs, b, { rng: makeRng(seed), trials: 5 });
          const a = adaptiveAllocation(qs, b, { rng: makeRng(seed), trials: 5 });
          return qs.every((_, i) => (a.solvedRate[i] as number) >= (u.solvedRate[i] as number));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("stop-when-solved is never worse than uniform in expectation (seeded MC, 5 SE)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer(),
        (qs, b, seed) => {
          const trials = 200;
          const r = adaptiveAllocation(qs, b, { rng: makeRng(seed), trials });
          // An estimated SE is 0 when no trial differs (say, every p is tiny); as in
          // expectProportionNear, floor it at the resolution of the estimate, 1/(Q·T).
          const se = Math.max(r.standardError, 1 / (qs.length * trials));
          return r.accuracy >= r.uniformAccuracy - 5 * se;
        },
      ),
      { numRuns: 25 },
    );
  });

  it("on the default benchmark, 4 samples per question: stop-when-solved beats uniform by many SE", () => {
    const bench = makeBenchmark();
    const r = adaptiveAllocation(bench, 2000, { rng: makeRng(3), trials: 40 });
    expect(r.uniformAccuracy).toBeCloseTo(uniformAllocationExact(bench, 2000).accuracy, 15);
    expect(r.gainOverUniform).toBeGreaterThan(10 * r.standardError);
  });

  it("makes the costs add up: per-question samples sum to samplesUsed <= budget", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom("stop-when-solved" as const, "ucb" as const),
        fc.integer(),
        (qs, b, policy, seed) => {
          const r = adaptiveAllocation(qs, b, { rng: makeRng(seed), trials: 4, policy });
          const total = Array.from(r.samplesPerQuestion).reduce((s, x) => s + x, 0);
          return Math.abs(total - r.samplesUsed) <= 1e-9 * b && r.samplesUsed <= b + 1e-9;
        },
      ),
      { numRuns: 60 },
    );
  });

  it("spends the whole budget unless everything is solved, and one sample per certain question", () => {
    const hopeless = adaptiveAllocation([0, 0, 0], 10, { rng: makeRng(1), trials: 3 });
    expect(hopeless.samplesUsed).toBe(10);
    expect(hopeless.accuracy).toBe(0);
    expect(Array.from(hopeless.samplesPerQuestion)).toEqual([4, 3, 3]);
    const certain = adaptiveAllocation([1, 1, 1], 10, { rng: makeRng(1), trials: 3, policy: "ucb" });
    expect(certain.samplesUsed).toBe(3);
    expect(certain.accuracy).toBe(1);
    expect(certain.standardError).toBe(0);
  });

  it("accepts questions and benchmarks as well as probabilities", () => {
    const qs: Question[] = [makeQuestion(0.4), makeQuestion(0.2, { id: 1 })];
    const a = adaptiveAllocation(qs, 5, { rng: makeRng(9), trials: 10 });
    const b = adaptiveAllocation([0.4, 0.2], 5, { rng: makeRng(9), trials: 10 });
    expect(a).toEqual(b);
  });

  it("gives identical results for the same seed", () => {
    const a = adaptiveAllocation(ps, 7, {
      rng: makeRng("s"),
      trials: 30,
      policy: "ucb",
      priorMeans: [0.5, 0.2, 0.1],
    });
    const b = adaptiveAllocation(ps, 7, {
      rng: makeRng("s"),
      trials: 30,
      policy: "ucb",
      priorMeans: [0.5, 0.2, 0.1],
    });
    expect(a).toEqual(b);
  });
});

// =============================================================================================
// Bad input
// =============================================================================================

describe("bad input", () => {
  const rng = makeRng(0);
  const cases: Array<[string, () => unknown, ErrorConstructor, RegExp]> = [
    [
      "exact empty",
      () => uniformAllocationExact([], 3),
      RangeError,
      /uniformAllocationExact: questions must be a benchmark, a non-empty array of questions, or a non-empty array of probabilities/,
    ],
    [
      "exact not an array",
      () => uniformAllocationExact(7 as unknown as number[], 3),
      TypeError,
      /uniformAllocationExact: questions must be a benchmark/,
    ],
    [
      "exact plain object",
      () => uniformAllocationExact({ p: 0.3 } as unknown as number[], 3),
      TypeError,
      /uniformAllocationExact: questions must be a benchmark/,
    ],
    [
      "exact p NaN",
      () => uniformAllocationExact([0.1, NaN], 3),
      RangeError,
      /uniformAllocationExact: questions\[1\] must be a probability in \[0, 1\], got NaN/,
    ],
    [
      "exact p > 1",
      () => uniformAllocationExact([1.2], 3),
      RangeError,
      /uniformAllocationExact: questions\[0\] must be a probability/,
    ],
    [
      "exact bad question",
      () => uniformAllocationExact([makeQuestion(0.2), { p: 3 } as unknown as Question], 3),
      RangeError,
      /uniformAllocationExact: questions\[1\].p must be a probability/,
    ],
    [
      "exact budget 0",
      () => uniformAllocationExact([0.1], 0),
      RangeError,
      /uniformAllocationExact: budget must be an integer >= 1, got 0/,
    ],
    [
      "exact budget fractional",
      () => uniformAllocationExact([0.1], 2.5),
      RangeError,
      /uniformAllocationExact: budget must be an integer >= 1, got 2.5/,
    ],
    [
      "exact budget string",
      () => uniformAllocationExact([0.1], "4" as unknown as number),
      TypeError,
      /uniformAllocationExact: budget must be a number/,
    ],
    [
      "uniform options missing",
      () => uniformAllocation([0.1], 3, undefined as unknown as { rng: Rng }),
      TypeError,
      /uniformAllocation: options must be an object, got undefined/,
    ],
    [
      "uniform rng",
      () => uniformAllocation([0.1], 3, { rng: {} as Rng }),
      TypeError,
      /uniformAllocation: options.rng must be an Rng made by makeRng/,
    ],
    [
      "uniform trials 1",
      () => uniformAllocation([0.1], 3, { rng, trials: 1 }),
      RangeError,
      /uniformAllocation: options.trials must be an integer >= 2, got 1/,
    ],
    [
      "uniform stopWhenSolved",
      () => uniformAllocation([0.1], 3, { rng, stopWhenSolved: "yes" as unknown as boolean }),
      TypeError,
      /uniformAllocation: options.stopWhenSolved must be a boolean, got "yes"/,
    ],
    [
      "uniform work",
      () => uniformAllocation(new Float64Array(1e5).fill(0.5), 3, { rng, trials: 20000 }),
      RangeError,
      /uniformAllocation: questions × options.trials must be at most 1e\+9/,
    ],
    [
      "adaptive budget Infinity",
      () => adaptiveAllocation([0.1], Infinity, { rng }),
      RangeError,
      /adaptiveAllocation: budget must be an integer >= 1, got Infinity/,
    ],
    [
      "adaptive policy",
      () => adaptiveAllocation([0.1], 3, { rng, policy: "greedy" as unknown as "ucb" }),
      RangeError,
      /adaptiveAllocation: options.policy must be one of "stop-when-solved", "ucb", got "greedy"/,
    ],
    [
      "adaptive trials NaN",
      () => adaptiveAllocation([0.1], 3, { rng, trials: NaN }),
      RangeError,
      /adaptiveAllocation: options.trials must be an integer >= 2, got NaN/,
    ],
    [
      "adaptive prior length",
      () => adaptiveAllocation([0.1, 0.2], 3, { rng, priorMeans: [0.5] }),
      RangeError,
      /adaptiveAllocation: options.priorMeans must have the same length as questions \(2\), got length 1/,
    ],
    [
      "adaptive prior 0",
      () => adaptiveAllocation([0.1], 3, { rng, priorMeans: [0] }),
      RangeError,
      /adaptiveAllocation: options.priorMeans\[0\] must be a probability in \(0, 1\), got 0/,
    ],
    [
      "adaptive prior not array",
      () => adaptiveAllocation([0.1], 3, { rng, priorMeans: 0.5 as unknown as number[] }),
      TypeError,
      /adaptiveAllocation: options.priorMeans must be a non-empty array, got 0.5/,
    ],
    [
      "adaptive strength 0",
      () => adaptiveAllocation([0.1], 3, { rng, priorStrength: 0 }),
      RangeError,
      /adaptiveAllocation: options.priorStrength must be a finite number > 0, got 0/,
    ],
    [
      "adaptive optimism negative",
      () => adaptiveAllocation([0.1], 3, { rng, optimism: -1 }),
      RangeError,
      /adaptiveAllocation: options.optimism must be a finite number >= 0, got -1/,
    ],
    [
      "adaptive work",
      () => adaptiveAllocation([0.1], 1e8, { rng, trials: 100 }),
      RangeError,
      /adaptiveAllocation: budget × options.trials must be at most 1e\+9 \(the work limit\), got 10000000000/,
    ],
  ];
  it.each(cases)("%s", (_label, call, errorClass, pattern) => {
    expect(call).toThrow(errorClass);
    expect(call).toThrow(pattern);
  });
});

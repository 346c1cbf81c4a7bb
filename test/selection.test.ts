import fc from "fast-check";
import { CORRECT, makeQuestion, sampleAnswers } from "../lib/models/questions";
import { makeRng } from "../lib/base/random";
import {
  aggregateStepScores,
  bestOfN,
  majorityVote,
  majorityVoteAccuracy,
  twoLevelVoteAccuracy,
  twoLevelVoteShape,
  weightedVote,
  weightedVoteAccuracy,
} from "../lib/models/selection";
import { makeVerifier, questionBias, scoreAnswers, toProbabilityScores } from "../lib/models/verifier";
import { expectProportionNear, expectWithin } from "./helpers/tolerance";

// ---------------------------------------------------------------------------------------------
// Independent references written here.

/**
 * Majority-vote accuracy by brute force: every one of the K^n ordered
 * outcomes, weighted by its probability, resolved by the library's
 * majorityVote (first-seen ties) — so this also checks that "first seen"
 * equals the exact function's 1/(1 + ties) rule.
 */
function majorityByEnumeration(probs: number[], n: number): number {
  const k = probs.length;
  const seq = new Array<number>(n).fill(0);
  let total = 0;
  for (let code = 0; code < k ** n; code++) {
    let c = code;
    let prob = 1;
    for (let i = 0; i < n; i++) {
      seq[i] = c % k;
      prob *= probs[c % k]!;
      c = Math.floor(c / k);
    }
    if (prob > 0 && majorityVote(seq).answer === CORRECT) total += prob;
  }
  return total;
}

/** C(n, j) by the multiplicative formula. */
function choose(n: number, j: number): number {
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (n - j + i)) / i;
  return c;
}

/** P(Bin(k, p) >= (k+1)/2) by a direct binomial sum. */
function majorityOfOddBySum(p: number, k: number): number {
  let s = 0;
  for (let j = (k + 1) / 2; j <= k; j++) s += choose(k, j) * p ** j * (1 - p) ** (k - j);
  return s;
}

const twoLevelBySum = (alpha: number, p1: number, p2: number, k: number): number =>
  alpha * majorityOfOddBySum(p1, k) + (1 - alpha) * majorityOfOddBySum(p2, k);

// ---------------------------------------------------------------------------------------------

describe("bestOfN(answers, scores)", () => {
  it("returns the top-scored sample's answer, first on ties", () => {
    expect(bestOfN([3, 0, 3], [0.2, 0.9, 0.4])).toEqual({ answer: 0, support: 0.9, index: 1 });
    expect(bestOfN([5, 6, 7], [-1, 2, 2])).toEqual({ answer: 6, support: 2, index: 1 });
    expect(bestOfN(Int32Array.of(4), Float64Array.of(-3))).toEqual({ answer: 4, support: -3, index: 0 });
  });

  it("rejects bad input", () => {
    expect(() => bestOfN([], [])).toThrow(/bestOfN: answers must be a non-empty array, got length 0/);
    expect(() => bestOfN([1, 2], [0.5])).toThrow(RangeError);
    expect(() => bestOfN([1, 2], [0.5])).toThrow(
      /bestOfN: scores must have the same length as answers \(2\), got length 1/,
    );
    expect(() => bestOfN([1.5], [0.5])).toThrow(/bestOfN: answers\[0\] must be an integer, got 1\.5/);
    expect(() => bestOfN([1, 2], [0.5, NaN])).toThrow(
      /bestOfN: scores\[1\] must be a finite number, got NaN/,
    );
    expect(() => bestOfN("12" as never, [0.5, 1])).toThrow(TypeError);
    expect(() => bestOfN([1], ["a"] as never)).toThrow(/bestOfN: scores\[0\] must be a number, got "a"/);
  });
});

describe("majorityVote(answers)", () => {
  it("returns the plurality answer; ties go to the answer seen first", () => {
    expect(majorityVote([2, 0, 2, 0, 1])).toEqual({ answer: 2, support: 2, index: 0 });
    expect(majorityVote([1, 0, 0, 2, 1, 0])).toEqual({ answer: 0, support: 3, index: 1 });
    expect(majorityVote([-4, 7])).toEqual({ answer: -4, support: 1, index: 0 });
  });

  it("picks an answer with the largest count, at its first occurrence, before any other answer with that count", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 30 }), (answers) => {
        const r = majorityVote(answers);
        const count = (a: number): number => answers.filter((x) => x === a).length;
        const maxCount = Math.max(...answers.map(count));
        expect(r.support).toBe(maxCount);
        expect(count(r.answer)).toBe(maxCount);
        expect(r.index).toBe(answers.indexOf(r.answer));
        for (const a of new Set(answers))
          if (count(a) === maxCount) expect(answers.indexOf(a)).toBeGreaterThanOrEqual(r.index);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it("rejects bad input", () => {
    expect(() => majorityVote([])).toThrow(/majorityVote: answers must be a non-empty array, got length 0/);
    expect(() => majorityVote([1, NaN])).toThrow(/majorityVote: answers\[1\] must be an integer, got NaN/);
    expect(() => majorityVote(null as never)).toThrow(TypeError);
    expect(() => majorityVote(null as never)).toThrow(
      /majorityVote: answers must be a non-empty array, got null/,
    );
  });
});

describe("weightedVote(answers, scores)", () => {
  it("sums probability-scale scores per answer", () => {
    expect(weightedVote([1, 1, 0], [0.4, 0.4, 0.7])).toEqual({ answer: 1, support: 0.8, index: 0 });
    expect(weightedVote([1, 1, 0], [0.3, 0.3, 0.7])).toEqual({ answer: 0, support: 0.7, index: 2 });
    // index = the highest-scored sample carrying the winning answer
    expect(weightedVote([2, 0, 2], [0.3, 0.5, 0.9]).index).toBe(2);
    // tie: first seen
    expect(weightedVote([3, 5], [0.5, 0.5]).answer).toBe(3);
  });

  it("with equal scores is majority vote (same winner, same tie rule)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 25 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (answers, s) => {
          expect(
            weightedVote(
              answers,
              answers.map(() => s),
            ).answer,
          ).toBe(majorityVote(answers).answer);
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });

  it("rejects raw scores outside [0, 1] and other bad input", () => {
    expect(() => weightedVote([0, 1], [0.5, -0.2])).toThrow(RangeError);
    expect(() => weightedVote([0, 1], [0.5, -0.2])).toThrow(
      /weightedVote: scores\[1\] must be a probability in \[0, 1\], got -0\.2/,
    );
    expect(() => weightedVote([0, 1], [1.5, 0.2])).toThrow(
      /weightedVote: scores\[0\] must be a probability in \[0, 1\], got 1\.5/,
    );
    expect(() => weightedVote([0, 1], [0.5])).toThrow(
      /weightedVote: scores must have the same length as answers \(2\), got length 1/,
    );
    expect(() => weightedVote([], [])).toThrow(/weightedVote: answers must be a non-empty array/);
    expect(() => weightedVote([0.5], [0.5])).toThrow(
      /weightedVote: answers\[0\] must be an integer, got 0\.5/,
    );
    expect(() => weightedVote([0], {} as never)).toThrow(TypeError);
  });
});

describe("aggregateStepScores(scores, rule)", () => {
  it("computes last, min and prod", () => {
    expect(aggregateStepScores([0.9, 0.6, 0.8], "last")).toBe(0.8);
    expect(aggregateStepScores([0.9, 0.6, 0.8], "min")).toBe(0.6);
    expectWithin(aggregateStepScores([0.9, 0.6, 0.8], "prod"), 0.432, 1e-15);
    expect(aggregateStepScores([0.7], "prod")).toBe(0.7);
  });

  it("orders prod ≤ min ≤ last, all in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (s) => {
          const prod = aggregateStepScores(s, "prod");
          const min = aggregateStepScores(s, "min");
          const last = aggregateStepScores(s, "last");
          expect(prod).toBeLessThanOrEqual(min);
          expect(min).toBeLessThanOrEqual(last);
          expect(prod).toBeGreaterThanOrEqual(0);
          expect(last).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });

  it("rejects bad input", () => {
    expect(() => aggregateStepScores([0.5], "max" as never)).toThrow(RangeError);
    expect(() => aggregateStepScores([0.5], "max" as never)).toThrow(
      /aggregateStepScores: rule must be one of "last", "min", "prod", got "max"/,
    );
    expect(() => aggregateStepScores([0.5], 1 as never)).toThrow(TypeError);
    expect(() => aggregateStepScores([], "last")).toThrow(
      /aggregateStepScores: scores must be a non-empty array, got length 0/,
    );
    expect(() => aggregateStepScores([0.5, 2], "min")).toThrow(
      /aggregateStepScores: scores\[1\] must be a probability in \[0, 1\], got 2/,
    );
  });
});

describe("majorityVoteAccuracy(question, n, options)", () => {
  it("matches brute-force enumeration of all K^n outcomes (binary and K = 3, 4; odd and even n)", () => {
    const cases: [number[], number][] = [
      [[0.6, 0.4], 1],
      [[0.6, 0.4], 4],
      [[0.45, 0.55], 9],
      [[0.3, 0.7], 10],
      [[0.4, 0.3, 0.3], 3],
      [[0.4, 0.35, 0.25], 6],
      [[0.2, 0.5, 0.3], 7],
      [[0.3, 0.3, 0.2, 0.2], 4],
      [[0.35, 0.25, 0.25, 0.15], 6],
      [[0.5, 0, 0.3, 0.2], 5],
    ];
    for (const [probs, n] of cases) {
      const r = majorityVoteAccuracy(probs, n);
      expect(r.method).toBe("exact");
      expect(r.standardError).toBe(0);
      expectWithin(r.accuracy, majorityByEnumeration(probs, n), 1e-13, `${JSON.stringify(probs)}, n = ${n}`);
    }
    expectWithin(majorityVoteAccuracy([0.6, 0.4], 3).accuracy, 0.648, 1e-15);
    expectWithin(majorityVoteAccuracy([0.4, 0.3, 0.3], 3).accuracy, 0.424, 1e-15);
  });

  it("agrees with a Monte Carlo of sampleAnswers + majorityVote (question with 4 distractors, n = 64)", () => {
    const q = makeQuestion(0.3, { distractors: [0.4, 0.3, 0.2, 0.1] });
    const exact = majorityVoteAccuracy(q, 64);
    expect(exact.method).toBe("exact");
    const rng = makeRng("mv");
    const trials = 4000;
    let wins = 0;
    for (let t = 0; t < trials; t++) if (majorityVote(sampleAnswers(q, 64, rng)).answer === CORRECT) wins++;
    expectProportionNear(wins / trials, exact.accuracy, trials, 5);
  });

  it("falls back to seeded Monte Carlo with a standard error, agreeing with the exact value", () => {
    const q = makeQuestion(0.3, { distractors: [0.5, 0.3, 0.2] });
    for (const n of [10, 51, 200]) {
      const exact = majorityVoteAccuracy(q, n);
      const mc = majorityVoteAccuracy(q, n, { exactWorkLimit: 1, trials: 40000, seed: n });
      expect(exact.method).toBe("exact");
      expect(mc.method).toBe("monte-carlo");
      expect(mc.trials).toBe(40000);
      expectProportionNear(mc.accuracy, exact.accuracy, mc.trials, 5, `n = ${n}`);
      // Per-trial values lie in [0, 1], so the SE is at most √(a(1 − a)/trials).
      expect(mc.standardError).toBeLessThanOrEqual(
        Math.sqrt((mc.accuracy * (1 - mc.accuracy)) / mc.trials) + 1e-12,
      );
    }
    const again = (): number =>
      majorityVoteAccuracy(q, 51, { exactWorkLimit: 1, trials: 500, seed: "s" }).accuracy;
    expect(again()).toBe(again());
  });

  it("uses the exact path for two answers at large n and keeps the edge cases exact", () => {
    // Binary: P(Bin(n, p) > n/2) + ½ P(= n/2); at p = ½ that is exactly ½ for every n.
    expect(majorityVoteAccuracy([0.5, 0.5], 1000).accuracy).toBeCloseTo(0.5, 12);
    expect(majorityVoteAccuracy([0.5, 0.5], 1001).accuracy).toBeCloseTo(0.5, 12);
    expect(majorityVoteAccuracy([0.55, 0.45], 100000).accuracy).toBeCloseTo(1, 12);
    expect(majorityVoteAccuracy([0, 0.6, 0.4], 5).accuracy).toBe(0);
    expect(majorityVoteAccuracy([1, 0, 0], 5).accuracy).toBe(1);
    expect(majorityVoteAccuracy(makeQuestion(1), 5).accuracy).toBe(1);
  });

  it("shows the Chen et al. effect: more votes help when p beats every wrong answer, eventually hurt when it does not", () => {
    const easy = [0.4, 0.3, 0.2, 0.1];
    const hard = [0.3, 0.4, 0.2, 0.1];
    let prevEasy = 0;
    for (const n of [1, 3, 5, 15, 45, 135]) {
      const e = majorityVoteAccuracy(easy, n).accuracy;
      expect(e).toBeGreaterThan(prevEasy);
      prevEasy = e;
    }
    // The hard question first gains a little (the wrong votes are split three ways: 0.306 at n = 5),
    // then loses for good as the most common wrong answer pulls ahead.
    expect(majorityVoteAccuracy(hard, 5).accuracy).toBeGreaterThan(0.3);
    let prevHard = 1;
    for (const n of [9, 15, 45, 135, 405]) {
      const h = majorityVoteAccuracy(hard, n).accuracy;
      expect(h).toBeLessThan(prevHard);
      prevHard = h;
    }
    expect(prevHard).toBeLessThan(0.01);
  });

  it("rejects bad input", () => {
    expect(() => majorityVoteAccuracy([0.5, 0.6], 3)).toThrow(RangeError);
    expect(() => majorityVoteAccuracy([0.5, 0.6], 3)).toThrow(
      /majorityVoteAccuracy: question must be a question or answer probabilities summing to 1, got sum 1\.1/,
    );
    expect(() => majorityVoteAccuracy([], 3)).toThrow(
      /majorityVoteAccuracy: question must be a non-empty array, got length 0/,
    );
    expect(() => majorityVoteAccuracy([1.2, -0.2], 3)).toThrow(
      /majorityVoteAccuracy: question\[0\] must be a probability in \[0, 1\], got 1\.2/,
    );
    expect(() => majorityVoteAccuracy({ p: 0.5 } as never, 3)).toThrow(
      /majorityVoteAccuracy: question\.distractors must be a non-empty array, got undefined/,
    );
    expect(() => majorityVoteAccuracy("0.5" as never, 3)).toThrow(TypeError);
    for (const n of [0, 1.5, NaN, 2e8])
      expect(() => majorityVoteAccuracy([0.5, 0.5], n)).toThrow(
        /majorityVoteAccuracy: n must be an integer in \[1, 100000000\]/,
      );
    expect(() => majorityVoteAccuracy([0.5, 0.5], 3, { trials: 0 })).toThrow(
      /majorityVoteAccuracy: options\.trials must be an integer in \[1, 1000000000\], got 0/,
    );
    expect(() => majorityVoteAccuracy([0.5, 0.5], 3, { exactWorkLimit: -1 })).toThrow(
      /majorityVoteAccuracy: options\.exactWorkLimit must be a finite number > 0, got -1/,
    );
    expect(() => majorityVoteAccuracy([0.5, 0.5], 3, { seed: NaN })).toThrow(
      /majorityVoteAccuracy: options\.seed must be a string or a finite number, got NaN/,
    );
    expect(() => majorityVoteAccuracy([0.5, 0.5], 3, 5 as never)).toThrow(
      /majorityVoteAccuracy: options must be an object or undefined, got 5/,
    );
  });
});

describe("twoLevelVoteAccuracy(alpha, p1, p2, k) — Chen et al. 2024", () => {
  it("reproduces the paper-notes test vectors", () => {
    // p1 = 0.9, p2 = 0.3
    expectWithin(twoLevelVoteAccuracy(0.6, 0.9, 0.3, 1), 0.66, 1e-15);
    expectWithin(twoLevelVoteAccuracy(0.6, 0.9, 0.3, 3), 0.6696, 1e-15);
    expectWithin(twoLevelVoteAccuracy(0.6, 0.9, 0.3, 59), 0.6003, 5e-5);
    expectWithin(twoLevelVoteAccuracy(0.5, 0.9, 0.3, 1), 0.6, 1e-15);
    // p1 = 0.7, p2 = 0.1
    expectWithin(twoLevelVoteAccuracy(0.3, 0.7, 0.1, 1), 0.28, 1e-15);
    expectWithin(twoLevelVoteAccuracy(0.3, 0.7, 0.1, 3), 0.2548, 1e-15);
    expectWithin(twoLevelVoteAccuracy(0.6, 0.7, 0.1, 1), 0.46, 1e-15);
  });

  it("follows the stated shapes over k = 1…401 and tends to α", () => {
    const curve = (alpha: number, p1: number, p2: number): number[] => {
      const f: number[] = [];
      for (let k = 1; k <= 401; k += 2) f.push(twoLevelVoteAccuracy(alpha, p1, p2, k));
      return f;
    };
    // Strictly monotone pieces while the steps exceed rounding (about 1e-15 near the limit).
    const strictlyDown = (f: number[], from: number): void => {
      for (let i = from; i < f.length; i++)
        expect(f[i]! - f[i - 1]!).toBeLessThan(f[i - 1]! - f[f.length - 1]! > 1e-12 ? 0 : 1e-15);
    };
    const strictlyUp = (f: number[], from: number): void => {
      for (let i = from; i < f.length; i++)
        expect(f[i]! - f[i - 1]!).toBeGreaterThan(f[f.length - 1]! - f[i - 1]! > 1e-12 ? 0 : -1e-15);
    };
    const peak = curve(0.6, 0.9, 0.3); // up at k = 3, then down to 0.6
    expect(peak.indexOf(Math.max(...peak))).toBe(1);
    strictlyDown(peak, 2);
    const down = curve(0.5, 0.9, 0.3); // strictly decreasing from 0.6 to 0.5
    strictlyDown(down, 1);
    expectWithin(down[down.length - 1]!, 0.5, 1e-6);
    const trough = curve(0.3, 0.7, 0.1); // down to k = 3, then up to 0.3
    expect(trough.indexOf(Math.min(...trough))).toBe(1);
    strictlyUp(trough, 2);
    expectWithin(trough[trough.length - 1]!, 0.3, 1e-6);
    const up = curve(0.6, 0.7, 0.1); // increasing from 0.46 to 0.6
    strictlyUp(up, 1);
    expectWithin(up[up.length - 1]!, 0.6, 1e-6);
  });

  it("equals a direct binomial sum", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 40 }),
        (alpha, p1, p2, half) => {
          const k = 2 * half + 1;
          expectWithin(twoLevelVoteAccuracy(alpha, p1, p2, k), twoLevelBySum(alpha, p1, p2, k), 1e-12);
        },
      ),
      { numRuns: 300, seed: 6 },
    );
  });

  it("rejects bad input", () => {
    expect(() => twoLevelVoteAccuracy(0.5, 0.9, 0.3, 4)).toThrow(RangeError);
    expect(() => twoLevelVoteAccuracy(0.5, 0.9, 0.3, 4)).toThrow(
      /twoLevelVoteAccuracy: k must be an odd integer in \[1, 1e8\], got 4/,
    );
    expect(() => twoLevelVoteAccuracy(0.5, 0.9, 0.3, 0)).toThrow(
      /twoLevelVoteAccuracy: k must be an integer in \[1, 100000000\], got 0/,
    );
    expect(() => twoLevelVoteAccuracy(1.5, 0.9, 0.3, 3)).toThrow(
      /twoLevelVoteAccuracy: alpha must be a probability in \[0, 1\], got 1\.5/,
    );
    expect(() => twoLevelVoteAccuracy(0.5, NaN, 0.3, 3)).toThrow(
      /twoLevelVoteAccuracy: p1 must be a probability/,
    );
    expect(() => twoLevelVoteAccuracy(0.5, 0.9, -0.3, 3)).toThrow(
      /twoLevelVoteAccuracy: p2 must be a probability/,
    );
    expect(() => twoLevelVoteAccuracy(0.5, 0.9, 0.3, "3" as never)).toThrow(TypeError);
  });
});

describe("twoLevelVoteShape(alpha, p1, p2)", () => {
  it("reproduces the paper-notes thresholds, shapes and extremes", () => {
    const a = twoLevelVoteShape(0.6, 0.9, 0.3);
    expectWithin(a.threshold, 0.5385, 5e-5);
    expect(a).toMatchObject({
      shape: "inverse-U",
      largeKTrend: "decreasing",
      extremeK: 3,
      bestK: 3,
      limit: 0.6,
    });
    expectWithin(a.bestAccuracy, 0.6696, 1e-15);
    expect(twoLevelVoteShape(0.5, 0.9, 0.3)).toMatchObject({ shape: "decreasing", bestK: 1, extremeK: 1 });
    const b = twoLevelVoteShape(0.3, 0.7, 0.1);
    expectWithin(b.threshold, 0.4615, 5e-5);
    expect(b).toMatchObject({
      shape: "U",
      largeKTrend: "increasing",
      extremeK: 3,
      bestK: Infinity,
      bestAccuracy: 0.3,
    });
    expect(twoLevelVoteShape(0.6, 0.7, 0.1)).toMatchObject({
      shape: "increasing",
      bestK: Infinity,
      bestAccuracy: 0.6,
    });
    // threshold = 1 − 1/t
    expectWithin(a.threshold, 1 - 1 / a.t, 1e-15);
  });

  it("agrees with a scan of F over odd k: shape, extreme k, and F(3) > F(1) ⇔ α > threshold", () => {
    const kMax = 121;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.52, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.48, noNaN: true }),
        (alpha, p1, p2) => {
          const s = twoLevelVoteShape(alpha, p1, p2);
          // F over odd k by the test's own binomial sums (independent of the library's tails).
          const f: number[] = [];
          for (let k = 1; k <= kMax; k += 2) f.push(twoLevelBySum(alpha, p1, p2, k));
          const steps = f.slice(1).map((v, i) => v - f[i]!);
          // Steps below 1e-13 are rounding noise and carry no sign.
          const signs = steps.filter((d) => Math.abs(d) > 1e-13).map(Math.sign);
          const changes = signs.filter((x, i) => i > 0 && x !== signs[i - 1]).length;
          expect(changes).toBeLessThanOrEqual(1);
          if (Math.abs(steps[0]!) > 1e-13) expect(steps[0]! > 0).toBe(alpha > s.threshold);
          const at = (k: number): number => f[(k - 1) / 2]!;
          if (s.shape === "inverse-U" && s.extremeK <= kMax)
            expect(at(s.extremeK)).toBeGreaterThanOrEqual(Math.max(...f) - 1e-13);
          if (s.shape === "U" && s.extremeK <= kMax)
            expect(at(s.extremeK)).toBeLessThanOrEqual(Math.min(...f) + 1e-13);
          if (s.shape === "increasing") expect(signs.every((x) => x > 0)).toBe(true);
          if (s.shape === "decreasing") expect(signs.every((x) => x < 0)).toBe(true);
          if (s.bestK !== Infinity) expect(s.bestAccuracy).toBeGreaterThanOrEqual(Math.max(...f) - 1e-13);
          if (s.bestK === Infinity) expect(s.bestAccuracy).toBe(alpha);
        },
      ),
      { numRuns: 150, seed: 8 },
    );
  });

  it("rejects bad input", () => {
    expect(() => twoLevelVoteShape(0.5, 0.4, 0.3)).toThrow(RangeError);
    expect(() => twoLevelVoteShape(0.5, 0.4, 0.3)).toThrow(
      /twoLevelVoteShape: p1 must be a number in \(0\.5, 1\), got 0\.4/,
    );
    expect(() => twoLevelVoteShape(0.5, 0.9, 0.5)).toThrow(
      /twoLevelVoteShape: p2 must be a number in \(0, 0\.5\), got 0\.5/,
    );
    expect(() => twoLevelVoteShape(-1, 0.9, 0.3)).toThrow(/twoLevelVoteShape: alpha must be a probability/);
    expect(() => twoLevelVoteShape(0.5, "0.9" as never, 0.3)).toThrow(TypeError);
  });
});

describe("weightedVoteAccuracy(question, n, verifier, options)", () => {
  it("agrees with an independent Monte Carlo of sampleAnswers + scoreAnswers + weightedVote", () => {
    const q = makeQuestion(0.3, { id: 3, distractors: [0.6, 0.4] });
    const v = makeVerifier({ separation: 1.2, labelNoise: 0.1, distractorPull: 0.3, questionBiasSd: 1 });
    const lib = weightedVoteAccuracy(q, 9, v, { trials: 6000, rng: makeRng("w1") });
    expect(lib.trials).toBe(6000);
    const rng = makeRng("w2");
    const trials = 6000;
    let wins = 0;
    for (let t = 0; t < trials; t++) {
      const answers = sampleAnswers(q, 9, rng);
      if (weightedVote(answers, toProbabilityScores(scoreAnswers(answers, q, v, rng))).answer === CORRECT)
        wins++;
    }
    const ours = wins / trials;
    const se = Math.sqrt(lib.standardError ** 2 + (ours * (1 - ours)) / trials);
    expectWithin(lib.accuracy, ours, 5 * se);
  });

  it("is p at n = 1, and majority vote when a huge question offset saturates every score to 1", () => {
    const v1 = makeVerifier({ separation: 2 });
    const one = weightedVoteAccuracy(makeQuestion(0.35), 1, v1, { trials: 5000, rng: makeRng("w3") });
    expectProportionNear(one.accuracy, 0.35, 5000, 5);
    // Find a question id whose offset exceeds 45: logistic(45 + d + Z) rounds to 1, so weights are all equal.
    const v = makeVerifier({ separation: 1, questionBiasSd: 40, seed: "saturate" });
    let id = 0;
    while (questionBias(v, makeQuestion(0.5, { id })) < 45 + 8) id++;
    const q = makeQuestion(0.3, { id, distractors: [0.5, 0.5] });
    const w = weightedVoteAccuracy(q, 8, v, { trials: 6000, rng: makeRng("w4") });
    expectProportionNear(w.accuracy, majorityVoteAccuracy(q, 8).accuracy, 6000, 5);
  });

  it("is reproducible: same seed, same estimate", () => {
    const run = (): number =>
      weightedVoteAccuracy(makeQuestion(0.4), 5, makeVerifier({ separation: 1 }), {
        trials: 200,
        rng: makeRng(1),
      }).accuracy;
    expect(run()).toBe(run());
  });

  it("rejects bad input", () => {
    const q = makeQuestion(0.4);
    const v = makeVerifier({ separation: 1 });
    const rng = makeRng(0);
    expect(() => weightedVoteAccuracy(null as never, 4, v, { rng })).toThrow(
      /weightedVoteAccuracy: question must be an object, got null/,
    );
    expect(() => weightedVoteAccuracy(q, 0, v, { rng })).toThrow(
      /weightedVoteAccuracy: n must be an integer >= 1, got 0/,
    );
    expect(() => weightedVoteAccuracy(q, 4, { separation: 1 } as never, { rng })).toThrow(
      /weightedVoteAccuracy: verifier\.seed must be a string or a finite number/,
    );
    expect(() => weightedVoteAccuracy(q, 4, v, {} as never)).toThrow(
      /weightedVoteAccuracy: options\.rng must be an Rng made by makeRng\(seed\), got undefined/,
    );
    expect(() => weightedVoteAccuracy(q, 4, v, undefined as never)).toThrow(TypeError);
    expect(() => weightedVoteAccuracy(q, 4, v, { rng, trials: -5 })).toThrow(
      /weightedVoteAccuracy: options\.trials must be an integer >= 1, got -5/,
    );
    expect(() => weightedVoteAccuracy(q, 1e5, v, { rng, trials: 1e5 })).toThrow(
      /weightedVoteAccuracy: options\.trials × n must be at most 1e\+9/,
    );
  });
});

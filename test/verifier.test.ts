import fc from "fast-check";
import { CORRECT, makeQuestion, sampleAnswers } from "../lib/models/questions";
import { makeRng } from "../lib/base/random";
import { bestOfN } from "../lib/models/selection";
import { normalCdf } from "../lib/base/special";
import {
  bestOfNAccuracy,
  bestOfNKernel,
  bestOfNLimit,
  makeVerifier,
  questionBias,
  scoreAnswers,
  separationForAuc,
  simulateBestOfN,
  simulateBestOfNBenchmark,
  toProbabilityScore,
  toProbabilityScores,
  verifierAuc,
} from "../lib/models/verifier";
import { expectProportionNear, expectWithin } from "./helpers/tolerance";

// ---------------------------------------------------------------------------------------------
// Independent references written here, not taken from the library.

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const phi = (x: number): number => INV_SQRT_2PI * Math.exp(-0.5 * x * x);

/**
 * Best-of-n accuracy by a plain composite Simpson sum of
 * n·∫ f_c(x)·G(x)^(n−1) dx over the fixed window [−10, d + 10] with `steps`
 * panels; f_c, G written out for the label-noise mixture. The window loses
 * at most G(−10)^n + n·(1 − G(d + 10)) < 1e-17 for n <= 1e6, and with
 * h ≈ 7e-4 Simpson's error h⁴·max|f⁗|·(width)/180 is below 1e-11 even for
 * the narrow peak at n = 1e6 (width ≈ 0.2, |f⁗| ≲ 1e3).
 */
function bestOfNBySimpson(p: number, n: number, d: number, eta = 0, steps = 30000): number {
  const lo = -10;
  const hi = d + 10;
  const h = (hi - lo) / steps;
  const f = (x: number): number => {
    const fc = p * ((1 - eta) * phi(x - d) + eta * phi(x));
    // Upper tail S = 1 − G from the small tails, so G^(n−1) keeps its digits for large n.
    const above = normalCdf(d - x); // P(a N(d, 1) score exceeds x)
    const aboveWrong = normalCdf(-x); // P(a N(0, 1) score exceeds x)
    const s = p * ((1 - eta) * above + eta * aboveWrong) + (1 - p) * ((1 - eta) * aboveWrong + eta * above);
    return n * fc * Math.exp((n - 1) * Math.log1p(-s));
  };
  let sum = f(lo) + f(hi);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

/** n = 2 in closed form: both correct, or one of each and the correct one scores higher. */
function bestOfTwo(p: number, d: number, eta = 0): number {
  // P(correct score > wrong score) for the mixtures (1−η)N(d)+ηN(0) vs (1−η)N(0)+ηN(d).
  const win =
    (1 - eta) ** 2 * normalCdf(d / Math.SQRT2) + eta ** 2 * normalCdf(-d / Math.SQRT2) + eta * (1 - eta);
  return p * p + 2 * p * (1 - p) * win;
}

const coverageOf = (p: number, n: number): number => 1 - (1 - p) ** n;

// ---------------------------------------------------------------------------------------------

describe("makeVerifier(options)", () => {
  it("fills in defaults and freezes the result", () => {
    const v = makeVerifier({ separation: 1.5 });
    expect(v).toEqual({
      separation: 1.5,
      questionBiasSd: 0,
      labelNoise: 0,
      distractorPull: 0,
      seed: "verifier",
    });
    expect(Object.isFrozen(v)).toBe(true);
    expect(
      makeVerifier({ separation: 0, labelNoise: 0.5, distractorPull: -1, questionBiasSd: 2, seed: 7 }).seed,
    ).toBe("7");
  });

  it.each([
    [{ separation: -0.1 }, /makeVerifier: options\.separation must be a finite number >= 0, got -0\.1/],
    [{ separation: NaN }, /makeVerifier: options\.separation must be a finite number >= 0, got NaN/],
    [
      { separation: Infinity },
      /makeVerifier: options\.separation must be a finite number >= 0, got Infinity/,
    ],
    [
      { separation: 1, labelNoise: 0.6 },
      /makeVerifier: options\.labelNoise must be a number in \[0, 0\.5\], got 0\.6/,
    ],
    [{ separation: 1, labelNoise: -0.01 }, /options\.labelNoise must be a number in \[0, 0\.5\]/],
    [
      { separation: 1, questionBiasSd: -1 },
      /makeVerifier: options\.questionBiasSd must be a finite number >= 0, got -1/,
    ],
    [
      { separation: 1, distractorPull: Infinity },
      /makeVerifier: options\.distractorPull must be a finite number, got Infinity/,
    ],
    [
      { separation: 1, seed: NaN },
      /makeVerifier: options\.seed must be a string or a finite number, got NaN/,
    ],
  ])("rejects %p with a RangeError", (options, pattern) => {
    expect(() => makeVerifier(options)).toThrow(RangeError);
    expect(() => makeVerifier(options)).toThrow(pattern);
  });

  it("rejects wrong types with a TypeError", () => {
    expect(() => makeVerifier(undefined as unknown as { separation: number })).toThrow(TypeError);
    expect(() => makeVerifier(undefined as unknown as { separation: number })).toThrow(
      /makeVerifier: options must be an object/,
    );
    expect(() => makeVerifier({} as { separation: number })).toThrow(
      /makeVerifier: options\.separation must be a number, got undefined/,
    );
    expect(() => makeVerifier({ separation: "1" as unknown as number })).toThrow(TypeError);
    expect(() => makeVerifier({ separation: 1, seed: {} as unknown as string })).toThrow(
      /options\.seed must be a string or a finite number/,
    );
  });
});

describe("verifierAuc(separation) and separationForAuc(auc)", () => {
  it("equals P(correct score > wrong score) computed by a Simpson sum of φ(x − d)·Φ(x)", () => {
    for (const d of [0, 0.5, 1, 2, 4]) {
      const steps = 20000;
      const lo = -12;
      const hi = d + 12;
      const h = (hi - lo) / steps;
      const f = (x: number): number => phi(x - d) * normalCdf(x);
      let sum = f(lo) + f(hi);
      for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
      expectWithin(verifierAuc(d), (sum * h) / 3, 1e-12, `d = ${d}`);
    }
    expect(verifierAuc(0)).toBe(0.5);
  });

  it("round-trips", () => {
    for (const d of [0, 0.1, 1, 2.5, 5]) expectWithin(separationForAuc(verifierAuc(d)), d, 1e-9, `d = ${d}`);
    for (const auc of [0.5, 0.6, 0.76, 0.95, 0.999])
      expectWithin(verifierAuc(separationForAuc(auc)), auc, 1e-14);
  });

  it("rejects bad input", () => {
    for (const d of [-1, NaN, Infinity]) {
      expect(() => verifierAuc(d)).toThrow(RangeError);
      expect(() => verifierAuc(d)).toThrow(/verifierAuc: separation must be a finite number >= 0/);
    }
    expect(() => verifierAuc("1" as unknown as number)).toThrow(TypeError);
    for (const auc of [0.4, 1, NaN, -Infinity]) {
      expect(() => separationForAuc(auc)).toThrow(RangeError);
      expect(() => separationForAuc(auc)).toThrow(/separationForAuc: auc must be a number in \[0\.5, 1\)/);
    }
    expect(() => separationForAuc(null as unknown as number)).toThrow(TypeError);
  });
});

describe("toProbabilityScore(s) and toProbabilityScores(scores)", () => {
  it("is the logistic function, stable in both tails", () => {
    for (const s of [-5, -1, 0, 0.3, 2, 10])
      expectWithin(toProbabilityScore(s), 1 / (1 + Math.exp(-s)), 1e-16);
    expect(toProbabilityScore(-800)).toBe(0);
    expect(toProbabilityScore(800)).toBe(1);
    expectWithin(toProbabilityScore(-40) / Math.exp(-40), 1, 1e-14);
    expect(Array.from(toProbabilityScores([0, 2]))).toEqual([0.5, toProbabilityScore(2)]);
  });

  it("rejects bad input", () => {
    expect(() => toProbabilityScore(NaN)).toThrow(
      /toProbabilityScore: score must be a finite number, got NaN/,
    );
    expect(() => toProbabilityScore("0" as unknown as number)).toThrow(TypeError);
    expect(() => toProbabilityScores([])).toThrow(
      /toProbabilityScores: scores must be a non-empty array, got length 0/,
    );
    expect(() => toProbabilityScores([0, Infinity])).toThrow(
      /toProbabilityScores: scores\[1\] must be a finite number, got Infinity/,
    );
    expect(() => toProbabilityScores(3 as unknown as number[])).toThrow(TypeError);
  });
});

describe("scoreAnswers(answers, question, verifier, rng)", () => {
  const question = makeQuestion(0.4, { distractors: [0.7, 0.3] });

  it("gives correct answers mean d and wrong ones mean 0, unit variance", () => {
    const n = 40000;
    const answers = sampleAnswers(question, n, makeRng("s1"));
    const scores = scoreAnswers(answers, question, makeVerifier({ separation: 1.5 }), makeRng("s2"));
    const stats = { correct: [0, 0, 0], wrong: [0, 0, 0] };
    for (let i = 0; i < n; i++) {
      const bucket = answers[i] === CORRECT ? stats.correct : stats.wrong;
      const s = scores[i] as number;
      bucket[0]! += 1;
      bucket[1]! += s;
      bucket[2]! += s * s;
    }
    for (const [bucket, mean] of [
      [stats.correct, 1.5],
      [stats.wrong, 0],
    ] as const) {
      const m = bucket[1]! / bucket[0]!;
      const variance = bucket[2]! / bucket[0]! - m * m;
      expectWithin(m, mean, 5 / Math.sqrt(bucket[0]!), "mean");
      // SE of a normal sample variance: √(2/k).
      expectWithin(variance, 1, 5 * Math.sqrt(2 / bucket[0]!), "variance");
    }
  });

  it("flips the judgement with probability labelNoise and pulls the top distractor", () => {
    // Correct answers only: score mean = d·(1 − η). Top distractor only (answer 1): mean = d·η + pull.
    const n = 40000;
    const v = makeVerifier({ separation: 2, labelNoise: 0.25, distractorPull: 0.7 });
    const correct = scoreAnswers(new Int32Array(n), question, v, makeRng("f1"));
    const top = scoreAnswers(new Int32Array(n).fill(1), question, v, makeRng("f2"));
    const other = scoreAnswers(new Int32Array(n).fill(2), question, v, makeRng("f3"));
    const mean = (a: Float64Array): number => a.reduce((x, y) => x + y, 0) / a.length;
    // Each score is a two-point mixture plus N(0,1): variance 1 + d²η(1−η) = 1.75.
    const se = Math.sqrt(1.75 / n);
    expectWithin(mean(correct), 2 * 0.75, 5 * se, "correct");
    expectWithin(mean(top), 2 * 0.25 + 0.7, 5 * se, "top distractor");
    expectWithin(mean(other), 2 * 0.25, 5 * se, "other distractor");
  });

  it("treats the most common distractor as the top one even when weights are unsorted", () => {
    const q = { id: 0, p: 0.2, distractors: [0.2, 0.8] }; // answer 2 is the most common wrong answer
    const v = makeVerifier({ separation: 0, distractorPull: 3 });
    const n = 20000;
    const two = scoreAnswers(new Int32Array(n).fill(2), q, v, makeRng("u"));
    expectWithin(two.reduce((a, b) => a + b, 0) / n, 3, 5 / Math.sqrt(n));
  });

  it("adds one offset per question, fixed by the verifier seed and the question id", () => {
    const v = makeVerifier({ separation: 1, questionBiasSd: 2, seed: "bias" });
    const q7 = makeQuestion(0.5, { id: 7 });
    expect(questionBias(v, q7)).toBe(questionBias(v, makeQuestion(0.1, { id: 7 })));
    expect(questionBias(v, q7)).not.toBe(questionBias(v, makeQuestion(0.5, { id: 8 })));
    expect(questionBias(makeVerifier({ separation: 1 }), q7)).toBe(0);
    // Scores are shifted by exactly that offset: same rng stream with and without bias.
    const answers = Int32Array.from([0, 1, 2, 0]);
    const biased = scoreAnswers(answers, q7, v, makeRng("o"));
    const plain = scoreAnswers(answers, q7, makeVerifier({ separation: 1 }), makeRng("o"));
    for (let i = 0; i < 4; i++) expectWithin(biased[i]! - plain[i]!, questionBias(v, q7), 1e-12);
    // The offsets over many questions are Normal(0, sd²): check mean and variance.
    const k = 4000;
    let s1 = 0;
    let s2 = 0;
    for (let id = 0; id < k; id++) {
      const b = questionBias(v, makeQuestion(0.5, { id }));
      s1 += b;
      s2 += b * b;
    }
    expectWithin(s1 / k, 0, 5 * (2 / Math.sqrt(k)));
    expectWithin(s2 / k, 4, 5 * 4 * Math.sqrt(2 / k));
  });

  it("is reproducible: same seed, same scores", () => {
    const v = makeVerifier({ separation: 1, labelNoise: 0.1 });
    const a = sampleAnswers(question, 50, makeRng(1));
    expect(scoreAnswers(a, question, v, makeRng(9))).toEqual(scoreAnswers(a, question, v, makeRng(9)));
  });

  it("rejects bad input", () => {
    const v = makeVerifier({ separation: 1 });
    const rng = makeRng(0);
    expect(() => scoreAnswers([], question, v, rng)).toThrow(
      /scoreAnswers: answers must be a non-empty array, got length 0/,
    );
    expect(() => scoreAnswers([0, 3], question, v, rng)).toThrow(RangeError);
    expect(() => scoreAnswers([0, 3], question, v, rng)).toThrow(
      /scoreAnswers: answers\[1\] must be an answer id in \[0, 2\]/,
    );
    expect(() => scoreAnswers([0, -1], question, v, rng)).toThrow(
      /scoreAnswers: answers\[1\] must be an integer >= 0, got -1/,
    );
    expect(() => scoreAnswers([0.5], question, v, rng)).toThrow(
      /answers\[0\] must be an integer >= 0, got 0\.5/,
    );
    expect(() => scoreAnswers("01" as unknown as number[], question, v, rng)).toThrow(TypeError);
    expect(() => scoreAnswers([0], { p: 2, distractors: [1] } as never, v, rng)).toThrow(
      /scoreAnswers: question\.p must be a probability/,
    );
    expect(() => scoreAnswers([0], question, { separation: -1 } as never, rng)).toThrow(
      /scoreAnswers: verifier\.separation must be a finite number >= 0/,
    );
    expect(() => scoreAnswers([0], question, null as never, rng)).toThrow(TypeError);
    expect(() => scoreAnswers([0], question, v, Math.random as never)).toThrow(
      /scoreAnswers: rng must be an Rng made by makeRng\(seed\)/,
    );
    expect(() => questionBias(v, null as never)).toThrow(/questionBias: question must be an object/);
    expect(() => questionBias({ separation: 1 } as never, question)).toThrow(
      /questionBias: verifier\.seed must be a string or a finite number, got undefined/,
    );
  });
});

describe("bestOfNAccuracy(p, n, options)", () => {
  it("matches the n = 2 closed form p² + 2p(1 − p)·P(correct outscores wrong), with and without label noise", () => {
    for (const p of [0.05, 0.3, 0.8]) {
      for (const d of [0.3, 1, 2.5]) {
        for (const eta of [0, 0.1, 0.4]) {
          expectWithin(
            bestOfNAccuracy(p, 2, { separation: d, labelNoise: eta }),
            bestOfTwo(p, d, eta),
            1e-12,
            `p=${p} d=${d} η=${eta}`,
          );
        }
      }
    }
  });

  it("matches an independent Simpson sum to 1e-9 for n up to 1e6", () => {
    const cases: [number, number, number, number][] = [
      [0.3, 4, 1, 0],
      [0.02, 256, 2, 0],
      [0.1, 1000, 0.5, 0.2],
      [0.1, 1e6, 1, 0],
      [0.01, 1e6, 2, 0.05],
    ];
    for (const [p, n, d, eta] of cases) {
      expectWithin(
        bestOfNAccuracy(p, n, { separation: d, labelNoise: eta }),
        bestOfNBySimpson(p, n, d, eta),
        1e-9,
        `p=${p} n=${n} d=${d} η=${eta}`,
      );
    }
  });

  it("agrees with a Monte Carlo of sampleAnswers + scoreAnswers + bestOfN, including the distractor pull", () => {
    const q = makeQuestion(0.25, { distractors: [0.6, 0.4] });
    const v = makeVerifier({ separation: 1.2, labelNoise: 0.15, distractorPull: 0.8 });
    const rng = makeRng("e2e");
    const trials = 6000;
    for (const n of [3, 12]) {
      let wins = 0;
      for (let t = 0; t < trials; t++) {
        const answers = sampleAnswers(q, n, rng);
        if (bestOfN(answers, scoreAnswers(answers, q, v, rng)).answer === CORRECT) wins++;
      }
      const exact = bestOfNAccuracy(q.p, n, { ...v, topDistractorShare: 0.6 });
      expectProportionNear(wins / trials, exact, trials, 5, `n = ${n}`);
    }
  });

  it("is p for a random verifier (d = 0, or label noise 0.5) and for n = 1", () => {
    for (const p of [0, 0.13, 0.5, 1]) {
      expect(bestOfNAccuracy(p, 64, { separation: 0 })).toBe(p);
      expect(bestOfNAccuracy(p, 1, { separation: 3, labelNoise: 0.2, distractorPull: 1 })).toBe(p);
      // η = 0.5: correct and wrong samples have the same score law; the quadrature must find p.
      if (p > 0 && p < 1) expectWithin(bestOfNAccuracy(p, 64, { separation: 2, labelNoise: 0.5 }), p, 1e-12);
    }
  });

  it("is coverage 1 − (1 − p)^n for a near-perfect verifier (d = 40)", () => {
    for (const p of [0.01, 0.3, 0.9]) {
      for (const n of [2, 16, 256, 4096]) {
        expectWithin(bestOfNAccuracy(p, n, { separation: 40 }), coverageOf(p, n), 1e-12, `p=${p} n=${n}`);
      }
    }
  });

  it("keeps p ≤ accuracy ≤ coverage, is monotone in d and in n (pure model)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        (p, n, d) => {
          const acc = bestOfNAccuracy(p, n, { separation: d });
          expect(acc).toBeGreaterThanOrEqual(p - 1e-12);
          expect(acc).toBeLessThanOrEqual(coverageOf(p, n) + 1e-12);
          expect(bestOfNAccuracy(p, n, { separation: d + 0.25 })).toBeGreaterThanOrEqual(acc - 1e-12);
          expect(bestOfNAccuracy(p, n + 1, { separation: d })).toBeGreaterThanOrEqual(acc - 1e-12);
        },
      ),
      { numRuns: 40, seed: 42 },
    );
  });

  it("stays in [0, 1] for any score model and is p at n = 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 100000 }),
        fc.record({
          separation: fc.double({ min: 0, max: 5, noNaN: true }),
          labelNoise: fc.double({ min: 0, max: 0.5, noNaN: true }),
          distractorPull: fc.double({ min: -3, max: 3, noNaN: true }),
          topDistractorShare: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        (p, n, options) => {
          const acc = bestOfNAccuracy(p, n, options);
          expect(acc).toBeGreaterThanOrEqual(0);
          expect(acc).toBeLessThanOrEqual(1);
          expect(bestOfNAccuracy(p, 1, options)).toBe(p);
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it("rejects bad input", () => {
    const o = { separation: 1 };
    for (const p of [-0.1, 1.1, NaN])
      expect(() => bestOfNAccuracy(p, 4, o)).toThrow(/bestOfNAccuracy: p must be a probability in \[0, 1\]/);
    for (const n of [0, 2.5, -3, NaN, Infinity, 2e12]) {
      expect(() => bestOfNAccuracy(0.5, n, o)).toThrow(RangeError);
      expect(() => bestOfNAccuracy(0.5, n, o)).toThrow(
        /bestOfNAccuracy: n must be an integer in \[1, 1000000000000\]/,
      );
    }
    expect(() => bestOfNAccuracy(0.5, 4, { separation: -2 })).toThrow(
      /bestOfNAccuracy: options\.separation must be a finite number >= 0, got -2/,
    );
    expect(() => bestOfNAccuracy(0.5, 4, { separation: 1, labelNoise: 0.7 })).toThrow(
      /options\.labelNoise must be a number in \[0, 0\.5\]/,
    );
    expect(() => bestOfNAccuracy(0.5, 4, { separation: 1, topDistractorShare: 2 })).toThrow(
      /bestOfNAccuracy: options\.topDistractorShare must be a probability in \[0, 1\], got 2/,
    );
    expect(() => bestOfNAccuracy(0.5, 4, undefined as never)).toThrow(TypeError);
    expect(() => bestOfNAccuracy("0.5" as never, 4, o)).toThrow(TypeError);
  });
});

describe("bestOfNLimit(p, options)", () => {
  it("gives the closed forms: 1 (pure), p (random), the label-noise posterior, 0 (pulled and noisy)", () => {
    expect(bestOfNLimit(0.1, { separation: 1 })).toBe(1);
    expect(bestOfNLimit(0.1, { separation: 0 })).toBe(0.1);
    expectWithin(
      bestOfNLimit(0.1, { separation: 1, labelNoise: 0.1 }),
      (0.1 * 0.9) / (0.1 * 0.9 + 0.9 * 0.1),
      1e-15,
    );
    expectWithin(bestOfNLimit(0.3, { separation: 2, labelNoise: 0.5 }), 0.3, 1e-15);
    expect(bestOfNLimit(0.1, { separation: 1, labelNoise: 0.1, distractorPull: 0.5 })).toBe(0);
    expect(bestOfNLimit(0.1, { separation: 1, distractorPull: 2 })).toBe(0);
    expectWithin(
      bestOfNLimit(0.2, { separation: 1, distractorPull: 1, topDistractorShare: 0.5 }),
      0.2 / (0.2 + 0.8 * 0.5),
      1e-15,
    );
    expect(bestOfNLimit(0, { separation: 1 })).toBe(0);
    expect(bestOfNLimit(1, { separation: 1, labelNoise: 0.3 })).toBe(1);
  });

  it("is what bestOfNAccuracy approaches when convergence is fast (large d)", () => {
    // d = 6, η = 0.1: the judged-correct parts dominate once n ≳ 100.
    for (const p of [0.05, 0.1, 0.4]) {
      const limit = bestOfNLimit(p, { separation: 6, labelNoise: 0.1 });
      expectWithin(bestOfNAccuracy(p, 1e6, { separation: 6, labelNoise: 0.1 }), limit, 1e-6, `p=${p}`);
    }
    // Pure model, d = 4: the error at n = 1e9 is already small.
    expect(bestOfNAccuracy(0.1, 1e9, { separation: 4 })).toBeGreaterThan(0.999);
  });

  it("rejects bad input", () => {
    expect(() => bestOfNLimit(2, { separation: 1 })).toThrow(
      /bestOfNLimit: p must be a probability in \[0, 1\], got 2/,
    );
    expect(() => bestOfNLimit(0.5, { separation: NaN })).toThrow(
      /bestOfNLimit: options\.separation must be a finite number >= 0, got NaN/,
    );
    expect(() => bestOfNLimit(0.5, null as never)).toThrow(TypeError);
  });
});

describe("simulateBestOfN(p, nMax, options)", () => {
  it("agrees with bestOfNAccuracy at every n within 5 standard errors", () => {
    const options = { separation: 1, trials: 10000, rng: makeRng("sim") };
    const sim = simulateBestOfN(0.2, 32, options);
    expect(sim.draws).toBe(10000);
    expect(Array.from(sim.n.slice(0, 3))).toEqual([1, 2, 3]);
    for (const n of [1, 2, 4, 8, 16, 32]) {
      const exact = bestOfNAccuracy(0.2, n, options);
      expectProportionNear(sim.accuracy[n - 1]!, exact, sim.draws, 5, `n = ${n}`);
      expectWithin(
        sim.standardError[n - 1]!,
        Math.sqrt((sim.accuracy[n - 1]! * (1 - sim.accuracy[n - 1]!)) / sim.draws),
        1e-15,
      );
    }
  });

  it("agrees with the exact curve under label noise and pull (the Goodhart rise and fall)", () => {
    // Exact: 0.1 at n = 1, 0.2166 at n = 64, falling to 0 as n → ∞.
    const options = {
      separation: 1,
      labelNoise: 0.1,
      distractorPull: 0.5,
      topDistractorShare: 0.5,
      trials: 4000,
      rng: makeRng("goodhart"),
    };
    const sim = simulateBestOfN(0.1, 64, options);
    for (const n of [1, 8, 64])
      expectProportionNear(sim.accuracy[n - 1]!, bestOfNAccuracy(0.1, n, options), sim.draws, 5, `n = ${n}`);
  });

  it("is reproducible: same seed, same curve", () => {
    const run = (): Float64Array =>
      simulateBestOfN(0.3, 20, { separation: 1, trials: 300, rng: makeRng("same") }).accuracy;
    expect(run()).toEqual(run());
  });

  it("rejects bad input", () => {
    const rng = makeRng(1);
    expect(() => simulateBestOfN(1.5, 4, { separation: 1, rng })).toThrow(
      /simulateBestOfN: p must be a probability/,
    );
    expect(() => simulateBestOfN(0.5, 0, { separation: 1, rng })).toThrow(
      /simulateBestOfN: nMax must be an integer >= 1, got 0/,
    );
    expect(() => simulateBestOfN(0.5, 4, { separation: 1 } as never)).toThrow(
      /simulateBestOfN: options\.rng must be an Rng made by makeRng\(seed\), got undefined/,
    );
    expect(() => simulateBestOfN(0.5, 4, { separation: 1, rng, trials: 0 })).toThrow(
      /simulateBestOfN: options\.trials must be an integer >= 1, got 0/,
    );
    expect(() => simulateBestOfN(0.5, 4, { separation: 1, rng, trials: 1.5 })).toThrow(RangeError);
    expect(() => simulateBestOfN(0.5, 1e6, { separation: 1, rng, trials: 1e4 })).toThrow(
      /simulateBestOfN: questions × options\.trials × nMax must be at most 1e\+9 \(the work limit\), got 10000000000/,
    );
  });
});

describe("simulateBestOfNBenchmark(ps, nMax, options) and bestOfNKernel(ps, nMax, separation, rng)", () => {
  // 25 distinct pass rates, each held by 8 questions (so the exact average needs 25 quadratures per n).
  const distinct = Array.from({ length: 25 }, (_, i) => (i + 0.5) / 25);
  const ps = Float64Array.from({ length: 200 }, (_, i) => distinct[i % 25]!);

  it("averages over questions: agrees with the mean exact accuracy within 5 standard errors", () => {
    const sim = simulateBestOfNBenchmark(ps, 32, { separation: 1.5, trials: 20, rng: makeRng("bench") });
    expect(sim.draws).toBe(200 * 20);
    for (const n of [1, 8, 32]) {
      let exact = 0;
      for (const p of distinct) exact += bestOfNAccuracy(p, n, { separation: 1.5 });
      exact /= distinct.length;
      expectWithin(sim.accuracy[n - 1]!, exact, 5 * sim.standardError[n - 1]!, `n = ${n}`);
    }
  });

  it("the kernel is the benchmark simulation with one trial per question (same stream, same numbers)", () => {
    const kernel = bestOfNKernel(ps, 32, 1, makeRng("k"));
    const sim = simulateBestOfNBenchmark(ps, 32, { separation: 1, rng: makeRng("k") });
    expect(kernel).toEqual(sim.accuracy);
    expect(bestOfNKernel(ps, 32, 1, makeRng("k"))).toEqual(kernel);
  });

  it("runs a 2,500 × 256 benchmark and matches the exact curve at n = 1 and n = 256", () => {
    // 2,500 questions, 25 distinct pass rates (100 questions each).
    const big = Float64Array.from({ length: 2500 }, (_, i) => distinct[i % 25]!);
    const acc = bestOfNKernel(big, 256, 1, makeRng("big"));
    expect(acc.length).toBe(256);
    for (const n of [1, 256]) {
      let exact = 0;
      for (const p of distinct) exact += bestOfNAccuracy(p, n, { separation: 1 });
      exact /= distinct.length;
      expectProportionNear(acc[n - 1]!, exact, big.length, 5, `n = ${n}`);
    }
  });

  it("rejects bad input", () => {
    const rng = makeRng(2);
    expect(() => bestOfNKernel([0.5] as never, 4, 1, rng)).toThrow(TypeError);
    expect(() => bestOfNKernel([0.5] as never, 4, 1, rng)).toThrow(
      /bestOfNKernel: ps must be a Float64Array, got \[0\.5\]/,
    );
    expect(() => bestOfNKernel(new Float64Array(0), 4, 1, rng)).toThrow(
      /bestOfNKernel: ps must be a non-empty array, got length 0/,
    );
    expect(() => bestOfNKernel(Float64Array.of(0.5, 1.2), 4, 1, rng)).toThrow(
      /bestOfNKernel: ps\[1\] must be a probability in \[0, 1\], got 1\.2/,
    );
    expect(() => bestOfNKernel(Float64Array.of(0.5), 2.5, 1, rng)).toThrow(
      /bestOfNKernel: nMax must be an integer >= 1, got 2\.5/,
    );
    expect(() => bestOfNKernel(Float64Array.of(0.5), 4, -1, rng)).toThrow(
      /bestOfNKernel: separation must be a finite number >= 0, got -1/,
    );
    expect(() => bestOfNKernel(Float64Array.of(0.5), 4, 1, {} as never)).toThrow(
      /bestOfNKernel: rng must be an Rng/,
    );
    expect(() => bestOfNKernel(new Float64Array(1e6), 2000, 1, rng)).toThrow(
      /bestOfNKernel: ps\.length × nMax must be at most 1e\+9/,
    );
    expect(() => simulateBestOfNBenchmark([], 4, { separation: 1, rng })).toThrow(
      /simulateBestOfNBenchmark: ps must be a non-empty array, got length 0/,
    );
    expect(() => simulateBestOfNBenchmark([0.5, NaN], 4, { separation: 1, rng })).toThrow(
      /simulateBestOfNBenchmark: ps\[1\] must be a probability/,
    );
    expect(() => simulateBestOfNBenchmark("ab" as never, 4, { separation: 1, rng })).toThrow(TypeError);
  });
});

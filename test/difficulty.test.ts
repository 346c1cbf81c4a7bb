import fc from "fast-check";
import {
  binAgreement,
  binEdges,
  binOf,
  binStability,
  difficultyBins,
  oracleDifficulty,
  predictedDifficulty,
} from "../lib/models/difficulty";
import { makeBenchmark, makeQuestion, type Benchmark } from "../lib/models/questions";
import { makeRng } from "../lib/base/random";
import { makeVerifier, questionBias } from "../lib/models/verifier";
import { expectWithin } from "./helpers/tolerance";

// ---------------------------------------------------------------------------------------------
// Independent references written here.

/**
 * Quantile levels by ranks: sort from easiest (largest) to hardest, give rank
 * r the level ⌊r·bins/N⌋ + 1, then give every member of a group of equal
 * values the level of the group's first (easiest-ranked) member.
 */
function levelsByRank(values: number[], bins: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const levels = new Array<number>(values.length);
  let groupLevel = 0;
  order.forEach(({ v, i }, r) => {
    if (r === 0 || v !== order[r - 1]!.v) groupLevel = Math.floor((r * bins) / values.length) + 1;
    levels[i] = groupLevel;
  });
  return levels;
}

const sizesOf = (levels: ArrayLike<number>, bins: number): number[] => {
  const s = new Array<number>(bins).fill(0);
  for (let i = 0; i < levels.length; i++) s[levels[i]! - 1]! += 1;
  return s;
};

/** Fraction of equal entries. */
const agreementOf = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
};

// ---------------------------------------------------------------------------------------------

describe("difficultyBins(values, options)", () => {
  it("makes five bins of 100 from 500 distinct values, level 1 = highest", () => {
    const rng = makeRng("vals");
    const values = Array.from({ length: 500 }, () => rng.next());
    const levels = difficultyBins(values);
    expect(sizesOf(levels, 5)).toEqual([100, 100, 100, 100, 100]);
    expect(Array.from(levels)).toEqual(levelsByRank(values, 5));
    const max = values.indexOf(Math.max(...values));
    const min = values.indexOf(Math.min(...values));
    expect(levels[max]).toBe(1);
    expect(levels[min]).toBe(5);
  });

  it("keeps ties together: a tie group straddling the 4/5 boundary gives the paper's 100, 100, 100, 105, 95", () => {
    // 490 distinct values plus ten copies of one value that would occupy easiness ranks 395–404.
    const values: number[] = [];
    for (let r = 0; r < 500; r++) values.push(r >= 395 && r <= 404 ? 1 - 395 / 1000 : 1 - r / 1000);
    const levels = difficultyBins(values);
    expect(sizesOf(levels, 5)).toEqual([100, 100, 100, 105, 95]);
    expect(new Set(values.map((v, i) => (v === 1 - 395 / 1000 ? levels[i] : 0)))).toEqual(new Set([0, 4]));
  });

  it("matches the rank reference, orders levels by value and keeps sizes within one when values are distinct", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (ints, bins) => {
          const values = ints.map((x) => x / 12);
          const levels = difficultyBins(values, { bins });
          expect(Array.from(levels)).toEqual(levelsByRank(values, bins));
          for (let i = 0; i < values.length; i++) {
            expect(levels[i]).toBeGreaterThanOrEqual(1);
            expect(levels[i]).toBeLessThanOrEqual(bins);
            for (let j = 0; j < values.length; j++) {
              if (values[i]! > values[j]!) expect(levels[i]!).toBeLessThanOrEqual(levels[j]!);
              if (values[i] === values[j]) expect(levels[i]).toBe(levels[j]);
            }
          }
        },
      ),
      { numRuns: 200, seed: 11 },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 10 }),
        (values, bins) => {
          const sizes = sizesOf(difficultyBins(values, { bins }), bins);
          const nonEmpty = values.length >= bins ? sizes : sizes.filter((s) => s > 0);
          expect(Math.max(...nonEmpty) - Math.min(...nonEmpty)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200, seed: 12 },
    );
  });

  it("with higherIsEasier = false bins the negated values", () => {
    const values = [0.3, 0.9, 0.1, 0.5, 0.5, 0.7, 0.2];
    expect(difficultyBins(values, { higherIsEasier: false, bins: 3 })).toEqual(
      difficultyBins(
        values.map((v) => -v),
        { bins: 3 },
      ),
    );
  });

  it("handles one bin, more bins than values, and heavy ties", () => {
    expect(Array.from(difficultyBins([3, 1, 2], { bins: 1 }))).toEqual([1, 1, 1]);
    expect(Array.from(difficultyBins([0.9, 0.1, 0.5, 0.7, 0.3]))).toEqual([1, 5, 3, 2, 4]);
    expect(Array.from(difficultyBins([0.9, 0.5, 0.5, 0.1], { bins: 2 }))).toEqual([1, 1, 1, 2]);
    // Many exact zeros (never solved): they all share one level and a later level stays empty.
    const values = [...Array.from({ length: 6 }, (_, i) => 1 - i / 10), 0, 0, 0, 0];
    expect(sizesOf(difficultyBins(values), 5)).toEqual([2, 2, 2, 4, 0]);
  });

  it("rejects bad input", () => {
    expect(() => difficultyBins([])).toThrow(
      /difficultyBins: values must be a non-empty array, got length 0/,
    );
    expect(() => difficultyBins([0.5, NaN])).toThrow(RangeError);
    expect(() => difficultyBins([0.5, NaN])).toThrow(
      /difficultyBins: values\[1\] must be a finite number, got NaN/,
    );
    expect(() => difficultyBins([0.5], { bins: 0 })).toThrow(
      /difficultyBins: options\.bins must be an integer in \[1, 1000\], got 0/,
    );
    expect(() => difficultyBins([0.5], { bins: 2.5 })).toThrow(RangeError);
    expect(() => difficultyBins([0.5], { higherIsEasier: "yes" as never })).toThrow(TypeError);
    expect(() => difficultyBins([0.5], { higherIsEasier: "yes" as never })).toThrow(
      /difficultyBins: options\.higherIsEasier must be a boolean, got "yes"/,
    );
    expect(() => difficultyBins("abc" as never)).toThrow(TypeError);
    expect(() => difficultyBins([0.5], 3 as never)).toThrow(
      /difficultyBins: options must be an object or undefined, got 3/,
    );
  });
});

describe("binEdges(values, options) and binOf(value, edges, options)", () => {
  it("gives the edges from the easy end and reproduces difficultyBins", () => {
    expect(Array.from(binEdges([0.9, 0.1, 0.5, 0.7, 0.3]))).toEqual([0.9, 0.7, 0.5, 0.3]);
    expect(binOf(0.6, [0.9, 0.7, 0.5, 0.3])).toBe(3);
    expect(binOf(0.7, [0.9, 0.7, 0.5, 0.3])).toBe(2);
    expect(binOf(0.05, [0.9, 0.7, 0.5, 0.3])).toBe(5);
    expect(binOf(2, [])).toBe(1);
    expect(binOf(0.6, [0.3, 0.5], { higherIsEasier: false })).toBe(3);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (values, bins, higherIsEasier) => {
          const levels = difficultyBins(values, { bins, higherIsEasier });
          const edges = binEdges(values, { bins, higherIsEasier });
          expect(edges.length).toBe(bins - 1);
          values.forEach((v, i) => expect(binOf(v, edges, { higherIsEasier })).toBe(levels[i]));
        },
      ),
      { numRuns: 200, seed: 13 },
    );
  });

  it("rejects bad input", () => {
    expect(() => binEdges([], { bins: 3 })).toThrow(/binEdges: values must be a non-empty array/);
    expect(() => binEdges([1, Infinity])).toThrow(
      /binEdges: values\[1\] must be a finite number, got Infinity/,
    );
    expect(() => binEdges([1], { bins: 1001 })).toThrow(
      /binEdges: options\.bins must be an integer in \[1, 1000\]/,
    );
    expect(() => binOf(NaN, [0.5])).toThrow(/binOf: value must be a finite number, got NaN/);
    expect(() => binOf(0.5, [0.3, 0.5])).toThrow(RangeError);
    expect(() => binOf(0.5, [0.3, 0.5])).toThrow(/binOf: edges\[1\] must be <= edges\[0\] \(0\.3\)/);
    expect(() => binOf(0.5, [0.5, 0.3], { higherIsEasier: false })).toThrow(
      /binOf: edges\[1\] must be >= edges\[0\] \(0\.5\)/,
    );
    expect(() => binOf(0.5, null as never)).toThrow(TypeError);
    expect(() => binOf("0.5" as never, [0.3])).toThrow(TypeError);
  });
});

describe("oracleDifficulty(benchmark, options)", () => {
  const bench = makeBenchmark({ size: 300, seed: "oracle" });

  it("estimates pass@1 without bias and with the binomial standard error", () => {
    // 300 copies of one question at p = 0.3: the estimates' mean and variance follow Binomial(m, p)/m.
    const same: Benchmark = {
      questions: Array.from({ length: 300 }, (_, id) => makeQuestion(0.3, { id })),
      options: bench.options,
    };
    const m = 256;
    const od = oracleDifficulty(same, { samples: m, rng: makeRng("o1") });
    const mean = od.passRate.reduce((a, b) => a + b, 0) / 300;
    const variance = od.passRate.reduce((a, b) => a + (b - mean) ** 2, 0) / 299;
    const v = (0.3 * 0.7) / m;
    expectWithin(mean, 0.3, 5 * Math.sqrt(v / 300), "mean");
    // SE of a sample variance ≈ v·√(2/(k − 1)) for near-normal draws.
    expectWithin(variance, v, 5 * v * Math.sqrt(2 / 299), "variance");
    od.passRate.forEach((ph, i) => expectWithin(od.standardError[i]!, Math.sqrt((ph * (1 - ph)) / m), 1e-15));
  });

  it("bins the estimates like difficultyBins and nearly reproduces the true-p bins at m = 2048", () => {
    const od = oracleDifficulty(bench, { rng: makeRng("o2") });
    expect(od.samples).toBe(2048);
    expect(od.levels).toEqual(difficultyBins(od.passRate));
    expect(Array.from(od.binSizes)).toEqual(sizesOf(od.levels, 5));
    const truth = difficultyBins(bench.questions.map((q) => q.p));
    expect(agreementOf(od.levels, truth)).toBeGreaterThan(0.8);
    expect(oracleDifficulty(bench, { rng: makeRng("o2") })).toEqual(od);
  });

  it("rejects bad input", () => {
    const rng = makeRng(1);
    expect(() => oracleDifficulty({ questions: [] } as never, { rng })).toThrow(
      /oracleDifficulty: benchmark\.questions must be a non-empty array of questions/,
    );
    expect(() => oracleDifficulty(null as never, { rng })).toThrow(TypeError);
    expect(() => oracleDifficulty(bench, {} as never)).toThrow(
      /oracleDifficulty: options\.rng must be an Rng made by makeRng\(seed\), got undefined/,
    );
    expect(() => oracleDifficulty(bench, { rng, samples: 0 })).toThrow(
      /oracleDifficulty: options\.samples must be an integer in \[1, 1000000000\], got 0/,
    );
    expect(() => oracleDifficulty(bench, { rng, bins: -2 })).toThrow(
      /oracleDifficulty: options\.bins must be an integer in \[1, 1000\], got -2/,
    );
  });
});

describe("predictedDifficulty(benchmark, options)", () => {
  /** E[logistic(μ + Z)], Z ~ N(0, 1), by a Simpson sum over [−10, 10]. */
  const logisticNormalMean = (mu: number): number => {
    const steps = 2000;
    const h = 20 / steps;
    const f = (z: number): number =>
      ((1 / (1 + Math.exp(-(mu + z)))) * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI);
    let s = f(-10) + f(10);
    for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * f(-10 + i * h);
    return (s * h) / 3;
  };

  it("averages probability-scale scores: matches the mixture's expected logistic score within 5 standard errors", () => {
    const v = makeVerifier({
      separation: 1.5,
      labelNoise: 0.1,
      distractorPull: 0.4,
      questionBiasSd: 0.8,
      seed: "pd",
    });
    const questions = [0.1, 0.5, 0.85].map((p, id) => makeQuestion(p, { id, distractors: [0.7, 0.3] }));
    const bench: Benchmark = { questions, options: makeBenchmark({ size: 1 }).options };
    const pd = predictedDifficulty(bench, { verifier: v, samples: 4000, rng: makeRng("pd1") });
    questions.forEach((q, i) => {
      const b = questionBias(v, q);
      const eta = 0.1;
      const d = 1.5;
      const pull = 0.4;
      const wrong = 1 - q.p;
      const expected =
        q.p * ((1 - eta) * logisticNormalMean(b + d) + eta * logisticNormalMean(b)) +
        wrong * 0.7 * ((1 - eta) * logisticNormalMean(b + pull) + eta * logisticNormalMean(b + d + pull)) +
        wrong * 0.3 * ((1 - eta) * logisticNormalMean(b) + eta * logisticNormalMean(b + d));
      expectWithin(pd.meanScore[i]!, expected, 5 * pd.standardError[i]!, `question ${i}`);
    });
  });

  it("is noisier than oracle bins when the verifier has a per-question offset", () => {
    const bench = makeBenchmark({ size: 200, seed: "pd2" });
    const truth = difficultyBins(bench.questions.map((q) => q.p));
    const clean = predictedDifficulty(bench, {
      verifier: makeVerifier({ separation: 2 }),
      samples: 256,
      rng: makeRng("a"),
    });
    const biased = predictedDifficulty(bench, {
      verifier: makeVerifier({ separation: 2, questionBiasSd: 1 }),
      samples: 256,
      rng: makeRng("a"),
    });
    expect(Array.from(clean.binSizes)).toEqual([40, 40, 40, 40, 40]);
    const a = agreementOf(clean.levels, truth);
    const b = agreementOf(biased.levels, truth);
    // Binomial standard errors of two agreement fractions over 200 questions.
    const se = Math.sqrt((a * (1 - a) + b * (1 - b)) / 200);
    expect(a - b).toBeGreaterThan(5 * se);
  });

  it("rejects bad input", () => {
    const bench = makeBenchmark({ size: 5, seed: 1 });
    const verifier = makeVerifier({ separation: 1 });
    const rng = makeRng(1);
    expect(() => predictedDifficulty(bench, { rng } as never)).toThrow(
      /predictedDifficulty: options\.verifier must be an object, got undefined/,
    );
    expect(() => predictedDifficulty(bench, { verifier: { separation: -1 }, rng } as never)).toThrow(
      /predictedDifficulty: options\.verifier\.separation must be a finite number >= 0, got -1/,
    );
    expect(() => predictedDifficulty(bench, { verifier } as never)).toThrow(
      /predictedDifficulty: options\.rng must be an Rng/,
    );
    expect(() => predictedDifficulty(bench, { verifier, rng, samples: 1.5 })).toThrow(
      /predictedDifficulty: options\.samples must be an integer in \[1, 1000000000\], got 1\.5/,
    );
    expect(() => predictedDifficulty(bench, { verifier, rng, samples: 5e8 })).toThrow(
      /predictedDifficulty: questions × options\.samples must be at most 1e\+9/,
    );
    expect(() => predictedDifficulty([] as never, { verifier, rng })).toThrow(TypeError);
  });
});

describe("binAgreement(binsA, binsB)", () => {
  it("counts agreement, within-one agreement and the confusion matrix", () => {
    const r = binAgreement([1, 2, 3, 3], [1, 3, 3, 1]);
    expect(r.agreement).toBe(0.5);
    expect(r.withinOne).toBe(0.75);
    expect(r.confusion).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [1, 0, 1],
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })), {
          minLength: 1,
          maxLength: 50,
        }),
        (pairs) => {
          const res = binAgreement(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          const total = res.confusion.flat().reduce((a, b) => a + b, 0);
          const diagonal = res.confusion.reduce((a, row, i) => a + row[i]!, 0);
          expect(total).toBe(pairs.length);
          expect(res.agreement).toBeCloseTo(diagonal / pairs.length, 15);
          expect(res.withinOne).toBeGreaterThanOrEqual(res.agreement);
        },
      ),
      { numRuns: 100, seed: 14 },
    );
  });

  it("rejects bad input", () => {
    expect(() => binAgreement([1, 2], [1])).toThrow(
      /binAgreement: binsB must have the same length as binsA \(2\), got length 1/,
    );
    expect(() => binAgreement([0, 2], [1, 1])).toThrow(
      /binAgreement: binsA\[0\] must be a level in \[1, 1000\], got 0/,
    );
    expect(() => binAgreement([1.5], [1])).toThrow(/binAgreement: binsA\[0\] must be an integer, got 1\.5/);
    expect(() => binAgreement([], [])).toThrow(/binAgreement: binsA must be a non-empty array/);
    expect(() => binAgreement([1], "1" as never)).toThrow(TypeError);
  });
});

describe("binStability(benchmark, options)", () => {
  const bench = makeBenchmark({ size: 200, seed: "stab" });

  it("agreement with the true-p bins grows with m, and matches an independent re-run of the procedure", () => {
    const st = binStability(bench, { samples: [4, 64, 2048], trials: 10, rng: makeRng("st") });
    expect(st.samples).toEqual([4, 64, 2048]);
    expect(st.trials).toBe(10);
    expect(st.agreement[0]!).toBeLessThan(st.agreement[1]!);
    expect(st.agreement[1]!).toBeLessThan(st.agreement[2]!);
    for (let i = 0; i < 3; i++) expect(st.withinOne[i]!).toBeGreaterThanOrEqual(st.agreement[i]!);
    // Independent re-run at m = 64 with the public pieces: Binomial draws, difficultyBins, agreement.
    const truth = difficultyBins(bench.questions.map((q) => q.p));
    const rng = makeRng("st-check");
    const trials = 10;
    const values: number[] = [];
    for (let t = 0; t < trials; t++) {
      const est = bench.questions.map((q) => rng.binomial(64, q.p) / 64);
      values.push(agreementOf(difficultyBins(est), truth));
    }
    const mean = values.reduce((a, b) => a + b, 0) / trials;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (trials - 1));
    const se = Math.sqrt(st.standardError[1]! ** 2 + sd ** 2 / trials);
    expectWithin(st.agreement[1]!, mean, 5 * se);
  });

  it("reports sample-standard-deviation standard errors (0 for one trial) and is reproducible", () => {
    const one = binStability(bench, { samples: [16], trials: 1, rng: makeRng(1) });
    expect(one.standardError).toEqual([0]);
    expect(one.withinOneStandardError).toEqual([0]);
    const run = (): unknown => binStability(bench, { samples: [8, 32], trials: 3, rng: makeRng("r") });
    expect(run()).toEqual(run());
  });

  it("rejects bad input", () => {
    const rng = makeRng(2);
    expect(() => binStability(bench, {} as never)).toThrow(/binStability: options\.rng must be an Rng/);
    expect(() => binStability(bench, { rng, samples: [] })).toThrow(
      /binStability: options\.samples must be a non-empty array, got length 0/,
    );
    expect(() => binStability(bench, { rng, samples: [4, 0] })).toThrow(
      /binStability: options\.samples\[1\] must be an integer in \[1, 1000000000\], got 0/,
    );
    expect(() => binStability(bench, { rng, trials: 0 })).toThrow(
      /binStability: options\.trials must be an integer in \[1, 1000000\], got 0/,
    );
    expect(() => binStability(bench, { rng, bins: 0 })).toThrow(
      /binStability: options\.bins must be an integer in \[1, 1000\], got 0/,
    );
    expect(() => binStability(bench, { rng, trials: 1e6, samples: [4, 8, 16, 32, 64, 128] })).toThrow(
      /binStability: options\.samples\.length × options\.trials × questions must be at most 1e\+9/,
    );
    expect(() => binStability("x" as never, { rng })).toThrow(TypeError);
  });
});

import fc from "fast-check";
import { makeBenchmark, makeQuestion, type Question } from "../lib/models/questions";
import { makeRng } from "../lib/base/random";
import {
  DEFAULT_REVISION_MODEL,
  bestOfChainCoverage,
  linearRevisionAccuracy,
  linearRevisionCurve,
  markovRevisionAccuracy,
  markovRevisionCurve,
  markovRevisionLimit,
  revisionCurve,
  revisionRates,
} from "../lib/models/revision";
import {
  hierarchicalVerifierSelection,
  revisionAccuracy,
  revisionLatency,
  revisionRatios,
  simulateRevisionChains,
} from "../lib/strategies/revisions";
import { normalCdf } from "../lib/base/special";
import { expectProportionNear, expectWithin } from "./helpers/tolerance";

// ---------------------------------------------------------------------------------------------
// Independent references written for the tests
// ---------------------------------------------------------------------------------------------

/** Two-state chain by matrix iteration: row vector [P(correct), P(wrong)] times the transition matrix. */
function markovByMatrix(p0: number, fix: number, breakRate: number, k: number): number {
  let correct = p0;
  let wrong = 1 - p0;
  for (let step = 1; step < k; step++) {
    const nextCorrect = correct * (1 - breakRate) + wrong * fix;
    const nextWrong = correct * breakRate + wrong * (1 - fix);
    correct = nextCorrect;
    wrong = nextWrong;
  }
  return correct;
}

/** P(at least one success) over independent Bernoulli(p_k) by enumerating all 2^n outcomes. */
function coverageByEnumeration(probabilities: number[]): number {
  const n = probabilities.length;
  let none = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let prob = 1;
    for (let i = 0; i < n; i++)
      prob *= (mask >> i) & 1 ? (probabilities[i] as number) : 1 - (probabilities[i] as number);
    if (mask === 0) none += prob;
  }
  return 1 - none;
}

/** Best-of-N weighted over (answer, weight) pairs with Maps: largest sum, ties to first seen. */
function weightedVoteReference(answers: number[], weights: number[]): number {
  const sums = new Map<number, number>();
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i] as number;
    sums.set(a, (sums.get(a) ?? 0) + (weights[i] as number));
  }
  let best = answers[0] as number;
  for (const [a, s] of sums) if (s > (sums.get(best) as number)) best = a; // Map keeps insertion order
  return best;
}

/** The paper's hierarchical rule, written directly from its description. */
function hierarchicalReference(answers: number[], scores: number[], length: number): number {
  // The verifier's score map as the library documents it (toProbabilityScore): the overflow-safe
  // form, written out here. Ties between summed weights are exact float comparisons, so the
  // reference must round the way the library does (1/(1+e^4) and e^-4/(1+e^-4) differ in the last bit).
  const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
  const picks: number[] = [];
  const pickWeights: number[] = [];
  for (let c = 0; c < answers.length / length; c++) {
    const a = answers.slice(c * length, (c + 1) * length);
    const s = scores.slice(c * length, (c + 1) * length);
    const pick = weightedVoteReference(a, s.map(sigmoid));
    let best = -Infinity;
    for (let i = 0; i < a.length; i++) if (a[i] === pick) best = Math.max(best, s[i] as number);
    picks.push(pick);
    pickWeights.push(sigmoid(best));
  }
  return weightedVoteReference(picks, pickWeights);
}

/** Plurality with ties to the answer seen first. */
function majorityReference(answers: ArrayLike<number>): number {
  const list = Array.from(answers);
  return weightedVoteReference(
    list,
    list.map(() => 1),
  );
}

// =============================================================================================
// Linear model
// =============================================================================================

describe("linearRevisionAccuracy(p0, step, k)", () => {
  it("gives the paper-notes §6(c) value p_10 = 0.55 for p0 = 0.1, step 0.05", () => {
    expect(linearRevisionAccuracy(0.1, 0.05, 10)).toBeCloseTo(0.55, 14);
  });

  it("starts at p0 and is capped at 1", () => {
    expect(linearRevisionAccuracy(0.3, 0.2, 1)).toBe(0.3);
    expect(linearRevisionAccuracy(0.3, 0.2, 5)).toBe(1);
  });

  it("agrees with the recursion p_{k+1} = min(1, p_k + step)", () => {
    for (const [p0, step] of [
      [0.1, 0.05],
      [0, 0.3],
      [0.9, 0.04],
      [0.5, 0],
    ] as const) {
      let p: number = p0;
      for (let k = 1; k <= 30; k++) {
        expect(linearRevisionAccuracy(p0, step, k)).toBeCloseTo(p, 12);
        p = Math.min(1, p + step);
      }
    }
  });
});

describe("linearRevisionCurve(p0, step, rounds)", () => {
  it("lists linearRevisionAccuracy for k = 1..rounds", () => {
    const curve = linearRevisionCurve(0.1, 0.05, 25);
    expect(curve).toBeInstanceOf(Float64Array);
    expect(curve.length).toBe(25);
    for (let k = 1; k <= 25; k++) expect(curve[k - 1]).toBe(linearRevisionAccuracy(0.1, 0.05, k));
  });
});

describe("bestOfChainCoverage(p0, step, rounds)", () => {
  it("reproduces the paper-notes §6(c) table for k = 1..12 (4 decimals)", () => {
    const table = [0.1, 0.235, 0.388, 0.541, 0.6787, 0.7912, 0.8747, 0.9311, 0.9655, 0.9845, 0.9938, 0.9978];
    table.forEach((expected, i) => {
      expectWithin(bestOfChainCoverage(0.1, 0.05, i + 1), expected, 0.5e-4, `k = ${i + 1}`);
    });
    expectWithin(bestOfChainCoverage(0.1, 0.05, 10), 0.98449, 0.5e-5, "ten rounds");
  });

  it("shows the summary's '≈ 0.65' is ten parallel samples at p = 0.1: 1 − 0.9^10 = 0.6513", () => {
    expect(bestOfChainCoverage(0.1, 0, 10)).toBeCloseTo(1 - 0.9 ** 10, 14);
    expectWithin(bestOfChainCoverage(0.1, 0, 10), 0.6513, 0.5e-4);
  });

  it("matches enumeration of all 2^n outcomes", () => {
    for (const [p0, step, n] of [
      [0.1, 0.05, 8],
      [0.02, 0.1, 10],
      [0.7, 0.2, 5],
      [0, 0, 6],
    ] as const) {
      const ps = Array.from({ length: n }, (_, k) => Math.min(1, p0 + step * k));
      expect(bestOfChainCoverage(p0, step, n)).toBeCloseTo(coverageByEnumeration(ps), 12);
    }
  });

  it("keeps precision for tiny p0 (≈ rounds · p0)", () => {
    expect(bestOfChainCoverage(1e-12, 0, 1000) / 1e-9).toBeCloseTo(1, 6);
  });

  it("is non-decreasing in rounds and lies in [max p_k, 1]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (p0, step, rounds) => {
          const c = bestOfChainCoverage(p0, step, rounds);
          const next = bestOfChainCoverage(p0, step, rounds + 1);
          return next >= c - 1e-15 && c <= 1 && c >= linearRevisionAccuracy(p0, step, rounds) - 1e-15;
        },
      ),
    );
  });
});

// =============================================================================================
// Markov chain
// =============================================================================================

describe("markovRevisionAccuracy(p0, { fix, breakRate }, k)", () => {
  it("matches direct matrix iteration", () => {
    for (const [p0, fix, b] of [
      [0.2, 0.3, 0.1],
      [0.9, 0.05, 0.38],
      [0, 0.5, 0.5],
      [1, 0.9, 0.8],
      [0.4, 1, 1],
      [0.3, 0, 0.2],
    ] as const) {
      for (let k = 1; k <= 40; k++) {
        expect(markovRevisionAccuracy(p0, { fix, breakRate: b }, k)).toBeCloseTo(
          markovByMatrix(p0, fix, b, k),
          12,
        );
      }
    }
  });

  it("matches a Monte Carlo simulation of the chain (5 standard errors)", () => {
    const rng = makeRng("revision/markov-mc");
    const [p0, fix, breakRate] = [0.15, 0.25, 0.12];
    const chains = 40000;
    const steps = 6;
    const correctAt = new Float64Array(steps);
    for (let c = 0; c < chains; c++) {
      let correct = rng.next() < p0;
      for (let k = 0; k < steps; k++) {
        if (k > 0) correct = correct ? rng.next() >= breakRate : rng.next() < fix;
        if (correct) correctAt[k] = (correctAt[k] as number) + 1;
      }
    }
    for (let k = 1; k <= steps; k++) {
      expectProportionNear(
        (correctAt[k - 1] as number) / chains,
        markovRevisionAccuracy(p0, { fix, breakRate }, k),
        chains,
        5,
        `k = ${k}`,
      );
    }
  });

  it("stays at p0 when fix = breakRate = 0 and alternates when both are 1", () => {
    expect(markovRevisionAccuracy(0.3, { fix: 0, breakRate: 0 }, 17)).toBe(0.3);
    expect(markovRevisionAccuracy(0.3, { fix: 1, breakRate: 1 }, 2)).toBeCloseTo(0.7, 14);
    expect(markovRevisionAccuracy(0.3, { fix: 1, breakRate: 1 }, 3)).toBeCloseTo(0.3, 14);
  });

  it("stays in [0, 1] for any rates", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (p0, fix, breakRate, k) => {
          const a = markovRevisionAccuracy(p0, { fix, breakRate }, k);
          return a >= 0 && a <= 1;
        },
      ),
    );
  });

  it("tends to its limit monotonically from either side when fix + breakRate <= 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p0, u, v) => {
          // fix + breakRate <= 1 by construction
          const fix = u * v;
          const breakRate = (1 - u) * v;
          const limit = markovRevisionLimit(p0, { fix, breakRate });
          const curve = markovRevisionCurve(p0, { fix, breakRate }, 60);
          const eps = 1e-12;
          for (let k = 1; k < curve.length; k++) {
            const prev = curve[k - 1] as number;
            const cur = curve[k] as number;
            if (p0 <= limit && !(cur >= prev - eps && cur <= limit + eps)) return false;
            if (p0 >= limit && !(cur <= prev + eps && cur >= limit - eps)) return false;
          }
          return true;
        },
      ),
    );
  });

  it("approaches the limit geometrically at rate |1 − fix − breakRate|", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (p0, fix, breakRate, k) => {
          const limit = markovRevisionLimit(p0, { fix, breakRate });
          const gap = Math.abs(markovRevisionAccuracy(p0, { fix, breakRate }, k) - limit);
          return gap <= Math.abs(p0 - limit) * Math.abs(1 - fix - breakRate) ** (k - 1) + 1e-12;
        },
      ),
    );
  });
});

describe("markovRevisionLimit(p0, rates)", () => {
  it("is fix / (fix + breakRate), the value matrix iteration converges to", () => {
    for (const [fix, b] of [
      [0.3, 0.1],
      [0.05, 0.38],
      [0.9, 0.2],
    ] as const) {
      expect(markovRevisionLimit(0.5, { fix, breakRate: b })).toBeCloseTo(fix / (fix + b), 15);
      expect(markovRevisionLimit(0.5, { fix, breakRate: b })).toBeCloseTo(
        markovByMatrix(0.5, fix, b, 5000),
        12,
      );
    }
  });

  it("handles the degenerate chains", () => {
    expect(markovRevisionLimit(0.2, { fix: 0, breakRate: 0 })).toBe(0.2);
    expect(markovRevisionLimit(0.2, { fix: 1, breakRate: 1 })).toBe(0.5);
    expect(markovRevisionLimit(0.2, { fix: 0, breakRate: 0.3 })).toBe(0);
  });
});

describe("markovRevisionCurve(p0, rates, rounds)", () => {
  it("lists the closed form for k = 1..rounds", () => {
    const rates = { fix: 0.3, breakRate: 0.1 };
    const curve = markovRevisionCurve(0.2, rates, 30);
    expect(curve[0]).toBe(0.2);
    for (let k = 1; k <= 30; k++) expect(curve[k - 1]).toBe(markovRevisionAccuracy(0.2, rates, k));
  });
});

// =============================================================================================
// Per-question model
// =============================================================================================

describe("revisionRates(question, model)", () => {
  it("uses fix = fixScale · p and the constant breakRate", () => {
    const q = makeQuestion(0.5);
    expect(revisionRates(q)).toEqual({
      fix: DEFAULT_REVISION_MODEL.fixScale * 0.5,
      breakRate: DEFAULT_REVISION_MODEL.breakRate,
    });
    expect(revisionRates(q, { fixScale: 0.2, breakRate: 0.3 })).toEqual({ fix: 0.1, breakRate: 0.3 });
  });
});

describe("revisionCurve(questions, rounds, model)", () => {
  const bench = makeBenchmark();

  it("averages the per-question recursion a_{k+1} = a_k(1 − b) + (1 − a_k)·fixScale·p", () => {
    const rounds = 20;
    const expected = new Float64Array(rounds);
    for (const q of bench.questions) {
      let a = q.p;
      for (let k = 0; k < rounds; k++) {
        expected[k] = (expected[k] as number) + a / bench.questions.length;
        a = a * (1 - DEFAULT_REVISION_MODEL.breakRate) + (1 - a) * DEFAULT_REVISION_MODEL.fixScale * q.p;
      }
    }
    const curve = revisionCurve(bench, rounds);
    for (let k = 0; k < rounds; k++) expect(curve[k]).toBeCloseTo(expected[k] as number, 12);
  });

  it("with the default model, pass@1 rises over revisions and levels off (documented behaviour)", () => {
    const curve = revisionCurve(bench, 64);
    const mean = bench.questions.reduce((s, q) => s + q.p, 0) / bench.questions.length;
    expect(curve[0]).toBeCloseTo(mean, 12);
    for (let k = 1; k < 64; k++) expect(curve[k] as number).toBeGreaterThan(curve[k - 1] as number);
    // The gain from round 32 to 64 is under 1% of the gain from round 1 to 32.
    const early = (curve[31] as number) - (curve[0] as number);
    const late = (curve[63] as number) - (curve[31] as number);
    expect(late).toBeLessThan(0.01 * early);
    expect(curve[63] as number).toBeGreaterThan(mean + 0.1);
  });

  it("with the paper's naive 38% break rate, pass@1 falls instead (why the default is lower)", () => {
    const curve = revisionCurve(bench, 32, { breakRate: 0.38 });
    expect(curve[31] as number).toBeLessThan(curve[0] as number);
  });
});

describe("hierarchicalVerifierSelection(answers, scores, length)", () => {
  it("picks inside each chain by summed logistic scores, not by count", () => {
    // Chain: two wrong answers with very low scores, one correct with a high score.
    const r = hierarchicalVerifierSelection([1, 1, 0], [-3, -3, 5], 3);
    // logistic(5) ≈ 0.9933 > 2·logistic(−3) ≈ 0.0949
    expect(r.answer).toBe(0);
    expect(Array.from(r.chainPicks)).toEqual([0]);
    expect(r.chainPickScores[0]).toBe(5);
  });

  it("represents a chain by the best score carrying its pick, then votes with summed weights across chains", () => {
    // Chains pick 1 (best score 0), 1 (best score 0), 0 (best score 3):
    // answer 1 gets 0.5 + 0.5 = 1.0 > logistic(3) ≈ 0.953 for answer 0.
    const answers = [1, 1, 1, 2, 0, 0];
    const scores = [0, -1, 0, -5, 3, 1];
    const r = hierarchicalVerifierSelection(answers, scores, 2);
    expect(Array.from(r.chainPicks)).toEqual([1, 1, 0]);
    expect(Array.from(r.chainPickScores)).toEqual([0, 0, 3]);
    expect(r.answer).toBe(1);
  });

  it("breaks ties in favour of the answer seen first", () => {
    expect(hierarchicalVerifierSelection([2, 1], [0.4, 0.4], 2).answer).toBe(2);
    expect(hierarchicalVerifierSelection([1, 2], [0.4, 0.4], 1).answer).toBe(1);
  });

  it("agrees with a Map-based reference on random inputs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.double({ min: -4, max: 4, noNaN: true })), {
          minLength: 36,
          maxLength: 36,
        }),
        (chains, length, pool) => {
          const n = chains * length;
          const answers = pool.slice(0, n).map((x) => x[0]);
          const scores = pool.slice(0, n).map((x) => x[1]);
          return (
            hierarchicalVerifierSelection(answers, scores, length).answer ===
            hierarchicalReference(answers, scores, length)
          );
        },
      ),
    );
  });
});

describe("simulateRevisionChains(question, options)", () => {
  const q = makeQuestion(0.3, { distractors: [0.5, 0.5] });

  it("follows the two-state chain: pass@1 at each step matches markovRevisionAccuracy (5 SE)", () => {
    const length = 6;
    const r = simulateRevisionChains(q, { chains: 20000, length, rng: makeRng("revision/steps") });
    const rates = revisionRates(q);
    for (let k = 0; k < length; k++) {
      let correct = 0;
      for (let c = 0; c < r.chains; c++) if (r.answers[c * length + k] === 0) correct++;
      expectProportionNear(
        correct / r.chains,
        markovRevisionAccuracy(q.p, rates, k + 1),
        r.chains,
        5,
        `step ${k + 1}`,
      );
    }
  });

  it("breaks a correct answer with probability breakRate and keeps a wrong one with the documented stickiness", () => {
    const length = 8;
    const model = { fixScale: 0.6, breakRate: 0.2, stickiness: 0.6 };
    const r = simulateRevisionChains(q, {
      chains: 10000,
      length,
      rng: makeRng("revision/transitions"),
      model,
    });
    let fromCorrect = 0;
    let broken = 0;
    let wrongToWrong = 0;
    let same = 0;
    for (let c = 0; c < r.chains; c++) {
      for (let k = 1; k < length; k++) {
        const prev = r.answers[c * length + k - 1] as number;
        const cur = r.answers[c * length + k] as number;
        if (prev === 0) {
          fromCorrect++;
          if (cur !== 0) broken++;
        } else if (cur !== 0) {
          wrongToWrong++;
          if (cur === prev) same++;
        }
      }
    }
    expectProportionNear(broken / fromCorrect, 0.2, fromCorrect, 5, "break rate");
    // Given a wrong answer stays wrong, it is the same one with probability
    // stickiness + (1 − stickiness)·(1/2) with two equally likely distractors.
    expectProportionNear(same / wrongToWrong, 0.6 + 0.4 * 0.5, wrongToWrong, 5, "stickiness");
  });

  it("scores correct attempts ~ Normal(separation, 1) and wrong ones ~ Normal(0, 1) (5 SE on the means)", () => {
    const r = simulateRevisionChains(q, {
      chains: 500,
      length: 40,
      rng: makeRng("revision/scores"),
      verifier: { separation: 2 },
    });
    let sumC = 0;
    let nC = 0;
    let sumW = 0;
    let nW = 0;
    for (let i = 0; i < r.answers.length; i++) {
      if (r.answers[i] === 0) {
        sumC += r.scores[i] as number;
        nC++;
      } else {
        sumW += r.scores[i] as number;
        nW++;
      }
    }
    expectWithin(sumC / nC, 2, 5 / Math.sqrt(nC), "correct mean");
    expectWithin(sumW / nW, 0, 5 / Math.sqrt(nW), "wrong mean");
  });

  it("reports the answers the two selection rules pick from its own attempts", () => {
    const rng = makeRng("revision/selection");
    for (let t = 0; t < 50; t++) {
      const r = simulateRevisionChains(makeQuestion(0.2), { chains: 3, length: 5, rng });
      const answers = Array.from(r.answers);
      const scores = Array.from(r.scores);
      expect(r.verifierAnswer).toBe(hierarchicalReference(answers, scores, 5));
      expect(r.majorityAnswer).toBe(majorityReference(answers));
      expect(r.verifierCorrect).toBe(r.verifierAnswer === 0);
      expect(r.majorityCorrect).toBe(r.majorityAnswer === 0);
      const h = hierarchicalVerifierSelection(answers, scores, 5);
      expect(Array.from(r.chainPicks)).toEqual(Array.from(h.chainPicks));
    }
  });

  it("never fixes a question the base model never solves, and never breaks when breakRate = 0", () => {
    const hopeless = simulateRevisionChains(makeQuestion(0), { chains: 20, length: 20, rng: makeRng(1) });
    expect(hopeless.answers.every((a) => a !== 0)).toBe(true);
    const solid = simulateRevisionChains(makeQuestion(1), {
      chains: 20,
      length: 20,
      rng: makeRng(2),
      model: { breakRate: 0 },
    });
    expect(solid.answers.every((a) => a === 0)).toBe(true);
  });

  it("gives identical results for the same seed", () => {
    const a = simulateRevisionChains(q, { chains: 4, length: 16, rng: makeRng("same") });
    const b = simulateRevisionChains(q, { chains: 4, length: 16, rng: makeRng("same") });
    expect(Array.from(a.answers)).toEqual(Array.from(b.answers));
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
    expect(a.verifierAnswer).toBe(b.verifierAnswer);
  });
});

// =============================================================================================
// Budget splits, accuracy and latency
// =============================================================================================

describe("revisionRatios(budget)", () => {
  it("returns ICLR Table 1 (paper-notes §2.6) for budgets 1..256", () => {
    const table: Record<number, string[]> = {
      1: ["1:1"],
      2: ["1:2", "2:1"],
      4: ["1:4", "1:1", "4:1"],
      8: ["1:8", "1:2", "2:1", "8:1"],
      16: ["1:16", "1:4", "1:1", "4:1", "16:1"],
      32: ["1:32", "1:8", "1:2", "2:1", "8:1", "32:1"],
      64: ["1:64", "1:16", "1:4", "1:1", "4:1", "16:1", "64:1"],
      128: ["1:128", "1:32", "1:8", "1:2", "2:1", "8:1", "32:1", "128:1"],
      256: ["1:256", "1:16", "1:1", "16:1", "256:1"],
    };
    for (const [budget, labels] of Object.entries(table)) {
      const splits = revisionRatios(Number(budget));
      expect(splits.map((s) => s.label)).toEqual(labels);
      for (const s of splits) expect(s.sequential * s.parallel).toBe(Number(budget));
    }
  });

  it("for other budgets lists every split with a power-of-two factor, all-parallel to all-sequential", () => {
    const isPow2 = (x: number) => (x & (x - 1)) === 0;
    for (const budget of [3, 12, 48, 100, 512, 1000, 1024]) {
      const expected: number[] = [];
      for (let s = 1; s <= budget; s++)
        if (budget % s === 0 && (isPow2(s) || isPow2(budget / s))) expected.push(s);
      const splits = revisionRatios(budget);
      expect(splits.map((x) => x.sequential)).toEqual(expected);
      for (const x of splits) expect(x.sequential * x.parallel).toBe(budget);
    }
  });
});

describe("revisionLatency({ sequential, parallel })", () => {
  it("has serial depth = chain length, and the costs add up to the budget", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), (j) => {
        const budget = 2 ** j;
        return revisionRatios(budget).every((split) => {
          const lat = revisionLatency(split);
          return (
            lat.serialDepth === split.sequential &&
            lat.concurrency === split.parallel &&
            lat.samples === budget
          );
        });
      }),
    );
    expect(revisionLatency({ sequential: 1, parallel: 128 }).serialDepth).toBe(1);
    expect(revisionLatency({ sequential: 128, parallel: 1 }).serialDepth).toBe(128);
  });
});

describe("revisionAccuracy(questions, options)", () => {
  /** `count` copies of one question, as an array. */
  const copies = (q: Question, count: number): Question[] =>
    Array.from({ length: count }, (_, id) => ({ ...q, id }));

  it("all-parallel majority of 4 base samples matches enumeration of all 3^4 answer sequences (5 SE)", () => {
    const q = makeQuestion(0.4, { distractors: [0.5, 0.5] });
    const probs = [0.4, 0.3, 0.3];
    let exact = 0;
    for (let code = 0; code < 81; code++) {
      const seq = [code % 3, Math.floor(code / 3) % 3, Math.floor(code / 9) % 3, Math.floor(code / 27) % 3];
      const prob = seq.reduce((p, a) => p * (probs[a] as number), 1);
      if (majorityReference(seq) === 0) exact += prob;
    }
    const trials = 25;
    const r = revisionAccuracy(copies(q, 400), {
      budget: 4,
      sequential: 1,
      selection: "majority",
      trials,
      rng: makeRng("rev/maj"),
    });
    expectProportionNear(r.accuracy, exact, 400 * trials, 5);
  });

  it("all-parallel verifier selection of 2 samples matches p² + 2p(1 − p)·Φ(d/√2) (5 SE)", () => {
    const q = makeQuestion(0.35);
    const d = 1.2;
    const exact = q.p ** 2 + 2 * q.p * (1 - q.p) * normalCdf(d / Math.SQRT2);
    const trials = 25;
    const r = revisionAccuracy(copies(q, 400), {
      budget: 2,
      sequential: 1,
      verifier: { separation: d },
      trials,
      rng: makeRng("rev/ver"),
    });
    expectProportionNear(r.accuracy, exact, 400 * trials, 5);
  });

  it("a frozen chain (no fixes, no breaks) is only as good as its first attempt (5 SE)", () => {
    const q = makeQuestion(0.3);
    const model = { fixScale: 0, breakRate: 0, stickiness: 1 };
    const r = revisionAccuracy(copies(q, 500), {
      budget: 8,
      sequential: 8,
      model,
      trials: 20,
      rng: makeRng("rev/frozen"),
    });
    expectProportionNear(r.accuracy, 0.3, 500 * 20, 5);
  });

  it("reports the standard error √(Σ r_i(1 − r_i)/(T − 1)) / Q, within 5 SD of its exact distribution", () => {
    // Frozen chains: each trial succeeds with probability p exactly, so each term
    // v_i = r_i(1 − r_i)/(T − 1) has mean p(1 − p)/T; its variance comes from Binomial(T, p).
    const p = 0.3;
    const T = 10;
    const Q = 400;
    let mean = 0;
    let second = 0;
    for (let s = 0; s <= T; s++) {
      let logChoose = 0;
      for (let i = 1; i <= s; i++) logChoose += Math.log((T - s + i) / i);
      const w = Math.exp(logChoose + s * Math.log(p) + (T - s) * Math.log(1 - p));
      const r = s / T;
      const v = (r * (1 - r)) / (T - 1);
      mean += w * v;
      second += w * v * v;
    }
    expect(mean).toBeCloseTo((p * (1 - p)) / T, 14);
    const sdOfSum = Math.sqrt(Q * (second - mean * mean));
    const res = revisionAccuracy(copies(makeQuestion(p), Q), {
      budget: 4,
      sequential: 4,
      model: { fixScale: 0, breakRate: 0 },
      trials: T,
      rng: makeRng("rev/se"),
    });
    let sum = 0;
    for (const r of res.perQuestion) sum += (r * (1 - r)) / (T - 1);
    expect(res.standardError).toBeCloseTo(Math.sqrt(sum) / Q, 14);
    expectWithin(sum, Q * mean, 5 * sdOfSum, "sum of variance terms");
  });

  it("falls back to √(acc(1 − acc)/Q) with one trial", () => {
    const res = revisionAccuracy(copies(makeQuestion(0.5), 100), {
      budget: 2,
      sequential: 2,
      trials: 1,
      rng: makeRng(3),
    });
    expect(res.standardError).toBeCloseTo(Math.sqrt((res.accuracy * (1 - res.accuracy)) / 100), 14);
  });

  it("agrees with simulateRevisionChains for one question and one trial under the same seed", () => {
    const q = makeQuestion(0.25);
    for (let seed = 0; seed < 20; seed++) {
      const sim = simulateRevisionChains(q, { chains: 4, length: 8, rng: makeRng(seed) });
      const acc = revisionAccuracy([q], { budget: 32, sequential: 8, trials: 1, rng: makeRng(seed) });
      const maj = revisionAccuracy([q], {
        budget: 32,
        sequential: 8,
        trials: 1,
        selection: "majority",
        rng: makeRng(seed),
      });
      expect(acc.accuracy).toBe(sim.verifierCorrect ? 1 : 0);
      expect(maj.accuracy).toBe(sim.majorityCorrect ? 1 : 0);
    }
  });

  it("returns per-question rates in question order, and the same numbers for the same seed", () => {
    const bench = makeBenchmark({ size: 60, seed: "rev-small" });
    const a = revisionAccuracy(bench, { budget: 16, sequential: 4, trials: 4, rng: makeRng("x") });
    const b = revisionAccuracy(bench, { budget: 16, sequential: 4, trials: 4, rng: makeRng("x") });
    expect(a.perQuestion).toBeInstanceOf(Float64Array);
    expect(a.perQuestion.length).toBe(60);
    expect(Array.from(a.perQuestion)).toEqual(Array.from(b.perQuestion));
    expect(a.accuracy).toBeCloseTo(Array.from(a.perQuestion).reduce((s, x) => s + x, 0) / 60, 14);
    expect([a.budget, a.sequential, a.parallel, a.trials, a.selection]).toEqual([16, 4, 4, 4, "verifier"]);
    for (const r of a.perQuestion) expect(r * 4).toBe(Math.round(r * 4));
  });

  it("reproduces the paper's Fig. 7 shape on the hard questions: 2 chains of 64 beat both extremes at budget 128", () => {
    // The hardest quintile of the default benchmark (documented behaviour of the default model).
    const bench = makeBenchmark();
    const hard = [...bench.questions].sort((x, y) => x.p - y.p).slice(0, 100);
    const run = (sequential: number) =>
      revisionAccuracy(hard, { budget: 128, sequential, trials: 10, rng: makeRng(`fig7/${sequential}`) });
    const allParallel = run(1);
    const interior = run(64);
    const allSequential = run(128);
    for (const other of [allParallel, allSequential]) {
      const se = Math.hypot(interior.standardError, other.standardError);
      expect(interior.accuracy - other.accuracy).toBeGreaterThan(5 * se);
    }
  });
});

// =============================================================================================
// Bad input
// =============================================================================================

describe("bad input", () => {
  const q = makeQuestion(0.3);
  const rng = makeRng(0);
  const cases: Array<[string, () => unknown, ErrorConstructor, RegExp]> = [
    [
      "linear p0 NaN",
      () => linearRevisionAccuracy(NaN, 0.1, 2),
      RangeError,
      /linearRevisionAccuracy: p0 must be a probability in \[0, 1\], got NaN/,
    ],
    [
      "linear p0 string",
      () => linearRevisionAccuracy("0.1" as unknown as number, 0.1, 2),
      TypeError,
      /linearRevisionAccuracy: p0 must be a number/,
    ],
    [
      "linear step negative",
      () => linearRevisionAccuracy(0.1, -0.1, 2),
      RangeError,
      /linearRevisionAccuracy: step must be a number in \[0, 1\], got -0.1/,
    ],
    [
      "linear k zero",
      () => linearRevisionAccuracy(0.1, 0.1, 0),
      RangeError,
      /linearRevisionAccuracy: k must be an integer >= 1, got 0/,
    ],
    [
      "linear k fractional",
      () => linearRevisionAccuracy(0.1, 0.1, 2.5),
      RangeError,
      /linearRevisionAccuracy: k must be an integer >= 1, got 2.5/,
    ],
    [
      "curve rounds Infinity",
      () => linearRevisionCurve(0.1, 0.1, Infinity),
      RangeError,
      /linearRevisionCurve: rounds must be an integer >= 1, got Infinity/,
    ],
    [
      "curve too long",
      () => linearRevisionCurve(0.1, 0.1, 2e9),
      RangeError,
      /linearRevisionCurve: rounds must be at most 1e\+9/,
    ],
    [
      "chain coverage p0 > 1",
      () => bestOfChainCoverage(1.5, 0.1, 3),
      RangeError,
      /bestOfChainCoverage: p0 must be a probability/,
    ],
    [
      "chain coverage step Infinity",
      () => bestOfChainCoverage(0.1, Infinity, 3),
      RangeError,
      /bestOfChainCoverage: step must be a number in \[0, 1\]/,
    ],
    [
      "markov rates missing",
      () => markovRevisionAccuracy(0.1, undefined as unknown as { fix: number; breakRate: number }, 2),
      TypeError,
      /markovRevisionAccuracy: rates must be an object, got undefined/,
    ],
    [
      "markov fix > 1",
      () => markovRevisionAccuracy(0.1, { fix: 1.2, breakRate: 0.1 }, 2),
      RangeError,
      /markovRevisionAccuracy: rates.fix must be a probability in \[0, 1\], got 1.2/,
    ],
    [
      "markov break NaN",
      () => markovRevisionLimit(0.1, { fix: 0.1, breakRate: NaN }),
      RangeError,
      /markovRevisionLimit: rates.breakRate must be a probability/,
    ],
    [
      "markov k negative",
      () => markovRevisionAccuracy(0.1, { fix: 0.1, breakRate: 0.1 }, -1),
      RangeError,
      /markovRevisionAccuracy: k must be an integer >= 1, got -1/,
    ],
    [
      "markov curve rounds 0",
      () => markovRevisionCurve(0.1, { fix: 0.1, breakRate: 0.1 }, 0),
      RangeError,
      /markovRevisionCurve: rounds must be an integer >= 1, got 0/,
    ],
    [
      "rates question",
      () => revisionRates({ p: 2 } as unknown as Question),
      RangeError,
      /revisionRates: question.p must be a probability/,
    ],
    [
      "rates model fixScale",
      () => revisionRates(q, { fixScale: -1 }),
      RangeError,
      /revisionRates: model.fixScale must be a probability in \[0, 1\], got -1/,
    ],
    [
      "curve empty",
      () => revisionCurve([], 3),
      RangeError,
      /revisionCurve: questions must be a benchmark or a non-empty array of questions/,
    ],
    [
      "curve not questions",
      () => revisionCurve(42 as unknown as Question[], 3),
      TypeError,
      /revisionCurve: questions must be a benchmark/,
    ],
    [
      "curve typed array",
      () => revisionCurve(new Float64Array([0.2]) as unknown as Question[], 3),
      TypeError,
      /revisionCurve: questions must be a benchmark or a non-empty array of questions, got Float64Array of length 1/,
    ],
    [
      "curve stickiness",
      () => revisionCurve([q], 3, { stickiness: 2 }),
      RangeError,
      /revisionCurve: model.stickiness must be a probability/,
    ],
    [
      "selection lengths",
      () => hierarchicalVerifierSelection([0, 1], [0.1], 1),
      RangeError,
      /hierarchicalVerifierSelection: scores must have the same length as answers \(2\), got length 1/,
    ],
    [
      "selection non-divisor",
      () => hierarchicalVerifierSelection([0, 1, 2], [0, 0, 0], 2),
      RangeError,
      /hierarchicalVerifierSelection: length must be a divisor of answers.length \(3\), got 2/,
    ],
    [
      "selection negative answer",
      () => hierarchicalVerifierSelection([-1], [0], 1),
      RangeError,
      /hierarchicalVerifierSelection: answers\[0\] must be an integer >= 0, got -1/,
    ],
    [
      "selection NaN score",
      () => hierarchicalVerifierSelection([0], [NaN], 1),
      RangeError,
      /hierarchicalVerifierSelection: scores\[0\] must be a finite number, got NaN/,
    ],
    [
      "selection empty",
      () => hierarchicalVerifierSelection([], [], 1),
      RangeError,
      /hierarchicalVerifierSelection: answers must be a non-empty array/,
    ],
    [
      "chains options missing",
      () =>
        simulateRevisionChains(
          q,
          undefined as unknown as { chains: number; length: number; rng: typeof rng },
        ),
      TypeError,
      /simulateRevisionChains: options must be an object/,
    ],
    [
      "chains zero",
      () => simulateRevisionChains(q, { chains: 0, length: 2, rng }),
      RangeError,
      /simulateRevisionChains: options.chains must be an integer >= 1, got 0/,
    ],
    [
      "chains length fractional",
      () => simulateRevisionChains(q, { chains: 2, length: 1.5, rng }),
      RangeError,
      /simulateRevisionChains: options.length must be an integer >= 1, got 1.5/,
    ],
    [
      "chains rng",
      () => simulateRevisionChains(q, { chains: 2, length: 2, rng: Math.random as unknown as typeof rng }),
      TypeError,
      /simulateRevisionChains: options.rng must be an Rng made by makeRng/,
    ],
    [
      "chains verifier",
      () => simulateRevisionChains(q, { chains: 2, length: 2, rng, verifier: { separation: Infinity } }),
      RangeError,
      /simulateRevisionChains: options.verifier.separation must be a finite number, got Infinity/,
    ],
    [
      "chains work",
      () => simulateRevisionChains(q, { chains: 1e5, length: 1e5, rng }),
      RangeError,
      /simulateRevisionChains: options.chains × options.length must be at most 1e\+9/,
    ],
    [
      "chains zero distractor weight",
      () => simulateRevisionChains({ id: 0, p: 0.5, distractors: [0, 0] }, { chains: 1, length: 1, rng }),
      RangeError,
      /simulateRevisionChains: question.distractors must be weights with a positive sum/,
    ],
    [
      "ratios zero",
      () => revisionRatios(0),
      RangeError,
      /revisionRatios: budget must be an integer in \[1, 1000000000\], got 0/,
    ],
    [
      "ratios string",
      () => revisionRatios("8" as unknown as number),
      TypeError,
      /revisionRatios: budget must be a number/,
    ],
    [
      "accuracy non-divisor",
      () => revisionAccuracy([q], { budget: 128, sequential: 3, rng }),
      RangeError,
      /revisionAccuracy: options.sequential must be a divisor of options.budget \(128\), got 3/,
    ],
    [
      "accuracy selection",
      () =>
        revisionAccuracy([q], { budget: 4, sequential: 2, rng, selection: "best" as unknown as "verifier" }),
      RangeError,
      /revisionAccuracy: options.selection must be one of "verifier", "majority", got "best"/,
    ],
    [
      "accuracy trials",
      () => revisionAccuracy([q], { budget: 4, sequential: 2, rng, trials: 0 }),
      RangeError,
      /revisionAccuracy: options.trials must be an integer >= 1, got 0/,
    ],
    [
      "accuracy work",
      () => revisionAccuracy(makeBenchmark(), { budget: 1 << 20, sequential: 1, rng, trials: 10 }),
      RangeError,
      /revisionAccuracy: questions × options.budget × options.trials must be at most 1e\+9/,
    ],
    [
      "accuracy bad question",
      () => revisionAccuracy([q, { p: -1 } as unknown as Question], { budget: 4, sequential: 2, rng }),
      RangeError,
      /revisionAccuracy: questions\[1\].p must be a probability/,
    ],
    [
      "accuracy model type",
      () => revisionAccuracy([q], { budget: 4, sequential: 2, rng, model: 3 as unknown as object }),
      TypeError,
      /revisionAccuracy: options.model must be an object, got 3/,
    ],
    [
      "latency zero",
      () => revisionLatency({ sequential: 0, parallel: 2 }),
      RangeError,
      /revisionLatency: split.sequential must be an integer >= 1, got 0/,
    ],
    [
      "latency missing",
      () => revisionLatency(null as unknown as { sequential: number; parallel: number }),
      TypeError,
      /revisionLatency: split must be an object, got null/,
    ],
  ];
  it.each(cases)("%s", (_label, call, errorClass, pattern) => {
    expect(call).toThrow(errorClass);
    expect(call).toThrow(pattern);
  });
});

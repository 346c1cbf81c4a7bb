import fc from "fast-check";
import {
  answerDistribution,
  CORRECT,
  makeBenchmark,
  makeQuestion,
  sampleAnswers,
  type Question,
} from "../lib/models/questions";
import { makeRng } from "../lib/base/random";
import {
  beamSearch,
  bestOfNWeighted,
  DEFAULT_MAX_ROUNDS,
  DEFAULT_PRM,
  DEFAULT_SEARCH_STEPS,
  dvts,
  isValidSearchBudget,
  lookaheadSearch,
  prefixValue,
  prmFoolProbability,
  searchAccuracy,
  searchShape,
  searchStrategyLabel,
  type PrmAggregation,
  type PrmOptions,
  type SearchResult,
  type SearchStrategy,
} from "../lib/strategies";
import { expectProportionNear, expectWithin, proportionStandardError } from "./helpers/tolerance";

// ---------------------------------------------------------------------------------------------
// Independent references, written here from the task's definition (not taken from the library).

/** A PRM that ranks every on-track prefix above every wrong one and is never fooled. */
const PERFECT: PrmOptions = { noise: 0, foolRate: 0, offTrackLogit: -50 };

/** A PRM whose scores do not depend on correctness: every mistake fools it, with no bonus. */
const UNINFORMATIVE: PrmOptions = { foolRate: 1, fooledBonus: 0, fooledSpread: 0 };

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** C(n, k)·p^k·(1 − p)^(n − k) by a plain product (n is small in these tests). */
function binomialProbability(n: number, k: number, p: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c * p ** k * (1 - p) ** (n - k);
}

/**
 * Beam search with a perfect PRM, exactly, by a Markov chain on K = number of
 * on-track prefixes kept (at most n/M). Round 1 draws n first steps, Bin(n, s)
 * of them on track; a later round gives the K·M children of the kept on-track
 * prefixes Bin(K·M, s) on-track ones (off-track parents have off-track
 * children); the perfect PRM keeps on-track prefixes first. After the last
 * round the weighted vote is correct iff some final candidate is on track.
 */
function beamExact(p: number, n: number, beamWidth: number, steps: number): number {
  const s = p ** (1 / steps);
  const keep = n / beamWidth;
  if (steps === 1) return 1 - (1 - s) ** n;
  let dist = new Float64Array(keep + 1);
  for (let x = 0; x <= n; x++) dist[Math.min(x, keep)]! += binomialProbability(n, x, s);
  for (let round = 2; round < steps; round++) {
    const next = new Float64Array(keep + 1);
    for (let k = 0; k <= keep; k++) {
      for (let x = 0; x <= k * beamWidth; x++)
        next[Math.min(x, keep)]! += dist[k]! * binomialProbability(k * beamWidth, x, s);
    }
    dist = next;
  }
  let success = 0;
  for (let k = 0; k <= keep; k++) success += dist[k]! * (1 - (1 - s) ** (k * beamWidth));
  return success;
}

/** Greedy search (one kept prefix, n proposals per step) with a perfect PRM: every one of T rounds needs one on-track proposal. */
const greedyExact = (p: number, n: number, steps: number): number =>
  (1 - (1 - p ** (1 / steps)) ** n) ** steps;

/** DVTS with a perfect PRM: n/M independent greedy subtrees with M proposals per step; one success suffices. */
const dvtsExact = (p: number, n: number, beamWidth: number, steps: number): number =>
  1 - (1 - greedyExact(p, beamWidth, steps)) ** (n / beamWidth);

/**
 * Lookahead search with M = n (one kept prefix), a perfect PRM and rollouts
 * that are one draw of the step process. In round t < T a child is on track
 * with a rollout that stays on track w.p. a = s^(r + 1), r = min(k, T − t);
 * such a child outranks all others. If there is none, every child scores as
 * a detected mistake and the tie goes to the first child, which is on track
 * (with a failed rollout) w.p. s(1 − s^r)/(1 − a). The last round needs one
 * on-track child among n.
 */
function lookaheadGreedyExact(p: number, n: number, k: number, steps: number): number {
  const s = p ** (1 / steps);
  let prob = 1;
  for (let t = 1; t < steps; t++) {
    const r = Math.min(k, steps - t);
    const a = s ** (r + 1);
    const none = (1 - a) ** n;
    prob *= 1 - none + (a < 1 ? none * ((s * (1 - s ** r)) / (1 - a)) : 0);
  }
  return prob * (1 - (1 - s) ** n);
}

/** Best-of-N weighted over concrete candidates: largest summed score, ties to the answer seen first. */
function weightedVoteReference(answers: ArrayLike<number>, scores: ArrayLike<number>): number {
  const sums = new Map<number, number>();
  for (let i = 0; i < answers.length; i++) sums.set(answers[i]!, (sums.get(answers[i]!) ?? 0) + scores[i]!);
  let best = -1;
  let bestSum = -Infinity;
  for (const [answer, sum] of sums) {
    if (sum > bestSum) {
      best = answer;
      bestSum = sum;
    }
  }
  return best;
}

/** Success rate of a strategy on one question over `trials` seeded runs (through searchAccuracy). */
function rate(
  q: Question,
  strategy: SearchStrategy,
  budget: number,
  trials: number,
  seed: string,
  extra: object = {},
): number {
  return searchAccuracy([q], strategy, { budget, trials, rng: makeRng(seed), ...extra }).accuracy;
}

// ---------------------------------------------------------------------------------------------

describe("prefixValue(p, depth, steps)", () => {
  it("is s^(T − t) with s = p^(1/T)", () => {
    for (const p of [0, 0.01, 0.3, 0.5, 0.9, 1]) {
      for (const steps of [1, 4, 8]) {
        const s = Math.pow(p, 1 / steps);
        for (let depth = 0; depth <= steps; depth++) {
          expect(prefixValue(p, depth, steps)).toBeCloseTo(s ** (steps - depth), 12);
        }
      }
    }
    expect(prefixValue(0.5, 0)).toBe(0.5);
    expect(prefixValue(0.5, DEFAULT_SEARCH_STEPS)).toBe(1);
  });

  it("rejects bad arguments in the house format", () => {
    expect(() => prefixValue(1.5, 0)).toThrow(/^prefixValue: p must be a probability in \[0, 1\], got 1.5$/);
    expect(() => prefixValue(0.5, 9, 8)).toThrow(RangeError);
    expect(() => prefixValue(0.5, 9, 8)).toThrow(
      /^prefixValue: depth must be an integer in \[0, 8\] \(steps\), got 9$/,
    );
    expect(() => prefixValue(0.5, 0, 0)).toThrow(
      /^prefixValue: steps must be an integer in \[1, 1000\], got 0$/,
    );
    expect(() => prefixValue("0.5" as unknown as number, 0)).toThrow(TypeError);
  });
});

describe("prmFoolProbability(p, options)", () => {
  it("is min(1, ε / (1 − p^(1/T)))", () => {
    for (const p of [0, 0.05, 0.5, 0.9, 0.999]) {
      for (const foolRate of [0, 0.002, 0.05, 1]) {
        for (const steps of [1, 8]) {
          const error = 1 - Math.pow(p, 1 / steps);
          const expected = foolRate === 0 ? 0 : Math.min(1, foolRate / error);
          expect(prmFoolProbability(p, { steps, prm: { foolRate } })).toBeCloseTo(expected, 12);
        }
      }
    }
    expect(prmFoolProbability(1)).toBe(0); // nothing goes wrong
    expect(prmFoolProbability(0.5)).toBeCloseTo(0.002 / (1 - 0.5 ** (1 / 8)), 12);
  });

  it("rejects bad arguments", () => {
    expect(() => prmFoolProbability(-0.1)).toThrow(
      /^prmFoolProbability: p must be a probability in \[0, 1\], got -0.1$/,
    );
    expect(() => prmFoolProbability(0.5, { prm: { foolRate: 2 } })).toThrow(
      /^prmFoolProbability: options.prm.foolRate must be a probability in \[0, 1\], got 2$/,
    );
    expect(() => prmFoolProbability(0.5, { steps: 2.5 })).toThrow(
      /options.steps must be an integer in \[1, 1000\]/,
    );
  });
});

describe("the synthetic task (through bestOfNWeighted's candidates)", () => {
  it("draws full samples with the question's answer distribution", () => {
    const q = makeQuestion(0.35, { distractors: [0.6, 0.3, 0.1] });
    const n = 20000;
    const r = bestOfNWeighted(q, { n, rng: makeRng("task") });
    const counts = new Float64Array(4);
    for (const a of r.candidates.answers) counts[a]!++;
    answerDistribution(q).forEach((prob, a) =>
      expectProportionNear(counts[a]! / n, prob, n, 5, `answer ${a}`),
    );
  });

  it("fools the PRM on a fraction φ(q) of the wrong samples", () => {
    const q = makeQuestion(0.9);
    const n = 20000;
    const foolRate = 0.005;
    const r = bestOfNWeighted(q, { n, rng: makeRng("fooled"), prm: { foolRate } });
    let wrong = 0;
    let fooled = 0;
    for (let i = 0; i < n; i++) {
      if (r.candidates.answers[i] !== CORRECT) wrong++;
      fooled += r.candidates.fooled[i]!;
    }
    const phi = Math.min(1, foolRate / (1 - 0.9 ** (1 / 8)));
    expectProportionNear(fooled / wrong, phi, wrong, 5);
  });

  it("scores prefixes with the stated logits when the PRM has no noise", () => {
    const p = 0.4;
    const steps = 6;
    const cap = 2.5;
    const off = -3;
    const bonus = 0.7;
    // The on-track path's step scores, from V = p^((T − t)/T) clamped on the logit scale.
    const stepScores: number[] = [];
    for (let t = 1; t <= steps; t++) {
      const v = p ** ((steps - t) / steps);
      const logit = v >= 1 ? cap : Math.max(-cap, Math.min(cap, Math.log(v / (1 - v))));
      stepScores.push(sigmoid(logit));
    }
    const prm = {
      noise: 0,
      logitCap: cap,
      offTrackLogit: off,
      fooledBonus: bonus,
      fooledSpread: 0,
      foolRate: 0.07,
    };
    const expectations: Record<PrmAggregation, number> = {
      last: stepScores[steps - 1]!,
      min: Math.min(...stepScores),
      prod: stepScores.reduce((a, b) => a * b, 1),
    };
    for (const aggregation of ["last", "min", "prod"] as const) {
      const r = bestOfNWeighted(makeQuestion(p), {
        n: 400,
        steps,
        aggregation,
        prm,
        rng: makeRng(aggregation),
      });
      let seenFooled = false;
      let seenDetected = false;
      for (let i = 0; i < 400; i++) {
        const score = r.candidates.scores[i]!;
        if (r.candidates.answers[i] === CORRECT) expect(score).toBeCloseTo(expectations[aggregation], 12);
        else if (aggregation === "last" && r.candidates.fooled[i] === 1) {
          seenFooled = true;
          expect(score).toBeCloseTo(sigmoid(cap + bonus), 12);
        } else if (aggregation === "last") {
          seenDetected = true;
          expect(score).toBeCloseTo(sigmoid(off), 12);
        }
      }
      if (aggregation === "last") expect(seenFooled && seenDetected).toBe(true);
    }
  });
});

describe("bestOfNWeighted(question, options)", () => {
  it("with a perfect PRM equals coverage 1 − (1 − p)^n, for every aggregation", () => {
    const trials = 2000;
    for (const aggregation of ["last", "min", "prod"] as const) {
      for (const [p, n] of [
        [0.05, 16],
        [0.3, 4],
        [0.6, 2],
      ] as const) {
        const estimate = rate(makeQuestion(p), { kind: "best-of-n" }, n, trials, `bon/${aggregation}/${p}`, {
          prm: PERFECT,
          aggregation,
        });
        expectProportionNear(estimate, 1 - (1 - p) ** n, trials, 5, `${aggregation} p=${p} n=${n}`);
      }
    }
  });

  it("with an uninformative PRM matches a weighted vote with random scores", () => {
    // Baseline: independent answers from sampleAnswers, scores sigmoid(logitCap + σZ) whatever the answer.
    const trials = 2000;
    for (const [p, n] of [
      [0.3, 4],
      [0.25, 16],
      [0.6, 8],
    ] as const) {
      const q = makeQuestion(p, { distractors: [0.7, 0.3] });
      const rng = makeRng(`baseline/${p}/${n}`);
      let baselineWins = 0;
      const scores = new Float64Array(n);
      for (let t = 0; t < trials; t++) {
        const answers = sampleAnswers(q, n, rng);
        for (let i = 0; i < n; i++)
          scores[i] = sigmoid(DEFAULT_PRM.logitCap + DEFAULT_PRM.noise * rng.normal());
        if (weightedVoteReference(answers, scores) === CORRECT) baselineWins++;
      }
      const baseline = baselineWins / trials;
      const estimate = rate(q, { kind: "best-of-n" }, n, trials, `uninformative/${p}/${n}`, {
        prm: UNINFORMATIVE,
      });
      const se = Math.hypot(
        proportionStandardError(baseline, trials),
        proportionStandardError(estimate, trials),
      );
      expectWithin(estimate, baseline, 5 * se, `p=${p} n=${n}`);
    }
  });

  it("picks the answer with the largest summed score among its candidates", () => {
    for (let seed = 0; seed < 50; seed++) {
      const r = bestOfNWeighted(makeQuestion(0.3), { n: 8, rng: makeRng(seed) });
      expect(r.answer).toBe(weightedVoteReference(r.candidates.answers, r.candidates.scores));
      expect(r.correct).toBe(r.answer === CORRECT);
    }
  });

  it("costs n generations and traces every round without pruning", () => {
    const r = bestOfNWeighted(makeQuestion(0.5), { n: 12, rng: makeRng(1), trace: true });
    expect(r.generations).toBe(12);
    expect(r.trace).toHaveLength(DEFAULT_SEARCH_STEPS);
    r.trace!.forEach((round, i) => {
      expect(round.round).toBe(i + 1);
      expect(round.generated).toBe(12);
      expect(round.kept).toBe(i === DEFAULT_SEARCH_STEPS - 1 ? 0 : 12);
    });
    expect(bestOfNWeighted(makeQuestion(0.5), { n: 3, rng: makeRng(1) }).trace).toBeUndefined();
  });
});

describe("beamSearch(question, options)", () => {
  it("with a perfect PRM matches the exact Markov chain on kept on-track beams", () => {
    const trials = 2000;
    const cases: Array<[number, number, number, number, PrmAggregation]> = [
      // p, n, M, T, aggregation
      [1e-4, 16, 4, 8, "last"], // ≈ 0.868
      [1e-3, 4, 2, 8, "last"], // ≈ 0.152
      [1e-4, 9, 3, 8, "min"], // ≈ 0.354
      [2e-3, 8, 2, 3, "prod"], // ≈ 0.058
      [1e-5, 16, 8, 5, "last"], // ≈ 0.192
      [1e-3, 8, 4, 6, "prod"], // ≈ 0.599
    ];
    for (const [p, n, beamWidth, steps, aggregation] of cases) {
      const estimate = rate(
        makeQuestion(p),
        { kind: "beam", beamWidth },
        n,
        trials,
        `beam/${p}/${n}/${beamWidth}`,
        {
          prm: PERFECT,
          steps,
          aggregation,
        },
      );
      expectProportionNear(
        estimate,
        beamExact(p, n, beamWidth, steps),
        trials,
        5,
        `p=${p} n=${n} M=${beamWidth} T=${steps}`,
      );
    }
  });

  it("the exact chain is itself right at its ends: M = 1 is coverage, M = n is greedy", () => {
    for (const p of [0.01, 0.2, 0.7]) {
      expect(beamExact(p, 8, 1, 8)).toBeCloseTo(1 - (1 - p) ** 8, 12);
      expect(beamExact(p, 8, 8, 8)).toBeCloseTo(greedyExact(p, 8, 8), 12);
    }
  });

  it("with M = n is greedy search: (1 − (1 − s)^n)^T with a perfect PRM", () => {
    const trials = 2000;
    for (const [p, n] of [
      [1e-3, 4], // ≈ 0.387
      [0.01, 2], // ≈ 0.183
    ] as const) {
      const estimate = rate(makeQuestion(p), { kind: "beam", beamWidth: n }, n, trials, `greedy/${p}`, {
        prm: PERFECT,
      });
      expectProportionNear(estimate, greedyExact(p, n, 8), trials, 5, `p=${p} n=${n}`);
    }
  });

  it("with n = 1 is one sample: correct with probability p whatever the PRM", () => {
    const trials = 4000;
    for (const p of [0.1, 0.6]) {
      expectProportionNear(
        rate(makeQuestion(p), { kind: "beam", beamWidth: 1 }, 1, trials, `one/${p}`),
        p,
        trials,
      );
    }
  });

  it("with M = 1 prunes nothing: identical to best-of-N weighted on the same seed", () => {
    const q = makeQuestion(0.3);
    for (let seed = 0; seed < 10; seed++) {
      const a = beamSearch(q, { n: 8, beamWidth: 1, rng: makeRng(seed) });
      const b = bestOfNWeighted(q, { n: 8, rng: makeRng(seed) });
      expect(a).toEqual(b);
    }
  });

  it("with maxRounds = 1 prunes nothing either: coverage with a perfect PRM", () => {
    const trials = 2000;
    const estimate = rate(makeQuestion(0.1), { kind: "beam", beamWidth: 4 }, 16, trials, "rounds1", {
      prm: PERFECT,
      maxRounds: 1,
    });
    expectProportionNear(estimate, 1 - 0.9 ** 16, trials);
  });

  it("costs n generations; its trace keeps at most n/M per round and runs at most 40 rounds", () => {
    const r = beamSearch(makeQuestion(0.4), { n: 16, beamWidth: 4, rng: makeRng(2), trace: true });
    expect(r.generations).toBe(16);
    expect(r.candidates.answers).toHaveLength(16);
    expect(r.trace).toHaveLength(8);
    for (const round of r.trace!) {
      expect(round.generated).toBe(16);
      expect(round.kept).toBeLessThanOrEqual(4);
      expect(round.keptOnTrack + round.keptFooled).toBeLessThanOrEqual(round.kept);
      expect(round.onTrack + round.fooled).toBeLessThanOrEqual(round.generated);
    }
    expect(r.trace!.slice(0, 7).every((round) => round.kept === 4)).toBe(true);
    expect(r.trace![7]!.kept).toBe(0);

    const long = beamSearch(makeQuestion(0.4), {
      n: 8,
      beamWidth: 2,
      steps: 50,
      rng: makeRng(3),
      trace: true,
    });
    expect(DEFAULT_MAX_ROUNDS).toBe(40);
    expect(long.trace).toHaveLength(40);
    expect(long.trace![39]!.depth).toBe(40);
    expect(long.candidates.answers).toHaveLength(8);
    expect(long.generations).toBe(8);
    const short = beamSearch(makeQuestion(0.4), {
      n: 8,
      beamWidth: 2,
      maxRounds: 3,
      rng: makeRng(3),
      trace: true,
    });
    expect(short.trace).toHaveLength(3);
  });

  it("prunes to the top n/M by aggregated score (the trace's kept counts follow the scores)", () => {
    // With a perfect PRM every kept prefix is on track as long as enough on-track prefixes exist.
    const r = beamSearch(makeQuestion(0.5), {
      n: 16,
      beamWidth: 4,
      rng: makeRng(4),
      prm: PERFECT,
      trace: true,
    });
    for (const round of r.trace!.slice(0, -1)) expect(round.keptOnTrack).toBe(Math.min(round.onTrack, 4));
  });
});

describe("lookaheadSearch(question, options)", () => {
  it("with k = 0 is beam search (identical on the same seed)", () => {
    const q = makeQuestion(0.25);
    for (let seed = 0; seed < 10; seed++) {
      const a = lookaheadSearch(q, { n: 16, beamWidth: 4, k: 0, rng: makeRng(seed), trace: true });
      const b = beamSearch(q, { n: 16, beamWidth: 4, rng: makeRng(seed), trace: true });
      expect(a).toEqual(b);
    }
  });

  it("with M = n and a perfect PRM matches the exact rollout formula", () => {
    const trials = 2000;
    for (const [p, n, k] of [
      [0.1, 4, 3], // ≈ 0.612 (greedy without rollouts: 0.969)
      [0.3, 2, 1], // ≈ 0.757
      [0.02, 4, 2], // ≈ 0.277
    ] as const) {
      const estimate = rate(
        makeQuestion(p),
        { kind: "lookahead", beamWidth: n, k },
        n * (k + 1),
        trials,
        `la/${p}/${k}`,
        {
          prm: PERFECT,
        },
      );
      expectProportionNear(estimate, lookaheadGreedyExact(p, n, k, 8), trials, 5, `p=${p} n=${n} k=${k}`);
    }
    // The formula reduces to greedy search at k = 0.
    expect(lookaheadGreedyExact(0.3, 4, 0, 8)).toBeCloseTo(greedyExact(0.3, 4, 8), 12);
  });

  it("costs n·(k + 1) generations", () => {
    expect(
      lookaheadSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, k: 3, rng: makeRng(1) }).generations,
    ).toBe(64);
    expect(
      lookaheadSearch(makeQuestion(0.3), { n: 4, beamWidth: 2, k: 1, rng: makeRng(1) }).generations,
    ).toBe(8);
  });
});

describe("dvts(question, options)", () => {
  it("with a perfect PRM is 1 − (1 − (1 − (1 − s)^M)^T)^(n/M)", () => {
    const trials = 2000;
    for (const [p, n, beamWidth] of [
      [1e-4, 16, 4], // ≈ 0.450
      [1e-3, 4, 2], // ≈ 0.076
      [1e-5, 16, 8], // ≈ 0.612
    ] as const) {
      const estimate = rate(
        makeQuestion(p),
        { kind: "dvts", beamWidth },
        n,
        trials,
        `dvts/${p}/${beamWidth}`,
        {
          prm: PERFECT,
        },
      );
      expectProportionNear(
        estimate,
        dvtsExact(p, n, beamWidth, 8),
        trials,
        5,
        `p=${p} n=${n} M=${beamWidth}`,
      );
    }
  });

  it("with M = 1 is best-of-N and with M = n is beam search with M = n (identical on the same seed)", () => {
    const q = makeQuestion(0.2);
    for (let seed = 0; seed < 10; seed++) {
      expect(dvts(q, { n: 8, beamWidth: 1, rng: makeRng(seed) })).toEqual(
        bestOfNWeighted(q, { n: 8, rng: makeRng(seed) }),
      );
      expect(dvts(q, { n: 8, beamWidth: 8, rng: makeRng(seed) })).toEqual(
        beamSearch(q, { n: 8, beamWidth: 8, rng: makeRng(seed) }),
      );
    }
  });

  it("keeps one prefix per subtree and costs n", () => {
    const r = dvts(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(5), trace: true });
    expect(r.generations).toBe(16);
    expect(r.trace!.slice(0, -1).every((round) => round.kept === 4)).toBe(true);
  });
});

describe("mechanism: over-optimisation of the fooled PRM (default PRM)", () => {
  it("on an easy question beam search (M = √N) gets worse with budget and falls below best-of-N", () => {
    const q = makeQuestion(0.85);
    const trials = 400;
    const beam4 = rate(q, { kind: "beam", beamWidth: "sqrt" }, 4, trials, "easy/beam4");
    const beam256 = rate(q, { kind: "beam", beamWidth: "sqrt" }, 256, trials, "easy/beam256");
    const bon256 = rate(q, { kind: "best-of-n" }, 256, trials, "easy/bon256");
    const se = (a: number, b: number): number =>
      Math.hypot(proportionStandardError(a, trials), proportionStandardError(b, trials));
    expect(beam4 - beam256).toBeGreaterThan(3 * se(beam4, beam256));
    expect(bon256 - beam256).toBeGreaterThan(3 * se(bon256, beam256));
  });

  it("on a medium-hard question beam search beats best-of-N at a small budget", () => {
    const q = makeQuestion(0.12);
    const trials = 1500;
    const beam = rate(q, { kind: "beam", beamWidth: "sqrt" }, 16, trials, "medium/beam");
    const bon = rate(q, { kind: "best-of-n" }, 16, trials, "medium/bon");
    expect(beam - bon).toBeGreaterThan(
      3 * Math.hypot(proportionStandardError(beam, trials), proportionStandardError(bon, trials)),
    );
  });
});

describe("searchAccuracy(questions, strategy, options)", () => {
  const bench = makeBenchmark({ size: 40, seed: "search-test" });

  it("agrees run by run with the single-question strategies", () => {
    const q = makeQuestion(0.3);
    const pairs: Array<[SearchStrategy, (rngSeed: number) => SearchResult]> = [
      [{ kind: "best-of-n" }, (seed) => bestOfNWeighted(q, { n: 16, rng: makeRng(seed) })],
      [
        { kind: "beam", beamWidth: "sqrt" },
        (seed) => beamSearch(q, { n: 16, beamWidth: 4, rng: makeRng(seed) }),
      ],
      [
        { kind: "lookahead", beamWidth: 2, k: 3 },
        (seed) => lookaheadSearch(q, { n: 4, beamWidth: 2, k: 3, rng: makeRng(seed) }),
      ],
      [{ kind: "dvts", beamWidth: 4 }, (seed) => dvts(q, { n: 16, beamWidth: 4, rng: makeRng(seed) })],
    ];
    for (const [strategy, single] of pairs) {
      for (let seed = 0; seed < 15; seed++) {
        const batch = searchAccuracy([q], strategy, { budget: 16, trials: 1, rng: makeRng(seed) });
        expect(batch.accuracy).toBe(single(seed).correct ? 1 : 0);
      }
    }
  });

  it("returns per-question rates, their mean, the Monte Carlo standard error and the generations spent", () => {
    const trials = 5;
    const r = searchAccuracy(bench, { kind: "dvts", beamWidth: 4 }, { budget: 16, trials, rng: makeRng(9) });
    expect(r.perQuestion).toBeInstanceOf(Float64Array);
    expect(r.perQuestion).toHaveLength(40);
    let sum = 0;
    let variance = 0;
    for (const x of r.perQuestion) {
      expect(Math.abs(x * trials - Math.round(x * trials))).toBeLessThan(1e-9);
      sum += x;
      variance += (x * (1 - x)) / (trials - 1);
    }
    expect(r.accuracy).toBeCloseTo(sum / 40, 12);
    expect(r.standardError).toBeCloseTo(Math.sqrt(variance) / 40, 12);
    expect(r.generations).toBe(40 * trials * 16);
    expect(r).toMatchObject({ strategy: "DVTS M=4", budget: 16, n: 16, beamWidth: 4, k: 0, trials });
    const one = searchAccuracy(bench, { kind: "best-of-n" }, { budget: 4, trials: 1, rng: makeRng(9) });
    expect(one.standardError).toBeCloseTo(Math.sqrt((one.accuracy * (1 - one.accuracy)) / 40), 12);
  });

  it("spends exactly the budget for every strategy (lookahead runs B/(k + 1) beams)", () => {
    const r = searchAccuracy(
      bench,
      { kind: "lookahead", beamWidth: "sqrt", k: 3 },
      { budget: 64, trials: 2, rng: makeRng(1) },
    );
    expect(r).toMatchObject({ n: 16, beamWidth: 4, k: 3, budget: 64, generations: 40 * 2 * 64 });
  });

  it("gives identical results for the same seed and accepts a plain array of questions", () => {
    const run = (seed: string) =>
      searchAccuracy(
        bench.questions,
        { kind: "beam", beamWidth: 4 },
        { budget: 16, trials: 2, rng: makeRng(seed) },
      );
    expect(run("a")).toEqual(run("a"));
    expect(run("a").perQuestion).not.toEqual(run("b").perQuestion);
    const single = (seed: number) =>
      beamSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(seed), trace: true });
    expect(single(4)).toEqual(single(4));
  });
});

describe("searchShape, isValidSearchBudget, searchStrategyLabel", () => {
  it("resolves budgets to beams, widths and rollouts", () => {
    expect(searchShape({ kind: "best-of-n" }, 32)).toEqual({ n: 32, beamWidth: 1, k: 0, generations: 32 });
    expect(searchShape({ kind: "beam", beamWidth: "sqrt" }, 256)).toEqual({
      n: 256,
      beamWidth: 16,
      k: 0,
      generations: 256,
    });
    expect(searchShape({ kind: "beam", beamWidth: 4 }, 8)).toEqual({
      n: 8,
      beamWidth: 4,
      k: 0,
      generations: 8,
    });
    expect(searchShape({ kind: "dvts", beamWidth: "sqrt" }, 4)).toEqual({
      n: 4,
      beamWidth: 2,
      k: 0,
      generations: 4,
    });
    expect(searchShape({ kind: "lookahead", beamWidth: "sqrt", k: 3 }, 4)).toEqual({
      n: 1,
      beamWidth: 1,
      k: 3,
      generations: 4,
    });
    expect(searchShape({ kind: "lookahead", beamWidth: 2, k: 1 }, 8)).toEqual({
      n: 4,
      beamWidth: 2,
      k: 1,
      generations: 8,
    });
  });

  it("says which strategy × budget pairs of the sweep 1…256 can run", () => {
    const budgets = [1, 2, 4, 8, 16, 32, 64, 128, 256];
    const valid = (s: SearchStrategy) => budgets.filter((b) => isValidSearchBudget(s, b));
    expect(valid({ kind: "best-of-n" })).toEqual(budgets);
    expect(valid({ kind: "beam", beamWidth: "sqrt" })).toEqual([1, 4, 16, 64, 256]);
    expect(valid({ kind: "beam", beamWidth: 4 })).toEqual([4, 8, 16, 32, 64, 128, 256]);
    expect(valid({ kind: "lookahead", beamWidth: "sqrt", k: 3 })).toEqual([4, 16, 64, 256]);
    expect(valid({ kind: "lookahead", beamWidth: "sqrt", k: 1 })).toEqual([2, 8, 32, 128]);
    expect(isValidSearchBudget({ kind: "mcts" } as unknown as SearchStrategy, 4)).toBe(false);
  });

  it("labels strategies distinctly", () => {
    const labels = [
      searchStrategyLabel({ kind: "best-of-n" }),
      searchStrategyLabel({ kind: "beam", beamWidth: "sqrt" }),
      searchStrategyLabel({ kind: "beam", beamWidth: 4 }),
      searchStrategyLabel({ kind: "lookahead", beamWidth: "sqrt", k: 3 }),
      searchStrategyLabel({ kind: "lookahead", beamWidth: "sqrt", k: 1 }),
      searchStrategyLabel({ kind: "dvts", beamWidth: 4 }),
    ];
    expect(labels).toEqual([
      "best-of-N weighted",
      "beam M=√N",
      "beam M=4",
      "lookahead k=3 M=√N",
      "lookahead k=1 M=√N",
      "DVTS M=4",
    ]);
  });
});

describe("validation (house format)", () => {
  const q = makeQuestion(0.3);
  const rng = makeRng(1);

  it("checks the question and the common options", () => {
    const bad = (question: unknown, options: unknown) => () =>
      bestOfNWeighted(question as Question, options as Parameters<typeof bestOfNWeighted>[1]);
    expect(bad(null, { n: 4, rng })).toThrow(TypeError);
    expect(bad(null, { n: 4, rng })).toThrow(/^bestOfNWeighted: question must be an object, got null$/);
    expect(bad({ p: 1.5, distractors: [1] }, { n: 4, rng })).toThrow(
      /^bestOfNWeighted: question.p must be a probability in \[0, 1\], got 1.5$/,
    );
    expect(bad(q, undefined)).toThrow(/^bestOfNWeighted: options must be an object, got undefined$/);
    for (const n of [0, 2.5, NaN, -1, Infinity]) {
      expect(bad(q, { n, rng })).toThrow(RangeError);
      expect(bad(q, { n, rng })).toThrow(/^bestOfNWeighted: options.n must be an integer >= 1, got /);
    }
    expect(bad(q, { n: "4", rng })).toThrow(TypeError);
    expect(bad(q, { n: 4 })).toThrow(
      /^bestOfNWeighted: options.rng must be an Rng made by makeRng\(seed\), got undefined$/,
    );
    expect(bad(q, { n: 4, rng, steps: 0 })).toThrow(
      /^bestOfNWeighted: options.steps must be an integer in \[1, 1000\], got 0$/,
    );
    expect(bad(q, { n: 4, rng, aggregation: "mean" })).toThrow(RangeError);
    expect(bad(q, { n: 4, rng, aggregation: "mean" })).toThrow(
      /^bestOfNWeighted: options.aggregation must be one of "last", "min", "prod", got "mean"$/,
    );
    expect(bad(q, { n: 4, rng, aggregation: 3 })).toThrow(TypeError);
    expect(bad(q, { n: 4, rng, trace: "yes" })).toThrow(
      /^bestOfNWeighted: options.trace must be a boolean, got "yes"$/,
    );
    expect(bad(q, { n: 2e8, rng })).toThrow(
      /^bestOfNWeighted: options.n × options.steps must be at most 1e\+9 \(the work limit\), got 1600000000$/,
    );
  });

  it("checks every PRM field", () => {
    const bad = (prm: unknown) => () => bestOfNWeighted(q, { n: 4, rng, prm: prm as PrmOptions });
    expect(bad("strong")).toThrow(TypeError);
    expect(bad("strong")).toThrow(
      /^bestOfNWeighted: options.prm must be an object or undefined, got "strong"$/,
    );
    expect(bad({ noise: -1 })).toThrow(
      /^bestOfNWeighted: options.prm.noise must be a finite number >= 0, got -1$/,
    );
    expect(bad({ noise: Infinity })).toThrow(/options.prm.noise must be a finite number >= 0, got Infinity$/);
    expect(bad({ offTrackLogit: NaN })).toThrow(
      /^bestOfNWeighted: options.prm.offTrackLogit must be a finite number, got NaN$/,
    );
    expect(bad({ foolRate: 1.5 })).toThrow(
      /^bestOfNWeighted: options.prm.foolRate must be a probability in \[0, 1\], got 1.5$/,
    );
    expect(bad({ fooledBonus: -Infinity })).toThrow(
      /options.prm.fooledBonus must be a finite number, got -Infinity$/,
    );
    expect(bad({ fooledSpread: -0.5 })).toThrow(
      /options.prm.fooledSpread must be a finite number >= 0, got -0.5$/,
    );
    expect(bad({ logitCap: 0 })).toThrow(
      /^bestOfNWeighted: options.prm.logitCap must be a finite number > 0, got 0$/,
    );
    expect(bad({ noise: "1" })).toThrow(TypeError);
  });

  it("checks beam widths, rounds and rollouts", () => {
    expect(() => beamSearch(q, { n: 16, beamWidth: 5, rng })).toThrow(RangeError);
    expect(() => beamSearch(q, { n: 16, beamWidth: 5, rng })).toThrow(
      /^beamSearch: options.beamWidth must divide n \(n = 16\), got 5$/,
    );
    expect(() => dvts(q, { n: 16, beamWidth: 3, rng })).toThrow(
      /^dvts: options.beamWidth must divide n \(n = 16\), got 3$/,
    );
    expect(() => beamSearch(q, { n: 16, beamWidth: 0, rng })).toThrow(
      /^beamSearch: options.beamWidth must be an integer >= 1, got 0$/,
    );
    expect(() => beamSearch(q, { n: 16, beamWidth: 4, rng, maxRounds: 0 })).toThrow(
      /^beamSearch: options.maxRounds must be an integer in \[1, 1000\], got 0$/,
    );
    expect(() => lookaheadSearch(q, { n: 16, beamWidth: 4, k: -1, rng })).toThrow(
      /^lookaheadSearch: options.k must be an integer in \[0, 1000\], got -1$/,
    );
    expect(() => lookaheadSearch(q, { n: 16, beamWidth: 4, k: 1.5, rng })).toThrow(RangeError);
  });

  it("checks searchAccuracy's questions, strategy and budget", () => {
    const opts = { budget: 16, rng };
    expect(() => searchAccuracy([], { kind: "best-of-n" }, opts)).toThrow(
      /^searchAccuracy: questions must be a benchmark or a non-empty array of questions, got \[\]$/,
    );
    expect(() => searchAccuracy("bench" as unknown as Question[], { kind: "best-of-n" }, opts)).toThrow(
      TypeError,
    );
    expect(() => searchAccuracy([q, { p: -1 } as unknown as Question], { kind: "best-of-n" }, opts)).toThrow(
      /^searchAccuracy: questions\[1\].p must be a probability in \[0, 1\], got -1$/,
    );
    expect(() => searchAccuracy([q], { kind: "mcts" } as unknown as SearchStrategy, opts)).toThrow(
      /^searchAccuracy: strategy.kind must be one of "best-of-n", "beam", "lookahead", "dvts", "rebase", got "mcts"$/,
    );
    expect(() => searchAccuracy([q], { kind: "best-of-n" }, { budget: 0, rng })).toThrow(
      /^searchAccuracy: options.budget must be an integer >= 1, got 0$/,
    );
    expect(() => searchAccuracy([q], { kind: "lookahead", beamWidth: 1, k: 3 }, { budget: 6, rng })).toThrow(
      /^searchAccuracy: options.budget must be a multiple of k \+ 1 \(k \+ 1 = 4\), got 6$/,
    );
    expect(() => searchAccuracy([q], { kind: "beam", beamWidth: "sqrt" }, { budget: 32, rng })).toThrow(
      /^searchAccuracy: strategy.beamWidth must be a number when N is not a perfect square \(N = 32\), got "sqrt"$/,
    );
    expect(() =>
      searchAccuracy([q], { kind: "beam", beamWidth: "wide" } as unknown as SearchStrategy, opts),
    ).toThrow(TypeError);
    expect(() => searchAccuracy([q], { kind: "beam", beamWidth: 5 }, opts)).toThrow(
      /^searchAccuracy: strategy.beamWidth must divide n \(n = 16\), got 5$/,
    );
    expect(() => searchAccuracy([q], { kind: "best-of-n" }, { budget: 16, rng, trials: 0 })).toThrow(
      /^searchAccuracy: options.trials must be an integer >= 1, got 0$/,
    );
    expect(() =>
      searchAccuracy(makeBenchmark(), { kind: "best-of-n" }, { budget: 256, rng, trials: 1000 }),
    ).toThrow(
      /^searchAccuracy: questions × options.trials × options.budget × options.steps must be at most 1e\+9/,
    );
    expect(() => searchShape({ kind: "beam", beamWidth: 3 }, 16)).toThrow(
      /^searchShape: strategy.beamWidth must divide n \(n = 16\), got 3$/,
    );
    expect(() => searchStrategyLabel({ kind: "dvts", beamWidth: 0 })).toThrow(
      /^searchStrategyLabel: strategy.beamWidth must be an integer >= 1, got 0$/,
    );
  });
});

describe("properties (fast-check)", () => {
  const widths = (n: number): number[] => [1, 2, 4, 8, 16].filter((m) => m <= n && n % m === 0);

  it("every strategy returns a well-formed result whose cost is n or n(k + 1)", () => {
    const arb = fc
      .record({
        p: fc.double({ min: 0, max: 1, noNaN: true }),
        n: fc.constantFrom(1, 2, 4, 8, 16),
        widthIndex: fc.nat(),
        k: fc.integer({ min: 0, max: 3 }),
        steps: fc.integer({ min: 1, max: 12 }),
        kind: fc.constantFrom("best-of-n", "beam", "lookahead", "dvts"),
        aggregation: fc.constantFrom("last", "min", "prod"),
        noise: fc.double({ min: 0, max: 3, noNaN: true }),
        foolRate: fc.double({ min: 0, max: 1, noNaN: true }),
        seed: fc.integer(),
      })
      .map((x) => ({ ...x, beamWidth: widths(x.n)[x.widthIndex % widths(x.n).length]! }));
    fc.assert(
      fc.property(arb, ({ p, n, beamWidth, k, steps, kind, aggregation, noise, foolRate, seed }) => {
        const q = makeQuestion(p, { distractors: [0.5, 0.3, 0.2] });
        const common = {
          rng: makeRng(seed),
          steps,
          aggregation: aggregation as PrmAggregation,
          prm: { noise, foolRate },
          trace: true,
        };
        const r =
          kind === "best-of-n"
            ? bestOfNWeighted(q, { n, ...common })
            : kind === "beam"
              ? beamSearch(q, { n, beamWidth, ...common })
              : kind === "lookahead"
                ? lookaheadSearch(q, { n, beamWidth, k, ...common })
                : dvts(q, { n, beamWidth, ...common });
        expect(r.generations).toBe(kind === "lookahead" ? n * (k + 1) : n);
        expect(r.correct).toBe(r.answer === CORRECT);
        expect(r.candidates.answers).toHaveLength(n);
        expect(Array.from(r.candidates.answers)).toContain(r.answer);
        for (let i = 0; i < n; i++) {
          expect(r.candidates.answers[i]).toBeGreaterThanOrEqual(0);
          expect(r.candidates.answers[i]).toBeLessThanOrEqual(3);
          expect(r.candidates.scores[i]).toBeGreaterThanOrEqual(0);
          expect(r.candidates.scores[i]).toBeLessThanOrEqual(1);
          if (r.candidates.fooled[i] === 1) expect(r.candidates.answers[i]).not.toBe(CORRECT);
        }
        expect(r.trace).toHaveLength(steps);
        const keep = kind === "best-of-n" ? n : n / beamWidth;
        r.trace!.forEach((round, i) => {
          expect(round.kept).toBe(i === steps - 1 ? 0 : keep);
          expect(round.keptOnTrack + round.keptFooled).toBeLessThanOrEqual(round.kept);
        });
        if (p === 1) expect(r.correct).toBe(true);
        if (p === 0) expect(r.correct).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("searchAccuracy is a proportion with per-question rates in [0, 1] and exact generations", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<SearchStrategy>(
          { kind: "best-of-n" },
          { kind: "beam", beamWidth: "sqrt" },
          { kind: "dvts", beamWidth: 2 },
          { kind: "lookahead", beamWidth: 1, k: 3 },
        ),
        fc.constantFrom(4, 16),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (size, strategy, budget, trials, seed) => {
          const b = makeBenchmark({ size, seed });
          const r = searchAccuracy(b, strategy, { budget, trials, rng: makeRng(seed) });
          expect(r.accuracy).toBeGreaterThanOrEqual(0);
          expect(r.accuracy).toBeLessThanOrEqual(1);
          expect(r.standardError).toBeGreaterThanOrEqual(0);
          for (const x of r.perQuestion) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
          expect(r.generations).toBe(size * trials * budget);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("ideaShare: difficulty concentrated in the first step (the idea)", () => {
  test("prefixValue is the product of the steps' survival, written here from the definition", () => {
    for (const p of [0, 0.01, 0.3, 0.9, 1]) {
      for (const c of [0, 0.25, 0.5, 1]) {
        const T = 8;
        const first = p ** c;
        const rest = p ** ((1 - c) / (T - 1));
        for (let depth = 0; depth <= T; depth++) {
          const expected =
            depth === T ? 1 : (depth === 0 ? first : rest) * rest ** Math.max(0, T - depth - 1);
          expect(prefixValue(p, depth, T, { ideaShare: c })).toBeCloseTo(expected, 12);
        }
        // A full solution (from depth 0) is still correct with probability p.
        expect(prefixValue(p, 0, T, { ideaShare: c })).toBeCloseTo(p, 12);
      }
    }
  });

  test("c = 1/T is the uniform model, and one step carries everything", () => {
    for (const p of [0.02, 0.4, 0.95]) {
      for (let depth = 0; depth <= 8; depth++) {
        expect(prefixValue(p, depth, 8, { ideaShare: 1 / 8 })).toBeCloseTo(prefixValue(p, depth, 8), 12);
      }
      expect(prefixValue(p, 0, 1, { ideaShare: 0.3 })).toBeCloseTo(p, 12);
    }
  });

  test("a single sample is still correct with probability p (seeded Monte Carlo, 5 SE)", () => {
    const trials = 20_000;
    for (const c of [0.5, 1]) {
      const q = makeQuestion(0.3);
      const acc = searchAccuracy(
        [q],
        { kind: "best-of-n" },
        { budget: 1, trials, rng: makeRng(`idea-${c}`), ideaShare: c },
      ).accuracy;
      expectProportionNear(acc, 0.3, trials, 5, `ideaShare ${c}`);
    }
  });

  test("with c = 1 every mistake is made at the first step: later rounds lose no on-track prefix", () => {
    const n = 4000;
    const r = bestOfNWeighted(makeQuestion(0.2), {
      n,
      rng: makeRng("idea-trace"),
      trace: true,
      ideaShare: 1,
    });
    const onTrack = (r.trace ?? []).map((round) => round.onTrack);
    expect(onTrack).toHaveLength(DEFAULT_SEARCH_STEPS);
    for (const k of onTrack) expect(k).toBe(onTrack[0]);
    expectProportionNear(onTrack[0]! / n, 0.2, n, 5);
    // The uniform model loses on-track prefixes round after round (so the check above can fail).
    const u = bestOfNWeighted(makeQuestion(0.2), { n, rng: makeRng("idea-trace"), trace: true });
    const uOn = (u.trace ?? []).map((round) => round.onTrack);
    expect(uOn[uOn.length - 1]!).toBeLessThan(uOn[0]!);
  });

  test.each([
    [-0.1, RangeError],
    [1.5, RangeError],
    [NaN, RangeError],
    ["half", RangeError],
    [{}, TypeError],
  ])("rejects ideaShare %p in the house format", (bad, cls) => {
    const rule =
      /options\.ideaShare must be "uniform" or a number in \[0, 1\], got|options\.ideaShare must be a number/;
    for (const call of [
      () => prefixValue(0.5, 2, 8, { ideaShare: bad as never }),
      () => beamSearch(makeQuestion(0.5), { n: 4, beamWidth: 2, rng: makeRng(1), ideaShare: bad as never }),
    ]) {
      expect(call).toThrow(cls);
      expect(call).toThrow(rule);
    }
  });
});

describe("ideaVisible: false, a wrong idea the PRM cannot see", () => {
  test("every first-step mistake is fooled (and only those, with foolRate 0)", () => {
    const n = 2000;
    const opts = { n, trace: true, ideaShare: 1, prm: { foolRate: 0 } } as const;
    const blind = bestOfNWeighted(makeQuestion(0.3), { ...opts, rng: makeRng("blind"), ideaVisible: false });
    const round1 = blind.trace![0]!;
    expect(round1.fooled).toBe(n - round1.onTrack);
    expect(round1.fooled).toBeGreaterThan(0);
    const seen = bestOfNWeighted(makeQuestion(0.3), { ...opts, rng: makeRng("blind") });
    expect(seen.trace![0]!.fooled).toBe(0);
  });

  test("a blind wrong idea scores like honest work: the PRM's final scores cannot tell them apart", () => {
    // With the idea carrying all the difficulty and no bonus, wrong and right candidates share one
    // score distribution; compare the mean final score of each group (both ≈ sigmoid(logitCap) + noise).
    const n = 4000;
    const r = bestOfNWeighted(makeQuestion(0.5), {
      n,
      rng: makeRng("blind-scores"),
      ideaShare: 1,
      ideaVisible: false,
      prm: { foolRate: 0 },
    });
    const { answers, scores } = r.candidates;
    let right = 0;
    let rightSum = 0;
    let wrongSum = 0;
    let rightSq = 0;
    let wrongSq = 0;
    for (let i = 0; i < n; i++) {
      const s = scores[i]!;
      if (answers[i] === CORRECT) {
        right++;
        rightSum += s;
        rightSq += s * s;
      } else {
        wrongSum += s;
        wrongSq += s * s;
      }
    }
    const wrong = n - right;
    const mr = rightSum / right;
    const mw = wrongSum / wrong;
    const se = Math.sqrt((rightSq / right - mr * mr) / right + (wrongSq / wrong - mw * mw) / wrong);
    expect(Math.abs(mr - mw)).toBeLessThan(5 * se);
  });

  test("rejects a non-boolean in the house format", () => {
    expect(() =>
      beamSearch(makeQuestion(0.5), { n: 4, beamWidth: 2, rng: makeRng(1), ideaVisible: 1 as never }),
    ).toThrow(/^beamSearch: options\.ideaVisible must be a boolean, got 1$/);
  });
});

import fc from "fast-check";
import {
  CHINCHILLA_TOKENS_PER_PARAM,
  chinchillaTokens,
  flopsMatchedComparison,
  flopsMatchedMultiplier,
  inferenceCrossoverTokens,
  inferenceFlops,
  inferenceFlopsCurve,
  lifetimeFlops,
  pretrainingFlops,
} from "../lib/models/budget";
import { strategyCost, type StrategySpec } from "../lib/strategies";
import { expectRelative } from "./helpers/tolerance";

describe("pretrainingFlops(params, tokens) and inferenceFlops(params, tokens, options)", () => {
  it("are 6·N·D and 2·N·D·v", () => {
    expectRelative(pretrainingFlops(70e9, 1.4e12), 5.88e23, 1e-15);
    expect(pretrainingFlops(1e9, 0)).toBe(0);
    expectRelative(inferenceFlops(70e9, 1), 1.4e11, 1e-15);
    expectRelative(inferenceFlops(70e9, 1, { verifierFactor: 2 }), 2.8e11, 1e-15);
    expectRelative(inferenceFlops(8e9, 1e6, { verifierFactor: 1.5 }), 2.4e16, 1e-15);
  });

  it("rejects bad arguments", () => {
    expect(() => pretrainingFlops(-70e9, 1e12)).toThrow(
      /^pretrainingFlops: params must be a finite number > 0, got -70000000000$/,
    );
    expect(() => pretrainingFlops(1e9, -1)).toThrow(
      /^pretrainingFlops: tokens must be a finite number >= 0, got -1$/,
    );
    expect(() => pretrainingFlops(1e9, Infinity)).toThrow(RangeError);
    expect(() => pretrainingFlops("1e9" as unknown as number, 1)).toThrow(TypeError);
    expect(() => inferenceFlops(1e9, 1, { verifierFactor: 0.5 })).toThrow(
      /^inferenceFlops: options.verifierFactor must be a finite number >= 1, got 0.5$/,
    );
    expect(() => inferenceFlops(1e9, 1, { verifierFactor: NaN })).toThrow(RangeError);
    expect(() => inferenceFlops(1e9, 1, 2 as unknown as object)).toThrow(
      /^inferenceFlops: options must be an object or undefined, got 2$/,
    );
    expect(() => inferenceFlops(0, 1)).toThrow(/^inferenceFlops: params must be a finite number > 0, got 0$/);
  });
});

describe("inferenceFlopsCurve(params, tokensServed) and inferenceCrossoverTokens(pretrainTokens)", () => {
  it("the curve is inferenceFlops at each point", () => {
    const served = [0, 1e9, 1e12, 3.3e13];
    expect(inferenceFlopsCurve(1e9, served)).toEqual(served.map((d) => inferenceFlops(1e9, d)));
    expect(inferenceFlopsCurve(1e9, served, { verifierFactor: 2 })).toEqual(
      served.map((d) => inferenceFlops(1e9, d, { verifierFactor: 2 })),
    );
  });

  it("the crossover is where lifetime inference equals pretraining, for any model size", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e13, noNaN: true }),
        fc.double({ min: 1e6, max: 1e15, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        (params, trainTokens, v) => {
          const crossover = inferenceCrossoverTokens(trainTokens, { verifierFactor: v });
          const inference = inferenceFlops(params, crossover, { verifierFactor: v });
          return Math.abs(inference - pretrainingFlops(params, trainTokens)) <= 1e-14 * inference;
        },
      ),
    );
    expect(inferenceCrossoverTokens(1.4e12)).toBeCloseTo(4.2e12, -1);
  });

  it("rejects bad arguments", () => {
    expect(() => inferenceFlopsCurve(1e9, [])).toThrow(
      /^inferenceFlopsCurve: tokensServed must be a non-empty array, got length 0$/,
    );
    expect(() => inferenceFlopsCurve(1e9, [1, -2])).toThrow(
      /^inferenceFlopsCurve: tokensServed\[1\] must be a finite number >= 0, got -2$/,
    );
    expect(() => inferenceCrossoverTokens(-1)).toThrow(
      /^inferenceCrossoverTokens: pretrainTokens must be a finite number >= 0, got -1$/,
    );
  });
});

describe("lifetimeFlops(spec)", () => {
  it("adds the two bills and reports the inference share", () => {
    const life = lifetimeFlops({ params: 1e9, pretrainTokens: 2e10, inferenceTokens: 6e10 });
    expectRelative(life.pretraining, 1.2e20, 1e-15);
    expectRelative(life.inference, 1.2e20, 1e-15);
    expectRelative(life.total, 2.4e20, 1e-15);
    expect(life.inferenceShare).toBeCloseTo(0.5, 15);
    const v2 = lifetimeFlops({ params: 1e9, pretrainTokens: 2e10, inferenceTokens: 6e10, verifierFactor: 2 });
    expect(v2.inferenceShare).toBeCloseTo(2 / 3, 15);
    expect(lifetimeFlops({ params: 1, pretrainTokens: 0, inferenceTokens: 0 }).inferenceShare).toBe(0);
  });

  it("rejects bad fields, naming them", () => {
    expect(() => lifetimeFlops({ params: 1e9, pretrainTokens: -1, inferenceTokens: 0 })).toThrow(
      /^lifetimeFlops: spec.pretrainTokens must be a finite number >= 0, got -1$/,
    );
    expect(() =>
      lifetimeFlops({ params: 1e9, pretrainTokens: 1, inferenceTokens: 0, verifierFactor: 0 }),
    ).toThrow(/^lifetimeFlops: spec.verifierFactor must be a finite number >= 1, got 0$/);
    expect(() =>
      lifetimeFlops(
        undefined as unknown as { params: number; pretrainTokens: number; inferenceTokens: number },
      ),
    ).toThrow(TypeError);
  });
});

describe("chinchillaTokens(params)", () => {
  it("is 20 tokens per parameter", () => {
    expect(CHINCHILLA_TOKENS_PER_PARAM).toBe(20);
    expectRelative(chinchillaTokens(70e9), 1.4e12, 1e-15);
    expect(() => chinchillaTokens(0)).toThrow(
      /^chinchillaTokens: params must be a finite number > 0, got 0$/,
    );
  });
});

describe("flopsMatchedMultiplier({ sizeRatio, tokenRatio, verifierFactor })", () => {
  it("satisfies the matching equation 6ND_p + 2vND_i·F = M(6ND_p + 2vND_i) it is derived from", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.double({ min: 1e8, max: 1e12, noNaN: true }),
        fc.double({ min: 1e9, max: 1e14, noNaN: true }),
        (m, r, v, params, pretrainTokens) => {
          const f = flopsMatchedMultiplier({ sizeRatio: m, tokenRatio: r, verifierFactor: v });
          const inferenceTokens = r * pretrainTokens;
          const small = 6 * params * pretrainTokens + 2 * v * params * inferenceTokens * f;
          const large = m * (6 * params * pretrainTokens + 2 * v * params * inferenceTokens);
          return Math.abs(small - large) <= 1e-12 * large;
        },
      ),
    );
  });

  it("gives F ≈ 258, 63, 16 for M = 14 in both versions of the paper (rounded to integers)", () => {
    const v1 = [0.16, 0.79, 22].map((r) => flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: r }));
    const iclr = [0.08, 0.4, 11].map((r) =>
      flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: r, verifierFactor: 2 }),
    );
    expect(v1.map(Math.round)).toEqual([258, 63, 16]);
    expect(iclr.map(Math.round)).toEqual([258, 63, 16]);
    // By hand: 14 + 3·13/0.16 = 257.75 and 14 + 1.5·13/0.08 = 257.75.
    expect(v1[0]).toBeCloseTo(257.75, 12);
    expect(iclr[0]).toBeCloseTo(257.75, 12);
  });

  it("is 1 when the models are the same size, and tends to M as inference dominates", () => {
    expect(flopsMatchedMultiplier({ sizeRatio: 1, tokenRatio: 0.5 })).toBe(1);
    expect(flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 1e12 })).toBeCloseTo(14, 9);
  });

  it("rejects bad specs", () => {
    expect(() => flopsMatchedMultiplier({ sizeRatio: 0.5, tokenRatio: 1 })).toThrow(
      /^flopsMatchedMultiplier: spec.sizeRatio must be a finite number >= 1, got 0.5$/,
    );
    expect(() => flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 0 })).toThrow(
      /^flopsMatchedMultiplier: spec.tokenRatio must be a finite number > 0, got 0$/,
    );
    expect(() => flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 1, verifierFactor: 0.9 })).toThrow(
      /spec.verifierFactor/,
    );
    expect(() =>
      flopsMatchedMultiplier({ sizeRatio: "14", tokenRatio: 1 } as unknown as {
        sizeRatio: number;
        tokenRatio: number;
      }),
    ).toThrow(TypeError);
    expect(() =>
      flopsMatchedMultiplier(null as unknown as { sizeRatio: number; tokenRatio: number }),
    ).toThrow(/^flopsMatchedMultiplier: spec must be an object, got null$/);
  });
});

describe("flopsMatchedComparison(spec)", () => {
  it("reports F, the whole generations it affords and the paper's power-of-two budget", () => {
    const budgets = [0.16, 0.79, 22].map((r) => flopsMatchedComparison({ sizeRatio: 14, tokenRatio: r }));
    expect(budgets.map((b) => b.generations)).toEqual([257, 63, 15]);
    expect(budgets.map((b) => b.nearestPowerOfTwo)).toEqual([256, 64, 16]);
    for (const b of budgets) {
      expect(b.multiplier).toBe(flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: b.tokenRatio }));
      expect(b.verifierFactor).toBe(1);
      expect(b.sizeRatio).toBe(14);
    }
  });

  it("pretrainingShare matches the larger model's lifetime split computed from FLOPs", () => {
    for (const [r, v] of [
      [0.16, 1],
      [22, 1],
      [0.4, 2],
    ] as const) {
      const life = lifetimeFlops({
        params: 14e9,
        pretrainTokens: 1e12,
        inferenceTokens: r * 1e12,
        verifierFactor: v,
      });
      const share = flopsMatchedComparison({
        sizeRatio: 14,
        tokenRatio: r,
        verifierFactor: v,
      }).pretrainingShare;
      expect(share).toBeCloseTo(life.pretraining / life.total, 14);
    }
  });

  it("rejects bad specs", () => {
    expect(() => flopsMatchedComparison({ sizeRatio: 14, tokenRatio: -1 })).toThrow(
      /^flopsMatchedComparison: spec.tokenRatio/,
    );
  });
});

describe("strategyCost(spec, options)", () => {
  const T = 8; // steps per solution in these tests
  const options = { stepsPerSolution: T, tokensPerGeneration: 500, params: 3e9, verifierFactor: 2 };

  it.each<
    [
      StrategySpec,
      { generations: number; verifierCalls: number; serialDepth: number; verifierRounds: number },
    ]
  >([
    [
      { kind: "best-of-n", n: 16 },
      { generations: 16, verifierCalls: 16, serialDepth: 1, verifierRounds: 1 },
    ],
    [
      { kind: "beam", n: 16, beamWidth: 4 },
      { generations: 16, verifierCalls: 16 * T, serialDepth: 1, verifierRounds: T },
    ],
    [
      { kind: "lookahead", n: 16, beamWidth: 4, k: 3 },
      { generations: 64, verifierCalls: 16 * T, serialDepth: 4, verifierRounds: T },
    ],
    [
      { kind: "dvts", n: 16, beamWidth: 4 },
      { generations: 16, verifierCalls: 16 * T, serialDepth: 1, verifierRounds: T },
    ],
    [
      { kind: "revision", sequential: 8, parallel: 2 },
      { generations: 16, verifierCalls: 16, serialDepth: 8, verifierRounds: 1 },
    ],
    [{ kind: "greedy" }, { generations: 1, verifierCalls: 0, serialDepth: 1, verifierRounds: 0 }],
  ])("costs %j as documented", (spec, expected) => {
    const cost = strategyCost(spec, options);
    expect(cost).toMatchObject({ kind: spec.kind, ...expected });
    expect(cost.tokens).toBe(expected.generations * 500);
  });

  it("charges FLOPs as 2·N·tokens·v for verified strategies and 2·N·tokens for greedy", () => {
    for (const spec of [
      { kind: "best-of-n", n: 16 },
      { kind: "beam", n: 16, beamWidth: 4 },
      { kind: "lookahead", n: 16, beamWidth: 4, k: 3 },
      { kind: "dvts", n: 16, beamWidth: 4 },
      { kind: "revision", sequential: 4, parallel: 4 },
    ] as StrategySpec[]) {
      const cost = strategyCost(spec, options);
      expectRelative(cost.flops, inferenceFlops(3e9, cost.tokens, { verifierFactor: 2 }), 1e-15, spec.kind);
      expect(cost.verifiedGenerations).toBe(cost.generations);
    }
    const greedy = strategyCost({ kind: "greedy" }, options);
    expectRelative(greedy.flops, inferenceFlops(3e9, 500), 1e-15, "greedy");
    expect(greedy.verifiedGenerations).toBe(0);
  });

  it("follows the paper's budget conventions", () => {
    // Best-of-N and beam search with N beams cost the same N generations.
    expect(strategyCost({ kind: "beam", n: 64, beamWidth: 8 }).generations).toBe(
      strategyCost({ kind: "best-of-n", n: 64 }).generations,
    );
    // Lookahead with k = 0 is beam search.
    const lookahead0 = strategyCost({ kind: "lookahead", n: 64, beamWidth: 8, k: 0 });
    expect({ ...lookahead0, kind: "beam" }).toEqual(strategyCost({ kind: "beam", n: 64, beamWidth: 8 }));
    // A sequential:parallel split of a budget N spends N generations whatever the ratio.
    for (const [seq, par] of [
      [1, 256],
      [16, 16],
      [256, 1],
    ]) {
      expect(
        strategyCost({ kind: "revision", sequential: seq as number, parallel: par as number }).generations,
      ).toBe(256);
    }
  });

  it("counts step-level verifier calls the way a simulated beam search makes them", () => {
    // Simulate the rounds: every round, each of the n live prefixes gets one new step and one PRM call.
    const n = 32;
    const beamWidth = 4;
    let calls = 0;
    let stepsGenerated = 0;
    for (let round = 0; round < T; round++) {
      const kept = n / beamWidth;
      for (let b = 0; b < kept; b++) {
        for (let e = 0; e < beamWidth; e++) {
          stepsGenerated++;
          calls++;
        }
      }
    }
    const cost = strategyCost({ kind: "beam", n, beamWidth }, { stepsPerSolution: T });
    expect(cost.verifierCalls).toBe(calls);
    expect(cost.generations).toBe(stepsGenerated / T);
  });

  it("uses documented defaults (T = 10, 1 token per generation, N = 1, v = 1)", () => {
    expect(strategyCost({ kind: "beam", n: 16, beamWidth: 4 })).toEqual({
      kind: "beam",
      generations: 16,
      verifierCalls: 160,
      verifiedGenerations: 16,
      serialDepth: 1,
      verifierRounds: 10,
      tokens: 16,
      flops: 32,
    });
  });

  it("rejects bad specs and options", () => {
    const bad = (spec: unknown, opts?: unknown) => () =>
      strategyCost(spec as StrategySpec, opts as undefined);
    expect(bad({ kind: "mcts", n: 4 })).toThrow(
      /^strategyCost: spec.kind must be one of "best-of-n", "beam", "lookahead", "dvts", "rebase", "revision", "greedy", got "mcts"$/,
    );
    expect(bad({ kind: 3 })).toThrow(TypeError);
    expect(bad({ kind: "beam", n: 16, beamWidth: 5 })).toThrow(
      /^strategyCost: spec.beamWidth must be an integer >= 1 that divides n \(n = 16\), got 5$/,
    );
    expect(bad({ kind: "dvts", n: 16, beamWidth: 0 })).toThrow(
      /^strategyCost: spec.beamWidth must be an integer >= 1, got 0$/,
    );
    expect(bad({ kind: "lookahead", n: 16, beamWidth: 4, k: -1 })).toThrow(
      /^strategyCost: spec.k must be an integer >= 0, got -1$/,
    );
    expect(bad({ kind: "best-of-n", n: 2.5 })).toThrow(
      /^strategyCost: spec.n must be an integer >= 1, got 2.5$/,
    );
    expect(bad({ kind: "best-of-n" })).toThrow(/^strategyCost: spec.n must be a number, got undefined$/);
    expect(bad({ kind: "revision", sequential: 0, parallel: 2 })).toThrow(/spec.sequential/);
    expect(bad({ kind: "greedy" }, { stepsPerSolution: 0 })).toThrow(
      /^strategyCost: options.stepsPerSolution must be an integer in \[1, 1000\], got 0$/,
    );
    expect(bad({ kind: "greedy" }, { tokensPerGeneration: -5 })).toThrow(/options.tokensPerGeneration/);
    expect(bad({ kind: "greedy" }, { params: 0 })).toThrow(/options.params/);
    expect(bad({ kind: "greedy" }, { verifierFactor: 0.5 })).toThrow(
      /^strategyCost: options.verifierFactor must be a finite number >= 1/,
    );
    expect(bad("beam")).toThrow(/^strategyCost: spec must be an object, got "beam"$/);
  });
});

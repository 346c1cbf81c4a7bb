import {
  accuracyByBin,
  computeOptimal,
  efficiencyRatio,
  strategyCurve,
  type StrategyEvaluation,
} from "../lib/models/optimal";
import { makeRng } from "../lib/base/random";

/** A random benchmark of per-question success rates for several strategies at two budgets. */
function randomEvaluations(seed: string, questions: number, strategies: number): StrategyEvaluation[] {
  const rng = makeRng(seed);
  const out: StrategyEvaluation[] = [];
  for (const budget of [4, 16]) {
    for (let s = 0; s < strategies; s++) {
      out.push({
        strategy: `s${s}`,
        budget,
        perQuestion: Float64Array.from({ length: questions }, () => rng.next()),
      });
    }
  }
  return out;
}

describe("computeOptimal(evaluations, bins)", () => {
  it("picks the strategy that is best in each bin when the signal is clean", () => {
    const perA = [1, 1, 1, 1, 0, 0, 0, 0];
    const perB = [0, 0, 0, 0, 1, 1, 1, 1];
    const bins = [1, 1, 1, 1, 2, 2, 2, 2];
    const r = computeOptimal(
      [
        { strategy: "A", budget: 8, perQuestion: perA },
        { strategy: "B", budget: 8, perQuestion: perB },
      ],
      bins,
    );
    expect(r.curve).toHaveLength(1);
    expect(r.curve[0]!.accuracy).toBe(1);
    expect(r.curve[0]!.bins.map((b) => b.chosen)).toEqual([
      ["A", "A"],
      ["B", "B"],
    ]);
  });

  it("scores every question by a choice made without it (held-out property)", () => {
    // Independent reference: recompute the cross-validated accuracy by brute force from the
    // fold assignment implied by the choices, then check that changing one question's numbers
    // never changes the choice used to score that question.
    const evals = randomEvaluations("cv", 40, 3);
    const bins = Array.from({ length: 40 }, (_, i) => 1 + (i % 4));
    const base = computeOptimal(evals, bins, { seed: 7 });
    for (let q = 0; q < 40; q += 7) {
      // Make question q look spectacular for strategy s2 at every budget.
      const tweaked = evals.map((e) =>
        e.strategy === "s2"
          ? { ...e, perQuestion: Float64Array.from(e.perQuestion, (v, i) => (i === q ? 1 : v)) }
          : e,
      );
      const other = computeOptimal(tweaked, bins, { seed: 7 });
      for (let k = 0; k < base.curve.length; k++) {
        const binIdx = (bins[q] as number) - 1;
        const before = base.curve[k]!.bins[binIdx]!.chosen;
        const after = other.curve[k]!.bins[binIdx]!.chosen;
        // At most the choices for the folds NOT containing q may change; q's own fold keeps its choice.
        const changed = before.map((c, f) => c !== after[f]);
        expect(changed.filter(Boolean).length).toBeLessThanOrEqual(1);
      }
    }
  });

  it("is never above the in-sample (optimistic) choice on average over many seeds", () => {
    let cv = 0;
    let inSample = 0;
    for (let s = 0; s < 20; s++) {
      const evals = randomEvaluations(`opt-${s}`, 30, 4);
      const bins = Array.from({ length: 30 }, (_, i) => 1 + (i % 3));
      const r = computeOptimal(evals, bins);
      for (const point of r.curve) {
        for (const b of point.bins) {
          cv += b.accuracy * b.size;
          inSample += b.inSampleAccuracy * b.size;
        }
      }
    }
    expect(cv).toBeLessThan(inSample);
  });

  it("is reproducible for a seed", () => {
    const evals = randomEvaluations("repro", 20, 3);
    const bins = Array.from({ length: 20 }, (_, i) => 1 + (i % 2));
    expect(computeOptimal(evals, bins, { seed: "x" })).toEqual(computeOptimal(evals, bins, { seed: "x" }));
  });

  it("rejects bad input with the house format", () => {
    const ok = [{ strategy: "A", budget: 4, perQuestion: [0.5, 0.5] }];
    expect(() => computeOptimal(ok, [1, 1, 1])).toThrow(RangeError);
    expect(() => computeOptimal(ok, [1, 1, 1])).toThrow(
      /computeOptimal: evaluations\[0\]\.perQuestion must have the same length as bins \(3\), got length 2/,
    );
    expect(() => computeOptimal([{ strategy: "A", budget: 4, perQuestion: [1.5, 0] }], [1, 1])).toThrow(
      /computeOptimal: evaluations\[0\]\.perQuestion\[0\] must be a probability in \[0, 1\], got 1\.5/,
    );
    expect(() => computeOptimal(ok, [1, 0])).toThrow(
      /computeOptimal: bins\[1\] must be an integer >= 1, got 0/,
    );
    expect(() => computeOptimal(ok, [1, 2])).toThrow(/at least 2 questions/);
    expect(() => computeOptimal([], [1])).toThrow(
      /computeOptimal: evaluations must be a non-empty array, got length 0/,
    );
    expect(() => computeOptimal("x" as never, [1])).toThrow(TypeError);
    expect(() => computeOptimal([...ok, ...ok], [1, 1])).toThrow(/unique \(strategy, budget\) pairs/);
    expect(() => computeOptimal(ok, [1, 1], { folds: 1 })).toThrow(
      /options\.folds must be an integer in \[2, 100\], got 1/,
    );
    expect(() => computeOptimal(ok, [1, 1], { seed: NaN })).toThrow(RangeError);
    expect(() => computeOptimal([{ strategy: "", budget: 4, perQuestion: [1, 1] }], [1, 1])).toThrow(
      TypeError,
    );
    expect(() => computeOptimal([{ strategy: "A", budget: 2.5, perQuestion: [1, 1] }], [1, 1])).toThrow(
      RangeError,
    );
  });
});

describe("efficiencyRatio(curve, baseline)", () => {
  const baseline = [
    { budget: 4, accuracy: 0.3 },
    { budget: 16, accuracy: 0.4 },
    { budget: 64, accuracy: 0.5 },
  ];

  it("finds the exact measured budget when accuracies coincide", () => {
    expect(efficiencyRatio([{ budget: 16, accuracy: 0.5 }], baseline)[0]!.ratio).toBe(4);
  });

  it("interpolates linearly in log budget", () => {
    // Halfway between 0.4 (at 16) and 0.5 (at 64) in accuracy is halfway in log budget: 32.
    const row = efficiencyRatio([{ budget: 8, accuracy: 0.45 }], baseline)[0]!;
    expect(row.baselineBudget).toBeCloseTo(32, 10);
    expect(row.ratio).toBeCloseTo(4, 10);
  });

  it("reports null when the baseline never catches up, and flags the bottom of the range", () => {
    const rows = efficiencyRatio(
      [
        { budget: 4, accuracy: 0.2 },
        { budget: 64, accuracy: 0.9 },
      ],
      baseline,
    );
    expect(rows[0]).toMatchObject({ baselineBudget: 4, ratio: 1, atOrBelowRange: true });
    expect(rows[1]).toMatchObject({ baselineBudget: null, ratio: null });
  });

  it("rejects unordered budgets and bad accuracies", () => {
    expect(() =>
      efficiencyRatio(
        [{ budget: 4, accuracy: 0.5 }],
        [
          { budget: 4, accuracy: 0.1 },
          { budget: 2, accuracy: 0.2 },
        ],
      ),
    ).toThrow(
      /efficiencyRatio: baseline\[1\]\.budget must be a finite number > the previous budget \(4\), got 2/,
    );
    expect(() => efficiencyRatio([{ budget: 4, accuracy: NaN }], baseline)).toThrow(RangeError);
    expect(() => efficiencyRatio([{ budget: "4", accuracy: 0.5 } as never], baseline)).toThrow(TypeError);
    expect(() => efficiencyRatio([], baseline)).toThrow(/non-empty array/);
  });
});

describe("strategyCurve and accuracyByBin", () => {
  const evals = [
    { strategy: "A", budget: 16, perQuestion: [1, 0, 1, 1] },
    { strategy: "A", budget: 4, perQuestion: [0, 0, 1, 1] },
    { strategy: "B", budget: 4, perQuestion: [1, 1, 1, 1] },
  ];
  it("averages per question, sorted by budget, with the standard error of the mean", () => {
    const c = strategyCurve(evals, "A");
    expect(c.map((p) => p.budget)).toEqual([4, 16]);
    expect(c[0]!.accuracy).toBe(0.5);
    // sample sd of [0,0,1,1] is sqrt(1/3); SE = sqrt(1/3)/2
    expect(c[0]!.standardError).toBeCloseTo(Math.sqrt(1 / 3) / 2, 14);
    expect(() => strategyCurve(evals, "C")).toThrow(
      /strategyCurve: strategy must be a label present in evaluations/,
    );
  });
  it("tabulates by bin", () => {
    const rows = accuracyByBin(evals, [1, 1, 2, 2], 4);
    expect(rows).toEqual([
      { strategy: "A", bin: 1, accuracy: 0, size: 2 },
      { strategy: "A", bin: 2, accuracy: 1, size: 2 },
      { strategy: "B", bin: 1, accuracy: 1, size: 2 },
      { strategy: "B", bin: 2, accuracy: 1, size: 2 },
    ]);
    expect(() => accuracyByBin(evals, [1, 1, 2, 2], 8)).toThrow(
      /accuracyByBin: budget must be a budget present in evaluations, got 8/,
    );
  });
});

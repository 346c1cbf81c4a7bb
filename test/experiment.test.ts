import { difficultyBins } from "../lib/models/difficulty";
import {
  clearExperimentCache,
  DEFAULT_DIFFICULTY_VERIFIER,
  DEFAULT_REVISION_TRIALS,
  DEFAULT_SEARCH_TRIALS,
  EXPERIMENT_BUDGETS,
  evaluationByBin,
  findingsTable,
  FINDINGS_Z,
  runRevisionExperiment,
  runSearchExperiment,
  SEARCH_EXPERIMENT_STRATEGIES,
  type FindingRow,
  type RevisionFindingsInput,
  type SearchExperimentOptions,
  type SearchFindingsInput,
  type Verdict,
} from "../lib/experiment";
import { computeOptimal, efficiencyRatio, strategyCurve } from "../lib/models/optimal";
import { CORRECT, makeBenchmark } from "../lib/models/questions";
import { makeRng } from "../lib/base/random";
import { revisionRatios, simulateRevisionChains } from "../lib/strategies/revisions";
import {
  bestOfNWeighted,
  DEFAULT_PRM,
  isValidSearchBudget,
  searchAccuracy,
  searchShape,
  searchStrategyLabel,
} from "../lib/strategies";
import { expectWithin } from "./helpers/tolerance";

// Small runs: 50 questions (10 per bin), two trials, 512 difficulty samples, never memoised
// unless a test says so. Each takes well under a second.
const SMALL = {
  benchmark: { size: 50, seed: "experiment-test" },
  trials: 2,
  difficultySamples: 512,
  cache: false,
} as const;

const search = runSearchExperiment(SMALL);
const revision = runRevisionExperiment(SMALL);

/** Monte Carlo standard error for fixed questions, written out here from its definition. */
function mcStandardError(per: ArrayLike<number>, trials: number): number {
  let v = 0;
  for (let i = 0; i < per.length; i++) v += ((per[i] as number) * (1 - (per[i] as number))) / (trials - 1);
  return Math.sqrt(v) / per.length;
}

function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s / values.length;
}

// =============================================================================================
// runSearchExperiment
// =============================================================================================

describe("runSearchExperiment(options)", () => {
  it("runs every strategy at every valid, non-degenerate budget, and nowhere else", () => {
    for (const strategy of SEARCH_EXPERIMENT_STRATEGIES) {
      const label = searchStrategyLabel(strategy);
      const expected = EXPERIMENT_BUDGETS.filter(
        (b) =>
          isValidSearchBudget(strategy, b) &&
          (strategy.kind === "best-of-n" || searchShape(strategy, b).beamWidth >= 2),
      );
      const got = search.evaluations.filter((e) => e.strategy === label).map((e) => e.budget);
      expect(got).toEqual(expected);
      expect(search.strategies.find((s) => s.label === label)?.budgets).toEqual(expected);
    }
    // The paper's grid: beam M=√N at 4, 16, 64, 256; lookahead k=3 M=√N from 16; best-of-N everywhere.
    const budgetsOf = (label: string) =>
      search.evaluations.filter((e) => e.strategy === label).map((e) => e.budget);
    expect(budgetsOf("beam M=√N")).toEqual([4, 16, 64, 256]);
    expect(budgetsOf("lookahead k=3 M=√N")).toEqual([16, 64, 256]);
    expect(budgetsOf("lookahead k=1 M=√N")).toEqual([8, 32, 128]);
    expect(budgetsOf("best-of-N weighted")).toEqual([...EXPERIMENT_BUDGETS]);
    expect(search.evaluations).toHaveLength(38);
  });

  it("reports each evaluation's shape, accuracy and Monte Carlo standard error", () => {
    for (const e of search.evaluations) {
      const strategy = search.strategies.find((s) => s.label === e.strategy)!.strategy;
      const shape = searchShape(strategy, e.budget);
      expect([e.n, e.beamWidth, e.k]).toEqual([shape.n, shape.beamWidth, shape.k]);
      expect(e.perQuestion).toHaveLength(50);
      expect(e.trials).toBe(2);
      for (const r of e.perQuestion) expect([0, 0.5, 1]).toContain(r);
      expect(e.accuracy).toBeCloseTo(mean(e.perQuestion), 14);
      expect(e.standardError).toBeCloseTo(mcStandardError(e.perQuestion, 2), 14);
    }
  });

  it("uses the documented seed for a non-nested evaluation, so searchAccuracy reproduces it", () => {
    const strategy = { kind: "beam", beamWidth: 4 } as const;
    const bench = makeBenchmark(SMALL.benchmark);
    const direct = searchAccuracy(bench, strategy, {
      budget: 16,
      rng: makeRng("search-experiment/beam M=4@16"),
      trials: 2,
    });
    const e = search.evaluations.find((x) => x.strategy === "beam M=4" && x.budget === 16)!;
    expect(Array.from(e.perQuestion)).toEqual(Array.from(direct.perQuestion));
  });

  it("scores best-of-N at its largest budget exactly as the search engine's own vote", () => {
    // One run of 256 samples per question and trial, from the documented stream: the engine's
    // answer (bestOfNWeighted's `correct`) must agree with the experiment's prefix vote at n = 256.
    const bench = makeBenchmark(SMALL.benchmark);
    const rng = makeRng("search-experiment/best-of-N weighted");
    const expected = bench.questions.map((q) => {
      let hits = 0;
      for (let t = 0; t < 2; t++) {
        const r = bestOfNWeighted(q, { n: 256, rng, prm: { ...DEFAULT_PRM }, steps: 8, aggregation: "last" });
        if (r.correct) hits++;
      }
      return hits / 2;
    });
    const e = search.evaluations.find((x) => x.strategy === "best-of-N weighted" && x.budget === 256)!;
    expect(Array.from(e.perQuestion)).toEqual(expected);
  });

  it("scores prefixes of one run like fresh runs at the smaller budget (best-of-N and DVTS)", () => {
    // A prefix of a nested run must have the same law as a fresh run. Compare the two accuracies on
    // 100 questions × 12 trials; tolerance 5 Monte Carlo standard errors of the difference.
    const benchmark = { size: 100, seed: "nested" };
    const run = runSearchExperiment({
      benchmark,
      budgets: [4, 8, 16],
      trials: 12,
      difficultySamples: 64,
      strategies: [{ kind: "best-of-n" }, { kind: "dvts", beamWidth: 4 }],
      cache: false,
    });
    const bench = makeBenchmark(benchmark);
    for (const [strategy, label] of [
      [{ kind: "best-of-n" }, "best-of-N weighted"],
      [{ kind: "dvts", beamWidth: 4 }, "DVTS M=4"],
    ] as const) {
      const fresh = searchAccuracy(bench, strategy, {
        budget: 8,
        rng: makeRng(`fresh/${label}`),
        trials: 12,
      });
      const nested = run.evaluations.find((e) => e.strategy === label && e.budget === 8)!;
      const se = Math.hypot(fresh.standardError, nested.standardError);
      expectWithin(nested.accuracy, fresh.accuracy, 5 * se, label);
    }
  });

  it("bins questions by quintiles of the oracle and predicted estimates", () => {
    expect(Array.from(search.oracle.levels)).toEqual(Array.from(difficultyBins(search.oracle.passRate)));
    expect(Array.from(search.predicted.levels)).toEqual(
      Array.from(difficultyBins(search.predicted.meanScore)),
    );
    expect(Array.from(search.predicted.binSizes)).toEqual([10, 10, 10, 10, 10]);
    expect(search.oracle.binSizes.reduce((a, b) => a + b, 0)).toBe(50);
    expect(search.oracle.samples).toBe(512);
    expect(Array.from(search.passRate)).toEqual(makeBenchmark(SMALL.benchmark).questions.map((q) => q.p));
  });

  it("shares its difficulty bins with the revision experiment on the same benchmark", () => {
    expect(Array.from(revision.oracle.levels)).toEqual(Array.from(search.oracle.levels));
    expect(Array.from(revision.predicted.levels)).toEqual(Array.from(search.predicted.levels));
  });

  it("returns compute-optimal curves and efficiency rows consistent with the optimal module", () => {
    const opts = { folds: search.folds, seed: search.cvSeed };
    expect(search.cvSeed).toBe("search-experiment/folds");
    expect(search.optimal.oracle).toEqual(computeOptimal(search.evaluations, search.oracle.levels, opts));
    expect(search.optimal.predicted).toEqual(
      computeOptimal(search.evaluations, search.predicted.levels, opts),
    );
    const curve = strategyCurve(search.evaluations, "best-of-N weighted");
    expect(search.baseline.map((p) => p.budget)).toEqual(curve.map((p) => p.budget));
    search.baseline.forEach((p, i) => expect(p.accuracy).toBeCloseTo(curve[i]!.accuracy, 14));
    for (const key of ["oracle", "predicted"] as const) {
      const points = search.optimal[key].curve.map(({ budget, accuracy }) => ({ budget, accuracy }));
      expect(search.efficiency[key]).toEqual(efficiencyRatio(points, search.baseline));
    }
  });

  it("chooses, in sample, at least as well as best-of-N; and equals it where best-of-N is alone", () => {
    // What is true: the in-sample best of each bin is at least as good as any candidate there, so the
    // in-sample curve is >= best-of-N. The cross-validated curve can fall below; at budgets 1 and 2
    // best-of-N is the only candidate, so there both equal it exactly.
    for (const point of search.optimal.oracle.curve) {
      const inSample = point.bins.reduce((a, b) => a + b.size * b.inSampleAccuracy, 0) / 50;
      const bon = search.baseline.find((p) => p.budget === point.budget)!.accuracy;
      expect(inSample).toBeGreaterThanOrEqual(bon - 1e-12);
      if (point.budget <= 2) expect(point.accuracy).toBeCloseTo(bon, 14);
    }
  });

  it("is deterministic for a seed, and a different seed changes the runs", () => {
    const options = { ...SMALL, benchmark: { size: 20, seed: "determinism" }, budgets: [1, 4, 16, 64] };
    const first = runSearchExperiment(options);
    const again = runSearchExperiment(options);
    expect(again).not.toBe(first);
    expect(again.evaluations).toEqual(first.evaluations);
    expect(again.optimal).toEqual(first.optimal);
    expect(again.oracle).toEqual(first.oracle);
    const other = runSearchExperiment({ ...options, seed: "another" });
    expect(other.evaluations.map((e) => Array.from(e.perQuestion))).not.toEqual(
      first.evaluations.map((e) => Array.from(e.perQuestion)),
    );
  });

  it("memoises identical options, reports progress from 0 to the total, and can be cleared", () => {
    clearExperimentCache();
    const calls: [number, number][] = [];
    const options: SearchExperimentOptions = {
      benchmark: { size: 20, seed: "memo" },
      budgets: [1, 4, 16],
      trials: 1,
      difficultySamples: 64,
      onProgress: (done, total) => calls.push([done, total]),
    };
    const first = runSearchExperiment(options);
    const total = first.generations;
    // best-of-N and DVTS run once at 16; both beams at 4 and 16; both lookaheads with k = 3 at 16 (k = 1
    // never: N = 2 and 8 are not squares).
    expect(total).toBe(20 * (16 + (4 + 16) + (4 + 16) + 16 + 16 + 16));
    expect(calls[0]).toEqual([0, total]);
    expect(calls[calls.length - 1]).toEqual([total, total]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    calls.length = 0;
    const second = runSearchExperiment(options);
    expect(second).toEqual({ ...first, elapsedMs: second.elapsedMs });
    expect(second).not.toBe(first);
    expect(calls).toEqual([[total, total]]);
    // A cell that writes into a result cannot change what the next call sees.
    const rate = first.evaluations[0]!.perQuestion[0]!;
    first.evaluations[0]!.perQuestion[0] = 99;
    second.evaluations[0]!.perQuestion[0] = 98;
    expect(runSearchExperiment(options).evaluations[0]!.perQuestion[0]).toBe(rate);
    clearExperimentCache();
    expect(runSearchExperiment(options)).not.toBe(first);
    expect(runSearchExperiment({ ...options, cache: false })).not.toBe(first);
  });

  it("uses the documented defaults", () => {
    expect(DEFAULT_SEARCH_TRIALS).toBe(6);
    expect(DEFAULT_REVISION_TRIALS).toBe(4);
    expect(DEFAULT_DIFFICULTY_VERIFIER.separation).toBe(2); // (2 − (−1)) / 1.5
    expect(search.options.budgets).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(search.options.prm).toEqual(DEFAULT_PRM);
    expect(search.options.steps).toBe(8);
    expect(search.options.aggregation).toBe("last");
    expect(search.options.bins).toBe(5);
    expect(search.options.folds).toBe(2);
    expect(search.options.benchmark).toEqual(makeBenchmark(SMALL.benchmark).options);
  });

  it.each([
    [
      { trials: 0 },
      RangeError,
      /runSearchExperiment: options\.trials must be an integer in \[1, 1000\], got 0/,
    ],
    [{ trials: 1.5 }, RangeError, /options\.trials must be an integer/],
    [{ trials: "2" }, TypeError, /options\.trials must be a number/],
    [{ budgets: [] }, RangeError, /options\.budgets must be a non-empty array/],
    [
      { budgets: [4, 2] },
      RangeError,
      /options\.budgets\[1\] must be greater than options\.budgets\[0\] \(4\), got 2/,
    ],
    [{ budgets: [0, 2] }, RangeError, /options\.budgets\[0\] must be an integer in \[1, 4096\], got 0/],
    [{ budgets: [1, NaN] }, RangeError, /options\.budgets\[1\] must be an integer, got NaN/],
    [
      { benchmark: { size: 0 } },
      RangeError,
      /runSearchExperiment: options\.benchmark\.size must be an integer/,
    ],
    [
      { benchmark: { size: 9 } },
      RangeError,
      /options\.benchmark\.size must be at least options\.bins × options\.folds \(10\)/,
    ],
    [
      { benchmark: { alpha: -1 } },
      RangeError,
      /runSearchExperiment: options\.benchmark\.alpha must be a finite number > 0/,
    ],
    [{ benchmark: "big" }, TypeError, /options\.benchmark must be an object or undefined/],
    [
      { prm: { noise: -1 } },
      RangeError,
      /runSearchExperiment: options\.prm\.noise must be a finite number >= 0, got -1/,
    ],
    [{ steps: 0 }, RangeError, /options\.steps must be an integer in \[1, 1000\], got 0/],
    [
      { aggregation: "max" },
      RangeError,
      /options\.aggregation must be one of "last", "min", "prod", got "max"/,
    ],
    [{ strategies: [] }, RangeError, /options\.strategies must be a non-empty array/],
    [
      { strategies: [{ kind: "beam", beamWidth: 4 }] },
      RangeError,
      /options\.strategies must be a list that includes/,
    ],
    [
      { strategies: [{ kind: "best-of-n" }, { kind: "best-of-n" }] },
      RangeError,
      /options\.strategies\[1\] must be a strategy not listed before/,
    ],
    [
      { strategies: [{ kind: "greedy" }] },
      RangeError,
      /runSearchExperiment: options\.strategies\[0\]\.kind must be one of/,
    ],
    [{ seed: NaN }, RangeError, /options\.seed must be a string or a finite number, got NaN/],
    [{ difficultySamples: 0 }, RangeError, /options\.difficultySamples must be an integer in \[1, 1000000\]/],
    [{ bins: 1 }, RangeError, /options\.bins must be an integer in \[2, 20\], got 1/],
    [{ folds: 11 }, RangeError, /options\.folds must be an integer in \[2, 10\], got 11/],
    [
      { difficultyVerifier: { separation: -1 } },
      RangeError,
      /runSearchExperiment: options\.difficultyVerifier\.separation must be/,
    ],
    [{ onProgress: 3 }, TypeError, /options\.onProgress must be a function, got 3/],
    [{ budgets: [4096], trials: 1000 }, RangeError, /must be at most 1e\+9 \(the work limit\)/],
  ])("rejects %p", (bad, cls, pattern) => {
    const call = () => runSearchExperiment({ ...(bad as object), cache: false } as SearchExperimentOptions);
    expect(call).toThrow(cls);
    expect(call).toThrow(pattern);
  });

  it("rejects a cache flag that is not a boolean", () => {
    const call = () => runSearchExperiment({ cache: "yes" as unknown as boolean });
    expect(call).toThrow(TypeError);
    expect(call).toThrow(/runSearchExperiment: options\.cache must be a boolean, got "yes"/);
  });

  it("refuses difficulty estimates so tied that a bin cannot be split into folds", () => {
    // With 3 samples per question, the 10 questions of benchmark "s4" tie into oracle bins of
    // sizes 7, 0, 0, 1, 2: level 4 has one question, fewer than the two folds.
    const call = () =>
      runSearchExperiment({
        benchmark: { size: 10, seed: "s4" },
        budgets: [1, 4],
        trials: 1,
        difficultySamples: 3,
        cache: false,
      });
    expect(call).toThrow(RangeError);
    expect(call).toThrow(
      /runSearchExperiment: options\.difficultySamples must be large enough that every oracle difficulty level has at least options\.folds \(2\) questions \(level 4 has 1\), got 3/,
    );
  });

  it("rejects options that are not an object", () => {
    expect(() => runSearchExperiment(3 as unknown as SearchExperimentOptions)).toThrow(TypeError);
    expect(() => runSearchExperiment(3 as unknown as SearchExperimentOptions)).toThrow(
      /runSearchExperiment: options must be an object or undefined, got 3/,
    );
  });
});

// =============================================================================================
// runRevisionExperiment
// =============================================================================================

describe("runRevisionExperiment(options)", () => {
  it("runs every Table 1 ratio at every budget, under both selection rules", () => {
    const expected: string[] = [];
    for (const budget of EXPERIMENT_BUDGETS) {
      for (const split of revisionRatios(budget)) {
        for (const selection of ["verifier", "majority"])
          expected.push(`${split.label}@${budget}/${selection}`);
      }
    }
    expect(revision.evaluations.map((e) => `${e.strategy}@${e.budget}/${e.selection}`)).toEqual(expected);
    expect(revision.evaluations).toHaveLength(82);
    for (const e of revision.evaluations) {
      expect(e.sequential * e.parallel).toBe(e.budget);
      expect(e.accuracy).toBeCloseTo(mean(e.perQuestion), 14);
      expect(e.standardError).toBeCloseTo(mcStandardError(e.perQuestion, 2), 14);
    }
  });

  it("simulates each split from its documented seed, both rules on the same chains", () => {
    const bench = makeBenchmark(SMALL.benchmark);
    const split = revisionRatios(16).find((s) => s.label === "4:1")!;
    const rng = makeRng("revision-experiment/4:1@16");
    const byVerifier = new Float64Array(50);
    const byMajority = new Float64Array(50);
    bench.questions.forEach((q, i) => {
      for (let t = 0; t < 2; t++) {
        const r = simulateRevisionChains(q, { chains: split.parallel, length: split.sequential, rng });
        byVerifier[i] = byVerifier[i]! + (r.verifierAnswer === CORRECT ? 0.5 : 0);
        byMajority[i] = byMajority[i]! + (r.majorityAnswer === CORRECT ? 0.5 : 0);
      }
    });
    const find = (selection: string) =>
      revision.evaluations.find((e) => e.strategy === "4:1" && e.budget === 16 && e.selection === selection)!;
    expect(Array.from(find("verifier").perQuestion)).toEqual(Array.from(byVerifier));
    expect(Array.from(find("majority").perQuestion)).toEqual(Array.from(byMajority));
  });

  it("reads the ends of the ratio range and the baseline off the evaluations", () => {
    for (const selection of ["verifier", "majority"] as const) {
      for (const [end, sequentialOf] of [
        ["parallel", () => 1],
        ["sequential", (b: number) => b],
      ] as const) {
        const curve = revision.ends[selection][end];
        expect(curve.map((p) => p.budget)).toEqual([...EXPERIMENT_BUDGETS]);
        for (const p of curve) {
          const e = revision.evaluations.find(
            (x) =>
              x.selection === selection && x.budget === p.budget && x.sequential === sequentialOf(p.budget),
          )!;
          expect(p.accuracy).toBe(e.accuracy);
          expect(p.standardError).toBe(e.standardError);
        }
      }
    }
    expect(revision.baseline).toEqual(revision.ends.verifier.parallel);
  });

  it("chooses among verifier-selected splits and measures efficiency over parallel best-of-N", () => {
    const verifierOnly = revision.evaluations.filter((e) => e.selection === "verifier");
    const opts = { folds: 2, seed: "revision-experiment/folds" };
    expect(revision.optimal.oracle).toEqual(computeOptimal(verifierOnly, revision.oracle.levels, opts));
    expect(revision.optimal.predicted).toEqual(computeOptimal(verifierOnly, revision.predicted.levels, opts));
    for (const key of ["oracle", "predicted"] as const) {
      const points = revision.optimal[key].curve.map(({ budget, accuracy }) => ({ budget, accuracy }));
      expect(revision.efficiency[key]).toEqual(efficiencyRatio(points, revision.baseline));
    }
  });

  it("tabulates the ratio sweep at the sweep budget, overall and per oracle bin", () => {
    const sweep = revision.ratioSweep;
    expect(sweep.budget).toBe(128);
    expect(sweep.splits).toEqual(revisionRatios(128));
    expect(sweep.levels).toEqual([1, 2, 3, 4, 5]);
    for (const selection of ["verifier", "majority"] as const) {
      sweep.splits.forEach((split, k) => {
        const e = revision.evaluations.find(
          (x) => x.selection === selection && x.budget === 128 && x.sequential === split.sequential,
        )!;
        expect(sweep.overall[selection].accuracy[k]).toBeCloseTo(e.accuracy, 14);
        expect(sweep.overall[selection].standardError[k]).toBeCloseTo(e.standardError, 14);
        const rows = evaluationByBin(e, revision.oracle.levels);
        rows.forEach((row, level) => {
          expect(sweep.byBin[selection][level]!.accuracy[k]).toBeCloseTo(row.accuracy, 14);
          expect(sweep.byBin[selection][level]!.standardError[k]).toBeCloseTo(row.standardError, 14);
        });
      });
    }
  });

  it("is deterministic for a seed and memoises identical options", () => {
    const again = runRevisionExperiment(SMALL);
    expect(again.evaluations).toEqual(revision.evaluations);
    clearExperimentCache();
    const options = { ...SMALL, budgets: [1, 2, 4], sweepBudget: 4, cache: true };
    const first = runRevisionExperiment(options);
    const cached = runRevisionExperiment(options);
    expect(cached).toEqual({ ...first, elapsedMs: cached.elapsedMs });
    expect(cached).not.toBe(first);
    expect(first.generations).toBe(50 * 2 * (1 * 1 + 2 * 2 + 4 * 3));
  });

  it.each([
    [
      { sweepBudget: 100 },
      RangeError,
      /runRevisionExperiment: options\.sweepBudget must be one of options\.budgets \(1, 2, 4, 8, 16, 32, 64, 128, 256\), got 100/,
    ],
    [{ sweepBudget: 0 }, RangeError, /options\.sweepBudget must be an integer >= 1, got 0/],
    [
      { model: { breakRate: 2 } },
      RangeError,
      /runRevisionExperiment: options\.model\.breakRate must be a probability in \[0, 1\], got 2/,
    ],
    [{ model: 1 }, TypeError, /options\.model must be an object or undefined, got 1/],
    [
      { verifier: { separation: NaN } },
      RangeError,
      /options\.verifier\.separation must be a finite number, got NaN/,
    ],
    [{ verifier: 5 }, TypeError, /options\.verifier must be an object, got 5/],
    [{ trials: 1001 }, RangeError, /options\.trials must be an integer in \[1, 1000\], got 1001/],
  ])("rejects %p", (bad, cls, pattern) => {
    const call = () => runRevisionExperiment({ ...(bad as object), cache: false });
    expect(call).toThrow(cls);
    expect(call).toThrow(pattern);
  });
});

// =============================================================================================
// evaluationByBin
// =============================================================================================

describe("evaluationByBin(evaluation, levels)", () => {
  it("averages each bin and gives the Monte Carlo standard error", () => {
    // Bin 1: rates 1 and 0.5 over 2 trials → mean 0.75, SE √(0 + 0.25/1)/2 = 0.25. Bin 2: all 0.
    expect(evaluationByBin({ perQuestion: [1, 0.5, 0, 0], trials: 2 }, [1, 1, 2, 2])).toEqual([
      { bin: 1, size: 2, accuracy: 0.75, standardError: 0.25 },
      { bin: 2, size: 2, accuracy: 0, standardError: 0 },
    ]);
    // Without trials: the conservative √(a(1 − a)/n).
    const [row] = evaluationByBin({ perQuestion: [1, 0, 1, 1] }, [3, 3, 3, 3]);
    expect(row).toEqual({ bin: 3, size: 4, accuracy: 0.75, standardError: Math.sqrt((0.75 * 0.25) / 4) });
  });

  it("rejects bad input with the house errors", () => {
    expect(() => evaluationByBin({ perQuestion: [1, 0] }, [1])).toThrow(
      /evaluationByBin: levels must have the same length as evaluation\.perQuestion \(2\), got length 1/,
    );
    expect(() => evaluationByBin({ perQuestion: [1.5] }, [1])).toThrow(RangeError);
    expect(() => evaluationByBin({ perQuestion: [1] }, [0])).toThrow(
      /levels\[0\] must be an integer >= 1, got 0/,
    );
    expect(() => evaluationByBin({ perQuestion: [1], trials: 0 }, [1])).toThrow(
      /evaluation\.trials must be an integer >= 1, got 0/,
    );
    expect(() => evaluationByBin(null as never, [1])).toThrow(TypeError);
  });
});

// =============================================================================================
// findingsTable on constructed worlds whose verdicts are known
// =============================================================================================

const PER_LEVEL = 10;
const N = 5 * PER_LEVEL;
const levelOf = (i: number) => Math.floor(i / PER_LEVEL) + 1;
const LEVELS = Int32Array.from({ length: N }, (_, i) => levelOf(i));

/** Accuracy of a level at log2-budget x. */
type LevelFn = (level: number, x: number) => number;

/** Per-question rates: the level's value, plus ±jitter alternating by question (when asked). */
function rates(f: LevelFn, x: number, jitter: (level: number) => number = () => 0): Float64Array {
  return Float64Array.from(
    { length: N },
    (_, i) => f(levelOf(i), x) + (i % 2 === 0 ? 1 : -1) * jitter(levelOf(i)),
  );
}

interface SearchWorld {
  bon: LevelFn;
  beam4: LevelFn;
  beamSqrt?: LevelFn;
  lookahead: LevelFn;
  beamJitterLow?: (level: number) => number;
  passRate?: number[];
}

/** Best-of-N at x = 0…8, beam M=4 at x >= 2, beam M=√N at 4/16/64/256, lookahead k=3 M=√N at 16/64/256. */
function searchWorld(w: SearchWorld): SearchFindingsInput {
  const evaluations = [];
  for (let x = 0; x <= 8; x++)
    evaluations.push({ strategy: "best-of-N weighted", budget: 2 ** x, perQuestion: rates(w.bon, x) });
  for (let x = 2; x <= 8; x++) {
    const jitter = x === 2 || x === 4 ? w.beamJitterLow : undefined;
    evaluations.push({ strategy: "beam M=4", budget: 2 ** x, perQuestion: rates(w.beam4, x, jitter) });
  }
  for (const x of [2, 4, 6, 8]) {
    const jitter = x === 2 || x === 4 ? w.beamJitterLow : undefined;
    evaluations.push({
      strategy: "beam M=√N",
      budget: 2 ** x,
      perQuestion: rates(w.beamSqrt ?? w.beam4, x, jitter),
    });
  }
  for (const x of [4, 6, 8])
    evaluations.push({ strategy: "lookahead k=3 M=√N", budget: 2 ** x, perQuestion: rates(w.lookahead, x) });
  const passRate = Float64Array.from(
    { length: N },
    (_, i) => (w.passRate ?? [0.9, 0.7, 0.4, 0.15, 0.05])[levelOf(i) - 1]!,
  );
  return { evaluations, oracle: { levels: LEVELS }, predicted: { levels: LEVELS }, passRate };
}

/** A function of (level, s = log2 sequential, p = log2 parallel, question index). */
type SplitFn = (level: number, s: number, p: number, question?: number) => number;

function revisionWorld(
  verifier: SplitFn,
  majority: SplitFn,
  passRate = [0.6, 0.35, 0.45, 0.25, 0.15],
): RevisionFindingsInput {
  const evaluations = [];
  for (const budget of EXPERIMENT_BUDGETS) {
    for (const split of revisionRatios(budget)) {
      const s = Math.log2(split.sequential);
      const p = Math.log2(split.parallel);
      for (const [selection, f] of [
        ["verifier", verifier],
        ["majority", majority],
      ] as const) {
        evaluations.push({
          strategy: split.label,
          budget,
          sequential: split.sequential,
          parallel: split.parallel,
          selection,
          perQuestion: Float64Array.from({ length: N }, (_, i) => f(levelOf(i), s, p, i)),
        });
      }
    }
  }
  return {
    evaluations,
    oracle: { levels: LEVELS },
    predicted: { levels: LEVELS },
    passRate: Float64Array.from({ length: N }, (_, i) => passRate[levelOf(i) - 1]!),
    sweepBudget: 128,
  };
}

// The paper-like world. Best-of-N rises linearly in log budget in every level (overall 0.432 + 0.031x).
const BON: LevelFn = (l, x) =>
  [0.9 + 0.0125 * x, 0.7 + 0.0375 * x, 0.4 + 0.05 * x, 0.15 + 0.05 * x, 0.01 + 0.005 * x][l - 1]!;
// Beam search: on levels 1–2 it equals best-of-N at 4× the budget up to x = 5, then over-optimises;
// on levels 3–4 it is 0.1 better (0.01 at the two largest budgets); on level 5 it equals best-of-N.
const BEAM: LevelFn = (l, x) => {
  if (l <= 2) {
    if (x <= 5) return BON(l, Math.min(x + 2, 6));
    if (x === 6) return BON(l, 6) - 0.05;
    return BON(l, 2) - (x === 7 ? 0.1 : 0.2);
  }
  if (l <= 4) return BON(l, x) + (x <= 6 ? 0.1 : 0.01);
  return BON(l, x);
};
const LOOKAHEAD: LevelFn = (l, x) => Math.max(0, Math.min(BON(l, x), BEAM(l, x)) - 0.05);
// Revisions: levels 1–2 gain 0.04 per doubling of the chain length; levels 3–5 peak when chain length
// equals the number of chains (0.08 per doubling of the smaller of the two); majority is flat at 0.9
// on levels 1–2.
const REV: SplitFn = (l, s, p) =>
  l <= 2 ? [0.5, 0.3][l - 1]! + 0.04 * s : [0.4, 0.2, 0.05][l - 3]! + 0.08 * Math.min(s, p);
const MAJ: SplitFn = (l, s, p) => (l <= 2 ? 0.9 : REV(l, s, p));

const paperSearch = searchWorld({ bon: BON, beam4: BEAM, lookahead: LOOKAHEAD });
const paperRevision = revisionWorld(REV, MAJ);

function verdicts(rows: FindingRow[]): Record<string, Verdict> {
  return Object.fromEntries(rows.map((r) => [r.id, r.reproduced]));
}

describe("findingsTable(search, revision)", () => {
  it("returns the 14 findings in order, each with its numbers, criterion and reason", () => {
    const rows = findingsTable(paperSearch, paperRevision);
    expect(rows.map((r) => r.id)).toEqual([
      "search-efficiency",
      "search-predicted",
      "revision-efficiency",
      "revision-plateau",
      "efficiency-overall",
      "larger-model",
      "beam-budget",
      "lookahead-worst",
      "bins-easy",
      "bins-medium",
      "bins-hardest",
      "revisions-easy",
      "revisions-hard",
      "majority-easy",
    ]);
    for (const r of rows) {
      for (const field of [r.finding, r.paperSays, r.simulationShows, r.criterion, r.reason]) {
        expect(field.length).toBeGreaterThan(10);
      }
    }
    expect(FINDINGS_Z).toBe(2);
  });

  it("says yes to every finding a paper-like world was built to show", () => {
    // Built by hand (see BON, BEAM, REV above): at budget 4 the compute-optimal accuracy is 0.554,
    // which best-of-N reaches at 2^3.935 ≈ 15.3, a ratio of 3.83; its gain over best-of-N is 0.06 at
    // budgets 4–16 and 0.016 at 64–256. Predicted bins equal oracle bins, so there is nothing to lose
    // (no); parallel best-of-N is flat, so every revision ratio is unbounded and the overall median is
    // above 4 (partly).
    expect(verdicts(findingsTable(paperSearch, paperRevision))).toEqual({
      "search-efficiency": "yes",
      "search-predicted": "no",
      "revision-efficiency": "yes",
      "revision-plateau": "yes",
      "efficiency-overall": "partly",
      "larger-model": "yes",
      "beam-budget": "yes",
      "lookahead-worst": "yes",
      "bins-easy": "yes",
      "bins-medium": "yes",
      "bins-hardest": "yes",
      "revisions-easy": "yes",
      "revisions-hard": "yes",
      "majority-easy": "yes",
    });
  });

  it("says no where every strategy and every ratio is the same as the baseline", () => {
    const flatSearch = searchWorld({ bon: BON, beam4: BON, lookahead: BON });
    const flatRevision = revisionWorld(
      (l) => [0.5, 0.3, 0.4, 0.2, 0.05][l - 1]!,
      (l) => [0.5, 0.3, 0.4, 0.2, 0.05][l - 1]!,
    );
    const rows = findingsTable(flatSearch, flatRevision);
    expect(verdicts(rows)).toEqual({
      "search-efficiency": "no", // ratio 1 everywhere, no gain anywhere
      "search-predicted": "no",
      "revision-efficiency": "no", // the flat curve is matched at budget 1: ratio 1/B
      "revision-plateau": "no",
      "efficiency-overall": "no",
      "larger-model": "partly", // search meets both conditions; flat revisions lose levels 1–3
      "beam-budget": "no",
      "lookahead-worst": "no",
      "bins-easy": "no",
      "bins-medium": "no",
      "bins-hardest": "yes", // best-of-N gains 0.03 on level 5, under the 10-point bar
      "revisions-easy": "partly", // every ratio ties: a peak at all-sequential, but no preference
      "revisions-hard": "no",
      "majority-easy": "yes",
    });
    expect(rows.find((r) => r.id === "efficiency-overall")!.simulationShows).toMatch(
      /median efficiency ratio/,
    );
  });

  it("says partly when only one half of a two-part criterion holds", () => {
    // Beam equal to best-of-N at budgets 4 and 16: it still falls below at 256.
    const equalAt4: LevelFn = (l, x) => (x <= 4 ? BON(l, x) : BEAM(l, x));
    // Level 2 stops degrading: only level 1 satisfies the easy-bin criterion.
    const level2Flat: LevelFn = (l, x) => (l === 2 ? BON(l, x) - 0.001 : BEAM(l, x));
    // Majority on level 2 varies by 0.1 across ratios.
    const majority: SplitFn = (l, s, p) => (l === 2 ? 0.8 + 0.1 * (s / (s + p || 1)) : MAJ(l, s, p));
    const v1 = verdicts(
      findingsTable(searchWorld({ bon: BON, beam4: equalAt4, lookahead: LOOKAHEAD }), paperRevision),
    );
    expect(v1["beam-budget"]).toBe("partly");
    const v2 = verdicts(
      findingsTable(searchWorld({ bon: BON, beam4: level2Flat, lookahead: LOOKAHEAD }), paperRevision),
    );
    expect(v2["bins-easy"]).toBe("partly");
    const v3 = verdicts(findingsTable(paperSearch, revisionWorld(REV, majority)));
    expect(v3["majority-easy"]).toBe("partly");
  });

  it("counts an efficiency ratio only where compute-optimal beats the baseline at the same budget by > 2 SE", () => {
    // Parallel best-of-N is flat; every sequential split is 0.001 better on average, ±0.1 question by
    // question. The baseline never "catches up", so the raw ratio is unbounded at every budget — but
    // the paired SE is 0.1/√50 ≈ 0.014, fourteen times the gain, so no ratio counts.
    const flat = (l: number) => [0.6, 0.35, 0.45, 0.25, 0.15][l - 1]!;
    const hair = revisionWorld(
      (l, s, _p, i = 0) => flat(l) + (s > 0 ? 0.001 + (i % 2 === 0 ? 0.1 : -0.1) : 0),
      (l, s, _p, i = 0) => flat(l) + (s > 0 ? 0.001 + (i % 2 === 0 ? 0.1 : -0.1) : 0),
    );
    const row = findingsTable(paperSearch, hair).find((r) => r.id === "revision-efficiency")!;
    expect(row.reproduced).toBe("no");
    expect(row.reason).toMatch(/at no budget >= 4 does compute-optimal beat parallel best-of-N by > 2 SE/);
    expect(row.simulationShows).toMatch(/no gain > 2 SE/);
    // The same world with a clear gain (0.2 on every question) is counted.
    const clear = revisionWorld(
      (l, s) => flat(l) + (s > 0 ? 0.2 : 0),
      (l, s) => flat(l) + (s > 0 ? 0.2 : 0),
    );
    expect(findingsTable(paperSearch, clear).find((r) => r.id === "revision-efficiency")!.reproduced).toBe(
      "yes",
    );
  });

  it("does not count a difference smaller than two paired standard errors", () => {
    // At budgets 4 and 16, beam is best-of-N + 0.02 on every question of levels 1, 2 and 5 but ±0.2
    // around that on levels 3–4: mean +0.02, paired SE = √(20 · 0.2² / 49) / √50 ≈ 0.018, about
    // 1.1 SE — not counted. Best-of-N still wins at 256, so the verdict is "partly".
    const beam: LevelFn = (l, x) => (x <= 4 ? BON(l, x) + 0.02 : BEAM(l, x));
    const world = searchWorld({
      bon: BON,
      beam4: beam,
      lookahead: LOOKAHEAD,
      beamJitterLow: (l) => (l === 3 || l === 4 ? 0.2 : 0),
    });
    const row = findingsTable(world, paperRevision).find((r) => r.id === "beam-budget")!;
    expect(row.reproduced).toBe("partly");
    expect(row.reason).toMatch(/budget 4: 1\.1 SE; budget 16: 1\.1 SE; budget 256: \d/);
  });

  it("reports the efficiency ratios of the real experiment as the result computes them", () => {
    const rows = findingsTable(search, revision);
    expect(rows).toHaveLength(14);
    for (const r of rows) expect(["yes", "partly", "no"]).toContain(r.reproduced);
    const shown = rows.find((r) => r.id === "search-efficiency")!.simulationShows;
    for (const budget of [4, 16, 64, 256]) {
      const row = search.efficiency.oracle.find((e) => e.budget === budget)!;
      // The ratio is shown only where compute-optimal beats best-of-N at this budget by > 2 paired SE
      // (computed here from the held-out rates, independently of the library's helper).
      const co = search.optimal.oracle.curve.find((c) => c.budget === budget)!.heldOut;
      const bon = search.evaluations.find((e) => e.strategy === "best-of-N weighted" && e.budget === budget)!;
      const d = Array.from(co, (x, i) => x - bon.perQuestion[i]!);
      const mean = d.reduce((a, x) => a + x, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (d.length - 1));
      const significant = mean > 2 * (sd / Math.sqrt(d.length));
      const text = !significant
        ? "no gain > 2 SE"
        : row.ratio === null
          ? "never"
          : `${row.ratio.toFixed(1)}×`;
      expect(shown).toContain(`${budget}: ${text}`);
    }
  });

  it("rejects inputs it cannot judge, naming what is missing", () => {
    const missing = {
      ...paperSearch,
      evaluations: paperSearch.evaluations.filter((e) => !(e.strategy === "beam M=4" && e.budget === 4)),
    };
    expect(() => findingsTable(missing, paperRevision)).toThrow(RangeError);
    expect(() => findingsTable(missing, paperRevision)).toThrow(
      /findingsTable: search\.evaluations must include "beam M=4" at budget 4, got none/,
    );
    const noLookahead = {
      ...paperSearch,
      evaluations: paperSearch.evaluations.filter((e) => !e.strategy.startsWith("lookahead")),
    };
    expect(() => findingsTable(noLookahead, paperRevision)).toThrow(
      /search\.evaluations must include a lookahead strategy/,
    );
    const fourBins = { ...paperSearch, oracle: { levels: LEVELS.map((l) => Math.min(l, 4)) } };
    expect(() => findingsTable(fourBins, paperRevision)).toThrow(
      /search\.oracle\.levels must be levels 1–5, each present/,
    );
    const short = { ...paperSearch, passRate: [0.5] };
    expect(() => findingsTable(short, paperRevision)).toThrow(
      /search\.passRate must have the same length as search\.oracle\.levels \(50\), got length 1/,
    );
    const badRate = {
      ...paperSearch,
      evaluations: [{ strategy: "x", budget: 1, perQuestion: Array(N).fill(2) }],
    };
    expect(() => findingsTable(badRate, paperRevision)).toThrow(
      /search\.evaluations\[0\]\.perQuestion\[0\] must be a probability/,
    );
    const noSweep = { ...paperRevision, sweepBudget: 3 };
    expect(() => findingsTable(paperSearch, noSweep)).toThrow(
      /revision\.evaluations must include "1:3" at budget 3, got none/,
    );
    const badSelection = {
      ...paperRevision,
      evaluations: [{ ...paperRevision.evaluations[0]!, selection: "vote" as never }],
    };
    expect(() => findingsTable(paperSearch, badSelection)).toThrow(
      /revision\.evaluations\[0\]\.selection must be one of/,
    );
    expect(() => findingsTable(null as never, paperRevision)).toThrow(TypeError);
    expect(() => findingsTable(paperSearch, { ...paperRevision, cvSeed: NaN })).toThrow(
      /revision\.cvSeed must be a string or a finite number/,
    );
  });
});

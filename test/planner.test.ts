import fc from "fast-check";
import { strategyCost } from "../lib/strategies";
import { runRevisionExperiment, runSearchExperiment } from "../lib/experiment";
import { planCandidates, planStrategy, type PlanCandidate } from "../lib/experiment/planner";
import { largerModelP } from "../lib/models/questions";

// Small runs on one benchmark: 60 questions (12 per level), budgets 1…64.
const COMMON = {
  benchmark: { size: 60, seed: "planner-test" },
  budgets: [1, 2, 4, 8, 16, 32, 64],
  trials: 2,
  difficultySamples: 512,
  cache: false,
} as const;
const search = runSearchExperiment(COMMON);
const revisions = runRevisionExperiment({ ...COMMON, sweepBudget: 16 });
const experiments = { search, revisions };
const levels = search.oracle.levels;

/** Mean success of a run on one level, written out from the definition. */
function levelMean(per: ArrayLike<number>, level: number): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < levels.length; i++) {
    if (levels[i] === level) {
      s += per[i] as number;
      n++;
    }
  }
  return s / n;
}

describe("the experiments' runs carry their cost spec", () => {
  test("a search run's spec costs exactly its budget in generations", () => {
    for (const e of search.evaluations) {
      expect(strategyCost(e.spec).generations).toBe(e.budget);
      expect(e.spec.kind).toBe(
        e.k > 0
          ? "lookahead"
          : e.beamWidth === 1
            ? "best-of-n"
            : e.strategy.startsWith("DVTS")
              ? "dvts"
              : "beam",
      );
    }
  });

  test("a revision run's spec is its split, sequential × parallel = budget", () => {
    for (const e of revisions.evaluations) {
      expect(e.spec).toEqual({ kind: "revision", sequential: e.sequential, parallel: e.parallel });
      expect(strategyCost(e.spec).generations).toBe(e.budget);
      expect(strategyCost(e.spec).serialDepth).toBe(e.sequential);
    }
  });
});

describe("planCandidates(experiments)", () => {
  test("search runs, then verifier-selected revision runs, each with its depth", () => {
    const list = planCandidates(experiments);
    const verifierRuns = revisions.evaluations.filter((e) => e.selection === "verifier");
    expect(list).toHaveLength(search.evaluations.length + verifierRuns.length);
    list.slice(0, search.evaluations.length).forEach((c, i) => {
      expect(c.family).toBe("search");
      expect(c.strategy).toBe(search.evaluations[i]?.strategy);
    });
    list.slice(search.evaluations.length).forEach((c, i) => {
      expect(c.family).toBe("revisions");
      expect(c.strategy).toBe(`revisions ${verifierRuns[i]?.strategy}`);
      expect(c.serialDepth).toBe(verifierRuns[i]?.sequential);
    });
    for (const c of list) {
      const cost = strategyCost(c.spec, { stepsPerSolution: search.options.steps });
      expect(c.serialDepth).toBe(cost.serialDepth);
      expect(c.verifierRounds).toBe(cost.verifierRounds);
    }
    // Beam search verifies after every step: T rounds, with the experiment's T (not strategyCost's default).
    const beam = list.find((c) => c.spec.kind === "beam");
    expect(beam?.verifierRounds).toBe(search.options.steps);
  });

  test("without revisions, only the search runs", () => {
    expect(planCandidates({ search })).toHaveLength(search.evaluations.length);
  });
});

describe("planStrategy(request, experiments)", () => {
  const all = planCandidates(experiments);

  /** The choice written out: best level mean among runs within the limit; ties to the shallower run. */
  function bruteForce(
    level: number,
    budget: number,
    limit: number,
  ): { best: number; winners: PlanCandidate[] } {
    const used = Math.max(...search.budgets.filter((b) => b <= budget));
    const allowed = all.filter((c) => c.budget === used && c.serialDepth <= limit);
    const best = Math.max(...allowed.map((c) => levelMean(c.perQuestion, level)));
    return { best, winners: allowed.filter((c) => levelMean(c.perQuestion, level) === best) };
  }

  test("picks the run with the best level accuracy within the latency limit (checked by brute force)", () => {
    for (const level of [1, 2, 3, 4, 5]) {
      for (const budget of [1, 3, 16, 64, 1000]) {
        for (const limit of [1, 2, 4, 64, Infinity]) {
          const plan = planStrategy({ level, budget, maxSerialDepth: limit }, experiments);
          const { best, winners } = bruteForce(level, budget, limit);
          expect(plan.inSampleAccuracy).toBeCloseTo(best, 12);
          expect(plan.serialDepth).toBeLessThanOrEqual(limit);
          // Among equally good runs, the shallowest.
          const depth = Math.min(...winners.map((w) => w.serialDepth));
          expect(plan.serialDepth).toBe(depth);
          expect(winners.map((w) => w.strategy)).toContain(plan.strategy);
        }
      }
    }
  });

  test("loosening the latency limit never lowers the level's in-sample accuracy", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 1, max: 64, noNaN: true }),
        fc.double({ min: 0, max: 64, noNaN: true }),
        (level, budget, tight, extra) => {
          const a = planStrategy({ level, budget, maxSerialDepth: tight }, experiments);
          const b = planStrategy({ level, budget, maxSerialDepth: tight + extra }, experiments);
          expect(b.inSampleAccuracy).toBeGreaterThanOrEqual(a.inSampleAccuracy);
          expect(b.candidates).toBeGreaterThanOrEqual(a.candidates);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("rounds the budget down to the largest run budget, and says so", () => {
    const plan = planStrategy({ level: 2, budget: 50 }, experiments);
    expect(plan.requestedBudget).toBe(50);
    expect(plan.budget).toBe(32);
    expect(plan.reason).toMatch(/budget 50 rounded down to the run budget 32/);
    expect(planStrategy({ level: 2, budget: 32 }, experiments).reason).not.toMatch(/rounded down/);
  });

  test("a pass@1 estimate lands in the level of the questions with that estimate", () => {
    const est = search.oracle.passRate;
    // Estimates shared by questions in two levels (ties at an edge) have no single answer; skip them.
    const levelsOf = new Map<number, Set<number>>();
    for (let i = 0; i < est.length; i++) {
      const set = levelsOf.get(est[i] as number) ?? new Set<number>();
      set.add(levels[i] as number);
      levelsOf.set(est[i] as number, set);
    }
    let checked = 0;
    for (const [value, set] of levelsOf) {
      if (set.size !== 1) continue;
      expect(planStrategy({ passAt1: value, budget: 4 }, experiments).level).toBe([...set][0]);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    expect(planStrategy({ passAt1: 1, budget: 4 }, experiments).level).toBe(1);
    expect(planStrategy({ passAt1: 0, budget: 4 }, experiments).level).toBe(5);
  });

  test("the larger model's level accuracy is the mean of largerModelP over the level", () => {
    for (const shift of [0, 1, 3]) {
      const plan = planStrategy({ level: 4, budget: 8, largerModelShift: shift }, experiments);
      let s = 0;
      let n = 0;
      for (let i = 0; i < levels.length; i++) {
        if (levels[i] === 4) {
          s += largerModelP(search.passRate[i] as number, shift);
          n++;
        }
      }
      expect(plan.largerModelAccuracy).toBeCloseTo(s / n, 12);
      const margin = 2 * plan.standardError;
      const expected =
        s / n > plan.accuracy + margin ? "behind" : s / n < plan.accuracy - margin ? "ahead" : "level";
      expect(plan.versusLargerModel).toBe(expected);
    }
    // A huge shift makes the larger model all but perfect: the plan falls behind where it is not perfect.
    const hard = planStrategy({ level: 5, budget: 1, largerModelShift: 30 }, experiments);
    expect(hard.accuracy).toBeLessThan(0.9);
    expect(hard.versusLargerModel).toBe("behind");
    expect(hard.reason).toMatch(/the larger model would do better/);
  });

  test("latencyCost compares with the unconstrained choice", () => {
    for (const level of [1, 2, 3, 4, 5]) {
      const free = planStrategy({ level, budget: 64 }, experiments);
      expect(free.latencyCost).toBe("none");
      expect(free.unconstrained.strategy).toBe(free.strategy);
      const tight = planStrategy({ level, budget: 64, maxSerialDepth: 1 }, experiments);
      expect(tight.unconstrained.inSampleAccuracy).toBeCloseTo(free.inSampleAccuracy, 12);
      if (tight.strategy === free.strategy) expect(tight.latencyCost).toBe("none");
      else {
        const gap = free.inSampleAccuracy - tight.inSampleAccuracy;
        const se = Math.sqrt((tight.inSampleAccuracy * (1 - tight.inSampleAccuracy)) / tight.levelSize);
        expect(tight.latencyCost).toBe(gap > 2 * se ? "costs accuracy" : "within noise");
      }
    }
  });

  test("the cross-validated accuracy matches the experiment's own compute-optimal curve when nothing is filtered", () => {
    // Search runs only, no limit: the same candidates, folds and seed as search.optimal.oracle.
    for (const [k, point] of search.optimal.oracle.curve.entries()) {
      for (const bin of point.bins) {
        const plan = planStrategy({ level: bin.bin, budget: point.budget, beyondPaper: true }, { search });
        expect(plan.accuracy).toBe(bin.accuracy);
        expect(plan.inSampleAccuracy).toBe(bin.inSampleAccuracy);
        expect(plan.levelSize).toBe(bin.size);
      }
      expect(k).toBeLessThan(search.budgets.length);
    }
  });

  test("by default it chooses among the paper's own strategies; beyondPaper adds DVTS and REBASE", () => {
    const all = planCandidates({ search });
    const dvts = all.filter((c) => c.spec.kind === "dvts");
    expect(dvts.length).toBeGreaterThan(0);
    for (const c of all) expect(c.inPaper).toBe(c.spec.kind !== "dvts" && c.spec.kind !== "rebase");
    for (const c of dvts) expect(c.credit).toMatch(/Hugging Face/);
    for (const budget of search.budgets) {
      const atBudget = all.filter((c) => c.budget === budget);
      const paper = planStrategy({ level: 3, budget }, { search });
      const wide = planStrategy({ level: 3, budget, beyondPaper: true }, { search });
      expect(paper.beyondPaper).toBe(false);
      expect(paper.consideredRuns).toBe(atBudget.filter((c) => c.inPaper).length);
      expect(wide.consideredRuns).toBe(atBudget.length);
      expect(atBudget.find((c) => c.strategy === paper.strategy)?.inPaper).toBe(true);
      // widening the pool can only keep or raise the in-sample best
      expect(wide.unconstrained.inSampleAccuracy).toBeGreaterThanOrEqual(
        paper.unconstrained.inSampleAccuracy,
      );
      const widePick = atBudget.find((c) => c.strategy === wide.strategy)!;
      if (!widePick.inPaper) expect(wide.reason).toContain("is not in the paper");
    }
    expect(() => planStrategy({ level: 3, budget: 16, beyondPaper: 1 as never }, { search })).toThrow(
      /^planStrategy: request\.beyondPaper must be a boolean, got 1$/,
    );
  });

  test("refuses bad requests in the house format", () => {
    const ok = { level: 2, budget: 8 };
    const bad: [unknown, RegExp, ErrorConstructor][] = [
      [
        { budget: 8 },
        /^planStrategy: request must be an object with exactly one of passAt1 and level/,
        TypeError,
      ],
      [{ passAt1: 0.5, level: 2, budget: 8 }, /exactly one of passAt1 and level/, TypeError],
      [{ passAt1: 1.5, budget: 8 }, /^planStrategy: request\.passAt1 must be .*, got 1\.5$/, RangeError],
      [{ passAt1: NaN, budget: 8 }, /^planStrategy: request\.passAt1 must be .*, got NaN$/, RangeError],
      [{ level: 6, budget: 8 }, /^planStrategy: request\.level must be .*, got 6$/, RangeError],
      [{ level: 2.5, budget: 8 }, /^planStrategy: request\.level must be an integer/, RangeError],
      [{ level: 2, budget: 0 }, /^planStrategy: request\.budget must be an integer >= 1, got 0$/, RangeError],
      [
        { level: 2, budget: Infinity },
        /^planStrategy: request\.budget must be .*, got Infinity$/,
        RangeError,
      ],
      [{ level: 2, budget: "8" }, /^planStrategy: request\.budget must be .*, got "8"$/, TypeError],
      [
        { ...ok, maxSerialDepth: 0.5 },
        /^planStrategy: request\.maxSerialDepth must be a number >= 1, got 0\.5$/,
        RangeError,
      ],
      [
        { ...ok, maxSerialDepth: NaN },
        /^planStrategy: request\.maxSerialDepth must be .*, got NaN$/,
        RangeError,
      ],
      [
        { ...ok, largerModelShift: -Infinity },
        /^planStrategy: request\.largerModelShift must be .*, got -Infinity$/,
        RangeError,
      ],
      [null, /^planStrategy: request must be /, TypeError],
    ];
    for (const [request, pattern, kind] of bad) {
      expect(() => planStrategy(request as never, experiments)).toThrow(kind);
      expect(() => planStrategy(request as never, experiments)).toThrow(pattern);
    }
  });

  test("refuses experiments that do not fit together", () => {
    const other = runRevisionExperiment({
      ...COMMON,
      benchmark: { size: 60, seed: "another" },
      sweepBudget: 16,
    });
    expect(() => planStrategy({ level: 1, budget: 4 }, { search, revisions: other })).toThrow(
      /^planStrategy: experiments\.revisions must be a revision experiment on the same benchmark and bins/,
    );
    expect(() => planStrategy({ level: 1, budget: 4 }, { search: {} as never })).toThrow(TypeError);
    expect(() => planStrategy({ level: 1, budget: 4 }, null as never)).toThrow(
      /^planStrategy: experiments must be/,
    );
    expect(() => planCandidates({ search: [] as never })).toThrow(/^planCandidates: experiments\.search/);
  });

  test("same experiments, same plan", () => {
    const again = runSearchExperiment(COMMON);
    const request = { passAt1: 0.2, budget: 16, maxSerialDepth: 2 };
    expect(planStrategy(request, { search: again })).toEqual(planStrategy(request, { search }));
  });
});

/**
 * The strategy layer's own pieces: the search loop written against the
 * StepPolicy/StepVerifier interfaces (run here on a small hand-made world,
 * not the synthetic one), the registry, and REBASE, the strategy added as
 * one registry entry.
 */
import { makeRng } from "../lib/base/random";
import { makeBenchmark, makeQuestion } from "../lib/models/questions";
import { runSearchExperiment } from "../lib/experiment";
import { strategyCost } from "../lib/strategies/cost";
import { STATUS_ON_TRACK, type StepPolicy, type StepVerifier } from "../lib/strategies/interfaces";
import { expandBalanced } from "../lib/strategies/rebase";
import { SEARCH_STRATEGY_ENTRIES, SEARCH_STRATEGY_KINDS } from "../lib/strategies/registry";
import {
  bestOfNWeighted,
  rebaseSearch,
  searchAccuracy,
  searchShape,
  searchStrategyLabel,
} from "../lib/strategies/search";
import { expandPerSubtree, expandTop, StepSearch } from "../lib/strategies/step-search";

/**
 * A deterministic world over strings: child i of a round appends "a" when
 * i is even and "b" when odd; the verifier scores a prefix by its share of
 * "b"s; the answer is the number of "b"s. So the best solution is all "b"s.
 */
class LetterWorld implements StepPolicy<string>, StepVerifier<string> {
  readonly steps: number;
  calls = { extend: 0, score: 0 };
  constructor(steps: number) {
    this.steps = steps;
  }
  root(): string {
    return "";
  }
  extend(parents: readonly string[], count: number, _depth: number, out: string[]): void {
    this.calls.extend++;
    for (let i = 0; i < count; i++) out[i] = parents[i] + (i % 2 === 0 ? "a" : "b");
  }
  rollout(prefixes: readonly string[], count: number, _depth: number, k: number, out: string[]): void {
    for (let i = 0; i < count; i++) out[i] = (prefixes[i] as string) + "b".repeat(k);
  }
  answer(prefix: string): number {
    return prefix.split("").filter((c) => c === "b").length;
  }
  status(prefix: string): number {
    return prefix.includes("a") ? 0 : STATUS_ON_TRACK;
  }
  score(prefixes: readonly string[], count: number, _depth: number, out: Float64Array): void {
    this.calls.score++;
    for (let i = 0; i < count; i++) {
      const p = prefixes[i] as string;
      out[i] = (0.5 + this.answer(p)) / (1 + p.length);
    }
  }
}

describe("the search loop over the policy and verifier interfaces", () => {
  test("beam search on a hand-made world keeps the best prefixes and finds the all-b solution", () => {
    const world = new LetterWorld(5);
    const search = new StepSearch(world, world, 4, "last", "best", true);
    const answer = search.run({ n: 4, width: 2, k: 0, expand: expandTop, maxRounds: 40, temperature: 0 });
    expect(answer).toBe(5);
    // Batched: one extend and one score call per round, never one per prefix.
    expect(world.calls).toEqual({ extend: 5, score: 5 });
    const trace = search.traceRounds ?? [];
    expect(trace).toHaveLength(5);
    // Round 1: children of the root; the two "b" children (indices 1 and 3) are kept, M = 2 children each.
    expect(Array.from(trace[0]?.parents ?? [])).toEqual([-1, -1, -1, -1]);
    expect(Array.from(trace[0]?.children ?? [])).toEqual([0, 2, 0, 2]);
    expect(trace[0]?.kept).toBe(2);
    expect(trace[0]?.keptOnTrack).toBe(2);
    expect(Array.from(trace[1]?.parents ?? [])).toEqual([1, 1, 3, 3]);
    expect(trace[4]?.kept).toBe(0);
  });

  test("with width 1 nothing is pruned: each candidate keeps its own line", () => {
    const world = new LetterWorld(3);
    const search = new StepSearch(world, world, 4, "last", "majority", false);
    search.run({ n: 4, width: 1, k: 0, expand: expandTop, maxRounds: 40, temperature: 0 });
    expect(search.candidates(4)).toEqual(["aaa", "bbb", "aaa", "bbb"]);
  });

  test("DVTS keeps the best of each subtree; lookahead scores rollouts but keeps the step", () => {
    const world = new LetterWorld(2);
    const dvts = new StepSearch(world, world, 4, "last", "weighted", false);
    dvts.run({ n: 4, width: 2, k: 0, expand: expandPerSubtree, maxRounds: 40, temperature: 0 });
    expect(dvts.candidates(4)).toEqual(["ba", "bb", "ba", "bb"]);
    // With a rollout of "b"s every candidate looks alike to the verifier in round 1: ties go to the earlier.
    const look = new StepSearch(world, world, 4, "last", "weighted", false);
    look.run({ n: 4, width: 2, k: 1, expand: expandTop, maxRounds: 40, temperature: 0 });
    expect(look.candidates(4)[0]?.length).toBe(2);
  });

  test("min and prod aggregation combine the step scores of a line", () => {
    const world = new LetterWorld(2);
    for (const [agg, expected] of [
      ["min", Math.min(1.5 / 2, 2.5 / 3)],
      ["prod", (1.5 / 2) * (2.5 / 3)],
      ["last", 2.5 / 3],
    ] as const) {
      const search = new StepSearch(world, world, 2, agg, "weighted", false);
      search.run({ n: 2, width: 1, k: 0, expand: expandTop, maxRounds: 40, temperature: 0 });
      // Candidate 1 is "bb": step scores 1.5/2 then 2.5/3.
      expect(search.keys[1]).toBeCloseTo(expected, 12);
    }
  });
});

describe("REBASE", () => {
  const run = (keys: number[], temperature: number): number[] => {
    const n = keys.length;
    const parents = new Int32Array(n);
    expandBalanced(Float64Array.from(keys), n, 1, parents, new Int32Array(n), temperature);
    return Array.from(parents);
  };

  test("shares the n children in proportion to softmax(key/τ), by largest remainder", () => {
    const keys = [0.9, 0.5, 0.1, 0.4, 0.7, 0.2, 0.3, 0.8];
    const tau = 0.2;
    const parents = run(keys, tau);
    const counts = keys.map((_, i) => parents.filter((p) => p === i).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(keys.length);
    const w = keys.map((k) => Math.exp(k / tau));
    const total = w.reduce((a, b) => a + b, 0);
    counts.forEach((c, i) => {
      const share = (keys.length * (w[i] as number)) / total;
      expect(c).toBeGreaterThanOrEqual(Math.floor(share));
      expect(c).toBeLessThanOrEqual(Math.floor(share) + 1);
    });
    // Children of one parent are adjacent and parents come in candidate order.
    expect([...parents].sort((a, b) => a - b)).toEqual(parents);
  });

  test("a tiny τ gives every child to the best prefix; equal keys give one child each", () => {
    expect(run([0.1, 0.9, 0.3, 0.5], 1e-4)).toEqual([1, 1, 1, 1]);
    expect(run([0.4, 0.4, 0.4, 0.4], 0.1)).toEqual([0, 1, 2, 3]);
  });

  test("with a huge τ it is best-of-N: same accuracy within Monte Carlo error", () => {
    const bench = makeBenchmark({ seed: 5, size: 200 });
    const trials = 8;
    const a = searchAccuracy(
      bench,
      { kind: "rebase", temperature: 1e9 },
      { budget: 16, rng: makeRng(1), trials },
    );
    const b = searchAccuracy(bench, { kind: "best-of-n" }, { budget: 16, rng: makeRng(2), trials });
    expect(Math.abs(a.accuracy - b.accuracy)).toBeLessThan(4 * Math.hypot(a.standardError, b.standardError));
  });

  test("rebaseSearch traces every round and costs n generations; bad input gets the house errors", () => {
    const r = rebaseSearch(makeQuestion(0.3), { n: 8, temperature: 0.1, rng: makeRng(3), trace: true });
    expect(r.generations).toBe(8);
    expect(r.trace).toHaveLength(8);
    expect(r.trace?.[0]?.children.reduce((x, y) => x + y, 0)).toBe(8);
    expect(() => rebaseSearch(makeQuestion(0.3), { n: 8, temperature: 0, rng: makeRng(3) })).toThrow(
      /^rebaseSearch: options\.temperature must be .*, got 0$/,
    );
    expect(() =>
      searchAccuracy(
        [makeQuestion(0.3)],
        { kind: "rebase", temperature: NaN },
        { budget: 4, rng: makeRng(1) },
      ),
    ).toThrow(/^searchAccuracy: strategy\.temperature must be .*, got NaN$/);
  });

  test("is in the registry: label, shape, cost and the experiment read it from there", () => {
    expect(SEARCH_STRATEGY_KINDS).toContain("rebase");
    expect(searchStrategyLabel({ kind: "rebase", temperature: 0.1 })).toBe("REBASE τ=0.1");
    expect(searchShape({ kind: "rebase", temperature: 0.1 }, 16)).toEqual({
      n: 16,
      beamWidth: 1,
      k: 0,
      generations: 16,
    });
    const beam = strategyCost({ kind: "beam", n: 16, beamWidth: 4 });
    const rebase = strategyCost({ kind: "rebase", n: 16 });
    expect({ ...rebase, kind: "beam" }).toEqual(beam);
    const exp = runSearchExperiment({
      benchmark: { size: 60, seed: "rebase" },
      seed: "rebase",
      budgets: [1, 2, 4, 8],
      strategies: [{ kind: "best-of-n" }, { kind: "rebase", temperature: 0.1 }],
      cache: false,
    });
    const labels = new Set(exp.evaluations.map((e) => e.strategy));
    expect(labels).toEqual(new Set(["best-of-N weighted", "REBASE τ=0.1"]));
    // REBASE at budget 1 would be best-of-1: the registry marks it not meaningful there.
    expect(exp.evaluations.filter((e) => e.strategy.startsWith("REBASE")).map((e) => e.budget)).toEqual([
      2, 4, 8,
    ]);
    for (const e of exp.evaluations) expect(strategyCost(e.spec).generations).toBe(e.budget);
  });
});

describe("the registry", () => {
  test("kinds are unique and every entry states its source", () => {
    expect(new Set(SEARCH_STRATEGY_KINDS).size).toBe(SEARCH_STRATEGY_ENTRIES.length);
    for (const e of SEARCH_STRATEGY_ENTRIES) expect(e.credit.length).toBeGreaterThan(5);
    // The paper's own pool: best-of-N, beam and lookahead; DVTS and REBASE came later.
    expect(SEARCH_STRATEGY_ENTRIES.filter((e) => e.inPaper).map((e) => e.kind)).toEqual([
      "best-of-n",
      "beam",
      "lookahead",
    ]);
  });

  test("the search functions and the registry agree on costs", () => {
    const q = makeQuestion(0.4);
    const r = bestOfNWeighted(q, { n: 8, rng: makeRng(1) });
    expect(r.generations).toBe(strategyCost({ kind: "best-of-n", n: 8 }).generations);
    expect(strategyCost({ kind: "lookahead", n: 16, beamWidth: 4, k: 3 }).generations).toBe(64);
  });
});

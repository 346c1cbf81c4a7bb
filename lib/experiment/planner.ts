/**
 * A small strategy planner: given a question's difficulty, a generation
 * budget and a latency limit, which strategy do the library's experiments
 * recommend, and why?
 *
 * The planner reads the runs of {@link runSearchExperiment} (best-of-N
 * weighted, beam search, lookahead search, DVTS against the PRM) and,
 * optionally, {@link runRevisionExperiment} (revisions at every
 * sequential:parallel split, hierarchical verifier selection), and applies
 * the compute-optimal rule of Snell et al. (2024, Sec. 3.2) to the runs that
 * fit the request:
 *
 * 1. place the question in an oracle difficulty level (a pass@1 estimate goes
 *    through {@link binOf} with the edges of the experiment's oracle pass@1
 *    estimates; or give the level directly);
 * 2. use the largest budget the experiment ran that does not exceed the
 *    request;
 * 3. keep the runs whose serial depth ({@link strategyCost}) is within the
 *    latency limit, measured in generations (1 = the time of one full
 *    solution);
 * 4. choose with {@link computeOptimal}: the recommendation is the run with
 *    the best accuracy on the whole level (ties go to the shallower run, then
 *    to the one listed first), reported with the level's two-fold
 *    cross-validated accuracy, which does not reward a lucky pick.
 *
 * By default the planner chooses only among the paper's own strategies;
 * `beyondPaper: true` adds DVTS (Hugging Face's search-and-learn, after the
 * paper) and REBASE (Wu et al.), each credited in the reason line. Pooling
 * search and revisions in one choice, and the latency limit, are this
 * library's extensions; the paper studies the two families separately and
 * does not constrain latency.
 * @packageDocumentation
 */

import { strategyCost, type StrategySpec } from "../strategies/cost";
import { entryOf } from "../strategies/registry";
import { binEdges, binOf } from "../models/difficulty";
import type { RevisionExperimentResult, SearchExperimentResult } from "./experiment";
import { computeOptimal, type BinChoice, type StrategyEvaluation } from "../models/optimal";
import { largerModelP, LARGER_MODEL_LOGIT_SHIFT } from "../models/questions";
import {
  assertArray,
  assertBoolean,
  assertFinite,
  assertInteger,
  assertNumber,
  assertObject,
  assertOptions,
  assertProbability,
  rangeError,
  typeError,
} from "../base/validate";

/** One run the planner can recommend: an experiment's evaluation with its cost. */
export interface PlanCandidate extends StrategyEvaluation {
  /** Label, e.g. "beam M=4" or "revisions 16:4" (revision splits are prefixed). */
  readonly strategy: string;
  /** Success rate of each question over the trials, in benchmark order. */
  readonly perQuestion: Float64Array;
  /** Which experiment the run comes from. */
  readonly family: "search" | "revisions";
  /** The run in {@link strategyCost}'s terms. */
  readonly spec: StrategySpec;
  /** Serial depth in generations ({@link StrategyCost.serialDepth}): the latency. */
  readonly serialDepth: number;
  /** Whether the paper ran this strategy (DVTS and REBASE came after it). */
  readonly inPaper: boolean;
  /** Who introduced it, from the strategy registry. */
  readonly credit: string;
  /**
   * Rounds of verifier calls that must wait for each other
   * ({@link StrategyCost.verifierRounds}), with the search experiment's steps per solution T.
   */
  readonly verifierRounds: number;
}

/** The experiments a plan is drawn from. */
export interface PlanExperiments {
  /** A {@link runSearchExperiment} result: its runs, oracle levels and budgets. */
  readonly search: SearchExperimentResult;
  /**
   * A {@link runRevisionExperiment} result on the same benchmark and bins
   * (its verifier-selected runs join the candidates). @defaultValue none
   */
  readonly revisions?: RevisionExperimentResult;
}

/** One situation to plan for. Give exactly one of `passAt1` and `level`. */
export interface PlanRequest {
  /** The question's pass@1 estimate, in [0, 1]; placed in a level by the experiment's oracle bin edges. */
  passAt1?: number;
  /** The question's difficulty level directly, an integer in [1, bins] (1 = easiest). */
  level?: number;
  /** Generations the question may use, an integer >= the experiment's smallest budget. */
  budget: number;
  /**
   * Latency limit: the largest serial depth allowed, in generations, a
   * number >= 1 (Infinity for none). @defaultValue Infinity
   */
  maxSerialDepth?: number;
  /** Logit shift of the larger model to compare with ({@link largerModelP}), finite. @defaultValue {@link LARGER_MODEL_LOGIT_SHIFT} */
  largerModelShift?: number;
  /**
   * Also consider strategies the paper did not run (DVTS, from Hugging Face's
   * search-and-learn; REBASE, from Wu et al.). @defaultValue false: the paper's own pool
   */
  beyondPaper?: boolean;
}

/** How much the latency limit costs on the level. */
export type LatencyCost = "none" | "within noise" | "costs accuracy";

/** How the plan compares with the larger model on the level. */
export type VersusLargerModel = "ahead" | "level" | "behind";

/** The planner's recommendation ({@link planStrategy}). */
export interface StrategyPlan {
  /** The difficulty level planned for (1 = easiest). */
  readonly level: number;
  /** Questions of the experiment on that level. */
  readonly levelSize: number;
  /** The budget requested. */
  readonly requestedBudget: number;
  /** The budget used: the largest the experiment ran that is <= the request. */
  readonly budget: number;
  /** The latency limit applied, in generations. */
  readonly maxSerialDepth: number;
  /** Whether strategies beyond the paper's were considered. */
  readonly beyondPaper: boolean;
  /** The recommended run's label. */
  readonly strategy: string;
  /** The recommended run in {@link strategyCost}'s terms. */
  readonly spec: StrategySpec;
  /** Its serial depth, in generations. */
  readonly serialDepth: number;
  /** Its accuracy on the whole level (in-sample: chosen and scored on the same questions). */
  readonly inSampleAccuracy: number;
  /** The level's two-fold cross-validated accuracy under the compute-optimal rule (honest). */
  readonly accuracy: number;
  /** Binomial standard error of `accuracy` over the level's questions, √(a(1 − a)/size). */
  readonly standardError: number;
  /** Runs at this budget within the latency limit. */
  readonly candidates: number;
  /** Runs at this budget in all. */
  readonly consideredRuns: number;
  /** The best run without the latency limit, for comparison. */
  readonly unconstrained: {
    readonly strategy: string;
    readonly serialDepth: number;
    readonly inSampleAccuracy: number;
  };
  /** "none" when the limit does not change the choice; otherwise whether the loss exceeds 2 standard errors. */
  readonly latencyCost: LatencyCost;
  /** The larger model's mean pass@1 on the level (true pass rates through {@link largerModelP}). */
  readonly largerModelAccuracy: number;
  /** "behind" when the larger model is more than 2 standard errors better, "ahead" when more than 2 worse, else "level". */
  readonly versusLargerModel: VersusLargerModel;
  /** The reasons, in one sentence-like line. */
  readonly reason: string;
}

/** A fixed-size summary of a number for the reason line. */
function f3(x: number): string {
  return x.toFixed(3);
}

function checkExperiment(
  fn: string,
  name: string,
  value: unknown,
): { evaluations: unknown[]; levels: ArrayLike<number>; budgets: readonly number[] } {
  const e = assertObject(fn, name, value);
  assertArray(fn, `${name}.evaluations`, e.evaluations);
  const oracle = assertObject(fn, `${name}.oracle`, e.oracle);
  assertArray(fn, `${name}.oracle.levels`, oracle.levels);
  assertArray(fn, `${name}.budgets`, e.budgets);
  const options = assertObject(fn, `${name}.options`, e.options);
  assertInteger(fn, `${name}.options.bins`, options.bins, 1);
  return {
    evaluations: e.evaluations as unknown[],
    levels: oracle.levels as ArrayLike<number>,
    budgets: e.budgets as readonly number[],
  };
}

function candidateFrom(
  fn: string,
  name: string,
  e: unknown,
  family: PlanCandidate["family"],
  steps: number,
): PlanCandidate {
  const run = assertObject(fn, name, e);
  const spec = assertObject(fn, `${name}.spec`, run.spec) as unknown as StrategySpec;
  const cost = strategyCost(spec, { stepsPerSolution: steps });
  const entry = family === "search" ? entryOf(spec.kind) : undefined;
  return {
    strategy: family === "revisions" ? `revisions ${run.strategy as string}` : (run.strategy as string),
    budget: run.budget as number,
    perQuestion: run.perQuestion as Float64Array,
    family,
    spec,
    serialDepth: cost.serialDepth,
    verifierRounds: cost.verifierRounds,
    inPaper: entry === undefined ? true : entry.inPaper,
    credit: entry === undefined ? "Snell et al. 2024 §6 (sequential revisions)" : entry.credit,
  };
}

/**
 * Every run the planner chooses among: the search experiment's evaluations,
 * then the revision experiment's verifier-selected ones (labelled
 * "revisions <ratio>"), each with its serial depth and verifier rounds from
 * {@link strategyCost}, with the search experiment's steps per solution T. Majority-selected revision runs
 * are left out: the verifier rule is the paper's main one.
 *
 * @param experiments - {@link PlanExperiments}
 * @returns the candidates, search runs first, in the experiments' order
 * @throws {TypeError} if an experiment is not an experiment result
 * @throws {RangeError} if the revision experiment ran on a different benchmark or bins
 * @example
 * const search = runSearchExperiment();
 * planCandidates({ search }).filter((c) => c.budget === 16).map((c) => [c.strategy, c.serialDepth]);
 */
export function planCandidates(experiments: PlanExperiments): PlanCandidate[] {
  return collect("planCandidates", experiments).candidates;
}

function collect(
  fn: string,
  experiments: unknown,
): {
  candidates: PlanCandidate[];
  levels: ArrayLike<number>;
  budgets: readonly number[];
  search: SearchExperimentResult;
} {
  const ex = assertObject(fn, "experiments", experiments);
  const search = checkExperiment(fn, "experiments.search", ex.search);
  // Costs use the search experiment's steps per solution T, so verifier rounds match the runs.
  const steps = (ex.search as { options: { steps?: unknown } }).options.steps;
  assertInteger(fn, "experiments.search.options.steps", steps, 1, 1000);
  const candidates = search.evaluations.map((e, i) =>
    candidateFrom(fn, `experiments.search.evaluations[${i}]`, e, "search", steps),
  );
  if (ex.revisions !== undefined) {
    const rev = checkExperiment(fn, "experiments.revisions", ex.revisions);
    const a = search.levels;
    const b = rev.levels;
    let same = a.length === b.length;
    for (let i = 0; same && i < a.length; i++) same = a[i] === b[i];
    if (!same) {
      rangeError(
        fn,
        "experiments.revisions",
        "a revision experiment on the same benchmark and bins as experiments.search",
        ex.revisions,
      );
    }
    rev.evaluations.forEach((e, i) => {
      if ((e as { selection?: unknown }).selection === "verifier") {
        candidates.push(candidateFrom(fn, `experiments.revisions.evaluations[${i}]`, e, "revisions", steps));
      }
    });
  }
  return {
    candidates,
    levels: search.levels,
    budgets: search.budgets,
    search: ex.search as SearchExperimentResult,
  };
}

/**
 * Recommends a strategy for one situation: a difficulty (pass@1 estimate or
 * level), a generation budget and a latency limit, following the steps in
 * the module notes. The answer carries the numbers behind it and a reason
 * line: the level's accuracy, what the latency limit costs, and how the
 * recommendation compares with a larger model (a logit shift of pass@1).
 *
 * The accuracy is a level average on the experiment's synthetic benchmark,
 * not a promise for one question. Cost: one {@link computeOptimal} over the
 * runs at one budget, O(runs × questions).
 *
 * @param request - {@link PlanRequest}
 * @param experiments - {@link PlanExperiments}
 * @returns a {@link StrategyPlan}
 * @throws {TypeError} if an argument has the wrong type, or both or neither
 *   of `passAt1` and `level` are given
 * @throws {RangeError} if `passAt1` is outside [0, 1], `level` is not an
 *   integer in [1, bins], `budget` is not an integer >= the smallest budget
 *   run, `maxSerialDepth` < 1, `largerModelShift` is not finite, no run fits
 *   the latency limit, or the experiments do not match
 * @example
 * const search = runSearchExperiment();
 * const revisions = runRevisionExperiment();
 * const plan = planStrategy({ passAt1: 0.3, budget: 64, maxSerialDepth: 4 }, { search, revisions });
 * plan.strategy;  // the run to use, e.g. "beam M=4"
 * plan.reason;    // why, in one line
 */
export function planStrategy(request: PlanRequest, experiments: PlanExperiments): StrategyPlan {
  const fn = "planStrategy";
  const r = assertOptions(fn, request, "request");
  const { candidates, levels, budgets, search } = collect(fn, experiments);
  if (levels.length === 0) rangeError(fn, "experiments.search.oracle.levels", "a non-empty array", levels);

  const top = search.options.bins;
  let level: number;
  if ((r.passAt1 === undefined) === (r.level === undefined)) {
    typeError(fn, "request", "an object with exactly one of passAt1 and level", request);
  }
  if (r.passAt1 !== undefined) {
    assertProbability(fn, "request.passAt1", r.passAt1);
    level = binOf(r.passAt1, binEdges(search.oracle.passRate, { bins: top }));
  } else {
    assertInteger(fn, "request.level", r.level, 1, top);
    level = r.level;
  }
  const smallest = budgets.length ? Math.min(...budgets) : 1;
  assertInteger(fn, "request.budget", r.budget, smallest);
  const requestedBudget = r.budget;
  const maxSerialDepth = r.maxSerialDepth ?? Infinity;
  assertNumber(fn, "request.maxSerialDepth", maxSerialDepth);
  if (!(maxSerialDepth >= 1)) rangeError(fn, "request.maxSerialDepth", "a number >= 1", maxSerialDepth);
  const shift = r.largerModelShift ?? LARGER_MODEL_LOGIT_SHIFT;
  assertFinite(fn, "request.largerModelShift", shift);
  const beyondPaper = r.beyondPaper ?? false;
  assertBoolean(fn, "request.beyondPaper", beyondPaper);

  const budget = Math.max(...budgets.filter((b) => b <= requestedBudget));
  // Shallower first, so computeOptimal's "first listed wins ties" prefers the faster run.
  const all = candidates
    .filter((c) => c.budget === budget && (beyondPaper || c.inPaper))
    .map((c, order) => ({ c, order }))
    .sort((x, y) => x.c.serialDepth - y.c.serialDepth || x.order - y.order)
    .map((x) => x.c);
  const allowed = all.filter((c) => c.serialDepth <= maxSerialDepth);
  if (allowed.length === 0) {
    const shallowest = all.length ? (all[0] as PlanCandidate).serialDepth : NaN;
    rangeError(
      fn,
      "request.maxSerialDepth",
      `at least the shallowest run's depth at budget ${budget} (${shallowest})`,
      maxSerialDepth,
    );
  }
  const levelOf = (list: PlanCandidate[]): BinChoice =>
    computeOptimal(list, levels, { folds: search.folds, seed: search.cvSeed }).curve[0]?.bins.find(
      (b) => b.bin === level,
    ) as BinChoice;
  const choice = levelOf(allowed);
  const free = levelOf(all);
  const picked = allowed.find((c) => c.strategy === choice.inSampleBest) as PlanCandidate;
  const best = all.find((c) => c.strategy === free.inSampleBest) as PlanCandidate;

  const se = (a: number) => Math.sqrt((a * (1 - a)) / choice.size);
  let latencyCost: LatencyCost = "none";
  if (free.inSampleBest !== choice.inSampleBest) {
    latencyCost =
      free.inSampleAccuracy - choice.inSampleAccuracy > 2 * se(choice.inSampleAccuracy)
        ? "costs accuracy"
        : "within noise";
  }
  let larger = 0;
  let count = 0;
  for (let i = 0; i < levels.length; i++) {
    if (levels[i] === level) {
      larger += largerModelP(search.passRate[i] as number, shift);
      count++;
    }
  }
  larger /= count;
  const standardError = se(choice.accuracy);
  const versusLargerModel: VersusLargerModel =
    larger > choice.accuracy + 2 * standardError
      ? "behind"
      : larger < choice.accuracy - 2 * standardError
        ? "ahead"
        : "level";

  const limitText = Number.isFinite(maxSerialDepth) ? `depth ≤ ${maxSerialDepth}` : "any depth";
  const pool = beyondPaper ? "runs (the paper's and later work's)" : "runs of the paper's strategies";
  const parts = [
    `best on level ${level} (${f3(choice.inSampleAccuracy)}) of ${allowed.length} ${pool} with ${limitText}`,
  ];
  if (!picked.inPaper) parts.push(`${picked.strategy} is not in the paper: ${picked.credit}`);
  if (latencyCost === "none") {
    if (Number.isFinite(maxSerialDepth)) parts.push("the latency limit does not bind");
  } else {
    parts.push(
      `without the limit ${free.inSampleBest} scores ${f3(free.inSampleAccuracy)} — ` +
        (latencyCost === "costs accuracy" ? "the limit costs accuracy" : "within noise"),
    );
  }
  if (versusLargerModel === "behind") parts.push(`the larger model would do better (${f3(larger)})`);
  else if (versusLargerModel === "level") parts.push(`no better than the larger model (${f3(larger)})`);
  else parts.push(`ahead of the larger model (${f3(larger)})`);
  if (budget < requestedBudget)
    parts.push(`budget ${requestedBudget} rounded down to the run budget ${budget}`);

  return {
    level,
    levelSize: choice.size,
    requestedBudget,
    budget,
    maxSerialDepth,
    beyondPaper,
    strategy: picked.strategy,
    spec: picked.spec,
    serialDepth: picked.serialDepth,
    inSampleAccuracy: choice.inSampleAccuracy,
    accuracy: choice.accuracy,
    standardError,
    candidates: allowed.length,
    consideredRuns: all.length,
    unconstrained: {
      strategy: best.strategy,
      serialDepth: best.serialDepth,
      inSampleAccuracy: free.inSampleAccuracy,
    },
    latencyCost,
    largerModelAccuracy: larger,
    versusLargerModel,
    reason: parts.join("; "),
  };
}

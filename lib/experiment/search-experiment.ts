/**
 * The search experiment of Snell et al. §5 on the synthetic benchmark: every registered strategy at every budget, difficulty bins, and the compute-optimal curves (see `experiment.ts` for the options, defaults and memo).
 * @packageDocumentation
 */
import { type StrategySpec } from "../strategies/cost";
import { entryOf, resolveShape, type SearchShape, type SearchStrategy } from "../strategies/registry";
import { isValidSearchBudget, searchStrategyLabel } from "../strategies/search";
import { runSearchTasks } from "./search-parallel";
import { type SearchSettings, type SearchTask, type SearchTaskContext } from "./search-tasks";
import { defaultThreads } from "./threads";
import {
  DEFAULT_PRM,
  DEFAULT_SEARCH_STEPS,
  checkIdeaShare,
  prmFoolProbability,
  type IdeaShare,
  type PrmOptions,
} from "../strategies/synthetic";
import { allIndices, meanOver, monteCarloStandardError } from "../base/stats";
import {
  assertArray,
  assertBoolean,
  assertInteger,
  assertOneOf,
  assertOptions,
  assertWork,
  rangeError,
} from "../base/validate";
import {
  DEFAULT_SEARCH_TRIALS,
  ResolvedSearchExperimentOptions,
  SEARCH_BASELINE_LABEL,
  SEARCH_EXPERIMENT_STRATEGIES,
  SearchEvaluation,
  SearchExperimentOptions,
  SearchExperimentResult,
  SearchExperimentStrategy,
  analyse,
  benchmarkDifficulty,
  checkCommon,
  makeReporter,
  memoHit,
  renamed,
  resolvedCommon,
  searchMemo,
  withDefaults,
} from "./experiment";

// =============================================================================================
// The search experiment
// =============================================================================================

/** Whether a strategy runs at a budget in the experiment: valid, and meaningful there (its registry entry says). */
function runsAt(strategy: SearchStrategy, budget: number): boolean {
  if (!isValidSearchBudget(strategy, budget)) return false;
  const shape = resolveShape("runSearchExperiment", strategy, budget);
  return shape.entry.meaningful(shape);
}

/**
 * Whether a strategy's runs at smaller budgets are prefixes of one run at the
 * largest (its registry entry says): best-of-N (the first n of N independent
 * samples are n independent samples) and DVTS with a fixed M (the first n/M
 * of its independent subtrees). search-and-learn's recipes subsample both
 * the same way.
 */
function isNested(strategy: SearchStrategy): boolean {
  return entryOf(strategy.kind).nested(strategy);
}

/** A search run at its resolved shape, in {@link strategyCost}'s terms (from the registry). */
function costSpec(strategy: SearchStrategy, shape: SearchShape): StrategySpec {
  return entryOf(strategy.kind).run(strategy, shape);
}
/** Summarises success counts into an evaluation's rate, accuracy and standard error. */
export function summarise(
  successes: Float64Array,
  trials: number,
): { perQuestion: Float64Array; accuracy: number; standardError: number } {
  const perQuestion = successes.map((s) => s / trials);
  const idx = allIndices(perQuestion.length);
  return {
    perQuestion,
    accuracy: meanOver(perQuestion, idx),
    standardError: monteCarloStandardError(perQuestion, trials, idx),
  };
}

/**
 * The search experiment of Snell et al. §5 on a synthetic benchmark: every
 * strategy at every budget, per-question success rates over `trials`
 * seeded runs, oracle and predicted difficulty bins, and the compute-optimal
 * curves with their efficiency over best-of-N weighted.
 *
 * What it does, in order:
 * 1. makes the benchmark ({@link makeBenchmark}) and estimates oracle and
 *    predicted difficulty from `difficultySamples` samples per question
 *    ({@link oracleDifficulty}: one binomial draw per question;
 *    {@link predictedDifficulty}: mean score of `difficultyVerifier`);
 * 2. runs each strategy at each budget where it is valid and not degenerate
 *    (M >= 2): beam M = √N at 4, 16, 64, 256; beam and DVTS M = 4 at 4, 8,
 *    …, 256; lookahead k = 1, M = √N at 8, 32, 128; lookahead k = 3 at 16,
 *    64, 256 (M = √N) and 16, 32, …, 256 (M = 4); best-of-N at every budget.
 *    Best-of-N and DVTS run once per question and trial at their largest
 *    budget and are scored on prefixes (exactly a run at the smaller budget;
 *    see search-and-learn); the others run through {@link searchAccuracy};
 * 3. picks the compute-optimal strategy per bin and budget by
 *    `folds`-fold cross-validation ({@link computeOptimal}), for oracle and
 *    predicted bins, and measures its efficiency over best-of-N weighted
 *    ({@link efficiencyRatio}).
 *
 * Cost: O(Q · trials · Σ budgets · T) PRM-scored steps — about two seconds
 * for the defaults on a 2-core machine — plus O(Q · difficultySamples) for
 * difficulty. Results are memoised (see the module notes): an identical call
 * returns the same object at once.
 *
 * @param options - {@link SearchExperimentOptions}
 * @returns a {@link SearchExperimentResult}
 * @throws {TypeError} if an option has the wrong type
 * @throws {RangeError} if an option is out of range, the strategies lack best-of-N or repeat a
 *   label, the benchmark has fewer than bins × folds questions, or the work exceeds 1e9
 * @example
 * const r = runSearchExperiment();
 * r.evaluations.length;                                            // 38
 * r.baseline.find((p) => p.budget === 16)?.accuracy;               // ≈ 0.63 (best-of-N weighted)
 * r.efficiency.oracle.find((row) => row.budget === 4)?.ratio;      // ≈ 3.2 (best-of-N needs ≈ 13 to match budget 4)
 * r.efficiency.oracle.find((row) => row.budget === 16)?.ratio;     // null: best-of-N never reaches it by 256
 */
export function runSearchExperiment(options?: SearchExperimentOptions): SearchExperimentResult {
  const fn = "runSearchExperiment";
  const o = assertOptions(fn, options);
  const common = checkCommon(fn, o, DEFAULT_SEARCH_TRIALS, "search-experiment");

  const steps = o.steps ?? DEFAULT_SEARCH_STEPS;
  assertInteger(fn, "options.steps", steps, 1, 1000);
  const prmRaw = o.prm ?? {};
  assertOptions(fn, prmRaw, "options.prm");
  renamed(fn, "prmFoolProbability: options.", "options.", () =>
    prmFoolProbability(0.5, { prm: prmRaw as PrmOptions, steps }),
  );
  const prm: Required<PrmOptions> = withDefaults<Required<PrmOptions>>(
    { ...DEFAULT_PRM },
    prmRaw as PrmOptions,
  );
  const aggregation = o.aggregation ?? "last";
  assertOneOf(fn, "options.aggregation", aggregation, ["last", "min", "prod"] as const);
  const ideaShareValue = checkIdeaShare(fn, "options.ideaShare", o.ideaShare);
  const ideaShare: IdeaShare = Number.isNaN(ideaShareValue) ? "uniform" : ideaShareValue;
  const ideaVisible = o.ideaVisible ?? true;
  assertBoolean(fn, "options.ideaVisible", ideaVisible);
  if (o.threads !== undefined) assertInteger(fn, "options.threads", o.threads, 0, 64);

  const strategiesRaw = o.strategies ?? SEARCH_EXPERIMENT_STRATEGIES;
  assertArray(fn, "options.strategies", strategiesRaw);
  const strategies: SearchExperimentStrategy[] = [];
  const labels = new Set<string>();
  Array.from(strategiesRaw as ArrayLike<unknown>).forEach((s, i) => {
    const label = renamed(fn, "searchStrategyLabel: strategy", `options.strategies[${i}]`, () =>
      searchStrategyLabel(s as SearchStrategy),
    );
    if (labels.has(label)) {
      rangeError(fn, `options.strategies[${i}]`, "a strategy not listed before", label);
    }
    labels.add(label);
    // A deep copy, so later changes to the caller's objects cannot touch the memo key or the result.
    const strategy = JSON.parse(JSON.stringify(s)) as SearchStrategy;
    strategies.push({ label, strategy, budgets: common.budgets.filter((b) => runsAt(strategy, b)) });
  });
  if (!labels.has(SEARCH_BASELINE_LABEL)) {
    rangeError(fn, "options.strategies", 'a list that includes { kind: "best-of-n" } (the baseline)', [
      ...labels,
    ]);
  }

  const resolved: ResolvedSearchExperimentOptions = {
    ...resolvedCommon(common),
    strategies: strategies.map((s) => s.strategy),
    prm,
    steps,
    ideaShare,
    ideaVisible,
    aggregation,
  };

  // Work: generations simulated (nested strategies run once at their largest budget).
  const Q = common.benchmark.questions.length;
  let total = 0;
  for (const s of strategies) {
    if (s.budgets.length === 0) continue;
    const sum = isNested(s.strategy)
      ? (s.budgets[s.budgets.length - 1] as number)
      : s.budgets.reduce((a, b) => a + b, 0);
    total += Q * common.trials * sum;
  }
  assertWork(fn, "questions × trials × budgets × steps", total * steps);

  const key = JSON.stringify(resolved);
  const hit = memoHit(searchMemo, key, common);
  if (hit) return hit;

  const start = Date.now();
  common.onProgress?.(0, total);
  const difficulty = benchmarkDifficulty(fn, common);
  const reporter = makeReporter(common.onProgress, total);
  const settings: SearchSettings = { prm, steps, ideaShare: ideaShareValue, ideaVisible, aggregation };
  const seed = String(common.seed);
  const context: SearchTaskContext = { benchmark: common.benchmark, trials: common.trials, settings, seed };
  const tasks: SearchTask[] = strategies.flatMap((s): SearchTask[] => {
    if (s.budgets.length === 0) return [];
    const base = { label: s.label, strategy: s.strategy };
    return isNested(s.strategy)
      ? [{ ...base, budgets: s.budgets, nested: true }]
      : s.budgets.map((b) => ({ ...base, budgets: [b], nested: false }));
  });
  const threads = o.threads ?? defaultThreads(tasks.length);
  const successesOf = runSearchTasks(tasks, context, threads, reporter.add);
  const evaluations: SearchEvaluation[] = [];
  tasks.forEach((task, i) => {
    task.budgets.forEach((budget, j) => {
      const shape = resolveShape(fn, task.strategy, budget);
      evaluations.push({
        strategy: task.label,
        budget,
        ...summarise((successesOf[i] as Float64Array[])[j] as Float64Array, common.trials),
        n: shape.n,
        beamWidth: shape.beamWidth,
        k: shape.k,
        trials: common.trials,
        spec: costSpec(task.strategy, shape),
      });
    });
  });
  reporter.finish();

  const baseline = evaluations
    .filter((e) => e.strategy === SEARCH_BASELINE_LABEL)
    .map((e) => ({ budget: e.budget, accuracy: e.accuracy, standardError: e.standardError }));
  const cvSeed = `${seed}/folds`;
  const { optimal, efficiency } = analyse(evaluations, baseline, difficulty, common.folds, cvSeed);
  const result: SearchExperimentResult = {
    options: resolved,
    benchmark: common.benchmark,
    passRate: Float64Array.from(common.benchmark.questions, (q) => q.p),
    oracle: difficulty.oracle,
    predicted: difficulty.predicted,
    budgets: common.budgets,
    folds: common.folds,
    cvSeed,
    strategies,
    evaluations,
    optimal,
    baseline,
    baselineLabel: SEARCH_BASELINE_LABEL,
    efficiency,
    generations: total,
    elapsedMs: Date.now() - start,
  };
  if (common.cache) searchMemo.set(key, result);
  return result;
}

/**
 * The whole synthetic experiment of Snell et al. (2024), end to end, as
 * reusable library code (chapters 06–09).
 *
 * Two runners repeat the paper's two studies on one seeded benchmark:
 *
 * - {@link runSearchExperiment} (the paper's §5): best-of-N weighted, beam
 *   search (M = 4 and M = √N), lookahead search (k = 1 and k = 3) and diverse
 *   verifier tree search (DVTS) against the synthetic process reward model
 *   (PRM) of `search.ts`, at generation budgets 1, 2, 4, …, 256.
 * - {@link runRevisionExperiment} (the paper's §6): revision chains at every
 *   sequential:parallel ratio of the paper's ICLR Table 1
 *   ({@link revisionRatios}), selected by the hierarchical verifier rule and
 *   by flat majority, at budgets 1, 2, 4, …, 256.
 *
 * Both estimate each question's difficulty the paper's two ways — oracle
 * (pass@1 from 2048 graded samples) and predicted (mean verifier score over
 * 2048 samples, no ground truth) — split the questions into five quantile
 * bins, and choose the compute-optimal setting per bin and budget by
 * two-fold cross-validation ({@link computeOptimal}). Both report how much
 * more budget the baseline needs to match the compute-optimal curve
 * ({@link efficiencyRatio}): best-of-N weighted for search, parallel
 * best-of-N from the revision model (the all-parallel 1:N split with
 * verifier selection) for revisions.
 *
 * {@link findingsTable} then checks each headline finding of the paper
 * (abstract, §5–§7) against the two results with a stated, numeric
 * criterion and returns "yes", "partly" or "no" with the numbers that
 * decided it.
 *
 * **Memo.** Each runner keeps its four most recent results, keyed by the
 * resolved options (everything except `onProgress`); calling it again with
 * identical options returns the *same* object at once, so notebook cells can
 * each call the runner and stay independent. Treat results as read-only;
 * pass `cache: false` to force a fresh run, or call
 * {@link clearExperimentCache}.
 *
 * **Seeds.** Every random stream is named: the benchmark comes from
 * `options.benchmark.seed`; difficulty from `"<benchmark seed>/oracle-difficulty"`
 * and `"<benchmark seed>/predicted-difficulty"` (so both runners on the same
 * benchmark share their bins); each evaluation from
 * `"<seed>/<strategy label>@<budget>"` (search) or `"<seed>/<ratio>@<budget>"`
 * (revisions); the cross-validation folds from `"<seed>/folds"`. Adding or
 * removing a strategy never changes the numbers of the others.
 * @packageDocumentation
 */
import {
  oracleDifficulty,
  predictedDifficulty,
  type OracleDifficulty,
  type PredictedDifficulty,
} from "../models/difficulty";
import {
  computeOptimal,
  efficiencyRatio,
  type ComputeOptimalResult,
  type CurvePoint,
  type EfficiencyPoint,
  type StrategyEvaluation,
} from "../models/optimal";
import { makeBenchmark, type Benchmark, type BenchmarkOptions } from "../models/questions";
import { makeRng } from "../base/random";
import { type RevisionModel, type RevisionVerifier } from "../models/revision";
import { type RevisionSelection, type RevisionSplit } from "../strategies/revisions";
import { type StrategySpec } from "../strategies/cost";
import { type SearchStrategy } from "../strategies/registry";
import { type PrmAggregation } from "../strategies/step-search";
import { DEFAULT_PRM, type IdeaShare, type PrmOptions } from "../strategies/synthetic";
import { standardErrorOfMean } from "../base/stats";
import {
  assertBoolean,
  assertFunction,
  assertInteger,
  assertNumberArray,
  assertOptions,
  assertSeed,
  assertWork,
  rangeError,
} from "../base/validate";
import { makeVerifier, type VerifierOptions } from "../models/verifier";

// =============================================================================================
// Defaults
// =============================================================================================

/** The generation budgets of both experiments: 1, 2, 4, …, 256 (the paper's range). */
export const EXPERIMENT_BUDGETS: readonly number[] = Object.freeze([1, 2, 4, 8, 16, 32, 64, 128, 256]);

/**
 * The search strategies of the paper's Fig. 3 (Sec. 5.2), plus DVTS from
 * huggingface/search-and-learn: best-of-N weighted; beam search with
 * M = √N and M = 4; lookahead search with k = 1 (M = √N) and k = 3 (M = √N
 * and M = 4); DVTS with M = 4.
 */
export const SEARCH_EXPERIMENT_STRATEGIES: readonly SearchStrategy[] = Object.freeze([
  { kind: "best-of-n" },
  { kind: "beam", beamWidth: "sqrt" },
  { kind: "beam", beamWidth: 4 },
  { kind: "lookahead", beamWidth: "sqrt", k: 1 },
  { kind: "lookahead", beamWidth: "sqrt", k: 3 },
  { kind: "lookahead", beamWidth: 4, k: 3 },
  { kind: "dvts", beamWidth: 4 },
] as SearchStrategy[]);

/**
 * Runs per question in {@link runSearchExperiment} when none is given. Six,
 * because the findings must not depend on the seed: over 10 independent seeds
 * ({@link findingsAcrossSeeds}), two trials left the verdicts on predicted
 * bins and on beam search against best-of-N flipping from seed to seed, and
 * six settles them (four did not). The price is time: about three times the
 * two-trial run (a couple of seconds on a 2-core machine, once per kernel;
 * the memo answers later calls).
 */
export const DEFAULT_SEARCH_TRIALS = 6;

/** Runs per question in {@link runRevisionExperiment} when none is given (revisions are cheaper). */
export const DEFAULT_REVISION_TRIALS = 4;

/**
 * The verifier whose mean score over a question's samples gives its
 * *predicted* difficulty (the paper averages the PRM's final-answer score).
 * Its separation, (logitCap − offTrackLogit) / noise = (2 − (−1)) / 1.5 = 2
 * from {@link DEFAULT_PRM}, is the PRM's own gap between a finished correct
 * solution and a detected wrong one (ROC AUC ≈ 0.92). A per-question offset
 * with standard deviation 0.5 (the library's example value) stands for the
 * PRM's miscalibration across questions: without it, predicted bins would
 * equal oracle bins up to sampling noise. Our choice, not the paper's.
 */
export const DEFAULT_DIFFICULTY_VERIFIER: Readonly<VerifierOptions> = Object.freeze({
  separation: (DEFAULT_PRM.logitCap - DEFAULT_PRM.offTrackLogit) / DEFAULT_PRM.noise,
  questionBiasSd: 0.5,
});

/** The budget of the paper's Fig. 7 (accuracy against the sequential:parallel ratio). */
export const DEFAULT_SWEEP_BUDGET = 128;

/** Label of the search baseline, as {@link searchStrategyLabel} writes it. */
export const SEARCH_BASELINE_LABEL = "best-of-N weighted";

// =============================================================================================
// Options and results
// =============================================================================================

/** Options shared by both runners. */
export interface ExperimentOptions {
  /**
   * The benchmark to generate ({@link makeBenchmark} options: size, Beta
   * prior, distractors, seed). @defaultValue `{}` (500 questions, p ~ Beta(0.6, 0.9), seed "benchmark")
   */
  benchmark?: BenchmarkOptions;
  /**
   * Generation budgets per question, strictly increasing integers >= 1.
   * @defaultValue {@link EXPERIMENT_BUDGETS} (1, 2, 4, …, 256)
   */
  budgets?: readonly number[];
  /**
   * Independent runs per question, an integer in [1, 1000].
   * @defaultValue {@link DEFAULT_SEARCH_TRIALS} (search) or {@link DEFAULT_REVISION_TRIALS} (revisions)
   */
  trials?: number;
  /** Seed of the simulation runs. @defaultValue "search-experiment" or "revision-experiment" */
  seed?: string | number;
  /** Samples per question for oracle and predicted difficulty, an integer in [1, 1e6]. @defaultValue 2048 (the paper's) */
  difficultySamples?: number;
  /** Number of difficulty bins, an integer in [2, 20]. @defaultValue 5 (the paper's) */
  bins?: number;
  /** Verifier for predicted difficulty ({@link makeVerifier} options). @defaultValue {@link DEFAULT_DIFFICULTY_VERIFIER} */
  difficultyVerifier?: VerifierOptions;
  /** Cross-validation folds inside each bin, an integer in [2, 10]. @defaultValue 2 (the paper's) */
  folds?: number;
  /** Reuse a memoised result for identical options. @defaultValue true */
  cache?: boolean;
  /**
   * Called with (generations simulated so far, generations in all) as the
   * run progresses, from (0, total) to (total, total); on a memo hit, once
   * with (total, total). Difficulty estimation happens before the first
   * simulated generation and is not counted.
   */
  onProgress?: (done: number, total: number) => void;
}

/** Options for {@link runSearchExperiment}. */
export interface SearchExperimentOptions extends ExperimentOptions {
  /**
   * Strategies to run; each runs at every budget where it is valid
   * ({@link isValidSearchBudget}) and not degenerate (beam width M >= 2
   * except for best-of-N). Must include best-of-N (the baseline); labels must
   * be distinct. @defaultValue {@link SEARCH_EXPERIMENT_STRATEGIES}
   */
  strategies?: readonly SearchStrategy[];
  /** PRM parameters to override. @defaultValue {@link DEFAULT_PRM} */
  prm?: PrmOptions;
  /**
   * How each question's difficulty is spread over the steps of a solution: "uniform", or the
   * share in [0, 1] carried by the first step, the idea ({@link IdeaShare}). @defaultValue "uniform"
   */
  ideaShare?: IdeaShare;
  /**
   * Whether the PRM can see a wrong idea (a mistake at the first step); false makes a wrong idea
   * score like honest work at every depth. @defaultValue true
   */
  ideaVisible?: boolean;
  /**
   * Worker threads to simulate on beside the calling thread, an integer in [0, 64] (0: none).
   * The results do not depend on it (it is not part of the memo key); threads are used only from
   * the compiled package. @defaultValue one per spare CPU core
   */
  threads?: number;
  /** Steps T per solution, an integer in [1, 1000]. @defaultValue 8 */
  steps?: number;
  /** Step-score aggregation. @defaultValue "last" (the paper's choice) */
  aggregation?: PrmAggregation;
}

/** Options for {@link runRevisionExperiment}. */
export interface RevisionExperimentOptions extends ExperimentOptions {
  /** Revision model fields to override. @defaultValue {@link DEFAULT_REVISION_MODEL} */
  model?: Partial<RevisionModel>;
  /** Verifier that scores every attempt. @defaultValue {@link DEFAULT_REVISION_VERIFIER} */
  verifier?: RevisionVerifier;
  /** Budget of the ratio sweep (the paper's Fig. 7); must be one of `budgets`. @defaultValue 128 */
  sweepBudget?: number;
}

/** The options a search result was computed with, every default filled in. */
export interface ResolvedSearchExperimentOptions {
  readonly benchmark: Readonly<Required<BenchmarkOptions>>;
  readonly budgets: readonly number[];
  readonly trials: number;
  readonly seed: string | number;
  readonly difficultySamples: number;
  readonly bins: number;
  readonly difficultyVerifier: Readonly<Required<VerifierOptions>>;
  readonly folds: number;
  readonly strategies: readonly SearchStrategy[];
  readonly prm: Readonly<Required<PrmOptions>>;
  readonly ideaShare: IdeaShare;
  readonly ideaVisible: boolean;
  readonly steps: number;
  readonly aggregation: PrmAggregation;
}

/** The options a revision result was computed with, every default filled in. */
export interface ResolvedRevisionExperimentOptions {
  readonly benchmark: Readonly<Required<BenchmarkOptions>>;
  readonly budgets: readonly number[];
  readonly trials: number;
  readonly seed: string | number;
  readonly difficultySamples: number;
  readonly bins: number;
  readonly difficultyVerifier: Readonly<Required<VerifierOptions>>;
  readonly folds: number;
  readonly model: Readonly<RevisionModel>;
  readonly verifier: Readonly<RevisionVerifier>;
  readonly sweepBudget: number;
}

/** A point of an accuracy curve with its Monte Carlo standard error. */
export interface CurvePointWithError extends CurvePoint {
  /** Monte Carlo standard error of the accuracy, for these fixed questions. */
  readonly standardError: number;
}

/** One search strategy at one budget: per-question success rates and their summary. */
export interface SearchEvaluation extends StrategyEvaluation {
  /** Success rate of each question over the trials, in benchmark order. */
  readonly perQuestion: Float64Array;
  /** Mean of `perQuestion`. */
  readonly accuracy: number;
  /**
   * Monte Carlo standard error of `accuracy` for these fixed questions:
   * √(Σ_i r_i(1 − r_i)/(R − 1)) / Q with R trials (for R = 1 the
   * conservative √(acc(1 − acc)/Q)), as in {@link searchAccuracy}.
   */
  readonly standardError: number;
  /** Beams (or samples) N at this budget. */
  readonly n: number;
  /** Beam width M (1 for best-of-N). */
  readonly beamWidth: number;
  /** Rollout length k (0 unless lookahead). */
  readonly k: number;
  /** Runs per question. */
  readonly trials: number;
  /** The run in {@link strategyCost}'s terms, for its cost, serial depth and verifier rounds. */
  readonly spec: StrategySpec;
}

/** One revision split at one budget under one selection rule. */
export interface RevisionEvaluation extends StrategyEvaluation {
  /** The split's ratio in lowest terms, e.g. "16:1" (unique within a budget). */
  readonly strategy: string;
  /** Success rate of each question over the trials, in benchmark order. */
  readonly perQuestion: Float64Array;
  /** Attempts per chain. */
  readonly sequential: number;
  /** Number of chains. */
  readonly parallel: number;
  /** Selection rule: hierarchical verifier or flat majority. */
  readonly selection: RevisionSelection;
  /** Mean of `perQuestion`. */
  readonly accuracy: number;
  /** Monte Carlo standard error of `accuracy` (same formula as {@link SearchEvaluation}). */
  readonly standardError: number;
  /** Runs per question. */
  readonly trials: number;
  /** The run in {@link strategyCost}'s terms: `{ kind: "revision", sequential, parallel }`. */
  readonly spec: StrategySpec;
}

/** A strategy of the search sweep and the budgets it ran at. */
export interface SearchExperimentStrategy {
  /** Its label ({@link searchStrategyLabel}). */
  readonly label: string;
  /** The strategy. */
  readonly strategy: SearchStrategy;
  /** Budgets it ran at, increasing. */
  readonly budgets: readonly number[];
}

/** Compute-optimal curves with oracle and with predicted difficulty bins. */
export interface OptimalCurves {
  /** Choice per oracle bin (two-fold cross-validation). */
  readonly oracle: ComputeOptimalResult;
  /** Choice per predicted bin (two-fold cross-validation). */
  readonly predicted: ComputeOptimalResult;
}

/** Efficiency of the compute-optimal curves over the baseline ({@link efficiencyRatio} rows). */
export interface EfficiencyRows {
  /** Rows for the oracle-bin curve. */
  readonly oracle: readonly EfficiencyPoint[];
  /** Rows for the predicted-bin curve. */
  readonly predicted: readonly EfficiencyPoint[];
}

/** Fields both results share. */
export interface ExperimentResultBase {
  /** The benchmark the experiment ran on. */
  readonly benchmark: Benchmark;
  /** True pass@1 p of each question (known to the simulation, not to the paper). */
  readonly passRate: Float64Array;
  /** Oracle difficulty: pass@1 estimated from `difficultySamples` graded samples, binned. */
  readonly oracle: OracleDifficulty;
  /** Predicted difficulty: mean verifier score over `difficultySamples` samples, binned. */
  readonly predicted: PredictedDifficulty;
  /** Budgets run, increasing. */
  readonly budgets: readonly number[];
  /** Cross-validation folds per bin. */
  readonly folds: number;
  /** Seed of the cross-validation split (`"<seed>/folds"`). */
  readonly cvSeed: string;
  /** Compute-optimal curves (oracle and predicted bins). */
  readonly optimal: OptimalCurves;
  /** The baseline's curve (best-of-N weighted, or parallel best-of-N from the revision model). */
  readonly baseline: readonly CurvePointWithError[];
  /** Label of the baseline. */
  readonly baselineLabel: string;
  /** Efficiency ratio rows of the compute-optimal curves over the baseline. */
  readonly efficiency: EfficiencyRows;
  /** Generations simulated (questions × trials × budget, summed over runs). */
  readonly generations: number;
  /** Wall-clock time of the run, in milliseconds (the original run's, on a memo hit). */
  readonly elapsedMs: number;
}

/** Result of {@link runSearchExperiment}. */
export interface SearchExperimentResult extends ExperimentResultBase {
  /** The options, defaults filled in. */
  readonly options: ResolvedSearchExperimentOptions;
  /** Strategies and the budgets each ran at, in the order given. */
  readonly strategies: readonly SearchExperimentStrategy[];
  /** Every (strategy, budget) evaluation, strategy-major, budgets increasing. */
  readonly evaluations: readonly SearchEvaluation[];
}

/** Accuracy at each split of the ratio sweep, for one selection rule. */
export interface RatioSweepAccuracy {
  /** Accuracy at each split, in the order of {@link RatioSweep.splits}. */
  readonly accuracy: readonly number[];
  /** Monte Carlo standard error at each split. */
  readonly standardError: readonly number[];
}

/** Accuracy against the sequential:parallel ratio at one budget (the paper's Fig. 7). */
export interface RatioSweep {
  /** The budget. */
  readonly budget: number;
  /** The splits, from all-parallel to all-sequential ({@link revisionRatios}). */
  readonly splits: readonly RevisionSplit[];
  /** Difficulty levels (oracle bins), increasing. */
  readonly levels: readonly number[];
  /** Over all questions, per selection rule. */
  readonly overall: Readonly<Record<RevisionSelection, RatioSweepAccuracy>>;
  /** Per oracle bin (index k is `levels[k]`), per selection rule. */
  readonly byBin: Readonly<Record<RevisionSelection, readonly RatioSweepAccuracy[]>>;
}

/** Curves of the two ends of the ratio range, per selection rule. */
export interface RevisionEndCurves {
  /** All-parallel (1:N): N independent first attempts (parallel best-of-N from the revision model). */
  readonly parallel: readonly CurvePointWithError[];
  /** All-sequential (N:1): one chain of N attempts. */
  readonly sequential: readonly CurvePointWithError[];
}

/** Result of {@link runRevisionExperiment}. */
export interface RevisionExperimentResult extends ExperimentResultBase {
  /** The options, defaults filled in. */
  readonly options: ResolvedRevisionExperimentOptions;
  /** Every (split, budget, selection) evaluation: budgets increasing, splits from all-parallel, verifier before majority. */
  readonly evaluations: readonly RevisionEvaluation[];
  /** Budget of the ratio sweep. */
  readonly sweepBudget: number;
  /** Accuracy against the ratio at `sweepBudget`, overall and per oracle bin. */
  readonly ratioSweep: RatioSweep;
  /** All-parallel and all-sequential curves, per selection rule. */
  readonly ends: Readonly<Record<RevisionSelection, RevisionEndCurves>>;
}

// =============================================================================================
// Small helpers (internal)
// =============================================================================================

/** `defaults` overridden by the fields of `raw` that are not undefined. */
export function withDefaults<T extends object>(defaults: T, raw: Partial<T>): T {
  const out = { ...defaults };
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined && key in defaults) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Indices of the questions whose level is `level`. */
export function indicesOf(levels: ArrayLike<number>, level: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < levels.length; i++) if (levels[i] === level) out.push(i);
  return out;
}

/**
 * Paired difference of two per-question rates over `idx`: the mean of
 * d_i = a_i − b_i and its standard error sd(d)/√n (the paired-t standard
 * error; it includes both Monte Carlo noise and question-to-question spread).
 */
export function pairedDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  idx: readonly number[],
): { difference: number; standardError: number } {
  const n = idx.length;
  if (n === 0) return { difference: 0, standardError: 0 };
  let s = 0;
  let s2 = 0;
  for (const i of idx) {
    const d = (a[i] as number) - (b[i] as number);
    s += d;
    s2 += d * d;
  }
  const m = s / n;
  return { difference: m, standardError: standardErrorOfMean(m, s2, n) };
}

// =============================================================================================
// Option checks (internal)
// =============================================================================================

/**
 * Runs a library call that validates a nested option and, if it throws the
 * house error, rewrites the message's prefix (`from`) to name this runner's
 * option path (`to`), keeping the error class.
 */
export function renamed<T>(fn: string, from: string, to: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if ((e instanceof RangeError || e instanceof TypeError) && e.message.startsWith(from)) {
      const text = `${fn}: ${to}${e.message.slice(from.length)}`;
      throw e instanceof RangeError ? new RangeError(text) : new TypeError(text);
    }
    throw e;
  }
}

export interface CommonSettings {
  benchmark: Benchmark;
  budgets: number[];
  trials: number;
  seed: string | number;
  difficultySamples: number;
  bins: number;
  difficultyVerifier: Required<VerifierOptions>;
  folds: number;
  cache: boolean;
  onProgress: ((done: number, total: number) => void) | undefined;
}

export function checkCommon(
  fn: string,
  o: Record<string, unknown>,
  defaultTrials: number,
  defaultSeed: string,
): CommonSettings {
  const benchmarkOptions = o.benchmark ?? {};
  assertOptions(fn, benchmarkOptions, "options.benchmark");
  const benchmark = renamed(fn, "makeBenchmark: options", "options.benchmark", () =>
    makeBenchmark(benchmarkOptions as BenchmarkOptions),
  );

  const budgetsRaw = o.budgets ?? EXPERIMENT_BUDGETS;
  assertNumberArray(fn, "options.budgets", budgetsRaw, "integer");
  const budgets = Array.from(budgetsRaw as ArrayLike<number>);
  budgets.forEach((b, i) => {
    assertInteger(fn, `options.budgets[${i}]`, b, 1, 4096);
    if (i > 0 && !(b > (budgets[i - 1] as number))) {
      rangeError(
        fn,
        `options.budgets[${i}]`,
        `greater than options.budgets[${i - 1}] (${budgets[i - 1]})`,
        b,
      );
    }
  });

  const trials = o.trials ?? defaultTrials;
  assertInteger(fn, "options.trials", trials, 1, 1000);
  const seed = o.seed ?? defaultSeed;
  assertSeed(fn, "options.seed", seed);
  const difficultySamples = o.difficultySamples ?? 2048;
  assertInteger(fn, "options.difficultySamples", difficultySamples, 1, 1e6);
  const bins = o.bins ?? 5;
  assertInteger(fn, "options.bins", bins, 2, 20);
  const folds = o.folds ?? 2;
  assertInteger(fn, "options.folds", folds, 2, 10);
  const size = benchmark.questions.length;
  if (size < bins * folds) {
    rangeError(
      fn,
      "options.benchmark.size",
      `at least options.bins × options.folds (${bins * folds}) so every fold of every bin has a question`,
      size,
    );
  }
  assertWork(fn, "options.benchmark.size × options.difficultySamples", size * difficultySamples);

  const dvRaw = o.difficultyVerifier ?? DEFAULT_DIFFICULTY_VERIFIER;
  const dv = renamed(fn, "makeVerifier: options", "options.difficultyVerifier", () =>
    makeVerifier(dvRaw as VerifierOptions),
  );
  const difficultyVerifier: Required<VerifierOptions> = {
    separation: dv.separation,
    questionBiasSd: dv.questionBiasSd,
    labelNoise: dv.labelNoise,
    distractorPull: dv.distractorPull,
    seed: dv.seed,
  };

  const cache = o.cache ?? true;
  assertBoolean(fn, "options.cache", cache);
  const onProgress = o.onProgress;
  if (onProgress !== undefined) assertFunction(fn, "options.onProgress", onProgress);
  return {
    benchmark,
    budgets,
    trials,
    seed,
    difficultySamples,
    bins,
    difficultyVerifier,
    folds,
    cache,
    onProgress: onProgress as ((done: number, total: number) => void) | undefined,
  };
}

/**
 * The resolved options both runners share, in the order they lead their
 * results' `options` (and so their memo keys).
 */
export function resolvedCommon(
  common: CommonSettings,
): Omit<
  ResolvedSearchExperimentOptions,
  "strategies" | "prm" | "steps" | "ideaShare" | "ideaVisible" | "aggregation"
> {
  return {
    benchmark: common.benchmark.options,
    budgets: common.budgets,
    trials: common.trials,
    seed: common.seed,
    difficultySamples: common.difficultySamples,
    bins: common.bins,
    difficultyVerifier: common.difficultyVerifier,
    folds: common.folds,
  };
}

// =============================================================================================
// Memo (internal)
// =============================================================================================

export const MEMO_SIZE = 4;

/** A small most-recently-used cache keyed by a string. */
export class Memo<T> {
  private readonly entries = new Map<string, T>();

  /**
   * A copy of the cached value: cached results are shared between notebook
   * cells, so no caller may hold the cached object itself (a cell writing
   * into `perQuestion` would silently change what later cells see).
   */
  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Refresh its position (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, value);
      return structuredClone(value);
    }
    return undefined;
  }

  /** Caches a copy of `value` (the caller keeps the original). */
  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, structuredClone(value));
    while (this.entries.size > MEMO_SIZE) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface Difficulty {
  oracle: OracleDifficulty;
  predicted: PredictedDifficulty;
}

export const difficultyMemo = new Memo<Difficulty>();
export const searchMemo = new Memo<SearchExperimentResult>();
export const revisionMemo = new Memo<RevisionExperimentResult>();

/**
 * The memoised result for `key` when caching is on, reported to
 * `onProgress` as finished; undefined when there is none.
 */
export function memoHit<T extends { readonly generations: number }>(
  memo: Memo<T>,
  key: string,
  common: CommonSettings,
): T | undefined {
  if (!common.cache) return undefined;
  const hit = memo.get(key);
  if (hit) common.onProgress?.(hit.generations, hit.generations);
  return hit;
}

/**
 * Empties the memo of {@link runSearchExperiment}, {@link runRevisionExperiment}
 * and their shared difficulty estimates, so the next calls recompute.
 *
 * @returns nothing
 * @example
 * clearExperimentCache();
 */
export function clearExperimentCache(): void {
  difficultyMemo.clear();
  searchMemo.clear();
  revisionMemo.clear();
}

/**
 * Oracle and predicted difficulty of a benchmark, seeded by the benchmark's
 * own seed so that both experiments on one benchmark share their bins.
 */
export function benchmarkDifficulty(fn: string, s: CommonSettings): Difficulty {
  const key = JSON.stringify([s.benchmark.options, s.difficultySamples, s.bins, s.difficultyVerifier]);
  const hit = s.cache ? difficultyMemo.get(key) : undefined;
  if (hit) return checkBinSizes(fn, hit, s);
  const base = String(s.benchmark.options.seed);
  const oracle = oracleDifficulty(s.benchmark, {
    rng: makeRng(`${base}/oracle-difficulty`),
    samples: s.difficultySamples,
    bins: s.bins,
  });
  const predicted = predictedDifficulty(s.benchmark, {
    verifier: makeVerifier(s.difficultyVerifier),
    rng: makeRng(`${base}/predicted-difficulty`),
    samples: s.difficultySamples,
    bins: s.bins,
  });
  const result = { oracle, predicted };
  difficultyMemo.set(key, result);
  return checkBinSizes(fn, result, s);
}

/**
 * Ties among the estimates (few samples, many questions at pass@1 0) can
 * leave a bin with fewer questions than folds, which cross-validation cannot
 * split; say so in terms of the runner's options.
 */
export function checkBinSizes(fn: string, d: Difficulty, s: CommonSettings): Difficulty {
  for (const [name, sizes] of [
    ["oracle", d.oracle.binSizes],
    ["predicted", d.predicted.binSizes],
  ] as const) {
    sizes.forEach((size, k) => {
      if (size > 0 && size < s.folds) {
        throw new RangeError(
          `${fn}: options.difficultySamples must be large enough that every ${name} difficulty level has ` +
            `at least options.folds (${s.folds}) questions (level ${k + 1} has ${size}), got ${s.difficultySamples}`,
        );
      }
    });
  }
  return d;
}

/** Compute-optimal curves, the baseline's efficiency rows, for both binnings. */
export function analyse(
  evaluations: readonly StrategyEvaluation[],
  baseline: readonly CurvePoint[],
  difficulty: Difficulty,
  folds: number,
  cvSeed: string,
): { optimal: OptimalCurves; efficiency: EfficiencyRows } {
  const oracle = computeOptimal(evaluations, difficulty.oracle.levels, { folds, seed: cvSeed });
  const predicted = computeOptimal(evaluations, difficulty.predicted.levels, { folds, seed: cvSeed });
  const points = (r: ComputeOptimalResult): CurvePoint[] =>
    r.curve.map(({ budget, accuracy }) => ({ budget, accuracy }));
  return {
    optimal: { oracle, predicted },
    efficiency: {
      oracle: efficiencyRatio(points(oracle), baseline),
      predicted: efficiencyRatio(points(predicted), baseline),
    },
  };
}

/** A progress reporter that calls back at most every `step` generations and at the end. */
export function makeReporter(
  onProgress: ((done: number, total: number) => void) | undefined,
  total: number,
): { add(n: number): void; finish(): void } {
  let done = 0;
  let last = 0;
  const step = Math.max(1, Math.floor(total / 200));
  return {
    add(n: number): void {
      done += n;
      if (onProgress && done - last >= step) {
        last = done;
        onProgress(done, total);
      }
    },
    finish(): void {
      if (onProgress && last !== total) onProgress(total, total);
    },
  };
}

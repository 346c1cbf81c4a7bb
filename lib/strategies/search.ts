/**
 * Tree search against a step-level verifier (a process reward model, PRM),
 * Snell et al. 2024 §5: the public strategies on the synthetic world.
 * Each function checks its arguments once and runs the shared search loop
 * ({@link StepSearch}, written against the {@link StepPolicy} and
 * {@link StepVerifier} interfaces) on a {@link SyntheticStepWorld}; the
 * task, the PRM and their parameters are described in `synthetic.ts`.
 *
 * **Strategies** (cost in the paper's "generations"; one generation = one
 * full solution): {@link bestOfNWeighted} (n), {@link beamSearch} (n),
 * {@link lookaheadSearch} (n·(k + 1)), {@link dvts} (n), {@link rebaseSearch}
 * (n). Each returns its answer, whether it is correct, its cost, the final
 * candidates and, optionally, a per-round trace (with every candidate's
 * score and parent, for drawing the search tree). {@link searchAccuracy} runs
 * a strategy ({@link SearchStrategy}, declared in the registry) at a
 * generation budget over a benchmark, for sweeps of strategy × budget and
 * per-question success rates (what the compute-optimal choice per
 * difficulty bin needs).
 * @packageDocumentation
 */
import { assertRng, type Rng } from "../base/random";
import { allIndices, meanOver, monteCarloStandardError } from "../base/stats";
import {
  assertBoolean,
  assertInteger,
  assertObject,
  assertOneOf,
  assertPositive,
  assertWork,
  show,
} from "../base/validate";
import { type Benchmark, checkQuestion, CORRECT, type Question, toQuestions } from "../models/questions";
import { expandBalanced } from "./rebase";
import {
  checkStrategy,
  resolveShape,
  type SearchRun,
  type SearchShape,
  type SearchStrategy,
  type SearchStrategyEntry,
} from "./registry";
import {
  expandAll,
  expandPerSubtree,
  expandTop,
  PRM_AGGREGATIONS,
  StepSearch,
  type ExpansionRule,
  type PrmAggregation,
  type SearchRound,
} from "./step-search";
import {
  checkIdeaShare,
  checkPrm,
  DEFAULT_MAX_ROUNDS,
  DEFAULT_SEARCH_STEPS,
  type IdeaShare,
  type PrmOptions,
  type ResolvedPrm,
  worldFor,
} from "./synthetic";

// =============================================================================================
// Results
// =============================================================================================

/** The final candidates of a search, in generation order. */
export interface SearchCandidates {
  /** Final answer of each candidate ({@link CORRECT} = 0, distractors 1, 2, …). */
  answers: Int32Array;
  /** Aggregated PRM score of each candidate (the weight it brings to the vote). */
  scores: Float64Array;
  /** 1 where the candidate is an off-track branch that fooled the PRM, else 0. */
  fooled: Uint8Array;
}

/** What every search strategy returns. */
export interface SearchResult {
  /** The answer chosen by best-of-N weighted over the final candidates. */
  answer: number;
  /** Whether `answer` is the correct one. */
  correct: boolean;
  /** Cost in the paper's generations: n, or n·(k + 1) for lookahead search. */
  generations: number;
  /** The final candidates and their aggregated scores. */
  candidates: SearchCandidates;
  /** Per-round record, present only when `options.trace` is true. */
  trace?: SearchRound[];
}

// =============================================================================================
// Options
// =============================================================================================

/** Options shared by every strategy. */
export interface SearchCommonOptions {
  /** Generator from `makeRng`. */
  rng: Rng;
  /** PRM parameters to override. @defaultValue {@link DEFAULT_PRM} */
  prm?: PrmOptions;
  /** Steps T in one solution, an integer in [1, 1000]. @defaultValue 8 */
  steps?: number;
  /**
   * How a question's difficulty is spread over the steps: "uniform", or the share c in [0, 1]
   * carried by the first step, the idea ({@link IdeaShare}). @defaultValue "uniform"
   */
  ideaShare?: IdeaShare;
  /**
   * Whether the PRM can see a wrong idea (a mistake at the first step). false: a wrong idea scores
   * exactly like honest work at every depth, the final step included — a PRM trained from the base
   * model's own rollouts cannot judge an idea the base model lacks. @defaultValue true
   */
  ideaVisible?: boolean;
  /** Step-score aggregation, used for selection and for the final vote. @defaultValue "last" */
  aggregation?: PrmAggregation;
  /** Record a {@link SearchRound} per round in `result.trace`. @defaultValue false */
  trace?: boolean;
}

/** Options for {@link bestOfNWeighted}. */
export interface BestOfNWeightedOptions extends SearchCommonOptions {
  /** Number of independent samples n, an integer >= 1. */
  n: number;
}

/** Options for {@link beamSearch} and {@link dvts}. */
export interface BeamSearchOptions extends SearchCommonOptions {
  /** Number of beams n (the generation budget), an integer >= 1. */
  n: number;
  /** The paper's M: children per kept prefix, an integer >= 1 that divides n. */
  beamWidth: number;
  /**
   * Rounds of expansion with selection, an integer in [1, 1000]; if the
   * solution is longer, the last round's candidates are finished by plain
   * sampling. @defaultValue 40
   */
  maxRounds?: number;
}

/** Options for {@link lookaheadSearch}. */
export interface LookaheadSearchOptions extends BeamSearchOptions {
  /** Rollout length k, an integer in [0, 1000]; k = 0 is plain beam search. */
  k: number;
}

/** Options for {@link dvts}. */
export type DvtsOptions = BeamSearchOptions;

// =============================================================================================
// Argument checks (internal)
// =============================================================================================

/** The settings every strategy reads from its options object. */
interface CommonSettings {
  rng: Rng;
  prm: ResolvedPrm;
  steps: number;
  /** The idea share c, NaN for uniform. */
  ideaShare: number;
  ideaVisible: boolean;
  aggregation: PrmAggregation;
  trace: boolean;
}

function checkCommon(fn: string, o: Record<string, unknown>): CommonSettings {
  assertRng(fn, "options.rng", o.rng);
  const prm = checkPrm(fn, "options.prm", o.prm);
  const steps = o.steps ?? DEFAULT_SEARCH_STEPS;
  assertInteger(fn, "options.steps", steps, 1, 1000);
  const ideaShare = checkIdeaShare(fn, "options.ideaShare", o.ideaShare);
  const ideaVisible = o.ideaVisible ?? true;
  assertBoolean(fn, "options.ideaVisible", ideaVisible);
  const aggregation = o.aggregation ?? "last";
  assertOneOf(fn, "options.aggregation", aggregation, PRM_AGGREGATIONS);
  const trace = o.trace ?? false;
  assertBoolean(fn, "options.trace", trace);
  return { rng: o.rng, prm, steps, ideaShare, ideaVisible, aggregation, trace };
}

/** Throws the house message for a beam width that does not divide n. */
function assertDivides(fn: string, name: string, beamWidth: number, n: number): void {
  if (n % beamWidth !== 0) {
    throw new RangeError(`${fn}: ${name} must divide n (n = ${n}), got ${show(beamWidth)}`);
  }
}

/** n and M of a beam-like search, checked. */
function checkBeam(
  fn: string,
  o: Record<string, unknown>,
): { n: number; beamWidth: number; maxRounds: number } {
  assertInteger(fn, "options.n", o.n, 1);
  assertInteger(fn, "options.beamWidth", o.beamWidth, 1);
  assertDivides(fn, "options.beamWidth", o.beamWidth, o.n);
  const maxRounds = o.maxRounds ?? DEFAULT_MAX_ROUNDS;
  assertInteger(fn, "options.maxRounds", maxRounds, 1, 1000);
  return { n: o.n, beamWidth: o.beamWidth, maxRounds };
}

/** Runs one strategy on one (validated) question and packages the result. */
function runOnce(
  question: Question,
  settings: CommonSettings,
  n: number,
  width: number,
  k: number,
  expand: ExpansionRule,
  maxRounds: number,
  temperature = 0,
): SearchResult {
  const world = worldFor(settings);
  world.setQuestion(question);
  const search = new StepSearch(world, world, n, settings.aggregation, "weighted", settings.trace);
  const answer = search.run({ n, width, k, expand, maxRounds, temperature });
  const handles = search.candidates(n);
  const result: SearchResult = {
    answer,
    correct: answer === CORRECT,
    generations: n * (k + 1),
    candidates: {
      answers: search.answers.slice(0, n),
      scores: search.keys.slice(0, n),
      fooled: Uint8Array.from(handles, (h) => (world.isFooled(h) ? 1 : 0)),
    },
  };
  if (search.traceRounds) result.trace = search.traceRounds;
  return result;
}

// =============================================================================================
// The strategies
// =============================================================================================

/**
 * Best-of-N weighted: n independent full samples, each scored by the PRM
 * after every step; the per-step scores are aggregated ("last", "min" or
 * "prod") into one score per solution, and the answer with the largest
 * summed score wins (Snell et al. §5.1; Li et al. 2023):
 *
 *     â = argmax_a Σ_i 1{a_i = a} · score_i.
 *
 * Ties go to the answer seen first. Cost: n generations; O(n·T) work.
 *
 * @param question - a `Question`
 * @param options - {@link BestOfNWeightedOptions}
 * @returns a {@link SearchResult} (generations = n)
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `n`, `steps` or a PRM field is out of range, or n·T exceeds 1e9
 * @example
 * const q = makeQuestion(0.3);
 * const r = bestOfNWeighted(q, { n: 16, rng: makeRng(1) });
 * r.generations;               // 16
 * r.candidates.answers.length; // 16
 * // With a perfect PRM the answer is correct exactly when one of the 16 samples is:
 * bestOfNWeighted(q, { n: 16, rng: makeRng(1), prm: { noise: 0, foolRate: 0, offTrackLogit: -50 } }).correct; // true
 */
export function bestOfNWeighted(question: Question, options: BestOfNWeightedOptions): SearchResult {
  const fn = "bestOfNWeighted";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  assertInteger(fn, "options.n", o.n, 1);
  assertWork(fn, "options.n × options.steps", o.n * settings.steps);
  return runOnce(question, settings, o.n, 1, 0, expandAll, settings.steps);
}

/**
 * Beam search against the PRM (Snell et al. §5.2, search-and-learn's
 * `beam_search`), with N = n beams and beam width M:
 *
 * 1. sample n first steps; 2. score every prefix with the PRM (aggregated);
 * 3. keep the top n/M; 4. give each kept prefix M next steps (n prefixes
 * again) and repeat 2–4 until the solutions end or `maxRounds` (40) rounds
 * have run; then best-of-N weighted over the n completed candidates.
 *
 * Ties in step 3 go to the earlier candidate. Cost: n generations (the
 * paper's convention — N beams cost N generations); O(T·(n + (n/M)²))
 * expected work (a quickselect of the survivors, then an insertion sort).
 * Special cases: M = 1 prunes nothing (best-of-N); M = n keeps one prefix
 * per round (greedy step-by-step search with n proposals per step).
 *
 * @param question - a `Question`
 * @param options - {@link BeamSearchOptions}
 * @returns a {@link SearchResult} (generations = n; trace has ≤ maxRounds rounds, each keeping ≤ n/M)
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is out of range, `beamWidth` does not divide n
 *   (`beamSearch: options.beamWidth must divide n (n = 16), got 5`), or n·T exceeds 1e9
 * @example
 * const r = beamSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(1), trace: true });
 * r.generations;        // 16
 * r.trace?.length;      // 8 (one round per step)
 * r.trace?.[0].kept;    // 4 (n/M)
 */
export function beamSearch(question: Question, options: BeamSearchOptions): SearchResult {
  const fn = "beamSearch";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  const { n, beamWidth, maxRounds } = checkBeam(fn, o);
  assertWork(fn, "options.n × options.steps", n * settings.steps);
  return runOnce(question, settings, n, beamWidth, 0, expandTop, maxRounds);
}

/**
 * Lookahead search (Snell et al. §5.2): beam search in which each candidate
 * step is scored by rolling it out up to k further steps at temperature 0
 * (stopping at the end of the solution) and taking the PRM's score at the
 * end of the rollout; the beam keeps the candidate step, not the rollout.
 * k = 0 is plain beam search; the paper calls this MCTS without the
 * exploration.
 *
 * "Temperature 0" in the synthetic task: greedy decoding is one fixed
 * continuation of the prefix, but nothing makes it more reliable than
 * sampling — in practice greedy pass@1 is close to sampled pass@1 — so the
 * rollout is modelled as one draw of the step process: each rollout step
 * from an on-track prefix stays on track with probability s, and may go
 * wrong (fooling the PRM with probability φ(q)) like any other step. An
 * off-track candidate stays off track, fooled or not. (We rejected "always
 * take the most likely step": it would make greedy decoding correct on
 * every question with p >= 0.5^T — a model far better than its own samples
 * — and turn the rollout into a free oracle.) A rollout that stays on track
 * lifts an honest candidate to the score of a deeper prefix, whose value is
 * higher; one that goes wrong buries it. The rollout score is also the
 * candidate's step score for the "min" and "prod" aggregations.
 *
 * Cost: n·(k + 1) generations (the paper's accounting; an upper bound,
 * since rollouts stop at the end of the solution).
 *
 * @param question - a `Question`
 * @param options - {@link LookaheadSearchOptions}
 * @returns a {@link SearchResult} (generations = n·(k + 1))
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is out of range, `beamWidth` does not divide n, or n·T exceeds 1e9
 * @example
 * const r = lookaheadSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, k: 3, rng: makeRng(1) });
 * r.generations; // 64
 */
export function lookaheadSearch(question: Question, options: LookaheadSearchOptions): SearchResult {
  const fn = "lookaheadSearch";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  const { n, beamWidth, maxRounds } = checkBeam(fn, o);
  assertInteger(fn, "options.k", o.k, 0, 1000);
  assertWork(fn, "options.n × options.steps", n * settings.steps);
  return runOnce(question, settings, n, beamWidth, o.k, expandTop, maxRounds);
}

/**
 * Diverse verifier tree search (DVTS; huggingface/search-and-learn): n/M
 * independent subtrees. Each subtree samples M first steps, keeps its single
 * best by PRM score, gives it M next steps, keeps the best again, and so on
 * until the solutions end (or `maxRounds`); each subtree's last M candidates
 * are returned, n completions in all, and best-of-N weighted picks the
 * answer. One fooled branch can take over only its own subtree, which is
 * where DVTS's diversity comes from. M = 1 is best-of-N; M = n is one
 * greedy subtree (the same as beam search with M = n).
 *
 * Cost: n generations; O(n·T) work.
 *
 * @param question - a `Question`
 * @param options - {@link DvtsOptions}
 * @returns a {@link SearchResult} (generations = n; trace keeps n/M per round, one per subtree)
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is out of range, `beamWidth` does not divide n, or n·T exceeds 1e9
 * @example
 * const r = dvts(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(1), trace: true });
 * r.generations;     // 16
 * r.trace?.[0].kept; // 4 (one per subtree)
 */
export function dvts(question: Question, options: DvtsOptions): SearchResult {
  const fn = "dvts";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  const { n, beamWidth, maxRounds } = checkBeam(fn, o);
  assertWork(fn, "options.n × options.steps", n * settings.steps);
  return runOnce(question, settings, n, beamWidth, 0, expandPerSubtree, maxRounds);
}

/** Options for {@link rebaseSearch}. */
export interface RebaseSearchOptions extends SearchCommonOptions {
  /** Candidates per round n (the generation budget), an integer >= 1. */
  n: number;
  /** Softmax temperature τ, a finite number > 0. */
  temperature: number;
  /** Rounds of expansion with selection, an integer in [1, 1000]. @defaultValue 40 */
  maxRounds?: number;
}

/**
 * REBASE, reward-balanced search (Wu et al. 2024; a later method, not in
 * Snell et al.'s pool): every round shares the n children of the next
 * round among all n candidates in proportion to softmax(score/τ), rounded
 * by largest remainder; then best-of-N weighted over the n completions.
 * Small τ is greedy (every child to the best prefix); large τ is best-of-N.
 * Cost: n generations; O(n·T) work.
 *
 * @param question - a `Question`
 * @param options - {@link RebaseSearchOptions}
 * @returns a {@link SearchResult} (generations = n)
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count or `temperature` is out of range, or n·T exceeds 1e9
 * @example
 * const r = rebaseSearch(makeQuestion(0.3), { n: 16, temperature: 0.1, rng: makeRng(1), trace: true });
 * r.generations;             // 16
 * r.trace?.[0].generated;    // 16
 */
export function rebaseSearch(question: Question, options: RebaseSearchOptions): SearchResult {
  const fn = "rebaseSearch";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  assertInteger(fn, "options.n", o.n, 1);
  assertPositive(fn, "options.temperature", o.temperature);
  const maxRounds = o.maxRounds ?? DEFAULT_MAX_ROUNDS;
  assertInteger(fn, "options.maxRounds", maxRounds, 1, 1000);
  assertWork(fn, "options.n × options.steps", o.n * settings.steps);
  return runOnce(question, settings, o.n, 1, 0, expandBalanced, maxRounds, o.temperature);
}

// =============================================================================================
// Strategies at budgets, and accuracy over a benchmark
// =============================================================================================

/**
 * A strategy at a generation budget B: how many beams N it runs, its beam
 * width M and rollout length k. Best-of-N, beam search, DVTS and REBASE run
 * N = B; lookahead search runs N = B/(k + 1), so every strategy costs
 * exactly B generations. `beamWidth: "sqrt"` means M = √N and needs N to be
 * a perfect square (B = 4, 16, 64, 256 for beam and DVTS; B = 4, 16, 64, 256
 * with k = 3 for lookahead). O(1).
 *
 * @param strategy - a {@link SearchStrategy}
 * @param budget - generations B, an integer >= 1
 * @returns the {@link SearchShape}
 * @throws {TypeError} if `strategy` is not an object or a field has the wrong type
 * @throws {RangeError} if `kind` is unknown, B is not a multiple of k + 1, M does not divide N,
 *   or "sqrt" meets an N that is not a perfect square
 * @example
 * searchShape({ kind: "beam", beamWidth: "sqrt" }, 64);            // { n: 64, beamWidth: 8, k: 0, generations: 64 }
 * searchShape({ kind: "lookahead", beamWidth: "sqrt", k: 3 }, 64); // { n: 16, beamWidth: 4, k: 3, generations: 64 }
 */
export function searchShape(strategy: SearchStrategy, budget: number): SearchShape {
  const { n, beamWidth, k, generations } = resolveShape("searchShape", strategy, budget);
  return { n, beamWidth, k, generations };
}

/**
 * Whether a strategy can run at a budget (the checks of {@link searchShape},
 * as a boolean, for sweeps that skip impossible pairs such as M = 4 at
 * B = 2). O(1).
 *
 * @param strategy - a {@link SearchStrategy}
 * @param budget - generations B
 * @returns true if `searchShape(strategy, budget)` would succeed
 * @example
 * isValidSearchBudget({ kind: "beam", beamWidth: "sqrt" }, 16); // true
 * isValidSearchBudget({ kind: "beam", beamWidth: "sqrt" }, 32); // false
 */
export function isValidSearchBudget(strategy: SearchStrategy, budget: number): boolean {
  try {
    resolveShape("isValidSearchBudget", strategy, budget);
    return true;
  } catch {
    return false;
  }
}

/**
 * A short label for a strategy, for tables and compute-optimal choices:
 * "best-of-N weighted", "beam M=√N", "beam M=4", "lookahead k=3 M=√N",
 * "DVTS M=4", "REBASE τ=0.1". Distinct strategies get distinct labels. O(1).
 *
 * @param strategy - a {@link SearchStrategy}
 * @returns the label
 * @throws {TypeError} if `strategy` is malformed
 * @throws {RangeError} if `kind` is unknown or a field is out of range
 * @example
 * searchStrategyLabel({ kind: "lookahead", beamWidth: "sqrt", k: 3 }); // "lookahead k=3 M=√N"
 */
export function searchStrategyLabel(strategy: SearchStrategy): string {
  return checkStrategy("searchStrategyLabel", "strategy", strategy).label(strategy);
}

/** Options for {@link searchAccuracy}. */
export interface SearchAccuracyOptions {
  /** Generation budget B per question, an integer >= 1 (see {@link searchShape}). */
  budget: number;
  /** Generator from `makeRng`. */
  rng: Rng;
  /** Independent runs per question, an integer >= 1. @defaultValue 4 */
  trials?: number;
  /** PRM parameters to override. @defaultValue {@link DEFAULT_PRM} */
  prm?: PrmOptions;
  /** Steps T in one solution, an integer in [1, 1000]. @defaultValue 8 */
  steps?: number;
  /** How difficulty is spread over the steps ({@link IdeaShare}). @defaultValue "uniform" */
  ideaShare?: IdeaShare;
  /** Whether the PRM can see a wrong idea (see {@link SearchCommonOptions.ideaVisible}). @defaultValue true */
  ideaVisible?: boolean;
  /** Step-score aggregation. @defaultValue "last" */
  aggregation?: PrmAggregation;
  /** Rounds of expansion with selection, an integer in [1, 1000]. @defaultValue 40 */
  maxRounds?: number;
}

/** Result of {@link searchAccuracy}. */
export interface SearchAccuracy {
  /** The strategy's label ({@link searchStrategyLabel}). */
  strategy: string;
  /** Generation budget B per question. */
  budget: number;
  /** Beams N, beam width M and rollout length k at this budget. */
  n: number;
  /** Beam width M (1 for best-of-N). */
  beamWidth: number;
  /** Rollout length k (0 unless lookahead). */
  k: number;
  /** Mean over questions of the per-question success rate. */
  accuracy: number;
  /**
   * Monte Carlo standard error of `accuracy` for these fixed questions:
   * √(Σ_i r_i(1 − r_i)/(R − 1)) / Q with R trials; for R = 1 the
   * conservative √(acc(1 − acc)/Q).
   */
  standardError: number;
  /** Success rate of each question over the trials, in question order. */
  perQuestion: Float64Array;
  /** Runs per question. */
  trials: number;
  /** Total generations spent: questions × trials × budget. */
  generations: number;
}

/**
 * Search accuracy: the fraction of questions a strategy answers correctly at
 * a generation budget, each question run `trials` times with the same PRM.
 * Also returns the per-question success rates (for accuracy by difficulty bin
 * and the compute-optimal choice per bin) and the generations spent.
 *
 * Standard error, for the fixed questions: with r_i the success rate of
 * question i over R trials, SE = √(Σ_i r_i(1 − r_i)/(R − 1)) / Q; with R = 1
 * the conservative √(acc(1 − acc)/Q).
 *
 * Cost: O(Q · trials · B · T) steps (at most 1e9), with O(N) memory reused
 * across questions. The 500-question sweep of five strategies over budgets
 * 4…256 with four trials takes a few seconds.
 *
 * @param questions - a `Benchmark` or a non-empty array of questions
 * @param strategy - a {@link SearchStrategy}
 * @param options - {@link SearchAccuracyOptions}
 * @returns a {@link SearchAccuracy}
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if the strategy cannot run at the budget (see {@link searchShape}),
 *   a parameter is out of range, or the work exceeds 1e9
 * @example
 * const bench = makeBenchmark();
 * const r = searchAccuracy(bench, { kind: "beam", beamWidth: 4 }, { budget: 16, rng: makeRng(1) });
 * r.accuracy;      // ≈ 0.68
 * r.standardError; // ≈ 0.006
 * r.generations;   // 32000 (500 questions × 4 trials × 16)
 */
export function searchAccuracy(
  questions: Benchmark | readonly Question[],
  strategy: SearchStrategy,
  options: SearchAccuracyOptions,
): SearchAccuracy {
  const fn = "searchAccuracy";
  const qs = toQuestions(fn, "questions", questions);
  const o = assertObject(fn, "options", options);
  const shape = resolveShape(fn, strategy, o.budget, "options.budget");
  const settings = checkCommon(fn, { ...o, trace: false });
  const trials = o.trials ?? 4;
  assertInteger(fn, "options.trials", trials, 1);
  const maxRounds = o.maxRounds ?? DEFAULT_MAX_ROUNDS;
  assertInteger(fn, "options.maxRounds", maxRounds, 1, 1000);
  assertWork(
    fn,
    "questions × options.trials × options.budget × options.steps",
    qs.length * trials * shape.generations * settings.steps,
  );

  const perQuestion = searchSuccessRates(qs, strategy, shape, settings, trials, maxRounds);
  const all = allIndices(qs.length);
  return {
    strategy: shape.entry.label(strategy),
    budget: shape.generations,
    n: shape.n,
    beamWidth: shape.beamWidth,
    k: shape.k,
    accuracy: meanOver(perQuestion, all),
    standardError: monteCarloStandardError(perQuestion, trials, all),
    perQuestion,
    trials,
    generations: qs.length * trials * shape.generations,
  };
}

/**
 * Success rate of each (validated) question over `trials` runs of a resolved
 * strategy: the kernel behind {@link searchAccuracy} and the experiment.
 * @internal
 */
export function searchSuccessRates(
  questions: readonly Question[],
  strategy: SearchStrategy,
  shape: SearchShape & { entry: SearchStrategyEntry<SearchStrategy, SearchRun> },
  settings: {
    rng: Rng;
    prm: ResolvedPrm;
    steps: number;
    ideaShare: number;
    ideaVisible: boolean;
    aggregation: PrmAggregation;
  },
  trials: number,
  maxRounds: number,
): Float64Array {
  const world = worldFor(settings);
  const entry = shape.entry;
  const search = new StepSearch(world, world, shape.n, settings.aggregation, entry.selection, false);
  const run = {
    n: shape.n,
    width: shape.beamWidth,
    k: shape.k,
    expand: entry.expand,
    maxRounds,
    temperature: entry.temperature(strategy),
  };
  const perQuestion = new Float64Array(questions.length);
  for (let i = 0; i < questions.length; i++) {
    world.setQuestion(questions[i] as Question);
    let successes = 0;
    for (let t = 0; t < trials; t++) if (search.run(run) === CORRECT) successes++;
    perQuestion[i] = successes / trials;
  }
  return perQuestion;
}

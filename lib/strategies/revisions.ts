/**
 * Sequential revisions as a test-time strategy (Snell et al. 2024 §6): chains
 * of revisions simulated on the per-question revision model of
 * `models/revision.ts`, the paper's selection rules (hierarchical verifier
 * and flat majority), the sequential/parallel splits of its Table 1,
 * accuracy over a benchmark at a budget, and latency.
 * @packageDocumentation
 */
import { type Benchmark, checkQuestion, CORRECT, type Question, toQuestions } from "../models/questions";
import { assertRng, type Rng } from "../base/random";
import { allIndices, argmaxFirstSeen, gcd, meanOver, monteCarloStandardError } from "../base/stats";
import {
  assertInteger,
  assertNumberArray,
  assertObject,
  assertOneOf,
  assertSameLength,
  assertWork,
  rangeError,
} from "../base/validate";
import {
  RevisionModel,
  RevisionVerifier,
  checkModel,
  checkVerifier,
  cumulativeDistractors,
} from "../models/revision";
import { probabilityScoreUnchecked } from "../models/score-model";

// ---------------------------------------------------------------------------------------------
// Selection rules (the paper's §6.2, hierarchical verifier and flat majority)
// ---------------------------------------------------------------------------------------------

/** The verifier's score map (raw score to the probability scale), shared with `verifier.ts`. */
const logistic = probabilityScoreUnchecked;

/**
 * Scratch space for selecting answers among `answerCount` possible answer
 * ids (0 = correct, 1..K = distractors). Reused across chains and trials so
 * the hot loop allocates nothing.
 */
class SelectionWorkspace {
  readonly chainWeight: Float64Array;
  readonly chainBest: Float64Array;
  readonly chainFirst: Int32Array;
  readonly acrossWeight: Float64Array;
  readonly acrossFirst: Int32Array;
  readonly poolCount: Int32Array;
  readonly poolFirst: Int32Array;

  constructor(readonly answerCount: number) {
    this.chainWeight = new Float64Array(answerCount);
    this.chainBest = new Float64Array(answerCount);
    this.chainFirst = new Int32Array(answerCount);
    this.acrossWeight = new Float64Array(answerCount);
    this.acrossFirst = new Int32Array(answerCount);
    this.poolCount = new Int32Array(answerCount);
    this.poolFirst = new Int32Array(answerCount);
  }

  /** Forget everything (start of a question trial). */
  resetAll(): void {
    this.acrossWeight.fill(0);
    this.acrossFirst.fill(-1);
    this.poolCount.fill(0);
    this.poolFirst.fill(-1);
    this.resetChain();
  }

  /** Forget the current chain (start of a chain). */
  resetChain(): void {
    this.chainWeight.fill(0);
    this.chainBest.fill(-Infinity);
    this.chainFirst.fill(-1);
  }

  /** Record attempt number `position` (pool-wide, chain-major) of the current chain. */
  add(answer: number, score: number, step: number, position: number): void {
    if (this.chainFirst[answer] === -1) this.chainFirst[answer] = step;
    this.chainWeight[answer] = (this.chainWeight[answer] as number) + logistic(score);
    if (score > (this.chainBest[answer] as number)) this.chainBest[answer] = score;
    if (this.poolFirst[answer] === -1) this.poolFirst[answer] = position;
    this.poolCount[answer] = (this.poolCount[answer] as number) + 1;
  }

  /**
   * Closes the current chain: its pick is the answer with the largest summed
   * probability-scale score (ties: first seen in the chain); the pick's score
   * is the best raw score among the chain's attempts carrying that answer.
   * The pick then votes across chains with weight logistic(pick score).
   */
  closeChain(chain: number): { answer: number; score: number } {
    const answer = argmaxFirstSeen(this.chainWeight, this.chainFirst, this.answerCount);
    const score = this.chainBest[answer] as number;
    if (this.acrossFirst[answer] === -1) this.acrossFirst[answer] = chain;
    this.acrossWeight[answer] = (this.acrossWeight[answer] as number) + logistic(score);
    return { answer, score };
  }

  /** Best-of-N weighted over the per-chain picks (ties: first chain). */
  verifierAnswer(): number {
    return argmaxFirstSeen(this.acrossWeight, this.acrossFirst, this.answerCount);
  }

  /** Plurality over every attempt of every chain (ties: first seen, chain-major). */
  majorityAnswer(): number {
    return argmaxFirstSeen(this.poolCount, this.poolFirst, this.answerCount);
  }
}

/** Result of {@link hierarchicalVerifierSelection}. */
export interface HierarchicalSelection {
  /** The selected answer. */
  answer: number;
  /** Each chain's pick (best-of-N weighted inside the chain). */
  chainPicks: Int32Array;
  /** Raw score of the highest-scoring attempt carrying each chain's pick. */
  chainPickScores: Float64Array;
}

/**
 * Hierarchical verifier selection (Snell et al. §6.2): inside each chain,
 * best-of-N weighted — sum the probability-scale scores logistic(score) of
 * the attempts carrying each answer and keep the answer with the largest
 * sum — and represent the chain by its highest-scoring attempt carrying that
 * answer; across chains, best-of-N weighted again over those representatives.
 * Ties go to the answer seen first (in the chain, then across chains).
 * Answers are integer ids (0 = correct by the library's convention, but any
 * non-negative integers work). Runs in O(n + A·chains) for n attempts and A
 * distinct answer ids.
 *
 * @param answers - answers, chain-major: `answers[c · length + k]` is attempt k + 1 of chain c; non-negative integers below 1e6
 * @param scores - raw verifier scores, same layout, finite
 * @param length - attempts per chain, an integer >= 1 that divides answers.length
 * @returns the selected answer and each chain's pick
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if arrays are empty, of different lengths, or `length` does not divide them
 * @example
 * // two chains of two: chain 0 settles on answer 0, chain 1 on answer 2
 * hierarchicalVerifierSelection([0, 0, 2, 2], [1.5, 2.0, 0.3, -0.2], 2).answer; // 0
 */
export function hierarchicalVerifierSelection(
  answers: ArrayLike<number>,
  scores: ArrayLike<number>,
  length: number,
): HierarchicalSelection {
  const fn = "hierarchicalVerifierSelection";
  assertNumberArray(fn, "answers", answers, "nonNegativeInteger");
  assertNumberArray(fn, "scores", scores, "finite");
  assertSameLength(fn, "answers", answers, "scores", scores);
  assertInteger(fn, "length", length, 1);
  if (answers.length % length !== 0) {
    rangeError(fn, "length", `a divisor of answers.length (${answers.length})`, length);
  }
  let maxAnswer = 0;
  for (let i = 0; i < answers.length; i++) maxAnswer = Math.max(maxAnswer, answers[i] as number);
  if (maxAnswer >= 1e6) rangeError(fn, "answers", "integer ids below 1e6", maxAnswer);
  const ws = new SelectionWorkspace(maxAnswer + 1);
  ws.resetAll();
  const chains = answers.length / length;
  const chainPicks = new Int32Array(chains);
  const chainPickScores = new Float64Array(chains);
  for (let c = 0; c < chains; c++) {
    ws.resetChain();
    for (let k = 0; k < length; k++) {
      const i = c * length + k;
      ws.add(answers[i] as number, scores[i] as number, k, i);
    }
    const pick = ws.closeChain(c);
    chainPicks[c] = pick.answer;
    chainPickScores[c] = pick.score;
  }
  return { answer: ws.verifierAnswer(), chainPicks, chainPickScores };
}

// ---------------------------------------------------------------------------------------------
// The simulation kernel
// ---------------------------------------------------------------------------------------------

/** Everything the kernel needs about one question, computed once. */
interface PreparedQuestion {
  p: number;
  fix: number;
  cumulative: Float64Array;
}

function prepare(fn: string, name: string, q: Question, model: RevisionModel): PreparedQuestion {
  return { p: q.p, fix: model.fixScale * q.p, cumulative: cumulativeDistractors(fn, name, q) };
}

/** A distractor id 1..K drawn from the cumulative weights. */
function drawDistractor(cumulative: Float64Array, rng: Rng): number {
  const k = cumulative.length;
  const u = rng.next() * (cumulative[k - 1] as number);
  let j = 0;
  while (j < k - 1 && u >= (cumulative[j] as number)) j++;
  return j + 1;
}

/**
 * Runs `chains` × `length` attempts on one question, feeding the selection
 * workspace; writes answers and scores when arrays are given.
 */
function runChains(
  q: PreparedQuestion,
  chains: number,
  length: number,
  model: RevisionModel,
  separation: number,
  rng: Rng,
  ws: SelectionWorkspace,
  outAnswers?: Int32Array,
  outScores?: Float64Array,
  outPicks?: Int32Array,
  outPickScores?: Float64Array,
): void {
  ws.resetAll();
  const { breakRate, stickiness } = model;
  for (let c = 0; c < chains; c++) {
    ws.resetChain();
    // First attempt: a base-model sample.
    let answer = rng.next() < q.p ? CORRECT : drawDistractor(q.cumulative, rng);
    for (let k = 0; k < length; k++) {
      if (k > 0) {
        // One revision step.
        if (answer === CORRECT) {
          if (rng.next() < breakRate) answer = drawDistractor(q.cumulative, rng);
        } else if (rng.next() < q.fix) {
          answer = CORRECT;
        } else if (rng.next() >= stickiness) {
          answer = drawDistractor(q.cumulative, rng);
        }
      }
      const score = rng.normal() + (answer === CORRECT ? separation : 0);
      const position = c * length + k;
      ws.add(answer, score, k, position);
      if (outAnswers !== undefined && outScores !== undefined) {
        outAnswers[position] = answer;
        outScores[position] = score;
      }
    }
    const pick = ws.closeChain(c);
    if (outPicks !== undefined && outPickScores !== undefined) {
      outPicks[c] = pick.answer;
      outPickScores[c] = pick.score;
    }
  }
}

/** Options for {@link simulateRevisionChains}. */
export interface RevisionChainsOptions {
  /** Number of independent chains (parallel width), an integer >= 1. */
  chains: number;
  /** Attempts per chain (sequential length), an integer >= 1; the first attempt is not a revision. */
  length: number;
  /** Generator from {@link makeRng}. */
  rng: Rng;
  /** Verifier that scores every attempt. @defaultValue {@link DEFAULT_REVISION_VERIFIER} */
  verifier?: RevisionVerifier;
  /** Revision model fields to override. @defaultValue {@link DEFAULT_REVISION_MODEL} */
  model?: Partial<RevisionModel>;
}

/** Result of {@link simulateRevisionChains}. */
export interface RevisionChainsResult {
  /** Number of chains. */
  chains: number;
  /** Attempts per chain. */
  length: number;
  /** Answers, chain-major: `answers[c · length + k]` is attempt k + 1 of chain c (0 = correct, j >= 1 = distractor j). */
  answers: Int32Array;
  /** Raw verifier scores, same layout. */
  scores: Float64Array;
  /** Each chain's pick under best-of-N weighted inside the chain. */
  chainPicks: Int32Array;
  /** Raw score of the highest-scoring attempt carrying each chain's pick. */
  chainPickScores: Float64Array;
  /** Final answer under hierarchical verifier selection. */
  verifierAnswer: number;
  /** Whether {@link RevisionChainsResult.verifierAnswer} is correct. */
  verifierCorrect: boolean;
  /** Final answer under flat majority over all attempts (ties: first seen, chain-major). */
  majorityAnswer: number;
  /** Whether {@link RevisionChainsResult.majorityAnswer} is correct. */
  majorityCorrect: boolean;
}

/**
 * Simulates revision chains on one question and applies the paper's two
 * selection rules.
 *
 * The mechanism (our modelling choice; see {@link RevisionModel}):
 * - **First attempt** of every chain: a base-model sample — correct with
 *   probability p, otherwise a distractor drawn from the question's
 *   distractor distribution.
 * - **Each revision** looks only at the current answer. A correct answer
 *   breaks with probability `breakRate` (to a fresh distractor). A wrong
 *   answer is fixed with probability fix = fixScale · p; otherwise it keeps
 *   the same wrong answer with probability `stickiness` and moves to a fresh
 *   distractor with probability 1 − stickiness.
 * - So correctness along a chain is exactly the two-state chain of
 *   {@link markovRevisionAccuracy} with the rates of {@link revisionRates}.
 * - **Verifier**: every attempt gets a score ~ Normal(separation, 1) if
 *   correct, Normal(0, 1) if wrong, independently.
 * - **Selection**: hierarchical verifier selection
 *   ({@link hierarchicalVerifierSelection}) and flat majority (plurality over
 *   all attempts of all chains, ties to the answer seen first, chain-major).
 *
 * Why it reproduces the paper's shape: revisions lift a question's pass@1
 * from p towards fixScale·p / (fixScale·p + breakRate), so long chains help;
 * but on a hard question the fix rate is small and wrong answers are sticky,
 * so one long chain is a single lottery ticket — a few independent chains
 * hedge it. Easy questions are fixed within a step or two, so all-sequential
 * loses nothing. On the default benchmark at budget 128 with verifier
 * selection, the two hardest quintiles do best with 2 chains of 64, while the
 * three easier quintiles are solved at almost every ratio, the sequential end
 * included (see {@link revisionAccuracy}).
 *
 * Cost: O(chains · length) random draws; chains · length at most 1e9.
 *
 * @param question - a {@link Question}
 * @param options - {@link RevisionChainsOptions}
 * @returns every attempt, its score, the per-chain picks and both final answers
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is not a positive integer, a probability is outside [0, 1], or the work exceeds 1e9
 * @example
 * const r = simulateRevisionChains(makeQuestion(0.3), { chains: 4, length: 8, rng: makeRng(1) });
 * r.answers.length;  // 32
 * r.verifierCorrect; // true (for this seed)
 */
export function simulateRevisionChains(
  question: Question,
  options: RevisionChainsOptions,
): RevisionChainsResult {
  const fn = "simulateRevisionChains";
  checkQuestion(fn, "question", question);
  const opts = assertObject(fn, "options", options);
  assertInteger(fn, "options.chains", opts.chains, 1);
  assertInteger(fn, "options.length", opts.length, 1);
  const chains = opts.chains as number;
  const length = opts.length as number;
  assertWork(fn, "options.chains × options.length", chains * length);
  assertRng(fn, "options.rng", opts.rng);
  const separation = checkVerifier(fn, "options.verifier", opts.verifier);
  const model = checkModel(fn, "options.model", opts.model);
  const prepared = prepare(fn, "question", question, model);
  const n = chains * length;
  const answers = new Int32Array(n);
  const scores = new Float64Array(n);
  const chainPicks = new Int32Array(chains);
  const chainPickScores = new Float64Array(chains);
  const ws = new SelectionWorkspace(question.distractors.length + 1);
  runChains(
    prepared,
    chains,
    length,
    model,
    separation,
    opts.rng,
    ws,
    answers,
    scores,
    chainPicks,
    chainPickScores,
  );
  const verifierAnswer = ws.verifierAnswer();
  const majorityAnswer = ws.majorityAnswer();
  return {
    chains,
    length,
    answers,
    scores,
    chainPicks,
    chainPickScores,
    verifierAnswer,
    verifierCorrect: verifierAnswer === CORRECT,
    majorityAnswer,
    majorityCorrect: majorityAnswer === CORRECT,
  };
}

// ---------------------------------------------------------------------------------------------
// Splitting a budget into sequential × parallel
// ---------------------------------------------------------------------------------------------

/** One way to spend a budget: `parallel` chains of `sequential` attempts each. */
export interface RevisionSplit {
  /** Attempts per chain (the chain length). */
  sequential: number;
  /** Number of chains. */
  parallel: number;
  /** The ratio sequential:parallel in lowest terms, as the paper writes it ("1:4", "16:1"). */
  label: string;
}

function makeSplit(sequential: number, parallel: number): RevisionSplit {
  const g = gcd(sequential, parallel);
  return { sequential, parallel, label: `${sequential / g}:${parallel / g}` };
}

/** ICLR Table 1: the sequential lengths searched at each budget (Snell et al. §6.2, App. M ICLR). */
const TABLE_1_SEQUENTIAL: Readonly<Record<number, readonly number[]>> = {
  1: [1],
  2: [1, 2],
  4: [1, 2, 4],
  8: [1, 2, 4, 8],
  16: [1, 2, 4, 8, 16],
  32: [1, 2, 4, 8, 16, 32],
  64: [1, 2, 4, 8, 16, 32, 64],
  128: [1, 2, 4, 8, 16, 32, 64, 128],
  256: [1, 4, 16, 64, 256],
};

/**
 * Revision ratios: the sequential:parallel splits of a budget that the paper
 * searched (ICLR Table 1) — for budgets 1, 2, 4, …, 128 every split into two
 * powers of two, for 256 only 1:256, 1:16, 1:1, 16:1, 256:1. For any other
 * budget N: every split in which one factor is a power of two
 * (sequential = 2^j or parallel = 2^j), which is all power-of-two splits when
 * N is a power of two and always includes the all-parallel and
 * all-sequential ends. Sorted from all-parallel to all-sequential.
 * Runs in O(log N).
 *
 * @param budget - total attempts N, an integer >= 1 (at most 1e9)
 * @returns the splits, each with sequential · parallel = budget
 * @throws {TypeError} if `budget` is not a number
 * @throws {RangeError} if `budget` is not an integer in [1, 1e9]
 * @example
 * revisionRatios(4).map((s) => s.label);   // ["1:4", "1:1", "4:1"]
 * revisionRatios(256).map((s) => s.label); // ["1:256", "1:16", "1:1", "16:1", "256:1"]
 * revisionRatios(12).map((s) => s.label);  // ["1:12", "1:3", "3:4", "4:3", "3:1", "12:1"]
 */
export function revisionRatios(budget: number): RevisionSplit[] {
  assertInteger("revisionRatios", "budget", budget, 1, 1e9);
  const table = TABLE_1_SEQUENTIAL[budget];
  if (table !== undefined) return table.map((s) => makeSplit(s, budget / s));
  const lengths = new Set<number>();
  for (let t = 1; t <= budget; t *= 2) {
    if (budget % t === 0) {
      lengths.add(t);
      lengths.add(budget / t);
    }
  }
  return [...lengths].sort((a, b) => a - b).map((s) => makeSplit(s, budget / s));
}

// ---------------------------------------------------------------------------------------------
// Accuracy at a budget split
// ---------------------------------------------------------------------------------------------

/** How the final answer is chosen from the chains. */
export type RevisionSelection = "verifier" | "majority";

/** Options for {@link revisionAccuracy}. */
export interface RevisionAccuracyOptions {
  /** Total attempts per question N, an integer >= 1. */
  budget: number;
  /** Attempts per chain, an integer dividing `budget`; there are budget / sequential chains. */
  sequential: number;
  /** Generator from {@link makeRng}. */
  rng: Rng;
  /** Selection rule: hierarchical verifier or flat majority. @defaultValue "verifier" */
  selection?: RevisionSelection;
  /** Verifier that scores every attempt. @defaultValue {@link DEFAULT_REVISION_VERIFIER} */
  verifier?: RevisionVerifier;
  /** Revision model fields to override. @defaultValue {@link DEFAULT_REVISION_MODEL} */
  model?: Partial<RevisionModel>;
  /** Independent repetitions per question, an integer >= 1. @defaultValue 8 */
  trials?: number;
}

/** Result of {@link revisionAccuracy}. */
export interface RevisionAccuracyResult {
  /** Mean over questions of the per-question success rate. */
  accuracy: number;
  /** Monte Carlo standard error of `accuracy` for this fixed set of questions. */
  standardError: number;
  /** Per-question success rate over the trials, in question order. */
  perQuestion: Float64Array;
  /** Total attempts per question. */
  budget: number;
  /** Attempts per chain. */
  sequential: number;
  /** Number of chains. */
  parallel: number;
  /** Selection rule used. */
  selection: RevisionSelection;
  /** Repetitions per question. */
  trials: number;
}

/**
 * Revision accuracy: the fraction of questions answered correctly when each
 * question's budget of N attempts is spent as N / sequential chains of
 * `sequential` attempts ({@link simulateRevisionChains}) and the final answer
 * is chosen by `selection`. Each question is simulated `trials` times.
 *
 * Standard error, for the fixed questions: with r_i the success rate of
 * question i over T trials, SE = √(Σ_i r_i(1 − r_i)/(T − 1)) / Q (questions
 * are independent; each term is the unbiased variance of a mean of T
 * Bernoulli draws). With T = 1 it falls back to the conservative
 * √(acc(1 − acc)/Q), an upper bound because Σ p_i(1 − p_i) <= Q·p̄(1 − p̄).
 *
 * `perQuestion` keeps the per-question rates, so accuracy by difficulty bin
 * (and compute-optimal choice with cross-validation) can be computed later.
 * Cost: O(Q · budget · trials) draws, at most 1e9.
 *
 * @param questions - a {@link Benchmark} or a non-empty array of questions
 * @param options - {@link RevisionAccuracyOptions}
 * @returns accuracy, its standard error and per-question success rates
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `sequential` does not divide `budget`, a parameter is out of range, or the work exceeds 1e9
 * @example
 * const bench = makeBenchmark();
 * const r = revisionAccuracy(bench, { budget: 128, sequential: 64, rng: makeRng(7) });
 * r.accuracy;      // ≈ 0.83 (64 attempts in each of 2 chains, verifier selection)
 * r.standardError; // ≈ 0.003
 */
export function revisionAccuracy(
  questions: Benchmark | readonly Question[],
  options: RevisionAccuracyOptions,
): RevisionAccuracyResult {
  const fn = "revisionAccuracy";
  const qs = toQuestions(fn, "questions", questions);
  const opts = assertObject(fn, "options", options);
  assertInteger(fn, "options.budget", opts.budget, 1);
  const budget = opts.budget as number;
  assertInteger(fn, "options.sequential", opts.sequential, 1);
  const sequential = opts.sequential as number;
  if (budget % sequential !== 0) {
    rangeError(fn, "options.sequential", `a divisor of options.budget (${budget})`, sequential);
  }
  const selection = opts.selection ?? "verifier";
  assertOneOf(fn, "options.selection", selection, ["verifier", "majority"] as const);
  const trials = opts.trials ?? 8;
  assertInteger(fn, "options.trials", trials, 1);
  assertWork(fn, "questions × options.budget × options.trials", qs.length * budget * (trials as number));
  assertRng(fn, "options.rng", opts.rng);
  const rng = opts.rng;
  const separation = checkVerifier(fn, "options.verifier", opts.verifier);
  const model = checkModel(fn, "options.model", opts.model);
  const parallel = budget / sequential;
  const T = trials as number;

  const prepared = qs.map((q, i) => prepare(fn, `questions[${i}]`, q, model));
  let maxDistractors = 0;
  for (const q of qs) maxDistractors = Math.max(maxDistractors, q.distractors.length);
  const ws = new SelectionWorkspace(maxDistractors + 1);
  const perQuestion = new Float64Array(qs.length);
  for (let i = 0; i < qs.length; i++) {
    const q = prepared[i] as PreparedQuestion;
    let successes = 0;
    for (let t = 0; t < T; t++) {
      runChains(q, parallel, sequential, model, separation, rng, ws);
      const answer = selection === "verifier" ? ws.verifierAnswer() : ws.majorityAnswer();
      if (answer === CORRECT) successes++;
    }
    perQuestion[i] = successes / T;
  }
  const all = allIndices(qs.length);
  return {
    accuracy: meanOver(perQuestion, all),
    standardError: monteCarloStandardError(perQuestion, T, all),
    perQuestion,
    budget,
    sequential,
    parallel,
    selection: selection as RevisionSelection,
    trials: T,
  };
}

// ---------------------------------------------------------------------------------------------
// Latency
// ---------------------------------------------------------------------------------------------

/** Result of {@link revisionLatency}. */
export interface RevisionLatency {
  /** Generations that must run one after another: the chain length. */
  serialDepth: number;
  /** Generations that can run at the same time: the number of chains. */
  concurrency: number;
  /** Total generations: serialDepth · concurrency. */
  samples: number;
}

/**
 * Revision latency: a chain of length L is L generations deep (each revision
 * waits for the previous attempt), while parallel chains run side by side.
 * So `parallel` chains of `sequential` attempts have serial depth
 * `sequential`, concurrency `parallel` and cost `sequential · parallel`
 * samples. All-parallel (sequential = 1) has depth 1, the latency of a single
 * sample. Runs in O(1).
 *
 * @param split - `{ sequential, parallel }`, integers >= 1 (for example from {@link revisionRatios})
 * @returns depth, concurrency and total samples
 * @throws {TypeError} if `split` or a field has the wrong type
 * @throws {RangeError} if a field is not an integer >= 1
 * @example
 * revisionLatency({ sequential: 16, parallel: 8 }); // { serialDepth: 16, concurrency: 8, samples: 128 }
 */
export function revisionLatency(split: { sequential: number; parallel: number }): RevisionLatency {
  const s = assertObject("revisionLatency", "split", split);
  assertInteger("revisionLatency", "split.sequential", s.sequential, 1);
  assertInteger("revisionLatency", "split.parallel", s.parallel, 1);
  const sequential = s.sequential as number;
  const parallel = s.parallel as number;
  return { serialDepth: sequential, concurrency: parallel, samples: sequential * parallel };
}

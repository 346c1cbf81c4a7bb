/**
 * Adaptive allocation of a fixed sample budget across a batch of questions.
 *
 * **An extension beyond Snell et al. (2024).** The paper allocates compute
 * per *difficulty bin* with a strategy chosen in advance; it never uses a
 * bandit, and it leaves "spend compute to estimate difficulty vs spend it
 * solving" to future work. This module follows the idea of Zuo & Zhu
 * (2025, arXiv 2506.12721): treat the batch as a pure-exploration bandit —
 * sample, check each sample with an oracle (or a perfect verifier), stop
 * spending on a question as soon as it is solved, and give the freed budget
 * to the questions still open.
 *
 * Everything here counts a question as solved when *any* of its samples is
 * correct (coverage with an oracle check). Three policies:
 * - **uniform**: every question gets budget / Q samples (remainder to the
 *   first questions); exact accuracy mean_i [1 − (1 − p_i)^{n_i}].
 * - **stop-when-solved**: round-robin over the unsolved questions until the
 *   budget is gone. Under the same random outcomes it solves every question
 *   uniform solves (each open question gets at least its uniform share), so
 *   it is never worse in expectation.
 * - **ucb**: sample the open question with the highest optimistic estimate
 *   of "the next sample solves it", from a Beta posterior. With an oracle, a
 *   failed sample says nothing about one question that it does not say about
 *   any other, so without per-question prior knowledge this index depends on
 *   the sample count alone and UCB makes exactly the round-robin choices. It
 *   pulls ahead once it is given difficulty estimates (`priorMeans`), which
 *   let it favour questions that look solvable and drop ones that look
 *   hopeless.
 *
 * Simulation trick: a question's samples matter only up to its first correct
 * one, so each trial draws, per question, the index G_i ~ Geometric(p_i) of
 * its first correct sample; a policy solves question i iff it gives it at
 * least G_i samples. All policies fed the same seed see the same G_i
 * (common random numbers), which makes comparisons sharp.
 * @packageDocumentation
 */
import { type Benchmark, checkBenchmark, checkQuestion, type Question } from "./questions";
import { assertRng, type Rng } from "../base/random";
import {
  assertBoolean,
  assertFinite,
  assertInteger,
  assertNonNegative,
  assertNumberArray,
  assertObject,
  assertOneOf,
  assertPositive,
  assertSameLength,
  assertWork,
  rangeError,
  typeError,
} from "../base/validate";

/** Questions to allocate over: a benchmark, an array of questions, or their pass@1 values. */
export type AllocationInput = Benchmark | readonly Question[] | ArrayLike<number>;

const INPUT_RULE = "a benchmark, a non-empty array of questions, or a non-empty array of probabilities";

/** Per-question pass@1 values from any {@link AllocationInput}, validated. */
function toPassRates(fn: string, name: string, input: unknown): Float64Array {
  if (Array.isArray(input) || (ArrayBuffer.isView(input) && !(input instanceof DataView))) {
    const arr = input as ArrayLike<unknown>;
    if (arr.length === 0) rangeError(fn, name, INPUT_RULE, input);
    if (typeof arr[0] === "number") {
      assertNumberArray(fn, name, arr, "probability");
      return Float64Array.from(arr as ArrayLike<number>);
    }
    const out = new Float64Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      checkQuestion(fn, `${name}[${i}]`, arr[i]);
      out[i] = (arr[i] as Question).p;
    }
    return out;
  }
  if (typeof input !== "object" || input === null || !("questions" in input))
    typeError(fn, name, INPUT_RULE, input);
  checkBenchmark(fn, name, input);
  return Float64Array.from((input as Benchmark).questions, (q) => q.p);
}

/** Uniform split: floor(B/Q) each, one extra for the first B mod Q questions. */
function uniformSplit(questions: number, budget: number): Float64Array {
  const base = Math.floor(budget / questions);
  const extra = budget - base * questions;
  const out = new Float64Array(questions);
  for (let i = 0; i < questions; i++) out[i] = base + (i < extra ? 1 : 0);
  return out;
}

/** P(at least one of n samples is correct) = 1 − (1 − p)^n, without cancellation. */
function coverageUnchecked(p: number, n: number): number {
  if (n === 0) return 0;
  if (p >= 1) return 1;
  return -Math.expm1(n * Math.log1p(-p));
}

/** Result of {@link uniformAllocationExact}. */
export interface UniformAllocationExact {
  /** Expected fraction of questions solved: mean_i [1 − (1 − p_i)^{n_i}]. */
  accuracy: number;
  /** Samples given to each question, n_i (integers). */
  samples: Float64Array;
  /** Probability that each question is solved, 1 − (1 − p_i)^{n_i}. */
  solvedProbability: Float64Array;
  /**
   * Expected samples each question actually uses if sampling stops at the
   * first correct one: E[min(G_i, n_i)] = (1 − (1 − p_i)^{n_i}) / p_i (n_i when p_i = 0).
   */
  expectedSamplesWithStopping: Float64Array;
  /** Sum of `expectedSamplesWithStopping`: the budget a stopping rule leaves unspent is budget minus this. */
  expectedTotalWithStopping: number;
}

/**
 * Uniform allocation, exact: split `budget` samples evenly over the questions
 * (floor(budget/Q) each, one more for the first budget mod Q) and count a
 * question solved when any of its samples is correct. The expected accuracy
 * has the closed form
 *
 *     accuracy = (1/Q) Σ_i [1 − (1 − p_i)^{n_i}],
 *
 * evaluated as −expm1(n·log1p(−p)) so tiny p keeps its digits. Also returns
 * how many samples each question would use if it stopped at its first
 * correct sample: E[min(G, n)] = Σ_{k<n} (1 − p)^k = (1 − (1 − p)^n)/p.
 * Runs in O(Q).
 *
 * @param questions - a {@link Benchmark}, an array of questions, or an array of pass@1 values in [0, 1]
 * @param budget - total samples B, a safe integer >= 1
 * @returns expected accuracy, the split and per-question probabilities
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `budget` is not an integer >= 1 or a probability is outside [0, 1]
 * @example
 * uniformAllocationExact([0.5, 0.1], 4).accuracy; // (0.75 + 0.19) / 2 = 0.47
 */
export function uniformAllocationExact(questions: AllocationInput, budget: number): UniformAllocationExact {
  const fn = "uniformAllocationExact";
  const ps = toPassRates(fn, "questions", questions);
  assertInteger(fn, "budget", budget, 1);
  const samples = uniformSplit(ps.length, budget);
  const solvedProbability = new Float64Array(ps.length);
  const expectedSamplesWithStopping = new Float64Array(ps.length);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] as number;
    const n = samples[i] as number;
    const c = coverageUnchecked(p, n);
    solvedProbability[i] = c;
    const used = p === 0 ? n : c / p;
    expectedSamplesWithStopping[i] = used;
    sum += c;
    total += used;
  }
  return {
    accuracy: sum / ps.length,
    samples,
    solvedProbability,
    expectedSamplesWithStopping,
    expectedTotalWithStopping: total,
  };
}

/** Result of a simulated allocation ({@link uniformAllocation}, {@link adaptiveAllocation}). */
export interface AllocationResult {
  /** Policy simulated. */
  policy: "uniform" | "stop-when-solved" | "ucb";
  /** Total samples available per trial. */
  budget: number;
  /** Independent repetitions of the whole batch. */
  trials: number;
  /** Mean fraction of questions solved. */
  accuracy: number;
  /** Monte Carlo standard error of `accuracy` (sample sd of per-trial accuracy / √trials). */
  standardError: number;
  /** Per question: fraction of trials in which it was solved. */
  solvedRate: Float64Array;
  /** Per question: mean number of samples it received. */
  samplesPerQuestion: Float64Array;
  /** Mean total samples spent per trial (at most `budget`). */
  samplesUsed: number;
  /** Exact expected accuracy of uniform allocation with the same budget ({@link uniformAllocationExact}). */
  uniformAccuracy: number;
  /** accuracy − uniformAccuracy; its standard error is `standardError` (the uniform value is exact). */
  gainOverUniform: number;
}

// Module-level aliases for the hot loops: inside jest's vm sandbox every lookup of a global
// such as `Math` is ~15× slower than a local one.
const { floor, log, log1p, sqrt } = Math;

/** First-success index G ~ Geometric(p) on {1, 2, …}; Infinity when p = 0. */
function drawFirstSuccess(p: number, rng: Rng): number {
  if (p >= 1) return 1;
  if (p <= 0) return Infinity;
  const u = 1 - rng.next(); // in (0, 1]
  return 1 + floor(log(u) / log1p(-p));
}

/** Accumulates per-trial outcomes into an {@link AllocationResult}. */
class Tally {
  readonly solved: Float64Array;
  readonly samples: Float64Array;
  private accSum = 0;
  private accSumSq = 0;
  private usedSum = 0;
  private trialsSeen = 0;

  constructor(readonly questions: number) {
    this.solved = new Float64Array(questions);
    this.samples = new Float64Array(questions);
  }

  /** Records one trial: which questions were solved and how many samples each got. */
  record(solved: Uint8Array, counts: ArrayLike<number>): void {
    let s = 0;
    let used = 0;
    for (let i = 0; i < this.questions; i++) {
      s += solved[i] as number;
      this.solved[i] = (this.solved[i] as number) + (solved[i] as number);
      this.samples[i] = (this.samples[i] as number) + (counts[i] as number);
      used += counts[i] as number;
    }
    const acc = s / this.questions;
    this.accSum += acc;
    this.accSumSq += acc * acc;
    this.usedSum += used;
    this.trialsSeen++;
  }

  finish(policy: AllocationResult["policy"], budget: number, uniformAccuracy: number): AllocationResult {
    const T = this.trialsSeen;
    const accuracy = this.accSum / T;
    const variance = Math.max(0, (this.accSumSq - T * accuracy * accuracy) / (T - 1));
    for (let i = 0; i < this.questions; i++) {
      this.solved[i] = (this.solved[i] as number) / T;
      this.samples[i] = (this.samples[i] as number) / T;
    }
    return {
      policy,
      budget,
      trials: T,
      accuracy,
      standardError: Math.sqrt(variance / T),
      solvedRate: this.solved,
      samplesPerQuestion: this.samples,
      samplesUsed: this.usedSum / T,
      uniformAccuracy,
      gainOverUniform: accuracy - uniformAccuracy,
    };
  }
}

function checkTrials(fn: string, value: unknown): number {
  const trials = value ?? 100;
  assertInteger(fn, "options.trials", trials, 2);
  return trials as number;
}

/** Options for {@link uniformAllocation}. */
export interface UniformAllocationOptions {
  /** Generator from {@link makeRng}. */
  rng: Rng;
  /** Independent repetitions of the batch, an integer >= 2 (a standard error needs two). @defaultValue 100 */
  trials?: number;
  /**
   * Stop sampling a question at its first correct sample (the unspent samples
   * are simply not used). Changes `samplesUsed`, not accuracy. @defaultValue false
   */
  stopWhenSolved?: boolean;
}

/**
 * Uniform allocation, simulated: the split of {@link uniformAllocationExact}
 * run `trials` times. Question i is solved iff its first correct sample
 * comes within its n_i samples. With `stopWhenSolved` each question stops at
 * its first correct sample, which saves samples without changing accuracy.
 * The result's `uniformAccuracy` is the exact value, so `gainOverUniform`
 * should be within a few standard errors of 0.
 * Cost: O(Q · trials) (one geometric draw per question per trial), at most 1e9.
 *
 * @param questions - a {@link Benchmark}, an array of questions, or an array of pass@1 values in [0, 1]
 * @param budget - total samples B per trial, a safe integer >= 1
 * @param options - {@link UniformAllocationOptions}
 * @returns accuracy with its standard error and per-question statistics
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of range or the work exceeds 1e9
 * @example
 * const r = uniformAllocation([0.5, 0.1], 4, { rng: makeRng(1), trials: 10000 });
 * r.accuracy;         // ≈ 0.47 (exact: 0.47)
 * r.uniformAccuracy;  // 0.47
 */
export function uniformAllocation(
  questions: AllocationInput,
  budget: number,
  options: UniformAllocationOptions,
): AllocationResult {
  const fn = "uniformAllocation";
  const ps = toPassRates(fn, "questions", questions);
  assertInteger(fn, "budget", budget, 1);
  const opts = assertObject(fn, "options", options);
  assertRng(fn, "options.rng", opts.rng);
  const trials = checkTrials(fn, opts.trials);
  const stop = opts.stopWhenSolved ?? false;
  assertBoolean(fn, "options.stopWhenSolved", stop);
  assertWork(fn, "questions × options.trials", ps.length * trials);
  const rng = opts.rng;
  const Q = ps.length;
  const split = uniformSplit(Q, budget);
  const exact = uniformAllocationExact(ps, budget).accuracy;
  const tally = new Tally(Q);
  const solved = new Uint8Array(Q);
  const counts = new Float64Array(Q);
  for (let t = 0; t < trials; t++) {
    for (let i = 0; i < Q; i++) {
      const g = drawFirstSuccess(ps[i] as number, rng);
      const n = split[i] as number;
      solved[i] = g <= n ? 1 : 0;
      counts[i] = stop ? Math.min(g, n) : n;
    }
    tally.record(solved, counts);
  }
  return tally.finish("uniform", budget, exact);
}

/** Adaptive policies of {@link adaptiveAllocation}. */
export type AdaptivePolicy = "stop-when-solved" | "ucb";

/** Options for {@link adaptiveAllocation}. */
export interface AdaptiveAllocationOptions {
  /** Generator from {@link makeRng}. */
  rng: Rng;
  /** Allocation policy. @defaultValue "stop-when-solved" */
  policy?: AdaptivePolicy;
  /** Independent repetitions of the batch, an integer >= 2. @defaultValue 100 */
  trials?: number;
  /**
   * "ucb" only: a prior guess of each question's pass@1, each in (0, 1) —
   * for example a predicted difficulty. Without it every question gets the
   * same prior (mean 1/2) and "ucb" makes the round-robin choices.
   * @defaultValue undefined (prior mean 1/2 for every question)
   */
  priorMeans?: ArrayLike<number>;
  /**
   * "ucb" only: how many samples' worth of evidence the prior is worth (the
   * Beta prior is Beta(s·m, s·(1 − m)) for prior mean m). Finite, > 0.
   * @defaultValue 2
   */
  priorStrength?: number;
  /**
   * "ucb" only: how many posterior standard deviations of optimism to add to
   * the posterior mean. Finite, >= 0; 0 is the greedy Bayes choice.
   * @defaultValue 1
   */
  optimism?: number;
}

/**
 * Max-heap of question indices keyed by a score; ties go to the smaller
 * question index (so equal scores are served in round-robin order).
 */
class IndexHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  private before(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka > kb || (ka === kb && (this.items[a] as number) < (this.items[b] as number));
  }

  private swap(a: number, b: number): void {
    const item = this.items[a] as number;
    const key = this.keys[a] as number;
    this.items[a] = this.items[b] as number;
    this.keys[a] = this.keys[b] as number;
    this.items[b] = item;
    this.keys[b] = key;
  }

  push(item: number, key: number): void {
    let i = this.size++;
    this.items[i] = item;
    this.keys[i] = key;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.items[0] as number;
    this.size--;
    if (this.size > 0) {
      this.items[0] = this.items[this.size] as number;
      this.keys[0] = this.keys[this.size] as number;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < this.size && this.before(l, best)) best = l;
        if (r < this.size && this.before(r, best)) best = r;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return top;
  }
}

/**
 * The "ucb" index of an unsolved question after `n` failed samples: the
 * posterior of its pass@1 is Beta(a, b + n) (prior Beta(a, b), n failures),
 * and the index is posterior mean + optimism · posterior sd — an optimistic
 * estimate of the chance that the next sample solves it.
 */
function ucbIndex(a: number, b: number, n: number, optimism: number): number {
  const total = a + b + n;
  const mean = a / total;
  return mean + optimism * sqrt((mean * (1 - mean)) / (total + 1));
}

/**
 * Adaptive allocation: spend `budget` samples over a batch of questions,
 * checking each sample with an oracle and never sampling a solved question
 * again. Policies:
 *
 * - **"stop-when-solved"**: round-robin — in every round each unsolved
 *   question gets one sample, in question order — until the budget runs out
 *   or everything is solved. Budget freed by solved questions goes to the
 *   open ones. Under the same G_i (first correct sample) every question that
 *   uniform allocation solves is solved here too, so its accuracy is never
 *   below uniform's in expectation.
 * - **"ucb"**: each sample goes to the unsolved question with the largest
 *   optimistic next-sample success probability, from a Beta posterior that
 *   starts at Beta(s·m_i, s·(1 − m_i)) and adds one failure per failed sample:
 *
 *       index_i = μ_i + z·√(μ_i(1 − μ_i)/(s + n_i + 1)),   μ_i = s·m_i / (s + n_i),
 *
 *   with s = `priorStrength`, m_i = `priorMeans[i]`, z = `optimism`, n_i =
 *   samples so far. This plays the role of UCB1's mean_i + √(2 ln t / n_i):
 *   an estimate plus a bonus that shrinks like 1/√n_i. Because the budget is
 *   fixed and there is no regret to balance, the bonus uses no global ln t,
 *   so each index depends only on its own question and a heap finds the
 *   largest in O(log Q). A question that keeps failing, or that the prior
 *   thinks is hard, sinks — it looks unsolvable — and a solved one leaves.
 *   With equal prior means the index falls with n_i alone, and "ucb" makes
 *   the same choices as round-robin: failures carry no question-specific
 *   information under an oracle check.
 *
 * Cost: O(trials · (Q + budget · log Q)); budget · trials at most 1e9.
 *
 * @param questions - a {@link Benchmark}, an array of questions, or an array of pass@1 values in [0, 1]
 * @param budget - total samples B per trial, an integer >= 1
 * @param options - {@link AdaptiveAllocationOptions}
 * @returns accuracy with its standard error, per-question statistics and the comparison with uniform
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if an argument is out of range, `priorMeans` has the wrong length, or the work exceeds 1e9
 * @example
 * const bench = makeBenchmark();
 * const r = adaptiveAllocation(bench, 2000, { rng: makeRng(3) }); // 4 samples per question on average
 * r.uniformAccuracy;  // ≈ 0.657 (exact)
 * r.accuracy;         // ≈ 0.775: solved questions free their samples for the open ones
 */
export function adaptiveAllocation(
  questions: AllocationInput,
  budget: number,
  options: AdaptiveAllocationOptions,
): AllocationResult {
  const fn = "adaptiveAllocation";
  const ps = toPassRates(fn, "questions", questions);
  assertInteger(fn, "budget", budget, 1);
  const opts = assertObject(fn, "options", options);
  assertRng(fn, "options.rng", opts.rng);
  const policy = opts.policy ?? "stop-when-solved";
  assertOneOf(fn, "options.policy", policy, ["stop-when-solved", "ucb"] as const);
  const trials = checkTrials(fn, opts.trials);
  const Q = ps.length;
  const priorStrength = opts.priorStrength ?? 2;
  assertPositive(fn, "options.priorStrength", priorStrength);
  const optimism = opts.optimism ?? 1;
  assertNonNegative(fn, "options.optimism", optimism);
  const priorA = new Float64Array(Q);
  const priorB = new Float64Array(Q);
  if (opts.priorMeans !== undefined) {
    assertNumberArray(fn, "options.priorMeans", opts.priorMeans, "finite");
    assertSameLength(fn, "questions", ps, "options.priorMeans", opts.priorMeans);
    const means = opts.priorMeans;
    for (let i = 0; i < Q; i++) {
      const m = means[i] as number;
      assertFinite(fn, `options.priorMeans[${i}]`, m);
      if (!(m > 0 && m < 1)) rangeError(fn, `options.priorMeans[${i}]`, "a probability in (0, 1)", m);
      priorA[i] = (priorStrength as number) * m;
      priorB[i] = (priorStrength as number) * (1 - m);
    }
  } else {
    priorA.fill((priorStrength as number) / 2);
    priorB.fill((priorStrength as number) / 2);
  }
  assertWork(fn, "budget × options.trials", budget * trials);
  assertWork(fn, "questions × options.trials", Q * trials);
  const rng = opts.rng;
  const exact = uniformAllocationExact(ps, budget).accuracy;
  const tally = new Tally(Q);
  const firstSuccess = new Float64Array(Q);
  const counts = new Float64Array(Q);
  const solved = new Uint8Array(Q);
  const active = new Int32Array(Q);
  const heap = new IndexHeap(Q);

  for (let t = 0; t < trials; t++) {
    for (let i = 0; i < Q; i++) firstSuccess[i] = drawFirstSuccess(ps[i] as number, rng);
    counts.fill(0);
    solved.fill(0);
    let remaining = budget;
    if (policy === "stop-when-solved") {
      // Round-robin over the open questions; drop solved ones between rounds.
      let open = Q;
      for (let i = 0; i < Q; i++) active[i] = i;
      while (remaining > 0 && open > 0) {
        let kept = 0;
        for (let j = 0; j < open; j++) {
          const i = active[j] as number;
          if (remaining > 0) {
            remaining--;
            counts[i] = (counts[i] as number) + 1;
            if (counts[i] === firstSuccess[i]) solved[i] = 1;
          }
          if (solved[i] === 0) active[kept++] = i;
        }
        open = kept;
      }
    } else {
      // Largest optimistic index first; a solved question is not pushed back.
      for (let i = 0; i < Q; i++)
        heap.push(i, ucbIndex(priorA[i] as number, priorB[i] as number, 0, optimism as number));
      while (remaining > 0 && heap.size > 0) {
        const i = heap.pop();
        remaining--;
        counts[i] = (counts[i] as number) + 1;
        if (counts[i] === firstSuccess[i]) {
          solved[i] = 1;
        } else {
          heap.push(
            i,
            ucbIndex(priorA[i] as number, priorB[i] as number, counts[i] as number, optimism as number),
          );
        }
      }
      heap.size = 0;
    }
    tally.record(solved, counts);
  }
  return tally.finish(policy as AdaptivePolicy, budget, exact);
}

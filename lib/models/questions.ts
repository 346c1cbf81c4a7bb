/**
 * Questions, samplers and benchmarks: the synthetic stand-in for "PaLM 2-S*
 * on MATH". A question is defined by what the base model does on it: each
 * sample is correct with probability `p`; otherwise it lands on one of a few
 * wrong answers ("distractors") with uneven weights, so the most common
 * wrong answer can out-vote the right one when `p` is small (Chen et al.
 * 2024). A benchmark is a seeded population of such questions with `p` drawn
 * from a Beta prior (our modelling choice, not the paper's). A larger model
 * is a stated transformation of `p`: a shift on the logit scale.
 * @packageDocumentation
 */

import { assertRng, makeRng, type Rng } from "../base/random";
import {
  assertFinite,
  assertInteger,
  assertNumberArray,
  assertObject,
  assertOptions,
  assertPositive,
  assertProbability,
  assertSeed,
  assertWork,
  rangeError,
  typeError,
} from "../base/validate";

/** The answer id every question uses for its correct answer. Wrong answers are 1, 2, …. */
export const CORRECT = 0;

/** One question, described by the base model's behaviour on it. */
export interface Question {
  /** Position in its benchmark (0-based). */
  readonly id: number;
  /** Probability that one sample is correct (pass@1 of the base model). */
  readonly p: number;
  /**
   * Distribution of a wrong sample over the distractor answers 1..K
   * (`distractors[j]` is the chance that a wrong sample is answer j + 1);
   * sums to 1, sorted from most to least common.
   */
  readonly distractors: readonly number[];
}

/** Options for {@link makeQuestion}. */
export interface QuestionOptions {
  /** Position in a benchmark. @defaultValue 0 */
  id?: number;
  /**
   * Distribution of wrong answers over distractors (normalised, sorted
   * descending). @defaultValue [0.5, 0.25, 0.15, 0.1]
   */
  distractors?: readonly number[];
}

/** The distractor weights used when none are given. */
export const DEFAULT_DISTRACTORS: readonly number[] = [0.5, 0.25, 0.15, 0.1];

/**
 * Makes a question with per-sample success probability `p`.
 *
 * @param p - probability that one sample is correct, in [0, 1]
 * @param options - {@link QuestionOptions}
 * @returns the question
 * @throws {TypeError} if `p` is not a number or options are malformed
 * @throws {RangeError} if `p` is outside [0, 1] or a distractor weight is negative or all are 0
 * @example
 * const q = makeQuestion(0.3, { distractors: [0.6, 0.4] });
 * q.distractors; // [0.6, 0.4]
 */
export function makeQuestion(p: number, options?: QuestionOptions): Question {
  assertProbability("makeQuestion", "p", p);
  const opts = assertOptions("makeQuestion", options);
  const id = opts.id ?? 0;
  assertInteger("makeQuestion", "options.id", id, 0);
  const raw = opts.distractors ?? DEFAULT_DISTRACTORS;
  assertNumberArray("makeQuestion", "options.distractors", raw, "nonNegative");
  return { id: id as number, p, distractors: normaliseDistractors("makeQuestion", raw) };
}

function normaliseDistractors(fn: string, raw: ArrayLike<number>): number[] {
  let total = 0;
  for (let i = 0; i < raw.length; i++) total += raw[i] as number;
  if (!(total > 0)) rangeError(fn, "options.distractors", "weights with a positive sum", Array.from(raw));
  return Array.from(raw, (w) => w / total).sort((a, b) => b - a);
}

/**
 * The probability of each answer in one sample: index 0 is the correct
 * answer (probability `p`), index j ≥ 1 is distractor j
 * (probability (1 − p)·distractors[j − 1]).
 *
 * @param question - a {@link Question}
 * @returns answer probabilities, summing to 1
 * @throws {TypeError} if `question` is not a question object
 * @example
 * answerDistribution(makeQuestion(0.2, { distractors: [0.75, 0.25] })); // [0.2, 0.6, 0.2]
 */
export function answerDistribution(question: Question): number[] {
  checkQuestion("answerDistribution", "question", question);
  return [question.p, ...question.distractors.map((w) => (1 - question.p) * w)];
}

/**
 * Draws `n` answers to `question`: `0` ({@link CORRECT}) for a correct
 * sample, `j ≥ 1` for distractor j. Samples are independent.
 *
 * @param question - a {@link Question}
 * @param n - number of samples, an integer >= 1 (at most 1e9)
 * @param rng - a generator from {@link makeRng}
 * @returns the answers, as an Int32Array of length n
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `n` is not an integer in [1, 1e9]
 * @example
 * sampleAnswers(makeQuestion(0.5), 4, makeRng(1)); // e.g. Int32Array [0, 2, 0, 1]
 */
export function sampleAnswers(question: Question, n: number, rng: Rng): Int32Array {
  checkQuestion("sampleAnswers", "question", question);
  assertInteger("sampleAnswers", "n", n, 1);
  assertWork("sampleAnswers", "n", n);
  assertRng("sampleAnswers", "rng", rng);
  const out = new Int32Array(n);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of question.distractors) {
    acc += w;
    cumulative.push(acc);
  }
  const k = cumulative.length;
  for (let i = 0; i < n; i++) {
    if (rng.next() < question.p) {
      out[i] = CORRECT;
      continue;
    }
    const u = rng.next() * acc;
    let j = 0;
    while (j < k - 1 && u >= (cumulative[j] as number)) j++;
    out[i] = j + 1;
  }
  return out;
}

/** Options for {@link makeBenchmark}. */
export interface BenchmarkOptions {
  /** Number of questions (MATH-500 has 500). @defaultValue 500 */
  size?: number;
  /** Beta prior's first shape parameter for p. @defaultValue 0.6 */
  alpha?: number;
  /** Beta prior's second shape parameter for p. @defaultValue 0.9 */
  beta?: number;
  /** Number of distractor answers per question. @defaultValue 4 */
  distractors?: number;
  /**
   * Dirichlet concentration of each question's distractor weights: small
   * values make one wrong answer dominate. @defaultValue 1
   */
  concentration?: number;
  /** Seed for the population. @defaultValue "benchmark" */
  seed?: string | number;
}

/** A seeded population of questions. */
export interface Benchmark {
  /** The questions, in id order. */
  readonly questions: readonly Question[];
  /** The options the benchmark was made with, defaults filled in. */
  readonly options: Readonly<Required<BenchmarkOptions>>;
}

/**
 * Makes a seeded benchmark: `size` questions with p ~ Beta(alpha, beta) and
 * distractor weights ~ Dirichlet(concentration, …), sorted descending. The
 * default prior, Beta(0.6, 0.9), has mean 0.4 and many questions near 0 and
 * 1, like a mid-sized model on MATH (our choice, not the paper's numbers).
 *
 * @param options - {@link BenchmarkOptions}
 * @returns the benchmark
 * @throws {TypeError} if options are malformed
 * @throws {RangeError} if a size or shape parameter is out of range
 * @example
 * const bench = makeBenchmark({ size: 500, seed: "ch02" });
 * bench.questions.length; // 500
 */
export function makeBenchmark(options?: BenchmarkOptions): Benchmark {
  const opts = assertOptions("makeBenchmark", options);
  const size = opts.size ?? 500;
  assertInteger("makeBenchmark", "options.size", size, 1, 1e6);
  const alpha = opts.alpha ?? 0.6;
  assertPositive("makeBenchmark", "options.alpha", alpha);
  const beta = opts.beta ?? 0.9;
  assertPositive("makeBenchmark", "options.beta", beta);
  const distractors = opts.distractors ?? 4;
  assertInteger("makeBenchmark", "options.distractors", distractors, 1, 1000);
  const concentration = opts.concentration ?? 1;
  assertPositive("makeBenchmark", "options.concentration", concentration);
  const seed = opts.seed ?? "benchmark";
  assertSeed("makeBenchmark", "options.seed", seed);
  const rng = makeRng(`${String(seed)}/benchmark`);
  const questions: Question[] = [];
  for (let id = 0; id < (size as number); id++) {
    const p = rng.beta(alpha as number, beta as number);
    const weights: number[] = [];
    for (let j = 0; j < (distractors as number); j++) weights.push(rng.gamma(concentration as number));
    questions.push({ id, p, distractors: normaliseDistractors("makeBenchmark", weights) });
  }
  return {
    questions,
    options: {
      size: size as number,
      alpha: alpha as number,
      beta: beta as number,
      distractors: distractors as number,
      concentration: concentration as number,
      seed: seed as string | number,
    },
  };
}

/**
 * The logit shift that stands in for a model about 14× larger (the paper's
 * comparison model). A stated assumption, not a fitted number: it moves a
 * question at p = 0.5 to about 0.73 and one at p = 0.05 to about 0.125, and
 * leaves p = 0 and p = 1 where they are.
 */
export const LARGER_MODEL_LOGIT_SHIFT = 1;

/**
 * Pass@1 of a larger model on a question where the base model has pass@1
 * `p`: logit(p′) = logit(p) + shift. The gain is largest at p = 0.5 and
 * vanishes at p = 0 — the hardest questions improve least.
 *
 * @param p - base model's pass@1, in [0, 1]
 * @param shift - logit shift, finite @defaultValue {@link LARGER_MODEL_LOGIT_SHIFT}
 * @returns the larger model's pass@1, in [0, 1]
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if `p` is outside [0, 1] or `shift` is not finite
 * @example
 * largerModelP(0.5);    // ≈ 0.731
 * largerModelP(0.5, 0); // 0.5
 */
export function largerModelP(p: number, shift: number = LARGER_MODEL_LOGIT_SHIFT): number {
  assertProbability("largerModelP", "p", p);
  assertFinite("largerModelP", "shift", shift);
  if (p === 0 || p === 1) return p;
  // p′ = p·e^s / (1 − p + p·e^s), written to stay accurate for tiny p.
  const es = Math.exp(shift);
  return (p * es) / (1 - p + p * es);
}

/**
 * The same benchmark answered by a larger model: every question's p goes
 * through {@link largerModelP}; distractors are unchanged.
 *
 * @param benchmark - a {@link Benchmark}
 * @param shift - logit shift @defaultValue {@link LARGER_MODEL_LOGIT_SHIFT}
 * @returns a new benchmark
 * @throws {TypeError} if `benchmark` is malformed
 * @throws {RangeError} if `shift` is not finite
 * @example
 * const big = largerModelBenchmark(makeBenchmark({ seed: 1 }));
 */
export function largerModelBenchmark(
  benchmark: Benchmark,
  shift: number = LARGER_MODEL_LOGIT_SHIFT,
): Benchmark {
  checkBenchmark("largerModelBenchmark", "benchmark", benchmark);
  assertFinite("largerModelBenchmark", "shift", shift);
  return {
    questions: benchmark.questions.map((q) => ({ ...q, p: largerModelP(q.p, shift) })),
    options: benchmark.options,
  };
}

/**
 * The pass@1 values of a benchmark's questions, as a Float64Array.
 *
 * @param benchmark - a {@link Benchmark}
 * @returns p of each question, in id order
 * @throws {TypeError} if `benchmark` is malformed
 * @example
 * passRates(makeBenchmark({ size: 3, seed: 1 })).length; // 3
 */
export function passRates(benchmark: Benchmark): Float64Array {
  checkBenchmark("passRates", "benchmark", benchmark);
  return Float64Array.from(benchmark.questions, (q) => q.p);
}

/**
 * Validates a question object (as made by `makeQuestion`).
 * @internal
 */
export function checkQuestion(fn: string, name: string, question: unknown): asserts question is Question {
  const q = assertObject(fn, name, question);
  if (q.id !== undefined) assertInteger(fn, `${name}.id`, q.id, 0);
  assertProbability(fn, `${name}.p`, q.p);
  assertNumberArray(fn, `${name}.distractors`, q.distractors, "nonNegative");
}

/**
 * Validates a benchmark object.
 * @internal
 */
export function checkBenchmark(fn: string, name: string, benchmark: unknown): asserts benchmark is Benchmark {
  const b = assertObject(fn, name, benchmark);
  if (!Array.isArray(b.questions) || b.questions.length === 0) {
    rangeError(fn, `${name}.questions`, "a non-empty array of questions", b.questions);
  }
  const qs = b.questions as unknown[];
  for (let i = 0; i < qs.length; i++) checkQuestion(fn, `${name}.questions[${i}]`, qs[i]);
}

/**
 * The questions of a benchmark or a non-empty array of questions, validated
 * (errors name `fn` and the parameter `name`).
 * @internal
 */
export function toQuestions(fn: string, name: string, input: unknown): readonly Question[] {
  if (Array.isArray(input)) {
    if (input.length === 0) rangeError(fn, name, "a benchmark or a non-empty array of questions", input);
    for (let i = 0; i < input.length; i++) checkQuestion(fn, `${name}[${i}]`, input[i]);
    return input as Question[];
  }
  if (typeof input !== "object" || input === null || !("questions" in input)) {
    typeError(fn, name, "a benchmark or a non-empty array of questions", input);
  }
  checkBenchmark(fn, name, input);
  return (input as Benchmark).questions;
}

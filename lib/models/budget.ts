/**
 * Compute budgets: FLOPs for pretraining and inference, the FLOPs-matched
 * exchange between a larger model and more test-time compute (Snell et al.
 * 2024, Sec. 7), and what each test-time strategy costs in generations,
 * verifier calls, latency, tokens and FLOPs.
 *
 * Conventions (the paper's):
 * - Pretraining costs 6·N·D FLOPs (N parameters, D tokens; Hoffmann et al.
 *   2022); generating D tokens costs 2·N·D (Sardana & Frankle 2023).
 * - A **verifier factor** v multiplies inference FLOPs: v = 1 treats the
 *   verifier as free (arXiv v1), v = 2 charges a verifier as large as the
 *   generator that reads every generated token once (ICLR 2025, Y = 4·N·D).
 * - A **generation** is one full solution; budgets count generations
 *   (best-of-N and beam search with N beams both cost N).
 * @packageDocumentation
 */

import {
  assertFinite,
  assertInteger,
  assertNonNegative,
  assertNumberArray,
  assertObject,
  assertOneOf,
  assertOptions,
  assertPositive,
  rangeError,
} from "../base/validate";

// ---------------------------------------------------------------------------------------------
// FLOPs of training and inference

/** Training tokens per parameter in the Chinchilla rule of thumb (Hoffmann et al. 2022). */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/**
 * Pretraining FLOPs: about 6·N·D for a model with N parameters trained on
 * D tokens (2 FLOPs per parameter per token forward, 4 backward; Hoffmann
 * et al. 2022). An estimate that ignores attention and embeddings. O(1).
 *
 * @param params - parameter count N, a finite number > 0
 * @param tokens - training tokens D, a finite number >= 0
 * @returns 6·N·D
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if `params` is not > 0 or `tokens` is negative, or either is not finite
 * @example
 * pretrainingFlops(70e9, 1.4e12); // 5.88e23
 */
export function pretrainingFlops(params: number, tokens: number): number {
  assertPositive("pretrainingFlops", "params", params);
  assertNonNegative("pretrainingFlops", "tokens", tokens);
  return 6 * params * tokens;
}

/** Options for {@link inferenceFlops} and the other inference-cost functions. */
export interface InferenceFlopsOptions {
  /**
   * Multiplier for verifier cost, a finite number >= 1: 1 treats the
   * verifier as free (arXiv v1), 2 charges a verifier the size of the
   * generator (ICLR 2025). @defaultValue 1
   */
  verifierFactor?: number;
}

function readVerifierFactor(fn: string, options: unknown, name = "options"): number {
  const opts = assertOptions(fn, options, name);
  const v = opts.verifierFactor ?? 1;
  assertFinite(fn, `${name}.verifierFactor`, v);
  if (!(v >= 1)) rangeError(fn, `${name}.verifierFactor`, "a finite number >= 1", v);
  return v;
}

/**
 * Inference FLOPs: about 2·N·D·v for generating D tokens with an
 * N-parameter model (a forward pass only), times the verifier factor v.
 * O(1).
 *
 * @param params - parameter count N, a finite number > 0
 * @param tokens - generated tokens D, a finite number >= 0
 * @param options - {@link InferenceFlopsOptions}
 * @returns 2·N·D·v
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `params` is not > 0, `tokens` is negative, or `verifierFactor` < 1
 * @example
 * inferenceFlops(70e9, 1);                          // 1.4e11 FLOPs per generated token
 * inferenceFlops(70e9, 1, { verifierFactor: 2 });   // 2.8e11 with a same-size verifier
 */
export function inferenceFlops(params: number, tokens: number, options?: InferenceFlopsOptions): number {
  assertPositive("inferenceFlops", "params", params);
  assertNonNegative("inferenceFlops", "tokens", tokens);
  const v = readVerifierFactor("inferenceFlops", options);
  return 2 * params * tokens * v;
}

/**
 * Inference FLOPs as tokens served grow: {@link inferenceFlops} at each
 * entry of `tokensServed`, for a chart against the one-off pretraining
 * bill. O(tokensServed.length).
 *
 * @param params - parameter count N, a finite number > 0
 * @param tokensServed - lifetime tokens generated, each a finite number >= 0 (non-empty)
 * @param options - {@link InferenceFlopsOptions}
 * @returns 2·N·D·v for each D
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `params` is not > 0, the array is empty or holds a negative value, or `verifierFactor` < 1
 * @example
 * inferenceFlopsCurve(1e9, [1e9, 1e12]); // [2e18, 2e21]
 */
export function inferenceFlopsCurve(
  params: number,
  tokensServed: ArrayLike<number>,
  options?: InferenceFlopsOptions,
): number[] {
  assertPositive("inferenceFlopsCurve", "params", params);
  assertNumberArray("inferenceFlopsCurve", "tokensServed", tokensServed, "nonNegative");
  const v = readVerifierFactor("inferenceFlopsCurve", options);
  return Array.from(tokensServed, (d) => 2 * params * d * v);
}

/**
 * Crossover tokens: how many tokens a model must serve before its lifetime
 * inference bill equals its pretraining bill. From 2·N·D_inf·v = 6·N·D_pre,
 * D_inf = 3·D_pre / v — independent of the model size. O(1).
 *
 * @param pretrainTokens - training tokens D_pre, a finite number >= 0
 * @param options - {@link InferenceFlopsOptions}
 * @returns 3·D_pre / v
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `pretrainTokens` is negative or not finite, or `verifierFactor` < 1
 * @example
 * inferenceCrossoverTokens(1.4e12); // 4.2e12
 */
export function inferenceCrossoverTokens(pretrainTokens: number, options?: InferenceFlopsOptions): number {
  assertNonNegative("inferenceCrossoverTokens", "pretrainTokens", pretrainTokens);
  const v = readVerifierFactor("inferenceCrossoverTokens", options);
  return (3 * pretrainTokens) / v;
}

/** Inputs of {@link lifetimeFlops}. */
export interface LifetimeFlopsSpec {
  /** Parameter count N, > 0. */
  params: number;
  /** Pretraining tokens D_pre, >= 0. */
  pretrainTokens: number;
  /** Tokens generated over the model's lifetime D_inf, >= 0. */
  inferenceTokens: number;
  /** Verifier factor v >= 1 (see {@link InferenceFlopsOptions}). @defaultValue 1 */
  verifierFactor?: number;
}

/** Result of {@link lifetimeFlops}. */
export interface LifetimeFlops {
  /** 6·N·D_pre. */
  pretraining: number;
  /** 2·N·D_inf·v. */
  inference: number;
  /** pretraining + inference. */
  total: number;
  /** inference / total, in [0, 1] (0 when both are 0). */
  inferenceShare: number;
}

/**
 * Lifetime FLOPs of a model: the one-off pretraining bill plus the
 * inference bill for every token it will ever serve — the quantity the
 * paper holds fixed when it trades model size for test-time compute. O(1).
 *
 * @param spec - {@link LifetimeFlopsSpec}
 * @returns the two bills, their total and the inference share
 * @throws {TypeError} if `spec` is not an object or a field is not a number
 * @throws {RangeError} if a field is out of range
 * @example
 * lifetimeFlops({ params: 1e9, pretrainTokens: 2e10, inferenceTokens: 6e10 });
 * // { pretraining: 1.2e20, inference: 1.2e20, total: 2.4e20, inferenceShare: 0.5 }
 */
export function lifetimeFlops(spec: LifetimeFlopsSpec): LifetimeFlops {
  const fn = "lifetimeFlops";
  const s = assertObject(fn, "spec", spec);
  assertPositive(fn, "spec.params", s.params);
  assertNonNegative(fn, "spec.pretrainTokens", s.pretrainTokens);
  assertNonNegative(fn, "spec.inferenceTokens", s.inferenceTokens);
  const v = readVerifierFactor(fn, s, "spec");
  const pretraining = 6 * s.params * s.pretrainTokens;
  const inference = 2 * s.params * s.inferenceTokens * v;
  const total = pretraining + inference;
  return { pretraining, inference, total, inferenceShare: total > 0 ? inference / total : 0 };
}

/**
 * Chinchilla training tokens: about 20 tokens per parameter, the compute-
 * optimal ratio Hoffmann et al. (2022) found. A rule of thumb, not a law —
 * the fitted ratio depends on the data and the fit, and modern models are
 * trained far past it. O(1).
 *
 * @param params - parameter count N, a finite number > 0
 * @returns 20·N
 * @throws {TypeError} if `params` is not a number
 * @throws {RangeError} if `params` is not a finite number > 0
 * @example
 * chinchillaTokens(70e9); // 1.4e12
 */
export function chinchillaTokens(params: number): number {
  assertPositive("chinchillaTokens", "params", params);
  return CHINCHILLA_TOKENS_PER_PARAM * params;
}

// ---------------------------------------------------------------------------------------------
// The FLOPs-matched exchange (Snell et al. 2024, Sec. 7)

/** Inputs of the FLOPs-matched exchange. */
export interface FlopsMatchedSpec {
  /** M: how many times more parameters the larger model has, a finite number >= 1. */
  sizeRatio: number;
  /** R = D_inference / D_pretrain, a finite number > 0. */
  tokenRatio: number;
  /** Verifier factor v >= 1: 1 for arXiv v1, 2 for ICLR 2025. @defaultValue 1 */
  verifierFactor?: number;
}

function readFlopsMatched(fn: string, spec: unknown): { m: number; r: number; v: number } {
  const s = assertObject(fn, "spec", spec);
  assertFinite(fn, "spec.sizeRatio", s.sizeRatio);
  if (!(s.sizeRatio >= 1)) rangeError(fn, "spec.sizeRatio", "a finite number >= 1", s.sizeRatio);
  assertPositive(fn, "spec.tokenRatio", s.tokenRatio);
  const v = readVerifierFactor(fn, s, "spec");
  return { m: s.sizeRatio, r: s.tokenRatio, v };
}

/**
 * FLOPs-matched multiplier F: how many times its usual inference compute a
 * small model may spend to match the total FLOPs (pretraining plus
 * inference) of a model `sizeRatio` = M times larger, trained on the same
 * data (Snell et al. 2024, Sec. 7). From
 *
 *     6·N·D_pre + 2v·N·D_inf·F = M·(6·N·D_pre + 2v·N·D_inf),
 *
 * with R = D_inf / D_pre,
 *
 *     F = M + (3/v)·(M − 1)/R.
 *
 * With M = 14: F ≈ 258, 63, 16 at R = 0.16, 0.79, 22 (v = 1, arXiv v1) and
 * at R = 0.08, 0.40, 11 (v = 2, ICLR) — both texts place the larger model
 * at budgets of roughly 256, 64 and 16 generations. O(1).
 *
 * @param spec - {@link FlopsMatchedSpec}
 * @returns F, in units of one generation per question (greedy decoding = 1)
 * @throws {TypeError} if `spec` is not an object or a field is not a number
 * @throws {RangeError} if `sizeRatio` < 1, `tokenRatio` <= 0, `verifierFactor` < 1, or a field is not finite
 * @example
 * flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 0.16 });                  // 257.75
 * flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 0.4, verifierFactor: 2 }); // 62.75
 */
export function flopsMatchedMultiplier(spec: FlopsMatchedSpec): number {
  const { m, r, v } = readFlopsMatched("flopsMatchedMultiplier", spec);
  return m + ((3 / v) * (m - 1)) / r;
}

/** Result of {@link flopsMatchedComparison}. */
export interface FlopsMatchedComparison {
  /** M, as given. */
  sizeRatio: number;
  /** R, as given. */
  tokenRatio: number;
  /** v, as given or defaulted. */
  verifierFactor: number;
  /** F = M + (3/v)(M − 1)/R, the inference-compute multiplier. */
  multiplier: number;
  /** ⌊F⌋: whole generations per question the small model can afford. */
  generations: number;
  /** 2^round(log2 F): the nearest budget on the paper's power-of-two grid. */
  nearestPowerOfTwo: number;
  /** Share of the larger model's lifetime FLOPs spent on pretraining: 3 / (3 + v·R). */
  pretrainingShare: number;
}

/**
 * FLOPs-matched comparison: the multiplier F of
 * {@link flopsMatchedMultiplier} together with the test-time budget it
 * affords — whole generations per question and the nearest power of two
 * (the paper's budgets are 1, 2, 4, …, 256) — and how the larger model's
 * FLOPs split between pretraining and inference. O(1).
 *
 * @param spec - {@link FlopsMatchedSpec}
 * @returns a {@link FlopsMatchedComparison}
 * @throws {TypeError} if `spec` is not an object or a field is not a number
 * @throws {RangeError} if a field is out of range
 * @example
 * flopsMatchedComparison({ sizeRatio: 14, tokenRatio: 0.79 });
 * // { sizeRatio: 14, tokenRatio: 0.79, verifierFactor: 1, multiplier: 63.367…,
 * //   generations: 63, nearestPowerOfTwo: 64, pretrainingShare: 0.7915… }
 */
export function flopsMatchedComparison(spec: FlopsMatchedSpec): FlopsMatchedComparison {
  const { m, r, v } = readFlopsMatched("flopsMatchedComparison", spec);
  const multiplier = m + ((3 / v) * (m - 1)) / r;
  return {
    sizeRatio: m,
    tokenRatio: r,
    verifierFactor: v,
    multiplier,
    generations: Math.floor(multiplier),
    nearestPowerOfTwo: 2 ** Math.round(Math.log2(multiplier)),
    pretrainingShare: 3 / (3 + v * r),
  };
}

// ---------------------------------------------------------------------------------------------
// What each test-time strategy costs

/**
 * A test-time strategy and its budget, named as in the paper and
 * huggingface/search-and-learn:
 * - `"best-of-n"`: n independent samples, the verifier picks (also the cost
 *   of majority or weighted voting over n samples, minus the verifier).
 * - `"beam"`: beam search against a process reward model (PRM) with n beams
 *   and `beamWidth` M: keep the top n/M prefixes each round, expand each M ways.
 * - `"lookahead"`: beam search whose candidate steps are scored after a
 *   greedy rollout of up to k more steps (k = 0 is plain beam search).
 * - `"dvts"`: diverse verifier tree search — n/M independent subtrees, each
 *   greedily keeping its best of M expansions per round.
 * - `"revision"`: `parallel` independent chains of `sequential` revisions each.
 * - `"greedy"`: one temperature-0 sample, no verifier.
 */
export type StrategySpec =
  | { kind: "best-of-n"; n: number }
  | { kind: "beam"; n: number; beamWidth: number }
  | { kind: "lookahead"; n: number; beamWidth: number; k: number }
  | { kind: "dvts"; n: number; beamWidth: number }
  | { kind: "revision"; sequential: number; parallel: number }
  | { kind: "greedy" };

/** The strategy names {@link strategyCost} accepts. */
export type StrategyKind = StrategySpec["kind"];

const STRATEGY_KINDS: readonly StrategyKind[] = [
  "best-of-n",
  "beam",
  "lookahead",
  "dvts",
  "revision",
  "greedy",
];

/** Options for {@link strategyCost}: the workload the strategy runs on. */
export interface StrategyCostOptions {
  /**
   * T, steps in one full solution (an integer in [1, 1000]): a search round
   * generates one step, so step-level search takes T rounds and each step
   * is 1/T of a generation. Our assumption, not the paper's number (it caps
   * beam search at 40 rounds). @defaultValue 10
   */
  stepsPerSolution?: number;
  /**
   * Tokens in one full solution, a finite number > 0. With the default, `tokens`
   * counts generations. @defaultValue 1
   */
  tokensPerGeneration?: number;
  /**
   * Parameter count N of the generator, a finite number > 0. With the
   * defaults, `flops` is in units of FLOPs per parameter per solution token. @defaultValue 1
   */
  params?: number;
  /** Verifier factor v >= 1 (see {@link InferenceFlopsOptions}). @defaultValue 1 */
  verifierFactor?: number;
}

/** What one run of a strategy on one question costs. */
export interface StrategyCost {
  /** The strategy's kind. */
  kind: StrategyKind;
  /**
   * Generations, the paper's budget unit (one generation = one full
   * solution's tokens): best-of-n, beam and DVTS n; lookahead n·(k + 1);
   * revision sequential·parallel; greedy 1.
   */
  generations: number;
  /**
   * Verifier invocations. One call scores one candidate (a finished
   * solution, or a partial one during search): best-of-n n; beam, lookahead
   * and DVTS n per round × T rounds; revision sequential·parallel (an
   * outcome verifier scores every attempt); greedy 0.
   */
  verifierCalls: number;
  /**
   * Generation-equivalents of tokens the verifier reads (each token once,
   * prefixes cached): equals `generations` for every strategy that uses a
   * verifier (lookahead's verifier reads its rollouts), 0 for greedy.
   */
  verifiedGenerations: number;
  /**
   * Latency in generation-equivalents: the longest chain of tokens that
   * must be generated one after another, with a full solution = 1 and a
   * step = 1/T. Parallel sampling (best-of-n), beam search and DVTS: 1
   * (T rounds of one step); lookahead: k + 1 (each of T rounds generates a
   * step, then rolls out k more); a revision chain of length L: L; greedy 1.
   * Verifier time is not included; see `verifierRounds`.
   */
  serialDepth: number;
  /**
   * Sequential verifier round trips (each one a synchronisation point):
   * best-of-n 1; beam, lookahead and DVTS T; revision 1 (all attempts
   * scored at the end); greedy 0.
   */
  verifierRounds: number;
  /** Generated tokens: generations × tokensPerGeneration. */
  tokens: number;
  /**
   * Inference FLOPs: 2·N·tokensPerGeneration·(generations + (v − 1)·verifiedGenerations),
   * i.e. 2·N·tokens·v for verified strategies and 2·N·tokens for greedy.
   */
  flops: number;
}

/**
 * Cost of a test-time strategy on one question, in the paper's units and
 * beyond: generations (the paper's budget axis), verifier calls, latency
 * (serial depth in generation-equivalents and verifier round trips),
 * tokens, and FLOPs. The conventions are stated field by field in
 * {@link StrategyCost}; lookahead's n·(k + 1) is the paper's accounting,
 * an upper bound because rollouts stop at the end of a solution. O(1).
 *
 * @param spec - the {@link StrategySpec}
 * @param options - {@link StrategyCostOptions}
 * @returns a {@link StrategyCost}
 * @throws {TypeError} if `spec` is not an object, `kind` is not a string, or a field is not a number
 * @throws {RangeError} if `kind` is unknown, a count is not an integer >= 1 (k >= 0),
 *   `beamWidth` does not divide n, or an option is out of range
 * @example
 * strategyCost({ kind: "beam", n: 16, beamWidth: 4 });
 * // { kind: "beam", generations: 16, verifierCalls: 160, verifiedGenerations: 16,
 * //   serialDepth: 1, verifierRounds: 10, tokens: 16, flops: 32 }
 * strategyCost({ kind: "lookahead", n: 16, beamWidth: 4, k: 3 }).generations; // 64
 * strategyCost({ kind: "revision", sequential: 8, parallel: 2 }).serialDepth; // 8
 */
export function strategyCost(spec: StrategySpec, options?: StrategyCostOptions): StrategyCost {
  const fn = "strategyCost";
  const s = assertObject(fn, "spec", spec);
  assertOneOf(fn, "spec.kind", s.kind, STRATEGY_KINDS);
  const opts = assertOptions(fn, options);
  const steps = opts.stepsPerSolution ?? 10;
  assertInteger(fn, "options.stepsPerSolution", steps, 1, 1000);
  const tokensPerGeneration = opts.tokensPerGeneration ?? 1;
  assertPositive(fn, "options.tokensPerGeneration", tokensPerGeneration);
  const params = opts.params ?? 1;
  assertPositive(fn, "options.params", params);
  const v = readVerifierFactor(fn, options);

  let generations: number;
  let verifierCalls: number;
  let verifiedGenerations: number;
  let serialDepth: number;
  let verifierRounds: number;
  switch (s.kind) {
    case "best-of-n": {
      assertInteger(fn, "spec.n", s.n);
      generations = s.n;
      verifierCalls = s.n;
      verifiedGenerations = s.n;
      serialDepth = 1;
      verifierRounds = 1;
      break;
    }
    case "beam":
    case "dvts": {
      const n = readBeam(fn, s);
      generations = n;
      verifierCalls = n * steps;
      verifiedGenerations = n;
      serialDepth = 1;
      verifierRounds = steps;
      break;
    }
    case "lookahead": {
      const n = readBeam(fn, s);
      assertInteger(fn, "spec.k", s.k, 0);
      generations = n * (s.k + 1);
      verifierCalls = n * steps;
      verifiedGenerations = generations;
      serialDepth = s.k + 1;
      verifierRounds = steps;
      break;
    }
    case "revision": {
      assertInteger(fn, "spec.sequential", s.sequential);
      assertInteger(fn, "spec.parallel", s.parallel);
      generations = s.sequential * s.parallel;
      verifierCalls = generations;
      verifiedGenerations = generations;
      serialDepth = s.sequential;
      verifierRounds = 1;
      break;
    }
    default: {
      // "greedy"
      generations = 1;
      verifierCalls = 0;
      verifiedGenerations = 0;
      serialDepth = 1;
      verifierRounds = 0;
      break;
    }
  }
  const tokens = generations * tokensPerGeneration;
  const flops = 2 * params * tokensPerGeneration * (generations + (v - 1) * verifiedGenerations);
  return {
    kind: s.kind,
    generations,
    verifierCalls,
    verifiedGenerations,
    serialDepth,
    verifierRounds,
    tokens,
    flops,
  };
}

/** Reads n and beamWidth of a step-level search, checking that M divides n. */
function readBeam(fn: string, s: Record<string, unknown>): number {
  assertInteger(fn, "spec.n", s.n);
  assertInteger(fn, "spec.beamWidth", s.beamWidth);
  if (s.n % s.beamWidth !== 0) {
    rangeError(fn, "spec.beamWidth", `an integer >= 1 that divides n (n = ${s.n})`, s.beamWidth);
  }
  return s.n;
}

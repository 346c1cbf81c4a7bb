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
  assertNonNegative,
  assertNumberArray,
  assertObject,
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

/** Reads `verifierFactor` (v >= 1, default 1) from an options object. @internal */
export function readVerifierFactor(fn: string, options: unknown, name = "options"): number {
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

/**
 * The score model behind `verifier.ts`: the {@link Verifier} type and, for
 * the library's hot loops, score-model checks, the logistic map,
 * per-question offsets, and drawing and scoring answers into preallocated
 * arrays without checks. Only the `Verifier` type is public (the layer's
 * index exports it); the rest serves the modules of this layer.
 * @packageDocumentation
 */

import { CORRECT, type Question } from "./questions";
import { makeRng, type Rng } from "../base/random";
import { assertFinite, assertInRange, assertNonNegative, assertObject, assertSeed } from "../base/validate";

/** A validated, frozen verifier description made by {@link makeVerifier}. */
export interface Verifier {
  /** Separation d of correct from wrong scores. */
  readonly separation: number;
  /** Standard deviation of the per-question offset. */
  readonly questionBiasSd: number;
  /** Probability that a sample's correct/wrong judgement is flipped. */
  readonly labelNoise: number;
  /** Extra mean score of the most common wrong answer. */
  readonly distractorPull: number;
  /** Seed of the per-question offsets (as a string). */
  readonly seed: string;
}

/** The checked numeric fields of a score model (internal form). @internal */
export interface ScoreParameters {
  separation: number;
  questionBiasSd: number;
  labelNoise: number;
  distractorPull: number;
}

/**
 * Validates the score-model fields of `value` (an options object or a
 * {@link Verifier}) and fills in defaults.
 * @internal
 */
export function checkScoreParameters(fn: string, name: string, value: unknown): ScoreParameters {
  const o = assertObject(fn, name, value);
  const separation = o.separation;
  assertNonNegative(fn, `${name}.separation`, separation);
  const questionBiasSd = o.questionBiasSd ?? 0;
  assertNonNegative(fn, `${name}.questionBiasSd`, questionBiasSd);
  const labelNoise = o.labelNoise ?? 0;
  assertInRange(fn, `${name}.labelNoise`, labelNoise, 0, 0.5);
  const distractorPull = o.distractorPull ?? 0;
  assertFinite(fn, `${name}.distractorPull`, distractorPull);
  // A seed is optional here (exact functions ignore it) but must be valid when given.
  if (o.seed !== undefined) assertSeed(fn, `${name}.seed`, o.seed);
  return { separation, questionBiasSd, labelNoise, distractorPull };
}

/**
 * Validates a verifier (anything with valid score-model fields and a seed).
 * @internal
 */
export function checkVerifier(fn: string, name: string, value: unknown): asserts value is Verifier {
  checkScoreParameters(fn, name, value);
  assertSeed(fn, `${name}.seed`, (value as Record<string, unknown>).seed);
}

/** The logistic map 1/(1 + e^(−s)) without checks, stable for large |s|. @internal */
export function probabilityScoreUnchecked(s: number): number {
  return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
}

/** @internal */
export function questionBiasUnchecked(verifier: Verifier, question: Question): number {
  if (verifier.questionBiasSd === 0) return 0;
  return verifier.questionBiasSd * makeRng(`${verifier.seed}/question-bias/${question.id}`).normal();
}

/** Answer id of the most common wrong answer (first on ties). @internal */
export function topDistractor(question: Question): number {
  let best = 0;
  for (let j = 1; j < question.distractors.length; j++) {
    if ((question.distractors[j] as number) > (question.distractors[best] as number)) best = j;
  }
  return best + 1;
}

/**
 * Draws `out.length` answers to `question` into `out` (0 = correct, j =
 * distractor j), the same law as `sampleAnswers`, without allocation
 * or checks.
 * @internal
 */
export function drawAnswersInto(out: Int32Array, question: Question, rng: Rng): Int32Array {
  const weights = question.distractors;
  const k = weights.length;
  let total = 0;
  for (let j = 0; j < k; j++) total += weights[j] as number;
  for (let i = 0; i < out.length; i++) {
    if (rng.next() < question.p) {
      out[i] = CORRECT;
      continue;
    }
    let u = rng.next() * total;
    let j = 0;
    while (j < k - 1 && u >= (weights[j] as number)) u -= weights[j++] as number;
    out[i] = j + 1;
  }
  return out;
}

/**
 * Scores `answers` into `out` without checks (the caller validated).
 * @internal
 */
export function scoreInto(
  out: Float64Array,
  answers: ArrayLike<number>,
  bias: number,
  top: number,
  params: ScoreParameters,
  rng: Rng,
): Float64Array {
  const d = params.separation;
  const eta = params.labelNoise;
  const pull = params.distractorPull;
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i] as number;
    let judgedCorrect = a === CORRECT;
    if (eta > 0 && rng.next() < eta) judgedCorrect = !judgedCorrect;
    let mean = bias;
    if (judgedCorrect) mean += d;
    if (a === top) mean += pull;
    out[i] = mean + rng.normal();
  }
  return out;
}

/**
 * Sampling from the lab's models: solutions line by line from a policy
 * model, Monte Carlo rollouts from a step prefix (the PRM's training
 * labels, Snell et al. 2024 §5.1 after Math-Shepherd), and the PRM's score
 * of every step of a solution.
 * @packageDocumentation
 */

import type { Rng } from "../base/random";
import { answerOf, encodeLab, type LabProblem, labPrompt, TOKEN_NEWLINE } from "./task";
import { LAB_VOCAB } from "./task";
import { assertLabTransformer, type LabDecoder, type LabTransformer } from "./transformer";
import { assertRng } from "../base/random";
import { assertInteger, assertNonNegative, rangeError, typeError } from "../base/validate";
import { assertProblem } from "./task";

/** The most tokens one step line may take before it is cut (a malformed line). */
export const LAB_MAX_LINE = 20;

const probs = new Float64Array(64);

/** Draws the next token from logits at a temperature (0: the most likely; ties to the lowest token). @internal */
export function drawToken(logits: Float32Array, rng: Rng, temperature: number): number {
  const V = logits.length;
  let best = 0;
  let max = -Infinity;
  for (let i = 0; i < V; i++) {
    const z = logits[i] as number;
    if (z > max) {
      max = z;
      best = i;
    }
  }
  if (temperature === 0) return best;
  let sum = 0;
  for (let i = 0; i < V; i++) {
    const e = Math.exp(((logits[i] as number) - max) / temperature);
    probs[i] = e;
    sum += e;
  }
  let u = rng.next() * sum;
  for (let i = 0; i < V; i++) {
    u -= probs[i] as number;
    if (u < 0) return i;
  }
  return V - 1;
}

/**
 * Generates one line on a decoder positioned after a newline: tokens are
 * drawn and pushed until a newline (pushed too), the line grows past
 * {@link LAB_MAX_LINE} tokens (a newline is then forced) or the context is
 * full. Returns the line's text including its newline.
 */
export function generateLine(dec: LabDecoder, context: number, rng: Rng, temperature: number): string {
  let line = "";
  for (let n = 0; ; n++) {
    if (dec.position >= context) return line;
    const t = n >= LAB_MAX_LINE ? TOKEN_NEWLINE : drawToken(dec.output, rng, temperature);
    line += LAB_VOCAB[t];
    dec.push(t);
    if (t === TOKEN_NEWLINE) return line;
  }
}

/** Pushes a string's tokens onto a decoder, as many as fit in its context (the rest are dropped). */
export function pushText(dec: LabDecoder, text: string): void {
  const tokens = encodeLab(text);
  const room = dec.context - dec.position;
  const n = Math.min(tokens.length, room);
  for (let i = 0; i < n; i++) dec.push(tokens[i] as number);
}

/**
 * Samples `count` solutions of a problem from a policy model: the prompt is
 * prefilled once and every sample continues from a copy of it, one line per
 * step. Unchecked (callers validate; the public form is {@link labSamples}).
 * @internal
 */
export function sampleSolutions(
  model: LabTransformer,
  problem: LabProblem,
  rng: Rng,
  count: number,
  temperature: number,
  prefix = "",
): string[] {
  const dec = model.decoder();
  pushText(dec, labPrompt(problem) + prefix);
  const snap = dec.snapshot();
  const T = problem.ops.length;
  const have = countLines(prefix);
  const out: string[] = [];
  for (let s = 0; s < count; s++) {
    dec.restore(snap);
    let text = prefix;
    for (let t = have; t < T && dec.position < model.config.context; t++) {
      text += generateLine(dec, model.config.context, rng, temperature);
    }
    out.push(text);
  }
  return out;
}

/** Number of newlines in a text (complete lines). */
export function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Whether a sampled solution's answer is the problem's. */
export function isCorrect(problem: LabProblem, text: string): boolean {
  return countLines(text) >= problem.ops.length && answerOf(text) === problem.answer;
}

/**
 * The PRM's score of every step of a solution: the sigmoid of the value
 * head at the newline that ends each step. Unchecked (the public form is
 * {@link labStepScores}).
 * @internal
 */
export function prmStepScores(prm: LabTransformer, problem: LabProblem, solution: string): number[] {
  const dec = prm.decoder();
  pushText(dec, labPrompt(problem));
  const scores: number[] = [];
  const tokens = encodeLab(solution);
  for (let i = 0; i < tokens.length && dec.position < prm.config.context; i++) {
    const out = dec.push(tokens[i] as number);
    if (tokens[i] === TOKEN_NEWLINE) scores.push(sigmoid(out[0] as number));
  }
  return scores;
}

/** The logistic function. @internal */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** A sampled solution's Monte Carlo step labels ({@link monteCarloStepLabels}). */
export interface LabStepLabels {
  /** The solution's first T lines (without newlines). */
  lines: string[];
  /** label[t − 1]: the fraction of rollouts from the t-step prefix that end right; the last step's label is its exact correctness. */
  labels: number[];
  /** Tokens generated by the rollouts. */
  rolledOut: number;
}

/**
 * The PRM's training labels for one sampled solution (Snell et al. 2024
 * §5.1, after Math-Shepherd): for each step prefix t < T, `rollouts`
 * continuations from it with the policy at temperature 1, labelled with the
 * fraction that reach the right answer; the full solution is labelled by the
 * checker (0 or 1). Unchecked.
 */
/** @internal */
export function monteCarloStepLabels(
  policy: LabTransformer,
  problem: LabProblem,
  solution: string,
  rollouts: number,
  rng: Rng,
): LabStepLabels {
  const T = problem.ops.length;
  const lines = solution.split("\n").slice(0, T);
  const labels: number[] = [];
  let rolledOut = 0;
  let prefix = "";
  for (let t = 1; t <= lines.length && t <= T; t++) {
    prefix += lines[t - 1] + "\n";
    if (t === T) {
      labels.push(isCorrect(problem, prefix) ? 1 : 0);
      break;
    }
    const outs = sampleSolutions(policy, problem, rng, rollouts, 1, prefix);
    let ok = 0;
    for (const o of outs) {
      rolledOut += o.length - prefix.length;
      if (isCorrect(problem, o)) ok++;
    }
    labels.push(ok / rollouts);
  }
  return { lines, labels, rolledOut };
}

/**
 * Samples `count` solutions of a problem from a lab model with an lm head
 * (the base or the larger model), one line per step, at `temperature`
 * (0: greedy). The same generator state gives the same samples.
 */
export function labSamples(
  model: LabTransformer,
  problem: LabProblem,
  count: number,
  rng: Rng,
  temperature = 1,
): string[] {
  const fn = "labSamples";
  assertLabTransformer(fn, "model", model, "lm");
  assertProblem(fn, problem);
  assertInteger(fn, "count", count, 1, 100000);
  assertRng(fn, "rng", rng);
  assertNonNegative(fn, "temperature", temperature);
  if (!Number.isFinite(temperature)) rangeError(fn, "temperature", "a finite number >= 0", temperature);
  return sampleSolutions(model, problem, rng, count, temperature);
}

/** The PRM's score of each step of a written solution (one per complete line, within the PRM's context). */
export function labStepScores(prm: LabTransformer, problem: LabProblem, solution: string): number[] {
  const fn = "labStepScores";
  assertLabTransformer(fn, "prm", prm, "value");
  assertProblem(fn, problem);
  if (typeof solution !== "string") typeError(fn, "solution", "a string", solution);
  if (!/^[0-9+\-=\n]*$/.test(solution))
    typeError(fn, "solution", "made of digits, + - = and newlines", solution);
  return prmStepScores(prm, problem, solution);
}

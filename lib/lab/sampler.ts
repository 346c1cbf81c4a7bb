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
import type { LabDecoder, LabTransformer } from "./transformer";

/** The most tokens one step line may take before it is cut (a malformed line). */
export const LAB_MAX_LINE = 20;

const probs = new Float64Array(64);

/** Draws the next token from logits at a temperature (0: the most likely; ties to the lowest token). */
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

/** Pushes a string's tokens onto a decoder. */
export function pushText(dec: LabDecoder, text: string): void {
  const tokens = encodeLab(text);
  for (let i = 0; i < tokens.length; i++) dec.push(tokens[i] as number);
}

/**
 * Samples `count` solutions of a problem from a policy model: the prompt is
 * prefilled once and every sample continues from a copy of it, one line per
 * step. Unchecked (callers validate).
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
 * head at the newline that ends each step. Unchecked.
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

/** The logistic function. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Training batches for the lab's models, drawn from a seeded generator.
 * Each batch takes its problems from one difficulty setting, so they have
 * nearly the same length and little of the batch is padding.
 */
import type { Rng } from "../../lib/base/random";
import { drawProblem, encodeLab, LAB_SETTINGS, type LabProblem, labPrompt } from "../../lib/lab/task";
import type { Batch } from "./tf-model";

/** One example: its tokens and from which position on the targets count. */
export interface Example {
  tokens: Int32Array;
  /** Targets at positions ≥ this (predicting token i + 1 from position i) count in the loss. */
  from: number;
}

/** Pads examples into an lm batch: inputs tokens[0..L−1], targets tokens[1..L]. */
export function lmBatch(examples: Example[]): Batch {
  const B = examples.length;
  const T = Math.max(...examples.map((e) => e.tokens.length)) - 1;
  const tokens = new Int32Array(B * T);
  const targets = new Int32Array(B * T);
  const mask = new Float32Array(B * T);
  examples.forEach((e, b) => {
    for (let i = 0; i < e.tokens.length - 1; i++) {
      tokens[b * T + i] = e.tokens[i]!;
      targets[b * T + i] = e.tokens[i + 1]!;
      if (i >= e.from) mask[b * T + i] = 1;
    }
  });
  return {
    size: B,
    length: T,
    tokens,
    targets,
    mask,
    real: examples.reduce((a, e) => a + e.tokens.length - 1, 0),
  };
}

/** The base model's example for a problem: prompt then the correct solution, loss on the solution. */
export function solutionExample(p: LabProblem): Example {
  const prompt = labPrompt(p);
  return { tokens: encodeLab(prompt + p.solution), from: prompt.length - 1 };
}

/** A batch of B problems from the setting `step mod 8`, for pretraining. */
export function pretrainBatch(rng: Rng, step: number, B: number): Batch {
  const s = LAB_SETTINGS[step % LAB_SETTINGS.length]!;
  const ex: Example[] = [];
  for (let b = 0; b < B; b++) ex.push(solutionExample(drawProblem(rng, s.terms, s.digits)));
  return lmBatch(ex);
}

/** One PRM example: a sampled solution's tokens and the soft label of each of its steps. */
export interface ValueExample {
  tokens: Int32Array;
  /** Positions of the newline that ends each step. */
  stepEnds: number[];
  /** Soft label of each step (fraction of rollouts from that prefix that end right). */
  labels: number[];
}

/** Pads PRM examples into a value batch: the loss reads each step's newline. */
export function valueBatch(examples: ValueExample[]): Batch {
  const B = examples.length;
  const T = Math.max(...examples.map((e) => e.tokens.length));
  const tokens = new Int32Array(B * T);
  const targets = new Float32Array(B * T);
  const mask = new Float32Array(B * T);
  examples.forEach((e, b) => {
    tokens.set(e.tokens, b * T);
    e.stepEnds.forEach((pos, j) => {
      targets[b * T + pos] = e.labels[j]!;
      mask[b * T + pos] = 1;
    });
  });
  return {
    size: B,
    length: T,
    tokens,
    targets,
    mask,
    real: examples.reduce((a, e) => a + e.tokens.length, 0),
  };
}

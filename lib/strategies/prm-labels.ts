/**
 * How a process reward model's training labels are made (Snell et al. 2024
 * §5.1, App. D v1 / App. F ICLR, after Math-Shepherd): sample solutions to a
 * training question; for each step prefix, roll out several completions
 * from it with the base model and label the prefix with the fraction that
 * reach the right answer. {@link monteCarloStepLabels} does this in the
 * synthetic world, where the exact value of every prefix is known
 * ({@link prefixValue}), so the labels can be compared with the truth.
 * @packageDocumentation
 */

import { assertRng, type Rng } from "../base/random";
import { assertInteger, assertOptions, assertWork } from "../base/validate";
import { checkQuestion, type Question } from "../models/questions";
import { STATUS_ON_TRACK } from "./interfaces";
import { checkPrm, DEFAULT_SEARCH_STEPS, prefixValue, SyntheticStepWorld } from "./synthetic";

/** Options of {@link monteCarloStepLabels}. */
export interface MonteCarloStepLabelsOptions {
  /** The generator every draw comes from (required). */
  rng: Rng;
  /** Solutions sampled from the question, an integer >= 1. @defaultValue 4 */
  solutions?: number;
  /** Rollouts from each step prefix, an integer >= 1 (the paper used 16). @defaultValue 16 */
  rollouts?: number;
  /** Steps T in a solution, an integer in [1, 1000]. @defaultValue 8 */
  steps?: number;
}

/** One sampled solution and the Monte Carlo label of each of its step prefixes. */
export interface LabelledSolution {
  /** Whether the finished solution is correct (it stayed on track to the end). */
  correct: boolean;
  /** onTrack[t − 1]: whether the prefix of the first t steps is still on track, t = 1 … T. */
  onTrack: boolean[];
  /** label[t − 1]: the fraction of rollouts from the t-step prefix that finish correctly (the soft target). */
  label: number[];
  /** exact[t − 1]: that prefix's true value, prefixValue(p, t, T) on track and 0 off track. */
  exact: number[];
  /** standardError[t − 1]: the binomial standard error √(v(1 − v)/rollouts) of the label, at the exact value v. */
  standardError: number[];
}

/** Result of {@link monteCarloStepLabels}. */
export interface MonteCarloStepLabels {
  /** Steps T per solution. */
  steps: number;
  /** Rollouts per prefix. */
  rollouts: number;
  /** The sampled solutions, each with its labels. */
  solutions: LabelledSolution[];
}

/**
 * Monte Carlo step labels for a process reward model, in the synthetic world
 * of {@link SyntheticStepWorld}: sample `solutions` solutions of `steps` = T
 * steps from the base policy; for every step prefix (t = 1 … T) continue it
 * `rollouts` times with the same policy to the end and record the fraction of
 * continuations that finish correctly. That fraction is the prefix's **soft
 * label**: an unbiased estimate of its value, the probability that the base
 * model finishes it correctly (reward-to-go), which the paper's PRM is
 * trained to predict with binary cross-entropy. In this world the value is
 * known exactly — s^(T − t) with s = p^(1/T) while the prefix is on track, 0
 * once it has gone wrong ({@link prefixValue}) — so each label comes with its
 * exact value and the binomial standard error √(v(1 − v)/rollouts) at that
 * value. A mistake is irreversible here, so an off-track prefix's label is
 * exactly 0 and the last step's label is exactly 0 or 1. Uniform steps
 * (no idea share). Cost: O(solutions · rollouts · T²) draws; the product
 * solutions · rollouts · T² must be at most 1e9.
 *
 * @param question - a {@link Question} (only its pass@1 p and distractors matter)
 * @param options - {@link MonteCarloStepLabelsOptions} (`rng` required)
 * @returns the solutions, each with `correct`, `onTrack`, `label`, `exact` and `standardError` per step
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is out of range or the work exceeds 1e9
 * @example
 * const r = monteCarloStepLabels(makeQuestion(0.3), { rng: makeRng(1), solutions: 1 });
 * r.solutions[0].label;  // 8 fractions in multiples of 1/16
 * r.solutions[0].exact;  // 0.3^(7/8), 0.3^(6/8), … while on track; 0 after a mistake
 */
export function monteCarloStepLabels(
  question: Question,
  options: MonteCarloStepLabelsOptions,
): MonteCarloStepLabels {
  const fn = "monteCarloStepLabels";
  checkQuestion(fn, "question", question);
  const o = assertOptions(fn, options);
  assertRng(fn, "options.rng", o.rng);
  const rng = o.rng;
  const solutions = o.solutions ?? 4;
  assertInteger(fn, "options.solutions", solutions, 1);
  const rollouts = o.rollouts ?? 16;
  assertInteger(fn, "options.rollouts", rollouts, 1);
  const steps = o.steps ?? DEFAULT_SEARCH_STEPS;
  assertInteger(fn, "options.steps", steps, 1, 1000);
  assertWork(
    fn,
    "options.solutions × options.rollouts × options.steps²",
    solutions * rollouts * steps * steps,
  );

  const world = new SyntheticStepWorld(steps, checkPrm(fn, "prm", undefined), rng);
  world.setQuestion(question);
  const one = [0];
  const froms = new Array<number>(rollouts);
  const outs = new Array<number>(rollouts);
  const result: LabelledSolution[] = [];
  for (let s = 0; s < solutions; s++) {
    // A fresh run per solution: the arena is reset, so it holds one solution and its rollouts.
    let prefix = world.root();
    const labelled: LabelledSolution = {
      correct: false,
      onTrack: [],
      label: [],
      exact: [],
      standardError: [],
    };
    for (let t = 1; t <= steps; t++) {
      world.extend([prefix], 1, t, one);
      prefix = one[0] as number;
      const onTrack = (world.status(prefix) & STATUS_ON_TRACK) !== 0;
      // Roll the prefix out `rollouts` times, one step per round, to depth T.
      froms.fill(prefix);
      for (let d = t + 1; d <= steps; d++) {
        world.extend(froms, rollouts, d, outs);
        for (let i = 0; i < rollouts; i++) froms[i] = outs[i] as number;
      }
      let reached = 0;
      for (let i = 0; i < rollouts; i++)
        if ((world.status(froms[i] as number) & STATUS_ON_TRACK) !== 0) reached++;
      const exact = onTrack ? prefixValue(question.p, t, steps) : 0;
      labelled.onTrack.push(onTrack);
      labelled.label.push(reached / rollouts);
      labelled.exact.push(exact);
      labelled.standardError.push(Math.sqrt((exact * (1 - exact)) / rollouts));
    }
    labelled.correct = labelled.onTrack[steps - 1] === true;
    result.push(labelled);
  }
  return { steps, rollouts, solutions: result };
}

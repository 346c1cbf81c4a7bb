/**
 * The lab's four models and how each is trained (one function per stage):
 *
 * - **base**: the policy, pretrained on correct solutions of problems drawn
 *   from every difficulty setting;
 * - **large**: about 14× the base model's parameters, pretrained on the
 *   same number of tokens from the same generator (the FLOPs-matched
 *   exchange's larger model);
 * - **prm**: the process reward model, fine-tuned from the base model with
 *   a value head on Monte Carlo labels: for each step prefix of sampled
 *   solutions, the fraction of the base model's rollouts from it that reach
 *   the right answer (Snell et al. 2024 §5.1, after Math-Shepherd), trained
 *   with binary cross-entropy at every step;
 * - **revision**: fine-tuned from the base model on the paper's recipe
 *   (§6.1; App. H–J v1 / App. L–N ICLR): 0–4 of its own wrong attempts in context, the last the
 *   closest to the correct one by edit distance, then the correct solution.
 */
import { makeRng, type Rng } from "../../lib/base/random";
import {
  drawProblem,
  encodeLab,
  LAB_SETTINGS,
  type LabProblem,
  labPrompt,
  TOKEN_NEWLINE,
} from "../../lib/lab/task";
import { isCorrect, monteCarloStepLabels, sampleSolutions } from "../../lib/lab/sampler";
import type { LabModelCard } from "../../lib/lab/store";
import { LabTransformer, labParameterCount, type LabModelConfig } from "../../lib/lab/transformer";
import { editDistance, revisionContext } from "../../lib/lab/revision-format";
import { lmBatch, pretrainBatch, valueBatch, type Example, type ValueExample } from "./data";
import { initialWeights, TfTransformer, train, transplant, type Batch } from "./tf-model";

/** Model shapes. */
export const CONFIGS: Record<string, LabModelConfig> = {
  base: { vocab: 17, context: 64, width: 32, layers: 2, heads: 4, head: "lm" },
  large: { vocab: 17, context: 64, width: 90, layers: 4, heads: 6, head: "lm" },
  prm: { vocab: 17, context: 64, width: 32, layers: 2, heads: 4, head: "value" },
  revision: { vocab: 17, context: 256, width: 32, layers: 2, heads: 4, head: "lm" },
};

/** What a stage reports: its model card without the provenance fields `save` adds, and the weights. */
export type StageRecord = Omit<LabModelCard, "name" | "commit" | "trainedAt"> & {
  name: string;
  weights: Float32Array;
};

/** Progress callback: fraction done in [0, 1] and a short status. */
export type Progress = (fraction: number, status: string) => void;

interface Plan {
  steps: number;
  batch: number;
  learningRate: number;
  warmup: number;
}

function runTraining(
  name: string,
  config: LabModelConfig,
  start: Float32Array,
  plan: Plan,
  nextBatch: (step: number) => Batch,
  progress: Progress,
  from: number,
): { weights: Float32Array; tokens: number; losses: [number, number][] } {
  const model = new TfTransformer(config, start);
  let tokens = 0;
  const losses: [number, number][] = [];
  const logEvery = Math.max(1, Math.floor(plan.steps / 50));
  train(
    model,
    (step) => {
      const b = nextBatch(step);
      tokens += b.real;
      return b;
    },
    {
      steps: plan.steps,
      learningRate: plan.learningRate,
      warmup: plan.warmup,
      clip: 1,
      logEvery,
      onStep: (step, loss) => {
        if (!Number.isNaN(loss)) losses.push([step + 1, loss]);
        if ((step + 1) % logEvery === 0) {
          const last = losses[losses.length - 1];
          progress(
            from + ((1 - from) * (step + 1)) / plan.steps,
            `${name} step ${step + 1}/${plan.steps} loss ${last ? last[1].toFixed(3) : "?"}`,
          );
        }
      },
    },
  );
  const weights = model.weights();
  model.dispose();
  return { weights, tokens, losses };
}

function record(
  name: string,
  seed: string,
  plan: Plan,
  t0: number,
  run: { weights: Float32Array; tokens: number; losses: [number, number][] },
  sampledTokens: number,
  notes: Record<string, number>,
): StageRecord {
  const config = CONFIGS[name]!;
  return {
    name,
    config,
    parameters: labParameterCount(config),
    seed,
    steps: plan.steps,
    batch: plan.batch,
    learningRate: plan.learningRate,
    trainingTokens: run.tokens,
    sampledTokens,
    seconds: (Date.now() - t0) / 1000,
    losses: run.losses,
    notes,
    weights: run.weights,
  };
}

/** Pretraining steps at scale 1 (both the base and the large model). */
export const PRETRAIN_STEPS = 2200;

/** Pretrains the base or the large model. */
export function pretrain(
  name: "base" | "large",
  seed: string,
  scale: number,
  progress: Progress,
): StageRecord {
  const t0 = Date.now();
  const config = CONFIGS[name]!;
  const plan: Plan = {
    steps: Math.max(2, Math.round(PRETRAIN_STEPS * scale)),
    batch: 32,
    learningRate: name === "base" ? 3e-3 : 1.5e-3,
    warmup: Math.max(1, Math.round(100 * Math.min(1, scale))),
  };
  // Both models see the same problems in the same order: one data seed.
  const data = makeRng(`${seed}/pretrain-data`);
  const start = initialWeights(config, makeRng(`${seed}/${name}/init`));
  const run = runTraining(
    name,
    config,
    start,
    plan,
    (step) => pretrainBatch(data, step, plan.batch),
    progress,
    0,
  );
  return record(name, seed, plan, t0, run, 0, {});
}

function drawTrainingProblem(rng: Rng): LabProblem {
  const s = LAB_SETTINGS[rng.int(LAB_SETTINGS.length)]!;
  return drawProblem(rng, s.terms, s.digits);
}

/**
 * Fine-tunes a model from the base model: the base weights transplanted into the stage's config
 * (new tensors from `seed/<name>/init`), batches drawn with `seed/<name>/order`.
 */
function fineTune(
  name: "prm" | "revision",
  base: StageRecord,
  seed: string,
  plan: Plan,
  nextBatch: (order: Rng) => Batch,
  progress: Progress,
  from: number,
): { weights: Float32Array; tokens: number; losses: [number, number][] } {
  const config = CONFIGS[name]!;
  const start = transplant(
    base.config,
    base.weights,
    config,
    initialWeights(config, makeRng(`${seed}/${name}/init`)),
  );
  const order = makeRng(`${seed}/${name}/order`);
  return runTraining(name, config, start, plan, () => nextBatch(order), progress, from);
}

/** Fine-tunes the PRM from the base model on Monte Carlo step labels. */
export function trainPrm(base: StageRecord, seed: string, scale: number, progress: Progress): StageRecord {
  const t0 = Date.now();
  const policy = new LabTransformer(base.config, base.weights);
  const rng = makeRng(`${seed}/prm/data`);
  const problems = Math.max(4, Math.round(3000 * scale));
  const samples = 4;
  const rollouts = 8;
  const examples: ValueExample[] = [];
  let sampled = 0;
  let correct = 0;
  for (let q = 0; q < problems; q++) {
    const p = drawTrainingProblem(rng);
    for (const sol of sampleSolutions(policy, p, rng, samples, 1)) {
      sampled += sol.length;
      const { lines, labels, rolledOut } = monteCarloStepLabels(policy, p, sol, rollouts, rng);
      sampled += rolledOut;
      if (isCorrect(p, sol)) correct++;
      const prompt = labPrompt(p);
      const tokens = encodeLab(prompt + lines.slice(0, labels.length).join("\n") + "\n");
      const stepEnds: number[] = [];
      for (let i = prompt.length; i < tokens.length; i++) if (tokens[i] === TOKEN_NEWLINE) stepEnds.push(i);
      if (stepEnds.length === labels.length && tokens.length <= CONFIGS["prm"]!.context) {
        examples.push({ tokens, stepEnds, labels });
      }
    }
    if (q % 50 === 0) progress((0.5 * q) / problems, `prm labels ${q}/${problems} questions`);
  }
  const plan: Plan = {
    steps: Math.max(2, Math.round(1000 * scale)),
    batch: 32,
    learningRate: 1e-3,
    warmup: 20,
  };
  const run = fineTune(
    "prm",
    base,
    seed,
    plan,
    (order) => valueBatch(Array.from({ length: plan.batch }, () => examples[order.int(examples.length)]!)),
    progress,
    0.5,
  );
  return record("prm", seed, plan, t0, run, sampled, {
    labelledSolutions: examples.length,
    rolloutsPerPrefix: rollouts,
    samplesPerQuestion: samples,
    sampledAccuracy: correct / (problems * samples),
  });
}

/** Fine-tunes the revision model from the base model on chains of its own wrong attempts. */
export function trainRevision(
  base: StageRecord,
  seed: string,
  scale: number,
  progress: Progress,
): StageRecord {
  const t0 = Date.now();
  const policy = new LabTransformer(base.config, base.weights);
  const rng = makeRng(`${seed}/revision/data`);
  const problems = Math.max(4, Math.round(4000 * scale));
  const samples = 8;
  const examples: Example[] = [];
  let sampled = 0;
  let withWrong = 0;
  const context = CONFIGS["revision"]!.context;
  for (let q = 0; q < problems; q++) {
    const p = drawTrainingProblem(rng);
    const wrong = new Set<string>();
    for (const s of sampleSolutions(policy, p, rng, samples, 1)) {
      sampled += s.length;
      if (!isCorrect(p, s) && s.length > 0) wrong.add(s);
    }
    const pool = [...wrong];
    // Two chains per question: different numbers of wrong attempts in context.
    for (let c = 0; c < 2; c++) {
      const k = Math.min(pool.length, rng.int(5));
      const chosen = rng.shuffle(pool.slice()).slice(0, k);
      // The last attempt in context is the one closest to the correct solution.
      chosen.sort((a, b) => editDistance(b, p.solution) - editDistance(a, p.solution));
      const ctx = revisionContext(p, chosen);
      const tokens = encodeLab(ctx + p.solution);
      if (tokens.length > context) continue;
      if (k > 0) withWrong++;
      examples.push({ tokens, from: ctx.length - 1 });
    }
    if (q % 50 === 0) progress((0.4 * q) / problems, `revision data ${q}/${problems} questions`);
  }
  const plan: Plan = {
    steps: Math.max(2, Math.round(3000 * scale)),
    batch: 16,
    learningRate: 1e-3,
    warmup: 20,
  };
  const run = fineTune(
    "revision",
    base,
    seed,
    plan,
    (order) => lmBatch(Array.from({ length: plan.batch }, () => examples[order.int(examples.length)]!)),
    progress,
    0.4,
  );
  return record("revision", seed, plan, t0, run, sampled, {
    chains: examples.length,
    chainsWithWrongAttempts: withWrong,
    samplesPerQuestion: samples,
  });
}

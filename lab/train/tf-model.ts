/**
 * The lab's transformer in TensorFlow.js, for training: the same
 * architecture and flat weight layout as `lib/lab/transformer.ts` (which runs
 * the trained weights for inference), built from tfjs ops so tfjs can take
 * the gradients. Runs on the wasm backend. The token embedding is a one-hot
 * matmul because `gather`'s gradient is not registered on wasm.
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import type { Rng } from "../../lib/base/random";
import { labWeightLayout, type LabModelConfig } from "../../lib/lab/transformer";

/** Selects tfjs's wasm backend (single-threaded here) and waits for it. */
export async function useWasm(backend: "wasm" | "cpu" = "wasm"): Promise<void> {
  await tf.setBackend(backend);
  await tf.ready();
}

/** Fresh weights for a config, drawn from `rng` (so training is reproducible). */
export function initialWeights(config: LabModelConfig, rng: Rng): Float32Array {
  const layout = labWeightLayout(config);
  const last = layout[layout.length - 1]!;
  const w = new Float32Array(last.offset + last.size);
  const residualScale = 1 / Math.sqrt(2 * config.layers);
  for (const t of layout) {
    if (t.init === "ones") w.fill(1, t.offset, t.offset + t.size);
    if (t.init !== "normal") continue;
    const fanIn = t.shape.length === 2 && !t.name.endsWith("Emb") ? t.shape[0]! : 1;
    let std = t.name.endsWith("Emb") ? 0.1 : 1 / Math.sqrt(fanIn);
    if (t.name.endsWith(".wo") || t.name.endsWith(".w2")) std *= residualScale;
    if (t.name === "out.w") std *= 0.5;
    for (let i = 0; i < t.size; i++) w[t.offset + i] = rng.normal(0, std);
  }
  return w;
}

/**
 * Copies `from`'s weights into a model of config `to` wherever a tensor of
 * the same name exists: rows of the position embedding as far as both
 * contexts go, the output head only when the heads agree. The rest keeps
 * `into`'s values. Fine-tuning the PRM and the revision model starts here.
 */
export function transplant(
  from: LabModelConfig,
  weights: Float32Array,
  to: LabModelConfig,
  into: Float32Array,
): Float32Array {
  const src = new Map(labWeightLayout(from).map((t) => [t.name, t]));
  const out = into.slice();
  for (const t of labWeightLayout(to)) {
    const s = src.get(t.name);
    if (s === undefined) continue;
    if (t.name.startsWith("out.") && from.head !== to.head) continue;
    const n = Math.min(s.size, t.size);
    out.set(weights.subarray(s.offset, s.offset + n), t.offset);
  }
  return out;
}

/** A model as tfjs variables, one per tensor of the layout. */
export class TfTransformer {
  readonly config: LabModelConfig;
  private readonly vars = new Map<string, tf.Variable>();
  private readonly order: tf.Variable[] = [];

  constructor(config: LabModelConfig, weights: Float32Array) {
    this.config = config;
    for (const t of labWeightLayout(config)) {
      const v = tf.variable(
        tf.tensor(weights.subarray(t.offset, t.offset + t.size), t.shape, "float32"),
        true,
      );
      this.vars.set(t.name, v);
      this.order.push(v);
    }
  }

  /** The trainable variables, in layout order. */
  variables(): tf.Variable[] {
    return this.order;
  }

  private v(name: string): tf.Variable {
    return this.vars.get(name)!;
  }

  /** Outputs [B, T, O] for int32 tokens [B, T]. */
  outputs(tokens: tf.Tensor2D): tf.Tensor3D {
    const { vocab: V, width: d, layers, heads } = this.config;
    const [B, T] = tokens.shape;
    const hd = d / heads;
    const oneHot = tf.cast(tf.oneHot(tf.reshape(tokens, [B * T]), V), "float32");
    let x = tf.reshape(tf.matMul(oneHot, this.v("tokEmb")), [B, T, d]);
    x = tf.add(x, tf.slice(this.v("posEmb"), [0, 0], [T, d]));
    const causal = tf.linalg.bandPart(tf.ones([T, T]), -1, 0);
    const maskAdd = tf.mul(tf.sub(1, causal), -1e9);
    for (let l = 0; l < layers; l++) {
      const p = `block${l}.`;
      const h = layerNorm(x, this.v(p + "ln1.g"), this.v(p + "ln1.b"));
      const qkv = tf.add(tf.matMul(tf.reshape(h, [B * T, d]), this.v(p + "wqkv")), this.v(p + "bqkv"));
      const [q, k, vv] = tf.split(tf.reshape(qkv, [B, T, 3 * d]), 3, 2) as [
        tf.Tensor3D,
        tf.Tensor3D,
        tf.Tensor3D,
      ];
      const toHeads = (t: tf.Tensor3D): tf.Tensor3D =>
        tf.reshape(tf.transpose(tf.reshape(t, [B, T, heads, hd]), [0, 2, 1, 3]), [B * heads, T, hd]);
      const scores = tf.add(
        tf.mul(tf.matMul(toHeads(q), toHeads(k), false, true), 1 / Math.sqrt(hd)),
        maskAdd,
      );
      const att = tf.matMul(tf.softmax(scores), toHeads(vv));
      const merged = tf.reshape(tf.transpose(tf.reshape(att, [B, heads, T, hd]), [0, 2, 1, 3]), [B * T, d]);
      const y = tf.add(tf.matMul(merged, this.v(p + "wo")), this.v(p + "bo"));
      x = tf.add(x, tf.reshape(y, [B, T, d]));
      const h2 = tf.reshape(layerNorm(x, this.v(p + "ln2.g"), this.v(p + "ln2.b")), [B * T, d]);
      const mid = tf.relu(tf.add(tf.matMul(h2, this.v(p + "w1")), this.v(p + "b1")));
      const m = tf.add(tf.matMul(mid, this.v(p + "w2")), this.v(p + "b2"));
      x = tf.add(x, tf.reshape(m, [B, T, d]));
    }
    const hf = tf.reshape(layerNorm(x, this.v("lnf.g"), this.v("lnf.b")), [B * T, d]);
    const out = tf.add(tf.matMul(hf, this.v("out.w")), this.v("out.b"));
    return tf.reshape(out, [B, T, -1]) as tf.Tensor3D;
  }

  /** The current weights as one flat array, in layout order. */
  weights(): Float32Array {
    const layout = labWeightLayout(this.config);
    const last = layout[layout.length - 1]!;
    const w = new Float32Array(last.offset + last.size);
    for (const t of layout) w.set(this.v(t.name).dataSync() as Float32Array, t.offset);
    return w;
  }

  dispose(): void {
    for (const v of this.order) v.dispose();
  }
}

function layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor3D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b) as tf.Tensor3D;
}

/** One training batch, padded to a common length T. */
export interface Batch {
  /** Batch size B. */
  size: number;
  /** Length T. */
  length: number;
  /** Input tokens [B·T]. */
  tokens: Int32Array;
  /** Targets [B·T]: next tokens for an lm head, soft labels in [0, 1] for a value head. */
  targets: Int32Array | Float32Array;
  /** Which positions count in the loss [B·T] (0 or 1). */
  mask: Float32Array;
  /** Real (unpadded) input tokens in the batch. */
  real: number;
}

/** The mean loss over a batch's masked positions (a scalar tensor). */
export function batchLoss(model: TfTransformer, batch: Batch): tf.Scalar {
  const { size: B, length: T } = batch;
  const tokens = tf.tensor2d(batch.tokens, [B, T], "int32");
  const out = model.outputs(tokens);
  const mask = tf.tensor1d(batch.mask);
  const count = Math.max(
    1,
    batch.mask.reduce((a, b) => a + b, 0),
  );
  if (model.config.head === "lm") {
    const logp = tf.logSoftmax(tf.reshape(out, [B * T, model.config.vocab]));
    const onehot = tf.cast(
      tf.oneHot(tf.tensor1d(batch.targets as Int32Array, "int32"), model.config.vocab),
      "float32",
    );
    const picked = tf.sum(tf.mul(logp, onehot), 1);
    return tf.div(tf.neg(tf.sum(tf.mul(picked, mask))), count) as tf.Scalar;
  }
  const z = tf.reshape(out, [B * T]);
  const y = tf.tensor1d(batch.targets as Float32Array);
  const bce = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
  return tf.div(tf.sum(tf.mul(bce, mask)), count) as tf.Scalar;
}

/** Settings of {@link train}. */
export interface TrainSettings {
  /** Optimiser steps. */
  steps: number;
  /** Peak learning rate (Adam). */
  learningRate: number;
  /** Linear warm-up steps. */
  warmup: number;
  /** Gradient clipping: the largest global norm. */
  clip: number;
  /** Called after every step with its loss (read back every `logEvery` steps, NaN otherwise). */
  onStep?: (step: number, loss: number) => void;
  /** Read the loss back every this many steps. */
  logEvery: number;
}

/**
 * Trains with Adam: linear warm-up, then cosine decay to a tenth of the
 * peak; gradients clipped to a global norm.
 */
export function train(model: TfTransformer, nextBatch: (step: number) => Batch, s: TrainSettings): void {
  const opt = tf.train.adam(s.learningRate, 0.9, 0.99, 1e-8);
  const vars = model.variables();
  for (let step = 0; step < s.steps; step++) {
    const lr =
      step < s.warmup
        ? (s.learningRate * (step + 1)) / s.warmup
        : s.learningRate *
          (0.1 + 0.45 * (1 + Math.cos((Math.PI * (step - s.warmup)) / Math.max(1, s.steps - s.warmup))));
    (opt as unknown as { learningRate: number }).learningRate = lr;
    const batch = nextBatch(step);
    const read = (step + 1) % s.logEvery === 0 || step === s.steps - 1;
    let loss = NaN;
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => batchLoss(model, batch), vars);
      const names = Object.keys(grads);
      const norm = Math.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]!)))).dataSync()[0]!);
      const scale = norm > s.clip ? s.clip / norm : 1;
      const scaled: tf.NamedTensorMap = {};
      for (const n of names) scaled[n] = scale === 1 ? grads[n]! : tf.mul(grads[n]!, scale);
      opt.applyGradients(names.map((name) => ({ name, tensor: scaled[name]! })));
      if (read) loss = value.dataSync()[0]!;
    });
    s.onStep?.(step, loss);
  }
  opt.dispose();
}

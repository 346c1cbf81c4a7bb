/**
 * The lab's transformer, for inference: a small decoder-only model (pre-norm
 * blocks of causal multi-head attention and a ReLU MLP, learned positions)
 * run one token at a time with a key–value cache, on typed arrays.
 *
 * The same architecture is trained by `npm run lab:train` with TensorFlow.js;
 * the weights are one flat float32 array in the order of
 * {@link labWeightLayout}, matrices stored row-major as [in, out] (a row
 * vector times the matrix). A model has one of two heads: `"lm"`, the next
 * token's logits (the policy and the revision model), or `"value"`, one
 * logit whose sigmoid is the PRM's score of the prefix so far.
 *
 * Sampling a sequence is a loop of {@link LabDecoder.push}; children of one
 * prefix share its prefill through {@link LabDecoder.snapshot} and
 * {@link LabDecoder.restore}. In JavaScript a batch of sequences gains
 * nothing from running in lockstep (there is no BLAS to feed), so the
 * decoder handles one sequence at a time.
 * @packageDocumentation
 */

import { assertInteger, assertObject, assertOneOf, typeError } from "../base/validate";

/** The shape of a lab model. */
export interface LabModelConfig {
  /** Vocabulary size V. */
  vocab: number;
  /** Context length C: the most tokens a sequence may have. */
  context: number;
  /** Width d of the residual stream. */
  width: number;
  /** Transformer blocks. */
  layers: number;
  /** Attention heads (dividing the width). */
  heads: number;
  /** The output head: next-token logits, or one value logit. */
  head: "lm" | "value";
}

/** One named tensor of a model's flat weight array. */
export interface LabTensor {
  /** Name, e.g. "block0.wqkv". */
  name: string;
  /** Shape, e.g. [d, 3d]. */
  shape: number[];
  /** Offset into the flat array. */
  offset: number;
  /** Number of values. */
  size: number;
  /** How it is initialised for training: normal(0, std), zeros or ones. */
  init: "normal" | "zeros" | "ones";
}

/** Checks a model config; returns it. */
export function checkLabConfig(fn: string, config: unknown): LabModelConfig {
  const c = assertObject(fn, "config", config);
  assertInteger(fn, "config.vocab", c["vocab"], 2, 1024);
  assertInteger(fn, "config.context", c["context"], 1, 4096);
  assertInteger(fn, "config.width", c["width"], 1, 1024);
  assertInteger(fn, "config.layers", c["layers"], 1, 64);
  assertInteger(fn, "config.heads", c["heads"], 1, 64);
  assertOneOf(fn, "config.head", c["head"], ["lm", "value"]);
  if ((c["width"] as number) % (c["heads"] as number) !== 0) {
    typeError(fn, "config.heads", `a divisor of config.width (${String(c["width"])})`, c["heads"]);
  }
  return config as LabModelConfig;
}

/** The tensors of a model, in the order of its flat weight array. */
export function labWeightLayout(config: LabModelConfig): LabTensor[] {
  checkLabConfig("labWeightLayout", config);
  const { vocab: V, context: C, width: d, layers } = config;
  const out = config.head === "lm" ? V : 1;
  const list: LabTensor[] = [];
  let offset = 0;
  const add = (name: string, shape: number[], init: LabTensor["init"]): void => {
    const size = shape.reduce((a, b) => a * b, 1);
    list.push({ name, shape, offset, size, init });
    offset += size;
  };
  add("tokEmb", [V, d], "normal");
  add("posEmb", [C, d], "normal");
  for (let l = 0; l < layers; l++) {
    add(`block${l}.ln1.g`, [d], "ones");
    add(`block${l}.ln1.b`, [d], "zeros");
    add(`block${l}.wqkv`, [d, 3 * d], "normal");
    add(`block${l}.bqkv`, [3 * d], "zeros");
    add(`block${l}.wo`, [d, d], "normal");
    add(`block${l}.bo`, [d], "zeros");
    add(`block${l}.ln2.g`, [d], "ones");
    add(`block${l}.ln2.b`, [d], "zeros");
    add(`block${l}.w1`, [d, 4 * d], "normal");
    add(`block${l}.b1`, [4 * d], "zeros");
    add(`block${l}.w2`, [4 * d, d], "normal");
    add(`block${l}.b2`, [d], "zeros");
  }
  add("lnf.g", [d], "ones");
  add("lnf.b", [d], "zeros");
  add("out.w", [d, out], "normal");
  add("out.b", [out], "zeros");
  return list;
}

/** Checks that a value is a {@link LabTransformer}, optionally with a given head. @internal */
export function assertLabTransformer(
  fn: string,
  name: string,
  value: unknown,
  head?: "lm" | "value",
): asserts value is LabTransformer {
  if (!(value instanceof LabTransformer)) typeError(fn, name, "a LabTransformer (from loadLabModel)", value);
  if (head !== undefined && value.config.head !== head) {
    typeError(
      fn,
      name,
      `a model with ${head === "lm" ? "an lm" : "a value"} head`,
      `a model with a ${value.config.head} head`,
    );
  }
}

/** Number of parameters of a model. */
export function labParameterCount(config: LabModelConfig): number {
  const layout = labWeightLayout(config);
  const last = layout[layout.length - 1] as LabTensor;
  return last.offset + last.size;
}

const LN_EPS = 1e-5;

interface Block {
  ln1g: Float32Array;
  ln1b: Float32Array;
  wqkv: Float32Array;
  bqkv: Float32Array;
  wo: Float32Array;
  bo: Float32Array;
  ln2g: Float32Array;
  ln2b: Float32Array;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

/** A lab model's weights, ready to run. */
export class LabTransformer {
  readonly config: LabModelConfig;
  /** Number of parameters. */
  readonly parameters: number;
  /** Outputs per position: V for "lm", 1 for "value". */
  readonly outputs: number;
  /** @internal */ readonly tokEmb: Float32Array;
  /** @internal */ readonly posEmb: Float32Array;
  /** @internal */ readonly blocks: Block[];
  /** @internal */ readonly lnfg: Float32Array;
  /** @internal */ readonly lnfb: Float32Array;
  /** @internal */ readonly outW: Float32Array;
  /** @internal */ readonly outB: Float32Array;

  /**
   * @param config - the model's shape
   * @param weights - its flat weights, in {@link labWeightLayout} order
   */
  constructor(config: LabModelConfig, weights: Float32Array) {
    const fn = "LabTransformer";
    checkLabConfig(fn, config);
    if (!(weights instanceof Float32Array)) typeError(fn, "weights", "a Float32Array", weights);
    const layout = labWeightLayout(config);
    const total = labParameterCount(config);
    if (weights.length !== total) {
      typeError(
        fn,
        "weights",
        `a Float32Array of ${total} values for this config`,
        `${weights.length} values`,
      );
    }
    for (let i = 0; i < weights.length; i++) {
      if (!Number.isFinite(weights[i])) typeError(fn, `weights[${i}]`, "finite", weights[i]);
    }
    const byName = new Map(layout.map((t) => [t.name, weights.subarray(t.offset, t.offset + t.size)]));
    const get = (name: string): Float32Array => byName.get(name) as Float32Array;
    this.config = { ...config };
    this.parameters = total;
    this.outputs = config.head === "lm" ? config.vocab : 1;
    this.tokEmb = get("tokEmb");
    this.posEmb = get("posEmb");
    this.blocks = [];
    for (let l = 0; l < config.layers; l++) {
      const p = `block${l}.`;
      this.blocks.push({
        ln1g: get(p + "ln1.g"),
        ln1b: get(p + "ln1.b"),
        wqkv: get(p + "wqkv"),
        bqkv: get(p + "bqkv"),
        wo: get(p + "wo"),
        bo: get(p + "bo"),
        ln2g: get(p + "ln2.g"),
        ln2b: get(p + "ln2.b"),
        w1: get(p + "w1"),
        b1: get(p + "b1"),
        w2: get(p + "w2"),
        b2: get(p + "b2"),
      });
    }
    this.lnfg = get("lnf.g");
    this.lnfb = get("lnf.b");
    this.outW = get("out.w");
    this.outB = get("out.b");
  }

  /** A fresh decoder (its own key–value cache) for this model. */
  decoder(): LabDecoder {
    return new LabDecoder(this);
  }

  /**
   * The outputs at every position of one sequence, row by row ([T, outputs]):
   * next-token logits for an "lm" model, the value logit for a "value" one.
   */
  forward(tokens: ArrayLike<number>): Float32Array {
    const fn = "LabTransformer.forward";
    const T = tokens.length;
    if (T < 1 || T > this.config.context) {
      typeError(fn, "tokens", `1 to ${this.config.context} tokens long`, `${T} tokens`);
    }
    for (let i = 0; i < T; i++) {
      const t = tokens[i] as number;
      if (!Number.isInteger(t) || t < 0 || t >= this.config.vocab) {
        typeError(fn, `tokens[${i}]`, `an integer in [0, ${this.config.vocab - 1}]`, t);
      }
    }
    const dec = this.decoder();
    const out = new Float32Array(T * this.outputs);
    for (let i = 0; i < T; i++) out.set(dec.push(tokens[i] as number), i * this.outputs);
    return out;
  }
}

/** A saved decoder position: the cache up to it, restorable by {@link LabDecoder.restore}. */
export interface LabSnapshot {
  /** @internal */ position: number;
  /** @internal */ keys: Float32Array[];
  /** @internal */ values: Float32Array[];
  /** @internal */ output: Float32Array;
}

/**
 * Runs a {@link LabTransformer} one token at a time, caching every layer's
 * keys and values so each new token costs one pass over the weights plus
 * attention over the tokens before it.
 */
export class LabDecoder {
  private readonly m: LabTransformer;
  /** Tokens pushed so far. */
  position = 0;
  private readonly keys: Float32Array[];
  private readonly values: Float32Array[];
  private readonly x: Float32Array;
  private readonly h: Float32Array;
  private readonly qkv: Float32Array;
  private readonly att: Float32Array;
  private readonly mid: Float32Array;
  private readonly scores: Float32Array;
  private readonly out: Float32Array;

  /** @internal */
  constructor(model: LabTransformer) {
    this.m = model;
    const { width: d, context: C, layers } = model.config;
    this.keys = Array.from({ length: layers }, () => new Float32Array(C * d));
    this.values = Array.from({ length: layers }, () => new Float32Array(C * d));
    this.x = new Float32Array(d);
    this.h = new Float32Array(d);
    this.qkv = new Float32Array(3 * d);
    this.att = new Float32Array(d);
    this.mid = new Float32Array(4 * d);
    this.scores = new Float32Array(C);
    this.out = new Float32Array(model.outputs);
  }

  /** The most tokens this decoder holds (the model's context). */
  get context(): number {
    return this.m.config.context;
  }

  /** Forgets every token. */
  reset(): void {
    this.position = 0;
  }

  /** Saves the current position (a copy of the cache up to it). */
  snapshot(): LabSnapshot {
    const n = this.position * this.m.config.width;
    return {
      position: this.position,
      keys: this.keys.map((k) => k.slice(0, n)),
      values: this.values.map((v) => v.slice(0, n)),
      output: this.out.slice(),
    };
  }

  /** Returns to a saved position. */
  restore(s: LabSnapshot): void {
    for (let l = 0; l < this.keys.length; l++) {
      (this.keys[l] as Float32Array).set(s.keys[l] as Float32Array);
      (this.values[l] as Float32Array).set(s.values[l] as Float32Array);
    }
    this.position = s.position;
    this.out.set(s.output);
  }

  /** The outputs after the last pushed token (a view, overwritten by the next push). */
  get output(): Float32Array {
    return this.out;
  }

  /**
   * Appends one token and returns the outputs at its position (a view,
   * overwritten by the next push). Unchecked: the token must be an integer
   * in [0, V) and the context not yet full.
   */
  push(token: number): Float32Array {
    const m = this.m;
    const { width: d, heads } = m.config;
    const hd = d / heads;
    const scale = 1 / Math.sqrt(hd);
    const pos = this.position;
    if (pos >= m.config.context)
      throw new RangeError(`LabDecoder.push: the context of ${m.config.context} tokens is full`);
    const x = this.x;
    const h = this.h;
    const te = token * d;
    const pe = pos * d;
    for (let i = 0; i < d; i++) x[i] = (m.tokEmb[te + i] as number) + (m.posEmb[pe + i] as number);
    for (let l = 0; l < m.blocks.length; l++) {
      const b = m.blocks[l] as Block;
      layerNorm(x, b.ln1g, b.ln1b, h, d);
      matVec(h, b.wqkv, b.bqkv, this.qkv, d, 3 * d);
      const K = this.keys[l] as Float32Array;
      const Vc = this.values[l] as Float32Array;
      const q = this.qkv;
      for (let i = 0; i < d; i++) {
        K[pe + i] = q[d + i] as number;
        Vc[pe + i] = q[2 * d + i] as number;
      }
      const sc = this.scores;
      const att = this.att;
      for (let hh = 0; hh < heads; hh++) {
        const o = hh * hd;
        let max = -Infinity;
        for (let t = 0; t <= pos; t++) {
          let s = 0;
          const kt = t * d + o;
          for (let i = 0; i < hd; i++) s += (q[o + i] as number) * (K[kt + i] as number);
          s *= scale;
          sc[t] = s;
          if (s > max) max = s;
        }
        let sum = 0;
        for (let t = 0; t <= pos; t++) {
          const e = Math.exp((sc[t] as number) - max);
          sc[t] = e;
          sum += e;
        }
        for (let i = 0; i < hd; i++) att[o + i] = 0;
        for (let t = 0; t <= pos; t++) {
          const w = (sc[t] as number) / sum;
          const vt = t * d + o;
          for (let i = 0; i < hd; i++) att[o + i] = (att[o + i] as number) + w * (Vc[vt + i] as number);
        }
      }
      matVec(att, b.wo, b.bo, h, d, d);
      for (let i = 0; i < d; i++) x[i] = (x[i] as number) + (h[i] as number);
      layerNorm(x, b.ln2g, b.ln2b, h, d);
      matVec(h, b.w1, b.b1, this.mid, d, 4 * d);
      const mid = this.mid;
      for (let i = 0; i < 4 * d; i++) if ((mid[i] as number) < 0) mid[i] = 0;
      matVec(mid, b.w2, b.b2, h, 4 * d, d);
      for (let i = 0; i < d; i++) x[i] = (x[i] as number) + (h[i] as number);
    }
    layerNorm(x, m.lnfg, m.lnfb, h, d);
    matVec(h, m.outW, m.outB, this.out, d, m.outputs);
    this.position = pos + 1;
    return this.out;
  }
}

function layerNorm(x: Float32Array, g: Float32Array, b: Float32Array, out: Float32Array, d: number): void {
  let mean = 0;
  for (let i = 0; i < d; i++) mean += x[i] as number;
  mean /= d;
  let v = 0;
  for (let i = 0; i < d; i++) {
    const c = (x[i] as number) - mean;
    v += c * c;
  }
  const inv = 1 / Math.sqrt(v / d + LN_EPS);
  for (let i = 0; i < d; i++) out[i] = ((x[i] as number) - mean) * inv * (g[i] as number) + (b[i] as number);
}

/** out = x · W + bias, with W stored row-major as [n, m]. */
function matVec(
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array,
  out: Float32Array,
  n: number,
  m: number,
): void {
  for (let j = 0; j < m; j++) out[j] = bias[j] as number;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    const row = i * m;
    for (let j = 0; j < m; j++) out[j] = (out[j] as number) + xi * (w[row + j] as number);
  }
}

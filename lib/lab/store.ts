/**
 * The lab's trained models on disk: `lab/models/<name>.json` (the config,
 * how it was trained, its loss log and the commit it came from) beside
 * `lab/models/<name>.bin` (the weights, float32 little-endian in
 * {@link labWeightLayout} order). `npm run lab:train` writes them; the
 * chapter and the study read them.
 * @packageDocumentation
 */

import * as fs from "fs";
import * as path from "path";
import { assertOneOf, typeError } from "../base/validate";
import { checkLabConfig, LabTransformer, labParameterCount, type LabModelConfig } from "./transformer";

/** The lab's models, by name. */
export const LAB_MODEL_NAMES = ["base", "large", "prm", "revision"] as const;
/** One of {@link LAB_MODEL_NAMES}. */
export type LabModelName = (typeof LAB_MODEL_NAMES)[number];

/** What `lab/models/<name>.json` holds. */
export interface LabModelCard {
  name: LabModelName;
  config: LabModelConfig;
  parameters: number;
  /** The training seed. */
  seed: string;
  steps: number;
  batch: number;
  learningRate: number;
  /** Real (unpadded) tokens trained on. */
  trainingTokens: number;
  /** Tokens generated with the base model to build the stage's data. */
  sampledTokens: number;
  /** Wall-clock seconds of the stage. */
  seconds: number;
  /** [step, loss] pairs. */
  losses: [number, number][];
  /** Stage-specific measurements. */
  notes: Record<string, number>;
  /** The commit the training code came from (and whether the tree had changes). */
  commit: string;
  /** When it was trained (ISO 8601). */
  trainedAt: string;
}

/** The folder the committed models live in. */
export function labModelDir(): string {
  return path.resolve(__dirname, "..", "..", "lab", "models");
}

/** Reads a model's card. */
export function labModelCard(name: LabModelName, dir: string = labModelDir()): LabModelCard {
  assertOneOf("labModelCard", "name", name, LAB_MODEL_NAMES);
  if (typeof dir !== "string" || dir === "")
    typeError("labModelCard", "dir", "a folder path (a non-empty string)", dir);
  const file = path.join(dir, `${name}.json`);
  if (!fs.existsSync(file)) {
    typeError("labModelCard", "name", `a trained model (run npm run lab:train; ${file} is missing)`, name);
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as LabModelCard;
}

const cache = new Map<string, LabTransformer>();

/** Loads a trained model (cached per folder). */
export function loadLabModel(name: LabModelName, dir: string = labModelDir()): LabTransformer {
  assertOneOf("loadLabModel", "name", name, LAB_MODEL_NAMES);
  if (typeof dir !== "string" || dir === "")
    typeError("loadLabModel", "dir", "a folder path (a non-empty string)", dir);
  const key = `${dir}\n${name}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const card = labModelCard(name, dir);
  const config = checkLabConfig("loadLabModel", card.config);
  const weights = labModelWeights(name, config, dir);
  const model = new LabTransformer(config, weights);
  cache.set(key, model);
  return model;
}

/**
 * A model's flat weights from `<dir>/<name>.bin` (float32 little-endian), checked against the
 * size its config needs. @internal
 */
export function labModelWeights(name: string, config: LabModelConfig, dir: string): Float32Array {
  const buf = fs.readFileSync(path.join(dir, `${name}.bin`));
  const n = labParameterCount(config);
  if (buf.length !== 4 * n)
    typeError("loadLabModel", "name", `a model whose weights file has ${4 * n} bytes`, `${buf.length} bytes`);
  const weights = new Float32Array(n);
  for (let i = 0; i < n; i++) weights[i] = buf.readFloatLE(4 * i);
  return weights;
}

/** Writes a model's card and weights. @internal */
export function saveLabModel(dir: string, card: LabModelCard, weights: Float32Array): void {
  fs.mkdirSync(dir, { recursive: true });
  const buf = Buffer.alloc(4 * weights.length);
  for (let i = 0; i < weights.length; i++) buf.writeFloatLE(weights[i] as number, 4 * i);
  fs.writeFileSync(path.join(dir, `${card.name}.bin`), buf);
  fs.writeFileSync(path.join(dir, `${card.name}.json`), JSON.stringify(card, null, 1) + "\n");
}

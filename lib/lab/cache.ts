/**
 * The lab study's committed caches (`lab/cache/*.json`, built by
 * `npm run lab:sample`) and how they are read. Every number in chapter 10
 * comes from these and the model cards.
 * @packageDocumentation
 */

import * as fs from "fs";
import * as path from "path";
import { typeError } from "../base/validate";
import type { QuestionRevisions, QuestionSamples, QuestionSearch } from "./collect";
import { labBenchmark } from "./collect";
import type { LabProblem } from "./task";

/** How much the study samples per question. */
export const LAB_CACHE_SETTINGS = {
  /** Base-model samples per question (pass@1 and best-of-N up to this N). */
  samples: 256,
  /** Larger-model samples per question. */
  largeSamples: 32,
  /** Revision chains per question. */
  chains: 8,
  /** Attempts per revision chain. */
  chainLength: 16,
  /** Runs of each search strategy at each budget per question. */
  searchTrials: 4,
} as const;

/** `lab/cache/manifest.json`: how the caches were built. */
export interface LabCacheManifest {
  /** The sampling seed. */
  seed: string;
  /** The benchmark's questions, in order (a check that the caches match the benchmark). */
  questions: string[];
  /** {@link LAB_CACHE_SETTINGS} at build time. */
  settings: typeof LAB_CACHE_SETTINGS;
  /** Each model's size, training tokens, commit and training time. */
  models: Record<string, { parameters: number; trainingTokens: number; commit: string; trainedAt: string }>;
  /** Seconds per lane and wall-clock. */
  seconds: { samples: number; search: number; wall: number };
  /** When (ISO 8601). */
  builtAt: string;
}

/** The caches, read. */
export interface LabCache {
  manifest: LabCacheManifest;
  /** The benchmark's problems, in cache order. */
  problems: LabProblem[];
  samples: QuestionSamples[];
  /** The larger model's answers per question (samples at temperature 1). */
  large: number[][];
  /** The larger model's greedy answer per question (−1: none), the paper's measure of it. */
  largeGreedy: number[];
  revisions: QuestionRevisions[];
  search: QuestionSearch[];
  /** The synthetic study's verdicts at its defaults (id, finding, what the paper says, verdict). */
  synthetic: { id: string; finding: string; paperSays: string; reproduced: "yes" | "partly" | "no" }[];
}

/** Checks a {@link LabCache} argument (from {@link labCache}). @internal */
export function assertLabCache(fn: string, name: string, value: unknown): asserts value is LabCache {
  const c = value as LabCache | null;
  if (
    c === null ||
    typeof c !== "object" ||
    !Array.isArray(c.problems) ||
    !Array.isArray(c.samples) ||
    !Array.isArray(c.search) ||
    !Array.isArray(c.revisions) ||
    !Array.isArray(c.large) ||
    !Array.isArray(c.largeGreedy) ||
    typeof c.manifest !== "object" ||
    c.samples.length !== c.problems.length
  ) {
    typeError(fn, name, "the lab's caches (from labCache)", value);
  }
}

/** The folder of the committed caches. */
export function labCacheDir(): string {
  return path.resolve(__dirname, "..", "..", "lab", "cache");
}

const loaded = new Map<string, LabCache>();

/** Reads the caches (once per folder; later calls return the same object). */
export function labCache(dir: string = labCacheDir()): LabCache {
  if (typeof dir !== "string" || dir === "")
    typeError("labCache", "dir", "a folder path (a non-empty string)", dir);
  const hit = loaded.get(dir);
  if (hit !== undefined) return hit;
  const read = <T>(name: string): T => {
    const file = path.join(dir, `${name}.json`);
    if (!fs.existsSync(file))
      typeError(
        "labCache",
        "dir",
        `a folder holding the lab's caches (run npm run lab:sample; ${file} is missing)`,
        dir,
      );
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  };
  const manifest = read<LabCacheManifest>("manifest");
  const problems = labBenchmark().slice(0, manifest.questions.length);
  problems.forEach((p, i) => {
    if (p.question !== manifest.questions[i]) {
      typeError(
        "labCache",
        "dir",
        "a folder of caches of the current benchmark",
        `question ${i} is ${manifest.questions[i]}, expected ${p.question}`,
      );
    }
  });
  const cache: LabCache = {
    manifest,
    problems,
    samples: read("samples"),
    large: read("large"),
    largeGreedy: read("large-greedy"),
    revisions: read("revisions"),
    search: read("search"),
    synthetic: read("synthetic-findings"),
  };
  loaded.set(dir, cache);
  return cache;
}

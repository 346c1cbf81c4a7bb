/**
 * What the lab's study samples, question by question: the benchmark, the
 * base model's samples with their PRM scores, the larger model's samples,
 * revision chains, and search runs with every strategy of the library.
 * `npm run lab:sample` runs these over the benchmark and commits the
 * results as caches; each question's draws come from their own seeded
 * generator (`seed/q<i>/<kind>`), so any slice of a cache can be rebuilt
 * alone and compared with the committed one.
 * @packageDocumentation
 */

import { makeRng, type Rng } from "../base/random";
import { assertInteger, assertObject, assertSeed, typeError } from "../base/validate";
import { assertLabTransformer } from "./transformer";
import type { SearchStrategy } from "../strategies/registry";
import { isValidSearchBudget, searchStrategyLabel } from "../strategies/search";
import { REVISION_WINDOW, revisionContext } from "./revision-format";
import { countLines, generateLine, prmStepScores, pushText, sampleSolutions } from "./sampler";
import { loadLabModel } from "./store";
import { answerOf, drawProblem, LAB_SETTINGS, type LabProblem } from "./task";
import type { LabTransformer } from "./transformer";
import { labSearch } from "./world";

/** The lab's four trained models. */
export interface LabModels {
  /** The policy. */
  base: LabTransformer;
  /** About 14× the base model's parameters, same pretraining tokens. */
  large: LabTransformer;
  /** The process reward model. */
  prm: LabTransformer;
  /** The revision model. */
  revision: LabTransformer;
}

/** Loads the four committed models (from `dir`, by default the repository's `lab/models`). */
export function loadLabModels(dir?: string): LabModels {
  if (dir !== undefined && (typeof dir !== "string" || dir === "")) {
    typeError("loadLabModels", "dir", "a folder path (a non-empty string) or undefined", dir);
  }
  const load = (n: "base" | "large" | "prm" | "revision"): LabTransformer =>
    dir === undefined ? loadLabModel(n) : loadLabModel(n, dir);
  return { base: load("base"), large: load("large"), prm: load("prm"), revision: load("revision") };
}

/** Problems per difficulty setting in the lab's benchmark. */
export const LAB_BENCHMARK_PER_SETTING = 20;

/**
 * The lab's benchmark: `perSetting` distinct problems from each of the
 * eight {@link LAB_SETTINGS}, in setting order (the same problems for the
 * same seed).
 */
export function labBenchmark(
  perSetting: number = LAB_BENCHMARK_PER_SETTING,
  seed: string | number = "lab-bench",
): LabProblem[] {
  assertInteger("labBenchmark", "perSetting", perSetting, 1, 200);
  assertSeed("labBenchmark", "seed", seed);
  const out: LabProblem[] = [];
  for (const s of LAB_SETTINGS) {
    const rng = makeRng(`${String(seed)}/${s.terms}x${s.digits}`);
    const seen = new Set<string>();
    for (let tries = 0; seen.size < perSetting && tries < 100 * perSetting; tries++) {
      const p = drawProblem(rng, s.terms, s.digits);
      if (seen.has(p.question)) continue;
      seen.add(p.question);
      out.push(p);
    }
  }
  return out;
}

/** Checks a {@link LabModels} argument. @internal */
export function assertLabModels(fn: string, name: string, value: unknown): asserts value is LabModels {
  const m = assertObject(fn, name, value);
  assertLabTransformer(fn, `${name}.base`, m["base"], "lm");
  assertLabTransformer(fn, `${name}.large`, m["large"], "lm");
  assertLabTransformer(fn, `${name}.prm`, m["prm"], "value");
  assertLabTransformer(fn, `${name}.revision`, m["revision"], "lm");
}

/** The generator for one question's draws of one kind. @internal */
export function questionRng(seed: string, index: number, kind: string): Rng {
  return makeRng(`${seed}/q${index}/${kind}`);
}

/**
 * Rounds a score for a cache to six significant digits: relative, not absolute, precision, so
 * that products of many small step scores keep their order (a fixed number of decimals would
 * turn most of them into 0).
 */
function r4(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(6));
}

/** The answer of a sampled solution for a cache: its final result, or −1 when it has none. @internal */
export function cachedAnswer(problem: LabProblem, text: string): number {
  if (countLines(text) < problem.ops.length) return -1;
  const a = answerOf(text);
  return Number.isNaN(a) ? -1 : a;
}

/** One question's base-model samples and the PRM's view of each. */
export interface QuestionSamples {
  /** Answer of each sample (−1: none). */
  answers: number[];
  /** PRM score of the last step ("last" aggregation). */
  last: number[];
  /** Smallest step score ("min"). */
  min: number[];
  /** Product of step scores ("prod"). */
  prod: number[];
}

/** Samples `count` base-model solutions of a problem at temperature 1 and scores each with the PRM. @internal */
export function collectSamples(
  models: LabModels,
  problem: LabProblem,
  seed: string,
  index: number,
  count: number,
): QuestionSamples {
  const rng = questionRng(seed, index, "samples");
  const out: QuestionSamples = { answers: [], last: [], min: [], prod: [] };
  for (const text of sampleSolutions(models.base, problem, rng, count, 1)) {
    const scores = prmStepScores(models.prm, problem, text);
    out.answers.push(cachedAnswer(problem, text));
    out.last.push(r4(scores.length > 0 ? (scores[scores.length - 1] as number) : 0));
    out.min.push(r4(scores.length > 0 ? Math.min(...scores) : 0));
    out.prod.push(r4(scores.reduce((a, b) => a * b, 1)));
  }
  return out;
}

/** The larger model's greedy answer (temperature 0), as the paper evaluates it. @internal */
export function collectLargeGreedy(
  models: LabModels,
  problem: LabProblem,
  seed: string,
  index: number,
): number {
  const text = sampleSolutions(
    models.large,
    problem,
    questionRng(seed, index, "large-greedy"),
    1,
    0,
  )[0] as string;
  return cachedAnswer(problem, text);
}

/** Answers of `count` samples from the larger model at temperature 1. @internal */
export function collectLarge(
  models: LabModels,
  problem: LabProblem,
  seed: string,
  index: number,
  count: number,
): number[] {
  const rng = questionRng(seed, index, "large");
  return sampleSolutions(models.large, problem, rng, count, 1).map((t) => cachedAnswer(problem, t));
}

/** One question's revision chains. */
export interface QuestionRevisions {
  /** chains[c][j]: the answer of attempt j of chain c (−1: none). */
  chains: number[][];
  /** The PRM's last-step score of each attempt. */
  scores: number[][];
}

/**
 * Samples one attempt from the revision model after a context of earlier
 * attempts (the most recent {@link REVISION_WINDOW}, fewer if the context
 * would not leave room for a full solution).
 * @internal
 */
export function reviseOnce(
  model: LabTransformer,
  problem: LabProblem,
  attempts: readonly string[],
  rng: Rng,
): string {
  const T = problem.ops.length;
  let window = attempts.slice(-REVISION_WINDOW);
  const room = (ctx: string): boolean => ctx.length + 14 * T <= model.config.context;
  while (window.length > 0 && !room(revisionContext(problem, window))) window = window.slice(1);
  const dec = model.decoder();
  pushText(dec, revisionContext(problem, window));
  let text = "";
  for (let t = 0; t < T && dec.position < model.config.context; t++) {
    text += generateLine(dec, model.config.context, rng, 1);
  }
  return text;
}

/** Samples `chains` revision chains of `length` attempts each (the first attempt has no context). @internal */
export function collectRevisions(
  models: LabModels,
  problem: LabProblem,
  seed: string,
  index: number,
  chains: number,
  length: number,
): QuestionRevisions {
  const rng = questionRng(seed, index, "revisions");
  const out: QuestionRevisions = { chains: [], scores: [] };
  for (let c = 0; c < chains; c++) {
    const attempts: string[] = [];
    const answers: number[] = [];
    const scores: number[] = [];
    for (let j = 0; j < length; j++) {
      const text = reviseOnce(models.revision, problem, attempts, rng);
      attempts.push(text);
      answers.push(cachedAnswer(problem, text));
      const s = prmStepScores(models.prm, problem, text);
      scores.push(r4(s.length > 0 ? (s[s.length - 1] as number) : 0));
    }
    out.chains.push(answers);
    out.scores.push(scores);
  }
  return out;
}

/** The search strategies the lab's study runs (the paper's own, and DVTS, the Hugging Face team's later addition). */
export const LAB_SEARCH_STRATEGIES: readonly SearchStrategy[] = [
  { kind: "beam", beamWidth: 4 },
  { kind: "beam", beamWidth: "sqrt" },
  { kind: "lookahead", beamWidth: 4, k: 3 },
  { kind: "dvts", beamWidth: 4 },
];

/** The generation budgets of the lab's search runs. */
export const LAB_SEARCH_BUDGETS: readonly number[] = [4, 16, 64];

/** One question's search results: successes out of `trials` per "label@budget". */
export type QuestionSearch = Record<string, number>;

/** Runs every lab strategy at every valid budget `trials` times on a problem. @internal */
export function collectSearch(
  models: LabModels,
  problem: LabProblem,
  seed: string,
  index: number,
  trials: number,
  budgets: readonly number[] = LAB_SEARCH_BUDGETS,
): QuestionSearch {
  const out: QuestionSearch = {};
  for (const s of LAB_SEARCH_STRATEGIES) {
    const label = searchStrategyLabel(s);
    for (const b of budgets) {
      if (!isValidSearchBudget(s, b)) continue;
      const rng = questionRng(seed, index, `search/${label}@${b}`);
      let ok = 0;
      for (let t = 0; t < trials; t++)
        if (labSearch(problem, s, b, { rng, policy: models.base, prm: models.prm }).correct) ok++;
      out[`${label}@${b}`] = ok;
    }
  }
  return out;
}

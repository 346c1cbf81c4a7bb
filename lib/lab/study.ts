/**
 * The paper's study on the lab's real models, computed from the committed
 * caches: difficulty bins from each question's real pass@1 (256 samples)
 * and predicted bins from the PRM; best-of-N (plain, weighted, majority)
 * from subsets of the cached samples; beam search, lookahead and DVTS from
 * the cached search runs; revision chains at every sequential:parallel split
 * the cache holds; compute-optimal choice by two-fold cross-validation in
 * each bin; and the larger model's pass@1 for the FLOPs-matched exchange.
 * @packageDocumentation
 */

import { makeRng, type Rng } from "../base/random";
import { rangeError } from "../base/validate";
import { difficultyBins } from "../models/difficulty";
import { computeOptimal, type ComputeOptimalResult, type StrategyEvaluation } from "../models/optimal";
import { searchStrategyLabel } from "../strategies/search";
import { assertLabCache, type LabCache, labCache } from "./cache";
import { LAB_SEARCH_BUDGETS, LAB_SEARCH_STRATEGIES } from "./collect";

/** Best-of-N budgets of the study (subsets of the 256 cached samples). */
export const LAB_BON_BUDGETS: readonly number[] = [1, 4, 16, 64, 256];

/** Random subsets per question and budget when best-of-N is estimated from the cached samples. */
export const LAB_BON_SUBSETS = 64;

/** How best-of-N picks among N samples. */
export type LabSelection = "weighted" | "majority" | "best";

/** Label of a best-of-N selection, as the library's strategy labels write it. @internal */
export function bonLabel(selection: LabSelection): string {
  return selection === "weighted"
    ? "best-of-N weighted"
    : selection === "majority"
      ? "majority voting"
      : "best-of-N";
}

const TALLY = new Float64Array(10000);
const TOUCHED = new Int32Array(10000);

/** Which answer wins among samples `idx[0..n)` (−1 never wins unless nothing else is there). */
function pick(
  answers: readonly number[],
  scores: readonly number[],
  idx: Int32Array,
  n: number,
  selection: LabSelection,
): number {
  if (selection === "best") {
    let best = -1;
    let bestScore = -Infinity;
    for (let j = 0; j < n; j++) {
      const i = idx[j] as number;
      const s = scores[i] as number;
      if ((answers[i] as number) >= 0 && s > bestScore) {
        bestScore = s;
        best = answers[i] as number;
      }
    }
    return best;
  }
  // A dense tally over answer values (answers are integers below 10^4, the checker's limit).
  let winner = -1;
  let top = -Infinity;
  let touched = 0;
  for (let j = 0; j < n; j++) {
    const i = idx[j] as number;
    const a = answers[i] as number;
    if (a < 0) continue;
    if ((TALLY[a] as number) === 0) TOUCHED[touched++] = a;
    const w = (TALLY[a] as number) + (selection === "weighted" ? (scores[i] as number) : 1);
    TALLY[a] = w;
    if (w > top) {
      top = w;
      winner = a;
    }
  }
  for (let k = 0; k < touched; k++) TALLY[TOUCHED[k] as number] = 0;
  return winner;
}

/**
 * Expected best-of-N success on one question: the mean over `subsets`
 * random subsets of N of the cached samples (all of them when N is the
 * cache's size) of whether the selected answer is right.
 * @internal
 */
export function bestOfNRate(
  answers: readonly number[],
  scores: readonly number[],
  truth: number,
  n: number,
  selection: LabSelection,
  rng: Rng,
  subsets: number = LAB_BON_SUBSETS,
): number {
  const total = answers.length;
  const idx = new Int32Array(total);
  for (let i = 0; i < total; i++) idx[i] = i;
  if (n >= total) return pick(answers, scores, idx, total, selection) === truth ? 1 : 0;
  let ok = 0;
  for (let s = 0; s < subsets; s++) {
    // A partial Fisher–Yates shuffle: the first n entries are a uniform subset.
    for (let j = 0; j < n; j++) {
      const k = j + Math.floor(rng.next() * (total - j)); // rng.int without its per-call check
      const t = idx[j] as number;
      idx[j] = idx[k] as number;
      idx[k] = t;
    }
    if (pick(answers, scores, idx, n, selection) === truth) ok++;
  }
  return ok / subsets;
}

/** One revision split: `parallel` chains of `sequential` attempts (budget = their product). */
export interface LabRevisionSplit {
  sequential: number;
  parallel: number;
}

/** The splits the revision cache holds at a budget: parallel ≤ chains, sequential ≤ chain length, powers of two. @internal */
export function labRevisionSplits(budget: number, chains: number, length: number): LabRevisionSplit[] {
  const out: LabRevisionSplit[] = [];
  for (let p = chains; p >= 1; p /= 2) {
    const s = budget / p;
    if (Number.isInteger(s) && s >= 1 && s <= length) out.push({ sequential: s, parallel: p });
  }
  return out;
}

/**
 * A revision split's success on one question: the cached chains are cut
 * into disjoint groups of `parallel` chains, each group scored on its
 * first `sequential` attempts (the winner over all of them, by `selection`
 * over the PRM's last-step scores), and the groups averaged.
 * @internal
 */
export function revisionRate(
  chains: readonly (readonly number[])[],
  scores: readonly (readonly number[])[],
  truth: number,
  split: LabRevisionSplit,
  selection: LabSelection,
): number {
  const groups = Math.floor(chains.length / split.parallel);
  let ok = 0;
  for (let g = 0; g < groups; g++) {
    const answers: number[] = [];
    const sc: number[] = [];
    for (let c = g * split.parallel; c < (g + 1) * split.parallel; c++) {
      for (let j = 0; j < split.sequential; j++) {
        answers.push((chains[c] as readonly number[])[j] as number);
        sc.push((scores[c] as readonly number[])[j] as number);
      }
    }
    const idx = Int32Array.from(answers.keys());
    if (pick(answers, sc, idx, answers.length, selection) === truth) ok++;
  }
  return ok / groups;
}

/** Label of a revision split: "revisions 4:2" (sequential:parallel), as the library writes ratios. @internal */
export function revisionLabel(split: LabRevisionSplit): string {
  return `revisions ${split.sequential}:${split.parallel}`;
}

/** The lab study, computed. */
export interface LabStudy {
  /** Questions in the benchmark. */
  questions: number;
  /** The base model's pass@1 per question (fraction of its 256 samples that are right). */
  passAtOne: Float64Array;
  /** The larger model's pass@1 per question (the fraction of its samples at temperature 1 that are right). */
  largePassAtOne: Float64Array;
  /** Whether the larger model's greedy answer is right, per question (1 or 0): the paper's measure of the larger model (§7). */
  largeGreedy: Float64Array;
  /** The larger model's parameters over the base model's (M of the FLOPs-matched exchange). */
  sizeRatio: number;
  /** Oracle difficulty levels 1–5 (quintiles of the base model's pass@1; 1 = easiest). */
  oracle: Int32Array;
  /** Predicted levels: quintiles of the PRM's mean last-step score over the samples. */
  predicted: Int32Array;
  /** The PRM's mean last-step score per question (what predicted bins are made from). */
  prmMean: Float64Array;
  /** Search evaluations: best-of-N (three selections, 1–256) and every search strategy (4–64). */
  search: StrategyEvaluation[];
  /** Best-of-N weighted with each PRM aggregation, at every best-of-N budget. */
  aggregation: StrategyEvaluation[];
  /** Revision evaluations at every split the cache holds, weighted and majority selection. */
  revisions: (StrategyEvaluation & LabRevisionSplit & { selection: "weighted" | "majority" })[];
  /** Compute-optimal search over the paper's pool (best-of-N weighted, beam, lookahead), oracle bins. */
  searchOptimal: ComputeOptimalResult;
  /** The same with predicted bins. */
  searchOptimalPredicted: ComputeOptimalResult;
  /** Budgets of the revision study. */
  revisionBudgets: number[];
  /**
   * Compute-optimal revisions: at each budget with more than one split in the cache, the split
   * chosen per oracle bin by two-fold cross-validation (PRM-weighted selection).
   */
  revisionOptimal: ComputeOptimalResult;
}

const studies = new WeakMap<LabCache, LabStudy>();

/** The paper's pool among the lab's search strategies (DVTS is the Hugging Face team's later addition). @internal */
export function labPaperPool(): string[] {
  return [
    bonLabel("weighted"),
    ...LAB_SEARCH_STRATEGIES.filter((s) => s.kind !== "dvts").map(searchStrategyLabel),
  ];
}

/** Computes the study from the caches (once per cache; later calls return the same object). */
export function labStudy(cache: LabCache = labCache()): LabStudy {
  assertLabCache("labStudy", "cache", cache);
  if (cache.problems.length < 10) {
    rangeError(
      "labStudy",
      "cache",
      "caches of at least 10 questions (2 per difficulty level, one per cross-validation fold)",
      `caches of ${cache.problems.length} questions`,
    );
  }
  const hit = studies.get(cache);
  if (hit !== undefined) return hit;
  const Q = cache.problems.length;
  const truth = cache.problems.map((p) => p.answer);
  const rate = (answers: readonly number[], t: number): number =>
    answers.filter((a) => a === t).length / answers.length;
  const passAtOne = Float64Array.from(cache.samples, (s, i) => rate(s.answers, truth[i] as number));
  const largePassAtOne = Float64Array.from(cache.large, (a, i) => rate(a, truth[i] as number));
  const largeGreedy = Float64Array.from(cache.largeGreedy, (a, i) => (a === truth[i] ? 1 : 0));
  const models = cache.manifest.models;
  const sizeRatio = (models["large"]?.parameters ?? 1) / (models["base"]?.parameters ?? 1);
  const prmMean = Float64Array.from(cache.samples, (s) => s.last.reduce((x, y) => x + y, 0) / s.last.length);
  const oracle = difficultyBins(passAtOne);
  const predicted = difficultyBins(prmMean);

  const search: StrategyEvaluation[] = [];
  const aggregation: StrategyEvaluation[] = [];
  for (const sel of ["weighted", "majority", "best"] as const) {
    for (const n of LAB_BON_BUDGETS) {
      const per = Float64Array.from(cache.samples, (s, i) =>
        bestOfNRate(
          s.answers,
          s.last,
          truth[i] as number,
          n,
          sel,
          makeRng(`lab-study/bon/${sel}/${n}/q${i}`),
        ),
      );
      search.push({ strategy: bonLabel(sel), budget: n, perQuestion: per });
    }
  }
  for (const agg of ["last", "min", "prod"] as const) {
    for (const n of LAB_BON_BUDGETS) {
      const per = Float64Array.from(cache.samples, (s, i) =>
        bestOfNRate(
          s.answers,
          s[agg],
          truth[i] as number,
          n,
          "weighted",
          makeRng(`lab-study/bon/weighted/${n}/q${i}`),
        ),
      );
      aggregation.push({ strategy: `best-of-N weighted, ${agg}`, budget: n, perQuestion: per });
    }
  }
  const trials = cache.manifest.settings.searchTrials;
  for (const s of LAB_SEARCH_STRATEGIES) {
    const label = searchStrategyLabel(s);
    for (const b of LAB_SEARCH_BUDGETS) {
      const key = `${label}@${b}`;
      if (!(key in (cache.search[0] ?? {}))) continue;
      search.push({
        strategy: label,
        budget: b,
        perQuestion: Float64Array.from(cache.search, (r) => (r[key] as number) / trials),
      });
    }
  }

  const { chains, chainLength } = cache.manifest.settings;
  const revisionBudgets: number[] = [];
  for (let b = 1; b <= chains * chainLength; b *= 2) revisionBudgets.push(b);
  const revisions: LabStudy["revisions"] = [];
  for (const selection of ["weighted", "majority"] as const) {
    for (const b of revisionBudgets) {
      for (const split of labRevisionSplits(b, chains, chainLength)) {
        const per = Float64Array.from(cache.revisions, (r, i) =>
          revisionRate(r.chains, r.scores, truth[i] as number, split, selection),
        );
        revisions.push({ strategy: revisionLabel(split), budget: b, perQuestion: per, ...split, selection });
      }
    }
  }

  const pool = new Set(labPaperPool());
  const poolEvals = search.filter((e) => pool.has(e.strategy) && e.budget >= 4 && e.budget <= 64);
  const study: LabStudy = {
    questions: Q,
    passAtOne,
    largePassAtOne,
    largeGreedy,
    sizeRatio,
    oracle,
    predicted,
    prmMean,
    search,
    aggregation,
    revisions,
    searchOptimal: computeOptimal(poolEvals, oracle),
    searchOptimalPredicted: computeOptimal(poolEvals, predicted),
    revisionBudgets,
    revisionOptimal: computeOptimal(
      revisions.filter(
        (e) =>
          e.selection === "weighted" &&
          revisions.filter((x) => x.selection === "weighted" && x.budget === e.budget).length > 1,
      ),
      oracle,
    ),
  };
  studies.set(cache, study);
  return study;
}

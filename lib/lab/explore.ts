/**
 * Looking inside the lab's models, for chapter 10: real samples with the
 * PRM's step scores, the wrong solutions the PRM likes best, a revision
 * that fixes a mistake, and pass@1 per difficulty setting. Live calls
 * sample from the committed models in milliseconds.
 * @packageDocumentation
 */

import { makeRng } from "../base/random";
import { assertInteger, assertSeed, typeError } from "../base/validate";
import type { LabCache } from "./cache";
import { assertLabModels, cachedAnswer, type LabModels, reviseOnce } from "./collect";
import { assertLabCache } from "./cache";
import { assertNumberArray } from "../base/validate";
import { prmStepScores, sampleSolutions } from "./sampler";
import { assertProblem, checkLabSolution, LAB_SETTINGS, type LabProblem } from "./task";

/** One sampled solution with the checker's and the PRM's view of every step. */
export interface LabSampleRow {
  /** The solution's lines, each marked ✓ (right) or ✗ (wrong), joined by " | ". */
  steps: string;
  /** The PRM's score of each step, joined by " ". */
  scores: string;
  /** The PRM's last-step score (what best-of-N weighted adds up). */
  last: number;
  /** The answer written (null: none). */
  answer: number | null;
  /** Whether the answer is right (final-answer grading). */
  correct: boolean;
  /** Whether every step is right. */
  allStepsRight: boolean;
}

/** Samples `count` solutions of a problem from the base model and scores every step with the PRM. */
export function labSampleRows(
  models: LabModels,
  problem: LabProblem,
  count: number,
  seed: string | number,
): LabSampleRow[] {
  const fn = "labSampleRows";
  assertLabModels(fn, "models", models);
  assertProblem(fn, problem);
  assertInteger(fn, "count", count, 1, 4096);
  assertSeed(fn, "seed", seed);
  return sampleSolutions(models.base, problem, makeRng(seed), count, 1).map((text) =>
    describeSolution(models, problem, text),
  );
}

/** The checker's and the PRM's view of one written solution. @internal */
export function describeSolution(models: LabModels, problem: LabProblem, text: string): LabSampleRow {
  const checks = checkLabSolution(problem, text);
  const scores = prmStepScores(models.prm, problem, text);
  const a = cachedAnswer(problem, text);
  return {
    steps: checks.map((c) => `${c.correct ? "✓" : "✗"} ${c.line}`).join(" | "),
    scores: scores.map((s) => s.toFixed(2)).join(" "),
    last: scores.length > 0 ? (scores[scores.length - 1] as number) : 0,
    answer: a < 0 ? null : a,
    correct: a === problem.answer,
    allStepsRight: checks.length === problem.ops.length && checks.every((c) => c.correct),
  };
}

/** How often the PRM is fooled, per difficulty level: wrong answers it scores above 0.5. */
export interface LabFooledRow {
  level: number;
  /** Share of wrong samples with a last-step score above 0.5. */
  wrongAboveHalf: number;
  /** Share of right samples with a last-step score above 0.5. */
  rightAboveHalf: number;
  /** Wrong samples in the level. */
  wrong: number;
  /** Right samples in the level. */
  right: number;
}

/** Checks a cache and one difficulty level per cached question. */
function checkLevels(fn: string, cache: LabCache, levels: ArrayLike<number>): void {
  assertLabCache(fn, "cache", cache);
  assertNumberArray(fn, "levels", levels, "finite");
  if (levels.length !== cache.problems.length) {
    typeError(
      fn,
      "levels",
      `one level per cached question (${cache.problems.length})`,
      `${levels.length} levels`,
    );
  }
}

/** The PRM's mistakes per oracle level, from the cached samples. */
export function labFooled(cache: LabCache, levels: ArrayLike<number>): LabFooledRow[] {
  checkLevels("labFooled", cache, levels);
  const rows: LabFooledRow[] = [];
  for (let level = 1; level <= 5; level++) {
    let wrong = 0;
    let right = 0;
    let wrongHigh = 0;
    let rightHigh = 0;
    cache.samples.forEach((s, i) => {
      if (levels[i] !== level) return;
      const truth = (cache.problems[i] as LabProblem).answer;
      s.answers.forEach((a, j) => {
        const high = (s.last[j] as number) > 0.5;
        if (a === truth) {
          right++;
          if (high) rightHigh++;
        } else {
          wrong++;
          if (high) wrongHigh++;
        }
      });
    });
    rows.push({
      level,
      wrongAboveHalf: wrong > 0 ? wrongHigh / wrong : 0,
      rightAboveHalf: right > 0 ? rightHigh / right : 0,
      wrong,
      right,
    });
  }
  return rows;
}

/** A revision chain in which a wrong attempt is followed by a right one. */
export interface LabRevisionExample {
  problem: LabProblem;
  /** The attempts, first to the fixing one. */
  attempts: LabSampleRow[];
  /** Chains tried before this one was found. */
  chainsTried: number;
}

/**
 * Runs revision chains on the given problems (in order, up to `length`
 * attempts each) until one has a wrong attempt followed by a right one,
 * and returns that chain up to the fix; null if none does.
 */
export function labRevisionExample(
  models: LabModels,
  problems: readonly LabProblem[],
  length: number,
  seed: string | number,
): LabRevisionExample | null {
  const fn = "labRevisionExample";
  assertLabModels(fn, "models", models);
  if (!Array.isArray(problems)) typeError(fn, "problems", "an array of LabProblems", problems);
  problems.forEach((p, i) => assertProblem(fn, p, `problems[${i}]`));
  assertInteger(fn, "length", length, 2, 64);
  assertSeed(fn, "seed", seed);
  const rng = makeRng(seed);
  let tried = 0;
  for (const p of problems) {
    tried++;
    const texts: string[] = [];
    for (let j = 0; j < length; j++) {
      const text = reviseOnce(models.revision, p, texts, rng);
      texts.push(text);
      const right = cachedAnswer(p, text) === p.answer;
      const previous =
        texts.length > 1 ? cachedAnswer(p, texts[texts.length - 2] as string) === p.answer : true;
      if (right && !previous) {
        return { problem: p, attempts: texts.map((t) => describeSolution(models, p, t)), chainsTried: tried };
      }
      if (right) break;
    }
  }
  return null;
}

/** Pass@1 per difficulty setting (terms × digits) for the base and the larger model, from the caches. */
export function labPassBySetting(
  cache: LabCache,
): { setting: string; steps: number; base: number; large: number; questions: number }[] {
  assertLabCache("labPassBySetting", "cache", cache);
  return LAB_SETTINGS.map((s) => {
    let base = 0;
    let large = 0;
    let n = 0;
    cache.problems.forEach((p, i) => {
      if (p.terms.length !== s.terms || p.digits !== s.digits) return;
      n++;
      const truth = p.answer;
      const sa = (cache.samples[i] as { answers: number[] }).answers;
      base += sa.filter((a) => a === truth).length / sa.length;
      const la = cache.large[i] as number[];
      large += la.filter((a) => a === truth).length / la.length;
    });
    return {
      setting: `${s.terms} terms × ${s.digits} digit${s.digits > 1 ? "s" : ""}`,
      steps: s.terms - 1,
      base: base / n,
      large: large / n,
      questions: n,
    };
  });
}

/** How often a revision fixes a wrong answer and breaks a right one, per difficulty level. */
export interface LabRevisionRateRow {
  level: number;
  /** P(right | the previous attempt was wrong), over consecutive attempts in the cached chains. */
  fix: number;
  /** P(wrong | the previous attempt was right). */
  breaks: number;
  /** Attempts that followed a wrong one. */
  afterWrong: number;
  /** Attempts that followed a right one. */
  afterRight: number;
  /** The revision model's pass@1 with nothing in context: the share of first attempts that are right. */
  firstAttempt: number;
}

/** Fix and break rates of the revision model per oracle level, from the cached chains. */
export function labRevisionRates(cache: LabCache, levels: ArrayLike<number>): LabRevisionRateRow[] {
  checkLevels("labRevisionRates", cache, levels);
  const rows: LabRevisionRateRow[] = [];
  for (let level = 1; level <= 5; level++) {
    let afterWrong = 0;
    let fixed = 0;
    let afterRight = 0;
    let broken = 0;
    let first = 0;
    let chains = 0;
    cache.revisions.forEach((r, i) => {
      if (levels[i] !== level) return;
      const truth = (cache.problems[i] as LabProblem).answer;
      for (const chain of r.chains) {
        chains++;
        if (chain[0] === truth) first++;
        for (let j = 1; j < chain.length; j++) {
          const before = chain[j - 1] === truth;
          const now = chain[j] === truth;
          if (before) {
            afterRight++;
            if (!now) broken++;
          } else {
            afterWrong++;
            if (now) fixed++;
          }
        }
      }
    });
    rows.push({
      level,
      fix: afterWrong > 0 ? fixed / afterWrong : 0,
      breaks: afterRight > 0 ? broken / afterRight : 0,
      afterWrong,
      afterRight,
      firstAttempt: chains > 0 ? first / chains : 0,
    });
  }
  return rows;
}

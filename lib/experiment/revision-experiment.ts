/**
 * The revision experiment of Snell et al. §6 on the synthetic benchmark: sequential/parallel splits at every budget, the ratio sweep, and the compute-optimal curves; and `evaluationByBin` (see `experiment.ts` for the options, defaults and memo).
 * @packageDocumentation
 */
import { type Benchmark } from "../models/questions";
import { makeRng } from "../base/random";
import {
  DEFAULT_REVISION_MODEL,
  DEFAULT_REVISION_VERIFIER,
  revisionRates,
  type RevisionModel,
  type RevisionVerifier,
} from "../models/revision";
import { revisionRatios, simulateRevisionChains, type RevisionSelection } from "../strategies/revisions";
import { allIndices, meanOver, monteCarloStandardError } from "../base/stats";
import {
  assertFinite,
  assertInteger,
  assertNumberArray,
  assertObject,
  assertOptions,
  assertWork,
  rangeError,
} from "../base/validate";
import {
  CurvePointWithError,
  DEFAULT_REVISION_TRIALS,
  DEFAULT_SWEEP_BUDGET,
  RatioSweep,
  RatioSweepAccuracy,
  ResolvedRevisionExperimentOptions,
  RevisionEvaluation,
  RevisionExperimentOptions,
  RevisionExperimentResult,
  analyse,
  benchmarkDifficulty,
  checkCommon,
  indicesOf,
  makeReporter,
  memoHit,
  renamed,
  resolvedCommon,
  revisionMemo,
  withDefaults,
} from "./experiment";
import { summarise } from "./search-experiment";

// =============================================================================================
// The revision experiment
// =============================================================================================

/** Curve of the split with the given sequential length (a function of the budget) under one rule. */
function endCurve(
  evaluations: readonly RevisionEvaluation[],
  selection: RevisionSelection,
  sequentialOf: (budget: number) => number,
): CurvePointWithError[] {
  return evaluations
    .filter((e) => e.selection === selection && e.sequential === sequentialOf(e.budget))
    .map((e) => ({ budget: e.budget, accuracy: e.accuracy, standardError: e.standardError }));
}

/**
 * The revision experiment of Snell et al. §6 on a synthetic benchmark: at
 * every budget, every sequential:parallel split the paper searched (ICLR
 * Table 1, {@link revisionRatios}), each question simulated `trials` times
 * ({@link simulateRevisionChains}) and scored by both selection rules on the
 * same chains (hierarchical verifier and flat majority); oracle and predicted
 * difficulty bins; the compute-optimal split per bin and budget (verifier
 * selection, `folds`-fold cross-validation) and its efficiency over parallel
 * best-of-N from the revision model — the all-parallel 1:N split with
 * verifier selection, i.e. best-of-N weighted over N independent first
 * attempts; and the accuracy against the ratio at `sweepBudget`, overall and
 * per oracle bin (the paper's Fig. 7).
 *
 * Cost: O(Q · trials · Σ_N N · |ratios(N)|) simulated attempts (3073
 * attempts per question and trial for budgets 1…256) — about a second for
 * the defaults — plus difficulty estimation, shared with
 * {@link runSearchExperiment} on the same benchmark. Results are memoised.
 *
 * @param options - {@link RevisionExperimentOptions}
 * @returns a {@link RevisionExperimentResult}
 * @throws {TypeError} if an option has the wrong type
 * @throws {RangeError} if an option is out of range, `sweepBudget` is not among the budgets,
 *   the benchmark has fewer than bins × folds questions, or the work exceeds 1e9
 * @example
 * const r = runRevisionExperiment();
 * r.evaluations.length;                                         // 82 (41 splits × 2 rules)
 * r.ends.verifier.parallel.find((p) => p.budget === 64)?.accuracy; // ≈ 0.58 (parallel best-of-N)
 * r.efficiency.oracle.find((row) => row.budget === 16)?.ratio;     // null: parallel never catches up
 */
export function runRevisionExperiment(options?: RevisionExperimentOptions): RevisionExperimentResult {
  const fn = "runRevisionExperiment";
  const o = assertOptions(fn, options);
  const common = checkCommon(fn, o, DEFAULT_REVISION_TRIALS, "revision-experiment");

  const modelRaw = o.model ?? {};
  assertOptions(fn, modelRaw, "options.model");
  renamed(fn, "revisionRates: model", "options.model", () =>
    revisionRates(
      common.benchmark.questions[0] as Benchmark["questions"][number],
      modelRaw as Partial<RevisionModel>,
    ),
  );
  const model: RevisionModel = withDefaults<RevisionModel>(
    { ...DEFAULT_REVISION_MODEL },
    modelRaw as Partial<RevisionModel>,
  );
  const verifierRaw = o.verifier ?? DEFAULT_REVISION_VERIFIER;
  const v = assertObject(fn, "options.verifier", verifierRaw);
  assertFinite(fn, "options.verifier.separation", v.separation);
  const verifier: RevisionVerifier = { separation: v.separation };
  const sweepBudget = o.sweepBudget ?? DEFAULT_SWEEP_BUDGET;
  assertInteger(fn, "options.sweepBudget", sweepBudget, 1);
  if (!common.budgets.includes(sweepBudget)) {
    rangeError(
      fn,
      "options.sweepBudget",
      `one of options.budgets (${common.budgets.join(", ")})`,
      sweepBudget,
    );
  }

  const resolved: ResolvedRevisionExperimentOptions = {
    ...resolvedCommon(common),
    model: { fixScale: model.fixScale, breakRate: model.breakRate, stickiness: model.stickiness },
    verifier,
    sweepBudget,
  };

  const Q = common.benchmark.questions.length;
  const plan = common.budgets.map((budget) => ({ budget, splits: revisionRatios(budget) }));
  let total = 0;
  for (const { budget, splits } of plan) total += Q * common.trials * budget * splits.length;
  assertWork(fn, "questions × trials × budgets × ratios", total);

  const key = JSON.stringify(resolved);
  const hit = memoHit(revisionMemo, key, common);
  if (hit) return hit;

  const start = Date.now();
  common.onProgress?.(0, total);
  const difficulty = benchmarkDifficulty(fn, common);
  const reporter = makeReporter(common.onProgress, total);
  const seed = String(common.seed);
  const evaluations: RevisionEvaluation[] = [];
  const qs = common.benchmark.questions;
  for (const { budget, splits } of plan) {
    for (const split of splits) {
      const rng = makeRng(`${seed}/${split.label}@${budget}`);
      const byVerifier = new Float64Array(Q);
      const byMajority = new Float64Array(Q);
      for (let i = 0; i < Q; i++) {
        const q = qs[i] as Benchmark["questions"][number];
        for (let t = 0; t < common.trials; t++) {
          const r = simulateRevisionChains(q, {
            chains: split.parallel,
            length: split.sequential,
            rng,
            verifier,
            model,
          });
          if (r.verifierCorrect) byVerifier[i] = (byVerifier[i] as number) + 1;
          if (r.majorityCorrect) byMajority[i] = (byMajority[i] as number) + 1;
        }
        reporter.add(common.trials * budget);
      }
      for (const [selection, successes] of [
        ["verifier", byVerifier],
        ["majority", byMajority],
      ] as const) {
        evaluations.push({
          strategy: split.label,
          budget,
          sequential: split.sequential,
          parallel: split.parallel,
          selection,
          ...summarise(successes, common.trials),
          trials: common.trials,
          spec: { kind: "revision", sequential: split.sequential, parallel: split.parallel },
        });
      }
    }
  }
  reporter.finish();

  const ends = {
    verifier: {
      parallel: endCurve(evaluations, "verifier", () => 1),
      sequential: endCurve(evaluations, "verifier", (b) => b),
    },
    majority: {
      parallel: endCurve(evaluations, "majority", () => 1),
      sequential: endCurve(evaluations, "majority", (b) => b),
    },
  };
  const baseline = ends.verifier.parallel;
  const cvSeed = `${seed}/folds`;
  const verifierEvaluations = evaluations.filter((e) => e.selection === "verifier");
  const { optimal, efficiency } = analyse(verifierEvaluations, baseline, difficulty, common.folds, cvSeed);
  const result: RevisionExperimentResult = {
    options: resolved,
    benchmark: common.benchmark,
    passRate: Float64Array.from(qs, (q) => q.p),
    oracle: difficulty.oracle,
    predicted: difficulty.predicted,
    budgets: common.budgets,
    folds: common.folds,
    cvSeed,
    evaluations,
    sweepBudget,
    ratioSweep: ratioSweep(evaluations, difficulty.oracle.levels, sweepBudget),
    ends,
    optimal,
    baseline,
    baselineLabel: "parallel best-of-N (1:N, verifier)",
    efficiency,
    generations: total,
    elapsedMs: Date.now() - start,
  };
  if (common.cache) revisionMemo.set(key, result);
  return result;
}

/** Accuracy against the ratio at one budget, overall and per level, for both selection rules. */
function ratioSweep(
  evaluations: readonly RevisionEvaluation[],
  levels: ArrayLike<number>,
  budget: number,
): RatioSweep {
  const splits = revisionRatios(budget);
  const present = [...new Set(Array.from(levels))].sort((a, b) => a - b);
  const all = allIndices(levels.length);
  const series = (selection: RevisionSelection, idx: readonly number[]): RatioSweepAccuracy => {
    const evals = splits.map(
      (s) =>
        evaluations.find(
          (e) => e.selection === selection && e.budget === budget && e.sequential === s.sequential,
        ) as RevisionEvaluation,
    );
    return {
      accuracy: evals.map((e) => meanOver(e.perQuestion, idx)),
      standardError: evals.map((e) => monteCarloStandardError(e.perQuestion, e.trials, idx)),
    };
  };
  const rules: RevisionSelection[] = ["verifier", "majority"];
  const overall = {} as Record<RevisionSelection, RatioSweepAccuracy>;
  const byBin = {} as Record<RevisionSelection, RatioSweepAccuracy[]>;
  for (const rule of rules) {
    overall[rule] = series(rule, all);
    byBin[rule] = present.map((level) => series(rule, indicesOf(levels, level)));
  }
  return { budget, splits, levels: present, overall, byBin };
}

/**
 * Accuracy of one evaluation inside each difficulty bin, with the Monte
 * Carlo standard error of each bin's mean — the numbers behind the paper's
 * per-bin bar charts (Fig. 3 right, Fig. 7 right). O(questions).
 *
 * @param evaluation - an evaluation with per-question success rates and, optionally,
 *   `trials` (the runs behind each rate; without it, or with 1, the conservative
 *   √(a(1 − a)/n) is used)
 * @param levels - difficulty level of each question (integers >= 1), same length
 * @returns one row per level present, increasing: `{ bin, size, accuracy, standardError }`
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if lengths differ, a rate is outside [0, 1], a level is not an integer >= 1,
 *   or `trials` is not an integer >= 1
 * @example
 * evaluationByBin({ perQuestion: [1, 0.5, 0, 0], trials: 2 }, [1, 1, 2, 2]);
 * // [{ bin: 1, size: 2, accuracy: 0.75, standardError: 0.25 }, { bin: 2, size: 2, accuracy: 0, standardError: 0 }]
 */
export function evaluationByBin(
  evaluation: { readonly perQuestion: ArrayLike<number>; readonly trials?: number },
  levels: ArrayLike<number>,
): { bin: number; size: number; accuracy: number; standardError: number }[] {
  const fn = "evaluationByBin";
  const e = assertObject(fn, "evaluation", evaluation);
  assertNumberArray(fn, "evaluation.perQuestion", e.perQuestion, "probability");
  const trials = e.trials ?? 1;
  assertInteger(fn, "evaluation.trials", trials, 1);
  assertNumberArray(fn, "levels", levels, "integer");
  const per = e.perQuestion as ArrayLike<number>;
  if (levels.length !== per.length) {
    throw new RangeError(
      `${fn}: levels must have the same length as evaluation.perQuestion (${per.length}), got length ${levels.length}`,
    );
  }
  for (let i = 0; i < levels.length; i++) assertInteger(fn, `levels[${i}]`, levels[i], 1);
  const present = [...new Set(Array.from(levels))].sort((a, b) => a - b);
  return present.map((bin) => {
    const idx = indicesOf(levels, bin);
    return {
      bin,
      size: idx.length,
      accuracy: meanOver(per, idx),
      standardError: monteCarloStandardError(per, trials, idx),
    };
  });
}

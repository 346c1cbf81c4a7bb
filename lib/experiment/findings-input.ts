/**
 * The inputs of {@link findingsTable}, checked, and the context its
 * fourteen checkers share (curves, efficiencies, lookups), with the small
 * formatting helpers they use.
 * @packageDocumentation
 */
import {
  computeOptimal,
  efficiencyRatio,
  type ComputeOptimalResult,
  type CurvePoint,
  type EfficiencyPoint,
  type StrategyEvaluation,
} from "../models/optimal";
import { revisionRatios, type RevisionSelection } from "../strategies/revisions";
import { allIndices, meanOver } from "../base/stats";
import {
  assertArray,
  assertInteger,
  assertNumberArray,
  assertObject,
  assertOneOf,
  assertSeed,
  rangeError,
  typeError,
} from "../base/validate";
import { SEARCH_BASELINE_LABEL, indicesOf, pairedDifference } from "./experiment";

/** Whether the simulation reproduces a finding. */
export type Verdict = "yes" | "partly" | "no";

/** One row of {@link findingsTable}. */
export interface FindingRow {
  /** A stable key, e.g. "search-efficiency". */
  readonly id: string;
  /** The finding, in the wording of the paper's abstract and §5–§7, scoped to what is tested. */
  readonly finding: string;
  /** What the paper says (facts from the paper, no simulation numbers). */
  readonly paperSays: string;
  /** The numbers from the two results that bear on it. */
  readonly simulationShows: string;
  /** The verdict, computed from the numbers by `criterion`. */
  readonly reproduced: Verdict;
  /** The rule that turns the numbers into the verdict. */
  readonly criterion: string;
  /** Why this verdict: the deciding numbers, in words. */
  readonly reason: string;
}

/** What {@link findingsTable} reads from a search result (a {@link SearchExperimentResult} qualifies). */
export interface SearchFindingsInput {
  /** Evaluations labelled as {@link searchStrategyLabel} writes them; needs best-of-N weighted, beam M=4, beam M=√N and lookahead. */
  readonly evaluations: readonly StrategyEvaluation[];
  /** Oracle difficulty levels (1–5, all present). */
  readonly oracle: { readonly levels: ArrayLike<number> };
  /** Predicted difficulty levels (1–5, all present). */
  readonly predicted: { readonly levels: ArrayLike<number> };
  /** True pass@1 of each question (for the larger-model comparison). */
  readonly passRate: ArrayLike<number>;
  /** Cross-validation folds. @defaultValue 2 */
  readonly folds?: number;
  /** Seed of the cross-validation split. @defaultValue "compute-optimal" */
  readonly cvSeed?: string | number;
}

/** What {@link findingsTable} reads from a revision result (a {@link RevisionExperimentResult} qualifies). */
export interface RevisionFindingsInput {
  /** Evaluations with their split and selection rule; the strategy label is the ratio. */
  readonly evaluations: readonly (StrategyEvaluation & {
    readonly sequential: number;
    readonly parallel: number;
    readonly selection: RevisionSelection;
  })[];
  /** Oracle difficulty levels (1–5, all present). */
  readonly oracle: { readonly levels: ArrayLike<number> };
  /** Predicted difficulty levels (1–5, all present). */
  readonly predicted: { readonly levels: ArrayLike<number> };
  /** True pass@1 of each question (for the larger-model comparison). */
  readonly passRate: ArrayLike<number>;
  /** Budget of the ratio sweep (the paper's 128). */
  readonly sweepBudget: number;
  /** Cross-validation folds. @defaultValue 2 */
  readonly folds?: number;
  /** Seed of the cross-validation split. @defaultValue "compute-optimal" */
  readonly cvSeed?: string | number;
}

/** How many standard errors make a difference count, in every criterion. */
export const FINDINGS_Z = 2;

/** Gain (in accuracy) below which a bin makes no "meaningful progress" (10 percentage points). */
export const MEANINGFUL_GAIN = 0.1;

/** Spread of accuracy across ratios (5 percentage points) below which a bin is "nearly insensitive". */
export const INSENSITIVE_SPREAD = 0.05;

export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
export const pts = (d: number): string => `${d >= 0 ? "+" : "−"}${Math.abs(100 * d).toFixed(1)} pts`;
export const times = (r: number): string => `${r.toFixed(1)}×`;
export const zOf = (d: number, se: number): string =>
  se > 0 ? `${(d / se).toFixed(1)} SE` : d === 0 ? "0 SE" : "∞ SE";

/** An efficiency row as text: "4.6×", or "never" when the baseline never reaches it. */
export function ratioText(row: GatedEfficiencyPoint): string {
  if (row.noSignificantGain === true) return "no gain > 2 SE";
  return row.ratio === null ? "never" : times(row.ratio);
}

/**
 * An efficiency row whose ratio counts only where compute-optimal beats the
 * baseline at the same budget by more than 2 SE; elsewhere ratio 1 and
 * `noSignificantGain`.
 */
export type GatedEfficiencyPoint = EfficiencyPoint & { readonly noSignificantGain?: boolean };

/** The ratio as a number for comparisons: +∞ when the baseline never catches up. */
export function ratioValue(row: EfficiencyPoint): number {
  return row.ratio ?? Infinity;
}

export function verdictOf(yes: boolean, partly: boolean): Verdict {
  return yes ? "yes" : partly ? "partly" : "no";
}

export interface CheckedInput {
  evaluations: readonly StrategyEvaluation[];
  oracle: ArrayLike<number>;
  predicted: ArrayLike<number>;
  passRate: ArrayLike<number>;
  folds: number;
  cvSeed: string | number;
}

export function checkFindingsInput(fn: string, name: string, value: unknown): CheckedInput {
  const v = assertObject(fn, name, value);
  assertArray(fn, `${name}.evaluations`, v.evaluations);
  const evals = v.evaluations as readonly StrategyEvaluation[];
  const oracle = assertObject(fn, `${name}.oracle`, v.oracle);
  const predicted = assertObject(fn, `${name}.predicted`, v.predicted);
  for (const [label, levels] of [
    ["oracle", oracle.levels],
    ["predicted", predicted.levels],
  ] as const) {
    assertNumberArray(fn, `${name}.${label}.levels`, levels, "integer");
    const present = new Set(Array.from(levels as ArrayLike<number>));
    if (present.size !== 5 || ![1, 2, 3, 4, 5].every((l) => present.has(l))) {
      rangeError(fn, `${name}.${label}.levels`, "levels 1–5, each present (the paper's five bins)", [
        ...present,
      ]);
    }
  }
  const n = (oracle.levels as ArrayLike<number>).length;
  assertNumberArray(fn, `${name}.passRate`, v.passRate, "probability");
  for (const [label, arr] of [
    ["predicted.levels", predicted.levels],
    ["passRate", v.passRate],
  ] as const) {
    const len = (arr as ArrayLike<number>).length;
    if (len !== n) {
      throw new RangeError(
        `${fn}: ${name}.${label} must have the same length as ${name}.oracle.levels (${n}), got length ${len}`,
      );
    }
  }
  evals.forEach((e, i) => {
    const ev = assertObject(fn, `${name}.evaluations[${i}]`, e);
    if (typeof ev.strategy !== "string")
      typeError(fn, `${name}.evaluations[${i}].strategy`, "a string", ev.strategy);
    assertInteger(fn, `${name}.evaluations[${i}].budget`, ev.budget, 1);
    assertNumberArray(fn, `${name}.evaluations[${i}].perQuestion`, ev.perQuestion, "probability");
    const len = (ev.perQuestion as ArrayLike<number>).length;
    if (len !== n) {
      throw new RangeError(
        `${fn}: ${name}.evaluations[${i}].perQuestion must have the same length as ${name}.oracle.levels (${n}), got length ${len}`,
      );
    }
  });
  const folds = v.folds ?? 2;
  assertInteger(fn, `${name}.folds`, folds, 2, 10);
  const cvSeed = v.cvSeed ?? "compute-optimal";
  assertSeed(fn, `${name}.cvSeed`, cvSeed);
  return {
    evaluations: evals,
    oracle: oracle.levels as ArrayLike<number>,
    predicted: predicted.levels as ArrayLike<number>,
    passRate: v.passRate as ArrayLike<number>,
    folds,
    cvSeed,
  };
}

/** The evaluation of `label` at `budget`, or a RangeError naming what is missing. */
export function need<T extends StrategyEvaluation>(
  fn: string,
  name: string,
  evals: readonly T[],
  label: string,
  budget: number,
): T {
  const e = evals.find((x) => x.strategy === label && x.budget === budget);
  if (!e) {
    throw new RangeError(
      `${fn}: ${name} must include ${JSON.stringify(label)} at budget ${budget}, got none`,
    );
  }
  return e;
}

export function curveOf(evals: readonly StrategyEvaluation[], label: string): CurvePoint[] {
  const all = allIndices(evals[0]?.perQuestion.length ?? 0);
  return evals
    .filter((e) => e.strategy === label)
    .sort((a, b) => a.budget - b.budget)
    .map((e) => ({ budget: e.budget, accuracy: meanOver(e.perQuestion, all) }));
}

/** The compute-optimal accuracy per level at a budget, from a computeOptimal result. */
export function binAccuracyAt(result: ComputeOptimalResult, budget: number): Map<number, number> {
  const point = result.curve.find((c) => c.budget === budget);
  const out = new Map<number, number>();
  for (const b of point?.bins ?? []) out.set(b.bin, b.accuracy);
  return out;
}

/**
 * A strategy's kind: from the registry spec an experiment attaches to its
 * evaluations, or, for evaluations made by hand, from the label's first word
 * ("beam M=4" → "beam").
 */
export function kindOf(e: StrategyEvaluation): string {
  const spec = (e as { spec?: { kind?: unknown } }).spec;
  if (spec !== undefined && typeof spec.kind === "string") return spec.kind;
  const word = (e.strategy.split(" ")[0] as string).toLowerCase();
  return word;
}

/**
 * Everything the finding checkers share: the checked inputs, the
 * evaluations by rule, the cross-validated compute-optimal curves and their
 * efficiency over the baselines, and small lookups. Built once per
 * {@link findingsTable} call.
 */
export function findingsContext(search: SearchFindingsInput, revision: RevisionFindingsInput) {
  const fn = "findingsTable";
  const s = checkFindingsInput(fn, "search", search);
  const r = checkFindingsInput(fn, "revision", revision);
  const rv = revision as RevisionFindingsInput;
  rv.evaluations.forEach((e, i) => {
    assertInteger(fn, `revision.evaluations[${i}].sequential`, e.sequential, 1);
    assertInteger(fn, `revision.evaluations[${i}].parallel`, e.parallel, 1);
    assertOneOf(fn, `revision.evaluations[${i}].selection`, e.selection, ["verifier", "majority"] as const);
  });
  assertInteger(fn, "revision.sweepBudget", rv.sweepBudget, 1);

  const sEvals = s.evaluations;
  const BON = SEARCH_BASELINE_LABEL;
  const BEAM4 = "beam M=4";
  const BEAMSQ = "beam M=√N";
  for (const budget of [4, 16, 64, 256]) {
    need(fn, "search.evaluations", sEvals, BON, budget);
    need(fn, "search.evaluations", sEvals, BEAM4, budget);
    need(fn, "search.evaluations", sEvals, BEAMSQ, budget);
  }
  const lookaheads = sEvals.filter((e) => kindOf(e) === "lookahead");
  if (lookaheads.length === 0) {
    throw new RangeError(`${fn}: search.evaluations must include a lookahead strategy, got none`);
  }
  const nS = s.oracle.length;
  const allS = allIndices(nS);
  const searchBudgets = [...new Set(sEvals.map((e) => e.budget))].sort((a, b) => a - b);

  // --- Revision evaluations by rule; the baseline and the curves.
  const vEvals = rv.evaluations.filter((e) => e.selection === "verifier");
  const mEvals = rv.evaluations.filter((e) => e.selection === "majority");
  const nR = r.oracle.length;
  const allR = allIndices(nR);
  const revisionBudgets = [...new Set(vEvals.map((e) => e.budget))].sort((a, b) => a - b);
  const parallelOf = (evals: typeof vEvals, budget: number) =>
    need(fn, "revision.evaluations", evals, `1:${budget}`, budget);
  for (const budget of [64, 256]) parallelOf(vEvals, budget);
  const sweep = rv.sweepBudget;
  const sweepSplits = revisionRatios(sweep);
  for (const split of sweepSplits) {
    need(fn, "revision.evaluations", vEvals, split.label, sweep);
    need(fn, "revision.evaluations", mEvals, split.label, sweep);
  }

  // --- Compute-optimal curves and efficiency.
  const cv = (evals: readonly StrategyEvaluation[], levels: ArrayLike<number>, c: CheckedInput) =>
    computeOptimal(evals, levels, { folds: c.folds, seed: c.cvSeed });
  const sOptO = cv(sEvals, s.oracle, s);
  const sOptP = cv(sEvals, s.predicted, s);
  const rOptO = cv(vEvals, r.oracle, r);
  const rOptP = cv(vEvals, r.predicted, r);
  const points = (o: ComputeOptimalResult): CurvePoint[] =>
    o.curve.map(({ budget, accuracy }) => ({ budget, accuracy }));
  const sBase = curveOf(sEvals, BON);
  const rBase: CurvePoint[] = revisionBudgets
    .map((b) => vEvals.find((e) => e.budget === b && e.sequential === 1))
    .filter((e): e is (typeof vEvals)[number] => e !== undefined)
    .map((e) => ({ budget: e.budget, accuracy: meanOver(e.perQuestion, allR) }));
  // An efficiency ratio is only evidence where compute-optimal beats the baseline at the same budget
  // by more than 2 SE (paired: the cross-validated rate of each question against the baseline's rate
  // on the same question): on a plateau, noise alone
  // would make the baseline "never catch up". Elsewhere the established ratio is 1 (no gain shown).
  const gated = (
    rows: readonly EfficiencyPoint[],
    opt: ComputeOptimalResult,
    baseAt: (budget: number) => StrategyEvaluation | undefined,
    idx: readonly number[],
  ): GatedEfficiencyPoint[] =>
    rows.map((row) => {
      const o = opt.curve.find((x) => x.budget === row.budget);
      const b = baseAt(row.budget);
      if (o === undefined || b === undefined) return row;
      const d = pairedDifference(o.heldOut, b.perQuestion, idx);
      const significant = d.difference > FINDINGS_Z * d.standardError;
      return significant ? row : { ...row, ratio: 1, baselineBudget: row.budget, noSignificantGain: true };
    });
  const sBaseAt = (b: number) => sEvals.find((e) => e.strategy === BON && e.budget === b);
  const rBaseAt = (b: number) => vEvals.find((e) => e.budget === b && e.sequential === 1);
  const sEff = gated(efficiencyRatio(points(sOptO), sBase), sOptO, sBaseAt, allS);
  const sEffP = gated(efficiencyRatio(points(sOptP), sBase), sOptP, sBaseAt, allS);
  const rEff = gated(efficiencyRatio(points(rOptO), rBase), rOptO, rBaseAt, allR);
  const rEffP = gated(efficiencyRatio(points(rOptP), rBase), rOptP, rBaseAt, allR);
  const sMaxBase = (sBase[sBase.length - 1] as CurvePoint).budget;
  const rMaxBase = (rBase[rBase.length - 1] as CurvePoint).budget;
  // "4: 3.2×, 16: never, …" — "never": the baseline does not reach that accuracy by its largest budget.
  const rowsText = (
    rows: readonly EfficiencyPoint[],
    max: number,
    budgets: readonly number[],
    note = true,
  ) => {
    const shown = rows.filter((row) => budgets.includes(row.budget));
    const text = shown.map((row) => `${row.budget}: ${ratioText(row)}`).join(", ");
    return note && shown.some((row) => row.ratio === null)
      ? `${text} ("never": not reached by budget ${max})`
      : text;
  };

  // Helpers for the search comparisons.
  const at = (label: string, budget: number) => need(fn, "search.evaluations", sEvals, label, budget);
  const beamsAt = (budget: number) => sEvals.filter((e) => kindOf(e) === "beam" && e.budget === budget);
  const bestOf = (evals: readonly StrategyEvaluation[]) =>
    evals.reduce(
      (a, e) => (meanOver(e.perQuestion, allS) > meanOver(a.perQuestion, allS) ? e : a),
      evals[0] as StrategyEvaluation,
    );

  // Per-bin comparisons (Fig. 3 right: beam M = 4 vs best-of-N at 4, 16, 64, 256).
  const levelIdx = (level: number) => indicesOf(s.oracle, level);
  const binDiff = (a: StrategyEvaluation, b: StrategyEvaluation, level: number) =>
    pairedDifference(a.perQuestion, b.perQuestion, levelIdx(level));

  // Revisions at the sweep budget.
  const rLevelIdx = (level: number) => indicesOf(r.oracle, level);
  const sweepEvals = (evals: typeof vEvals) =>
    sweepSplits.map((split) => need(fn, "revision.evaluations", evals, split.label, sweep));
  const vSweep = sweepEvals(vEvals);
  const mSweep = sweepEvals(mEvals);
  const seqEnd = vSweep[vSweep.length - 1] as (typeof vEvals)[number];
  const parEnd = vSweep[0] as (typeof vEvals)[number];

  return {
    fn,
    s,
    r,
    rv,
    sEvals,
    BON,
    BEAM4,
    BEAMSQ,
    lookaheads,
    nS,
    allS,
    searchBudgets,
    vEvals,
    mEvals,
    nR,
    allR,
    revisionBudgets,
    parallelOf,
    sweep,
    sweepSplits,
    cv,
    sOptO,
    sOptP,
    rOptO,
    rOptP,
    points,
    sBase,
    rBase,
    sEff,
    sEffP,
    rEff,
    rEffP,
    sMaxBase,
    rMaxBase,
    rowsText,
    at,
    beamsAt,
    bestOf,
    levelIdx,
    binDiff,
    rLevelIdx,
    sweepEvals,
    vSweep,
    mSweep,
    seqEnd,
    parEnd,
  };
}

/** What {@link findingsContext} returns. */
export type FindingsContext = ReturnType<typeof findingsContext>;

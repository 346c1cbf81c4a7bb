/**
 * The strategy registry: every step-level search strategy is declared once
 * here — its name, its parameters and their checks, its label, its cost in
 * generations, how it expands a round (the piece of {@link runStepSearch}
 * that makes it what it is) — and the search functions, the budget
 * accounting ({@link strategyCost}), the experiment, its findings and the
 * planner read it from here. Adding a strategy is one module with its entry
 * (see `rebase.ts`) and one line in {@link SEARCH_STRATEGY_ENTRIES}.
 *
 * Every strategy runs N = B/(k + 1) candidates at a generation budget B
 * (k = rollout length, 0 except for lookahead search), so each costs
 * exactly B generations, the paper's unit.
 * @packageDocumentation
 */
import { assertInteger, assertObject, assertOneOf, rangeError, show, typeError } from "../base/validate";
import { rebaseEntry, type RebaseRun, type RebaseStrategy } from "./rebase";
import { type BeamWidthSpec, type SearchShape, type SearchStrategyEntry } from "./entry";
import { expandAll, expandPerSubtree, expandTop } from "./step-search";

export type { BeamWidthSpec, SearchShape, SearchStrategyEntry };

// =============================================================================================
// Shared pieces of the entries
// =============================================================================================

/** Checks `beamWidth` as a number >= 1 or "sqrt". */
function checkWidthSpec(fn: string, name: string, s: Record<string, unknown>): void {
  if (s.beamWidth === "sqrt") return;
  if (typeof s.beamWidth !== "number") typeError(fn, `${name}.beamWidth`, `a number or "sqrt"`, s.beamWidth);
  assertInteger(fn, `${name}.beamWidth`, s.beamWidth, 1);
}

/** M at N for a width spec, checked: "sqrt" needs a perfect square, a number must divide N. */
function widthAt(fn: string, name: string, spec: BeamWidthSpec, n: number): number {
  if (spec === "sqrt") {
    const root = Math.round(Math.sqrt(n));
    if (root * root !== n) {
      rangeError(fn, `${name}.beamWidth`, `a number when N is not a perfect square (N = ${n})`, spec);
    }
    return root;
  }
  if (n % spec !== 0)
    throw new RangeError(`${fn}: ${name}.beamWidth must divide n (n = ${n}), got ${show(spec)}`);
  return spec;
}

function widthLabel(spec: BeamWidthSpec): string {
  return spec === "sqrt" ? "M=√N" : `M=${spec}`;
}

/** n and beamWidth of a run spec, checking that M divides n. */
export function readBeamRun(fn: string, s: Record<string, unknown>): { n: number; beamWidth: number } {
  assertInteger(fn, "spec.n", s.n);
  assertInteger(fn, "spec.beamWidth", s.beamWidth);
  if (s.n % s.beamWidth !== 0) {
    rangeError(fn, "spec.beamWidth", `an integer >= 1 that divides n (n = ${s.n})`, s.beamWidth);
  }
  return { n: s.n, beamWidth: s.beamWidth };
}

// =============================================================================================
// The entries of the paper's strategies and DVTS
// =============================================================================================

/** Best-of-N weighted: N independent samples ({@link bestOfNWeighted}). */
export interface BestOfNStrategy {
  kind: "best-of-n";
}
/** One best-of-N run: n samples. */
export interface BestOfNRun {
  kind: "best-of-n";
  n: number;
}
/** Beam search with N beams of width M ({@link beamSearch}). */
export interface BeamStrategy {
  kind: "beam";
  beamWidth: BeamWidthSpec;
}
/** One beam search run. */
export interface BeamRun {
  kind: "beam";
  n: number;
  beamWidth: number;
}
/** Lookahead search with rollouts of k steps ({@link lookaheadSearch}); N = B/(k + 1). */
export interface LookaheadStrategy {
  kind: "lookahead";
  beamWidth: BeamWidthSpec;
  k: number;
}
/** One lookahead run. */
export interface LookaheadRun {
  kind: "lookahead";
  n: number;
  beamWidth: number;
  k: number;
}
/** DVTS: N/M independent greedy subtrees ({@link dvts}). */
export interface DvtsStrategy {
  kind: "dvts";
  beamWidth: BeamWidthSpec;
}
/** One DVTS run. */
export interface DvtsRun {
  kind: "dvts";
  n: number;
  beamWidth: number;
}

const bestOfNEntry: SearchStrategyEntry<BestOfNStrategy, BestOfNRun> = {
  kind: "best-of-n",
  credit: "Snell et al. 2024 §5.1 (best-of-N weighted: Li et al. 2023)",
  inPaper: true,
  stepwise: false,
  selection: "weighted",
  expand: expandAll,
  check: () => undefined,
  label: () => "best-of-N weighted",
  rollout: () => 0,
  width: () => 1,
  temperature: () => 0,
  nested: () => true,
  meaningful: () => true,
  run: (_s, shape) => ({ kind: "best-of-n", n: shape.n }),
  readRun: (fn, s) => {
    assertInteger(fn, "spec.n", s.n);
    return { n: s.n, beamWidth: 1, k: 0 };
  },
};

const beamEntry: SearchStrategyEntry<BeamStrategy, BeamRun> = {
  kind: "beam",
  credit: "Snell et al. 2024 §5.2",
  inPaper: true,
  stepwise: true,
  selection: "weighted",
  expand: expandTop,
  check: checkWidthSpec,
  label: (s) => `beam ${widthLabel(s.beamWidth)}`,
  rollout: () => 0,
  width: (fn, name, s, n) => widthAt(fn, name, s.beamWidth, n),
  temperature: () => 0,
  nested: () => false,
  meaningful: (shape) => shape.beamWidth >= 2,
  run: (_s, shape) => ({ kind: "beam", n: shape.n, beamWidth: shape.beamWidth }),
  readRun: (fn, s) => ({ ...readBeamRun(fn, s), k: 0 }),
};

const lookaheadEntry: SearchStrategyEntry<LookaheadStrategy, LookaheadRun> = {
  kind: "lookahead",
  credit: "Snell et al. 2024 §5.2",
  inPaper: true,
  stepwise: true,
  selection: "weighted",
  expand: expandTop,
  check: (fn, name, s) => {
    checkWidthSpec(fn, name, s);
    assertInteger(fn, `${name}.k`, s.k, 0, 1000);
  },
  label: (s) => `lookahead k=${s.k} ${widthLabel(s.beamWidth)}`,
  rollout: (s) => s.k,
  width: (fn, name, s, n) => widthAt(fn, name, s.beamWidth, n),
  temperature: () => 0,
  nested: () => false,
  meaningful: (shape) => shape.beamWidth >= 2,
  run: (_s, shape) => ({ kind: "lookahead", n: shape.n, beamWidth: shape.beamWidth, k: shape.k }),
  readRun: (fn, s) => {
    const beam = readBeamRun(fn, s);
    assertInteger(fn, "spec.k", s.k, 0);
    return { ...beam, k: s.k };
  },
};

const dvtsEntry: SearchStrategyEntry<DvtsStrategy, DvtsRun> = {
  kind: "dvts",
  credit: "Hugging Face, search-and-learn (Beeching et al. 2024), after the paper",
  inPaper: false,
  stepwise: true,
  selection: "weighted",
  expand: expandPerSubtree,
  check: checkWidthSpec,
  label: (s) => `DVTS ${widthLabel(s.beamWidth)}`,
  rollout: () => 0,
  width: (fn, name, s, n) => widthAt(fn, name, s.beamWidth, n),
  temperature: () => 0,
  // The first n/M of N/M independent subtrees are a run at budget n (with M fixed).
  nested: (s) => typeof s.beamWidth === "number",
  meaningful: (shape) => shape.beamWidth >= 2,
  run: (_s, shape) => ({ kind: "dvts", n: shape.n, beamWidth: shape.beamWidth }),
  readRun: (fn, s) => ({ ...readBeamRun(fn, s), k: 0 }),
};

// =============================================================================================
// The registry
// =============================================================================================

/** Every search strategy, in documentation order. Add a strategy here. */
export const SEARCH_STRATEGY_ENTRIES = [
  bestOfNEntry,
  beamEntry,
  lookaheadEntry,
  dvtsEntry,
  rebaseEntry,
] as const;

/** A search strategy without its budget, so sweeps can pair strategies with budgets. */
export type SearchStrategy =
  BestOfNStrategy | BeamStrategy | LookaheadStrategy | DvtsStrategy | RebaseStrategy;

/** One run of a search strategy at a budget, in {@link strategyCost}'s terms. */
export type SearchRun = BestOfNRun | BeamRun | LookaheadRun | DvtsRun | RebaseRun;

/** The strategy kinds, in documentation order. */
export const SEARCH_STRATEGY_KINDS: readonly SearchStrategy["kind"][] = Object.freeze(
  SEARCH_STRATEGY_ENTRIES.map((e) => e.kind),
);

// The entries' types differ by strategy; the registry hands them out under the widest one.
type AnyEntry = SearchStrategyEntry<SearchStrategy, SearchRun>;
const BY_KIND = new Map<string, AnyEntry>(
  SEARCH_STRATEGY_ENTRIES.map((e) => [e.kind, e as unknown as AnyEntry]),
);

/** The entry of a kind (the kind must be known). @internal */
export function entryOf(kind: string): AnyEntry {
  return BY_KIND.get(kind) as AnyEntry;
}

/**
 * Checks a strategy object under `fn` (as `name`) and returns its entry.
 * @internal
 */
export function checkStrategy(fn: string, name: string, strategy: unknown): AnyEntry {
  const s = assertObject(fn, name, strategy);
  assertOneOf(fn, `${name}.kind`, s.kind, SEARCH_STRATEGY_KINDS);
  const entry = entryOf(s.kind);
  entry.check(fn, name, s);
  return entry;
}

/** Resolves a checked strategy at a budget, throwing the house errors under `fn`. @internal */
export function resolveShape(
  fn: string,
  strategy: unknown,
  budget: unknown,
  budgetName = "budget",
  name = "strategy",
): SearchShape & { entry: AnyEntry } {
  const entry = checkStrategy(fn, name, strategy);
  const s = strategy as SearchStrategy;
  assertInteger(fn, budgetName, budget, 1);
  const k = entry.rollout(s);
  if (budget % (k + 1) !== 0) rangeError(fn, budgetName, `a multiple of k + 1 (k + 1 = ${k + 1})`, budget);
  const n = budget / (k + 1);
  const beamWidth = entry.width(fn, name, s, n);
  return { entry, n, beamWidth, k, generations: budget };
}

/**
 * The shape of a strategy declaration ({@link SearchStrategyEntry}) and of
 * a strategy at a budget ({@link SearchShape}); the entries themselves are
 * in `registry.ts` and in each later strategy's own module.
 * @packageDocumentation
 */
import { type ExpansionRule, type FinalSelection } from "./step-search";

/** A beam width: a number M, or `"sqrt"` for M = √N (N must then be a perfect square). */
export type BeamWidthSpec = number | "sqrt";

/** A strategy resolved at a generation budget. */
export interface SearchShape {
  /** Beams (or samples) N. */
  n: number;
  /** Beam width M (1 for best-of-N and REBASE). */
  beamWidth: number;
  /** Rollout length k (0 except for lookahead search). */
  k: number;
  /** Generations one run costs: N·(k + 1), equal to the budget. */
  generations: number;
}

/**
 * The declaration of one search strategy. `S` is the strategy without its
 * budget (what sweeps pair with budgets); `R` is one run of it at a budget,
 * in {@link strategyCost}'s terms.
 */
export interface SearchStrategyEntry<S extends { kind: string }, R extends { kind: string; n: number }> {
  /** The strategy's `kind`. */
  readonly kind: S["kind"];
  /** Who introduced it, for credits in tables and chapters. */
  readonly credit: string;
  /** Whether it is in Snell et al.'s own pool of methods (the planner's default pool). */
  readonly inPaper: boolean;
  /** Whether the verifier scores every step (true) or only finished solutions (best-of-N). */
  readonly stepwise: boolean;
  /** How the final answer is chosen among the finished candidates. */
  readonly selection: FinalSelection;
  /** The expansion rule of a round. */
  readonly expand: ExpansionRule;
  /** Checks the strategy's own fields (`name` is how the caller calls the object). */
  check(fn: string, name: string, s: Record<string, unknown>): void;
  /** A short label, distinct for distinct strategies: "beam M=√N", "DVTS M=4". */
  label(s: S): string;
  /** Rollout length k. */
  rollout(s: S): number;
  /** Beam width at N candidates; throws the house error under `fn`/`name` when it cannot run. */
  width(fn: string, name: string, s: S, n: number): number;
  /** REBASE's softmax temperature (0 for the others). */
  temperature(s: S): number;
  /** Whether runs at smaller budgets are prefixes of one run at the largest (scored on prefixes). */
  nested(s: S): boolean;
  /** Whether a run at this shape means something (a beam of width 1 is best-of-N). */
  meaningful(shape: SearchShape): boolean;
  /** One run at a shape, as {@link strategyCost} takes it. */
  run(s: S, shape: SearchShape): R;
  /** Reads and checks a run spec: N, M and k. */
  readRun(fn: string, s: Record<string, unknown>): { n: number; beamWidth: number; k: number };
}

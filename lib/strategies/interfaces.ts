/**
 * What a step-level search needs from the world it searches in: a **policy**
 * that writes solutions one step at a time, and a **verifier** (a process
 * reward model, PRM) that scores partial solutions. Best-of-N, beam search,
 * lookahead search, DVTS and REBASE are written once against these two
 * interfaces ({@link runStepSearch}); the synthetic world of this library is
 * one implementation ({@link SyntheticStepWorld}), a real language model with
 * a learned PRM is another.
 *
 * Both interfaces are **batched**: one call handles every prefix of a round,
 * so an implementation can run a model once over a whole batch, and the
 * synthetic one loops over typed arrays without allocating.
 *
 * A prefix is a handle `P` that only the policy interprets (an index into
 * its own arrays, a token buffer, a string). All prefixes of a round share
 * one depth, the number of steps written so far; it is passed along so that
 * implementations that track depth themselves need not store it.
 * @packageDocumentation
 */

/** Bit of {@link StepPolicy.status}: the prefix is still on a correct path. */
export const STATUS_ON_TRACK = 1;
/** Bit of {@link StepPolicy.status}: the prefix is wrong in a way the verifier cannot see. */
export const STATUS_FOOLED = 2;

/** A policy that writes solutions one step at a time. */
export interface StepPolicy<P> {
  /** Steps T in a full solution: a search runs at most this many rounds. */
  readonly steps: number;
  /** The empty prefix (the question alone). */
  root(): P;
  /**
   * Samples one next step for each of `parents[0..count)` and writes the new
   * prefixes to `out[0..count)`; the parents are at `depth − 1` steps, the
   * children at `depth`. A parent may appear many times (one child each).
   */
  extend(parents: readonly P[], count: number, depth: number, out: P[]): void;
  /**
   * Continues each of `prefixes[0..count)` by up to `k` more steps at
   * temperature 0 (lookahead search's rollouts), writing the rolled-out
   * prefixes to `out[0..count)`. A rollout stops at the end of the solution.
   */
  rollout(prefixes: readonly P[], count: number, depth: number, k: number, out: P[]): void;
  /**
   * Answer extraction: the answer a prefix ends in, as a small integer id
   * (the same answer gets the same id within one question). For an
   * unfinished prefix, the answer it is committed to.
   */
  answer(prefix: P): number;
  /**
   * What the world knows about a prefix that the verifier may not: a bit
   * set of {@link STATUS_ON_TRACK} and {@link STATUS_FOOLED}. Optional; used
   * only for traces.
   */
  status?(prefix: P): number;
}

/** A verifier that scores partial solutions step by step. */
export interface StepVerifier<P> {
  /**
   * Scores the latest step of each of `prefixes[0..count)` (all at `depth`
   * steps) in (0, 1), writing the scores to `out[0..count)`.
   */
  score(prefixes: readonly P[], count: number, depth: number, out: Float64Array): void;
}

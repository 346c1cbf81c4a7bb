/**
 * REBASE, reward-balanced search (Wu, Sun, Li, Welleck, Yang 2024,
 * "Inference Scaling Laws", §3.2) — a later method, not in Snell et al.'s
 * pool. Instead of keeping the top n/M prefixes and giving each M children
 * (beam search), every round shares the n children of the next round among
 * *all* n candidates in proportion to
 *
 *     w_i = softmax(key_i / τ),   children_i ≈ n · w_i,
 *
 * rounded by largest remainder (floor first; the leftover children go to
 * the largest remainders, ties to the earlier candidate). A small τ
 * approaches greedy selection (all n children to the best prefix); a large
 * τ approaches best-of-N (one child each). Cost: n generations, like beam
 * search; the PRM scores every step.
 *
 * This module is the whole of REBASE in the library: its types, its
 * expansion rule and its registry entry.
 * @packageDocumentation
 */
import { assertInteger, assertPositive } from "../base/validate";
import { type SearchStrategyEntry } from "./entry";
import { type ExpansionRule } from "./step-search";

/** REBASE with softmax temperature τ. */
export interface RebaseStrategy {
  kind: "rebase";
  /** Softmax temperature τ over aggregated PRM scores in (0, 1), a finite number > 0. */
  temperature: number;
}

/** One REBASE run: n candidates per round. */
export interface RebaseRun {
  kind: "rebase";
  n: number;
}

/**
 * REBASE's expansion: the n children shared by softmax(key/τ), by largest
 * remainder; children of one parent adjacent, parents in candidate order.
 */
export const expandBalanced: ExpansionRule = (keys, n, _width, parents, order, temperature) => {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if ((keys[i] as number) > max) max = keys[i] as number;
  let total = 0;
  // order[] first holds each candidate's child count; the remainders are recomputed below.
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = Math.exp(((keys[i] as number) - max) / temperature);
    weights[i] = w;
    total += w;
  }
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const share = (n * (weights[i] as number)) / total;
    const whole = Math.floor(share);
    order[i] = whole;
    weights[i] = share - whole;
    assigned += whole;
  }
  // Leftover children: largest remainder first, ties to the earlier candidate.
  for (let left = n - assigned; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if ((weights[i] as number) < 0) continue;
      if (best < 0 || (weights[i] as number) > (weights[best] as number)) best = i;
    }
    order[best] = (order[best] as number) + 1;
    weights[best] = -1;
  }
  let c = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < (order[i] as number); j++) parents[c++] = i;
  }
};

/** The registry entry of REBASE. */
export const rebaseEntry: SearchStrategyEntry<RebaseStrategy, RebaseRun> = {
  kind: "rebase",
  credit: "Wu et al. 2024, Inference Scaling Laws (REBASE), after the paper",
  inPaper: false,
  stepwise: true,
  selection: "weighted",
  expand: expandBalanced,
  check: (fn, name, s) => assertPositive(fn, `${name}.temperature`, s.temperature),
  label: (s) => `REBASE τ=${s.temperature}`,
  rollout: () => 0,
  width: () => 1,
  temperature: (s) => s.temperature,
  nested: () => false,
  meaningful: (shape) => shape.n >= 2,
  run: (_s, shape) => ({ kind: "rebase", n: shape.n }),
  readRun: (fn, s) => {
    // A run spec has n only (the temperature does not change the cost).
    assertInteger(fn, "spec.n", s.n);
    return { n: s.n, beamWidth: 1, k: 0 };
  },
};

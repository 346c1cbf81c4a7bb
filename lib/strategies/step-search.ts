/**
 * The one search loop behind every step-level strategy, written against a
 * {@link StepPolicy} and a {@link StepVerifier} (Snell et al. 2024 §5.2;
 * huggingface/search-and-learn; Wu et al. 2024 for REBASE).
 *
 * Round 1 samples n first steps from the empty prefix. Every round the
 * verifier scores the n candidates (after a temperature-0 rollout of up to k
 * steps, for lookahead search), each candidate's step scores are aggregated
 * ("last", "min" or "prod") into one key, and an **expansion rule** chooses,
 * for each of the next round's n children, its parent among the current
 * candidates. The rule is what tells the strategies apart:
 *
 * - best-of-N: every candidate is its own only child (nothing is pruned);
 * - beam search: the top n/M candidates get M children each;
 * - DVTS: the best candidate of each group of M gets M children (n/M
 *   independent subtrees);
 * - REBASE: every candidate gets a share of the n children proportional to
 *   softmax(key / temperature).
 *
 * After min(T, maxRounds) rounds the candidates are finished one step at a
 * time without pruning, and the final answer is chosen among the n
 * candidates: best-of-N weighted (the largest summed key per answer; the
 * default), majority (the most common answer) or plain best-of-N (the answer
 * of the highest key). Ties go to the answer seen first.
 *
 * This module holds no validation: the public functions in `search.ts` check
 * their arguments once and call {@link StepSearch.run} directly.
 * @packageDocumentation
 */
import { VoteTally } from "../base/stats";
import { STATUS_FOOLED, STATUS_ON_TRACK, type StepPolicy, type StepVerifier } from "./interfaces";

/** How the per-step scores of a prefix are combined into one key. */
export type PrmAggregation =
  /** The score of the latest step (the paper's choice; it won in their comparison). */
  | "last"
  /** The smallest step score so far (Lightman et al. 2023). */
  | "min"
  /** The product of the step scores so far. */
  | "prod";

/** The aggregation rules, in documentation order. */
export const PRM_AGGREGATIONS: readonly PrmAggregation[] = ["last", "min", "prod"];

/** How the final answer is chosen among the finished candidates. */
export type FinalSelection = "weighted" | "majority" | "best";

/**
 * An expansion rule: given this round's n candidate keys, writes to
 * `parents[0..n)` the index of each next-round child's parent. `order` is
 * scratch space of length n. Children of one parent must be adjacent, so
 * that groups of M children form DVTS's subtrees.
 */
export type ExpansionRule = (
  keys: Float64Array,
  n: number,
  width: number,
  parents: Int32Array,
  order: Int32Array,
  temperature: number,
) => void;

/** One round of a search, as recorded when tracing. */
export interface SearchRound {
  /** Round number, from 1. */
  round: number;
  /** Steps written so far (equal to the round). */
  depth: number;
  /** Candidates generated this round (n). */
  generated: number;
  /** Candidates still on track (as the world knows; 0 when it cannot tell). */
  onTrack: number;
  /** Candidates that are wrong in a way the verifier cannot see. */
  fooled: number;
  /** Distinct candidates kept to be expanded next round (0 in the last round). */
  kept: number;
  /** Kept candidates that are on track. */
  keptOnTrack: number;
  /** Kept candidates that are fooled. */
  keptFooled: number;
  /** The highest aggregated score this round. */
  bestScore: number;
  /** Each candidate's aggregated score (its key), in candidate order. */
  scores: Float64Array;
  /**
   * Each candidate's parent: its index among the previous round's
   * candidates (−1 in round 1, where every parent is the empty prefix).
   */
  parents: Int32Array;
  /** Each candidate's status bits (1 on track, 2 fooled), when the world knows them. */
  status: Uint8Array;
  /** Children each candidate gets in the next round (all 0 in the last round). */
  children: Int32Array;
}

/** The per-run settings of {@link StepSearch.run}. */
export interface StepSearchRun {
  /** Candidates per round, n. */
  n: number;
  /** Beam width M (the children of a kept prefix). */
  width: number;
  /** Rollout length k (lookahead); 0 for none. */
  k: number;
  /** The expansion rule. */
  expand: ExpansionRule;
  /** Rounds of expansion with selection. */
  maxRounds: number;
  /** REBASE's softmax temperature (ignored by the other rules). */
  temperature: number;
}

const AGG_LAST = 0;
const AGG_MIN = 1;
const AGG_PROD = 2;

/**
 * Runs step-level searches of up to `capacity` candidates per round for one
 * policy and verifier. Reuse one instance for many runs (it allocates its
 * buffers once).
 */
export class StepSearch<P> {
  private readonly agg: number;
  private readonly selection: FinalSelection;
  private cand: P[];
  private next: P[];
  private roll: P[];
  private parentHandles: P[];
  private readonly step: Float64Array;
  /** Aggregated keys of the current candidates. */
  readonly keys: Float64Array;
  private readonly mins: Float64Array;
  private readonly logProds: Float64Array;
  private readonly nextMins: Float64Array;
  private readonly nextLogProds: Float64Array;
  private readonly parents: Int32Array;
  private readonly order: Int32Array;
  /** Answers of the finished candidates of the last run. */
  readonly answers: Int32Array;
  private readonly tally = new VoteTally();
  /** Trace of the last run, when tracing. */
  traceRounds: SearchRound[] | undefined;

  constructor(
    private readonly policy: StepPolicy<P>,
    private readonly verifier: StepVerifier<P>,
    capacity: number,
    aggregation: PrmAggregation,
    selection: FinalSelection,
    trace: boolean,
  ) {
    this.agg = aggregation === "last" ? AGG_LAST : aggregation === "min" ? AGG_MIN : AGG_PROD;
    this.selection = selection;
    const root = policy.root();
    this.cand = new Array<P>(capacity).fill(root);
    this.next = new Array<P>(capacity).fill(root);
    this.roll = new Array<P>(capacity).fill(root);
    this.parentHandles = new Array<P>(capacity).fill(root);
    this.step = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
    this.mins = new Float64Array(capacity);
    this.logProds = new Float64Array(capacity);
    this.nextMins = new Float64Array(capacity);
    this.nextLogProds = new Float64Array(capacity);
    this.parents = new Int32Array(capacity);
    this.order = new Int32Array(capacity);
    this.answers = new Int32Array(capacity);
    this.traceRounds = trace ? [] : undefined;
  }

  /** The candidates of the last run (policy handles). */
  candidates(n: number): P[] {
    return this.cand.slice(0, n);
  }

  /** Runs one search and returns the chosen answer. */
  run(r: StepSearchRun): number {
    const { n, width, k, expand, temperature } = r;
    const policy = this.policy;
    const T = policy.steps;
    const rounds = Math.min(T, r.maxRounds);
    const trace = this.traceRounds;
    if (trace) trace.length = 0;
    const root = policy.root();
    const handles = this.parentHandles;
    for (let i = 0; i < n; i++) {
      handles[i] = root;
      this.mins[i] = 1;
      this.logProds[i] = 0;
    }
    let previous: Int32Array | undefined;
    for (let round = 1; round <= rounds; round++) {
      this.generate(n, round, k);
      const last = round === rounds;
      if (trace) previous = this.record(trace, round, n, previous);
      if (!last) {
        expand(this.keys, n, width, this.parents, this.order, temperature);
        this.adopt(n);
        if (trace) this.recordChildren(trace, n);
      }
    }
    // Longer solutions than maxRounds: finish each candidate step by step (no pruning).
    for (let depth = rounds + 1; depth <= T; depth++) {
      for (let i = 0; i < n; i++) handles[i] = this.cand[i] as P;
      this.mins.set(this.nextMins.subarray(0, n));
      this.logProds.set(this.nextLogProds.subarray(0, n));
      this.generate(n, depth, 0);
    }
    return this.choose(n);
  }

  /**
   * Writes the children of `parentHandles` (with the parents' aggregation
   * state in mins/logProds) as the new candidates, scores them and updates
   * their keys; their own aggregation state goes to nextMins/nextLogProds.
   */
  private generate(n: number, depth: number, k: number): void {
    const policy = this.policy;
    policy.extend(this.parentHandles, n, depth, this.cand);
    const reach = Math.min(k, policy.steps - depth);
    if (reach > 0) {
      policy.rollout(this.cand, n, depth, reach, this.roll);
      this.verifier.score(this.roll, n, depth + reach, this.step);
    } else {
      this.verifier.score(this.cand, n, depth, this.step);
    }
    const step = this.step;
    const keys = this.keys;
    if (this.agg === AGG_LAST) {
      for (let i = 0; i < n; i++) keys[i] = step[i] as number;
    } else if (this.agg === AGG_MIN) {
      for (let i = 0; i < n; i++) {
        const s = step[i] as number;
        const m = this.mins[i] as number;
        const v = s < m ? s : m;
        this.nextMins[i] = v;
        keys[i] = v;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const lp = (this.logProds[i] as number) + Math.log(step[i] as number);
        this.nextLogProds[i] = lp;
        keys[i] = Math.exp(lp);
      }
    }
  }

  /** Makes the chosen parents the next round's parent handles (with their aggregation state). */
  private adopt(n: number): void {
    const parents = this.parents;
    for (let i = 0; i < n; i++) {
      const p = parents[i] as number;
      this.parentHandles[i] = this.cand[p] as P;
      this.mins[i] = this.nextMins[p] as number;
      this.logProds[i] = this.nextLogProds[p] as number;
    }
  }

  /** The final answer among the n candidates. */
  private choose(n: number): number {
    const policy = this.policy;
    const answers = this.answers;
    const keys = this.keys;
    for (let i = 0; i < n; i++) answers[i] = policy.answer(this.cand[i] as P);
    if (this.selection === "best") {
      let best = 0;
      for (let i = 1; i < n; i++) if ((keys[i] as number) > (keys[best] as number)) best = i;
      return answers[best] as number;
    }
    const tally = this.tally;
    tally.reset();
    const majority = this.selection === "majority";
    for (let i = 0; i < n; i++) tally.add(answers[i] as number, majority ? 1 : (keys[i] as number), i);
    return tally.winner();
  }

  private record(
    trace: SearchRound[],
    round: number,
    n: number,
    previous: Int32Array | undefined,
  ): Int32Array {
    const status = new Uint8Array(n);
    const get = this.policy.status?.bind(this.policy);
    let onTrack = 0;
    let fooled = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      const st = get ? get(this.cand[i] as P) : 0;
      status[i] = st;
      if (st & STATUS_ON_TRACK) onTrack++;
      if (st & STATUS_FOOLED) fooled++;
      if ((this.keys[i] as number) > bestScore) bestScore = this.keys[i] as number;
    }
    const parents = previous ? Int32Array.from(previous.subarray(0, n)) : new Int32Array(n).fill(-1);
    trace.push({
      round,
      depth: round,
      generated: n,
      onTrack,
      fooled,
      kept: 0,
      keptOnTrack: 0,
      keptFooled: 0,
      bestScore,
      scores: this.keys.slice(0, n),
      parents,
      status,
      children: new Int32Array(n),
    });
    return this.parents;
  }

  private recordChildren(trace: SearchRound[], n: number): void {
    const row = trace[trace.length - 1] as SearchRound;
    const children = row.children;
    for (let i = 0; i < n; i++) {
      const p = this.parents[i] as number;
      children[p] = (children[p] as number) + 1;
    }
    let kept = 0;
    let keptOnTrack = 0;
    let keptFooled = 0;
    for (let i = 0; i < n; i++) {
      if ((children[i] as number) === 0) continue;
      kept++;
      const st = row.status[i] as number;
      if (st & STATUS_ON_TRACK) keptOnTrack++;
      if (st & STATUS_FOOLED) keptFooled++;
    }
    row.kept = kept;
    row.keptOnTrack = keptOnTrack;
    row.keptFooled = keptFooled;
  }
}

// =============================================================================================
// Expansion rules
// =============================================================================================

/** Best-of-N: each candidate continues alone (nothing is pruned). */
export const expandAll: ExpansionRule = (_keys, n, _width, parents) => {
  for (let i = 0; i < n; i++) parents[i] = i;
};

/** Beam search: the top n/M candidates (ties: the earlier one) get M children each. */
export const expandTop: ExpansionRule = (keys, n, width, parents, order) => {
  if (width === 1) return expandAll(keys, n, width, parents, order, 0);
  const keep = n / width;
  rankTop(keys, n, keep, order);
  for (let i = 0; i < n; i++) parents[i] = order[(i / width) | 0] as number;
};

/** DVTS: the best candidate of each group of M (ties: the earlier one) gets the group's M children. */
export const expandPerSubtree: ExpansionRule = (keys, n, width, parents) => {
  for (let g = 0; g < n; g += width) {
    let best = g;
    for (let i = g + 1; i < g + width; i++) if ((keys[i] as number) > (keys[best] as number)) best = i;
    for (let i = g; i < g + width; i++) parents[i] = best;
  }
};

/**
 * Puts the indices of the `keep` best candidates in order[0..keep), best
 * first, where "better" means a higher key and, on equal keys, an earlier
 * candidate: the first `keep` entries of a full sort, found by quickselect
 * (Hoare partition) and an insertion sort of the survivors, O(n + keep²).
 */
export function rankTop(key: Float64Array, n: number, keep: number, order: Int32Array): void {
  for (let i = 0; i < n; i++) order[i] = i;
  let lo = 0;
  let hi = n - 1;
  const target = keep - 1;
  while (lo < hi) {
    const pivot = order[(lo + hi) >> 1] as number;
    const pivotKey = key[pivot] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      for (;;) {
        const a = order[i] as number;
        const ka = key[a] as number;
        if (ka > pivotKey || (ka === pivotKey && a < pivot)) i++;
        else break;
      }
      for (;;) {
        const b = order[j] as number;
        const kb = key[b] as number;
        if (pivotKey > kb || (pivotKey === kb && pivot < b)) j--;
        else break;
      }
      if (i <= j) {
        const tmp = order[i] as number;
        order[i] = order[j] as number;
        order[j] = tmp;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  for (let i = 1; i < keep; i++) {
    const a = order[i] as number;
    const ka = key[a] as number;
    let j = i - 1;
    while (j >= 0) {
      const b = order[j] as number;
      const kb = key[b] as number;
      if (ka > kb || (ka === kb && a < b)) {
        order[j + 1] = b;
        j--;
      } else break;
    }
    order[j + 1] = a;
  }
}

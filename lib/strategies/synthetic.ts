/**
 * The synthetic world for step-level search (Snell et al. 2024 §5): a
 * reasoning task whose behaviour comes from a stated mechanism rather than
 * from typed-in accuracy curves, and a foolable process reward model (PRM).
 * {@link SyntheticStepWorld} implements the {@link StepPolicy} and
 * {@link StepVerifier} interfaces that every search strategy is written
 * against, so the strategies in `search.ts` run on it unchanged.
 *
 * **The task.** A solution to a {@link Question} is `steps` = T steps long
 * (default 8). The base model writes it one step at a time. From a prefix
 * that is still *on track*, the next step stays on track with probability
 *
 *     s = p^(1/T),
 *
 * and otherwise goes *off track*. An off-track solution never recovers: it
 * ends with a wrong answer, drawn (when it goes wrong) from the question's
 * distractor distribution and inherited by every continuation. A full
 * independent sample is therefore correct with probability s^T = p and its
 * wrong answers follow `question.distractors`, exactly as in `sampleAnswers`,
 * so p keeps its meaning. The true value of a prefix at depth t (the
 * probability that the base policy finishes it correctly: its reward-to-go,
 * what the paper's PRM is trained to predict) is
 *
 *     V(on track, t) = s^(T − t),   V(off track, t) = 0.
 *
 * **The PRM.** After each step the PRM scores the prefix with a noisy value
 * estimate on the logit scale; σ = `noise`, and Z ~ Normal(0, 1) is drawn
 * afresh for every scored prefix:
 *
 *     on track:             sigmoid( clamp(logit V, ±logitCap) + σZ )
 *     off track, fooled:    sigmoid( clamp(logit V_on, ±logitCap) + b + σZ )
 *     off track, detected:  sigmoid( offTrackLogit + σZ )
 *
 * where V_on = s^(T − t) is the value the prefix would have if it were on
 * track and b = fooledBonus + fooledSpread·Z′ is the appeal of a fooled
 * branch's exploit, drawn once when the branch is fooled. So the PRM
 * tracks the progress of honest work, gives detected mistakes a flat low
 * score, and cannot tell honest work from a mistake on the hardest
 * questions, where honest prefixes are also worth little (V ≈ 0) until late
 * in the solution.
 *
 * *Fooled branches.* Each step written from an on-track prefix is, with
 * probability ε = `foolRate`, a persuasive wrong step that the PRM cannot
 * see (at most the step's whole error chance 1 − s). Equivalently, a branch
 * that goes off track is fooled with the question-dependent probability
 *
 *     φ(q) = min(1, ε / (1 − s))        ({@link prmFoolProbability}):
 *
 * on an easy question most of the few mistakes are subtle ones; on a hard
 * question the many mistakes are mostly blatant. A fooled branch stays
 * fooled (and wrong) down every continuation, keeps its b, and scores like
 * honest work at the same depth plus b: with a positive bonus the PRM
 * *prefers* the exploit, which is what heavy search over-optimises, and the
 * spread makes the best exploit that a wider search meets better still.
 * Scores are per step in (0, 1), so the paper's "last", "min" and "prod"
 * aggregations all apply. Parameters: {@link PrmOptions}; defaults:
 * {@link DEFAULT_PRM}.
 *
 * **Why heavy search over-optimises.** Plain sampling meets a fooled branch
 * only as one vote among n. Beam search keeps the top n/M prefixes every
 * round and gives each M children; a fooled prefix tends to outrank honest
 * ones, so its lineage multiplies by up to M per round and can fill the
 * beam, all carrying one wrong answer. More beams means more chances to meet
 * a fooled branch, and a wider M (M = √N grows with the budget) means
 * harsher selection in its favour. Where the base model makes many
 * detectable mistakes (medium questions), pruning them is worth more than
 * the exploit costs; on easy questions there is little to prune and the
 * exploit is most of what can go wrong.
 *
 * **The idea (optional, off by default).** Two switches model the paper's
 * explanation of the hardest questions — the base model rarely has the right
 * idea at all. `ideaShare` c ({@link IdeaShare}) puts a share c of −log p in
 * the first step, the choice of approach, and spreads the rest over the other
 * steps (a full sample is still correct with probability p); `ideaVisible:
 * false` makes a wrong idea invisible to the PRM: it scores exactly like
 * honest work (no bonus) at every depth, because a PRM trained from the base
 * model's own rollouts cannot judge an idea the base model lacks. Together
 * they leave search nothing to prune on a question whose idea is missing.
 *
 * **Strategies** (cost in the paper's "generations"; one generation = one
 * full solution): {@link bestOfNWeighted} (n), {@link beamSearch} (n),
 * {@link lookaheadSearch} (n·(k + 1)), {@link dvts} (n). Each returns its
 * answer, whether it is correct, its cost, the final candidates and,
 * optionally, a per-round trace. {@link searchAccuracy} runs a strategy
 * ({@link SearchStrategy}) at a generation budget over a benchmark, for
 * sweeps of strategy × budget and per-question success rates (what the
 * compute-optimal choice per difficulty bin needs).
 *
 * Modelling choices that are ours, not the paper's: the constant per-step
 * survival s, irreversible mistakes, the logit-normal PRM, the fooled
 * mechanism, greedy rollouts as one fixed draw (see {@link lookaheadSearch}),
 * and the default parameter values (see {@link DEFAULT_PRM}). Not modelled:
 * solutions of different lengths (the paper's "over-short solutions" failure
 * mode), duplicate beams, and the cost of calling the PRM.
 * @packageDocumentation
 */
import { type Rng } from "../base/random";
import {
  assertFinite,
  assertInteger,
  assertNonNegative,
  assertNumber,
  assertOptions,
  assertPositive,
  assertProbability,
  rangeError,
} from "../base/validate";
import { CORRECT, type Question } from "../models/questions";
import { STATUS_FOOLED, STATUS_ON_TRACK, type StepPolicy, type StepVerifier } from "./interfaces";

/** Steps in one solution when none is given (T). */
export const DEFAULT_SEARCH_STEPS = 8;

/** The paper's cap on rounds of beam expansion (search-and-learn's `num_iterations`). */
export const DEFAULT_MAX_ROUNDS = 40;

/**
 * Parameters of the synthetic process reward model (logits unless said
 * otherwise). Every field is optional; missing ones take the value in
 * {@link DEFAULT_PRM}.
 */
export interface PrmOptions {
  /**
   * σ, standard deviation of the fresh Normal noise added to every score's
   * logit (a finite number >= 0). 0 makes the PRM deterministic.
   * @defaultValue 1.5
   */
  noise?: number;
  /**
   * Mean logit of a detected off-track prefix (finite): −1 is a score of
   * about 0.27; a very negative value (−50) makes detected mistakes score ≈ 0.
   * @defaultValue -1
   */
  offTrackLogit?: number;
  /**
   * ε, the chance per step written from an on-track prefix that the step is
   * a wrong step the PRM cannot see (a probability; capped at the step's
   * error chance 1 − s). 0 = the PRM is never fooled; 1 = every mistake
   * fools it. @defaultValue 0.002
   */
  foolRate?: number;
  /**
   * Extra logit (finite, any sign) a fooled prefix gets over an on-track
   * prefix at the same depth: > 0 means the PRM prefers the exploit to
   * honest work. 0 with `foolRate` 1 makes the PRM uninformative.
   * @defaultValue 0.5
   */
  fooledBonus?: number;
  /**
   * Spread (standard deviation, a finite number >= 0) of the bonus across
   * fooled branches: each fooled branch draws its own persistent bonus
   * fooledBonus + fooledSpread·Z, so wider searches meet more extreme
   * exploits. @defaultValue 0.75
   */
  fooledSpread?: number;
  /**
   * Largest |logit| of the PRM's honest value estimate (a finite number > 0):
   * logit V is clamped to [−logitCap, logitCap] before noise, so a finished
   * correct solution scores about sigmoid(logitCap), not 1.
   * @defaultValue 2
   */
  logitCap?: number;
}

/**
 * The PRM defaults (frozen). See {@link PrmOptions} for each field.
 *
 * How they were chosen (our tuning, not numbers from the paper): σ = 1.5 and
 * a final-step gap logitCap − offTrackLogit = 3 = 2σ give a finished correct
 * solution an AUC of Φ(2/√2) ≈ 0.92 against a detected wrong one — a good,
 * imperfect verifier. The exploit parameters (ε = 0.002, bonus 0.5, spread
 * 0.75) were picked after scanning a few hundred settings on the default
 * 500-question benchmark (T = 8, 4 trials), as one under which the
 * mechanism shows most of the paper's §5 findings:
 * - beam search (M = √N) beats best-of-N weighted at budgets 4–64
 *   (0.64 vs 0.57 at 4, 0.69 vs 0.63 at 16) and falls behind at 256 (0.59 vs 0.65);
 * - on the two easiest fifths beam search degrades with budget (0.98 → 0.77
 *   and 0.95 → 0.81 from 4 to 256) while best-of-N reaches 1.00;
 * - on the fourth fifth (p ≈ 0.06–0.22) beam search wins at every budget;
 * - on the hardest fifth best-of-N, beam search and DVTS stay near zero (≤ 0.06).
 * Not reproduced: on the middle fifth best-of-N overtakes beam search from
 * budget 64 on, and lookahead search (k = 3) is the worst strategy only at
 * budgets ≤ 16 — at 64 and 256 its rollouts beat 4× as many beams and even
 * lift the hardest fifth to 0.25–0.42.
 */
export const DEFAULT_PRM: Readonly<Required<PrmOptions>> = Object.freeze({
  noise: 1.5,
  offTrackLogit: -1,
  foolRate: 0.002,
  fooledBonus: 0.5,
  fooledSpread: 0.75,
  logitCap: 2,
});

/**
 * True value of an on-track prefix: the probability that the base policy
 * finishes a prefix of `depth` on-track steps correctly,
 *
 *     V = s^(T − depth) = p^((T − depth)/T),   s = p^(1/T).
 *
 * (An off-track prefix has value 0.) O(1).
 *
 * @param p - pass@1 of the question, in [0, 1]
 * @param depth - steps written, an integer in [0, steps]
 * @param steps - steps T in a solution, an integer in [1, 1000] @defaultValue 8
 * @returns the reward-to-go, in [0, 1]
 * @throws {TypeError} if an argument is not a number
 * @throws {RangeError} if `p` is outside [0, 1] or a count is out of range
 * @example
 * prefixValue(0.5, 0);    // 0.5 (the empty prefix: pass@1)
 * prefixValue(0.5, 4);    // ≈ 0.7071 (√0.5: half the steps still to go)
 * prefixValue(0.5, 8);    // 1
 */
export function prefixValue(
  p: number,
  depth: number,
  steps: number = DEFAULT_SEARCH_STEPS,
  options?: PrefixValueOptions,
): number {
  const fn = "prefixValue";
  assertProbability(fn, "p", p);
  assertInteger(fn, "steps", steps, 1, 1000);
  assertInteger(fn, "depth", depth, 0, steps, "steps");
  const o = assertOptions(fn, options);
  const ideaShare = checkIdeaShare(fn, "options.ideaShare", o.ideaShare);
  if (depth === steps) return 1;
  if (Number.isNaN(ideaShare)) return Math.pow(p, (steps - depth) / steps);
  const survival = stepSurvival(p, steps, ideaShare);
  let v = 1;
  for (let d = depth; d < steps; d++) v *= survival[d] as number;
  return v;
}

/** Options for {@link prefixValue}. */
export interface PrefixValueOptions {
  /** How the difficulty is spread over the steps ({@link IdeaShare}). @defaultValue "uniform" */
  ideaShare?: IdeaShare;
}

/**
 * How a question's difficulty is spread over the steps of a solution:
 * `"uniform"` (every step survives with s = p^(1/T)), or a number c in
 * [0, 1], the share of −log p carried by the *first* step — the idea, or
 * approach — with the rest spread evenly over the other T − 1 steps:
 *
 *     s₁ = p^c,   s₂ = … = s_T = p^((1 − c)/(T − 1)).
 *
 * c = 1/T is the uniform model; c = 1 puts all of the difficulty in the idea.
 * Either way a full sample is correct with probability s₁·s₂⋯s_T = p. With
 * T = 1 the one step carries everything whatever c is.
 */
export type IdeaShare = number | "uniform";

/** Checks an {@link IdeaShare}; returns the number c, or NaN for "uniform". @internal */
export function checkIdeaShare(fn: string, name: string, value: unknown): number {
  if (value === undefined || value === "uniform") return NaN;
  if (typeof value === "string") rangeError(fn, name, '"uniform" or a number in [0, 1]', value);
  assertNumber(fn, name, value);
  if (!(value >= 0 && value <= 1)) rangeError(fn, name, '"uniform" or a number in [0, 1]', value);
  return value;
}

/**
 * The survival probability of each step of a solution (index d = the step
 * written from depth d), for pass@1 `p`, `steps` = T and an idea share c
 * (NaN = uniform). Their product is p. @internal
 */
export function stepSurvival(p: number, steps: number, ideaShare: number): Float64Array {
  const out = new Float64Array(steps);
  if (steps === 1) {
    out[0] = p;
    return out;
  }
  if (Number.isNaN(ideaShare)) return out.fill(Math.pow(p, 1 / steps));
  const c = ideaShare;
  out[0] = Math.pow(p, c);
  const rest = Math.pow(p, (1 - c) / (steps - 1));
  for (let d = 1; d < steps; d++) out[d] = rest;
  return out;
}

/** Options for {@link prmFoolProbability}. */
export interface PrmFoolProbabilityOptions {
  /** Steps T in one solution, an integer in [1, 1000]. @defaultValue 8 */
  steps?: number;
  /** PRM parameters to override. @defaultValue {@link DEFAULT_PRM} */
  prm?: PrmOptions;
}

/**
 * The chance φ that a branch going off track on a question with pass@1 `p`
 * fools the PRM. Each step from an on-track prefix goes wrong with
 * probability 1 − s (s = p^(1/T)) and is a fooling step with probability
 * ε = `prm.foolRate` (at most 1 − s), so
 *
 *     φ = min(1, ε / (1 − s)),   and φ = 0 when p = 1 (nothing goes wrong).
 *
 * φ is large on easy questions (their rare mistakes are mostly subtle) and
 * small on hard ones. O(1).
 *
 * @param p - pass@1 of the question, in [0, 1]
 * @param options - {@link PrmFoolProbabilityOptions}
 * @returns φ, in [0, 1]
 * @throws {TypeError} if `p` is not a number or an option is malformed
 * @throws {RangeError} if `p`, `steps` or a PRM field is out of range
 * @example
 * prmFoolProbability(0.5);  // ≈ 0.0241 (0.002 / (1 − 0.5^(1/8)))
 * prmFoolProbability(0.9);  // ≈ 0.153
 * prmFoolProbability(0.99); // 1 (1 − s ≈ 0.0013 < ε: every mistake fools the PRM)
 * prmFoolProbability(0.5, { prm: { foolRate: 1 } }); // 1
 */
export function prmFoolProbability(p: number, options?: PrmFoolProbabilityOptions): number {
  const fn = "prmFoolProbability";
  assertProbability(fn, "p", p);
  const o = assertOptions(fn, options);
  const steps = o.steps ?? DEFAULT_SEARCH_STEPS;
  assertInteger(fn, "options.steps", steps, 1, 1000);
  const prm = checkPrm(fn, "options.prm", o.prm);
  return foolProbability(p, steps, prm.foolRate);
}

/** φ = min(1, ε/(1 − s)) with 1 − s = −expm1(ln p / T), accurate for p near 1. */
function foolProbability(p: number, steps: number, foolRate: number): number {
  return foolFromError(-Math.expm1(Math.log(p) / steps), foolRate);
}

/** φ = min(1, ε/error) for a step that goes wrong with probability `error`. */
function foolFromError(error: number, foolRate: number): number {
  if (!(error > 0) || foolRate === 0) return 0;
  return foolRate >= error ? 1 : foolRate / error;
}

/** Validated PRM parameters. */
export type ResolvedPrm = Required<PrmOptions>;

/** Checks a PRM options object and fills in the defaults. @internal */
export function checkPrm(fn: string, name: string, value: unknown): ResolvedPrm {
  const o = assertOptions(fn, value, name);
  const noise = o.noise ?? DEFAULT_PRM.noise;
  assertNonNegative(fn, `${name}.noise`, noise);
  const offTrackLogit = o.offTrackLogit ?? DEFAULT_PRM.offTrackLogit;
  assertFinite(fn, `${name}.offTrackLogit`, offTrackLogit);
  const foolRate = o.foolRate ?? DEFAULT_PRM.foolRate;
  assertProbability(fn, `${name}.foolRate`, foolRate);
  const fooledBonus = o.fooledBonus ?? DEFAULT_PRM.fooledBonus;
  assertFinite(fn, `${name}.fooledBonus`, fooledBonus);
  const fooledSpread = o.fooledSpread ?? DEFAULT_PRM.fooledSpread;
  assertNonNegative(fn, `${name}.fooledSpread`, fooledSpread);
  const logitCap = o.logitCap ?? DEFAULT_PRM.logitCap;
  assertPositive(fn, `${name}.logitCap`, logitCap);
  return { noise, offTrackLogit, foolRate, fooledBonus, fooledSpread, logitCap };
}

// =============================================================================================
// The world: one question at a time, prefixes as slots in typed arrays
// =============================================================================================

/**
 * The synthetic task and PRM as a {@link StepPolicy} and a
 * {@link StepVerifier} over prefix handles that are slots in typed arrays
 * (on track?, fooled?, the fooled branch's bonus, the answer it is committed
 * to). A search run allocates slots from a bump arena that
 * {@link SyntheticStepWorld.setQuestion} and {@link StepPolicy.root} reset,
 * so the inner loops allocate nothing; the arena grows only when a larger
 * search first needs it. Slot 0 is the empty prefix.
 *
 * Randomness: `extend` and `rollout` draw the step outcomes (and, for a new
 * mistake, whether it fools the PRM, its bonus and its wrong answer) and
 * `score` draws one Normal per scored prefix, all from the one generator.
 */
export class SyntheticStepWorld implements StepPolicy<number>, StepVerifier<number> {
  readonly steps: number;
  private readonly prm: ResolvedPrm;
  private readonly rng: Rng;
  /** survival[d]: probability that the step written from depth d stays on track. */
  private readonly survival: Float64Array;
  /** phi[d]: chance that a mistake at the step written from depth d fools the PRM. */
  private readonly phi: Float64Array;
  private readonly ideaShare: number;
  private readonly ideaVisible: boolean;
  private cumulative = new Float64Array(0);
  private distractorTotal = 0;
  /** onLogit[t]: clamped logit of the on-track value s^(T − t), t = 0..T. */
  private readonly onLogit: Float64Array;
  private on: Uint8Array;
  private fooled: Uint8Array;
  private bonus: Float64Array;
  private ans: Int32Array;
  private used = 1;

  /**
   * @param steps - T, steps in a solution (validated by the caller)
   * @param prm - resolved PRM parameters (as `checkPrm` returns them)
   * @param rng - the one generator every draw comes from
   * @param ideaShare - how difficulty is spread over the steps ({@link IdeaShare}, as
   *   `checkIdeaShare` returns it: NaN for uniform) @defaultValue uniform
   * @param ideaVisible - whether the PRM can see a wrong idea (a mistake at the first step);
   *   false: it scores like honest work, with no bonus, at every depth @defaultValue true
   * @param capacity - initial prefix slots (the arena grows as needed) @defaultValue 1024
   */
  constructor(
    steps: number,
    prm: ResolvedPrm,
    rng: Rng,
    ideaShare = NaN,
    ideaVisible = true,
    capacity = 1024,
  ) {
    this.steps = steps;
    this.prm = prm;
    this.rng = rng;
    this.ideaShare = ideaShare;
    this.ideaVisible = ideaVisible;
    this.survival = new Float64Array(steps);
    this.phi = new Float64Array(steps);
    this.onLogit = new Float64Array(steps + 1);
    this.on = new Uint8Array(capacity);
    this.fooled = new Uint8Array(capacity);
    this.bonus = new Float64Array(capacity);
    this.ans = new Int32Array(capacity);
  }

  /** Loads a (validated) question: the steps' survival and φ, the distractor table and the on-track logits. */
  setQuestion(q: Question): void {
    const T = this.steps;
    const p = q.p;
    this.survival.set(stepSurvival(p, T, this.ideaShare));
    const uniform = Number.isNaN(this.ideaShare);
    for (let d = 0; d < T; d++) {
      // Uniform steps: 1 − s = −expm1(ln p / T), as accurate as it gets for p near 1.
      const error = uniform
        ? -Math.expm1(Math.log(p) / T)
        : -Math.expm1(Math.log(this.survival[d] as number));
      this.phi[d] = foolFromError(error, this.prm.foolRate);
    }
    const k = q.distractors.length;
    if (this.cumulative.length !== k) this.cumulative = new Float64Array(k);
    let acc = 0;
    for (let j = 0; j < k; j++) {
      acc += q.distractors[j] as number;
      this.cumulative[j] = acc;
    }
    this.distractorTotal = acc;
    const cap = this.prm.logitCap;
    const logP = Math.log(p);
    let logV = 0; // log of the value of an on-track prefix at depth t: the sum of log s over steps t..T−1
    for (let t = T; t >= 0; t--) {
      if (t < T) logV = uniform ? ((T - t) / T) * logP : logV + Math.log(this.survival[t] as number);
      // logit V = log V − log(1 − V), clamped to ±cap.
      let logit: number;
      if (logV === 0) logit = cap;
      else if (logV === -Infinity) logit = -cap;
      else {
        logit = logV - Math.log(-Math.expm1(logV));
        logit = Math.max(-cap, Math.min(cap, logit));
      }
      this.onLogit[t] = logit;
    }
    this.root();
  }

  /** The empty prefix; starts a new run (earlier handles become invalid). */
  root(): number {
    this.on[0] = 1;
    this.fooled[0] = 0;
    this.bonus[0] = 0;
    this.ans[0] = CORRECT;
    this.used = 1;
    return 0;
  }

  extend(parents: readonly number[], count: number, depth: number, out: number[]): void {
    const base = this.reserve(count);
    const on = this.on;
    const fooled = this.fooled;
    const bonus = this.bonus;
    const ans = this.ans;
    const rng = this.rng;
    const s = this.survival[depth - 1] as number;
    const phi = this.phi[depth - 1] as number;
    // A wrong idea the PRM cannot see: fooled, with no bonus (it scores exactly like honest work).
    const blind = depth === 1 && !this.ideaVisible;
    for (let i = 0; i < count; i++) {
      const parent = parents[i] as number;
      const slot = base + i;
      if (on[parent] === 1 && rng.next() >= s) {
        on[slot] = 0;
        const isFooled = blind || rng.next() < phi;
        fooled[slot] = isFooled ? 1 : 0;
        bonus[slot] = isFooled && !blind ? this.drawBonus() : 0;
        ans[slot] = this.drawDistractor();
      } else {
        on[slot] = on[parent] as number;
        fooled[slot] = fooled[parent] as number;
        bonus[slot] = bonus[parent] as number;
        ans[slot] = ans[parent] as number;
      }
      out[i] = slot;
    }
  }

  /**
   * Greedy decoding is one fixed continuation of the prefix whose steps go
   * right or wrong like sampled ones (see `lookaheadSearch`); an off-track
   * prefix stays off track, fooled or not, so its rollout changes nothing.
   * A rollout's wrong answer is not drawn: only the candidate step is kept.
   */
  rollout(prefixes: readonly number[], count: number, depth: number, k: number, out: number[]): void {
    const base = this.reserve(count);
    const on = this.on;
    const fooled = this.fooled;
    const bonus = this.bonus;
    const rng = this.rng;
    for (let i = 0; i < count; i++) {
      const from = prefixes[i] as number;
      const slot = base + i;
      out[i] = slot;
      if (on[from] !== 1) {
        on[slot] = 0;
        fooled[slot] = fooled[from] as number;
        bonus[slot] = bonus[from] as number;
        continue;
      }
      on[slot] = 1;
      fooled[slot] = 0;
      bonus[slot] = 0;
      for (let d = depth; d < depth + k; d++) {
        if (rng.next() >= (this.survival[d] as number)) {
          on[slot] = 0;
          if (rng.next() < (this.phi[d] as number)) {
            fooled[slot] = 1;
            bonus[slot] = this.drawBonus();
          }
          break;
        }
      }
    }
  }

  answer(prefix: number): number {
    return this.ans[prefix] as number;
  }

  status(prefix: number): number {
    return (this.on[prefix] === 1 ? STATUS_ON_TRACK : 0) | (this.fooled[prefix] === 1 ? STATUS_FOOLED : 0);
  }

  /** The PRM: sigmoid of the prefix's mean logit plus fresh Normal(0, noise²) noise. */
  score(prefixes: readonly number[], count: number, depth: number, out: Float64Array): void {
    const onLogit = this.onLogit[depth] as number;
    const offLogit = this.prm.offTrackLogit;
    const noise = this.prm.noise;
    const rng = this.rng;
    for (let i = 0; i < count; i++) {
      const slot = prefixes[i] as number;
      let logit: number;
      if (this.on[slot] === 1) logit = onLogit;
      else if (this.fooled[slot] === 1) logit = onLogit + (this.bonus[slot] as number);
      else logit = offLogit;
      if (noise > 0) logit += noise * rng.normal();
      out[i] = 1 / (1 + Math.exp(-logit));
    }
  }

  /** Whether a prefix is an off-track branch that fools the PRM. */
  isFooled(prefix: number): boolean {
    return this.fooled[prefix] === 1;
  }

  /** Slots [used, used + count), growing the arena when needed. */
  private reserve(count: number): number {
    const base = this.used;
    const need = base + count;
    if (need > this.on.length) {
      const size = Math.max(need, 2 * this.on.length);
      const grow = <A extends Uint8Array | Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
        const b = make(size);
        b.set(a);
        return b;
      };
      this.on = grow(this.on, (n) => new Uint8Array(n));
      this.fooled = grow(this.fooled, (n) => new Uint8Array(n));
      this.bonus = grow(this.bonus, (n) => new Float64Array(n));
      this.ans = grow(this.ans, (n) => new Int32Array(n));
    }
    this.used = need;
    return base;
  }

  /** A distractor id 1..K drawn from the question's wrong-answer distribution. */
  private drawDistractor(): number {
    const cum = this.cumulative;
    const last = cum.length - 1;
    const u = this.rng.next() * this.distractorTotal;
    let j = 0;
    while (j < last && u >= (cum[j] as number)) j++;
    return j + 1;
  }

  /** The persistent bonus of a newly fooled branch: fooledBonus + fooledSpread·Z. */
  private drawBonus(): number {
    const spread = this.prm.fooledSpread;
    return spread > 0 ? this.prm.fooledBonus + spread * this.rng.normal() : this.prm.fooledBonus;
  }
}

/** The world for resolved search settings (the constructor's arguments by name). @internal */
export function worldFor(s: {
  readonly steps: number;
  readonly prm: ResolvedPrm;
  readonly rng: Rng;
  readonly ideaShare: number;
  readonly ideaVisible: boolean;
}): SyntheticStepWorld {
  return new SyntheticStepWorld(s.steps, s.prm, s.rng, s.ideaShare, s.ideaVisible);
}

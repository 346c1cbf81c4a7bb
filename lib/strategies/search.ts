/**
 * Tree search against a step-level verifier (a process reward model, PRM),
 * Snell et al. 2024 §5, on a synthetic reasoning task whose behaviour comes
 * from a stated mechanism rather than from typed-in accuracy curves.
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
import { type Benchmark, checkQuestion, CORRECT, type Question, toQuestions } from "../models/questions";
import { assertRng, type Rng } from "../base/random";
import { allIndices, argmaxFirstSeen, meanOver, monteCarloStandardError } from "../base/stats";
import {
  assertBoolean,
  assertFinite,
  assertInteger,
  assertNonNegative,
  assertObject,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertProbability,
  assertWork,
  rangeError,
  show,
  typeError,
} from "../base/validate";

// =============================================================================================
// Parameters
// =============================================================================================

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

/** How per-step PRM scores become one score for a (partial) solution. */
export type PrmAggregation =
  /** The score of the latest step (the paper's choice; it won in their comparison). */
  | "last"
  /** The smallest step score so far (Lightman et al. 2023). */
  | "min"
  /** The product of the step scores so far. */
  | "prod";

/** The aggregation rules, in documentation order. */
export const PRM_AGGREGATIONS: readonly PrmAggregation[] = ["last", "min", "prod"];

// =============================================================================================
// Results
// =============================================================================================

/** One round of a search: step `depth` generated for every live candidate. */
export interface SearchRound {
  /** Round number, 1-based. */
  round: number;
  /** Depth (steps written) of the prefixes generated this round. */
  depth: number;
  /** Prefixes generated (and scored) this round. */
  generated: number;
  /** How many of them are on track. */
  onTrack: number;
  /** How many of them are off track and fooled the PRM. */
  fooled: number;
  /**
   * Prefixes kept for expansion in the next round: n/M for beam and
   * lookahead search, one per subtree (n/M) for DVTS, all n for best-of-N;
   * 0 in the last round (its n completions go to the vote).
   */
  kept: number;
  /** How many kept prefixes are on track. */
  keptOnTrack: number;
  /** How many kept prefixes are fooled. */
  keptFooled: number;
  /** The highest aggregated score among the generated prefixes. */
  bestScore: number;
}

/** The final candidates of a search, in generation order. */
export interface SearchCandidates {
  /** Final answer of each candidate ({@link CORRECT} = 0, distractors 1, 2, …). */
  answers: Int32Array;
  /** Aggregated PRM score of each candidate (the weight it brings to the vote). */
  scores: Float64Array;
  /** 1 where the candidate is an off-track branch that fooled the PRM, else 0. */
  fooled: Uint8Array;
}

/** What every search strategy returns. */
export interface SearchResult {
  /** The answer chosen by best-of-N weighted over the final candidates. */
  answer: number;
  /** Whether `answer` is the correct one. */
  correct: boolean;
  /** Cost in the paper's generations: n, or n·(k + 1) for lookahead search. */
  generations: number;
  /** The final candidates and their aggregated scores. */
  candidates: SearchCandidates;
  /** Per-round record, present only when `options.trace` is true. */
  trace?: SearchRound[];
}

// =============================================================================================
// Options
// =============================================================================================

/** Options shared by every strategy. */
export interface SearchCommonOptions {
  /** Generator from `makeRng`. */
  rng: Rng;
  /** PRM parameters to override. @defaultValue {@link DEFAULT_PRM} */
  prm?: PrmOptions;
  /** Steps T in one solution, an integer in [1, 1000]. @defaultValue 8 */
  steps?: number;
  /** Step-score aggregation, used for selection and for the final vote. @defaultValue "last" */
  aggregation?: PrmAggregation;
  /** Record a {@link SearchRound} per round in `result.trace`. @defaultValue false */
  trace?: boolean;
}

/** Options for {@link bestOfNWeighted}. */
export interface BestOfNWeightedOptions extends SearchCommonOptions {
  /** Number of independent samples n, an integer >= 1. */
  n: number;
}

/** Options for {@link beamSearch} and {@link dvts}. */
export interface BeamSearchOptions extends SearchCommonOptions {
  /** Number of beams n (the generation budget), an integer >= 1. */
  n: number;
  /** The paper's M: children per kept prefix, an integer >= 1 that divides n. */
  beamWidth: number;
  /**
   * Rounds of expansion with selection, an integer in [1, 1000]; if the
   * solution is longer, the last round's candidates are finished by plain
   * sampling. @defaultValue 40
   */
  maxRounds?: number;
}

/** Options for {@link lookaheadSearch}. */
export interface LookaheadSearchOptions extends BeamSearchOptions {
  /** Rollout length k, an integer in [0, 1000]; k = 0 is plain beam search. */
  k: number;
}

/** Options for {@link dvts}. */
export type DvtsOptions = BeamSearchOptions;

// =============================================================================================
// Small public helpers
// =============================================================================================

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
export function prefixValue(p: number, depth: number, steps: number = DEFAULT_SEARCH_STEPS): number {
  const fn = "prefixValue";
  assertProbability(fn, "p", p);
  assertInteger(fn, "steps", steps, 1, 1000);
  assertInteger(fn, "depth", depth, 0, steps, "steps");
  if (depth === steps) return 1;
  return Math.pow(p, (steps - depth) / steps);
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
  const error = -Math.expm1(Math.log(p) / steps);
  if (!(error > 0) || foolRate === 0) return 0;
  return foolRate >= error ? 1 : foolRate / error;
}

// =============================================================================================
// Argument checks (internal)
// =============================================================================================

/** Validated PRM parameters. */
type ResolvedPrm = Required<PrmOptions>;

function checkPrm(fn: string, name: string, value: unknown): ResolvedPrm {
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

/** The settings every strategy reads from its options object. */
interface CommonSettings {
  rng: Rng;
  prm: ResolvedPrm;
  steps: number;
  aggregation: PrmAggregation;
  trace: boolean;
}

function checkCommon(fn: string, o: Record<string, unknown>): CommonSettings {
  assertRng(fn, "options.rng", o.rng);
  const prm = checkPrm(fn, "options.prm", o.prm);
  const steps = o.steps ?? DEFAULT_SEARCH_STEPS;
  assertInteger(fn, "options.steps", steps, 1, 1000);
  const aggregation = o.aggregation ?? "last";
  assertOneOf(fn, "options.aggregation", aggregation, PRM_AGGREGATIONS);
  const trace = o.trace ?? false;
  assertBoolean(fn, "options.trace", trace);
  return { rng: o.rng, prm, steps, aggregation, trace };
}

/** Throws the house message for a beam width that does not divide n. */
function assertDivides(fn: string, name: string, beamWidth: number, n: number): void {
  if (n % beamWidth !== 0) {
    throw new RangeError(`${fn}: ${name} must divide n (n = ${n}), got ${show(beamWidth)}`);
  }
}

/** n and M of a beam-like search, checked. */
function checkBeam(
  fn: string,
  o: Record<string, unknown>,
): { n: number; beamWidth: number; maxRounds: number } {
  assertInteger(fn, "options.n", o.n, 1);
  assertInteger(fn, "options.beamWidth", o.beamWidth, 1);
  assertDivides(fn, "options.beamWidth", o.beamWidth, o.n);
  const maxRounds = o.maxRounds ?? DEFAULT_MAX_ROUNDS;
  assertInteger(fn, "options.maxRounds", maxRounds, 1, 1000);
  return { n: o.n, beamWidth: o.beamWidth, maxRounds };
}

// =============================================================================================
// The engine (internal): one question at a time, prefixes in parallel typed arrays
// =============================================================================================

const AGG_LAST = 0;
const AGG_MIN = 1;
const AGG_PROD = 2;

/** How the candidates of a round are pruned. */
const SELECT_GLOBAL = 0; // beam search: top n/M of all n candidates
const SELECT_SUBTREE = 1; // DVTS (and best-of-N with M = 1): the best of each group of M

/**
 * Runs the search strategies on one question at a time. A prefix is a slot
 * in parallel typed arrays — on track?, fooled?, answer, aggregated score
 * state — and depth is the round number (all live prefixes share it), so the
 * inner loops allocate nothing. Capacity is fixed at construction; reuse one
 * engine for many runs of the same n.
 */
class SearchEngine {
  // Task and PRM constants.
  private readonly steps: number;
  private readonly prm: ResolvedPrm;
  private readonly agg: number;
  private readonly noise: number;
  private readonly offTrackLogit: number;
  private readonly rng: Rng;
  // Per-question constants (set by setQuestion).
  private s = 0;
  private phi = 0;
  private cumulative = new Float64Array(0);
  private distractorTotal = 0;
  private answerCount = 1;
  /** onLogit[t]: clamped logit of the on-track value s^(T − t), t = 0..T. */
  private readonly onLogit: Float64Array;
  // Candidates of the current round.
  private readonly cOn: Uint8Array;
  private readonly cFool: Uint8Array;
  /** Persistent extra logit of a fooled prefix (its exploit's appeal); 0 otherwise. */
  private readonly cBonus: Float64Array;
  private readonly cAns: Int32Array;
  private readonly cMin: Float64Array;
  private readonly cLogProd: Float64Array;
  /** Aggregated score: the selection key and the vote weight. */
  readonly cKey: Float64Array;
  // Prefixes kept for expansion.
  private readonly kOn: Uint8Array;
  private readonly kFool: Uint8Array;
  private readonly kBonus: Float64Array;
  private readonly kAns: Int32Array;
  private readonly kMin: Float64Array;
  private readonly kLogProd: Float64Array;
  private readonly order: Int32Array;
  private votes = new Float64Array(1);
  private firstSeen = new Int32Array(1);
  /** Trace of the last run (when tracing). */
  traceRounds: SearchRound[] | undefined;

  constructor(capacity: number, settings: CommonSettings) {
    this.steps = settings.steps;
    this.prm = settings.prm;
    this.agg =
      settings.aggregation === "last" ? AGG_LAST : settings.aggregation === "min" ? AGG_MIN : AGG_PROD;
    this.rng = settings.rng;
    this.noise = settings.prm.noise;
    this.offTrackLogit = settings.prm.offTrackLogit;
    this.onLogit = new Float64Array(settings.steps + 1);
    this.cOn = new Uint8Array(capacity);
    this.cFool = new Uint8Array(capacity);
    this.cBonus = new Float64Array(capacity);
    this.cAns = new Int32Array(capacity);
    this.cMin = new Float64Array(capacity);
    this.cLogProd = new Float64Array(capacity);
    this.cKey = new Float64Array(capacity);
    this.kOn = new Uint8Array(capacity);
    this.kFool = new Uint8Array(capacity);
    this.kBonus = new Float64Array(capacity);
    this.kAns = new Int32Array(capacity);
    this.kMin = new Float64Array(capacity);
    this.kLogProd = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
    this.traceRounds = settings.trace ? [] : undefined;
  }

  /** Loads a (validated) question: s, φ, distractor table and the on-track logits. */
  setQuestion(q: Question): void {
    const T = this.steps;
    const p = q.p;
    this.s = Math.pow(p, 1 / T);
    this.phi = foolProbability(p, T, this.prm.foolRate);
    const k = q.distractors.length;
    if (this.cumulative.length !== k) this.cumulative = new Float64Array(k);
    let acc = 0;
    for (let j = 0; j < k; j++) {
      acc += q.distractors[j] as number;
      this.cumulative[j] = acc;
    }
    this.distractorTotal = acc;
    this.answerCount = k + 1;
    if (this.votes.length < k + 1) {
      this.votes = new Float64Array(k + 1);
      this.firstSeen = new Int32Array(k + 1);
    }
    const cap = this.prm.logitCap;
    const logP = Math.log(p);
    for (let t = 0; t <= T; t++) {
      // V = p^((T − t)/T); logit V = log V − log(1 − V), clamped to ±cap.
      let logit: number;
      if (t === T || p === 1) logit = cap;
      else if (p === 0) logit = -cap;
      else {
        const logV = ((T - t) / T) * logP;
        logit = logV - Math.log(-Math.expm1(logV));
        logit = Math.max(-cap, Math.min(cap, logit));
      }
      this.onLogit[t] = logit;
    }
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

  /**
   * One PRM score in (0, 1) for a prefix of the given status at `depth`:
   * sigmoid of the status's mean logit plus fresh Normal(0, noise²) noise.
   */
  private score(on: number, fooled: number, bonus: number, depth: number): number {
    let logit: number;
    if (on === 1) logit = this.onLogit[depth] as number;
    else if (fooled === 1) logit = (this.onLogit[depth] as number) + bonus;
    else logit = this.offTrackLogit;
    if (this.noise > 0) logit += this.noise * this.rng.normal();
    return 1 / (1 + Math.exp(-logit));
  }

  /**
   * Writes candidate i as one step (to `depth`) beyond the parent state given,
   * scores it — after a temperature-0 rollout of up to k more steps when
   * k > 0 — and updates its aggregated score.
   */
  private extend(
    i: number,
    on: number,
    fooled: number,
    bonus: number,
    answer: number,
    min: number,
    logProd: number,
    depth: number,
    k: number,
  ): void {
    if (on === 1 && this.rng.next() >= this.s) {
      on = 0;
      fooled = this.rng.next() < this.phi ? 1 : 0;
      if (fooled === 1) bonus = this.drawBonus();
      answer = this.drawDistractor();
    }
    this.cOn[i] = on;
    this.cFool[i] = fooled;
    this.cBonus[i] = bonus;
    this.cAns[i] = answer;
    const reach = Math.min(k, this.steps - depth);
    if (reach > 0 && on === 1) {
      // The rollout: greedy decoding is one fixed continuation of this prefix,
      // whose steps go right or wrong like sampled ones (see lookaheadSearch).
      let rollOn = 1;
      let rollFooled = 0;
      let rollBonus = 0;
      for (let d = 0; d < reach; d++) {
        if (this.rng.next() >= this.s) {
          rollOn = 0;
          rollFooled = this.rng.next() < this.phi ? 1 : 0;
          if (rollFooled === 1) rollBonus = this.drawBonus();
          break;
        }
      }
      this.record(i, this.score(rollOn, rollFooled, rollBonus, depth + reach), min, logProd);
    } else {
      // Off-track prefixes stay off track, fooled or not, so their rollout changes nothing but depth.
      this.record(i, this.score(on, fooled, bonus, depth + reach), min, logProd);
    }
  }

  /** The persistent bonus of a newly fooled branch: fooledBonus + fooledSpread·Z. */
  private drawBonus(): number {
    const spread = this.prm.fooledSpread;
    return spread > 0 ? this.prm.fooledBonus + spread * this.rng.normal() : this.prm.fooledBonus;
  }

  /** Updates candidate i's aggregation state with a new step score. */
  private record(i: number, s: number, min: number, logProd: number): void {
    // Only the state the chosen aggregation needs is updated (the others stay unused).
    if (this.agg === AGG_LAST) {
      this.cKey[i] = s;
    } else if (this.agg === AGG_MIN) {
      const m = s < min ? s : min;
      this.cMin[i] = m;
      this.cKey[i] = m;
    } else {
      const lp = logProd + Math.log(s);
      this.cLogProd[i] = lp;
      this.cKey[i] = Math.exp(lp);
    }
  }

  /**
   * The shared search loop. Round 1 samples n first steps from the empty
   * prefix; each later round gives every kept prefix `width` children (so n
   * candidates again). Between rounds the candidates are pruned to n/width
   * survivors — globally (beam) or one per group of `width` (DVTS; with
   * width 1 nothing is pruned: best-of-N). After min(T, maxRounds) rounds the
   * candidates are finished by plain sampling if needed, and best-of-N
   * weighted picks the answer. Returns the answer.
   */
  run(n: number, width: number, k: number, mode: number, maxRounds: number): number {
    const T = this.steps;
    const rounds = Math.min(T, maxRounds);
    const keep = n / width;
    const trace = this.traceRounds;
    if (trace) trace.length = 0;
    for (let r = 1; r <= rounds; r++) {
      // Generate: candidate i descends from kept prefix floor(i / width) (the root in round 1).
      if (r === 1) {
        for (let i = 0; i < n; i++) this.extend(i, 1, 0, 0, CORRECT, 1, 0, 1, k);
      } else {
        for (let i = 0; i < n; i++) {
          const parent = (i / width) | 0;
          this.extend(
            i,
            this.kOn[parent] as number,
            this.kFool[parent] as number,
            this.kBonus[parent] as number,
            this.kAns[parent] as number,
            this.kMin[parent] as number,
            this.kLogProd[parent] as number,
            r,
            k,
          );
        }
      }
      const last = r === rounds;
      if (!last) this.select(n, width, keep, mode);
      if (trace) trace.push(this.roundRecord(r, n, last ? 0 : keep));
    }
    // Longer solutions than maxRounds: finish each candidate by sampling (no pruning).
    for (let depth = rounds + 1; depth <= T; depth++) {
      for (let i = 0; i < n; i++) {
        this.extend(
          i,
          this.cOn[i] as number,
          this.cFool[i] as number,
          this.cBonus[i] as number,
          this.cAns[i] as number,
          this.cMin[i] as number,
          this.cLogProd[i] as number,
          depth,
          0,
        );
      }
    }
    return this.weightedVote(n);
  }

  /** Copies the survivors of a round into the kept arrays. */
  private select(n: number, width: number, keep: number, mode: number): void {
    if (width === 1) {
      // Nothing to choose: every candidate continues.
      for (let i = 0; i < n; i++) this.keepCandidate(i, i);
      return;
    }
    if (mode === SELECT_GLOBAL) {
      this.rankTop(n, keep);
      for (let j = 0; j < keep; j++) this.keepCandidate(j, this.order[j] as number);
    } else {
      const key = this.cKey;
      for (let g = 0; g < keep; g++) {
        let best = g * width;
        for (let i = best + 1; i < (g + 1) * width; i++)
          if ((key[i] as number) > (key[best] as number)) best = i;
        this.keepCandidate(g, best);
      }
    }
  }

  /**
   * Puts the indices of the `keep` best candidates in order[0..keep), best
   * first, where "better" means a higher aggregated score and, on equal
   * scores, an earlier candidate: the first `keep` entries of a full sort,
   * found by quickselect (Hoare partition) and an insertion sort of the
   * survivors, O(n + keep²) instead of O(n log n).
   */
  private rankTop(n: number, keep: number): void {
    const order = this.order;
    const key = this.cKey;
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

  private keepCandidate(slot: number, i: number): void {
    this.kOn[slot] = this.cOn[i] as number;
    this.kFool[slot] = this.cFool[i] as number;
    this.kBonus[slot] = this.cBonus[i] as number;
    this.kAns[slot] = this.cAns[i] as number;
    this.kMin[slot] = this.cMin[i] as number;
    this.kLogProd[slot] = this.cLogProd[i] as number;
  }

  private roundRecord(round: number, n: number, kept: number): SearchRound {
    let onTrack = 0;
    let fooled = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      onTrack += this.cOn[i] as number;
      fooled += this.cFool[i] as number;
      if ((this.cKey[i] as number) > bestScore) bestScore = this.cKey[i] as number;
    }
    let keptOnTrack = 0;
    let keptFooled = 0;
    for (let j = 0; j < kept; j++) {
      keptOnTrack += this.kOn[j] as number;
      keptFooled += this.kFool[j] as number;
    }
    return { round, depth: round, generated: n, onTrack, fooled, kept, keptOnTrack, keptFooled, bestScore };
  }

  /**
   * Best-of-N weighted over the n candidates: the answer with the largest
   * summed aggregated score; ties go to the answer seen first.
   */
  private weightedVote(n: number): number {
    const votes = this.votes;
    const first = this.firstSeen;
    const m = this.answerCount;
    votes.fill(0, 0, m);
    first.fill(-1, 0, m);
    for (let i = 0; i < n; i++) {
      const a = this.cAns[i] as number;
      if ((first[a] as number) < 0) first[a] = i;
      votes[a] = (votes[a] as number) + (this.cKey[i] as number);
    }
    return argmaxFirstSeen(votes, first, m);
  }

  /** Copies of the final candidates (for results handed to users). */
  candidates(n: number): SearchCandidates {
    return {
      answers: this.cAns.slice(0, n),
      scores: this.cKey.slice(0, n),
      fooled: this.cFool.slice(0, n),
    };
  }
}

/** Runs one strategy on one question and packages the result. */
function runOnce(
  question: Question,
  settings: CommonSettings,
  n: number,
  width: number,
  k: number,
  mode: number,
  maxRounds: number,
): SearchResult {
  const engine = new SearchEngine(n, settings);
  engine.setQuestion(question);
  const answer = engine.run(n, width, k, mode, maxRounds);
  const result: SearchResult = {
    answer,
    correct: answer === CORRECT,
    generations: n * (k + 1),
    candidates: engine.candidates(n),
  };
  if (engine.traceRounds) result.trace = engine.traceRounds;
  return result;
}

// =============================================================================================
// The strategies
// =============================================================================================

/**
 * Best-of-N weighted: n independent full samples, each scored by the PRM
 * after every step; the per-step scores are aggregated ("last", "min" or
 * "prod") into one score per solution, and the answer with the largest
 * summed score wins (Snell et al. §5.1; Li et al. 2023):
 *
 *     â = argmax_a Σ_i 1{a_i = a} · score_i.
 *
 * Ties go to the answer seen first. Cost: n generations; O(n·T) work.
 *
 * @param question - a `Question`
 * @param options - {@link BestOfNWeightedOptions}
 * @returns a {@link SearchResult} (generations = n)
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if `n`, `steps` or a PRM field is out of range, or n·T exceeds 1e9
 * @example
 * const q = makeQuestion(0.3);
 * const r = bestOfNWeighted(q, { n: 16, rng: makeRng(1) });
 * r.generations;               // 16
 * r.candidates.answers.length; // 16
 * // With a perfect PRM the answer is correct exactly when one of the 16 samples is:
 * bestOfNWeighted(q, { n: 16, rng: makeRng(1), prm: { noise: 0, foolRate: 0, offTrackLogit: -50 } }).correct; // true
 */
export function bestOfNWeighted(question: Question, options: BestOfNWeightedOptions): SearchResult {
  const fn = "bestOfNWeighted";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  assertInteger(fn, "options.n", o.n, 1);
  assertWork(fn, "options.n × options.steps", o.n * settings.steps);
  return runOnce(question, settings, o.n, 1, 0, SELECT_SUBTREE, settings.steps);
}

/**
 * Beam search against the PRM (Snell et al. §5.2, search-and-learn's
 * `beam_search`), with N = n beams and beam width M:
 *
 * 1. sample n first steps; 2. score every prefix with the PRM (aggregated);
 * 3. keep the top n/M; 4. give each kept prefix M next steps (n prefixes
 * again) and repeat 2–4 until the solutions end or `maxRounds` (40) rounds
 * have run; then best-of-N weighted over the n completed candidates.
 *
 * Ties in step 3 go to the earlier candidate. Cost: n generations (the
 * paper's convention — N beams cost N generations); O(T·(n + (n/M)²))
 * expected work (a quickselect of the survivors, then an insertion sort).
 * Special cases: M = 1 prunes nothing (best-of-N); M = n keeps one prefix
 * per round (greedy step-by-step search with n proposals per step).
 *
 * @param question - a `Question`
 * @param options - {@link BeamSearchOptions}
 * @returns a {@link SearchResult} (generations = n; trace has ≤ maxRounds rounds, each keeping ≤ n/M)
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is out of range, `beamWidth` does not divide n
 *   (`beamSearch: options.beamWidth must divide n (n = 16), got 5`), or n·T exceeds 1e9
 * @example
 * const r = beamSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(1), trace: true });
 * r.generations;        // 16
 * r.trace?.length;      // 8 (one round per step)
 * r.trace?.[0].kept;    // 4 (n/M)
 */
export function beamSearch(question: Question, options: BeamSearchOptions): SearchResult {
  const fn = "beamSearch";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  const { n, beamWidth, maxRounds } = checkBeam(fn, o);
  assertWork(fn, "options.n × options.steps", n * settings.steps);
  return runOnce(question, settings, n, beamWidth, 0, SELECT_GLOBAL, maxRounds);
}

/**
 * Lookahead search (Snell et al. §5.2): beam search in which each candidate
 * step is scored by rolling it out up to k further steps at temperature 0
 * (stopping at the end of the solution) and taking the PRM's score at the
 * end of the rollout; the beam keeps the candidate step, not the rollout.
 * k = 0 is plain beam search; the paper calls this MCTS without the
 * exploration.
 *
 * "Temperature 0" in the synthetic task: greedy decoding is one fixed
 * continuation of the prefix, but nothing makes it more reliable than
 * sampling — in practice greedy pass@1 is close to sampled pass@1 — so the
 * rollout is modelled as one draw of the step process: each rollout step
 * from an on-track prefix stays on track with probability s, and may go
 * wrong (fooling the PRM with probability φ(q)) like any other step. An
 * off-track candidate stays off track, fooled or not. (We rejected "always
 * take the most likely step": it would make greedy decoding correct on
 * every question with p >= 0.5^T — a model far better than its own samples
 * — and turn the rollout into a free oracle.) A rollout that stays on track
 * lifts an honest candidate to the score of a deeper prefix, whose value is
 * higher; one that goes wrong buries it. The rollout score is also the
 * candidate's step score for the "min" and "prod" aggregations.
 *
 * Cost: n·(k + 1) generations (the paper's accounting; an upper bound,
 * since rollouts stop at the end of the solution).
 *
 * @param question - a `Question`
 * @param options - {@link LookaheadSearchOptions}
 * @returns a {@link SearchResult} (generations = n·(k + 1))
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is out of range, `beamWidth` does not divide n, or n·T exceeds 1e9
 * @example
 * const r = lookaheadSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, k: 3, rng: makeRng(1) });
 * r.generations; // 64
 */
export function lookaheadSearch(question: Question, options: LookaheadSearchOptions): SearchResult {
  const fn = "lookaheadSearch";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  const { n, beamWidth, maxRounds } = checkBeam(fn, o);
  assertInteger(fn, "options.k", o.k, 0, 1000);
  assertWork(fn, "options.n × options.steps", n * settings.steps);
  return runOnce(question, settings, n, beamWidth, o.k, SELECT_GLOBAL, maxRounds);
}

/**
 * Diverse verifier tree search (DVTS; huggingface/search-and-learn): n/M
 * independent subtrees. Each subtree samples M first steps, keeps its single
 * best by PRM score, gives it M next steps, keeps the best again, and so on
 * until the solutions end (or `maxRounds`); each subtree's last M candidates
 * are returned, n completions in all, and best-of-N weighted picks the
 * answer. One fooled branch can take over only its own subtree, which is
 * where DVTS's diversity comes from. M = 1 is best-of-N; M = n is one
 * greedy subtree (the same as beam search with M = n).
 *
 * Cost: n generations; O(n·T) work.
 *
 * @param question - a `Question`
 * @param options - {@link DvtsOptions}
 * @returns a {@link SearchResult} (generations = n; trace keeps n/M per round, one per subtree)
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a count is out of range, `beamWidth` does not divide n, or n·T exceeds 1e9
 * @example
 * const r = dvts(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(1), trace: true });
 * r.generations;     // 16
 * r.trace?.[0].kept; // 4 (one per subtree)
 */
export function dvts(question: Question, options: DvtsOptions): SearchResult {
  const fn = "dvts";
  checkQuestion(fn, "question", question);
  const o = assertObject(fn, "options", options);
  const settings = checkCommon(fn, o);
  const { n, beamWidth, maxRounds } = checkBeam(fn, o);
  assertWork(fn, "options.n × options.steps", n * settings.steps);
  return runOnce(question, settings, n, beamWidth, 0, SELECT_SUBTREE, maxRounds);
}

// =============================================================================================
// Strategies as data, and accuracy over a benchmark
// =============================================================================================

/** A beam width: a number M, or `"sqrt"` for M = √N (N must then be a perfect square). */
export type BeamWidthSpec = number | "sqrt";

/**
 * A search strategy without its budget, so sweeps can pair strategies with
 * budgets (`searchAccuracy(bench, strategy, { budget, … })`):
 * - `"best-of-n"`: N independent samples, best-of-N weighted ({@link bestOfNWeighted}).
 * - `"beam"`: beam search with N beams and width M ({@link beamSearch}).
 * - `"lookahead"`: lookahead search with rollouts of k steps; at budget B it
 *   runs N = B/(k + 1) beams ({@link lookaheadSearch}).
 * - `"dvts"`: N/M independent greedy subtrees ({@link dvts}).
 */
export type SearchStrategy =
  | { kind: "best-of-n" }
  | { kind: "beam"; beamWidth: BeamWidthSpec }
  | { kind: "lookahead"; beamWidth: BeamWidthSpec; k: number }
  | { kind: "dvts"; beamWidth: BeamWidthSpec };

/** The strategy kinds, in documentation order. */
export const SEARCH_STRATEGY_KINDS: readonly SearchStrategy["kind"][] = [
  "best-of-n",
  "beam",
  "lookahead",
  "dvts",
];

/** A strategy resolved at a generation budget. */
export interface SearchShape {
  /** Beams (or samples) N. */
  n: number;
  /** Beam width M (1 for best-of-N). */
  beamWidth: number;
  /** Rollout length k (0 except for lookahead search). */
  k: number;
  /** Generations one run costs: N·(k + 1), equal to the budget. */
  generations: number;
}

/** Resolves a strategy at a budget, throwing the house errors under `fn`. */
function resolveShape(
  fn: string,
  strategy: unknown,
  budget: unknown,
  budgetName = "budget",
): SearchShape & { kind: SearchStrategy["kind"] } {
  const s = assertObject(fn, "strategy", strategy);
  assertOneOf(fn, "strategy.kind", s.kind, SEARCH_STRATEGY_KINDS);
  assertInteger(fn, budgetName, budget, 1);
  if (s.kind === "best-of-n") return { kind: s.kind, n: budget, beamWidth: 1, k: 0, generations: budget };
  let k = 0;
  if (s.kind === "lookahead") {
    assertInteger(fn, "strategy.k", s.k, 0, 1000);
    k = s.k;
    if (budget % (k + 1) !== 0) rangeError(fn, budgetName, `a multiple of k + 1 (k + 1 = ${k + 1})`, budget);
  }
  const n = budget / (k + 1);
  let beamWidth: number;
  if (s.beamWidth === "sqrt") {
    const root = Math.round(Math.sqrt(n));
    if (root * root !== n) {
      rangeError(fn, "strategy.beamWidth", `a number when N is not a perfect square (N = ${n})`, s.beamWidth);
    }
    beamWidth = root;
  } else {
    if (typeof s.beamWidth !== "number")
      typeError(fn, "strategy.beamWidth", `a number or "sqrt"`, s.beamWidth);
    assertInteger(fn, "strategy.beamWidth", s.beamWidth, 1);
    assertDivides(fn, "strategy.beamWidth", s.beamWidth, n);
    beamWidth = s.beamWidth;
  }
  return { kind: s.kind, n, beamWidth, k, generations: budget };
}

/**
 * A strategy at a generation budget B: how many beams N it runs, its beam
 * width M and rollout length k. Best-of-N, beam search and DVTS run N = B;
 * lookahead search runs N = B/(k + 1), so every strategy costs exactly B
 * generations. `beamWidth: "sqrt"` means M = √N and needs N to be a perfect
 * square (B = 4, 16, 64, 256 for beam and DVTS; B = 4, 16, 64, 256 with
 * k = 3 for lookahead). O(1).
 *
 * @param strategy - a {@link SearchStrategy}
 * @param budget - generations B, an integer >= 1
 * @returns the {@link SearchShape}
 * @throws {TypeError} if `strategy` is not an object or a field has the wrong type
 * @throws {RangeError} if `kind` is unknown, B is not a multiple of k + 1, M does not divide N,
 *   or "sqrt" meets an N that is not a perfect square
 * @example
 * searchShape({ kind: "beam", beamWidth: "sqrt" }, 64);            // { n: 64, beamWidth: 8, k: 0, generations: 64 }
 * searchShape({ kind: "lookahead", beamWidth: "sqrt", k: 3 }, 64); // { n: 16, beamWidth: 4, k: 3, generations: 64 }
 */
export function searchShape(strategy: SearchStrategy, budget: number): SearchShape {
  const { n, beamWidth, k, generations } = resolveShape("searchShape", strategy, budget);
  return { n, beamWidth, k, generations };
}

/**
 * Whether a strategy can run at a budget (the checks of {@link searchShape},
 * as a boolean, for sweeps that skip impossible pairs such as M = 4 at
 * B = 2). O(1).
 *
 * @param strategy - a {@link SearchStrategy}
 * @param budget - generations B
 * @returns true if `searchShape(strategy, budget)` would succeed
 * @example
 * isValidSearchBudget({ kind: "beam", beamWidth: "sqrt" }, 16); // true
 * isValidSearchBudget({ kind: "beam", beamWidth: "sqrt" }, 32); // false
 */
export function isValidSearchBudget(strategy: SearchStrategy, budget: number): boolean {
  try {
    resolveShape("isValidSearchBudget", strategy, budget);
    return true;
  } catch {
    return false;
  }
}

/**
 * A short label for a strategy, for tables and compute-optimal choices:
 * "best-of-N weighted", "beam M=√N", "beam M=4", "lookahead k=3 M=√N",
 * "DVTS M=4". Distinct strategies get distinct labels. O(1).
 *
 * @param strategy - a {@link SearchStrategy}
 * @returns the label
 * @throws {TypeError} if `strategy` is malformed
 * @throws {RangeError} if `kind` is unknown or a field is out of range
 * @example
 * searchStrategyLabel({ kind: "lookahead", beamWidth: "sqrt", k: 3 }); // "lookahead k=3 M=√N"
 */
export function searchStrategyLabel(strategy: SearchStrategy): string {
  const fn = "searchStrategyLabel";
  const s = assertObject(fn, "strategy", strategy);
  assertOneOf(fn, "strategy.kind", s.kind, SEARCH_STRATEGY_KINDS);
  if (s.kind === "best-of-n") return "best-of-N weighted";
  let width: string;
  if (s.beamWidth === "sqrt") width = "M=√N";
  else {
    if (typeof s.beamWidth !== "number")
      typeError(fn, "strategy.beamWidth", `a number or "sqrt"`, s.beamWidth);
    assertInteger(fn, "strategy.beamWidth", s.beamWidth, 1);
    width = `M=${s.beamWidth}`;
  }
  if (s.kind === "beam") return `beam ${width}`;
  if (s.kind === "dvts") return `DVTS ${width}`;
  assertInteger(fn, "strategy.k", s.k, 0, 1000);
  return `lookahead k=${s.k} ${width}`;
}

/** Options for {@link searchAccuracy}. */
export interface SearchAccuracyOptions {
  /** Generation budget B per question, an integer >= 1 (see {@link searchShape}). */
  budget: number;
  /** Generator from `makeRng`. */
  rng: Rng;
  /** Independent runs per question, an integer >= 1. @defaultValue 4 */
  trials?: number;
  /** PRM parameters to override. @defaultValue {@link DEFAULT_PRM} */
  prm?: PrmOptions;
  /** Steps T in one solution, an integer in [1, 1000]. @defaultValue 8 */
  steps?: number;
  /** Step-score aggregation. @defaultValue "last" */
  aggregation?: PrmAggregation;
  /** Rounds of expansion with selection, an integer in [1, 1000]. @defaultValue 40 */
  maxRounds?: number;
}

/** Result of {@link searchAccuracy}. */
export interface SearchAccuracy {
  /** The strategy's label ({@link searchStrategyLabel}). */
  strategy: string;
  /** Generation budget B per question. */
  budget: number;
  /** Beams N, beam width M and rollout length k at this budget. */
  n: number;
  /** Beam width M (1 for best-of-N). */
  beamWidth: number;
  /** Rollout length k (0 unless lookahead). */
  k: number;
  /** Mean over questions of the per-question success rate. */
  accuracy: number;
  /**
   * Monte Carlo standard error of `accuracy` for these fixed questions:
   * √(Σ_i r_i(1 − r_i)/(R − 1)) / Q with R trials; for R = 1 the
   * conservative √(acc(1 − acc)/Q).
   */
  standardError: number;
  /** Success rate of each question over the trials, in question order. */
  perQuestion: Float64Array;
  /** Runs per question. */
  trials: number;
  /** Total generations spent: questions × trials × budget. */
  generations: number;
}

/**
 * Search accuracy: the fraction of questions a strategy answers correctly at
 * a generation budget, each question run `trials` times with the same PRM.
 * Also returns the per-question success rates (for accuracy by difficulty bin
 * and the compute-optimal choice per bin) and the generations spent.
 *
 * Standard error, for the fixed questions: with r_i the success rate of
 * question i over R trials, SE = √(Σ_i r_i(1 − r_i)/(R − 1)) / Q; with R = 1
 * the conservative √(acc(1 − acc)/Q).
 *
 * Cost: O(Q · trials · B · T) steps (at most 1e9), with O(N) memory reused
 * across questions. The 500-question sweep of five strategies over budgets
 * 4…256 with four trials takes a few seconds.
 *
 * @param questions - a `Benchmark` or a non-empty array of questions
 * @param strategy - a {@link SearchStrategy}
 * @param options - {@link SearchAccuracyOptions}
 * @returns a {@link SearchAccuracy}
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if the strategy cannot run at the budget (see {@link searchShape}),
 *   a parameter is out of range, or the work exceeds 1e9
 * @example
 * const bench = makeBenchmark();
 * const r = searchAccuracy(bench, { kind: "beam", beamWidth: 4 }, { budget: 16, rng: makeRng(1) });
 * r.accuracy;      // ≈ 0.68
 * r.standardError; // ≈ 0.006
 * r.generations;   // 32000 (500 questions × 4 trials × 16)
 */
export function searchAccuracy(
  questions: Benchmark | readonly Question[],
  strategy: SearchStrategy,
  options: SearchAccuracyOptions,
): SearchAccuracy {
  const fn = "searchAccuracy";
  const qs = toQuestions(fn, "questions", questions);
  const o = assertObject(fn, "options", options);
  const shape = resolveShape(fn, strategy, o.budget, "options.budget");
  const settings = checkCommon(fn, { ...o, trace: false });
  const trials = o.trials ?? 4;
  assertInteger(fn, "options.trials", trials, 1);
  const maxRounds = o.maxRounds ?? DEFAULT_MAX_ROUNDS;
  assertInteger(fn, "options.maxRounds", maxRounds, 1, 1000);
  assertWork(
    fn,
    "questions × options.trials × options.budget × options.steps",
    qs.length * trials * shape.generations * settings.steps,
  );

  const mode = shape.kind === "dvts" || shape.kind === "best-of-n" ? SELECT_SUBTREE : SELECT_GLOBAL;
  const engine = new SearchEngine(shape.n, settings);
  const perQuestion = new Float64Array(qs.length);
  for (let i = 0; i < qs.length; i++) {
    engine.setQuestion(qs[i] as Question);
    let successes = 0;
    for (let t = 0; t < trials; t++) {
      if (engine.run(shape.n, shape.beamWidth, shape.k, mode, maxRounds) === CORRECT) successes++;
    }
    perQuestion[i] = successes / trials;
  }
  const all = allIndices(qs.length);
  return {
    strategy: searchStrategyLabel(strategy),
    budget: shape.generations,
    n: shape.n,
    beamWidth: shape.beamWidth,
    k: shape.k,
    accuracy: meanOver(perQuestion, all),
    standardError: monteCarloStandardError(perQuestion, trials, all),
    perQuestion,
    trials,
    generations: qs.length * trials * shape.generations,
  };
}

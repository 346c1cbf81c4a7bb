/**
 * The causes behind the findings: each mechanism of the synthetic world that
 * a finding can come from, stated in words, sourced, and with the experiment
 * options that switch it off. {@link findingsAcrossSeeds} reruns the study
 * with each one off (an ablation the paper could not run) and reports what
 * happens to the findings that name it.
 *
 * A mechanism is "off" when the option below removes the cause and nothing
 * else: a PRM whose scores are pure noise, a PRM that is never fooled, a PRM
 * that scores a detected mistake at its floor, a difficulty estimate as good as the oracle's, a revision model that never
 * fixes, never breaks, or never repeats a failed answer. Causes that are not
 * switchable (how difficulty itself is modelled, the larger model's logit
 * shift, the FLOPs accounting of lookahead's rollouts) are named in
 * {@link FINDING_CAUSES} without a switch.
 * @packageDocumentation
 */
import { DEFAULT_PRM } from "../strategies/synthetic";
import type { RevisionExperimentOptions, SearchExperimentOptions } from "./experiment";

/** The switchable mechanisms of the synthetic study. */
export type MechanismId =
  | "prm-signal"
  | "prm-exploit"
  | "prm-mistake-floor"
  | "difficulty-noise"
  | "revision-fixes"
  | "revision-breaks"
  | "revision-sticky";

/** One switchable cause. */
export interface Mechanism {
  /** A stable key. */
  readonly id: MechanismId;
  /** A short name for tables. */
  readonly name: string;
  /** What the model does, in words. */
  readonly cause: string;
  /** Where the paper gives this cause, or why it is ours. */
  readonly source: string;
  /** What switching it off means. */
  readonly offMeans: string;
  /** The experiment options that switch it off (merged over the study's options). */
  readonly off: {
    readonly search?: Readonly<SearchExperimentOptions>;
    readonly revision?: Readonly<RevisionExperimentOptions>;
  };
}

/** Separation of a difficulty verifier that sorts questions as the oracle does (AUC ≈ 1). */
const PERFECT_SEPARATION = 50;

/** PRM noise (logit sd) that drowns every score difference: scores are coin flips. */
const NOISE_ONLY = 1e4;

/** The switchable mechanisms, in the order the findings table shows them (frozen). */
export const MECHANISMS: readonly Mechanism[] = Object.freeze([
  {
    id: "prm-signal",
    name: "PRM ranks by value",
    cause:
      "the PRM scores each prefix by a noisy estimate of its reward-to-go: honest work by its value, detected mistakes low, so a search can prune mistakes step by step",
    source:
      "the paper's PRM is trained on Monte Carlo rollout values of step prefixes (§5.1; App. D v1 / App. F ICLR)",
    offMeans: "PRM noise 10⁴ on the logit scale: every score is a coin flip, no ranking information",
    off: { search: { prm: { noise: NOISE_ONLY } } },
  },
  {
    id: "prm-exploit",
    name: "PRM can be fooled",
    cause:
      "a few wrong steps look like good work to the PRM and score above honest prefixes; a search that keeps the best-scoring prefixes multiplies them (over-optimisation)",
    source:
      "the paper's explanation of beam search degrading on easy questions and of lookahead underperforming: the PRM is over-optimised, e.g. over-short solutions that score well (§5.3 v1)",
    offMeans: "foolRate 0: every mistake is visible to the PRM",
    off: { search: { prm: { foolRate: 0 } } },
  },
  {
    id: "prm-mistake-floor",
    name: "detected mistakes outscore hard honest work",
    cause:
      "a detected mistake scores a flat offTrackLogit (−1) while honest work scores the clamped logit of its value, as low as −logitCap (−2): on the hardest questions, until late in a solution, the PRM ranks a detected mistake above honest work",
    source:
      "ours, not the paper's: a PRM trained on Monte Carlo values would give a detected mistake (value 0) the lowest score; this is a modelling choice of the synthetic PRM that the ablation exposes",
    offMeans: "offTrackLogit = −logitCap: a detected mistake scores the PRM's floor, never above honest work",
    off: { search: { prm: { offTrackLogit: -DEFAULT_PRM.logitCap } } },
  },
  {
    id: "difficulty-noise",
    name: "predicted bins are noisy",
    cause:
      "predicted difficulty bins come from a verifier's mean score over samples, not from correctness, so some questions land in the wrong bin",
    source: "the paper's predicted difficulty: bins from the PRM's mean final score over 2048 samples (§3.2)",
    offMeans: "a difficulty verifier with separation 50: predicted bins equal the oracle's",
    off: {
      search: { difficultyVerifier: { separation: PERFECT_SEPARATION } },
      revision: { difficultyVerifier: { separation: PERFECT_SEPARATION } },
    },
  },
  {
    id: "revision-fixes",
    name: "revisions fix",
    cause:
      "a revision turns a wrong answer right with probability fixScale · p: local refinement of an answer",
    source: "the paper's revision model is trained on wrong attempts followed by a correct one (§6.1)",
    offMeans: "fixScale 0: a revision never fixes a wrong answer",
    off: { revision: { model: { fixScale: 0 } } },
  },
  {
    id: "revision-breaks",
    name: "revisions break",
    cause: "a revision turns a correct answer wrong with probability breakRate",
    source:
      "the paper: about 38% of correct answers are turned wrong by the next revision when the model is used naively (§6.1; App. H–J v1 / App. L–N ICLR)",
    offMeans: "breakRate 0: a correct answer stays correct",
    off: { revision: { model: { breakRate: 0 } } },
  },
  {
    id: "revision-sticky",
    name: "failed revisions repeat",
    cause:
      "a revision that fails to fix usually keeps the same wrong answer, so one long chain explores less than many short ones (sequential is local, parallel is global)",
    source:
      "the paper's intuition for the ratio trade-off: sequential revisions refine locally, parallel sampling explores globally (§6.2)",
    offMeans: "stickiness 0: a failed revision draws a fresh wrong answer",
    off: { revision: { model: { stickiness: 0 } } },
  },
] satisfies Mechanism[]);

/** What a finding comes from in the synthetic world. */
export interface FindingCause {
  /** The cause in words, including any part that cannot be switched off. */
  readonly cause: string;
  /** The switchable mechanisms it rests on (ablated by {@link findingsAcrossSeeds}). */
  readonly mechanisms: readonly MechanismId[];
}

/** The cause of each finding, by finding id (frozen). */
export const FINDING_CAUSES: Readonly<Record<string, FindingCause>> = Object.freeze({
  "search-efficiency": {
    cause:
      "step-level pruning by the PRM, worth most at small budgets; over-optimisation caps it at large ones",
    mechanisms: ["prm-signal", "prm-exploit"],
  },
  "search-predicted": {
    cause: "misbinned questions get another bin's strategy, which costs most where strategies differ most",
    mechanisms: ["difficulty-noise"],
  },
  "revision-efficiency": {
    cause:
      "verifier-weighted parallel sampling falls on the hard levels, where a question's frequent wrong answer wins the weighted vote (not switchable without drawing a new benchmark), so even chains that never fix beat it there; revisions that fix add to the gain",
    mechanisms: ["revision-fixes", "revision-breaks", "revision-sticky"],
  },
  "revision-plateau": {
    cause:
      "parallel sampling saturates at the verifier's selection limit; revisions raise per-attempt pass@1",
    mechanisms: ["revision-fixes", "revision-breaks"],
  },
  "efficiency-overall": {
    cause: "the two gains above combined",
    mechanisms: ["prm-signal", "prm-exploit", "revision-fixes"],
  },
  "larger-model": {
    cause:
      "the larger model is a fixed logit shift of every question's pass@1 (not switchable); it helps most where p is near ½ and least where p ≈ 0",
    mechanisms: ["prm-signal", "revision-fixes"],
  },
  "beam-budget": {
    cause: "pruning wins at small budgets; a fooled prefix multiplies through the beam at large ones",
    mechanisms: ["prm-signal", "prm-exploit"],
  },
  "lookahead-worst": {
    cause:
      "rollouts cost N(k + 1) generations (accounting, not switchable); the PRM's exploitability; scoring at the end of a rollout sees honest work overtake detected mistakes sooner",
    mechanisms: ["prm-exploit", "prm-signal", "prm-mistake-floor"],
  },
  "bins-easy": {
    cause: "on easy questions there is little to prune and a fooled prefix is most of what can go wrong",
    mechanisms: ["prm-exploit"],
  },
  "bins-medium": {
    cause: "on intermediate questions the PRM prunes many detectable mistakes",
    mechanisms: ["prm-signal"],
  },
  "bins-hardest": {
    cause:
      "the PRM ranks detected mistakes above honest work on these questions until late, which steers beam search away from the few on-track prefixes; per-step success s = p^(1/T) (how difficulty is modelled, not switchable)",
    mechanisms: ["prm-signal", "prm-mistake-floor"],
  },
  "revisions-easy": {
    cause: "an easy question's first answer is usually right or near; revisions refine it",
    mechanisms: ["revision-fixes", "revision-breaks"],
  },
  "revisions-hard": {
    cause: "long chains get stuck on a repeated wrong answer; many short chains explore but fix little",
    mechanisms: ["revision-sticky", "revision-fixes", "revision-breaks"],
  },
  "majority-easy": {
    cause: "on easy questions the correct answer is the plurality in every split",
    mechanisms: ["revision-fixes", "revision-sticky"],
  },
} satisfies Record<string, FindingCause>);

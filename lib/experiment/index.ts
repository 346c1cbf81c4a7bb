/**
 * The full synthetic experiment, its findings, and the strategy planner. Imports `base`, `models` and `strategies`.
 * @packageDocumentation
 */
export {
  EXPERIMENT_BUDGETS,
  SEARCH_EXPERIMENT_STRATEGIES,
  DEFAULT_SEARCH_TRIALS,
  DEFAULT_REVISION_TRIALS,
  DEFAULT_DIFFICULTY_VERIFIER,
  DEFAULT_SWEEP_BUDGET,
  SEARCH_BASELINE_LABEL,
  clearExperimentCache,
  type ExperimentOptions,
  type SearchExperimentOptions,
  type RevisionExperimentOptions,
  type ResolvedSearchExperimentOptions,
  type ResolvedRevisionExperimentOptions,
  type CurvePointWithError,
  type SearchEvaluation,
  type RevisionEvaluation,
  type SearchExperimentStrategy,
  type OptimalCurves,
  type EfficiencyRows,
  type ExperimentResultBase,
  type SearchExperimentResult,
  type RatioSweepAccuracy,
  type RatioSweep,
  type RevisionEndCurves,
  type RevisionExperimentResult,
} from "./experiment";
export { runSearchExperiment } from "./search-experiment";
export { runRevisionExperiment, evaluationByBin } from "./revision-experiment";
export {
  FINDINGS_Z,
  MEANINGFUL_GAIN,
  INSENSITIVE_SPREAD,
  findingsTable,
  type Verdict,
  type FindingRow,
  type SearchFindingsInput,
  type RevisionFindingsInput,
} from "./findings";
export {
  MECHANISMS,
  FINDING_CAUSES,
  type MechanismId,
  type Mechanism,
  type FindingCause,
} from "./mechanisms";
export {
  DEFAULT_ROBUSTNESS_SEEDS,
  findingsAcrossSeeds,
  type FindingsAcrossSeedsOptions,
  type FindingAblation,
  type FindingRobustness,
  type FindingsAcrossSeeds,
} from "./robustness";
export {
  planCandidates,
  planStrategy,
  type PlanCandidate,
  type PlanExperiments,
  type PlanRequest,
  type LatencyCost,
  type VersusLargerModel,
  type StrategyPlan,
} from "./planner";

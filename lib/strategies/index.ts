/**
 * Test-time strategies: the policy and verifier interfaces, the one search
 * loop written against them, the strategy registry, the synthetic world, and
 * what each strategy costs. Imports `base` and `models`.
 * @packageDocumentation
 */
export { STATUS_ON_TRACK, STATUS_FOOLED, type StepPolicy, type StepVerifier } from "./interfaces";
export {
  PRM_AGGREGATIONS,
  StepSearch,
  type PrmAggregation,
  type FinalSelection,
  type ExpansionRule,
  type SearchRound,
  type StepSearchRun,
} from "./step-search";
export {
  DEFAULT_SEARCH_STEPS,
  DEFAULT_MAX_ROUNDS,
  DEFAULT_PRM,
  prefixValue,
  prmFoolProbability,
  SyntheticStepWorld,
  type PrmOptions,
  type IdeaShare,
  type PrefixValueOptions,
  type PrmFoolProbabilityOptions,
} from "./synthetic";
export {
  monteCarloStepLabels,
  type MonteCarloStepLabelsOptions,
  type MonteCarloStepLabels,
  type LabelledSolution,
} from "./prm-labels";
export {
  SEARCH_STRATEGY_ENTRIES,
  SEARCH_STRATEGY_KINDS,
  type BeamWidthSpec,
  type SearchShape,
  type SearchStrategyEntry,
  type SearchStrategy,
  type SearchRun,
  type BestOfNStrategy,
  type BestOfNRun,
  type BeamStrategy,
  type BeamRun,
  type LookaheadStrategy,
  type LookaheadRun,
  type DvtsStrategy,
  type DvtsRun,
} from "./registry";
export { type RebaseStrategy, type RebaseRun } from "./rebase";
export {
  bestOfNWeighted,
  beamSearch,
  lookaheadSearch,
  dvts,
  rebaseSearch,
  searchShape,
  isValidSearchBudget,
  searchStrategyLabel,
  searchAccuracy,
  type SearchCandidates,
  type SearchResult,
  type SearchCommonOptions,
  type BestOfNWeightedOptions,
  type BeamSearchOptions,
  type LookaheadSearchOptions,
  type DvtsOptions,
  type RebaseSearchOptions,
  type SearchAccuracyOptions,
  type SearchAccuracy,
} from "./search";
export {
  hierarchicalVerifierSelection,
  simulateRevisionChains,
  revisionRatios,
  revisionAccuracy,
  revisionLatency,
  type HierarchicalSelection,
  type RevisionChainsOptions,
  type RevisionChainsResult,
  type RevisionSplit,
  type RevisionSelection,
  type RevisionAccuracyOptions,
  type RevisionAccuracyResult,
  type RevisionLatency,
} from "./revisions";
export {
  strategyCost,
  type StrategySpec,
  type StrategyKind,
  type StrategyCostOptions,
  type StrategyCost,
} from "./cost";

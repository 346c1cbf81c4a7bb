/**
 * The lab: the paper's study on real tiny language models trained in this
 * project (`npm run lab:train`) — the task, the transformer and its
 * sampler, the models as a policy and a verifier for the library's search
 * strategies, the committed caches (`npm run lab:sample`), and the study
 * and its findings computed from them.
 * @packageDocumentation
 */
export {
  LAB_VOCAB,
  LAB_SETTINGS,
  LAB_MAX_TOTAL,
  labProblem,
  labSteps,
  checkLabSolution,
  labAnswer,
  labCorrect,
  labPrompt,
  encodeLab,
  decodeLab,
  parseLabQuestion,
  type LabProblem,
  type LabProblemOptions,
  type LabStepCheck,
  type LabSetting,
} from "./task";
export {
  LabTransformer,
  LabDecoder,
  labWeightLayout,
  labParameterCount,
  type LabModelConfig,
  type LabTensor,
  type LabSnapshot,
} from "./transformer";
export { REVISION_WINDOW, revisionContext, editDistance } from "./revision-format";
export { LAB_MAX_LINE, labSamples, labStepScores } from "./sampler";
export { LAB_MODEL_NAMES, labModelCard, loadLabModel, type LabModelName, type LabModelCard } from "./store";
export {
  LabStepWorld,
  labSearch,
  type LabPrefix,
  type LabSearchOptions,
  type LabSearchResult,
} from "./world";
export {
  LAB_BENCHMARK_PER_SETTING,
  LAB_SEARCH_STRATEGIES,
  LAB_SEARCH_BUDGETS,
  labBenchmark,
  loadLabModels,
  type LabModels,
  type QuestionSamples,
  type QuestionRevisions,
  type QuestionSearch,
} from "./collect";
export { LAB_CACHE_SETTINGS, labCache, type LabCache, type LabCacheManifest } from "./cache";
export {
  LAB_BON_BUDGETS,
  LAB_BON_SUBSETS,
  labStudy,
  type LabStudy,
  type LabSelection,
  type LabRevisionSplit,
} from "./study";
export { labFindings, type LabFindingRow } from "./findings";
export {
  labSampleRows,
  labFooled,
  labRevisionExample,
  labPassBySetting,
  labRevisionRates,
  type LabSampleRow,
  type LabRevisionRateRow,
  type LabFooledRow,
  type LabRevisionExample,
} from "./explore";

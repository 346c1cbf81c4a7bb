/**
 * Display in a tslab kernel (the only code that knows tslab) and the exercise checkers. Imports the layers below.
 * @packageDocumentation
 */
export { isKernel, displayBundle, type MimeBundle } from "./kernel";
export { formatNumber } from "./format";
export { figureBundle, show } from "./show";
export { tableBundle, showTable, type TableData, type TableRows, type TableOptions } from "./tables";
export { showMarkdown, showError } from "./text";
export { progressBundle, progress, type Progress } from "./progress";
export {
  checkAgainst,
  checkValue,
  checkPrediction,
  YOUR_TURN,
  type CheckOptions,
  type PredictionAnswer,
} from "./exercises";
export { versions, showVersions, type Versions } from "./versions";

/**
 * Display in a tslab kernel (the only code that knows tslab) and the exercise checkers. Imports the layers below.
 * @packageDocumentation
 */
export {
  isKernel,
  displayBundle,
  formatNumber,
  figureBundle,
  show,
  tableBundle,
  showTable,
  showMarkdown,
  showError,
  progressBundle,
  progress,
  checkAgainst,
  checkValue,
  versions,
  showVersions,
  type MimeBundle,
  type TableData,
  type TableRows,
  type TableOptions,
  type Progress,
  type CheckOptions,
  type Versions,
} from "./display";

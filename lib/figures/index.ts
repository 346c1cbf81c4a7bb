/**
 * Plotly figure builders (pure data, no kernel). Imports the layers below.
 * @packageDocumentation
 */
export {
  PALETTE,
  DEFAULT_FIGURE_HEIGHT,
  lineTrace,
  markerTrace,
  lineFigure,
  barFigure,
  addTraces,
  type DashStyle,
  type LineMode,
  type AxisSpec,
  type CategoryAxisSpec,
  type LineSeries,
  type AnnotationSpec,
  type LineFigureSpec,
  type BarSeries,
  type BarFigureSpec,
  type MarkerSpec,
} from "./primitives";
export {
  coverageFigure,
  budgetCurvesFigure,
  levelLabel,
  binBarsFigure,
  ratioSweepFigure,
  type CoverageFigureSpec,
  type BudgetSeries,
  type ReferenceLine,
  type PointMarker,
  type BudgetCurvesFigureSpec,
  type BinBarsSeries,
  type BinBarsFigureSpec,
  type RatioPoint,
  type RatioSweepSeries,
  type RatioSweepFigureSpec,
} from "./budget-charts";
export {
  flopsExchangeFigure,
  type ExchangeCurve,
  type LargeModelPoint,
  type BudgetAtR,
  type FlopsExchangeFigureSpec,
} from "./flops-chart";
export {
  histogramFigure,
  scoreStripFigure,
  type HistogramFigureSpec,
  type ScoreStripFigureSpec,
} from "./sample-charts";
export { sliderFigure, type SliderSeries, type SliderStep, type SliderFigureSpec } from "./slider";
export { searchTraceFigure, type SearchTraceFigureOptions } from "./search-trace-chart";
export { searchTreeFigure, type SearchTreeFigureOptions } from "./search-tree-chart";
export { revisionChainsFigure, type RevisionChainsFigureOptions } from "./revision-chart";
export {
  type PlotTraceType,
  type PlotDatum,
  type PlotValues,
  type PlotTitle,
  type PlotTrace,
  type PlotAxis,
  type PlotAnnotation,
  type PlotLayout,
  type PlotConfig,
  type Figure,
} from "./plotly";

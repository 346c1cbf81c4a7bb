/**
 * The figure types: a structural subset of plotly.js 4's, plain data that
 * the figure builders return and the display layer sends to the kernel.
 * @packageDocumentation
 */

/** Trace types of plotly.js 4 (the full bundle in plotly.js-dist-min). */
export type PlotTraceType =
  | "bar"
  | "barpolar"
  | "box"
  | "candlestick"
  | "carpet"
  | "choropleth"
  | "choroplethmap"
  | "cone"
  | "contour"
  | "contourcarpet"
  | "densitymap"
  | "funnel"
  | "funnelarea"
  | "heatmap"
  | "histogram"
  | "histogram2d"
  | "histogram2dcontour"
  | "icicle"
  | "image"
  | "indicator"
  | "isosurface"
  | "mesh3d"
  | "ohlc"
  | "parcats"
  | "parcoords"
  | "pie"
  | "quiver"
  | "sankey"
  | "scatter"
  | "scatter3d"
  | "scattercarpet"
  | "scattergeo"
  | "scattergl"
  | "scattermap"
  | "scatterpolar"
  | "scatterpolargl"
  | "scattersmith"
  | "scatterternary"
  | "splom"
  | "streamtube"
  | "sunburst"
  | "surface"
  | "table"
  | "treemap"
  | "violin"
  | "volume"
  | "waterfall";

/** One coordinate value: a number, a category name, or `null` for a gap. */
export type PlotDatum = number | string | null;

/** Coordinates: a plain array or a typed array (sent as a plain JSON array). */
export type PlotValues = readonly PlotDatum[] | ArrayLike<number>;

/** A title object. plotly.js 3 and later ignore plain-string titles, so only the object form is typed. */
export interface PlotTitle {
  /** The title text (may contain simple HTML such as `<sub>`). */
  text?: string;
  [attribute: string]: unknown;
}

/**
 * One plotly.js trace. The common attributes are typed; any other plotly
 * attribute (`hovertemplate`, `error_y`, `fill`, …) is accepted as `unknown`.
 */
export interface PlotTrace {
  /** Trace type; plotly's default is `"scatter"`. */
  type?: PlotTraceType;
  /** Legend entry. */
  name?: string;
  x?: PlotValues;
  y?: PlotValues;
  z?: PlotValues | readonly PlotValues[];
  /** For scatter traces: `"lines"`, `"markers"`, `"lines+markers"`, `"text"`, … */
  mode?: string;
  line?: { color?: string; width?: number; dash?: string; shape?: string; [attribute: string]: unknown };
  marker?: {
    color?: string | readonly string[];
    size?: number | readonly number[];
    symbol?: string;
    [attribute: string]: unknown;
  };
  text?: string | readonly string[];
  showlegend?: boolean;
  [attribute: string]: unknown;
}

/** One axis of a plotly layout. */
export interface PlotAxis {
  title?: PlotTitle;
  type?: "-" | "linear" | "log" | "date" | "category" | "multicategory";
  /** Axis range; on a log axis plotly expects log10 of the data values. */
  range?: readonly unknown[];
  autorange?: boolean | "reversed";
  tickformat?: string;
  hoverformat?: string;
  [attribute: string]: unknown;
}

/** A plotly layout annotation. */
export interface PlotAnnotation {
  x?: PlotDatum;
  y?: PlotDatum;
  text?: string;
  showarrow?: boolean;
  [attribute: string]: unknown;
}

/** A plotly layout. */
export interface PlotLayout {
  title?: PlotTitle;
  xaxis?: PlotAxis;
  yaxis?: PlotAxis;
  height?: number;
  width?: number;
  showlegend?: boolean;
  barmode?: "group" | "stack" | "overlay" | "relative";
  annotations?: readonly PlotAnnotation[];
  colorway?: readonly string[];
  [attribute: string]: unknown;
}

/** Plotly's `config` argument (mode bar, responsiveness, …). */
export interface PlotConfig {
  responsive?: boolean;
  displaylogo?: boolean;
  displayModeBar?: boolean | "hover";
  staticPlot?: boolean;
  [attribute: string]: unknown;
}

/**
 * A plotly figure: what the builders in `figures` return and what
 * {@link show} draws.
 *
 * @example
 * const fig: Figure = {
 *   data: [{ type: "scatter", x: [1, 2, 4], y: [0.1, 0.19, 0.34], name: "coverage" }],
 *   layout: { title: { text: "Coverage rises with n" } },
 * };
 */
export interface Figure {
  data: PlotTrace[];
  layout?: PlotLayout;
  config?: PlotConfig;
}

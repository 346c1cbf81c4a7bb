/**
 * {@link sliderFigure}: precomputed steps behind a Plotly slider, which works in
 * a static page (the built book) with no kernel behind it.
 * @packageDocumentation
 */

import { assertArray, assertInteger, assertObject, assertSameLength } from "../base/validate";
import { extent, nameField } from "./chart-helpers";
import type { Figure, PlotTrace } from "./plotly";
import {
  assertString,
  type AxisSpec,
  baseLayout,
  checkHeight,
  finiteNumbers,
  numbers,
  numericAxis,
  PALETTE,
  CONFIG,
} from "./primitives";

// ---------------------------------------------------------------------------
// 9. A slider over precomputed steps
// ---------------------------------------------------------------------------

/** One line at one slider step. */
export interface SliderSeries {
  /** Legend entry. */
  name: string;
  /** x values, finite numbers (> 0 on a log axis). */
  x: ArrayLike<number>;
  /** y values, finite numbers (> 0 on a log axis) or `null` for gaps, same length as x. */
  y: ArrayLike<number | null>;
}

/** One position of the slider: its label and the lines drawn there. */
export interface SliderStep {
  /** Text under the slider tick, e.g. `"0.5"`. */
  label: string;
  /** The lines, the same number at every step (line i of each step restyles trace i). */
  series: readonly SliderSeries[];
}

/** Input of {@link sliderFigure}. */
export interface SliderFigureSpec {
  /** The figure title. */
  title: string;
  /** The x axis (title, log?, range?, percent?), as in {@link lineFigure}. */
  xAxis: AxisSpec;
  /** The y axis (title, log?, range?, percent?). */
  yAxis: AxisSpec;
  /** The precomputed steps, a non-empty array. */
  steps: readonly SliderStep[];
  /** What the slider sets, shown as "label: value", e.g. `"verifier separation d"`. */
  sliderLabel: string;
  /** Index of the step shown first, an integer in [0, steps.length − 1]. @defaultValue 0 */
  active?: number;
  /** Height in pixels of the plot (the slider adds 80), an integer in [150, 3000]. @defaultValue {@link DEFAULT_FIGURE_HEIGHT} */
  height?: number;
}

/** A fixed range covering every value of every step, so the axes do not jump as the slider moves. */
function sliderRange(values: readonly number[], log: boolean): [number, number] {
  const v = log ? values.map((x) => Math.log10(x)) : values;
  let [lo, hi] = extent(v);
  if (lo === hi) {
    const half = lo === 0 ? 0.5 : Math.abs(lo) * 0.1;
    return [lo - half, hi + half];
  }
  const pad = 0.04 * (hi - lo);
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

/**
 * A line chart with a slider over precomputed steps, explorable in a static
 * HTML page without a kernel: each slider step uses plotly's `"restyle"`
 * method with args `[{ x: [x₀, x₁, …], y: [y₀, y₁, …], name: [n₀, n₁, …] }]`
 * (one entry per trace), so moving the slider swaps every line's data. The
 * traces start with the data of step `active`. Axes without a `range` get a
 * fixed one covering all steps (4% padding; log10 units on a log axis), so
 * the chart does not rescale as the slider moves. O(total points).
 *
 * @param spec - `{ title, xAxis, yAxis, steps, sliderLabel, active?, height? }`
 * @returns the figure, with `layout.sliders[0].steps[k]` = `{ label, method: "restyle", args }`
 * @throws {TypeError} if a field has the wrong type
 * @throws {RangeError} if `steps` or a step's `series` is empty, steps differ in their
 *   number of series, x and y differ in length, a value is not finite (or not > 0 on a
 *   log axis), or `active` is not a step index
 * @example
 * const ns = [1, 2, 4, 8];
 * const fig = sliderFigure({
 *   title: "Coverage for a chosen p",
 *   xAxis: { title: "samples N", log: true },
 *   yAxis: { title: "coverage", range: [0, 1] },
 *   sliderLabel: "p",
 *   steps: [0.1, 0.3].map((p) => ({ label: String(p), series: [{ name: "coverage", x: ns, y: ns.map((n) => 1 - (1 - p) ** n) }] })),
 * });
 * fig.layout?.sliders; // [{ active: 0, steps: [{ label: "0.1", method: "restyle", args: [{ x: [[1, 2, 4, 8]], … }] }, …], … }]
 */
export function sliderFigure(spec: SliderFigureSpec): Figure {
  const fn = "sliderFigure";
  const s = assertObject(fn, "spec", spec);
  assertString(fn, "spec.title", s["title"]);
  const xAxis = numericAxis(fn, "spec.xAxis", s["xAxis"]);
  const yAxis = numericAxis(fn, "spec.yAxis", s["yAxis"]);
  assertString(fn, "spec.sliderLabel", s["sliderLabel"]);
  const height = checkHeight(fn, "spec.height", s["height"]);
  assertArray(fn, "spec.steps", s["steps"]);
  const stepList = s["steps"] as ArrayLike<unknown>;
  let seriesCount = -1;
  const allX: number[] = [];
  const allY: number[] = [];
  const steps = Array.from(stepList, (v, k) => {
    const el = `spec.steps[${k}]`;
    const st = assertObject(fn, el, v);
    const label = nameField(fn, `${el}.label`, st["label"]);
    assertArray(fn, `${el}.series`, st["series"]);
    const list = st["series"] as ArrayLike<unknown>;
    if (seriesCount < 0) seriesCount = list.length;
    else if (list.length !== seriesCount) {
      throw new RangeError(
        `${fn}: ${el}.series must have the same length as spec.steps[0].series (${seriesCount}), got length ${list.length}`,
      );
    }
    const lines = Array.from(list, (w, i) => {
      const sl = `${el}.series[${i}]`;
      const o = assertObject(fn, sl, w);
      const name = nameField(fn, `${sl}.name`, o["name"]);
      const x = finiteNumbers(fn, `${sl}.x`, o["x"], xAxis.log);
      const y = numbers(fn, `${sl}.y`, o["y"], yAxis.log, true);
      assertSameLength(fn, `${sl}.x`, x, `${sl}.y`, y);
      allX.push(...x);
      for (const yy of y) if (yy !== null) allY.push(yy);
      return { name, x, y };
    });
    return { label, lines };
  });
  const active = s["active"] ?? 0;
  assertInteger(fn, "spec.active", active, 0, steps.length - 1, "a step index");
  const first = steps[active] as (typeof steps)[number];
  const data = first.lines.map((line, i): PlotTrace => {
    const color = PALETTE[i % PALETTE.length] as string;
    return {
      type: "scatter",
      mode: "lines+markers",
      name: line.name,
      x: line.x.slice(),
      y: line.y.slice(),
      line: { color, width: 2.5, dash: "solid" },
      marker: { color, size: 6 },
    };
  });
  const layout = baseLayout(s["title"], height + 80, data.length > 1);
  layout.xaxis = xAxis.layout;
  layout.yaxis = yAxis.layout;
  if (xAxis.layout.range === undefined && allX.length > 0) layout.xaxis.range = sliderRange(allX, xAxis.log);
  if (yAxis.layout.range === undefined && allY.length > 0) layout.yaxis.range = sliderRange(allY, yAxis.log);
  layout.margin = { t: 60, r: 20, b: 140, l: 70 };
  layout.sliders = [
    {
      active,
      currentvalue: { visible: true, prefix: `${s["sliderLabel"]}: `, xanchor: "left" },
      pad: { t: 60 },
      len: 1,
      x: 0,
      steps: steps.map((st) => ({
        label: st.label,
        method: "restyle",
        args: [
          {
            x: st.lines.map((l) => l.x.slice()),
            y: st.lines.map((l) => l.y.slice()),
            name: st.lines.map((l) => l.name),
          },
        ],
      })),
    },
  ];
  return { data, layout, config: { ...CONFIG } };
}

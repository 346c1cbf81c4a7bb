/**
 * Tests of lib/figures.ts: traces hold exactly the numbers passed, axes and
 * layout follow the house look, and bad input fails with the house class and
 * message. No snapshots: each property is asserted directly.
 */
import { figureBundle, type Figure, type PlotTrace } from "../lib/display";
import {
  addTraces,
  barFigure,
  DEFAULT_FIGURE_HEIGHT,
  lineFigure,
  lineTrace,
  markerTrace,
  PALETTE,
  type BarFigureSpec,
  type LineFigureSpec,
} from "../lib/figures";

const n = [1, 2, 4, 8, 16];
const coverage = (p: number): number[] => n.map((k) => -Math.expm1(k * Math.log1p(-p)));

function spec(overrides: Partial<LineFigureSpec> = {}): LineFigureSpec {
  return {
    title: "Coverage rises fast, then saturates",
    xAxis: { title: "samples per question (n)" },
    yAxis: { title: "coverage (fraction)" },
    series: [
      { name: "p = 0.05", x: n, y: coverage(0.05) },
      { name: "p = 0.2", x: n, y: coverage(0.2), dash: "dash" },
    ],
    ...overrides,
  };
}

const trace = (fig: Figure, i: number): PlotTrace => {
  const t = fig.data[i];
  if (!t) throw new Error(`no trace ${i}`);
  return t;
};

describe("PALETTE", () => {
  test("is the eight Okabe–Ito colours, distinct, blue first", () => {
    expect(PALETTE).toHaveLength(8);
    expect(new Set(PALETTE).size).toBe(8);
    expect([...PALETTE].sort()).toEqual(
      ["#000000", "#0072B2", "#009E73", "#56B4E9", "#CC79A7", "#D55E00", "#E69F00", "#F0E442"].sort(),
    );
    expect(PALETTE[0]).toBe("#0072B2");
    expect(Object.isFrozen(PALETTE)).toBe(true);
  });
});

describe("lineFigure(spec)", () => {
  test("one scatter trace per series holding exactly the numbers passed", () => {
    const fig = lineFigure(spec());
    expect(fig.data).toHaveLength(2);
    expect(trace(fig, 0)).toMatchObject({
      type: "scatter",
      name: "p = 0.05",
      mode: "lines",
      x: n,
      y: coverage(0.05),
    });
    expect(trace(fig, 1).y).toEqual(coverage(0.2));
    expect(trace(fig, 1).line).toMatchObject({ dash: "dash" });
    expect(trace(fig, 0).line).toMatchObject({ dash: "solid" });
  });

  test("copies its inputs: typed arrays become plain arrays, later mutation does not leak", () => {
    const x = new Float64Array([1, 2, 3]);
    const y = [0.1, null, 0.3];
    const fig = lineFigure(spec({ series: [{ name: "gap", x, y }] }));
    x[0] = 99;
    y[0] = 99;
    expect(Array.isArray(trace(fig, 0).x)).toBe(true);
    expect(trace(fig, 0).x).toEqual([1, 2, 3]);
    expect(trace(fig, 0).y).toEqual([0.1, null, 0.3]); // null is kept as a gap
  });

  test("title, axis titles, legend only for several series, palette colours, default height", () => {
    const fig = lineFigure(spec());
    expect(fig.layout?.title?.text).toBe("Coverage rises fast, then saturates");
    expect(fig.layout?.xaxis?.title?.text).toBe("samples per question (n)");
    expect(fig.layout?.yaxis?.title?.text).toBe("coverage (fraction)");
    expect(fig.layout?.showlegend).toBe(true);
    expect(fig.layout?.height).toBe(DEFAULT_FIGURE_HEIGHT);
    expect(fig.layout?.colorway).toEqual([...PALETTE]);
    expect(trace(fig, 0).line?.color).toBe(PALETTE[0]);
    expect(trace(fig, 1).line?.color).toBe(PALETTE[1]);
    expect(fig.config).toEqual({ responsive: true, displaylogo: false });

    const single = lineFigure(
      spec({ series: [{ name: "only", x: [1], y: [2], color: "#123456" }], height: 300 }),
    );
    expect(single.layout?.showlegend).toBe(false);
    expect(single.layout?.height).toBe(300);
    expect(trace(single, 0).line?.color).toBe("#123456");
  });

  test("colours wrap around the palette after eight series", () => {
    const series = Array.from({ length: 9 }, (_, i) => ({ name: `s${i}`, x: [1], y: [i] }));
    const fig = lineFigure(spec({ series }));
    expect(trace(fig, 8).line?.color).toBe(PALETTE[0]);
  });

  test("log axes set type 'log' and convert range and annotations to log10 units", () => {
    const fig = lineFigure(
      spec({
        xAxis: { title: "n (log scale)", log: true, range: [1, 100] },
        yAxis: { title: "error (log scale)", log: true },
        series: [{ name: "e", x: [1, 10, 100], y: [1, 0.1, 0.01] }],
        annotations: [{ x: 10, y: 0.1, text: "knee" }],
      }),
    );
    expect(fig.layout?.xaxis?.type).toBe("log");
    expect(fig.layout?.yaxis?.type).toBe("log");
    expect(fig.layout?.xaxis?.range).toEqual([0, 2]);
    expect(fig.layout?.annotations?.[0]).toMatchObject({ x: 1, y: -1, text: "knee", showarrow: true });
    // the data themselves stay in data units
    expect(trace(fig, 0).x).toEqual([1, 10, 100]);
    expect(lineFigure(spec()).layout?.xaxis?.type).toBe("linear");
  });

  test("percent axes format ticks as percentages; a linear range passes through", () => {
    const fig = lineFigure(spec({ yAxis: { title: "accuracy (%)", percent: true, range: [0, 1] } }));
    expect(fig.layout?.yaxis?.tickformat).toMatch(/%$/);
    expect(fig.layout?.yaxis?.range).toEqual([0, 1]);
    expect(fig.layout?.xaxis?.tickformat).toBeUndefined();
  });

  test("mode and markers", () => {
    const fig = lineFigure(spec({ series: [{ name: "pts", x: [1, 2], y: [3, 4], mode: "markers" }] }));
    expect(trace(fig, 0).mode).toBe("markers");
    expect(trace(fig, 0).line).toBeUndefined();
    expect(trace(fig, 0).marker?.color).toBe(PALETTE[0]);
  });

  test("the figure survives the chart bundle unchanged", () => {
    const fig = lineFigure(spec({ annotations: [{ x: 4, y: 0.5, text: "note", arrow: false }] }));
    expect(figureBundle(fig, "f")["application/vnd.plotly.v1+json"]).toEqual(fig);
  });

  test("rejects bad input with the house class and message", () => {
    const bad =
      (s: unknown): (() => Figure) =>
      () =>
        lineFigure(s as LineFigureSpec);
    expect(bad(null)).toThrow(TypeError);
    expect(bad(null)).toThrow(/^lineFigure: spec must be an object, got null$/);
    expect(bad(spec({ title: undefined as unknown as string }))).toThrow(
      /^lineFigure: spec\.title must be a non-empty string, got undefined$/,
    );
    expect(bad(spec({ title: " " }))).toThrow(RangeError);
    expect(bad(spec({ series: [] }))).toThrow(RangeError);
    expect(bad(spec({ series: [] }))).toThrow(
      /^lineFigure: spec\.series must be a non-empty array, got length 0$/,
    );
    expect(bad(spec({ series: [{ name: "a", x: [1, 2, 3], y: [1, 2] }] }))).toThrow(RangeError);
    expect(bad(spec({ series: [{ name: "a", x: [1, 2, 3], y: [1, 2] }] }))).toThrow(
      /^lineFigure: spec\.series\[0\]\.y must have the same length as spec\.series\[0\]\.x \(3\), got length 2$/,
    );
    expect(bad(spec({ series: [{ name: "a", x: [1, 2], y: [1, NaN] }] }))).toThrow(
      /^lineFigure: spec\.series\[0\]\.y\[1\] must be a finite number or null, got NaN$/,
    );
    expect(bad(spec({ series: [{ name: "a", x: [1, null as unknown as number], y: [1, 2] }] }))).toThrow(
      /^lineFigure: spec\.series\[0\]\.x\[1\] must be a finite number, got null$/,
    );
    expect(bad(spec({ series: [{ name: "a", x: [1, "2" as unknown as number], y: [1, 2] }] }))).toThrow(
      TypeError,
    );
    expect(
      bad(spec({ xAxis: { title: "n", log: true }, series: [{ name: "a", x: [0, 1], y: [1, 2] }] })),
    ).toThrow(
      /^lineFigure: spec\.series\[0\]\.x\[0\] must be a finite number > 0 \(the axis is logarithmic\), got 0$/,
    );
    expect(bad(spec({ xAxis: { title: "n", range: [2, 1] } }))).toThrow(
      /^lineFigure: spec\.xAxis\.range must be \[lo, hi\] with lo < hi/,
    );
    expect(bad(spec({ xAxis: { title: "n", range: [1, 2, 3] as unknown as [number, number] } }))).toThrow(
      /^lineFigure: spec\.xAxis\.range must be \[lo, hi\] \(2 numbers\), got length 3$/,
    );
    expect(bad(spec({ series: [{ name: "a", x: [1], y: [1], dash: "wavy" as "dash" }] }))).toThrow(
      /^lineFigure: spec\.series\[0\]\.dash must be one of "solid", "dot"/,
    );
    expect(bad(spec({ height: 50 }))).toThrow(
      /^lineFigure: spec\.height must be an integer in \[150, 3000\], got 50$/,
    );
    expect(bad(spec({ annotations: [{ x: 1, y: 1, text: "" }] }))).toThrow(
      /^lineFigure: spec\.annotations\[0\]\.text must be a non-empty string/,
    );
    expect(bad(spec({ xAxis: { title: "n", log: "yes" as unknown as boolean } }))).toThrow(
      /^lineFigure: spec\.xAxis\.log must be a boolean, got "yes"$/,
    );
  });
});

describe("barFigure(spec)", () => {
  const bars = (overrides: Partial<BarFigureSpec> = {}): BarFigureSpec => ({
    title: "Harder questions gain less",
    categories: ["bin 1", "bin 2", "bin 3"],
    xAxis: { title: "difficulty bin (1 = easiest)" },
    yAxis: { title: "accuracy (%)", percent: true },
    series: [
      { name: "n = 1", values: [0.8, 0.4, 0.1] },
      { name: "n = 16", values: [0.95, 0.7, null] },
    ],
    ...overrides,
  });

  test("one bar trace per series with the categories and exactly the values passed", () => {
    const fig = barFigure(bars());
    expect(fig.data.map((t) => t.type)).toEqual(["bar", "bar"]);
    expect(trace(fig, 0)).toMatchObject({
      name: "n = 1",
      x: ["bin 1", "bin 2", "bin 3"],
      y: [0.8, 0.4, 0.1],
    });
    expect(trace(fig, 1).y).toEqual([0.95, 0.7, null]);
    expect(trace(fig, 1).marker?.color).toBe(PALETTE[1]);
    expect(fig.layout?.barmode).toBe("group");
    expect(fig.layout?.xaxis?.type).toBe("category");
    expect(fig.layout?.xaxis?.title?.text).toBe("difficulty bin (1 = easiest)");
    expect(fig.layout?.yaxis?.tickformat).toMatch(/%$/);
    expect(fig.layout?.showlegend).toBe(true);
    expect(fig.layout?.height).toBe(DEFAULT_FIGURE_HEIGHT);
  });

  test("barmode, numeric categories, log y, one series without a legend", () => {
    const fig = barFigure(
      bars({
        categories: [1, 4, 16],
        yAxis: { title: "FLOPs (log scale)", log: true },
        series: [{ name: "cost", values: [1e9, 4e9, 1.6e10] }],
        barmode: "stack",
      }),
    );
    expect(fig.layout?.barmode).toBe("stack");
    expect(fig.layout?.yaxis?.type).toBe("log");
    expect(trace(fig, 0).x).toEqual([1, 4, 16]);
    expect(fig.layout?.showlegend).toBe(false);
  });

  test("rejects bad input with the house class and message", () => {
    const bad =
      (s: unknown): (() => Figure) =>
      () =>
        barFigure(s as BarFigureSpec);
    expect(bad(bars({ categories: ["a", "a", "b"] }))).toThrow(RangeError);
    expect(bad(bars({ categories: ["a", "a", "b"] }))).toThrow(
      /^barFigure: spec\.categories\[1\] must be distinct from the earlier categories, got "a"$/,
    );
    expect(bad(bars({ series: [{ name: "x", values: [1, 2] }] }))).toThrow(
      /^barFigure: spec\.series\[0\]\.values must have the same length as spec\.categories \(3\), got length 2$/,
    );
    expect(bad(bars({ categories: [] }))).toThrow(/^barFigure: spec\.categories must be a non-empty array/);
    expect(bad(bars({ categories: [{}] as unknown as string[] }))).toThrow(TypeError);
    expect(bad(bars({ barmode: "side" as "group" }))).toThrow(
      /^barFigure: spec\.barmode must be one of "group", "stack"/,
    );
    expect(
      bad(bars({ yAxis: { title: "y", log: true }, series: [{ name: "x", values: [1, 0, null] }] })),
    ).toThrow(
      /^barFigure: spec\.series\[0\]\.values\[1\] must be a finite number > 0 \(the axis is logarithmic\) or null, got 0$/,
    );
    expect(bad(bars({ xAxis: {} as { title: string } }))).toThrow(
      /^barFigure: spec\.xAxis\.title must be a non-empty string, got undefined$/,
    );
  });
});

describe("lineTrace, markerTrace, addTraces", () => {
  test("lineTrace takes the palette colour of its index", () => {
    const t = lineTrace({ name: "bound", x: [1, 2], y: [0.5, 0.75], dash: "dot" }, 3);
    expect(t).toMatchObject({ type: "scatter", name: "bound", x: [1, 2], y: [0.5, 0.75], mode: "lines" });
    expect(t.line).toMatchObject({ color: PALETTE[3], dash: "dot" });
    expect(() => lineTrace({ name: "a", x: [1], y: [1] }, -1)).toThrow(
      /^lineTrace: index must be an integer >= 0, got -1$/,
    );
  });

  test("markerTrace holds the points, symbol and hover text", () => {
    const t = markerTrace({
      name: "optimum",
      x: [64],
      y: [0.52],
      symbol: "star",
      size: 14,
      text: ["best budget"],
    });
    expect(t).toEqual({
      type: "scatter",
      mode: "markers",
      name: "optimum",
      x: [64],
      y: [0.52],
      marker: { color: "#000000", symbol: "star", size: 14 },
      text: ["best budget"],
    });
    expect(() => markerTrace({ name: "m", x: [1], y: [1], text: ["a", "b"] })).toThrow(
      /^markerTrace: spec\.text must have the same length as spec\.x \(1\), got length 2$/,
    );
    expect(() => markerTrace({ name: "m", x: [1], y: [1], size: 0 })).toThrow(
      /^markerTrace: spec\.size must be a finite number > 0, got 0$/,
    );
  });

  test("addTraces returns a new figure, turns the legend on, leaves the input alone", () => {
    const base = lineFigure(spec({ series: [{ name: "a", x: [1, 2], y: [1, 4] }] }));
    const fig = addTraces(base, [markerTrace({ name: "best", x: [2], y: [4] })]);
    expect(fig.data).toHaveLength(2);
    expect(fig.layout?.showlegend).toBe(true);
    expect(base.data).toHaveLength(1);
    expect(base.layout?.showlegend).toBe(false);
    expect(fig.config).toEqual(base.config);
    expect(() => addTraces({ data: [] }, [3 as unknown as PlotTrace])).toThrow(
      /^addTraces: traces\[0\] must be an object, got 3$/,
    );
  });
});

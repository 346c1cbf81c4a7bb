/**
 * Tests of lib/figures/: traces hold exactly the numbers passed, axes and
 * layout follow the house look, and bad input fails with the house class and
 * message. No snapshots: each property is asserted directly.
 */
import { figureBundle } from "../lib/display";
import { type Figure, type PlotTrace } from "../lib/figures/plotly";
import { coverage as libraryCoverage } from "../lib/models/coverage";
import {
  addTraces,
  barFigure,
  binBarsFigure,
  budgetCurvesFigure,
  coverageFigure,
  DEFAULT_FIGURE_HEIGHT,
  flopsExchangeFigure,
  histogramFigure,
  levelLabel,
  lineFigure,
  lineTrace,
  markerTrace,
  PALETTE,
  ratioSweepFigure,
  scoreStripFigure,
  searchTraceFigure,
  revisionChainsFigure,
  searchTreeFigure,
  sliderFigure,
  type BarFigureSpec,
  type BinBarsFigureSpec,
  type BudgetCurvesFigureSpec,
  type CoverageFigureSpec,
  type FlopsExchangeFigureSpec,
  type HistogramFigureSpec,
  type LineFigureSpec,
  type RatioSweepFigureSpec,
  type ScoreStripFigureSpec,
  type SliderFigureSpec,
} from "../lib/figures";
import { makeRng } from "../lib/base/random";
import { makeQuestion } from "../lib/models/questions";
import {
  revisionRatios,
  simulateRevisionChains,
  type RevisionChainsResult,
} from "../lib/strategies/revisions";
import { beamSearch, dvts, lookaheadSearch, type SearchRound } from "../lib/strategies";

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

// ===========================================================================
// Topic builders
// ===========================================================================

/** The numbers of a trace coordinate as a plain number array (fails on anything else). */
const nums = (v: unknown): number[] => {
  if (!Array.isArray(v) || !v.every((e) => typeof e === "number")) {
    throw new Error(`not a plain array of numbers: ${String(v)}`);
  }
  return v as number[];
};

/** Every builder's figure must survive JSON unchanged (no NaN, no typed arrays, no undefined fields). */
const survivesJson = (fig: Figure): void => {
  expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  expect(figureBundle(fig, "f")["application/vnd.plotly.v1+json"]).toEqual(fig);
};

const POWERS_TO_256 = [1, 2, 4, 8, 16, 32, 64, 128, 256];

describe("coverageFigure({ ps, nMax, title })", () => {
  test("each curve holds the library's coverage(p, N) at every N of its grid", () => {
    const ps = [0.02, 0.1, 0.3];
    const fig = coverageFigure({ ps });
    expect(fig.data).toHaveLength(3);
    fig.data.forEach((t, i) => {
      const p = ps[i] as number;
      const x = nums(t.x);
      const y = nums(t.y);
      expect(t.name).toBe(`p = ${p}`);
      expect(y).toEqual(x.map((n) => libraryCoverage(p, n)));
      // and, independently, the closed form 1 − (1 − p)^N to 1e-12
      x.forEach((n, j) => expect(Math.abs((y[j] as number) - (1 - (1 - p) ** n))).toBeLessThan(1e-12));
      expect(t.line?.color).toBe(PALETTE[i]);
    });
  });

  test("the N grid runs over integers from 1 to nMax, increasing, through every power of two", () => {
    for (const nMax of [2, 256, 1000]) {
      const x = nums(coverageFigure({ ps: [0.5], nMax }).data[0]?.x);
      expect(x[0]).toBe(1);
      expect(x[x.length - 1]).toBe(nMax);
      x.forEach((n, j) => {
        expect(Number.isInteger(n)).toBe(true);
        if (j > 0) expect(n).toBeGreaterThan(x[j - 1] as number);
      });
      for (let k = 1; k <= nMax; k *= 2) expect(x).toContain(k);
    }
    // every N up to 8 is on the grid, so the steep start is drawn point by point
    expect(nums(coverageFigure({ ps: [0.5] }).data[0]?.x).slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test("log x with power-of-two ticks, y from 0 to 1 labelled as the perfect-verifier upper bound", () => {
    const fig = coverageFigure({ ps: [0.1, 0.3] });
    expect(fig.layout?.xaxis?.type).toBe("log");
    expect(fig.layout?.xaxis?.["tickvals"]).toEqual(POWERS_TO_256);
    expect(fig.layout?.xaxis?.["ticktext"]).toEqual(POWERS_TO_256.map(String));
    expect(fig.layout?.xaxis?.title?.text).toMatch(/N.*log scale/);
    expect(fig.layout?.yaxis?.range?.[0]).toBe(0);
    expect(fig.layout?.yaxis?.range?.[1]).toBeGreaterThanOrEqual(1);
    expect(fig.layout?.yaxis?.title?.text).toMatch(/perfect-verifier upper bound/);
    expect(fig.layout?.title?.text).toMatch(/perfect-verifier upper bound/);
    expect(fig.layout?.showlegend).toBe(true);
    expect(coverageFigure({ ps: [0.1] }).layout?.showlegend).toBe(false);
    expect(coverageFigure({ ps: [0.1], title: "Mine" }).layout?.title?.text).toBe("Mine");
    // a non-power-of-two nMax: ticks go up to the next power of two
    expect(coverageFigure({ ps: [0.1], nMax: 1000 }).layout?.xaxis?.["tickvals"]).toContain(1024);
    survivesJson(fig);
  });

  test("rejects bad input with the house class and message", () => {
    const bad = (s: unknown) => () => coverageFigure(s as CoverageFigureSpec);
    expect(bad(null)).toThrow(TypeError);
    expect(bad({ ps: [] })).toThrow(/^coverageFigure: spec\.ps must be a non-empty array, got length 0$/);
    expect(bad({ ps: [0.1, 1.5] })).toThrow(RangeError);
    expect(bad({ ps: [0.1, 1.5] })).toThrow(
      /^coverageFigure: spec\.ps\[1\] must be a probability in \[0, 1\], got 1\.5$/,
    );
    expect(bad({ ps: [NaN] })).toThrow(
      /^coverageFigure: spec\.ps\[0\] must be a probability in \[0, 1\], got NaN$/,
    );
    expect(bad({ ps: ["0.1"] })).toThrow(TypeError);
    expect(bad({ ps: 0.1 })).toThrow(/^coverageFigure: spec\.ps must be a non-empty array, got 0\.1$/);
    expect(bad({ ps: [0.1], nMax: 2.5 })).toThrow(
      /^coverageFigure: spec\.nMax must be an integer in \[2, 1073741824\], got 2\.5$/,
    );
    expect(bad({ ps: [0.1], nMax: 1 })).toThrow(RangeError);
    expect(bad({ ps: [0.1], nMax: Infinity })).toThrow(RangeError);
    expect(bad({ ps: [0.1], title: "" })).toThrow(
      /^coverageFigure: spec\.title must be a non-empty string, got ""$/,
    );
  });
});

describe("budgetCurvesFigure(spec)", () => {
  const budgets = [1, 2, 4, 8, 16, 32, 64, 128, 256];
  const acc = (a: number): number[] => budgets.map((b) => a * (1 - 1 / (1 + Math.log2(b))));
  const base = (overrides: Partial<BudgetCurvesFigureSpec> = {}): BudgetCurvesFigureSpec => ({
    title: "Search beats best-of-N at small budgets",
    series: [
      { name: "best-of-N", budgets, accuracy: acc(0.5) },
      { name: "beam", budgets, accuracy: acc(0.6), standardError: budgets.map(() => 0.02), dash: "dash" },
    ],
    referenceLines: [{ name: "larger model, greedy", y: 0.4 }],
    markers: [{ name: "compute-optimal", x: 16, y: 0.48 }],
    ...overrides,
  });

  test("series, reference lines and markers hold exactly the numbers passed", () => {
    const fig = budgetCurvesFigure(base());
    expect(fig.data.map((t) => t.name)).toEqual([
      "best-of-N",
      "beam",
      "larger model, greedy",
      "compute-optimal",
    ]);
    expect(trace(fig, 0)).toMatchObject({ type: "scatter", mode: "lines+markers", x: budgets, y: acc(0.5) });
    expect(trace(fig, 1).line).toMatchObject({ color: PALETTE[1], dash: "dash" });
    expect(trace(fig, 0).error_y).toBeUndefined();
    const err = trace(fig, 1).error_y as { array: number[]; visible: boolean; type: string };
    expect(err.type).toBe("data");
    expect(err.visible).toBe(true);
    expect(err.array).toEqual(budgets.map(() => 1.96 * 0.02));
    // the reference line spans the budgets at its height
    expect(trace(fig, 2)).toMatchObject({ mode: "lines", x: [1, 256], y: [0.4, 0.4] });
    expect(trace(fig, 2).line?.dash).toBe("dash");
    expect(trace(fig, 3)).toMatchObject({ mode: "markers", x: [16], y: [0.48] });
    expect(trace(fig, 3).marker?.symbol).toBe("star");
    survivesJson(fig);
  });

  test("log2 budget axis, default titles, percentages, legend only with several entries", () => {
    const fig = budgetCurvesFigure(base());
    expect(fig.layout?.xaxis?.type).toBe("log");
    expect(fig.layout?.xaxis?.["tickvals"]).toEqual(POWERS_TO_256);
    expect(fig.layout?.xaxis?.title?.text).toBe("generation budget (samples per question, log scale)");
    expect(fig.layout?.yaxis?.title?.text).toBe("accuracy");
    expect(fig.layout?.yaxis?.tickformat).toMatch(/%$/);
    expect(fig.layout?.title?.text).toBe("Search beats best-of-N at small budgets");
    expect(fig.layout?.showlegend).toBe(true);
    const one = budgetCurvesFigure({
      title: "t",
      series: [{ name: "only", budgets: [4, 16], accuracy: [3, 4] }],
      yTitle: "tokens",
      xTitle: "budget",
      percent: false,
    });
    expect(one.layout?.showlegend).toBe(false);
    expect(one.layout?.yaxis?.tickformat).toBeUndefined();
    expect(one.layout?.yaxis?.title?.text).toBe("tokens");
    expect(one.layout?.xaxis?.title?.text).toBe("budget");
    expect(one.layout?.xaxis?.["tickvals"]).toEqual([4, 8, 16]);
    // the log range (log10 units) contains every budget
    const r = one.layout?.xaxis?.range as number[];
    expect(r[0]).toBeLessThan(Math.log10(4));
    expect(r[1]).toBeGreaterThan(Math.log10(16));
  });

  test("later reference lines take other dashes unless they choose one", () => {
    const fig = budgetCurvesFigure(
      base({
        referenceLines: [
          { name: "a", y: 0.1 },
          { name: "b", y: 0.2 },
          { name: "c", y: 0.3, dash: "solid" },
        ],
      }),
    );
    expect([2, 3, 4].map((i) => trace(fig, i).line?.dash)).toEqual(["dash", "dot", "solid"]);
  });

  test("rejects bad input with the house class and message", () => {
    const bad = (s: unknown) => () => budgetCurvesFigure(s as BudgetCurvesFigureSpec);
    expect(bad(base({ series: [] }))).toThrow(
      /^budgetCurvesFigure: spec\.series must be a non-empty array, got length 0$/,
    );
    expect(bad(base({ series: [{ name: "a", budgets: [0, 1], accuracy: [0.1, 0.2] }] }))).toThrow(
      /^budgetCurvesFigure: spec\.series\[0\]\.budgets\[0\] must be a finite number > 0 \(the axis is logarithmic\), got 0$/,
    );
    expect(bad(base({ series: [{ name: "a", budgets: [1, 2], accuracy: [0.1, NaN] }] }))).toThrow(RangeError);
    expect(bad(base({ series: [{ name: "a", budgets: [1, 2], accuracy: [0.1] }] }))).toThrow(
      /^budgetCurvesFigure: spec\.series\[0\]\.accuracy must have the same length as spec\.series\[0\]\.budgets \(2\), got length 1$/,
    );
    expect(
      bad(
        base({ series: [{ name: "a", budgets: [1, 2], accuracy: [0.1, 0.2], standardError: [0.1, -0.1] }] }),
      ),
    ).toThrow(
      /^budgetCurvesFigure: spec\.series\[0\]\.standardError\[1\] must be a finite number >= 0, got -0\.1$/,
    );
    expect(
      bad(base({ series: [{ name: "a", budgets: [1, 2], accuracy: [0.1, 0.2], standardError: [0.1] }] })),
    ).toThrow(RangeError);
    expect(bad(base({ referenceLines: [{ name: "r", y: Infinity }] }))).toThrow(
      /^budgetCurvesFigure: spec\.referenceLines\[0\]\.y must be a finite number, got Infinity$/,
    );
    expect(bad(base({ markers: [{ name: "m", x: -1, y: 0 }] }))).toThrow(RangeError);
    expect(bad(base({ markers: [{ name: "m", x: "16" as unknown as number, y: 0 }] }))).toThrow(TypeError);
    expect(bad(base({ referenceLines: {} as never }))).toThrow(TypeError);
    expect(
      bad(base({ series: [{ name: "a", budgets: [1], accuracy: [1], dash: "wiggle" as "dash" }] })),
    ).toThrow(/^budgetCurvesFigure: spec\.series\[0\]\.dash must be one of "solid"/);
    expect(bad(base({ percent: 1 as unknown as boolean }))).toThrow(
      /^budgetCurvesFigure: spec\.percent must be a boolean, got 1$/,
    );
  });
});

describe("binBarsFigure(spec) and levelLabel(level, hardest)", () => {
  const base = (overrides: Partial<BinBarsFigureSpec> = {}): BinBarsFigureSpec => ({
    title: "Beam search helps on the hardest questions",
    bins: [1, 2, 3, 4, 5],
    series: [
      {
        name: "best-of-N",
        values: [0.9, 0.7, 0.5, 0.3, 0.05],
        standardError: [0.01, 0.02, 0.03, 0.02, 0.01],
      },
      { name: "beam", values: [0.85, 0.72, 0.55, 0.36, 0.08] },
    ],
    ...overrides,
  });

  test("one bar trace per series over the level labels, with ±1.96·SE bars", () => {
    const fig = binBarsFigure(base());
    const labels = ["level 1 (easiest)", "level 2", "level 3", "level 4", "level 5 (hardest)"];
    expect(fig.data.map((t) => t.type)).toEqual(["bar", "bar"]);
    expect(trace(fig, 0)).toMatchObject({ name: "best-of-N", x: labels, y: [0.9, 0.7, 0.5, 0.3, 0.05] });
    expect(trace(fig, 1)).toMatchObject({ name: "beam", x: labels, y: [0.85, 0.72, 0.55, 0.36, 0.08] });
    expect((trace(fig, 0).error_y as { array: number[] }).array).toEqual(
      [0.01, 0.02, 0.03, 0.02, 0.01].map((s) => 1.96 * s),
    );
    expect(trace(fig, 1).marker?.color).toBe(PALETTE[1]);
    expect(fig.layout?.barmode).toBe("group");
    expect(fig.layout?.xaxis?.type).toBe("category");
    expect(fig.layout?.xaxis?.title?.text).toBe("difficulty level (1 = easiest)");
    expect(fig.layout?.yaxis?.title?.text).toBe("accuracy");
    expect(fig.layout?.showlegend).toBe(true);
    expect(binBarsFigure(base({ series: [{ name: "a", values: [1, 2, 3, 4, 5] }] })).layout?.showlegend).toBe(
      false,
    );
    survivesJson(fig);
  });

  test("levelLabel marks the easiest and the hardest level", () => {
    expect([1, 2, 3].map((l) => levelLabel(l, 3))).toEqual([
      "level 1 (easiest)",
      "level 2",
      "level 3 (hardest)",
    ]);
    expect(levelLabel(1, 1)).toBe("level 1 (easiest)");
    expect(() => levelLabel(4, 3)).toThrow(/^levelLabel: hardest must be an integer >= 4, got 3$/);
    expect(() => levelLabel(0, 3)).toThrow(/^levelLabel: level must be an integer >= 1, got 0$/);
  });

  test("rejects bad input with the house class and message", () => {
    const bad = (s: unknown) => () => binBarsFigure(s as BinBarsFigureSpec);
    expect(bad(base({ bins: [1, 2, 2, 4, 5] }))).toThrow(
      /^binBarsFigure: spec\.bins\[2\] must be distinct from the earlier levels, got 2$/,
    );
    expect(bad(base({ bins: [0, 1, 2, 3, 4] }))).toThrow(
      /^binBarsFigure: spec\.bins\[0\] must be an integer >= 1, got 0$/,
    );
    expect(bad(base({ bins: [1.5, 2, 3, 4, 5] }))).toThrow(RangeError);
    expect(bad(base({ bins: [1, 2, 3] }))).toThrow(
      /^binBarsFigure: spec\.series\[0\]\.values must have the same length as spec\.bins \(3\), got length 5$/,
    );
    expect(bad(base({ series: [{ name: "a", values: [1, 2, 3, 4, "5" as unknown as number] }] }))).toThrow(
      TypeError,
    );
    expect(
      bad(base({ series: [{ name: "a", values: [1, 2, 3, 4, 5], standardError: [0, 0, 0, 0, NaN] }] })),
    ).toThrow(/^binBarsFigure: spec\.series\[0\]\.standardError\[4\] must be a finite number >= 0, got NaN$/);
  });
});

describe("ratioSweepFigure(spec)", () => {
  test("x = log2(sequential / parallel), ticks labelled sequential:parallel as revisionRatios labels them", () => {
    const ratios = revisionRatios(128);
    const series = [
      { name: "budget 128", accuracy: ratios.map((_, i) => 0.3 + 0.01 * i) },
      {
        name: "level 3",
        accuracy: ratios.map((_, i) => 0.2 + 0.02 * i),
        standardError: ratios.map(() => 0.01),
      },
    ];
    const fig = ratioSweepFigure({ title: "Mostly-sequential wins on easy questions", ratios, series });
    expect(trace(fig, 0).x).toEqual(ratios.map((r) => Math.log2(r.sequential / r.parallel)));
    expect(trace(fig, 0).x).toEqual([-7, -5, -3, -1, 1, 3, 5, 7]);
    expect(trace(fig, 0).y).toEqual(series[0]?.accuracy);
    expect(trace(fig, 1).y).toEqual(series[1]?.accuracy);
    expect((trace(fig, 1).error_y as { array: number[] }).array).toEqual(ratios.map(() => 1.96 * 0.01));
    expect(fig.layout?.xaxis?.["ticktext"]).toEqual(ratios.map((r) => r.label));
    expect(fig.layout?.xaxis?.["ticktext"]).toEqual([
      "1:128",
      "1:32",
      "1:8",
      "1:2",
      "2:1",
      "8:1",
      "32:1",
      "128:1",
    ]);
    expect(fig.layout?.xaxis?.["tickvals"]).toEqual([-7, -5, -3, -1, 1, 3, 5, 7]);
    expect(fig.layout?.xaxis?.title?.text).toMatch(/sequential : parallel/);
    expect(fig.layout?.yaxis?.title?.text).toBe("accuracy");
    expect(fig.layout?.showlegend).toBe(true);
    survivesJson(fig);
  });

  test("labels are in lowest terms and ticks are sorted even when the ratios are not", () => {
    const fig = ratioSweepFigure({
      title: "t",
      ratios: [
        { sequential: 4, parallel: 1 },
        { sequential: 2, parallel: 2 },
        { sequential: 2, parallel: 8 },
      ],
      series: [{ name: "s", accuracy: [0.1, 0.2, 0.3] }],
    });
    expect(trace(fig, 0).x).toEqual([2, 0, -2]);
    expect(fig.layout?.xaxis?.["tickvals"]).toEqual([-2, 0, 2]);
    expect(fig.layout?.xaxis?.["ticktext"]).toEqual(["1:4", "1:1", "4:1"]);
    expect(fig.layout?.showlegend).toBe(false);
  });

  test("rejects bad input with the house class and message", () => {
    const ok = {
      title: "t",
      ratios: [
        { sequential: 1, parallel: 2 },
        { sequential: 2, parallel: 1 },
      ],
      series: [{ name: "s", accuracy: [0.1, 0.2] }],
    };
    const bad = (s: unknown) => () => ratioSweepFigure(s as RatioSweepFigureSpec);
    expect(
      bad({
        ...ok,
        ratios: [
          { sequential: 1, parallel: 2 },
          { sequential: 2, parallel: 4 },
        ],
      }),
    ).toThrow(
      /^ratioSweepFigure: spec\.ratios\[1\] must be a ratio distinct from the earlier ratios, got "2:4"$/,
    );
    expect(bad({ ...ok, ratios: [{ sequential: 0, parallel: 2 }] })).toThrow(
      /^ratioSweepFigure: spec\.ratios\[0\]\.sequential must be an integer >= 1, got 0$/,
    );
    expect(bad({ ...ok, ratios: [{ sequential: 1 }] })).toThrow(TypeError);
    expect(bad({ ...ok, series: [{ name: "s", accuracy: [0.1] }] })).toThrow(
      /^ratioSweepFigure: spec\.series\[0\]\.accuracy must have the same length as spec\.ratios \(2\), got length 1$/,
    );
    expect(bad({ ...ok, series: [{ name: "", accuracy: [0.1, 0.2] }] })).toThrow(RangeError);
  });
});

describe("flopsExchangeFigure(spec)", () => {
  const budgets = [1, 2, 4, 8, 16, 32, 64, 128, 256];
  const base = (): FlopsExchangeFigureSpec => ({
    title: "Pretraining wins on hard questions",
    curves: [1, 2, 3].map((level) => ({
      name: `level ${level}`,
      budgets,
      accuracy: budgets.map((b) => (0.9 / level) * (1 - 0.5 / Math.sqrt(b))),
    })),
    largeModel: [1, 2, 3].map((level) => ({
      name: `larger model, level ${level}`,
      accuracy: 0.7 / level + 0.1,
    })),
    budgetsAtR: [
      { label: "R = 0.16", budget: 40 },
      { label: "R = 0.79", budget: 9.5 },
      { label: "R = 22", budget: 1.4 },
    ],
  });

  test("curves hold the numbers passed; stars sit at each R's budget on the curve's colour", () => {
    const spec = base();
    const fig = flopsExchangeFigure(spec);
    expect(fig.data).toHaveLength(3 + 3 + 3);
    spec.curves.forEach((c, i) => {
      const curve = trace(fig, i);
      const stars = trace(fig, 3 + i);
      expect(curve).toMatchObject({ name: c.name, x: budgets, y: c.accuracy });
      expect(stars.name).toBe(spec.largeModel[i]?.name);
      expect(stars.mode).toBe("markers");
      expect(stars.marker?.symbol).toBe("star");
      expect(stars.x).toEqual([40, 9.5, 1.4]);
      expect(stars.y).toEqual([1, 2, 3].map(() => spec.largeModel[i]?.accuracy));
      expect(stars.marker?.color).toBe(curve.line?.color);
      expect(stars.marker?.color).toBe(PALETTE[i]);
      expect(stars["legendgroup"]).toBe(curve["legendgroup"]);
    });
  });

  test("a dotted vertical guide and a label at each R's budget", () => {
    const fig = flopsExchangeFigure(base());
    [40, 9.5, 1.4].forEach((b, k) => {
      const g = trace(fig, 6 + k);
      expect(g).toMatchObject({ mode: "lines", x: [b, b], y: [0, 1], showlegend: false });
      expect(g.line?.dash).toBe("dot");
    });
    const notes = fig.layout?.annotations ?? [];
    expect(notes.map((a) => a.text)).toEqual(["R = 0.16", "R = 0.79", "R = 22"]);
    // annotations on a log axis are placed in log10 units
    expect(notes.map((a) => a.x)).toEqual([40, 9.5, 1.4].map(Math.log10));
    expect(fig.layout?.xaxis?.type).toBe("log");
    expect(fig.layout?.xaxis?.["tickvals"]).toEqual(POWERS_TO_256);
    expect(fig.layout?.title?.text).toMatch(
      /^Pretraining wins on hard questions<br><sup>.*above its curve ⇒ pretraining better/,
    );
    expect(fig.layout?.yaxis?.range).toEqual([0, 1.02]);
    expect(fig.layout?.showlegend).toBe(true);
    survivesJson(fig);
  });

  test("rejects bad input with the house class and message", () => {
    const bad = (patch: Partial<FlopsExchangeFigureSpec>) => () =>
      flopsExchangeFigure({ ...base(), ...patch });
    expect(bad({ largeModel: [{ name: "l", accuracy: 0.5 }] })).toThrow(
      /^flopsExchangeFigure: spec\.largeModel must have the same length as spec\.curves \(3\), got length 1$/,
    );
    expect(
      bad({ largeModel: base().largeModel.map((m, i) => ({ ...m, accuracy: i === 2 ? 1.2 : 0.5 })) }),
    ).toThrow(
      /^flopsExchangeFigure: spec\.largeModel\[2\]\.accuracy must be a probability in \[0, 1\], got 1\.2$/,
    );
    expect(bad({ budgetsAtR: [{ label: "R = 1", budget: 0 }] })).toThrow(
      /^flopsExchangeFigure: spec\.budgetsAtR\[0\]\.budget must be a finite number > 0 \(the axis is logarithmic\), got 0$/,
    );
    expect(bad({ budgetsAtR: [] })).toThrow(RangeError);
    expect(bad({ curves: [{ name: "c", budgets: [1], accuracy: [2] }] })).toThrow(
      /^flopsExchangeFigure: spec\.curves\[0\]\.accuracy\[0\] must be a probability in \[0, 1\], got 2$/,
    );
    expect(bad({ budgetsAtR: [{ label: 3 as unknown as string, budget: 2 }] })).toThrow(TypeError);
  });
});

describe("histogramFigure(spec)", () => {
  /** Counts by the edge rule e_j ≤ v < e_(j+1) (v = hi in the last bin), written independently. */
  function directCounts(values: readonly number[], lo: number, hi: number, bins: number): number[] {
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) {
      for (let j = 0; j < bins; j++) {
        const a = j === 0 ? lo : lo + ((hi - lo) * j) / bins;
        const b = j === bins - 1 ? hi : lo + ((hi - lo) * (j + 1)) / bins;
        if (v >= a && (v < b || (j === bins - 1 && v === hi))) {
          counts[j] = (counts[j] as number) + 1;
          break;
        }
      }
    }
    return counts;
  }

  test("counts match a direct count and sum to the number of values", () => {
    const rng = makeRng("histogram");
    const values = Array.from({ length: 2000 }, () => rng.beta(0.6, 0.9));
    for (const bins of [1, 7, 20]) {
      const fig = histogramFigure({ title: "pass@1 of a benchmark", values, bins, xTitle: "pass@1" });
      const y = nums(trace(fig, 0).y);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      expect(y).toEqual(directCounts(values, lo, hi, bins));
      expect(y.reduce((a, b) => a + b, 0)).toBe(values.length);
      expect(nums(trace(fig, 0).x)).toHaveLength(bins);
    }
  });

  test("bars sit at the bin centres with the bin width; edges on hover", () => {
    const values = [0, 0.1, 0.25, 0.5, 0.5, 0.75, 1];
    const fig = histogramFigure({ title: "t", values, bins: 4, xTitle: "pass@1", range: [0, 1] });
    const t = trace(fig, 0);
    expect(t.type).toBe("bar");
    expect(t.x).toEqual([0.125, 0.375, 0.625, 0.875]);
    expect(t.y).toEqual([2, 1, 2, 2]); // 0.25 opens bin 2, 0.5 opens bin 3, 1 closes the last bin
    expect(t["width"]).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(t["customdata"]).toEqual([
      [0, 0.25],
      [0.25, 0.5],
      [0.5, 0.75],
      [0.75, 1],
    ]);
    expect(fig.layout?.xaxis?.title?.text).toBe("pass@1");
    expect(fig.layout?.yaxis?.title?.text).toBe("count");
    expect(fig.layout?.showlegend).toBe(false);
    expect(fig.layout?.annotations).toBeUndefined();
    survivesJson(fig);
  });

  test("values outside an explicit range are left out and the chart says how many", () => {
    const fig = histogramFigure({
      title: "t",
      values: [-1, 0.2, 0.4, 3],
      bins: 2,
      xTitle: "x",
      range: [0, 1],
    });
    expect(nums(trace(fig, 0).y)).toEqual([2, 0]);
    expect(fig.layout?.annotations?.[0]?.text).toBe("2 of 4 values outside [0, 1] not shown");
  });

  test("all-equal values get a unit-wide range around them", () => {
    const fig = histogramFigure({ title: "t", values: [3, 3, 3], bins: 2, xTitle: "x" });
    expect(trace(fig, 0).x).toEqual([2.75, 3.25]);
    expect(trace(fig, 0).y).toEqual([0, 3]);
  });

  test("rejects bad input with the house class and message", () => {
    const ok: HistogramFigureSpec = { title: "t", values: [1, 2], xTitle: "x" };
    const bad = (patch: Partial<HistogramFigureSpec>) => () => histogramFigure({ ...ok, ...patch });
    expect(bad({ values: [] })).toThrow(
      /^histogramFigure: spec\.values must be a non-empty array, got length 0$/,
    );
    expect(bad({ values: [1, NaN] })).toThrow(
      /^histogramFigure: spec\.values\[1\] must be a finite number, got NaN$/,
    );
    expect(bad({ bins: 0 })).toThrow(
      /^histogramFigure: spec\.bins must be an integer in \[1, 1000\], got 0$/,
    );
    expect(bad({ bins: 2.5 })).toThrow(RangeError);
    expect(bad({ range: [1, 1] })).toThrow(/^histogramFigure: spec\.range must be \[lo, hi\] with lo < hi/);
    expect(bad({ range: [0, Infinity] })).toThrow(RangeError);
    expect(bad({ xTitle: undefined as unknown as string })).toThrow(TypeError);
  });
});

describe("scoreStripFigure(spec)", () => {
  const answers = new Int32Array([0, 2, 0, 1, 2, 2, 0, 3]);
  const scores = [0.81, 0.92, 0.4, 0.2, 0.55, 0.61, 0.77, 0.1];

  test("one trace per answer, correct first, holding each sample's index and score; the pick ringed", () => {
    const fig = scoreStripFigure({ answers, scores, picked: 1 });
    expect(fig.data.map((t) => t.name)).toEqual([
      "correct: answer 0 (3 of 8)",
      "wrong: answer 1 (1 of 8)",
      "wrong: answer 2 (3 of 8)",
      "wrong: answer 3 (1 of 8)",
      "picked: sample 1 (answer 2)",
    ]);
    const ids = [0, 1, 2, 3];
    ids.forEach((id, k) => {
      const t = trace(fig, k);
      const idx = Array.from(answers).flatMap((a, i) => (a === id ? [i] : []));
      expect(t.x).toEqual(idx);
      expect(t.y).toEqual(idx.map((i) => scores[i]));
    });
    // colours and symbols are distinct across answers
    const styles = ids.map(
      (_, k) => `${String(trace(fig, k).marker?.color)} ${String(trace(fig, k).marker?.symbol)}`,
    );
    expect(new Set(styles).size).toBe(4);
    expect(trace(fig, 0).marker?.color).toBe("#009E73");
    expect(trace(fig, 4)).toMatchObject({ x: [1], y: [0.92] });
    expect(trace(fig, 4).marker?.symbol).toBe("circle-open");
    expect(fig.layout?.title?.text).toBe("One question, 8 samples: verifier score of each");
    expect(fig.layout?.yaxis?.title?.text).toBe("verifier score");
    expect(fig.layout?.xaxis?.title?.text).toMatch(/sample index/);
    expect(fig.layout?.showlegend).toBe(true);
    survivesJson(fig);
  });

  test("a different correct answer goes first; without a pick there is no ring", () => {
    const fig = scoreStripFigure({ title: "t", answers: [5, 7, 5], scores: [1, 2, 3], correctAnswer: 7 });
    expect(fig.data.map((t) => t.name)).toEqual(["correct: answer 7 (1 of 3)", "wrong: answer 5 (2 of 3)"]);
    expect(scoreStripFigure({ answers: [0], scores: [0.5] }).layout?.showlegend).toBe(false);
  });

  test("rejects bad input with the house class and message", () => {
    const bad = (s: unknown) => () => scoreStripFigure(s as ScoreStripFigureSpec);
    expect(bad({ answers, scores, picked: 8 })).toThrow(
      /^scoreStripFigure: spec\.picked must be an integer in \[0, 7\] \(an index of answers\), got 8$/,
    );
    expect(bad({ answers, scores, picked: -1 })).toThrow(RangeError);
    expect(bad({ answers: [0, 1.5], scores: [1, 2] })).toThrow(
      /^scoreStripFigure: spec\.answers\[1\] must be an integer, got 1\.5$/,
    );
    expect(bad({ answers: [0, 1], scores: [1] })).toThrow(
      /^scoreStripFigure: spec\.scores must have the same length as spec\.answers \(2\), got length 1$/,
    );
    expect(bad({ answers: [0, 1], scores: [1, Infinity] })).toThrow(RangeError);
    expect(bad({ answers: [], scores: [] })).toThrow(RangeError);
    expect(bad({ answers: [0], scores: [1], correctAnswer: "0" })).toThrow(TypeError);
  });
});

describe("sliderFigure(spec)", () => {
  const ns = [1, 2, 4, 8, 16];
  const ps = [0.05, 0.2, 0.5];
  const base = (): SliderFigureSpec => ({
    title: "Coverage and majority vote as p changes",
    xAxis: { title: "samples N (log scale)", log: true },
    yAxis: { title: "accuracy" },
    sliderLabel: "pass@1 p",
    steps: ps.map((p) => ({
      label: String(p),
      series: [
        { name: "coverage", x: ns, y: ns.map((n) => 1 - (1 - p) ** n) },
        { name: "p itself", x: ns, y: ns.map(() => p) },
      ],
    })),
  });

  test("each slider step restyles every trace with that step's data", () => {
    const spec = base();
    const fig = sliderFigure(spec);
    const sliders = fig.layout?.["sliders"] as {
      active: number;
      currentvalue: { prefix: string };
      steps: { label: string; method: string; args: [{ x: number[][]; y: number[][]; name: string[] }] }[];
    }[];
    expect(sliders).toHaveLength(1);
    const slider = sliders[0];
    expect(slider?.active).toBe(0);
    expect(slider?.currentvalue.prefix).toBe("pass@1 p: ");
    expect(slider?.steps.map((s) => s.label)).toEqual(["0.05", "0.2", "0.5"]);
    slider?.steps.forEach((s, k) => {
      const step = spec.steps[k];
      expect(s.method).toBe("restyle");
      expect(s.args).toHaveLength(1);
      expect(s.args[0].x).toEqual(step?.series.map((l) => Array.from(l.x)));
      expect(s.args[0].y).toEqual(step?.series.map((l) => Array.from(l.y)));
      expect(s.args[0].name).toEqual(["coverage", "p itself"]);
    });
    // the traces start with the active step's data
    expect(trace(fig, 0).y).toEqual(spec.steps[0]?.series[0]?.y);
    expect(fig.layout?.showlegend).toBe(true);
    survivesJson(fig);
  });

  test("fixed axis ranges cover every step (log10 units on a log axis); active picks the first step shown", () => {
    const fig = sliderFigure({ ...base(), active: 2 });
    expect(trace(fig, 1).y).toEqual(ns.map(() => 0.5));
    const xr = fig.layout?.xaxis?.range as number[];
    const yr = fig.layout?.yaxis?.range as number[];
    expect(xr[0]).toBeLessThan(0);
    expect(xr[1]).toBeGreaterThan(Math.log10(16));
    const allY = ps.flatMap((p) => ns.flatMap((n) => [1 - (1 - p) ** n, p]));
    expect(yr[0]).toBeLessThan(Math.min(...allY));
    expect(yr[1]).toBeGreaterThan(Math.max(...allY));
    expect((fig.layout?.["sliders"] as { active: number }[])[0]?.active).toBe(2);
    // a given range is kept
    const given = sliderFigure({ ...base(), yAxis: { title: "accuracy", range: [0, 1] } });
    expect(given.layout?.yaxis?.range).toEqual([0, 1]);
  });

  test("rejects steps with different numbers of series, and other bad input", () => {
    const spec = base();
    const uneven = {
      ...spec,
      steps: [spec.steps[0], { label: "x", series: [{ name: "a", x: [1], y: [1] }] }],
    };
    const bad = (s: unknown) => () => sliderFigure(s as SliderFigureSpec);
    expect(bad(uneven)).toThrow(RangeError);
    expect(bad(uneven)).toThrow(
      /^sliderFigure: spec\.steps\[1\]\.series must have the same length as spec\.steps\[0\]\.series \(2\), got length 1$/,
    );
    expect(bad({ ...spec, steps: [] })).toThrow(
      /^sliderFigure: spec\.steps must be a non-empty array, got length 0$/,
    );
    expect(bad({ ...spec, active: 3 })).toThrow(
      /^sliderFigure: spec\.active must be an integer in \[0, 2\] \(a step index\), got 3$/,
    );
    expect(bad({ ...spec, sliderLabel: 1 })).toThrow(TypeError);
    expect(bad({ ...spec, steps: [{ label: "a", series: [{ name: "a", x: [0, 1], y: [1, 2] }] }] })).toThrow(
      /^sliderFigure: spec\.steps\[0\]\.series\[0\]\.x\[0\] must be a finite number > 0 \(the axis is logarithmic\), got 0$/,
    );
    expect(bad({ ...spec, steps: [{ label: "a", series: [{ name: "a", x: [1, 2], y: [1] }] }] })).toThrow(
      /^sliderFigure: spec\.steps\[0\]\.series\[0\]\.y must have the same length as spec\.steps\[0\]\.series\[0\]\.x \(2\), got length 1$/,
    );
  });
});

describe("searchTraceFigure(trace, options)", () => {
  const beam = beamSearch(makeQuestion(0.3), {
    n: 16,
    beamWidth: 4,
    rng: makeRng("trace-figure"),
    trace: true,
  });
  const rounds = beam.trace ?? [];

  test("the top panel holds each round's best PRM score; the bars partition each round's prefixes", () => {
    expect(rounds.length).toBeGreaterThan(1);
    const fig = searchTraceFigure(rounds);
    expect(fig.data).toHaveLength(7);
    expect(trace(fig, 0)).toMatchObject({
      mode: "lines+markers",
      yaxis: "y2",
      x: rounds.map((r) => r.round),
    });
    expect(trace(fig, 0).y).toEqual(rounds.map((r) => r.bestScore));
    const bars = fig.data.slice(1);
    expect(bars.map((t) => t.name)).toEqual([
      "kept, on track",
      "kept, off track (fooled the PRM)",
      "kept, off track (scored low)",
      "pruned, on track",
      "pruned, off track (fooled the PRM)",
      "pruned, off track (scored low)",
    ]);
    const count = (k: number, i: number): number => nums(bars[k]?.y)[i] as number;
    rounds.forEach((r, i) => {
      const last = i === rounds.length - 1;
      // every generated prefix is in exactly one group
      expect([0, 1, 2, 3, 4, 5].reduce((a, k) => a + count(k, i), 0)).toBe(r.generated);
      // on track = kept on track + pruned on track; fooled likewise
      expect(count(0, i) + count(3, i)).toBe(r.onTrack);
      expect(count(1, i) + count(4, i)).toBe(r.fooled);
      // kept as the trace says, except the last round, whose candidates all go to the vote
      expect(count(0, i) + count(1, i) + count(2, i)).toBe(last ? r.generated : r.kept);
      if (!last) {
        expect(count(0, i)).toBe(r.keptOnTrack);
        expect(count(1, i)).toBe(r.keptFooled);
      }
    });
    for (const k of [0, 1, 2, 3, 4, 5])
      expect(nums(bars[k]?.y).every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    survivesJson(fig);
  });

  test("kept bars are filled, pruned bars hollow, coloured by on-track vs off-track", () => {
    const fig = searchTraceFigure(rounds);
    const marker = (k: number) => trace(fig, k).marker as { color: string; line: { color: string } };
    for (const k of [1, 2, 3]) expect(marker(k).color).toBe(marker(k).line.color);
    for (const k of [4, 5, 6]) expect(marker(k).color).toBe("rgba(255,255,255,0)");
    expect(marker(1).line.color).toBe(marker(4).line.color); // on track: same colour, kept or pruned
    expect(marker(2).line.color).toBe(marker(5).line.color);
    expect(new Set([1, 2, 3].map((k) => marker(k).line.color)).size).toBe(3);
    expect(fig.layout?.barmode).toBe("stack");
    expect(fig.layout?.xaxis?.title?.text).toMatch(/round/);
    expect((fig.layout?.["yaxis2"] as { title: { text: string } }).title.text).toBe("best PRM score");
    expect(fig.layout?.showlegend).toBe(true);
    expect(searchTraceFigure(rounds, { title: "Mine", height: 400 }).layout).toMatchObject({
      title: { text: "Mine" },
      height: 400,
    });
  });

  test("works on a DVTS trace too", () => {
    const d = dvts(makeQuestion(0.5), { n: 16, beamWidth: 4, rng: makeRng(2), trace: true });
    const fig = searchTraceFigure(d.trace ?? []);
    expect(trace(fig, 0).x).toEqual((d.trace ?? []).map((r) => r.round));
  });

  test("rejects bad input with the house class and message", () => {
    const r0 = rounds[0] as SearchRound;
    const bad = (t: unknown, o?: unknown) => () => searchTraceFigure(t as SearchRound[], o as undefined);
    expect(bad(undefined)).toThrow(TypeError);
    expect(bad(undefined)).toThrow(
      /^searchTraceFigure: trace must be a non-empty array of rounds \(run the search with trace: true\), got undefined$/,
    );
    expect(bad([])).toThrow(RangeError);
    expect(bad([{ ...r0, onTrack: 20 }])).toThrow(
      /^searchTraceFigure: trace\[0\]\.onTrack \+ trace\[0\]\.fooled must be at most generated \(16\), got 20$/,
    );
    expect(bad([{ ...r0, keptOnTrack: r0.kept + 1 }, r0])).toThrow(
      /^searchTraceFigure: trace\[0\]\.keptOnTrack must be at most min\(onTrack, kept\)/,
    );
    expect(bad([{ ...r0, kept: 2.5 }])).toThrow(
      /^searchTraceFigure: trace\[0\]\.kept must be an integer >= 0, got 2\.5$/,
    );
    expect(bad([{ ...r0, bestScore: NaN }])).toThrow(
      /^searchTraceFigure: trace\[0\]\.bestScore must be a probability in \[0, 1\], got NaN$/,
    );
    expect(bad([{ ...r0, round: "1" }])).toThrow(TypeError);
    expect(bad(rounds, { height: 10 })).toThrow(
      /^searchTraceFigure: options\.height must be an integer in \[150, 3000\], got 10$/,
    );
    expect(bad(rounds, 3)).toThrow(/^searchTraceFigure: options must be an object or undefined, got 3$/);
  });
});

describe("searchTreeFigure(trace, options)", () => {
  const q = makeQuestion(0.3);
  const n = 16;
  const beamWidth = 4;
  const beam = beamSearch(q, { n, beamWidth, rng: makeRng("tree-figure"), trace: true }).trace ?? [];
  const tree = dvts(q, { n, beamWidth, rng: makeRng("tree-figure"), trace: true }).trace ?? [];
  const ahead =
    lookaheadSearch(q, { n, beamWidth, k: 2, rng: makeRng("tree-figure"), trace: true }).trace ?? [];

  /** Kept candidates of round r, computed independently from the next round's parents. */
  const keptOf = (rounds: readonly SearchRound[], r: number): number[] =>
    r === rounds.length - 1
      ? Array.from({ length: rounds[r]?.scores.length ?? 0 }, (_, i) => i)
      : [...new Set(Array.from(rounds[r + 1]?.parents ?? []))].sort((a, b) => a - b);

  test("every candidate is one node, at x = its round, coloured by its own score", () => {
    for (const rounds of [beam, tree, ahead]) {
      const fig = searchTreeFigure(rounds);
      expect(fig.data.map((t) => t.name)).toEqual([
        "edge to a kept prefix",
        "edge to a pruned prefix",
        "the question",
        "kept (expanded next round)",
        "pruned",
        "final candidates (to the weighted vote)",
        "red ring: off track (a wrong step; hover: fooled the PRM, or a lucky score)",
      ]);
      const nodes = [3, 4, 5].map((i) => trace(fig, i));
      const total = nodes.reduce((s, t) => s + (t.x?.length ?? 0), 0);
      expect(total).toBe(rounds.reduce((s, r) => s + r.scores.length, 0));
      // Scores per round, as a multiset, equal the trace's scores.
      rounds.forEach((round, r) => {
        const shown = nodes
          .flatMap((t) =>
            Array.from(t.x as number[], (x, i) => [x, (t.marker?.color as unknown as number[])[i]]),
          )
          .filter(([x]) => x === r + 1)
          .map(([, c]) => c as number)
          .sort((a, b) => a - b);
        expect(shown).toEqual(Array.from(round.scores).sort((a, b) => a - b));
      });
      expect(trace(fig, 5).x).toEqual(new Array(n).fill(rounds.length));
      expect(trace(fig, 2)).toMatchObject({ x: [0], text: ["Q"] });
    }
  });

  test("kept and pruned follow the next round's parents: beam search keeps N/M, DVTS one per subtree", () => {
    for (const rounds of [beam, tree]) {
      const fig = searchTreeFigure(rounds);
      for (let r = 0; r < rounds.length - 1; r++) {
        const keptXs = (trace(fig, 3).x as number[]).filter((x) => x === r + 1).length;
        const prunedXs = (trace(fig, 4).x as number[]).filter((x) => x === r + 1).length;
        expect(keptXs).toBe(keptOf(rounds, r).length);
        expect(keptXs).toBe(rounds[r]?.kept);
        expect(keptXs + prunedXs).toBe(n);
      }
    }
    expect(beam[0]?.kept).toBe(n / beamWidth);
    expect(tree[0]?.kept).toBe(n / beamWidth);
    // In DVTS each subtree's M children share one parent, so consecutive blocks of M have one parent each.
    for (const round of tree.slice(1)) {
      for (let s = 0; s < n / beamWidth; s++) {
        expect(new Set(Array.from(round.parents.subarray(s * beamWidth, (s + 1) * beamWidth))).size).toBe(1);
      }
    }
  });

  test("each edge joins a candidate to its parent's node; kept edges are dark, pruned pale", () => {
    const fig = searchTreeFigure(beam);
    const pos = new Map<string, number>(); // "round:candidate" → y, recovered from the hover text
    for (const t of [3, 4, 5].map((i) => trace(fig, i))) {
      (t.text as string[]).forEach((text, i) => {
        const m = /^round (\d+), candidate (\d+)/.exec(text);
        pos.set(`${m?.[1]}:${m?.[2]}`, (t.y as number[])[i] as number);
      });
    }
    const edgesIn = (t: PlotTrace) => {
      const xs = t.x as (number | null)[];
      const ys = t.y as (number | null)[];
      const out: [number, number, number, number][] = [];
      for (let i = 0; i < xs.length; i += 3)
        out.push([xs[i], ys[i], xs[i + 1], ys[i + 1]] as [number, number, number, number]);
      return out;
    };
    const all = [...edgesIn(trace(fig, 0)), ...edgesIn(trace(fig, 1))];
    expect(all).toHaveLength(beam.length * n);
    beam.forEach((round, r) => {
      round.parents.forEach((parent, i) => {
        const child = pos.get(`${r + 1}:${i}`);
        const from = r === 0 ? (trace(fig, 2).y as number[])[0] : pos.get(`${r}:${parent}`);
        expect(all).toContainEqual([r, from, r + 1, child]);
      });
    });
    expect(trace(fig, 0).line?.color).not.toBe(trace(fig, 1).line?.color);
    expect(trace(fig, 4).marker?.symbol).toBe("circle-open");
    expect(trace(fig, 3).marker?.symbol).toBe("circle");
  });

  test("off-track candidates get the red ring; hover text names the state", () => {
    const fig = searchTreeFigure(ahead);
    const kept = trace(fig, 3);
    const rings = (kept.marker?.["line"] as { color: string[] }).color;
    (kept.text as string[]).forEach((text, i) => {
      expect(rings[i]).toBe(/off track/.test(text) ? "#D55E00" : "#222222");
    });
    const lastRound = ahead[ahead.length - 1] as SearchRound;
    const offTrack = Array.from(lastRound.status).filter((s) => (s & 1) === 0).length;
    expect((trace(fig, 5).text as string[]).filter((t) => /off track/.test(t))).toHaveLength(offTrack);
  });

  test("title and height options; the colour scale is [0, 1] for probability scores", () => {
    const fig = searchTreeFigure(beam, { title: "Mine", height: 400 });
    expect(fig.layout).toMatchObject({ title: { text: "Mine" }, height: 400 });
    expect(trace(fig, 3).marker).toMatchObject({ cmin: 0, cmax: 1, colorscale: "Viridis" });
    expect(searchTreeFigure(beam).layout?.height).toBe(300 + 22 * n);
  });

  test("bad input fails in the house format", () => {
    const bad = (t: unknown, o?: unknown) => () => searchTreeFigure(t as SearchRound[], o as undefined);
    const first = beam[0] as SearchRound;
    expect(bad(undefined)).toThrow(TypeError);
    expect(bad(undefined)).toThrow(
      /^searchTreeFigure: trace must be a non-empty array of rounds \(run the search with trace: true\), got undefined$/,
    );
    expect(bad([])).toThrow(RangeError);
    expect(bad([{ ...first, scores: undefined }])).toThrow(
      /^searchTreeFigure: trace\[0\]\.scores must be an array \(run the search with trace: true\), got undefined$/,
    );
    expect(bad([{ ...first, scores: [0.5, NaN], parents: [-1, -1] }])).toThrow(
      /^searchTreeFigure: trace\[0\]\.scores\[1\] must be a finite number, got NaN$/,
    );
    expect(bad([{ ...first, parents: first.parents.subarray(1) }])).toThrow(
      /^searchTreeFigure: trace\[0\]\.parents must be an array of the same length as trace\[0\]\.scores \(16\), got 15$/,
    );
    const wrongParent = Int32Array.from(beam[1]?.parents ?? []);
    wrongParent[5] = 16;
    expect(bad([first, { ...beam[1], parents: wrongParent }])).toThrow(
      /^searchTreeFigure: trace\[1\]\.parents\[5\] must be an integer in \[0, 15\], got 16$/,
    );
    expect(bad([{ ...first, parents: Int32Array.from(first.parents, () => 0) }])).toThrow(
      /^searchTreeFigure: trace\[0\]\.parents\[0\] must be -1 in the first round/,
    );
    expect(bad([{ ...first, status: Uint8Array.from(first.status, () => 0).fill(7, 2, 3) }])).toThrow(
      /^searchTreeFigure: trace\[0\]\.status\[2\] must be an integer in \[0, 3\], got 7$/,
    );
    expect(bad(beam, { height: 10 })).toThrow(RangeError);
    expect(bad(beam, { title: 3 })).toThrow(TypeError);
  });
});

describe("revisionChainsFigure(result, options)", () => {
  const q = makeQuestion(0.3);
  const run = (chains: number, length: number, seed: string): RevisionChainsResult =>
    simulateRevisionChains(q, { chains, length, rng: makeRng(seed) });
  const shapes: [number, number][] = [
    [16, 1], // parallel
    [1, 16], // sequential
    [4, 4],
    [8, 32], // too many attempts for score labels
  ];
  const results = shapes.flatMap(([c, l]) => [0, 1, 2].map((s) => run(c, l, `chains-figure-${c}x${l}-${s}`)));
  const logistic = (s: number): number => 1 / (1 + Math.exp(-s));
  const points = (t: PlotTrace): string[] =>
    Array.from(t.x as number[], (x, i) => `${x},${(t.y as number[])[i]}`).sort();

  /** Hierarchical verifier selection recomputed from answers and scores: weighted vote per chain, then across chains. */
  const select = (r: RevisionChainsResult): { answer: number; chain: number; attempt: number } => {
    const vote = (items: { answer: number; score: number }[]): number => {
      const sums = new Map<number, number>();
      for (const { answer, score } of items) sums.set(answer, (sums.get(answer) ?? 0) + logistic(score));
      let best = -1;
      let bestSum = -Infinity;
      for (const [answer, sum] of sums) if (sum > bestSum) [best, bestSum] = [answer, sum]; // Map keeps first-seen order
      return best;
    };
    const reps = Array.from({ length: r.chains }, (_, c) => {
      const items = Array.from({ length: r.length }, (_, k) => ({
        answer: r.answers[c * r.length + k] as number,
        score: r.scores[c * r.length + k] as number,
        k,
      }));
      const pick = vote(items);
      const rep = items.filter((i) => i.answer === pick).reduce((a, b) => (b.score > a.score ? b : a));
      return { answer: pick, score: rep.score, chain: c, attempt: rep.k };
    });
    const answer = vote(reps);
    const chosen = reps.filter((x) => x.answer === answer).reduce((a, b) => (b.score > a.score ? b : a));
    return { answer, chain: chosen.chain, attempt: chosen.attempt };
  };

  test("one marker per attempt, green where the answer is correct and vermilion where wrong", () => {
    for (const r of results) {
      const fig = revisionChainsFigure(r);
      expect(fig.data).toHaveLength(5);
      const correct: string[] = [];
      const wrong: string[] = [];
      for (let c = 0; c < r.chains; c++) {
        for (let k = 0; k < r.length; k++) {
          (r.answers[c * r.length + k] === 0 ? correct : wrong).push(`${k + 1},${-c}`);
        }
      }
      expect(points(trace(fig, 1))).toEqual(correct.sort());
      expect(points(trace(fig, 2))).toEqual(wrong.sort());
      expect(trace(fig, 1).marker?.color).toBe("#009E73");
      expect(trace(fig, 2).marker?.color).toBe("#D55E00");
      expect((trace(fig, 1).x?.length ?? 0) + (trace(fig, 2).x?.length ?? 0)).toBe(r.chains * r.length);
    }
  });

  test("labels are the verifier's scores on the probability scale, when there are at most 64 attempts", () => {
    for (const r of results) {
      const fig = revisionChainsFigure(r);
      const labelled = r.chains * r.length <= 64;
      const expected = { 1: [] as string[], 2: [] as string[] };
      r.answers.forEach((a, i) => {
        const score = logistic(r.scores[i] as number).toFixed(2);
        // A wrong attempt also names its answer, so repeated wrong answers are visible.
        if (a === 0) expected[1].push(score);
        else expected[2].push(`${score}<br>#${a}`);
      });
      for (const t of [1, 2] as const) {
        if (labelled) expect(trace(fig, t).text).toEqual(expected[t]);
        else expect(trace(fig, t).text).toBeUndefined();
      }
    }
  });

  test("each chain is one line through its attempts; a chain of one attempt has none", () => {
    for (const r of results) {
      const line = trace(fig0(r), 0);
      const xs = Array.from(line.x as (number | null)[]);
      expect(xs.filter((x) => x !== null)).toHaveLength(r.length > 1 ? r.chains * r.length : 0);
      expect(xs.filter((x) => x === null)).toHaveLength(r.length > 1 ? r.chains : 0);
    }
  });

  test("the star marks the attempt hierarchical verifier selection returns, recomputed independently", () => {
    for (const r of results) {
      const fig = revisionChainsFigure(r);
      const mine = select(r);
      expect(mine.answer).toBe(r.verifierAnswer);
      const star = trace(fig, 4);
      expect(points(star)).toEqual([`${mine.attempt + 1},${-mine.chain}`]);
      expect(r.answers[mine.chain * r.length + mine.attempt]).toBe(r.verifierAnswer);
      expect(star.name).toBe(`selected answer (${r.verifierCorrect ? "correct" : "wrong"})`);
      expect(fig.layout?.title?.text).toContain(r.verifierCorrect ? "is correct" : "is wrong");
      // One ring per chain at its pick, unless every chain is a single attempt.
      const rings = trace(fig, 3);
      expect(rings.x).toHaveLength(r.length > 1 ? r.chains : 0);
    }
  });

  test("options and validation", () => {
    const r = results[6] as RevisionChainsResult;
    const fig = revisionChainsFigure(r, { title: "Mine", height: 400 });
    expect(fig.layout?.title?.text).toBe("Mine");
    expect(fig.layout?.height).toBe(400);
    // 4 chains of 4: labels above the markers, 56 px per chain; 16 chains of 1: labels beside them, 30 px.
    expect(revisionChainsFigure(r).layout?.height).toBe(260 + 56 * 4);
    expect(revisionChainsFigure(results[0] as RevisionChainsResult).layout?.height).toBe(260 + 30 * 16);
    // 8 chains of 32: too many attempts for labels, 30 px per chain.
    expect(revisionChainsFigure(results[9] as RevisionChainsResult).layout?.height).toBe(260 + 30 * 8);
    const bad = (x: unknown, o?: unknown) => () =>
      revisionChainsFigure(x as RevisionChainsResult, o as undefined);
    expect(bad(undefined)).toThrow(TypeError);
    expect(bad(undefined)).toThrow(/^revisionChainsFigure: result must be /);
    expect(bad({ ...r, chains: 2.5 })).toThrow(
      /^revisionChainsFigure: result.chains must be an integer >= 1, got 2.5$/,
    );
    expect(bad({ ...r, answers: r.answers.slice(1) })).toThrow(RangeError);
    expect(bad({ ...r, answers: r.answers.slice(1) })).toThrow(
      /result.answers.length must be equal to 16, got 15/,
    );
    const nan = Float64Array.from(r.scores);
    nan[3] = NaN;
    expect(bad({ ...r, scores: nan })).toThrow(
      /^revisionChainsFigure: result.scores\[3\] must be a finite number, got NaN$/,
    );
    expect(bad({ ...r, verifierAnswer: 99 })).toThrow(
      /result.verifierAnswer must be one of the chains' picks, got 99/,
    );
    expect(bad({ ...r, chains: 100, length: 100 })).toThrow(RangeError);
    expect(bad(r, { height: 10 })).toThrow(RangeError);
    expect(bad(r, { title: 3 })).toThrow(TypeError);
  });

  const fig0 = (r: RevisionChainsResult): Figure => revisionChainsFigure(r);
});

/**
 * Tests of lib/display/ without Jupyter: the pure bundle builders, the
 * stdout printers, the no-op behaviour outside a kernel, and a simulated
 * kernel. The simulation writes a fake `…/tslab/dist/jupyter.js` to a temp
 * folder and requires it, so it appears in `require.cache` exactly where the
 * module looks for tslab; its `lastWriteDisplayData` records what is sent.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import {
  checkAgainst,
  checkValue,
  checkPrediction,
  YOUR_TURN,
  type PredictionAnswer,
  displayBundle,
  figureBundle,
  formatNumber,
  isKernel,
  progress,
  progressBundle,
  show,
  showError,
  showMarkdown,
  showTable,
  tableBundle,
  versions,
  type MimeBundle,
} from "../lib/display";
import { type Figure } from "../lib/figures/plotly";

type DisplayModule = typeof import("../lib/display");

const PLOTLY_MIME = "application/vnd.plotly.v1+json";
const XSS = "</script><script>alert(1)</script>";

/** The JSON embedded in a chart's script: it follows the marker and ends at the first `);</script>`. */
function embeddedJson(html: string): unknown {
  const m = /\/\*ttc-figure\*\/([^<]*)\);<\/script>/.exec(html);
  if (!m) throw new Error(`no embedded figure JSON in ${html.slice(0, 200)}`);
  return JSON.parse(m[1] as string);
}

/** console.log captured (and silenced) for one test. */
function captureLog(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const spy = jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  return { lines, restore: () => spy.mockRestore() };
}

// ---------------------------------------------------------------------------
// figureBundle
// ---------------------------------------------------------------------------

describe("figureBundle(fig, id)", () => {
  const fig: Figure = {
    data: [
      { type: "scatter", name: "p = 0.1", x: [1, 2, 4], y: [0.1, 0.19, 0.3439], mode: "lines" },
      { type: "bar", name: "counts", x: ["a", "b"], y: [3, 5] },
    ],
    layout: { title: { text: "Coverage" }, height: 380, xaxis: { type: "log" } },
    config: { responsive: true },
  };

  test("has the three MIME types, and the plotly value is the {data, layout, config} object", () => {
    const b = figureBundle(fig, "chart-1");
    expect(Object.keys(b).sort()).toEqual([PLOTLY_MIME, "text/html", "text/plain"]);
    expect(typeof b[PLOTLY_MIME]).toBe("object");
    expect(b[PLOTLY_MIME]).toEqual({ data: fig.data, layout: fig.layout, config: fig.config });
  });

  test("fills in an empty layout and config when the figure has none", () => {
    expect(figureBundle({ data: [{ y: [1, 2] }] }, "c")[PLOTLY_MIME]).toEqual({
      data: [{ y: [1, 2] }],
      layout: {},
      config: {},
    });
  });

  test("is deterministic for a given id, and default ids differ between calls", () => {
    expect(figureBundle(fig, "same")).toEqual(figureBundle(fig, "same"));
    const id = (b: MimeBundle): string => (/<div id="([^"]+)"/.exec(b["text/html"] as string) ?? [])[1] ?? "";
    const a = id(figureBundle(fig));
    const b = id(figureBundle(fig));
    expect(a).toMatch(/^ttc-plot-/);
    expect(b).toMatch(/^ttc-plot-/);
    expect(a).not.toBe(b);
  });

  test("html: a sized div with a placeholder, then a script that draws or waits for ttc:plotly-ready", () => {
    const html = figureBundle(fig, "chart-1")["text/html"] as string;
    expect(html).toMatch(
      /^<div id="chart-1" [^>]*style="height:380px;width:100%"><p [^>]*>Interactive chart “Coverage”/,
    );
    expect(html).toContain('window.addEventListener("ttc:plotly-ready"');
    expect(html).toContain("window.Plotly.newPlot(el,fig.data,fig.layout||{},fig.config||{})");
    expect(html.endsWith("</script>")).toBe(true);
    expect(embeddedJson(html)).toEqual({ data: fig.data, layout: fig.layout, config: fig.config });
  });

  test("the chart script runs: it draws at once when Plotly is loaded, else on ttc:plotly-ready", () => {
    const html = figureBundle(fig, "chart-9")["text/html"] as string;
    const body = html.slice(html.indexOf('<script type="text/javascript">') + 31, -"</script>".length);
    const run = (withPlotly: boolean): { calls: unknown[][]; fire(): void } => {
      const calls: unknown[][] = [];
      const listeners: (() => void)[] = [];
      const el = { innerHTML: "<p>placeholder</p>" };
      const plotly = { newPlot: (...args: unknown[]) => calls.push(args) };
      const window: Record<string, unknown> = {
        addEventListener: (name: string, f: () => void) => name === "ttc:plotly-ready" && listeners.push(f),
      };
      if (withPlotly) window["Plotly"] = plotly;
      const document = { getElementById: (id: string) => (id === "chart-9" ? el : null) };
      vm.runInNewContext(body, { window, document });
      return {
        calls,
        fire: () => {
          window["Plotly"] = plotly;
          listeners.forEach((f) => f());
        },
      };
    };
    const now = run(true);
    expect(now.calls).toHaveLength(1);
    expect(now.calls[0]?.slice(1)).toEqual([fig.data, fig.layout, fig.config]);
    const later = run(false);
    expect(later.calls).toHaveLength(0);
    later.fire();
    expect(later.calls).toHaveLength(1);
    expect((later.calls[0]?.[0] as { innerHTML: string }).innerHTML).toBe("");
  });

  test("a hostile title cannot end the script, and the embedded JSON parses back to the figure", () => {
    const evil: Figure = {
      data: [{ type: "scatter", name: `${XSS} <!-- \u2028\u2029 & "q"`, x: [1], y: [2] }],
      layout: { title: { text: XSS } },
    };
    const html = figureBundle(evil, "x1")["text/html"] as string;
    // Exactly one closing script tag: the one that ends our script.
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain("<script>alert");
    const script = html.slice(html.indexOf("<script"));
    expect(script.slice(script.indexOf(">") + 1, -"</script>".length)).not.toMatch(/<|\u2028|\u2029/);
    // The placeholder shows the title escaped.
    expect(html).toContain("“&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;”");
    expect(embeddedJson(html)).toEqual({ data: evil.data, layout: evil.layout, config: {} });
    // …and the script is still valid JavaScript.
    expect(() => new vm.Script(script.slice(script.indexOf(">") + 1, -"</script>".length))).not.toThrow();
  });

  test("typed arrays become plain arrays and non-finite numbers null, in both the MIME value and the html", () => {
    const b = figureBundle({ data: [{ x: new Float64Array([1, 2]), y: [NaN, 3] }] }, "t");
    const expected = { data: [{ x: [1, 2], y: [null, 3] }], layout: {}, config: {} };
    expect(b[PLOTLY_MIME]).toEqual(expected);
    expect(embeddedJson(b["text/html"] as string)).toEqual(expected);
  });

  test("text/plain summarizes the title and the traces", () => {
    expect(figureBundle(fig, "c")["text/plain"]).toBe(
      'Figure "Coverage": 2 traces (scatter "p = 0.1", bar "counts")',
    );
    expect(figureBundle({ data: [{ y: [1] }] }, "c")["text/plain"]).toBe("Figure: 1 trace (scatter)");
  });

  test("rejects bad input with the house class and message", () => {
    expect(() => figureBundle(null as unknown as Figure)).toThrow(TypeError);
    expect(() => figureBundle(null as unknown as Figure)).toThrow(
      /^figureBundle: fig must be an object, got null$/,
    );
    expect(() => figureBundle({ data: 5 } as unknown as Figure)).toThrow(
      /^figureBundle: fig\.data must be an array of traces, got 5$/,
    );
    expect(() => figureBundle({ data: [1] } as unknown as Figure)).toThrow(
      /^figureBundle: fig\.data\[0\] must be an object, got 1$/,
    );
    expect(() => figureBundle({ data: [], layout: "x" } as unknown as Figure)).toThrow(
      /fig\.layout must be an object/,
    );
    expect(() => figureBundle({ data: [] }, "1bad")).toThrow(RangeError);
    expect(() => figureBundle({ data: [] }, 'a" onload="x')).toThrow(
      /^figureBundle: id must be letters, digits/,
    );
    const cyclic: Record<string, unknown> = { y: [1] };
    cyclic["self"] = cyclic;
    expect(() => figureBundle({ data: [cyclic] })).toThrow(TypeError);
    expect(() => figureBundle({ data: [cyclic] })).toThrow(
      /^figureBundle: fig must be JSON-serializable \(no cycles\)/,
    );
  });
});

// ---------------------------------------------------------------------------
// tableBundle, formatNumber, progressBundle
// ---------------------------------------------------------------------------

describe("formatNumber(x, digits)", () => {
  test.each([
    [0.6513215599, 4, "0.6513"],
    [16, 4, "16"],
    [-3, 4, "-3"],
    [1234567, 4, "1234567"],
    [1.5e-7, 2, "1.5e-7"],
    [1.2e20, 4, "1.2e+20"],
    [70e9, 3, "7e+10"],
    [5.88e23, 3, "5.88e+23"],
    [12345678.9, 4, "1.235e+7"],
    [0.00012345, 3, "0.000123"],
    [0.1 + 0.2, 4, "0.3"],
    [2 / 3, 2, "0.67"],
    [NaN, 4, "NaN"],
    [-Infinity, 4, "-Infinity"],
  ])("formatNumber(%p, %p) = %p", (x, d, s) => {
    expect(formatNumber(x, d)).toBe(s);
  });

  test("rejects a bad digits count", () => {
    expect(() => formatNumber(1, 0)).toThrow(RangeError);
    expect(() => formatNumber(1, 0)).toThrow(/^formatNumber: digits must be an integer in \[1, 17\], got 0$/);
    expect(() => formatNumber("1" as unknown as number)).toThrow(
      /^formatNumber: x must be a number, got "1"$/,
    );
  });
});

describe("tableBundle(rows, options)", () => {
  test("text/plain aligns numbers right and text left, with a dashed rule under the header", () => {
    const b = tableBundle(
      [
        { n: 1, strategy: "best-of-N", coverage: 0.1 },
        { n: 16, strategy: "beam", coverage: 0.814697981 },
        { n: 256, strategy: "revisions", coverage: 1 },
      ],
      { caption: "Coverage at p = 0.1" },
    );
    expect(b["text/plain"]).toBe(
      [
        "Coverage at p = 0.1",
        "  n  strategy   coverage",
        "---  ---------  --------",
        "  1  best-of-N       0.1",
        " 16  beam         0.8147",
        "256  revisions         1",
      ].join("\n"),
    );
  });

  test("columns are the union of keys in first-seen order; missing cells are empty", () => {
    const b = tableBundle([{ a: 1 }, { b: "x", a: 2 }, { c: true }]);
    expect(b["text/plain"]).toBe(["a  b  c", "-  -  ----", "1", "2  x", "      true"].join("\n"));
    expect(b["text/html"]).toContain("<th");
    expect((b["text/html"] as string).match(/<th[ >]/g)).toHaveLength(3);
  });

  test("html escapes < & > \" ' in headers, cells and caption", () => {
    const html = tableBundle([{ "<b>": "<i>&\"'</i>" }], { caption: "<script>x</script>" })[
      "text/html"
    ] as string;
    expect(html).toContain("<caption");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;");
    expect(html).toContain("&lt;i&gt;&amp;&quot;&#39;&lt;/i&gt;");
    expect(html).not.toMatch(/<(b|i|script)>/);
  });

  test("digits sets significant digits; integers stay integers; arrays and null render", () => {
    const b = tableBundle([{ x: Math.PI, n: 1000000, v: [1, 2.5], z: null }], { digits: 2 });
    expect(b["text/plain"]).toBe(
      ["  x        n  v         z", "---  -------  --------  -", "3.1  1000000  [1, 2.5]"].join("\n"),
    );
  });

  test("{ columns, rows } accepts rows as arrays (by position) or objects (by name)", () => {
    const b = tableBundle({ columns: ["k", "value"], rows: [["a", 1.5], { value: 2, k: "b", extra: 9 }] });
    expect(b["text/plain"]).toBe(["k  value", "-  -----", "a    1.5", "b      2"].join("\n"));
  });

  test("an empty table says so", () => {
    expect(tableBundle([])["text/plain"]).toContain("(no rows)");
  });

  test("rejects bad input with the house class and message", () => {
    expect(() => tableBundle([{ a: 1 }, 5 as unknown as object])).toThrow(TypeError);
    expect(() => tableBundle([{ a: 1 }, 5 as unknown as object])).toThrow(
      /^tableBundle: rows\[1\] must be an object, got 5$/,
    );
    expect(() => tableBundle([{ a: 1 }], { digits: 0 })).toThrow(RangeError);
    expect(() => tableBundle([{ a: 1 }], { digits: 0 })).toThrow(
      /^tableBundle: options\.digits must be an integer in \[1, 17\], got 0$/,
    );
    expect(() => tableBundle({ columns: ["a", "b"], rows: [[1]] })).toThrow(RangeError);
    expect(() => tableBundle({ columns: ["a", "b"], rows: [[1]] })).toThrow(
      /^tableBundle: rows\.rows\[0\] must have one cell per column \(2\), got length 1$/,
    );
    expect(() => tableBundle({ columns: ["a", "a"], rows: [] })).toThrow(
      /^tableBundle: rows\.columns must be distinct names/,
    );
    expect(() => tableBundle("x" as unknown as object[])).toThrow(TypeError);
  });
});

describe("progressBundle(done, total, label, elapsedMs)", () => {
  test("text and a <progress> bar", () => {
    const b = progressBundle(30, 120, "trials", 1500);
    expect(b["text/plain"]).toBe("trials: 30 / 120 (25%) — elapsed 1.5 s");
    expect(b["text/html"]).toContain('<progress value="30" max="120"');
  });

  test("caps the bar at 100% and escapes the label", () => {
    const b = progressBundle(130, 120, "<b>", 0);
    expect(b["text/plain"]).toBe("<b>: 130 / 120 (100%) — elapsed 0.0 s");
    expect(b["text/html"]).toContain('value="120"');
    expect(b["text/html"]).toContain("&lt;b&gt;");
  });

  test("rejects bad input", () => {
    expect(() => progressBundle(1, 0, "x", 0)).toThrow(
      /^progressBundle: total must be an integer >= 1, got 0$/,
    );
    expect(() => progressBundle(-1, 2, "x", 0)).toThrow(RangeError);
    expect(() => progressBundle(1, 2, 3 as unknown as string, 0)).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------
// Printers: showError, checkAgainst, checkValue
// ---------------------------------------------------------------------------

describe("showError(fn)", () => {
  let log: ReturnType<typeof captureLog>;
  let errorSpy: jest.SpyInstance;
  beforeEach(() => {
    log = captureLog();
    errorSpy = jest.spyOn(console, "error");
  });
  afterEach(() => {
    log.restore();
    expect(errorSpy).not.toHaveBeenCalled();
    errorSpy.mockRestore();
  });

  test("prints class and message of a RangeError on stdout", () => {
    showError(() => {
      throw new RangeError("coverage: p must be a probability in [0, 1], got 1.5");
    });
    expect(log.lines).toEqual(["RangeError: coverage: p must be a probability in [0, 1], got 1.5"]);
  });

  test("prints a TypeError, and a real library validation error", () => {
    showError(() => {
      throw new TypeError('coverage: n must be a number, got "4"');
    });
    showError(() => formatNumber(1, 99));
    expect(log.lines).toEqual([
      'TypeError: coverage: n must be a number, got "4"',
      "RangeError: formatNumber: digits must be an integer in [1, 17], got 99",
    ]);
  });

  test("names a subclass by its class", () => {
    class BudgetError extends RangeError {}
    showError(() => {
      throw new BudgetError("too much");
    });
    expect(log.lines).toEqual(["BudgetError: too much"]);
  });

  test("a function that does not throw prints what it returned", () => {
    expect(showError(() => 42)).toBeUndefined();
    showError(() => "ok");
    showError(() => undefined);
    expect(log.lines).toEqual([
      "no error: returned 42",
      'no error: returned "ok"',
      "no error: returned undefined",
    ]);
  });

  test("never throws: non-Error throws and non-functions become lines", () => {
    expect(() =>
      showError(() => {
        throw "just a string";
      }),
    ).not.toThrow();
    expect(() => showError(5 as unknown as () => unknown)).not.toThrow();
    expect(() => showError(undefined as unknown as () => unknown)).not.toThrow();
    expect(log.lines).toEqual([
      "thrown (not an Error): 'just a string'",
      "TypeError: showError: fn must be a function, got 5",
      "TypeError: showError: fn must be a function, got undefined",
    ]);
  });

  test("a rejected promise is printed when it settles", async () => {
    showError(async () => {
      throw new RangeError("later");
    });
    await new Promise((r) => setImmediate(r));
    expect(log.lines).toEqual([
      "no error yet: returned a promise (its outcome is printed when it settles)",
      "RangeError: later",
    ]);
  });
});

describe("checkAgainst(name, mine, reference, cases) and checkValue", () => {
  let log: ReturnType<typeof captureLog>;
  beforeEach(() => (log = captureLog()));
  afterEach(() => log.restore());

  const reference = (p: number, n: number): number => -Math.expm1(n * Math.log1p(-p));

  test("all cases match: returns true and prints ✓ with the count and tolerance", () => {
    const naive = (p: number, n: number): number => 1 - (1 - p) ** n;
    expect(
      checkAgainst("coverage", naive, reference, [
        [0.1, 1],
        [0.1, 16],
        [0.5, 4],
      ]),
    ).toBe(true);
    expect(log.lines).toEqual(["✓ coverage: all 3 cases match (tolerance 1e-9)"]);
  });

  test("a wrong answer: returns false and prints ✗ with the first difference at full precision", () => {
    const wrong = (p: number, n: number): number => p * n;
    expect(
      checkAgainst("coverage", wrong, reference, [
        [0.1, 1],
        [0.1, 2],
      ]),
    ).toBe(false);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toBe(
      "✗ coverage: 1 of 2 cases differs (tolerance 1e-9; first: case 2 (0.1, 2): mine 0.2, reference 0.19)",
    );
  });

  test("errors thrown by mine are reported, not thrown; a missing function is a ✗ line", () => {
    const broken = (): number => {
      throw new TypeError("boom");
    };
    expect(checkAgainst("sqrt", broken, Math.sqrt, [[4]])).toBe(false);
    expect(log.lines[0]).toMatch(
      /^✗ sqrt: 1 of 1 case differs .*mine throws TypeError: boom, reference 2\)$/,
    );
    expect(checkAgainst("sqrt", undefined as unknown as () => number, Math.sqrt, [[4]])).toBe(false);
    expect(log.lines[1]).toBe("✗ sqrt: checkAgainst: mine must be a function, got undefined");
  });

  test("both throwing the same class matches; arrays compare elementwise; tolerance is mixed", () => {
    const check = (x: number): number => {
      if (x < 0) throw new RangeError(`f: x must be >= 0, got ${x}`);
      return x;
    };
    expect(checkAgainst("f", check, check, [[-1], [2]])).toBe(true);
    expect(
      checkAgainst(
        "v",
        (n: number) => [n, n + 1e-12],
        (n: number) => [n, n],
        [[1]],
      ),
    ).toBe(true);
    expect(
      checkAgainst(
        "v",
        (n: number) => [n, n + 1e-3],
        (n: number) => [n, n],
        [[1]],
      ),
    ).toBe(false);
    expect(
      checkAgainst(
        "big",
        () => 1e12 + 1,
        () => 1e12,
        [[]],
        { tolerance: 1e-9 },
      ),
    ).toBe(true);
    expect(
      checkAgainst(
        "s",
        () => "a",
        () => "a",
        [[]],
      ),
    ).toBe(true);
  });

  test("mistakes of the notebook's author throw in the house format", () => {
    expect(() => checkAgainst("x", Math.sqrt, Math.sqrt, 5 as unknown as number[][])).toThrow(TypeError);
    expect(() => checkAgainst("x", Math.sqrt, Math.sqrt, [])).toThrow(
      /^checkAgainst: cases must be a non-empty array/,
    );
    expect(() => checkAgainst("x", Math.sqrt, Math.sqrt, [[1]], { tolerance: -1 })).toThrow(RangeError);
    expect(() => checkAgainst("x", Math.sqrt, Math.sqrt, [[1]], { tolerance: -1 })).toThrow(
      /^checkAgainst: options\.tolerance must be a finite number > 0, got -1$/,
    );
    expect(() => checkAgainst("x", Math.sqrt, 3 as unknown as () => number, [[1]])).toThrow(
      /^checkAgainst: reference must be a function, got 3$/,
    );
  });

  test("checkValue prints ✓/✗ and returns a boolean; a non-number is a ✗, not a throw", () => {
    expect(checkValue("c16", 1 - 0.9 ** 16, reference(0.1, 16))).toBe(true);
    expect(checkValue("c16", 0.5, 0.6)).toBe(false);
    expect(checkValue("c16", "0.6" as unknown as number, 0.6)).toBe(false);
    expect(log.lines[0]).toMatch(
      /^✓ c16: 0\.8147 matches 0\.8147 \(\|difference\| [\d.e-]+, allowed 1e-9\)$/,
    );
    expect(log.lines[1]).toBe("✗ c16: 0.5 differs from 0.6 (|difference| 0.1, allowed 1e-9)");
    expect(log.lines[2]).toBe('✗ c16: checkValue: mine must be a number, got "0.6"');
    // The tolerance is relative for large values: 1.2e20 is not 1e21, and the line shows the allowed gap.
    expect(checkValue("big", 1.2e20, 1e21)).toBe(false);
    expect(log.lines[3]).toBe("✗ big: 1.2e+20 differs from 1e+21 (|difference| 8.8e+20, allowed 1e+12)");
    expect(checkValue("big", 1e21 + 1e11, 1e21)).toBe(true);
    expect(() => checkValue("c", 1, 1, 0)).toThrow(
      /^checkValue: tolerance must be a finite number > 0, got 0$/,
    );
  });
});

describe("unanswered exercises are neutral, not failures", () => {
  let log: ReturnType<typeof captureLog>;
  beforeEach(() => (log = captureLog()));
  afterEach(() => log.restore());

  test("checkAgainst: a stub returning undefined or NaN for every case prints one neutral line", () => {
    expect(
      checkAgainst("coverage", (): number => undefined as unknown as number, Math.hypot, [
        [1, 2],
        [3, 4],
      ]),
    ).toBe(false);
    expect(checkAgainst("coverage", () => NaN, Math.hypot, [[1, 2]])).toBe(false);
    expect(log.lines[0]).toBe(
      "✎ your turn: coverage: your function returns nothing yet; replace the placeholder body, then run " +
        "the cell to compare it with the reference on 2 cases",
    );
    expect(log.lines[1]).toMatch(/^✎ your turn: coverage: .* on 1 case$/);
    expect(log.lines.join("\n")).not.toMatch(/✗/);
  });

  test("checkAgainst: an answer that is partly filled in is graded (✗), not 'your turn'", () => {
    const partial = (x: number): number => (x > 2 ? Math.sqrt(x) : (undefined as unknown as number));
    expect(checkAgainst("sqrt", partial, Math.sqrt, [[1], [4]])).toBe(false);
    expect(log.lines[0]).toMatch(/^✗ sqrt: 1 of 2 cases differs/);
  });

  test("checkValue: undefined, null or NaN is 'your turn'; a wrong number is still ✗", () => {
    expect(checkValue("c", undefined as unknown as number, 0.6)).toBe(false);
    expect(checkValue("c", NaN, 0.6)).toBe(false);
    expect(checkValue("c", 0.5, 0.6)).toBe(false);
    expect(log.lines[0]).toBe("✎ your turn: c: no value yet; replace the placeholder, then run the cell");
    expect(log.lines[1]).toBe(log.lines[0]);
    expect(log.lines[2]).toMatch(/^✗ c: 0\.5 differs from 0\.6/);
  });

  test("YOUR_TURN is the start of every neutral line", () => {
    expect(YOUR_TURN).toBe("✎ your turn");
  });
});

describe("checkPrediction(name, prediction, answer)", () => {
  let log: ReturnType<typeof captureLog>;
  beforeEach(() => (log = captureLog()));
  afterEach(() => log.restore());

  const rules = {
    answer: "weighted",
    choices: ["plain best-of-N", "majority", "weighted"],
    explanation: "Weighted 0.69, majority 0.59, plain 0.48.",
  };

  test("unanswered: a neutral line listing the choices, and the answer is not revealed", () => {
    for (const p of [undefined, "", "  ", NaN, null as unknown as undefined]) {
      log.lines.length = 0;
      expect(checkPrediction("best rule", p, rules)).toBe(false);
      if (p === "  ") {
        // whitespace is a prediction that is not one of the choices: still neutral
        expect(log.lines[0]).toBe(
          '✎ your turn: best rule: "  " is not one of "plain best-of-N", "majority", "weighted"; pick one',
        );
        continue;
      }
      expect(log.lines).toEqual([
        '✎ your turn: best rule: write your prediction (one of "plain best-of-N", "majority", "weighted") ' +
          "before running, then run the cell to see the library's answer and why",
      ]);
      expect(log.lines[0]).not.toContain("0.69");
    }
  });

  test("right: ✓ with the explanation; strings match case-insensitively after trimming", () => {
    expect(checkPrediction("best rule", " Weighted ", rules)).toBe(true);
    expect(log.lines[0]).toBe(
      '✓ best rule: you predicted " Weighted ", and the library agrees (its answer: "weighted"). ' +
        "Weighted 0.69, majority 0.59, plain 0.48.",
    );
  });

  test("wrong: ✗ naming the library's answer, with the explanation", () => {
    expect(checkPrediction("best rule", "majority", rules)).toBe(false);
    expect(log.lines[0]).toBe(
      '✗ best rule: you predicted "majority"; the library\'s answer is "weighted". ' +
        "Weighted 0.69, majority 0.59, plain 0.48.",
    );
  });

  test("a prediction outside the choices is not graded", () => {
    expect(checkPrediction("best rule", "wieghted", rules)).toBe(false);
    expect(log.lines[0]).toMatch(/^✎ your turn: best rule: "wieghted" is not one of /);
  });

  test("numbers: within the tolerance is right, outside is wrong; alsoRight accepts ties", () => {
    const limit = { answer: 0.5, tolerance: 0.02, explanation: "p(1 − η) / (p(1 − η) + (1 − p)η)." };
    expect(checkPrediction("plateau", 0.51, limit)).toBe(true);
    expect(checkPrediction("plateau", 0.53, limit)).toBe(false);
    expect(log.lines[1]).toMatch(/^✗ plateau: you predicted 0\.53; the library's answer is 0\.5\. /);
    const tied = {
      answer: "a mix",
      alsoRight: ["all sequential"],
      choices: ["all parallel", "a mix", "all sequential"],
      explanation: "tied",
    };
    expect(checkPrediction("split", "all sequential", tied)).toBe(true);
    expect(checkPrediction("split", "all parallel", tied)).toBe(false);
    // a number and a string match when their text does
    expect(checkPrediction("level", 3, { answer: "3", choices: [1, 2, 3, 4, 5], explanation: "x" })).toBe(
      true,
    );
  });

  test("mistakes of the notebook's author throw in the house format", () => {
    expect(() => checkPrediction("", "a", { answer: "a", explanation: "x" })).toThrow(
      /^checkPrediction: name must be a non-empty string, got ""$/,
    );
    expect(() => checkPrediction("n", "a", undefined as unknown as PredictionAnswer)).toThrow(
      /^checkPrediction: answer must be an object, got undefined$/,
    );
    expect(() => checkPrediction("n", "a", { answer: NaN, explanation: "x" })).toThrow(
      /^checkPrediction: answer\.answer must be a string or a finite number, got NaN$/,
    );
    expect(() => checkPrediction("n", "a", { answer: "a", explanation: "" })).toThrow(RangeError);
    expect(() => checkPrediction("n", 1, { answer: 1, tolerance: -1, explanation: "x" })).toThrow(
      /^checkPrediction: answer\.tolerance must be a finite number >= 0, got -1$/,
    );
    expect(() => checkPrediction("n", "a", { answer: "a", choices: ["b", "c"], explanation: "x" })).toThrow(
      /^checkPrediction: answer\.choices must be an array that includes the answer "a", got \["b", "c"\]$/,
    );
    expect(() => checkPrediction("n", "a", { answer: "a", choices: [], explanation: "x" })).toThrow(
      RangeError,
    );
    expect(() =>
      checkPrediction("n", "a", { answer: "a", alsoRight: [{}] as unknown as string[], explanation: "x" }),
    ).toThrow(/^checkPrediction: answer\.alsoRight\[0\] must be a string or a finite number/);
  });
});

// ---------------------------------------------------------------------------
// Outside a kernel
// ---------------------------------------------------------------------------

describe("outside a kernel (jest)", () => {
  test("isKernel() is false", () => {
    expect(isKernel()).toBe(false);
  });

  test("show, showTable, showMarkdown, displayBundle and progress are silent no-ops returning undefined", () => {
    const log = captureLog();
    const fig: Figure = { data: [{ y: [1, 2] }] };
    expect(show(fig)).toBeUndefined();
    expect(showTable([{ a: 1 }])).toBeUndefined();
    expect(showMarkdown("**hi**")).toBeUndefined();
    expect(displayBundle({ "text/plain": "x" })).toBeUndefined();
    const bar = progress(3, "work");
    expect(bar.tick()).toBeUndefined();
    expect(bar.tick(2)).toBeUndefined();
    expect(bar.done()).toBeUndefined();
    expect(bar.done()).toBeUndefined();
    log.restore();
    expect(log.lines).toEqual([]);
  });

  test("they still validate their arguments", () => {
    expect(() => show({} as Figure)).toThrow(/^show: fig\.data must be an array of traces, got undefined$/);
    expect(() => showTable([1 as unknown as object])).toThrow(
      /^showTable: rows\[0\] must be an object, got 1$/,
    );
    expect(() => showMarkdown(3 as unknown as string)).toThrow(/^showMarkdown: md must be a string, got 3$/);
    expect(() => progress(0)).toThrow(RangeError);
    expect(() => progress(2).tick(-1)).toThrow(/^progress\.tick: n must be an integer >= 0, got -1$/);
    expect(() => displayBundle({})).toThrow(RangeError);
    expect(() => displayBundle({ plain: "x" })).toThrow(TypeError);
  });

  test("versions() reports this package, node, and the kernel's TypeScript and tslab", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
      version: string;
    };
    const v = versions();
    expect(v.ttcWorkbook).toBe(pkg.version);
    expect(v.node).toBe(process.version);
    expect(v.typescript).toMatch(/^5\.0\./);
    expect(v.tslab).toMatch(/^\d+\.\d+\.\d+/);
  });
});

// ---------------------------------------------------------------------------
// A simulated kernel
// ---------------------------------------------------------------------------

interface Sent {
  content: { data: MimeBundle; metadata: Record<string, unknown>; transient: { display_id?: string } };
  update: boolean;
}

describe("in a simulated tslab kernel", () => {
  let fakeRoot: string;
  let fakeJupyter: string;
  let fake: { lastWriteDisplayData: unknown } | undefined;
  const savedInline = process.env["TTC_PLOTLY_INLINE"];

  beforeAll(() => {
    fakeRoot = fs.mkdtempSync(path.join(os.tmpdir(), "ttc-fake-kernel-"));
    fakeJupyter = path.join(fakeRoot, "node_modules", "tslab", "dist", "jupyter.js");
    fs.mkdirSync(path.dirname(fakeJupyter), { recursive: true });
    fs.writeFileSync(fakeJupyter, "exports.lastWriteDisplayData = null;\n");
    fs.writeFileSync(
      path.join(fakeRoot, "node_modules", "tslab", "package.json"),
      '{"name":"tslab","version":"9.9.9"}\n',
    );
  });

  afterEach(() => {
    if (fake) fake.lastWriteDisplayData = null;
    fake = undefined;
    if (savedInline === undefined) delete process.env["TTC_PLOTLY_INLINE"];
    else process.env["TTC_PLOTLY_INLINE"] = savedInline;
  });

  afterAll(() => {
    fs.rmSync(fakeRoot, { recursive: true, force: true });
  });

  /** A fresh display module (its once-per-process state reset) and a recorder installed as tslab's writer. */
  function kernel(): { display: DisplayModule; sent: Sent[] } {
    jest.resetModules();
    fake = jest.requireActual<{ lastWriteDisplayData: unknown }>(fakeJupyter);
    const sent: Sent[] = [];
    fake.lastWriteDisplayData = (content: Sent["content"], update: boolean) => sent.push({ content, update });
    return { display: jest.requireActual<DisplayModule>("../lib/display"), sent };
  }

  const chart: Figure = {
    data: [{ type: "scatter", name: "a", x: [1, 2], y: [3, 4] }],
    layout: { title: { text: "A" } },
  };
  const isLoader = (s: Sent): boolean =>
    String(s.content.data["text/plain"]).includes("plotly.js") &&
    String(s.content.data["text/plain"]).includes("loader");

  test("isKernel() sees the writer", () => {
    const { display } = kernel();
    expect(display.isKernel()).toBe(true);
  });

  test("the plotly.js loader is sent exactly once across two show() calls, before the first chart", () => {
    const { display, sent } = kernel();
    expect(display.show(chart)).toBeUndefined();
    display.show({ ...chart, layout: { title: { text: "B" } } });
    expect(sent).toHaveLength(3);
    expect(sent.filter(isLoader)).toHaveLength(1);
    const loader = sent[0] as Sent;
    expect(isLoader(loader)).toBe(true);
    const html = loader.content.data["text/html"] as string;
    expect(html.length).toBeGreaterThan(1_000_000); // the whole plotly.min.js
    expect(html.startsWith('<script type="text/javascript">if (!window.Plotly) {')).toBe(true);
    expect(html).toContain('window.dispatchEvent(new Event("ttc:plotly-ready"))');
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    // The loader is valid JavaScript (compiled, not run: plotly.js needs a browser).
    expect(
      () => new vm.Script(html.slice('<script type="text/javascript">'.length, -"</script>".length)),
    ).not.toThrow();
    for (const s of sent.slice(1)) {
      expect(s.update).toBe(false);
      expect(Object.keys(s.content.data).sort()).toEqual([PLOTLY_MIME, "text/html", "text/plain"]);
      expect(typeof s.content.data[PLOTLY_MIME]).toBe("object");
    }
    expect(sent[1]?.content.data["text/plain"]).toBe('Figure "A": 1 trace (scatter "a")');
    expect(sent[2]?.content.data["text/plain"]).toBe('Figure "B": 1 trace (scatter "a")');
  });

  test("TTC_PLOTLY_INLINE=0 skips the loader (and a later show without it sends it)", () => {
    const { display, sent } = kernel();
    process.env["TTC_PLOTLY_INLINE"] = "0";
    display.show(chart);
    display.show(chart);
    expect(sent).toHaveLength(2);
    expect(sent.filter(isLoader)).toHaveLength(0);
    delete process.env["TTC_PLOTLY_INLINE"];
    display.show(chart);
    expect(sent.filter(isLoader)).toHaveLength(1);
  });

  test("uses the writer of the current cell (tslab replaces it at each execute request)", () => {
    const { display, sent } = kernel();
    display.showMarkdown("first");
    const second: Sent[] = [];
    if (fake)
      fake.lastWriteDisplayData = (content: Sent["content"], update: boolean) =>
        second.push({ content, update });
    display.showMarkdown("second");
    expect(sent.map((s) => s.content.data["text/markdown"])).toEqual(["first"]);
    expect(second.map((s) => s.content.data["text/markdown"])).toEqual(["second"]);
  });

  test("showTable and showMarkdown send their MIME bundles", () => {
    const { display, sent } = kernel();
    display.showTable([{ a: "<x>" }], { caption: "c" });
    display.showMarkdown("**42**");
    expect(Object.keys(sent[0]?.content.data ?? {}).sort()).toEqual(["text/html", "text/plain"]);
    expect(sent[0]?.content.data["text/html"]).toContain("&lt;x&gt;");
    expect(sent[1]?.content.data).toEqual({ "text/markdown": "**42**", "text/plain": "**42**" });
  });

  test("progress: one display with a display_id, then throttled in-place updates, and one at done()", () => {
    const { display, sent } = kernel();
    let now = 1_000_000;
    const clock = jest.spyOn(Date, "now").mockImplementation(() => now);
    try {
      const bar = display.progress(1000, "trials");
      for (let i = 0; i < 100; i++) bar.tick(); // within 100 ms: no update
      expect(sent).toHaveLength(1);
      now += 150;
      bar.tick(); // now one update
      for (let i = 0; i < 50; i++) bar.tick(); // throttled again
      now += 2000;
      bar.done();
      bar.done(); // idempotent
      bar.tick(); // ignored after done
      expect(sent).toHaveLength(3);
    } finally {
      clock.mockRestore();
    }
    const first = sent[0] as Sent;
    const id = first.content.transient.display_id;
    expect(id).toMatch(/^ttc-progress-/);
    expect(first.update).toBe(false);
    expect(first.content.data["text/plain"]).toBe("trials: 0 / 1000 (0%) — elapsed 0.0 s");
    expect(sent.slice(1).map((s) => [s.update, s.content.transient.display_id])).toEqual([
      [true, id],
      [true, id],
    ]);
    expect(sent[1]?.content.data["text/plain"]).toBe("trials: 101 / 1000 (10%) — elapsed 0.1 s");
    expect(sent[2]?.content.data["text/plain"]).toBe("trials: 151 / 1000 (15%) — elapsed 2.1 s");
    expect(sent[2]?.content.data["text/html"]).toContain('<progress value="151" max="1000"');
  });

  test("checkAgainst shows a mine / reference / |difference| table and prints the verdict", () => {
    const { display, sent } = kernel();
    const log = captureLog();
    try {
      display.checkAgainst(
        "double",
        (n: number) => 2 * n,
        (n: number) => n + n,
        [[1], [2.5]],
      );
    } finally {
      log.restore();
    }
    expect(sent).toHaveLength(1);
    const text = sent[0]?.content.data["text/plain"] as string;
    expect(text.split("\n")[1]).toMatch(/^case\s+mine\s+reference\s+\|difference\|\s+match$/);
    expect(text).toContain("(2.5)");
    expect(log.lines).toEqual(["✓ double: all 2 cases match (tolerance 1e-9)"]);
  });

  test("versions() prefers the running tslab; showVersions() shows a table", () => {
    const { display, sent } = kernel();
    const v = display.versions();
    expect(v.tslab).toBe("9.9.9");
    expect(sent).toHaveLength(0);
    expect(display.showVersions()).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.content.data["text/plain"]).toContain("tslab");
  });
});

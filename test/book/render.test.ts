/**
 * The book's renderer (scripts/book/*.js) without a browser or a kernel:
 * escaping of chart JSON, what each kind of output becomes, markdown and
 * math, the code highlighter and its API links, chapter titles and times,
 * link rewriting, and that the build judges notebook runs exactly as the
 * notebook tests do.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { figureBundle, tableBundle } from "../../lib/display";
import { highlightTs } from "../../scripts/book/highlight";
import { createMarkdown } from "../../scripts/book/markdown";
import {
  chapterInfo,
  isInertHtml,
  isNavCell,
  PLOTLY_MIME,
  renderChapter,
  rewriteLink,
  scriptJson,
  type NotebookLike,
} from "../../scripts/book/render";
import { parseArgs } from "../../scripts/book/build";
import { REPO_ROOT } from "../../scripts/jupyter";
import { notebookFailures, type RunnerReport } from "../../scripts/notebooks/runner";

const EVIL = "</script><script>alert(1)</script>";

/** An executed-notebook fixture: a markdown title cell, then the given cells. */
function notebook(cells: Record<string, unknown>[]): NotebookLike {
  return {
    cells: [{ cell_type: "markdown", source: "# 99 · Fixture\n\n**Time:** about 3 minutes." }, ...cells],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
}

function codeCell(source: string, outputs: Record<string, unknown>[]): Record<string, unknown> {
  return { cell_type: "code", source, outputs, execution_count: null, metadata: {} };
}

function display(data: Record<string, unknown>): Record<string, unknown> {
  return { output_type: "display_data", data, metadata: {} };
}

function render(nb: NotebookLike, apiLinks = new Map<string, string>()) {
  return renderChapter({
    nb,
    name: "99-fixture",
    prev: { name: "98-before", title: "Before" },
    next: null,
    chapters: new Set(["98-before", "99-fixture"]),
    apiLinks,
  });
}

/** The inline scripts of a page, as the HTML parser would split them (up to the first `</script`). */
function scripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script/gi)].map((m) => m[1] ?? "");
}

describe("scriptJson", () => {
  test("leaves no '<' and no raw U+2028/U+2029, and parses back to the same value", () => {
    const value = {
      title: EVIL,
      sep: "a\u2028b\u2029c",
      comment: "<!-- x -->",
      nested: [{ s: "</SCRIPT>" }],
    };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
    // It is also a JavaScript expression with the same value (what the page evaluates).
    expect(new Function(`return ${json};`)()).toEqual(value);
  });
});

describe("renderChapter: outputs", () => {
  const chart = figureBundle(
    {
      data: [{ type: "scatter", x: [1, 2], y: [3, 4], name: EVIL }],
      layout: { title: { text: EVIL }, height: 320 },
    },
    "plot-1",
  );
  const loader = {
    "text/html": '<script type="text/javascript">if (!window.Plotly) {\n/* plotly.js */\n}</script>',
    "text/plain": "plotly.js 4.1.2 loader (sent once per kernel; draws the charts in this notebook)",
  };
  const table = tableBundle([{ n: 1, "a<b": "x & y" }], { caption: "cap <i>" });
  const nb = notebook([
    codeCell("ttc.show(fig);", [display(loader), display(chart)]),
    codeCell("ttc.showTable(rows);", [display(table)]),
    codeCell('ttc.displayBundle({"text/html": "<script>alert(2)</script>"});', [
      display({ "text/html": "<b>hi</b><script>alert(2)</script>", "text/plain": "hi (plain)" }),
    ]),
    codeCell("console.log(1)", [
      { output_type: "stream", name: "stdout", text: ["a <b>\n", "\u001b[31mred\u001b[0m\n"] },
      { output_type: "stream", name: "stdout", text: "same block\n" },
    ]),
    codeCell("ttc.showMarkdown(md);", [
      display({ "text/markdown": "**bold** and $x^2$", "text/plain": "x" }),
    ]),
  ]);
  const page = render(nb);

  test("a chart becomes one div and one Plotly.newPlot call whose JSON cannot end the script", () => {
    expect(page.charts).toBe(1);
    expect(page.html).toContain('<div class="output-chart" id="chart-1" style="height:320px"');
    const calls = scripts(page.html).filter((s) => s.includes('ttcBookPlot("chart-1"'));
    expect(calls).toHaveLength(1);
    const call = calls[0] ?? "";
    // The whole figure is inside the one script, and evaluates to the notebook's JSON.
    const json = call.slice(call.indexOf(", ") + 2, call.lastIndexOf(");"));
    expect(JSON.parse(json)).toEqual(chart[PLOTLY_MIME]);
    expect(page.html).not.toContain("<script>alert(1)");
  });

  test("the page's scripts are exactly: plotly.min.js, the plot function, one per chart", () => {
    const tags = page.html.match(/<script\b[^>]*>/gi) ?? [];
    expect(tags).toEqual(['<script src="plotly.min.js">', "<script>", "<script>"]);
  });

  test("the plotly.js loader output is dropped and the notebook's own chart HTML is not used", () => {
    expect(page.html).not.toContain("/* plotly.js */");
    expect(page.html).not.toContain("ttc:plotly-ready");
    expect(page.html).not.toContain("trust the notebook");
  });

  test("library tables are inlined as they are (already escaped)", () => {
    expect(page.html).toContain(`<div class="output-html">${table["text/html"] as string}</div>`);
    expect(page.html).toContain("a&lt;b");
  });

  test("text/html with a script is shown as its text/plain, with a warning", () => {
    expect(page.html).not.toContain("alert(2)</script>");
    expect(page.html).toContain('<pre class="output-text">hi (plain)</pre>');
    expect(page.warnings).toEqual([
      expect.stringMatching(/99-fixture cell 3: a text\/html output with active content/),
    ]);
  });

  test("stream outputs are escaped, lose ANSI codes, and consecutive writes merge", () => {
    expect(page.html).toContain('<pre class="output-stream">a &lt;b&gt;\nred\nsame block\n</pre>');
  });

  test("text/markdown outputs are rendered, math included", () => {
    expect(page.html).toMatch(
      /<div class="output-markdown"><p><strong>bold<\/strong> and <span class="katex">/,
    );
  });

  test("isInertHtml accepts tables and rejects active content", () => {
    expect(isInertHtml(table["text/html"] as string)).toBe(true);
    for (const bad of [
      "<script>x</script>",
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      "<iframe src=x>",
      "<style>body{}</style>",
    ]) {
      expect(isInertHtml(bad)).toBe(false);
    }
  });
});

describe("renderChapter: navigation, links, code", () => {
  const nb = notebook([
    { cell_type: "markdown", source: "[← 98 Before](98-before.ipynb) · [Contents](../README.md#chapters)" },
    {
      cell_type: "markdown",
      source:
        "See [before](98-before.ipynb#Some-heading), [the README](../README.md#chapters), [lib](../lib/x.ts).",
    },
    codeCell("const a = ttc.coverage(0.1, 4);\nconst b = ttc.coverage(0.2, 4) + ttc.nope(1);", []),
    codeCell("ttc.coverage(0.3, 2); ttc.passAtK(5, 1, 2);", []),
  ]);
  const links = new Map([
    ["coverage", "api/functions/coverage.html"],
    ["passAtK", "api/functions/passAtK.html"],
  ]);
  const page = render(nb, links);

  test("the notebook's navigation cell is replaced by the page's own navigation", () => {
    expect(page.html).not.toContain("98-before.ipynb");
    expect(page.html).toContain('<a class="prev" rel="prev" href="98-before.html"');
    expect(page.html).toContain('href="index.html#chapters">Contents</a>');
  });

  test("chapter, README and repository links are rewritten for the book's folder", () => {
    expect(page.html).toContain('<a href="98-before.html#Some-heading">before</a>');
    expect(page.html).toContain('<a href="index.html#chapters">the README</a>');
    expect(page.html).toContain('<a href="../../lib/x.ts">lib</a>');
  });

  test("each ttc.<name> is linked to its API page once per page, and unknown names are not", () => {
    expect(page.html.match(/href="api\/functions\/coverage.html"/g)).toHaveLength(1);
    expect(page.html.match(/href="api\/functions\/passAtK.html"/g)).toHaveLength(1);
    expect(page.html).not.toContain("api/functions/nope.html");
  });

  test("chapterInfo reads the title and the stated time, and computes the minutes from the cells", () => {
    // The fixture states 3 minutes; the book shows what the chapter's words and code lines give
    // (scripts/reading-time.js rounds up to 5 minutes), never the stated number.
    expect(chapterInfo(nb, "99-fixture")).toEqual({
      title: "99 · Fixture",
      time: "about 3 minutes",
      minutes: 5,
    });
    const wordy = notebook([{ cell_type: "markdown", source: Array(3000).fill("word").join(" ") }]);
    expect(chapterInfo(wordy, "99-fixture").minutes).toBe(20); // 3000+ words at 200 a minute: 15+, rounded up
    const long = notebook([]);
    (long.cells[0] as { source: string }).source =
      "# 04 · *The* math\n\n**Prerequisites:** none. **Time:** about 8 minutes to read; longer with the\nexercises.\n";
    expect(chapterInfo(long, "04-the-math")).toMatchObject({
      title: "04 · The math",
      time: "about 8 minutes to read; longer with the exercises",
    });
    const none = notebook([]);
    (none.cells[0] as { source: string }).source = "# 05 · No time";
    expect(chapterInfo(none, "05-x")).toEqual({ title: "05 · No time", time: null, minutes: 5 });
    expect(chapterInfo({ cells: [] }, "05-x").minutes).toBeNull();
  });

  test("isNavCell recognises only the generated navigation line", () => {
    expect(isNavCell("[Contents](../README.md#chapters)")).toBe(true);
    expect(isNavCell("[← 01 A](01-a.ipynb) · [Contents](../README.md#chapters) · [03 B →](03-b.ipynb)")).toBe(
      true,
    );
    expect(isNavCell("Go to the [Contents](../README.md#chapters) now.")).toBe(false);
  });

  test("rewriteLink warns about links to chapters the book does not have", () => {
    const warnings: string[] = [];
    expect(rewriteLink("02-missing.ipynb", new Set(["01-a"]), warnings, "01-a cell 3")).toBe(
      "02-missing.html",
    );
    expect(warnings).toEqual(["01-a cell 3: link to 02-missing.ipynb, a chapter this book does not have"]);
    expect(rewriteLink("https://example.org/a.ipynb", new Set(), warnings, "")).toBe(
      "https://example.org/a.ipynb",
    );
  });
});

describe("markdown and math", () => {
  const md = createMarkdown();
  const renderMd = (src: string) => {
    const warnings: string[] = [];
    return { html: md.render(src, { warnings, where: "test" }), warnings };
  };

  test("$…$ and $$…$$ become KaTeX; `_` inside math is not emphasis", () => {
    const { html, warnings } = renderMd("Let $x_1 + y_1$ be.\n\n$$C_\\text{train} \\approx 6 N D.$$");
    expect(warnings).toEqual([]);
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    expect(html).toContain('<span class="katex-display">');
    expect(html).not.toContain("<em>");
    expect(html).toContain('<annotation encoding="application/x-tex">x_1 + y_1</annotation>');
  });

  test("a display formula over several lines stays one formula, even with a line starting '- '", () => {
    const { html } = renderMd("$$a = b\n- c\n= d$$");
    expect(html.match(/class="katex-display"/g)).toHaveLength(1);
    expect(html).not.toContain("<li>");
    expect(html).toContain("a = b\n- c\n= d</annotation>");
  });

  test("dollars that are not math stay text: prices, escaped dollars, code spans", () => {
    const { html } = renderMd("It costs $5 and $10. A \\$ sign. `const s = $x$;`");
    expect(html).not.toContain("katex");
    expect(html).toContain("It costs $5 and $10. A $ sign. <code>const s = $x$;</code>");
  });

  test("TeX that KaTeX cannot parse is shown as source and reported", () => {
    const { html, warnings } = renderMd("Broken $\\frac{a$ here.");
    expect(html).toContain('<span class="math-error"');
    expect(html).toContain("$\\frac{a$</span>");
    expect(warnings).toEqual([expect.stringMatching(/^test: KaTeX could not render "\\\\frac\{a"/)]);
  });

  test("raw HTML in markdown is escaped, headings get Jupyter-style ids", () => {
    const { html } = renderMd("# Setup: the `ttc` library\n\n<script>alert(1)</script>");
    expect(html).toContain('<h1 id="Setup:-the-ttc-library">');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("highlightTs", () => {
  test("escapes everything and classes keywords, strings, numbers, comments", () => {
    const html = highlightTs(
      'const m = new Map<number, string>(); // a <b>\nconst s = `x ${1 + 2}` + "q\\"";',
    );
    expect(html).toContain('<span class="tok-kw">const</span>');
    expect(html).toContain('Map&lt;<span class="tok-kw">number</span>');
    expect(html).toContain('<span class="tok-com">// a &lt;b&gt;</span>');
    expect(html).toContain('<span class="tok-str">`x ${</span><span class="tok-num">1</span>');
    expect(html).toContain('<span class="tok-str">&quot;q\\&quot;&quot;</span>');
    expect(html).not.toMatch(/<(?!\/?(span|a)\b)/);
  });

  test("the text is unchanged once the markup is removed", () => {
    const code = "const a = ttc.coverage(0.1, 1e-3) /* c */ ?? 'x' + `${ttc.coverage(1, 2)}`;\n";
    const html = highlightTs(code, { apiLinks: new Map([["coverage", "api/functions/coverage.html"]]) });
    const plain = html
      .replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
    expect(plain).toBe(code);
  });
});

describe("the build judges a notebook run exactly as the notebook tests do", () => {
  const report: RunnerReport = {
    notebook: "notebooks/99-fixture.ipynb",
    kernel_name: "tslab",
    error: "CellTimeoutError: cell 7 took too long",
    kernel_start_seconds: 1,
    total_seconds: 3,
    kernel_pid: null,
    cells: [
      {
        index: 1,
        first_line: "ttc.coverage(2, 1)",
        status: "error",
        seconds: 0.1,
        stderr: "oops\n".repeat(9),
        errors: [{ ename: "RangeError", evalue: "coverage: p must be …", traceback: [] }],
        output_count: 2,
        output_types: ["stream:stderr", "error"],
        mime_types: [],
        bad_values: [],
      },
      ...["abort", "unfinished", "not-run", "empty", "weird", "ok"].map((status, k) => ({
        index: k + 2,
        first_line: `cell ${k + 2}`,
        status,
        seconds: null,
        stderr: "",
        errors: [],
        output_count: 0,
        output_types: [],
        mime_types: [],
        bad_values: [],
      })),
    ],
  };

  test("one judge: build.js takes its verdict from scripts/notebooks/runner.js and has no rules of its own", () => {
    const build = readFileSync(join(REPO_ROOT, "scripts", "book", "build.js"), "utf8");
    expect(build).toMatch(/require\("\.\.\/notebooks\/runner"\)/);
    expect(build).not.toMatch(/status !== "ok"|\.stderr\b|bad_values/);
  });

  test("same messages, naming the notebook and each cell", () => {
    const mine = notebookFailures(report);
    expect(mine).toHaveLength(9); // the run, cell 1 three times, five bad statuses
    expect(mine[1]).toBe('notebooks/99-fixture.ipynb cell 1 (`ttc.coverage(2, 1)`): status "error"');
  });

  test("a clean run has no failures", () => {
    const clean = { ...report, error: null, cells: report.cells.slice(-1) };
    expect(notebookFailures(clean)).toEqual([]);
  });
});

describe("build.js arguments", () => {
  test("parses the options and rejects unknown ones", () => {
    const o = parseArgs(["--jobs", "3", "--skip-api", "--skip-dist", "--out", "/tmp/x"]);
    expect(o).toMatchObject({ jobs: 3, skipApi: true, skipDist: true, out: "/tmp/x" });
    expect(() => parseArgs(["--jobs", "0"])).toThrow(/--jobs must be an integer >= 1/);
    expect(() => parseArgs(["--frobnicate"])).toThrow(/unknown argument --frobnicate/);
    expect(() => parseArgs(["--out"])).toThrow(/--out needs a value/);
  });
});

// @ts-check
/**
 * Rendering executed notebooks into the book's HTML pages. Pure functions
 * (no file system): build.js feeds them notebooks and writes what they return.
 *
 * What becomes what:
 * - markdown cells → HTML (markdown.js: markdown-it, KaTeX math at build time);
 *   the "← prev · Contents · next →" navigation cell is replaced by the page's
 *   own navigation; links to chapter notebooks point to their pages.
 * - code cells → their source, escaped and highlighted (highlight.js), with the
 *   first `ttc.<name>` of each name linked to its API page.
 * - outputs, in the order they came:
 *   - stream → `<pre>` (ANSI colour codes removed);
 *   - a chart bundle (`application/vnd.plotly.v1+json`) → a `<div>` drawn by
 *     `Plotly.newPlot(div, data, layout, config)` from the JSON, embedded in an
 *     inline script with `<`, U+2028 and U+2029 escaped (so no text in a figure
 *     can close the script), using the one shared plotly.min.js of the book;
 *   - the plotly.js loader output (the whole library inlined for Jupyter) → dropped;
 *   - `text/html` from the library (tables) → inlined, unless it carries a
 *     script, an event handler or a `javascript:` URL (then its text/plain is
 *     shown and a warning raised);
 *   - `text/markdown` → rendered like a markdown cell; images → `<img>`;
 *     otherwise `text/plain` → `<pre>`;
 *   - error outputs → `<pre class="output-error">` (a book build fails before
 *     it gets here, but the renderer does not hide them).
 */
"use strict";

const { createMarkdown, escapeHtml } = require("./markdown");
const { highlightTs } = require("./highlight");
const { readingTime, WORDS_PER_MINUTE, CODE_LINES_PER_MINUTE } = require("../reading-time");

/**
 * One output of an executed notebook (nbformat 4), loosely typed: fields are checked at run time.
 * `text` is a stream's text (a string or a list of lines); `data` maps MIME type → content.
 * @typedef {{
 *   output_type?: string, name?: string, text?: unknown, ename?: string, evalue?: string,
 *   traceback?: string[], data?: Record<string, unknown>, [key: string]: unknown
 * }} NotebookOutput
 */

/**
 * One cell of a notebook, loosely typed.
 * @typedef {{ cell_type?: string, source?: unknown, outputs?: NotebookOutput[], [key: string]: unknown }} NotebookCell
 */

/**
 * An nbformat 4 notebook, loosely typed (cells are checked at run time).
 * @typedef {{ cells: NotebookCell[], [key: string]: unknown }} NotebookLike
 */

/**
 * A chapter as the navigation needs it.
 * @typedef {{ name: string, title: string }} ChapterRef
 */

/**
 * What renderChapter returns.
 * @typedef {{ html: string, charts: number, sliders: number, warnings: string[], title: string }} RenderedChapter
 */

/** @type {"application/vnd.plotly.v1+json"} */
const PLOTLY_MIME = "application/vnd.plotly.v1+json";
const CHART_PLACEHOLDER_CLASS = "chart-placeholder";
const DEFAULT_CHART_HEIGHT = 450;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/**
 * nbformat text: a string or a list of lines.
 * @param {unknown} value
 * @returns {string}
 */
function text(value) {
  if (Array.isArray(value)) return value.map(String).join("");
  return typeof value === "string" ? value : "";
}

/**
 * JSON that is safe inside an inline `<script>`: `<` becomes `\u003c` (so
 * neither `</script>` nor `<!--` can appear), and U+2028/U+2029 are escaped.
 * The result is still valid JSON and a valid JavaScript expression.
 * @param {unknown} value
 * @returns {string}
 */
function scriptJson(value) {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Short chapter label from its file name: "03-the-idea" → "03 · The idea".
 * @param {string} name
 * @returns {string}
 */
function shortTitle(name) {
  const [num, ...words] = name.split("-");
  const rest = words.join(" ");
  return `${num} · ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

/**
 * Markdown source → plain text for titles (drops emphasis marks, code ticks, links' targets).
 * @param {string} markdown
 * @returns {string}
 */
function plainText(markdown) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Title and reading time of a chapter: the `# ` heading of its first markdown
 * cell, the sentence after `**Time:**` there, and the minutes computed from
 * its words and code lines by scripts/reading-time.js.
 * @param {NotebookLike} nb
 * @param {string} name
 * @returns {{title: string, time: string | null, minutes: number | null}}
 */
function chapterInfo(nb, name) {
  const first = (nb.cells ?? []).find((c) => c.cell_type === "markdown");
  const src = first ? text(first.source) : "";
  const heading = /^#\s+(.+)$/m.exec(src);
  const title = heading?.[1] ? plainText(heading[1]) : shortTitle(name);
  const timeMatch = /\*\*Time:\*\*\s*([\s\S]*?)(?:\.(?:\s|$)|\n\s*\n|$)/.exec(src);
  const time = timeMatch ? plainText(timeMatch[1] ?? "") || null : null;
  // The minutes are computed from the chapter itself (scripts/reading-time.js), never parsed from
  // prose; test/reading-time.test.ts checks that the chapter states the same number.
  const minutes =
    nb.cells && nb.cells.length > 0
      ? readingTime(nb.cells.map((c) => ({ cell_type: c.cell_type ?? "", source: text(c.source) }))).minutes
      : null;
  return { title, time, minutes };
}

/**
 * The navigation cell the notebook generator writes ("[← …](…) · [Contents](../README.md#chapters) · …").
 * @param {string} source
 * @returns {boolean}
 */
function isNavCell(source) {
  const s = source.trim();
  return /\]\(\.\.\/README\.md#chapters\)/.test(s) && /^(?:\[[^\]]*\]\([^)\s]*\)\s*(?:·\s*)?)+$/.test(s);
}

const CHAPTER_LINK = /^(\d\d-[a-z0-9-]+)\.ipynb(#.*)?$/;

/**
 * Link targets as the book needs them (pages live in build/book/, notebooks
 * link relative to notebooks/): a chapter notebook → its page; the README's
 * chapter list → the book's contents; another `../path` in the repository →
 * the same file in the checkout (two folders up); anything else unchanged.
 * @param {string} href
 * @param {Set<string>} chapters names in this book
 * @param {string[]} warnings collects links to chapters the book does not have
 * @param {string} where
 * @returns {string}
 */
function rewriteLink(href, chapters, warnings, where) {
  const chapter = CHAPTER_LINK.exec(href);
  if (chapter?.[1]) {
    if (!chapters.has(chapter[1]))
      warnings.push(`${where}: link to ${href}, a chapter this book does not have`);
    return `${chapter[1]}.html${chapter[2] ?? ""}`;
  }
  if (/^\.\.\/README\.md#chapters$/.test(href)) return "index.html#chapters";
  if (href.startsWith("../")) return `../../${href.slice(3)}`;
  return href;
}

/**
 * HTML that a library output may inline: no scripts, frames, event handlers or javascript: URLs.
 * @param {string} html
 * @returns {boolean}
 */
function isInertHtml(html) {
  return !/<\s*(script|iframe|object|embed|link|meta|style|base|form)\b|\son[a-z]+\s*=|javascript:/i.test(
    html,
  );
}

/**
 * The plotly.js loader output that the library's display code sends before the first chart of a kernel.
 * @param {Record<string, unknown>} data
 * @returns {boolean}
 */
function isPlotlyLoader(data) {
  if (data[PLOTLY_MIME] !== undefined) return false;
  const html = text(data["text/html"]);
  const plain = text(data["text/plain"]);
  return /<script/i.test(html) && (/plotly\.js.*loader/i.test(plain) || /window\.Plotly/.test(html));
}

/**
 * Book chrome shared by every page.
 * @param {{title: string, body: string, head?: string, bodyClass?: string}} parts
 * @returns {string}
 */
function page({ title, body, head = "", bodyClass = "" }) {
  return (
    "<!doctype html>\n" +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n` +
    '<link rel="stylesheet" href="katex/katex.min.css">\n' +
    '<link rel="stylesheet" href="book.css">\n' +
    head +
    `</head>\n<body${bodyClass ? ` class="${bodyClass}"` : ""}>\n${body}\n</body>\n</html>\n`
  );
}

/** Draws one chart; defined once per page, called by each chart's inline script. */
const PLOT_FUNCTION =
  "<script>\n" +
  "function ttcBookPlot(id, fig) {\n" +
  "  var el = document.getElementById(id);\n" +
  "  if (!el) return;\n" +
  "  if (!window.Plotly) {\n" +
  '    el.firstChild.textContent = "This chart needs plotly.min.js next to this page, and it did not load.";\n' +
  "    return;\n" +
  "  }\n" +
  '  el.innerHTML = "";\n' +
  "  var config = Object.assign({ responsive: true, displaylogo: false }, fig.config || {});\n" +
  "  window.Plotly.newPlot(el, fig.data, fig.layout || {}, config);\n" +
  "}\n" +
  "</script>\n";

/**
 * The chapter navigation bar.
 * @param {ChapterRef | null} prev
 * @param {ChapterRef | null} next
 * @param {string} notebookHref link to the executed notebook, or "" for none
 * @param {"top" | "bottom"} where
 * @returns {string}
 */
function navBar(prev, next, notebookHref, where) {
  /** @type {(ch: ChapterRef, rel: string, label: string) => string} */
  const link = (ch, rel, label) =>
    `<a class="${rel}" rel="${rel}" href="${escapeHtml(ch.name)}.html" title="${escapeHtml(ch.title)}">${label}</a>`;
  return (
    `<nav class="book-nav book-nav-${where}" aria-label="Chapters">` +
    (prev ? link(prev, "prev", `← ${escapeHtml(shortTitle(prev.name))}`) : '<span class="prev"></span>') +
    '<span class="middle"><a class="contents" href="index.html#chapters">Contents</a>' +
    ' · <a class="api" href="api/index.html">API reference</a>' +
    (notebookHref
      ? ` · <a class="notebook" href="${escapeHtml(notebookHref)}" download>notebook (.ipynb)</a>`
      : "") +
    "</span>" +
    (next ? link(next, "next", `${escapeHtml(shortTitle(next.name))} →`) : '<span class="next"></span>') +
    "</nav>"
  );
}

/**
 * Renders one executed notebook as a chapter page.
 * @param {object} args
 * @param {NotebookLike} args.nb the executed notebook (nbformat 4)
 * @param {string} args.name file name without .ipynb
 * @param {ChapterRef | null} args.prev
 * @param {ChapterRef | null} args.next
 * @param {Set<string>} args.chapters names of all chapters in the book
 * @param {Map<string, string>} [args.apiLinks] exported name → API page URL
 * @param {string} [args.notebookHref] link to the executed notebook
 * @param {string} [args.footer] HTML for the page footer
 * @returns {RenderedChapter}
 */
function renderChapter(args) {
  const { nb, name, prev, next, chapters } = args;
  const apiLinks = args.apiLinks ?? new Map();
  /** @type {string[]} */
  const warnings = [];
  /** @type {Set<string>} */
  const headingIds = new Set();
  /** @type {Set<string>} */
  const linked = new Set();
  /** @type {(code: string, lang: string) => string} */
  const highlight = (code, lang) =>
    !lang || /^(ts|typescript|js|javascript|tsx|jsx)$/i.test(lang) ? highlightTs(code) : escapeHtml(code);
  const md = createMarkdown({ highlight });
  const info = chapterInfo(nb, name);
  let charts = 0;
  let sliders = 0;

  /** @type {(source: string, where: string) => string} */
  const renderMarkdown = (source, where) =>
    md.render(source, {
      warnings,
      where,
      headingIds,
      rewriteLink: (/** @type {string} */ href) => rewriteLink(href, chapters, warnings, where),
    });

  /**
   * @param {NotebookOutput[]} outputs
   * @param {string} where
   * @returns {string}
   */
  function renderOutputs(outputs, where) {
    /** @type {string[]} */
    const parts = [];
    for (let k = 0; k < outputs.length; k++) {
      const out = /** @type {NotebookOutput} */ (outputs[k]);
      if (out.output_type === "stream") {
        // Consecutive writes to the same stream read as one block.
        let body = text(out.text);
        for (let after = outputs[k + 1]; after?.output_type === "stream" && after.name === out.name;) {
          body += text(after.text);
          k += 1;
          after = outputs[k + 1];
        }
        const cls = out.name === "stderr" ? "output-stderr" : "output-stream";
        parts.push(`<pre class="${cls}">${escapeHtml(body.replace(ANSI, ""))}</pre>`);
        continue;
      }
      if (out.output_type === "error") {
        const trace = (out.traceback ?? []).join("\n").replace(ANSI, "");
        parts.push(
          `<pre class="output-error">${escapeHtml(`${out.ename}: ${out.evalue}`)}${trace ? `\n${escapeHtml(trace)}` : ""}</pre>`,
        );
        continue;
      }
      if (out.output_type !== "display_data" && out.output_type !== "execute_result") continue;
      const data = out.data ?? {};
      if (data[PLOTLY_MIME] !== undefined) {
        const fig = /** @type {{layout?: {sliders?: unknown, height?: unknown}} | null} */ (
          data[PLOTLY_MIME]
        );
        charts += 1;
        if (fig && fig.layout && Array.isArray(fig.layout.sliders) && fig.layout.sliders.length > 0)
          sliders += 1;
        const id = `chart-${charts}`;
        const h = Number(fig && fig.layout && fig.layout.height);
        const height = Number.isFinite(h) && h > 0 ? h : DEFAULT_CHART_HEIGHT;
        const summary = text(data["text/plain"]);
        parts.push(
          `<div class="output-chart" id="${id}" style="height:${height}px" role="figure" aria-label="${escapeHtml(summary)}">` +
            `<p class="${CHART_PLACEHOLDER_CLASS}">Chart ${charts}: drawn by plotly.min.js when the page loads. ${escapeHtml(summary)}</p></div>\n` +
            `<script>ttcBookPlot(${JSON.stringify(id)}, ${scriptJson(fig)});</script>`,
        );
        continue;
      }
      if (isPlotlyLoader(data)) continue;
      if (data["text/html"] !== undefined) {
        const html = text(data["text/html"]);
        if (isInertHtml(html)) {
          parts.push(`<div class="output-html">${html}</div>`);
          continue;
        }
        warnings.push(`${where}: a text/html output with active content was shown as text/plain`);
      }
      if (data["text/markdown"] !== undefined) {
        parts.push(
          `<div class="output-markdown">${renderMarkdown(text(data["text/markdown"]), where)}</div>`,
        );
        continue;
      }
      const image = ["image/png", "image/jpeg", "image/svg+xml"].find((m) => data[m] !== undefined);
      if (image) {
        const payload =
          image === "image/svg+xml"
            ? Buffer.from(text(data[image]), "utf8").toString("base64")
            : text(data[image]).replace(/\s+/g, "");
        parts.push(`<img class="output-image" alt="figure" src="data:${image};base64,${payload}">`);
        continue;
      }
      if (data["text/plain"] !== undefined) {
        parts.push(
          `<pre class="output-text">${escapeHtml(text(data["text/plain"]).replace(ANSI, ""))}</pre>`,
        );
      }
    }
    return parts.length ? `<div class="outputs">\n${parts.join("\n")}\n</div>` : "";
  }

  /** @type {string[]} */
  const cells = [];
  (nb.cells ?? []).forEach((cell, index) => {
    const where = `${name} cell ${index}`;
    const source = text(cell.source);
    if (cell.cell_type === "markdown") {
      if (isNavCell(source)) return;
      cells.push(
        `<section class="cell cell-markdown" id="cell-${index}">\n${renderMarkdown(source, where)}</section>`,
      );
    } else if (cell.cell_type === "code") {
      const code = highlightTs(source, { apiLinks, linked });
      cells.push(
        `<section class="cell cell-code" id="cell-${index}">\n` +
          `<pre class="source"><code class="language-typescript">${code}</code></pre>\n` +
          renderOutputs(cell.outputs ?? [], where) +
          "\n</section>",
      );
    }
  });

  const notebookHref = args.notebookHref ?? "";
  const head = charts > 0 ? '<script src="plotly.min.js"></script>\n' + PLOT_FUNCTION : "";
  const body =
    navBar(prev, next, notebookHref, "top") +
    `\n<main class="chapter" data-chapter="${escapeHtml(name)}">\n${cells.join("\n")}\n</main>\n` +
    navBar(prev, next, notebookHref, "bottom") +
    (args.footer ? `\n<footer class="book-footer">${args.footer}</footer>` : "");
  const html = page({ title: `${info.title} — ttc-workbook`, head, body, bodyClass: "chapter-page" });
  return { html, charts, sliders, warnings, title: info.title };
}

/**
 * The contents page.
 * @param {object} args
 * @param {{name: string, title: string, time: string | null, minutes: number | null, seconds: number, charts: number}[]} args.chapters
 * @param {boolean} args.hasApi
 * @param {string} [args.footer]
 * @returns {string}
 */
function renderIndex(args) {
  const rows = args.chapters
    .map((ch) => {
      const reading =
        ch.minutes !== null
          ? `about ${ch.minutes} min`
          : `<span class="measured">no cells to count; executing it took ${ch.seconds.toFixed(1)} s</span>`;
      return (
        "<tr>" +
        `<td class="num">${escapeHtml(ch.name.slice(0, 2))}</td>` +
        `<td><a href="${escapeHtml(ch.name)}.html">${escapeHtml(ch.title)}</a></td>` +
        `<td>${reading}</td>` +
        `<td class="num">${ch.seconds.toFixed(1)} s</td>` +
        `<td class="num">${ch.charts}</td>` +
        `<td><a href="notebooks/${escapeHtml(ch.name)}.ipynb" download>${escapeHtml(ch.name)}.ipynb</a></td>` +
        "</tr>"
      );
    })
    .join("\n");
  const body = `<main class="index">
<h1>Test-time compute, worked out in TypeScript</h1>
<p class="lead">The chapters of <strong>ttc-workbook</strong>: a workbook on Snell, Lee, Xu and Kumar (2024),
<em>Scaling LLM Test-Time Compute Optimally can be More Effective than Scaling Model Parameters</em>.
Each chapter is a Jupyter notebook on the tslab TypeScript kernel, executed for this book;
its charts are interactive (hover, zoom, and sliders where a chapter has them) and need no kernel and no network.</p>

<h2 id="chapters">Chapters</h2>
<table class="chapters">
<thead><tr><th>#</th><th>Chapter</th><th>Reading time (computed)</th><th>Executing it took</th><th>Charts</th><th>Executed notebook</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>Reading times are computed from each chapter, exercises and solutions included: its markdown words at
${WORDS_PER_MINUTE} a minute plus its lines of code at ${CODE_LINES_PER_MINUTE} a minute, rounded up to five minutes.</p>

${args.hasApi ? '<h2 id="api">API reference</h2>\n<p>The library the chapters call, <code>ttc-workbook</code>, documented from its TSDoc: <a href="api/index.html">API reference</a>. In the chapters, the first use of each <code>ttc.<em>name</em></code> in code links to its entry.</p>' : ""}

<h2 id="run-yourself">Running the notebooks yourself</h2>
<p>The pages show each notebook as it ran when this book was built. To change the code and run it:</p>
<ol>
<li>Install Node.js 20 or newer.</li>
<li>In the repository: <code>npm install</code> (installs the packages and builds the library into <code>dist/</code>).</li>
<li><code>npm start</code> opens Jupyter in <code>notebooks/</code> with the project's kernel, “TypeScript (ttc-workbook)”;
if there is no Jupyter yet it installs one first (Debian's packages as root, else pip), or says what to run.
Open a chapter and run its cells from the top. To use your own Jupyter or VS Code instead, register the kernel once with <code>npm run kernel:install</code>.</li>
<li>After changing <code>lib/</code>: <code>npm run build</code>, then restart the kernel.</li>
<li><code>npm run book</code> executes every chapter again and rebuilds these pages in <code>build/book/</code>.</li>
</ol>
</main>
${args.footer ? `<footer class="book-footer">${args.footer}</footer>` : ""}`;
  return page({ title: "ttc-workbook — the book", body, bodyClass: "index-page" });
}

module.exports = {
  PLOTLY_MIME,
  CHART_PLACEHOLDER_CLASS,
  text,
  scriptJson,
  shortTitle,
  chapterInfo,
  isNavCell,
  rewriteLink,
  isInertHtml,
  isPlotlyLoader,
  renderChapter,
  renderIndex,
};

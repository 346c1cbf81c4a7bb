// @ts-check
/**
 * Markdown for the book: markdown-it (installed with TypeDoc) with raw HTML
 * turned off, plus TeX math rendered at build time by KaTeX, so pages need
 * neither a network nor a math script.
 *
 * Math follows Jupyter's conventions:
 * - `$$…$$` is display math. It may span lines; a `$$` block that starts a
 *   line is taken before markdown sees its lines (so `_`, `*` or a leading `-`
 *   inside a formula cannot turn into emphasis or a list).
 * - `$…$` is inline math when the opening `$` is followed by a non-space, the
 *   closing `$` is preceded by a non-space and not followed by a digit (so
 *   "$5 and $10" stays text); `\$` is a literal dollar.
 * - Code spans and code blocks are never searched for math.
 *
 * A formula KaTeX cannot parse is shown as its TeX source in a red-bordered
 * span and reported through `env.warnings`, so the build can list it.
 */
"use strict";

const path = require("node:path");
const katex = require("katex");

/** @typedef {import("markdown-it")} MarkdownIt */
/** @typedef {import("markdown-it").StateInline} StateInline */
/** @typedef {import("markdown-it").StateBlock} StateBlock */

/**
 * What a render call may pass to the renderer (markdown-it's `env`).
 * @typedef {object} MarkdownEnv
 * @property {string[]} [warnings] KaTeX failures are appended here
 * @property {string} [where] where the text comes from, for warnings (e.g. "01-context cell 4")
 * @property {Set<string>} [headingIds] heading ids already used on the page
 * @property {(href: string) => string} [rewriteLink] changes a link target
 */

/**
 * markdown-it comes with TypeDoc; resolve it from there so a hoisting change cannot lose it.
 * @returns {typeof import("markdown-it")}
 */
function loadMarkdownIt() {
  try {
    return require("markdown-it");
  } catch {
    const typedocDir = path.dirname(require.resolve("typedoc/package.json"));
    return require(require.resolve("markdown-it", { paths: [typedocDir] }));
  }
}
const MarkdownIt = loadMarkdownIt();

/** @type {Record<string, string>} */
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML element content and attribute values.
 * @param {unknown} text
 * @returns {string}
 */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * TeX → HTML with KaTeX (HTML for display plus MathML for screen readers).
 * On a parse error: the escaped source in a `.math-error` span, and a warning.
 * @param {string} tex
 * @param {boolean} display
 * @param {MarkdownEnv} [env]
 * @returns {string}
 */
function renderMath(tex, display, env) {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      output: "htmlAndMathml",
      // KaTeX's "strict" complaints (e.g. unicode text in math) are style notes, not errors.
      strict: "ignore",
      trust: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (env && Array.isArray(env.warnings)) {
      env.warnings.push(
        `${env.where ?? "markdown"}: KaTeX could not render ${JSON.stringify(tex)}: ${message}`,
      );
    }
    const delim = display ? "$$" : "$";
    return `<span class="math-error" title="${escapeHtml(message)}">${escapeHtml(delim + tex + delim)}</span>`;
  }
}

const isSpace = (/** @type {string | undefined} */ c) => c === " " || c === "\t" || c === "\n" || c === "\r";

/**
 * markdown-it inline rule for `$…$` and `$$…$$` inside a paragraph.
 * @param {StateInline} state
 * @param {boolean} silent
 * @returns {boolean}
 */
function mathInline(state, silent) {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(start + 1) === 0x24;
  const open = display ? 2 : 1;
  const first = start + open;
  if (first >= state.posMax || isSpace(src[first]) || (!display && src[first] === "$")) return false;

  let end = first;
  for (;;) {
    end = src.indexOf(display ? "$$" : "$", end);
    if (end < 0 || end >= state.posMax) return false;
    // A formula never runs into a code span: "$5 … `x$`" is not math.
    if (src.slice(first, end).includes("`")) return false;
    if (src[end - 1] === "\\") {
      end += 1; // \$ inside the formula
      continue;
    }
    if (!display && (isSpace(src[end - 1]) || /[0-9]/.test(src[end + 1] ?? ""))) {
      end += 1;
      continue;
    }
    break;
  }
  if (end === first) return false;
  if (!silent) {
    const token = state.push(display ? "math_display" : "math_inline", "math", 0);
    token.content = src.slice(first, end);
    token.markup = display ? "$$" : "$";
  }
  state.pos = end + open;
  return true;
}

/**
 * markdown-it block rule: a line starting with `$$` up to the line ending with `$$`.
 * @param {StateBlock} state
 * @param {number} startLine
 * @param {number} endLine
 * @param {boolean} silent
 * @returns {boolean}
 */
function mathBlock(state, startLine, endLine, silent) {
  /** state.bMarks[line] etc., which markdown-it keeps for every line of the block. */
  const at = (/** @type {number[]} */ marks, /** @type {number} */ line) => marks[line] ?? 0;
  let pos = at(state.bMarks, startLine) + at(state.tShift, startLine);
  let max = at(state.eMarks, startLine);
  if (at(state.sCount, startLine) - state.blkIndent >= 4) return false; // indented code
  if (pos + 2 > max || state.src.slice(pos, pos + 2) !== "$$") return false;
  pos += 2;

  let firstLine = state.src.slice(pos, max);
  // "$$a$$ and text" on one line is inline math inside a paragraph, not a block.
  const inner = firstLine.trimEnd();
  if (inner.slice(0, -2).includes("$$")) return false;
  let lastLine = "";
  let line = startLine;
  let found = false;
  if (firstLine.trim().endsWith("$$")) {
    // one line: $$ … $$
    const trimmed = firstLine.trim();
    if (trimmed.length < 2) return false; // just "$$" opening a multi-line block, handled below
    firstLine = trimmed.slice(0, -2);
    found = true;
  }
  if (!found) {
    for (line = startLine + 1; line < endLine; line++) {
      pos = at(state.bMarks, line) + at(state.tShift, line);
      max = at(state.eMarks, line);
      if (pos < max && at(state.sCount, line) < state.blkIndent) break; // left the enclosing block
      if (pos === max) return false; // a blank line before the closing $$: not display math
      const text = state.src.slice(pos, max).trimEnd();
      if (text.endsWith("$$")) {
        lastLine = text.slice(0, -2);
        found = true;
        break;
      }
    }
  }
  if (!found) return false;
  if (silent) return true;
  const token = state.push("math_display", "math", 0);
  token.block = true;
  token.content = [
    firstLine,
    state.getLines(startLine + 1, line, at(state.tShift, startLine), false),
    line > startLine ? lastLine : "",
  ]
    .filter((s) => s.trim() !== "")
    .join("\n");
  token.map = [startLine, line + 1];
  token.markup = "$$";
  state.line = line + 1;
  return true;
}

/**
 * Jupyter's heading anchor: the heading's text with spaces replaced by "-".
 * @param {string} text
 * @returns {string}
 */
function headingId(text) {
  return text.trim().replace(/\s+/g, "-");
}

/**
 * A markdown renderer for the book.
 * @param {{highlight?: (code: string, lang: string) => string}} [options]
 *   `highlight` returns HTML for a fenced code block's content (escaped by it).
 * @returns {MarkdownIt} call `.render(source, env)` with a MarkdownEnv
 */
function createMarkdown(options = {}) {
  const highlight = options.highlight;
  const md = new MarkdownIt({
    html: false,
    linkify: false,
    typographer: false,
    highlight: highlight ? (code, lang) => highlight(code, lang) : null,
  });
  md.inline.ruler.after("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.renderer.rules.math_inline = (tokens, idx, _opts, env) =>
    renderMath(tokens[idx]?.content ?? "", false, env);
  md.renderer.rules.math_display = (tokens, idx, _opts, env) => {
    const html = renderMath(tokens[idx]?.content ?? "", true, env);
    return tokens[idx]?.block ? `<div class="math-display">${html}</div>\n` : html;
  };

  // Heading ids like Jupyter's, unique within one page (env.headingIds).
  md.renderer.rules.heading_open = (tokens, idx, opts, env, self) => {
    const inline = tokens[idx + 1];
    const text = inline && inline.children ? inline.children.map((t) => t.content).join("") : "";
    const used = env && env.headingIds instanceof Set ? env.headingIds : new Set();
    let id = headingId(text);
    for (let k = 1; used.has(id); k++) id = `${headingId(text)}-${k}`;
    used.add(id);
    tokens[idx]?.attrSet("id", id);
    return self.renderToken(tokens, idx, opts);
  };

  // Links: env.rewriteLink(href) may change the target (chapter .ipynb → .html).
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    const href = token ? token.attrGet("href") : null;
    if (token && href !== null && env && typeof env.rewriteLink === "function") {
      token.attrSet("href", env.rewriteLink(href));
    }
    return defaultLinkOpen(tokens, idx, opts, env, self);
  };
  return md;
}

module.exports = { createMarkdown, renderMath, escapeHtml, headingId };

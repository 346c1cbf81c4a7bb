// @ts-check
/**
 * A small TypeScript highlighter for the book's code cells: comments,
 * strings (template literals with their `${…}` parts highlighted as code),
 * numbers and keywords get a CSS class; everything is HTML-escaped.
 *
 * It also links library calls to the API reference: the first `ttc.<name>`
 * of each name on a page becomes a link to that name's TypeDoc page, when
 * the API reference has one (`apiLinks`, a Map name → relative URL, and
 * `linked`, the Set of names already linked on this page, shared across the
 * page's cells).
 *
 * It is a tokenizer, not a parser: a regular expression literal is shown as
 * plain text, which is all a reader needs.
 */
"use strict";

const { escapeHtml } = require("./markdown");

const KEYWORDS = new Set(
  (
    "abstract any as asserts async await bigint boolean break case catch class const continue " +
    "declare default delete do else enum export extends false finally for from function get if " +
    "implements import in infer instanceof interface is keyof let namespace never new null number " +
    "object of private protected public readonly return satisfies set static string super switch " +
    "symbol this throw true try type typeof undefined unique unknown var void while with yield"
  ).split(" "),
);

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER =
  /(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?/y;
const SPACE = /\s+/y;

/**
 * @param {string} code
 * @param {{apiLinks?: Map<string, string>, linked?: Set<string>}} [options]
 * @returns {string} HTML (to go inside `<pre><code>`)
 */
function highlightTs(code, options = {}) {
  const apiLinks = options.apiLinks ?? new Map();
  const linked = options.linked ?? new Set();
  /** @type {string[]} */
  const out = [];
  /** @param {string} cls @param {string} text */
  const span = (cls, text) => out.push(`<span class="${cls}">${escapeHtml(text)}</span>`);

  /**
   * Tokenizes code[i..) until the end, or (when `closeBrace`) the `}` closing a `${`. Returns the index after.
   * @param {number} i
   * @param {boolean} closeBrace
   * @returns {number}
   */
  function codeUntil(i, closeBrace) {
    let depth = 0;
    while (i < code.length) {
      const c = /** @type {string} */ (code[i]);
      if (closeBrace && c === "}" && depth === 0) return i;
      if (c === "{") depth++;
      if (c === "}") depth--;
      if (c === "/" && code[i + 1] === "/") {
        const end = code.indexOf("\n", i);
        const stop = end < 0 ? code.length : end;
        span("tok-com", code.slice(i, stop));
        i = stop;
        continue;
      }
      if (c === "/" && code[i + 1] === "*") {
        const end = code.indexOf("*/", i + 2);
        const stop = end < 0 ? code.length : end + 2;
        span("tok-com", code.slice(i, stop));
        i = stop;
        continue;
      }
      if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < code.length && code[j] !== c && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
        const stop = Math.min(code.length, j + 1);
        span("tok-str", code.slice(i, stop));
        i = stop;
        continue;
      }
      if (c === "`") {
        i = template(i);
        continue;
      }
      SPACE.lastIndex = i;
      const space = SPACE.exec(code);
      if (space) {
        out.push(escapeHtml(space[0]));
        i += space[0].length;
        continue;
      }
      NUMBER.lastIndex = i;
      const num = /[0-9.]/.test(c) ? NUMBER.exec(code) : null;
      if (num && num[0] !== ".") {
        span("tok-num", num[0]);
        i += num[0].length;
        continue;
      }
      IDENT.lastIndex = i;
      const id = IDENT.exec(code);
      if (id) {
        const word = id[0];
        i += word.length;
        if (word === "ttc" && code[i] === "." && code[i - word.length - 1] !== ".") {
          IDENT.lastIndex = i + 1;
          const member = IDENT.exec(code);
          if (member && apiLinks.has(member[0])) {
            const name = member[0];
            out.push(`<span class="tok-ns">ttc</span>.`);
            if (!linked.has(name)) {
              linked.add(name);
              const href = escapeHtml(apiLinks.get(name) ?? "");
              out.push(
                `<a class="api-link" href="${href}" title="API reference: ttc.${escapeHtml(name)}">${escapeHtml(name)}</a>`,
              );
            } else {
              out.push(`<span class="tok-api">${escapeHtml(name)}</span>`);
            }
            i += 1 + name.length;
            continue;
          }
          out.push(`<span class="tok-ns">ttc</span>`);
          continue;
        }
        if (KEYWORDS.has(word)) span("tok-kw", word);
        else out.push(escapeHtml(word));
        continue;
      }
      out.push(escapeHtml(c));
      i += 1;
    }
    return i;
  }

  /**
   * A template literal starting at code[i] === "`"; returns the index after its closing backtick.
   * @param {number} i
   * @returns {number}
   */
  function template(i) {
    let j = i + 1;
    let chunkStart = i;
    while (j < code.length) {
      if (code[j] === "\\") {
        j += 2;
        continue;
      }
      if (code[j] === "`") {
        span("tok-str", code.slice(chunkStart, j + 1));
        return j + 1;
      }
      if (code[j] === "$" && code[j + 1] === "{") {
        span("tok-str", code.slice(chunkStart, j + 2));
        const close = codeUntil(j + 2, true);
        if (close >= code.length) return close; // unterminated: the rest was shown as code
        chunkStart = close; // the "}" starts the next string chunk
        j = close + 1;
        continue;
      }
      j += 1;
    }
    span("tok-str", code.slice(chunkStart));
    return code.length;
  }

  codeUntil(0, false);
  return out.join("");
}

module.exports = { highlightTs, KEYWORDS };

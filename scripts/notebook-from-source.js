#!/usr/bin/env node
// @ts-check
/**
 * Builds a chapter notebook from its plain-text source, so chapters can be
 * written and reviewed as ordinary text and diffs stay readable.
 *
 *   node scripts/notebook-from-source.js notebooks/src/01-context.ts
 *     → notebooks/01-context.ipynb
 *
 * The source is TypeScript in the "percent" format used by Jupytext:
 * `// %% [markdown]` starts a markdown cell (its lines start with `// `),
 * `// %%` starts a code cell, and `// %% [nav]` becomes the navigation line
 * (previous chapter · contents · next chapter), computed from the chapters
 * that exist in notebooks/src so links never dangle. Cell ids are derived from the notebook name and
 * the cell's position, so rebuilding gives the same ids. The notebook is
 * written clean: no outputs, no execution counts, kernelspec `tslab`.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

/**
 * A cell of a percent-format source: its kind and its lines.
 * @typedef {{ type: "markdown" | "nav" | "code", lines: string[] }} SourceCell
 */

/**
 * Splits a percent-format source into cells (blank lines at either end dropped).
 * @param {string} text
 * @returns {SourceCell[]}
 */
function parse(text) {
  /** @type {SourceCell[]} */
  const cells = [];
  /** @type {SourceCell | null} */
  let current = null;
  for (const line of text.split("\n")) {
    const marker = /^\/\/ %%(?: \[(markdown|nav)\])?\s*$/.exec(line);
    if (marker) {
      current = {
        type: marker[1] === "markdown" ? "markdown" : marker[1] === "nav" ? "nav" : "code",
        lines: [],
      };
      if (current.type === "nav") current.lines.push("(nav)");
      cells.push(current);
      continue;
    }
    if (!current) continue; // text before the first marker is a comment for editors
    if (current.type === "markdown") current.lines.push(line.replace(/^\/\/ ?/, ""));
    else current.lines.push(line);
  }
  for (const c of cells) {
    while (c.lines.length && c.lines[c.lines.length - 1]?.trim() === "") c.lines.pop();
    while (c.lines.length && c.lines[0]?.trim() === "") c.lines.shift();
  }
  return cells.filter((c) => c.lines.length > 0);
}

/**
 * Human title of a chapter from its file name: "02-the-problem" → "02 The problem".
 * @param {string} name
 * @returns {string}
 */
function chapterTitle(name) {
  const [num, ...words] = name.split("-");
  const text = words.join(" ");
  return `${num} ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * The navigation line for chapter `name` among `chapters` (sorted names).
 * @param {string} name
 * @param {string[]} chapters
 * @returns {string}
 */
function navLine(name, chapters) {
  const i = chapters.indexOf(name);
  const prev = chapters[i - 1];
  const next = chapters[i + 1];
  const parts = [];
  if (i > 0 && prev !== undefined) parts.push(`[← ${chapterTitle(prev)}](${prev}.ipynb)`);
  parts.push("[Contents](../README.md#chapters)");
  if (i >= 0 && next !== undefined) parts.push(`[${chapterTitle(next)} →](${next}.ipynb)`);
  return parts.join(" · ");
}

/**
 * The clean nbformat 4.5 notebook for chapter `name` (cell ids derived from name and position).
 * @param {string} name
 * @param {SourceCell[]} cells
 * @param {string[]} [chapters] every chapter's name, sorted, for the navigation line
 */
function toNotebook(name, cells, chapters = [name]) {
  cells = cells.map((c) =>
    c.type === "nav" ? { type: /** @type {const} */ ("markdown"), lines: [navLine(name, chapters)] } : c,
  );
  return {
    cells: cells.map((c, i) => {
      const id = crypto.createHash("sha1").update(`${name}:${i}`).digest("hex").slice(0, 8);
      const source = c.lines.map((l, j) => (j < c.lines.length - 1 ? l + "\n" : l));
      return c.type === "markdown"
        ? { cell_type: "markdown", id, metadata: {}, source }
        : { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source };
    }),
    metadata: {
      kernelspec: { display_name: "TypeScript (ttc-workbook)", language: "typescript", name: "tslab" },
      language_info: {
        codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
        file_extension: ".ts",
        mimetype: "text/typescript",
        name: "typescript",
        version: "5.0.4",
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/**
 * Rebuilds notebooks/NAME.ipynb from notebooks/src/NAME.ts; returns the path written.
 * @param {string} sourcePath
 * @returns {string}
 */
function build(sourcePath) {
  const name = path.basename(sourcePath).replace(/\.ts$/, "");
  const cells = parse(fs.readFileSync(sourcePath, "utf8"));
  const chapters = fs
    .readdirSync(path.dirname(path.resolve(sourcePath)))
    .filter((f) => /^\d\d-[a-z0-9-]+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
  const out = path.join(path.dirname(path.dirname(path.resolve(sourcePath))), `${name}.ipynb`);
  fs.writeFileSync(out, JSON.stringify(toNotebook(name, cells, chapters), null, 1) + "\n");
  return out;
}

if (require.main === module) {
  let args = process.argv.slice(2);
  if (args.length === 0) {
    const dir = path.join(__dirname, "..", "notebooks", "src");
    args = fs
      .readdirSync(dir)
      .filter((f) => /^\d\d-[a-z0-9-]+\.ts$/.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  }
  for (const a of args) console.log(`wrote ${path.relative(process.cwd(), build(a))}`);
}

module.exports = { parse, toNotebook, build, navLine, chapterTitle };

#!/usr/bin/env node
// @ts-check
/**
 * `npm run clean-notebooks`: put notebooks into their committed form
 * (STYLE.md C.6: outputs are not committed; CI executes notebooks fresh).
 *
 * For each notebook it
 * - removes code-cell outputs and sets execution_count to null,
 * - drops per-run cell metadata (`execution` timings, `ExecuteTime`),
 * - gives every cell a unique id (nbformat 4.5) and sets nbformat_minor to at least 5,
 * - sets metadata.kernelspec to the project kernel `tslab` and metadata.language_info
 *   to what tslab reports (with the real TypeScript version, see LANGUAGE_INFO),
 * - writes the JSON as Jupyter does: keys sorted, 1-space indent, multi-line
 *   strings as arrays of lines, non-ASCII kept, trailing newline.
 *
 * Usage:
 *   node scripts/clean-notebooks.js [--check] [paths...]
 * Paths are .ipynb files or folders (their *.ipynb, not recursive); the default
 * is notebooks/. With --check nothing is written: it lists the files that would
 * change and exits 1 if there are any (the tests use this).
 */
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { REPO_ROOT, KERNEL_NAME, KERNEL_DISPLAY_NAME } = require("./jupyter");

/** metadata.kernelspec of every committed notebook. */
const KERNELSPEC = { display_name: KERNEL_DISPLAY_NAME, language: "typescript", name: KERNEL_NAME };

/**
 * metadata.language_info as tslab 1.0.22 reports it in kernel_info_reply, except
 * `version`: tslab reports a stale constant ("3.7.2"), while its compiler is
 * TypeScript 5.0.4 (@tslab/typescript-for-tslab). scripts/notebook-from-source.js
 * writes the same object; keep the two in step.
 */
const LANGUAGE_INFO = {
  codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
  file_extension: ".ts",
  mimetype: "text/typescript",
  name: "typescript",
  version: "5.0.4",
};

/** Cell metadata keys that record a particular run rather than the notebook's content. */
const RUN_METADATA_KEYS = ["execution", "ExecuteTime"];

/** Valid nbformat 4.5 cell id. */
const CELL_ID = /^[a-zA-Z0-9-_]{1,64}$/;

/** Line breaks recognised by Python's str.splitlines, which nbformat uses to split sources. */
// eslint-disable-next-line no-control-regex -- \x1c-\x1e are line breaks to Python, so they must be here
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/**
 * Splits text into lines that keep their line breaks, like Python's `text.splitlines(True)`.
 * @param {string} text
 * @returns {string[]}
 */
function splitLines(text) {
  /** @type {string[]} */
  const lines = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    const end = (match.index ?? 0) + match[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * A source or text field in nbformat's on-disk form: an array of lines.
 * @param {unknown} value a string or an array of strings
 * @returns {string[]}
 */
function asLines(value) {
  return splitLines(Array.isArray(value) ? value.join("") : String(value ?? ""));
}

/**
 * A fresh random cell id, as nbformat makes them (8 hex digits).
 * @param {Set<unknown>} taken
 * @returns {string}
 */
function newCellId(taken) {
  for (;;) {
    const id = crypto.randomBytes(4).toString("hex");
    if (!taken.has(id)) return id;
  }
}

/**
 * Returns a copy of `value` with object keys sorted recursively (Jupyter writes sort_keys=True).
 * @param {unknown} value
 * @returns {unknown}
 */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const object = /** @type {Record<string, unknown>} */ (value);
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((k) => [k, sortKeys(object[k])]),
    );
  }
  return value;
}

/**
 * Returns the cleaned notebook object (the input is not modified).
 * @param {any} notebook parsed .ipynb JSON
 */
function cleanNotebook(notebook) {
  const nb = structuredClone(notebook);
  if (typeof nb.nbformat !== "number" || nb.nbformat < 4) {
    throw new Error(`nbformat ${nb.nbformat} is not supported (need 4.x)`);
  }
  if (!Array.isArray(nb.cells)) throw new Error("notebook has no cells array");
  nb.nbformat_minor = Math.max(typeof nb.nbformat_minor === "number" ? nb.nbformat_minor : 0, 5);

  const taken = new Set();
  for (const cell of nb.cells) {
    if (typeof cell.id !== "string" || !CELL_ID.test(cell.id) || taken.has(cell.id)) {
      cell.id = newCellId(new Set([...taken, ...nb.cells.map((/** @type {{id?: unknown}} */ c) => c.id)]));
    }
    taken.add(cell.id);
    cell.source = asLines(cell.source);
    cell.metadata = cell.metadata ?? {};
    for (const key of RUN_METADATA_KEYS) delete cell.metadata[key];
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    } else {
      delete cell.outputs;
      delete cell.execution_count;
    }
  }
  nb.metadata = { ...(nb.metadata ?? {}), kernelspec: KERNELSPEC, language_info: LANGUAGE_INFO };
  return nb;
}

/**
 * Serialises a notebook the way Jupyter (nbformat) writes it.
 * @param {unknown} nb
 * @returns {string}
 */
function formatNotebook(nb) {
  return JSON.stringify(sortKeys(nb), null, 1) + "\n";
}

/**
 * The .ipynb files named by `args` (files or folders); notebooks/ when none. Sorted.
 * @param {string[]} args
 * @returns {string[]}
 */
function notebookFiles(args) {
  const targets = args.length > 0 ? args : [path.join(REPO_ROOT, "notebooks")];
  /** @type {string[]} */
  const files = [];
  for (const target of targets) {
    if (fs.statSync(target).isDirectory()) {
      for (const name of fs.readdirSync(target)) {
        if (name.endsWith(".ipynb")) files.push(path.join(target, name));
      }
    } else {
      files.push(target);
    }
  }
  return files.sort();
}

/**
 * Cleans `files` in place, or with check=true only reports them.
 * @param {string[]} files
 * @param {{check?: boolean, log?: (message: string) => void}} [options]
 * @returns {{changed: string[], failed: string[]}} files that changed (or would), and files that could not be read
 */
function cleanFiles(files, { check = false, log = console.log } = {}) {
  /** @type {string[]} */
  const changed = [];
  /** @type {string[]} */
  const failed = [];
  for (const file of files) {
    let before;
    let after;
    try {
      before = fs.readFileSync(file, "utf8");
      after = formatNotebook(cleanNotebook(JSON.parse(before)));
    } catch (err) {
      failed.push(file);
      log(`clean-notebooks: ${file}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (after === before) continue;
    changed.push(file);
    if (!check) fs.writeFileSync(file, after);
  }
  return { changed, failed };
}

/**
 * @param {string[]} argv
 * @returns {number} exit status
 */
function main(argv) {
  const check = argv.includes("--check");
  const unknown = argv.filter((a) => a.startsWith("-") && a !== "--check");
  if (unknown.length > 0) {
    console.error(
      `clean-notebooks: unknown option ${unknown.join(" ")}\nusage: clean-notebooks [--check] [paths...]`,
    );
    return 2;
  }
  const files = notebookFiles(argv.filter((a) => !a.startsWith("-")));
  const { changed, failed } = cleanFiles(files, { check, log: console.error });
  const rel = (/** @type {string} */ f) => path.relative(process.cwd(), f) || f;
  if (check) {
    if (changed.length > 0) {
      console.error(
        `clean-notebooks: ${changed.length} notebook(s) not clean; run \`npm run clean-notebooks\`:`,
      );
      for (const f of changed) console.error(`  ${rel(f)}`);
    } else {
      console.log(`clean-notebooks: ${files.length - failed.length} notebook(s) clean.`);
    }
  } else {
    for (const f of changed) console.log(`clean-notebooks: cleaned ${rel(f)}`);
    console.log(`clean-notebooks: ${files.length} notebook(s), ${changed.length} changed.`);
  }
  return failed.length > 0 || (check && changed.length > 0) ? 1 : 0;
}

module.exports = {
  cleanNotebook,
  formatNotebook,
  cleanFiles,
  notebookFiles,
  splitLines,
  KERNELSPEC,
  LANGUAGE_INFO,
};

if (require.main === module) process.exitCode = main(process.argv.slice(2));

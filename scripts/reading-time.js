#!/usr/bin/env node
// @ts-check
/**
 * Reading time of a chapter, computed from what is in it rather than typed
 * by hand.
 *
 * A chapter's time is its markdown words at {@link WORDS_PER_MINUTE} (a
 * typical pace for technical prose) plus its code lines at
 * {@link CODE_LINES_PER_MINUTE} (reading a line of code closely enough to
 * follow it and run it), rounded up to a multiple of {@link ROUND_TO_MINUTES}.
 * Every cell counts, the exercises and solutions included: that is what a
 * learner who does the whole chapter reads.
 *
 * - A *word* is a whitespace-separated token of a markdown cell that holds a
 *   letter or a digit (so `**Time:**` is one word and a lone `—` or `|` none).
 * - A *code line* is a non-blank line of a code cell, comments included.
 *
 * The chapters state the result in their first markdown cell
 * ("**Time:** about N minutes (…)"), the README's chapter table in its Time
 * column and the book's contents page computes it again; the test
 * test/reading-time.test.ts fails when a stated time disagrees.
 *
 * Usage:
 *   node scripts/reading-time.js           prints each chapter's counts and time
 *   node scripts/reading-time.js --write   also rewrites the **Time:** sentence in
 *                                          notebooks/src/NN-*.ts and the README's
 *                                          Time column (then run `npm run notebooks`)
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/** Words of technical prose read per minute. */
const WORDS_PER_MINUTE = 200;
/** Lines of code read (closely enough to follow and run) per minute. */
const CODE_LINES_PER_MINUTE = 10;
/** Stated times are rounded up to a multiple of this many minutes. */
const ROUND_TO_MINUTES = 5;

/**
 * @typedef {{cell_type?: string, source?: string | string[]}} CellLike
 * @typedef {{words: number, codeLines: number, minutes: number}} ReadingTime
 */

/** A stated reading time in a notebook's markdown: "**Time:** about …, exercises included)." */
const TIME_SENTENCE = /\*\*Time:\*\* about \d+ minutes? \([^)]*\)\./g;

/** @param {string | string[]} source */
const joined = (source) => (Array.isArray(source) ? source.join("") : source);

/**
 * Counts a chapter's words and code lines and turns them into minutes.
 * @param {readonly CellLike[]} cells the notebook's cells
 * @returns {ReadingTime} words, code lines and the rounded-up minutes (at least one step)
 * @throws {TypeError} if `cells` is not an array of cells
 */
function readingTime(cells) {
  if (!Array.isArray(cells)) {
    throw new TypeError(`readingTime: cells must be an array of notebook cells, got ${String(cells)}`);
  }
  let words = 0;
  let codeLines = 0;
  cells.forEach((cell, i) => {
    if (typeof cell !== "object" || cell === null || typeof cell.cell_type !== "string") {
      throw new TypeError(`readingTime: cells[${i}] must be a notebook cell, got ${String(cell)}`);
    }
    const src = joined(cell.source ?? "");
    if (cell.cell_type === "markdown") {
      // The **Time:** sentence itself is not counted, so stating the time cannot change it.
      const prose = src.replace(TIME_SENTENCE, " ");
      words += prose.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
    } else if (cell.cell_type === "code") {
      codeLines += src.split("\n").filter((line) => line.trim() !== "").length;
    }
  });
  const exact = words / WORDS_PER_MINUTE + codeLines / CODE_LINES_PER_MINUTE;
  const minutes = Math.max(ROUND_TO_MINUTES, Math.ceil(exact / ROUND_TO_MINUTES) * ROUND_TO_MINUTES);
  return { words, codeLines, minutes };
}

/**
 * The sentence a chapter states its time in (the first markdown cell).
 * @param {ReadingTime} t
 * @returns {string}
 */
function timeSentence(t) {
  return (
    `**Time:** about ${t.minutes} minutes (${t.words} words at ${WORDS_PER_MINUTE} a minute and ` +
    `${t.codeLines} lines of code at ${CODE_LINES_PER_MINUTE} a minute, exercises included).`
  );
}

/**
 * Text as `// ` comment lines of at most `width` characters (words are not split).
 * @param {string} text
 * @param {number} width
 * @returns {string}
 */
function commentLines(text, width) {
  /** @type {string[]} */
  const lines = [];
  let line = "//";
  for (const word of text.split(" ")) {
    if (line.length + 1 + word.length > width && line !== "//") {
      lines.push(line);
      line = "//";
    }
    line += " " + word;
  }
  lines.push(line);
  return lines.join("\n");
}

/**
 * The minutes a chapter states after `**Time:**` in its first markdown cell, or null.
 * @param {readonly CellLike[]} cells
 * @returns {number | null}
 */
function statedMinutes(cells) {
  const first = cells.find((c) => c.cell_type === "markdown");
  const m = first ? /\*\*Time:\*\*\s*about\s+(\d+)\s*min/.exec(joined(first.source ?? "")) : null;
  return m ? Number(m[1]) : null;
}

const REPO_ROOT = path.resolve(__dirname, "..");
const NOTEBOOK_DIR = path.join(REPO_ROOT, "notebooks");

/**
 * Every chapter notebook in notebooks/ with its reading time.
 * @returns {{name: string, cells: CellLike[], time: ReadingTime}[]}
 */
function chapterTimes() {
  return fs
    .readdirSync(NOTEBOOK_DIR)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort()
    .map((f) => {
      /** @type {{cells: CellLike[]}} */
      const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOK_DIR, f), "utf8"));
      return { name: f.replace(/\.ipynb$/, ""), cells: nb.cells, time: readingTime(nb.cells) };
    });
}

/** `--write`: the chapters' **Time:** sentences and the README's Time column. */
function writeTimes() {
  const chapters = chapterTimes();
  for (const ch of chapters) {
    const src = path.join(NOTEBOOK_DIR, "src", `${ch.name}.ts`);
    const before = fs.readFileSync(src, "utf8");
    // The sentence starts a `// ` comment line, may wrap over several, and ends at the first "."
    // followed by a newline; it is rewritten wrapped at 100 characters.
    const sentence = /^\/\/ \*\*Time:\*\*(?:[^.]|\.(?!\n))*\.$/m;
    if (!sentence.test(before)) throw new Error(`reading-time: no **Time:** sentence found in ${src}`);
    const after = before.replace(sentence, commentLines(timeSentence(ch.time), 100));
    fs.writeFileSync(src, after);
  }
  const readme = path.join(REPO_ROOT, "README.md");
  let text = fs.readFileSync(readme, "utf8");
  for (const ch of chapters) {
    const num = ch.name.slice(0, 2);
    text = text.replace(
      new RegExp(`^(\\| ${num} \\|.*\\| )\\d+ min \\|$`, "m"),
      `$1${ch.time.minutes} min |`,
    );
  }
  fs.writeFileSync(readme, text);
}

if (require.main === module) {
  const write = process.argv.includes("--write");
  if (write) writeTimes();
  for (const ch of chapterTimes()) {
    const t = ch.time;
    console.log(`${ch.name}: ${t.words} words, ${t.codeLines} code lines → ${t.minutes} min`);
  }
  if (write)
    console.log(
      "reading-time: sources and README updated; now run `npm run notebooks` (once: the stated time is not counted)",
    );
}

module.exports = {
  WORDS_PER_MINUTE,
  CODE_LINES_PER_MINUTE,
  ROUND_TO_MINUTES,
  readingTime,
  timeSentence,
  statedMinutes,
  chapterTimes,
};

#!/usr/bin/env node
// @ts-check
/**
 * Per-cell latency of every chapter, from real kernel runs: each notebook is
 * executed top to bottom in a fresh tslab kernel (the reader's path) by the
 * project's notebook runner, and every code cell's time from request to reply
 * is compared with its limit: 300 ms for a cell, 500 ms for a cell that draws
 * a chart (a Plotly output). The import cell (the first code cell) is not
 * counted: it loads the library and tslab's compiler.
 *
 * `npm run bench` ends with this report; `node scripts/cell-latency.js`
 * prints it alone (add notebook paths to time only those). Not a test: it
 * never fails.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { runNotebook } = require("./notebooks/runner");

/** Limit for a cell, in seconds. */
const CELL_LIMIT_SECONDS = 0.3;
/** Limit for a cell that draws a chart, in seconds. */
const CHART_LIMIT_SECONDS = 0.5;
/** The Plotly MIME type that marks a chart cell. */
const PLOTLY_MIME = "application/vnd.plotly.v1+json";
/** How many of the slowest cells the report names. */
const SLOWEST = 12;

/**
 * One timed cell.
 * @typedef {object} TimedCell
 * @property {string} notebook notebook file name
 * @property {number} index cell position in the notebook
 * @property {string} firstLine first source line
 * @property {number} seconds request to reply
 * @property {boolean} chart whether it drew a Plotly chart
 * @property {number} limit its limit in seconds
 */

/**
 * The timed cells of one run report (import cell dropped).
 * @param {string} notebook
 * @param {import("./notebooks/runner").RunnerReport} report
 * @param {string[]} [sources] each notebook cell's source, to name a cell by its first telling line
 * @returns {TimedCell[]}
 */
function timedCells(notebook, report, sources = []) {
  const cells = report.cells.filter((c) => c.status !== "empty");
  return cells.slice(1).flatMap((c) => {
    if (c.seconds === null) return [];
    const chart = c.mime_types.includes(PLOTLY_MIME);
    return [
      {
        notebook,
        index: c.index,
        firstLine: tellingLine(sources[c.index]) ?? c.first_line,
        seconds: c.seconds,
        chart,
        limit: chart ? CHART_LIMIT_SECONDS : CELL_LIMIT_SECONDS,
      },
    ];
  });
}

/**
 * The first line of a cell that says what it does: not blank, not a lone brace.
 * @param {string | undefined} source
 * @returns {string | undefined}
 */
function tellingLine(source) {
  const line = source?.split("\n").find((l) => !/^[\s{}();]*$/.test(l));
  return line === undefined ? undefined : line.trim().slice(0, 90);
}

/**
 * Each cell's source, by position.
 * @param {string} notebookPath
 * @returns {string[]}
 */
function cellSources(notebookPath) {
  /** @type {{ cells: { source: string | string[] }[] }} */
  const nb = JSON.parse(fs.readFileSync(notebookPath, "utf8"));
  return nb.cells.map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
}

/** @param {number} s */
const ms = (s) => `${Math.round(s * 1000)} ms`;

/**
 * Runs the notebooks one after another and prints the report.
 * @param {string[]} notebooks paths
 * @returns {Promise<TimedCell[]>}
 */
async function cellLatencyReport(notebooks) {
  console.log(
    `\nPer-cell latency (fresh kernel, top to bottom; limits ${ms(CELL_LIMIT_SECONDS)} per cell, ` +
      `${ms(CHART_LIMIT_SECONDS)} per chart cell; import cell not counted)\n`,
  );
  /** @type {TimedCell[]} */
  const all = [];
  for (const nb of notebooks) {
    const name = path.basename(nb);
    try {
      const run = await runNotebook(nb);
      const cells = timedCells(name, run, cellSources(nb));
      all.push(...cells);
      const over = cells.filter((c) => c.seconds > c.limit);
      const slowest = cells.reduce((a, c) => (c.seconds > a ? c.seconds : a), 0);
      console.log(
        `${name.padEnd(28)} ${String(cells.length).padStart(3)} cells, ${String(over.length).padStart(2)} over limit, ` +
          `slowest ${ms(slowest)}${run.ok ? "" : "  (run failed: " + run.failures[0] + ")"}`,
      );
    } catch (error) {
      console.log(
        `${name.padEnd(28)} not timed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      );
    }
  }
  const over = all.filter((c) => c.seconds > c.limit);
  console.log(
    `\n${all.length} cells timed, ${over.length} over their limit; the ${Math.min(SLOWEST, all.length)} slowest:\n`,
  );
  for (const c of [...all].sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST)) {
    const mark = c.seconds > c.limit ? "OVER" : "ok  ";
    console.log(
      `${mark} ${ms(c.seconds).padStart(8)} (limit ${ms(c.limit)})  ${c.notebook} cell ${c.index}: ${c.firstLine}`,
    );
  }
  return all;
}

/** The chapter notebooks, in order. @returns {string[]} */
function chapterNotebooks() {
  const dir = path.join(__dirname, "..", "notebooks");
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

module.exports = { CELL_LIMIT_SECONDS, CHART_LIMIT_SECONDS, timedCells, cellLatencyReport, chapterNotebooks };

if (require.main === module) {
  const args = process.argv.slice(2);
  cellLatencyReport(args.length > 0 ? args : chapterNotebooks())
    .catch((error) =>
      console.log(`cell latency stopped early: ${error instanceof Error ? error.message : error}`),
    )
    .finally(() => {
      process.exitCode = 0;
    });
}

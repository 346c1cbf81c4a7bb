/**
 * Tables in the kernel: {@link showTable} and {@link tableBundle} (HTML with
 * right-aligned numbers, and a plain-text twin).
 * @packageDocumentation
 */

import { assertInteger, assertOptions, rangeError, typeError } from "../base/validate";
import { assertString, escapeHtml, formatCell } from "./format";
import { emit, type MimeBundle, tslabWriter } from "./kernel";

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

/** A table given column-first: column names, and rows as arrays (by position) or objects (by name). */
export interface TableData {
  columns: readonly string[];
  rows: readonly (readonly unknown[] | object)[];
}

/** Rows for {@link showTable}: plain objects (columns = keys in first-seen order), or {@link TableData}. */
export type TableRows = readonly object[] | TableData;

/** Options of {@link showTable} and {@link tableBundle}. */
export interface TableOptions {
  /** Significant digits for non-integer numbers, an integer in [1, 17] (default 4). */
  digits?: number;
  /** A caption shown above the table. */
  caption?: string;
}

interface NormalTable {
  columns: string[];
  cells: unknown[][];
}

export function normalizeTable(fn: string, rows: unknown): NormalTable {
  if (Array.isArray(rows)) {
    const columns: string[] = [];
    const seen = new Set<string>();
    rows.forEach((r: unknown, i: number) => {
      if (typeof r !== "object" || r === null || Array.isArray(r))
        typeError(fn, `rows[${i}]`, "an object", r);
      for (const k of Object.keys(r)) {
        if (!seen.has(k)) {
          seen.add(k);
          columns.push(k);
        }
      }
    });
    const cells = rows.map((r: Record<string, unknown>) => columns.map((c) => r[c]));
    return { columns, cells };
  }
  if (typeof rows !== "object" || rows === null) {
    typeError(fn, "rows", "an array of objects or { columns, rows }", rows);
  }
  const t = rows as { columns?: unknown; rows?: unknown };
  if (!Array.isArray(t.columns)) typeError(fn, "rows.columns", "an array of strings", t.columns);
  const columns = t.columns as unknown[];
  columns.forEach((c, j) => assertString(fn, `rows.columns[${j}]`, c));
  const names = columns as string[];
  if (new Set(names).size !== names.length) rangeError(fn, "rows.columns", "distinct names", names);
  if (!Array.isArray(t.rows)) typeError(fn, "rows.rows", "an array", t.rows);
  const cells = (t.rows as unknown[]).map((r, i) => {
    if (Array.isArray(r)) {
      if (r.length !== names.length) {
        throw new RangeError(
          `${fn}: rows.rows[${i}] must have one cell per column (${names.length}), got length ${r.length}`,
        );
      }
      return r.slice();
    }
    if (typeof r !== "object" || r === null) typeError(fn, `rows.rows[${i}]`, "an array or an object", r);
    const o = r as Record<string, unknown>;
    return names.map((c) => o[c]);
  });
  return { columns: names, cells };
}

function tableOptions(fn: string, options: unknown): { digits: number; caption: string | undefined } {
  const o = assertOptions(fn, options);
  const digits = o["digits"] ?? 4;
  assertInteger(fn, "options.digits", digits, 1, 17);
  const caption = o["caption"];
  if (caption !== undefined) assertString(fn, "options.caption", caption);
  return { digits, caption };
}

function isNumericCell(v: unknown): boolean {
  return typeof v === "number" || typeof v === "bigint";
}

export function renderTable(t: NormalTable, digits: number, caption: string | undefined): MimeBundle {
  const text = t.cells.map((row) => row.map((v) => formatCell(v, digits)));
  const numeric = t.columns.map(
    (_, j) =>
      t.cells.some((row) => row[j] !== null && row[j] !== undefined) &&
      t.cells.every((row) => row[j] === null || row[j] === undefined || isNumericCell(row[j])),
  );
  const len = (s: string): number => [...s].length;
  const widths = t.columns.map((c, j) => Math.max(len(c), ...text.map((row) => len(row[j] ?? ""))));
  const pad = (s: string, j: number): string => {
    const fill = " ".repeat(Math.max(0, (widths[j] ?? 0) - len(s)));
    return numeric[j] ? fill + s : s + fill;
  };
  const line = (cells: readonly string[]): string =>
    cells
      .map((s, j) => pad(s, j))
      .join("  ")
      .replace(/\s+$/, "");
  const plain = [
    ...(caption ? [caption] : []),
    line(t.columns),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...text.map(line),
    ...(t.cells.length === 0 ? ["(no rows)"] : []),
  ].join("\n");

  const align = (j: number): string =>
    numeric[j] ? ' style="text-align:right"' : ' style="text-align:left"';
  const html =
    '<table class="ttc-table">' +
    (caption ? `<caption style="text-align:left">${escapeHtml(caption)}</caption>` : "") +
    "<thead><tr>" +
    t.columns.map((c, j) => `<th${align(j)}>${escapeHtml(c)}</th>`).join("") +
    "</tr></thead><tbody>" +
    text
      .map((row) => "<tr>" + row.map((s, j) => `<td${align(j)}>${escapeHtml(s)}</td>`).join("") + "</tr>")
      .join("") +
    "</tbody></table>";
  return { "text/html": html, "text/plain": plain };
}

/**
 * Builds the MIME bundle of a table, without sending it: `text/html` (an
 * escaped `<table>`) and `text/plain` (aligned columns: numbers right, text
 * left). Numbers are formatted as by {@link formatNumber}; `null` and
 * `undefined` show as empty cells.
 *
 * @param rows - an array of plain objects (the columns are the union of their keys,
 *   in first-seen order), or `{ columns, rows }` with each row an array (by position)
 *   or an object (by column name)
 * @param options - `digits`: significant digits, an integer in [1, 17] (default 4);
 *   `caption`: a string shown above the table
 * @returns the MIME bundle
 * @throws {TypeError} if `rows` has the wrong shape, or an option has the wrong type
 * @throws {RangeError} if a positional row has the wrong length, the column names
 *   repeat, or `options.digits` is out of range
 * @example
 * tableBundle([{ n: 1, coverage: 0.1 }, { n: 16, coverage: 0.8147 }])["text/plain"];
 * // " n  coverage\n--  --------\n 1       0.1\n16    0.8147"
 */
export function tableBundle(rows: TableRows, options?: TableOptions): MimeBundle {
  const t = normalizeTable("tableBundle", rows);
  const { digits, caption } = tableOptions("tableBundle", options);
  return renderTable(t, digits, caption);
}

/**
 * Shows a table in the notebook (`text/html` plus aligned `text/plain`).
 * A no-op outside a kernel (after validating its arguments).
 *
 * @param rows - an array of plain objects, or `{ columns, rows }` (see {@link tableBundle})
 * @param options - `digits` (significant digits, default 4) and `caption`
 * @returns nothing
 * @throws {TypeError} if `rows` has the wrong shape, or an option has the wrong type
 * @throws {RangeError} if a positional row has the wrong length, the column names
 *   repeat, or `options.digits` is out of range
 * @example
 * ttc.showTable(
 *   [1, 4, 16].map((n) => ({ n, coverage: ttc.coverage(0.1, n) })),
 *   { caption: "Coverage at p = 0.1", digits: 3 },
 * );
 */
export function showTable(rows: TableRows, options?: TableOptions): void {
  const t = normalizeTable("showTable", rows);
  const { digits, caption } = tableOptions("showTable", options);
  if (!tslabWriter()) return;
  emit(renderTable(t, digits, caption));
}

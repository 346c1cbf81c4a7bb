/**
 * Exercise checkers: {@link checkAgainst} runs the learner's function against
 * the library's on many inputs and prints a table; {@link checkValue} compares
 * one number.
 * @packageDocumentation
 */

import * as util from "util";
import {
  assertFunction,
  assertInteger,
  assertOptions,
  assertPositive,
  message,
  rangeError,
  typeError,
} from "../base/validate";
import { assertString, describeThrown, errorClass, fmt, formatCell } from "./format";
import { emit, tslabWriter } from "./kernel";
import { normalizeTable, renderTable } from "./tables";

// ---------------------------------------------------------------------------
// Exercise checkers
// ---------------------------------------------------------------------------

/** Options of {@link checkAgainst}. */
export interface CheckOptions {
  /**
   * Numbers match when |mine − reference| ≤ tolerance · max(1, |reference|)
   * (absolute near zero, relative for large values). A finite number > 0; default 1e-9.
   */
  tolerance?: number;
  /** Significant digits in the table, an integer in [1, 17] (default 6). */
  digits?: number;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function run(f: (...args: never[]) => unknown, args: readonly unknown[]): Outcome {
  try {
    return { ok: true, value: (f as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    return { ok: false, error };
  }
}

function numericArray(v: unknown): number[] | undefined {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v) && v.every((e) => typeof e === "number")) return v as number[];
  return undefined;
}

/** Distance between two results (NaN when they cannot be compared numerically) and whether they match. */
function compare(mine: unknown, ref: unknown, tolerance: number): { diff: number; match: boolean } {
  const close = (a: number, b: number): { diff: number; match: boolean } => {
    if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || a === b) return { diff: 0, match: true };
    const diff = Math.abs(a - b);
    return { diff, match: diff <= tolerance * Math.max(1, Math.abs(b)) };
  };
  if (typeof mine === "number" && typeof ref === "number") return close(mine, ref);
  const a = numericArray(mine);
  const b = numericArray(ref);
  if (a && b) {
    if (a.length !== b.length) return { diff: NaN, match: false };
    let diff = 0;
    let match = true;
    for (let i = 0; i < a.length; i++) {
      const c = close(a[i] ?? NaN, b[i] ?? NaN);
      diff = Math.max(diff, c.diff);
      match &&= c.match;
    }
    return { diff, match };
  }
  return { diff: NaN, match: util.isDeepStrictEqual(mine, ref) };
}

function formatArgs(args: readonly unknown[], digits: number): string {
  return `(${args.map((a) => (typeof a === "string" ? JSON.stringify(a) : formatCell(a, digits))).join(", ")})`;
}

function outcomeText(o: Outcome, digits: number): string {
  if (!o.ok) return `throws ${describeThrown(o.error)}`;
  if (typeof o.value === "string") return JSON.stringify(o.value);
  if (o.value === undefined) return "undefined";
  if (o.value === null) return "null";
  return formatCell(o.value, digits);
}

const MAX_TABLE_ROWS = 100;

/**
 * Checks an exercise: runs your function `mine` and the `reference` on each
 * argument list in `cases`, shows a table (case, mine, reference,
 * |difference|, ✓/✗) and prints a final line on stdout:
 * `✓ name: all N cases match (tolerance 1e-9)` or
 * `✗ name: k of N cases differ (first: …)`.
 *
 * Numbers (and arrays of numbers) match within the tolerance; other results
 * must be deeply equal; if both functions throw the same error class, that
 * case matches. Errors thrown by `mine`, or `mine` not being a function, are
 * reported, never thrown. The table is shown only in a kernel; the final line
 * is printed everywhere.
 *
 * @param name - what is checked, e.g. `"coverage"`
 * @param mine - your implementation
 * @param reference - the reference implementation (usually the library's)
 * @param cases - argument lists, e.g. `[[0.1, 4], [0.5, 16]]`; a non-empty array of arrays
 * @param options - `tolerance` (default 1e-9, see {@link CheckOptions}) and `digits` (default 6)
 * @returns true when every case matches (tslab prints it when the call ends the cell;
 *   write `void ttc.checkAgainst(…)` to avoid that)
 * @throws {TypeError} if `name`, `reference`, `cases` or `options` have the wrong type
 *   (mistakes of the notebook's author, not of the reader)
 * @throws {RangeError} if `cases` is empty or an option is out of range
 * @example
 * const myCoverage = (p: number, n: number) => 1 - (1 - p) ** n;
 * ttc.checkAgainst("coverage", myCoverage, ttc.coverage, [[0.1, 1], [0.1, 16], [0.5, 4]]);
 * // prints: ✓ coverage: all 3 cases match (tolerance 1e-9)
 */
export function checkAgainst(
  name: string,
  mine: (...args: never[]) => unknown,
  reference: (...args: never[]) => unknown,
  cases: readonly (readonly unknown[])[],
  options?: CheckOptions,
): boolean {
  const fn = "checkAgainst";
  assertString(fn, "name", name, true);
  assertFunction(fn, "reference", reference);
  if (!Array.isArray(cases)) typeError(fn, "cases", "a non-empty array of argument arrays", cases);
  if (cases.length === 0) rangeError(fn, "cases", "a non-empty array of argument arrays", cases);
  cases.forEach((c: unknown, i: number) => {
    if (!Array.isArray(c)) typeError(fn, `cases[${i}]`, "an array of arguments", c);
  });
  const o = assertOptions(fn, options);
  const tolerance = o["tolerance"] ?? 1e-9;
  assertPositive(fn, "options.tolerance", tolerance);
  const digits = o["digits"] ?? 6;
  assertInteger(fn, "options.digits", digits, 1, 17);

  const n = cases.length;
  if (typeof mine !== "function") {
    try {
      console.log(`✗ ${name}: ${message(fn, "mine", "a function", mine)}`);
    } catch {
      // ignore
    }
    return false;
  }

  const rows: Record<string, string>[] = [];
  let failures = 0;
  let first = "";
  cases.forEach((args, i) => {
    const a = run(mine, args);
    const b = run(reference, args);
    let match: boolean;
    let diff = NaN;
    if (a.ok && b.ok) {
      ({ diff, match } = compare(a.value, b.value, tolerance));
    } else if (!a.ok && !b.ok) {
      match = errorClass(a.error) !== "" && errorClass(a.error) === errorClass(b.error);
    } else {
      match = false;
    }
    // A mismatch is shown at full precision, so the two numbers visibly differ.
    const shownDigits = match ? digits : 17;
    const mineText = outcomeText(a, shownDigits);
    const refText = outcomeText(b, shownDigits);
    if (!match) {
      failures += 1;
      if (!first) first = `case ${i + 1} ${formatArgs(args, digits)}: mine ${mineText}, reference ${refText}`;
    }
    if (rows.length < MAX_TABLE_ROWS) {
      rows.push({
        case: formatArgs(args, digits),
        mine: mineText,
        reference: refText,
        "|difference|": Number.isNaN(diff) ? "" : fmt(diff, 2),
        match: match ? "✓" : "✗",
      });
    }
  });

  try {
    if (tslabWriter()) {
      const caption = `${name}: mine vs reference${n > MAX_TABLE_ROWS ? ` (first ${MAX_TABLE_ROWS} of ${n} cases)` : ""}`;
      emit(renderTable(normalizeTable(fn, rows), digits, caption));
    }
    const tol = `tolerance ${fmt(tolerance, 3)}`;
    console.log(
      failures === 0
        ? `✓ ${name}: all ${n} case${n === 1 ? "" : "s"} match (${tol})`
        : `✗ ${name}: ${failures} of ${n} case${n === 1 ? "" : "s"} ${failures === 1 ? "differs" : "differ"} (${tol}; first: ${first})`,
    );
  } catch {
    // A display or console failure must not turn a user's exercise into a thrown error.
  }
  return failures === 0;
}

/**
 * Checks one number against an expected value and prints `✓`/`✗` with both
 * numbers on stdout. A `mine` that is not a number (a reader's placeholder,
 * say) prints `✗`, never throws.
 *
 * @param name - what is checked
 * @param mine - your value
 * @param expected - the expected value, a number
 * @param tolerance - match when |mine − expected| ≤ tolerance · max(1, |expected|);
 *   a finite number > 0, default 1e-9
 * @returns true when the values match (printed by tslab when the call ends the cell,
 *   unless written as `void ttc.checkValue(…)`)
 * @throws {TypeError} if `name` is not a string or `expected` not a number
 * @throws {RangeError} if `name` is empty or `tolerance` is not a finite number > 0
 * @example
 * ttc.checkValue("coverage(0.1, 16)", 1 - 0.9 ** 16, ttc.coverage(0.1, 16));
 * // prints: ✓ coverage(0.1, 16): 0.8147 matches 0.8147 (|difference| 1.1e-16, allowed 1e-9)
 */
export function checkValue(name: string, mine: number, expected: number, tolerance = 1e-9): boolean {
  const fn = "checkValue";
  assertString(fn, "name", name, true);
  if (typeof expected !== "number") typeError(fn, "expected", "a number", expected);
  if (Number.isNaN(expected)) rangeError(fn, "expected", "a number other than NaN", expected);
  assertPositive(fn, "tolerance", tolerance);
  let ok = false;
  try {
    if (typeof mine !== "number") {
      console.log(`✗ ${name}: ${message(fn, "mine", "a number", mine)}`);
      return false;
    }
    const { diff, match } = compare(mine, expected, tolerance);
    ok = match;
    const allowed = tolerance * Math.max(1, Math.abs(expected));
    const detail = `|difference| ${fmt(diff, 2)}, allowed ${fmt(allowed, 3)}`;
    console.log(
      match
        ? `✓ ${name}: ${fmt(mine, 4)} matches ${fmt(expected, 4)} (${detail})`
        : `✗ ${name}: ${fmt(mine, 10)} differs from ${fmt(expected, 10)} (${detail})`,
    );
  } catch {
    // ignore console failures
  }
  return ok;
}

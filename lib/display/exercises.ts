/**
 * Exercise checkers: {@link checkAgainst} runs the learner's function against
 * the library's on many inputs and prints a table; {@link checkValue} compares
 * one number; {@link checkPrediction} grades a prediction made before running
 * and explains the answer the library computed.
 *
 * An exercise nobody has answered yet is not a failure: a stub that still
 * returns `undefined` (or NaN) for every case, or a prediction still left
 * `undefined`, prints a neutral line starting with {@link YOUR_TURN} instead
 * of ✗ rows.
 * @packageDocumentation
 */

import * as util from "util";
import {
  assertFunction,
  assertInteger,
  assertObject,
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

/** The start of the neutral line an unanswered exercise prints. */
export const YOUR_TURN = "✎ your turn";

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A placeholder's result: nothing computed yet. */
function unanswered(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "number" && Number.isNaN(v));
}

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
 * reported, never thrown. When `mine` returns `undefined`, null or NaN for
 * every case (the placeholder a chapter provides), nothing is graded: a
 * neutral `✎ your turn: name: …` line is printed and no table. The table is shown only in a kernel; the final line
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

  const mineOutcomes = cases.map((args) => run(mine, args));
  if (mineOutcomes.every((o) => o.ok && unanswered(o.value))) {
    try {
      console.log(
        `${YOUR_TURN}: ${name}: your function returns nothing yet; replace the placeholder body, then run ` +
          `the cell to compare it with the reference on ${n} case${n === 1 ? "" : "s"}`,
      );
    } catch {
      // ignore console failures
    }
    return false;
  }

  const rows: Record<string, string>[] = [];
  let failures = 0;
  let first = "";
  cases.forEach((args, i) => {
    const a = mineOutcomes[i] as Outcome;
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
 * numbers on stdout. A `mine` that is `undefined`, null or NaN (a reader's
 * placeholder) prints a neutral `✎ your turn: name: …` line; any other
 * non-number prints `✗`. Never throws on `mine`.
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
    if (unanswered(mine)) {
      console.log(`${YOUR_TURN}: ${name}: no value yet; replace the placeholder, then run the cell`);
      return false;
    }
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

/** The answer to a predict-then-run exercise, as computed by the library; see {@link checkPrediction}. */
export interface PredictionAnswer {
  /** The answer the library computed. */
  answer: string | number;
  /**
   * Other predictions that count as right too, e.g. choices whose computed
   * values are statistically tied with the answer's. Default none.
   */
  alsoRight?: readonly (string | number)[];
  /**
   * The allowed predictions (the answer among them). A prediction outside the
   * list is not graded: the line says which values are allowed. Default: any.
   */
  choices?: readonly (string | number)[];
  /**
   * For a numeric answer: a numeric prediction within this absolute distance
   * counts as right. A finite number >= 0; default 0.
   */
  tolerance?: number;
  /** Why the answer is what it is, from the numbers the library computed (printed after the verdict). */
  explanation: string;
}

/** A prediction as compared: strings trimmed and lower-cased, numbers as they are. */
function normalizePrediction(v: string | number): string | number {
  return typeof v === "string" ? v.trim().toLowerCase() : v;
}

function samePrediction(a: string | number, b: string | number, tolerance: number): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= tolerance;
  return String(normalizePrediction(a)) === String(normalizePrediction(b));
}

const showPrediction = (v: string | number): string =>
  typeof v === "string" ? JSON.stringify(v) : fmt(v, 4);

/**
 * Grades a predict-then-run exercise: the learner writes down a prediction
 * (a choice or a number) before the cell computes the answer with the
 * library, then sees ✓ or ✗ and the explanation, on stdout.
 *
 * - An unanswered `prediction` (`undefined`, null, `""` or NaN) prints the
 *   neutral line `✎ your turn: name: …` with the allowed choices, and does
 *   not reveal the answer.
 * - A prediction outside `answer.choices` prints `✎ your turn: name: …`
 *   naming the allowed values (not graded).
 * - Otherwise strings match case-insensitively after trimming, numbers
 *   within `answer.tolerance`; a number and a string match when their text
 *   does (`16` and `"16"`). The prediction is right when it matches
 *   `answer.answer` or one of `answer.alsoRight`.
 *
 * @param name - what is predicted, e.g. `"the best rule at N = 64"`
 * @param prediction - the learner's prediction
 * @param answer - the library's answer, see {@link PredictionAnswer}
 * @returns true when the prediction is right (false when wrong or unanswered)
 * @throws {TypeError} if `name`, `answer` or one of its fields has the wrong type
 *   (mistakes of the notebook's author, not of the reader)
 * @throws {RangeError} if `name` or `answer.explanation` is empty, `answer.tolerance`
 *   is negative or not finite, or `answer.choices` is empty or lacks the answer
 * @example
 * ttc.checkPrediction("the best rule", "weighted", {
 *   answer: "weighted",
 *   choices: ["plain best-of-N", "majority", "weighted"],
 *   explanation: "weighted 0.69, majority 0.59, plain 0.48",
 * });
 * // prints: ✓ the best rule: you predicted "weighted", and so does the library. weighted 0.69, …
 */
export function checkPrediction(
  name: string,
  prediction: string | number | undefined,
  answer: PredictionAnswer,
): boolean {
  const fn = "checkPrediction";
  assertString(fn, "name", name, true);
  const o = assertObject(fn, "answer", answer);
  const isChoice = (v: unknown): v is string | number =>
    typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
  if (!isChoice(o["answer"])) typeError(fn, "answer.answer", "a string or a finite number", o["answer"]);
  const correct = o["answer"] as string | number;
  assertString(fn, "answer.explanation", o["explanation"] as string, true);
  const explanation = o["explanation"] as string;
  const tolerance = o["tolerance"] ?? 0;
  if (typeof tolerance !== "number") typeError(fn, "answer.tolerance", "a finite number >= 0", tolerance);
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) {
    rangeError(fn, "answer.tolerance", "a finite number >= 0", tolerance);
  }
  const lists: Record<string, (string | number)[] | undefined> = {};
  for (const key of ["alsoRight", "choices"]) {
    const list = o[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) typeError(fn, `answer.${key}`, "an array of strings or finite numbers", list);
    (list as unknown[]).forEach((v, i) => {
      if (!isChoice(v)) typeError(fn, `answer.${key}[${i}]`, "a string or a finite number", v);
    });
    lists[key] = list as (string | number)[];
  }
  const choices = lists["choices"];
  if (choices !== undefined) {
    if (choices.length === 0) rangeError(fn, "answer.choices", "a non-empty array", choices);
    if (!choices.some((c) => samePrediction(c, correct, 0))) {
      rangeError(
        fn,
        "answer.choices",
        `an array that includes the answer ${showPrediction(correct)}`,
        choices,
      );
    }
  }
  const choiceText = choices ? choices.map(showPrediction).join(", ") : "";
  try {
    if (prediction === undefined || prediction === null || prediction === "" || Number.isNaN(prediction)) {
      console.log(
        `${YOUR_TURN}: ${name}: write your prediction${choices ? ` (one of ${choiceText})` : ""} ` +
          "before running, then run the cell to see the library's answer and why",
      );
      return false;
    }
    if (typeof prediction !== "string" && typeof prediction !== "number") {
      console.log(`${YOUR_TURN}: ${name}: ${message(fn, "prediction", "a string or a number", prediction)}`);
      return false;
    }
    if (choices && !choices.some((c) => samePrediction(c, prediction, 0))) {
      console.log(
        `${YOUR_TURN}: ${name}: ${showPrediction(prediction)} is not one of ${choiceText}; pick one`,
      );
      return false;
    }
    const right = [correct, ...(lists["alsoRight"] ?? [])].some((c) =>
      samePrediction(prediction, c, tolerance),
    );
    console.log(
      right
        ? `✓ ${name}: you predicted ${showPrediction(prediction)}, and the library agrees ` +
            `(its answer: ${showPrediction(correct)}). ${explanation}`
        : `✗ ${name}: you predicted ${showPrediction(prediction)}; the library's answer is ` +
            `${showPrediction(correct)}. ${explanation}`,
    );
    return right;
  } catch {
    // ignore console failures
    return false;
  }
}

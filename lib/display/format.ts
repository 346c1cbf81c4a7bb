/**
 * Formatting shared by the display modules: numbers, table cells, thrown values,
 * HTML escaping and output ids (internal to the display layer, except
 * {@link formatNumber}).
 * @packageDocumentation
 */

import * as util from "util";
import { assertInteger, rangeError, typeError } from "../base/validate";
import { randomBytes } from "crypto";

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

export function assertString(
  fn: string,
  name: string,
  value: unknown,
  nonEmpty = false,
): asserts value is string {
  if (typeof value !== "string") typeError(fn, name, nonEmpty ? "a non-empty string" : "a string", value);
  if (nonEmpty && value.trim() === "") rangeError(fn, name, "a non-empty string", value);
}

/** Escapes `& < > " '` for HTML text and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );
}

/** JSON text that is safe inside a `<script>` element (no `<`, no U+2028/U+2029). */
export function jsonForScript(jsonText: string): string {
  return jsonText
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Unique per process, so ids survive a kernel restart with old outputs still on the page. */
const PROCESS_TOKEN = randomBytes(4).toString("hex");
let idCounter = 0;
export function nextId(kind: string): string {
  idCounter += 1;
  return `ttc-${kind}-${PROCESS_TOKEN}-${idCounter}`;
}

/**
 * Formats a number for tables and prose: integers as integers, other values
 * with `digits` significant digits and no trailing zeros.
 *
 * @param x - the number
 * @param digits - significant digits for non-integers, an integer in [1, 17] (default 4)
 * @returns the formatted number, e.g. `"0.6513"`, `"16"`, `"1.5e-7"`, `"NaN"`
 * @throws {TypeError} if `x` or `digits` is not a number
 * @throws {RangeError} if `digits` is not an integer in [1, 17]
 * @example
 * formatNumber(0.6513215599);  // "0.6513"
 * formatNumber(16);            // "16"
 * formatNumber(1.5e-7, 2);     // "1.5e-7"
 */
export function formatNumber(x: number, digits = 4): string {
  if (typeof x !== "number") typeError("formatNumber", "x", "a number", x);
  assertInteger("formatNumber", "digits", digits, 1, 17);
  return fmt(x, digits);
}

export function fmt(x: number, digits: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return "0";
  const ax = Math.abs(x);
  if (Number.isInteger(x) && ax < 1e7) return String(x);
  if (ax >= 1e7 || ax < 1e-4) {
    // Scientific notation with `digits` significant digits, trailing zeros dropped: 1.2e+20.
    const [mantissa, exponent] = x.toExponential(digits - 1).split("e") as [string, string];
    const trimmed = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    return `${trimmed}e${exponent}`;
  }
  return String(Number(x.toPrecision(digits)));
}

/** Renders one table cell or argument as text. */
export function formatCell(v: unknown, digits: number): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return fmt(v, digits);
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const items = Array.from(v as ArrayLike<unknown>);
    const head = items
      .slice(0, 8)
      .map((e) => (typeof e === "string" ? JSON.stringify(e) : formatCell(e, digits)));
    return `[${head.join(", ")}${items.length > 8 ? `, … (${items.length} items)` : ""}]`;
  }
  if (v instanceof Error) return `${errorClass(v)}: ${v.message}`;
  return util.inspect(v, { depth: 2, breakLength: Infinity });
}

export function errorClass(e: unknown): string {
  if (e instanceof Error) {
    const ctor = (e as { constructor?: { name?: unknown } }).constructor;
    const ctorName = ctor && typeof ctor.name === "string" ? ctor.name : "";
    return ctorName && ctorName !== "Error" ? ctorName : e.name || "Error";
  }
  return "";
}

/** `RangeError: message` for an Error, a description for anything else thrown. */
export function describeThrown(e: unknown): string {
  try {
    if (e instanceof Error) return `${errorClass(e)}: ${e.message}`;
    return `thrown (not an Error): ${util.inspect(e, { depth: 2, breakLength: Infinity })}`;
  } catch {
    return "thrown: (a value that cannot be printed)";
  }
}

export function inspectValue(v: unknown): string {
  try {
    return typeof v === "string" ? JSON.stringify(v) : util.inspect(v, { depth: 2, breakLength: Infinity });
  } catch {
    return "(a value that cannot be printed)";
  }
}

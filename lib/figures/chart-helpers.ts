/**
 * Checked options, error bars and axes shared by the topic charts (internal to
 * the figures layer; not exported from the package).
 * @packageDocumentation
 */

import {
  assertArray,
  assertBoolean,
  assertOneOf,
  assertProbability,
  assertSameLength,
  rangeError,
  typeError,
} from "../base/validate";
import type { PlotAxis } from "./plotly";
import { assertString, DASHES, type DashStyle, plainAxis } from "./primitives";

// ===========================================================================
// Topic builders: the charts the chapters draw
// ===========================================================================
//
// Each builder takes the numbers a library function returned (or a chapter
// computed) and returns a finished figure with the house look: a title, axis
// titles with units, Okabe–Ito colours in series order, a legend only when
// there is more than one entry, and generation budgets on a log axis with
// ticks at the powers of two (1, 2, 4, …, 256).

/** Colour of the correct answer in score charts (Okabe–Ito bluish green). */
export const CORRECT_COLOR = "#009E73";
/** Colour of reference lines and guides (dark grey, distinct from the palette's black). */
export const GUIDE_COLOR = "#555555";
/** Dash styles given to successive reference lines that do not choose one. */
export const REFERENCE_DASHES: readonly DashStyle[] = ["dash", "dot", "dashdot", "longdash"];
/** Half-width of a 95% normal interval, in standard errors. */
const Z95 = 1.96;

/** Axis title of generation budgets. */
export const BUDGET_TITLE = "generation budget (samples per question, log scale)";

/** A checked optional string (a title), or the fallback. */
export function optionalString(fn: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  assertString(fn, name, value);
  return value;
}

/** A checked optional boolean, or the fallback. */
export function optionalBoolean(fn: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  assertBoolean(fn, name, value);
  return value;
}

/** A checked optional dash style, or the fallback. */
export function optionalDash(fn: string, name: string, value: unknown, fallback: DashStyle): DashStyle {
  if (value === undefined) return fallback;
  assertOneOf(fn, name, value, DASHES);
  return value;
}

/** Copies a non-empty array of finite numbers >= 0 (standard errors), checking its length. */
export function standardErrors(
  fn: string,
  name: string,
  value: unknown,
  lengthName: string,
  expected: ArrayLike<unknown>,
): number[] {
  assertArray(fn, name, value);
  const arr = value as ArrayLike<unknown>;
  const out = Array.from(arr, (v, i) => {
    if (typeof v !== "number") typeError(fn, `${name}[${i}]`, "a finite number >= 0", v);
    if (!(v >= 0 && v < Infinity)) rangeError(fn, `${name}[${i}]`, "a finite number >= 0", v);
    return v;
  });
  assertSameLength(fn, lengthName, expected, name, out);
  return out;
}

/** Copies a non-empty array of probabilities in [0, 1]. */
export function probabilities(fn: string, name: string, value: unknown): number[] {
  assertArray(fn, name, value);
  return Array.from(value as ArrayLike<unknown>, (v, i) => {
    assertProbability(fn, `${name}[${i}]`, v);
    return v;
  });
}

/** Plotly's symmetric error bars of ±1.96 standard errors (a 95% normal interval). */
export function errorBars(se: readonly number[], color: string): Record<string, unknown> {
  return { type: "data", array: se.map((s) => Z95 * s), visible: true, color, thickness: 1.5, width: 4 };
}

/**
 * A log axis for budgets: ticks at the powers of two around [lo, hi]
 * (at most 12; every second or fourth power on very wide ranges), labelled
 * 1, 2, 4, … (2<sup>k</sup> beyond 65536 or below 1), and a range padded by
 * 4% of the span so end markers are not clipped.
 */
export function budgetAxis(title: string, lo: number, hi: number): PlotAxis {
  const kLo = Math.floor(Math.log2(lo) + 1e-9);
  const kHi = Math.ceil(Math.log2(hi) - 1e-9);
  const stride = Math.max(1, Math.ceil((kHi - kLo + 1) / 12));
  const tickvals: number[] = [];
  const ticktext: string[] = [];
  for (let k = kLo; k <= kHi; k += stride) {
    const v = 2 ** k;
    tickvals.push(v);
    ticktext.push(k >= 0 && v <= 65536 ? String(v) : `2<sup>${k}</sup>`);
  }
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const pad = 0.04 * Math.max(b - a, 0.3);
  return { ...plainAxis(title, "log"), tickmode: "array", tickvals, ticktext, range: [a - pad, b + pad] };
}

/** Smallest and largest of some positive numbers. */
export function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** A number shown compactly in a legend: 3 significant digits. */
export function short(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/** A name field: a non-empty string. */
export function nameField(fn: string, name: string, value: unknown): string {
  assertString(fn, name, value);
  return value;
}

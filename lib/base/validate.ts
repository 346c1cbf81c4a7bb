/**
 * Argument checks shared by every public function of the library.
 *
 * One place writes every error message, so the format cannot drift:
 *
 *     <function>: <parameter> must be <rule>, got <value>
 *
 * A value of the wrong type (a string where a number belongs, an object
 * where an array belongs) throws `TypeError`; a value of the right type that
 * lies outside the domain (NaN, ±Infinity, a negative count, a non-integer,
 * a probability above 1, an empty array) throws `RangeError`.
 *
 * This module is internal: it is not re-exported from the package index.
 * @internal
 * @packageDocumentation
 */

/** Largest amount of elementary work (samples, steps, cells) one call may ask for. */
export const WORK_LIMIT = 1e9;

/**
 * Renders a value for an error message: strings are quoted, `-0` keeps its
 * sign, arrays show their first elements, objects their kind.
 */
export function show(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  }
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const head = value.slice(0, 5).map((v) => (typeof v === "object" && v !== null ? "{…}" : show(v)));
    return `[${head.join(", ")}${value.length > 5 ? `, … (${value.length} items)` : ""}]`;
  }
  if (ArrayBuffer.isView(value)) {
    return `${value.constructor.name} of length ${(value as unknown as ArrayLike<unknown>).length}`;
  }
  return "an object";
}

/** The message every check uses. */
export function message(fn: string, name: string, rule: string, value: unknown): string {
  return `${fn}: ${name} must be ${rule}, got ${show(value)}`;
}

/** Throws a `TypeError` in the house format. */
export function typeError(fn: string, name: string, rule: string, value: unknown): never {
  throw new TypeError(message(fn, name, rule, value));
}

/** Throws a `RangeError` in the house format. */
export function rangeError(fn: string, name: string, rule: string, value: unknown): never {
  throw new RangeError(message(fn, name, rule, value));
}

/** `value` is a number (any number, NaN included); otherwise TypeError. */
export function assertNumber(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number") typeError(fn, name, "a number", value);
}

/** `value` is a finite number. */
export function assertFinite(fn: string, name: string, value: unknown): asserts value is number {
  assertNumber(fn, name, value);
  if (!Number.isFinite(value)) rangeError(fn, name, "a finite number", value);
}

/** `value` is a probability in [0, 1]. */
export function assertProbability(fn: string, name: string, value: unknown): asserts value is number {
  assertNumber(fn, name, value);
  if (!(value >= 0 && value <= 1)) rangeError(fn, name, "a probability in [0, 1]", value);
}

/** `value` is a probability strictly inside (0, 1). */
export function assertOpenProbability(fn: string, name: string, value: unknown): asserts value is number {
  assertNumber(fn, name, value);
  if (!(value > 0 && value < 1)) rangeError(fn, name, "a probability in (0, 1)", value);
}

/** `value` is a finite number > 0. */
export function assertPositive(fn: string, name: string, value: unknown): asserts value is number {
  assertNumber(fn, name, value);
  if (!(value > 0 && value < Infinity)) rangeError(fn, name, "a finite number > 0", value);
}

/** `value` is a finite number >= 0. */
export function assertNonNegative(fn: string, name: string, value: unknown): asserts value is number {
  assertNumber(fn, name, value);
  if (!(value >= 0 && value < Infinity)) rangeError(fn, name, "a finite number >= 0", value);
}

/**
 * `value` is a finite number in the interval from `lo` to `hi`; the ends are
 * closed unless `open` says otherwise.
 */
export function assertInRange(
  fn: string,
  name: string,
  value: unknown,
  lo: number,
  hi: number,
  open: { lo?: boolean; hi?: boolean } = {},
): asserts value is number {
  assertNumber(fn, name, value);
  const okLo = open.lo ? value > lo : value >= lo;
  const okHi = open.hi ? value < hi : value <= hi;
  if (!(okLo && okHi && Number.isFinite(value))) {
    rangeError(fn, name, `a number in ${open.lo ? "(" : "["}${lo}, ${hi}${open.hi ? ")" : "]"}`, value);
  }
}

/**
 * `value` is a safe integer >= `min` (and <= `max` when given).
 * The rule reads "an integer >= 1" or "an integer in [1, 40]".
 */
export function assertInteger(
  fn: string,
  name: string,
  value: unknown,
  min = 1,
  max?: number,
  maxNote?: string,
): asserts value is number {
  assertNumber(fn, name, value);
  const rule =
    max === undefined
      ? `an integer >= ${min}`
      : `an integer in [${min}, ${max}]${maxNote ? ` (${maxNote})` : ""}`;
  if (!Number.isSafeInteger(value) || value < min || (max !== undefined && value > max)) {
    rangeError(fn, name, rule, value);
  }
}

/** `value` is a string or a finite number usable as a seed. */
export function assertSeed(fn: string, name: string, value: unknown): asserts value is string | number {
  if (typeof value === "string") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) rangeError(fn, name, "a string or a finite number", value);
    return;
  }
  typeError(fn, name, "a string or a finite number", value);
}

/** `value` is a boolean. */
export function assertBoolean(fn: string, name: string, value: unknown): asserts value is boolean {
  if (typeof value !== "boolean") typeError(fn, name, "a boolean", value);
}

/** `value` is a function. */
export function assertFunction(
  fn: string,
  name: string,
  value: unknown,
): asserts value is (...args: never[]) => unknown {
  if (typeof value !== "function") typeError(fn, name, "a function", value);
}

/** `value` is one of the allowed strings. */
export function assertOneOf<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  choices: readonly T[],
): asserts value is T {
  const rule = `one of ${choices.map((c) => JSON.stringify(c)).join(", ")}`;
  if (typeof value !== "string") typeError(fn, name, rule, value);
  if (!(choices as readonly string[]).includes(value)) rangeError(fn, name, rule, value);
}

/** `value` is a plain options object, or undefined (then `{}` is used). */
export function assertOptions(fn: string, value: unknown, name = "options"): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    typeError(fn, name, "an object or undefined", value);
  }
  return value as Record<string, unknown>;
}

/** `value` is an object (for required structured arguments). */
export function assertObject(fn: string, name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    typeError(fn, name, "an object", value);
  }
  return value as Record<string, unknown>;
}

/** `value` is an array (or typed array) with at least `minLength` elements. */
export function assertArray(
  fn: string,
  name: string,
  value: unknown,
  minLength = 1,
): asserts value is ArrayLike<unknown> {
  const isArrayLike = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isArrayLike) typeError(fn, name, minLength > 0 ? "a non-empty array" : "an array", value);
  const length = (value as ArrayLike<unknown>).length;
  if (length < minLength) {
    throw new RangeError(
      `${fn}: ${name} must be ${minLength === 1 ? "a non-empty array" : `an array of length >= ${minLength}`}, got length ${length}`,
    );
  }
}

/** Element rule for {@link assertNumberArray}. */
export type ElementRule =
  "finite" | "probability" | "nonNegative" | "positive" | "integer" | "nonNegativeInteger";

/**
 * `value` is an array of numbers, each obeying `rule`; the failing index is
 * named in the message (`scores[3] must be a finite number, got NaN`).
 */
export function assertNumberArray(
  fn: string,
  name: string,
  value: unknown,
  rule: ElementRule = "finite",
  minLength = 1,
): asserts value is ArrayLike<number> {
  assertArray(fn, name, value, minLength);
  const arr = value as ArrayLike<unknown>;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    const el = `${name}[${i}]`;
    switch (rule) {
      case "finite":
        assertFinite(fn, el, v);
        break;
      case "probability":
        assertProbability(fn, el, v);
        break;
      case "nonNegative":
        assertNonNegative(fn, el, v);
        break;
      case "positive":
        assertPositive(fn, el, v);
        break;
      case "integer":
        assertNumber(fn, el, v);
        if (!Number.isSafeInteger(v)) rangeError(fn, el, "an integer", v);
        break;
      case "nonNegativeInteger":
        assertInteger(fn, el, v, 0);
        break;
    }
  }
}

/** Two arrays have the same length. */
export function assertSameLength(
  fn: string,
  nameA: string,
  a: ArrayLike<unknown>,
  nameB: string,
  b: ArrayLike<unknown>,
): void {
  if (a.length !== b.length) {
    throw new RangeError(
      `${fn}: ${nameB} must have the same length as ${nameA} (${a.length}), got length ${b.length}`,
    );
  }
}

/**
 * Refuses work that would freeze a notebook: `amount` (samples × trials, say)
 * must be at most {@link WORK_LIMIT}.
 */
export function assertWork(fn: string, what: string, amount: number, limit = WORK_LIMIT): void {
  if (!(amount <= limit)) {
    throw new RangeError(
      `${fn}: ${what} must be at most ${limit.toExponential(0)} (the work limit), got ${amount}`,
    );
  }
}

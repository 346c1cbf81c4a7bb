/**
 * Prose and errors in the kernel: {@link showMarkdown} (markdown that quotes
 * computed numbers) and {@link showError} (show a validation error without
 * aborting later cells).
 * @packageDocumentation
 */

import { message } from "../base/validate";
import { assertString, describeThrown, inspectValue } from "./format";
import { emit } from "./kernel";

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/**
 * Shows markdown (`text/markdown`, with the source as `text/plain`): prose
 * that quotes computed numbers. A no-op outside a kernel.
 *
 * @param md - markdown source
 * @returns nothing
 * @throws {TypeError} if `md` is not a string
 * @example
 * const c = ttc.coverage(0.1, 16);
 * ttc.showMarkdown(`With 16 samples, coverage reaches **${ttc.formatNumber(c, 3)}**.`);
 */
export function showMarkdown(md: string): void {
  assertString("showMarkdown", "md", md);
  emit({ "text/markdown": md, "text/plain": md });
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/**
 * Runs `fn` and prints, on stdout with `console.log`, what happened:
 * `RangeError: coverage: p must be …` (class name and message) if it threw,
 * or `no error: returned <value>` if it did not. Use it to show validation in
 * a notebook: an uncaught throw would abort every later cell. If `fn` returns
 * a promise, a later rejection is printed the same way. Never throws; if `fn`
 * is not a function, it prints a `TypeError` line saying so.
 *
 * Prints to stdout (not stderr) in and outside a kernel.
 *
 * @param fn - a function of no arguments
 * @returns nothing
 * @throws never
 * @example
 * ttc.showError(() => ttc.coverage(1.5, 4));
 * // prints: RangeError: coverage: p must be a probability in [0, 1], got 1.5
 */
export function showError(fn: () => unknown): void {
  try {
    if (typeof fn !== "function") {
      console.log(`TypeError: ${message("showError", "fn", "a function", fn)}`);
      return;
    }
    let result: unknown;
    try {
      result = fn();
    } catch (e) {
      console.log(describeThrown(e));
      return;
    }
    if (
      result !== null &&
      typeof result === "object" &&
      typeof (result as { then?: unknown }).then === "function"
    ) {
      (result as PromiseLike<unknown>).then(
        (v) => console.log(`no error: resolved to ${inspectValue(v)}`),
        (e: unknown) => console.log(describeThrown(e)),
      );
      console.log("no error yet: returned a promise (its outcome is printed when it settles)");
      return;
    }
    console.log(`no error: returned ${inspectValue(result)}`);
  } catch {
    // console.log itself failed; there is nothing sensible left to do.
  }
}

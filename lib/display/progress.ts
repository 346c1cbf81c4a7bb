/**
 * A progress bar that updates one output in place: {@link progress}.
 * @packageDocumentation
 */

import { assertInteger, rangeError, typeError } from "../base/validate";
import { assertString, escapeHtml, fmt, nextId } from "./format";
import { emit, type MimeBundle, tslabWriter } from "./kernel";

// ---------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------

/** A progress bar returned by {@link progress}. */
export interface Progress {
  /** Advances by `n` steps (default 1). */
  tick(n?: number): void;
  /** Marks the work finished and shows the final state. */
  done(): void;
}

/**
 * Builds the MIME bundle of a progress bar, without sending it: `text/plain`
 * `label: i / total (x%) — elapsed s` and `text/html` with a `<progress>` bar.
 *
 * @param done - steps done, a finite number >= 0 (shown as given; the bar caps at 100%)
 * @param total - total steps, an integer >= 1
 * @param label - the label
 * @param elapsedMs - time elapsed, in milliseconds, a finite number >= 0
 * @returns the MIME bundle
 * @throws {TypeError} if an argument has the wrong type
 * @throws {RangeError} if a number is out of its domain
 * @example
 * progressBundle(30, 120, "trials", 1500)["text/plain"]; // "trials: 30 / 120 (25%) — elapsed 1.5 s"
 */
export function progressBundle(done: number, total: number, label: string, elapsedMs: number): MimeBundle {
  const fn = "progressBundle";
  if (typeof done !== "number") typeError(fn, "done", "a number", done);
  if (!(done >= 0 && done < Infinity)) rangeError(fn, "done", "a finite number >= 0", done);
  assertInteger(fn, "total", total, 1);
  assertString(fn, "label", label);
  if (typeof elapsedMs !== "number") typeError(fn, "elapsedMs", "a number", elapsedMs);
  if (!(elapsedMs >= 0 && elapsedMs < Infinity))
    rangeError(fn, "elapsedMs", "a finite number >= 0", elapsedMs);
  return renderProgress(done, total, label, elapsedMs);
}

function renderProgress(done: number, total: number, label: string, elapsedMs: number): MimeBundle {
  const pct = Math.min(100, Math.floor((100 * done) / total));
  const text = `${label}: ${fmt(done, 6)} / ${total} (${pct}%) — elapsed ${(elapsedMs / 1000).toFixed(1)} s`;
  const html =
    '<div class="ttc-progress" style="font:12px monospace">' +
    `<progress value="${Math.min(done, total)}" max="${total}" style="width:16em;vertical-align:middle"></progress> ` +
    `${escapeHtml(text)}</div>`;
  return { "text/html": html, "text/plain": text };
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * A progress bar for long loops: one output, updated in place at most about
 * ten times per second and once more at `done()`. Outside a kernel the
 * returned object does nothing (but still checks its arguments).
 *
 * @param total - number of steps, an integer >= 1
 * @param label - text before the counts (default `"progress"`)
 * @returns `{ tick(n = 1), done() }`; `tick` throws a RangeError unless n is an integer >= 0
 * @throws {TypeError} if `total` is not a number or `label` not a string
 * @throws {RangeError} if `total` is not an integer >= 1
 * @example
 * const bar = ttc.progress(1000, "trials");
 * for (let i = 0; i < 1000; i++) { simulate(i); bar.tick(); }
 * bar.done();
 */
export function progress(total: number, label = "progress"): Progress {
  assertInteger("progress", "total", total, 1);
  assertString("progress", "label", label);
  const start = Date.now();
  const live = tslabWriter() !== undefined;
  const id = nextId("progress");
  let count = 0;
  let lastSent = start;
  let finished = false;
  if (live) emit(renderProgress(0, total, label, 0), id, false);
  return {
    tick(n = 1): void {
      assertInteger("progress.tick", "n", n, 0);
      if (finished) return;
      count += n;
      if (!live) return;
      const now = Date.now();
      if (now - lastSent >= PROGRESS_INTERVAL_MS) {
        lastSent = now;
        emit(renderProgress(count, total, label, now - start), id, true);
      }
    },
    done(): void {
      if (finished) return;
      finished = true;
      if (live) emit(renderProgress(count, total, label, Date.now() - start), id, true);
    },
  };
}

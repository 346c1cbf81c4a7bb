/**
 * The bridge to the tslab kernel — the only code in the library that knows tslab, and it never imports it.
 * tslab keeps the current cell's display writer in `tslab/dist/jupyter.js`
 * (`lastWriteDisplayData`, reset at each execute request); {@link displayBundle}
 * finds it by scanning `require.cache`. Outside a kernel (jest, plain node)
 * nothing is found and every display function is a silent no-op. The exceptions
 * are the functions documented to print to stdout (`showError`, `checkAgainst`,
 * `checkValue`), which use `console.log` everywhere.
 * @packageDocumentation
 */

import { assertObject, typeError } from "../base/validate";

/** A Jupyter MIME bundle: MIME type → value (a string, or a JSON object for `…+json` types). */
export type MimeBundle = Record<string, unknown>;

// ---------------------------------------------------------------------------
// Finding tslab's display writer
// ---------------------------------------------------------------------------

interface DisplayContent {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}
type DisplayWriter = (content: DisplayContent, update: boolean) => void;
interface TslabJupyterModule {
  filename: string;
  exports: { lastWriteDisplayData?: unknown };
}

export const JUPYTER_JS = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;
let cachedTslab: TslabJupyterModule | undefined;

function writerOf(m: TslabJupyterModule | undefined): DisplayWriter | undefined {
  const w = m?.exports?.lastWriteDisplayData;
  return typeof w === "function" ? (w as DisplayWriter) : undefined;
}

/** The current cell's display writer, or undefined outside a tslab kernel. */
export function tslabWriter(): DisplayWriter | undefined {
  const cached = writerOf(cachedTslab);
  if (cached) return cached;
  const cache = require.cache as Record<string, TslabJupyterModule | undefined>;
  for (const key of Object.keys(cache)) {
    if (!JUPYTER_JS.test(key)) continue;
    const m = cache[key];
    const w = writerOf(m);
    if (m && w) {
      cachedTslab = m;
      return w;
    }
  }
  return undefined;
}

/** Sends one display (or an update of one); false when there is no kernel. */
export function emit(data: MimeBundle, displayId?: string, update = false): boolean {
  const w = tslabWriter();
  if (!w) return false;
  w({ data, metadata: {}, transient: displayId === undefined ? {} : { display_id: displayId } }, update);
  return true;
}

/**
 * Whether this code runs inside a tslab kernel (a tslab display writer is
 * present). False in jest and plain node.
 *
 * @returns true inside a tslab kernel
 * @throws never
 * @example
 * if (ttc.isKernel()) ttc.showMarkdown("Running in Jupyter.");
 */
export function isKernel(): boolean {
  return tslabWriter() !== undefined;
}

/**
 * Sends a MIME bundle as one `display_data` output (tslab's own
 * `display.raw` sends one MIME type only). A no-op outside a kernel.
 *
 * @param bundle - MIME type → value, e.g. `{ "text/html": "<b>hi</b>", "text/plain": "hi" }`
 * @returns nothing (tslab would print a returned value)
 * @throws {TypeError} if `bundle` is not an object, or a key is not a MIME type
 * @throws {RangeError} if `bundle` is empty
 * @example
 * ttc.displayBundle({ "text/html": "<b>42</b>", "text/plain": "42" });
 */
export function displayBundle(bundle: MimeBundle): void {
  const b = assertObject("displayBundle", "bundle", bundle);
  const keys = Object.keys(b);
  if (keys.length === 0) {
    throw new RangeError("displayBundle: bundle must be a non-empty MIME bundle, got an empty object");
  }
  for (const k of keys) {
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(k))
      typeError("displayBundle", "bundle keys", 'MIME types such as "text/html"', k);
  }
  emit(b);
}

/**
 * What is running: {@link versions} and {@link showVersions} (library, Node,
 * tslab, TypeScript, plotly.js).
 * @packageDocumentation
 */

import * as fs from "fs";
import * as path from "path";
import { VERSION } from "../base/version";
import { emit, JUPYTER_JS, tslabWriter } from "./kernel";
import { normalizeTable, renderTable } from "./tables";

// ---------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------

/** What {@link versions} reports. */
export interface Versions {
  /** This library's version, from the package.json next to `dist/`. */
  ttcWorkbook: string;
  /** `process.version`. */
  node: string;
  /** The TypeScript compiler tslab uses, when it can be found. */
  typescript?: string;
  /** tslab's version, when it can be found. */
  tslab?: string;
}

function readVersion(packageJson: string): string | undefined {
  try {
    const v = (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version?: unknown }).version;
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

function resolvePackageJson(pkg: string): string | undefined {
  try {
    return require.resolve(`${pkg}/package.json`);
  } catch {
    return undefined;
  }
}

/**
 * Reports (and, in a kernel, shows as a table) the versions behind a
 * notebook run: this library, Node, and the TypeScript and tslab of the
 * kernel when they can be found. In a kernel the running tslab is preferred
 * over the one next to the library. Takes no arguments. End the cell with
 * `void ttc.versions();` if you do not want tslab to print the returned object too.
 *
 * @returns `{ ttcWorkbook, node, typescript?, tslab? }`
 * @throws never
 * @example
 * const v = ttc.versions(); // { ttcWorkbook: "0.1.0", node: "v20.20.2", typescript: "5.0.4", tslab: "1.0.22" }
 */
export function versions(): Versions {
  const out: Versions = {
    ttcWorkbook: readVersion(path.join(__dirname, "..", "package.json")) ?? VERSION,
    node: process.version,
  };
  const cache = require.cache as Record<string, { exports?: unknown } | undefined>;
  const keys = Object.keys(cache);
  const tsKey = keys.find((k) => /[\\/]@tslab[\\/]typescript-for-tslab[\\/]lib[\\/]typescript\.js$/.test(k));
  let tsVersion: string | undefined;
  const loaded = tsKey ? (cache[tsKey]?.exports as { version?: unknown } | undefined) : undefined;
  if (loaded && typeof loaded.version === "string") tsVersion = loaded.version;
  if (!tsVersion) {
    const p = resolvePackageJson("@tslab/typescript-for-tslab");
    if (p) tsVersion = readVersion(p);
  }
  if (tsVersion) out.typescript = tsVersion;
  const tslabKey = keys.find((k) => JUPYTER_JS.test(k));
  const tslabVersion = tslabKey
    ? readVersion(path.join(path.dirname(tslabKey), "..", "package.json"))
    : (() => {
        const p = resolvePackageJson("tslab");
        return p ? readVersion(p) : undefined;
      })();
  if (tslabVersion) out.tslab = tslabVersion;
  return out;
}

/**
 * Shows the versions from {@link versions} as a table (the setup cell of
 * every chapter). Returns nothing, so tslab prints nothing after the table;
 * a no-op outside a kernel.
 *
 * @throws never
 * @example
 * ttc.showVersions(); // table: ttc-workbook, node, typescript (tslab), tslab
 */
export function showVersions(): void {
  const out = versions();
  try {
    if (tslabWriter()) {
      emit(
        renderTable(
          normalizeTable("showVersions", [
            { package: "ttc-workbook", version: out.ttcWorkbook },
            { package: "node", version: out.node },
            { package: "typescript (tslab)", version: out.typescript ?? "not found" },
            { package: "tslab", version: out.tslab ?? "not found" },
          ]),
          4,
          undefined,
        ),
      );
    }
  } catch {
    // showing is a convenience
  }
}

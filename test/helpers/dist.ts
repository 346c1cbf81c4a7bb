/**
 * The compiled library in dist/ that notebooks and the TS 5.0 type check use.
 * `npm test` builds it first (pretest); running jest directly may not have.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** Absolute path of the repository root. */
export const REPO_ROOT = resolve(__dirname, "..", "..");

/** Absolute path of dist/. */
export const DIST_DIR = join(REPO_ROOT, "dist");

/**
 * Builds dist/ with the project's TypeScript (not tslab's, which can shadow
 * node_modules/.bin/tsc) when dist/index.js or dist/index.d.ts is missing.
 * An existing build is left alone: `npm test` has just rebuilt it.
 */
export function ensureDist(): void {
  if (existsSync(join(DIST_DIR, "index.js")) && existsSync(join(DIST_DIR, "index.d.ts"))) return;
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: REPO_ROOT,
      stdio: "inherit",
    },
  );
}

/**
 * Fixture notebooks for the tests: small nbformat 4.5 notebooks with the
 * project kernelspec, written into <repo>/build/tmp-nb-XXXXXX. Running and
 * judging them is scripts/notebooks/runner.js's job (tests import it from
 * there; scripts never import from test/).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/jupyter";

/** A notebook as JSON, loosely typed so fixtures can be bent out of shape. */
export interface NotebookJson {
  cells: Record<string, unknown>[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** A minimal nbformat 4.5 notebook with the project kernelspec, for fixtures. */
export function makeNotebook(cells: { type: "code" | "markdown"; source: string }[]): NotebookJson {
  return {
    cells: cells.map((cell, i) =>
      cell.type === "code"
        ? {
            cell_type: "code",
            execution_count: null,
            id: `cell-${i}`,
            metadata: {},
            outputs: [],
            source: cell.source,
          }
        : { cell_type: "markdown", id: `cell-${i}`, metadata: {}, source: cell.source },
    ),
    metadata: {
      kernelspec: { display_name: "TypeScript (ttc-workbook)", language: "typescript", name: "tslab" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/**
 * A fresh folder for fixture notebooks inside the repo (<repo>/build/tmp-nb-XXXXXX),
 * so the kernelspec's walk-up finds node_modules/.bin/tslab. build/ is git-ignored;
 * delete the folder when done.
 */
export function makeFixtureDir(): string {
  const build = join(REPO_ROOT, "build");
  mkdirSync(build, { recursive: true });
  return mkdtempSync(join(build, "tmp-nb-"));
}

/** Writes `makeNotebook(cells)` to `dir/name` and returns its path. */
export function writeNotebook(dir: string, name: string, cells: Parameters<typeof makeNotebook>[0]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(makeNotebook(cells), null, 1) + "\n");
  return path;
}

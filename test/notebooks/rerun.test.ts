/**
 * Every code cell of every chapter can be rerun on its own after the import
 * cell (STYLE.md C.6: a reader changes a knob and reruns one cell). The runner
 * executes the import cell, then all other code cells in REVERSE order, so no
 * cell can lean on state that an earlier cell of the chapter set up: a cell
 * that did would fail here with "… is not defined" or a type error.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ensureDist, REPO_ROOT } from "../helpers/dist";
import { runNotebook, TEST_TIMEOUT_MS } from "../../scripts/notebooks/runner";

const NOTEBOOK_DIR = join(REPO_ROOT, "notebooks");
const NOTEBOOKS = existsSync(NOTEBOOK_DIR)
  ? readdirSync(NOTEBOOK_DIR)
      .filter((f) => f.endsWith(".ipynb"))
      .sort()
  : [];

beforeAll(() => ensureDist(), 120_000);

describe("each chapter cell runs on its own after the import cell", () => {
  test("there are chapters to check", () => {
    expect(NOTEBOOKS.length).toBeGreaterThan(0);
  });

  test.each(NOTEBOOKS)(
    "%s: import cell, then every other code cell in reverse order",
    async (name) => {
      const report = await runNotebook(join(NOTEBOOK_DIR, name), { rerunOrder: true });
      const { failures } = report;
      if (failures.length > 0) {
        throw new Error(`${failures.length} cell(s) failed when run on their own:\n${failures.join("\n")}`);
      }
      expect(report.ok).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});

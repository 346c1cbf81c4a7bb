/**
 * Every chapter notebook in notebooks/: structural checks (no kernel), then a
 * real execution with the tslab kernel through nbclient (STYLE.md C.8).
 *
 * A notebook fails if any code cell's reply status is not "ok" (tslab aborts
 * the cells after an error, so each status is checked), if any cell writes to
 * stderr, or if any cell has an error output. Failure messages name the
 * notebook and the cell index. Executed copies and JSON reports are kept in
 * build/notebooks/ for inspection.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureDist, REPO_ROOT } from "../helpers/dist";
import { requirePython, runNotebook, TEST_TIMEOUT_MS } from "../../scripts/notebooks/runner";
import { structuralProblems } from "./structure";

const NOTEBOOK_DIR = join(REPO_ROOT, "notebooks");
const OUTPUT_DIR = join(REPO_ROOT, "build", "notebooks");
const NOTEBOOKS = existsSync(NOTEBOOK_DIR)
  ? readdirSync(NOTEBOOK_DIR)
      .filter((f) => f.endsWith(".ipynb"))
      .sort()
  : [];

describe("notebooks/*.ipynb: structure", () => {
  test(
    NOTEBOOKS.length === 0
      ? "notebooks/ has no notebooks yet, so there is nothing to check or execute"
      : `notebooks/ has ${NOTEBOOKS.length} notebook(s): ${NOTEBOOKS.join(", ")}`,
    () => {
      expect(NOTEBOOKS).toEqual([...NOTEBOOKS].sort());
    },
  );

  if (NOTEBOOKS.length > 0) {
    test.each(NOTEBOOKS)(
      "%s: name, nbformat 4.5, ids, kernelspec, no outputs, no empty cells, title",
      (name) => {
        const problems = structuralProblems(name, readFileSync(join(NOTEBOOK_DIR, name), "utf8"));
        if (problems.length > 0) throw new Error(`${problems.length} problem(s):\n${problems.join("\n")}`);
      },
    );

    test("every notebook passes nbformat's own schema validation", () => {
      const { python } = requirePython();
      const script = [
        "import json, sys, nbformat",
        "errors = {}",
        "for path in sys.argv[1:]:",
        "    try:",
        "        nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))",
        "    except Exception as exc:",
        "        errors[path] = f'{type(exc).__name__}: {str(exc).splitlines()[0]}'",
        "print(json.dumps(errors))",
      ].join("\n");
      const paths = NOTEBOOKS.map((n) => join(NOTEBOOK_DIR, n));
      const out = execFileSync(python, ["-c", script, ...paths], { encoding: "utf8" });
      expect(JSON.parse(out)).toEqual({});
    });
  }

  test("notebooks are in their committed form (`node scripts/clean-notebooks.js --check`)", () => {
    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, "scripts", "clean-notebooks.js"), "--check"],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
      },
    );
    if (result.status !== 0)
      throw new Error(`clean-notebooks --check failed:\n${result.stderr}${result.stdout}`);
  });
});

describe("notebooks/*.ipynb: execution with the tslab kernel", () => {
  beforeAll(() => {
    if (NOTEBOOKS.length === 0) return;
    requirePython(); // fails here, naming the fix, when Jupyter is missing
    ensureDist();
    mkdirSync(OUTPUT_DIR, { recursive: true });
  });

  if (NOTEBOOKS.length === 0) {
    test("nothing to execute yet (notebooks/ has no .ipynb files)", () => {
      expect(NOTEBOOKS).toHaveLength(0);
    });
    return;
  }

  // One at a time within this file: each notebook gets its own kernel, and two cores are enough for one.
  test.each(NOTEBOOKS)(
    "%s runs with every cell ok, nothing on stderr, no error outputs",
    async (name) => {
      const report = await runNotebook(join(NOTEBOOK_DIR, name), {
        outputPath: join(OUTPUT_DIR, name),
      });
      writeFileSync(
        join(OUTPUT_DIR, name.replace(/\.ipynb$/, ".report.json")),
        JSON.stringify(report, null, 1),
      );
      const { failures } = report;
      if (failures.length > 0) {
        throw new Error(`${failures.length} problem(s) running notebooks/${name}:\n${failures.join("\n")}`);
      }
      expect(report.ok).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});

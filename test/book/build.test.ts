/**
 * `npm run book` refuses to write a book from a notebook that does not run
 * cleanly: a real fixture notebook whose second code cell throws is executed
 * with the tslab kernel, and the build must exit non-zero naming the notebook
 * and the cell, and leave no pages behind.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureDist, REPO_ROOT } from "../helpers/dist";
import { TEST_TIMEOUT_MS } from "../../scripts/notebooks/runner";
import { makeFixtureDir, writeNotebook } from "../notebooks/fixtures";

describe("npm run book with a failing notebook", () => {
  let notebooks = "";
  let out = "";

  beforeAll(() => {
    ensureDist();
    notebooks = makeFixtureDir(); // inside the repo, so the kernelspec finds node_modules/.bin/tslab
    out = mkdtempSync(join(REPO_ROOT, "build", "tmp-book-"));
    writeNotebook(notebooks, "01-broken.ipynb", [
      { type: "markdown", source: "# 01 · Broken\n\n**Time:** about 1 minute." },
      { type: "code", source: "const x = 1;" },
      { type: "code", source: 'throw new RangeError("boom");' },
      { type: "code", source: "console.log(x);" },
    ]);
  });

  afterAll(() => {
    if (notebooks) rmSync(notebooks, { recursive: true, force: true });
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test(
    "fails, names the notebook and the cells, and writes no pages",
    () => {
      const result = spawnSync(
        process.execPath,
        [
          join(REPO_ROOT, "scripts/book/build.js"),
          "--notebooks",
          notebooks,
          "--out",
          out,
          "--skip-dist",
          "--skip-api",
          "--jobs",
          "1",
        ],
        { cwd: REPO_ROOT, encoding: "utf8", timeout: TEST_TIMEOUT_MS - 5_000 },
      );
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status).toBe(1);
      expect(output).toMatch(
        /book: FAILED: \d+ problem\(s\) executing the chapters; the book was not written/,
      );
      expect(output).toMatch(/01-broken\.ipynb cell 2 \(`throw new RangeError\("boom"\);`\): status "error"/);
      // The kernel (tslab as patched in patches/) reports a thrown error as an error output.
      expect(output).toMatch(
        /01-broken\.ipynb cell 2 \(`throw new RangeError\("boom"\);`\): error output RangeError: boom/,
      );
      expect(output).toMatch(/01-broken\.ipynb cell 3 \(`console\.log\(x\);`\): status "abort"/);
      expect(existsSync(join(out, "index.html"))).toBe(false);
      expect(existsSync(join(out, "01-broken.html"))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});

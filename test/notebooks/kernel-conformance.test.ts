/**
 * The kernel users get passes Jupyter's own kernel test suite, jupyter_kernel_test (Debian:
 * python3-jupyter-kernel-test), started from the project's kernelspec `tslab`:
 * test/notebooks/kernel_conformance.py checks execute, stdout/stderr, errors, completion of
 * `ttc.` names, is_complete, inspection of a library function, display_data with the Plotly
 * MIME type and execute_result. tslab 1.0.22 fails three of them unpatched (kernel_info_reply
 * without status, error replies without ename/evalue/traceback, no execute_result);
 * patches/tslab+1.0.22.patch fixes them and `npm install` applies it (package.json `prepare`).
 *
 * Without jupyter_kernel_test the suite is skipped, except in CI (CI=true), where it must run:
 * .ci/run installs it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { kernelEnv } from "../../scripts/jupyter";
import { requirePython } from "../../scripts/notebooks/runner";
import { ensureDist, REPO_ROOT } from "../helpers/dist";

const SUITE = join(REPO_ROOT, "test", "notebooks", "kernel_conformance.py");
const REPORT = join(REPO_ROOT, "build", "kernel-conformance.txt");
/** `ttc.<prefix>` completions the suite checks against the library's exports. */
const PREFIXES = ["passAt", "bestOf", "coverage"];

/** A Python with Jupyter and jupyter_kernel_test, or null. */
function suitePython(): string | null {
  let python: string;
  try {
    python = requirePython().python;
  } catch {
    return null;
  }
  const probe = spawnSync(python, ["-c", "import jupyter_kernel_test"], { stdio: "ignore" });
  return probe.status === 0 ? python : null;
}

const python = suitePython();
const inCi = process.env["CI"] === "true" || process.env["CI"] === "1";
const runSuite = python || inCi ? test : test.skip;
if (!python && !inCi) {
  console.warn(
    "kernel conformance: skipped (no Python with jupyter_kernel_test; " +
      "install Debian's python3-jupyter-kernel-test to run it)",
  );
}

test("tslab in node_modules carries the project's patch (npm install applies patches/)", () => {
  const patch = readFileSync(join(REPO_ROOT, "patches", "tslab+1.0.22.patch"), "utf8");
  expect(patch).toContain("node_modules/tslab/dist/jupyter.js");
  const installed = readFileSync(join(REPO_ROOT, "node_modules", "tslab", "dist", "jupyter.js"), "utf8");
  if (!installed.includes("ttc-workbook patch")) {
    throw new Error(
      "node_modules/tslab is unpatched (installed with --ignore-scripts?): run `npx patch-package`",
    );
  }
  const version = (
    JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", "tslab", "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  expect(version).toBe("1.0.22");
});

runSuite(
  "jupyter_kernel_test passes against the kernelspec tslab",
  () => {
    if (!python) {
      throw new Error(
        "jupyter_kernel_test is missing: apt-get install python3-jupyter-kernel-test (.ci/run does)",
      );
    }
    ensureDist();
    // The library's value exports with each prefix, matched as tslab matches (any case, anywhere).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ttc = require(require.resolve("ttc-workbook", { paths: [REPO_ROOT] })) as Record<string, unknown>;
    const expected = Object.fromEntries(
      PREFIXES.map((p) => [p, Object.keys(ttc).filter((k) => k.toLowerCase().includes(p.toLowerCase()))]),
    );
    const result = spawnSync(python, [SUITE], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 240_000,
      env: { ...kernelEnv(process.env), TTC_EXPECTED_COMPLETIONS: JSON.stringify(expected) },
    });
    // unittest reports on stderr; keep the whole run for the record.
    const output = `${result.stderr}${result.stdout}`;
    mkdirSync(join(REPO_ROOT, "build"), { recursive: true });
    writeFileSync(REPORT, output);
    if (result.status !== 0) {
      throw new Error(`jupyter_kernel_test failed (exit ${result.status ?? result.signal}):\n${output}`);
    }
    expect(output).toMatch(/^OK \(skipped=\d+\)$/m);
    for (const check of [
      "test_kernel_info",
      "test_execute_stdout",
      "test_execute_stderr",
      "test_error",
      "test_error_reply_names_the_error",
      "test_completion",
      "test_is_complete",
      "test_inspect",
      "test_inspect_shows_the_library_signature",
      "test_display_data",
      "test_execute_result",
      "test_value_is_not_also_printed",
    ]) {
      expect(output).toMatch(new RegExp(`^${check} \\(.*\\) \\.\\.\\. ok$`, "m"));
    }
  },
  300_000,
);

/**
 * Tests of the Jupyter helper scripts: scripts/jupyter.js (finding Python and
 * the kernel environment), scripts/setup-jupyter.js (fast path when Jupyter is
 * present) and scripts/install-kernel.js (into a throwaway JUPYTER_DATA_DIR).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import {
  findPython,
  kernelEnv,
  PROJECT_JUPYTER_DIR,
  pythonCandidates,
  REPO_ROOT,
} from "../../scripts/jupyter";
import { requirePython } from "../../scripts/notebooks/runner";

const script = (name: string) => join(REPO_ROOT, "scripts", name);

describe("scripts/jupyter.js", () => {
  test("pythonCandidates: $TTC_PYTHON first, then /usr/bin/python3, then python3 on PATH", () => {
    expect(pythonCandidates({})).toEqual(["/usr/bin/python3", "python3"]);
    expect(pythonCandidates({ TTC_PYTHON: "/opt/py/bin/python" })).toEqual([
      "/opt/py/bin/python",
      "/usr/bin/python3",
      "python3",
    ]);
    expect(pythonCandidates({ TTC_PYTHON: "/usr/bin/python3" })).toEqual(["/usr/bin/python3", "python3"]);
  });

  test("TTC_PYTHON_SEARCH replaces the search list; set but empty, nothing is searched", () => {
    expect(pythonCandidates({ TTC_PYTHON_SEARCH: ["/a/python", "/b/python"].join(delimiter) })).toEqual([
      "/a/python",
      "/b/python",
    ]);
    expect(pythonCandidates({ TTC_PYTHON: "/t/python", TTC_PYTHON_SEARCH: "" })).toEqual(["/t/python"]);
    expect(findPython({ ...process.env, TTC_PYTHON: undefined, TTC_PYTHON_SEARCH: "" })).toBeNull();
  });

  test("kernelEnv puts <repo>/jupyter first on JUPYTER_PATH, once, keeping other entries", () => {
    expect(kernelEnv({}).JUPYTER_PATH).toBe(PROJECT_JUPYTER_DIR);
    const env = kernelEnv({ JUPYTER_PATH: ["/a", PROJECT_JUPYTER_DIR, "/b"].join(delimiter), KEEP: "1" });
    expect(env.JUPYTER_PATH).toBe([PROJECT_JUPYTER_DIR, "/a", "/b"].join(delimiter));
    expect(env.KEEP).toBe("1");
    expect(existsSync(join(PROJECT_JUPYTER_DIR, "kernels", "tslab", "kernel.json"))).toBe(true);
  });

  test("findPython returns a Python with Jupyter and the `python -m jupyter` prefix; a bad TTC_PYTHON falls through", () => {
    const found = requirePython();
    expect(found.jupyter).toEqual([found.python, "-m", "jupyter"]);
    expect(findPython({ ...process.env, TTC_PYTHON: found.python })?.python).toBe(found.python);
    expect(findPython({ ...process.env, TTC_PYTHON: "/nonexistent/python3" })?.python).not.toBe(
      "/nonexistent/python3",
    );
  });

  test("the committed kernelspec is portable: it walks up to node_modules/.bin/tslab", () => {
    const spec = JSON.parse(
      readFileSync(join(PROJECT_JUPYTER_DIR, "kernels", "tslab", "kernel.json"), "utf8"),
    ) as {
      argv: string[];
      display_name: string;
      language: string;
    };
    expect(spec.display_name).toBe("TypeScript (ttc-workbook)");
    expect(spec.language).toBe("typescript");
    expect(spec.argv.slice(0, 2)).toEqual(["sh", "-c"]);
    expect(spec.argv.at(-1)).toBe("{connection_file}");
    expect(spec.argv.join(" ")).not.toContain(REPO_ROOT); // no absolute paths into this checkout
    // The walk-up finds tslab from a folder below the repo, and fails clearly outside any project.
    const walk = (cwd: string) =>
      spawnSync("sh", ["-c", (spec.argv[2] ?? "").replace(/exec /, "echo "), "tslab-kernel", "conn.json"], {
        cwd,
        encoding: "utf8",
      });
    const inside = walk(join(REPO_ROOT, "notebooks"));
    expect(inside.stdout.trim()).toBe(
      `${join(REPO_ROOT, "node_modules", ".bin", "tslab")} kernel --config-path conn.json`,
    );
    const outside = walk("/");
    expect(outside.status).toBe(1);
    expect(outside.stderr).toMatch(/tslab not found/);
  });
});

describe("scripts/setup-jupyter.js", () => {
  test("with Jupyter present it only reports where it is (idempotent, no install)", () => {
    requirePython();
    const result = spawnSync(process.execPath, [script("setup-jupyter.js")], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/setup: Jupyter found: \S+/);
    expect(result.stdout).not.toMatch(/apt-get|pip install/);
  });
});

describe("scripts/install-kernel.js", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "ttc-jupyter-data-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test("installs kernelspec tslab with absolute paths to node and this checkout's tslab, and says where", () => {
    requirePython();
    const result = spawnSync(process.execPath, [script("install-kernel.js")], {
      encoding: "utf8",
      env: { ...process.env, JUPYTER_DATA_DIR: dataDir },
    });
    expect(result.status).toBe(0);
    const installed = join(dataDir, "kernels", "tslab");
    expect(result.stdout).toContain(`installed in ${installed}`);
    const spec = JSON.parse(readFileSync(join(installed, "kernel.json"), "utf8")) as {
      argv: string[];
      display_name: string;
    };
    expect(spec.argv).toEqual([
      process.execPath,
      join(REPO_ROOT, "node_modules", ".bin", "tslab"),
      "kernel",
      "--config-path",
      "{connection_file}",
    ]);
    expect(spec.display_name).toBe("TypeScript (ttc-workbook)");
  });
});

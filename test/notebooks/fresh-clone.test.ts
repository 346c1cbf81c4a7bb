/**
 * The README's quick start, `npm install` then `npm start`, in a fresh clone of this checkout
 * (its working tree, uncommitted changes to tracked files included) on a machine without
 * Jupyter, as far as that can be arranged without uninstalling anything:
 *
 * - "no Jupyter": TTC_PYTHON_SEARCH names only a stand-in Python that fails every import
 *   until Jupyter is "installed" (then it runs /usr/bin/python3), so the finder finds none;
 * - "installing": a stand-in apt-get first on PATH records its arguments and, on `install`,
 *   marks Jupyter installed. Nothing on the machine changes.
 *
 * As root, `npm start` must then set Jupyter up with the same steps as `npm run setup`
 * (saying what it installs), and serve the workbook: the server answers, offers the kernelspec
 * `tslab`, and starts a kernel from the clone's own node_modules. Without root (the test drops
 * to user nobody when it is root) it must install nothing and print exactly what to run.
 * `npm install` must also print no npm "install-scripts" warning.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { requirePython } from "../../scripts/notebooks/runner";
import { REPO_ROOT } from "../helpers/dist";
import { waitFor } from "./processes";
import { exited, freePort, jupyterApi, kernelsOf, stopEverything } from "./server";

const INSTALL_TIMEOUT_MS = 400_000;
const TEST_TIMEOUT_MS = 240_000;
const TOKEN = `ttc-clone-${process.pid}-${Date.now()}`;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasGit =
  spawnSync("git", ["-C", REPO_ROOT, "rev-parse", "--git-dir"], { stdio: "ignore" }).status === 0;
const inCi = process.env["CI"] === "true" || process.env["CI"] === "1";
const suite = hasGit && process.platform === "linux" ? describe : describe.skip;

let base = ""; // holds the clone and the stand-ins
let clone = "";
let shims = ""; // stand-in commands, first on PATH
let fakePython = "";
let installedMarker = "";
let aptLog = "";
let installOutput = "";
let server: ChildProcess | undefined;
let runtimeDir = "";

/** Runs a command, failing with its output when it does not exit 0. */
function run(cmd: string, args: string[], cwd: string, timeout = 120_000): string {
  const result = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout, maxBuffer: 64 << 20 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${result.status}):\n${output}`);
  return output;
}

/** The environment of a machine whose only Python has no Jupyter, with the stand-in apt-get. */
function noJupyterEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${shims}${delimiter}${process.env["PATH"] ?? ""}`,
    TTC_PYTHON_SEARCH: fakePython,
    ...extra,
  };
  delete env["TTC_PYTHON"];
  delete env["JUPYTER_PATH"];
  return env;
}

suite("a fresh clone without Jupyter: npm install, then npm start", () => {
  beforeAll(() => {
    requirePython(); // the stand-in Python runs the real one once "installed"
    base = mkdtempSync(join(tmpdir(), "ttc-fresh-"));
    chmodSync(base, 0o755); // user nobody reads the clone in the no-root case
    clone = join(base, "ttc-workbook");

    // The checkout's committed state plus its uncommitted changes and new (not ignored) files.
    run("git", ["clone", "--quiet", "--no-hardlinks", REPO_ROOT, clone], base);
    const diff = spawnSync("git", ["-C", REPO_ROOT, "diff", "HEAD", "--binary"], { maxBuffer: 64 << 20 });
    if (diff.stdout.length > 0) {
      const applied = spawnSync("git", ["-C", clone, "apply", "--whitespace=nowarn"], { input: diff.stdout });
      if (applied.status !== 0) throw new Error(`git apply failed:\n${applied.stderr.toString()}`);
    }
    const untracked = run("git", ["ls-files", "--others", "--exclude-standard", "-z"], REPO_ROOT);
    for (const file of untracked.split("\0").filter(Boolean)) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      copyFileSync(join(REPO_ROOT, file), join(clone, file));
    }

    installOutput = run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline"],
      clone,
      INSTALL_TIMEOUT_MS,
    );

    shims = join(base, "bin");
    mkdirSync(shims);
    installedMarker = join(base, "jupyter-installed");
    aptLog = join(base, "apt-get.log");
    fakePython = join(base, "python3-without-jupyter");
    writeFileSync(
      join(shims, "apt-get"),
      `#!/bin/sh\necho "apt-get $*" >> '${aptLog}'\n[ "$1" = install ] && touch '${installedMarker}'\nexit 0\n`,
    );
    // pip that cannot reach its index (PyPI is out of reach in the no-root case).
    writeFileSync(join(shims, "python3"), "#!/bin/sh\necho 'pip: no index (stand-in)' >&2\nexit 1\n");
    writeFileSync(
      fakePython,
      `#!/bin/sh\nif [ ! -e '${installedMarker}' ]; then echo "ModuleNotFoundError: No module named 'nbclient'" >&2; exit 1; fi\n` +
        `exec /usr/bin/python3 "$@"\n`,
    );
    for (const f of ["apt-get", "python3"]) chmodSync(join(shims, f), 0o755);
    chmodSync(fakePython, 0o755);
  }, INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    await stopEverything(server, runtimeDir, true);
    if (base) rmSync(base, { recursive: true, force: true });
  });

  test("npm install builds dist/, applies the tslab patch, and prints no install-scripts warning", () => {
    expect(installOutput).toMatch(/tslab@1\.0\.22 ✔/);
    expect(installOutput).not.toMatch(/install-scripts|allowScripts/);
    expect(existsSync(join(clone, "dist", "index.js"))).toBe(true);
  });

  (isRoot ? test : test.skip)(
    "as root, npm start installs Jupyter with apt-get (saying what), then serves the workbook",
    async () => {
      const port = await freePort();
      runtimeDir = join(base, "runtime");
      mkdirSync(runtimeDir);
      let output = "";
      server = spawn("npm", ["start"], {
        cwd: clone,
        env: noJupyterEnv({ TTC_PORT: String(port), TTC_TOKEN: TOKEN, JUPYTER_RUNTIME_DIR: runtimeDir }),
        stdio: ["ignore", "pipe", "pipe"],
        detached: true, // its own process group, stopped as a whole below
      });
      server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
      server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
      const context = () => `\n--- npm start output ---\n${output}`;
      const api = jupyterApi(port, TOKEN);

      const status = await waitFor(
        () => api("GET", "/api/status").catch(() => ({ status: 0, json: null })),
        (r) => r.status === 200 || server?.exitCode !== null,
        120_000,
        250,
      );
      if (status.status !== 200) throw new Error(`the workbook was not served on port ${port}${context()}`);

      // It said it had no Jupyter, ran the setup steps, named what it installs, and ran apt-get.
      expect(output).toContain("start: no Python with Jupyter found; setting it up first");
      expect(output).toContain(
        "installing Debian's packages jupyter-notebook, jupyter-nbconvert, python3-nbclient, python3-numpy with apt-get",
      );
      expect(output).toContain("$ apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient");
      expect(output).toContain(`installed. Jupyter found: ${fakePython}`);
      expect(readFileSync(aptLog, "utf8").trim().split("\n")).toEqual([
        "apt-get update",
        "apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient python3-numpy",
      ]);
      await waitFor(
        () => output,
        (out) => out.includes("start: open http"),
        5_000,
      );
      expect(output).toContain(`start: open http://127.0.0.1:${port}/?token=${TOKEN}`);

      // The server offers the project kernel and starts it from the clone's node_modules.
      expect((await api("GET", "/api/kernelspecs")).json).toMatchObject({
        kernelspecs: { tslab: { spec: { display_name: "TypeScript (ttc-workbook)" } } },
      });
      const created = await api("POST", "/api/kernels", { name: "tslab" });
      expect(created.status).toBe(201);
      const [kernel] = await waitFor(
        () => kernelsOf(runtimeDir),
        (k) => k.length === 1,
        30_000,
      );
      expect(kernel?.cmdline).toContain(join(clone, "node_modules"));
      expect(kernel?.cwd).toBe(join(clone, "notebooks"));

      // Ctrl-C (SIGTERM to the group) stops Jupyter and its kernel.
      if (server.pid) process.kill(-server.pid, "SIGTERM");
      expect(await exited(server, 30_000)).not.toBe("timeout");
      expect(
        await waitFor(
          () => kernelsOf(runtimeDir),
          (k) => k.length === 0,
          10_000,
        ),
      ).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "without root, npm start installs nothing and says exactly what to run",
    () => {
      const env = noJupyterEnv({});
      rmSync(installedMarker, { force: true });
      const result = spawnSync(process.execPath, [join(clone, "scripts", "start.js")], {
        cwd: clone,
        env: { ...env, HOME: base },
        encoding: "utf8",
        timeout: 120_000,
        ...(isRoot ? { uid: 65534, gid: 65534 } : {}), // nobody
      });
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status).toBe(1);
      expect(output).toContain("start: no Python with Jupyter found; setting it up first");
      expect(output).toMatch(/cannot install Jupyter automatically: not running as root/);
      expect(output).toContain(
        "sudo sh -c 'apt-get update && apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient python3-numpy'",
      );
      expect(output).toContain("then `npm start` again");
      expect(output).toContain("TTC_PYTHON=/path/to/python3 npm start");
      expect(existsSync(installedMarker)).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});

if (!hasGit && !inCi) console.warn("fresh clone: skipped (not a git checkout)");

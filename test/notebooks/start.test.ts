/**
 * `npm start` end to end (with Jupyter present; fresh-clone.test.ts covers a machine
 * without it): spawn `node scripts/start.js` on a free port with a
 * fixed token, wait for Jupyter, start a tslab kernel through the REST API,
 * run a cell on it, delete it, stop the server with SIGTERM (as a Ctrl-C
 * would, via start.js's forwarding), and check that no kernel is left.
 *
 * The server gets its own JUPYTER_RUNTIME_DIR, so its kernels are the tslab
 * processes whose connection file (on their command line) lies in that folder.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { requirePython } from "../../scripts/notebooks/runner";
import { ensureDist, REPO_ROOT } from "../helpers/dist";
import { waitFor } from "./processes";
import { exited, freePort, jupyterApi, kernelsOf, stopEverything } from "./server";

const TOKEN = `ttc-test-${process.pid}-${Date.now()}`;
const TEST_TIMEOUT_MS = 300_000;

let runtimeDir: string;
let server: ChildProcess | undefined;
let serverOutput = "";
let port = 0;

const api = (method: string, path: string, body?: unknown) => jupyterApi(port, TOKEN)(method, path, body);
const ourKernels = () => kernelsOf(runtimeDir);

/**
 * Connects to a kernel through its connection file with jupyter_client, waits
 * until it answers kernel_info, runs `1 + 1` and returns what came back (its
 * reply status, and the value it shows as the cell's execute_result):
 * proof that the kernel is alive and executes TypeScript.
 */
function executeOnKernel(connectionFile: string): { status: string; result: string } {
  const { python } = requirePython();
  const script = [
    "import json, sys, time",
    "from queue import Empty",
    "from jupyter_client import BlockingKernelClient",
    "kc = BlockingKernelClient(connection_file=sys.argv[1])",
    "kc.load_connection_file()",
    // No heartbeat channel: wait_for_ready() would call a still-starting kernel dead.
    "kc.start_channels(hb=False)",
    "try:",
    "    deadline = time.time() + 90",
    // Ready means both: a kernel_info reply on shell AND a status message on IOPub. A SUB socket
    // that has not finished connecting drops what the kernel publishes (ZeroMQ's slow joiner);
    // execute_interactive would then wait for an "idle" that never arrives.
    "    replied = heard = False",
    "    while not (replied and heard):",
    "        if time.time() > deadline: raise RuntimeError(f'kernel not ready in 90 s (shell {replied}, iopub {heard})')",
    "        kc.kernel_info()",
    "        try:",
    "            while not replied: replied = kc.get_shell_msg(timeout=1)['msg_type'] == 'kernel_info_reply'",
    "        except Empty:",
    "            continue",
    "        try:",
    "            while True: heard = kc.get_iopub_msg(timeout=1)['msg_type'] == 'status' or heard",
    "        except Empty:",
    "            pass",
    "    out = []",
    "    hook = lambda m: out.append(m['content']['data']['text/plain']) if m['msg_type'] == 'execute_result' else None",
    "    reply = kc.execute_interactive('1 + 1', timeout=90, output_hook=hook)",
    "    print(json.dumps({'status': reply['content']['status'], 'result': ''.join(out)}))",
    "finally:",
    "    kc.stop_channels()",
  ].join("\n");
  const result = spawnSync(python, ["-c", script, connectionFile], { encoding: "utf8", timeout: 200_000 });
  if (result.status !== 0) throw new Error(`kernel client failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as { status: string; result: string };
}

beforeAll(async () => {
  requirePython(); // fails here, naming the fix, when Jupyter is missing
  ensureDist();
  mkdirSync(join(REPO_ROOT, "build"), { recursive: true });
  runtimeDir = mkdtempSync(join(REPO_ROOT, "build", "tmp-runtime-"));
  port = await freePort();
});

afterAll(async () => {
  // Normally the test has stopped everything; this is the safety net when it failed midway.
  await stopEverything(server, runtimeDir);
  if (runtimeDir && existsSync(runtimeDir)) rmSync(runtimeDir, { recursive: true, force: true });
});

test(
  "npm start serves Jupyter on 127.0.0.1, runs tslab kernels via REST, and leaves none behind on SIGTERM",
  async () => {
    server = spawn(process.execPath, [join(REPO_ROOT, "scripts", "start.js")], {
      cwd: REPO_ROOT,
      env: { ...process.env, TTC_PORT: String(port), TTC_TOKEN: TOKEN, JUPYTER_RUNTIME_DIR: runtimeDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk: Buffer) => (serverOutput += chunk.toString("utf8")));
    server.stderr?.on("data", (chunk: Buffer) => (serverOutput += chunk.toString("utf8")));
    const context = () => `\n--- start.js output ---\n${serverOutput}`;

    // 1. The server comes up, prints its URL, and start.js prints the hint with the real token.
    const status = await waitFor(
      () => api("GET", "/api/status").catch(() => ({ status: 0, json: null })),
      (r) => r.status === 200 || server?.exitCode !== null,
      60_000,
      250,
    );
    if (status.status !== 200) throw new Error(`Jupyter did not come up on port ${port}${context()}`);
    await waitFor(
      () => serverOutput,
      (out) => out.includes("start: open http"),
      5_000,
    );
    expect(serverOutput).toContain(`start: open http://127.0.0.1:${port}/?token=${TOKEN}`);
    expect(serverOutput).toMatch(/--ip=127\.0\.0\.1 --no-browser --notebook-dir=\S+\/notebooks/);
    expect((await api("GET", "/api/kernelspecs")).json).toMatchObject({
      kernelspecs: { tslab: { spec: { display_name: "TypeScript (ttc-workbook)", language: "typescript" } } },
    });
    const unauthorized = await fetch(`http://127.0.0.1:${port}/api/kernels`);
    expect(unauthorized.status).toBe(403);

    // 2. A tslab kernel started through REST is listed, and executes a cell once ready.
    const created = await api("POST", "/api/kernels", { name: "tslab" });
    expect(created.status).toBe(201);
    const { id } = created.json as { id: string };
    const shown = await api("GET", `/api/kernels/${id}`);
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({ id, name: "tslab" });

    const connectionFile = join(runtimeDir, `kernel-${id}.json`);
    await waitFor(() => existsSync(connectionFile), Boolean, 30_000);
    // Executing a cell over the kernel's own connection file proves it runs. (The server's
    // `execution_state` field is bookkeeping that the classic Notebook updates lazily, and it
    // lagged by more than 10 s on a loaded 2-core machine, so it is not asserted.)
    expect(executeOnKernel(connectionFile)).toEqual({ status: "ok", result: "2" });
    const [kernel] = ourKernels();
    expect(kernel?.cwd).toBe(join(REPO_ROOT, "notebooks"));

    // 3. Deleting it stops its process.
    expect((await api("DELETE", `/api/kernels/${id}`)).status).toBe(204);
    expect((await api("GET", `/api/kernels/${id}`)).status).toBe(404);
    expect(await waitFor(ourKernels, (k) => k.length === 0, 10_000)).toEqual([]);

    // 4. A kernel still running when the server is stopped is shut down with it.
    const second = await api("POST", "/api/kernels", { name: "tslab" });
    expect(second.status).toBe(201);
    expect(await waitFor(ourKernels, (k) => k.length === 1, 30_000)).toHaveLength(1);

    server.kill("SIGTERM");
    expect(await exited(server, 30_000)).toBe(0);
    expect(serverOutput).toMatch(/start: received SIGTERM/);
    expect(serverOutput).toMatch(/Shutting down 1 kernel/);
    const left = await waitFor(ourKernels, (k) => k.length === 0, 10_000);
    if (left.length > 0) throw new Error(`kernels left running: ${JSON.stringify(left)}${context()}`);
  },
  TEST_TIMEOUT_MS,
);

/**
 * Helpers for the tests that run `npm start` (start.test.ts, fresh-clone.test.ts): a free
 * port, the Jupyter REST API with a token, waiting for a process to exit, and the safety net
 * that stops a server and its kernels when a test failed midway.
 *
 * Each test gives its server its own JUPYTER_RUNTIME_DIR, so the server's kernels are the
 * tslab processes whose connection file (on their command line) lies in that folder.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { isAlive, tslabKernelProcesses, type KernelProcess } from "./processes";

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A caller of one server's REST API: returns the status and the parsed JSON body (or null). */
export type JupyterApi = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; json: unknown }>;

/** The REST API of the Jupyter server on 127.0.0.1:`port`, authenticated with `token`. */
export function jupyterApi(port: number, token: string): JupyterApi {
  return async (method, path, body) => {
    const init: RequestInit = { method, headers: { Authorization: `token ${token}` } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`http://127.0.0.1:${port}${path}`, init);
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  };
}

/** Tslab kernels whose connection file lies in `runtimeDir` (the kernels of that test's server). */
export function kernelsOf(runtimeDir: string): KernelProcess[] {
  return tslabKernelProcesses().filter((p) => p.cmdline.includes(runtimeDir));
}

/** Resolves with the exit code (or signal name) once `child` has exited, or "timeout". */
export function exited(child: ChildProcess, timeoutMs: number): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(child.exitCode ?? child.signalCode ?? "");
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal ?? "");
    });
  });
}

/**
 * The safety net for afterAll: stops `server` (SIGTERM, then SIGKILL) if it still runs, and
 * kills the Jupyter servers and kernels recorded in `runtimeDir`. `group` kills the server's
 * whole process group (for a server spawned `detached`, e.g. through `npm start`).
 */
export async function stopEverything(
  server: ChildProcess | undefined,
  runtimeDir: string | undefined,
  group = false,
): Promise<void> {
  const kill = (signal: NodeJS.Signals) => {
    if (!server?.pid) return;
    try {
      if (group) process.kill(-server.pid, signal);
      else server.kill(signal);
    } catch {
      // already gone
    }
  };
  if (server && server.exitCode === null && server.signalCode === null) {
    kill("SIGTERM");
    if ((await exited(server, 20_000)) === "timeout") kill("SIGKILL");
  }
  if (runtimeDir && existsSync(runtimeDir)) {
    for (const file of readdirSync(runtimeDir).filter((f) => /^(nb|jp)server-\d+\.json$/.test(f))) {
      const { pid } = JSON.parse(readFileSync(`${runtimeDir}/${file}`, "utf8")) as { pid: number };
      if (isAlive(pid)) process.kill(pid, "SIGKILL");
    }
    for (const kernel of kernelsOf(runtimeDir)) process.kill(kernel.pid, "SIGKILL");
  }
}

/**
 * Finding tslab kernel processes, so tests can assert that none is left
 * behind. Reads /proc on Linux (command line and working directory); falls
 * back to `ps` elsewhere (no working directory then).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";

/** A running tslab kernel. */
export interface KernelProcess {
  pid: number;
  /** Command line, arguments joined by spaces. */
  cmdline: string;
  /** Working directory (the notebook's folder), or "" when unknown. */
  cwd: string;
}

/** A tslab kernel runs as `node …/tslab kernel --config-path <connection file>`. */
function isTslabKernel(args: string[]): boolean {
  return args.some((arg, i) => /(^|\/)tslab$/.test(arg) && args[i + 1] === "kernel");
}

function fromProc(): KernelProcess[] {
  const found: KernelProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
      if (!isTslabKernel(args)) continue;
      let cwd = "";
      try {
        cwd = readlinkSync(`/proc/${entry}/cwd`);
      } catch {
        // the process exited meanwhile, or belongs to another user
      }
      found.push({ pid: Number(entry), cmdline: args.join(" "), cwd });
    } catch {
      // the process exited while we were reading it
    }
  }
  return found;
}

function fromPs(): KernelProcess[] {
  const lines = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n");
  return lines
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .filter((m) => isTslabKernel((m[2] ?? "").split(/\s+/)))
    .map((m) => ({ pid: Number(m[1]), cmdline: m[2] ?? "", cwd: "" }));
}

/** All tslab kernel processes currently running on this machine. */
export function tslabKernelProcesses(): KernelProcess[] {
  return existsSync("/proc/self/cmdline") ? fromProc() : fromPs();
}

/** True when a process with this pid exists (and is not a zombie on Linux). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) STATE …"; Z means exited but not yet reaped.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/\)\s+Z\s/.test(stat);
  } catch {
    return true;
  }
}

/** Kernel processes present now that were not in `before` (by pid). */
export function newKernelProcesses(before: KernelProcess[]): KernelProcess[] {
  const old = new Set(before.map((p) => p.pid));
  return tslabKernelProcesses().filter((p) => !old.has(p.pid));
}

/** Polls until `predicate` holds or `timeoutMs` passes; returns the last value of `probe`. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (predicate(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

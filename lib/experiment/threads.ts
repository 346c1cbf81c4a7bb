/**
 * What the experiment layer's worker threads share: where the compiled
 * package is (workers load it; the library run from its sources, as under
 * ts-jest, has none and runs on the calling thread), how many threads are
 * worth starting, and the synchronous wait for work on shared memory.
 * @packageDocumentation
 */
import { existsSync } from "fs";
import { cpus } from "os";
import { join } from "path";

/** A module of the compiled package (e.g. "experiment/search-tasks"), if this code runs from it. @internal */
export function compiledModule(name: string): string | undefined {
  if (!__filename.endsWith(".js")) return undefined;
  const file = join(__dirname, "..", `${name}.js`);
  return existsSync(file) ? file : undefined;
}

/** Threads worth starting for `jobs` jobs beside the calling thread: one per spare core. @internal */
export function defaultThreads(jobs: number): number {
  return Math.max(0, Math.min(jobs - 1, cpus().length - 1));
}

/**
 * The shared counters of one parallel run: [next job, jobs done, failed].
 * Every thread, the caller's included, claims jobs with {@link claim}. @internal
 */
export class JobCounters {
  readonly buffer = new SharedArrayBuffer(12);
  private readonly state = new Int32Array(this.buffer);

  /** The next unclaimed job, or -1 when none is left. */
  claim(total: number): number {
    const i = Atomics.add(this.state, 0, 1);
    return i < total ? i : -1;
  }

  /** Marks one job done (and wakes the waiting caller). */
  finished(): void {
    Atomics.add(this.state, 1, 1);
    Atomics.notify(this.state, 1);
  }

  /** Jobs done so far. */
  done(): number {
    return Atomics.load(this.state, 1);
  }

  /** Whether a worker reported a failure. */
  failed(): boolean {
    return Atomics.load(this.state, 2) !== 0;
  }

  /**
   * Blocks until `total` jobs are done or a worker fails, calling `onDone`
   * as the count grows.
   */
  waitAll(total: number, onDone: (done: number) => void): void {
    let seen = this.done();
    while (seen < total && !this.failed()) {
      Atomics.wait(this.state, 1, seen, 200);
      const now = this.done();
      if (now !== seen) onDone(now);
      seen = now;
    }
  }
}

/** The worker-side counterpart of {@link JobCounters}, as source text for an eval'd worker. @internal */
export const WORKER_COUNTERS = `
const state = new Int32Array(workerData.counters);
const claim = (total) => { const i = Atomics.add(state, 0, 1); return i < total ? i : -1; };
const finished = () => { Atomics.add(state, 1, 1); Atomics.notify(state, 1); };
const fail = () => { Atomics.store(state, 2, 1); Atomics.notify(state, 1); };
`;

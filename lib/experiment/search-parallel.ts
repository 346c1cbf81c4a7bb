/**
 * The search experiment's tasks spread over worker threads, synchronously:
 * the caller claims tasks too, and blocks until the workers' share is done.
 * Each task's success counts come back through one shared array of doubles.
 * Results are identical to running every task on the calling thread.
 * @packageDocumentation
 */
import { Worker } from "worker_threads";
import { runSearchTask, searchTaskWork, type SearchTask, type SearchTaskContext } from "./search-tasks";
import { compiledModule, JobCounters, WORKER_COUNTERS } from "./threads";

const WORKER_SOURCE = `
const { workerData } = require("worker_threads");
${WORKER_COUNTERS}
const { runSearchTask } = require(workerData.module);
const out = new Float64Array(workerData.results);
try {
  for (let i = claim(workerData.tasks.length); i >= 0; i = claim(workerData.tasks.length)) {
    let at = workerData.offsets[i];
    for (const row of runSearchTask(workerData.tasks[i], workerData.context)) {
      out.set(row, at);
      at += row.length;
    }
    finished();
  }
} catch (e) {
  fail();
}
`;

/**
 * Success counts of every task (one array per budget of each), using up to
 * `threads` worker threads beside the caller; `report(n)` is told of the
 * generations simulated. A failed worker's tasks are rerun here. @internal
 */
export function runSearchTasks(
  tasks: readonly SearchTask[],
  context: SearchTaskContext,
  threads: number,
  report: (n: number) => void,
): Float64Array[][] {
  const module = compiledModule("experiment/search-tasks");
  if (threads <= 0 || tasks.length <= 1 || module === undefined) {
    return tasks.map((t) => runSearchTask(t, context, report));
  }
  const Q = context.benchmark.questions.length;
  const offsets: number[] = [];
  let size = 0;
  for (const t of tasks) {
    offsets.push(size);
    size += t.budgets.length * Q;
  }
  const counters = new JobCounters();
  const results = new SharedArrayBuffer(size * 8);
  const out = new Float64Array(results);
  const mine: (Float64Array[] | undefined)[] = new Array<Float64Array[] | undefined>(tasks.length);
  const workers: Worker[] = [];
  const workerData = { module, tasks, context, offsets, results, counters: counters.buffer };
  for (let t = 0; t < Math.min(threads, tasks.length - 1); t++) {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData });
    w.unref();
    workers.push(w);
  }
  try {
    for (let i = counters.claim(tasks.length); i >= 0; i = counters.claim(tasks.length)) {
      mine[i] = runSearchTask(tasks[i] as SearchTask, context, report);
      counters.finished();
    }
    // The workers' tasks are counted in the progress when they are collected below.
    counters.waitAll(tasks.length, () => undefined);
  } finally {
    for (const w of workers) void w.terminate();
  }
  const failed = counters.failed() && counters.done() < tasks.length;
  return tasks.map((t, i) => {
    const here = mine[i];
    if (here !== undefined) return here;
    if (failed) return runSearchTask(t, context, report);
    report(searchTaskWork(t, context));
    const at = offsets[i] as number;
    return t.budgets.map((_, j) => out.slice(at + j * Q, at + (j + 1) * Q));
  });
}

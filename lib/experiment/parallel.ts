/**
 * Whole studies (a search and a revision experiment and their findings
 * table) spread over worker threads, synchronously: the caller blocks until
 * every study is done, so a notebook cell stays one ordinary call. Each
 * thread, the caller's included, takes the next study from a shared counter;
 * a study's verdicts come back through shared memory. Every study is seeded
 * by its options, so the verdicts do not depend on which thread ran it.
 *
 * Workers load the compiled package (`dist/index.js` next to this file's
 * compiled copy). When it is not there — the library run from its sources,
 * as under ts-jest — or threads are not wanted, {@link runStudies} runs
 * everything on the calling thread.
 * @packageDocumentation
 */
import { Worker } from "worker_threads";
import { compiledModule } from "./threads";
import type { RevisionExperimentOptions, SearchExperimentOptions } from "./experiment";
import { findingsTable, type Verdict } from "./findings";
import { runRevisionExperiment } from "./revision-experiment";
import { runSearchExperiment } from "./search-experiment";

/** One study: the options of its two experiments (plain data: they cross to a worker). */
export interface Study {
  readonly search: Omit<SearchExperimentOptions, "onProgress">;
  readonly revision: Omit<RevisionExperimentOptions, "onProgress">;
}

const VERDICTS: readonly Verdict[] = ["no", "partly", "yes"];

/** The worker: runs studies from the shared counter until none is left. */
const WORKER_SOURCE = `
const { workerData } = require("worker_threads");
const ttc = require(workerData.library);
const state = new Int32Array(workerData.shared, 0, 3); // [next study, studies done, failed]
const out = new Int8Array(workerData.shared, 12);
const code = { no: 0, partly: 1, yes: 2 };
try {
  for (;;) {
    const i = Atomics.add(state, 0, 1);
    if (i >= workerData.studies.length) break;
    const s = workerData.studies[i];
    const rows = ttc.findingsTable(ttc.runSearchExperiment(s.search), ttc.runRevisionExperiment(s.revision));
    for (let k = 0; k < rows.length && k < workerData.width; k++) out[i * workerData.width + k] = code[rows[k].reproduced];
    Atomics.add(state, 1, 1);
    Atomics.notify(state, 1);
  }
} catch (e) {
  Atomics.store(state, 2, 1);
  Atomics.notify(state, 1);
}
`;

/**
 * Runs each study's findings table and returns its verdicts (in findings
 * order), using up to `threads` worker threads beside the caller. `width` is
 * the number of findings per table. `onDone(done, total)` is called on the
 * calling thread as studies finish. Throws if a worker fails (the study is
 * then rerun on the calling thread, so its own error message surfaces).
 * @internal
 */
export function runStudies(
  studiesIn: readonly Study[],
  width: number,
  threads: number,
  onDone?: (done: number, total: number) => void,
): Verdict[][] {
  let studies = studiesIn;
  const total = studies.length;
  const run = (s: Study): Verdict[] =>
    findingsTable(runSearchExperiment(s.search), runRevisionExperiment(s.revision)).map((r) => r.reproduced);
  const library = compiledModule("index");
  if (threads <= 0 || total <= 1 || library === undefined) {
    return studies.map((s, i) => {
      const v = run(s);
      onDone?.(i + 1, total);
      return v;
    });
  }

  // Every study runs on one thread: the studies themselves are what is spread over the cores.
  studies = studies.map((s) => ({ ...s, search: { ...s.search, threads: 0 } }));
  const shared = new SharedArrayBuffer(12 + total * width);
  const state = new Int32Array(shared, 0, 3);
  const out = new Int8Array(shared, 12);
  const results: (Verdict[] | undefined)[] = new Array<Verdict[] | undefined>(total);
  const workers: Worker[] = [];
  for (let t = 0; t < Math.min(threads, total - 1); t++) {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { library, studies, shared, width } });
    w.unref();
    workers.push(w);
  }
  let reported = 0;
  const report = () => {
    const done = Atomics.load(state, 1);
    while (reported < done) onDone?.(++reported, total);
  };
  try {
    for (;;) {
      const i = Atomics.add(state, 0, 1);
      if (i >= total) break;
      results[i] = run(studies[i] as Study);
      Atomics.add(state, 1, 1);
      report();
    }
    while (Atomics.load(state, 1) < total) {
      if (Atomics.load(state, 2) !== 0) break;
      Atomics.wait(state, 1, Atomics.load(state, 1), 200);
      report();
    }
  } finally {
    for (const w of workers) void w.terminate();
  }
  return studies.map((s, i) => {
    const mine = results[i];
    if (mine !== undefined) return mine;
    if (Atomics.load(state, 2) !== 0 && Atomics.load(state, 1) < total) {
      // A worker failed: finish the study here, where its error (if any) is thrown with its own message.
      const v = run(s);
      report();
      return v;
    }
    return Array.from(out.subarray(i * width, (i + 1) * width), (c) => VERDICTS[c] as Verdict);
  });
}

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
import { compiledModule, JobCounters, WORKER_COUNTERS } from "./threads";
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

/** The worker: runs studies from the shared counters until none is left. */
const WORKER_SOURCE = `
const { workerData } = require("worker_threads");
${WORKER_COUNTERS}
const ttc = require(workerData.library);
const out = new Int8Array(workerData.verdicts);
const code = { no: 0, partly: 1, yes: 2 };
try {
  for (let i = claim(workerData.studies.length); i >= 0; i = claim(workerData.studies.length)) {
    const s = workerData.studies[i];
    const rows = ttc.findingsTable(ttc.runSearchExperiment(s.search), ttc.runRevisionExperiment(s.revision));
    for (let k = 0; k < rows.length && k < workerData.width; k++) out[i * workerData.width + k] = code[rows[k].reproduced];
    finished();
  }
} catch (e) {
  fail();
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
  const counters = new JobCounters();
  const verdicts = new SharedArrayBuffer(total * width);
  const out = new Int8Array(verdicts);
  const results: (Verdict[] | undefined)[] = new Array<Verdict[] | undefined>(total);
  const workers: Worker[] = [];
  const workerData = { library, studies, verdicts, width, counters: counters.buffer };
  for (let t = 0; t < Math.min(threads, total - 1); t++) {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData });
    w.unref();
    workers.push(w);
  }
  let reported = 0;
  const report = () => {
    const done = counters.done();
    while (reported < done) onDone?.(++reported, total);
  };
  try {
    for (let i = counters.claim(total); i >= 0; i = counters.claim(total)) {
      results[i] = run(studies[i] as Study);
      counters.finished();
      report();
    }
    counters.waitAll(total, report);
  } finally {
    for (const w of workers) void w.terminate();
  }
  const failed = counters.failed() && counters.done() < total;
  return studies.map((s, i) => {
    const mine = results[i];
    if (mine !== undefined) return mine;
    if (failed) {
      // A worker failed: finish the study here, where its error (if any) is thrown with its own message.
      const v = run(s);
      report();
      return v;
    }
    return Array.from(out.subarray(i * width, (i + 1) * width), (c) => VERDICTS[c] as Verdict);
  });
}

/**
 * Do the findings hold? {@link findingsAcrossSeeds} reruns both experiments
 * on independent seeds (a new benchmark, new simulation streams, a new
 * difficulty verifier) and counts, per finding, how many seeds give the
 * default seed's verdict; then it reruns the default seed with each
 * switchable mechanism of {@link MECHANISMS} turned off and reports the
 * verdict of every finding that rests on it.
 * @packageDocumentation
 */
import {
  assertBoolean,
  assertFunction,
  assertInteger,
  assertOptions,
  assertSeed,
  rangeError,
} from "../base/validate";
import { type VerifierOptions } from "../models/verifier";
import {
  DEFAULT_DIFFICULTY_VERIFIER,
  type RevisionExperimentOptions,
  type SearchExperimentOptions,
} from "./experiment";
import { findingsTable, type FindingRow, type Verdict } from "./findings";
import { FINDING_CAUSES, MECHANISMS, type MechanismId } from "./mechanisms";
import { runRevisionExperiment } from "./revision-experiment";
import { runSearchExperiment } from "./search-experiment";
import { runStudies, type Study } from "./parallel";
import { defaultThreads } from "./threads";

/** The paper-style count of independent seeds a verdict is checked on. */
export const DEFAULT_ROBUSTNESS_SEEDS = 10;

/** Options of {@link findingsAcrossSeeds}. */
export interface FindingsAcrossSeedsOptions {
  /** Independent seeds besides the default one, an integer in [1, 50]. @defaultValue 10 */
  seeds?: number;
  /**
   * Name of the independent seeds (a string or finite number): seed i runs with
   * experiment seed `"<base>/<i>"`, benchmark seed `"<base>/<i>/benchmark"`
   * and difficulty-verifier seed `"<base>/<i>/difficulty-verifier"`.
   * @defaultValue "across-seeds"
   */
  seedBase?: string | number;
  /**
   * Options of the search experiment, for every run (the default seed uses them
   * as given; independent seeds replace its seeds). `cache` and `onProgress`
   * are set here. @defaultValue `{}`
   */
  search?: Omit<SearchExperimentOptions, "cache" | "onProgress">;
  /** Options of the revision experiment, likewise. @defaultValue `{}` */
  revision?: Omit<RevisionExperimentOptions, "cache" | "onProgress">;
  /** Also rerun the default seed with each mechanism switched off. @defaultValue true */
  ablations?: boolean;
  /** Called with (runs done, runs in all) after each pair of experiments. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads to run studies on beside the calling thread, an integer in [0, 64]; 0 runs
   * everything on the calling thread. Verdicts do not depend on it. Threads are used only from the
   * compiled package. @defaultValue one per spare CPU core
   */
  threads?: number;
}

/** A finding with its mechanism off. */
export interface FindingAblation {
  /** The mechanism switched off. */
  readonly mechanism: MechanismId;
  /** Its short name. */
  readonly name: string;
  /** The finding's verdict on the default seed with it off. */
  readonly verdict: Verdict;
}

/** One finding, across seeds and with its mechanisms off. */
export interface FindingRobustness {
  /** The finding's id (as in {@link findingsTable}). */
  readonly id: string;
  /** The finding, in words. */
  readonly finding: string;
  /** What it comes from in the synthetic world. */
  readonly cause: string;
  /** Verdict on the default seed. */
  readonly verdict: Verdict;
  /** Verdict on each independent seed, in seed order. */
  readonly verdicts: readonly Verdict[];
  /** How many independent seeds give the default seed's verdict. */
  readonly agree: number;
  /** How many independent seeds give "yes". */
  readonly yes: number;
  /** Verdict with each mechanism it rests on switched off (empty when `ablations` is false). */
  readonly ablations: readonly FindingAblation[];
}

/** What {@link findingsAcrossSeeds} returns. */
export interface FindingsAcrossSeeds {
  /** The seeds used: experiment, benchmark and difficulty-verifier seed of each independent run. */
  readonly seeds: readonly { readonly seed: string; readonly benchmark: string; readonly verifier: string }[];
  /** The default seed's full findings table. */
  readonly table: readonly FindingRow[];
  /** One row per finding, in the table's order. */
  readonly rows: readonly FindingRobustness[];
}

type SearchOpts = Omit<SearchExperimentOptions, "cache" | "onProgress">;
type RevisionOpts = Omit<RevisionExperimentOptions, "cache" | "onProgress">;

/** Deep-merges plain option objects (arrays and values replace). */
function merge<T extends object>(base: T, over: object | undefined): T {
  if (over === undefined) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      b !== null &&
      typeof b === "object" &&
      !Array.isArray(b)
        ? merge(b as object, v as object)
        : v;
  }
  return out as T;
}

/**
 * The paper's findings on the default seed, on independent seeds, and with
 * each mechanism switched off. A verdict "holds" when the independent seeds
 * agree with it; the goal is every finding "yes" on at least 9 of 10. Every
 * run goes through the experiments' memo, so a second call with the same
 * options answers at once.
 *
 * Cost: (1 + seeds + number of mechanisms) pairs of experiment runs, about
 * a second each on one core the first time.
 *
 * @param options - {@link FindingsAcrossSeedsOptions}
 * @returns {@link FindingsAcrossSeeds}
 * @throws {TypeError} if an option has the wrong type
 * @throws {RangeError} if `seeds` is out of range, or an experiment option is
 *   (the experiments' own messages)
 * @example
 * const r = findingsAcrossSeeds({ seeds: 10 });
 * r.rows.map((f) => `${f.id}: ${f.verdict} (${f.agree}/10 agree)`);
 */
export function findingsAcrossSeeds(options?: FindingsAcrossSeedsOptions): FindingsAcrossSeeds {
  const fn = "findingsAcrossSeeds";
  const o = assertOptions(fn, options);
  const seeds = o.seeds ?? DEFAULT_ROBUSTNESS_SEEDS;
  assertInteger(fn, "options.seeds", seeds, 1, 50);
  const seedBase = o.seedBase ?? "across-seeds";
  assertSeed(fn, "options.seedBase", seedBase);
  const search = assertOptions(fn, o.search, "options.search") as SearchOpts;
  const revision = assertOptions(fn, o.revision, "options.revision") as RevisionOpts;
  for (const [name, value] of [
    ["search", search],
    ["revision", revision],
  ] as const) {
    for (const key of ["cache", "onProgress"]) {
      if ((value as Record<string, unknown>)[key] !== undefined) {
        rangeError(
          fn,
          `options.${name}.${key}`,
          "unset (findingsAcrossSeeds sets it)",
          (value as Record<string, unknown>)[key],
        );
      }
    }
  }
  const ablations = o.ablations ?? true;
  assertBoolean(fn, "options.ablations", ablations);
  const onProgress = o.onProgress as FindingsAcrossSeedsOptions["onProgress"];
  if (onProgress !== undefined) assertFunction(fn, "options.onProgress", onProgress);

  const total = 1 + seeds + (ablations ? MECHANISMS.length : 0);
  const threads = o.threads ?? defaultThreads(total - 1);
  assertInteger(fn, "options.threads", threads, 0, 64);

  // The default seed first, on this thread (it also checks every option); then the rest as studies.
  const table = findingsTable(runSearchExperiment(search), runRevisionExperiment(revision));
  onProgress?.(1, total);
  const seedList: { seed: string; benchmark: string; verifier: string }[] = [];
  const studies: Study[] = [];
  for (let i = 1; i <= seeds; i++) {
    const seed = `${seedBase}/${i}`;
    const ids = { seed, benchmark: `${seed}/benchmark`, verifier: `${seed}/difficulty-verifier` };
    seedList.push(ids);
    const reseed = <T extends SearchOpts | RevisionOpts>(x: T): T => {
      const verifier = (x.difficultyVerifier ?? DEFAULT_DIFFICULTY_VERIFIER) as VerifierOptions;
      return {
        ...x,
        seed: ids.seed,
        benchmark: { ...(x.benchmark ?? {}), seed: ids.benchmark },
        difficultyVerifier: { ...verifier, seed: ids.verifier },
      };
    };
    studies.push({ search: reseed(search), revision: reseed(revision) });
  }
  if (ablations) {
    for (const m of MECHANISMS) {
      studies.push({ search: merge(search, m.off.search), revision: merge(revision, m.off.revision) });
    }
  }
  const verdictsOf = runStudies(studies, table.length, threads, (done) => onProgress?.(1 + done, total));
  const perSeed = verdictsOf.slice(0, seeds);
  const offTables = new Map<MechanismId, Verdict[]>();
  if (ablations) MECHANISMS.forEach((m, k) => offTables.set(m.id, verdictsOf[seeds + k] as Verdict[]));

  const rows = table.map((row, index): FindingRobustness => {
    const verdicts = perSeed.map((t) => t[index] as Verdict);
    const cause = FINDING_CAUSES[row.id];
    const mechanisms = cause?.mechanisms ?? [];
    return Object.freeze({
      id: row.id,
      finding: row.finding,
      cause: cause?.cause ?? "",
      verdict: row.reproduced,
      verdicts: Object.freeze(verdicts),
      agree: verdicts.filter((v) => v === row.reproduced).length,
      yes: verdicts.filter((v) => v === "yes").length,
      ablations: Object.freeze(
        ablations
          ? mechanisms.map((id) => {
              const m = MECHANISMS.find((x) => x.id === id) as (typeof MECHANISMS)[number];
              const off = offTables.get(id) as Verdict[];
              return Object.freeze({
                mechanism: id,
                name: m.name,
                verdict: off[index] as Verdict,
              });
            })
          : [],
      ),
    });
  });
  return Object.freeze({
    seeds: Object.freeze(seedList),
    table: Object.freeze(table),
    rows: Object.freeze(rows),
  });
}

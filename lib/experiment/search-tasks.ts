/**
 * The search experiment's simulation in units that can run anywhere: a
 * {@link SearchTask} is a nested strategy at all its budgets, or another
 * strategy at one budget, and {@link runSearchTask} turns it into success
 * counts from its own named random stream. `runSearchExperiment` runs the
 * tasks on the calling thread or spreads them over worker threads
 * (`search-parallel.ts`); the counts do not depend on which.
 * @packageDocumentation
 */
import { CORRECT, type Benchmark } from "../models/questions";
import { makeRng, type Rng } from "../base/random";
import { resolveShape, type SearchStrategy } from "../strategies/registry";
import { searchSuccessRates } from "../strategies/search";
import { StepSearch, type PrmAggregation } from "../strategies/step-search";
import { DEFAULT_MAX_ROUNDS, worldFor, type PrmOptions } from "../strategies/synthetic";
import { VoteTally } from "../base/stats";

/** The settings every task of one experiment shares. @internal */
export interface SearchSettings {
  prm: Required<PrmOptions>;
  steps: number;
  /** The idea share c, NaN for uniform. */
  ideaShare: number;
  ideaVisible: boolean;
  aggregation: PrmAggregation;
}

/**
 * Runs a nested strategy once per question and trial at the largest budget
 * and scores every smaller budget on the prefix of its candidates, with the
 * same best-of-N weighted rule as the search engine (ties: answer seen first).
 */
function runNested(
  benchmark: Benchmark,
  strategy: SearchStrategy,
  budgets: readonly number[],
  trials: number,
  settings: SearchSettings,
  rng: Rng,
  report: (n: number) => void,
): Float64Array[] {
  const qs = benchmark.questions;
  const maxBudget = budgets[budgets.length - 1] as number;
  const successes = budgets.map(() => new Float64Array(qs.length));
  const shape = resolveShape("runSearchExperiment", strategy, maxBudget);
  const world = worldFor({ ...settings, rng });
  const search = new StepSearch(world, world, maxBudget, settings.aggregation, "weighted", false);
  const run = {
    n: maxBudget,
    width: shape.beamWidth,
    k: 0,
    expand: shape.entry.expand,
    maxRounds: DEFAULT_MAX_ROUNDS,
    temperature: shape.entry.temperature(strategy),
  };
  const tally = new VoteTally();
  for (let i = 0; i < qs.length; i++) {
    world.setQuestion(qs[i] as Benchmark["questions"][number]);
    for (let t = 0; t < trials; t++) {
      search.run(run);
      const answers = search.answers;
      const scores = search.keys;
      tally.reset();
      let next = 0;
      for (let j = 0; j < maxBudget && next < budgets.length; j++) {
        tally.add(answers[j] as number, scores[j] as number, j);
        if (j + 1 === budgets[next]) {
          if (tally.winner() === CORRECT) {
            const row = successes[next] as Float64Array;
            row[i] = (row[i] as number) + 1;
          }
          next++;
        }
      }
      report(maxBudget);
    }
  }
  return successes;
}

/** Questions per call of searchAccuracy (for progress updates; results do not depend on it). */
const CHUNK = 50;

/**
 * One unit of the search experiment's simulation: a nested strategy at all
 * its budgets, or another strategy at one budget. Plain data, so a worker
 * thread can run it. @internal
 */
export interface SearchTask {
  readonly label: string;
  readonly strategy: SearchStrategy;
  readonly budgets: readonly number[];
  readonly nested: boolean;
}

/** What every task of one experiment shares (plain data). @internal */
export interface SearchTaskContext {
  readonly benchmark: Benchmark;
  readonly trials: number;
  readonly settings: SearchSettings;
  readonly seed: string;
}

/** Generations a task simulates (for progress). @internal */
export function searchTaskWork(task: SearchTask, c: SearchTaskContext): number {
  const q = c.benchmark.questions.length * c.trials;
  return task.nested
    ? q * (task.budgets[task.budgets.length - 1] as number)
    : q * (task.budgets[0] as number);
}

/**
 * Success counts of one task: one array per budget (questions in benchmark
 * order), from its own named stream, so the result does not depend on which
 * thread runs it or in what order. @internal
 */
export function runSearchTask(
  task: SearchTask,
  c: SearchTaskContext,
  report: (n: number) => void = () => undefined,
): Float64Array[] {
  if (task.nested) {
    const rng = makeRng(`${c.seed}/${task.label}`);
    return runNested(c.benchmark, task.strategy, task.budgets, c.trials, c.settings, rng, report);
  }
  const budget = task.budgets[0] as number;
  const Q = c.benchmark.questions.length;
  const rng = makeRng(`${c.seed}/${task.label}@${budget}`);
  const successes = new Float64Array(Q);
  const shape = resolveShape("runSearchExperiment", task.strategy, budget);
  for (let from = 0; from < Q; from += CHUNK) {
    const chunk = c.benchmark.questions.slice(from, from + CHUNK);
    const rates = searchSuccessRates(
      chunk,
      task.strategy,
      shape,
      { ...c.settings, rng },
      c.trials,
      DEFAULT_MAX_ROUNDS,
    );
    rates.forEach((rate, j) => (successes[from + j] = Math.round(rate * c.trials)));
    report(chunk.length * c.trials * budget);
  }
  return [successes];
}

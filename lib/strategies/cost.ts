/**
 * What a test-time strategy costs on one question: generations (the
 * paper's budget unit), verifier calls, latency, tokens and FLOPs. The
 * search strategies' costs come from their registry entries; revisions and
 * greedy decoding are the two strategies outside step-level search.
 * @packageDocumentation
 */
import { assertInteger, assertObject, assertOneOf, assertOptions, assertPositive } from "../base/validate";
import { readVerifierFactor } from "../models/budget";
import { entryOf, SEARCH_STRATEGY_KINDS, type SearchRun } from "./registry";

/**
 * A test-time strategy and its budget, named as in the paper and
 * huggingface/search-and-learn:
 * - `"best-of-n"`: n independent samples, the verifier picks (also the cost
 *   of majority or weighted voting over n samples, minus the verifier).
 * - `"beam"`: beam search against a process reward model (PRM) with n beams
 *   and `beamWidth` M: keep the top n/M prefixes each round, expand each M ways.
 * - `"lookahead"`: beam search whose candidate steps are scored after a
 *   greedy rollout of up to k more steps (k = 0 is plain beam search).
 * - `"dvts"`: diverse verifier tree search — n/M independent subtrees, each
 *   greedily keeping its best of M expansions per round.
 * - `"revision"`: `parallel` independent chains of `sequential` revisions each.
 * - `"greedy"`: one temperature-0 sample, no verifier.
 */
export type StrategySpec =
  SearchRun | { kind: "revision"; sequential: number; parallel: number } | { kind: "greedy" };

/** The strategy names {@link strategyCost} accepts. */
export type StrategyKind = StrategySpec["kind"];

const STRATEGY_KINDS: readonly StrategyKind[] = [...SEARCH_STRATEGY_KINDS, "revision", "greedy"];

/** Options for {@link strategyCost}: the workload the strategy runs on. */
export interface StrategyCostOptions {
  /**
   * T, steps in one full solution (an integer in [1, 1000]): a search round
   * generates one step, so step-level search takes T rounds and each step
   * is 1/T of a generation. Our assumption, not the paper's number (it caps
   * beam search at 40 rounds). @defaultValue 10
   */
  stepsPerSolution?: number;
  /**
   * Tokens in one full solution, a finite number > 0. With the default, `tokens`
   * counts generations. @defaultValue 1
   */
  tokensPerGeneration?: number;
  /**
   * Parameter count N of the generator, a finite number > 0. With the
   * defaults, `flops` is in units of FLOPs per parameter per solution token. @defaultValue 1
   */
  params?: number;
  /** Verifier factor v >= 1 (see {@link InferenceFlopsOptions}). @defaultValue 1 */
  verifierFactor?: number;
}

/** What one run of a strategy on one question costs. */
export interface StrategyCost {
  /** The strategy's kind. */
  kind: StrategyKind;
  /**
   * Generations, the paper's budget unit (one generation = one full
   * solution's tokens): best-of-n, beam and DVTS n; lookahead n·(k + 1);
   * revision sequential·parallel; greedy 1.
   */
  generations: number;
  /**
   * Verifier invocations. One call scores one candidate (a finished
   * solution, or a partial one during search): best-of-n n; beam, lookahead
   * and DVTS n per round × T rounds; revision sequential·parallel (an
   * outcome verifier scores every attempt); greedy 0.
   */
  verifierCalls: number;
  /**
   * Generation-equivalents of tokens the verifier reads (each token once,
   * prefixes cached): equals `generations` for every strategy that uses a
   * verifier (lookahead's verifier reads its rollouts), 0 for greedy.
   */
  verifiedGenerations: number;
  /**
   * Latency in generation-equivalents: the longest chain of tokens that
   * must be generated one after another, with a full solution = 1 and a
   * step = 1/T. Parallel sampling (best-of-n), beam search and DVTS: 1
   * (T rounds of one step); lookahead: k + 1 (each of T rounds generates a
   * step, then rolls out k more); a revision chain of length L: L; greedy 1.
   * Verifier time is not included; see `verifierRounds`.
   */
  serialDepth: number;
  /**
   * Sequential verifier round trips (each one a synchronisation point):
   * best-of-n 1; beam, lookahead and DVTS T; revision 1 (all attempts
   * scored at the end); greedy 0.
   */
  verifierRounds: number;
  /** Generated tokens: generations × tokensPerGeneration. */
  tokens: number;
  /**
   * Inference FLOPs: 2·N·tokensPerGeneration·(generations + (v − 1)·verifiedGenerations),
   * i.e. 2·N·tokens·v for verified strategies and 2·N·tokens for greedy.
   */
  flops: number;
}

/**
 * Cost of a test-time strategy on one question, in the paper's units and
 * beyond: generations (the paper's budget axis), verifier calls, latency
 * (serial depth in generation-equivalents and verifier round trips),
 * tokens, and FLOPs. The conventions are stated field by field in
 * {@link StrategyCost}; lookahead's n·(k + 1) is the paper's accounting,
 * an upper bound because rollouts stop at the end of a solution. O(1).
 *
 * @param spec - the {@link StrategySpec}
 * @param options - {@link StrategyCostOptions}
 * @returns a {@link StrategyCost}
 * @throws {TypeError} if `spec` is not an object, `kind` is not a string, or a field is not a number
 * @throws {RangeError} if `kind` is unknown, a count is not an integer >= 1 (k >= 0),
 *   `beamWidth` does not divide n, or an option is out of range
 * @example
 * strategyCost({ kind: "beam", n: 16, beamWidth: 4 });
 * // { kind: "beam", generations: 16, verifierCalls: 160, verifiedGenerations: 16,
 * //   serialDepth: 1, verifierRounds: 10, tokens: 16, flops: 32 }
 * strategyCost({ kind: "lookahead", n: 16, beamWidth: 4, k: 3 }).generations; // 64
 * strategyCost({ kind: "revision", sequential: 8, parallel: 2 }).serialDepth; // 8
 */
export function strategyCost(spec: StrategySpec, options?: StrategyCostOptions): StrategyCost {
  const fn = "strategyCost";
  const s = assertObject(fn, "spec", spec);
  assertOneOf(fn, "spec.kind", s.kind, STRATEGY_KINDS);
  const opts = assertOptions(fn, options);
  const steps = opts.stepsPerSolution ?? 10;
  assertInteger(fn, "options.stepsPerSolution", steps, 1, 1000);
  const tokensPerGeneration = opts.tokensPerGeneration ?? 1;
  assertPositive(fn, "options.tokensPerGeneration", tokensPerGeneration);
  const params = opts.params ?? 1;
  assertPositive(fn, "options.params", params);
  const v = readVerifierFactor(fn, options);

  let generations: number;
  let verifierCalls: number;
  let verifiedGenerations: number;
  let serialDepth: number;
  let verifierRounds: number;
  const entry = (SEARCH_STRATEGY_KINDS as readonly string[]).includes(s.kind) ? entryOf(s.kind) : undefined;
  switch (entry ? "search" : s.kind) {
    case "search": {
      // Every search strategy: n·(k + 1) generations, the verifier reading each token once.
      const run = (entry as ReturnType<typeof entryOf>).readRun(fn, s);
      const stepwise = (entry as ReturnType<typeof entryOf>).stepwise;
      generations = run.n * (run.k + 1);
      verifierCalls = stepwise ? run.n * steps : run.n;
      verifiedGenerations = generations;
      serialDepth = run.k + 1;
      verifierRounds = stepwise ? steps : 1;
      break;
    }
    case "revision": {
      assertInteger(fn, "spec.sequential", s.sequential);
      assertInteger(fn, "spec.parallel", s.parallel);
      generations = s.sequential * s.parallel;
      verifierCalls = generations;
      verifiedGenerations = generations;
      serialDepth = s.sequential;
      verifierRounds = 1;
      break;
    }
    default: {
      // "greedy"
      generations = 1;
      verifierCalls = 0;
      verifiedGenerations = 0;
      serialDepth = 1;
      verifierRounds = 0;
      break;
    }
  }
  const tokens = generations * tokensPerGeneration;
  const flops = 2 * params * tokensPerGeneration * (generations + (v - 1) * verifiedGenerations);
  return {
    kind: s.kind,
    generations,
    verifierCalls,
    verifiedGenerations,
    serialDepth,
    verifierRounds,
    tokens,
    flops,
  };
}

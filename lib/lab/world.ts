/**
 * The lab's models as a world to search in: the base model is a
 * {@link StepPolicy} (it writes one line per step, sampled at temperature
 * 1, and rolls out at temperature 0 for lookahead search) and the PRM is a
 * {@link StepVerifier} (the sigmoid of its value head at the newline that
 * ends a step). Every search strategy of the library runs on it unchanged,
 * through the same {@link StepSearch} loop and registry as the synthetic
 * world.
 *
 * A prefix handle carries the text written so far and both models'
 * key–value caches at its end, so a child costs only its own line, for the
 * policy and for the PRM alike.
 * @packageDocumentation
 */

import type { Rng } from "../base/random";
import { assertRng } from "../base/random";
import { assertOneOf, assertOptions, typeError } from "../base/validate";
import { STATUS_ON_TRACK, type StepPolicy, type StepVerifier } from "../strategies/interfaces";
import { resolveShape, type SearchStrategy } from "../strategies/registry";
import {
  type FinalSelection,
  type PrmAggregation,
  PRM_AGGREGATIONS,
  type SearchRound,
  StepSearch,
} from "../strategies/step-search";
import { generateLine, pushText, sigmoid } from "./sampler";
import { answerOf, assertProblem, checkLabSolution, type LabProblem, labPrompt } from "./task";
import { assertLabTransformer, type LabDecoder, type LabSnapshot, type LabTransformer } from "./transformer";

/** A partial solution in the lab's world. */
export interface LabPrefix {
  /** The solution written so far (whole lines, each ending in a newline). */
  text: string;
  /** The policy's cache at the end of `text`. */
  policy: LabSnapshot;
  /** The PRM's cache at the end of `text`, or null until the prefix is scored. */
  prm: LabSnapshot | null;
  /** The PRM's cache at an earlier point, and the text after it not yet fed to the PRM. */
  prmBase: LabSnapshot;
  pending: string;
}

/** The base model and the PRM on one problem, as a policy and a verifier. */
export class LabStepWorld implements StepPolicy<LabPrefix>, StepVerifier<LabPrefix> {
  readonly steps: number;
  private readonly pol: LabDecoder;
  private readonly ver: LabDecoder;
  private readonly start: LabPrefix;
  /** Tokens the policy generated (lines sampled and rolled out), for costs. */
  generatedTokens = 0;

  /**
   * @param policy - the base model ("lm" head)
   * @param prm - the PRM ("value" head)
   * @param problem - the problem to solve
   * @param rng - the generator every sampled token comes from
   * @param temperature - the policy's sampling temperature
   */
  constructor(
    private readonly policy: LabTransformer,
    private readonly prmModel: LabTransformer,
    private readonly problem: LabProblem,
    private readonly rng: Rng,
    private readonly temperature = 1,
  ) {
    this.steps = problem.ops.length;
    this.pol = policy.decoder();
    this.ver = prmModel.decoder();
    pushText(this.pol, labPrompt(problem));
    pushText(this.ver, labPrompt(problem));
    const p = this.pol.snapshot();
    const v = this.ver.snapshot();
    this.start = { text: "", policy: p, prm: v, prmBase: v, pending: "" };
  }

  root(): LabPrefix {
    return this.start;
  }

  private write(parent: LabPrefix, lines: number, temperature: number): LabPrefix {
    const dec = this.pol;
    dec.restore(parent.policy);
    let added = "";
    const context = this.policy.config.context;
    for (let i = 0; i < lines && dec.position < context; i++) {
      added += generateLine(dec, context, this.rng, temperature);
    }
    this.generatedTokens += added.length;
    const base = parent.prm ?? parent.prmBase;
    return {
      text: parent.text + added,
      policy: dec.snapshot(),
      prm: null,
      prmBase: base,
      pending: parent.prm === null ? parent.pending + added : added,
    };
  }

  extend(parents: readonly LabPrefix[], count: number, _depth: number, out: LabPrefix[]): void {
    for (let i = 0; i < count; i++) out[i] = this.write(parents[i] as LabPrefix, 1, this.temperature);
  }

  rollout(prefixes: readonly LabPrefix[], count: number, depth: number, k: number, out: LabPrefix[]): void {
    const lines = Math.min(k, this.steps - depth);
    for (let i = 0; i < count; i++) {
      const p = prefixes[i] as LabPrefix;
      out[i] = lines <= 0 ? p : this.write(p, lines, 0);
    }
  }

  answer(prefix: LabPrefix): number {
    const a = answerOf(prefix.text);
    return Number.isNaN(a) ? 0 : a + 1;
  }

  status(prefix: LabPrefix): number {
    const checks = checkLabSolution(this.problem, prefix.text);
    return checks.every((c) => c.correct) ? STATUS_ON_TRACK : 0;
  }

  score(prefixes: readonly LabPrefix[], count: number, _depth: number, out: Float64Array): void {
    const dec = this.ver;
    const context = this.prmModel.config.context;
    for (let i = 0; i < count; i++) {
      const p = prefixes[i] as LabPrefix;
      if (p.prm === null) {
        dec.restore(p.prmBase);
        const room = context - dec.position;
        pushText(dec, p.pending.length > room ? p.pending.slice(0, room) : p.pending);
        p.prm = dec.snapshot();
        p.prmBase = p.prm;
        p.pending = "";
      }
      out[i] = clampScore(sigmoid(p.prm.output[0] as number));
    }
  }

  /** The problem's answer id (what {@link answer} returns for a correct solution). */
  correctId(): number {
    return this.problem.answer + 1;
  }
}

/** Keeps a PRM score inside (0, 1), as the StepVerifier contract asks. */
function clampScore(s: number): number {
  return Math.min(1 - 1e-7, Math.max(1e-7, s));
}

/** Options of {@link labSearch}. */
export interface LabSearchOptions {
  /** The generator every sampled token comes from (required). */
  rng: Rng;
  /** The policy (the lab's base model). */
  policy: LabTransformer;
  /** The PRM. */
  prm: LabTransformer;
  /** How step scores become a key. @defaultValue "last" */
  aggregation?: PrmAggregation;
  /** Final selection, overriding the strategy's own (weighted voting for every built-in strategy). */
  selection?: FinalSelection;
  /** Record the search round by round. @defaultValue false */
  trace?: boolean;
}

/** What one lab search returns. */
export interface LabSearchResult {
  /** The chosen answer (null when the chosen solution has none). */
  answer: number | null;
  /** Whether it is the problem's answer. */
  correct: boolean;
  /** The finished candidates' texts. */
  candidates: string[];
  /** Tokens the policy generated in the search. */
  generatedTokens: number;
  /** The search round by round, when traced. */
  trace?: SearchRound[];
}

/**
 * Runs one of the library's search strategies ({@link SearchStrategy}, at a
 * budget of `budget` generations) on a lab problem with the lab's models.
 */
export function labSearch(
  problem: LabProblem,
  strategy: SearchStrategy,
  budget: number,
  options: LabSearchOptions,
): LabSearchResult {
  const fn = "labSearch";
  assertProblem(fn, problem);
  const shape = resolveShape(fn, strategy, budget);
  const o = assertOptions(fn, options);
  assertRng(fn, "options.rng", o["rng"]);
  assertLabTransformer(fn, "options.policy", o["policy"], "lm");
  assertLabTransformer(fn, "options.prm", o["prm"], "value");
  if (o["trace"] !== undefined && typeof o["trace"] !== "boolean")
    typeError(fn, "options.trace", "a boolean", o["trace"]);
  const aggregation = (o["aggregation"] ?? "last") as PrmAggregation;
  assertOneOf(fn, "options.aggregation", aggregation, PRM_AGGREGATIONS);
  const selection = (o["selection"] ?? shape.entry.selection) as FinalSelection;
  assertOneOf(fn, "options.selection", selection, ["weighted", "majority", "best"]);
  const world = new LabStepWorld(options.policy, options.prm, problem, options.rng);
  const search = new StepSearch(world, world, shape.n, aggregation, selection, options.trace === true);
  const id = search.run({
    n: shape.n,
    width: shape.beamWidth,
    k: shape.k,
    expand: shape.entry.expand,
    maxRounds: world.steps,
    temperature: shape.entry.temperature(strategy),
  });
  const candidates = search.candidates(shape.n).map((c) => c.text);
  const result: LabSearchResult = {
    answer: id <= 0 ? null : id - 1,
    correct: id === world.correctId(),
    candidates,
    generatedTokens: world.generatedTokens,
  };
  if (search.traceRounds !== undefined) result.trace = search.traceRounds;
  return result;
}

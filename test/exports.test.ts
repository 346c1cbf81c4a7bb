/**
 * The whole public API refuses bad arguments in the house format.
 *
 * This file walks every function the package exports and feeds it bad
 * arguments. Each call must either throw a TypeError or RangeError whose
 * message reads `<function>: <parameter> must …, got …` (STYLE.md §C.3), or,
 * when the bad value is one the function legitimately accepts (−1 for a
 * real-valued parameter, `undefined` for an optional one, …), return a result
 * with no NaN anywhere in it. It never computes an absurd budget: every
 * baseline call is small, so a bad value that slipped past validation would
 * show up as a slow call here rather than a frozen notebook.
 *
 * Which functions are public comes from the emitted declarations, not from a
 * hand-kept list: the TypeScript compiler API (the project's TypeScript 5.9)
 * emits the .d.ts files of tsconfig.build.json, whose `stripInternal` drops
 * every `@internal` helper, into a temporary directory (always current, and
 * dist/ is left alone), and reads the exported functions and their
 * parameter types from index.d.ts. Every public function needs an entry in
 * `validCalls` (a small valid call to mutate) or in `NO_THROW_BY_DESIGN`;
 * the first test fails, listing the missing names, when the API grows. The
 * same declarations pin the runtime surface: the names lib/index exports at
 * run time must be exactly its declared value exports (functions and
 * consts), so an `@internal` helper, which `stripInternal` hides from the
 * .d.ts files but not from the JavaScript, cannot leak through a
 * re-exported module.
 *
 * Bad values tried at each parameter position: NaN, ±Infinity, −1, 0, 2.5,
 * 1.5, "x", null, undefined, {}, []. Then, for parameters that are arrays,
 * a bad first element; for parameters that are options or spec objects, each
 * numeric field (documented in the declared type or present in the
 * baseline, nested objects one level down) set to NaN, −1 and "x".
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import * as api from "../lib/index";
import { isRng } from "../lib/base/random";

const REPO_ROOT = resolve(__dirname, "..");

// ---------------------------------------------------------------------------
// The public functions, read from the emitted declarations
// ---------------------------------------------------------------------------

/** A parameter of a public function as the .d.ts declares it. */
interface PublicParam {
  name: string;
  optional: boolean;
  /** The declared type, as text (for messages). */
  type: string;
  /** Numeric fields of an object-typed parameter: path → declared as number (possibly in a union). */
  numericFields: string[];
}

/** Field paths (up to two levels: `prm.noise`) whose declared type includes number. */
function numericFieldsOf(checker: ts.TypeChecker, type: ts.Type, depth = 0): string[] {
  const t = checker.getNonNullableType(type);
  if (!(t.flags & ts.TypeFlags.Object) || checker.isArrayLikeType(t) || t.getCallSignatures().length > 0) {
    return [];
  }
  const out: string[] = [];
  for (const prop of checker.getPropertiesOfType(t)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (!decl) continue;
    const pt = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, decl));
    const parts = pt.isUnion() ? pt.types : [pt];
    if (parts.some((p) => (p.flags & ts.TypeFlags.NumberLike) !== 0)) out.push(prop.name);
    else if (depth === 0) out.push(...numericFieldsOf(checker, pt, 1).map((f) => `${prop.name}.${f}`));
  }
  return out;
}

/** The exports of the emitted index.d.ts (re-exports resolved to their declarations) and a checker to read them. */
interface DeclaredExports {
  checker: ts.TypeChecker;
  exports: { name: string; symbol: ts.Symbol }[];
}

/** Emits the build's declarations into `outDir` and returns what index.d.ts exports. */
function declaredExports(outDir: string): DeclaredExports {
  const configPath = join(REPO_ROOT, "tsconfig.build.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    // noCheck: emit without the full type-check pass (tsc and ts-jest check the code elsewhere); about twice as fast.
    {
      outDir,
      emitDeclarationOnly: true,
      declaration: true,
      declarationMap: false,
      sourceMap: false,
      noEmit: false,
      noCheck: true,
    },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("cannot read tsconfig.build.json");
  expect(parsed.options.stripInternal).toBe(true);
  const emitted = ts.createProgram(parsed.fileNames, parsed.options).emit();
  if (emitted.emitSkipped) throw new Error("declaration emit was skipped");

  const indexDts = join(outDir, "index.d.ts");
  const program = ts.createProgram([indexDts], { noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(indexDts);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read ${indexDts}`);
  return {
    checker,
    exports: checker.getExportsOfModule(moduleSymbol).map((exported) => ({
      name: exported.name,
      symbol: exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported,
    })),
  };
}

/**
 * The value exports of index.d.ts (functions and consts): the names the
 * package documents as importable at run time. Interfaces and type aliases
 * are not values.
 */
function declaredValues({ exports }: DeclaredExports): string[] {
  return exports.filter(({ symbol }) => (symbol.flags & ts.SymbolFlags.Value) !== 0).map(({ name }) => name);
}

/** Every exported function of index.d.ts, with its declared parameters. */
function publicFunctions({ checker, exports }: DeclaredExports): Map<string, PublicParam[]> {
  const out = new Map<string, PublicParam[]>();
  for (const { name, symbol } of exports) {
    if (!(symbol.flags & ts.SymbolFlags.Function)) continue;
    const decl = symbol.declarations?.find(ts.isFunctionDeclaration);
    if (!decl) continue;
    out.set(
      name,
      decl.parameters.map((p) => {
        const type = checker.getTypeAtLocation(p);
        return {
          name: p.name.getText(),
          optional: p.questionToken !== undefined || p.initializer !== undefined,
          type: checker.typeToString(type),
          numericFields: numericFieldsOf(checker, type),
        };
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------
// A small valid call of every public function
// ---------------------------------------------------------------------------

/** A fresh argument list each time (generators and benchmarks are stateful or big). */
type Args = () => unknown[];

const rng = (): api.Rng => api.makeRng("exports-walk");
const question = (): api.Question => api.makeQuestion(0.4);
const bench = (): api.Benchmark => api.makeBenchmark({ size: 6, seed: 1 });
const verifier = (): api.Verifier => api.makeVerifier({ separation: 1.5 });
const evaluations = (): api.StrategyEvaluation[] => [
  { strategy: "A", budget: 4, perQuestion: [1, 1, 0, 0] },
  { strategy: "B", budget: 4, perQuestion: [0, 0, 1, 1] },
];
const figure = (): api.Figure =>
  api.lineFigure({
    title: "t",
    xAxis: { title: "x" },
    yAxis: { title: "y" },
    series: [{ name: "a", x: [1, 2], y: [3, 4] }],
  });

/**
 * One small valid call per public function. Small on purpose: a bad value
 * that is accepted by mistake then costs milliseconds, not minutes.
 */
/** Tiny search and revision experiments on one benchmark, for the planner. */
function tinyExperiments(): { search: api.SearchExperimentResult; revisions: api.RevisionExperimentResult } {
  const common = { benchmark: { size: 10, seed: "x" }, trials: 1, difficultySamples: 8 } as const;
  return {
    search: api.runSearchExperiment({ ...common, budgets: [1, 4] }),
    revisions: api.runRevisionExperiment({ ...common, budgets: [1, 2, 4], sweepBudget: 4 }),
  };
}

const validCalls: Record<string, Args> = {
  // special
  erfc: () => [1],
  erf: () => [0.5],
  normalPdf: () => [0],
  normalCdf: () => [1],
  normalQuantile: () => [0.975],
  logGamma: () => [5],
  logChoose: () => [10, 3],
  binomialPmf: () => [4, 2, 0.5],
  binomialTail: () => [3, 2, 0.9],
  integrate: () => [(x: number) => Math.exp(-x * x), -2, 2, { tolerance: 1e-8, maxIntervals: 50 }],
  // random
  makeRng: () => ["seed"],
  // coverage
  coverage: () => [0.1, 10],
  coverageCurve: () => [0.5, [1, 2, 3]],
  samplesForCoverage: () => [0.5, 0.95],
  passAtK: () => [5, 2, 3],
  passAtKPlugIn: () => [5, 2, 3],
  expectedCoverage: () => [4, { alpha: 0.6, beta: 0.9 }],
  expectedCoverageCurve: () => [[1, 2], { alpha: 1, beta: 1 }],
  coverageLaw: () => [{ a: -1.33, b: -0.43 }, 100],
  fitCoverageLaw: () => {
    const ks = [1, 10, 100, 1000];
    return [ks, ks.map((k) => Math.exp(-1.33 * k ** -0.43)), { refine: true }];
  },
  // budget
  pretrainingFlops: () => [70e9, 1.4e12],
  inferenceFlops: () => [70e9, 1, { verifierFactor: 2 }],
  inferenceFlopsCurve: () => [1e9, [1e9, 1e12], { verifierFactor: 1 }],
  inferenceCrossoverTokens: () => [1.4e12, { verifierFactor: 1 }],
  lifetimeFlops: () => [{ params: 1e9, pretrainTokens: 2e10, inferenceTokens: 6e10, verifierFactor: 1 }],
  chinchillaTokens: () => [70e9],
  flopsMatchedMultiplier: () => [{ sizeRatio: 14, tokenRatio: 0.16, verifierFactor: 1 }],
  flopsMatchedComparison: () => [{ sizeRatio: 14, tokenRatio: 0.79, verifierFactor: 1 }],
  strategyCost: () => [
    { kind: "lookahead", n: 16, beamWidth: 4, k: 3 },
    { stepsPerSolution: 10, tokensPerGeneration: 1, params: 1, verifierFactor: 1 },
  ],
  // questions
  makeQuestion: () => [0.3, { id: 1, distractors: [0.6, 0.4] }],
  answerDistribution: () => [question()],
  sampleAnswers: () => [question(), 4, rng()],
  makeBenchmark: () => [{ size: 6, alpha: 0.6, beta: 0.9, distractors: 3, concentration: 10, seed: 1 }],
  largerModelP: () => [0.5, 1],
  largerModelBenchmark: () => [bench(), 1],
  passRates: () => [bench()],
  // verifier
  makeVerifier: () => [
    { separation: 1.5, questionBiasSd: 0.2, labelNoise: 0.1, distractorPull: 0.1, seed: "v" },
  ],
  verifierAuc: () => [1],
  separationForAuc: () => [0.76],
  toProbabilityScore: () => [2],
  toProbabilityScores: () => [[0, 2]],
  questionBias: () => [verifier(), question()],
  scoreAnswers: () => [new Int32Array([0, 1, 0, 2]), question(), verifier(), rng()],
  bestOfNAccuracy: () => [0.3, 4, { separation: 1, labelNoise: 0.05, topDistractorShare: 0.5 }],
  bestOfNLimit: () => [0.1, { separation: 1, labelNoise: 0.1 }],
  bestOfNKernel: () => [new Float64Array([0.3, 0.6]), 4, 1, rng()],
  simulateBestOfN: () => [0.3, 4, { separation: 1, trials: 20, rng: rng() }],
  simulateBestOfNBenchmark: () => [[0.3, 0.6], 4, { separation: 1.5, trials: 4, rng: rng() }],
  // selection
  bestOfN: () => [
    [3, 0, 3],
    [0.2, 0.9, 0.4],
  ],
  majorityVote: () => [[2, 0, 2, 0, 1]],
  weightedVote: () => [
    [1, 1, 0],
    [0.4, 0.4, 0.7],
  ],
  aggregateStepScores: () => [[0.9, 0.6, 0.8], "prod"],
  majorityVoteAccuracy: () => [[0.6, 0.4], 3, { exactWorkLimit: 1e5, trials: 100, seed: 1 }],
  twoLevelVoteAccuracy: () => [0.6, 0.9, 0.3, 3],
  twoLevelVoteShape: () => [0.6, 0.9, 0.3],
  weightedVoteAccuracy: () => [question(), 4, verifier(), { rng: rng(), trials: 20 }],
  // revision
  linearRevisionAccuracy: () => [0.1, 0.05, 10],
  linearRevisionCurve: () => [0.1, 0.05, 4],
  bestOfChainCoverage: () => [0.1, 0.05, 10],
  markovRevisionAccuracy: () => [0.2, { fix: 0.3, breakRate: 0.1 }, 2],
  markovRevisionLimit: () => [0.2, { fix: 0.3, breakRate: 0.1 }],
  markovRevisionCurve: () => [0.2, { fix: 0.3, breakRate: 0.1 }, 3],
  revisionRates: () => [question(), { ...api.DEFAULT_REVISION_MODEL }],
  revisionCurve: () => [[question(), api.makeQuestion(0.1)], 4, { ...api.DEFAULT_REVISION_MODEL }],
  hierarchicalVerifierSelection: () => [[0, 0, 2, 2], [1.5, 2.0, 0.3, -0.2], 2],
  simulateRevisionChains: () => [
    question(),
    {
      chains: 2,
      length: 3,
      rng: rng(),
      verifier: { ...api.DEFAULT_REVISION_VERIFIER },
      model: { ...api.DEFAULT_REVISION_MODEL },
    },
  ],
  revisionRatios: () => [4],
  revisionAccuracy: () => [
    bench(),
    {
      budget: 4,
      sequential: 2,
      rng: rng(),
      trials: 2,
      selection: "majority",
      verifier: { ...api.DEFAULT_REVISION_VERIFIER },
    },
  ],
  revisionLatency: () => [{ sequential: 16, parallel: 8 }],
  // search
  prefixValue: () => [0.5, 4, 8],
  prmFoolProbability: () => [0.5, { steps: 8, prm: { ...api.DEFAULT_PRM } }],
  monteCarloStepLabels: () => [question(), { rng: rng(), solutions: 2, rollouts: 8, steps: 4 }],
  bestOfNWeighted: () => [
    question(),
    { n: 4, rng: rng(), steps: 4, prm: { ...api.DEFAULT_PRM }, aggregation: "min", trace: true },
  ],
  beamSearch: () => [
    question(),
    { n: 4, beamWidth: 2, rng: rng(), steps: 4, maxRounds: 3, prm: { ...api.DEFAULT_PRM }, trace: true },
  ],
  lookaheadSearch: () => [
    question(),
    { n: 4, beamWidth: 2, k: 1, rng: rng(), steps: 4, prm: { ...api.DEFAULT_PRM } },
  ],
  dvts: () => [question(), { n: 4, beamWidth: 2, rng: rng(), steps: 4, prm: { ...api.DEFAULT_PRM } }],
  rebaseSearch: () => [
    question(),
    { n: 4, temperature: 0.2, rng: rng(), steps: 4, prm: { ...api.DEFAULT_PRM } },
  ],
  searchShape: () => [{ kind: "lookahead", beamWidth: 2, k: 1 }, 8],
  isValidSearchBudget: () => [{ kind: "beam", beamWidth: "sqrt" }, 16],
  searchStrategyLabel: () => [{ kind: "lookahead", beamWidth: 2, k: 3 }],
  searchAccuracy: () => [
    bench(),
    { kind: "beam", beamWidth: 2 },
    { budget: 4, rng: rng(), trials: 1, steps: 4, maxRounds: 4, prm: { ...api.DEFAULT_PRM } },
  ],
  // difficulty
  binEdges: () => [[0.9, 0.1, 0.5, 0.7, 0.3], { bins: 5, higherIsEasier: true }],
  binOf: () => [0.6, [0.9, 0.7, 0.5, 0.3], { bins: 5, higherIsEasier: true }],
  difficultyBins: () => [[0.9, 0.1, 0.5, 0.7, 0.3], { bins: 5 }],
  oracleDifficulty: () => [bench(), { rng: rng(), samples: 8, bins: 3 }],
  predictedDifficulty: () => [bench(), { verifier: verifier(), rng: rng(), samples: 8, bins: 3 }],
  binAgreement: () => [
    [1, 2, 3, 3],
    [1, 3, 3, 2],
  ],
  binStability: () => [bench(), { rng: rng(), samples: [4, 8], trials: 2, bins: 3 }],
  // the full experiment (tiny on purpose)
  runSearchExperiment: () => [
    { benchmark: { size: 10, seed: "x" }, budgets: [1, 4], trials: 1, difficultySamples: 8, cache: false },
  ],
  runRevisionExperiment: () => [
    {
      benchmark: { size: 10, seed: "x" },
      budgets: [1, 2],
      sweepBudget: 2,
      trials: 1,
      difficultySamples: 8,
      cache: false,
    },
  ],
  findingsTable: () => [
    api.runSearchExperiment({
      benchmark: { size: 10, seed: "x" },
      budgets: [1, 4],
      trials: 1,
      difficultySamples: 8,
    }),
    api.runRevisionExperiment({
      benchmark: { size: 10, seed: "x" },
      budgets: [1, 2],
      sweepBudget: 2,
      trials: 1,
      difficultySamples: 8,
    }),
  ],
  findingsAcrossSeeds: () => [
    {
      seeds: 1,
      ablations: false,
      search: { benchmark: { size: 10, seed: "x" }, budgets: [1, 4], trials: 1, difficultySamples: 8 },
      revision: {
        benchmark: { size: 10, seed: "x" },
        budgets: [1, 2],
        sweepBudget: 2,
        trials: 1,
        difficultySamples: 8,
      },
    },
  ],
  evaluationByBin: () => [{ perQuestion: [1, 0, 0.5, 1], trials: 2 }, [1, 1, 2, 2]],
  // the planner (over tiny experiments on one benchmark)
  planStrategy: () => [
    { passAt1: 0.3, budget: 4, maxSerialDepth: 2, largerModelShift: 1 },
    tinyExperiments(),
  ],
  planCandidates: () => [tinyExperiments()],
  clearExperimentCache: () => [],
  // compute-optimal
  computeOptimal: () => [evaluations(), [1, 1, 2, 2], { folds: 2, seed: 1 }],
  efficiencyRatio: () => [
    [{ budget: 16, accuracy: 0.5 }],
    [
      { budget: 16, accuracy: 0.4 },
      { budget: 64, accuracy: 0.5 },
    ],
  ],
  strategyCurve: () => [evaluations(), "A"],
  accuracyByBin: () => [evaluations(), [1, 1, 2, 2], 4],
  // allocation
  uniformAllocationExact: () => [[0.5, 0.1], 4],
  uniformAllocation: () => [[0.5, 0.1], 4, { rng: rng(), trials: 20, stopWhenSolved: true }],
  adaptiveAllocation: () => [
    [0.5, 0.1],
    4,
    { rng: rng(), policy: "ucb", trials: 20, priorMeans: [0.4, 0.2], priorStrength: 2, optimism: 1 },
  ],
  // figures
  lineTrace: () => [{ name: "a", x: [1, 2], y: [0.5, 0.75], dash: "dash" }, 3],
  markerTrace: () => [{ name: "m", x: [64], y: [0.52], symbol: "star", size: 14, text: ["best"] }],
  lineFigure: () => [
    {
      title: "t",
      xAxis: { title: "x", log: true, range: [1, 10] },
      yAxis: { title: "y" },
      series: [{ name: "a", x: [1, 2], y: [3, 4] }],
      annotations: [{ x: 2, y: 4, text: "n" }],
      height: 300,
    },
  ],
  barFigure: () => [
    {
      title: "t",
      categories: ["a", "b"],
      xAxis: { title: "x" },
      yAxis: { title: "y" },
      series: [{ name: "s", values: [1, 2] }],
      height: 300,
    },
  ],
  addTraces: () => [figure(), [api.markerTrace({ name: "m", x: [1], y: [3] })]],
  coverageFigure: () => [{ ps: [0.1, 0.3], nMax: 16, height: 300 }],
  budgetCurvesFigure: () => [
    {
      title: "t",
      series: [{ name: "a", budgets: [1, 4], accuracy: [0.2, 0.4], standardError: [0.01, 0.02] }],
      referenceLines: [{ name: "r", y: 0.3 }],
      markers: [{ name: "m", x: 4, y: 0.4 }],
      height: 300,
    },
  ],
  levelLabel: () => [2, 5],
  binBarsFigure: () => [
    {
      title: "t",
      bins: [1, 2],
      series: [{ name: "a", values: [0.9, 0.2], standardError: [0.01, 0.01] }],
      height: 300,
    },
  ],
  ratioSweepFigure: () => [
    {
      title: "t",
      ratios: [
        { sequential: 1, parallel: 4 },
        { sequential: 4, parallel: 1 },
      ],
      series: [{ name: "a", accuracy: [0.3, 0.4], standardError: [0.01, 0.01] }],
      height: 300,
    },
  ],
  flopsExchangeFigure: () => [
    {
      title: "t",
      curves: [{ name: "level 1", budgets: [1, 4], accuracy: [0.5, 0.7] }],
      largeModel: [{ name: "large", accuracy: 0.6 }],
      budgetsAtR: [{ label: "R = 1", budget: 2 }],
      height: 300,
    },
  ],
  histogramFigure: () => [
    { title: "t", values: [0.1, 0.5, 0.9], bins: 4, xTitle: "x", range: [0, 1], height: 300 },
  ],
  scoreStripFigure: () => [
    { answers: [0, 1, 0], scores: [0.5, 0.9, 0.2], picked: 1, correctAnswer: 0, height: 300 },
  ],
  searchTraceFigure: () => [
    api.beamSearch(question(), { n: 4, beamWidth: 2, rng: rng(), steps: 3, trace: true }).trace,
    { title: "t", height: 300 },
  ],
  searchTreeFigure: () => [
    api.beamSearch(question(), { n: 4, beamWidth: 2, rng: rng(), steps: 3, trace: true }).trace,
    { title: "t", height: 300 },
  ],
  revisionChainsFigure: () => [
    api.simulateRevisionChains(question(), { chains: 2, length: 3, rng: rng() }),
    { title: "t", height: 300 },
  ],
  sliderFigure: () => [
    {
      title: "t",
      xAxis: { title: "x" },
      yAxis: { title: "y" },
      sliderLabel: "s",
      steps: [
        { label: "a", series: [{ name: "l", x: [1, 2], y: [1, 2] }] },
        { label: "b", series: [{ name: "l", x: [1, 2], y: [2, 3] }] },
      ],
      active: 1,
      height: 300,
    },
  ],
  // lab (the committed models and caches; every call is small)
  labProblem: () => [rng(), { terms: 3, digits: 1 }],
  labSteps: () => [api.parseLabQuestion("4+5-3")],
  checkLabSolution: () => [api.parseLabQuestion("4+5-3"), "4+5=9\n9-3=6\n"],
  labAnswer: () => ["4+5=9\n9-3=6\n"],
  labCorrect: () => [api.parseLabQuestion("4+5-3"), "4+5=9\n9-3=6\n"],
  labPrompt: () => [api.parseLabQuestion("4+5-3")],
  encodeLab: () => [">4+5\n"],
  decodeLab: () => [[14, 5, 11, 6, 0]],
  parseLabQuestion: () => ["47+38-15"],
  labWeightLayout: () => [{ vocab: 17, context: 8, width: 8, layers: 1, heads: 2, head: "lm" }],
  labParameterCount: () => [{ vocab: 17, context: 8, width: 8, layers: 1, heads: 2, head: "value" }],
  revisionContext: () => [api.parseLabQuestion("4+5"), ["4+5=8\n"]],
  editDistance: () => ["4+5=8", "4+5=9"],
  labSamples: () => [api.loadLabModel("base"), api.parseLabQuestion("4+5"), 2, rng(), 1],
  labStepScores: () => [api.loadLabModel("prm"), api.parseLabQuestion("4+5"), "4+5=9\n"],
  labModelCard: () => ["base"],
  loadLabModel: () => ["prm"],
  labSearch: () => [
    api.parseLabQuestion("4+5-3"),
    { kind: "beam", beamWidth: 2 },
    4,
    {
      rng: rng(),
      policy: api.loadLabModel("base"),
      prm: api.loadLabModel("prm"),
      aggregation: "last",
      trace: false,
    },
  ],
  labBenchmark: () => [2, "exports-walk"],
  loadLabModels: () => [],
  labCache: () => [],
  // The study is computed once per cache and memoised; the factory warms it (0.2 s compiled, over a
  // second under ts-jest) so the timed calls measure validation, not the first computation.
  labStudy: () => {
    api.labStudy(api.labCache());
    return [api.labCache()];
  },
  labFindings: () => [api.labStudy()],
  labSampleRows: () => [api.loadLabModels(), api.parseLabQuestion("4+5"), 2, "exports-walk"],
  labFooled: () => [api.labCache(), api.labStudy().oracle],
  labRevisionExample: () => [api.loadLabModels(), [api.parseLabQuestion("4+5")], 2, "exports-walk"],
  labPassBySetting: () => [api.labCache()],
  labRevisionRates: () => [api.labCache(), api.labStudy().oracle],
  // display (outside a kernel these only validate and build bundles)
  displayBundle: () => [{ "text/plain": "hi" }],
  formatNumber: () => [0.6513215599, 4],
  figureBundle: () => [figure(), "chart-1"],
  show: () => [figure()],
  tableBundle: () => [[{ n: 1, coverage: 0.1 }], { digits: 3, caption: "c" }],
  showTable: () => [[{ n: 1, coverage: 0.1 }], { digits: 3, caption: "c" }],
  showMarkdown: () => ["**hi**"],
  progressBundle: () => [30, 120, "trials", 1500],
  progress: () => [10, "trials"],
  checkAgainst: () => [
    "coverage",
    (p: number, n: number) => 1 - (1 - p) ** n,
    api.coverage,
    [
      [0.1, 2],
      [0.5, 4],
    ],
    { tolerance: 1e-9, digits: 6 },
  ],
  checkValue: () => ["c", 0.5, 0.5, 1e-9],
  checkPrediction: () => [
    "best rule",
    "a",
    { answer: "a", alsoRight: ["b"], choices: ["a", "b", "c"], tolerance: 0, explanation: "why" },
  ],
};

/**
 * Functions left out of the walk because their documented contract is not
 * to throw on a bad argument: a notebook cell that throws aborts every later
 * cell (STYLE.md takeaway 2), so these report instead of throwing.
 */
const NO_THROW_BY_DESIGN: Record<string, string> = {
  showError:
    "runs any thunk and prints what it threw; a non-function argument is printed as a TypeError line",
  isKernel: "takes no arguments; answers whether a tslab kernel is present",
  versions: "takes no arguments; reports versions and never throws",
  showVersions: "takes no arguments; shows a versions table and never throws",
};

/**
 * Parameters that are lenient by design: `mine` is the reader's exercise
 * answer (a prediction, for checkPrediction), so a placeholder prints a
 * "your turn" or ✗ line rather than throwing (the functions' other parameters are still walked).
 */
const LENIENT_PARAMS: Record<string, readonly string[]> = {
  checkAgainst: ["mine"],
  checkValue: ["mine"],
  checkPrediction: ["prediction"],
};

/**
 * Optional options whose omission is valid and means "run the full default
 * experiment" (500 questions, budgets 1…256): seconds of work, not a bad
 * argument. The walker skips only the `undefined` and `{}` substitutions for them
 * (an empty options object means the same defaults).
 */
const SLOW_WHEN_OMITTED: Record<string, readonly string[]> = {
  runSearchExperiment: ["options"],
  runRevisionExperiment: ["options"],
  findingsAcrossSeeds: ["options"],
};

// ---------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------

/** The house format: `<name>: <parameter> must …, got …` (name may be dotted, e.g. `progress.tick`). */
const HOUSE_MESSAGE = /^[A-Za-z_$][\w$.]*: \S.* must .+, got .+$/s;

const BAD_VALUES: readonly { label: string; value: unknown }[] = [
  { label: "NaN", value: NaN },
  { label: "Infinity", value: Infinity },
  { label: "-Infinity", value: -Infinity },
  { label: "-1", value: -1 },
  { label: "0", value: 0 },
  { label: "2.5", value: 2.5 },
  { label: "1.5", value: 1.5 },
  { label: '"x"', value: "x" },
  { label: "null", value: null },
  { label: "undefined", value: undefined },
  { label: "{}", value: {} },
  { label: "[]", value: [] },
];
const BAD_ELEMENTS: readonly { label: string; value: unknown }[] = [
  { label: "NaN", value: NaN },
  { label: "-1", value: -1 },
  { label: "2.5", value: 2.5 },
  { label: '"x"', value: "x" },
  { label: "null", value: null },
];
const BAD_FIELDS: readonly { label: string; value: unknown }[] = [
  { label: "NaN", value: NaN },
  { label: "-1", value: -1 },
  { label: '"x"', value: "x" },
];

/** A call slower than this is reported: validation should have refused it. */
const SLOW_CALL_MS = 2000;

/** Where a NaN sits in a result (arrays, typed arrays and plain objects, a few levels deep), or null. */
function findNaN(value: unknown, path = "result", depth = 0): string | null {
  if (typeof value === "number") return Number.isNaN(value) ? path : null;
  if (depth > 5 || value === null || typeof value !== "object") return null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = value as unknown as ArrayLike<number>;
    for (let i = 0; i < Math.min(arr.length, 100_000); i++) if (Number.isNaN(arr[i])) return `${path}[${i}]`;
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < Math.min(value.length, 10_000); i++) {
      const hit = findNaN(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (isRng(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const hit = findNaN(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** Copy of `obj` with the field at `path` (dotted) set to `value`, or null if the path's parent is missing. */
function withField(
  obj: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> | null {
  const [head, ...rest] = path.split(".") as [string, ...string[]];
  if (rest.length === 0) return { ...obj, [head]: value };
  const inner = obj[head];
  if (typeof inner !== "object" || inner === null || Array.isArray(inner)) return null;
  const changed = withField(inner as Record<string, unknown>, rest.join("."), value);
  return changed && { ...obj, [head]: changed };
}

/**
 * Runs one mutated call and returns a problem description, or null when the
 * outcome is acceptable. `echoPath` is where the result would hold the
 * caller's own mutated field if the function copies the record it was given
 * (`addTraces` returns `fig.layout`, `largerModelBenchmark` returns
 * `benchmark.options`): a NaN there was passed in, not computed, and is not
 * counted.
 */
function check(
  f: (...a: unknown[]) => unknown,
  fnName: string,
  what: string,
  args: readonly unknown[],
  echoPath?: string,
): string | null {
  const started = Date.now();
  let result: unknown;
  try {
    result = f(...args);
  } catch (e) {
    const ms = Date.now() - started;
    if (ms > SLOW_CALL_MS) return `${fnName}(${what}): took ${ms} ms before throwing`;
    if (!(e instanceof TypeError || e instanceof RangeError)) {
      const kind = e instanceof Error ? e.constructor.name : typeof e;
      return `${fnName}(${what}): threw ${kind}, not TypeError/RangeError: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (!HOUSE_MESSAGE.test(e.message)) {
      return `${fnName}(${what}): ${e.constructor.name} message not in the house format: ${JSON.stringify(e.message)}`;
    }
    return null;
  }
  const ms = Date.now() - started;
  if (ms > SLOW_CALL_MS) return `${fnName}(${what}): returned after ${ms} ms`;
  const nan = findNaN(result);
  if (nan && nan !== echoPath) return `${fnName}(${what}): returned NaN at ${nan}`;
  return null;
}

/** The library function called `name`. */
const apiFunction = (name: string): ((...a: unknown[]) => unknown) =>
  (api as unknown as Record<string, (...a: unknown[]) => unknown>)[name] as (...a: unknown[]) => unknown;

/** Every mutation of one function's baseline call; returns the problems found and the number of calls. */
function walk(
  fnName: string,
  params: readonly PublicParam[],
  make: Args,
): { problems: string[]; calls: number } {
  const f = apiFunction(fnName);
  const problems: string[] = [];
  let calls = 0;
  const report = (what: string, args: unknown[], echoPath?: string): void => {
    calls += 1;
    const p = check(f, fnName, what, args, echoPath);
    if (p) problems.push(p);
  };
  const positions = Math.max(params.length, make().length);
  for (let i = 0; i < positions; i++) {
    const paramName = params[i]?.name ?? `#${i}`;
    if (LENIENT_PARAMS[fnName]?.includes(paramName)) continue;
    for (const bad of BAD_VALUES) {
      const omitted = bad.value === undefined || bad.label === "{}";
      if (omitted && SLOW_WHEN_OMITTED[fnName]?.includes(paramName)) continue;
      const args = make();
      args[i] = bad.value;
      report(`${paramName} = ${bad.label}`, args);
    }
    // A bad first element of an array argument.
    const sample = make()[i];
    if (Array.isArray(sample) || (ArrayBuffer.isView(sample) && sample instanceof Float64Array)) {
      for (const bad of BAD_ELEMENTS) {
        const args = make();
        const arr = args[i] as unknown[] | Float64Array;
        if (arr instanceof Float64Array && typeof bad.value !== "number") continue;
        if (Array.isArray(arr) && typeof arr[0] === "object" && arr[0] !== null) continue; // arrays of records: fields below
        (arr as unknown[])[0] = bad.value;
        report(`${paramName}[0] = ${bad.label}`, args);
      }
    }
    // Each numeric field of an options / spec object: the declared ones and those in the baseline.
    if (
      typeof sample === "object" &&
      sample !== null &&
      !Array.isArray(sample) &&
      !ArrayBuffer.isView(sample) &&
      !isRng(sample)
    ) {
      const present = Object.entries(sample as Record<string, unknown>).flatMap(([k, v]) => {
        if (typeof v === "number") return [k];
        if (typeof v === "object" && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && !isRng(v)) {
          return Object.entries(v as Record<string, unknown>)
            .filter(([, w]) => typeof w === "number")
            .map(([j]) => `${k}.${j}`);
        }
        return [];
      });
      const fields = [...new Set([...(params[i]?.numericFields ?? []), ...present])];
      for (const field of fields) {
        for (const bad of BAD_FIELDS) {
          const args = make();
          const mutated = withField(args[i] as Record<string, unknown>, field, bad.value);
          if (!mutated) continue;
          args[i] = mutated;
          report(`${paramName}.${field} = ${bad.label}`, args, `result.${field}`);
        }
      }
    }
  }
  return { problems, calls };
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

let outDir = "";
let publicApi = new Map<string, PublicParam[]>();
let publicValues: string[] = [];

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), "ttc-exports-"));
  const declared = declaredExports(outDir);
  publicApi = publicFunctions(declared);
  publicValues = declaredValues(declared);
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("the walker itself", () => {
  // A checker that cannot fail proves nothing: feed it functions with each defect.
  const run = (f: (...a: unknown[]) => unknown): string | null => check(f, "demo", "x = NaN", [NaN]);

  test("accepts a house-format TypeError or RangeError, and a NaN-free result", () => {
    expect(run(() => api.coverage(NaN, 1))).toBeNull();
    expect(
      run(() => {
        throw new TypeError("demo: x must be a number, got null");
      }),
    ).toBeNull();
    expect(run(() => ({ a: [1, 2], b: new Float64Array([3]) }))).toBeNull();
  });

  test("flags NaN anywhere in a result, a plain Error, and a message out of format", () => {
    expect(run(() => ({ curve: [{ accuracy: 0.5 }, { accuracy: NaN }] }))).toBe(
      "demo(x = NaN): returned NaN at result.curve[1].accuracy",
    );
    expect(run(() => new Float64Array([1, NaN]))).toBe("demo(x = NaN): returned NaN at result[1]");
    expect(
      run(() => {
        throw new Error("demo: x must be a number, got NaN");
      }),
    ).toMatch(/threw Error, not TypeError\/RangeError/);
    expect(
      run(() => {
        throw new RangeError("bad x");
      }),
    ).toMatch(/message not in the house format: "bad x"/);
  });

  test("a NaN that is only the caller's own field copied back is not counted", () => {
    const echo = (o: unknown) => ({ ...(o as object) });
    expect(check(echo, "demo", "spec.size = NaN", [{ size: NaN }], "result.size")).toBeNull();
    expect(check(echo, "demo", "spec.size = NaN", [{ size: NaN }], "result.other")).toMatch(
      /returned NaN at result\.size/,
    );
  });
});

describe("the public API", () => {
  test("the emitted declarations list the public functions, and every one has a baseline call", () => {
    const names = [...publicApi.keys()];
    expect(names.length).toBeGreaterThan(50);
    // @internal helpers are not public (stripInternal removed them from the .d.ts)
    expect(names).not.toContain("coverageUnchecked");
    expect(names).toContain("coverage");
    // every public function exists at run time
    const notFunctions = names.filter((n) => typeof (api as Record<string, unknown>)[n] !== "function");
    expect(notFunctions).toEqual([]);
    const missing = names.filter((n) => !(n in validCalls) && !(n in NO_THROW_BY_DESIGN));
    expect(missing).toEqual([]);
    const stale = Object.keys(validCalls).filter((n) => !publicApi.has(n));
    expect(stale).toEqual([]);
  });

  test("the runtime exports are exactly the declared value exports: no @internal helper leaks", () => {
    // stripInternal drops @internal helpers from the .d.ts files but not from the JavaScript, so a
    // helper exported from a module that index.ts re-exports would still be reachable at run time.
    expect(publicValues.length).toBeGreaterThan(publicApi.size);
    expect(publicValues).toEqual(expect.arrayContaining(["VERSION", "CORRECT", "coverage", "makeRng"]));
    const runtime = new Set(Object.keys(api));
    const declared = new Set(publicValues);
    expect({
      "exported at run time but not declared": [...runtime].filter((n) => !declared.has(n)).sort(),
      "declared but not exported at run time": [...declared].filter((n) => !runtime.has(n)).sort(),
    }).toEqual({
      "exported at run time but not declared": [],
      "declared but not exported at run time": [],
    });
  });

  test("every public function refuses bad arguments in the house format, or returns a NaN-free result", () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const problems: string[] = [];
    let calls = 0;
    try {
      for (const [name, params] of publicApi) {
        const make = validCalls[name];
        if (!make) continue;
        // The baseline itself must succeed without NaN, or the mutations test nothing.
        const baseline = check(apiFunction(name), name, "baseline", make());
        if (baseline) {
          problems.push(`${baseline} (fix the validCalls entry)`);
          continue;
        }
        const r = walk(name, params, make);
        problems.push(...r.problems);
        calls += r.calls;
      }
    } finally {
      log.mockRestore();
    }
    expect(calls).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  }, 60_000);
});

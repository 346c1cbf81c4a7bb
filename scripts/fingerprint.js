#!/usr/bin/env node
// @ts-check
/**
 * `npm run fingerprint -- [dist] [--compare other.txt]`: hashes the results of
 * about eighty seeded public calls of a compiled build (default: dist/), one
 * line per call, so a refactor can show that seeded outputs are unchanged:
 * run it on the build before the change, save the output, run it after, and
 * compare (`--compare before.txt` prints only the lines that differ). Every
 * difference must be intended and listed in the change's description.
 *
 * A call that throws is hashed by its error class and message, so changed
 * validation shows up too. `elapsedMs` fields (timings) are left out of the
 * hashes. Not a test: it never fails.
 */
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const args = process.argv.slice(2);
const compareAt = args.indexOf("--compare");
const compareWith = compareAt >= 0 ? args[compareAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith("--") && (compareAt < 0 || i !== compareAt + 1));
const dist = path.resolve(positional[0] ?? path.join(__dirname, "..", "dist"));

/** The compiled library, loosely typed: the calls below are checked by running them. @type {any} */
const ttc = require(dist);

/**
 * JSON of a result with typed arrays as arrays, Maps as entry lists, non-finite numbers as
 * strings and timings dropped.
 * @param {unknown} v
 */
const norm = (v) =>
  JSON.stringify(v, (k, x) =>
    k === "elapsedMs"
      ? undefined
      : ArrayBuffer.isView(x)
        ? Array.from(/** @type {Float64Array} */ (x))
        : x instanceof Map
          ? [...x]
          : typeof x === "number" && !Number.isFinite(x)
            ? String(x)
            : x,
  );
/** @param {unknown} v */
const hash = (v) =>
  crypto
    .createHash("sha1")
    .update(norm(v) ?? "undefined")
    .digest("hex")
    .slice(0, 12);
/** @param {string | number} s */
const R = (s) => ttc.makeRng(s);
/** @param {number} p */
const q = (p) => ttc.makeQuestion(p);
const bench = () => ttc.makeBenchmark();

/** @type {[string, () => unknown][]} */
const calls = [
  ["erf", () => [-2, -0.5, 0, 0.3, 1, 3].map(ttc.erf)],
  ["erfc", () => [-2, 0, 0.7, 5, 12].map(ttc.erfc)],
  ["normalCdf", () => [-3, -1, 0, 1.5].map(ttc.normalCdf)],
  ["normalQuantile", () => [1e-6, 0.025, 0.5, 0.9].map(ttc.normalQuantile)],
  ["logGamma", () => [0.5, 1, 7.3, 100].map(ttc.logGamma)],
  ["binomialPmf", () => [ttc.binomialPmf(10, 3, 0.3), ttc.binomialPmf(50, 25, 0.5)]],
  ["binomialTail", () => [ttc.binomialTail(10, 3, 0.3), ttc.binomialTail(64, 40, 0.55)]],
  ["integrate", () => ttc.integrate((/** @type {number} */ x) => Math.exp(-x * x), 0, 2)],
  [
    "makeRng",
    () => {
      const r = R("fp");
      return Array.from({ length: 20 }, () => r.next());
    },
  ],
  ["coverage", () => [ttc.coverage(0.1, 16), ttc.coverage(0.01, 256)]],
  ["coverageCurve", () => ttc.coverageCurve(0.05, [1, 2, 4, 8, 16, 256])],
  ["samplesForCoverage", () => ttc.samplesForCoverage(0.1, 0.9)],
  ["passAtK", () => [ttc.passAtK(100, 7, 10), ttc.passAtKPlugIn(100, 7, 10)]],
  ["expectedCoverageCurve", () => ttc.expectedCoverageCurve([1, 4, 16], { alpha: 0.7, beta: 2 })],
  ["fitCoverageLaw", () => ttc.fitCoverageLaw([1, 2, 4, 8, 16, 32], [0.2, 0.3, 0.41, 0.5, 0.58, 0.64])],
  [
    "pretrainingFlops",
    () => [ttc.pretrainingFlops(1e9, 2e10), ttc.inferenceFlops(1e9, 1e6), ttc.chinchillaTokens(1e9)],
  ],
  ["inferenceCrossoverTokens", () => ttc.inferenceCrossoverTokens(2e10)],
  [
    "flopsMatched",
    () => {
      const s = { smallParams: 1e9, largeParams: 1.4e10, pretrainTokens: 2e10, inferenceTokens: 2e10 };
      try {
        return [ttc.flopsMatchedMultiplier(s), ttc.flopsMatchedComparison(s)];
      } catch (e) {
        return String(e);
      }
    },
  ],
  [
    "strategyCost",
    () => [
      ttc.strategyCost({ kind: "beam", n: 16, beamWidth: 4 }),
      ttc.strategyCost({ kind: "best-of-n", n: 64 }),
      ttc.strategyCost({ kind: "lookahead", n: 16, beamWidth: 4, k: 3 }),
    ],
  ],
  ["makeQuestion", () => [q(0.3), ttc.answerDistribution(q(0.3))]],
  ["sampleAnswers", () => ttc.sampleAnswers(q(0.2), 32, R(3))],
  ["makeBenchmark", () => bench()],
  ["largerModel", () => [ttc.largerModelP(0.1), ttc.largerModelBenchmark(bench()).questions?.slice?.(0, 20)]],
  ["passRates", () => ttc.passRates(bench(), { samples: 64, rng: R(5) })],
  [
    "makeVerifier",
    () => {
      const v = ttc.makeVerifier({ separation: 1.5, seed: "fp" });
      return [v, ttc.verifierAuc(v.separation)];
    },
  ],
  ["separationForAuc", () => [0.6, 0.75, 0.9].map(ttc.separationForAuc)],
  ["toProbabilityScores", () => ttc.toProbabilityScores([-2, 0, 1.5])],
  [
    "scoreAnswers",
    () => ttc.scoreAnswers([0, 1, 0, 2], q(0.3), ttc.makeVerifier({ separation: 1.5, seed: "fp" }), R(9)),
  ],
  [
    "bestOfNAccuracy",
    () => [ttc.bestOfNAccuracy(0.3, 16, { separation: 1 }), ttc.bestOfNLimit(0.3, { separation: 1 })],
  ],
  ["simulateBestOfN", () => ttc.simulateBestOfN(0.3, 16, { separation: 1, trials: 500, rng: R(11) })],
  [
    "simulateBestOfNBenchmark",
    () => ttc.simulateBestOfNBenchmark([0.05, 0.3, 0.7], 8, { separation: 1, trials: 50, rng: R(12) }),
  ],
  ["bestOfN", () => ttc.bestOfN([0, 1, 1, 2], [0.1, 0.9, 0.3, 0.5])],
  [
    "majorityVote",
    () => [ttc.majorityVote([0, 1, 1, 2, 2, 2]), ttc.weightedVote([0, 1, 1], [0.9, 0.2, 0.3])],
  ],
  [
    "aggregateStepScores",
    () => ["last", "min", "prod"].map((r) => ttc.aggregateStepScores([0.9, 0.5, 0.8], r)),
  ],
  ["majorityVoteAccuracy", () => ttc.majorityVoteAccuracy(q(0.3), 16)],
  [
    "weightedVoteAccuracy",
    () =>
      ttc.weightedVoteAccuracy(q(0.3), 16, ttc.makeVerifier({ separation: 1.5, seed: "fp" }), {
        trials: 300,
        rng: R(13),
      }),
  ],
  [
    "twoLevelVoteAccuracy",
    () => [ttc.twoLevelVoteAccuracy(0.5, 0.4, 0.3, 5), ttc.twoLevelVoteAccuracy(0.2, 0.6, 0.2, 9)],
  ],
  [
    "linearRevision",
    () => [
      ttc.linearRevisionAccuracy(0.3, 0.05, 4),
      ttc.linearRevisionCurve(0.3, 0.05, 6),
      ttc.bestOfChainCoverage(0.3, 0.05, 6),
    ],
  ],
  [
    "markovRevision",
    () => {
      const r = { fix: 0.2, breakRate: 0.38 };
      return [
        ttc.markovRevisionAccuracy(0.3, r, 8),
        ttc.markovRevisionLimit(0.3, r),
        ttc.markovRevisionCurve(0.3, r, 8),
      ];
    },
  ],
  ["revisionRates", () => [ttc.revisionRates(q(0.3)), ttc.revisionRates(q(0.8), { breakRate: 0.38 })]],
  [
    "hierarchicalVerifierSelection",
    () => ttc.hierarchicalVerifierSelection([0, 0, 2, 2], [1.5, 2.0, 0.3, -0.2], 2),
  ],
  ["simulateRevisionChains", () => ttc.simulateRevisionChains(q(0.3), { chains: 4, length: 8, rng: R(1) })],
  ["revisionRatios", () => [4, 12, 256].map(ttc.revisionRatios)],
  ["revisionAccuracy", () => ttc.revisionAccuracy(bench(), { budget: 128, sequential: 64, rng: R(7) })],
  ["revisionLatency", () => ttc.revisionLatency({ sequential: 16, parallel: 8 })],
  [
    "prefixValue",
    () => [
      ttc.prefixValue(0.5, 0),
      ttc.prefixValue(0.5, 4),
      ttc.prmFoolProbability(0.5),
      ttc.prmFoolProbability(0.9),
    ],
  ],
  ["bestOfNWeighted", () => ttc.bestOfNWeighted(q(0.3), { n: 16, rng: R(1) })],
  ["beamSearch", () => ttc.beamSearch(q(0.3), { n: 16, beamWidth: 4, rng: R(1), trace: true })],
  [
    "lookaheadSearch",
    () => ttc.lookaheadSearch(q(0.3), { n: 16, beamWidth: 4, k: 3, rng: R(1), trace: true }),
  ],
  ["dvts", () => ttc.dvts(q(0.3), { n: 16, beamWidth: 4, rng: R(1), trace: true })],
  [
    "searchShape",
    () => [
      ttc.searchShape({ kind: "beam", beamWidth: "sqrt" }, 64),
      ttc.searchShape({ kind: "lookahead", beamWidth: "sqrt", k: 3 }, 64),
      ttc.isValidSearchBudget({ kind: "beam", beamWidth: "sqrt" }, 32),
      ttc.searchStrategyLabel({ kind: "lookahead", beamWidth: "sqrt", k: 3 }),
    ],
  ],
  [
    "searchAccuracy beam",
    () => ttc.searchAccuracy(bench(), { kind: "beam", beamWidth: 4 }, { budget: 16, rng: R(1) }),
  ],
  [
    "searchAccuracy dvts",
    () => ttc.searchAccuracy(bench(), { kind: "dvts", beamWidth: 4 }, { budget: 64, rng: R(2) }),
  ],
  [
    "searchAccuracy lookahead",
    () => ttc.searchAccuracy(bench(), { kind: "lookahead", beamWidth: 4, k: 1 }, { budget: 64, rng: R(3) }),
  ],
  [
    "difficulty",
    () => {
      const v = Array.from({ length: 50 }, (_, i) => ((i * 37) % 50) / 50);
      return [ttc.binEdges(v), ttc.difficultyBins(v), ttc.binOf(0.3, ttc.binEdges(v))];
    },
  ],
  ["oracleDifficulty", () => ttc.oracleDifficulty(bench(), { samples: 64, rng: R(4) })],
  [
    "predictedDifficulty",
    () =>
      ttc.predictedDifficulty(bench(), {
        samples: 16,
        verifier: ttc.makeVerifier({ separation: 1.5, seed: "fp" }),
        rng: R(4),
      }),
  ],
  ["binAgreement", () => ttc.binAgreement([1, 2, 3, 4, 5, 1], [1, 2, 2, 4, 5, 2])],
  [
    "allocation",
    () => {
      const qs = [0.05, 0.2, 0.5, 0.8].map((p) => ({ p }));
      try {
        return [ttc.uniformAllocationExact(qs, 16), ttc.adaptiveAllocation(qs, 16, { rng: R(5) })];
      } catch (e) {
        return String(e);
      }
    },
  ],
  [
    "lineFigure",
    () =>
      ttc.lineFigure({
        title: "t",
        xAxis: { title: "n", log: true },
        yAxis: { title: "c" },
        series: [{ name: "a", x: [1, 2, 4], y: [0.1, 0.2, 0.3] }],
      }),
  ],
  ["coverageFigure", () => ttc.coverageFigure({ ps: [0.02, 0.1, 0.3] })],
  [
    "binBarsFigure",
    () =>
      ttc.binBarsFigure({ title: "x", bins: [1, 2, 3], series: [{ name: "a", values: [0.9, 0.5, 0.1] }] }),
  ],
  [
    "ratioSweepFigure",
    () =>
      ttc.ratioSweepFigure({
        title: "r",
        ratios: [
          { sequential: 1, parallel: 4 },
          { sequential: 2, parallel: 2 },
          { sequential: 4, parallel: 1 },
        ],
        series: [{ name: "a", accuracy: [0.3, 0.4, 0.35] }],
      }),
  ],
  [
    "searchTraceFigure",
    () =>
      ttc.searchTraceFigure(
        ttc.beamSearch(q(0.3), { n: 16, beamWidth: 4, rng: R(1), trace: true }).trace ?? [],
      ),
  ],
  [
    "histogramFigure",
    () => ttc.histogramFigure({ title: "h", values: [0.1, 0.2, 0.2, 0.5, 0.9], bins: 4, xTitle: "p" }),
  ],
  ["figureBundle", () => ttc.figureBundle(ttc.coverageFigure({ ps: [0.1] }), "fp-1")],
  [
    "tableBundle",
    () =>
      ttc.tableBundle([
        { n: 1, coverage: 0.1 },
        { n: 16, coverage: 0.8147 },
      ]),
  ],
  ["progressBundle", () => ttc.progressBundle(30, 120, "trials", 1500)],
  ["formatNumber", () => [0.6513215599, 16, 1.5e-7, -0, 1e21].map((x) => ttc.formatNumber(x))],
  [
    "errors",
    () =>
      [
        () => ttc.coverage(1.5, 4),
        () => ttc.coverage(0.1, -1),
        () => ttc.beamSearch(q(0.3), { n: 15, beamWidth: 4, rng: R(1) }),
        () => ttc.makeQuestion(NaN),
      ].map((f) => {
        try {
          f();
          return "none";
        } catch (e) {
          return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        }
      }),
  ],
  ["runSearchExperiment", () => ttc.runSearchExperiment()],
  ["runSearchExperiment seed", () => ttc.runSearchExperiment({ seed: "other", trials: 2 })],
  ["runRevisionExperiment", () => ttc.runRevisionExperiment()],
  ["findingsTable", () => ttc.findingsTable(ttc.runSearchExperiment(), ttc.runRevisionExperiment())],
  ["planCandidates", () => ttc.planCandidates({ search: ttc.runSearchExperiment() })],
  [
    "planStrategy",
    () =>
      ttc.planStrategy(
        { passAt1: 0.3, budget: 64, maxSerialDepth: 4 },
        { search: ttc.runSearchExperiment(), revisions: ttc.runRevisionExperiment() },
      ),
  ],
  [
    "computeOptimal",
    () => {
      const s = ttc.runSearchExperiment();
      return ttc.computeOptimal(s.evaluations, s.oracle.levels);
    },
  ],
];

/** @type {string[]} */
const lines = [];
for (const [name, f] of calls) {
  /** @type {unknown} */
  let v;
  try {
    v = f();
  } catch (e) {
    v = e instanceof Error ? `THREW ${e.name}: ${e.message}` : `THREW ${String(e)}`;
  }
  const threw = typeof v === "string" && v.startsWith("THREW");
  lines.push(`${name.padEnd(28)} ${hash(v)}${threw ? "  " + String(v).slice(0, 100) : ""}`);
}
if (compareWith === undefined) {
  for (const l of lines) console.log(l);
  console.log(`(${calls.length} calls on ${dist})`);
} else {
  const before = new Map(
    fs
      .readFileSync(compareWith, "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("("))
      .map((l) => [l.slice(0, 28).trim(), l]),
  );
  let differ = 0;
  for (const l of lines) {
    const name = l.slice(0, 28).trim();
    const old = before.get(name);
    if (old !== l) {
      differ++;
      console.log(`- ${old ?? `${name} (missing before)`}\n+ ${l}`);
    }
  }
  console.log(`(${differ} of ${calls.length} calls differ from ${compareWith})`);
}
process.exitCode = 0;

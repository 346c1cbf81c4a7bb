#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: times the library's hot kernels against the alternatives
 * they replace, on the compiled library in dist/ (run `npm run build` first;
 * the npm script does).
 *
 * Sections:
 *   (a) uniforms: seedrandom's ARC4 (its default) and Alea vs our xoshiro128**
 *       (rng.next and rng.uint32);
 *   (b) normals: Box–Muller on our uniforms vs our ziggurat (rng.normal);
 *   (c) the best-of-N-with-verifier Monte Carlo kernel, 10,000 questions ×
 *       256 samples with every N = 1…256 read off prefix maxima: ours
 *       (bestOfNKernel) vs numpy (scripts/bench_numpy.py, run with
 *       /usr/bin/python3 when it can import numpy) vs a naive JavaScript
 *       version (arrays of objects, seedrandom ARC4, Box–Muller);
 *   (d) exact vs Monte Carlo: time per exact evaluation vs the Monte Carlo
 *       that would reach the same 1e-9 accuracy, and the exact method's error
 *       against an independent high-precision reference;
 *   (e) the lab's sampling: tokens per second of the library's cached
 *       decoder (lib/lab/transformer.ts) against TensorFlow.js's own forward
 *       pass on its wasm backend, which has no cache and reruns the whole
 *       prefix for every token (one sequence, and sixteen in a batch), for
 *       the base and the larger model (needs `npm run lab:build`);
 *   (f) per-cell latency of every chapter from real kernel runs
 *       (scripts/cell-latency.js), slowest cells named; skip it with
 *       `npm run bench -- --no-cells` (it takes a few minutes).
 *
 * Every time is the median of 7 runs after one warm-up run. Ratios compare
 * kernels measured in the same process, seconds apart. Goals are printed as
 * PASS / FAIL / SKIP lines.
 *
 * This is not a test: it never fails (exit code 0 whatever happens), and a
 * function missing from dist/ turns its line into "skipped".
 */
"use strict";

const { spawnSync } = require("node:child_process");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const RUNS = 7;

// ---------------------------------------------------------------------------------------------
// Loading what exists

/**
 * The compiled library as loaded from dist/, module by module. Deliberately loose: any export may
 * be missing (its rows are then skipped), so each use checks that the function exists first.
 * @typedef {Record<string, any>} Library
 */

/** seedrandom's default export. */
/** @typedef {typeof import("seedrandom")} SeedRandom */

/** A row of a printed table. */
/** @typedef {(string | number)[]} Row */

/**
 * One exact method of section (d), or the reason it is skipped.
 * @typedef {object} ExactMethod
 * @property {string} name
 * @property {string} [skip]
 * @property {() => number} [exact]
 * @property {number} [evals]
 * @property {() => number} [mcTrial]
 * @property {number} [trials]
 * @property {number} [reference]
 * @property {string} [referenceName]
 */

/** @param {unknown} error */
const describeError = (error) => (error instanceof Error && error.stack ? error.stack : String(error));

/**
 * Loads dist modules one by one, so one broken or missing module does not hide the others.
 * @returns {{lib: Library, problems: string[]}}
 */
function loadLibrary() {
  /** @type {Library} */
  const lib = {};
  /** @type {string[]} */
  const problems = [];
  for (const name of [
    "base/special",
    "base/random",
    "models/coverage",
    "models/verifier",
    "models/revision",
  ]) {
    try {
      Object.assign(lib, require(path.join(DIST, `${name}.js`)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push(`dist/${name}.js: ${message.split("\n")[0]}`);
    }
  }
  return { lib, problems };
}

/** @returns {SeedRandom | null} */
function loadSeedrandom() {
  try {
    return require("seedrandom");
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Timing and formatting

let sink = 0; // results flow here so the engine cannot drop the timed work

/**
 * Median wall time (ms) of `runs` calls after `warmup` calls; `fn` returns a number.
 * @param {() => number} fn
 * @param {number} [runs]
 * @param {number} [warmup]
 * @returns {number}
 */
function time(fn, runs = RUNS, warmup = 1) {
  for (let i = 0; i < warmup; i++) sink += fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink += fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/**
 * @param {number[]} xs
 * @returns {number}
 */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const at = (/** @type {number} */ i) => s[i] ?? NaN;
  return s.length % 2 ? at(m) : 0.5 * (at(m - 1) + at(m));
}

/**
 * A number with an SI prefix, 3 significant digits.
 * @param {number} x
 * @returns {string}
 */
function si(x) {
  if (!Number.isFinite(x)) return String(x);
  /** @type {[number, string][]} */
  const units = [
    [1e12, "T"],
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [scale, unit] of units) if (Math.abs(x) >= scale) return `${(x / scale).toPrecision(3)} ${unit}`;
  return x.toPrecision(3);
}

/**
 * @param {number} ms
 * @returns {string}
 */
function duration(ms) {
  if (!Number.isFinite(ms)) return String(ms);
  const s = ms / 1000;
  if (s >= 3.15e7) return `${(s / 3.15e7).toPrecision(3)} years`;
  if (s >= 86400) return `${(s / 86400).toPrecision(3)} days`;
  if (s >= 3600) return `${(s / 3600).toPrecision(3)} h`;
  if (s >= 1) return `${s.toPrecision(3)} s`;
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  if (ms >= 1e-3) return `${(ms * 1e3).toPrecision(3)} µs`;
  return `${(ms * 1e6).toPrecision(3)} ns`;
}

/**
 * Prints an aligned table.
 * @param {string[]} headers
 * @param {Row[]} rows
 */
function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (/** @type {Row} */ cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

/** @type {string[]} */
const goals = [];
/**
 * @param {"PASS" | "FAIL" | "SKIP"} status
 * @param {string} text
 */
function goal(status, text) {
  goals.push(`${status.padEnd(4)}  ${text}`);
}

/**
 * num/den as a double, after a 64-bit-exact BigInt division.
 * @param {bigint} num
 * @param {bigint} den
 * @returns {number}
 */
function ratio(num, den) {
  if (num === 0n) return 0;
  const shift = Math.max(0, den.toString(2).length - num.toString(2).length + 64);
  return Number((num << BigInt(shift)) / den) / 2 ** shift;
}

// ---------------------------------------------------------------------------------------------
// (a) and (b): uniforms and normals

/**
 * @param {Library} lib
 * @param {SeedRandom | null} seedrandom
 */
function benchGenerators(lib, seedrandom) {
  console.log("\n(a) Uniform draws and (b) normal draws, 2,000,000 per run\n");
  const count = 2_000_000;
  /** @type {Row[]} */
  const rows = [];
  /** @type {Record<string, number>} */
  const results = {};
  /** @type {(name: string, group: string, fn: () => number) => void} */
  const add = (name, group, fn) => {
    const ms = time(fn);
    results[name] = ms;
    rows.push([group, name, si(count), duration(ms), `${si(count / (ms / 1000))} draws/s`]);
  };
  if (seedrandom) {
    const arc4 = seedrandom("bench");
    add("seedrandom ARC4 (default)", "a", () => {
      let s = 0;
      for (let i = 0; i < count; i++) s += arc4();
      return s;
    });
    const alea = seedrandom.alea("bench");
    add("seedrandom.alea", "a", () => {
      let s = 0;
      for (let i = 0; i < count; i++) s += alea();
      return s;
    });
  }
  if (lib.makeRng) {
    const rng = lib.makeRng("bench");
    add("ours: rng.next()", "a", () => {
      let s = 0;
      for (let i = 0; i < count; i++) s += rng.next();
      return s;
    });
    add("ours: rng.uint32()", "a", () => {
      let s = 0;
      for (let i = 0; i < count; i++) s += rng.uint32();
      return s;
    });
    add("Box–Muller on rng.next()", "b", () => {
      let s = 0;
      for (let i = 0; i < count; i += 2) {
        const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
        const theta = 2 * Math.PI * rng.next();
        s += r * Math.cos(theta) + r * Math.sin(theta);
      }
      return s;
    });
    add("ours: rng.normal() (ziggurat)", "b", () => {
      let s = 0;
      for (let i = 0; i < count; i++) s += rng.normal();
      return s;
    });
    const buffer = new Float64Array(count);
    add("ours: rng.fillNormal(Float64Array)", "b", () => rng.fillNormal(buffer)[count - 1]);
  }
  table(["", "generator", "draws", "median time", "throughput"], rows);
  /** @type {(a: string, b: string) => string} */
  const r = (a, b) => {
    const x = results[a];
    const y = results[b];
    return x && y ? `${(x / y).toFixed(1)}×` : "n/a";
  };
  console.log("");
  console.log(`ratio ARC4 / rng.next      = ${r("seedrandom ARC4 (default)", "ours: rng.next()")}`);
  console.log(`ratio Alea / rng.next      = ${r("seedrandom.alea", "ours: rng.next()")}`);
  console.log(`ratio ARC4 / rng.uint32    = ${r("seedrandom ARC4 (default)", "ours: rng.uint32()")}`);
  console.log(
    `ratio Box–Muller / ziggurat = ${r("Box–Muller on rng.next()", "ours: rng.normal() (ziggurat)")}`,
  );
}

// ---------------------------------------------------------------------------------------------
// (c) the best-of-N kernel

/**
 * The same kernel written the naive way: arrays of objects, seedrandom ARC4, Box–Muller.
 * @param {Float64Array} ps
 * @param {number} nMax
 * @param {number} separation
 * @param {() => number} random
 * @returns {number[]}
 */
function naiveBestOfN(ps, nMax, separation, random) {
  /** @type {number[]} */
  const hits = new Array(nMax).fill(0);
  for (const p of ps) {
    /** @type {{correct: boolean, score: number}[]} */
    const samples = [];
    for (let i = 0; i < nMax; i++) {
      const correct = random() < p;
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      samples.push({ correct, score: z + (correct ? separation : 0) });
    }
    /** @type {{correct: boolean, score: number} | null} */
    let best = null;
    samples.forEach((sample, i) => {
      if (best === null || sample.score > best.score) best = sample;
      hits[i] = (hits[i] ?? 0) + (best.correct ? 1 : 0);
    });
  }
  return hits.map((h) => h / ps.length);
}

function pythonWithNumpy() {
  const python = "/usr/bin/python3";
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const probe = spawnSync(python, ["-c", "import numpy; print(numpy.__version__)"], {
    env,
    encoding: "utf8",
  });
  if (probe.status !== 0) return null;
  return { python, env, version: probe.stdout.trim() };
}

/**
 * @param {Library} lib
 * @param {SeedRandom | null} seedrandom
 */
function benchKernel(lib, seedrandom) {
  const questions = 10_000;
  const nMax = 256;
  const separation = 1;
  console.log(
    `\n(c) Best-of-N with a verifier, Monte Carlo: ${questions.toLocaleString("en-US")} questions × ${nMax} samples, ` +
      `every N = 1…${nMax} from prefix maxima, separation d = ${separation}\n`,
  );
  const work = questions * nMax;
  // Pass rates p ~ Beta(0.6, 0.9), the library's default benchmark prior.
  const ps = new Float64Array(questions);
  if (lib.makeRng) {
    const rng = lib.makeRng("bench-ps");
    for (let i = 0; i < questions; i++) ps[i] = rng.beta(0.6, 0.9);
  } else {
    for (let i = 0; i < questions; i++) ps[i] = (i + 0.5) / questions;
  }
  /** @type {Row[]} */
  const rows = [];
  /** @type {{ours?: number, numpy?: number, naive?: number, oursAcc?: ArrayLike<number> | null, numpyAcc?: number[], naiveAcc?: number[] | null}} */
  const out = {};
  if (typeof lib.bestOfNKernel === "function" && lib.makeRng) {
    const rng = lib.makeRng("bench-kernel");
    /** @type {ArrayLike<number> | null} */
    let acc = null;
    out.ours = time(() => {
      const curve = /** @type {ArrayLike<number>} */ (lib.bestOfNKernel(ps, nMax, separation, rng));
      acc = curve;
      return curve[nMax - 1] ?? 0;
    });
    out.oursAcc = acc;
    rows.push([
      "ours: bestOfNKernel (typed arrays, xoshiro, ziggurat)",
      duration(out.ours),
      `${si(work / (out.ours / 1000))} samples/s`,
    ]);
  } else {
    rows.push(["ours: bestOfNKernel", "skipped: bestOfNKernel not exported", ""]);
  }
  const numpy = pythonWithNumpy();
  if (numpy) {
    const run = spawnSync(numpy.python, [path.join(__dirname, "bench_numpy.py")], {
      env: numpy.env,
      input: JSON.stringify({ ps: Array.from(ps), nMax, separation, runs: RUNS, seed: 1 }),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status === 0) {
      const result = JSON.parse(run.stdout);
      out.numpy = median(result.timesMs);
      out.numpyAcc = result.accuracy;
      rows.push([
        `numpy ${result.numpy} (vectorised, /usr/bin/python3)`,
        duration(out.numpy),
        `${si(work / (out.numpy / 1000))} samples/s`,
      ]);
    } else {
      rows.push([
        "numpy",
        `skipped: bench_numpy.py failed (${(run.stderr || "").trim().split("\n").pop()})`,
        "",
      ]);
    }
  } else {
    rows.push(["numpy", "skipped: /usr/bin/python3 cannot import numpy", ""]);
  }
  if (seedrandom) {
    const random = seedrandom("bench-naive");
    /** @type {number[] | null} */
    let acc = null;
    out.naive = time(() => {
      const curve = naiveBestOfN(ps, nMax, separation, random);
      acc = curve;
      return curve[nMax - 1] ?? 0;
    });
    out.naiveAcc = acc;
    rows.push([
      "naive JS (objects, seedrandom ARC4, Box–Muller)",
      duration(out.naive),
      `${si(work / (out.naive / 1000))} samples/s`,
    ]);
  }
  table(["implementation", "median time", "throughput"], rows);
  console.log("");
  if (out.ours && out.numpy)
    console.log(`ratio numpy / ours    = ${(out.numpy / out.ours).toFixed(2)}× (above 1: ours is faster)`);
  if (out.ours && out.naive) console.log(`ratio naive JS / ours = ${(out.naive / out.ours).toFixed(1)}×`);
  // The three implementations estimate the same curve; show that they agree within Monte Carlo error.
  const shown = [1, 4, 16, 64, 256];
  const agreement = shown.map((n) => {
    const cells = [`N = ${n}`];
    for (const curve of [out.oursAcc, out.numpyAcc, out.naiveAcc])
      cells.push(curve ? (curve[n - 1] ?? NaN).toFixed(4) : "—");
    const a = (out.oursAcc ?? out.naiveAcc)?.[n - 1] ?? 0.5;
    cells.push(Math.sqrt((a * (1 - a)) / questions).toFixed(4));
    return cells;
  });
  console.log("\nAccuracy estimates (one trial per question; they should agree within a few SE):\n");
  table(["", "ours", "numpy", "naive JS", "SE"], agreement);
  if (out.ours && out.numpy) {
    goal(
      out.ours <= out.numpy ? "PASS" : "FAIL",
      `bestOfN kernel at least as fast as numpy: ${duration(out.ours)} vs ${duration(out.numpy)}`,
    );
  } else {
    goal("SKIP", `bestOfN kernel vs numpy: ${out.ours ? "numpy unavailable" : "bestOfNKernel not exported"}`);
  }
}

// ---------------------------------------------------------------------------------------------
// (d) exact vs Monte Carlo

/**
 * Composite Simpson rule with `m` (even) intervals: an independent reference for quadrature.
 * @param {(x: number) => number} f
 * @param {number} a
 * @param {number} b
 * @param {number} m
 * @returns {number}
 */
function simpson(f, a, b, m) {
  const h = (b - a) / m;
  let s = f(a) + f(b);
  for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** @param {Library} lib */
function benchExactVsMonteCarlo(lib) {
  const target = 1e-9;
  console.log(
    `\n(d) Exact vs Monte Carlo. A Monte Carlo estimate of a probability c has standard error ` +
      `√(c(1 − c)/T), so reaching ${target} needs T = c(1 − c)/(${target})² trials; the MC time is ` +
      `the measured time per trial × T (extrapolated, not run).\n`,
  );
  /** @type {Row[]} */
  const rows = [];
  /** @type {ExactMethod[]} */
  const methods = [];
  const rng = lib.makeRng ? lib.makeRng("bench-mc") : null;

  // coverage(p, n) with p = 1/128 (exact in binary), n = 100; reference 1 − (127/128)^100 in BigInt.
  if (lib.coverage && rng) {
    const p = 1 / 128;
    const n = 100;
    const ref = ratio(128n ** 100n - 127n ** 100n, 128n ** 100n);
    methods.push({
      name: `coverage(1/128, ${n})`,
      exact: () => lib.coverage(p, n),
      evals: 200_000,
      mcTrial: () => {
        for (let i = 0; i < n; i++) if (rng.next() < p) return 1;
        return 0;
      },
      trials: 100_000,
      reference: ref,
      referenceName: "BigInt 1 − (127/128)^100",
    });
  } else methods.push({ name: "coverage", skip: "coverage or makeRng not exported" });

  // expectedCoverage(n, Beta(5/8, 7/8)), n = 256; reference: the exact rational Π (7 + 8j)/(12 + 8j).
  if (lib.expectedCoverage && rng) {
    const prior = { alpha: 0.625, beta: 0.875 };
    const n = 256;
    let num = 1n;
    let den = 1n;
    for (let j = 0; j < n; j++) {
      num *= BigInt(7 + 8 * j);
      den *= BigInt(12 + 8 * j);
    }
    methods.push({
      name: `expectedCoverage(${n}, Beta(5/8, 7/8))`,
      exact: () => lib.expectedCoverage(n, prior),
      evals: 20_000,
      mcTrial: () => {
        const p = rng.beta(prior.alpha, prior.beta);
        for (let i = 0; i < n; i++) if (rng.next() < p) return 1;
        return 0;
      },
      trials: 50_000,
      reference: ratio(den - num, den),
      referenceName: "BigInt 1 − Π(7+8j)/(12+8j)",
    });
  } else methods.push({ name: "expectedCoverage", skip: "expectedCoverage or makeRng not exported" });

  // bestOfNAccuracy(p, n, { separation: d }): reference by a dense composite Simpson sum.
  if (lib.bestOfNAccuracy && lib.normalCdf && rng) {
    const p = 0.3;
    const n = 16;
    const d = 1;
    const phi = (/** @type {number} */ x) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    const integrand = (/** @type {number} */ x) => {
      const g = p * lib.normalCdf(x - d) + (1 - p) * lib.normalCdf(x);
      return n * p * phi(x - d) * Math.pow(g, n - 1);
    };
    methods.push({
      name: `bestOfNAccuracy(${p}, ${n}, d = ${d})`,
      exact: () => lib.bestOfNAccuracy(p, n, { separation: d }),
      evals: 200,
      mcTrial: () => {
        let best = -Infinity;
        let bestCorrect = 0;
        for (let i = 0; i < n; i++) {
          const correct = rng.next() < p;
          const score = rng.normal() + (correct ? d : 0);
          if (score > best) {
            best = score;
            bestCorrect = correct ? 1 : 0;
          }
        }
        return bestCorrect;
      },
      trials: 100_000,
      reference: simpson(integrand, -12, 14, 400_000),
      referenceName: "Simpson, 400k intervals",
    });
  } else
    methods.push({ name: "bestOfNAccuracy", skip: "bestOfNAccuracy, normalCdf or makeRng not exported" });

  // markovRevisionAccuracy(p0, rates, k): reference by exact rational iteration.
  if (lib.markovRevisionAccuracy && rng) {
    const p0 = 0.25;
    const rates = { fix: 0.375, breakRate: 0.125 };
    const k = 10;
    // a_{j+1} = fix + a_j (1 − fix − breakRate) = 3/8 + a_j/2, exactly, as num/den.
    let num = 1n;
    let den = 4n;
    for (let j = 1; j < k; j++) {
      num = 3n * den + 4n * num; // 3/8 + num/(2 den) = (3 den + 4 num) / (8 den)
      den = 8n * den;
    }
    methods.push({
      name: `markovRevisionAccuracy(0.25, 3/8, 1/8, k = ${k})`,
      exact: () => lib.markovRevisionAccuracy(p0, rates, k),
      evals: 200_000,
      mcTrial: () => {
        let correct = rng.next() < p0;
        for (let j = 1; j < k; j++)
          correct = correct ? !(rng.next() < rates.breakRate) : rng.next() < rates.fix;
        return correct ? 1 : 0;
      },
      trials: 200_000,
      reference: ratio(num, den),
      referenceName: "BigInt rational recursion",
    });
  } else
    methods.push({ name: "markovRevisionAccuracy", skip: "markovRevisionAccuracy or makeRng not exported" });

  for (const m of methods) {
    const { exact, evals, mcTrial, trials, reference } = m;
    if (
      m.skip ||
      !exact ||
      !mcTrial ||
      evals === undefined ||
      trials === undefined ||
      reference === undefined
    ) {
      const why = m.skip ?? "incomplete benchmark entry";
      rows.push([m.name, `skipped: ${why}`, "", "", "", "", "", ""]);
      goal("SKIP", `${m.name}: ${why}`);
      continue;
    }
    const value = exact();
    const exactMs =
      time(() => {
        let s = 0;
        for (let i = 0; i < evals; i++) s += exact();
        return s;
      }) / evals;
    let hits = 0;
    const mcMs =
      time(() => {
        hits = 0;
        for (let i = 0; i < trials; i++) hits += mcTrial();
        return hits;
      }) / trials;
    const needed = (value * (1 - value)) / (target * target);
    const mcTotal = mcMs * needed;
    const speedup = mcTotal / exactMs;
    const error = Math.abs(value - reference);
    const mcCheck = Math.abs(hits / trials - value) / Math.sqrt((value * (1 - value)) / trials);
    rows.push([
      m.name,
      value.toPrecision(12),
      duration(exactMs),
      duration(mcMs),
      needed.toExponential(2),
      duration(mcTotal),
      `${speedup.toExponential(2)}×`,
      `${error.toExponential(1)} (${m.referenceName}); MC z = ${mcCheck.toFixed(1)}`,
    ]);
    const ok = speedup >= 1000 && error <= target;
    goal(
      ok ? "PASS" : "FAIL",
      `${m.name}: exact ${speedup >= 1000 ? "≥" : "<"} 1000× faster than MC at 1e-9 (${speedup.toExponential(1)}×), ` +
        `error ${error.toExponential(1)} ${error <= target ? "≤" : ">"} 1e-9`,
    );
  }
  table(
    [
      "method",
      "exact value",
      "exact/eval",
      "MC/trial",
      "MC trials for 1e-9",
      "MC time for 1e-9",
      "speedup",
      "exact error vs reference",
    ],
    rows,
  );
  console.log(
    "\n(MC z: the seeded Monte Carlo run used for timing, in standard errors from the exact value.)",
  );
}

// ---------------------------------------------------------------------------------------------

function main() {
  const cpu = os.cpus()[0];
  console.log("ttc-workbook benchmark (not a test: it never fails)");
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${cpu ? cpu.model.trim() : "unknown CPU"}, ` +
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}; median of ${RUNS} runs after a warm-up`,
  );
  const { lib, problems } = loadLibrary();
  for (const p of problems) console.log(`note: could not load ${p}`);
  const seedrandom = loadSeedrandom();
  if (!seedrandom) console.log("note: seedrandom is not installed; its rows are skipped");
  const sections = [
    () => benchGenerators(lib, seedrandom),
    () => benchKernel(lib, seedrandom),
    () => benchExactVsMonteCarlo(lib),
  ];
  for (const section of sections) {
    try {
      section();
    } catch (error) {
      console.log(`\nsection skipped after an error: ${describeError(error)}`);
    }
  }
  console.log("\nGoals\n");
  for (const g of goals) console.log(g);
  console.log(`\n(checksum ${sink.toPrecision(6)})`);
}

/**
 * Section (e): tokens per second generating 40-token continuations, ours vs tfjs.
 * @returns {Promise<void>}
 */
async function benchLabSampling() {
  console.log("\n(e) the lab's sampling: the cached typed-array decoder vs TensorFlow.js's forward pass\n");
  const tfModel = path.join(ROOT, "build", "lab", "lab", "train", "tf-model.js");
  /** @type {any} */ let tf;
  /** @type {any} */ let tfm;
  try {
    tf = require("@tensorflow/tfjs");
    tfm = require(tfModel);
  } catch (error) {
    console.log(`skipped: ${describeError(error)} (run npm run lab:build)`);
    return;
  }
  await tfm.useWasm();
  /** @type {any} */ const lab = require(path.join(DIST, "lab", "index.js"));
  /** @type {any} */ const sampler = require(path.join(DIST, "lab", "sampler.js"));
  const prompt = Array.from(lab.encodeLab(">8+7-6+9\n"));
  const length = 40;
  /** @type {Row[]} */
  const rows = [];
  for (const name of ["base", "large"]) {
    const model = lab.loadLabModel(name);
    const card = lab.labModelCard(name);
    // Ours: prefill, then one push per token (greedy, so every method does the same work).
    const ours = time(() => {
      const dec = model.decoder();
      for (const t of prompt) dec.push(t);
      let last = 0;
      for (let i = 0; i < length; i++) last = dec.push(sampler.drawToken(dec.output, null, 0))[0];
      return last;
    }, 5);
    // tfjs: the whole prefix again for every new token, batch 1 and batch 16.
    const ref = new tfm.TfTransformer(card.config, flatWeights(name));
    /** @param {number} batch */
    const tfRun = (batch) =>
      time(() => {
        const seqs = Array.from({ length: batch }, () => prompt.slice());
        for (let i = 0; i < length; i++) {
          const T = (seqs[0] ?? []).length;
          const logits = tf.tidy(() => {
            const out = ref.outputs(tf.tensor2d(seqs.flat(), [batch, T], "int32"));
            return tf.argMax(tf.slice(out, [0, T - 1, 0], [batch, 1, card.config.vocab]), 2).dataSync();
          });
          seqs.forEach((s, b) => s.push(logits[b]));
        }
        return (seqs[0] ?? [0]).length;
      }, 3);
    const t1 = tfRun(1);
    const t16 = tfRun(16);
    ref.dispose();
    rows.push([
      name,
      si(card.parameters),
      `${si(length / (ours / 1000))} tok/s`,
      `${si(length / (t1 / 1000))} tok/s`,
      `${si((16 * length) / (t16 / 1000))} tok/s`,
      `${(t1 / ours).toFixed(1)}×`,
      `${(t16 / 16 / ours).toFixed(1)}×`,
    ]);
  }
  table(
    [
      "model",
      "parameters",
      "ours (cached, 1 seq)",
      "tfjs wasm, batch 1",
      "tfjs wasm, batch 16",
      "ours vs batch 1",
      "ours vs batch 16 (per seq)",
    ],
    rows,
  );
}

/**
 * A committed model's flat weights (float32 little-endian, layout order).
 * @param {string} name
 * @returns {Float32Array}
 */
function flatWeights(name) {
  /** @type {any} */ const store = require(path.join(DIST, "lab", "store.js"));
  const card = store.labModelCard(name);
  return store.labModelWeights(name, card.config, path.join(ROOT, "lab", "models"));
}

/** Runs the sections, then (unless --no-cells) the per-cell latency report. */
async function all() {
  main();
  try {
    await benchLabSampling();
  } catch (error) {
    console.log(`\nsection skipped after an error: ${describeError(error)}`);
  }
  if (process.argv.includes("--no-cells")) return;
  console.log("\n(f) chapters, cell by cell");
  const { cellLatencyReport, chapterNotebooks } = require("./cell-latency");
  await cellLatencyReport(chapterNotebooks());
}

all()
  .catch((error) => console.log(`bench stopped early: ${describeError(error)}`))
  .finally(() => {
    process.exitCode = 0;
  });

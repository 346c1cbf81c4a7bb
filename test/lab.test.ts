import * as fs from "fs";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import fc from "fast-check";
import { makeRng } from "../lib/base/random";
import {
  checkLabSolution,
  decodeLab,
  drawProblem,
  encodeLab,
  LAB_MAX_TOTAL,
  LAB_SETTINGS,
  LAB_VOCAB,
  labAnswer,
  labCorrect,
  labProblem,
  labPrompt,
  parseLabQuestion,
} from "../lib/lab/task";
import {
  LabTransformer,
  labParameterCount,
  labWeightLayout,
  type LabModelConfig,
} from "../lib/lab/transformer";
import { drawToken, monteCarloStepLabels, prmStepScores, sampleSolutions } from "../lib/lab/sampler";
import { editDistance, revisionContext } from "../lib/lab/revision-format";
import { labModelCard, LAB_MODEL_NAMES, labModelDir } from "../lib/lab/store";
import {
  collectLargeGreedy,
  collectRevisions,
  collectSamples,
  collectSearch,
  labBenchmark,
  loadLabModels,
} from "../lib/lab/collect";
import { labCache } from "../lib/lab/cache";
import { bestOfNRate, labRevisionSplits, labStudy, revisionRate } from "../lib/lab/study";
import { labFindings } from "../lib/lab/findings";
import { labSearch } from "../lib/lab/world";
import { initialWeights, TfTransformer, train } from "../lab/train/tf-model";
import { pretrainBatch } from "../lab/train/data";
import { findingsTable } from "../lib/experiment/findings";
import { runSearchExperiment } from "../lib/experiment/search-experiment";
import { runRevisionExperiment } from "../lib/experiment/revision-experiment";

const evalText = (q: string): number => {
  const terms = q.split(/[+-]/).map(Number);
  const ops: string[] = q.match(/[+-]/g) ?? [];
  return ops.reduce(
    (t: number, op: string, i: number) => (op === "+" ? t + terms[i + 1]! : t - terms[i + 1]!),
    terms[0]!,
  );
};

describe("the lab's task", () => {
  test("generated problems keep totals in range and their solutions pass the checker", () => {
    const rng = makeRng("task");
    for (const s of LAB_SETTINGS) {
      for (let i = 0; i < 200; i++) {
        const p = labProblem(rng, s);
        expect(p.terms).toHaveLength(s.terms);
        expect(p.answer).toBe(evalText(p.question));
        let total = p.terms[0]!;
        p.ops.forEach((op, j) => {
          total = op === "+" ? total + p.terms[j + 1]! : total - p.terms[j + 1]!;
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(LAB_MAX_TOTAL);
        });
        const checks = checkLabSolution(p, p.solution);
        expect(checks).toHaveLength(s.terms - 1);
        expect(checks.every((c) => c.correct)).toBe(true);
        expect(labCorrect(p, p.solution)).toBe(true);
        expect(labAnswer(p.solution)).toBe(p.answer);
        expect(parseLabQuestion(p.question).solution).toBe(p.solution);
      }
    }
  });

  test("the checker names each kind of mistake", () => {
    const p = parseLabQuestion("47+38-15");
    expect(p.solution).toBe("47+38=85\n85-15=70\n");
    const [a, b] = checkLabSolution(p, "47+38=84\n84-15=69\n");
    expect(a).toMatchObject({
      wellFormed: true,
      carriesTotal: true,
      readsQuestion: true,
      arithmetic: false,
      correct: false,
    });
    // The second line does its own arithmetic right but carries the wrong total.
    expect(b).toMatchObject({ carriesTotal: false, readsQuestion: true, arithmetic: true, correct: false });
    const [c] = checkLabSolution(p, "47+36=83\n");
    expect(c).toMatchObject({ readsQuestion: false, arithmetic: true });
    const [d] = checkLabSolution(p, "47+3=\n");
    expect(d).toMatchObject({ wellFormed: false, correct: false });
    expect(d!.result).toBeNull();
    // Final-answer grading, as on MATH: two mistakes that cancel still count as right.
    const q = parseLabQuestion("7+8-6");
    expect(labCorrect(q, "7+8=16\n16-6=9\n")).toBe(true);
    expect(checkLabSolution(q, "7+8=16\n16-6=9\n").some((x) => !x.correct)).toBe(true);
    expect(labCorrect(q, "7+8=15\n")).toBe(false);
  });

  test("tokens round-trip and bad input is refused", () => {
    const text = labPrompt(parseLabQuestion("9+9")) + "9+9=18\n#.";
    expect(decodeLab(encodeLab(text))).toBe(text);
    expect(LAB_VOCAB).toHaveLength(17);
    expect(() => encodeLab("9*9")).toThrow(/encodeLab: text must be made of the symbols/);
    expect(() => decodeLab([0, 17])).toThrow(
      /decodeLab: tokens\[1\] must be an integer in \[0, 16\], got 17/,
    );
    expect(() => labProblem(makeRng(1), { terms: 1, digits: 1 })).toThrow(RangeError);
    expect(() => labProblem(makeRng(1), { terms: 2.5, digits: 1 })).toThrow(/labProblem: options.terms/);
    expect(() => labProblem(makeRng(1), { terms: 3, digits: NaN })).toThrow(/labProblem: options.digits/);
    expect(() => labProblem({} as never, { terms: 3, digits: 1 })).toThrow(TypeError);
    expect(() => parseLabQuestion("5-9")).toThrow(/a chain whose running totals stay in \[0, 999\]/);
    expect(() => parseLabQuestion("12")).toThrow(TypeError);
    expect(() => checkLabSolution({} as never, "")).toThrow(/checkLabSolution: problem must be a LabProblem/);
    expect(() => labAnswer(5 as never)).toThrow(TypeError);
  });
});

describe("the lab's transformer", () => {
  const config: LabModelConfig = { vocab: 17, context: 32, width: 24, layers: 2, heads: 3, head: "lm" };

  beforeAll(async () => {
    await tf.setBackend("cpu");
    await tf.ready();
  });

  test("the layout counts every parameter once, in order", () => {
    const layout = labWeightLayout(config);
    let offset = 0;
    for (const t of layout) {
      expect(t.offset).toBe(offset);
      expect(t.size).toBe(t.shape.reduce((a, b) => a * b, 1));
      offset += t.size;
    }
    expect(labParameterCount(config)).toBe(offset);
    // 12d² + 13d per block, embeddings, final norm and head.
    const d = 24;
    expect(offset).toBe(2 * (12 * d * d + 13 * d) + 17 * d + 32 * d + 2 * d + d * 17 + 17);
  });

  test.each(["lm", "value"] as const)(
    "the cached decoder matches TensorFlow.js's full forward pass (%s head)",
    (head) => {
      const cfg = { ...config, head };
      const w = initialWeights(cfg, makeRng(`fwd-${head}`));
      // Larger-than-initial weights so every layer matters.
      for (let i = 0; i < w.length; i++) w[i] = w[i]! * 1.5;
      const tokens = Array.from(encodeLab(">47+38-15\n47+38=85\n85-15=70\n"));
      const ref = new TfTransformer(cfg, w);
      const expected = ref.outputs(tf.tensor2d(tokens, [1, tokens.length], "int32")).dataSync();
      ref.dispose();
      const got = new LabTransformer(cfg, w).forward(tokens);
      expect(got.length).toBe(expected.length);
      let worst = 0;
      for (let i = 0; i < got.length; i++)
        worst = Math.max(worst, Math.abs(got[i]! - expected[i]!) / (1 + Math.abs(expected[i]!)));
      // Both run in float32 (unit roundoff 6e-8) through ~100 accumulations per output.
      expect(worst).toBeLessThan(1e-5);
    },
  );

  test("training reduces the loss and is reproducible from its seed", () => {
    const cfg: LabModelConfig = { vocab: 17, context: 32, width: 16, layers: 1, heads: 2, head: "lm" };
    const runOnce = (): { first: number; last: number; weights: Float32Array } => {
      const model = new TfTransformer(cfg, initialWeights(cfg, makeRng("train-init")));
      const data = makeRng("train-data");
      const losses: number[] = [];
      train(model, (step) => pretrainBatch(data, step % 2, 8), {
        steps: 40,
        learningRate: 1e-2,
        warmup: 2,
        clip: 1,
        logEvery: 1,
        onStep: (_s, loss) => losses.push(loss),
      });
      const weights = model.weights();
      model.dispose();
      return { first: losses[0]!, last: losses[losses.length - 1]!, weights };
    };
    const a = runOnce();
    // From uniform guessing over 17 symbols (ln 17 ≈ 2.83) to well below it on the easiest rungs.
    expect(a.first).toBeGreaterThan(2);
    expect(a.last).toBeLessThan(0.75 * a.first);
    expect(runOnce().weights).toEqual(a.weights);
  });

  test("snapshot and restore give back the same outputs", () => {
    const m = new LabTransformer(config, initialWeights(config, makeRng("snap")));
    const dec = m.decoder();
    for (const t of encodeLab(">3+4\n")) dec.push(t);
    const snap = dec.snapshot();
    const a = Array.from(dec.push(5));
    dec.push(6);
    dec.restore(snap);
    expect(Array.from(dec.push(5))).toEqual(a);
  });

  test("bad weights and tokens are refused", () => {
    expect(() => new LabTransformer(config, new Float32Array(3))).toThrow(
      /LabTransformer: weights must be a Float32Array of \d+ values/,
    );
    expect(() => new LabTransformer({ ...config, heads: 5 }, new Float32Array(3))).toThrow(
      /config.heads must be a divisor of config.width/,
    );
    const w = initialWeights(config, makeRng(1));
    w[7] = NaN;
    expect(() => new LabTransformer(config, w)).toThrow(/weights\[7\] must be finite/);
    const m = new LabTransformer(config, initialWeights(config, makeRng(1)));
    expect(() => m.forward([])).toThrow(/tokens must be 1 to 32 tokens long/);
    expect(() => m.forward([1, 99])).toThrow(/tokens\[1\] must be an integer in \[0, 16\]/);
  });

  test("drawToken samples the softmax at the temperature, and argmax at 0", () => {
    const logits = Float32Array.from([0, 1, 2, -1]);
    expect(drawToken(logits, makeRng(1), 0)).toBe(2);
    const rng = makeRng("draw");
    const n = 40000;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) counts[drawToken(logits, rng, 2)]!++;
    const e = Array.from(logits, (z) => Math.exp(z / 2));
    const sum = e.reduce((a, b) => a + b, 0);
    e.forEach((x, i) => {
      const p = x / sum;
      expect(Math.abs(counts[i]! / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  });
});

describe("the trained models", () => {
  const models = loadLabModels();

  test("cards and weights are committed, within 5 MB, with the commit they came from", () => {
    let bytes = 0;
    for (const n of LAB_MODEL_NAMES) {
      const card = labModelCard(n);
      bytes += fs.statSync(path.join(labModelDir(), `${n}.bin`)).size;
      expect(card.parameters).toBe(labParameterCount(card.config));
      expect(card.commit).toMatch(/^[0-9a-f]{40}/);
      expect(card.trainingTokens).toBeGreaterThan(0);
    }
    expect(bytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    const ratio = labModelCard("large").parameters / labModelCard("base").parameters;
    expect(ratio).toBeGreaterThan(13);
    expect(ratio).toBeLessThan(15);
    // Both pretrained on the same problems: the same data seed and steps, so the same token count.
    expect(labModelCard("large").trainingTokens).toBe(labModelCard("base").trainingTokens);
    expect(fs.existsSync(path.join(labModelDir(), "training-log.txt"))).toBe(true);
  });

  test.each(LAB_MODEL_NAMES)(
    "the committed %s model's decoder matches TensorFlow.js's forward pass",
    async (name) => {
      await tf.setBackend("cpu");
      const card = labModelCard(name);
      const buf = fs.readFileSync(path.join(labModelDir(), `${name}.bin`));
      const w = new Float32Array(buf.length / 4);
      for (let i = 0; i < w.length; i++) w[i] = buf.readFloatLE(4 * i);
      const tokens = Array.from(encodeLab(">47+38-15\n47+38=85\n85-15=70\n"));
      const ref = new TfTransformer(card.config, w);
      const expected = ref.outputs(tf.tensor2d(tokens, [1, tokens.length], "int32")).dataSync();
      ref.dispose();
      const got = new LabTransformer(card.config, w).forward(tokens);
      let worst = 0;
      for (let i = 0; i < got.length; i++)
        worst = Math.max(worst, Math.abs(got[i]! - expected[i]!) / (1 + Math.abs(expected[i]!)));
      expect(worst).toBeLessThan(1e-4);
    },
  );

  test("sampling is deterministic under a seed", () => {
    const p = parseLabQuestion("23+45-17");
    const a = sampleSolutions(models.base, p, makeRng("s"), 8, 1);
    expect(sampleSolutions(models.base, p, makeRng("s"), 8, 1)).toEqual(a);
    expect(sampleSolutions(models.base, p, makeRng("t"), 8, 1)).not.toEqual(a);
    expect(a.every((t) => t.split("\n").length === 3)).toBe(true);
  });

  test("Monte Carlo step labels estimate a prefix's value within their standard error", () => {
    const p = parseLabQuestion("4+3+2");
    const sol = p.solution;
    const few = monteCarloStepLabels(models.base, p, sol, 16, makeRng("mc"));
    expect(few.labels).toHaveLength(2);
    expect(few.labels[1]).toBe(1); // the full solution is labelled by the checker
    expect(Number.isInteger(few.labels[0]! * 16)).toBe(true);
    // The first-step label against a 4000-rollout estimate of the same value.
    const many = monteCarloStepLabels(models.base, p, sol, 4000, makeRng("mc-many"));
    const v = many.labels[0]!;
    const se = Math.sqrt((v * (1 - v)) / 16 + (v * (1 - v)) / 4000);
    expect(Math.abs(few.labels[0]! - v)).toBeLessThanOrEqual(4 * Math.max(se, 1 / 16));
    // A prefix that carries a wrong total is worth much less (the model sometimes re-reads the
    // question and recovers), and a wrong full solution is labelled 0 by the checker.
    const wrong = monteCarloStepLabels(models.base, p, "4+3=8\n8+2=10\n", 4000, makeRng("mc-wrong"));
    const u = wrong.labels[0]!;
    expect(v - u).toBeGreaterThan(4 * Math.sqrt((v * (1 - v)) / 4000 + (u * (1 - u)) / 4000));
    expect(wrong.labels[1]).toBe(0);
  });

  test("the PRM scores correct solutions above wrong ones", () => {
    const rng = makeRng("prm-auc");
    const pos: number[] = [];
    const neg: number[] = [];
    for (const s of LAB_SETTINGS.slice(0, 5)) {
      for (let q = 0; q < 6; q++) {
        const p = drawProblem(rng, s.terms, s.digits);
        for (const t of sampleSolutions(models.base, p, rng, 6, 1)) {
          const sc = prmStepScores(models.prm, p, t);
          (labCorrect(p, t) ? pos : neg).push(sc[sc.length - 1] ?? 0);
        }
      }
    }
    let auc = 0;
    for (const a of pos) for (const b of neg) auc += a > b ? 1 : a === b ? 0.5 : 0;
    auc /= pos.length * neg.length;
    // Chance is 0.5; the standard error of an AUC from this many pairs is below 0.05.
    expect(auc).toBeGreaterThan(0.7);
  });

  test("labSearch runs every strategy and validates its input", () => {
    const p = parseLabQuestion("5+4-3");
    const o = { rng: makeRng("ls"), policy: models.base, prm: models.prm };
    for (const s of [
      { kind: "best-of-n" },
      { kind: "beam", beamWidth: 2 },
      { kind: "lookahead", beamWidth: 2, k: 1 },
      { kind: "dvts", beamWidth: 2 },
    ] as const) {
      const r = labSearch(p, s, 8, o);
      expect(r.candidates.every((c) => c.split("\n").length === 3)).toBe(true);
      expect(typeof r.correct).toBe("boolean");
    }
    const traced = labSearch(p, { kind: "beam", beamWidth: 2 }, 4, { ...o, trace: true });
    expect(traced.trace).toHaveLength(2);
    expect(() => labSearch(p, { kind: "beam", beamWidth: 3 }, 4, o)).toThrow(RangeError);
    expect(() => labSearch(p, { kind: "nope" } as never, 4, o)).toThrow(/labSearch: strategy.kind/);
    expect(() => labSearch(p, { kind: "best-of-n" }, 0, o)).toThrow(/labSearch: budget/);
    expect(() => labSearch(p, { kind: "best-of-n" }, 4, { ...o, rng: 3 } as never)).toThrow(
      /labSearch: options.rng/,
    );
    expect(() => labSearch(null as never, { kind: "best-of-n" }, 4, o)).toThrow(
      /labSearch: problem must be a LabProblem/,
    );
  });
});

describe("revisions and the study's estimators", () => {
  test("editDistance is Levenshtein's", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("85\n", "85\n")).toBe(0);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.string({ maxLength: 8 }),
        fc.string({ maxLength: 8 }),
        (a, b, c) => {
          expect(editDistance(a, b)).toBe(editDistance(b, a));
          expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
          expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        },
      ),
    );
  });

  test("a revision context lists the attempts after # and ends with .", () => {
    const p = parseLabQuestion("1+2");
    expect(revisionContext(p, [])).toBe(">1+2\n.");
    expect(revisionContext(p, ["1+2=4\n", "1+2=5"])).toBe(">1+2\n#1+2=4\n#1+2=5\n.");
  });

  test("best-of-N from subsets matches exact enumeration within its standard error", () => {
    const answers = [3, 3, 5, 5, 5, -1, 7];
    const scores = [0.9, 0.1, 0.3, 0.2, 0.25, 0.99, 0.8];
    const truth = 3;
    const n = 3;
    // Exact: every 3-subset of 7.
    const winner = (idx: number[], sel: "weighted" | "majority" | "best"): number => {
      const tally = new Map<number, number>();
      let w = -1;
      let top = -Infinity;
      for (const i of idx) {
        if (answers[i]! < 0) continue;
        if (sel === "best") {
          if (scores[i]! > top) {
            top = scores[i]!;
            w = answers[i]!;
          }
          continue;
        }
        const v = (tally.get(answers[i]!) ?? 0) + (sel === "weighted" ? scores[i]! : 1);
        tally.set(answers[i]!, v);
        if (v > top) {
          top = v;
          w = answers[i]!;
        }
      }
      return w;
    };
    for (const sel of ["weighted", "majority", "best"] as const) {
      let hits = 0;
      let all = 0;
      for (let a = 0; a < 7; a++)
        for (let b = a + 1; b < 7; b++)
          for (let c = b + 1; c < 7; c++) {
            // Order matters for ties (first seen wins): average over the 6 orders.
            for (const order of [
              [a, b, c],
              [a, c, b],
              [b, a, c],
              [b, c, a],
              [c, a, b],
              [c, b, a],
            ]) {
              all++;
              if (winner(order, sel) === truth) hits++;
            }
          }
      const exact = hits / all;
      const subsets = 20000;
      const mc = bestOfNRate(answers, scores, truth, n, sel, makeRng(`bon-${sel}`), subsets);
      expect(Math.abs(mc - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / subsets) + 1e-12);
    }
    // All seven: the top score (0.99) has no answer and cannot win; the next (0.9) is on the truth.
    expect(bestOfNRate(answers, scores, truth, 7, "best", makeRng(1))).toBe(1);
  });

  test("revision splits and their success on hand-made chains", () => {
    expect(labRevisionSplits(16, 8, 16)).toEqual([
      { sequential: 2, parallel: 8 },
      { sequential: 4, parallel: 4 },
      { sequential: 8, parallel: 2 },
      { sequential: 16, parallel: 1 },
    ]);
    const chains = [
      [1, 2, 2],
      [1, 1, 1],
    ];
    const scores = [
      [0.1, 0.9, 0.9],
      [0.2, 0.2, 0.2],
    ];
    // Chain 0 alone at 1 attempt says 1; with 3 attempts its weighted vote says 2 (1.8 > 0.1).
    expect(revisionRate(chains, scores, 1, { sequential: 1, parallel: 1 }, "weighted")).toBe(1);
    expect(revisionRate(chains, scores, 2, { sequential: 3, parallel: 1 }, "weighted")).toBe(0.5);
    expect(revisionRate(chains, scores, 1, { sequential: 3, parallel: 2 }, "majority")).toBe(1);
  });
});

describe("the committed caches", () => {
  const cache = labCache();
  const models = loadLabModels();
  const seed = cache.manifest.seed;
  const s = cache.manifest.settings;

  test("match the benchmark and the model cards", () => {
    expect(cache.problems.map((p) => p.question)).toEqual(labBenchmark().map((p) => p.question));
    for (const n of LAB_MODEL_NAMES)
      expect(cache.manifest.models[n]?.trainedAt).toBe(labModelCard(n).trainedAt);
    expect(cache.samples[0]!.answers).toHaveLength(s.samples);
    expect(cache.large[0]).toHaveLength(s.largeSamples);
    expect(cache.largeGreedy).toHaveLength(cache.problems.length);
  });

  test("a slice rebuilt from the seed matches the committed one", () => {
    for (const i of [0, 70]) {
      expect(collectSamples(models, cache.problems[i]!, seed, i, s.samples)).toEqual(cache.samples[i]);
    }
    expect(collectRevisions(models, cache.problems[3]!, seed, 3, s.chains, s.chainLength)).toEqual(
      cache.revisions[3],
    );
    expect(collectSearch(models, cache.problems[1]!, seed, 1, s.searchTrials)).toEqual(cache.search[1]);
    expect(collectLargeGreedy(models, cache.problems[50]!, seed, 50)).toBe(cache.largeGreedy[50]);
  });

  test("the stored synthetic verdicts still match a live run of the synthetic study", () => {
    const live = findingsTable(runSearchExperiment(), runRevisionExperiment()).map((r) => [
      r.id,
      r.reproduced,
    ]);
    expect(cache.synthetic.map((r) => [r.id, r.reproduced])).toEqual(live);
  });

  test("the study and its findings", () => {
    const study = labStudy(cache);
    expect(Array.from(new Set(study.oracle)).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const x of study.passAtOne) expect(x >= 0 && x <= 1).toBe(true);
    const rows = labFindings(study);
    expect(rows).toHaveLength(14);
    expect(new Set(rows.map((r) => r.id)).size).toBe(14);
    for (const r of rows) expect(["yes", "partly", "no", "not measured"]).toContain(r.reproduced);
  });
});

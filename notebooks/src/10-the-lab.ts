// Source of notebooks/10-the-lab.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 10 · The lab: the paper's study on real tiny models
//
// Every sample in chapters 01–09 is a designed random draw. This chapter is different: its
// samples come from **real language models trained in this project** — a small transformer that
// solves arithmetic chains step by step, a process reward model (PRM) trained on Monte Carlo
// rollouts of that model, a revision model trained on its own mistakes, and a model about 14×
// larger trained on the same data. On them we redo the paper's study: difficulty bins from real
// pass@1, best-of-N, beam search, lookahead and DVTS through the same strategy code as the
// synthetic world, sequential against parallel revisions, compute-optimal choice per bin, and the
// FLOPs-matched exchange with the larger model. Whatever the tiny models show is the result; it
// is reported beside the paper's finding and the synthetic model's, untuned.
//
// **You will learn**
// - what the paper's pipeline looks like on models small enough to train on a laptop CPU;
// - how a PRM trained on rollout labels scores real solutions, and where it is fooled;
// - which of the paper's findings hold on real models, which hold only in the synthetic world,
//   and which hold in neither.
//
// **Prerequisites:** chapters 03 (the strategies), 06 (the synthetic study) and 08 (the
// FLOPs-matched exchange).
// **Time:** about 60 minutes (2084 words at 200 a minute and 468 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## The task: arithmetic chains, one step per line
//
// A problem is a chain of additions and subtractions such as `47+38-15`. A solution writes one
// line per operation, each carrying the running total forward, so a problem with m terms takes
// m − 1 steps; the last line's result is the answer. The checker grades a solution by its final
// answer, as MATH graders do, and can also say which steps are right. Difficulty grows with the
// number of terms (more steps to get right) and with the digits (carries and borrows): the
// benchmark has eight rungs, from two one-digit terms to four two-digit ones.

// %%
{
  const p = ttc.parseLabQuestion("47+38-15");
  ttc.showMarkdown("Prompt and correct solution:\n\n```\n" + ttc.labPrompt(p) + p.solution + "```");
  const wrong = "47+38=84\n84-15=69\n";
  ttc.showTable(
    ttc.checkLabSolution(p, wrong).map((c, i) => ({
      step: i + 1,
      line: c.line,
      "carries the right total": c.carriesTotal,
      "reads the question": c.readsQuestion,
      "arithmetic right": c.arithmetic,
      correct: c.correct,
    })),
    {
      caption: `A wrong solution, checked step by step (answer ${ttc.labAnswer(wrong)}, correct ${p.answer})`,
    },
  );
}

// %% [markdown]
// ## The four models
//
// `npm run lab:train` trains all four from one seed with TensorFlow.js on two CPU cores, and the
// weights are committed beside their training logs, so nobody has to train to read this chapter:
//
// - **base**, the policy: a two-block transformer trained on correct solutions of problems drawn
//   from every rung;
// - **large**: the same architecture, wider and deeper, about 14× the parameters, trained on
//   *exactly the same problems in the same order* — the paper's FLOPs-matched exchange assumes
//   both models saw the same pretraining data;
// - **prm**: the base model with a value head instead of next-token logits, fine-tuned with binary
//   cross-entropy on soft labels: for each step prefix of the base model's own solutions, the
//   fraction of eight rollouts from that prefix that reach the right answer (§5.1, after
//   Math-Shepherd; chapter 03 built the same labels in the synthetic world);
// - **revision**: the base model fine-tuned on the paper's recipe (§6.1; App. H–J v1 / App. L–N ICLR): zero to four
//   of its own wrong attempts in context, the last the closest to the correct one by edit
//   distance, followed by the correct solution.

// %%
{
  const rows = ttc.LAB_MODEL_NAMES.map((n) => {
    const c = ttc.labModelCard(n);
    const last = c.losses[c.losses.length - 1];
    return {
      model: n,
      parameters: c.parameters,
      "width × blocks": `${c.config.width} × ${c.config.layers}`,
      context: c.config.context,
      "training tokens": c.trainingTokens,
      "tokens sampled for its data": c.sampledTokens,
      steps: c.steps,
      "final loss": last ? last[1] : NaN,
      "training time (s)": Math.round(c.seconds),
    };
  });
  ttc.showTable(rows, { caption: "The lab's models, from their committed cards (lab/models/*.json)" });
  const ratio = ttc.labModelCard("large").parameters / ttc.labModelCard("base").parameters;
  ttc.showMarkdown(
    `The larger model has **${ttc.formatNumber(ratio, 3)}×** the base model's parameters ` +
      `(the paper's ratio is about 14×). Losses are per target token on mixed batches, so they ` +
      `are not comparable across models with different data.`,
  );
}

// %% [markdown]
// ## How good are they? Pass@1 on every rung
//
// The study's caches (`npm run lab:sample`) hold many samples per benchmark question from the
// base model and fewer from the larger one (the cell prints how many), at temperature 1. A
// question's **pass@1** is the fraction of its samples that are right; the paper estimates it
// from 2048 samples.

// %%
{
  const cache = ttc.labCache();
  const rows = ttc.labPassBySetting(cache);
  const s = cache.manifest.settings;
  ttc.showMarkdown(
    `The benchmark: **${cache.problems.length}** questions, ${rows[0].questions} per rung; ` +
      `**${s.samples}** base-model samples and **${s.largeSamples}** larger-model samples per question; ` +
      `${s.chains} revision chains of ${s.chainLength} attempts; ${s.searchTrials} runs of each search per budget.`,
  );
  ttc.show(
    ttc.barFigure({
      title: "Pass@1 by difficulty rung: the base model and the 14× larger one",
      categories: rows.map((r) => r.setting),
      xAxis: { title: "terms × digits per term (more terms = more steps)" },
      yAxis: { title: "pass@1 (%)", percent: true, range: [0, 1] },
      series: [
        { name: "base", values: rows.map((r) => r.base) },
        { name: "larger (≈14×)", values: rows.map((r) => r.large) },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice.** The base model solves two one-digit terms almost always and four
// two-digit terms almost never, so the benchmark spans the whole range the paper's difficulty
// bins need. The larger model is better on every rung; how much better, and where, decides the
// FLOPs-matched exchange at the end of the chapter.

// %% [markdown]
// ## Sixteen real solutions and their step scores
//
// This cell samples live from the committed models (milliseconds). Each row is one solution; ✓
// and ✗ mark right and wrong steps, and the PRM's score of each step follows. The PRM scores a
// prefix by how likely the base model is to finish it correctly — it was trained to predict
// exactly that.

// %%
{
  const models = ttc.loadLabModels();
  const problem = ttc.parseLabQuestion("8+7-6+9");
  const rows = ttc.labSampleRows(models, problem, 16, "ch10-samples");
  ttc.showTable(
    rows.map((r, i) => ({
      "#": i + 1,
      steps: r.steps,
      "PRM step scores": r.scores,
      answer: r.answer,
      right: r.correct,
    })),
    { caption: `Sixteen base-model solutions of ${problem.question} (answer ${problem.answer})` },
  );
  const right = rows.filter((r) => r.correct).length;
  const lucky = rows.filter((r) => r.correct && !r.allStepsRight).length;
  ttc.showMarkdown(
    `${right} of 16 are right` +
      (lucky > 0
        ? `, ${lucky} of them with a wrong step that a later mistake cancelled (final-answer grading counts them)`
        : "") +
      ".",
  );
}

// %% [markdown]
// ## Difficulty bins: oracle and predicted
//
// As in the paper (§3.2), the questions are sorted into five difficulty levels. The **oracle**
// bins are the quintiles of each question's real pass@1 (level 1 easiest); the **predicted**
// bins are the quintiles of the PRM's mean final score over the samples, which needs no answer
// key. The rest of the chapter reads results per level.

// %%
{
  const study = ttc.labStudy();
  const agree = Array.from(study.oracle).filter((l, i) => l === study.predicted[i]).length / study.questions;
  ttc.showTable(
    [1, 2, 3, 4, 5].map((l) => {
      const idx = Array.from(study.oracle).flatMap((v, i) => (v === l ? [i] : []));
      const mean = (xs: ArrayLike<number>) => idx.reduce((s, i) => s + (xs[i] ?? 0), 0) / idx.length;
      return {
        level: l,
        questions: idx.length,
        "base pass@1 (%)": 100 * mean(study.passAtOne),
        "PRM mean final score": mean(study.prmMean),
        "larger model, greedy (%)": 100 * mean(study.largeGreedy),
      };
    }),
    { caption: "The oracle difficulty levels", digits: 3 },
  );
  ttc.showMarkdown(
    `Oracle and predicted bins agree on **${ttc.formatNumber(100 * agree, 3)}%** of questions.`,
  );
}

// %% [markdown]
// ## Where the PRM is fooled
//
// A verifier is fooled when it gives a wrong answer a high score. Over the cached samples, the
// table counts per difficulty level the share of wrong answers the PRM
// scores above 0.5, against the share of right ones. Then the cell shows the wrong solutions it
// likes best on one question.

// %%
{
  const cache = ttc.labCache();
  const study = ttc.labStudy(cache);
  ttc.showTable(
    ttc.labFooled(cache, study.oracle).map((r) => ({
      level: r.level,
      "wrong samples": r.wrong,
      "wrong scored > 0.5 (%)": 100 * r.wrongAboveHalf,
      "right samples": r.right,
      "right scored > 0.5 (%)": 100 * r.rightAboveHalf,
    })),
    { caption: "How often the PRM's last-step score passes 0.5, by difficulty level", digits: 3 },
  );
  const models = ttc.loadLabModels();
  const problem = ttc.parseLabQuestion("6+9+8-7+5");
  const fooled = ttc
    .labSampleRows(models, problem, 64, "ch10-fooled")
    .filter((r) => !r.correct)
    .sort((a, b) => b.last - a.last)
    .slice(0, 3);
  ttc.showTable(
    fooled.map((r) => ({
      steps: r.steps,
      "PRM step scores": r.scores,
      "last score": r.last,
      answer: r.answer,
    })),
    {
      caption: `The three wrong solutions of ${problem.question} (answer ${problem.answer}) the PRM scores highest, of 64 samples`,
    },
  );
}

// %% [markdown]
// ## A search on real models, drawn
//
// The lab's models implement the same two interfaces as the synthetic world — the base model is
// a `StepPolicy` that writes one line per step, the PRM a `StepVerifier` — so every strategy of
// chapter 03 runs on them unchanged through `ttc.labSearch`. Here is one beam search traced and
// drawn as a tree: each column is a step, kept prefixes are filled, pruned ones hollow.

// %%
{
  const models = ttc.loadLabModels();
  const problem = ttc.parseLabQuestion("6+2-3+4");
  const run = ttc.labSearch(problem, { kind: "beam", beamWidth: 4 }, 16, {
    rng: ttc.makeRng("ch10-tree"),
    policy: models.base,
    prm: models.prm,
    trace: true,
  });
  ttc.show(
    ttc.searchTreeFigure(run.trace ?? [], { title: `Beam search, N = 16, M = 4, on ${problem.question}` }),
  );
  ttc.showMarkdown(
    `The search answered **${run.answer}** (${run.correct ? "right" : "wrong"}; the answer is ${problem.answer}), ` +
      `generating ${run.generatedTokens} tokens.`,
  );
}

// %% [markdown]
// ## Scaling test-time compute: the strategies against budget
//
// Best-of-N comes from random subsets of each question's 256 cached samples (64 subsets per
// question and budget); beam search, lookahead and DVTS from the cached runs per question and
// budget: beam search and DVTS at 4, 16 and 64 generations, lookahead at 16 and 64. Lookahead with
// k = 3 spends k + 1 = 4 generations per candidate, so at budget 16 it runs N = 4 candidates and,
// with M = 4, keeps one prefix a round (at budget 4 it could not run at all). DVTS is the Hugging
// Face team's later addition (Beeching et al. 2024), not in the paper. The grey line is the
// larger model's greedy accuracy, the paper's measure of it (§7).

// %%
{
  const study = ttc.labStudy();
  const curve = (label: string) => {
    const es = study.search.filter((e) => e.strategy === label).sort((a, b) => a.budget - b.budget);
    const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
    return { name: label, budgets: es.map((e) => e.budget), accuracy: es.map((e) => mean(e.perQuestion)) };
  };
  const labels = [...new Set(study.search.map((e) => e.strategy))];
  const large = Array.from(study.largeGreedy).reduce((a, b) => a + b, 0) / study.questions;
  ttc.show(
    ttc.budgetCurvesFigure({
      title: "Accuracy against generation budget on the lab's benchmark",
      series: labels.map((l) => ({ ...curve(l), name: l === "DVTS M=4" ? "DVTS M=4 (later work)" : l })),
      referenceLines: [{ name: "larger model, greedy", y: large }],
    }),
  );
  const at = (label: string, b: number) => {
    const c = curve(label);
    return c.accuracy[c.budgets.indexOf(b)] ?? NaN;
  };
  const pct = (x: number) => `${ttc.formatNumber(100 * x, 3)}%`;
  ttc.showMarkdown(
    `**What to notice.** Plain best-of-N — keep the single highest-scored sample — goes from ` +
      `${pct(at("best-of-N", 4))} at N = 4 to ${pct(at("best-of-N", 256))} at N = 256: the more samples, the likelier ` +
      `that some wrong one fools the PRM. This differs from the paper, where plain best-of-N with the PRM ` +
      `stays competitive and only plain best-of-N with an ORM falls (ICLR App. G.2). Weighted voting pools the ` +
      `scores of every sample with the same answer and is far less exposed (${pct(at("best-of-N weighted", 256))} at 256). ` +
      `At budget 64, beam search M=4 reaches ${pct(at("beam M=4", 64))}, lookahead ${pct(at("lookahead k=3 M=4", 64))}, ` +
      `best-of-N weighted ${pct(at("best-of-N weighted", 64))}; the findings table at the end says which of these ` +
      `differences exceed two paired standard errors.`,
  );
}

// %% [markdown]
// ## The compute-optimal choice per level
//
// At each budget, the compute-optimal strategy of a level is chosen by two-fold cross-validation
// inside the level, from the paper's pool: best-of-N weighted, beam search (M = 4 and M = √N) and
// lookahead — with oracle bins and with predicted ones.

// %%
{
  const study = ttc.labStudy();
  ttc.showTable(
    study.searchOptimal.curve.map((p, i) => ({
      budget: p.budget,
      "compute-optimal, oracle bins (%)": 100 * p.accuracy,
      "compute-optimal, predicted bins (%)": 100 * (study.searchOptimalPredicted.curve[i]?.accuracy ?? NaN),
      "chosen per level 1–5 (oracle)": p.bins.map((b) => [...new Set(b.chosen)].join("/")).join(" · "),
    })),
    { caption: "Compute-optimal search on the lab's models", digits: 3 },
  );
  const levels = [1, 2, 3, 4, 5];
  const at = (label: string, budget: number) =>
    levels.map((l) => {
      const e = study.search.find((x) => x.strategy === label && x.budget === budget);
      const idx = Array.from(study.oracle).flatMap((v, i) => (v === l ? [i] : []));
      return e ? idx.reduce((s, i) => s + (e.perQuestion[i] ?? 0), 0) / idx.length : 0;
    });
  ttc.show(
    ttc.binBarsFigure({
      title: "Budget 64, by difficulty level",
      bins: levels,
      series: ["best-of-N weighted", "beam M=4", "beam M=√N", "lookahead k=3 M=4"].map((name) => ({
        name,
        values: at(name, 64),
      })),
    }),
  );
}

// %% [markdown]
// ## Which step score? Last, min or product
//
// The PRM scores every step. Best-of-N weighted needs one number per solution: the last step's
// score (the paper's choice), the smallest step score, or their product (§5.1; App. E v1 / App. G
// ICLR compare them). The same subsets of samples are scored all three ways, so the
// comparison is paired.

// %%
{
  const study = ttc.labStudy();
  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
  ttc.showTable(
    ttc.LAB_BON_BUDGETS.filter((b) => b > 1).map((b) => {
      const row: Record<string, number> = { budget: b };
      for (const agg of ["last", "min", "prod"]) {
        const e = study.aggregation.find(
          (x) => x.strategy === `best-of-N weighted, ${agg}` && x.budget === b,
        );
        row[`${agg} (%)`] = 100 * mean(e?.perQuestion ?? [0]);
      }
      return row;
    }),
    { caption: "Best-of-N weighted with each aggregation of the step scores", digits: 3 },
  );
}

// %% [markdown]
// ## Revisions: a mistake fixed, and sequential against parallel
//
// The revision model sees its recent attempts (at most four, as in the paper) and writes a new
// one. First, a real chain in which a wrong attempt is followed by a right one:

// %%
{
  const models = ttc.loadLabModels();
  const cache = ttc.labCache();
  const study = ttc.labStudy(cache);
  const medium = cache.problems.filter((_, i) => study.oracle[i] === 2 || study.oracle[i] === 3);
  const ex = ttc.labRevisionExample(models, medium, 8, "ch10-revision");
  if (ex === null) ttc.showMarkdown("No chain of 8 revisions fixed a mistake on these problems.");
  else
    ttc.showTable(
      ex.attempts.map((a, i) => ({ attempt: i + 1, steps: a.steps, answer: a.answer, right: a.correct })),
      { caption: `A revision chain on ${ex.problem.question} (answer ${ex.problem.answer})` },
    );
}

// %% [markdown]
// How often does a revision fix a wrong answer, and how often does it break a right one? The
// paper reports that its revision model turned a correct answer into a wrong one about 38% of
// the time. Our model was trained on the paper's recipe — only wrong attempts ever appear in its
// training contexts — and the cached chains show what it learned:

// %%
{
  const cache = ttc.labCache();
  const study = ttc.labStudy(cache);
  const rows = ttc.labRevisionRates(cache, study.oracle);
  ttc.showTable(
    rows.map((r) => ({
      level: r.level,
      "first attempt right (%)": 100 * r.firstAttempt,
      "fix: P(right | previous wrong) (%)": 100 * r.fix,
      "after a wrong attempt": r.afterWrong,
      "break: P(wrong | previous right) (%)": 100 * r.breaks,
      "after a right attempt": r.afterRight,
    })),
    {
      caption: "The revision model's fix and break rates, over consecutive attempts in the cached chains",
      digits: 3,
    },
  );
  const all = rows.reduce((a, r) => ({ n: a.n + r.afterRight, b: a.b + r.breaks * r.afterRight }), {
    n: 0,
    b: 0,
  });
  ttc.showMarkdown(
    `Overall it breaks **${ttc.formatNumber((100 * all.b) / Math.max(1, all.n), 3)}%** of right answers. A model that has ` +
      "only ever seen wrong attempts in context learns that the attempt in front of it is wrong, and changes it.",
  );
  const first = rows.reduce((a, r) => a + r.firstAttempt, 0) / rows.length;
  const base = Array.from(study.passAtOne).reduce((a, b) => a + b, 0) / study.questions;
  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
  const best16 = Math.max(
    ...study.revisions
      .filter((e) => e.budget === 16 && e.selection === "weighted")
      .map((e) => mean(e.perQuestion)),
  );
  const bon16 = mean(
    study.search.find((e) => e.strategy === "best-of-N weighted" && e.budget === 16)?.perQuestion ?? [0],
  );
  ttc.showMarkdown(
    `It is also a weaker writer than the model it was fine-tuned from: its first attempts, with nothing in ` +
      `context, are right **${ttc.formatNumber(100 * first, 3)}%** of the time averaged over the levels, against the ` +
      `base model's ${ttc.formatNumber(100 * base, 3)}% over all questions. At budget 16 its best split reaches ` +
      `${ttc.formatNumber(100 * best16, 3)}%, against ${ttc.formatNumber(100 * bon16, 3)}% for best-of-N weighted ` +
      "with the base model. The chain below is a real fix, but fixes are the exception.",
  );
}

// %% [markdown]
// The cache holds several chains of attempts per question (printed with the benchmark above). A budget B can be split into
// `sequential` attempts per chain × `parallel` chains; every split the cache holds is scored by
// PRM-weighted voting over all attempts of the chains it uses. The paper selects in two stages
// instead — inside each chain, then across chains — with an ORM trained on the revision model's
// own outputs, because its PRM transfers poorly to revisions (§6.2); we use the base model's PRM
// and one pooled vote. The chart sweeps the split at budget 16, one line per difficulty level.
// The paper's Fig. 7 sweeps budget 128 from fully parallel to fully sequential; the cache's
// chains allow budget 16 from two attempts in each of eight chains to one chain of sixteen. The
// x axis writes each split in lowest terms (two attempts × eight chains shows as 1:4).

// %%
{
  const study = ttc.labStudy();
  const splits = study.revisions
    .filter((e) => e.budget === 16 && e.selection === "weighted")
    .sort((a, b) => a.sequential - b.sequential);
  const levels = [1, 2, 3, 4, 5];
  ttc.show(
    ttc.ratioSweepFigure({
      title: "Revisions at budget 16: the sequential : parallel split, by level",
      ratios: splits.map((e) => ({ sequential: e.sequential, parallel: e.parallel })),
      series: levels.map((l) => {
        const idx = Array.from(study.oracle).flatMap((v, i) => (v === l ? [i] : []));
        return {
          name: `level ${l}`,
          accuracy: splits.map((e) => idx.reduce((s, i) => s + (e.perQuestion[i] ?? 0), 0) / idx.length),
        };
      }),
    }),
  );
}

// %% [markdown]
// Compute-optimal revisions choose the split per difficulty level, again by two-fold
// cross-validation inside each bin, at every budget where the cache holds more than one split;
// the table sets them against the most parallel split the cache holds at the same budget.

// %%
{
  const study = ttc.labStudy();
  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
  ttc.showTable(
    study.revisionOptimal.curve.map((p) => {
      const splits = study.revisions.filter((e) => e.selection === "weighted" && e.budget === p.budget);
      const parallel = splits.reduce((a, b) => (b.parallel > a.parallel ? b : a));
      return {
        budget: p.budget,
        "compute-optimal (%)": 100 * p.accuracy,
        [`most parallel split (%)`]: 100 * mean(parallel.perQuestion),
        "that split": parallel.strategy.replace("revisions ", ""),
        "chosen per level 1–5": p.bins
          .map((b) => [...new Set(b.chosen)].map((c) => c.replace("revisions ", "")).join("/"))
          .join(" · "),
      };
    }),
    { caption: "Compute-optimal revisions on the lab's models (sequential:parallel splits)", digits: 3 },
  );
}

// %% [markdown]
// ## The FLOPs-matched exchange, with real parameter and token counts
//
// Chapter 08 derived the exchange rate: a model M times larger, trained on the same tokens,
// buys the small model F = M + 3(M − 1)/R generations per question at equal total FLOPs, where
// R = D_inference / D_pretrain (§7). Here M is the models' real parameter ratio, and the table
// compares, per level, best-of-N weighted at the affordable budget (capped at the cache's 256)
// with the larger model's greedy accuracy. The last row puts R where this benchmark really is: answering
// its questions once is a tiny fraction of the pretraining tokens.

// %%
{
  const cache = ttc.labCache();
  const study = ttc.labStudy(cache);
  const M = cache.manifest.models["large"].parameters / cache.manifest.models["base"].parameters;
  const inferenceTokens = cache.problems.reduce((s, p) => s + p.solution.length, 0);
  const pretrain = cache.manifest.models["base"].trainingTokens;
  const levels = [1, 2, 3, 4, 5];
  const idxOf = (l: number) => Array.from(study.oracle).flatMap((v, i) => (v === l ? [i] : []));
  const mean = (xs: ArrayLike<number>, idx: number[]) =>
    idx.reduce((s, i) => s + (xs[i] ?? 0), 0) / idx.length;
  const rows = [0.16, 0.79, 22, inferenceTokens / pretrain].map((R) => {
    const f = ttc.flopsMatchedComparison({ sizeRatio: M, tokenRatio: R });
    const budget = Math.min(256, f.nearestPowerOfTwo);
    const bon = study.search.find((e) => e.strategy === "best-of-N weighted" && e.budget === budget);
    const row: Record<string, string | number> = {
      R: ttc.formatNumber(R, 3),
      F: ttc.formatNumber(f.multiplier, 4),
      budget,
    };
    for (const l of levels) {
      const idx = idxOf(l);
      row[`level ${l}: small − large (pts)`] =
        100 * (mean(bon?.perQuestion ?? [], idx) - mean(study.largeGreedy, idx));
    }
    return row;
  });
  ttc.showTable(rows, {
    caption: `Best-of-N weighted at the FLOPs-matched budget against the ${ttc.formatNumber(M, 3)}× larger model`,
    digits: 3,
  });
}

// %% [markdown]
// ## Paper, synthetic model, real tiny models: finding by finding
//
// The lab's verdicts come from `ttc.labFindings()`, whose criteria follow the synthetic study's
// (chapter 06) with the lab's budgets. Comparisons between strategies are paired over the same
// questions and count only beyond two standard errors; the rules that ask which split or level
// peaks, or whether a gain stays below ten points, read point estimates, and each criterion
// (printed below the table) says which kind it is. The synthetic column is `ttc.findingsTable` at its defaults, stored with the
// caches (a test checks it still matches a live run).

// %%
{
  const cache = ttc.labCache();
  const lab = ttc.labFindings();
  const synthetic = new Map(cache.synthetic.map((r) => [r.id, r]));
  ttc.showTable(
    lab.map((r) => ({
      finding: r.finding,
      paper: synthetic.get(r.id)?.paperSays ?? "",
      "synthetic model": synthetic.get(r.id)?.reproduced ?? "—",
      "tiny real models": r.reproduced,
      "the lab shows": r.labShows,
    })),
    { caption: "Snell et al.'s findings on the synthetic model and on the lab's real models" },
  );
  const count = (v: string) => lab.filter((r) => r.reproduced === v).length;
  ttc.showMarkdown(
    `On the real models: **${count("yes")}** yes, **${count("partly")}** partly, **${count("no")}** no, ` +
      `**${count("not measured")}** not measured. Criteria:\n\n` +
      lab.map((r) => `- *${r.id}*: ${r.criterion}`).join("\n"),
  );
}

// %% [markdown]
// ## Try changing this
//
// Run any strategy live on any problem: change the question, the strategy, the budget or the
// seed. A two-term one-digit question is easy for the base model; five one-digit terms or
// three two-digit terms are hard.

// %%
{
  const question = "38+45-27"; // terms of 1–3 digits joined by + or -
  const strategy: ttc.SearchStrategy = { kind: "beam", beamWidth: 4 }; // or { kind: "best-of-n" }, { kind: "lookahead", beamWidth: 4, k: 3 }, { kind: "dvts", beamWidth: 4 }
  const budget = 16;
  const runs = 8;
  try {
    const models = ttc.loadLabModels();
    const problem = ttc.parseLabQuestion(question);
    const rng = ttc.makeRng("ch10-try");
    const results = Array.from({ length: runs }, () =>
      ttc.labSearch(problem, strategy, budget, { rng, policy: models.base, prm: models.prm }),
    );
    ttc.showMarkdown(
      `${ttc.searchStrategyLabel(strategy)} at budget ${budget} answered ${question} right in ` +
        `**${results.filter((r) => r.correct).length} of ${runs}** runs (answers: ${results.map((r) => r.answer).join(", ")}; right: ${problem.answer}).`,
    );
  } catch (e) {
    ttc.showError(e);
  }
}

// %% [markdown]
// ## Exercises
//
// Predict first, then run. Each checker compares your prediction with what the lab's caches
// say, and explains the answer.
//
// **1.** On the easiest level (1), at budget 64, which does better: beam search with M = 4 or
// best-of-N weighted? (Think about what heavy search does to a verifier on questions the model
// already solves.)

// %%
{
  const myPrediction: string | undefined = undefined; // "beam M=4" or "best-of-N weighted"
  const study = ttc.labStudy();
  const idx = Array.from(study.oracle).flatMap((v, i) => (v === 1 ? [i] : []));
  const acc = (label: string, budget = 64) => {
    const e = study.search.find((x) => x.strategy === label && x.budget === budget);
    return e ? idx.reduce((s, i) => s + (e.perQuestion[i] ?? 0), 0) / idx.length : 0;
  };
  const beam = acc("beam M=4");
  const bon = acc("best-of-N weighted");
  const beam16 = acc("beam M=4", 16);
  ttc.checkPrediction("level 1, budget 64", myPrediction, {
    answer: beam > bon ? "beam M=4" : "best-of-N weighted",
    alsoRight: Math.abs(beam - bon) < 0.01 ? ["beam M=4", "best-of-N weighted"] : [],
    choices: ["beam M=4", "best-of-N weighted"],
    explanation:
      `On level 1: beam M=4 ${ttc.formatNumber(100 * beam, 3)}%, best-of-N weighted ${ttc.formatNumber(100 * bon, 3)}%. ` +
      `The paper saw beam search over-optimise the PRM on easy questions at high budgets (Fig. 3); here beam M=4 ` +
      `${beam < beam16 ? "falls" : "does not fall"} on level 1 from budget 16 (${ttc.formatNumber(100 * beam16, 3)}%) to 64, ` +
      `and ${bon >= beam ? "best-of-N weighted is simply better on questions the model already solves" : "beam search keeps its lead"}.`,
  });
}

// %% [markdown]
// **2.** At R = 22 (inference-heavy deployment), on the hardest level (5), does the small model
// with best-of-N weighted at the FLOPs-matched budget beat the larger model?

// %%
{
  const myPrediction: string | undefined = undefined; // "small model" or "larger model"
  const cache = ttc.labCache();
  const study = ttc.labStudy(cache);
  const M = cache.manifest.models["large"].parameters / cache.manifest.models["base"].parameters;
  const f = ttc.flopsMatchedComparison({ sizeRatio: M, tokenRatio: 22 });
  const budget = Math.min(256, f.nearestPowerOfTwo);
  const idx = Array.from(study.oracle).flatMap((v, i) => (v === 5 ? [i] : []));
  const mean = (xs: ArrayLike<number>) => idx.reduce((s, i) => s + (xs[i] ?? 0), 0) / idx.length;
  const small = mean(
    study.search.find((e) => e.strategy === "best-of-N weighted" && e.budget === budget)?.perQuestion ?? [],
  );
  const large = mean(study.largeGreedy);
  ttc.checkPrediction("level 5 at R = 22", myPrediction, {
    answer: small > large ? "small model" : "larger model",
    choices: ["small model", "larger model"],
    explanation:
      `F = ${ttc.formatNumber(f.multiplier, 3)} affords ${budget} generations: small model ${ttc.formatNumber(100 * small, 3)}%, ` +
      `larger model (greedy) ${ttc.formatNumber(100 * large, 3)}%. Samples cannot find an answer the small model almost never writes.`,
  });
}

// %% [markdown]
// **3.** Over the whole benchmark at budget 64, is lookahead search (k = 3) better or worse than
// beam search with M = 4? Its rollouts are temperature-0 continuations scored by the PRM.

// %%
{
  const myPrediction: string | undefined = undefined; // "better" or "worse"
  const study = ttc.labStudy();
  const mean = (label: string) => {
    const e = study.search.find((x) => x.strategy === label && x.budget === 64);
    return e ? Array.from(e.perQuestion).reduce((a, b) => a + b, 0) / study.questions : 0;
  };
  const look = mean("lookahead k=3 M=4");
  const beam = mean("beam M=4");
  ttc.checkPrediction("lookahead vs beam at 64", myPrediction, {
    answer: look > beam ? "better" : "worse",
    choices: ["better", "worse"],
    explanation:
      `lookahead ${ttc.formatNumber(100 * look, 3)}%, beam M=4 ${ttc.formatNumber(100 * beam, 3)}%. ` +
      "At equal budget lookahead keeps N/(k + 1) beams: its rollouts buy better scores with fewer candidates.",
  });
}

// %% [markdown]
// ## Where the lab stops matching the paper
//
// - **The task is arithmetic, not MATH.** Steps are short and checkable; a mistake often
//   carries a wrong total forward, so a wrong prefix seldom recovers, and a PRM learns that more
//   easily than it learns to judge a proof.
// - **The PRM is trained on rollouts of its own policy, and the revision model on that policy's
//   own mistakes** — as in the paper — but from a few thousand problems, not the paper's large corpora, and with eight
//   rollouts per prefix, not sixteen.
// - **Budgets are smaller.** Search runs at 4–64 generations, best-of-N up to 256, revisions up
//   to the cache's chains × attempts (printed with the benchmark above); the paper goes to 256
//   for all.
//   Findings that need the missing corners are listed as "not measured".
// - **The benchmark is small** (the pass@1 cell prints its size) and pass@1 comes from far fewer
//   samples than the paper's 2048; paired standard errors decide the comparisons between
//   strategies, but the verdicts that read which split or level peaks rest on point estimates.
// - **Revisions are selected with the base PRM in one pooled vote**, not with the paper's ORM
//   trained on the revision model's outputs in two stages (§6.2).
// - **The larger model is judged by its greedy answer**, as in the paper; best-of-N weighted
//   stands in for the paper's compute-optimal test-time compute in the exchange table.
// - **Easy rungs repeat training problems.** Two one-digit terms allow only a small set of
//   distinct problems, so the easiest benchmark questions were seen in pretraining — as easy MATH
//   problems resemble textbook exercises.
//
// ## Summary
//
// - Four real models — a small policy, a PRM trained on Monte Carlo rollout labels, a revision
//   model trained on its own mistakes and a policy about 14× larger — train here in under half an
//   hour on a CPU, and the library's strategies run on them through the same two interfaces as on
//   the synthetic world.
// - The study's numbers come from committed caches that any slice of can be rebuilt from a seed;
//   the findings table sets the paper, the synthetic model and the real models side by side.
// - Real models bring failure modes the synthetic world assumes or lacks: right answers reached by
//   cancelling mistakes, and wrong solutions the PRM scores high.

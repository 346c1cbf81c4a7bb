// Source of notebooks/09-summary.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 09 · Summary: spend test-time compute where the question needs it
//
// One sentence carries the workbook: **extra compute at test time helps most when it is spent
// according to how hard the question is — and it does not replace a bigger model one for one.**
// This chapter recomputes the workbook's key numbers live, lists the paper's findings with the
// chapters that show them and whether our synthetic models reproduce each, and points to what is
// still open.
//
// **You will learn**
// - the takeaway, and the handful of numbers behind it;
// - which of the paper's findings our synthetic models reproduce, and which they do not;
// - where to read next.
//
// **Prerequisites:** chapters 01–08 (or at least 03 and 06).
// **Time:** about 20 minutes (1354 words at 200 a minute and 132 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## The takeaway in one sentence
//
// Snell et al. (2024) showed that choosing the test-time strategy per difficulty level — search
// against a process reward model (PRM), or sequential revisions, with the right mix — beats
// best-of-N at the same budget, and can stand in for a model about 14× larger at equal FLOPs, but
// only on questions the small model can already sometimes solve, or when inference is light.

// %% [markdown]
// ## The key numbers, recomputed
//
// Every number below is computed by the library now; each row names the chapter that explains
// it.
//
// One row needs a warning: the revision-chain limit at the paper's break rate. The paper reports
// how often a revision breaks a correct answer (about 38%) but not how often it fixes a wrong one,
// and the limit L = fix / (fix + break) needs both. Each chapter that quotes such a limit picks its
// own fix rate — chapter 04 to show the shape of the curve, chapter 05 to match the teaching
// summary's first gain, this table a round value — so the limits differ because the assumed fix
// rate does, not because the break rate or the formula changed.

// %%
{
  const auc = 0.76;
  const d = ttc.separationForAuc(auc);
  const f = [0.16, 0.79, 22].map((R) => ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: R }));
  const fmt = (x: number, digits = 4) => ttc.formatNumber(x, digits);
  ttc.showTable(
    [
      {
        quantity: "coverage at p = 0.5, N = 10 (perfect-verifier ceiling)",
        value: fmt(ttc.coverage(0.5, 10), 5),
        chapter: "01, 05",
      },
      {
        quantity: `best-of-10 at p = 0.5 with a verifier of AUC ${auc}`,
        value: fmt(ttc.bestOfNAccuracy(0.5, 10, { separation: d })),
        chapter: "04, 05",
      },
      {
        quantity: "attempts for 95% coverage at p = 0.1",
        value: fmt(ttc.samplesForCoverage(0.1, 0.95)),
        chapter: "01, 04",
      },
      {
        quantity: "summary's revision model after 10 rounds (p0 = 0.1, +0.05 a round)",
        value: fmt(ttc.linearRevisionAccuracy(0.1, 0.05, 10)),
        chapter: "05",
      },
      {
        quantity: "the summary's '≈ 0.65' is ten parallel samples at p = 0.1",
        value: fmt(ttc.coverage(0.1, 10)),
        chapter: "05",
      },
      {
        quantity: "revision chain limit with fix 0.2, break 0.38 (paper's break rate)",
        value: fmt(ttc.markovRevisionLimit(0.1, { fix: 0.2, breakRate: 0.38 })),
        chapter: "04, 07",
      },
      {
        quantity: "FLOPs-matched budget vs a 14× model at R = 0.16 / 0.79 / 22",
        value: f.map((x) => fmt(x, 3)).join(" / "),
        chapter: "01, 08",
      },
      {
        quantity: "verifier AUC at separation 1 / 2 / 3",
        value: [1, 2, 3].map((s) => fmt(ttc.verifierAuc(s), 3)).join(" / "),
        chapter: "03, 07",
      },
    ],
    { caption: "The workbook's key numbers, computed live" },
  );
}

// %% [markdown]
// ## Budget buys the most on questions in the middle: slide the difficulty p
//
// The takeaway in one chart. For one verifier (AUC 0.85, as in the try-changing cell below), the
// chart precomputes exact best-of-N accuracy against the budget for questions from p = 0.01 to
// p = 0.9, with coverage (a perfect verifier) and a single sample for reference; the slider picks
// p. The line under the chart gives, for each p, what the budget buys from 1 to 256 samples. All
// numbers are from our synthetic model.

// %%
{
  const auc = 0.85; // verifier quality as ROC AUC
  const separation = ttc.separationForAuc(auc);
  const ps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]; // one sample's success probability
  const budgets = [1, 2, 4, 8, 16, 32, 64, 128, 256]; // samples per question
  const curves = ps.map((p) => ({
    p,
    bestOfN: budgets.map((n) => ttc.bestOfNAccuracy(p, n, { separation })),
    coverage: ttc.coverageCurve(p, budgets),
  }));
  ttc.show(
    ttc.sliderFigure({
      title: `Best-of-N against budget for a verifier of AUC ${auc}, by question difficulty`,
      xAxis: { title: "budget: samples per question N (log scale)", log: true },
      yAxis: { title: "P(selected answer is correct)", range: [0, 1], percent: true },
      sliderLabel: "one sample's success probability p",
      active: ps.indexOf(0.2),
      steps: curves.map((c) => ({
        label: String(c.p),
        series: [
          { name: `coverage (perfect verifier), p = ${c.p}`, x: budgets, y: c.coverage },
          { name: `best-of-N, AUC ${auc}`, x: budgets, y: c.bestOfN },
          { name: "one sample (no extra compute)", x: budgets, y: budgets.map(() => c.p) },
        ],
      })),
    }),
  );
  const top = budgets[budgets.length - 1];
  const gains = curves.map((c) => ({ p: c.p, gain: c.bestOfN[c.bestOfN.length - 1] - c.p }));
  const best = gains.reduce((a, b) => (b.gain > a.gain ? b : a));
  ttc.showMarkdown(
    `Accuracy gained from 1 to ${top} samples: ` +
      gains.map((g) => `p = ${g.p}: +${g.gain.toFixed(3)}`).join("; ") +
      `. The largest gain on the slider is at **p = ${best.p}**.`,
  );
}

// %% [markdown]
// **What to notice:** on the hardest questions the best-of-N curve climbs slowly and ends far
// below coverage; on the easiest it starts near the top and has little room to climb. The budget
// pays most in between (the line under the chart gives the gains). That uneven return is the
// reason to allocate compute by difficulty, and on the hardest questions it is why the paper
// finds a larger model the better buy.

// %% [markdown]
// ## Five findings, and where each is shown
//
// Each finding is the paper's; the chapter links show it in our models, and the verdict table
// after this list says how far the synthetic experiment reproduces it.
//
// 1. **Sampling more has a ceiling set by the verifier.** Coverage climbs towards 1, but
//    best-of-N with a learned verifier stays below it, and label noise makes it plateau
//    ([04 The math](04-the-math.ipynb), [07 Limitations](07-limitations.ipynb)).
// 2. **The best strategy depends on difficulty.** In the paper, easy questions need little search
//    (beam search can even over-optimise a fooled PRM), medium-hard ones gain most from search,
//    and the hardest gain little from anything; in our model lookahead search does make progress
//    on the hardest level, an artefact explained in chapter 06
//    ([06 The code](06-the-code.ipynb), [07 Limitations](07-limitations.ipynb)).
// 3. **Compute-optimal scaling beats best-of-N at the same budget** — the paper reports up to
//    about 4× less compute, 2–4× overall; the verdict cell below prints the synthetic
//    experiment's own efficiency ratio at each budget ([06 The code](06-the-code.ipynb)).
// 4. **Revisions need selection across the chain.** Revising can break a correct answer, so once
//    chains are long, choosing among the attempts beats taking the last one
//    ([03 The idea](03-the-idea.ipynb), [05 Worked example](05-worked-example.ipynb)).
// 5. **Test-time compute is not 1-to-1 exchangeable with pretraining.** The paper finds that at
//    equal FLOPs it beats a 14× larger model on easy and medium questions or at low inference
//    load, while on the hardest questions under heavy inference the larger model wins. Our
//    stand-in for the larger model (a logit shift) is weaker than the paper's, so the synthetic
//    comparison favours test-time compute more often ([08 Impact](08-impact.ipynb)).
//
// The teaching summary the reading order comes from gets several of these wrong; chapter 05
// audits it claim by claim.

// %% [markdown]
// ### The synthetic experiment's verdicts
//
// The next cell reruns the chapter 06 experiment (seeded, a few seconds) and prints its
// findings table: for each of the paper's findings, whether our mechanism-based models reproduce
// it and why, then the efficiency ratio of compute-optimal search over best-of-N at each budget.

// %%
{
  const search = ttc.runSearchExperiment();
  const revisions = ttc.runRevisionExperiment();
  ttc.showTable(
    ttc.findingsTable(search, revisions).map((row) => ({
      finding: row.finding,
      reproduced: row.reproduced,
      why: row.reason,
    })),
    { caption: "Paper findings vs the synthetic models (details in chapter 06)" },
  );
  const ratio = (r: ttc.EfficiencyPoint) =>
    r.ratio === null ? "never (by 256)" : `${ttc.formatNumber(r.ratio, 3)}×`;
  ttc.showMarkdown(
    "Budget best-of-N needs to match compute-optimal search (oracle bins), as a multiple of the " +
      "compute-optimal budget: " +
      search.efficiency.oracle.map((r) => `N = ${r.budget}: ${ratio(r)}`).join("; ") +
      ". The paper reports up to about 4×.",
  );
}

// %% [markdown]
// ## What is still open
//
// - **Estimating difficulty costs compute.** The paper bins questions with 2048 samples each and
//   does not charge for them; a deployed system must predict difficulty cheaply (chapter 07).
// - **Verifiers that hold up under search.** Heavier search finds the verifier's blind spots;
//   better process reward models, and search that spends part of its budget checking itself,
//   are active work.
// - **Combining the axes.** The paper studies search and revisions separately; combining them —
//   revising inside a tree search — was left open.
// - **Training models to use test-time compute.** Reasoning models such as o1 and DeepSeek-R1 are
//   trained to think in long chains; the paper studies inference strategies on a fixed model,
//   which is related to, but not the same as, how those models were built.
// - **Allocating a budget across questions.** Adaptive allocation (chapter 04's extension beyond
//   the paper) spends more where it pays; how to do it with imperfect verifiers is open.

// %% [markdown]
// ## Next: the same study on real models
//
// Everything above rests on designed synthetic models. [Chapter 10](10-the-lab.ipynb) redoes the
// study on real tiny language models trained in this project — a policy, a PRM trained on
// rollout labels, a revision model and a 14× larger model — and sets the paper, the synthetic
// model and the real models side by side, finding by finding.

// %% [markdown]
// ## Further reading
//
// - Snell, Lee, Xu, Kumar (2024). *Scaling LLM Test-Time Compute Optimally can be More Effective
//   than Scaling Model Parameters.* arXiv:2408.03314 (ICLR 2025 version retitled "… than Scaling
//   Parameters for Reasoning").
// - Brown et al. (2024). *Large Language Monkeys: Scaling Inference Compute with Repeated
//   Sampling.* arXiv:2407.21787.
// - Wu, Sun, Li, Welleck, Yang (2024). *Inference Scaling Laws: An Empirical Analysis of
//   Compute-Optimal Inference for Problem-Solving with Language Models.* arXiv:2408.00724.
// - Chen et al. (2024). *Are More LLM Calls All You Need? Towards the Scaling Properties of
//   Compound AI Systems.* arXiv:2403.02419.
// - Beeching, Tunstall, Rush (2024). *Scaling test-time compute with open models* (Hugging Face
//   blog) and the `search-and-learn` repository.
// - Liu et al. (2025). *Can 1B LLM Surpass 405B LLM? Rethinking Compute-Optimal Test-Time
//   Scaling.* arXiv:2502.06703.
// - Chen et al. (2021). *Evaluating Large Language Models Trained on Code* (the unbiased pass@k).
// - Hoffmann et al. (2022). *Training Compute-Optimal Large Language Models* ("Chinchilla").

// %% [markdown]
// ## Try changing this
//
// The one-sentence takeaway in numbers: for a question of a given difficulty, how much does a
// realistic verifier buy at a given budget, compared with the perfect-verifier ceiling?

// %%
{
  const p = 0.2; // one sample's success probability, 0 … 1
  const auc = 0.85; // verifier quality as ROC AUC, 0.5 … 0.999
  const budget = 64; // samples per question, 1 … 1e6
  const acc = ttc.bestOfNAccuracy(p, budget, { separation: ttc.separationForAuc(auc) });
  ttc.showMarkdown(
    `At p = ${p}, best-of-${budget} with a verifier of AUC ${auc} is right **${ttc.formatNumber(acc, 3)}** ` +
      `of the time; a perfect verifier would reach **${ttc.formatNumber(ttc.coverage(p, budget), 6)}**, ` +
      `and one sample alone **${p}**.`,
  );
}

// %% [markdown]
// ## Exercise
//
// **Find the budget where a verifier stops paying.** For p = 0.2 and a verifier of AUC 0.85,
// find the smallest power of two N at which doubling N adds less than one percentage point of
// best-of-N accuracy. The checker compares your N with a search over the library's exact
// accuracy.

// %%
{
  const myBudget: number | undefined = undefined; // ← your turn: a power of two
  const d = ttc.separationForAuc(0.85);
  let n = 1;
  while (
    ttc.bestOfNAccuracy(0.2, 2 * n, { separation: d }) - ttc.bestOfNAccuracy(0.2, n, { separation: d }) >=
    0.01
  ) {
    n *= 2;
  }
  ttc.checkValue("smallest N where doubling adds < 1 point", myBudget, n, 1e-12);
}

// %% [markdown]
// ## Summary
//
// - Test-time compute is worth most when it is allocated by difficulty, and least on questions
//   the model cannot solve at all.
// - Verifier quality bounds what sampling and search can deliver.
// - At equal FLOPs, the paper finds a small model with compute-optimal test-time compute beats a
//   14× larger model on easy and medium questions at low inference load, but not on the hardest
//   under heavy inference; our synthetic stand-in for the larger model is too weak to show the
//   second half clearly (chapter 08).
//
// **Solution to the exercise.** Double N from 1 while the gain of doubling is at least 0.01, as
// the checker does; the loop stops at the answer.

// %% [nav]

// Source of notebooks/05-worked-example.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 05 · Worked example: best-of-N and revision, traced step by step
//
// The teaching summary that this workbook follows gives two worked examples: best-of-N at p = 0.5
// reaching "0.999" with ten samples, and a revision chain at p0 = 0.1 reaching "≈ 0.65" after ten
// rounds. This chapter recomputes both to the last digit, shows that the first is a
// perfect-verifier ceiling and that the second matches neither the summary's own model nor the
// paper, traces one beam search round by round, and ends with an audit of every number and
// direction the summary states.
//
// **You will learn**
// - how far best-of-N falls below coverage 1 − (1 − p)^N once the verifier is realistic (an
//   area under the ROC curve (AUC) of 0.76 or 0.92, with and without label noise);
// - what the summary's linear revision model really gives, where its "≈ 0.65" comes from, and
//   what changes when revisions can also *break* correct answers;
// - how beam search against a process reward model (PRM) prunes and expands, round by round;
// - which claims of the summary hold, which need correcting, and which are not in the paper.
//
// **Prerequisites:** chapters 03 (the two levers) and 04 (coverage, the verifier model, the
// two-state revision chain).
// **Time:** about 110 minutes (3371 words at 200 a minute and 888 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %% [markdown]
// ## Setup: one import, the library as `ttc`

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## Best-of-N at p = 0.5: the summary's 0.999 is the perfect-verifier ceiling
//
// The summary's first example draws N independent answers to an "easy problem" that one sample
// solves with probability p = 0.5, and reports "N = 1: P = 0.5, N = 10: P = 0.999". The
// arithmetic is right. The chance that *at least one* of N independent samples is correct — the
// **coverage** — is
//
// $$\text{coverage}(p, N) = 1 - (1 - p)^N, \qquad \text{coverage}(0.5, 10) = 1 - \tfrac{1}{1024}.$$
//
// The table computes it for N = 1 … 10 with `ttc.coverage`.

// %%
{
  const p = 0.5;
  const ns = Array.from({ length: 10 }, (_, i) => i + 1);
  ttc.showTable(
    ns.map((n) => ({
      N: n,
      "coverage 1 − (1 − p)^N": ttc.coverage(p, n),
      "as a fraction": `1 − 1/${2 ** n}`,
    })),
    { caption: "Coverage at p = 0.5 (ttc.coverage): the perfect-verifier upper bound", digits: 5 },
  );
  ttc.showMarkdown(
    `At N = 10 coverage is **${ttc.formatNumber(ttc.coverage(p, 10), 5)}** — the summary's "0.999", ` +
      `rounded. With an oracle, **${ttc.samplesForCoverage(p, 0.95)}** samples already reach 95% ` +
      `(\`ttc.samplesForCoverage(0.5, 0.95)\`).`,
  );
}

// %% [markdown]
// **This is an upper bound, not what best-of-N achieves.** Coverage counts a question as solved
// when a correct answer is *somewhere* among the N samples. It equals best-of-N accuracy only
// under two assumptions: an oracle verifier that always recognises a correct sample, and samples
// that are independent. The paper never reports such numbers; its verifier is a learned PRM.
// Large Language Monkeys (Brown et al. 2024) measured the gap on MATH: coverage kept rising past
// 95% with up to 10,000 samples, while majority voting and reward-model selection plateaued near
// 40%.
//
// ### The same table under a realistic verifier
//
// The library's verifier model (chapter 04) scores each sample on a logit-like line: a sample
// the verifier judges correct scores Normal(d, 1), one it judges wrong scores Normal(0, 1). The
// separation d sets the verifier's AUC, the chance that a random correct sample outscores a
// random wrong one: AUC = Φ(d/√2). With label noise η, each sample's judgement is flipped with
// probability η. Best-of-N returns the top-scored sample, and its accuracy is one integral,
//
// $$\text{acc}(N) = N\,p \int f_c(x)\, G(x)^{N-1}\, dx,$$
//
// where f_c is the score density of a correct sample and G the distribution function of any
// sample's score. `ttc.bestOfNAccuracy` evaluates it exactly (by quadrature, no simulation). The
// table puts four verifiers side by side at p = 0.5: the oracle (coverage), AUC 0.92, AUC 0.76,
// and AUC 0.92 with 20% of its judgements flipped.

// %%
{
  const p = 0.5;
  const ns = Array.from({ length: 10 }, (_, i) => i + 1);
  const auc92 = { separation: ttc.separationForAuc(0.92) };
  const auc76 = { separation: ttc.separationForAuc(0.76) };
  const noisy = { separation: ttc.separationForAuc(0.92), labelNoise: 0.2 };
  ttc.showTable(
    ns.map((n) => ({
      N: n,
      "oracle verifier (coverage)": ttc.coverage(p, n),
      "AUC 0.92": ttc.bestOfNAccuracy(p, n, auc92),
      "AUC 0.76": ttc.bestOfNAccuracy(p, n, auc76),
      "AUC 0.92, 20% label noise": ttc.bestOfNAccuracy(p, n, noisy),
    })),
    { caption: "Best-of-N accuracy at p = 0.5 (ttc.bestOfNAccuracy, exact)", digits: 5 },
  );
  ttc.showMarkdown(
    `Separations used: d = ${ttc.formatNumber(auc92.separation, 4)} for AUC 0.92 and ` +
      `d = ${ttc.formatNumber(auc76.separation, 4)} for AUC 0.76 (\`ttc.separationForAuc\`).`,
  );
}

// %% [markdown]
// The chart extends the four curves from N = 1 to N = 1024 on a log axis, with a vertical guide
// at the summary's N = 10.

// %%
{
  const p = 0.5;
  const ns = [...new Set(Array.from({ length: 21 }, (_, i) => Math.round(2 ** (i / 2))))]; // 1 … 1024
  const auc92 = { separation: ttc.separationForAuc(0.92) };
  const auc76 = { separation: ttc.separationForAuc(0.76) };
  const noisy = { separation: ttc.separationForAuc(0.92), labelNoise: 0.2 };
  ttc.show(
    ttc.lineFigure({
      title: "Best-of-N at p = 0.5: the oracle's 0.999 against realistic verifiers",
      xAxis: { title: "samples per question, N (log scale)", log: true },
      yAxis: { title: "accuracy of the selected answer", range: [0.4, 1.02], percent: true },
      series: [
        {
          name: "oracle verifier = coverage (upper bound)",
          x: ns,
          y: ttc.coverageCurve(p, ns),
          dash: "dash",
        },
        { name: "AUC 0.92", x: ns, y: ns.map((n) => ttc.bestOfNAccuracy(p, n, auc92)) },
        { name: "AUC 0.76", x: ns, y: ns.map((n) => ttc.bestOfNAccuracy(p, n, auc76)) },
        { name: "AUC 0.92, 20% label noise", x: ns, y: ns.map((n) => ttc.bestOfNAccuracy(p, n, noisy)) },
        {
          name: "N = 10 (the summary's example)",
          x: [10, 10],
          y: [0.4, 1.02],
          dash: "dot",
          color: "#999999",
        },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** the oracle curve is at the ceiling by the summary's N = 10, while the realistic
// verifiers climb slowly. Without label noise best-of-N keeps creeping up (the top score grows
// without bound, so it eventually lands on a correct sample), but far more slowly than coverage;
// with label noise it flattens below the ceiling: past some N the top score always goes to a
// sample the verifier took for correct, and a fixed share of those are wrong samples whose label
// was flipped, so accuracy stalls at the share that is really correct (the limit the cell below
// prints). The cell below also counts the samples each verifier needs for 95%.

// %%
{
  const p = 0.5;
  const target = 0.95;
  // Smallest N with acc(N) >= target, by doubling then bisection (acc rises with N here).
  const samplesFor = (acc: (n: number) => number): number => {
    if (acc(1) >= target) return 1;
    let lo = 1;
    let hi = 2;
    while (acc(hi) < target) [lo, hi] = [hi, hi * 2];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (acc(mid) >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const verifiers = [
    { name: "AUC 0.92", options: { separation: ttc.separationForAuc(0.92) } },
    { name: "AUC 0.76", options: { separation: ttc.separationForAuc(0.76) } },
    {
      name: "AUC 0.92, 20% label noise",
      options: { separation: ttc.separationForAuc(0.92), labelNoise: 0.2 },
    },
  ];
  const rows = [
    {
      verifier: "oracle (coverage)",
      "accuracy at N = 10": ttc.coverage(p, 10),
      "limit as N → ∞": 1,
      "N for 95%": String(ttc.samplesForCoverage(p, target)),
    },
    ...verifiers.map((v) => {
      const limit = ttc.bestOfNLimit(p, v.options);
      return {
        verifier: v.name,
        "accuracy at N = 10": ttc.bestOfNAccuracy(p, 10, v.options),
        "limit as N → ∞": limit,
        "N for 95%":
          limit < target ? "never" : String(samplesFor((n) => ttc.bestOfNAccuracy(p, n, v.options))),
      };
    }),
  ];
  ttc.showTable(rows, { caption: "p = 0.5: accuracy at N = 10, the limit, and N needed for 95%", digits: 5 });
}

// %% [markdown]
// Reading the table: a good verifier (AUC 0.92) needs only a few more samples than the oracle; a
// mediocre one (AUC 0.76) needs hundreds; a noisy one never gets there, because its limit is the
// share of truly correct samples among those it judges correct,
// p(1 − η) / (p(1 − η) + (1 − p)η). The summary's "N = 10 → 0.999" describes only the first row.

// %% [markdown]
// ### Slide the verifier's AUC: best-of-10 nears the summary's 0.999 only as the AUC nears 1
//
// The table above fixed three verifiers; the slider below sweeps the AUC from 0.6 to 0.99 and
// redraws the same question (p = 0.5) at N = 1 … 10, the summary's range, and on in powers of two
// to N = 1024. Each step holds three exact curves: the oracle (coverage, the same at every step),
// best-of-N with a verifier of that AUC, and the same verifier with 20% of its judgements flipped.

// %%
{
  const p = 0.5; // the summary's "easy problem"
  const aucs = [0.6, 0.7, 0.76, 0.85, 0.92, 0.97, 0.99]; // verifier AUC before label noise
  const labelNoise = 0.2; // share of flipped judgements for the noisy curve
  const ns = [...Array.from({ length: 10 }, (_, i) => i + 1), 16, 32, 64, 128, 256, 512, 1024];
  const oracle = ttc.coverageCurve(p, ns);
  const curves = aucs.map((auc) => {
    const separation = ttc.separationForAuc(auc);
    return {
      auc,
      clean: ns.map((n) => ttc.bestOfNAccuracy(p, n, { separation })),
      noisy: ns.map((n) => ttc.bestOfNAccuracy(p, n, { separation, labelNoise })),
      noisyLimit: ttc.bestOfNLimit(p, { separation, labelNoise }),
    };
  });
  ttc.show(
    ttc.sliderFigure({
      title: "Best-of-N at p = 0.5 for a chosen verifier AUC, against the oracle",
      xAxis: { title: "samples per question, N (log scale)", log: true },
      yAxis: { title: "accuracy of the selected answer", range: [0.4, 1.02], percent: true },
      sliderLabel: "verifier AUC",
      active: aucs.indexOf(0.92),
      steps: curves.map((c) => ({
        label: String(c.auc),
        series: [
          { name: "oracle verifier = coverage (upper bound)", x: ns, y: oracle },
          { name: `AUC ${c.auc}`, x: ns, y: c.clean },
          { name: `AUC ${c.auc}, ${100 * labelNoise}% label noise`, x: ns, y: c.noisy },
        ],
      })),
    }),
  );
  const at10 = ns.indexOf(10);
  const f = (x: number) => ttc.formatNumber(x, 4);
  const first = curves[0];
  const lastCurve = curves[curves.length - 1];
  ttc.showMarkdown(
    `At N = 10 the oracle reaches **${ttc.formatNumber(oracle[at10], 5)}**. Best-of-10 goes from ` +
      `**${f(first.clean[at10])}** at AUC ${first.auc} to **${f(lastCurve.clean[at10])}** at AUC ` +
      `${lastCurve.auc}; with ${100 * labelNoise}% label noise, from **${f(first.noisy[at10])}** to ` +
      `**${f(lastCurve.noisy[at10])}**, and no N takes the noisy verifier past ` +
      `**${[...new Set(curves.map((c) => f(c.noisyLimit)))].join(", ")}** at any AUC on the slider.`,
  );
}

// %% [markdown]
// **What to notice:** as the AUC rises, the clean curve closes in on the oracle, but even the
// best verifier on the slider is still short of the oracle at the summary's N = 10. The noisy
// curve rises with the AUC too, yet always flattens at the same height: its limit,
// p(1 − η) / (p(1 − η) + (1 − p)η), does not depend on the AUC at all. A sharper verifier
// reaches that ceiling with fewer samples; only fewer flipped judgements raise it.

// %% [markdown]
// ## Revision at p0 = 0.1: the summary's 0.65 is ten parallel samples, not ten revisions
//
// The summary's second example is a "hard problem": the first attempt is right with probability
// p0 = 0.1, and each revision round improves that by 0.05. Written out, the pass@1 of attempt k
// (k = 1 is the first attempt) is
//
// $$p_k = \min\bigl(1,\; p_0 + 0.05\,(k - 1)\bigr).$$
//
// It reports "Rounds = 1: P ≈ 0.1, Rounds = 10: P ≈ 0.65". Three readings of "P after 10 rounds"
// are possible, and the table computes all three:
//
// - **the tenth attempt's pass@1**, p_10 (`ttc.linearRevisionAccuracy`);
// - **best-of-chain with a perfect checker**: the chance that at least one of the ten attempts is
//   right, if attempts were independent and an oracle picked a correct one,
//   $1 - \prod_{k=1}^{10} (1 - p_k)$ (`ttc.bestOfChainCoverage`);
// - **ten parallel samples at p = 0.1** with a perfect checker, $1 - 0.9^{10}$ (`ttc.coverage`),
//   which is not a revision model at all.

// %%
{
  const p0 = 0.1;
  const step = 0.05;
  const ks = Array.from({ length: 12 }, (_, i) => i + 1);
  ttc.showTable(
    ks.map((k) => ({
      "round k": k,
      "pass@1 of attempt k, p_k": ttc.linearRevisionAccuracy(p0, step, k),
      "best-of-chain, perfect checker": ttc.bestOfChainCoverage(p0, step, k),
      "k parallel samples at p = 0.1": ttc.coverage(p0, k),
    })),
    { caption: "The summary's linear revision model, p0 = 0.1, +0.05 per round", digits: 4 },
  );
}

// %%
{
  const p0 = 0.1;
  const step = 0.05;
  const claim = 0.65;
  const f = ttc.formatNumber;
  let firstRound = 1;
  while (ttc.linearRevisionAccuracy(p0, step, firstRound) < claim - 1e-12) firstRound++;
  ttc.showMarkdown(
    [
      `- The tenth attempt's pass@1 is p_10 = **${f(ttc.linearRevisionAccuracy(p0, step, 10), 4)}**. ` +
        `(If the first attempt already counts as a revision, p_k = p0 + 0.05·k, the tenth is ` +
        `**${f(ttc.linearRevisionAccuracy(p0, step, 11), 4)}**.) Neither is 0.65.`,
      `- Best-of-chain with a perfect checker is ` +
        `**${f(ttc.bestOfChainCoverage(p0, step, 10), 5)}** — far above 0.65.`,
      `- Ten *parallel* samples at p = 0.1 give **${f(ttc.coverage(p0, 10), 4)}** = 1 − 0.9^10: the ` +
        `summary's number. It appears to be mislabelled: it is best-of-10 with an oracle, not ten revisions.`,
      `- The linear model's pass@1 first reaches 0.65 at round **${firstRound}**.`,
    ].join("\n"),
  );
}

// %%
{
  const p0 = 0.1;
  const step = 0.05;
  const rounds = 15;
  const ks = Array.from({ length: rounds }, (_, i) => i + 1);
  ttc.show(
    ttc.lineFigure({
      title: "The summary's revision example: three readings of 'P after k rounds'",
      xAxis: { title: "round k (1 = first attempt, then one revision per round)" },
      yAxis: { title: "probability of a correct answer", range: [0, 1.02], percent: true },
      series: [
        {
          name: "pass@1 of attempt k (linear model)",
          x: ks,
          y: Array.from(ttc.linearRevisionCurve(p0, step, rounds)),
        },
        {
          name: "best-of-chain, perfect checker",
          x: ks,
          y: ks.map((k) => ttc.bestOfChainCoverage(p0, step, k)),
        },
        {
          name: "k parallel samples at p = 0.1, perfect checker",
          x: ks,
          y: ttc.coverageCurve(p0, ks),
          dash: "dash",
        },
        { name: "the summary's '≈ 0.65 at round 10'", x: [10], y: [0.65], mode: "markers", color: "#000000" },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** the summary's point (black marker) sits on the *parallel-sampling* curve,
// not on either revision curve. The linear pass@1 crosses that height only later (the cell above
// gives the round), and best-of-chain with a perfect checker is near 1 by round 10 — the steady
// improvements compound on top of the chance of having been right earlier.

// %% [markdown]
// ## Revisions that also break answers: pass@1 stalls far below the linear line
//
// The linear model has two hidden assumptions: every round helps, and nothing that was right ever
// becomes wrong. The paper's revision model does not behave that way. Used naively, it turned
// about **38% of correct answers into incorrect ones** at the next revision (Snell et al. §6.1):
// it was trained only on contexts of wrong attempts followed by a right one, never on a right
// attempt that should be kept.
//
// Chapter 04's two-state Markov chain captures both effects. Each revision fixes a wrong answer
// with probability fix and breaks a correct one with probability break, so
//
// $$a_k = L + (p_0 - L)(1 - \text{fix} - \text{break})^{k-1}, \qquad
// L = \frac{\text{fix}}{\text{fix} + \text{break}}.$$
//
// To compare like with like, choose fix so that the **first revision gains exactly the summary's
// 0.05**: a_2 = (1 − break)·p0 + fix·(1 − p0) = p0 + 0.05, so
//
// $$\text{fix} = \frac{p_0 + 0.05 - (1 - \text{break})\,p_0}{1 - p_0}.$$
//
// The cell compares the linear model with two chains: one that never breaks (break = 0), and
// one that breaks at the paper's naive rate (break = 0.38).

// %%
{
  const p0 = 0.1;
  const step = 0.05;
  const matchedFix = (breakRate: number) => (p0 + step - (1 - breakRate) * p0) / (1 - p0);
  const chains = [
    { name: "Markov, break = 0", rates: { fix: matchedFix(0), breakRate: 0 } },
    { name: "Markov, break = 0.38", rates: { fix: matchedFix(0.38), breakRate: 0.38 } },
  ];
  const ks = [1, 2, 3, 5, 10, 20, 40];
  ttc.showTable(
    ks.map((k) => ({
      "round k": k,
      "linear model p_k": ttc.linearRevisionAccuracy(p0, step, k),
      ...Object.fromEntries(
        chains.map((c) => [`${c.name}: a_k`, ttc.markovRevisionAccuracy(p0, c.rates, k)]),
      ),
    })),
    {
      caption: "pass@1 of attempt k: the linear model against two chains with the same first gain",
      digits: 4,
    },
  );
  ttc.showMarkdown(
    chains
      .map(
        (c) =>
          `- ${c.name}: fix = **${ttc.formatNumber(c.rates.fix, 4)}**, limit ` +
          `L = **${ttc.formatNumber(ttc.markovRevisionLimit(p0, c.rates), 4)}**.`,
      )
      .join("\n"),
  );

  const rounds = 40;
  const xs = Array.from({ length: rounds }, (_, i) => i + 1);
  ttc.show(
    ttc.lineFigure({
      title: "Same first revision, different futures: linear model vs a chain that breaks answers",
      xAxis: { title: "round k (1 = first attempt, then one revision per round)" },
      yAxis: { title: "pass@1 of attempt k", range: [0, 1.02], percent: true },
      series: [
        {
          name: "linear model (summary)",
          x: xs,
          y: Array.from(ttc.linearRevisionCurve(p0, step, rounds)),
          dash: "dash",
        },
        ...chains.map((c) => ({
          name: c.name,
          x: xs,
          y: Array.from(ttc.markovRevisionCurve(p0, c.rates, rounds)),
        })),
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** all three curves leave p0 = 0.1 with the same first step. The linear line
// keeps its slope until it hits 1 — a constant gain per round is not something a revision process
// produces by itself. The chain without breaks rises with shrinking steps towards 1. The chain
// with the paper's naive break rate flattens within a few rounds, far below the linear line: once
// it reaches its limit L, each round's breaks undo exactly as much as its fixes add.
//
// ### With a perfect checker, breaks stop mattering — but a real chain's attempts are correlated
//
// Selecting across the chain changes the picture. If an oracle can pick any correct attempt, a
// chain succeeds as soon as it is right *once*, so breaks after that cost nothing. A chain is
// never right in its first k attempts only if the first attempt is wrong and k − 1 revisions in a
// row fail to fix it:
//
// $$\text{chain coverage}(k) = 1 - (1 - p_0)(1 - \text{fix})^{k-1}.$$
//
// This is much lower than the summary model's best-of-chain, which treats attempts as
// independent: in a Markov chain a wrong answer tends to stay wrong. The cell checks the formula
// against a seeded simulation of 20,000 chains (the library has no function for it; Exercise 4
// asks why the break rate drops out).

// %%
{
  const p0 = 0.1;
  const step = 0.05;
  const k = 10;
  const rng = ttc.makeRng("ch05-chain-coverage");
  const f = ttc.formatNumber;
  const rows = [0, 0.38].map((breakRate) => {
    const fix = (p0 + step - (1 - breakRate) * p0) / (1 - p0);
    const exact = 1 - (1 - p0) * (1 - fix) ** (k - 1);
    const chains = 20_000;
    let covered = 0;
    for (let c = 0; c < chains; c++) {
      let right = rng.bernoulli(p0);
      let ever = right;
      for (let t = 2; t <= k && !ever; t++) {
        right = right ? !rng.bernoulli(breakRate) : rng.bernoulli(fix);
        ever = ever || right;
      }
      if (ever) covered++;
    }
    const estimate = covered / chains;
    const se = Math.sqrt((exact * (1 - exact)) / chains);
    return {
      break: breakRate,
      fix,
      "pass@1 of attempt 10": ttc.markovRevisionAccuracy(p0, { fix, breakRate }, k),
      "chain coverage, exact": exact,
      "simulated (20,000 chains)": estimate,
      "z = (sim − exact) / SE": (estimate - exact) / se,
    };
  });
  ttc.showTable(rows, {
    caption: "Ten attempts from p0 = 0.1: last attempt vs any attempt (perfect checker)",
    digits: 4,
  });
  ttc.showMarkdown(
    `For comparison, the summary's linear model with independent attempts gives best-of-chain ` +
      `**${f(ttc.bestOfChainCoverage(p0, step, k), 4)}**. With break = 0.38, the chain's coverage ` +
      `(${f(rows[1]["chain coverage, exact"], 4)}) lands near the summary's 0.65 only by the accident ` +
      `of the fix rate we matched; it has nothing to do with the summary's arithmetic, and changes with fix.`,
  );
}

// %% [markdown]
// The lesson matches the paper's design. Pass@1 of the last attempt can stall or even fall, so the
// paper does not answer with the last attempt: it selects across the chain, with an outcome reward
// model (ORM) trained on the revision model's outputs or with a majority vote (Snell et al. §6.1,
// and App. I v1 / App. M ICLR). What a chain buys is the chance of having been right at some point,
// and a verifier that can find that point.

// %% [markdown]
// ## One beam search, traced round by round
//
// The paper's other lever is search against a PRM (Snell et al. §5.2). Beam search with a budget
// of N beams and beam width M works one *step* at a time:
//
// 1. sample N first steps;
// 2. score every partial solution with the PRM;
// 3. keep the top N/M;
// 4. give each kept prefix M continuations (N prefixes again) and repeat from 2 until the
//    solutions end; then best-of-N weighted (sum the scores per final answer) picks the answer.
//
// The library runs it on a synthetic task (our model, not the paper's; the TSDoc of
// `ttc.beamSearch` gives the details). A solution has T steps (the library default,
// `ttc.DEFAULT_SEARCH_STEPS`; the trace below prints it). From an on-track prefix, the
// next step stays on track with probability $s = p^{1/T}$, so a whole sample is right with
// probability p; a step that goes off track never recovers. The PRM scores a prefix with a noisy
// estimate of its value: honest work scores by its progress, detected mistakes score low, and a
// rare persuasive mistake fools it. In the paper's cost convention, N beams cost N generations:
// each round writes N steps, 1/T of a generation each.
//
// Take one question with p = 0.3, N = 16 and M = 4, and record every round with
// `options.trace: true`. The seed is the first one we tried; it was not picked.

// %%
{
  const question = ttc.makeQuestion(0.3);
  const n = 16;
  const beamWidth = 4;
  const steps = ttc.DEFAULT_SEARCH_STEPS;
  const result = ttc.beamSearch(question, { n, beamWidth, rng: ttc.makeRng("ch05-beam"), trace: true });
  ttc.showTable(
    (result.trace ?? []).map((r) => ({
      "round (step written)": r.round,
      "prefixes generated": r.generated,
      "on track": r.onTrack,
      "off track, fooling the PRM": r.fooled,
      "kept (top N/M)": r.kept,
      "kept and on track": r.keptOnTrack,
      "kept and fooling": r.keptFooled,
      "best PRM score": r.bestScore,
      "steps written so far": r.generated * r.round,
      "generations so far": (r.generated * r.round) / steps,
    })),
    {
      caption: `Beam search, p = 0.3, N = ${n}, M = ${beamWidth}, T = ${steps} steps (seed ch05-beam)`,
      digits: 3,
    },
  );

  // The final vote: best-of-N weighted over the N finished candidates.
  const { answers, scores, fooled } = result.candidates;
  const byAnswer = new Map<number, { count: number; sum: number; top: number; fooled: number }>();
  answers.forEach((a, i) => {
    const e = byAnswer.get(a) ?? { count: 0, sum: 0, top: 0, fooled: 0 };
    e.count++;
    e.sum += scores[i];
    e.top = Math.max(e.top, scores[i]);
    e.fooled += fooled[i];
    byAnswer.set(a, e);
  });
  ttc.showTable(
    [...byAnswer.entries()]
      .sort((x, y) => y[1].sum - x[1].sum)
      .map(([a, e]) => ({
        "final answer": a === ttc.CORRECT ? `${a} (correct)` : `${a} (wrong)`,
        candidates: e.count,
        "summed PRM score (the vote)": e.sum,
        "highest PRM score": e.top,
        "fooling candidates": e.fooled,
      })),
    { caption: "Best-of-N weighted over the final candidates", digits: 3 },
  );
  ttc.showMarkdown(
    `Beam search answers **${result.answer}** (${result.correct ? "correct" : "wrong"}) at a cost of ` +
      `**${result.generations}** generations (\`result.generations\`).`,
  );
}

// %% [markdown]
// `ttc.searchTraceFigure` draws the same trace: the best PRM score of each round on top, and below
// it the 16 prefixes of each round stacked by fate — kept (filled) or pruned (hollow), on track
// (green) or off track (vermillion if the branch fooled the PRM, orange if the PRM scored it low).
// The trace records counts per round, not each beam's own score, so the beams appear as counts.
// The last round keeps nothing for expansion — its 16 candidates go to the final vote — which the
// table shows as 0 kept and the chart draws as kept.

// %%
{
  const question = ttc.makeQuestion(0.3);
  const result = ttc.beamSearch(question, {
    n: 16,
    beamWidth: 4,
    rng: ttc.makeRng("ch05-beam"),
    trace: true,
  });
  ttc.show(
    ttc.searchTraceFigure(result.trace ?? [], {
      title: "Beam search on one question (p = 0.3, N = 16, M = 4, seed ch05-beam), round by round",
    }),
  );
}

// %% [markdown]
// **What to notice:** every round, the PRM's top 4 are on track, so whatever was pruned — on
// track or not — is replaceable: the kept prefixes regenerate a full beam. The best score is high
// from the first round (it is the top of 16 noisy scores) and highest in the last rounds, where an
// honest prefix is worth the most. No branch fooled the PRM in this run. On easier questions a
// larger share of the few mistakes fool it (`ttc.prmFoolProbability`), and a fooling prefix that
// wins one round can fill the beam with its descendants.

// %% [markdown]
// The chart below follows the number of on-track prefixes among the 16 generated each round, for beam
// search and for best-of-16 run through the same task without pruning (`ttc.bestOfNWeighted`
// with a trace), against what sampling without pruning gives on average, 16·s^t after t steps.

// %%
{
  const question = ttc.makeQuestion(0.3);
  const n = 16;
  const steps = ttc.DEFAULT_SEARCH_STEPS;
  const beam = ttc.beamSearch(question, { n, beamWidth: 4, rng: ttc.makeRng("ch05-beam"), trace: true });
  const bon = ttc.bestOfNWeighted(question, { n, rng: ttc.makeRng("ch05-bon"), trace: true });
  const rounds = Array.from({ length: steps }, (_, i) => i + 1);
  const s = question.p ** (1 / steps);
  ttc.show(
    ttc.lineFigure({
      title: "Beam search keeps its prefixes on track; sampling without pruning loses them",
      xAxis: { title: `round = steps written (of T = ${steps})`, range: [0.5, steps + 0.5] },
      yAxis: { title: "on-track prefixes among the 16 generated", range: [0, n + 0.5] },
      series: [
        {
          name: "beam search, N = 16, M = 4 (seed ch05-beam)",
          x: rounds,
          y: (beam.trace ?? []).map((r) => r.onTrack),
          mode: "lines+markers",
        },
        {
          name: "best-of-16, no pruning (seed ch05-bon)",
          x: rounds,
          y: (bon.trace ?? []).map((r) => r.onTrack),
          mode: "lines+markers",
        },
        {
          name: "no pruning, expected 16·s^t",
          x: rounds,
          y: rounds.map((t) => n * s ** t),
          dash: "dash",
          color: "#999999",
        },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** without pruning, the on-track count decays like 16·s^t to about 16·p by the
// last step, so best-of-16 ends with a handful of correct candidates among wrong ones. Beam search
// regenerates its 16 prefixes from the 4 best each round; as long as the kept 4 are on track, only
// the fresh step can go wrong, so the count stays near 16·s. The risk lies elsewhere: if a fooling
// prefix wins a round, its descendants can fill the beam. One run shows neither how often that
// happens nor the average, so the cell below repeats both strategies 2,000 times on the same
// question.

// %%
{
  const question = ttc.makeQuestion(0.3);
  const n = 16;
  const runs = 2000;
  const rng = ttc.makeRng("ch05-beam-repeat");
  let beamRight = 0;
  let bonRight = 0;
  for (let i = 0; i < runs; i++) {
    if (ttc.beamSearch(question, { n, beamWidth: 4, rng }).correct) beamRight++;
    if (ttc.bestOfNWeighted(question, { n, rng }).correct) bonRight++;
  }
  const se = (x: number) => Math.sqrt((x * (1 - x)) / runs);
  const beamAcc = beamRight / runs;
  const bonAcc = bonRight / runs;
  ttc.showTable(
    [
      { method: "one sample (pass@1)", "accuracy on this question": question.p, "standard error": 0 },
      { method: "best-of-16 weighted", "accuracy on this question": bonAcc, "standard error": se(bonAcc) },
      {
        method: "beam search, N = 16, M = 4",
        "accuracy on this question": beamAcc,
        "standard error": se(beamAcc),
      },
      {
        method: "coverage(0.3, 16): oracle ceiling",
        "accuracy on this question": ttc.coverage(question.p, n),
        "standard error": 0,
      },
    ],
    {
      caption: `p = 0.3, budget 16 generations, ${runs} seeded runs each (seed ch05-beam-repeat)`,
      digits: 3,
    },
  );
}

// %% [markdown]
// On this medium-difficulty question, in our synthetic model, beam search beats best-of-16 at the
// same cost, as the paper found on its medium-difficulty bins (3–4). The paper also found the
// opposite on its easiest bins, where beam search over-optimises the PRM and falls behind best-of-N as the
// budget grows (Snell et al. §5); `ttc.searchAccuracy` runs such sweeps over a whole benchmark.

// %% [markdown]
// ## The summary's easy/hard rule, tested on two questions
//
// The summary's diagram says "P(single solve) = 80% → Best-of-N wins" and "10% → Sequential
// revision wins". The paper's revision experiments say something else: at a fixed budget, the
// **easiest** questions did best with purely **sequential** revisions, and **harder** questions
// with a **mix** of sequential and parallel (Snell et al. §6.2, Fig. 7-right v1).
//
// The library's per-question revision model (chapter 03: fix = `fixScale`·p, a `breakRate`, sticky
// wrong answers, all at `ttc.DEFAULT_REVISION_MODEL`; hierarchical verifier selection) lets us
// run both questions at a budget of 8 attempts,
// split every way the paper searched: from 8 chains of 1 attempt (best-of-8 weighted: the left
// end) to 1 chain of 8 attempts, 7 of them revisions (the right end).

// %%
{
  const budget = 8;
  const trials = 4000;
  const ratios = ttc.revisionRatios(budget);
  const series = [0.8, 0.1].map((p) => {
    const results = ratios.map((split) =>
      ttc.revisionAccuracy([ttc.makeQuestion(p)], {
        budget,
        sequential: split.sequential,
        rng: ttc.makeRng(`ch05-split-${p}-${split.label}`),
        trials,
      }),
    );
    return {
      name: `p = ${p}`,
      accuracy: results.map((r) => r.accuracy),
      standardError: results.map((r) => r.standardError),
    };
  });
  ttc.show(
    ttc.ratioSweepFigure({
      title:
        "Two questions, budget 8: which split of revisions wins? (synthetic analogue of Fig. 7-right v1)",
      ratios,
      series,
      yTitle: "accuracy (verifier selection across chains)",
    }),
  );
  ttc.showTable(
    ratios.map((split, i) => ({
      "split (sequential:parallel)": split.label,
      chains: split.parallel,
      "attempts per chain": split.sequential,
      "accuracy, p = 0.8": series[0].accuracy[i],
      "accuracy, p = 0.1": series[1].accuracy[i],
    })),
    { caption: `Budget ${budget}, ${trials} trials per split (±1.96 SE error bars on the chart)`, digits: 3 },
  );
}

// %% [markdown]
// **What to notice:** at p = 0.1 neither end wins: a mix of a few chains of several revisions
// is best, which is the paper's finding for harder questions. At p = 0.8 every split is close to
// 1, and the all-parallel end is slightly ahead — the summary's direction, but **not** the paper's,
// whose easiest questions preferred all-sequential revisions. Our toy model is not the paper's
// revision model: in the toy every revision of a correct answer risks breaking it, and a chain's
// attempts are correlated, so on an easy question independent samples give the vote more
// evidence. A toy can illustrate a mechanism; it cannot overrule the paper's measurements.

// %% [markdown]
// ## Audit: every number and direction in the teaching summary, checked
//
// Each row quotes a claim from the summary, gives a verdict — **holds**, **corrected**, or **not
// in the paper** — and the evidence. Numbers in the evidence column are computed by library calls
// in the cell; facts about the paper come from its text (section numbers refer to Snell et al.
// 2024, arXiv v1).

// %%
{
  const f = ttc.formatNumber;
  const p = 0.5;
  const auc76 = { separation: ttc.separationForAuc(0.76) };
  const auc92 = { separation: ttc.separationForAuc(0.92) };
  const noisy = { separation: ttc.separationForAuc(0.92), labelNoise: 0.2 };
  const F = (R: number) => f(ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: R }), 3);
  const bon10 = ttc.strategyCost({ kind: "best-of-n", n: 10 });
  const chain10 = ttc.strategyCost({ kind: "revision", sequential: 10, parallel: 1 });
  let round65 = 1;
  while (ttc.linearRevisionAccuracy(0.1, 0.05, round65) < 0.65 - 1e-12) round65++;
  const breakRates = { fix: (0.1 + 0.05 - 0.62 * 0.1) / 0.9, breakRate: 0.38 };
  // The diagram's two questions in the synthetic revision model (budget 8, as in the chart above).
  const split = (q: number) =>
    ttc.revisionRatios(8).map((s) => ({
      label: s.label,
      acc: ttc.revisionAccuracy([ttc.makeQuestion(q)], {
        budget: 8,
        sequential: s.sequential,
        rng: ttc.makeRng(`ch05-split-${q}-${s.label}`),
        trials: 4000,
      }).accuracy,
    }));
  const easy = split(0.8);
  const hard = split(0.1);
  const best = (xs: { label: string; acc: number }[]) => xs.reduce((a, b) => (b.acc > a.acc ? b : a));
  const ends = (xs: { label: string; acc: number }[]) =>
    `all-parallel ${f(xs[0].acc, 3)}, all-sequential ${f(xs[xs.length - 1].acc, 3)}, ` +
    `best ${best(xs).label} at ${f(best(xs).acc, 3)}`;

  const rows = [
    {
      claim:
        '"This paper proves that for hard tasks, test-time compute is more efficient than ' +
        'training compute."',
      verdict: "corrected",
      evidence:
        `Empirical study, not a proof, and the direction is inverted: FLOPs-matched against a ~14× ` +
        `larger model, test-time compute wins on easy/medium questions or when inference load R is ` +
        `small; on the hardest questions the larger model wins. Budgets the small model gets: ` +
        `F = ${F(0.16)} / ${F(0.79)} / ${F(22)} generations at R = 0.16 / 0.79 / 22.`,
      source: "§7, Fig. 9 v1 / Fig. 8 ICLR",
    },
    {
      claim:
        '"A 3.8B parameter model with optimal test-time compute can outperform a 70B parameter ' +
        'model"; "3.8B model + optimal test-time compute ≈ 70B model (MATH)"',
      verdict: "not in the paper",
      evidence:
        `No 3.8B or 70B model appears. The paper compares PaLM 2-S* with a ~14× larger model, ` +
        `FLOPs-matched (70/3.8 = ${f(70 / 3.8, 3)}× is not its ratio). Nearest real claim: a ` +
        `Hugging Face blog post, Llama 3.2 3B with an 8B PRM beating Llama 3.1 70B on MATH-500, ` +
        `not FLOPs-matched.`,
      source: "§7; Hugging Face blog (Beeching et al. 2024)",
    },
    {
      claim: '"More test-time compute = smarter model (sometimes better than more parameters!)"',
      verdict: "holds",
      evidence:
        `With its scope. Accuracy mostly rises with the budget, but not always: on the easiest bins ` +
        `beam search degrades as its budget grows. "Better than more parameters" holds only ` +
        `FLOPs-matched, on easy/medium questions or at small R.`,
      source: "abstract, §5, §7",
    },
    {
      claim:
        '"Best-of-N: Generate N independent solutions, use a verifier (Process Reward Model) to ' +
        'pick the best one."',
      verdict: "holds",
      evidence:
        "The paper's baseline; its best answer aggregation is best-of-N weighted (scores summed " +
        "per final answer).",
      source: "§5.1; App. E v1 / App. G ICLR",
    },
    {
      claim:
        '"Sequential Revision: Generate a solution, get feedback (self-critique or from a ' +
        'verifier), revise, repeat." (also the diagram\'s "Critique try 1")',
      verdict: "corrected",
      evidence:
        "No critique step: a finetuned revision model reads up to 4 earlier attempts and writes a " +
        "new one. A verifier (an ORM) or a majority vote only selects the final answer across the " +
        "attempts.",
      source: "§6.1–6.2; App. H–J v1 / App. L–N ICLR",
    },
    {
      claim:
        '"Easy tasks: Best-of-N is better (sampling beats refinement)" (table: Best-of-N ' +
        'effective for "Easy tasks")',
      verdict: "corrected",
      evidence:
        `Half right. Search axis: on the easiest bins best-of-N is the better search, because beam ` +
        `search over-optimises the PRM as the budget grows. Revision axis: the easiest questions do ` +
        `best with purely sequential revisions — refinement, the opposite.`,
      source: "§5, §6.2",
    },
    {
      claim:
        '"Hard tasks: Sequential revision is better" (table: revision effective for "Hard, ' +
        'complex tasks")',
      verdict: "corrected",
      evidence:
        `Hard questions do best with a mix of sequential and parallel revisions; on the hardest bin ` +
        `nothing helps much, and the larger model beats test-time compute. Synthetic, p = 0.1, ` +
        `budget 8: ${ends(hard)}.`,
      source: "§6.2, Fig. 7 (same number in both versions)",
    },
    {
      claim:
        'Diagram: "P(single solve) = 80% → Best-of-N wins"; "P(single solve) = 10% → Sequential ' +
        'revision wins"',
      verdict: "corrected",
      evidence:
        `Paper: easy → all sequential, hard → a mix. Synthetic, budget 8 — p = 0.8: ${ends(easy)} ` +
        `(our toy agrees with the summary here, the paper does not); p = 0.1: ${ends(hard)}.`,
      source: "§6.2; this chapter's ratio chart",
    },
    {
      claim: 'Best-of-N example: "N=1: P = 0.5"',
      verdict: "holds",
      evidence: `coverage(0.5, 1) = ${f(ttc.coverage(p, 1), 4)}: one sample is right half the time.`,
      source: "this chapter",
    },
    {
      claim: 'Best-of-N example: "N=10: P = 0.999"',
      verdict: "corrected",
      evidence:
        `Arithmetic right, framing wrong: coverage(0.5, 10) = 1 − 1/1024 = ` +
        `${f(ttc.coverage(p, 10), 5)} is the oracle-verifier upper bound. Best-of-10 with AUC 0.92: ` +
        `${f(ttc.bestOfNAccuracy(p, 10, auc92), 4)}; AUC 0.76: ${f(ttc.bestOfNAccuracy(p, 10, auc76), 4)}; ` +
        `AUC 0.92 with 20% label noise: ${f(ttc.bestOfNAccuracy(p, 10, noisy), 4)} ` +
        `(limit ${f(ttc.bestOfNLimit(p, noisy), 4)}).`,
      source: "Brown et al. 2024 (Large Language Monkeys)",
    },
    {
      claim: 'Revision example: "Rounds=1: P ≈ 0.1"',
      verdict: "holds",
      evidence:
        `p_1 = ${f(ttc.linearRevisionAccuracy(0.1, 0.05, 1), 4)}: the first attempt, before any ` +
        `revision.`,
      source: "this chapter",
    },
    {
      claim: 'Revision example: "Rounds=10: P ≈ 0.65" (p0 = 0.1, +0.05 per round)',
      verdict: "corrected",
      evidence:
        `The stated model gives p_10 = ${f(ttc.linearRevisionAccuracy(0.1, 0.05, 10), 4)}; ` +
        `best-of-chain with a perfect checker ${f(ttc.bestOfChainCoverage(0.1, 0.05, 10), 5)}. ` +
        `0.65 is coverage(0.1, 10) = ${f(ttc.coverage(0.1, 10), 4)}, ten parallel samples; p_k ` +
        `reaches 0.65 only at round ${round65}. With the paper's ~38% break rate (same first ` +
        `gain), pass@1 at round 10 is ${f(ttc.markovRevisionAccuracy(0.1, breakRates, 10), 4)}.`,
      source: "§6.1 (the ~38% break rate); this chapter",
    },
    {
      claim: 'Table, Best-of-N cost: "Medium (N forward passes)"',
      verdict: "holds",
      evidence:
        `In the paper's unit: best-of-10 costs ${bon10.generations} generations ` +
        `(ttc.strategyCost) — N full solutions, each many forward passes, one per token.`,
      source: "§5.2 (the cost convention); this chapter",
    },
    {
      claim: 'Table, Best-of-N speed: "Slow (serial)"',
      verdict: "corrected",
      evidence:
        `The N samples are independent and run in parallel: serial depth ${bon10.serialDepth} ` +
        `generation for best-of-10, against ${chain10.serialDepth} for a 10-round chain ` +
        `(ttc.strategyCost).`,
      source: "chapter 03",
    },
    {
      claim: 'Table, Best-of-N bottleneck: "Need perfect verifier"',
      verdict: "corrected",
      evidence:
        `A perfect verifier is the ceiling, not a requirement: AUC 0.76 lifts p = 0.5 to ` +
        `${f(ttc.bestOfNAccuracy(p, 10, auc76), 4)} at N = 10. The real bottleneck is that an ` +
        `imperfect verifier caps the gain (with 20% label noise at ` +
        `${f(ttc.bestOfNLimit(p, noisy), 4)}).`,
      source: "this chapter; chapter 04",
    },
    {
      claim:
        'Table, Sequential revision cost and speed: "Medium (rounds forward passes)", ' + '"Medium (serial)"',
      verdict: "holds",
      evidence:
        `A 10-round chain costs ${chain10.generations} generations, the same as best-of-10, and is ` +
        `serial: depth ${chain10.serialDepth} (ttc.strategyCost).`,
      source: "chapter 03",
    },
    {
      claim: 'Table, Sequential revision bottleneck: "Model must improve each round"',
      verdict: "corrected",
      evidence:
        `Not required, and not what happens: the paper's revision model breaks ~38% of correct ` +
        `answers, and selection across the chain still gains. Two-state chain at break 0.38 ` +
        `plateaus at L = ${f(ttc.markovRevisionLimit(0.1, breakRates), 4)} while the chain ` +
        `coverage keeps rising.`,
      source: "§6.1; this chapter",
    },
    {
      claim: 'Table, Training compute: "Effective for: All tasks"',
      verdict: "corrected",
      evidence:
        "FLOPs-matched, a larger model is the better use of compute only on the hardest questions " +
        "or under heavy inference load (large R); on easy/medium questions at small R, test-time " +
        "compute wins.",
      source: "§7, Fig. 9 v1 / Fig. 8 ICLR",
    },
    {
      claim:
        'Table row "Extended thinking (modern o1)" and "This framework underpins recent reasoning ' +
        "models like OpenAI's o1, DeepSeek R1, and Google Gemini 2.0 Thinking.\"",
      verdict: "not in the paper",
      evidence:
        "The paper (arXiv, August 2024) studies PRM search and a finetuned revision model on " +
        "PaLM 2-S*; it does not discuss these models. The link is the summary's.",
      source: "the paper's arXiv v1 (August 2024) and ICLR 2025 texts",
    },
  ];
  ttc.showTable(rows, { caption: "Audit of the teaching summary (numbers computed by the library)" });
  const counts = ["holds", "corrected", "not in the paper"].map(
    (v) => `${rows.filter((r) => r.verdict === v).length} ${v}`,
  );
  ttc.showMarkdown(`**${rows.length} claims:** ${counts.join(", ")}.`);
}

// %% [markdown]
// The pattern of the corrections is consistent. The summary's numbers are upper bounds or
// mislabelled (0.999, 0.65), its headline comparison (3.8B vs 70B) comes from elsewhere, and its
// difficulty rule points the wrong way on the revision axis. What survives is the paper's real
// message: the best way to spend test-time compute depends on how hard the question is, and a
// small model with well-spent test-time compute can match a much larger one — on the questions it
// can already sometimes solve.

// %% [markdown]
// ## Try changing this
//
// Change the knobs and rerun the cell; it recomputes everything it shows.
// - Raise `auc` to 0.92 and the verifier curve moves towards coverage; lower `p` to 0.1 and the
//   gap to coverage widens again.
// - Set `labelNoise` to 0 and the noisy curve joins the clean one; raise it and the plateau drops.
// - Set `step` to 0 and best-of-chain becomes plain coverage at p0 (the summary's 0.65 at ten rounds).

// %%
{
  const p = 0.5; // pass@1 of one sample, 0 … 1
  const nMax = 64; // largest number of samples N, integer 2 … 4096
  const auc = 0.76; // verifier AUC, 0.5 (random) … 0.999
  const labelNoise = 0.1; // share of the verifier's judgements flipped, 0 … 0.5
  const p0 = 0.1; // revision: pass@1 of the first attempt, 0 … 1
  const step = 0.05; // revision: pass@1 gained per round (linear model), 0 … 1
  const rounds = 12; // revision rounds shown, integer 1 … 200

  const f = ttc.formatNumber;
  const ns = [...new Set(Array.from({ length: 49 }, (_, i) => Math.round(nMax ** (i / 48))))];
  const clean = { separation: ttc.separationForAuc(auc) };
  const noisy = { ...clean, labelNoise };
  ttc.show(
    ttc.lineFigure({
      title: `Best-of-N at p = ${p}, verifier AUC ${auc}`,
      xAxis: { title: "samples per question, N (log scale)", log: true },
      yAxis: { title: "accuracy of the selected answer", range: [0, 1.02], percent: true },
      series: [
        { name: "oracle verifier = coverage", x: ns, y: ttc.coverageCurve(p, ns), dash: "dash" },
        { name: `AUC ${auc}`, x: ns, y: ns.map((n) => ttc.bestOfNAccuracy(p, n, clean)) },
        {
          name: `AUC ${auc}, label noise ${labelNoise}`,
          x: ns,
          y: ns.map((n) => ttc.bestOfNAccuracy(p, n, noisy)),
        },
      ],
    }),
  );
  const ks = Array.from({ length: rounds }, (_, i) => i + 1);
  ttc.show(
    ttc.lineFigure({
      title: `Revision, linear model: p0 = ${p0}, +${step} per round`,
      xAxis: { title: "round k (1 = first attempt)" },
      yAxis: { title: "probability of a correct answer", range: [0, 1.02], percent: true },
      series: [
        { name: "pass@1 of attempt k", x: ks, y: Array.from(ttc.linearRevisionCurve(p0, step, rounds)) },
        {
          name: "best-of-chain, perfect checker",
          x: ks,
          y: ks.map((k) => ttc.bestOfChainCoverage(p0, step, k)),
        },
        { name: `k parallel samples at p = ${p0}`, x: ks, y: ttc.coverageCurve(p0, ks), dash: "dash" },
      ],
    }),
  );
  ttc.showMarkdown(
    [
      `- Best-of-${nMax}: oracle **${f(ttc.coverage(p, nMax), 4)}**, ` +
        `AUC ${auc} **${f(ttc.bestOfNAccuracy(p, nMax, clean), 4)}**, ` +
        `with label noise **${f(ttc.bestOfNAccuracy(p, nMax, noisy), 4)}** ` +
        `(limit ${f(ttc.bestOfNLimit(p, noisy), 4)}).`,
      `- After ${rounds} rounds: pass@1 **${f(ttc.linearRevisionAccuracy(p0, step, rounds), 4)}**, ` +
        `best-of-chain **${f(ttc.bestOfChainCoverage(p0, step, rounds), 4)}**, ` +
        `${rounds} parallel samples **${f(ttc.coverage(p0, rounds), 4)}**.`,
    ].join("\n"),
  );
}

// %% [markdown]
// ## Bad input gets a clear error
//
// Every library call checks its arguments and names the one that is wrong. `ttc.showError` runs a
// call and prints the error instead of stopping the notebook.

// %%
ttc.showError(() => ttc.coverage(0.5, 0));
ttc.showError(() => ttc.separationForAuc(1));
ttc.showError(() => ttc.bestOfNAccuracy(0.5, 10, { separation: 1, labelNoise: 0.6 }));
ttc.showError(() => ttc.linearRevisionAccuracy(0.1, 0.05, 0));
ttc.showError(() => ttc.markovRevisionAccuracy(0.1, { fix: 1.2, breakRate: 0.38 }, 10));
ttc.showError(() => ttc.beamSearch(ttc.makeQuestion(0.3), { n: 16, beamWidth: 5, rng: ttc.makeRng(1) }));

// %% [markdown]
// ## Exercises
//
// 1. **Best-of-chain coverage.** Write the chance that at least one of the first `rounds`
//    attempts of the linear model is correct, 1 − Π (1 − p_k), with p_k capped at 1. *Hint:* a
//    product of (1 − p_k) over k = 1 … rounds; once some p_k reaches 1 the answer is 1.
// 2. **When does the linear model reach a target?** Find the first round k at which
//    p_k = p0 + step·(k − 1) reaches `target` (assume step > 0 and target ≤ 1). *Hint:* solve
//    for k and round up — and beware floating-point rounding when the target is hit exactly
//    (try p0 = 0.3, step = 0.1, target = 0.9).
// 3. **Samples for 99% with a good verifier.** At p = 0.3, how many samples does best-of-N need
//    to reach 99% accuracy with an AUC-0.92 verifier? Compare with the oracle's answer,
//    `ttc.samplesForCoverage(0.3, 0.99)`. *Hint:* `ttc.bestOfNAccuracy` rises with N here, so
//    step N up until it passes 0.99.
// 4. **Open-ended.** The chain coverage 1 − (1 − p0)(1 − fix)^(k−1) does not depend on the break
//    rate. Why not? What would change if the checker were imperfect — say, an ORM with AUC 0.76
//    choosing among the chain's attempts?
// 5. **Predict, then run: which split wins?** A harder question (p = 0.3) at a budget of 16
//    attempts, with the library's revision model and verifier selection across chains. Before
//    running, predict whether `"all parallel"` (16 chains of one attempt), `"a mix"` or
//    `"all sequential"` (one chain of 16) is the most accurate, and why.

// %%
// Exercise 1: replace the body.
{
  // ← your turn: 1 − Π (1 − p_k) over the first `rounds` attempts
  const myBestOfChainCoverage = (p0: number, step: number, rounds: number): number => undefined;
  ttc.checkAgainst("bestOfChainCoverage", myBestOfChainCoverage, ttc.bestOfChainCoverage, [
    [0.1, 0.05, 10],
    [0.1, 0, 10],
    [0.3, 0.1, 5],
    [0.02, 0.01, 40],
    [0.5, 0.2, 6],
  ]);
}

// %%
// Exercise 2: replace the body.
{
  const myFirstRound = (p0: number, step: number, target: number): number => undefined; // ← your turn
  const reference = (p0: number, step: number, target: number) => {
    let k = 1;
    while (ttc.linearRevisionAccuracy(p0, step, k) < target - 1e-12) k++;
    return k;
  };
  ttc.checkAgainst("first round with p_k >= target", myFirstRound, reference, [
    [0.1, 0.05, 0.65],
    [0.1, 0.05, 0.55],
    [0.3, 0.1, 0.9],
    [0.2, 0.1, 0.9],
    [0.1, 0.03, 0.5],
    [0.05, 0.05, 1],
  ]);
}

// %%
// Exercise 3: replace the value.
{
  const mySamples: number = undefined; // ← your turn: smallest N with best-of-N accuracy >= 0.99 at p = 0.3, AUC 0.92
  const options = { separation: ttc.separationForAuc(0.92) };
  let expected = 1;
  while (ttc.bestOfNAccuracy(0.3, expected, options) < 0.99) expected++;
  ttc.checkValue("samples for 99% at p = 0.3, AUC 0.92", mySamples, expected);
}

// %%
// Exercise 5: predict first, then run.
{
  const myPrediction: string | undefined = undefined; // ← your turn: "all parallel", "a mix" or "all sequential"
  const p = 0.3;
  const budget = 16;
  const kind = (s: ttc.RevisionSplit) =>
    s.sequential === 1 ? "all parallel" : s.parallel === 1 ? "all sequential" : "a mix";
  const results = ttc.revisionRatios(budget).map((split) => ({
    split,
    ...ttc.revisionAccuracy([ttc.makeQuestion(p)], {
      budget,
      sequential: split.sequential,
      rng: ttc.makeRng(`ch05-exercise-5-${split.label}`),
      trials: 4000,
    }),
  }));
  const best = results.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  // A kind whose best split is within two standard errors of the overall best is a tie.
  const tied = [...new Set(results.map((r) => kind(r.split)))].filter(
    (k) =>
      k !== kind(best.split) &&
      results.some(
        (r) =>
          kind(r.split) === k &&
          best.accuracy - r.accuracy <= 2 * Math.hypot(best.standardError, r.standardError),
      ),
  );
  const f = (x: number) => ttc.formatNumber(x, 3);
  ttc.checkPrediction(`the best split at p = ${p}, budget ${budget}`, myPrediction, {
    answer: kind(best.split),
    alsoRight: tied,
    choices: ["all parallel", "a mix", "all sequential"],
    explanation:
      "Accuracy by split (sequential:parallel): " +
      results.map((r) => `${r.split.label} ${f(r.accuracy)} ±${f(r.standardError)}`).join(", ") +
      `; best ${best.split.label} (${best.split.parallel} chains of ${best.split.sequential} attempts). ` +
      "Sequential revision is local refinement: a chain can fix a wrong answer, but it may also break " +
      "a right one and its attempts are correlated. Parallel chains are global exploration: " +
      "independent evidence for the selection. On a hard question the paper found a mix best, " +
      `and ${kind(best.split) === "a mix" ? "so does this toy here" : "this toy disagrees here"}.`,
  });
}

// %% [markdown]
// ## Summary
//
// - The summary's best-of-N example is coverage: right as arithmetic, but the ceiling that an
//   oracle verifier would reach. Realistic verifiers need many more samples, and a noisy one
//   plateaus below it.
// - The summary's revision example does not follow from its own model: the "≈ 0.65" is ten
//   parallel samples. A revision chain that can break answers stalls in pass@1, which is why the
//   paper selects across the chain.
// - Beam search spends the same budget as best-of-N but keeps its prefixes on track by pruning
//   against the PRM — a win on medium questions, a risk of over-optimisation on easy ones.
// - The audit found the summary's two worked numbers to be a ceiling (0.999) and a mislabel
//   (0.65), its 3.8B-vs-70B headline to be absent from the paper, and its difficulty rule to point
//   the wrong way on the revision axis. The numbers below come from the cells above.

// %%
{
  const f = ttc.formatNumber;
  const p = 0.5;
  const auc76 = { separation: ttc.separationForAuc(0.76) };
  const noisy = { separation: ttc.separationForAuc(0.92), labelNoise: 0.2 };
  const breakRates = { fix: (0.1 + 0.05 - 0.62 * 0.1) / 0.9, breakRate: 0.38 };
  ttc.showMarkdown(
    [
      `- Best-of-10 at p = 0.5: **${f(ttc.coverage(p, 10), 5)}** with an oracle, ` +
        `**${f(ttc.bestOfNAccuracy(p, 10, auc76), 4)}** with an AUC-0.76 verifier; a verifier with ` +
        `20% label noise never passes **${f(ttc.bestOfNLimit(p, noisy), 4)}**.`,
      `- Revision from p0 = 0.1, +0.05 per round: the tenth attempt is right with probability ` +
        `**${f(ttc.linearRevisionAccuracy(0.1, 0.05, 10), 4)}**; best-of-chain with a perfect checker is ` +
        `**${f(ttc.bestOfChainCoverage(0.1, 0.05, 10), 4)}**; the summary's 0.65 is coverage(0.1, 10) = ` +
        `**${f(ttc.coverage(0.1, 10), 4)}**.`,
      `- With the paper's ~38% break rate and the same first gain, pass@1 levels off at ` +
        `**${f(ttc.markovRevisionLimit(0.1, breakRates), 4)}**.`,
      `- Best-of-N and a revision chain of the same length cost the same generations; best-of-N has serial ` +
        `depth **${ttc.strategyCost({ kind: "best-of-n", n: 10 }).serialDepth}**, the 10-round chain ` +
        `**${ttc.strategyCost({ kind: "revision", sequential: 10, parallel: 1 }).serialDepth}**.`,
    ].join("\n"),
  );
}

// %% [markdown]
// **Further reading:** Snell et al. (2024) §5 (search against a PRM), §6 (revisions), §7 (the
// FLOPs-matched comparison); Brown et al. (2024), "Large Language Monkeys", for coverage against
// selection at up to 10,000 samples.
//
// ## Solutions
//
// **Exercise 1.** Multiply the miss probabilities, stopping at a certain success:
// ```ts
// const myBestOfChainCoverage = (p0: number, step: number, rounds: number) => {
//   let allWrong = 1;
//   for (let k = 1; k <= rounds; k++) allWrong *= 1 - Math.min(1, p0 + step * (k - 1));
//   return 1 - allWrong;
// };
// ```
// The library sums `Math.log1p(-p_k)` instead, so a tiny p0 keeps its digits.
//
// **Exercise 2.** p0 + step·(k − 1) ≥ target ⇔ k ≥ 1 + (target − p0)/step. Rounding up naively
// can fail when the target is hit exactly: for p0 = 0.3, step = 0.1, target = 0.9 the quotient
// comes out a hair above a whole number in floating point, and rounding up adds one round too
// many. Subtract a small tolerance first:
// ```ts
// const myFirstRound = (p0: number, step: number, target: number) =>
//   Math.max(1, 1 + Math.ceil((target - p0) / step - 1e-9));
// ```
//
// **Exercise 3.** Step N up with the library's exact formula:
// ```ts
// const options = { separation: ttc.separationForAuc(0.92) };
// let mySamples = 1;
// while (ttc.bestOfNAccuracy(0.3, mySamples, options) < 0.99) mySamples++;
// ```
// Compare it with `ttc.samplesForCoverage(0.3, 0.99)`: the good verifier needs several times as
// many samples as the oracle.
//
// **Exercise 4.** With a perfect checker the chain has succeeded the first time it is right, so
// anything that happens later — including a break — cannot undo it; only the chance of never
// being right matters, and that needs a wrong first attempt and k − 1 failed fixes in a row. With
// an imperfect checker the break rate matters again: a chain that was right once and then broken
// holds fewer correct attempts, so the checker has fewer chances to pick one, and the wrong
// attempts it must reject are more numerous.
//
// **Exercise 5.** The checker explains the answer once you have predicted. At p = 0.3 a few
// chains of several revisions beat both ends, the paper's finding for harder questions.

// %% [nav]

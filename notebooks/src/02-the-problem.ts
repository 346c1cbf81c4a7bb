// Source of notebooks/02-the-problem.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 02 · The problem: a bigger model helps least where help is needed most
//
// A benchmark is not one question but a mix of easy and hard ones. This chapter builds a synthetic
// stand-in for MATH-500, sorts it into the paper's five difficulty levels, and asks what each kind
// of compute buys on each level. A larger model lifts the middle levels most and barely moves the
// hardest one. Sampling more, even with a perfect checker, raises coverage only like a power law,
// because the hardest questions are what stays unsolved. Together these set up the paper's actual
// finding: test-time compute beats a bigger model on easy and intermediate questions, **not** on
// the hardest ones — the opposite of the teaching summary's headline.
//
// **You will learn**
// - why the paper measures difficulty *relative to a model*: five quantile bins of the model's own
//   pass@1, estimated from 2048 samples per question;
// - why a bigger model's gain, modelled as a shift on the logit scale, is largest near p = 0.5 and
//   vanishes as p → 0;
// - why coverage on a mixed benchmark grows like a power law in the number of samples N, and how
//   the Large Language Monkeys law c ≈ exp(a·k^b) fits it;
// - why "for hard tasks, test-time compute is more efficient than training compute" overstates the
//   paper.
//
// **Prerequisites:** chapter 01 (coverage, FLOPs-matched budgets).
// **Time:** about 80 minutes (3309 words at 200 a minute and 621 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %% [markdown]
// ## Setup: one import, the library as `ttc`
//
// Every cell below uses only `ttc` and its own local variables, so any cell can be rerun on its
// own after this one. Cells that need the benchmark rebuild it from its seed (it takes a few
// milliseconds).

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## A benchmark mixes easy and hard questions: a pile near p = 0, the rest spread out
//
// **The idea.** Snell et al. evaluate on 500 MATH test questions (the set others call MATH-500).
// What matters here about each question is the base model's **pass@1** p: the probability that
// one sampled answer is correct. The paper publishes no per-question rates, so the library draws a
// synthetic benchmark: 500 questions whose p comes from a Beta(α, β) distribution. The Beta prior
// is **our modelling choice**, not the paper's: a plausible shape for a mid-sized model on
// competition math, not a measured one. Its default, Beta(0.6, 0.9), puts a pile of questions near
// p = 0 and spreads the rest across the whole range.
//
// **The math.** The Beta density and its first two moments are
//
// $$f(p) = \frac{p^{\alpha-1}(1-p)^{\beta-1}}{B(\alpha, \beta)}, \qquad
//   \mathbb{E}[p] = \frac{\alpha}{\alpha+\beta}, \qquad
//   \operatorname{Var}[p] = \frac{\alpha\beta}{(\alpha+\beta)^2(\alpha+\beta+1)}.$$
//
// With α < 1 the density goes to infinity at p = 0: a pile of questions the model almost never
// solves. With β < 1 it also rises at p = 1, but for β = 0.9 only weakly.
//
// **The library call.** `ttc.makeBenchmark` draws the questions from a seed; `ttc.passRates`
// reads their p values. The table compares the 500 draws with the prior they came from.

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" }); // p ~ Beta(0.6, 0.9) by default
  const ps = Array.from(ttc.passRates(bench));
  const { alpha, beta } = bench.options;
  const mean = ps.reduce((s, p) => s + p, 0) / ps.length;
  const sd = Math.sqrt(ps.reduce((s, p) => s + (p - mean) ** 2, 0) / (ps.length - 1));
  const sorted = ps.slice().sort((a, b) => a - b);
  ttc.showTable(
    [
      {
        statistic: "mean pass@1",
        "benchmark (500 draws)": mean,
        [`Beta(${alpha}, ${beta}) prior`]: alpha / (alpha + beta),
      },
      {
        statistic: "standard deviation",
        "benchmark (500 draws)": sd,
        [`Beta(${alpha}, ${beta}) prior`]: Math.sqrt(
          (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)),
        ),
      },
      { statistic: "median", "benchmark (500 draws)": (sorted[249] + sorted[250]) / 2 },
      { statistic: "questions with p < 0.05", "benchmark (500 draws)": ps.filter((p) => p < 0.05).length },
      { statistic: "questions with p > 0.95", "benchmark (500 draws)": ps.filter((p) => p > 0.95).length },
    ],
    { caption: 'The synthetic benchmark (seed "ch02") against its Beta prior', digits: 4 },
  );
}

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const ps = Array.from(ttc.passRates(bench));
  ttc.show(
    ttc.histogramFigure({
      title: 'Pass@1 of the base model on 500 synthetic questions (p ~ Beta(0.6, 0.9), seed "ch02")',
      values: ps,
      bins: 20,
      range: [0, 1],
      xTitle: "pass@1 p of the base model (probability one sample is correct)",
      yTitle: "number of questions",
    }),
  );
}

// %% [markdown]
// **What to notice:** the leftmost bar towers over the others: a large group of questions (counted
// in the table above) is almost never solved by one sample. The rest spread fairly evenly across
// the range. An average accuracy hides this mix, and the rest
// of the chapter shows that the mix decides what extra compute can buy.

// %% [markdown]
// ## Difficulty is relative to the model: five quantile bins of its own pass@1
//
// **The idea.** Snell et al. do not use MATH's hand-labelled levels. For their base model they
// estimate each question's pass@1 from **2048 samples**, sort the questions, and cut them into
// five equal-count bins (quintiles): **level 1 = easiest, level 5 = hardest**. "Hard" therefore
// means hard *for this model*; the same question can sit in level 2 for one model and level 5 for
// another. These are the paper's **oracle** bins, because grading the samples uses the correct
// answers. (Its **predicted** bins rank questions by a verifier's mean score instead; chapter 07
// discusses what estimating difficulty costs.)
//
// The paper's oracle bins came out 100, 100, 100, 105 and 95 questions, not 100 each. Questions
// with equal estimated pass@1 (ties) that straddle a boundary stay together, so one bin grows and
// the next shrinks.
//
// **The math.** With m samples per question and c_i of them correct, the estimate and its
// standard error are
//
// $$\hat p_i = \frac{c_i}{m}, \qquad \operatorname{SE}(\hat p_i) = \sqrt{\frac{\hat p_i(1-\hat p_i)}{m}}.$$
//
// With the N questions ranked from easiest (rank r = 0) to hardest, the question at rank r gets
// level ⌊5r/N⌋ + 1; tied questions share the level of the easiest-ranked one.
//
// **The library call.** `ttc.oracleDifficulty` draws the m = 2048 samples per question (one
// binomial draw each) and bins the estimates; `ttc.binEdges` returns the four cut points;
// `ttc.accuracyByBin` averages any per-question number over each level.

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const ps = ttc.passRates(bench);
  const od = ttc.oracleDifficulty(bench, { rng: ttc.makeRng("ch02-oracle") }); // 2048 samples each
  const edges = ttc.binEdges(od.passRate);
  const byLevel = (values: ArrayLike<number>) =>
    ttc.accuracyByBin([{ strategy: "base model", budget: 1, perQuestion: values }], od.levels, 1);
  const trueMeans = byLevel(ps);
  const estMeans = byLevel(od.passRate);
  ttc.showTable(
    trueMeans.map((row, k) => {
      const inLevel = Array.from(od.passRate).filter((_, i) => od.levels[i] === row.bin);
      return {
        level: ttc.levelLabel(row.bin, 5),
        questions: row.size,
        "lowest p̂": Math.min(...inLevel),
        "highest p̂": Math.max(...inLevel),
        "mean p̂ (2048 samples)": estMeans[k].accuracy,
        "mean true p": row.accuracy,
      };
    }),
    { caption: "Oracle difficulty levels of the synthetic benchmark (quintiles of p̂)", digits: 4 },
  );
  const agreement = ttc.binAgreement(od.levels, ttc.difficultyBins(ps));
  const zeros = Array.from(od.passRate).filter((x) => x === 0).length;
  const maxSe = Math.max(...Array.from(od.standardError));
  const moved = Array.from(od.binSizes).reduce((s, size) => s + Math.abs(size - 100), 0) / 2;
  ttc.showMarkdown(
    `Bin edges from \`ttc.binEdges\` (p̂ of the last question in levels 1–4): ` +
      `**${Array.from(edges, (e) => ttc.formatNumber(e, 4)).join(", ")}**. ` +
      `Bin sizes: **${Array.from(od.binSizes).join(", ")}**` +
      (moved === 0
        ? " (no ties at the boundaries). "
        : ` (ties at a boundary moved ${moved} question${moved === 1 ? "" : "s"}). `) +
      `${zeros} questions had no correct sample in 2048. The largest standard error of any p̂ is ` +
      `**${ttc.formatNumber(maxSe, 2)}**, so the oracle levels match the levels of the true p for ` +
      `**${ttc.formatNumber(100 * agreement.agreement, 3)}%** of the questions` +
      (agreement.withinOne === 1
        ? "; the rest sit right at a boundary and move by one level."
        : `; ${ttc.formatNumber(100 * (1 - agreement.withinOne), 3)}% move by more than one level.`),
  );
}

// %% [markdown]
// The chart draws the same thing as a profile: every question's estimated pass@1, sorted from
// easiest to hardest and coloured by level.

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const od = ttc.oracleDifficulty(bench, { rng: ttc.makeRng("ch02-oracle") });
  const order = Array.from(od.passRate.keys()).sort((i, j) => od.passRate[j] - od.passRate[i]);
  const series = [1, 2, 3, 4, 5].map((level) => {
    const ranks: number[] = [];
    const values: number[] = [];
    order.forEach((q, r) => {
      if (od.levels[q] === level) {
        ranks.push(r + 1);
        values.push(od.passRate[q]);
      }
    });
    return { name: ttc.levelLabel(level, 5), x: ranks, y: values };
  });
  ttc.show(
    ttc.lineFigure({
      title: "Difficulty is a ranking: estimated pass@1 of each question, easiest first",
      xAxis: { title: "rank of the question, easiest (1) to hardest (500)" },
      yAxis: { title: "estimated pass@1 p̂ (fraction of 2048 samples correct)", range: [0, 1] },
      series,
    }),
  );
}

// %% [markdown]
// **What to notice:** every level holds about a fifth of the questions, but the levels cover very
// different spans of pass@1. Level 5 is a long flat stretch close to zero: a fifth of the benchmark
// that one sample almost never solves. The middle levels are steep, so a small change in a
// question's p can move it across a level. That is why the levels are cut from *this* model's
// rates: a different model, or a different prior, would move all the edges.

// %% [markdown]
// ## A 14× larger model gains least on the hardest level
//
// **The idea.** The paper's comparison model is about 14× larger than its base model, PaLM 2-S\*.
// Its name is not given, and its accuracy appears only in plots (the stars in Fig. 9), never as
// per-bin numbers. We cannot run it, so the library **assumes** a simple transformation: the larger
// model adds a fixed shift s to every question's pass@1 on the logit scale. In words, it
// multiplies every question's odds of success, p/(1 − p), by the same factor e^s. The default,
// `ttc.LARGER_MODEL_LOGIT_SHIFT`, is a stated assumption, not a number fitted to the paper.
//
// **The math.** Write σ(x) = 1/(1 + e^{−x}) for the logistic function and logit p = ln(p/(1 − p)).
// The larger model's pass@1 is
//
// $$p' = \sigma(\operatorname{logit} p + s) = \frac{p\,e^{s}}{1 - p + p\,e^{s}}.$$
//
// Since σ′ = σ(1 − σ), the gain from a small shift is
//
// $$\frac{\partial p'}{\partial s} = p'(1 - p'), \qquad
//   \left.\frac{\partial p'}{\partial s}\right|_{s=0} = p(1 - p),
//   \qquad\text{so}\qquad p' - p \approx s\,p(1 - p).$$
//
// The gain peaks at p = 1/2 (where p(1 − p) = 1/4) and vanishes at both ends. For a hard question
// p' ≈ e^s·p: the larger model multiplies a tiny chance, and a multiple of a tiny number is still
// tiny.
//
// **Build it, then check it.** The derivative p(1 − p) should match a central finite difference
// of `ttc.largerModelP` around s = 0.

// %%
{
  const h = 1e-5; // step of the finite difference, in logit units
  const myDerivative = (p: number) => p * (1 - p);
  const finiteDifference = (p: number) => (ttc.largerModelP(p, h) - ttc.largerModelP(p, -h)) / (2 * h);
  ttc.checkAgainst(
    "d p′/d s at s = 0: p(1 − p) vs finite difference",
    myDerivative,
    finiteDifference,
    [[0.01], [0.1], [0.3], [0.5], [0.9]],
    { tolerance: 1e-8 },
  );
}

// %% [markdown]
// The chart shows the exact gain p′ − p at the library's shift beside the first-order
// approximation s·p(1 − p), with the five levels' average (p, gain) marked.

// %%
{
  const shift = ttc.LARGER_MODEL_LOGIT_SHIFT; // logit units
  const grid = Array.from({ length: 101 }, (_, i) => i / 100);
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const od = ttc.oracleDifficulty(bench, { rng: ttc.makeRng("ch02-oracle") });
  const ps = ttc.passRates(bench);
  const gains = Array.from(ps, (p) => ttc.largerModelP(p, shift) - p);
  const levelP = ttc.accuracyByBin([{ strategy: "p", budget: 1, perQuestion: ps }], od.levels, 1);
  const levelGain = ttc.accuracyByBin([{ strategy: "gain", budget: 1, perQuestion: gains }], od.levels, 1);
  const fig = ttc.lineFigure({
    title: `Gain of the larger model on one question, logit shift s = ${shift}`,
    xAxis: { title: "base model's pass@1 p" },
    yAxis: { title: "gain in pass@1, p′ − p" },
    series: [
      { name: "exact gain p′ − p", x: grid, y: grid.map((p) => ttc.largerModelP(p, shift) - p) },
      { name: "first-order s·p(1 − p)", x: grid, y: grid.map((p) => shift * p * (1 - p)), dash: "dash" },
    ],
  });
  ttc.show(
    ttc.addTraces(fig, [
      ttc.markerTrace({
        name: "level averages (1 = right, 5 = left)",
        x: levelP.map((r) => r.accuracy),
        y: levelGain.map((r) => r.accuracy),
        symbol: "diamond",
        size: 11,
        text: levelP.map((r) => ttc.levelLabel(r.bin, 5)),
      }),
    ]),
  );
  const peakP = 1 / (1 + Math.exp(shift / 2)); // σ(−s/2)
  ttc.showMarkdown(
    `The exact gain peaks at p = σ(−s/2) = **${ttc.formatNumber(peakP, 4)}**, where it is ` +
      `**${ttc.formatNumber(ttc.largerModelP(peakP, shift) - peakP, 4)}**; the first-order curve peaks ` +
      `at p = 0.5 with s/4 = **${ttc.formatNumber(shift / 4, 4)}**.`,
  );
}

// %% [markdown]
// **What to notice:** the gain is a hump. It is largest for questions the base model solves about
// half the time and falls to zero at both ends. The exact curve leans left of the approximation:
// the exact gain adds up p(1 − p) along the whole shift, from logit p to logit p + s, so it peaks
// where that stretch is centred on p = 1/2, at p = σ(−s/2) (printed under the chart). The hardest
// level's diamond sits at the far left, low on the hump.
//
// The table puts numbers on it: each level's mean pass@1 for both models, with the levels fixed by
// the base model's oracle bins.

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const big = ttc.largerModelBenchmark(bench); // every p goes through ttc.largerModelP
  const od = ttc.oracleDifficulty(bench, { rng: ttc.makeRng("ch02-oracle") });
  const rows = ttc.accuracyByBin(
    [
      { strategy: "base model", budget: 1, perQuestion: ttc.passRates(bench) },
      { strategy: "14× model", budget: 1, perQuestion: ttc.passRates(big) },
    ],
    od.levels,
    1,
  );
  const small = rows.filter((r) => r.strategy === "base model").map((r) => r.accuracy);
  const large = rows.filter((r) => r.strategy === "14× model").map((r) => r.accuracy);
  ttc.showTable(
    small.map((s, k) => ({
      level: ttc.levelLabel(k + 1, 5),
      "base model pass@1": s,
      "larger model pass@1": large[k],
      "gain (points)": 100 * (large[k] - s),
      "ratio larger / base": large[k] / s,
    })),
    {
      caption: `Mean pass@1 per level, logit shift s = ${ttc.LARGER_MODEL_LOGIT_SHIFT} (synthetic model)`,
      digits: 3,
    },
  );
  ttc.show(
    ttc.binBarsFigure({
      title: `What a larger model buys per level (synthetic: logit shift ${ttc.LARGER_MODEL_LOGIT_SHIFT})`,
      bins: [1, 2, 3, 4, 5],
      series: [
        { name: "base model", values: small },
        { name: "~14× larger model (assumed logit shift)", values: large },
      ],
      yTitle: "mean pass@1 on the level",
    }),
  );
  const gains = small.map((s, k) => large[k] - s);
  const best = gains.indexOf(Math.max(...gains));
  ttc.showMarkdown(
    `The largest gain is on **level ${best + 1}** (+${ttc.formatNumber(100 * gains[best], 3)} points); ` +
      `level 5 gains **+${ttc.formatNumber(100 * gains[4], 3)}** points and level 1 ` +
      `**+${ttc.formatNumber(100 * gains[0], 3)}**. In relative terms it is the other way round: ` +
      `level 5's pass@1 is multiplied by **${ttc.formatNumber(large[4] / small[4], 3)}**, ` +
      `approaching e^s = ${ttc.formatNumber(Math.exp(ttc.LARGER_MODEL_LOGIT_SHIFT), 4)} as p → 0.`,
  );
}

// %% [markdown]
// **What to notice:** the bars grow most in the middle levels. The easiest level is near its
// ceiling, and the hardest level starts so close to zero that multiplying its odds still leaves it
// near zero. Two honest caveats:
// - "least" is in accuracy points. In relative terms the hardest level gains the most, but a
//   doubled tiny accuracy is still a tiny accuracy.
// - The shape is a consequence of the logit-shift assumption, and the size of the gains depends
//   on s. The paper gives no per-bin numbers to fit s to; the "Try changing this" cell lets you
//   vary it. The paper also evaluates the larger model greedily, while we use its pass@1.

// %% [markdown]
// ## Sampling more on a mixed benchmark: coverage grows like a power law, not exponentially
//
// **The idea.** Chapter 01 showed coverage, the chance that at least one of N samples is correct,
// for a single question: 1 − (1 − p)^N. Its miss probability (1 − p)^N falls **exponentially**:
// every extra sample multiplies it by the same factor 1 − p. On a benchmark, the easy questions are
// solved after a few samples, and what remains unsolved are the questions with tiny p. Under the
// Beta prior there are many of those, so the benchmark's miss probability falls only like a
// **power** of N.
//
// **The math.** Average the miss probability over p ~ Beta(α, β). The integral is another Beta
// function:
//
// $$\mathbb{E}_p\big[(1-p)^N\big] = \int_0^1 \frac{p^{\alpha-1}(1-p)^{\beta+N-1}}{B(\alpha,\beta)}\,dp
//   = \frac{B(\alpha, \beta+N)}{B(\alpha, \beta)} = \prod_{j=0}^{N-1}\frac{\beta+j}{\alpha+\beta+j},$$
//
// so the expected coverage is $c(N) = 1 - B(\alpha,\beta+N)/B(\alpha,\beta)$. For large N,
// Γ(β + N)/Γ(α + β + N) ≈ N^{−α}, which gives
//
// $$1 - c(N) \;\approx\; \frac{\Gamma(\alpha+\beta)}{\Gamma(\beta)}\,N^{-\alpha}.$$
//
// That is a power law. Its exponent is α, the parameter that sets how much mass the prior puts
// near p = 0: only the hardest questions decide how fast the benchmark's misses disappear.
//
// **The library call.** `ttc.expectedCoverageCurve(ns, { alpha, beta })` evaluates the closed form
// (no sampling); `ttc.coverageCurve(p, ns)` is the single-question curve. For the comparison the
// single question sits at the prior's mean pass@1.

// %%
{
  const prior = { alpha: 0.6, beta: 0.9 }; // the benchmark's Beta prior
  const pMean = prior.alpha / (prior.alpha + prior.beta); // one question at the prior mean
  const ns = Array.from(new Set(Array.from({ length: 321 }, (_, i) => Math.round(10 ** (i / 80))))); // 1…1e4
  const label = `one question, p = ${ttc.formatNumber(pMean)}`;
  ttc.show(
    ttc.lineFigure({
      title: "Coverage with a perfect verifier: one question vs a mixed benchmark",
      xAxis: { title: "samples per question, N (log scale)", log: true },
      yAxis: { title: "coverage: P(at least one correct)", range: [0, 1], percent: true },
      series: [
        { name: label, x: ns, y: ttc.coverageCurve(pMean, ns), dash: "dash" },
        {
          name: `benchmark, p ~ Beta(${prior.alpha}, ${prior.beta}) (mean ${ttc.formatNumber(pMean)})`,
          x: ns,
          y: ttc.expectedCoverageCurve(ns, prior),
        },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** both curves start at the same value, the mean pass@1. The single question is
// essentially solved within a few dozen samples; the benchmark keeps creeping upward across all
// four decades of N. The table counts the samples each needs.

// %%
{
  const prior = { alpha: 0.6, beta: 0.9 };
  const pMean = prior.alpha / (prior.alpha + prior.beta);
  // Smallest N with expected coverage >= target: doubling, then bisection (coverage rises with N).
  const samplesForExpectedCoverage = (target: number) => {
    if (ttc.expectedCoverage(1, prior) >= target) return 1;
    let hi = 2;
    while (ttc.expectedCoverage(hi, prior) < target) hi *= 2;
    let lo = hi / 2;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (ttc.expectedCoverage(mid, prior) >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  ttc.showTable(
    [0.9, 0.99, 0.999].map((target) => ({
      "coverage target": target,
      [`one question, p = ${ttc.formatNumber(pMean)}`]: ttc.samplesForCoverage(pMean, target),
      [`benchmark, Beta(${prior.alpha}, ${prior.beta})`]: samplesForExpectedCoverage(target),
    })),
    { caption: "Samples per question needed for a coverage target (perfect verifier)" },
  );
}

// %% [markdown]
// ### On log–log axes the benchmark's miss probability is a straight line
//
// A power law y = C·N^{−α} becomes a straight line of slope −α when both axes are logarithmic,
// while an exponential (1 − p)^N bends down ever faster. The chart plots the miss probability
// 1 − coverage both ways, with the large-N formula above as a dashed guide.

// %%
{
  const prior = { alpha: 0.6, beta: 0.9 };
  const pMean = prior.alpha / (prior.alpha + prior.beta);
  const ns = Array.from(new Set(Array.from({ length: 321 }, (_, i) => Math.round(10 ** (i / 80)))));
  const C = Math.exp(ttc.logGamma(prior.alpha + prior.beta) - ttc.logGamma(prior.beta));
  const floor = 1e-6; // misses below this are left off the chart
  const single = ns.map((n) => (1 - pMean) ** n).map((m) => (m >= floor ? m : null));
  ttc.show(
    ttc.lineFigure({
      title: "Miss probability 1 − coverage: power law for the benchmark, exponential for one question",
      xAxis: { title: "samples per question, N (log scale)", log: true },
      yAxis: { title: "miss probability 1 − coverage (log scale)", log: true, range: [floor, 1] },
      series: [
        { name: `one question, p = ${ttc.formatNumber(pMean)}: (1 − p)^N`, x: ns, y: single, dash: "dash" },
        {
          name: `benchmark, Beta(${prior.alpha}, ${prior.beta}): exact`,
          x: ns,
          y: ttc.expectedCoverageCurve(ns, prior).map((c) => 1 - c),
        },
        {
          name: `large-N law ${ttc.formatNumber(C, 3)}·N^(−${prior.alpha})`,
          x: ns,
          y: ns.map((n) => C * n ** -prior.alpha),
          dash: "dot",
        },
      ],
    }),
  );
  const slope =
    (Math.log(1 - ttc.expectedCoverage(10000, prior)) - Math.log(1 - ttc.expectedCoverage(1000, prior))) /
    Math.log(10);
  ttc.showMarkdown(
    `Slope of the exact benchmark curve between N = 1000 and N = 10 000: **${ttc.formatNumber(slope, 4)}** ` +
      `(the law predicts −α = −${prior.alpha}).`,
  );
}

// %% [markdown]
// **What to notice:** the single question's miss plunges off the bottom of the chart within a few
// dozen samples, while the benchmark's miss is a straight line that meets the dashed guide within
// the first decade of N and stays on it. Ten times more samples removes the same *fraction* of the remaining
// misses every decade. That is the shape Large Language Monkeys (Brown et al. 2024) reported for
// real models over four orders of magnitude of samples.

// %% [markdown]
// ## The Large Language Monkeys law c ≈ exp(a·k^b) fits the exact curve
//
// **The idea.** Brown et al. (2024) measured coverage for real models up to 10,000 samples per
// problem and fitted log c ≈ a·k^b, that is c ≈ exp(a·k^b) with b < 0. They fitted it with SciPy's
// `curve_fit` at 40 log-spaced k in [1, 10 000] (their App. C.1). We do the same to our exact
// curve: 40 log-spaced k, rounded to whole samples (repeats at small k are dropped), and
// `ttc.fitCoverageLaw`, which solves the linearised problem and then refines on the coverage scale
// as `curve_fit` would.
//
// **The math.** Why this law fits a Beta benchmark: near c = 1, −log c ≈ 1 − c, so the law says
// 1 − c ≈ −a·k^b, a power law in k. Matching it to the large-N formula above predicts
//
// $$b \approx -\alpha, \qquad -a \approx \frac{\Gamma(\alpha+\beta)}{\Gamma(\beta)}.$$
//
// The fit uses all k, including small k where c is far from 1, so a and b land near, not on,
// these values.

// %%
{
  const prior = { alpha: 0.6, beta: 0.9 };
  const ks = Array.from(new Set(Array.from({ length: 40 }, (_, i) => Math.round(10 ** ((4 * i) / 39)))));
  const exact = ttc.expectedCoverageCurve(ks, prior);
  const fit = ttc.fitCoverageLaw(ks, exact);
  const C = Math.exp(ttc.logGamma(prior.alpha + prior.beta) - ttc.logGamma(prior.beta));
  ttc.showTable(
    [
      { "": "fitted to the exact curve", a: fit.a, b: fit.b, "RMS error (coverage)": fit.rmse },
      { "": "large-N prediction −Γ(α+β)/Γ(β), −α", a: -C, b: -prior.alpha },
    ],
    { caption: `Coverage law fitted at ${ks.length} distinct log-spaced k in [1, 10 000]`, digits: 4 },
  );
  const dense = Array.from(new Set(Array.from({ length: 321 }, (_, i) => Math.round(10 ** (i / 80)))));
  const ab = `a = ${ttc.formatNumber(fit.a, 3)}, b = ${ttc.formatNumber(fit.b, 3)}`;
  ttc.show(
    ttc.lineFigure({
      title: `Exact expected coverage vs the fitted law exp(a·k^b), ${ab}`,
      xAxis: { title: "samples per question, k (log scale)", log: true },
      yAxis: { title: "coverage: P(at least one correct)", percent: true },
      series: [
        { name: "exact, Beta(0.6, 0.9)", x: ks, y: exact, mode: "markers" },
        { name: "fitted law exp(a·k^b)", x: dense, y: dense.map((k) => ttc.coverageLaw(fit, k)) },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** the fitted law passes through the exact points from k = 1 to k = 10 000 with
// the small root-mean-square error shown in the table, and b sits close to −α. On our synthetic
// benchmark the Monkeys law is not a coincidence: it is what a Beta-shaped population of question
// difficulties produces.
//
// For context, the Monkeys' own fits are in the next table. These values were read from the
// paper's figure legends through secondary notes and are **UNCONFIRMED** against the PDF. Their
// exponents are flatter than ours: in our model that would mean more mass near p = 0 (a smaller α).

// %%
{
  const prior = { alpha: 0.6, beta: 0.9 };
  const ks = Array.from(new Set(Array.from({ length: 40 }, (_, i) => Math.round(10 ** ((4 * i) / 39)))));
  const fit = ttc.fitCoverageLaw(ks, ttc.expectedCoverageCurve(ks, prior));
  const published = [
    { fit: "Llama-3-8B-Instruct, MATH (UNCONFIRMED)", a: -1.33, b: -0.43 },
    { fit: "Llama-3-70B-Instruct, MATH (UNCONFIRMED)", a: -0.75, b: -0.46 },
    { fit: "Pythia-70M, MATH (UNCONFIRMED)", a: -7.59, b: -0.18 },
    { fit: "Llama-3-8B-Instruct, CodeContests (UNCONFIRMED)", a: -3.88, b: -0.11 },
  ];
  ttc.showTable(
    [{ fit: "ours: synthetic Beta(0.6, 0.9) benchmark", a: fit.a, b: fit.b }, ...published].map((r) => ({
      ...r,
      "law's coverage at k = 1": ttc.coverageLaw(r, 1),
      "at k = 100": ttc.coverageLaw(r, 100),
      "at k = 10 000": ttc.coverageLaw(r, 10000),
    })),
    { caption: "Coverage-law fits: ours and the Monkeys' published ones (Brown et al. 2024)", digits: 3 },
  );
  const llama8b = ttc.coverageLaw(published[0], 100);
  ttc.showMarkdown(
    `The Monkeys' text reports **82.9%** coverage at k = 100 for Llama-3-8B-Instruct on MATH ` +
      `(79.8% in its first version). The quoted fit gives **${ttc.formatNumber(100 * llama8b, 3)}%**, ` +
      `some evidence that the quoted a and b are right.`,
  );
}

// %% [markdown]
// ## With a perfect verifier sampling wins everywhere; in the paper the bigger model wins the hardest
//
// **The teaching summary overstates the paper.** It opens with "This paper proves that for hard
// tasks, test-time compute is more efficient than training compute", and its student analogy says
// the student with more thinking time wins on the hard problems. The paper finds the opposite on
// its hardest questions. In the FLOPs-matched comparison with the ~14× model (Fig. 9 in arXiv v1,
// Fig. 8 in ICLR), test-time compute wins on the easy and intermediate bins (1–3, sometimes 4), and
// more broadly when inference load is light (small R); **pretraining wins on the hardest bins
// (4–5), and when inference load is heavy (large R)**. On bin 5, none of the search methods makes
// meaningful progress. And it is an empirical result for one model family on MATH, not a proof.
//
// **What our synthetic model can show.** Coverage is only a ceiling: it assumes a perfect verifier
// that always recognises a correct answer. The cell compares, level by level, at the small model's
// FLOPs-matched budget for R = 22 (chapter 01's table; the cell recomputes it and rounds it to N
// whole samples):
// - the larger model's pass@1 under our logit shift (standing in for the paper's greedy answer);
// - coverage, the perfect-verifier ceiling;
// - best-of-N with an imperfect verifier (the library's score model with separation 1.5 and 10%
//   label noise, chapter 03's default);
// - majority vote, which uses no verifier at all.

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const od = ttc.oracleDifficulty(bench, { rng: ttc.makeRng("ch02-oracle") });
  const n = Math.round(ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 22 })); // samples per question
  const verifier = ttc.makeVerifier({ separation: 1.5, labelNoise: 0.1 });
  const qs = bench.questions;
  const runs = [
    { strategy: "base model, one sample", perQuestion: qs.map((q) => q.p) },
    { strategy: "~14× model (logit shift)", perQuestion: qs.map((q) => ttc.largerModelP(q.p)) },
    { strategy: `coverage at N = ${n} (perfect verifier)`, perQuestion: qs.map((q) => ttc.coverage(q.p, n)) },
    {
      strategy: `best-of-${n}, imperfect verifier`,
      perQuestion: qs.map((q) => ttc.bestOfNAccuracy(q.p, n, verifier)),
    },
    {
      strategy: `majority vote of ${n}`,
      perQuestion: qs.map((q) => ttc.majorityVoteAccuracy(q, n).accuracy),
    },
  ].map((r) => ({ ...r, budget: 1 }));
  const rows = ttc.accuracyByBin(runs, od.levels, 1);
  const valuesOf = (name: string) => rows.filter((r) => r.strategy === name).map((r) => r.accuracy);
  ttc.show(
    ttc.binBarsFigure({
      title: `Per level at N = ${n}: a bigger model vs sampling, with and without a verifier (synthetic)`,
      bins: [1, 2, 3, 4, 5],
      series: runs.slice(1).map((r) => ({ name: r.strategy, values: valuesOf(r.strategy) })),
      yTitle: "mean accuracy on the level",
    }),
  );
  ttc.showTable(
    [1, 2, 3, 4, 5].map((level, k) => {
      const row: Record<string, string | number> = { level: ttc.levelLabel(level, 5) };
      for (const r of runs) row[r.strategy] = valuesOf(r.strategy)[k];
      return row;
    }),
    { caption: `Mean accuracy per level (synthetic model, N = ${n})`, digits: 3 },
  );
  // Where the misses are: expected unsolved questions at N = 256 with a perfect verifier.
  const misses = qs.map((q) => 1 - ttc.coverage(q.p, 256));
  const total = misses.reduce((s, m) => s + m, 0);
  const level5 = misses.filter((_, i) => od.levels[i] === 5).reduce((s, m) => s + m, 0);
  ttc.showMarkdown(
    `Even at N = 256 with a perfect verifier, **${ttc.formatNumber(total, 3)}** of the 500 questions ` +
      `are expected to stay unsolved, and all but **${ttc.formatNumber(total - level5, 2)}** of them ` +
      `are on level 5.`,
  );
}

// %% [markdown]
// **What to notice:** with a perfect verifier, the same number of samples beats the larger model
// on every level, by a wide margin on the hard levels. Take the verifier away and the picture
// flips: on level 5 the correct answer is rare and the most common *wrong* answer wins the vote,
// so majority voting falls below even the base model's single sample, and far below the larger
// model. On the harder levels the imperfect verifier lands in between; on the easy levels,
// where the correct answer is already the most common one, majority voting is slightly ahead of
// it. In our model the imperfect verifier still edges out the larger model on level 5, but that depends on two things we assumed rather than measured: how good the
// verifier is and how much a 14× model really gains (the logit shift). The paper measured both
// sides with real models, and on its hardest bins the bigger model won.
//
// So the lesson for the rest of the workbook: the hardest questions are where both levers are
// weakest. A bigger model barely moves a question it almost never solves, and sampling more only
// helps if something can pick out the rare correct answer. Chapters 04 and 07 measure how much an
// imperfect verifier gives up; chapter 08 rebuilds the FLOPs-matched comparison with search and
// revisions. The teaching summary's other rule, "easy tasks: best-of-N; hard tasks: sequential
// revision", is also inverted on the revision axis: the paper finds easy questions do best with
// purely sequential revisions and hard ones with a mix of sequential and parallel (chapter 05 tests
// it).

// %% [markdown]
// ## Try changing this
//
// Change the knobs and rerun the cell; it rebuilds the benchmark and redraws everything it shows.
// - Make α smaller (say 0.3) to put more questions near p = 0: the power law flattens and the
//   hardest level sinks.
// - Raise the logit shift to 3 and see how far a much stronger "larger model" moves level 5.
// - Try α = 0.1, 0.3 and 2: the fitted exponent b tracks −α near the default α and drifts away
//   at both extremes. The law exp(a·k^b) matches the Beta prior's tail 1 − C·k^(−α) only where
//   coverage is near 1: for small α the fitted range never gets there, and for large α coverage
//   is nearly 1 before the power-law tail takes over.
// - Push `nMax` to `1e6`: the straight line continues, yet the fitted a and b barely move, because
//   on the coverage scale the small-k points dominate the fit.

// %%
{
  const alpha = 0.6; // Beta prior's first shape, > 0 (0.1 … 10); smaller = more questions near p = 0
  const beta = 0.9; // Beta prior's second shape, > 0 (0.1 … 10); smaller = more questions near p = 1
  const shift = 1; // logit shift of the "larger model", logit units (−3 … 5; 0 = same model)
  const nMax = 10000; // largest number of samples per question, an integer (10 … 1e6)
  const seed = "ch02"; // benchmark seed, any string

  const bench = ttc.makeBenchmark({ size: 500, alpha, beta, seed });
  const od = ttc.oracleDifficulty(bench, { rng: ttc.makeRng(`${seed}-oracle`) });
  const rows = ttc.accuracyByBin(
    [
      { strategy: "base", budget: 1, perQuestion: ttc.passRates(bench) },
      { strategy: "large", budget: 1, perQuestion: ttc.passRates(ttc.largerModelBenchmark(bench, shift)) },
    ],
    od.levels,
    1,
  );
  const levels = rows.filter((r) => r.strategy === "base").map((r) => r.bin);
  const small = rows.filter((r) => r.strategy === "base").map((r) => r.accuracy);
  const large = rows.filter((r) => r.strategy === "large").map((r) => r.accuracy);
  ttc.show(
    ttc.binBarsFigure({
      title: `Per level: base model vs larger model (logit shift ${shift}), p ~ Beta(${alpha}, ${beta})`,
      bins: levels,
      series: [
        { name: "base model", values: small },
        { name: "larger model", values: large },
      ],
      yTitle: "mean pass@1 on the level",
    }),
  );

  const prior = { alpha, beta };
  // 1 … nMax, log-spaced: 200 points for the chart, 40 for the fit (as Large Language Monkeys did)
  const ns = Array.from(new Set(Array.from({ length: 201 }, (_, i) => Math.round(nMax ** (i / 200)))));
  const miss = ttc.expectedCoverageCurve(ns, prior).map((c) => 1 - c);
  const C = Math.exp(ttc.logGamma(alpha + beta) - ttc.logGamma(beta));
  // The fit needs coverages strictly inside (0, 1): drop points where the miss underflows.
  const ks = Array.from(new Set(Array.from({ length: 40 }, (_, i) => Math.round(nMax ** (i / 39)))));
  const cs = ttc.expectedCoverageCurve(ks, prior);
  const usable = ks.map((k, i) => [k, cs[i]]).filter(([, c]) => c > 0 && c < 1 - 1e-12);
  const fit =
    usable.length >= 2
      ? ttc.fitCoverageLaw(
          usable.map(([k]) => k),
          usable.map(([, c]) => c),
        )
      : null;
  const floor = 1e-12;
  const series: ttc.LineSeries[] = [
    { name: "benchmark: exact miss", x: ns, y: miss.map((m) => (m >= floor ? m : null)) },
    { name: `large-N law C·N^(−${alpha})`, x: ns, y: ns.map((n) => C * n ** -alpha), dash: "dot" },
  ];
  // A rising law needs a < 0 and b < 0; otherwise the data are not a power law (see the note below).
  const lawFits = fit !== null && fit.a < 0 && fit.b < 0;
  if (lawFits) {
    series.push({
      name: "fitted Monkeys law 1 − exp(a·N^b)",
      x: ns,
      y: ns.map((n) => -Math.expm1(fit.a * n ** fit.b)).map((m) => (m >= floor ? m : null)),
      dash: "dash",
    });
  }
  ttc.show(
    ttc.lineFigure({
      title: `Miss probability on the benchmark, p ~ Beta(${alpha}, ${beta})`,
      xAxis: { title: "samples per question, N (log scale)", log: true },
      yAxis: { title: "miss probability 1 − coverage (log scale)", log: true },
      series,
    }),
  );
  ttc.showMarkdown(
    [
      `- Prior mean pass@1 **${ttc.formatNumber(ttc.expectedCoverage(1, prior), 3)}**; ` +
        `oracle bin sizes **${Array.from(od.binSizes).join(", ")}** (heavy ties can empty a level).`,
      `- Gain of the larger model (points): ` +
        levels
          .map((level, k) => `level ${level} **${ttc.formatNumber(100 * (large[k] - small[k]), 3)}**`)
          .join(", ") +
        ".",
      fit === null
        ? `- Coverage reaches 1 to machine precision too early to fit the law.`
        : lawFits
          ? `- Fitted law on [1, ${nMax}]: a = **${ttc.formatNumber(fit.a, 4)}**, ` +
            `b = **${ttc.formatNumber(fit.b, 4)}**, RMS error ${ttc.formatNumber(fit.rmse, 2)} ` +
            `(large-N prediction: a ≈ ${ttc.formatNumber(-C, 4)}, b ≈ −${alpha}).`
          : `- The law does not describe this benchmark (best fit a = ${ttc.formatNumber(fit.a, 3)}, ` +
            `b = ${ttc.formatNumber(fit.b, 3)}): with few questions near p = 0, coverage saturates ` +
            `exponentially instead of following a power law.`,
      `- Expected coverage at N = ${nMax}: **${ttc.formatNumber(ttc.expectedCoverage(nMax, prior), 6)}**.`,
    ].join("\n"),
  );
}

// %% [markdown]
// ## Bad input gets a clear error
//
// Every library function checks its arguments and says which one is wrong and why.
// `ttc.showError` runs a call and prints the error instead of stopping the notebook.

// %%
ttc.showError(() => ttc.makeBenchmark({ size: 0 }));
ttc.showError(() => ttc.difficultyBins([0.9, NaN, 0.1]));
ttc.showError(() => ttc.largerModelP(0.5, Infinity));
ttc.showError(() => ttc.expectedCoverage(16, { alpha: 0, beta: 0.9 }));
ttc.showError(() => ttc.fitCoverageLaw([1, 10, 100], [0.4, 0.8, 1]));

// %% [markdown]
// ## Exercises
//
// 1. **The larger model, by hand.** Write p′ = σ(logit p + s) with `Math.log` and `Math.exp`, and
//    check it against `ttc.largerModelP`, including p = 0 and p = 1. *Hint:* JavaScript's
//    `Math.log(0)` is `-Infinity`, and σ handles ±∞ correctly if you write it as 1/(1 + e^{−x}).
// 2. **Per-level means yourself.** Using the question p values and the oracle levels given in the
//    cell, compute the mean pass@1 of one level. The checker compares all five with
//    `ttc.accuracyByBin`.
// 3. **Coverage of *this* benchmark.** Average 1 − (1 − p)^N over the benchmark's 500 p values.
//    The first checker compares with the library's per-question `ttc.coverage`. The second compares
//    with the Beta closed form `ttc.expectedCoverage`, allowing four standard errors: the 500 p
//    values are one random sample from the prior, so their average differs from the prior's
//    expectation by sampling error. *Open question:* both coverages tend to 1, so their difference
//    shrinks — but why does the *relative* difference of the misses, 1 − c, not settle as N grows?
// 4. **Predict, then run: who gains from scale?** Before running the cell, set `myPrediction` to
//    the oracle level (1 = easiest … 5 = hardest) you expect to gain most pass@1, on average, from
//    the 14× larger model; then run it for the library's answer and why. *Hint:* the larger model
//    is a fixed shift on the logit scale.

// %%
// Exercise 1: replace the body.
{
  const myLargerModelP = (p: number, shift: number): number => undefined; // ← your turn
  ttc.checkAgainst("largerModelP", myLargerModelP, ttc.largerModelP, [
    [0.5, 1],
    [0.05, 1],
    [0.9, 2],
    [0.3, -1],
    [1e-9, 1],
    [0, 1],
    [1, 1],
  ]);
}

// %%
// Exercise 2: replace the body of myLevelMean.
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const ps = ttc.passRates(bench); // pass@1 of question i
  const levels = ttc.oracleDifficulty(bench, { rng: ttc.makeRng("ch02-oracle") }).levels; // level of i
  // ← your turn: return the mean of ps[i] over the questions with levels[i] === level
  const myLevelMean = (level: number): number => undefined;
  const reference = ttc.accuracyByBin([{ strategy: "base model", budget: 1, perQuestion: ps }], levels, 1);
  ttc.checkAgainst("mean pass@1 per level", myLevelMean, (level: number) => reference[level - 1].accuracy, [
    [1],
    [2],
    [3],
    [4],
    [5],
  ]);
}

// %%
// Exercise 3: replace the body of myBenchmarkCoverage.
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const ps = Array.from(ttc.passRates(bench));
  const prior = { alpha: bench.options.alpha, beta: bench.options.beta };
  const myBenchmarkCoverage = (n: number): number => undefined; // ← your turn: average 1 − (1 − p)^n over ps
  const perQuestion = (n: number) => ps.map((p) => ttc.coverage(p, n));
  const average = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  ttc.checkAgainst(
    "coverage averaged over the benchmark",
    myBenchmarkCoverage,
    (n: number) => average(perQuestion(n)),
    [[1], [16], [256], [4096]],
  );
  for (const n of [1, 16, 256, 4096]) {
    const cs = perQuestion(n);
    const m = average(cs);
    const se = Math.sqrt(cs.reduce((s, c) => s + (c - m) ** 2, 0) / (cs.length - 1) / cs.length);
    ttc.checkValue(
      `N = ${n}: benchmark average vs Beta closed form (±4 standard errors = ${ttc.formatNumber(4 * se, 2)})`,
      myBenchmarkCoverage(n),
      ttc.expectedCoverage(n, prior),
      4 * se,
    );
  }
}

// %%
// Exercise 4: predict first, then run.
{
  const myPrediction: number | undefined = undefined; // ← your turn: a level, 1 (easiest) … 5 (hardest)
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const ps = ttc.passRates(bench);
  const levels = ttc.oracleDifficulty(bench, { rng: ttc.makeRng("ch02-oracle") }).levels;
  const shift = ttc.LARGER_MODEL_LOGIT_SHIFT;
  const perLevel = [1, 2, 3, 4, 5].map((level) => {
    let gain = 0;
    let p = 0;
    let count = 0;
    for (let i = 0; i < ps.length; i++) {
      if (levels[i] !== level) continue;
      gain += ttc.largerModelP(ps[i], shift) - ps[i];
      p += ps[i];
      count++;
    }
    return { level, gain: gain / count, p: p / count };
  });
  const best = perLevel.reduce((a, b) => (b.gain > a.gain ? b : a));
  const f = (x: number) => ttc.formatNumber(x, 3);
  ttc.checkPrediction("the level that gains most from the larger model", myPrediction, {
    answer: best.level,
    choices: [1, 2, 3, 4, 5],
    explanation:
      "Mean pass@1 gain per level: " +
      perLevel.map((r) => `level ${r.level} +${f(r.gain)} (mean p ${f(r.p)})`).join(", ") +
      ". The larger model adds the same shift to every question's logit. A logit shift moves p " +
      "a lot in the middle and little near 0 or 1 (for a small shift s, by about s·p(1 − p)), so " +
      "the middle levels gain most: easy questions are already near 1, and the hardest near 0 " +
      "barely move — scale does not rescue the hardest bin either.",
  });
}

// %% [markdown]
// ## Summary
//
// - A benchmark is a mix: the base model's pass@1 piles up near 0 and spreads out elsewhere, and
//   an average hides that. The Beta prior behind our synthetic benchmark is our choice, not the
//   paper's.
// - The paper's difficulty levels are quintiles of the model's own pass@1 (2048 samples per
//   question; level 1 easiest), so "hard" always means hard for that model.
// - A larger model, modelled as a logit shift, gains s·p(1 − p) to first order: most in the middle,
//   least at the extremes, and least of all in accuracy points on the hardest level.
// - Sampling more raises a mixed benchmark's coverage like a power law: the miss probability falls
//   as N^{−α}, and the Monkeys law exp(a·k^b) fits it with b ≈ −α.
// - "Test-time compute wins on hard tasks" is too strong: in the paper the bigger model wins on the
//   hardest bins, and test-time compute wins on easy and intermediate ones.
//
// The numbers, computed:

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch02" });
  const ps = ttc.passRates(bench);
  const od = ttc.oracleDifficulty(bench, { rng: ttc.makeRng("ch02-oracle") });
  const prior = { alpha: bench.options.alpha, beta: bench.options.beta };
  const rows = ttc.accuracyByBin(
    [
      { strategy: "base", budget: 1, perQuestion: ps },
      { strategy: "large", budget: 1, perQuestion: ttc.passRates(ttc.largerModelBenchmark(bench)) },
    ],
    od.levels,
    1,
  );
  const small = rows.filter((r) => r.strategy === "base").map((r) => r.accuracy);
  const large = rows.filter((r) => r.strategy === "large").map((r) => r.accuracy);
  const ks = Array.from(new Set(Array.from({ length: 40 }, (_, i) => Math.round(10 ** ((4 * i) / 39)))));
  const fit = ttc.fitCoverageLaw(ks, ttc.expectedCoverageCurve(ks, prior));
  const n = Math.round(ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 22 }));
  const level5 = bench.questions.filter((_, i) => od.levels[i] === 5);
  const majority5 = level5.reduce((s, q) => s + ttc.majorityVoteAccuracy(q, n).accuracy, 0) / level5.length;
  const f = (x: number, d = 3) => ttc.formatNumber(x, d);
  const meanP = Array.from(ps).reduce((s, p) => s + p, 0) / ps.length;
  const cov = (n: number, d = 3) => f(ttc.expectedCoverage(n, prior), d);
  let samplesFor99 = 1; // smallest N with expected coverage >= 0.99 (coverage rises with N)
  while (ttc.expectedCoverage(samplesFor99 * 2, prior) < 0.99) samplesFor99 *= 2;
  for (let step = samplesFor99; step >= 1; step = Math.floor(step / 2)) {
    if (ttc.expectedCoverage(samplesFor99 + step, prior) < 0.99) samplesFor99 += step;
  }
  samplesFor99 += 1;
  ttc.showMarkdown(
    [
      `- The synthetic benchmark's mean pass@1 is **${f(meanP)}**; ` +
        `level 1 averages **${f(small[0])}** and level 5 **${f(small[4])}**.`,
      `- A logit shift of ${ttc.LARGER_MODEL_LOGIT_SHIFT} adds ` +
        `**${f(100 * (large[2] - small[2]))}** points on level 3 ` +
        `but only **${f(100 * (large[4] - small[4]))}** on level 5.`,
      `- Perfect-verifier coverage of the benchmark: **${cov(16)}** at N = 16, ` +
        `**${cov(256)}** at 256, **${cov(10000, 4)}** at 10 000. Reaching 99% takes ` +
        `**${samplesFor99}** samples per question on the benchmark, but only ` +
        `**${ttc.samplesForCoverage(prior.alpha / (prior.alpha + prior.beta), 0.99)}** for one question ` +
        `at the same mean pass@1.`,
      `- The Monkeys law fits with a = **${f(fit.a)}**, b = **${f(fit.b)}** (−α = −${prior.alpha}), ` +
        `RMS error **${f(fit.rmse, 2)}**.`,
      `- On level 5 at N = ${n}, majority voting scores **${f(majority5, 2)}** against the larger model's ` +
        `**${f(large[4])}**: without a verifier, sampling more does not help the hardest questions.`,
    ].join("\n"),
  );
}

// %% [markdown]
// ## Solutions
//
// **Exercise 1.** The logistic function of the shifted logit:
//
// ```ts
// const myLargerModelP = (p: number, shift: number) =>
//   1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + shift)));
// ```
//
// At p = 0 the logit is −∞, e^{+∞} = ∞ and the result is 0; at p = 1 the logit is +∞ and the result
// is 1. The library writes the same function as p·e^s / (1 − p + p·e^s), which avoids the
// logarithm.
//
// **Exercise 2.** Sum and count the questions of one level:
//
// ```ts
// const myLevelMean = (level: number) => {
//   let sum = 0;
//   let count = 0;
//   for (let i = 0; i < ps.length; i++) {
//     if (levels[i] === level) {
//       sum += ps[i];
//       count++;
//     }
//   }
//   return sum / count;
// };
// ```
//
// **Exercise 3.** Average the single-question coverage over the benchmark:
//
// ```ts
// const myBenchmarkCoverage = (n: number) => ps.reduce((s, p) => s + (1 - (1 - p) ** n), 0) / ps.length;
// ```
//
// The four closed-form checks pass: the differences are well inside four standard errors (the
// checker prints each one). The difference itself shrinks, since both coverages tend to 1; the
// ratio of the misses 1 − c does not settle, because the benchmark is a
// *fixed* sample of 500 questions. At large N the misses come from its few hardest questions, and
// how many very small p values those 500 draws happened to contain is itself random. The closed
// form averages over all possible benchmarks; a new seed gives a different 500 and a different
// gap. Beyond N of about 1/min(p), the finite benchmark's miss even stops following the power law
// and falls exponentially.
//
// **Exercise 4.** The checker explains the answer once you have predicted: the gain per level is
// largest where p(1 − p) is largest, so the middle levels gain most.

// %% [nav]

// Source of notebooks/04-the-math.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 04 · The math of sampling more: coverage, verifiers, revisions, budgets
//
// Chapter 03 gave the intuitions; this chapter puts formulas under them and checks every formula
// against the library, digit by digit. It ends with an extension the paper does not make: a
// bandit-style (UCB) allocation of one budget across many questions.
//
// **You will learn**
// - coverage 1 − (1 − p)^N, how to compute it without losing digits, and how many samples a
//   target needs;
// - why pass@k needs the unbiased estimator of Chen et al. (2021), and how far the simple plug-in
//   estimate is off;
// - how an imperfect verifier holds best-of-N below coverage, where it tends as N grows, and why
//   voting saturates or even falls;
// - the closed form of a revision chain that both fixes and breaks answers;
// - what a budget of N "generations" costs in tokens, FLOPs and latency for each strategy;
// - what adaptive allocation across questions can and cannot buy (an extension beyond the paper).
//
// **Prerequisites:** chapter 03 (best-of-N and revisions in words). Some probability: independence,
// expectations, the normal distribution.
// **Time:** about 105 minutes (3802 words at 200 a minute and 824 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %% [markdown]
// ## Setup: one import, the library as `ttc`
//
// Every cell below uses only `ttc` and its own local variables, so any cell can be rerun on its
// own after this one.

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## Coverage rises fast, then saturates
//
// Sample N answers to one question, each correct with probability p, independently. **Coverage**
// is the chance that at least one of them is correct. It is what best-of-N would score with a
// perfect verifier, so it is an upper bound for every selection method in this chapter.
//
// The derivation is one line: all N samples are wrong with probability (1 − p)^N, so
//
// $$\text{coverage}(p, N) = 1 - (1 - p)^N.$$
//
// Computed literally, that formula loses digits when p is tiny. The number 1 − p is rounded to
// the nearest double, whose spacing near 1 is about $1.1\times10^{-16}$, so for $p = 10^{-12}$ the
// rounding already changes p in its fifth digit. The library uses the equivalent form
//
// $$\text{coverage}(p, N) = -\operatorname{expm1}\big(N \cdot \operatorname{log1p}(-p)\big),$$
//
// where `log1p(x)` = ln(1 + x) and `expm1(x)` = eˣ − 1 are computed accurately for small x.

// %%
ttc.coverage(0.1, 16);

// %% [markdown]
// ### Build it, then check it: the naive formula loses digits for tiny p
//
// The checker compares absolute differences for results below 1, with a default tolerance of
// 1e-9. Coverage at tiny p is itself tiny, so the cell tightens the tolerance to 1e-15 to let the
// lost digits show. **The ✗ lines are the point of this cell:** the naive formula is fine for
// ordinary p and wrong for tiny p. The table after it counts the correct digits.

// %%
{
  const naiveCoverage = (p: number, n: number) => 1 - (1 - p) ** n;
  ttc.checkAgainst(
    "naive 1 − (1 − p)^N vs ttc.coverage",
    naiveCoverage,
    ttc.coverage,
    [
      [0.1, 16],
      [0.5, 10],
      [1e-6, 1000],
      [1e-12, 1000],
      [1e-17, 1000],
    ],
    { tolerance: 1e-15, digits: 10 },
  );
  ttc.showTable(
    [1e-3, 1e-6, 1e-9, 1e-12, 1e-15, 1e-17].map((p) => {
      const naive = naiveCoverage(p, 1000);
      const stable = ttc.coverage(p, 1000);
      const relError = Math.abs(naive / stable - 1);
      return {
        p,
        N: 1000,
        "naive 1 − (1 − p)^N": ttc.formatNumber(naive, 12),
        "stable −expm1(N·log1p(−p))": ttc.formatNumber(stable, 12),
        "relative error of naive": relError,
        "correct digits of naive": relError === 0 ? "all" : ttc.formatNumber(-Math.log10(relError), 2),
      };
    }),
    { caption: "The naive formula keeps fewer digits as p shrinks", digits: 2 },
  );
}

// %% [markdown]
// The chart shows coverage for three values of p; the x axis is logarithmic because budgets
// double.

// %%
ttc.show(ttc.coverageFigure({ ps: [0.02, 0.1, 0.3], nMax: 256 }));

// %% [markdown]
// **What to notice:** each curve is an S on the log axis. It starts at p, climbs steeply for
// about a decade of N, then flattens just below 1. Halving p shifts the curve right by about one
// doubling of N: a hard question needs proportionally more samples to reach the same coverage.

// %% [markdown]
// ### Samples needed for a target
//
// To reach coverage t, solve (1 − p)^N ≤ 1 − t for N. Taking logarithms gives
// N·ln(1 − p) ≤ ln(1 − t), and dividing by the negative ln(1 − p) flips the inequality:
//
// $$N^\ast = \left\lceil \frac{\ln(1 - t)}{\ln(1 - p)} \right\rceil \approx \frac{-\ln(1 - t)}{p}
// \quad\text{for small } p.$$
//
// For t = 0.99 the rule of thumb is $N^\ast \approx \ln(100)/p$. `ttc.samplesForCoverage` computes
// the exact ceiling and then checks its neighbours, so floating-point rounding cannot move it by one.

// %%
{
  const ps = [0.5, 0.3, 0.1, 0.02, 0.001];
  ttc.showTable(
    ps.map((p) => ({
      p,
      "N for 50%": ttc.samplesForCoverage(p, 0.5),
      "N for 90%": ttc.samplesForCoverage(p, 0.9),
      "N for 99%": ttc.samplesForCoverage(p, 0.99),
      "rule of thumb ln(100)/p": Math.log(100) / p,
    })),
    { caption: "Samples needed for a coverage target (perfect verifier)", digits: 4 },
  );
  ttc.showMarkdown(
    `The rule of thumb is close for small p and too high for large p (at p = 0.5 it says ` +
      `${ttc.formatNumber(Math.log(100) / 0.5, 3)}; ` +
      `the exact answer is ${ttc.samplesForCoverage(0.5, 0.99)}). ` +
      `(The teaching summary's best-of-N example is this coverage, a perfect-verifier ceiling; chapter 05 audits it.)`,
  );
}

// %% [markdown]
// ## pass@k estimates coverage without bias; the plug-in estimate is biased low
//
// In practice p is unknown. We draw n samples per question, count c correct, and want
// coverage(p, k) for some k ≤ n. This is **pass@k**. Two estimators are common.
//
// The **plug-in** estimate replaces p by c/n: $\widehat{\text{pass@}k}_\text{plug} = 1 - (1 - c/n)^k$.
// The function $x \mapsto 1 - (1 - x)^k$ is concave, so by Jensen's inequality its average over
// the random c/n is *below* its value at the average p. The plug-in is biased low.
//
// The **unbiased** estimator (Chen et al. 2021) asks a different question of the same samples:
// if we picked k of the n samples at random, without replacement, how likely is it that none is
// correct? That probability is $\binom{n-c}{k}/\binom{n}{k}$. Averaged over c, a random k-subset
// of n independent samples is just k independent samples, so its expectation is exactly
// $(1 - p)^k$, and
//
// $$\widehat{\text{pass@}k} = 1 - \frac{\binom{n-c}{k}}{\binom{n}{k}}
// = 1 - \prod_{i=n-c+1}^{n}\left(1 - \frac{k}{i}\right)$$
//
// is unbiased for coverage(p, k). The product form (from the reference code `human_eval`) avoids
// the huge binomial coefficients; it is 1 when n − c < k. The table checks the library on cases
// small enough to do by hand (for n = 5, c = 2, k = 3 the ratio is C(3, 3)/C(5, 3)) and against
// the binomial ratio computed from log-gamma with `ttc.logChoose`.

// %%
{
  const cases = [
    [5, 2, 3],
    [10, 3, 5],
    [10, 3, 1],
    [100, 7, 10],
    [200, 3, 100],
  ];
  ttc.showTable(
    cases.map(([n, c, k]) => ({
      n,
      c,
      k,
      "unbiased ttc.passAtK": ttc.passAtK(n, c, k),
      "1 − C(n−c, k)/C(n, k) via logChoose": 1 - Math.exp(ttc.logChoose(n - c, k) - ttc.logChoose(n, k)),
      "plug-in ttc.passAtKPlugIn": ttc.passAtKPlugIn(n, c, k),
    })),
    { caption: "pass@k: the unbiased estimator and the plug-in on the same samples", digits: 6 },
  );
}

// %% [markdown]
// ### The plug-in's bias, shown by simulation
//
// Fix a question with p = 0.1 and n = 20 samples. The cell draws c ~ Binomial(20, 0.1) many
// times (seeded), averages both estimators for every k from 1 to 20, and compares each average
// with the true coverage(0.1, k). The standard error of each average is the sample standard
// deviation over √draws; z = (average − truth)/SE should be within about ±2 for an unbiased
// estimator; the z-scores at different k share the same draws of c, so they move together. As an
// exact cross-check, the plug-in's bias is also computed by summing over the binomial
// distribution of c.

// %%
{
  const n = 20; // samples per question
  const p = 0.1; // true per-sample success probability
  const draws = 20_000; // simulated questions
  const rng = ttc.makeRng("04-the-math/pass-at-k");
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  // Both estimators depend on the draw only through c, so tabulate them once for c = 0 … n.
  const table = {
    unbiased: ks.map((k) => Array.from({ length: n + 1 }, (_, c) => ttc.passAtK(n, c, k))),
    plugIn: ks.map((k) => Array.from({ length: n + 1 }, (_, c) => ttc.passAtKPlugIn(n, c, k))),
  };
  const sum = { unbiased: new Float64Array(n), plugIn: new Float64Array(n) };
  const sumSq = { unbiased: new Float64Array(n), plugIn: new Float64Array(n) };
  for (let t = 0; t < draws; t++) {
    const c = rng.binomial(n, p);
    for (const kind of ["unbiased", "plugIn"] as const) {
      for (const k of ks) {
        const estimate = table[kind][k - 1][c];
        sum[kind][k - 1] += estimate;
        sumSq[kind][k - 1] += estimate * estimate;
      }
    }
  }
  const stats = (kind: "unbiased" | "plugIn") =>
    ks.map((k) => {
      const mean = sum[kind][k - 1] / draws;
      const variance = (sumSq[kind][k - 1] - draws * mean * mean) / (draws - 1);
      return { mean, se: Math.sqrt(Math.max(0, variance) / draws) };
    });
  const unbiased = stats("unbiased");
  const plugIn = stats("plugIn");
  const truth = ks.map((k) => ttc.coverage(p, k));
  // Exact expectation of the plug-in: sum over c of P(c) · estimate(c).
  const exactPlugInBias = ks.map((k) => {
    let e = 0;
    for (let c = 0; c <= n; c++) e += ttc.binomialPmf(n, c, p) * ttc.passAtKPlugIn(n, c, k);
    return e - ttc.coverage(p, k);
  });
  ttc.showTable(
    [1, 2, 5, 10, 20].map((k) => ({
      k,
      "true coverage(p, k)": truth[k - 1],
      "unbiased: mean": unbiased[k - 1].mean,
      "unbiased: SE": unbiased[k - 1].se,
      "unbiased: z": (unbiased[k - 1].mean - truth[k - 1]) / unbiased[k - 1].se,
      "plug-in: mean": plugIn[k - 1].mean,
      "plug-in: SE": plugIn[k - 1].se,
      "plug-in: z": (plugIn[k - 1].mean - truth[k - 1]) / plugIn[k - 1].se,
      "plug-in: exact bias": exactPlugInBias[k - 1],
    })),
    {
      caption: `pass@k estimators averaged over ${draws} seeded draws of c ~ Binomial(${n}, ${p})`,
      digits: 4,
    },
  );
  ttc.show(
    ttc.budgetCurvesFigure({
      title: `Bias of pass@k estimators (n = ${n}, p = ${p}); bars are ±1.96 SE`,
      xTitle: "k in pass@k (log scale)",
      yTitle: "bias = mean estimate − coverage(p, k)",
      percent: false,
      series: [
        {
          name: "plug-in 1 − (1 − c/n)^k, simulated",
          budgets: ks,
          accuracy: ks.map((k) => plugIn[k - 1].mean - truth[k - 1]),
          standardError: plugIn.map((s) => s.se),
        },
        { name: "plug-in, exact expectation", budgets: ks, accuracy: exactPlugInBias, dash: "dot" },
        {
          name: "unbiased 1 − C(n−c, k)/C(n, k), simulated",
          budgets: ks,
          accuracy: ks.map((k) => unbiased[k - 1].mean - truth[k - 1]),
          standardError: unbiased.map((s) => s.se),
        },
      ],
      referenceLines: [{ name: "no bias", y: 0 }],
    }),
  );
}

// %% [markdown]
// **What to notice:** the unbiased estimator's average sits on the zero line at every k, with
// small z-scores. The plug-in agrees at k = 1 (both are c/n there) and then falls further below
// the truth as k grows, with z-scores far outside ±2; its simulated points track the exact
// expectation. The bias grows with k and is worst at k = n, the largest k the samples allow.

// %% [markdown]
// ## An imperfect verifier holds best-of-N below coverage
//
// Best-of-N samples N answers, scores each with a verifier, and returns the top-scored one. The
// library's verifier model (a modelling choice in the spirit of signal-detection theory, not the
// paper's) gives every sample a score: a correct sample scores ~ Normal(d, 1), a wrong one
// ~ Normal(0, 1). The **separation** d sets the verifier's quality; its AUC (the chance that a
// random correct sample outscores a random wrong one) is Φ(d/√2).
//
// **Derivation.** Ties have probability zero, so exactly one sample holds the top score, and the
// N "sample i is on top" events are disjoint. Best-of-N is right iff the top sample is correct.
// Sample i is correct and scores near x with density $p\,\varphi(x - d)$. Every other sample
// scores below x with probability
// $G(x) = p\,\Phi(x - d) + (1 - p)\,\Phi(x)$, independently. Summing over the N choices of i:
//
// $$\text{acc}(N) = N p \int_{-\infty}^{\infty} \varphi(x - d)\,
// \big[p\,\Phi(x - d) + (1 - p)\,\Phi(x)\big]^{N-1}\,dx.$$
//
// Three checks follow from it. With d = 0 every sample has the same score law, so the top sample is
// a random one and acc = p. With d → ∞ a correct sample always wins, and acc → coverage. With
// N = 2, acc = p² + 2p(1 − p)·Φ(d/√2). `ttc.bestOfNAccuracy` evaluates the integral by adaptive
// quadrature. The next cell rebuilds it with a plain Simpson sum and checks the special cases.

// %%
{
  const p = 0.3;
  const d = 1;
  // Simpson's rule on [-10, 10 + d] with 8000 intervals: plenty for this smooth integrand.
  const myBestOfN = (p: number, n: number, d: number) => {
    const lo = -10;
    const hi = 10 + d;
    const m = 8000;
    const h = (hi - lo) / m;
    const f = (x: number) => {
      const g = p * ttc.normalCdf(x - d) + (1 - p) * ttc.normalCdf(x);
      return n * p * ttc.normalPdf(x - d) * Math.exp((n - 1) * Math.log(g));
    };
    let s = f(lo) + f(hi);
    for (let i = 1; i < m; i++) s += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
    return (s * h) / 3;
  };
  ttc.checkAgainst(
    "best-of-N integral, Simpson vs library",
    myBestOfN,
    (p: number, n: number, d: number) => ttc.bestOfNAccuracy(p, n, { separation: d }),
    [
      [p, 2, d],
      [p, 16, d],
      [p, 256, d],
      [0.05, 4096, 2],
    ],
  );
  ttc.checkValue(
    "N = 2: p² + 2p(1 − p)·Φ(d/√2)",
    ttc.bestOfNAccuracy(p, 2, { separation: d }),
    p * p + 2 * p * (1 - p) * ttc.normalCdf(d / Math.SQRT2),
  );
  ttc.checkValue("d = 0: a random verifier gives p", ttc.bestOfNAccuracy(p, 16, { separation: 0 }), p);
  ttc.checkValue(
    "d = 40: a near-perfect verifier gives coverage",
    ttc.bestOfNAccuracy(p, 16, { separation: 40 }),
    ttc.coverage(p, 16),
  );
  ttc.showMarkdown(
    `A separation of d = 1 means AUC ${ttc.formatNumber(ttc.verifierAuc(1), 3)}; ` +
      `d = 2 means AUC ${ttc.formatNumber(ttc.verifierAuc(2), 3)}.`,
  );
}

// %% [markdown]
// ### Exact value against a seeded Monte Carlo
//
// `ttc.simulateBestOfN` draws N samples and their scores, keeps the top one, and repeats. It reads
// every N up to 64 off the same draws (the running maximum), so the estimates at different N are
// correlated. The z-score (estimate − exact)/SE should mostly lie within ±2. The last column is the
// gap to coverage: the accuracy the verifier loses compared with a perfect one.

// %%
{
  const p = 0.3; // per-sample success probability
  const d = 1; // verifier separation (AUC = Φ(d/√2))
  const trials = 20_000; // Monte Carlo repetitions, each draws 64 samples
  const rng = ttc.makeRng("04-the-math/best-of-n");
  const sim = ttc.simulateBestOfN(p, 64, { separation: d, trials, rng });
  const ns = [1, 2, 4, 8, 16, 32, 64];
  ttc.showTable(
    ns.map((n) => {
      const exact = ttc.bestOfNAccuracy(p, n, { separation: d });
      const estimate = sim.accuracy[n - 1];
      const se = sim.standardError[n - 1];
      return {
        N: n,
        "coverage (perfect verifier)": ttc.coverage(p, n),
        "best-of-N exact": exact,
        "best-of-N Monte Carlo": estimate,
        SE: se,
        z: (estimate - exact) / se,
        "gap: coverage − exact": ttc.coverage(p, n) - exact,
      };
    }),
    { caption: `Best-of-N at p = ${p}, d = ${d}: exact integral vs ${trials} seeded trials`, digits: 4 },
  );
  const budgets = [1, 2, 4, 8, 16, 32, 64, 128, 256];
  ttc.show(
    ttc.budgetCurvesFigure({
      title: `Best-of-N with an imperfect verifier vs coverage (p = ${p})`,
      xTitle: "samples per question N (log scale)",
      yTitle: "accuracy: P(returned answer is correct)",
      series: [
        {
          name: "coverage (perfect verifier)",
          budgets,
          accuracy: budgets.map((n) => ttc.coverage(p, n)),
          dash: "dash",
        },
        {
          name: "best-of-N, d = 2 (exact)",
          budgets,
          accuracy: budgets.map((n) => ttc.bestOfNAccuracy(p, n, { separation: 2 })),
        },
        {
          name: "best-of-N, d = 1 (exact)",
          budgets,
          accuracy: budgets.map((n) => ttc.bestOfNAccuracy(p, n, { separation: d })),
        },
        {
          name: "best-of-N, d = 1 (Monte Carlo, ±1.96 SE)",
          budgets: ns,
          accuracy: ns.map((n) => sim.accuracy[n - 1]),
          standardError: ns.map((n) => sim.standardError[n - 1]),
          dash: "dot",
        },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** the simulated points sit on the exact d = 1 curve within their error bars.
// Both verifier curves rise more slowly than coverage, and the gap first widens, then narrows only
// slowly; a better verifier (d = 2) closes much of it. Coverage is the ceiling, not the forecast.

// %% [markdown]
// ### Slide p: the harder the question, the more an imperfect verifier leaves on the table
//
// The gap to coverage depends on the question as much as on the verifier. The chart precomputes
// coverage and the exact best-of-N curves for d = 1 and d = 2 at values of p from 0.02 (solved
// about once in fifty samples) to 0.9; the slider picks p and starts at the p = 0.3 used above.
// The table under it gives, for each p, the largest gap between coverage and best-of-N on the
// chart's grid of N, and the N where it occurs.

// %%
{
  const ps = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]; // per-sample success probabilities
  const ns = [1, 2, 4, 8, 16, 32, 64, 128, 256]; // samples per question
  const rows = ps.map((p) => ({
    p,
    coverage: ttc.coverageCurve(p, ns),
    d1: ns.map((n) => ttc.bestOfNAccuracy(p, n, { separation: 1 })),
    d2: ns.map((n) => ttc.bestOfNAccuracy(p, n, { separation: 2 })),
  }));
  ttc.show(
    ttc.sliderFigure({
      title: "Best-of-N against coverage, for a chosen per-sample success probability p",
      xAxis: { title: "samples per question N (log scale)", log: true },
      yAxis: { title: "accuracy: P(returned answer is correct)", range: [0, 1], percent: true },
      sliderLabel: "per-sample success probability p",
      active: ps.indexOf(0.3),
      steps: rows.map((r) => ({
        label: String(r.p),
        series: [
          { name: `coverage (perfect verifier), p = ${r.p}`, x: ns, y: r.coverage },
          { name: "best-of-N, d = 2 (exact)", x: ns, y: r.d2 },
          { name: "best-of-N, d = 1 (exact)", x: ns, y: r.d1 },
        ],
      })),
    }),
  );
  const largestGap = (cov: number[], acc: number[]) => {
    const gaps = cov.map((c, i) => c - acc[i]);
    const i = gaps.indexOf(Math.max(...gaps));
    return { gap: gaps[i], n: ns[i] };
  };
  ttc.showTable(
    rows.map((r) => {
      const g1 = largestGap(r.coverage, r.d1);
      const g2 = largestGap(r.coverage, r.d2);
      return {
        p: r.p,
        "largest gap, d = 1": g1.gap,
        "at N (d = 1)": g1.n,
        "largest gap, d = 2": g2.gap,
        "at N (d = 2)": g2.n,
      };
    }),
    { caption: `Largest gap coverage − best-of-N over N = 1 … ${ns[ns.length - 1]}`, digits: 3 },
  );
}

// %% [markdown]
// **What to notice:** as p falls, the d = 1 curve drops further below coverage and its largest
// gap moves to larger N — for the hardest question it is still growing at the right edge of the
// chart. For an easy question both verifiers sit close to coverage at every N, because most
// samples are correct and the top score rarely lands on a wrong one. A better verifier shrinks
// the gap at every p, but hard questions are where verifier quality matters most.

// %% [markdown]
// ## Without label noise best-of-N creeps towards 1; with label noise it plateaus
//
// Where does best-of-N go as N → ∞? The top score grows without bound, so the answer is the
// chance that a sample with a very high score is correct. Far out in the tail, the score component
// with the largest mean dominates, because φ(x)/φ(x − d) = exp(−dx + d²/2) → 0.
//
// - **Pure model:** only correct samples have mean d > 0, so the limit is **1**. The climb is
//   very slow: the top score grows like √(2 ln N), and the error shrinks roughly like
//   exp(−d·√(2 ln N)), slower than any power of N.
// - **Label noise η** (the verifier's judgement of a sample is flipped with probability η): truly
//   correct samples are judged correct with probability 1 − η, and wrong ones with probability η.
//   Both groups then score around d, and the limit is their share of that top component:
//
// $$\lim_{N\to\infty}\text{acc}(N) = \frac{p(1 - \eta)}{p(1 - \eta) + (1 - p)\eta}.$$
//
// The plateau is the precision of the verifier's "correct" label. The cell checks the formula
// against `ttc.bestOfNLimit` and tabulates the climb up to N = 10¹².

// %%
{
  const p = 0.1;
  const d = 1;
  const etas = [0, 0.05, 0.1];
  const plateau = (eta: number) => (p * (1 - eta)) / (p * (1 - eta) + (1 - p) * eta);
  for (const eta of etas) {
    ttc.checkValue(
      `limit at η = ${eta}`,
      plateau(eta),
      ttc.bestOfNLimit(p, { separation: d, labelNoise: eta }),
    );
  }
  const ns = [1, 16, 256, 1e4, 1e6, 1e9, 1e12];
  ttc.showTable(
    [
      ...ns.map((n) => ({
        N: ttc.formatNumber(n, 3),
        "η = 0": ttc.bestOfNAccuracy(p, n, { separation: d, labelNoise: 0 }),
        "η = 0.05": ttc.bestOfNAccuracy(p, n, { separation: d, labelNoise: 0.05 }),
        "η = 0.1": ttc.bestOfNAccuracy(p, n, { separation: d, labelNoise: 0.1 }),
        coverage: ttc.coverage(p, n),
      })),
      {
        N: "limit N → ∞",
        "η = 0": ttc.bestOfNLimit(p, { separation: d }),
        "η = 0.05": ttc.bestOfNLimit(p, { separation: d, labelNoise: 0.05 }),
        "η = 0.1": ttc.bestOfNLimit(p, { separation: d, labelNoise: 0.1 }),
        coverage: 1,
      },
    ],
    { caption: `Best-of-N accuracy at p = ${p}, d = ${d}, for three label-noise rates η`, digits: 4 },
  );
}

// %% [markdown]
// The chart follows the same three curves over twelve decades of N, with each plateau dashed.

// %%
{
  const p = 0.1;
  const d = 1;
  const ns = Array.from({ length: 49 }, (_, i) => Math.round(10 ** (i / 4))); // 1 … 1e12, 4 per decade
  const etas = [0, 0.05, 0.1];
  ttc.show(
    ttc.lineFigure({
      title: `Best-of-N as N grows: slow climb to 1, or a plateau under label noise (p = ${p}, d = ${d})`,
      xAxis: { title: "samples per question N (log scale)", log: true },
      yAxis: { title: "best-of-N accuracy", range: [0, 1], percent: true },
      series: [
        { name: "coverage", x: ns, y: ns.map((n) => ttc.coverage(p, n)), dash: "dash", color: "#888888" },
        ...etas.map((eta) => ({
          name: `best-of-N, η = ${eta}`,
          x: ns,
          y: ns.map((n) => ttc.bestOfNAccuracy(p, n, { separation: d, labelNoise: eta })),
        })),
        ...etas
          .filter((eta) => eta > 0)
          .map((eta) => ({
            name: `plateau p(1−η)/(p(1−η)+(1−p)η), η = ${eta}`,
            x: [1, 1e12],
            y: [1, 1].map(() => ttc.bestOfNLimit(p, { separation: d, labelNoise: eta })),
            dash: "dot" as const,
          })),
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** coverage is indistinguishable from 1 within a few hundred samples, while the
// noiseless verifier is still short of 1 at a trillion. A little label noise turns that slow
// climb into a hard ceiling, and the curves level off at their dashed plateaus.
// More samples cannot fix a verifier that sometimes prefers wrong answers.

// %% [markdown]
// ## Voting saturates, and can even fall as N grows
//
// Majority voting returns the most common answer among N samples; weighted voting sums verifier
// scores per answer. Wu et al. (2024) prove that both converge as N → ∞ to a limit fixed by the
// model's answer distribution (reward-weighted for weighted voting). On one question the limit is
// all or nothing: 1 if the correct answer is the single most likely answer, 0 if a wrong answer is
// more likely. The table shows both cases with the library's default wrong-answer distribution,
// where the most common wrong answer gets half of the wrong mass, (1 − p)/2.

// %%
{
  const ns = [1, 4, 16, 64, 256];
  ttc.showTable(
    [0.3, 0.4].map((p) => {
      const q = ttc.makeQuestion(p);
      const row: Record<string, number | string> = {
        "p (correct)": p,
        "top wrong answer": ttc.answerDistribution(q)[1],
      };
      for (const n of ns) row[`N = ${n}`] = ttc.majorityVoteAccuracy(q, n).accuracy;
      return row;
    }),
    { caption: "Exact majority-vote accuracy on one question", digits: 4 },
  );
}

// %% [markdown]
// The question at p = 0.3 first gains from voting, because its wrong answers are split among
// several distractors, and then loses: its most common wrong answer is more likely than the right
// one, and a large vote elects it. The question at p = 0.4 climbs towards certainty.
//
// Over a whole benchmark the two kinds of question mix, and the total can rise and then fall.
// Chen et al. (2024) model this with two levels: a share α of "easy" queries where one call is
// right with probability p1 > ½ and the rest "hard" with p2 < ½, binary answers and an odd number
// K of calls:
//
// $$F(K) = \alpha\, P\big(\text{Bin}(K, p_1) \ge \tfrac{K+1}{2}\big)
// + (1 - \alpha)\, P\big(\text{Bin}(K, p_2) \ge \tfrac{K+1}{2}\big)
// \;\xrightarrow{K\to\infty}\; \alpha.$$
//
// With t = p2(1−p2)(½−p2) / [p1(1−p1)(p1−½)] + 1, F(3) > F(1) exactly when α > 1 − 1/t, and for
// large K the curve falls if p1 + p2 > 1 and rises if p1 + p2 < 1. So: inverse-U or decreasing
// when p1 + p2 > 1; U-shaped or increasing when p1 + p2 < 1. These conditions are our own
// derivation, not quoted from the paper (whose theorem statement we have not checked); a widely read
// secondary summary states them with the α inequalities swapped. The cell tests
// `ttc.twoLevelVoteAccuracy` and `ttc.twoLevelVoteShape` against reference values computed
// independently for this workbook (to 4 decimals), and checks monotonicity directly from F over
// K = 1…201.

// %%
{
  const F = ttc.twoLevelVoteAccuracy;
  const oddK = Array.from({ length: 101 }, (_, i) => 2 * i + 1); // K = 1, 3, …, 201
  const monotone = (a: number, p1: number, p2: number, dir: "up" | "down") =>
    oddK
      .slice(1)
      .every((k) =>
        dir === "up" ? F(a, p1, p2, k) > F(a, p1, p2, k - 2) : F(a, p1, p2, k) < F(a, p1, p2, k - 2),
      );
  const tol = 5e-5; // the reference values have 4 decimals: half a unit in the last place
  type Row = {
    case: string;
    quantity: string;
    expected: number | string;
    library: number | string;
    ok: boolean;
  };
  const num = (c: string, q: string, expected: number, library: number): Row => ({
    case: c,
    quantity: q,
    expected,
    library,
    ok: Math.abs(library - expected) <= tol,
  });
  const is = (c: string, q: string, expected: string | number, library: string | number): Row => ({
    case: c,
    quantity: q,
    expected,
    library,
    ok: expected === library,
  });
  const A = "α=0.6, p1=0.9, p2=0.3";
  const B = "α=0.5, p1=0.9, p2=0.3";
  const C = "α=0.3, p1=0.7, p2=0.1";
  const D = "α=0.6, p1=0.7, p2=0.1";
  const sA = ttc.twoLevelVoteShape(0.6, 0.9, 0.3);
  const sB = ttc.twoLevelVoteShape(0.5, 0.9, 0.3);
  const sC = ttc.twoLevelVoteShape(0.3, 0.7, 0.1);
  const sD = ttc.twoLevelVoteShape(0.6, 0.7, 0.1);
  const rows: Row[] = [
    num(A, "threshold 1 − 1/t", 0.5385, sA.threshold),
    num(A, "F(1)", 0.66, F(0.6, 0.9, 0.3, 1)),
    num(A, "F(3), the peak", 0.6696, F(0.6, 0.9, 0.3, 3)),
    is(A, "shape, K of the peak", "inverse-U, 3", `${sA.shape}, ${sA.extremeK}`),
    num(A, "F(59)", 0.6003, F(0.6, 0.9, 0.3, 59)),
    num(B, "F(1)", 0.6, F(0.5, 0.9, 0.3, 1)),
    is(B, "shape", "decreasing", sB.shape),
    is(B, "F strictly falls over K = 1…201", "true", String(monotone(0.5, 0.9, 0.3, "down"))),
    num(B, "limit α", 0.5, sB.limit),
    num(C, "threshold 1 − 1/t", 0.4615, sC.threshold),
    num(C, "F(1)", 0.28, F(0.3, 0.7, 0.1, 1)),
    num(C, "F(3), the minimum", 0.2548, F(0.3, 0.7, 0.1, 3)),
    is(C, "shape, K of the minimum", "U, 3", `${sC.shape}, ${sC.extremeK}`),
    num(C, "limit α", 0.3, sC.limit),
    num(D, "F(1)", 0.46, F(0.6, 0.7, 0.1, 1)),
    is(D, "shape", "increasing", sD.shape),
    is(D, "F strictly rises over K = 1…201", "true", String(monotone(0.6, 0.7, 0.1, "up"))),
    num(D, "limit α", 0.6, sD.limit),
  ];
  ttc.showTable(
    rows.map((r) => ({ ...r, ok: r.ok ? "✓" : "✗" })),
    {
      caption: "Chen et al. (2024) two-level voting: library vs independently computed reference values",
      digits: 6,
    },
  );
  const failed = rows.filter((r) => !r.ok).length;
  console.log(
    failed === 0
      ? `✓ all ${rows.length} test-vector checks pass`
      : `✗ ${failed} of ${rows.length} checks fail`,
  );
}

// %% [markdown]
// The chart draws F(K) for the four cases; K is odd so majority votes never tie.

// %%
{
  const oddK = Array.from({ length: 101 }, (_, i) => 2 * i + 1);
  const cases: [number, number, number][] = [
    [0.6, 0.9, 0.3],
    [0.5, 0.9, 0.3],
    [0.3, 0.7, 0.1],
    [0.6, 0.7, 0.1],
  ];
  ttc.show(
    ttc.lineFigure({
      title: "Two-level voting model (Chen et al. 2024): accuracy can rise, fall, or both",
      xAxis: { title: "calls per query K (odd, log scale)", log: true },
      yAxis: { title: "majority-vote accuracy F(K)", percent: true },
      series: cases.map(([a, p1, p2]) => {
        const shape = ttc.twoLevelVoteShape(a, p1, p2).shape;
        return {
          name: `α = ${a}, p1 = ${p1}, p2 = ${p2} (${shape})`,
          x: oddK,
          y: oddK.map((k) => ttc.twoLevelVoteAccuracy(a, p1, p2, k)),
          mode: "lines+markers" as const,
        };
      }),
    }),
  );
}

// %% [markdown]
// **What to notice:** every curve ends at its α, the share of easy queries, because voting makes
// easy queries certain and hard ones hopeless. Whether the curve gets there from above or below,
// and whether it overshoots first, depends on α and on how far p1 and p2 sit from ½. In the
// inverse-U case the best number of calls is tiny (the peak in the table above), and more calls
// make the system worse.

// %% [markdown]
// ## A revision chain that fixes and breaks answers has a closed form
//
// The paper's revision model does not only improve answers: used naively, it turns about 38% of
// correct answers into incorrect ones at the next revision (Snell et al. 2024, §6.1). The simplest model
// that captures both effects is a two-state Markov chain. Each revision turns a wrong answer right
// with probability **fix** and a right answer wrong with probability **break**. Let a_k be pass@1
// of the k-th attempt, a_1 = p0. Then
//
// $$a_{k+1} = a_k(1 - \text{break}) + (1 - a_k)\,\text{fix} = \text{fix} + \rho\, a_k,
// \qquad \rho = 1 - \text{fix} - \text{break}.$$
//
// The fixed point L solves L = fix + ρL, so L = fix / (fix + break). Subtracting the two equations
// gives a_{k+1} − L = ρ(a_k − L), hence
//
// $$a_k = L + (p_0 - L)\,\rho^{\,k-1},\qquad L = \frac{\text{fix}}{\text{fix} + \text{break}}.$$
//
// pass@1 moves geometrically from p0 to L, whatever p0 is. It oscillates around L when
// fix + break > 1 (ρ < 0). Revisions help pass@1 only if L > p0, that is fix·(1 − p0) > break·p0.
// (If fix = break = 0 nothing changes and a_k = p0.) The cell checks the library's closed form
// against the recursion run step by step.

// %%
{
  const recursion = (p0: number, rates: ttc.MarkovRevisionRates, k: number) => {
    let a = p0;
    for (let i = 1; i < k; i++) a = a * (1 - rates.breakRate) + (1 - a) * rates.fix;
    return a;
  };
  ttc.checkAgainst("markovRevisionAccuracy vs the recursion", recursion, ttc.markovRevisionAccuracy, [
    [0.1, { fix: 0.15, breakRate: 0.05 }, 10],
    [0.9, { fix: 0.15, breakRate: 0.05 }, 10],
    [0.3, { fix: 0.15, breakRate: 0.38 }, 5],
    [0.2, { fix: 0.9, breakRate: 0.6 }, 7],
    [0.4, { fix: 0, breakRate: 0 }, 12],
  ]);
  const rates = { fix: 0.15, breakRate: 0.05 };
  const f = ttc.formatNumber;
  const naiveBreak = 0.38; // the paper's share of correct answers broken by a naive revision
  ttc.showMarkdown(
    `With fix = ${rates.fix} and break = ${rates.breakRate}, the limit is ` +
      `L = ${f(ttc.markovRevisionLimit(0.1, rates), 4)}, and the tenth attempt from p0 = 0.1 is at ` +
      `${f(ttc.markovRevisionAccuracy(0.1, rates, 10), 4)}. ` +
      `With the naive break rate of ${naiveBreak}, revisions help a question at p0 = 0.3 only if ` +
      `fix > ${f((naiveBreak * 0.3) / 0.7, 3)}.\n\n` +
      `The teaching summary's linear model (p0 = 0.1, +0.05 per round) does not give ` +
      `"≈ 0.65 after 10 rounds": it gives p_10 = ${f(ttc.linearRevisionAccuracy(0.1, 0.05, 10), 4)}. ` +
      `The 0.65 matches coverage(0.1, 10) = ${f(ttc.coverage(0.1, 10), 4)}, ` +
      `ten *parallel* samples with a perfect checker.`,
  );
}

// %%
{
  const rounds = 30;
  const ks = Array.from({ length: rounds }, (_, i) => i + 1);
  const settings = [
    { label: "fix 0.15, break 0.05", rates: { fix: 0.15, breakRate: 0.05 }, dash: "solid" as const },
    { label: "fix 0.15, break 0.38", rates: { fix: 0.15, breakRate: 0.38 }, dash: "dash" as const },
  ];
  ttc.show(
    ttc.lineFigure({
      title: "Two-state revision chain: pass@1 forgets where it started",
      xAxis: { title: "attempt k (1 = first answer, then one revision per round)" },
      yAxis: { title: "pass@1 of attempt k", range: [0, 1], percent: true },
      series: settings.flatMap((s) =>
        [0.1, 0.9].map((p0) => ({
          name: `${s.label}, p0 = ${p0}`,
          x: ks,
          y: Array.from(ttc.markovRevisionCurve(p0, s.rates, rounds)),
          dash: s.dash,
        })),
      ),
    }),
  );
}

// %% [markdown]
// **What to notice:** the two starting points of each setting converge to the same limit; the gap
// between them shrinks by the factor ρ every round, so the start is forgotten. A high break rate
// drags the limit far down, so a revision model that breaks what it touches makes good first
// answers worse. Pass@1 of the last attempt is not the whole story either: the paper selects
// across attempts with a verifier or a majority vote, as chapter 03 showed.
//
// **Why the limit at the paper's break rate is not one number.** The paper reports the break rate
// (about 38%) but no fix rate, and L = fix / (fix + break) needs both. So every limit "at the
// paper's break rate" in this workbook depends on a fix rate we chose: this chart picks one to
// show the shape, chapter 05 picks the fix rate that reproduces the teaching summary's first
// gain (+0.05 from p0 = 0.1), and chapter 09's table uses a round value. The limits differ because
// the assumed fix rate does; the break rate and the formula are the same.

// %% [markdown]
// ## The same N can mean very different bills
//
// The paper's budget axis counts **generations**: one generation is the tokens of one full
// solution. Best-of-N, beam search with N beams and diverse verifier tree search (DVTS) all cost N.
// Lookahead search rolls every candidate step out k more steps before scoring it, so it costs
// **N(k + 1)** generations (an upper bound; rollouts stop at the end of a solution). Revisions cost
// sequential × parallel.
//
// Generations turn into other units as follows.
// - **Tokens**: generations × tokens per solution.
// - **FLOPs**: 2·N_params per generated token (arXiv v1, Y = 2·N·D); the ICLR version doubles it
//   to account for the verifier (Y = 4·N·D).
// - **Latency**: what must happen one after another. Parallel samples cost one generation of wall
//   time; a chain of L revisions costs L; lookahead costs k + 1. Step-level search also waits on
//   the verifier once per step.
//
// The table uses a 1B-parameter generator, 500-token solutions and 10 steps per solution (our
// assumptions), and converts serial depth to seconds at 50 tokens per second (also ours).

// %%
{
  const params = 1e9; // generator parameters
  const tokensPerSolution = 500; // tokens in one full solution
  const tokensPerSecond = 50; // decoding speed of one sequence
  const options = { stepsPerSolution: 10, tokensPerGeneration: tokensPerSolution, params };
  const specs: [string, ttc.StrategySpec][] = [
    ["greedy", { kind: "greedy" }],
    ["best-of-N, N = 16", { kind: "best-of-n", n: 16 }],
    ["beam search, N = 16, M = 4", { kind: "beam", n: 16, beamWidth: 4 }],
    ["DVTS, N = 16, M = 4", { kind: "dvts", n: 16, beamWidth: 4 }],
    ["lookahead, N = 16, M = 4, k = 1", { kind: "lookahead", n: 16, beamWidth: 4, k: 1 }],
    ["lookahead, N = 16, M = 4, k = 3", { kind: "lookahead", n: 16, beamWidth: 4, k: 3 }],
    ["revisions, 4 chains × 4", { kind: "revision", sequential: 4, parallel: 4 }],
    ["revisions, 1 chain × 16", { kind: "revision", sequential: 16, parallel: 1 }],
  ];
  ttc.showTable(
    specs.map(([label, spec]) => {
      const v1 = ttc.strategyCost(spec, options);
      const iclr = ttc.strategyCost(spec, { ...options, verifierFactor: 2 });
      return {
        strategy: label,
        generations: v1.generations,
        tokens: v1.tokens,
        "FLOPs (v1)": v1.flops,
        "FLOPs (ICLR, verifier ×2)": iclr.flops,
        "verifier calls": v1.verifierCalls,
        "serial depth (generations)": v1.serialDepth,
        "latency (s)": (v1.serialDepth * tokensPerSolution) / tokensPerSecond,
        "verifier round trips": v1.verifierRounds,
      };
    }),
    { caption: "What one question costs under each strategy (ttc.strategyCost)", digits: 3 },
  );
  const n = 16;
  const lookahead = (n: number, k: number) =>
    ttc.strategyCost({ kind: "lookahead", n, beamWidth: 4, k }).generations;
  ttc.checkAgainst("lookahead generations = N(k + 1)", (n: number, k: number) => n * (k + 1), lookahead, [
    [n, 0],
    [n, 1],
    [n, 3],
    [256, 3],
  ]);
}

// %% [markdown]
// The chart puts the two axes side by side: total work in generations, and wall-clock depth in
// generations, for the strategies of the table.

// %%
{
  const specs: [string, ttc.StrategySpec][] = [
    ["best-of-N 16", { kind: "best-of-n", n: 16 }],
    ["beam 16", { kind: "beam", n: 16, beamWidth: 4 }],
    ["lookahead 16, k=1", { kind: "lookahead", n: 16, beamWidth: 4, k: 1 }],
    ["lookahead 16, k=3", { kind: "lookahead", n: 16, beamWidth: 4, k: 3 }],
    ["revisions 4×4", { kind: "revision", sequential: 4, parallel: 4 }],
    ["revisions 16×1", { kind: "revision", sequential: 16, parallel: 1 }],
  ];
  const costs = specs.map(([, s]) => ttc.strategyCost(s));
  ttc.show(
    ttc.barFigure({
      title: "Work vs wait: the same nominal N = 16, different bills",
      categories: specs.map(([label]) => label),
      xAxis: { title: "strategy" },
      yAxis: { title: "generation-equivalents (one = one full solution)" },
      series: [
        { name: "total work: generations", values: costs.map((c) => c.generations) },
        { name: "latency: serial depth", values: costs.map((c) => c.serialDepth) },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** best-of-N and beam search do the same work with the least waiting (beam
// search also waits on the verifier once per step, which the bars leave out); lookahead
// multiplies the work by k + 1, which is why it loses at equal budget in the paper; one long
// revision chain does the same work as best-of-N but waits for all of it in sequence. Best-of-N is
// the most parallel strategy here (chapter 05 audits the teaching summary's speed column).

// %% [markdown]
// ## Extension beyond the paper: adaptive allocation across questions (UCB)
//
// **This section goes beyond Snell et al.** The paper picks a strategy per *difficulty bin* in
// advance and uses no bandit; it names "spend compute estimating difficulty vs spend it solving"
// as future work (arXiv v1, §3.2). Zuo & Zhu (2025, arXiv 2506.12721) treat a batch of queries as
// a pure-exploration bandit: sample, check, stop spending on a query once it is solved, and favour
// the ones that look solvable. They report gains of up to +11.10 points on MATH-500 over uniform
// allocation. The teaching summary lists "UCB search" under this chapter; here it is a model of
// allocation across questions, and every number comes from our synthetic benchmark, not from
// either paper.
//
// Setup: 500 synthetic questions with pass@1 drawn from a Beta(0.6, 0.9) prior, a budget of B
// samples per question on average, and an **oracle check** (each sample is known to be right or
// wrong). Four policies:
// - **uniform**: every question gets B samples. Exact: mean of 1 − (1 − p_i)^B.
// - **stop-when-solved**: round-robin over the unsolved questions until the budget is gone.
// - **UCB, no prior**: sample the unsolved question with the highest optimistic estimate
//   (posterior mean + one posterior SD, from a Beta posterior) that its next sample succeeds.
// - **UCB with a difficulty prior**: the same, starting from a guess of each p_i. "Rough" is the
//   true p_i blurred by Normal(0, 1) noise on the logit scale, our stand-in for predicted
//   difficulty; "true p" is an oracle prior, an upper reference. Neither prior's cost is charged,
//   just as the paper does not charge for its difficulty bins.
//
// **The library's finding:** under an oracle check, a failed sample says nothing about one
// question that it would not say about any other. Without a prior the UCB index depends only on
// how many samples a question has had, so **UCB makes exactly the round-robin choices**. It can
// only do better when it is told something about difficulty in advance.

// %%
{
  const bench = ttc.makeBenchmark({ seed: "04-the-math" }); // 500 questions, p ~ Beta(0.6, 0.9)
  const ps = Array.from(ttc.passRates(bench));
  const priorRng = ttc.makeRng("04-the-math/prior");
  const clip = (x: number) => Math.min(0.999, Math.max(0.001, x));
  const logit = (x: number) => Math.log(x / (1 - x));
  const roughPrior = ps.map((p) => clip(1 / (1 + Math.exp(-(logit(clip(p)) + priorRng.normal(0, 1))))));
  const truePrior = ps.map(clip);
  const trials = 50; // repetitions of the whole batch per policy and budget
  const perQuestion = [1, 2, 4, 8, 16];
  const results = perQuestion.map((b) => {
    const budget = b * ps.length;
    const run = (extra: Record<string, unknown>) =>
      ttc.adaptiveAllocation(ps, budget, { rng: ttc.makeRng(`04-the-math/alloc/${b}`), trials, ...extra });
    const sws = run({ policy: "stop-when-solved" });
    const ucb = run({ policy: "ucb" });
    return {
      b,
      uniform: ttc.uniformAllocationExact(ps, budget).accuracy,
      sws,
      ucb,
      ucbRough: run({ policy: "ucb", priorMeans: roughPrior }),
      ucbTrue: run({ policy: "ucb", priorMeans: truePrior }),
      identical:
        sws.accuracy === ucb.accuracy &&
        sws.samplesPerQuestion.every((x, i) => x === ucb.samplesPerQuestion[i]),
    };
  });
  const pm = (r: ttc.AllocationResult) =>
    `${ttc.formatNumber(r.accuracy, 4)} ± ${ttc.formatNumber(r.standardError, 2)}`;
  ttc.showTable(
    results.map((r) => ({
      "samples per question": r.b,
      "uniform (exact)": ttc.formatNumber(r.uniform, 4),
      "stop-when-solved": pm(r.sws),
      "UCB, no prior": pm(r.ucb),
      "UCB, rough prior": pm(r.ucbRough),
      "UCB, true-p prior": pm(r.ucbTrue),
      "UCB (no prior) = round-robin?": r.identical ? "identical ✓" : "differs ✗",
    })),
    { caption: `Fraction of ${ps.length} questions solved (mean ± SE over ${trials} seeded batches)` },
  );
  const series = [
    {
      name: "uniform (exact)",
      get: (r: (typeof results)[number]) => ({ accuracy: r.uniform, standardError: 0 }),
    },
    { name: "stop-when-solved = UCB without prior", get: (r: (typeof results)[number]) => r.sws },
    { name: "UCB, rough difficulty prior", get: (r: (typeof results)[number]) => r.ucbRough },
    { name: "UCB, true-p prior (oracle)", get: (r: (typeof results)[number]) => r.ucbTrue },
  ];
  ttc.show(
    ttc.budgetCurvesFigure({
      title: "Adaptive allocation across 500 synthetic questions (extension beyond the paper)",
      xTitle: "average samples per question (log scale)",
      yTitle: "fraction of questions solved (oracle check)",
      series: series.map((s) => ({
        name: s.name,
        budgets: perQuestion,
        accuracy: results.map((r) => s.get(r).accuracy),
        standardError: results.map((r) => s.get(r).standardError),
      })),
    }),
  );
}

// %% [markdown]
// **What to notice:** stopping when solved is the big win: samples that uniform allocation wastes
// on already-solved questions go to open ones. UCB without a prior is the same line, choice for
// choice. A difficulty prior helps most at small budgets, where it steers samples away from
// questions that look hopeless; as the budget grows every policy solves nearly everything that
// can be solved and the lines close up. With a learned verifier instead of an oracle check, "solved"
// is uncertain and stopping early can stop on a wrong answer; the model ignores that.

// %% [markdown]
// ## Try changing this
//
// Change the knobs and rerun the cell; it recomputes the chart and the numbers.
// - Lower `separation` towards 0 and watch best-of-N fall to p (a random verifier).
// - Raise `labelNoise` and watch the plateau drop; at 0.5 the verifier is random.
// - Make `p` small: coverage needs more samples, and the verifier's gap grows.

// %%
{
  const p = 0.2; // per-sample success probability, 0 … 1
  const nMax = 1024; // largest N on the chart, a power of two from 2 to 2^20
  const separation = 1.5; // verifier separation d, 0 … ~4 (AUC = Φ(d/√2))
  const labelNoise = 0.05; // chance the verifier's judgement is flipped, 0 … 0.5

  const verifier = { separation, labelNoise };
  const budgets = Array.from({ length: Math.round(Math.log2(nMax)) + 1 }, (_, i) => 2 ** i);
  const bon = budgets.map((n) => ttc.bestOfNAccuracy(p, n, verifier));
  const limit = ttc.bestOfNLimit(p, verifier);
  ttc.show(
    ttc.budgetCurvesFigure({
      title: `Best-of-N vs coverage: p = ${p}, d = ${separation}, η = ${labelNoise}`,
      xTitle: "samples per question N (log scale)",
      yTitle: "accuracy",
      series: [
        {
          name: "coverage (perfect verifier)",
          budgets,
          accuracy: budgets.map((n) => ttc.coverage(p, n)),
          dash: "dash",
        },
        { name: "best-of-N (exact)", budgets, accuracy: bon },
      ],
      referenceLines: [{ name: "best-of-N limit as N → ∞", y: limit }],
    }),
  );
  const last = budgets[budgets.length - 1];
  ttc.showMarkdown(
    `Verifier AUC **${ttc.formatNumber(ttc.verifierAuc(separation), 3)}**. ` +
      `At N = ${last}: coverage **${ttc.formatNumber(ttc.coverage(p, last), 4)}**, best-of-N ` +
      `**${ttc.formatNumber(bon[bon.length - 1], 4)}**, gap ` +
      `**${ttc.formatNumber(ttc.coverage(p, last) - bon[bon.length - 1], 3)}**. ` +
      `Limit as N → ∞: **${ttc.formatNumber(limit, 4)}**. ` +
      `Samples for 90% coverage: **${ttc.samplesForCoverage(p, 0.9)}**.`,
  );
}

// %% [markdown]
// ## Bad input gets a clear error
//
// Every library function checks its arguments and names the one that is wrong. `ttc.showError`
// runs a call and prints the error instead of stopping the notebook.

// %%
ttc.showError(() => ttc.passAtK(10, 3, 12)); // k cannot exceed the n samples drawn
ttc.showError(() => ttc.bestOfNAccuracy(0.3, 16, { separation: 1, labelNoise: 0.7 })); // η > 0.5
ttc.showError(() => ttc.twoLevelVoteAccuracy(0.6, 0.9, 0.3, 4)); // K must be odd

// %% [markdown]
// ## Exercises
//
// 1. **pass@k from scratch.** Write the unbiased estimator 1 − C(n − c, k)/C(n, k) and check it
//    against `ttc.passAtK`, including n = 2000, where the binomial coefficients overflow a double.
//    *Hint:* the ratio is a product of k (or c) factors; it is 1 when n − c < k.
// 2. **The revision chain in closed form.** Write a_k = L + (p0 − L)·ρ^(k−1) and check it against
//    `ttc.markovRevisionAccuracy`. *Hint:* handle fix = break = 0, where L is 0/0.
// 3. **Samples for 99% coverage.** The rule of thumb is ln(100)/p. Make it exact.
//    *Hint:* the derivation in the coverage section; p = 1 needs one sample.
// 4. **Predict, then run: where best-of-N levels off.** At p = 0.2 with an AUC-0.9 verifier whose
//    judgements are flipped with probability η = 0.2, predict (a) the accuracy plain best-of-N
//    tends to as N → ∞ (within ±0.02) and (b) whether raising the AUC to 0.99 raises that limit
//    (`"yes"` or `"no"`). *Hint:* the section on label noise.

// %%
// Exercise 1: replace the body (the biased plug-in 1 − (1 − c/n)^k is not the answer).
{
  const myPassAtK = (n: number, c: number, k: number): number => undefined; // ← your turn
  ttc.checkAgainst("passAtK", myPassAtK, ttc.passAtK, [
    [5, 2, 3],
    [10, 3, 5],
    [10, 3, 1],
    [200, 10, 100],
    [200, 0, 50],
    [200, 195, 10],
    [2000, 1000, 1000],
    [2000, 3, 10],
  ]);
}

// %%
// Exercise 2: replace the body. rates has fields fix and breakRate.
{
  const myMarkov = (p0: number, rates: ttc.MarkovRevisionRates, k: number): number => undefined; // ← your turn
  ttc.checkAgainst("markovRevisionAccuracy", myMarkov, ttc.markovRevisionAccuracy, [
    [0.1, { fix: 0.15, breakRate: 0.05 }, 1],
    [0.1, { fix: 0.15, breakRate: 0.05 }, 10],
    [0.9, { fix: 0.15, breakRate: 0.05 }, 10],
    [0.3, { fix: 0.15, breakRate: 0.38 }, 40],
    [0.2, { fix: 0.9, breakRate: 0.6 }, 7],
    [0.4, { fix: 0, breakRate: 0 }, 12],
  ]);
}

// %%
// Exercise 3: replace the body.
{
  const mySamplesFor99 = (p: number): number => undefined; // ← your turn (not the rule of thumb ln(100)/p)
  ttc.checkAgainst(
    "samples for 99% coverage",
    mySamplesFor99,
    (p: number) => ttc.samplesForCoverage(p, 0.99),
    [[0.5], [0.3], [0.1], [0.01], [0.001], [1]],
  );
}

// %%
// Exercise 4: predict first, then run.
{
  const myPlateau: number | undefined = undefined; // ← your turn: a number in [0, 1]
  const myHigherAucHelps: string | undefined = undefined; // ← your turn: "yes" or "no"
  const p = 0.2;
  const eta = 0.2;
  const good = { separation: ttc.separationForAuc(0.9), labelNoise: eta };
  const better = { separation: ttc.separationForAuc(0.99), labelNoise: eta };
  const limit = ttc.bestOfNLimit(p, good);
  const limitBetter = ttc.bestOfNLimit(p, better);
  const f = (x: number) => ttc.formatNumber(x, 3);
  const climb = (o: typeof good) =>
    [16, 256, 4096].map((n) => `N = ${n}: ${f(ttc.bestOfNAccuracy(p, n, o))}`);
  ttc.checkPrediction("the limit of plain best-of-N with label noise", myPlateau, {
    answer: limit,
    tolerance: 0.02,
    explanation:
      `The limit is ${f(limit)}. As N grows, the top score almost surely belongs to a sample the ` +
      "verifier judged correct, and among those the share that is truly correct is " +
      `p(1 − η) / (p(1 − η) + (1 − p)η) = ${f((p * (1 - eta)) / (p * (1 - eta) + (1 - p) * eta))}. ` +
      `On the way there (AUC 0.9): ${climb(good).join(", ")}.`,
  });
  ttc.checkPrediction("does a higher AUC raise the limit?", myHigherAucHelps, {
    answer: Math.abs(limitBetter - limit) < 1e-9 ? "no" : "yes",
    choices: ["yes", "no"],
    explanation:
      `Limit at AUC 0.9: ${f(limit)}; at AUC 0.99: ${f(limitBetter)}. The AUC decides how fast ` +
      `best-of-N gets there (AUC 0.99: ${climb(better).join(", ")}), the noise decides where it ` +
      "stops: more samples and a sharper verifier cannot undo judgements that are flipped.",
  });
}

// %% [markdown]
// ## Summary
//
// - Coverage 1 − (1 − p)^N is the perfect-verifier ceiling; compute it as −expm1(N·log1p(−p)), and
//   invert it with a ceiling of logarithms.
// - pass@k must be estimated with 1 − C(n − c, k)/C(n, k); the plug-in 1 − (1 − c/n)^k is biased
//   low, most at k = n.
// - Best-of-N with an imperfect verifier is an exact one-dimensional integral. It stays below
//   coverage, creeps towards 1 without label noise, and plateaus at the verifier's precision with
//   it. Voting saturates and can fall.
// - A revision chain that both fixes and breaks converges geometrically to fix/(fix + break).
// - Budgets in generations hide different token, FLOP and latency bills; lookahead costs N(k + 1).
// - Adaptive allocation (beyond the paper) gains mostly by stopping on solved questions; UCB adds
//   nothing without difficulty information.
//
// The numbers, computed:

// %%
{
  const naive = 1 - (1 - 1e-12) ** 1000;
  const digits = -Math.log10(Math.abs(naive / ttc.coverage(1e-12, 1000) - 1));
  let plugIn = 0;
  for (let c = 0; c <= 20; c++) plugIn += ttc.binomialPmf(20, c, 0.1) * ttc.passAtKPlugIn(20, c, 20);
  const checks = [
    Math.abs(ttc.twoLevelVoteAccuracy(0.6, 0.9, 0.3, 1) - 0.66) <= 5e-5,
    Math.abs(ttc.twoLevelVoteAccuracy(0.6, 0.9, 0.3, 3) - 0.6696) <= 5e-5,
    Math.abs(ttc.twoLevelVoteAccuracy(0.6, 0.9, 0.3, 59) - 0.6003) <= 5e-5,
    Math.abs(ttc.twoLevelVoteAccuracy(0.3, 0.7, 0.1, 3) - 0.2548) <= 5e-5,
  ];
  const ps = Array.from(ttc.passRates(ttc.makeBenchmark({ seed: "04-the-math" })));
  const budget = 4 * ps.length;
  const clip = (x: number) => Math.min(0.999, Math.max(0.001, x));
  const priorRng = ttc.makeRng("04-the-math/prior");
  const roughPrior = ps.map((p) =>
    clip(1 / (1 + Math.exp(-(Math.log(clip(p) / (1 - clip(p))) + priorRng.normal(0, 1))))),
  );
  const allocRng = () => ttc.makeRng("04-the-math/alloc/4");
  const sws = ttc.adaptiveAllocation(ps, budget, { rng: allocRng(), trials: 50 });
  const ucbRough = ttc.adaptiveAllocation(ps, budget, {
    rng: allocRng(),
    trials: 50,
    policy: "ucb",
    priorMeans: roughPrior,
  });
  const uniform = ttc.uniformAllocationExact(ps, budget).accuracy;
  const lookahead = ttc.strategyCost({ kind: "lookahead", n: 16, beamWidth: 4, k: 3 });
  const chain = ttc.strategyCost({ kind: "revision", sequential: 16, parallel: 1 });
  const bestOf16 = ttc.strategyCost({ kind: "best-of-n", n: 16 });
  const f = ttc.formatNumber;
  const pm = (r: ttc.AllocationResult) => `${f(r.accuracy, 4)} ± ${f(r.standardError, 2)}`;
  ttc.showMarkdown(
    [
      `- Coverage at p = 0.1, N = 16 is **${f(ttc.coverage(0.1, 16), 4)}**; 99% coverage takes ` +
        `**${ttc.samplesForCoverage(0.1, 0.99)}** samples. The naive formula keeps only ` +
        `**${f(digits, 2)}** correct digits at p = 1e-12, N = 1000.`,
      `- With n = k = 20 samples at p = 0.1, the plug-in pass@20 averages **${f(plugIn, 4)}** ` +
        `against a true **${f(ttc.coverage(0.1, 20), 4)}**.`,
      `- Best-of-16 at p = 0.3 with a d = 1 verifier (AUC ${f(ttc.verifierAuc(1), 3)}) scores ` +
        `**${f(ttc.bestOfNAccuracy(0.3, 16, { separation: 1 }), 4)}** against coverage ` +
        `**${f(ttc.coverage(0.3, 16), 4)}**. At p = 0.1 it needs N = 10⁶ to reach ` +
        `**${f(ttc.bestOfNAccuracy(0.1, 1e6, { separation: 1 }), 4)}**, and with 10% label noise ` +
        `it plateaus at **${f(ttc.bestOfNLimit(0.1, { separation: 1, labelNoise: 0.1 }), 4)}**.`,
      `- Two-level voting: **${checks.filter(Boolean).length} of ${checks.length}** independently ` +
        `computed reference values reproduced; the inverse-U case peaks at ` +
        `K = ${ttc.twoLevelVoteShape(0.6, 0.9, 0.3).extremeK}.`,
      `- Revision chain with fix 0.15, break 0.05: pass@1 tends to ` +
        `**${f(ttc.markovRevisionLimit(0.1, { fix: 0.15, breakRate: 0.05 }), 4)}** from any start.`,
      `- Lookahead with N = 16, k = 3 costs **${lookahead.generations}** generations; one chain of ` +
        `16 revisions waits **${chain.serialDepth}** generations, ` +
        `best-of-16 waits **${bestOf16.serialDepth}**.`,
      `- At 4 samples per question on our synthetic benchmark (beyond the paper): uniform ` +
        `**${f(uniform, 4)}**, stop-when-solved (= UCB without prior) **${pm(sws)}**, ` +
        `UCB with a rough difficulty prior **${pm(ucbRough)}**.`,
    ].join("\n"),
  );
}

// %% [markdown]
// **Further reading.** Snell et al. (2024) §5.2 (search and lookahead costs), §6 (revisions),
// §7 (FLOPs-matched comparison). Chen et al. (2021), "Evaluating Large Language Models Trained on
// Code", for pass@k. Wu et al. (2024), "Inference Scaling Laws", for voting limits. Chen et al.
// (2024), "Are More LLM Calls All You Need?", for non-monotone voting. Zuo & Zhu (2025) for bandit
// allocation across queries.
//
// ## Solutions
//
// **Exercise 1.** Use the product over the c correct samples, and return 1 when n − c < k:
//
// ```ts
// const myPassAtK = (n: number, c: number, k: number) => {
//   if (n - c < k) return 1;
//   let ratio = 1;
//   for (let i = n - c + 1; i <= n; i++) ratio *= 1 - k / i;
//   return 1 - ratio;
// };
// ```
//
// Factorials overflow a double long before n = 2000, so a factorial-based C(n, k) returns NaN or
// 0 there. For tiny estimates, sum `Math.log1p(-k / i)` and finish with `-Math.expm1(sum)`, as the
// library does.
//
// **Exercise 2.**
//
// ```ts
// const myMarkov = (p0: number, rates: ttc.MarkovRevisionRates, k: number) => {
//   const s = rates.fix + rates.breakRate;
//   if (s === 0) return p0;
//   const L = rates.fix / s;
//   return L + (p0 - L) * (1 - s) ** (k - 1);
// };
// ```
//
// **Exercise 3.** (1 − p)^N ≤ 0.01 ⇔ N ≥ ln(0.01)/ln(1 − p); use log1p for small p and treat p = 1
// separately:
//
// ```ts
// const mySamplesFor99 = (p: number) => (p === 1 ? 1 : Math.ceil(Math.log(0.01) / Math.log1p(-p)));
// ```
//
// The rule of thumb ln(100)/p overshoots for large p because ln(1 − p) < −p.
//
// **Exercise 4.** The checker explains the answer once you have predicted: the limit is the share
// of truly correct samples among those judged correct, which the AUC does not change.

// %% [nav]

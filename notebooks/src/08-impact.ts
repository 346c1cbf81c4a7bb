// Source of notebooks/08-impact.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 08 · Impact: test-time compute against a bigger model, from Snell et al. to o1 and R1
//
// The paper's boldest sentence is that a small model with well-spent test-time compute can beat a
// model about 14× larger. This chapter shows exactly what that means: an exchange rate between
// pretraining FLOPs and inference FLOPs, a comparison that in the paper test-time compute wins
// on some questions and loses on others, and a cost model that corrects the teaching summary's strategy
// table. It ends with what later work found, where o1 and R1 fit, and a small planner that turns
// the chapter's numbers into a recommendation.
//
// **You will learn**
// - how to derive the FLOPs-matched budget F = M + (3/v)(M − 1)/R, and why both texts of the
//   paper land on the same three budgets;
// - where the paper finds test-time compute beats a 14× larger model and where pretraining wins,
//   and how far a synthetic analogue of its Fig. 9 agrees;
// - what each strategy costs in generations, FLOPs and waiting time, and which claims of the
//   teaching summary's table are wrong;
// - what follow-up work (Hugging Face, Liu et al. 2025, Large Language Monkeys, REBASE) found, and
//   what it did not measure;
// - how to pick a strategy from a difficulty estimate, a budget and a latency limit.
//
// **Prerequisites:** chapter 01 (FLOPs of training and inference) and chapter 04 (budgets and
// latency); the compute-optimal choice by difficulty bin is recalled where it is used.
// **Time:** about 80 minutes (3576 words at 200 a minute and 583 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %% [markdown]
// ## Setup: one import, the library as `ttc`
//
// Every cell below uses only `ttc` and its own local variables, so any cell can be rerun on its
// own after this one. Cells that need the synthetic experiment call the library's runners
// (`ttc.runSearchExperiment`, `ttc.runRevisionExperiment`). The first call runs the experiment, which
// takes a few seconds; the library memoises the result, so every later call returns at once.

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## A small model may spend F = M + (3/v)(M − 1)/R times its inference compute
//
// **The idea.** A model M times larger costs M times more to pretrain and M times more per
// generated token. Snell et al. (Sec. 7) ask what happens if the small model spends that
// difference at test time instead. To compare fairly they count *all* FLOPs, pretraining and
// inference together, and give the small model a test-time budget of F generations per question
// so that both bills are equal.
//
// **The math.** Let the small model have N parameters, be pretrained on D_p tokens and generate
// D_i tokens over its lifetime. Pretraining costs 6·N·D_p FLOPs and inference 2·N·D_i
// (chapter 01). The ICLR text doubles the inference cost to pay for verifier calls; write the
// factor as v (v = 1 in arXiv v1, v = 2 in ICLR), so inference costs 2v·N·D_i. The larger model
// has M·N parameters, the same data, and answers greedily; its inference is charged at the same
// rate 2v per parameter and token, as in the paper's formula. Multiplying the small model's
// inference by F and matching the bills:
//
// $$6ND_p + 2vND_i\cdot F \;=\; M\,(6ND_p + 2vND_i).$$
//
// Subtract 6ND_p, divide by 2vND_i, and write R = D_i / D_p for the ratio of inference tokens to
// pretraining tokens:
//
// $$F \;=\; M + \frac{6ND_p\,(M-1)}{2vND_i} \;=\; M + \frac{3}{v}\cdot\frac{M-1}{R}.$$
//
// The first term, M, is the larger model's cost per token, in units of the small model's. The
// second is the larger model's extra pretraining bill, 6N·D_p·(M − 1), paid out as extra
// generations of the small model: it is large when inference is light (small R) and vanishes when
// inference dominates (large R). Only the product v·R enters the second term.
//
// **The library call.** `ttc.flopsMatchedMultiplier` computes F; `ttc.flopsMatchedComparison`
// adds the whole budget it affords and the larger model's pretraining share 3 / (3 + v·R).

// %%
ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 0.16 });

// %% [markdown]
// ## Both texts of the paper place the larger model at the same three budgets
//
// The paper shows three values of R: 0.16, 0.79 and 22 in arXiv v1 (v = 1), and 0.08, 0.40 and 11
// in the ICLR text (v = 2). The table reproduces F for both, with the formula written out in the
// cell beside the library's value, and checks the rounded F against the expected budgets (the
// `expected` column, derived from the paper's formula).

// %%
{
  const M = 14; // the paper's "~14× larger" model
  const myF = (m: number, r: number, v: number) => m + ((3 / v) * (m - 1)) / r; // the formula above
  const texts = [
    { text: "arXiv v1", v: 1, rs: [0.16, 0.79, 22] },
    { text: "ICLR 2025", v: 2, rs: [0.08, 0.4, 11] },
  ];
  const expected = [258, 63, 16]; // derived from the paper's formula in §7 (the paper does not print these)
  const rows = texts.flatMap(({ text, v, rs }) =>
    rs.map((R, i) => {
      const c = ttc.flopsMatchedComparison({ sizeRatio: M, tokenRatio: R, verifierFactor: v });
      return {
        text,
        v,
        R,
        "v·R": v * R,
        "F (library)": c.multiplier,
        "F (formula in this cell)": myF(M, R, v),
        "F rounded": Math.round(c.multiplier),
        expected: expected[i],
        "nearest power of two": c.nearestPowerOfTwo,
        "pretraining share of the larger model's FLOPs": c.pretrainingShare,
        match: Math.round(c.multiplier) === expected[i] && myF(M, R, v) === c.multiplier ? "✓" : "✗",
      };
    }),
  );
  ttc.showTable(rows, { caption: "FLOPs-matched budget F for a 14× larger model", digits: 4 });
  const mid1 = rows[1]["F (library)"];
  const mid2 = rows[4]["F (library)"];
  ttc.showMarkdown(
    `**${rows.filter((r) => r.match === "✓").length} of ${rows.length}** rows match. ` +
      `Halving R exactly offsets the doubled inference cost wherever v·R is unchanged: ` +
      `R = 0.16 → 0.08 and R = 22 → 11 give identical F. The middle pair is not an exact halving ` +
      `(v·R = ${ttc.formatNumber(0.79)} vs ${ttc.formatNumber(2 * 0.4)}), so F moves from ` +
      `${ttc.formatNumber(mid1)} to ${ttc.formatNumber(mid2)} — ` +
      `both near ${rows[1]["nearest power of two"]} generations.`,
  );
}

// %% [markdown]
// The chart draws F against R for both texts. The stars mark the paper's R values.

// %%
{
  const M = 14;
  const rs = Array.from({ length: 81 }, (_, i) => 10 ** (-2 + i * 0.05)); // R = 0.01 … 100
  const F = (R: number, v: number) =>
    ttc.flopsMatchedMultiplier({ sizeRatio: M, tokenRatio: R, verifierFactor: v });
  const fig = ttc.lineFigure({
    title: "FLOPs-matched test-time budget for a 14× larger model",
    xAxis: { title: "R = inference tokens / pretraining tokens (log scale)", log: true },
    yAxis: { title: "F: generations per question the small model may spend (log scale)", log: true },
    series: [
      { name: "arXiv v1 (v = 1)", x: rs, y: rs.map((R) => F(R, 1)) },
      { name: "ICLR (v = 2, verifier charged)", x: rs, y: rs.map((R) => F(R, 2)), dash: "dash" },
      { name: "F = M (inference-only limit)", x: rs, y: rs.map(() => M), dash: "dot" },
    ],
  });
  const v1 = [0.16, 0.79, 22];
  const iclr = [0.08, 0.4, 11];
  ttc.show(
    ttc.addTraces(fig, [
      ttc.markerTrace({ name: "paper's R, v1", x: v1, y: v1.map((R) => F(R, 1)), symbol: "star", size: 14 }),
      ttc.markerTrace({
        name: "paper's R, ICLR",
        x: iclr,
        y: iclr.map((R) => F(R, 2)),
        symbol: "diamond",
        size: 10,
        color: "#D55E00",
      }),
    ]),
  );
}

// %% [markdown]
// **What to notice:** the two curves are the same curve shifted by a factor of two in R, and the
// paper's R values were shifted by that factor, so the stars and diamonds sit at (nearly) the
// same heights. As R grows, F falls towards M: when inference dominates the bill, the small model
// can afford only as many generations as the size ratio.

// %% [markdown]
// ### Slide M: a larger size gap buys the small model proportionally more generations
//
// The paper fixes M at about 14. The slider redraws F against R for size ratios from 2 to 128
// (precomputed, exact), with both texts' verifier factors and the inference-only limit F = M.
// Rearranging the formula, F − 1 = (M − 1)(1 + 3/(vR)): at every R, F − 1 grows in proportion
// to M − 1. The table under the chart evaluates F at the paper's three arXiv v1 values of R.

// %%
{
  const sizeRatios = [2, 4, 8, 14, 32, 64, 128]; // M: how many times larger the big model is
  const rs = Array.from({ length: 41 }, (_, i) => 10 ** (-2 + i * 0.1)); // R = 0.01 … 100
  const F = (M: number, R: number, v: number) =>
    ttc.flopsMatchedMultiplier({ sizeRatio: M, tokenRatio: R, verifierFactor: v });
  ttc.show(
    ttc.sliderFigure({
      title: "FLOPs-matched test-time budget F, for a chosen size ratio M",
      xAxis: { title: "R = inference tokens / pretraining tokens (log scale)", log: true },
      yAxis: { title: "F: generations per question the small model may spend (log scale)", log: true },
      sliderLabel: "size ratio M (larger model's parameters / small model's)",
      active: sizeRatios.indexOf(14),
      steps: sizeRatios.map((M) => ({
        label: String(M),
        series: [
          { name: `arXiv v1 (v = 1), M = ${M}`, x: rs, y: rs.map((R) => F(M, R, 1)) },
          { name: `ICLR (v = 2, verifier charged), M = ${M}`, x: rs, y: rs.map((R) => F(M, R, 2)) },
          { name: `F = M = ${M} (inference-only limit)`, x: rs, y: rs.map(() => M) },
        ],
      })),
    }),
  );
  const paperRs = [0.16, 0.79, 22]; // arXiv v1
  ttc.showTable(
    sizeRatios.map((M) => {
      const row: Record<string, number> = { M };
      for (const R of paperRs) row[`F at R = ${R}`] = F(M, R, 1);
      return row;
    }),
    { caption: "F for several size ratios at the paper's arXiv v1 values of R (v = 1)", digits: 4 },
  );
}

// %% [markdown]
// **What to notice:** moving the slider lifts all three curves together. Because F − 1 scales
// with M − 1 at every R, the curves keep nearly the same shape on the log axis: the size ratio
// scales the budget, and R decides how far above M it sits. For a
// large size gap and light inference, F runs far past the paper's largest budget of 256
// generations, where the paper has no measurements; for a small gap and heavy inference, F
// falls to a handful of generations, too few for much search.

// %% [markdown]
// ## Test-time compute against the 14× model, level by level (Fig. 9 analogue)
//
// **The idea.** The paper's Fig. 9 (Fig. 8 in ICLR) draws one line per difficulty bin: the
// compute-optimal accuracy of the small model against its test-time budget. At each R's budget F
// it places a star at the larger model's greedy accuracy on that bin. A star above its line means
// the FLOPs were better spent on pretraining; below it, on test-time compute.
//
// **The synthetic setup.** We rebuild the figure from the library's default synthetic experiment
// (`ttc.runSearchExperiment()` and `ttc.runRevisionExperiment()` with no options), so every
// number is ours, not the paper's:
// - the library's default benchmark: 500 synthetic questions, each with a base-model pass@1 p;
// - oracle difficulty bins: quintiles of p estimated from 2048 samples per question (level 1 =
//   easiest);
// - PRM search with every strategy of the paper's Fig. 3 (best-of-N weighted, beam search with
//   M = √N and M = 4, lookahead search) plus diverse verifier tree search (DVTS), and revisions at
//   every sequential:parallel split the paper searched (verifier selection), at budgets of 1, 2,
//   4, …, 256 generations;
// - the compute-optimal choice per bin and budget by two-fold cross-validation
//   (`ttc.computeOptimal`);
// - the larger model's accuracy on a bin = the mean of `ttc.largerModelP(p)` over the bin's
//   questions.
//
// Two assumptions sit in the last line. The paper evaluates the larger model by **greedy**
// decoding; we take its greedy accuracy on a bin to equal its mean pass@1 there. And the larger
// model itself is a **logit shift** of the base model, `ttc.LARGER_MODEL_LOGIT_SHIFT`, a stated
// assumption, not a number fitted to PaLM 2.
//
// The first chart is the search panel.

// %%
{
  const search = ttc.runSearchExperiment(); // the first call runs it (a few seconds); later calls are instant
  const optimal = search.optimal.oracle;
  const levels = optimal.binLevels;
  // The larger model's pass@1 on each question, averaged per level (rows in increasing level, as binLevels).
  const larger = ttc
    .evaluationByBin(
      { perQuestion: Array.from(search.passRate, (p) => ttc.largerModelP(p)) },
      search.oracle.levels,
    )
    .map((row) => row.accuracy);
  ttc.show(
    ttc.flopsExchangeFigure({
      title: "Synthetic analogue of Fig. 9 (Snell et al., arXiv v1; Fig. 8 in ICLR): PRM search",
      curves: levels.map((level, k) => ({
        name: ttc.levelLabel(level, levels.length),
        budgets: optimal.curve.map((pt) => pt.budget),
        accuracy: optimal.curve.map((pt) => pt.bins[k].accuracy),
      })),
      largeModel: levels.map((level, k) => ({ name: `14× model, level ${level}`, accuracy: larger[k] })),
      budgetsAtR: [0.16, 0.79, 22].map((R) => ({
        label: `R = ${R}`,
        budget: ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: R }),
      })),
      yTitle: "accuracy on the level (compute-optimal, cross-validated)",
    }),
  );
}

// %% [markdown]
// **What to notice:** on levels 1–3 every star sits below its line, so test-time compute wins
// there at all three budgets. On level 4 the line starts below the star and climbs past it within
// a few generations. On level 5 the line stays near the floor at small budgets and only rises at
// the large ones, so the larger model's star at the smallest budget (R = 22) is close to it: this
// is where pretraining has its best chance. The table after the next chart reads off the margins.

// %%
{
  const revisions = ttc.runRevisionExperiment(); // memoised like the search experiment
  const optimal = revisions.optimal.oracle; // verifier selection
  const levels = optimal.binLevels;
  // The larger model's pass@1 on each question, averaged per level (rows in increasing level, as binLevels).
  const larger = ttc
    .evaluationByBin(
      { perQuestion: Array.from(revisions.passRate, (p) => ttc.largerModelP(p)) },
      revisions.oracle.levels,
    )
    .map((row) => row.accuracy);
  ttc.show(
    ttc.flopsExchangeFigure({
      title: "Synthetic analogue of Fig. 9 (Snell et al., arXiv v1; Fig. 8 in ICLR): revisions",
      curves: levels.map((level, k) => ({
        name: ttc.levelLabel(level, levels.length),
        budgets: optimal.curve.map((pt) => pt.budget),
        accuracy: optimal.curve.map((pt) => pt.bins[k].accuracy),
      })),
      largeModel: levels.map((level, k) => ({ name: `14× model, level ${level}`, accuracy: larger[k] })),
      budgetsAtR: [0.16, 0.79, 22].map((R) => ({
        label: `R = ${R}`,
        budget: ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: R }),
      })),
      yTitle: "accuracy on the level (compute-optimal, cross-validated)",
    }),
  );
}

// %% [markdown]
// **What to notice:** the revision panel tells the same story as the search panel. The easy
// levels saturate within a few generations, level 4 passes its star after a few doublings of the
// budget, and level 5 climbs slowly and stays far below the others. The next table puts numbers
// on each star.

// %% [markdown]
// ## Where each kind of compute wins, level by level
//
// The table reads each curve at the star's position: the compute-optimal accuracy at the measured
// budget nearest to F on a log scale (256, 64 and 16 generations for the paper's R values), next
// to the larger model's accuracy on the same level. A difference counts as a win only when it
// exceeds two standard errors of the level's accuracy; we use the conservative √(a(1 − a)/n) for a
// level of n questions at accuracy a. The last column asks how much stronger the larger model
// would have to be to win.

// %%
{
  const search = ttc.runSearchExperiment();
  const revisions = ttc.runRevisionExperiment();
  // The measured budget nearest to F on a log scale.
  const nearest = (budgets: readonly number[], F: number) =>
    budgets.reduce((a, b) => (Math.abs(Math.log2(b / F)) < Math.abs(Math.log2(a / F)) ? b : a));
  // The logit shift at which the 14× model's mean pass@1 on a level reaches `target` (bisection).
  const shiftFor = (ps: number[], target: number) => {
    const mean = (s: number) => ps.reduce((sum, p) => sum + ttc.largerModelP(p, s), 0) / ps.length;
    if (target >= mean(30)) return Infinity;
    let lo = 0;
    let hi = 30;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (mean(mid) < target) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  const f = (x: number) => ttc.formatNumber(x, 3);
  const rows: Record<string, string | number>[] = [];
  const lines: string[] = [];
  const shifts: number[] = [];
  for (const [axis, result] of [
    ["PRM search", search],
    ["revisions", revisions],
  ] as [string, ttc.SearchExperimentResult | ttc.RevisionExperimentResult][]) {
    const optimal = result.optimal.oracle;
    const byVerdict: Record<string, string[]> = { "test-time": [], "14× model": [], "too close": [] };
    optimal.binLevels.forEach((level, k) => {
      const idx = [...result.oracle.levels.keys()].filter((i) => result.oracle.levels[i] === level);
      const ps = idx.map((i) => result.passRate[i]);
      const larger = ps.reduce((sum, p) => sum + ttc.largerModelP(p), 0) / ps.length;
      const row: Record<string, string | number> = { axis, level, "14× model": larger };
      let needed = 0;
      for (const R of [0.16, 0.79, 22]) {
        const F = ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: R });
        const budget = nearest(result.budgets, F);
        const a = (optimal.curve.find((pt) => pt.budget === budget) as ttc.OptimalAtBudget).bins[k].accuracy;
        const se = Math.sqrt((a * (1 - a)) / ps.length); // conservative standard error of a
        const verdict = a - larger > 2 * se ? "test-time" : larger - a > 2 * se ? "14× model" : "too close";
        byVerdict[verdict].push(`level ${level} at R = ${R}`);
        row[`R = ${R} (${budget} generations): small model, winner`] = `${f(a)}, ${verdict}`;
        if (R === 22) needed = shiftFor(ps, a + 2 * se);
      }
      if (Number.isFinite(needed)) shifts.push(needed);
      row["logit shift the 14× model needs to win at R = 22"] = Number.isFinite(needed)
        ? needed
        : "none suffices";
      rows.push(row);
    });
    lines.push(
      `- **${axis}:** test-time compute wins ${byVerdict["test-time"].length} ` +
        `of ${3 * optimal.binLevels.length} ` +
        `(level, R) pairs; the 14× model wins ${byVerdict["14× model"].length}` +
        (byVerdict["14× model"].length ? ` (${byVerdict["14× model"].join("; ")})` : "") +
        `; too close to call: ${byVerdict["too close"].length}` +
        (byVerdict["too close"].length ? ` (${byVerdict["too close"].join("; ")})` : "") +
        ".",
    );
  }
  ttc.showTable(rows, {
    caption: `FLOPs-matched verdict per level (synthetic model; logit shift ${ttc.LARGER_MODEL_LOGIT_SHIFT})`,
    digits: 3,
  });
  lines.push(
    `- At R = 22 the 14× model would need a logit shift of at least **${f(Math.min(...shifts))}** ` +
      `(the library assumes ${ttc.LARGER_MODEL_LOGIT_SHIFT}) to win any level outright.`,
  );
  ttc.showMarkdown(lines.join("\n"));
}

// %% [markdown]
// **What to notice:** the last column is the honest summary of this experiment. The verdicts rest
// on the library's assumed larger model, a logit shift of the base model; the column gives the
// shift at which the 14× model would clearly win each level at R = 22, the heavy-inference
// setting. On the easiest levels no shift is enough, because test-time compute already answers
// nearly everything. On the others the 14× model would have to be much stronger than assumed.
//
// **Does our synthetic model agree with the paper?** Partly. The paper finds that test-time
// compute beats the 14× model on easy and intermediate questions and at small R, and that
// pretraining wins on the hardest questions and at large R. Our model reproduces the first half:
// the easy and middle levels go to test-time compute at every R. It reproduces the second half
// only weakly. The one comparison the 14× model draws is the hardest level at the largest R —
// the corner the paper points to — but it never wins outright, and on the hardest level at small R
// test-time compute still wins. Two of our assumptions make the synthetic world more generous to
// test-time compute than the paper's: the larger model is only a logit shift of 1 (not fitted to
// any real pair of models), and our PRM search makes real progress on the hardest level at large
// budgets, where the paper reports that nothing does. The paper's conclusion stands on its own
// evidence: the two kinds of compute are not exchangeable one for one, and which one wins depends
// on how hard the question is and how much inference the model will serve.

// %% [markdown]
// ## The summary's strategy table, rebuilt: best-of-N is the parallel one, revisions the serial one
//
// The teaching summary compares four ways to scale in a table with the columns cost, speed,
// effective for, and bottleneck. Some of its cells are right, some wrong, some loose. The cost model
// `ttc.strategyCost` (derived in chapter 04) counts, for one question:
// - **generations**, the paper's budget unit (one full solution);
// - **FLOPs**, 2·N per generated token, with the verifier factor v;
// - **serial depth**, the longest chain of generations that must run one after another — the
//   waiting time. Best-of-N samples are independent, so they run side by side: depth 1. A chain
//   of L revisions has depth L, because each revision reads the previous attempt.
//
// The workload is ours, stated in the cell: a small model of 8B parameters, its 14× larger
// counterpart, 500-token solutions, a budget of 16 generations, and the arXiv v1 accounting
// (v = 1). The library has no model of o1's internals; the last row is an illustration only — a
// single chain of thought as long as sixteen solutions.

// %%
{
  const params = 8e9; // small model's parameters (our illustration; the paper's size is undisclosed)
  const sizeRatio = 14; // the larger model
  const tokens = 500; // tokens per full solution
  const n = 16; // test-time budget, generations
  const rows: [string, ttc.StrategySpec, number, number][] = [
    // label, spec, parameters, tokens per generation
    ["14× model, greedy", { kind: "greedy" }, sizeRatio * params, tokens],
    [`best-of-N, N = ${n}`, { kind: "best-of-n", n }, params, tokens],
    [`beam search, N = ${n}, M = 4`, { kind: "beam", n, beamWidth: 4 }, params, tokens],
    ["revisions, 4 chains × 4", { kind: "revision", sequential: 4, parallel: 4 }, params, tokens],
    [`revisions, 1 chain × ${n}`, { kind: "revision", sequential: n, parallel: 1 }, params, tokens],
    [`one chain of thought, ${n}× as long`, { kind: "greedy" }, params, n * tokens],
  ];
  const costs = rows.map(([label, spec, p, t]) => ({
    label,
    c: ttc.strategyCost(spec, { params: p, tokensPerGeneration: t }),
    t,
  }));
  ttc.showTable(
    costs.map(({ label, c, t }) => ({
      strategy: label,
      "tokens generated": c.tokens,
      "inference FLOPs": c.flops,
      "verifier calls": c.verifierCalls,
      "serial depth (generations)": c.serialDepth,
      "serial tokens (waiting time)": c.serialDepth * t,
      "verifier round trips": c.verifierRounds,
    })),
    { caption: "What one question costs (ttc.strategyCost; 8B small model, 500-token solutions)", digits: 3 },
  );
  ttc.show(
    ttc.barFigure({
      title: "Same tokens, very different waiting time",
      categories: costs.map((x) => x.label),
      xAxis: { title: "strategy" },
      yAxis: { title: "tokens (log scale)", log: true },
      series: [
        { name: "tokens generated (total work)", values: costs.map((x) => x.c.tokens) },
        { name: "serial tokens (waiting time)", values: costs.map((x) => x.c.serialDepth * x.t) },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** every test-time strategy generates the same number of tokens, but only the
// revision chain and the long chain of thought make you wait for all of them; best-of-N and beam
// search wait for one solution (beam search adds a verifier round trip per step). The 14× model
// waits for one solution too, at 14 times the FLOPs per token.
//
// The next cell sets the summary's claims beside what the library computes. For the verifier
// claim it uses the best-of-N model of chapter 04: p = 0.3, N = 16, and verifiers of different
// quality.

// %%
{
  const n = 16;
  const p = 0.3; // a question's pass@1
  const bon = ttc.strategyCost({ kind: "best-of-n", n });
  const chain = ttc.strategyCost({ kind: "revision", sequential: n, parallel: 1 });
  const perfect = ttc.coverage(p, n);
  const decent = ttc.bestOfNAccuracy(p, n, { separation: 1 }); // a decent verifier
  const useless = ttc.bestOfNAccuracy(p, n, { separation: 0 });
  const noisyCap = ttc.bestOfNLimit(p, { separation: 1, labelNoise: 0.1 });
  const rates = ttc.revisionRates(ttc.makeQuestion(p));
  const pass = ttc.markovRevisionCurve(p, rates, n);
  const f = (x: number) => ttc.formatNumber(x, 3);
  ttc.showTable(
    [
      {
        strategy: "best-of-N",
        column: "cost",
        "summary says": "Medium (N forward passes)",
        "library computes":
          `${bon.generations} generations = N full solutions, ` + `${bon.verifierCalls} verifier calls`,
        verdict: "right in substance: N full generations, each one forward pass per token",
      },
      {
        strategy: "best-of-N",
        column: "speed",
        "summary says": "Slow (serial)",
        "library computes": `serial depth ${bon.serialDepth}: all N samples run at once`,
        verdict: "wrong: best-of-N is the parallel strategy",
      },
      {
        strategy: "best-of-N",
        column: "bottleneck",
        "summary says": "Need perfect verifier",
        "library computes":
          `p = ${p}, N = ${n}: perfect verifier ${f(perfect)}, ` +
          `AUC-${f(ttc.verifierAuc(1))} verifier ${f(decent)}, ` +
          `random verifier ${f(useless)}; with 10% label noise the ceiling is ${f(noisyCap)}`,
        verdict: "wrong: it works with an imperfect verifier, but verifier quality caps its accuracy",
      },
      {
        strategy: "sequential revision",
        column: "speed",
        "summary says": "Medium (serial)",
        "library computes": `serial depth ${chain.serialDepth} for one chain of ${n}`,
        verdict: `right: revisions are the serial one, ${chain.serialDepth}× the wait of best-of-N`,
      },
      {
        strategy: "sequential revision",
        column: "bottleneck",
        "summary says": "Model must improve each round",
        "library computes":
          `pass@1 at rounds 1, 4, ${n}: ${f(pass[0])} → ${f(pass[3])} → ${f(pass[n - 1])}, ` +
          `while ${f(rates.breakRate * 100)}% of correct answers break each round`,
        verdict: "loose: rounds fix and break answers; selection over the chain keeps the best",
      },
      {
        strategy: "extended thinking (o1)",
        column: "speed",
        "summary says": "Slow",
        "library computes": `a chain ${n}× as long waits ${n}× as long (serial tokens)`,
        verdict: "right in kind; how o1 spends its compute is not public",
      },
    ],
    { caption: "The teaching summary's strategy table vs the library's cost model" },
  );
}

// %% [markdown]
// Two more cells of the summary's table deserve a word. "Effective for: easy tasks" (best-of-N)
// and "hard, complex tasks" (revisions) invert the paper on the revision axis: Snell et al. find
// that easy questions do best with purely sequential revisions and hard ones with a mix of
// sequential and parallel. And "all tasks" for the bigger model is what the exchange above
// qualifies: in the paper, the bigger model wins on the hardest questions and at large R, not
// everywhere.

// %% [markdown]
// ## Later work: small models with search beat much larger ones, but not at equal FLOPs
//
// Several groups reproduced the paper's direction with open models:
// - **Hugging Face**
//   ([blog post](https://huggingface.co/spaces/HuggingFaceH4/blogpost-scaling-test-time-compute);
//   Beeching, Tunstall, Rush, December 2024) ran compute-optimal search with Llama 3.2 policies
//   and an 8B process reward model (PRM) on MATH-500, at budgets up to 256. Llama 3.2 **1B beat
//   Llama 3.1 8B**, and **3B beat Llama 3.1 70B**.
// - **Liu et al. (2025)**, "Can 1B LLM Surpass 405B LLM?"
//   ([arXiv 2502.06703](https://arxiv.org/abs/2502.06703)), report **1B > 405B** on MATH-500,
//   **0.5B > GPT-4o**, **3B > 405B**, and **7B > o1 and DeepSeek-R1** on MATH-500 and AIME24.
// - **Large Language Monkeys** (Brown et al. 2024;
//   [arXiv 2407.21787](https://arxiv.org/abs/2407.21787)) found that coverage keeps rising over
//   four orders of magnitude of samples (up to 10,000), while selection without a checker —
//   majority vote or a reward model — plateaus around 100 samples.
// - **REBASE** (Wu et al., ICLR 2025; [arXiv 2408.00724](https://arxiv.org/abs/2408.00724)), a
//   reward-balanced tree search, let Llemma-7B beat Llemma-34B with majority voting at every
//   budget they tried.
//
// Three caveats keep these results from being the paper's claim restated.
// - **Not FLOPs-matched.** The headlines compare parameter counts at a fixed budget of
//   samples, counting neither pretraining nor the extra inference.
// - **The verifier's cost is extra.** An 8B PRM that reads every token of a 1B policy costs
//   8 times the policy's FLOPs per token; in the library's terms the verifier factor is
//   v = 1 + 8/1. The cell below counts the inference bill.
// - **Absolute vs relative difficulty.** Snell et al. bin questions by quintiles of *the
//   model's own* pass@1; Liu et al. use absolute pass@1 thresholds. "Hard" means different
//   questions in the two papers.

// %%
{
  const prm = 8e9; // the PRM's parameters (RLHFlow Llama3.1-8B PRM)
  const tokens = 500; // tokens per solution; it cancels in the ratio
  const pairs = [
    { policy: 1e9, larger: 8e9, label: "Llama 3.2 1B + 8B PRM vs Llama 3.1 8B" },
    { policy: 3e9, larger: 70e9, label: "Llama 3.2 3B + 8B PRM vs Llama 3.1 70B" },
  ];
  const budgets = [4, 16, 64, 256]; // the blog's budgets
  ttc.showTable(
    pairs.flatMap(({ policy, larger, label }) =>
      budgets.map((n) => {
        const v = 1 + prm / policy; // the PRM reads every generated token once
        const small = ttc.strategyCost(
          { kind: "beam", n, beamWidth: 4 },
          { params: policy, tokensPerGeneration: tokens, verifierFactor: v },
        );
        const big = ttc.strategyCost({ kind: "greedy" }, { params: larger, tokensPerGeneration: tokens });
        return {
          comparison: label,
          "budget N": n,
          "verifier factor v": v,
          "small model + PRM: inference FLOPs": small.flops,
          "larger model, greedy: inference FLOPs": big.flops,
          "ratio (small / larger)": small.flops / big.flops,
        };
      }),
    ),
    { caption: "Inference FLOPs per question, beam search with a PRM vs greedy decoding", digits: 3 },
  );
}

// %% [markdown]
// A ratio above 1 means the small model spent more inference FLOPs than the larger model on every
// question. Whether that is a good trade depends on R, as the exchange section showed: the small
// model's pretraining saving pays for the extra inference only when the model serves few enough
// tokens.

// %% [markdown]
// ## o1, o1-pro and R1 are reasoning models; the paper studies search on a fixed model
//
// OpenAI's o1 and o1-pro and DeepSeek's R1 are *reasoning models*: they are trained to produce
// long chains of thought before they answer, so they spend test-time compute inside one long
// generation. The teaching summary says the paper's framework "underpins" them. That is loose.
// Snell et al. take a **fixed** model (PaLM 2-S*) and study how to spend inference compute on it:
// sampling and selecting with a verifier, searching against a PRM, or revising with a finetuned
// revision model. They do not train a model to reason, and they say nothing about how o1 or R1
// were built. Nothing in this chapter depends on those models' internals.
//
// What does carry over is the accounting and the framing:
// - test-time compute is a budget, counted in generations, FLOPs and waiting time, and a long
//   chain of thought is serial like a revision chain (the cost table above);
// - its value depends on the question's difficulty, so a budget should be allocated per question;
// - it trades against pretraining at a rate that depends on how much inference the model serves
//   (R), and the trade is not one for one.

// %% [markdown]
// ## A small planner: choose a strategy from difficulty, budget and latency limit
//
// The chapter's numbers answer a practical question: given a question's difficulty estimate, a
// budget and a latency limit, which strategy should you run? `ttc.planStrategy` answers it from
// the two experiments' runs, in four steps.
//
// 1. **Place the question in a level.** A pass@1 estimate goes through `ttc.binOf` with the edges
//    of the benchmark's oracle pass@1 estimates (`ttc.binEdges`); or give the level directly.
// 2. **Use the largest measured budget within the budget** (1, 2, 4, …, 256 generations).
// 3. **Drop strategies that are too slow:** keep those whose `ttc.strategyCost(…).serialDepth`
//    is within the latency limit, measured in generations (1 = the time of one full solution).
// 4. **Choose by the compute-optimal rule:** `ttc.computeOptimal` on the remaining runs. The
//    recommendation is the strategy that does best on the whole level; the accuracy shown is the
//    two-fold cross-validated one, which does not reward a lucky pick. Ties go to the faster
//    strategy.
//
// The candidates (`ttc.planCandidates`) are every run of the two experiments: the search
// strategies against the PRM (best-of-N weighted, beam search, lookahead search, DVTS) and
// revisions at every sequential:parallel split. Pooling search and revisions in one choice, and
// the latency limit, are our extensions; the paper studies the two families separately.

// %%
{
  const experiments = { search: ttc.runSearchExperiment(), revisions: ttc.runRevisionExperiment() };
  const situations = [
    { situation: "easy question, chat (answer now)", passAt1: 0.8, budget: 16, maxSerialDepth: 1 },
    { situation: "medium question, a few seconds allowed", passAt1: 0.3, budget: 64, maxSerialDepth: 4 },
    { situation: "hard question, offline batch", passAt1: 0.05, budget: 256, maxSerialDepth: 256 },
    { situation: "hard question, chat (answer now)", passAt1: 0.05, budget: 256, maxSerialDepth: 1 },
  ];
  ttc.showTable(
    situations.map(({ situation, ...request }) => {
      const plan = ttc.planStrategy(request, experiments);
      return {
        situation,
        "pass@1": request.passAt1,
        level: plan.level,
        budget: plan.budget,
        "latency limit (generations)": request.maxSerialDepth,
        recommended: plan.strategy,
        "serial depth": plan.serialDepth,
        "level accuracy (cross-validated)": plan.accuracy,
        "14× model on the level": plan.largerModelAccuracy,
        reason: plan.reason,
      };
    }),
    { caption: "The planner on four situations (synthetic model)", digits: 3 },
  );
  ttc.showError(() => ttc.planStrategy({ passAt1: 0.3, budget: 0, maxSerialDepth: 4 }, experiments));
  ttc.showError(() => ttc.planStrategy({ passAt1: 0.3, level: 2, budget: 64 }, experiments));
}

// %% [markdown]
// Read the accuracy column as the strategy's cross-validated accuracy on the whole level, not a
// promise for one question. The planner's choice is only as good as the measurements behind it:
// five levels of a 500-question benchmark, a few trials per question, and our synthetic models of
// search and revisions. When the reason says the larger model would do better, the honest
// recommendation is the bigger model, or a looser latency limit: on hard questions the strategies
// that help are the slow ones (lookahead search, long revision chains).

// %% [markdown]
// ## Try changing this
//
// The cell recomputes the exchange for your own M, R and v, redraws the search panel with the
// star at your budget, and reruns the planner on your situation.
// - Raise `logitShift` to make the larger model stronger. Set `R = 22` and `logitShift` to the
//   value the verdict table gives for level 4, and watch the level-4 star rise above its line.
// - Set `R` large (heavy inference) and watch F fall towards M.
// - Tighten `maxSerialDepth` to 1 and see which strategies the planner loses.

// %%
{
  const M = 14; // size ratio of the larger model, >= 1
  const R = 0.79; // inference tokens / pretraining tokens, > 0 (paper: 0.16, 0.79, 22)
  const v = 1; // verifier factor, >= 1 (1 = arXiv v1, 2 = ICLR)
  const logitShift = 1; // the larger model's logit shift over the base model, finite (library default 1)
  const passAt1 = 0.3; // planner: the question's pass@1 estimate, 0 … 1
  const budget = 64; // planner: generations per question, integer 1 … 256
  const maxSerialDepth = 4; // planner: latency limit in generations, >= 1

  const F = ttc.flopsMatchedMultiplier({ sizeRatio: M, tokenRatio: R, verifierFactor: v });
  const search = ttc.runSearchExperiment();
  const revisions = ttc.runRevisionExperiment();
  const optimal = search.optimal.oracle;
  const levels = optimal.binLevels;
  const larger = ttc
    .evaluationByBin(
      { perQuestion: Array.from(search.passRate, (p) => ttc.largerModelP(p, logitShift)) },
      search.oracle.levels,
    )
    .map((row) => row.accuracy);
  ttc.show(
    ttc.flopsExchangeFigure({
      title: `PRM search vs a ${M}× model at R = ${R}, v = ${v}, logit shift ${logitShift} (synthetic)`,
      curves: levels.map((level, k) => ({
        name: ttc.levelLabel(level, levels.length),
        budgets: optimal.curve.map((pt) => pt.budget),
        accuracy: optimal.curve.map((pt) => pt.bins[k].accuracy),
      })),
      largeModel: levels.map((level, k) => ({ name: `${M}× model, level ${level}`, accuracy: larger[k] })),
      budgetsAtR: [{ label: `R = ${R}`, budget: F }],
      yTitle: "accuracy on the level (compute-optimal, cross-validated)",
    }),
  );

  const plan = ttc.planStrategy(
    { passAt1, budget, maxSerialDepth, largerModelShift: logitShift },
    { search, revisions },
  );
  const f = (x: number) => ttc.formatNumber(x, 3);
  ttc.showMarkdown(
    [
      `- F = **${f(F)}** generations per question (${Math.floor(F)} whole generations).`,
      `- Larger model (logit shift ${logitShift}) by level: ${larger.map((a) => f(a)).join(", ")}.`,
      `- Planner: pass@1 ${passAt1} → level ${plan.level}; budget ${plan.budget}; latency ≤ ${maxSerialDepth}: ` +
        `**${plan.strategy}** (in-sample ${f(plan.inSampleAccuracy)}, cross-validated ` +
        `${f(plan.accuracy)}); without the limit: ${plan.unconstrained.strategy} ` +
        `(in-sample ${f(plan.unconstrained.inSampleAccuracy)}).`,
      `- Why: ${plan.reason}.`,
    ].join("\n"),
  );
}

// %% [markdown]
// ## Bad input gets a clear error
//
// The exchange needs M ≥ 1, R > 0 and v ≥ 1; the cost model needs a beam width that divides N.
// `ttc.showError` prints the error instead of stopping the notebook.

// %%
ttc.showError(() => ttc.flopsMatchedMultiplier({ sizeRatio: 0.5, tokenRatio: 1 }));
ttc.showError(() => ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 0 }));
ttc.showError(() => ttc.flopsMatchedComparison({ sizeRatio: 14, tokenRatio: 1, verifierFactor: 0.5 }));
ttc.showError(() => ttc.strategyCost({ kind: "beam", n: 16, beamWidth: 3 }));

// %% [markdown]
// ## Exercises
//
// 1. **Derive F yourself.** Write F(M, R, v) from the equation 6ND_p + 2vND_i·F = M(6ND_p + 2vND_i)
//    and compare it with the library. *Hint:* solve for F, then substitute D_i = R·D_p.
// 2. **Find R for a budget.** For M = 14 and v = 1, which R gives the small model exactly 64
//    generations? *Hint:* solve F = M + (3/v)(M − 1)/R for R.
// 3. **Charge a separate verifier.** A policy with P parameters is scored by a PRM with Q
//    parameters that reads every generated token once. Write the inference FLOPs of best-of-N
//    with n samples of T tokens, and compare with `ttc.strategyCost` at verifier factor
//    v = 1 + Q/P. *Hint:* each token costs 2P FLOPs to generate and 2Q to score.
// 4. **Open-ended.** Add a second latency measure to the planner: a limit on verifier round trips.
//    `ttc.planCandidates` gives every run with its `verifierRounds`; filter them and choose with
//    `ttc.computeOptimal` as the planner does. Which situations change their recommendation?
// 5. **Predict, then run: where a stronger 14× model wins.** Suppose the 14× model were much
//    stronger than the library assumes: a logit shift of 3. With compute-optimal PRM search on
//    the small model, predict the easiest level (1–5) the 14× model wins outright, or 0 if it wins
//    none, (a) at R = 22 and (b) at R = 0.16. *Hint:* the section "Where each kind of compute
//    wins, level by level", and what F is at each R.

// %%
// Exercise 1: replace the body.
{
  const myMultiplier = (M: number, R: number, v: number): number => undefined; // ← your turn
  const library = (M: number, R: number, v: number) =>
    ttc.flopsMatchedMultiplier({ sizeRatio: M, tokenRatio: R, verifierFactor: v });
  ttc.checkAgainst("flopsMatchedMultiplier", myMultiplier, library, [
    [14, 0.16, 1],
    [14, 0.4, 2],
    [14, 22, 1],
    [2, 1, 1],
    [1, 5, 2],
  ]);
}

// %%
// Exercise 2: replace the value.
{
  const myR: number | undefined = undefined; // ← your turn: the R that gives F = 64 for M = 14, v = 1
  const myF = myR === undefined ? undefined : ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: myR });
  ttc.checkValue("F at your R", myF, 64);
}

// %%
// Exercise 3: replace the body.
{
  // ← your turn (2·P·T·n alone ignores the PRM)
  const myFlops = (P: number, Q: number, n: number, T: number): number => undefined;
  const library = (P: number, Q: number, n: number, T: number) =>
    ttc.strategyCost(
      { kind: "best-of-n", n },
      { params: P, tokensPerGeneration: T, verifierFactor: 1 + Q / P },
    ).flops;
  ttc.checkAgainst(
    "best-of-N FLOPs with a separate PRM",
    myFlops,
    library,
    [
      [1e9, 8e9, 16, 500],
      [3e9, 8e9, 256, 500],
      [8e9, 8e9, 4, 1000],
    ],
    { tolerance: 1e-12 },
  );
}

// %%
// Exercise 5: predict first, then run.
{
  const myLevelAtR22: number | undefined = undefined; // ← your turn: 0 (none) or a level 1 … 5
  const myLevelAtR016: number | undefined = undefined; // ← your turn: 0 (none) or a level 1 … 5
  const shift = 3; // the stronger 14× model's logit shift
  const search = ttc.runSearchExperiment();
  const optimal = search.optimal.oracle;
  const f = (x: number) => ttc.formatNumber(x, 3);
  const verdicts = (R: number) => {
    const F = ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: R });
    // The measured budget nearest to F on a log scale, as in the level-by-level table.
    const budget = search.budgets.reduce((a, b) =>
      Math.abs(Math.log2(b / F)) < Math.abs(Math.log2(a / F)) ? b : a,
    );
    const point = optimal.curve.find((pt) => pt.budget === budget);
    const levels = optimal.binLevels.map((level, k) => {
      const ps = [...search.oracle.levels.keys()]
        .filter((i) => search.oracle.levels[i] === level)
        .map((i) => search.passRate[i]);
      const larger = ps.reduce((sum, p) => sum + ttc.largerModelP(p, shift), 0) / ps.length;
      const a = point.bins[k].accuracy;
      const se = Math.sqrt((a * (1 - a)) / ps.length);
      return { level, a, larger, won: larger - a > 2 * se };
    });
    const firstWon = levels.find((l) => l.won);
    return {
      budget,
      answer: firstWon ? firstWon.level : 0,
      text: levels
        .map((l) => `level ${l.level}: small ${f(l.a)} vs 14× ${f(l.larger)}${l.won ? " (14× wins)" : ""}`)
        .join("; "),
    };
  };
  const choices = [0, ...optimal.binLevels];
  const lesson = (v: { answer: number }) =>
    v.answer === 0
      ? "At this budget compute-optimal search holds every level against the stronger 14× model."
      : `The 14× model wins from level ${v.answer} on: a few generations help least on hard questions, ` +
        "where a better first guess counts most.";
  const at22 = verdicts(22);
  const at016 = verdicts(0.16);
  ttc.checkPrediction("easiest level the stronger 14× model wins at R = 22", myLevelAtR22, {
    answer: at22.answer,
    choices,
    explanation:
      `At R = 22 the small model affords about ${at22.budget} generations per question. ${at22.text}. ` +
      lesson(at22),
  });
  ttc.checkPrediction("easiest level the stronger 14× model wins at R = 0.16", myLevelAtR016, {
    answer: at016.answer,
    choices,
    explanation:
      `At R = 0.16 the small model affords about ${at016.budget} generations per question. ${at016.text}. ` +
      `${lesson(at016)} Where the larger model wins depends on R as much as on difficulty.`,
  });
}

// %% [markdown]
// ## Summary
//
// - A model M times larger buys the small model F = M + (3/v)(M − 1)/R generations per question at
//   equal total FLOPs; both texts of the paper place the larger model at the same three budgets.
// - In our synthetic analogue of Fig. 9, test-time compute beats the 14× model on easy and middle
//   questions at every R; on the hardest questions at large R the two are level. The paper finds
//   pretraining ahead there; either way, the two kinds of compute are not exchangeable one for
//   one.
// - Best-of-N is the parallel strategy (serial depth 1) and revisions the serial one; best-of-N
//   does not need a perfect verifier, but verifier quality caps it.
// - Follow-up work shows small models with search beating much larger ones, but without matching
//   FLOPs and with the verifier's cost on top; o1 and R1 are trained reasoning models, a different
//   thing from the paper's search on a fixed model.
//
// The numbers behind these sentences:

// %%
{
  const F = (R: number, v: number) =>
    ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: R, verifierFactor: v });
  const search = ttc.runSearchExperiment();
  const budget = 16; // the measured budget nearest to F at R = 22
  const atBudget = search.optimal.oracle.curve.find((pt) => pt.budget === budget) as ttc.OptimalAtBudget;
  const largerRows = ttc.evaluationByBin(
    { perQuestion: Array.from(search.passRate, (p) => ttc.largerModelP(p)) },
    search.oracle.levels,
  );
  const larger = (level: number) => largerRows.find((row) => row.bin === level).accuracy;
  const f = (x: number) => ttc.formatNumber(x, 3);
  const bon = ttc.strategyCost({ kind: "best-of-n", n: 16 });
  const chain = ttc.strategyCost({ kind: "revision", sequential: 16, parallel: 1 });
  const hf =
    ttc.strategyCost({ kind: "beam", n: 256, beamWidth: 4 }, { params: 1e9, verifierFactor: 9 }).flops /
    ttc.strategyCost({ kind: "greedy" }, { params: 8e9 }).flops;
  ttc.showMarkdown(
    [
      `- M = 14: F = **${f(F(0.16, 1))}**, **${f(F(0.79, 1))}**, **${f(F(22, 1))}** (arXiv v1) and ` +
        `**${f(F(0.08, 2))}**, **${f(F(0.4, 2))}**, **${f(F(11, 2))}** (ICLR).`,
      `- PRM search at ${budget} generations (R = 22) vs the 14× model, levels 1–5: ` +
        atBudget.bins.map((b) => `**${f(b.accuracy)}** vs ${f(larger(b.bin))}`).join("; ") +
        ".",
      `- Serial depth at 16 generations: best-of-N **${bon.serialDepth}**, ` +
        `one revision chain **${chain.serialDepth}**.`,
      `- p = 0.3, N = 16: a perfect verifier gives **${f(ttc.coverage(0.3, 16))}**, ` +
        `an AUC-${f(ttc.verifierAuc(1))} verifier ` +
        `**${f(ttc.bestOfNAccuracy(0.3, 16, { separation: 1 }))}**.`,
      `- Llama 3.2 1B with an 8B PRM at N = 256 spends **${f(hf)}×** the inference FLOPs ` +
        `of Llama 3.1 8B's greedy answer.`,
    ].join("\n"),
  );
}

// %% [markdown]
// ## Solutions
//
// **Exercise 1.** From 6ND_p + 2vND_i·F = M(6ND_p + 2vND_i): F = M + 6ND_p(M − 1)/(2vND_i)
// = M + (3/v)(M − 1)/R:
// `const myMultiplier = (M: number, R: number, v: number) => M + ((3 / v) * (M - 1)) / R;`
//
// **Exercise 2.** R = 3(M − 1) / (v(F − M)): `const myR = (3 * (14 - 1)) / (1 * (64 - 14));`
// The paper's R = 0.79 is slightly larger than this value, which is why it gives F slightly below 64.
//
// **Exercise 3.** Every generated token costs 2P to generate and 2Q to score:
// `const myFlops = (P: number, Q: number, n: number, T: number) => 2 * (P + Q) * T * n;`
// This equals 2·P·T·n·v with v = 1 + Q/P, the library's verifier factor.
//
// **Exercise 4.** Filter also on `ttc.strategyCost(run.spec).verifierRounds` (1 for best-of-N and
// revisions, one per step for beam search, lookahead search and DVTS). A limit of one round trip
// removes every step-level search, so situations where one of them won fall back to best-of-N or
// a revision split.
//
// **Exercise 5.** The checker explains its answer once you have predicted: at large R (heavy
// inference) the FLOPs-matched budget is small and the stronger model takes the hardest levels;
// at small R the budget is large and test-time compute holds them.

// %% [nav]

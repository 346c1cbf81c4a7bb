// Source of notebooks/01-context.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 01 · Context: why scaling laws matter, and what we knew before
//
// For five years, making a language model better mostly meant making it bigger. This chapter
// puts numbers on that recipe, shows where its cost really lands, and gives a first taste of
// the alternative the rest of the workbook studies: spending more compute *at test time*, on
// each question, instead of on more parameters.
//
// **You will learn**
// - how training compute is counted (C ≈ 6·N·D) and what "compute-optimal" training means;
// - why inference compute, paid on every answer, can outgrow the training bill;
// - what *coverage* is — the chance that at least one of N attempts is right — and why it is
//   only an upper bound on what sampling more can buy.
//
// **Prerequisites:** none beyond high-school algebra.
// **Time:** about 25 minutes (1175 words at 200 a minute and 146 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %% [markdown]
// ## Setup: one import, the library as `ttc`
//
// Every chapter imports the workbook's library once, as the namespace `ttc`, so each call
// shows what comes from the library. `ttc.showVersions()` prints what this kernel is running.

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## Training-time scaling: loss falls predictably as compute grows
//
// Scaling laws (Kaplan et al. 2020; Hoffmann et al. 2022) found that a model's loss falls as a
// smooth power law in its parameter count N, its training tokens D and the compute C spent
// on them. That predictability is why labs could plan ever larger runs: pay more compute,
// get a known improvement.
//
// Training compute is counted with a simple rule. Each token costs about 2 floating-point
// operations (FLOPs) per parameter in the forward pass and about 4 in the backward pass:
//
// $$C_\text{train} \approx 6 \cdot N \cdot D.$$
//
// Hoffmann et al. (2022, "Chinchilla") found that for a fixed budget C the loss is lowest when
// N and D grow together, at roughly 20 training tokens per parameter — a rule of thumb, not
// a law. The library has both:

// %%
ttc.pretrainingFlops(70e9, ttc.chinchillaTokens(70e9));

// %% [markdown]
// That is the training bill, in FLOPs, for a 70-billion-parameter model trained on its
// compute-optimal number of tokens. The table puts a few familiar sizes side by side.

// %%
{
  const sizes = [1e9, 8e9, 70e9, 405e9];
  ttc.showTable(
    sizes.map((n) => ({
      "parameters N": n,
      "Chinchilla tokens D = 20·N": ttc.chinchillaTokens(n),
      "training FLOPs 6·N·D": ttc.pretrainingFlops(n, ttc.chinchillaTokens(n)),
      "FLOPs per generated token 2·N": ttc.inferenceFlops(n, 1),
    })),
    { caption: "Compute-optimal training by the Chinchilla rule of thumb", digits: 3 },
  );
}

// %% [markdown]
// ### Build it, then check it
//
// The formula is one line. Writing it yourself and comparing with the library is the habit
// every chapter uses: the checker prints a table and a ✓ or ✗. An exercise you have not answered
// yet prints a neutral "✎ your turn" line instead; some exercises ask you to *predict* a result
// (set the `my…` value the cell names) before the cell computes it and explains why.

// %%
{
  const myPretrainingFlops = (params: number, tokens: number) => 6 * params * tokens;
  ttc.checkAgainst("pretrainingFlops", myPretrainingFlops, ttc.pretrainingFlops, [
    [1e9, 2e10],
    [70e9, 1.4e12],
    [405e9, 15e12],
  ]);
}

// %% [markdown]
// ## Inference is paid on every answer, and it adds up
//
// Training happens once; inference happens every time the model answers. Generating one token
// costs about 2·N FLOPs (a forward pass only), so serving D_inf tokens over the model's
// lifetime costs 2·N·D_inf. The two bills are equal when
//
// $$2 N D_\text{inf} = 6 N D_\text{pretrain} \iff D_\text{inf} = 3\,D_\text{pretrain}.$$
//
// The chart follows one model's two bills as the number of tokens it serves grows.

// %%
{
  const params = 70e9; // N, parameters
  const trainTokens = ttc.chinchillaTokens(params); // D_pretrain
  const served = Array.from({ length: 61 }, (_, i) => 10 ** (9 + i * 0.1)); // 1e9 … 1e15 tokens
  const train = ttc.pretrainingFlops(params, trainTokens);
  ttc.show(
    ttc.lineFigure({
      title: "One 70B model: training bill vs lifetime inference bill",
      xAxis: { title: "tokens served over the model's lifetime", log: true },
      yAxis: { title: "compute (FLOPs)", log: true },
      series: [
        { name: "pretraining, 6·N·D (paid once)", x: served, y: served.map(() => train), dash: "dash" },
        { name: "inference, 2·N·D_inf", x: served, y: ttc.inferenceFlopsCurve(params, served) },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** the inference line is straight on log–log axes (cost is proportional to
// tokens served) and crosses the flat training bill at three times the training tokens — the
// cell below computes where. A popular model serves far more than that, so a bigger model is
// paid for again on every answer.

// %%
{
  const params = 70e9;
  const trainTokens = ttc.chinchillaTokens(params);
  const crossover = ttc.inferenceCrossoverTokens(trainTokens);
  ttc.showMarkdown(
    `Trained on **${trainTokens.toExponential(2)}** tokens, the 70B model's inference bill ` +
      `overtakes its training bill after **${crossover.toExponential(2)}** tokens served ` +
      `(${(crossover / trainTokens).toFixed(0)}× the training tokens).`,
  );
}

// %% [markdown]
// ## Test-time compute: try several times, keep the best
//
// The alternative this workbook studies is to keep the model small and let it *think longer* on
// each question: sample several answers and let a verifier pick, revise an answer, or search
// step by step. Snell et al. (2024) asked when that beats simply training a bigger model.
//
// The simplest version is repeated sampling. If one attempt is right with probability p and
// attempts are independent, the chance that at least one of N attempts is right — the
// **coverage** — is
//
// $$\text{coverage}(p, N) = 1 - (1 - p)^N.$$
//
// Coverage is an **upper bound**: it is what you would get with a perfect verifier that always
// recognises a right answer. Real verifiers are imperfect, and chapters 03 and 04 measure the
// gap.

// %%
ttc.coverage(0.1, 16);

// %%
{
  const ns = Array.from({ length: 256 }, (_, i) => i + 1); // N = 1 … 256 attempts
  const ps = [0.02, 0.1, 0.3, 0.5]; // per-attempt success probabilities
  ttc.show(
    ttc.lineFigure({
      title: "Coverage with a perfect verifier (an upper bound on best-of-N)",
      xAxis: { title: "attempts per question, N", log: true },
      yAxis: { title: "coverage: P(at least one correct)", range: [0, 1] },
      series: ps.map((p) => ({ name: `p = ${p}`, x: ns, y: ttc.coverageCurve(p, ns) })),
    }),
  );
}

// %% [markdown]
// **What to notice:** every curve climbs quickly and then flattens, and the curve for a hard
// question (small p) needs far more attempts to get anywhere. The next cell counts how many.

// %%
{
  const ps = [0.02, 0.1, 0.3, 0.5];
  ttc.showTable(
    ps.map((p) => ({
      "p (one attempt)": p,
      "N for 50% coverage": ttc.samplesForCoverage(p, 0.5),
      "N for 90% coverage": ttc.samplesForCoverage(p, 0.9),
      "N for 99% coverage": ttc.samplesForCoverage(p, 0.99),
    })),
    { caption: "Attempts needed, with a perfect verifier" },
  );
}

// %% [markdown]
// ## The question the paper asks
//
// A bigger model costs more FLOPs on every token it generates; a smaller model can spend those
// same FLOPs on extra attempts. Snell et al. compare the two *at equal total FLOPs*, counting
// pretraining too. For a model M times larger and a ratio R of inference tokens to pretraining
// tokens, the smaller model can afford F times its usual inference compute:
//
// $$F = M + \frac{3\,(M - 1)}{R}.$$
//
// Chapter 08 derives this. With the paper's M ≈ 14 and its three values of R, the budgets are:

// %%
ttc.showTable(
  [0.16, 0.79, 22].map((R) => ({
    "R = D_inf / D_pretrain": R,
    "test-time budget F (× one generation)": ttc.flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: R }),
  })),
  {
    caption: "FLOPs-matched budgets for a 14× larger model (arXiv v1 convention, verifier factor 1)",
    digits: 3,
  },
);

// %% [markdown]
// When inference is light (small R) the small model can afford hundreds of attempts; when
// inference is heavy it can afford only about as many as the size ratio. Whether those
// attempts win depends on how hard the question is — the subject of chapter 02.

// %% [markdown]
// ## Try changing this
//
// Change the knobs and rerun the cell; it recomputes everything it shows.
// - Make the model smaller or larger and watch the crossover move with its training tokens.
// - Raise `p` and see how few attempts an easy question needs.

// %%
{
  const params = 8e9; // N: parameters, 1e8 … 1e12
  const tokensPerParam = 20; // training tokens per parameter, 1 … 1000 (Chinchilla ≈ 20)
  const p = 0.05; // one attempt's success probability, 0 … 1
  const target = 0.9; // coverage target, 0 … 1 (exclusive)

  const trainTokens = params * tokensPerParam;
  const crossover = ttc.inferenceCrossoverTokens(trainTokens);
  const ns = Array.from({ length: 128 }, (_, i) => i + 1);
  ttc.show(
    ttc.lineFigure({
      title: `Coverage for p = ${p}`,
      xAxis: { title: "attempts per question, N", log: true },
      yAxis: { title: "coverage: P(at least one correct)", range: [0, 1] },
      series: [{ name: `p = ${p}`, x: ns, y: ttc.coverageCurve(p, ns) }],
    }),
  );
  ttc.showMarkdown(
    `Training: **${ttc.pretrainingFlops(params, trainTokens).toExponential(2)}** FLOPs; ` +
      `inference overtakes it after **${crossover.toExponential(2)}** tokens served. ` +
      `Reaching ${target * 100}% coverage at p = ${p} takes **${ttc.samplesForCoverage(p, target)}** attempts.`,
  );
}

// %% [markdown]
// ## Bad input gets a clear error
//
// Every library function checks its arguments and says which one is wrong and why.
// `ttc.showError` runs a call and prints the error instead of stopping the notebook.

// %%
ttc.showError(() => ttc.coverage(1.5, 4));
ttc.showError(() => ttc.coverage(0.5, 2.5));
ttc.showError(() => ttc.pretrainingFlops(-70e9, 1e12));

// %% [markdown]
// ## Exercises
//
// 1. **Compute-optimal size for a budget.** Given a training budget C in FLOPs, find the
//    parameter count N that spends it at 20 tokens per parameter. *Hint:* substitute D = 20·N
//    into C = 6·N·D and solve for N.
// 2. **Attempts for a target.** Write the smallest N with 1 − (1 − p)^N ≥ target, and compare
//    it with `ttc.samplesForCoverage`. *Hint:* take logarithms, then round up.
// 3. **Open-ended.** A model serves 1e12 tokens a day. How many days until inference has cost
//    as much as training? How does the answer change for a model twice as large trained by the
//    Chinchilla rule?

// %%
// Exercise 1: replace the body. The checker plugs your N back into the library's formulas.
{
  const myOptimalParams = (budgetFlops: number): number => undefined; // ← your turn: the compute-optimal N
  for (const budget of [1e21, 1e23, 1e25]) {
    const n = myOptimalParams(budget);
    ttc.checkValue(
      `training FLOPs at C = ${budget.toExponential(0)}`,
      n === undefined ? undefined : ttc.pretrainingFlops(n, ttc.chinchillaTokens(n)),
      budget,
    );
  }
}

// %%
// Exercise 2: replace the body.
{
  const mySamplesForCoverage = (p: number, target: number): number => undefined; // ← your turn
  ttc.checkAgainst("samplesForCoverage", mySamplesForCoverage, ttc.samplesForCoverage, [
    [0.5, 0.95],
    [0.1, 0.95],
    [0.01, 0.5],
    [0.3, 0.999],
  ]);
}

// %% [markdown]
// ## Summary
//
// - Training compute is about 6·N·D, and the Chinchilla rule of thumb spends it at about 20
//   tokens per parameter.
// - Inference costs about 2·N per token and is paid on every answer; it matches the training
//   bill after three times the training tokens.
// - Coverage 1 − (1 − p)^N rises fast for easy questions and slowly for hard ones, and it is
//   only the perfect-verifier ceiling of what sampling more can buy.
// - Snell et al. compare a small model's extra test-time compute with a larger model at equal
//   FLOPs; the numbers below come from the cells above.

// %%
{
  const n = 70e9;
  const d = ttc.chinchillaTokens(n);
  ttc.showMarkdown(
    [
      `- A compute-optimal 70B model costs **${ttc.pretrainingFlops(n, d).toExponential(2)}** FLOPs to train.`,
      `- Its inference bill passes that after **${ttc.inferenceCrossoverTokens(d).toExponential(2)}** tokens served.`,
      `- At p = 0.1, **${ttc.samplesForCoverage(0.1, 0.9)}** attempts give 90% coverage; at p = 0.02, **${ttc.samplesForCoverage(0.02, 0.9)}**.`,
      `- A 14× larger model at R = 0.16 buys the small model a test-time budget of about **${ttc
        .flopsMatchedMultiplier({ sizeRatio: 14, tokenRatio: 0.16 })
        .toFixed(0)}** generations.`,
    ].join("\n"),
  );
}

// %% [markdown]
// ## Solutions
//
// **Exercise 1.** $C = 6 \cdot N \cdot 20N = 120\,N^2$, so $N = \sqrt{C / 120}$:
// `const myOptimalParams = (budgetFlops: number) => Math.sqrt(budgetFlops / 120);`
//
// **Exercise 2.** (1 − p)^N ≤ 1 − target ⇔ N ≥ log(1 − target) / log(1 − p); take the ceiling
// (and for p = 1 one attempt is enough):
// `const mySamplesForCoverage = (p: number, target: number) => Math.ceil(Math.log(1 - target) / Math.log(1 - p));`
// Beware rounding when the ratio is a whole number; the library checks the neighbours.
//
// **Exercise 3.** Days = 3·D_pretrain / (1e12 tokens a day); doubling N doubles D_pretrain under
// the rule, so the break-even time doubles too.

// %% [nav]

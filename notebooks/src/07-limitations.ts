// Source of notebooks/07-limitations.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 07 · Limitations: verifier quality, convergence, latency costs
//
// Test-time compute is not free accuracy. Every strategy in this workbook leans on something
// that can fail: a verifier that can be fooled, a revision model that breaks right answers, a
// user who waits while revisions run one after another, and bookkeeping that leaves some costs
// off the bill. This chapter measures each limit in the library's synthetic models, and says
// where the paper reports the same effect.
//
// **You will learn**
// - why best-of-N levels off below coverage when the verifier is noisy, and how a verifier that
//   prefers a plausible wrong answer makes best-of-N *fall* as N grows;
// - why beam search against a fooled process reward model (PRM) loses to plain best-of-N on easy
//   questions at large budgets;
// - why a revision chain converges to a limit and why the final answer must be *selected*;
// - what each strategy costs in wall-clock time, and which costs the paper leaves uncharged
//   (estimating difficulty, calling the verifier);
// - why voting saturates and can get worse with more votes.
//
// **Prerequisites:** chapters 03 and 04 (best-of-N, verifiers, revision chains, voting).
// **Time:** about 100 minutes (3397 words at 200 a minute and 784 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %% [markdown]
// ## Setup: one import, the library as `ttc`

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## A verifier's quality sets the ceiling: AUC slows best-of-N, label noise caps it
//
// Best-of-N returns the top-scored of N samples, so it is only as good as the verifier's
// ranking. The library scores a correct sample ~ Normal(d, 1) and a wrong one ~ Normal(0, 1)
// (our modelling choice, chapter 04). The **separation** d and the verifier's AUC — the chance
// that a random correct sample outscores a random wrong one — are two names for one knob:
//
// $$\text{AUC} = \Phi\!\left(\frac{d}{\sqrt 2}\right), \qquad d = \sqrt 2\,\Phi^{-1}(\text{AUC}).$$
//
// Chapter 04 derived the exact accuracy of best-of-N (a one-dimensional integral,
// `ttc.bestOfNAccuracy`). Two facts from there drive this section. Without label noise best-of-N
// does reach 1 as N → ∞ (for any d > 0), but for a mediocre verifier so slowly that no practical
// budget gets there. With
// **label noise** η — the verifier's judgement of a sample is flipped with probability η — it
// levels off at the share of truly correct samples among those the verifier calls correct:
//
// $$\lim_{N\to\infty} \text{acc}(N) = \frac{p(1-\eta)}{p(1-\eta) + (1-p)\,\eta}.$$
//
// The table converts a few AUCs to separations and back.

// %%
{
  const aucs = [0.6, 0.75, 0.9, 0.99]; // verifier AUCs to compare
  ttc.showTable(
    aucs.map((auc) => {
      const d = ttc.separationForAuc(auc);
      return {
        AUC: auc,
        "separation d = √2·Φ⁻¹(AUC)": d,
        "AUC again, Φ(d/√2)": ttc.verifierAuc(d),
      };
    }),
    { caption: "AUC and separation are two names for one verifier knob", digits: 4 },
  );
}

// %% [markdown]
// The first chart fixes a question with p = 0.2 and sweeps the AUC, with no label noise. The
// dashed line is coverage, the perfect-verifier ceiling.

// %%
{
  const p = 0.2; // per-sample success probability
  const ns = [...new Set(Array.from({ length: 49 }, (_, i) => Math.round(2 ** (i / 4))))]; // 1 … 4096
  const aucs = [0.6, 0.75, 0.9, 0.99];
  ttc.show(
    ttc.lineFigure({
      title: `Best-of-N by verifier AUC, no label noise (p = ${p})`,
      xAxis: { title: "samples per question N (log scale)", log: true },
      yAxis: { title: "best-of-N accuracy", range: [0, 1], percent: true },
      series: [
        {
          name: "coverage (perfect verifier)",
          x: ns,
          y: ttc.coverageCurve(p, ns),
          dash: "dash",
          color: "#888888",
        },
        ...aucs.map((auc) => ({
          name: `AUC ${auc}`,
          x: ns,
          y: ns.map((n) => ttc.bestOfNAccuracy(p, n, { separation: ttc.separationForAuc(auc) })),
        })),
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** coverage is essentially 1 within a few dozen samples. A weak verifier
// (AUC 0.6) is still creeping upwards at thousands of samples, below what a strong one (AUC 0.99)
// reaches with a handful. The verifier — not the sampler — decides how much N buys.
//
// Real verifiers are also *noisy*. The ICLR version of the paper (App. K) took its trained PRM and,
// at test time, flipped each of its *predictions* p to 1 − p with probability 0.2, independently per
// score and without retraining, and found that test-time search could still beat a ~14× larger
// model on easy and medium questions at low inference load. Our label noise η is the same kind of
// mechanism: at test time, independently for each sample, the verifier's judgement is flipped with
// probability η (a correct sample is scored like a wrong one and vice versa). The one difference is
// the scale: the paper flips the score itself, we flip which score distribution the sample's score is
// drawn from. So the curve at η = 0.2 below is our analogue of that experiment, on our synthetic
// questions rather than MATH.

// %%
{
  const p = 0.2;
  const auc = 0.9; // a good verifier
  const d = ttc.separationForAuc(auc);
  const etas = [0, 0.05, 0.1, 0.2]; // label-noise rates η
  const ns = [...new Set(Array.from({ length: 49 }, (_, i) => Math.round(2 ** (i / 4))))];
  ttc.show(
    ttc.lineFigure({
      title: `Best-of-N under label noise η (p = ${p}, AUC ${auc}): noisy verifiers level off at a plateau`,
      xAxis: { title: "samples per question N (log scale)", log: true },
      yAxis: { title: "best-of-N accuracy", range: [0, 1], percent: true },
      series: [
        {
          name: "coverage (perfect verifier)",
          x: ns,
          y: ttc.coverageCurve(p, ns),
          dash: "dash",
          color: "#888888",
        },
        ...etas.map((eta) => ({
          name: `η = ${eta}`,
          x: ns,
          y: ns.map((n) => ttc.bestOfNAccuracy(p, n, { separation: d, labelNoise: eta })),
        })),
        ...etas
          .filter((eta) => eta > 0)
          .map((eta) => ({
            name: `plateau for η = ${eta}`,
            x: [1, 4096],
            y: [1, 2].map(() => ttc.bestOfNLimit(p, { separation: d, labelNoise: eta })),
            dash: "dot" as const,
          })),
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** with 20% noise the curve flattens within a few dozen samples and stays
// flat: past that point more samples buy nothing, while coverage says every question is solved.
// Large Language Monkeys (Brown et al. 2024) saw this shape with real selection methods on MATH
// (Llama-3-8B-Instruct, arXiv v1 text): coverage rose from 79.8% at 100 samples to 95.3% at
// 10,000, while the accuracy of the selected answer (majority vote, reward-model best-of-N or
// reward-weighted vote) went only from 38.7% to 39.8%.
//
// The table puts numbers on both effects, and the cell after it checks a claim of the teaching
// summary.

// %%
{
  const p = 0.2;
  const ns = [4, 16, 64, 256];
  const rows: Record<string, string | number>[] = [];
  for (const auc of [0.75, 0.9, 0.99]) {
    for (const eta of [0, 0.2]) {
      const opts = { separation: ttc.separationForAuc(auc), labelNoise: eta };
      const row: Record<string, string | number> = { AUC: auc, "η (label noise)": eta };
      for (const n of ns) row[`N = ${n}`] = ttc.bestOfNAccuracy(p, n, opts);
      row["limit N → ∞"] = ttc.bestOfNLimit(p, opts);
      rows.push(row);
    }
  }
  const coverageRow: Record<string, string | number> = { AUC: "perfect", "η (label noise)": 0 };
  for (const n of ns) coverageRow[`N = ${n}`] = ttc.coverage(p, n);
  coverageRow["limit N → ∞"] = 1;
  rows.push(coverageRow);
  ttc.showTable(rows, { caption: `Best-of-N accuracy at p = ${p} (exact), with coverage last`, digits: 4 });
}

// %% [markdown]
// The teaching summary's best-of-N example quotes the coverage row of such a table as if it were
// best-of-N accuracy; chapter 05 audits it.

// %% [markdown]
// ## A fooled verifier makes best-of-N fall as N grows
//
// Label noise scatters the verifier's mistakes at random. A worse failure is a *systematic*
// one: the verifier likes one particular wrong answer — typically the model's most common
// mistake, which looks plausible. The library models this with a **distractor pull**: the most
// common wrong answer (a share `topDistractorShare` of the wrong samples) gets extra mean score.
//
// Far in the right tail of the scores, the component with the largest mean wins. If the pulled
// wrong answer's mean is the largest — pull > d, or any pull > 0 together with label noise (a
// flipped top distractor scores d + pull) — then the very top score belongs to that wrong answer
// more and more often as N grows, and best-of-N tends to **0**. More search finds the
// verifier's blind spot: Goodhart's law. The ICLR version of the paper (App. G.2) reports this
// for plain best-of-N with an outcome reward model (ORM) at large N, and reports that
// *weighted* best-of-N (summing scores per answer) beats plain best-of-N.
//
// The chart uses a question with p = 0.4 whose most common wrong answer takes half of the wrong
// samples, and a good verifier (d = 2) with 10% label noise and a pull of 1. Best-of-N is exact;
// weighted voting is seeded Monte Carlo with ±1.96 standard-error bars; majority vote is exact
// up to N = 512 and Monte Carlo beyond.

// %%
{
  const p = 0.4;
  const question = ttc.makeQuestion(p); // wrong answers split 0.5 / 0.25 / 0.15 / 0.1
  const fooled = { separation: 2, labelNoise: 0.1, distractorPull: 1, topDistractorShare: 0.5 };
  const honest = { separation: 2, labelNoise: 0.1 };
  const budgets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
  const verifier = ttc.makeVerifier({ separation: 2, labelNoise: 0.1, distractorPull: 1 });
  const weighted = budgets.map((n) =>
    ttc.weightedVoteAccuracy(question, n, verifier, { rng: ttc.makeRng(`ch07-weighted-${n}`), trials: 1000 }),
  );
  const majority = budgets.map((n) => ttc.majorityVoteAccuracy(question, n));
  ttc.show(
    ttc.budgetCurvesFigure({
      title: `A fooled verifier (p = ${p}, d = 2, η = 0.1, pull 1): best-of-N peaks, then falls`,
      xTitle: "samples per question N (log scale)",
      yTitle: "P(selected answer is correct)",
      series: [
        {
          name: "coverage (perfect verifier)",
          budgets,
          accuracy: ttc.coverageCurve(p, budgets),
          dash: "dash",
        },
        {
          name: "best-of-N, same verifier without the pull",
          budgets,
          accuracy: budgets.map((n) => ttc.bestOfNAccuracy(p, n, honest)),
          dash: "dot",
        },
        {
          name: "best-of-N, fooled verifier",
          budgets,
          accuracy: budgets.map((n) => ttc.bestOfNAccuracy(p, n, fooled)),
        },
        {
          name: "weighted vote, fooled verifier (Monte Carlo)",
          budgets,
          accuracy: weighted.map((r) => r.accuracy),
          standardError: weighted.map((r) => r.standardError),
        },
        {
          name: "majority vote (no verifier)",
          budgets,
          accuracy: majority.map((r) => r.accuracy),
          standardError: majority.map((r) => r.standardError),
        },
      ],
    }),
  );
}

// %% [markdown]
// **What to notice:** plain best-of-N with the fooled verifier rises for a while and then turns
// down, heading for zero; without the pull the same noisy verifier levels off instead. Weighted
// voting and majority voting keep climbing here: the right answer is the single most likely answer,
// and the pull is too weak to outweigh that in the summed scores. The next cell finds the peak.

// %%
{
  const p = 0.4;
  const fooled = { separation: 2, labelNoise: 0.1, distractorPull: 1, topDistractorShare: 0.5 };
  const ns = Array.from({ length: 13 }, (_, i) => 2 ** i); // 1 … 4096
  const acc = ns.map((n) => ttc.bestOfNAccuracy(p, n, fooled));
  const peak = acc.indexOf(Math.max(...acc));
  const f = (x: number) => ttc.formatNumber(x, 3);
  ttc.showMarkdown(
    `Among N = 1, 2, 4, …, 4096, the fooled verifier's best-of-N peaks at **N = ${ns[peak]}** with ` +
      `accuracy **${f(acc[peak])}**, falls to **${f(acc[acc.length - 1])}** at N = 4096, and its limit ` +
      `is **${f(ttc.bestOfNLimit(p, fooled))}**. Without the pull the limit would be ` +
      `**${f(ttc.bestOfNLimit(p, { separation: 2, labelNoise: 0.1 }))}**.`,
  );
}

// %% [markdown]
// ### Slide the pull: with label noise any pull makes best-of-N fall; without it, only a pull above d
//
// How strong must the verifier's taste for one wrong answer be before more samples hurt? The
// chart keeps the question (p = 0.4, the top wrong answer taking half of the wrong samples) and
// the verifier (d = 2), precomputes exact best-of-N for distractor pulls from 0 to 3, and draws
// two versions: with 10% label noise, as above, and without. The slider starts at the pull of 1
// used above. The table under the chart gives the N at which each curve is highest on the chart's
// grid and its limit as N → ∞ (`ttc.bestOfNLimit`).

// %%
{
  const p = 0.4; // per-sample success probability
  const d = 2; // verifier separation
  const share = 0.5; // share of the wrong samples on the most common wrong answer
  const pulls = [0, 0.25, 0.5, 1, 1.5, 2, 2.5, 3]; // extra mean score of that wrong answer
  const ns = Array.from({ length: 13 }, (_, i) => 2 ** i); // 1 … 4096 samples per question
  const coverage = ttc.coverageCurve(p, ns);
  const curves = pulls.map((pull) => {
    const noisy = { separation: d, labelNoise: 0.1, distractorPull: pull, topDistractorShare: share };
    const clean = { separation: d, labelNoise: 0, distractorPull: pull, topDistractorShare: share };
    return {
      pull,
      noisy: ns.map((n) => ttc.bestOfNAccuracy(p, n, noisy)),
      clean: ns.map((n) => ttc.bestOfNAccuracy(p, n, clean)),
      noisyLimit: ttc.bestOfNLimit(p, noisy),
      cleanLimit: ttc.bestOfNLimit(p, clean),
    };
  });
  ttc.show(
    ttc.sliderFigure({
      title: `Goodhart in best-of-N: a verifier that favours one wrong answer (p = ${p}, d = ${d})`,
      xAxis: { title: "samples per question N (log scale)", log: true },
      yAxis: { title: "P(selected answer is correct)", range: [0, 1], percent: true },
      sliderLabel: "distractor pull (extra mean score of the top wrong answer)",
      active: pulls.indexOf(1),
      steps: curves.map((c) => ({
        label: String(c.pull),
        series: [
          { name: "coverage (perfect verifier)", x: ns, y: coverage },
          { name: `best-of-N, pull ${c.pull}, label noise 0.1`, x: ns, y: c.noisy },
          { name: `best-of-N, pull ${c.pull}, no label noise`, x: ns, y: c.clean },
        ],
      })),
    }),
  );
  const peakN = (acc: number[]) => ns[acc.indexOf(Math.max(...acc))];
  ttc.showTable(
    curves.map((c) => ({
      pull: c.pull,
      "label noise 0.1: highest at N": peakN(c.noisy),
      "label noise 0.1: limit N → ∞": c.noisyLimit,
      "no label noise: highest at N": peakN(c.clean),
      "no label noise: limit N → ∞": c.cleanLimit,
    })),
    {
      caption:
        `Where each curve is highest on N = 1 … ${ns[ns.length - 1]} ` +
        `(${ns[ns.length - 1]}: still rising or flat at the chart's edge) and where it ends`,
      digits: 3,
    },
  );
}

// %% [markdown]
// **What to notice:** with label noise, every pull above 0 gives a peak and then a decline
// towards zero, and the peak moves towards smaller N as the pull grows. Without label noise the verifier
// can afford a pull smaller than its separation: best-of-N still climbs towards 1, only more
// slowly. At a pull equal to d the curve levels off; above d it too turns down. The blind spot
// that hurts is one the verifier scores *above* its typical correct answer — and label noise
// puts some of the favoured wrong samples there at any pull.

// %% [markdown]
// ## Heavy search over-optimises a fooled PRM: beam search falls behind best-of-N on easy questions
//
// Beam search against a PRM keeps the top N/M partial solutions every round and expands each M ways
// (Snell et al. §5.2). Selection that strong amplifies any flaw the PRM has. The paper saw it on
// its easiest questions: in difficulty bins 1–2, beam search (M = 4) got *worse* as the budget grew
// from 4 to 256 generations while best-of-N did not; on bins 3–4 beam search was better (Fig.
// 3-right, v1). It names the failure modes: repetitive, low-information final steps, and over-short
// solutions that exploit the PRM.
//
// The library's search model (`lib/search.ts`; its mechanism is our modelling choice, not the
// paper's) produces this from one stated flaw. Each step written from an on-track prefix is, with
// a small probability, a persuasive wrong step the PRM cannot see; the PRM then scores that
// **fooled branch** like honest work plus a bonus. Sampling meets a fooled branch as one vote
// among N. Beam search keeps it, copies it M ways every round, and can fill the beam with it. On
// easy questions a large share of the few mistakes are of the fooling kind, so there is little to
// gain from pruning and much to lose.
//
// The cell runs best-of-N weighted and beam search (M = 4) at the paper's budgets on the easiest
// fifth of a synthetic 500-question benchmark (level 1, the top quintile of p), and, for contrast,
// on the fourth fifth. Eight seeded runs per question; the standard errors are Monte Carlo errors
// for these fixed questions (an SE of 0 means every run on every question gave the same result).

// %%
{
  const bench = ttc.makeBenchmark({ seed: "ch07" });
  const levels = ttc.difficultyBins(ttc.passRates(bench)); // 1 = easiest fifth
  const budgets = [4, 16, 64, 256];
  const strategies: ttc.SearchStrategy[] = [{ kind: "best-of-n" }, { kind: "beam", beamWidth: 4 }];
  const runs = [1, 4].flatMap((level) => {
    const questions = bench.questions.filter((_, i) => levels[i] === level);
    return strategies.map((strategy) => ({
      level,
      questions,
      results: budgets.map((budget) =>
        ttc.searchAccuracy(questions, strategy, {
          budget,
          trials: 8,
          rng: ttc.makeRng(`ch07-search-${level}-${strategy.kind}-${budget}`),
        }),
      ),
    }));
  });
  ttc.show(
    ttc.budgetCurvesFigure({
      title: "Synthetic analogue of Fig. 3-right: beam search (M = 4) vs best-of-N by difficulty",
      xTitle: "generation budget per question (log scale)",
      yTitle: "accuracy on the level's questions",
      series: runs.map((run) => ({
        name: `${run.results[0].strategy}, level ${run.level}${run.level === 1 ? " (easiest)" : ""}`,
        budgets,
        accuracy: run.results.map((r) => r.accuracy),
        standardError: run.results.map((r) => r.standardError),
        dash: run.level === 1 ? ("solid" as const) : ("dot" as const),
      })),
    }),
  );
  ttc.showTable(
    runs.map((run) => {
      const ps = run.questions.map((q) => q.p);
      const row: Record<string, string | number> = {
        level: run.level,
        "pass@1 range": `${ttc.formatNumber(Math.min(...ps), 2)}–${ttc.formatNumber(Math.max(...ps), 2)}`,
        strategy: run.results[0].strategy,
      };
      run.results.forEach((r) => {
        row[`B = ${r.budget}`] =
          `${ttc.formatNumber(r.accuracy, 3)} ± ${ttc.formatNumber(r.standardError, 2)}`;
      });
      return row;
    }),
    {
      caption:
        `Accuracy ± standard error (${runs[0].results[0].trials} runs per question; ` +
        `${runs[0].questions.length} questions at level 1, ${runs[2].questions.length} at level 4)`,
    },
  );
}

// %% [markdown]
// **What to notice:** on the easiest level, best-of-N is at or near 100% from the smallest budget
// on, while beam search loses accuracy with every fourfold increase in budget — more compute, worse
// answers. On level 4 the picture flips: beam search prunes the many detectable mistakes and beats
// best-of-N by a wide margin from budget 16 on. "Which search is best" depends on difficulty and
// budget, which is the paper's case for choosing per question.
//
// Where does beam search's accuracy go? The next cell counts fooled branches among the final
// candidates at budget 256 on the easiest level, and shows why easy questions are the exposed
// ones: the chance that a mistake fools the PRM (`ttc.prmFoolProbability`) is far higher when
// mistakes are rare.

// %%
{
  const bench = ttc.makeBenchmark({ seed: "ch07" });
  const levels = ttc.difficultyBins(ttc.passRates(bench));
  const easy = bench.questions.filter((_, i) => levels[i] === 1);
  const n = 256;
  const rng = ttc.makeRng("ch07-fooled-share");
  const share = (r: { candidates: { fooled: Uint8Array } }) =>
    r.candidates.fooled.reduce((s, x) => s + x, 0) / r.candidates.fooled.length;
  let sampled = 0;
  let beam = 0;
  for (const q of easy) {
    sampled += share(ttc.bestOfNWeighted(q, { n, rng }));
    beam += share(ttc.beamSearch(q, { n, beamWidth: 4, rng }));
  }
  ttc.showTable(
    [
      {
        strategy: "best-of-N weighted",
        "share of the 256 final candidates on a fooled branch": sampled / easy.length,
      },
      { strategy: "beam M=4", "share of the 256 final candidates on a fooled branch": beam / easy.length },
    ],
    {
      caption: `Easiest level, budget ${n}: one run per question, mean over ${easy.length} questions`,
      digits: 3,
    },
  );
  ttc.showTable(
    [0.1, 0.5, 0.9, 0.99].map((p) => ({
      "pass@1 p": p,
      "P(a mistake fools the PRM)": ttc.prmFoolProbability(p),
    })),
    { caption: "Why easy questions are exposed: their rare mistakes are mostly the fooling kind", digits: 3 },
  );
}

// %% [markdown]
// ## Revisions converge to a limit and break correct answers, so selection is not optional
//
// A revision model rewrites its previous answer. It fixes wrong answers, but it also breaks
// right ones: used naively, the paper's revision model turned about 38% of correct answers
// into incorrect ones at the next revision (§6.1). Chapter 04's two-state chain (fix a wrong
// answer with probability *fix*, break a right one with probability *break*) shows that
// "take the last answer" converges to $L = \text{fix}/(\text{fix} + \text{break})$ as the chain grows, and L falls as the break rate
// rises. Selecting *across* the chain (the paper's verifier selection or majority) can do
// better, because a right answer that appeared and was later broken is still in the chain.
//
// The chart runs one chain per question, of length k = 1…64, on the 500-question benchmark, with
// the library's default revision model (fix = 0.6·p, 10% breaks per step; our choices) and with
// the naive 38% break rate. "Last attempt" is exact; the two selection rules are seeded Monte
// Carlo (4 runs per question) with ±1.96 SE bars.

// %%
{
  const bench = ttc.makeBenchmark({ seed: "ch07" });
  const lengths = [1, 2, 4, 8, 16, 32, 64];
  const series: ttc.BudgetSeries[] = [];
  const limits: ttc.ReferenceLine[] = [];
  for (const breakRate of [0.1, 0.38]) {
    const model = { breakRate };
    const dash = breakRate === 0.1 ? ("solid" as const) : ("dash" as const);
    const last = ttc.revisionCurve(bench, 64, model);
    const select = (selection: "verifier" | "majority") =>
      lengths.map((len) =>
        ttc.revisionAccuracy(bench, {
          budget: len,
          sequential: len,
          selection,
          model,
          trials: 4,
          rng: ttc.makeRng(`ch07-revision-${breakRate}-${selection}-${len}`),
        }),
      );
    const verifier = select("verifier");
    const majority = select("majority");
    series.push(
      {
        name: `take the last attempt, break ${breakRate}`,
        budgets: lengths,
        accuracy: lengths.map((k) => last[k - 1]),
        dash,
      },
      {
        name: `verifier selection, break ${breakRate}`,
        budgets: lengths,
        accuracy: verifier.map((r) => r.accuracy),
        standardError: verifier.map((r) => r.standardError),
        dash,
      },
      {
        name: `flat majority, break ${breakRate}`,
        budgets: lengths,
        accuracy: majority.map((r) => r.accuracy),
        standardError: majority.map((r) => r.standardError),
        dash,
      },
    );
    const limit =
      bench.questions.reduce((s, q) => s + ttc.markovRevisionLimit(q.p, ttc.revisionRates(q, model)), 0) /
      bench.questions.length;
    limits.push({ name: `limit of the last attempt (mean L), break ${breakRate}`, y: limit });
  }
  ttc.show(
    ttc.budgetCurvesFigure({
      title: "One revision chain per question: the last attempt converges; selection keeps climbing",
      xTitle: "chain length k (attempts, log scale)",
      yTitle: "benchmark accuracy",
      series,
      referenceLines: limits,
    }),
  );
}

// %% [markdown]
// **What to notice:** the last attempt flattens onto its grey limit line well before the
// longest chains; with 38% breaks it even ends *below* the first attempt. Selection over the
// same chain rises with its length (up to Monte Carlo wobble) and ends far above the last
// attempt at either break rate: the right answers the chain found are still there to be picked.
// Majority trails the verifier because the correct answer must also be the chain's most
// common answer. (Our model cannot match the paper's 38% and its rising revision pass@1 at the
// same time; chapter 03 explains why the library defaults to 10%.)
//
// The next cell counts how often a chain *found* the right answer and then lost it, and puts the
// teaching summary's linear model beside the chain. It also measures the break rate from the
// simulated chains, as a check that the simulation does what the model says.

// %%
{
  const bench = ttc.makeBenchmark({ seed: "ch07" });
  const length = 16;
  const chains = 8;
  const rows = [0.1, 0.38].map((breakRate) => {
    const rng = ttc.makeRng(`ch07-found-lost-${breakRate}`);
    let total = 0;
    let found = 0;
    let lost = 0;
    let correctThenRevised = 0;
    let broken = 0;
    for (const q of bench.questions) {
      const r = ttc.simulateRevisionChains(q, { chains, length, rng, model: { breakRate } });
      for (let c = 0; c < chains; c++) {
        let any = false;
        for (let k = 0; k < length; k++) {
          const right = r.answers[c * length + k] === ttc.CORRECT;
          if (right) any = true;
          if (right && k < length - 1) {
            correctThenRevised++;
            if (r.answers[c * length + k + 1] !== ttc.CORRECT) broken++;
          }
        }
        total++;
        if (any) found++;
        if (any && r.answers[c * length + length - 1] !== ttc.CORRECT) lost++;
      }
    }
    return {
      "break rate (model)": breakRate,
      "measured: correct attempts broken by the next revision": broken / correctThenRevised,
      "chains with a correct attempt": found / total,
      "…that end on a wrong answer": lost / total,
      "share of found answers lost": lost / found,
    };
  });
  ttc.showTable(rows, {
    caption: `${chains} chains of ${length} attempts per question, ${bench.questions.length} questions`,
    digits: 3,
  });
  const f = (x: number) => ttc.formatNumber(x, 3);
  const rates = { fix: 0.06, breakRate: 0.1 }; // a question with p0 = 0.1 under the default model
  ttc.showMarkdown(
    `The teaching summary's linear model (p₀ = 0.1, +0.05 per round) has the tenth attempt at ` +
      `**${f(ttc.linearRevisionAccuracy(0.1, 0.05, 10))}** and climbing without bound until 1. ` +
      `A chain that also breaks answers does not climb forever: at p₀ = 0.1 with fix = ${rates.fix} and ` +
      `break = ${rates.breakRate}, attempt 10 is at **${f(ttc.markovRevisionAccuracy(0.1, rates, 10))}** ` +
      `and the limit is **${f(ttc.markovRevisionLimit(0.1, rates))}**.`,
  );
}

// %% [markdown]
// **What to notice:** the measured break share matches the model's break rate. Most chains reach
// the right answer at some point, yet a large share of them end on a wrong one — most of
// those that found it, at the naive break rate. Returning the last attempt throws those answers
// away. The linear model of the teaching summary has no breaks, so it misses exactly this.

// %% [markdown]
// ## Latency: sequential compute is paid in wall-clock time
//
// The paper's budget unit is the *generation* (one full solution's worth of tokens), and it
// compares strategies at equal generations. A user waits for something else: the longest chain
// of work that must happen one step after another. `ttc.strategyCost` reports it as
// **serial depth** (in generations) and **verifier round trips**:
//
// - best-of-N: depth 1 (all N samples at once), 1 verifier round;
// - beam search and DVTS: depth 1 (T rounds of one step each), but T verifier rounds, one per step;
// - lookahead search with rollouts of k steps: depth k + 1, T verifier rounds;
// - revisions, `parallel` chains of L: depth L (each revision waits for the previous attempt), 1
//   round.
//
// With t_gen seconds per generation and t_ver seconds per verifier round trip, and enough
// hardware to run each round's generations at once,
//
// $$\text{wall-clock} \approx \text{depth}\cdot t_\text{gen} + \text{rounds}\cdot t_\text{ver}.$$
//
// The times below are assumptions (knobs), not measurements; T = 10 steps per solution is the
// library's default. The paper reports no wall-clock times.

// %%
{
  const tokensPerSolution = 1000; // tokens in one full solution
  const tokensPerSecond = 50; // decoding speed of one sequence, tokens/s
  const secondsPerVerifierRound = 0.5; // one verifier round trip, s
  const secondsPerGeneration = tokensPerSolution / tokensPerSecond;
  const specs: { name: string; spec: ttc.StrategySpec }[] = [
    { name: "best-of-16", spec: { kind: "best-of-n", n: 16 } },
    { name: "beam search, 16 beams, M=4", spec: { kind: "beam", n: 16, beamWidth: 4 } },
    { name: "DVTS, 16 beams, M=4", spec: { kind: "dvts", n: 16, beamWidth: 4 } },
    { name: "lookahead k=3, 4 beams, M=4", spec: { kind: "lookahead", n: 4, beamWidth: 4, k: 3 } },
    { name: "4 chains × 4 revisions", spec: { kind: "revision", sequential: 4, parallel: 4 } },
    { name: "1 chain × 16 revisions", spec: { kind: "revision", sequential: 16, parallel: 1 } },
  ];
  const rows = specs.map(({ name, spec }) => {
    const c = ttc.strategyCost(spec);
    return {
      name,
      c,
      generate: c.serialDepth * secondsPerGeneration,
      verify: c.verifierRounds * secondsPerVerifierRound,
    };
  });
  ttc.showTable(
    rows.map(({ name, c, generate, verify }) => ({
      strategy: name,
      "cost (generations)": c.generations,
      "serial depth (generations)": c.serialDepth,
      "verifier rounds": c.verifierRounds,
      "verifier calls": c.verifierCalls,
      "wall-clock (s)": generate + verify,
    })),
    {
      caption:
        `Equal compute, unequal waiting (${secondsPerGeneration} s per generation, ` +
        `${secondsPerVerifierRound} s per verifier round)`,
    },
  );
  ttc.show(
    ttc.barFigure({
      title: "Wall-clock time per question at a budget of 16 generations",
      categories: rows.map((r) => r.name),
      xAxis: { title: "strategy (each costs 16 generations)" },
      yAxis: { title: "wall-clock time per question (seconds)" },
      series: [
        { name: "generating (serial depth × t_gen)", values: rows.map((r) => r.generate) },
        { name: "verifier round trips (rounds × t_ver)", values: rows.map((r) => r.verify) },
      ],
      barmode: "stack",
    }),
  );
}

// %% [markdown]
// **What to notice:** every bar costs the same 16 generations, yet the all-sequential chain spends
// one full generation time per revision, while best-of-16 spends one in all. Step-level search adds
// a verifier round trip per step, a cost that grows with the number of steps rather than with N.
// Best-of-N is the fastest strategy here and sequential revision the serial one (chapter 05 audits
// the teaching summary's speed column).
//
// The everyday version of the question: ten revisions, or ten samples?

// %%
{
  const secondsPerGeneration = 20; // one full solution, s (1,000 tokens at 50 tokens/s)
  const secondsPerVerifierRound = 0.5; // s
  const rounds = 10;
  const wall = (spec: ttc.StrategySpec) => {
    const c = ttc.strategyCost(spec);
    return c.serialDepth * secondsPerGeneration + c.verifierRounds * secondsPerVerifierRound;
  };
  const chain = wall({ kind: "revision", sequential: rounds, parallel: 1 });
  const parallel = wall({ kind: "best-of-n", n: rounds });
  ttc.showMarkdown(
    `A ${rounds}-round revision chain takes **${ttc.formatNumber(chain, 4)} s**; ${rounds} parallel ` +
      `samples take **${ttc.formatNumber(parallel, 4)} s**, so the chain is ` +
      `**${ttc.formatNumber(chain / parallel, 3)}×** slower ` +
      `for the same ${ttc.strategyCost({ kind: "best-of-n", n: rounds }).generations} generations. ` +
      `Parallel sampling needs the hardware to run ${rounds} sequences at once; on a server that runs one ` +
      `at a time the two would take about as long.`,
  );
}

// %% [markdown]
// ## Two costs the paper does not charge: estimating difficulty and calling the verifier
//
// The paper's compute-optimal strategy picks a setting per **difficulty bin**, and it bins each
// question by the base model's pass@1 estimated from **2048 samples** (oracle bins), or by the
// PRM's mean score over the same 2048 samples (predicted bins). Those samples are not charged to
// any budget — the paper says so as a limitation. Its largest test-time budget is 256
// generations.
//
// How many samples does binning need? `ttc.binStability` estimates each question's pass@1 from
// m samples, bins the estimates into quintiles, and counts how many questions land in the bin
// their true p would give (20 seeded repetitions per m; ±1.96 SE bars).

// %%
{
  const bench = ttc.makeBenchmark({ seed: "ch07" });
  const samples = [4, 16, 64, 256, 1024, 2048]; // samples per question used to estimate p
  const st = ttc.binStability(bench, { rng: ttc.makeRng("ch07-bins"), samples, trials: 20 });
  ttc.show(
    ttc.budgetCurvesFigure({
      title: "How many samples it takes to put a question in the right difficulty bin",
      xTitle: "samples per question used to estimate pass@1, m (log scale)",
      yTitle: "share of questions placed in their true quintile",
      series: [
        {
          name: "same bin as the true p",
          budgets: samples,
          accuracy: st.agreement,
          standardError: st.standardError,
        },
        {
          name: "within one bin",
          budgets: samples,
          accuracy: st.withinOne,
          standardError: st.withinOneStandardError,
          dash: "dot",
        },
      ],
    }),
  );
  ttc.showTable(
    samples.map((m, i) => ({
      "samples m": m,
      "same bin": st.agreement[i],
      "± SE": st.standardError[i],
      "within one bin": st.withinOne[i],
      "m ÷ budget 16": m / 16,
      "m ÷ budget 256": m / 256,
    })),
    { caption: "Bin agreement, and the estimation cost as a multiple of the test-time budget", digits: 3 },
  );
}

// %% [markdown]
// **What to notice:** a budget-sized estimate (m = 16) misplaces a large share of questions, nearly
// always into a neighbouring bin, and even 2048 samples do not place every question exactly,
// because questions near a bin edge flip either way. An honest bill would add the estimation
// samples to every budget; at the paper's 2048 they are many times the test-time budget itself.
//
// The second uncharged item is the verifier. The arXiv version counts inference as
// Y = 2·N·D (generator only); the ICLR version charges a verifier as large as the generator,
// Y = 4·N·D. Counted in calls, step-level search is the heavy user: it scores every beam after
// every step.

// %%
{
  const specs: { name: string; spec: ttc.StrategySpec }[] = [
    { name: "best-of-16", spec: { kind: "best-of-n", n: 16 } },
    { name: "beam search, 16 beams, M=4", spec: { kind: "beam", n: 16, beamWidth: 4 } },
    { name: "lookahead k=3, 4 beams, M=4", spec: { kind: "lookahead", n: 4, beamWidth: 4, k: 3 } },
    { name: "1 chain × 16 revisions", spec: { kind: "revision", sequential: 16, parallel: 1 } },
  ];
  const difficultySamples = 2048;
  ttc.showTable(
    specs.map(({ name, spec }) => {
      const free = ttc.strategyCost(spec); // arXiv v1: verifier not charged
      const charged = ttc.strategyCost(spec, { verifierFactor: 2 }); // ICLR: Y = 4·N·D
      return {
        strategy: name,
        "cost (generations)": free.generations,
        "verifier calls (T = 10 steps)": free.verifierCalls,
        "FLOPs, verifier free (v1)": free.flops,
        "FLOPs, verifier charged (ICLR)": charged.flops,
        "+ 2048 difficulty samples (generations)": free.generations + difficultySamples,
      };
    }),
    {
      caption:
        "Per-question cost at budget 16. FLOPs are per parameter per solution token " +
        "(2 per generation at Y = 2·N·D, 4 at Y = 4·N·D)",
    },
  );
}

// %% [markdown]
// **What to notice:** charging the verifier doubles every verified strategy's FLOPs alike, so
// it does not change which strategy wins at a given budget; it does shift every curve one
// doubling to the right against a model that needs no verifier. The difficulty samples dwarf
// everything else in the table. A deployed system has to estimate difficulty from a few
// samples, or learn to predict it, and pay for that.

// %% [markdown]
// ## Voting saturates, and more votes can hurt
//
// Majority voting needs no verifier, but it has its own ceiling. Wu et al. (2024) prove that
// majority and weighted-majority accuracy converge, as the number of samples grows, to limits
// fixed by the model's (reward-weighted) answer distribution. On one question the limit is all
// or nothing: 1 if the right answer is the model's single most likely answer, 0 if some wrong
// answer is more likely. Chen et al. (2024) showed that over a mix of such questions the total
// can rise and then fall (chapter 04 derives the shape conditions of their two-level model).
//
// The chart shows two single questions (exact majority-vote accuracy) and a two-level mixture:
// half the queries "easy" (one call right with probability 0.7), half "hard" (0.4), binary
// answers, an odd number of calls.

// %%
{
  const ns = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];
  const oddK = Array.from({ length: 128 }, (_, i) => 2 * i + 1); // 1, 3, …, 255
  const [alpha, p1, p2] = [0.5, 0.7, 0.4];
  const questionSeries = [0.3, 0.4].map((p) => {
    const q = ttc.makeQuestion(p);
    const topWrong = ttc.answerDistribution(q)[1];
    return {
      name: `one question: p = ${p}, top wrong answer ${ttc.formatNumber(topWrong, 3)}`,
      x: ns,
      y: ns.map((n) => ttc.majorityVoteAccuracy(q, n).accuracy),
      mode: "lines+markers" as const,
    };
  });
  ttc.show(
    ttc.lineFigure({
      title: "Majority voting converges to all-or-nothing per question; a mixture can peak early",
      xAxis: { title: "samples (votes) per question N (log scale)", log: true },
      yAxis: { title: "majority-vote accuracy", range: [0, 1], percent: true },
      series: [
        ...questionSeries,
        {
          name: `two-level mixture: α = ${alpha}, p1 = ${p1}, p2 = ${p2} (odd N)`,
          x: oddK,
          y: oddK.map((k) => ttc.twoLevelVoteAccuracy(alpha, p1, p2, k)),
        },
      ],
    }),
  );
  const shape = ttc.twoLevelVoteShape(alpha, p1, p2);
  const f = (x: number) => ttc.formatNumber(x, 3);
  ttc.showMarkdown(
    `The mixture is **${shape.shape}**: ${f(ttc.twoLevelVoteAccuracy(alpha, p1, p2, 1))} with one call, ` +
      `a peak of **${f(shape.bestAccuracy)}** at **N = ${shape.bestK}**, then down towards its limit ` +
      `α = ${shape.limit} (${f(ttc.twoLevelVoteAccuracy(alpha, p1, p2, 255))} at N = 255).`,
  );
}

// %% [markdown]
// **What to notice:** the question whose most common wrong answer outweighs the right one
// rises briefly (its wrong answers are split several ways) and then collapses towards zero; the
// question where the right answer leads climbs to certainty. The mixture inherits both: it
// peaks at a modest N and then loses accuracy to the hard queries. Monkeys and the Hugging Face
// reproduction both report majority voting plateauing at around 64–100 samples on MATH.

// %% [markdown]
// ## Try changing this
//
// One cell, one question, one verifier. Change the knobs and rerun; it redraws the chart and
// recomputes the numbers.
// - Lower `auc` and watch every curve sag; raise `labelNoise` and watch the plateau drop.
// - Set `labelNoise: 0`: with `distractorPull` below the separation (shown under the chart)
//   best-of-N recovers and climbs towards 1; above it, best-of-N falls towards zero.

// %%
{
  const p = 0.4; // per-sample success probability, 0 … 1
  const auc = 0.92; // verifier AUC, 0.5 … <1
  const labelNoise = 0.1; // η, probability a sample's judgement is flipped, 0 … 0.5
  const distractorPull = 1; // extra mean score of the most common wrong answer, any finite number
  const topDistractorShare = 0.5; // share of wrong samples on that answer, 0 … 1
  const nMax = 4096; // largest N on the chart, 2 … 1e6

  const d = ttc.separationForAuc(auc);
  const honest = { separation: d, labelNoise };
  const fooled = { ...honest, distractorPull, topDistractorShare };
  const ns = [
    ...new Set(
      Array.from({ length: 4 * Math.ceil(Math.log2(nMax)) + 1 }, (_, i) => Math.round(2 ** (i / 4))),
    ),
  ].filter((n) => n <= nMax);
  const accFooled = ns.map((n) => ttc.bestOfNAccuracy(p, n, fooled));
  ttc.show(
    ttc.lineFigure({
      title: `Best-of-N: p = ${p}, AUC ${auc}, η = ${labelNoise}, pull ${distractorPull}`,
      xAxis: { title: "samples per question N (log scale)", log: true },
      yAxis: { title: "P(selected answer is correct)", range: [0, 1], percent: true },
      series: [
        { name: "coverage", x: ns, y: ttc.coverageCurve(p, ns), dash: "dash", color: "#888888" },
        { name: "best-of-N, no pull", x: ns, y: ns.map((n) => ttc.bestOfNAccuracy(p, n, honest)) },
        { name: "best-of-N, with the pull", x: ns, y: accFooled },
      ],
    }),
  );
  const peak = accFooled.indexOf(Math.max(...accFooled));
  const f = (x: number) => ttc.formatNumber(x, 3);
  ttc.showMarkdown(
    `Separation d = ${f(d)}. Without the pull: limit **${f(ttc.bestOfNLimit(p, honest))}**. ` +
      `With it: peak **${f(accFooled[peak])}** at N = ${ns[peak]}, ` +
      `**${f(accFooled[accFooled.length - 1])}** at N = ${ns[ns.length - 1]}, ` +
      `limit **${f(ttc.bestOfNLimit(p, fooled))}**.`,
  );
}

// %% [markdown]
// ## Bad input gets a clear error
//
// Every function checks its arguments and names the one that is wrong. `ttc.showError` prints
// the error instead of stopping the notebook.

// %%
ttc.showError(() => ttc.separationForAuc(1)); // a perfect AUC needs infinite separation
ttc.showError(() => ttc.bestOfNAccuracy(0.3, 16, { separation: 1, labelNoise: 0.6 })); // η above 0.5
ttc.showError(() =>
  ttc.searchAccuracy(
    ttc.makeBenchmark({ size: 5 }),
    { kind: "beam", beamWidth: 4 },
    { budget: 2, rng: ttc.makeRng(1) },
  ),
); // M = 4 cannot split 2 beams
ttc.showError(() => ttc.strategyCost({ kind: "revision", sequential: 0, parallel: 4 }));
ttc.showError(() => ttc.binStability(ttc.makeBenchmark({ size: 5 }), { rng: ttc.makeRng(1), samples: [0] }));

// %% [markdown]
// ## Exercises
//
// 1. **The label-noise plateau.** Derive the limit of best-of-N under label noise η and write
//    it as a function of p and η. *Hint:* as N → ∞ the top score comes from the samples the
//    verifier *judges* correct; what share of those is truly correct?
// 2. **The wall-clock time of a revision chain.** A chain of L revisions, each generation taking
//    t seconds, with one verifier round trip of v seconds at the end. Write its wall-clock time.
//    *Hint:* read `serialDepth` and `verifierRounds` in `ttc.strategyCost`.
// 3. **How much breaking can revisions afford?** Under the two-state chain, revisions improve
//    the last attempt (L > p₀) only if the break rate is below a threshold. Find the threshold as
//    a function of p₀ and fix. *Hint:* solve fix / (fix + break) = p₀ for break.
// 4. **Predict, then run: weighted voting with a worse verifier.** On a question with p = 0.4
//    whose most common wrong answer is less likely than the right one, an honest verifier (no pull, no
//    noise) gets worse: its AUC drops from 0.9 to 0.6. Predict where weighted voting with the
//    worse verifier ends at N = 256: `"near 1"`, `"in between"` or `"near 0"`. *Hint:* the
//    section "Voting saturates, and more votes can hurt".

// %%
// Exercise 1: replace the body with the plateau p(1 − η) / (…).
{
  const myPlateau = (p: number, eta: number): number => undefined; // ← your turn
  ttc.checkAgainst(
    "label-noise plateau",
    myPlateau,
    (p: number, eta: number) => ttc.bestOfNLimit(p, { separation: 1.5, labelNoise: eta }),
    [
      [0.2, 0.2],
      [0.1, 0.1],
      [0.5, 0.2],
      [0.05, 0.01],
      [0.9, 0.5],
    ],
  );
}

// %%
// Exercise 2: replace the body. L revisions, t seconds per generation, v seconds per verifier
// round.
{
  const myChainSeconds = (L: number, t: number, v: number): number => undefined; // ← your turn
  const reference = (L: number, t: number, v: number) => {
    const c = ttc.strategyCost({ kind: "revision", sequential: L, parallel: 1 });
    return c.serialDepth * t + c.verifierRounds * v;
  };
  ttc.checkAgainst("revision chain wall-clock (s)", myChainSeconds, reference, [
    [10, 20, 0.5],
    [4, 8, 1],
    [64, 20, 0.5],
    [1, 30, 2],
  ]);
}

// %%
// Exercise 3: replace the body. The largest break rate at which revisions still help pass@1.
{
  const myBreakThreshold = (p0: number, fix: number): number => undefined; // ← your turn
  // Reference: bisect markovRevisionLimit(p0, { fix, breakRate }) = p0 for breakRate in [0, 1].
  const reference = (p0: number, fix: number) => {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (ttc.markovRevisionLimit(p0, { fix, breakRate: mid }) > p0) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  ttc.checkAgainst("break-rate threshold", myBreakThreshold, reference, [
    [0.3, 0.18],
    [0.5, 0.3],
    [0.6, 0.36],
    [0.8, 0.48],
  ]);
}

// %%
// Exercise 4: predict first, then run.
{
  const myEnd: string | undefined = undefined; // ← your turn: "near 1", "in between" or "near 0"
  const question = ttc.makeQuestion(0.4); // wrong answers split 0.5 / 0.25 / 0.15 / 0.1
  const budgets = [4, 16, 64, 256];
  const f = (x: number) => ttc.formatNumber(x, 3);
  const climb = (auc: number) => {
    const verifier = ttc.makeVerifier({ separation: ttc.separationForAuc(auc) });
    return budgets.map(
      (n) =>
        ttc.weightedVoteAccuracy(question, n, verifier, {
          rng: ttc.makeRng(`ch07-ex4-${auc}-${n}`),
          trials: 400,
        }).accuracy,
    );
  };
  const good = climb(0.9);
  const worse = climb(0.6);
  const majority = budgets.map((n) => ttc.majorityVoteAccuracy(question, n).accuracy);
  const end = worse[worse.length - 1];
  const row = (xs: number[]) => budgets.map((n, i) => `N = ${n}: ${f(xs[i])}`).join(", ");
  ttc.checkPrediction("weighted voting at N = 256 with an AUC-0.6 verifier", myEnd, {
    answer: end > 0.9 ? "near 1" : end < 0.1 ? "near 0" : "in between",
    choices: ["near 1", "in between", "near 0"],
    explanation:
      `Weighted voting (Monte Carlo, 400 trials each), AUC 0.9: ${row(good)}; AUC 0.6: ${row(worse)}; ` +
      `majority vote (no verifier): ${row(majority)}. The right answer is the most likely one ` +
      `(${f(ttc.answerDistribution(question)[0])} against ${f(ttc.answerDistribution(question)[1])}), ` +
      "so with enough votes it wins whatever the weights: a worse but honest verifier only slows the " +
      "climb towards majority voting's pace. The plateau falls only when the verifier favours a wrong " +
      "answer (the fooled verifier above).",
  });
}

// %% [markdown]
// ## Summary
//
// - A verifier's AUC sets how fast best-of-N climbs, and label noise sets where it stops: the
//   plateau p(1 − η)/(p(1 − η) + (1 − p)η) lies far below coverage.
// - A verifier that prefers a plausible wrong answer turns more samples into worse answers;
//   weighted voting resists it when the right answer leads.
// - Beam search amplifies a fooled PRM: on easy questions it loses accuracy as the budget
//   grows, while on harder ones it wins.
// - Revision chains converge to fix/(fix + break); the last attempt is not the answer to
//   return — select across the chain.
// - Equal generations are not equal waiting: serial depth, verifier rounds, difficulty
//   estimation and verifier FLOPs all sit outside the paper's budget axis.
// - Voting saturates, and over a mix of questions more votes can lower accuracy.
//
// The numbers, recomputed:

// %%
{
  const f = (x: number) => ttc.formatNumber(x, 3);
  const se = (x: number) => ttc.formatNumber(x, 2);
  const d = ttc.separationForAuc(0.9);
  const noisy = { separation: d, labelNoise: 0.2 };
  const fooled = { separation: 2, labelNoise: 0.1, distractorPull: 1 };
  const ns = Array.from({ length: 13 }, (_, i) => 2 ** i);
  const acc = ns.map((n) => ttc.bestOfNAccuracy(0.4, n, fooled));
  const peak = acc.indexOf(Math.max(...acc));

  const bench = ttc.makeBenchmark({ seed: "ch07" });
  const levels = ttc.difficultyBins(ttc.passRates(bench));
  const easy = bench.questions.filter((_, i) => levels[i] === 1);
  const search = (strategy: ttc.SearchStrategy, budget: number) =>
    ttc.searchAccuracy(easy, strategy, {
      budget,
      trials: 8,
      rng: ttc.makeRng(`ch07-search-1-${strategy.kind}-${budget}`),
    });
  const beam4 = search({ kind: "beam", beamWidth: 4 }, 4);
  const beam256 = search({ kind: "beam", beamWidth: 4 }, 256);
  const bon256 = search({ kind: "best-of-n" }, 256);

  const last = ttc.revisionCurve(bench, 64);
  const chainSelected = ttc.revisionAccuracy(bench, {
    budget: 64,
    sequential: 64,
    trials: 4,
    rng: ttc.makeRng("ch07-revision-0.1-verifier-64"),
    model: { breakRate: 0.1 },
  });
  const wall = (spec: ttc.StrategySpec) => {
    const c = ttc.strategyCost(spec);
    return c.serialDepth * 20 + c.verifierRounds * 0.5;
  };
  const st = ttc.binStability(bench, {
    rng: ttc.makeRng("ch07-bins"),
    samples: [4, 16, 64, 256, 1024, 2048],
    trials: 20,
  });
  const vote = ttc.twoLevelVoteShape(0.5, 0.7, 0.4);
  ttc.showMarkdown(
    [
      `- **Label noise:** at p = 0.2 with an AUC-0.9 verifier and 20% noise, best-of-256 reaches ` +
        `${f(ttc.bestOfNAccuracy(0.2, 256, noisy))} (plateau ${f(ttc.bestOfNLimit(0.2, noisy))}); ` +
        `coverage is ${f(ttc.coverage(0.2, 256))}.`,
      `- **Fooled verifier:** at p = 0.4, best-of-N peaks at N = ${ns[peak]} (${f(acc[peak])}), ` +
        `falls to ${f(acc[acc.length - 1])} at N = 4096 and tends to ${f(ttc.bestOfNLimit(0.4, fooled))}.`,
      `- **Over-optimised search:** on the easiest fifth, beam search (M = 4) drops from ` +
        `${f(beam4.accuracy)} at budget 4 to ` +
        `${f(beam256.accuracy)} ± ${se(beam256.standardError)} at 256; ` +
        `best-of-N weighted is at ` +
        (bon256.accuracy === 1
          ? `1 there (every run correct).`
          : `${f(bon256.accuracy)} ± ${se(bon256.standardError)} there.`),
      `- **Revisions:** with one chain of 64 attempts, taking the last attempt gives accuracy ` +
        `${f(last[63])}; verifier selection over the same chain gives ` +
        `${f(chainSelected.accuracy)} ± ${se(chainSelected.standardError)}.`,
      `- **Latency:** at 20 s per generation and 0.5 s per verifier round, 10 revisions take ` +
        `${wall({ kind: "revision", sequential: 10, parallel: 1 })} s and 10 parallel samples ` +
        `${wall({ kind: "best-of-n", n: 10 })} s.`,
      `- **Uncharged difficulty estimate:** binning from m = 16 samples puts ${f(st.agreement[1])} ` +
        `of questions in their true bin, m = 2048 puts ${f(st.agreement[5])}; 2048 samples are ` +
        `${2048 / 256}× the paper's largest budget of 256.`,
      `- **Voting:** the two-level mixture (α = 0.5, p1 = 0.7, p2 = 0.4) peaks at ` +
        `${f(vote.bestAccuracy)} with N = ${vote.bestK} votes and falls towards ${vote.limit}.`,
    ].join("\n"),
  );
}

// %% [markdown]
// **Further reading:** Snell et al. (2024) §5 and Fig. 3 (search by difficulty), §6.1 (the 38%
// of broken answers), §3.2 and App. C v1 / App. E ICLR (difficulty bins from 2048 samples, not charged), ICLR
// App. G.2 (Goodharting best-of-N) and App. K (weaker verifiers); Wu et al. (2024) Theorems 1–2
// (voting limits); Chen et al. (2024) (non-monotone voting); Brown et al. (2024) (coverage vs
// selection).

// %% [markdown]
// ## Solutions
//
// **Exercise 1.** As N → ∞ the top score comes from the part of the mixture with the largest mean,
// d: samples the verifier judges correct. Truly correct ones are judged correct with probability
// p(1 − η), wrong ones with probability (1 − p)η, so `const myPlateau = (p: number, eta: number) =>
// (p * (1 - eta)) / (p * (1 - eta) + (1 - p) * eta);` At η = 0.5 the verifier is random and the
// plateau is p.
//
// **Exercise 2.** Each of the L attempts waits for the previous one; the verifier scores all of
// them in one round at the end:
// `const myChainSeconds = (L: number, t: number, v: number) => L * t + v;`
//
// **Exercise 3.** fix / (fix + break) > p₀ ⇔ fix·(1 − p₀) > break·p₀, so
// `const myBreakThreshold = (p0: number, fix: number) => (fix * (1 - p0)) / p0;`
// With the library's fix = 0.6·p₀ this is 0.6·(1 − p₀): easy questions tolerate few breaks.
//
// **Exercise 4.** The checker explains its answer once you have predicted: an honest verifier's
// AUC sets the speed of weighted voting, not its plateau.

// %% [nav]

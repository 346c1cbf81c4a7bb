// Source of notebooks/03-the-idea.ipynb — edit here, then run `npm run notebooks`.

// %% [markdown]
// # 03 · The idea: best-of-N and sequential revisions
//
// Snell et al. (2024) spend extra test-time compute in two ways: draw many answers and let a
// verifier choose among them, or let a revision model rewrite its own earlier answers. This
// chapter traces both on one synthetic question, sample by sample and round by round, then puts
// them side by side at the same budget — and shows that the two differ less in cost than in
// *latency*.
//
// **You will learn**
// - the paper's two levers: searching against a verifier, and changing the proposal
//   distribution by revising;
// - three ways to pick one answer out of N — plain best-of-N, majority vote and weighted voting —
//   and why they disagree;
// - how a process reward model is built: Monte Carlo rollout labels, soft targets, and how its
//   step scores become one score (last, min, prod);
// - why a revision chain needs selection across its attempts (later revisions can break a
//   correct answer);
// - why, at the same budget, parallel sampling is the fast option and sequential revision the
//   slow one.
//
// **Prerequisites:** chapter 01 (coverage).
// **Time:** about 125 minutes (4566 words at 200 a minute and 1019 lines of code at 10 a minute,
// exercises included).

// %% [nav]

// %% [markdown]
// ## Setup: one import, the library as `ttc`

// %%
import * as ttc from "ttc-workbook";
ttc.showVersions();

// %% [markdown]
// ## The paper has two levers: search against a verifier, or revise to change the proposals
//
// The paper organises test-time methods around two levers (Snell et al. §2, the same section in
// both the arXiv v1 and the ICLR text).
//
// - **Search against a verifier** modifies the *output* while the proposer stays fixed. The base
//   model samples; a learned verifier scores the samples and the method keeps the best-scored.
//   The simplest form is **best-of-N**: N independent samples, one pick. The paper's stronger
//   forms search step by step against a **process reward model (PRM)**, a verifier that scores
//   each step of a partial solution — beam search and lookahead search, introduced below with a
//   later addition, DVTS.
// - **Revising** modifies the *proposal distribution*. A revision model, finetuned for the job,
//   reads its own earlier attempts and writes a new one, so later attempts are drawn from a
//   better distribution than the first. In the paper the model's only "feedback" is those
//   earlier attempts in its context; the verifier comes in afterwards, to choose among them.
//
// This chapter traces the simplest version of each. The questions are synthetic: a question is
// described by its pass@1 p (the chance that one sample is right) and a few wrong answers
// ("distractors") with uneven weights. Every number below comes from the library's models, not
// from the paper.

// %% [markdown]
// ## One question, sixteen samples: three selection rules pick three different answers
//
// Take one question that the model gets right in 35% of samples, with three wrong answers, the
// most common of which is almost as frequent as the right one. Draw N = 16 samples. A verifier
// scores each sample on a logit-like line: a sample the verifier judges correct scores
// Normal(d, 1), one it judges wrong scores Normal(0, 1), with separation d = 1.5; and one
// judgement in ten is flipped (label noise 0.1), so now and then a wrong answer gets a
// confidently high score. The logistic map σ(s) = 1/(1 + e^(−s)) turns a raw score into a
// probability-scale score in (0, 1), the scale a PRM reports.
//
// Three rules then pick one answer. With answers a_i and scores s_i (i = 1…N):
//
// $$\text{plain best-of-N:}\quad \hat a = a_{i^*},\; i^* = \arg\max_i s_i \qquad
// \text{majority:}\quad \hat a = \arg\max_a \sum_i \mathbf 1\{a_i = a\}$$
//
// $$\text{weighted voting (the paper's "best-of-N weighted"):}\quad
// \hat a = \arg\max_a \sum_i \mathbf 1\{a_i = a\}\,\sigma(s_i).$$
//
// The seed below was **picked for illustration**: we scanned seeds `ch03-draw-0`, `-1`, … and
// kept the first draw in which the three rules pick three different answers (the next section
// shows how often that happens). The table lists every sample; answer 0 is the correct one.

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const verifier = ttc.makeVerifier({ separation: 1.5, labelNoise: 0.1 });
  const rng = ttc.makeRng("ch03-draw-26"); // picked for illustration: the three rules disagree
  const answers = ttc.sampleAnswers(question, 16, rng);
  const scores = ttc.scoreAnswers(answers, question, verifier, rng);
  const probs = ttc.toProbabilityScores(scores);
  const shares = ttc.answerDistribution(question);
  ttc.showMarkdown(
    "One sample's answer distribution: " +
      shares
        .map((s, a) => `answer ${a}${a === ttc.CORRECT ? " (correct)" : ""} ${ttc.formatNumber(s, 3)}`)
        .join(", ") +
      `. Verifier AUC without label noise: ${ttc.formatNumber(ttc.verifierAuc(verifier.separation), 3)}.`,
  );
  ttc.showTable(
    Array.from(answers, (a, i) => ({
      "sample #": i,
      answer: a,
      "correct?": a === ttc.CORRECT ? "yes" : "no",
      "raw score s": scores[i],
      "probability-scale score σ(s)": probs[i],
    })),
    { caption: "16 samples of one question and their verifier scores (seed ch03-draw-26)", digits: 3 },
  );
}

// %% [markdown]
// The next cell applies the three rules to the same draw and shows, answer by answer, the
// quantity each rule compares: the highest single score (plain best-of-N), the number of votes
// (majority) and the summed probability-scale score (weighted voting).

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const verifier = ttc.makeVerifier({ separation: 1.5, labelNoise: 0.1 });
  const rng = ttc.makeRng("ch03-draw-26");
  const answers = ttc.sampleAnswers(question, 16, rng);
  const scores = ttc.scoreAnswers(answers, question, verifier, rng);
  const probs = ttc.toProbabilityScores(scores);
  const plain = ttc.bestOfN(answers, scores);
  const majority = ttc.majorityVote(answers);
  const weighted = ttc.weightedVote(answers, probs);
  const ids = [...new Set(answers)].sort((a, b) => a - b);
  ttc.showTable(
    ids.map((a) => {
      const samples = Array.from(answers.keys()).filter((i) => answers[i] === a);
      const picked = [
        plain.answer === a ? "plain" : "",
        majority.answer === a ? "majority" : "",
        weighted.answer === a ? "weighted" : "",
      ].filter((s) => s !== "");
      return {
        answer: a,
        "correct?": a === ttc.CORRECT ? "yes" : "no",
        "highest raw score": Math.max(...samples.map((i) => scores[i])),
        "votes (samples)": samples.length,
        "summed σ(s)": samples.reduce((sum, i) => sum + probs[i], 0),
        "picked by": picked.join(", "),
      };
    }),
    { caption: "What each rule compares, per answer (same draw)", digits: 3 },
  );
  ttc.show(
    ttc.scoreStripFigure({
      title: "One question, 16 samples: plain best-of-N picks the ringed sample",
      answers,
      scores,
      picked: plain.index,
      yTitle: "raw verifier score s (logit scale)",
    }),
  );
}

// %% [markdown]
// **What to notice:** the ringed sample is the highest point on the chart, and it belongs to a
// wrong answer with few samples — plain best-of-N trusts that one number. The most common wrong
// answer has the most points but most of them sit low. The correct answer's points sit higher
// on average than the most common wrong answer's, and there are more of them than of the
// ringed answer's, so once every sample's σ(s) is added up, it comes out ahead.

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const verifier = ttc.makeVerifier({ separation: 1.5, labelNoise: 0.1 });
  const rng = ttc.makeRng("ch03-draw-26");
  const answers = ttc.sampleAnswers(question, 16, rng);
  const scores = ttc.scoreAnswers(answers, question, verifier, rng);
  const probs = ttc.toProbabilityScores(scores);
  const plain = ttc.bestOfN(answers, scores);
  const majority = ttc.majorityVote(answers);
  const weighted = ttc.weightedVote(answers, probs);
  const verdict = (a: number) => (a === ttc.CORRECT ? "correct" : "wrong");
  ttc.showMarkdown(
    [
      `- **Plain best-of-N** picks answer **${plain.answer}** (${verdict(plain.answer)}): sample ` +
        `#${plain.index} has the top raw score, ${ttc.formatNumber(plain.support, 3)}.`,
      `- **Majority vote** picks answer **${majority.answer}** (${verdict(majority.answer)}) with ` +
        `**${majority.support}** of 16 votes.`,
      `- **Weighted voting** picks answer **${weighted.answer}** (${verdict(weighted.answer)}): its ` +
        `samples' σ(s) add up to **${ttc.formatNumber(weighted.support, 3)}**, the largest sum, ` +
        `although it has fewer votes than answer ${majority.answer}.`,
    ].join("\n"),
  );
}

// %% [markdown]
// Weighted voting sits between the other two rules. Like majority vote it **aggregates evidence
// across samples**: an answer wins by collecting many samples with decent scores. Like best-of-N
// it **listens to the verifier**: a vote counts for σ(s), between 0 and 1, not for 1. Because
// no single sample can add more than 1 to a sum, one lucky high score on a wrong answer — here
// a flipped judgement — cannot carry the day on its own. The price: a wrong answer that is
// sampled often collects weight too, so weighted voting needs the verifier to discount it.

// %% [markdown]
// ## One draw is an anecdote: over many draws, which rule wins depends on N
//
// A single draw shows *how* the rules differ, not which one is better. For that we need the
// probability that each rule returns the correct answer for this question. The library computes
// it exactly for plain best-of-N (a one-dimensional integral over the top score,
// `ttc.bestOfNAccuracy`) and for majority vote (a dynamic program over vote counts,
// `ttc.majorityVoteAccuracy`), and by seeded Monte Carlo, with a standard error, for weighted
// voting (`ttc.weightedVoteAccuracy`). Two reference rows frame them: pass@1 (one sample, no
// selection) and coverage 1 − (1 − p)^N, what a perfect verifier would reach.

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const verifier = ttc.makeVerifier({ separation: 1.5, labelNoise: 0.1 });
  const n = 16;
  const plain = ttc.bestOfNAccuracy(question.p, n, verifier);
  const majority = ttc.majorityVoteAccuracy(question, n);
  const weighted = ttc.weightedVoteAccuracy(question, n, verifier, {
    rng: ttc.makeRng("ch03-weighted-16"),
    trials: 20000,
  });
  ttc.showTable(
    [
      {
        rule: "pass@1 (one sample, no selection)",
        accuracy: question.p,
        "standard error": 0,
        method: "exact",
      },
      { rule: "plain best-of-16", accuracy: plain, "standard error": 0, method: "exact (quadrature)" },
      {
        rule: "majority vote over 16",
        accuracy: majority.accuracy,
        "standard error": majority.standardError,
        method: majority.method,
      },
      {
        rule: "weighted voting over 16",
        accuracy: weighted.accuracy,
        "standard error": weighted.standardError,
        method: `Monte Carlo, ${weighted.trials} draws`,
      },
      {
        rule: "coverage (a perfect verifier)",
        accuracy: ttc.coverage(question.p, n),
        "standard error": 0,
        method: "exact",
      },
    ],
    { caption: "P(correct final answer) for this question at N = 16", digits: 3 },
  );

  // How often do the three rules agree on a fresh draw of 16 samples?
  const rng = ttc.makeRng("ch03-disagreement");
  const draws = 4000;
  let allAgree = 0;
  let allDiffer = 0;
  for (let t = 0; t < draws; t++) {
    const answers = ttc.sampleAnswers(question, n, rng);
    const scores = ttc.scoreAnswers(answers, question, verifier, rng);
    const a = ttc.bestOfN(answers, scores).answer;
    const b = ttc.majorityVote(answers).answer;
    const c = ttc.weightedVote(answers, ttc.toProbabilityScores(scores)).answer;
    if (a === b && b === c) allAgree++;
    if (a !== b && b !== c && a !== c) allDiffer++;
  }
  const ranked = [
    { rule: "plain best-of-N", acc: plain },
    { rule: "majority vote", acc: majority.accuracy },
    { rule: "weighted voting", acc: weighted.accuracy },
  ].sort((x, y) => y.acc - x.acc);
  ttc.showMarkdown(
    `At N = 16, **${ranked[0].rule}** is the most accurate rule for this question, then ` +
      `${ranked[1].rule}, then ${ranked[2].rule}. ` +
      `Over ${draws} fresh draws of 16 samples, the three rules agree in ` +
      `**${ttc.formatNumber((100 * allAgree) / draws, 3)}%** and pick three different answers, as in ` +
      `the draw above, in **${ttc.formatNumber((100 * allDiffer) / draws, 3)}%**.`,
  );
}

// %% [markdown]
// The ranking at N = 16 is not the whole story; it changes with N. The chart follows all three
// rules from 1 to 128 samples (a synthetic analogue of the paper's comparison of plain and
// weighted best-of-N, ICLR App. G.2, Fig. 13, with majority vote added).

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const verifier = ttc.makeVerifier({ separation: 1.5, labelNoise: 0.1 });
  const ns = [1, 2, 4, 8, 16, 32, 64, 128]; // samples per question
  const rng = ttc.makeRng("ch03-weighted-sweep");
  const weighted = ns.map((n) => ttc.weightedVoteAccuracy(question, n, verifier, { rng, trials: 4000 }));
  const maxSe = Math.max(...weighted.map((w) => w.standardError));
  ttc.show(
    ttc.lineFigure({
      title: "One question (p = 0.35): three selection rules as N grows",
      xAxis: { title: "samples per question, N (log scale)", log: true },
      yAxis: { title: "P(correct final answer)", range: [0, 1], percent: true },
      series: [
        {
          name: "plain best-of-N (exact)",
          x: ns,
          y: ns.map((n) => ttc.bestOfNAccuracy(question.p, n, verifier)),
        },
        {
          name: "majority vote (exact)",
          x: ns,
          y: ns.map((n) => ttc.majorityVoteAccuracy(question, n).accuracy),
        },
        {
          name: "weighted voting (Monte Carlo)",
          x: ns,
          y: weighted.map((w) => w.accuracy),
          mode: "lines+markers",
        },
        {
          name: "coverage, a perfect verifier",
          x: ns,
          y: ns.map((n) => ttc.coverage(question.p, n)),
          dash: "dot",
        },
        {
          name: "plain best-of-N as N → ∞",
          x: ns,
          y: ns.map(() => ttc.bestOfNLimit(question.p, verifier)),
          dash: "dash",
        },
      ],
    }),
  );
  ttc.showMarkdown(
    `Largest Monte Carlo standard error on the weighted-voting curve: ${ttc.formatNumber(maxSe, 2)}.`,
  );
}

// %% [markdown]
// **What to notice:** plain best-of-N climbs fastest at first, then flattens under its dashed
// ceiling: with label noise, a confidently mis-scored wrong sample becomes ever more likely
// among many samples. Weighted voting trails it at small N, overtakes it as N grows, and keeps
// climbing towards 1. Majority vote climbs slowly, because the correct answer is only barely the
// most common one. The gap to the dotted coverage curve is what an imperfect verifier costs.
//
// The limits explain the shapes. As N grows, each rule's pick settles on a fixed answer:
// majority vote on the answer with the largest share of samples, weighted voting on the answer
// with the largest share × mean σ(s) of its samples (Wu et al. 2024 prove this convergence),
// while plain best-of-N tends to the share of truly correct samples among those the verifier
// judges correct.

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const d = 1.5; // separation
  const eta = 0.1; // label noise
  // E[σ(d + Z)], Z ~ Normal(0, 1), by quadrature; E[σ(Z)] = 1/2 by symmetry.
  const meanSigma = ttc.integrate((z) => ttc.toProbabilityScore(d + z) * ttc.normalPdf(z), -12, 12).value;
  const weightCorrect = (1 - eta) * meanSigma + eta * 0.5;
  const weightWrong = (1 - eta) * 0.5 + eta * meanSigma;
  const shares = ttc.answerDistribution(question);
  ttc.showTable(
    shares.map((share, a) => {
      const w = a === ttc.CORRECT ? weightCorrect : weightWrong;
      return {
        answer: a,
        "share of samples (majority's limit compares these)": share,
        "mean σ(s) of one of its samples": w,
        "share × mean σ(s) (weighted voting's limit compares these)": share * w,
      };
    }),
    { caption: "Where majority and weighted voting go as N → ∞", digits: 3 },
  );
  const masses = shares.map((share, a) => share * (a === ttc.CORRECT ? weightCorrect : weightWrong));
  const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
  const limitPick = (a: number) => `answer ${a} (${a === ttc.CORRECT ? "correct" : "wrong"})`;
  ttc.showMarkdown(
    `As N → ∞, majority vote settles on ${limitPick(argmax(shares))}, with a margin of ` +
      `${ttc.formatNumber(shares[0], 3)} vs ${ttc.formatNumber(shares[1], 3)}; weighted voting settles on ` +
      `${limitPick(argmax(masses))}, with a wider margin of ${ttc.formatNumber(masses[0], 3)} vs ` +
      `${ttc.formatNumber(masses[1], 3)}, so it gets there with fewer samples. Plain best-of-N stops at ` +
      `**${ttc.formatNumber(ttc.bestOfNLimit(question.p, { separation: d, labelNoise: eta }), 3)}**.`,
  );
}

// %% [markdown]
// How concentrated the wrong answers are decides much of this. The paper found weighted voting
// ahead of plain best-of-N (ICLR App. G.2), and the Hugging Face reproduction found the gap
// growing with N. In our model that happens early when the wrong answers are scattered over
// many values, and only at large N when one wrong answer is nearly as common as the right one.
// The next cell keeps p = 0.35 and the verifier and spreads the same wrong mass over eight
// answers instead of three.

// %%
{
  const verifier = ttc.makeVerifier({ separation: 1.5, labelNoise: 0.1 });
  const n = 16;
  const cases = [
    { name: "concentrated: 3 wrong answers", distractors: [0.5, 0.3, 0.2] },
    { name: "scattered: 8 wrong answers", distractors: [0.3, 0.2, 0.15, 0.1, 0.1, 0.05, 0.05, 0.05] },
  ];
  ttc.showTable(
    cases.map((c) => {
      const question = ttc.makeQuestion(0.35, { distractors: c.distractors });
      const weighted = ttc.weightedVoteAccuracy(question, n, verifier, {
        rng: ttc.makeRng(`ch03-${c.name}`),
        trials: 20000,
      });
      return {
        "wrong answers": c.name,
        "most common wrong answer's share": ttc.answerDistribution(question)[1],
        "plain best-of-16": ttc.bestOfNAccuracy(question.p, n, verifier),
        "majority over 16": ttc.majorityVoteAccuracy(question, n).accuracy,
        "weighted over 16": weighted.accuracy,
        "weighted: standard error": weighted.standardError,
      };
    }),
    { caption: "p = 0.35 at N = 16: the same verifier, two patterns of wrong answers", digits: 3 },
  );
}

// %% [markdown]
// Plain best-of-N does not change between the two rows: it looks only at the top score, and in
// this verifier model a wrong sample's score does not depend on which wrong answer it is. Both
// voting rules gain a lot once no wrong answer can out-vote the right one.

// %% [markdown]
// ### Slide the verifier's AUC: a better verifier reaches the noise ceiling sooner, not higher
//
// The verifier's quality is the knob this chapter has held fixed. The chart keeps the question
// (p = 0.35, three wrong answers) and the 10% label noise, and precomputes the exact rules for
// verifier AUCs from 0.55 (barely better than a coin flip) to 0.99; the slider picks one, and it
// starts at the chapter's verifier (d = 1.5). Weighted voting is left out because it needs Monte
// Carlo at every point. Majority vote ignores the verifier, so its curve does not move: it is the
// yardstick. The flat line is plain best-of-N's limit as N → ∞, p(1 − η) / (p(1 − η) + (1 − p)η).

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const labelNoise = 0.1; // probability that the verifier misjudges a sample
  const aucs = [0.55, 0.65, 0.75, ttc.verifierAuc(1.5), 0.92, 0.97, 0.99]; // AUC before label noise
  const ns = [1, 2, 4, 8, 16, 32, 64, 128]; // samples per question
  const majority = ns.map((n) => ttc.majorityVoteAccuracy(question, n).accuracy); // the same at every AUC
  const coverage = ttc.coverageCurve(question.p, ns);
  const curves = aucs.map((auc) => {
    const verifier = ttc.makeVerifier({ separation: ttc.separationForAuc(auc), labelNoise });
    return {
      auc,
      plain: ns.map((n) => ttc.bestOfNAccuracy(question.p, n, verifier)),
      limit: ttc.bestOfNLimit(question.p, verifier),
    };
  });
  ttc.show(
    ttc.sliderFigure({
      title: "One question (p = 0.35, label noise 0.1): plain best-of-N as the verifier's AUC changes",
      xAxis: { title: "samples per question, N (log scale)", log: true },
      yAxis: { title: "P(correct final answer)", range: [0, 1], percent: true },
      sliderLabel: "verifier AUC (before label noise)",
      active: 3,
      steps: curves.map((c) => ({
        label: ttc.formatNumber(c.auc, 3),
        series: [
          { name: `plain best-of-N, AUC ${ttc.formatNumber(c.auc, 3)} (exact)`, x: ns, y: c.plain },
          { name: "majority vote (exact, no verifier)", x: ns, y: majority },
          { name: "coverage, a perfect verifier", x: ns, y: coverage },
          { name: "plain best-of-N as N → ∞", x: ns, y: ns.map(() => c.limit) },
        ],
      })),
    }),
  );
  const last = ns.length - 1;
  const f = (x: number) => ttc.formatNumber(x, 3);
  const below = curves.filter((c) => c.plain[last] < majority[last]).map((c) => f(c.auc));
  const limits = [...new Set(curves.map((c) => f(c.limit)))];
  ttc.showMarkdown(
    `Plain best-of-N's limit is **${limits.join(", ")}** at every AUC on the slider. At N = ${ns[last]}, ` +
      `majority vote (**${f(majority[last])}**) beats plain best-of-N for AUC ` +
      `${below.length > 0 ? below.join(" and ") : "none of the values"}; ` +
      `plain best-of-${ns[last]} ranges from **${f(curves[0].plain[last])}** at AUC ${f(aucs[0])} ` +
      `to **${f(curves[curves.length - 1].plain[last])}** at AUC ${f(aucs[aucs.length - 1])}.`,
  );
}

// %% [markdown]
// **What to notice:** moving the slider right steepens plain best-of-N's early climb, but its
// flat limit line does not move: with label noise, the share of truly correct samples among
// those the verifier calls correct sets the ceiling, and the AUC only decides how many samples it
// takes to get close. At the weakest AUCs, majority vote — which never looks at the scores —
// ends above plain best-of-N at large N; a verifier has to be decent before trusting its single
// top score pays.

// %% [markdown]
// ## Where the PRM comes from: step labels from rollouts
//
// A **process reward model (PRM)** scores a partial solution, step by step; an **outcome reward
// model (ORM)** scores only finished ones. What a PRM step score predicts is the prefix's
// *value*: the probability that the base model, continuing from that prefix, reaches the right
// answer. The paper builds it this way (Snell et al. §5.1; App. D v1 / App. F ICLR):
//
// - **Labels from rollouts, not from people.** Human step labels (PRM800K) proved easy for
//   search to exploit, so the paper labels steps by Monte Carlo, as Math-Shepherd does: sample
//   solutions to each training question, continue every step prefix several times with the base
//   model, and label the prefix with the share of continuations that reach the correct answer.
// - **Soft targets.** That share is a number in [0, 1], not a verdict, and the PRM is trained on
//   it per step with binary cross-entropy, $-(y \log \hat y + (1 - y)\log(1 - \hat y))$ with $y$ the
//   label. For a fixed $y$ this loss is smallest at $\hat y = y$, so the PRM learns to predict the
//   value itself.
// - **PRM vs ORM.** Trained the same way, the PRM beats the ORM, and the gap grows with N
//   (App. F v1 / App. H ICLR).
// - **From step scores to one score.** Best-of-N needs one score per finished solution, so the
//   step scores are aggregated: **last** (the final step's), **min** (Lightman et al. 2023), or
//   **prod** (their product), all `ttc.aggregateStepScores`. The paper found *last* best
//   (App. E v1 / App. G ICLR) and credits the soft labels; the cells below show why.
//
// The next cell does the labelling on one synthetic question with `ttc.monteCarloStepLabels`:
// it samples a few solutions step by step and rolls every prefix out to the end. In this world
// the exact value is known — `ttc.prefixValue(p, t, T)` while the prefix is on track, 0 once a
// step has gone wrong (a mistake here is never repaired) — so each label can be checked.

// %%
{
  const question = ttc.makeQuestion(0.3); // pass@1; knob: any probability
  const rollouts = 16; // continuations per prefix, as in the paper; knob: more rollouts, less noise
  const steps = 8; // T, steps per solution
  const r = ttc.monteCarloStepLabels(question, {
    rng: ttc.makeRng("ch03-prm-labels"),
    solutions: 4,
    rollouts,
    steps,
  });
  const x = Array.from({ length: steps }, (_, i) => i + 1);
  ttc.show(
    ttc.lineFigure({
      title: `Monte Carlo step labels (${rollouts} rollouts per prefix, markers) and exact values (lines), p = ${question.p}`,
      xAxis: { title: "step t (the prefix of the first t steps)" },
      yAxis: { title: "P(finishing correctly from the prefix)", range: [0, 1.05] },
      series: r.solutions.flatMap((sol, k) => [
        {
          name: `solution ${k + 1} (${sol.correct ? "correct" : "wrong"}): label`,
          x,
          y: sol.label,
          mode: "markers" as const,
          color: ttc.PALETTE[k],
        },
        {
          name: `solution ${k + 1}: exact value`,
          x,
          y: sol.exact,
          dash: "dash" as const,
          color: ttc.PALETTE[k],
        },
      ]),
    }),
  );
  const all = r.solutions.flatMap((sol) =>
    sol.label.map((l, i) => ({ l, v: sol.exact[i], se: sol.standardError[i] })),
  );
  const noisy = all.filter((a) => a.se > 0);
  const within = noisy.filter((a) => Math.abs(a.l - a.v) <= 2 * a.se).length;
  ttc.showMarkdown(
    `Of the **${all.length}** labels, **${all.length - noisy.length}** have an exact value of 0 or 1 and match it ` +
      `exactly; of the other **${noisy.length}**, **${within}** lie within 2 binomial standard errors ` +
      `√(v(1 − v)/${rollouts}) of the exact value v.`,
  );
}

// %% [markdown]
// **What to notice:** a label is a noisy estimate of the value: with 16 rollouts it moves in steps
// of 1/16 around the dashed line. Along a correct solution the value *rises* step by step, because
// fewer steps remain that can go wrong; at the step where a solution goes wrong its label falls to
// 0 and stays there. The next cell aggregates each solution's labels, standing in for a PRM that
// predicts the values perfectly up to rollout noise.

// %%
{
  const r = ttc.monteCarloStepLabels(ttc.makeQuestion(0.3), {
    rng: ttc.makeRng("ch03-prm-labels"),
    solutions: 4,
    rollouts: 16,
    steps: 8,
  });
  ttc.showTable(
    r.solutions.map((sol, k) => ({
      solution: k + 1,
      "final answer": sol.correct ? "correct" : "wrong",
      "last (labels)": ttc.aggregateStepScores(sol.label, "last"),
      "min (labels)": ttc.aggregateStepScores(sol.label, "min"),
      "prod (labels)": ttc.aggregateStepScores(sol.label, "prod"),
      "min (exact values)": ttc.aggregateStepScores(sol.exact, "min"),
    })),
    { caption: "One score per solution from its step labels: last, min and prod", digits: 3 },
  );
}

// %% [markdown]
// **What to notice:** with value labels, *last* is the finished solution's own value: 1 if it is
// correct, 0 if not — here exactly, for a trained PRM up to its error. *Min* of a correct
// solution is about its first step's value (near p, since values rise along the way): it
// measures how hard the question looked at the start, not how the solution ended, so a correct
// solution weighs little more than a wrong one that a PRM's error lifts a bit off 0. *Prod*
// compounds every step's estimate and falls with every step. Min suits labels that mark a step as right or wrong (Lightman et al.'s human labels);
// for soft value labels, the last step already carries the verdict. A real PRM predicts these
// values with error, which is what search can exploit.

// %% [markdown]
// ## Searching step by step: beam search, lookahead and DVTS
//
// Best-of-N scores only finished solutions. The paper's stronger searches (Snell et al. §5.2, Fig. 2
// in both versions) score *partial* solutions, one step at a time, with the process reward model
// (PRM). All three below spend a budget of N candidates per step; M is the beam width (how many
// continuations a kept prefix gets).
//
// - **Beam search.** Sample N first steps and score each with the PRM. Keep the best N/M, give each
//   of them M next steps (again N candidates), score, keep, and repeat until the solutions end.
//   The N finished candidates go to weighted voting. It costs N generations, like best-of-N.
// - **Lookahead search.** Beam search whose step scores come from looking ahead: each candidate
//   step is rolled out up to k more steps greedily (temperature 0), and the PRM's score at the end
//   of the rollout becomes the candidate's score; the beam keeps the step, not the rollout. The
//   paper calls this MCTS with the exploration removed. The rollouts are paid for: it costs
//   $N(k + 1)$ generations, and k = 0 is plain beam search.
// - **DVTS** (diverse verifier tree search) is *not in the paper*: the Hugging Face team added it
//   later (Beeching et al. 2024, huggingface/search-and-learn). It splits the N candidates into N/M
//   independent subtrees. Each subtree samples M first steps, keeps only its single best, gives it M
//   next steps, keeps the best again, and so on — a greedy beam of width one. One fooled branch can
//   take over only its own subtree, which keeps the final candidates diverse. It costs N
//   generations; `ttc.dvts` is the library's version.
//
// Beam search keeps the globally best prefixes, so a prefix the PRM over-rates can crowd out all the
// others; DVTS cannot put more than one kept prefix per subtree. Chapter 05 traces one beam search
// round by round, and chapter 06 runs all of them over a whole benchmark.
//
// **The three searches as trees.** The cells below run each search once on the same question, with
// `trace: true`, and draw the trace with `ttc.searchTreeFigure`: the question is the root, each
// round's candidates stand in a column, and an edge joins each candidate to the prefix it
// continues. Filled circles are kept prefixes (expanded next round), hollow ones are pruned, the
// diamonds at the right are the finished candidates that go to weighted voting; colour is the PRM
// score, and a red ring marks a candidate that has gone off track (kept with a red ring: the search
// kept a wrong prefix, because it fooled the PRM or drew a lucky score — hover to see which). The runs use one seed each; change it to see other outcomes.

// %%
{
  const question = ttc.makeQuestion(0.3);
  const n = 16;
  const beamWidth = 4;
  const run = ttc.beamSearch(question, { n, beamWidth, rng: ttc.makeRng("ch03-tree"), trace: true });
  ttc.show(
    ttc.searchTreeFigure(run.trace, {
      title: `Beam search, N = ${n}, M = ${beamWidth}: the best ${n / beamWidth} prefixes of each round get ${beamWidth} children each`,
    }),
  );
  ttc.showMarkdown(
    `Beam search: ${run.generations} generations; final answer ${run.correct ? "**correct**" : "**wrong**"}.`,
  );
}

// %%
{
  const question = ttc.makeQuestion(0.3);
  const n = 16;
  const beamWidth = 4;
  const k = 2; // rollout length
  const run = ttc.lookaheadSearch(question, { n, beamWidth, k, rng: ttc.makeRng("ch03-tree"), trace: true });
  const last = run.trace[run.trace.length - 1];
  const offTrack = Array.from(last.status).filter((s) => (s & ttc.STATUS_ON_TRACK) === 0).length;
  ttc.show(
    ttc.searchTreeFigure(run.trace, {
      title: `Lookahead search, N = ${n}, M = ${beamWidth}, k = ${k}: each step scored after a ${k}-step greedy rollout`,
    }),
  );
  ttc.showMarkdown(
    `Lookahead search: ${run.generations} generations (N(k + 1) = ${n}·${k + 1}); ` +
      `${offTrack} of its ${n} final candidates are off track; final answer ` +
      `${run.correct ? "**correct**" : "**wrong**"}. A rollout gives a sharper score, and a sharper ` +
      `score is also easier to exploit: when the beam fills with red rings, the search has been fooled.`,
  );
}

// %%
{
  const question = ttc.makeQuestion(0.3);
  const n = 16;
  const beamWidth = 4;
  const run = ttc.dvts(question, { n, beamWidth, rng: ttc.makeRng("ch03-tree"), trace: true });
  ttc.show(
    ttc.searchTreeFigure(run.trace, {
      title: `DVTS, N = ${n}, M = ${beamWidth}: ${n / beamWidth} independent subtrees, one kept prefix each`,
    }),
  );
  ttc.showMarkdown(
    `DVTS: ${run.generations} generations in ${n / beamWidth} subtrees; final answer ` +
      `${run.correct ? "**correct**" : "**wrong**"}. A subtree that goes off track takes only its own ` +
      `${beamWidth} final candidates with it.`,
  );
}

// %% [markdown]
// ## Revising changes the proposals: one chain, round by round
//
// Now the second lever. A revision chain starts with an ordinary sample and then rewrites it,
// one attempt at a time. The library's revision model is a small mechanism (our modelling
// choice, not the paper's numbers): on each revision
//
// - a **wrong** answer is fixed with probability fix = `fixScale` · p (hard questions are hard to
//   fix); if not fixed, it keeps the same wrong answer with probability `stickiness` or moves to
//   a fresh wrong answer;
// - a **correct** answer is broken with probability `breakRate` (it turns into a wrong answer).
//
// The cell below prints the library's defaults for the three (`ttc.DEFAULT_REVISION_MODEL`).
//
// Correctness then follows a two-state Markov chain, and pass@1 of attempt k has a closed form:
//
// $$a_k = L + (p - L)\,(1 - \text{fix} - \text{break})^{k-1}, \qquad
// L = \frac{\text{fix}}{\text{fix} + \text{break}}.$$
//
// The chain below has 8 attempts on the same question, each scored by the library's revision
// verifier (no label noise; its separation is printed with the defaults). Its seed was also **picked for illustration**: we
// scanned seeds `ch03-chain-0`, `-1`, … for a chain in which a correct answer is broken by a
// later revision and the last attempt ends up wrong.

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const chain = ttc.simulateRevisionChains(question, {
    chains: 1,
    length: 8,
    rng: ttc.makeRng("ch03-chain-35"), // picked for illustration: a later revision breaks a correct answer
  });
  const rates = ttc.revisionRates(question);
  const model = ttc.DEFAULT_REVISION_MODEL;
  ttc.showMarkdown(
    `Revision model (library defaults): fixScale ${model.fixScale}, breakRate ${model.breakRate}, ` +
      `stickiness ${model.stickiness}; verifier separation ${ttc.DEFAULT_REVISION_VERIFIER.separation}. ` +
      `On this question fix = ${ttc.formatNumber(rates.fix, 3)} and pass@1 tends to ` +
      `L = ${ttc.formatNumber(ttc.markovRevisionLimit(question.p, rates), 3)}.`,
  );
  const rows = Array.from(chain.answers, (a, k) => {
    const prev = k > 0 ? chain.answers[k - 1] : undefined;
    let event = "first attempt (a base-model sample)";
    if (prev !== undefined) {
      if (prev !== ttc.CORRECT && a === ttc.CORRECT) event = "fixed";
      else if (prev === ttc.CORRECT && a !== ttc.CORRECT) event = "broken";
      else if (prev === a) event = "kept";
      else event = "changed to another wrong answer";
    }
    return {
      attempt: k + 1,
      answer: a,
      "correct?": a === ttc.CORRECT ? "yes" : "no",
      "what the revision did": event,
      "raw score s": chain.scores[k],
      "σ(s)": ttc.toProbabilityScore(chain.scores[k]),
      "pass@1 of this attempt (exact)": ttc.markovRevisionAccuracy(question.p, rates, k + 1),
    };
  });
  ttc.showTable(rows, { caption: "One revision chain of 8 attempts (seed ch03-chain-35)", digits: 3 });

  const attempts = Array.from(chain.answers.keys());
  const correct = attempts.filter((k) => chain.answers[k] === ttc.CORRECT);
  const wrong = attempts.filter((k) => chain.answers[k] !== ttc.CORRECT);
  ttc.show(
    ttc.lineFigure({
      title: "One revision chain: each attempt's answer and verifier score",
      xAxis: { title: "attempt (1 = first sample, then one revision each)", range: [0.5, 8.5] },
      yAxis: { title: "raw verifier score s (logit scale)" },
      series: [
        {
          name: "all attempts, in order",
          x: attempts.map((k) => k + 1),
          y: attempts.map((k) => chain.scores[k]),
          dash: "dot",
          color: "#999999",
        },
        {
          name: "correct attempt",
          x: correct.map((k) => k + 1),
          y: correct.map((k) => chain.scores[k]),
          mode: "markers",
          color: "#009E73",
        },
        {
          name: "wrong attempt",
          x: wrong.map((k) => k + 1),
          y: wrong.map((k) => chain.scores[k]),
          mode: "markers",
          color: "#D55E00",
        },
      ],
      annotations: attempts.map((k) => ({
        x: k + 1,
        y: chain.scores[k],
        text: `answer ${chain.answers[k]}`,
        arrow: true,
      })),
    }),
  );
}

// %% [markdown]
// **What to notice:** the chain sits on one wrong answer for several attempts (stickiness), a
// revision fixes it, the correct answer survives a few revisions, and then a revision breaks it
// — so the last attempt is wrong although the chain had found the right answer. The verifier
// tends to score the correct attempts higher than the wrong ones (not every time: compare the
// scores in the table), which is what lets it find them again.

// %% [markdown]
// ## Select across the chain: the last attempt is not always the best one
//
// Taking the last attempt throws away everything the chain found earlier. The paper therefore
// selects across the chain, with two rules (Snell et al. §6.1, and App. I v1 / App. M ICLR):
//
// - **hierarchical verifier selection**: inside each chain, weighted voting over its attempts;
//   across chains, weighted voting again over the chains' picks (with one chain, only the first
//   stage applies);
// - **flat majority**: pool every attempt of every chain and take the most common answer.
//
// In the paper, the verifier for revisions is an outcome reward model (ORM) trained on the
// revision model's own outputs. The paper also reports that about 38% of correct answers were
// turned into incorrect ones by the next revision when the revision model was used naively —
// its training contexts never contain a correct answer, so it was never trained to keep one.
// Selection across the chain is the remedy. The next cell applies both rules to the chain above.

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const chain = ttc.simulateRevisionChains(question, {
    chains: 1,
    length: 8,
    rng: ttc.makeRng("ch03-chain-35"),
  });
  const last = chain.answers[chain.length - 1];
  const verdict = (a: number) => (a === ttc.CORRECT ? "correct" : "wrong");
  const same = ttc.hierarchicalVerifierSelection(chain.answers, chain.scores, chain.length).answer;
  ttc.showTable(
    [
      { rule: "take the last attempt", answer: last, result: verdict(last) },
      {
        rule: "flat majority over the 8 attempts",
        answer: chain.majorityAnswer,
        result: verdict(chain.majorityAnswer),
      },
      {
        rule: "verifier selection (weighted voting in the chain)",
        answer: chain.verifierAnswer,
        result: verdict(chain.verifierAnswer),
      },
    ],
    { caption: "Three ways to end the chain above" },
  );
  const agreement = same === chain.verifierAnswer ? "the same" : "a different";
  ttc.showMarkdown(
    `Recomputing the verifier's pick from the raw answers and scores with ` +
      `\`ttc.hierarchicalVerifierSelection\` gives answer ${same} (${agreement} pick).`,
  );
}

// %% [markdown]
// The chart follows the same question over chain lengths k = 1…16: pass@1 of attempt k (exact,
// from the Markov chain; a synthetic analogue of the paper's Fig. 6-left, v1), the two selection
// rules applied to attempts 1…k (Monte Carlo, `ttc.revisionAccuracy` with one chain of length
// k), and the chance that *any* of attempts 1…k is correct — the ceiling for any selection rule
// (Monte Carlo over simulated chains). A dashed line shows pass@1 if 38% of correct answers broke
// at every revision.

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const rounds = 16;
  const ks = Array.from({ length: rounds }, (_, i) => i + 1);
  const lengths = [1, 2, 4, 8, 16]; // chain lengths for the Monte Carlo selection curves
  const trials = 4000;
  const select = (selection: "verifier" | "majority") =>
    lengths.map((k) =>
      ttc.revisionAccuracy([question], {
        budget: k,
        sequential: k,
        selection,
        trials,
        rng: ttc.makeRng(`ch03-select-${selection}-${k}`),
      }),
    );
  const verifier = select("verifier");
  const majority = select("majority");
  // Ceiling: fraction of simulated chains with a correct attempt among the first k.
  const sim = ttc.simulateRevisionChains(question, {
    chains: trials,
    length: rounds,
    rng: ttc.makeRng("ch03-ceiling"),
  });
  const anyCorrect = ks.map((k) => {
    let hits = 0;
    for (let c = 0; c < trials; c++) {
      for (let j = 0; j < k; j++) {
        if (sim.answers[c * rounds + j] === ttc.CORRECT) {
          hits++;
          break;
        }
      }
    }
    return hits / trials;
  });
  const rates = ttc.revisionRates(question);
  ttc.show(
    ttc.lineFigure({
      title: "One question (p = 0.35): the last attempt vs selection across the chain",
      xAxis: { title: "chain length k (attempts, log scale)", log: true },
      yAxis: { title: "P(correct final answer)", range: [0, 1], percent: true },
      series: [
        {
          name: "pass@1 of attempt k (take the last attempt; exact)",
          x: ks,
          y: ttc.markovRevisionCurve(question.p, rates, rounds),
        },
        {
          name: "verifier selection over attempts 1…k",
          x: lengths,
          y: verifier.map((r) => r.accuracy),
          mode: "lines+markers",
        },
        {
          name: "flat majority over attempts 1…k",
          x: lengths,
          y: majority.map((r) => r.accuracy),
          mode: "lines+markers",
        },
        { name: "any attempt correct (ceiling)", x: ks, y: anyCorrect, dash: "dot" },
        {
          name: "pass@1 if 38% of correct answers broke each step",
          x: ks,
          y: ttc.markovRevisionCurve(question.p, { fix: rates.fix, breakRate: 0.38 }, rounds),
          dash: "dash",
        },
      ],
    }),
  );
  const se = Math.max(...verifier.map((r) => r.standardError), ...majority.map((r) => r.standardError));
  const f = (x: number) => ttc.formatNumber(x, 3);
  const naiveLimit = ttc.markovRevisionLimit(question.p, { fix: rates.fix, breakRate: 0.38 });
  ttc.showMarkdown(
    `At k = ${rounds}: the last attempt is right with probability ` +
      `**${f(ttc.markovRevisionAccuracy(question.p, rates, rounds))}** ` +
      `(the chain's limit L = ${f(ttc.markovRevisionLimit(question.p, rates))}), ` +
      `verifier selection **${f(verifier[verifier.length - 1].accuracy)}**, flat majority ` +
      `**${f(majority[majority.length - 1].accuracy)}**, and some attempt is correct in ` +
      `**${f(anyCorrect[rounds - 1])}** of chains. With 38% breaks per step, pass@1 would stall at ` +
      `L = ${f(naiveLimit)}. Largest Monte Carlo standard error: ${ttc.formatNumber(se, 2)}.`,
  );
}

// %% [markdown]
// **What to notice:** pass@1 of the last attempt rises with k but levels off at L, because
// breaks keep pace with fixes. For short chains, selection is no better than the last attempt;
// as chains grow, verifier selection pulls well above it, because the verifier finds the correct
// attempts wherever they occurred. Majority needs the correct answer to be the most common one in
// the chain, so it trails, below the last attempt until chains are long. The dashed line is why a naive revision
// model needs selection even more: at 38% breaks per step its last attempt barely beats the
// first sample. Our model cannot match the paper on both counts: here a wrong answer is fixed
// with probability at most p, so 38% breaks per step stall pass@1, while the paper's revision
// pass@1 kept rising step after step (Fig. 6-left) — its revision model must fix wrong answers
// faster than ours. The library's default therefore breaks 10% of correct answers per step.
// Either way, the remedy is the same: select across the chain.

// %% [markdown]
// ## Same budget, two shapes: parallel sampling is fast, sequential revision is deep
//
// A budget of 16 generations can be spent as 16 independent samples, as one chain of 16
// attempts, or in between: `parallel` chains of `sequential` attempts with
// sequential × parallel = 16. The paper writes these as ratios sequential:parallel (ICLR
// Table 1) and selects across chains hierarchically (verifier) or flatly (majority). The
// all-parallel end, 1:16, is weighted best-of-16 over first attempts.
//
// Accuracy is only half the comparison. The other half is **latency**, which we measure as
// **serial depth**: the number of generations that must run one after another. Parallel samples
// can all run at once; each revision has to wait for the attempt it revises. So the cost of
// every split is the same 16 generations, but its serial depth equals the chain length.
//
// **The two ends, drawn** (the paper's Fig. 5 in both versions shows the same contrast). The next
// cell gives one question the same 16 generations twice, with `ttc.simulateRevisionChains`: as
// 16 chains of one attempt (parallel sampling) and as one chain of 16 attempts (sequential
// revision), and draws each run with `ttc.revisionChainsFigure`. Each row is a chain and each
// column an attempt; a green circle is a correct attempt, a vermilion cross a wrong one, and the
// label is the verifier's score for it (a wrong attempt's label also names its wrong answer,
// `#j`). A grey ring marks each chain's pick (weighted voting
// inside the chain) and the open star the answer hierarchical selection keeps across chains.

// %%
{
  const question = ttc.makeQuestion(0.3); // pass@1 0.3; knob: any probability
  const budget = 16; // generations per question; knob: an integer, 1–64 keeps the labels readable
  const parallel = ttc.simulateRevisionChains(question, {
    chains: budget,
    length: 1,
    rng: ttc.makeRng("ch03-fig5-parallel"),
  });
  const sequential = ttc.simulateRevisionChains(question, {
    chains: 1,
    length: budget,
    rng: ttc.makeRng("ch03-fig5-sequential"),
  });
  ttc.show(
    ttc.revisionChainsFigure(parallel, {
      title: `Parallel: ${budget} independent samples, selected answer ${parallel.verifierCorrect ? "correct" : "wrong"}`,
    }),
  );
  ttc.show(
    ttc.revisionChainsFigure(sequential, {
      title: `Sequential: one chain of ${budget} attempts, selected answer ${sequential.verifierCorrect ? "correct" : "wrong"}`,
    }),
  );
  const count = (r: ttc.RevisionChainsResult, answer: number) => r.answers.filter((a) => a === answer).length;
  const kept = (r: ttc.RevisionChainsResult) =>
    `keeps ${r.verifierCorrect ? "the correct answer" : `wrong answer ${r.verifierAnswer}`}, ` +
    `which ${count(r, r.verifierAnswer)} of the ${budget} attempts carry`;
  const firstCorrect = sequential.answers.indexOf(0);
  ttc.showMarkdown(
    `- Parallel: **${count(parallel, 0)}** of ${budget} samples correct, serial depth **1**; selection ` +
      `${kept(parallel)}.\n` +
      `- Sequential: **${count(sequential, 0)}** of ${budget} attempts correct` +
      (firstCorrect < 0 ? "" : `, the first at attempt **${firstCorrect + 1}**`) +
      `, serial depth **${budget}**; selection ${kept(sequential)}.`,
  );
}

// %% [markdown]
// **What to notice:** the parallel run is a column of independent tries: every sample starts from
// scratch, so the correct ones are scattered among wrong ones and selection has to find them —
// global exploration. The sequential run is one row that changes step by step: a wrong answer tends
// to stay for several revisions (it is sticky), a fix turns the chain green, and a break turns it
// back — local refinement of one answer. A long chain can repair a wrong first attempt, but where
// fixes are rare (hard questions) one chain is a single lottery ticket, which is why a few chains
// in parallel can beat one long one. Weighted voting sums the scores of the attempts that share an
// answer, so a wrong answer repeated along a chain can outvote one well-scored correct attempt. The
// `#j` labels show which wrong answer each attempt carries. Rerun with other seeds to see how much
// one run varies.
//
// The next cell runs every split on a synthetic benchmark of 500 questions (pass@1 drawn from a
// Beta prior, our choice), 8 seeded repetitions per question. The standard errors are Monte
// Carlo errors for this fixed set of questions.

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch03" });
  const budget = 16;
  const rows = ttc.revisionRatios(budget).map((split) => {
    const common = { budget, sequential: split.sequential, trials: 8 };
    const byVerifier = ttc.revisionAccuracy(bench, {
      ...common,
      rng: ttc.makeRng(`ch03-split-${split.label}`),
    });
    const byMajority = ttc.revisionAccuracy(bench, {
      ...common,
      selection: "majority",
      rng: ttc.makeRng(`ch03-split-${split.label}`),
    });
    const latency = ttc.revisionLatency(split);
    return { split, byVerifier, byMajority, latency };
  });
  ttc.showTable(
    rows.map(({ split, byVerifier, byMajority, latency }) => ({
      "sequential:parallel": split.label,
      chains: split.parallel,
      "attempts per chain": split.sequential,
      "cost (generations)": latency.samples,
      "serial depth (generations)": latency.serialDepth,
      "accuracy, verifier selection": byVerifier.accuracy,
      "± SE (verifier)": byVerifier.standardError,
      "accuracy, flat majority": byMajority.accuracy,
      "± SE (majority)": byMajority.standardError,
    })),
    { caption: `Budget ${budget}: every split costs the same; serial depth and accuracy differ`, digits: 3 },
  );
  const depth = rows.map((r) => r.latency.serialDepth);
  ttc.show(
    ttc.lineFigure({
      title: `Budget ${budget} per question: accuracy vs latency of each split`,
      xAxis: { title: "serial depth = attempts per chain (generations in a row, log scale)", log: true },
      yAxis: { title: "benchmark accuracy", range: [0, 1], percent: true },
      series: [
        {
          name: "verifier selection (hierarchical)",
          x: depth,
          y: rows.map((r) => r.byVerifier.accuracy),
          mode: "lines+markers",
        },
        { name: "flat majority", x: depth, y: rows.map((r) => r.byMajority.accuracy), mode: "lines+markers" },
        {
          name: "pass@1 of one sample",
          x: depth,
          y: depth.map(() => ttc.revisionCurve(bench, 1)[0]),
          dash: "dot",
        },
      ],
      annotations: rows.map((r) => ({
        x: r.latency.serialDepth,
        y: r.byVerifier.accuracy,
        text: r.split.label,
        arrow: true,
      })),
    }),
  );
}

// %% [markdown]
// **What to notice:** moving right along the x axis buys accuracy with latency. In our model
// both selection rules do better towards the sequential end than at the all-parallel end, in
// line with the paper's finding that N sequential revisions beat N parallel samples (narrowly,
// in the paper). But every step to the right doubles the time a user waits, while the cost
// stays at 16 generations. The next cell compares the two ends and the best split.

// %%
{
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch03" });
  const budget = 16;
  const f = (x: number) => ttc.formatNumber(x, 3);
  const runs = ttc.revisionRatios(budget).map((split) => ({
    split,
    result: ttc.revisionAccuracy(bench, {
      budget,
      sequential: split.sequential,
      trials: 8,
      rng: ttc.makeRng(`ch03-split-${split.label}`),
    }),
  }));
  const parallel = runs[0];
  const sequential = runs[runs.length - 1];
  const depth = (run: (typeof runs)[number]) => ttc.revisionLatency(run.split).serialDepth;
  const best = runs.reduce((a, b) => (b.result.accuracy > a.result.accuracy ? b : a));
  const bestGapZ =
    (best.result.accuracy - sequential.result.accuracy) /
    Math.hypot(best.result.standardError, sequential.result.standardError);
  const caveat = bestGapZ < 3 ? ", a margin small enough to be noise" : ""; // < 3 standard errors apart
  // Difference of two independent estimates, its standard error, and how many standard errors it spans.
  const gap = (a: typeof parallel, b: typeof parallel) => {
    const diff = a.result.accuracy - b.result.accuracy;
    const se = Math.hypot(a.result.standardError, b.result.standardError);
    const z = ttc.formatNumber(diff / se, 2);
    return `${f(diff)} ± ${ttc.formatNumber(se, 2)}, about ${z} standard errors`;
  };
  ttc.showMarkdown(
    [
      `- Verifier selection: 16 parallel samples reach **${f(parallel.result.accuracy)}** at serial depth ` +
        `${depth(parallel)}; one chain of 16 attempts reaches ` +
        `**${f(sequential.result.accuracy)}** at serial depth ${depth(sequential)} ` +
        `(a gain of ${gap(sequential, parallel)}).`,
      best === sequential
        ? `- The all-sequential end is also the best split at this budget.`
        : `- The best split here is **${best.split.label}** (${best.split.parallel} chains of ` +
          `${best.split.sequential}), at serial depth ${depth(best)} instead of ${depth(sequential)}; ` +
          `it leads the all-sequential end by ${gap(best, sequential)}${caveat}. The paper found ` +
          `an optimum short of all-sequential on its harder questions (Fig. 7-right v1, budget 128).`,
    ].join("\n"),
  );
}

// %% [markdown]
// ### Same cost, different waits: best-of-N is the parallel option, sequential revision the serial one
//
// Best-of-N's N samples are independent, so they can run at the same time: its serial depth is
// that of a single sample, and its cost is N generations. Sequential revision is the serial one.
// `ttc.strategyCost` puts the strategies side by side in the paper's budget unit (generations)
// and in serial depth. (The teaching summary's table calls best-of-N slow; chapter 05 audits that
// table.)

// %%
{
  const specs: { name: string; spec: ttc.StrategySpec }[] = [
    { name: "greedy: one sample", spec: { kind: "greedy" } },
    { name: "best-of-16 (parallel)", spec: { kind: "best-of-n", n: 16 } },
    { name: "4 chains of 4 attempts", spec: { kind: "revision", sequential: 4, parallel: 4 } },
    { name: "1 chain of 16 attempts (sequential)", spec: { kind: "revision", sequential: 16, parallel: 1 } },
  ];
  ttc.showTable(
    specs.map(({ name, spec }) => {
      const cost = ttc.strategyCost(spec);
      return {
        strategy: name,
        "cost (generations)": cost.generations,
        "verifier calls": cost.verifierCalls,
        "serial depth (generations in a row)": cost.serialDepth,
      };
    }),
    { caption: "Cost and latency per question (ttc.strategyCost)" },
  );
  const bon = ttc.strategyCost({ kind: "best-of-n", n: 16 });
  const seq = ttc.strategyCost({ kind: "revision", sequential: 16, parallel: 1 });
  ttc.showMarkdown(
    `Best-of-16 and a 16-step chain cost the same **${bon.generations}** generations, but best-of-16 ` +
      `is done after the time of **${bon.serialDepth}** generation (given hardware to run 16 at once), ` +
      `the chain after **${seq.serialDepth}**. Best-of-N is the fast option; what it costs is compute, ` +
      `N generations — exactly what a chain of N attempts costs.`,
  );
}

// %% [markdown]
// ## Try changing this
//
// The cell redraws one question's N samples and recomputes the three rules' accuracies.
// - Raise `n` to 64 or 128 and watch weighted voting pass plain best-of-N.
// - Set `labelNoise = 0`: plain best-of-N has no ceiling any more.
// - Spread `distractors` over many small weights: no wrong answer gathers many votes, and both
//   voting rules improve.
// - Make one wrong answer dominant (`[0.9, 0.1]` with `p = 0.3`): then majority vote, and with this
//   verifier weighted voting too, converge to the wrong answer as `n` grows, while plain best-of-N
//   does not.
// - Lower `auc` towards 0.5 (a useless verifier): all three rules fall back towards pass@1 or
//   majority.

// %%
{
  const n = 16; // samples per question, integer 1 … 512
  const auc = 0.86; // verifier AUC without label noise, 0.5 … 0.999 (separation d = √2·Φ⁻¹(AUC))
  const labelNoise = 0.1; // probability that the verifier misjudges a sample, 0 … 0.5
  const p = 0.35; // one sample's chance of being correct, 0 … 1
  const distractors = [0.5, 0.3, 0.2]; // relative weights of the wrong answers, each >= 0
  const seed = "ch03-draw-26"; // any string or number: which draw to show
  const trials = 4000; // Monte Carlo draws for weighted voting, 100 … 100000

  try {
    const separation = ttc.separationForAuc(auc);
    const question = ttc.makeQuestion(p, { distractors });
    const verifier = ttc.makeVerifier({ separation, labelNoise });
    const rng = ttc.makeRng(seed);
    const answers = ttc.sampleAnswers(question, n, rng);
    const scores = ttc.scoreAnswers(answers, question, verifier, rng);
    const probs = ttc.toProbabilityScores(scores);
    const plain = ttc.bestOfN(answers, scores);
    const majority = ttc.majorityVote(answers);
    const weighted = ttc.weightedVote(answers, probs);
    ttc.show(
      ttc.scoreStripFigure({
        title: `p = ${p}, N = ${n}, AUC ${auc}, label noise ${labelNoise}: best-of-N picks the ringed sample`,
        answers,
        scores,
        picked: plain.index,
        yTitle: "raw verifier score s (logit scale)",
      }),
    );
    const weightedAcc = ttc.weightedVoteAccuracy(question, n, verifier, {
      rng: ttc.makeRng(`${seed}/acc`),
      trials,
    });
    const majorityAcc = ttc.majorityVoteAccuracy(question, n);
    ttc.showTable(
      [
        {
          rule: "plain best-of-N",
          "pick in this draw": plain.answer,
          "P(correct)": ttc.bestOfNAccuracy(p, n, verifier),
          "± SE": 0,
        },
        {
          rule: "majority vote",
          "pick in this draw": majority.answer,
          "P(correct)": majorityAcc.accuracy,
          "± SE": majorityAcc.standardError,
        },
        {
          rule: "weighted voting",
          "pick in this draw": weighted.answer,
          "P(correct)": weightedAcc.accuracy,
          "± SE": weightedAcc.standardError,
        },
        {
          rule: "coverage (perfect verifier)",
          "pick in this draw": null,
          "P(correct)": ttc.coverage(p, n),
          "± SE": 0,
        },
      ],
      { caption: `Separation d = ${ttc.formatNumber(separation, 3)}; answer 0 is correct`, digits: 3 },
    );
  } catch (e) {
    console.log(`Check the knobs: ${(e as Error).message}`);
  }
}

// %% [markdown]
// ## Bad input gets a clear error
//
// Weighted voting needs probability-scale scores: summing raw scores, which can be negative,
// would let a wrong answer win by collecting *fewer* negative votes. The library refuses rather
// than transform silently. The other calls show a few more checks.

// %%
ttc.showError(() => ttc.weightedVote([0, 1, 1], [1.2, -0.4, 0.3]));
ttc.showError(() => ttc.separationForAuc(1));
ttc.showError(() => ttc.makeQuestion(0.3, { distractors: [0, 0] }));
ttc.showError(() =>
  ttc.revisionAccuracy([ttc.makeQuestion(0.3)], { budget: 16, sequential: 3, rng: ttc.makeRng(1) }),
);

// %% [markdown]
// ## Exercises
//
// 1. **Weighted voting, by hand.** Write `myWeightedVote(answers, scores)` that returns the
//    answer with the largest summed score (ties: the answer seen first). The checker compares it
//    with `ttc.weightedVote(...).answer` on random cases. *Hint:* a `Map` from answer to running
//    sum keeps insertion order.
// 2. **Verifier AUC from separation.** A correct sample scores Normal(d, 1) and a wrong one
//    Normal(0, 1), independently. Write the probability that the correct one scores higher, and
//    check it against `ttc.verifierAuc`. *Hint:* what is the distribution of the difference of
//    the two scores? `ttc.normalCdf` is Φ.
// 3. **The ceiling of a revision chain.** In the library's revision model, a wrong answer is
//    fixed with probability fix at each revision, whatever wrong answer it is. Write the exact
//    probability that at least one of k attempts is correct, given p and fix. The checker
//    compares it with a Monte Carlo estimate (tolerance: 4 standard errors). *Hint:* count the
//    chains that are wrong at every attempt.
// 4. **Open-ended.** In the try-changing-this cell, find a question and verifier for which
//    majority vote beats plain best-of-N at N = 16. What do they have in common?
// 5. **Predict, then run: a worse verifier.** Take this chapter's question at N = 64 and weaken
//    the verifier from separation 1.5 to 0.3 (the label noise stays 0.1). Before running, predict
//    (a) which rule is then most accurate — `"plain best-of-N"`, `"majority"` or `"weighted"` —
//    and (b) whether plain best-of-N ends `"above"` or `"below"` majority vote.

// %%
// Exercise 1: replace the body.
{
  // ← your turn: return the answer weighted voting picks
  const myWeightedVote = (answers: number[], scores: number[]): number => undefined;
  const rng = ttc.makeRng("ch03-exercise-1");
  const cases: [number[], number[]][] = [
    [
      [1, 1, 0],
      [0.4, 0.4, 0.7],
    ], // two modest votes beat one strong one
    [
      [1, 1, 0],
      [0.1, 0.1, 0.7],
    ], // two weak votes lose to one strong one
    [
      [1, 0],
      [0.5, 0.5],
    ], // a tie: the answer seen first wins
  ];
  for (let c = 0; c < 6; c++) {
    const n = 4 + rng.int(6);
    cases.push([Array.from({ length: n }, () => rng.int(4)), Array.from({ length: n }, () => rng.next())]);
  }
  // Answers are labels, not quantities: compare them as text ("answer 2"), not by numeric difference.
  ttc.checkAgainst(
    "weightedVote",
    (a: number[], s: number[]) => {
      const mine = myWeightedVote(a, s);
      return mine === undefined ? undefined : `answer ${mine}`;
    },
    (a: number[], s: number[]) => `answer ${ttc.weightedVote(a, s).answer}`,
    cases,
  );
}

// %%
// Exercise 2: replace the body.
{
  const myVerifierAuc = (separation: number): number => undefined; // ← your turn
  ttc.checkAgainst("verifierAuc", myVerifierAuc, ttc.verifierAuc, [[0], [0.5], [1], [1.5], [2], [4]]);
}

// %%
// Exercise 3: replace the body. Checked against simulated chains of the library's revision model.
{
  const myChainCeiling = (p: number, fix: number, k: number): number => undefined; // ← your turn
  for (const [p, k] of [
    [0.35, 8],
    [0.1, 16],
  ]) {
    const question = ttc.makeQuestion(p);
    const fix = ttc.revisionRates(question).fix;
    const chains = 20000;
    const sim = ttc.simulateRevisionChains(question, {
      chains,
      length: k,
      rng: ttc.makeRng(`ch03-exercise-3-${p}`),
    });
    let hits = 0;
    for (let c = 0; c < chains; c++) {
      if (sim.answers.slice(c * k, (c + 1) * k).includes(ttc.CORRECT)) hits++;
    }
    const estimate = hits / chains;
    const se = Math.sqrt((estimate * (1 - estimate)) / chains);
    ttc.checkValue(
      `chain ceiling at p = ${p}, k = ${k} (vs Monte Carlo)`,
      myChainCeiling(p, fix, k),
      estimate,
      4 * se,
    );
  }
}

// %%
// Exercise 5: predict first, then run.
{
  const myBestRule: string | undefined = undefined; // ← your turn: "plain best-of-N", "majority" or "weighted"
  const myPlainVsMajority: string | undefined = undefined; // ← your turn: "above" or "below"
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const n = 64;
  const rows = [1.5, 0.3].map((separation) => {
    const verifier = ttc.makeVerifier({ separation, labelNoise: 0.1 });
    const weighted = ttc.weightedVoteAccuracy(question, n, verifier, {
      rng: ttc.makeRng(`ch03-exercise-5-${separation}`),
      trials: 20000,
    });
    return {
      auc: ttc.verifierAuc(separation),
      "plain best-of-N": ttc.bestOfNAccuracy(question.p, n, verifier),
      majority: ttc.majorityVoteAccuracy(question, n).accuracy,
      weighted: weighted.accuracy,
      se: weighted.standardError,
    };
  });
  const [good, weak] = rows;
  const rules = ["plain best-of-N", "majority", "weighted"] as const;
  const best = rules.reduce((a, b) => (weak[b] > weak[a] ? b : a));
  // Weighted voting is a Monte Carlo estimate: a rule within two of its standard errors is a tie.
  const tied = rules.filter((r) => r !== best && weak[best] - weak[r] <= 2 * weak.se);
  const f = (x: number) => ttc.formatNumber(x, 3);
  const line = (r: (typeof rows)[number]) =>
    rules.map((rule) => `${rule} ${f(r[rule])}`).join(", ") + ` (weighted ±${f(r.se)})`;
  const why =
    `At AUC ${f(good.auc)}: ${line(good)}. At AUC ${f(weak.auc)}: ${line(weak)}. ` +
    "Majority vote never reads the scores, so it does not move. Plain best-of-N bets everything " +
    "on the single top score, which a weak verifier hands to a wrong sample more and more often. " +
    "Weighted voting sums the scores per answer: as the scores carry less information its weights " +
    "flatten towards equal, so it degrades towards majority vote instead of below it.";
  ttc.checkPrediction(`the most accurate rule at AUC ${f(weak.auc)}, N = ${n}`, myBestRule, {
    answer: best,
    alsoRight: tied,
    choices: rules,
    explanation: why,
  });
  ttc.checkPrediction("plain best-of-N against majority vote with the weak verifier", myPlainVsMajority, {
    answer: weak["plain best-of-N"] > weak.majority ? "above" : "below",
    choices: ["above", "below"],
    explanation: `Plain best-of-N ${f(weak["plain best-of-N"])}, majority ${f(weak.majority)}.`,
  });
}

// %% [markdown]
// ## Summary
//
// - The paper's two levers are searching against a verifier (best-of-N, beam search against a
//   PRM) and revising, which changes the distribution the answers come from.
// - Plain best-of-N trusts the single top score; majority vote counts answers; weighted voting
//   adds up probability-scale scores per answer, so it needs many well-scored samples, not one
//   lucky one. Which wins depends on N, on the verifier's mistakes and on how concentrated the
//   wrong answers are.
// - A PRM is trained to predict each step prefix's value, the share of rollouts from it that
//   finish correctly; with such soft labels the last step's score already carries the verdict.
// - A revision chain can break a correct answer, so the final answer must be selected across
//   the chain, not read off its end.
// - At the same budget, parallel sampling has the serial depth of one sample and sequential
//   revision the depth of its chain: best-of-N is the fast strategy, not the slow one.
//
// The numbers behind these points, recomputed:

// %%
{
  const question = ttc.makeQuestion(0.35, { distractors: [0.5, 0.3, 0.2] });
  const verifier = ttc.makeVerifier({ separation: 1.5, labelNoise: 0.1 });
  const f = (x: number) => ttc.formatNumber(x, 3);
  const w16 = ttc.weightedVoteAccuracy(question, 16, verifier, {
    rng: ttc.makeRng("ch03-weighted-16"),
    trials: 20000,
  });
  const w128 = ttc.weightedVoteAccuracy(question, 128, verifier, {
    rng: ttc.makeRng("ch03-summary-128"),
    trials: 4000,
  });
  const rates = ttc.revisionRates(question);
  const chainSel = ttc.revisionAccuracy([question], {
    budget: 16,
    sequential: 16,
    trials: 4000,
    rng: ttc.makeRng("ch03-select-verifier-16"),
  });
  const bench = ttc.makeBenchmark({ size: 500, seed: "ch03" });
  const par = ttc.revisionAccuracy(bench, {
    budget: 16,
    sequential: 1,
    trials: 8,
    rng: ttc.makeRng("ch03-split-1:16"),
  });
  const seq = ttc.revisionAccuracy(bench, {
    budget: 16,
    sequential: 16,
    trials: 8,
    rng: ttc.makeRng("ch03-split-16:1"),
  });
  const plain = (n: number) => f(ttc.bestOfNAccuracy(question.p, n, verifier));
  const majority = (n: number) => f(ttc.majorityVoteAccuracy(question, n).accuracy);
  const depth = (sequential: number) =>
    ttc.strategyCost({ kind: "revision", sequential, parallel: 16 / sequential });
  ttc.showMarkdown(
    [
      `- One question (p = 0.35), 16 samples: plain best-of-N **${plain(16)}**, ` +
        `majority **${majority(16)}**, weighted voting **${f(w16.accuracy)}** ` +
        `(± ${ttc.formatNumber(w16.standardError, 2)}); at 128 samples: ` +
        `**${plain(128)}**, **${majority(128)}**, **${f(w128.accuracy)}** ` +
        `(± ${ttc.formatNumber(w128.standardError, 2)}).`,
      `- One chain of 16 attempts on that question: the last attempt is right with probability ` +
        `**${f(ttc.markovRevisionAccuracy(question.p, rates, 16))}**, verifier selection across the chain ` +
        `**${f(chainSel.accuracy)}** (± ${ttc.formatNumber(chainSel.standardError, 2)}).`,
      `- Budget 16 on 500 synthetic questions, verifier selection: 16 parallel samples ` +
        `**${f(par.accuracy)}** at serial depth ${depth(1).serialDepth}; one chain of 16 ` +
        `**${f(seq.accuracy)}** at serial depth ${depth(16).serialDepth}.`,
    ].join("\n"),
  );
}

// %% [markdown]
// **Further reading:** Snell et al. (2024) §2 (the two levers), §5.1 and App. E v1 / G ICLR
// (weighted best-of-N), §6 (revisions, selection across chains, sequential vs parallel).

// %% [markdown]
// ## Solutions
//
// **Exercise 1.** Sum per answer in order of first appearance, then keep the largest sum with a
// strict `>` so the first-seen answer wins ties:
// ```ts
// const myWeightedVote = (answers: number[], scores: number[]): number => {
//   const sums = new Map<number, number>();
//   answers.forEach((a, i) => sums.set(a, (sums.get(a) ?? 0) + scores[i]));
//   let best = answers[0];
//   for (const [a, s] of sums) if (s > sums.get(best)) best = a;
//   return best;
// };
// ```
//
// **Exercise 2.** The difference of the two scores is Normal(d, 2), so
// P(difference > 0) = Φ(d/√2):
// `const myVerifierAuc = (separation: number): number => ttc.normalCdf(separation / Math.SQRT2);`
//
// **Exercise 3.** A chain never holds a correct answer only if its first sample is wrong
// (probability 1 − p) and each of the k − 1 revisions fails to fix it (probability 1 − fix each;
// a failed revision leaves a wrong answer, sticky or not). So
// `const myChainCeiling = (p: number, fix: number, k: number): number => 1 - (1 - p) * (1 - fix) ** (k - 1);`
// With fix = 0 this is the single sample's p; parallel samples would give 1 − (1 − p)^k.
//
// **Exercise 4.** Majority vote needs the correct answer to be the most common one by a clear
// margin (p well above the top wrong answer's share), and it wins when the verifier is weak
// (AUC near 0.5) or noisy: then the top score says little, while the votes still count. For
// example p = 0.5 with four equal wrong answers and AUC `0.6`.
//
// **Exercise 5.** The checker explains the answer once you have predicted. Weighted voting
// degrades towards majority vote as the verifier weakens; plain best-of-N falls below it.

// %% [nav]

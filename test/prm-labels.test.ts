import { makeRng } from "../lib/base/random";
import { makeQuestion } from "../lib/models/questions";
import { monteCarloStepLabels } from "../lib/strategies/prm-labels";

/** The exact value of an on-track prefix of t of T steps, written out here: s^(T − t) with s = p^(1/T). */
const value = (p: number, t: number, T: number): number => Math.pow(Math.pow(p, 1 / T), T - t);

describe("monteCarloStepLabels(question, options)", () => {
  test("labels agree with the exact prefix value within 5 binomial standard errors", () => {
    for (const p of [0.05, 0.3, 0.7, 0.95]) {
      for (const T of [1, 4, 8]) {
        const rollouts = 400;
        const r = monteCarloStepLabels(makeQuestion(p), {
          rng: makeRng(`labels-${p}-${T}`),
          solutions: 6,
          rollouts,
          steps: T,
        });
        expect(r.steps).toBe(T);
        expect(r.rollouts).toBe(rollouts);
        expect(r.solutions).toHaveLength(6);
        for (const s of r.solutions) {
          expect(s.label).toHaveLength(T);
          s.label.forEach((label, i) => {
            const t = i + 1;
            const v = s.onTrack[i] ? value(p, t, T) : 0;
            expect(s.exact[i]).toBeCloseTo(v, 12);
            const se = Math.sqrt((v * (1 - v)) / rollouts);
            expect(s.standardError[i]).toBeCloseTo(se, 12);
            // A value of exactly 0 or 1 leaves no room for noise: se = 0 and the label must equal it.
            expect(Math.abs(label - v)).toBeLessThanOrEqual(5 * se + 1e-12);
            // A label is a count of rollouts over their number.
            expect(Math.abs(label * rollouts - Math.round(label * rollouts))).toBeLessThan(1e-9);
          });
          // A mistake is irreversible: once off track, every later prefix is off track.
          const firstOff = s.onTrack.indexOf(false);
          if (firstOff >= 0) expect(s.onTrack.slice(firstOff).every((x) => !x)).toBe(true);
          expect(s.correct).toBe(s.onTrack[T - 1]);
          expect(s.label[T - 1]).toBe(s.correct ? 1 : 0);
        }
      }
    }
  });

  test("pooled over many prefixes at one depth, labels average to the value (a tighter check)", () => {
    // All solutions still on track at depth t: the labels are independent estimates of the same v.
    const p = 0.4;
    const T = 8;
    const rollouts = 16;
    const r = monteCarloStepLabels(makeQuestion(p), {
      rng: makeRng("labels-pooled"),
      solutions: 400,
      rollouts,
      steps: T,
    });
    for (const t of [1, 4, 7]) {
      const on = r.solutions.filter((s) => s.onTrack[t - 1]);
      expect(on.length).toBeGreaterThan(50);
      const mean = on.reduce((a, s) => a + (s.label[t - 1] as number), 0) / on.length;
      const v = value(p, t, T);
      const se = Math.sqrt((v * (1 - v)) / (rollouts * on.length));
      expect(Math.abs(mean - v)).toBeLessThanOrEqual(5 * se);
    }
  });

  test("the share of correct solutions is p, within 5 binomial standard errors", () => {
    const p = 0.3;
    const n = 2000;
    const r = monteCarloStepLabels(makeQuestion(p), {
      rng: makeRng("labels-correct"),
      solutions: n,
      rollouts: 1,
      steps: 4,
    });
    const share = r.solutions.filter((s) => s.correct).length / n;
    expect(Math.abs(share - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / n));
  });

  test("defaults: 4 solutions, 16 rollouts, 8 steps; seeded runs repeat", () => {
    const a = monteCarloStepLabels(makeQuestion(0.5), { rng: makeRng(7) });
    expect([a.solutions.length, a.rollouts, a.steps]).toEqual([4, 16, 8]);
    expect(monteCarloStepLabels(makeQuestion(0.5), { rng: makeRng(7) })).toEqual(a);
    const all = makeQuestion(1);
    for (const s of monteCarloStepLabels(all, { rng: makeRng(1) }).solutions)
      expect(s.label.every((x) => x === 1)).toBe(true);
    for (const s of monteCarloStepLabels(makeQuestion(0), { rng: makeRng(1) }).solutions)
      expect(s.label.every((x) => x === 0)).toBe(true);
  });

  test("rejects bad arguments in the house format", () => {
    const q = makeQuestion(0.3);
    const bad = (question: unknown, options: unknown) => () =>
      monteCarloStepLabels(question as never, options as never);
    expect(bad(undefined, { rng: makeRng(1) })).toThrow(TypeError);
    expect(bad(undefined, { rng: makeRng(1) })).toThrow(/^monteCarloStepLabels: question must be /);
    expect(bad(q, undefined)).toThrow(TypeError);
    expect(bad(q, {})).toThrow(/^monteCarloStepLabels: options.rng must be /);
    expect(bad(q, { rng: makeRng(1), solutions: 0 })).toThrow(
      /^monteCarloStepLabels: options.solutions must be an integer >= 1, got 0$/,
    );
    expect(bad(q, { rng: makeRng(1), rollouts: 2.5 })).toThrow(RangeError);
    expect(bad(q, { rng: makeRng(1), rollouts: 2.5 })).toThrow(
      /options.rollouts must be an integer >= 1, got 2.5/,
    );
    expect(bad(q, { rng: makeRng(1), steps: 1001 })).toThrow(
      /options.steps must be an integer in \[1, 1000\], got 1001/,
    );
    expect(bad(q, { rng: makeRng(1), solutions: 1e6, rollouts: 1e4 })).toThrow(/the work limit/);
    expect(bad(q, { rng: makeRng(1), steps: "8" })).toThrow(TypeError);
  });
});

/**
 * {@link searchTraceFigure}: one tree search (beam, lookahead, DVTS) drawn round
 * by round from the library's search trace.
 * @packageDocumentation
 */

import {
  assertInteger,
  assertObject,
  assertOptions,
  assertProbability,
  rangeError,
  typeError,
} from "../base/validate";
import type { SearchRound } from "../strategies/step-search";
import { CORRECT_COLOR, optionalString } from "./chart-helpers";
import type { Figure, PlotTrace } from "./plotly";
import { baseLayout, checkHeight, CONFIG, plainAxis } from "./primitives";

// ---------------------------------------------------------------------------
// 6. One tree search, round by round
// ---------------------------------------------------------------------------

/** Options of {@link searchTraceFigure}. */
export interface SearchTraceFigureOptions {
  /** The figure title. @defaultValue "One search, round by round: which prefixes survive" */
  title?: string;
  /** Height in pixels, an integer in [150, 3000]. @defaultValue 520 */
  height?: number;
}

/** The six groups of prefixes in a round, in stacking order: kept (filled) below pruned (hollow). */
const TRACE_GROUPS: readonly {
  name: string;
  color: string;
  kept: boolean;
  count: (r: CheckedRound) => number;
}[] = [
  { name: "kept, on track", color: CORRECT_COLOR, kept: true, count: (r) => r.keptOnTrack },
  { name: "kept, off track (fooled the PRM)", color: "#D55E00", kept: true, count: (r) => r.keptFooled },
  { name: "kept, off track (scored low)", color: "#E69F00", kept: true, count: (r) => r.keptLow },
  { name: "pruned, on track", color: CORRECT_COLOR, kept: false, count: (r) => r.onTrack - r.keptOnTrack },
  {
    name: "pruned, off track (fooled the PRM)",
    color: "#D55E00",
    kept: false,
    count: (r) => r.fooled - r.keptFooled,
  },
  { name: "pruned, off track (scored low)", color: "#E69F00", kept: false, count: (r) => r.low - r.keptLow },
];

/** A validated round, with the "off track and not fooled" counts derived. */
interface CheckedRound {
  round: number;
  onTrack: number;
  fooled: number;
  low: number;
  keptOnTrack: number;
  keptFooled: number;
  keptLow: number;
  bestScore: number;
}

function checkRound(fn: string, name: string, value: unknown, last: boolean): CheckedRound {
  const r = assertObject(fn, name, value);
  const field = (key: string, min = 0): number => {
    const v = r[key];
    assertInteger(fn, `${name}.${key}`, v, min);
    return v;
  };
  const round = field("round", 1);
  const generated = field("generated", 1);
  const onTrack = field("onTrack");
  const fooled = field("fooled");
  let kept = field("kept");
  let keptOnTrack = field("keptOnTrack");
  let keptFooled = field("keptFooled");
  const bestScore = r["bestScore"];
  assertProbability(fn, `${name}.bestScore`, bestScore);
  if (onTrack + fooled > generated) {
    rangeError(fn, `${name}.onTrack + ${name}.fooled`, `at most generated (${generated})`, onTrack + fooled);
  }
  if (kept > generated) rangeError(fn, `${name}.kept`, `at most generated (${generated})`, kept);
  if (keptOnTrack > Math.min(onTrack, kept)) {
    rangeError(
      fn,
      `${name}.keptOnTrack`,
      `at most min(onTrack, kept) (${Math.min(onTrack, kept)})`,
      keptOnTrack,
    );
  }
  if (keptFooled > Math.min(fooled, kept - keptOnTrack)) {
    const cap = Math.min(fooled, kept - keptOnTrack);
    rangeError(fn, `${name}.keptFooled`, `at most min(fooled, kept − keptOnTrack) (${cap})`, keptFooled);
  }
  if (last && kept === 0) {
    // The last round keeps nothing for expansion: all its candidates go to the final vote.
    kept = generated;
    keptOnTrack = onTrack;
    keptFooled = fooled;
  }
  const low = generated - onTrack - fooled;
  return {
    round,
    onTrack,
    fooled,
    low,
    keptOnTrack,
    keptFooled,
    keptLow: kept - keptOnTrack - keptFooled,
    bestScore,
  };
}

/**
 * One tree search traced round by round, from the `trace` that
 * `beamSearch`, `lookaheadSearch`, `dvts` and `bestOfNWeighted` return with
 * `trace: true`. Two panels share the x axis (round):
 *
 * - top: the best aggregated PRM score among the prefixes generated that round;
 * - bottom: the prefixes of each round stacked by fate and state — kept ones
 *   filled, pruned ones hollow; on track in green, off track in vermillion
 *   when the branch fooled the PRM and in orange when the PRM scored it low.
 *
 * The last round keeps nothing for expansion (its candidates go to the final
 * vote), so its candidates are drawn as kept. A beam that fills up with
 * vermillion is the over-optimisation the paper warns about. The trace holds
 * counts per round, not each beam's score, so beams are shown as counts.
 * O(rounds).
 *
 * @param trace - the rounds, e.g. `beamSearch(q, { …, trace: true }).trace`; a
 *   non-empty array of {@link SearchRound} records with consistent counts
 * @param options - `title`, `height`
 * @returns the figure: trace 0 is the best-score line (on `y2`), then six bar
 *   traces (kept on track, kept fooled, kept scored low, pruned on track, pruned
 *   fooled, pruned scored low), each with one count per round
 * @throws {TypeError} if `trace` is not an array of objects or a field has the wrong type
 * @throws {RangeError} if `trace` is empty, a count is not an integer >= 0 (round >= 1,
 *   generated >= 1), the counts are inconsistent, or `bestScore` is outside [0, 1]
 * @example
 * const r = beamSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(1), trace: true });
 * const fig = searchTraceFigure(r.trace ?? []);
 * fig.data[0].x;  // [1, 2, 3, 4, 5, 6, 7, 8]
 * fig.data[1].name; // "kept, on track"
 */
export function searchTraceFigure(trace: readonly SearchRound[], options?: SearchTraceFigureOptions): Figure {
  const fn = "searchTraceFigure";
  if (!Array.isArray(trace)) {
    typeError(fn, "trace", "a non-empty array of rounds (run the search with trace: true)", trace);
  }
  if (trace.length === 0) {
    rangeError(fn, "trace", "a non-empty array of rounds (run the search with trace: true)", trace);
  }
  const o = assertOptions(fn, options);
  const title = optionalString(
    fn,
    "options.title",
    o["title"],
    "One search, round by round: which prefixes survive",
  );
  const height = o["height"] === undefined ? 520 : checkHeight(fn, "options.height", o["height"]);
  const rounds = trace.map((r: unknown, i: number) =>
    checkRound(fn, `trace[${i}]`, r, i === trace.length - 1),
  );
  const x = rounds.map((r) => r.round);
  const best: PlotTrace = {
    type: "scatter",
    mode: "lines+markers",
    name: "best PRM score this round",
    x: x.slice(),
    y: rounds.map((r) => r.bestScore),
    yaxis: "y2",
    line: { color: "#000000", width: 2, dash: "solid" },
    marker: { color: "#000000", size: 6 },
  };
  const bars = TRACE_GROUPS.map((g): PlotTrace => ({
    type: "bar",
    name: g.name,
    x: x.slice(),
    y: rounds.map(g.count),
    marker: g.kept
      ? { color: g.color, line: { color: g.color, width: 1.5 } }
      : { color: "rgba(255,255,255,0)", line: { color: g.color, width: 2 } },
    hovertemplate: `round %{x}: %{y} ${g.name}<extra></extra>`,
  }));
  const layout = baseLayout(title, height, true);
  layout.barmode = "stack";
  layout.bargap = 0.25;
  layout.xaxis = { ...plainAxis("round (one step written per round)", "linear"), dtick: 1 };
  layout.yaxis = { ...plainAxis("prefixes (beams)", "linear"), domain: [0, 0.58] };
  layout["yaxis2"] = {
    ...plainAxis("best PRM score", "linear"),
    domain: [0.68, 1],
    range: [0, 1.02],
    anchor: "x",
  };
  return { data: [best, ...bars], layout, config: { ...CONFIG } };
}

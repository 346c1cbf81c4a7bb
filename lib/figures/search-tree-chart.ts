/**
 * {@link searchTreeFigure}: one tree search (beam search, lookahead search,
 * DVTS) drawn as a tree, every candidate a node, from the library's search
 * trace.
 * @packageDocumentation
 */

import { assertInteger, assertOptions, rangeError, typeError } from "../base/validate";
import { STATUS_FOOLED, STATUS_ON_TRACK } from "../strategies/interfaces";
import type { SearchRound } from "../strategies/step-search";
import { optionalString } from "./chart-helpers";
import type { Figure, PlotTrace } from "./plotly";
import { baseLayout, checkHeight, CONFIG, plainAxis } from "./primitives";

// ---------------------------------------------------------------------------
// 7. One tree search as a tree
// ---------------------------------------------------------------------------

/** Options of {@link searchTreeFigure}. */
export interface SearchTreeFigureOptions {
  /** The figure title. @defaultValue "One search as a tree: every candidate, who it came from, and which survived" */
  title?: string;
  /** Height in pixels, an integer in [150, 3000]. @defaultValue 300 + 22 per candidate of the widest round, at most 1000 */
  height?: number;
}

/** Colour scale of the PRM score (Viridis: ordered, colour-blind safe). */
const SCORE_COLORSCALE = "Viridis";
const KEPT_EDGE_COLOR = "#444444";
const PRUNED_EDGE_COLOR = "#c8c8c8";
const OFF_TRACK_COLOR = "#D55E00";

/** One validated round: the candidates' scores, parents, states, and which were kept. */
interface TreeRound {
  scores: number[];
  parents: number[];
  status: number[] | undefined;
  kept: boolean[];
}

function arrayOf(fn: string, name: string, value: unknown): ArrayLike<unknown> {
  const isTyped = ArrayBuffer.isView(value) && !(value instanceof DataView);
  if (!isTyped && !Array.isArray(value)) {
    typeError(fn, name, "an array (run the search with trace: true)", value);
  }
  return value as ArrayLike<unknown>;
}

function checkTrace(fn: string, trace: unknown): TreeRound[] {
  const rule = "a non-empty array of rounds (run the search with trace: true)";
  if (!Array.isArray(trace)) typeError(fn, "trace", rule, trace);
  if (trace.length === 0) rangeError(fn, "trace", rule, trace);
  const rounds: TreeRound[] = [];
  trace.forEach((value: unknown, r: number) => {
    const name = `trace[${r}]`;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      typeError(fn, name, "a search round (an object)", value);
    }
    const row = value as Record<string, unknown>;
    const scoresIn = arrayOf(fn, `${name}.scores`, row["scores"]);
    const n = scoresIn.length;
    if (n === 0) rangeError(fn, `${name}.scores`, "a non-empty array", row["scores"]);
    const scores = Array.from(scoresIn, (s, i) => {
      if (typeof s !== "number") typeError(fn, `${name}.scores[${i}]`, "a finite number", s);
      if (!Number.isFinite(s)) rangeError(fn, `${name}.scores[${i}]`, "a finite number", s);
      return s;
    });
    const parentsIn = arrayOf(fn, `${name}.parents`, row["parents"]);
    if (parentsIn.length !== n) {
      rangeError(
        fn,
        `${name}.parents`,
        `an array of the same length as ${name}.scores (${n})`,
        parentsIn.length,
      );
    }
    const previous = rounds[r - 1];
    const parents = Array.from(parentsIn, (p, i) => {
      const pname = `${name}.parents[${i}]`;
      if (previous === undefined) {
        if (p !== -1) rangeError(fn, pname, "-1 in the first round (every parent is the question)", p);
      } else {
        assertInteger(fn, pname, p, 0, previous.scores.length - 1);
      }
      return p as number;
    });
    let status: number[] | undefined;
    if (row["status"] !== undefined) {
      const statusIn = arrayOf(fn, `${name}.status`, row["status"]);
      if (statusIn.length !== n) {
        rangeError(
          fn,
          `${name}.status`,
          `an array of the same length as ${name}.scores (${n})`,
          statusIn.length,
        );
      }
      status = Array.from(statusIn, (s, i) => {
        assertInteger(fn, `${name}.status[${i}]`, s, 0, 3);
        return s as number;
      });
    }
    rounds.push({ scores, parents, status, kept: new Array<boolean>(n).fill(false) });
    if (previous !== undefined) for (const p of parents) previous.kept[p] = true;
  });
  // The last round keeps nothing for expansion: its candidates are the completions that go to the vote.
  const last = rounds[rounds.length - 1] as TreeRound;
  last.kept.fill(true);
  return rounds;
}

function stateText(status: number[] | undefined, i: number): string {
  if (status === undefined) return "state not recorded";
  const s = status[i] as number;
  if (s & STATUS_ON_TRACK) return "on track";
  if (s & STATUS_FOOLED) return "off track, fooled the PRM";
  return "off track";
}

/**
 * One tree search drawn as a tree, from the `trace` that `beamSearch`,
 * `lookaheadSearch` and `dvts` return with `trace: true`: the question is the
 * root (round 0), every candidate prefix of round r is a node at x = r, and
 * an edge joins each candidate to the prefix it continues (its `parents`
 * entry). Nodes are coloured by their aggregated PRM score (the round's
 * `scores`, Viridis, 0 to 1 when all scores are probabilities). A prefix
 * that was kept and expanded is a filled circle; a pruned one is a hollow
 * circle and its edge is pale; the last round's candidates, which all go to
 * the final weighted vote, are filled diamonds. Off-track candidates (the
 * round's `status`, when recorded) get a red outline, so a kept red-ringed
 * node is a wrong prefix the search kept anyway — because it fooled the PRM
 * or because the PRM's noise scored it high; hovering tells which. Hovering a node shows its
 * round, index, score, parent and state.
 *
 * Within a round, candidates are drawn top to bottom in trace order, so the
 * children of one kept prefix sit together: in beam search N/M parents of M
 * children each, in DVTS one kept prefix per subtree. O(total candidates).
 *
 * @param trace - the rounds, e.g. `beamSearch(q, { …, trace: true }).trace`: a
 *   non-empty array of {@link SearchRound} records whose `scores` are finite,
 *   `parents` are −1 in round 1 and indices into the previous round after it,
 *   and `status` (optional) holds integers in [0, 3]
 * @param options - `title`, `height`
 * @returns the figure: trace 0 the edges into kept prefixes, trace 1 the edges
 *   into pruned ones, trace 2 the root, trace 3 the kept prefixes, trace 4 the
 *   pruned prefixes, trace 5 the final candidates (x = round, y = −index)
 * @throws {TypeError} if `trace` is not an array of objects or a field has the wrong type
 * @throws {RangeError} if `trace` is empty, a round has no candidates, lengths differ,
 *   a parent is out of range, a score is not finite or a status is not in [0, 3]
 * @example
 * const r = beamSearch(makeQuestion(0.3), { n: 16, beamWidth: 4, rng: makeRng(1), trace: true });
 * const fig = searchTreeFigure(r.trace ?? []);
 * fig.data[3].name; // "kept (expanded next round)"
 * fig.data[3].x?.length; // 4 × (rounds − 1): N/M kept per round
 */
export function searchTreeFigure(trace: readonly SearchRound[], options?: SearchTreeFigureOptions): Figure {
  const fn = "searchTreeFigure";
  const rounds = checkTrace(fn, trace);
  const o = assertOptions(fn, options);
  const title = optionalString(
    fn,
    "options.title",
    o["title"],
    "One search as a tree: every candidate, who it came from, and which survived",
  );
  const widest = Math.max(...rounds.map((r) => r.scores.length));
  const height =
    o["height"] === undefined
      ? Math.min(1000, 300 + 22 * widest)
      : checkHeight(fn, "options.height", o["height"]);

  const allScores = rounds.flatMap((r) => r.scores);
  const inUnit = allScores.every((s) => s >= 0 && s <= 1);
  const cmin = inUnit ? 0 : Math.min(...allScores);
  const cmax = inUnit ? 1 : Math.max(...allScores);
  // Display order: round 1 by score (best on top); each later round grouped under its parent's
  // position, best first within a group, so the edges of one parent fan out without crossing.
  const position: number[][] = [];
  rounds.forEach((round, r) => {
    const n = round.scores.length;
    const parentPos = position[r - 1];
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const byParent =
        parentPos === undefined
          ? 0
          : (parentPos[round.parents[a] as number] as number) -
            (parentPos[round.parents[b] as number] as number);
      return byParent !== 0 ? byParent : (round.scores[b] as number) - (round.scores[a] as number) || a - b;
    });
    const pos = new Array<number>(n);
    order.forEach((candidate, k) => (pos[candidate] = k));
    position.push(pos);
  });
  // The candidate at position k of a round of n sits at y = −k · (widest − 1)/(n − 1), so every round spans the same height.
  const slot = (k: number, n: number): number =>
    n === 1 ? -(widest - 1) / 2 : -k * ((widest - 1) / (n - 1));
  const yOf = (r: number, i: number): number =>
    slot((position[r] as number[])[i] as number, (rounds[r] as TreeRound).scores.length);
  const rootY = -(widest - 1) / 2;

  const edges = {
    kept: { x: [] as (number | null)[], y: [] as (number | null)[] },
    pruned: { x: [] as (number | null)[], y: [] as (number | null)[] },
  };
  const groups = {
    kept: {
      x: [] as number[],
      y: [] as number[],
      c: [] as number[],
      line: [] as string[],
      text: [] as string[],
    },
    pruned: {
      x: [] as number[],
      y: [] as number[],
      c: [] as number[],
      line: [] as string[],
      text: [] as string[],
    },
    final: {
      x: [] as number[],
      y: [] as number[],
      c: [] as number[],
      line: [] as string[],
      text: [] as string[],
    },
  };
  rounds.forEach((round, r) => {
    const n = round.scores.length;
    const last = r === rounds.length - 1;
    const previous = rounds[r - 1];
    for (let i = 0; i < n; i++) {
      const x = r + 1;
      const y = yOf(r, i);
      const parent = round.parents[i] as number;
      const px = r;
      const py = previous === undefined ? rootY : yOf(r - 1, parent);
      const edge = round.kept[i] ? edges.kept : edges.pruned;
      edge.x.push(px, x, null);
      edge.y.push(py, y, null);
      const group = last ? groups.final : round.kept[i] ? groups.kept : groups.pruned;
      const state = stateText(round.status, i);
      const score = round.scores[i] as number;
      group.x.push(x);
      group.y.push(y);
      group.c.push(score);
      group.line.push(state.startsWith("off track") ? OFF_TRACK_COLOR : "#222222");
      group.text.push(
        `round ${x}, candidate ${i}<br>PRM score ${score.toPrecision(3)}<br>` +
          `parent: ${previous === undefined ? "the question" : `candidate ${parent} of round ${r}`}<br>${state}`,
      );
    }
  });

  const edgeTrace = (
    name: string,
    e: { x: (number | null)[]; y: (number | null)[] },
    color: string,
    width: number,
  ): PlotTrace => ({
    type: "scatter",
    mode: "lines",
    name,
    x: e.x,
    y: e.y,
    line: { color, width },
    hoverinfo: "skip",
  });
  const nodeTrace = (
    name: string,
    g: { x: number[]; y: number[]; c: number[]; line: string[]; text: string[] },
    symbol: string,
    size: number,
    filled: boolean,
    colorbar: boolean,
  ): PlotTrace => ({
    type: "scatter",
    mode: "markers",
    name,
    x: g.x,
    y: g.y,
    text: g.text,
    hovertemplate: "%{text}<extra></extra>",
    // Numbers on the colour scale: PlotTrace types marker.color as strings, Plotly accepts both.
    marker: {
      symbol: filled ? symbol : `${symbol}-open`,
      size,
      color: g.c,
      colorscale: SCORE_COLORSCALE,
      cmin,
      cmax,
      showscale: colorbar,
      ...(colorbar ? { colorbar: { title: { text: "PRM score" }, thickness: 14, len: 0.8 } } : {}),
      line: filled ? { color: g.line, width: 1.5 } : { width: 2.5 },
    } as Record<string, unknown> as NonNullable<PlotTrace["marker"]>,
  });
  const root: PlotTrace = {
    type: "scatter",
    mode: "markers+text",
    name: "the question",
    x: [0],
    y: [rootY],
    text: ["Q"],
    textposition: "middle left",
    hovertemplate: "the question (empty prefix)<extra></extra>",
    marker: { symbol: "square", size: 14, color: "#000000" },
  };
  const layout = baseLayout(title, height, true);
  layout.xaxis = {
    ...plainAxis("round (one step written per round; 0 = the question)", "linear"),
    dtick: 1,
    range: [-0.6, rounds.length + 0.5],
  };
  layout.yaxis = {
    ...plainAxis("candidates of the round", "linear"),
    showticklabels: false,
    showgrid: false,
    zeroline: false,
  };
  layout.legend = { orientation: "h", x: 0, y: -0.16, yanchor: "top", bgcolor: "rgba(255,255,255,0.8)" };
  layout["margin"] = { t: 60, r: 20, b: 170, l: 70 };
  return {
    data: [
      edgeTrace("edge to a kept prefix", edges.kept, KEPT_EDGE_COLOR, 1.4),
      edgeTrace("edge to a pruned prefix", edges.pruned, PRUNED_EDGE_COLOR, 1),
      root,
      nodeTrace("kept (expanded next round)", groups.kept, "circle", 12, true, true),
      nodeTrace("pruned", groups.pruned, "circle", 10, false, false),
      nodeTrace("final candidates (to the weighted vote)", groups.final, "diamond", 12, true, false),
      {
        type: "scatter",
        mode: "markers",
        name: "red ring: off track (a wrong step; hover: fooled the PRM, or a lucky score)",
        x: [null],
        y: [null],
        marker: { symbol: "circle", size: 12, color: "#ffffff", line: { color: OFF_TRACK_COLOR, width: 2 } },
        hoverinfo: "skip",
      },
    ],
    layout,
    config: { ...CONFIG },
  };
}

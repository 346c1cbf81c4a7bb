/**
 * No number in a chapter's prose is typed by hand (STYLE.md C.6; the
 * chapters' rule "numbers in prose come from code").
 *
 * A number in a markdown cell is allowed when it is
 * - structure: a chapter number or link, a list number, a year, an arXiv id,
 *   a figure, table, section, appendix or equation reference;
 * - the chapter's reading-time sentence (`**Time:** about N minutes (…).`),
 *   which scripts/reading-time.js computes and test/reading-time.test.ts checks;
 * - mathematics: anything inside $…$ or $$…$$, and code inside backticks;
 * - an input the chapter's own code sets: the same value (or, for a
 *   percentage, the same fraction) appears as a numeric literal in one of the
 *   notebook's code cells — a parameter the prose names, not a result;
 * - a fact quoted from the paper, a follow-up or the teaching summary, listed
 *   with its source in test/fixtures/quoted-numbers.json.
 * Anything else — a result someone computed once and typed in — fails, naming
 * the notebook, the cell and the number. Results belong in a cell's output
 * (`ttc.showMarkdown`), where they stay true when the code changes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./helpers/dist";

const NOTEBOOK_DIR = join(REPO_ROOT, "notebooks");
const QUOTED: Record<string, string> = JSON.parse(
  readFileSync(join(REPO_ROOT, "test", "fixtures", "quoted-numbers.json"), "utf8"),
) as Record<string, string>;

/** A number as written: 10,000 / 10 000 (thousands), 0.999, 14, 1e12, 2e-9. */
const NUMBER = /\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d+)?/g;

/** The value of a written number (separators dropped). */
function valueOf(written: string): number {
  return Number(written.replace(/[,\u202f\u00a0 ]/g, ""));
}

/** The markdown with everything the rule does not look at removed. */
function proseOnly(markdown: string): string {
  return (
    markdown
      .replace(/\$\$[\s\S]*?\$\$/g, " ") // display math
      .replace(/\$[^$\n]*\$/g, " ") // inline math
      .replace(/`[^`]*`/g, " ") // code
      // The reading-time sentence: computed by scripts/reading-time.js and checked by test/reading-time.test.ts.
      .replace(/\*\*Time:\*\*(?:[^.]|\.(?!\s))*\./g, " ")
      .replace(/\]\([^)]*\)/g, "]") // link targets
      .replace(/\[(?:←\s*)?\d\d [^\]]*\]/g, " ") // chapter link text, e.g. [06 The code], [← 07 Limitations]
      .replace(/^#\s*\d\d\s*·/gm, "#") // chapter title number
      .replace(/\bchapters?\s+\d\d(?:\s*(?:–|-|,|and|or)\s*\d\d)*/gi, " ")
      .replace(
        /(?:\b(?:Figs?\.|Figures?|Tables?|Sec\.|Sections?|Apps?\.|Appendix|Eqs?\.)|§+)\s*(?:\d[\d.]*[a-z]?|[A-Z](?![A-Za-z]))(?:\s*(?:–|-|,|and|\/)\s*(?:\d[\d.]*[a-z]?|[A-Z](?![A-Za-z])))*/g,
        " ",
      )
      .replace(/arXiv[:\s]\s*\d{4}\.\d{4,5}/g, " ")
      .replace(/\b(?:19|20)\d\d[a-z]?\b/g, " ") // years
      .replace(/^\s*\d+\.\s/gm, " ") // list numbers
      // Coefficients of a formula written in plain text (6·N·D, 2vND_i, 6N) and unit-glued names.
      .replace(/\b\d+(?:\.\d+)?(?=[A-DF-Za-df-z·]|[eE](?![+-]?\d))/g, " ")
      // Version names and model names (o1, R1, 8B, 70B, Llama-3, …): letters glued to digits.
      .replace(/\b[A-Za-z]+-?\d+(?:\.\d+)?[A-Za-z]*\b|\b\d+(?:\.\d+)?[BMK]\b/g, " ")
  );
}

/** Numeric literals of a code cell (comments dropped), and for those in [0, 1] also their percentage. */
function codeValues(code: string): Set<number> {
  const values = new Set<number>();
  const stripped = code.replace(/\/\/.*$/gm, " ").replace(/\/\*[\s\S]*?\*\//g, " ");
  for (const m of stripped.matchAll(/(?<![\w$.])(?:\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)/gi)) {
    const v = Number(m[0].replace(/_/g, ""));
    values.add(v);
    if (v >= 0 && v <= 1) values.add(Math.round(v * 100 * 1e9) / 1e9);
  }
  return values;
}

interface Cell {
  cell_type: string;
  source: string | string[];
}

const text = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);

/** Numbers in the notebook's prose that none of the rules allow: "cell i: number". */
function handTypedNumbers(cells: Cell[], quoted: Record<string, string>): string[] {
  const code = new Set<number>();
  for (const c of cells) if (c.cell_type === "code") for (const v of codeValues(text(c.source))) code.add(v);
  const quotedValues = new Set(Object.keys(quoted).map(valueOf));
  const found: string[] = [];
  cells.forEach((c, i) => {
    if (c.cell_type !== "markdown") return;
    for (const m of proseOnly(text(c.source)).matchAll(NUMBER)) {
      const v = valueOf(m[0]);
      if (!code.has(v) && !quotedValues.has(v)) found.push(`cell ${i}: ${m[0]}`);
    }
  });
  return found;
}

const NOTEBOOKS = readdirSync(NOTEBOOK_DIR)
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .sort();

const cellsOf = (name: string): Cell[] =>
  (JSON.parse(readFileSync(join(NOTEBOOK_DIR, name), "utf8")) as { cells: Cell[] }).cells;

describe("the rule itself", () => {
  const md = (source: string): Cell => ({ cell_type: "markdown", source });
  const code = (source: string): Cell => ({ cell_type: "code", source });

  test("flags a result typed into prose", () => {
    expect(handTypedNumbers([md("Best-of-16 reaches 0.8734 here.")], {})).toEqual(["cell 0: 0.8734"]);
    expect(handTypedNumbers([md("It needs 1,024 samples.")], {})).toEqual(["cell 0: 1,024"]);
  });

  test("allows structure, mathematics and code", () => {
    const cells = [
      md("# 04 · The math\n\n1. See [06 The code](06-the-code.ipynb) and chapters 02–05."),
      md("Snell et al. (2024), Fig. 3, Table 1, §6.2, App. K, Eq. 1, arXiv:2408.03314; o1, R1 and 70B."),
      md("The bound $1 - (1 - p)^{10}$ and `ttc.coverage(0.5, 10)`:\n$$F = M + 3(M - 1)/R$$"),
    ];
    expect(handTypedNumbers(cells, {})).toEqual([]);
  });

  test("allows the computed reading-time sentence, and only that sentence", () => {
    const cell = md(
      "**Time:** about 25 minutes (1159 words at 200 a minute and\n146 lines). It takes 7 tries.",
    );
    expect(handTypedNumbers([cell], {})).toEqual(["cell 0: 7"]);
  });

  test("allows an input the chapter's code sets, including as a percentage", () => {
    const cells = [
      code("const p = 0.35; // one sample's success\nconst n = 16;"),
      md("At p = 0.35 (35%), N = 16."),
    ];
    expect(handTypedNumbers(cells, {})).toEqual([]);
    // … but a value that only appears in a comment is not an input.
    expect(handTypedNumbers([code("// about 0.42"), md("about 0.42")], {})).toEqual(["cell 1: 0.42"]);
  });

  test("allows a quoted fact only when it is listed", () => {
    const cells = [md("The paper's larger model is about 14× larger.")];
    expect(handTypedNumbers(cells, {})).toEqual(["cell 0: 14"]);
    expect(handTypedNumbers(cells, { "14": "paper: ~14× more parameters" })).toEqual([]);
  });
});

describe("chapter prose holds no hand-typed numbers", () => {
  test("there are chapters to check", () => {
    expect(NOTEBOOKS.length).toBeGreaterThan(0);
  });

  test.each(NOTEBOOKS)("%s", (name) => {
    expect(handTypedNumbers(cellsOf(name), QUOTED)).toEqual([]);
  });

  test("every quoted number is used by some chapter and names its source", () => {
    const used = new Set<number>();
    for (const name of NOTEBOOKS) {
      for (const c of cellsOf(name)) {
        if (c.cell_type !== "markdown") continue;
        for (const m of proseOnly(text(c.source)).matchAll(NUMBER)) used.add(valueOf(m[0]));
      }
    }
    for (const [number, source] of Object.entries(QUOTED)) {
      expect(used.has(valueOf(number)) ? number : `${number} (unused)`).toBe(number);
      expect(source.length).toBeGreaterThan(10);
    }
  });
});

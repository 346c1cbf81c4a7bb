/**
 * Reading times are computed from each chapter (scripts/reading-time.js), and
 * the chapter header and the README's chapter table must state the computed
 * number: a hand-typed "about 5 minutes" fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./helpers/dist";

interface Cell {
  cell_type: string;
  source: string | string[];
}
interface ReadingTime {
  words: number;
  codeLines: number;
  minutes: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rt = require("../scripts/reading-time.js") as {
  WORDS_PER_MINUTE: number;
  CODE_LINES_PER_MINUTE: number;
  ROUND_TO_MINUTES: number;
  readingTime(cells: readonly Cell[]): ReadingTime;
  timeSentence(t: ReadingTime): string;
  statedMinutes(cells: readonly Cell[]): number | null;
  chapterTimes(): { name: string; cells: Cell[]; time: ReadingTime }[];
};

const md = (source: string | string[]): Cell => ({ cell_type: "markdown", source });
const code = (source: string): Cell => ({ cell_type: "code", source });

describe("readingTime(cells)", () => {
  test("states its rates: 200 words and 10 code lines a minute, rounded up to 5 minutes", () => {
    expect([rt.WORDS_PER_MINUTE, rt.CODE_LINES_PER_MINUTE, rt.ROUND_TO_MINUTES]).toEqual([200, 10, 5]);
  });

  test("counts markdown tokens holding a letter or digit, and non-blank code lines", () => {
    const cells = [
      md(["# 01 · A title\n", "\n", "Some **bold** words — and `code` | here.\n"]),
      code("const a = 1;\n\n  \n// a comment counts\nconsole.log(a);\n"),
      { cell_type: "raw", source: "ignored words here" },
    ];
    // "#" and "—" and "|" hold no letter or digit; the rest are 9 words.
    expect(rt.readingTime(cells)).toEqual({ words: 9, codeLines: 3, minutes: 5 });
  });

  test("adds the two rates and rounds up to a multiple of 5 minutes", () => {
    const words = (n: number) => md(Array.from({ length: n }, () => "word").join(" "));
    const lines = (n: number) => code(Array.from({ length: n }, (_, i) => `f(${i});`).join("\n"));
    // 2000 words = 10 min, 100 lines = 10 min: exactly 20.
    expect(rt.readingTime([words(2000), lines(100)]).minutes).toBe(20);
    // one more word tips it past 20, so it rounds up to 25.
    expect(rt.readingTime([words(2001), lines(100)]).minutes).toBe(25);
    expect(rt.readingTime([]).minutes).toBe(5);
  });

  test("does not count the stated time, so stating it cannot change it", () => {
    const header = (sentence: string) => md(`# 01 · Title\n\nFour words of prose. ${sentence}\n`);
    const plain = rt.readingTime([header("")]);
    const stated = rt.readingTime([header(rt.timeSentence({ words: 1234, codeLines: 56, minutes: 15 }))]);
    expect(stated).toEqual(plain);
    expect(plain.words).toBe(6); // "01", "Title", "Four", "words", "of", "prose."
  });

  test("rejects what is not a list of cells, naming the value", () => {
    expect(() => rt.readingTime("cells" as unknown as Cell[])).toThrow(
      /readingTime: cells must be an array of notebook cells, got cells/,
    );
    expect(() => rt.readingTime([null as unknown as Cell])).toThrow(
      /readingTime: cells\[0\] must be a notebook cell/,
    );
  });

  test("timeSentence and statedMinutes agree with each other", () => {
    const t = { words: 1234, codeLines: 56, minutes: 15 };
    expect(rt.statedMinutes([md(`# T\n\n${rt.timeSentence(t)}`)])).toBe(15);
    expect(rt.statedMinutes([md("# T\n\n**Time:** a while.")])).toBeNull();
  });
});

describe("every chapter states its computed reading time", () => {
  const chapters = rt.chapterTimes();
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

  test("there are chapters", () => {
    expect(chapters.length).toBeGreaterThan(0);
  });

  test.each(chapters.map((c) => [c.name, c] as const))("%s: header and README", (_name, ch) => {
    expect({ header: rt.statedMinutes(ch.cells) }).toEqual({ header: ch.time.minutes });
    const first = ch.cells.find((c) => c.cell_type === "markdown");
    const header = first ? (Array.isArray(first.source) ? first.source.join("") : first.source) : "";
    expect(header.replace(/\s+/g, " ")).toContain(rt.timeSentence(ch.time));
    const row = new RegExp(`^\\| ${ch.name.slice(0, 2)} \\|.*\\| (\\d+) min \\|$`, "m").exec(readme);
    expect({ readme: row ? Number(row[1]) : null }).toEqual({ readme: ch.time.minutes });
  });
});

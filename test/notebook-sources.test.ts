/**
 * Every chapter notebook is generated from its plain-text source in
 * notebooks/src/ (scripts/notebook-from-source.js). This test rebuilds each
 * notebook in memory and checks that the committed .ipynb matches, so an
 * edit to one side without the other is caught.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const nb = require("../scripts/notebook-from-source.js") as {
  parse(text: string): unknown[];
  toNotebook(name: string, cells: unknown[], chapters: string[]): unknown;
  navLine(name: string, chapters: string[]): string;
};

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "notebooks", "src");
const chapters = readdirSync(SRC)
  .filter((f) => /^\d\d-[a-z0-9-]+\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

describe("notebooks/src → notebooks/*.ipynb", () => {
  it("has at least one chapter source", () => {
    expect(chapters.length).toBeGreaterThan(0);
  });

  it.each(chapters)("%s.ipynb is the build of its source (run `npm run notebooks` after editing)", (name) => {
    const built = nb.toNotebook(name, nb.parse(readFileSync(join(SRC, `${name}.ts`), "utf8")), chapters);
    const committed = JSON.parse(readFileSync(join(ROOT, "notebooks", `${name}.ipynb`), "utf8"));
    expect(committed).toEqual(built);
  });

  it("every notebook in notebooks/ has a source", () => {
    const notebooks = readdirSync(join(ROOT, "notebooks"))
      .filter((f) => f.endsWith(".ipynb"))
      .map((f) => f.replace(/\.ipynb$/, ""))
      .sort();
    expect(notebooks).toEqual(chapters);
  });

  it("navigation links only to chapters that exist", () => {
    const line = nb.navLine(chapters[0] as string, chapters);
    expect(line).toContain("[Contents](../README.md#chapters)");
    expect(line).not.toContain("←");
    const last = nb.navLine(chapters[chapters.length - 1] as string, chapters);
    expect(last).not.toContain("→");
    for (const name of chapters) {
      for (const target of nb.navLine(name, chapters).matchAll(/\]\(([^)]+\.ipynb)\)/g)) {
        expect(chapters).toContain((target[1] as string).replace(/\.ipynb$/, ""));
      }
    }
  });
});

describe("package version", () => {
  it("lib/version.ts matches package.json", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { VERSION } = require("../lib/base/version") as { VERSION: string };
    expect(VERSION).toBe(pkg.version);
  });
});

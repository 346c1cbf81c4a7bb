/**
 * Tests of the notebook tooling that needs no kernel: the structural lint
 * (structure.ts) and scripts/clean-notebooks.js.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/dist";
import { makeNotebook, type NotebookJson } from "./fixtures";
import { structuralProblems } from "./structure";

const CLEAN = join(REPO_ROOT, "scripts", "clean-notebooks.js");

/** A notebook that passes every structural check. */
function goodNotebook(): NotebookJson {
  return makeNotebook([
    { type: "markdown", source: "# 01 · A chapter" },
    { type: "code", source: 'import * as ttc from "ttc-workbook";' },
  ]);
}

describe("structuralProblems(path, content)", () => {
  test("accepts a well-formed chapter notebook", () => {
    expect(structuralProblems("01-context.ipynb", JSON.stringify(goodNotebook()))).toEqual([]);
  });

  test("rejects bad file names", () => {
    for (const name of ["1-context.ipynb", "01_context.ipynb", "01-Context.ipynb", "context.ipynb"]) {
      expect(structuralProblems(name, JSON.stringify(goodNotebook()))).toEqual([
        expect.stringMatching(/file name must match/),
      ]);
    }
  });

  test("rejects old nbformat, missing/duplicate ids, wrong kernel, outputs, empty cells, missing title", () => {
    const nb = goodNotebook();
    nb.nbformat_minor = 4;
    nb.metadata = { kernelspec: { name: "python3" } };
    const [title, code] = nb.cells;
    if (!title || !code) throw new Error("fixture has two cells");
    title.source = "Title without a heading";
    code.outputs = [{ output_type: "stream", name: "stdout", text: "x" }];
    code.execution_count = 3;
    nb.cells.push({ ...code, outputs: [], execution_count: null }); // duplicate id
    nb.cells.push({ cell_type: "markdown", metadata: {}, source: ["  \n", "\t"] }); // no id, empty

    const problems = structuralProblems("02-x.ipynb", JSON.stringify(nb)).join("\n");
    expect(problems).toMatch(/nbformat_minor is 4/);
    expect(problems).toMatch(/kernelspec\.name is "python3"/);
    expect(problems).toMatch(/cell 1: has 1 committed output/);
    expect(problems).toMatch(/cell 1: has execution_count 3/);
    expect(problems).toMatch(/cell 2: duplicate id "cell-1"/);
    expect(problems).toMatch(/cell 3: missing or invalid id/);
    expect(problems).toMatch(/cell 3: empty markdown cell/);
    expect(problems).toMatch(/cell 0: must be a markdown cell starting with "# "/);
  });

  test("reports invalid JSON instead of throwing", () => {
    expect(structuralProblems("03-x.ipynb", "{")).toEqual([expect.stringMatching(/not valid JSON/)]);
  });
});

describe("scripts/clean-notebooks.js", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ttc-clean-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const clean = (...args: string[]) => spawnSync(process.execPath, [CLEAN, ...args], { encoding: "utf8" });

  test("--check fails and lists a dirty notebook; cleaning fixes it; then --check passes", () => {
    const nb = goodNotebook();
    const code = nb.cells[1];
    if (!code) throw new Error("fixture has two cells");
    code.outputs = [{ output_type: "stream", name: "stdout", text: ["1\n"] }];
    code.execution_count = 7;
    code.metadata = { execution: { "iopub.status.busy": "2025-01-01" }, tags: ["keep"] };
    delete code.id;
    nb.nbformat_minor = 4;
    nb.metadata = {
      kernelspec: { name: "python3", display_name: "Python 3", language: "python" },
      title: "kept",
    };
    const path = join(dir, "04-dirty.ipynb");
    writeFileSync(path, JSON.stringify(nb));

    const check = clean("--check", dir);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/04-dirty\.ipynb/);
    expect(readFileSync(path, "utf8")).toBe(JSON.stringify(nb)); // --check writes nothing

    expect(clean(dir).status).toBe(0);
    const text = readFileSync(path, "utf8");
    const cleaned = JSON.parse(text) as {
      nbformat_minor: number;
      metadata: Record<string, unknown>;
      cells: Record<string, unknown>[];
    };
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.startsWith('{\n "cells": [\n  {\n   "cell_type": "markdown",')).toBe(true); // 1-space indent, sorted keys
    expect(cleaned.nbformat_minor).toBe(5);
    expect(cleaned.metadata.kernelspec).toEqual({
      display_name: "TypeScript (ttc-workbook)",
      language: "typescript",
      name: "tslab",
    });
    expect(cleaned.metadata.language_info).toMatchObject({ name: "typescript", file_extension: ".ts" });
    expect(cleaned.metadata.title).toBe("kept");
    expect(cleaned.cells[1]).toMatchObject({
      outputs: [],
      execution_count: null,
      metadata: { tags: ["keep"] },
    });
    expect(cleaned.cells[1]?.id).toMatch(/^[0-9a-f]{8}$/);
    expect(cleaned.cells[0]?.source).toEqual(["# 01 · A chapter"]);
    expect(structuralProblems("04-dirty.ipynb", text)).toEqual([]);

    const recheck = clean("--check", path);
    expect(recheck.status).toBe(0);
    expect(clean(dir).stdout).toMatch(/1 notebook\(s\), 0 changed/); // idempotent
  });

  test("replaces duplicate cell ids and keeps multi-line sources as lists of lines", () => {
    const nb = goodNotebook();
    nb.cells.push({ ...nb.cells[1], source: "a\nb\r\nc" });
    const path = join(dir, "05-dup.ipynb");
    writeFileSync(path, JSON.stringify(nb));
    expect(clean(path).status).toBe(0);
    const cells = (JSON.parse(readFileSync(path, "utf8")) as { cells: { id: string; source: string[] }[] })
      .cells;
    expect(new Set(cells.map((c) => c.id)).size).toBe(3);
    expect(cells[2]?.source).toEqual(["a\n", "b\r\n", "c"]);
  });

  test("exits 1 and names a file that is not JSON; rejects unknown options with 2", () => {
    const path = join(dir, "06-broken.ipynb");
    writeFileSync(path, "{ not json");
    const result = clean("--check", path);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/06-broken\.ipynb/);
    expect(clean("--frobnicate").status).toBe(2);
  });
});

/**
 * The README's library example is code a reader will paste: it must
 * type-check against the published declarations and run. The test takes
 * every ```ts block of the "Using the library" section, type-checks it as a
 * consumer of the package (by name, through the self-link, as a user's
 * project would), then runs it against dist/.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { ensureDist, REPO_ROOT } from "./helpers/dist";

const README = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

/** The ```ts blocks between a heading and the next heading of the same level. */
function tsBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

const blocks = tsBlocks(README, "## Using the library");

beforeAll(() => ensureDist(), 120_000);

describe("README: Using the library", () => {
  test("has a TypeScript example that imports the package by name", () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.join("\n")).toMatch(/import \* as ttc from "ttc-workbook";/);
  });

  test("the example type-checks (strict) against the package's declarations", () => {
    const dir = join(REPO_ROOT, "build", "readme-example");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "example.ts");
    try {
      writeFileSync(file, blocks.join("\n") + "\nexport {};\n");
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        types: [],
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the example runs without throwing", () => {
    const source = ts.transpileModule(blocks.join("\n"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    // `require` from the repository root resolves "ttc-workbook" through the self-link to dist/.
    const requireFromRoot = (id: string): unknown =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(require.resolve(id, { paths: [REPO_ROOT] }));
    const run = new Function("require", "exports", source);
    expect(() => run(requireFromRoot, {})).not.toThrow();
  }, 60_000);
});

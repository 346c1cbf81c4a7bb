/**
 * The public declarations in dist/ must type-check under tslab's compiler,
 * TypeScript 5.0.4 (@tslab/typescript-for-tslab), because that is what checks
 * notebook cells (ecosystem.md §1, STYLE.md B). This compiles
 * test/fixtures/consumer.ts, which imports the package by name as notebooks
 * do, with tslab's compiler options, and requires zero diagnostics from the
 * consumer and from every dist/*.d.ts.
 *
 * tslab itself sets skipLibCheck, which would skip exactly the files we care
 * about; here it is off, but only our files are semantically checked (the
 * @types packages that tslab also loads are parsed, not checked, as in tslab).
 */
import * as ts50 from "@tslab/typescript-for-tslab";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST_DIR, ensureDist, REPO_ROOT } from "./helpers/dist";

const CONSUMER = join(REPO_ROOT, "test", "fixtures", "consumer.ts");

/** tslab 1.0.22's options (node_modules/tslab/dist/converter.js) on Node >= 18, minus emit settings. */
const TSLAB_OPTIONS: ts50.CompilerOptions = {
  module: ts50.ModuleKind.ESNext,
  moduleResolution: ts50.ModuleResolutionKind.NodeJs, // "Node10" in later APIs
  esModuleInterop: true,
  target: ts50.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  declaration: true,
  experimentalDecorators: true,
  resolveJsonModule: true,
  allowJs: true,
  checkJs: true,
  strict: false,
  skipLibCheck: false,
  noEmit: true,
};

/** Every .d.ts file in dist/, recursively. */
function distDeclarations(dir = DIST_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return distDeclarations(full);
    return entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** One line per diagnostic: file:line:col - TSnnnn: message. */
function describe50(diagnostics: readonly ts50.Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const message = ts50.flattenDiagnosticMessageText(d.messageText, "\n");
      if (!d.file || d.start === undefined) return `TS${d.code}: ${message}`;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${d.file.fileName}:${line + 1}:${character + 1} - TS${d.code}: ${message}`;
    })
    .join("\n");
}

beforeAll(() => ensureDist());

test("tslab's compiler is TypeScript 5.0.x", () => {
  expect(ts50.version).toMatch(/^5\.0\.\d+$/);
});

test("the consumer file and every dist/*.d.ts type-check under TypeScript 5.0 with tslab's options", () => {
  const declarations = distDeclarations();
  expect(declarations).toContain(join(DIST_DIR, "index.d.ts"));

  const program = ts50.createProgram([CONSUMER, ...declarations], TSLAB_OPTIONS);
  const ours = program
    .getSourceFiles()
    .filter((sf) => sf.fileName === CONSUMER || sf.fileName.startsWith(DIST_DIR + "/"));
  // The consumer's import must resolve to our dist/ (through the node_modules/ttc-workbook self-link).
  expect(ours.map((sf) => sf.fileName)).toEqual(
    expect.arrayContaining([CONSUMER, join(DIST_DIR, "index.d.ts")]),
  );

  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(), // every file, @types included: tslab must be able to parse them
    ...ours.flatMap((sf) => program.getSemanticDiagnostics(sf)),
  ];
  if (diagnostics.length > 0) {
    throw new Error(`${diagnostics.length} TypeScript 5.0 diagnostic(s):\n${describe50(diagnostics)}`);
  }
});

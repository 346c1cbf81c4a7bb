/**
 * The shape of lib/, as ARCHITECTURE.md states it: every folder is a layer,
 * imports only go down the layers (or stay inside one), no two files import
 * each other in a circle, every layer has an index of named exports (no
 * `export *`, so an internal helper cannot leak), and no file is longer than
 * 800 lines unless it says why. The imports are read from the sources with
 * the TypeScript parser, so a type-only import counts like any other.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const LIB = resolve(__dirname, "..", "lib");

/** The layers, bottom first: a file may import from its own layer and the ones before it. */
const LAYERS = ["base", "models", "strategies", "experiment", "lab", "figures", "display"] as const;

/** Packages each layer may import from outside the library. */
const PACKAGES: Record<string, readonly string[]> = {
  base: ["seedrandom"],
  experiment: ["fs", "os", "path", "worker_threads"],
  lab: ["fs", "path"],
  display: ["fs", "path", "util", "crypto", "tslab"],
};

const MAX_LINES = 800;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

interface FileImports {
  file: string;
  /** Imports of library files, as paths relative to lib/ without the extension. */
  local: string[];
  /** Imports of packages. */
  packages: string[];
  exportStar: boolean;
}

function readImports(file: string): FileImports {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const local: string[] = [];
  const packages: string[] = [];
  let exportStar = false;
  const add = (spec: string): void => {
    if (spec.startsWith(".")) {
      let target = relative(LIB, resolve(dirname(file), spec)).replace(/\\/g, "/");
      try {
        if (statSync(join(LIB, target)).isDirectory()) target = `${target}/index`;
      } catch {
        // a file path: keep it
      }
      local.push(target);
    } else packages.push(spec);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      add(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) add(statement.moduleSpecifier.text);
      if (!statement.exportClause) exportStar = true;
    }
  }
  return { file: relative(LIB, file).replace(/\\/g, "/").replace(/\.ts$/, ""), local, packages, exportStar };
}

const files = sourceFiles(LIB).map(readImports);

function layerOf(path: string): number {
  if (path === "index") return LAYERS.length;
  const folder = path.split("/")[0] as (typeof LAYERS)[number];
  return LAYERS.indexOf(folder);
}

describe("lib/ is layered", () => {
  test("every library file sits in a layer folder (or is the package index)", () => {
    const outside = files.filter((f) => layerOf(f.file) < 0).map((f) => f.file);
    expect(outside).toEqual([]);
  });

  test("imports only go down the layers", () => {
    const upward: string[] = [];
    for (const f of files) {
      for (const target of f.local) {
        if (layerOf(target) > layerOf(f.file)) upward.push(`${f.file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  test("only the package index imports a layer from above all layers, and only through layer indexes", () => {
    const index = files.find((f) => f.file === "index");
    expect(index).toBeDefined();
    expect(index?.local.every((t) => /^[a-z]+\/index$/.test(t))).toBe(true);
  });

  test("packages are imported only where the layer allows", () => {
    const wrong: string[] = [];
    for (const f of files) {
      const allowed = PACKAGES[f.file.split("/")[0] as string] ?? [];
      for (const p of f.packages) if (!allowed.includes(p)) wrong.push(`${f.file} -> ${p}`);
    }
    expect(wrong).toEqual([]);
  });

  test("there are no import circles", () => {
    const graph = new Map(files.map((f) => [f.file, f.local]));
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        circles.push([...path.slice(path.indexOf(node)), node].join(" -> "));
        return;
      }
      state.set(node, "open");
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, "done");
    };
    for (const f of files) visit(f.file, []);
    expect(circles).toEqual([]);
  });

  test("every layer has an index, and no file re-exports with export *", () => {
    for (const layer of LAYERS) expect(files.some((f) => f.file === `${layer}/index`)).toBe(true);
    expect(files.filter((f) => f.exportStar).map((f) => f.file)).toEqual([]);
  });

  test(`no file is longer than ${MAX_LINES} lines`, () => {
    const long: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(LIB, `${f.file}.ts`), "utf8");
      const lines = text.split("\n").length;
      if (lines > MAX_LINES) long.push(`${f.file}.ts (${lines} lines)`);
    }
    expect(long).toEqual([]);
  });
});

describe("the check itself", () => {
  test("it reads imports, type-only ones included, and resolves folders to their index", () => {
    const planner = files.find((f) => f.file === "experiment/planner");
    expect(planner?.local).toContain("experiment/experiment");
    const index = files.find((f) => f.file === "index");
    expect(index?.local).toContain("base/index");
  });

  test("a layer above its importer is detected as upward", () => {
    expect(layerOf("display/show")).toBeGreaterThan(layerOf("models/questions"));
    expect(layerOf("index")).toBeGreaterThan(layerOf("display/show"));
  });
});

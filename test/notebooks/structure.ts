/**
 * Structural lint for committed chapter notebooks (STYLE.md C.8, after
 * Anthropic's validate_notebooks.py): checks that need no kernel.
 */
import { basename } from "node:path";

/** Chapter notebook file names: two digits, a dash, lowercase words joined by dashes. */
export const NOTEBOOK_NAME = /^\d\d-[a-z0-9-]+\.ipynb$/;

/** nbformat 4.5 cell id. */
const CELL_ID = /^[a-zA-Z0-9-_]{1,64}$/;

interface Cell {
  cell_type?: unknown;
  id?: unknown;
  source?: unknown;
  outputs?: unknown;
  execution_count?: unknown;
}

/** nbformat text: a string or an array of strings. */
function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join("");
  return typeof value === "string" ? value : "";
}

/**
 * Problems with the notebook file `path` whose content is `content`; [] when
 * it is fine. Checked: file name, nbformat >= 4.5, unique valid cell ids,
 * kernelspec `tslab`, no outputs or execution counts on code cells, no
 * whitespace-only cells, and a first cell that is a markdown "# " title.
 */
export function structuralProblems(path: string, content: string): string[] {
  const name = basename(path);
  const problems: string[] = [];
  if (!NOTEBOOK_NAME.test(name)) {
    problems.push(`${name}: file name must match ${NOTEBOOK_NAME} (e.g. 01-context.ipynb)`);
  }

  let nb: { nbformat?: unknown; nbformat_minor?: unknown; metadata?: unknown; cells?: unknown };
  try {
    nb = JSON.parse(content) as typeof nb;
  } catch (err) {
    return [...problems, `${name}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`];
  }

  if (typeof nb.nbformat !== "number" || nb.nbformat < 4) {
    problems.push(`${name}: nbformat is ${String(nb.nbformat)}, need 4`);
  }
  if (typeof nb.nbformat_minor !== "number" || nb.nbformat_minor < 5) {
    problems.push(`${name}: nbformat_minor is ${String(nb.nbformat_minor)}, need >= 5 (cell ids)`);
  }
  const metadata = (nb.metadata ?? {}) as { kernelspec?: { name?: unknown } };
  if (metadata.kernelspec?.name !== "tslab") {
    problems.push(
      `${name}: metadata.kernelspec.name is ${JSON.stringify(metadata.kernelspec?.name)}, need "tslab"`,
    );
  }
  if (!Array.isArray(nb.cells) || nb.cells.length === 0) {
    return [...problems, `${name}: has no cells`];
  }

  const cells = nb.cells as Cell[];
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const where = `${name} cell ${index}`;
    if (typeof cell.id !== "string" || !CELL_ID.test(cell.id)) {
      problems.push(`${where}: missing or invalid id ${JSON.stringify(cell.id)}`);
    } else if (seen.has(cell.id)) {
      problems.push(`${where}: duplicate id "${cell.id}"`);
    } else {
      seen.add(cell.id);
    }
    if (text(cell.source).trim() === "") problems.push(`${where}: empty ${String(cell.cell_type)} cell`);
    if (cell.cell_type === "code") {
      if (Array.isArray(cell.outputs) && cell.outputs.length > 0) {
        problems.push(
          `${where}: has ${cell.outputs.length} committed output(s); run \`npm run clean-notebooks\``,
        );
      }
      if (cell.execution_count !== null && cell.execution_count !== undefined) {
        problems.push(
          `${where}: has execution_count ${String(cell.execution_count)}; run \`npm run clean-notebooks\``,
        );
      }
    }
  });

  const first = cells[0];
  if (first?.cell_type !== "markdown" || !text(first.source).startsWith("# ")) {
    problems.push(`${name} cell 0: must be a markdown cell starting with "# " (the chapter title)`);
  }
  return problems;
}

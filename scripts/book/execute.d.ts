/** Types for scripts/book/execute.js, so the TypeScript tests can import it. */
import type { NotebookReport } from "../../test/notebooks/runner";

export const RUNNER_SCRIPT: string;
export function reportFailures(name: string, report: NotebookReport): string[];
export function runNotebook(
  notebookPath: string,
  options?: {
    outputPath?: string;
    python?: string;
    cellTimeoutSeconds?: number;
    timeoutMs?: number;
    rerunOrder?: boolean;
  },
): Promise<NotebookReport>;
export function requirePython(): string;
export function runLimited<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]>;

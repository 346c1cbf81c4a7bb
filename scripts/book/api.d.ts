/** Types for scripts/book/api.js, so the TypeScript tests can import it. */

export const KIND_DIRS: readonly string[];
export function runTypedoc(
  outDir: string,
): Promise<{ warnings: number; errors: number; warningLines: string[]; seconds: number }>;
export function inlineIconReferences(apiDir: string): number;
export function apiLinks(apiDir: string, prefix?: string): Map<string, string>;

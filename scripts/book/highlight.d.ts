/** Types for scripts/book/highlight.js, so the TypeScript tests can import it. */

export const KEYWORDS: Set<string>;
export function highlightTs(
  code: string,
  options?: { apiLinks?: Map<string, string>; linked?: Set<string> },
): string;

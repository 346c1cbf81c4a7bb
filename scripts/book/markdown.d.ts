/** Types for scripts/book/markdown.js, so the TypeScript tests can import it. */

/** What a render call may pass to the renderer (markdown-it's `env`). */
export interface MarkdownEnv {
  /** KaTeX failures are appended here. */
  warnings?: string[];
  /** Where the text comes from, for warnings (e.g. "01-context cell 4"). */
  where?: string;
  /** Heading ids already used on the page. */
  headingIds?: Set<string>;
  /** Changes a link target. */
  rewriteLink?: (href: string) => string;
}

export interface BookMarkdown {
  render(source: string, env?: MarkdownEnv): string;
}

export function createMarkdown(options?: {
  highlight?: (code: string, lang: string) => string;
}): BookMarkdown;
export function renderMath(tex: string, display: boolean, env?: MarkdownEnv): string;
export function escapeHtml(text: string): string;
export function headingId(text: string): string;

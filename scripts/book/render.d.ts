/** Types for scripts/book/render.js, so the TypeScript tests can import it. */

/** A chapter as the navigation needs it. */
export interface ChapterRef {
  name: string;
  title: string;
}

/** An nbformat 4 notebook, loosely typed (cells are checked at run time). */
export interface NotebookLike {
  cells: Record<string, unknown>[];
  [key: string]: unknown;
}

export interface RenderChapterArgs {
  nb: NotebookLike;
  name: string;
  prev: ChapterRef | null;
  next: ChapterRef | null;
  chapters: Set<string>;
  apiLinks?: Map<string, string>;
  notebookHref?: string;
  footer?: string;
}

export interface RenderedChapter {
  html: string;
  charts: number;
  sliders: number;
  warnings: string[];
  title: string;
}

export const PLOTLY_MIME: "application/vnd.plotly.v1+json";
export const CHART_PLACEHOLDER_CLASS: string;
export function text(value: unknown): string;
export function scriptJson(value: unknown): string;
export function shortTitle(name: string): string;
export function chapterInfo(
  nb: NotebookLike,
  name: string,
): { title: string; time: string | null; minutes: number | null };
export function isNavCell(source: string): boolean;
export function rewriteLink(href: string, chapters: Set<string>, warnings: string[], where: string): string;
export function isInertHtml(html: string): boolean;
export function isPlotlyLoader(data: Record<string, unknown>): boolean;
export function renderChapter(args: RenderChapterArgs): RenderedChapter;
export function renderIndex(args: {
  chapters: (ChapterRef & { time: string | null; minutes: number | null; seconds: number; charts: number })[];
  hasApi: boolean;
  footer?: string;
}): string;

/** Types for scripts/book/build.js, so the TypeScript tests can import it. */

export interface BookOptions {
  out: string;
  notebooks: string;
  jobs: number;
  skipDist: boolean;
  skipApi: boolean;
}

/** One chapter page in build-info.json. */
export interface PageInfo {
  name: string;
  file: string;
  title: string;
  bytes: number;
  charts: number;
  sliders: number;
  seconds: number;
  time: string | null;
  minutes: number | null;
}

/** build-info.json. */
export interface BuildInfo {
  builtAt: string;
  commit: string | null;
  dirty: boolean | null;
  notebooksSha256: string;
  node: string;
  apiWarnings: number | null;
  pages: PageInfo[];
  warnings: string[];
}

export const PAGE_BUDGET_BYTES: number;
export const CHAPTER_FILE: RegExp;
export function parseArgs(argv: string[]): BookOptions;
export function buildBook(options: BookOptions): Promise<BuildInfo>;

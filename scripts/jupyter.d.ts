/** Types for scripts/jupyter.js, so the TypeScript tests can import it. */

/** A Python with Jupyter, and the argv prefix that runs `jupyter` with it. */
export interface FoundPython {
  python: string;
  jupyter: string[];
}

export const REPO_ROOT: string;
export const PROJECT_JUPYTER_DIR: string;
export const KERNEL_NAME: string;
export const KERNEL_DISPLAY_NAME: string;
export const REQUIRED_MODULES: readonly string[];
export const MISSING_JUPYTER_HELP: string;
export function pythonCandidates(env?: NodeJS.ProcessEnv): string[];
export function hasJupyter(python: string, env?: NodeJS.ProcessEnv): boolean;
export function findPython(env?: NodeJS.ProcessEnv): FoundPython | null;
export function kernelEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function prependPath(dir: string, current: string | undefined): string;
export function canImport(python: string, module: string): boolean;

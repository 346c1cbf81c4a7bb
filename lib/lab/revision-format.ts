/**
 * How a revision model's context is written (Snell et al. 2024 §6.1,
 * App. H–J v1 / App. L–N ICLR): the question, then earlier attempts each after `#`, then `.`,
 * after which the model writes its next attempt. At test time the context
 * holds the most recent attempts of the chain, at most
 * {@link REVISION_WINDOW} of them, as in the paper.
 * @packageDocumentation
 */

import { typeError } from "../base/validate";
import { assertProblem, type LabProblem, labPrompt } from "./task";

/** Earlier attempts a revision model sees at most (the paper's window of 4). */
export const REVISION_WINDOW = 4;

/** The context before a revision: prompt, `#`-prefixed attempts (each ending in a newline), `.`. */
export function revisionContext(problem: LabProblem, attempts: readonly string[]): string {
  assertProblem("revisionContext", problem);
  if (!Array.isArray(attempts)) typeError("revisionContext", "attempts", "an array of strings", attempts);
  attempts.forEach((a, i) => {
    if (typeof a !== "string") typeError("revisionContext", `attempts[${i}]`, "a string", a);
  });
  let s = labPrompt(problem);
  for (const a of attempts) s += "#" + (a.endsWith("\n") || a === "" ? a : a + "\n");
  return s + ".";
}

/** Levenshtein edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (typeof a !== "string") typeError("editDistance", "a", "a string", a);
  if (typeof b !== "string") typeError("editDistance", "b", "a string", b);
  const m = b.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const sub = (prev[j - 1] as number) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m] as number;
}

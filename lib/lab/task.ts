/**
 * The lab's task: chains of additions and subtractions, solved one step per
 * line and checked exactly. A problem `47+38-15` is solved as
 *
 * ```
 * 47+38=85
 * 85-15=70
 * ```
 *
 * one line per operation, each line carrying the running total forward, so
 * a solution of a problem with m terms has m − 1 steps and its answer is the
 * last line's result. Difficulty grows with the number of terms (more steps
 * to get right) and the number of digits (more carries and borrows). Running
 * totals stay in [0, 999]: a subtraction is only drawn when the total stays
 * non-negative, an addition only when it stays below 1000.
 *
 * Text is written over a 17-symbol vocabulary ({@link LAB_VOCAB}): digits,
 * `+ - =`, the newline that ends every step, `>` that starts a question, `#`
 * that starts an attempt in a revision model's context, and `.` that ends a
 * revision context.
 * @packageDocumentation
 */

import type { Rng } from "../base/random";
import { assertRng } from "../base/random";
import { assertInteger, assertOptions, typeError } from "../base/validate";

/** The symbols of the lab's models, in token order (token i is `LAB_VOCAB[i]`). */
export const LAB_VOCAB = "\n0123456789+-=>#.";
/** Token of the newline that ends every line. */
export const TOKEN_NEWLINE = 0;
/** Token that starts a question. */
export const TOKEN_QUESTION = 14;
/** Token that starts an attempt in a revision context. */
export const TOKEN_ATTEMPT = 15;
/** Token that ends a revision context's list of earlier attempts. */
export const TOKEN_END = 16;

const TOKEN_OF = new Int32Array(128).fill(-1);
for (let i = 0; i < LAB_VOCAB.length; i++) TOKEN_OF[LAB_VOCAB.charCodeAt(i)] = i;

/** The largest running total a problem may reach. */
export const LAB_MAX_TOTAL = 999;

/** One problem of the lab's task. */
export interface LabProblem {
  /** The terms, first to last (each in [1, 10^digits − 1]). */
  terms: number[];
  /** ops[i] joins terms[i] and terms[i + 1]: "+" or "-". */
  ops: ("+" | "-")[];
  /** The exact answer, the final running total. */
  answer: number;
  /** Digits of the largest term allowed when it was drawn. */
  digits: number;
  /** The question as text, e.g. "47+38-15". */
  question: string;
  /** The correct solution, one step per line, each line ending in a newline. */
  solution: string;
}

/** Options of {@link labProblem}. */
export interface LabProblemOptions {
  /** Terms m, an integer in [2, 8]; the solution has m − 1 steps. */
  terms: number;
  /** Digits of each term, an integer in [1, 3]. */
  digits: number;
}

/** Draws one problem with `terms` terms of up to `digits` digits. */
export function labProblem(rng: Rng, options: LabProblemOptions): LabProblem {
  const fn = "labProblem";
  assertRng(fn, "rng", rng);
  const o = assertOptions(fn, options);
  assertInteger(fn, "options.terms", o["terms"], 2, 8);
  assertInteger(fn, "options.digits", o["digits"], 1, 3);
  return drawProblem(rng, options.terms, options.digits);
}

/** {@link labProblem} without checks. @internal */
export function drawProblem(rng: Rng, m: number, digits: number): LabProblem {
  const hi = 10 ** digits - 1;
  const lo = digits === 1 ? 1 : 10 ** (digits - 1);
  const draw = (): number => lo + rng.int(hi - lo + 1);
  const terms = [draw()];
  const ops: ("+" | "-")[] = [];
  let total = terms[0] as number;
  for (let i = 1; i < m; i++) {
    let b = draw();
    let op: "+" | "-" = rng.next() < 0.5 ? "+" : "-";
    if (op === "-" && total - b < 0) op = "+";
    if (op === "+" && total + b > LAB_MAX_TOTAL) op = "-";
    if (op === "-" && total - b < 0) b = total; // only when total < lo: subtract it all
    terms.push(b);
    ops.push(op);
    total = op === "+" ? total + b : total - b;
  }
  return finishProblem(terms, ops, digits);
}

function finishProblem(terms: number[], ops: ("+" | "-")[], digits: number): LabProblem {
  let question = String(terms[0]);
  let solution = "";
  let total = terms[0] as number;
  for (let i = 0; i < ops.length; i++) {
    const b = terms[i + 1] as number;
    const op = ops[i] as "+" | "-";
    const next = op === "+" ? total + b : total - b;
    question += op + String(b);
    solution += `${total}${op}${b}=${next}\n`;
    total = next;
  }
  return { terms, ops, answer: total, digits, question, solution };
}

/** The steps of a problem's solution (its number of operations). */
export function labSteps(problem: LabProblem): number {
  assertProblem("labSteps", problem);
  return problem.ops.length;
}

/** The verdict on one written step. */
export interface LabStepCheck {
  /** The line as written (without its newline). */
  line: string;
  /** Whether the line has the form `a±b=c` with integers a, b, c. */
  wellFormed: boolean;
  /** Whether a is the correct running total so far (the previous line's true result). */
  carriesTotal: boolean;
  /** Whether the operator and b are the question's next ones. */
  readsQuestion: boolean;
  /** Whether c = a ± b, the arithmetic of the line itself. */
  arithmetic: boolean;
  /** Whether the line is entirely right: all of the above. */
  correct: boolean;
  /** c as written (null when the line is malformed). */
  result: number | null;
}

const LINE = /^(\d{1,4})([+-])(\d{1,4})=(\d{1,4})$/;

/**
 * Checks a written solution line by line against the problem: each line
 * must carry the true running total, apply the question's next operation
 * and do it right. Lines past the problem's steps are ignored.
 */
export function checkLabSolution(problem: LabProblem, text: string): LabStepCheck[] {
  const fn = "checkLabSolution";
  assertProblem(fn, problem);
  if (typeof text !== "string") typeError(fn, "text", "a string", text);
  const lines = text.split("\n");
  const checks: LabStepCheck[] = [];
  let total = problem.terms[0] as number;
  for (let i = 0; i < problem.ops.length && i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === "" && i === lines.length - 1) break;
    const b = problem.terms[i + 1] as number;
    const op = problem.ops[i] as "+" | "-";
    const m = LINE.exec(line);
    const truth = op === "+" ? total + b : total - b;
    if (m === null) {
      checks.push({
        line,
        wellFormed: false,
        carriesTotal: false,
        readsQuestion: false,
        arithmetic: false,
        correct: false,
        result: null,
      });
    } else {
      const a = Number(m[1]);
      const c = Number(m[4]);
      const arithmetic = (m[2] === "+" ? a + Number(m[3]) : a - Number(m[3])) === c;
      const carriesTotal = a === total;
      const readsQuestion = m[2] === op && Number(m[3]) === b;
      checks.push({
        line,
        wellFormed: true,
        carriesTotal,
        readsQuestion,
        arithmetic,
        correct: carriesTotal && readsQuestion && arithmetic,
        result: c,
      });
    }
    total = truth;
  }
  return checks;
}

/**
 * The answer a written solution ends in: the result of its last complete
 * line, or null when that line is malformed or there is none.
 */
export function labAnswer(text: string): number | null {
  if (typeof text !== "string") typeError("labAnswer", "text", "a string", text);
  const a = answerOf(text);
  return Number.isNaN(a) ? null : a;
}

/** {@link labAnswer} without checks. @internal */
export function answerOf(text: string): number {
  let end = text.length;
  if (text.endsWith("\n")) end--;
  const start = text.lastIndexOf("\n", end - 1) + 1;
  const m = LINE.exec(text.slice(start, end));
  return m === null ? NaN : Number(m[4]);
}

/** Whether a written solution is correct: its final answer equals the problem's. */
export function labCorrect(problem: LabProblem, text: string): boolean {
  assertProblem("labCorrect", problem);
  if (typeof text !== "string") typeError("labCorrect", "text", "a string", text);
  return (
    lineCount(text) >= problem.ops.length && answerOf(firstLines(text, problem.ops.length)) === problem.answer
  );
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function firstLines(text: string, lines: number): string {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10 && ++seen === lines) return text.slice(0, i + 1);
  }
  return text;
}

/** The prompt a model continues: `>` and the question, then a newline. */
export function labPrompt(problem: LabProblem): string {
  assertProblem("labPrompt", problem);
  return `>${problem.question}\n`;
}

/** Encodes text over {@link LAB_VOCAB} as tokens. */
export function encodeLab(text: string): Int32Array {
  if (typeof text !== "string") typeError("encodeLab", "text", "a string", text);
  const out = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const t = c < 128 ? (TOKEN_OF[c] as number) : -1;
    if (t < 0) typeError("encodeLab", "text", `made of the symbols ${JSON.stringify(LAB_VOCAB)}`, text);
    out[i] = t;
  }
  return out;
}

/** Decodes tokens back to text. */
export function decodeLab(tokens: ArrayLike<number>): string {
  if (
    tokens === null ||
    typeof tokens !== "object" ||
    typeof (tokens as ArrayLike<number>).length !== "number"
  ) {
    typeError("decodeLab", "tokens", "an array of tokens", tokens);
  }
  let s = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as number;
    if (!Number.isInteger(t) || t < 0 || t >= LAB_VOCAB.length) {
      typeError("decodeLab", `tokens[${i}]`, `an integer in [0, ${LAB_VOCAB.length - 1}]`, t);
    }
    s += LAB_VOCAB[t];
  }
  return s;
}

/** Parses a question such as "47+38-15" back into a problem (digits: the longest term's). */
export function parseLabQuestion(question: string): LabProblem {
  const fn = "parseLabQuestion";
  if (typeof question !== "string" || !/^\d{1,3}([+-]\d{1,3}){1,7}$/.test(question)) {
    typeError(fn, "question", "terms of 1–3 digits joined by + or - (2 to 8 terms)", question);
  }
  const terms = question.split(/[+-]/).map(Number);
  const ops = (question.match(/[+-]/g) ?? []) as ("+" | "-")[];
  let total = terms[0] as number;
  for (let i = 0; i < ops.length; i++) {
    total = ops[i] === "+" ? total + (terms[i + 1] as number) : total - (terms[i + 1] as number);
    if (total < 0 || total > LAB_MAX_TOTAL) {
      typeError(fn, "question", `a chain whose running totals stay in [0, ${LAB_MAX_TOTAL}]`, question);
    }
  }
  const digits = Math.max(...terms.map((t) => String(t).length));
  return finishProblem(terms, ops, digits);
}

/** Checks a LabProblem argument. @internal */
export function assertProblem(fn: string, problem: unknown, name = "problem"): asserts problem is LabProblem {
  const p = problem as LabProblem | null;
  if (
    p === null ||
    typeof p !== "object" ||
    !Array.isArray(p.terms) ||
    !Array.isArray(p.ops) ||
    p.terms.length !== p.ops.length + 1 ||
    p.ops.length < 1 ||
    typeof p.answer !== "number" ||
    typeof p.solution !== "string" ||
    typeof p.question !== "string"
  ) {
    typeError(fn, name, "a LabProblem (from labProblem or parseLabQuestion)", problem);
  }
}

/** A difficulty setting of the lab's benchmark: terms and digits. */
export interface LabSetting {
  /** Terms m (steps m − 1). */
  terms: number;
  /** Digits per term. */
  digits: number;
}

/**
 * The settings the lab's models are trained and tested on, eight rungs from
 * trivial to hard: chains of 2 to 6 one-digit terms, then 2 to 4 two-digit
 * terms (carries and borrows in every step). The ladder is weighted to what a
 * 29k-parameter model learns from two million tokens: it solves two
 * one-digit terms nearly always and four two-digit terms almost never.
 */
export const LAB_SETTINGS: readonly LabSetting[] = [
  { terms: 2, digits: 1 },
  { terms: 3, digits: 1 },
  { terms: 4, digits: 1 },
  { terms: 5, digits: 1 },
  { terms: 6, digits: 1 },
  { terms: 2, digits: 2 },
  { terms: 3, digits: 2 },
  { terms: 4, digits: 2 },
];

/** Draws a problem from a uniformly chosen {@link LAB_SETTINGS} entry. @internal */
export function drawMixedProblem(rng: Rng): LabProblem {
  const s = LAB_SETTINGS[rng.int(LAB_SETTINGS.length)] as LabSetting;
  return drawProblem(rng, s.terms, s.digits);
}

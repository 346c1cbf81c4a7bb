/**
 * Question and benchmark arguments, validated in one place: a question
 * object, a benchmark object, and the "benchmark or array of questions"
 * argument that the accuracy functions accept.
 *
 * This module is internal: it is not re-exported from the package index.
 * @internal
 * @packageDocumentation
 */
import type { Benchmark, Question } from "./questions";
import {
  assertInteger,
  assertNumberArray,
  assertObject,
  assertProbability,
  rangeError,
  typeError,
} from "./validate";

/**
 * Validates a question object (as made by `makeQuestion`).
 * @internal
 */
export function checkQuestion(fn: string, name: string, question: unknown): asserts question is Question {
  const q = assertObject(fn, name, question);
  if (q.id !== undefined) assertInteger(fn, `${name}.id`, q.id, 0);
  assertProbability(fn, `${name}.p`, q.p);
  assertNumberArray(fn, `${name}.distractors`, q.distractors, "nonNegative");
}

/**
 * Validates a benchmark object.
 * @internal
 */
export function checkBenchmark(fn: string, name: string, benchmark: unknown): asserts benchmark is Benchmark {
  const b = assertObject(fn, name, benchmark);
  if (!Array.isArray(b.questions) || b.questions.length === 0) {
    rangeError(fn, `${name}.questions`, "a non-empty array of questions", b.questions);
  }
  const qs = b.questions as unknown[];
  for (let i = 0; i < qs.length; i++) checkQuestion(fn, `${name}.questions[${i}]`, qs[i]);
}

/**
 * The questions of a benchmark or a non-empty array of questions, validated
 * (errors name `fn` and the parameter `name`).
 * @internal
 */
export function toQuestions(fn: string, name: string, input: unknown): readonly Question[] {
  if (Array.isArray(input)) {
    if (input.length === 0) rangeError(fn, name, "a benchmark or a non-empty array of questions", input);
    for (let i = 0; i < input.length; i++) checkQuestion(fn, `${name}[${i}]`, input[i]);
    return input as Question[];
  }
  if (typeof input !== "object" || input === null || !("questions" in input)) {
    typeError(fn, name, "a benchmark or a non-empty array of questions", input);
  }
  checkBenchmark(fn, name, input);
  return (input as Benchmark).questions;
}

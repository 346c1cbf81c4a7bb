/**
 * The "benchmark or array of questions" argument that the accuracy
 * functions accept, validated in one place.
 *
 * This module is internal: it is not re-exported from the package index.
 * @internal
 * @packageDocumentation
 */
import { checkBenchmark, checkQuestion, type Benchmark, type Question } from "./questions";
import { rangeError, typeError } from "./validate";

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

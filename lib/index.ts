/**
 * ttc-workbook: a small typed library for learning test-time compute scaling
 * (Snell, Lee, Xu, Kumar 2024). Import it as a namespace:
 *
 * ```ts
 * import * as ttc from "ttc-workbook";
 * ttc.coverage(0.1, 16);
 * ```
 * @packageDocumentation
 */

// Version of the library.
export { VERSION } from "./version";

// Special functions: normal distribution, log-gamma, binomial tails.
export * from "./special";

// Seeded randomness.
export * from "./random";

// Coverage, pass@k and the coverage scaling law.
export * from "./coverage";

// Compute budgets: FLOPs, tokens, latency, the FLOPs-matched exchange.
export * from "./budget";

// Questions, benchmarks and the larger-model transformation.
export * from "./questions";

// Verifiers and answer selection.
export * from "./verifier";
export * from "./selection";

// Sequential revisions.
export * from "./revision";

// Tree search against a step-level verifier.
export * from "./search";

// Difficulty bins.
export * from "./difficulty";

// Compute-optimal strategy choice.
export * from "./optimal";

// Adaptive allocation across questions (an extension beyond the paper).
export * from "./allocation";

// Plotly figure builders.
export * from "./figures";

// Display in a tslab kernel (no-ops elsewhere).
export * from "./display";

// The full synthetic experiment (chapter 06).
export * from "./experiment";

// A strategy planner over the experiments' runs (difficulty, budget, latency limit).
export * from "./planner";

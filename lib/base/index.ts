/**
 * The base layer: seeded randomness, special functions, validation and small statistics. Imports nothing from the library.
 * @packageDocumentation
 */
export { VERSION } from "./version";
export {
  erfc,
  erf,
  normalPdf,
  normalCdf,
  normalQuantile,
  logGamma,
  logChoose,
  binomialPmf,
  binomialTail,
  integrate,
  type IntegrateOptions,
  type IntegrateResult,
} from "./special";
export { makeRng, type Rng } from "./random";

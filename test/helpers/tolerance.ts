/**
 * Shared numeric assertions for the tests. Tolerances come from numerics, not
 * from trial and error: Monte Carlo checks use a multiple of the standard
 * error computed from the number of trials; closed forms use a stated
 * absolute or relative error.
 */

/** Standard error of a proportion estimated from `trials` Bernoulli(p) draws. */
export function proportionStandardError(p: number, trials: number): number {
  return Math.sqrt((p * (1 - p)) / trials);
}

/** Standard error of a mean from its sample variance and count. */
export function meanStandardError(variance: number, count: number): number {
  return Math.sqrt(variance / count);
}

/**
 * Asserts |actual − expected| <= tolerance, with a message that names the
 * case and shows both numbers and the distance in tolerance units.
 */
export function expectWithin(actual: number, expected: number, tolerance: number, label = ""): void {
  const diff = Math.abs(actual - expected);
  if (!(diff <= tolerance)) {
    throw new Error(
      `${label ? label + ": " : ""}expected ${expected} ± ${tolerance}, got ${actual} ` +
        `(|diff| = ${diff}, ${(diff / tolerance).toFixed(2)}× the tolerance)`,
    );
  }
}

/** Asserts a relative error: |actual − expected| <= rel·|expected|. */
export function expectRelative(actual: number, expected: number, rel: number, label = ""): void {
  expectWithin(actual, expected, rel * Math.abs(expected), label);
}

/**
 * Asserts a Monte Carlo estimate of a proportion lies within `z` standard
 * errors of the exact value (z = 5 fails a correct implementation about once
 * in 1.7 million runs; the seeds are fixed, so a pass is reproducible).
 */
export function expectProportionNear(
  estimate: number,
  exact: number,
  trials: number,
  z = 5,
  label = "",
): void {
  const se = Math.max(proportionStandardError(exact, trials), 1 / trials);
  expectWithin(estimate, exact, z * se, label);
}

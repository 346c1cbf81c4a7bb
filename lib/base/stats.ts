/**
 * Small statistics shared by the simulation modules: means and standard
 * errors over questions, and the winner of a tally of answers.
 *
 * This module is internal: it is not re-exported from the package index.
 * @internal
 * @packageDocumentation
 */

/**
 * Indices 0..n−1.
 * @internal
 */
export function allIndices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Mean of `values` at the indices `idx` (0 when `idx` is empty).
 * @internal
 */
export function meanOver(values: ArrayLike<number>, idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += values[i] as number;
  return idx.length > 0 ? s / idx.length : 0;
}

/**
 * Monte Carlo standard error of the mean success rate over `idx`, for fixed
 * questions: with r_i the success rate of question i over R trials,
 * √(Σ r_i(1 − r_i)/(R − 1)) / |idx|; for R = 1 the conservative
 * √(m(1 − m)/|idx|). 0 when `idx` is empty.
 * @internal
 */
export function monteCarloStandardError(
  per: ArrayLike<number>,
  trials: number,
  idx: readonly number[],
): number {
  const n = idx.length;
  if (n === 0) return 0;
  if (trials <= 1) {
    const m = meanOver(per, idx);
    return Math.sqrt((m * (1 - m)) / n);
  }
  let v = 0;
  for (const i of idx) {
    const r = per[i] as number;
    v += (r * (1 - r)) / (trials - 1);
  }
  return Math.sqrt(v) / n;
}

/**
 * Standard error of the mean of `n` values from their mean and their sum of
 * squares: sd/√n with the sample standard deviation (n − 1 in the
 * denominator); 0 for a single value. No allocation: safe in hot loops.
 * @internal
 */
export function standardErrorOfMean(mean: number, sumOfSquares: number, n: number): number {
  const variance = n > 1 ? Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1)) : 0;
  return Math.sqrt(variance / n);
}

/**
 * The winner of a tally: among answer ids 0..count−1 that were seen
 * (`firstSeen[a] >= 0`, −1 marks unseen), the one with the largest
 * `values[a]` (a summed score or a vote count); ties go to the smallest
 * `firstSeen`, i.e. the answer seen first. −1 when none was seen. No
 * allocation: safe in hot loops.
 * @internal
 */
export function argmaxFirstSeen(
  values: ArrayLike<number>,
  firstSeen: ArrayLike<number>,
  count: number,
): number {
  let best = -1;
  for (let a = 0; a < count; a++) {
    const seen = firstSeen[a] as number;
    if (seen < 0) continue;
    if (
      best < 0 ||
      (values[a] as number) > (values[best] as number) ||
      ((values[a] as number) === (values[best] as number) && seen < (firstSeen[best] as number))
    ) {
      best = a;
    }
  }
  return best;
}

/**
 * A running tally of votes per answer id (0, 1, 2, …), for best-of-N
 * weighted (weights = scores), majority (weights = 1) and every other
 * plurality rule in the library: one place that adds votes and breaks ties
 * toward the answer seen first. Grows as larger ids arrive; `reset` clears
 * it in time proportional to the ids seen.
 * @internal
 */
export class VoteTally {
  private weights = new Float64Array(8);
  private first = new Int32Array(8).fill(-1);
  private size = 0;

  /** Forgets every vote. */
  reset(): void {
    this.weights.fill(0, 0, this.size);
    this.first.fill(-1, 0, this.size);
    this.size = 0;
  }

  /** Adds `weight` to `answer`; `order` (e.g. the sample's index) breaks ties: lower wins. */
  add(answer: number, weight: number, order: number): void {
    if (answer >= this.weights.length) this.grow(answer + 1);
    if ((this.first[answer] as number) < 0) this.first[answer] = order;
    this.weights[answer] = (this.weights[answer] as number) + weight;
    if (answer >= this.size) this.size = answer + 1;
  }

  /** The answer with the largest total (ties: seen first), or −1 when empty. */
  winner(): number {
    return argmaxFirstSeen(this.weights, this.first, this.size);
  }

  private grow(size: number): void {
    const capacity = Math.max(size, 2 * this.weights.length);
    const weights = new Float64Array(capacity);
    weights.set(this.weights);
    const first = new Int32Array(capacity).fill(-1);
    first.set(this.first);
    this.weights = weights;
    this.first = first;
  }
}

/** Greatest common divisor of two non-negative integers (Euclid). @internal */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

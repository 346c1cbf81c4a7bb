/**
 * The paper's findings checked against the two experiments: {@link findingsTable}
 * runs the fourteen named checkers of `finding-checks.ts` over one shared
 * context (`findings-input.ts`).
 * @packageDocumentation
 */
import { FINDING_CHECKS } from "./finding-checks";
import {
  findingsContext,
  type FindingRow,
  type RevisionFindingsInput,
  type SearchFindingsInput,
} from "./findings-input";

export {
  FINDINGS_Z,
  MEANINGFUL_GAIN,
  INSENSITIVE_SPREAD,
  type Verdict,
  type FindingRow,
  type SearchFindingsInput,
  type RevisionFindingsInput,
} from "./findings-input";

/**
 * The findings of Snell et al. (2024), each checked against the
 * two experiments with a stated numeric criterion. Every verdict is computed
 * from the numbers — nothing is typed in — and every difference that must
 * "count" has to exceed {@link FINDINGS_Z} = 2 standard errors. Paired
 * comparisons (two strategies, two budgets or two ratios on the same
 * questions) use the paired standard error sd(a_i − b_i)/√n; comparisons of
 * cross-validated compute-optimal curves use the conservative unpaired
 * √(SE_a² + SE_b²) from {@link computeOptimal}.
 *
 * The rows, in order (ids in brackets):
 * 1. [search-efficiency] compute-optimal search vs best-of-N: ≈ 4× (ratio >= 3.5) at a budget
 *    in 4–16, and a larger accuracy gain over best-of-N at budgets 4–16 than at 64–256;
 * 2. [search-predicted] predicted bins lose gain at high budgets: the oracle − predicted gap,
 *    averaged over budgets 64–256, exceeds its average over 4–16 and 2 SE;
 * 3. [revision-efficiency] compute-optimal revisions vs parallel best-of-N: ratio >= 3.5 somewhere;
 * 4. [revision-plateau] from 64 to 256 the compute-optimal curve gains > 2 SE and parallel
 *    best-of-N does not;
 * 5. [efficiency-overall] the median efficiency ratio (both experiments, budgets >= 4) is in [2, 4];
 * 6. [larger-model] FLOPs-matched against a ~14× model (logit shift {@link largerModelP}), at
 *    the budgets F of R = 0.16 and R = 22: test-time compute at least matches it on levels 1–3
 *    at R = 0.16, and loses on level 5 at R = 22, for both search and revisions;
 * 7. [beam-budget] beam search beats best-of-N at budget 4 or 16 (and trails at neither) and falls
 *    below it at 256 (> 2 SE each);
 * 8. [lookahead-worst] a lookahead point is "worst" when best-of-N and every beam search at its
 *    budget beat it by > 2 SE; yes if more than half of its points are;
 * 9. [bins-easy] on levels 1 and 2, beam search (M = 4) loses > 2 SE from budget 4 to 256 while
 *    best-of-N does not;
 * 10. [bins-medium] on levels 3 and 4, beam search (M = 4) beats best-of-N by > 2 SE at all of
 *    4, 16, 64, 256;
 * 11. [bins-hardest] on level 5, neither best-of-N nor beam search (M = 4) gains
 *    {@link MEANINGFUL_GAIN} (10 points) from budget 4 to 256;
 * 12. [revisions-easy] at the sweep budget (verifier), levels 1 and 2 do best all-sequential
 *    (within 2 SE of the best ratio) and all-sequential beats all-parallel by > 2 SE;
 * 13. [revisions-hard] on levels 3–5 the best ratio is interior and beats both ends by > 2 SE;
 * 14. [majority-easy] with majority selection, levels 1 and 2 vary by at most
 *    {@link INSENSITIVE_SPREAD} (5 points) across ratios.
 *
 * "partly" means some but not all parts of a criterion hold (each row's `criterion` says which).
 * Cost: four {@link computeOptimal} calls plus O(evaluations × questions).
 *
 * @param search - a search result (or any {@link SearchFindingsInput})
 * @param revision - a revision result (or any {@link RevisionFindingsInput})
 * @returns the 14 rows
 * @throws {TypeError} if an input is malformed
 * @throws {RangeError} if lengths differ, levels are not exactly 1–5, or an evaluation a
 *   criterion needs is missing (e.g. beam M=4 at budget 4, budgets 4/16/64/256 for search,
 *   64/256 and the sweep budget for revisions)
 * @example
 * const rows = findingsTable(runSearchExperiment(), runRevisionExperiment());
 * rows.map((r) => r.reproduced); // one verdict per finding, e.g. "yes", "partly", "no"
 */
export function findingsTable(search: SearchFindingsInput, revision: RevisionFindingsInput): FindingRow[] {
  const c = findingsContext(search, revision);
  return FINDING_CHECKS.map((check) => check(c));
}

/**
 * Coverage: whether a comparator rests on enough data to be shown. FFT shows no national line "if there
 * is insufficient data to justify it" (FFT Aspire Attendance Tracker FAQ 5, ../shared/seeds/000); we make
 * the test explicit and configurable, and always say which threshold failed.
 *
 * @module
 */

/** Minimums a comparator's data must reach; each is optional (absent = not tested). */
export interface CoverageThresholds {
  /** Fewest schools (DfE's `num_schools` is a daily mean and may be fractional). */
  readonly minSchools?: number;
  /** Fewest possible sessions. */
  readonly minPossibleSessions?: number;
  /** Fewest contributing areas (e.g. statistical neighbours with a value). */
  readonly minContributors?: number;
}

/** What a comparator rests on. */
export interface CoverageFacts {
  readonly schools?: number;
  readonly possibleSessions?: number;
  readonly contributors?: number;
}

/**
 * The reason a comparator is too thin to show, or `undefined` when it passes every threshold given.
 * A fact that is unknown fails a threshold set on it (never assumed enough).
 *
 * @example
 * coverageProblem({ schools: 3, possibleSessions: 900 }, { minSchools: 5 }) // 'fewer than 5 schools (3)'
 */
export const coverageProblem = (facts: CoverageFacts, thresholds: CoverageThresholds): string | undefined => {
  const check = (value: number | undefined, min: number | undefined, what: string): string | undefined => {
    if (min === undefined) return undefined;
    if (value === undefined) return `the number of ${what} is not known (at least ${min} needed)`;
    return value < min ? `fewer than ${min} ${what} (${value})` : undefined;
  };
  return (
    check(facts.schools, thresholds.minSchools, 'schools') ??
    check(facts.possibleSessions, thresholds.minPossibleSessions, 'possible sessions') ??
    check(facts.contributors, thresholds.minContributors, 'contributing areas')
  );
};

/**
 * A significance flag and interval for a difference between a local rate and a comparator, accounting
 * for sessions being clustered within pupils: a pupil's sessions are not independent trials (one long
 * illness is many absent sessions), so the binomial variance over sessions understates the uncertainty,
 * often many times over.
 *
 * Method: the rate is a ratio estimator R = Σ y_i / Σ m_i over pupils (or enrolments) i, with y_i the
 * pupil's sessions of the measure and m_i their possible sessions. Its variance with pupils as clusters
 * is the standard linearisation (Taylor series) estimator for a ratio under cluster sampling
 * (Cochran, Sampling Techniques, 3rd ed., §6.9 and §11.8):
 *   Var(R) ≈ n / (n − 1) × Σ_i (y_i − R m_i)² / (Σ_i m_i)².
 * A comparator given as a rate (e.g. DfE's national figure, a census of all pupils) is treated as fixed;
 * one given as pupil data is treated as an independent group and its variance is added. An interval is
 * `difference ± z × SE` (normal approximation; z = 1.96 for 95%). Doubles are fine here: this is an
 * estimate, not a published figure or a band edge.
 *
 * @module
 */
import { fraction, fractionToNumber, type Fraction } from './fraction.js';

/** One pupil's (or enrolment's) sessions of the measure and possible sessions. */
export interface PupilSessions {
  readonly count: number;
  readonly possible: number;
}

/** A rate with its clustered standard error, in percentage points. */
export interface ClusteredRate {
  /** Exact percentage Σ count / Σ possible × 100. */
  readonly rate: Fraction;
  readonly standardError: number;
  /** Pupils with possible sessions (the clusters). */
  readonly pupils: number;
  /**
   * Design effect: the clustered variance over the binomial variance R(1 − R) / Σ m that treats every
   * session as independent. Undefined when the binomial variance is zero.
   */
  readonly designEffect: number | undefined;
}

/**
 * The rate of a group of pupils with its standard error, pupils as clusters. Undefined with fewer than
 * two pupils with possible sessions (no variance can be estimated).
 *
 * @example
 * // Three pupils, 10 sessions each, absent 0, 5 and 1: 20% ± SE 15.28 points (design effect 4.375).
 * clusteredRate([{ count: 0, possible: 10 }, { count: 5, possible: 10 }, { count: 1, possible: 10 }])
 */
export const clusteredRate = (pupils: readonly PupilSessions[]): ClusteredRate | undefined => {
  const used = pupils.filter((p) => p.possible > 0);
  const n = used.length;
  if (n < 2) return undefined;
  let y = 0;
  let m = 0;
  for (const p of used) {
    y += p.count;
    m += p.possible;
  }
  const r = y / m;
  let ss = 0;
  for (const p of used) ss += (p.count - r * p.possible) ** 2;
  const variance = ((n / (n - 1)) * ss) / (m * m);
  const binomial = (r * (1 - r)) / m;
  return {
    rate: fraction(y * 100, m),
    standardError: 100 * Math.sqrt(variance),
    pupils: n,
    designEffect: binomial > 0 ? variance / binomial : undefined,
  };
};

/** A difference, local minus comparator, in points, with its interval and significance flag. */
export interface DifferenceInterval {
  readonly difference: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  /** True when the interval excludes zero. */
  readonly significant: boolean;
}

/**
 * The interval for `local − comparator` (points). The comparator is a fixed rate (exact percentage), or
 * pupil data of an independent group. Undefined when a side has fewer than two pupils.
 *
 * @example
 * differenceInterval(localPupils, fraction(93, 1)) // { difference, lower, upper, significant, ... }
 */
export const differenceInterval = (
  local: readonly PupilSessions[],
  comparator: Fraction | readonly PupilSessions[],
  z = 1.96,
): DifferenceInterval | undefined => {
  const l = clusteredRate(local);
  if (l === undefined) return undefined;
  let compRate: number;
  let compVar = 0;
  if ('num' in comparator) compRate = fractionToNumber(comparator);
  else {
    const c = clusteredRate(comparator);
    if (c === undefined) return undefined;
    compRate = fractionToNumber(c.rate);
    compVar = c.standardError ** 2;
  }
  const difference = fractionToNumber(l.rate) - compRate;
  const standardError = Math.sqrt(l.standardError ** 2 + compVar);
  const lower = difference - z * standardError;
  const upper = difference + z * standardError;
  return { difference, standardError, lower, upper, significant: lower > 0 || upper < 0 };
};

/**
 * Combining phases (Primary, Secondary, Special) into DfE's "Total" row, both ways DfE has done it.
 *
 * Source: dfe-analytical-services/attendance-data-dashboard `R/prerun_utils.R`. Up to and including
 * 2024/25 (commit f9c6744): "Calculate total as (Primary rate X primary census count) + (Secondary rate X
 * secondary census count) + (Special rate X special census count) and divided all by total census count";
 * from 2025/26 (commit 625dbfe) that block is commented out and sessions are summed across phases.
 * Checked against every shared file (docs/methodology-comparators.md): census weights are the phase rows'
 * `total_enrolments`, and the published Totals are reproduced within 1e-13 points.
 *
 * @module
 */
import { addCounts, rateFraction, type SessionCounts } from './counts.js';
import type { Fraction } from './fraction.js';
import { weightedMean } from './weighted.js';

/** How phases are combined into a Total. */
export type PhaseTotalMethod = 'census-weighted' | 'pooled';

/**
 * DfE's method for an academic year (given by the calendar year it starts in): census-weighted for
 * 2024/25 and earlier, pooled sessions from 2025/26.
 *
 * @example
 * defaultPhaseTotalMethod(2024) // 'census-weighted'
 * defaultPhaseTotalMethod(2025) // 'pooled'
 */
export const defaultPhaseTotalMethod = (academicYearStart: number): PhaseTotalMethod =>
  academicYearStart <= 2024 ? 'census-weighted' : 'pooled';

/** One phase's contribution to a Total. */
export interface PhasePart {
  /** Session counts of the phase (numerators for every measure that has counts). */
  readonly counts: SessionCounts;
  /** The phase's school-census headcount (`total_enrolments`), needed by the census-weighted method. */
  readonly censusHeadcount?: number;
  /**
   * Rates with no counts behind them (e.g. DfE's `pa_perc`, whose denominator is not published), as exact
   * percentages. Census weighting can combine them; pooling cannot.
   */
  readonly rates?: Readonly<Record<string, Fraction>>;
}

/** A combined Total: a rate per measure where it could be made, and the reason where it could not. */
export interface PhaseTotal {
  readonly method: PhaseTotalMethod;
  readonly rates: Readonly<Record<string, Fraction>>;
  readonly missing: Readonly<Record<string, string>>;
}

const partRate = (p: PhasePart, m: string): Fraction | undefined => rateFraction(p.counts, m) ?? p.rates?.[m];

/**
 * Combines phases into a Total by `method`, for each of `measures` (percentages, exact).
 *
 * @example
 * const primary = { counts: { possible: 100, byMeasure: { attendance: 95 } }, censusHeadcount: 3 };
 * const special = { counts: { possible: 100, byMeasure: { attendance: 85 } }, censusHeadcount: 1 };
 * combinePhases([primary, special], 'census-weighted', ['attendance']).rates.attendance // 92.5 (= 370/4)
 */
export const combinePhases = (
  parts: readonly PhasePart[],
  method: PhaseTotalMethod,
  measures: readonly string[],
): PhaseTotal => {
  const rates: Record<string, Fraction> = {};
  const missing: Record<string, string> = {};
  if (parts.length === 0) {
    for (const m of measures) missing[m] = 'no phases to combine';
    return { method, rates, missing };
  }
  if (method === 'pooled') {
    const pooled = parts.map((p) => p.counts).reduce(addCounts);
    for (const m of measures) {
      const r = rateFraction(pooled, m);
      if (r !== undefined) rates[m] = r;
      else if (pooled.possible === 0) missing[m] = 'no possible sessions';
      else missing[m] = `${m} has no session counts in every phase, so it cannot be pooled`;
    }
    return { method, rates, missing };
  }
  for (const m of measures) {
    const items = [];
    let reason: string | undefined;
    for (const p of parts) {
      const value = partRate(p, m);
      if (value === undefined) reason = `a phase has no ${m} rate (no possible sessions or not published)`;
      else if (p.censusHeadcount === undefined || !Number.isSafeInteger(p.censusHeadcount) || p.censusHeadcount < 0)
        reason = 'a phase has no census headcount (total_enrolments) to weight by';
      else items.push({ value, weight: p.censusHeadcount });
    }
    // DfE's R code gives NA when any phase is NA: mirror it rather than silently dropping a phase.
    const r = reason === undefined ? weightedMean(items) : undefined;
    if (r !== undefined) rates[m] = r;
    else missing[m] = reason ?? 'census headcounts sum to zero';
  }
  return { method, rates, missing };
};

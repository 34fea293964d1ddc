/**
 * Session counts of a comparator cell (a DfE row, a school, an LA, a pupil group) and the rates DfE
 * publishes from them. These are plain integer session counts, not register marks: DfE's published
 * rows carry counts per category and reason but no marks.
 *
 * Source: DfE "Pupil attendance in schools" technical guidance (data/dfe-pupil-attendance/
 * technical_guidance_*.csv): every rate is its session count "as a proportion of total sessions possible";
 * attendance counts present plus late-before-registers-closed plus approved educational activity
 * (`overall_attendance`), as `R/prerun_utils.R` in dfe-analytical-services/attendance-data-dashboard.
 *
 * @module
 */
import { fraction, fractionPercent, fractionToNumber, type Fraction } from './fraction.js';

/** The headline measures every comparator gives. Reason measures are named by the caller. */
export type HeadlineMeasure = 'attendance' | 'overall_absence' | 'authorised_absence' | 'unauthorised_absence';

/** The headline measures, in DfE's column order. */
export const HEADLINE_MEASURES: readonly HeadlineMeasure[] = [
  'attendance',
  'overall_absence',
  'authorised_absence',
  'unauthorised_absence',
];

/**
 * Integer session counts of one cell. `byMeasure` holds a numerator for every measure the source gives
 * (the four headline measures, and reasons such as `illness`), all over the same `possible` denominator.
 */
export interface SessionCounts {
  readonly possible: number;
  readonly byMeasure: Readonly<Record<string, number>>;
}

/**
 * Adds counts cell by cell (the tally monoid: parts merge into the whole in any order). A measure
 * missing from either side is missing from the result, so a sum never invents zeros.
 *
 * @example
 * addCounts({ possible: 10, byMeasure: { attendance: 9 } }, { possible: 20, byMeasure: { attendance: 19 } })
 * // { possible: 30, byMeasure: { attendance: 28 } }
 */
export const addCounts = (a: SessionCounts, b: SessionCounts): SessionCounts => {
  const byMeasure: Record<string, number> = {};
  for (const [k, v] of Object.entries(a.byMeasure)) {
    const w = b.byMeasure[k];
    if (w !== undefined) byMeasure[k] = v + w;
  }
  return { possible: a.possible + b.possible, byMeasure };
};

/** The empty tally of a set of measures (identity of {@link addCounts} for those measures). */
export const emptyCounts = (measures: readonly string[]): SessionCounts => ({
  possible: 0,
  byMeasure: Object.fromEntries(measures.map((m) => [m, 0])),
});

/**
 * The exact rate of a measure as a percentage fraction, or `undefined` when there are no possible
 * sessions (DfE publishes `NaN` there) or the measure is not counted.
 *
 * @example
 * rateFraction({ possible: 8, byMeasure: { attendance: 6 } }, 'attendance') // { num: 600n, den: 8n } (75%)
 */
export const rateFraction = (counts: SessionCounts, measure: string): Fraction | undefined => {
  const n = counts.byMeasure[measure];
  if (n === undefined || counts.possible === 0) return undefined;
  return fractionPercent(fraction(n, counts.possible));
};

/** {@link rateFraction} as a double: `count * 100 / possible`, unrounded. */
export const ratePercent = (counts: SessionCounts, measure: string): number | undefined => {
  const f = rateFraction(counts, measure);
  return f === undefined ? undefined : fractionToNumber(f);
};

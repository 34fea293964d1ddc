/**
 * School weeks and their labels. A week is Monday to Sunday; peers label it two ways, and both are
 * offered (peers §3.1, §4.3; reference §4.7):
 * - `week-commencing` (DfE): the Monday's date. DfE's weekly releases also name the week by its ISO
 *   8601 week number, `time_period` 2024 with `time_identifier` "Week 37" for the week commencing
 *   9 September 2024 (checked against data/dfe-pupil-attendance/2024-25_weekly_autumn.csv: the autumn
 *   half-term week 28 October 2024 is "Week 44", which has no national row and only 74 LA rows).
 * - `week-ending` (FFT Aspire): the Friday's date. Saturday and Sunday belong to the week ending the
 *   Friday before them, so both labels name the same Monday-to-Sunday weeks.
 *
 * @module
 */
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { fromDayNumber, toDayNumber, weekdayOf, type IsoDate } from '../dates.js';
import { toLocalDate, type DateRange } from './date-range.js';

/** How a week is named: by its Monday (DfE) or by its Friday (FFT). */
export type WeekConvention = 'week-commencing' | 'week-ending';

/** A Monday-to-Sunday week. */
export interface Week {
  /** The Monday. */
  readonly commencing: IsoDate;
  /** The Friday. */
  readonly ending: IsoDate;
  /** The Sunday: the week is `commencing` to `sunday`. */
  readonly sunday: IsoDate;
  /** The ISO 8601 week-numbering year (DfE's `time_period` for weekly data). */
  readonly isoYear: number;
  /** The ISO 8601 week number, 1-53 (DfE's "Week NN"). */
  readonly isoWeek: number;
}

/**
 * The day number of the Monday of a day's week: the integer key the engine groups by.
 * @example fromDayNumber(weekStartDay(toDayNumber('2024-09-08'))) // '2024-09-02'
 */
export const weekStartDay = (day: number): number => day - weekdayOf(day);

/**
 * The week a date falls in.
 * @example weekOf('2024-09-11').isoWeek // 37
 */
export const weekOf = (date: IsoDate | string): Week => {
  const monday = weekStartDay(toDayNumber(date));
  const commencing = fromDayNumber(monday);
  const local = toLocalDate(commencing);
  return {
    commencing,
    ending: fromDayNumber(monday + 4),
    sunday: fromDayNumber(monday + 6),
    isoYear: getISOWeekYear(local),
    isoWeek: getISOWeek(local),
  };
};

/**
 * The Monday of a date's week (DfE's "week commencing").
 * @example weekCommencing('2024-09-08') // '2024-09-02'
 */
export const weekCommencing = (date: IsoDate | string): IsoDate => fromDayNumber(weekStartDay(toDayNumber(date)));

/**
 * The Friday of a date's week (FFT's "week ending"); a Saturday or Sunday gives the Friday before it.
 * @example weekEnding('2024-09-08') // '2024-09-06'
 */
export const weekEnding = (date: IsoDate | string): IsoDate => fromDayNumber(weekStartDay(toDayNumber(date)) + 4);

/**
 * A week's label under a convention: the Monday or the Friday, as an ISO date.
 * @example weekLabel('2024-09-11', 'week-ending') // '2024-09-13'
 */
export const weekLabel = (date: IsoDate | string, convention: WeekConvention): IsoDate =>
  convention === 'week-commencing' ? weekCommencing(date) : weekEnding(date);

/**
 * DfE's weekly time columns for a date's week: `time_period` (ISO week-year) and `time_identifier`.
 * @example dfeWeekIdentifier('2024-10-28') // { timePeriod: 2024, timeIdentifier: 'Week 44' }
 */
export const dfeWeekIdentifier = (
  date: IsoDate | string,
): { readonly timePeriod: number; readonly timeIdentifier: string } => {
  const w = weekOf(date);
  return { timePeriod: w.isoYear, timeIdentifier: `Week ${w.isoWeek}` };
};

/** The part of one week that lies inside a range. */
export interface WeekPart extends DateRange {
  readonly week: Week;
}

/**
 * A range cut at week boundaries: the parts are in order, disjoint, each inside one week, and
 * together cover the range exactly ([WK-1]). The first and last parts may be partial weeks.
 * @example weekParts({ from: '2024-09-04', to: '2024-09-10' }).map((p) => [p.from, p.to])
 * // [['2024-09-04', '2024-09-08'], ['2024-09-09', '2024-09-10']]
 */
export const weekParts = (range: DateRange): readonly WeekPart[] => {
  const first = toDayNumber(range.from);
  const last = toDayNumber(range.to);
  const out: WeekPart[] = [];
  for (let start = first; start <= last; start = weekStartDay(start) + 7) {
    const end = Math.min(last, weekStartDay(start) + 6);
    out.push({ week: weekOf(fromDayNumber(start)), from: fromDayNumber(start), to: fromDayNumber(end) });
  }
  return out;
};

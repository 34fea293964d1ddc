/**
 * A plausible English school-year calendar for synthetic data: six half-terms with the usual
 * breaks (October half-term, Christmas, February half-term, Easter, Whitsun half-term in the week
 * of the spring bank holiday, summer); bank holidays in term (early May) are not school days. Real LAs set their own dates;
 * these rules only aim to look like a typical LA's published term dates (e.g. 2024/25: 2 Sep-25 Oct,
 * 4 Nov-20 Dec, 6 Jan-14 Feb, 24 Feb-4 Apr, 22 Apr-23 May, 2 Jun-22 Jul).
 *
 * @module
 */
import { isEnglandBankHoliday, springBankHoliday } from '../calendar/bank-holidays.js';
import { easterSunday } from '../calendar/easter.js';
import { academicYearLabel, academicYearOf, fromDayNumber, toDayNumber, weekdayOf } from '../dates.js';
import type { IsoDate } from '../dates.js';

/** The six half-terms, named as in terms.csv of the canonical format. */
export type HalfTermName = 'autumn1' | 'autumn2' | 'spring1' | 'spring2' | 'summer1' | 'summer2';

/** One half-term of the synthetic LA calendar, as a row of terms.csv (school_urn empty: every school). */
export interface SyntheticTerm {
  /** e.g. `2024/25`. */
  readonly academicYear: string;
  readonly halfTerm: HalfTermName;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
}

const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** The first day on or after `day` that falls on `weekday` (0 = Monday). */
const onOrAfter = (day: number, weekday: number): number => day + ((weekday - weekdayOf(day) + 7) % 7);
/** The last day on or before `day` that falls on `weekday` (0 = Monday). */
const onOrBefore = (day: number, weekday: number): number => day - ((weekdayOf(day) - weekday + 7) % 7);

/** The half-terms of the academic year starting in `startYear`, as day-number ranges. */
export const halfTermsOf = (startYear: number): readonly { readonly name: HalfTermName; readonly start: number; readonly end: number }[] => {
  const y1 = startYear + 1;
  const octHalfTerm = onOrBefore(dayOf(startYear, 10, 31), 0); // week of the last Monday in October
  const christmasEnd = onOrBefore(dayOf(startYear, 12, 20), 4); // last Friday on or before 20 December
  const springStart = onOrAfter(dayOf(y1, 1, 4), 0); // first Monday on or after 4 January
  const febHalfTerm = onOrAfter(dayOf(y1, 2, 15), 0); // the Monday in 15-21 February
  const easter = toDayNumber(easterSunday(y1));
  const whitsun = toDayNumber(springBankHoliday(y1)); // Whitsun half-term is the spring bank holiday week
  const sep1 = dayOf(startYear, 9, 1);
  const jul22 = dayOf(y1, 7, 22);
  const firstDay = weekdayOf(sep1) < 5 ? sep1 : onOrAfter(sep1, 0); // first weekday from 1 September
  const lastDay = weekdayOf(jul22) < 5 ? jul22 : onOrBefore(jul22, 4); // last weekday to 22 July
  return [
    { name: 'autumn1', start: firstDay, end: octHalfTerm - 3 },
    { name: 'autumn2', start: octHalfTerm + 7, end: christmasEnd },
    { name: 'spring1', start: springStart, end: febHalfTerm - 3 },
    // The Easter break is the fortnight ending on Easter Monday.
    { name: 'spring2', start: febHalfTerm + 7, end: easter - 16 },
    { name: 'summer1', start: easter + 2, end: whitsun - 3 },
    { name: 'summer2', start: whitsun + 7, end: lastDay },
  ];
};

/** The LA's school days (weekdays in a half-term, not an England bank holiday such as early May) from `fromDay` to `toDay`, ascending. */
export const schoolDaysBetween = (fromDay: number, toDay: number): Int32Array => {
  const out: number[] = [];
  for (let y = academicYearOf(fromDayNumber(fromDay)); y <= academicYearOf(fromDayNumber(toDay)); y++) {
    for (const ht of halfTermsOf(y)) {
      for (let d = Math.max(ht.start, fromDay); d <= Math.min(ht.end, toDay); d++) {
        if (weekdayOf(d) < 5 && !isEnglandBankHoliday(fromDayNumber(d))) out.push(d);
      }
    }
  }
  return Int32Array.from(out);
};

/** The half-terms that overlap `fromDay`..`toDay`, as terms.csv rows. */
export const termsBetween = (fromDay: number, toDay: number): readonly SyntheticTerm[] => {
  const out: SyntheticTerm[] = [];
  for (let y = academicYearOf(fromDayNumber(fromDay)); y <= academicYearOf(fromDayNumber(toDay)); y++) {
    for (const ht of halfTermsOf(y)) {
      if (ht.end < fromDay || ht.start > toDay) continue;
      out.push({ academicYear: academicYearLabel(y), halfTerm: ht.name, startDate: fromDayNumber(ht.start), endDate: fromDayNumber(ht.end) });
    }
  }
  return out;
};

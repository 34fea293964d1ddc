/**
 * A school's year as six half-terms, and the questions asked of it: which half-term a date is in,
 * which weekdays are term days. Built by school-calendar.ts from terms.csv, the register, or the
 * default England rules (default-calendar.ts); this module only holds the shape and its queries.
 *
 * Half-terms are the reporting unit of the products this toolkit replaces ("each report is split into
 * half-terms"); a school with its own term dates is reported on its own dates.
 *
 * @module
 */
import { toDayNumber, weekdayOf, type IsoDate } from '../dates.js';
import { HALF_TERMS, type HalfTerm } from '../canonical.js';
import { datesOf, type DateRange } from './date-range.js';

/** A half-term's name: one of canonical.ts `HALF_TERMS` (autumn1 ... summer2, in order). */
export type HalfTermName = HalfTerm;

/** A school's three terms, each two half-terms. */
export const SCHOOL_TERMS = ['autumn', 'spring', 'summer'] as const;
/** A school term. */
export type SchoolTerm = (typeof SCHOOL_TERMS)[number];

/** Where a half-term's dates came from. */
export type CalendarSource = 'terms-file' | 'register' | 'default';

/** One half-term: its first and last term day (the breaks either side belong to no half-term). */
export interface HalfTermDates extends DateRange {
  readonly name: HalfTermName;
  readonly source: CalendarSource;
}

/** Why a weekday inside a half-term is not a school day. */
export type ClosureReason = 'bank-holiday' | 'closure';

/** A weekday inside a half-term on which the school does not meet. */
export interface ClosedDay {
  readonly date: IsoDate;
  /** `closure` covers INSET days and other whole-school closures seen in the register. */
  readonly reason: ClosureReason;
}

/** A school's calendar for one academic year. */
export interface SchoolCalendar {
  /** The academic year's start year (2024 for 2024/25). */
  readonly academicYear: number;
  /** Exactly six, in canonical.ts `HALF_TERMS` order, disjoint and increasing. */
  readonly halfTerms: readonly HalfTermDates[];
  /** Weekdays inside the half-terms with no school, in date order. */
  readonly closedDays: readonly ClosedDay[];
}

/**
 * The index (0-5) of a half-term name in canonical.ts `HALF_TERMS`, or -1 when it is not one.
 * @example halfTermIndex('spring1') // 2
 */
export const halfTermIndex = (name: string): number => (HALF_TERMS as readonly string[]).indexOf(name);

/**
 * Whether a string is a half-term name.
 * @example isHalfTermName('summer2') // true
 */
export const isHalfTermName = (name: string): name is HalfTermName => halfTermIndex(name) >= 0;

/**
 * The half-term containing a date, or `undefined` for dates in breaks or outside the year.
 * @example halfTermOf(defaultCalendar(2024), '2024-11-04') // 'autumn2'
 */
export const halfTermOf = (calendar: SchoolCalendar, date: IsoDate | string): HalfTermName | undefined =>
  calendar.halfTerms.find((h) => date >= h.from && date <= h.to)?.name;

/**
 * A fast day-number lookup for the engine: the half-term index (0-5) of a day, or -1.
 * @example halfTermLookup(calendar)(toDayNumber('2024-11-04')) // 1
 */
export const halfTermLookup = (calendar: SchoolCalendar): ((day: number) => number) => {
  const firsts = calendar.halfTerms.map((h) => toDayNumber(h.from));
  const lasts = calendar.halfTerms.map((h) => toDayNumber(h.to));
  return (day) => {
    for (let i = 0; i < firsts.length; i++) if (day >= (firsts[i] ?? 0) && day <= (lasts[i] ?? -1)) return i;
    return -1;
  };
};

/**
 * The dates of a half-term of a calendar.
 * @example halfTermRange(calendar, 'autumn1') // { from: '2024-09-02', to: '2024-10-25' }
 */
export const halfTermRange = (calendar: SchoolCalendar, name: HalfTermName): DateRange => {
  const h = calendar.halfTerms[halfTermIndex(name)];
  if (h === undefined) throw new RangeError(`calendar has no ${name}`); // a calendar always has six
  return { from: h.from, to: h.to };
};

/**
 * A school term: from the first day of its first half-term to the last day of its second
 * (the half-term break between them has no term days).
 * @example schoolTermRange(calendar, 'autumn') // { from: '2024-09-02', to: '2024-12-20' }
 */
export const schoolTermRange = (calendar: SchoolCalendar, term: SchoolTerm): DateRange => {
  const first = halfTermRange(calendar, `${term}1` as HalfTermName);
  const second = halfTermRange(calendar, `${term}2` as HalfTermName);
  return { from: first.from, to: second.to };
};

/**
 * Whether a date is a term day: a weekday inside a half-term that is not a closed day.
 * @example isTermDay(calendar, '2024-12-25') // false
 */
export const isTermDay = (calendar: SchoolCalendar, date: IsoDate | string): boolean =>
  weekdayOf(toDayNumber(date)) < 5 &&
  halfTermOf(calendar, date) !== undefined &&
  !calendar.closedDays.some((c) => c.date === date);

/**
 * Every term day of a calendar, in order ([HT-1]: each lies in exactly one half-term).
 * @example termDays(calendar).length // about 190 for a real school year
 */
export const termDays = (calendar: SchoolCalendar): readonly IsoDate[] => {
  const closed = new Set<string>(calendar.closedDays.map((c) => c.date));
  return calendar.halfTerms.flatMap((h) =>
    datesOf(h).filter((d) => weekdayOf(toDayNumber(d)) < 5 && !closed.has(d)),
  );
};

/** A structural fault in a list of half-terms. */
export interface HalfTermFault {
  readonly kind: 'inverted' | 'overlap' | 'out-of-order' | 'duplicate' | 'missing' | 'outside-year';
  /** Indexes into the list checked (none for `missing`). */
  readonly at: readonly number[];
  /** The half-term missing, for `missing`. */
  readonly name?: HalfTermName;
}

/**
 * Faults in half-terms meant to be a calendar: each inverted range, each range outside the academic
 * year `year`, each pair with the same name, each pair that overlaps, each pair out of
 * `HALF_TERMS` order, each name missing. An empty answer means the list is a valid calendar.
 * @example halfTermFaults(defaultCalendar(2024).halfTerms, academicYearRange(2024)) // []
 */
export const halfTermFaults = (
  halfTerms: readonly { readonly name: HalfTermName; readonly from: IsoDate; readonly to: IsoDate }[],
  year: DateRange,
): readonly HalfTermFault[] => {
  const faults: HalfTermFault[] = [];
  halfTerms.forEach((h, i) => {
    if (h.from > h.to) faults.push({ kind: 'inverted', at: [i] });
    if (h.from < year.from || h.to > year.to) faults.push({ kind: 'outside-year', at: [i] });
  });
  for (let i = 0; i < halfTerms.length; i++) {
    for (let j = i + 1; j < halfTerms.length; j++) {
      const a = halfTerms[i];
      const b = halfTerms[j];
      if (a === undefined || b === undefined) continue;
      if (a.name === b.name) {
        faults.push({ kind: 'duplicate', at: [i, j] });
        continue;
      }
      if (a.from > a.to || b.from > b.to) continue;
      if (a.from <= b.to && b.from <= a.to) faults.push({ kind: 'overlap', at: [i, j] });
      else if (halfTermIndex(a.name) < halfTermIndex(b.name) !== a.to < b.from) faults.push({ kind: 'out-of-order', at: [i, j] });
    }
  }
  for (const name of HALF_TERMS) if (!halfTerms.some((h) => h.name === name)) faults.push({ kind: 'missing', at: [], name });
  return faults;
};

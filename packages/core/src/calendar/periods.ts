/**
 * Periods: the spans a report is asked about (issue 3): a week, a half-term, a term, a census term, an
 * academic year, year to date as of a date, or any date range. Every period resolves to a date range
 * and so to a slot range, so the engine tallies all of them the same way: a period's tally is the
 * merge of its days' (and of its weeks' or half-terms', which partition it).
 *
 * No clock: "to date" always means as of an `asOf` the caller passes.
 *
 * @module
 */
import { academicYearOf, toDayNumber, toSlot, type IsoDate } from '../dates.js';
import { censusTermRange, CENSUS_PERIODS, CENSUS_TERMS, type CensusPeriodName, type CensusTerm } from './academic-year.js';
import { academicYearRange } from './academic-year.js';
import { type DateRange } from './date-range.js';
import { defaultCalendar } from './default-calendar.js';
import {
  halfTermRange,
  isHalfTermName,
  schoolTermRange,
  SCHOOL_TERMS,
  type HalfTermName,
  type SchoolCalendar,
  type SchoolTerm,
} from './half-terms.js';
import { weekOf, weekParts, type WeekPart } from './weeks.js';

/** A span of dates to report on. */
export type Period =
  | { readonly _tag: 'Range'; readonly from: IsoDate; readonly to: IsoDate }
  /** The Monday-to-Sunday week containing `date`. */
  | { readonly _tag: 'Week'; readonly date: IsoDate }
  /** A half-term of the school's own calendar. */
  | { readonly _tag: 'HalfTermDates'; readonly academicYear: number; readonly halfTerm: HalfTermName }
  /** A term of the school's own calendar: its two half-terms and the break between. */
  | { readonly _tag: 'Term'; readonly academicYear: number; readonly term: SchoolTerm }
  /** A DfE census term or period (fixed dates, the same for every school: reference §4.5). */
  | { readonly _tag: 'CensusTerm'; readonly academicYear: number; readonly term: CensusTerm | CensusPeriodName }
  | { readonly _tag: 'AcademicYear'; readonly academicYear: number }
  /** 1 August of `asOf`'s academic year to `asOf`. */
  | { readonly _tag: 'YearToDate'; readonly asOf: IsoDate };

/** Any date range. @example rangePeriod('2024-09-02', '2024-09-30') */
export const rangePeriod = (from: IsoDate, to: IsoDate): Period => ({ _tag: 'Range', from, to });
/** The week containing a date. @example weekPeriod('2024-09-04') */
export const weekPeriod = (date: IsoDate): Period => ({ _tag: 'Week', date });
/** A school's half-term. @example halfTermPeriod(2024, 'autumn1') */
export const halfTermPeriod = (academicYear: number, halfTerm: HalfTermName): Period => ({ _tag: 'HalfTermDates', academicYear, halfTerm });
/** A school's term. @example schoolTermPeriod(2024, 'spring') */
export const schoolTermPeriod = (academicYear: number, term: SchoolTerm): Period => ({ _tag: 'Term', academicYear, term });
/** A census term or period. @example censusTermPeriod(2024, 'summer2') */
export const censusTermPeriod = (academicYear: number, term: CensusTerm | CensusPeriodName): Period => ({ _tag: 'CensusTerm', academicYear, term });
/** A whole academic year. @example academicYearPeriod(2024) */
export const academicYearPeriod = (academicYear: number): Period => ({ _tag: 'AcademicYear', academicYear });
/** Year to date as of a date. @example yearToDate('2024-11-20') */
export const yearToDate = (asOf: IsoDate): Period => ({ _tag: 'YearToDate', asOf });

/**
 * A term name as a user types it (CLI `--term`): a half-term (`autumn1` ... `summer2`), a school term
 * (`autumn`, `spring`, `summer`), or a census term or period prefixed `census-` (`census-spring`,
 * `census-summer2`). `undefined` when it is none of these.
 * @example parseTermPeriod(2024, 'census-summer1') // { _tag: 'CensusTerm', academicYear: 2024, term: 'summer1' }
 */
export const parseTermPeriod = (academicYear: number, name: string): Period | undefined => {
  const s = name.trim().toLowerCase();
  if (isHalfTermName(s)) return halfTermPeriod(academicYear, s);
  if ((SCHOOL_TERMS as readonly string[]).includes(s)) return schoolTermPeriod(academicYear, s as SchoolTerm);
  const census = s.startsWith('census-') ? s.slice('census-'.length) : undefined;
  if (census !== undefined && ([...CENSUS_TERMS, ...CENSUS_PERIODS] as readonly string[]).includes(census)) {
    return censusTermPeriod(academicYear, census as CensusTerm | CensusPeriodName);
  }
  return undefined;
};

/** How to resolve a period. */
export interface ResolveOptions {
  /**
   * The school's calendar for half-terms and terms. Used when its academic year is the period's;
   * otherwise (or when absent) the default England calendar of that year is used.
   */
  readonly calendar?: SchoolCalendar;
  /** Cut the period at this date ("so far"): the result is empty when `asOf` is before it starts. */
  readonly asOf?: IsoDate;
}

const calendarFor = (academicYear: number, options: ResolveOptions): SchoolCalendar =>
  options.calendar?.academicYear === academicYear ? options.calendar : defaultCalendar(academicYear);

/**
 * The dates of a period. The result is empty (`to` before `from`) only when `asOf` is before the period.
 * @example periodRange(yearToDate('2024-11-20')) // { from: '2024-08-01', to: '2024-11-20' }
 */
export const periodRange = (period: Period, options: ResolveOptions = {}): DateRange => {
  const full = ((): DateRange => {
    switch (period._tag) {
      case 'Range':
        return { from: period.from, to: period.to };
      case 'Week': {
        const w = weekOf(period.date);
        return { from: w.commencing, to: w.sunday };
      }
      case 'HalfTermDates':
        return halfTermRange(calendarFor(period.academicYear, options), period.halfTerm);
      case 'Term':
        return schoolTermRange(calendarFor(period.academicYear, options), period.term);
      case 'CensusTerm':
        return censusTermRange(period.academicYear, period.term);
      case 'AcademicYear':
        return academicYearRange(period.academicYear);
      case 'YearToDate':
        return { from: academicYearRange(academicYearOf(period.asOf)).from, to: period.asOf };
    }
  })();
  return options.asOf !== undefined && options.asOf < full.to ? { from: full.from, to: options.asOf } : full;
};

/** An inclusive range of session slots (dates.ts `toSlot`: `day * 2`, `+ 1` for PM). */
export interface SlotRange {
  readonly fromSlot: number;
  /** Inclusive. Less than `fromSlot` for an empty period. */
  readonly toSlot: number;
}

/**
 * The session slots of a period: AM of its first date to PM of its last ([PER-1]). A mark is in the
 * period iff `fromSlot <= slot && slot <= toSlot`.
 * @example periodSlots(weekPeriod('2024-09-04')) // { fromSlot: 39934, toSlot: 39947 } (2 to 8 September 2024)
 */
export const periodSlots = (period: Period, options: ResolveOptions = {}): SlotRange => {
  const r = periodRange(period, options);
  return { fromSlot: toSlot(toDayNumber(r.from), 'AM'), toSlot: toSlot(toDayNumber(r.to), 'PM') };
};

/**
 * A period cut into its weeks (Monday to Sunday; the first and last may be partial): in order,
 * disjoint and covering it ([WK-1]), so weekly tallies merge into the period's.
 * @example splitIntoWeeks(halfTermPeriod(2024, 'autumn1')).length // 8
 */
export const splitIntoWeeks = (period: Period, options: ResolveOptions = {}): readonly WeekPart[] =>
  weekParts(periodRange(period, options));

/** The part of a period inside one half-term. */
export interface HalfTermPart extends DateRange {
  readonly academicYear: number;
  readonly halfTerm: HalfTermName;
}

/**
 * The parts of a period that fall in half-terms, in order (break days belong to no half-term, so they
 * are left out). `calendarOf` gives the school's calendar for each academic year the period touches
 * (default: the default England calendar).
 * @example splitIntoHalfTerms(academicYearPeriod(2024)).map((p) => p.halfTerm) // ['autumn1', ..., 'summer2']
 */
export const splitIntoHalfTerms = (
  period: Period,
  calendarOf: (academicYear: number) => SchoolCalendar = defaultCalendar,
  options: ResolveOptions = {},
): readonly HalfTermPart[] => {
  const r = periodRange(period, options);
  if (r.to < r.from) return [];
  const out: HalfTermPart[] = [];
  for (let y = academicYearOf(r.from); y <= academicYearOf(r.to); y++) {
    for (const h of calendarOf(y).halfTerms) {
      const from = h.from > r.from ? h.from : r.from;
      const to = h.to < r.to ? h.to : r.to;
      if (from <= to) out.push({ academicYear: y, halfTerm: h.name, from, to });
    }
  }
  return out;
};

/**
 * A short human label for a period.
 * @example periodLabel(halfTermPeriod(2024, 'autumn1')) // '2024/25 autumn1'
 */
export const periodLabel = (period: Period): string => {
  const year = (y: number): string => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  switch (period._tag) {
    case 'Range':
      return `${period.from} to ${period.to}`;
    case 'Week':
      return `week commencing ${weekOf(period.date).commencing}`;
    case 'HalfTermDates':
      return `${year(period.academicYear)} ${period.halfTerm}`;
    case 'Term':
      return `${year(period.academicYear)} ${period.term} term`;
    case 'CensusTerm':
      return `${year(period.academicYear)} census ${period.term}`;
    case 'AcademicYear':
      return year(period.academicYear);
    case 'YearToDate':
      return `${year(academicYearOf(period.asOf))} to ${period.asOf}`;
  }
};

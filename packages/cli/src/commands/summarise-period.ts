/**
 * The period and profile of `attendance summarise` from its options and the data: `--term` (the
 * school's own half-term or term, in the academic year of `--as-of`, else of the latest mark),
 * `--week`, `--as-of` (year to date, or a cut of any other period), `--from`/`--to`, else the whole
 * academic year of the latest mark; and the per-school calendars that half-terms need (core
 * `schoolCalendars`: terms.csv, else inferred from the register, else England defaults).
 *
 * @module
 */
import {
  academicYearLabel,
  academicYearOf,
  checkTermDates,
  customProfile,
  parseTermPeriod,
  periodRange,
  PROFILES,
  rangePeriod,
  schoolCalendars,
  weekPeriod,
  yearToDate,
  type Dataset,
  type IsoDate,
  type Issue,
  type Period,
  type Profile,
  type SchoolCalendar,
  type TermDatesRow,
} from '@attendance-kit/core';
import { periodOf } from '../period.js';
import type { SummariseOptions } from './summarise-options.js';

/** A resolved period: the value for core, the default-calendar dates shown, and how it was chosen. */
export interface ResolvedPeriod {
  readonly period: Period;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Said on stderr so the run is reproducible; empty when the options said it all. */
  readonly note: string;
}

/**
 * The period the options ask for.
 * @example resolvePeriod({ term: 'autumn1', ... }, '2025-03-14').period // { _tag: 'HalfTermDates', academicYear: 2024, halfTerm: 'autumn1' }
 */
export const resolvePeriod = (options: SummariseOptions, latest: IsoDate | undefined): ResolvedPeriod => {
  const shown = (period: Period, note: string): ResolvedPeriod => {
    const r = periodRange(period, options.asOf === undefined ? {} : { asOf: options.asOf });
    return { period, from: r.from, to: r.to, note };
  };
  if (options.term !== undefined) {
    const anchor = options.asOf ?? latest;
    const year = academicYearOf(anchor ?? '2024-08-01');
    const period = parseTermPeriod(year, options.term) as Period;
    const why = options.asOf !== undefined ? 'the year of --as-of' : latest === undefined ? 'no marks in the dataset' : `the year of the latest mark, ${latest}`;
    return shown(period, `${options.term} ${academicYearLabel(year)} (${why}), each school's own dates: terms.csv, else inferred from the register, else England defaults`);
  }
  if (options.week !== undefined) return shown(weekPeriod(options.week), '');
  if (options.from === undefined && options.to === undefined && options.asOf !== undefined) {
    return shown(yearToDate(options.asOf), `year to date as of ${options.asOf}`);
  }
  const p = periodOf(options, latest);
  return shown(rangePeriod(p.from, p.to), p.note === '' ? '' : `academic year ${p.note}`);
};

/** Whether the request needs per-school calendars (half-terms or terms). */
export const needsCalendars = (options: SummariseOptions): boolean => options.term !== undefined || options.by.includes('half_term');

/** terms.csv rows as read by adapter-canonical (core's calendar row type). */
export type TermRowRead = TermDatesRow;

/**
 * Every school's calendar for the period's academic year, with the issues of terms.csv and of the
 * calendars (a school whose given dates are unusable falls back to inference, with a warning).
 * @example calendarsFor(dataset, terms, 2024).calendars[0]?.halfTerms[0]?.from
 */
export const calendarsFor = (
  dataset: Dataset,
  terms: readonly TermRowRead[],
  academicYear: number,
): { readonly calendars: readonly SchoolCalendar[]; readonly issues: readonly Issue[] } => {
  const rows: TermDatesRow[] = terms.map((t) => ({ ...t }));
  const checked = checkTermDates(rows, 'terms.csv');
  const built = schoolCalendars(dataset, academicYear, checked.termDates);
  return { calendars: built.calendars, issues: [...checked.issues, ...built.issues] };
};

/**
 * The profile value: the named one with the command line's rule changes (core `customProfile`).
 * @example profileOf({ profile: 'dfe', rules: { paBasis: 'pupil' } }).id // 'dfe+custom'
 */
export const profileOf = (options: Pick<SummariseOptions, 'profile' | 'rules'>): Profile => customProfile(PROFILES[options.profile], options.rules);

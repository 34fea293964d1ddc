/**
 * Term dates given by the user (terms.csv, canonical-format.md): rows of school_urn (empty = every
 * school), academic_year, half_term, start_date, end_date. This module checks them and indexes them;
 * school-calendar.ts decides per school whether to use them or fall back to the register.
 *
 * Every problem is an issue naming the row (file, line, field). A set of rows with a problem is not
 * used: the calendar falls back to inference with a warning rather than failing the run (issue 3).
 *
 * @module
 */
import { isIsoDate, type IsoDate } from '../dates.js';
import type { Issue } from '../issue.js';
import { academicYearRange, parseAcademicYear } from './academic-year.js';
import { halfTermFaults, isHalfTermName, type HalfTermName } from './half-terms.js';

/** One terms.csv row as read (strings; empty `schoolUrn` or none = every school). */
export interface TermDatesRow {
  /** 1-based line of the row in its file, to name it in issues. */
  readonly line?: number;
  readonly schoolUrn?: string;
  readonly academicYear: string;
  readonly halfTerm: string;
  readonly startDate: string;
  readonly endDate: string;
}

/** A half-term's dates as given, with the row they came from. */
export interface GivenHalfTerm {
  readonly name: HalfTermName;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly line?: number;
}

/** The rows for one school (or every school, `schoolUrn` '') and academic year. */
export interface TermDatesSet {
  readonly schoolUrn: string;
  readonly academicYear: number;
  readonly halfTerms: readonly GivenHalfTerm[];
  /** False when any row of the set had a problem: the set is then not used. */
  readonly usable: boolean;
}

/** Checked term dates, by school and year. */
export interface TermDates {
  /** Keyed by {@link termDatesKey}. */
  readonly sets: ReadonlyMap<string, TermDatesSet>;
  readonly file?: string;
}

/** The key of a school's (or every school's: `''`) set for a year. */
export const termDatesKey = (schoolUrn: string, academicYear: number): string => `${schoolUrn}|${academicYear}`;

const at = (file: string | undefined, line: number | undefined, field?: string) => ({
  ...(file === undefined ? {} : { file }),
  ...(line === undefined ? {} : { line }),
  ...(field === undefined ? {} : { field }),
});

const rowName = (line: number | undefined): string => (line === undefined ? 'A terms row' : `Row ${line}`);

/**
 * Checks terms.csv rows and indexes the good ones by school and year. Row problems
 * (`calendar/term-dates-*`, severity `error`): an academic year that is not a year label, an unknown
 * half-term, a date that is not a real date, an end before its start, dates outside their academic
 * year; set problems: a half-term given twice, overlapping half-terms, half-terms out of order.
 * @example checkTermDates([{ line: 2, academicYear: '2024/25', halfTerm: 'autumn1', startDate: '2024-09-04', endDate: '2024-10-25' }])
 */
export const checkTermDates = (
  rows: readonly TermDatesRow[],
  file?: string,
): { readonly termDates: TermDates; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  const groups = new Map<string, { urn: string; year: number; given: GivenHalfTerm[]; usable: boolean }>();
  for (const row of rows) {
    const urn = (row.schoolUrn ?? '').trim();
    const year = parseAcademicYear(row.academicYear);
    const bad = (code: string, field: string, message: string): void => {
      issues.push({ code, severity: 'error', message: `${rowName(row.line)}: ${message}`, ...at(file, row.line, field) });
    };
    if (year === undefined) {
      bad('calendar/term-dates-bad-year', 'academic_year', `academic_year "${row.academicYear}" is not a year like 2024/25.`);
      continue;
    }
    const key = termDatesKey(urn, year);
    const group = groups.get(key) ?? { urn, year, given: [], usable: true };
    groups.set(key, group);
    const problems = issues.length;
    if (!isHalfTermName(row.halfTerm.trim())) {
      bad('calendar/term-dates-unknown-half-term', 'half_term', `half_term "${row.halfTerm}" is not one of autumn1, autumn2, spring1, spring2, summer1, summer2.`);
    }
    if (!isIsoDate(row.startDate.trim())) bad('calendar/term-dates-bad-date', 'start_date', `start_date "${row.startDate}" is not a real date YYYY-MM-DD.`);
    if (!isIsoDate(row.endDate.trim())) bad('calendar/term-dates-bad-date', 'end_date', `end_date "${row.endDate}" is not a real date YYYY-MM-DD.`);
    if (issues.length > problems) {
      group.usable = false;
      continue;
    }
    const from = row.startDate.trim() as IsoDate;
    const to = row.endDate.trim() as IsoDate;
    const range = academicYearRange(year);
    if (from > to) {
      bad('calendar/term-dates-inverted', 'end_date', `end_date ${to} is before start_date ${from}.`);
    } else if (from < range.from || to > range.to) {
      bad('calendar/term-dates-outside-year', 'start_date', `${from} to ${to} is not inside academic year ${row.academicYear.trim()} (${range.from} to ${range.to}).`);
    }
    if (issues.length > problems) group.usable = false;
    group.given.push({ name: row.halfTerm.trim() as HalfTermName, from, to, ...(row.line === undefined ? {} : { line: row.line }) });
  }

  const sets = new Map<string, TermDatesSet>();
  for (const [key, g] of groups) {
    if (g.usable) {
      const year = academicYearRange(g.year);
      for (const f of halfTermFaults(g.given, year)) {
        const [a, b] = f.at.map((i) => g.given[i]);
        if (a === undefined || b === undefined) continue;
        const codes: Partial<Record<typeof f.kind, [string, string]>> = {
          duplicate: ['calendar/term-dates-duplicate', `${b.name} is given twice (also on line ${a.line ?? '?'}).`],
          overlap: ['calendar/term-dates-overlap', `${b.name} ${b.from} to ${b.to} overlaps ${a.name} ${a.from} to ${a.to} (line ${a.line ?? '?'}).`],
          'out-of-order': ['calendar/term-dates-out-of-order', `${b.name} ${b.from} to ${b.to} is out of order with ${a.name} ${a.from} to ${a.to} (line ${a.line ?? '?'}).`],
        };
        const c = codes[f.kind];
        if (c === undefined) continue;
        g.usable = false;
        issues.push({ code: c[0], severity: 'error', message: `${rowName(b.line)}: ${c[1]}`, ...at(file, b.line, 'start_date') });
      }
    }
    sets.set(key, { schoolUrn: g.urn, academicYear: g.year, halfTerms: g.given, usable: g.usable });
  }
  return { termDates: { sets, ...(file === undefined ? {} : { file }) }, issues };
};

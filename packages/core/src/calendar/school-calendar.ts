/**
 * A school's calendar for a year, from the best source available (issue 3):
 * (a) its term dates (terms.csv rows for the school, over rows for every school), then
 * (b) the breaks its register shows, then (c) the default England rules.
 * Half-terms missing from (a) are filled from (b) or (c); (b) fills what its register does not reach
 * from (c). Unusable term dates fall back to (b)/(c) with a warning: never a failed run.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { fromDayNumber, weekdayOf } from '../dates.js';
import type { Dataset } from '../dataset.js';
import type { Issue } from '../issue.js';
import { academicYearRange } from './academic-year.js';
import { bankHolidaysBetween } from './bank-holidays.js';
import { rangeDayNumbers } from './date-range.js';
import { bankHolidayClosures, defaultHalfTerms } from './default-calendar.js';
import { HALF_TERMS } from '../canonical.js';
import { halfTermFaults, type ClosedDay, type HalfTermDates, type SchoolCalendar } from './half-terms.js';
import { inferHalfTerms, type InferOptions, type RegisterDays } from './infer-calendar.js';
import { registerDaysBySchool } from './register-days.js';
import { termDatesKey, type GivenHalfTerm, type TermDates } from './term-dates.js';

/** What is known about one school's year. */
export interface CalendarInput {
  readonly academicYear: number;
  readonly schoolUrn?: string;
  /** Checked terms.csv rows (term-dates.ts `checkTermDates`). */
  readonly termDates?: TermDates;
  /** The school's open days from the register. */
  readonly register?: RegisterDays;
  readonly options?: Omit<InferOptions, 'schoolUrn'>;
}

const label = (input: CalendarInput): string =>
  `${input.schoolUrn === undefined ? 'School' : `School ${input.schoolUrn}`} ${input.academicYear}/${String((input.academicYear + 1) % 100).padStart(2, '0')}`;

/** Given half-terms for a school: its own rows over the every-school rows, or why they are unusable. */
const givenFor = (input: CalendarInput): E.Either<string, readonly GivenHalfTerm[]> | undefined => {
  const sets = input.termDates?.sets;
  if (sets === undefined) return undefined;
  const general = sets.get(termDatesKey('', input.academicYear));
  const own = input.schoolUrn === undefined ? undefined : sets.get(termDatesKey(input.schoolUrn, input.academicYear));
  if (general === undefined && own === undefined) return undefined;
  if (own?.usable === false) return E.left("the school's term dates have problems (see the issues naming their rows)");
  if (general?.usable === false) return E.left('the term dates for every school have problems (see the issues naming their rows)');
  const byName = new Map<string, GivenHalfTerm>();
  for (const h of general?.halfTerms ?? []) byName.set(h.name, h);
  for (const h of own?.halfTerms ?? []) byName.set(h.name, h);
  return E.right([...byName.values()]);
};

/**
 * Builds a school's calendar for a year with the issues met on the way (warnings and info only:
 * the row-level problems of terms.csv come from `checkTermDates`). Always returns a valid calendar:
 * six ordered, disjoint half-terms inside the academic year.
 * @example buildSchoolCalendar({ academicYear: 2024, schoolUrn: '100101', register: { openDays } })
 */
export const buildSchoolCalendar = (
  input: CalendarInput,
): { readonly calendar: SchoolCalendar; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  const year = academicYearRange(input.academicYear);
  const defaults = defaultHalfTerms(input.academicYear);
  const file = input.termDates?.file;
  const fileAt = file === undefined ? {} : { file };

  // (b) then (c): the base every other source is filled from.
  let base: readonly HalfTermDates[] = defaults;
  let open: ReadonlySet<number> | undefined;
  if (input.register !== undefined) {
    const openDays = new Set(input.register.openDays);
    const register = { ...input.register, openDays };
    const inferred = inferHalfTerms(input.academicYear, register, {
      ...input.options,
      ...(input.schoolUrn === undefined ? {} : { schoolUrn: input.schoolUrn }),
    });
    if (E.isRight(inferred)) {
      base = inferred.right.halfTerms;
      open = openDays;
      issues.push(...inferred.right.issues);
    } else {
      issues.push(inferred.left);
    }
  }

  // (a) over the base.
  let halfTerms = base;
  const given = givenFor(input);
  if (given !== undefined && E.isLeft(given)) {
    issues.push({
      code: 'calendar/term-dates-fallback',
      severity: 'warning',
      message: `${label(input)}: ${given.left}; half-terms are inferred instead.`,
      ...fileAt,
    });
  } else if (given !== undefined) {
    const merged = HALF_TERMS.map((name, k): HalfTermDates => {
      const g = given.right.find((h) => h.name === name);
      return g === undefined ? (base[k] as HalfTermDates) : { name, from: g.from, to: g.to, source: 'terms-file' };
    });
    const missing = HALF_TERMS.filter((name) => !given.right.some((h) => h.name === name));
    if (halfTermFaults(merged, year).length > 0) {
      issues.push({
        code: 'calendar/term-dates-fallback',
        severity: 'warning',
        message: `${label(input)}: the given term dates (${given.right.map((h) => h.name).join(', ')}) do not fit with the inferred ${missing.join(', ')}; half-terms are inferred instead.`,
        ...fileAt,
      });
    } else {
      halfTerms = merged;
      // A closure the register showed stays closed; bank holidays are added below for every source.
      if (missing.length > 0) {
        issues.push({
          code: 'calendar/term-dates-incomplete',
          severity: 'info',
          message: `${label(input)}: no term dates for ${missing.join(', ')}; those are ${base === defaults ? 'the default dates' : 'inferred from the register'}.`,
          ...fileAt,
        });
      }
    }
  }

  const fromDefaults = halfTerms.filter((h) => h.source === 'default').map((h) => h.name);
  if (fromDefaults.length > 0) {
    issues.push({
      code: 'calendar/default-dates',
      severity: fromDefaults.length === HALF_TERMS.length ? 'warning' : 'info',
      message: `${label(input)}: ${fromDefaults.join(', ')} use the default England dates, which are approximations; give the school's own dates in terms.csv.`,
    });
  }

  // Closed days: bank holidays inside any half-term, and weekdays the register covers with no open day.
  const closures: ClosedDay[] = [];
  if (open !== undefined) {
    const holidays = new Set<string>(bankHolidaysBetween(year.from, year.to).map((h) => h.date));
    const y = rangeDayNumbers(year);
    const cov = input.register?.coverage === undefined ? y : rangeDayNumbers(input.register.coverage);
    for (const h of halfTerms) {
      const r = rangeDayNumbers(h);
      for (let d = Math.max(r.first, cov.first); d <= Math.min(r.last, cov.last); d++) {
        const date = fromDayNumber(d);
        if (weekdayOf(d) < 5 && !open.has(d) && !holidays.has(date)) closures.push({ date, reason: 'closure' });
      }
    }
  }
  const closedDays = [...bankHolidayClosures(halfTerms), ...closures].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  return { calendar: { academicYear: input.academicYear, halfTerms, closedDays }, issues };
};

/**
 * Every school's calendar for a year, from the dataset's register and the checked term dates: the
 * one call `summarise` needs before it can cut by half-term. Issues are in school order.
 * @example schoolCalendars(dataset, 2024, checkTermDates(rows, 'terms.csv').termDates).calendars[0]
 */
export const schoolCalendars = (
  dataset: Pick<Dataset, 'schools' | 'enrolments' | 'marks'>,
  academicYear: number,
  termDates?: TermDates,
  options?: CalendarInput['options'],
): { readonly calendars: readonly SchoolCalendar[]; readonly issues: readonly Issue[] } => {
  const registers = registerDaysBySchool(dataset);
  const issues: Issue[] = [];
  const calendars = dataset.schools.map((school, s) => {
    const built = buildSchoolCalendar({
      academicYear,
      schoolUrn: school.urn,
      ...(termDates === undefined ? {} : { termDates }),
      ...(registers[s] === undefined ? {} : { register: registers[s] }),
      ...(options === undefined ? {} : { options }),
    });
    issues.push(...built.issues);
    return built.calendar;
  });
  return { calendars, issues };
};

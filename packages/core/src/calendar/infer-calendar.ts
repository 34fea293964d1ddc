/**
 * Half-terms inferred from a school's register (issue 3: "breaks = runs of weekdays with no possible
 * session across the school, `#` closures"). A day is open when at least one session that day was a
 * possible session for some pupil; days marked only `#` (school closed) or not marked at all are not.
 *
 * 1. Candidate breaks are runs of at least `minBreakWeekdays` (default 4) weekdays with no open day.
 *    Shorter runs are closures inside a half-term: INSET days, bank holidays, a strike or snow day.
 * 2. Each candidate is assigned to the nearest of the five expected breaks of the default England
 *    calendar (default-calendar.ts), within `toleranceDays` (default 28) of its midpoint; the longest
 *    candidate wins each expected break. Unassigned candidates are closures inside a half-term.
 * 3. A half-term runs from its first to its last open day. An expected break the register covers but
 *    does not show is split at the default date, with a warning. Half-terms the register does not
 *    reach take the default dates; a half-term still running where the register ends keeps the
 *    default end date (year-to-date data).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { fromDayNumber, toDayNumber, weekdayOf } from '../dates.js';
import type { Issue } from '../issue.js';
import { academicYearRange } from './academic-year.js';
import { bankHolidaysBetween } from './bank-holidays.js';
import { rangeDayNumbers, type DateRange } from './date-range.js';
import { defaultHalfTerms } from './default-calendar.js';
import { HALF_TERMS } from '../canonical.js';
import { halfTermFaults, type ClosedDay, type HalfTermDates } from './half-terms.js';

/** What the register says about a school's days. */
export interface RegisterDays {
  /** Day numbers (dates.ts `toDayNumber`) with at least one possible session at the school. */
  readonly openDays: Iterable<number>;
  /**
   * The dates the register covers (e.g. first to last date of the marks file). Default: the whole
   * academic year. Outside it, nothing is inferred: half-terms there take the default dates.
   */
  readonly coverage?: DateRange;
}

/** Tuning for {@link inferHalfTerms}. */
export interface InferOptions {
  /** The fewest weekdays without an open day that make a break (default 4). */
  readonly minBreakWeekdays?: number;
  /** How far (days) a break's midpoint may be from the expected break's midpoint (default 28). */
  readonly toleranceDays?: number;
  /** The school's URN, to name it in issues. */
  readonly schoolUrn?: string;
}

/** Half-terms and closures read from a register. */
export interface Inference {
  readonly halfTerms: readonly HalfTermDates[];
  /** Weekdays inside the half-terms without an open day: bank holidays, and closures within the coverage. */
  readonly closedDays: readonly ClosedDay[];
  /** Warnings about breaks not found. */
  readonly issues: readonly Issue[];
}

interface Candidate {
  readonly last: number;
  readonly next: number;
  readonly weekdays: number;
  readonly mid: number;
}

const weekdaysIn = (first: number, last: number): number => {
  let n = 0;
  for (let d = first; d <= last; d++) if (weekdayOf(d) < 5) n++;
  return n;
};

const who = (urn: string | undefined, startYear: number): string =>
  `${urn === undefined ? 'School' : `School ${urn}`} ${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

/**
 * Infers a school's six half-terms from the days its register shows open. Fails (Left, with an
 * issue) when the register has no open day in the year or its breaks cannot be put in order; the
 * caller then falls back to the default calendar.
 * @example inferHalfTerms(2024, { openDays: schoolDays }) // Right({ halfTerms, closedDays, issues })
 */
export const inferHalfTerms = (
  startYear: number,
  register: RegisterDays,
  options: InferOptions = {},
): E.Either<Issue, Inference> => {
  const minBreak = options.minBreakWeekdays ?? 4;
  const tolerance = options.toleranceDays ?? 28;
  const year = rangeDayNumbers(academicYearRange(startYear));
  const cov = register.coverage === undefined ? year : rangeDayNumbers(register.coverage);
  const covFirst = Math.max(year.first, cov.first);
  const covLast = Math.min(year.last, cov.last);
  const open = [...new Set(register.openDays)].filter((d) => d >= covFirst && d <= covLast).sort((a, b) => a - b);
  if (open.length === 0) {
    return E.left({
      code: 'calendar/register-empty',
      severity: 'warning',
      message: `${who(options.schoolUrn, startYear)}: the register has no possible session in the year, so half-terms cannot be inferred from it.`,
    });
  }

  const defaults = defaultHalfTerms(startYear);
  const defFrom = defaults.map((h) => toDayNumber(h.from));
  const defTo = defaults.map((h) => toDayNumber(h.to));
  const expected = [0, 1, 2, 3, 4].map((k) => ((defTo[k] ?? 0) + (defFrom[k + 1] ?? 0)) / 2);

  // 1-2. Candidate breaks, each given to its nearest expected break; the longest wins.
  const chosen: (Candidate | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
  for (let i = 0; i + 1 < open.length; i++) {
    const last = open[i] ?? 0;
    const next = open[i + 1] ?? 0;
    const weekdays = weekdaysIn(last + 1, next - 1);
    if (weekdays < minBreak) continue;
    const c: Candidate = { last, next, weekdays, mid: (last + next) / 2 };
    let k = 0;
    for (let j = 1; j < expected.length; j++) {
      if (Math.abs(c.mid - (expected[j] ?? 0)) < Math.abs(c.mid - (expected[k] ?? 0))) k = j;
    }
    if (Math.abs(c.mid - (expected[k] ?? 0)) > tolerance) continue;
    const prev = chosen[k];
    if (prev === undefined || c.weekdays > prev.weekdays) chosen[k] = c;
  }

  // 3. Split points: the first day of half-term k + 1.
  const issues: Issue[] = [];
  const split = chosen.map((c, k) => {
    if (c !== undefined) return c.next;
    const at = defFrom[k + 1] ?? 0;
    const mid = expected[k] ?? 0;
    if (mid >= covFirst && mid <= covLast) {
      issues.push({
        code: 'calendar/break-not-found',
        severity: 'warning',
        message:
          `${who(options.schoolUrn, startYear)}: no break of ${minBreak} or more weekdays near ${fromDayNumber(Math.round(mid))} ` +
          `in the register; ${HALF_TERMS[k + 1]} starts on the default date ${fromDayNumber(at)}.`,
      });
    }
    return at;
  });
  if (split.some((s, k) => k > 0 && s <= (split[k - 1] ?? 0))) {
    return E.left({
      code: 'calendar/breaks-out-of-order',
      severity: 'warning',
      message: `${who(options.schoolUrn, startYear)}: the breaks seen in the register do not fall in half-term order.`,
    });
  }

  const halfTerms = HALF_TERMS.map((name, k): HalfTermDates => {
    const lo = k === 0 ? year.first : (split[k - 1] ?? 0);
    const hi = k === 5 ? year.last : (split[k] ?? 0) - 1;
    const days = open.filter((d) => d >= lo && d <= hi);
    const dFrom = defFrom[k] ?? 0;
    const dTo = defTo[k] ?? 0;
    const firstOpen = days[0];
    const lastOpen = days[days.length - 1];
    if (firstOpen === undefined || lastOpen === undefined) {
      return { name, from: fromDayNumber(dFrom), to: fromDayNumber(dTo), source: 'default' };
    }
    // Year-to-date: the register stops inside this half-term, so it runs on to the default end.
    const stillRunning = covLast < hi && weekdaysIn(lastOpen + 1, covLast) < minBreak;
    const to = stillRunning && dTo > lastOpen ? dTo : lastOpen;
    // The register starts inside a later half-term: it began at the default start.
    const begunBefore = k > 0 && covFirst > lo && weekdaysIn(covFirst, firstOpen - 1) < minBreak;
    const from = begunBefore && dFrom < firstOpen ? dFrom : firstOpen;
    return { name, from: fromDayNumber(from), to: fromDayNumber(to), source: 'register' };
  });

  // A half-term the register does not reach takes its default dates, which may not fit beside
  // the inferred ones: then the inference as a whole is not used.
  if (halfTermFaults(halfTerms, academicYearRange(startYear)).length > 0) {
    return E.left({
      code: 'calendar/breaks-out-of-order',
      severity: 'warning',
      message: `${who(options.schoolUrn, startYear)}: the breaks seen in the register do not give six half-terms in order.`,
    });
  }

  const openSet = new Set(open);
  const holidays = new Set<string>(bankHolidaysBetween(academicYearRange(startYear).from, academicYearRange(startYear).to).map((h) => h.date));
  const closedDays: ClosedDay[] = [];
  for (const h of halfTerms) {
    for (let d = toDayNumber(h.from); d <= toDayNumber(h.to); d++) {
      if (weekdayOf(d) >= 5 || openSet.has(d)) continue;
      const date = fromDayNumber(d);
      if (holidays.has(date)) closedDays.push({ date, reason: 'bank-holiday' });
      else if (d >= covFirst && d <= covLast) closedDays.push({ date, reason: 'closure' });
    }
  }
  return E.right({ halfTerms, closedDays, issues });
};

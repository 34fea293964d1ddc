/**
 * Default England half-term dates, for a school that gave no term dates and whose register cannot
 * show its breaks (or to fill half-terms the register does not reach yet).
 *
 * These are APPROXIMATIONS of the pattern most English local authorities follow, not anyone's actual
 * dates: schools set their own (academies) or follow their LA's, and INSET days cannot be guessed.
 * Give the school's own dates in terms.csv, or let the register show them, whenever you can.
 * No DfE source states these rules. They match the common LA pattern in most recent years but not all:
 * in 2024/25 many LAs broke for Easter two weeks before Easter Monday and began spring on 6 January
 * (docs/methodology-calendar.md). The school's term days exclude England bank holidays.
 *
 * - Every half-term starts and ends on a weekday that is not a bank holiday.
 * - autumn1: the first weekday on or after 1 September, to the Friday before the October break.
 * - October break: the week commencing the Monday that falls 22-28 October.
 * - autumn2: to the last Friday on or before 22 December.
 * - spring1: the first weekday on or after 2 January that is not a bank holiday, to the Friday
 *   before the February break, the week commencing the Monday that falls 12-18 February.
 * - spring2: to the Friday 9 days before Easter Sunday. Easter break: Holy Week and Easter week.
 * - summer1: from the Monday 8 days after Easter Sunday to the Friday before the week holding the
 *   spring bank holiday (the summer half-term break; reference §4.5 splits the census summer term there).
 * - summer2: to the last Friday on or before 22 July.
 *
 * @module
 */
import { toDayNumber, weekdayOf, type IsoDate } from '../dates.js';
import { bankHolidaysBetween, isEnglandBankHoliday, springBankHoliday } from './bank-holidays.js';
import { addDaysIso, ymd } from './date-range.js';
import { easterSunday } from './easter.js';
import type { ClosedDay, HalfTermDates, SchoolCalendar } from './half-terms.js';

const weekday = (d: IsoDate): number => weekdayOf(toDayNumber(d));

/** The Monday falling in the seven days from `first` (so 22-28 October is "the Monday of 22-28 October"). */
const mondayFrom = (first: IsoDate): IsoDate => addDaysIso(first, (7 - weekday(first)) % 7);

/** The last Friday on or before `d`. */
const fridayOnOrBefore = (d: IsoDate): IsoDate => addDaysIso(d, -((weekday(d) - 4 + 7) % 7));

/** The first weekday on or after `d` that is not a bank holiday. */
const schoolDayFrom = (d: IsoDate): IsoDate => {
  let x = d;
  while (weekday(x) >= 5 || isEnglandBankHoliday(x)) x = addDaysIso(x, 1);
  return x;
};

/** The last weekday on or before `d` that is not a bank holiday. */
const schoolDayTo = (d: IsoDate): IsoDate => {
  let x = d;
  while (weekday(x) >= 5 || isEnglandBankHoliday(x)) x = addDaysIso(x, -1);
  return x;
};

/**
 * The default England half-terms of an academic year (see the module notes: approximations).
 * @example defaultHalfTerms(2024).map((h) => [h.name, h.from, h.to])
 * // [['autumn1', '2024-09-02', '2024-10-25'], ['autumn2', '2024-11-04', '2024-12-20'], ...]
 */
export const defaultHalfTerms = (startYear: number): readonly HalfTermDates[] => {
  const y = startYear;
  const octoberBreak = mondayFrom(ymd(y, 10, 22));
  const februaryBreak = mondayFrom(ymd(y + 1, 2, 12));
  const easter = easterSunday(y + 1);
  const summerBreak = addDaysIso(springBankHoliday(y + 1), -weekday(springBankHoliday(y + 1)));
  // Each half-term starts and ends on a term day (never on a bank holiday such as early May).
  const h = (name: HalfTermDates['name'], from: IsoDate, to: IsoDate): HalfTermDates => ({
    name,
    from: schoolDayFrom(from),
    to: schoolDayTo(to),
    source: 'default',
  });
  return [
    h('autumn1', ymd(y, 9, 1), addDaysIso(octoberBreak, -3)),
    h('autumn2', addDaysIso(octoberBreak, 7), fridayOnOrBefore(ymd(y, 12, 22))),
    h('spring1', ymd(y + 1, 1, 2), addDaysIso(februaryBreak, -3)),
    h('spring2', addDaysIso(februaryBreak, 7), addDaysIso(easter, -9)),
    h('summer1', addDaysIso(easter, 8), addDaysIso(summerBreak, -3)),
    h('summer2', addDaysIso(summerBreak, 7), fridayOnOrBefore(ymd(y + 1, 7, 22))),
  ];
};

/**
 * The bank holidays that fall on weekdays inside some half-term: the closures every calendar knows.
 * @example bankHolidayClosures(defaultHalfTerms(2024)) // [{ date: '2025-05-05', reason: 'bank-holiday' }]
 */
export const bankHolidayClosures = (halfTerms: readonly HalfTermDates[]): readonly ClosedDay[] =>
  halfTerms.flatMap((h) =>
    bankHolidaysBetween(h.from, h.to)
      .filter((b) => weekday(b.date) < 5)
      .map((b): ClosedDay => ({ date: b.date, reason: 'bank-holiday' })),
  );

/**
 * The default England calendar of an academic year: {@link defaultHalfTerms} with bank holidays closed.
 * @example defaultCalendar(2024).halfTerms[1]?.from // '2024-11-04'
 */
export const defaultCalendar = (startYear: number): SchoolCalendar => {
  const halfTerms = defaultHalfTerms(startYear);
  return { academicYear: startYear, halfTerms, closedDays: bankHolidayClosures(halfTerms) };
};

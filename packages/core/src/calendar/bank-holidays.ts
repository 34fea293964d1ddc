/**
 * Bank holidays in England that the statistics depend on: the spring bank holiday splits the summer
 * census term (reference §4.5), and no school meets on a bank holiday, so they are the closures a
 * calendar knows without being told.
 *
 * Source: Banking and Financial Dealings Act 1971, Schedule 1 (England and Wales), with the
 * substitute-day rule and the royal proclamations that moved or added days, as listed on
 * https://www.gov.uk/bank-holidays. Rules as they stand from 1978 (when the early May holiday began);
 * New Year's Day counts from 1974.
 *
 * @module
 */
import { formatISO, getDay, lastDayOfMonth, subDays } from 'date-fns';
import { toDayNumber, weekdayOf, type IsoDate } from '../dates.js';
import { addDaysIso, ymd } from './date-range.js';
import { easterSunday } from './easter.js';

/**
 * Years whose spring bank holiday was moved from the last Monday in May for a royal jubilee
 * (Banking and Financial Dealings Act 1971 proclamations): 2002, 2012, 2022.
 */
const MOVED_SPRING_BANK_HOLIDAY: Readonly<Record<number, IsoDate>> = {
  2002: '2002-06-04' as IsoDate,
  2012: '2012-06-04' as IsoDate,
  2022: '2022-06-02' as IsoDate,
};

/**
 * The spring bank holiday: the last Monday in May, except in jubilee years. DfE's summer half-term 2
 * (and the removal of 15-year-olds' sessions) starts on it (reference §4.5).
 * @example springBankHoliday(2025) // '2025-05-26'
 */
export const springBankHoliday = (year: number): IsoDate => {
  const moved = MOVED_SPRING_BANK_HOLIDAY[year];
  if (moved !== undefined) return moved;
  const last = lastDayOfMonth(new Date(year, 4, 1));
  const back = (getDay(last) + 6) % 7; // days since Monday
  return formatISO(subDays(last, back), { representation: 'date' }) as IsoDate;
};

/** The kinds of bank holiday; `special` is a one-off day added by proclamation. */
export type BankHolidayName =
  | 'new-year'
  | 'good-friday'
  | 'easter-monday'
  | 'early-may'
  | 'spring'
  | 'summer'
  | 'christmas'
  | 'boxing-day'
  | 'special';

/** One bank holiday in England. */
export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: BankHolidayName;
  /** What the day is, in words (e.g. `Christmas Day (substitute day)`). */
  readonly title: string;
}

/** Early May bank holidays moved by proclamation (VE Day anniversaries): 1995 and 2020. */
const MOVED_EARLY_MAY: Readonly<Record<number, IsoDate>> = {
  1995: '1995-05-08' as IsoDate,
  2020: '2020-05-08' as IsoDate,
};

/** One-off bank holidays added by proclamation (gov.uk/bank-holidays and its archives). */
const SPECIAL: readonly BankHoliday[] = [
  { date: '1977-06-07' as IsoDate, name: 'special', title: 'Silver Jubilee of Elizabeth II' },
  { date: '1981-07-29' as IsoDate, name: 'special', title: 'Wedding of Charles and Diana' },
  { date: '1999-12-31' as IsoDate, name: 'special', title: 'Millennium celebrations' },
  { date: '2002-06-03' as IsoDate, name: 'special', title: 'Golden Jubilee of Elizabeth II' },
  { date: '2011-04-29' as IsoDate, name: 'special', title: 'Wedding of William and Catherine' },
  { date: '2012-06-05' as IsoDate, name: 'special', title: 'Diamond Jubilee of Elizabeth II' },
  { date: '2022-06-03' as IsoDate, name: 'special', title: 'Platinum Jubilee of Elizabeth II' },
  { date: '2022-09-19' as IsoDate, name: 'special', title: 'State funeral of Elizabeth II' },
  { date: '2023-05-08' as IsoDate, name: 'special', title: 'Coronation of Charles III' },
];

/** The `nth` (1-based) Monday of a month (1-12). */
const nthMonday = (year: number, month: number, nth: number): IsoDate => {
  const first = ymd(year, month, 1);
  const toMonday = (7 - weekdayOf(toDayNumber(first))) % 7;
  return addDaysIso(first, toMonday + 7 * (nth - 1));
};

/** The last Monday of a month (1-12). */
const lastMonday = (year: number, month: number): IsoDate => {
  const last = addDaysIso(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDaysIso(last, -weekdayOf(toDayNumber(last)));
};

/**
 * The early May bank holiday: the first Monday in May (from 1978), moved in 1995 and 2020.
 * @example earlyMayBankHoliday(2025) // '2025-05-05'
 */
export const earlyMayBankHoliday = (year: number): IsoDate => MOVED_EARLY_MAY[year] ?? nthMonday(year, 5, 1);

/**
 * The summer bank holiday in England: the last Monday in August.
 * @example summerBankHoliday(2025) // '2025-08-25'
 */
export const summerBankHoliday = (year: number): IsoDate => lastMonday(year, 8);

/** A fixed-date holiday that falls on a weekend moves to the next weekday not already taken. */
const substitute = (date: IsoDate, taken: ReadonlySet<string>): IsoDate => {
  let d = date;
  while (weekdayOf(toDayNumber(d)) >= 5 || taken.has(d)) d = addDaysIso(d, 1);
  return d;
};

/**
 * Every bank holiday in England in a calendar year, in date order. Fixed-date holidays that fall on
 * a Saturday or Sunday are observed on the next free weekday ("substitute day"): Christmas on a
 * Saturday gives Monday 27 and Tuesday 28 December; Christmas on a Sunday gives Monday 26 (Boxing Day)
 * and Tuesday 27 (Christmas, substitute).
 * @example englandBankHolidays(2025).map((h) => h.date)
 * // ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']
 */
export const englandBankHolidays = (year: number): readonly BankHoliday[] => {
  const easter = easterSunday(year);
  const out: BankHoliday[] = [];
  if (year >= 1974) {
    const newYear = ymd(year, 1, 1);
    const observed = substitute(newYear, new Set());
    out.push({ date: observed, name: 'new-year', title: observed === newYear ? "New Year's Day" : "New Year's Day (substitute day)" });
  }
  out.push({ date: addDaysIso(easter, -2), name: 'good-friday', title: 'Good Friday' });
  out.push({ date: addDaysIso(easter, 1), name: 'easter-monday', title: 'Easter Monday' });
  if (year >= 1978) out.push({ date: earlyMayBankHoliday(year), name: 'early-may', title: 'Early May bank holiday' });
  out.push({ date: springBankHoliday(year), name: 'spring', title: 'Spring bank holiday' });
  out.push({ date: summerBankHoliday(year), name: 'summer', title: 'Summer bank holiday' });
  // Christmas on a Sunday: Boxing Day keeps Monday 26 and Christmas moves to Tuesday 27. Otherwise
  // Christmas is observed first (Saturday -> Monday 27) and Boxing Day takes the next free weekday.
  const christmas = ymd(year, 12, 25);
  const boxing = ymd(year, 12, 26);
  const sundayChristmas = weekdayOf(toDayNumber(christmas)) === 6;
  const christmasObserved = sundayChristmas ? ymd(year, 12, 27) : substitute(christmas, new Set());
  const boxingObserved = sundayChristmas ? boxing : substitute(boxing, new Set([christmasObserved]));
  out.push({ date: christmasObserved, name: 'christmas', title: christmasObserved === christmas ? 'Christmas Day' : 'Christmas Day (substitute day)' });
  out.push({ date: boxingObserved, name: 'boxing-day', title: boxingObserved === boxing ? 'Boxing Day' : 'Boxing Day (substitute day)' });
  out.push(...SPECIAL.filter((h) => h.date.startsWith(`${year}-`)));
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

/**
 * Whether a date is a bank holiday in England.
 * @example isEnglandBankHoliday('2025-12-26') // true
 */
export const isEnglandBankHoliday = (date: IsoDate | string): boolean =>
  englandBankHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);

/**
 * The England bank holidays falling in an inclusive date range, in date order.
 * @example bankHolidaysBetween('2024-08-01', '2025-07-31').length // 8
 */
export const bankHolidaysBetween = (from: IsoDate | string, to: IsoDate | string): readonly BankHoliday[] => {
  const out: BankHoliday[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of englandBankHolidays(y)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out;
};

/**
 * Inclusive ranges of civil dates, the common currency of the calendar modules, and the few
 * conversions between `IsoDate`, day numbers and date-fns `Date` values they share.
 *
 * @module
 */
import { formatISO } from 'date-fns';
import { fromDayNumber, toDayNumber, type IsoDate } from '../dates.js';

/** The dates from `from` to `to`, both included (`from <= to` for a non-empty range). */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * The ISO date of a year, month (1-12) and day. Bugs (not data) throw: the result must be a real date.
 * @example ymd(2024, 9, 2) // '2024-09-02'
 */
export const ymd = (year: number, month: number, day: number): IsoDate => {
  const date = fromDayNumber(Date.UTC(year, month - 1, day) / 86_400_000);
  // Date.UTC rolls 31 April over to 1 May: a different month or day means it was not a date.
  if (year < 100 || Number(date.slice(5, 7)) !== month || Number(date.slice(8, 10)) !== day) {
    throw new RangeError(`not a date: ${year}-${month}-${day}`);
  }
  return date;
};

/**
 * A date `n` days after `date` (before, when `n` is negative).
 * @example addDaysIso('2024-12-31' as IsoDate, 1) // '2025-01-01'
 */
export const addDaysIso = (date: IsoDate, n: number): IsoDate => fromDayNumber(toDayNumber(date) + n);

/** A local-midnight `Date` for date-fns arithmetic (date-fns works in local civil time). */
export const toLocalDate = (date: IsoDate): Date =>
  new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** The civil date of a date-fns `Date` (its local calendar day). */
export const fromLocalDate = (d: Date): IsoDate => formatISO(d, { representation: 'date' }) as IsoDate;

/**
 * A range from two dates, or `undefined` when `to` is before `from`.
 * @example dateRange('2024-09-02' as IsoDate, '2024-09-06' as IsoDate)
 */
export const dateRange = (from: IsoDate, to: IsoDate): DateRange | undefined =>
  from <= to ? { from, to } : undefined;

/** The first and last day numbers of a range. */
export const rangeDayNumbers = (r: DateRange): { readonly first: number; readonly last: number } => ({
  first: toDayNumber(r.from),
  last: toDayNumber(r.to),
});

/** Whether `date` lies in the range (ISO strings compare in date order). */
export const inRange = (r: DateRange, date: IsoDate | string): boolean => date >= r.from && date <= r.to;

/** The number of dates in a range (0 when inverted). */
export const rangeLength = (r: DateRange): number => Math.max(0, toDayNumber(r.to) - toDayNumber(r.from) + 1);

/** Every date of a range, in order. */
export const datesOf = (r: DateRange): readonly IsoDate[] => {
  const { first, last } = rangeDayNumbers(r);
  const out: IsoDate[] = [];
  for (let d = first; d <= last; d++) out.push(fromDayNumber(d));
  return out;
};

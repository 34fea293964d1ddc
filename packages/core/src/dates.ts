/**
 * Calendar dates as branded ISO strings and as day numbers (days since 1970-01-01), the
 * form the columnar engine stores. Pure: no clock, no time zone (dates are civil dates).
 *
 * @module
 */
import * as t from 'io-ts';
import { isValid, parseISO } from 'date-fns';

/** A real calendar date written `YYYY-MM-DD`. */
export interface IsoDateBrand {
  readonly IsoDate: unique symbol;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `s` is a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export const isIsoDate = (s: string): boolean => {
  if (!ISO_DATE.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && formatUtc(d) === s;
};

const formatUtc = (d: Date): string =>
  `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** io-ts codec for {@link IsoDate}. */
export const IsoDate = t.brand(t.string, (s): s is t.Branded<string, IsoDateBrand> => isIsoDate(s), 'IsoDate');
/** A real calendar date written `YYYY-MM-DD`. */
export type IsoDate = t.TypeOf<typeof IsoDate>;

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` string, or `NaN` when it is not a real date.
 * @example toDayNumber('1970-01-02') // 1
 */
export const toDayNumber = (s: string): number => {
  if (!isIsoDate(s)) return Number.NaN;
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return d.getTime() / MS_PER_DAY;
};

/**
 * The `YYYY-MM-DD` date of a day number.
 * @example fromDayNumber(19_967) // '2024-09-02'
 */
export const fromDayNumber = (day: number): IsoDate => {
  const d = new Date(day * MS_PER_DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}` as IsoDate;
};

/** 0 for Monday ... 6 for Sunday. 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** A session of the school day. */
export type Session = 'AM' | 'PM';

/**
 * A session slot: `day * 2` for AM, `day * 2 + 1` for PM, so slots sort in register order
 * and a date range is a slot range.
 */
export const toSlot = (day: number, session: Session): number => day * 2 + (session === 'PM' ? 1 : 0);

/** The academic year (1 August to 31 July) containing a date, named by its start year: 2024 for 2024/25. */
export const academicYearOf = (s: IsoDate | string): number => {
  const y = Number(s.slice(0, 4));
  return s.slice(5) >= '08-01' ? y : y - 1;
};

/** `2024/25` for 2024. */
export const academicYearLabel = (startYear: number): string =>
  `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

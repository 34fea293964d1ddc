/**
 * fast-check arbitraries for school calendars, valid by construction (dates from integer day
 * offsets, never `fc.date()`): a school year with known half-terms, INSET days and bank holidays, and
 * the register days it implies. Used by the calendar's property tests ([HT-1], [HT-2]) and available
 * to other packages through `@attendance-kit/core/testing`.
 *
 * @module
 */
import fc from 'fast-check';
import { fromDayNumber, toDayNumber, weekdayOf, type IsoDate } from '../dates.js';
import { bankHolidaysBetween } from './bank-holidays.js';
import { academicYearRange } from './academic-year.js';
import { defaultHalfTerms } from './default-calendar.js';
import type { HalfTermName } from './half-terms.js';

/** A generated school year: its half-terms as set, and the days its register shows open. */
export interface GeneratedSchoolYear {
  readonly academicYear: number;
  /** The half-terms as the school set them (may start or end on an INSET day or bank holiday). */
  readonly set: readonly { readonly name: HalfTermName; readonly from: IsoDate; readonly to: IsoDate }[];
  /** INSET days (weekdays inside half-terms with no school). */
  readonly inset: readonly IsoDate[];
  /** Days with a possible session: weekdays inside the half-terms, not bank holidays or INSET days. */
  readonly openDays: readonly number[];
  /** The half-terms the register shows: each from its first to its last open day. */
  readonly expected: readonly { readonly name: HalfTermName; readonly from: IsoDate; readonly to: IsoDate }[];
}

/**
 * A school year whose breaks are the default England breaks, each moved by a week or not at all,
 * with up to four INSET days. Each half-term keeps at least ten open days.
 * @example fc.sample(schoolYearArb(), 1)[0]?.expected.length // 6
 */
export const schoolYearArb = (
  years: { readonly min: number; readonly max: number } = { min: 2000, max: 2090 },
): fc.Arbitrary<GeneratedSchoolYear> =>
  fc
    .record({
      academicYear: fc.integer(years),
      shifts: fc.array(fc.constantFrom(-7, 0, 7), { minLength: 5, maxLength: 5 }),
      inset: fc.array(fc.record({ halfTerm: fc.integer({ min: 0, max: 5 }), offset: fc.nat(60) }), { maxLength: 4 }),
    })
    .map(({ academicYear, shifts, inset }) => {
      const defaults = defaultHalfTerms(academicYear);
      const ranges = defaults.map((h, k) => ({
        name: h.name,
        first: toDayNumber(h.from) + (k === 0 ? 0 : (shifts[k - 1] ?? 0)),
        last: toDayNumber(h.to) + (k === 5 ? 0 : (shifts[k] ?? 0)),
      }));
      const year = academicYearRange(academicYear);
      const holidays = new Set<string>(bankHolidaysBetween(year.from, year.to).map((h) => h.date));
      const isHoliday = (d: number): boolean => holidays.has(fromDayNumber(d));
      const insetDays = new Set<number>();
      for (const i of inset) {
        const r = ranges[i.halfTerm];
        if (r === undefined) continue;
        const d = r.first + (i.offset % (r.last - r.first + 1));
        if (weekdayOf(d) < 5 && !isHoliday(d)) insetDays.add(d);
      }
      const openDays: number[] = [];
      const expected = ranges.map((r) => {
        const days: number[] = [];
        for (let d = r.first; d <= r.last; d++) {
          if (weekdayOf(d) < 5 && !insetDays.has(d) && !isHoliday(d)) days.push(d);
        }
        openDays.push(...days);
        return { name: r.name, from: fromDayNumber(days[0] ?? r.first), to: fromDayNumber(days[days.length - 1] ?? r.last), open: days.length };
      });
      return {
        academicYear,
        set: ranges.map((r) => ({ name: r.name, from: fromDayNumber(r.first), to: fromDayNumber(r.last) })),
        inset: [...insetDays].sort((a, b) => a - b).map(fromDayNumber),
        openDays,
        expected,
      };
    })
    .filter((y) => y.expected.every((h) => h.open >= 10))
    .map(({ expected, ...rest }) => ({ ...rest, expected: expected.map(({ name, from, to }) => ({ name, from, to })) }));

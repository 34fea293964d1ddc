import { describe, expect, it } from 'vitest';
import { toDayNumber, type IsoDate } from '../dates.js';
import { buildSchoolCalendar } from './school-calendar.js';
import { checkTermDates } from './term-dates.js';
import {
  academicYearPeriod,
  censusTermPeriod,
  halfTermPeriod,
  parseTermPeriod,
  periodLabel,
  periodRange,
  periodSlots,
  rangePeriod,
  schoolTermPeriod,
  splitIntoHalfTerms,
  splitIntoWeeks,
  weekPeriod,
  yearToDate,
} from './periods.js';

const d = (s: string): IsoDate => s as IsoDate;

describe('periods', () => {
  it('resolves each kind of period to its dates', () => {
    expect(periodRange(weekPeriod(d('2024-09-04')))).toEqual({ from: '2024-09-02', to: '2024-09-08' });
    expect(periodRange(yearToDate(d('2024-11-20')))).toEqual({ from: '2024-08-01', to: '2024-11-20' });
    expect(periodRange(yearToDate(d('2025-03-03')))).toEqual({ from: '2024-08-01', to: '2025-03-03' });
    expect(periodRange(academicYearPeriod(2024))).toEqual({ from: '2024-08-01', to: '2025-07-31' });
    expect(periodRange(censusTermPeriod(2024, 'spring'))).toEqual({ from: '2025-01-01', to: '2025-04-20' });
    expect(periodRange(halfTermPeriod(2024, 'autumn2'))).toEqual({ from: '2024-11-04', to: '2024-12-20' });
    expect(periodRange(rangePeriod(d('2024-09-10'), d('2024-09-12')))).toEqual({ from: '2024-09-10', to: '2024-09-12' });
  });
  it("uses the school's own calendar for its half-terms and terms", () => {
    const { termDates } = checkTermDates([
      { academicYear: '2024/25', halfTerm: 'autumn1', startDate: '2024-09-05', endDate: '2024-10-18' },
      { academicYear: '2024/25', halfTerm: 'autumn2', startDate: '2024-10-28', endDate: '2024-12-19' },
    ]);
    const { calendar } = buildSchoolCalendar({ academicYear: 2024, termDates });
    expect(periodRange(halfTermPeriod(2024, 'autumn1'), { calendar })).toEqual({ from: '2024-09-05', to: '2024-10-18' });
    expect(periodRange(schoolTermPeriod(2024, 'autumn'), { calendar })).toEqual({ from: '2024-09-05', to: '2024-12-19' });
    // A calendar of another year is not used for this one.
    expect(periodRange(halfTermPeriod(2023, 'autumn1'), { calendar }).from).toBe('2023-09-01');
  });
  it('cuts a period at asOf, down to nothing when asOf is before it', () => {
    expect(periodRange(halfTermPeriod(2024, 'autumn2'), { asOf: d('2024-11-20') })).toEqual({ from: '2024-11-04', to: '2024-11-20' });
    const empty = periodSlots(halfTermPeriod(2024, 'spring1'), { asOf: d('2024-11-20') });
    expect(empty.toSlot).toBeLessThan(empty.fromSlot);
    expect(splitIntoWeeks(halfTermPeriod(2024, 'spring1'), { asOf: d('2024-11-20') })).toEqual([]);
  });
  it('gives slot ranges from AM of the first day to PM of the last', () => {
    const day = toDayNumber('2024-09-02');
    expect(periodSlots(weekPeriod(d('2024-09-04')))).toEqual({ fromSlot: day * 2, toSlot: (day + 6) * 2 + 1 });
  });
  it('splits into weeks and half-terms', () => {
    expect(splitIntoWeeks(halfTermPeriod(2024, 'autumn1'))).toHaveLength(8);
    expect(splitIntoHalfTerms(academicYearPeriod(2024)).map((p) => p.halfTerm)).toEqual([
      'autumn1', 'autumn2', 'spring1', 'spring2', 'summer1', 'summer2',
    ]);
    expect(splitIntoHalfTerms(rangePeriod(d('2024-10-01'), d('2025-01-10'))).map((p) => [p.halfTerm, p.from, p.to])).toEqual([
      ['autumn1', '2024-10-01', '2024-10-25'],
      ['autumn2', '2024-11-04', '2024-12-20'],
      ['spring1', '2025-01-02', '2025-01-10'],
    ]);
  });
  it('parses term names as typed on the command line', () => {
    expect(parseTermPeriod(2024, 'autumn1')).toEqual(halfTermPeriod(2024, 'autumn1'));
    expect(parseTermPeriod(2024, 'Spring')).toEqual(schoolTermPeriod(2024, 'spring'));
    expect(parseTermPeriod(2024, 'census-summer2')).toEqual(censusTermPeriod(2024, 'summer2'));
    expect(parseTermPeriod(2024, 'winter')).toBeUndefined();
    expect(parseTermPeriod(2024, 'census-autumn1')).toBeUndefined();
  });
  it('labels periods', () => {
    expect(periodLabel(halfTermPeriod(2024, 'autumn1'))).toBe('2024/25 autumn1');
    expect(periodLabel(weekPeriod(d('2024-09-04')))).toBe('week commencing 2024-09-02');
    expect(periodLabel(yearToDate(d('2024-11-20')))).toBe('2024/25 to 2024-11-20');
  });
});

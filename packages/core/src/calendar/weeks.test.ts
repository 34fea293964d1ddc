import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates.js';
import { dfeWeekIdentifier, weekCommencing, weekEnding, weekLabel, weekOf, weekParts } from './weeks.js';

describe('weeks', () => {
  it('labels a week by its Monday (DfE) or its Friday (FFT)', () => {
    expect(weekCommencing('2024-09-11')).toBe('2024-09-09');
    expect(weekEnding('2024-09-11')).toBe('2024-09-13');
    expect(weekLabel('2024-09-09', 'week-commencing')).toBe('2024-09-09');
    expect(weekLabel('2024-09-15', 'week-ending')).toBe('2024-09-13');
  });
  it('puts Saturday and Sunday in the week ending the Friday before', () => {
    expect(weekEnding('2024-09-14')).toBe('2024-09-13');
    expect(weekCommencing('2024-09-15')).toBe('2024-09-09');
  });
  it("numbers weeks as DfE's weekly files do (ISO weeks)", () => {
    // data/dfe-pupil-attendance/2024-25_weekly_autumn.csv: autumn 2024/25 starts 9 September (Week 37),
    // and the half-term week commencing 28 October is Week 44.
    expect(dfeWeekIdentifier('2024-09-09')).toEqual({ timePeriod: 2024, timeIdentifier: 'Week 37' });
    expect(dfeWeekIdentifier('2024-10-28')).toEqual({ timePeriod: 2024, timeIdentifier: 'Week 44' });
    // ISO week-years differ from calendar years around New Year.
    expect(weekOf('2024-12-30')).toMatchObject({ isoYear: 2025, isoWeek: 1 });
    expect(weekOf('2021-01-03')).toMatchObject({ isoYear: 2020, isoWeek: 53 });
  });
  it('cuts a range into week parts', () => {
    expect(weekParts({ from: '2024-09-04' as IsoDate, to: '2024-09-17' as IsoDate }).map((p) => [p.from, p.to])).toEqual([
      ['2024-09-04', '2024-09-08'],
      ['2024-09-09', '2024-09-15'],
      ['2024-09-16', '2024-09-17'],
    ]);
  });
});

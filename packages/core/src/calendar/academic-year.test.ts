import { describe, expect, it } from 'vitest';
import { academicYearRange, censusPeriodOf, censusPeriods, censusTermRange, parseAcademicYear } from './academic-year.js';

describe('academic year', () => {
  it('runs 1 August to 31 July', () => {
    expect(academicYearRange(2024)).toEqual({ from: '2024-08-01', to: '2025-07-31' });
  });
  it('parses year labels', () => {
    expect(parseAcademicYear('2024/25')).toBe(2024);
    expect(parseAcademicYear('2024-25')).toBe(2024);
    expect(parseAcademicYear('1999/00')).toBe(1999);
    expect(parseAcademicYear('2024/26')).toBeUndefined();
    expect(parseAcademicYear('24/25')).toBeUndefined();
  });
});

describe('census terms (reference §4.5)', () => {
  it('2024/25: Easter 20 April 2025, spring bank holiday 26 May 2025', () => {
    expect(censusPeriods(2024).map((p) => [p.name, p.from, p.to])).toEqual([
      ['autumn', '2024-08-01', '2024-12-31'],
      ['spring', '2025-01-01', '2025-04-20'],
      ['summer1', '2025-04-21', '2025-05-25'],
      ['summer2', '2025-05-26', '2025-07-31'],
    ]);
  });
  it('2021/22: the jubilee moved the spring bank holiday to Thursday 2 June 2022', () => {
    expect(censusTermRange(2021, 'summer1')).toEqual({ from: '2022-04-18', to: '2022-06-01' });
    expect(censusTermRange(2021, 'summer')).toEqual({ from: '2022-04-18', to: '2022-07-31' });
  });
  it('places dates in their census period', () => {
    expect(censusPeriodOf('2025-04-20')).toEqual({ academicYear: 2024, period: 'spring' });
    expect(censusPeriodOf('2025-04-21')).toEqual({ academicYear: 2024, period: 'summer1' });
    expect(censusPeriodOf('2025-07-31')).toEqual({ academicYear: 2024, period: 'summer2' });
    expect(censusPeriodOf('2025-08-01')).toEqual({ academicYear: 2025, period: 'autumn' });
  });
});

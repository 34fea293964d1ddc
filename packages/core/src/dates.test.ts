import { describe, expect, it } from 'vitest';
import { academicYearOf, fromDayNumber, isIsoDate, toDayNumber, weekdayOf } from './dates.js';

describe('dates', () => {
  it('rejects dates that do not exist', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-9-02')).toBe(false);
    expect(Number.isNaN(toDayNumber('2024-13-01'))).toBe(true);
  });
  it('round-trips day numbers and knows Monday 2 September 2024', () => {
    const d = toDayNumber('2024-09-02');
    expect(fromDayNumber(d)).toBe('2024-09-02');
    expect(weekdayOf(d)).toBe(0);
  });
  it('counts days correctly for the years 0000-0099 too', () => {
    expect(fromDayNumber(toDayNumber('0099-12-31'))).toBe('0099-12-31');
    expect(toDayNumber('0100-01-01') - toDayNumber('0099-12-31')).toBe(1);
  });
  it('starts the academic year on 1 August', () => {
    expect(academicYearOf('2024-07-31')).toBe(2023);
    expect(academicYearOf('2024-08-01')).toBe(2024);
  });
});

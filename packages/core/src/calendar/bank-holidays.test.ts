import { describe, expect, it } from 'vitest';
import {
  bankHolidaysBetween,
  earlyMayBankHoliday,
  englandBankHolidays,
  isEnglandBankHoliday,
  springBankHoliday,
  summerBankHoliday,
} from './bank-holidays.js';

// Expected dates are gov.uk/bank-holidays (England and Wales) as published for each year.
const dates = (year: number): readonly string[] => englandBankHolidays(year).map((h) => h.date);

describe('springBankHoliday', () => {
  it('is the last Monday in May, or the jubilee date', () => {
    expect(springBankHoliday(2024)).toBe('2024-05-27');
    expect(springBankHoliday(2025)).toBe('2025-05-26');
    expect(springBankHoliday(2026)).toBe('2026-05-25');
    expect(springBankHoliday(2022)).toBe('2022-06-02');
  });
});

describe('englandBankHolidays', () => {
  it('lists the eight usual days of 2025 (gov.uk)', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
    ]);
  });
  it('moves Christmas on a Saturday to Monday 27 and Boxing Day to Tuesday 28 (2021)', () => {
    const h = englandBankHolidays(2021).filter((x) => x.name === 'christmas' || x.name === 'boxing-day');
    expect(h.map((x) => [x.name, x.date])).toEqual([['christmas', '2021-12-27'], ['boxing-day', '2021-12-28']]);
  });
  it('keeps Boxing Day on Monday 26 and moves Christmas on a Sunday to Tuesday 27 (2022)', () => {
    const h = englandBankHolidays(2022).filter((x) => x.name === 'christmas' || x.name === 'boxing-day');
    expect(h.map((x) => [x.name, x.date])).toEqual([['boxing-day', '2022-12-26'], ['christmas', '2022-12-27']]);
  });
  it('moves Boxing Day on a Saturday to Monday 28 (2020) and New Year on a Saturday to Monday 3 (2022)', () => {
    expect(dates(2020)).toContain('2020-12-28');
    expect(dates(2022)[0]).toBe('2022-01-03');
    expect(dates(2023)[0]).toBe('2023-01-02');
  });
  it('knows the moved and added days of 2020, 2022 and 2023', () => {
    expect(earlyMayBankHoliday(2020)).toBe('2020-05-08');
    expect(dates(2022)).toEqual([
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29',
      '2022-09-19', '2022-12-26', '2022-12-27',
    ]);
    expect(dates(2023)).toContain('2023-05-08');
    expect(summerBankHoliday(2024)).toBe('2024-08-26');
  });
  it('answers membership and ranges', () => {
    expect(isEnglandBankHoliday('2024-12-26')).toBe(true);
    expect(isEnglandBankHoliday('2024-12-27')).toBe(false);
    expect(bankHolidaysBetween('2024-08-01', '2025-07-31')).toHaveLength(8);
  });
});

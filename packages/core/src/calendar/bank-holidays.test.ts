import { describe, expect, it } from 'vitest';
import { springBankHoliday } from './bank-holidays.js';

describe('springBankHoliday', () => {
  it('is the last Monday in May, or the jubilee date', () => {
    expect(springBankHoliday(2024)).toBe('2024-05-27');
    expect(springBankHoliday(2025)).toBe('2025-05-26');
    expect(springBankHoliday(2026)).toBe('2026-05-25');
    expect(springBankHoliday(2022)).toBe('2022-06-02');
  });
});

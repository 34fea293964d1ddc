import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { fromDayNumber, toDayNumber } from '../dates.js';
import { academicYearRange, censusPeriodOf, censusPeriods } from './academic-year.js';

const startYear = fc.integer({ min: 1900, max: 2100 });

test.prop([startYear])('[TERM-1] census terms partition the academic year: contiguous, non-empty, 1 August to 31 July', (y) => {
  const periods = censusPeriods(y);
  const year = academicYearRange(y);
  expect(periods[0]?.from).toBe(year.from);
  expect(periods[periods.length - 1]?.to).toBe(year.to);
  for (const [i, p] of periods.entries()) {
    expect(p.from <= p.to).toBe(true);
    const next = periods[i + 1];
    if (next !== undefined) expect(toDayNumber(next.from)).toBe(toDayNumber(p.to) + 1);
  }
});

test.prop([startYear, fc.integer({ min: 0, max: 365 })])(
  '[TERM-1] every date of an academic year lies in exactly one census period, the one censusPeriodOf names',
  (y, offset) => {
    const year = academicYearRange(y);
    const first = toDayNumber(year.from);
    const date = fromDayNumber(first + (offset % (toDayNumber(year.to) - first + 1)));
    const hits = censusPeriods(y).filter((p) => date >= p.from && date <= p.to);
    expect(hits).toHaveLength(1);
    expect(censusPeriodOf(date)).toEqual({ academicYear: y, period: hits[0]?.name });
  },
);

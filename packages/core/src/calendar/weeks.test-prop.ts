import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { fromDayNumber, toDayNumber, weekdayOf } from '../dates.js';
import { weekCommencing, weekEnding, weekOf, weekParts } from './weeks.js';

// Day numbers from 1950 to 2100: dates come from integer offsets, never fc.date().
const day = fc.integer({ min: toDayNumber('1950-01-01'), max: toDayNumber('2100-12-31') });

test.prop([day])('[WK-1] every date maps to exactly one week: the Monday-to-Sunday week whose labels agree', (d) => {
  const date = fromDayNumber(d);
  const w = weekOf(date);
  const monday = toDayNumber(w.commencing);
  expect(weekdayOf(monday)).toBe(0);
  expect(monday <= d && d <= monday + 6).toBe(true);
  expect(weekCommencing(date)).toBe(w.commencing);
  expect(toDayNumber(weekEnding(date))).toBe(monday + 4);
  expect(toDayNumber(w.sunday)).toBe(monday + 6);
});

test.prop([day, fc.integer({ min: 0, max: 400 })])(
  '[WK-1] week parts partition any period: in order, contiguous, each inside its own week, covering it exactly',
  (start, length) => {
    const range = { from: fromDayNumber(start), to: fromDayNumber(start + length) };
    const parts = weekParts(range);
    expect(parts[0]?.from).toBe(range.from);
    expect(parts[parts.length - 1]?.to).toBe(range.to);
    let expected = start;
    for (const p of parts) {
      expect(toDayNumber(p.from)).toBe(expected);
      expect(p.from <= p.to).toBe(true);
      expect(weekCommencing(p.from)).toBe(p.week.commencing);
      expect(weekCommencing(p.to)).toBe(p.week.commencing);
      expected = toDayNumber(p.to) + 1;
    }
    expect(expected).toBe(start + length + 1);
    expect(new Set(parts.map((p) => p.week.commencing)).size).toBe(parts.length);
  },
);

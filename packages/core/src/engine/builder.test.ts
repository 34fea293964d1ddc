import { describe, expect, it } from 'vitest';
import { CODE_ID } from '../codes.js';
import { NO_MINUTES } from '../dataset.js';
import { createMarkStoreBuilder } from './builder.js';

const id = (code: string): number => CODE_ID.get(code) as number;
const PRESENT = id('/');
const ILL = id('I');
const LATE = id('L');
const T = (iso: string): number => Date.parse(iso);

describe('createMarkStoreBuilder', () => {
  it('returns marks sorted by enrolment then slot, whatever the add order', () => {
    const b = createMarkStoreBuilder();
    // Added as (1,5) (0,7) (0,6) (1,4): sorted they are (0,6) (0,7) (1,4) (1,5).
    b.add(1, 5, PRESENT, NO_MINUTES, Number.NaN, 2);
    b.add(0, 7, ILL, NO_MINUTES, Number.NaN, 3);
    b.add(0, 6, LATE, 12, Number.NaN, 4);
    b.add(1, 4, ILL, NO_MINUTES, Number.NaN, 5);
    expect(b.length).toBe(4);
    const { store, superseded } = b.finish();
    expect(store.length).toBe(4);
    expect([...store.enrolment]).toEqual([0, 0, 1, 1]);
    expect([...store.slot]).toEqual([6, 7, 4, 5]);
    expect([...store.code]).toEqual([LATE, ILL, ILL, PRESENT]);
    expect([...store.minutesLate]).toEqual([12, NO_MINUTES, NO_MINUTES, NO_MINUTES]);
    expect(superseded.length).toBe(0);
  });

  it('keeps the later row when two versions have no recorded_at (lines 2 and 3: line 2 superseded)', () => {
    const b = createMarkStoreBuilder();
    b.add(0, 10, PRESENT, NO_MINUTES, Number.NaN, 2);
    b.add(0, 10, ILL, NO_MINUTES, Number.NaN, 3);
    const { store, superseded } = b.finish();
    expect([...store.code]).toEqual([ILL]);
    expect(superseded.length).toBe(1);
    expect([...superseded.line]).toEqual([2]);
    expect([...superseded.code]).toEqual([PRESENT]);
  });

  it('keeps the newest recorded_at even when it comes first in the file', () => {
    const b = createMarkStoreBuilder();
    b.add(3, 10, ILL, NO_MINUTES, T('2024-09-03T10:00:00.500Z'), 7);
    b.add(3, 10, PRESENT, NO_MINUTES, T('2024-09-03T10:00:00.250Z'), 8); // older by 250 ms
    b.add(3, 10, LATE, 5, Number.NaN, 9); // empty: older than any timestamp
    const { store, superseded } = b.finish();
    expect([...store.code]).toEqual([ILL]);
    expect([...superseded.line]).toEqual([8, 9]);
  });

  it('derives superseded lines across line breaks (two files, lines restart at 2)', () => {
    const b = createMarkStoreBuilder();
    b.add(0, 1, PRESENT, NO_MINUTES, Number.NaN, 2);
    b.add(0, 2, PRESENT, NO_MINUTES, Number.NaN, 3);
    b.add(0, 2, ILL, NO_MINUTES, Number.NaN, 2); // second file, line 2
    b.add(0, 1, ILL, NO_MINUTES, Number.NaN, 3);
    const { store, superseded } = b.finish();
    expect([...store.code]).toEqual([ILL, ILL]);
    expect([...superseded.line]).toEqual([2, 3]);
    expect([...superseded.slot]).toEqual([1, 2]);
  });

  it('keeps timestamps before 1970 and far in the future exactly', () => {
    const b = createMarkStoreBuilder();
    b.add(0, 1, PRESENT, NO_MINUTES, -5000, 2);
    b.add(0, 1, ILL, NO_MINUTES, -6000, 3); // older: loses
    b.add(0, 2, PRESENT, NO_MINUTES, 5e12, 4);
    b.add(0, 2, ILL, NO_MINUTES, 5e12 - 1, 5);
    const { store } = b.finish();
    expect([...store.code]).toEqual([PRESENT, PRESENT]);
  });

  it('spans several chunks and honours a capacity hint', () => {
    for (const hint of [undefined, 10, 3_000_000]) {
      const b = createMarkStoreBuilder(hint === undefined ? {} : { capacityHint: hint });
      const n = 2_500_000;
      for (let i = 0; i < n; i++) b.add(i >>> 8, (i & 255) * 2, PRESENT, i % 7 === 0 ? 3 : NO_MINUTES, Number.NaN, i + 2);
      b.add(5, 4, ILL, NO_MINUTES, Number.NaN, n + 2); // a later version of mark (5, 4)
      const { store, superseded } = b.finish();
      expect(store.length).toBe(n);
      expect(superseded.length).toBe(1);
      expect(superseded.line[0]).toBe(5 * 256 + 2 + 2);
      expect(store.code[5 * 256 + 2]).toBe(ILL);
      expect(store.minutesLate[7]).toBe(3);
      expect(store.minutesLate[8]).toBe(NO_MINUTES);
      expect(store.enrolment[n - 1]).toBe((n - 1) >>> 8);
    }
  });

  it('refuses to be used after finish', () => {
    const b = createMarkStoreBuilder();
    b.finish();
    expect(() => b.finish()).toThrow();
    expect(() => b.add(0, 0, 0, NO_MINUTES, Number.NaN, 2)).toThrow();
  });
});

describe('capacityHint', () => {
  it('ignores a hint that is not a positive number', () => {
    for (const capacityHint of [Number.NaN, 0, -5]) {
      const b = createMarkStoreBuilder({ capacityHint });
      b.add(0, 1, PRESENT, NO_MINUTES, Number.NaN, 2);
      b.add(0, 0, ILL, NO_MINUTES, Number.NaN, 3);
      const { store } = b.finish();
      expect([...store.slot]).toEqual([0, 1]);
    }
  });
});

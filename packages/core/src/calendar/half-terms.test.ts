import { describe, expect, it } from 'vitest';
import { toDayNumber, type IsoDate } from '../dates.js';
import { academicYearRange } from './academic-year.js';
import { defaultCalendar, defaultHalfTerms } from './default-calendar.js';
import {
  halfTermFaults,
  halfTermLookup,
  halfTermOf,
  halfTermRange,
  isTermDay,
  schoolTermRange,
  termDays,
  type HalfTermName,
} from './half-terms.js';

const d = (s: string): IsoDate => s as IsoDate;

describe('default England half-terms', () => {
  it('2024/25 by the documented rules, worked by hand (Easter 20 April, spring bank holiday 26 May 2025)', () => {
    expect(defaultHalfTerms(2024).map((h) => [h.name, h.from, h.to])).toEqual([
      ['autumn1', '2024-09-02', '2024-10-25'],
      ['autumn2', '2024-11-04', '2024-12-20'],
      ['spring1', '2025-01-02', '2025-02-14'],
      ['spring2', '2025-02-24', '2025-04-11'],
      ['summer1', '2025-04-28', '2025-05-23'],
      ['summer2', '2025-06-02', '2025-07-18'],
    ]);
  });
  it('never starts a half-term on a bank holiday (2037/38: early May is 3 May 2038)', () => {
    expect(halfTermRange(defaultCalendar(2037), 'summer1').from).toBe('2038-05-04');
  });
  it('closes the bank holidays that fall in term (early May 2025)', () => {
    expect(defaultCalendar(2024).closedDays).toEqual([{ date: '2025-05-05', reason: 'bank-holiday' }]);
  });
});

describe('half-term queries', () => {
  const cal = defaultCalendar(2024);
  it('finds the half-term of a date, and none in a break', () => {
    expect(halfTermOf(cal, '2024-11-04')).toBe('autumn2');
    expect(halfTermOf(cal, '2024-10-30')).toBeUndefined();
    const lookup = halfTermLookup(cal);
    expect(lookup(toDayNumber('2025-07-18'))).toBe(5);
    expect(lookup(toDayNumber('2025-07-21'))).toBe(-1);
  });
  it('gives school terms as their two half-terms with the break between', () => {
    expect(schoolTermRange(cal, 'autumn')).toEqual({ from: '2024-09-02', to: '2024-12-20' });
    expect(schoolTermRange(cal, 'summer')).toEqual({ from: '2025-04-28', to: '2025-07-18' });
  });
  it('counts term days: weekdays in half-terms, less closed days', () => {
    expect(isTermDay(cal, '2025-05-05')).toBe(false);
    expect(isTermDay(cal, '2025-05-06')).toBe(true);
    expect(isTermDay(cal, '2024-09-07')).toBe(false);
    // By hand: autumn1 8 weeks (40), autumn2 7 (35), spring1 Thu 2 Jan + 6 weeks (32), spring2 7 (35),
    // summer1 4 weeks less early May (19), summer2 7 (35). Real schools take about 5 INSET days more
    // (190 days: reference §0).
    expect(termDays(cal)).toHaveLength(40 + 35 + 32 + 35 + 19 + 35);
  });
});

describe('halfTermFaults', () => {
  const year = academicYearRange(2024);
  const h = (name: HalfTermName, from: string, to: string) => ({ name, from: d(from), to: d(to) });
  const ok = defaultHalfTerms(2024);
  it('accepts a calendar', () => {
    expect(halfTermFaults(ok, year)).toEqual([]);
  });
  it('finds inverted, overlapping, out-of-order, duplicate, missing and out-of-year half-terms', () => {
    expect(halfTermFaults([h('autumn1', '2024-10-25', '2024-09-02')], year).map((f) => f.kind)).toContain('inverted');
    expect(halfTermFaults([h('autumn1', '2024-09-02', '2024-11-05'), h('autumn2', '2024-11-04', '2024-12-20')], year)[0]).toEqual({ kind: 'overlap', at: [0, 1] });
    expect(halfTermFaults([h('autumn2', '2024-09-02', '2024-10-25'), h('autumn1', '2024-11-04', '2024-12-20')], year)[0]).toEqual({ kind: 'out-of-order', at: [0, 1] });
    expect(halfTermFaults([h('autumn1', '2024-09-02', '2024-10-25'), h('autumn1', '2024-11-04', '2024-12-20')], year)[0]).toEqual({ kind: 'duplicate', at: [0, 1] });
    expect(halfTermFaults([h('autumn1', '2024-07-30', '2024-10-25')], year).map((f) => f.kind)).toContain('outside-year');
    expect(halfTermFaults(ok.slice(1), year)).toEqual([{ kind: 'missing', at: [], name: 'autumn1' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { toDayNumber, weekdayOf, type IsoDate } from '../dates.js';
import { isEnglandBankHoliday } from './bank-holidays.js';
import { defaultHalfTerms } from './default-calendar.js';
import { buildSchoolCalendar } from './school-calendar.js';
import { checkTermDates, type TermDatesRow } from './term-dates.js';

const row = (line: number, halfTerm: string, startDate: string, endDate: string, schoolUrn?: string): TermDatesRow => ({
  line,
  academicYear: '2024/25',
  halfTerm,
  startDate,
  endDate,
  ...(schoolUrn === undefined ? {} : { schoolUrn }),
});

const la: readonly TermDatesRow[] = [
  row(2, 'autumn1', '2024-09-04', '2024-10-25'),
  row(3, 'autumn2', '2024-11-04', '2024-12-20'),
  row(4, 'spring1', '2025-01-06', '2025-02-14'),
  row(5, 'spring2', '2025-02-24', '2025-04-04'),
  row(6, 'summer1', '2025-04-22', '2025-05-23'),
  row(7, 'summer2', '2025-06-02', '2025-07-22'),
];

/** Open days: weekdays in the given half-terms that are not bank holidays, up to `until`. */
const openDaysOf = (ranges: readonly (readonly [string, string])[], until = '2025-07-31'): number[] =>
  ranges.flatMap(([from, to]) => {
    const out: number[] = [];
    for (let d = toDayNumber(from); d <= toDayNumber(to < until ? to : until); d++) {
      const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (weekdayOf(d) < 5 && !isEnglandBankHoliday(date)) out.push(d);
    }
    return out;
  });

describe('buildSchoolCalendar', () => {
  it('uses the term dates for every school, and a school’s own rows over them', () => {
    const { termDates } = checkTermDates([...la, row(8, 'autumn1', '2024-09-02', '2024-10-18', '100101')], 'terms.csv');
    const own = buildSchoolCalendar({ academicYear: 2024, schoolUrn: '100101', termDates });
    expect(own.issues).toEqual([]);
    expect(own.calendar.halfTerms[0]).toEqual({ name: 'autumn1', from: '2024-09-02', to: '2024-10-18', source: 'terms-file' });
    expect(own.calendar.halfTerms[1]?.from).toBe('2024-11-04');
    const other = buildSchoolCalendar({ academicYear: 2024, schoolUrn: '100102', termDates });
    expect(other.calendar.halfTerms[0]?.from).toBe('2024-09-04');
    expect(other.calendar.closedDays).toEqual([{ date: '2025-05-05', reason: 'bank-holiday' }]);
  });

  it('falls back to the register, with a warning, when the term dates are unusable', () => {
    const bad = checkTermDates([...la.slice(0, 5), row(7, 'summer2', '2025-07-22', '2025-06-02')], 'terms.csv');
    expect(bad.issues.map((i) => [i.code, i.line])).toEqual([['calendar/term-dates-inverted', 7]]);
    const register = { openDays: openDaysOf(la.map((r) => [r.startDate, r.endDate] as const)) };
    const { calendar, issues } = buildSchoolCalendar({ academicYear: 2024, schoolUrn: '100101', termDates: bad.termDates, register });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['calendar/term-dates-fallback', 'warning']]);
    expect(issues[0]?.message).toContain('School 100101 2024/25');
    expect(calendar.halfTerms.map((h) => [h.from, h.to, h.source])).toEqual(
      la.map((r) => [r.startDate, r.endDate, 'register']),
    );
  });

  it('fills half-terms missing from the term dates, and says so', () => {
    const { termDates } = checkTermDates(la.slice(0, 2));
    const { calendar, issues } = buildSchoolCalendar({ academicYear: 2024, termDates });
    expect(calendar.halfTerms.map((h) => h.source)).toEqual(['terms-file', 'terms-file', 'default', 'default', 'default', 'default']);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['calendar/term-dates-incomplete', 'info'],
      ['calendar/default-dates', 'info'],
    ]);
  });

  it('uses the default dates with a warning when nothing else is known', () => {
    const { calendar, issues } = buildSchoolCalendar({ academicYear: 2024 });
    expect(calendar.halfTerms).toEqual(defaultHalfTerms(2024));
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['calendar/default-dates', 'warning']]);
  });

  it('reads a year-to-date register: the current half-term runs to its default end, later ones are default', () => {
    const asOf = '2024-11-20';
    const register = {
      openDays: openDaysOf(la.map((r) => [r.startDate, r.endDate] as const), asOf),
      coverage: { from: '2024-09-04' as IsoDate, to: asOf as IsoDate },
    };
    const { calendar } = buildSchoolCalendar({ academicYear: 2024, register });
    expect(calendar.halfTerms.slice(0, 3).map((h) => [h.name, h.from, h.to, h.source])).toEqual([
      ['autumn1', '2024-09-04', '2024-10-25', 'register'],
      ['autumn2', '2024-11-04', '2024-12-20', 'register'],
      ['spring1', '2025-01-02', '2025-02-14', 'default'],
    ]);
  });

  it('sees INSET days as closures and warns when an expected break is missing', () => {
    // No October break at all, and an INSET day on 2 December.
    const ranges = [['2024-09-04', '2024-12-20'], ...la.slice(2).map((r) => [r.startDate, r.endDate])] as [string, string][];
    const register = { openDays: openDaysOf(ranges).filter((d) => d !== toDayNumber('2024-12-02')) };
    const { calendar, issues } = buildSchoolCalendar({ academicYear: 2024, schoolUrn: '100101', register });
    expect(issues.map((i) => i.code)).toEqual(['calendar/break-not-found']);
    expect(issues[0]?.message).toContain('autumn2 starts on the default date 2024-11-04');
    expect(calendar.halfTerms[0]?.to).toBe('2024-11-01');
    expect(calendar.closedDays.filter((c) => c.reason === 'closure')).toEqual([{ date: '2024-12-02', reason: 'closure' }]);
  });
});

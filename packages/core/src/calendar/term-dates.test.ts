import { describe, expect, it } from 'vitest';
import { checkTermDates, termDatesKey, type TermDatesRow } from './term-dates.js';

const row = (line: number, halfTerm: string, startDate: string, endDate: string, extra: Partial<TermDatesRow> = {}): TermDatesRow => ({
  line,
  academicYear: '2024/25',
  halfTerm,
  startDate,
  endDate,
  ...extra,
});

const good: readonly TermDatesRow[] = [
  row(2, 'autumn1', '2024-09-04', '2024-10-25'),
  row(3, 'autumn2', '2024-11-04', '2024-12-20'),
  row(4, 'spring1', '2025-01-06', '2025-02-14'),
  row(5, 'spring2', '2025-02-24', '2025-04-04'),
  row(6, 'summer1', '2025-04-22', '2025-05-23'),
  row(7, 'summer2', '2025-06-02', '2025-07-22'),
];

describe('checkTermDates', () => {
  it('indexes good rows by school ("" = every school) and year', () => {
    const { termDates, issues } = checkTermDates(good, 'terms.csv');
    expect(issues).toEqual([]);
    const set = termDates.sets.get(termDatesKey('', 2024));
    expect(set?.usable).toBe(true);
    expect(set?.halfTerms).toHaveLength(6);
  });
  it('names the row of an inverted half-term and marks its set unusable', () => {
    const { termDates, issues } = checkTermDates([...good.slice(0, 5), row(7, 'summer2', '2025-07-22', '2025-06-02')], 'terms.csv');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'calendar/term-dates-inverted', severity: 'error', file: 'terms.csv', line: 7, field: 'end_date' }),
    ]);
    expect(termDates.sets.get(termDatesKey('', 2024))?.usable).toBe(false);
  });
  it('names overlapping and out-of-order rows', () => {
    const overlap = checkTermDates([good[0] as TermDatesRow, row(3, 'autumn2', '2024-10-21', '2024-12-20')]).issues;
    expect(overlap.map((i) => [i.code, i.line])).toEqual([['calendar/term-dates-overlap', 3]]);
    expect(overlap[0]?.message).toContain('line 2');
    const order = checkTermDates([row(2, 'autumn2', '2024-09-04', '2024-10-25'), row(3, 'autumn1', '2024-11-04', '2024-12-20')]).issues;
    expect(order.map((i) => [i.code, i.line])).toEqual([['calendar/term-dates-out-of-order', 3]]);
  });
  it('rejects unknown half-terms, unreal dates, bad years, duplicates and dates outside the year', () => {
    const { issues } = checkTermDates([
      row(2, 'autumn3', '2024-09-04', '2024-10-25'),
      row(3, 'autumn2', '2024-11-31', '2024-12-20'),
      row(4, 'spring1', '2025-01-06', '2025-02-14', { academicYear: '2024/26' }),
      row(5, 'summer2', '2025-06-02', '2025-08-02'),
      row(6, 'spring2', '2025-02-24', '2025-04-04'),
      row(7, 'spring2', '2025-02-24', '2025-04-04'),
    ]);
    expect(issues.map((i) => [i.code, i.line, i.field])).toEqual([
      ['calendar/term-dates-unknown-half-term', 2, 'half_term'],
      ['calendar/term-dates-bad-date', 3, 'start_date'],
      ['calendar/term-dates-bad-year', 4, 'academic_year'],
      ['calendar/term-dates-outside-year', 5, 'start_date'],
    ]);
    // The duplicate is a set problem, only reported for sets whose rows are each fine.
    const dup = checkTermDates([row(6, 'spring2', '2025-02-24', '2025-04-04'), row(7, 'spring2', '2025-02-24', '2025-04-04')]).issues;
    expect(dup.map((i) => [i.code, i.line])).toEqual([['calendar/term-dates-duplicate', 7]]);
  });
  it('keeps school rows apart from every-school rows', () => {
    const { termDates } = checkTermDates([...good, row(8, 'autumn1', '2024-09-02', '2024-10-18', { schoolUrn: '100101' })]);
    expect(termDates.sets.get(termDatesKey('100101', 2024))?.halfTerms).toHaveLength(1);
    expect(termDates.sets.get(termDatesKey('', 2024))?.halfTerms).toHaveLength(6);
  });
});

import { describe, expect, test } from 'vitest';
import type { IsoDate } from '@attendance-kit/core';
import { handDataset, weekdays } from './data-check.test-arb.js';
import { PAR_COLUMNS, persistentAbsence, trajectoryParts, trendOf } from './persistent-absence.js';
import { REPORTS } from './registry.js';

const from = '2024-09-02' as IsoDate;
const to = '2024-09-13' as IsoDate;
const week1 = weekdays('2024-09-02', '2024-09-06');
const week2 = weekdays('2024-09-09', '2024-09-13');
// 20 possible sessions each. A: 2 absent (exactly 10%: persistent, both in week 2). B: 1 absent (5%).
// C: 10 absent (exactly 50%: severe, all in week 1). D: 9 absent (45%: 5 in week 1, 4 in week 2).
const dataset = handDataset([{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }], from, to, [
  [0, '2024-09-10', 'AM', 'I'],
  [0, '2024-09-11', 'AM', 'O'],
  [1, '2024-09-03', 'AM', 'I'],
  ...week1.flatMap((d) => [[2, d, 'AM', 'I'] as const, [2, d, 'PM', 'I'] as const]),
  ...week1.map((d) => [3, d, 'AM', 'N'] as const),
  ...week2.slice(0, 4).map((d) => [3, d, 'PM', 'G'] as const),
]);

describe('persistent-absence', () => {
  const r = persistentAbsence(dataset, { from, to });
  const pupils = r.rows.filter((x) => x.key['row'] === 'pupil');

  test('thresholds are inclusive and exact: 10% is persistent, 5% is not, 50% is severe, 45% is not', () => {
    expect(pupils.map((x) => [x.key['pupil_id'], x.key['status']])).toEqual([
      ['C', 'severe'],
      ['D', 'persistent'],
      ['A', 'persistent'],
    ]);
  });

  test('the period cell is sessions missed out of possible, shown as the count and the rate', () => {
    expect(pupils[2]?.cells[PAR_COLUMNS.ytd]).toMatchObject({ numerator: 2, denominator: 20, value: 10, display: '2 (10.0%)' });
  });

  test('a period inside one half-term has a column per week; the trend compares the last week with the earlier ones', () => {
    expect(r.columns.map((c) => c.id)).toEqual(['ytd', 'persistent', 'severe', '2024-09-02', '2024-09-09']);
    expect(pupils.map((x) => [x.key['pupil_id'], x.cells['2024-09-02']?.display, x.cells['2024-09-09']?.display, x.key['trend']])).toEqual([
      ['C', '100.0%', '0.0%', 'falling'],
      ['D', '50.0%', '40.0%', 'falling'],
      ['A', '0.0%', '20.0%', 'rising'],
    ]);
  });

  test('school and total rows count persistent and severe pupils out of the pupils', () => {
    for (const row of r.rows.slice(0, 2)) {
      expect(row.cells[PAR_COLUMNS.pa]).toMatchObject({ numerator: 3, denominator: 4, display: '3 (75.0%)' });
      expect(row.cells[PAR_COLUMNS.severe]).toMatchObject({ numerator: 1, denominator: 4 });
      expect(row.cells[PAR_COLUMNS.ytd]).toMatchObject({ numerator: 22, denominator: 80 });
    }
  });

  test('severeOnly lists the severely absent pupils only', () => {
    const s = persistentAbsence(dataset, { from, to, severeOnly: true });
    expect(s.rows.filter((x) => x.key['row'] === 'pupil').map((x) => x.key['pupil_id'])).toEqual(['C']);
  });

  test('reverse lists the lowest rate first', () => {
    const s = persistentAbsence(dataset, { from, to, reverse: true });
    expect(s.rows.filter((x) => x.key['row'] === 'pupil').map((x) => x.key['pupil_id'])).toEqual(['A', 'D', 'C']);
  });

  test('runs from the registry with only the period', () => {
    expect(REPORTS['persistent-absence'].run(dataset, { from, to }).rows.length).toBe(5);
  });
});

describe('trajectory and trend', () => {
  test('a period across half-terms has a column per half-term (England default dates)', () => {
    expect(trajectoryParts('2024-09-02' as IsoDate, '2024-12-20' as IsoDate, undefined).map((p) => p.id)).toEqual(['autumn1', 'autumn2']);
    expect(trajectoryParts('2024-09-02' as IsoDate, '2024-09-20' as IsoDate, 'half-term').map((p) => p.id)).toEqual(['autumn1']);
  });
  test('trend needs two parts with a possible session, and a change of at least the given points', () => {
    expect(trendOf([{ possible: 10, absence: 1 }], 5)).toBe('n/a');
    expect(trendOf([{ possible: 10, absence: 1 }, { possible: 0, absence: 0 }], 5)).toBe('n/a');
    // 10% then 15%: exactly 5 points is rising; 14% would be steady.
    expect(trendOf([{ possible: 10, absence: 1 }, { possible: 20, absence: 3 }], 5)).toBe('rising');
    expect(trendOf([{ possible: 10, absence: 1 }, { possible: 50, absence: 7 }], 5)).toBe('steady');
    expect(trendOf([{ possible: 20, absence: 4 }, { possible: 20, absence: 2 }, { possible: 20, absence: 0 }], 5)).toBe('falling');
  });
});

describe('persistent-absence: bad input gives an empty table and a note', () => {
  test('a school not in the dataset, and no school selected', () => {
    const r = persistentAbsence(dataset, { from, to, schools: ['123456'] });
    expect(r.rows).toEqual([]);
    expect(r.notes).toContain('School 123456 is not in the dataset.');
    expect(r.notes).toContain('No school of the dataset is selected: the table is empty.');
  });
  test('a period with no data', () => {
    const r = persistentAbsence(dataset, { from: '2025-03-03' as IsoDate, to: '2025-03-07' as IsoDate });
    expect(r.rows).toEqual([]);
    expect(r.notes.some((n) => n.startsWith('No possible sessions between 2025-03-03 and 2025-03-07'))).toBe(true);
  });
  test('a filter that matches nobody', () => {
    const r = persistentAbsence(dataset, { from, to, filters: [{ field: 'year_group', value: '9' }] });
    expect(r.rows).toEqual([]);
    expect(r.notes.some((n) => n.startsWith('No pupil for pupils with year_group = "9"'))).toBe(true);
  });
  test('nobody persistently absent: the school is shown with 0 and a note says so', () => {
    const r = persistentAbsence(handDataset([{ id: 'A' }], from, to, []), { from, to });
    expect(r.rows[1]?.cells[PAR_COLUMNS.pa]?.numerator).toBe(0);
    expect(r.notes.some((n) => n.startsWith('No pupil is persistently absent'))).toBe(true);
  });
});

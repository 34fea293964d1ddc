import { describe, expect, test } from 'vitest';
import type { IsoDate } from '@attendance-kit/core';
import { handDataset, weekdays } from './data-check.test-arb.js';
import { partTimeTimetables, PTT_COLUMNS } from './part-time-timetables.js';
import { REPORTS } from './registry.js';

const from = '2024-09-02' as IsoDate;
const to = '2024-09-13' as IsoDate;
// A: C2 every afternoon from Tuesday 3 to Friday 13 September (9 sessions). B: one C2, Wednesday 4th.
// C: a C2 too, but in Reception (aged 4), so outside DfE's ages 5-15.
const dataset = handDataset([{ id: 'A' }, { id: 'B' }, { id: 'C', yearGroup: 'R' }], from, to, [
  ...weekdays('2024-09-03', '2024-09-13').map((d) => [0, d, 'PM', 'C2'] as const),
  [1, '2024-09-04', 'PM', 'C2'],
  [2, '2024-09-05', 'PM', 'C2'],
]);

describe('part-time-timetables', () => {
  const r = partTimeTimetables(dataset, { from, to });
  const pupils = r.rows.filter((x) => x.key['row'] === 'pupil');

  test('rows: the total, the school, then its pupils on C2, longest first; pupil ids only', () => {
    expect(r.rows.map((x) => [x.key['row'], x.key['name']])).toEqual([
      ['total', 'LA 926 (selected schools)'],
      ['school', 'First School'],
      ['pupil', 'A'],
      ['pupil', 'B'],
    ]);
  });

  test('A: first and latest C2, sessions out of possible, school days and weeks spanned, current at the period end', () => {
    const a = pupils[0];
    expect(a?.key).toMatchObject({ pupil_id: 'A', first_c2: '2024-09-03', latest_c2: '2024-09-13', current: 'yes', c2_before_period: 'no', year_group: '3' });
    expect(a?.cells[PTT_COLUMNS.sessions]).toMatchObject({ numerator: 9, denominator: 20, display: '9 (45.0%)' });
    expect(a?.cells[PTT_COLUMNS.days]).toMatchObject({ numerator: 9, denominator: 10 });
    expect(a?.cells[PTT_COLUMNS.weeks]).toMatchObject({ numerator: 2, denominator: 2 });
  });

  test('B: one C2 on the Wednesday of the first week is not current on the 13th', () => {
    expect(pupils[1]?.key).toMatchObject({ first_c2: '2024-09-04', latest_c2: '2024-09-04', current: 'no' });
    expect(pupils[1]?.cells[PTT_COLUMNS.days]?.numerator).toBe(1);
  });

  test('the school row counts pupils on C2 out of its pupils, and C2 sessions out of possible sessions', () => {
    const s = r.rows[1];
    expect(s?.cells[PTT_COLUMNS.pupils]).toMatchObject({ numerator: 2, denominator: 2, display: '2 (100.0%)' });
    expect(s?.cells[PTT_COLUMNS.sessions]).toMatchObject({ numerator: 10, denominator: 40 });
  });

  test('the all profile lists the Reception pupil too', () => {
    const all = partTimeTimetables(dataset, { from, to, profile: 'all' });
    expect(all.rows.filter((x) => x.key['row'] === 'pupil').map((x) => x.key['pupil_id'])).toEqual(['A', 'B', 'C']);
  });

  test('a period starting mid-timetable says the pupil had C2 marks before it', () => {
    const later = partTimeTimetables(dataset, { from: '2024-09-09' as IsoDate, to });
    expect(later.rows.find((x) => x.key['pupil_id'] === 'A')?.key).toMatchObject({ first_c2: '2024-09-09', c2_before_period: 'yes' });
  });

  test('current means a C2 in the school\'s last N school days: with 1, a timetable ending the day before is not current', () => {
    const d = handDataset([{ id: 'A' }], from, to, weekdays('2024-09-02', '2024-09-12').map((x) => [0, x, 'PM', 'C2'] as const));
    expect(partTimeTimetables(d, { from, to }).rows.find((x) => x.key['pupil_id'] === 'A')?.key['current']).toBe('yes');
    expect(partTimeTimetables(d, { from, to, currentWithinSchoolDays: 1 }).rows.find((x) => x.key['pupil_id'] === 'A')?.key['current']).toBe('no');
  });

  test('runs from the registry with only the period', () => {
    expect(REPORTS['part-time-timetables'].run(dataset, { from, to }).rows.length).toBe(4);
  });
});

describe('part-time-timetables: bad input gives an empty table and a note', () => {
  test('a school not in the dataset', () => {
    const r = partTimeTimetables(dataset, { from, to, schools: ['999999'] });
    expect(r.rows).toEqual([]);
    expect(r.notes).toContain('School 999999 is not in the dataset.');
  });
  test('a period with no data', () => {
    const r = partTimeTimetables(dataset, { from: '2025-01-06' as IsoDate, to: '2025-01-10' as IsoDate });
    expect(r.rows).toEqual([]);
    expect(r.notes.some((n) => n.startsWith('No possible sessions between 2025-01-06 and 2025-01-10'))).toBe(true);
  });
  test('a filter that matches nobody', () => {
    const r = partTimeTimetables(dataset, { from, to, filters: [{ field: 'sex', value: 'F' }] });
    expect(r.rows).toEqual([]);
    expect(r.notes.some((n) => n.startsWith('No pupil for pupils with sex = "F"'))).toBe(true);
  });
  test('a period that ends before it starts, and a date that is not real', () => {
    expect(partTimeTimetables(dataset, { from: to, to: from }).notes).toContain(`The period ${to} to ${from} is empty: it ends before it starts.`);
    expect(partTimeTimetables(dataset, { from: '2024-02-30' as IsoDate, to }).rows).toEqual([]);
  });
  test('data but nobody on a part-time timetable: the schools are shown with 0 and a note says so', () => {
    const none = handDataset([{ id: 'A' }], from, to, []);
    const r = partTimeTimetables(none, { from, to });
    expect(r.rows[1]?.cells[PTT_COLUMNS.pupils]?.numerator).toBe(0);
    expect(r.notes.some((n) => n.startsWith('No pupil has a C2 (part-time timetable) mark'))).toBe(true);
  });
  test('before 19 August 2024 there is no C2 to find, and the note says why', () => {
    const r = partTimeTimetables(dataset, { from: '2024-06-03' as IsoDate, to });
    expect(r.notes.some((n) => n.startsWith('C2 exists from 19 August 2024'))).toBe(true);
  });
});

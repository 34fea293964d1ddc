import { describe, expect, test } from 'vitest';
import type { IsoDate, Issue } from '@attendance-kit/core';
import { tinyDataset } from '../test/fixture.js';
import { handDataset } from './data-check.test-arb.js';
import { dataCheck, DQ_COLUMNS, supersededFromImportIssues } from './data-check.js';
import { partTimeTimetables } from './part-time-timetables.js';
import { persistentAbsence } from './persistent-absence.js';
import { REPORTS } from './registry.js';

const from = '2024-09-02' as IsoDate;
const to = '2024-09-13' as IsoDate;
// Ten school days, everyone present unless said. P1: no row on Thursday 5th PM, `-` on Friday 6th AM,
// N on Tuesday 3rd AM and Monday 9th AM. P3 joins on the 9th, P4 leaves on the 6th, P5 has no admission
// date and no marks before Wednesday 4th.
const dataset = handDataset(
  [{ id: 'P1' }, { id: 'P2' }, { id: 'P3', admissionDate: '2024-09-09' }, { id: 'P4', leavingDate: '2024-09-06' }, { id: 'P5' }],
  from,
  to,
  [
    [0, '2024-09-05', 'PM', null],
    [0, '2024-09-06', 'AM', '-'],
    [0, '2024-09-03', 'AM', 'N'],
    [0, '2024-09-09', 'AM', 'N'],
    [4, '2024-09-02', 'AM', null],
    [4, '2024-09-02', 'PM', null],
    [4, '2024-09-03', 'AM', null],
    [4, '2024-09-03', 'PM', null],
  ],
);

const issue = (message: string, code = 'canonical/superseded'): Issue => ({ code, severity: 'info', file: 'marks.csv', line: 2, message });
const importIssues = [
  issue('mark N for pupil "P1" at school 100001 on 2024-09-04 AM was replaced by a later version'),
  issue('mark I for pupil "P1" at school 100001 on 2024-08-30 PM was replaced by a later version'),
  issue('mark / for pupil "P9" at school 100001 on 2024-09-04 AM was replaced by a later version'),
  issue('row 7: code "Q" is not in force on 2024-06-03', 'canonical/code-not-in-force'),
];

describe('data-check', () => {
  const r = dataCheck(dataset, { from, to });
  const school = r.rows[1];

  test('rows: the total, then each school', () => {
    expect(r.rows.map((x) => x.key['row'])).toEqual(['total', 'school']);
    expect(r.columns.map((c) => c.id)).toEqual(['unmarked', 'no_mark', 'n_unresolved', 'superseded']);
  });

  test('unmarked: one session with no row, out of the sessions each pupil was on roll for (from admission, or the first mark, to leaving)', () => {
    // P1 20 + P2 20 + P3 10 (from the 9th) + P4 10 (to the 6th) + P5 16 (from the 4th) = 76.
    expect(school?.cells[DQ_COLUMNS.unmarked]).toMatchObject({ numerator: 1, denominator: 76, display: '1 (1.32%)' });
  });

  test('no mark: one `-` out of the 75 marks', () => {
    expect(school?.cells[DQ_COLUMNS.dash]).toMatchObject({ numerator: 1, denominator: 75 });
  });

  test('N unresolved as of the period end: the N of the 3rd (8 school days on), not the N of the 9th (4 days on)', () => {
    expect(school?.cells[DQ_COLUMNS.n]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(school?.key['oldest_unresolved_n']).toBe('2024-09-03');
  });

  test('the as-of date decides: 5 school days after the 3rd (the 10th) is not yet unresolved, 6 (the 11th) is', () => {
    const on10 = dataCheck(dataset, { from, to, asOf: '2024-09-10' as IsoDate }).rows[1];
    expect(on10?.cells[DQ_COLUMNS.n]).toMatchObject({ numerator: 0, denominator: 2 });
    expect(on10?.cells[DQ_COLUMNS.unmarked]?.numerator).toBe(1);
    expect(dataCheck(dataset, { from, to, asOf: '2024-09-11' as IsoDate }).rows[1]?.cells[DQ_COLUMNS.n]?.numerator).toBe(1);
    expect(dataCheck(dataset, { from, to, nGraceSchoolDays: 10 }).rows[1]?.cells[DQ_COLUMNS.n]?.numerator).toBe(0);
  });

  test('superseded: read from the import\'s canonical/superseded issues; only the period\'s, for pupils in the dataset', () => {
    const input = supersededFromImportIssues(importIssues, 5);
    expect(input.marks).toEqual([
      { code: 'N', pupilId: 'P1', schoolUrn: '100001', date: '2024-09-04', session: 'AM' },
      { code: 'I', pupilId: 'P1', schoolUrn: '100001', date: '2024-08-30', session: 'PM' },
      { code: '/', pupilId: 'P9', schoolUrn: '100001', date: '2024-09-04', session: 'AM' },
    ]);
    const withInput = dataCheck(dataset, { from, to, superseded: input });
    expect(withInput.rows[1]?.cells[DQ_COLUMNS.superseded]).toMatchObject({ numerator: 1, denominator: 75 });
    expect(withInput.notes.some((n) => n.startsWith("Only 3 of the import's 5 superseded versions are itemised"))).toBe(true);
  });

  test('without the import\'s superseded marks the column has no figure, and a note says where they come from', () => {
    expect(school?.cells[DQ_COLUMNS.superseded]).toMatchObject({ value: null, numerator: null, display: '' });
    expect(r.notes.some((n) => n.startsWith('Superseded marks were not supplied'))).toBe(true);
  });

  test('runs from the registry with only the period', () => {
    expect(REPORTS['data-check'].run(dataset, { from, to }).rows.length).toBe(2);
  });

  test('a comparator given to a pupil-level report is not used, and the header and a note say so', () => {
    const comparator = { kind: 'national' as const, weeks: new Map() };
    for (const id of ['data-check', 'part-time-timetables', 'persistent-absence'] as const) {
      const withCmp = REPORTS[id].run(dataset, { from, to, comparator });
      expect(withCmp.comparator.kind).toBe('none');
      expect(withCmp.notes).toContain('No comparator: DfE publishes no pupil-level or data-quality figures to compare these with.');
    }
  });
});

describe('data-check: bad input gives an empty table and a note', () => {
  test('an as-of date that is not real, or before the period', () => {
    const bad = dataCheck(dataset, { from, to, asOf: '2024-13-01' as IsoDate });
    expect(bad.rows).toEqual([]);
    expect(bad.notes).toContain('The as-of date "2024-13-01" is not a real date (YYYY-MM-DD): the table is empty.');
    const early = dataCheck(dataset, { from, to, asOf: '2024-08-01' as IsoDate });
    expect(early.rows).toEqual([]);
    expect(early.notes.some((n) => n.startsWith('The as-of date 2024-08-01 is before the period starts'))).toBe(true);
  });
  test('a school not in the dataset, a filter that matches nobody, a period with no data', () => {
    expect(dataCheck(dataset, { from, to, schools: ['1'] }).notes).toContain('School 1 is not in the dataset.');
    expect(dataCheck(dataset, { from, to, filters: [{ field: 'fsm6', value: 'true' }] }).rows).toEqual([]);
    const empty = dataCheck(dataset, { from: '2025-05-05' as IsoDate, to: '2025-05-09' as IsoDate });
    expect(empty.rows).toEqual([]);
    expect(empty.notes.some((n) => n.startsWith('No possible sessions between 2025-05-05 and 2025-05-09'))).toBe(true);
  });
});

describe('the demo\'s synthetic LA (core tiny preset, autumn 2024)', () => {
  const la = tinyDataset();
  const period = { from: '2024-09-02' as IsoDate, to: '2024-12-20' as IsoDate };
  test('shows pupils on part-time timetables, persistently and severely absent pupils, and register problems', () => {
    const ptt = partTimeTimetables(la, period).rows.filter((x) => x.key['row'] === 'pupil');
    expect(ptt.length).toBeGreaterThan(0);
    const par = persistentAbsence(la, period).rows.filter((x) => x.key['row'] === 'pupil');
    expect(par.some((x) => x.key['status'] === 'severe')).toBe(true);
    expect(par.some((x) => x.key['status'] === 'persistent')).toBe(true);
    const total = dataCheck(la, period).rows[0];
    for (const c of [DQ_COLUMNS.unmarked, DQ_COLUMNS.dash, DQ_COLUMNS.n]) expect(total?.cells[c]?.numerator ?? 0).toBeGreaterThan(0);
  });
});

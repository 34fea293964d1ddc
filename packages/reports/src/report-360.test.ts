import { describe, expect, test } from 'vitest';
import { summarise, type IsoDate } from '@attendance-kit/core';
import { nationalCells, tinyDataset } from '../test/fixture.js';
import { mondaysOf } from './table.js';
import { PA_COLUMN, report360 } from './report-360.js';

const from = '2024-09-02' as IsoDate;
const to = '2024-12-20' as IsoDate;
const weeks = new Map(mondaysOf(from, to).map((m) => [m, nationalCells(9300, 10_000)]));

describe('360', () => {
  const r = report360(tinyDataset(), { from, to, comparator: { kind: 'national', weeks } });
  test('columns are the measures; the LA row first, then year groups and pupil groups', () => {
    expect(r.columns.map((c) => c.id)).toEqual(['attendance', 'overall_absence', 'authorised_absence', 'unauthorised_absence', PA_COLUMN]);
    expect(r.rows[0]?.key['la_code']).toBe('999');
    expect(new Set(r.rows.slice(1).map((x) => x.key['group']))).toEqual(new Set(['year_group', 'sex', 'fsm6', 'sen', 'eal']));
  });
  test('the LA row has summarise\'s sessions and persistent absence for the period', () => {
    const s = summarise(tinyDataset(), { from, to }).rows[0];
    const la = r.rows[0]?.cells;
    expect(la?.['attendance']?.numerator).toBe(s?.overall_attendance);
    expect(la?.['overall_absence']?.denominator).toBe(s?.possible_sessions);
    expect(la?.[PA_COLUMN]?.numerator).toBe(s?.pa_enrolments);
    expect(la?.[PA_COLUMN]?.denominator).toBe(s?.enrolments);
    expect(la?.[PA_COLUMN]?.comparator).toBeNull();
  });
  test('latest week: the last week with sessions, no persistent absence column', () => {
    const w = report360(tinyDataset(), { from, to, view: 'latest-week' });
    expect(w.period.from).toBe('2024-12-16');
    expect(w.period.to).toBe('2024-12-20');
    expect(w.columns.map((c) => c.id)).not.toContain(PA_COLUMN);
    const s = summarise(tinyDataset(), { from: '2024-12-16' as IsoDate, to: '2024-12-20' as IsoDate }).rows[0];
    expect(w.rows[0]?.cells['attendance']?.numerator).toBe(s?.overall_attendance);
  });
});

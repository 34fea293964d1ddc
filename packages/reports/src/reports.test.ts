import { describe, expect, test } from 'vitest';
import { summarise, type IsoDate } from '@attendance-kit/core';
import { nationalCells, tinyDataset } from '../test/fixture.js';
import { cellsByWeekMonday } from './comparator.js';
import { rateCell } from './cell.js';
import { mondaysOf } from './table.js';
import { REPORTS } from './registry.js';
import { absenceReport, absenceSummary, attendanceSummary, pupilGroups, summaryReport, weeklyAbsence, weeklyAttendance, yearGroups } from './reports.js';

const from = '2024-09-02' as IsoDate;
const to = '2024-10-18' as IsoDate;
// Hand-made comparator: 93% attendance (9300 of 10000 sessions) every week.
const weeks = new Map(mondaysOf(from, to).map((m) => [m, nationalCells(9300, 10_000)]));
const comparator = { kind: 'national' as const, weeks };

describe('rateCell', () => {
  test('display rounds half up on the exact value (FFT FAQ 1: 1 dp; whole percents on group reports)', () => {
    expect(rateCell({ numerator: 1, denominator: 8, polarity: 'higher-is-better', decimals: 1 }).display).toBe('12.5%');
    expect(rateCell({ numerator: 1, denominator: 8, polarity: 'higher-is-better', decimals: 0 }).display).toBe('13%');
    // 2999 / 4000 = 74.975% exactly: half up gives 75.0.
    expect(rateCell({ numerator: 2999, denominator: 4000, polarity: 'higher-is-better', decimals: 1 }).display).toBe('75.0%');
  });
  test('no possible sessions: no value, no figure shown', () => {
    const c = rateCell({ numerator: 0, denominator: 0, polarity: 'higher-is-better', decimals: 1 });
    expect(c.value).toBeNull();
    expect(c.display).toBe('');
  });
});

describe('cellsByWeekMonday', () => {
  test('DfE "2024 Week 37" is the week commencing Monday 9 September 2024', () => {
    expect([...cellsByWeekMonday(new Map([['2024 Week 37', []], ['202425 Academic year', []]])).keys()]).toEqual(['2024-09-09']);
  });
});

describe('weekly-attendance', () => {
  const r = weeklyAttendance(tinyDataset(), { from, to, comparator });
  test('columns: ytd then the Monday of each week', () => {
    expect(r.columns.map((c) => c.id)).toEqual(['ytd', '2024-09-02', '2024-09-09', '2024-09-16', '2024-09-23', '2024-09-30', '2024-10-07', '2024-10-14']);
  });
  test('the LA row first, then a row per school, highest attendance first', () => {
    expect(r.rows[0]?.key['la_code']).toBe('999');
    const schools = r.rows.slice(1);
    expect(schools.map((x) => x.key['school_urn']).sort()).toEqual(tinyDataset().schools.map((s) => s.urn).sort());
    const values = schools.map((x) => x.cells['ytd']?.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
  test('comparator, difference and band of every cell agree with the 93% comparator, decided on integers', () => {
    for (const row of r.rows) {
      for (const cell of Object.values(row.cells)) {
        if (cell.value === null) continue;
        expect(cell.comparator).toBe(93);
        // diff in points = (n*100/d - 93) = (100n - 93d)/d; level edges 1, 2, 4 points.
        const n = cell.numerator as number;
        const d = cell.denominator as number;
        const diffTimesD = 100 * n - 93 * d;
        const abs = Math.abs(diffTimesD);
        const level = abs >= 4 * d ? 3 : abs >= 2 * d ? 2 : abs >= d ? 1 : 0;
        expect(cell.band?.level).toBe(level);
        if (level > 0) expect(cell.band?.direction).toBe(diffTimesD > 0 ? 'better' : 'worse');
      }
    }
  });
  test('reverse puts the lowest first', () => {
    const rev = weeklyAttendance(tinyDataset(), { from, to, reverse: true }).rows.slice(1).map((x) => x.cells['ytd']?.value as number);
    expect(rev).toEqual([...rev].sort((a, b) => a - b));
  });
});

describe('absence reports', () => {
  test('absence-summary: lowest absence first, one ytd column', () => {
    const r = absenceSummary(tinyDataset(), { from, to });
    expect(r.columns.map((c) => c.id)).toEqual(['ytd']);
    const v = r.rows.slice(1).map((x) => x.cells['ytd']?.value as number);
    expect(v).toEqual([...v].sort((a, b) => a - b));
  });
  test('absence type: unauthorised counts unauthorised sessions, a reason counts its code', () => {
    const s = summarise(tinyDataset(), { from, to }).rows[0];
    expect(absenceSummary(tinyDataset(), { from, to, absenceType: 'unauthorised' }).rows[0]?.cells['ytd']?.numerator).toBe(s?.unauthorised_absence);
    expect(weeklyAbsence(tinyDataset(), { from, to, absenceType: { reason: 'I' } }).rows[0]?.cells['ytd']?.numerator).toBe(s?.sessions_by_code['I'] ?? 0);
  });
  test('an unknown reason gives no table and says so', () => {
    const r = absenceSummary(tinyDataset(), { from, to, absenceType: { reason: 'ZZ' } });
    expect(r.rows).toEqual([]);
    expect(r.notes[0]).toContain('ZZ');
  });
  test('absence: overall = authorised + unauthorised sessions, each reason a row', () => {
    const r = absenceReport(tinyDataset(), { from, to });
    const n = (id: string) => r.rows.find((x) => x.key['measure'] === id)?.cells['ytd']?.numerator as number;
    expect(n('overall_absence')).toBe(n('authorised_absence') + n('unauthorised_absence'));
    expect(r.rows.map((x) => x.key['measure'])).toContain('illness');
  });
});

describe('LA and group reports', () => {
  test('summary: one LA row whose ytd equals summarise over everything', () => {
    const r = summaryReport(tinyDataset(), { from, to });
    const s = summarise(tinyDataset(), { from, to }).rows[0];
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]?.cells['ytd']?.numerator).toBe(s?.overall_attendance);
    expect(r.rows[0]?.cells['ytd']?.denominator).toBe(s?.possible_sessions);
  });
  test('year-groups: rows in register order, whole percents, a cohort for the latest week', () => {
    const r = yearGroups(tinyDataset(), { from, to });
    expect(r.rows.map((x) => x.key['value'])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(r.rows.every((x) => /^\d+%$/.test(x.cells['ytd']?.display ?? ''))).toBe(true);
    expect(r.rows.every((x) => Number(x.key['cohort_latest_week']) > 0)).toBe(true);
  });
  test('pupil-groups: every group of a field adds up to the whole', () => {
    const r = pupilGroups(tinyDataset(), { from, to });
    const total = summarise(tinyDataset(), { from, to }).rows[0]?.possible_sessions;
    for (const field of ['sex', 'fsm6', 'sen', 'eal']) {
      const sum = r.rows.filter((x) => x.key['group'] === field).reduce((a, x) => a + (x.cells['ytd']?.denominator ?? 0), 0);
      expect(sum).toBe(total);
    }
  });
});

describe('disclosure', () => {
  test('cells of fewer pupils than minGroupSize are withheld as c, with nothing to work them out from', () => {
    const r = yearGroups(tinyDataset(), { from, to, minGroupSize: 30, comparator });
    const cells = r.rows.flatMap((x) => Object.values(x.cells));
    const withheld = cells.filter((c) => c.suppressed);
    expect(withheld.length).toBeGreaterThan(0);
    expect(cells.some((c) => !c.suppressed && c.value !== null)).toBe(true);
    for (const c of withheld) expect(c).toEqual({ value: null, numerator: null, denominator: null, comparator: null, difference: null, band: null, significant: null, suppressed: true, display: 'c' });
    expect(r.notes.some((n) => n.includes('fewer than 30 pupils'))).toBe(true);
  });
});

describe('comparators', () => {
  test('the ytd comparator pools the weeks\' published sessions (not a mean of weekly rates)', () => {
    // Week i: (9000 + 100 i) attended of (10000 + 1000 i) possible, by hand.
    const ms = mondaysOf(from, to);
    const varying = new Map(ms.map((m, i) => [m, nationalCells(9000 + 100 * i, 10_000 + 1000 * i)]));
    const r = summaryReport(tinyDataset(), { from, to, comparator: { kind: 'national', weeks: varying } });
    const att = ms.reduce((a, _, i) => a + 9000 + 100 * i, 0);
    const pos = ms.reduce((a, _, i) => a + 10_000 + 1000 * i, 0);
    expect(r.rows[0]?.cells['ytd']?.comparator).toBeCloseTo((att * 100) / pos, 12);
    expect(r.rows[0]?.cells['2024-09-09']?.comparator).toBeCloseTo((9100 * 100) / 11_000, 12);
  });
  test('regional: the region is read from the LA\'s own cell', () => {
    const regional = new Map(
      mondaysOf(from, to).map((m) => [
        m,
        [
          { level: 'la' as const, code: '999', regionCode: 'E12000009', phase: 'Total' },
          { level: 'regional' as const, code: 'E12000009', phase: 'Total', counts: { possible: 1000, byMeasure: { attendance: 950 } } },
          { level: 'regional' as const, code: 'E12000001', phase: 'Total', counts: { possible: 1000, byMeasure: { attendance: 800 } } },
        ],
      ]),
    );
    const r = summaryReport(tinyDataset(), { from, to, comparator: { kind: 'regional', weeks: regional } });
    expect(r.comparator.kind).toBe('regional');
    expect(r.rows[0]?.cells['ytd']?.comparator).toBe(95);
  });
});

describe('bad input: an empty table with a note, never a crash or a made-up figure', () => {
  const ids = Object.keys(REPORTS) as (keyof typeof REPORTS)[];
  // statistical-neighbours reads DfE's published LA rows, not the dataset, by default: its own tests
  // cover a period or phase DfE did not publish (statistical-neighbours.test.ts).
  const fromDataset = ids.filter((id) => id !== 'statistical-neighbours');
  test.each(fromDataset)('%s: a period with no data', (id) => {
    const r = REPORTS[id].run(tinyDataset(), { from: '2030-01-06' as IsoDate, to: '2030-01-10' as IsoDate, comparator });
    expect(r.rows).toEqual([]);
    expect(r.notes.some((n) => n.includes('No possible sessions'))).toBe(true);
  });
  test.each(fromDataset)('%s: a filter that matches nobody', (id) => {
    const r = REPORTS[id].run(tinyDataset(), { from, to, filters: [{ field: 'year_group', value: '14' }] });
    expect(r.rows).toEqual([]);
    expect(r.notes.some((n) => n.includes('year_group = "14"'))).toBe(true);
  });
  test.each(ids)('%s: a school not in the dataset', (id) => {
    const r = REPORTS[id].run(tinyDataset(), { from, to, schools: ['000000'] });
    expect(r.rows).toEqual([]);
    expect(r.notes).toContain('School 000000 is not in the dataset.');
  });
  test.each(ids)('%s: dates that are not real dates', (id) => {
    const r = REPORTS[id].run(tinyDataset(), { from: '2024-02-30' as IsoDate, to: 'soon' as IsoDate, comparator });
    expect(r.rows).toEqual([]);
    expect(r.notes[0]).toContain('are not real dates');
  });
  test('a school with no sessions for the filter is named in a note', () => {
    // Year 8 is taught at the secondary (999002) and special (999004) schools, not at the primaries.
    const r = attendanceSummary(tinyDataset(), { from, to, filters: [{ field: 'year_group', value: '8' }] });
    expect(r.rows.map((x) => x.key['school_urn']).filter((u) => u !== undefined).sort()).toEqual(['999002']);
    expect(r.notes).toContain('School 999001 has no possible sessions in the period for the pupils asked for: no row.');
  });
  test('a period that ends before it starts', () => {
    const r = attendanceSummary(tinyDataset(), { from: to, to: from });
    expect(r.rows).toEqual([]);
    expect(r.notes.some((n) => n.includes('ends before it starts'))).toBe(true);
  });
  test('a comparator without a week: that week has no comparator and a note says why', () => {
    const partial = new Map([...weeks].filter(([m]) => m !== '2024-09-16'));
    const r = weeklyAttendance(tinyDataset(), { from, to, comparator: { kind: 'national', weeks: partial } });
    expect(r.rows[0]?.cells['2024-09-16']?.comparator).toBeNull();
    expect(r.rows[0]?.cells['2024-09-09']?.comparator).toBe(93);
    // By default the period comparator pools the published weeks, and the note names the missing one.
    expect(r.rows[0]?.cells['ytd']?.comparator).toBe(93);
    expect(r.notes.some((n) => n.includes('no published data for the weeks of 2024-09-16'))).toBe(true);
    const strict = weeklyAttendance(tinyDataset(), { from, to, comparator: { kind: 'national', weeks: partial }, strictComparator: true });
    expect(strict.rows[0]?.cells['ytd']?.comparator).toBeNull();
    expect(strict.rows[0]?.cells['ytd']?.band).toBeNull();
  });
  test('a regional comparator with no LA row in the cells says so', () => {
    const r = attendanceSummary(tinyDataset(), { from, to, comparator: { kind: 'regional', weeks } });
    expect(r.rows[0]?.cells['ytd']?.comparator).toBeNull();
    expect(r.notes.some((n) => n.includes('no region'))).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { NO_MINUTES, toDayNumber, type IsoDate, type Session } from '@attendance-kit/core';
import { datasetFromRaw, type RawMark } from '@attendance-kit/core/testing';
import { nationalCells } from '../test/fixture.js';
import { mondaysOf } from './table.js';
import { attendanceProfile, PROFILE_PA, WHOLE_PERIOD } from './profile.js';

/**
 * One primary school, two Year 3 pupils: A (girl, FSM6) and B (boy, not FSM6), with marks in autumn 1
 * and autumn 2 (England's default half-terms) as listed; expected figures are counted by hand.
 */
const mark = (enrolment: number, date: string, session: Session, code: string): RawMark => ({ enrolment, day: toDayNumber(date), session, code, minutesLate: NO_MINUTES, recordedAt: Number.NaN });
const dataset = datasetFromRaw({
  academicYear: 2024,
  schools: [{ urn: '100001', laCode: '926', phase: 'primary', name: 'Hand School' }],
  enrolments: [
    { school: 0, pupilId: 'A', dateOfBirth: '2016-05-01' as IsoDate, sex: 'F', yearGroup: '3', fsm6: true, eal: false, sen: 'N', ethnicity: 'WBRI', enrolmentStatus: 'C' },
    { school: 0, pupilId: 'B', dateOfBirth: '2016-06-01' as IsoDate, sex: 'M', yearGroup: '3', fsm6: false, eal: false, sen: 'N', ethnicity: 'WBRI', enrolmentStatus: 'C' },
  ],
  marks: [
    // Autumn 1: A present, ill, present, present (1 absence of 4); B present twice (0 of 2).
    mark(0, '2024-09-09', 'AM', '/'),
    mark(0, '2024-09-09', 'PM', 'I'),
    mark(0, '2024-09-10', 'AM', '/'),
    mark(0, '2024-09-10', 'PM', '/'),
    mark(1, '2024-09-09', 'AM', '/'),
    mark(1, '2024-09-09', 'PM', '/'),
    // Autumn 2: A unauthorised twice (2 of 2); B medical then present (1 of 2).
    mark(0, '2024-11-04', 'AM', 'O'),
    mark(0, '2024-11-04', 'PM', 'O'),
    mark(1, '2024-11-04', 'AM', 'M'),
    mark(1, '2024-11-04', 'PM', '/'),
  ],
});
const options = { from: '2024-09-02' as IsoDate, to: '2024-12-20' as IsoDate, periodLabel: 'Autumn 2024/25' };
const report = attendanceProfile(dataset, options);
const row = (part: string, group: string, value = '') => report.rows.find((r) => r.key['part'] === part && r.key['group'] === group && r.key['value'] === value);

describe('attendanceProfile on a hand-made school', () => {
  test('parts: the whole period, then autumn 1 and autumn 2; groups: all pupils, then each characteristic', () => {
    expect([...new Set(report.rows.map((r) => r.key['part']))]).toEqual([WHOLE_PERIOD, 'autumn1', 'autumn2']);
    expect(report.rows.filter((r) => r.key['part'] === WHOLE_PERIOD).map((r) => r.key['name'])).toEqual([
      'Autumn 2024/25: all pupils',
      'Autumn 2024/25: Year 3',
      'Autumn 2024/25: Gender F',
      'Autumn 2024/25: Gender M',
      'Autumn 2024/25: FSM6 false',
      'Autumn 2024/25: FSM6 true',
      'Autumn 2024/25: SEN N',
      'Autumn 2024/25: EAL false',
      'Autumn 2024/25: Ethnicity White',
    ]);
  });

  test('whole period: 4 absences (I, O, O, M) in 10 sessions; 2 authorised, 2 unauthorised; both pupils at least 10% absent', () => {
    const c = row(WHOLE_PERIOD, 'all')?.cells;
    expect(c?.['overall_absence']).toMatchObject({ numerator: 4, denominator: 10, display: '40.0%' });
    expect(c?.['attendance']).toMatchObject({ numerator: 6, denominator: 10, display: '60.0%' });
    expect(c?.['authorised_absence']).toMatchObject({ numerator: 2, denominator: 10 });
    expect(c?.['unauthorised_absence']).toMatchObject({ numerator: 2, denominator: 10 });
    expect(c?.[PROFILE_PA]).toMatchObject({ numerator: 2, denominator: 2, display: '100.0%' });
  });

  test('code-level detail: autumn 1 illness is 1 of 6 sessions (16.7%); autumn 2 other unauthorised 2 of 4, medical 1 of 4', () => {
    expect(row('autumn1', 'all')?.cells['illness']).toMatchObject({ numerator: 1, denominator: 6, display: '16.7%' });
    expect(row('autumn2', 'all')?.cells['unauth_oth']).toMatchObject({ numerator: 2, denominator: 4, display: '50.0%' });
    expect(row('autumn2', 'all')?.cells['appointments']).toMatchObject({ numerator: 1, denominator: 4, display: '25.0%' });
    expect(row('autumn1', 'all')?.cells['unauth_oth']).toMatchObject({ numerator: 0, denominator: 6, display: '0.0%' });
  });

  test('PA per half-term is decided on the half-term\'s own sessions: autumn 1 only A (1 of 4 = 25%), B had none', () => {
    expect(row('autumn1', 'all')?.cells[PROFILE_PA]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(row('autumn2', 'all')?.cells[PROFILE_PA]).toMatchObject({ numerator: 2, denominator: 2 });
  });

  test('by characteristic: FSM6 pupils (A) in autumn 2 were absent unauthorised both sessions', () => {
    expect(row('autumn2', 'fsm6', 'true')?.cells['unauthorised_absence']).toMatchObject({ numerator: 2, denominator: 2, display: '100.0%' });
    expect(row('autumn2', 'sex', 'M')?.cells['authorised_absence']).toMatchObject({ numerator: 1, denominator: 2 });
  });

  test('reasons as a share of absence: autumn 2 had 3 absences, 2 of them O', () => {
    const r = attendanceProfile(dataset, { ...options, reasonShare: 'absence' });
    expect(r.rows.find((x) => x.key['part'] === 'autumn2' && x.key['group'] === 'all')?.cells['unauth_oth']).toMatchObject({ numerator: 2, denominator: 3, display: '66.7%', comparator: null });
    expect(r.notes.join(' ')).toMatch(/share of all absence sessions/);
  });

  test('a national comparator pools the weeks of each part: 93% attendance everywhere, so the whole period (60%) is 33 points worse', () => {
    const weeks = new Map(mondaysOf(options.from, options.to).map((m) => [m, nationalCells(9300, 10_000)]));
    const r = attendanceProfile(dataset, { ...options, comparator: { kind: 'national', weeks } });
    const c = r.rows.find((x) => x.key['part'] === WHOLE_PERIOD && x.key['group'] === 'all')?.cells['attendance'];
    expect(c?.comparator).toBeCloseTo(93, 10);
    expect(c?.band).toEqual({ level: 3, direction: 'worse' });
    expect(r.comparator.kind).toBe('national');
  });

  test('a regional comparator for an LA the weekly cells do not place in a region: no comparator, and a note says why', () => {
    const weeks = new Map(mondaysOf(options.from, options.to).map((m) => [m, nationalCells(9300, 10_000)]));
    const r = attendanceProfile(dataset, { ...options, comparator: { kind: 'regional', weeks } });
    expect(r.rows[0]?.cells['attendance']?.comparator).toBeNull();
    expect(r.notes.join(' ')).toMatch(/No regional comparator for Attendance \(Primary\): LA 926 has no region in the data/);
  });

  test('small groups are withheld as c; the totals are not', () => {
    const r = attendanceProfile(dataset, { ...options, minGroupSize: 2 });
    expect(r.rows.find((x) => x.key['part'] === WHOLE_PERIOD && x.key['group'] === 'sex' && x.key['value'] === 'F')?.cells['attendance']?.display).toBe('c');
    expect(r.rows.find((x) => x.key['part'] === WHOLE_PERIOD && x.key['group'] === 'all')?.cells['attendance']?.display).toBe('60.0%');
  });
});

describe('attendanceProfile: bad input', () => {
  test('a period with no sessions, a filter matching nobody, an unknown school: an empty table and a note', () => {
    const none = attendanceProfile(dataset, { from: '2025-01-06' as IsoDate, to: '2025-01-10' as IsoDate });
    expect(none.rows).toEqual([]);
    expect(none.notes.join(' ')).toMatch(/No possible sessions between 2025-01-06 and 2025-01-10/);
    const nobody = attendanceProfile(dataset, { ...options, filters: [{ field: 'year_group', value: '9' }] });
    expect(nobody.rows).toEqual([]);
    expect(nobody.notes.join(' ')).toMatch(/year_group = "9"/);
    const school = attendanceProfile(dataset, { ...options, schools: ['999999'] });
    expect(school.rows).toEqual([]);
    expect(school.notes.join(' ')).toMatch(/School 999999 is not in the dataset/);
  });
  test('a period that ends before it starts', () => {
    const r = attendanceProfile(dataset, { from: '2024-12-20' as IsoDate, to: '2024-09-02' as IsoDate });
    expect(r.rows).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/ends before it starts/);
  });
});

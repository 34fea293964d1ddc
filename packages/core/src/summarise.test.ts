import { describe, expect, it } from 'vitest';
import type { Enrolment, School } from './dataset.js';
import { NO_MINUTES } from './dataset.js';
import { toDayNumber, type IsoDate, type Session } from './dates.js';
import { PROFILES, type Profile } from './population.js';
import { summarise } from './summarise.js';
import { datasetFromRaw, type RawMark } from './testing/datasets.js';

/*
 * A tiny LA, worked by hand. Period 2025-05-19 (Mon) to 2025-05-30 (Fri); the spring bank holiday is
 * Monday 2025-05-26, so under `dfe` a 15-year-old's sessions from that day are removed.
 *
 * E0  school A, P1, Y3 (aged 7), F, FSM  / / I I L / (I on 20 May PM replaced an earlier N): possible 6, absence 2 (33%: PA)
 * E1  school A, P2, Y11 (aged 15), M     / U before the holiday; G / after it (removed under dfe)
 * E2  school B, P1 (moved), Y3, FSM      D V M: possible 2 (V, M), absence 1 (50%: PA and severe)
 * E3  school B, P3, reception (aged 4)   /: outside dfe (ages 5-15), in `all`
 * E4  school B, P4, Y5                   # #: no possible session, so in no figure
 * A G on 16 May (before the period) is never counted.
 */
const schools: School[] = [
  { urn: '100101', laCode: '926', phase: 'primary' },
  { urn: '100108', laCode: '926', phase: 'secondary' },
];
const enrolments: Enrolment[] = [
  { school: 0, pupilId: 'P1', yearGroup: '3', sex: 'F', fsm: true, enrolmentStatus: 'C' },
  { school: 0, pupilId: 'P2', yearGroup: '11', sex: 'M', fsm: false, enrolmentStatus: 'C' },
  { school: 1, pupilId: 'P1', yearGroup: '3', fsm: true, enrolmentStatus: 'C' },
  { school: 1, pupilId: 'P3', yearGroup: 'R', enrolmentStatus: 'C' },
  { school: 1, pupilId: 'P4', yearGroup: '5', enrolmentStatus: 'C' },
];
const mark = (enrolment: number, date: string, session: Session, code: string, recordedAt = Number.NaN, minutesLate = NO_MINUTES): RawMark => ({
  enrolment,
  day: toDayNumber(date),
  session,
  code,
  minutesLate,
  recordedAt,
});
const marks: RawMark[] = [
  mark(0, '2025-05-16', 'AM', 'G'),
  mark(0, '2025-05-19', 'AM', '/'),
  mark(0, '2025-05-19', 'PM', '/'),
  mark(0, '2025-05-20', 'AM', 'I'),
  mark(0, '2025-05-20', 'PM', 'I', Date.parse('2025-05-21T09:00:00Z')),
  mark(0, '2025-05-21', 'AM', 'L', Number.NaN, 10),
  mark(0, '2025-05-21', 'PM', '/'),
  mark(1, '2025-05-19', 'AM', '/'),
  mark(1, '2025-05-19', 'PM', 'U'),
  mark(1, '2025-05-27', 'AM', 'G'),
  mark(1, '2025-05-27', 'PM', '/'),
  mark(2, '2025-05-28', 'AM', 'D'),
  mark(2, '2025-05-28', 'PM', 'V'),
  mark(2, '2025-05-29', 'AM', 'M'),
  mark(3, '2025-05-19', 'AM', '/'),
  mark(4, '2025-05-19', 'AM', '#'),
  mark(4, '2025-05-19', 'PM', '#'),
  // An older version of E0's 20 May PM mark, later in the file: the newer timestamp still wins.
  mark(0, '2025-05-20', 'PM', 'N', Date.parse('2025-05-20T13:00:00Z')),
];
const dataset = datasetFromRaw({ schools, enrolments, marks, academicYear: 2024 });
const period = { from: '2025-05-19' as IsoDate, to: '2025-05-30' as IsoDate };

describe('summarise', () => {
  it('groups by school under dfe (hand-computed)', () => {
    const { rows } = summarise(dataset, { ...period, profile: 'dfe', by: ['school'] });
    expect(rows).toEqual([
      {
        // E0 + E1 (E1's sessions from 26 May removed): possible 6 + 2.
        school_urn: '100101',
        enrolments: 2,
        possible_sessions: 8,
        present_sessions: 5,
        approved_educational_activity: 0,
        overall_attendance: 5,
        overall_absence: 3,
        authorised_absence: 2,
        unauthorised_absence: 1,
        late_sessions: 2, // L and U
        not_possible_sessions: 0,
        unmarked_sessions: 0,
        sessions_by_code: { '/': 4, L: 1, I: 2, U: 1 },
        pa_enrolments: 2, // E0 2/6, E1 1/2
        severe_absence_enrolments: 1, // E1 1/2
        attendance_perc: 62.5,
        overall_absence_perc: 37.5,
        authorised_absence_perc: 25,
        unauthorised_absence_perc: 12.5,
        pa_perc: 100,
      },
      {
        // E2 only: E3 is aged 4, E4 has no possible session (so its # marks are not counted either).
        school_urn: '100108',
        enrolments: 1,
        possible_sessions: 2,
        present_sessions: 0,
        approved_educational_activity: 1,
        overall_attendance: 1,
        overall_absence: 1,
        authorised_absence: 1,
        unauthorised_absence: 0,
        late_sessions: 0,
        not_possible_sessions: 1,
        unmarked_sessions: 0,
        sessions_by_code: { D: 1, V: 1, M: 1 },
        pa_enrolments: 1,
        severe_absence_enrolments: 1,
        attendance_perc: 50,
        overall_absence_perc: 50,
        authorised_absence_perc: 50,
        unauthorised_absence_perc: 0,
        pa_perc: 100,
      },
    ]);
  });

  it('keeps every enrolment and session under `all`, in one row without `by`', () => {
    const [row, ...rest] = summarise(dataset, { ...period, profile: 'all' }).rows;
    expect(rest).toEqual([]);
    // E0 6 + E1 4 (G and / after the holiday now count) + E2 2 + E3 1 = 13 possible.
    expect(row).toMatchObject({
      enrolments: 4,
      possible_sessions: 13,
      present_sessions: 7,
      overall_attendance: 8,
      authorised_absence: 3,
      unauthorised_absence: 2,
      not_possible_sessions: 1,
      pa_enrolments: 3, // E0 2/6, E1 2/4, E2 1/2 (E3 0/1 is not)
      severe_absence_enrolments: 2, // E1, E2
      pa_perc: 75,
    });
    expect(Object.keys(row ?? {})).not.toContain('school_urn');
  });

  it('filters on pupils.csv values and orders year groups in register order', () => {
    const fsm = summarise(dataset, { ...period, filter: [{ field: 'fsm', value: 'true' }], by: ['la'] }).rows;
    // E0 and E2: possible 6 + 2.
    expect(fsm.map((r) => [r.la_code, r.enrolments, r.possible_sessions])).toEqual([['926', 2, 8]]);
    const years = summarise(dataset, { ...period, by: ['year_group'] }).rows;
    expect(years.map((r) => [r.year_group, r.enrolments])).toEqual([
      ['3', 2],
      ['11', 1],
    ]);
  });

  it("reports an unknown characteristic as '' and sorts it first", () => {
    const bySex = summarise(dataset, { ...period, by: ['sex'] }).rows;
    expect(bySex.map((r) => [r.sex, r.enrolments])).toEqual([
      ['', 1],
      ['F', 1],
      ['M', 1],
    ]);
    const unknown = summarise(dataset, { ...period, filter: [{ field: 'sex', value: '' }] }).rows;
    expect(unknown[0]?.enrolments).toBe(1); // E2
  });

  it('gives one row of zeros and null rates when nothing is counted', () => {
    const { rows } = summarise(dataset, { from: '2025-06-02' as IsoDate, to: '2025-06-06' as IsoDate });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ enrolments: 0, possible_sessions: 0, sessions_by_code: {}, attendance_perc: null, pa_perc: null });
    expect(summarise(dataset, { from: '2025-06-02' as IsoDate, to: '2025-06-06' as IsoDate, by: ['school'] }).rows).toEqual([]);
  });

  it('removes a 15-year-old\'s sessions from the spring bank holiday itself (26 May AM), not the day after', () => {
    const raw = { schools, enrolments: [enrolments[1] as Enrolment], academicYear: 2024 };
    const onHoliday = datasetFromRaw({ ...raw, marks: [mark(0, '2025-05-23', 'PM', '/'), mark(0, '2025-05-26', 'AM', 'O')] });
    expect(summarise(onHoliday, period).rows[0]).toMatchObject({ possible_sessions: 1, overall_absence: 0 });
    expect(summarise(onHoliday, { ...period, profile: 'all' }).rows[0]).toMatchObject({ possible_sessions: 2, overall_absence: 1 });
  });

  it("applies a profile's own PA and severe thresholds", () => {
    // dfe, but PA at 40% and severe at one third. School A: E0 2/6 (33%): severe but not PA; E1 1/2: both.
    const strict: Profile = { ...PROFILES.dfe, id: 'strict', persistent: { num: 2, den: 5 }, severe: { num: 1, den: 3 } };
    const [a] = summarise(dataset, { ...period, profile: strict, by: ['school'] }).rows;
    expect(a).toMatchObject({ school_urn: '100101', pa_enrolments: 1, severe_absence_enrolments: 2, pa_perc: 50 });
  });

  it('leaves code N out of every figure when the profile says N does not count', () => {
    const raw = { schools, enrolments: [enrolments[0] as Enrolment], academicYear: 2024 };
    const withN = datasetFromRaw({ ...raw, marks: [mark(0, '2025-05-19', 'AM', '/'), mark(0, '2025-05-19', 'PM', 'N')] });
    const noN: Profile = { ...PROFILES.dfe, id: 'no-n', countN: false };
    expect(summarise(withN, { ...period, profile: noN }).rows[0]).toMatchObject({ possible_sessions: 1, unauthorised_absence: 0, sessions_by_code: { '/': 1 } });
    expect(summarise(withN, period).rows[0]).toMatchObject({ possible_sessions: 2, unauthorised_absence: 1, sessions_by_code: { '/': 1, N: 1 } });
  });
});

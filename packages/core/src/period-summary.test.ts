import { describe, expect, test } from 'vitest';
import { defaultCalendar } from './calendar/default-calendar.js';
import { halfTermPeriod, rangePeriod, weekPeriod, yearToDate } from './calendar/periods.js';
import type { Enrolment, School } from './dataset.js';
import { toDayNumber, type IsoDate } from './dates.js';
import { summarisePeriod } from './period-summary.js';
import { customProfile, PROFILES } from './population.js';
import { datasetFromRaw, type RawMark } from './testing/datasets.js';

const d = (s: string) => s as IsoDate;
const schools: School[] = [
  { urn: '100101', laCode: '926', phase: 'primary' },
  { urn: '100108', laCode: '926', phase: 'primary' },
];
const enrolments: Enrolment[] = [
  { school: 0, pupilId: 'P1', yearGroup: '5', enrolmentStatus: 'C', ethnicity: 'WBRI', sen: 'K' },
  { school: 1, pupilId: 'P1', yearGroup: '5', enrolmentStatus: 'C', ethnicity: 'WBRI', sen: 'K' },
  { school: 0, pupilId: 'P2', yearGroup: '5', enrolmentStatus: 'C', ethnicity: 'APKN' },
  { school: 0, pupilId: 'P3', yearGroup: 'R', enrolmentStatus: 'C' },
];
const mark = (enrolment: number, date: string, session: 'AM' | 'PM', code: string): RawMark => ({
  enrolment,
  day: toDayNumber(date),
  session,
  code,
  minutesLate: 0xffff,
  recordedAt: Number.NaN,
});
// P1 at school 0: week 1 one of 2 sessions absent, week 2 present twice; P1 at school 1: week 2 two N.
const dataset = datasetFromRaw({
  schools,
  enrolments,
  academicYear: 2024,
  marks: [
    mark(0, '2024-09-02', 'AM', '/'),
    mark(0, '2024-09-02', 'PM', 'I'),
    mark(0, '2024-09-09', 'AM', '/'),
    mark(0, '2024-09-09', 'PM', '/'),
    mark(1, '2024-09-10', 'AM', 'N'),
    mark(1, '2024-09-10', 'PM', 'N'),
    mark(2, '2024-09-03', 'AM', '/'),
    mark(2, '2024-09-03', 'PM', '/'),
    mark(3, '2024-09-03', 'AM', 'O'),
  ],
});
const twoWeeks = rangePeriod(d('2024-09-02'), d('2024-09-15'));

describe('summarisePeriod', () => {
  test('by week: one row per Monday, the week key an ISO date', () => {
    const rows = summarisePeriod(dataset, { period: twoWeeks, by: ['week'] }).rows;
    expect(rows.map((r) => [r['week'], r.enrolments, r.possible_sessions, r.overall_absence, r.pa_enrolments])).toEqual([
      ['2024-09-02', 2, 4, 1, 1],
      ['2024-09-09', 2, 4, 2, 1],
    ]);
  });
  test('--week: the week commencing the Monday only', () => {
    const [row] = summarisePeriod(dataset, { period: weekPeriod(d('2024-09-09')) }).rows;
    expect(row?.possible_sessions).toBe(4);
  });
  test('as of a date: year to date stops at it', () => {
    const [row] = summarisePeriod(dataset, { period: yearToDate(d('2024-09-06')) }).rows;
    expect(row?.possible_sessions).toBe(4);
  });
  test('fft keeps the Reception pupil that dfe leaves out', () => {
    const dfe = summarisePeriod(dataset, { period: twoWeeks }).rows[0];
    const fft = summarisePeriod(dataset, { period: twoWeeks, profile: 'fft' }).rows[0];
    expect([dfe?.possible_sessions, fft?.possible_sessions, fft?.enrolments]).toEqual([8, 9, 4]);
  });
  test('a profile that does not count N leaves those sessions out of every figure', () => {
    const [row] = summarisePeriod(dataset, { period: twoWeeks, profile: customProfile(PROFILES.dfe, { countN: false }) }).rows;
    expect([row?.possible_sessions, row?.enrolments, row?.sessions_by_code['N']]).toEqual([6, 2, undefined]);
  });
  test('pupil-based PA: the PA follows the pupil, each school keeps its own sessions', () => {
    const byEnrolment = summarisePeriod(dataset, { period: twoWeeks, by: ['school'] }).rows;
    const byPupil = summarisePeriod(dataset, { period: twoWeeks, by: ['school'], profile: customProfile(PROFILES.dfe, { paBasis: 'pupil' }) }).rows;
    // P1 overall: 3 absent of 6 possible = 50%, severe; at school 0 alone 1 of 4 (PA, not severe).
    expect(byEnrolment.map((r) => [r['school_urn'], r.possible_sessions, r.pa_enrolments, r.severe_absence_enrolments])).toEqual([
      ['100101', 6, 1, 0],
      ['100108', 2, 1, 1],
    ]);
    expect(byPupil.map((r) => [r['school_urn'], r.possible_sessions, r.pupils, r.pa_enrolments, r.severe_absence_enrolments, r.pa_perc])).toEqual([
      ['100101', 6, 2, 1, 1, 50],
      ['100108', 2, 1, 1, 1, 100],
    ]);
  });
  test('a minimum of possible sessions takes short enrolments out of the PA base', () => {
    const rows = summarisePeriod(dataset, { period: twoWeeks, by: ['school'], profile: customProfile(PROFILES.dfe, { minPossibleForPa: 3 }) }).rows;
    expect(rows.map((r) => [r.enrolments, r.pa_base, r.pa_enrolments, r.pa_perc])).toEqual([
      [2, 1, 1, 100],
      [1, 0, 0, null],
    ]);
  });
  test("half-terms come from each school's own calendar", () => {
    const base = defaultCalendar(2024);
    const late = { ...base, halfTerms: base.halfTerms.map((h) => (h.name === 'autumn1' ? { ...h, from: d('2024-09-09') } : h)) };
    const rows = summarisePeriod(dataset, { period: halfTermPeriod(2024, 'autumn1'), calendars: [late, undefined], by: ['school', 'half_term'] }).rows;
    expect(rows.map((r) => [r['school_urn'], r['half_term'], r.possible_sessions])).toEqual([
      ['100101', 'autumn1', 2],
      ['100108', 'autumn1', 2],
    ]);
  });
  test('derived fields group and filter: ethnicity major group and SEN status', () => {
    const rows = summarisePeriod(dataset, { period: twoWeeks, by: ['ethnicity_major', 'sen_status'] }).rows;
    expect(rows.map((r) => [r['ethnicity_major'], r['sen_status'], r.enrolments])).toEqual([
      ['Asian', '', 1],
      ['White', 'sen_support', 2],
    ]);
    const [white] = summarisePeriod(dataset, { period: twoWeeks, filter: [{ field: 'ethnicity_major', value: 'White' }] }).rows;
    expect(white?.possible_sessions).toBe(6);
  });
  test('no counted enrolment: one empty overall row', () => {
    const [row] = summarisePeriod(dataset, { period: rangePeriod(d('2025-01-06'), d('2025-01-10')) }).rows;
    expect([row?.enrolments, row?.possible_sessions, row?.pa_perc]).toEqual([0, 0, null]);
  });
});

describe('summarisePeriod week labels', () => {
  test('week-ending labels a week by its Friday (FFT), the figures unchanged', () => {
    const monday = summarisePeriod(dataset, { period: twoWeeks, by: ['week'] }).rows;
    const friday = summarisePeriod(dataset, { period: twoWeeks, by: ['week'], weekLabel: 'week-ending' }).rows;
    expect(friday.map((r) => r['week'])).toEqual(['2024-09-06', '2024-09-13']);
    expect(friday.map((r) => r.possible_sessions)).toEqual(monday.map((r) => r.possible_sessions));
  });
});

describe('summarisePeriod previously looked after', () => {
  test('known only from pupil_characteristics rows; unknown otherwise', async () => {
    const { checkCharacteristics } = await import('./characteristic-timeline.js');
    const { characteristics, issues } = checkCharacteristics([{ schoolUrn: '100101', pupilId: 'P2', field: 'previously_looked_after', value: 'true' }], dataset);
    expect(issues).toEqual([]);
    const rows = summarisePeriod(dataset, { period: twoWeeks, by: ['previously_looked_after'], characteristics }).rows;
    expect(rows.map((r) => [r['previously_looked_after'], r.enrolments, r.possible_sessions])).toEqual([
      ['', 2, 6],
      ['true', 1, 2],
    ]);
  });
});

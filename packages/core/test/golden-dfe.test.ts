/**
 * Golden test against DfE's published figures: "Pupil attendance in schools" (daily register data),
 * full academic years 2023/24 and 2024/25, every national, regional and local-authority row of
 * state-funded primary, secondary and special schools (data/dfe-pupil-attendance, see its README).
 *
 * For each row we rebuild a tally from the published session counts by code and check that the
 * core's derived counts equal DfE's totals and that its rate functions reproduce DfE's published
 * unrounded percentages to within 1e-9. "Total" rows are skipped: DfE weights phases by census
 * counts there (reference §4.7), so they are not pooled sums; comparators handle them.
 */
import { parse } from 'csv-parse/sync';
import * as O from 'fp-ts/lib/Option.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CODE_TABLE,
  absence,
  aeaSessions,
  attendance,
  attendanceRate,
  authorised,
  authorisedAbsenceRate,
  lateSessions,
  overallAbsenceRate,
  percent,
  possible,
  presentSessions,
  reasonRate,
  tallyFromCodes,
  unauthorised,
  unauthorisedAbsenceRate,
  type Ratio,
  type Tally,
} from '../src/index.js';

type Row = Readonly<Record<string, string>>;

/** DfE daily-data reason columns -> register codes, from codes.ts (`dfeReason`), plus older names. */
const REASON_CODE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(CODE_TABLE.flatMap((c) => (c.dfeReason === undefined ? [] : [[c.dfeReason, c.code]]))),
  // 2023/24 file names for the same codes: T was "Gypsy, Roma and Traveller absence" before 2024;
  // D was listed among the AEA columns but is not counted in approved_educational_activity.
  reason_t_authorised_grt_absence: 'T',
  reason_d_aea_dual_registration: 'D',
};

/** DfE's reason rate columns -> the code whose sessions / possible they are. */
const REASON_PERC: Readonly<Record<string, string>> = {
  illness_perc: 'I',
  appointments_perc: 'M',
  auth_religious_perc: 'R',
  auth_study_perc: 'S',
  auth_mob_perc: 'T',
  auth_grt_perc: 'T',
  auth_holiday_perc: 'H',
  auth_excluded_perc: 'E',
  auth_performance_perc: 'C1',
  auth_interview_perc: 'J1',
  auth_part_time_perc: 'C2',
  auth_other_perc: 'C',
  unauth_hol_perc: 'G',
  unauth_oth_perc: 'O',
  unauth_late_registers_closed_perc: 'U',
  unauth_not_yet_perc: 'N',
};

const PHASES = new Set(['Primary', 'Secondary', 'Special']);

const read = (name: string): readonly Row[] =>
  parse(readFileSync(new URL(`../../../data/dfe-pupil-attendance/${name}`, import.meta.url), 'utf8'), { columns: true }) as Row[];

const int = (row: Row, field: string): number => {
  const v = row[field];
  if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${field} is not a count: ${v}`);
  return Number(v);
};

const pct = (r: O.Option<Ratio>): number => (O.isSome(r) ? percent(r.value) : Number.NaN);

/**
 * The row's tally and how many authorised sessions its reasons miss. Where DfE's authorised total
 * exceeds its listed reasons (a legacy code not exported, reference §1 notes), the gap goes to the
 * legacy `F` column so the authorised total, and so every rate, is DfE's.
 */
const tallyOfRow = (row: Row): { readonly tally: Tally; readonly gap: number } => {
  const counts: Record<string, number> = {};
  for (const field of Object.keys(row)) {
    if (!field.startsWith('reason_') || field === 'reason_present') continue;
    const code = REASON_CODE[field];
    if (code === undefined) throw new Error(`No code for DfE column ${field}`);
    counts[code] = (counts[code] ?? 0) + int(row, field);
  }
  const listed = authorised(tallyFromCodes(counts));
  const gap = int(row, 'authorised_absence') - listed;
  return { tally: tallyFromCodes({ ...counts, F: gap }), gap };
};

describe.each(['2023-24_year.csv', '2024-25_year.csv'])('DfE pupil attendance %s', (file) => {
  const rows = read(file).filter((r) => PHASES.has(r.school_type ?? ''));
  const suppressed = rows.filter((r) => r.possible_sessions === 'c');
  const checked = rows.filter((r) => r.possible_sessions !== 'c');

  it('has more than 450 primary, secondary and special rows to check, and only a few suppressed', () => {
    expect(checked.length).toBeGreaterThan(450);
    expect(suppressed.length).toBeLessThan(10);
  });

  it('reproduces every published count from the sessions by code', () => {
    for (const row of checked) {
      const { tally, gap } = tallyOfRow(row);
      const where = `${row.geographic_level} ${row.la_name || row.region_name || row.country_name} ${row.school_type}`;
      expect(gap, `authorised gap, ${where}`).toBeGreaterThanOrEqual(0);
      expect(gap, `authorised gap, ${where}`).toBeLessThanOrEqual(0.005 * int(row, 'authorised_absence'));
      expect(presentSessions(tally), `present, ${where}`).toBe(int(row, 'present_sessions'));
      expect(aeaSessions(tally), `AEA, ${where}`).toBe(int(row, 'approved_educational_activity'));
      expect(attendance(tally), `attendance, ${where}`).toBe(int(row, 'overall_attendance'));
      expect(unauthorised(tally), `unauthorised, ${where}`).toBe(int(row, 'unauthorised_absence'));
      expect(authorised(tally), `authorised, ${where}`).toBe(int(row, 'authorised_absence'));
      expect(absence(tally), `absence, ${where}`).toBe(int(row, 'overall_absence'));
      expect(possible(tally), `possible, ${where}`).toBe(int(row, 'possible_sessions'));
      expect(lateSessions(tally), `late, ${where}`).toBe(int(row, 'late_sessions'));
    }
  });

  it('finds the authorised reasons complete in most rows', () => {
    const withGap = checked.filter((r) => tallyOfRow(r).gap > 0).length;
    expect(withGap / checked.length).toBeLessThan(0.3);
  });

  it('reproduces the published attendance, absence, authorised and unauthorised rates within 1e-9', () => {
    for (const row of checked) {
      const { tally } = tallyOfRow(row);
      const where = `${row.la_name || row.region_name || row.country_name} ${row.school_type}`;
      expect(Math.abs(pct(attendanceRate(tally)) - Number(row.attendance_perc)), `attendance_perc, ${where}`).toBeLessThan(1e-9);
      expect(Math.abs(pct(overallAbsenceRate(tally)) - Number(row.overall_absence_perc)), `overall_absence_perc, ${where}`).toBeLessThan(1e-9);
      expect(Math.abs(pct(authorisedAbsenceRate(tally)) - Number(row.authorised_absence_perc)), `authorised_absence_perc, ${where}`).toBeLessThan(1e-9);
      expect(Math.abs(pct(unauthorisedAbsenceRate(tally)) - Number(row.unauthorised_absence_perc)), `unauthorised_absence_perc, ${where}`).toBeLessThan(1e-9);
    }
  });

  it('reproduces every published reason rate within 1e-9', () => {
    let compared = 0;
    for (const row of checked) {
      const { tally } = tallyOfRow(row);
      for (const [field, code] of Object.entries(REASON_PERC)) {
        const published = row[field];
        if (published === undefined) continue;
        expect(Math.abs(pct(reasonRate(tally, code)) - Number(published)), `${field}, ${row.la_name} ${row.school_type}`).toBeLessThan(1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(450 * 12);
  });
});

import { describe, expect, test } from 'vitest';
import { fractionToNumber } from '@attendance-kit/core';
import { readDfeAttendanceCsv } from './read.js';
import { comparatorTable, type TableValue } from './table.js';

const num = (v: TableValue | undefined): number => (v?._tag === 'rate' ? fractionToNumber(v.value) : Number.NaN);
import { dfeAcademicYearOf } from './period.js';

const HEAD =
  'time_period,time_identifier,geographic_level,country_code,region_code,old_la_code,school_type,num_schools,enrolments,possible_sessions,overall_attendance,overall_absence,authorised_absence,unauthorised_absence,reason_i_authorised_illness,total_enrolments';
/** A row: period, level, region, LA, phase, schools, possible, attendance, absence, authorised, unauthorised, illness, census. */
const row = (...cells: (string | number)[]) => {
  const [tp, ti, level, region, la, phase, schools, possible, att, abs, auth, unauth, ill, census] = cells;
  return [tp, ti, level, 'E92000001', region, la, phase, schools, 100.5, possible, att, abs, auth, unauth, ill, census].join(',');
};
const csv = (...rows: string[]) => [HEAD, ...rows].join('\n');
const codes = (text: string) => readDfeAttendanceCsv(text, 'f.csv').issues.map((i) => `${i.severity} ${i.code}${i.line === undefined ? '' : `@${i.line}`}`);

describe('reading DfE attendance CSVs: good input', () => {
  test('a weekly row: time_period 2024 + Week 37, fractional num_schools and enrolments, rates computed from counts', () => {
    const r = readDfeAttendanceCsv(csv(row(2024, 'Week 37', 'National', '', 'NA', 'Primary', 16620.6, 1000, 950, 50, 30, 20, 10, 4000)), 'w.csv');
    expect(r.issues).toEqual([]);
    expect(r.rows[0]?.key).toEqual({
      timePeriod: '2024',
      timeIdentifier: 'Week 37',
      academicYearStart: 2024,
      level: 'National',
      regionCode: '',
      laCode: '',
      phase: 'Primary',
    });
    expect(r.rows[0]?.numSchools).toBe(16620.6);
    expect(r.rows[0]?.counts).toEqual({
      possible: 1000,
      byMeasure: { attendance: 950, overall_absence: 50, authorised_absence: 30, unauthorised_absence: 20, illness: 10 },
    });
    expect(r.measures).toEqual(['attendance', 'overall_absence', 'authorised_absence', 'unauthorised_absence', 'illness']);
    expect(r.hasPa).toBe(false);
  });

  test('education_phase is accepted in place of school_type', () => {
    const r = readDfeAttendanceCsv(csv(row(202526, 'Academic year', 'National', '', '', 'Primary', 1, 10, 9, 1, 1, 0, 0, 5)).replace('school_type', 'education_phase'));
    expect(r.phaseColumn).toBe('education_phase');
    expect(r.rows).toHaveLength(1);
  });

  test('academic years: 202425; weeks 31-53 of 2024 are 2024/25, weeks 1-30 of 2025 are 2024/25 too', () => {
    expect(dfeAcademicYearOf('202425', 'Autumn term', undefined)).toEqual({ _tag: 'ok', start: 2024 });
    expect(dfeAcademicYearOf('2024', 'Week 37', undefined)).toEqual({ _tag: 'ok', start: 2024 });
    expect(dfeAcademicYearOf('2025', 'Week 29', undefined)).toEqual({ _tag: 'ok', start: 2024 });
    expect(dfeAcademicYearOf('202426', 'Academic year', undefined)._tag).toBe('error');
    expect(dfeAcademicYearOf('2024', 'Autumn term', undefined)._tag).toBe('error');
  });

  test('a row with no possible sessions gives NaN rates (no-sessions), as DfE publishes', () => {
    const r = readDfeAttendanceCsv(csv(row(2024, 'Week 43', 'Local authority', 'E12000002', 890, 'Secondary', 3, 0, 0, 0, 0, 0, 0, 7715)));
    const t = comparatorTable(r);
    expect(t.rows[0]?.values.attendance_perc).toEqual({ _tag: 'no-sessions' });
  });

  test('the default phase-total method follows the year: census-weighted in 2024/25, pooled in 2025/26', () => {
    const phases = (tp: number) =>
      [
        row(tp, 'Academic year', 'National', '', '', 'Primary', 10, 100, 90, 10, 5, 5, 1, 3),
        row(tp, 'Academic year', 'National', '', '', 'Secondary', 10, 300, 240, 60, 30, 30, 1, 1),
        row(tp, 'Academic year', 'National', '', '', 'Special', 10, 100, 80, 20, 10, 10, 1, 1),
        row(tp, 'Academic year', 'National', '', '', 'Total', 30, 500, 410, 90, 45, 45, 3, 5),
      ].join('\n');
    const old = comparatorTable(readDfeAttendanceCsv(csv(phases(202425))));
    const now = comparatorTable(readDfeAttendanceCsv(csv(phases(202526))));
    const total = (t: typeof old) => t.rows.find((r) => r.identity.school_type === 'Total');
    expect(total(old)?.method).toBe('census-weighted');
    // (90*3 + 80*1 + 80*1) / 5 = 86
    expect(num(total(old)?.values.attendance_perc)).toBe(86);
    expect(total(now)?.method).toBe('pooled');
    // 410 / 500 = 82
    expect(num(total(now)?.values.attendance_perc)).toBe(82);
  });
});

describe('reading DfE attendance CSVs: bad input gives a clear issue, nothing guessed', () => {
  const ok = row(202425, 'Academic year', 'National', '', '', 'Primary', 10, 100, 90, 10, 5, 5, 1, 3);

  test('an unknown column is a warning naming it', () => {
    const text = csv(ok).replace('total_enrolments', 'total_enrolments,new_measure').replace(/\n(.*)$/, '\n$1,7');
    expect(codes(text)).toEqual(['warning dfe-ees/unknown-column']);
  });

  test('a missing required column rejects the file', () => {
    const r = readDfeAttendanceCsv(csv(ok).replace('possible_sessions', 'possible'), 'f.csv');
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.field])).toContainEqual(['dfe-ees/missing-column', 'possible_sessions']);
  });

  test('no phase column, or both, rejects the file', () => {
    expect(codes(csv(ok).replace('school_type', 'phase'))).toContain('error dfe-ees/missing-column');
    expect(codes(csv(ok).replace('school_type', 'school_type,education_phase').replace(/\n(.*)$/, '\n$1,x'))).toContain('error dfe-ees/missing-column');
  });

  test('a daily file, an EES API long file or a census file is refused as another layout', () => {
    expect(codes('attendance_date,time_period\n2024-09-09,2024\n')).toEqual(['error dfe-ees/foreign-layout']);
    expect(codes('time_period,attendance_status,attendance_type\n202425,a,b\n')).toEqual(['error dfe-ees/foreign-layout']);
    expect(codes('time_period,sess_overall_percent\n202425,5\n')).toEqual(['error dfe-ees/foreign-layout']);
  });

  test('c where a count is needed (not DfE\u2019s one-school LA rule) is a warning; the row has no rates and the Total says why', () => {
    const text = csv(
      row(202425, 'Academic year', 'National', '', '', 'Primary', 10, 'c', 'c', 'c', 'c', 'c', 'c', 3),
      row(202425, 'Academic year', 'National', '', '', 'Secondary', 10, 100, 90, 10, 5, 5, 1, 3),
      row(202425, 'Academic year', 'National', '', '', 'Special', 10, 100, 90, 10, 5, 5, 1, 3),
      row(202425, 'Academic year', 'National', '', '', 'Total', 10, 300, 270, 30, 15, 15, 3, 9),
    );
    const r = readDfeAttendanceCsv(text, 'f.csv');
    expect(r.issues.map((i) => `${i.code}@${i.line}`)).toEqual(['dfe-ees/suppressed-count@2']);
    const t = comparatorTable(r);
    expect(t.rows[0]?.values.attendance_perc?._tag).toBe('suppressed');
    expect(t.rows[3]?.values.attendance_perc).toMatchObject({ _tag: 'not-available' });
    expect(t.issues.map((i) => i.code)).toEqual(['dfe-ees/total-not-computed']);
  });

  test("DfE's own suppression (an LA row of one school) is only noted, and carried as c", () => {
    const text = csv(row(202425, 'Academic year', 'Local authority', 'E12000007', 201, 'Primary', 1, 'c', 'c', 'c', 'c', 'c', 'c', 'c'));
    expect(codes(text)).toEqual(['info dfe-ees/suppressed-row@2']);
    expect(comparatorTable(readDfeAttendanceCsv(text)).rows[0]?.values.attendance_perc?._tag).toBe('suppressed');
  });

  test('z, x or low in a reason count drops that rate only, with a warning', () => {
    const r = readDfeAttendanceCsv(csv(row(202425, 'Academic year', 'National', '', '', 'Primary', 10, 100, 90, 10, 5, 5, 'z', 3)), 'f.csv');
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([['dfe-ees/unavailable-count', 'reason_i_authorised_illness']]);
    expect(comparatorTable(r).rows[0]?.values.illness_perc).toMatchObject({ _tag: 'not-available' });
    expect(comparatorTable(r).rows[0]?.values.attendance_perc?._tag).toBe('rate');
  });

  test('a fractional or negative session count rejects the row', () => {
    expect(codes(csv(row(202425, 'Academic year', 'National', '', '', 'Primary', 10, 100.5, 90, 10, 5, 5, 1, 3)))).toEqual(['error dfe-ees/invalid-count@2']);
    expect(codes(csv(row(202425, 'Academic year', 'National', '', '', 'Primary', 10, 100, -90, 10, 5, 5, 1, 3)))).toEqual(['error dfe-ees/invalid-count@2']);
  });

  test('unknown geographic level or phase, a bad time period, a missing LA code, a duplicate: one error each', () => {
    expect(codes(csv(row(202425, 'Academic year', 'School', '', '', 'Primary', 1, 10, 9, 1, 1, 0, 0, 3)))).toEqual(['error dfe-ees/invalid-geographic-level@2']);
    expect(codes(csv(row(202425, 'Academic year', 'National', '', '', 'State-funded primary', 1, 10, 9, 1, 1, 0, 0, 3)))).toEqual(['error dfe-ees/invalid-phase@2']);
    expect(codes(csv(row('2024/25', 'Academic year', 'National', '', '', 'Primary', 1, 10, 9, 1, 1, 0, 0, 3)))).toEqual(['error dfe-ees/invalid-time-period@2']);
    expect(codes(csv(row(202425, 'Academic year', 'Local authority', 'E12000007', 'NA', 'Primary', 1, 10, 9, 1, 1, 0, 0, 3)))).toEqual(['error dfe-ees/missing-area-code@2']);
    expect(codes(csv(ok, ok))).toEqual(['error dfe-ees/duplicate-row@3']);
  });

  test('counts that do not add up are reported, not corrected', () => {
    expect(codes(csv(row(202425, 'Academic year', 'National', '', '', 'Primary', 10, 100, 91, 10, 5, 5, 1, 3)))).toEqual(['warning dfe-ees/inconsistent-counts@2']);
  });

  test('an empty file and a ragged row', () => {
    expect(codes('')).toEqual(['error dfe-ees/empty-file']);
    expect(codes(`${HEAD}\n202425,Academic year`)).toEqual(['error dfe-ees/csv-syntax@2']);
  });

  test('read = accepted + rejected', () => {
    const r = readDfeAttendanceCsv(csv(ok, ok, row(202425, 'Academic year', 'Regional', 'E12000001', '', 'Primary', 1, 10, 9, 1, 1, 0, 0, 3)));
    expect(r.records).toEqual({ read: 3, accepted: 2, superseded: 0, rejected: 1 });
  });
});

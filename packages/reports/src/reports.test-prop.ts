import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbRawDataset, datasetFromRaw, type RawDataset } from '@attendance-kit/core/testing';
import { fieldValue, fromDayNumber, summarise, toDayNumber, type Enrolment, type Filter, type FilterField, type IsoDate } from '@attendance-kit/core';
import { absenceSummary, weeklyAbsence, weeklyAttendance, yearGroups, type AbsenceReportOptions } from './reports.js';
import { YTD } from './build.js';

const REPORT_FILTER_FIELDS: readonly FilterField[] = ['year_group', 'sex', 'fsm6', 'sen', 'eal', 'ethnicity'];

/** A dataset, a period inside or around its year (day offsets), and filters whose values occur in it. */
const arbCase = arbRawDataset().chain((raw: RawDataset) => {
  const first = toDayNumber(`${raw.academicYear}-08-01`);
  const arbFilter: fc.Arbitrary<Filter> = fc.record({ field: fc.constantFrom(...REPORT_FILTER_FIELDS), pick: fc.nat() }).map(({ field, pick }) => ({
    field,
    value: fieldValue(raw, raw.enrolments[pick % raw.enrolments.length] as Enrolment, field),
  }));
  return fc.record({
    raw: fc.constant(raw),
    start: fc.integer({ min: 0, max: 360 }),
    length: fc.integer({ min: 0, max: 120 }),
    filters: fc.array(arbFilter, { maxLength: 2 }),
  }).map(({ raw: r, start, length, filters }) => ({
    raw: r,
    options: { from: fromDayNumber(first + start) as IsoDate, to: fromDayNumber(first + start + length) as IsoDate, filters } satisfies AbsenceReportOptions,
  }));
});

describe('reports against summarise', () => {
  test.prop([arbCase], { numRuns: 60 })('[REP-1] a school row\'s ytd cell has the numerator and denominator of summarise for the same period and filters', ({ raw, options }) => {
    const dataset = datasetFromRaw(raw);
    const expected = new Map(
      summarise(dataset, { from: options.from, to: options.to, by: ['school'], filter: options.filters }).rows.map((r) => [r.school_urn, r]),
    );
    const att = weeklyAttendance(dataset, options).rows.filter((r) => r.key['school_urn'] !== undefined);
    const abs = absenceSummary(dataset, { ...options, absenceType: 'unauthorised' }).rows.filter((r) => r.key['school_urn'] !== undefined);
    for (const row of att) {
      const s = expected.get(row.key['school_urn']);
      expect(row.cells[YTD]?.numerator).toBe(s?.overall_attendance);
      expect(row.cells[YTD]?.denominator).toBe(s?.possible_sessions);
    }
    for (const row of abs) {
      const s = expected.get(row.key['school_urn']);
      expect(row.cells[YTD]?.numerator).toBe(s?.unauthorised_absence);
      expect(row.cells[YTD]?.denominator).toBe(s?.possible_sessions);
    }
    // Every school summarise counts sessions for has its row.
    const withSessions = [...expected.values()].filter((r) => r.possible_sessions > 0).map((r) => r.school_urn).sort();
    expect(att.map((r) => r.key['school_urn']).sort()).toEqual(withSessions);
  });

  test.prop([arbCase], { numRuns: 60 })('[REP-2] the week cells of a row add up to its ytd cell (weeks partition the period)', ({ raw, options }) => {
    const dataset = datasetFromRaw(raw);
    for (const report of [weeklyAbsence(dataset, options), yearGroups(dataset, options)]) {
      const weeks = report.columns.filter((c) => c.id !== YTD);
      for (const row of report.rows) {
        const sum = (k: 'numerator' | 'denominator') => weeks.reduce((a, w) => a + (row.cells[w.id]?.[k] ?? 0), 0);
        expect(sum('numerator')).toBe(row.cells[YTD]?.numerator);
        expect(sum('denominator')).toBe(row.cells[YTD]?.denominator);
      }
    }
  });

  test.prop([arbCase], { numRuns: 60 })('[REP-3] a year-group row\'s ytd cell equals summarise by year group over every school', ({ raw, options }) => {
    const dataset = datasetFromRaw(raw);
    const expected = new Map(
      summarise(dataset, { from: options.from, to: options.to, by: ['year_group'], filter: options.filters }).rows.map((r) => [r.year_group, r]),
    );
    for (const row of yearGroups(dataset, options).rows) {
      const s = expected.get(row.key['value'] === 'unknown' ? '' : row.key['value']);
      expect(row.cells[YTD]?.numerator).toBe(s?.overall_attendance);
      expect(row.cells[YTD]?.denominator).toBe(s?.possible_sessions);
    }
  });
});

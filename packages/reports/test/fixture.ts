/**
 * Test data for reports: the core's tiny synthetic LA as a dataset, and comparator cells made from
 * hand-picked counts (never from the code under test).
 */
import { generateSyntheticLa, SYNTHETIC_PRESETS, datasetFromRaw, type RawMark } from '@attendance-kit/core/testing';
import { NO_MINUTES, toDayNumber, type AreaCell, type Dataset } from '@attendance-kit/core';
import type { ReportCell } from '../src/model.js';

let cached: Dataset | undefined;

/** The `tiny` synthetic LA (4 primary-ish schools, autumn 2024) as a dataset; built once. */
export const tinyDataset = (): Dataset => {
  if (cached !== undefined) return cached;
  const la = generateSyntheticLa(SYNTHETIC_PRESETS.tiny);
  const marks: RawMark[] = [];
  for (const m of la.marks()) {
    marks.push({
      enrolment: m.enrolment,
      day: toDayNumber(m.date),
      session: m.session,
      code: m.code,
      minutesLate: m.minutesLate ?? NO_MINUTES,
      recordedAt: m.recordedAt === undefined ? Number.NaN : Date.parse(m.recordedAt),
    });
  }
  cached = datasetFromRaw({ schools: la.schools, enrolments: la.enrolments, marks, academicYear: 2024 });
  return cached;
};

/** A national cell with the given attendance out of `possible` for every phase used. */
export const nationalCells = (attendance: number, possible: number): AreaCell[] =>
  ['Primary', 'Secondary', 'Special', 'Total'].map((phase) => ({
    level: 'national',
    code: 'E92000001',
    phase,
    counts: { possible, byMeasure: { attendance, overall_absence: possible - attendance, authorised_absence: possible - attendance, unauthorised_absence: 0 } },
  }));

/** A cell holding only what a renderer shows: its display text and (optionally) its value; no counts, comparator or band. */
export const displayCell = (display: string, value: number | null = null): ReportCell => ({
  value,
  numerator: null,
  denominator: null,
  comparator: null,
  difference: null,
  band: null,
  significant: null,
  suppressed: false,
  display,
});

/**
 * Every report of this package by id (issue 6 ids), for the CLI and the demo.
 * @module
 */
import type { Dataset } from '@attendance-kit/core';
import type { Report } from './model.js';
import { report360, type Report360Options } from './report-360.js';
import {
  absenceReport,
  absenceSummary,
  attendanceSummary,
  pupilGroups,
  summaryReport,
  weeklyAbsence,
  weeklyAttendance,
  yearGroups,
  type AbsenceReportOptions,
} from './reports.js';
import { statisticalNeighbours, type StatisticalNeighboursOptions } from './statistical-neighbours.js';
import { attendanceProfile, type ProfileReportOptions } from './profile.js';
import { partTimeTimetables, type PartTimeTimetablesOptions } from './part-time-timetables.js';
import { persistentAbsence, type PersistentAbsenceOptions } from './persistent-absence.js';
import { dataCheck, type DataCheckOptions } from './data-check.js';

/** Options any report accepts (each reads the ones it knows). */
export type AnyReportOptions = AbsenceReportOptions & Report360Options & StatisticalNeighboursOptions & ProfileReportOptions &
  PartTimeTimetablesOptions & PersistentAbsenceOptions & DataCheckOptions;

/** A report's entry: its title and its function. */
export interface ReportEntry {
  readonly title: string;
  readonly run: (dataset: Dataset, options: AnyReportOptions) => Report;
}

/** The reports, in FFT's tab order. */
export const REPORTS = {
  '360': { title: '360', run: report360 },
  'attendance-summary': { title: 'All Schools: Attendance Summary', run: attendanceSummary },
  'weekly-attendance': { title: 'All Schools: Weekly Attendance', run: weeklyAttendance },
  'absence-summary': { title: 'All Schools: Absence Summary', run: absenceSummary },
  'weekly-absence': { title: 'All Schools: Weekly Absence', run: weeklyAbsence },
  summary: { title: 'Summary', run: summaryReport },
  'year-groups': { title: 'Year Groups', run: yearGroups },
  'pupil-groups': { title: 'Pupil Groups', run: pupilGroups },
  absence: { title: 'Absence', run: absenceReport },
  'statistical-neighbours': { title: 'Statistical neighbours (LA benchmarking)', run: statisticalNeighbours },
  profile: { title: 'Attendance profile (half-termly, by characteristics)', run: attendanceProfile },
  'part-time-timetables': { title: 'Part-time timetables (C2)', run: partTimeTimetables },
  'persistent-absence': { title: 'Persistent and severe absence (pupils)', run: persistentAbsence },
  'data-check': { title: 'Data check', run: dataCheck },
} as const satisfies Readonly<Record<string, ReportEntry>>;

/** A report id of {@link REPORTS}. */
export type ReportId = keyof typeof REPORTS;

/** Report ids, in FFT's tab order. */
export const REPORT_IDS = Object.keys(REPORTS) as readonly ReportId[];

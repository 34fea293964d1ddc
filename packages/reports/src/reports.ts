/**
 * FFT Attendance Tracker's reports (seed 000) as pure functions `(dataset, options) -> Report`.
 * The comparator's published cells come in `options.comparator`; the CLI reads them.
 *
 * Defaults from the guide: schools ordered highest attendance first / lowest absence first
 * (reversible); figures to 1 dp, Year Groups and Pupil Groups to whole percents (FAQ 1).
 *
 * @module
 */
import { YEAR_GROUPS, type Dataset, type GroupField, type School } from '@attendance-kit/core';
import { assemble, commonNotes, Notes, orderRows, periodColumns, rowCells, targetOf, YTD } from './build.js';
import {
  absenceMeasure,
  ATTENDANCE,
  AUTHORISED_ABSENCE,
  OVERALL_ABSENCE,
  reasonMeasure,
  UNAUTHORISED_ABSENCE,
  type AbsenceType,
  type Measure,
} from './measures.js';
import type { Report, ReportRow } from './model.js';
import { tabulate, type GroupCounts, type ReportOptions, type Tabulated } from './table.js';

/** Options of the absence reports. */
export interface AbsenceReportOptions extends ReportOptions {
  /** Overall (default), authorised, unauthorised, or a reason by register code. */
  readonly absenceType?: AbsenceType;
}

const schoolsIn = (dataset: Dataset, urns: ReadonlySet<string>): School[] => dataset.schools.filter((s) => urns.has(s.urn));

/** The total row over everything selected: the LA (or `all` when schools of several LAs are selected). */
const totalRow = (dataset: Dataset, tab: Tabulated, measure: Measure, weeks: readonly string[], options: ReportOptions, decimals: number, notes: Notes): ReportRow => {
  const schools = schoolsIn(dataset, tab.total.schools);
  const las = new Set(schools.map((s) => s.laCode));
  const la = las.size === 1 ? (schools[0] as School).laCode : 'all';
  return {
    key: { name: la === 'all' ? 'All selected schools' : `LA ${la} (selected schools)`, la_code: la },
    cells: rowCells(tab.total, measure, targetOf(schools), weeks, options, decimals, notes),
  };
};

/** A row per school, then ordered; the total row first. */
const schoolTable = (
  head: { id: string; title: string },
  dataset: Dataset,
  options: ReportOptions,
  measure: Measure,
  withWeeks: boolean,
): Report => {
  const notes = new Notes();
  const tab = tabulate(dataset, options, 'school', [measure], withWeeks || options.comparator !== undefined);
  const weeks = withWeeks ? tab.weeks : [];
  const bySchool = new Map(dataset.schools.map((s) => [s.urn, s]));
  const rows = tab.groups.map((g): ReportRow => {
    const school = bySchool.get(g.value) as School;
    return { key: { name: school.name ?? g.value, school_urn: g.value, la_code: school.laCode }, cells: rowCells(g, measure, targetOf([school]), weeks, options, 1, notes) };
  });
  // A selected school with no sessions (closed, not yet open, or filtered to nobody) is named, not silently dropped.
  const seen = new Set(tab.groups.map((g) => g.value));
  if (tab.total.ytd.possible > 0) {
    for (const s of dataset.schools) if ((options.schools === undefined || options.schools.includes(s.urn)) && !seen.has(s.urn)) notes.add(`School ${s.urn} has no possible sessions in the period for the pupils asked for: no row.`);
  }
  const descending = (measure.polarity === 'higher-is-better') !== (options.reverse ?? false);
  const ordered = orderRows(rows, descending);
  commonNotes(dataset, tab, options, notes);
  const all = tab.total.ytd.possible > 0 ? [totalRow(dataset, tab, measure, weeks, options, 1, notes), ...ordered] : [];
  return assemble(head, options, periodColumns(options, weeks, measure), all, notes);
};

/**
 * All Schools: Attendance Summary: each school's attendance for the period against the comparator,
 * highest first (reversible), with the LA's total first.
 * @example attendanceSummary(dataset, { from: '2024-09-02', to: '2024-10-18', comparator }).rows[1].key.school_urn
 */
export const attendanceSummary = (dataset: Dataset, options: ReportOptions): Report =>
  schoolTable({ id: 'attendance-summary', title: 'All Schools: Attendance Summary' }, dataset, options, ATTENDANCE, false);

/** All Schools: Weekly Attendance: each school's period figure (`ytd`) and every week's. */
export const weeklyAttendance = (dataset: Dataset, options: ReportOptions): Report =>
  schoolTable({ id: 'weekly-attendance', title: 'All Schools: Weekly Attendance' }, dataset, options, ATTENDANCE, true);

const absenceOf = (options: AbsenceReportOptions): Measure => {
  const m = absenceMeasure(options.absenceType ?? 'overall');
  return m ?? OVERALL_ABSENCE;
};

const unknownReason = (report: Report, options: AbsenceReportOptions): Report => {
  const t = options.absenceType;
  if (typeof t !== 'object' || absenceMeasure(t) !== undefined) return report;
  return { ...report, columns: [], rows: [], notes: [`Absence type "${t.reason}" is not a register code with a published rate: no table.`, ...report.notes] };
};

/** All Schools: Absence Summary: each school's absence of the chosen type, lowest first (reversible). */
export const absenceSummary = (dataset: Dataset, options: AbsenceReportOptions): Report => {
  const m = absenceOf(options);
  return unknownReason(schoolTable({ id: 'absence-summary', title: `All Schools: Absence Summary (${m.label.toLowerCase()})` }, dataset, options, m, false), options);
};

/** All Schools: Weekly Absence: each school's absence of the chosen type for the period and every week. */
export const weeklyAbsence = (dataset: Dataset, options: AbsenceReportOptions): Report => {
  const m = absenceOf(options);
  return unknownReason(schoolTable({ id: 'weekly-absence', title: `All Schools: Weekly Absence (${m.label.toLowerCase()})` }, dataset, options, m, true), options);
};

/** Summary: the LA's (selected schools') attendance for the period and every week, against the comparator. */
export const summaryReport = (dataset: Dataset, options: ReportOptions): Report => {
  const notes = new Notes();
  const tab = tabulate(dataset, options, undefined, [ATTENDANCE], true);
  commonNotes(dataset, tab, options, notes);
  const rows = tab.total.ytd.possible > 0 ? [totalRow(dataset, tab, ATTENDANCE, tab.weeks, options, 1, notes)] : [];
  return assemble({ id: 'summary', title: 'Summary' }, options, periodColumns(options, tab.weeks, ATTENDANCE), rows, notes);
};

/** Rows per value of a pupil field, summed over the selected schools. */
const groupRows = (dataset: Dataset, tab: Tabulated, field: GroupField, weeks: readonly string[], options: ReportOptions, notes: Notes, extraKey: (g: GroupCounts) => Record<string, string>): ReportRow[] =>
  tab.groups.map((g) => ({
    key: { name: `${field} ${g.value === '' ? 'unknown' : g.value}`, group: field, value: g.value === '' ? 'unknown' : g.value, ...extraKey(g) },
    cells: rowCells(g, ATTENDANCE, targetOf(schoolsIn(dataset, g.schools)), weeks, options, 0, notes),
  }));

/**
 * Year Groups: attendance per year group (register order) for the period and every week, with each
 * year group's cohort (enrolments with a possible session) in the latest week. Whole percents (FAQ 1).
 */
export const yearGroups = (dataset: Dataset, options: ReportOptions): Report => {
  const notes = new Notes();
  const tab = tabulate(dataset, options, 'year_group', [ATTENDANCE], true);
  const latest = tab.weeks[tab.weeks.length - 1];
  const rows = groupRows(dataset, tab, 'year_group', tab.weeks, options, notes, (g) => ({
    cohort_latest_week: String(latest === undefined ? 0 : (g.weeks.get(latest)?.enrolments ?? 0)),
  })).sort((a, b) => YEAR_GROUPS.indexOf(a.key['value'] as never) - YEAR_GROUPS.indexOf(b.key['value'] as never));
  commonNotes(dataset, tab, options, notes);
  if (options.comparator !== undefined) notes.add('Each year group is compared with the whole phase: DfE publishes no weekly figures by year group.');
  return assemble({ id: 'year-groups', title: 'Year Groups' }, options, periodColumns(options, tab.weeks, ATTENDANCE), rows, notes);
};

/** The pupil groups of FFT's Pupil Groups report (gender, SEND, FSM6), plus EAL. */
export const PUPIL_GROUP_FIELDS: readonly GroupField[] = ['sex', 'fsm6', 'sen', 'eal'];

/** Pupil Groups: attendance of each gender, FSM6, SEND and EAL group for the period and every week. Whole percents (FAQ 1). */
export const pupilGroups = (dataset: Dataset, options: ReportOptions): Report => {
  const notes = new Notes();
  let weeks: readonly string[] = [];
  let first: Tabulated | undefined;
  const rows: ReportRow[] = [];
  for (const field of PUPIL_GROUP_FIELDS) {
    const tab = tabulate(dataset, options, field, [ATTENDANCE], true);
    first ??= tab;
    weeks = tab.weeks;
    const sorted = [...tab.groups].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    rows.push(...groupRows(dataset, { ...tab, groups: sorted }, field, weeks, options, notes, () => ({})));
  }
  if (first !== undefined) commonNotes(dataset, first, options, notes);
  if (options.comparator !== undefined) notes.add('Each pupil group is compared with the whole phase: DfE publishes no weekly figures by pupil group.');
  return assemble({ id: 'pupil-groups', title: 'Pupil Groups' }, options, periodColumns(options, weeks, ATTENDANCE), rows, notes);
};

/** The measures of FFT's Absence report, in its order, then the other reasons DfE publishes. */
export const ABSENCE_REPORT_MEASURES: readonly Measure[] = [
  OVERALL_ABSENCE,
  AUTHORISED_ABSENCE,
  UNAUTHORISED_ABSENCE,
  ...['I', 'M', 'H', 'E', 'R', 'S', 'T', 'C', 'C1', 'J1', 'C2', 'G', 'O', 'N', 'U'].map((c) => reasonMeasure(c) as Measure),
];

/** Absence: overall, authorised, unauthorised and each reason, for the period and every week (one row each). */
export const absenceReport = (dataset: Dataset, options: ReportOptions): Report => {
  const notes = new Notes();
  const tab = tabulate(dataset, options, undefined, ABSENCE_REPORT_MEASURES, true);
  commonNotes(dataset, tab, options, notes);
  const target = targetOf(schoolsIn(dataset, tab.total.schools));
  const rows =
    tab.total.ytd.possible > 0
      ? ABSENCE_REPORT_MEASURES.map((m) => ({ key: { name: m.label, measure: m.id }, cells: rowCells(tab.total, m, target, tab.weeks, options, 1, notes) }))
      : [];
  const columns = [{ id: YTD, label: options.periodLabel ?? 'Period' }, ...periodColumns(options, tab.weeks, OVERALL_ABSENCE).slice(1)];
  return assemble({ id: 'absence', title: 'Absence' }, options, columns, rows, notes);
};

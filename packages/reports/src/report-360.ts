/**
 * The 360 report (guide, "360 report"): "the key year to date attendance data for the LA, pupil groups
 * and year groups. Data can also be viewed for the latest week. Persistent absence is also shown at a
 * whole LA, pupil group and individual year group level. All data is compared to national and
 * regional figures."
 *
 * Here: a row for the selected schools together, each year group and each pupil group (gender, FSM6,
 * SEND, EAL); a column per measure (attendance, overall, authorised and unauthorised absence, and
 * persistent absence for the period view). Column ids are the measure ids, since every column is the
 * same period (`ytd` or the latest week, `view`).
 *
 * Persistent absence: enrolments at or above the profile's threshold (10%, DfE) of their own possible
 * sessions in the period, over enrolments with a possible session (core `summarise`, per enrolment).
 *
 * @module
 */
import { fromDayNumber, toDayNumber, weekStartDay, YEAR_GROUPS, type Dataset, type GroupField, type IsoDate, type School } from '@attendance-kit/core';
import { assemble, commonNotes, Notes, rowCells, targetOf, YTD } from './build.js';
import { rateCell, suppressedCell } from './cell.js';
import { ATTENDANCE, AUTHORISED_ABSENCE, OVERALL_ABSENCE, UNAUTHORISED_ABSENCE, type Measure } from './measures.js';
import type { Report, ReportCell, ReportColumn, ReportRow } from './model.js';
import { PUPIL_GROUP_FIELDS } from './reports.js';
import { tabulate, type GroupCounts, type ReportOptions } from './table.js';

/** Options of the 360 report. */
export interface Report360Options extends ReportOptions {
  /** `ytd`: the whole period (default); `latest-week`: the last week of the period with any session. */
  readonly view?: 'ytd' | 'latest-week';
}

const MEASURES: readonly Measure[] = [ATTENDANCE, OVERALL_ABSENCE, AUTHORISED_ABSENCE, UNAUTHORISED_ABSENCE];

/** The id of the persistent-absence column. */
export const PA_COLUMN = 'persistent_absence';

/**
 * The 360 report.
 * @example report360(dataset, { from: '2024-09-02', to: '2024-12-20', comparator }).rows[0].cells.attendance.display
 */
export const report360 = (dataset: Dataset, options: Report360Options): Report => {
  const notes = new Notes();
  const view = options.view ?? 'ytd';
  const whole = tabulate(dataset, options, undefined, MEASURES, true);
  const last = whole.weeks[whole.weeks.length - 1];
  let opts: ReportOptions = options;
  if (view === 'latest-week' && last !== undefined) {
    const monday = last < options.from ? options.from : (last as IsoDate);
    const friday = fromDayNumber(weekStartDay(toDayNumber(monday)) + 6);
    opts = { ...options, from: monday, to: friday < options.to ? friday : options.to, periodLabel: `week commencing ${last}` };
  }
  const schoolsOf = (g: GroupCounts): School[] => dataset.schools.filter((s) => g.schools.has(s.urn));
  const cellsOf = (g: GroupCounts): Record<string, ReportCell> => {
    const target = targetOf(schoolsOf(g));
    const cells: Record<string, ReportCell> = {};
    for (const m of MEASURES) cells[m.id] = rowCells(g, m, target, [], opts, 1, notes)[YTD] as ReportCell;
    const withheld = opts.minGroupSize !== undefined && g.ytd.enrolments < opts.minGroupSize;
    if (view === 'ytd') cells[PA_COLUMN] = withheld ? suppressedCell() : rateCell({ numerator: g.ytd.pa, denominator: g.ytd.enrolments, polarity: 'higher-is-worse', decimals: 1 });
    return cells;
  };
  const total = view === 'ytd' ? whole : tabulate(dataset, opts, undefined, MEASURES, true);
  const rows: ReportRow[] = [];
  if (total.total.ytd.possible > 0) {
    const las = new Set(schoolsOf(total.total).map((s) => s.laCode));
    const la = las.size === 1 ? (las.values().next().value as string) : 'all';
    rows.push({ key: { name: la === 'all' ? 'All selected schools' : `LA ${la} (selected schools)`, la_code: la }, cells: cellsOf(total.total) });
    const fields: readonly GroupField[] = ['year_group', ...PUPIL_GROUP_FIELDS];
    for (const field of fields) {
      const tab = tabulate(dataset, opts, field, MEASURES, true);
      const groups = [...tab.groups].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      if (field === 'year_group') groups.sort((a, b) => YEAR_GROUPS.indexOf(a.value as never) - YEAR_GROUPS.indexOf(b.value as never));
      for (const g of groups) {
        const value = g.value === '' ? 'unknown' : g.value;
        rows.push({ key: { name: `${field} ${value}`, group: field, value }, cells: cellsOf(g) });
      }
    }
  }
  commonNotes(dataset, total, opts, notes);
  if (options.comparator !== undefined) {
    notes.add('Year groups and pupil groups are compared with the whole phase: DfE publishes no weekly figures by group.');
    if (view === 'ytd') notes.add('Persistent absence has no comparator: DfE\'s weekly files publish no persistent absence rate.');
  }
  if (view === 'ytd' && (options.profile ?? 'dfe') !== 'dfe') notes.add('Persistent absence is decided per enrolment on its sessions in the period, with no minimum of possible sessions.');
  const columns: ReportColumn[] = [...MEASURES.map((m) => ({ id: m.id, label: m.label })), ...(view === 'ytd' ? [{ id: PA_COLUMN, label: 'Persistent absence (pupils)' }] : [])];
  return assemble({ id: '360', title: view === 'ytd' ? '360: year to date' : '360: latest week' }, opts, columns, rows, notes);
};

/**
 * Data check [`data-check`] (issue 6 item 3): per school, what is wrong or missing in the registers,
 * so the figures of the other reports can be trusted. FFT's guide (seed 000, FAQ 7): "if a school has
 * made retrospective attendance changes ... these changes will not be immediately reflected in our
 * reports ... The 'Data Check' report (available to schools) shows the marks that we have."
 *
 * Four counts, each with the base it is out of (`numerator / denominator`, `value` the percent):
 * - `unmarked`: sessions with no mark at all where the pupil was on roll on a school day, out of the
 *   sessions expected. A session is expected when the school took a register (a register session:
 *   at least one of its marks is a possible session, data-check-scope.ts) and the pupil was on roll
 *   (from `admission_date`, or their first mark when it is empty, to `leaving_date` when given).
 * - `no_mark`: marks `-` ("no mark recorded yet", canonical-format.md; not a possible session), out of
 *   the period's marks.
 * - `n_unresolved`: marks `N` ("reason for absence not yet established", reference §1) more than
 *   `nGraceSchoolDays` (default 5) school days before the as-of date, out of the period's `N` marks. The
 *   five school days are issue 6's rule ("`N` marks still unresolved after 5 school days"); the stored
 *   reference gives `N`'s meaning and that it is replaced by `U` or a more suitable code (§1,
 *   [S13][S17]) but no day limit, so the number is an option. School days are the school's register days; the as-of date is a parameter (default: the
 *   period's end), never the clock.
 * - `superseded`: versions of marks that a later version replaced (retrospective changes), out of the
 *   period's marks. A dataset keeps only the winning version of each mark (canonical-format.md), so the
 *   replaced ones come from the import (option `superseded`, e.g. {@link supersededFromImportIssues}
 *   of the canonical reader's `canonical/superseded` issues). Without it the cells have no figure.
 *
 * Only the marks up to the as-of date count. Pupils are those of the profile and filters.
 *
 * @module
 */
import { CODE_ID, fromDayNumber, isIsoDate, toDayNumber, type Dataset, type Enrolment, type IsoDate, type Issue } from '@attendance-kit/core';
import { assemble, Notes } from './build.js';
import { countCell, forEachMark, pupilScope, registerSessions, schoolDaysOf, schoolKey, scopeNotes, totalKey, withoutComparator } from './data-check-scope.js';
import type { Report, ReportCell, ReportColumn, ReportRow } from './model.js';
import type { ReportOptions } from './table.js';

/** One replaced version of a mark, as an import reports it. */
export interface SupersededMark {
  readonly schoolUrn: string;
  /** The session's date, `YYYY-MM-DD`. */
  readonly date: string;
  /** When given, the version counts only if this pupil's enrolment is in the report's scope. */
  readonly pupilId?: string;
  readonly session?: 'AM' | 'PM';
  /** The replaced code. */
  readonly code?: string;
}

/** The replaced versions an import found. */
export interface SupersededInput {
  readonly marks: readonly SupersededMark[];
  /** How many versions were replaced in all (e.g. the marks file's `superseded` count); more than `marks.length` means the list is incomplete. */
  readonly total?: number;
}

/** Options of {@link dataCheck}. */
export interface DataCheckOptions extends ReportOptions {
  /** The date the check is made on: marks after it are ignored, and `N` marks are judged against it. Default: the period's last day. */
  readonly asOf?: IsoDate;
  /** School days an `N` may stand before it counts as unresolved; default 5 (issue 6). */
  readonly nGraceSchoolDays?: number;
  /** Replaced versions of marks (the import's); without them `superseded` has no figure. */
  readonly superseded?: SupersededInput;
}

/** Column ids. */
export const DQ_COLUMNS = { unmarked: 'unmarked', dash: 'no_mark', n: 'n_unresolved', superseded: 'superseded' } as const;

const DASH = CODE_ID.get('-') as number;
const N = CODE_ID.get('N') as number;

/** One school's counts (or the total's). */
export interface DataCheckCounts {
  expected: number;
  unmarked: number;
  marks: number;
  dash: number;
  nMarks: number;
  nUnresolved: number;
  /** Day number of the oldest unresolved `N`, or -1. */
  oldestN: number;
  superseded: number;
}

const zero = (): DataCheckCounts => ({ expected: 0, unmarked: 0, marks: 0, dash: 0, nMarks: 0, nUnresolved: 0, oldestN: -1, superseded: 0 });

const MESSAGE = /^mark (\S+) for pupil ("(?:[^"\\]|\\.)*") at school (\S+) on (\d{4}-\d{2}-\d{2}) (AM|PM) was replaced/;

/**
 * The replaced versions listed in an import's issues: adapter-canonical reports each as a
 * `canonical/superseded` issue whose message names the code, pupil, school, date and session. Pass the
 * marks file's `superseded` count as `total` so the report can say when the issues were capped.
 * @example supersededFromImportIssues(report.files.flatMap((f) => f.issues), marks.superseded)
 */
export const supersededFromImportIssues = (issues: readonly Issue[], total?: number): SupersededInput => {
  const marks: SupersededMark[] = [];
  for (const i of issues) {
    if (i.code !== 'canonical/superseded') continue;
    const m = MESSAGE.exec(i.message);
    if (m === null) continue;
    let pupilId: string;
    try {
      pupilId = JSON.parse(m[2] as string) as string;
    } catch {
      continue;
    }
    marks.push({ code: m[1] as string, pupilId, schoolUrn: m[3] as string, date: m[4] as string, session: m[5] as 'AM' | 'PM' });
  }
  return total === undefined ? { marks } : { marks, total };
};

/**
 * The counts behind the report, per selected school with any expected session or mark (dataset order).
 * @example dataCheckFigures(dataset, { from: '2024-09-02', to: '2024-12-20' }).schools[0].counts.unmarked
 */
export const dataCheckFigures = (dataset: Dataset, options: DataCheckOptions) => {
  const scope = pupilScope(dataset, options);
  const asOf = options.asOf ?? options.to;
  const asOfOk = isIsoDate(asOf);
  const asOfDay = asOfOk ? toDayNumber(asOf) : Number.NaN;
  const endDay = Math.min(scope.toDay, asOfDay);
  const schools: { school: number; counts: DataCheckCounts }[] = [];
  if (!scope.ok || !asOfOk || endDay < scope.fromDay) return { schools, scope, asOf, endDay, marks: 0 };
  const grace = Math.max(0, Math.floor(options.nGraceSchoolDays ?? 5));
  const lastDay = Math.max(scope.toDay, asOfDay);
  const open = registerSessions(dataset, scope, scope.fromDay, lastDay);
  const width = (endDay - scope.fromDay + 1) * 2;
  const bySchool = new Map<number, number[]>();
  for (const e of scope.enrolments) {
    const s = (dataset.enrolments[e] as Enrolment).school;
    const list = bySchool.get(s);
    if (list === undefined) bySchool.set(s, [e]);
    else list.push(e);
  }
  // Replaced versions per school, for the selected schools, dated in the window, of pupils in scope.
  const inScope = new Set(scope.enrolments.map((e) => `${(dataset.enrolments[e] as Enrolment).school}|${(dataset.enrolments[e] as Enrolment).pupilId}`));
  const schoolIndex = new Map(scope.schools.map((s) => [dataset.schools[s]?.urn ?? '', s]));
  const supersededBy = new Map<number, number>();
  const windowFrom = fromDayNumber(scope.fromDay);
  const windowTo = fromDayNumber(endDay);
  for (const m of options.superseded?.marks ?? []) {
    const s = schoolIndex.get(m.schoolUrn);
    if (s === undefined || !isIsoDate(m.date) || m.date < windowFrom || m.date > windowTo) continue;
    if (m.pupilId !== undefined ? !inScope.has(`${s}|${m.pupilId}`) : (options.filters ?? []).length > 0) continue;
    supersededBy.set(s, (supersededBy.get(s) ?? 0) + 1);
  }
  let marks = 0;
  for (const s of scope.schools) {
    const row = open[s] as Uint8Array;
    const days = schoolDaysOf(row, scope.fromDay);
    const position = new Map(days.map((d, i) => [d, i]));
    let upToAsOf = 0; // school days on or before the as-of date
    while (upToAsOf < days.length && (days[upToAsOf] as number) <= asOfDay) upToAsOf++;
    const c = zero();
    c.superseded = supersededBy.get(s) ?? 0;
    for (const e of bySchool.get(s) ?? []) {
      const enrolment = dataset.enrolments[e] as Enrolment;
      const firstMark = (scope.markStart[e] as number) < (scope.markStart[e + 1] as number) ? (dataset.marks.slot[scope.markStart[e] as number] as number) >> 1 : Number.POSITIVE_INFINITY;
      const onFrom = enrolment.admissionDate !== undefined ? toDayNumber(enrolment.admissionDate) : firstMark;
      const onTo = enrolment.leavingDate !== undefined ? toDayNumber(enrolment.leavingDate) : Number.POSITIVE_INFINITY;
      const marked = new Uint8Array(width);
      forEachMark(dataset, scope, e, false, (slot, code) => {
        const day = slot >> 1;
        marked[slot - scope.fromDay * 2] = 1;
        c.marks++;
        if (code === DASH) c.dash++;
        if (code !== N) return;
        c.nMarks++;
        // An N is a possible session, so its day is a register day of the school.
        const after = upToAsOf - 1 - (position.get(day) ?? upToAsOf - 1);
        if (after > grace) {
          c.nUnresolved++;
          if (c.oldestN < 0 || day < c.oldestN) c.oldestN = day;
        }
      }, { fromDay: scope.fromDay, toDay: endDay });
      for (let k = 0; k < width; k++) {
        if (row[k] !== 1) continue;
        const day = scope.fromDay + (k >> 1);
        if (day < onFrom || day > onTo) continue;
        c.expected++;
        if (marked[k] !== 1) c.unmarked++;
      }
    }
    marks += c.marks;
    if (c.expected > 0 || c.marks > 0 || c.superseded > 0) schools.push({ school: s, counts: c });
  }
  return { schools, scope, asOf, endDay, marks };
};

const problems = (c: DataCheckCounts): number => c.unmarked + c.dash + c.nUnresolved + c.superseded;

/**
 * Data check: per school, unmarked sessions, `-` marks, `N` marks unresolved after 5 school days, and
 * replaced marks; the selected schools together first, then the schools with the most problems first.
 * @example dataCheck(dataset, { from: '2024-09-02', to: '2024-12-20', asOf: '2024-12-20' }).rows[0].cells.n_unresolved.display
 */
export const dataCheck = (dataset: Dataset, options: DataCheckOptions): Report => {
  const notes = new Notes();
  const { schools, scope, asOf, endDay, marks } = dataCheckFigures(dataset, options);
  const grace = Math.max(0, Math.floor(options.nGraceSchoolDays ?? 5));
  const given = options.superseded !== undefined;
  const cellsOf = (c: DataCheckCounts): Record<string, ReportCell> => ({
    [DQ_COLUMNS.unmarked]: countCell(c.unmarked, c.expected, 2),
    [DQ_COLUMNS.dash]: countCell(c.dash, c.marks, 2),
    [DQ_COLUMNS.n]: countCell(c.nUnresolved, c.nMarks, 1),
    [DQ_COLUMNS.superseded]: given
      ? countCell(c.superseded, c.marks, 2)
      : { value: null, numerator: null, denominator: null, comparator: null, difference: null, band: null, significant: null, suppressed: false, display: '' },
  });
  const keyOf = (c: DataCheckCounts): Record<string, string> => ({ oldest_unresolved_n: c.oldestN < 0 ? '' : fromDayNumber(c.oldestN) });
  const rows: ReportRow[] = [];
  if (schools.length > 0) {
    const total = zero();
    for (const { counts: c } of schools) {
      for (const k of ['expected', 'unmarked', 'marks', 'dash', 'nMarks', 'nUnresolved', 'superseded'] as const) total[k] += c[k];
      if (c.oldestN >= 0 && (total.oldestN < 0 || c.oldestN < total.oldestN)) total.oldestN = c.oldestN;
    }
    rows.push({ key: { ...totalKey(dataset, scope), ...keyOf(total) }, cells: cellsOf(total) });
    const reverse = options.reverse ?? false;
    const ordered = [...schools].sort((a, b) => {
      const d = problems(b.counts) - problems(a.counts);
      if (d !== 0) return reverse ? -d : d;
      return a.school - b.school;
    });
    for (const s of ordered) rows.push({ key: { ...schoolKey(dataset, s.school), ...keyOf(s.counts) }, cells: cellsOf(s.counts) });
  }
  // An as-of date left to default is the period's end: a bad one is the period's own note.
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) notes.add(`The as-of date "${options.asOf}" is not a real date (YYYY-MM-DD): the table is empty.`);
  else if (scope.ok && isIsoDate(asOf) && endDay < scope.fromDay) notes.add(`The as-of date ${asOf} is before the period starts (${options.from}): there is nothing to check yet.`);
  scopeNotes(dataset, scope, options, notes, { marks: marks + schools.reduce((n, s) => n + s.counts.expected, 0), rows: schools.length, what: 'school has a register', listsPupils: false });
  if (schools.length > 0) {
    notes.add(`Checked as of ${asOf}${options.asOf === undefined ? ' (the period\'s last day)' : ''}: marks after it are not counted.`);
    notes.add(
      `Unmarked: sessions with no mark where the school took a register (some pupil has a possible-session mark) and the pupil was on roll (admission_date, or their first mark when it is empty, to leaving_date). No mark (-): sessions recorded as "no mark yet". N unresolved: N marks more than ${grace} school days (the school's register days) before the as-of date.`,
    );
    if (!given) notes.add('Superseded marks were not supplied: a dataset keeps only the latest version of each mark, so retrospective changes come from the import (option superseded, e.g. from the import\'s canonical/superseded issues). The column has no figure.');
    else {
      const total = options.superseded?.total;
      const listed = options.superseded?.marks.length ?? 0;
      notes.add('Superseded: versions of marks that a later version replaced (retrospective changes), dated in the period and up to the as-of date.');
      if (total !== undefined && total > listed) notes.add(`Only ${listed} of the import's ${total} superseded versions are itemised (the import report keeps the first issues only): superseded counts are lower bounds.`);
      if ((options.filters ?? []).length > 0 && (options.superseded?.marks ?? []).some((m) => m.pupilId === undefined)) notes.add('Superseded versions without a pupil id are left out when filters are set.');
    }
  }
  const columns: ReportColumn[] = [
    { id: DQ_COLUMNS.unmarked, label: 'Unmarked sessions (of sessions expected)' },
    { id: DQ_COLUMNS.dash, label: 'Sessions marked - (of marks)' },
    { id: DQ_COLUMNS.n, label: `N unresolved after ${grace} school days (of N marks)` },
    { id: DQ_COLUMNS.superseded, label: 'Marks superseded (of marks)' },
  ];
  return assemble({ id: 'data-check', title: 'Data check' }, withoutComparator(options, notes), columns, rows, notes);
};

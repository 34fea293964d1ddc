/**
 * Part-time timetables [`part-time-timetables`] (issue 6 item 3; seed 004): the pupils recorded on a
 * temporary part-time timetable, and how long each has been on one. Seed 004 (an LA's attendance
 * service): a part-time timetable "must not be treated as a long-term solution and must have a time
 * limit", and "the LA needs to be assured that schools are not placing children on part-time or
 * re-integration timetables for longer than is necessary".
 *
 * The code: `C2`, "leave of absence for a compulsory-school-age pupil on a temporary part-time
 * timetable", authorised absence and a possible session, new in the 2024 regulations (reference §1,
 * [S12][S15][S17]; FFT counted about 32,000 pupils with a C2 mark in September 2024 [S21]). Before
 * 19 August 2024 part-time timetables were recorded as `C` with every other leave, so they cannot
 * be told apart and this report finds none there (a note says so).
 *
 * Rows: the selected schools together, then each school with any sessions, each followed by its pupils
 * with at least one `C2` in the period (pupil ids only), longest timetable first. A pupil's figures:
 * first and latest `C2` date in the period, `C2` sessions (out of the pupil's possible sessions),
 * school days and weeks from the first to the latest `C2`, and whether the timetable is current at the
 * period's end (a `C2` in the school's last school week of the period). Sessions follow the profile
 * as in core `summarise`, so a school's `C2` sessions are `summarise`'s `sessions_by_code.C2` ([PTT-2]).
 *
 * @module
 */
import { CODE_ID, fromDayNumber, weekStartDay, type Dataset, type Enrolment } from '@attendance-kit/core';
import { assemble, Notes } from './build.js';
import {
  countCell,
  forEachMark,
  markKind,
  pupilScope,
  registerSessions,
  schoolDaysOf,
  schoolKey,
  scopeNotes,
  totalKey,
  withoutComparator,
} from './data-check-scope.js';
import type { Report, ReportCell, ReportColumn, ReportRow } from './model.js';
import type { ReportOptions } from './table.js';

/** Options of {@link partTimeTimetables}. */
export interface PartTimeTimetablesOptions extends ReportOptions {
  /**
   * A timetable is current when its latest `C2` falls in the school's last this-many school days of the
   * period; default 5 (one school week). Must be at least 1.
   */
  readonly currentWithinSchoolDays?: number;
}

/** Column ids of the report. */
export const PTT_COLUMNS = {
  pupils: 'pupils_on_c2',
  sessions: 'c2_sessions',
  days: 'school_days',
  weeks: 'weeks',
} as const;

const C2 = CODE_ID.get('C2') as number;

/** One pupil's part-time timetable in the period. */
export interface PartTimePupil {
  readonly enrolment: number;
  readonly c2Sessions: number;
  readonly possible: number;
  readonly firstDay: number;
  readonly lastDay: number;
  /** School days of the school from the first to the latest `C2`, both included. */
  readonly schoolDays: number;
  /** School weeks (Monday to Sunday with a school day) from the first to the latest `C2`, both included. */
  readonly weeks: number;
  readonly current: boolean;
  /** Whether the enrolment has `C2` marks before the period too. */
  readonly earlier: boolean;
}

/** A school's figures. */
export interface PartTimeSchool {
  readonly school: number;
  /** Enrolments in scope with a possible session in the period. */
  readonly pupils: number;
  readonly possible: number;
  readonly c2Sessions: number;
  /** School days (register days) of the school in the period, and weeks (Monday to Sunday) with one. */
  readonly schoolDays: number;
  readonly weeks: number;
  readonly onC2: readonly PartTimePupil[];
}

/**
 * The figures behind the report, per selected school (dataset order), pupils unordered.
 * @example partTimeFigures(dataset, { from: '2024-09-02', to: '2024-12-20' }).schools[0].onC2.length
 */
export const partTimeFigures = (dataset: Dataset, options: PartTimeTimetablesOptions): { readonly schools: readonly PartTimeSchool[]; readonly marks: number; readonly scope: ReturnType<typeof pupilScope> } => {
  const scope = pupilScope(dataset, options);
  if (!scope.ok) return { schools: [], marks: 0, scope };
  const within = Math.max(1, Math.floor(options.currentWithinSchoolDays ?? 5));
  const open = registerSessions(dataset, scope, scope.fromDay, scope.toDay);
  const bySchool = new Map<number, number[]>();
  for (const e of scope.enrolments) {
    const s = (dataset.enrolments[e] as Enrolment).school;
    const list = bySchool.get(s);
    if (list === undefined) bySchool.set(s, [e]);
    else list.push(e);
  }
  let marks = 0;
  const schools: PartTimeSchool[] = [];
  for (const s of scope.schools) {
    const days = schoolDaysOf(open[s] as Uint8Array, scope.fromDay);
    const index = new Map(days.map((d, i) => [d, i]));
    const weekCount = new Set(days.map((d) => weekStartDay(d))).size;
    let pupils = 0;
    let possibleSum = 0;
    let c2Sum = 0;
    const onC2: PartTimePupil[] = [];
    for (const e of bySchool.get(s) ?? []) {
      let possible = 0;
      let c2 = 0;
      let first = -1;
      let last = -1;
      forEachMark(dataset, scope, e, true, (slot, code) => {
        marks++;
        const day = slot >> 1;
        if (markKind(code, day).possible) possible++;
        if (code !== C2) return;
        c2++;
        if (first < 0) first = day;
        last = day;
      });
      if (possible === 0) continue;
      pupils++;
      possibleSum += possible;
      c2Sum += c2;
      if (c2 === 0) continue;
      let earlier = false;
      forEachMark(dataset, scope, e, false, (_, code) => {
        if (code === C2) earlier = true;
      }, { fromDay: 0, toDay: scope.fromDay - 1 });
      // A C2 is a possible session, so its day is a school day of the school (index defined).
      const a = index.get(first) ?? 0;
      const b = index.get(last) ?? 0;
      onC2.push({
        enrolment: e,
        c2Sessions: c2,
        possible,
        firstDay: first,
        lastDay: last,
        schoolDays: b - a + 1,
        weeks: new Set(days.slice(a, b + 1).map((d) => weekStartDay(d))).size,
        current: b >= days.length - within,
        earlier,
      });
    }
    if (pupils > 0) schools.push({ school: s, pupils, possible: possibleSum, c2Sessions: c2Sum, schoolDays: days.length, weeks: weekCount, onC2 });
  }
  return { schools, marks, scope };
};

/** Longest first: school days spanned, then `C2` sessions (both reversible), then pupil id. */
const byDuration = (dataset: Dataset, reverse: boolean) => (a: PartTimePupil, b: PartTimePupil): number => {
  const d = b.schoolDays - a.schoolDays || b.c2Sessions - a.c2Sessions;
  if (d !== 0) return reverse ? -d : d;
  const pa = (dataset.enrolments[a.enrolment] as Enrolment).pupilId;
  const pb = (dataset.enrolments[b.enrolment] as Enrolment).pupilId;
  return pa < pb ? -1 : pa > pb ? 1 : 0;
};

/**
 * Part-time timetables: pupils with `C2` marks in the period, per school, longest first.
 * @example partTimeTimetables(dataset, { from: '2024-09-02', to: '2024-12-20' }).rows.filter((r) => r.key.row === 'pupil')
 */
export const partTimeTimetables = (dataset: Dataset, options: PartTimeTimetablesOptions): Report => {
  const notes = new Notes();
  const { schools, marks, scope } = partTimeFigures(dataset, options);
  const rows: ReportRow[] = [];
  const pupilsOnC2 = schools.reduce((n, s) => n + s.onC2.length, 0);
  if (schools.length > 0) {
    const sum = (f: (s: PartTimeSchool) => number) => schools.reduce((n, s) => n + f(s), 0);
    rows.push({
      key: totalKey(dataset, scope),
      cells: { [PTT_COLUMNS.pupils]: countCell(pupilsOnC2, sum((s) => s.pupils)), [PTT_COLUMNS.sessions]: countCell(sum((s) => s.c2Sessions), sum((s) => s.possible)) },
    });
    for (const s of schools) {
      rows.push({ key: schoolKey(dataset, s.school), cells: { [PTT_COLUMNS.pupils]: countCell(s.onC2.length, s.pupils), [PTT_COLUMNS.sessions]: countCell(s.c2Sessions, s.possible) } });
      for (const p of [...s.onC2].sort(byDuration(dataset, options.reverse ?? false))) {
        const e = dataset.enrolments[p.enrolment] as Enrolment;
        const cells: Record<string, ReportCell> = {
          [PTT_COLUMNS.sessions]: countCell(p.c2Sessions, p.possible),
          [PTT_COLUMNS.days]: countCell(p.schoolDays, s.schoolDays),
          [PTT_COLUMNS.weeks]: countCell(p.weeks, s.weeks),
        };
        rows.push({
          key: {
            name: e.pupilId,
            school_urn: dataset.schools[s.school]?.urn ?? '',
            pupil_id: e.pupilId,
            year_group: e.yearGroup,
            row: 'pupil',
            first_c2: fromDayNumber(p.firstDay),
            latest_c2: fromDayNumber(p.lastDay),
            current: p.current ? 'yes' : 'no',
            c2_before_period: p.earlier ? 'yes' : 'no',
          },
          cells,
        });
      }
    }
  }
  for (const s of scope.schools) {
    if (marks > 0 && !schools.some((x) => x.school === s)) notes.add(`School ${dataset.schools[s]?.urn ?? s} has no possible sessions in the period for the pupils asked for: no row.`);
  }
  scopeNotes(dataset, scope, options, notes, { marks, rows: pupilsOnC2, what: 'pupil has a C2 (part-time timetable) mark', listsPupils: true });
  if (scope.ok && options.from < '2024-08-19') notes.add('C2 exists from 19 August 2024 (SI 2024/208); before that part-time timetables were recorded as C with other leave and cannot be told apart.');
  if (pupilsOnC2 > 0) {
    notes.add(`A timetable is current when its latest C2 falls in the school's last ${Math.max(1, Math.floor(options.currentWithinSchoolDays ?? 5))} school days of the period. School days are the days the school's register has a possible session.`);
    notes.add('First and latest C2 are within the period; c2_before_period says whether the pupil has C2 marks before it.');
  }
  const columns: ReportColumn[] = [
    { id: PTT_COLUMNS.pupils, label: 'Pupils on a part-time timetable (of pupils)' },
    { id: PTT_COLUMNS.sessions, label: 'C2 sessions (of possible sessions)' },
    { id: PTT_COLUMNS.days, label: 'School days, first to latest C2 (of the period\'s)' },
    { id: PTT_COLUMNS.weeks, label: 'Weeks, first to latest C2 (of the period\'s)' },
  ];
  return assemble({ id: 'part-time-timetables', title: 'Part-time timetables (C2)' }, withoutComparator(options, notes), columns, rows, notes);
};

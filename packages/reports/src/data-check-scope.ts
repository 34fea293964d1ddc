/**
 * What the pupil-level reports (`data-check`, `part-time-timetables`, `persistent-absence`) share:
 * which enrolments a report covers (selected schools, the profile's pupils, the filters), each
 * enrolment's run of marks, each school's register sessions, count cells, and the notes for a period
 * with no data, a filter that matches nobody or a school not in the dataset (issue 6, "Bad input").
 *
 * A school's register session: a session (AM or PM of a day) in which at least one of the school's
 * marks is a possible session. The same rule as core register-days.ts (an open day), at session
 * granularity, so a morning-only day expects no afternoon marks. Planned closures (`#`) and `-`
 * open nothing.
 *
 * @module
 */
import {
  academicYearOf,
  CATEGORY_ID,
  CODE_ID,
  COLUMN_CATEGORY_ID,
  DEFAULT_COVID_X,
  fieldValue,
  formatPercent,
  includeEnrolment,
  isIsoDate,
  percent,
  PROFILES,
  sessionCutoffDay,
  tallyColumnOf,
  toDayNumber,
  type Dataset,
  type Enrolment,
  type Profile,
} from '@attendance-kit/core';
import type { Notes } from './build.js';
import type { ReportCell } from './model.js';
import type { ReportOptions } from './table.js';

/** The enrolments and days a pupil-level report covers. */
export interface PupilScope {
  /** False when a date is not real or the period ends before it starts (nothing is counted). */
  readonly ok: boolean;
  readonly fromDay: number;
  readonly toDay: number;
  /** The academic year of `from` (the profile's ages are on 31 August before it). */
  readonly academicYear: number;
  readonly profile: Profile;
  /** Indexes of the selected schools, in dataset order. */
  readonly schools: readonly number[];
  /** URNs asked for that are not in the dataset. */
  readonly unknownSchools: readonly string[];
  /** Enrolments of the selected schools that the profile keeps and every filter matches, ascending. */
  readonly enrolments: readonly number[];
  /** Enrolments of the selected schools, before the profile and filters. */
  readonly inSchools: number;
  /** `markStart[e]` .. `markStart[e + 1] - 1` are enrolment `e`'s marks (the store is sorted by enrolment, then slot). */
  readonly markStart: Int32Array;
}

/**
 * The scope of a report: every enrolment of the selected schools that the profile (default `dfe`)
 * keeps and that every filter matches.
 * @example pupilScope(dataset, { from: '2024-09-02', to: '2024-12-20' }).enrolments.length
 */
export const pupilScope = (dataset: Dataset, options: ReportOptions): PupilScope => {
  const known = new Map(dataset.schools.map((s, i) => [s.urn, i]));
  const unknownSchools = (options.schools ?? []).filter((u) => !known.has(u));
  const wanted = options.schools === undefined ? undefined : new Set(options.schools);
  const schools = dataset.schools.flatMap((s, i) => (wanted === undefined || wanted.has(s.urn) ? [i] : []));
  const chosen = new Uint8Array(dataset.schools.length);
  for (const s of schools) chosen[s] = 1;
  const ok = isIsoDate(options.from) && isIsoDate(options.to) && options.to >= options.from;
  const profile: Profile = (PROFILES as Readonly<Record<string, Profile>>)[options.profile ?? 'dfe'] ?? PROFILES.dfe;
  const academicYear = ok ? academicYearOf(options.from) : 0;
  const filters = options.filters ?? [];
  const enrolments: number[] = [];
  let inSchools = 0;
  dataset.enrolments.forEach((e, i) => {
    if (chosen[e.school] !== 1) return;
    inSchools++;
    if (!includeEnrolment(profile, e, academicYear)) return;
    if (filters.every((f) => fieldValue(dataset, e, f.field) === f.value)) enrolments.push(i);
  });
  const n = dataset.enrolments.length;
  const markStart = new Int32Array(n + 1);
  const enr = dataset.marks.enrolment;
  for (let i = 0; i < dataset.marks.length; i++) markStart[(enr[i] as number) + 1]! += 1;
  for (let e = 0; e < n; e++) markStart[e + 1]! += markStart[e] as number;
  return {
    ok,
    fromDay: ok ? toDayNumber(options.from) : 0,
    toDay: ok ? toDayNumber(options.to) : -1,
    academicYear,
    profile,
    schools,
    unknownSchools,
    enrolments,
    inSchools,
    markStart,
  };
};

/** Whether a tally column (classify.ts) is a possible session: present, AEA, absence, or COVID `X`. */
const POSSIBLE_CATEGORY = new Set<number>([CATEGORY_ID.present, CATEGORY_ID.aea, CATEGORY_ID.authorised, CATEGORY_ID.unauthorised, CATEGORY_ID.covid]);
/** Whether a tally column is an absence (authorised or unauthorised). */
const ABSENT_CATEGORY = new Set<number>([CATEGORY_ID.authorised, CATEGORY_ID.unauthorised]);

/** The statistical kind of one mark, for counting. */
export interface MarkKind {
  /** A possible session (reference §0.3). */
  readonly possible: boolean;
  /** Authorised or unauthorised absence (reference §0.4). */
  readonly absent: boolean;
}

/**
 * The kind of a mark from its code id and day (COVID `X` by DfE's default treatment, classify.ts).
 * @example markKind(CODE_ID.get('I')!, 20_000) // { possible: true, absent: true }
 */
export const markKind = (code: number, day: number): MarkKind => {
  const cat = COLUMN_CATEGORY_ID[tallyColumnOf(code, day, DEFAULT_COVID_X)] as number;
  return { possible: POSSIBLE_CATEGORY.has(cat), absent: ABSENT_CATEGORY.has(cat) };
};

/** Dictionary id of `N` (no reason yet). */
const N_CODE = CODE_ID.get('N') as number;

/**
 * Calls `visit(slot, code)` for each mark of enrolment `e` in the period, in slot order. With
 * `statistical`, the profile's session rules apply as in core `summarise`: the sessions of
 * 15-year-olds from the spring bank holiday (dfe) are skipped and, when the profile does not count
 * `N`, so are `N` marks.
 */
export const forEachMark = (
  dataset: Dataset,
  scope: PupilScope,
  e: number,
  statistical: boolean,
  visit: (slot: number, code: number) => void,
  range: { readonly fromDay: number; readonly toDay: number } = scope,
): void => {
  const { slot: slots, code: codes } = dataset.marks;
  const fromSlot = range.fromDay * 2;
  const toSlot = range.toDay * 2 + 1;
  const cutDay = statistical ? sessionCutoffDay(scope.profile, dataset.enrolments[e] as Enrolment, scope.academicYear) : undefined;
  const cutFrom = cutDay === undefined ? Number.POSITIVE_INFINITY : cutDay * 2;
  const cutTo = toDayNumber(`${scope.academicYear + 1}-07-31`) * 2 + 1;
  const skipN = statistical && scope.profile.countN === false;
  const end = scope.markStart[e + 1] as number;
  for (let i = scope.markStart[e] as number; i < end; i++) {
    const slot = slots[i] as number;
    if (slot < fromSlot) continue;
    if (slot > toSlot) break;
    if (slot >= cutFrom && slot <= cutTo) continue;
    const code = codes[i] as number;
    if (skipN && code === N_CODE) continue;
    visit(slot, code);
  }
};

/**
 * Each selected school's register sessions over `fromDay..toDay`: `open[s][slot - fromDay * 2]` is 1
 * when school `s` has a possible-session mark in that session (any of its pupils, whatever the
 * filters). Unselected schools get an empty array.
 */
export const registerSessions = (dataset: Dataset, scope: PupilScope, fromDay: number, toDay: number): readonly Uint8Array[] => {
  const width = Math.max(0, (toDay - fromDay + 1) * 2);
  const chosen = new Set(scope.schools);
  const open = dataset.schools.map((_, s) => new Uint8Array(chosen.has(s) ? width : 0));
  const { enrolment, slot: slots, code: codes } = dataset.marks;
  const first = fromDay * 2;
  for (let i = 0; i < dataset.marks.length; i++) {
    const slot = slots[i] as number;
    const k = slot - first;
    if (k < 0 || k >= width) continue;
    const s = (dataset.enrolments[enrolment[i] as number] as Enrolment).school;
    const row = open[s] as Uint8Array;
    if (row.length === 0 || row[k] === 1) continue;
    if (markKind(codes[i] as number, slot >> 1).possible) row[k] = 1;
  }
  return open;
};

/**
 * The school days (day numbers, ascending) of a register-session row from {@link registerSessions}:
 * days with an open AM or PM session.
 */
export const schoolDaysOf = (open: Uint8Array, fromDay: number): number[] => {
  const days: number[] = [];
  for (let k = 0; k + 1 < open.length; k += 2) if (open[k] === 1 || open[k + 1] === 1) days.push(fromDay + k / 2);
  return days;
};

/**
 * A count with the base it is counted out of: `value` is `numerator * 100 / denominator` (the model's
 * rule for every figure, null when the base is 0), `display` the count, then the percent to `decimals`
 * places half up on the exact fraction (core `formatPercent`), e.g. `12 (4.2%)`. No comparator or band:
 * DfE publishes no pupil-level or data-quality figures to compare with.
 * @example countCell(12, 288, 1).display // '12 (4.2%)'
 */
export const countCell = (count: number, base: number, decimals = 1): ReportCell => ({
  value: base > 0 ? percent({ numerator: count, denominator: base }) : null,
  numerator: count,
  denominator: base,
  comparator: null,
  difference: null,
  band: null,
  significant: null,
  suppressed: false,
  display: base > 0 ? `${count} (${formatPercent({ numerator: count, denominator: base }, decimals)}%)` : String(count),
});

/**
 * A rate cell without a comparator: `numerator / denominator` as a percent to `decimals` places,
 * e.g. `37.5%`; `''` when the denominator is 0.
 * @example plainRateCell(3, 8, 1).display // '37.5%'
 */
export const plainRateCell = (numerator: number, denominator: number, decimals = 1): ReportCell => ({
  value: denominator > 0 ? percent({ numerator, denominator }) : null,
  numerator,
  denominator,
  comparator: null,
  difference: null,
  band: null,
  significant: null,
  suppressed: false,
  display: denominator > 0 ? `${formatPercent({ numerator, denominator }, decimals)}%` : '',
});

/** The selected schools' LA (or `all`), for the total row's key. */
export const laOf = (dataset: Dataset, scope: PupilScope): string => {
  const las = new Set(scope.schools.map((s) => dataset.schools[s]?.laCode ?? ''));
  return las.size === 1 ? (las.values().next().value as string) : 'all';
};

/** The total row's key: the LA of the selected schools, as the other reports write it. */
export const totalKey = (dataset: Dataset, scope: PupilScope): Record<string, string> => {
  const la = laOf(dataset, scope);
  return { name: la === 'all' ? 'All selected schools' : `LA ${la} (selected schools)`, la_code: la, row: 'total' };
};

/** A school row's key. */
export const schoolKey = (dataset: Dataset, s: number): Record<string, string> => {
  const school = dataset.schools[s];
  return { name: school?.name ?? school?.urn ?? '', school_urn: school?.urn ?? '', la_code: school?.laCode ?? '', row: 'school' };
};

/**
 * The notes every pupil-level report shares, in this order: schools not in the dataset, bad or
 * reversed dates, nobody matching the profile and filters, no data in the period. `found` says
 * whether the period has any of the scope's marks; `what` names the rows (e.g. `pupils on part-time
 * timetables`) for the note when there is data but no row; `listsPupils` adds the note on pupil-level rows.
 */
export const scopeNotes = (
  dataset: Dataset,
  scope: PupilScope,
  options: ReportOptions,
  notes: Notes,
  found: { readonly marks: number; readonly rows: number; readonly what: string; readonly listsPupils: boolean },
): void => {
  for (const u of scope.unknownSchools) notes.add(`School ${u} is not in the dataset.`);
  if (dataset.schools.length === 0) notes.add('The dataset has no schools.');
  const bad = [options.from, options.to].filter((d) => !isIsoDate(d));
  const filters = options.filters ?? [];
  const who = filters.length > 0 ? ` for pupils with ${filters.map((f) => `${f.field} = "${f.value}"`).join(' and ')}` : '';
  const where = options.schools !== undefined ? ' in the selected schools' : '';
  if (bad.length > 0) notes.add(`${bad.map((d) => `"${d}"`).join(' and ')} ${bad.length > 1 ? 'are not real dates' : 'is not a real date'} (YYYY-MM-DD): the table is empty.`);
  else if (options.to < options.from) notes.add(`The period ${options.from} to ${options.to} is empty: it ends before it starts.`);
  else if (scope.schools.length === 0) notes.add('No school of the dataset is selected: the table is empty.');
  else if (scope.enrolments.length === 0)
    notes.add(`No pupil${who}${where} is in the ${scope.profile.id} profile (${scope.profile.description})${scope.inSchools === 0 ? '; the selected schools have no pupils' : ''}: the table is empty.`);
  else if (found.marks === 0) notes.add(`No possible sessions between ${options.from} and ${options.to}${who}${where}: the table is empty.`);
  else if (found.rows === 0) notes.add(`No ${found.what} between ${options.from} and ${options.to}${who}${where}.`);
  if ((options.profile ?? 'dfe') !== 'all') notes.add(`Pupils are those of the ${scope.profile.id} profile: ${scope.profile.description}.`);
  if (found.listsPupils) notes.add('Pupil-level rows carry pupil ids only, never names; they are for officers entitled to see pupil data, not for publication.');
};

/**
 * The options to head a pupil-level report with: without the comparator, which these reports never use
 * (DfE publishes no pupil-level or data-quality figures to compare with); a note says so when one was given.
 */
export const withoutComparator = <O extends ReportOptions>(options: O, notes: Notes): Omit<O, 'comparator'> => {
  const { comparator, ...rest } = options;
  if (comparator !== undefined) notes.add('No comparator: DfE publishes no pupil-level or data-quality figures to compare these with.');
  return rest;
};

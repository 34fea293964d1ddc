/**
 * The half-termly attendance profile (issue 6 item 3; seed 001, Sandwell DIU's "Half termly: DIU Excel
 * Attendance Profile": "a full half termly breakdown of attendance data by characteristics for your
 * school and a full code level breakdown"; seeds 002/004: LAs analyse "all vulnerable groups"): for
 * the whole period and each half-term in it, attendance, overall / authorised / unauthorised absence,
 * persistent absence and every absence reason DfE publishes, for all pupils and by year group, gender,
 * FSM6, SEN, EAL and ethnicity.
 *
 * Every rate is a ratio of sums over the selected schools (sessions over possible sessions, DfE
 * technical guidance), from core `summarisePeriod` with the same profile and filters as the other
 * reports, so the whole-period cells are exactly `summarise`'s figures ([PROF-1]). Half-terms are the
 * England default dates (core calendar), as elsewhere in this package.
 *
 * @module
 */
import {
  discloseGroup,
  HALF_TERMS,
  isIsoDate,
  rangePeriod,
  summarisePeriod,
  toDayNumber,
  YEAR_GROUPS,
  type Dataset,
  type Fraction,
  type PeriodFilter,
  type PeriodGroupField,
  type PeriodSummaryRow,
  type School,
} from '@attendance-kit/core';
import { commonNotes, Notes, targetOf } from './build.js';
import { rateCell, suppressedCell } from './cell.js';
import { comparatorRate, type ComparatorRateResult } from './comparator.js';
import { ATTENDANCE, AUTHORISED_ABSENCE, OVERALL_ABSENCE, reasonMeasure, UNAUTHORISED_ABSENCE, type Measure } from './measures.js';
import type { Report, ReportCell, ReportColumn, ReportRow } from './model.js';
import type { ReportOptions, Tabulated } from './table.js';

/** Options of {@link attendanceProfile}. */
export interface ProfileReportOptions extends ReportOptions {
  /** Pupil characteristics, in row order; default year group, gender, FSM6, SEN, EAL, ethnicity (major group). */
  readonly profileFields?: readonly PeriodGroupField[];
  /** Reason columns as a share of possible sessions (default, DfE's reason rates) or of absence sessions. */
  readonly reasonShare?: 'possible' | 'absence';
}

/** Default characteristics: seed 001's (year group, gender, SEN, FSM6, EAL, ethnicity); ethnicity as DfE's major groups. */
export const PROFILE_FIELDS: readonly PeriodGroupField[] = ['year_group', 'sex', 'fsm6', 'sen', 'eal', 'ethnicity_major'];

/** The absence reasons, in FFT's Absence report order, then the others DfE publishes. */
export const PROFILE_REASONS: readonly Measure[] = ['I', 'M', 'H', 'E', 'R', 'S', 'T', 'C', 'C1', 'J1', 'C2', 'G', 'O', 'N', 'U'].map((c) => reasonMeasure(c) as Measure);

const HEADLINES: readonly Measure[] = [ATTENDANCE, OVERALL_ABSENCE, AUTHORISED_ABSENCE, UNAUTHORISED_ABSENCE];

/** Column id of persistent absence (enrolments at or over the profile's threshold, over enrolments). */
export const PROFILE_PA = 'persistent_absence';

/** The id of the whole-period part. */
export const WHOLE_PERIOD = 'period';

const HALF_TERM_LABEL: Readonly<Record<string, string>> = { autumn1: 'Autumn 1', autumn2: 'Autumn 2', spring1: 'Spring 1', spring2: 'Spring 2', summer1: 'Summer 1', summer2: 'Summer 2' };

/** Counts of one (part, group value), summed over the selected schools. */
interface Acc {
  possible: number;
  enrolments: number;
  pa: number;
  paBase: number;
  byMeasure: Record<string, number>;
  schools: Set<string>;
  weeks: Set<string>;
}

const newAcc = (): Acc => ({ possible: 0, enrolments: 0, pa: 0, paBase: 0, byMeasure: {}, schools: new Set(), weeks: new Set() });

const addRow = (acc: Acc, r: PeriodSummaryRow, measures: readonly Measure[]): void => {
  acc.possible += r.possible_sessions;
  acc.enrolments += r.enrolments;
  acc.pa += r.pa_enrolments;
  acc.paBase += r.pa_base ?? r.enrolments;
  for (const m of measures) acc.byMeasure[m.id] = (acc.byMeasure[m.id] ?? 0) + m.numerator(r);
};

const fieldLabel = (field: string): string =>
  field === 'year_group' ? 'Year' : field === 'sex' ? 'Gender' : field === 'fsm6' ? 'FSM6' : field === 'sen' ? 'SEN' : field === 'eal' ? 'EAL' : field === 'ethnicity_major' ? 'Ethnicity' : field;

/** Register order for year groups, else alphabetical; unknown (`''`) last. */
const valueOrder = (field: string, a: string, b: string): number =>
  a === '' || b === '' ? (a === b ? 0 : a === '' ? 1 : -1) : field === 'year_group' ? YEAR_GROUPS.indexOf(a as never) - YEAR_GROUPS.indexOf(b as never) : a < b ? -1 : a > b ? 1 : 0;

/**
 * The half-termly attendance profile: rows per part (the whole period, then each half-term) x group
 * (all pupils, then each value of each characteristic); columns attendance, the three absence rates,
 * persistent absence and each reason's rate. One decimal place (FFT FAQ 1).
 *
 * @example
 * attendanceProfile(dataset, { from: '2024-09-02', to: '2024-12-20' }).rows.find((r) => r.key.part === 'autumn1' && r.key.group === 'all')
 */
export const attendanceProfile = (dataset: Dataset, options: ProfileReportOptions): Report => {
  const notes = new Notes();
  const fields = options.profileFields ?? PROFILE_FIELDS;
  const measures = [...HEADLINES, ...PROFILE_REASONS];
  const profile = options.profile ?? 'dfe';
  const filter = (options.filters ?? []) as readonly PeriodFilter[];
  const known = new Set(dataset.schools.map((s) => s.urn));
  const selected = options.schools === undefined ? known : new Set(options.schools.filter((u) => known.has(u)));
  const valid = isIsoDate(options.from) && isIsoDate(options.to) && toDayNumber(options.to) >= toDayNumber(options.from);

  // part -> group key (`all` or `field=value`) -> counts.
  const parts = new Map<string, Map<string, Acc>>();
  const accOf = (part: string, group: string): Acc => {
    let p = parts.get(part);
    if (p === undefined) parts.set(part, (p = new Map()));
    let a = p.get(group);
    if (a === undefined) p.set(group, (a = newAcc()));
    return a;
  };
  const run = (by: readonly PeriodGroupField[]) =>
    valid ? summarisePeriod(dataset, { period: rangePeriod(options.from, options.to), profile, by: ['school', ...by], filter }).rows.filter((r) => selected.has(r['school_urn'] ?? '') && r.possible_sessions > 0) : [];
  // Two passes over the finest groups (every characteristic at once), summed to each margin: an
  // enrolment's characteristics are fixed here, so it is in one group per part, and sessions,
  // enrolments and PA decisions (made per enrolment on the part's sessions) add up exactly.
  const finest = [...new Set(fields)];
  const addMargins = (r: PeriodSummaryRow, part: string): void => {
    addRow(accOf(part, 'all'), r, measures);
    for (const field of finest) addRow(accOf(part, `${field}=${r[field] ?? ''}`), r, measures);
  };
  for (const r of run(finest)) addMargins(r, WHOLE_PERIOD);
  for (const r of run(['half_term', ...finest])) addMargins(r, r['half_term'] ?? '');
  // Schools and weeks with sessions, per part and group, for the comparator (its phase and its weeks).
  for (const r of run(['half_term', 'week'])) {
    for (const part of [WHOLE_PERIOD, r['half_term'] ?? '']) {
      const a = accOf(part, 'all');
      a.schools.add(r['school_urn'] ?? '');
      a.weeks.add(r['week'] ?? '');
    }
  }

  const bySchool = new Map(dataset.schools.map((s) => [s.urn, s]));
  const cmp = options.comparator;
  const min = options.minGroupSize;
  const shareOfAbsence = options.reasonShare === 'absence';
  const compared = new Map<string, ComparatorRateResult>();
  const cellsOf = (acc: Acc, comparable: Acc): Record<string, ReportCell> => {
    const withheld = acc.possible > 0 && min !== undefined && discloseGroup(null, { pupils: acc.enrolments }, { minGroupSize: min })._tag === 'withheld';
    const target = targetOf([...comparable.schools].map((u) => bySchool.get(u)).filter((s): s is School => s !== undefined));
    const mondays = [...comparable.weeks].sort();
    const cells: Record<string, ReportCell> = {};
    for (const m of measures) {
      const reason = !HEADLINES.includes(m);
      if (withheld) {
        cells[m.id] = suppressedCell();
        continue;
      }
      let comparator: Fraction | undefined;
      if (cmp !== undefined && cmp.kind === 'regional' && target !== undefined && target.laCode === '') notes.add('No regional comparator for schools in more than one LA.');
      else if (cmp !== undefined && target !== undefined && mondays.length > 0 && !(reason && shareOfAbsence)) {
        // Every group of a part shares the part's comparator: work it out once per part and measure.
        const key = `${mondays.join(',')}|${target.laCode}|${target.phase}|${m.id}`;
        let r = compared.get(key);
        if (r === undefined) compared.set(key, (r = comparatorRate(cmp, mondays, target, m.id, options.strictComparator !== true)));
        for (const w of r.unpublished) notes.unpublished.add(w);
        if ('rate' in r) comparator = r.rate;
        else notes.add(`No ${cmp.kind} comparator for ${m.label} (${target.phase}): ${r.missing}.`);
      }
      cells[m.id] = rateCell({
        numerator: acc.byMeasure[m.id] ?? 0,
        denominator: reason && shareOfAbsence ? (acc.byMeasure[OVERALL_ABSENCE.id] ?? 0) : acc.possible,
        comparator,
        polarity: m.polarity,
        decimals: 1,
      });
    }
    cells[PROFILE_PA] = withheld ? suppressedCell() : rateCell({ numerator: acc.pa, denominator: acc.paBase, polarity: 'higher-is-worse', decimals: 1 });
    return cells;
  };

  const order = [WHOLE_PERIOD, ...HALF_TERMS.filter((h) => parts.has(h))];
  const rows: ReportRow[] = [];
  for (const part of order) {
    const groups = parts.get(part);
    const all = groups?.get('all');
    if (groups === undefined || all === undefined || all.possible === 0) continue;
    const partLabel = part === WHOLE_PERIOD ? (options.periodLabel ?? 'Whole period') : (HALF_TERM_LABEL[part] ?? part);
    rows.push({ key: { name: `${partLabel}: all pupils`, part, group: 'all', value: '' }, cells: cellsOf(all, all) });
    for (const field of fields) {
      const values = [...groups.keys()].filter((k) => k.startsWith(`${field}=`)).map((k) => k.slice(field.length + 1)).sort((a, b) => valueOrder(field, a, b));
      for (const value of values) {
        const shown = value === '' ? 'unknown' : value;
        rows.push({ key: { name: `${partLabel}: ${fieldLabel(field)} ${shown}`, part, group: field, value: shown }, cells: cellsOf(groups.get(`${field}=${value}`) as Acc, all) });
      }
    }
  }

  const whole = parts.get(WHOLE_PERIOD)?.get('all');
  const tab: Tabulated = {
    groups: [],
    total: { value: '', ytd: { possible: whole?.possible ?? 0, enrolments: whole?.enrolments ?? 0, pa: whole?.pa ?? 0, byMeasure: {} }, weeks: new Map(), schools: whole?.schools ?? new Set() },
    weeks: [],
    unknownSchools: (options.schools ?? []).filter((u) => !known.has(u)),
  };
  commonNotes(dataset, tab, options, notes);
  if (rows.length > 0) {
    notes.add('Half-terms are England\'s default dates; a half-term row counts the sessions of the period inside it. Persistent absence is decided on each part\'s own sessions, so it does not add up across half-terms.');
    notes.add(shareOfAbsence
      ? 'Reason columns are each reason\'s share of all absence sessions (reason sessions over absence sessions); they have no comparator.'
      : 'Reason columns are each reason\'s rate: its sessions over possible sessions (DfE\'s reason rates; FFT\'s Absence report).');
    if (cmp !== undefined) notes.add('Group rows are compared with all pupils of the phase: DfE publishes no weekly figures by pupil characteristic. Persistent absence has no comparator.');
  }
  const columns: ReportColumn[] = [
    ...HEADLINES.map((m) => ({ id: m.id, label: m.label })),
    { id: PROFILE_PA, label: 'Persistent absence' },
    ...PROFILE_REASONS.map((m) => ({ id: m.id, label: shareOfAbsence ? `${m.label}, share of absence` : m.label })),
  ];
  return {
    id: 'profile',
    title: 'Attendance profile: half-termly, by pupil characteristics',
    period: { from: options.from, to: options.to, label: options.periodLabel ?? `${options.from} to ${options.to}` },
    profile,
    filters: options.filters ?? [],
    comparator: cmp === undefined ? { kind: 'none', label: 'none' } : { kind: cmp.kind, label: `${cmp.kind === 'national' ? 'England (national), same phase' : 'the LA\'s region, same phase'}${cmp.source === undefined ? '' : `: ${cmp.source}`}` },
    columns,
    rows,
    notes: notes.list,
  };
};

/**
 * `summarise`: the figures of canonical-format.md ("attendance summarise") for a period, a
 * population profile, optional grouping and filters, computed by the columnar engine. Pure.
 *
 * Conventions (docs/decisions/0002-engine.md): pupil fields are compared and reported as written in
 * pupils.csv: booleans `true` / `false`, unknown `''` (empty), `enrolment_status` `C` when empty.
 * Rows are sorted by their key columns in `by` order; `year_group` sorts in register order
 * (N1, N2, R, 1 ... 14), other keys by code point, so unknown (`''`) comes first.
 *
 * @module
 */
import { DEFAULT_COVID_X, type CovidX } from './classify.js';
import { YEAR_GROUPS, type Dataset, type Enrolment } from './dataset.js';
import { academicYearOf, toDayNumber, type IsoDate } from './dates.js';
import { includeEnrolment, PROFILES, sessionCutoffDay, type Profile, type ProfileId } from './population.js';
import { NO_CUTOFF, summariseGroups, tallyEnrolments } from './engine/aggregate.js';
import { CODE_ID, TALLY_WIDTH } from './codes.js';
import { PA_THRESHOLD, percent, SEVERE_THRESHOLD } from './metrics.js';
import {
  absence,
  aeaSessions,
  attendance,
  authorised,
  lateSessions,
  notPossible,
  possible,
  presentSessions,
  sessionsByCode,
  unauthorised,
  unmarked,
  type GroupSummary,
} from './tally.js';

/** What `--by` can group on. */
export const GROUP_FIELDS = ['school', 'la', 'year_group', 'sex', 'fsm', 'fsm6', 'sen', 'eal', 'looked_after', 'ethnicity'] as const;
/** A grouping field. */
export type GroupField = (typeof GROUP_FIELDS)[number];

/** The key column each grouping field writes: `school` -> `school_urn`, `la` -> `la_code`, pupil fields by their pupils.csv name. */
export const KEY_COLUMN = {
  school: 'school_urn',
  la: 'la_code',
  year_group: 'year_group',
  sex: 'sex',
  fsm: 'fsm',
  fsm6: 'fsm6',
  sen: 'sen',
  eal: 'eal',
  looked_after: 'looked_after',
  ethnicity: 'ethnicity',
} as const satisfies Readonly<Record<GroupField, string>>;
/** A key column of a summary row. */
export type KeyColumn = (typeof KEY_COLUMN)[GroupField];

/** Fields a filter can test: every pupils.csv column, plus `la_code` (from schools.csv). */
export const FILTER_FIELDS = [
  'school_urn',
  'la_code',
  'pupil_id',
  'date_of_birth',
  'sex',
  'year_group',
  'fsm',
  'fsm6',
  'eal',
  'looked_after',
  'sen',
  'ethnicity',
  'enrolment_status',
  'admission_date',
  'leaving_date',
] as const;
/** A filterable field. */
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Keep enrolments whose `field` is exactly `value` as written in pupils.csv (`''` = unknown). */
export interface Filter {
  readonly field: FilterField;
  readonly value: string;
}

/** Options of {@link summarise}. Validate outside input at the edge (the CLI uses zod). */
export interface SummariseOptions {
  /** First day of the period, inclusive. The profile's academic year is this day's. */
  readonly from: IsoDate;
  /** Last day of the period, inclusive. */
  readonly to: IsoDate;
  /** Population profile (population.ts), by id or value. Default `'dfe'`. */
  readonly profile?: ProfileId | Profile;
  /** Grouping fields, in key-column order. Empty: one row for everything. */
  readonly by?: readonly GroupField[];
  /** All must hold. */
  readonly filter?: readonly Filter[];
  /** COVID `X` treatment (classify.ts), default `'dfe'`. */
  readonly covidX?: CovidX;
}

/**
 * The figures of a summary row, named as in DfE's published statistics (canonical-format.md).
 * `*_perc` are unrounded percentages, null when their denominator is 0.
 */
export interface SummaryFigures {
  readonly enrolments: number;
  readonly possible_sessions: number;
  readonly present_sessions: number;
  readonly approved_educational_activity: number;
  readonly overall_attendance: number;
  readonly overall_absence: number;
  readonly authorised_absence: number;
  readonly unauthorised_absence: number;
  readonly late_sessions: number;
  readonly not_possible_sessions: number;
  readonly unmarked_sessions: number;
  /** Sessions of every code seen (non-zero counts, not-possible codes and `-` included; COVID `X` under `X`). */
  readonly sessions_by_code: Readonly<Record<string, number>>;
  readonly pa_enrolments: number;
  readonly severe_absence_enrolments: number;
  readonly attendance_perc: number | null;
  readonly overall_absence_perc: number | null;
  readonly authorised_absence_perc: number | null;
  readonly unauthorised_absence_perc: number | null;
  /** PA enrolments / enrolments x 100. */
  readonly pa_perc: number | null;
}

const perc = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? percent({ numerator, denominator }) : null;

/**
 * The row figures of a group summary (metrics.ts `percent`: `x * 100 / possible`).
 * @example summaryFigures({ tally: tallyFromCodes({ '/': 9, I: 1 }), enrolments: 1, paEnrolments: 1, severeEnrolments: 0 }).overall_absence_perc // 10
 */
export const summaryFigures = (s: GroupSummary): SummaryFigures => {
  const t = s.tally;
  const p = possible(t);
  return {
    enrolments: s.enrolments,
    possible_sessions: p,
    present_sessions: presentSessions(t),
    approved_educational_activity: aeaSessions(t),
    overall_attendance: attendance(t),
    overall_absence: absence(t),
    authorised_absence: authorised(t),
    unauthorised_absence: unauthorised(t),
    late_sessions: lateSessions(t),
    not_possible_sessions: notPossible(t),
    unmarked_sessions: unmarked(t),
    sessions_by_code: sessionsByCode(t),
    pa_enrolments: s.paEnrolments,
    severe_absence_enrolments: s.severeEnrolments,
    attendance_perc: perc(attendance(t), p),
    overall_absence_perc: perc(absence(t), p),
    authorised_absence_perc: perc(authorised(t), p),
    unauthorised_absence_perc: perc(unauthorised(t), p),
    pa_perc: perc(s.paEnrolments, s.enrolments),
  };
};

/** A summary row: its key columns (one per `by` field) then the figures. */
export type SummaryRow = Readonly<Partial<Record<KeyColumn, string>>> & SummaryFigures;

/** The result of {@link summarise}; the CLI adds the `input` block from its import report. */
export interface SummariseResult {
  readonly rows: readonly SummaryRow[];
}

const bool = (b: boolean | undefined): string => (b === undefined ? '' : b ? 'true' : 'false');

/**
 * An enrolment's field as written in pupils.csv (`''` when unknown; `enrolment_status` defaults to
 * `C`). `school_urn` and `la_code` come from its school.
 * @example fieldValue(dataset, dataset.enrolments[0]!, 'fsm') // 'true'
 */
export const fieldValue = (dataset: Pick<Dataset, 'schools'>, e: Enrolment, field: FilterField): string => {
  switch (field) {
    case 'school_urn':
      return dataset.schools[e.school]?.urn ?? '';
    case 'la_code':
      return dataset.schools[e.school]?.laCode ?? '';
    case 'pupil_id':
      return e.pupilId;
    case 'date_of_birth':
      return e.dateOfBirth ?? '';
    case 'sex':
      return e.sex ?? '';
    case 'year_group':
      return e.yearGroup;
    case 'fsm':
      return bool(e.fsm);
    case 'fsm6':
      return bool(e.fsm6);
    case 'eal':
      return bool(e.eal);
    case 'looked_after':
      return bool(e.lookedAfter);
    case 'sen':
      return e.sen ?? '';
    case 'ethnicity':
      return e.ethnicity ?? '';
    case 'enrolment_status':
      return e.enrolmentStatus;
    case 'admission_date':
      return e.admissionDate ?? '';
    case 'leaving_date':
      return e.leavingDate ?? '';
  }
};

/** The filter field holding a grouping field's value. */
const GROUP_SOURCE: Readonly<Record<GroupField, FilterField>> = { ...KEY_COLUMN };

const N_COLUMN = CODE_ID.get('N') as number;

const YEAR_ORDER = new Map<string, number>(YEAR_GROUPS.map((y, i) => [y, i]));

/** Orders two key values of one field: year groups in register order, the rest by code point. */
export const compareKeyValues = (field: GroupField, a: string, b: string): number => {
  if (field === 'year_group') {
    const d = (YEAR_ORDER.get(a) ?? -1) - (YEAR_ORDER.get(b) ?? -1);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
};

/** The profile value of an id or value. */
const resolveProfile = (p: ProfileId | Profile | undefined): Profile => (p === undefined ? PROFILES.dfe : typeof p === 'string' ? PROFILES[p] : p);

/**
 * Summarises a dataset over a period: one row per group of enrolments (or one row overall), with the
 * figures of canonical-format.md. An enrolment with no possible session in the period is in no
 * figure, and a group with no counted enrolment has no row (the overall row is always present).
 * The profile's rules applied here: who is kept (ages, year groups), the removed sessions, the PA and
 * severe thresholds, and `countN`. PA is decided per enrolment with no minimum of possible sessions;
 * profiles with `minPossibleForPa` or pupil-based PA need period-summary.ts `summarisePeriod`.
 * @example
 * summarise(dataset, { from: '2024-09-02' as IsoDate, to: '2025-07-22' as IsoDate, by: ['school'] }).rows[0]
 * // { school_urn: '100101', enrolments: 180, possible_sessions: 68_040, ..., pa_perc: 14.4 }
 */
export const summarise = (dataset: Dataset, options: SummariseOptions): SummariseResult => {
  const profile = resolveProfile(options.profile);
  const by = options.by ?? [];
  const filters = options.filter ?? [];
  const academicYear = academicYearOf(options.from);
  const fromSlot = toDayNumber(options.from) * 2;
  const toSlot = toDayNumber(options.to) * 2 + 1;
  const cutoffEndSlot = toDayNumber(`${academicYear + 1}-07-31`) * 2 + 1;

  const n = dataset.enrolments.length;
  const groupOf = new Int32Array(n).fill(-1);
  const cutoffSlot = new Uint32Array(n).fill(NO_CUTOFF);
  const keyIndex = new Map<string, number>();
  const keys: string[][] = [];
  dataset.enrolments.forEach((e, i) => {
    if (!includeEnrolment(profile, e, academicYear)) return;
    if (!filters.every((f) => fieldValue(dataset, e, f.field) === f.value)) return;
    const key = by.map((f) => fieldValue(dataset, e, GROUP_SOURCE[f]));
    const joined = key.join('\u0000');
    let g = keyIndex.get(joined);
    if (g === undefined) {
      g = keys.length;
      keyIndex.set(joined, g);
      keys.push(key);
    }
    groupOf[i] = g;
    const cut = sessionCutoffDay(profile, e, academicYear);
    if (cut !== undefined) cutoffSlot[i] = cut * 2;
  });
  if (by.length === 0 && keys.length === 0) keys.push([]);

  const counts = tallyEnrolments(dataset.marks, {
    enrolments: n,
    fromSlot,
    toSlot,
    cutoffSlot,
    cutoffEndSlot,
    covidX: options.covidX ?? DEFAULT_COVID_X,
  });
  // A profile may leave code N out of every figure (population.ts `countN`).
  if (profile.countN === false) for (let row = N_COLUMN; row < counts.length; row += TALLY_WIDTH) counts[row] = 0;
  const summaries = summariseGroups(counts, groupOf, keys.length, {
    persistent: profile.persistent ?? PA_THRESHOLD,
    severe: profile.severe ?? SEVERE_THRESHOLD,
  });

  const order = keys.map((_, g) => g);
  order.sort((a, b) => {
    for (let k = 0; k < by.length; k++) {
      const d = compareKeyValues(by[k] as GroupField, (keys[a] as string[])[k] as string, (keys[b] as string[])[k] as string);
      if (d !== 0) return d;
    }
    return 0;
  });
  const rows: SummaryRow[] = [];
  for (const g of order) {
    const s = summaries[g];
    if (s === undefined || (by.length > 0 && s.enrolments === 0)) continue;
    const row: Record<string, unknown> = {};
    by.forEach((f, k) => {
      row[KEY_COLUMN[f]] = (keys[g] as string[])[k];
    });
    rows.push(Object.assign(row, summaryFigures(s)) as SummaryRow);
  }
  return { rows };
};

/**
 * `summarisePeriod`: `summarise` over a calendar period (issue 3): a half-term or term resolved per
 * school from its own calendar, a week, year to date as of a date, or a date range; grouping by
 * `week` (the Monday, ISO date) and `half_term` as well as school, LA and pupil fields; the derived
 * pupil fields `ethnicity_major` and `sen_status` (characteristics.ts); every rule of the profile
 * (population.ts: year-group range, PA/severe thresholds, minimum possible sessions, enrolment- or
 * pupil-based PA, whether `N` counts). Pure.
 *
 * How: the period is cut, per school, into parts (weeks and/or half-terms, or the whole period);
 * parts with the same slot range share one engine pass (`tallyEnrolments`), so a part's tally is
 * exactly the merge of its sessions' and parts merge into their period ([PER-4]).
 *
 * Rows carry their key columns and the figures of canonical-format.md (summarise.ts
 * `summaryFigures`). Two columns are added only when the profile needs them: `pa_base` (enrolments,
 * or pupils, with at least the profile's minimum possible sessions: the base of `pa_perc`) and
 * `pupils` (pupil-based PA: distinct pupils of the group).
 *
 * @module
 */
import { valueOn, type Characteristics, type TimedField } from './characteristic-timeline.js';
import { ethnicityMajorGroup, senLabel } from './characteristics.js';
import { defaultCalendar } from './calendar/default-calendar.js';
import { halfTermIndex, type SchoolCalendar } from './calendar/half-terms.js';
import { periodRange, splitIntoHalfTerms, rangePeriod, type Period } from './calendar/periods.js';
import { weekParts, type WeekConvention } from './calendar/weeks.js';
import { COLUMN_CATEGORY_ID, DEFAULT_COVID_X, tallyColumnOf, type CovidX } from './classify.js';
import { CATEGORY_ID, CODE_ID, TALLY_WIDTH } from './codes.js';
import type { Dataset, Enrolment } from './dataset.js';
import { academicYearOf, toDayNumber, type IsoDate } from './dates.js';
import { NO_CUTOFF, tallyEnrolments } from './engine/aggregate.js';
import { PA_THRESHOLD, reachesThreshold, SEVERE_THRESHOLD } from './metrics.js';
import { includeEnrolment, PROFILES, sessionCutoffDay, type Profile, type ProfileId } from './population.js';
import { compareKeyValues, fieldValue, FILTER_FIELDS, GROUP_FIELDS, KEY_COLUMN, summaryFigures, type FilterField, type GroupField, type SummaryFigures } from './summarise.js';

/**
 * Pupil fields beyond pupils.csv's columns, usable in `by` and in filters: derived ones
 * (characteristics.ts), and `previously_looked_after`, known only from pupil_characteristics.csv
 * (unknown, `''`, elsewhere).
 */
export const DERIVED_FIELDS = ['ethnicity_major', 'sen_status', 'previously_looked_after'] as const;
/** A derived pupil field. */
export type DerivedField = (typeof DERIVED_FIELDS)[number];
/** Time fields, usable in `by` only. */
export const TIME_FIELDS = ['week', 'half_term'] as const;
/** A time field. */
export type TimeField = (typeof TIME_FIELDS)[number];

/** What `summarisePeriod` can group on. */
export const PERIOD_GROUP_FIELDS = [...GROUP_FIELDS, ...DERIVED_FIELDS, ...TIME_FIELDS] as const;
/** A grouping field of {@link summarisePeriod}. */
export type PeriodGroupField = (typeof PERIOD_GROUP_FIELDS)[number];
/** What a filter of {@link summarisePeriod} can test. */
export const PERIOD_FILTER_FIELDS = [...FILTER_FIELDS, ...DERIVED_FIELDS] as const;
/** A filter field of {@link summarisePeriod}. */
export type PeriodFilterField = (typeof PERIOD_FILTER_FIELDS)[number];

/** The key column each grouping field writes (summarise.ts `KEY_COLUMN`, plus the new fields under their own names). */
export const PERIOD_KEY_COLUMN: Readonly<Record<PeriodGroupField, string>> = {
  ...KEY_COLUMN,
  ethnicity_major: 'ethnicity_major',
  sen_status: 'sen_status',
  previously_looked_after: 'previously_looked_after',
  week: 'week',
  half_term: 'half_term',
};

/** Keep enrolments whose field is exactly `value` (`''` = unknown). */
export interface PeriodFilter {
  readonly field: PeriodFilterField;
  readonly value: string;
}

/** Options of {@link summarisePeriod}. */
export interface PeriodSummariseOptions {
  /** The period (calendar/periods.ts); half-terms and terms resolve per school. */
  readonly period: Period;
  /** Cut the period at this date (year to date, "so far"). Never the clock. */
  readonly asOf?: IsoDate;
  /** Each school's calendar, by school index (calendar/school-calendar.ts `schoolCalendars`); default England calendar when absent. */
  readonly calendars?: readonly (SchoolCalendar | undefined)[];
  /** Population profile, by id or value. Default `'dfe'`. */
  readonly profile?: ProfileId | Profile;
  /** Grouping fields, in key-column order. */
  readonly by?: readonly PeriodGroupField[];
  /** All must hold. */
  readonly filter?: readonly PeriodFilter[];
  /** COVID `X` treatment, default `'dfe'`. */
  readonly covidX?: CovidX;
  /**
   * Characteristics that change during the year (characteristic-timeline.ts): a session is grouped
   * and filtered by the value in force on its date. An enrolment whose sessions fall in several
   * groups counts once in each; its PA is decided on all its sessions in the part.
   */
  readonly characteristics?: Characteristics;
  /** How `week` keys are labelled: the Monday (`week-commencing`, DfE, default) or the Friday (`week-ending`, FFT). */
  readonly weekLabel?: WeekConvention;
}

/** A row: key columns, the figures, and `pa_base` / `pupils` when the profile calls for them. */
export type PeriodSummaryRow = Readonly<Record<string, string>> & SummaryFigures & { readonly pa_base?: number; readonly pupils?: number };

/**
 * An enrolment's value of a filter or grouping field (pupils.csv fields as written, derived fields
 * by characteristics.ts; `''` = unknown).
 * @example periodFieldValue(dataset, e, 'ethnicity_major') // 'White' for WBRI
 */
export const periodFieldValue = (dataset: Pick<Dataset, 'schools'>, e: Enrolment, field: PeriodFilterField): string =>
  field === 'ethnicity_major'
    ? ethnicityMajorGroup(e.ethnicity)
    : field === 'sen_status'
      ? senLabel(e.sen)
      : field === 'previously_looked_after'
        ? ''
        : fieldValue(dataset, e, field);

const isTime = (f: PeriodGroupField): f is TimeField => f === 'week' || f === 'half_term';

/** The timed field (characteristic-timeline.ts) a filter field's value depends on, if any. */
const TIMED_SOURCE: Partial<Record<PeriodFilterField, TimedField>> = {
  fsm: 'fsm',
  fsm6: 'fsm6',
  eal: 'eal',
  looked_after: 'looked_after',
  sen: 'sen',
  sen_status: 'sen',
  ethnicity: 'ethnicity',
  ethnicity_major: 'ethnicity',
  previously_looked_after: 'previously_looked_after',
};

/** A field's value for an enrolment on a day, with changing characteristics applied. */
const valueOnDay = (dataset: Pick<Dataset, 'schools' | 'enrolments'>, characteristics: Characteristics, e: number, field: PeriodFilterField, day: number): string => {
  const timed = TIMED_SOURCE[field];
  const v = timed === undefined ? undefined : valueOn(characteristics, e, timed, day);
  if (v === undefined) return periodFieldValue(dataset, dataset.enrolments[e] as Enrolment, field);
  return field === 'sen_status' ? senLabel(v as Enrolment['sen']) : field === 'ethnicity_major' ? ethnicityMajorGroup(v) : v;
};

/** One piece of a school's period. */
interface Part {
  readonly fromSlot: number;
  readonly toSlot: number;
  readonly week: string;
  readonly halfTerm: string;
}

/** A school's period cut into the parts the grouping needs. */
const partsOfSchool = (options: PeriodSummariseOptions, calendar: SchoolCalendar | undefined, byWeek: boolean, byHalfTerm: boolean): Part[] => {
  const range = periodRange(options.period, {
    ...(calendar === undefined ? {} : { calendar }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  if (range.to < range.from) return [];
  const calendarOf = (y: number): SchoolCalendar => (calendar?.academicYear === y ? calendar : defaultCalendar(y));
  let pieces: { from: IsoDate; to: IsoDate; week: string; halfTerm: string }[] = byHalfTerm
    ? splitIntoHalfTerms(rangePeriod(range.from, range.to), calendarOf).map((p) => ({ from: p.from, to: p.to, week: '', halfTerm: p.halfTerm }))
    : [{ from: range.from, to: range.to, week: '', halfTerm: '' }];
  if (byWeek) pieces = pieces.flatMap((p) => weekParts(p).map((w) => ({ from: w.from, to: w.to, week: options.weekLabel === 'week-ending' ? w.week.ending : w.week.commencing, halfTerm: p.halfTerm })));
  return pieces.map((p) => ({ fromSlot: toDayNumber(p.from) * 2, toSlot: toDayNumber(p.to) * 2 + 1, week: p.week, halfTerm: p.halfTerm }));
};

const POSSIBLE = new Uint8Array(TALLY_WIDTH);
const ABSENT = new Uint8Array(TALLY_WIDTH);
for (let c = 0; c < TALLY_WIDTH; c++) {
  const cat = COLUMN_CATEGORY_ID[c] as number;
  const absent = cat === CATEGORY_ID.authorised || cat === CATEGORY_ID.unauthorised;
  ABSENT[c] = absent ? 1 : 0;
  POSSIBLE[c] = absent || cat === CATEGORY_ID.present || cat === CATEGORY_ID.aea || cat === CATEGORY_ID.covid ? 1 : 0;
}
const N_COLUMN = CODE_ID.get('N') as number;

interface Group {
  readonly key: readonly string[];
  readonly label: string;
  readonly sums: Float64Array;
  enrolments: number;
  pa: number;
  severe: number;
  paBase: number;
  readonly pupils: Set<number>;
}

const resolveProfile = (p: ProfileId | Profile | undefined): Profile => (p === undefined ? PROFILES.dfe : typeof p === 'string' ? PROFILES[p] : p);

const compareKey = (field: PeriodGroupField, a: string, b: string): number => {
  if (field === 'half_term') return halfTermIndex(a) - halfTermIndex(b);
  if ((GROUP_FIELDS as readonly string[]).includes(field)) return compareKeyValues(field as GroupField, a, b);
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Summarises a dataset over a calendar period, one row per group (or one row overall).
 * @example
 * summarisePeriod(dataset, { period: halfTermPeriod(2024, 'autumn1'), calendars, by: ['school', 'week'] }).rows
 */
export const summarisePeriod = (dataset: Dataset, options: PeriodSummariseOptions): { readonly rows: readonly PeriodSummaryRow[] } => {
  const profile = resolveProfile(options.profile);
  const by = options.by ?? [];
  const filters = options.filter ?? [];
  const byWeek = by.includes('week');
  const byHalfTerm = by.includes('half_term');
  const persistent = profile.persistent ?? PA_THRESHOLD;
  const severe = profile.severe ?? SEVERE_THRESHOLD;
  const minPossible = Math.max(1, profile.minPossibleForPa ?? 1);
  const perPupil = profile.paBasis === 'pupil';
  const countN = profile.countN ?? true;
  const academicYear = academicYearOf(periodRange(options.period, options.asOf === undefined ? {} : { asOf: options.asOf }).from);
  const cutoffEndSlot = toDayNumber(`${academicYear + 1}-07-31`) * 2 + 1;

  // Which enrolments the profile keeps (pupil totals use these) and which the filters keep too.
  const n = dataset.enrolments.length;
  const inProfile = new Uint8Array(n);
  const selected = new Uint8Array(n);
  const cutoffSlot = new Uint32Array(n).fill(NO_CUTOFF);
  const pupilIndex = new Map<string, number>();
  const pupilOf = new Int32Array(n);
  dataset.enrolments.forEach((e, i) => {
    let p = pupilIndex.get(e.pupilId);
    if (p === undefined) pupilIndex.set(e.pupilId, (p = pupilIndex.size));
    pupilOf[i] = p;
    if (!includeEnrolment(profile, e, academicYear)) return;
    inProfile[i] = 1;
    if (filters.every((f) => periodFieldValue(dataset, e, f.field) === f.value)) selected[i] = 1;
    const cut = sessionCutoffDay(profile, e, academicYear);
    if (cut !== undefined) cutoffSlot[i] = cut * 2;
  });

  // Enrolments with a changing characteristic that a key or filter reads: tallied mark by mark.
  const chars = options.characteristics;
  const readFields = new Set<TimedField>();
  for (const f of [...by.filter((b) => !isTime(b)).map((b) => PERIOD_KEY_COLUMN[b] as PeriodFilterField), ...filters.map((f) => f.field)]) {
    const t = TIMED_SOURCE[f];
    if (t !== undefined) readFields.add(t);
  }
  const timed = new Uint8Array(n);
  if (chars !== undefined) {
    for (const [e, spans] of chars.byEnrolment) if (e < n && spans.some((sp) => readFields.has(sp.field))) timed[e] = 1;
  }
  const markStart = new Int32Array(n + 1).fill(-1);
  if (chars !== undefined && timed.some((t) => t === 1)) {
    // The store is sorted by enrolment: each enrolment's marks are one run.
    const enr = dataset.marks.enrolment;
    for (let i = dataset.marks.length - 1; i >= 0; i--) markStart[enr[i] as number] = i;
  }
  const covidX = options.covidX ?? DEFAULT_COVID_X;

  // Parts of every school, those with one slot range sharing an engine pass.
  const passes = new Map<string, { fromSlot: number; toSlot: number; parts: Map<number, Part> }>();
  dataset.schools.forEach((_, s) => {
    for (const part of partsOfSchool(options, options.calendars?.[s], byWeek, byHalfTerm)) {
      const k = `${part.fromSlot}|${part.toSlot}`;
      let pass = passes.get(k);
      if (pass === undefined) passes.set(k, (pass = { fromSlot: part.fromSlot, toSlot: part.toSlot, parts: new Map() }));
      pass.parts.set(s, part);
    }
  });

  const W = TALLY_WIDTH;
  const groups = new Map<string, Group>();
  // Pupil-based PA: each pupil's possible and absence per time label, summed over every school.
  const pupilTotals = new Map<string, Map<number, { possible: number; absence: number }>>();
  for (const pass of passes.values()) {
    const counts = tallyEnrolments(dataset.marks, { enrolments: n, fromSlot: pass.fromSlot, toSlot: pass.toSlot, cutoffSlot, cutoffEndSlot, covidX });
    for (let e = 0; e < n; e++) {
      if (inProfile[e] === 0) continue;
      const enrolment = dataset.enrolments[e] as Enrolment;
      const part = pass.parts.get(enrolment.school);
      if (part === undefined) continue;
      const row = e * W;
      // Profile without N: its sessions are in no figure ([PROF-1]: still never counted twice).
      if (!countN) counts[row + N_COLUMN] = 0;
      let possible = 0;
      let absence = 0;
      for (let c = 0; c < W; c++) {
        const v = counts[row + c] as number;
        possible += v * (POSSIBLE[c] as number);
        absence += v * (ABSENT[c] as number);
      }
      if (possible === 0) continue;
      const label = `${part.week}|${part.halfTerm}`;
      const p = pupilOf[e] as number;
      if (perPupil) {
        let totals = pupilTotals.get(label);
        if (totals === undefined) pupilTotals.set(label, (totals = new Map()));
        const t = totals.get(p) ?? { possible: 0, absence: 0 };
        totals.set(p, { possible: t.possible + possible, absence: t.absence + absence });
      }
      if (timed[e] === 1 && chars !== undefined) {
        // Split the enrolment's sessions by the values in force on their dates.
        const segments = new Map<string, { key: string[]; sums: Float64Array }>();
        const cut = cutoffSlot[e] as number;
        for (let i = markStart[e] as number; i >= 0 && i < dataset.marks.length && dataset.marks.enrolment[i] === e; i++) {
          const slot = dataset.marks.slot[i] as number;
          if (slot < pass.fromSlot || slot > pass.toSlot || (slot >= cut && slot <= cutoffEndSlot)) continue;
          const day = Math.floor(slot / 2);
          const col = tallyColumnOf(dataset.marks.code[i] as number, day, covidX);
          if (!countN && col === N_COLUMN) continue;
          if (!filters.every((f) => valueOnDay(dataset, chars, e, f.field, day) === f.value)) continue;
          const key = by.map((f) => (f === 'week' ? part.week : f === 'half_term' ? part.halfTerm : valueOnDay(dataset, chars, e, PERIOD_KEY_COLUMN[f] as PeriodFilterField, day)));
          const joined = key.join('\u0000');
          let seg = segments.get(joined);
          if (seg === undefined) segments.set(joined, (seg = { key, sums: new Float64Array(W) }));
          seg.sums[col] = (seg.sums[col] as number) + 1;
        }
        for (const [joined, seg] of segments) {
          let g = groups.get(joined);
          if (g === undefined) {
            g = { key: seg.key, label, sums: new Float64Array(W), enrolments: 0, pa: 0, severe: 0, paBase: 0, pupils: new Set() };
            groups.set(joined, g);
          }
          for (let c = 0; c < W; c++) g.sums[c] = (g.sums[c] as number) + (seg.sums[c] as number);
          g.enrolments += 1;
          if (perPupil) g.pupils.add(p);
          else if (possible >= minPossible) {
            g.paBase += 1;
            if (reachesThreshold(absence, possible, persistent)) g.pa += 1;
            if (reachesThreshold(absence, possible, severe)) g.severe += 1;
          }
        }
        continue;
      }
      if (selected[e] === 0) continue;
      const key = by.map((f) => (f === 'week' ? part.week : f === 'half_term' ? part.halfTerm : periodFieldValue(dataset, enrolment, PERIOD_KEY_COLUMN[f] as PeriodFilterField)));
      const joined = key.join('\u0000');
      let g = groups.get(joined);
      if (g === undefined) {
        g = { key, label, sums: new Float64Array(W), enrolments: 0, pa: 0, severe: 0, paBase: 0, pupils: new Set() };
        groups.set(joined, g);
      }
      for (let c = 0; c < W; c++) g.sums[c] = (g.sums[c] as number) + (counts[row + c] as number);
      g.enrolments += 1;
      if (perPupil) g.pupils.add(p);
      else if (possible >= minPossible) {
        g.paBase += 1;
        if (reachesThreshold(absence, possible, persistent)) g.pa += 1;
        if (reachesThreshold(absence, possible, severe)) g.severe += 1;
      }
    }
  }
  if (perPupil) {
    for (const g of groups.values()) {
      const totals = pupilTotals.get(g.label);
      for (const p of g.pupils) {
        const t = totals?.get(p);
        if (t === undefined || t.possible < minPossible) continue;
        g.paBase += 1;
        if (reachesThreshold(t.absence, t.possible, persistent)) g.pa += 1;
        if (reachesThreshold(t.absence, t.possible, severe)) g.severe += 1;
      }
    }
  }
  if (by.length === 0 && groups.size === 0) {
    groups.set('', { key: [], label: '|', sums: new Float64Array(W), enrolments: 0, pa: 0, severe: 0, paBase: 0, pupils: new Set() });
  }

  const extra = perPupil || minPossible > 1;
  const ordered = [...groups.values()].sort((a, b) => {
    for (let k = 0; k < by.length; k++) {
      const d = compareKey(by[k] as PeriodGroupField, a.key[k] as string, b.key[k] as string);
      if (d !== 0) return d;
    }
    return 0;
  });
  const rows = ordered.map((g): PeriodSummaryRow => {
    const row: Record<string, unknown> = {};
    by.forEach((f, k) => {
      row[PERIOD_KEY_COLUMN[f]] = g.key[k];
    });
    const figures = summaryFigures({ tally: { byCode: Array.from(g.sums) }, enrolments: g.enrolments, paEnrolments: g.pa, severeEnrolments: g.severe });
    Object.assign(row, figures, { pa_perc: g.paBase > 0 ? (g.pa * 100) / g.paBase : null });
    if (extra) row['pa_base'] = g.paBase;
    if (perPupil) row['pupils'] = g.pupils.size;
    return row as PeriodSummaryRow;
  });
  return { rows };
};

/** Whether a grouping field is a time field (`week`, `half_term`). */
export const isTimeField = isTime;

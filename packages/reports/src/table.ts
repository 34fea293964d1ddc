/**
 * The engine every report shares: counts per row group, per week and for the whole period, from one
 * `summarise` call (the period column, `ytd`) and one `summarisePeriod` call (week columns), both on
 * the same profile and filters, so a `ytd` cell is exactly `summarise`'s figure ([REP-1]).
 *
 * Rows are summed over the selected schools (sessions add across schools: an enrolment is at one
 * school), so a school selection never needs a filter that `summarise` cannot express.
 *
 * @module
 */
import {
  fromDayNumber,
  isIsoDate,
  rangePeriod,
  summarise,
  summarisePeriod,
  toDayNumber,
  weekStartDay,
  type Dataset,
  type Filter,
  type GroupField,
  type IsoDate,
  type ProfileId,
  type SummaryFigures,
} from '@attendance-kit/core';
import type { ComparatorCells } from './comparator.js';
import type { Measure } from './measures.js';

/** Options every report takes. Validate outside input at the edge (the CLI). */
export interface ReportOptions {
  /** First day of the period, inclusive (the CLI resolves `--term` to dates). */
  readonly from: IsoDate;
  /** Last day of the period, inclusive. */
  readonly to: IsoDate;
  /** How the period is named in the header (default `from to to`). */
  readonly periodLabel?: string;
  /** Population profile, default `dfe` (issue 6). */
  readonly profile?: ProfileId;
  /** Pupil filters, all must hold (year_group, sex, fsm6, sen, eal, ethnicity, ...), values as in pupils.csv. */
  readonly filters?: readonly Filter[];
  /** Schools to include by URN; default every school in the dataset. */
  readonly schools?: readonly string[];
  /** Reverse the report's default order (FFT: "this can be reversed"). */
  readonly reverse?: boolean;
  /** The comparator's published cells; without them cells have no comparator. */
  readonly comparator?: ComparatorCells;
  /**
   * Withhold cells of fewer pupils (enrolments with a possible session) than this (core disclosure.ts
   * `discloseGroup`); totals are still computed from every pupil. Default: nothing withheld.
   */
  readonly minGroupSize?: number;
  /** A period comparator only when every week of the row's data has published cells (default: pool the published weeks and say which are missing). */
  readonly strictComparator?: boolean;
}

/** Numerators of the measures a table needs, over possible sessions. */
export interface Counts {
  readonly possible: number;
  /** Enrolments with a possible session (for cohort sizes). */
  readonly enrolments: number;
  /** Of those, persistently absent ones (the profile's threshold, decided per enrolment by `summarise`). */
  readonly pa: number;
  readonly byMeasure: Readonly<Record<string, number>>;
}

/** Counts of one row group: the period (`ytd`) and each week (by Monday). */
export interface GroupCounts {
  /** Group value (`''` for the total over everything selected). */
  readonly value: string;
  readonly ytd: Counts;
  readonly weeks: ReadonlyMap<string, Counts>;
  /** URNs of the schools that contributed sessions. */
  readonly schools: ReadonlySet<string>;
}

/** What {@link tabulate} returns. */
export interface Tabulated {
  /** One entry per group value seen (in `summarise` order), sessions summed over the selected schools. */
  readonly groups: readonly GroupCounts[];
  /** Everything selected together. */
  readonly total: GroupCounts;
  /** Mondays of the weeks with any possible session, ascending. */
  readonly weeks: readonly string[];
  /** URNs asked for but not in the dataset. */
  readonly unknownSchools: readonly string[];
}

const add = (a: Counts | undefined, row: SummaryFigures, measures: readonly Measure[]): Counts => {
  const byMeasure: Record<string, number> = {};
  for (const m of measures) byMeasure[m.id] = (a?.byMeasure[m.id] ?? 0) + m.numerator(row);
  return { possible: (a?.possible ?? 0) + row.possible_sessions, enrolments: (a?.enrolments ?? 0) + row.enrolments, pa: (a?.pa ?? 0) + row.pa_enrolments, byMeasure };
};

/**
 * Counts per group of `by` (or none: the total only), over the selected schools.
 * @example tabulate(dataset, options, 'year_group', [ATTENDANCE], true).groups[0].ytd.possible
 */
export const tabulate = (
  dataset: Dataset,
  options: ReportOptions,
  by: GroupField | undefined,
  measures: readonly Measure[],
  withWeeks: boolean,
): Tabulated => {
  const known = new Set(dataset.schools.map((s) => s.urn));
  const unknownSchools = (options.schools ?? []).filter((u) => !known.has(u));
  const selected = options.schools === undefined ? known : new Set(options.schools.filter((u) => known.has(u)));
  const groupBy: GroupField[] = by === undefined || by === 'school' ? ['school'] : ['school', by];
  const keyCol = by === undefined ? undefined : by === 'school' ? 'school_urn' : by === 'sex' ? 'sex' : by;
  const filter = options.filters ?? [];
  const profile = options.profile ?? 'dfe';

  const groups = new Map<string, { value: string; ytd?: Counts; weeks: Map<string, Counts>; schools: Set<string> }>();
  const total = { value: '', ytd: undefined as Counts | undefined, weeks: new Map<string, Counts>(), schools: new Set<string>() };
  const groupOf = (value: string) => {
    let g = groups.get(value);
    if (g === undefined) groups.set(value, (g = { value, weeks: new Map(), schools: new Set() }));
    return g;
  };
  // Not a real date, or ends before it starts: nothing to count (build.ts says which in a note).
  const empty = !isIsoDate(options.from) || !isIsoDate(options.to) || toDayNumber(options.to) < toDayNumber(options.from);
  if (!empty) {
    const rows = summarise(dataset, { from: options.from, to: options.to, profile, by: groupBy, filter }).rows;
    for (const r of rows) {
      const urn = r.school_urn ?? '';
      if (!selected.has(urn) || r.possible_sessions === 0) continue;
      const g = groupOf(keyCol === undefined ? '' : ((r as unknown as Readonly<Record<string, string>>)[keyCol] ?? ''));
      g.ytd = add(g.ytd, r, measures);
      g.schools.add(urn);
      total.ytd = add(total.ytd, r, measures);
      total.schools.add(urn);
    }
  }
  const weekSet = new Set<string>();
  if (!empty && withWeeks) {
    const rows = summarisePeriod(dataset, { period: rangePeriod(options.from, options.to), profile, by: [...groupBy, 'week'], filter }).rows;
    for (const r of rows) {
      const urn = r['school_urn'] ?? '';
      const week = r['week'] ?? '';
      if (!selected.has(urn) || r.possible_sessions === 0) continue;
      weekSet.add(week);
      const g = groupOf(keyCol === undefined ? '' : (r[keyCol] ?? ''));
      g.weeks.set(week, add(g.weeks.get(week), r, measures));
      total.weeks.set(week, add(total.weeks.get(week), r, measures));
    }
  }
  const zero: Counts = { possible: 0, enrolments: 0, pa: 0, byMeasure: Object.fromEntries(measures.map((m) => [m.id, 0])) };
  const finish = (g: { value: string; ytd?: Counts | undefined; weeks: Map<string, Counts>; schools: Set<string> }): GroupCounts => ({
    value: g.value,
    ytd: g.ytd ?? zero,
    weeks: g.weeks,
    schools: g.schools,
  });
  return {
    groups: by === undefined ? [] : [...groups.values()].map(finish),
    total: finish(total),
    weeks: [...weekSet].sort(),
    unknownSchools,
  };
};

/**
 * The Mondays of every week a period touches (for column headings and comparator pooling).
 * @example mondaysOf('2024-09-04', '2024-09-16') // ['2024-09-02', '2024-09-09', '2024-09-16']
 */
export const mondaysOf = (from: IsoDate, to: IsoDate): readonly string[] => {
  const out: string[] = [];
  for (let d = weekStartDay(toDayNumber(from)); d <= toDayNumber(to); d += 7) out.push(fromDayNumber(d));
  return out;
};

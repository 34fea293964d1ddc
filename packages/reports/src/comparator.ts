/**
 * Comparator rates for report cells from published area cells (adapter-dfe-ees `areaCellsByPeriod`
 * of DfE's weekly file), one list per week. A week's comparator is its published cell; a period's is
 * the cells of its weeks pooled (sessions summed, core `addCounts`), so it rests on the same sessions
 * DfE counted, never on a mean of weekly rates. Weeks DfE did not publish (its first, partial week of
 * a term; FFT FAQ 5) are left out of the pooled figure unless the caller asks for strict coverage,
 * and the report says which weeks those were.
 *
 * Source: DfE weekly files: `time_period` 2024 + `time_identifier` "Week 37" is the ISO week of the
 * week-commencing Monday (adapter-dfe-ees period.ts).
 *
 * @module
 */
import {
  addCounts,
  fromDayNumber,
  nationalComparator,
  regionalComparator,
  toDayNumber,
  weekStartDay,
  type AreaCell,
  type Fraction,
  type Phase,
} from '@attendance-kit/core';

/** The comparator a report is given: which one, and its published cells by week. */
export interface ComparatorCells {
  readonly kind: 'national' | 'regional';
  /** Published cells per week, keyed by the week's Monday (`2024-09-09`). */
  readonly weeks: ReadonlyMap<string, readonly AreaCell[]>;
  /** Where the cells come from, for the report header (e.g. `DfE weekly, autumn 2024/25`). */
  readonly source?: string;
}

/**
 * Re-keys `areaCellsByPeriod`'s weekly periods (`2024 Week 37`) by their Monday; other periods are dropped.
 * @example cellsByWeekMonday(new Map([['2024 Week 37', cells]])).get('2024-09-09') === cells
 */
export const cellsByWeekMonday = (byPeriod: ReadonlyMap<string, readonly AreaCell[]>): ReadonlyMap<string, readonly AreaCell[]> => {
  const out = new Map<string, readonly AreaCell[]>();
  for (const [period, cells] of byPeriod) {
    const m = /^(\d{4}) Week (\d{1,2})$/.exec(period);
    if (m === null) continue;
    // ISO week 1 is the week holding 4 January.
    const jan4 = toDayNumber(`${m[1]}-01-04`);
    out.set(fromDayNumber(weekStartDay(jan4) + 7 * (Number(m[2]) - 1)), cells);
  }
  return out;
};

/** DfE's `school_type` of a canonical phase; anything else is compared with all state-funded schools. */
export const dfePhaseOf = (phase: Phase): string =>
  phase === 'primary' ? 'Primary' : phase === 'secondary' ? 'Secondary' : phase === 'special' ? 'Special' : 'Total';

/** Sums the cells of several weeks, area by area; a cell missing counts in any week has none. */
const pool = (lists: readonly (readonly AreaCell[])[]): readonly AreaCell[] => {
  const byArea = new Map<string, AreaCell>();
  const seen = new Map<string, number>();
  for (const cells of lists) {
    for (const c of cells) {
      const k = `${c.level}|${c.code}|${c.phase}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
      const prev = byArea.get(k);
      if (prev === undefined) {
        const { rates: _rates, schools: _schools, ...rest } = c;
        byArea.set(k, rest);
      } else {
        const { counts: _c, ...rest } = prev;
        byArea.set(k, prev.counts !== undefined && c.counts !== undefined ? { ...rest, counts: addCounts(prev.counts, c.counts) } : rest);
      }
    }
  }
  // An area absent from some week has no pooled figure.
  return [...byArea.entries()].flatMap(([k, c]) => ((seen.get(k) ?? 0) === lists.length ? [c] : []));
};

/** Pooled cells per set of weeks, per weeks map: a report asks for the same weeks for many rows and measures. */
const POOLED = new WeakMap<ReadonlyMap<string, readonly AreaCell[]>, Map<string, readonly AreaCell[]>>();

/** The cells of some published weeks, pooled (one week: its cells as published). Memoised; the result only depends on the arguments. */
const pooledCells = (weeks: ReadonlyMap<string, readonly AreaCell[]>, mondays: readonly string[]): readonly AreaCell[] => {
  if (mondays.length === 1) return weeks.get(mondays[0] as string) ?? [];
  let memo = POOLED.get(weeks);
  if (memo === undefined) POOLED.set(weeks, (memo = new Map()));
  const key = mondays.join(',');
  let cells = memo.get(key);
  if (cells === undefined) memo.set(key, (cells = pool(mondays.map((m) => weeks.get(m) ?? []))));
  return cells;
};

/** Which comparator cell: the area's LA (for a regional comparator) and phase. */
export interface ComparatorTarget {
  readonly laCode: string;
  readonly phase: string;
}

/** A comparator rate, or why there is none; `unpublished` lists asked-for weeks with no cells. */
export type ComparatorRateResult =
  | { readonly rate: Fraction; readonly unpublished: readonly string[] }
  | { readonly missing: string; readonly unpublished: readonly string[] };

/**
 * The exact comparator percentage of a measure over some weeks, or why there is none. Weeks with no
 * published cells are left out when `allowUnpublished` (the result lists them); otherwise any such
 * week means no comparator.
 * @example comparatorRate(input, ['2024-09-09'], { laCode: '926', phase: 'Primary' }, 'attendance', false)
 */
export const comparatorRate = (
  input: ComparatorCells,
  mondays: readonly string[],
  target: ComparatorTarget,
  measure: string,
  allowUnpublished: boolean,
): ComparatorRateResult => {
  const unpublished = mondays.filter((m) => !input.weeks.has(m));
  const published = mondays.filter((m) => input.weeks.has(m));
  if (published.length === 0 || (unpublished.length > 0 && !allowUnpublished)) return { missing: 'no published comparator data for some weeks', unpublished };
  const cells = pooledCells(input.weeks, published);
  const r = input.kind === 'national' ? nationalComparator(cells, target.phase, measure) : regionalComparator(cells, target.laCode, target.phase, measure);
  return r._tag === 'value' ? { rate: r.rate, unpublished } : { missing: r.reason, unpublished };
};

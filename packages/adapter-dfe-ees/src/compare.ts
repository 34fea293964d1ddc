/**
 * Differences and bands against a comparator, row by row: each row against the national (or its
 * region's) row of the same period and phase, or an LA row against the plain mean of its statistical
 * neighbours' rates (LAIT's way), for the headline measures, with FFT's bands decided exactly (core
 * banding.ts). Comparator rates are the recomputed ones, so a Total is compared with Totals made by the
 * same method.
 *
 * @module
 */
import {
  bandPercentages,
  HEADLINE_MEASURES,
  plainMean,
  polarityOf,
  subtractFractions,
  type Band,
  type Fraction,
  type NeighbourTable,
} from '@attendance-kit/core';
import type { ComparatorTable, ComparatorTableRow } from './table.js';

/** What to compare each row with. `neighbours` needs a statistical neighbour table. */
export type CompareTarget = 'national' | 'regional' | 'neighbours';

/** One row's comparison for one measure, or the reason there is none. */
export type Comparison =
  | { readonly _tag: 'value'; readonly comparator: Fraction; readonly difference: Fraction; readonly band: Band }
  | { readonly _tag: 'none'; readonly reason: string };

/** The comparisons of every row of a table, in row order, by measure. */
export interface TableComparison {
  readonly target: CompareTarget;
  readonly measures: readonly string[];
  readonly rows: readonly Readonly<Record<string, Comparison>>[];
}

const periodPhase = (r: ComparatorTableRow): string => [r.key.timePeriod, r.key.timeIdentifier, r.key.phase].join('|');

const rateOf = (r: ComparatorTableRow | undefined, m: string): Fraction | undefined => {
  const v = r?.values[`${m}_perc`];
  return v?._tag === 'rate' ? v.value : undefined;
};

/**
 * Compares every row of `table` with its comparator. National rows against themselves give a zero
 * difference; a row with no comparator (e.g. a national row against `regional`, a region against
 * `neighbours`) says why. Against `neighbours`, members without a rate are left out, as LAIT's
 * `mean(values_num, na.rm = TRUE)`.
 *
 * @example
 * const cmp = compareTable(comparatorTable(readDfeAttendanceCsv(text)), 'national');
 * cmp.rows[0]?.attendance // { _tag: 'value', comparator, difference, band: { level: 1, direction: 'worse', ... } }
 */
export const compareTable = (table: ComparatorTable, target: CompareTarget, neighbours?: NeighbourTable): TableComparison => {
  const index = new Map<string, ComparatorTableRow>();
  for (const r of table.rows) {
    if (target === 'national' && r.key.level === 'National') index.set(periodPhase(r), r);
    if (target === 'regional' && r.key.level === 'Regional') index.set(`${periodPhase(r)}|${r.key.regionCode}`, r);
    if (target === 'neighbours' && r.key.level === 'Local authority') index.set(`${periodPhase(r)}|${r.key.laCode}`, r);
  }
  const comparatorOf = (r: ComparatorTableRow, m: string): Fraction | string => {
    if (target === 'national') return rateOf(index.get(periodPhase(r)), m) ?? 'no national rate for this period and phase';
    if (target === 'regional') {
      if (r.key.level === 'National') return 'a national row has no region';
      return rateOf(index.get(`${periodPhase(r)}|${r.key.regionCode}`), m) ?? 'no regional rate for this period and phase';
    }
    if (r.key.level !== 'Local authority') return 'only LA rows have statistical neighbours';
    const list = neighbours?.get(r.key.laCode);
    if (list === undefined) return `LA ${r.key.laCode} is not in the statistical neighbour table`;
    const rates = list.flatMap((la) => {
      const f = rateOf(index.get(`${periodPhase(r)}|${la}`), m);
      return f === undefined ? [] : [f];
    });
    return plainMean(rates) ?? 'no neighbour has a rate for this period and phase';
  };
  const measures = HEADLINE_MEASURES;
  const rows = table.rows.map((r) => {
    const out: Record<string, Comparison> = {};
    for (const m of measures) {
      const mine = rateOf(r, m);
      const theirs = comparatorOf(r, m);
      if (typeof theirs === 'string') out[m] = { _tag: 'none', reason: theirs };
      else if (mine === undefined) out[m] = { _tag: 'none', reason: 'the row has no rate' };
      else out[m] = { _tag: 'value', comparator: theirs, difference: subtractFractions(mine, theirs), band: bandPercentages(mine, theirs, polarityOf(m)) };
    }
    return out;
  });
  return { target, measures, rows };
};

/**
 * A band as one signed number for tables: +1..+3 better, −1..−3 worse, 0 no band.
 *
 * @example
 * signedBand({ level: 2, direction: 'worse', difference }) // -2
 */
export const signedBand = (b: Band): number => (b.direction === 'better' ? b.level : b.direction === 'worse' ? -b.level : 0);

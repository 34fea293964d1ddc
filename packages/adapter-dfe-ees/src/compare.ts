/**
 * Differences and bands against a comparator row of the same table: each row against the national
 * (or its region's) row of the same period and phase, for the headline measures, with FFT's bands
 * decided exactly (core banding.ts). Comparator rates are the recomputed ones, so a Total is compared
 * with the Total made by the same method.
 *
 * @module
 */
import { bandPercentages, HEADLINE_MEASURES, polarityOf, subtractFractions, type Band, type Fraction } from '@attendance-kit/core';
import type { ComparatorTable, ComparatorTableRow, TableValue } from './table.js';

/** What to compare each row with. */
export type CompareTarget = 'national' | 'regional';

/** One row's differences and bands (measure -> value), or the reason there is none. */
export type Comparison =
  | { readonly _tag: 'value'; readonly difference: Fraction; readonly band: Band }
  | { readonly _tag: 'none'; readonly reason: string };

/** The comparisons of every row of a table, in row order, by measure. */
export interface TableComparison {
  readonly target: CompareTarget;
  readonly measures: readonly string[];
  readonly rows: readonly Readonly<Record<string, Comparison>>[];
}

const periodPhase = (r: ComparatorTableRow): string => [r.key.timePeriod, r.key.timeIdentifier, r.key.phase].join('|');

/**
 * Compares every row of `table` with its national or regional row (same period and phase). National
 * rows compared with themselves give a zero difference; a row with no comparator (e.g. a national row
 * against `regional`) says why.
 *
 * @example
 * const cmp = compareTable(comparatorTable(readDfeAttendanceCsv(text)), 'national');
 * cmp.rows[0]?.attendance // { _tag: 'value', difference, band: { level: 1, direction: 'worse', ... } }
 */
export const compareTable = (table: ComparatorTable, target: CompareTarget): TableComparison => {
  const targets = new Map<string, ComparatorTableRow>();
  for (const r of table.rows) {
    if (target === 'national' && r.key.level === 'National') targets.set(periodPhase(r), r);
    if (target === 'regional' && r.key.level === 'Regional') targets.set(`${periodPhase(r)}|${r.key.regionCode}`, r);
  }
  const measures = HEADLINE_MEASURES;
  const rows = table.rows.map((r) => {
    const out: Record<string, Comparison> = {};
    const against =
      target === 'national'
        ? targets.get(periodPhase(r))
        : r.key.level === 'National'
          ? undefined
          : targets.get(`${periodPhase(r)}|${r.key.regionCode}`);
    for (const m of measures) {
      const mine: TableValue | undefined = r.values[`${m}_perc`];
      const theirs: TableValue | undefined = against?.values[`${m}_perc`];
      if (against === undefined) out[m] = { _tag: 'none', reason: `no ${target} row for this period and phase` };
      else if (mine?._tag !== 'rate') out[m] = { _tag: 'none', reason: 'the row has no rate' };
      else if (theirs?._tag !== 'rate') out[m] = { _tag: 'none', reason: `the ${target} row has no rate` };
      else out[m] = { _tag: 'value', difference: subtractFractions(mine.value, theirs.value), band: bandPercentages(mine.value, theirs.value, polarityOf(m)) };
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

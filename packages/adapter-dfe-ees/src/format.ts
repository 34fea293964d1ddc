/**
 * Writing a comparator table as CSV or JSON. Rates are unrounded doubles (the nearest double to the
 * exact rate). Withheld cells use DfE's own conventions: `c` suppressed, `x` not available, and `NaN`
 * (CSV) / `null` (JSON) where there were no possible sessions.
 *
 * @module
 */
import { fractionToNumber } from '@attendance-kit/core';
import { signedBand, type TableComparison } from './compare.js';
import type { ComparatorTable, TableValue } from './table.js';

/** A value as JSON: a number, `"c"`, `"x"`, or `null` for no possible sessions. */
export type JsonValue = number | 'c' | 'x' | null;

/** A table value as a JSON value. */
export const valueToJson = (v: TableValue | undefined): JsonValue => {
  if (v === undefined) return 'x';
  switch (v._tag) {
    case 'rate':
      return fractionToNumber(v.value);
    case 'suppressed':
      return 'c';
    case 'not-available':
      return 'x';
    case 'no-sessions':
      return null;
  }
};

/** A table value as CSV text. */
export const valueToCsv = (v: TableValue | undefined): string => {
  const j = valueToJson(v);
  return j === null ? 'NaN' : String(j);
};

const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The output columns: identity columns, then `row_source`, `method`, then the rate columns. */
export const tableColumns = (t: ComparatorTable): readonly string[] => [...t.identityColumns, 'row_source', 'method', ...t.rateColumns];

/**
 * Columns added by a comparison: `<measure>_<target>` (the comparator rate), `<measure>_diff_<target>`
 * (points, unrounded) and `<measure>_band_<target>` (signed band).
 */
export const comparisonColumns = (c: TableComparison): readonly string[] =>
  c.measures.flatMap((m) => [`${m}_${c.target}`, `${m}_diff_${c.target}`, `${m}_band_${c.target}`]);

/** The comparison cells of row `i`: column -> JSON value (`"x"` where there is no comparison). */
const comparisonCells = (c: TableComparison, i: number): Record<string, JsonValue> => {
  const out: Record<string, JsonValue> = {};
  const row = c.rows[i];
  for (const m of c.measures) {
    const v = row?.[m];
    out[`${m}_${c.target}`] = v?._tag === 'value' ? fractionToNumber(v.comparator) : 'x';
    out[`${m}_diff_${c.target}`] = v?._tag === 'value' ? fractionToNumber(v.difference) : 'x';
    out[`${m}_band_${c.target}`] = v?._tag === 'value' ? signedBand(v.band) : 'x';
  }
  return out;
};

/**
 * The tables as CSV text (one header; tables from several files must share their columns, else each
 * table's columns are united in first-seen order and a missing cell is empty).
 *
 * @example
 * tablesToCsv([comparatorTable(readDfeAttendanceCsv(text))])
 */
export const tablesToCsv = (tables: readonly ComparatorTable[], comparisons: readonly (TableComparison | undefined)[] = []): string => {
  const columns: string[] = [];
  tables.forEach((t, k) => {
    const cmp = comparisons[k];
    for (const c of [...tableColumns(t), ...(cmp === undefined ? [] : comparisonColumns(cmp))]) if (!columns.includes(c)) columns.push(c);
  });
  const lines = [columns.map(quote).join(',')];
  tables.forEach((t, k) => {
    const cmp = comparisons[k];
    t.rows.forEach((r, i) => {
      const extra = cmp === undefined ? {} : comparisonCells(cmp, i);
      const cells = columns.map((c) => {
        const e = extra[c];
        if (e !== undefined) return e === null ? 'NaN' : String(e);
        if (c === 'row_source') return r.source;
        if (c === 'method') return r.method;
        if (t.rateColumns.includes(c)) return valueToCsv(r.values[c]);
        return r.identity[c] ?? '';
      });
      lines.push(cells.map(quote).join(','));
    });
  });
  return `${lines.join('\n')}\n`;
};

/** The tables as an array of plain JSON objects, one per row, in {@link tableColumns} order. */
export const tablesToJson = (
  tables: readonly ComparatorTable[],
  comparisons: readonly (TableComparison | undefined)[] = [],
): readonly Record<string, string | JsonValue>[] =>
  tables.flatMap((t, k) =>
    t.rows.map((r, i) => {
      const o: Record<string, string | JsonValue> = { file: r.file };
      for (const c of t.identityColumns) o[c] = r.identity[c] ?? '';
      o.row_source = r.source;
      o.method = r.method;
      for (const c of t.rateColumns) o[c] = valueToJson(r.values[c]);
      const cmp = comparisons[k];
      if (cmp !== undefined) Object.assign(o, comparisonCells(cmp, i));
      return o;
    }),
  );

/**
 * Writing a comparator table as CSV or JSON. Rates are unrounded doubles (the nearest double to the
 * exact rate). Withheld cells use DfE's own conventions: `c` suppressed, `x` not available, and `NaN`
 * (CSV) / `null` (JSON) where there were no possible sessions.
 *
 * @module
 */
import { fractionToNumber } from '@attendance-kit/core';
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
 * The tables as CSV text (one header; tables from several files must share their columns, else each
 * table's columns are united in first-seen order and a missing cell is empty).
 *
 * @example
 * tablesToCsv([comparatorTable(readDfeAttendanceCsv(text))])
 */
export const tablesToCsv = (tables: readonly ComparatorTable[]): string => {
  const columns: string[] = [];
  for (const t of tables) for (const c of tableColumns(t)) if (!columns.includes(c)) columns.push(c);
  const lines = [columns.map(quote).join(',')];
  for (const t of tables)
    for (const r of t.rows) {
      const cells = columns.map((c) => {
        if (c === 'row_source') return r.source;
        if (c === 'method') return r.method;
        if (t.rateColumns.includes(c)) return valueToCsv(r.values[c]);
        return r.identity[c] ?? '';
      });
      lines.push(cells.map(quote).join(','));
    }
  return `${lines.join('\n')}\n`;
};

/** The tables as an array of plain JSON objects, one per row, in {@link tableColumns} order. */
export const tablesToJson = (tables: readonly ComparatorTable[]): readonly Record<string, string | JsonValue>[] =>
  tables.flatMap((t) =>
    t.rows.map((r) => {
      const o: Record<string, string | JsonValue> = { file: r.file };
      for (const c of t.identityColumns) o[c] = r.identity[c] ?? '';
      o.row_source = r.source;
      o.method = r.method;
      for (const c of t.rateColumns) o[c] = valueToJson(r.values[c]);
      return o;
    }),
  );

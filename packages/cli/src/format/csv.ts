/**
 * `--format csv`: one line per summary row, RFC 4180, for spreadsheets and databases.
 *
 * Columns: the group keys (in `--by` order), the counts and unrounded rates of
 * canonical-format.md, then `code_<x>` for every register code (format/columns.ts).
 *
 * Spreadsheet formula injection: a text cell starting with `=`, `+`, `-` or `@` is opened as a
 * formula by Excel and others, so such text cells are prefixed with `'`. Only text is changed
 * (group key values such as an ethnicity code); numbers are written as they are, so a negative
 * number would stay a number.
 *
 * @module
 */
import { codeColumns, codeCount, METRIC_COLUMNS, type SummaryRowLike } from './columns.js';

const FORMULA_START = /^[=+\-@]/;

/** A text cell made safe to open in a spreadsheet (see module note). */
export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** RFC 4180 quoting: quote when the cell holds a comma, quote, CR or LF; double inner quotes. */
export const quoteCsv = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

const cellOf = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoteCsv(neutralise(String(value)));
};

/**
 * The CSV text of summary rows, with a header line and a final newline.
 * @param keyColumns the group key columns, in `--by` order (e.g. `['school_urn', 'sex']`)
 * @example toCsv([{ school_urn: '100101', enrolments: 2, sessions_by_code: { '/': 3 } }], ['school_urn'])
 */
export const toCsv = (rows: readonly SummaryRowLike[], keyColumns: readonly string[]): string => {
  const codes = codeColumns(rows);
  const header = [...keyColumns, ...METRIC_COLUMNS, ...codes.map((c) => `code_${c}`)].map(quoteCsv);
  const lines = rows.map((row) =>
    [...keyColumns.map((k) => cellOf(row[k])), ...METRIC_COLUMNS.map((m) => cellOf(row[m])), ...codes.map((c) => String(codeCount(row, c)))].join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
};

/**
 * `--format table`: aligned columns for reading in a terminal. Rates are percentages of possible
 * sessions (PA: of enrolments), rounded half up to one decimal place as DfE shows them in text
 * (reference §4.6), with core's `formatPercent` on the integer counts, so the rounding is exact
 * (never a floating-point accident: the JSON `*_perc` values are floats and unrounded).
 *
 * @module
 */
import { countOf, type SummaryRowLike } from './columns.js';
import { formatPercent } from '@attendance-kit/core';

/** What the table's heading says about the run. */
export interface TableContext {
  readonly from: string;
  readonly to: string;
  readonly profile: string;
  readonly filters: readonly string[];
}

interface TableColumn {
  readonly title: string;
  readonly align: 'left' | 'right';
  readonly cell: (row: SummaryRowLike) => string;
}

const keyText = (v: unknown): string => (v === null || v === undefined || v === '' ? '(unknown)' : String(v));
const whole = (column: string) => (row: SummaryRowLike) => countOf(row, column).toLocaleString('en-GB');
/** `z` (GSS: not applicable) when there is nothing to divide by; reference §4.6. */
const rate = (numerator: string, denominator: string) => (row: SummaryRowLike) => {
  const d = countOf(row, denominator);
  return d === 0 ? 'z' : formatPercent({ numerator: countOf(row, numerator), denominator: d }, 1);
};

const METRICS: readonly TableColumn[] = [
  { title: 'enrolments', align: 'right', cell: whole('enrolments') },
  { title: 'possible', align: 'right', cell: whole('possible_sessions') },
  { title: 'attendance %', align: 'right', cell: rate('overall_attendance', 'possible_sessions') },
  { title: 'absence %', align: 'right', cell: rate('overall_absence', 'possible_sessions') },
  { title: 'authorised %', align: 'right', cell: rate('authorised_absence', 'possible_sessions') },
  { title: 'unauthorised %', align: 'right', cell: rate('unauthorised_absence', 'possible_sessions') },
  { title: 'PA %', align: 'right', cell: rate('pa_enrolments', 'enrolments') },
  { title: 'PA', align: 'right', cell: whole('pa_enrolments') },
  { title: 'severe', align: 'right', cell: whole('severe_absence_enrolments') },
];

const pad = (text: string, width: number, align: 'left' | 'right'): string =>
  align === 'left' ? text.padEnd(width) : text.padStart(width);

/**
 * The rows as an aligned text table with a heading line and a note on the rates.
 * @param keyColumns the group key columns in `--by` order
 * @example toTable(rows, ['school_urn'], { from: '2024-09-02', to: '2024-12-20', profile: 'dfe', filters: [] })
 */
export const toTable = (rows: readonly SummaryRowLike[], keyColumns: readonly string[], context: TableContext): string => {
  const columns: readonly TableColumn[] = [
    ...keyColumns.map((k): TableColumn => ({ title: k, align: 'left', cell: (row) => keyText(row[k]) })),
    ...METRICS,
  ];
  const cells = rows.map((row) => columns.map((c) => c.cell(row)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (texts: readonly string[]): string =>
    texts.map((t, i) => pad(t, widths[i] ?? 0, columns[i]?.align ?? 'left')).join('  ').trimEnd();
  const filters = context.filters.length > 0 ? `, filter ${context.filters.join(' and ')}` : '';
  return [
    `Period ${context.from} to ${context.to}, profile ${context.profile}${filters}: ${rows.length} row${rows.length === 1 ? '' : 's'}`,
    '',
    line(columns.map((c) => c.title)),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    '',
    'Rates are % of possible sessions (PA %: of enrolments), rounded half up to 1 decimal place.',
    'PA: absence >= 10% of the enrolment\'s own possible sessions; severe: >= 50%.',
    '',
  ].join('\n');
};

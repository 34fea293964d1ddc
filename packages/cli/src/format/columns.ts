/**
 * The columns of a summary row as the CSV and table formats lay them out: the group keys (in
 * `--by` order), the counts and rates of canonical-format.md (in its order), then one column per
 * register code.
 *
 * @module
 */
import { CODE_TABLE } from '@attendance-kit/core';

/** A summary row as `summarise` returns it (canonical-format.md): keys, counts, rates, `sessions_by_code`. */
export type SummaryRowLike = Readonly<Record<string, unknown>>;

/** Count and rate columns, in the order of canonical-format.md. */
export const METRIC_COLUMNS = [
  'enrolments',
  'possible_sessions',
  'present_sessions',
  'approved_educational_activity',
  'overall_attendance',
  'overall_absence',
  'authorised_absence',
  'unauthorised_absence',
  'late_sessions',
  'not_possible_sessions',
  'unmarked_sessions',
  'pa_enrolments',
  'severe_absence_enrolments',
  'attendance_perc',
  'overall_absence_perc',
  'authorised_absence_perc',
  'unauthorised_absence_perc',
  'pa_perc',
] as const;

const DICTIONARY_ORDER: ReadonlyMap<string, number> = new Map(CODE_TABLE.map((c, i) => [c.code, i]));

const codesOfRow = (row: SummaryRowLike): readonly string[] => {
  const byCode = row['sessions_by_code'];
  return byCode !== null && typeof byCode === 'object' ? Object.keys(byCode) : [];
};

/**
 * The codes that get a `code_<x>` column: every code of the statutory tables in dictionary order
 * (core's CODE_TABLE, so the columns are the same whatever the data and period), then any other
 * key found in the rows (e.g. a COVID `X` column), sorted.
 */
export const codeColumns = (rows: readonly SummaryRowLike[]): readonly string[] => {
  const extra = new Set<string>();
  for (const row of rows) for (const code of codesOfRow(row)) if (!DICTIONARY_ORDER.has(code)) extra.add(code);
  return [...CODE_TABLE.map((c) => c.code), ...[...extra].sort()];
};

/** A row's count for one code (0 when the code was not seen). */
export const codeCount = (row: SummaryRowLike, code: string): number => {
  const byCode = row['sessions_by_code'] as Readonly<Record<string, number>> | undefined;
  return byCode?.[code] ?? 0;
};

/** A row's number in a count column (0 when absent). */
export const countOf = (row: SummaryRowLike, column: string): number => {
  const v = row[column];
  return typeof v === 'number' ? v : 0;
};

/**
 * The comparator table: one output row per input row, with rates recomputed from its session counts,
 * plus the phase Totals recomputed by DfE's method for the year (or the one asked for), each row carrying
 * its input's identifying columns unchanged and naming the method used.
 *
 * @module
 */
import {
  combinePhases,
  decimalToFraction,
  defaultPhaseTotalMethod,
  dfeSingleSchoolRule,
  HEADLINE_MEASURES,
  rateFraction,
  type Fraction,
  type Issue,
  type PhasePart,
  type PhaseTotalMethod,
} from '@attendance-kit/core';
import { PA_COLUMN } from './columns.js';
import type { DfeAttendanceFile, DfeAttendanceRow, DfeRowKey } from './read.js';

/** How a row's rates were made: from its own counts, or by combining phases. */
export type RowMethod = 'sessions' | PhaseTotalMethod;

/** One output value. */
export type TableValue =
  | { readonly _tag: 'rate'; readonly value: Fraction }
  | { readonly _tag: 'suppressed'; readonly reason: string }
  | { readonly _tag: 'not-available'; readonly reason: string }
  | { readonly _tag: 'no-sessions' };

/** One output row. */
export interface ComparatorTableRow {
  readonly file: string;
  /** Line of the input row; absent for Totals added where the input had none. */
  readonly line?: number;
  /** `input` for a row of the file, `added-total` for a Total the file did not have (LA level). */
  readonly source: 'input' | 'added-total';
  readonly identity: Readonly<Record<string, string>>;
  /** The row's period x geography x phase. */
  readonly key: DfeRowKey;
  readonly method: RowMethod;
  /** Output rate columns (`attendance_perc`, ..., `pa_perc`) -> value. */
  readonly values: Readonly<Record<string, TableValue>>;
}

/** Options for {@link comparatorTable}. */
export interface ComparatorTableOptions {
  /** Overrides DfE's method by year (census-weighted to 2024/25, pooled from 2025/26). */
  readonly phaseTotalMethod?: PhaseTotalMethod;
  /** Add a recomputed Total for area groups that have none (DfE publishes no LA Totals). Default true. */
  readonly addMissingTotals?: boolean;
}

/** The result: rows, the rate columns in output order, and any issues met on the way. */
export interface ComparatorTable {
  readonly rateColumns: readonly string[];
  readonly identityColumns: readonly string[];
  readonly rows: readonly ComparatorTableRow[];
  readonly issues: readonly Issue[];
}

const PHASES = ['Primary', 'Secondary', 'Special'] as const;

const groupKey = (r: DfeAttendanceRow): string =>
  [r.key.timePeriod, r.key.timeIdentifier, r.key.level, r.key.regionCode, r.key.laCode].join('|');

const paOf = (r: DfeAttendanceRow): Fraction | undefined => {
  const p = r.published[PA_COLUMN];
  return p?._tag === 'number' ? decimalToFraction(p.text) : undefined;
};

const phaseValues = (r: DfeAttendanceRow, measures: readonly string[], hasPa: boolean): Record<string, TableValue> => {
  const values: Record<string, TableValue> = {};
  const all = [...measures.map((m) => `${m}_perc`), PA_COLUMN];
  if (r.suppressed) {
    for (const c of all) values[c] = { _tag: 'suppressed', reason: 'suppressed by DfE in the input' };
    return values;
  }
  for (const m of measures) {
    const counts = r.counts;
    if (counts === undefined) values[`${m}_perc`] = { _tag: 'not-available', reason: 'the row has no usable counts' };
    else if (counts.possible === 0) values[`${m}_perc`] = { _tag: 'no-sessions' };
    else {
      const f = rateFraction(counts, m);
      values[`${m}_perc`] = f === undefined ? { _tag: 'not-available', reason: `no ${m} count` } : { _tag: 'rate', value: f };
    }
  }
  const pa = r.published[PA_COLUMN];
  values[PA_COLUMN] = !hasPa
    ? { _tag: 'not-available', reason: 'the file has no pa_perc (DfE gives none for weeks)' }
    : pa?._tag === 'symbol' && pa.symbol === 'c'
      ? { _tag: 'suppressed', reason: 'suppressed by DfE in the input' }
      : pa?._tag === 'nan'
        ? { _tag: 'no-sessions' }
        : paOf(r) !== undefined
          ? { _tag: 'rate', value: paOf(r) as Fraction }
          : { _tag: 'not-available', reason: 'pa_perc is not given for this row' };
  return values;
};

/**
 * Builds the comparator table of one file read by `readDfeAttendanceCsv`.
 *
 * @example
 * const table = comparatorTable(readDfeAttendanceCsv(text, 'year.csv'));
 * table.rows.find((r) => r.identity.geographic_level === 'National' && r.method !== 'sessions');
 */
export const comparatorTable = (input: DfeAttendanceFile, options: ComparatorTableOptions = {}): ComparatorTable => {
  const issues: Issue[] = [];
  const measures = [...HEADLINE_MEASURES, ...input.measures.filter((m) => !(HEADLINE_MEASURES as readonly string[]).includes(m))];
  const rateColumns = [...measures.map((m) => `${m}_perc`), PA_COLUMN];
  const phaseColumn = input.phaseColumn ?? 'school_type';
  const groups = new Map<string, DfeAttendanceRow[]>();
  for (const r of input.rows) {
    const k = groupKey(r);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [r]);
    else g.push(r);
  }

  const totalValues = (group: readonly DfeAttendanceRow[], method: PhaseTotalMethod, at: { line?: number }): Record<string, TableValue> => {
    const values: Record<string, TableValue> = {};
    const phases = PHASES.map((p) => group.find((r) => r.key.phase === p));
    const absent = PHASES.filter((_, i) => phases[i] === undefined);
    const unusable = phases.filter((r): r is DfeAttendanceRow => r !== undefined && r.counts === undefined);
    const why =
      absent.length > 0
        ? `the ${absent.join(', ')} row is missing`
        : unusable.length > 0
          ? `the ${unusable.map((r) => r.key.phase).join(', ')} row has no usable counts${unusable.some((r) => r.suppressed) ? ' (suppressed)' : ''}`
          : undefined;
    if (why !== undefined) {
      issues.push({
        code: 'dfe-ees/total-not-computed',
        severity: 'warning',
        message: `No ${method} Total for ${group[0]?.key.level ?? ''} ${groupKey(group[0] as DfeAttendanceRow)}: ${why}.`,
        file: input.file,
        ...(at.line === undefined ? {} : { line: at.line }),
      });
      for (const c of rateColumns) values[c] = { _tag: 'not-available', reason: why };
      return values;
    }
    const parts: PhasePart[] = (phases as DfeAttendanceRow[]).map((r) => {
      const pa = paOf(r);
      return {
        counts: r.counts as NonNullable<DfeAttendanceRow['counts']>,
        ...(r.censusHeadcount === undefined ? {} : { censusHeadcount: r.censusHeadcount }),
        ...(pa === undefined ? {} : { rates: { pa: pa } }),
      };
    });
    const total = combinePhases(parts, method, [...measures, ...(input.hasPa ? ['pa'] : [])]);
    for (const m of measures) {
      const f = total.rates[m];
      values[`${m}_perc`] = f === undefined ? { _tag: 'not-available', reason: total.missing[m] ?? 'not computed' } : { _tag: 'rate', value: f };
    }
    const pa = total.rates.pa;
    values[PA_COLUMN] = !input.hasPa
      ? { _tag: 'not-available', reason: 'the file has no pa_perc (DfE gives none for weeks)' }
      : pa === undefined
        ? { _tag: 'not-available', reason: total.missing.pa ?? 'not computed' }
        : { _tag: 'rate', value: pa };
    return values;
  };

  const methodFor = (r: DfeAttendanceRow): PhaseTotalMethod =>
    options.phaseTotalMethod ?? defaultPhaseTotalMethod(r.key.academicYearStart);

  const rows: ComparatorTableRow[] = [];
  for (const r of input.rows) {
    if (r.key.phase === 'Total') {
      const method = methodFor(r);
      rows.push({
        file: input.file,
        line: r.line,
        source: 'input',
        identity: r.identity,
        key: r.key,
        method,
        values: totalValues(groups.get(groupKey(r)) ?? [], method, { line: r.line }),
      });
    } else {
      rows.push({ file: input.file, line: r.line, source: 'input', identity: r.identity, key: r.key, method: 'sessions', values: phaseValues(r, measures, input.hasPa) });
    }
  }
  if (options.addMissingTotals ?? true) {
    for (const group of groups.values()) {
      if (group.some((r) => r.key.phase === 'Total')) continue;
      const first = group[0] as DfeAttendanceRow;
      // Only add a Total where it can be made: all three phases with counts.
      if (!PHASES.every((p) => group.some((r) => r.key.phase === p && r.counts !== undefined))) continue;
      const method = methodFor(first);
      const schools = group.reduce((s, r) => s + (r.numSchools ?? 0), 0);
      const rule = dfeSingleSchoolRule(first.key.level, schools);
      const values =
        rule === undefined
          ? totalValues(group, method, {})
          : Object.fromEntries(rateColumns.map((c) => [c, { _tag: 'suppressed', reason: rule } as TableValue]));
      rows.push({
        file: input.file,
        source: 'added-total',
        identity: { ...first.identity, [phaseColumn]: 'Total' },
        key: { ...first.key, phase: 'Total' },
        method,
        values,
      });
    }
  }
  return { rateColumns, identityColumns: input.identityColumns, rows, issues };
};

/**
 * Reads one DfE "Pupil attendance in schools" CSV (year, term or weekly file, as published) into
 * comparator rows keyed by period x geography x phase, with an issue for everything it cannot use.
 * Nothing is guessed: a `c` where a count is needed, a missing column or a foreign layout is reported.
 *
 * @module
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Issue, RecordCounts, SessionCounts } from '@attendance-kit/core';
import { describeCell, parseCell, type Cell } from './cell.js';
import {
  FOREIGN_LAYOUT_COLUMNS,
  IDENTITY_COLUMNS,
  KNOWN_COLUMNS,
  MEASURE_COUNT_COLUMNS,
  PA_COLUMN,
  PHASE_COLUMNS,
  POSSIBLE_COLUMN,
  REQUIRED_COLUMNS,
  type PhaseColumn,
} from './columns.js';
import { dfeAcademicYearOf } from './period.js';

/** DfE's geographic levels in these files. */
export const GEOGRAPHIC_LEVELS = ['National', 'Regional', 'Local authority'] as const;
export type GeographicLevel = (typeof GEOGRAPHIC_LEVELS)[number];

/** DfE's phases in these files; `Total` is the combined row. */
export const DFE_PHASES = ['Primary', 'Secondary', 'Special', 'Total'] as const;
export type DfePhase = (typeof DFE_PHASES)[number];

/** What identifies a row: period x geography x phase. */
export interface DfeRowKey {
  readonly timePeriod: string;
  readonly timeIdentifier: string;
  /** Calendar year the academic year starts in (2024 for 2024/25). */
  readonly academicYearStart: number;
  readonly level: GeographicLevel;
  /** GSS region code (Regional and LA rows), else ''. */
  readonly regionCode: string;
  /** Old three-digit LA code (LA rows), else ''. */
  readonly laCode: string;
  readonly phase: DfePhase;
}

/** A published value of a rate column, as DfE wrote it. */
export type PublishedRate =
  | { readonly _tag: 'number'; readonly value: number; readonly text: string }
  | { readonly _tag: 'nan' }
  | { readonly _tag: 'symbol'; readonly symbol: string };

/** One accepted row. */
export interface DfeAttendanceRow {
  /** 1-based line of the row in its file. */
  readonly line: number;
  readonly key: DfeRowKey;
  /** The identifying cells exactly as read, in file order (carried to output unchanged). */
  readonly identity: Readonly<Record<string, string>>;
  /** Mean number of schools reporting per day (fractional), when given. */
  readonly numSchools?: number;
  /** School-census headcount used to weight phases (`total_enrolments`), when given. */
  readonly censusHeadcount?: number;
  /** Session counts for every measure the row has counts for; absent when suppressed or unusable. */
  readonly counts?: SessionCounts;
  /** True when DfE suppressed the row's counts (`c`). */
  readonly suppressed: boolean;
  /** The published rate columns, for checks and for `pa_perc`, which has no counts. */
  readonly published: Readonly<Record<string, PublishedRate>>;
}

/** The result of reading one file. */
export interface DfeAttendanceFile {
  readonly file: string;
  /** The name the file uses for phase. */
  readonly phaseColumn: PhaseColumn | undefined;
  /** Identifying columns present, in file order. */
  readonly identityColumns: readonly string[];
  /** Measures with session counts in this file (attendance, overall_absence, ..., reasons). */
  readonly measures: readonly string[];
  /** True when the file publishes `pa_perc`. */
  readonly hasPa: boolean;
  readonly rows: readonly DfeAttendanceRow[];
  readonly issues: readonly Issue[];
  readonly records: RecordCounts;
}

/** zod schema of a row's identifying cells: the edge where text becomes typed keys. */
const RowKeySchema = z.object({
  time_period: z.string().regex(/^\d{4}(\d{2})?$/, 'time_period must be like 202425 or 2024'),
  geographic_level: z.enum(GEOGRAPHIC_LEVELS),
  phase: z.enum(DFE_PHASES),
});

const HEADLINE_COUNT_COLUMNS = [POSSIBLE_COLUMN, 'overall_attendance', 'overall_absence', 'authorised_absence', 'unauthorised_absence'];

const isCount = (c: Cell): c is Extract<Cell, { _tag: 'number' }> =>
  c._tag === 'number' && Number.isSafeInteger(c.value) && c.value >= 0;

/**
 * Reads a DfE attendance CSV's text. Never throws on bad data: file-level problems give an empty
 * result with an error issue; row-level problems reject or annotate that row.
 *
 * @example
 * const result = readDfeAttendanceCsv(text, 'data/dfe-pupil-attendance/2024-25_year.csv');
 * result.rows.filter((r) => r.key.level === 'National');
 */
export const readDfeAttendanceCsv = (text: string, file = '<input>'): DfeAttendanceFile => {
  const issues: Issue[] = [];
  const empty = (phaseColumn?: PhaseColumn): DfeAttendanceFile => ({
    file,
    phaseColumn,
    identityColumns: [],
    measures: [],
    hasPa: false,
    rows: [],
    issues,
    records: { read: 0, accepted: 0, superseded: 0, rejected: 0 },
  });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    issues.push({ code: 'dfe-ees/csv-syntax', severity: 'error', message: `Not readable as CSV: ${(e as Error).message}`, file });
    return empty();
  }
  const header = records[0]?.record.map((h) => h.trim());
  if (header === undefined) {
    issues.push({ code: 'dfe-ees/empty-file', severity: 'error', message: 'The file has no header row.', file });
    return empty();
  }
  const col = new Map(header.map((h, i) => [h, i]));
  const foreign = header.filter((h) => FOREIGN_LAYOUT_COLUMNS[h] !== undefined);
  if (foreign.length > 0) {
    const h = foreign[0] as string;
    issues.push({
      code: 'dfe-ees/foreign-layout',
      severity: 'error',
      message: `Column "${h}" shows this is ${FOREIGN_LAYOUT_COLUMNS[h]}, not a "Pupil attendance in schools" week, term or year file.`,
      file,
      field: h,
    });
    return empty();
  }
  const phaseColumns = PHASE_COLUMNS.filter((p) => col.has(p));
  const phaseColumn = phaseColumns.length === 1 ? phaseColumns[0] : undefined;
  if (phaseColumn === undefined) {
    issues.push({
      code: 'dfe-ees/missing-column',
      severity: 'error',
      message:
        phaseColumns.length === 0
          ? 'The file has no phase column: expected "education_phase" or "school_type".'
          : 'The file has both "education_phase" and "school_type": which one is the phase is ambiguous.',
      file,
      field: 'education_phase',
    });
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !col.has(c));
  for (const c of missing)
    issues.push({ code: 'dfe-ees/missing-column', severity: 'error', message: `Required column "${c}" is missing.`, file, field: c });
  if (missing.length > 0 || phaseColumn === undefined) return empty(phaseColumn);
  for (const h of header)
    if (!KNOWN_COLUMNS.has(h))
      issues.push({
        code: 'dfe-ees/unknown-column',
        severity: 'warning',
        message: `Column "${h}" is not one this reader knows; it is ignored. A newer release may have added it.`,
        file,
        field: h,
      });

  const identityColumns = header.filter((h) => (IDENTITY_COLUMNS as readonly string[]).includes(h));
  const measureColumns = Object.entries(MEASURE_COUNT_COLUMNS).filter(([c]) => col.has(c));
  const rateColumns = header.filter((h) => h.endsWith('_perc'));
  const cellOf = (rec: readonly string[], name: string): string | undefined => {
    const i = col.get(name);
    return i === undefined ? undefined : rec[i];
  };

  const rows: DfeAttendanceRow[] = [];
  const seen = new Map<string, number>();
  let rejected = 0;
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const at = { file, line };
    const reject = (code: string, message: string, field?: string): void => {
      rejected += 1;
      issues.push({ code, severity: 'error', message, ...at, ...(field === undefined ? {} : { field }) });
    };
    if (record.length !== header.length) {
      reject('dfe-ees/csv-syntax', `The row has ${record.length} cells; the header has ${header.length}.`);
      continue;
    }
    const keyCheck = RowKeySchema.safeParse({
      time_period: (cellOf(record, 'time_period') ?? '').trim(),
      geographic_level: (cellOf(record, 'geographic_level') ?? '').trim(),
      phase: (cellOf(record, phaseColumn) ?? '').trim(),
    });
    if (!keyCheck.success) {
      const first = keyCheck.error.issues[0];
      const field = first?.path[0] === 'phase' ? phaseColumn : String(first?.path[0] ?? '');
      reject(
        field === 'geographic_level' ? 'dfe-ees/invalid-geographic-level' : field === phaseColumn ? 'dfe-ees/invalid-phase' : 'dfe-ees/invalid-time-period',
        `${field} "${(cellOf(record, field) ?? '').trim()}" is not accepted: ${first?.message ?? 'invalid'}.`,
        field,
      );
      continue;
    }
    const { time_period: timePeriod, geographic_level: level, phase } = keyCheck.data;
    const timeIdentifier = (cellOf(record, 'time_identifier') ?? '').trim();
    const year = dfeAcademicYearOf(timePeriod, timeIdentifier, cellOf(record, 'academic_year')?.trim());
    if (year._tag === 'error') {
      reject('dfe-ees/invalid-time-period', year.message, 'time_period');
      continue;
    }
    const code = (name: string): string => {
      const c = parseCell(cellOf(record, name));
      return c._tag === 'number' ? c.text : c._tag === 'invalid' ? c.text : '';
    };
    const regionCode = level === 'National' ? '' : code('region_code');
    const laCode = level === 'Local authority' ? code('old_la_code') : '';
    if ((level !== 'National' && regionCode === '') || (level === 'Local authority' && laCode === '')) {
      const field = regionCode === '' ? 'region_code' : 'old_la_code';
      reject('dfe-ees/missing-area-code', `A ${level} row needs ${field}.`, field);
      continue;
    }
    const key: DfeRowKey = { timePeriod, timeIdentifier, academicYearStart: year.start, level, regionCode, laCode, phase };
    const keyText = [timePeriod, timeIdentifier, level, regionCode, laCode, phase].join('|');
    const earlier = seen.get(keyText);
    if (earlier !== undefined) {
      reject('dfe-ees/duplicate-row', `The same period, area and phase is on line ${earlier} too; neither is preferred, this one is dropped.`);
      continue;
    }
    seen.set(keyText, line);

    const numSchoolsCell = parseCell(cellOf(record, 'num_schools'));
    const numSchools = numSchoolsCell._tag === 'number' ? numSchoolsCell.value : undefined;
    const censusCell = parseCell(cellOf(record, 'total_enrolments'));
    const censusHeadcount = isCount(censusCell) ? censusCell.value : undefined;

    // Session counts: all headline counts must be integers for the row to have counts at all.
    const headline = HEADLINE_COUNT_COLUMNS.map((c) => [c, parseCell(cellOf(record, c))] as const);
    const invalid = [...headline, ...measureColumns.map(([c]) => [c, parseCell(cellOf(record, c))] as const)].find(
      ([, c]) => c._tag === 'invalid' || (c._tag === 'number' && !isCount(c)),
    );
    if (invalid !== undefined) {
      reject('dfe-ees/invalid-count', `${invalid[0]} is ${describeCell(invalid[1])}, not a whole number of sessions.`, invalid[0]);
      continue;
    }
    const headlineGaps = headline.filter(([, c]) => c._tag !== 'number');
    const allC = headlineGaps.length === headline.length && headline.every(([, c]) => c._tag === 'symbol' && c.symbol === 'c');
    let counts: SessionCounts | undefined;
    let suppressed = false;
    if (headlineGaps.length > 0) {
      suppressed = headlineGaps.some(([, c]) => c._tag === 'symbol' && c.symbol === 'c');
      if (allC && level === 'Local authority' && numSchools === 1)
        issues.push({
          code: 'dfe-ees/suppressed-row',
          severity: 'info',
          message: 'DfE suppressed this row (one school in the LA and phase); it is carried as "c".',
          ...at,
        });
      else {
        const [c, cell] = headlineGaps[0] as (typeof headline)[number];
        issues.push({
          code: suppressed ? 'dfe-ees/suppressed-count' : 'dfe-ees/unavailable-count',
          severity: 'warning',
          message: `${c} is ${describeCell(cell)} where a count is needed, so this row has no rates of its own and cannot enter a Total.`,
          ...at,
          field: c,
        });
      }
    } else {
      const value = (c: string): number => (parseCell(cellOf(record, c)) as { value: number }).value;
      const byMeasure: Record<string, number> = {};
      for (const [c, m] of measureColumns) {
        const cell = parseCell(cellOf(record, c));
        if (cell._tag === 'number') byMeasure[m] = cell.value;
        else
          issues.push({
            code: cell._tag === 'symbol' && cell.symbol === 'c' ? 'dfe-ees/suppressed-count' : 'dfe-ees/unavailable-count',
            severity: 'warning',
            message: `${c} is ${describeCell(cell)}; the ${m} rate of this row is not given.`,
            ...at,
            field: c,
          });
      }
      counts = { possible: value(POSSIBLE_COLUMN), byMeasure };
      const att = value('overall_attendance');
      const abs = value('overall_absence');
      if (counts.possible !== att + abs || abs !== value('authorised_absence') + value('unauthorised_absence'))
        issues.push({
          code: 'dfe-ees/inconsistent-counts',
          severity: 'warning',
          message: 'possible_sessions is not overall_attendance + overall_absence, or overall_absence is not authorised + unauthorised; rates are still computed from each count.',
          ...at,
        });
    }
    const published: Record<string, PublishedRate> = {};
    for (const r of rateColumns) {
      const c = parseCell(cellOf(record, r));
      if (c._tag === 'number') published[r] = c;
      else if (c._tag === 'nan') published[r] = c;
      else if (c._tag === 'symbol') published[r] = c;
    }
    const identity = Object.fromEntries(identityColumns.map((h) => [h, cellOf(record, h) ?? '']));
    rows.push({
      line,
      key,
      identity,
      ...(numSchools === undefined ? {} : { numSchools }),
      ...(censusHeadcount === undefined ? {} : { censusHeadcount }),
      ...(counts === undefined ? {} : { counts }),
      suppressed,
      published,
    });
  }
  const read = records.length - 1;
  return {
    file,
    phaseColumn,
    identityColumns,
    measures: measureColumns.map(([, m]) => m),
    hasPa: col.has(PA_COLUMN),
    rows,
    issues,
    records: { read, accepted: rows.length, superseded: 0, rejected },
  };
};

/**
 * The inputs of the `statistical-neighbours` report: a DfE "Pupil attendance in schools" year or term
 * CSV (adapter-dfe-ees; rates recomputed from the counts, LA Totals added the way DfE makes Totals for
 * the year, census-weighted for 2024/25) as report benchmark areas, and DfE's statistical neighbours
 * CSV as neighbour lists. By default both are the repository's committed copies under data/.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { comparatorTable, readDfeAttendanceCsv, readStatisticalNeighboursCsv, type DfeAttendanceRow } from '@attendance-kit/adapter-dfe-ees';
import { addCounts, type Fraction, type SessionCounts } from '@attendance-kit/core';
import type { BenchmarkArea, NeighbourList } from '@attendance-kit/reports';
import { findRepoFile } from './report-comparator.js';

/** The DfE file the report uses when none is given: the whole of 2024/25. */
export const DEFAULT_BENCHMARK = join('data', 'dfe-pupil-attendance', '2024-25_year.csv');
/** DfE's statistical neighbours, May 2025. */
export const DEFAULT_NEIGHBOURS = join('data', 'dfe-statistical-neighbours', 'statistical_neighbours_may_2025.csv');

/**
 * A repository data file (walking up from this module, as the demo's comparator), or undefined
 * outside the repository.
 * @example findRepoDataFile(DEFAULT_NEIGHBOURS)?.endsWith('statistical_neighbours_may_2025.csv')
 */
export const findRepoDataFile = (relativePath: string): string | undefined => findRepoFile(relativePath);

const LEVEL = { National: 'national', Regional: 'regional', 'Local authority': 'la' } as const;

/** Rate column of the comparator table -> report measure id. */
const MEASURE_OF_COLUMN: Readonly<Record<string, string>> = {
  overall_absence_perc: 'overall_absence',
  authorised_absence_perc: 'authorised_absence',
  unauthorised_absence_perc: 'unauthorised_absence',
  attendance_perc: 'attendance',
  pa_perc: 'pa',
};

/** What reading the benchmark files gives, or why they cannot be used. */
export type BenchmarkRead =
  | { readonly ok: true; readonly periods: ReadonlyMap<string, readonly BenchmarkArea[]>; readonly neighbours: readonly NeighbourList[]; readonly source: string }
  | { readonly ok: false; readonly problem: string };

const readText = async (path: string, option: string, shown: string): Promise<string | { problem: string }> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { problem: `cannot read ${option} ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : error instanceof Error ? error.message : String(error)}` };
  }
};

/**
 * DfE rows as benchmark areas by period (`202425 Academic year`, `202425 Autumn term`, ...).
 * @example benchmarkAreas(readDfeAttendanceCsv(text)).get('202425 Autumn term')
 */
export const benchmarkAreas = (file: ReturnType<typeof readDfeAttendanceCsv>): ReadonlyMap<string, readonly BenchmarkArea[]> => {
  const table = comparatorTable(file);
  const byLine = new Map(file.rows.map((r) => [r.line, r]));
  // Counts of an added LA Total: its phases' counts summed (pooled), for the pooled-sessions mean.
  const groupCounts = new Map<string, SessionCounts | null>();
  const groupOf = (r: { key: DfeAttendanceRow['key'] }): string => [r.key.timePeriod, r.key.timeIdentifier, r.key.level, r.key.regionCode, r.key.laCode].join('|');
  for (const r of file.rows) {
    if (r.key.phase === 'Total') continue;
    const k = groupOf(r);
    const prev = groupCounts.get(k);
    groupCounts.set(k, prev === null || r.counts === undefined ? null : prev === undefined ? r.counts : addCounts(prev, r.counts));
  }
  const out = new Map<string, BenchmarkArea[]>();
  for (const row of table.rows) {
    const input = row.line === undefined ? undefined : byLine.get(row.line);
    const level = LEVEL[row.key.level];
    const rates: Record<string, Fraction> = {};
    let suppressed = false;
    for (const [column, measure] of Object.entries(MEASURE_OF_COLUMN)) {
      const v = row.values[column];
      if (v?._tag === 'rate') rates[measure] = v.value;
      if (v?._tag === 'suppressed' && column === 'overall_absence_perc') suppressed = true;
    }
    const counts = input?.counts ?? groupCounts.get(groupOf(row)) ?? undefined;
    const name = level === 'national' ? (row.identity['country_name'] ?? 'England') : level === 'regional' ? row.identity['region_name'] : row.identity['la_name'];
    const area: BenchmarkArea = {
      level,
      code: level === 'national' ? 'E92000001' : level === 'regional' ? row.key.regionCode : row.key.laCode,
      ...(name === undefined || name === '' ? {} : { name }),
      ...(level === 'la' ? { regionCode: row.key.regionCode } : {}),
      phase: row.key.phase,
      rates,
      ...(counts === undefined ? {} : { counts }),
      ratesFromCounts: row.method === 'sessions',
      ...(suppressed ? { suppressed } : {}),
    };
    const period = `${row.key.timePeriod} ${row.key.timeIdentifier}`.trim();
    const list = out.get(period);
    if (list === undefined) out.set(period, [area]);
    else list.push(area);
  }
  return out;
};

/**
 * Reads a DfE attendance CSV and the statistical neighbours CSV for the report.
 * @example await readBenchmark('data/dfe-pupil-attendance/2024-25_year.csv', 'data/dfe-statistical-neighbours/statistical_neighbours_may_2025.csv')
 */
export const readBenchmark = async (dfePath: string, neighboursPath: string, shown: { dfe: string; neighbours: string } = { dfe: dfePath, neighbours: neighboursPath }): Promise<BenchmarkRead> => {
  const dfeText = await readText(dfePath, '--dfe', shown.dfe);
  if (typeof dfeText !== 'string') return { ok: false, problem: dfeText.problem };
  const snText = await readText(neighboursPath, '--neighbours', shown.neighbours);
  if (typeof snText !== 'string') return { ok: false, problem: snText.problem };
  const file = readDfeAttendanceCsv(dfeText, basename(dfePath));
  if (file.rows.length === 0) {
    const why = file.issues.find((i) => i.severity === 'error')?.message ?? 'it has no rows';
    return { ok: false, problem: `cannot use --dfe ${shown.dfe} as a DfE attendance file: ${why}` };
  }
  const sn = readStatisticalNeighboursCsv(snText, basename(neighboursPath));
  if (sn.entries.length === 0) {
    const why = sn.issues.find((i) => i.severity === 'error')?.message ?? 'it has no rows';
    return { ok: false, problem: `cannot use --neighbours ${shown.neighbours} as DfE's statistical neighbours file: ${why}` };
  }
  const neighbours: NeighbourList[] = sn.entries.map((e) => ({ laCode: e.laCode, laName: e.laName, neighbours: e.neighbours }));
  return { ok: true, periods: benchmarkAreas(file), neighbours, source: `DfE ${basename(dfePath)}; statistical neighbours ${basename(neighboursPath)}` };
};

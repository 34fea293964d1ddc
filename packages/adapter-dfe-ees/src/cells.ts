/**
 * DfE rows as the core's comparator cells ({@link AreaCell}), one list per period, so national,
 * regional, LA and statistical-neighbour comparators can be taken from a published file.
 *
 * @module
 */
import { decimalToFraction, type AreaCell } from '@attendance-kit/core';
import { PA_COLUMN } from './columns.js';
import type { DfeAttendanceFile } from './read.js';

const LEVEL = { National: 'national', Regional: 'regional', 'Local authority': 'la' } as const;

/**
 * The file's rows as comparator cells grouped by period (`time_period` + `time_identifier`, e.g.
 * `202425 Academic year` or `2024 Week 37`). `pa` is carried as a rate (DfE publishes no counts for it).
 * Published Total rows are carried with their own (pooled) counts; use the comparator table for DfE's
 * census-weighted Totals.
 *
 * @example
 * areaCellsByPeriod(readDfeAttendanceCsv(text)).get('202425 Academic year')
 */
export const areaCellsByPeriod = (file: DfeAttendanceFile): ReadonlyMap<string, readonly AreaCell[]> => {
  const out = new Map<string, AreaCell[]>();
  for (const r of file.rows) {
    const period = `${r.key.timePeriod} ${r.key.timeIdentifier}`.trim();
    const level = LEVEL[r.key.level];
    const pa = r.published[PA_COLUMN];
    const paRate = pa?._tag === 'number' ? decimalToFraction(pa.text) : undefined;
    const cell: AreaCell = {
      level,
      code: level === 'national' ? 'E92000001' : level === 'regional' ? r.key.regionCode : r.key.laCode,
      ...(level === 'la' ? { regionCode: r.key.regionCode } : {}),
      phase: r.key.phase,
      ...(r.numSchools === undefined ? {} : { schools: r.numSchools }),
      ...(r.counts === undefined ? {} : { counts: r.counts }),
      ...(paRate === undefined ? {} : { rates: { pa: paRate } }),
    };
    const list = out.get(period);
    if (list === undefined) out.set(period, [cell]);
    else list.push(cell);
  }
  return out;
};

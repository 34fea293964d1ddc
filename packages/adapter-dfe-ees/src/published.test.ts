// Golden test: DfE's published rates, Totals included, reproduced from the published session counts
// on every shared file in data/dfe-pupil-attendance/ (see data/README.md for provenance).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fractionToNumber } from '@attendance-kit/core';
import { parse } from 'csv-parse/sync';
import { readDfeAttendanceCsv } from './read.js';
import { comparatorTable, type ComparatorTable, type TableValue } from './table.js';

const dir = fileURLToPath(new URL('../../../data/dfe-pupil-attendance/', import.meta.url));
const files = readdirSync(dir).filter((f) => /^20\d\d-\d\d_.*\.csv$/.test(f)).sort();

/** Largest |ours - published| over rows of a table, checking symbols match; returns the worst gap. */
const worstGap = (
  table: ComparatorTable,
  text: string,
  file: string,
  only?: (phase: string) => boolean,
  skipColumn?: string,
): number => {
  const parsed = readDfeAttendanceCsv(text, file);
  const byLine = new Map(parsed.rows.map((r) => [r.line, r]));
  let worst = 0;
  let compared = 0;
  for (const row of table.rows) {
    if (row.line === undefined) continue;
    const input = byLine.get(row.line);
    if (input === undefined) throw new Error(`no input row for line ${row.line}`);
    if (only !== undefined && !only(input.key.phase)) continue;
    for (const [column, published] of Object.entries(input.published)) {
      if (column === skipColumn) continue;
      const ours: TableValue | undefined = row.values[column];
      if (published._tag === 'number') {
        expect(ours?._tag, `${file}:${row.line} ${column}`).toBe('rate');
        if (ours?._tag === 'rate') worst = Math.max(worst, Math.abs(fractionToNumber(ours.value) - published.value));
        compared += 1;
      } else if (published._tag === 'nan') expect(ours?._tag, `${file}:${row.line} ${column}`).toBe('no-sessions');
      else if (published.symbol === 'c') expect(ours?._tag, `${file}:${row.line} ${column}`).toBe('suppressed');
    }
  }
  expect(compared).toBeGreaterThan(0);
  return worst;
};

describe('DfE published rates are reproduced from published counts', () => {
  test('the shared data folder has the six published files', () => {
    expect(files).toHaveLength(6);
  });

  test.each(files)('%s: every rate of every row, Totals included, within 1e-6 points', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    const parsed = readDfeAttendanceCsv(text, file);
    expect(parsed.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(parsed.records.rejected).toBe(0);
    const table = comparatorTable(parsed);
    // Every file here is 2024/25 or earlier, so DfE's default is census-weighted.
    expect(new Set(table.rows.filter((r) => r.identity[parsed.phaseColumn ?? ''] === 'Total').map((r) => r.method))).toEqual(
      new Set(['census-weighted']),
    );
    expect(worstGap(table, text, file)).toBeLessThan(1e-6);
  });

  test('pooled Totals give no pa_perc: its enrolment denominator is not published', () => {
    const file = '2024-25_year.csv';
    const table = comparatorTable(readDfeAttendanceCsv(readFileSync(dir + file, 'utf8'), file), { phaseTotalMethod: 'pooled' });
    const total = table.rows.find((r) => r.identity.geographic_level === 'National' && r.method === 'pooled');
    expect(total?.values.pa_perc?._tag).toBe('not-available');
    expect(total?.values.attendance_perc?._tag).toBe('rate');
  });

  test.each(files)('%s: pooled sessions do not reproduce the published Totals (so census weighting is the method)', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    const table = comparatorTable(readDfeAttendanceCsv(text, file), { phaseTotalMethod: 'pooled' });
    expect(worstGap(table, text, file, (p) => p === 'Total', 'pa_perc')).toBeGreaterThan(1e-3);
  });

  test('a file without any *_perc column still gives every rate, Totals included, the same as with them', () => {
    const file = '2024-25_year.csv';
    const text = readFileSync(dir + file, 'utf8');
    const records = parse(text, { bom: true }) as string[][];
    const keep = (records[0] ?? []).map((h, i) => (h.endsWith('_perc') ? -1 : i)).filter((i) => i >= 0);
    const stripped = records.map((r) => keep.map((i) => JSON.stringify(r[i] ?? '')).join(',')).join('\n');
    const full = comparatorTable(readDfeAttendanceCsv(text, file));
    const bare = comparatorTable(readDfeAttendanceCsv(stripped, file));
    expect(bare.rows).toHaveLength(full.rows.length);
    bare.rows.forEach((row, i) => {
      for (const [column, v] of Object.entries(row.values)) {
        const w = full.rows[i]?.values[column];
        if (column === 'pa_perc') expect(v._tag).toBe(w?._tag === 'suppressed' ? 'suppressed' : 'not-available'); // PA has no counts
        else if (v._tag === 'rate' && w?._tag === 'rate') expect(fractionToNumber(v.value)).toBe(fractionToNumber(w.value));
        else expect(v._tag).toBe(w?._tag);
      }
    });
  });
});

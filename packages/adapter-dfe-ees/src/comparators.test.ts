// Comparators taken from the real 2024/25 file and DfE's statistical neighbours (May 2025).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import {
  fractionToNumber,
  laComparator,
  nationalComparator,
  regionalComparator,
  statisticalNeighbourComparator,
  bandPercentages,
  polarityOf,
  type ComparatorResult,
} from '@attendance-kit/core';
import { areaCellsByPeriod } from './cells.js';
import { readStatisticalNeighboursCsv } from './neighbours.js';
import { readDfeAttendanceCsv } from './read.js';

const data = fileURLToPath(new URL('../../../data/', import.meta.url));
const yearText = readFileSync(`${data}dfe-pupil-attendance/2024-25_year.csv`, 'utf8');
const snText = readFileSync(`${data}dfe-statistical-neighbours/statistical_neighbours_may_2025.csv`, 'utf8');
const cells = areaCellsByPeriod(readDfeAttendanceCsv(yearText, '2024-25_year.csv')).get('202425 Academic year') ?? [];
const sn = readStatisticalNeighboursCsv(snText, 'sn.csv');
// Independent reading of the published rows, for expected values.
const raw = parse(yearText, { columns: true, bom: true }) as Record<string, string>[];
const published = (la: string, phase: string) => raw.find((r) => r.old_la_code === la && r.school_type === phase);
const value = (r: ComparatorResult): number => (r._tag === 'value' ? fractionToNumber(r.rate) : Number.NaN);

describe('statistical neighbours table', () => {
  test('reads every current LA with ten neighbours; Knowsley (340) as the reference note lists them', () => {
    expect(sn.issues).toEqual([]);
    expect(sn.entries).toHaveLength(153);
    // The trailing "Old SNs:" section (pre-reorganisation LAs such as Northamptonshire 928) is kept apart.
    expect(sn.oldEntries.map((e) => e.laCode)).toContain('928');
    expect(sn.table.has('928')).toBe(false);
    expect(sn.table.get('340')).toEqual(['342', '876', '394', '805', '807', '343', '344', '393', '840', '341']);
    expect(sn.entries.find((e) => e.laCode === '340')?.neighbours.every((n) => n.closeness === 'Close')).toBe(true);
  });

  test('a table of another layout is refused with a reason', () => {
    expect(readStatisticalNeighboursCsv('LA,SN1\n340,342\n').issues[0]?.code).toBe('dfe-ees/neighbours-layout');
  });
});

describe('comparators from the 2024/25 year file', () => {
  test('LA, regional (region read from the LA row) and national for Knowsley secondary attendance', () => {
    // Knowsley secondary: 1,848,053 / 2,080,759 = 88.8162 (reference note §4.1).
    expect(value(laComparator(cells, '340', 'Secondary', 'attendance'))).toBeCloseTo((1848053 * 100) / 2080759, 10);
    const nw = raw.find((r) => r.geographic_level === 'Regional' && r.region_name === 'North West' && r.school_type === 'Secondary');
    expect(value(regionalComparator(cells, '340', 'Secondary', 'attendance'))).toBeCloseTo(Number(nw?.attendance_perc), 9);
    expect(value(nationalComparator(cells, 'Secondary', 'attendance'))).toBeCloseTo(91.405522782165, 9);
  });

  test("statistical neighbours, LAIT's way: the plain mean of the ten neighbours' published rates", () => {
    const list = sn.table.get('340') ?? [];
    const rates = list.map((la) => Number(published(la, 'Secondary')?.attendance_perc));
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    const r = statisticalNeighbourComparator(cells, sn.table, '340', 'Secondary', 'attendance');
    expect(r._tag === 'value' && r.from.length).toBe(10);
    expect(value(r)).toBeCloseTo(mean, 9);
  });

  test('statistical neighbours, pooled: the neighbours\u2019 sessions summed', () => {
    const list = sn.table.get('340') ?? [];
    const rows = list.map((la) => published(la, 'Secondary'));
    const att = rows.reduce((s, r) => s + Number(r?.overall_attendance), 0);
    const pos = rows.reduce((s, r) => s + Number(r?.possible_sessions), 0);
    const r = statisticalNeighbourComparator(cells, sn.table, '340', 'Secondary', 'attendance', 'pooled-sessions');
    expect(value(r)).toBeCloseTo((att * 100) / pos, 10);
    // The two methods differ (neighbours differ in size), which is why the method is named.
    expect(Math.abs(value(r) - value(statisticalNeighbourComparator(cells, sn.table, '340', 'Secondary', 'attendance')))).toBeGreaterThan(0);
  });

  test('a suppressed LA gives no comparator, with the reason; a coverage threshold gives none for thin data', () => {
    const city = laComparator(cells, '201', 'Primary', 'attendance');
    expect(city).toEqual({ _tag: 'none', reason: 'the LA 201 row is suppressed or has no counts' });
    const rutland = laComparator(cells, '857', 'Primary', 'attendance', { minSchools: 100 });
    expect(rutland._tag).toBe('none');
    expect(rutland._tag === 'none' && rutland.reason).toContain('fewer than 100 schools');
  });

  test('persistent absence (a rate without counts) is compared from the published rate', () => {
    // Knowsley secondary PA 32.732 (reference note §4.1).
    expect(value(laComparator(cells, '340', 'Secondary', 'pa'))).toBeCloseTo(Number(published('340', 'Secondary')?.pa_perc), 12);
  });

  test('the same LA last year is the LA comparator over last year\u2019s cells, and the change is banded exactly', () => {
    const lastText = readFileSync(`${data}dfe-pupil-attendance/2023-24_year.csv`, 'utf8');
    const last = areaCellsByPeriod(readDfeAttendanceCsv(lastText, '2023-24_year.csv')).get('202324 Academic year') ?? [];
    const before = laComparator(last, '340', 'Secondary', 'overall_absence');
    const now = laComparator(cells, '340', 'Secondary', 'overall_absence');
    const lastRaw = (parse(lastText, { columns: true, bom: true }) as Record<string, string>[]).find(
      (r) => r.old_la_code === '340' && r.school_type === 'Secondary',
    );
    const thisRaw = published('340', 'Secondary');
    const expected =
      (Number(thisRaw?.overall_absence) * 100) / Number(thisRaw?.possible_sessions) -
      (Number(lastRaw?.overall_absence) * 100) / Number(lastRaw?.possible_sessions);
    expect(value(now) - value(before)).toBeCloseTo(expected, 10);
    if (now._tag !== 'value' || before._tag !== 'value') throw new Error('both years have values');
    const band = bandPercentages(now.rate, before.rate, polarityOf('overall_absence'));
    const level = Math.abs(expected) >= 4 ? 3 : Math.abs(expected) >= 2 ? 2 : Math.abs(expected) >= 1 ? 1 : 0;
    expect(band.level).toBe(level);
    if (level > 0) expect(band.direction).toBe(expected > 0 ? 'worse' : 'better');
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { comparator } from './comparator.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

const run = async (args: readonly string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await comparator.run(args, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: {},
    cwd: root,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
};

describe('attendance comparator', () => {
  test('json: the national Total of 2024/25 is census-weighted and matches the published 93.1298083791604', async () => {
    const r = await run(['data/dfe-pupil-attendance/2024-25_year.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const total = rows.find((x) => x.geographic_level === 'National' && x.school_type === 'Total');
    expect(total?.method).toBe('census-weighted');
    expect(Math.abs((total?.attendance_perc as number) - 93.1298083791604)).toBeLessThan(1e-6);
    expect(Math.abs((total?.pa_perc as number) - 18.699933234567)).toBeLessThan(1e-6);
    // One output row per input row (494 data lines) plus a Total for each LA with all three phases.
    expect(rows.filter((x) => x.row_source === 'input')).toHaveLength(494);
    const city = rows.find((x) => x.la_name === 'City of London' && x.school_type === 'Primary');
    expect(city?.attendance_perc).toBe('c');
  });

  test('csv: identifying columns are carried unchanged, including NA codes of the weekly file', async () => {
    const r = await run(['data/dfe-pupil-attendance/2024-25_weekly_autumn.csv', '--published-only']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5933); // header + 5932 input rows, no added Totals
    expect(lines[0]?.startsWith('time_period,time_identifier,geographic_level,')).toBe(true);
    expect(lines[1]?.startsWith('2024,Week 37,Regional,E92000001,England,E12000008,South East,,,NA,Primary,input,sessions,96.35259256226')).toBe(true);
  });

  test('--phase-total pooled is named on the Total rows', async () => {
    const r = await run(['data/dfe-pupil-attendance/2023-24_year.csv', '--format', 'json', '--phase-total', 'pooled']);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const total = rows.find((x) => x.geographic_level === 'National' && x.school_type === 'Total');
    expect(total?.method).toBe('pooled');
    // Pooled = summed sessions: the published Total row's own counts, 2,155,210,286 / 2,322,051,579.
    expect(Math.abs((total?.attendance_perc as number) - (2155210286 * 100) / 2322051579)).toBeLessThan(1e-9);
    expect(total?.pa_perc).toBe('x');
  });

  test('a file of another layout is refused with exit 2 and the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmp-'));
    writeFileSync(join(dir, 'daily.csv'), 'attendance_date,time_period,geographic_level\n2024-09-09,2024,National\n');
    const r = await run([join(dir, 'daily.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dfe-ees/foreign-layout');
    expect(r.stderr).toContain('daily file');
  });

  test('an unknown --phase-total is a usage error', async () => {
    const r = await run(['x.csv', '--phase-total', 'mean']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--phase-total');
  });

  test('--out writes the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmp-'));
    const r = await run(['data/dfe-pupil-attendance/2024-25_autumn.csv', '--out', join(dir, 'o.csv')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'o.csv'), 'utf8').split('\n')[0]).toContain('attendance_perc');
  });

  test('--compare national adds exact differences and bands; the national row against itself is 0', async () => {
    const r = await run(['data/dfe-pupil-attendance/2024-25_year.csv', '--format', 'json', '--compare', 'national']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const nat = rows.find((x) => x.geographic_level === 'National' && x.school_type === 'Secondary');
    expect(nat?.attendance_diff_national).toBe(0);
    expect(nat?.attendance_band_national).toBe(0);
    // Knowsley secondary 88.8162 against national secondary 91.4055: 2.59 points lower attendance.
    const k = rows.find((x) => x.old_la_code === '340' && x.school_type === 'Secondary');
    expect(k?.attendance_diff_national as number).toBeCloseTo((1848053 * 100) / 2080759 - (1011832051 * 100) / 1106970367, 10);
    expect(k?.attendance_band_national).toBe(-2);
    // Higher absence is worse: the same gap in absence is also -2.
    expect(k?.overall_absence_band_national).toBe(-2);
    const city = rows.find((x) => x.old_la_code === '201' && x.school_type === 'Primary');
    expect(city?.attendance_band_national).toBe('x');
  });

  test("--compare neighbours: an LA row against the plain mean of its ten neighbours' rates (LAIT)", async () => {
    const r = await run([
      'data/dfe-pupil-attendance/2024-25_year.csv',
      '--format',
      'json',
      '--compare',
      'neighbours',
      '--neighbours',
      'data/dfe-statistical-neighbours/statistical_neighbours_may_2025.csv',
    ]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const knowsley = ['342', '876', '394', '805', '807', '343', '344', '393', '840', '341'];
    const sec = (la: string) => rows.find((x) => x.old_la_code === la && x.school_type === 'Secondary');
    const mean = knowsley.reduce((s, la) => s + (sec(la)?.attendance_perc as number), 0) / 10;
    expect(sec('340')?.attendance_neighbours as number).toBeCloseTo(mean, 10);
    expect(sec('340')?.attendance_diff_neighbours as number).toBeCloseTo((sec('340')?.attendance_perc as number) - mean, 10);
    // Regions have no neighbours.
    expect(rows.find((x) => x.geographic_level === 'Regional')?.attendance_neighbours).toBe('x');
  });

  test('--compare neighbours without --neighbours is a usage error', async () => {
    const r = await run(['data/dfe-pupil-attendance/2024-25_year.csv', '--compare', 'neighbours']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--neighbours');
  });
});

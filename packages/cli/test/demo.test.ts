/**
 * `attendance demo`: writes a dataset and summaries, and the same files every run.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { IsoDate } from '@attendance-kit/core';
import { FORMATS, REPORT_IDS } from '@attendance-kit/reports';
import { REGIONAL_REPORTS, writeDemoReports } from '../src/commands/demo-reports.js';
import { findDemoComparator } from '../src/commands/report-comparator.js';
import { REPO_ROOT, runCli } from './run-cli.js';

const filesUnder = async (dir: string): Promise<Readonly<Record<string, string>>> => {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
  }
  return out;
};

describe('attendance demo', () => {
  test('writes the dataset and the summaries, and prints where they are with a table', async () => {
    const root = await mkdtemp(join(tmpdir(), 'attendance-demo-'));
    const r = await runCli(['demo', '--out', 'out'], { cwd: root });
    expect(r.code).toBe(0);
    const files = await filesUnder(join(root, 'out'));
    const reportFiles = [...REPORT_IDS, ...REGIONAL_REPORTS.map((id) => `${id}-regional`)].flatMap((id) => FORMATS.map((f) => `reports/${id}.${f}`));
    expect(Object.keys(files).sort()).toEqual(
      [
        'dataset/marks.csv',
        'dataset/pupils.csv',
        'dataset/schools.csv',
        'dataset/terms.csv',
        'summary-by-school.csv',
        'summary-by-school.json',
        'summary-by-school.txt',
        'reports/index.html',
        ...reportFiles,
      ].sort(),
    );
    expect(r.stdout).toContain('Dataset:  out/dataset/');
    expect(r.stdout).toContain('Period 2024-09-02 to 2024-12-20, profile dfe');
    expect(r.stdout).toContain(`Reports:  out/reports/index.html (${reportFiles.length} files`);
    expect(r.stdout).toContain("compared with DfE's national weekly figures");
    // The index links every report's HTML page; each report compares with the real national figures.
    for (const id of REPORT_IDS) expect(files['reports/index.html']).toContain(`href="${id}.html"`);
    // Reports with a comparator compare with England; pupil lists (part-time timetables, ...) may have none.
    const compared = ['360', 'attendance-summary', 'weekly-attendance', 'absence-summary', 'weekly-absence', 'summary', 'year-groups', 'pupil-groups', 'absence', 'statistical-neighbours', 'profile'];
    for (const id of REPORT_IDS) {
      const report = JSON.parse(files[`reports/${id}.json`] ?? '') as { id: string; comparator: { kind: string }; period: { from: string; to: string }; rows: unknown[] };
      expect(report).toMatchObject({ id, period: { from: '2024-09-02', to: '2024-12-20' } });
      expect(report.comparator.kind).toBe(compared.includes(id) ? 'national' : report.comparator.kind === 'none' ? 'none' : 'national');
      expect(report.rows.length).toBeGreaterThan(0);
    }
    // The JSON is the summarise contract: input counts balance, one row per school.
    const summary = JSON.parse(files['summary-by-school.json'] ?? '') as { input: Record<string, number>; rows: Record<string, unknown>[] };
    const { marks_read, marks_accepted, marks_rejected, marks_superseded } = summary.input;
    expect(marks_read).toBe((marks_accepted ?? 0) + (marks_rejected ?? 0) + (marks_superseded ?? 0));
    expect(marks_rejected).toBe(0);
    const schools = (files['dataset/schools.csv'] ?? '').trimEnd().split('\n').length - 1;
    expect(summary.rows).toHaveLength(schools);
  });

  test('is deterministic: two runs write identical files and print the same text', async () => {
    const a = await mkdtemp(join(tmpdir(), 'attendance-demo-'));
    const b = await mkdtemp(join(tmpdir(), 'attendance-demo-'));
    const ra = await runCli(['demo', '--out', 'demo'], { cwd: a });
    const rb = await runCli(['demo', '--out', 'demo'], { cwd: b });
    expect(ra.stdout).toBe(rb.stdout);
    expect(await filesUnder(join(a, 'demo'))).toEqual(await filesUnder(join(b, 'demo')));
  });

  test('finds the committed DfE weekly file above the CLI package, and writes the reports without a comparator when it is missing', async () => {
    expect(findDemoComparator()).toBe(join(REPO_ROOT, 'data/dfe-pupil-attendance/2024-25_weekly_autumn.csv'));
    expect(findDemoComparator(tmpdir())).toBeUndefined();
    const root = await mkdtemp(join(tmpdir(), 'attendance-demo-'));
    await runCli(['demo', '--out', 'demo'], { cwd: root });
    const { readCanonicalDataset } = await import('@attendance-kit/adapter-canonical');
    const { dataset } = await readCanonicalDataset(join(root, 'demo', 'dataset'));
    const written = await writeDemoReports(dataset, join(root, 'bare'), { from: '2024-09-02' as IsoDate, to: '2024-12-20' as IsoDate, label: 'Autumn 2024/25' }, null);
    expect(written.problem).toMatch(/was not found/);
    // No comparator: no regional versions either.
    expect(written.files).toHaveLength(REPORT_IDS.length * FORMATS.length + 1);
    const summary = JSON.parse(await readFile(join(root, 'bare', 'summary.json'), 'utf8')) as { comparator: { kind: string } };
    expect(summary.comparator.kind).toBe('none');
  });

  test('regional versions of the weekly reports compare with a comparison region, labelled as chosen for synthetic data; --region picks it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'attendance-demo-'));
    const r = await runCli(['demo', '--out', 'demo', '--region', 'london'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('with London (E12000007), a comparison region chosen for the synthetic LA');
    for (const id of REGIONAL_REPORTS) {
      const report = JSON.parse(await readFile(join(root, 'demo', 'reports', `${id}-regional.json`), 'utf8')) as { title: string; comparator: { kind: string; label: string }; rows: { cells: Record<string, { comparator: number | null }> }[] };
      expect(report.comparator.kind).toBe('regional');
      expect(report.comparator.label).toContain('London (E12000007) is a comparison region chosen for the synthetic LA 999');
      expect(report.title).toContain('(against London, a comparison region)');
      expect(report.rows[0]?.cells['ytd']?.comparator).toEqual(expect.any(Number));
    }
    // The regional and national period comparators differ: London is not England.
    const national = JSON.parse(await readFile(join(root, 'demo', 'reports', 'summary.json'), 'utf8')) as { rows: { cells: Record<string, { comparator: number | null }> }[] };
    const regional = JSON.parse(await readFile(join(root, 'demo', 'reports', 'summary-regional.json'), 'utf8')) as typeof national;
    expect(regional.rows[0]?.cells['ytd']?.comparator).not.toBe(national.rows[0]?.cells['ytd']?.comparator);
  });

  test('statistical-neighbours is a real LA from real DfE figures, labelled so; profile is the synthetic LA by half-term', async () => {
    const root = await mkdtemp(join(tmpdir(), 'attendance-demo-'));
    const r = await runCli(['demo', '--out', 'demo', '--neighbours-la', '926'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("statistical-neighbours: LA 926 from DfE's real autumn 2024/25 figures (not the synthetic LA)");
    const sn = JSON.parse(await readFile(join(root, 'demo', 'reports', 'statistical-neighbours.json'), 'utf8')) as { title: string; notes: string[]; rows: { key: Record<string, string> }[] };
    expect(sn.title).toBe('Statistical neighbours: Norfolk (Total), real DfE figures');
    expect(sn.notes[0]).toMatch(/^Real DfE data for LA 926 .* not the synthetic LA/);
    expect(sn.rows.filter((x) => x.key['role'] === 'neighbour')).toHaveLength(10);
    const profile = JSON.parse(await readFile(join(root, 'demo', 'reports', 'profile.json'), 'utf8')) as { rows: { key: Record<string, string> }[] };
    expect([...new Set(profile.rows.map((x) => x.key['part']))]).toEqual(['period', 'autumn1', 'autumn2']);
  });

  test.each([
    [['demo', '--region', 'Atlantis'], /--region must be one of England's regions, by GSS code or name \(E12000001 North East, .*\), not 'Atlantis'/],
    [['demo', '--neighbours-la', 'Knowsley'], /--neighbours-la must be a three-digit \(old\) LA code such as 340, not 'Knowsley'/],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('rejects positional arguments with exit 2', async () => {
    const r = await runCli(['demo', 'somewhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^attendance: demo takes no arguments, got 'somewhere' \(use --out DIR\)/);
  });
});

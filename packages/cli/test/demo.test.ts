/**
 * `attendance demo`: writes a dataset and summaries, and the same files every run.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { IsoDate } from '@attendance-kit/core';
import { FORMATS, REPORT_IDS } from '@attendance-kit/reports';
import { writeDemoReports } from '../src/commands/demo-reports.js';
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
    const reportFiles = REPORT_IDS.flatMap((id) => FORMATS.map((f) => `reports/${id}.${f}`));
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
    for (const id of REPORT_IDS) {
      const report = JSON.parse(files[`reports/${id}.json`] ?? '') as { id: string; comparator: { kind: string }; period: { from: string; to: string }; rows: unknown[] };
      expect(report).toMatchObject({ id, comparator: { kind: 'national' }, period: { from: '2024-09-02', to: '2024-12-20' } });
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
    expect(written.files).toHaveLength(REPORT_IDS.length * FORMATS.length + 1);
    const summary = JSON.parse(await readFile(join(root, 'bare', 'summary.json'), 'utf8')) as { comparator: { kind: string } };
    expect(summary.comparator.kind).toBe('none');
  });

  test('rejects positional arguments with exit 2', async () => {
    const r = await runCli(['demo', 'somewhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^attendance: demo takes no arguments, got 'somewhere' \(use --out DIR\)/);
  });
});

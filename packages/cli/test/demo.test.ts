/**
 * `attendance demo`: writes a dataset and summaries, and the same files every run.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

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
    expect(Object.keys(files).sort()).toEqual([
      'dataset/marks.csv',
      'dataset/pupils.csv',
      'dataset/schools.csv',
      'dataset/terms.csv',
      'summary-by-school.csv',
      'summary-by-school.json',
      'summary-by-school.txt',
    ]);
    expect(r.stdout).toContain('Dataset:  out/dataset/');
    expect(r.stdout).toContain('Period 2024-09-02 to 2024-12-20, profile dfe');
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

  test('rejects positional arguments with exit 2', async () => {
    const r = await runCli(['demo', 'somewhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^attendance: demo takes no arguments, got 'somewhere' \(use --out DIR\)/);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli.js';

const BASIC = join(REPO_ROOT, 'packages/adapter-bromcom/test/fixtures/accepted/basic');
const PAGES = ['students.json', 'week.json', 'attendances.json'].map((f) => join(BASIC, f));
const fresh = (): string => mkdtempSync(join(tmpdir(), 'import-bromcom-'));

describe('attendance import --from bromcom', () => {
  it('imports saved Bromcom pages into a dataset that summarise reads, with the counts of the adapter fixture', async () => {
    const ds = join(fresh(), 'ds');
    const r = await runCli(['import', '--from', 'bromcom', ...PAGES, '--out', ds, '--school-urn', '100101', '--la-code', '926', '--phase', 'secondary']);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(ds, 'import-report.json'), 'utf8')) as {
      files: { counts: { read: number; accepted: number; superseded: number; rejected: number } }[];
    };
    // The adapter's own fixture (expected.json) accounts for 20 records: 18 accepted, 2 superseded.
    const sum = report.files.reduce((a, f) => ({ read: a.read + f.counts.read, accepted: a.accepted + f.counts.accepted, superseded: a.superseded + f.counts.superseded, rejected: a.rejected + f.counts.rejected }), { read: 0, accepted: 0, superseded: 0, rejected: 0 });
    expect(sum).toEqual({ read: 20, accepted: 18, superseded: 2, rejected: 0 });
    const s = await runCli(['summarise', ds, '--profile', 'all', '--format', 'json']);
    expect(s.code).toBe(0);
    const golden = JSON.parse(readFileSync(join(BASIC, 'golden.json'), 'utf8')) as { marks: unknown[] };
    expect((JSON.parse(s.stdout) as { input: { marks_accepted: number } }).input.marks_accepted).toBe(golden.marks.length);
  });

  it('auto recognises Bromcom pages, and a missing --school-urn exits 2 naming it', async () => {
    const r = await runCli(['import', ...PAGES, '--out', join(fresh(), 'ds'), '--la-code', '926', '--phase', 'secondary']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--school-urn/);
  });
});

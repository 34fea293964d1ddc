import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli.js';

const SMALL = join(REPO_ROOT, 'packages/cli/test/fixtures/small');
const fresh = (): string => mkdtempSync(join(tmpdir(), 'import-canonical-'));

describe('attendance import --from canonical', () => {
  it('copies a canonical dataset into a new one that summarise reads the same way', async () => {
    const tmp = fresh();
    const r = await runCli(['import', '--from', 'canonical', SMALL, '--out', join(tmp, 'ds')]);
    expect(r.code).toBe(0);
    const a = await runCli(['summarise', SMALL, '--profile', 'all', '--by', 'school', '--format', 'json']);
    const b = await runCli(['summarise', join(tmp, 'ds'), '--profile', 'all', '--by', 'school', '--format', 'json']);
    expect((JSON.parse(b.stdout) as { rows: unknown }).rows).toEqual((JSON.parse(a.stdout) as { rows: unknown }).rows);
  });

  it('a file given to --from canonical is reported as not a dataset folder and skipped', async () => {
    const tmp = fresh();
    cpSync(SMALL, join(tmp, 'in'), { recursive: true });
    const r = await runCli(['import', '--from', 'canonical', 'in', 'in/marks.csv', '--out', 'ds'], { cwd: tmp });
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(tmp, 'ds', 'import-report.json'), 'utf8')) as { files: { file: string; kind: string; issues: { code: string }[] }[] };
    expect(report.files.map((f) => [f.file, f.kind])).toEqual([
      ['in', 'canonical'],
      ['in/marks.csv', 'unrecognised'],
    ]);
    expect(report.files[1]?.issues.map((i) => i.code)).toEqual(['import/unrecognised-file']);
  });

  it('import --help names every format and the merge rule', async () => {
    const r = await runCli(['import', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/--from ctf\|bromcom\|wonde\|arbor\|arbor-bi\|sims\|canonical\|auto/);
    expect(r.stdout + r.stderr).toMatch(/importing the same\s+extract twice changes nothing/);
  });
});

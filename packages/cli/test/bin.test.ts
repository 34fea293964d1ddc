/**
 * The `attendance` bin as a real process, built from source (tsx with the `source` condition):
 * exit codes, stdout and stderr as a shell sees them.
 */
import { execFile } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './run-cli.js';

interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const attendance = (args: readonly string[]): Promise<ProcessResult> =>
  new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', '--conditions=source', 'packages/cli/src/bin.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });

describe('the attendance bin as a process', () => {
  test('summarise writes CSV on stdout and exits 0 despite rejected rows', async () => {
    const r = await attendance(['summarise', 'packages/cli/test/fixtures/small', '--by', 'school', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^100001,2,18,/);
    expect(r.stderr).toContain('3 rejected (not counted)');
  });

  test('a bad option exits 2 with one attendance: line', async () => {
    const r = await attendance(['summarise', 'packages/cli/test/fixtures/small', '--by', 'gender']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('attendance:'))).toEqual([
      "attendance: --by field 'gender' is not known; use a comma list of school, la, year_group, sex, fsm, fsm6, sen, eal, looked_after, ethnicity, ethnicity_major, sen_status, previously_looked_after, week, half_term (see attendance summarise --help)",
    ]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'import-recorded-at-'));
const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');
const HEADER = 'school_urn,pupil_id,date,session,code,minutes_late,recorded_at';

/** A canonical extract of one school and two pupils with the given marks.csv rows. */
const extract = (dir: string, rows: readonly string[]): string => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'schools.csv'), 'school_urn,school_name,la_code,phase\n100101,Elm,926,primary\n');
  writeFileSync(join(dir, 'pupils.csv'), 'school_urn,pupil_id,year_group\n100101,P1,3\n100101,P2,4\n');
  writeFileSync(join(dir, 'marks.csv'), `${[HEADER, ...rows].join('\n')}\n`);
  return dir;
};

interface Report {
  readonly files: readonly { file: string; kind: string; counts: { read: number; accepted: number; superseded: number; rejected: number } }[];
}
const reportOf = (ds: string): Report => JSON.parse(read(ds, 'import-report.json')) as Report;
const markRows = (ds: string): string[] => read(ds, 'marks.csv').trim().split('\n').slice(1);

// Extract A was recorded after extract B: A's versions must win whatever the order of import.
const A_ROWS = ['100101,P1,2024-09-02,AM,I,,2024-09-10T08:00:00Z', '100101,P1,2024-09-02,PM,L,12,2024-09-10 09:30+01:00', '100101,P2,2024-09-02,AM,/,,'];
const B_ROWS = ['100101,P1,2024-09-02,AM,N,,2024-09-05T08:00:00Z', '100101,P1,2024-09-02,PM,/,,2024-09-04'];

describe('attendance import keeps recorded_at', () => {
  it('writes each mark with its recorded_at, in UTC, so a later import can order versions by it', async () => {
    const tmp = fresh();
    const a = extract(join(tmp, 'a'), A_ROWS);
    const r = await runCli(['import', '--from', 'canonical', a, '--out', join(tmp, 'ds')]);
    expect(r.code).toBe(0);
    expect(markRows(join(tmp, 'ds'))).toEqual([
      '100101,P1,2024-09-02,AM,I,,2024-09-10T08:00:00Z',
      '100101,P1,2024-09-02,PM,L,12,2024-09-10T08:30:00Z',
      '100101,P2,2024-09-02,AM,/,,',
    ]);
  });

  it.each([
    ['A (recorded later) then B (recorded earlier)', ['a', 'b']],
    ['B then A', ['b', 'a']],
  ])("importing %s gives A's marks, B's versions counted as superseded against B", async (_, order) => {
    const tmp = fresh();
    const dirs: Record<string, string> = { a: extract(join(tmp, 'a'), A_ROWS), b: extract(join(tmp, 'b'), B_ROWS) };
    const ds = join(tmp, 'ds');
    for (const x of order) expect((await runCli(['import', '--from', 'canonical', dirs[x] as string, '--out', ds])).code).toBe(0);
    expect(markRows(ds)).toEqual([
      '100101,P1,2024-09-02,AM,I,,2024-09-10T08:00:00Z',
      '100101,P1,2024-09-02,PM,L,12,2024-09-10T08:30:00Z',
      '100101,P2,2024-09-02,AM,/,,',
    ]);
    const files = reportOf(ds).files;
    // The second run: the existing dataset, then the extract imported second.
    const [existing, second] = files;
    if (order[0] === 'a') {
      // B's two marks lose; its school and pupils (no timestamp) replace the existing ones.
      expect(second?.counts).toEqual({ read: 1 + 2 + 2, accepted: 3, superseded: 2, rejected: 0 });
      expect(existing?.counts).toEqual({ read: 1 + 2 + 3, accepted: 3, superseded: 3, rejected: 0 });
    } else {
      expect(second?.counts).toEqual({ read: 1 + 2 + 3, accepted: 6, superseded: 0, rejected: 0 });
      expect(existing?.counts).toEqual({ read: 1 + 2 + 2, accepted: 0, superseded: 5, rejected: 0 });
    }
  });

  it('a re-import of the same extract leaves every file byte for byte as it was', async () => {
    const tmp = fresh();
    const a = extract(join(tmp, 'a'), [...A_ROWS, '100101,P2,2024-09-03,PM,M,,2024-09-03T17:00:00.5+00:00']);
    const ds = join(tmp, 'ds');
    await runCli(['import', '--from', 'canonical', a, '--out', ds]);
    const before = ['schools.csv', 'pupils.csv', 'marks.csv'].map((f) => read(ds, f));
    expect(before[2]).toContain('2024-09-03T17:00:00.500Z');
    const again = await runCli(['import', '--from', 'canonical', a, '--out', ds]);
    expect(again.code).toBe(0);
    expect(['schools.csv', 'pupils.csv', 'marks.csv'].map((f) => read(ds, f))).toEqual(before);
  });

  it("a folder's own versions keep the winner's recorded_at, and rejected rows lend it none", async () => {
    const tmp = fresh();
    const a = extract(join(tmp, 'a'), [
      '100101,P1,2024-09-02,AM,I,,2024-09-10T08:00:00Z', // wins: the latest stamp
      '100101,P1,2024-09-02,AM,N,,2024-09-09T08:00:00Z', // later row, older stamp: superseded
      '100101,P1,2024-09-02,AM,ZZ,,2024-09-20T08:00:00Z', // unknown code: rejected
      '100101,P1,2024-09-02,AM,I,65535,2024-09-21T08:00:00Z', // minutes out of range: rejected
      '100101,P1,2024-09-02,AM,I,,2024-09-22T08:00:00Z,extra', // ragged: rejected
    ]);
    const ds = join(tmp, 'ds');
    expect((await runCli(['import', '--from', 'canonical', a, '--out', ds])).code).toBe(0);
    expect(markRows(ds)).toEqual(['100101,P1,2024-09-02,AM,I,,2024-09-10T08:00:00Z']);
    expect(reportOf(ds).files[0]?.counts).toEqual({ read: 1 + 2 + 5, accepted: 4, superseded: 1, rejected: 3 });
  });
});

describe('attendance import --progress', () => {
  const SMALL = join(REPO_ROOT, 'packages/cli/test/fixtures/small');

  it('writes a line per file on stderr with --progress or on a terminal, and none otherwise', async () => {
    const tmp = fresh();
    const b = extract(join(tmp, 'b'), B_ROWS);
    const args = ['import', '--from', 'canonical', SMALL, b];
    const quiet = await runCli([...args, '--out', join(tmp, 'q')]);
    expect(quiet.stderr).not.toMatch(/\[1\/2\]/);
    for (const r of [await runCli([...args, '--out', join(tmp, 'p'), '--progress']), await runCli([...args, '--out', join(tmp, 't')], { stderrIsTTY: true })]) {
      expect(r.code).toBe(0);
      const lines = r.stderr.split('\n').filter((l) => /^attendance: \[\d\/2\]/.test(l));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/small \(canonical\): \d+ records read, \d+ rejected/);
      expect(lines[1]).toMatch(/\[2\/2\] .*b \(canonical\): 5 records read, 0 rejected/);
    }
  });
});

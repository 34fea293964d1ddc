import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli.js';

const CTF = join(REPO_ROOT, 'packages/adapter-ctf/test/fixtures');
const PRE24 = join(CTF, 'accepted/pre-ctf24/school.xml');
const COMMA = join(CTF, 'accepted/ctf24-comma/school.xml');
const fresh = (): string => mkdtempSync(join(tmpdir(), 'import-test-'));
const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');

interface ReportFile {
  readonly file: string;
  readonly kind: string;
  readonly counts: { read: number; accepted: number; superseded: number; rejected: number };
  readonly issues: readonly { code: string }[];
}
const reportOf = (dir: string): { files: ReportFile[] } => JSON.parse(read(dir, 'import-report.json')) as { files: ReportFile[] };

describe('attendance import --from ctf', () => {
  it('creates the dataset: schools, pupils and marks as the CTF says (checked by hand), and a report per source file', async () => {
    const tmp = fresh();
    const r = await runCli(['import', '--from', 'ctf', PRE24, '--school-urn', '100101', '--phase', 'primary', '--out', 'ds'], { cwd: tmp });
    expect(r.code).toBe(0);
    const ds = join(tmp, 'ds');
    expect(read(ds, 'schools.csv')).toBe('school_urn,school_name,la_code,phase\n100101,Elm & Oak Primary,926,primary\n');
    const pupils = read(ds, 'pupils.csv').trim().split('\n');
    expect(pupils.slice(1)).toEqual([
      // fsm6: an FSM review within six years of the CTF date (adapter-ctf's golden, checked by hand).
      '100101,A123456789012,2016-05-03,F,2,true,true,,false,K,WBRI,C,,',
      '100101,B987654321098,2015-11-20,M,3,,,,,,,C,,',
    ]);
    const marks = read(ds, 'marks.csv').trim().split('\n');
    expect(marks).toHaveLength(1 + 14);
    expect(marks[1]).toBe('100101,A123456789012,2024-07-11,AM,/,,');
    const report = reportOf(ds);
    expect(report.files.map((f) => [f.kind, f.counts])).toEqual([['ctf', { read: 19, accepted: 17, superseded: 0, rejected: 2 }]]);
    expect(report.files[0]?.issues.map((i) => i.code)).toEqual(['ctf/other-school-attendance']);
    expect(r.stdout).toContain('19 records read, 17 accepted, 0 superseded, 2 rejected');
  });

  it('the dataset it writes is read by summarise with every mark accepted', async () => {
    const tmp = fresh();
    await runCli(['import', '--from', 'ctf', PRE24, '--school-urn', '100101', '--phase', 'primary', '--out', 'ds'], { cwd: tmp });
    const s = await runCli(['summarise', 'ds', '--profile', 'all', '--from', '2024-07-01', '--to', '2024-07-31', '--format', 'json'], { cwd: tmp });
    expect(s.code).toBe(0);
    expect((JSON.parse(s.stdout) as { input: unknown }).input).toEqual({ marks_read: 14, marks_accepted: 14, marks_rejected: 0, marks_superseded: 0 });
  });

  it('importing the same extract twice changes nothing in the dataset', async () => {
    const tmp = fresh();
    const args = ['import', '--from', 'ctf', PRE24, COMMA, '--school-urn', '100101', '--phase', 'primary', '--out', 'ds'];
    await runCli(args, { cwd: tmp });
    const before = ['schools.csv', 'pupils.csv', 'marks.csv'].map((f) => read(join(tmp, 'ds'), f));
    const again = await runCli(args, { cwd: tmp });
    expect(again.code).toBe(0);
    expect(['schools.csv', 'pupils.csv', 'marks.csv'].map((f) => read(join(tmp, 'ds'), f))).toEqual(before);
  });

  it("a later extract's correction wins, and the old version is counted as superseded", async () => {
    const tmp = fresh();
    await runCli(['import', '--from', 'ctf', PRE24, '--school-urn', '100101', '--phase', 'primary', '--out', 'ds'], { cwd: tmp });
    const corrected = join(tmp, 'later.xml');
    writeFileSync(corrected, readFileSync(PRE24, 'utf8').replace('/\\II####L\\HH##', '/\\MI####L\\HH##'));
    const r = await runCli(['import', '--from', 'ctf', corrected, '--school-urn', '100101', '--out', 'ds'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(read(join(tmp, 'ds'), 'marks.csv')).toContain('100101,A123456789012,2024-07-12,AM,M,,\n');
    expect(read(join(tmp, 'ds'), 'marks.csv')).not.toContain('2024-07-12,AM,I');
    const existing = reportOf(join(tmp, 'ds')).files[0];
    expect(existing?.kind).toBe('existing dataset');
    expect(existing?.counts.superseded).toBe(17);
  });

  it('rejects marks dated before 1970 (a dataset counts days from 1970-01-01) with import/date-out-of-range, the counts still adding up', async () => {
    const tmp = fresh();
    writeFileSync(join(tmp, 'old.xml'), readFileSync(PRE24, 'utf8').replace('2024-07-11', '1969-12-29'));
    const r = await runCli(['import', '--from', 'ctf', 'old.xml', '--school-urn', '100101', '--phase', 'primary', '--out', 'ds'], { cwd: tmp });
    expect(r.code).toBe(0);
    const f = reportOf(join(tmp, 'ds')).files[0];
    // Monday 29 to Wednesday 31 December 1969: three days, AM and PM.
    expect(f?.issues.filter((i) => i.code === 'import/date-out-of-range')).toHaveLength(6);
    expect(f?.counts.read).toBe((f?.counts.accepted ?? 0) + (f?.counts.superseded ?? 0) + (f?.counts.rejected ?? 0));
    expect(read(join(tmp, 'ds'), 'marks.csv')).not.toContain('1969-');
  });

  it('exits 2 naming --school-urn and --phase when the CTF does not carry them, writing nothing', async () => {
    const tmp = fresh();
    const r = await runCli(['import', '--from', 'ctf', PRE24, '--out', 'ds'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--school-urn/);
    expect(r.stderr).toMatch(/--phase/);
    expect(existsSync(join(tmp, 'ds'))).toBe(false);
  });

  it('the phase and LA code may come from the dataset already holding the school', async () => {
    const tmp = fresh();
    await runCli(['import', '--from', 'ctf', PRE24, '--school-urn', '100101', '--phase', 'special', '--la-code', '201', '--out', 'ds'], { cwd: tmp });
    const r = await runCli(['import', '--from', 'ctf', COMMA, '--school-urn', '100101', '--out', 'ds'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(read(join(tmp, 'ds'), 'schools.csv')).toContain('100101,Elm and Oak Primary,201,special\n');
  });
});

describe('attendance import: command line and formats', () => {
  it.each([
    [['import', '--from', 'sims2', 'x', '--out', 'ds'], /--from must be one of ctf, bromcom, wonde, arbor, arbor-bi, sims, canonical, auto/],
    [['import', '--from', 'ctf', 'x'], /--out DATASET is required/],
    [['import', '--from', 'ctf', '--out', 'ds'], /give at least one PATH/],
    [['import', '--from', 'ctf', 'x', '--out', 'ds', '--phase', 'infant'], /--phase must be one of/],
    [['import', '--from', 'ctf', 'x', '--out', 'ds', '--school-urn', '12'], /--school-urn must be a URN/],
    [['import', '--from', 'ctf', 'no/such/file.xml', '--out', 'ds'], /cannot read no\/such\/file.xml: no such file or directory/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const r = await runCli(args, { cwd: fresh() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--from auto recognises a CTF and a canonical dataset folder by content, and reports a file it does not know', async () => {
    const tmp = fresh();
    const inputs = join(tmp, 'in');
    mkdirSync(join(inputs, 'ctf'), { recursive: true });
    cpSync(COMMA, join(inputs, 'ctf', 'export.dat'));
    cpSync(join(REPO_ROOT, 'packages/cli/test/fixtures/small'), join(inputs, 'canonical'), { recursive: true });
    writeFileSync(join(inputs, 'notes.txt'), 'hello');
    const r = await runCli(['import', '--from', 'auto', 'in', '--school-urn', '100101', '--phase', 'primary', '--out', 'ds'], { cwd: tmp });
    expect(r.code).toBe(0);
    const report = reportOf(join(tmp, 'ds'));
    expect(report.files.map((f) => [f.file, f.kind])).toEqual([
      ['in/canonical', 'canonical'],
      ['in/ctf/export.dat', 'ctf'],
      ['in/notes.txt', 'unrecognised'],
    ]);
    expect(report.files[2]?.issues.map((i) => i.code)).toEqual(['import/unrecognised-file']);
    for (const f of report.files) expect(f.counts.read).toBe(f.counts.accepted + f.counts.superseded + f.counts.rejected);
  });
});

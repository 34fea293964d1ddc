/**
 * `attendance report ID DATASET`: a report of the demo's synthetic LA, in-process through run().
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPORT_IDS } from '@attendance-kit/reports';
import { REPO_ROOT, runCli } from './run-cli.js';

const COMPARATOR = join(REPO_ROOT, 'data/dfe-pupil-attendance/2024-25_weekly_autumn.csv');
let root = '';
let dataset = '';

interface Cell {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly comparator: number | null;
  readonly display: string;
}
interface ReportJson {
  readonly id: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly comparator: { readonly kind: string };
  readonly columns: readonly { readonly id: string }[];
  readonly rows: readonly { readonly key: Readonly<Record<string, string>>; readonly cells: Readonly<Record<string, Cell>> }[];
  readonly notes: readonly string[];
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'attendance-report-'));
  const r = await runCli(['demo', '--out', 'demo'], { cwd: root });
  expect(r.code).toBe(0);
  dataset = join(root, 'demo', 'dataset');
}, 60_000);

describe('attendance report: happy path', () => {
  test('attendance-summary as JSON to --out: school rows whose ytd counts are summarise\'s, with a national comparator', async () => {
    const r = await runCli(['report', 'attendance-summary', dataset, '--comparator', COMPARATOR, '--from', '2024-09-02', '--to', '2024-12-20', '--out', 'as.json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote attendance-summary (json');
    const report = JSON.parse(await readFile(join(root, 'as.json'), 'utf8')) as ReportJson;
    expect(report.id).toBe('attendance-summary');
    expect(report.comparator.kind).toBe('national');
    expect(report.period).toMatchObject({ from: '2024-09-02', to: '2024-12-20' });
    expect(report.columns.map((c) => c.id)).toEqual(['ytd']);

    const s = await runCli(['summarise', dataset, '--by', 'school', '--from', '2024-09-02', '--to', '2024-12-20']);
    const summary = JSON.parse(s.stdout) as { rows: { school_urn: string; possible_sessions: number; overall_attendance: number }[] };
    const schoolRows = report.rows.filter((row) => row.key['school_urn'] !== undefined && row.key['school_urn'] !== '');
    expect(schoolRows).toHaveLength(summary.rows.length);
    for (const want of summary.rows) {
      const got = schoolRows.find((row) => row.key['school_urn'] === want.school_urn)?.cells['ytd'];
      expect(got?.numerator).toBe(want.overall_attendance);
      expect(got?.denominator).toBe(want.possible_sessions);
      expect(got?.comparator).toEqual(expect.any(Number));
    }
  });

  test('weekly-attendance as Markdown on stdout, one week column per week of the term, with bands', async () => {
    const r = await runCli(['report', 'weekly-attendance', dataset, '--comparator', COMPARATOR, '--term', 'autumn1', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# All Schools: Weekly Attendance\n/);
    expect(r.stdout).toContain('autumn1 2024/25 (2024-09-02 to 2024-10-25)');
    expect(r.stdout).toContain('w/c 2 Sep');
    expect(r.stdout).toContain('w/c 21 Oct');
    expect(r.stdout).not.toContain('w/c 28 Oct');
    expect(r.stdout).toMatch(/\| Oakfield Primary School \| 999001 \|/);
    expect(r.stdout).toMatch(/% \([+-][123]\)/);
    expect(r.stderr).toContain('period 2024-09-02 to 2024-10-25');
  });

  test('absence-summary as CSV with a filter and a regional comparator', async () => {
    const r = await runCli(['report', 'absence-summary', dataset, '--comparator', COMPARATOR, '--comparator-kind', 'regional', '--filter', 'fsm6=true', '--absence-type', 'unauthorised', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, total] = r.stdout.split(/\r?\n/);
    expect(header).toBe('name,school_urn,la_code,ytd,ytd_numerator,ytd_denominator,ytd_comparator,ytd_difference,ytd_band');
    expect(total).toMatch(/^LA 999/);
  });

  test('html is one self-contained page', async () => {
    const r = await runCli(['report', 'summary', dataset, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(r.stdout).not.toMatch(/(src|href)="https?:/);
  });
});

describe('attendance report data-check: retrospective changes and --as-of', () => {
  const total = async (extra: readonly string[]): Promise<Readonly<Record<string, Cell>>> => {
    const r = await runCli(['report', 'data-check', dataset, '--from', '2024-09-02', '--to', '2024-12-20', ...extra]);
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as ReportJson).rows.find((row) => row.key['row'] === 'total')?.cells ?? {};
  };
  test('every earlier version of a mark that marks.csv holds is a retrospective change (all pupils: summarise\'s marks_superseded)', async () => {
    const s = await runCli(['summarise', dataset]);
    const input = (JSON.parse(s.stdout) as { input: { marks_superseded: number } }).input;
    expect(input.marks_superseded).toBeGreaterThan(0);
    expect((await total(['--profile', 'all']))['superseded']?.numerator).toBe(input.marks_superseded);
  });
  test('--as-of judges the register at that date: an earlier date counts fewer marks and N marks', async () => {
    const end = await total([]);
    const early = await total(['--as-of', '2024-09-20']);
    expect(early['n_unresolved']?.denominator).toBeLessThan(end['n_unresolved']?.denominator ?? 0);
    expect(early['superseded']?.denominator).toBeLessThan(end['superseded']?.denominator ?? 0);
  });
  test('--as-of belongs to data-check only: exit 2 with one line', async () => {
    const r = await runCli(['report', 'summary', dataset, '--as-of', '2024-09-20']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('attendance report: nothing to show is an empty table with a note, exit 0', () => {
  const empty = async (args: readonly string[], note: RegExp): Promise<void> => {
    const r = await runCli(['report', 'attendance-summary', dataset, ...args]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJson;
    expect(report.rows).toEqual([]);
    expect(report.notes.join(' ')).toMatch(note);
    expect(r.stderr).toMatch(note);
  };
  test('a period with no data', () => empty(['--from', '2025-03-03', '--to', '2025-03-07'], /No possible sessions/));
  test('a school not in the dataset', () => empty(['--school', '123456'], /123456 is not in the dataset/));
  test('a filter matching nobody', () => empty(['--filter', 'year_group=13'], /for pupils with year_group = "13"/));
});

describe('attendance report: unusable command line or input, exit 2', () => {
  const usage = async (args: readonly string[], message: RegExp): Promise<void> => {
    const r = await runCli(['report', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  };
  test('an unknown report id lists the ids', async () => {
    const r = await runCli(['report', 'weekly', dataset]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown report 'weekly'; the reports are");
    for (const id of REPORT_IDS) expect(r.stderr).toContain(id);
  });
  test('no id', () => usage([], /report needs a report ID/));
  test('no dataset', () => usage(['summary'], /needs a DATASET folder/));
  test('a dataset that is not there', () => usage(['summary', 'no/such/folder'], /cannot read dataset no\/such\/folder: no such file or directory/));
  test('a comparator that is not there', () => usage(['summary', dataset, '--comparator', 'nope.csv'], /cannot read --comparator nope\.csv: no such file/));
  test('a comparator that is not a DfE weekly file', () => usage(['summary', dataset, '--comparator', join(dataset, 'schools.csv')], /cannot use --comparator .* as a weekly DfE attendance file/));
  test('--comparator-kind without --comparator', () => usage(['summary', dataset, '--comparator-kind', 'regional'], /--comparator-kind needs --comparator/));
  test('a bad format', () => usage(['summary', dataset, '--format', 'xlsx'], /--format must be json or csv or md or html, not 'xlsx'/));
  test('a bad filter', () => usage(['summary', dataset, '--filter', 'fsm6=yes'], /--filter fsm6 may be/));
  test('two periods', () => usage(['summary', dataset, '--term', 'autumn', '--from', '2024-09-02'], /give one period/));
  test('a date that is not a date', () => usage(['summary', dataset, '--from', '2024-02-30'], /--from '2024-02-30' is not a real date/));
  test('an unknown option', () => usage(['summary', dataset, '--colour'], /unknown option '--colour'/));
});

test('attendance report --help lists every report id and an example', async () => {
  const r = await runCli(['report', '--help']);
  expect(r.code).toBe(0);
  for (const id of REPORT_IDS) expect(r.stdout).toContain(`  ${id} `);
  expect(r.stdout).toContain('Examples:');
});

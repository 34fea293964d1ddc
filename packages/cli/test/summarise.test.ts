/**
 * `attendance summarise` on packages/cli/test/fixtures/small, a dataset small enough to count by hand.
 *
 * The fixture (Mon 9 to Fri 13 September 2024, 10 sessions per pupil, 2024 regulations):
 *   school 100001 (LA 926): P1 Y3 F fsm6  AM / x5; PM \ x4, I on Fri      -> possible 10, present 9, auth 1
 *                           P2 Y4 M       AM L U / / #; PM \ x4, # on Fri -> possible 8, present 7, unauth 1 (U), # x2
 *                           P3 R  F       AM / x5; PM O x5                 -> age 4: out of the dfe profile
 *   school 100002 (LA 926): P4 Y9 M fsm6  AM / x5; PM \ \ \ V M            -> possible 10, present 8, AEA 1, auth 1
 *                           P5 Y10 F      AM / x5; PM - then \ x4          -> possible 9, present 9, unmarked 1
 * P5's Tuesday AM is written twice: N at 09:00, / at 11:00 (the later recorded_at wins: 1 superseded).
 * Three more rows are rejected: H (2006 regulations only) on 2024-09-11 (line 53), unknown pupil P9
 * (line 54), the date 2024-09-31 (line 55). marks.csv: 54 rows = 50 accepted + 1 superseded + 3 rejected.
 * Ages come from year groups (Y3 = 7 ... Y10 = 14, R = 4 on 31 August 2024).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const FIXTURE = 'packages/cli/test/fixtures/small';

interface Output {
  readonly input: Record<string, number>;
  readonly rows: readonly Record<string, unknown>[];
}

const json = async (args: readonly string[]): Promise<Output> => {
  const r = await runCli(['summarise', FIXTURE, ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Output;
};

/** Checks a row's counts exactly and its unrounded rates to 9 places. */
const expectRow = (row: Record<string, unknown> | undefined, counts: Record<string, unknown>, rates: Record<string, number>): void => {
  expect(row).toMatchObject(counts);
  for (const [k, v] of Object.entries(rates)) expect(row?.[k]).toBeCloseTo(v, 9);
};

describe('summarise --format json (the default)', () => {
  test('input counts the whole marks file: 54 read = 50 accepted + 3 rejected + 1 superseded', async () => {
    const out = await json([]);
    expect(out.input).toEqual({ marks_read: 54, marks_accepted: 50, marks_rejected: 3, marks_superseded: 1 });
    expect(Object.keys(out)).toEqual(['input', 'rows']);
  });

  test('by school, dfe profile, default period (academic year 2024/25 of the latest mark)', async () => {
    const out = await json(['--by', 'school']);
    expect(out.rows.map((r) => r['school_urn'])).toEqual(['100001', '100002']);
    // 100001: P1 + P2 (P3 is 4 years old). possible 10 + 8 = 18; present 9 + 7 = 16; absence I + U = 2;
    // late L + U = 2; # x2 not possible; PA: P1 1/10 = 10% and P2 1/8 = 12.5%, both >= 10%.
    expectRow(
      out.rows[0],
      {
        school_urn: '100001',
        enrolments: 2,
        possible_sessions: 18,
        present_sessions: 16,
        approved_educational_activity: 0,
        overall_attendance: 16,
        overall_absence: 2,
        authorised_absence: 1,
        unauthorised_absence: 1,
        late_sessions: 2,
        not_possible_sessions: 2,
        unmarked_sessions: 0,
        sessions_by_code: { '/': 7, '\\': 8, L: 1, I: 1, U: 1, '#': 2 },
        pa_enrolments: 2,
        severe_absence_enrolments: 0,
      },
      {
        attendance_perc: (16 / 18) * 100,
        overall_absence_perc: (2 / 18) * 100,
        authorised_absence_perc: (1 / 18) * 100,
        unauthorised_absence_perc: (1 / 18) * 100,
        pa_perc: 100,
      },
    );
    // 100002: P4 + P5. possible 10 + 9 = 19; present 8 + 9 = 17; AEA 1 (V); attendance 18; absence 1 (M);
    // unmarked 1 (-); PA: P4 1/10 = 10% yes, P5 0 no.
    expectRow(
      out.rows[1],
      {
        school_urn: '100002',
        enrolments: 2,
        possible_sessions: 19,
        present_sessions: 17,
        approved_educational_activity: 1,
        overall_attendance: 18,
        overall_absence: 1,
        authorised_absence: 1,
        unauthorised_absence: 0,
        late_sessions: 0,
        not_possible_sessions: 0,
        unmarked_sessions: 1,
        sessions_by_code: { '/': 10, '\\': 7, V: 1, M: 1, '-': 1 },
        pa_enrolments: 1,
        severe_absence_enrolments: 0,
      },
      {
        attendance_perc: (18 / 19) * 100,
        overall_absence_perc: (1 / 19) * 100,
        authorised_absence_perc: (1 / 19) * 100,
        unauthorised_absence_perc: 0,
        pa_perc: 50,
      },
    );
  });

  test('without --by: one row for the whole dataset', async () => {
    const out = await json([]);
    expect(out.rows).toHaveLength(1);
    // 18 + 19 = 37 possible; 16 + 18 = 34 attendance; 3 absence; 3 of 4 enrolments PA.
    expectRow(
      out.rows[0],
      { enrolments: 4, possible_sessions: 37, overall_attendance: 34, overall_absence: 3, pa_enrolments: 3 },
      { attendance_perc: (34 / 37) * 100, pa_perc: 75 },
    );
    expect(out.rows[0]).not.toHaveProperty('school_urn');
  });

  test('--profile all keeps the reception pupil: P3 is 5 of 10 sessions absent, so severely absent', async () => {
    const out = await json(['--by', 'school', '--profile', 'all']);
    // 100001 + P3: possible 18 + 10 = 28; attendance 16 + 5 = 21; absence 2 + 5 (O) = 7; PA 3; severe 1.
    expectRow(
      out.rows[0],
      { school_urn: '100001', enrolments: 3, possible_sessions: 28, overall_attendance: 21, unauthorised_absence: 6, pa_enrolments: 3, severe_absence_enrolments: 1 },
      { overall_absence_perc: 25 },
    );
  });

  test('--filter keeps matching enrolments only (fsm6=true: P1 and P4)', async () => {
    const out = await json(['--by', 'school', '--filter', 'fsm6=true']);
    expect(out.rows.map((r) => [r['school_urn'], r['enrolments'], r['possible_sessions']])).toEqual([
      ['100001', 1, 10],
      ['100002', 1, 10],
    ]);
  });

  test('two filters must both hold (fsm6=true and sen=E: P4 only)', async () => {
    const out = await json(['--filter', 'fsm6=true', '--filter', 'sen=E']);
    expectRow(out.rows[0], { enrolments: 1, possible_sessions: 10, approved_educational_activity: 1 }, {});
  });

  test('--from/--to: an enrolment with no possible session in the period is left out', async () => {
    // Friday 13th only. 100001: P1 / and I (possible 2, absent 1: 50%, PA and severe); P2 # # (no possible
    // session: not counted). 100002: P4 / and M (50%: PA and severe); P5 / and \.
    const out = await json(['--from', '2024-09-13', '--to', '2024-09-13', '--by', 'school']);
    expectRow(out.rows[0], { school_urn: '100001', enrolments: 1, possible_sessions: 2, overall_absence: 1, severe_absence_enrolments: 1 }, {});
    expectRow(out.rows[1], { school_urn: '100002', enrolments: 2, possible_sessions: 4, overall_attendance: 3, pa_enrolments: 1, severe_absence_enrolments: 1 }, { pa_perc: 50 });
    // input still counts the whole file, whatever the period.
    expect(out.input['marks_read']).toBe(54);
  });

  test('--by sex,year_group gives one row per combination with both key columns', async () => {
    const out = await json(['--by', 'sex,year_group']);
    expect(out.rows.map((r) => [r['sex'], r['year_group'], r['enrolments']])).toEqual([
      ['F', '3', 1],
      ['F', '10', 1],
      ['M', '4', 1],
      ['M', '9', 1],
    ]);
  });

  test('the period used by default is said on stderr', async () => {
    const r = await runCli(['summarise', FIXTURE]);
    expect(r.stderr).toContain('period 2024-08-01 to 2025-07-31 (academic year 2024/25');
  });
});

describe('rejected rows never stop the run', () => {
  test('exit 0, counts and examples with file:line on stderr, stdout only the result', async () => {
    const r = await runCli(['summarise', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/54 rows read, 50 accepted, 3 rejected \(not counted\), 1 superseded/);
    for (const line of ['marks.csv:53', 'marks.csv:54', 'marks.csv:55']) expect(r.stderr).toContain(line);
    expect(r.stderr).toContain('full list: add --issues FILE');
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });

  test('--issues FILE writes every issue as CSV and stderr says where', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attendance-cli-'));
    const file = join(dir, 'issues.csv');
    const r = await runCli(['summarise', FIXTURE, '--issues', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`full list: ${file}`);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,line,field,code,severity,message');
    const errors = lines.slice(1).filter((l) => l.includes(',error,'));
    expect(errors.map((l) => l.split(',')[1])).toEqual(['53', '54', '55']);
  });
});

describe('output options', () => {
  test('--out FILE writes the result there and nothing on stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attendance-cli-'));
    const file = join(dir, 'out.json');
    const r = await runCli(['summarise', FIXTURE, '--by', 'school', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote 2 rows (json) to ${file}`);
    const out = JSON.parse(await readFile(file, 'utf8')) as Output;
    expect(out.rows).toHaveLength(2);
  });

  test('--progress writes progress on stderr, never on stdout', async () => {
    const r = await runCli(['summarise', FIXTURE, '--progress']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/reading dataset +\d+%/);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });

  test('no progress by default when stderr is not a terminal', async () => {
    const r = await runCli(['summarise', FIXTURE]);
    expect(r.stderr).not.toContain('reading dataset');
  });
});

describe('progress on a terminal', () => {
  test('redrawn in place on stderr and cleared at the end; stdout untouched', async () => {
    const r = await runCli(['summarise', FIXTURE], { stderrIsTTY: true });
    expect(r.stderr).toMatch(/\rattendance: reading dataset +\d+%/);
    expect(r.stderr).toContain('\r\u001b[2K');
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });

  test('--no-progress hides it even on a terminal', async () => {
    const r = await runCli(['summarise', FIXTURE, '--no-progress'], { stderrIsTTY: true });
    expect(r.stderr).not.toContain('reading dataset');
  });
});

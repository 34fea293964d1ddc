/**
 * `attendance summarise` periods, profiles and derived pupil groups (issue 3) on the hand-counted
 * fixture of summarise.test.ts (Mon 9 to Fri 13 September 2024):
 *   100001: P1 Y3 possible 10, absent 1 (I); P2 Y4 possible 8, absent 1 (U); P3 R possible 10, absent 5 (O)
 *   100002: P4 Y9 possible 10, absent 1 (M); P5 Y10 possible 9, absent 0
 * By Tuesday 10 September: P1, P2 and P4 4 possible each, P5 3 (Monday PM is unmarked).
 * SEN: P1 N, P2 K, P4 E, P5 N. Ethnicity: P1 P2 P4 WBRI, P3 P5 ABAN.
 */
import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const FIXTURE = 'packages/cli/test/fixtures/small';

type Row = Record<string, unknown>;
const rows = async (args: readonly string[]): Promise<readonly Row[]> => {
  const r = await runCli(['summarise', FIXTURE, ...args]);
  expect(r.stderr).not.toMatch(/failed/);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { rows: Row[] }).rows;
};
const pick = (rs: readonly Row[], keys: readonly string[]) => rs.map((r) => keys.map((k) => r[k]));

describe('summarise periods', () => {
  test('--week: the week commencing the Monday', async () => {
    expect(pick(await rows(['--week', '2024-09-09']), ['possible_sessions'])).toEqual([[37]]);
    expect(pick(await rows(['--week', '2024-09-16']), ['possible_sessions', 'enrolments'])).toEqual([[0, 0]]);
  });
  test('--as-of alone: year to date as of that day', async () => {
    expect(pick(await rows(['--as-of', '2024-09-10']), ['possible_sessions'])).toEqual([[15]]);
  });
  test("--term: the school's half-term of the latest mark's academic year", async () => {
    expect(pick(await rows(['--term', 'autumn1']), ['possible_sessions'])).toEqual([[37]]);
    expect(pick(await rows(['--term', 'autumn']), ['possible_sessions'])).toEqual([[37]]);
    expect(pick(await rows(['--term', 'spring1']), ['possible_sessions'])).toEqual([[0]]);
    expect(pick(await rows(['--term', 'census-autumn']), ['possible_sessions'])).toEqual([[37]]);
  });
  test('--term with --as-of cuts the half-term', async () => {
    expect(pick(await rows(['--term', 'autumn1', '--as-of', '2024-09-10']), ['possible_sessions'])).toEqual([[15]]);
  });
  test('--by week and half_term carry their key columns', async () => {
    expect(pick(await rows(['--by', 'school,week']), ['school_urn', 'week', 'possible_sessions'])).toEqual([
      ['100001', '2024-09-09', 18],
      ['100002', '2024-09-09', 19],
    ]);
    expect(pick(await rows(['--by', 'half_term']), ['half_term', 'possible_sessions'])).toEqual([['autumn1', 37]]);
  });
});

describe('summarise profiles', () => {
  test('--profile fft keeps the Reception pupil', async () => {
    expect(pick(await rows(['--profile', 'fft']), ['enrolments', 'possible_sessions', 'overall_absence'])).toEqual([[5, 47, 8]]);
  });
  test('--pa-threshold 11: only P2 (12.5%) is persistently absent', async () => {
    expect(pick(await rows(['--by', 'school', '--pa-threshold', '11']), ['school_urn', 'pa_enrolments'])).toEqual([
      ['100001', 1],
      ['100002', 0],
    ]);
  });
  test('--min-sessions 10: enrolments with fewer possible sessions leave the PA base', async () => {
    expect(pick(await rows(['--by', 'school', '--min-sessions', '10']), ['enrolments', 'pa_base', 'pa_enrolments', 'pa_perc'])).toEqual([
      [2, 1, 1, 100],
      [2, 1, 1, 100],
    ]);
  });
  test('--pa-basis pupil adds the pupils column', async () => {
    expect(pick(await rows(['--pa-basis', 'pupil']), ['pupils', 'pa_base', 'pa_enrolments'])).toEqual([[4, 4, 3]]);
  });
  test('--years narrows the year groups', async () => {
    expect(pick(await rows(['--profile', 'all', '--years', '9-10']), ['enrolments', 'possible_sessions'])).toEqual([[2, 19]]);
  });
});

describe('summarise derived pupil groups', () => {
  test('--by sen_status and ethnicity_major', async () => {
    expect(pick(await rows(['--by', 'sen_status']), ['sen_status', 'possible_sessions'])).toEqual([
      ['ehc_plan', 10],
      ['none', 19],
      ['sen_support', 8],
    ]);
    expect(pick(await rows(['--by', 'ethnicity_major']), ['ethnicity_major', 'possible_sessions'])).toEqual([
      ['Asian', 9],
      ['White', 28],
    ]);
  });
  test('--filter ethnicity_major=White', async () => {
    expect(pick(await rows(['--filter', 'ethnicity_major=White']), ['enrolments'])).toEqual([[3]]);
  });
});

describe('summarise: bad period and profile options exit 2 with one line', () => {
  test.each([
    [['--week', '2024-09-10'], /--week '2024-09-10' is not a Monday/],
    [['--term', 'autumn3'], /--term must be autumn1 or .* not 'autumn3'/],
    [['--term', 'autumn1', '--from', '2024-09-01'], /give one period/],
    [['--pa-threshold', '0'], /--pa-threshold must be a percentage above 0/],
    [['--years', '11-R'], /--years '11-R' runs backwards/],
    [['--min-sessions', 'ten'], /--min-sessions must be a whole number/],
    [['--code-n', 'maybe'], /--code-n must be count or ignore/],
    [['--filter', 'sen_status=K'], /--filter sen_status may be none, sen_support, ehc_plan/],
  ])('%j', async (args, message) => {
    const r = await runCli(['summarise', FIXTURE, ...args]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('attendance:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('summarise --help', () => {
  test('names every option it accepts', async () => {
    const { SUMMARISE_OPTIONS } = await import('../src/commands/summarise-options.js');
    const r = await runCli(['summarise', '--help']);
    for (const name of Object.keys(SUMMARISE_OPTIONS)) expect(r.stdout).toContain(`--${name}`);
  });
});

describe('summarise with pupil_characteristics.csv', () => {
  test('a characteristic is taken as at each session date; bad rows are named and skipped', async () => {
    const { cp, mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'attendance-chars-'));
    await cp(FIXTURE, dir, { recursive: true });
    // P2 (fsm false in pupils.csv) is FSM from Wednesday 11 September: 4 of P2's 8 possible sessions move.
    await writeFile(
      join(dir, 'pupil_characteristics.csv'),
      'school_urn,pupil_id,field,value,from,to\n100001,P2,fsm,true,2024-09-11,\n100001,P2,fsm,true,2024-09-20,2024-09-12\n100001,P2,shoe,9,,\n',
    );
    const r = await runCli(['summarise', dir, '--by', 'fsm']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: Row[] };
    expect(pick(out.rows, ['fsm', 'enrolments', 'possible_sessions'])).toEqual([
      ['false', 2, 13],
      ['true', 3, 24],
    ]);
    expect(r.stderr).toContain('Row 3: to 2024-09-12 is before from 2024-09-20');
    expect(r.stderr).toContain("Row 4: field 'shoe' is not one that may change");
  });
});

describe('summarise --week-label', () => {
  test('friday labels weeks by their Friday (FFT)', async () => {
    expect(pick(await rows(['--by', 'week', '--week-label', 'friday']), ['week', 'possible_sessions'])).toEqual([['2024-09-13', 37]]);
  });
});

import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const FIXTURE = 'packages/cli/test/fixtures/small';

/** Every unusable command line exits 2 with exactly one line on stderr, starting `attendance:`. */
const expectUsage = (r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void => {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(r.stderr).toMatch(/^attendance: /);
  expect(r.stderr).toMatch(pattern);
};

describe('top level', () => {
  test('no arguments prints the help on stderr and exits 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
  });

  test.each([['--help'], ['-h'], ['help']])('%s lists every command, exit 0', async (flag) => {
    const r = await runCli([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/summarise\s+\S/);
    expect(r.stdout).toMatch(/demo\s+\S/);
    expect(r.stderr).toBe('');
  });

  test('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('an unknown command exits 2 and suggests the nearest one', async () => {
    expectUsage(await runCli(['sumarise', 'x']), /unknown command 'sumarise'; did you mean 'summarise'\?.*attendance --help/);
  });

  test('an option before the command exits 2', async () => {
    expectUsage(await runCli(['--from', '2024-09-01']), /unknown option '--from' before the command/);
  });

  test('help for an unknown command exits 2', async () => {
    expectUsage(await runCli(['help', 'nope']), /no help for unknown command 'nope'/);
  });
});

describe('summarise help', () => {
  test.each([[['help', 'summarise']], [['summarise', '--help']], [['summarise', FIXTURE, '-h']]])('%j prints the full help', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(0);
    for (const option of ['--from', '--to', '--profile', '--by', '--filter', '--format', '--out', '--covid-x', '--progress', '--issues']) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('default: dfe');
  });

  test('the American spelling is accepted', async () => {
    const r = await runCli(['summarize', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('attendance summarise');
  });
});

describe('summarise: unusable command lines exit 2 with one line', () => {
  test.each<[string, readonly string[], RegExp]>([
    ['missing dataset', [], /needs a DATASET folder.*see attendance summarise --help/],
    ['two datasets', [FIXTURE, 'other'], /takes one DATASET folder, got 2/],
    ['unknown option', [FIXTURE, '--form', 'csv'], /unknown option '--form'/],
    ['option without value', [FIXTURE, '--from'], /option '--from' needs a value/],
    ['not a real date', [FIXTURE, '--from', '2024-02-30'], /--from '2024-02-30' is not a real date in the form YYYY-MM-DD/],
    ['date in the wrong form', [FIXTURE, '--to', '01/09/2024'], /--to '01\/09\/2024' is not a real date/],
    ['from after to', [FIXTURE, '--from', '2024-12-01', '--to', '2024-09-01'], /--from 2024-12-01 is after --to 2024-09-01/],
    ['bad profile', [FIXTURE, '--profile', 'ofsted'], /--profile must be dfe or all or fft, not 'ofsted'/],
    ['bad format', [FIXTURE, '--format', 'xlsx'], /--format must be json or csv or table, not 'xlsx'/],
    ['bad --by field', [FIXTURE, '--by', 'school,gender'], /--by field 'gender' is not known; use a comma list of school, la, year_group/],
    ['--by field twice', [FIXTURE, '--by', 'sex', '--by', 'sex'], /--by names a field twice/],
    ['filter without =', [FIXTURE, '--filter', 'fsm6'], /--filter 'fsm6' is not of the form FIELD=VALUE/],
    ['filter on an unknown field', [FIXTURE, '--filter', 'gender=F'], /--filter field 'gender' is not a pupils.csv field/],
    ['filter with a bad value', [FIXTURE, '--filter', 'fsm6=yes'], /--filter fsm6 may be true, false, \(empty: unknown\), not 'yes'/],
    ['bad covid-x', [FIXTURE, '--covid-x', 'ignore'], /--covid-x must be dfe or not-possible, not 'ignore'/],
    ['option given twice', [FIXTURE, '--format', 'csv', '--format', 'json'], /option --format is given more than once/],
    ['contradicting switches', [FIXTURE, '--progress', '--no-progress'], /--progress and --no-progress contradict/],
  ])('%s', async (_name, args, pattern) => {
    expectUsage(await runCli(['summarise', ...args]), pattern);
  });
});

describe('summarise: unreadable paths exit 2 naming the path and the reason', () => {
  test('a dataset folder that does not exist', async () => {
    expectUsage(await runCli(['summarise', 'no/such/folder']), /cannot read dataset no\/such\/folder: no such file or directory/);
  });

  test('a dataset that is a file, not a folder', async () => {
    expectUsage(await runCli(['summarise', 'package.json']), /cannot read dataset package\.json: not a folder/);
  });

  test('a dataset folder without marks.csv', async () => {
    expectUsage(await runCli(['summarise', 'packages/cli/test/fixtures/no-marks']), /cannot read dataset packages\/cli\/test\/fixtures\/no-marks: .*marks\.csv/);
  });

  test('an --out file in a folder that does not exist', async () => {
    expectUsage(await runCli(['summarise', FIXTURE, '--out', 'no/such/dir/out.json']), /cannot write --out no\/such\/dir\/out\.json: its folder .*no such file or directory/);
  });
});

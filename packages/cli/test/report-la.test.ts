/**
 * `attendance report statistical-neighbours` and `attendance report profile`: golden figures worked by
 * hand from DfE's published CSV rows (the numbers below are copied from the rows, not from our output),
 * options, and unusable command lines.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { statisticalNeighbours } from '@attendance-kit/reports';
import { findRepoDataFile, DEFAULT_BENCHMARK, DEFAULT_NEIGHBOURS, readBenchmark } from '../src/commands/report-benchmark.js';
import { REPO_ROOT, runCli } from './run-cli.js';

interface Cell {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly comparator: number | null;
  readonly display: string;
  readonly suppressed: boolean;
}
interface ReportJson {
  readonly id: string;
  readonly title: string;
  readonly comparator: { readonly kind: string; readonly label: string };
  readonly columns: readonly { readonly id: string }[];
  readonly rows: readonly { readonly key: Readonly<Record<string, string>>; readonly cells: Readonly<Record<string, Cell>> }[];
  readonly notes: readonly string[];
}

const AUTUMN = join(REPO_ROOT, 'data/dfe-pupil-attendance/2024-25_autumn.csv');
const sn = async (args: readonly string[]): Promise<ReportJson> => {
  const r = await runCli(['report', 'statistical-neighbours', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
};
const byCode = (report: ReportJson, code: string) => report.rows.find((r) => r.key['la_code'] === code);
const byRole = (report: ReportJson, role: string) => report.rows.find((r) => r.key['role'] === role);

describe('statistical-neighbours: golden figures from DfE\'s 2024/25 autumn file (Knowsley, 340, secondary)', () => {
  // Rows of 2024-25_autumn.csv, Local authority, Secondary: overall_absence, possible_sessions.
  const ROWS: Readonly<Record<string, readonly [number, number]>> = {
    '340': [85926, 805451], // Knowsley
    '342': [121949, 1407082], // St. Helens
    '876': [95981, 1063012], // Halton
    '394': [186225, 2030886], // Sunderland
    '805': [70692, 768218], // Hartlepool
    '807': [97019, 1111989], // Redcar and Cleveland
    '343': [187327, 2055997], // Sefton
    '344': [223994, 2613550], // Wirral
    '393': [113361, 1191906], // South Tyneside
    '840': [304998, 3626984], // County Durham
    '341': [335836, 3782618], // Liverpool
  };
  const rate = ([a, p]: readonly [number, number]): number => (a * 100) / p;
  let report: ReportJson;
  beforeAll(async () => {
    report = await sn(['--la', '340', '--dfe', AUTUMN, '--phase', 'secondary']);
  });

  test('each LA\'s overall absence is its row\'s overall_absence over possible_sessions', () => {
    for (const [code, counts] of Object.entries(ROWS)) {
      const c = byCode(report, code)?.cells['overall_absence'];
      expect(c?.numerator).toBe(counts[0]);
      expect(c?.denominator).toBe(counts[1]);
      expect(c?.value).toBeCloseTo(rate(counts), 10);
    }
    // Knowsley: 85926 / 805451 = 10.668...%, shown 10.7%.
    expect(byCode(report, '340')?.cells['overall_absence']?.display).toBe('10.7%');
  });

  test('the neighbours\' mean (LAIT) is the plain mean of their ten rates; pooled is their sessions summed', async () => {
    const neighbours = Object.entries(ROWS).filter(([c]) => c !== '340').map(([, v]) => v);
    const plain = neighbours.reduce((s, v) => s + rate(v), 0) / 10;
    expect(byRole(report, 'neighbours-mean')?.cells['overall_absence']?.value).toBeCloseTo(plain, 10);
    expect(plain).toBeCloseTo(8.927266611171381, 10);
    const pooled = await sn(['--la', '340', '--dfe', AUTUMN, '--phase', 'secondary', '--sn-mean', 'pooled']);
    const sum = neighbours.reduce((s, [a, p]) => [s[0] + a, s[1] + p] as const, [0, 0] as const);
    expect(byRole(pooled, 'neighbours-mean')?.cells['overall_absence']).toMatchObject({ numerator: sum[0], denominator: sum[1] });
  });

  test('region (North West) and England are DfE\'s own rows; the LA is banded against England', () => {
    // Regional E12000002 Secondary: 4609762 / 57761470; National Secondary: 33626847 / 425102420.
    expect(byRole(report, 'region')?.cells['overall_absence']?.value).toBeCloseTo((4609762 * 100) / 57761470, 10);
    expect(byRole(report, 'region')?.key['name']).toBe('North West');
    const england = (33626847 * 100) / 425102420;
    expect(byRole(report, 'england')?.cells['overall_absence']?.value).toBeCloseTo(england, 10);
    const la = byCode(report, '340')?.cells['overall_absence'];
    expect(la?.comparator).toBeCloseTo(england, 10);
    // 10.67 - 8.10 = 2.57 points worse: band 2.
    expect(byCode(report, '340')?.cells['overall_absence']).toMatchObject({ band: { level: 2, direction: 'worse' } });
  });

  test('ranks and quartile: Knowsley has the highest secondary absence of the eleven and of the 151 LAs with figures (Isles of Scilly is withheld)', () => {
    expect(byCode(report, '340')?.cells['overall_absence_rank']?.display).toBe('11 of 11');
    expect(byCode(report, '340')?.cells['overall_absence_rank_england']?.display).toBe('151 of 151');
    expect(byCode(report, '340')?.cells['overall_absence_quartile']?.display).toBe('D');
    // PA: Knowsley's published pa_perc 31.8744838976053, the highest of the eleven (St. Helens 24.2145593869732 lowest).
    expect(byCode(report, '340')?.cells['pa']?.value).toBeCloseTo(31.8744838976053, 10);
    expect(byCode(report, '342')?.cells['pa_rank']?.display).toBe('1 of 11');
    expect(report.rows[0]?.key['la_code']).toBe('840'); // County Durham: 304998 / 3626984 = 8.41%, the lowest
  });
});

describe('statistical-neighbours: Total (census-weighted, DfE\'s 2024/25 method), default 2024/25 year file', () => {
  test('Knowsley\'s Total is its phase rates weighted by total_enrolments; England is the published Total', async () => {
    const report = await sn(['--la', '340']);
    // 2024-25_year.csv, Knowsley: Primary 272093/4211213 (census 14383), Secondary 232706/2080759 (6027), Special 31491/221000 (760).
    const weighted = ((272093 * 100) / 4211213 * 14383 + (232706 * 100) / 2080759 * 6027 + (31491 * 100) / 221000 * 760) / (14383 + 6027 + 760);
    expect(byCode(report, '340')?.cells['overall_absence']?.value).toBeCloseTo(weighted, 9);
    // A weighted Total has no session counts behind it.
    expect(byCode(report, '340')?.cells['overall_absence']?.numerator).toBeNull();
    // Mean of the ten neighbours' census-weighted Totals, worked in exact fractions from their rows.
    expect(byRole(report, 'neighbours-mean')?.cells['overall_absence']?.value).toBeCloseTo(7.36755295623721, 9);
    // National Total, overall_absence_perc as published.
    expect(byRole(report, 'england')?.cells['overall_absence']?.value).toBeCloseTo(6.87019162083959, 9);
    expect(report.title).toBe('Statistical neighbours: Knowsley (Total)');
  });

  test('--band-against region compares with the LA\'s region', async () => {
    const report = await sn(['--la', '340', '--band-against', 'region']);
    expect(report.comparator.kind).toBe('regional');
    expect(byCode(report, '340')?.cells['overall_absence']?.comparator).toBeCloseTo(byRole(report, 'region')?.cells['overall_absence']?.value ?? Number.NaN, 12);
  });

  test('the default files are the repository\'s data/ copies', () => {
    expect(findRepoDataFile(DEFAULT_BENCHMARK)).toBe(join(REPO_ROOT, 'data/dfe-pupil-attendance/2024-25_year.csv'));
    expect(findRepoDataFile(DEFAULT_NEIGHBOURS)).toBe(join(REPO_ROOT, 'data/dfe-statistical-neighbours/statistical_neighbours_may_2025.csv'));
  });
});

describe('statistical-neighbours for every LA', () => {
  test('every current LA of DfE\'s neighbour table gets its ten neighbours, a mean, region and England from the 2024/25 year file, and a figure of its own unless DfE withholds it', async () => {
    const read = await readBenchmark(findRepoDataFile(DEFAULT_BENCHMARK) ?? '', findRepoDataFile(DEFAULT_NEIGHBOURS) ?? '');
    if (!read.ok) throw new Error(read.problem);
    const empty = (await import('@attendance-kit/core/testing')).datasetFromRaw({ schools: [], enrolments: [], marks: [], academicYear: 2024 });
    expect(read.neighbours.length).toBeGreaterThanOrEqual(150);
    const withoutFigure: string[] = [];
    for (const { laCode } of read.neighbours) {
      const report = statisticalNeighbours(empty, { from: '2024-09-01' as never, to: '2025-08-31' as never, la: laCode, benchmark: read.periods, neighbours: read.neighbours });
      expect(report.rows.map((r) => r.key['role']).filter((x) => x === 'neighbour')).toHaveLength(10);
      expect(byRole(report as unknown as ReportJson, 'neighbours-mean')?.cells['overall_absence']?.value).toEqual(expect.any(Number));
      expect(byRole(report as unknown as ReportJson, 'region')?.cells['overall_absence']?.value).toEqual(expect.any(Number));
      if (byCode(report as unknown as ReportJson, laCode)?.cells['overall_absence']?.value === null) withoutFigure.push(laCode);
    }
    // No Total where a phase is missing or withheld (a census-weighted Total needs all three): City of
    // London (201: primary only, withheld), Isles of Scilly (420), Rutland (857: no special row) and
    // Bracknell Forest (867: special withheld, c).
    expect(withoutFigure.sort()).toEqual(['201', '420', '857', '867']);
  });
});

describe('statistical-neighbours: bad input', () => {
  test('an LA code not in the neighbour table: exit 0, empty table, the note on stderr', async () => {
    const r = await runCli(['report', 'statistical-neighbours', '--la', '998']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ReportJson).rows).toEqual([]);
    expect(r.stderr).toMatch(/LA "998" is not in DfE's statistical neighbour table/);
  });
  test('a period the file lacks: exit 0, empty table, and the periods it has', async () => {
    const r = await runCli(['report', 'statistical-neighbours', '--la', '340', '--dfe-period', '202324 Academic year']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no period "202324 Academic year" \(it has 202425 Academic year\)/);
  });
  test.each([
    [['report', 'statistical-neighbours'], /statistical-neighbours needs --la CODE/],
    [['report', 'statistical-neighbours', '--la', 'Knowsley'], /--la must be a three-digit \(old\) LA code such as 340, not 'Knowsley'/],
    [['report', 'statistical-neighbours', '--la', '340', '--phase', 'nursery'], /--phase must be total or primary or secondary or special, not 'nursery'/],
    [['report', 'statistical-neighbours', '--la', '340', '--sn-mean', 'median'], /--sn-mean must be plain or pooled/],
    [['report', 'statistical-neighbours', '--la', '340', '--comparator', 'x.csv'], /not a weekly --comparator/],
    [['report', 'statistical-neighbours', '--la', '340', '--la-source', 'dataset'], /--la-source dataset needs a DATASET folder/],
    [['report', 'statistical-neighbours', '--la', '340', '--dfe', 'nope.csv'], /cannot read --dfe nope.csv: no such file/],
    [['report', 'statistical-neighbours', '--la', '340', '--dfe', 'data/dfe-statistical-neighbours/statistical_neighbours_may_2025.csv'], /cannot use --dfe .* as a DfE attendance file/],
    [['report', 'statistical-neighbours', '--la', '340', '--filter', 'fsm6=true'], /--filter and --school apply to statistical-neighbours only with --la-source dataset/],
    [['report', 'weekly-attendance', 'somewhere', '--la', '340'], /--la is an option of the statistical-neighbours report, not of weekly-attendance/],
    [['report', 'summary', 'somewhere', '--reason-share', 'absence'], /--reason-share is an option of the profile report, not of summary/],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('profile through the CLI', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'attendance-profile-'));
    expect((await runCli(['demo', '--out', 'demo'], { cwd: root })).code).toBe(0);
  }, 60_000);

  test('the whole-period all-pupils row has summarise\'s counts; half-terms follow', async () => {
    const dataset = join(root, 'demo', 'dataset');
    const r = await runCli(['report', 'profile', dataset, '--term', 'autumn', '--out', 'p.json'], { cwd: root });
    expect(r.code).toBe(0);
    const report = JSON.parse(await readFile(join(root, 'p.json'), 'utf8')) as ReportJson;
    const s = JSON.parse((await runCli(['summarise', dataset, '--term', 'autumn'])).stdout) as { rows: { possible_sessions: number; overall_absence: number }[] };
    const all = report.rows.find((x) => x.key['part'] === 'period' && x.key['group'] === 'all');
    expect(all?.cells['overall_absence']?.numerator).toBe(s.rows[0]?.overall_absence);
    expect(all?.cells['overall_absence']?.denominator).toBe(s.rows[0]?.possible_sessions);
    expect([...new Set(report.rows.map((x) => x.key['part']))]).toEqual(['period', 'autumn1', 'autumn2']);
  });

  test('--reason-share absence', async () => {
    const r = await runCli(['report', 'profile', join(root, 'demo', 'dataset'), '--reason-share', 'absence', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('illness');
  });

  test('statistical-neighbours with the LA\'s own row from a dataset: the synthetic LA is 999, so the row is empty and a note says why', async () => {
    const r = await runCli(['report', 'statistical-neighbours', join(root, 'demo', 'dataset'), '--la', '340', '--la-source', 'dataset', '--term', 'autumn', '--dfe', AUTUMN]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJson;
    expect(byCode(report, '340')?.cells['overall_absence']?.value).toBeNull();
    expect(report.notes.join(' ')).toMatch(/no possible sessions for schools of LA 340/);
  });
});

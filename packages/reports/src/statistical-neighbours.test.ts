import { describe, expect, test } from 'vitest';
import { fraction, fractionPercent, fractionToNumber, type Fraction, type IsoDate } from '@attendance-kit/core';
import { tinyDataset } from '../test/fixture.js';
import { statisticalNeighbours, type BenchmarkArea, type NeighbourList } from './statistical-neighbours.js';
import { quartileBand, quartiles, rankMin } from './statistical-neighbours-stats.js';

const f = (n: number, d = 1): Fraction => fraction(n, d);
const num = (q: Fraction | undefined): number | undefined => (q === undefined ? undefined : fractionToNumber(q));

describe('ranks and quartiles (LAIT)', () => {
  test('rank with ties at the smallest rank, lowest first for absence, highest first for attendance', () => {
    expect(rankMin([f(3), f(1), f(3), undefined, f(2)], 'higher-is-worse')).toEqual([3, 1, 3, undefined, 2]);
    expect(rankMin([f(3), f(1), f(3), undefined, f(2)], 'higher-is-better')).toEqual([1, 4, 1, undefined, 3]);
  });
  test('quartiles are R\'s quantile() type 7: quantile(1:10) is 1, 3.25, 5.5, 7.75, 10', () => {
    const q = quartiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => f(n)));
    expect(q?.map(num)).toEqual([1, 3.25, 5.5, 7.75, 10]);
    expect(quartiles([])).toBeUndefined();
    expect(quartiles([f(7)])?.map(num)).toEqual([7, 7, 7, 7, 7]);
  });
  test('bands: a value on Q1 is A for absence (edges inclusive of the upper quartile), just above is B', () => {
    const q = quartiles([1, 2, 3, 4, 5].map((n) => f(n)));
    if (q === undefined) throw new Error('no quartiles');
    expect(quartileBand(f(2), q, 'higher-is-worse')).toBe('A');
    expect(quartileBand(f(2001, 1000), q, 'higher-is-worse')).toBe('B');
    expect(quartileBand(f(3), q, 'higher-is-worse')).toBe('B');
    expect(quartileBand(f(5), q, 'higher-is-worse')).toBe('D');
    expect(quartileBand(f(5), q, 'higher-is-better')).toBe('A');
    expect(quartileBand(f(1), q, 'higher-is-better')).toBe('D');
  });
});

/** A phase row with absence counts out of 1000 sessions and a published PA rate. */
const la = (code: string, absent: number, possible: number, pa?: number, region = 'R1'): BenchmarkArea => ({
  level: 'la',
  code,
  name: `LA ${code} name`,
  regionCode: region,
  phase: 'Primary',
  rates: {
    overall_absence: fractionPercent(f(absent, possible)),
    authorised_absence: fractionPercent(f(absent, possible)),
    unauthorised_absence: f(0),
    ...(pa === undefined ? {} : { pa: f(pa) }),
  },
  counts: { possible, byMeasure: { overall_absence: absent, authorised_absence: absent, unauthorised_absence: 0 } },
  ratesFromCounts: true,
});

// LA 100 (6% absence) and ten neighbours 101..110 with 1%..10% absence over 1000 sessions (110: 10% over 3000).
const areas: BenchmarkArea[] = [
  la('100', 60, 1000, 20),
  ...Array.from({ length: 9 }, (_, i) => la(String(101 + i), 10 * (i + 1), 1000, 10 + i)),
  la('110', 300, 3000),
  la('200', 200, 1000, 40, 'R2'),
  { level: 'regional', code: 'R1', name: 'Region One', phase: 'Primary', rates: { overall_absence: f(5), authorised_absence: f(5), unauthorised_absence: f(0) } },
  { level: 'national', code: 'E92000001', name: 'England', phase: 'Primary', rates: { overall_absence: f(7), authorised_absence: f(7), unauthorised_absence: f(0) } },
];
const neighbours: NeighbourList[] = [{ laCode: '100', laName: 'Hundred', neighbours: Array.from({ length: 10 }, (_, i) => ({ laCode: String(101 + i), closeness: 'Close' })) }];
const base = { from: '2024-09-02' as IsoDate, to: '2024-12-20' as IsoDate, la: '100', benchmark: new Map([['202425 Autumn term', areas]]), neighbours, phase: 'Primary' };

describe('statisticalNeighbours', () => {
  const report = statisticalNeighbours(tinyDataset(), base);
  const row = (role: string, code = '') => report.rows.find((r) => r.key['role'] === role && (code === '' || r.key['la_code'] === code));

  test('rows: the LA and its ten neighbours ranked lowest absence first, then their mean, the region and England', () => {
    expect(report.rows.map((r) => r.key['la_code'] || r.key['role'])).toEqual(['101', '102', '103', '104', '105', '100', '106', '107', '108', '109', '110', 'neighbours-mean', 'region', 'england']);
    expect(report.columns.map((c) => c.id).slice(0, 4)).toEqual(['overall_absence', 'overall_absence_rank', 'overall_absence_rank_england', 'overall_absence_quartile']);
    expect(row('la')?.key['name']).toBe('LA 100 name');
    expect(row('region')?.key['name']).toBe('Region One');
  });

  test('the LA\'s figure: 60 of 1000 = 6.0%, against England\'s 7%: one point better, band 1', () => {
    const c = row('la')?.cells['overall_absence'];
    expect(c).toMatchObject({ value: 6, numerator: 60, denominator: 1000, comparator: 7, display: '6.0%', band: { level: 1, direction: 'better' } });
    expect(c?.difference).toBeCloseTo(-1, 12);
  });

  test('LAIT\'s mean is the plain mean of the ten rates (1..10% -> 5.5%); pooled sessions give 1 + ... + 9 tens + 300 over 12000', () => {
    expect(row('neighbours-mean')?.cells['overall_absence']?.value).toBeCloseTo(5.5, 12);
    expect(row('neighbours-mean')?.key['contributors']).toBe('10 of 10');
    const pooled = statisticalNeighbours(tinyDataset(), { ...base, neighbourMean: 'pooled-sessions' });
    const c = pooled.rows.find((r) => r.key['role'] === 'neighbours-mean')?.cells['overall_absence'];
    expect(c?.numerator).toBe(450 + 300);
    expect(c?.denominator).toBe(12_000);
    expect(c?.value).toBeCloseTo((750 / 12_000) * 100, 12);
    // PA has no counts: no pooled mean, and a note says why.
    expect(pooled.rows.find((r) => r.key['role'] === 'neighbours-mean')?.cells['pa']?.value).toBeNull();
    expect(pooled.notes.join(' ')).toMatch(/Persistent absence.*cannot be pooled/);
  });

  test('ranks: 6th of 11 among the neighbours (tied with 106 at 6%); 6th of 12 LAs in England (1..5% are lower); PA ranked among those with a value', () => {
    expect(row('la')?.cells['overall_absence_rank']).toMatchObject({ value: 6, display: '6 of 11' });
    expect(row('la')?.cells['overall_absence_rank_england']).toMatchObject({ value: 6, display: '6 of 12' });
    // PA: 101..109 have 10..18, 110 none, the LA 20: last of the ten with a value.
    expect(row('la')?.cells['pa_rank']).toMatchObject({ value: 10, display: '10 of 10' });
    expect(row('neighbour', '110')?.cells['pa_rank']?.display).toBe('');
  });

  test('quartile bands over every LA: 12 values 1..10, 6, 20 percent', () => {
    // Sorted: 1 2 3 4 5 6 6 7 8 9 10 20; Q1 at h = 2.75: 3.75; Q2 at 5.5: 6; Q3 at 8.25: 8.25.
    expect(row('la')?.cells['overall_absence_quartile']?.display).toBe('B');
    expect(row('neighbour', '103')?.cells['overall_absence_quartile']?.display).toBe('A');
    expect(row('neighbour', '104')?.cells['overall_absence_quartile']?.display).toBe('B');
    expect(row('neighbour', '108')?.cells['overall_absence_quartile']?.display).toBe('C');
    expect(row('neighbour', '109')?.cells['overall_absence_quartile']?.display).toBe('D');
  });

  test('compared with the region instead: 6% against 5% is one point worse', () => {
    const r = statisticalNeighbours(tinyDataset(), { ...base, compareWith: 'regional' });
    expect(r.comparator.kind).toBe('regional');
    expect(r.rows.find((x) => x.key['role'] === 'la')?.cells['overall_absence']?.band).toEqual({ level: 1, direction: 'worse' });
  });

  test('filters given with DfE\'s own rows are named as not applying', () => {
    const r = statisticalNeighbours(tinyDataset(), { ...base, filters: [{ field: 'fsm6', value: 'true' }] });
    expect(r.notes.join(' ')).toMatch(/Filters and school selections apply only to an LA row counted from the dataset/);
    expect(r.rows.find((x) => x.key['role'] === 'la')?.cells['overall_absence']?.numerator).toBe(60);
  });

  test('reverse puts the highest absence first', () => {
    const r = statisticalNeighbours(tinyDataset(), { ...base, reverse: true });
    expect(r.rows[0]?.key['la_code']).toBe('110');
  });

  test('no severe absence in the data: no severe columns, and a note', () => {
    expect(report.columns.some((c) => c.id.startsWith('severe'))).toBe(false);
    expect(report.notes.join(' ')).toMatch(/publishes no severe absence \(50%\) rate for this period: no severe absence columns/);
    // Without any PA rate (a weekly file), no PA columns either.
    const noPa = statisticalNeighbours(tinyDataset(), { ...base, benchmark: new Map([['w', areas.map((a) => ({ ...a, rates: { overall_absence: a.rates['overall_absence'] as Fraction } }))]]) });
    expect(noPa.columns.some((c) => c.id.startsWith('pa'))).toBe(false);
    expect(noPa.notes.join(' ')).toMatch(/no persistent absence \(10%\) rate for this period \(none for weeks\)/);
  });

  test('the LA\'s own row from the dataset: a note says so (the tiny LA is 999, so it names the missing schools)', () => {
    const r = statisticalNeighbours(tinyDataset(), { ...base, laSource: 'dataset' });
    expect(r.rows.find((x) => x.key['role'] === 'la')?.cells['overall_absence']?.value).toBeNull();
    expect(r.notes.join(' ')).toMatch(/no possible sessions for primary schools of LA 100/);
  });
});

describe('statisticalNeighbours: bad input gives an empty table and a note', () => {
  test('an unknown LA code', () => {
    const r = statisticalNeighbours(tinyDataset(), { ...base, la: '998' });
    expect(r.rows).toEqual([]);
    expect(r.notes[0]).toMatch(/LA "998" is not in DfE's statistical neighbour table/);
  });
  test('a period the file does not have names the periods it has', () => {
    const r = statisticalNeighbours(tinyDataset(), { ...base, benchmarkPeriod: '202324 Academic year' });
    expect(r.rows).toEqual([]);
    expect(r.notes[0]).toMatch(/no period "202324 Academic year" \(it has 202425 Autumn term\)/);
  });
  test('dates that are not real and a school not in the dataset are named; the DfE table is still made', () => {
    const r = statisticalNeighbours(tinyDataset(), { ...base, from: '2024-02-30' as IsoDate, schools: ['000000'], laSource: 'dataset' });
    expect(r.notes[0]).toBe('"2024-02-30" is not a real date (YYYY-MM-DD).');
    expect(r.notes).toContain('School 000000 is not in the dataset.');
    expect(r.rows.find((x) => x.key['role'] === 'neighbour')?.cells['overall_absence']?.value).toBeCloseTo(1, 12);
  });
  test('a phase with no rows, no data, no neighbour table', () => {
    expect(statisticalNeighbours(tinyDataset(), { ...base, phase: 'Special' }).notes[0]).toMatch(/no Special rows/);
    expect(statisticalNeighbours(tinyDataset(), { ...base, benchmark: new Map() }).notes.join(' ')).toMatch(/No DfE attendance data/);
    expect(statisticalNeighbours(tinyDataset(), { ...base, neighbours: [] }).notes[0]).toMatch(/No statistical neighbour table/);
  });
  test('a suppressed LA shows c, and a neighbour missing from the data is named', () => {
    const withGap = areas.filter((a) => a.code !== '105').map((a) => (a.code === '104' ? { ...a, suppressed: true } : a));
    const r = statisticalNeighbours(tinyDataset(), { ...base, benchmark: new Map([['p', withGap]]) });
    expect(r.rows.find((x) => x.key['la_code'] === '104')?.cells['overall_absence']).toMatchObject({ suppressed: true, display: 'c', value: null });
    expect(r.notes.join(' ')).toMatch(/Neighbour 105 has no Primary row/);
    // Overall absence: 8 neighbours left (104 withheld, 105 missing).
    expect(r.rows.find((x) => x.key['role'] === 'neighbours-mean')?.key['contributors']).toBe('8 of 10');
  });
});

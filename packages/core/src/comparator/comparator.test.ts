import { describe, expect, test } from 'vitest';
import {
  groupComparator,
  laComparator,
  nationalComparator,
  regionalComparator,
  statisticalNeighbourComparator,
  type AreaCell,
  type ComparatorResult,
} from './areas.js';
import { coverageProblem } from './coverage.js';
import { decimalToFraction, fraction, fractionToNumber, roundFraction } from './fraction.js';
import { combinePhases, defaultPhaseTotalMethod } from './phase-total.js';
import { standardisedComparator } from './standardised.js';

const cell = (level: AreaCell['level'], code: string, attendance: number, possible: number, extra: Partial<AreaCell> = {}): AreaCell => ({
  level,
  code,
  phase: 'Primary',
  schools: 10,
  counts: { possible, byMeasure: { attendance } },
  ...extra,
});
const cells: AreaCell[] = [
  cell('national', 'E92000001', 950, 1000),
  cell('regional', 'E12000002', 900, 1000),
  cell('la', '340', 80, 100, { regionCode: 'E12000002' }),
  cell('la', '341', 90, 100, { regionCode: 'E12000002' }),
  cell('la', '342', 950, 1000, { regionCode: 'E12000002' }),
  { level: 'la', code: '201', regionCode: 'E12000007', phase: 'Primary', schools: 1 },
];
const pct = (r: ComparatorResult) => (r._tag === 'value' ? fractionToNumber(r.rate) : r.reason);

describe('area comparators', () => {
  test('national, regional (region from the LA row), LA', () => {
    expect(pct(nationalComparator(cells, 'Primary', 'attendance'))).toBe(95);
    expect(pct(regionalComparator(cells, '340', 'Primary', 'attendance'))).toBe(90);
    expect(pct(laComparator(cells, '340', 'Primary', 'attendance'))).toBe(80);
    expect(pct(regionalComparator(cells, '999', 'Primary', 'attendance'))).toBe('LA 999 has no region in the data');
    expect(pct(laComparator(cells, '201', 'Primary', 'attendance'))).toBe('the LA 201 row is suppressed or has no counts');
  });

  test("neighbours: LAIT's plain mean of rates (90 and 95 -> 92.5) against pooled sessions (1040/1100)", () => {
    const table = new Map([['340', ['341', '342', '201']]]);
    const lait = statisticalNeighbourComparator(cells, table, '340', 'Primary', 'attendance');
    expect(pct(lait)).toBe(92.5);
    expect(lait._tag === 'value' && lait.from).toEqual(['341', '342']); // 201 has no value: left out (na.rm)
    const pooled = statisticalNeighbourComparator(cells, table, '340', 'Primary', 'attendance', 'pooled-sessions');
    expect(pct(pooled)).toBeCloseTo((1040 * 100) / 1100, 12);
    expect(pct(statisticalNeighbourComparator(cells, table, '340', 'Primary', 'attendance', 'plain-mean-of-rates', { minContributors: 3 }))).toBe(
      'group too thin: fewer than 3 contributing areas (2)',
    );
  });

  test('a peer group of schools (URNs): pooled sessions and the plain mean', () => {
    const schools = [cell('school', '100001', 190, 200), cell('school', '100002', 85, 100), cell('school', '100003', 0, 0)];
    const pooled = groupComparator(schools, 'Primary', 'attendance', 'pooled-sessions');
    expect(pct(pooled)).toBeCloseTo((275 * 100) / 300, 12);
    // A school with no possible sessions has no rate: left out of the mean.
    const mean = groupComparator(schools, 'Primary', 'attendance', 'plain-mean-of-rates');
    expect(pct(mean)).toBe(90);
    expect(mean._tag === 'value' && mean.from).toEqual(['100001', '100002']);
  });

  test('a peer group with too few possible sessions has no value, and says so', () => {
    const r = groupComparator([cells[2] as AreaCell], 'Primary', 'attendance', 'pooled-sessions', { minPossibleSessions: 500 });
    expect(pct(r)).toBe('group too thin: fewer than 500 possible sessions (100)');
  });

  test('coverage: an unknown fact fails a threshold set on it', () => {
    expect(coverageProblem({}, { minSchools: 1 })).toBe('the number of schools is not known (at least 1 needed)');
    expect(coverageProblem({ schools: 1 }, {})).toBeUndefined();
  });
});

describe('phase totals', () => {
  test('DfE method by year', () => {
    expect([2022, 2024, 2025, 2030].map(defaultPhaseTotalMethod)).toEqual(['census-weighted', 'census-weighted', 'pooled', 'pooled']);
  });

  test('2024/25 national Total from the published phase rows (ref. §1.2, §4.1): census-weighted 93.12980..., pooled 93.12026...', () => {
    const parts = [
      { counts: { possible: 1348359082, byMeasure: { attendance: 1277606504 } }, censusHeadcount: 4488598 },
      { counts: { possible: 1106970367, byMeasure: { attendance: 1011832051 } }, censusHeadcount: 3643681 },
      { counts: { possible: 50470125, byMeasure: { attendance: 43968418 } }, censusHeadcount: 166617 },
    ];
    const weighted = combinePhases(parts, 'census-weighted', ['attendance']).rates.attendance;
    expect(fractionToNumber(weighted ?? fraction(0, 1))).toBeCloseTo(93.1298083791604, 10);
    const pooled = combinePhases(parts, 'pooled', ['attendance']).rates.attendance;
    expect(fractionToNumber(pooled ?? fraction(0, 1))).toBeCloseTo((2333406973 * 100) / 2505799574, 10);
  });

  test('a phase without a census headcount gives no census-weighted Total, with the reason', () => {
    const r = combinePhases([{ counts: { possible: 10, byMeasure: { attendance: 9 } } }], 'census-weighted', ['attendance']);
    expect(r.missing.attendance).toBe('a phase has no census headcount (total_enrolments) to weight by');
  });
});

describe('standardised comparator', () => {
  const comparator = new Map([
    ['FSM', { possible: 1000, byMeasure: { attendance: 900 } }],
    ['non-FSM', { possible: 3000, byMeasure: { attendance: 2850 } }],
  ]);

  test("a school with three quarters FSM sessions is compared with 91.25%, not the comparator's crude 93.75%", () => {
    const r = standardisedComparator(new Map([['FSM', 300], ['non-FSM', 100]]), comparator, 'attendance');
    expect(r._tag === 'value' && [fractionToNumber(r.rate), fractionToNumber(r.crude ?? fraction(0, 1))]).toEqual([91.25, 93.75]);
  });

  test('an uncovered local cell: refused with the cell named, or dropped and reported', () => {
    const local = new Map([['FSM', 300], ['EAL', 100]]);
    expect(standardisedComparator(local, comparator, 'attendance')).toEqual({
      _tag: 'none',
      reason: 'the comparator has no attendance rate for local cell(s) EAL',
    });
    const dropped = standardisedComparator(local, comparator, 'attendance', { uncovered: 'drop' });
    expect(dropped._tag === 'value' && [fractionToNumber(dropped.rate), dropped.coveredWeight, dropped.totalWeight, dropped.uncovered]).toEqual([
      90,
      300,
      400,
      ['EAL'],
    ]);
  });
});

describe('fractions', () => {
  test('published decimals read exactly, including exponents', () => {
    expect(decimalToFraction('13.5046937110547')).toEqual({ num: 135046937110547n, den: 10n ** 13n });
    expect(decimalToFraction('6.1823639721503e-05')).toEqual({ num: 61823639721503n, den: 10n ** 18n });
    expect(decimalToFraction('c')).toBeUndefined();
    expect(decimalToFraction('NaN')).toBeUndefined();
  });

  test('rounding is half away from zero, exactly (DfE roundFiveUp)', () => {
    expect(roundFraction(fraction(125, 100), 1)).toEqual({ num: 13n, den: 10n });
    expect(roundFraction(fraction(-125, 100), 1)).toEqual({ num: -13n, den: 10n });
    expect(roundFraction(fraction(1249999, 1000000), 1)).toEqual({ num: 12n, den: 10n });
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbRawDataset, datasetFromRaw } from '@attendance-kit/core/testing';
import { compareFractions, fraction, fractionPercent, fromDayNumber, summarise, toDayNumber, type Fraction, type IsoDate, type Polarity } from '@attendance-kit/core';
import { statisticalNeighbours, type BenchmarkArea } from './statistical-neighbours.js';
import { quartileBand, quartiles, rankAmong, rankMin } from './statistical-neighbours-stats.js';

const arbRate: fc.Arbitrary<Fraction> = fc.record({ n: fc.integer({ min: 0, max: 2000 }), d: fc.integer({ min: 1, max: 2000 }) }).map(({ n, d }) => fraction(n, d));
const arbPolarity: fc.Arbitrary<Polarity> = fc.constantFrom('higher-is-better', 'higher-is-worse');
const better = (a: Fraction, b: Fraction, p: Polarity): boolean => (p === 'higher-is-worse' ? compareFractions(a, b) < 0 : compareFractions(a, b) > 0);
const BAND_ORDER = 'ABCD';

describe('ranks and quartile bands', () => {
  test.prop([fc.array(fc.option(arbRate, { nil: undefined }), { maxLength: 30 }), arbPolarity])(
    '[SN-1] a rank is one more than the number of strictly better values (LAIT ties.method = "min"); values without a figure get none',
    (values, polarity) => {
      const ranks = rankMin(values, polarity);
      values.forEach((v, i) => {
        if (v === undefined) expect(ranks[i]).toBeUndefined();
        else expect(ranks[i]).toBe(1 + values.filter((w) => w !== undefined && better(w, v, polarity)).length);
      });
    },
  );

  test.prop([fc.array(arbRate, { minLength: 1, maxLength: 40 }), arbRate, arbRate, arbPolarity])(
    '[SN-2] quartile bands respect polarity: of two values, the better one never gets a later letter; the best value of the set is A and the worst D',
    (values, a, b, polarity) => {
      const q = quartiles(values);
      if (q === undefined) throw new Error('quartiles of a non-empty set');
      for (let i = 0; i < 4; i++) expect(compareFractions(q[i] as Fraction, q[i + 1] as Fraction)).toBeLessThanOrEqual(0);
      const [x, y] = better(a, b, polarity) ? [a, b] : [b, a];
      expect(BAND_ORDER.indexOf(quartileBand(x, q, polarity))).toBeLessThanOrEqual(BAND_ORDER.indexOf(quartileBand(y, q, polarity)));
      const sorted = [...values].sort(compareFractions);
      const [best, worst] = polarity === 'higher-is-worse' ? [sorted[0], sorted[sorted.length - 1]] : [sorted[sorted.length - 1], sorted[0]];
      expect(quartileBand(best as Fraction, q, polarity)).toBe('A');
      if (compareFractions(sorted[0] as Fraction, sorted[sorted.length - 1] as Fraction) !== 0) expect(quartileBand(worst as Fraction, q, polarity)).toBe('D');
    },
  );
});

/** An LA and ten neighbours with absence counts; region and England rows. */
const arbAreas = fc.array(fc.record({ absent: fc.integer({ min: 0, max: 500 }), possible: fc.integer({ min: 1, max: 5000 }) }), { minLength: 11, maxLength: 11 }).map((counts) =>
  counts.map(({ absent, possible }, i): BenchmarkArea => {
    const a = Math.min(absent, possible);
    return {
      level: 'la',
      code: String(300 + i),
      regionCode: 'R',
      phase: 'Total',
      rates: { overall_absence: fractionPercent(fraction(a, possible)), authorised_absence: fractionPercent(fraction(a, possible)), unauthorised_absence: fraction(0, 1) },
      counts: { possible, byMeasure: { overall_absence: a, authorised_absence: a, unauthorised_absence: 0 } },
      ratesFromCounts: true,
    };
  }),
);
const NEIGHBOURS = [{ laCode: '300', neighbours: Array.from({ length: 10 }, (_, i) => ({ laCode: String(301 + i) })) }];
const EMPTY = datasetFromRaw({ schools: [], enrolments: [], marks: [], academicYear: 2024 });
const period = { from: '2024-09-02' as IsoDate, to: '2024-12-20' as IsoDate, la: '300', neighbours: NEIGHBOURS };

describe('the neighbours\' mean', () => {
  test.prop([arbAreas])('[SN-3] the plain mean of rates lies between the lowest and highest neighbour rate, and equals pooled sessions when every neighbour has the same possible sessions', (areas) => {
    const mean = (m: 'plain-mean-of-rates' | 'pooled-sessions', list: readonly BenchmarkArea[]) =>
      statisticalNeighbours(EMPTY, { ...period, benchmark: new Map([['p', list]]), neighbourMean: m }).rows.find((r) => r.key['role'] === 'neighbours-mean')?.cells['overall_absence']?.value ?? null;
    const rates = areas.slice(1).map((a) => (a.counts?.byMeasure['overall_absence'] ?? 0) * 100 / (a.counts?.possible ?? 1));
    const plain = mean('plain-mean-of-rates', areas);
    expect(plain).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-9);
    expect(plain).toBeLessThanOrEqual(Math.max(...rates) + 1e-9);
    // Same denominators: rescale every area to 1000 possible sessions.
    const same = areas.map((a) => {
      const n = Math.round(((a.counts?.byMeasure['overall_absence'] ?? 0) * 1000) / (a.counts?.possible ?? 1));
      return { ...a, rates: { ...a.rates, overall_absence: fractionPercent(fraction(n, 1000)) }, counts: { possible: 1000, byMeasure: { overall_absence: n, authorised_absence: n, unauthorised_absence: 0 } } };
    });
    expect(mean('plain-mean-of-rates', same)).toBeCloseTo(mean('pooled-sessions', same) ?? Number.NaN, 9);
  });
});

describe('the LA\'s own row from the dataset', () => {
  test.prop([arbRawDataset(), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 120 }), arbAreas], { numRuns: 40 })(
    '[SN-4] counted from the dataset, the LA\'s cells are summarise\'s sums over the dataset\'s schools of that LA for the same period',
    (raw, start, length, areas) => {
      const dataset = datasetFromRaw(raw);
      const la = dataset.schools[0]?.laCode ?? '300';
      const from = fromDayNumber(toDayNumber(`${raw.academicYear}-08-01`) + start) as IsoDate;
      const to = fromDayNumber(toDayNumber(from) + length) as IsoDate;
      const list = areas.map((a, i) => (i === 0 ? { ...a, code: la } : a));
      const report = statisticalNeighbours(dataset, { from, to, la, neighbours: [{ ...NEIGHBOURS[0], laCode: la } as (typeof NEIGHBOURS)[number]], benchmark: new Map([['p', list]]), laSource: 'dataset' });
      const mine = summarise(dataset, { from, to, by: ['school'] }).rows.filter((r) => dataset.schools.some((s) => s.urn === r.school_urn && s.laCode === la));
      const possible = mine.reduce((s, r) => s + r.possible_sessions, 0);
      const cell = report.rows.find((r) => r.key['role'] === 'la')?.cells['overall_absence'];
      if (possible === 0) expect(cell?.value).toBeNull();
      else {
        expect(cell?.denominator).toBe(possible);
        expect(cell?.numerator).toBe(mine.reduce((s, r) => s + r.overall_absence, 0));
      }
    },
  );
});

describe('rank among a set', () => {
  test.prop([fc.array(arbRate, { minLength: 1, maxLength: 30 }), fc.nat(), arbPolarity])('[SN-5] the rank of a member among the set is its rankMin rank', (values, pick, polarity) => {
    const i = pick % values.length;
    expect(rankAmong(values[i] as Fraction, values, polarity)).toBe(rankMin(values, polarity)[i]);
  });
});

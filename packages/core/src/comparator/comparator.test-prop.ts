import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addCounts, rateFraction, type SessionCounts } from './counts.js';
import { compareFractions, fraction } from './fraction.js';
import { combinePhases } from './phase-total.js';
import { standardisedComparator } from './standardised.js';
import { weightedMean } from './weighted.js';

/** Counts of one cell: attendance <= possible, possible >= 1. */
const cellCounts = fc
  .integer({ min: 1, max: 5_000_000 })
  .chain((possible) => fc.record({ possible: fc.constant(possible), byMeasure: fc.record({ attendance: fc.integer({ min: 0, max: possible }) }) }));
const cells = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), cellCounts), { minLength: 1, maxLength: 12, selector: ([k]) => k });

describe('comparator properties', () => {
  test.prop([cells, fc.integer({ min: 1, max: 1000 })])(
    '[STD-1] the standardised comparator equals the crude one when the local mix equals the comparator mix',
    (entries, k) => {
      const comparator = new Map<string, SessionCounts>(entries);
      // The local group has the comparator's mix: k times its possible sessions in every cell.
      const local = new Map(entries.map(([key, c]) => [key, c.possible * k]));
      const r = standardisedComparator(local, comparator, 'attendance');
      expect(r._tag).toBe('value');
      if (r._tag !== 'value') return;
      const crude = rateFraction(entries.map(([, c]): SessionCounts => c).reduce(addCounts), 'attendance');
      // A rate is never negative, so a missing crude rate cannot compare equal.
      expect(compareFractions(r.rate, crude ?? fraction(-1, 1))).toBe(0);
      expect(compareFractions(r.rate, r.crude ?? fraction(-1, 1))).toBe(0);
    },
  );

  test.prop([
    fc.array(fc.record({ value: fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 })), weight: fc.nat(1_000_000) }), {
      minLength: 1,
      maxLength: 10,
    }),
    fc.integer({ min: 1, max: 1_000_000 }),
  ])('[STD-2] scaling all weights by the same factor leaves a weighted comparator unchanged', (raw, k) => {
    const items = raw.map(({ value: [n, d], weight }) => ({ value: fraction(n, d), weight }));
    const scaled = items.map((i) => ({ value: i.value, weight: BigInt(i.weight) * BigInt(k) }));
    const a = weightedMean(items);
    const b = weightedMean(scaled);
    if (a === undefined) expect(b).toBeUndefined();
    else expect(compareFractions(a, b ?? fraction(-1, 1))).toBe(0);
  });

  test.prop([
    fc.integer({ min: 1, max: 10_000 }).chain((den) => fc.tuple(fc.integer({ min: 0, max: den }), fc.constant(den))),
    fc.array(fc.record({ scale: fc.integer({ min: 1, max: 100_000 }), headcount: fc.integer({ min: 0, max: 5_000_000 }) }), { minLength: 1, maxLength: 4 }),
  ])('[TOT-1] census-weighted and pooled phase totals agree when every phase has the same rate', ([num, den], phases) => {
    fc.pre(phases.some((p) => p.headcount > 0));
    const parts = phases.map((p) => ({
      counts: { possible: den * p.scale, byMeasure: { attendance: num * p.scale } },
      censusHeadcount: p.headcount,
    }));
    const weighted = combinePhases(parts, 'census-weighted', ['attendance']).rates.attendance;
    const pooled = combinePhases(parts, 'pooled', ['attendance']).rates.attendance;
    expect(compareFractions(weighted ?? fraction(-1, 1), pooled ?? fraction(-2, 1))).toBe(0);
    expect(compareFractions(pooled ?? fraction(-2, 1), fraction(num * 100, den))).toBe(0);
  });

  test.prop([cells, cells])('[STD-3] the standardised comparator lies between the lowest and highest comparator cell rates it uses', (comp, loc) => {
    const comparator = new Map<string, SessionCounts>(comp);
    const local = new Map(loc.map(([key, c]) => [key, c.possible]));
    const r = standardisedComparator(local, comparator, 'attendance', { uncovered: 'drop' });
    if (r._tag === 'none') return;
    const used = [...local.keys()].flatMap((k) => {
      const c = comparator.get(k);
      const f = c === undefined ? undefined : rateFraction(c, 'attendance');
      return f === undefined ? [] : [f];
    });
    expect(used.some((f) => compareFractions(f, r.rate) <= 0)).toBe(true);
    expect(used.some((f) => compareFractions(f, r.rate) >= 0)).toBe(true);
  });
});

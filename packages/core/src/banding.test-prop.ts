import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fraction, fractionPercent } from './comparator/fraction.js';
import { bandCounts, bandPercentages, type Band, type Polarity } from './banding.js';

const polarity = fc.constantFrom<Polarity>('higher-is-better', 'higher-is-worse');
/** A rate as counts: count <= total, total >= 1, up to national-year sizes. */
const countRate = fc
  .bigInt({ min: 1n, max: 3_000_000_000n })
  .chain((total) => fc.record({ count: fc.bigInt({ min: 0n, max: total }), total: fc.constant(total) }));
const signed = (b: Band): number => (b.direction === 'better' ? b.level : b.direction === 'worse' ? -b.level : 0);
const neg = (n: number): number => (n === 0 ? 0 : -n);
const flip = (p: Polarity): Polarity => (p === 'higher-is-better' ? 'higher-is-worse' : 'higher-is-better');

describe('difference banding properties', () => {
  test.prop([countRate, countRate, polarity])(
    '[BAND-1] banding is antisymmetric: swapping local and comparator, or flipping polarity, keeps the level and reverses the direction',
    (a, b, p) => {
      const ab = bandCounts(a, b, p) as Band;
      expect(signed(bandCounts(b, a, p) as Band)).toBe(neg(signed(ab)));
      expect(signed(bandCounts(a, b, flip(p)) as Band)).toBe(neg(signed(ab)));
      expect((bandCounts(b, a, p) as Band).level).toBe(ab.level);
    },
  );

  test.prop([countRate, fc.bigInt({ min: 0n, max: 3_000_000_000n }), fc.bigInt({ min: 0n, max: 3_000_000_000n }), countRate, polarity])(
    '[BAND-2] banding is monotone: a higher local rate never gets a lower signed band (higher is better) or a higher one (higher is worse)',
    ({ total }, x, y, comparator, p) => {
      const lo = (x < y ? x : y) % (total + 1n);
      const hi = (x < y ? y : x) % (total + 1n);
      const [small, large] = lo <= hi ? [lo, hi] : [hi, lo];
      const s1 = signed(bandCounts({ count: small, total }, comparator, p) as Band);
      const s2 = signed(bandCounts({ count: large, total }, comparator, p) as Band);
      if (p === 'higher-is-better') expect(s1).toBeLessThanOrEqual(s2);
      else expect(s1).toBeGreaterThanOrEqual(s2);
    },
  );

  test.prop([
    fc.integer({ min: 1, max: 20_000 }),
    fc.integer({ min: 0, max: 20_000 }),
    fc.integer({ min: 1, max: 2_000 }),
    fc.constantFrom(1, 2, 4),
    polarity,
  ])(
    '[BAND-3] band edges are exact: a difference of exactly 1, 2 or 4 points is in that band, and one session less is not',
    (d, cRaw, m, k, p) => {
      const c = cRaw % (d + 1);
      // local = c/d + k/100 exactly, over b = 100*d*m sessions.
      const b = 100 * d * m;
      const a = 100 * m * c + k * d * m;
      fc.pre(a <= b);
      const exact = bandCounts({ count: a, total: b }, { count: c, total: d }, p) as Band;
      expect(exact.difference.num * 1n).toBe(BigInt(k) * exact.difference.den);
      expect(exact.level).toBe(k === 1 ? 1 : k === 2 ? 2 : 3);
      const below = bandCounts({ count: a - 1, total: b }, { count: c, total: d }, p) as Band;
      expect(below.level).toBe(k === 1 ? 0 : k === 2 ? 1 : 2);
    },
  );

  test.prop([countRate, polarity])('[BAND-4] a rate compared with itself is never banded', (a, p) => {
    const r = fractionPercent(fraction(a.count, a.total));
    expect(bandPercentages(r, r, p)).toMatchObject({ level: 0, direction: 'none' });
  });
});

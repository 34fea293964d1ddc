import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fraction, fractionToNumber } from './fraction.js';
import { clusteredRate, differenceInterval } from './significance.js';

const pupil = fc.integer({ min: 1, max: 400 }).chain((possible) => fc.record({ count: fc.integer({ min: 0, max: possible }), possible: fc.constant(possible) }));
const group = fc.array(pupil, { minLength: 2, maxLength: 60 });

describe('clustered significance properties', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 200 })])(
    '[SIG-1] with one session per pupil the clustered variance is the binomial variance times n/(n-1)',
    (ys) => {
      const r = clusteredRate(ys.map((count) => ({ count, possible: 1 })));
      const n = ys.length;
      const p = ys.reduce((a, b) => a + b, 0) / n;
      expect(r?.standardError).toBeCloseTo(100 * Math.sqrt(((p * (1 - p)) / n) * (n / (n - 1))), 9);
    },
  );

  test.prop([group, fc.integer({ min: 1, max: 50 })])(
    "[SIG-2] multiplying every pupil's sessions by the same factor changes neither the rate nor its standard error",
    (pupils, k) => {
      const a = clusteredRate(pupils);
      const b = clusteredRate(pupils.map((p) => ({ count: p.count * k, possible: p.possible * k })));
      expect(fractionToNumber(b?.rate ?? fraction(-1, 1))).toBeCloseTo(fractionToNumber(a?.rate ?? fraction(-2, 1)), 9);
      expect(b?.standardError).toBeCloseTo(a?.standardError ?? -1, 9);
    },
  );

  test.prop([group, fc.integer({ min: 0, max: 100 })])(
    '[SIG-3] the interval is centred on the difference, and it is flagged significant exactly when it excludes zero',
    (pupils, c) => {
      const d = differenceInterval(pupils, fraction(c, 1));
      if (d === undefined) throw new Error('two or more pupils always give an interval');
      expect((d.lower + d.upper) / 2).toBeCloseTo(d.difference, 9);
      expect(d.significant).toBe(d.lower > 0 || d.upper < 0);
    },
  );
});

import { describe, expect, test } from 'vitest';
import { fraction, fractionToNumber } from './fraction.js';
import { clusteredRate, differenceInterval } from './significance.js';

describe('clustered standard errors (worked by hand)', () => {
  const pupils = [
    { count: 0, possible: 10 },
    { count: 5, possible: 10 },
    { count: 1, possible: 10 },
  ];

  test('three pupils absent 0, 5 and 1 of 10 sessions: 20%, SE = 100 * sqrt(1.5 * 14 / 900)', () => {
    // R = 6/30 = 0.2; residuals y - R m = -2, 3, -1; squares sum 14; n/(n-1) = 1.5.
    const r = clusteredRate(pupils);
    expect(fractionToNumber(r?.rate ?? fraction(0, 1))).toBe(20);
    expect(r?.standardError).toBeCloseTo(100 * Math.sqrt((1.5 * 14) / 900), 12);
    // Binomial variance 0.2 * 0.8 / 30: clustering multiplies the variance by 4.375.
    expect(r?.designEffect).toBeCloseTo(((1.5 * 14) / 900) / ((0.2 * 0.8) / 30), 12);
    expect(r?.designEffect).toBeCloseTo(4.375, 12);
  });

  test('against a fixed comparator of 5%: difference 15 points, interval 15 ± 1.96 SE, significant', () => {
    const d = differenceInterval(pupils, fraction(5, 1));
    const se = 100 * Math.sqrt((1.5 * 14) / 900);
    expect(d?.difference).toBeCloseTo(15, 12);
    expect(d?.lower).toBeCloseTo(15 - 1.96 * se, 12);
    expect(d?.significant).toBe(false); // 15 - 1.96 * 15.28 < 0: three pupils are not enough
  });

  test('fewer than two pupils: no interval', () => {
    expect(clusteredRate([{ count: 1, possible: 10 }])).toBeUndefined();
    expect(differenceInterval([{ count: 1, possible: 10 }, { count: 0, possible: 0 }], fraction(5, 1))).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import { fraction } from './comparator/fraction.js';
import { bandCounts, bandDisplayed, bandPercentages, polarityOf } from './banding.js';

describe('banding examples (FFT FAQ 2: none under 1 point, then 1-1.99, 2-3.99, 4+)', () => {
  test('exactly 1 point is banded even where floating point says 0.9999999999999953', () => {
    expect(100 * (0.29 - 0.28)).toBeLessThan(1); // the trap this module avoids
    const b = bandCounts({ count: 29, total: 100 }, { count: 28, total: 100 }, 'higher-is-better');
    expect(b?.level).toBe(1);
    expect(b?.direction).toBe('better');
  });

  test('each band edge, both directions, for attendance (higher is better)', () => {
    const cases: [number, 0 | 1 | 2 | 3, string][] = [
      [0, 0, 'none'],
      [0.99, 0, 'none'],
      [1, 1, 'better'],
      [1.99, 1, 'better'],
      [2, 2, 'better'],
      [3.99, 2, 'better'],
      [4, 3, 'better'],
      [12, 3, 'better'],
      [-0.5, 0, 'none'],
      [-1, 1, 'worse'],
      [-2.5, 2, 'worse'],
      [-4, 3, 'worse'],
    ];
    for (const [points, level, direction] of cases) {
      // local = 90 + points, comparator = 90 (both as hundredths).
      const b = bandPercentages(fraction(9000 + Math.round(points * 100), 100), fraction(90, 1), 'higher-is-better');
      expect([points, b.level, b.direction]).toEqual([points, level, direction]);
    }
  });

  test('absence is the other way round: 2 points more absence is worse', () => {
    const b = bandCounts({ count: 80, total: 1000 }, { count: 60, total: 1000 }, polarityOf('overall_absence'));
    expect(b).toMatchObject({ level: 2, direction: 'worse' });
  });

  test('no band without a denominator', () => {
    expect(bandCounts({ count: 0, total: 0 }, { count: 5, total: 10 }, 'higher-is-better')).toBeUndefined();
  });

  test('counts beyond 2^53 (national year totals multiplied together) are exact', () => {
    // 2,333,406,973 / 2,505,799,574 (DfE 2024/25 national) against itself plus one session: no band.
    const b = bandCounts(
      { count: 2333406973n, total: 2505799574n },
      { count: 2333406972n, total: 2505799574n },
      'higher-is-better',
    );
    expect(b?.level).toBe(0);
    // The difference is exactly one session in 2,505,799,574, as points: 100 / 2,505,799,574.
    expect((b?.difference.num ?? 0n) * 2505799574n).toBe(100n * (b?.difference.den ?? 0n));
  });

  test('banding the displayed figures: 94.96 and 93.951 show as 95.0 and 94.0 (1 point) though the exact gap is 1.009', () => {
    const exact = bandPercentages(fraction(9496, 100), fraction(93951, 1000), 'higher-is-better');
    expect(exact.level).toBe(1);
    const shown = bandDisplayed(fraction(9496, 100), fraction(93951, 1000), 'higher-is-better', 1);
    expect(shown.difference).toEqual({ num: 10n, den: 10n });
    // And the other way: 94.949 vs 93.95 is 0.999 exactly (no band) but displays as 94.9 vs 94.0 at 1 dp.
    expect(bandPercentages(fraction(94949, 1000), fraction(9395, 100), 'higher-is-better').level).toBe(0);
    expect(bandDisplayed(fraction(94949, 1000), fraction(9395, 100), 'higher-is-better', 1).level).toBe(0);
    expect(bandDisplayed(fraction(94949, 1000), fraction(9395, 100), 'higher-is-better', 0).level).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { formatPercent, roundHalfUp } from './rounding.js';

describe('roundHalfUp', () => {
  it('rounds exact halves up, as DfE does', () => {
    expect(roundHalfUp(1, 8, 2)).toBe('0.13'); // 0.125
    expect(roundHalfUp(5, 8, 2)).toBe('0.63'); // 0.625 (banker's rounding would give 0.62)
    expect(roundHalfUp(5, 2, 0)).toBe('3'); // 2.5
    expect(roundHalfUp(1, 20, 1)).toBe('0.1'); // 0.05
    expect(roundHalfUp(201, 200, 2)).toBe('1.01'); // 1.005 exactly, unlike (1.005).toFixed(2)
  });

  it('rounds other values to the nearest and pads the decimals', () => {
    expect(roundHalfUp(2, 3, 1)).toBe('0.7');
    expect(roundHalfUp(1, 3, 3)).toBe('0.333');
    expect(roundHalfUp(7, 1, 2)).toBe('7.00');
    expect(roundHalfUp(0, 5, 1)).toBe('0.0');
    expect(roundHalfUp(1, 200_000, 2)).toBe('0.00');
  });

  it('rounds negative halves away from zero and never writes -0', () => {
    expect(roundHalfUp(-1, 8, 2)).toBe('-0.13');
    expect(roundHalfUp(1, -8, 2)).toBe('-0.13');
    expect(roundHalfUp(-1, -8, 2)).toBe('0.13');
    expect(roundHalfUp(-1, 1000, 2)).toBe('0.00');
    expect(roundHalfUp(-5, 2, 0)).toBe('-3');
  });

  it('takes a float at its exact binary value', () => {
    expect(roundHalfUp(0.125, 1, 2)).toBe('0.13'); // 0.125 is exact in binary
    expect(roundHalfUp(1.005, 1, 2)).toBe('1.00'); // the double nearest 1.005 is 1.00499999999999989...
    expect(roundHalfUp(12.5, 1, 0)).toBe('13');
  });

  it('handles BigInt counts beyond 2^53', () => {
    expect(roundHalfUp(10n ** 30n + 5n * 10n ** 27n, 10n ** 30n, 2)).toBe('1.01'); // 1.005
  });

  it('treats a zero denominator or bad decimals as a caller bug', () => {
    expect(() => roundHalfUp(1, 0, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 2, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 2, 1.5)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.NaN, 2, 1)).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it('writes a ratio as a percentage rounded half up', () => {
    expect(formatPercent({ numerator: 1, denominator: 8 }, 1)).toBe('12.5');
    expect(formatPercent({ numerator: 1, denominator: 8 }, 0)).toBe('13');
    expect(formatPercent({ numerator: 2, denominator: 3 }, 2)).toBe('66.67');
    expect(formatPercent({ numerator: 19, denominator: 190 }, 1)).toBe('10.0');
    // 6.385% exactly: 1277 / 20000; half up gives 6.39 (float 6.385.toFixed(2) is "6.38")
    expect(formatPercent({ numerator: 1277, denominator: 20000 }, 2)).toBe('6.39');
  });
});

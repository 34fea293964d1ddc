import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { formatPercent, roundHalfUp } from './rounding.js';

/** The decimal string `s` as an exact fraction over 10^k. */
const parse = (s: string): bigint => BigInt(s.replace('.', ''));

const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const arbNum = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
/** Denominators, often ones that make exact ties (halves at some decimal place) likely. */
const arbDen = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.constantFrom(2n, 4n, 8n, 16n, 20n, 40n, 80n, 200n, 2000n, 20000n));
const arbDecimals = fc.integer({ min: 0, max: 6 });

test.prop([arbNum, arbDen, arbDecimals])(
  '[ROUND-1] round-half-up gives the nearest k-decimal number to the exact fraction, ties going away from zero',
  (n, d, k) => {
    const s = roundHalfUp(n, d, k);
    expect(s).toMatch(k === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${k}}$`));
    const r = parse(s); // the result is r / 10^k
    const scale = 10n ** BigInt(k);
    // distance |n/d - r/10^k| = |n * 10^k - r * d| / (d * 10^k); twice it must be <= 1 / 10^k.
    const twiceGap = 2n * abs(n * scale - r * d);
    expect(twiceGap <= d).toBe(true);
    // on an exact tie, the result is the one further from zero
    if (twiceGap === d) expect(abs(r) * d > abs(n) * scale).toBe(true);
  },
);

test.prop([fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), arbDecimals])(
  '[ROUND-2] numbers and BigInts of the same integer counts round identically',
  (n, d, k) => {
    expect(roundHalfUp(n, d, k)).toBe(roundHalfUp(BigInt(n), BigInt(d), k));
  },
);

test.prop([fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), arbDecimals])(
  '[ROUND-3] a percentage is the exact ratio times 100, rounded half up',
  (n, d, k) => {
    expect(formatPercent({ numerator: n, denominator: d }, k)).toBe(roundHalfUp(BigInt(n) * 100n, BigInt(d), k));
  },
);

test.prop([arbNum, arbNum, arbDen, arbDecimals])('[ROUND-4] rounding never reverses the order of two values', (a, b, d, k) => {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  expect(parse(roundHalfUp(lo, d, k)) <= parse(roundHalfUp(hi, d, k))).toBe(true);
});

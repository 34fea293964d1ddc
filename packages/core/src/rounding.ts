/**
 * Rounding for display, on exact values. DfE rounds half up (0.125 -> 0.13 at 2 d.p.); doing it with
 * `toFixed` or `Math.round` on a float rounds the float's binary value, which is why 1.005.toFixed(2)
 * is "1.00". Here the value is the exact rational `numerator / denominator`, computed in BigInt.
 *
 * Every finite JS number is an exact binary fraction, so a number argument is taken at its exact
 * value: `roundHalfUp(1.005, 1, 2)` is "1.00" because the double nearest 1.005 is just below it.
 * Pass the integer counts instead (`roundHalfUp(201, 200, 2)` is "1.01") for exact results.
 *
 * Negative values round half AWAY from zero (-0.125 -> "-0.13"), the symmetric reading of
 * "round half up" that statistical offices use; a result that rounds to zero has no minus sign.
 *
 * Sources: reference §4.6 (EES shows rates to 1 d.p. in text, 2 d.p. from autumn 2024/25; files are
 * unrounded [S20][S28]); DfE/GSS round half up.
 *
 * @module
 */
import type { Ratio } from './metrics.js';

/** The exact value of a finite number as `[numerator, denominator]`, denominator a power of two. */
const exactFraction = (x: number | bigint): readonly [bigint, bigint] => {
  if (typeof x === 'bigint') return [x, 1n];
  if (!Number.isFinite(x)) throw new RangeError(`Cannot round ${x}`);
  let m = x;
  let d = 1n;
  // Doubling a double is exact, and a non-integer double is below 2^52, so this ends with m an integer.
  while (!Number.isInteger(m)) {
    m *= 2;
    d *= 2n;
  }
  return [BigInt(m), d];
};

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Rounds the exact fraction n/d (d != 0) half away from zero to `decimals` places, as a string. */
const roundFraction = (n: bigint, d: bigint, decimals: number): string => {
  if (d === 0n) throw new RangeError('Cannot round a ratio with a zero denominator');
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be a whole number >= 0, got ${decimals}`);
  const negative = n < 0n !== d < 0n && n !== 0n;
  const an = abs(n);
  const ad = abs(d);
  const scale = 10n ** BigInt(decimals);
  // floor(x * 10^k + 1/2) for x >= 0, in integers: (2 * n * 10^k + d) / (2d).
  const q = (2n * an * scale + ad) / (2n * ad);
  const whole = (q / scale).toString();
  const frac = decimals === 0 ? '' : `.${(q % scale).toString().padStart(decimals, '0')}`;
  return `${negative && q !== 0n ? '-' : ''}${whole}${frac}`;
};

/**
 * The exact value `numerator / denominator`, rounded half up (half away from zero for negatives) to
 * `decimals` places, as a decimal string.
 * @throws RangeError on a zero denominator, a non-finite number or bad `decimals` (caller bugs).
 * @example roundHalfUp(1, 8, 2) // '0.13'
 * @example roundHalfUp(-1, 8, 2) // '-0.13'
 * @example roundHalfUp(2n, 3n, 1) // '0.7'
 */
export const roundHalfUp = (numerator: number | bigint, denominator: number | bigint, decimals: number): string => {
  const [nn, nd] = exactFraction(numerator);
  const [dn, dd] = exactFraction(denominator);
  return roundFraction(nn * dd, nd * dn, decimals);
};

/**
 * A ratio as a percentage rounded half up: `numerator * 100 / denominator`, exactly, to `decimals`
 * places (EES: 1 d.p. in text, 2 d.p. from autumn 2024/25).
 * @example formatPercent({ numerator: 1, denominator: 8 }, 1) // '12.5'
 * @example formatPercent({ numerator: 2, denominator: 3 }, 2) // '66.67'
 */
export const formatPercent = (r: Ratio, decimals: number): string => {
  const [nn, nd] = exactFraction(r.numerator);
  const [dn, dd] = exactFraction(r.denominator);
  return roundFraction(nn * dd * 100n, nd * dn, decimals);
};

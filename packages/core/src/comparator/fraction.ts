/**
 * Exact non-negative-denominator fractions over BigInt, so comparator values built from integer session
 * counts (pooled rates, census-weighted phase totals, plain means of neighbours' rates, standardised rates)
 * stay exact until they are shown, and band edges are decided without floating-point accident.
 *
 * @module
 */

/** An exact rational `num / den` with `den > 0`. Not necessarily in lowest terms. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const toBig = (n: number | bigint): bigint => {
  if (typeof n === 'bigint') return n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`fraction: ${n} is not a safe integer`);
  return BigInt(n);
};

/**
 * Builds `num / den`; a negative denominator is moved to the numerator. Throws on a zero denominator
 * or non-integer parts (those are bugs: callers check for zero possible sessions first).
 *
 * @example
 * fraction(1, 4) // { num: 1n, den: 4n }
 */
export const fraction = (num: number | bigint, den: number | bigint): Fraction => {
  const n = toBig(num);
  const d = toBig(den);
  if (d === 0n) throw new RangeError('fraction: zero denominator');
  return d < 0n ? { num: -n, den: -d } : { num: n, den: d };
};

/** `a + b`. */
export const addFractions = (a: Fraction, b: Fraction): Fraction =>
  a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };

/** `a - b`. */
export const subtractFractions = (a: Fraction, b: Fraction): Fraction =>
  addFractions(a, { num: -b.num, den: b.den });

/** `a * b`. */
export const multiplyFractions = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.num, den: a.den * b.den });

/** `a / b`; throws if `b` is zero (a bug: callers test for empty denominators). */
export const divideFractions = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den, a.den * b.num);

/** Sign of `a - b`: -1, 0 or 1, exactly (cross-multiplication; both denominators are positive). */
export const compareFractions = (a: Fraction, b: Fraction): -1 | 0 | 1 => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};

const LIMIT = 2n ** 900n;
const SHIFT = 2n ** 64n;

/**
 * The nearest double to the fraction (about 1e-16 relative error), for display and JSON. Scales big
 * parts down first so `Number()` never overflows to Infinity.
 *
 * @example
 * fractionToNumber(fraction(1, 3)) // 0.3333333333333333
 */
export const fractionToNumber = (f: Fraction): number => {
  let { num, den } = f;
  // Keep both parts within ~2^900 so Number() stays finite; dropping low bits costs < 1e-200 relative.
  while (den > LIMIT || num > LIMIT || num < -LIMIT) {
    num /= SHIFT;
    den /= SHIFT;
    if (den === 0n) return num === 0n ? 0 : num > 0n ? Infinity : -Infinity;
  }
  return Number(num) / Number(den);
};

/** A fraction as a percentage value (`100 * f`), exact. */
export const fractionPercent = (f: Fraction): Fraction => ({ num: f.num * 100n, den: f.den });

/**
 * Reads a decimal string exactly (e.g. DfE's published `"13.5046937110547"` or `"6.18e-05"`), so a
 * published rate can be weighted without picking up binary floating-point error. Returns `undefined`
 * for anything that is not a finite decimal number.
 *
 * @example
 * decimalToFraction('12.5') // { num: 125n, den: 10n }
 */
export const decimalToFraction = (text: string): Fraction | undefined => {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null) return undefined;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  if (int === '' && frac === '') return undefined;
  const e = Number(exp) - frac.length;
  if (!Number.isSafeInteger(e) || Math.abs(e) > 400) return undefined;
  let num = BigInt(int + frac || '0');
  if (sign === '-') num = -num;
  return e >= 0 ? { num: num * 10n ** BigInt(e), den: 1n } : { num, den: 10n ** BigInt(-e) };
};

/**
 * Rounds to `decimals` places, halves away from zero, exactly (DfE's `roundFiveUp`, dfeR
 * `round_five_up`): the result is the displayed figure as a fraction over `10^decimals`.
 *
 * @example
 * roundFraction(fraction(12345, 1000), 2) // 12.35 as { num: 1235n, den: 100n }
 */
export const roundFraction = (f: Fraction, decimals: number): Fraction => {
  if (!Number.isSafeInteger(decimals) || decimals < 0) throw new RangeError('roundFraction: decimals must be a whole number >= 0');
  const scale = 10n ** BigInt(decimals);
  const scaled = f.num * scale;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  // floor(abs / den + 1/2) = floor((2 * abs + den) / (2 * den))
  const rounded = (2n * abs + f.den) / (2n * f.den);
  return { num: negative ? -rounded : rounded, den: scale };
};

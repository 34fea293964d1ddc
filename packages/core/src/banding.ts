/**
 * Difference banding: local minus comparator in percentage points, read with the measure's polarity,
 * in FFT Aspire's three shades each way.
 *
 * Source: FFT Aspire Attendance Tracker FAQ 2 (../shared/seeds/000): "There are three shades of green
 * and red; the lightest shade is used when the LA figure differs from the national figure by 1-1.99%, the
 * middle shade is used when the difference is between 2-3.99% and the darkest shows differences of 4% or
 * greater. No colour indicates a difference of less than 1%." FFT's "1-1.99" and "2-3.99" are read as
 * the half-open intervals [1, 2) and [2, 4) points, so no difference falls between bands. The colours
 * "do not indicate statistical significance" (FFT); neither does a band.
 *
 * Band edges are decided exactly: rates are fractions of integer session counts, and
 * `|a/b - c/d| >= k/100` is tested by cross-multiplication in BigInt (comparator/fraction.ts), never by
 * floating-point subtraction.
 *
 * @module
 */
import {
  compareFractions,
  fraction,
  fractionPercent,
  roundFraction,
  subtractFractions,
  type Fraction,
} from './comparator/fraction.js';

/** Which direction of a measure is good. */
export type Polarity = 'higher-is-better' | 'higher-is-worse';

/**
 * Polarity of the measures DfE publishes: attendance is better higher; every absence rate (overall,
 * authorised, unauthorised, each reason, persistent and severe absence) is worse higher.
 *
 * @example
 * polarityOf('attendance')      // 'higher-is-better'
 * polarityOf('overall_absence') // 'higher-is-worse'
 */
export const polarityOf = (measure: string): Polarity => (measure === 'attendance' ? 'higher-is-better' : 'higher-is-worse');

/** 0: under 1 point; 1: 1 to under 2; 2: 2 to under 4; 3: 4 points or more. */
export type BandLevel = 0 | 1 | 2 | 3;

/** The band of a difference. `direction` is `none` exactly when `level` is 0. */
export interface Band {
  readonly level: BandLevel;
  readonly direction: 'better' | 'worse' | 'none';
  /** The difference, local minus comparator, in percentage points, exactly. */
  readonly difference: Fraction;
}

/** The lower edges of levels 1, 2 and 3, in percentage points. */
export const BAND_EDGES_POINTS = [1, 2, 4] as const;

const levelOf = (absPoints: Fraction): BandLevel => {
  let level: BandLevel = 0;
  BAND_EDGES_POINTS.forEach((edge, i) => {
    if (compareFractions(absPoints, fraction(edge, 1)) >= 0) level = (i + 1) as BandLevel;
  });
  return level;
};

/**
 * Bands a difference between two percentages (exact fractions, e.g. `rateFraction(counts, 'attendance')`
 * from comparator/counts.ts): `local - comparator` points, read with `polarity`.
 *
 * @example
 * // 95% against 93.5%: 1.5 points higher attendance, lightest shade of "better".
 * bandPercentages(fraction(95, 1), fraction(935, 10), 'higher-is-better') // { level: 1, direction: 'better', ... }
 */
export const bandPercentages = (local: Fraction, comparator: Fraction, polarity: Polarity): Band => {
  const difference = subtractFractions(local, comparator);
  const abs = difference.num < 0n ? { num: -difference.num, den: difference.den } : difference;
  const level = levelOf(abs);
  if (level === 0) return { level, direction: 'none', difference };
  const higher = difference.num > 0n;
  const better = polarity === 'higher-is-better' ? higher : !higher;
  return { level, direction: better ? 'better' : 'worse', difference };
};

/** A rate as integer counts: `count` sessions (or enrolments) out of `total`. */
export interface CountRate {
  readonly count: number | bigint;
  readonly total: number | bigint;
}

/**
 * Bands `local.count/local.total - comparator.count/comparator.total` (as percentages) exactly from the
 * integer counts. Undefined when either total is zero (there is no rate to compare).
 *
 * @example
 * // 900/1000 (90%) against 8910/10000 (89.1%): 0.9 points, no band.
 * bandCounts({ count: 900, total: 1000 }, { count: 8910, total: 10000 }, 'higher-is-better')?.level // 0
 */
export const bandCounts = (local: CountRate, comparator: CountRate, polarity: Polarity): Band | undefined => {
  if (BigInt(local.total) === 0n || BigInt(comparator.total) === 0n) return undefined;
  return bandPercentages(
    fractionPercent(fraction(local.count, local.total)),
    fractionPercent(fraction(comparator.count, comparator.total)),
    polarity,
  );
};

/**
 * Bands the figures as displayed instead: each percentage is first rounded to `decimals` places, halves
 * away from zero (DfE's roundFiveUp), and the difference of the rounded figures is banded. Use it when
 * the band must agree with the figures a reader sees side by side; {@link bandPercentages} is the exact
 * default.
 *
 * @example
 * // 94.96% and 93.951% show as 95.0 and 94.0 at 1 dp: a displayed difference of exactly 1.0 point.
 * bandDisplayed(fraction(9496, 100), fraction(93951, 1000), 'higher-is-better', 1).level // 1
 */
export const bandDisplayed = (local: Fraction, comparator: Fraction, polarity: Polarity, decimals: number): Band =>
  bandPercentages(roundFraction(local, decimals), roundFraction(comparator, decimals), polarity);

/**
 * Builds one report cell from integer counts and an exact comparator rate.
 *
 * Rounding: FFT FAQ 1 (seed 000): "attendance figures shown to one decimal place" on the summary and
 * absence reports, "to the nearest whole percentage" on Year groups and Pupil groups. The text is
 * rounded half up on the exact value `numerator * 100 / denominator` (core rounding.ts `formatPercent`,
 * DfE's convention), never on a float.
 *
 * Banding: core banding.ts (FFT FAQ 2: three shades each way at 1, 2 and 4 points), decided exactly
 * from the counts.
 *
 * @module
 */
import {
  bandPercentages,
  fraction,
  fractionPercent,
  fractionToNumber,
  formatPercent,
  percent,
  type Fraction,
  type Polarity,
} from '@attendance-kit/core';
import type { ReportCell } from './model.js';

/**
 * A withheld cell: nothing that would let a reader work the figure out (GSS symbol `c`).
 * @example suppressedCell().display // 'c'
 */
export const suppressedCell = (): ReportCell => ({
  value: null,
  numerator: null,
  denominator: null,
  comparator: null,
  difference: null,
  band: null,
  significant: null,
  suppressed: true,
  display: 'c',
});

/** What a rate cell is made of. */
export interface RateInput {
  readonly numerator: number;
  readonly denominator: number;
  /** Exact comparator percentage, if any. */
  readonly comparator?: Fraction | undefined;
  readonly polarity: Polarity;
  /** Decimal places of `display` (FFT: 1, or 0 on the group reports). */
  readonly decimals: number;
}

/**
 * A rate cell: unrounded value, display text, comparator, difference and band.
 * @example
 * rateCell({ numerator: 958, denominator: 1000, polarity: 'higher-is-better', decimals: 1 }).display // '95.8%'
 */
export const rateCell = (input: RateInput): ReportCell => {
  const { numerator, denominator, comparator, polarity, decimals } = input;
  if (denominator <= 0) {
    return { value: null, numerator, denominator, comparator: comparator === undefined ? null : fractionToNumber(comparator), difference: null, band: null, significant: null, suppressed: false, display: '' };
  }
  const value = percent({ numerator, denominator });
  const display = `${formatPercent({ numerator, denominator }, decimals)}%`;
  if (comparator === undefined) {
    return { value, numerator, denominator, comparator: null, difference: null, band: null, significant: null, suppressed: false, display };
  }
  const band = bandPercentages(fractionPercent(fraction(numerator, denominator)), comparator, polarity);
  return {
    value,
    numerator,
    denominator,
    comparator: fractionToNumber(comparator),
    difference: fractionToNumber(band.difference),
    band: { level: band.level, direction: band.direction },
    significant: null,
    suppressed: false,
    display,
  };
};

/**
 * Weighted means of exact rates: the one operation behind census-weighted phase totals, the
 * composition-standardised (like-for-like) comparator and the plain (LAIT) mean of neighbours' rates.
 *
 * @module
 */
import { addFractions, divideFractions, fraction, multiplyFractions, type Fraction } from './fraction.js';

/** A value with its (non-negative, integer) weight. */
export interface Weighted {
  readonly value: Fraction;
  readonly weight: number | bigint;
}

/**
 * `Σ weight × value / Σ weight`, exactly, or `undefined` when the weights sum to zero (nothing to
 * average). Weights must be non-negative safe integers or BigInts.
 *
 * @example
 * weightedMean([{ value: fraction(90, 1), weight: 3 }, { value: fraction(80, 1), weight: 1 }]) // 87.5 as { num: 350n, den: 4n }
 */
export const weightedMean = (items: readonly Weighted[]): Fraction | undefined => {
  let total = fraction(0, 1);
  let weights = 0n;
  for (const { value, weight } of items) {
    const w = typeof weight === 'bigint' ? weight : BigInt(weight);
    if (w < 0n) throw new RangeError('weightedMean: negative weight');
    if (w === 0n) continue;
    total = addFractions(total, multiplyFractions(value, { num: w, den: 1n }));
    weights += w;
  }
  return weights === 0n ? undefined : divideFractions(total, { num: weights, den: 1n });
};

/**
 * The plain, unweighted mean of rates (each weight 1), as LAIT averages statistical neighbours'
 * published rates (`mean(values_num, na.rm = TRUE)` in dfe-analytical-services/local-authority-interactive-tool).
 *
 * @example
 * plainMean([fraction(1, 2), fraction(1, 4)]) // 3/8
 */
export const plainMean = (values: readonly Fraction[]): Fraction | undefined =>
  weightedMean(values.map((value) => ({ value, weight: 1 })));

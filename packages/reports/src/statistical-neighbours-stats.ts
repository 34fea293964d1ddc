/**
 * Ranks and quartile bands of LA figures, exactly, the way DfE's Local Authority Interactive Tool
 * (LAIT, dfe-analytical-services/local-authority-interactive-tool) makes them:
 *
 * - rank: R's `rank(values_num, ties.method = "min")` in the good direction of the measure's polarity
 *   (`calculate_rank`, `R/fn_analysis.R`): 1 is best, tied values share the smallest rank;
 * - quartiles: R's `quantile(values, na.rm = TRUE)` (type 7: `h = (n - 1) p`, linear between order
 *   statistics) over every LA's value, and `calculate_quartile_band`: A is `[min, Q1]`, B `(Q1, Q2]`,
 *   C `(Q2, Q3]`, D `(Q3, max]` for "low is good" measures (every absence rate); for "high is good"
 *   measures we mirror it so A is always the best quartile (`[Q3, max]`, then `[Q2, Q3)`, ...).
 *
 * Everything is decided on exact fractions (core `compareFractions`), so a value equal to a quartile
 * edge falls in the band LAIT puts it in, never one off by floating point.
 *
 * @module
 */
import { addFractions, compareFractions, multiplyFractions, subtractFractions, type Fraction, type Polarity } from '@attendance-kit/core';

/**
 * Ranks of `values` in the good direction (1 = best), ties sharing the smallest rank; `undefined`
 * values get no rank and do not count.
 * @example rankMin([f(3), f(1), f(3)], 'higher-is-worse') // [2, 1, 2]
 */
export const rankMin = (values: readonly (Fraction | undefined)[], polarity: Polarity): readonly (number | undefined)[] =>
  values.map((v) => {
    if (v === undefined) return undefined;
    // Rank = 1 + the number of values strictly better than v.
    let better = 0;
    for (const w of values) {
      if (w === undefined) continue;
      const c = compareFractions(w, v);
      if (polarity === 'higher-is-worse' ? c < 0 : c > 0) better += 1;
    }
    return better + 1;
  });

/**
 * The rank `value` would have among `values` (1 + how many are strictly better), as {@link rankMin}
 * gives it when `value` is one of them.
 * @example rankAmong(f(2), [f(1), f(2), f(3)], 'higher-is-worse') // 2
 */
export const rankAmong = (value: Fraction, values: readonly Fraction[], polarity: Polarity): number => {
  let better = 0;
  for (const w of values) {
    const c = compareFractions(w, value);
    if (polarity === 'higher-is-worse' ? c < 0 : c > 0) better += 1;
  }
  return better + 1;
};

/** The five quantiles of R's `quantile()` (0%, 25%, 50%, 75%, 100%), exact. */
export type Quartiles = readonly [Fraction, Fraction, Fraction, Fraction, Fraction];

/**
 * R's default (type 7) quantiles at 0, 1/4, 1/2, 3/4 and 1, exactly; undefined for no values.
 * @example quartiles([f(1), f(2), f(3), f(4), f(5)]) // 1, 2, 3, 4, 5
 */
export const quartiles = (values: readonly Fraction[]): Quartiles | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort(compareFractions);
  const n = sorted.length;
  const at = (quarter: number): Fraction => {
    // h = (n - 1) * quarter / 4, as whole part j and remainder r/4.
    const h4 = (n - 1) * quarter;
    const j = Math.floor(h4 / 4);
    const r = h4 - 4 * j;
    const lo = sorted[j] as Fraction;
    if (r === 0) return lo;
    const hi = sorted[j + 1] as Fraction;
    return addFractions(lo, multiplyFractions({ num: BigInt(r), den: 4n }, subtractFractions(hi, lo)));
  };
  return [at(0), at(1), at(2), at(3), at(4)];
};

/** LAIT's quartile band letters, A best. */
export type QuartileBand = 'A' | 'B' | 'C' | 'D';

/**
 * The quartile band of a value among the quartiles (A best, by polarity; edges as LAIT's
 * `calculate_quartile_band`: a value on Q1 is A for low-is-good measures).
 * @example quartileBand(f(2), quartiles([f(1), f(2), f(3), f(4), f(5)])!, 'higher-is-worse') // 'A'
 */
export const quartileBand = (value: Fraction, q: Quartiles, polarity: Polarity): QuartileBand => {
  if (polarity === 'higher-is-worse') {
    if (compareFractions(value, q[1]) <= 0) return 'A';
    if (compareFractions(value, q[2]) <= 0) return 'B';
    if (compareFractions(value, q[3]) <= 0) return 'C';
    return 'D';
  }
  if (compareFractions(value, q[3]) >= 0) return 'A';
  if (compareFractions(value, q[2]) >= 0) return 'B';
  if (compareFractions(value, q[1]) >= 0) return 'C';
  return 'D';
};

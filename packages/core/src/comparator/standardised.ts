/**
 * The composition-standardised ("like-for-like") comparator: the comparator's rate in each cell (e.g.
 * year group x sex x FSM6 x SEN) weighted by the local group's possible sessions in that cell, so a
 * school is compared with what its own pupil mix would show in the comparator population. This is direct
 * standardisation with the local group as the standard population; with one cell it is the crude rate.
 *
 * @module
 */
import { addCounts, rateFraction, type SessionCounts } from './counts.js';
import type { Fraction } from './fraction.js';
import { weightedMean } from './weighted.js';

/** Options for {@link standardisedComparator}. */
export interface StandardisedOptions {
  /**
   * What to do with local cells the comparator has no rate for. `refuse` (default): no value, with the
   * cells named. `drop`: leave them out and report the share of the local weight left uncovered.
   */
  readonly uncovered?: 'refuse' | 'drop';
}

/** The standardised comparator, or the reason there is none. */
export type StandardisedResult =
  | {
      readonly _tag: 'value';
      /** Exact percentage: Σ local possible_c × comparator rate_c / Σ local possible_c. */
      readonly rate: Fraction;
      /** The crude (pooled) comparator rate over the same comparator cells, for contrast. */
      readonly crude: Fraction | undefined;
      /** Local possible sessions in cells the comparator covers, and in all cells. */
      readonly coveredWeight: number;
      readonly totalWeight: number;
      /** Local cells with weight the comparator had no rate for (only under `drop`). */
      readonly uncovered: readonly string[];
    }
  | { readonly _tag: 'none'; readonly reason: string };

/**
 * Standardises a comparator to the local mix.
 *
 * @param localPossible local possible sessions per cell key (the weights)
 * @param comparator comparator session counts per cell key
 * @example
 * // Local: all sessions in cell 'FSM'; comparator: FSM 90%, non-FSM 95% -> standardised 90%.
 * standardisedComparator(new Map([['FSM', 100]]), new Map([['FSM', { possible: 10, byMeasure: { attendance: 9 } }], ['non', { possible: 20, byMeasure: { attendance: 19 } }]]), 'attendance')
 */
export const standardisedComparator = (
  localPossible: ReadonlyMap<string, number>,
  comparator: ReadonlyMap<string, SessionCounts>,
  measure: string,
  options: StandardisedOptions = {},
): StandardisedResult => {
  const items: { value: Fraction; weight: number }[] = [];
  const uncovered: string[] = [];
  let totalWeight = 0;
  let coveredWeight = 0;
  for (const [key, weight] of localPossible) {
    if (!Number.isSafeInteger(weight) || weight < 0) return { _tag: 'none', reason: `local weight of cell ${key} is not a whole number of sessions` };
    if (weight === 0) continue;
    totalWeight += weight;
    const counts = comparator.get(key);
    const rate = counts === undefined ? undefined : rateFraction(counts, measure);
    if (rate === undefined) uncovered.push(key);
    else {
      coveredWeight += weight;
      items.push({ value: rate, weight });
    }
  }
  if (totalWeight === 0) return { _tag: 'none', reason: 'the local group has no possible sessions' };
  if (uncovered.length > 0 && (options.uncovered ?? 'refuse') === 'refuse')
    return { _tag: 'none', reason: `the comparator has no ${measure} rate for local cell(s) ${uncovered.join(', ')}` };
  const rate = weightedMean(items);
  if (rate === undefined) return { _tag: 'none', reason: 'no local cell is covered by the comparator' };
  const pooled = [...comparator.values()].filter((c) => c.byMeasure[measure] !== undefined);
  const crude = pooled.length === 0 ? undefined : rateFraction(pooled.reduce(addCounts), measure);
  return { _tag: 'value', rate, crude, coveredWeight, totalWeight, uncovered };
};

/**
 * A small seeded pseudo-random number generator for the synthetic data generator. The core
 * never uses `Math.random`: every draw comes from a seed the caller gives, so the same seed
 * always produces the same data.
 *
 * @module
 */

/** A source of numbers in `[0, 1)`. Each call advances its state. */
export type Rng = () => number;

/**
 * mulberry32: a 32-bit state generator, fast and good enough for test data (not for cryptography).
 * @example const rng = mulberry32(42); rng(); // a number in [0, 1)
 */
export const mulberry32 = (seed: number): Rng => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** One splitmix32 step: scrambles a 32-bit value so nearby inputs give unrelated outputs. */
const splitmix32 = (x: number): number => {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
};

/**
 * Derives an independent seed from a seed and a few integers (a stream name and an index), so
 * each school's stream does not depend on how many draws another school made.
 * @example mulberry32(deriveSeed(42, 7, 3))
 */
export const deriveSeed = (seed: number, ...parts: readonly number[]): number => {
  let h = splitmix32(seed >>> 0);
  for (const p of parts) h = splitmix32((h ^ (p >>> 0)) >>> 0);
  return h;
};

/** An integer in `[lo, hi]` (both included). */
export const intBetween = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** A choice among values with relative weights, ready for constant-allocation draws. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  /** Cumulative weights normalised to end at 1. */
  readonly cumulative: Float64Array;
}

/**
 * Builds a {@link WeightedTable} from `[value, weight]` pairs (weights need not sum to 1).
 * @example pickWeighted(weighted([['a', 3], ['b', 1]]), 0.9) // 'b'
 */
export const weighted = <T>(pairs: readonly (readonly [T, number])[]): WeightedTable<T> => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const cumulative = new Float64Array(pairs.length);
  let acc = 0;
  pairs.forEach(([, w], i) => {
    acc += w / total;
    cumulative[i] = acc;
  });
  cumulative[pairs.length - 1] = 1;
  return { values: pairs.map(([v]) => v), cumulative };
};

/** The value of `table` that `u` (in `[0, 1)`) falls on. */
export const pickWeighted = <T>(table: WeightedTable<T>, u: number): T => {
  const c = table.cumulative;
  let i = 0;
  while (i < c.length - 1 && u >= (c[i] as number)) i++;
  return table.values[i] as T;
};

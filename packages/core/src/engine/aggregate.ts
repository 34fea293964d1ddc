/**
 * Columnar aggregation: per-enrolment code counts over a slot range, then per-group summaries with
 * persistent and severe absence decided per enrolment. Typed arrays and sequential passes only: the
 * store is sorted by enrolment, so an enrolment's counts are one contiguous row of the block and
 * every write stays in cache (docs/decisions/0002-engine.md).
 *
 * Sources: canonical-format.md "summarise" (an enrolment with no possible session in the period is
 * left out of every figure); reference §0.7, §4.2 (PA >= 10%, severe >= 50% of the enrolment's own
 * possible sessions, inclusive); §3 (COVID `X` in 2020/21-2021/22 is possible, neither attendance
 * nor absence) via classify.ts.
 *
 * @module
 */
import { CATEGORY_ID, COVID_X_COLUMN, TALLY_WIDTH } from '../codes.js';
import type { MarkStore } from '../dataset.js';
import { COLUMN_CATEGORY_ID, COVID_X_FIRST_DAY, COVID_X_LAST_DAY, X_CODE_ID, type CovidX } from '../classify.js';
import { PA_THRESHOLD, SEVERE_THRESHOLD, reachesThreshold, type Threshold } from '../metrics.js';
import type { GroupSummary } from '../tally.js';

/** Per-enrolment slot used in `cutoffSlot` for "no cutoff". */
export const NO_CUTOFF = 0xffffffff;

/** Options of {@link tallyEnrolments}. */
export interface TallyEnrolmentsOptions {
  /** Number of enrolments (rows of the result); marks of enrolments >= this are ignored. */
  readonly enrolments: number;
  /** First slot counted (dates.ts `toSlot`). */
  readonly fromSlot: number;
  /** Last slot counted, inclusive. */
  readonly toSlot: number;
  /**
   * Per enrolment, the first slot of its removed sessions ({@link NO_CUTOFF} for none): marks at
   * slot >= cutoff (and <= `cutoffEndSlot`) are not counted (population.ts `sessionCutoffDay`).
   */
  readonly cutoffSlot?: Uint32Array;
  /** Last slot of the removed sessions, inclusive (31 July PM); default: no end. */
  readonly cutoffEndSlot?: number;
  /** COVID `X` treatment (classify.ts); `'dfe'` moves `X` inside the window to `COVID_X_COLUMN`. */
  readonly covidX: CovidX;
}

/**
 * Counts each enrolment's marks in `[fromSlot, toSlot]` by tally column: a Uint32Array of
 * `enrolments x TALLY_WIDTH`, row `e` at `e * TALLY_WIDTH`.
 * @example
 * const counts = tallyEnrolments(dataset.marks, { enrolments: dataset.enrolments.length, fromSlot, toSlot, covidX: 'dfe' });
 * counts[3 * TALLY_WIDTH + CODE_ID.get('I')!] // enrolment 3's illness sessions
 */
export const tallyEnrolments = (store: MarkStore, options: TallyEnrolmentsOptions): Uint32Array => {
  const W = TALLY_WIDTH;
  const nEnrolments = options.enrolments;
  const counts = new Uint32Array(nEnrolments * W);
  const { fromSlot, toSlot, covidX } = options;
  // An empty period (or a NaN bound, which every comparison below would let through) counts nothing.
  if (!(fromSlot <= toSlot)) return counts;
  const cutoff = options.cutoffSlot;
  const cutoffEnd = options.cutoffEndSlot ?? NO_CUTOFF;
  const enr = store.enrolment;
  const slot = store.slot;
  const n = store.length;
  // X inside the COVID window (as slots) goes to its own column; skip the split when the period misses it.
  const covidFrom = COVID_X_FIRST_DAY * 2;
  const covidTo = COVID_X_LAST_DAY * 2 + 1;
  const covid = covidX === 'dfe' && fromSlot <= covidTo && toSlot >= covidFrom;
  // The store is sorted by (enrolment, slot) (dataset.ts), so each enrolment's marks are one run and
  // the marks of a slot range are one sub-range of it, found by binary search. Only the code column
  // is read mark by mark: one byte per mark, no per-mark comparisons.
  const countRange = (row: number, p: number, q: number): void => {
    if (covid) {
      const x1 = lowerBound(slot, p, q, covidFrom);
      const x2 = lowerBound(slot, x1, q, covidTo + 1);
      countCodes(store.code, counts, row, p, x1);
      countCodesCovid(store.code, counts, row, x1, x2);
      countCodes(store.code, counts, row, x2, q);
    } else countCodes(store.code, counts, row, p, q);
  };
  let i = 0;
  while (i < n) {
    const e = enr[i] as number;
    const end = runEnd(enr, i, n, e);
    if (e < nEnrolments) {
      let hi = toSlot;
      let cut = cutoff === undefined ? NO_CUTOFF : (cutoff[e] ?? NO_CUTOFF);
      // The usual cutoff runs to the end of the period: fold it into `hi`.
      if (cut !== NO_CUTOFF && cutoffEnd >= hi) {
        if (cut <= hi) hi = cut - 1;
        cut = NO_CUTOFF;
      }
      const a = lowerBound(slot, i, end, fromSlot);
      const b = lowerBound(slot, a, end, hi + 1);
      const row = e * W;
      if (cut === NO_CUTOFF) countRange(row, a, b);
      else {
        // Removed sessions [cut, cutoffEnd] inside the period: count what lies either side.
        const c1 = lowerBound(slot, a, b, cut);
        const c2 = lowerBound(slot, c1, b, cutoffEnd + 1);
        countRange(row, a, c1);
        countRange(row, c2, b);
      }
    }
    i = end;
  }
  return counts;
};

/** The first index in `[lo, hi)` whose value is >= `v` (`hi` when none); `a` ascending there. */
const lowerBound = (a: Uint32Array, lo: number, hi: number, v: number): number => {
  let l = lo;
  let h = hi;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if ((a[mid] as number) < v) l = mid + 1;
    else h = mid;
  }
  return l;
};

/** The end of the run of enrolment `e` that starts at `i`: gallop, then binary search. */
const runEnd = (enr: Uint32Array, i: number, n: number, e: number): number => {
  let step = 1;
  while (i + step < n && enr[i + step] === e) step *= 2;
  return lowerBound(enr, i + (step >>> 1), Math.min(n, i + step), e + 1);
};

const countCodes = (code: Uint8Array, counts: Uint32Array, row: number, p: number, q: number): void => {
  for (let k = p; k < q; k++) {
    const at = row + (code[k] as number);
    counts[at] = (counts[at] as number) + 1;
  }
};

/** As countCodes, with `X` counted in the COVID column (the range lies inside the COVID window). */
const countCodesCovid = (code: Uint8Array, counts: Uint32Array, row: number, p: number, q: number): void => {
  for (let k = p; k < q; k++) {
    const c = code[k] as number;
    const at = row + (c === X_CODE_ID ? COVID_X_COLUMN : c);
    counts[at] = (counts[at] as number) + 1;
  }
};

/** The PA and severe-absence thresholds (metrics.ts). */
export interface AbsenceThresholds {
  readonly persistent: Threshold;
  readonly severe: Threshold;
}

/** DfE's thresholds: 10% and 50%, inclusive [S1][S2][S10]. */
export const DFE_THRESHOLDS: AbsenceThresholds = { persistent: PA_THRESHOLD, severe: SEVERE_THRESHOLD };

/** Whether each tally column counts as possible / as absence (category lookups done once). */
const POSSIBLE_COLUMN = new Uint8Array(TALLY_WIDTH);
const ABSENCE_COLUMN = new Uint8Array(TALLY_WIDTH);
for (let col = 0; col < TALLY_WIDTH; col++) {
  const cat = COLUMN_CATEGORY_ID[col] as number;
  const absent = cat === CATEGORY_ID.authorised || cat === CATEGORY_ID.unauthorised;
  ABSENCE_COLUMN[col] = absent ? 1 : 0;
  POSSIBLE_COLUMN[col] = absent || cat === CATEGORY_ID.present || cat === CATEGORY_ID.aea || cat === CATEGORY_ID.covid ? 1 : 0;
}

/**
 * Sums per-enrolment counts into groups. `groupOf[e]` is enrolment `e`'s group, or -1 to leave it
 * out. An enrolment is counted (its sessions, `enrolments`, PA, severe) only when it has at least one
 * possible session; PA and severe are decided on its own sessions, exactly.
 * @example
 * const [school0, school1] = summariseGroups(counts, Int32Array.from([0, 0, 1]), 2);
 */
export const summariseGroups = (
  counts: Uint32Array,
  groupOf: Int32Array,
  groupCount: number,
  thresholds: AbsenceThresholds = DFE_THRESHOLDS,
): GroupSummary[] => {
  const W = TALLY_WIDTH;
  const sums = new Float64Array(groupCount * W);
  const enrolments = new Float64Array(groupCount);
  const pa = new Float64Array(groupCount);
  const severe = new Float64Array(groupCount);
  const nEnrolments = Math.min(groupOf.length, Math.floor(counts.length / W));
  for (let e = 0; e < nEnrolments; e++) {
    const g = groupOf[e] as number;
    if (g < 0 || g >= groupCount) continue;
    const row = e * W;
    let possible = 0;
    let absence = 0;
    for (let col = 0; col < W; col++) {
      const v = counts[row + col] as number;
      possible += v * (POSSIBLE_COLUMN[col] as number);
      absence += v * (ABSENCE_COLUMN[col] as number);
    }
    if (possible === 0) continue;
    const base = g * W;
    for (let col = 0; col < W; col++) sums[base + col] = (sums[base + col] as number) + (counts[row + col] as number);
    enrolments[g] = (enrolments[g] as number) + 1;
    if (reachesThreshold(absence, possible, thresholds.persistent)) pa[g] = (pa[g] as number) + 1;
    if (reachesThreshold(absence, possible, thresholds.severe)) severe[g] = (severe[g] as number) + 1;
  }
  const out: GroupSummary[] = [];
  for (let g = 0; g < groupCount; g++) {
    out.push({
      tally: { byCode: Array.from(sums.subarray(g * W, (g + 1) * W)) },
      enrolments: enrolments[g] as number,
      paEnrolments: pa[g] as number,
      severeEnrolments: severe[g] as number,
    });
  }
  return out;
};

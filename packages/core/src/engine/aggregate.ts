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
  // Imported bindings copied to locals: a transpiler may turn them into getter calls per mark.
  const W = TALLY_WIDTH;
  const xCode = X_CODE_ID;
  const covidColumn = COVID_X_COLUMN;
  const nEnrolments = options.enrolments;
  const counts = new Uint32Array(nEnrolments * W);
  const { fromSlot, toSlot, covidX } = options;
  const cutoff = options.cutoffSlot;
  const cutoffEnd = options.cutoffEndSlot ?? NO_CUTOFF;
  const enr = store.enrolment;
  const slot = store.slot;
  const code = store.code;
  const n = store.length;
  // X inside the COVID window (as slots) goes to its own column; skip the test when the period misses it.
  const covidFrom = COVID_X_FIRST_DAY * 2;
  const covidTo = COVID_X_LAST_DAY * 2 + 1;
  const covid = covidX === 'dfe' && fromSlot <= covidTo && toSlot >= covidFrom;
  // An empty period (or a NaN bound, which every comparison below would let through) counts nothing.
  if (!(fromSlot <= toSlot)) return counts;
  let e = -1;
  let row = 0;
  // Per enrolment the counted slots are [fromSlot, hi] minus [cut, cutoffEnd]; hi = -1 counts nothing.
  let hi = -1;
  let cut = NO_CUTOFF;
  for (let i = 0; i < n; i++) {
    const ei = enr[i] as number;
    if (ei !== e) {
      // Sorted by enrolment: this runs once per enrolment.
      e = ei;
      row = e * W;
      hi = e < nEnrolments ? toSlot : -1;
      cut = cutoff === undefined ? NO_CUTOFF : (cutoff[e] ?? NO_CUTOFF);
      // The usual cutoff runs to the end of the period: fold it into `hi` and skip the per-mark test.
      if (cut !== NO_CUTOFF && cutoffEnd >= hi) {
        if (cut <= hi) hi = cut - 1;
        cut = NO_CUTOFF;
      }
    }
    const s = slot[i] as number;
    if (s < fromSlot || s > hi || (s >= cut && s <= cutoffEnd)) continue;
    let col = code[i] as number;
    if (covid && col === xCode && s >= covidFrom && s <= covidTo) col = covidColumn;
    counts[row + col] = (counts[row + col] as number) + 1;
  }
  return counts;
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

/**
 * The mark-store builder: collects mark rows one at a time into chunked typed-array columns,
 * then resolves versions of a mark and returns the sorted columnar {@link MarkStore}.
 *
 * Memory (docs/decisions/0002-engine.md): while building, a mark costs 4 (enrolment) + 4 (slot)
 * + 1 (code) bytes, plus 2 (minutes late) and 4 (recorded-at seconds) only in the chunks that
 * hold such values, plus 2 (milliseconds) only in chunks whose timestamps have a sub-second part.
 * Line numbers are not stored per mark: lines usually run on by one per row, so only the "breaks"
 * (where a line is not the previous line + 1) are kept, and superseded marks' lines are derived.
 * Columns are fixed-size chunks (never a doubling array, which would briefly hold 3x), and
 * `finish` releases each chunk column as soon as it has been copied into the final store.
 *
 * Version rule (canonical-format.md "marks.csv"): rows for one (enrolment, slot) are versions of
 * one mark; the latest `recordedAt` wins; where equal or empty, the later row wins. An empty
 * `recordedAt` counts as older than any timestamp (decision 0002).
 *
 * @module
 */
import { NO_MINUTES, type MarkStore } from '../dataset.js';

/** The versions that lost to a later or newer row of the same mark, in the order they were added. */
export interface SupersededMarks {
  readonly length: number;
  /** The row's 1-based line in its file, as given to `add`. */
  readonly line: Uint32Array;
  readonly enrolment: Uint32Array;
  readonly slot: Uint32Array;
  readonly code: Uint8Array;
}

/** Collects marks; see {@link createMarkStoreBuilder}. */
export interface MarkStoreBuilder {
  /**
   * One row's mark. `enrolment`, `slot` are unsigned 32-bit integers, `code` a `CODE_ID` value,
   * `minutesLate` 0-65534 or `NO_MINUTES`. `recordedAt`: ms since epoch, NaN when empty.
   * `line`: the row's 1-based line in its file. Values are not checked (the reader validates rows).
   */
  add(enrolment: number, slot: number, code: number, minutesLate: number, recordedAt: number, line: number): void;
  /** Number of `add` calls so far. */
  readonly length: number;
  /**
   * Resolves versions and returns the store sorted by (enrolment, slot). Call once: it releases
   * the builder's memory as it goes, so the builder cannot be used afterwards.
   */
  finish(): { readonly store: MarkStore; readonly superseded: SupersededMarks };
}

/** Options of {@link createMarkStoreBuilder}. */
export interface MarkStoreBuilderOptions {
  /**
   * Expected number of marks: the size of the first chunk (later chunks hold 1 Mi marks each).
   * An exact hint avoids over-allocation; a wrong one costs at most one chunk.
   */
  readonly capacityHint?: number;
}

const SHIFT = 20;
/** Marks per chunk (1 Mi): 4 MiB per Uint32 column chunk. */
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** Default size of the first chunk. */
const FIRST_CHUNK = 1 << 16;
/** recordedAt column value for "outside the compact range": the exact value is in a side map. */
const STAMP_EXACT = 0xffffffff;

/**
 * Creates an empty builder.
 * @example
 * const b = createMarkStoreBuilder();
 * b.add(0, toSlot(19967, 'AM'), CODE_ID.get('/')!, NO_MINUTES, NaN, 2);
 * b.add(0, toSlot(19967, 'AM'), CODE_ID.get('I')!, NO_MINUTES, NaN, 3); // later row wins
 * const { store, superseded } = b.finish(); // store.length 1 (code I), superseded.length 1 (line 2)
 */
export const createMarkStoreBuilder = (options?: MarkStoreBuilderOptions): MarkStoreBuilder => {
  // Chunk 0 has the hinted size (small by default, so small datasets stay small); every later
  // chunk holds CHUNK marks, so ordinal i >= firstSize is in chunk 1 + ((i - firstSize) >> SHIFT).
  const firstSize = Math.floor(Math.max(1, Math.min(options?.capacityHint ?? FIRST_CHUNK, 0x7fffffff)));
  const enrolmentChunks: (Uint32Array | null)[] = [];
  const slotChunks: (Uint32Array | null)[] = [];
  const codeChunks: (Uint8Array | null)[] = [];
  const minutesChunks: (Uint16Array | null)[] = [];
  const stampChunks: (Uint32Array | null)[] = [];
  const millisChunks: (Uint16Array | null)[] = [];
  const exactStamps = new Map<number, number>();
  const breakOrdinal: number[] = [];
  const breakLine: number[] = [];
  let nextLine = -1;

  let length = 0;
  let chunkIndex = -1;
  let pos = 0;
  let capacity = 0;
  let enr = new Uint32Array(0);
  let slo = new Uint32Array(0);
  let cod = new Uint8Array(0);
  let min: Uint16Array | null = null;
  let stamp: Uint32Array | null = null;
  let millis: Uint16Array | null = null;
  let finished = false;

  const newChunk = (): void => {
    chunkIndex++;
    capacity = chunkIndex === 0 ? firstSize : CHUNK;
    enr = new Uint32Array(capacity);
    slo = new Uint32Array(capacity);
    cod = new Uint8Array(capacity);
    min = null;
    stamp = null;
    millis = null;
    enrolmentChunks.push(enr);
    slotChunks.push(slo);
    codeChunks.push(cod);
    minutesChunks.push(null);
    stampChunks.push(null);
    millisChunks.push(null);
    pos = 0;
  };

  const addStamp = (recordedAt: number): void => {
    if (stamp === null) {
      stamp = new Uint32Array(capacity);
      stampChunks[chunkIndex] = stamp;
    }
    const seconds = Math.floor(recordedAt / 1000);
    if (seconds >= 0 && seconds < STAMP_EXACT - 1) {
      stamp[pos] = seconds + 1;
      const ms = recordedAt - seconds * 1000;
      if (ms !== 0) {
        if (millis === null) {
          millis = new Uint16Array(capacity);
          millisChunks[chunkIndex] = millis;
        }
        // Whole milliseconds are what Date.parse gives; a fraction would be lost here, so keep it exactly.
        if (Number.isInteger(ms)) millis[pos] = ms;
        else {
          stamp[pos] = STAMP_EXACT;
          exactStamps.set(length, recordedAt);
        }
      }
    } else {
      stamp[pos] = STAMP_EXACT;
      exactStamps.set(length, recordedAt);
    }
  };

  const add = (enrolment: number, slot: number, code: number, minutesLate: number, recordedAt: number, line: number): void => {
    if (finished) throw new Error('MarkStoreBuilder.add after finish');
    if (pos === capacity) newChunk();
    enr[pos] = enrolment;
    slo[pos] = slot;
    cod[pos] = code;
    // Stored as minutes + 1, so NO_MINUTES (0xffff) is 0: the zeroed chunk needs no fill.
    const encoded = (minutesLate + 1) & 0xffff;
    if (encoded !== 0) {
      if (min === null) {
        min = new Uint16Array(capacity);
        minutesChunks[chunkIndex] = min;
      }
      min[pos] = encoded;
    }
    if (recordedAt === recordedAt) addStamp(recordedAt); // not NaN
    if (line !== nextLine) {
      breakOrdinal.push(length);
      breakLine.push(line);
    }
    nextLine = line + 1;
    pos++;
    length++;
  };

  return {
    add,
    get length() {
      return length;
    },
    finish: () => {
      if (finished) throw new Error('MarkStoreBuilder.finish called twice');
      finished = true;
      return finishStore({
        length,
        firstSize,
        enrolmentChunks,
        slotChunks,
        codeChunks,
        minutesChunks,
        stampChunks,
        millisChunks,
        exactStamps,
        breakOrdinal,
        breakLine,
      });
    },
  };
};

interface Columns {
  readonly length: number;
  /** Size of chunk 0; every later chunk holds CHUNK marks. */
  readonly firstSize: number;
  readonly enrolmentChunks: (Uint32Array | null)[];
  readonly slotChunks: (Uint32Array | null)[];
  readonly codeChunks: (Uint8Array | null)[];
  readonly minutesChunks: (Uint16Array | null)[];
  readonly stampChunks: (Uint32Array | null)[];
  readonly millisChunks: (Uint16Array | null)[];
  readonly exactStamps: Map<number, number>;
  readonly breakOrdinal: readonly number[];
  readonly breakLine: readonly number[];
}

/** A function reading ordinal `i` of a chunked column; `missing` where a lazy chunk was never made. */
const reader = <T extends Uint8Array | Uint16Array | Uint32Array>(c: Columns, chunks: (T | null)[], missing: number) => {
  const first = c.firstSize;
  return (i: number): number => {
    const chunk = i < first ? chunks[0] : chunks[1 + ((i - first) >>> SHIFT)];
    return chunk ? (chunk[i < first ? i : (i - first) & MASK] as number) : missing;
  };
};

const finishStore = (c: Columns): { store: MarkStore; superseded: SupersededMarks } => {
  const n = c.length;
  const scan = scanOrder(c);
  if (n <= c.firstSize) return finishInPlace(c, scan);
  // `order`: the ordinals in (enrolment, slot, ordinal) order; null means identity.
  const order = scan === 'sorted' || scan === 'sorted-unique' ? null : sortOrder(c, scan.maxEnrolment);
  // Sorted without repeated keys (the usual case): nothing to resolve.
  const { losers, winners } = scan === 'sorted-unique' ? { losers: new Uint32Array(0), winners: null } : resolveVersions(c, order);
  const superseded = collectSuperseded(c, losers);
  // Timestamps only decide versions: release them before the final columns are allocated.
  c.stampChunks.length = 0;
  c.millisChunks.length = 0;
  // `src`: ordinals of the accepted marks in final order; null means identity.
  const src = winners;
  const m = src === null ? n : src.length;
  const store: MarkStore = {
    length: m,
    enrolment: gather(c, c.enrolmentChunks, new Uint32Array(m), src, 0),
    slot: gather(c, c.slotChunks, new Uint32Array(m), src, 0),
    code: gather(c, c.codeChunks, new Uint8Array(m), src, 0),
    minutesLate: decodeMinutes(gather(c, c.minutesChunks, new Uint16Array(m), src, 0)),
  };
  return { store, superseded };
};

/** Minutes are stored + 1 (0 = not recorded); back to `NO_MINUTES` form, in place. */
const decodeMinutes = (minutes: Uint16Array, length = minutes.length): Uint16Array => {
  for (let k = 0; k < length; k++) minutes[k] = ((minutes[k] as number) - 1) & 0xffff;
  return minutes;
};

/**
 * The finish when every mark is in the first chunk (a capacity hint at least the mark count): the
 * store is made inside that chunk, so no second copy of the columns is ever held: sorted input is
 * resolved and compacted in place; unsorted input is sorted through an ordinal array and each
 * column rearranged through one 4-byte scratch buffer. The store's columns are views of the chunk. Untouched pages of an over-large hint are never
 * resident (zeroed allocations are mapped lazily), so a generous hint costs address space only.
 */
const finishInPlace = (c: Columns, scan: ReturnType<typeof scanOrder>): { store: MarkStore; superseded: SupersededMarks } => {
  const n = c.length;
  const enr = c.enrolmentChunks[0] ?? new Uint32Array(0);
  const slo = c.slotChunks[0] ?? new Uint32Array(0);
  const cod = c.codeChunks[0] ?? new Uint8Array(0);
  const min = c.minutesChunks[0] ?? null;
  if (typeof scan === 'object') {
    // Unsorted: sort ordinals, resolve versions through them, then gather each column into a
    // scratch buffer and copy it back. Gathering (independent random reads) is far faster than
    // following permutation cycles (each read waits for the last).
    const winners = resolveVersions(c, sortOrder(c, scan.maxEnrolment));
    const superseded = collectSuperseded(c, winners.losers);
    const src = winners.winners as Uint32Array;
    const m = src.length;
    // The timestamps are spent: their column (when there is one) becomes the scratch buffer.
    const scratch = c.stampChunks[0]?.subarray(0, m) ?? new Uint32Array(m);
    c.stampChunks.length = 0;
    c.millisChunks.length = 0;
    for (let k = 0; k < m; k++) scratch[k] = enr[src[k] as number] as number;
    enr.set(scratch);
    for (let k = 0; k < m; k++) scratch[k] = slo[src[k] as number] as number;
    slo.set(scratch);
    const bytes = new Uint8Array(scratch.buffer, scratch.byteOffset, m);
    for (let k = 0; k < m; k++) bytes[k] = cod[src[k] as number] as number;
    cod.set(bytes);
    if (min !== null) {
      const halves = new Uint16Array(scratch.buffer, scratch.byteOffset, m);
      for (let k = 0; k < m; k++) halves[k] = min[src[k] as number] as number;
      min.set(halves);
    }
    return { store: viewStore(m, enr, slo, cod, min), superseded };
  }
  let m = n;
  const lost: { ordinal: number; enrolment: number; slot: number; code: number }[] = [];
  if (scan !== 'sorted-unique') {
    const stampAt = stampReader(c);
    // Sorted input: positions are ordinals.
    const ordinalAt = (k: number): number => k;
    const lose = (k: number): void => {
      lost.push({ ordinal: ordinalAt(k), enrolment: enr[k] as number, slot: slo[k] as number, code: cod[k] as number });
    };
    let w = 0;
    let k = 0;
    while (k < n) {
      const e = enr[k] as number;
      const s = slo[k] as number;
      let end = k + 1;
      while (end < n && enr[end] === e && slo[end] === s) end++;
      let best = k;
      if (end - k > 1) {
        // Positions within a group are in ordinal order, so `>=` lets the later row win ties.
        let bestStamp = stampAt(ordinalAt(k));
        for (let j = k + 1; j < end; j++) {
          const st = stampAt(ordinalAt(j));
          if (st >= bestStamp) {
            lose(best);
            best = j;
            bestStamp = st;
          } else lose(j);
        }
      }
      // w <= k: compacting never overwrites a position not yet read (losers were copied out above).
      enr[w] = enr[best] as number;
      slo[w] = slo[best] as number;
      cod[w] = cod[best] as number;
      if (min !== null) min[w] = min[best] as number;
      w++;
      k = end;
    }
    m = w;
  }
  c.stampChunks.length = 0;
  c.millisChunks.length = 0;
  lost.sort((a, b) => a.ordinal - b.ordinal);
  const lineAt = lineReader(c);
  const superseded: SupersededMarks = {
    length: lost.length,
    line: Uint32Array.from(lost, (l) => lineAt(l.ordinal)),
    enrolment: Uint32Array.from(lost, (l) => l.enrolment),
    slot: Uint32Array.from(lost, (l) => l.slot),
    code: Uint8Array.from(lost, (l) => l.code),
  };
  return { store: viewStore(m, enr, slo, cod, min), superseded };
};

/** The store as views of the first chunk's columns (minutes decoded in place). */
const viewStore = (m: number, enr: Uint32Array, slo: Uint32Array, cod: Uint8Array, min: Uint16Array | null): MarkStore => ({
  length: m,
  enrolment: enr.subarray(0, m),
  slot: slo.subarray(0, m),
  code: cod.subarray(0, m),
  minutesLate: min === null ? new Uint16Array(m).fill(NO_MINUTES) : decodeMinutes(min.subarray(0, m)),
});

/**
 * Whether the marks were added in non-decreasing (enrolment, slot) order, and if so whether any
 * key repeats; otherwise the largest enrolment (for the counting sort).
 */
const scanOrder = (c: Columns): 'sorted' | 'sorted-unique' | { readonly maxEnrolment: number } => {
  let prevE = -1;
  let prevS = -1;
  let sorted = true;
  let unique = true;
  let maxEnrolment = 0;
  for (let k = 0; k < c.enrolmentChunks.length; k++) {
    const e = c.enrolmentChunks[k] as Uint32Array;
    const s = c.slotChunks[k] as Uint32Array;
    const size = chunkFill(c, k);
    for (let o = 0; o < size; o++) {
      const ee = e[o] as number;
      const ss = s[o] as number;
      if (ee > maxEnrolment) maxEnrolment = ee;
      if (ee < prevE || (ee === prevE && ss < prevS)) sorted = false;
      else if (ee === prevE && ss === prevS) unique = false;
      prevE = ee;
      prevS = ss;
    }
  }
  return sorted ? (unique ? 'sorted-unique' : 'sorted') : { maxEnrolment };
};

/** Number of marks held in chunk `k`. */
const chunkFill = (c: Columns, k: number): number => {
  const start = k === 0 ? 0 : c.firstSize + (k - 1) * CHUNK;
  return Math.max(0, Math.min(k === 0 ? c.firstSize : CHUNK, c.length - start));
};

/**
 * Ordinals sorted by (enrolment, slot), stable. Enrolments are dense dataset indexes, so a
 * counting sort by enrolment (one sequential pass, 4 bytes per mark) does most of the work; each
 * enrolment's run is then checked and, if its slots are out of order, sorted on its own (runs are a
 * few hundred marks). Date-major files (every pupil for a session, then the next session) come
 * out of the counting sort already in slot order. Sparse enrolment ids fall back to radix sort.
 */
const sortOrder = (c: Columns, maxEnrolment: number): Uint32Array => {
  const n = c.length;
  if (maxEnrolment > 4 * n + (1 << 20)) return radixOrder(c);
  const start = new Uint32Array(maxEnrolment + 2);
  for (let k = 0; k < c.enrolmentChunks.length; k++) {
    const e = c.enrolmentChunks[k] as Uint32Array;
    const size = chunkFill(c, k);
    for (let o = 0; o < size; o++) start[(e[o] as number) + 1] = (start[(e[o] as number) + 1] as number) + 1;
  }
  for (let v = 1; v < start.length; v++) start[v] = (start[v] as number) + (start[v - 1] as number);
  const next = start.slice();
  const order = new Uint32Array(n);
  let i = 0;
  for (let k = 0; k < c.enrolmentChunks.length; k++) {
    const e = c.enrolmentChunks[k] as Uint32Array;
    const size = chunkFill(c, k);
    for (let o = 0; o < size; o++, i++) {
      const v = e[o] as number;
      order[next[v] as number] = i;
      next[v] = (next[v] as number) + 1;
    }
  }
  const slotAt = reader(c, c.slotChunks, 0);
  let scratch = new Float64Array(0);
  for (let v = 0; v <= maxEnrolment; v++) {
    const from = start[v] as number;
    const to = start[v + 1] as number;
    let ordered = true;
    for (let j = from + 1; j < to && ordered; j++) ordered = slotAt(order[j - 1] as number) <= slotAt(order[j] as number);
    if (ordered) continue;
    // Composite key slot * 2^32 + ordinal: exact while slot < 2^21 (dates before year 7700).
    if (scratch.length < to - from) scratch = new Float64Array(to - from);
    const keys = scratch.subarray(0, to - from);
    let exact = true;
    for (let j = from; j < to; j++) {
      const ord = order[j] as number;
      const sl = slotAt(ord);
      exact &&= sl < 1 << 21;
      keys[j - from] = sl * 4294967296 + ord;
    }
    if (exact) {
      keys.sort();
      for (let j = from; j < to; j++) order[j] = (keys[j - from] as number) % 4294967296;
    } else {
      const run = Array.from(order.subarray(from, to)).sort((a, b) => slotAt(a) - slotAt(b) || a - b);
      order.set(run, from);
    }
  }
  return order;
};

/**
 * Ordinals sorted by (enrolment, slot), stable (so equal keys keep add order), by LSD radix
 * sort on 16-bit digits of slot (relative to its minimum) and then enrolment: O(n) per pass, two
 * to four passes, 8 bytes per mark transient.
 */
const radixOrder = (c: Columns): Uint32Array => {
  const n = c.length;
  const slotAt = reader(c, c.slotChunks, 0);
  const enrolmentAt = reader(c, c.enrolmentChunks, 0);
  let minSlot = Infinity;
  let maxSlot = 0;
  let maxEnrolment = 0;
  for (let i = 0; i < n; i++) {
    const s = slotAt(i);
    if (s < minSlot) minSlot = s;
    if (s > maxSlot) maxSlot = s;
    const e = enrolmentAt(i);
    if (e > maxEnrolment) maxEnrolment = e;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(1 << 16);
  const pass = (key: (i: number) => number, shift: number): void => {
    counts.fill(0);
    for (let j = 0; j < n; j++) (counts[(key(order[j] as number) >>> shift) & 0xffff] as number)++;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const v = counts[d] as number;
      counts[d] = sum;
      sum += v;
    }
    for (let j = 0; j < n; j++) {
      const i = order[j] as number;
      const d = (key(i) >>> shift) & 0xffff;
      spare[counts[d] as number] = i;
      counts[d] = (counts[d] as number) + 1;
    }
    [order, spare] = [spare, order];
  };
  const relSlot = (i: number): number => slotAt(i) - minSlot;
  pass(relSlot, 0);
  if (maxSlot - minSlot > 0xffff) pass(relSlot, 16);
  pass(enrolmentAt, 0);
  if (maxEnrolment > 0xffff) pass(enrolmentAt, 16);
  return order;
};

/**
 * Finds the groups of versions (equal enrolment and slot, adjacent in `order`) and picks each
 * group's winner: the newest stamp, the later ordinal on ties (empty stamps are oldest).
 * Returns the losers' ordinals (ascending) and the winners in final order (null: all, identity).
 */
const resolveVersions = (c: Columns, order: Uint32Array | null): { losers: Uint32Array; winners: Uint32Array | null } => {
  const n = c.length;
  const slotAt = reader(c, c.slotChunks, 0);
  const enrolmentAt = reader(c, c.enrolmentChunks, 0);
  const stampAt = stampReader(c);
  const at = order === null ? (j: number) => j : (j: number) => order[j] as number;
  const losers: number[] = [];
  let winners: Uint32Array | null = order;
  let w = 0;
  let j = 0;
  while (j < n) {
    const first = at(j);
    const e = enrolmentAt(first);
    const s = slotAt(first);
    let end = j + 1;
    while (end < n && enrolmentAt(at(end)) === e && slotAt(at(end)) === s) end++;
    let best = first;
    if (end - j > 1) {
      let bestStamp = stampAt(first);
      for (let k = j + 1; k < end; k++) {
        const i = at(k);
        const st = stampAt(i);
        // Within a group ordinals ascend (stable order), so `>=` makes the later row win ties.
        if (st >= bestStamp) {
          losers.push(best);
          best = i;
          bestStamp = st;
        } else losers.push(i);
      }
      if (winners === null) {
        // Sorted input with duplicates: materialise the winners list from here on.
        winners = new Uint32Array(n);
        for (let k = 0; k < w; k++) winners[k] = k;
      }
    }
    if (winners !== null) winners[w] = best;
    w++;
    j = end;
  }
  const loserArray = Uint32Array.from(losers).sort();
  return { losers: loserArray, winners: winners === null ? null : winners.subarray(0, w) };
};

/** Comparable timestamp of ordinal `i`: ms since epoch, or -Infinity when empty. */
const stampReader = (c: Columns): ((i: number) => number) => {
  const stamps = reader(c, c.stampChunks, 0);
  const millis = reader(c, c.millisChunks, 0);
  return (i) => {
    const v = stamps(i);
    if (v === 0) return -Infinity;
    if (v === STAMP_EXACT) return c.exactStamps.get(i) as number;
    return (v - 1) * 1000 + millis(i);
  };
};

/** The 1-based line of ordinal `i`, from the line breaks (binary search). */
const lineReader = (c: Columns): ((i: number) => number) => (i) => {
  let lo = 0;
  let hi = c.breakOrdinal.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((c.breakOrdinal[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return (c.breakLine[lo] as number) + (i - (c.breakOrdinal[lo] as number));
};

const collectSuperseded = (c: Columns, losers: Uint32Array): SupersededMarks => {
  const n = losers.length;
  const out = {
    length: n,
    line: new Uint32Array(n),
    enrolment: new Uint32Array(n),
    slot: new Uint32Array(n),
    code: new Uint8Array(n),
  };
  const lineAt = lineReader(c);
  const enrolmentAt = reader(c, c.enrolmentChunks, 0);
  const slotAt = reader(c, c.slotChunks, 0);
  const codeAt = reader(c, c.codeChunks, 0);
  for (let k = 0; k < n; k++) {
    const i = losers[k] as number;
    out.line[k] = lineAt(i);
    out.enrolment[k] = enrolmentAt(i);
    out.slot[k] = slotAt(i);
    out.code[k] = codeAt(i);
  }
  return out;
};

/**
 * Copies one chunked column into `target` in final order (`src`, or identity when null), then
 * drops the column's chunks so their memory can be reclaimed before the next column is copied.
 */
const gather = <T extends Uint8Array | Uint16Array | Uint32Array>(
  c: Columns,
  chunks: (T | null)[],
  target: T,
  src: Uint32Array | null,
  missing: number,
): T => {
  const m = target.length;
  if (src === null) {
    let offset = 0;
    for (let k = 0; k < chunks.length && offset < m; k++) {
      const size = Math.min(k === 0 ? c.firstSize : CHUNK, m - offset);
      const chunk = chunks[k];
      if (chunk) target.set(size === chunk.length ? chunk : chunk.subarray(0, size), offset);
      else if (missing !== 0) target.fill(missing, offset, offset + size);
      chunks[k] = null;
      offset += size;
    }
  } else {
    const first = c.firstSize;
    for (let k = 0; k < m; k++) {
      const i = src[k] as number;
      const ck = i < first ? 0 : 1 + ((i - first) >>> SHIFT);
      const chunk = chunks[ck];
      target[k] = chunk ? (chunk[i < first ? i : (i - first) & MASK] as number) : missing;
    }
  }
  chunks.length = 0;
  return target;
};

/**
 * The mark-store builder: collects mark rows one at a time into chunked typed-array columns,
 * then resolves versions of a mark and returns the sorted columnar {@link MarkStore}.
 *
 * Memory (docs/decisions/0002-engine.md): while building, a mark costs 4 (enrolment) + 4 (slot)
 * + 1 (code) bytes, plus 2 (minutes late) only in the chunks that hold such values. Timestamps
 * are listed (12 bytes per stamped mark) while fewer than 1 mark in 12 has one, then held densely:
 * 4 (recorded-at seconds) in the chunks that hold such values, plus 2 (milliseconds) only in
 * chunks whose timestamps have a sub-second part (adapter-canonical decision 0003).
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
import type { MarkStore } from '../dataset.js';
import { CHUNK, FIRST_CHUNK, MASK, MAX_FIRST_CHUNK, SHIFT, STAMP_EXACT } from './chunks.js';
import { finishStore } from './finish.js';

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
   * An upper bound on the number of marks: the size of the first chunk (later chunks hold 1 Mi
   * marks each). When every mark fits in it, `finish` builds the store in place, with no second
   * copy of the columns (docs/decisions/0002-engine.md). Pages never written are never resident,
   * so over-estimating is cheap (e.g. marks-file bytes / 16) and under-estimating costs a copy.
   * Ignored unless >= 1; capped at 2^28.
   * @example createMarkStoreBuilder({ capacityHint: Math.ceil(marksFileBytes / 16) + 1 })
   */
  readonly capacityHint?: number;
}

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
  // A hint that is not a positive number is ignored; a huge one is capped (it is address space only).
  const hint = options?.capacityHint;
  let firstSize = hint !== undefined && hint >= 1 ? Math.floor(Math.min(hint, MAX_FIRST_CHUNK)) : FIRST_CHUNK;
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
  let finished = false;

  const newChunk = (): void => {
    chunkIndex++;
    capacity = chunkIndex === 0 ? firstSize : CHUNK;
    try {
      enr = new Uint32Array(capacity);
      slo = new Uint32Array(capacity);
      cod = new Uint8Array(capacity);
    } catch (e) {
      // The address space for a huge hint was refused: fall back to ordinary chunks.
      if (chunkIndex !== 0 || capacity <= CHUNK || !(e instanceof RangeError)) throw e;
      firstSize = capacity = CHUNK;
      enr = new Uint32Array(capacity);
      slo = new Uint32Array(capacity);
      cod = new Uint8Array(capacity);
    }
    min = null;
    enrolmentChunks.push(enr);
    slotChunks.push(slo);
    codeChunks.push(cod);
    minutesChunks.push(null);
    stampChunks.push(null);
    millisChunks.push(null);
    pos = 0;
  };

  /** Writes a timestamp into the dense columns at chunk `k`, offset `o` (ordinal `ordinal`). */
  const denseStamp = (k: number, o: number, ordinal: number, recordedAt: number): void => {
    const size = k === 0 ? firstSize : CHUNK;
    let st = stampChunks[k] ?? null;
    if (st === null) {
      st = new Uint32Array(size);
      stampChunks[k] = st;
    }
    const seconds = Math.floor(recordedAt / 1000);
    if (seconds >= 0 && seconds < STAMP_EXACT - 1) {
      st[o] = seconds + 1;
      const ms = recordedAt - seconds * 1000;
      if (ms !== 0) {
        let mi = millisChunks[k] ?? null;
        if (mi === null) {
          mi = new Uint16Array(size);
          millisChunks[k] = mi;
        }
        // Whole milliseconds are what Date.parse gives; a fraction would be lost here, so keep it exactly.
        if (Number.isInteger(ms)) mi[o] = ms;
        else {
          st[o] = STAMP_EXACT;
          exactStamps.set(ordinal, recordedAt);
        }
      }
    } else {
      st[o] = STAMP_EXACT;
      exactStamps.set(ordinal, recordedAt);
    }
  };

  // Timestamps start as a list of (ordinal, ms): most files stamp few rows, and a dense column
  // would be written on nearly every page of a large first chunk. The list moves to the dense
  // columns once more than 1 mark in 12 has one (12 bytes per listed stamp against 4-6 per mark).
  let sparseOrdinal: Uint32Array | null = new Uint32Array(1024);
  let sparseValue: Float64Array | null = new Float64Array(1024);
  let sparseCount = 0;

  const promote = (ordinals: Uint32Array, values: Float64Array): void => {
    sparseOrdinal = null;
    sparseValue = null;
    for (let j = 0; j < sparseCount; j++) {
      const i = ordinals[j] as number;
      if (i < firstSize) denseStamp(0, i, i, values[j] as number);
      else denseStamp(1 + ((i - firstSize) >>> SHIFT), (i - firstSize) & MASK, i, values[j] as number);
    }
    sparseCount = 0;
  };

  const addStamp = (recordedAt: number): void => {
    let ordinals = sparseOrdinal;
    let values = sparseValue;
    if (ordinals !== null && values !== null) {
      if (sparseCount === ordinals.length) {
        if (sparseCount * 12 > length) {
          promote(ordinals, values);
          denseStamp(chunkIndex, pos, length, recordedAt);
          return;
        }
        const grownOrdinals = new Uint32Array(2 * sparseCount);
        const grownValues = new Float64Array(2 * sparseCount);
        grownOrdinals.set(ordinals);
        grownValues.set(values);
        sparseOrdinal = ordinals = grownOrdinals;
        sparseValue = values = grownValues;
      }
      ordinals[sparseCount] = length;
      values[sparseCount] = recordedAt;
      sparseCount++;
      return;
    }
    denseStamp(chunkIndex, pos, length, recordedAt);
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
      // Drop the builder's own references to the last chunks, so `finish` can release the
      // timestamp columns (the store's columns live on in it).
      min = null;
      const sparseStamps =
        sparseOrdinal === null || sparseValue === null ? null : { ordinal: sparseOrdinal.subarray(0, sparseCount), value: sparseValue.subarray(0, sparseCount) };
      sparseOrdinal = null;
      sparseValue = null;
      return finishStore({
        sparseStamps,
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


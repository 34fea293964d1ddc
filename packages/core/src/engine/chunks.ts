/**
 * The builder's chunked columns and how to read them (internal to the engine). Chunk 0 has the
 * capacity hint's size; every later chunk holds CHUNK marks.
 *
 * @module
 */

/** log2 of {@link CHUNK}. */
export const SHIFT = 20;
/** Marks per chunk (1 Mi): 4 MiB per Uint32 column chunk. */
export const CHUNK = 1 << SHIFT;
/** Offset of an ordinal within a later chunk: `(i - firstSize) & MASK`. */
export const MASK = CHUNK - 1;
/** Default size of the first chunk. */
export const FIRST_CHUNK = 1 << 16;
/** Largest first chunk a capacity hint can ask for (256 Mi marks: 1 GiB of address space per Uint32 column). */
export const MAX_FIRST_CHUNK = 1 << 28;
/** recordedAt column value for "outside the compact range": the exact value is in a side map. */
export const STAMP_EXACT = 0xffffffff;

/** Everything `add` collected, handed to `finish`. */
export interface Columns {
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
  /** Timestamps as a list (ordinals ascending, ms since epoch), when few marks have one; then the dense columns are empty. */
  readonly sparseStamps: { readonly ordinal: Uint32Array; readonly value: Float64Array } | null;
  readonly breakOrdinal: readonly number[];
  readonly breakLine: readonly number[];
}

/** A function reading ordinal `i` of a chunked column; `missing` where a lazy chunk was never made. */
export const reader = <T extends Uint8Array | Uint16Array | Uint32Array>(c: Columns, chunks: (T | null)[], missing: number) => {
  const first = c.firstSize;
  return (i: number): number => {
    const chunk = i < first ? chunks[0] : chunks[1 + ((i - first) >>> SHIFT)];
    return chunk ? (chunk[i < first ? i : (i - first) & MASK] as number) : missing;
  };
};

export const chunkFill = (c: Columns, k: number): number => {
  const start = k === 0 ? 0 : c.firstSize + (k - 1) * CHUNK;
  return Math.max(0, Math.min(k === 0 ? c.firstSize : CHUNK, c.length - start));
};

export const stampReader = (c: Columns): ((i: number) => number) => {
  const sparse = c.sparseStamps;
  if (sparse !== null) {
    const { ordinal, value } = sparse;
    return (i) => {
      // Binary search: only versions of one mark are looked up, a few per file.
      let lo = 0;
      let hi = ordinal.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const o = ordinal[mid] as number;
        if (o === i) return value[mid] as number;
        if (o < i) lo = mid + 1;
        else hi = mid - 1;
      }
      return -Infinity;
    };
  }
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
export const lineReader = (c: Columns): ((i: number) => number) => (i) => {
  let lo = 0;
  let hi = c.breakOrdinal.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((c.breakOrdinal[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return (c.breakLine[lo] as number) + (i - (c.breakOrdinal[lo] as number));
};


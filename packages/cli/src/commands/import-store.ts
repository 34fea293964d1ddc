/**
 * The marks of an import, held as columns while every source streams in, then resolved with the
 * canonical version rule and read back in dataset order. One mark costs 4 (enrolment) + 4 (slot)
 * + 1 (code) bytes, plus 2 (minutes late) only in the chunks that hold such a value, plus the
 * timestamps: a list of (ordinal, time) while fewer than 1 mark in 12 has one, else 8 bytes a mark
 * in the chunks that hold one. `finish` adds a 4-byte ordinal per mark.
 *
 * Why not core's mark-store builder (`createMarkStoreBuilder`)? It fits the shape (integer
 * enrolment, slot and code columns, the same version rule) but drops `recorded_at` when it
 * finishes: its store keeps only the winners' enrolment, slot, code and minutes. An import writes
 * the dataset back and must keep each winner's `recorded_at`, so that a later import can still
 * order versions by it (issue 5). It also needs, for each superseded version, the source it came
 * from (the counts of import-report.json), which this store derives from its add ordinal.
 *
 * Version rule (docs/canonical-format.md, marks.csv; docs/decisions/0002-engine.md): versions of
 * one (enrolment, slot) are ordered by `recordedAt`, an empty one (NaN) older than any timestamp,
 * then by the order they were added (the later wins ties). Sources are added in input order, so
 * "later" is the later source, or the later mark within a source.
 *
 * @module
 */

/** log2 of the marks per column chunk by default (1 Mi): columns grow a chunk at a time, never by doubling. */
const DEFAULT_SHIFT = 20;
/** Minutes are stored + 1 so that a fresh (zeroed) chunk means "not recorded". */
const NO_MINUTES = 0xffff;

/** What {@link MarkMerge.finish} gives: the winners in dataset order, and each source's tally. */
export interface MergedMarks {
  /** Number of winning marks (one per enrolment and slot). */
  readonly length: number;
  /** Marks added per source index. */
  readonly added: readonly number[];
  /** Marks that lost to a later or newer version, per source index (the source of the loser). */
  readonly superseded: readonly number[];
  /** The `k`-th winner (0 <= k < length) in (enrolment rank, slot) order, copied into `out`. */
  readonly at: (k: number, out: MergedMark) => MergedMark;
}

/** One winning mark, as {@link MergedMarks.at} fills it. */
export interface MergedMark {
  enrolment: number;
  slot: number;
  code: number;
  /** 0-65534, or 0xffff (core's `NO_MINUTES`) when not recorded. */
  minutesLate: number;
  /** Milliseconds since the epoch; NaN when the mark has no `recorded_at`. */
  recordedAt: number;
}

/** A fresh {@link MergedMark} to pass to {@link MergedMarks.at}. */
export const emptyMergedMark = (): MergedMark => ({ enrolment: 0, slot: 0, code: 0, minutesLate: NO_MINUTES, recordedAt: Number.NaN });

/** Collects marks; see {@link createMarkMerge}. */
export interface MarkMerge {
  /** The marks added from now on come from source `index` (a small integer), until the next call. */
  source(index: number): void;
  /**
   * One version of a mark. `enrolment` and `slot` are unsigned 32-bit integers (slot: day * 2, + 1
   * for PM), `code` a core `CODE_ID`, `minutesLate` 0-65534 or 0xffff, `recordedAt` ms or NaN.
   */
  add(enrolment: number, slot: number, code: number, minutesLate: number, recordedAt: number): void;
  /** Marks added so far. */
  readonly length: number;
  /**
   * Resolves versions and orders the winners by `rank[enrolment]` then slot. `rank` must hold a
   * distinct value below `rank.length` for every enrolment added. Call once.
   */
  finish(rank: Uint32Array): MergedMarks;
}

/**
 * Creates an empty store.
 * @example
 * const m = createMarkMerge(); // or createMarkMerge({ chunkShift: 10 }) for chunks of 1 Ki marks
 * m.source(0); m.add(0, 40000, CODE_ID.get('/')!, 0xffff, NaN);
 * m.source(1); m.add(0, 40000, CODE_ID.get('I')!, 0xffff, NaN);
 * const r = m.finish(Uint32Array.of(0)); // r.length 1 (code I), r.superseded [1, 0]
 */
export const createMarkMerge = (options: { readonly chunkShift?: number } = {}): MarkMerge => {
  // Small chunks in tests exercise chunk boundaries without allocating megabytes per run.
  const SHIFT = options.chunkShift ?? DEFAULT_SHIFT;
  const CHUNK = 1 << SHIFT;
  const MASK = CHUNK - 1;
  const enrolmentChunks: Uint32Array[] = [];
  const slotChunks: Uint32Array[] = [];
  const codeChunks: Uint8Array[] = [];
  const minutesChunks: (Uint16Array | null)[] = [];
  const stampChunks: (Float64Array | null)[] = [];
  // Source segments: ordinals from segmentStart[i] on come from segmentSource[i].
  const segmentStart: number[] = [];
  const segmentSource: number[] = [];
  let current = 0;
  let length = 0;
  let pos = CHUNK;
  let enr = new Uint32Array(0);
  let slo = new Uint32Array(0);
  let cod = new Uint8Array(0);
  let min: Uint16Array | null = null;
  let finished = false;

  // Timestamps start as a list: most sources stamp few marks or none (decision 0003's reasoning).
  let sparseOrdinal: Uint32Array | null = new Uint32Array(256);
  let sparseValue: Float64Array | null = new Float64Array(256);
  let sparseCount = 0;

  const denseStamp = (ordinal: number, value: number): void => {
    const k = ordinal >>> SHIFT;
    let st = stampChunks[k] ?? null;
    if (st === null) {
      st = new Float64Array(CHUNK).fill(Number.NaN);
      stampChunks[k] = st;
    }
    st[ordinal & MASK] = value;
  };

  const addStamp = (value: number): void => {
    let ordinals = sparseOrdinal;
    let values = sparseValue;
    if (ordinals === null || values === null) return denseStamp(length, value);
    if (sparseCount === ordinals.length) {
      if (sparseCount * 12 > length) {
        for (let j = 0; j < sparseCount; j++) denseStamp(ordinals[j] as number, values[j] as number);
        sparseOrdinal = null;
        sparseValue = null;
        return denseStamp(length, value);
      }
      const o = new Uint32Array(2 * sparseCount);
      const v = new Float64Array(2 * sparseCount);
      o.set(ordinals);
      v.set(values);
      sparseOrdinal = ordinals = o;
      sparseValue = values = v;
    }
    ordinals[sparseCount] = length;
    values[sparseCount] = value;
    sparseCount++;
  };

  const stampOf = (ordinal: number): number => {
    const ordinals = sparseOrdinal;
    if (ordinals === null) {
      const st = stampChunks[ordinal >>> SHIFT] ?? null;
      return st === null ? Number.NaN : (st[ordinal & MASK] as number);
    }
    let lo = 0;
    let hi = sparseCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const o = ordinals[mid] as number;
      if (o === ordinal) return (sparseValue as Float64Array)[mid] as number;
      if (o < ordinal) lo = mid + 1;
      else hi = mid - 1;
    }
    return Number.NaN;
  };

  const stampOrOldest = (ordinal: number): number => {
    const v = stampOf(ordinal);
    return v === v ? v : Number.NEGATIVE_INFINITY;
  };

  const enrolmentOf = (o: number): number => (enrolmentChunks[o >>> SHIFT] as Uint32Array)[o & MASK] as number;
  const slotOf = (o: number): number => (slotChunks[o >>> SHIFT] as Uint32Array)[o & MASK] as number;

  const sourceOf = (o: number): number => {
    let lo = 0;
    let hi = segmentStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((segmentStart[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return segmentSource[lo] ?? 0;
  };

  const finish = (rank: Uint32Array): MergedMarks => {
    if (finished) throw new Error('MarkMerge.finish called twice');
    finished = true;
    const n = length;
    const ranks = rank.length;
    // 1. A stable counting sort by enrolment rank: each enrolment's marks become one run, in add order.
    const start = new Uint32Array(ranks + 1);
    for (let o = 0; o < n; o++) {
      const r = (rank[enrolmentOf(o)] as number) + 1;
      start[r] = (start[r] as number) + 1;
    }
    for (let r = 0; r < ranks; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
    const next = start.slice(0, ranks);
    const order = new Uint32Array(n);
    for (let o = 0; o < n; o++) {
      const r = rank[enrolmentOf(o)] as number;
      order[next[r] as number] = o;
      next[r] = (next[r] as number) + 1;
    }
    // 2. Each run by slot, stably (a run already in slot order, the usual case, is left as it is).
    let scratch = new Float64Array(0);
    let copy = new Uint32Array(0);
    for (let r = 0; r < ranks; r++) {
      const a = start[r] as number;
      const b = start[r + 1] as number;
      let sorted = true;
      for (let j = a + 1; j < b && sorted; j++) sorted = slotOf(order[j] as number) >= slotOf(order[j - 1] as number);
      if (sorted) continue;
      const len = b - a;
      // Key slot * 2^bits + position: a plain numeric sort that keeps add order on equal slots.
      const scale = 2 ** Math.ceil(Math.log2(len + 1));
      if (scratch.length < len) {
        scratch = new Float64Array(len);
        copy = new Uint32Array(len);
      }
      let exact = true;
      for (let j = 0; j < len; j++) {
        const o = order[a + j] as number;
        copy[j] = o;
        const key = slotOf(o) * scale + j;
        if (key > Number.MAX_SAFE_INTEGER) exact = false;
        scratch[j] = key;
      }
      if (exact) {
        const keys = scratch.subarray(0, len).sort();
        for (let j = 0; j < len; j++) order[a + j] = copy[(keys[j] as number) % scale] as number;
      } else {
        const run = Array.from(copy.subarray(0, len));
        run.sort((x, y) => slotOf(x) - slotOf(y) || x - y);
        order.set(run, a);
      }
    }
    // 3. Versions are now adjacent, in add order: keep the winner of each group, count the losers.
    const added: number[] = [];
    const superseded: number[] = [];
    for (let i = 0; i < segmentStart.length; i++) {
      const s = segmentSource[i] as number;
      const end = segmentStart[i + 1] ?? n;
      added[s] = (added[s] ?? 0) + end - (segmentStart[i] as number);
      superseded[s] ??= 0;
    }
    let m = 0;
    let j = 0;
    while (j < n) {
      let best = order[j] as number;
      const e = enrolmentOf(best);
      const s = slotOf(best);
      let bestStamp = Number.NaN;
      let end = j + 1;
      for (; end < n; end++) {
        const o = order[end] as number;
        if (slotOf(o) !== s || enrolmentOf(o) !== e) break;
        if (end === j + 1) bestStamp = stampOrOldest(best);
        const st = stampOrOldest(o);
        // Later adds win ties (>=); an empty stamp is older than any timestamp.
        const loser = st >= bestStamp ? best : o;
        if (loser === best) {
          best = o;
          bestStamp = st;
        }
        const src = sourceOf(loser);
        superseded[src] = (superseded[src] ?? 0) + 1;
      }
      order[m++] = best;
      j = end;
    }
    const winners = order.subarray(0, m);
    return {
      length: m,
      added,
      superseded,
      at: (k, out) => {
        const o = winners[k] as number;
        const c = o >>> SHIFT;
        const i = o & MASK;
        out.enrolment = (enrolmentChunks[c] as Uint32Array)[i] as number;
        out.slot = (slotChunks[c] as Uint32Array)[i] as number;
        out.code = (codeChunks[c] as Uint8Array)[i] as number;
        const mc = minutesChunks[c] ?? null;
        out.minutesLate = mc === null ? NO_MINUTES : (((mc[i] as number) - 1) & 0xffff);
        out.recordedAt = stampOf(o);
        return out;
      },
    };
  };

  const source = (index: number): void => {
    current = index;
    // A source that added nothing gives its segment to the next one.
    if (segmentStart.length > 0 && segmentStart[segmentStart.length - 1] === length) {
      segmentSource[segmentSource.length - 1] = index;
      return;
    }
    segmentStart.push(length);
    segmentSource.push(index);
  };

  return {
    source,
    add(enrolment, slot, code, minutesLate, recordedAt) {
      if (finished) throw new Error('MarkMerge.add after finish');
      if (segmentStart.length === 0) source(current);
      if (pos === CHUNK) {
        enr = new Uint32Array(CHUNK);
        slo = new Uint32Array(CHUNK);
        cod = new Uint8Array(CHUNK);
        min = null;
        enrolmentChunks.push(enr);
        slotChunks.push(slo);
        codeChunks.push(cod);
        minutesChunks.push(null);
        stampChunks.push(null);
        pos = 0;
      }
      enr[pos] = enrolment;
      slo[pos] = slot;
      cod[pos] = code;
      const encoded = (minutesLate + 1) & 0xffff;
      if (encoded !== 0) {
        if (min === null) {
          min = new Uint16Array(CHUNK);
          minutesChunks[minutesChunks.length - 1] = min;
        }
        min[pos] = encoded;
      }
      if (recordedAt === recordedAt) addStamp(recordedAt);
      pos++;
      length++;
    },
    get length() {
      return length;
    },
    finish,
  };
};

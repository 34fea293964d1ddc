/**
 * `finish` of the mark-store builder (internal): resolves versions and lays out the sorted store,
 * in place inside the first chunk when it holds every mark, otherwise by copying.
 *
 * @module
 */
import { NO_MINUTES, type MarkStore } from '../dataset.js';
import type { SupersededMarks } from './builder.js';
import { CHUNK, MASK, SHIFT, chunkFill, lineReader, reader, stampReader, type Columns } from './chunks.js';
import { sortOrder } from './sort.js';

/** Resolves versions and returns the store sorted by (enrolment, slot) with the superseded marks. */
export const finishStore = (c: Columns): { store: MarkStore; superseded: SupersededMarks } => {
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
const decodeMinutes = (minutes: Uint16Array): Uint16Array => {
  for (let k = 0; k < minutes.length; k++) minutes[k] = ((minutes[k] as number) - 1) & 0xffff;
  return minutes;
};

/**
 * The finish when every mark is in the first chunk (a capacity hint at least the mark count): the
 * store is made inside that chunk, so no second copy of the columns is ever held. Sorted input is
 * resolved and compacted in place; unsorted input is sorted through an ordinal array, which then
 * becomes the slot column, while the enrolment column (rebuilt from its runs at the end) serves as
 * scratch for the narrower columns. The store's columns are views of the chunk.
 * Untouched pages of an over-large hint are never resident (zeroed allocations are mapped lazily),
 * so a generous hint costs address space only.
 */
const finishInPlace = (c: Columns, scan: ReturnType<typeof scanOrder>): { store: MarkStore; superseded: SupersededMarks } => {
  const n = c.length;
  const enr = c.enrolmentChunks[0] ?? new Uint32Array(0);
  const slo = c.slotChunks[0] ?? new Uint32Array(0);
  const cod = c.codeChunks[0] ?? new Uint8Array(0);
  const min = c.minutesChunks[0] ?? null;
  if (typeof scan === 'object') {
    // Unsorted: sort ordinals, resolve versions through them, then gather each column through
    // them. Gathering (independent random reads) is far faster than following permutation
    // cycles (each read waits for the last). No column-sized scratch is allocated: sparse
    // timestamps are listed and their columns released before the sort (decision 0003 of
    // adapter-canonical's ingest), the ordinal array becomes the slot column in place, and the
    // enrolment column, whose final form is known from its runs, is the scratch for the rest.
    const stampAt = takeStamps(c);
    const order = sortOrder(c, scan.maxEnrolment);
    // Versions resolved in one pass over the sorted ordinals, reading each mark's enrolment and
    // slot once, straight from the chunk; winners are compacted into `order` (m <= j), and the
    // final enrolment column's runs (one per enrolment, a few thousand) are noted on the way.
    const lost: number[] = [];
    const runStart: number[] = [];
    const runValue: number[] = [];
    let m = 0;
    let j = 0;
    let nextE = n > 0 ? (enr[order[0] as number] as number) : 0;
    let nextS = n > 0 ? (slo[order[0] as number] as number) : 0;
    while (j < n) {
      let best = order[j] as number;
      const e = nextE;
      const s = nextS;
      let end = j + 1;
      let bestStamp = Number.NaN;
      for (; end < n; end++) {
        const o = order[end] as number;
        nextE = enr[o] as number;
        nextS = slo[o] as number;
        if (nextE !== e || nextS !== s) break;
        // A version of the same mark: ordinals ascend within the group (stable sort), so `>=`
        // lets the later row win ties; an empty stamp is -Infinity.
        if (bestStamp !== bestStamp) bestStamp = stampAt(best);
        const st = stampAt(o);
        if (st >= bestStamp) {
          lost.push(best);
          best = o;
          bestStamp = st;
        } else lost.push(o);
      }
      if (m === 0 || runValue[runValue.length - 1] !== e) {
        runStart.push(m);
        runValue.push(e);
      }
      order[m++] = best;
      j = end;
    }
    runStart.push(m);
    const superseded = collectSuperseded(c, Uint32Array.from(lost).sort());
    const src = order.subarray(0, m);
    const bytes = new Uint8Array(enr.buffer, enr.byteOffset, m);
    for (let k = 0; k < m; k++) bytes[k] = cod[src[k] as number] as number;
    cod.set(bytes);
    if (min !== null) {
      const halves = new Uint16Array(enr.buffer, enr.byteOffset, m);
      for (let k = 0; k < m; k++) halves[k] = min[src[k] as number] as number;
      min.set(halves);
    }
    // Each position reads its own ordinal before overwriting it with the slot.
    for (let k = 0; k < m; k++) src[k] = slo[src[k] as number] as number;
    slo.set(src);
    for (let r = 0; r < runValue.length; r++) enr.fill(runValue[r] as number, runStart[r] as number, runStart[r + 1] as number);
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
/**
 * Finds the groups of versions (equal enrolment and slot, adjacent in `order`) and picks each
 * group's winner: the newest stamp, the later ordinal on ties (empty stamps are oldest).
 * Returns the losers' ordinals (ascending) and the winners in final order (null: all, identity).
 */
const resolveVersions = (
  c: Columns,
  order: Uint32Array | null,
  stampAt: (i: number) => number = stampReader(c),
): { losers: Uint32Array; winners: Uint32Array | null } => {
  const n = c.length;
  const slotAt = reader(c, c.slotChunks, 0);
  const enrolmentAt = reader(c, c.enrolmentChunks, 0);
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

/**
 * The timestamps as a lookup (ms since epoch, -Infinity when empty). When few marks have one
 * (fewer than 1 in 12: a list costs 12 bytes per stamped mark, a dense column up to 4-6 per
 * mark), they are listed as sorted (ordinal, ms) pairs and the dense columns released, so the
 * sort that follows does not hold them; otherwise the dense columns are read as they are.
 */
const takeStamps = (c: Columns): ((i: number) => number) => {
  const dense = stampReader(c);
  if (c.sparseStamps !== null) return dense;
  let count = 0;
  for (let k = 0; k < c.stampChunks.length; k++) {
    const chunk = c.stampChunks[k];
    if (!chunk) continue;
    const size = chunkFill(c, k);
    for (let o = 0; o < size; o++) if (chunk[o] !== 0) count++;
  }
  if (count === 0 || count * 12 > c.length) return count === 0 ? () => -Infinity : dense;
  const ordinal = new Uint32Array(count);
  const value = new Float64Array(count);
  let j = 0;
  for (let k = 0; k < c.stampChunks.length; k++) {
    const chunk = c.stampChunks[k];
    if (!chunk) continue;
    const base = k === 0 ? 0 : c.firstSize + (k - 1) * CHUNK;
    const size = chunkFill(c, k);
    for (let o = 0; o < size; o++) {
      if (chunk[o] === 0) continue;
      ordinal[j] = base + o;
      value[j] = dense(base + o);
      j++;
    }
  }
  c.stampChunks.length = 0;
  c.millisChunks.length = 0;
  c.exactStamps.clear();
  return stampReader({ ...c, sparseStamps: { ordinal, value } });
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

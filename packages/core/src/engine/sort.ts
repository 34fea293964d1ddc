/**
 * Sorting the builder's marks by (enrolment, slot), stably, as an array of ordinals (internal).
 *
 * @module
 */
import { chunkFill, reader, type Columns } from './chunks.js';

/**
 * Ordinals sorted by (enrolment, slot), stable. Enrolments are dense dataset indexes, so a
 * counting sort by enrolment (one sequential pass, 4 bytes per mark) does most of the work; each
 * enrolment's run is then checked and, if its slots are out of order, sorted on its own (runs are a
 * few hundred marks). Date-major files (every pupil for a session, then the next session) come
 * out of the counting sort already in slot order. Sparse enrolment ids fall back to radix sort.
 */
export const sortOrder = (c: Columns, maxEnrolment: number): Uint32Array => {
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
export const radixOrder = (c: Columns): Uint32Array => {
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


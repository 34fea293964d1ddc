import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { NO_MINUTES } from '../dataset.js';
import { createMarkStoreBuilder } from './builder.js';

/** A row: a small key space so versions collide often; stamps may be empty (NaN) or tie. */
interface Row {
  readonly enrolment: number;
  readonly slot: number;
  readonly code: number;
  readonly stamp: number;
  readonly minutes: number;
}
const rowArb = fc.record({
  enrolment: fc.integer({ min: 0, max: 5 }),
  slot: fc.integer({ min: 40_000, max: 40_007 }),
  code: fc.integer({ min: 0, max: 38 }),
  minutes: fc.oneof(fc.constant(NO_MINUTES), fc.integer({ min: 0, max: 0xfffe })),
  stamp: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 4 }).map((k) => 1_725_000_000_000 + k * 500)),
});
const rowsArb = fc.array(rowArb, { maxLength: 80 });

/**
 * A capacity hint: none or large (every mark in the first chunk: resolved in place), or small
 * (marks spill into later chunks: resolved by copying). Both paths must give the same store.
 */
const hintArb = fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 12 }), fc.constant(1000));

const build = (rows: readonly Row[], hint?: number) => {
  const b = createMarkStoreBuilder(hint === undefined ? {} : { capacityHint: hint });
  rows.forEach((r, i) => b.add(r.enrolment, r.slot, r.code, r.minutes, r.stamp, i + 2));
  return b.finish();
};

/** Plain version resolution: for each key, the row with the greatest (stamp, row index); empty = -Infinity. */
const winnersOf = (rows: readonly Row[]): Map<string, number> => {
  const best = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = `${r.enrolment}:${r.slot}`;
    const j = best.get(k);
    const stamp = (x: Row) => (Number.isNaN(x.stamp) ? -Infinity : x.stamp);
    if (j === undefined || stamp(r) >= stamp(rows[j] as Row)) best.set(k, i);
  });
  return best;
};

test.prop([rowsArb, hintArb, fc.context()])('[VER-1] the newest recorded_at wins, whatever the row order', (rows, hint, ctx) => {
  const { store } = build(rows, hint);
  const stamped = rows.filter((r) => !Number.isNaN(r.stamp));
  // For every mark with a stamped version, the accepted code is one of the newest-stamped versions' codes.
  for (let i = 0; i < store.length; i++) {
    const versions = stamped.filter((r) => r.enrolment === store.enrolment[i] && r.slot === store.slot[i]);
    if (versions.length === 0) continue;
    const newest = Math.max(...versions.map((r) => r.stamp));
    ctx.log(`mark ${i}: newest ${newest}`);
    expect(versions.filter((r) => r.stamp === newest).map((r) => r.code)).toContain(store.code[i]);
  }
});

test.prop([rowsArb, hintArb])('[VER-2] with equal or empty recorded_at the later row wins (its code and minutes late are kept)', (rows, hint) => {
  const { store } = build(rows, hint);
  const winners = winnersOf(rows);
  expect(store.length).toBe(winners.size);
  for (let i = 0; i < store.length; i++) {
    const w = winners.get(`${store.enrolment[i]}:${store.slot[i]}`) as number;
    expect([store.code[i], store.minutesLate[i]]).toEqual([rows[w]?.code, rows[w]?.minutes]);
  }
});

test.prop([rowsArb, hintArb])('[VER-3] accepted + superseded = added, and every superseded line is a losing row', (rows, hint) => {
  const { store, superseded } = build(rows, hint);
  expect(store.length + superseded.length).toBe(rows.length);
  const winnerLines = new Set([...winnersOf(rows).values()].map((i) => i + 2));
  const lines = [...superseded.line];
  expect(new Set(lines).size).toBe(lines.length);
  for (const line of lines) expect(winnerLines.has(line)).toBe(false);
  superseded.line.forEach((line, k) => {
    const r = rows[line - 2] as Row;
    expect([superseded.enrolment[k], superseded.slot[k], superseded.code[k]]).toEqual([r.enrolment, r.slot, r.code]);
  });
});

test.prop([rowsArb, hintArb])('[VER-4] the store is sorted by (enrolment, slot) with one entry per mark', (rows, hint) => {
  const { store } = build(rows, hint);
  for (let i = 1; i < store.length; i++) {
    const a = (store.enrolment[i - 1] as number) * 1e6 + (store.slot[i - 1] as number);
    const b = (store.enrolment[i] as number) * 1e6 + (store.slot[i] as number);
    expect(a).toBeLessThan(b);
  }
});

/**
 * Many rows, nearly all stamped (some before 1970, some with milliseconds): the builder starts
 * with its timestamps listed and moves them to dense columns part way through (after 1024 stamps
 * when more than 1 mark in 12 has one). The version rule must not notice.
 */
const manyStampedRowsArb = fc.array(
  fc.record({
    enrolment: fc.integer({ min: 0, max: 30 }),
    slot: fc.integer({ min: 40_000, max: 40_039 }),
    code: fc.integer({ min: 0, max: 38 }),
    minutes: fc.oneof(fc.constant(NO_MINUTES), fc.integer({ min: 0, max: 0xfffe })),
    stamp: fc.oneof(
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
      { weight: 1, arbitrary: fc.constant(-1500) },
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 }).map((k) => 1_725_000_000_000 + k * 500) },
    ),
  }),
  { minLength: 1100, maxLength: 2500 },
);

test.prop([manyStampedRowsArb, hintArb], { numRuns: 12 })(
  '[VER-5] the version rule holds as well when so many rows are stamped that timestamps are held densely',
  (rows, hint) => {
    const { store, superseded } = build(rows, hint);
    const best = winnersOf(rows);
    expect(store.length).toBe(best.size);
    expect(superseded.length).toBe(rows.length - best.size);
    for (let i = 0; i < store.length; i++) {
      const j = best.get(`${store.enrolment[i]}:${store.slot[i]}`) as number;
      expect(store.code[i]).toBe(rows[j]?.code);
      expect(store.minutesLate[i]).toBe(rows[j]?.minutes);
    }
  },
);

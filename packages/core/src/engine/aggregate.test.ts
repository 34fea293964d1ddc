import { describe, expect, it } from 'vitest';
import { CODE_ID, COVID_X_COLUMN, TALLY_WIDTH } from '../codes.js';
import { NO_MINUTES, type MarkStore } from '../dataset.js';
import { toDayNumber } from '../dates.js';
import { NO_CUTOFF, summariseGroups, tallyEnrolments } from './aggregate.js';

const id = (code: string): number => CODE_ID.get(code) as number;
const X = id('X');

/** A store from (enrolment, slot, code) triples, already sorted. */
const storeOf = (marks: readonly (readonly [number, number, string])[]): MarkStore => ({
  length: marks.length,
  enrolment: Uint32Array.from(marks, (m) => m[0]),
  slot: Uint32Array.from(marks, (m) => m[1]),
  code: Uint8Array.from(marks, (m) => id(m[2])),
  minutesLate: new Uint16Array(marks.length).fill(NO_MINUTES),
});

/** `n` marks of `code` for one enrolment from `slot` on. */
const run = (enrolment: number, slot: number, n: number, code: string): [number, number, string][] =>
  Array.from({ length: n }, (_, k) => [enrolment, slot + k, code] as [number, number, string]);

describe('tallyEnrolments', () => {
  it('moves X inside 2020/21-2021/22 to the COVID column only under covidX = dfe', () => {
    const covidDay = toDayNumber('2021-01-05') * 2;
    const laterDay = toDayNumber('2023-01-05') * 2;
    const store = storeOf([
      [0, covidDay, 'X'],
      [0, laterDay, 'X'],
    ]);
    const all = { enrolments: 1, fromSlot: 0, toSlot: 1e9 };
    const dfe = tallyEnrolments(store, { ...all, covidX: 'dfe' });
    expect([dfe[COVID_X_COLUMN], dfe[X]]).toEqual([1, 1]);
    const plain = tallyEnrolments(store, { ...all, covidX: 'not-possible' });
    expect([plain[COVID_X_COLUMN], plain[X]]).toEqual([0, 2]);
  });

  it('counts slots from..to inclusive and drops an enrolment\'s slots in [cutoff, cutoffEnd]', () => {
    // Enrolment 0: slots 10..19 all '/'. Period 12..17 -> 6. Cutoff 15..16 removes 2 -> 4.
    // Enrolment 1: same marks, no cutoff -> 6.
    const store = storeOf([...run(0, 10, 10, '/'), ...run(1, 10, 10, '/')]);
    const counts = tallyEnrolments(store, {
      enrolments: 2,
      fromSlot: 12,
      toSlot: 17,
      cutoffSlot: Uint32Array.from([15, NO_CUTOFF]),
      cutoffEndSlot: 16,
      covidX: 'dfe',
    });
    expect(counts[id('/')]).toBe(4);
    expect(counts[TALLY_WIDTH + id('/')]).toBe(6);
  });


  it('counts nothing for an empty period or a NaN bound', () => {
    const store = storeOf(run(0, 10, 5, '/'));
    for (const [fromSlot, toSlot] of [
      [12, 11],
      [Number.NaN, 20],
      [0, Number.NaN],
    ] as const) {
      const counts = tallyEnrolments(store, { enrolments: 1, fromSlot, toSlot, covidX: 'dfe' });
      expect(counts.every((v) => v === 0)).toBe(true);
    }
  });
});

describe('summariseGroups', () => {
  it('decides PA at exactly 10% and severe at exactly 50% of the enrolment\'s own possible sessions', () => {
    // E0: 19 I of 190 possible (10%: PA). E1: 18 of 190 (9.47%: not PA). E2: 5 of 10 (50%: severe).
    // E3: only not-possible marks: no possible session, left out entirely (its D is not summed).
    const store = storeOf([
      ...run(0, 0, 171, '/'),
      ...run(0, 171, 19, 'I'),
      ...run(1, 0, 172, '/'),
      ...run(1, 172, 18, 'O'),
      ...run(2, 0, 5, 'V'),
      ...run(2, 5, 5, 'G'),
      ...run(3, 0, 4, 'D'),
    ]);
    const counts = tallyEnrolments(store, { enrolments: 4, fromSlot: 0, toSlot: 1000, covidX: 'dfe' });
    const [group] = summariseGroups(counts, Int32Array.from([0, 0, 0, 0]), 1);
    expect(group?.enrolments).toBe(3);
    expect(group?.paEnrolments).toBe(2); // E0, E2
    expect(group?.severeEnrolments).toBe(1); // E2
    expect(group?.tally.byCode[id('D')]).toBe(0);
    expect(group?.tally.byCode[id('/')]).toBe(171 + 172);
  });

  it('leaves out enrolments whose group is -1', () => {
    const store = storeOf([...run(0, 0, 3, '/'), ...run(1, 0, 3, 'I')]);
    const counts = tallyEnrolments(store, { enrolments: 2, fromSlot: 0, toSlot: 10, covidX: 'dfe' });
    const [group] = summariseGroups(counts, Int32Array.from([-1, 0]), 1);
    expect(group).toMatchObject({ enrolments: 1, paEnrolments: 1, severeEnrolments: 1 });
    expect(group?.tally.byCode[id('/')]).toBe(0);
  });
});

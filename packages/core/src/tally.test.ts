import { describe, expect, it } from 'vitest';
import { CODE_ID, COVID_X_COLUMN, TALLY_WIDTH } from './codes.js';
import {
  absence,
  aeaSessions,
  attendance,
  authorised,
  concatAll,
  concatAllSummaries,
  covidSessions,
  emptyTally,
  lateSessions,
  notPossible,
  possible,
  presentSessions,
  sessionsByCode,
  tallyFromCodes,
  tallyFromCounts,
  tallyOf,
  unauthorised,
  unmarked,
} from './tally.js';

describe('derived counts', () => {
  // A week of one pupil: 6 present (one late), 1 trip, 1 illness, 1 late after close, 1 closure.
  const week = tallyFromCodes({ '/': 3, '\\': 2, L: 1, V: 1, I: 1, U: 1, '#': 1, '-': 2 }, 1);

  it('counts each category as the reference defines it (present / \\ L; attendance = present + AEA; late = L + U)', () => {
    expect(presentSessions(week)).toBe(6);
    expect(aeaSessions(week)).toBe(1);
    expect(attendance(week)).toBe(7);
    expect(authorised(week)).toBe(1);
    expect(unauthorised(week)).toBe(1);
    expect(absence(week)).toBe(2);
    expect(covidSessions(week)).toBe(1);
    expect(possible(week)).toBe(10);
    expect(notPossible(week)).toBe(1);
    expect(unmarked(week)).toBe(2);
    expect(lateSessions(week)).toBe(2);
  });

  it('lists every code seen, with COVID X sessions under X, and no zero counts', () => {
    expect(sessionsByCode(week)).toEqual({ '/': 3, '\\': 2, L: 1, V: 1, I: 1, U: 1, '#': 1, '-': 2, X: 1 });
    expect(sessionsByCode(emptyTally)).toEqual({});
  });

  it('counts marks by column', () => {
    const t = tallyOf([{ column: CODE_ID.get('/') as number }, { column: CODE_ID.get('/') as number }, { column: COVID_X_COLUMN }]);
    expect(t.byCode[CODE_ID.get('/') as number]).toBe(2);
    expect(t.byCode[COVID_X_COLUMN]).toBe(1);
    expect(t.byCode.length).toBe(TALLY_WIDTH);
  });

  it('adds tallies column by column', () => {
    expect(concatAll([week, week]).byCode).toEqual(week.byCode.map((n) => n * 2));
    expect(concatAll([])).toEqual(emptyTally);
  });

  it('adds group summaries field by field', () => {
    const s = { tally: week, enrolments: 3, paEnrolments: 2, severeEnrolments: 1 };
    expect(concatAllSummaries([s, s])).toEqual({ tally: concatAll([week, week]), enrolments: 6, paEnrolments: 4, severeEnrolments: 2 });
  });

  it('treats a wrong-sized count vector or an unknown code as a bug', () => {
    expect(() => tallyFromCounts([1, 2, 3])).toThrow(RangeError);
    expect(() => tallyFromCodes({ A: 1 })).toThrow(RangeError);
    expect(() => tallyOf([{ column: TALLY_WIDTH }])).toThrow(RangeError);
    expect(tallyFromCounts(new Float64Array(TALLY_WIDTH))).toEqual(emptyTally);
  });
});

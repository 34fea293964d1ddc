import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { tallyColumnOf } from './classify.js';
import { CATEGORIES, CODE_ID } from './codes.js';
import { arbGroupSummary, arbMarksForEnrolment, arbTally } from './testing/arbitraries.js';
import {
  MonoidGroupSummary,
  MonoidTally,
  absence,
  attendance,
  concatAll,
  covidSessions,
  possible,
  sessionsOf,
  tallyOf,
  type Tally,
} from './tally.js';

const total = (t: Tally): number => t.byCode.reduce((a, b) => a + b, 0);

test.prop([arbTally()])('[CAT-1] possible sessions = attendance + absence + COVID X sessions, for any tally', (t) => {
  expect(possible(t)).toBe(attendance(t) + absence(t) + covidSessions(t));
});

test.prop([arbTally()])('[CAT-1] every session falls in exactly one category', (t) => {
  expect(CATEGORIES.reduce((n, c) => n + sessionsOf(t, c), 0)).toBe(total(t));
});

test.prop([arbTally(), arbTally(), arbTally()])('[TALLY-1] merging tallies is associative', (a, b, c) => {
  expect(MonoidTally.concat(MonoidTally.concat(a, b), c)).toEqual(MonoidTally.concat(a, MonoidTally.concat(b, c)));
});

test.prop([arbTally(), arbTally()])('[TALLY-2] merging tallies is commutative, with the empty tally as identity', (a, b) => {
  expect(MonoidTally.concat(a, b)).toEqual(MonoidTally.concat(b, a));
  expect(MonoidTally.concat(a, MonoidTally.empty)).toEqual(a);
  expect(MonoidTally.concat(MonoidTally.empty, a)).toEqual(a);
});

const arbSchoolsMarks = fc.array(arbMarksForEnrolment({ maxDays: 15 }), { maxLength: 6 });
const columnsOf = (marks: readonly { day: number; code: string }[]) =>
  marks.map((m) => ({ column: tallyColumnOf(CODE_ID.get(m.code) as number, m.day) }));

test.prop([arbSchoolsMarks])('[TALLY-3] merging the tallies of each school equals tallying the union of their marks', (schools) => {
  const merged = concatAll(schools.map((s) => tallyOf(columnsOf(s))));
  expect(merged).toEqual(tallyOf(columnsOf(schools.flat())));
});

test.prop([arbSchoolsMarks])('[TALLY-4] a tally counts every mark exactly once', (schools) => {
  const marks = schools.flat();
  expect(total(tallyOf(columnsOf(marks)))).toBe(marks.length);
});

test.prop([arbGroupSummary(), arbGroupSummary(), arbGroupSummary()])(
  '[TALLY-5] merging group summaries of disjoint enrolments is associative and commutative, with the empty summary as identity',
  (a, b, c) => {
    const m = MonoidGroupSummary;
    expect(m.concat(m.concat(a, b), c)).toEqual(m.concat(a, m.concat(b, c)));
    expect(m.concat(a, b)).toEqual(m.concat(b, a));
    expect(m.concat(a, m.empty)).toEqual(a);
  },
);

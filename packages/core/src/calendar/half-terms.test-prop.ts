import { fc, test } from '@fast-check/vitest';
import * as E from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import { fromDayNumber, toDayNumber, weekdayOf } from '../dates.js';
import { academicYearRange } from './academic-year.js';
import { isEnglandBankHoliday } from './bank-holidays.js';
import { schoolYearArb } from './calendar-arbitraries.js';
import { defaultCalendar } from './default-calendar.js';
import { halfTermFaults, halfTermOf, termDays, type SchoolCalendar } from './half-terms.js';
import { inferHalfTerms } from './infer-calendar.js';
import { buildSchoolCalendar } from './school-calendar.js';

/** The checks of [HT-1] on one calendar, against the days that should be its term days. */
const coversExactly = (calendar: SchoolCalendar, expectedTermDays: readonly number[]): void => {
  const year = academicYearRange(calendar.academicYear);
  expect(halfTermFaults(calendar.halfTerms, year)).toEqual([]);
  const days = termDays(calendar).map(toDayNumber);
  expect(days).toEqual([...expectedTermDays].sort((a, b) => a - b));
  const inOne = days.filter((d) => {
    const date = fromDayNumber(d);
    return calendar.halfTerms.filter((h) => date >= h.from && date <= h.to).length === 1;
  });
  expect(inOne).toEqual(days);
  // Tight: every half-term starts and ends on one of its term days.
  const set = new Set(days);
  expect(calendar.halfTerms.filter((h) => !set.has(toDayNumber(h.from)) || !set.has(toDayNumber(h.to)))).toEqual([]);
};

test.prop([schoolYearArb()])(
  "[HT-1] a school's half-terms are disjoint and cover exactly its term days (inferred from its register)",
  (y) => {
    const { calendar } = buildSchoolCalendar({ academicYear: y.academicYear, register: { openDays: y.openDays } });
    coversExactly(calendar, y.openDays);
  },
);

test.prop([fc.integer({ min: 1980, max: 2100 })])(
  '[HT-1] the default England half-terms are disjoint and cover exactly the weekdays in them that are not bank holidays',
  (year) => {
    const calendar = defaultCalendar(year);
    const expected: number[] = [];
    for (const h of calendar.halfTerms) {
      for (let d = toDayNumber(h.from); d <= toDayNumber(h.to); d++) {
        if (weekdayOf(d) < 5 && !isEnglandBankHoliday(fromDayNumber(d))) expected.push(d);
      }
    }
    coversExactly(calendar, expected);
  },
);

test.prop([
  fc.integer({ min: 2000, max: 2090 }),
  fc.array(fc.nat(364), { maxLength: 400 }),
])('[HT-1] whatever the register, the calendar built from it is six disjoint half-terms in order inside the year', (year, offsets) => {
  const first = toDayNumber(academicYearRange(year).from);
  const { calendar } = buildSchoolCalendar({ academicYear: year, register: { openDays: offsets.map((o) => first + o) } });
  expect(halfTermFaults(calendar.halfTerms, academicYearRange(year))).toEqual([]);
  // When every half-term came from the register, every open day lies in exactly one of them.
  if (calendar.halfTerms.every((h) => h.source === 'register')) {
    expect(offsets.filter((o) => halfTermOf(calendar, fromDayNumber(first + o)) === undefined)).toEqual([]);
  }
});

test.prop([schoolYearArb()])('[HT-2] inference recovers the half-terms of a generated register with known breaks', (y) => {
  const inferred = inferHalfTerms(y.academicYear, { openDays: y.openDays });
  expect(E.isRight(inferred)).toBe(true);
  if (E.isLeft(inferred)) return;
  expect(inferred.right.halfTerms.map(({ name, from, to }) => ({ name, from, to }))).toEqual(y.expected);
  expect(inferred.right.halfTerms.every((h) => h.source === 'register')).toBe(true);
  expect(inferred.right.issues).toEqual([]);
  // INSET days inside a half-term are closures; nothing else is.
  const closures = inferred.right.closedDays.filter((c) => c.reason === 'closure').map((c) => c.date);
  const insideInset = y.inset.filter((d) => halfTermOf({ academicYear: y.academicYear, halfTerms: inferred.right.halfTerms, closedDays: [] }, d) !== undefined);
  expect(closures).toEqual(insideInset);
});

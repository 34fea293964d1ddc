import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { fromDayNumber, toDayNumber, toSlot, type Session } from '../dates.js';
import { CENSUS_PERIODS } from './academic-year.js';
import { HALF_TERMS } from '../canonical.js';
import { SCHOOL_TERMS } from './half-terms.js';
import {
  academicYearPeriod,
  censusTermPeriod,
  halfTermPeriod,
  periodRange,
  periodSlots,
  rangePeriod,
  schoolTermPeriod,
  splitIntoHalfTerms,
  splitIntoWeeks,
  weekPeriod,
  yearToDate,
  type Period,
} from './periods.js';

const firstDay = toDayNumber('1990-01-01');
const day = fc.integer({ min: firstDay, max: toDayNumber('2090-12-31') });
const year = fc.integer({ min: 1990, max: 2089 });

/** Every kind of period, built from integer day offsets and years. */
const period: fc.Arbitrary<Period> = fc.oneof(
  fc.tuple(day, fc.nat(400)).map(([d, n]) => rangePeriod(fromDayNumber(d), fromDayNumber(d + n))),
  day.map((d) => weekPeriod(fromDayNumber(d))),
  fc.tuple(year, fc.constantFrom(...HALF_TERMS)).map(([y, h]) => halfTermPeriod(y, h)),
  fc.tuple(year, fc.constantFrom(...SCHOOL_TERMS)).map(([y, t]) => schoolTermPeriod(y, t)),
  fc.tuple(year, fc.constantFrom(...CENSUS_PERIODS, 'summer' as const)).map(([y, t]) => censusTermPeriod(y, t)),
  year.map(academicYearPeriod),
  day.map((d) => yearToDate(fromDayNumber(d))),
);

const session = fc.constantFrom<Session>('AM', 'PM');

test.prop([period, fc.integer({ min: -30, max: 430 }), session])(
  "[PER-1] the slot range of a period contains exactly its dates' sessions",
  (p, offset, s) => {
    const r = periodRange(p);
    const { fromSlot, toSlot: lastSlot } = periodSlots(p);
    const d = toDayNumber(r.from) + offset;
    const slot = toSlot(d, s);
    const inDates = fromDayNumber(d) >= r.from && fromDayNumber(d) <= r.to;
    expect(fromSlot <= slot && slot <= lastSlot).toBe(inDates);
    expect(lastSlot - fromSlot + 1).toBe(2 * (toDayNumber(r.to) - toDayNumber(r.from) + 1));
  },
);

test.prop([period])("[PER-2] a period's weeks partition its slot range", (p) => {
  const { fromSlot, toSlot: lastSlot } = periodSlots(p);
  let next = fromSlot;
  for (const w of splitIntoWeeks(p)) {
    const s = periodSlots(rangePeriod(w.from, w.to));
    expect(s.fromSlot).toBe(next);
    next = s.toSlot + 1;
  }
  expect(next).toBe(lastSlot + 1);
});

test.prop([period])("[PER-3] a period's half-term parts are disjoint, in order, and inside both the period and their half-term", (p) => {
  const r = periodRange(p);
  const parts = splitIntoHalfTerms(p);
  parts.forEach((part, i) => {
    expect(part.from <= part.to && part.from >= r.from && part.to <= r.to).toBe(true);
    const h = periodRange(halfTermPeriod(part.academicYear, part.halfTerm));
    expect(part.from >= h.from && part.to <= h.to).toBe(true);
    const prev = parts[i - 1];
    if (prev !== undefined) expect(prev.to < part.from).toBe(true);
  });
});

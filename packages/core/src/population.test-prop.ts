import { fc, test } from '@fast-check/vitest';
import { differenceInYears } from 'date-fns';
import { expect } from 'vitest';
import { springBankHoliday } from './calendar/bank-holidays.js';
import { toDayNumber, weekdayOf } from './dates.js';
import { PROFILES, ageOn31August, includeEnrolment, sessionCutoffDay } from './population.js';
import { arbEnrolmentAgeFields } from './testing/arbitraries.js';

const arbYear = fc.integer({ min: 2005, max: 2030 });
/** An academic year and an enrolment born in the 20 years before its 31 August. */
const arbAged = arbYear.chain((year) =>
  fc.tuple(arbEnrolmentAgeFields({ fromDay: toDayNumber(`${year - 20}-01-01`), toDay: toDayNumber(`${year}-08-31`) }), fc.constant(year)),
);

/** Age on 31 August by date-fns, an independent oracle. */
const ageByDateFns = (dob: string, year: number): number =>
  differenceInYears(new Date(year, 7, 31), new Date(Number(dob.slice(0, 4)), Number(dob.slice(5, 7)) - 1, Number(dob.slice(8, 10))));

const YEAR_GROUP_AGE: Readonly<Record<string, number>> = { N1: 2, N2: 3, R: 4 };
const ageOfYearGroup = (yg: string): number => YEAR_GROUP_AGE[yg] ?? Number(yg) + 4;

test.prop([arbAged])(
  '[POP-1] the dfe profile keeps exactly the enrolments of pupils aged 5 to 15 on 31 August at the start of the academic year',
  ([e, year]) => {
    const age = e.dateOfBirth === undefined ? ageOfYearGroup(e.yearGroup) : ageByDateFns(e.dateOfBirth, year);
    expect(ageOn31August(e, year)).toBe(age);
    expect(includeEnrolment(PROFILES.dfe, e, year)).toBe(age >= 5 && age <= 15);
  },
);

test.prop([arbEnrolmentAgeFields(), arbYear])('[POP-2] the all profile keeps every enrolment and every session', (e, year) => {
  expect(includeEnrolment(PROFILES.all, e, year)).toBe(true);
  expect(sessionCutoffDay(PROFILES.all, e, year)).toBeUndefined();
});

test.prop([arbAged])(
  "[POP-3] under dfe only pupils aged 15 lose sessions, from the spring bank holiday (a day in late May or early June) to 31 July",
  ([e, year]) => {
    const cutoff = sessionCutoffDay(PROFILES.dfe, e, year);
    if (ageOn31August(e, year) !== 15) {
      expect(cutoff).toBeUndefined();
      return;
    }
    expect(cutoff).toBe(toDayNumber(springBankHoliday(year + 1)));
    const c = cutoff as number;
    expect(c).toBeGreaterThanOrEqual(toDayNumber(`${year + 1}-05-25`));
    expect(c).toBeLessThanOrEqual(toDayNumber(`${year + 1}-06-04`));
    // a Monday, except the moved jubilee holidays (2002 and 2012 on a Tuesday, 2022 on a Thursday)
    if (![2002, 2012, 2022].includes(year + 1)) expect(weekdayOf(c)).toBe(0);
  },
);

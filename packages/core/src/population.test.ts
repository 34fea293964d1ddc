import * as O from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from './dates.js';
import { fromDayNumber } from './dates.js';
import { PROFILES, ageOn31August, includeEnrolment, profileById, sessionCutoffDay } from './population.js';

const dob = (s: string): IsoDate => s as IsoDate;

describe('ageOn31August', () => {
  it('counts a birthday on 31 August, not one on 1 September', () => {
    expect(ageOn31August({ yearGroup: '11', dateOfBirth: dob('2009-08-31') }, 2024)).toBe(15);
    expect(ageOn31August({ yearGroup: '11', dateOfBirth: dob('2009-09-01') }, 2024)).toBe(14);
    expect(ageOn31August({ yearGroup: 'R', dateOfBirth: dob('2020-02-29') }, 2024)).toBe(4);
  });

  it('falls back to the year group when there is no date of birth (canonical-format.md)', () => {
    expect(ageOn31August({ yearGroup: 'N1' }, 2024)).toBe(2);
    expect(ageOn31August({ yearGroup: 'N2' }, 2024)).toBe(3);
    expect(ageOn31August({ yearGroup: 'R' }, 2024)).toBe(4);
    expect(ageOn31August({ yearGroup: '1' }, 2024)).toBe(5);
    expect(ageOn31August({ yearGroup: '11' }, 2024)).toBe(15);
    expect(ageOn31August({ yearGroup: '12' }, 2024)).toBe(16);
    expect(ageOn31August({ yearGroup: '14' }, 2024)).toBe(18);
  });

  it('prefers the date of birth to the year group (a pupil taught out of year group)', () => {
    expect(ageOn31August({ yearGroup: '10', dateOfBirth: dob('2009-01-15') }, 2024)).toBe(15);
  });
});

describe('profiles', () => {
  it('dfe keeps Y1-Y11 and drops reception and the sixth form; all keeps everyone', () => {
    expect(includeEnrolment(PROFILES.dfe, { yearGroup: 'R' }, 2024)).toBe(false);
    expect(includeEnrolment(PROFILES.dfe, { yearGroup: '1' }, 2024)).toBe(true);
    expect(includeEnrolment(PROFILES.dfe, { yearGroup: '11' }, 2024)).toBe(true);
    expect(includeEnrolment(PROFILES.dfe, { yearGroup: '12' }, 2024)).toBe(false);
    expect(includeEnrolment(PROFILES.all, { yearGroup: 'N1' }, 2024)).toBe(true);
    expect(includeEnrolment(PROFILES.all, { yearGroup: '14' }, 2024)).toBe(true);
  });

  it("removes 15-year-olds' sessions from the spring bank holiday: 26 May 2025 for 2024/25, 2 June 2022 (jubilee) for 2021/22", () => {
    expect(fromDayNumber(sessionCutoffDay(PROFILES.dfe, { yearGroup: '11' }, 2024) as number)).toBe('2025-05-26');
    expect(fromDayNumber(sessionCutoffDay(PROFILES.dfe, { yearGroup: '11' }, 2021) as number)).toBe('2022-06-02');
    expect(fromDayNumber(sessionCutoffDay(PROFILES.dfe, { yearGroup: '11' }, 2023) as number)).toBe('2024-05-27');
    expect(sessionCutoffDay(PROFILES.dfe, { yearGroup: '10' }, 2024)).toBeUndefined();
    expect(sessionCutoffDay(PROFILES.all, { yearGroup: '11' }, 2024)).toBeUndefined();
  });

  it('finds the built-in profiles by id', () => {
    expect(profileById('dfe')).toEqual(O.some(PROFILES.dfe));
    expect(profileById('all')).toEqual(O.some(PROFILES.all));
    expect(O.isNone(profileById('toString'))).toBe(true);
    expect(O.isNone(profileById('nope'))).toBe(true);
  });
});

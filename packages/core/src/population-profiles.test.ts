import * as O from 'fp-ts/lib/Option.js';
import { describe, expect, test } from 'vitest';
import { customProfile, includeEnrolment, profileById, PROFILES, sessionCutoffDay } from './population.js';

describe('fft profile (seed 001: Reception included; issue 3: years 12-13 out)', () => {
  test('keeps Reception to Year 11 and drops nursery and the sixth form', () => {
    const kept = (['N2', 'R', '1', '11', '12', '13'] as const).map((yearGroup) => includeEnrolment(PROFILES.fft, { yearGroup }, 2024));
    expect(kept).toEqual([false, true, true, true, false, false]);
  });
  test('keeps a Reception pupil that dfe leaves out', () => {
    expect(includeEnrolment(PROFILES.dfe, { yearGroup: 'R' }, 2024)).toBe(false);
    expect(includeEnrolment(PROFILES.fft, { yearGroup: 'R', dateOfBirth: '2020-03-01' as never }, 2024)).toBe(true);
  });
  test('removes no Year 11 summer sessions', () => {
    expect(sessionCutoffDay(PROFILES.fft, { yearGroup: '11' }, 2024)).toBeUndefined();
  });
  test('is found by id and names its source', () => {
    expect(O.isSome(profileById('fft'))).toBe(true);
    expect(PROFILES.fft.source).toMatch(/seed 001/);
  });
});

describe('customProfile', () => {
  test('replaces the rules given and says so in its id and description', () => {
    const p = customProfile(PROFILES.dfe, { paBasis: 'pupil', minPossibleForPa: 11, persistent: { num: 15, den: 100 } });
    expect(p.id).toBe('dfe+custom');
    expect(p.description).toContain('paBasis=pupil');
    expect(p.description).toContain('persistent=15/100');
    expect(p.minAge).toBe(5);
    expect(p.paBasis).toBe('pupil');
  });
  test('with no change is the base profile', () => {
    expect(customProfile(PROFILES.fft, {})).toBe(PROFILES.fft);
  });
  test('a year-group range narrows the population', () => {
    const p = customProfile(PROFILES.all, { minYearGroup: '7', maxYearGroup: '9' });
    expect(['6', '7', '9', '10'].map((y) => includeEnrolment(p, { yearGroup: y as '6' }, 2024))).toEqual([false, true, true, false]);
  });
});

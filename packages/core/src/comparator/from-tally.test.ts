import { describe, expect, test } from 'vitest';
import { tallyFromCodes } from '../tally.js';
import { ratePercent } from './counts.js';
import { sessionCountsFromTally } from './from-tally.js';

describe('register tallies as comparator counts', () => {
  test('headline and reason measures under DfE names; non-possible codes are outside possible', () => {
    // 80 present (/ and \), 5 late L, 5 AEA V, 6 illness I, 2 medical M, 4 other unauthorised O, 10 dual-registered D.
    const c = sessionCountsFromTally(tallyFromCodes({ '/': 40, '\\': 40, L: 5, V: 5, I: 6, M: 2, O: 4, D: 10 }));
    expect(c.possible).toBe(102);
    expect(c.byMeasure).toMatchObject({
      attendance: 90,
      overall_absence: 12,
      authorised_absence: 8,
      unauthorised_absence: 4,
      illness: 6,
      appointments: 2,
      unauth_oth: 4,
      unauth_hol: 0,
    });
    expect(ratePercent(c, 'attendance')).toBeCloseTo((90 * 100) / 102, 12);
  });
});

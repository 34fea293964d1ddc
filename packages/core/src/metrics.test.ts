import * as O from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import {
  attendanceRate,
  authorisedAbsenceRate,
  covidRate,
  enrolmentSummary,
  isPersistentlyAbsent,
  isSeverelyAbsent,
  overallAbsenceRate,
  paRate,
  percent,
  reasonRate,
  reasonShareOfAbsence,
  severeRate,
  unauthorisedAbsenceRate,
  type Ratio,
} from './metrics.js';
import { concatAll, emptyGroupSummary, emptyTally, tallyFromCodes } from './tally.js';

const value = (r: O.Option<Ratio>): Ratio | undefined => (O.isSome(r) ? r.value : undefined);

describe('rates', () => {
  const t = tallyFromCodes({ '/': 80, '\\': 80, L: 10, V: 10, I: 12, M: 3, G: 4, N: 1, D: 50, '#': 20 });

  it('divides each count by the possible sessions (200 here; D and # are not possible)', () => {
    expect(value(attendanceRate(t))).toEqual({ numerator: 180, denominator: 200 });
    expect(value(overallAbsenceRate(t))).toEqual({ numerator: 20, denominator: 200 });
    expect(value(authorisedAbsenceRate(t))).toEqual({ numerator: 15, denominator: 200 });
    expect(value(unauthorisedAbsenceRate(t))).toEqual({ numerator: 5, denominator: 200 });
    expect(value(reasonRate(t, 'I'))).toEqual({ numerator: 12, denominator: 200 });
    expect(value(reasonShareOfAbsence(t, 'I'))).toEqual({ numerator: 12, denominator: 20 });
    expect(value(reasonRate(t, 'nonsense'))).toEqual({ numerator: 0, denominator: 200 });
  });

  it('has no rate when there is no possible session', () => {
    const closed = tallyFromCodes({ '#': 10, D: 4 });
    expect(O.isNone(attendanceRate(closed))).toBe(true);
    expect(O.isNone(overallAbsenceRate(emptyTally))).toBe(true);
    expect(O.isNone(paRate(emptyGroupSummary))).toBe(true);
  });

  it('counts COVID X sessions in the denominator only (2020/21: a lower absence rate, not 100 - attendance)', () => {
    const covid = tallyFromCodes({ '/': 70, I: 10 }, 20);
    expect(value(attendanceRate(covid))).toEqual({ numerator: 70, denominator: 100 });
    expect(value(overallAbsenceRate(covid))).toEqual({ numerator: 10, denominator: 100 });
    expect(value(covidRate(covid))).toEqual({ numerator: 20, denominator: 100 });
    expect(value(reasonRate(covid, 'X'))).toEqual({ numerator: 20, denominator: 100 });
  });

  it('writes a ratio as an unrounded percentage', () => {
    expect(percent({ numerator: 1, denominator: 8 })).toBe(12.5);
    expect(percent({ numerator: 20, denominator: 200 })).toBe(10);
  });

  it('[RATE-2] a group rate pools sessions and differs from the mean of its schools\' rates', () => {
    // School A: 10 absent of 100; school B: 90 of 900. Pooled: 100 / 1000 = 10%.
    const a = tallyFromCodes({ '/': 90, I: 10 });
    const b = tallyFromCodes({ '/': 810, I: 90 });
    const c = tallyFromCodes({ '/': 5, I: 5 }); // a tiny school at 50%
    const pooled = value(overallAbsenceRate(concatAll([a, b, c])));
    expect(pooled).toEqual({ numerator: 105, denominator: 1010 });
    const meanOfRates = (10 + 10 + 50) / 3;
    expect(percent(pooled as Ratio)).toBeCloseTo(10.396, 3);
    expect(Math.abs(percent(pooled as Ratio) - meanOfRates)).toBeGreaterThan(12.9); // 23.33 vs 10.40
  });
});

describe('persistent and severe absence', () => {
  it('[PA-1] is inclusive at exactly 10%: 19 of 190 is PA, 18 of 190 is not', () => {
    expect(isPersistentlyAbsent(19, 190)).toBe(true);
    expect(isPersistentlyAbsent(18, 190)).toBe(false);
    expect(isPersistentlyAbsent(0, 0)).toBe(false);
    expect(isPersistentlyAbsent(1, 10)).toBe(true);
  });

  it('[PA-1] stays exact for counts where 10% of the possible sessions is not representable in floating point', () => {
    const p = 2 ** 53 - 1; // odd, so p / 10 is not an integer and 0.1 * p rounds
    const need = Math.ceil(p / 10); // 900719925474100 (p / 10 = 900719925474099.1)
    expect(isPersistentlyAbsent(need, p)).toBe(true);
    expect(isPersistentlyAbsent(need - 1, p)).toBe(false);
    expect(isPersistentlyAbsent(10n ** 30n, 10n ** 31n)).toBe(true);
    expect(isPersistentlyAbsent(10n ** 30n - 1n, 10n ** 31n)).toBe(false);
  });

  it('[SA-1] is inclusive at exactly 50%: 95 of 190 is severe, 94 is not', () => {
    expect(isSeverelyAbsent(95, 190)).toBe(true);
    expect(isSeverelyAbsent(94, 190)).toBe(false);
  });

  it('summarises one enrolment and leaves out one with no possible session', () => {
    const s = enrolmentSummary(tallyFromCodes({ '/': 171, I: 19 }));
    expect(O.isSome(s) && s.value).toMatchObject({ enrolments: 1, paEnrolments: 1, severeEnrolments: 0 });
    expect(O.isNone(enrolmentSummary(tallyFromCodes({ D: 190 })))).toBe(true);
  });

  it('gives PA and severe rates over enrolments', () => {
    const s = { tally: emptyTally, enrolments: 8, paEnrolments: 2, severeEnrolments: 1 };
    expect(value(paRate(s))).toEqual({ numerator: 2, denominator: 8 });
    expect(value(severeRate(s))).toEqual({ numerator: 1, denominator: 8 });
  });
});

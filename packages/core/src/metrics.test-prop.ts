import { fc, test } from '@fast-check/vitest';
import * as O from 'fp-ts/lib/Option.js';
import { expect } from 'vitest';
import { CODE_ID, codesOf } from './codes.js';
import {
  attendanceRate,
  authorisedAbsenceRate,
  enrolmentSummary,
  isPersistentlyAbsent,
  isSeverelyAbsent,
  overallAbsenceRate,
  reasonRate,
  unauthorisedAbsenceRate,
  type Ratio,
} from './metrics.js';
import { arbTally } from './testing/arbitraries.js';
import { absence, addTallies, attendance, concatAll, possible, tallyFromCodes, type Tally } from './tally.js';

/** Exact ratio comparison: sign of a - b, by cross-multiplying in BigInt. */
const compare = (a: Ratio, b: Ratio): number => {
  const l = BigInt(a.numerator) * BigInt(b.denominator);
  const r = BigInt(b.numerator) * BigInt(a.denominator);
  return l === r ? 0 : l < r ? -1 : 1;
};
const same = (a: O.Option<Ratio>, b: O.Option<Ratio>): boolean =>
  O.isNone(a) ? O.isNone(b) : O.isSome(b) && compare(a.value, b.value) === 0;

const RATES = [attendanceRate, overallAbsenceRate, authorisedAbsenceRate, unauthorisedAbsenceRate];
const NOT_COUNTED = [...codesOf('2024'), ...codesOf('2006')].filter((c) => c.category === 'not_possible' || c.category === 'unmarked').map((c) => c.code);

test.prop([arbTally(), fc.constantFrom(...NOT_COUNTED), fc.integer({ min: 1, max: 100_000 })])(
  '[CAT-2] adding not-possible marks or "-" (no mark yet) never changes any rate',
  (t, code, n) => {
    const more = addTallies(t, tallyFromCodes({ [code]: n }));
    for (const rate of RATES) expect(same(rate(more), rate(t))).toBe(true);
    for (const reason of ['I', 'M', 'G', 'U', 'C2']) expect(same(reasonRate(more, reason), reasonRate(t, reason))).toBe(true);
  },
);

test.prop([arbTally(), fc.constantFrom('/', '\\', 'L')])('[RATE-1] one more present mark never lowers the attendance rate nor raises the absence rate', (t, code) => {
  const more = addTallies(t, tallyFromCodes({ [code]: 1 }));
  const before = attendanceRate(t);
  const after = attendanceRate(more);
  expect(O.isSome(after)).toBe(true);
  if (O.isSome(before) && O.isSome(after)) expect(compare(after.value, before.value)).toBeGreaterThanOrEqual(0);
  const absBefore = overallAbsenceRate(t);
  const absAfter = overallAbsenceRate(more);
  if (O.isSome(absBefore) && O.isSome(absAfter)) expect(compare(absAfter.value, absBefore.value)).toBeLessThanOrEqual(0);
});

test.prop([fc.array(arbTally({ maxCount: 500 }), { minLength: 1, maxLength: 8 })])(
  "[RATE-2] a group's rate is the sum of its parts' numerators over the sum of their denominators",
  (parts) => {
    const whole = overallAbsenceRate(concatAll(parts));
    const num = parts.reduce((n, t) => n + absence(t), 0);
    const den = parts.reduce((n, t) => n + possible(t), 0);
    if (den === 0) expect(O.isNone(whole)).toBe(true);
    else expect(whole).toEqual(O.some({ numerator: num, denominator: den }));
  },
);

test.prop([arbTally({ covid: false })])('[RATE-3] without COVID X sessions, attendance and absence rates are complementary', (t) => {
  const a = attendanceRate(t);
  const b = overallAbsenceRate(t);
  if (O.isSome(a) && O.isSome(b)) expect(a.value.numerator + b.value.numerator).toBe(a.value.denominator);
});

/** Smallest absence that reaches p% of `possible`: ceil(possible * p / 100), in BigInt. */
const needed = (possibleSessions: bigint, pct: bigint): bigint => (possibleSessions * pct + 99n) / 100n;

const arbSmall = fc.integer({ min: 1, max: 400 }).chain((p) => fc.tuple(fc.integer({ min: 0, max: p }), fc.constant(p)));
const arbHuge = fc.bigInt({ min: 1n, max: 10n ** 40n }).chain((p) => fc.tuple(fc.bigInt({ min: 0n, max: p }), fc.constant(p)));
const arbNearSafe = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).chain((p) =>
  fc.tuple(fc.integer({ min: -3, max: 3 }).map((d) => Math.max(0, Math.min(p, Number(needed(BigInt(p), 10n)) + d))), fc.constant(p)),
);

test.prop([fc.oneof(arbSmall, arbNearSafe)])(
  '[PA-1] an enrolment is persistently absent iff its absence is at least 10% of its own possible sessions (exact, inclusive)',
  ([a, p]) => {
    expect(isPersistentlyAbsent(a, p)).toBe(BigInt(a) >= needed(BigInt(p), 10n));
  },
);

test.prop([arbHuge])('[PA-1] the 10% test stays exact for counts far beyond floating-point precision', ([a, p]) => {
  expect(isPersistentlyAbsent(a, p)).toBe(a >= needed(p, 10n));
});

test.prop([fc.oneof(arbSmall, arbNearSafe)])(
  '[SA-1] an enrolment is severely absent iff its absence is at least 50% of its own possible sessions (exact, inclusive)',
  ([a, p]) => {
    expect(isSeverelyAbsent(a, p)).toBe(BigInt(a) >= needed(BigInt(p), 50n));
  },
);

test.prop([fc.nat()])('[PA-2] an enrolment with no possible session is never persistently or severely absent', (a) => {
  expect(isPersistentlyAbsent(a, 0)).toBe(false);
  expect(isSeverelyAbsent(a, 0)).toBe(false);
});

test.prop([arbSmall])('[SA-2] every severely absent enrolment is also persistently absent', ([a, p]) => {
  if (isSeverelyAbsent(a, p)) expect(isPersistentlyAbsent(a, p)).toBe(true);
});

const I = CODE_ID.get('I') as number;
test.prop([arbTally({ maxCount: 200 })])(
  '[PA-3] an enrolment summary counts one enrolment, flagged on its own absence and possible sessions',
  (t: Tally) => {
    const s = enrolmentSummary(t);
    const p = possible(t);
    if (p === 0) {
      expect(O.isNone(s)).toBe(true);
      return;
    }
    expect(O.isSome(s) && s.value.enrolments).toBe(1);
    const pa = 10 * absence(t) >= p;
    expect(O.isSome(s) && s.value.paEnrolments).toBe(pa ? 1 : 0);
    expect(O.isSome(s) && s.value.severeEnrolments).toBe(2 * absence(t) >= p ? 1 : 0);
    expect(attendance(t) + absence(t)).toBeLessThanOrEqual(p);
    expect(t.byCode[I]).toBeLessThanOrEqual(absence(t));
  },
);

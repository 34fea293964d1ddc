/**
 * Rates as exact ratios of summed sessions, and persistent / severe absence decided per enrolment
 * in exact integer arithmetic.
 *
 * Sources: reference §0.6 and §4.1 (rates are sums of sessions over sums of possible sessions, never
 * means of pupil or school rates [S1][S2]); §0.7 and §4.2 (PA: absence >= 10% of the enrolment's own
 * possible sessions, since 2015/16; severe: >= 50%; both inclusive [S1][S2][S10][S24]).
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js';
import { CODE_ID, COVID_X_COLUMN } from './codes.js';
import { X_CODE_ID } from './classify.js';
import { absence, attendance, authorised, possible, unauthorised, type GroupSummary, type Tally } from './tally.js';

/** An exact rate: `numerator / denominator`, both sums of counts. The denominator is positive. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** A threshold as a rational `num / den` (e.g. 10/100), so comparisons stay exact. */
export interface Threshold {
  readonly num: number;
  readonly den: number;
}

/** Persistent absence: 10% or more of possible sessions missed (DfE, since 2015/16) [S1][S2]. */
export const PA_THRESHOLD: Threshold = { num: 10, den: 100 };
/** Severe absence: 50% or more of possible sessions missed (DfE `enrolments_pa_50_exact`) [S10][S24]. */
export const SEVERE_THRESHOLD: Threshold = { num: 50, den: 100 };

const ratioOver = (numerator: number, denominator: number): O.Option<Ratio> =>
  denominator > 0 ? O.some({ numerator, denominator }) : O.none;

/**
 * Attendance rate: attendance (present + AEA) / possible. None when there is no possible session.
 * @example attendanceRate(tallyFromCodes({ '/': 9, I: 1 })) // some({ numerator: 9, denominator: 10 })
 */
export const attendanceRate = (t: Tally): O.Option<Ratio> => ratioOver(attendance(t), possible(t));
/** Overall absence rate: (authorised + unauthorised) / possible. */
export const overallAbsenceRate = (t: Tally): O.Option<Ratio> => ratioOver(absence(t), possible(t));
/** Authorised absence rate: authorised / possible. */
export const authorisedAbsenceRate = (t: Tally): O.Option<Ratio> => ratioOver(authorised(t), possible(t));
/** Unauthorised absence rate: unauthorised / possible. */
export const unauthorisedAbsenceRate = (t: Tally): O.Option<Ratio> => ratioOver(unauthorised(t), possible(t));

/** Sessions recorded with `code` (for `X`, COVID `X` sessions included); 0 for an unknown code. */
const sessionsWithCode = (t: Tally, code: string): number => {
  const id = CODE_ID.get(code);
  if (id === undefined) return 0;
  return (t.byCode[id] ?? 0) + (id === X_CODE_ID ? (t.byCode[COVID_X_COLUMN] ?? 0) : 0);
};

/**
 * Rate of one reason (DfE "absence rate by reason", e.g. `illness_perc`): sessions with the code /
 * possible sessions [S1 §4.1].
 * @example reasonRate(tallyFromCodes({ '/': 9, I: 1 }), 'I') // some({ numerator: 1, denominator: 10 })
 */
export const reasonRate = (t: Tally, code: string): O.Option<Ratio> => ratioOver(sessionsWithCode(t, code), possible(t));

/** Share of absence due to one reason (DfE "distribution of reasons"): sessions with the code / absence. */
export const reasonShareOfAbsence = (t: Tally, code: string): O.Option<Ratio> => ratioOver(sessionsWithCode(t, code), absence(t));

/** COVID `X` rate (DfE `sess_x_covid_rate`): COVID `X` sessions / possible [S18]. */
export const covidRate = (t: Tally): O.Option<Ratio> => ratioOver(t.byCode[COVID_X_COLUMN] ?? 0, possible(t));

/**
 * A ratio as a percentage, unrounded: `numerator * 100 / denominator`. This exact float formula
 * reproduces DfE's published `*_perc` columns to within 1e-9 (golden-dfe.test.ts); use
 * rounding.ts for display.
 * @example percent({ numerator: 1, denominator: 8 }) // 12.5
 */
export const percent = (r: Ratio): number => (r.numerator * 100) / r.denominator;

/**
 * Whether `part >= threshold * whole`, in exact integer arithmetic (BigInt when the products
 * could lose precision); false when `whole` is not positive. Counts must be integers.
 */
export const reachesThreshold = (part: number | bigint, whole: number | bigint, threshold: Threshold): boolean => {
  if (!(whole > 0)) return false;
  if (typeof part === 'number' && typeof whole === 'number') {
    const left = part * threshold.den;
    const right = whole * threshold.num;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  }
  return BigInt(part) * BigInt(threshold.den) >= BigInt(whole) * BigInt(threshold.num);
};

/**
 * Persistent absence: an enrolment whose absence is at least 10% (inclusive) of its own possible
 * sessions [S1][S2]. False when it has no possible session.
 * @example isPersistentlyAbsent(19, 190) // true; isPersistentlyAbsent(18, 190) // false
 */
export const isPersistentlyAbsent = (absenceSessions: number | bigint, possibleSessions: number | bigint, threshold: Threshold = PA_THRESHOLD): boolean =>
  reachesThreshold(absenceSessions, possibleSessions, threshold);

/**
 * Severe absence: absence of at least 50% (inclusive: DfE "50% or more"; FFT writes "more than
 * 50%") of the enrolment's own possible sessions [S10][S24][S25].
 * @example isSeverelyAbsent(95, 190) // true
 */
export const isSeverelyAbsent = (absenceSessions: number | bigint, possibleSessions: number | bigint, threshold: Threshold = SEVERE_THRESHOLD): boolean =>
  reachesThreshold(absenceSessions, possibleSessions, threshold);

/**
 * The group summary of ONE enrolment over a whole period: its tally, counted once, flagged PA/severe
 * on its own sessions. None when it has no possible session: such an enrolment is left out of every
 * figure (canonical-format.md; reference §4.3 "zero possible sessions -> excluded").
 */
export const enrolmentSummary = (t: Tally): O.Option<GroupSummary> => {
  const p = possible(t);
  if (p <= 0) return O.none;
  const a = absence(t);
  return O.some({
    tally: t,
    enrolments: 1,
    paEnrolments: isPersistentlyAbsent(a, p) ? 1 : 0,
    severeEnrolments: isSeverelyAbsent(a, p) ? 1 : 0,
  });
};

/** PA rate: PA enrolments / enrolments [S1 §4.1]. None when there are no enrolments. */
export const paRate = (s: GroupSummary): O.Option<Ratio> => ratioOver(s.paEnrolments, s.enrolments);
/** Severe absence rate: severely absent enrolments / enrolments. None when there are no enrolments. */
export const severeRate = (s: GroupSummary): O.Option<Ratio> => ratioOver(s.severeEnrolments, s.enrolments);

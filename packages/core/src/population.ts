/**
 * Population profiles: which enrolments count and which of their sessions are removed. A profile is
 * data, so new ones (FFT's, a user's own) are values, not code.
 *
 * Sources: reference §0.9 and §4.3 (DfE headline statistics cover pupils aged 5-15 on 31 August at
 * the start of the academic year; for pupils aged 15 the second half of the summer term is removed
 * [S1][S3][S7]); §4.5 (summer half-term 2 runs from the spring bank holiday to 31 July [S2][S3]);
 * canonical-format.md (age from year group when the date of birth is unknown).
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js';
import { springBankHoliday } from './calendar/bank-holidays.js';
import { YEAR_GROUPS, type Enrolment, type YearGroup } from './dataset.js';
import { toDayNumber } from './dates.js';
import type { Threshold } from './metrics.js';

/** Which enrolments and sessions a set of figures covers. */
export interface Profile {
  /** Stable id, used on the command line (`--profile dfe`). */
  readonly id: string;
  /** One line saying what the profile is. */
  readonly description: string;
  /** Youngest age on 31 August (start of the academic year) kept, inclusive; absent = no limit. */
  readonly minAge?: number;
  /** Oldest age on 31 August kept, inclusive; absent = no limit. */
  readonly maxAge?: number;
  /** Remove the sessions of pupils aged 15 from the spring bank holiday to 31 July (DfE). */
  readonly removeAge15SummerHalfTerm2: boolean;
  /** Lowest year group kept, inclusive, in register order (N1, N2, R, 1 ... 14); absent = no limit. */
  readonly minYearGroup?: YearGroup;
  /** Highest year group kept, inclusive; absent = no limit. */
  readonly maxYearGroup?: YearGroup;
  /** Persistent absence threshold on absence / possible, inclusive; absent = 10% (metrics.ts). */
  readonly persistent?: Threshold;
  /** Severe absence threshold, inclusive; absent = 50% (metrics.ts). */
  readonly severe?: Threshold;
  /**
   * An enrolment (or pupil) with fewer possible sessions than this in the period is left out of the
   * PA and severe counts and of their base (its sessions still count); absent = 1 (no minimum).
   */
  readonly minPossibleForPa?: number;
  /**
   * `enrolment` (DfE): PA decided on each enrolment's own sessions. `pupil`: on a pupil's sessions
   * summed across every school they attended in the period; absent = `enrolment`.
   */
  readonly paBasis?: 'enrolment' | 'pupil';
  /** Whether code `N` (no reason yet) counts, as unauthorised absence (DfE); false leaves its sessions out of every figure. Absent = true. */
  readonly countN?: boolean;
  /** Where the profile's rules come from. */
  readonly source?: string;
}

/** The built-in profiles. */
export const PROFILES = {
  /** DfE's headline statistics: ages 5-15 on 31 August; 15-year-olds' summer half-term 2 removed [S1][S3]. */
  dfe: {
    id: 'dfe',
    description: "DfE headline statistics: pupils aged 5-15 on 31 August; 15-year-olds' summer half-term 2 removed",
    minAge: 5,
    maxAge: 15,
    removeAge15SummerHalfTerm2: true,
    source: 'reference §0.9, §4.3 [S1][S3][S7]; canonical-format.md',
  },
  /**
   * FFT Aspire Attendance Tracker style: Reception included ("Reception pupils are included in overall
   * percentages currently", seed 001, Sandwell DIU attendance resources), Years 12-13 excluded (issue 3);
   * nursery is out as it is not in a year R-11 range. No Y11 summer removal: the seed does not say it
   * is done, so sessions are kept as registered.
   */
  fft: {
    id: 'fft',
    description: 'FFT Aspire style: Reception to Year 11 (years 12-13 and nursery out); every session of those pupils',
    minYearGroup: 'R',
    maxYearGroup: '11',
    removeAge15SummerHalfTerm2: false,
    source: 'seed 001 (Sandwell DIU: FFT Aspire Attendance Tracker notes); issue 3',
  },
  /** Every enrolment and every session, as the register has them. */
  all: {
    id: 'all',
    description: 'Every enrolment and every session in the register',
    removeAge15SummerHalfTerm2: false,
    source: 'the register as given',
  },
} as const satisfies Readonly<Record<string, Profile>>;

/** Ids of the built-in profiles. */
export type ProfileId = keyof typeof PROFILES;

/**
 * A built-in profile by id.
 * @example profileById('dfe') // some(PROFILES.dfe)
 */
export const profileById = (id: string): O.Option<Profile> =>
  Object.prototype.hasOwnProperty.call(PROFILES, id) ? O.some(PROFILES[id as ProfileId]) : O.none;

/**
 * Age on 31 August at the start of an academic year, by year group (canonical-format.md):
 * N1 = 2, N2 = 3, R = 4, Y1 = 5 ... Y11 = 15, Y12 = 16, Y13 = 17, Y14 = 18.
 */
export const AGE_OF_YEAR_GROUP: Readonly<Record<YearGroup, number>> = {
  N1: 2,
  N2: 3,
  R: 4,
  '1': 5,
  '2': 6,
  '3': 7,
  '4': 8,
  '5': 9,
  '6': 10,
  '7': 11,
  '8': 12,
  '9': 13,
  '10': 14,
  '11': 15,
  '12': 16,
  '13': 17,
  '14': 18,
};

/**
 * Age in whole years on 31 August of `academicYearStart` (2024 for 2024/25): from the date of birth
 * when given (a birthday on 31 August counts), else from the year group.
 * @example ageOn31August({ dateOfBirth: '2009-08-31', yearGroup: '10' }, 2024) // 15
 * @example ageOn31August({ yearGroup: '11' }, 2024) // 15
 */
export const ageOn31August = (enrolment: Pick<Enrolment, 'dateOfBirth' | 'yearGroup'>, academicYearStart: number): number => {
  const dob = enrolment.dateOfBirth;
  if (dob === undefined) return AGE_OF_YEAR_GROUP[enrolment.yearGroup];
  const years = academicYearStart - Number(dob.slice(0, 4));
  return dob.slice(5) > '08-31' ? years - 1 : years;
};

/**
 * Whether a profile keeps an enrolment in an academic year (by age on 31 August at its start).
 * @example includeEnrolment(PROFILES.dfe, { yearGroup: 'R' }, 2024) // false (aged 4)
 */
export const includeEnrolment = (profile: Profile, enrolment: Pick<Enrolment, 'dateOfBirth' | 'yearGroup'>, academicYearStart: number): boolean => {
  const age = ageOn31August(enrolment, academicYearStart);
  const year = YEAR_GROUPS.indexOf(enrolment.yearGroup);
  return (
    (profile.minAge === undefined || age >= profile.minAge) &&
    (profile.maxAge === undefined || age <= profile.maxAge) &&
    (profile.minYearGroup === undefined || year >= YEAR_GROUPS.indexOf(profile.minYearGroup)) &&
    (profile.maxYearGroup === undefined || year <= YEAR_GROUPS.indexOf(profile.maxYearGroup))
  );
};

/**
 * The first day (day number) from which an enrolment's sessions are removed, through 31 July at the
 * end of the academic year; undefined when none are. Under `dfe`, for a pupil aged 15 on 31 August
 * this is the spring bank holiday of `academicYearStart + 1`, the start of summer half-term 2 [S3].
 * @example sessionCutoffDay(PROFILES.dfe, { yearGroup: '11' }, 2024) === toDayNumber('2025-05-26')
 */
export const sessionCutoffDay = (profile: Profile, enrolment: Pick<Enrolment, 'dateOfBirth' | 'yearGroup'>, academicYearStart: number): number | undefined =>
  profile.removeAge15SummerHalfTerm2 && ageOn31August(enrolment, academicYearStart) === 15
    ? toDayNumber(springBankHoliday(academicYearStart + 1))
    : undefined;

/** The options a custom profile may change (every rule of {@link Profile} but its id and text). */
export type ProfileRules = Omit<Profile, 'id' | 'description' | 'source'>;

/**
 * A custom profile: a base profile with some rules replaced; its id says so (`dfe+custom`) and its
 * description lists the changes, so a result always names the rules it used.
 * @example customProfile(PROFILES.dfe, { paBasis: 'pupil', minPossibleForPa: 11 }).id // 'dfe+custom'
 */
export const customProfile = (base: Profile, changes: { readonly [K in keyof ProfileRules]?: ProfileRules[K] | undefined }): Profile => {
  const shown = Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? `${(v as Threshold).num}/${(v as Threshold).den}` : String(v)}`);
  if (shown.length === 0) return base;
  const merged = { ...base, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  return {
    ...merged,
    id: `${base.id}+custom`,
    description: `${base.description}; changed: ${shown.join(', ')}`,
    source: `${base.source ?? base.id}; user options`,
  } as Profile;
};

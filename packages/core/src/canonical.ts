/**
 * io-ts codecs for the canonical records (docs/canonical-format.md): one record per row of
 * schools.csv, pupils.csv, marks.csv and terms.csv, in camelCase, with the brands `Urn`,
 * `PupilId` and `LaCode`. Adapters' output decodes with these; readers and writers of the CSV
 * form use them as the shape of a row.
 *
 * @module
 */
import * as t from 'io-ts';
import { CODE_ID, isCodeInForce, regimeOn } from './codes.js';
import { IsoDate } from './dates.js';
import { PHASES, YEAR_GROUPS } from './dataset.js';

const keyof = <K extends string>(keys: readonly K[], name: string): t.KeyofC<Record<K, null>> =>
  t.keyof(Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>, name);

/** A school's unique reference number (URN): 6 or 7 digits. */
export interface UrnBrand {
  readonly Urn: unique symbol;
}
/** io-ts codec for {@link Urn}. @example Urn.is('100101') // true */
export const Urn = t.brand(t.string, (s): s is t.Branded<string, UrnBrand> => /^\d{6,7}$/.test(s), 'Urn');
/** A URN (6 or 7 digits), branded. */
export type Urn = t.TypeOf<typeof Urn>;

/** The old three-digit local-authority code, e.g. `926`. */
export interface LaCodeBrand {
  readonly LaCode: unique symbol;
}
/** io-ts codec for {@link LaCode}. @example LaCode.is('926') // true */
export const LaCode = t.brand(t.string, (s): s is t.Branded<string, LaCodeBrand> => /^\d{3}$/.test(s), 'LaCode');
/** An old three-digit LA code, branded. */
export type LaCode = t.TypeOf<typeof LaCode>;

/** Most characters a pupil id may have (canonical-format.md). */
export const PUPIL_ID_MAX = 64;

/** A pupil id stable across schools (a UPN or a pseudonym): 1 to 64 characters (Unicode code points). */
export interface PupilIdBrand {
  readonly PupilId: unique symbol;
}
/** io-ts codec for {@link PupilId}. @example PupilId.is('A123') // true */
export const PupilId = t.brand(
  t.string,
  (s): s is t.Branded<string, PupilIdBrand> => s.length > 0 && [...s].length <= PUPIL_ID_MAX,
  'PupilId',
);
/** A pupil id of 1 to 64 characters, branded. */
export type PupilId = t.TypeOf<typeof PupilId>;

/** A statutory register code of either regime, or `-` (codes.ts). */
export interface RegisterCodeBrand {
  readonly RegisterCode: unique symbol;
}
/** io-ts codec for {@link RegisterCode}. @example RegisterCode.is('J1') // true */
export const RegisterCode = t.brand(t.string, (s): s is t.Branded<string, RegisterCodeBrand> => CODE_ID.has(s), 'RegisterCode');
/** A register code of either regime, branded. */
export type RegisterCode = t.TypeOf<typeof RegisterCode>;

/** Phase codec (dataset.ts `PHASES`). */
export const PhaseC = keyof(PHASES, 'Phase');
/** Year group codec (dataset.ts `YEAR_GROUPS`). */
export const YearGroupC = keyof(YEAR_GROUPS, 'YearGroup');
/** AM or PM. */
export const SessionC = keyof(['AM', 'PM'] as const, 'Session');

/** A row of schools.csv. */
export const CanonicalSchool = t.intersection(
  [t.type({ urn: Urn, laCode: LaCode, phase: PhaseC }), t.partial({ name: t.string })],
  'CanonicalSchool',
);
/** A decoded row of schools.csv. */
export type CanonicalSchool = t.TypeOf<typeof CanonicalSchool>;

/** A row of pupils.csv: one enrolment. Unknown characteristics are absent. */
export const CanonicalPupil = t.intersection(
  [
    t.type({ schoolUrn: Urn, pupilId: PupilId, yearGroup: YearGroupC, enrolmentStatus: keyof(['C', 'M', 'S', 'G'] as const, 'EnrolmentStatus') }),
    t.partial({
      dateOfBirth: IsoDate,
      sex: keyof(['F', 'M'] as const, 'Sex'),
      fsm: t.boolean,
      fsm6: t.boolean,
      eal: t.boolean,
      lookedAfter: t.boolean,
      sen: keyof(['N', 'K', 'E'] as const, 'Sen'),
      ethnicity: t.string,
      admissionDate: IsoDate,
      leavingDate: IsoDate,
    }),
  ],
  'CanonicalPupil',
);
/** A decoded row of pupils.csv. */
export type CanonicalPupil = t.TypeOf<typeof CanonicalPupil>;

/** A whole number of minutes, 0 to 65534 (65535 is the store's "not recorded"). */
export const MinutesC = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0 && n < 0xffff, 'Minutes');

/** ISO 8601 date, or date-time with optional seconds, fraction and offset (`Z`, `+01:00`). */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
/** io-ts codec for an ISO 8601 date-time string (its date part a real date). */
export const IsoDateTimeC = t.refinement(t.string, (s) => ISO_DATE_TIME.test(s) && IsoDate.is(s.slice(0, 10)), 'IsoDateTime');

/** A row of marks.csv: one version of one session mark. */
export const CanonicalMark = t.intersection(
  [
    t.type({ schoolUrn: Urn, pupilId: PupilId, date: IsoDate, session: SessionC, code: RegisterCode }),
    t.partial({ minutesLate: MinutesC, recordedAt: IsoDateTimeC }),
  ],
  'CanonicalMark',
);
/** A decoded row of marks.csv. */
export type CanonicalMark = t.TypeOf<typeof CanonicalMark>;

/**
 * Whether a mark's code may be recorded on its date: 2006 regulations before 19 August 2024,
 * 2024 regulations from then (SI 2024/208; codes.ts).
 * @example isMarkCodeInForce({ date: '2024-08-19', code: 'J' }) // false
 */
export const isMarkCodeInForce = (mark: { readonly date: string; readonly code: string }): boolean =>
  isCodeInForce(mark.code, regimeOn(mark.date));

/** Half-terms of terms.csv, in order. */
export const HALF_TERMS = ['autumn1', 'autumn2', 'spring1', 'spring2', 'summer1', 'summer2'] as const;
/** A half-term of terms.csv. */
export type HalfTerm = (typeof HALF_TERMS)[number];

/** `2024/25`: the second year is the first plus one. */
export const AcademicYearC = t.refinement(
  t.string,
  (s) => /^\d{4}\/\d{2}$/.test(s) && (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)),
  'AcademicYear',
);

/** A row of terms.csv. `schoolUrn` absent means every school. */
export const CanonicalTerm = t.intersection(
  [t.type({ academicYear: AcademicYearC, halfTerm: keyof(HALF_TERMS, 'HalfTerm'), startDate: IsoDate, endDate: IsoDate }), t.partial({ schoolUrn: Urn })],
  'CanonicalTerm',
);
/** A decoded row of terms.csv. */
export type CanonicalTerm = t.TypeOf<typeof CanonicalTerm>;

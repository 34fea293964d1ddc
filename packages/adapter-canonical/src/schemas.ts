/**
 * zod schemas for a row of schools.csv, pupils.csv and terms.csv, as read: every value is text,
 * and an empty value means "not given". The rules are docs/canonical-format.md's tables.
 *
 * @module
 */
import { HALF_TERMS, isIsoDate, PHASES, PUPIL_ID_MAX, YEAR_GROUPS } from '@attendance-kit/core';
import { z } from 'zod';

/** Treats an empty value as absent, so a required column left empty reads as missing. */
const given = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const optional = <T extends z.ZodType>(schema: T) => given(schema.optional());

const urn = z.string().regex(/^\d{6,7}$/, 'must be a URN of 6 or 7 digits');
const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD', params: { code: 'bad-date' } });
const flag = z.enum(['true', 'false'], { message: 'must be true, false or empty' }).transform((v) => v === 'true');

/** Columns of schools.csv. */
export const SCHOOL_COLUMNS = [
  { name: 'school_urn', required: true },
  { name: 'school_name', required: false },
  { name: 'la_code', required: true },
  { name: 'phase', required: true },
] as const;

/** A row of schools.csv. */
export const SchoolRow = z.object({
  school_urn: given(urn),
  school_name: optional(z.string().max(200)),
  la_code: given(z.string().regex(/^\d{3}$/, 'must be an old LA code of 3 digits (e.g. 926)')),
  phase: given(z.enum(PHASES, { message: `must be one of ${PHASES.join(', ')}` })),
});

/** Columns of pupils.csv. */
export const PUPIL_COLUMNS = [
  { name: 'school_urn', required: true },
  { name: 'pupil_id', required: true },
  { name: 'date_of_birth', required: false },
  { name: 'sex', required: false },
  { name: 'year_group', required: true },
  { name: 'fsm', required: false },
  { name: 'fsm6', required: false },
  { name: 'eal', required: false },
  { name: 'looked_after', required: false },
  { name: 'sen', required: false },
  { name: 'ethnicity', required: false },
  { name: 'enrolment_status', required: false },
  { name: 'admission_date', required: false },
  { name: 'leaving_date', required: false },
] as const;

/** A row of pupils.csv. */
export const PupilRow = z.object({
  school_urn: given(urn),
  pupil_id: given(
    z.string().refine((s) => [...s].length <= PUPIL_ID_MAX, { message: `must be at most ${PUPIL_ID_MAX} characters`, params: { code: 'field-too-long' } }),
  ),
  date_of_birth: optional(isoDate),
  sex: optional(z.enum(['F', 'M'], { message: 'must be F, M or empty' })),
  year_group: given(z.enum(YEAR_GROUPS, { message: 'must be N1, N2, R or 1 to 14' })),
  fsm: optional(flag),
  fsm6: optional(flag),
  eal: optional(flag),
  looked_after: optional(flag),
  sen: optional(z.enum(['N', 'K', 'E'], { message: 'must be N, K, E or empty' })),
  ethnicity: optional(z.string().max(16)),
  enrolment_status: optional(z.enum(['C', 'M', 'S', 'G'], { message: 'must be C, M, S, G or empty' })),
  admission_date: optional(isoDate),
  leaving_date: optional(isoDate),
});

/** Columns of terms.csv. */
export const TERM_COLUMNS = [
  { name: 'school_urn', required: false },
  { name: 'academic_year', required: true },
  { name: 'half_term', required: true },
  { name: 'start_date', required: true },
  { name: 'end_date', required: true },
] as const;

/** A row of terms.csv. */
export const TermRow = z
  .object({
    school_urn: optional(urn),
    academic_year: given(
      z.string().refine((s) => /^\d{4}\/\d{2}$/.test(s) && (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), {
        message: 'must be an academic year such as 2024/25',
      }),
    ),
    half_term: given(z.enum(HALF_TERMS, { message: `must be one of ${HALF_TERMS.join(', ')}` })),
    start_date: given(isoDate),
    end_date: given(isoDate),
  })
  .refine((t) => t.start_date <= t.end_date, { message: 'end_date is before start_date', path: ['end_date'], params: { code: 'bad-date' } });

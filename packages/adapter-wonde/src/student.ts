/**
 * A `students` row (with the `education_details`, `extended_details` and `year` includes) as a
 * canonical enrolment (reference/mis-formats.md §2.8). Names are never read.
 *
 * - pupil id: the Wonde student `id` (the key session marks carry; §8). The UPN
 *   (`education_details.upn`) is not a canonical field and is not read;
 * - year group: `education_details.current_nc_year` (required; `R`, `N1`, `N2`, `1`...`14`,
 *   `Year 7`, `07`). `year.code` is school-defined free text and is NOT used (§2.8);
 * - `date_of_birth` (a date object), `gender` (`MALE`/`FEMALE`, null unknown);
 * - `extended_details`: `ethnicity`, `sen_status` (code `N`/`K`/`E` or a label: both seen),
 *   `free_school_meals`, `free_school_meals_6`, `english_as_additional_language`, `in_lea_care`
 *   (booleans or Y/N text), `enrolment_status` (C/M/S/G or a label; inferred);
 * - `education_details.admission_date` / `leaving_date`.
 *
 * Unknown stays unknown: a characteristic not understood is left out with a warning. Pure.
 *
 * @module
 */
import { CanonicalPupil, PupilId, type Issue } from '@attendance-kit/core';
import { field, flag, idOf, included, isObj, text, wondeDate, type Obj } from './fields.js';

/** Where issues point. */
export interface Where {
  readonly file: string;
  readonly path: string;
}

/**
 * An NC year as a canonical year group, or undefined.
 * @example yearGroupOf('Year 07') // '7'
 * @example yearGroupOf('Reception') // 'R'
 */
export const yearGroupOf = (s: string | undefined): string | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim().toUpperCase().replace(/^(YEAR|YR|Y)\s*/, '');
  if (t === 'R' || t === 'RECEPTION' || t === 'REC') return 'R';
  const n = /^(?:NURSERY|NUR|N)\s*([12])$/.exec(t);
  if (n !== null) return `N${n[1]}`;
  if (/^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 14) return String(Number(t));
  return undefined;
};

/** SEN from a code or a label (§2.8: `"K"` and `"SEN Support"` both seen). */
const senOf = (s: string): 'N' | 'K' | 'E' | undefined => {
  const t = s.trim().toUpperCase();
  if (t === 'N' || t === 'K' || t === 'E') return t;
  if (t === 'S') return 'E'; // the statement code, replaced by E (EHC plan)
  if (/^(NO\b|NONE|NOT SEN|NO SPECIAL)/.test(t)) return 'N';
  if (/EHC|EDUCATION,? HEALTH|STATEMENT/.test(t)) return 'E';
  if (/SEN SUPPORT|^SUPPORT/.test(t)) return 'K';
  return undefined;
};

const STATUSES: Readonly<Record<string, 'C' | 'M' | 'S' | 'G'>> = {
  C: 'C', M: 'M', S: 'S', G: 'G', SINGLE: 'C', 'SINGLE REGISTRATION': 'C', CURRENT: 'C',
  MAIN: 'M', 'MAIN - DUAL REGISTRATION': 'M', 'MAIN DUAL REGISTRATION': 'M',
  SUBSIDIARY: 'S', 'SUBSIDIARY - DUAL REGISTRATION': 'S', 'SUBSIDIARY DUAL REGISTRATION': 'S', GUEST: 'G',
};

const obj = (v: unknown): Obj => (isObj(v) ? v : {});

/** What came of a student row. */
export interface StudentResult {
  readonly pupil?: CanonicalPupil;
  readonly issues: readonly Issue[];
}

/**
 * The enrolment of a student row at `schoolUrn`, or undefined with an error issue when the id or
 * year group is missing or not understood.
 */
export const studentOf = (row: Obj, schoolUrn: string, where: Where): StudentResult => {
  const at = (f: string): { file: string; field: string } => ({ file: where.file, field: `${where.path}.${f}` });
  const id = idOf(field(row, 'id'));
  if (id === undefined) return { issues: [{ code: 'wonde/missing-field', severity: 'error', message: 'the student has no id; rejected', ...at('id') }] };
  if (!PupilId.is(id) || /[\r\n]/.test(id)) return { issues: [{ code: 'wonde/bad-value', severity: 'error', message: `student id ${JSON.stringify(id.slice(0, 70))} is not a usable id (1-64 characters on one line); rejected`, ...at('id') }] };
  const education = obj(included(row, 'education_details'));
  const extended = obj(included(row, 'extended_details'));
  const ncYear = text(education, 'current_nc_year');
  if (ncYear === undefined) {
    return { issues: [{ code: 'wonde/missing-field', severity: 'error', message: `student ${id} has no education_details.current_nc_year (the year group is required; year.code is school-defined and not used); rejected`, ...at('education_details.current_nc_year') }] };
  }
  const yearGroup = yearGroupOf(ncYear);
  if (yearGroup === undefined) return { issues: [{ code: 'wonde/bad-value', severity: 'error', message: `student ${id}: current_nc_year ${JSON.stringify(ncYear)} is not a year group (N1, N2, R, 1-14); rejected`, ...at('education_details.current_nc_year') }] };
  const issues: Issue[] = [];
  const warn = (f: string, value: unknown): void => {
    issues.push({ code: 'wonde/bad-characteristic', severity: 'warning', message: `student ${id}: ${f} ${JSON.stringify(value)} is not understood; left unknown`, ...at(f) });
  };
  const record: Record<string, unknown> = { schoolUrn, pupilId: id, yearGroup, enrolmentStatus: 'C' };
  const date = (f: string, key: string, v: unknown): void => {
    if (v === undefined || v === null || v === '') return;
    const d = wondeDate(v);
    if (d === undefined) warn(f, v);
    else record[key] = d;
  };
  date('date_of_birth', 'dateOfBirth', field(row, 'date_of_birth'));
  date('education_details.admission_date', 'admissionDate', field(education, 'admission_date'));
  date('education_details.leaving_date', 'leavingDate', field(education, 'leaving_date'));
  const gender = text(row, 'gender')?.toUpperCase();
  if (gender === 'MALE' || gender === 'M') record['sex'] = 'M';
  else if (gender === 'FEMALE' || gender === 'F') record['sex'] = 'F';
  else if (gender !== undefined && !['UNKNOWN', 'U', 'NOT KNOWN', 'X', 'OTHER'].includes(gender)) warn('gender', gender);
  const ethnicity = text(extended, 'ethnicity')?.toUpperCase();
  if (ethnicity !== undefined) {
    if (/^[A-Z]{4}$/.test(ethnicity)) record['ethnicity'] = ethnicity;
    else warn('extended_details.ethnicity', ethnicity);
  }
  const senText = text(extended, 'sen_status');
  if (senText !== undefined) {
    const sen = senOf(senText);
    if (sen === undefined) warn('extended_details.sen_status', senText);
    else record['sen'] = sen;
  }
  const status = text(extended, 'enrolment_status');
  if (status !== undefined) {
    const s = STATUSES[status.toUpperCase().replace(/\s+/g, ' ')];
    if (s === undefined) warn('extended_details.enrolment_status', status);
    else record['enrolmentStatus'] = s;
  }
  const flags: readonly (readonly [string, string])[] = [
    ['free_school_meals', 'fsm'],
    ['free_school_meals_6', 'fsm6'],
    ['english_as_additional_language', 'eal'],
    ['in_lea_care', 'lookedAfter'],
  ];
  for (const [name, key] of flags) {
    const v = field(extended, name);
    const b = flag(v);
    if (b === 'bad') warn(`extended_details.${name}`, v);
    else if (b !== undefined) record[key] = b;
  }
  if (!CanonicalPupil.is(record)) return { issues: [...issues, { code: 'wonde/bad-value', severity: 'error', message: `student ${id} does not decode as an enrolment; rejected`, ...at('id') }] };
  return { pupil: record, issues };
};

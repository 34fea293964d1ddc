/**
 * One Report Designer `SuperStarReport/Record` as a canonical enrolment (reference/mis-formats.md
 * §5.3). Columns are whatever the report's author chose, captioned freely, so each field is looked
 * up among caption variants, compared in lower case without spaces or punctuation (`Date of
 * Birth`, `Date_x0020_of_x0020_Birth` and `DOB` are alike). The captions beyond UPN and Year are
 * INFERRED (no public report spec): each plausible variant is accepted, and a value not understood
 * is left unknown with a warning, never guessed. Names are never read.
 *
 * Required: `UPN` (the pupil id, as marks use it through PersonID) and `Year` ("Year  7", `7`,
 * `Reception`/`R`, `N1`, `N2`).
 *
 * @module
 */
import { CanonicalPupil, isIsoDate, YEAR_GROUPS, type Issue } from '@attendance-kit/core';
import type { Where } from './marks.js';
import { fieldOf, type Fields } from './xml.js';

const at = (w: Where, field?: string): { file: string; line?: number; field?: string } => ({
  file: w.file,
  ...(w.line === undefined ? {} : { line: w.line }),
  ...(field === undefined ? {} : { field }),
});

const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;
const YEARS = new Set<string>(YEAR_GROUPS);

/** "Year  7" → `7`, "Reception" → `R`, "Nursery 1" → `N1`; undefined when not a year group. */
export const yearGroupOf = (s: string): string | undefined => {
  const t = s.trim().toUpperCase().replace(/^(NC\s*)?YEAR\s*/, '').replace(/\s+/g, '');
  if (t === 'RECEPTION' || t === 'REC') return 'R';
  const n = /^NURSERY(\d)$/.exec(t);
  const y = n !== null ? `N${n[1]}` : /^\d+$/.test(t) ? String(Number(t)) : t;
  return YEARS.has(y) ? y : undefined;
};

/** A date as SIMS reports write it: `YYYY-MM-DD` (optionally with a time) or `DD/MM/YYYY`. */
export const reportDate = (s: string): string | undefined => {
  const iso = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+)?$/.exec(s);
  if (iso !== null) return isIsoDate(iso[1] as string) ? iso[1] : undefined;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (uk === null) return undefined;
  const d = `${uk[3]}-${(uk[2] as string).padStart(2, '0')}-${(uk[1] as string).padStart(2, '0')}`;
  return isIsoDate(d) ? d : undefined;
};

/** Yes/No, Y/N, True/False, T/F, 1/0 as a boolean. */
const flag = (s: string): boolean | undefined => {
  const t = s.trim().toUpperCase();
  if (['Y', 'YES', 'TRUE', 'T', '1'].includes(t)) return true;
  if (['N', 'NO', 'FALSE', 'F', '0'].includes(t)) return false;
  return undefined;
};

/** N/K/E, or SIMS's words for them. */
const senOf = (s: string): 'N' | 'K' | 'E' | undefined => {
  const t = s.trim().toUpperCase();
  if (t === 'N' || t === 'K' || t === 'E') return t;
  if (/EHC|EDUCATION,? HEALTH|STATEMENT/.test(t)) return 'E';
  if (/SEN SUPPORT|^SUPPORT/.test(t)) return 'K';
  if (/^NO\b|NO SPECIAL|^NONE$/.test(t)) return 'N';
  return undefined;
};

/** C/M/S/G, or the words SIMS shows (Single Registration, Main/Subsidiary Dual Registration, Guest). */
const statusOf = (s: string): 'C' | 'M' | 'S' | 'G' | undefined => {
  const t = s.trim().toUpperCase();
  if (t === 'C' || t === 'M' || t === 'S' || t === 'G') return t;
  if (/^SINGLE|^CURRENT/.test(t)) return 'C';
  if (/MAIN/.test(t)) return 'M';
  if (/SUBSIDIARY/.test(t)) return 'S';
  if (/GUEST/.test(t)) return 'G';
  return undefined;
};

/** Caption variants, as lookup keys (xml.ts `keyOf`). */
const CAPTIONS = {
  upn: ['upn', 'uniquepupilnumber'],
  year: ['year', 'yeargroup', 'ncyear', 'nationalcurriculumyear', 'yeartaughtin', 'curriculumyear'],
  dob: ['dob', 'dateofbirth', 'birthdate'],
  sex: ['gender', 'sex', 'legalsex'],
  fsm: ['fsm', 'fsmeligible', 'freeschoolmeals', 'fsmeligibility', 'eligibleforfsm'],
  fsm6: ['fsm6', 'everfsm6', 'ever6fsm', 'fsmever6', 'everfsm'],
  eal: ['eal', 'englishasanadditionallanguage', 'englishasadditionallanguage'],
  lookedAfter: ['incare', 'lookedafter', 'cla', 'childlookedafter', 'incareatthisschool'],
  sen: ['senprovision', 'senstatus', 'sen', 'senneed'],
  ethnicity: ['ethnicity', 'ethnicitycode', 'ethniccode', 'ethnicorigin'],
  status: ['enrolmentstatus', 'enrolment', 'registrationstatus'],
  admission: ['admissiondate', 'dateofadmission', 'admitted'],
  leaving: ['leavingdate', 'dateofleaving', 'left'],
} as const;

/** The enrolment of one report record at `schoolUrn`, or the issues that reject it. */
export const studentOf = (fields: Fields, schoolUrn: string, w: Where): { readonly pupil?: CanonicalPupil; readonly issues: readonly Issue[] } => {
  const get = (k: keyof typeof CAPTIONS): string | undefined => fieldOf(fields, CAPTIONS[k]);
  const upn = get('upn')?.toUpperCase();
  const yearText = get('year');
  if (upn === undefined || yearText === undefined) {
    const missing = [upn === undefined ? 'UPN' : '', yearText === undefined ? 'Year' : ''].filter((m) => m !== '');
    return { issues: [{ code: 'sims/missing-field', severity: 'error', message: `the student record has no ${missing.join(' or ')} column value; rejected`, ...at(w, missing[0]) }] };
  }
  const yearGroup = yearGroupOf(yearText);
  if (yearGroup === undefined) return { issues: [{ code: 'sims/bad-value', severity: 'error', message: `Year ${JSON.stringify(yearText)} is not a year group; the student is rejected`, ...at(w, 'Year') }] };
  if ([...upn].length > 64) return { issues: [{ code: 'sims/bad-value', severity: 'error', message: 'the UPN is longer than 64 characters; the student is rejected', ...at(w, 'UPN') }] };
  const issues: Issue[] = [];
  const warn = (field: string, value: string): void => {
    issues.push({ code: 'sims/bad-characteristic', severity: 'warning', message: `${field} ${JSON.stringify(value)} is not understood; left unknown`, ...at(w, field) });
  };
  if (!UPN.test(upn)) issues.push({ code: 'sims/unusual-upn', severity: 'warning', message: `UPN ${JSON.stringify(upn)} is not a letter, 11 digits and a check character; kept as the pupil id`, ...at(w, 'UPN') });
  const record: Record<string, unknown> = { schoolUrn, pupilId: upn, yearGroup, enrolmentStatus: 'C' };
  const put = (key: string, field: string, value: string | undefined, read: (s: string) => unknown): void => {
    if (value === undefined) return;
    const v = read(value);
    if (v === undefined) warn(field, value);
    else record[key] = v;
  };
  put('dateOfBirth', 'DOB', get('dob'), reportDate);
  put('sex', 'Gender', get('sex'), (s) => ({ M: 'M', MALE: 'M', F: 'F', FEMALE: 'F' })[s.trim().toUpperCase()]);
  put('fsm', 'FSM', get('fsm'), flag);
  put('fsm6', 'FSM6', get('fsm6'), flag);
  put('eal', 'EAL', get('eal'), flag);
  put('lookedAfter', 'In Care', get('lookedAfter'), flag);
  put('sen', 'SEN', get('sen'), senOf);
  put('ethnicity', 'Ethnicity', get('ethnicity'), (s) => (/^[A-Z]{4}$/.test(s.trim().toUpperCase()) ? s.trim().toUpperCase() : undefined));
  put('enrolmentStatus', 'Enrolment Status', get('status'), statusOf);
  put('admissionDate', 'Admission Date', get('admission'), reportDate);
  put('leavingDate', 'Leaving Date', get('leaving'), reportDate);
  if (!CanonicalPupil.is(record)) return { issues: [...issues, { code: 'sims/bad-value', severity: 'error', message: 'the student record does not decode; rejected', ...at(w) }] };
  return { pupil: record, issues };
};

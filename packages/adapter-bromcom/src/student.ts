/**
 * A `StudentFlatView` row as a canonical enrolment (reference/mis-formats.md §4.3, third-party
 * contract, field names SOLID there, values partly inferred). Names, emails and contacts are never
 * read. The pupil id is Bromcom's `StudentId` (the only key attendance rows carry; the canonical
 * pupil has no UPN field). Required: `StudentId`, `YearGroup`. Optional characteristics are kept
 * when understood, else left unknown with a warning.
 *
 * @module
 */
import { zodIssues } from '@attendance-kit/adapter-kit';
import { CanonicalPupil, YEAR_GROUPS, type Issue } from '@attendance-kit/core';
import { z } from 'zod';
import { bromcomDate, flagValue, textField, type Fields } from './fields.js';

/** Where issues point. */
export interface Where {
  readonly file: string;
  readonly path?: string;
}

const Required = z.object({
  StudentId: z.string().min(1).max(64).regex(/^[^\r\n]+$/),
  YearGroup: z.enum(YEAR_GROUPS),
});

/**
 * `Year 7`, `07`, `Reception`, `Nursery 1` as canonical year groups (inferred variants: §4.3 only
 * says "numeric for NC years").
 * @example yearGroupText('Year 07') // '7'
 */
export const yearGroupText = (s: string | undefined): string | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim().toUpperCase().replace(/^(YEAR|YR|Y)\s*/, '');
  if (t === 'RECEPTION' || t === 'REC') return 'R';
  const n = /^(?:NURSERY|NUR|N)\s*([12])$/.exec(t);
  if (n !== null) return `N${n[1]}`;
  return /^\d+$/.test(t) ? String(Number(t)) : t;
};

/** SEN from ProvisionName (inferred): N/K/E letters or the usual wordings. */
const senOf = (s: string): 'N' | 'K' | 'E' | undefined => {
  const t = s.toUpperCase();
  if (t === 'N' || t === 'K' || t === 'E') return t;
  if (/^(NO\b|NONE|NOT SEN)/.test(t)) return 'N';
  if (/EHC|EDUCATION,? HEALTH|STATEMENT/.test(t)) return 'E';
  if (/SEN SUPPORT|^SUPPORT/.test(t)) return 'K';
  return undefined;
};

const STATES: Readonly<Record<string, 'C' | 'M' | 'S' | 'G'>> = { C: 'C', M: 'M', S: 'S', G: 'G', SINGLE: 'C', CURRENT: 'C', MAIN: 'M', SUBSIDIARY: 'S', GUEST: 'G' };

const at = (w: Where, field: string): { file: string; field: string } => ({ file: w.file, field: w.path === undefined ? field : `${w.path}.${field}` });

/**
 * The enrolment of a StudentFlatView row at `schoolUrn`, or undefined with an error issue when a
 * required field is missing or bad.
 */
export const studentOf = (f: Fields, schoolUrn: string, where: Where): { readonly pupil?: CanonicalPupil; readonly issues: readonly Issue[] } => {
  const required = { StudentId: textField(f, 'studentid'), YearGroup: yearGroupText(textField(f, 'yeargroup')) };
  const parsed = Required.safeParse(required, { reportInput: true });
  if (!parsed.success) {
    return { issues: zodIssues(parsed.error, { namespace: 'bromcom', file: where.file, input: required, codeFor: (i) => (i.code === 'too_big' ? 'bad-value' : undefined) }).map((i) => ({ ...i, ...(where.path === undefined ? {} : { field: `${where.path}.${i.field ?? ''}` }) })) };
  }
  const issues: Issue[] = [];
  const warn = (field: string, value: string): void => {
    issues.push({ code: 'bromcom/bad-characteristic', severity: 'warning', message: `${field} ${JSON.stringify(value)} is not understood; left unknown`, ...at(where, field) });
  };
  const record: Record<string, unknown> = { schoolUrn, pupilId: parsed.data.StudentId, yearGroup: parsed.data.YearGroup, enrolmentStatus: 'C' };
  const date = (field: string, key: string, name: string): void => {
    const v = textField(f, name);
    if (v === undefined) return;
    const d = bromcomDate(v);
    if (d === undefined) warn(field, v);
    else record[key] = d;
  };
  date('DateOfBirth', 'dateOfBirth', 'dateofbirth');
  date('EnrolmentStartDate', 'admissionDate', 'enrolmentstartdate');
  date('EnrolmentEndDate', 'leavingDate', 'enrolmentenddate');
  const gender = textField(f, 'gendercode', 'gender')?.toUpperCase();
  if (gender === 'M' || gender === 'F') record['sex'] = gender;
  else if (gender === 'MALE' || gender === 'FEMALE') record['sex'] = gender[0];
  else if (gender !== undefined && gender !== 'U' && gender !== 'X') warn('GenderCode', gender);
  const ethnicity = textField(f, 'ethnicitycode')?.toUpperCase();
  if (ethnicity !== undefined) {
    if (/^[A-Z]{4}$/.test(ethnicity)) record['ethnicity'] = ethnicity;
    else warn('EthnicityCode', ethnicity);
  }
  const provision = textField(f, 'provisionname');
  if (provision !== undefined) {
    const sen = senOf(provision);
    if (sen === undefined) warn('ProvisionName', provision);
    else record['sen'] = sen;
  }
  const state = textField(f, 'enrolmentstatename');
  if (state !== undefined) {
    const s = STATES[state.toUpperCase()];
    if (s === undefined) warn('EnrolmentStateName', state);
    else record['enrolmentStatus'] = s;
  }
  const flags: readonly (readonly [string, string, string])[] = [
    ['EverFsm6Flag', 'everfsm6flag', 'fsm6'],
    ['InCareFlag', 'incareflag', 'lookedAfter'],
    ['EalFlag', 'ealflag', 'eal'],
    ['FsmFlag', 'fsmflag', 'fsm'],
  ];
  for (const [field, name, key] of flags) {
    const v = flagValue(f.get(name));
    if (v === 'bad') warn(field, String(f.get(name)));
    else if (v !== undefined) record[key] = v;
  }
  if (!CanonicalPupil.is(record)) return { issues: [...issues, { code: 'bromcom/bad-value', severity: 'error', message: 'the student record does not decode', ...at(where, 'StudentId') }] };
  return { pupil: record, issues };
};

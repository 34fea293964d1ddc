/**
 * A CTF `<Pupil>` as a canonical enrolment. Names are never read. Required: UPN (the pupil id)
 * and NCyearActual (the year group); without them the pupil and its marks are rejected. Optional
 * characteristics are kept when understood and otherwise left unknown with a warning, never guessed.
 *
 * Element names (reference/mis-formats.md §6, from a CTF 25 parser, one source, unverified):
 * `UPN`, `DOB`, `Gender`, `NCyearActual`, `Ethnicity`, `InCare`, `SENprovision` (or `SENstatus`),
 * `FSMhistory` with episodes holding `FSMstartDate` / `FSMendDate`, `EnrolStatus`.
 *
 * @module
 */
import { zodIssues } from '@attendance-kit/adapter-kit';
import { CanonicalPupil, isIsoDate, YEAR_GROUPS, type Issue } from '@attendance-kit/core';
import { z } from 'zod';
import { children, text, textOf, type XmlValue } from './xml.js';

/** Where issues point. */
export interface Where {
  readonly file: string;
  readonly line?: number;
}

const at = (w: Where): { file: string; line?: number } => (w.line === undefined ? { file: w.file } : { file: w.file, line: w.line });

/** The required fields, checked with zod so messages name the field and the value. */
const Required = z.object({
  UPN: z.string().min(1).max(64).regex(/^[^\r\n]+$/),
  NCyearActual: z.enum(YEAR_GROUPS),
});

/** `07` → `7`, `r` → `R`: year groups as MIS write them. */
const yearGroupText = (s: string | undefined): string | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim().toUpperCase().replace(/^YEAR\s*/, '');
  return /^\d+$/.test(t) ? String(Number(t)) : t;
};

const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;

/** FSM eligibility on `asAt` from the episodes of FSMhistory; undefined when there is no history or no date. */
const fsmOn = (pupil: XmlValue, asAt: string | undefined, warn: (field: string, value: string) => void): boolean | undefined => {
  const history = children(pupil, 'FSMhistory');
  if (history.length === 0 || asAt === undefined) return undefined;
  let eligible = false;
  for (const h of history) {
    const episodes = typeof h === 'string' ? [] : Object.values(h).flatMap((v) => (Array.isArray(v) ? (v as XmlValue[]) : [v as XmlValue]));
    for (const e of [h, ...episodes]) {
      const start = text(e, 'FSMstartDate');
      if (start === undefined) continue;
      const end = text(e, 'FSMendDate');
      if (!isIsoDate(start) || (end !== undefined && !isIsoDate(end))) {
        warn('FSMstartDate', `${start}..${end ?? ''}`);
        continue;
      }
      if (start <= asAt && (end === undefined || end >= asAt)) eligible = true;
    }
  }
  return eligible;
};

/**
 * The enrolment of a `<Pupil>` at school `schoolUrn`, or undefined (with an error issue) when a
 * required field is missing or bad. `asAt` is the CTF's DateTime date: FSM is eligibility on it.
 */
export const pupilOf = (
  pupil: XmlValue,
  schoolUrn: string,
  asAt: string | undefined,
  where: Where,
): { readonly pupil?: CanonicalPupil; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  const required = { UPN: text(pupil, 'UPN'), NCyearActual: yearGroupText(text(pupil, 'NCyearActual')) };
  const parsed = Required.safeParse(required, { reportInput: true });
  if (!parsed.success) return { issues: zodIssues(parsed.error, { namespace: 'ctf', ...at(where), input: required, codeFor: (i) => (i.code === 'too_big' ? 'bad-value' : undefined) }) };
  const { UPN: upn, NCyearActual: yearGroup } = parsed.data;
  if (!UPN.test(upn)) issues.push({ code: 'ctf/unusual-upn', severity: 'warning', message: `UPN ${JSON.stringify(upn)} is not a letter, 11 digits and a check character; kept as the pupil id`, ...at(where), field: 'UPN' });
  const warn = (field: string, value: string): void => {
    issues.push({ code: 'ctf/bad-characteristic', severity: 'warning', message: `${field} ${JSON.stringify(value)} is not understood; left unknown`, ...at(where), field });
  };
  const record: Record<string, unknown> = { schoolUrn, pupilId: upn, yearGroup, enrolmentStatus: 'C' };
  const dob = text(pupil, 'DOB');
  if (dob !== undefined) {
    if (isIsoDate(dob)) record['dateOfBirth'] = dob;
    else warn('DOB', dob);
  }
  const gender = text(pupil, 'Gender')?.toUpperCase();
  if (gender === 'M' || gender === 'F') record['sex'] = gender;
  else if (gender !== undefined && gender !== 'U' && gender !== 'X') warn('Gender', gender);
  const ethnicity = text(pupil, 'Ethnicity')?.toUpperCase();
  if (ethnicity !== undefined) {
    if (/^[A-Z]{4}$/.test(ethnicity)) record['ethnicity'] = ethnicity;
    else warn('Ethnicity', ethnicity);
  }
  const inCare = text(pupil, 'InCare')?.toUpperCase();
  if (inCare !== undefined) {
    if (inCare === 'Y' || inCare === 'TRUE' || inCare === '1') record['lookedAfter'] = true;
    else if (inCare === 'N' || inCare === 'FALSE' || inCare === '0') record['lookedAfter'] = false;
    else warn('InCare', inCare);
  }
  const sen = textOf(pupil, ['SENprovision', 'SENstatus'])?.toUpperCase();
  if (sen !== undefined) {
    if (sen === 'N' || sen === 'K' || sen === 'E') record['sen'] = sen;
    else warn('SENprovision', sen);
  }
  const status = text(pupil, 'EnrolStatus')?.toUpperCase();
  if (status !== undefined) {
    if (status === 'C' || status === 'M' || status === 'S' || status === 'G') record['enrolmentStatus'] = status;
    else warn('EnrolStatus', status);
  }
  const fsm = fsmOn(pupil, asAt, warn);
  if (fsm !== undefined) record['fsm'] = fsm;
  if (!CanonicalPupil.is(record)) return { issues: [...issues, { code: 'ctf/bad-value', severity: 'error', message: 'the pupil record does not decode', ...at(where) }] };
  return { pupil: record, issues };
};

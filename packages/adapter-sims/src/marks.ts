/**
 * One SIMS `SessionAttendance` as a canonical mark (reference/mis-formats.md §5.1, §5.4):
 * - the pupil: `PersonID` mapped to a UPN by the folder's student lists (or a `UPN` in the record
 *   itself, an INFERRED variant of the extended read);
 * - the date: `AttendanceDate`, `YYYY-MM-DD`, optionally with a time (`2010-01-04T00:00:00`, as
 *   .NET writes dates); any other form is rejected, never reinterpreted;
 * - the session: `SessionName` AM or PM;
 * - the code: the display code `AttendanceMark` mapped through the code list's
 *   `Statutory_Return_Code` (classified on the statutory code, never the display code); an empty
 *   mark is `-`, SIMS's "no mark" (§5.1); the statutory code must be in force on the date;
 * - `MinsLate` as minutes late when a whole number.
 *
 * @module
 */
import { type CanonicalMark, isCodeInForce, isIsoDate, regimeOn, CODE_ID, type Issue } from '@attendance-kit/core';
import type { CodeMapping, PersonMapping } from './companions.js';
import { displayOf, personIdOf, type Fields } from './xml.js';

/** Where issues point. */
export interface Where {
  readonly file: string;
  readonly line?: number;
}

const at = (w: Where, field?: string): { file: string; line?: number; field?: string } => ({
  file: w.file,
  ...(w.line === undefined ? {} : { line: w.line }),
  ...(field === undefined ? {} : { field }),
});

/** The mark of a session, or the issue that rejects it (and any warnings). */
export type MarkResult = { readonly mark?: CanonicalMark; readonly issues: readonly Issue[] };

const reject = (w: Where, code: string, message: string, field?: string): MarkResult => ({ issues: [{ code, severity: 'error', message, ...at(w, field) }] });

/** The mark of one session attendance at school `schoolUrn`. */
export const markOf = (fields: Fields, code: CodeMapping, person: PersonMapping, schoolUrn: string, w: Where): MarkResult => {
  const pid = personIdOf(fields);
  const ownUpn = fields['UPN']?.toUpperCase();
  const rawDate = fields['AttendanceDate'];
  const rawSession = fields['SessionName'];
  const missing = [pid === undefined && ownUpn === undefined ? 'PersonID' : '', rawDate === undefined || rawDate === '' ? 'AttendanceDate' : '', rawSession === undefined || rawSession === '' ? 'SessionName' : ''].filter((m) => m !== '');
  if (missing.length > 0) return reject(w, 'sims/missing-field', `the session attendance has no ${missing.join(', ')}; rejected`, missing[0]);
  const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$/.test(rawDate as string) ? (rawDate as string).slice(0, 10) : '';
  if (!isIsoDate(date)) return reject(w, 'sims/bad-date', `AttendanceDate ${JSON.stringify(rawDate)} is not a YYYY-MM-DD date; rejected`, 'AttendanceDate');
  const session = (rawSession as string).trim().toUpperCase();
  if (session !== 'AM' && session !== 'PM') return reject(w, 'sims/bad-session', `SessionName ${JSON.stringify(rawSession)} is not AM or PM; rejected`, 'SessionName');
  let pupilId: string;
  if (ownUpn !== undefined && ownUpn !== '') pupilId = ownUpn;
  else if (person.upns.length === 1) pupilId = person.upns[0] as string;
  else if (person.upns.length === 0) {
    const why = person.lists === 0 ? 'there is no student list (SuperStarReport with PersonID and UPN columns) in its folder' : 'no student list in its folder gives it a UPN';
    return reject(w, 'sims/unknown-person', `PersonID ${JSON.stringify(pid)}: ${why}; its mark is rejected`, 'PersonID');
  } else return reject(w, 'sims/conflicting-person', `PersonID ${JSON.stringify(pid)} has several UPNs in the student lists (${person.upns.join(', ')}); its mark is rejected`, 'PersonID');
  const display = displayOf(fields);
  let statutory: string;
  if (display === '' || display === '-') statutory = '-';
  else if (code.statutory.length === 1) statutory = code.statutory[0] as string;
  else if (code.lists === 0) return reject(w, 'sims/no-code-list', `display code ${JSON.stringify(display)} cannot be mapped: no attendance code list in the marks file's folder; rejected`, 'AttendanceMark');
  else if (code.statutory.length === 0)
    return reject(w, 'sims/unmapped-code', `display code ${JSON.stringify(display)} ${code.listed ? 'has no Statutory_Return_Code in the code list' : 'is not in the code list'}; rejected, not guessed`, 'AttendanceMark');
  else return reject(w, 'sims/conflicting-code-mapping', `display code ${JSON.stringify(display)} maps to ${code.statutory.join(' and ')} in different code lists; rejected`, 'AttendanceMark');
  if (!CODE_ID.has(statutory)) return reject(w, 'sims/unknown-code', `display code ${JSON.stringify(display)} maps to ${JSON.stringify(statutory)}, which is no DfE register code; rejected`, 'AttendanceMark');
  const regime = regimeOn(date);
  if (!isCodeInForce(statutory, regime)) return reject(w, 'sims/code-not-in-force', `${JSON.stringify(statutory)} (display ${JSON.stringify(display)}) on ${date} ${session} is not a code of the ${regime} regulations; rejected`, 'AttendanceMark');
  const issues: Issue[] = [];
  const mark: Record<string, unknown> = { schoolUrn, pupilId, date, session, code: statutory };
  const late = fields['MinsLate'];
  if (late !== undefined && late !== '') {
    if (/^\d{1,5}$/.test(late) && Number(late) < 0xffff) mark['minutesLate'] = Number(late);
    else issues.push({ code: 'sims/bad-characteristic', severity: 'warning', message: `MinsLate ${JSON.stringify(late)} is not whole minutes; left out`, ...at(w, 'MinsLate') });
  }
  if ((statutory === '/' && session === 'PM') || (statutory === '\\' && session === 'AM')) {
    issues.push({ code: 'sims/present-mark-session', severity: 'warning', message: `${statutory} on a ${session} session; kept as present`, ...at(w, 'AttendanceMark') });
  }
  // Every field is valid by construction (school decoded, date checked, AM/PM, code checked against
  // the register table) except the pupil id's length, so the full io-ts codec (several us a mark)
  // is not run on each of millions of marks; the conformance kit decodes every one (CONF-4).
  if ([...pupilId].length > 64) return reject(w, 'sims/bad-value', 'the UPN is longer than 64 characters; the mark is rejected', 'UPN');
  return { mark: mark as CanonicalMark, issues };
};

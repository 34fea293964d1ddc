/**
 * The `arbor-bi` adapter's pure step. Items counted: each data row of a table (a mark, a student,
 * a school), each row that is not a CSV record of its header, an unreadable or unrecognised file,
 * and, when the folder has no school table, one school per file (from the options).
 *
 * Marks: the statutory code is RAW_MARK, "DfE Attendance mark code" (§3.4), used only when it is a
 * statutory code; MARK_CODE (`PRESENT_AM`) names it in messages and gives the session when PERIOD
 * is empty. The IS_* flags are checked against the code's category (a warning when they differ).
 * The pupil id is `APPLICATION_ID:STUDENT_ID` (Arbor: "concatenated with STUDENT_ID to get a
 * unique value across MAT data"), or STUDENT_ID when there is no APPLICATION_ID.
 *
 * @module
 */
import type { AdapterOptions, CanonicalRecord, Normalized, RawRecord } from '@attendance-kit/adapter-kit';
import { CanonicalPupil, CODE_ID, isCodeInForce, PupilId, regimeOn, Urn, type CanonicalMark, type Issue } from '@attendance-kit/core';
import type { ArborBiIssueCode } from '../issue-codes.js';
import { optionUrn, phaseOf, schoolFrom } from '../shared/school.js';
import { boolOf, dateOf, flagsDisagree, minutesOf, senOf, sexOf, yearGroupOf } from '../shared/values.js';
import type { BiRaw, SchoolFound } from './read.js';

const SCHOOL_CODES = { urn: 'arbor-bi/missing-school-urn', la: 'arbor-bi/missing-la-code', phase: 'arbor-bi/missing-phase', bad: 'arbor-bi/bad-school' } as const;

interface Where {
  readonly file: string;
  readonly line: number | undefined;
}

const issue = (code: ArborBiIssueCode, severity: Issue['severity'], message: string, w: Where, field?: string): Issue => ({
  code,
  severity,
  message,
  file: w.file,
  ...(w.line === undefined ? {} : { line: w.line }),
  ...(field === undefined ? {} : { field }),
});
const rejected = (i: Issue | undefined): Normalized => ({ records: [], issues: i === undefined ? [] : [i], read: 1, rejected: 1 });

/** The URN of a row, or the issue rejecting it (undefined issue: the file record already says why). */
const urnOf = (school: SchoolFound, options: AdapterOptions, w: Where): { readonly urn: string } | { readonly issue: Issue | undefined } => {
  if (school._tag === 'found') {
    return Urn.is(school.urn) ? { urn: school.urn } : { issue: issue('arbor-bi/bad-school', 'error', `the school table gives URN ${JSON.stringify(school.urn)} (not 6 or 7 digits) for this row's APPLICATION_ID; rejected`, w) };
  }
  if (school._tag === 'conflict') return { issue: issue('arbor-bi/conflicting-school', 'error', `APPLICATION_ID ${JSON.stringify(school.applicationId)} maps to two URNs in the folder's school tables; rejected`, w) };
  const option = optionUrn(options);
  if (option !== undefined) return { urn: option };
  return { issue: school.tables ? issue('arbor-bi/missing-school-urn', 'error', "the row's APPLICATION_ID is in no school table and no --school-urn was given; rejected", w) : undefined };
};

const pupilIdOf = (studentId: string, applicationId: string): string | undefined => {
  if (studentId === '') return undefined;
  const id = applicationId === '' ? studentId : `${applicationId}:${studentId}`;
  return PupilId.is(id) && !/[\r\n]/.test(id) ? id : undefined;
};

const sessionOf = (period: string, markCode: string): 'AM' | 'PM' | undefined => {
  const p = period.toUpperCase();
  if (p === 'MORNING' || p === 'AM') return 'AM';
  if (p === 'AFTERNOON' || p === 'PM') return 'PM';
  const m = /_(AM|PM)$/i.exec(markCode);
  return m === null ? undefined : ((m[1] as string).toUpperCase() as 'AM' | 'PM');
};

const markRow = (v: readonly string[], school: SchoolFound, options: AdapterOptions, w: Where): Normalized => {
  const [studentId = '', applicationId = '', rawMark = '', markCode = '', minutesText = '', period = '', dateText = '', isPresent = '', isAuth = '', isUnauth = '', isPossible = ''] = v;
  const u = urnOf(school, options, w);
  if (!('urn' in u)) return rejected(u.issue);
  const pupilId = pupilIdOf(studentId, applicationId);
  if (pupilId === undefined) return rejected(issue('arbor-bi/missing-field', 'error', 'STUDENT_ID is empty or not a usable id; rejected', w, 'STUDENT_ID'));
  if (dateText === '') return rejected(issue('arbor-bi/missing-field', 'error', 'DATE is empty; rejected', w, 'DATE'));
  const date = dateOf(dateText);
  if (date === undefined) return rejected(issue('arbor-bi/bad-date', 'error', `DATE ${JSON.stringify(dateText)} is not YYYY-MM-DD; rejected`, w, 'DATE'));
  const session = sessionOf(period, markCode);
  if (session === undefined) {
    return period === '' && markCode === ''
      ? rejected(issue('arbor-bi/missing-field', 'error', 'PERIOD is empty and MARK_CODE gives no session; rejected', w, 'PERIOD'))
      : rejected(issue('arbor-bi/bad-period', 'error', `PERIOD ${JSON.stringify(period)} is not MORNING or AFTERNOON and MARK_CODE ${JSON.stringify(markCode)} has no _AM/_PM suffix; rejected`, w, 'PERIOD'));
  }
  const raw = rawMark === '' && markCode === '' ? '-' : rawMark;
  if (!CODE_ID.has(raw)) {
    return rejected(issue('arbor-bi/no-statutory-mapping', 'error', `RAW_MARK ${JSON.stringify(rawMark)}${markCode === '' ? '' : ` (MARK_CODE ${JSON.stringify(markCode)})`} on ${date} is no statutory code; rejected, not guessed`, w, 'RAW_MARK'));
  }
  // `/` and `\` both mean present (§8.4): the session's own symbol is written.
  const code = raw === '/' || raw === '\\' ? (session === 'AM' ? '/' : '\\') : raw;
  if (!isCodeInForce(code, regimeOn(date))) return rejected(issue('arbor-bi/code-not-in-force', 'error', `RAW_MARK ${JSON.stringify(code)} on ${date} is not a code of the ${regimeOn(date)} regulations; rejected`, w, 'RAW_MARK'));
  const issues: Issue[] = [];
  const flags: { present?: boolean; authorised?: boolean; unauthorised?: boolean; possible?: boolean } = {};
  const present = boolOf(isPresent);
  const authorised = boolOf(isAuth);
  const unauthorised = boolOf(isUnauth);
  const possible = boolOf(isPossible);
  if (present !== undefined) flags.present = present;
  if (authorised !== undefined) flags.authorised = authorised;
  if (unauthorised !== undefined) flags.unauthorised = unauthorised;
  if (possible !== undefined) flags.possible = possible;
  if (flagsDisagree(code, flags)) issues.push(issue('arbor-bi/flags-disagree', 'warning', `the IS_* flags disagree with RAW_MARK ${JSON.stringify(code)}; the code is used`, w));
  const minutes = minutesOf(minutesText);
  if (minutes === 'bad') issues.push(issue('arbor-bi/bad-minutes-late', 'warning', `MINUTES_LATE ${JSON.stringify(minutesText)} is not a whole number of minutes; left out`, w, 'MINUTES_LATE'));
  // Every part is checked above (URN, PupilId, real date, statutory code in force, minutes), so the
  // codec is not run again per mark: it is the hot path (the conformance kit decodes every record).
  const mark = { schoolUrn: u.urn, pupilId, date, session, code, ...(typeof minutes === 'number' ? { minutesLate: minutes } : {}) } as CanonicalMark;
  return { records: [{ _tag: 'mark', mark }], issues, read: 1, rejected: 0 };
};

const STUDENT_FIELDS = ['STUDENT_ID', 'APPLICATION_ID', 'YEAR_GROUP', 'DATE_OF_BIRTH', 'GENDER', 'ETHNICITY', 'FSM', 'FSM6', 'EAL', 'SEN', 'LOOKED_AFTER', 'ADMISSION_DATE', 'LEAVING_DATE'];

const studentRow = (v: readonly string[], school: SchoolFound, options: AdapterOptions, w: Where): Normalized => {
  const u = urnOf(school, options, w);
  if (!('urn' in u)) return rejected(u.issue);
  const at = (name: string): string => v[STUDENT_FIELDS.indexOf(name)] ?? '';
  const pupilId = pupilIdOf(at('STUDENT_ID'), at('APPLICATION_ID'));
  if (pupilId === undefined) return rejected(issue('arbor-bi/missing-field', 'error', 'STUDENT_ID is empty or not a usable id; rejected', w, 'STUDENT_ID'));
  if (at('YEAR_GROUP') === '') return rejected(issue('arbor-bi/missing-field', 'error', 'the year group is empty; rejected', w, 'YEAR_GROUP'));
  const yearGroup = yearGroupOf(at('YEAR_GROUP'));
  if (yearGroup === undefined) return rejected(issue('arbor-bi/bad-value', 'error', `year group ${JSON.stringify(at('YEAR_GROUP'))} is not understood; rejected`, w, 'YEAR_GROUP'));
  const issues: Issue[] = [];
  const opt = <T>(name: string, parse: (s: string) => T | undefined): T | undefined => {
    const s = at(name);
    if (s === '') return undefined;
    const value = parse(s);
    if (value === undefined) issues.push(issue('arbor-bi/bad-characteristic', 'warning', `${name} ${JSON.stringify(s)} is not understood; left unknown`, w, name));
    return value;
  };
  const dateOfBirth = opt('DATE_OF_BIRTH', dateOf);
  const sex = opt('GENDER', sexOf);
  const ethnicity = opt('ETHNICITY', (s) => (/^[A-Z]{4}$/.test(s) ? s : undefined));
  const fsm = opt('FSM', boolOf);
  const fsm6 = opt('FSM6', boolOf);
  const eal = opt('EAL', boolOf);
  const sen = opt('SEN', senOf);
  const lookedAfter = opt('LOOKED_AFTER', boolOf);
  const admissionDate = opt('ADMISSION_DATE', dateOf);
  const leavingDate = opt('LEAVING_DATE', dateOf);
  const pupil = {
    schoolUrn: u.urn,
    pupilId,
    yearGroup,
    enrolmentStatus: 'C',
    ...(dateOfBirth === undefined ? {} : { dateOfBirth }),
    ...(sex === undefined ? {} : { sex }),
    ...(fsm === undefined ? {} : { fsm }),
    ...(fsm6 === undefined ? {} : { fsm6 }),
    ...(eal === undefined ? {} : { eal }),
    ...(lookedAfter === undefined ? {} : { lookedAfter }),
    ...(sen === undefined ? {} : { sen }),
    ...(ethnicity === undefined ? {} : { ethnicity }),
    ...(admissionDate === undefined ? {} : { admissionDate }),
    ...(leavingDate === undefined ? {} : { leavingDate }),
  };
  if (!CanonicalPupil.is(pupil)) return rejected(issue('arbor-bi/bad-value', 'error', 'the student does not decode; rejected', w));
  return { records: [{ _tag: 'pupil', pupil }], issues, read: 1, rejected: 0 };
};

const schoolRow = (v: readonly string[], options: AdapterOptions, w: Where): Normalized => {
  const [urn = '', , la = '', name = '', phaseText = ''] = v;
  const phase = phaseText === '' ? options.phase : phaseOf(phaseText);
  if (phaseText !== '' && phase === undefined) return rejected(issue('arbor-bi/bad-school', 'error', `PHASE ${JSON.stringify(phaseText)} is not a canonical phase; rejected`, w, 'PHASE'));
  const laCode = la === '' ? options.laCode : la;
  const s = schoolFrom({ urn, laCode, phase, name }, SCHOOL_CODES, w.file, `The school table row ${w.line ?? ''}`.trim());
  const issues = s.issues.map((i) => ({ ...i, ...(w.line === undefined ? {} : { line: w.line }) }));
  return s.school === undefined ? { records: [], issues, read: 1, rejected: 1 } : { records: [{ _tag: 'school', school: s.school }], issues, read: 1, rejected: 0 };
};

/**
 * Normalizes one raw BI Connector record. Pure: never throws, never mutates `raw`.
 * @example normalizeArborBi({ file: 'a.csv', data: { _tag: 'problem', code: 'arbor-bi/empty-file', message: 'empty' } }, {}).rejected // 1
 */
export const normalizeArborBi = (raw: RawRecord<BiRaw>, options: AdapterOptions): Normalized => {
  const data = raw.data;
  const w: Where = { file: raw.file, line: raw.line };
  switch (data._tag) {
    case 'problem':
      return rejected(issue(data.code, 'error', data.message, w));
    case 'file': {
      const issues: Issue[] = [];
      if (data.notUtf8) issues.push(issue('arbor-bi/not-utf8', 'warning', 'the file is not valid UTF-8; rows that are not were read as Latin-1', w));
      if (!data.optionsSchool || data.table === 'school') return { records: [], issues, read: 0, rejected: 0 };
      const s = schoolFrom({ urn: options.schoolUrn, laCode: options.laCode, phase: options.phase }, SCHOOL_CODES, raw.file, 'This BI export has no school table and');
      issues.push(...s.issues);
      const records: CanonicalRecord[] = s.school === undefined ? [] : [{ _tag: 'school', school: s.school }];
      return { records, issues, read: 1, rejected: 1 - records.length };
    }
    case 'row':
      return data.table === 'attendance' ? markRow(data.values, data.school, options, w) : data.table === 'student' ? studentRow(data.values, data.school, options, w) : schoolRow(data.values, options, w);
  }
};

/**
 * The `arbor` adapter's pure step: one raw record to canonical records and issues. Items counted:
 * the school (one per file: REST entities do not name it, so it comes from the options), each
 * student, each session mark (AttendanceRecord of a morning or afternoon register, or
 * AttendanceRollCallRecord), each entity of another type, and an unreadable file.
 *
 * A mark's statutory code is its AttendanceMark's symbol (§3.2), never the mark's own name: a
 * mark whose AttendanceMark is missing, conflicting or has no statutory symbol is rejected by
 * name. `/` and `\` are both "present" (reference/mis-formats.md §8.4): Arbor records one present
 * mark for both sessions, so it is written as the session's own symbol (`/` AM, `\` PM).
 *
 * @module
 */
import type { AdapterOptions, CanonicalRecord, Normalized, RawRecord } from '@attendance-kit/adapter-kit';
import { CanonicalPupil, type CanonicalMark, CODE_ID, isCodeInForce, PupilId, regimeOn, Urn, type Issue } from '@attendance-kit/core';
import type { ArborIssueCode } from '../issue-codes.js';
import { schoolFrom } from '../shared/school.js';
import { boolOf, dateOf, flagsDisagree, minutesOf, senOf, sexOf, yearGroupOf } from '../shared/values.js';
import { field, refId } from './entity.js';
import type { Found } from './lookups.js';
import type { ArborRaw } from './read.js';

const SCHOOL_CODES = { urn: 'arbor/missing-school-urn', la: 'arbor/missing-la-code', phase: 'arbor/missing-phase', bad: 'arbor/bad-school' } as const;

type Where = { readonly file: string; readonly field: string };

const issue = (code: ArborIssueCode, severity: Issue['severity'], message: string, w: Where): Issue => ({ code, severity, message, file: w.file, field: w.field });
const rejected = (i: Issue): Normalized => ({ records: [], issues: [i], read: 1, rejected: 1 });

const okPupilId = (id: string | undefined): id is string => id !== undefined && PupilId.is(id) && !/[\r\n]/.test(id);

const lookupProblem = (f: Exclude<Found<unknown>, { _tag: 'found' }>, what: string, code: ArborIssueCode, w: Where): Issue =>
  f._tag === 'conflict'
    ? issue('arbor/conflicting-lookup', 'error', `${what} ${JSON.stringify(f.ref)} is defined differently by two files of the export folder; rejected`, w)
    : issue(code, 'error', f.ref === undefined ? `no ${what} given; rejected` : `${what} ${JSON.stringify(f.ref)} is not in the export folder; rejected`, w);

const normalizeMark = (raw: RawRecord<ArborRaw>, data: Extract<ArborRaw, { _tag: 'mark' }>, urn: string | undefined): Normalized => {
  const e = data.entity;
  const w: Where = { file: raw.file, field: raw.path ?? '' };
  if (urn === undefined) return { records: [], issues: [], read: 1, rejected: 1 }; // the file record says why
  if (data.kind === 'record' && boolOf(field(e, 'isRedundant')) === true) return rejected(issue('arbor/redundant-record', 'info', 'an AttendanceRecord marked isRedundant; not imported', w));
  const pupilId = refId(field(e, 'student'));
  if (!okPupilId(pupilId)) return rejected(issue('arbor/missing-field', 'error', 'the mark names no usable student; rejected', w));
  const dateField = data.kind === 'record' ? 'startDatetime' : 'recordDate';
  const dateValue = field(e, dateField) ?? (data.kind === 'rollcall' ? field(e, 'rollCallDateTime') : undefined);
  if (dateValue === undefined || dateValue === null || dateValue === '') return rejected(issue('arbor/missing-field', 'error', `${dateField} is missing; rejected`, w));
  const date = dateOf(dateValue);
  if (date === undefined) return rejected(issue('arbor/bad-date', 'error', `${dateField} ${JSON.stringify(dateValue)} is not a REST date or YYYY-MM-DD; rejected`, w));
  if (data.session._tag !== 'found') return rejected(lookupProblem(data.session, data.kind === 'record' ? 'register (or its type)' : 'roll call (or its register type)', 'arbor/unknown-register', w));
  const session = data.session.value;
  if (session === 'both' || session === 'neither') return rejected(issue('arbor/ambiguous-session', 'error', 'the register type says both isMorning and isAfternoon; rejected', w));
  if (data.mark._tag !== 'found') {
    if (data.mark._tag === 'missing' && data.mark.ref === undefined && field(e, 'attendanceMark') === undefined) return rejected(issue('arbor/missing-field', 'error', 'attendanceMark is missing; rejected', w));
    return rejected(lookupProblem(data.mark, 'AttendanceMark', 'arbor/unknown-mark', w));
  }
  const mark = data.mark.value;
  const symbol = mark.symbol?.trim();
  if (symbol === undefined || !CODE_ID.has(symbol)) {
    return rejected(issue('arbor/no-statutory-mapping', 'error', `AttendanceMark ${JSON.stringify(mark.name)}${mark.symbol === undefined ? ' has no attendanceMark symbol' : ` has symbol ${JSON.stringify(mark.symbol)}, no statutory code`} (${date}); rejected, not guessed`, w));
  }
  const code = symbol === '/' || symbol === '\\' ? (session === 'AM' ? '/' : '\\') : symbol;
  if (!isCodeInForce(code, regimeOn(date))) return rejected(issue('arbor/code-not-in-force', 'error', `AttendanceMark ${JSON.stringify(mark.name)} (${code}) on ${date} is not a code of the ${regimeOn(date)} regulations; rejected`, w));
  const issues: Issue[] = [];
  if (flagsDisagree(code, mark.flags)) issues.push(issue('arbor/flags-disagree', 'warning', `AttendanceMark ${JSON.stringify(mark.name)}: its statistical flags disagree with code ${JSON.stringify(code)}; the code is used`, w));
  const minutes = minutesOf(field(e, 'minutesLate'));
  if (minutes === 'bad') issues.push(issue('arbor/bad-minutes-late', 'warning', `minutesLate ${JSON.stringify(field(e, 'minutesLate'))} is not a whole number of minutes; left out`, w));
  // Every part is checked above (URN, PupilId, real date, statutory code in force, minutes), so the
  // codec is not run again per mark: it is the hot path (the conformance kit decodes every record).
  const record = { schoolUrn: urn, pupilId, date, session, code, ...(typeof minutes === 'number' ? { minutesLate: minutes } : {}) } as CanonicalMark;
  return { records: [{ _tag: 'mark', mark: record }], issues, read: 1, rejected: 0 };
};

const normalizeStudent = (raw: RawRecord<ArborRaw>, data: Extract<ArborRaw, { _tag: 'student' }>, urn: string | undefined): Normalized => {
  const w: Where = { file: raw.file, field: raw.path ?? '' };
  if (urn === undefined) return { records: [], issues: [], read: 1, rejected: 1 };
  if (!okPupilId(data.id)) return rejected(issue('arbor/missing-field', 'error', 'the student has no usable id (id or href); rejected', w));
  const f = data.facts;
  const yearText = f.yearGroup._tag === 'found' ? f.yearGroup.value : undefined;
  const yearGroup = yearGroupOf(yearText);
  if (yearGroup === undefined) {
    const why = f.yearGroup._tag === 'found' ? `its curriculum grade or level ${JSON.stringify(yearText)} is not a year group` : f.yearGroup._tag === 'conflict' ? `its academic level ${JSON.stringify(f.yearGroup.ref)} is defined twice` : 'no AcademicLevelMembership (with its level and grade) is in the export folder';
    return rejected(issue('arbor/unknown-year-group', 'error', `student ${data.id}: ${why}; rejected`, w));
  }
  const issues: Issue[] = [];
  const bad = (name: string, value: unknown): void => {
    issues.push(issue('arbor/bad-characteristic', 'warning', `student ${data.id}: ${name} ${JSON.stringify(value)} is not understood; left unknown`, { file: w.file, field: `${w.field}.${name}` }));
  };
  const sex = sexOf(f.gender);
  if (f.gender !== undefined && sex === undefined) bad('gender', f.gender);
  const dob = f.dateOfBirth === undefined ? undefined : dateOf(f.dateOfBirth);
  if (f.dateOfBirth !== undefined && dob === undefined) bad('dateOfBirth', f.dateOfBirth);
  const sen = f.sen === undefined ? undefined : senOf(f.sen);
  if (f.sen !== undefined && sen === undefined) bad('senStatus', f.sen);
  const ethnicity = f.ethnicity !== undefined && /^[A-Z]{4}$/.test(f.ethnicity) ? f.ethnicity : undefined;
  if (f.ethnicity !== undefined && ethnicity === undefined) bad('ethnicity', f.ethnicity);
  const pupil = {
    schoolUrn: urn,
    pupilId: data.id,
    yearGroup,
    enrolmentStatus: 'C',
    ...(dob === undefined ? {} : { dateOfBirth: dob }),
    ...(sex === undefined ? {} : { sex }),
    ...(f.fsm === undefined ? {} : { fsm: f.fsm }),
    ...(f.lookedAfter === undefined ? {} : { lookedAfter: f.lookedAfter }),
    ...(sen === undefined ? {} : { sen }),
    ...(ethnicity === undefined ? {} : { ethnicity }),
  };
  if (!CanonicalPupil.is(pupil)) return rejected(issue('arbor/missing-field', 'error', `student ${data.id} does not decode; rejected`, w));
  return { records: [{ _tag: 'pupil', pupil }], issues, read: 1, rejected: 0 };
};

/** The school of the options, or undefined. */
const urnOf = (options: AdapterOptions): string | undefined => (options.schoolUrn !== undefined && Urn.is(options.schoolUrn) ? options.schoolUrn : undefined);

/**
 * Normalizes one raw Arbor record. Pure: never throws, never mutates `raw`.
 * @example normalizeArbor({ file: 'a.json', data: { _tag: 'problem', code: 'arbor/bad-json', message: 'not JSON' } }, {}).rejected // 1
 */
export const normalizeArbor = (raw: RawRecord<ArborRaw>, options: AdapterOptions): Normalized => {
  const data = raw.data;
  const urn = urnOf(options);
  switch (data._tag) {
    case 'problem':
      return { records: [], issues: [{ code: data.code, severity: 'error', message: data.message, file: raw.file }], read: 1, rejected: 1 };
    case 'file': {
      const s = schoolFrom({ urn: options.schoolUrn, laCode: options.laCode, phase: options.phase }, SCHOOL_CODES, raw.file, 'Arbor REST JSON');
      const issues: Issue[] = [];
      if (data.notUtf8) issues.push({ code: 'arbor/not-utf8', severity: 'warning', message: 'the file is not valid UTF-8; read as Latin-1', file: raw.file });
      issues.push(...s.issues);
      if (data.entities === 0) issues.push({ code: 'arbor/empty-list', severity: 'info', message: 'the entity list is empty', file: raw.file });
      if (data.lessonRecords > 0) issues.push({ code: 'arbor/lesson-records', severity: 'info', message: `${data.lessonRecords} AttendanceRecords of lesson registers (neither morning nor afternoon) skipped`, file: raw.file });
      const records: CanonicalRecord[] = s.school === undefined ? [] : [{ _tag: 'school', school: s.school }];
      return { records, issues, read: 1, rejected: 1 - records.length };
    }
    case 'mark':
      return normalizeMark(raw, data, urn);
    case 'student':
      return normalizeStudent(raw, data, urn);
    case 'other': {
      const w: Where = { file: raw.file, field: raw.path ?? '' };
      return data.what === 'deleted'
        ? rejected(issue('arbor/deleted-entity', 'info', `a changelog entry deleting a ${data.kind ?? 'entity'}; not imported`, w))
        : rejected(issue('arbor/unrecognised-entity', 'error', data.kind === undefined ? 'not an entity (no object, or no entityType); rejected' : `a ${data.kind} is no entity this adapter reads; rejected`, w));
    }
  }
};

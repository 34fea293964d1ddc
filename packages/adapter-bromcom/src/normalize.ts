/**
 * The Bromcom adapter's pure step: one raw record (file problem, page, or row) to canonical records
 * and issues. Items counted: the school (one per page: Bromcom pages do not name it, so it comes
 * from the options), each StudentFlatView row, each non-empty day cell of a StudentAttendanceByWeek
 * row, and each Attendances row; an unreadable file or an unrecognised row counts as one.
 *
 * Each row is recognised by its content (reference/mis-formats.md §4): day columns (`MonAM`...)
 * make a weekly row, `Mark`/`ExportMark` an Attendances row, `Upn`/`YearGroup`/`DateOfBirth`/
 * `EnrolmentStateName`/`PreferredFirstName` a StudentFlatView row.
 *
 * @module
 */
import type { AdapterOptions, CanonicalRecord, Normalized, RawRecord } from '@attendance-kit/adapter-kit';
import { CanonicalSchool, PupilId, Urn, type Issue } from '@attendance-kit/core';
import { fieldsOf, textField, type Fields } from './fields.js';
import type { BromcomRaw } from './read.js';
import { attendanceMark, isAttendanceRow, isWeekRow, type RowMarks } from './marks.js';
import { weekMarks } from './marks.js';
import { studentOf, type Where } from './student.js';

const STUDENT_KEYS = ['upn', 'yeargroup', 'dateofbirth', 'enrolmentstatename', 'preferredfirstname', 'gendercode'];

/** Which entity a row belongs to, by its content. */
export const rowKind = (f: Fields): 'week' | 'attendance' | 'student' | undefined =>
  isWeekRow(f) ? 'week' : isAttendanceRow(f) ? 'attendance' : STUDENT_KEYS.some((k) => f.has(k)) ? 'student' : undefined;

/** The school of a page, from the options, or the issues saying what is missing. */
export const schoolOf = (options: AdapterOptions, file: string): { readonly school?: CanonicalSchool; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  if (options.schoolUrn === undefined) issues.push({ code: 'bromcom/missing-school-urn', severity: 'error', message: "Bromcom pages do not name the school's URN: give it (--school-urn); the pupils and marks of this file are rejected", file });
  if (options.laCode === undefined) issues.push({ code: 'bromcom/missing-la-code', severity: 'error', message: "Bromcom pages do not carry the school's LA code: give it (--la-code)", file });
  if (options.phase === undefined) issues.push({ code: 'bromcom/missing-phase', severity: 'error', message: "Bromcom pages do not say the school's phase: give it (--phase)", file });
  if (issues.length > 0) return { issues };
  const record = { urn: options.schoolUrn, laCode: options.laCode, phase: options.phase };
  if (!CanonicalSchool.is(record)) {
    return { issues: [{ code: 'bromcom/bad-school', severity: 'error', message: `school URN ${JSON.stringify(record.urn)} (6 or 7 digits), LA code ${JSON.stringify(record.laCode)} (3 digits) or phase ${JSON.stringify(record.phase)} is not valid`, file }] };
  }
  return { school: record, issues: [] };
};

const pupilIdOf = (f: Fields): string | undefined => {
  const id = textField(f, 'studentid');
  return id !== undefined && PupilId.is(id) && !/[\r\n]/.test(id) ? id : undefined;
};

const fromMarks = (r: RowMarks): Normalized => ({ records: r.marks.map((mark): CanonicalRecord => ({ _tag: 'mark', mark })), issues: r.issues, read: r.read, rejected: r.rejected });

const normalizeRow = (raw: RawRecord<BromcomRaw>, data: Extract<BromcomRaw, { _tag: 'row' }>, options: AdapterOptions): Normalized => {
  const where: Where = { file: raw.file, path: raw.path ?? `data[${data.index}]` };
  const row = data.row;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return { records: [], issues: [{ code: 'bromcom/unrecognised-row', severity: 'error', message: `${where.path} is not an object; rejected`, file: raw.file, field: where.path ?? '' }], read: 1, rejected: 1 };
  }
  const f = fieldsOf(row);
  const kind = rowKind(f);
  if (kind === undefined) {
    const keys = [...f.keys()].slice(0, 6).join(', ');
    return { records: [], issues: [{ code: 'bromcom/unrecognised-row', severity: 'error', message: `${where.path} (fields ${keys || 'none'}) is no StudentFlatView, StudentAttendanceByWeek or Attendances row; rejected`, file: raw.file, field: where.path ?? '' }], read: 1, rejected: 1 };
  }
  const urn = options.schoolUrn;
  // Without a usable URN nothing can be keyed; the page record carries the one issue saying so.
  const urnOk = urn !== undefined && Urn.is(urn);
  if (kind === 'student') {
    if (!urnOk) return { records: [], issues: [], read: 1, rejected: 1 };
    const s = studentOf(f, urn, where);
    return s.pupil === undefined ? { records: [], issues: s.issues, read: 1, rejected: 1 } : { records: [{ _tag: 'pupil', pupil: s.pupil }], issues: s.issues, read: 1, rejected: 0 };
  }
  const pupilId = pupilIdOf(f);
  const r = kind === 'week' ? weekMarks(f, urnOk ? urn : '', pupilId, data.pageWeekStart, where) : attendanceMark(f, urnOk ? urn : '', pupilId, where);
  if (!urnOk) return { records: [], issues: [], read: r.read, rejected: r.read };
  return fromMarks(r);
};

/**
 * Normalizes one raw Bromcom record. Pure: never throws, never mutates `raw`.
 * @example normalizeBromcom({ file: 'a.json', data: { _tag: 'problem', code: 'bromcom/bad-json', message: 'x', severity: 'error' } }, {}).rejected // 1
 */
export const normalizeBromcom = (raw: RawRecord<BromcomRaw>, options: AdapterOptions): Normalized => {
  const data = raw.data;
  switch (data._tag) {
    case 'problem': {
      const n = data.severity === 'error' ? 1 : 0;
      return { records: [], issues: [{ code: data.code, severity: data.severity, message: data.message, file: raw.file }], read: n, rejected: n };
    }
    case 'page': {
      const s = schoolOf(options, raw.file);
      const issues: Issue[] = [...s.issues];
      if (data.notUtf8) issues.unshift({ code: 'bromcom/not-utf8', severity: 'warning', message: 'the file is not valid UTF-8; read as Latin-1', file: raw.file });
      if (data.rows === 0) issues.push({ code: 'bromcom/empty-page', severity: 'info', message: 'the page holds no rows', file: raw.file });
      return s.school === undefined ? { records: [], issues, read: 1, rejected: 1 } : { records: [{ _tag: 'school', school: s.school }], issues, read: 1, rejected: 0 };
    }
    case 'row':
      return normalizeRow(raw, data, options);
  }
};

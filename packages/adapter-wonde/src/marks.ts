/**
 * An `attendance/session` row as a canonical mark. The read shape is INFERRED
 * (reference/mis-formats.md §2.6: no public payload), so both plausible shapes are read:
 *
 * - the reconstruction in §2.6: `{ student: "A58...", date: { date: "2023-02-27 00:00:00.000000",
 *   timezone_type: 3, timezone: "Europe/London" }, session: "AM", attendance_code: "A18...",
 *   minutes_late: 0, updated_at: {...} }`;
 * - the write-back mirror (§2.5): `{ student_id, date: "2023-02-27", session, attendance_code_id,
 *   minutes_late: "5" }`;
 *
 * and in either, `student` / `attendance_code` may be ids or `{ "data": {...} }` includes, and the
 * date a date object or a string. The code is resolved through the attendance code object (an
 * inline include, else the folder's `attendance-codes` page; codes.ts). `minutes_late` over 0 is
 * kept; `updated_at` (else `created_at`) becomes `recordedAt`, so the newest version of a mark
 * wins whatever the import order. Pure.
 *
 * @module
 */
import { PupilId, type CanonicalMark, type Issue, type Session } from '@attendance-kit/core';
import { markCode } from './codes.js';
import { field, has, idOf, included, isObj, text, wondeDate, wondeDateTime, type Obj } from './fields.js';
import type { Where } from './student.js';

/** What came of a mark row. */
export interface MarkResult {
  readonly mark?: CanonicalMark;
  readonly issues: readonly Issue[];
}

/**
 * `AM`/`PM` (any case; `Morning`/`Afternoon` accepted, inferred).
 * @example sessionOf('pm') // 'PM'
 */
export const sessionOf = (s: string): Session | undefined => {
  const t = s.trim().toUpperCase();
  if (t === 'AM' || t === 'MORNING') return 'AM';
  if (t === 'PM' || t === 'AFTERNOON') return 'PM';
  return undefined;
};

const minutesOf = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,5}\s*$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isInteger(n) && n > 0 && n < 0xffff ? n : undefined;
};

// reference/mis-formats.md §8.4: / and \ are both present whatever the session; the mismatch is a
// data-quality warning, not an error.
const wrongSession = (code: string, session: Session): boolean => (code === '/' && session === 'PM') || (code === '\\' && session === 'AM');

/**
 * The mark of a session row at `schoolUrn`; `folderCode` is the code object the row's id names in
 * its folder (undefined when none does).
 */
export const sessionMark = (row: Obj, folderCode: Obj | undefined, schoolUrn: string, where: Where): MarkResult => {
  const fail = (code: Issue['code'], f: string, message: string): MarkResult => ({ issues: [{ code, severity: 'error', message, file: where.file, field: `${where.path}.${f}` }] });
  const studentField = has(row, 'student') ? 'student' : 'student_id';
  const pupilId = idOf(field(row, studentField));
  if (pupilId === undefined) return fail('wonde/missing-field', studentField, 'the mark names no student (student / student_id); rejected');
  if (!PupilId.is(pupilId) || /[\r\n]/.test(pupilId)) return fail('wonde/bad-value', studentField, `student ${JSON.stringify(pupilId.slice(0, 70))} is not a usable id; the mark is rejected`);
  const dateValue = field(row, 'date');
  if (dateValue === undefined || dateValue === null || dateValue === '') return fail('wonde/missing-field', 'date', `the mark of student ${pupilId} has no date; rejected`);
  const date = wondeDate(dateValue);
  if (date === undefined) return fail('wonde/bad-value', 'date', `date ${JSON.stringify(dateValue).slice(0, 80)} of student ${pupilId} is not a date; the mark is rejected`);
  const sessionText = text(row, 'session');
  if (sessionText === undefined) return fail('wonde/missing-field', 'session', `the mark of student ${pupilId} on ${date} has no session; rejected`);
  const session = sessionOf(sessionText);
  if (session === undefined) return fail('wonde/bad-value', 'session', `session ${JSON.stringify(sessionText)} of student ${pupilId} on ${date} is not AM or PM; the mark is rejected`);
  const codeField = has(row, 'attendance_code') ? 'attendance_code' : 'attendance_code_id';
  const inline = included(row, 'attendance_code');
  const codeId = idOf(field(row, codeField));
  const codeObject = isObj(inline) && text(inline, 'code') !== undefined ? inline : folderCode;
  if (codeObject === undefined) {
    return codeId === undefined
      ? fail('wonde/missing-field', codeField, `the mark of student ${pupilId} on ${date} ${session} names no attendance code; rejected`)
      : fail('wonde/unknown-code-id', codeField, `attendance code id ${JSON.stringify(codeId)} (student ${pupilId}, ${date} ${session}) is defined by no attendance-codes page in this folder; rejected`);
  }
  const m = markCode(codeObject, date);
  if (!m.ok) return fail(m.code, codeField, `${m.message}: the mark of student ${pupilId} on ${date} ${session} is rejected, not guessed`);
  const issues: Issue[] = wrongSession(m.code, session)
    ? [{ code: 'wonde/present-mark-session', severity: 'warning', message: `${JSON.stringify(m.code)} on ${date} ${session} (student ${pupilId}): a present mark of the other session; kept as present`, file: where.file, field: `${where.path}.${codeField}` }]
    : [];
  const minutesLate = minutesOf(field(row, 'minutes_late'));
  const recordedAt = wondeDateTime(field(row, 'updated_at')) ?? wondeDateTime(field(row, 'created_at'));
  const mark = {
    schoolUrn,
    pupilId,
    date,
    session,
    code: m.code,
    ...(minutesLate === undefined ? {} : { minutesLate }),
    ...(recordedAt === undefined ? {} : { recordedAt }),
  } as CanonicalMark;
  return { mark, issues };
};

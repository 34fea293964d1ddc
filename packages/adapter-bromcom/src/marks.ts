/**
 * Marks of `StudentAttendanceByWeek` and `Attendances` rows (reference/mis-formats.md §4.2).
 *
 * - `StudentAttendanceByWeek` [3RD]: `StudentId` and `MonAM` ... `FriPM`, AM/PM in the column name.
 *   The row's week is not in the documented columns (it is the request's `startDate` filter), so
 *   the week start is read from the row (`StartDate`, `WeekStartDate`, `WeekBeginning`,
 *   `WeekCommencing`) or from the saved page beside `data` (`startDate`): inferred. It must be a
 *   Monday. An empty cell is no session (a day without a register, or not yet taken): skipped and
 *   not counted. The cells carry display marks only, so a non-statutory one is rejected.
 * - `Attendances` [SOLID for `Mark`/`ExportMark`; other columns not public]: `StudentId`, a date
 *   (`Date`, `AttendanceDate`, `SessionDate`, `CalendarStartDate`, `MarkDate`) and a session
 *   (`Session`, `SessionName`, `AmPm`, `PeriodDisplayName`, `Period`: `AM`/`PM`/`Morning`/
 *   `Afternoon`), all inferred. Empty `Mark` and `ExportMark`: `-` (no mark recorded).
 *
 * @module
 */
import type { CanonicalMark, Issue, Session } from '@attendance-kit/core';
import { weekdayOf, toDayNumber } from '@attendance-kit/core';
import { statutoryCode } from './codes.js';
import { addDays, bromcomDate, hasField, textField, type Fields } from './fields.js';
import type { Where } from './student.js';

/** The day columns of a weekly row, in order, with their offset from Monday and session. */
export const WEEK_COLUMNS: readonly (readonly [string, number, Session])[] = ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d, i) => [
  [`${d}am`, i, 'AM'] as const,
  [`${d}pm`, i, 'PM'] as const,
]);

/** What one row gave: marks, items read and rejected, issues. */
export interface RowMarks {
  readonly marks: readonly CanonicalMark[];
  readonly read: number;
  readonly rejected: number;
  readonly issues: readonly Issue[];
}

const at = (w: Where, field: string): { file: string; field: string } => ({ file: w.file, field: w.path === undefined ? field : `${w.path}.${field}` });

/** Whether a row looks like a StudentAttendanceByWeek row. */
export const isWeekRow = (f: Fields): boolean => WEEK_COLUMNS.some(([c]) => f.has(c));
/** Whether a row looks like an Attendances row. */
export const isAttendanceRow = (f: Fields): boolean => f.has('mark') || f.has('exportmark');

const WEEK_START = ['startdate', 'weekstartdate', 'weekbeginning', 'weekcommencing'];
const DATE = ['date', 'attendancedate', 'sessiondate', 'calendarstartdate', 'markdate'];
const SESSION = ['session', 'sessionname', 'ampm', 'perioddisplayname', 'period'];

// reference/mis-formats.md §8.4: / and \\ are both present whatever the session; the mismatch is
// a data-quality warning, not an error.
const wrongSession = (code: string, session: Session): boolean => (code === '/' && session === 'PM') || (code === '\\' && session === 'AM');
const wrongSessionIssue = (code: string, date: string, session: Session, where: Where, field: string): Issue => ({
  code: 'bromcom/present-mark-session',
  severity: 'warning',
  message: `${JSON.stringify(code)} on ${date} ${session}: a present mark of the other session; kept as present`,
  ...at(where, field),
});

const sessionOf = (s: string): Session | undefined => {
  const t = s.toUpperCase();
  if (t === 'AM' || t === 'MORNING' || t === 'AM REG' || t === 'AM REGISTRATION') return 'AM';
  if (t === 'PM' || t === 'AFTERNOON' || t === 'PM REG' || t === 'PM REGISTRATION') return 'PM';
  return undefined;
};

/** The marks of a weekly row of pupil `pupilId` at `schoolUrn`. `pageWeekStart` from the saved page. */
export const weekMarks = (f: Fields, schoolUrn: string, pupilId: string | undefined, pageWeekStart: string | undefined, where: Where): RowMarks => {
  const idGiven = textField(f, 'studentid');
  const cells = WEEK_COLUMNS.flatMap(([c, day, session]) => {
    const v = textField(f, c);
    return v === undefined ? [] : [{ column: c, day, session, mark: v }];
  });
  const n = cells.length;
  const reject = (code: 'bromcom/missing-field' | 'bromcom/bad-value' | 'bromcom/week-not-monday', field: string, message: string): RowMarks => ({
    marks: [],
    read: n,
    rejected: n,
    issues: n === 0 ? [] : [{ code, severity: 'error', message: `${message}; its ${n} marks are rejected`, ...at(where, field) }],
  });
  if (pupilId === undefined) {
    return idGiven === undefined
      ? reject('bromcom/missing-field', 'StudentId', 'StudentId is required but empty or missing')
      : reject('bromcom/bad-value', 'StudentId', `StudentId ${JSON.stringify(idGiven.slice(0, 60))} is not a usable id (1-64 characters on one line)`);
  }
  const startText = textField(f, ...WEEK_START) ?? pageWeekStart;
  if (startText === undefined) return reject('bromcom/missing-field', 'StartDate', 'the week start (StartDate) is required but missing');
  const start = bromcomDate(startText);
  if (start === undefined) return reject('bromcom/bad-value', 'StartDate', `week start ${JSON.stringify(startText)} is not a date`);
  if (weekdayOf(toDayNumber(start)) !== 0) return reject('bromcom/week-not-monday', 'StartDate', `week start ${start} is not a Monday`);
  const marks: CanonicalMark[] = [];
  const issues: Issue[] = [];
  let rejected = 0;
  for (const c of cells) {
    const date = addDays(start, c.day);
    const r = statutoryCode(c.mark, undefined, date);
    if (!r.ok) {
      rejected++;
      issues.push({ code: r.code, severity: 'error', message: `${c.session} ${r.message}`, ...at(where, c.column) });
      continue;
    }
    if (wrongSession(r.code, c.session)) issues.push(wrongSessionIssue(r.code, date, c.session, where, c.column));
    marks.push({ schoolUrn, pupilId, date, session: c.session, code: r.code } as CanonicalMark);
  }
  return { marks, read: n, rejected, issues };
};

/** The mark of an Attendances row (one item). */
export const attendanceMark = (f: Fields, schoolUrn: string, pupilId: string | undefined, where: Where): RowMarks => {
  const fail = (code: 'bromcom/missing-field' | 'bromcom/bad-value' | Issue['code'], field: string, message: string): RowMarks => ({
    marks: [],
    read: 1,
    rejected: 1,
    issues: [{ code, severity: 'error', message, ...at(where, field) }],
  });
  if (pupilId === undefined) {
    const given = textField(f, 'studentid');
    return given === undefined
      ? fail('bromcom/missing-field', 'StudentId', 'StudentId is required but empty or missing; the mark is rejected')
      : fail('bromcom/bad-value', 'StudentId', `StudentId ${JSON.stringify(given.slice(0, 60))} is not a usable id (1-64 characters on one line); the mark is rejected`);
  }
  const dateText = textField(f, ...DATE);
  if (dateText === undefined) return fail('bromcom/missing-field', 'Date', 'the mark has no date (Date, AttendanceDate, SessionDate...); rejected');
  const date = bromcomDate(dateText);
  if (date === undefined) return fail('bromcom/bad-value', 'Date', `date ${JSON.stringify(dateText)} is not a date; the mark is rejected`);
  const sessionText = textField(f, ...SESSION);
  if (sessionText === undefined) return fail('bromcom/missing-field', 'Session', `the mark on ${date} has no session (Session, PeriodDisplayName...); rejected`);
  const session = sessionOf(sessionText);
  if (session === undefined) return fail('bromcom/bad-value', 'Session', `session ${JSON.stringify(sessionText)} on ${date} is not AM or PM; the mark is rejected`);
  const r = statutoryCode(textField(f, 'mark'), textField(f, 'exportmark'), date);
  if (!r.ok) return fail(r.code, hasField(f, 'exportmark') && textField(f, 'exportmark') !== undefined ? 'ExportMark' : 'Mark', `${session} ${r.message}`);
  const issues = wrongSession(r.code, session) ? [wrongSessionIssue(r.code, date, session, where, 'Mark')] : [];
  return { marks: [{ schoolUrn, pupilId, date, session, code: r.code } as CanonicalMark], read: 1, rejected: 0, issues };
};

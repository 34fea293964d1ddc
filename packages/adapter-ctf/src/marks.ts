/**
 * The session marks of one `Attendance/YearData` block.
 *
 * Reading the marks string (reference/mis-formats.md §6 and attendance-codes-and-methodology.md
 * §6.1; the layout is INFERRED from a vendor's exporter, not from the DfE XSD):
 * - the start date is `AttendanceStartDate` (or `AttendStartDate`), inside `AttendSessions` or
 *   directly in `YearData`; the marks are `AttendanceMarks`, in the same places;
 * - before CTF 24 one character is one session; from CTF 24 the list is comma-separated so that
 *   two-character codes (C1, J1, Y1...) fit. Both are accepted: a string holding a comma is read as
 *   a list, else character by character (whitespace dropped);
 * - sessions run AM then PM from the start date, two per calendar day, with `#` written for days
 *   without sessions (Aspen's exporter). Saturday and Sunday slots holding only `#`, `-` or nothing
 *   are fillers, not marks: they are skipped and not counted. When a weekend slot holds a register
 *   code instead, the string is read as weekdays only (two slots per Monday-Friday), with an info
 *   issue, since that reading is the one that puts no marks on weekends;
 * - an empty list entry is `-` (no mark recorded);
 * - each code must be a statutory code in force on its date (2006 regulations before 19 August
 *   2024, 2024 regulations from then; core/codes.ts). Otherwise it is rejected with its name.
 *   Vendors' one-character aliases for two-character codes (`<` for C1...) are not a DfE standard
 *   and are rejected, never guessed.
 *
 * @module
 */
import { CODE_ID, CODE_TABLE, fromDayNumber, isCodeInForce, regimeOn, toDayNumber, weekdayOf, type Issue, type Session } from '@attendance-kit/core';
import type { Where } from './pupil.js';
import { child, textOf, type XmlValue } from './xml.js';

/** One session mark read from the string: its date, session and code, and its index in the string. */
export interface SessionMark {
  readonly date: string;
  readonly session: Session;
  readonly code: string;
  readonly index: number;
}

/** What a block gave: marks to keep, how many sessions were rejected, and issues. */
export interface BlockMarks {
  readonly marks: readonly SessionMark[];
  /** Sessions read (weekend fillers excluded). */
  readonly read: number;
  readonly rejected: number;
  readonly issues: readonly Issue[];
}

const FILLERS = new Set(['#', '-', '']);

/** The tokens of a marks string: comma-separated (CTF 24+) or one character per session. */
export const markTokens = (s: string): string[] =>
  s.includes(',') ? s.split(',').map((t) => t.trim()) : Array.from(s.replace(/\s+/g, ''));

/** Whether a day number is a Saturday or Sunday. */
const isWeekend = (day: number): boolean => weekdayOf(day) >= 5;

/**
 * Day numbers of each token, reading two slots per calendar day from `start`, or per weekday when
 * `weekdaysOnly`.
 */
export const tokenDays = (start: number, count: number, weekdaysOnly: boolean): number[] => {
  const days: number[] = [];
  let day = start;
  if (weekdaysOnly) while (isWeekend(day)) day++;
  for (let i = 0; i < count; i += 2) {
    days.push(day, day);
    day++;
    if (weekdaysOnly) while (isWeekend(day)) day++;
  }
  return days.slice(0, count);
};

const at = (w: Where, field: string): { file: string; line?: number; field: string } =>
  w.line === undefined ? { file: w.file, field } : { file: w.file, line: w.line, field };

const POSSIBLE = new Set(['present', 'aea', 'authorised', 'unauthorised']);

/** Reads the marks of one YearData block (the caller decides whether the block is this school's). */
export const blockMarks = (block: XmlValue, where: Where, path: string): BlockMarks => {
  const sessions = child(block, 'AttendSessions');
  const marksText = textOf(sessions, ['AttendanceMarks']) ?? textOf(block, ['AttendanceMarks']);
  if (marksText === undefined) return { marks: [], read: 0, rejected: 0, issues: [] };
  const startText = textOf(sessions, ['AttendanceStartDate', 'AttendStartDate']) ?? textOf(block, ['AttendanceStartDate', 'AttendStartDate']);
  const tokens = markTokens(marksText);
  const start = startText === undefined ? Number.NaN : toDayNumber(startText);
  if (Number.isNaN(start)) {
    const n = tokens.filter((t) => t !== '').length;
    return {
      marks: [],
      read: n,
      rejected: n,
      issues: [{ code: 'ctf/bad-start-date', severity: 'error', message: `${path} has ${n} session marks but ${startText === undefined ? 'no AttendanceStartDate' : `AttendanceStartDate ${JSON.stringify(startText)} is not a real date`}; its sessions are rejected`, ...at(where, `${path}/AttendanceStartDate`) }],
    };
  }
  const issues: Issue[] = [];
  const calendar = tokenDays(start, tokens.length, false);
  const weekdaysOnly = tokens.some((t, i) => isWeekend(calendar[i] as number) && !FILLERS.has(t));
  if (weekdaysOnly) {
    issues.push({ code: 'ctf/weekday-marks', severity: 'info', message: `${path}: register codes fall on weekends when read day by day, so the marks are read as weekdays only`, ...at(where, `${path}/AttendanceMarks`) });
  }
  const days = weekdaysOnly ? tokenDays(start, tokens.length, true) : calendar;
  const yearEnd = (() => {
    const d = fromDayNumber(start);
    const y = Number(d.slice(0, 4)) + (d.slice(5) >= '08-01' ? 1 : 0);
    return toDayNumber(`${y}-07-31`);
  })();
  const marks: SessionMark[] = [];
  let read = 0;
  let rejected = 0;
  let beyond = 0;
  let wrongSession = 0;
  let possible = 0;
  tokens.forEach((token, i) => {
    const day = days[i] as number;
    if (!weekdaysOnly && isWeekend(day) && FILLERS.has(token)) return;
    read++;
    const code = token === '' ? '-' : token;
    if (day > yearEnd) {
      beyond++;
      rejected++;
      return;
    }
    const date = fromDayNumber(day);
    const session: Session = i % 2 === 0 ? 'AM' : 'PM';
    const field = `${path}/AttendanceMarks[${i + 1}]`;
    if (!CODE_ID.has(code)) {
      rejected++;
      issues.push({ code: 'ctf/unknown-code', severity: 'error', message: `${JSON.stringify(code)} on ${date} ${session} is not a register code; rejected`, ...at(where, field) });
      return;
    }
    const regime = regimeOn(date);
    if (!isCodeInForce(code, regime)) {
      rejected++;
      issues.push({ code: 'ctf/code-not-in-force', severity: 'error', message: `${JSON.stringify(code)} on ${date} ${session} is not a code of the ${regime} regulations; rejected`, ...at(where, field) });
      return;
    }
    if ((code === '/' && session === 'PM') || (code === '\\' && session === 'AM')) wrongSession++;
    if (POSSIBLE.has(CODE_TABLE[CODE_ID.get(code) as number]?.category ?? '')) possible++;
    marks.push({ date, session, code, index: i });
  });
  if (beyond > 0) issues.push({ code: 'ctf/beyond-year', severity: 'error', message: `${path}: ${beyond} sessions fall after 31 July of the block's academic year; rejected`, ...at(where, `${path}/AttendanceMarks`) });
  if (wrongSession > 0) issues.push({ code: 'ctf/present-mark-session', severity: 'warning', message: `${path}: ${wrongSession} present marks use / on a PM or \\ on an AM session; kept as present`, ...at(where, `${path}/AttendanceMarks`) });
  const stated = textOf(block, ['SessionsPossible']);
  if (stated !== undefined && rejected === 0 && /^\d+$/.test(stated) && Number(stated) !== possible) {
    issues.push({ code: 'ctf/summary-mismatch', severity: 'warning', message: `${path}: SessionsPossible is ${stated} but the marks give ${possible} possible sessions`, ...at(where, `${path}/SessionsPossible`) });
  }
  return { marks, read, rejected, issues };
};

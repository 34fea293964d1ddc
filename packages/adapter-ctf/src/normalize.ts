/**
 * The CTF adapter's pure step: one raw record (file problem, header, or pupil) to canonical
 * records and issues. Source items counted: the school (one per file header), each pupil, and each
 * session mark of its YearData blocks (weekend fillers excluded); an unreadable file counts as one.
 *
 * The school: the CTF names its source school by `SourceSchool/LEA` and `Estab`, not by URN, so
 * the URN comes from `options.schoolUrn`; the LA code from `options.laCode`, else `SourceSchool/LEA`;
 * the phase from `options.phase` (a CTF does not carry it). Missing ones are issues whose codes
 * the CLI turns into "give --school-urn / --la-code / --phase".
 *
 * @module
 */
import type { AdapterOptions, CanonicalRecord, Normalized, RawRecord } from '@attendance-kit/adapter-kit';
import { CanonicalMark, CanonicalSchool, isIsoDate, type Issue } from '@attendance-kit/core';
import { blockMarks } from './marks.js';
import { pupilOf, type Where } from './pupil.js';
import type { CtfHeader, CtfRaw } from './read.js';
import { child, children, text } from './xml.js';

const whereOf = (raw: RawRecord<unknown>): Where => (raw.line === undefined ? { file: raw.file } : { file: raw.file, line: raw.line });
const at = (w: Where): { file: string; line?: number } => (w.line === undefined ? { file: w.file } : { file: w.file, line: w.line });

/** The school of a CTF, from the options and the header, or the issues saying what is missing. */
export const schoolOf = (header: CtfHeader, options: AdapterOptions, where: Where): { readonly school?: CanonicalSchool; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  const laCode = options.laCode ?? header.lea;
  const name = header.schoolName === undefined ? '' : ` (${header.schoolName}, LEA ${header.lea ?? '?'} Estab ${header.estab ?? '?'})`;
  if (options.schoolUrn === undefined) issues.push({ code: 'ctf/missing-school-urn', severity: 'error', message: `a CTF names its school by LEA and Estab, not URN${name}: give the school's URN (--school-urn)`, ...at(where) });
  if (laCode === undefined) issues.push({ code: 'ctf/missing-la-code', severity: 'error', message: 'the CTF has no SourceSchool/LEA: give the LA code (--la-code)', ...at(where) });
  if (options.phase === undefined) issues.push({ code: 'ctf/missing-phase', severity: 'error', message: `a CTF does not say the school's phase${name}: give it (--phase)`, ...at(where) });
  if (issues.length > 0) return { issues };
  const record = { urn: options.schoolUrn, laCode, phase: options.phase, ...(header.schoolName === undefined ? {} : { name: header.schoolName }) };
  if (!CanonicalSchool.is(record)) {
    return { issues: [{ code: 'ctf/bad-school', severity: 'error', message: `school URN ${JSON.stringify(record.urn)} (6 or 7 digits), LA code ${JSON.stringify(record.laCode)} (3 digits) or phase ${JSON.stringify(record.phase)} is not valid`, ...at(where) }] };
  }
  return { school: record, issues: [] };
};

const normalizePupil = (raw: RawRecord<CtfRaw>, data: Extract<CtfRaw, { _tag: 'pupil' }>, options: AdapterOptions): Normalized => {
  const where = whereOf(raw);
  const { header } = data;
  const blocks = children(child(data.pupil, 'Attendance'), 'YearData');
  const asAt = header.dateTime?.slice(0, 10);
  const school = schoolOf(header, options, where);
  const pupil = school.school === undefined ? undefined : pupilOf(data.pupil, school.school.urn, asAt !== undefined && isIsoDate(asAt) ? asAt : undefined, where);
  const issues: Issue[] = [];
  const records: CanonicalRecord[] = [];
  let read = 1;
  let rejected = 0;
  if (pupil?.pupil === undefined) {
    // The pupil cannot be enrolled, so none of its marks can be: all are rejected with it.
    const sessions = blocks.reduce((n, b, j) => n + blockMarks(b, where, `Attendance/YearData[${j + 1}]`).read, 0);
    const tail = sessions > 0 ? `; its ${sessions} session marks are rejected with it` : '';
    const reasons = pupil?.issues ?? school.issues.slice(0, 1);
    issues.push(...reasons.map((i) => (i.severity === 'error' ? { ...i, message: `${i.message}${tail}` } : i)));
    return { records, issues, read: read + sessions, rejected: rejected + 1 + sessions };
  }
  const enrolment = pupil.pupil;
  issues.push(...pupil.issues);
  records.push({ _tag: 'pupil', pupil: enrolment });
  blocks.forEach((block, j) => {
    const path = `Attendance/YearData[${j + 1}]`;
    const b = blockMarks(block, where, path);
    read += b.read;
    const lea = text(block, 'LEA');
    const estab = text(block, 'Estab');
    const other = header.lea !== undefined && header.estab !== undefined && lea !== undefined && estab !== undefined && (lea !== header.lea || estab !== header.estab);
    if (other) {
      rejected += b.read;
      if (b.read > 0) issues.push({ code: 'ctf/other-school-attendance', severity: 'warning', message: `${path} is for LEA ${lea} Estab ${estab}, not this school (LEA ${header.lea} Estab ${header.estab}); its ${b.read} sessions are not imported`, ...at(where), field: path });
      return;
    }
    rejected += b.rejected;
    issues.push(...b.issues);
    // Every field of these marks is valid by construction (a decoded pupil, a date made from a day
    // number, AM/PM, a code checked against the register table), so the full io-ts codec (about
    // 10 us a mark, most of the cost) runs on the first mark of the block as a guard, not on each.
    const first = b.marks[0];
    const guard = first === undefined || CanonicalMark.is({ schoolUrn: enrolment.schoolUrn, pupilId: enrolment.pupilId, date: first.date, session: first.session, code: first.code });
    if (!guard) {
      rejected += b.marks.length;
      return;
    }
    for (const m of b.marks) {
      records.push({ _tag: 'mark', mark: { schoolUrn: enrolment.schoolUrn, pupilId: enrolment.pupilId, date: m.date, session: m.session, code: m.code } as CanonicalMark });
    }
  });
  return { records, issues, read, rejected };
};

/**
 * Normalizes one raw CTF record. Pure: never throws, never mutates `raw`.
 * @example normalizeCtf({ file: 'a.xml', data: { _tag: 'problem', code: 'ctf/bad-xml', message: 'x', severity: 'error' } }, {}).rejected // 1
 */
export const normalizeCtf = (raw: RawRecord<CtfRaw>, options: AdapterOptions): Normalized => {
  const data = raw.data;
  const where = whereOf(raw);
  switch (data._tag) {
    case 'problem': {
      const n = data.severity === 'error' ? 1 : 0;
      return { records: [], issues: [{ code: data.code, severity: data.severity, message: data.message, ...at(where) }], read: n, rejected: n };
    }
    case 'header': {
      const s = schoolOf(data.header, options, where);
      const issues = data.notUtf8 ? [{ code: 'ctf/not-utf8', severity: 'warning' as const, message: 'the file is not valid UTF-8; read as Latin-1', ...at(where) }, ...s.issues] : [...s.issues];
      return s.school === undefined ? { records: [], issues, read: 1, rejected: 1 } : { records: [{ _tag: 'school', school: s.school }], issues, read: 1, rejected: 0 };
    }
    case 'pupil':
      return normalizePupil(raw, data, options);
  }
};

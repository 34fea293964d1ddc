/**
 * The Wonde adapter's pure step: one raw record (file problem, school object, row, or page) to
 * canonical records and issues.
 *
 * Items counted (`read`): the school (once per school object; when the folder holds none, once
 * per page, from the options), each student row, each session mark row, and each row of no known
 * entity. Attendance code rows are lookup data, not items: they produce no record and count
 * nothing (a code with no statutory mapping gets a warning there, and each mark using it is
 * rejected). An unreadable file counts as one rejected item.
 *
 * @module
 */
import type { AdapterOptions, CanonicalRecord, Normalized, RawRecord } from '@attendance-kit/adapter-kit';
import type { Issue } from '@attendance-kit/core';
import { statutoryOf } from './codes.js';
import { ENTITY_NAME, entityOf, PERSON } from './entity.js';
import { has, isObj } from './fields.js';
import { sessionMark } from './marks.js';
import type { WondeRaw } from './read.js';
import { schoolOfObject, schoolOfOptions, urnFor } from './school.js';
import { studentOf } from './student.js';

const none: Normalized = { records: [], issues: [], read: 0, rejected: 0 };

const normalizeRow = (raw: RawRecord<WondeRaw>, data: Extract<WondeRaw, { _tag: 'row' }>, options: AdapterOptions): Normalized => {
  const where = { file: raw.file, path: raw.path ?? `data[${data.index}]` };
  const row = data.row;
  const entity = entityOf(row);
  if (entity === 'code') {
    const m = statutoryOf(row as Record<string, unknown>);
    return m.ok ? none : { ...none, issues: [{ code: m.code, severity: 'warning', message: `${m.message}; marks with it are rejected`, file: raw.file, field: where.path }] };
  }
  if (!isObj(row) || entity === undefined || entity === 'school') {
    const keys = isObj(row) ? Object.keys(row).slice(0, 6).join(', ') : '';
    const person = isObj(row) && has(row, ...PERSON) ? ' (a person without the education_details include: an employee, or students fetched without include=education_details,extended_details,year)' : '';
    const what = isObj(row) ? `(fields ${keys || 'none'}) is no student, attendance code or session mark${person}` : 'is not an object';
    return { records: [], issues: [{ code: 'wonde/unrecognised-row', severity: 'error', message: `${where.path} ${what}; rejected`, file: raw.file, field: where.path }], read: 1, rejected: 1 };
  }
  // Without a usable URN nothing can be keyed; the page record carries the one issue saying so.
  const urn = urnFor(data.school, options);
  if (urn === undefined) return { records: [], issues: [], read: 1, rejected: 1 };
  if (entity === 'student') {
    const s = studentOf(row, urn, where);
    return s.pupil === undefined ? { records: [], issues: s.issues, read: 1, rejected: 1 } : { records: [{ _tag: 'pupil', pupil: s.pupil }], issues: s.issues, read: 1, rejected: 0 };
  }
  const m = sessionMark(row, data.code, urn, where);
  return m.mark === undefined ? { records: [], issues: m.issues, read: 1, rejected: 1 } : { records: [{ _tag: 'mark', mark: m.mark }], issues: m.issues, read: 1, rejected: 0 };
};

const normalizePage = (raw: RawRecord<WondeRaw>, data: Extract<WondeRaw, { _tag: 'page' }>, options: AdapterOptions): Normalized => {
  const issues: Issue[] = [];
  const records: CanonicalRecord[] = [];
  let read = 0;
  if (data.notUtf8) issues.push({ code: 'wonde/not-utf8', severity: 'warning', message: 'the file is not valid UTF-8; read as Latin-1', file: raw.file });
  if (data.rows === 0 && data.entity !== 'school') issues.push({ code: 'wonde/empty-page', severity: 'info', message: 'the page holds no rows', file: raw.file });
  const name = data.entity === undefined ? 'its entity' : ENTITY_NAME[data.entity];
  if (data.missingNext !== undefined) {
    issues.push({ code: 'wonde/missing-page', severity: 'warning', message: `page ${data.currentPage ?? '?'} of ${name} says a next page follows, but no file in its folder holds page ${data.missingNext}: the export looks incomplete`, file: raw.file });
  }
  if (data.missingPrevious !== undefined) {
    issues.push({ code: 'wonde/missing-page', severity: 'warning', message: `this is page ${data.currentPage ?? '?'} of ${name}, but no file in its folder holds page ${data.missingPrevious}: the export looks incomplete`, file: raw.file });
  }
  if (data.entity !== 'school') {
    if (data.school._tag === 'none') {
      // No school object in the export: the school comes from the options, once per page.
      const s = schoolOfOptions(options, raw.file);
      issues.push(...s.issues);
      read = 1;
      if (s.school !== undefined) records.push({ _tag: 'school', school: s.school });
    } else if (data.school._tag === 'many' && data.rows > 0) {
      issues.push({ code: 'wonde/ambiguous-school', severity: 'error', message: `the folder holds school objects of ${data.school.urns.length} URNs (${data.school.urns.join(', ')}): this page's rows cannot be placed and are rejected; keep one school's pages per folder`, file: raw.file });
    }
  }
  return { records, issues, read, rejected: read - records.length };
};

/**
 * Normalizes one raw Wonde record. Pure: never throws, never mutates `raw`.
 * @example normalizeWonde({ file: 'a.json', data: { _tag: 'problem', code: 'wonde/bad-json', message: 'x', severity: 'error' } }, {}).rejected // 1
 */
export const normalizeWonde = (raw: RawRecord<WondeRaw>, options: AdapterOptions): Normalized => {
  const data = raw.data;
  switch (data._tag) {
    case 'problem': {
      const n = data.severity === 'error' ? 1 : 0;
      return { records: [], issues: [{ code: data.code, severity: data.severity, message: data.message, file: raw.file }], read: n, rejected: n };
    }
    case 'school': {
      if (data.folder._tag === 'many') {
        return { records: [], issues: [{ code: 'wonde/ambiguous-school', severity: 'error', message: `the folder holds school objects of several URNs (${data.folder.urns.join(', ')}); keep one school's pages per folder. This school is rejected`, file: raw.file }], read: 1, rejected: 1 };
      }
      const s = schoolOfObject(data.data, options, raw.file);
      return s.school === undefined ? { records: [], issues: s.issues, read: 1, rejected: 1 } : { records: [{ _tag: 'school', school: s.school }], issues: s.issues, read: 1, rejected: 0 };
    }
    case 'row':
      return normalizeRow(raw, data, options);
    case 'page':
      return normalizePage(raw, data, options);
  }
};

/**
 * The SIMS adapter's pure step: one raw record to canonical records and issues. Items counted: the
 * school (one per file holding marks or students), each session attendance, each student record;
 * a file or record that cannot be read counts as one rejected item. A code list counts none (its
 * entries are mappings, not data), but reports its unusable entries.
 *
 * The school: SIMS XML names no school, so the URN, LA code and phase all come from the options
 * (`--school-urn`, `--la-code`, `--phase`).
 *
 * @module
 */
import type { AdapterOptions, Normalized, RawRecord } from '@attendance-kit/adapter-kit';
import { CanonicalSchool, type Issue } from '@attendance-kit/core';
import { markOf, type Where } from './marks.js';
import type { SimsRaw } from './read.js';
import { studentOf } from './student.js';

const whereOf = (raw: RawRecord<unknown>): Where => (raw.line === undefined ? { file: raw.file } : { file: raw.file, line: raw.line });
const at = (w: Where): { file: string; line?: number } => (w.line === undefined ? { file: w.file } : { file: w.file, line: w.line });

/** The school from the options, or the issues saying which option is missing or bad. */
export const schoolOf = (options: AdapterOptions, w: Where): { readonly school?: CanonicalSchool; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  if (options.schoolUrn === undefined) issues.push({ code: 'sims/missing-school-urn', severity: 'error', message: "SIMS XML does not name its school: give the school's URN (--school-urn)", ...at(w) });
  if (options.laCode === undefined) issues.push({ code: 'sims/missing-la-code', severity: 'error', message: "SIMS XML does not give the school's LA code: give it (--la-code)", ...at(w) });
  if (options.phase === undefined) issues.push({ code: 'sims/missing-phase', severity: 'error', message: "SIMS XML does not say the school's phase: give it (--phase)", ...at(w) });
  if (issues.length > 0) return { issues };
  const school = { urn: options.schoolUrn, laCode: options.laCode, phase: options.phase };
  if (!CanonicalSchool.is(school)) return { issues: [{ code: 'sims/bad-school', severity: 'error', message: `school URN ${JSON.stringify(school.urn)} (6 or 7 digits), LA code ${JSON.stringify(school.laCode)} (3 digits) or phase ${JSON.stringify(school.phase)} is not valid`, ...at(w) }] };
  return { school, issues: [] };
};

const rejected = (issues: readonly Issue[]): Normalized => ({ records: [], issues, read: 1, rejected: 1 });

/**
 * Normalizes one raw SIMS record. Pure: never throws, never mutates `raw`.
 * @example normalizeSims({ file: 'a.xml', data: { _tag: 'problem', code: 'sims/bad-xml', message: 'x', severity: 'error' } }, {}).rejected // 1
 */
export const normalizeSims = (raw: RawRecord<SimsRaw>, options: AdapterOptions): Normalized => {
  const data = raw.data;
  const w = whereOf(raw);
  switch (data._tag) {
    case 'problem': {
      const n = data.severity === 'error' ? 1 : 0;
      return { records: [], issues: [{ code: data.code, severity: data.severity, message: data.message, ...at(w) }], read: n, rejected: n };
    }
    case 'codes':
      return {
        records: [],
        issues: data.unusable.map((u) => ({ code: 'sims/code-list-entry', severity: 'warning' as const, message: `${u}; marks with this display code are rejected`, ...at(w) })),
        read: 0,
        rejected: 0,
      };
    case 'school': {
      const s = schoolOf(options, w);
      return s.school === undefined ? rejected(s.issues) : { records: [{ _tag: 'school', school: s.school }], issues: [], read: 1, rejected: 0 };
    }
    case 'mark':
    case 'student': {
      // Only the first missing option is repeated on each record: the school record lists them all.
      const s = schoolOf(options, w);
      if (s.school === undefined) return rejected(s.issues.slice(0, 1));
      if (data._tag === 'student') {
        const p = studentOf(data.fields, s.school.urn, w);
        return p.pupil === undefined ? rejected(p.issues) : { records: [{ _tag: 'pupil', pupil: p.pupil }], issues: p.issues, read: 1, rejected: 0 };
      }
      const m = markOf(data.fields, data.code, data.person, s.school.urn, w);
      return m.mark === undefined ? rejected(m.issues) : { records: [{ _tag: 'mark', mark: m.mark }], issues: m.issues, read: 1, rejected: 0 };
    }
  }
};

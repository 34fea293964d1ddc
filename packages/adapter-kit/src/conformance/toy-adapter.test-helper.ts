/**
 * A tiny adapter for the kit's own tests: lines `urn,pupil,date,session,code` (one mark each),
 * plus broken variants that each break one law.
 */
import { readFile } from 'node:fs/promises';
import { CanonicalMark, CanonicalPupil, CanonicalSchool } from '@attendance-kit/core';
import { defineAdapter, type Adapter, type CanonicalRecord, type Normalized, type RawRecord } from '../adapter.js';

const decode = <T>(codec: { is: (v: unknown) => v is T }, v: unknown): T | undefined => (codec.is(v) ? v : undefined);

export const normalizeLine = (raw: RawRecord<{ text: string }>): Normalized => {
  const [urn, pupilId, date, session, code] = raw.data.text.split(',');
  const school = decode(CanonicalSchool, { urn, laCode: '926', phase: 'primary' });
  const pupil = decode(CanonicalPupil, { schoolUrn: urn, pupilId, yearGroup: '3', enrolmentStatus: 'C' });
  const mark = decode(CanonicalMark, { schoolUrn: urn, pupilId, date, session, code });
  if (school === undefined || pupil === undefined || mark === undefined) {
    return { records: [], read: 1, rejected: 1, issues: [{ code: 'toy/bad-line', severity: 'error', message: 'bad line', file: raw.file, ...(raw.line === undefined ? {} : { line: raw.line }) }] };
  }
  // One source item (the line) gives three records here, so count three items read.
  const records: CanonicalRecord[] = [{ _tag: 'school', school }, { _tag: 'pupil', pupil }, { _tag: 'mark', mark }];
  return { records, read: 3, rejected: 0, issues: [] };
};

export const toyAdapter: Adapter<{ text: string }> = defineAdapter({
  id: 'toy',
  name: 'Toy marks lines',
  formats: ['urn,pupil,date,session,code lines'],
  issueCodes: { 'toy/bad-line': 'a line that is not a valid mark' },
  async *read(paths) {
    for (const file of paths) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      for (let i = 0; i < lines.length; i++) if ((lines[i] as string).trim() !== '') yield { file, line: i + 1, data: { text: lines[i] as string } };
    }
  },
  normalize: normalizeLine,
});

/** Throws on a line holding `boom`, on any other bad line too. */
export const throwingAdapter: Adapter<{ text: string }> = { ...toyAdapter, id: 'toy-throws', normalize: (raw) => {
  const n = normalizeLine(raw);
  if (n.rejected > 0) throw new Error('bad line');
  return n;
} };

/** Raises a code it never declared. */
export const undeclaredAdapter: Adapter<{ text: string }> = { ...toyAdapter, id: 'toy-undeclared', normalize: (raw) => {
  const n = normalizeLine(raw);
  return { ...n, issues: [...n.issues, { code: 'toy/secret', severity: 'info', message: 'x' }] };
} };

/** Writes into its input. */
export const mutatingAdapter: Adapter<{ text: string }> = { ...toyAdapter, id: 'toy-mutates', normalize: (raw) => {
  (raw.data as { text: string }).text = raw.data.text.trim();
  return normalizeLine(raw);
} };

/** Loses rejected records from its counts. */
export const leakyAdapter: Adapter<{ text: string }> = { ...toyAdapter, id: 'toy-leaks', normalize: (raw) => {
  const n = normalizeLine(raw);
  return { ...n, rejected: 0 };
} };

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_ID } from '@attendance-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCanonicalDataset } from '../src/read.js';
import { datasetRecords, recordedAtText, writeCanonicalDataset, type MarkRecord } from '../src/write.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canonical-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const school = { urn: '100101', laCode: '926', phase: 'primary' } as const;
const pupil = { schoolUrn: '100101', pupilId: 'P1', yearGroup: '3', enrolmentStatus: 'C' } as const;
const mark = (code: string, recordedAt?: string): MarkRecord => ({ schoolUrn: '100101', pupilId: 'P1', date: '2024-09-02', session: 'AM', code, ...(recordedAt === undefined ? {} : { recordedAt }) });

describe('recorded_at written and read back (docs/canonical-format.md, marks.csv)', () => {
  it('is written in its column, and orders the versions read back: the later stamp wins over the later row', async () => {
    const d = join(dir, 'versions');
    await writeCanonicalDataset(d, { schools: [school], pupils: [pupil], marks: [mark('I', '2024-09-10T08:00:00Z'), mark('N', '2024-09-05T08:00:00Z')] });
    expect(await readFile(join(d, 'marks.csv'), 'utf8')).toBe(
      'school_urn,pupil_id,date,session,code,minutes_late,recorded_at\n100101,P1,2024-09-02,AM,I,,2024-09-10T08:00:00Z\n100101,P1,2024-09-02,AM,N,,2024-09-05T08:00:00Z\n',
    );
    const { dataset, marks } = await readCanonicalDataset(d);
    expect(marks).toEqual({ read: 2, accepted: 1, superseded: 1, rejected: 0 });
    expect(dataset.marks.code[0]).toBe(CODE_ID.get('I'));
  });

  it('datasetRecords writes the stamps it is given, in UTC, and none where there is none', async () => {
    const d = join(dir, 'plain');
    await writeCanonicalDataset(d, { schools: [school], pupils: [pupil], marks: [mark('/'), { ...mark('\\'), session: 'PM' }] });
    const { dataset } = await readCanonicalDataset(d);
    const out: MarkRecord[] = [];
    for (const m of datasetRecords(dataset, [Date.UTC(2024, 8, 2, 9, 0, 0, 250), Number.NaN]).marks as Iterable<MarkRecord>) out.push(m);
    expect(out.map((m) => m.recordedAt)).toEqual(['2024-09-02T09:00:00.250Z', undefined]);
    expect(recordedAtText(Date.UTC(2024, 8, 2, 8, 45))).toBe('2024-09-02T08:45:00Z');
  });
});

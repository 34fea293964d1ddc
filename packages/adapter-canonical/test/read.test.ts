import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSourceReadError } from '@attendance-kit/adapter-kit';
import { issueSignatures } from '@attendance-kit/adapter-kit/testing';
import { CODE_ID, toDayNumber, toSlot } from '@attendance-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openMarksWriter, readCanonicalDataset, writeCanonicalDataset } from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canonical-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SCHOOLS = 'school_urn,la_code,phase\n100101,926,primary\n';
const PUPILS = 'school_urn,pupil_id,year_group\n100101,P1,3\n';

const dataset = async (name: string, marks: string | Buffer, extra: Record<string, string> = {}): Promise<string> => {
  const d = join(dir, name);
  await writeCanonicalDataset(d, { schools: [], pupils: [], marks: [] });
  await writeFile(join(d, 'schools.csv'), SCHOOLS);
  await writeFile(join(d, 'pupils.csv'), PUPILS);
  await writeFile(join(d, 'marks.csv'), marks);
  for (const [f, text] of Object.entries(extra)) await writeFile(join(d, f), text);
  return d;
};

describe('readCanonicalDataset', () => {
  test('a 10 MB field rejects its row as too long, and the rows after it are read', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const d = await dataset('big-field', `school_urn,pupil_id,date,session,code\n100101,${big},2024-09-02,AM,/\n100101,P1,2024-09-02,PM,/\n`);
    const { report, marks } = await readCanonicalDataset(d);
    expect(marks).toEqual({ read: 2, accepted: 1, superseded: 0, rejected: 1 });
    expect(issueSignatures(report)).toEqual(['marks.csv:2 canonical/field-too-long']);
  });

  test('a 10 MB quoted field left open rejects one record and ends the file without hanging', async () => {
    const d = await dataset('open-quote', `school_urn,pupil_id,date,session,code\n100101,"${'y'.repeat(10 * 1024 * 1024)}\n100101,P1,2024-09-02,PM,/\n`);
    const { marks, report } = await readCanonicalDataset(d);
    expect(marks).toEqual({ read: 1, accepted: 0, superseded: 0, rejected: 1 });
    expect(report.files.find((f) => f.kind === 'marks')?.issues[0]?.line).toBe(2);
  });

  test('accepted marks land in the store with their enrolment, slot, code and minutes', async () => {
    const d = await dataset('store', 'school_urn,pupil_id,date,session,code,minutes_late\n100101,P1,2024-09-02,PM,L,7\n100101,P1,2024-09-02,AM,/,\n');
    const { dataset: ds } = await readCanonicalDataset(d);
    const day = toDayNumber('2024-09-02');
    expect(Array.from(ds.marks.slot)).toEqual([toSlot(day, 'AM'), toSlot(day, 'PM')]);
    expect(Array.from(ds.marks.code)).toEqual([CODE_ID.get('/'), CODE_ID.get('L')]);
    expect(Array.from(ds.marks.minutesLate)).toEqual([0xffff, 7]);
  });

  test('the row with the latest recorded_at wins, whatever its place in the file', async () => {
    const d = await dataset(
      'versions',
      'school_urn,pupil_id,date,session,code,recorded_at\n100101,P1,2024-09-02,AM,N,2024-09-03T10:00:00+01:00\n100101,P1,2024-09-02,AM,I,2024-09-03T09:30:00Z\n',
    );
    const { dataset: ds, marks, report } = await readCanonicalDataset(d);
    // 10:00+01:00 is 09:00Z, earlier than 09:30Z: I wins.
    expect(Array.from(ds.marks.code)).toEqual([CODE_ID.get('I')]);
    expect(marks).toEqual({ read: 2, accepted: 1, superseded: 1, rejected: 0 });
    expect(issueSignatures(report)).toEqual(['marks.csv:2 canonical/superseded']);
  });

  test('progress reaches the total size of the files read', async () => {
    const d = await dataset('progress', 'school_urn,pupil_id,date,session,code\n100101,P1,2024-09-02,AM,/\n');
    const seen: [number, number][] = [];
    await readCanonicalDataset(d, { onProgress: (a, b) => seen.push([a, b]) });
    const last = seen.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[1]).toBe(SCHOOLS.length + PUPILS.length + 'school_urn,pupil_id,date,session,code\n100101,P1,2024-09-02,AM,/\n'.length);
  });

  test('issues beyond the cap are counted but not kept', async () => {
    const rows = Array.from({ length: 30 }, () => '100101,P1,2024-13-01,AM,/').join('\n');
    const d = await dataset('cap', `school_urn,pupil_id,date,session,code\n${rows}\n`);
    const { report } = await readCanonicalDataset(d, { issueCap: 10 });
    const m = report.files.find((f) => f.kind === 'marks');
    expect(m?.issues).toHaveLength(10);
    expect(m?.issuesTotal).toBe(30);
    expect(m?.issuesByCode).toEqual({ 'canonical/bad-date': 30 });
  });

  test('a missing folder is a SourceReadError naming the path and the reason', async () => {
    const missing = join(dir, 'no-such-folder');
    const error = await readCanonicalDataset(missing).catch((e: unknown) => e);
    expect(isSourceReadError(error)).toBe(true);
    expect(String((error as Error).message)).toBe(`cannot read ${missing}: no such file or directory`);
  });

  test('a folder without marks.csv is a SourceReadError naming that file', async () => {
    const d = join(dir, 'no-marks');
    await writeCanonicalDataset(d, { schools: [], pupils: [], marks: [] });
    await rm(join(d, 'marks.csv'));
    const error = await readCanonicalDataset(d).catch((e: unknown) => e);
    expect(isSourceReadError(error) && error.path).toBe(join(d, 'marks.csv'));
  });

  test('a file given as the dataset is a SourceReadError (not a directory)', async () => {
    const d = await dataset('file-not-dir', 'school_urn,pupil_id,date,session,code\n');
    const error = await readCanonicalDataset(join(d, 'marks.csv')).catch((e: unknown) => e);
    expect(isSourceReadError(error) && error.errno).toBe('ENOTDIR');
  });
});

describe('openMarksWriter', () => {
  test('quotes what must be quoted and writes one line per mark', async () => {
    const path = join(dir, 'w-marks.csv');
    const w = openMarksWriter(path);
    w.write({ schoolUrn: '100101', pupilId: 'a,"b"', date: '2024-09-02', session: 'AM', code: '/', minutesLate: 3 });
    w.write({ schoolUrn: '100101', pupilId: 'line\nbreak', date: '2024-09-02', session: 'PM', code: '\\', recordedAt: '2024-09-02T08:00:00Z' });
    await w.close();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path, 'utf8')).toBe(
      'school_urn,pupil_id,date,session,code,minutes_late,recorded_at\n100101,"a,""b""",2024-09-02,AM,/,3,\n100101,"line\nbreak",2024-09-02,PM,\\,,2024-09-02T08:00:00Z\n',
    );
    expect(w.written).toBe(2);
  });
});

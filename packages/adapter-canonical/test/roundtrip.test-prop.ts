import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { CanonicalMark, CanonicalPupil, CanonicalSchool } from '@attendance-kit/core';
import { isRight } from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect } from 'vitest';
import { datasetRecords, readCanonicalDataset, writeCanonicalDataset, type MarkRecord } from '../src/index.js';
import { datasetArb } from './arbitraries.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const withoutRecordedAt = ({ recordedAt: _r, ...m }: MarkRecord & { enrolment?: number }): MarkRecord => {
  const { enrolment: _e, ...rest } = m;
  return rest;
};

describe('writing then reading', () => {
  test.prop([datasetArb], { numRuns: 40 })('[CSV-1] writing any dataset then reading it back gives the same schools, enrolments and marks', async (records) => {
    const dir = await mkdtemp(join(tmpdir(), 'canonical-rt-'));
    dirs.push(dir);
    await writeCanonicalDataset(dir, { schools: records.schools, pupils: records.pupils, marks: records.marks.map(({ enrolment: _e, ...m }) => m) });
    const { dataset, report } = await readCanonicalDataset(dir);
    expect(report.totals.issuesTotal).toBe(0);
    const back = datasetRecords(dataset);
    expect(back.schools).toEqual(records.schools);
    expect(back.pupils).toEqual(records.pupils);
    // The store is sorted by enrolment then session; the recorded_at of a single version is not kept.
    const expected = [...records.marks]
      .sort((a, b) => a.enrolment - b.enrolment || a.date.localeCompare(b.date) || a.session.localeCompare(b.session))
      .map(withoutRecordedAt);
    const marks = [...(back.marks as Iterable<MarkRecord>)];
    expect(marks).toEqual(expected);
    // and what is read decodes with core's canonical codecs
    expect(back.schools.every((s) => isRight(CanonicalSchool.decode(s)))).toBe(true);
    expect(back.pupils.every((p) => isRight(CanonicalPupil.decode(p)))).toBe(true);
    expect(marks.every((m) => isRight(CanonicalMark.decode(m)))).toBe(true);
  });
});

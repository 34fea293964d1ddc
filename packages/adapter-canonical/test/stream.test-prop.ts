import { createIssueCollector } from '@attendance-kit/adapter-kit';
import { splitBytes } from '@attendance-kit/adapter-kit/testing';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createMarksReader, enrolmentKey, type Reference } from '../src/index.js';
import { marksFileArb } from './arbitraries.js';

/** One school, 100101, with pupils P1 and P2. */
const reference: Reference = {
  schools: [{ urn: '100101', laCode: '926', phase: 'primary' }],
  enrolments: [
    { school: 0, pupilId: 'P1', yearGroup: '3', enrolmentStatus: 'C' },
    { school: 0, pupilId: 'P2', yearGroup: '3', enrolmentStatus: 'C' },
  ],
  schoolIndex: new Map([['100101', 0]]),
  enrolmentIndex: new Map([
    [enrolmentKey('100101', 'P1'), 0],
    [enrolmentKey('100101', 'P2'), 1],
  ]),
};

const readChunks = (chunks: readonly Uint8Array[]) => {
  const issues = createIssueCollector({ file: 'marks.csv', kind: 'marks', cap: 100_000 });
  const reader = createMarksReader(reference, { file: 'marks.csv', issues });
  for (const c of chunks) reader.push(c);
  const { store, counts } = reader.end();
  return { store, counts, report: issues.finish(counts) };
};

describe('marks.csv streaming', () => {
  test.prop([marksFileArb])('[CSV-2] every row read is accepted, superseded or rejected: read = accepted + superseded + rejected', (bytes) => {
    const { counts, report } = readChunks([bytes]);
    expect(counts.read).toBe(counts.accepted + counts.superseded + counts.rejected);
    // and each rejection and each superseded row carries its own issue
    const rowIssues = report.issues.filter((i) => !['canonical/unknown-column', 'canonical/missing-column', 'canonical/duplicate-column', 'canonical/empty-file'].includes(i.code) && !(i.code === 'canonical/missing-header' && i.message.startsWith('the first line')));
    expect(rowIssues.length).toBe(counts.rejected + counts.superseded);
  });

  test.prop([marksFileArb, fc.array(fc.nat(), { maxLength: 12 })])(
    '[CSV-3] splitting the bytes into chunks at any positions gives the same marks, counts and issues',
    (bytes, cuts) => {
      const whole = readChunks([bytes]);
      const split = readChunks(splitBytes(bytes, cuts.map((c) => c % (bytes.length + 1))));
      expect(split.counts).toEqual(whole.counts);
      expect(split.report.issues).toEqual(whole.report.issues);
      expect(Array.from(split.store.enrolment)).toEqual(Array.from(whole.store.enrolment));
      expect(Array.from(split.store.slot)).toEqual(Array.from(whole.store.slot));
      expect(Array.from(split.store.code)).toEqual(Array.from(whole.store.code));
      expect(Array.from(split.store.minutesLate)).toEqual(Array.from(whole.store.minutesLate));
    },
  );

  test.prop([marksFileArb])('[CSV-3] feeding one byte at a time gives the same result as one chunk', (bytes) => {
    const whole = readChunks([bytes]);
    const bytewise = readChunks(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)));
    expect(bytewise.counts).toEqual(whole.counts);
    expect(bytewise.report.issues).toEqual(whole.report.issues);
  });
});

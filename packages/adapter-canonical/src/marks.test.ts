import { createIssueCollector } from '@attendance-kit/adapter-kit';
import type { Enrolment, School } from '@attendance-kit/core';
import { describe, expect, test } from 'vitest';
import { createMarksReader } from './marks.js';
import { enrolmentKey, type Reference } from './reference.js';

// Two schools; enrolments 0-3 in pupils.csv order, one with a non-ASCII id and one whose id holds U+FFFD.
const schools: School[] = [
  { urn: '100101', laCode: '926', phase: 'primary' },
  { urn: '100102', laCode: '926', phase: 'primary' },
];
const pairs: [number, string][] = [
  [0, 'P1'],
  [0, 'P2'],
  [1, 'P1'],
  [0, 'Pé'],
  [0, 'Q\uFFFD'],
];
const enrolments: Enrolment[] = pairs.map(([school, pupilId]) => ({ school, pupilId, yearGroup: '3', enrolmentStatus: 'C' }));
const reference: Reference = {
  schools,
  enrolments,
  schoolIndex: new Map(schools.map((s, i) => [s.urn, i])),
  enrolmentIndex: new Map(pairs.map(([s, p], i) => [enrolmentKey(schools[s]?.urn ?? '', p), i])),
};

const read = (bytes: Buffer, split: number) => {
  const issues = createIssueCollector({ file: 'marks.csv', kind: 'marks' });
  const reader = createMarksReader(reference, { file: 'marks.csv', issues });
  reader.push(bytes.subarray(0, split));
  reader.push(bytes.subarray(split));
  const { store, counts } = reader.end();
  return { store, counts, issues: issues.finish(counts).issues.map((i) => `${i.line} ${i.code}`) };
};

describe('the marks reader resolves enrolments from bytes', () => {
  // Rows out of pupils.csv order, back to the same pupil, unknown pupils and schools in runs, a
  // multi-byte id, and an invalid UTF-8 byte that decodes to U+FFFD (the string lookup decides).
  const rows = [
    'school_urn,pupil_id,date,session,code',
    '100101,P2,2024-09-02,AM,/', // line 2: enrolment 1
    '100101,P1,2024-09-02,AM,/', // 3: enrolment 0
    '100102,P1,2024-09-02,AM,/', // 4: enrolment 2 (same pupil id, other school)
    '100101,P9,2024-09-02,AM,/', // 5: unknown pupil
    '100101,P9,2024-09-02,PM,/', // 6: unknown pupil again
    '999999,P1,2024-09-02,AM,/', // 7: unknown school
    '100101,Pé,2024-09-02,AM,/', // 8: enrolment 3
    '100101,P1,2024-09-02,PM,/', // 9: enrolment 0
    '100101,P2,2024-09-02,PM,/', // 10: enrolment 1
  ];
  const text = Buffer.from(`${rows.join('\n')}\n`, 'utf8');
  // Line 11: pupil id bytes 'Q' 0xFF, not valid UTF-8: decodes to 'Q\uFFFD', enrolment 4.
  const bytes = Buffer.concat([text, Buffer.from('100101,Q'), Buffer.from([0xff]), Buffer.from(',2024-09-02,AM,/\n')]);

  test.each([1, 40, 100, 150, 200, bytes.length - 3])('rows resolve to the enrolments written by hand (chunk split at %i)', (split) => {
    const { store, counts, issues } = read(bytes, split);
    expect(counts).toEqual({ read: 10, accepted: 7, superseded: 0, rejected: 3 });
    expect(issues).toEqual(['5 canonical/unknown-enrolment', '6 canonical/unknown-enrolment', '7 canonical/unknown-school']);
    // The store is sorted by (enrolment, slot): 0 AM, 0 PM, 1 AM, 1 PM, 2 AM, 3 AM, 4 AM.
    expect(Array.from(store.enrolment)).toEqual([0, 0, 1, 1, 2, 3, 4]);
    expect(Array.from(store.slot, (s) => s & 1)).toEqual([0, 1, 0, 1, 0, 0, 0]);
  });
});

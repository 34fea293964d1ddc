import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCanonicalDataset } from '@attendance-kit/adapter-canonical';
import { CODE_TABLE, fromDayNumber, toDayNumber } from '@attendance-kit/core';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseRecordedAt, recoverStamps } from '../src/commands/import-stamps.js';

const DAY0 = toDayNumber('2024-09-02');
const STAMPS = ['', '', '2024-09-02T08:00:00Z', '2024-09-02T09:00:00+01:00', '2024-09-03', '2024-09-02 12:30:15.25'];
// Rows of marks.csv, some of them rejected by the reader (unknown code, minutes out of range, a bad
// recorded_at, an unknown pupil, a ragged row), each with the same few keys so versions abound.
const arbRow = fc.record({
  pupil: fc.constantFrom('P1', 'P2', 'P9'),
  day: fc.integer({ min: 0, max: 2 }),
  pm: fc.boolean(),
  code: fc.constantFrom('/', 'I', 'N', 'ZZ'),
  minutes: fc.constantFrom('', '', '5', '65535'),
  stamp: fc.constantFrom(...STAMPS, 'not a time'),
  ragged: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
type Row = typeof arbRow extends fc.Arbitrary<infer T> ? T : never;

const valid = (r: Row): boolean => r.pupil !== 'P9' && r.code !== 'ZZ' && r.minutes !== '65535' && r.stamp !== 'not a time' && !r.ragged;

describe('recorded_at of a canonical folder read back', () => {
  test.prop([fc.array(arbRow, { maxLength: 30 })])(
    "[IMP-4] each accepted mark gets the recorded_at of the version that won (latest stamp, empty oldest, then the later row), never a rejected row's",
    async (rows) => {
      const dir = mkdtempSync(join(tmpdir(), 'import-stamps-prop-'));
      writeFileSync(join(dir, 'schools.csv'), 'school_urn,la_code,phase\n100101,926,primary\n');
      writeFileSync(join(dir, 'pupils.csv'), 'school_urn,pupil_id,year_group\n100101,P1,3\n100101,P2,3\n');
      const line = (r: Row): string => ['100101', r.pupil, fromDayNumber(DAY0 + r.day), r.pm ? 'PM' : 'AM', r.code, r.minutes, r.stamp, ...(r.ragged ? ['x'] : [])].join(',');
      writeFileSync(join(dir, 'marks.csv'), ['school_urn,pupil_id,date,session,code,minutes_late,recorded_at', ...rows.map(line)].join('\n') + '\n');

      // The rule by hand, over the rows the reader accepts.
      const winner = new Map<string, { stamp: number; code: string }>();
      for (const r of rows.filter(valid)) {
        const key = `${r.pupil}|${DAY0 + r.day}|${r.pm ? 1 : 0}`;
        const stamp = r.stamp === '' ? Number.NEGATIVE_INFINITY : parseRecordedAt(r.stamp);
        const old = winner.get(key);
        if (old === undefined || stamp >= old.stamp) winner.set(key, { stamp, code: r.code });
      }

      const { dataset } = await readCanonicalDataset(dir);
      const stamps = await recoverStamps(join(dir, 'marks.csv'), dataset);
      const m = dataset.marks;
      expect(m.length).toBe(winner.size);
      for (let k = 0; k < m.length; k++) {
        const slot = m.slot[k] as number;
        const w = winner.get(`${dataset.enrolments[m.enrolment[k] as number]?.pupilId}|${slot >> 1}|${slot & 1}`);
        expect(CODE_TABLE[m.code[k] as number]?.code).toBe(w?.code);
        const got = stamps === null ? Number.NaN : (stamps[k] as number);
        expect(Number.isNaN(got) ? Number.NEGATIVE_INFINITY : got).toBe(w?.stamp);
      }
    },
  );
});

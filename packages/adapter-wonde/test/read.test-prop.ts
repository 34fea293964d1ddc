import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { splitBytes } from '@attendance-kit/adapter-kit/testing';
import { fromDayNumber, toDayNumber, CODE_TABLE } from '@attendance-kit/core';
import { EMPTY_CONTEXT, isBst, normalizeWonde, rawRecordsOf, wondeDate, type WondeRaw } from '../src/index.js';

const BASIC = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'accepted', 'basic');
const PAGES = ['a-session-1.json', 'a-session-2.json', 'b-students-page-1.json', 'm-codes.json', 'zz-school.json'].map((n) => new Uint8Array(readFileSync(join(BASIC, n))));

describe('Wonde reading rules', () => {
  test.prop([fc.nat(PAGES.length - 1), fc.array(fc.nat(), { maxLength: 12 })])('[WONDE-1] splitting a page into chunks anywhere gives the same raw records as reading it whole', (i, cuts) => {
    const bytes = PAGES[i] as Uint8Array;
    const whole = rawRecordsOf('p.json', EMPTY_CONTEXT, bytes);
    const split = rawRecordsOf('p.json', EMPTY_CONTEXT, ...splitBytes(bytes, cuts.map((c) => c % (bytes.length + 1))));
    expect(split).toEqual(whole);
  });

  // 1996-01-01 to 2040-12-31: the Summer Time Order's rule holds for all of them.
  test.prop([fc.integer({ min: toDayNumber('1996-01-01'), max: toDayNumber('2040-12-31') })])('[WONDE-2] a London midnight written as a UTC instant (23:00 the day before in summer time) reads as its own date', (day) => {
    const date = fromDayNumber(day);
    const midnightUtc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    const instant = isBst(midnightUtc - 3_600_000) ? midnightUtc - 3_600_000 : midnightUtc;
    const written = new Date(instant).toISOString().replace('T', ' ').replace('Z', '000');
    expect(wondeDate({ date: written, timezone_type: 3, timezone: 'UTC' })).toBe(date);
  });

  const statutory = CODE_TABLE.map((c) => c.code);
  test.prop([fc.constantFrom(...statutory), fc.integer({ min: toDayNumber('2023-09-01'), max: toDayNumber('2026-07-31') }), fc.constantFrom('AM', 'PM'), fc.integer({ min: 0, max: 60 })])(
    '[WONDE-3] a mark reads the same in the inferred read shape (student, date object, attendance_code) and the write-back shape (student_id, date string, attendance_code_id)',
    (code, day, session, minutes) => {
      const date = fromDayNumber(day);
      const codeObject = { id: 'A9', code, description: 'd' };
      const school = { _tag: 'none' } as const;
      const shapes: WondeRaw[] = [
        { _tag: 'row', index: 0, school, code: codeObject, row: { id: 'S1', student: 'A7', date: { date: `${date} 00:00:00.000000`, timezone_type: 3, timezone: 'Europe/London' }, session, attendance_code: 'A9', minutes_late: minutes } },
        { _tag: 'row', index: 0, school, code: codeObject, row: { student_id: 'A7', date, session: session.toLowerCase(), attendance_code_id: 'A9', minutes_late: String(minutes) } },
        { _tag: 'row', index: 0, school, row: { student: { data: { id: 'A7' } }, date, session, attendance_code: { data: codeObject }, minutes_late: minutes } },
      ];
      // The same records, counts and issue codes (an issue's field names the shape's own field).
      const out = shapes.map((data) => {
        const n = normalizeWonde({ file: 'p.json', path: 'data[0]', data }, { schoolUrn: '100101' });
        return { records: n.records, read: n.read, rejected: n.rejected, issues: n.issues.map((i) => i.code) };
      });
      expect(out[1]).toEqual(out[0]);
      expect(out[2]).toEqual(out[0]);
      expect(out[0]?.read).toBe(1);
    },
  );
});

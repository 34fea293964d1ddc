import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CODE_ID, codesOf, fromDayNumber, toDayNumber, weekdayOf } from '@attendance-kit/core';
import { normalizeCtf, rawRecordsOf } from '../src/index.js';

const OPTIONS = { schoolUrn: '100101', phase: 'primary' } as const;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const xmlText = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A one-pupil CTF whose block starts on `start` with the marks string `marks`. */
const ctfWith = (start: string, marks: string): Uint8Array =>
  enc(
    `<?xml version="1.0"?><CTfile><Header><SourceSchool><LEA>926</LEA><Estab>2001</Estab></SourceSchool></Header><CTFpupilData><Pupil>` +
      `<UPN>A123456789012</UPN><NCyearActual>5</NCyearActual><Attendance><YearData><AttendanceStartDate>${start}</AttendanceStartDate>` +
      `<AttendanceMarks>${xmlText(marks)}</AttendanceMarks></YearData></Attendance></Pupil></CTFpupilData></CTfile>`,
  );

const pupilOf = (bytes: Uint8Array) => {
  const raws = rawRecordsOf('p.xml', bytes);
  return normalizeCtf(raws[1] as (typeof raws)[number], OPTIONS);
};

// Mondays from 2024-09-02 (2024 regulations) on, as day offsets: dates from integers, never fc.date().
const MONDAY_2024 = toDayNumber('2024-09-02');
const monday = fc.integer({ min: 0, max: 30 }).map((w) => MONDAY_2024 + 7 * w);
// Codes of the 2024 regulations, except the weekend fillers '#' and '-' (which are skipped on weekends).
const code2024 = fc.constantFrom(...codesOf('2024').map((c) => c.code).filter((c) => c !== '#' && c !== '-'));

describe('CTF session marks strings', () => {
  test.prop([monday, fc.array(fc.tuple(code2024, code2024), { minLength: 1, maxLength: 15 })])(
    '[CTF-1] a comma-separated string with # on weekends gives each weekday its two codes, AM then PM, in order',
    (start, days) => {
      const tokens: string[] = [];
      const expected: string[] = [];
      let day = start;
      for (const [am, pm] of days) {
        while (weekdayOf(day) >= 5) {
          tokens.push('#', '#');
          day++;
        }
        tokens.push(am, pm);
        expected.push(`${fromDayNumber(day)} AM ${am}`, `${fromDayNumber(day)} PM ${pm}`);
        day++;
      }
      const n = pupilOf(ctfWith(fromDayNumber(start), tokens.join(',')));
      const marks = n.records.flatMap((r) => (r._tag === 'mark' ? [`${r.mark.date} ${r.mark.session} ${r.mark.code}`] : []));
      expect(marks).toEqual(expected);
      expect([n.read, n.rejected]).toEqual([1 + expected.length, 0]);
    },
  );

  test.prop([monday, fc.array(fc.constantFrom('/', '\\', 'L', 'I', 'M', 'N', 'O', 'U', 'B', 'V', 'C', 'E', 'G', 'R', 'S', 'T', 'W', 'P', 'D', 'X', 'Z', 'Q', 'K', '#', '-'), { maxLength: 30 })])(
    '[CTF-2] single-character codes read the same with or without commas (pre-CTF 24 and CTF 24 forms)',
    (start, codes) => {
      const a = pupilOf(ctfWith(fromDayNumber(start), codes.join('')));
      const b = pupilOf(ctfWith(fromDayNumber(start), codes.join(',')));
      expect(a.records).toEqual(b.records);
      expect([a.read, a.rejected]).toEqual([b.read, b.rejected]);
    },
  );

  test.prop([monday, fc.string({ minLength: 1, maxLength: 3 }).filter((s) => !CODE_ID.has(s.trim()) && s.trim() !== '' && !/[,\s]/.test(s))])(
    '[CTF-3] a token that is no register code is rejected with its name in the message, never mapped to a code',
    (start, bad) => {
      const n = pupilOf(ctfWith(fromDayNumber(start), `/,${bad}`));
      expect(n.records.filter((r) => r._tag === 'mark')).toHaveLength(1);
      expect(n.rejected).toBe(1);
      const issue = n.issues.find((i) => i.code === 'ctf/unknown-code');
      expect(issue?.message).toContain(JSON.stringify(bad));
    },
  );
});

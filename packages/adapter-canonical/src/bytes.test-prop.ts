import { test } from '@fast-check/vitest';
import { fc } from '@fast-check/vitest';
import { CODE_ID, isIsoDate, toDayNumber } from '@attendance-kit/core';
import { describe, expect } from 'vitest';
import { createPairIndex, INVALID, parseCodeBytes, parseDateBytes, parseInstantBytes, parseMinutesBytes } from './bytes.js';

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');
// Dates from integer day offsets (never fc.date()): 1970-01-01 plus 0 to 80,000 days.
const isoOfDay = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
const dayArb = fc.integer({ min: 0, max: 80_000 });
// Years from 1000: core's toDayNumber reads years 0-99 as 1900-1999 (Date.UTC's rule), a quirk
// the marks reader never meets (it rejects dates before 1970).
const dateLike = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('byte parsers agree with the string rules of core', () => {
  test.prop([fc.oneof(dateLike, fc.string({ maxLength: 12 }), dayArb.map(isoOfDay))])(
    '[CSV-BYTES-1] a date field is accepted iff core says it is a real YYYY-MM-DD date, and gives the same day number',
    (s) => {
      const b = bytes(s);
      const got = parseDateBytes(b, 0, b.length);
      if (isIsoDate(s)) expect(got).toBe(toDayNumber(s));
      else expect(got).toBe(INVALID);
    },
  );

  test.prop([fc.string({ maxLength: 3 })])('[CSV-BYTES-2] a code field is read iff it is a code of the register table', (s) => {
    const b = bytes(s);
    expect(parseCodeBytes(b, 0, b.length)).toBe(CODE_ID.get(s) ?? INVALID);
  });

  test.prop([
    dayArb,
    fc.integer({ min: 0, max: 86_399_999 }),
    fc.constantFrom('Z', '+01:00', '-0530', '+00', ''),
    fc.constantFrom('T', ' '),
  ])('[CSV-BYTES-3] recorded_at gives the instant Date.parse gives for the same ISO 8601 value', (day, msOfDay, zone, sep) => {
    const iso = new Date(day * 86_400_000 + msOfDay).toISOString().slice(0, 23);
    const s = `${iso.slice(0, 10)}${sep}${iso.slice(11)}${zone}`;
    const b = bytes(s);
    const zoneForJs = zone === '' ? 'Z' : zone === '-0530' ? '-05:30' : zone === '+00' ? '+00:00' : zone;
    expect(parseInstantBytes(b, 0, b.length)).toBe(Date.parse(`${iso}${zoneForJs}`));
  });

  test.prop([fc.oneof(fc.integer({ min: 0, max: 70_000 }).map(String), fc.string({ maxLength: 6 }))])(
    '[CSV-BYTES-4] minutes_late is read iff it is a whole number of minutes 0-65534 written in digits',
    (s) => {
      const b = bytes(s);
      const ok = /^\d{1,5}$/.test(s) && Number(s) < 65_535;
      expect(parseMinutesBytes(b, 0, b.length)).toBe(ok ? Number(s) : INVALID);
    },
  );
});

describe('the byte-keyed enrolment index', () => {
  const key = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('1', '2', 'P', 'é', '\uFFFD', ',') });
  test.prop([fc.uniqueArray(fc.tuple(key, key), { selector: ([u, p]) => `${u}\u0000${p}`, maxLength: 40 }), fc.tuple(key, key), fc.integer({ min: -2, max: 45 })])(
    '[CSV-BYTES-5] a (urn, pupil) pair is found by its bytes iff it is in the index, whatever the hint',
    (pairs, [u, p], hint) => {
      const ix = createPairIndex(pairs.map((x) => x[0]), pairs.map((x) => x[1]));
      const probe = (a: string, b: string): number => {
        // The row's bytes sit at an offset inside a larger buffer, as in a chunk.
        const ub = Buffer.from(a, 'utf8');
        const pb = Buffer.from(b, 'utf8');
        const buf = Buffer.concat([Buffer.from('xx,'), ub, Buffer.from(','), pb, Buffer.from(',yy')]);
        return ix.find(buf, 3, 3 + ub.length, 4 + ub.length, 4 + ub.length + pb.length, hint);
      };
      pairs.forEach(([a, b], i) => expect(probe(a, b)).toBe(i));
      const at = pairs.findIndex(([a, b]) => a === u && b === p);
      expect(probe(u, p)).toBe(at === -1 ? INVALID : at);
    },
  );
});

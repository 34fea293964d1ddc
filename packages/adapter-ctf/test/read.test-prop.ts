import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { splitBytes } from '@attendance-kit/adapter-kit/testing';
import { rawRecordsOf } from '../src/index.js';

const FIXTURE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures/accepted/pre-ctf24/school.xml'));
const cuts = fc.array(fc.oneof(fc.nat({ max: 8 }), fc.nat({ max: FIXTURE.length })), { maxLength: 20 });
const pupilIds = (raws: ReturnType<typeof rawRecordsOf>): string[] =>
  raws.flatMap((r) => (r.data._tag === 'pupil' ? [JSON.stringify(r.data.pupil)] : []));

describe('CTF streaming read', () => {
  test.prop([cuts])('[CTF-4] a CTF read in chunks of any sizes gives the same raw records as read in one piece', (at) => {
    expect(rawRecordsOf('s.xml', ...splitBytes(FIXTURE, at))).toEqual(rawRecordsOf('s.xml', FIXTURE));
  });

  test.prop([fc.nat()])('[CTF-5] a CTF cut short keeps every pupil completed before the cut and ends with one ctf/bad-xml problem', (n) => {
    const text = FIXTURE.toString('utf8');
    const rootEnd = text.lastIndexOf('</CTfile>');
    const cut = n % rootEnd;
    const raws = rawRecordsOf('s.xml', FIXTURE.subarray(0, cut));
    const whole = pupilIds(rawRecordsOf('s.xml', FIXTURE));
    const complete = [...text.slice(0, cut).matchAll(/<\/Pupil>/g)].length;
    expect(pupilIds(raws)).toEqual(whole.slice(0, complete));
    const problems = raws.flatMap((r) => (r.data._tag === 'problem' ? [r.data.code] : []));
    expect(problems).toEqual(['ctf/bad-xml']);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { codesOf, fromDayNumber, isCodeInForce, toDayNumber } from '@attendance-kit/core';
import { resolveRun, runAdapter, splitBytes } from '@attendance-kit/adapter-kit/testing';
import { companionBuilder, normalizeSims, rawRecordsOf, simsAdapter } from '../src/index.js';

const OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const xmlText = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const DAY0 = toDayNumber('2024-09-02');
const STATUTORY = codesOf('2024').map((c) => c.code);

/** A small SIMS export: display codes (local names) mapped to 2024 statutory codes, pupils, marks. */
const exportOf = fc
  .record({
    mapping: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Z0-9]{1,3}$/), fc.constantFrom(...STATUTORY)), { minLength: 1, maxLength: 6, selector: ([d]) => d }),
    pupils: fc.integer({ min: 1, max: 3 }),
    marks: fc.array(fc.record({ pupil: fc.nat(2), day: fc.nat(20), pm: fc.boolean(), code: fc.nat(5) }), { maxLength: 12 }),
  })
  .map(({ mapping, pupils, marks }) => {
    const codes = `<AttendanceCodes_V2_load><Version>1.0</Version><AttenanceCodes>${mapping.map(([d, s]) => `<AttendanceCode><SIMS_Display_Code>${xmlText(d)}</SIMS_Display_Code><Statutory_Return_Code>${xmlText(s)}</Statutory_Return_Code></AttendanceCode>`).join('')}</AttenanceCodes></AttendanceCodes_V2_load>`;
    const students = `<SuperStarReport>${Array.from({ length: pupils }, (_, p) => `<Record><ID>${p + 1}</ID><UPN>A12345678901${p}</UPN><Year>Year  7</Year></Record>`).join('')}</SuperStarReport>`;
    const sessions = marks.map((m) => {
      const [display] = mapping[m.code % mapping.length] as [string, string];
      return `<SessionAttendance><PersonID>${(m.pupil % pupils) + 1}</PersonID><AttendanceDate>${fromDayNumber(DAY0 + m.day)}</AttendanceDate><SessionName>${m.pm ? 'PM' : 'AM'}</SessionName><AttendanceMark>${xmlText(display)}</AttendanceMark></SessionAttendance>`;
    });
    const distinct = new Set(marks.map((m) => `${m.pupil % pupils}|${m.day}|${m.pm}`)).size;
    return { mapping, codes, students, distinct, marks: `<SessionAttendances>${sessions.join('')}</SessionAttendances>` };
  });

const markTexts = (r: ReturnType<typeof resolveRun>): string[] => r.marks.map((m) => `${m.pupilId} ${m.date} ${m.session} ${m.code}`);

describe('SIMS properties', () => {
  test.prop([exportOf, fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }), fc.boolean()], { numRuns: 25 })(
    '[SIMS-1] the code list and student list may be in any file of the folder, read in any order or not at all: the marks come out the same',
    async (x, order, together) => {
      const dir = await mkdtemp(join(tmpdir(), 'sims-prop-'));
      try {
        // Either three files, or the code list and student list sections in one file beside the marks.
        const files = together ? [['a-marks.xml', x.marks], ['z-lists.xml', `<Export>${x.codes}${x.students}</Export>`]] : [['c.xml', x.codes], ['m.xml', x.marks], ['s.xml', x.students]];
        for (const [name, text] of files) await writeFile(join(dir, name as string), text as string);
        const paths = files.map(([name]) => join(dir, name as string));
        const shuffled = paths.map((p, i) => ({ p, k: order[i] ?? 0 })).sort((a, b) => a.k - b.k).map((e) => e.p);
        const all = resolveRun(await runAdapter(simsAdapter, paths, OPTIONS));
        const reordered = resolveRun(await runAdapter(simsAdapter, shuffled, OPTIONS));
        const marksAlone = resolveRun(await runAdapter(simsAdapter, [paths[together ? 0 : 1] as string], OPTIONS));
        expect(markTexts(reordered)).toEqual(markTexts(all));
        expect(markTexts(marksAlone)).toEqual(markTexts(all));
        // Every mark is accepted (all codes are 2024 codes on 2024/25 dates), one per session.
        expect(all.marks).toHaveLength(x.distinct);
        // Every mark is accounted for whichever way it is read.
        expect([...all.counts.values()].reduce((a, c) => a + c.accepted + c.superseded + c.rejected - c.read, 0)).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  test.prop([exportOf, fc.array(fc.nat(4000), { maxLength: 10 })])(
    '[SIMS-2] each mark carries the statutory code its display code maps to, never the display code itself (unless they are the same), however the bytes are split',
    (x, cuts) => {
      const b = companionBuilder();
      b.addCodeList();
      b.addStudentList();
      for (const [d, s] of x.mapping) b.addCode({ SIMS_Display_Code: d, Statutory_Return_Code: s });
      for (let p = 1; p <= 3; p++) b.addStudent({ ID: String(p), UPN: `A12345678901${p - 1}` });
      const raws = rawRecordsOf('m.xml', b.finish(), ...splitBytes(enc(x.marks), cuts));
      const map = new Map(x.mapping);
      for (const raw of raws) {
        if (raw.data._tag !== 'mark') continue;
        const display = raw.data.fields['AttendanceMark'] as string;
        const statutory = map.get(display) as string;
        const n = normalizeSims(raw, OPTIONS);
        const mark = n.records.find((r) => r._tag === 'mark');
        if (isCodeInForce(statutory, '2024')) expect(mark?._tag === 'mark' && mark.mark.code).toBe(statutory);
        else expect(n.rejected).toBe(1);
      }
    },
  );

  test.prop([exportOf, fc.string({ minLength: 1, maxLength: 3 }).filter((s) => s.trim() === s && s !== '-' && !/[<&]/.test(s))])(
    '[SIMS-3] a display code that no code list maps is rejected with its name, never guessed (even when it looks like a statutory code)',
    (x, display) => {
      const b = companionBuilder();
      b.addCodeList();
      b.addStudentList();
      for (const [d, s] of x.mapping) if (d !== display) b.addCode({ SIMS_Display_Code: d, Statutory_Return_Code: s });
      b.addStudent({ ID: '1', UPN: 'A123456789010' });
      const raws = rawRecordsOf('m.xml', b.finish(), enc(`<SessionAttendances><SessionAttendance><PersonID>1</PersonID><AttendanceDate>2024-09-09</AttendanceDate><SessionName>AM</SessionName><AttendanceMark>${xmlText(display)}</AttendanceMark></SessionAttendance></SessionAttendances>`));
      const n = normalizeSims(raws[0] as (typeof raws)[number], OPTIONS);
      expect(n.records).toEqual([]);
      expect(n.issues.map((i) => i.code)).toEqual(['sims/unmapped-code']);
      expect(n.issues[0]?.message).toContain(JSON.stringify(display));
    },
  );
});

describe('record parsing', () => {
  const name = fc.constantFrom('PersonID', 'AttendanceDate', 'Legal_x0020_Surname', 'UPN', 'Year', 'a.b-c', '__proto__', 'constructor', 'toString');
  const value = fc.string({ maxLength: 8 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
  const child = fc.tuple(name, value, fc.constantFrom('', ' ', '\n  '), fc.boolean()).map(([n, v, ws, selfClose]) => (selfClose && v === '' ? `${ws}<${n}/>` : `${ws}<${n}>${xmlText(v)}</${n}>`));
  test.prop([fc.array(child, { maxLength: 6 }), fc.constantFrom('', '\n')])(
    '[SIMS-4] the fast path for flat records gives exactly the fields fast-xml-parser gives, or defers to it',
    async (children, end) => {
      const { flatFields, parseWithParser } = await import('../src/xml.js');
      const text = `<Record>${children.join('')}${end}</Record>`;
      const fast = flatFields(text, 'Record');
      // A plain record always takes the fast path; any record it takes gives the parser's fields.
      const plain = !/__proto__|constructor|toString|&/.test(text);
      if (plain || fast !== undefined) expect(fast).toEqual(parseWithParser(text, 'Record'));
    },
  );
});

import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describeConformance, fixturesFrom } from '@attendance-kit/adapter-kit/testing';
import { ctfAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Near-valid CTFs: real structure, random values (codes, dates, year groups, separators). */
const nearValidCtf = fc
  .record({
    upn: fc.oneof(fc.constant('A123456789012'), fc.string({ maxLength: 14 })),
    year: fc.constantFrom('R', '1', '07', 'X', '', '14', 'N2'),
    start: fc.oneof(fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2023, 8, 1 + d)).toISOString().slice(0, 10)), fc.string({ maxLength: 10 })),
    marks: fc.array(fc.constantFrom('/', '\\', 'I', 'N', '#', '-', 'C1', 'J', 'J1', 'H', 'Y1', '<', '', 'L'), { maxLength: 40 }),
    comma: fc.boolean(),
  })
  .map(({ upn, year, start, marks, comma }) => ({
    name: 'near-valid.xml',
    bytes: new TextEncoder().encode(
      `<?xml version="1.0"?><CTfile><Header><CTFversion>24</CTFversion><DateTime>2024-10-01T00:00:00</DateTime><SourceSchool><LEA>926</LEA><Estab>2001</Estab></SourceSchool></Header>` +
        `<CTFpupilData><Pupil><UPN>${upn.replace(/[<&]/g, '')}</UPN><NCyearActual>${year}</NCyearActual><Attendance><YearData><AttendSessions>` +
        `<AttendanceStartDate>${start.replace(/[<&]/g, '')}</AttendanceStartDate><AttendanceMarks>${marks.join(comma ? ',' : '').replace(/</g, '&lt;')}</AttendanceMarks>` +
        `</AttendSessions></YearData></Attendance></Pupil></CTFpupilData></CTfile>`,
    ),
  }));

describeConformance(ctfAdapter, {
  fixtures: fixturesFrom(ROOT, { schoolUrn: '100101', phase: 'primary' }),
  arbitraries: [nearValidCtf],
  numRuns: 60,
  // CI can keep this file as an artefact; here it goes to the temporary folder.
  reportPath: join(tmpdir(), 'attendance-kit-ctf-conformance.json'),
});

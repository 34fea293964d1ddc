import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describeConformance, fixturesFrom } from '@attendance-kit/adapter-kit/testing';
import { simsAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const xmlText = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const date = fc.oneof(
  fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2023, 8, 4 + d)).toISOString().slice(0, 10)),
  fc.constantFrom('09/09/2024', '2024-09-09T00:00:00', '2024-02-30', 'soon', ''),
);
const CODES = ['/', '\\', 'I', 'N', '#', '-', 'C1', 'J', 'J1', 'H', 'Y1', '9', 'X01', '', ' L ', 'ZZ'];

/** Near-valid SIMS files: each of the three shapes, random values; sometimes with the other two. */
const nearValidSims = fc.oneof(
  fc.array(fc.record({ pid: fc.constantFrom('1', '2', '', 'x'), date, session: fc.constantFrom('AM', 'PM', 'Morning', ''), mark: fc.constantFrom(...CODES), late: fc.constantFrom('', '5', '-1', 'soon') }), { maxLength: 8 }).map((rows) => ({
    name: 'marks.xml',
    bytes: new TextEncoder().encode(
      `<SessionAttendances>${rows.map((r) => `<SessionAttendance><PersonID>${r.pid}</PersonID><AttendanceDate>${r.date}</AttendanceDate><SessionName>${r.session}</SessionName><AttendanceMark>${xmlText(r.mark)}</AttendanceMark><MinsLate>${r.late}</MinsLate></SessionAttendance>`).join('')}</SessionAttendances>`,
    ),
  })),
  fc.array(fc.record({ display: fc.constantFrom(...CODES), statutory: fc.constantFrom(...CODES) }), { maxLength: 8 }).map((rows) => ({
    name: 'codes.xml',
    bytes: new TextEncoder().encode(
      `<AttendanceCodes_V2_load><AttenanceCodes>${rows.map((r) => `<AttendanceCode><SIMS_Display_Code>${xmlText(r.display)}</SIMS_Display_Code><Statutory_Return_Code>${xmlText(r.statutory)}</Statutory_Return_Code></AttendanceCode>`).join('')}</AttenanceCodes></AttendanceCodes_V2_load>`,
    ),
  })),
  fc.array(fc.record({ id: fc.constantFrom('1', '2', ''), upn: fc.constantFrom('A123456789012', 'B123456789013', '', 'x'), year: fc.constantFrom('Year  7', 'R', 'Reception', 'Staff', '', '14'), dob: date }), { maxLength: 6 }).map((rows) => ({
    name: 'students.xml',
    bytes: new TextEncoder().encode(
      `<SuperStarReport>${rows.map((r) => `<Record><ID>${r.id}</ID><UPN>${r.upn}</UPN><Year>${r.year}</Year><Date_x0020_of_x0020_Birth>${r.dob}</Date_x0020_of_x0020_Birth></Record>`).join('')}</SuperStarReport>`,
    ),
  })),
);

describeConformance(simsAdapter, {
  fixtures: fixturesFrom(ROOT, { schoolUrn: '100101', laCode: '926', phase: 'secondary' }),
  arbitraries: [nearValidSims],
  numRuns: 60,
  reportPath: join(tmpdir(), 'attendance-kit-sims-conformance.json'),
});

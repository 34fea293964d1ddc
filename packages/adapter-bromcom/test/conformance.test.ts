import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describeConformance, fixturesFrom } from '@attendance-kit/adapter-kit/testing';
import { bromcomAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const DAY_COLUMNS = ['monAM', 'monPM', 'tueAM', 'tuePM', 'wedAM', 'wedPM', 'thuAM', 'thuPM', 'friAM', 'friPM'];
const MARKS = ['/', '\\', 'I', 'N', '#', '-', 'C1', 'J', 'J1', 'H', 'Y1', '7', 'X01', '', ' L ', 'ZZ'];
const date = fc.oneof(
  fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2023, 8, 4 + d)).toISOString().slice(0, 10)),
  fc.integer({ min: 0, max: 120 }).map((w) => new Date(Date.UTC(2023, 8, 4 + 7 * w)).toISOString().slice(0, 10)),
  fc.constantFrom('13/09/2024', '20240916', '/Date(1726441200000+0100)/', '2024-02-30', 'soon', ''),
);
const row = fc.oneof(
  fc.record({ studentId: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constant(''), fc.string({ maxLength: 3 })), startDate: date, cells: fc.array(fc.constantFrom(...MARKS), { minLength: 10, maxLength: 10 }) }).map(({ studentId, startDate, cells }) => ({
    studentId,
    startDate,
    ...Object.fromEntries(DAY_COLUMNS.map((c, i) => [c, cells[i]])),
  })),
  fc.record({ studentId: fc.integer({ min: 1, max: 9 }), date, session: fc.constantFrom('AM', 'PM', 'Morning', 'x', ''), mark: fc.constantFrom(...MARKS), exportMark: fc.constantFrom(...MARKS) }),
  fc.record({ StudentId: fc.integer({ min: 1, max: 9 }), YearGroup: fc.constantFrom('7', 'Year 8', 'R', 'X', ''), EverFsm6Flag: fc.constantFrom('Yes', 'No', 'maybe', ''), DateOfBirth: date, GenderCode: fc.constantFrom('M', 'F', 'Q') }),
);

/** Near-valid pages: the real envelope and row shapes, random values. */
const nearValidPage = fc.record({ success: fc.boolean(), rows: fc.array(row, { maxLength: 8 }) }).map(({ success, rows }) => ({
  name: 'page.json',
  bytes: new TextEncoder().encode(JSON.stringify({ success, data: rows })),
}));

describeConformance(bromcomAdapter, {
  fixtures: fixturesFrom(ROOT, { schoolUrn: '100101', laCode: '926', phase: 'secondary' }),
  arbitraries: [nearValidPage],
  numRuns: 60,
  reportPath: join(tmpdir(), 'attendance-kit-bromcom-conformance.json'),
});

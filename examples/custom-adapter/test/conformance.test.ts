// The conformance kit, run exactly as a vendor would run it in their own suite (docs/adapters.md §3).
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describeConformance, fixturesFrom } from '@attendance-kit/adapter-kit/testing';
import { TALLY_HEADER, tallyAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Near-valid files: the real header and row shape, with values drawn from good and bad ones. */
const cell = {
  urn: fc.constantFrom('100101', '100102', '12345', ''),
  upn: fc.constantFrom('A123456789012', 'B123456789012', 'a1', ''),
  year: fc.constantFrom('7', '8', 'R', 'Year 9', ''),
  date: fc.oneof(
    fc.integer({ min: 0, max: 400 }).map((d) => {
      const t = new Date(Date.UTC(2024, 6, 1 + d));
      return `${String(t.getUTCDate()).padStart(2, '0')}/${String(t.getUTCMonth() + 1).padStart(2, '0')}/${t.getUTCFullYear()}`;
    }),
    fc.constantFrom('2024-09-02', '31/02/2024', '9/9/2024', ''),
  ),
  code: fc.constantFrom('/', '\\', 'I', 'M', 'N', 'J', 'J1', 'ZZ', '', ' L '),
};
const nearValidFile = fc
  .array(fc.tuple(cell.urn, cell.upn, cell.year, cell.date, cell.code, cell.code), { maxLength: 12 })
  .map((rows) => ({ name: 'register.csv', bytes: new TextEncoder().encode([TALLY_HEADER, ...rows.map((r) => r.join(','))].join('\n')) }));

describeConformance(tallyAdapter, {
  fixtures: fixturesFrom(ROOT, { laCode: '926', phase: 'secondary' }),
  arbitraries: [nearValidFile],
  numRuns: 40,
  reportPath: join(tmpdir(), 'attendance-kit-example-tally-conformance.json'),
});

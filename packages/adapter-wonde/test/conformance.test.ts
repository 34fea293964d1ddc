import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describeConformance, fixturesFrom } from '@attendance-kit/adapter-kit/testing';
import { wondeAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const date = fc.oneof(
  fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2023, 8, 4 + d)).toISOString().slice(0, 10)),
  fc.integer({ min: 0, max: 800 }).map((d) => ({ date: `${new Date(Date.UTC(2023, 8, 4 + d)).toISOString().slice(0, 10)} 23:00:00.000000`, timezone_type: 3, timezone: 'UTC' })),
  fc.constantFrom('13/09/2024', '2024-02-30', 'soon', '', null, { date: 7 }),
);
const CODES = ['/', '\\', 'I', 'N', '#', '-', 'C1', 'J', 'J1', 'H', 'Y1', '7', 'X01', '', 'ZZ'];
const row = fc.oneof(
  fc.record({ student: fc.constantFrom('A1', 'A2', '', 7), date, session: fc.constantFrom('AM', 'PM', 'pm', 'x', ''), attendance_code: fc.constantFrom('C0', 'C1', 'C2', 'C9') }),
  fc.record({ student_id: fc.constantFrom('A1', 'A2'), date, session: fc.constantFrom('AM', 'PM'), attendance_code_id: fc.constantFrom('C0', 'C1'), minutes_late: fc.constantFrom('5', 0, -1, 'x') }),
  fc.record({ student: fc.constantFrom('A1', 'A2'), date, session: fc.constantFrom('AM', 'PM'), attendance_code: fc.record({ data: fc.record({ id: fc.constant('C5'), code: fc.constantFrom(...CODES) }) }) }),
  fc.record({ id: fc.constantFrom('C0', 'C1', 'C2'), code: fc.constantFrom(...CODES), description: fc.string({ maxLength: 4 }) }),
  fc.record({ id: fc.constantFrom('A1', 'A2', ''), education_details: fc.record({ data: fc.record({ current_nc_year: fc.constantFrom('R', '7', 'Year 3', '0', '', 'N2') }) }), gender: fc.constantFrom('MALE', 'FEMALE', null, 'Q'), extended_details: fc.record({ data: fc.record({ free_school_meals: fc.constantFrom(true, 'Y', 'maybe', null), sen_status: fc.constantFrom('K', 'SEN Support', 'Z') }) }) }),
);
const meta = fc.option(fc.record({ pagination: fc.record({ next: fc.option(fc.constant('https://api.wonde.com/v1.0/x?page=2')), more: fc.boolean(), current_page: fc.integer({ min: 0, max: 3 }) }) }), { nil: undefined });
const school = fc.record({ urn: fc.constantFrom(100101, '100102', 'x'), la_code: fc.constantFrom('926', '10000', ''), phase_of_education: fc.constantFrom('PRIMARY', 'NOT APPLICABLE', 'SPECIAL') });

/** Near-valid pages: the real envelope and row shapes, random values. */
const nearValidPage = fc
  .oneof(
    fc.record({ rows: fc.array(row, { maxLength: 8 }), meta }).map(({ rows, meta: m }) => ({ data: rows, ...(m === undefined ? {} : { meta: m }) })),
    school.map((s) => ({ data: s })),
  )
  .map((page) => ({ name: 'page.json', bytes: new TextEncoder().encode(JSON.stringify(page)) }));

describeConformance(wondeAdapter, {
  fixtures: fixturesFrom(ROOT, { schoolUrn: '100101', laCode: '926', phase: 'primary' }),
  arbitraries: [nearValidPage],
  numRuns: 60,
  reportPath: join(tmpdir(), 'attendance-kit-wonde-conformance.json'),
});

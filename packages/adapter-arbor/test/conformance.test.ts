import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describeConformance, fixturesFrom } from '@attendance-kit/adapter-kit/testing';
import { arborAdapter, arborBiAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const REST_OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'primary' } as const;

const date = fc.oneof(
  fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2023, 8, 4 + d)).toISOString().slice(0, 10)),
  fc.integer({ min: 0, max: 800 }).map((d) => ({ entityType: 'date', date: `${new Date(Date.UTC(2023, 8, 4 + d)).toISOString().slice(0, 10)} 08:45:00` })),
  fc.constantFrom('09/09/2024', '2024-02-30', '', null, 7, { date: 3 }),
);
const ref = (type: string, path: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.integer({ min: 1, max: 6 }).map((i) => ({ entityType: type, href: `/rest-v2/${path}/${i}` })),
    fc.constantFrom('PRESENT', 'ILLNESS', `/rest-v2/${path}/%E0%A4%A`, '', null, { __proto__: 1 }, ['x']),
  );
const entity = fc.oneof(
  fc.record({ entityType: fc.constant('AttendanceRecord'), student: ref('Student', 'students'), attendanceRegister: ref('AttendanceRegister', 'attendance-registers'), attendanceMark: ref('AttendanceMark', 'attendance-marks'), startDatetime: date, minutesLate: fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.constant('x')), isRedundant: fc.oneof(fc.boolean(), fc.constant('yes')) }),
  fc.record({ entityType: fc.constant('AttendanceRollCallRecord'), student: ref('Student', 'students'), attendanceRollCall: ref('AttendanceRollCall', 'attendance-roll-calls'), attendanceMark: ref('AttendanceMark', 'attendance-marks'), recordDate: date }),
  fc.record({ entityType: fc.constant('AttendanceMark'), href: fc.integer({ min: 1, max: 6 }).map((i) => `/rest-v2/attendance-marks/${i}`), code: fc.constantFrom('PRESENT', 'ILLNESS', 'X7'), attendanceMark: fc.constantFrom('/', '\\', 'I', 'J1', 'H', '7', ' L ', ''), isStatisticalPresent: fc.boolean() }),
  fc.record({ entityType: fc.constantFrom('AttendanceRegisterType', 'AttendanceRegister', 'AttendanceRollCall'), href: fc.integer({ min: 1, max: 6 }).map((i) => `/x/${i}`), isMorning: fc.boolean(), isAfternoon: fc.boolean(), attendanceRegisterType: ref('AttendanceRegisterType', 'attendance-register-types') }),
  fc.record({ entityType: fc.constant('Student'), href: fc.integer({ min: 1, max: 6 }).map((i) => `/rest-v2/students/${i}`), person: fc.oneof(ref('Person', 'persons'), fc.record({ gender: fc.constantFrom('MALE', 'X', { code: 'FEMALE' }), dateOfBirth: date })) }),
  fc.record({ entityType: fc.constantFrom('AcademicLevelMembership', 'SenStatusAssignment', 'EligibilityRecord'), student: ref('Student', 'students'), person: ref('Person', 'persons'), academicLevel: fc.constantFrom({ shortName: 'Y7' }, { shortName: 'Q' }), senStatus: fc.constantFrom({ exportCode: 'K' }, { exportCode: 'Z' }), eligibility: fc.constantFrom({ code: 'FSM' }), startDate: date, endDate: date }),
);
/** Near-valid saved responses: the real envelopes and entity shapes, random values. */
const nearValid = fc
  .record({ shape: fc.constantFrom('list', 'bare', 'changes', 'single'), entities: fc.array(entity, { maxLength: 6 }) })
  .map(({ shape, entities }) => ({
    name: 'response.json',
    bytes: new TextEncoder().encode(
      JSON.stringify(
        shape === 'list'
          ? { attendanceRecords: entities }
          : shape === 'bare'
            ? entities
            : shape === 'changes'
              ? { changes: entities.map((changedObject, i) => ({ changeType: i % 3 === 0 ? 'DELETE' : 'UPDATE', changedObject })) }
              : { student: entities[0] ?? {} },
      ),
    ),
  }));

describeConformance(arborAdapter, {
  fixtures: fixturesFrom(join(ROOT, 'rest'), REST_OPTIONS),
  arbitraries: [nearValid],
  numRuns: 30,
  reportPath: join(tmpdir(), 'attendance-kit-arbor-conformance.json'),
});

const HEADERS = [
  'STUDENT_ID,APPLICATION_ID,RAW_MARK,MARK_CODE,MINUTES_LATE,PERIOD,DATE,IS_PRESENT,IS_AUTHORIZED_ABSENT,IS_UNAUTHORIZED_ABSENT,IS_POSSIBLE_ATTENDANCE',
  'STUDENT_ID,APPLICATION_ID,YEAR_GROUP,DATE_OF_BIRTH,GENDER,ETHNICITY,IS_FSM,SEN_STATUS',
  'APPLICATION_ID,URN,LA_CODE,SCHOOL_NAME,PHASE',
];
const biCell = fc.oneof(
  fc.constantFrom('/', '\\', 'I', 'J1', 'H', '7', '', 'NULL', '\\N', 'MORNING', 'AFTERNOON', 'PRESENT_AM', 'TRUE', 'FALSE', 'Year 7', 'R', '100101', '926', 'primary', 'app1', '__proto__', '"q"', '"a,b"', '2024-09-09', '2024-02-30', '09/09/2024'),
  fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2023, 8, 4 + d)).toISOString().slice(0, 10)),
  fc.string({ maxLength: 6 }),
);
/** Near-valid BI files: a real header, rows of plausible and hostile cells. */
const nearValidCsv = fc
  .record({ header: fc.constantFrom(...HEADERS), rows: fc.array(fc.array(biCell, { minLength: 1, maxLength: 12 }), { maxLength: 8 }), eol: fc.constantFrom('\n', '\r\n') })
  .map(({ header, rows, eol }) => ({ name: 'export.csv', bytes: new TextEncoder().encode([header, ...rows.map((r) => r.join(','))].join(eol)) }));

describeConformance(arborBiAdapter, {
  fixtures: fixturesFrom(join(ROOT, 'bi')),
  arbitraries: [nearValidCsv],
  numRuns: 30,
  reportPath: join(tmpdir(), 'attendance-kit-arbor-bi-conformance.json'),
});

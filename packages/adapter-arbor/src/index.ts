/**
 * @attendance-kit/adapter-arbor: Arbor MIS exports as canonical records. Two adapters:
 *
 * - `arborAdapter` (`arbor`): saved REST API responses (entity JSON: AttendanceRecord,
 *   AttendanceRollCallRecord, AttendanceMark, AttendanceRegisterType, Student and its date-ranged
 *   assignments), one entity list per file, in any names, read in two passes over the export folder.
 * - `arborBiAdapter` (`arbor-bi`): BI Connector (Snowflake) CSV exports: the ATTENDANCE dataset
 *   (RAW_MARK, PERIOD, IS_* flags) with student and school tables.
 *
 * See README.md.
 * @packageDocumentation
 */
import { defineAdapter, type Adapter } from '@attendance-kit/adapter-kit';
import { detectArborBi } from './bi/detect.js';
import { normalizeArborBi } from './bi/normalize.js';
import { readArborBi, type BiRaw } from './bi/read.js';
import { ARBOR_BI_ISSUE_CODES, ARBOR_ISSUE_CODES } from './issue-codes.js';
import { detectArbor } from './rest/detect.js';
import { normalizeArbor } from './rest/normalize.js';
import { readArbor, type ArborRaw } from './rest/read.js';

/**
 * The Arbor REST adapter. The school's URN, LA code and phase come from the options.
 * @example
 * for await (const raw of arborAdapter.read(['export/attendance-records.json'], { options: {} })) {
 *   const { records, issues } = arborAdapter.normalize(raw, { schoolUrn: '100101', laCode: '926', phase: 'primary' });
 * }
 */
export const arborAdapter: Adapter<ArborRaw> = defineAdapter<ArborRaw>({
  id: 'arbor',
  name: 'Arbor REST API (saved entity JSON)',
  formats: ['AttendanceRecord', 'AttendanceRollCallRecord', 'AttendanceMark', 'AttendanceRegisterType', 'AttendanceRegister', 'AttendanceRollCall', 'Student with Person and date-ranged assignments'],
  issueCodes: ARBOR_ISSUE_CODES,
  needsOption: { 'arbor/missing-school-urn': 'schoolUrn', 'arbor/missing-la-code': 'laCode', 'arbor/missing-phase': 'phase' },
  detect: detectArbor,
  read: (paths) => readArbor(paths),
  normalize: normalizeArbor,
});

/**
 * The Arbor BI Connector adapter (Snowflake CSV unloads of ATTENDANCE, student and school tables).
 * The school comes from a school table in the same folder, else from the options.
 * @example
 * for await (const raw of arborBiAdapter.read(['bi/attendance.csv'], { options: {} })) {
 *   const { records } = arborBiAdapter.normalize(raw, {});
 * }
 */
export const arborBiAdapter: Adapter<BiRaw> = defineAdapter<BiRaw>({
  id: 'arbor-bi',
  name: 'Arbor BI Connector (Snowflake CSV: ATTENDANCE, student and school tables)',
  formats: ['ATTENDANCE (RAW_MARK, MARK_CODE, PERIOD, DATE, IS_* flags)', 'student table', 'school table'],
  issueCodes: ARBOR_BI_ISSUE_CODES,
  needsOption: { 'arbor-bi/missing-school-urn': 'schoolUrn', 'arbor-bi/missing-la-code': 'laCode', 'arbor-bi/missing-phase': 'phase' },
  detect: detectArborBi,
  read: (paths) => readArborBi(paths),
  normalize: normalizeArborBi,
});

export { ARBOR_ISSUE_CODES, ARBOR_BI_ISSUE_CODES, type ArborIssueCode, type ArborBiIssueCode } from './issue-codes.js';
export { detectArbor } from './rest/detect.js';
export { normalizeArbor } from './rest/normalize.js';
export { readArbor, folderLookups, type ArborRaw } from './rest/read.js';
export { createEntityListScanner, listKeyOf, type EntityListScanner } from './rest/entity-scan.js';
export { kindName, kindOf, refId, type Entity } from './rest/entity.js';
export { createLookupBuilder, latestSpan, type Lookups, type MarkInfo, type SessionInfo, type Found, type Span } from './rest/lookups.js';
export { markOf, sessionOf, studentFacts, type StudentFacts, type TimedSpan } from './rest/resolve.js';
export { arborCharacteristicRows } from './rest/characteristics.js';
export { dateOf, yearGroupOf, sexOf, boolOf, senOf, minutesOf, flagsDisagree, type StatFlags } from './shared/values.js';
export { detectArborBi } from './bi/detect.js';
export { normalizeArborBi } from './bi/normalize.js';
export { readArborBi, folderSchools, schoolFor, type BiRaw, type SchoolFound, type SchoolLookup } from './bi/read.js';
export { csvEvents, type CsvRecord, type CsvEvent } from './bi/csv.js';
export { tableOf, headerlessAttendance, headerName, ATTENDANCE, STUDENT, SCHOOL, type TableSpec, type Layout } from './bi/tables.js';

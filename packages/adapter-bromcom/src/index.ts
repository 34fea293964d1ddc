/**
 * @attendance-kit/adapter-bromcom: saved Bromcom Partner API v2 pages (`{ success, data }`) as
 * canonical records: StudentFlatView (pupils and characteristics), StudentAttendanceByWeek
 * (`MonAM` ... `FriPM`) and Attendances (`Mark` / `ExportMark`), each row recognised by its
 * content. The school's URN, LA code and phase come from the options. See README.md.
 * @packageDocumentation
 */
import { defineAdapter, type Adapter } from '@attendance-kit/adapter-kit';
import { BROMCOM_ISSUE_CODES } from './issue-codes.js';
import { normalizeBromcom } from './normalize.js';
import { readBromcom, type BromcomRaw } from './read.js';

/**
 * The Bromcom adapter.
 * @example
 * for await (const raw of bromcomAdapter.read(['students.json'], { options: {} })) {
 *   const { records, issues } = bromcomAdapter.normalize(raw, { schoolUrn: '100101', laCode: '926', phase: 'primary' });
 * }
 */
export const bromcomAdapter: Adapter<BromcomRaw> = defineAdapter<BromcomRaw>({
  id: 'bromcom',
  name: 'Bromcom Partner API v2 (saved JSON pages)',
  formats: ['StudentFlatView', 'StudentAttendanceByWeek', 'Attendances (Mark / ExportMark, 2024 two-character codes)'],
  issueCodes: BROMCOM_ISSUE_CODES,
  needsOption: { 'bromcom/missing-school-urn': 'schoolUrn', 'bromcom/missing-la-code': 'laCode', 'bromcom/missing-phase': 'phase' },
  // A v2 page starts with its envelope; the row fields say it is Bromcom's (other vendors' JSON differs).
  detect: (head) => /^\uFEFF?\s*\{\s*"success"\s*:/.test(head) && /"(?:studentId|monAM|exportMark|yearGroup|upn)"\s*:/i.test(head),
  read: (paths) => readBromcom(paths),
  normalize: normalizeBromcom,
});

export { BROMCOM_ISSUE_CODES, type BromcomIssueCode } from './issue-codes.js';
export { normalizeBromcom, rowKind, schoolOf } from './normalize.js';
export { readBromcom, rawRecordsOf, decodeBytes, type BromcomRaw } from './read.js';
export { fieldsOf, textField, flagValue, bromcomDate, addDays, type Fields } from './fields.js';
export { createPageScanner, decodeUnit, type PageScanner, type ScanEvent } from '@attendance-kit/adapter-kit';
export { statutoryCode, type CodeResult } from './codes.js';
export { weekMarks, attendanceMark, WEEK_COLUMNS, type RowMarks } from './marks.js';
export { studentOf, yearGroupText } from './student.js';

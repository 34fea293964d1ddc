/**
 * Every issue code the Bromcom adapter raises, with its meaning (also in docs/issue-codes.md).
 *
 * @module
 */

/** Declared issue codes. */
export const BROMCOM_ISSUE_CODES = {
  'bromcom/bad-json': 'The file is not JSON or ends early: rows completed before the fault are read, nothing after it.',
  'bromcom/not-envelope': 'JSON that is not a Partner API v2 page `{ "success": ..., "data": [...] }`: the file is not read.',
  'bromcom/unsuccessful-page': 'A page with `success: false`: its rows (if any) are not read.',
  'bromcom/empty-page': 'A page whose `data` is empty (info).',
  'bromcom/not-utf8': 'The bytes are not valid UTF-8; read as Latin-1 instead (warning).',
  'bromcom/unrecognised-row': 'A row that is no StudentFlatView, StudentAttendanceByWeek or Attendances row (a page of another entity): rejected.',
  'bromcom/missing-school-urn': 'Bromcom pages carry no URN and no --school-urn was given: the school, pupils and marks are rejected.',
  'bromcom/missing-la-code': 'Bromcom pages carry no LA code and no --la-code was given: the school is rejected.',
  'bromcom/missing-phase': 'Bromcom pages carry no phase and no --phase was given: the school is rejected.',
  'bromcom/bad-school': "The URN, LA code or phase given does not decode (e.g. a URN that is not 6 or 7 digits).",
  'bromcom/missing-field': 'A required field (StudentId, YearGroup, the date or session of a mark, the week start of a weekly row) is missing: the row is rejected.',
  'bromcom/bad-value': 'A required field has a value that cannot be used (a year group, date or session not understood): the row is rejected.',
  'bromcom/bad-characteristic': 'An optional characteristic (DateOfBirth, GenderCode, EthnicityCode, ProvisionName, a Yes/No flag, EnrolmentStateName, enrolment dates) is not understood: left unknown (warning).',
  'bromcom/no-statutory-mapping': 'A mark that is not a statutory code and has no ExportMark giving one (e.g. a local code "7"): rejected with its name, never guessed.',
  'bromcom/unknown-code': 'An ExportMark that is no statutory register code (e.g. "X01"): rejected with its name.',
  'bromcom/code-not-in-force': 'A statutory code not in force on its date (e.g. J1 before 19 August 2024, H after): rejected.',
  'bromcom/present-mark-session': 'A / mark on a PM session or \\ on an AM session: kept as present (warning).',
  'bromcom/week-not-monday': 'A StudentAttendanceByWeek row whose week start is not a Monday: its marks are rejected (the day columns could not be dated).',
} as const;

/** A Bromcom issue code. */
export type BromcomIssueCode = keyof typeof BROMCOM_ISSUE_CODES;

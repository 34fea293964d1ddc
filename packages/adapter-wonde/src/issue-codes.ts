/**
 * Every issue code the Wonde adapter raises, with its meaning (README.md lists them with their
 * severities).
 *
 * @module
 */

/** Declared issue codes. */
export const WONDE_ISSUE_CODES = {
  'wonde/bad-json': 'The file is not JSON or ends early: rows completed before the fault are read, nothing after it.',
  'wonde/not-page': 'JSON that is not a Wonde page `{ "data": ..., "meta": ... }`: the file is not read.',
  'wonde/not-utf8': 'The bytes are not valid UTF-8; read as Latin-1 instead (warning).',
  'wonde/empty-page': 'A page whose `data` is empty (info).',
  'wonde/unrecognised-row': 'A row that is no student, attendance code or session mark (a page of another entity): rejected.',
  'wonde/missing-page': 'meta.pagination says a page follows (or precedes) this one, but no saved file in the folder holds it (warning).',
  'wonde/ambiguous-school': 'The folder holds school objects of more than one URN: the pupils and marks of its other pages cannot be placed and are rejected.',
  'wonde/missing-school-urn': 'No school object in the folder and no --school-urn: the school, pupils and marks are rejected.',
  'wonde/missing-la-code': 'The school object carries no usable LA code and no --la-code was given: the school is rejected.',
  'wonde/missing-phase': 'The school object carries no usable phase (e.g. "NOT APPLICABLE") and no --phase was given: the school is rejected.',
  'wonde/bad-school': 'The school object (or the options) give a URN, LA code or phase that does not decode: the school is rejected.',
  'wonde/option-differs': 'An option (--school-urn, --la-code, --phase) differs from what the school object says: the school object wins (warning).',
  'wonde/missing-field': 'A required field (a student id, a year group, the date, session or attendance code of a mark) is missing: the row is rejected.',
  'wonde/bad-value': 'A required field has a value that cannot be used (a year group, date or session not understood): the row is rejected.',
  'wonde/bad-characteristic': 'An optional characteristic (date of birth, gender, ethnicity, SEN, a flag, enrolment status or dates) is not understood: left unknown (warning).',
  'wonde/unknown-code-id': 'A mark names an attendance code id that no attendance-codes page in its folder defines: rejected with the id.',
  'wonde/no-statutory-mapping': 'An attendance code whose code is no statutory register code and which gives no statutory mapping (e.g. a local "7"): the code is reported (warning) and each mark using it is rejected with its name.',
  'wonde/code-not-in-force': 'A statutory code not in force on its date (e.g. J1 before 19 August 2024, H after): rejected.',
  'wonde/present-mark-session': 'A / mark on a PM session or \\ on an AM session: kept as present (warning).',
} as const;

/** A Wonde issue code. */
export type WondeIssueCode = keyof typeof WONDE_ISSUE_CODES;

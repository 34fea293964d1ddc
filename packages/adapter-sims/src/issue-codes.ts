/**
 * Every issue code the SIMS adapter raises, with its meaning.
 *
 * @module
 */

/** Declared issue codes. */
export const SIMS_ISSUE_CODES = {
  'sims/doctype': 'The file has a DOCTYPE or entity declaration: refused (no XXE, no entity expansion); nothing after it is read.',
  'sims/bad-xml': 'Not well-formed XML, truncated, or one record that does not parse alone: the records complete before the fault are read.',
  'sims/not-sims': 'XML holding none of SessionAttendance, AttendanceCode or SuperStarReport/Record: the file is not read.',
  'sims/no-records': 'A SIMS file with no records (warning).',
  'sims/not-utf8': 'Bytes declared or assumed UTF-8 are not; read as Latin-1 (warning).',
  'sims/missing-school-urn': 'SIMS XML carries no URN and --school-urn was not given: the school, its pupils and marks are rejected.',
  'sims/missing-la-code': 'SIMS XML carries no LA code and --la-code was not given.',
  'sims/missing-phase': 'SIMS XML carries no phase and --phase was not given.',
  'sims/bad-school': "The URN, LA code or phase given does not decode (e.g. a URN that is not 6 or 7 digits).",
  'sims/missing-field': 'A required field is missing (a mark: PersonID, AttendanceDate, SessionName; a student: UPN, Year): the record is rejected.',
  'sims/bad-date': 'AttendanceDate is not a real YYYY-MM-DD date (with or without a time): the mark is rejected.',
  'sims/bad-session': 'SessionName is not AM or PM: the mark is rejected.',
  'sims/bad-value': 'A required student field has a value that cannot be used (e.g. Year "Staff"): the student is rejected.',
  'sims/no-code-list': 'No attendance code list (AttendanceCodes or AttendanceCodes_V2_load) is in the folder of the marks file: display codes cannot be mapped, the marks are rejected.',
  'sims/unmapped-code': 'A display code with no statutory code in the code list: the mark is rejected with the code named, never guessed.',
  'sims/conflicting-code-mapping': 'The code lists map one display code to different statutory codes: its marks are rejected.',
  'sims/unknown-code': 'A Statutory_Return_Code that is no DfE register code: the mark is rejected.',
  'sims/code-not-in-force': 'A statutory code not in force on the date (e.g. J1 before 19 August 2024): the mark is rejected.',
  'sims/unknown-person': 'A mark whose PersonID no student list in its folder maps to a UPN: the mark is rejected.',
  'sims/conflicting-person': 'Student lists map one PersonID to different UPNs: its marks are rejected.',
  'sims/unusual-upn': 'The UPN is not a letter, 11 digits and a check character (kept as the pupil id; warning).',
  'sims/bad-characteristic': 'An optional value (DOB, gender, FSM, SEN, ethnicity, MinsLate...) not understood: left unknown (warning).',
  'sims/code-list-entry': 'A code-list entry without a usable display or statutory code (warning; marks using it are rejected).',
  'sims/present-mark-session': 'A / mark on a PM session or \\ on an AM session: kept as present (warning).',
} as const;

/** A SIMS issue code. */
export type SimsIssueCode = keyof typeof SIMS_ISSUE_CODES;

/**
 * Every issue code the two Arbor adapters raise, with its meaning (README.md lists them too).
 *
 * @module
 */

/** Issue codes of the `arbor` adapter (REST API entity JSON). */
export const ARBOR_ISSUE_CODES = {
  'arbor/bad-json': 'The file is not JSON or ends early: entities completed before the fault are read, nothing after it.',
  'arbor/not-entity-list': 'JSON that is no Arbor entity list (`{"students":[...]}`, a bare array, or a changelog `{"changes":[...]}`): the file is not read.',
  'arbor/empty-list': 'The entity list is empty (info).',
  'arbor/not-utf8': 'The bytes are not valid UTF-8; read as Latin-1 instead (warning).',
  'arbor/unrecognised-entity': 'An entity of a type this adapter does not read (e.g. a BehaviouralIncident), or not an object: rejected.',
  'arbor/deleted-entity': 'A changelog entry deleting an entity: not imported (info, counted as rejected).',
  'arbor/missing-school-urn': "Arbor's REST entities carry no URN and no --school-urn was given: the school, pupils and marks are rejected.",
  'arbor/missing-la-code': "Arbor's REST entities carry no LA code and no --la-code was given: the school is rejected.",
  'arbor/missing-phase': "Arbor's REST entities carry no phase and no --phase was given: the school is rejected.",
  'arbor/bad-school': 'The URN, LA code or phase given does not decode (e.g. a URN that is not 6 or 7 digits).',
  'arbor/missing-field': 'A required field (the student of a mark or the id of a student, the date of a mark, the mark itself) is missing: rejected.',
  'arbor/bad-date': 'A date that is neither a REST date `{entityType:"date", date:"YYYY-MM-DD HH:MM:SS"}` nor a `YYYY-MM-DD...` string, or not a real date: rejected.',
  'arbor/unknown-register': 'The register, roll call or register type of a mark is not in the export folder, so its session (AM/PM) is unknown: rejected.',
  'arbor/ambiguous-session': 'The register type of a mark says both isMorning and isAfternoon: rejected.',
  'arbor/unknown-mark': "The mark's AttendanceMark is not in the export folder: rejected (its statutory code cannot be known).",
  'arbor/no-statutory-mapping': 'An AttendanceMark whose `attendanceMark` symbol is no statutory register code: marks using it are rejected with its name, never guessed.',
  'arbor/code-not-in-force': 'A statutory code not in force on its date (e.g. J1 before 19 August 2024, H after): rejected.',
  'arbor/conflicting-lookup': 'Two files of the export folder define one entity (an AttendanceMark, register, register type or roll call) differently: marks using it are rejected.',
  'arbor/flags-disagree': "An AttendanceMark's statistical flags disagree with its statutory code's category; the code is used (warning).",
  'arbor/redundant-record': 'An AttendanceRecord marked `isRedundant`: not imported (info, counted as rejected).',
  'arbor/bad-minutes-late': 'minutesLate is not a whole number from 0 to 65534: the mark is kept without it (warning).',
  'arbor/unknown-year-group': "No year group for a student (no AcademicLevelMembership, or a level/grade not understood): the student is rejected.",
  'arbor/bad-characteristic': "An optional characteristic (date of birth, gender, ethnicity, SEN status...) is not understood: left unknown (warning).",
  'arbor/lesson-records': 'AttendanceRecords of lesson registers (register type neither morning nor afternoon) are not session marks: skipped, not counted (info, one per file).',
} as const;

/** An `arbor` issue code. */
export type ArborIssueCode = keyof typeof ARBOR_ISSUE_CODES;

/** Issue codes of the `arbor-bi` adapter (BI Connector CSV). */
export const ARBOR_BI_ISSUE_CODES = {
  'arbor-bi/empty-file': 'The file holds no record at all.',
  'arbor-bi/unrecognised-table': 'The header names no ATTENDANCE, student or school table this adapter reads: the file is rejected.',
  'arbor-bi/missing-column': 'A column the table needs (STUDENT_ID, DATE, RAW_MARK, URN...) is missing from the header: every row is rejected.',
  'arbor-bi/bad-csv': 'A row that is not a CSV record of the header (bad quoting, a field or record too long, a different number of fields): rejected.',
  'arbor-bi/not-utf8': 'The bytes are not valid UTF-8; read as Latin-1 instead (warning).',
  'arbor-bi/compressed': 'The file is gzip-compressed (Snowflake unloads `.csv.gz` by default) and could not be decompressed whole: the rows before the fault are read.',
  'arbor-bi/missing-school-urn': "No school table maps the row's APPLICATION_ID to a URN and no --school-urn was given: rejected.",
  'arbor-bi/missing-la-code': 'The school has no LA code in the school table and no --la-code was given: the school is rejected.',
  'arbor-bi/missing-phase': 'The school has no phase in the school table and no --phase was given: the school is rejected.',
  'arbor-bi/bad-school': 'A URN, LA code or phase that does not decode: the school is rejected.',
  'arbor-bi/conflicting-school': 'Two school tables of the folder map one APPLICATION_ID to different URNs: its rows are rejected.',
  'arbor-bi/missing-field': 'A required field (STUDENT_ID, DATE, PERIOD, a year group) is empty: rejected.',
  'arbor-bi/bad-date': 'DATE is not `YYYY-MM-DD` (optionally with a time), or not a real date: rejected.',
  'arbor-bi/bad-period': 'PERIOD is not MORNING/AFTERNOON (or AM/PM) and MARK_CODE has no _AM/_PM suffix: rejected.',
  'arbor-bi/no-statutory-mapping': 'RAW_MARK is no statutory register code: rejected with its name (and MARK_CODE), never guessed.',
  'arbor-bi/code-not-in-force': 'A statutory code not in force on its date: rejected.',
  'arbor-bi/flags-disagree': "The IS_* flags disagree with RAW_MARK's category; RAW_MARK is used (warning).",
  'arbor-bi/bad-minutes-late': 'MINUTES_LATE is not a whole number from 0 to 65534: the mark is kept without it (warning).',
  'arbor-bi/bad-value': 'A student row whose year group is not understood: rejected.',
  'arbor-bi/bad-characteristic': 'An optional student characteristic is not understood: left unknown (warning).',
} as const;

/** An `arbor-bi` issue code. */
export type ArborBiIssueCode = keyof typeof ARBOR_BI_ISSUE_CODES;

/**
 * Every issue code the CTF adapter raises, with its meaning (also in docs/issue-codes.md).
 *
 * @module
 */

/** Declared issue codes. */
export const CTF_ISSUE_CODES = {
  'ctf/doctype': 'The file has a DOCTYPE: DTDs and entity declarations are refused (no XXE, no entity expansion); the file is not read.',
  'ctf/bad-xml': 'Not well-formed XML (truncated, unclosed tag) or a pupil that does not parse alone (e.g. an element named __proto__): the school and pupils complete before the fault are read, the rest is not.',
  'ctf/not-ctf': 'Well-formed XML whose root is not CTfile: the file is not read.',
  'ctf/no-pupils': 'A CTF with no CTFpupilData/Pupil elements (warning).',
  'ctf/not-utf8': 'The bytes are not valid UTF-8; read as Latin-1 instead (warning).',
  'ctf/missing-school-urn': "The CTF carries no URN and no --school-urn was given: the school, its pupils and marks are rejected.",
  'ctf/missing-la-code': 'Neither SourceSchool/LEA nor --la-code gives a three-digit LA code.',
  'ctf/missing-phase': 'The CTF carries no phase and no --phase was given.',
  'ctf/bad-school': "The school's URN, LA code or phase does not decode (e.g. a URN that is not 6 or 7 digits).",
  'ctf/missing-field': 'A required pupil field (UPN, NCyearActual) is missing: the pupil and its marks are rejected.',
  'ctf/bad-value': 'A required pupil field has a value that cannot be used (e.g. NCyearActual "X"): the pupil and its marks are rejected.',
  'ctf/unusual-upn': 'The UPN is not a letter, 11 digits and a digit or letter (kept as the pupil id; warning).',
  'ctf/bad-characteristic': 'An optional characteristic (DOB, Gender, Ethnicity, SEN, InCare, FSM dates, FSM6, first language, EnrolStatus) has a value not understood: left unknown (warning).',
  'ctf/other-school-attendance': "A YearData block of another school (its LEA/Estab differ from SourceSchool's): its sessions are rejected, since that school's URN is not known (warning).",
  'ctf/bad-start-date': 'A YearData block has session marks but no real AttendanceStartDate: its sessions are rejected.',
  'ctf/unknown-code': 'A session mark that is no register code of either regime: rejected, never guessed.',
  'ctf/code-not-in-force': 'A register code not in force on its date (e.g. J1 before 19 August 2024, H after): rejected.',
  'ctf/beyond-year': "Sessions after 31 July of the block's academic year: rejected.",
  'ctf/weekday-marks': 'The marks string has register codes on Saturdays or Sundays when read day by day, so it is read as weekdays only (info).',
  'ctf/present-mark-session': 'A / mark on a PM session or \\ on an AM session: kept as present (warning).',
  'ctf/summary-mismatch': "SessionsPossible differs from the possible sessions counted from the block's marks (warning).",
} as const;

/** A CTF issue code. */
export type CtfIssueCode = keyof typeof CTF_ISSUE_CODES;

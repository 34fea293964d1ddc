/**
 * The BI Connector tables this adapter reads, recognised by their header (reference/mis-formats.md
 * §3.4). Header names are matched after trimming, upper-casing, turning spaces and dashes into `_`
 * and dropping a table prefix (`ATTENDANCE.DATE`), so Snowflake's upper-case unload headers,
 * lower-case ones and spreadsheet re-saves all match.
 *
 * - ATTENDANCE [SOLID]: STUDENT_ID, APPLICATION_ID, RAW_MARK, MARK_CODE, MINUTES_LATE, PERIOD,
 *   DATE, IS_PRESENT, IS_AUTHORIZED_ABSENT, IS_UNAUTHORIZED_ABSENT, IS_POSSIBLE_ATTENDANCE.
 * - Student table [INFERRED: the V1 student dataset's columns are not public]: STUDENT_ID,
 *   APPLICATION_ID, a year group (YEAR_GROUP, NC_YEAR, NATIONAL_CURRICULUM_YEAR, CURRICULUM_GRADE),
 *   DATE_OF_BIRTH, GENDER, ETHNICITY, FSM, EVER_6_FSM, EAL, SEN_STATUS, IN_CARE, ADMISSION_DATE,
 *   LEAVING_DATE, each with the aliases below.
 * - School table [INFERRED]: URN, APPLICATION_ID, LA_CODE, SCHOOL_NAME, PHASE.
 *
 * @module
 */

/** A table: its columns in a fixed order, each with the header names it is read from. */
export interface TableSpec {
  readonly name: 'attendance' | 'student' | 'school';
  readonly columns: readonly (readonly [string, readonly string[]])[];
  /** Columns that must be in the header. */
  readonly required: readonly string[];
}

export const ATTENDANCE: TableSpec = {
  name: 'attendance',
  columns: [
    ['STUDENT_ID', ['STUDENT_ID']],
    ['APPLICATION_ID', ['APPLICATION_ID']],
    ['RAW_MARK', ['RAW_MARK']],
    ['MARK_CODE', ['MARK_CODE']],
    ['MINUTES_LATE', ['MINUTES_LATE']],
    ['PERIOD', ['PERIOD']],
    ['DATE', ['DATE', 'MARK_DATE', 'ATTENDANCE_DATE']],
    ['IS_PRESENT', ['IS_PRESENT']],
    ['IS_AUTHORIZED_ABSENT', ['IS_AUTHORIZED_ABSENT', 'IS_AUTHORISED_ABSENT']],
    ['IS_UNAUTHORIZED_ABSENT', ['IS_UNAUTHORIZED_ABSENT', 'IS_UNAUTHORISED_ABSENT']],
    ['IS_POSSIBLE_ATTENDANCE', ['IS_POSSIBLE_ATTENDANCE']],
  ],
  required: ['STUDENT_ID', 'RAW_MARK', 'DATE'],
};

export const STUDENT: TableSpec = {
  name: 'student',
  columns: [
    ['STUDENT_ID', ['STUDENT_ID']],
    ['APPLICATION_ID', ['APPLICATION_ID']],
    ['YEAR_GROUP', ['YEAR_GROUP', 'NC_YEAR', 'NATIONAL_CURRICULUM_YEAR', 'CURRICULUM_GRADE', 'YEAR_GROUP_NAME']],
    ['DATE_OF_BIRTH', ['DATE_OF_BIRTH', 'DOB', 'BIRTH_DATE']],
    ['GENDER', ['GENDER', 'SEX', 'LEGAL_SEX']],
    ['ETHNICITY', ['ETHNICITY', 'ETHNICITY_CODE', 'ETHNICITY_EXPORT_CODE']],
    ['FSM', ['FSM', 'IS_FSM', 'FREE_SCHOOL_MEALS']],
    ['FSM6', ['EVER_6_FSM', 'IS_EVER_6_FSM', 'FSM6', 'FSM_EVER_6']],
    ['EAL', ['EAL', 'IS_EAL']],
    ['SEN', ['SEN_STATUS', 'SEN', 'SEN_STATUS_CODE']],
    ['LOOKED_AFTER', ['IN_CARE', 'IS_IN_CARE', 'LOOKED_AFTER', 'IS_LOOKED_AFTER', 'CLA']],
    ['ADMISSION_DATE', ['ADMISSION_DATE', 'ENROLMENT_START_DATE', 'START_DATE']],
    ['LEAVING_DATE', ['LEAVING_DATE', 'ENROLMENT_END_DATE', 'END_DATE']],
  ],
  required: ['STUDENT_ID', 'YEAR_GROUP'],
};

export const SCHOOL: TableSpec = {
  name: 'school',
  columns: [
    ['URN', ['URN', 'SCHOOL_URN']],
    ['APPLICATION_ID', ['APPLICATION_ID']],
    ['LA_CODE', ['LA_CODE', 'LOCAL_AUTHORITY_CODE', 'LEA_CODE', 'LEA', 'LA']],
    ['NAME', ['SCHOOL_NAME', 'NAME', 'ESTABLISHMENT_NAME']],
    ['PHASE', ['PHASE', 'PHASE_OF_EDUCATION', 'SCHOOL_PHASE']],
  ],
  required: ['URN'],
};

/** A header name as matched. */
export const headerName = (s: string): string => {
  const t = s.trim().replace(/^\uFEFF/, '').toUpperCase().replace(/[\s-]+/g, '_');
  const dot = t.lastIndexOf('.');
  return dot >= 0 ? t.slice(dot + 1) : t;
};

/** How a header maps to a table: each column's index in the record (-1 when absent). */
export interface Layout {
  readonly spec: TableSpec;
  readonly index: readonly number[];
  /** Required columns the header lacks. */
  readonly missing: readonly string[];
}

/**
 * The table a header belongs to: RAW_MARK or MARK_CODE make ATTENDANCE; URN without STUDENT_ID
 * the school table; STUDENT_ID with a year group column the student table. Undefined: none of
 * them (e.g. BEHAVIOUR_INCIDENTS, which has STUDENT_ID but no year group).
 * @example tableOf(['STUDENT_ID', 'RAW_MARK', 'DATE'])?.spec.name // 'attendance'
 */
export const tableOf = (header: readonly string[]): Layout | undefined => {
  const names = header.map(headerName);
  const has = (n: string): boolean => names.includes(n);
  const yearColumn = (STUDENT.columns.find(([c]) => c === 'YEAR_GROUP')?.[1] ?? []).some(has);
  const spec = has('RAW_MARK') || has('MARK_CODE') ? ATTENDANCE : (has('URN') || has('SCHOOL_URN')) && !has('STUDENT_ID') ? SCHOOL : has('STUDENT_ID') && yearColumn ? STUDENT : undefined;
  if (spec === undefined) return undefined;
  const index = spec.columns.map(([, aliases]) => {
    for (const a of aliases) {
      const i = names.indexOf(a);
      if (i >= 0) return i;
    }
    return -1;
  });
  const missing = spec.required.filter((r) => index[spec.columns.findIndex(([c]) => c === r)] === -1);
  return { spec, index, missing };
};

/** Snowflake's ways of writing NULL in an unload (empty, `NULL`, `\N`) as empty text; others trimmed. */
export const cell = (s: string | undefined): string => {
  if (s === undefined) return '';
  const t = s.trim();
  return t === 'NULL' || t === '\\N' || t === 'null' ? '' : t;
};

/**
 * A first record that is ATTENDANCE data, not a header: Snowflake's `COPY INTO` writes no header
 * unless asked (`HEADER = TRUE`). Taken as the data dictionary's column order (§3.4) only when it
 * has exactly its 11 fields, DATE (7th) is a date and PERIOD (6th) or MARK_CODE (4th) names a
 * session; anything else stays an unrecognised table.
 * @example headerlessAttendance(['1234', 'uk_swd_1', '/', 'PRESENT_AM', '', 'MORNING', '2015-10-16', 'TRUE', 'FALSE', 'FALSE', 'TRUE'])?.spec.name // 'attendance'
 */
export const headerlessAttendance = (fields: readonly string[]): Layout | undefined => {
  if (fields.length !== ATTENDANCE.columns.length) return undefined;
  const period = cell(fields[5]).toUpperCase();
  const session = ['MORNING', 'AFTERNOON', 'AM', 'PM'].includes(period) || /_(AM|PM)$/i.test(cell(fields[3]));
  if (!session || !/^\d{4}-\d{2}-\d{2}/.test(cell(fields[6]))) return undefined;
  return { spec: ATTENDANCE, index: ATTENDANCE.columns.map((_, i) => i), missing: [] };
};

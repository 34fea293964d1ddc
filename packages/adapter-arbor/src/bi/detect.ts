/**
 * Recognising a BI Connector CSV file from its first few KiB, for `--from auto`.
 *
 * @module
 */
import { headerName } from './tables.js';

/**
 * Whether the first line of `head` is a BI Connector header: STUDENT_ID with RAW_MARK (the
 * ATTENDANCE dataset), or APPLICATION_ID with STUDENT_ID or URN (the student and school tables).
 * Canonical CSV (`school_urn,pupil_id,...`), JSON and XML heads are not.
 * @example detectArborBi('STUDENT_ID,APPLICATION_ID,RAW_MARK,MARK_CODE,MINUTES_LATE,PERIOD,DATE\n') // true
 */
export const detectArborBi = (head: string): boolean => {
  const first = head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const names = new Set(first.split(',').map((f) => headerName(f.replace(/^\s*"|"\s*$/g, ''))));
  if (names.has('STUDENT_ID') && names.has('RAW_MARK')) return true;
  return names.has('APPLICATION_ID') && (names.has('STUDENT_ID') || names.has('URN'));
};

/**
 * Recognising a saved Arbor REST response from its first few KiB, for `--from auto`.
 *
 * @module
 */
import { listKeyOf } from './entity-scan.js';
import { kindName } from './entity.js';
import { LOOKUP_KINDS } from './lookups.js';

const KINDS: ReadonlySet<string> = new Set([...LOOKUP_KINDS, 'attendancerecord', 'attendancerollcallrecord', 'student']);

/**
 * Whether `head` starts a JSON object or array and either an `entityType` in it or its first list
 * member names an Arbor entity this adapter reads (AttendanceRecord, Student, AttendanceMark...).
 * Bromcom (`{"success":`), Wonde (`{"data":[...]`, no entityType) and CSV/XML heads are not.
 * @example detectArbor('{"attendanceMarks":[{"entityType":"AttendanceMark","code":"PRESENT"}]}') // true
 */
export const detectArbor = (head: string): boolean => {
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  for (const m of t.matchAll(/"entityType"\s*:\s*"([^"]{1,80})"/g)) if (KINDS.has(kindName(m[1] as string))) return true;
  const key = t.startsWith('{') ? listKeyOf(new TextEncoder().encode(t)) : undefined;
  return key !== undefined && key.toLowerCase() !== 'data' && KINDS.has(kindName(key));
};

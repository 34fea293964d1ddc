/**
 * @attendance-kit/adapter-wonde: Wonde API pages as canonical records, from saved files (any
 * names, each page recognised by its content) or fetched live with a token: the school object,
 * students (with the `education_details`, `extended_details` and `year` includes), attendance
 * codes and session marks (`attendance/session`, both plausible read shapes). See README.md.
 * @packageDocumentation
 */
import { defineAdapter, type Adapter } from '@attendance-kit/adapter-kit';
import { WONDE_ISSUE_CODES } from './issue-codes.js';
import { normalizeWonde } from './normalize.js';
import { readWonde, type WondeRaw } from './read.js';

/**
 * The Wonde adapter (`--from wonde`).
 * @example
 * for await (const raw of wondeAdapter.read(['exports/wonde/attendance-session-0001.json'], { options: {} })) {
 *   const { records, issues } = wondeAdapter.normalize(raw, {});
 * }
 */
export const wondeAdapter: Adapter<WondeRaw> = defineAdapter<WondeRaw>({
  id: 'wonde',
  name: 'Wonde API (saved JSON pages)',
  formats: ['schools/{id}', 'students (education_details, extended_details, year)', 'attendance-codes', 'attendance/session (both inferred read shapes)'],
  issueCodes: WONDE_ISSUE_CODES,
  needsOption: { 'wonde/missing-school-urn': 'schoolUrn', 'wonde/missing-la-code': 'laCode', 'wonde/missing-phase': 'phase' },
  detect: (head) => isWondeHead(head),
  read: (paths) => readWonde(paths),
  normalize: normalizeWonde,
});

/**
 * Whether the first KiB of a file look like a Wonde page: an object opening with `data` or
 * `meta`, and Wonde's marks: an id shaped `A` + digits, its date objects (`timezone_type`), or
 * a field only Wonde pages carry.
 * @example isWondeHead('{"data":[{"id":"A1749191433","upi":"8d44"}]}') // true
 * @example isWondeHead('{"success":true,"data":[]}') // false
 */
export const isWondeHead = (head: string): boolean =>
  /^\uFEFF?\s*\{\s*"(?:data|meta)"\s*:/.test(head) &&
  /"id"\s*:\s*"A\d+"|"timezone_type"\s*:|"(?:upi|mis_id|education_details|attendance_code(?:_id)?|phase_of_education|current_nc_year)"\s*:/.test(head);

export { WONDE_ISSUE_CODES, type WondeIssueCode } from './issue-codes.js';
export { normalizeWonde } from './normalize.js';
export { readWonde, rawRecordsOf, EMPTY_CONTEXT, type WondeRaw } from './read.js';
export { folderContext, type FolderContext, type SchoolRef } from './context.js';
export { entityOf, type Entity } from './entity.js';
export { statutoryOf, markCode, type Mapping } from './codes.js';
export { sessionMark, sessionOf } from './marks.js';
export { studentOf, yearGroupOf } from './student.js';
export { schoolOfObject, schoolOfOptions, phaseOf } from './school.js';
export { wondeDate, wondeDateTime, field, included, idOf, flag } from './fields.js';
export { paginationOf, type Pagination } from './page-meta.js';
export { isBst, londonDate, londonToUtc } from './london.js';
export {
  fetchWondePages,
  retryAfterMs,
  isWondeFetchError,
  WondeFetchError,
  DEFAULT_RETRY,
  WONDE_BASE_URL,
  WONDE_ENDPOINTS,
  type FetchWondeOptions,
  type FetchedPage,
  type FetchEvent,
  type RetryPolicy,
  type WondeEndpoint,
} from './fetch.js';

/**
 * @attendance-kit/adapter-sims: SIMS partner XML as canonical records: `SessionAttendances`
 * (session marks), attendance code lists in the old and the V2 format (display code to
 * `Statutory_Return_Code`) and Report Designer `SuperStarReport` student lists. Streams every
 * file through adapter-kit's XML record splitter; DTDs refused, entities off. See README.md.
 * @packageDocumentation
 */
import { defineAdapter, type Adapter } from '@attendance-kit/adapter-kit';
import { SIMS_ISSUE_CODES } from './issue-codes.js';
import { normalizeSims } from './normalize.js';
import { looksLikeSims, readSims, type SimsRaw } from './read.js';

/**
 * The SIMS adapter. Keep an export's files (marks, code list, student list) in one folder: a
 * marks file takes its code and student lists from its own folder.
 * @example
 * const options = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;
 * for await (const raw of simsAdapter.read(['export/marks.xml'], { options })) {
 *   const { records, issues } = simsAdapter.normalize(raw, options);
 * }
 */
export const simsAdapter: Adapter<SimsRaw> = defineAdapter<SimsRaw>({
  id: 'sims',
  name: 'SIMS partner XML (session attendances, attendance codes, Report Designer student lists)',
  formats: ['SIMS 7 SessionAttendances XML', 'SIMS AttendanceCodes and AttendanceCodes_V2_load XML', 'SIMS Report Designer SuperStarReport XML'],
  issueCodes: SIMS_ISSUE_CODES,
  needsOption: { 'sims/missing-school-urn': 'schoolUrn', 'sims/missing-la-code': 'laCode', 'sims/missing-phase': 'phase' },
  detect: looksLikeSims,
  read: (paths) => readSims(paths),
  normalize: normalizeSims,
});

export { SIMS_ISSUE_CODES, type SimsIssueCode } from './issue-codes.js';
export { normalizeSims, schoolOf } from './normalize.js';
export { readSims, rawRecordsOf, companionsOf, isSimsRecord, looksLikeSims, type SimsRaw } from './read.js';
export { companionBuilder, codeEntry, personEntry, type CodeMapping, type PersonMapping, type Companions, type CompanionBuilder } from './companions.js';
export { markOf, type MarkResult } from './marks.js';
export { studentOf, yearGroupOf, reportDate } from './student.js';
export { parseFields, decodeName, decodeText, keyOf, fieldOf, type Fields } from './xml.js';

/**
 * @attendance-kit/adapter-ctf: the DfE Common Transfer File (CTF XML) as canonical records: the
 * source school, each pupil (UPN, DOB, gender, NC year, FSM, SEN, ethnicity, in care) and the
 * session marks of `Attendance/YearData`. DTDs refused, entities off. See docs/adapters.md.
 * @packageDocumentation
 */
import { defineAdapter, type Adapter } from '@attendance-kit/adapter-kit';
import { CTF_ISSUE_CODES } from './issue-codes.js';
import { normalizeCtf } from './normalize.js';
import { readCtf, type CtfRaw } from './read.js';

/**
 * The CTF adapter.
 * @example
 * for await (const raw of ctfAdapter.read(['school.xml'], { options: {} })) {
 *   const { records, issues } = ctfAdapter.normalize(raw, { schoolUrn: '100101', phase: 'primary' });
 * }
 */
export const ctfAdapter: Adapter<CtfRaw> = defineAdapter<CtfRaw>({
  id: 'ctf',
  name: 'DfE Common Transfer File (XML)',
  formats: ['CTF XML (single-character marks before CTF 24, comma-separated from CTF 24)'],
  issueCodes: CTF_ISSUE_CODES,
  needsOption: { 'ctf/missing-school-urn': 'schoolUrn', 'ctf/missing-la-code': 'laCode', 'ctf/missing-phase': 'phase' },
  detect: (head) => /<CTfile[\s>]/i.test(head),
  read: (paths) => readCtf(paths),
  normalize: normalizeCtf,
});

export { CTF_ISSUE_CODES, type CtfIssueCode } from './issue-codes.js';
export { normalizeCtf, schoolOf } from './normalize.js';
export { readCtf, rawRecordsOf, decodeBytes, type CtfRaw, type CtfHeader } from './read.js';
export { parseXml, decodeText } from './xml.js';
export { markTokens, tokenDays, blockMarks, type SessionMark, type BlockMarks } from './marks.js';
export { pupilOf } from './pupil.js';

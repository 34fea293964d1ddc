/**
 * Derived pupil characteristics for grouping and filtering (issue 3): the DfE ethnicity major group
 * of a minor (or extended) ethnicity code, and SEN provision as a label.
 *
 * Sources: the DfE Common Basic Data Set ethnicity codes (main codes, CBDS code set CS008; extended
 * codes CS007 start with the same letter as their main code's group), grouped as in DfE's "Pupil
 * absence in schools in England" `ethnicity_major` breakdown (White, Mixed, Asian, Black, Chinese,
 * Any other ethnic group, Unclassified); SEN provision codes N / K (SEN support) / E (EHC plan) as
 * in pupils.csv (canonical-format.md).
 *
 * @module
 */
import type { Enrolment } from './dataset.js';

/** DfE ethnicity major groups, as labelled in the absence statistics. */
export const ETHNICITY_MAJOR_GROUPS = ['White', 'Mixed', 'Asian', 'Black', 'Chinese', 'Any other ethnic group', 'Unclassified'] as const;
/** An ethnicity major group. */
export type EthnicityMajorGroup = (typeof ETHNICITY_MAJOR_GROUPS)[number];

/** Main/extended codes are 4 letters; the group follows from the first letter, with these exceptions. */
const UNCLASSIFIED = new Set(['REFU', 'NOBT']);
const BY_FIRST_LETTER: Readonly<Record<string, EthnicityMajorGroup>> = {
  W: 'White',
  M: 'Mixed',
  A: 'Asian',
  B: 'Black',
  C: 'Chinese',
  O: 'Any other ethnic group',
};

/**
 * The major group of an ethnicity code, `''` when the code is empty or not a DfE code (unknown).
 * @example ethnicityMajorGroup('WBRI') // 'White'
 * @example ethnicityMajorGroup('REFU') // 'Unclassified'
 */
export const ethnicityMajorGroup = (code: string | undefined): EthnicityMajorGroup | '' => {
  const c = (code ?? '').trim().toUpperCase();
  if (!/^[A-Z]{4}$/.test(c)) return '';
  if (UNCLASSIFIED.has(c)) return 'Unclassified';
  return BY_FIRST_LETTER[c.charAt(0)] ?? '';
};

/** SEN provision labels. */
export const SEN_LABELS = ['none', 'sen_support', 'ehc_plan'] as const;
/** A SEN provision label. */
export type SenLabel = (typeof SEN_LABELS)[number];

/**
 * SEN provision as a label: N -> none, K -> sen_support, E -> ehc_plan, unknown -> `''`.
 * @example senLabel('K') // 'sen_support'
 */
export const senLabel = (sen: Enrolment['sen'] | undefined): SenLabel | '' =>
  sen === 'N' ? 'none' : sen === 'K' ? 'sen_support' : sen === 'E' ? 'ehc_plan' : '';

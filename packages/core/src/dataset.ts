/**
 * The in-memory canonical dataset: schools and enrolments as small readonly records, and the
 * marks as columns (see engine/). This is what adapters produce and what `summarise` reads.
 * The file form is ../docs/canonical-format.md.
 *
 * @module
 */
import type { IsoDate } from './dates.js';

/** School phases of canonical-format.md. */
export const PHASES = ['primary', 'secondary', 'special', 'all-through', 'nursery', 'alternative-provision', 'other'] as const;
export type Phase = (typeof PHASES)[number];

/** Year groups: nursery N1, N2, reception R, then 1 to 14. */
export const YEAR_GROUPS = ['N1', 'N2', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];

/** SEN provision: N none, K SEN support, E EHC plan. */
export type Sen = 'N' | 'K' | 'E';

/** C single registration, M main dual registration, S subsidiary dual registration, G guest. */
export type EnrolmentStatus = 'C' | 'M' | 'S' | 'G';

export interface School {
  readonly urn: string;
  readonly name?: string;
  /** Old three-digit LA code, e.g. `926`. */
  readonly laCode: string;
  readonly phase: Phase;
}

/** A pupil at a school. Unknown characteristics are absent (never guessed). */
export interface Enrolment {
  /** Index into `Dataset.schools`. */
  readonly school: number;
  readonly pupilId: string;
  readonly dateOfBirth?: IsoDate;
  readonly sex?: 'F' | 'M';
  readonly yearGroup: YearGroup;
  readonly fsm?: boolean;
  readonly fsm6?: boolean;
  readonly eal?: boolean;
  readonly lookedAfter?: boolean;
  readonly sen?: Sen;
  readonly ethnicity?: string;
  readonly enrolmentStatus: EnrolmentStatus;
  readonly admissionDate?: IsoDate;
  readonly leavingDate?: IsoDate;
}

/**
 * The accepted marks as parallel columns, one entry per (enrolment, session), superseded versions
 * already removed, sorted by enrolment then slot.
 */
export interface MarkStore {
  readonly length: number;
  /** Index into `Dataset.enrolments`. */
  readonly enrolment: Uint32Array;
  /** `day * 2` for AM, `day * 2 + 1` for PM (dates.ts `toSlot`). */
  readonly slot: Uint32Array;
  /** Dictionary id of the code (codes.ts `CODE_ID`). */
  readonly code: Uint8Array;
  /** Minutes late; `NO_MINUTES` where not recorded. */
  readonly minutesLate: Uint16Array;
}

/** `minutesLate` value meaning "not recorded". */
export const NO_MINUTES = 0xffff;

export interface Dataset {
  readonly schools: readonly School[];
  readonly enrolments: readonly Enrolment[];
  readonly marks: MarkStore;
}

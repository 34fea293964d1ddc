/**
 * The rates a report can show: where each numerator comes from in a summary row, the comparator
 * measure of the same name in DfE's files, and its polarity (core banding.ts `polarityOf`).
 *
 * Sources: DfE "Pupil attendance in schools" technical guidance (every rate is sessions "as a
 * proportion of total sessions possible"); FFT Attendance Tracker guide (seed 000): the Absence report's
 * calculation "Total number of sessions missed for reason stated / Total number of sessions possible".
 *
 * @module
 */
import { polarityOf, REASON_MEASURE_OF_CODE, type Polarity, type SummaryFigures } from '@attendance-kit/core';

/** A rate: numerator sessions over possible sessions. */
export interface Measure {
  /** The comparator measure name (core comparator counts, DfE `*_perc` without `_perc`). */
  readonly id: string;
  readonly label: string;
  readonly polarity: Polarity;
  readonly numerator: (row: SummaryFigures) => number;
}

const headline = (id: string, label: string, pick: (r: SummaryFigures) => number): Measure => ({
  id,
  label,
  polarity: polarityOf(id),
  numerator: pick,
});

/** Attendance: present + late + approved educational activity, over possible (`overall_attendance`). */
export const ATTENDANCE = headline('attendance', 'Attendance', (r) => r.overall_attendance);
/** Overall absence. */
export const OVERALL_ABSENCE = headline('overall_absence', 'Overall absence', (r) => r.overall_absence);
/** Authorised absence. */
export const AUTHORISED_ABSENCE = headline('authorised_absence', 'Authorised absence', (r) => r.authorised_absence);
/** Unauthorised absence. */
export const UNAUTHORISED_ABSENCE = headline('unauthorised_absence', 'Unauthorised absence', (r) => r.unauthorised_absence);

/** Labels of the reasons, in the words of FFT's Absence report where it names them. */
const REASON_LABEL: Readonly<Record<string, string>> = {
  I: 'Authorised illness',
  M: 'Authorised medical',
  H: 'Authorised holiday',
  E: 'Authorised excluded',
  R: 'Authorised religious observance',
  S: 'Authorised study leave',
  T: 'Authorised mobile child',
  C: 'Authorised other',
  C1: 'Authorised regulated performance',
  J1: 'Authorised interview',
  C2: 'Authorised part-time timetable',
  G: 'Unauthorised holiday',
  O: 'Unauthorised w/out auth',
  N: 'Unauthorised no reason',
  U: 'Unauthorised late',
};

/** The absence reasons a report can show: the register codes DfE publishes a rate for. */
export const REASON_CODES: readonly string[] = Object.keys(REASON_MEASURE_OF_CODE);

/**
 * The rate of one absence reason (register code), e.g. `I` illness.
 * @example reasonMeasure('I').id // 'illness'
 */
export const reasonMeasure = (code: string): Measure | undefined => {
  const id = REASON_MEASURE_OF_CODE[code];
  if (id === undefined) return undefined;
  return { id, label: `${REASON_LABEL[code] ?? id} (${code})`, polarity: 'higher-is-worse', numerator: (r) => r.sessions_by_code[code] ?? 0 };
};

/** FFT's absence types: overall, authorised, unauthorised, or any reason (by register code). */
export type AbsenceType = 'overall' | 'authorised' | 'unauthorised' | { readonly reason: string };

/**
 * The measure of an absence type, or undefined for an unknown reason code.
 * @example absenceMeasure('authorised') === AUTHORISED_ABSENCE
 */
export const absenceMeasure = (type: AbsenceType): Measure | undefined =>
  type === 'overall' ? OVERALL_ABSENCE : type === 'authorised' ? AUTHORISED_ABSENCE : type === 'unauthorised' ? UNAUTHORISED_ABSENCE : reasonMeasure(type.reason);

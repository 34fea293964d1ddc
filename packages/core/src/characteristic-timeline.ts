/**
 * Pupil characteristics that change during the year (issue 3): the rows of an optional
 * `pupil_characteristics.csv` (school_urn, pupil_id, field, value, from, to), checked, and the value
 * of a field for an enrolment on a day. A session is grouped and filtered by the value in force on
 * its own date; outside every span the pupils.csv value holds.
 *
 * Bad rows (issue 3 "Bad input") are issues naming the row and are not used: an unknown field, a
 * value the field cannot hold, a date that is not a real date, `to` before `from`, an unknown
 * enrolment, a span overlapping an earlier row's for the same field.
 *
 * @module
 */
import type { Dataset } from './dataset.js';
import { isIsoDate, toDayNumber } from './dates.js';
import type { Issue } from './issue.js';

/** Fields that may change during the year, with the values each may hold (as in pupils.csv). */
export const TIMED_FIELD_VALUES = {
  fsm: ['true', 'false'],
  fsm6: ['true', 'false'],
  eal: ['true', 'false'],
  looked_after: ['true', 'false'],
  previously_looked_after: ['true', 'false'],
  sen: ['N', 'K', 'E'],
  ethnicity: undefined,
} as const satisfies Readonly<Record<string, readonly string[] | undefined>>;
/** A field that may change during the year. */
export type TimedField = keyof typeof TIMED_FIELD_VALUES;
/** The timed fields. */
export const TIMED_FIELDS = Object.keys(TIMED_FIELD_VALUES) as readonly TimedField[];

/** One row of pupil_characteristics.csv as read (strings; empty `from`/`to` = open end). */
export interface CharacteristicRow {
  /** 1-based line in its file. */
  readonly line?: number;
  readonly schoolUrn: string;
  readonly pupilId: string;
  readonly field: string;
  readonly value: string;
  readonly from?: string;
  readonly to?: string;
}

/** A value in force from `fromDay` to `toDay` (day numbers, inclusive). */
export interface CharacteristicSpan {
  readonly field: TimedField;
  readonly value: string;
  readonly fromDay: number;
  readonly toDay: number;
}

/** Checked characteristics: each enrolment's spans (by enrolment index). */
export interface Characteristics {
  readonly byEnrolment: ReadonlyMap<number, readonly CharacteristicSpan[]>;
}

/** No characteristics. */
export const NO_CHARACTERISTICS: Characteristics = { byEnrolment: new Map() };

const OPEN_START = Number.NEGATIVE_INFINITY;
const OPEN_END = Number.POSITIVE_INFINITY;

/**
 * Checks rows against a dataset's enrolments.
 * @example checkCharacteristics([{ line: 2, schoolUrn: '100101', pupilId: 'P1', field: 'fsm', value: 'true', from: '2025-01-06' }], dataset)
 */
export const checkCharacteristics = (
  rows: readonly CharacteristicRow[],
  dataset: Pick<Dataset, 'schools' | 'enrolments'>,
  file = 'pupil_characteristics.csv',
): { readonly characteristics: Characteristics; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  const enrolmentOf = new Map<string, number>();
  dataset.enrolments.forEach((e, i) => enrolmentOf.set(`${dataset.schools[e.school]?.urn ?? ''},${e.pupilId}`, i));
  const byEnrolment = new Map<number, CharacteristicSpan[]>();
  for (const row of rows) {
    const name = row.line === undefined ? 'A characteristics row' : `Row ${row.line}`;
    const bad = (code: string, field: string, message: string): void => {
      issues.push({ code: `characteristics/${code}`, severity: 'error', message: `${name}: ${message}`, file, ...(row.line === undefined ? {} : { line: row.line }), field });
    };
    if (!(TIMED_FIELDS as readonly string[]).includes(row.field)) {
      bad('unknown-field', 'field', `field '${row.field}' is not one that may change; use one of ${TIMED_FIELDS.join(', ')}`);
      continue;
    }
    const field = row.field as TimedField;
    const allowed: readonly string[] | undefined = TIMED_FIELD_VALUES[field];
    if (allowed !== undefined ? !allowed.includes(row.value) : !/^[A-Z]{4}$/.test(row.value)) {
      bad('bad-value', 'value', `${field} cannot be '${row.value}'${allowed === undefined ? ' (a 4-letter DfE ethnicity code)' : ` (${allowed.join(', ')})`}`);
      continue;
    }
    const from = row.from ?? '';
    const to = row.to ?? '';
    if ((from !== '' && !isIsoDate(from)) || (to !== '' && !isIsoDate(to))) {
      bad('bad-date', from !== '' && !isIsoDate(from) ? 'from' : 'to', `'${from !== '' && !isIsoDate(from) ? from : to}' is not a real date YYYY-MM-DD`);
      continue;
    }
    if (from !== '' && to !== '' && to < from) {
      bad('to-before-from', 'to', `to ${to} is before from ${from}`);
      continue;
    }
    const e = enrolmentOf.get(`${row.schoolUrn},${row.pupilId}`);
    if (e === undefined) {
      bad('unknown-pupil', 'pupil_id', `pupil ${row.pupilId} at school ${row.schoolUrn} is not in pupils.csv`);
      continue;
    }
    const span: CharacteristicSpan = { field, value: row.value, fromDay: from === '' ? OPEN_START : toDayNumber(from), toDay: to === '' ? OPEN_END : toDayNumber(to) };
    const spans = byEnrolment.get(e) ?? [];
    if (spans.some((s) => s.field === field && s.fromDay <= span.toDay && span.fromDay <= s.toDay)) {
      bad('overlap', 'from', `its ${field} dates overlap an earlier row's for the same pupil`);
      continue;
    }
    spans.push(span);
    byEnrolment.set(e, spans);
  }
  return { characteristics: { byEnrolment }, issues };
};

/**
 * The value of a timed field for an enrolment on a day, or `undefined` when no span covers it (then
 * the pupils.csv value holds).
 * @example valueOn(characteristics, 0, 'fsm', toDayNumber('2025-01-06')) // 'true'
 */
export const valueOn = (characteristics: Characteristics, enrolment: number, field: TimedField, day: number): string | undefined => {
  const spans = characteristics.byEnrolment.get(enrolment);
  if (spans === undefined) return undefined;
  for (const s of spans) if (s.field === field && s.fromDay <= day && day <= s.toDay) return s.value;
  return undefined;
};

/**
 * Which Wonde entity a page row (or a page's single `data` object) is, by its content, never by
 * its file name (reference/mis-formats.md §2.4, §2.6, §2.8, §2.9):
 *
 * - a session mark has a `session` and a `date`, or names an attendance code
 *   (`attendance_code` / `attendance_code_id`) and a student (`student` / `student_id`);
 * - a student has one of the includes `education_details`, `extended_details`, `year` (a person
 *   without them, e.g. an employee or a student fetched without includes, is not read);
 * - an attendance code has `code` and one of `description`, `type` or a statutory mapping field,
 *   and none of a person's, a mark's or a class's fields (`name`, `mis_id`, `subject`);
 * - a school (the single object of `schools/{id}`) has `urn`, `la_code`, `establishment_number`
 *   or `phase_of_education`.
 *
 * Pure.
 *
 * @module
 */
import { has, isObj } from './fields.js';

/** A row's entity. */
export type Entity = 'session' | 'student' | 'code' | 'school';

/** Field names that may give an attendance code's statutory code (all inferred, §2.4). */
export const STATUTORY_FIELDS = ['statutory_code', 'dfe_code', 'export_code', 'statutory_return_code', 'statutory'] as const;

/** The includes only a student carries (the adapter asks for them; an employee has none). */
const STUDENT = ['education_details', 'extended_details', 'year'];
/** Fields of any person (student or employee). */
export const PERSON = ['upi', 'mis_id', 'forename', 'surname', 'legal_surname', 'date_of_birth'];

/**
 * The entity of a row, or undefined when it is none of those read.
 * @example entityOf({ student: 'A1', date: '2024-09-02', session: 'AM', attendance_code: 'A9' }) // 'session'
 */
export const entityOf = (row: unknown): Entity | undefined => {
  if (!isObj(row)) return undefined;
  if ((has(row, 'session') && has(row, 'date')) || (has(row, 'attendance_code', 'attendance_code_id') && has(row, 'student', 'student_id'))) return 'session';
  if (has(row, ...STUDENT)) return 'student';
  if (has(row, 'code') && has(row, 'description', 'type', ...STATUTORY_FIELDS) && !has(row, 'student', 'student_id', 'date', 'session', 'name', 'mis_id', 'subject', ...PERSON)) return 'code';
  if (has(row, 'urn', 'la_code', 'establishment_number', 'phase_of_education')) return 'school';
  return undefined;
};

/** What each entity is called in messages. */
export const ENTITY_NAME: Readonly<Record<Entity, string>> = {
  session: 'attendance/session',
  student: 'students',
  code: 'attendance-codes',
  school: 'school',
};

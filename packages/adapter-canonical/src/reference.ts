/**
 * schools.csv, pupils.csv and terms.csv into schools, enrolments and term rows, with the
 * lookups the marks reader needs. Every rejected row gets an issue; nothing is dropped silently.
 *
 * @module
 */
import { zodIssues, type IssueCollector } from '@attendance-kit/adapter-kit';
import type { Enrolment, HalfTerm, IsoDate, RecordCounts, School } from '@attendance-kit/core';
import { readRows } from './rows.js';
import { PUPIL_COLUMNS, PupilRow, SCHOOL_COLUMNS, SchoolRow, TERM_COLUMNS, TermRow } from './schemas.js';

/** A row of terms.csv, validated. `schoolUrn` absent means every school. */
export interface TermDates {
  /** 1-based line of the row in terms.csv, to name it in calendar issues. */
  readonly line?: number;
  readonly schoolUrn?: string;
  /** e.g. `2024/25`. */
  readonly academicYear: string;
  readonly halfTerm: HalfTerm;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
}

/** The key of an enrolment in {@link Reference.enrolmentIndex}: URNs are digits, so `,` cannot clash. */
export const enrolmentKey = (urn: string, pupilId: string): string => `${urn},${pupilId}`;

/** Schools and enrolments as read, and their lookups. */
export interface Reference {
  readonly schools: readonly School[];
  readonly enrolments: readonly Enrolment[];
  /** URN to index in `schools`. */
  readonly schoolIndex: ReadonlyMap<string, number>;
  /** {@link enrolmentKey} to index in `enrolments`. */
  readonly enrolmentIndex: ReadonlyMap<string, number>;
}

type Progress = ((bytes: number) => void) | undefined;

const parseRow = <T>(
  schema: { safeParse: (v: unknown, o: { reportInput: true }) => { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  row: unknown,
  file: string,
  line: number,
  issues: IssueCollector,
): T | undefined => {
  const r = schema.safeParse(row, { reportInput: true });
  if (r.success) return r.data;
  // One issue per rejected row keeps counts and issues aligned: the first problem found.
  const first = zodIssues(r.error, { namespace: 'canonical', file, line, input: row })[0];
  if (first !== undefined) issues.add(first);
  return undefined;
};

/** Reads schools.csv. A URN given twice: the second row is rejected (`canonical/duplicate-school`). */
export const readSchools = async (path: string, file: string, issues: IssueCollector, onChunk: Progress) => {
  const schools: School[] = [];
  const schoolIndex = new Map<string, number>();
  const lineOf: number[] = [];
  const counts = await readRows(path, file, SCHOOL_COLUMNS, issues, (row, line) => {
    const s = parseRow(SchoolRow, row, file, line, issues);
    if (s === undefined) return false;
    const seen = schoolIndex.get(s.school_urn);
    if (seen !== undefined) {
      issues.add({ code: 'canonical/duplicate-school', severity: 'error', file, line, field: 'school_urn', message: `school ${s.school_urn} is already on line ${lineOf[seen]}` });
      return false;
    }
    schoolIndex.set(s.school_urn, schools.length);
    lineOf.push(line);
    schools.push({ urn: s.school_urn, ...(s.school_name === undefined ? {} : { name: s.school_name }), laCode: s.la_code, phase: s.phase });
    return true;
  }, onChunk);
  return { schools, schoolIndex, counts };
};

/**
 * Reads pupils.csv against the schools read. Rejected: a school not in schools.csv
 * (`canonical/unknown-school`), a (school, pupil) pair given twice (`canonical/duplicate-enrolment`).
 */
export const readPupils = async (path: string, file: string, schoolIndex: ReadonlyMap<string, number>, issues: IssueCollector, onChunk: Progress) => {
  const enrolments: Enrolment[] = [];
  const enrolmentIndex = new Map<string, number>();
  const lineOf: number[] = [];
  const counts = await readRows(path, file, PUPIL_COLUMNS, issues, (row, line) => {
    const p = parseRow(PupilRow, row, file, line, issues);
    if (p === undefined) return false;
    const school = schoolIndex.get(p.school_urn);
    if (school === undefined) {
      issues.add({ code: 'canonical/unknown-school', severity: 'error', file, line, field: 'school_urn', message: `school ${p.school_urn} is not in schools.csv` });
      return false;
    }
    const key = enrolmentKey(p.school_urn, p.pupil_id);
    const seen = enrolmentIndex.get(key);
    if (seen !== undefined) {
      issues.add({
        code: 'canonical/duplicate-enrolment',
        severity: 'error',
        file,
        line,
        field: 'pupil_id',
        message: `pupil ${JSON.stringify(p.pupil_id)} at school ${p.school_urn} is already on line ${lineOf[seen]}: one row per enrolment`,
      });
      return false;
    }
    enrolmentIndex.set(key, enrolments.length);
    lineOf.push(line);
    enrolments.push({
      school,
      pupilId: p.pupil_id,
      yearGroup: p.year_group,
      enrolmentStatus: p.enrolment_status ?? 'C',
      ...(p.date_of_birth === undefined ? {} : { dateOfBirth: p.date_of_birth as IsoDate }),
      ...(p.sex === undefined ? {} : { sex: p.sex }),
      ...(p.fsm === undefined ? {} : { fsm: p.fsm }),
      ...(p.fsm6 === undefined ? {} : { fsm6: p.fsm6 }),
      ...(p.eal === undefined ? {} : { eal: p.eal }),
      ...(p.looked_after === undefined ? {} : { lookedAfter: p.looked_after }),
      ...(p.sen === undefined ? {} : { sen: p.sen }),
      ...(p.ethnicity === undefined ? {} : { ethnicity: p.ethnicity }),
      ...(p.admission_date === undefined ? {} : { admissionDate: p.admission_date as IsoDate }),
      ...(p.leaving_date === undefined ? {} : { leavingDate: p.leaving_date as IsoDate }),
    });
    return true;
  }, onChunk);
  return { enrolments, enrolmentIndex, counts };
};

/** Reads terms.csv (optional file). A URN not in schools.csv rejects the row. */
export const readTerms = async (
  path: string,
  file: string,
  schoolIndex: ReadonlyMap<string, number>,
  issues: IssueCollector,
  onChunk: Progress,
): Promise<{ readonly terms: readonly TermDates[]; readonly counts: RecordCounts }> => {
  const terms: TermDates[] = [];
  const counts = await readRows(path, file, TERM_COLUMNS, issues, (row, line) => {
    const t = parseRow(TermRow, row, file, line, issues);
    if (t === undefined) return false;
    if (t.school_urn !== undefined && !schoolIndex.has(t.school_urn)) {
      issues.add({ code: 'canonical/unknown-school', severity: 'error', file, line, field: 'school_urn', message: `school ${t.school_urn} is not in schools.csv` });
      return false;
    }
    terms.push({
      line,
      ...(t.school_urn === undefined ? {} : { schoolUrn: t.school_urn }),
      academicYear: t.academic_year,
      halfTerm: t.half_term,
      startDate: t.start_date as IsoDate,
      endDate: t.end_date as IsoDate,
    });
    return true;
  }, onChunk);
  return { terms, counts };
};

/**
 * Test data for the pupil-level reports' property tests (data-check, part-time-timetables,
 * persistent-absence): small dense registers over five weeks from Monday 2 September 2024, and the
 * naive recomputations the properties compare with (straight from the mark rows, no engine).
 * Not a test file itself; not published (`*.test*.ts`).
 */
import { fc } from '@fast-check/vitest';
import { CODE_TABLE, fromDayNumber, NO_MINUTES, toDayNumber, type Enrolment, type Filter, type IsoDate, type School, type YearGroup } from '@attendance-kit/core';
import { datasetFromRaw, type RawMark } from '@attendance-kit/core/testing';
import type { Dataset } from '@attendance-kit/core';

/** Day number of Monday 2 September 2024, day 0 of every generated register. */
export const DAY0 = toDayNumber('2024-09-02');
/** Days in the generated registers. */
export const DAYS = 35;

/** The codes drawn: present, absences (C2, N among them), `-`, and not-possible ones. */
export const CODES = ['/', '\\', 'L', 'I', 'M', 'N', 'O', 'C2', '-', '#', 'D'] as const;

/** A generated register: the dataset, its final mark rows (one per session), and report options. */
export interface PupilCase {
  readonly dataset: Dataset;
  readonly marks: readonly RawMark[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly profile: 'dfe' | 'all';
  readonly filters: readonly Filter[];
  readonly schools: readonly string[] | undefined;
}

const SCHOOLS: readonly School[] = [
  { urn: '100001', laCode: '926', phase: 'primary', name: 'First School' },
  { urn: '100002', laCode: '926', phase: 'secondary', name: 'Second School' },
];

const arbEnrolment = (schools: number): fc.Arbitrary<Enrolment> =>
  fc
    .record({
      school: fc.integer({ min: 0, max: schools - 1 }),
      pupilId: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', 'P6'),
      // R (4) and 12 (16) are outside DfE's ages 5-15, so the profile matters.
      yearGroup: fc.constantFrom<YearGroup>('R', '3', '10', '12'),
      sex: fc.option(fc.constantFrom<'F' | 'M'>('F', 'M'), { nil: undefined }),
      admission: fc.option(fc.integer({ min: -3, max: DAYS - 1 }), { nil: undefined }),
      stay: fc.option(fc.integer({ min: 0, max: DAYS }), { nil: undefined }),
    })
    .map(({ admission, stay, sex, ...r }) => {
      const e: Record<string, unknown> = { ...r, enrolmentStatus: 'C' };
      if (sex !== undefined) e['sex'] = sex;
      if (admission !== undefined) e['admissionDate'] = fromDayNumber(DAY0 + admission);
      if (stay !== undefined) e['leavingDate'] = fromDayNumber(DAY0 + (admission ?? 0) + stay);
      return e as unknown as Enrolment;
    });

/**
 * A register: 1-2 schools, 1-6 enrolments, up to ~150 session marks (one per enrolment and session,
 * the last drawn wins), and a period, profile, filter and school selection over it. Codes are mostly
 * present, with runs of `C2` afternoons, so part-time timetables and persistent absence both occur.
 */
export const arbPupilCase: fc.Arbitrary<PupilCase> = fc.integer({ min: 1, max: 2 }).chain((nSchools) =>
  fc.array(arbEnrolment(nSchools), { minLength: 1, maxLength: 6 }).chain((enrolments) =>
    fc
      .record({
        marks: fc.array(
          fc.record({
            enrolment: fc.integer({ min: 0, max: enrolments.length - 1 }),
            day: fc.integer({ min: 0, max: DAYS - 1 }),
            pm: fc.boolean(),
            code: fc.oneof({ arbitrary: fc.constantFrom('/', '\\'), weight: 4 }, { arbitrary: fc.constantFrom(...CODES), weight: 3 }),
          }),
          { minLength: 10, maxLength: 200, size: 'max' },
        ),
        from: fc.integer({ min: -2, max: DAYS - 1 }),
        length: fc.integer({ min: 0, max: DAYS }),
        profile: fc.constantFrom<'dfe' | 'all'>('dfe', 'all'),
        filters: fc.oneof({ arbitrary: fc.constant<Filter[]>([]), weight: 3 }, { arbitrary: fc.constantFrom<Filter[]>([{ field: 'sex', value: 'F' }], [{ field: 'year_group', value: '3' }]), weight: 1 }),
        schools: fc.option(fc.subarray(['100001', '100002', '999999']), { nil: undefined }),
      })
      .map(({ marks, from, length, ...rest }) => {
        const last = new Map<string, RawMark>();
        for (const m of marks) {
          const session = m.pm ? 'PM' : 'AM';
          last.set(`${m.enrolment}|${m.day}|${session}`, { enrolment: m.enrolment, day: DAY0 + m.day, session, code: m.code, minutesLate: NO_MINUTES, recordedAt: Number.NaN });
        }
        const final = [...last.values()];
        const schools = SCHOOLS.slice(0, nSchools);
        return {
          dataset: datasetFromRaw({ schools, enrolments, marks: final, academicYear: 2024 }),
          marks: final,
          from: fromDayNumber(DAY0 + from),
          to: fromDayNumber(DAY0 + from + length),
          ...rest,
        };
      }),
  ),
);

const CATEGORY = new Map(CODE_TABLE.map((c) => [c.code, c.category]));
/** Whether a code is a possible session (reference §0.3), read from the code table. */
export const isPossible = (code: string): boolean => ['present', 'aea', 'authorised', 'unauthorised'].includes(CATEGORY.get(code) ?? '');
/** Whether a code is an absence (authorised or unauthorised). */
export const isAbsent = (code: string): boolean => ['authorised', 'unauthorised'].includes(CATEGORY.get(code) ?? '');

const AGE: Readonly<Record<string, number>> = { R: 4, '3': 7, '10': 14, '12': 16 };

/** Whether an enrolment is in the case's scope, decided naively (school selection, ages 5-15 for dfe, filters). */
export const naiveInScope = (c: PupilCase, e: number): boolean => {
  const en = c.dataset.enrolments[e] as Enrolment;
  const urn = SCHOOLS[en.school]?.urn ?? '';
  if (c.schools !== undefined && !c.schools.includes(urn)) return false;
  const age = AGE[en.yearGroup] ?? 0;
  if (c.profile === 'dfe' && (age < 5 || age > 15)) return false;
  return c.filters.every((f) => (f.field === 'sex' ? (en.sex ?? '') : f.field === 'year_group' ? en.yearGroup : '') === f.value);
};

/** The case's marks of in-scope enrolments dated in `from..to` (inclusive day numbers). */
export const marksIn = (c: PupilCase, fromDay: number, toDay: number): RawMark[] =>
  c.marks.filter((m) => m.day >= fromDay && m.day <= toDay && naiveInScope(c, m.enrolment));

/** A school's register days: days on which any of its pupils (in scope or not) has a possible-session mark, ascending. */
export const naiveSchoolDays = (c: PupilCase, school: number, fromDay: number, toDay: number): number[] =>
  [...new Set(c.marks.filter((m) => m.day >= fromDay && m.day <= toDay && (c.dataset.enrolments[m.enrolment] as Enrolment).school === school && isPossible(m.code)).map((m) => m.day))].sort((a, b) => a - b);

/** A pupil of a hand-written register (example tests). */
export interface HandPupil {
  readonly id: string;
  readonly school?: number;
  readonly yearGroup?: YearGroup;
  readonly sex?: 'F' | 'M';
  readonly admissionDate?: string;
  readonly leavingDate?: string;
}

/** The weekdays from `from` to `to` (inclusive), as ISO dates. */
export const weekdays = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = toDayNumber(from); d <= toDayNumber(to); d++) if (((d + 3) % 7 + 7) % 7 < 5) out.push(fromDayNumber(d));
  return out;
};

/**
 * A hand-written register: every pupil present (`/`, `\`) on every weekday from `from` to `to` unless
 * `marks` says otherwise (`[pupil index, date, session, code]`, code `null` = no row at all). Pupils
 * default to school 0 and year 3 (aged 7: in every profile).
 * @example handDataset([{ id: 'A' }], '2024-09-02', '2024-09-06', [[0, '2024-09-03', 'PM', 'C2']])
 */
export const handDataset = (
  pupils: readonly HandPupil[],
  from: string,
  to: string,
  marks: readonly (readonly [number, string, 'AM' | 'PM', string | null])[],
  schools: readonly School[] = SCHOOLS.slice(0, 1),
): Dataset => {
  const enrolments = pupils.map((p) => {
    const e: Record<string, unknown> = { school: p.school ?? 0, pupilId: p.id, yearGroup: p.yearGroup ?? '3', enrolmentStatus: 'C' };
    for (const k of ['sex', 'admissionDate', 'leavingDate'] as const) if (p[k] !== undefined) e[k] = p[k];
    return e as unknown as Enrolment;
  });
  const set = new Map<string, string | null>();
  pupils.forEach((p, i) => {
    for (const date of weekdays(from, to)) {
      if (p.admissionDate !== undefined && date < p.admissionDate) continue;
      if (p.leavingDate !== undefined && date > p.leavingDate) continue;
      set.set(`${i}|${date}|AM`, '/');
      set.set(`${i}|${date}|PM`, '\\');
    }
  });
  for (const [i, date, session, code] of marks) set.set(`${i}|${date}|${session}`, code);
  const raw: RawMark[] = [];
  for (const [k, code] of set) {
    if (code === null) continue;
    const [i, date, session] = k.split('|') as [string, string, 'AM' | 'PM'];
    raw.push({ enrolment: Number(i), day: toDayNumber(date), session, code, minutesLate: NO_MINUTES, recordedAt: Number.NaN });
  }
  return datasetFromRaw({ schools, enrolments, marks: raw, academicYear: 2024 });
};

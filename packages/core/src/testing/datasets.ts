/**
 * fast-check arbitraries for whole small datasets (schools, enrolments, mark rows with versions)
 * and for `summarise` options, valid by construction: every code is in force on its date, dates come
 * from integer day offsets (never `fc.date()`), enrolments point at real schools.
 *
 * @module
 */
import fc from 'fast-check';
import { CODE_ID, codesOf, regimeOn } from '../codes.js';
import { NO_MINUTES, YEAR_GROUPS, type Dataset, type Enrolment, type School, type Sen } from '../dataset.js';
import { fromDayNumber, toDayNumber, toSlot, type IsoDate, type Session } from '../dates.js';
import { createMarkStoreBuilder } from '../engine/builder.js';
import type { CovidX } from '../classify.js';
import type { Profile, ProfileId } from '../population.js';
import { FILTER_FIELDS, GROUP_FIELDS, fieldValue, type Filter, type SummariseOptions } from '../summarise.js';

/** One row of a marks file, before versions are resolved. */
export interface RawMark {
  /** Index into the enrolments. */
  readonly enrolment: number;
  /** Day number (days since 1970-01-01). */
  readonly day: number;
  readonly session: Session;
  /** Register code, in force on the day. */
  readonly code: string;
  /** Minutes late, or `NO_MINUTES`. */
  readonly minutesLate: number;
  /** ms since epoch; NaN when empty. */
  readonly recordedAt: number;
}

/** A dataset as rows: what a reader sees, marks in file order (versions included). */
export interface RawDataset {
  readonly schools: readonly School[];
  readonly enrolments: readonly Enrolment[];
  readonly marks: readonly RawMark[];
  /** The academic year (start year) the marks are centred on. */
  readonly academicYear: number;
}

/**
 * Builds the columnar {@link Dataset} of a raw dataset through the mark-store builder (line = index + 2).
 * @example datasetFromRaw(fc.sample(arbRawDataset(), 1)[0]!).marks.length
 */
export const datasetFromRaw = (raw: RawDataset): Dataset => {
  const b = createMarkStoreBuilder({ capacityHint: raw.marks.length });
  raw.marks.forEach((m, i) =>
    b.add(m.enrolment, toSlot(m.day, m.session), CODE_ID.get(m.code) as number, m.minutesLate, m.recordedAt, i + 2),
  );
  return { schools: raw.schools, enrolments: raw.enrolments, marks: b.finish().store };
};

/** Academic years covering both regimes and the COVID `X` years. */
const ACADEMIC_YEARS = [2020, 2021, 2022, 2023, 2024] as const;

const arbOptional = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

const arbSchools: fc.Arbitrary<School[]> = fc
  .array(fc.constantFrom('926', '201'), { minLength: 1, maxLength: 3 })
  .map((las) => las.map((laCode, i) => ({ urn: String(100101 + i * 7), laCode, phase: 'primary' as const })));

const arbEnrolment = (schools: number, academicYear: number): fc.Arbitrary<Enrolment> =>
  fc
    .record({
      school: fc.integer({ min: 0, max: schools - 1 }),
      pupilId: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5'),
      // Born 3 to 17 years before the academic year, any day of the year.
      birth: arbOptional(fc.tuple(fc.integer({ min: 3, max: 17 }), fc.integer({ min: 0, max: 364 }))),
      yearGroup: fc.constantFrom(...YEAR_GROUPS),
      sex: arbOptional(fc.constantFrom('F' as const, 'M' as const)),
      fsm: arbOptional(fc.boolean()),
      fsm6: arbOptional(fc.boolean()),
      eal: arbOptional(fc.boolean()),
      lookedAfter: arbOptional(fc.boolean()),
      sen: arbOptional(fc.constantFrom<Sen>('N', 'K', 'E')),
      ethnicity: arbOptional(fc.constantFrom('WBRI', 'ABAN')),
      enrolmentStatus: fc.constantFrom('C' as const, 'M' as const),
    })
    .map(({ birth, ...r }) => {
      const e: Record<string, unknown> = { school: r.school, pupilId: r.pupilId, yearGroup: r.yearGroup, enrolmentStatus: r.enrolmentStatus };
      if (birth !== undefined) e['dateOfBirth'] = fromDayNumber(toDayNumber(`${academicYear - birth[0]}-01-01`) + birth[1]);
      for (const k of ['sex', 'fsm', 'fsm6', 'eal', 'lookedAfter', 'sen', 'ethnicity'] as const) if (r[k] !== undefined) e[k] = r[k];
      return e as unknown as Enrolment;
    });

/** A mark of an enrolment on a day offset from 1 August of the academic year (code chosen for its date). */
const arbMark = (enrolments: number, firstDay: number, days: number): fc.Arbitrary<RawMark> =>
  fc
    .record({
      enrolment: fc.integer({ min: 0, max: enrolments - 1 }),
      offset: fc.integer({ min: 0, max: days - 1 }),
      session: fc.constantFrom<Session>('AM', 'PM'),
      // -1 picks X (rare otherwise), so the COVID X treatment is exercised.
      codePick: fc.oneof({ arbitrary: fc.nat(), weight: 6 }, { arbitrary: fc.constant(-1), weight: 1 }),
      minutesLate: fc.oneof(fc.constant(NO_MINUTES), fc.integer({ min: 0, max: 90 })),
      recordedAt: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 3 }).map((k) => 1_700_000_000_000 + k * 1000)),
    })
    .map(({ offset, codePick, ...m }) => {
      const day = firstDay + offset;
      const codes = codesOf(regimeOn(fromDayNumber(day)));
      return { ...m, day, code: codePick < 0 ? 'X' : (codes[codePick % codes.length] as { code: string }).code };
    });

/** Options of {@link arbRawDataset}. */
export interface ArbRawDatasetOptions {
  /** Most enrolments (default 8). */
  readonly maxEnrolments?: number;
  /** Most mark rows before versions are added (default 100). */
  readonly maxMarks?: number;
}

/**
 * A small dataset: 1-3 schools, up to 8 enrolments (pupil ids shared across schools, characteristics
 * often unknown), mark rows over one academic year (2020/21 to 2024/25, so both regimes and the
 * COVID `X` years occur), plus re-recorded versions of some marks (later rows, some with timestamps).
 * Days are drawn from a few distinct offsets so sessions repeat across pupils.
 * @example fc.assert(fc.property(arbRawDataset(), (raw) => raw.marks.every((m) => m.enrolment < raw.enrolments.length)))
 */
export const arbRawDataset = (options: ArbRawDatasetOptions = {}): fc.Arbitrary<RawDataset> =>
  fc.constantFrom(...ACADEMIC_YEARS).chain((academicYear) =>
    arbSchools.chain((schools) =>
      fc.array(arbEnrolment(schools.length, academicYear), { minLength: 1, maxLength: options.maxEnrolments ?? 8 }).chain((enrolments) => {
        // 1 August to 31 July, plus a few days either side of the year.
        const firstDay = toDayNumber(`${academicYear}-08-01`) - 5;
        return fc
          .array(arbMark(enrolments.length, firstDay, 375), { maxLength: options.maxMarks ?? 100, size: 'max' })
          .chain((marks) =>
            fc
              .array(
                fc.record({ pick: fc.nat(), version: arbMark(enrolments.length, firstDay, 375) }),
                { maxLength: marks.length === 0 ? 0 : 10 },
              )
              .map((versions) => {
                // A version re-records an existing mark: same enrolment, day and session, its own code and stamp.
                const again = versions.map(({ pick, version }) => {
                  const base = marks[pick % marks.length] as RawMark;
                  const codes = codesOf(regimeOn(fromDayNumber(base.day)));
                  return { ...version, enrolment: base.enrolment, day: base.day, session: base.session, code: (codes[pick % codes.length] as { code: string }).code };
                });
                return { schools, enrolments, marks: [...marks, ...again], academicYear };
              }),
          );
      }),
    ),
  );

/** Profile values that are no built-in one: other ages, other thresholds, code N left out. */
const CUSTOM_PROFILES: readonly Profile[] = [
  { id: 'test-4-16', description: 'Ages 4-16 (test)', minAge: 4, maxAge: 16, removeAge15SummerHalfTerm2: true },
  {
    id: 'test-thresholds',
    description: 'Every enrolment, PA at 20%, severe at one third, N not counted (test)',
    removeAge15SummerHalfTerm2: false,
    persistent: { num: 1, den: 5 },
    severe: { num: 1, den: 3 },
    countN: false,
  },
];

/**
 * `summarise` options for a raw dataset: a period inside or across its academic year, either
 * built-in profile or a custom profile value, a grouping, filters whose values occur in the data
 * (and sometimes `''`), either COVID `X` treatment.
 * @example fc.sample(arbRawDataset().chain((raw) => arbSummariseOptions(raw)), 1)
 */
export const arbSummariseOptions = (raw: RawDataset): fc.Arbitrary<SummariseOptions> => {
  const firstDay = toDayNumber(`${raw.academicYear}-08-01`);
  const dataset = { schools: raw.schools };
  const arbFilter: fc.Arbitrary<Filter> = fc
    .record({ field: fc.constantFrom(...FILTER_FIELDS), pick: fc.nat(), blank: fc.boolean() })
    .map(({ field, pick, blank }) => {
      const e = raw.enrolments[pick % raw.enrolments.length] as Enrolment;
      return { field, value: blank ? '' : fieldValue(dataset, e, field) };
    });
  return fc.record({
    from: fc.integer({ min: -3, max: 360 }).map((o) => fromDayNumber(firstDay + o) as IsoDate),
    length: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 100, max: 380 })),
    profile: fc.constantFrom<ProfileId | Profile>('dfe', 'all', 'fft', ...CUSTOM_PROFILES),
    by: fc.shuffledSubarray([...GROUP_FIELDS], { maxLength: 3 }),
    filter: fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(arbFilter, { minLength: 1, maxLength: 2 }), weight: 1 }),
    covidX: fc.constantFrom<CovidX>('dfe', 'not-possible'),
  }).map(({ from, length, ...rest }) => ({ from, to: fromDayNumber(toDayNumber(from) + length), ...rest }));
};

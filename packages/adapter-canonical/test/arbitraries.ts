/**
 * Arbitraries for the canonical adapter's properties: whole datasets (valid by construction, for
 * round trips) and marks files mixing valid rows, bad rows and garbage lines.
 */
import { fc } from '@fast-check/vitest';
import { codesOf, fromDayNumber, PHASES, regimeOn, toDayNumber, YEAR_GROUPS, type IsoDate, type School } from '@attendance-kit/core';
import type { MarkRecord, PupilRecord } from '../src/index.js';

/** Day numbers from integer offsets (never fc.date()): a span either side of the 2024 regulations. */
export const FIRST_DAY = toDayNumber('2023-09-01');
const dayArb = fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 700 });
const isoDayArb = dayArb.map((d) => fromDayNumber(d) as IsoDate);

/** Text with the characters CSV must quote, and some beyond ASCII. */
export const awkwardText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength }),
    fc.string({ unit: fc.constantFrom('a', 'Z', '0', '"', ',', '\n', '\r', ' ', 'é', '😀'), minLength: 1, maxLength: Math.min(maxLength, 20) }),
  );

const schoolArb = (urn: string): fc.Arbitrary<School> =>
  fc.record(
    { urn: fc.constant(urn), name: awkwardText(40), laCode: fc.integer({ min: 100, max: 999 }).map(String), phase: fc.constantFrom(...PHASES) },
    { requiredKeys: ['urn', 'laCode', 'phase'] },
  );

const pupilArb = (urns: readonly string[]): fc.Arbitrary<PupilRecord> =>
  fc.record(
    {
      schoolUrn: fc.constantFrom(...urns),
      pupilId: awkwardText(64).filter((s) => [...s].length <= 64),
      yearGroup: fc.constantFrom(...YEAR_GROUPS),
      enrolmentStatus: fc.constantFrom('C', 'M', 'S', 'G'),
      dateOfBirth: isoDayArb,
      sex: fc.constantFrom('F', 'M'),
      fsm: fc.boolean(),
      fsm6: fc.boolean(),
      eal: fc.boolean(),
      lookedAfter: fc.boolean(),
      sen: fc.constantFrom('N', 'K', 'E'),
      ethnicity: awkwardText(16).filter((s) => s.length <= 16),
      admissionDate: isoDayArb,
      leavingDate: isoDayArb,
    },
    { requiredKeys: ['schoolUrn', 'pupilId', 'yearGroup', 'enrolmentStatus'] },
  );

/** A valid dataset as records: unique schools, unique enrolments, one row per (enrolment, session). */
export interface DatasetRecords {
  readonly schools: readonly School[];
  readonly pupils: readonly PupilRecord[];
  /** Marks with the index of their pupil in `pupils`. */
  readonly marks: readonly (MarkRecord & { readonly enrolment: number })[];
}

export const datasetArb: fc.Arbitrary<DatasetRecords> = fc
  .uniqueArray(fc.integer({ min: 100_000, max: 9_999_999 }).map(String), { minLength: 1, maxLength: 3 })
  .chain((urns) =>
    fc.tuple(
      fc.tuple(...urns.map(schoolArb)),
      fc.uniqueArray(pupilArb(urns), { minLength: 1, maxLength: 6, selector: (p) => `${p.schoolUrn},${p.pupilId}` }),
    ),
  )
  .chain(([schools, pupils]) =>
    fc
      .uniqueArray(
        fc.record({
          enrolment: fc.nat(pupils.length - 1),
          day: dayArb,
          pm: fc.boolean(),
          pick: fc.nat(),
          minutes: fc.option(fc.integer({ min: 0, max: 65_534 }), { nil: undefined }),
          recordedMs: fc.option(fc.integer({ min: 0, max: 86_399_999 }), { nil: undefined }),
        }),
        { maxLength: 60, selector: (m) => `${m.enrolment},${m.day},${m.pm}` },
      )
      .map((raw) => ({
        schools,
        pupils,
        marks: raw.map((m) => {
          const p = pupils[m.enrolment] as PupilRecord;
          const date = fromDayNumber(m.day);
          const codes = codesOf(regimeOn(date));
          const code = (codes[m.pick % codes.length] as { code: string }).code;
          return {
            enrolment: m.enrolment,
            schoolUrn: p.schoolUrn,
            pupilId: p.pupilId,
            date,
            session: m.pm ? ('PM' as const) : ('AM' as const),
            code,
            ...(m.minutes === undefined ? {} : { minutesLate: m.minutes }),
            ...(m.recordedMs === undefined ? {} : { recordedAt: new Date(m.day * 86_400_000 + m.recordedMs).toISOString() }),
          };
        }),
      })),
  );

export const MARKS_HEADER = 'school_urn,pupil_id,date,session,code,minutes_late,recorded_at';

/** A marks row from small pools, so rows repeat (versions), miss (unknown pupils) and break rules. */
const roughRowArb = fc
  .record({
    urn: fc.constantFrom('100101', '100101', '999999', ''),
    pupil: fc.constantFrom('P1', 'P2', '"P1"', 'P3', ''),
    date: fc.oneof(fc.integer({ min: -3, max: 3 }).map((k) => fromDayNumber(toDayNumber('2024-08-19') + k)), fc.constantFrom('2024-02-30', '', 'x')),
    session: fc.constantFrom('AM', 'PM', 'pm', ''),
    code: fc.constantFrom('/', '\\', 'J', 'J1', 'I', 'N', '-', 'Q9', ''),
    minutes: fc.constantFrom('', '', '5', 'x'),
    recorded: fc.constantFrom('', '2024-09-02T08:00:00Z', '2024-09-02T09:00:00+01:00', '2024-09-02', 'soon'),
  })
  .map((r) => [r.urn, r.pupil, r.date, r.session, r.code, r.minutes, r.recorded].join(','));

/** A line of anything: quotes, commas, breaks, a BOM-like run. */
const garbageArb = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', ' ', '\ufeff', '-'), maxLength: 30 });

/** The bytes of a marks.csv: usually a header, then valid, rough and garbage lines, LF or CRLF. */
export const marksFileArb: fc.Arbitrary<Uint8Array> = fc
  .record({
    bom: fc.boolean(),
    header: fc.oneof({ weight: 5, arbitrary: fc.constant(MARKS_HEADER) }, { weight: 1, arbitrary: garbageArb }),
    lines: fc.array(fc.oneof({ weight: 3, arbitrary: roughRowArb }, { weight: 1, arbitrary: garbageArb }), { maxLength: 40 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalEol: fc.boolean(),
  })
  .map((f) => {
    const text = [f.header, ...f.lines].join(f.eol) + (f.finalEol ? f.eol : '');
    const body = Buffer.from(text, 'utf8');
    return f.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  });

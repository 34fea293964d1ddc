/**
 * fast-check arbitraries for attendance data, valid by construction: codes are in force on their
 * dates, dates come from integer day offsets (never `fc.date()`), group summaries never have more
 * PA than enrolments. For our own property tests and for anyone testing code built on the core.
 *
 * @module
 */
import fc from 'fast-check';
import { COVID_X_COLUMN, TALLY_WIDTH, codesOf, regimeOn, type Category, type CodeInfo, type Regime } from '../codes.js';
import type { Enrolment } from '../dataset.js';
import { YEAR_GROUPS } from '../dataset.js';
import { fromDayNumber, toDayNumber, type IsoDate, type Session } from '../dates.js';
import type { GroupSummary, Tally } from '../tally.js';

/**
 * A code of one regime, optionally of some categories only.
 * @example fc.sample(arbCode('2024', ['authorised']), 3) // e.g. ['C2', 'I', 'M']
 */
export const arbCode = (regime: Regime, categories?: readonly Category[]): fc.Arbitrary<string> => {
  const codes = codesOf(regime)
    .filter((c: CodeInfo) => categories === undefined || categories.includes(c.category))
    .map((c) => c.code);
  if (codes.length === 0) throw new RangeError(`No ${regime} code in categories ${String(categories)}`);
  return fc.constantFrom(...codes);
};

/** Options for {@link arbTally}. */
export interface ArbTallyOptions {
  /** Largest count in any column (default 10,000). */
  readonly maxCount?: number;
  /** Whether the COVID `X` column may be non-zero (default true). */
  readonly covid?: boolean;
}

/**
 * A tally with non-negative integer counts in every column.
 * @example fc.assert(fc.property(arbTally(), (t) => t.byCode.length === TALLY_WIDTH))
 */
export const arbTally = (options: ArbTallyOptions = {}): fc.Arbitrary<Tally> => {
  const max = options.maxCount ?? 10_000;
  const covid = options.covid ?? true;
  return fc
    .array(fc.nat({ max }), { minLength: TALLY_WIDTH, maxLength: TALLY_WIDTH })
    .map((counts) => ({ byCode: counts.map((n, i) => (i === COVID_X_COLUMN && !covid ? 0 : n)) }));
};

/**
 * A group summary consistent by construction: severe <= PA <= enrolments (severe absence implies
 * persistent absence, since 50% >= 10%).
 */
export const arbGroupSummary = (options: ArbTallyOptions = {}): fc.Arbitrary<GroupSummary> =>
  fc.nat({ max: 5_000 }).chain((enrolments) =>
    fc.integer({ min: 0, max: enrolments }).chain((paEnrolments) =>
      fc.record({
        tally: arbTally(options),
        enrolments: fc.constant(enrolments),
        paEnrolments: fc.constant(paEnrolments),
        severeEnrolments: fc.integer({ min: 0, max: paEnrolments }),
      }),
    ),
  );

/** One generated register mark. */
export interface MarkSample {
  /** Day number (days since 1970-01-01). */
  readonly day: number;
  readonly date: IsoDate;
  readonly session: Session;
  /** A code in force on `date`. */
  readonly code: string;
}

/** Options for {@link arbMarksForEnrolment}. */
export interface ArbMarksOptions {
  /** First possible day (default 2019-08-01, so both regimes and the COVID window are covered). */
  readonly fromDay?: number;
  /** Last possible day (default 2026-07-31). */
  readonly toDay?: number;
  /** Longest run of days generated (default 60). */
  readonly maxDays?: number;
  /** Restrict the codes to these categories (default: every code of the regime in force). */
  readonly categories?: readonly Category[];
}

const codesByRegime = (categories?: readonly Category[]): Readonly<Record<Regime, readonly string[]>> => {
  const pick = (r: Regime): readonly string[] =>
    codesOf(r)
      .filter((c) => categories === undefined || categories.includes(c.category))
      .map((c) => c.code);
  return { '2006': pick('2006'), '2024': pick('2024') };
};

/**
 * The marks of one enrolment over a run of consecutive days: both sessions of each day, each with a
 * code in force on that day (the regime switches on 2024-08-19). Unique (day, session), in register
 * order.
 * @example fc.sample(arbMarksForEnrolment({ maxDays: 5 }), 1)
 */
export const arbMarksForEnrolment = (options: ArbMarksOptions = {}): fc.Arbitrary<readonly MarkSample[]> => {
  const fromDay = options.fromDay ?? toDayNumber('2019-08-01');
  const toDay = options.toDay ?? toDayNumber('2026-07-31');
  const maxDays = options.maxDays ?? 60;
  const codes = codesByRegime(options.categories);
  if (codes['2006'].length === 0 || codes['2024'].length === 0) throw new RangeError('No code of those categories in one regime');
  return fc
    .record({ start: fc.integer({ min: fromDay, max: toDay }), length: fc.integer({ min: 0, max: maxDays }) })
    .chain(({ start, length }) => {
      const days = Math.max(0, Math.min(length, toDay - start + 1));
      return fc.array(fc.nat(), { minLength: days * 2, maxLength: days * 2 }).map((picks) =>
        picks.map((pick, i): MarkSample => {
          const day = start + Math.floor(i / 2);
          const date = fromDayNumber(day);
          const inForce = codes[regimeOn(date)];
          return { day, date, session: i % 2 === 0 ? 'AM' : 'PM', code: inForce[pick % inForce.length] as string };
        }),
      );
    });
};

/**
 * The age-deciding fields of an enrolment: a year group, and a date of birth (from a day offset)
 * or none.
 */
export const arbEnrolmentAgeFields = (options: { readonly fromDay?: number; readonly toDay?: number } = {}): fc.Arbitrary<Pick<Enrolment, 'dateOfBirth' | 'yearGroup'>> => {
  const fromDay = options.fromDay ?? toDayNumber('2000-01-01');
  const toDay = options.toDay ?? toDayNumber('2024-12-31');
  return fc.record({ yearGroup: fc.constantFrom(...YEAR_GROUPS), dob: fc.option(fc.integer({ min: fromDay, max: toDay }), { nil: undefined }) }).map(({ yearGroup, dob }) =>
    dob === undefined ? { yearGroup } : { yearGroup, dateOfBirth: fromDayNumber(dob) },
  );
};

/**
 * A deterministic synthetic local authority: schools, enrolments and a stream of register marks
 * that look like an English LA's, for demos, tests and benchmarks. The same options always give the
 * same data (a seeded PRNG, no clock, no `Math.random`); marks come from a generator so 20 million
 * of them never sit in memory at once.
 *
 * What it models (shares are rounded national figures, only to look plausible):
 * - weekdays of a typical LA calendar (./synthetic-calendar.ts), with INSET days and a planned closure
 *   marked `#` and now and then an unplanned closure (`Y4` from 2024-08-19, `Y` before);
 * - per-enrolment absence propensity so that roughly 15-20 % of enrolments are persistently absent
 *   (>= 10 %) and about 2 % severely absent (>= 50 %): DfE 2023/24 full year PA 20.7 %, 2024/25 18.7 %
 *   (reference §5.3); illness is about half of all absence (reference §5.1);
 * - absence in spells (illness for a few days, unauthorised holiday for a week), half-day medical
 *   appointments, lates (`L`, `U` with minutes), educational visits, part-time timetables (`C2`);
 * - movers (leaving and admission dates), dual registrations (`D` at the school not responsible for the
 *   session), a few corrected marks (first `N`, then the reason, with a later `recorded_at`), a few `-`,
 *   and a few present sessions with no row at all (a pupil left off a register that was taken).
 * Every code is in force on its date (codes.ts `regimeOn`, SI 2024/208 from 19 August 2024).
 *
 * @module
 */
import { CODE_TABLE, regimeOn } from '../codes.js';
import type { Regime } from '../codes.js';
import type { Enrolment, School } from '../dataset.js';
import { fromDayNumber, isIsoDate, toDayNumber, weekdayOf, academicYearOf } from '../dates.js';
import type { IsoDate, Session } from '../dates.js';
import { schoolDaysBetween, termsBetween } from './synthetic-calendar.js';
import type { SyntheticTerm } from './synthetic-calendar.js';
import { deriveSeed, intBetween, mulberry32, pickWeighted, weighted } from './synthetic-prng.js';
import type { Rng, WeightedTable } from './synthetic-prng.js';
import { ABSENCE_KIND, buildPopulation } from './synthetic-population.js';
import type { SyntheticPopulation } from './synthetic-population.js';

export type { SyntheticTerm } from './synthetic-calendar.js';

/** Options of {@link generateSyntheticLa}. */
export interface SyntheticLaOptions {
  /** Any 32-bit integer; the same seed gives the same data. */
  readonly seed: number;
  /** Old three-digit LA code; `999` (no real LA) by default. */
  readonly laCode?: string;
  /** Number of schools, 1 to 999. */
  readonly schools: number;
  /** Total pupils on roll at the start (about; movers and joiners add enrolments). */
  readonly pupils?: number;
  /** Used when `pupils` is not given: mean pupils per school (default 300). */
  readonly pupilsPerSchool?: number;
  /** First and last date of the marks, `YYYY-MM-DD`. Year groups are those of `from`'s academic year. */
  readonly from: string;
  readonly to: string;
}

/** One row of marks.csv (the shape adapter-canonical's `writeCanonicalDataset` takes), plus its enrolment. */
export interface SyntheticMark {
  /** Index into {@link SyntheticLa.enrolments}. */
  readonly enrolment: number;
  readonly schoolUrn: string;
  readonly pupilId: string;
  readonly date: IsoDate;
  readonly session: Session;
  readonly code: string;
  /** Only on `L` and `U`. */
  readonly minutesLate?: number;
  /** ISO 8601 date-time; only on the versions of corrected marks. */
  readonly recordedAt?: string;
}

/** A generated LA. `marks()` starts a fresh, identical stream each time it is called. */
export interface SyntheticLa {
  readonly options: SyntheticLaOptions;
  readonly schools: readonly School[];
  readonly enrolments: readonly Enrolment[];
  /** The LA's half-terms overlapping the period (terms.csv rows for every school). */
  readonly terms: readonly SyntheticTerm[];
  /** The LA's school days in the period (each school also has its own INSET and closure days). */
  readonly schoolDays: readonly IsoDate[];
  readonly marks: () => Generator<SyntheticMark, void, undefined>;
}

/** Ready-made option sets: `tiny` for the CLI demo, `bench` for `npm run bench` (>= 20 million marks). */
export const SYNTHETIC_PRESETS = {
  tiny: { seed: 20_240_902, laCode: '999', schools: 4, pupils: 400, from: '2024-09-02', to: '2024-12-20' },
  bench: { seed: 20_242_025, laCode: '999', schools: 200, pupils: 60_000, from: '2024-09-02', to: '2025-07-22' },
} as const satisfies Readonly<Record<string, SyntheticLaOptions>>;

/** How one absence event looks: a code, its length in school days, and whether it takes half a day. */
interface Reason {
  readonly code: string;
  readonly minDays: number;
  readonly maxDays: number;
  /** 0 whole days; 1 the morning only; 2 the afternoon only; 3 either half. */
  readonly half: 0 | 1 | 2 | 3;
}
const r = (code: string, minDays: number, maxDays: number, half: Reason['half'] = 0): Reason => ({ code, minDays, maxDays, half });

/** Absence reasons by {@link ABSENCE_KIND}, weighted so illness is about half of ordinary absence. */
const REASONS: readonly WeightedTable<Reason>[] = [
  weighted([[r('I', 1, 4), 55], [r('M', 1, 1, 3), 10], [r('O', 1, 1), 8], [r('G', 3, 5), 6], [r('C', 1, 2), 6], [r('N', 1, 1), 5], [r('R', 1, 1), 2], [r('E', 1, 3), 0.5], [r('J1', 1, 1, 1), 0.5], [r('C1', 1, 3), 0.2]]),
  weighted([[r('I', 1, 5), 45], [r('O', 1, 2), 16], [r('G', 3, 5), 8], [r('N', 1, 1), 6], [r('C', 1, 3), 6], [r('M', 1, 1, 3), 8], [r('E', 1, 3), 2], [r('R', 1, 1), 1], [r('C2', 1, 1, 2), 3]]),
  weighted([[r('O', 1, 5), 32], [r('I', 1, 5), 28], [r('N', 1, 3), 10], [r('E', 2, 5), 5], [r('C', 1, 3), 5], [r('C2', 1, 1, 2), 10], [r('G', 3, 5), 5]]),
];

/** Mean absent days and mean length in days of one event of a reason table. */
const eventShape = (t: WeightedTable<Reason>): { absent: number; length: number } => {
  let absent = 0;
  let length = 0;
  let prev = 0;
  t.values.forEach((v, i) => {
    const w = (t.cumulative[i] as number) - prev;
    prev = t.cumulative[i] as number;
    const days = (v.minDays + v.maxDays) / 2;
    absent += w * (v.half === 0 ? days : 0.5);
    length += w * days;
  });
  return { absent, length };
};
const SHAPES = REASONS.map(eventShape);

/**
 * The daily chance of starting an absence event so that the long-run share of absent days is `f`
 * (a renewal argument: each cycle is one trial day plus, with chance q, the rest of an event).
 */
const startChance = (f: number, kind: number): number => {
  const { absent, length } = SHAPES[kind] as { absent: number; length: number };
  return Math.min(1, f / Math.max(1e-9, absent - f * (length - 1)));
};

/** Codes of the 2024 regulations with the 2006 code that served the same purpose. */
const TO_2006: Readonly<Record<string, string>> = { C1: 'C', C2: 'C', J1: 'J', K: 'B', Y4: 'Y' };
const inRegime = (code: string, regime: Regime): string => (regime === '2006' ? (TO_2006[code] ?? code) : code);

const CLOSED = new Set(['#', 'D', 'Y', 'Y4']);
const ABSENCE = new Set(CODE_TABLE.filter((c) => c.category === 'authorised' || c.category === 'unauthorised').map((c) => c.code));

/** INSET days of one school: the first half-term start in the period and up to four more candidates. */
const insetDays = (candidates: readonly number[], rng: Rng): Set<number> => {
  const rest = candidates.slice(1);
  const chosen = new Set<number>(candidates.slice(0, 1));
  while (chosen.size < Math.min(5, candidates.length)) chosen.add(rest.splice(intBetween(rng, 0, rest.length - 1), 1)[0] as number);
  return chosen;
};

function* schoolMarks(
  seed: number,
  s: number,
  pop: SyntheticPopulation,
  days: Int32Array,
  isoOf: ReadonlyMap<number, IsoDate>,
  insetCandidates: readonly number[],
): Generator<SyntheticMark, void, undefined> {
  const rng = mulberry32(deriveSeed(seed, 2, s));
  const { plan, enrolments } = pop;
  const ids = pop.bySchool[s] as Int32Array;
  const schoolUrn = (pop.schools[s] as School).urn;
  const n = ids.length;
  const spellLeft = new Int32Array(n);
  const spellCode: string[] = new Array<string>(n).fill('I');
  const q = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const e = ids[k] as number;
    const f = plan.partTime[e] === 1 ? Math.max(0, 2 * (plan.rate[e] as number) - 1) : (plan.rate[e] as number);
    q[k] = startChance(f, plan.kind[e] as number);
  }
  const inset = insetDays(insetCandidates, rng);
  const pick = (): number => days[intBetween(rng, 0, days.length - 1)] as number;
  const planned = rng() < 0.25 ? pick() : -1;
  const unplanned = rng() < 0.12 ? pick() : -1;

  const mark = (e: number, date: IsoDate, session: Session, code: string, minutesLate: number | undefined, recordedAt: string | undefined): SyntheticMark => {
    const pupilId = (enrolments[e] as Enrolment).pupilId;
    // Most rows have neither optional field: keep them to one object shape.
    if (minutesLate === undefined && recordedAt === undefined) return { enrolment: e, schoolUrn, pupilId, date, session, code };
    return {
      enrolment: e, schoolUrn, pupilId, date, session, code,
      ...(minutesLate === undefined ? {} : { minutesLate }),
      ...(recordedAt === undefined ? {} : { recordedAt }),
    };
  };

  for (const d of days) {
    const date = isoOf.get(d) as IsoDate;
    const regime = regimeOn(date);
    const closure = inset.has(d) || d === planned ? '#' : d === unplanned ? inRegime('Y4', regime) : undefined;
    const bit = 1 << weekdayOf(d);
    for (let k = 0; k < n; k++) {
      const e = ids[k] as number;
      if (d < (plan.firstDay[e] as number) || d > (plan.lastDay[e] as number)) continue;
      const role = plan.dualRole[e] as number;
      const away = role !== 0 && ((plan.dualDays[e] as number) & bit) !== 0 ? role === 1 : role === 2;
      let am = '/';
      let pm = '\\';
      let minutes: number | undefined;
      if (closure !== undefined) am = pm = closure;
      else if (away) am = pm = 'D';
      else {
        const kind = plan.kind[e] as number;
        if ((spellLeft[k] as number) > 0) {
          spellLeft[k] = (spellLeft[k] as number) - 1;
          am = pm = inRegime(spellCode[k] as string, regime); // a spell may run on into the other regime
        } else if (rng() < (q[k] as number)) {
          const reason = pickWeighted(REASONS[kind] as WeightedTable<Reason>, rng());
          const code = inRegime(reason.code, regime);
          const half = reason.half === 3 ? (rng() < 0.5 ? 1 : 2) : reason.half;
          if (half === 1) am = code;
          else if (half === 2) pm = code;
          else {
            am = pm = spellCode[k] = code;
            spellLeft[k] = intBetween(rng, reason.minDays, reason.maxDays) - 1;
          }
        } else {
          const u = rng();
          if (u < 0.022) (am = 'L'), (minutes = intBetween(rng, 1, 30));
          else if (u < 0.025) (am = 'U'), (minutes = intBetween(rng, 31, 80));
          else if (u < 0.028) am = pm = 'V';
          else if (u < 0.029) am = pm = 'P';
          else if (u < 0.030) am = pm = 'B';
          else if (kind === ABSENCE_KIND.severe && u < 0.08) am = pm = inRegime('K', regime);
        }
        if (plan.partTime[e] === 1 && pm === '\\') pm = inRegime('C2', regime);
      }
      yield* sessionMarks(rng, mark, e, d, date, 'AM', am, am === 'L' || am === 'U' ? minutes : undefined);
      yield* sessionMarks(rng, mark, e, d, date, 'PM', pm, undefined);
    }
  }
}

/** The version(s) of one session's mark: usually one; a correction gives two; a few stay unmarked. */
function* sessionMarks(
  rng: Rng,
  mark: (e: number, date: IsoDate, session: Session, code: string, minutesLate: number | undefined, recordedAt: string | undefined) => SyntheticMark,
  e: number,
  d: number,
  date: IsoDate,
  session: Session,
  code: string,
  minutes: number | undefined,
): Generator<SyntheticMark, void, undefined> {
  const u = rng();
  if (u < 0.0006 && !CLOSED.has(code)) {
    // A register left unmarked (never on a closure or at the other school of a dual registration).
    yield mark(e, date, session, '-', undefined, undefined);
  } else if (u < 0.0006 + 0.012 && code !== 'N' && ABSENCE.has(code)) {
    // Recorded as "no reason yet" at registration, then corrected two days later.
    const time = session === 'AM' ? 'T09:20:00Z' : 'T13:40:00Z';
    yield mark(e, date, session, 'N', undefined, `${date}${time}`);
    yield mark(e, date, session, code, minutes, `${fromDayNumber(d + 2)}T10:05:00Z`);
  } else if (u >= 0.0126 && u < 0.013 && (code === '/' || code === '\\')) {
    // A pupil left off a register that was taken: no row at all (the data-check report's "unmarked").
    // Decided on the same draw as the branches above, so every other mark is unchanged.
    return;
  } else {
    yield mark(e, date, session, code, minutes, undefined);
  }
}

/**
 * Generates a synthetic LA. Throws a `RangeError` for impossible options (a programming error).
 * @example
 * const la = generateSyntheticLa(SYNTHETIC_PRESETS.tiny);
 * for (const m of la.marks()) console.log(m.schoolUrn, m.pupilId, m.date, m.session, m.code);
 */
export const generateSyntheticLa = (options: SyntheticLaOptions): SyntheticLa => {
  const { seed, from, to } = options;
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) throw new RangeError(`synthetic LA: bad period ${from}..${to}`);
  if (!Number.isInteger(options.schools) || options.schools < 1 || options.schools > 999) throw new RangeError('synthetic LA: schools must be 1..999');
  const laCode = options.laCode ?? '999';
  const days = schoolDaysBetween(toDayNumber(from), toDayNumber(to));
  if (days.length === 0) throw new RangeError(`synthetic LA: no school day in ${from}..${to}`);
  const pupils = options.pupils ?? options.schools * (options.pupilsPerSchool ?? 300);
  const pop = buildPopulation({ seed, laCode, schools: options.schools, pupils, schoolDays: days, academicYear: academicYearOf(from) });
  const isoOf = new Map(Array.from(days, (d) => [d, fromDayNumber(d)] as const));
  const terms = termsBetween(toDayNumber(from), toDayNumber(to));
  // INSET candidates: the first school day of each half-term, and the last day before Christmas and summer.
  const dayList = Array.from(days);
  const firsts = terms.map((t) => dayList.find((d) => d >= toDayNumber(t.startDate)));
  const lasts = terms.filter((t) => t.halfTerm === 'autumn2' || t.halfTerm === 'summer2').map((t) => dayList.filter((d) => d <= toDayNumber(t.endDate)).pop());
  const candidates = [...new Set([...firsts, ...lasts].filter((d): d is number => d !== undefined))].sort((a, b) => a - b);
  return {
    options,
    schools: pop.schools,
    enrolments: pop.enrolments,
    terms,
    schoolDays: Array.from(isoOf.values()),
    marks: function* marks() {
      for (let s = 0; s < pop.schools.length; s++) yield* schoolMarks(seed, s, pop, days, isoOf, candidates);
    },
  };
};

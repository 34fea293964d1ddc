/**
 * Tallies: session counts per tally column (one column per code, plus the COVID `X` column), and the
 * counts DfE publishes derived from them. A tally is a commutative monoid under element-wise
 * addition, so tallies of parts (weeks, schools, threads) merge into the tally of the whole in any
 * order (architecture.md). Group summaries add enrolment counts to a tally.
 *
 * Sources: reference §0.3-§0.5 and §1 notes: possible = attendance + absence (+ COVID `X`),
 * attendance = present + AEA, absence = authorised + unauthorised, late = `L` + `U` [S6][S18].
 *
 * @module
 */
import type { Monoid } from 'fp-ts/lib/Monoid.js';
import { CODE_ID, COVID_X_COLUMN, TALLY_WIDTH, type Category } from './codes.js';
import { COLUMNS_OF, codeOfColumn } from './classify.js';

/**
 * Session counts by tally column: `byCode[CODE_ID.get(code)]`, and `byCode[COVID_X_COLUMN]` for
 * COVID `X` sessions. Always {@link TALLY_WIDTH} long; counts are non-negative integers.
 */
export interface Tally {
  readonly byCode: readonly number[];
}

/** The tally of nothing: every count zero. */
export const emptyTally: Tally = { byCode: Object.freeze(new Array<number>(TALLY_WIDTH).fill(0)) };

/**
 * A tally from a count vector (e.g. the engine's typed-array block), copied.
 * @throws RangeError when the length is not {@link TALLY_WIDTH} (a bug in the caller).
 */
export const tallyFromCounts = (counts: ArrayLike<number>): Tally => {
  if (counts.length !== TALLY_WIDTH) throw new RangeError(`A tally has ${TALLY_WIDTH} columns, got ${counts.length}`);
  return { byCode: Array.from(counts) };
};

/**
 * Counts marks by their tally column (see classify.ts `tallyColumnOf` / `classifyMark`).
 * @example tallyOf([{ column: CODE_ID.get('/')! }, { column: CODE_ID.get('I')! }])
 */
export const tallyOf = (marks: Iterable<{ readonly column: number }>): Tally => {
  const out = new Array<number>(TALLY_WIDTH).fill(0);
  for (const m of marks) {
    if (!(m.column >= 0 && m.column < TALLY_WIDTH && Number.isInteger(m.column))) throw new RangeError(`No tally column ${m.column}`);
    out[m.column] = (out[m.column] as number) + 1;
  }
  return { byCode: out };
};

/**
 * A tally from counts keyed by code (`{ '/': 10, I: 2 }`); `covid` fills the COVID `X` column.
 * @throws RangeError on a code that is not in codes.ts (a bug in the caller).
 * @example tallyFromCodes({ '/': 95, I: 5 })
 */
export const tallyFromCodes = (counts: Readonly<Record<string, number>>, covid = 0): Tally => {
  const out = new Array<number>(TALLY_WIDTH).fill(0);
  for (const [code, n] of Object.entries(counts)) {
    const id = CODE_ID.get(code);
    if (id === undefined) throw new RangeError(`Unknown code ${code}`);
    out[id] = (out[id] as number) + n;
  }
  out[COVID_X_COLUMN] = (out[COVID_X_COLUMN] as number) + covid;
  return { byCode: out };
};

/** Element-wise sum of two tallies. */
export const addTallies = (a: Tally, b: Tally): Tally => {
  const out = new Array<number>(TALLY_WIDTH);
  for (let i = 0; i < TALLY_WIDTH; i++) out[i] = (a.byCode[i] ?? 0) + (b.byCode[i] ?? 0);
  return { byCode: out };
};

/** Tallies form a commutative monoid: element-wise sum, with {@link emptyTally} as identity. */
export const MonoidTally: Monoid<Tally> = { concat: addTallies, empty: emptyTally };

/**
 * The sum of many tallies (the empty tally for none).
 * @example concatAll([weekOne, weekTwo])
 */
export const concatAll = (tallies: Iterable<Tally>): Tally => {
  const out = new Array<number>(TALLY_WIDTH).fill(0);
  for (const t of tallies) for (let i = 0; i < TALLY_WIDTH; i++) out[i] = (out[i] as number) + (t.byCode[i] ?? 0);
  return { byCode: out };
};

/** Sessions of one category. */
export const sessionsOf = (t: Tally, category: Category): number => {
  let n = 0;
  for (const col of COLUMNS_OF[category]) n += t.byCode[col] ?? 0;
  return n;
};

/** Present sessions: `/`, `\`, `L`. */
export const presentSessions = (t: Tally): number => sessionsOf(t, 'present');
/** Approved educational activity sessions: `K V P W B` (and `J` before 2024). */
export const aeaSessions = (t: Tally): number => sessionsOf(t, 'aea');
/** Authorised absence sessions. */
export const authorised = (t: Tally): number => sessionsOf(t, 'authorised');
/** Unauthorised absence sessions: `G N O U`. */
export const unauthorised = (t: Tally): number => sessionsOf(t, 'unauthorised');
/** Attendance (DfE `overall_attendance`): present + AEA. */
export const attendance = (t: Tally): number => presentSessions(t) + aeaSessions(t);
/** Overall absence: authorised + unauthorised. */
export const absence = (t: Tally): number => authorised(t) + unauthorised(t);
/** COVID `X` sessions (possible, neither attendance nor absence). */
export const covidSessions = (t: Tally): number => sessionsOf(t, 'covid');
/** Possible sessions: attendance + absence + COVID `X`. */
export const possible = (t: Tally): number => attendance(t) + absence(t) + covidSessions(t);
/** Sessions that are not possible (`D X Y Y1-Y7 Q Z #`, `X` outside the COVID treatment). */
export const notPossible = (t: Tally): number => sessionsOf(t, 'not_possible');
/** Sessions with no mark yet (`-`). */
export const unmarked = (t: Tally): number => sessionsOf(t, 'unmarked');

const L_COL = CODE_ID.get('L') as number;
const U_COL = CODE_ID.get('U') as number;
/** Late sessions as DfE counts them: `L` (present) + `U` (unauthorised) [S6]. */
export const lateSessions = (t: Tally): number => (t.byCode[L_COL] ?? 0) + (t.byCode[U_COL] ?? 0);

/**
 * Sessions of each code seen (non-zero counts only), every category included. COVID `X` sessions
 * count under `X` together with any other `X`.
 * @example sessionsByCode(tallyFromCodes({ '/': 3, I: 0 })) // { '/': 3 }
 */
export const sessionsByCode = (t: Tally): Readonly<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (let col = 0; col < TALLY_WIDTH; col++) {
    const n = t.byCode[col] ?? 0;
    if (n === 0) continue;
    const code = codeOfColumn(col);
    out[code] = (out[code] ?? 0) + n;
  }
  return out;
};

/**
 * A group's figures: its tally and how many enrolments it covers, how many of them are
 * persistently absent (>= 10%) and severely absent (>= 50%) (metrics.ts `enrolmentSummary`).
 */
export interface GroupSummary {
  readonly tally: Tally;
  readonly enrolments: number;
  readonly paEnrolments: number;
  readonly severeEnrolments: number;
}

/** The summary of no enrolments. */
export const emptyGroupSummary: GroupSummary = { tally: emptyTally, enrolments: 0, paEnrolments: 0, severeEnrolments: 0 };

/** Sum of two summaries (valid when their enrolment sets are disjoint). */
export const addGroupSummaries = (a: GroupSummary, b: GroupSummary): GroupSummary => ({
  tally: addTallies(a.tally, b.tally),
  enrolments: a.enrolments + b.enrolments,
  paEnrolments: a.paEnrolments + b.paEnrolments,
  severeEnrolments: a.severeEnrolments + b.severeEnrolments,
});

/**
 * Group summaries form a commutative monoid by summing every field. Valid for disjoint sets of
 * enrolments only: PA is decided per enrolment over the whole period, so the summaries of two
 * weeks of the same enrolments must not be added (merge their tallies, then decide PA).
 */
export const MonoidGroupSummary: Monoid<GroupSummary> = { concat: addGroupSummaries, empty: emptyGroupSummary };

/** The sum of many group summaries of disjoint enrolment sets. */
export const concatAllSummaries = (summaries: Iterable<GroupSummary>): GroupSummary => {
  const tallies: Tally[] = [];
  let enrolments = 0;
  let paEnrolments = 0;
  let severeEnrolments = 0;
  for (const s of summaries) {
    tallies.push(s.tally);
    enrolments += s.enrolments;
    paEnrolments += s.paEnrolments;
    severeEnrolments += s.severeEnrolments;
  }
  return { tally: concatAll(tallies), enrolments, paEnrolments, severeEnrolments };
};

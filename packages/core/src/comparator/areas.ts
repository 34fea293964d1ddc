/**
 * Area comparators from published area x phase cells of one period: national, regional (an LA's region
 * taken from the data), LA, statistical neighbours (LAIT's plain mean of rates, or pooled sessions), and
 * a pooled peer group. The same functions give "the same LA last year" when given last year's cells.
 *
 * Sources: DfE "Pupil attendance in schools" rows (national, regional, LA by phase); LAIT
 * (dfe-analytical-services/local-authority-interactive-tool, `mod_la_lvl_table.R`): the statistical
 * neighbour average is `mean(values_num, na.rm = TRUE)` of the ten neighbours' published rates.
 *
 * @module
 */
import { addCounts, rateFraction, type SessionCounts } from './counts.js';
import { coverageProblem, type CoverageThresholds } from './coverage.js';
import type { Fraction } from './fraction.js';
import { plainMean } from './weighted.js';

/** Levels of comparator cells: DfE's three geographic levels, and single schools (for peer groups). */
export type AreaLevel = 'national' | 'regional' | 'la' | 'school';

/** One area x phase cell of a period, as published. */
export interface AreaCell {
  readonly level: AreaLevel;
  /** `E92000001` (England), a GSS region code, an old three-digit LA code, or a school's URN. */
  readonly code: string;
  /** The region of an LA cell (GSS code), as the data gives it. */
  readonly regionCode?: string;
  readonly phase: string;
  /** Schools reporting (DfE: mean per day, may be fractional). */
  readonly schools?: number;
  /** Session counts; absent where the source suppressed them. */
  readonly counts?: SessionCounts;
  /** Rates that have no counts behind them (e.g. DfE's `pa`), exact percentages. */
  readonly rates?: Readonly<Record<string, Fraction>>;
}

/** How a comparator value was made. */
export type ComparatorMethod = 'published-cell' | 'plain-mean-of-rates' | 'pooled-sessions';

/** A comparator value, or the reason there is none. */
export type ComparatorResult =
  | {
      readonly _tag: 'value';
      /** Exact percentage. */
      readonly rate: Fraction;
      readonly method: ComparatorMethod;
      /** The cells it rests on (codes). */
      readonly from: readonly string[];
    }
  | { readonly _tag: 'none'; readonly reason: string };

const none = (reason: string): ComparatorResult => ({ _tag: 'none', reason });

const cellRate = (cell: AreaCell, measure: string): Fraction | undefined =>
  cell.counts === undefined ? cell.rates?.[measure] : (rateFraction(cell.counts, measure) ?? cell.rates?.[measure]);

const find = (cells: readonly AreaCell[], level: AreaLevel, code: string | undefined, phase: string): AreaCell | undefined =>
  cells.find((c) => c.level === level && c.phase === phase && (code === undefined || c.code === code));

/** The rate of one published cell, checked against coverage thresholds. */
const fromCell = (cell: AreaCell | undefined, what: string, measure: string, thresholds: CoverageThresholds): ComparatorResult => {
  if (cell === undefined) return none(`no ${what} row in the data`);
  if (cell.counts === undefined && cell.rates?.[measure] === undefined) return none(`the ${what} row is suppressed or has no counts`);
  const problem = coverageProblem(
    { ...(cell.schools === undefined ? {} : { schools: cell.schools }), ...(cell.counts === undefined ? {} : { possibleSessions: cell.counts.possible }) },
    thresholds,
  );
  if (problem !== undefined) return none(`the ${what} row is too thin: ${problem}`);
  const rate = cellRate(cell, measure);
  return rate === undefined ? none(`the ${what} row has no ${measure} rate`) : { _tag: 'value', rate, method: 'published-cell', from: [cell.code] };
};

/**
 * The national comparator for a phase and measure.
 *
 * @example
 * nationalComparator(cells, 'Primary', 'attendance') // { _tag: 'value', rate, method: 'published-cell', from: ['E92000001'] }
 */
export const nationalComparator = (
  cells: readonly AreaCell[],
  phase: string,
  measure: string,
  thresholds: CoverageThresholds = {},
): ComparatorResult => fromCell(find(cells, 'national', undefined, phase), 'national', measure, thresholds);

/**
 * The regional comparator of an LA: its region is read from the LA's own cell (`regionCode`), never
 * from a separate lookup, so it follows the data's boundaries for that period.
 */
export const regionalComparator = (
  cells: readonly AreaCell[],
  laCode: string,
  phase: string,
  measure: string,
  thresholds: CoverageThresholds = {},
): ComparatorResult => {
  const region = cells.find((c) => c.level === 'la' && c.code === laCode && c.regionCode !== undefined)?.regionCode;
  if (region === undefined) return none(`LA ${laCode} has no region in the data`);
  return fromCell(find(cells, 'regional', region, phase), `regional (${region})`, measure, thresholds);
};

/** An LA's own published rate as a comparator (e.g. for its schools). */
export const laComparator = (
  cells: readonly AreaCell[],
  laCode: string,
  phase: string,
  measure: string,
  thresholds: CoverageThresholds = {},
): ComparatorResult => fromCell(find(cells, 'la', laCode, phase), `LA ${laCode}`, measure, thresholds);

/** How to average a group of areas or schools. */
export type GroupMethod = 'plain-mean-of-rates' | 'pooled-sessions';

/**
 * A group comparator (statistical neighbours, or any peer group of LAs or schools given as cells):
 * LAIT's plain mean of the members' rates (members without a value are left out, as `na.rm = TRUE`), or
 * pooled sessions (`Σ count / Σ possible`, members without counts left out). `minContributors` in the
 * thresholds sets how many members must contribute; the result names those that did.
 *
 * @example
 * groupComparator(cells.filter((c) => c.level === 'la' && neighbours.includes(c.code)), 'Total', 'attendance', 'plain-mean-of-rates')
 */
export const groupComparator = (
  members: readonly AreaCell[],
  phase: string,
  measure: string,
  method: GroupMethod,
  thresholds: CoverageThresholds = {},
): ComparatorResult => {
  const inPhase = members.filter((m) => m.phase === phase);
  if (method === 'plain-mean-of-rates') {
    const withRate = inPhase.flatMap((m) => {
      const r = cellRate(m, measure);
      return r === undefined ? [] : [{ code: m.code, rate: r }];
    });
    const problem = coverageProblem({ contributors: withRate.length }, { minContributors: 1, ...thresholds });
    if (problem !== undefined) return none(`group too thin: ${problem}`);
    const rate = plainMean(withRate.map((w) => w.rate));
    return rate === undefined ? none('no member has a rate') : { _tag: 'value', rate, method, from: withRate.map((w) => w.code) };
  }
  const withCounts = inPhase.filter((m): m is AreaCell & { counts: SessionCounts } => m.counts !== undefined && m.counts.byMeasure[measure] !== undefined);
  const pooled = withCounts.length === 0 ? undefined : withCounts.map((m) => m.counts).reduce(addCounts);
  const schools = withCounts.every((m) => m.schools !== undefined) ? withCounts.reduce((s, m) => s + (m.schools ?? 0), 0) : undefined;
  const problem = coverageProblem(
    {
      contributors: withCounts.length,
      ...(pooled === undefined ? {} : { possibleSessions: pooled.possible }),
      ...(schools === undefined ? {} : { schools }),
    },
    { minContributors: 1, ...thresholds },
  );
  if (problem !== undefined) return none(`group too thin: ${problem}`);
  const rate = pooled === undefined ? undefined : rateFraction(pooled, measure);
  return rate === undefined ? none('the group has no possible sessions') : { _tag: 'value', rate, method, from: withCounts.map((m) => m.code) };
};

/** A statistical-neighbour table: LA code -> its neighbours' LA codes, closest first. */
export type NeighbourTable = ReadonlyMap<string, readonly string[]>;

/**
 * The statistical-neighbour comparator of an LA: {@link groupComparator} over its neighbours' LA cells.
 * LAIT's way is `plain-mean-of-rates`.
 */
export const statisticalNeighbourComparator = (
  cells: readonly AreaCell[],
  neighbours: NeighbourTable,
  laCode: string,
  phase: string,
  measure: string,
  method: GroupMethod = 'plain-mean-of-rates',
  thresholds: CoverageThresholds = {},
): ComparatorResult => {
  const list = neighbours.get(laCode);
  if (list === undefined) return none(`LA ${laCode} is not in the statistical neighbour table`);
  const members = cells.filter((c) => c.level === 'la' && list.includes(c.code));
  return groupComparator(members, phase, measure, method, thresholds);
};

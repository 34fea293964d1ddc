/**
 * Classification of register marks: which tally column a mark counts in, and that column's
 * statistical category. The fast path (typed-array lookups on dictionary ids and day numbers) is
 * what the columnar engine uses; {@link classifyMark} is the checked path for single marks.
 *
 * Sources: reference §0.2-§0.4 (categories, possible sessions), §1-§2 (code tables of the 2024 and
 * 2006 regulations, [S3][S6][S12]), §3 (COVID `X` in 2020/21-2021/22, [S18]).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  CATEGORIES,
  CATEGORY_ID,
  CODE_ID,
  CODE_TABLE,
  COVID_X_COLUMN,
  COVID_X_WINDOW,
  TALLY_WIDTH,
  isCodeInForce,
  regimeOn,
  type Category,
  type CodeInfo,
} from './codes.js';
import { isIsoDate, toDayNumber, type IsoDate } from './dates.js';
import type { Issue } from './issue.js';

/**
 * How `X` marks dated inside {@link COVID_X_WINDOW} are treated.
 * - `'dfe'` (default): as DfE did in 2020/21 and 2021/22, a possible session that is neither
 *   attendance nor absence (category `covid`, tally column {@link COVID_X_COLUMN}) [S18].
 * - `'not-possible'`: as the regulations' ordinary meaning of `X` (not a possible session), e.g.
 *   for a school that used `X` only for non-compulsory-age pupils in those years.
 * Outside the window `X` is always not possible.
 */
export type CovidX = 'dfe' | 'not-possible';

/** The default COVID `X` treatment: DfE's. */
export const DEFAULT_COVID_X: CovidX = 'dfe';

/** Dictionary id of `X`. */
export const X_CODE_ID: number = CODE_ID.get('X') as number;

/** First and last day numbers (inclusive) of {@link COVID_X_WINDOW}. */
export const COVID_X_FIRST_DAY: number = toDayNumber(COVID_X_WINDOW.from);
/** Last day number (inclusive) of {@link COVID_X_WINDOW}. */
export const COVID_X_LAST_DAY: number = toDayNumber(COVID_X_WINDOW.to);

/** Whether a day number lies inside {@link COVID_X_WINDOW} (both ends inclusive). */
export const isInCovidXWindow = (day: number): boolean => day >= COVID_X_FIRST_DAY && day <= COVID_X_LAST_DAY;

/**
 * Category id ({@link CATEGORY_ID}) of each tally column, for typed-array loops:
 * `COLUMN_CATEGORY_ID[column]`. Columns `0 .. CODE_COUNT-1` are codes, the last is COVID `X`.
 */
export const COLUMN_CATEGORY_ID: Uint8Array = (() => {
  const out = new Uint8Array(TALLY_WIDTH);
  CODE_TABLE.forEach((c, i) => {
    out[i] = CATEGORY_ID[c.category];
  });
  out[COVID_X_COLUMN] = CATEGORY_ID.covid;
  return out;
})();

/**
 * The tally column of a mark: its code id, except an `X` inside the COVID window under
 * `covidX = 'dfe'`, which goes to {@link COVID_X_COLUMN}. The date is a day number (fast path) or
 * an ISO date. Does not check that the code is in force (see {@link classifyMark}).
 * @example tallyColumnOf(CODE_ID.get('X')!, '2021-01-05') === COVID_X_COLUMN
 */
export const tallyColumnOf = (codeId: number, dateOrDay: IsoDate | string | number, covidX: CovidX = DEFAULT_COVID_X): number => {
  if (codeId !== X_CODE_ID || covidX !== 'dfe') return codeId;
  const day = typeof dateOrDay === 'number' ? dateOrDay : toDayNumber(dateOrDay);
  return isInCovidXWindow(day) ? COVID_X_COLUMN : codeId;
};

/**
 * The category of a tally column.
 * @example categoryOfColumn(CODE_ID.get('I')!) // 'authorised'
 */
export const categoryOfColumn = (column: number): Category => {
  const id = COLUMN_CATEGORY_ID[column];
  if (id === undefined || column < 0 || !Number.isInteger(column)) throw new RangeError(`No tally column ${column}`);
  return CATEGORIES[id] as Category;
};

/** The columns of each category, in column order (e.g. `COLUMNS_OF.present` = the columns of `/ \ L`). */
export const COLUMNS_OF: Readonly<Record<Category, readonly number[]>> = (() => {
  const out: Record<Category, number[]> = {
    present: [],
    aea: [],
    authorised: [],
    unauthorised: [],
    not_possible: [],
    unmarked: [],
    covid: [],
  };
  for (let col = 0; col < TALLY_WIDTH; col++) out[CATEGORIES[COLUMN_CATEGORY_ID[col] as number] as Category].push(col);
  return out;
})();

/** The code a tally column counts: its register code, or `X` for the COVID column. */
export const codeOfColumn = (column: number): string =>
  column === COVID_X_COLUMN ? 'X' : (CODE_TABLE[column] as CodeInfo | undefined)?.code ?? '?';

/** Where one mark goes: its tally column and statistical category. */
export interface MarkClass {
  readonly column: number;
  readonly category: Category;
}

/**
 * Classifies one mark, checking that the code exists and is in force on its date: the 2006
 * regulations before 2024-08-19, the 2024 regulations from then ([S12]; codes.ts `regimeOn`).
 * Issue codes: `core/unknown-code` (no such code), `core/code-not-in-force` (a real code of the
 * other regime, e.g. `J` on 2024-08-19 or `J1` on 2024-08-18), `core/invalid-date`.
 * @example classifyMark('J', '2024-08-18') // right({ column: <J>, category: 'aea' })
 */
export const classifyMark = (code: string, date: IsoDate | string, covidX: CovidX = DEFAULT_COVID_X): E.Either<Issue, MarkClass> => {
  const id = CODE_ID.get(code);
  if (id === undefined) {
    return E.left({ code: 'core/unknown-code', severity: 'error', message: `"${code}" is not a register code of either regime.` });
  }
  if (!isIsoDate(date)) {
    return E.left({ code: 'core/invalid-date', severity: 'error', message: `"${date}" is not a real date written YYYY-MM-DD.` });
  }
  const regime = regimeOn(date);
  if (!isCodeInForce(code, regime)) {
    return E.left({
      code: 'core/code-not-in-force',
      severity: 'error',
      message: `Code "${code}" is not in force on ${date}: it is not a code of the ${regime} regulations, which apply ${regime === '2024' ? 'from' : 'before'} 2024-08-19.`,
    });
  }
  const column = tallyColumnOf(id, date, covidX);
  return E.right({ column, category: categoryOfColumn(column) });
};

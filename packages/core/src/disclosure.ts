/**
 * Disclosure control: which published cells are withheld, and why. Suppression is applied to the
 * cells shown, after aggregation; it never feeds back into the totals of higher levels.
 *
 * Sources: DfE "Pupil attendance in schools" (dfe-analytical-services/attendance-data-dashboard, PR #24):
 * every count and rate is set to `c` where `geographic_level == "Local authority" & num_schools == 1`,
 * after rolling up to region and nation, so the higher levels still include those schools. GSS symbols
 * (`c` confidential, `x` not available, `z` not applicable, `low`) as in dfeR.
 *
 * @module
 */

/** GSS symbols a withheld cell can show. */
export type DisclosureSymbol = 'c' | 'x' | 'z' | 'low';

/** A cell as shown: its value, or a symbol and the reason it is withheld. */
export type Disclosed<T> =
  | { readonly _tag: 'shown'; readonly value: T }
  | { readonly _tag: 'withheld'; readonly symbol: DisclosureSymbol; readonly reason: string };

/** Shows a value. */
export const shown = <T>(value: T): Disclosed<T> => ({ _tag: 'shown', value });

/** Withholds a cell with a symbol and a reason a reader can act on. */
export const withheld = <T = never>(symbol: DisclosureSymbol, reason: string): Disclosed<T> => ({
  _tag: 'withheld',
  symbol,
  reason,
});

/**
 * DfE's rule for its attendance statistics: an LA row covering exactly one school is shown as `c`.
 * `numSchools` is the row's (possibly fractional, mean-per-day) school count, as DfE tests it (`== 1`).
 *
 * @example
 * dfeSingleSchoolRule('Local authority', 1) // 'one school in the local authority and phase'
 * dfeSingleSchoolRule('Regional', 1)        // undefined
 */
export const dfeSingleSchoolRule = (level: string, numSchools: number | undefined): string | undefined =>
  level === 'Local authority' && numSchools === 1 ? 'one school in the local authority and phase' : undefined;

/** Options for {@link discloseGroup}. */
export interface GroupDisclosureOptions {
  /** Smallest number of pupils (enrolments) a pupil-group cell may show; below it the cell is `c`. */
  readonly minGroupSize: number;
  /** Smallest number of schools a cell may show (DfE's LA rule is `2`, i.e. one school is withheld). */
  readonly minSchools?: number;
}

/**
 * Decides whether a pupil-group (or area) cell may be shown: withheld as `c` with the reason when it
 * has fewer than `minGroupSize` pupils or fewer than `minSchools` schools. The value itself is not
 * changed, and totals over cells must be computed from the values, never from what is shown.
 *
 * @example
 * discloseGroup(93.1, { pupils: 4, schools: 1 }, { minGroupSize: 5 })
 * // { _tag: 'withheld', symbol: 'c', reason: 'fewer than 5 pupils (4)' }
 */
export const discloseGroup = <T>(
  value: T,
  size: { readonly pupils?: number; readonly schools?: number },
  options: GroupDisclosureOptions,
): Disclosed<T> => {
  if (size.pupils !== undefined && size.pupils < options.minGroupSize)
    return withheld('c', `fewer than ${options.minGroupSize} pupils (${size.pupils})`);
  if (options.minSchools !== undefined && size.schools !== undefined && size.schools < options.minSchools)
    return withheld('c', `fewer than ${options.minSchools} schools (${size.schools})`);
  return shown(value);
};

/**
 * Applies disclosure to a set of child cells and their parent total together, the way DfE does: the
 * parent is computed from every child's value first, and only then are children withheld. The parent
 * is therefore the same whatever is withheld.
 *
 * @example
 * const r = discloseWithTotal([{ value: 3, pupils: 3 }, { value: 10, pupils: 10 }], (xs) => xs.reduce((a, b) => a + b, 0), { minGroupSize: 5 });
 * r.total // 13; r.cells[0] is withheld
 */
export const discloseWithTotal = <T, P>(
  cells: readonly { readonly value: T; readonly pupils?: number; readonly schools?: number }[],
  total: (values: readonly T[]) => P,
  options: GroupDisclosureOptions,
): { readonly total: P; readonly cells: readonly Disclosed<T>[] } => ({
  total: total(cells.map((c) => c.value)),
  cells: cells.map((c) => discloseGroup(c.value, c, options)),
});

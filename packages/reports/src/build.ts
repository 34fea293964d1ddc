/**
 * Turns tabulated counts into a {@link Report}: cells with comparators and bands, the default order,
 * and the notes a reader needs when something is empty or missing (issue 6, "Bad input": an empty
 * table with a note, never a crash or a made-up figure).
 *
 * @module
 */
import { discloseGroup, isIsoDate, type Dataset, type School } from '@attendance-kit/core';
import { rateCell, suppressedCell } from './cell.js';
import { comparatorRate, dfePhaseOf, type ComparatorTarget } from './comparator.js';
import type { Measure } from './measures.js';
import type { Report, ReportCell, ReportColumn, ReportComparator, ReportRow } from './model.js';
import type { GroupCounts, ReportOptions, Tabulated } from './table.js';

/** The id of the period column. */
export const YTD = 'ytd';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A week column's label: the week commencing, `w/c 2 Sep`.
 * @example weekLabel('2024-09-02') // 'w/c 2 Sep'
 */
export const weekLabel = (monday: string): string => `w/c ${Number(monday.slice(8, 10))} ${MONTHS[Number(monday.slice(5, 7)) - 1] ?? ''}`;

/** Collects notes once each, in order, and the weeks the comparator has no published data for. */
export class Notes {
  readonly #seen = new Set<string>();
  readonly #list: string[] = [];
  /** Mondays of weeks with local data but no published comparator cells. */
  readonly unpublished = new Set<string>();
  add(note: string): void {
    if (this.#seen.has(note)) return;
    this.#seen.add(note);
    this.#list.push(note);
  }
  /** The notes, with one sentence for all the unpublished weeks. */
  get list(): readonly string[] {
    if (this.unpublished.size === 0) return this.#list;
    const weeks = [...this.unpublished].sort().join(', ');
    return [...this.#list, `The comparator has no published data for the weeks of ${weeks}: those week cells have no comparator, and period comparators pool the other weeks' sessions.`];
  }
}

/** The comparator target of a set of schools: their LA and DfE phase when they share one. */
export const targetOf = (schools: readonly School[]): ComparatorTarget | undefined => {
  if (schools.length === 0) return undefined;
  const las = new Set(schools.map((s) => s.laCode));
  const phases = new Set(schools.map((s) => dfePhaseOf(s.phase)));
  return { laCode: las.size === 1 ? (schools[0] as School).laCode : '', phase: phases.size === 1 ? (phases.values().next().value as string) : 'Total' };
};

/** The cells of one row: `ytd` and a cell per week column. */
export const rowCells = (
  counts: GroupCounts,
  measure: Measure,
  target: ComparatorTarget | undefined,
  weeks: readonly string[],
  options: ReportOptions,
  decimals: number,
  notes: Notes,
): Record<string, ReportCell> => {
  const cmp = options.comparator;
  const compare = (mondays: readonly string[]) => {
    if (cmp === undefined || target === undefined) return undefined;
    if (cmp.kind === 'regional' && target.laCode === '') {
      notes.add('No regional comparator for schools in more than one LA.');
      return undefined;
    }
    const r = comparatorRate(cmp, mondays, target, measure.id, mondays.length > 1 && options.strictComparator !== true);
    for (const m of r.unpublished) notes.unpublished.add(m);
    if ('rate' in r) return r.rate;
    if (r.unpublished.length === 0) notes.add(`No ${cmp.kind} comparator for ${measure.label} (${target.phase}): ${r.missing}.`);
    else if (mondays.length > 1) notes.add('Period comparators are left out because some weeks have no published comparator data (strict comparator).');
    return undefined;
  };
  const min = options.minGroupSize;
  const cell = (c: { possible: number; enrolments: number; byMeasure: Readonly<Record<string, number>> } | undefined, mondays: readonly string[]): ReportCell =>
    c !== undefined && c.possible > 0 && min !== undefined && discloseGroup(null, { pupils: c.enrolments }, { minGroupSize: min })._tag === 'withheld'
      ? suppressedCell()
      : rateCell({
      numerator: c?.byMeasure[measure.id] ?? 0,
      denominator: c?.possible ?? 0,
      comparator: c === undefined || c.possible === 0 ? undefined : compare(mondays),
      polarity: measure.polarity,
      decimals,
    });
  const dataWeeks = [...counts.weeks.entries()].filter(([, c]) => c.possible > 0).map(([m]) => m).sort();
  const cells: Record<string, ReportCell> = { [YTD]: cell(counts.ytd, dataWeeks) };
  for (const w of weeks) cells[w] = cell(counts.weeks.get(w), [w]);
  return cells;
};

/** The report's comparator header. */
export const comparatorHeader = (options: ReportOptions): ReportComparator => {
  const c = options.comparator;
  if (c === undefined) return { kind: 'none', label: 'none' };
  const what = c.kind === 'national' ? 'England (national), same phase' : 'the LA\'s region, same phase';
  return { kind: c.kind, label: c.source === undefined ? what : `${what}: ${c.source}` };
};

/** Notes every report shares: unknown schools, empty results, what the comparator is. */
export const commonNotes = (dataset: Dataset, tab: Tabulated, options: ReportOptions, notes: Notes): void => {
  for (const u of tab.unknownSchools) notes.add(`School ${u} is not in the dataset.`);
  const bad = [options.from, options.to].filter((d) => !isIsoDate(d));
  if (bad.length > 0) notes.add(`${bad.map((d) => `"${d}"`).join(' and ')} ${bad.length > 1 ? 'are not real dates' : 'is not a real date'} (YYYY-MM-DD): the table is empty.`);
  else if (options.to < options.from) notes.add(`The period ${options.from} to ${options.to} is empty: it ends before it starts.`);
  else if (tab.total.ytd.possible === 0) {
    const filters = options.filters ?? [];
    notes.add(
      `No possible sessions between ${options.from} and ${options.to}` +
        (filters.length > 0 ? ` for pupils with ${filters.map((f) => `${f.field} = "${f.value}"`).join(' and ')}` : '') +
        (options.schools !== undefined ? ' in the selected schools' : '') +
        ': the table is empty.',
    );
  }
  if (dataset.schools.length === 0) notes.add('The dataset has no schools.');
  if (options.minGroupSize !== undefined) notes.add(`Figures of fewer than ${options.minGroupSize} pupils are withheld and shown as c.`);
  if (options.comparator === undefined) notes.add('No comparator was given: cells have no comparator, difference or band.');
  else {
    if ((options.filters ?? []).length > 0)
      notes.add('The comparator is every pupil of the phase: DfE publishes no weekly figures by year group, gender, FSM6, SEND, EAL or ethnicity (FFT\'s national figure follows the filters; this one cannot).');
    if ((options.profile ?? 'dfe') !== 'dfe') notes.add(`Figures use the ${options.profile} profile; DfE's comparator uses DfE's population.`);
    notes.add('Bands compare each figure with the comparator: 1 to under 2, 2 to under 4, and 4 or more percentage points either way (FFT FAQ 2); they are not statistical significance.');
  }
};

/** The `ytd` and week columns. */
export const periodColumns = (options: ReportOptions, weeks: readonly string[], measure: Measure): ReportColumn[] => [
  { id: YTD, label: `${measure.label}, ${options.periodLabel ?? 'period'}` },
  ...weeks.map((w) => ({ id: w, label: weekLabel(w) })),
];

/**
 * Sorts rows on their `ytd` value: `best first` for the measure (highest attendance, lowest absence:
 * FFT's defaults), reversed on request; rows without a value last; ties by key.
 */
export const orderRows = (rows: readonly ReportRow[], descending: boolean): ReportRow[] =>
  [...rows].sort((a, b) => {
    const va = a.cells[YTD]?.value ?? null;
    const vb = b.cells[YTD]?.value ?? null;
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) return descending ? vb - va : va - vb;
    const ka = JSON.stringify(a.key);
    const kb = JSON.stringify(b.key);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

/** Assembles the report value. */
export const assemble = (
  head: { id: string; title: string },
  options: ReportOptions,
  columns: readonly ReportColumn[],
  rows: readonly ReportRow[],
  notes: Notes,
): Report => ({
  id: head.id,
  title: head.title,
  period: { from: options.from, to: options.to, label: options.periodLabel ?? `${options.from} to ${options.to}` },
  profile: options.profile ?? 'dfe',
  filters: options.filters ?? [],
  comparator: comparatorHeader(options),
  columns,
  rows,
  notes: notes.list,
});

/**
 * Statistical-neighbour benchmarking (issue 6 item 3; seeds 002 and 004: LAs benchmark "against
 * neighbouring local authorities (both geographic and statistical) and regional and national
 * averages"): an LA against its ten DfE statistical neighbours, their mean, its region and England,
 * for overall, authorised and unauthorised absence, persistent absence and (where the data has it)
 * severe absence, with each LA's rank among the eleven, its rank and LAIT quartile band among every LA
 * in England, and FFT's difference bands against England or the region.
 *
 * Sources: DfE statistical neighbours May 2025 (LAIT `sn_may_2025.xlsx`); LAIT's SN average is the
 * plain mean of the neighbours' published rates, members without a value left out
 * (`mean(values_num, na.rm = TRUE)`, `mod_la_lvl_table.R`), pooled sessions is offered as an option
 * (docs/methodology-comparators.md §3); ranks and quartile bands as LAIT (statistical-neighbours-stats.ts);
 * rates are DfE's recomputed rates, census-weighted for 2024/25 Totals (adapter-dfe-ees comparator table).
 *
 * Pure: the CLI reads DfE's files and passes the areas and neighbour lists in.
 *
 * @module
 */
import {
  addCounts,
  bandPercentages,
  fraction,
  fractionPercent,
  fractionToNumber,
  isIsoDate,
  plainMean,
  polarityOf,
  rateFraction,
  roundHalfUp,
  summarise,
  type Dataset,
  type Fraction,
  type SessionCounts,
} from '@attendance-kit/core';
import { Notes } from './build.js';
import { suppressedCell } from './cell.js';
import { dfePhaseOf } from './comparator.js';
import type { Report, ReportCell, ReportColumn, ReportRow } from './model.js';
import { quartileBand, quartiles, rankAmong, rankMin } from './statistical-neighbours-stats.js';
import type { ReportOptions } from './table.js';

/** One published area x phase of one period: its exact rates and, where the rates are counts over possible sessions, the counts. */
export interface BenchmarkArea {
  readonly level: 'national' | 'regional' | 'la';
  /** `E92000001`, a GSS region code, or an old three-digit LA code. */
  readonly code: string;
  readonly name?: string;
  /** An LA's region (GSS code), as the data gives it. */
  readonly regionCode?: string;
  /** DfE phase: `Primary`, `Secondary`, `Special` or `Total`. */
  readonly phase: string;
  /** Exact percentages by measure (`overall_absence`, `pa`, ...). DfE's 2024/25 Totals are census-weighted. */
  readonly rates: Readonly<Record<string, Fraction>>;
  /** Session counts; they give `rates` exactly when `ratesFromCounts`. */
  readonly counts?: SessionCounts;
  /** True when the rates are the counts over possible sessions (phase rows); false for census-weighted Totals. */
  readonly ratesFromCounts?: boolean;
  /** Withheld by DfE (`c`). */
  readonly suppressed?: boolean;
}

/** An LA's statistical neighbours, closest first, with DfE's closeness label. */
export interface NeighbourList {
  readonly laCode: string;
  readonly laName?: string;
  readonly neighbours: readonly { readonly laCode: string; readonly closeness?: string }[];
}

/** How the neighbours' mean is made. */
export type NeighbourMean = 'plain-mean-of-rates' | 'pooled-sessions';

/** Options of {@link statisticalNeighbours}. `from`/`to` are only used when the LA's own row comes from the dataset. */
export interface StatisticalNeighboursOptions extends ReportOptions {
  /** The LA (old three-digit code). */
  readonly la?: string;
  /** DfE's published areas by period (`202425 Autumn term`, `202425 Academic year`, ...). */
  readonly benchmark?: ReadonlyMap<string, readonly BenchmarkArea[]>;
  /** Where the areas come from, for the header. */
  readonly benchmarkSource?: string;
  /** Which period of `benchmark`; default the only one (a file with several periods needs it). */
  readonly benchmarkPeriod?: string;
  /** DfE's statistical neighbour lists. */
  readonly neighbours?: readonly NeighbourList[];
  /** DfE phase, default `Total`. */
  readonly phase?: string;
  /** LAIT's plain mean of rates (default) or pooled sessions. */
  readonly neighbourMean?: NeighbourMean;
  /** The LA's own row from DfE's data (default) or counted from the dataset's schools of that LA over `from`..`to`. */
  readonly laSource?: 'dfe' | 'dataset';
  /** What each rate is banded against (FFT's three shades): England (default) or the LA's region. */
  readonly compareWith?: 'national' | 'regional';
}

/** A measure of the benchmark. */
interface SnMeasure {
  readonly id: string;
  readonly label: string;
  /** For the rank and quartile column labels. */
  readonly short: string;
}

/** The measures benchmarked: DfE's absence headlines and PA; severe absence where the data has it. */
export const SN_MEASURES: readonly SnMeasure[] = [
  { id: 'overall_absence', label: 'Overall absence', short: 'Overall' },
  { id: 'authorised_absence', label: 'Authorised absence', short: 'Authorised' },
  { id: 'unauthorised_absence', label: 'Unauthorised absence', short: 'Unauthorised' },
  { id: 'pa', label: 'Persistent absence (10%)', short: 'PA' },
  { id: 'severe', label: 'Severe absence (50%)', short: 'Severe' },
];

const TITLE = 'Statistical neighbours';

/** Display of an exact percentage, half up to 1 dp (FFT FAQ 1, DfE's convention). */
const show = (f: Fraction): string => `${roundHalfUp(f.num, f.den, 1)}%`;

const emptyCell = (display = ''): ReportCell => ({ value: null, numerator: null, denominator: null, comparator: null, difference: null, band: null, significant: null, suppressed: false, display });

/** A rate cell from an exact rate, counts where they give it, and a comparator. */
const rateOf = (rate: Fraction | undefined, counts: { numerator: number; denominator: number } | undefined, comparator: Fraction | undefined, measure: string): ReportCell => {
  if (rate === undefined) return emptyCell();
  const base = { value: fractionToNumber(rate), numerator: counts?.numerator ?? null, denominator: counts?.denominator ?? null, significant: null, suppressed: false, display: show(rate) };
  if (comparator === undefined) return { ...base, comparator: null, difference: null, band: null };
  const band = bandPercentages(rate, comparator, polarityOf(measure));
  return { ...base, comparator: fractionToNumber(comparator), difference: fractionToNumber(band.difference), band: { level: band.level, direction: band.direction } };
};

/** A rank cell: `value` and `numerator` the rank, `denominator` how many were ranked. */
const rankCell = (rank: number | undefined, of: number): ReportCell =>
  rank === undefined ? emptyCell() : { ...emptyCell(`${rank} of ${of}`), value: rank, numerator: rank, denominator: of };

/** An area's figures for one measure. */
interface Figure {
  readonly rate?: Fraction;
  readonly counts?: { numerator: number; denominator: number };
}

const figureOf = (area: BenchmarkArea | undefined, measure: string): Figure => {
  if (area === undefined || area.suppressed === true) return {};
  const rate = area.rates[measure];
  if (rate === undefined) return {};
  const n = area.counts?.byMeasure[measure];
  return area.ratesFromCounts === true && area.counts !== undefined && n !== undefined ? { rate, counts: { numerator: n, denominator: area.counts.possible } } : { rate };
};

/** The LA's own figures counted from the dataset's schools of that LA (and phase; and among `schools` if given), over the period. */
const fromDataset = (dataset: Dataset, options: StatisticalNeighboursOptions, la: string, phase: string): BenchmarkArea | undefined => {
  const chosen = options.schools === undefined ? undefined : new Set(options.schools);
  const schools = new Set(
    dataset.schools.filter((s) => s.laCode === la && (phase === 'Total' || dfePhaseOf(s.phase) === phase) && (chosen === undefined || chosen.has(s.urn))).map((s) => s.urn),
  );
  if (schools.size === 0 || !isIsoDate(options.from) || !isIsoDate(options.to) || options.to < options.from) return undefined;
  const rows = summarise(dataset, { from: options.from, to: options.to, profile: options.profile ?? 'dfe', by: ['school'], filter: options.filters ?? [] }).rows.filter((r) => schools.has(r.school_urn ?? ''));
  const sum = (pick: (r: (typeof rows)[number]) => number): number => rows.reduce((s, r) => s + pick(r), 0);
  const possible = sum((r) => r.possible_sessions);
  if (possible === 0) return undefined;
  const byMeasure = { overall_absence: sum((r) => r.overall_absence), authorised_absence: sum((r) => r.authorised_absence), unauthorised_absence: sum((r) => r.unauthorised_absence) };
  const counts: SessionCounts = { possible, byMeasure };
  const enrolments = sum((r) => r.enrolments);
  const rates: Record<string, Fraction> = {};
  for (const m of Object.keys(byMeasure)) rates[m] = rateFraction(counts, m) as Fraction;
  if (enrolments > 0) {
    rates['pa'] = fractionPercent(fraction(sum((r) => r.pa_enrolments), enrolments));
    rates['severe'] = fractionPercent(fraction(sum((r) => r.severe_absence_enrolments), enrolments));
  }
  return { level: 'la', code: la, phase, rates, counts, ratesFromCounts: true };
};

const empty = (options: StatisticalNeighboursOptions, columns: readonly ReportColumn[], notes: Notes, label: string): Report => ({
  id: 'statistical-neighbours',
  title: TITLE,
  period: { from: options.from, to: options.to, label },
  profile: options.profile ?? 'dfe',
  filters: options.filters ?? [],
  comparator: { kind: 'none', label: 'none' },
  columns,
  rows: [],
  notes: notes.list,
});

/**
 * The statistical-neighbour benchmark of one LA: rows for the LA and its ten neighbours (ranked best
 * first on overall absence, reversible), then the neighbours' mean, the region and England; per
 * measure a rate column (banded against England or the region), the rank among the LA and its
 * neighbours, the rank among every LA in England, and LAIT's quartile band (A best).
 *
 * An unknown LA code, a period the data does not have, or no data at all gives an empty table with a
 * note, never a thrown error or a made-up figure.
 *
 * @example
 * statisticalNeighbours(dataset, { from: '2024-09-02', to: '2024-12-20', la: '340', benchmark, neighbours }).rows[0].key.la_code
 */
export const statisticalNeighbours = (dataset: Dataset, options: StatisticalNeighboursOptions): Report => {
  const notes = new Notes();
  const phase = options.phase ?? 'Total';
  const meanMethod = options.neighbourMean ?? 'plain-mean-of-rates';
  const compareWith = options.compareWith ?? 'national';
  const la = options.la ?? '';
  const periods = options.benchmark ?? new Map<string, readonly BenchmarkArea[]>();
  const periodKey = options.benchmarkPeriod ?? (periods.size === 1 ? [...periods.keys()][0] : undefined);
  const label = options.periodLabel ?? (periodKey === undefined ? `${options.from} to ${options.to}` : `DfE ${periodKey}`);
  const allAreas = periodKey === undefined ? undefined : periods.get(periodKey);
  const inPhase = (allAreas ?? []).filter((a) => a.phase === phase);
  // PA and severe absence have no counts in DfE's files: columns only where the file publishes the rate.
  const published = (id: string): boolean => (id !== 'pa' && id !== 'severe') || inPhase.some((a) => a.rates[id] !== undefined);
  const measures = SN_MEASURES.filter((m) => published(m.id));
  const columns: ReportColumn[] = measures.flatMap((m) => [
    { id: m.id, label: m.label },
    { id: `${m.id}_rank`, label: `${m.short}: rank of LA + neighbours` },
    { id: `${m.id}_rank_england`, label: `${m.short}: rank in England` },
    { id: `${m.id}_quartile`, label: `${m.short}: quartile (A best)` },
  ]);

  // The period and schools asked for are checked whatever the source: they head the report.
  const bad = [options.from, options.to].filter((d) => !isIsoDate(d));
  if (bad.length > 0) notes.add(`${bad.map((d) => `"${d}"`).join(' and ')} ${bad.length > 1 ? 'are not real dates' : 'is not a real date'} (YYYY-MM-DD).`);
  const known = new Set(dataset.schools.map((s) => s.urn));
  for (const u of options.schools ?? []) if (!known.has(u)) notes.add(`School ${u} is not in the dataset.`);
  const list = (options.neighbours ?? []).find((n) => n.laCode === la);
  if (options.neighbours === undefined || options.neighbours.length === 0) notes.add('No statistical neighbour table was given: the table is empty.');
  else if (list === undefined) notes.add(`LA "${la}" is not in DfE's statistical neighbour table (three-digit old LA codes, e.g. 340 for Knowsley): the table is empty.`);
  if (periods.size === 0) notes.add('No DfE attendance data was given: the table is empty.');
  else if (periodKey === undefined) notes.add(`The DfE data has several periods (${[...periods.keys()].join(', ')}): name one. The table is empty.`);
  else if (allAreas === undefined) notes.add(`The DfE data has no period "${periodKey}" (it has ${[...periods.keys()].join(', ')}): the table is empty.`);
  else if (inPhase.length === 0) notes.add(`The DfE data has no ${phase} rows for ${periodKey}: the table is empty.`);
  if (list === undefined || allAreas === undefined || inPhase.length === 0) return empty(options, columns, notes, label);

  const laAreas = new Map(inPhase.filter((a) => a.level === 'la').map((a) => [a.code, a]));
  let own = laAreas.get(la);
  if (options.laSource === 'dataset') {
    const counted = fromDataset(dataset, options, la, phase);
    if (counted === undefined) notes.add(`The dataset has no possible sessions for ${phase === 'Total' ? '' : `${phase.toLowerCase()} `}schools of LA ${la} between ${options.from} and ${options.to}: the LA's row is empty.`);
    else notes.add(`LA ${la}'s own row is counted from the dataset (${options.from} to ${options.to}, profile ${options.profile ?? 'dfe'}); every other row is DfE's published data for ${periodKey}.${phase === 'Total' ? ' Its Total pools sessions over phases; DfE\'s 2024/25 Totals are census-weighted.' : ''}`);
    own = counted === undefined ? undefined : { ...counted, ...(own?.name === undefined ? {} : { name: own.name }), ...(own?.regionCode === undefined ? {} : { regionCode: own.regionCode }) };
  } else {
    if ((options.filters ?? []).length > 0 || options.schools !== undefined) notes.add('Filters and school selections apply only to an LA row counted from the dataset (laSource dataset): every row here is DfE\'s published figure for all pupils.');
    if (own === undefined) notes.add(`DfE's data has no ${phase} row for LA ${la} in ${periodKey}${phase === 'Total' ? ' (a Total needs all three phases with figures)' : ''}: its row is empty.`);
  }
  // Any of the LA's rows names its region (an LA without a Total row still has phase rows).
  const regionCode = laAreas.get(la)?.regionCode ?? allAreas.find((a) => a.level === 'la' && a.code === la && a.regionCode !== undefined)?.regionCode;
  const region = inPhase.find((a) => a.level === 'regional' && a.code === regionCode);
  const england = inPhase.find((a) => a.level === 'national');
  const target = compareWith === 'national' ? england : region;
  if (target === undefined) notes.add(`No ${compareWith === 'national' ? 'England' : 'regional'} row in the data: rates have no comparator or band.`);

  const members = [{ laCode: la, closeness: 'the LA' }, ...list.neighbours];
  const memberAreas = members.map((m, i) => (i === 0 ? own : laAreas.get(m.laCode)));
  for (const [i, m] of members.entries()) if (i > 0 && memberAreas[i] === undefined) notes.add(`Neighbour ${m.laCode} has no ${phase} row in DfE's data for ${periodKey}${phase === 'Total' ? ' (a Total needs all three phases with figures)' : ''}.`);
  const cellsOf = new Map<number, Record<string, ReportCell>>(members.map((_, i) => [i, {}]));
  const meanCells: Record<string, ReportCell> = {};
  const regionCells: Record<string, ReportCell> = {};
  const englandCells: Record<string, ReportCell> = {};
  const meanFrom = new Map<string, number>();
  for (const m of measures) {
    const polarity = polarityOf(m.id);
    const comparator = figureOf(target, m.id).rate;
    const figures = memberAreas.map((a) => figureOf(a, m.id));
    const groupRanks = rankMin(figures.map((f) => f.rate), polarity);
    const ranked = figures.filter((f) => f.rate !== undefined).length;
    // England-wide: every LA of the data, the LA's own figure being the one this table uses.
    const englandValues = [figures[0]?.rate, ...[...laAreas.values()].filter((a) => a.code !== la).map((a) => figureOf(a, m.id).rate)].filter((f): f is Fraction => f !== undefined);
    const q = quartiles(englandValues);
    figures.forEach((f, i) => {
      const cells = cellsOf.get(i) as Record<string, ReportCell>;
      const area = memberAreas[i];
      if (area?.suppressed === true) {
        for (const suffix of ['', '_rank', '_rank_england', '_quartile']) cells[`${m.id}${suffix}`] = suffix === '' ? suppressedCell() : emptyCell();
        return;
      }
      cells[m.id] = rateOf(f.rate, f.counts, comparator, m.id);
      cells[`${m.id}_rank`] = rankCell(groupRanks[i], ranked);
      const nationalRank = f.rate === undefined ? undefined : rankAmong(f.rate, englandValues, polarity);
      cells[`${m.id}_rank_england`] = rankCell(nationalRank, englandValues.length);
      const band = f.rate === undefined || q === undefined ? undefined : quartileBand(f.rate, q, polarity);
      cells[`${m.id}_quartile`] = band === undefined ? emptyCell() : { ...emptyCell(band), value: 'ABCD'.indexOf(band) + 1 };
    });
    // The neighbours' mean (the LA itself is not one of its neighbours).
    const neighbourFigures = figures.slice(1);
    let mean: Fraction | undefined;
    let meanCounts: { numerator: number; denominator: number } | undefined;
    let contributors = 0;
    if (meanMethod === 'plain-mean-of-rates') {
      const rates = neighbourFigures.flatMap((f) => (f.rate === undefined ? [] : [f.rate]));
      contributors = rates.length;
      mean = plainMean(rates);
    } else {
      const counted = memberAreas.slice(1).flatMap((a) => (a === undefined || a.suppressed === true || a.counts?.byMeasure[m.id] === undefined ? [] : [a.counts]));
      contributors = counted.length;
      const pooled = counted.length === 0 ? undefined : counted.reduce(addCounts);
      mean = pooled === undefined ? undefined : rateFraction(pooled, m.id);
      meanCounts = pooled === undefined || mean === undefined ? undefined : { numerator: pooled.byMeasure[m.id] as number, denominator: pooled.possible };
      if (mean === undefined) notes.add(`${m.label}: DfE publishes no session counts for it, so the neighbours cannot be pooled; use the plain mean.`);
    }
    meanFrom.set(m.id, contributors);
    meanCells[m.id] = rateOf(mean, meanCounts, comparator, m.id);
    regionCells[m.id] = rateOf(figureOf(region, m.id).rate, figureOf(region, m.id).counts, comparator, m.id);
    englandCells[m.id] = rateOf(figureOf(england, m.id).rate, figureOf(england, m.id).counts, comparator, m.id);
  }
  for (const m of SN_MEASURES.filter((x) => !published(x.id))) notes.add(`DfE's file publishes no ${m.label.toLowerCase()} rate for this period${m.id === 'pa' ? ' (none for weeks)' : ''}: no ${m.short === 'PA' ? 'persistent absence' : 'severe absence'} columns.`);

  const laRows: ReportRow[] = members.map((m, i) => ({
    key: {
      name: memberAreas[i]?.name ?? (i === 0 ? list.laName : undefined) ?? `LA ${m.laCode}`,
      la_code: m.laCode,
      role: i === 0 ? 'la' : 'neighbour',
      neighbour_rank: i === 0 ? '' : String(i),
      closeness: i === 0 ? '' : (m.closeness ?? ''),
    },
    cells: cellsOf.get(i) as Record<string, ReportCell>,
  }));
  const sortBy = measures[0]?.id ?? 'overall_absence';
  const order = (r: ReportRow): number => r.cells[`${sortBy}_rank`]?.value ?? Number.POSITIVE_INFINITY;
  const ranked = [...laRows].sort((a, b) => {
    const d = options.reverse === true ? order(b) - order(a) : order(a) - order(b);
    return Number.isNaN(d) || d === 0 ? (members.findIndex((m) => m.laCode === a.key['la_code']) - members.findIndex((m) => m.laCode === b.key['la_code'])) : d;
  });
  const meanName = meanMethod === 'plain-mean-of-rates' ? 'Statistical neighbours: mean of rates (LAIT)' : 'Statistical neighbours: pooled sessions';
  const rows: ReportRow[] = [
    ...ranked,
    { key: { name: meanName, la_code: '', role: 'neighbours-mean', method: meanMethod, contributors: `${meanFrom.get(sortBy) ?? 0} of ${list.neighbours.length}` }, cells: meanCells },
    { key: { name: region?.name ?? `Region ${regionCode ?? 'unknown'}`, la_code: '', role: 'region', region_code: regionCode ?? '' }, cells: regionCells },
    { key: { name: england?.name ?? 'England', la_code: '', role: 'england' }, cells: englandCells },
  ];

  notes.add(`Rows: LA ${la} and its ten DfE statistical neighbours (May 2025), ordered by ${measures[0]?.label.toLowerCase() ?? 'overall absence'} ${options.reverse === true ? 'highest' : 'lowest'} first; then their mean, the region and England. DfE ${phase} rows, ${periodKey}.`);
  notes.add(meanMethod === 'plain-mean-of-rates'
    ? 'The neighbours\' mean is the plain mean of their rates, as DfE\'s LA Interactive Tool (LAIT) shows it; neighbours without a figure are left out (the row\'s contributors count those with an overall absence figure).'
    : 'The neighbours\' mean pools their sessions (all absence sessions over all possible sessions): larger LAs weigh more. LAIT shows the plain mean of rates instead.');
  notes.add('Lower absence is better: rank 1 is the lowest rate (ties share the lower rank, as LAIT), and quartile band A is the quarter of LAs in England with the lowest rates (LAIT\'s bands, edges inclusive of the upper quartile).');
  notes.add(`Bands compare each rate with ${compareWith === 'national' ? 'England' : 'the LA\'s region'}: 1 to under 2, 2 to under 4, and 4 or more percentage points either way (FFT FAQ 2); they are not statistical significance.`);
  if (phase === 'Total') notes.add('LA Totals are made from DfE\'s phase rows the way DfE makes its 2024/25 Totals (weighted by each phase\'s census headcount); DfE publishes no LA Total row, so they carry no session counts.');
  notes.add('Persistent absence is DfE\'s published rate (no session counts are published for it).');
  return {
    id: 'statistical-neighbours',
    title: `${TITLE}: ${laRows[0]?.key['name'] ?? `LA ${la}`} (${phase})`,
    period: { from: options.from, to: options.to, label },
    profile: options.profile ?? 'dfe',
    filters: options.filters ?? [],
    comparator: {
      kind: compareWith,
      label: `${compareWith === 'national' ? 'England' : `the LA's region (${region?.name ?? regionCode ?? 'unknown'})`}, ${phase}, DfE ${periodKey}${options.benchmarkSource === undefined ? '' : ` (${options.benchmarkSource})`}`,
    },
    columns,
    rows,
    notes: notes.list,
  };
};

/**
 * The demo's reports: every report of @attendance-kit/reports in every format, plus an index page,
 * for the synthetic LA against DfE's real national weekly figures for autumn 2024/25 (the repository's
 * committed copy, found by report-comparator.ts `findDemoComparator`); regional versions of the weekly
 * reports against a comparison region; the statistical-neighbour benchmark of a real LA from DfE's
 * real autumn 2024/25 term figures; and the half-termly profile. Without the DfE files the reports are
 * still written, without a comparator (or, for statistical neighbours, empty with a note), and the
 * caller says so.
 *
 * The synthetic LA (code 999) is in no region, so its regional comparator needs a region to be named:
 * the demo's `--region` (default {@link DEMO_REGION}). It is labelled in every regional report as a
 * comparison region chosen for synthetic data, never as the LA's own region.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AreaCell, Dataset, IsoDate } from '@attendance-kit/core';
import { FORMATS, indexEntryOf, render, renderIndex, REPORT_IDS, REPORTS, type AnyReportOptions, type ComparatorCells, type Report, type ReportId, type SupersededInput } from '@attendance-kit/reports';
import { findRepoDataFile, readBenchmark, DEFAULT_NEIGHBOURS } from './report-benchmark.js';
import { findDemoComparator, readComparator } from './report-comparator.js';

/** England's nine regions (GSS codes, as in DfE's files' `region_code` and `region_name`). */
export const REGIONS: Readonly<Record<string, string>> = {
  E12000001: 'North East',
  E12000002: 'North West',
  E12000003: 'Yorkshire and The Humber',
  E12000004: 'East Midlands',
  E12000005: 'West Midlands',
  E12000006: 'East of England',
  E12000007: 'London',
  E12000008: 'South East',
  E12000009: 'South West',
};

/** The demo's default comparison region for the synthetic LA: North West. */
export const DEMO_REGION = 'E12000002';
/** The real LA whose statistical neighbours the demo shows by default: Knowsley (340), DfE's own LAIT example. */
export const DEMO_NEIGHBOURS_LA = '340';
/** DfE's term file the demo's statistical-neighbour report reads: the autumn term of 2024/25, the demo's period. */
export const DEMO_BENCHMARK = join('data', 'dfe-pupil-attendance', '2024-25_autumn.csv');
/** Reports written a second time against the comparison region (`ID-regional.FORMAT`). */
export const REGIONAL_REPORTS: readonly ReportId[] = ['weekly-attendance', 'weekly-absence', 'summary'];

/**
 * A region's code from its GSS code or its name (any case), or undefined.
 * @example regionCodeOf('london') // 'E12000007'
 */
export const regionCodeOf = (text: string): string | undefined => {
  const t = text.trim().toLowerCase();
  return Object.keys(REGIONS).find((code) => code.toLowerCase() === t || (REGIONS[code] ?? '').toLowerCase() === t);
};

/** What the demo's reports were written with. */
export interface DemoReports {
  /** Files written, relative to the reports folder, in writing order. */
  readonly files: readonly string[];
  /** The comparator file used, or undefined with `problem` saying why there is none. */
  readonly comparator?: string;
  readonly problem?: string;
  /** The comparison region of the regional reports (GSS code), when there was a comparator. */
  readonly region?: string;
  /** Why the statistical-neighbour report is empty, if it is. */
  readonly neighboursProblem?: string;
}

/** Options of the demo's LA reports. */
export interface DemoReportOptions {
  /** Comparison region of the synthetic LA (GSS code); default {@link DEMO_REGION}. */
  readonly region?: string;
  /** The real LA of the statistical-neighbour report; default {@link DEMO_NEIGHBOURS_LA}. */
  readonly neighboursLa?: string;
  /** DfE term file and neighbours file; default the repository's copies; null: none. */
  readonly benchmarkPath?: string | null;
  readonly neighboursPath?: string | null;
  /** Earlier versions of marks the dataset holds, for the data check's retrospective changes. */
  readonly superseded?: SupersededInput;
}

/**
 * The weekly cells with the synthetic LA placed in a comparison region: one count-less LA cell per
 * phase and week, which the regional comparator reads the region from (it never adds to a figure).
 */
const inRegion = (weeks: ReadonlyMap<string, readonly AreaCell[]>, laCode: string, region: string): ReadonlyMap<string, readonly AreaCell[]> =>
  new Map(
    [...weeks].map(([monday, cells]) => [
      monday,
      [...cells, ...['Primary', 'Secondary', 'Special', 'Total'].map((phase): AreaCell => ({ level: 'la', code: laCode, regionCode: region, phase }))],
    ]),
  );

/**
 * Writes every report in every format, regional versions of the weekly reports, and `index.html`
 * linking them, into `dir`. `comparatorPath` defaults to the committed DfE file; null writes the
 * reports without a comparator.
 * @example await writeDemoReports(dataset, 'demo-output/reports', { from: '2024-09-02', to: '2024-12-20', label: 'Autumn 2024/25' })
 */
export const writeDemoReports = async (
  dataset: Dataset,
  dir: string,
  period: { readonly from: IsoDate; readonly to: IsoDate; readonly label: string },
  // null: no comparator file (an explicit undefined would take the default).
  comparatorPath: string | null = findDemoComparator() ?? null,
  demo: DemoReportOptions = {},
): Promise<DemoReports> => {
  await mkdir(dir, { recursive: true });
  let comparator: ComparatorCells | undefined;
  let problem: string | undefined;
  if (comparatorPath === null) {
    problem = 'the DfE weekly file data/dfe-pupil-attendance/2024-25_weekly_autumn.csv was not found above the CLI package';
  } else {
    const read = await readComparator(comparatorPath, 'national');
    if (read.ok) comparator = { ...read.cells, source: 'DfE weekly, autumn 2024/25' };
    else problem = read.problem;
  }
  const region = demo.region ?? DEMO_REGION;
  const laCode = dataset.schools[0]?.laCode ?? '999';
  const regional: ComparatorCells | undefined =
    comparator === undefined
      ? undefined
      : {
          kind: 'regional',
          weeks: inRegion(comparator.weeks, laCode, region),
          source: `DfE weekly, autumn 2024/25; ${REGIONS[region] ?? region} (${region}) is a comparison region chosen for the synthetic LA ${laCode} (demo --region), not its own`,
        };

  // Statistical neighbours of a real LA, from DfE's real term figures.
  const la = demo.neighboursLa ?? DEMO_NEIGHBOURS_LA;
  const benchmarkPath = demo.benchmarkPath === undefined ? (findRepoDataFile(DEMO_BENCHMARK) ?? null) : demo.benchmarkPath;
  const neighboursPath = demo.neighboursPath === undefined ? (findRepoDataFile(DEFAULT_NEIGHBOURS) ?? null) : demo.neighboursPath;
  let benchmark: Partial<AnyReportOptions> = { la };
  let neighboursProblem: string | undefined;
  if (benchmarkPath === null || neighboursPath === null) neighboursProblem = `DfE's files ${DEMO_BENCHMARK} and ${DEFAULT_NEIGHBOURS} were not found above the CLI package`;
  else {
    const read = await readBenchmark(benchmarkPath, neighboursPath);
    if (read.ok) benchmark = { la, benchmark: read.periods, benchmarkSource: `real DfE figures, ${read.source}`, neighbours: read.neighbours };
    else neighboursProblem = read.problem;
  }

  const files: string[] = [];
  const entries: { href: string; title: string; description: string; formats: readonly string[]; report: Report }[] = [];
  const write = async (name: string, report: Report, description: string): Promise<void> => {
    for (const format of FORMATS) {
      await writeFile(join(dir, `${name}.${format}`), render(report, format), 'utf8');
      files.push(`${name}.${format}`);
    }
    // What the report shows (the reports package's line for its id), then what it is compared with.
    const shows = indexEntryOf(report, FORMATS).description;
    const against = report.comparator.kind === 'none' ? '' : ` ${description[0]?.toUpperCase() ?? ''}${description.slice(1)}.`;
    entries.push({ href: `${name}.html`, title: report.title, description: shows === undefined ? description : `${shows}${against}`, formats: FORMATS.filter((f) => f !== 'html').map((f) => `${name}.${f}`), report });
  };
  const base: AnyReportOptions = { from: period.from, to: period.to, periodLabel: period.label };
  for (const id of REPORT_IDS) {
    const options: AnyReportOptions = { ...base, ...(comparator === undefined ? {} : { comparator }), ...(id === 'statistical-neighbours' ? benchmark : {}), ...(id === 'data-check' && demo.superseded !== undefined ? { superseded: demo.superseded } : {}) };
    let report = REPORTS[id].run(dataset, options);
    if (id === 'statistical-neighbours') {
      const note = `Real DfE data for LA ${la} and its statistical neighbours (autumn term 2024/25), not the synthetic LA: the synthetic LA ${laCode} has no statistical neighbours.`;
      report = { ...report, title: `${report.title}, real DfE figures`, notes: [note, ...(neighboursProblem === undefined ? [] : [`Not available: ${neighboursProblem}.`]), ...report.notes] };
    }
    await write(id, report, id === 'statistical-neighbours' ? `Real DfE figures for LA ${la}, not the synthetic LA` : `against England (national)`);
  }
  if (regional !== undefined) {
    for (const id of REGIONAL_REPORTS) {
      const report = REPORTS[id].run(dataset, { ...base, comparator: regional });
      await write(`${id}-regional`, { ...report, title: `${report.title} (against ${REGIONS[region] ?? region}, a comparison region)` }, `against ${REGIONS[region] ?? region}, a comparison region chosen for synthetic data`);
    }
  }
  await writeFile(join(dir, 'index.html'), renderIndex(`Attendance reports: synthetic LA, ${period.label}`, entries), 'utf8');
  files.push('index.html');
  return {
    files,
    ...(comparatorPath === null || problem !== undefined ? {} : { comparator: comparatorPath }),
    ...(problem === undefined ? {} : { problem }),
    ...(regional === undefined ? {} : { region }),
    ...(neighboursProblem === undefined ? {} : { neighboursProblem }),
  };
};

/**
 * `attendance report ID DATASET`: one report of @attendance-kit/reports (FFT's reports, docs/reports.md)
 * for a canonical dataset, optionally against DfE's published weekly figures, rendered as JSON, CSV,
 * Markdown or self-contained HTML. A period with no data, a filter matching nobody or an unknown school
 * is not an error: the report says so in its notes, with an empty table (exit 0).
 *
 * @module
 */
import { stat, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { readCanonicalDataset } from '@attendance-kit/adapter-canonical';
import { isSourceReadError } from '@attendance-kit/adapter-kit';
import { academicYearLabel, academicYearOf, createMarkStoreBuilder, type Dataset, type IsoDate } from '@attendance-kit/core';
import { render, REPORT_IDS, REPORTS, supersededFromImportIssues, type AnyReportOptions, type ComparatorCells, type SupersededInput } from '@attendance-kit/reports';
import type { Command } from '../command.js';
import { EXIT, type CliIo } from '../io.js';
import { parse } from '../parse-args.js';
import { latestMarkDate } from '../period.js';
import { reportInputProblem, reportUsage } from '../usage-error.js';
import { DEFAULT_BENCHMARK, DEFAULT_NEIGHBOURS, findRepoDataFile, readBenchmark } from './report-benchmark.js';
import { readComparator } from './report-comparator.js';
import { dfePeriodDates } from './report-la-options.js';
import { checkReportOptions, REPORT_OPTIONS, type ReportCliOptions } from './report-options.js';
import type { SummariseOptions } from './summarise-options.js';
import { resolvePeriod } from './summarise-period.js';

const REPORT_HELP = `attendance report: one FFT-style attendance report of a canonical dataset

Usage:
  attendance report ID DATASET [--comparator FILE] [--comparator-kind national|regional]
                    [--from YYYY-MM-DD --to YYYY-MM-DD | --term T] [--profile dfe|all|fft]
                    [--filter FIELD=VALUE]... [--school URN]... [--absence-type TYPE] [--reverse] [--as-of DATE]
                    [--format json|csv|md|html] [--out FILE]
  attendance report statistical-neighbours [DATASET] --la CODE [--dfe FILE] [--neighbours FILE]
                    [--dfe-period P] [--phase total|primary|secondary|special] [--sn-mean plain|pooled]
                    [--band-against england|region] [--la-source dfe|dataset] [--format F] [--out FILE]
  attendance report profile DATASET [--reason-share possible|absence] [the options above]

Reports (ID):
${REPORT_IDS.map((id) => `  ${id.padEnd(24)}${REPORTS[id].title}`).join('\n')}

Options:
  --comparator FILE        DfE "Pupil attendance in schools" weekly CSV (e.g.
                           data/dfe-pupil-attendance/2024-25_weekly_autumn.csv): each cell gets the
                           published figure of its week and phase, its difference and FFT's band.
  --comparator-kind K      national (default) or regional (the region of the schools' LA).
  --from, --to D           the period, inclusive; one alone fills the rest of its academic year.
  --term T                 autumn1 ... summer2, autumn, spring, summer (England default dates) or
                           census-autumn, census-spring, census-summer, census-summer1, census-summer2,
                           in the academic year of the latest mark. Default: the whole academic year.
  --profile P              dfe (default: DfE's population), all, or fft.
  --filter FIELD=VALUE     keep pupils whose pupils.csv field has this value; repeatable, all must hold
                           (year_group, sex, fsm6, sen, eal, ethnicity, ...).
  --school URN             only these schools; repeatable. Default: every school.
  --absence-type TYPE      absence reports: overall (default), authorised, unauthorised, or a code (I).
  --reverse                reverse the report's order (highest attendance / lowest absence first).
  --as-of DATE             data-check: judge "N unresolved after 5 school days" at DATE (default: the
                           period's last day; never today's clock). Retrospective changes are the
                           earlier versions of marks that marks.csv keeps (recorded_at says which is latest).
  --format F               json (default), csv, md (Markdown) or html (one self-contained page).
  --out FILE               write there instead of stdout.
  -h, --help               this help.

statistical-neighbours (LA benchmarking against DfE's published figures; DATASET optional):
  --la CODE                the LA's three-digit (old) code, e.g. 340 (Knowsley). Required.
  --dfe FILE               DfE "Pupil attendance in schools" year or term CSV. Default, in the
                           repository: data/dfe-pupil-attendance/2024-25_year.csv.
  --neighbours FILE        DfE's statistical neighbours CSV. Default, in the repository:
                           data/dfe-statistical-neighbours/statistical_neighbours_may_2025.csv.
  --dfe-period P           the file's period, as its time_period and time_identifier (e.g.
                           '202425 Autumn term'); needed only when the file has several.
  --phase P                total (default; census-weighted as DfE's 2024/25 Totals), primary,
                           secondary or special.
  --sn-mean M              plain (default: the mean of the neighbours' rates, as DfE's LAIT) or
                           pooled (their sessions summed).
  --band-against A         england (default) or region: what FFT's bands compare each rate with.
  --la-source S            dfe (default: the LA's own row from DfE's file) or dataset (counted from
                           DATASET's schools of that LA over --from/--to or --term).

profile (half-termly attendance by year group, gender, FSM6, SEN, EAL, ethnicity, code by code):
  --reason-share S         possible (default: each reason's sessions over possible sessions) or
                           absence (over absence sessions).

A period without data, a filter that matches nobody, a school not in the dataset, an LA code not in
DfE's neighbour table or a --dfe-period the file lacks is not an error: the report has an empty table
and a note saying why (exit 0). Exit 2: unknown ID, bad option (or an option of another report), or a
dataset, comparator or DfE file that cannot be read.

Examples:
  attendance report weekly-attendance demo-output/dataset --comparator data/dfe-pupil-attendance/2024-25_weekly_autumn.csv --format html --out weekly.html
  attendance report attendance-summary demo-output/dataset --term autumn --format md
  attendance report absence-summary demo-output/dataset --absence-type unauthorised --filter fsm6=true --format csv
  attendance report 360 demo-output/dataset --comparator data/dfe-pupil-attendance/2024-25_weekly_autumn.csv --comparator-kind regional
  attendance report statistical-neighbours --la 340 --phase secondary --format md
  attendance report statistical-neighbours --la 926 --dfe data/dfe-pupil-attendance/2024-25_autumn.csv --format html --out sn.html
  attendance report profile demo-output/dataset --term autumn --format html --out profile.html
`;

const reasonOf = (error: unknown): string => {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
};

/** A dataset with nothing in it, for statistical-neighbours from DfE's figures alone. */
const emptyDataset = (): Dataset => ({ schools: [], enrolments: [], marks: createMarkStoreBuilder({ capacityHint: 0 }).finish().store });

/** Reads the dataset folder, or says why it cannot be read. */
const readDataset = async (options: ReportCliOptions, cwd: string): Promise<{ dataset: Dataset; superseded?: SupersededInput } | { problem: string }> => {
  if (options.dataset === undefined) return { dataset: emptyDataset() };
  const datasetPath = resolve(cwd, options.dataset);
  try {
    if (!(await stat(datasetPath)).isDirectory()) return { problem: `cannot read dataset ${options.dataset}: not a folder (a dataset is a folder with schools.csv, pupils.csv and marks.csv)` };
  } catch (error) {
    return { problem: `cannot read dataset ${options.dataset}: ${reasonOf(error)}` };
  }
  try {
    if (options.id !== 'data-check') return { dataset: (await readCanonicalDataset(datasetPath)).dataset };
    // The data check counts retrospective changes: the versions marks.csv holds besides the latest,
    // which the reader reports one by one as canonical/superseded issues (all of them kept here).
    const read = await readCanonicalDataset(datasetPath, { issueCap: Number.MAX_SAFE_INTEGER });
    return { dataset: read.dataset, superseded: supersededFromImportIssues(read.report.files.flatMap((f) => f.issues), read.marks.superseded) };
  } catch (error) {
    if (isSourceReadError(error)) {
      const shown = relative(cwd, error.path);
      return { problem: `cannot read dataset ${options.dataset}: ${shown === '' || shown.startsWith('..') ? error.path : shown}: ${error.reason}` };
    }
    throw error;
  }
};

/** The statistical-neighbours inputs: --dfe and --neighbours, by default the repository's data/ copies. */
const benchmarkOptions = async (options: ReportCliOptions, cwd: string): Promise<Partial<AnyReportOptions> | { problem: string }> => {
  const located = (given: string | undefined, fallback: string, option: string): string | { problem: string } => {
    if (given !== undefined) return resolve(cwd, given);
    return findRepoDataFile(fallback) ?? { problem: `no ${option} FILE given, and the repository's ${fallback} was not found (give ${option} FILE)` };
  };
  const dfe = located(options.la.dfe, DEFAULT_BENCHMARK, '--dfe');
  if (typeof dfe !== 'string') return dfe;
  const sn = located(options.la.neighbours, DEFAULT_NEIGHBOURS, '--neighbours');
  if (typeof sn !== 'string') return sn;
  const read = await readBenchmark(dfe, sn, { dfe: options.la.dfe ?? DEFAULT_BENCHMARK, neighbours: options.la.neighbours ?? DEFAULT_NEIGHBOURS });
  if (!read.ok) return { problem: read.problem };
  return {
    la: options.la.la ?? '',
    benchmark: read.periods,
    benchmarkSource: read.source,
    neighbours: read.neighbours,
    ...(options.la.dfePeriod === undefined ? {} : { benchmarkPeriod: options.la.dfePeriod }),
    phase: options.la.phase,
    neighbourMean: options.la.neighbourMean,
    laSource: options.la.laSource,
    compareWith: options.la.compareWith,
  };
};

const runReport = async (options: ReportCliOptions, io: CliIo): Promise<number> => {
  const cwd = io.cwd ?? process.cwd();
  let comparator: ComparatorCells | undefined;
  if (options.comparator !== undefined) {
    const read = await readComparator(resolve(cwd, options.comparator), options.comparatorKind, options.comparator);
    if (!read.ok) return reportInputProblem(io, read.problem);
    comparator = read.cells;
  }
  let extra: Partial<AnyReportOptions> = {};
  if (options.id === 'statistical-neighbours') {
    const b = await benchmarkOptions(options, cwd);
    if ('problem' in b) return reportInputProblem(io, b.problem as string);
    extra = b;
  }
  if (options.id === 'profile') extra = { reasonShare: options.la.reasonShare };
  const read = await readDataset(options, cwd);
  if ('problem' in read) return reportInputProblem(io, read.problem);
  const { dataset } = read;
  if (read.superseded !== undefined) extra = { ...extra, superseded: read.superseded };
  if (options.asOf !== undefined) extra = { ...extra, asOf: options.asOf };
  // The same period rules as summarise (summarise-period.ts); reports take plain dates, so a term is
  // its England default dates. Without a dataset (statistical-neighbours from DfE alone) the dates
  // are those of the DfE period, for the header only.
  const dfeDates = options.dataset === undefined ? dfePeriodDates(options.la.dfePeriod ?? [...(extra.benchmark?.keys() ?? [])][0] ?? '') : undefined;
  const period =
    dfeDates !== undefined
      ? { from: dfeDates.from as IsoDate, to: dfeDates.to as IsoDate, note: '' }
      : resolvePeriod({ from: options.from, to: options.to, term: options.term } as unknown as SummariseOptions, latestMarkDate(dataset.marks));
  const note = options.term === undefined ? period.note : `${options.term} ${academicYearLabel(academicYearOf(period.from))}, England default dates: a report takes one date range for every school`;
  if (note !== '' && !(options.id === 'statistical-neighbours' && options.la.laSource === 'dfe')) io.stderr.write(`attendance: period ${period.from} to ${period.to} (${note})\n`);
  const reportOptions: AnyReportOptions = {
    from: period.from,
    to: period.to,
    ...(options.term === undefined ? {} : { periodLabel: `${options.term} ${academicYearLabel(academicYearOf(period.from))}` }),
    profile: options.profile,
    filters: options.filters,
    ...(options.schools.length === 0 ? {} : { schools: options.schools }),
    reverse: options.reverse,
    ...(comparator === undefined ? {} : { comparator }),
    ...(options.absenceType === undefined ? {} : { absenceType: options.absenceType }),
    ...extra,
  };
  const report = REPORTS[options.id].run(dataset, reportOptions);
  const text = render(report, options.format);
  for (const note of report.rows.length === 0 ? report.notes : []) io.stderr.write(`attendance: ${note}\n`);
  if (options.out === undefined) {
    io.stdout.write(text);
  } else {
    try {
      await writeFile(resolve(cwd, options.out), text, 'utf8');
    } catch (error) {
      return reportInputProblem(io, `cannot write --out ${options.out}: ${reasonOf(error)}`);
    }
    io.stderr.write(`attendance: wrote ${options.id} (${options.format}, ${report.rows.length} row${report.rows.length === 1 ? '' : 's'}) to ${options.out}\n`);
  }
  return EXIT.ok;
};

/** The `report` command. */
export const report: Command = {
  name: 'report',
  summary: 'one FFT-style report (360, attendance-summary, weekly-attendance, ...) as JSON, CSV, Markdown or HTML',
  help: REPORT_HELP,
  run: async (args, io) => {
    const parsed = parse(args, REPORT_OPTIONS, 'report');
    if (!parsed.ok) return reportUsage(io, parsed.problem);
    const checked = checkReportOptions(parsed.value.values, parsed.value.positionals);
    if (!checked.ok) return reportUsage(io, checked.problem);
    return runReport(checked.value, io);
  },
};

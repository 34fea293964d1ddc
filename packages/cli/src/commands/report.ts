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
import { academicYearLabel, academicYearOf } from '@attendance-kit/core';
import { render, REPORT_IDS, REPORTS, type AnyReportOptions, type ComparatorCells } from '@attendance-kit/reports';
import type { Command } from '../command.js';
import { EXIT, type CliIo } from '../io.js';
import { parse } from '../parse-args.js';
import { latestMarkDate } from '../period.js';
import { reportInputProblem, reportUsage } from '../usage-error.js';
import { readComparator } from './report-comparator.js';
import { checkReportOptions, REPORT_OPTIONS, type ReportCliOptions } from './report-options.js';
import type { SummariseOptions } from './summarise-options.js';
import { resolvePeriod } from './summarise-period.js';

const REPORT_HELP = `attendance report: one FFT-style attendance report of a canonical dataset

Usage:
  attendance report ID DATASET [--comparator FILE] [--comparator-kind national|regional]
                    [--from YYYY-MM-DD --to YYYY-MM-DD | --term T] [--profile dfe|all|fft]
                    [--filter FIELD=VALUE]... [--school URN]... [--absence-type TYPE] [--reverse]
                    [--format json|csv|md|html] [--out FILE]

Reports (ID):
${REPORT_IDS.map((id) => `  ${id.padEnd(20)}${REPORTS[id].title}`).join('\n')}

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
  --format F               json (default), csv, md (Markdown) or html (one self-contained page).
  --out FILE               write there instead of stdout.
  -h, --help               this help.

A period without data, a filter that matches nobody, or a school not in the dataset is not an error:
the report has an empty table and a note saying why (exit 0). Exit 2: unknown ID, bad option, or a
dataset or comparator that cannot be read.

Examples:
  attendance report weekly-attendance demo-output/dataset --comparator data/dfe-pupil-attendance/2024-25_weekly_autumn.csv --format html --out weekly.html
  attendance report attendance-summary demo-output/dataset --term autumn --format md
  attendance report absence-summary demo-output/dataset --absence-type unauthorised --filter fsm6=true --format csv
  attendance report 360 demo-output/dataset --comparator data/dfe-pupil-attendance/2024-25_weekly_autumn.csv --comparator-kind regional
`;

const reasonOf = (error: unknown): string => {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
};

const runReport = async (options: ReportCliOptions, io: CliIo): Promise<number> => {
  const cwd = io.cwd ?? process.cwd();
  const datasetPath = resolve(cwd, options.dataset);
  try {
    if (!(await stat(datasetPath)).isDirectory()) return reportInputProblem(io, `cannot read dataset ${options.dataset}: not a folder (a dataset is a folder with schools.csv, pupils.csv and marks.csv)`);
  } catch (error) {
    return reportInputProblem(io, `cannot read dataset ${options.dataset}: ${reasonOf(error)}`);
  }
  let comparator: ComparatorCells | undefined;
  if (options.comparator !== undefined) {
    const read = await readComparator(resolve(cwd, options.comparator), options.comparatorKind, options.comparator);
    if (!read.ok) return reportInputProblem(io, read.problem);
    comparator = read.cells;
  }
  let read: Awaited<ReturnType<typeof readCanonicalDataset>>;
  try {
    read = await readCanonicalDataset(datasetPath);
  } catch (error) {
    if (isSourceReadError(error)) {
      const shown = relative(cwd, error.path);
      return reportInputProblem(io, `cannot read dataset ${options.dataset}: ${shown === '' || shown.startsWith('..') ? error.path : shown}: ${error.reason}`);
    }
    throw error;
  }
  const { dataset } = read;
  // The same period rules as summarise (summarise-period.ts); reports take plain dates, so a term is
  // its England default dates.
  const period = resolvePeriod({ from: options.from, to: options.to, term: options.term } as unknown as SummariseOptions, latestMarkDate(dataset.marks));
  const note = options.term === undefined ? period.note : `${options.term} ${academicYearLabel(academicYearOf(period.from))}, England default dates: a report takes one date range for every school`;
  if (note !== '') io.stderr.write(`attendance: period ${period.from} to ${period.to} (${note})\n`);
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

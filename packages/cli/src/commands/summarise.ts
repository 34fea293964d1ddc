/**
 * `attendance summarise DATASET`: reads a canonical dataset, summarises it for a period, profile,
 * grouping and filters (core's `summarise`), and writes JSON, CSV or a table. The contract is
 * docs/canonical-format.md; the reference is docs/cli.md.
 *
 * @module
 */
import { stat, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { readCanonicalDataset, readCharacteristicRows } from '@attendance-kit/adapter-canonical';
import { isSourceReadError } from '@attendance-kit/adapter-kit';
import {
  academicYearOf,
  checkCharacteristics,
  FILTER_FIELDS,
  GROUP_FIELDS,
  PERIOD_KEY_COLUMN,
  summarise as summariseDataset,
  summarisePeriod,
  type Filter,
  type GroupField,
  type Issue,
} from '@attendance-kit/core';
import type { Command } from '../command.js';
import { toCsv } from '../format/csv.js';
import { toTable } from '../format/table.js';
import { EXIT, type CliIo } from '../io.js';
import { describeImport, issuesCsv, keptIssues } from '../issues-report.js';
import { parse } from '../parse-args.js';
import { latestMarkDate } from '../period.js';
import { noProgress, progressOn } from '../progress.js';
import { reportInputProblem, reportUsage } from '../usage-error.js';
import { checkSummariseOptions, SUMMARISE_OPTIONS, type SummariseOptions } from './summarise-options.js';
import { SUMMARISE_HELP } from './summarise-help.js';
import { calendarsFor, needsCalendars, profileOf, resolvePeriod } from './summarise-period.js';

/** Why a path cannot be used as a dataset folder, or undefined when it can be tried. */
const datasetPathProblem = async (path: string, shown: string): Promise<string | undefined> => {
  try {
    const s = await stat(path);
    return s.isDirectory() ? undefined : `cannot read dataset ${shown}: not a folder (a dataset is a folder with schools.csv, pupils.csv and marks.csv)`;
  } catch (error) {
    return `cannot read dataset ${shown}: ${reasonOf(error)}`;
  }
};

/** Why an output file cannot be written, or undefined when its folder exists and it is not a folder. */
const outputPathProblem = async (path: string): Promise<string | undefined> => {
  try {
    if ((await stat(dirname(path))).isDirectory() === false) return 'its folder is not a folder';
  } catch (error) {
    return `its folder ${dirname(path)}: ${reasonOf(error)}`;
  }
  try {
    if ((await stat(path)).isDirectory()) return 'is a folder';
  } catch {
    // Not there yet: it will be created.
  }
  return undefined;
};

const reasonOf = (error: unknown): string => {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return error instanceof Error ? error.message : String(error);
};

/** The rendered result in the chosen format. */
const render = (
  options: SummariseOptions,
  input: { readonly marks_read: number; readonly marks_accepted: number; readonly marks_rejected: number; readonly marks_superseded: number },
  rows: readonly Readonly<Record<string, unknown>>[],
  period: { readonly from: string; readonly to: string; readonly profile: string },
): string => {
  const keys = options.by.map((w) => PERIOD_KEY_COLUMN[w]);
  // Profile-dependent columns (pa_base, pupils) go right after the keys, so CSV readers see them.
  const extra = ['pa_base', 'pupils'].filter((c) => rows[0] !== undefined && c in (rows[0] as object));
  if (options.format === 'csv') return toCsv(rows, [...keys, ...extra]);
  if (options.format === 'table') {
    return toTable(rows, [...keys, ...extra], { ...period, profile: period.profile, filters: options.filter.map((f) => `${f.field}=${f.value}`) });
  }
  return `${JSON.stringify({ input, rows }, null, 2)}\n`;
};

/** Runs summarise with checked options. */
const runSummarise = async (options: SummariseOptions, io: CliIo): Promise<number> => {
  const cwd = io.cwd ?? process.cwd();
  const datasetPath = resolve(cwd, options.dataset);
  const pathProblem = await datasetPathProblem(datasetPath, options.dataset);
  if (pathProblem !== undefined) return reportInputProblem(io, pathProblem);
  // Check where results go before a long import, not after it.
  for (const [option, file] of [['--out', options.out], ['--issues', options.issues]] as const) {
    if (file === undefined) continue;
    const problem = await outputPathProblem(resolve(cwd, file));
    if (problem !== undefined) return reportInputProblem(io, `cannot write ${option} ${file}: ${problem}`);
  }

  const showProgress = options.progress ?? io.stderr.isTTY === true;
  const progress = showProgress ? progressOn(io.stderr, 'reading dataset') : noProgress;
  let read: Awaited<ReturnType<typeof readCanonicalDataset>>;
  try {
    read = await readCanonicalDataset(datasetPath, { onProgress: progress.onProgress });
  } catch (error) {
    progress.done();
    if (isSourceReadError(error)) {
      const shownPath = relative(cwd, error.path);
      const where = shownPath === '' || shownPath.startsWith('..') ? error.path : shownPath;
      return reportInputProblem(io, `cannot read dataset ${options.dataset}: ${where}: ${error.reason}`);
    }
    throw error;
  }
  progress.done();
  const { dataset, report, marks } = read;

  // from <= to: both given was checked with the options; one given fills the rest of its own year.
  const period = resolvePeriod(options, latestMarkDate(dataset.marks));
  if (period.note !== '') io.stderr.write(`attendance: period ${period.from} to ${period.to} (${period.note})\n`);
  const profile = profileOf(options);
  if (profile.id !== options.profile) io.stderr.write(`attendance: profile ${profile.id}: ${profile.description}\n`);

  const calendarIssues: Issue[] = [];
  // pupil_characteristics.csv (optional): characteristics as at each session's date.
  const charRows = await readCharacteristicRows(datasetPath);
  const checkedChars = charRows === undefined ? undefined : checkCharacteristics(charRows.rows, dataset);
  if (charRows !== undefined && checkedChars !== undefined) {
    const problems = [...charRows.issues, ...checkedChars.issues];
    calendarIssues.push(...problems);
    for (const issue of problems.slice(0, 5)) io.stderr.write(`attendance: pupil_characteristics.csv: ${issue.line === undefined || issue.message.startsWith('Row ') ? '' : `line ${issue.line}: `}${issue.message}\n`);
    if (problems.length > 5) io.stderr.write(`attendance: pupil_characteristics.csv: ${problems.length - 5} more issues\n`);
  }
  const characteristics = checkedChars !== undefined && checkedChars.characteristics.byEnrolment.size > 0 ? checkedChars.characteristics : undefined;
  let rows: readonly unknown[];
  const plain =
    characteristics === undefined &&
    period.period._tag === 'Range' &&
    options.asOf === undefined &&
    profile.id === options.profile &&
    options.by.every((f) => (GROUP_FIELDS as readonly string[]).includes(f)) &&
    options.filter.every((f) => (FILTER_FIELDS as readonly string[]).includes(f.field));
  if (plain) {
    // The plain request: core's summarise, the engine path measured in docs/performance.md.
    rows = summariseDataset(dataset, {
      from: period.from,
      to: period.to,
      profile: options.profile,
      by: options.by as readonly GroupField[],
      filter: options.filter as readonly Filter[],
      covidX: options.covidX,
    }).rows;
  } else {
    const built = needsCalendars(options) ? calendarsFor(dataset, read.terms, academicYearOf(period.from)) : undefined;
    if (built !== undefined) {
      calendarIssues.push(...built.issues);
      for (const issue of built.issues.slice(0, 5)) io.stderr.write(`attendance: calendar: ${issue.message}\n`);
      if (built.issues.length > 5) io.stderr.write(`attendance: calendar: ${built.issues.length - 5} more calendar issues\n`);
    }
    rows = summarisePeriod(dataset, {
      period: period.period,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(built === undefined ? {} : { calendars: built.calendars }),
      ...(characteristics === undefined ? {} : { characteristics }),
      weekLabel: options.weekLabel === 'friday' ? 'week-ending' : 'week-commencing',
      profile,
      by: options.by,
      filter: options.filter,
      covidX: options.covidX,
    }).rows;
  }

  const input = { marks_read: marks.read, marks_accepted: marks.accepted, marks_rejected: marks.rejected, marks_superseded: marks.superseded };
  const text = render(options, input, rows as readonly Readonly<Record<string, unknown>>[], { ...period, profile: profile.id });

  const issuesPath = options.issues === undefined ? undefined : resolve(cwd, options.issues);
  if (issuesPath !== undefined) await writeFile(issuesPath, issuesCsv([...keptIssues(report), ...calendarIssues]), 'utf8');
  io.stderr.write(describeImport(report, marks, options.issues));

  if (options.out === undefined) {
    io.stdout.write(text);
  } else {
    await writeFile(resolve(cwd, options.out), text, 'utf8');
    io.stderr.write(`attendance: wrote ${rows.length} row${rows.length === 1 ? '' : 's'} (${options.format}) to ${options.out}\n`);
  }
  return EXIT.ok;
};

/** The `summarise` command. */
export const summarise: Command = {
  name: 'summarise',
  aliases: ['summarize'],
  summary: 'attendance and absence figures for a canonical dataset, by school, LA or pupil group',
  help: SUMMARISE_HELP,
  run: async (args, io) => {
    const parsed = parse(args, SUMMARISE_OPTIONS, 'summarise');
    if (!parsed.ok) return reportUsage(io, parsed.problem);
    const checked = checkSummariseOptions(parsed.value.values, parsed.value.positionals);
    if (!checked.ok) return reportUsage(io, checked.problem);
    return runSummarise(checked.value, io);
  },
};

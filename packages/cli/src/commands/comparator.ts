/**
 * `attendance comparator FILE...`: DfE's published "Pupil attendance in schools" CSVs, re-derived.
 * One output row per input row with its rates recomputed (unrounded) from the published session counts,
 * and the phase Totals recomputed the way DfE made them for that year (census-weighted to 2024/25, pooled
 * from 2025/26; `--phase-total` overrides), each row carrying its identifying columns unchanged and the
 * method used. See docs/methodology-comparators.md.
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  compareTable,
  comparatorTable,
  readDfeAttendanceCsv,
  readStatisticalNeighboursCsv,
  tablesToCsv,
  tablesToJson,
  type ComparatorTable,
  type TableComparison,
} from '@attendance-kit/adapter-dfe-ees';
import type { Issue, NeighbourTable } from '@attendance-kit/core';
import type { Command } from '../command.js';
import { EXIT, type CliIo } from '../io.js';
import { issuesCsv } from '../issues-report.js';
import { parse } from '../parse-args.js';
import { reportInputProblem, reportUsage, usageProblem } from '../usage-error.js';

const HELP = `attendance comparator FILE... [options]

Reads DfE "Pupil attendance in schools" CSVs as published (year, term or weekly files; school_type or
education_phase; GSS symbols c, z, x, low; NaN rates) and writes one row per input row with the rates
recomputed from its session counts, plus the phase Totals recomputed by DfE's method, each with the
input's identifying columns unchanged.

Rates (unrounded percentages): attendance_perc, overall_absence_perc, authorised_absence_perc,
unauthorised_absence_perc, every reason rate the file has counts for, and pa_perc (phase rows: as
published, DfE gives no counts for it; Totals: census-weighted only; weekly files: none).
Cells: c suppressed (DfE: one school in the LA and phase), x not available, NaN no possible sessions.

Options:
  --format csv|json           output format (default csv)
  --phase-total census-weighted|pooled
                              how to combine Primary, Secondary and Special into Total (default: DfE's
                              method for the year: census-weighted to 2024/25, pooled from 2025/26)
  --compare national|regional|neighbours
                              add, for the four headline rates, the comparator (<measure>_<target>):
                              the national (or the row's region) row of the same period and phase, or
                              for LA rows the plain mean of the statistical neighbours' rates (LAIT's
                              way; needs --neighbours); the difference in points (<measure>_diff_<target>,
                              unrounded); and FFT's band decided exactly (<measure>_band_<target>: +1..+3
                              better, -1..-3 worse, 0 under 1 point; edges at 1, 2 and 4 points;
                              attendance higher is better, absence higher is worse)
  --neighbours FILE           DfE's statistical neighbours CSV (e.g. data/dfe-statistical-neighbours/
                              statistical_neighbours_may_2025.csv)
  --published-only            do not add Totals where the file has none (DfE publishes no LA Totals)
  --out FILE                  write the result to FILE instead of standard output
  --issues FILE               write every input issue as CSV (file, line, field, code, severity, message)
  -h, --help                  show this help

Exit codes: 0 done; 2 unusable command line, or a file that could not be read as a DfE attendance file.`;

const Options = z.object({
  format: z.enum(['csv', 'json']).default('csv'),
  'phase-total': z.enum(['census-weighted', 'pooled']).optional(),
  'published-only': z.boolean().default(false),
  compare: z.enum(['national', 'regional', 'neighbours']).optional(),
  neighbours: z.string().optional(),
  out: z.string().optional(),
  issues: z.string().optional(),
  help: z.boolean().default(false),
});

const SPEC = {
  format: { type: 'string' },
  'phase-total': { type: 'string' },
  'published-only': { type: 'boolean' },
  compare: { type: 'string' },
  neighbours: { type: 'string' },
  out: { type: 'string' },
  issues: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const summary = (issues: readonly Issue[]): string => {
  if (issues.length === 0) return '';
  const byCode = new Map<string, number>();
  for (const i of issues) byCode.set(`${i.severity} ${i.code}`, (byCode.get(`${i.severity} ${i.code}`) ?? 0) + 1);
  const lines = [`attendance: ${issues.length} input issue${issues.length === 1 ? '' : 's'}:`];
  for (const [k, n] of [...byCode].sort()) lines.push(`  ${k}  ${n}`);
  const first = issues.filter((i) => i.severity !== 'info').slice(0, 5);
  for (const i of first)
    lines.push(`    ${i.file ?? '?'}${i.line === undefined ? '' : `:${i.line}`}${i.field === undefined ? '' : ` (${i.field})`}: ${i.code}: ${i.message}`);
  return `${lines.join('\n')}\n`;
};

/** The `comparator` command. */
export const comparator: Command = {
  name: 'comparator',
  summary: "recompute DfE's published attendance rates and phase Totals from their session counts",
  help: HELP,
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    const parsed = parse(args, SPEC, 'comparator');
    if (!parsed.ok) return reportUsage(io, parsed.problem);
    const checked = Options.safeParse(parsed.value.values);
    if (!checked.success) {
      const first = checked.error.issues[0];
      const name = String(first?.path[0] ?? '');
      return reportUsage(io, usageProblem(`option --${name} got "${String(parsed.value.values[name])}": ${first?.message ?? 'invalid'}`, 'comparator'));
    }
    const options = checked.data;
    if (options.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    const files = parsed.value.positionals;
    if (files.length === 0) return reportUsage(io, usageProblem('give at least one DfE attendance CSV file', 'comparator'));
    const cwd = io.cwd ?? process.cwd();
    if ((options.compare === 'neighbours') !== (options.neighbours !== undefined))
      return reportUsage(io, usageProblem('--compare neighbours and --neighbours FILE go together', 'comparator'));
    let neighbourTable: NeighbourTable | undefined;
    if (options.neighbours !== undefined) {
      let snText: string;
      try {
        snText = await readFile(resolve(cwd, options.neighbours), 'utf8');
      } catch (error) {
        return reportInputProblem(io, `cannot read ${options.neighbours}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : String(error)}`);
      }
      const sn = readStatisticalNeighboursCsv(snText, options.neighbours);
      const fatal = sn.issues.find((i) => i.severity === 'error' && i.line === undefined);
      if (fatal !== undefined) return reportInputProblem(io, `${options.neighbours}: ${fatal.message}`);
      neighbourTable = sn.table;
    }
    const tables: ComparatorTable[] = [];
    const comparisons: (TableComparison | undefined)[] = [];
    const issues: Issue[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await readFile(resolve(cwd, file), 'utf8');
      } catch (error) {
        return reportInputProblem(io, `cannot read ${file}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : String(error)}`);
      }
      const read = readDfeAttendanceCsv(text, file);
      issues.push(...read.issues);
      const fatal = read.rows.length === 0 ? read.issues.find((i) => i.severity === 'error' && i.line === undefined) : undefined;
      if (fatal !== undefined) {
        io.stderr.write(summary(issues));
        return reportInputProblem(io, `${file}: ${fatal.message}`);
      }
      const table = comparatorTable(read, {
        ...(options['phase-total'] === undefined ? {} : { phaseTotalMethod: options['phase-total'] }),
        addMissingTotals: !options['published-only'],
      });
      issues.push(...table.issues);
      tables.push(table);
      comparisons.push(options.compare === undefined ? undefined : compareTable(table, options.compare, neighbourTable));
    }
    const text = options.format === 'csv' ? tablesToCsv(tables, comparisons) : `${JSON.stringify(tablesToJson(tables, comparisons), null, 2)}\n`;
    if (options.issues !== undefined) await writeFile(resolve(cwd, options.issues), issuesCsv(issues), 'utf8');
    io.stderr.write(summary(issues));
    if (options.out === undefined) io.stdout.write(text);
    else await writeFile(resolve(cwd, options.out), text, 'utf8');
    return EXIT.ok;
  },
};

/**
 * `attendance demo --out DIR`: a small deterministic synthetic LA, written as a canonical dataset,
 * read back and summarised by school, and every report (docs/reports.md) written in every format against
 * DfE's real national weekly figures (and the weekly reports again against a comparison region), with
 * the statistical-neighbour benchmark of a real LA from DfE's real figures, so a new user sees the
 * whole path in one command.
 * Same output every run: the data come from a seeded generator (core/testing) and nothing here
 * reads the clock.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readCanonicalDataset, writeCanonicalDataset } from '@attendance-kit/adapter-canonical';
import { KEY_COLUMN, summarise, type IsoDate } from '@attendance-kit/core';
import { generateSyntheticLa, SYNTHETIC_PRESETS } from '@attendance-kit/core/testing';
import { supersededFromImportIssues } from '@attendance-kit/reports';
import type { Command } from '../command.js';
import { toCsv } from '../format/csv.js';
import { syntheticRecords } from './demo-records.js';
import { DEMO_NEIGHBOURS_LA, DEMO_REGION, REGIONAL_REPORTS, REGIONS, regionCodeOf, writeDemoReports } from './demo-reports.js';
import { toTable } from '../format/table.js';
import { EXIT } from '../io.js';
import { parse } from '../parse-args.js';
import { reportInputProblem, reportUsage, usageProblem } from '../usage-error.js';

/** The synthetic LA of the demo: 4 schools, about 400 pupils, autumn term 2024/25. */
export const DEMO_LA = SYNTHETIC_PRESETS.tiny;

const DEMO_HELP = `attendance demo: try attendance-kit on a small synthetic local authority

Usage:
  attendance demo [--out DIR] [--region REGION] [--neighbours-la CODE]

Generates a deterministic synthetic LA (${DEMO_LA.schools} schools, about ${DEMO_LA.pupils} pupils, marks from
${DEMO_LA.from} to ${DEMO_LA.to}, the autumn term of 2024/25; no real pupils), writes it as a
canonical dataset, reads it back, summarises it by school with the DfE profile, and writes every
report (attendance report) in every format against DfE's real national weekly figures for autumn
2024/25 (data/dfe-pupil-attendance/2024-25_weekly_autumn.csv in the repository; without it the
reports have no comparator and the demo says so). Every run writes the same files.

Options:
  --out DIR              where to write (default: demo-output). Created if missing; files of
                         earlier demo runs in it are replaced.
  --region REGION        the comparison region of the regional reports: a GSS code or name, e.g.
                         ${DEMO_REGION} or '${REGIONS[DEMO_REGION] ?? ''}' (default). The synthetic LA (code
                         ${DEMO_LA.laCode}) is in no region; the reports say the region was chosen for it.
  --neighbours-la CODE   the real LA of the statistical-neighbours report (default ${DEMO_NEIGHBOURS_LA},
                         Knowsley), from DfE's real autumn 2024/25 figures.
  -h, --help             this help.

Writes:
  DIR/dataset/                    schools.csv, pupils.csv, marks.csv, terms.csv
  DIR/summary-by-school.json      the JSON of attendance summarise
  DIR/summary-by-school.csv       the same as CSV
  DIR/summary-by-school.txt       the same as a table
  DIR/reports/index.html          a page linking every report (open it in a browser)
  DIR/reports/ID.FORMAT           each report (360, attendance-summary, ...) as json, csv, md, html
  DIR/reports/ID-regional.FORMAT  ${REGIONAL_REPORTS.join(', ')} against the comparison region

Then try:
  attendance summarise DIR/dataset --by school,year_group --format table
  attendance summarise DIR/dataset --by sex --filter fsm6=true --format table
  attendance report weekly-attendance DIR/dataset --filter fsm6=true --format md
`;

/** The `demo` command. */
export const demo: Command = {
  name: 'demo',
  summary: 'write a small synthetic LA as a dataset and summarise it (try this first)',
  help: DEMO_HELP,
  run: async (args, io) => {
    const parsed = parse(args, { out: { type: 'string', short: 'o' }, region: { type: 'string' }, 'neighbours-la': { type: 'string' } }, 'demo');
    if (!parsed.ok) return reportUsage(io, parsed.problem);
    const regionOption = parsed.value.values['region'];
    const region = typeof regionOption === 'string' ? regionCodeOf(regionOption) : DEMO_REGION;
    if (region === undefined) {
      return reportUsage(io, usageProblem(`--region must be one of England's regions, by GSS code or name (${Object.entries(REGIONS).map(([c, n]) => `${c} ${n}`).join(', ')}), not '${String(regionOption)}'`, 'demo'));
    }
    const laOption = parsed.value.values['neighbours-la'];
    if (laOption !== undefined && (typeof laOption !== 'string' || !/^\d{3}$/.test(laOption))) {
      return reportUsage(io, usageProblem(`--neighbours-la must be a three-digit (old) LA code such as 340, not '${String(laOption)}'`, 'demo'));
    }
    const neighboursLa = typeof laOption === 'string' ? laOption : DEMO_NEIGHBOURS_LA;
    if (parsed.value.positionals.length > 0) {
      return reportUsage(io, usageProblem(`demo takes no arguments, got '${parsed.value.positionals.join(' ')}' (use --out DIR)`, 'demo'));
    }
    const outOption = parsed.value.values['out'];
    const outDir = typeof outOption === 'string' && outOption !== '' ? outOption : 'demo-output';
    const root = resolve(io.cwd ?? process.cwd(), outDir);
    const datasetDir = join(root, 'dataset');
    try {
      await mkdir(datasetDir, { recursive: true });
    } catch (error) {
      return reportInputProblem(io, `cannot create --out ${outDir}: ${error instanceof Error ? error.message : String(error)}`);
    }

    const la = generateSyntheticLa(DEMO_LA);
    await writeCanonicalDataset(datasetDir, syntheticRecords(la));
    // Every issue kept: the data check reads the corrected marks' earlier versions from them.
    const { dataset, marks, report } = await readCanonicalDataset(datasetDir, { issueCap: Number.MAX_SAFE_INTEGER });
    const superseded = supersededFromImportIssues(report.files.flatMap((f) => f.issues), marks.superseded);

    const period = { from: DEMO_LA.from as IsoDate, to: DEMO_LA.to as IsoDate };
    const { rows } = summarise(dataset, { ...period, profile: 'dfe', by: ['school'] });
    const input = { marks_read: marks.read, marks_accepted: marks.accepted, marks_rejected: marks.rejected, marks_superseded: marks.superseded };
    const plainRows = rows as unknown as readonly Readonly<Record<string, unknown>>[];
    const keys = [KEY_COLUMN.school];
    const table = toTable(plainRows, keys, { ...period, profile: 'dfe', filters: [] });
    await writeFile(join(root, 'summary-by-school.json'), `${JSON.stringify({ input, rows }, null, 2)}\n`, 'utf8');
    await writeFile(join(root, 'summary-by-school.csv'), toCsv(plainRows, keys), 'utf8');
    await writeFile(join(root, 'summary-by-school.txt'), table, 'utf8');
    const reports = await writeDemoReports(dataset, join(root, 'reports'), { ...period, label: 'Autumn 2024/25' }, undefined, { region, neighboursLa, superseded });
    const near = reports.comparator === undefined ? '' : relative(io.cwd ?? process.cwd(), reports.comparator);
    const comparatorShown = near.startsWith('..') ? (reports.comparator ?? '') : near;

    io.stdout.write(
      [
        `Synthetic LA ${DEMO_LA.laCode}: ${dataset.schools.length} schools, ${dataset.enrolments.length} enrolments, ` +
          `${marks.read.toLocaleString('en-GB')} marks rows (${marks.superseded} superseded by a corrected version, ${marks.rejected} rejected).`,
        '',
        `Dataset:  ${join(outDir, 'dataset')}/ (schools.csv, pupils.csv, marks.csv, terms.csv)`,
        `Summary:  ${join(outDir, 'summary-by-school.json')}, .csv and .txt`,
        `Reports:  ${join(outDir, 'reports', 'index.html')} (${reports.files.length - 1} files: every report as .json, .csv, .md and .html)`,
        reports.problem === undefined
          ? `          compared with DfE's national weekly figures, ${comparatorShown}`
          : `          WITHOUT a comparator: ${reports.problem}`,
        ...(reports.region === undefined
          ? []
          : [`          and, in ${REGIONAL_REPORTS.map((id) => `${id}-regional`).join(', ')}, with ${REGIONS[reports.region] ?? reports.region} (${reports.region}), a comparison region chosen for the synthetic LA`]),
        reports.neighboursProblem === undefined
          ? `          statistical-neighbours: LA ${neighboursLa} from DfE's real autumn 2024/25 figures (not the synthetic LA)`
          : `          statistical-neighbours is empty: ${reports.neighboursProblem}`,
        '',
        table,
        'Next (in this repository, `npm run attendance --` runs the attendance command from source):',
        `  npm run attendance -- summarise ${join(outDir, 'dataset')} --by school,year_group --format table`,
        `  npm run attendance -- summarise ${join(outDir, 'dataset')} --by fsm6 --filter sen=K --format csv --out sen-k.csv`,
        `  npm run attendance -- report weekly-attendance ${join(outDir, 'dataset')} --filter fsm6=true --format md`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};

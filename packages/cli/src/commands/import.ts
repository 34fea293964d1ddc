/**
 * `attendance import --from FORMAT PATH... --out DATASET`: reads sources through their adapters,
 * merges them into the canonical dataset DATASET (created if missing) with the version rule, and
 * writes DATASET/import-report.json. See import-merge.ts for the merge rule.
 *
 * @module
 */
import { mkdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { TermDates } from '@attendance-kit/adapter-canonical';
import { isSourceReadError, type AdapterOptions } from '@attendance-kit/adapter-kit';
import { PHASES, type CanonicalSchool, type Phase } from '@attendance-kit/core';
import { z } from 'zod';
import type { Command } from '../command.js';
import { EXIT, type CliIo } from '../io.js';
import { parse } from '../parse-args.js';
import { reportInputProblem, reportUsage, usageProblem } from '../usage-error.js';
import { createImport } from './import-merge.js';
import { writeImport } from './import-write.js';
import { expandSources, IMPORT_FORMATS } from './import-sources.js';

const OPTION_FLAGS: Readonly<Record<keyof AdapterOptions, string>> = { schoolUrn: '--school-urn', laCode: '--la-code', phase: '--phase' };

const IMPORT_HELP = `attendance import: read MIS exports into a canonical dataset

Usage:
  attendance import --from ${IMPORT_FORMATS.join('|')} PATH... --out DATASET [--school-urn URN] [--la-code LA] [--phase PHASE] [--progress]

Reads each PATH (a file, or a folder read recursively) with the adapter of --from, and merges what
it reads into DATASET, a canonical dataset folder (docs/canonical-format.md), creating it if missing.
  --from auto         (the default) recognise each file by its content (a CTF by its <CTfile> root, a Bromcom
                      page by its {"success": envelope, a Wonde page by its {"data": envelope and Wonde fields,
                      Arbor REST JSON by its entity lists, Arbor BI CSV by its header, SIMS XML by its root; a folder holding
                      schools.csv and marks.csv is a canonical dataset); files not recognised are reported
  --from ctf          DfE Common Transfer File XML
  --from bromcom      Bromcom Partner API v2 JSON pages (StudentFlatView, StudentAttendanceByWeek, Attendances)
  --from wonde        Wonde API JSON pages (school, attendance-codes, students, attendance/session), e.g. saved
                      by attendance fetch wonde; a folder is one school's export
  --from arbor        Arbor REST API saved JSON (entity lists, any file names; a folder is one export)
  --from arbor-bi     Arbor BI Connector CSV (ATTENDANCE, student and school tables; .csv or .csv.gz)
  --from sims         SIMS partner XML: SessionAttendances, attendance code lists (old and V2 formats, display
                      code -> Statutory_Return_Code) and Report Designer student lists; a folder is one export
  --from canonical    canonical dataset folders
  --school-urn URN    the school's URN, where the source does not carry it (a CTF, Bromcom and Arbor REST do not)
  --la-code LA        the three-digit LA code, where the source does not carry it
  --phase PHASE       ${PHASES.join(', ')}; where the source does not carry it (a CTF and Arbor REST do not)
  --progress          a line per file on stderr as it is read (the default when stderr is a terminal)
  -h, --help          this help.

Merging: a school, pupil or (school, pupil, date, session) mark read again replaces the earlier
version (a later recorded_at wins first; marks without one are ordered by input: the existing
dataset, then the PATHs in the order given, files of a folder by name). So importing the same
extract twice changes nothing, and importing a later extract applies its corrections.
Marks keep their recorded_at (written in UTC), so a later import still orders versions by it.
Marks are held as columns while sources stream in (about 9-20 bytes a mark), never as objects.
Writes DATASET/schools.csv, pupils.csv, marks.csv (terms.csv kept) and DATASET/import-report.json:
per source file the records read, accepted, superseded and rejected, and each issue.

Exit codes: 0 done (rejections are in the report); 2 bad command line, an unreadable path, or an
option the source needs and does not carry (the message names the flag).

Examples:
  attendance import --from ctf exports/ctf --school-urn 100101 --phase primary --out dataset
  attendance import --from auto exports --school-urn 100101 --phase secondary --out dataset
`;

const Options = z.object({
  from: z.enum(IMPORT_FORMATS as [string, ...string[]], { message: `--from must be one of ${IMPORT_FORMATS.join(', ')}` }),
  out: z.string({ message: '--out DATASET is required' }).min(1, '--out DATASET is required'),
  schoolUrn: z.string().regex(/^\d{6,7}$/, '--school-urn must be a URN of 6 or 7 digits').optional(),
  laCode: z.string().regex(/^\d{3}$/, '--la-code must be a three-digit LA code, e.g. 926').optional(),
  phase: z.enum(PHASES, { message: `--phase must be one of ${PHASES.join(', ')}` }).optional(),
});

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const isFolderDataset = async (dir: string): Promise<'dataset' | 'none'> =>
  stat(join(dir, 'schools.csv')).then(
    () => 'dataset' as const,
    () => 'none' as const,
  );

/** The `import` command. */
export const importCommand: Command = {
  name: 'import',
  summary: 'read MIS exports (CTF, Bromcom, Wonde, Arbor, Arbor BI, SIMS, canonical) into a canonical dataset, with a report',
  help: IMPORT_HELP,
  run: async (args, io) => {
    const parsed = parse(
      args,
      {
        from: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'school-urn': { type: 'string' },
        'la-code': { type: 'string' },
        phase: { type: 'string' },
        progress: { type: 'boolean' },
      },
      'import',
    );
    if (!parsed.ok) return reportUsage(io, parsed.problem);
    const v = parsed.value.values;
    const checked = Options.safeParse({ from: str(v['from']) ?? 'auto', out: str(v['out']), schoolUrn: str(v['school-urn']), laCode: str(v['la-code']), phase: str(v['phase']) });
    if (!checked.success) return reportUsage(io, usageProblem(checked.error.issues[0]?.message ?? 'bad options', 'import'));
    if (parsed.value.positionals.length === 0) return reportUsage(io, usageProblem('give at least one PATH to import', 'import'));
    const o = checked.data;
    const cwd = io.cwd ?? process.cwd();
    const out = resolve(cwd, o.out);
    const label = (p: string): string => relative(cwd, p) || '.';
    try {
      const progress = v['progress'] === true || io.stderr.isTTY === true;
      return await runImport(io, { ...o, out, progress, paths: parsed.value.positionals.map((p) => resolve(cwd, p)), label });
    } catch (e) {
      if (isSourceReadError(e)) return reportInputProblem(io, e.message.replaceAll(cwd + '/', ''));
      throw e;
    }
  },
};

interface ImportPlan {
  readonly from: string;
  readonly out: string;
  readonly paths: readonly string[];
  readonly schoolUrn?: string | undefined;
  readonly laCode?: string | undefined;
  readonly phase?: Phase | undefined;
  readonly progress: boolean;
  readonly label: (p: string) => string;
}

const runImport = async (io: CliIo, plan: ImportPlan): Promise<number> => {
  const sources = await expandSources(plan.paths, plan.from, plan.out);
  if (sources.length === 0) return reportInputProblem(io, `no input files found in ${plan.paths.map(plan.label).join(', ')}`);
  const started = performance.now();
  const total = sources.length;
  let done = 0;
  const state = createImport((s) => {
    if (!plan.progress) return;
    const n = s.kind === 'existing dataset' ? '' : `[${++done}/${total}] `;
    io.stderr.write(`attendance: ${n}${s.label} (${s.kind}): ${s.read} records read, ${s.rejected} rejected (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  });

  let terms: readonly TermDates[] = [];
  let known: CanonicalSchool | undefined;
  if ((await isFolderDataset(plan.out)) === 'dataset') {
    const existing = await state.addCanonical(plan.out, `${plan.label(plan.out)} (existing)`, 'existing dataset');
    terms = existing.terms;
    // Options a source lacks may come from the dataset already holding that school.
    known = existing.schools.find((s) => s.urn === plan.schoolUrn);
  }
  const options: AdapterOptions = {
    ...(plan.schoolUrn === undefined ? {} : { schoolUrn: plan.schoolUrn }),
    ...(plan.laCode !== undefined ? { laCode: plan.laCode } : known !== undefined ? { laCode: known.laCode } : {}),
    ...(plan.phase !== undefined ? { phase: plan.phase } : known !== undefined ? { phase: known.phase } : {}),
  };

  const needed = new Map<string, keyof AdapterOptions>();
  for (const s of sources) {
    if (s._tag === 'adapter') {
      for (const [code, option] of await state.addAdapter(s, options, plan.label)) needed.set(code, option);
    } else if (s._tag === 'canonical') {
      const c = await state.addCanonical(s.path, plan.label(s.path), 'canonical');
      if (c.terms.length > 0) terms = [...terms, ...c.terms];
    } else {
      state.addUnrecognised(plan.label(s.path), `not recognised as ${plan.from === 'canonical' ? 'a canonical dataset folder' : 'any supported format'}; skipped`);
    }
  }
  if (needed.size > 0) {
    const flags = [...new Set(needed.values())].map((k) => OPTION_FLAGS[k]);
    return reportUsage(io, usageProblem(`the sources do not carry what ${flags.join(' and ')} give${flags.length === 1 ? 's' : ''}: add ${flags.map((f) => `${f} VALUE`).join(' ')}`, 'import'));
  }
  const result = state.finish();
  if (plan.progress) io.stderr.write(`attendance: writing ${plan.label(plan.out)} (${result.marks.length} marks)\n`);
  try {
    await mkdir(plan.out, { recursive: true });
    await writeImport(plan.out, result, terms);
  } catch (e) {
    io.stderr.write(`attendance: cannot write ${plan.label(plan.out)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failure;
  }
  const { report } = result;
  let read = 0;
  let accepted = 0;
  let superseded = 0;
  let rejected = 0;
  for (const f of report.files) {
    if (f.kind === 'existing dataset') continue;
    read += f.counts.read;
    accepted += f.counts.accepted;
    superseded += f.counts.superseded;
    rejected += f.counts.rejected;
  }
  io.stdout.write(
    `imported ${report.files.filter((f) => f.kind !== 'existing dataset').length} source(s) into ${plan.label(plan.out)}: ` +
      `${read} records read, ${accepted} accepted, ${superseded} superseded, ${rejected} rejected; ` +
      `dataset now ${result.schools.length} schools, ${result.pupils.length} pupils, ${result.marks.length} marks\n`,
  );
  if (report.totals.issuesTotal > 0) io.stderr.write(`attendance: ${report.totals.issuesTotal} issue(s); see ${plan.label(join(plan.out, 'import-report.json'))}\n`);
  return EXIT.ok;
};

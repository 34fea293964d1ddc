/**
 * An example adapter for an invented export, "Tally Registers CSV", written the way docs/adapters.md
 * says: `read` is the only I/O and streams the file a line at a time; `normalize` is pure; every code
 * it may raise is declared; a mark code with no statutory meaning is rejected by name, never guessed.
 *
 * The invented format (one row per pupil per day, UK dates):
 *
 * ```csv
 * urn,upn,year,date,am,pm
 * 100101,A123456789012,7,02/09/2024,/,\
 * ```
 *
 * The export carries neither the LA code nor the phase, so they come from `--la-code` and
 * `--phase` (the adapter raises an issue the CLI turns into exit code 2 when one is missing).
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { defineAdapter, toSourceReadError, zodIssues, type CanonicalRecord, type Normalized, type RawRecord } from '@attendance-kit/adapter-kit';
import { CanonicalMark, CanonicalPupil, CanonicalSchool, isMarkCodeInForce, type Issue } from '@attendance-kit/core';
import { isValid, parse } from 'date-fns';
import { z } from 'zod';

/** The header the format starts with (also how `--from auto` recognises it). */
export const TALLY_HEADER = 'urn,upn,year,date,am,pm';

/**
 * A raw record: one line of the file, split into cells. A good header line is not yielded; a first
 * line that is not the header is yielded with `badHeader` so it is reported and counted, not lost.
 */
export interface TallyLine {
  readonly cells: readonly string[];
  readonly badHeader?: true;
}

/** The issue codes this adapter may raise. */
export const TALLY_ISSUES = {
  'tally/bad-header': `the file does not start with the header ${TALLY_HEADER}`,
  'tally/wrong-cell-count': 'a row without exactly 6 cells: rejected',
  'tally/bad-value': 'a cell that is not valid (URN, UPN, year group or date): the row is rejected',
  'tally/missing-field': 'a required cell is empty: the row is rejected',
  'tally/unknown-code': 'a mark code that is not a statutory register code in force on its date: that mark is rejected',
  'tally/missing-la-code': 'the export has no LA code and --la-code was not given',
  'tally/missing-phase': 'the export has no phase and --phase was not given',
} as const;

/** UK dates (dd/mm/yyyy) to ISO, with date-fns doing the calendar check (31/02 is not a date). */
const ukDate = z.string().transform((s, ctx) => {
  const d = parse(s, 'dd/MM/yyyy', new Date(2000, 0, 1));
  if (!/^\d{2}\/\d{2}\/\d{4}$/.test(s) || !isValid(d)) {
    ctx.addIssue({ code: 'custom', message: 'not a dd/mm/yyyy date' });
    return z.NEVER;
  }
  return `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
});

const Row = z.object({
  urn: z.string().regex(/^\d{6,7}$/, 'a URN is 6 or 7 digits'),
  upn: z.string().regex(/^[A-Z]\d{11}[0-9A-Z]$/, 'a UPN is a letter and 12 characters'),
  year: z.enum(['N1', 'N2', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', 'X']),
  date: ukDate,
  am: z.string(),
  pm: z.string(),
});

const issue = (raw: RawRecord<TallyLine>, code: keyof typeof TALLY_ISSUES, message: string, field?: string): Issue => ({
  code,
  severity: 'error',
  message,
  file: raw.file,
  ...(raw.line === undefined ? {} : { line: raw.line }),
  ...(field === undefined ? {} : { field }),
});

/**
 * One row to a school, a pupil and up to two marks (an empty AM or PM cell means no mark). Items
 * counted as read: the row's school and pupil, and each non-empty mark cell.
 */
export const normalizeTallyLine = (raw: RawRecord<TallyLine>, options: { readonly laCode?: string; readonly phase?: string }): Normalized => {
  const cells = raw.data.cells;
  if (raw.data.badHeader === true) return { records: [], issues: [issue(raw, 'tally/bad-header', `expected the header ${TALLY_HEADER}; this line is not imported`)], read: 1, rejected: 1 };
  const [urn = '', upn = '', year = '', date = '', am = '', pm = ''] = cells;
  const items = 2 + (am.trim() === '' ? 0 : 1) + (pm.trim() === '' ? 0 : 1);
  if (cells.length !== 6) return { records: [], issues: [issue(raw, 'tally/wrong-cell-count', `expected 6 cells, found ${cells.length}`)], read: items, rejected: items };
  const input = { urn: urn.trim(), upn: upn.trim(), year: year.trim(), date: date.trim(), am: am.trim(), pm: pm.trim() };
  const parsed = Row.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const found = zodIssues(parsed.error, { namespace: 'tally', file: raw.file, input, ...(raw.line === undefined ? {} : { line: raw.line }) });
    return { records: [], issues: found, read: items, rejected: items };
  }
  const row = parsed.data;
  const issues: Issue[] = [];
  if (options.laCode === undefined) issues.push(issue(raw, 'tally/missing-la-code', 'the export has no LA code: give --la-code'));
  if (options.phase === undefined) issues.push(issue(raw, 'tally/missing-phase', 'the export has no phase: give --phase'));
  const school = CanonicalSchool.decode({ urn: row.urn, laCode: options.laCode, phase: options.phase });
  const pupil = CanonicalPupil.decode({ schoolUrn: row.urn, pupilId: row.upn, yearGroup: row.year, enrolmentStatus: 'C' });
  const records: CanonicalRecord[] = [];
  let rejected = 0;
  if (school._tag === 'Right') records.push({ _tag: 'school', school: school.right });
  else rejected++;
  if (pupil._tag === 'Right') records.push({ _tag: 'pupil', pupil: pupil.right });
  else rejected++;
  for (const [session, code] of [['AM', row.am], ['PM', row.pm]] as const) {
    if (code === '') continue;
    const mark = CanonicalMark.decode({ schoolUrn: row.urn, pupilId: row.upn, date: row.date, session, code });
    if (mark._tag === 'Right' && isMarkCodeInForce(mark.right)) records.push({ _tag: 'mark', mark: mark.right });
    else {
      rejected++;
      issues.push(issue(raw, 'tally/unknown-code', `${session} mark ${JSON.stringify(code)} is not a statutory register code on ${row.date}`, session.toLowerCase()));
    }
  }
  return { records, issues, read: items, rejected };
};

/** Splits one CSV line (this format never quotes: its cells hold no commas). */
const cellsOf = (line: string): string[] => line.split(',');

/**
 * The Tally Registers CSV adapter.
 * @example attendance-kit's conformance kit: describeConformance(tallyAdapter, { fixtures: fixturesFrom('test/fixtures', { laCode: '926', phase: 'primary' }) })
 */
export const tallyAdapter = defineAdapter<TallyLine>({
  id: 'tally',
  name: 'Tally Registers CSV (an invented example format)',
  formats: ['Tally Registers CSV v1'],
  issueCodes: TALLY_ISSUES,
  needsOption: { 'tally/missing-la-code': 'laCode', 'tally/missing-phase': 'phase' },
  detect: (head) => head.replace(/^\uFEFF/, '').startsWith(TALLY_HEADER),
  async *read(paths) {
    for (const file of paths) {
      let lines;
      try {
        // Streams: readline hands over a line at a time, so a file of any size is never held whole.
        lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
      } catch (e) {
        throw toSourceReadError(file, e);
      }
      let n = 0;
      try {
        for await (const text of lines) {
          n++;
          const line = n === 1 ? text.replace(/^\uFEFF/, '') : text;
          if (n === 1) {
            if (line.trim() !== TALLY_HEADER) yield { file, line: 1, data: { cells: cellsOf(line), badHeader: true } };
            continue;
          }
          if (line.trim() !== '') yield { file, line: n, data: { cells: cellsOf(line) } };
        }
      } catch (e) {
        throw toSourceReadError(file, e);
      }
    }
  },
  normalize: normalizeTallyLine,
});

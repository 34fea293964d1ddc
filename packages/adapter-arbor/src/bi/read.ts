/**
 * The `arbor-bi` adapter's only I/O, in two passes (README.md "Two passes"): first the school
 * tables in the folder of each file (APPLICATION_ID to URN, LA code, phase), then each file given,
 * streamed: its header says which table it is, and each row is yielded as it is scanned, carrying
 * the URN its APPLICATION_ID maps to. As with `arbor`, the lookups come from the folder, so files
 * read one by one or together give the same raw records. Memory: the school lookup and one CSV
 * record at a time.
 *
 * @module
 */
import type { RawRecord } from '@attendance-kit/adapter-kit';
import type { ArborBiIssueCode } from '../issue-codes.js';
import { folderFiles, folderOf, headBytes } from '../shared/files.js';
import { csvEvents } from './csv.js';
import { cell, headerlessAttendance, SCHOOL, tableOf, type Layout } from './tables.js';

/** The school a row belongs to, by its APPLICATION_ID, from the folder's school tables. */
export type SchoolFound =
  | { readonly _tag: 'found'; readonly urn: string }
  /** `tables`: whether the folder has school tables (else the options name the school). */
  | { readonly _tag: 'missing'; readonly tables: boolean }
  | { readonly _tag: 'conflict'; readonly applicationId: string };

/** A raw record of the `arbor-bi` adapter. */
export type BiRaw =
  | { readonly _tag: 'problem'; readonly code: ArborBiIssueCode; readonly message: string }
  | {
      readonly _tag: 'file';
      readonly table: Layout['spec']['name'];
      readonly rows: number;
      readonly notUtf8: boolean;
      /** No school table in the folder: the file stands for the school of the options. */
      readonly optionsSchool: boolean;
    }
  | { readonly _tag: 'row'; readonly table: Layout['spec']['name']; readonly values: readonly string[]; readonly school: SchoolFound };

/** The folder's schools: APPLICATION_ID (empty when the table has none) to URN, or a conflict. */
export interface SchoolLookup {
  readonly byApplication: ReadonlyMap<string, string | 'conflict'>;
  /** Whether the folder has any school table. */
  readonly any: boolean;
}

const URN_AT = SCHOOL.columns.findIndex(([c]) => c === 'URN');
const APP_AT = SCHOOL.columns.findIndex(([c]) => c === 'APPLICATION_ID');

/** Whether a head looks like a CSV header naming a school table (cheap check before streaming). */
const mayBeSchoolTable = (head: Uint8Array): boolean => {
  if (head[0] === 0x1f && head[1] === 0x8b) return true; // gzip: look inside
  const text = new TextDecoder().decode(head).toUpperCase();
  return text.includes('URN');
};

/** The school tables of the folder holding `file` (first pass). */
export const folderSchools = async (file: string): Promise<SchoolLookup> => {
  const byApplication = new Map<string, string | 'conflict'>();
  let any = false;
  for (const f of await folderFiles(file)) {
    try {
      if (!mayBeSchoolTable(await headBytes(f, 4096))) continue;
      let layout: Layout | undefined | null = null;
      for await (const e of csvEvents(f)) {
        if (e._tag !== 'record') break;
        if (layout === null) {
          layout = tableOf(e.record.fields);
          if (layout?.spec.name !== 'school' || layout.missing.length > 0) break;
          any = true;
          continue;
        }
        if (e.record.error !== undefined) continue;
        const at = (i: number): string => cell(e.record.fields[(layout as Layout).index[i] as number]);
        const urn = at(URN_AT);
        if (urn === '') continue;
        const app = (layout as Layout).index[APP_AT] === -1 ? '' : at(APP_AT);
        const old = byApplication.get(app);
        byApplication.set(app, old === undefined || old === urn ? urn : 'conflict');
      }
    } catch {
      continue; // a file of the folder that was not asked for and cannot be read is no lookup
    }
  }
  return { byApplication, any };
};

/** The school of a row's APPLICATION_ID: its own entry, else the folder's only school. */
export const schoolFor = (schools: SchoolLookup, applicationId: string): SchoolFound => {
  const own = schools.byApplication.get(applicationId);
  if (own === 'conflict') return { _tag: 'conflict', applicationId };
  if (own !== undefined) return { _tag: 'found', urn: own };
  const all = new Set(schools.byApplication.values());
  const only = all.size === 1 ? [...all][0] : undefined;
  return only !== undefined && only !== 'conflict' ? { _tag: 'found', urn: only } : { _tag: 'missing', tables: schools.any };
};

/**
 * Reads BI Connector CSV files (second pass), with each folder's school tables read first.
 * @example for await (const raw of readArborBi(['export/attendance.csv'])) console.log(raw.line)
 */
export async function* readArborBi(paths: readonly string[]): AsyncGenerator<RawRecord<BiRaw>> {
  const byFolder = new Map<string, SchoolLookup>();
  for (const file of paths) {
    const folder = folderOf(file);
    let schools = byFolder.get(folder);
    if (schools === undefined) {
      await headBytes(file, 1); // the caller's own file: unreadable is a SourceReadError
      schools = await folderSchools(file);
      byFolder.set(folder, schools);
    }
    let layout: Layout | undefined;
    let header = false;
    let width = 0;
    let rows = 0;
    let notUtf8 = false;
    let rejectedAll = false;
    let faulted = false;
    const appAt = (l: Layout): number => l.spec.columns.findIndex(([c]) => c === 'APPLICATION_ID');
    for await (const e of csvEvents(file)) {
      if (e._tag === 'fault') {
        yield { file, data: { _tag: 'problem', code: 'arbor-bi/compressed', message: `the gzip stream is broken (${e.message}); the rows before it are read` } };
        faulted = true;
        break;
      }
      const r = e.record;
      notUtf8 ||= r.notUtf8;
      if (!header) {
        header = true;
        layout = tableOf(r.fields);
        width = r.fields.length;
        const headerless = layout === undefined ? headerlessAttendance(r.fields) : undefined;
        if (headerless !== undefined) layout = headerless;
        else if (layout === undefined) {
          rejectedAll = true;
          yield { file, line: r.line, data: { _tag: 'problem', code: 'arbor-bi/unrecognised-table', message: `the header (${r.fields.slice(0, 6).join(', ')}) names no ATTENDANCE, student or school table; the file is rejected` } };
          break;
        } else continue;
      }
      const l = layout as Layout;
      rows++;
      if (l.missing.length > 0) {
        yield { file, line: r.line, data: { _tag: 'problem', code: 'arbor-bi/missing-column', message: `the ${l.spec.name} table has no ${l.missing.join(', ')} column; the row is rejected` } };
        continue;
      }
      if (r.error !== undefined) {
        yield { file, line: r.line, data: { _tag: 'problem', code: 'arbor-bi/bad-csv', message: `not a CSV record (${r.error}); rejected` } };
        continue;
      }
      if (r.fields.length !== width) {
        yield { file, line: r.line, data: { _tag: 'problem', code: 'arbor-bi/bad-csv', message: `${r.fields.length} fields where the header has ${width}; rejected` } };
        continue;
      }
      const values = l.index.map((i) => (i < 0 ? '' : cell(r.fields[i])));
      const school = l.spec.name === 'school' ? ({ _tag: 'missing', tables: true } as const) : schoolFor(schools, values[appAt(l)] ?? '');
      yield { file, line: r.line, data: { _tag: 'row', table: l.spec.name, values, school } };
    }
    if (!header && !faulted) yield { file, data: { _tag: 'problem', code: 'arbor-bi/empty-file', message: 'the file holds no record' } };
    else if (!rejectedAll && layout !== undefined) yield { file, data: { _tag: 'file', table: layout.spec.name, rows, notUtf8, optionsSchool: !schools.any } };
  }
}

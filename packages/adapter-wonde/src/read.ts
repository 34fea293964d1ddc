/**
 * The Wonde adapter's I/O, in two reads. First, for each folder holding a given file, its
 * context (context.ts: the school object, the attendance codes by id, which pages exist). Then
 * each given file is streamed through adapter-kit's page scanner (`createPageScanner('data')`),
 * yielding one raw record per row of `data` as soon as the row is complete, each carrying what it
 * needs from the context (a mark: its code object and the school; a student: the school), then
 * one record for the page (its pagination, checked against the folder's pages). A page whose
 * `data` is one object (the school, `schools/{id}`) yields that object. Files that cannot be used
 * become `problem` records.
 *
 * Memory: bounded by the largest row and the context (a school's codes), not by the page.
 *
 * @module
 */
import { dirname } from 'node:path';
import { asUtf8Chunks, createPageScanner, readUtf8FileChunks, type RawRecord, type ScanEvent } from '@attendance-kit/adapter-kit';
import { folderContext, type FolderContext, type SchoolRef } from './context.js';
import { entityOf, type Entity } from './entity.js';
import { field, idOf, isObj, type Obj } from './fields.js';
import type { WondeIssueCode } from './issue-codes.js';
import { paginationOf } from './page-meta.js';

/** A raw Wonde record. */
export type WondeRaw =
  | { readonly _tag: 'problem'; readonly code: WondeIssueCode; readonly message: string; readonly severity: 'error' | 'warning' }
  /** The school object of a `schools/{id}` page, and the folder's school (to spot a second URN). */
  | { readonly _tag: 'school'; readonly data: Obj; readonly folder: SchoolRef }
  /** One row of `data`: `code` is the attendance code object a mark's id names, when the folder defines it. */
  | { readonly _tag: 'row'; readonly index: number; readonly row: unknown; readonly school: SchoolRef; readonly code?: Obj }
  | {
      readonly _tag: 'page';
      /** The entity of the page's first row (or `school`). */
      readonly entity?: Entity;
      readonly rows: number;
      readonly notUtf8: boolean;
      readonly school: SchoolRef;
      readonly currentPage?: number;
      /** Page numbers meta.pagination points to that no file of the folder holds. */
      readonly missingNext?: number;
      readonly missingPrevious?: number;
    };

const problem = (file: string, code: WondeIssueCode, message: string): RawRecord<WondeRaw> => ({ file, data: { _tag: 'problem', code, message, severity: 'error' } });

/** The code object a mark's id names in the folder (an inline include needs none). */
const codeFor = (row: unknown, ctx: FolderContext): Obj | undefined => {
  if (!isObj(row)) return undefined;
  const given = field(row, 'attendance_code') ?? field(row, 'attendance_code_id');
  const id = idOf(given);
  return id === undefined ? undefined : ctx.codes.get(id);
};

/** Turns one page's scan events into raw records, as they come. */
const pageRecords = (file: string, ctx: FolderContext): { feed: (events: readonly ScanEvent[]) => RawRecord<WondeRaw>[] } => {
  let dataSeen = false;
  let isSchool = false;
  let entity: Entity | undefined;
  let rows = 0;
  let notUtf8 = false;
  let meta: unknown;
  const pageRecord = (): RawRecord<WondeRaw> => {
    const p = paginationOf(meta);
    const e = isSchool ? 'school' : entity;
    const known = (n: number): boolean => ctx.pages.has(`${e ?? ''}#${n}`);
    const page = p.currentPage;
    return {
      file,
      path: '$',
      data: {
        _tag: 'page',
        ...(e === undefined ? {} : { entity: e }),
        rows,
        notUtf8,
        school: ctx.school,
        ...(page === undefined ? {} : { currentPage: page }),
        ...(page !== undefined && e !== undefined && p.hasNext && !known(page + 1) ? { missingNext: page + 1 } : {}),
        ...(page !== undefined && e !== undefined && page > 1 && !known(page - 1) ? { missingPrevious: page - 1 } : {}),
      },
    };
  };
  const feed = (events: readonly ScanEvent[]): RawRecord<WondeRaw>[] => {
    const out: RawRecord<WondeRaw>[] = [];
    for (const ev of events) {
      switch (ev.kind) {
        case 'member':
          if (ev.key.toLowerCase() === 'meta') meta = ev.value;
          else if (ev.key.toLowerCase() === 'data' && !dataSeen) {
            dataSeen = true;
            if (entityOf(ev.value) === 'school') {
              isSchool = true;
              out.push({ file, path: 'data', data: { _tag: 'school', data: ev.value as Obj, folder: ctx.school } });
            } else if (ev.value !== null && ev.value !== undefined) {
              // A single object of another entity (e.g. `students/{id}`): one row.
              entity = entityOf(ev.value);
              rows = 1;
              const code = codeFor(ev.value, ctx);
              out.push({ file, path: 'data', data: { _tag: 'row', index: 0, row: ev.value, school: ctx.school, ...(code === undefined ? {} : { code }) } });
            }
          }
          break;
        case 'data-open':
          dataSeen = true;
          break;
        case 'row': {
          rows++;
          notUtf8 ||= ev.notUtf8;
          if (ev.index === 0) entity = entityOf(ev.value);
          const code = codeFor(ev.value, ctx);
          out.push({ file, path: `data[${ev.index}]`, data: { _tag: 'row', index: ev.index, row: ev.value, school: ctx.school, ...(code === undefined ? {} : { code }) } });
          break;
        }
        case 'data-close':
          break;
        case 'not-object': {
          let json = !ev.cut;
          try {
            if (json) JSON.parse(ev.text);
          } catch {
            json = false;
          }
          out.push(json ? problem(file, 'wonde/not-page', 'not a Wonde page: expected { "data": [ ... ], "meta": { ... } }') : problem(file, 'wonde/bad-json', 'not JSON'));
          break;
        }
        case 'error':
          if (dataSeen) out.push(pageRecord());
          out.push(problem(file, 'wonde/bad-json', `not JSON: ${ev.message}${rows > 0 ? `; the ${rows} rows before it are read` : ''}`));
          break;
        case 'end':
          if (!dataSeen) out.push(problem(file, 'wonde/not-page', 'not a Wonde page: expected { "data": [ ... ], "meta": { ... } }'));
          else out.push(pageRecord());
          break;
      }
    }
    return out;
  };
  return { feed };
};

/**
 * Raw records of one file's bytes, given its folder's context. Pure (for tests): any split of
 * the same bytes gives the same records.
 * @example rawRecordsOf('p.json', EMPTY_CONTEXT, new TextEncoder().encode('{"data":[]}'))[0]?.data._tag // 'page'
 */
export const rawRecordsOf = (file: string, ctx: FolderContext, ...chunks: Uint8Array[]): RawRecord<WondeRaw>[] => {
  const scanner = createPageScanner('data');
  const page = pageRecords(file, ctx);
  const out: RawRecord<WondeRaw>[] = [];
  for (const c of asUtf8Chunks(chunks)) out.push(...page.feed(scanner.push(c)));
  out.push(...page.feed(scanner.end()));
  return out;
};

/** A context with nothing in it (a file read without its folder). */
export const EMPTY_CONTEXT: FolderContext = { school: { _tag: 'none' }, codes: new Map(), pages: new Set() };

/**
 * Reads saved Wonde pages, in the order given. Throws (a `SourceReadError`) only when a file
 * cannot be read at all.
 * @example for await (const raw of readWonde(['exports/wonde/students-1.json'])) console.log(raw.path)
 */
export async function* readWonde(paths: readonly string[]): AsyncGenerator<RawRecord<WondeRaw>> {
  const contexts = new Map<string, Promise<FolderContext>>();
  for (const file of paths) {
    const dir = dirname(file);
    let pending = contexts.get(dir);
    if (pending === undefined) {
      pending = folderContext(dir);
      contexts.set(dir, pending);
    }
    const ctx = await pending;
    const scanner = createPageScanner('data');
    const page = pageRecords(file, ctx);
    for await (const chunk of readUtf8FileChunks(file)) yield* page.feed(scanner.push(chunk));
    yield* page.feed(scanner.end());
  }
}

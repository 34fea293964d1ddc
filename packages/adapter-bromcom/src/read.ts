/**
 * The Bromcom adapter's only I/O: stream each saved Partner API v2 page (`{ "success": bool,
 * "data": [ ... ] }`, reference/mis-formats.md §4.1) through the scanner (scan.ts), and yield one
 * raw record per row of `data`, with its path (`data[3]`), as it is read, then one for the page (it
 * stands for the school). A file that cannot be used becomes a `problem` record.
 *
 * Memory: bounded by the largest row (and a UTF-16 file, read whole), not by the page.
 *
 * @module
 */
import { decodeBytes } from '@attendance-kit/adapter-kit';
import { asUtf8Chunks, readUtf8FileChunks, type RawRecord } from '@attendance-kit/adapter-kit';
import { z } from 'zod';
import type { BromcomIssueCode } from './issue-codes.js';
import { createPageScanner, type ScanEvent } from '@attendance-kit/adapter-kit';

/** A raw Bromcom record. */
export type BromcomRaw =
  | { readonly _tag: 'problem'; readonly code: BromcomIssueCode; readonly message: string; readonly severity: 'error' | 'warning' }
  | { readonly _tag: 'page'; readonly rows: number; readonly notUtf8: boolean }
  | {
      readonly _tag: 'row';
      readonly index: number;
      readonly row: unknown;
      /** A week start given beside `data` in the saved page (`startDate`/`weekStartDate`), inferred. */
      readonly pageWeekStart?: string;
    };

const Success = z.object({ success: z.literal(true) });

const problem = (file: string, code: BromcomIssueCode, message: string): RawRecord<BromcomRaw> => ({ file, data: { _tag: 'problem', code, message, severity: 'error' } });

/** Turns one page's scan events into raw records, as they come. */
interface PageRecords {
  readonly feed: (events: readonly ScanEvent[]) => RawRecord<BromcomRaw>[];
}

/**
 * The raw records of one page's scan events. Rows are yielded as they are scanned, unless the page
 * already said `"success": false`. At the end: the page record (the school) when `data` was an
 * array and `success` is `true` (checked with zod), else a problem; a truncated page keeps the rows
 * read before the cut and adds a `bromcom/bad-json` problem.
 */
const pageRecords = (file: string): PageRecords => {
  const members = new Map<string, unknown>();
  let dataOpened = false;
  let rows = 0;
  let notUtf8 = false;
  const pageRecord = (): RawRecord<BromcomRaw> => ({ file, path: '$', data: { _tag: 'page', rows, notUtf8 } });
  const success = (): unknown => members.get('success');
  const feed = (events: readonly ScanEvent[]): RawRecord<BromcomRaw>[] => {
    const out: RawRecord<BromcomRaw>[] = [];
    for (const e of events) {
      switch (e.kind) {
        case 'member':
          if (!members.has(e.key.toLowerCase())) members.set(e.key.toLowerCase(), e.value);
          break;
        case 'data-open':
          dataOpened = true;
          break;
        case 'row': {
          if (success() === false) break;
          rows++;
          notUtf8 ||= e.notUtf8;
          const start = members.get('startdate') ?? members.get('weekstartdate');
          out.push({ file, path: `data[${e.index}]`, data: { _tag: 'row', index: e.index, row: e.value, ...(typeof start === 'string' && start.trim() !== '' ? { pageWeekStart: start.trim() } : {}) } });
          break;
        }
        case 'data-close':
          break;
        case 'not-object': {
          let json = !e.cut;
          try {
            if (json) JSON.parse(e.text);
          } catch {
            json = false;
          }
          out.push(json ? problem(file, 'bromcom/not-envelope', 'not a Partner API v2 page: expected { "success": true, "data": [ ... ] }') : problem(file, 'bromcom/bad-json', 'not JSON'));
          break;
        }
        case 'error':
          if (dataOpened && success() !== false) out.push(pageRecord());
          out.push(problem(file, 'bromcom/bad-json', `not JSON: ${e.message}${rows > 0 ? `; the ${rows} rows before it are read` : ''}`));
          break;
        case 'end':
          if (success() === false) out.push(problem(file, 'bromcom/unsuccessful-page', 'the page says "success": false; its rows are not read'));
          else if (!dataOpened || !Success.safeParse({ success: success() }).success) {
            out.push(problem(file, 'bromcom/not-envelope', `not a Partner API v2 page: expected { "success": true, "data": [ ... ] }${rows > 0 ? `; its ${rows} rows were read` : ''}`));
          } else out.push(pageRecord());
          break;
      }
    }
    return out;
  };
  return { feed };
};

/**
 * Raw records of one file's bytes, in chunks. Pure (exposed for tests): any split of the same bytes
 * gives the same records.
 * @example rawRecordsOf('p.json', new TextEncoder().encode('{"success":true,"data":[]}'))[0]?.data._tag // 'page'
 */
export const rawRecordsOf = (file: string, ...chunks: Uint8Array[]): RawRecord<BromcomRaw>[] => {
  const scanner = createPageScanner();
  const page = pageRecords(file);
  const out: RawRecord<BromcomRaw>[] = [];
  for (const c of asUtf8Chunks(chunks)) out.push(...page.feed(scanner.push(c)));
  out.push(...page.feed(scanner.end()));
  return out;
};

/**
 * Reads saved Bromcom pages. Throws (a `SourceReadError`) only when a file cannot be read at all.
 * @example for await (const raw of readBromcom(['students.json'])) console.log(raw.path)
 */
export async function* readBromcom(paths: readonly string[]): AsyncGenerator<RawRecord<BromcomRaw>> {
  for (const file of paths) {
    const scanner = createPageScanner();
    const page = pageRecords(file);
    for await (const chunk of readUtf8FileChunks(file)) yield* page.feed(scanner.push(chunk));
    yield* page.feed(scanner.end());
  }
}

export { decodeBytes };

/**
 * The Bromcom adapter's only I/O: read each saved Partner API v2 page (`{ "success": bool,
 * "data": [ ... ] }`, reference/mis-formats.md §4.1), check its envelope with zod, and yield one raw
 * record for the page (it stands for the school) and one per row of `data`, with its path
 * (`data[3]`). A file that cannot be used becomes one `problem` record.
 *
 * Memory: a page is parsed whole with JSON.parse (a page is at most 100000 rows per §4.1); a
 * streaming JSON reader is future work.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { toSourceReadError, type RawRecord } from '@attendance-kit/adapter-kit';
import { z } from 'zod';
import { fieldsOf, textField } from './fields.js';
import type { BromcomIssueCode } from './issue-codes.js';

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

const Envelope = z.object({ success: z.literal(true), data: z.array(z.unknown()) });

/** Decodes bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else Latin-1 (flagged). */
export const decodeBytes = (bytes: Uint8Array): { readonly text: string; readonly notUtf8: boolean } => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notUtf8: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notUtf8: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), notUtf8: false };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), notUtf8: true };
  }
};

const problem = (file: string, code: BromcomIssueCode, message: string): RawRecord<BromcomRaw> => ({ file, data: { _tag: 'problem', code, message, severity: 'error' } });

/**
 * Raw records of one file's bytes. Pure (exposed for tests).
 * @example rawRecordsOf('p.json', new TextEncoder().encode('{"success":true,"data":[]}'))[0]?.data._tag // 'page'
 */
export const rawRecordsOf = (file: string, bytes: Uint8Array): RawRecord<BromcomRaw>[] => {
  const { text, notUtf8 } = decodeBytes(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return [problem(file, 'bromcom/bad-json', `not JSON: ${e instanceof Error ? e.message : String(e)}`)];
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && fieldsOf(json).get('success') === false) {
    return [problem(file, 'bromcom/unsuccessful-page', 'the page says "success": false; its rows are not read')];
  }
  const env = Envelope.safeParse(json);
  if (!env.success) return [problem(file, 'bromcom/not-envelope', 'not a Partner API v2 page: expected { "success": true, "data": [ ... ] }')];
  const weekStart = textField(fieldsOf(json as object), 'startdate', 'weekstartdate');
  const rows = env.data.data;
  const out: RawRecord<BromcomRaw>[] = [{ file, path: '$', data: { _tag: 'page', rows: rows.length, notUtf8 } }];
  rows.forEach((row, i) => {
    out.push({ file, path: `data[${i}]`, data: { _tag: 'row', index: i, row, ...(weekStart === undefined ? {} : { pageWeekStart: weekStart }) } });
  });
  return out;
};

/**
 * Reads saved Bromcom pages. Throws (a `SourceReadError`) only when a file cannot be read at all.
 * @example for await (const raw of readBromcom(['students.json'])) console.log(raw.path)
 */
export async function* readBromcom(paths: readonly string[]): AsyncGenerator<RawRecord<BromcomRaw>> {
  for (const file of paths) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      throw toSourceReadError(file, e);
    }
    yield* rawRecordsOf(file, bytes);
  }
}

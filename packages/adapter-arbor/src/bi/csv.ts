/**
 * CSV records of one BI Connector file, streamed through adapter-canonical's byte-level RFC 4180
 * scanner (`createCsvScanner`): each record's fields as text, decoded as UTF-8, or as Latin-1 when
 * a record is not valid UTF-8 (flagged). gzip files are decompressed as they stream; a UTF-16 file
 * (BOM) is decoded whole first (rare for Snowflake unloads). I/O: used only by `read`.
 *
 * @module
 */
import { isUtf8 } from 'node:buffer';
import { decodeBytes } from '@attendance-kit/adapter-kit';
import { createCsvScanner, type CsvRecordView, type ScanError } from '@attendance-kit/adapter-canonical';
import { fileChunks } from '../shared/files.js';

/** One CSV record. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  readonly error: ScanError | undefined;
  readonly notUtf8: boolean;
}

/** What streaming a file gives: records, then a fault if the gzip stream broke. */
export type CsvEvent = { readonly _tag: 'record'; readonly record: CsvRecord } | { readonly _tag: 'fault'; readonly message: string };

const LIMITS = { maxFieldBytes: 65_536, maxRecordBytes: 1_048_576, maxFields: 256 };

const texts = (r: CsvRecordView): { readonly fields: string[]; readonly notUtf8: boolean } => {
  const end = r.count === 0 ? 0 : (r.ends[r.count - 1] as number);
  const utf8 = isUtf8(r.bytes.subarray(0, end));
  const fields = new Array<string>(r.count);
  for (let i = 0; i < r.count; i++) fields[i] = r.bytes.toString(utf8 ? 'utf8' : 'latin1', r.starts[i] as number, r.ends[i] as number);
  return { fields, notUtf8: !utf8 };
};

/**
 * The records of `file`, in order, as they are scanned.
 * @example for await (const e of csvEvents('attendance.csv')) if (e._tag === 'record') console.log(e.record.fields)
 */
export async function* csvEvents(file: string): AsyncGenerator<CsvEvent> {
  let batch: CsvEvent[] = [];
  const scanner = createCsvScanner((r) => {
    const t = texts(r);
    batch.push({ _tag: 'record', record: { line: r.line, fields: t.fields, error: r.error, notUtf8: t.notUtf8 } });
  }, LIMITS);
  let first = true;
  let utf16: Uint8Array[] | undefined;
  for await (const c of fileChunks(file, true)) {
    if (c._tag === 'fault') {
      batch.push(c);
      break;
    }
    if (first && ((c.bytes[0] === 0xff && c.bytes[1] === 0xfe) || (c.bytes[0] === 0xfe && c.bytes[1] === 0xff))) utf16 = [];
    first = false;
    if (utf16 !== undefined) {
      utf16.push(c.bytes);
      continue;
    }
    scanner.push(c.bytes);
    yield* batch;
    batch = [];
  }
  if (utf16 !== undefined) scanner.push(Buffer.from(decodeBytes(Buffer.concat(utf16)).text, 'utf8'));
  const fault = batch.filter((e) => e._tag === 'fault');
  batch = batch.filter((e) => e._tag !== 'fault');
  scanner.end();
  yield* batch;
  yield* fault;
}

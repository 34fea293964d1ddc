/**
 * What every file of the canonical folder shares: streaming a file's bytes into the scanner, and
 * reading its header (column order free; unknown columns warned about once; missing ones named).
 *
 * @module
 */
import { open } from 'node:fs/promises';
import { toSourceReadError, type IssueCollector } from '@attendance-kit/adapter-kit';

/** A column of a canonical file. */
export interface ColumnSpec {
  readonly name: string;
  readonly required: boolean;
}

/** The header read: each known column's index in a record, -1 when absent. */
export interface Header {
  readonly index: Readonly<Record<string, number>>;
  /** Required columns the header lacks (rows cannot be read without them). */
  readonly missing: readonly string[];
  /** True when the first record holds none of the required columns: the file has no header. */
  readonly absent: boolean;
}

/** Bytes per read: large enough that the per-chunk cost vanishes, small enough to stay in cache. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams the bytes of the file at `path` into `push`, reporting progress per chunk. Two buffers
 * alternate so the next read is in flight while a chunk is scanned (reading and scanning
 * overlap), and the file is never held whole. Throws a `SourceReadError` when the file cannot be
 * read; never because of its content.
 */
export const streamInto = async (path: string, push: (chunk: Uint8Array) => void, onChunk?: (bytes: number) => void): Promise<void> => {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw toSourceReadError(path, e);
  }
  const fh = handle;
  const buffers: readonly [Buffer, Buffer] = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  let k = 0;
  let pending: Promise<{ readonly bytesRead: number }> = fh.read(buffers[0], 0, CHUNK_BYTES, null);
  const next = async (): Promise<number> => {
    try {
      return (await pending).bytesRead;
    } catch (e) {
      // Only the file system's errors are read errors; a bug in `push` stays what it is.
      throw toSourceReadError(path, e);
    }
  };
  try {
    for (;;) {
      const bytesRead = await next();
      if (bytesRead === 0) break;
      const current = k === 0 ? buffers[0] : buffers[1];
      k ^= 1;
      pending = fh.read(k === 0 ? buffers[0] : buffers[1], 0, CHUNK_BYTES, null);
      push(current.subarray(0, bytesRead));
      onChunk?.(bytesRead);
    }
  } finally {
    await pending.catch(() => undefined);
    await fh.close();
  }
};

/**
 * Reads a header record against the file's columns, adding issues to `issues`:
 * `canonical/missing-header` (no required column found), `canonical/missing-column` (one per
 * required column absent), `canonical/unknown-column` (one warning listing them all) and
 * `canonical/duplicate-column` (a column named twice; the first is used).
 */
export const readHeader = (names: readonly string[], columns: readonly ColumnSpec[], file: string, issues: IssueCollector): Header => {
  const index: Record<string, number> = {};
  for (const c of columns) index[c.name] = -1;
  const unknown: string[] = [];
  names.forEach((raw, i) => {
    const name = raw.trim();
    const at = index[name];
    if (at === undefined) unknown.push(raw);
    else if (at === -1) index[name] = i;
    else issues.add({ code: 'canonical/duplicate-column', severity: 'warning', file, line: 1, field: name, message: `column ${name} appears twice in the header; the first one (column ${at + 1}) is used` });
  });
  const required = columns.filter((c) => c.required);
  const missing = required.filter((c) => index[c.name] === -1).map((c) => c.name);
  const absent = required.length > 0 && missing.length === required.length;
  if (absent) {
    issues.add({
      code: 'canonical/missing-header',
      severity: 'error',
      file,
      line: 1,
      message: `the first line is not a header: it names none of the required columns (${required.map((c) => c.name).join(', ')}); every row is rejected`,
    });
    return { index, missing, absent };
  }
  for (const m of missing)
    issues.add({ code: 'canonical/missing-column', severity: 'error', file, line: 1, field: m, message: `required column ${m} is missing from the header; every row is rejected` });
  if (unknown.length > 0)
    issues.add({
      code: 'canonical/unknown-column',
      severity: 'warning',
      file,
      line: 1,
      message: `ignored ${unknown.length === 1 ? 'a column' : `${unknown.length} columns`} not in the canonical format: ${unknown.map((u) => JSON.stringify(u)).join(', ')}`,
    });
  return { index, missing, absent };
};

/**
 * File access both adapters share (I/O; used only by their `read`): a file's bytes in chunks, the
 * first bytes of a file, and the files of the folder a file sits in (the export folder whose
 * lookups the adapters join against; see README.md "Two passes").
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { toSourceReadError } from '@attendance-kit/adapter-kit';

/** Bytes read at a time: files are streamed, never held whole. */
export const CHUNK = 1 << 16;

/** A chunk of a file, or the fault that stopped reading it (a broken gzip stream). */
export type Chunk = { readonly _tag: 'bytes'; readonly bytes: Uint8Array } | { readonly _tag: 'fault'; readonly message: string };

const isGzip = (b: Uint8Array): boolean => b[0] === 0x1f && b[1] === 0x8b;

/**
 * The first `n` bytes of a file (fewer when it is shorter). Throws a `SourceReadError` when the
 * file cannot be opened.
 */
export const headBytes = async (file: string, n: number): Promise<Uint8Array> => {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw toSourceReadError(file, e);
  }
  try {
    const buffer = new Uint8Array(n);
    let got = 0;
    while (got < n) {
      const r = await handle.read(buffer, got, n - got, null);
      if (r.bytesRead === 0) break;
      got += r.bytesRead;
    }
    return buffer.subarray(0, got);
  } catch (e) {
    throw toSourceReadError(file, e);
  } finally {
    await handle.close();
  }
};

/**
 * A file's bytes in chunks of about {@link CHUNK}. A gzip file (`.csv.gz`, Snowflake's default
 * unload) is decompressed as it streams when `gunzip` is set; a broken stream ends with a fault.
 * Throws a `SourceReadError` only when the file cannot be read at all.
 */
export async function* fileChunks(file: string, gunzip = false): AsyncGenerator<Chunk> {
  const head = await headBytes(file, 2);
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  const source = gunzip && isGzip(head) ? stream.pipe(createGunzip()) : stream;
  try {
    for await (const chunk of source) yield { _tag: 'bytes', bytes: chunk as Buffer };
  } catch (e) {
    if (source === stream) throw toSourceReadError(file, e);
    yield { _tag: 'fault', message: e instanceof Error ? e.message : String(e) };
  } finally {
    stream.destroy();
  }
}

/**
 * The regular files in the folder holding `file`, sorted by name (not recursive): the export
 * folder the adapters take their lookups from. An unreadable folder gives no files.
 */
export const folderFiles = async (file: string): Promise<string[]> => {
  const dir = dirname(resolve(file));
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
};

/** The folder key of a file (its absolute folder). */
export const folderOf = (file: string): string => dirname(resolve(file));

/**
 * A file's bytes in chunks, for adapters' `read` (the only place an adapter does I/O): files are
 * streamed, never held whole, and the one thing that throws is a file that cannot be read at all.
 *
 * @module
 */
import { open, type FileHandle } from 'node:fs/promises';
import { toSourceReadError } from './read-error.js';

/** Bytes read at a time by {@link readFileChunks}. */
export const FILE_CHUNK_BYTES = 1 << 16;

/**
 * Yields the bytes of `file` in chunks of up to `chunkBytes`, each a fresh array the caller may keep.
 * Stopping early (`break` in a `for await`) closes the file. Throws a `SourceReadError` naming the
 * file when it cannot be opened or read.
 * @example for await (const chunk of readFileChunks('export.json')) scanner.push(chunk);
 */
export async function* readFileChunks(file: string, chunkBytes = FILE_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw toSourceReadError(file, e);
  }
  try {
    for (;;) {
      const buffer = new Uint8Array(chunkBytes);
      let n: number;
      try {
        n = (await handle.read(buffer, 0, chunkBytes, null)).bytesRead;
      } catch (e) {
        throw toSourceReadError(file, e);
      }
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    await handle.close();
  }
}

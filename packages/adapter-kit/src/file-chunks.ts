/**
 * A file's bytes in chunks, for adapters' `read` (the only place an adapter does I/O): files are
 * streamed, never held whole, and the one thing that throws is a file that cannot be read at all.
 *
 * @module
 */
import { open, type FileHandle } from 'node:fs/promises';
import { decodeBytes } from './decode.js';
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

/** Whether bytes start with a UTF-16 byte-order mark (either byte order). */
export const startsUtf16 = (bytes: Uint8Array): boolean => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/**
 * A file's chunks as a byte scanner of ASCII-structured text (JSON) wants them: as they are, except
 * when the first holds a UTF-16 byte-order mark. UTF-16 is rare for these exports, so such a file is
 * read whole and given as one chunk of UTF-8. Pure.
 * @example asUtf8Chunks([new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0])]) // [bytes of '{}']
 */
export const asUtf8Chunks = (chunks: readonly Uint8Array[]): readonly Uint8Array[] => {
  const head = chunks.find((c) => c.length > 0);
  return head !== undefined && startsUtf16(head) ? [new TextEncoder().encode(decodeBytes(Buffer.concat(chunks)).text)] : chunks;
};

/**
 * {@link readFileChunks} through {@link asUtf8Chunks}: streamed as read, unless the file is UTF-16.
 * @example for await (const chunk of readUtf8FileChunks('page.json')) scanner.push(chunk);
 */
export async function* readUtf8FileChunks(file: string): AsyncGenerator<Uint8Array> {
  let whole: Uint8Array[] | undefined;
  let first = true;
  for await (const chunk of readFileChunks(file)) {
    if (first && startsUtf16(chunk)) whole = [];
    first = false;
    if (whole === undefined) yield chunk;
    else whole.push(chunk);
  }
  if (whole !== undefined) yield* asUtf8Chunks(whole);
}

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asUtf8Chunks, readFileChunks, readUtf8FileChunks } from './file-chunks.js';
import { isSourceReadError } from './read-error.js';

describe('readFileChunks', () => {
  it('gives the file back whole, in chunks no larger than asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'file-chunks-'));
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
    await writeFile(join(dir, 'f.bin'), bytes);
    const chunks: Uint8Array[] = [];
    for await (const c of readFileChunks(join(dir, 'f.bin'), 64)) chunks.push(c);
    expect(chunks.every((c) => c.length <= 64)).toBe(true);
    expect(chunks).toHaveLength(16);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(bytes));
  });
  it('throws a SourceReadError naming a missing file', async () => {
    const read = async (): Promise<void> => {
      for await (const _ of readFileChunks('/no/such/file.json')) void _;
    };
    await expect(read()).rejects.toSatisfy((e: unknown) => isSourceReadError(e) && e.message === 'cannot read /no/such/file.json: no such file or directory');
  });
});

describe('readUtf8FileChunks and asUtf8Chunks', () => {
  const utf16 = (text: string, le: boolean): Uint8Array =>
    new Uint8Array([...(le ? [0xff, 0xfe] : [0xfe, 0xff]), ...Array.from(text).flatMap((c) => (le ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)]))]);
  it('passes UTF-8 chunks through as they are, and gives UTF-16 (either order) as one chunk of UTF-8', () => {
    const a = new TextEncoder().encode('{"data":');
    expect(asUtf8Chunks([a, a])).toEqual([a, a]);
    expect(asUtf8Chunks([utf16('{"a":"é"}', true)])).toEqual([new TextEncoder().encode('{"a":"é"}')]);
    expect(asUtf8Chunks([utf16('{}', false).subarray(0, 3), utf16('{}', false).subarray(3)])).toEqual([new TextEncoder().encode('{}')]);
  });
  it('reads a UTF-16 file as UTF-8 text, and a UTF-8 file chunk by chunk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'file-chunks-'));
    await writeFile(join(dir, 'u16.json'), utf16('{"data":[1,2]}', true));
    await writeFile(join(dir, 'u8.json'), '{"data":[1,2]}');
    const text = async (f: string, n?: number): Promise<string[]> => {
      const out: string[] = [];
      for await (const c of n === undefined ? readUtf8FileChunks(join(dir, f)) : readFileChunks(join(dir, f), n)) out.push(new TextDecoder().decode(c));
      return out;
    };
    expect(await text('u16.json')).toEqual(['{"data":[1,2]}']);
    expect(await text('u8.json')).toEqual(['{"data":[1,2]}']);
  });
});

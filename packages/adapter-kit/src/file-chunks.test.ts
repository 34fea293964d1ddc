import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileChunks } from './file-chunks.js';
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

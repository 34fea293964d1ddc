/**
 * `attendance import` inputs: the paths given, expanded into source files (folders read
 * recursively, sorted) and canonical dataset folders, each with the format that reads it. With
 * `--from auto` each file's format is recognised from its first bytes (an adapter's `detect`); a
 * folder holding schools.csv and marks.csv is a canonical dataset.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';
import { toSourceReadError, type AnyAdapter } from '@attendance-kit/adapter-kit';
import { bromcomAdapter } from '@attendance-kit/adapter-bromcom';
import { ctfAdapter } from '@attendance-kit/adapter-ctf';
import { arborAdapter, arborBiAdapter } from '@attendance-kit/adapter-arbor';
import { simsAdapter } from '@attendance-kit/adapter-sims';
import { wondeAdapter } from '@attendance-kit/adapter-wonde';

/**
 * Adapters `--from` can name, besides `canonical` and `auto`, in the order `auto` tries their
 * `detect`. A new adapter is one line here.
 */
export const IMPORT_ADAPTERS: Readonly<Record<string, AnyAdapter>> = {
  ctf: ctfAdapter,
  bromcom: bromcomAdapter,
  wonde: wondeAdapter,
  arbor: arborAdapter,
  'arbor-bi': arborBiAdapter,
  sims: simsAdapter,
};

/** The values `--from` accepts. */
export const IMPORT_FORMATS: readonly string[] = [...Object.keys(IMPORT_ADAPTERS), 'canonical', 'auto'];

/** One input: a file for an adapter, a canonical dataset folder, or a file no format recognised. */
export type ImportSource =
  | { readonly _tag: 'adapter'; readonly path: string; readonly adapter: AnyAdapter }
  | { readonly _tag: 'canonical'; readonly path: string }
  | { readonly _tag: 'unrecognised'; readonly path: string };

const HEAD_BYTES = 4096;

/** The first bytes of a gzip file, decompressed (empty when it is not valid gzip). */
const gunzipHead = async (path: string): Promise<string> => {
  const stream = createReadStream(path).pipe(createGunzip());
  const parts: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= HEAD_BYTES) break;
    }
  } catch {
    return '';
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, HEAD_BYTES).toString('utf8');
};

/** The first bytes of a file as text, for `detect` (a gzip file's decompressed, as Arbor BI unloads are). */
const headOf = async (path: string): Promise<string> => {
  const h = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await h.read(buf, 0, HEAD_BYTES, 0);
    if (bytesRead >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) return await gunzipHead(path);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await h.close();
  }
};

const isFile = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** A canonical dataset folder holds schools.csv and marks.csv (an Arbor BI export may hold a schools.csv alone). */
const isDataset = async (dir: string): Promise<boolean> => (await isFile(join(dir, 'schools.csv'))) && (await isFile(join(dir, 'marks.csv')));

/** Files that are never inputs: hidden files and an earlier import's report. */
const skipped = (name: string): boolean => name.startsWith('.') || name === 'import-report.json';

/**
 * Expands the paths into sources, in the order given (folders' contents sorted by name).
 * Throws a SourceReadError when a path cannot be read.
 */
export const expandSources = async (paths: readonly string[], from: string, exclude: string): Promise<ImportSource[]> => {
  const out: ImportSource[] = [];
  const file = async (path: string): Promise<void> => {
    if (from === 'canonical') return void out.push({ _tag: 'unrecognised', path });
    const fixed = IMPORT_ADAPTERS[from];
    if (fixed !== undefined) return void out.push({ _tag: 'adapter', path, adapter: fixed });
    const head = await headOf(path);
    const found = Object.values(IMPORT_ADAPTERS).find((a) => a.detect?.(head) === true);
    out.push(found === undefined ? { _tag: 'unrecognised', path } : { _tag: 'adapter', path, adapter: found });
  };
  const walk = async (path: string): Promise<void> => {
    if (path === exclude) return;
    let s;
    try {
      s = await stat(path);
    } catch (e) {
      throw toSourceReadError(path, e);
    }
    if (!s.isDirectory()) return file(path);
    if ((from === 'canonical' || from === 'auto') && (await isDataset(path))) return void out.push({ _tag: 'canonical', path });
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (e) {
      throw toSourceReadError(path, e);
    }
    for (const n of names) if (!skipped(n)) await walk(join(path, n));
  };
  for (const p of paths) await walk(p);
  return out;
};

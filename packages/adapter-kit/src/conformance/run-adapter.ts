/**
 * Running an adapter the way the kit's laws need: read every raw record, then normalize each,
 * catching anything thrown so a law can report it instead of crashing the suite.
 *
 * @module
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapter, AdapterOptions, Normalized, RawRecord } from '../adapter.js';
import { resolveRecords, type Resolved } from '../adapter.js';

/** A fixture the kit runs the laws on: the files read together, and the options to read them with. */
export interface ConformanceFixture {
  readonly name: string;
  readonly paths: readonly string[];
  readonly options?: AdapterOptions;
}

/** What running an adapter gave: the raw records and, for each, what normalize made of it. */
export interface AdapterRun<R = unknown> {
  readonly raws: readonly RawRecord<R>[];
  readonly normalized: readonly Normalized[];
}

/** Reads all raw records of `paths`. Throws what the adapter throws. */
export const readAll = async <R>(adapter: Adapter<R>, paths: readonly string[], options: AdapterOptions): Promise<RawRecord<R>[]> => {
  const raws: RawRecord<R>[] = [];
  for await (const raw of adapter.read(paths, { options })) raws.push(raw);
  return raws;
};

/** Reads and normalizes `paths`. Throws what the adapter throws. */
export const runAdapter = async <R>(adapter: Adapter<R>, paths: readonly string[], options: AdapterOptions = {}): Promise<AdapterRun<R>> => {
  const raws = await readAll(adapter, paths, options);
  return { raws, normalized: raws.map((r) => adapter.normalize(r, options)) };
};

/** Resolves a run's output, one batch per raw record, sourced by file. */
export const resolveRun = (run: AdapterRun): Resolved =>
  resolveRecords(
    run.raws.map((raw, i) => {
      const n = run.normalized[i] as Normalized;
      return { source: raw.file, records: n.records, read: n.read, rejected: n.rejected, issues: n.issues };
    }),
  );

/** A scratch folder for generated inputs, removed by `dispose`. */
export interface Scratch {
  /** Writes `bytes` to a fresh file named `name` (its extension kept) and returns its path. */
  file(name: string, bytes: Uint8Array | string): Promise<string>;
  dispose(): Promise<void>;
}

/** Opens a scratch folder under the system's temporary directory. */
export const openScratch = async (): Promise<Scratch> => {
  const dir = await mkdtemp(join(tmpdir(), 'attendance-kit-conformance-'));
  let n = 0;
  return {
    async file(name, bytes) {
      n++;
      const path = join(dir, `${n}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
      await writeFile(path, bytes);
      return path;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
};

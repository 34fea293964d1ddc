/**
 * Conformance fixtures from an adapter's fixture folders (the `accepted/*` and `rejected/*`
 * layout of `listFixtures`): every file of a folder except `expected.*` and `golden*` is input.
 *
 * @module
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AdapterOptions } from '../adapter.js';
import { listFixtures } from '../testing.js';
import type { ConformanceFixture } from './run-adapter.js';

const isInput = (name: string): boolean => !/^(expected|golden)/.test(name) && !name.startsWith('.');

/** Input files of a folder, recursively, sorted. */
export const inputFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return inputFiles(p);
      return isInput(n) ? [p] : [];
    });

/**
 * The fixture folders under `root` as conformance fixtures, each read with `options`.
 * @example describeConformance(adapter, { fixtures: fixturesFrom('test/fixtures', { schoolUrn: '100101' }) });
 */
export const fixturesFrom = (root: string, options?: AdapterOptions): ConformanceFixture[] =>
  listFixtures(root).map((f) => ({ name: f.name, paths: inputFiles(f.dir), ...(options === undefined ? {} : { options }) }));

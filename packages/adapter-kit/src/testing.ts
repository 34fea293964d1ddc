/**
 * @attendance-kit/adapter-kit/testing: helpers adapter tests share. Fixture folders (an adapter's
 * input files plus `expected.json`), issue signatures to compare reports with expectations, and
 * byte splitting for "any chunking gives the same result" properties. The vendor conformance kit
 * grows here.
 * @packageDocumentation
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordCounts } from '@attendance-kit/core';
import type { ImportReport } from './report.js';

/**
 * What a fixture folder expects, from its `expected.json`: `issues` as signatures
 * (`file:line code`, see {@link issueSignatures}), and the record counts of each file kind named.
 */
export interface FixtureExpectation {
  readonly issues: readonly string[];
  readonly [kind: string]: RecordCounts | readonly string[];
}

/** One fixture folder. */
export interface Fixture {
  /** `accepted/basic`, `rejected/marks-rows`... */
  readonly name: string;
  readonly dir: string;
  readonly expected: FixtureExpectation;
}

/**
 * The fixture folders under `root/accepted` and `root/rejected` (each holding `expected.json`),
 * sorted by name.
 * @example for (const f of listFixtures('test/fixtures')) test(f.name, async () => { ... });
 */
export const listFixtures = (root: string): Fixture[] =>
  ['accepted', 'rejected'].flatMap((group) => {
    const base = join(root, group);
    let names: string[];
    try {
      names = readdirSync(base).filter((n) => statSync(join(base, n)).isDirectory());
    } catch {
      return [];
    }
    return names.sort().map((n) => ({
      name: `${group}/${n}`,
      dir: join(base, n),
      expected: JSON.parse(readFileSync(join(base, n, 'expected.json'), 'utf8')) as FixtureExpectation,
    }));
  });

/**
 * Every kept issue of a report as `file:line code` (line `-` when none), sorted: a compact form
 * to compare with a fixture's expectation.
 * @example issueSignatures(report) // ['marks.csv:4 canonical/bad-date']
 */
export const issueSignatures = (report: ImportReport): string[] =>
  report.files
    .flatMap((f) => f.issues.map((i) => `${i.file ?? f.file}:${i.line ?? '-'} ${i.code}`))
    .sort();

/** The record counts of each file kind of a report, e.g. `{ marks: { read: 3, ... } }`. */
export const countsByKind = (report: ImportReport): Record<string, RecordCounts> =>
  Object.fromEntries(report.files.map((f) => [f.kind, f.counts]));

/**
 * Splits bytes at the given positions (any order, duplicates and out-of-range ones allowed), for
 * properties saying that chunk boundaries do not change a streaming reader's result.
 * @example splitBytes(new Uint8Array([1, 2, 3]), [1]) // [Uint8Array [1], Uint8Array [2, 3]]
 */
export const splitBytes = (bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] => {
  const at = [...new Set(cuts.map((c) => Math.max(0, Math.min(bytes.length, Math.floor(c)))))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
};
export * from './conformance/index.js';

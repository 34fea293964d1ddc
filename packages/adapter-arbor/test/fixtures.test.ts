import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyAdapter } from '@attendance-kit/adapter-kit';
import type { RecordCounts } from '@attendance-kit/core';
import { fixturesFrom, listFixtures, resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { arborAdapter, arborBiAdapter } from '../src/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Options of the REST fixtures (REST entities name no school). */
export const REST_OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'primary' } as const;

interface Golden {
  readonly schools: readonly unknown[];
  readonly pupils: readonly unknown[];
  readonly marks: readonly unknown[];
}

const total = (counts: Iterable<RecordCounts>): RecordCounts =>
  [...counts].reduce((a, c) => ({ read: a.read + c.read, accepted: a.accepted + c.accepted, superseded: a.superseded + c.superseded, rejected: a.rejected + c.rejected }), { read: 0, accepted: 0, superseded: 0, rejected: 0 });

const suite = (adapter: AnyAdapter, root: string, options: typeof REST_OPTIONS | Record<string, never>): void => {
  const inputs = new Map(fixturesFrom(root, options).map((f) => [f.name, f.paths]));
  describe(`${adapter.id} fixtures (accepted: golden canonical output checked by hand; rejected: expected issue codes)`, () => {
    for (const fixture of listFixtures(root)) {
      it(`${fixture.name}: counts and issues as expected`, async () => {
        const run = await runAdapter(adapter, inputs.get(fixture.name) ?? [], options);
        const resolved = resolveRun(run);
        const got = [...resolved.issues.values()].flat().map((i) => `${basename(i.file ?? '')}:${i.line ?? '-'} ${i.code}`).sort();
        expect(got).toEqual(fixture.expected.issues);
        expect(total(resolved.counts.values())).toEqual(fixture.expected['counts'] as RecordCounts);
        if (fixture.name.startsWith('accepted/')) {
          const golden = JSON.parse(readFileSync(join(fixture.dir, 'golden.json'), 'utf8')) as Golden;
          expect(resolved.schools).toEqual(golden.schools);
          expect(resolved.pupils).toEqual(golden.pupils);
          expect(resolved.marks).toEqual(golden.marks);
        }
      });
    }
  });
};

suite(arborAdapter, join(HERE, 'fixtures', 'rest'), REST_OPTIONS);
suite(arborBiAdapter, join(HERE, 'fixtures', 'bi'), {});

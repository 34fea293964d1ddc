import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordCounts } from '@attendance-kit/core';
import { fixturesFrom, listFixtures, resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { simsAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;

interface Golden {
  readonly schools: readonly unknown[];
  readonly pupils: readonly unknown[];
  readonly marks: readonly unknown[];
}

const inputs = new Map(fixturesFrom(ROOT, OPTIONS).map((f) => [f.name, f.paths]));

describe('SIMS fixtures (accepted: golden canonical output checked by hand; rejected: expected issue codes)', () => {
  for (const fixture of listFixtures(ROOT)) {
    it(`${fixture.name}: counts and issues as expected`, async () => {
      const run = await runAdapter(simsAdapter, inputs.get(fixture.name) ?? [], OPTIONS);
      const resolved = resolveRun(run);
      const counts = [...resolved.counts.values()].reduce((a, c) => ({ read: a.read + c.read, accepted: a.accepted + c.accepted, superseded: a.superseded + c.superseded, rejected: a.rejected + c.rejected }), { read: 0, accepted: 0, superseded: 0, rejected: 0 });
      expect(counts).toEqual(fixture.expected['counts'] as RecordCounts);
      const got = [...resolved.issues.values()].flat().map((i) => `${basename(i.file ?? '')}:${i.line ?? '-'} ${i.code}`).sort();
      expect(got).toEqual(fixture.expected.issues);
      if (fixture.name.startsWith('accepted/')) {
        const golden = JSON.parse(readFileSync(join(fixture.dir, 'golden.json'), 'utf8')) as Golden;
        expect(resolved.schools).toEqual(golden.schools);
        expect(resolved.pupils).toEqual(golden.pupils);
        expect(resolved.marks).toEqual(golden.marks);
      }
    });
  }
});

import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordCounts } from '@attendance-kit/core';
import { fixturesFrom, listFixtures, resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { ctfAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const OPTIONS = { schoolUrn: '100101', phase: 'primary' } as const;

interface Golden {
  readonly schools: readonly unknown[];
  readonly pupils: readonly unknown[];
  readonly marks: readonly (readonly [string, string, string, string])[];
}

const inputs = new Map(fixturesFrom(ROOT, OPTIONS).map((f) => [f.name, f.paths]));

describe('CTF fixtures (accepted: golden canonical output checked by hand; rejected: expected issue codes)', () => {
  for (const fixture of listFixtures(ROOT)) {
    it(`${fixture.name}: counts and issues as expected`, async () => {
      const run = await runAdapter(ctfAdapter, inputs.get(fixture.name) ?? [], OPTIONS);
      const resolved = resolveRun(run);
      const counts = [...resolved.counts.values()][0];
      expect(counts).toEqual(fixture.expected['counts'] as RecordCounts);
      const got = [...resolved.issues.values()].flat().map((i) => `${basename(i.file ?? '')}:${i.line ?? '-'} ${i.code}`).sort();
      const want = fixture.expected.issues;
      expect(got.map((s, k) => (want[k]?.includes(':? ') === true ? s.replace(/:\d+ /, ':? ') : s))).toEqual(want);
      if (fixture.name.startsWith('accepted/')) {
        const golden = JSON.parse(readFileSync(join(fixture.dir, 'golden.json'), 'utf8')) as Golden;
        expect(resolved.schools).toEqual(golden.schools);
        expect(resolved.pupils).toEqual(golden.pupils);
        expect(resolved.marks).toEqual(golden.marks.map(([pupilId, date, session, code]) => ({ schoolUrn: OPTIONS.schoolUrn, pupilId, date, session, code })));
      }
    });
  }
});

import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordCounts } from '@attendance-kit/core';
import { fixturesFrom, listFixtures, resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { wondeAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
/** Options the fixtures are read with: a folder without a school object takes its school from them. */
export const OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'primary' } as const;

interface Golden {
  readonly schools: readonly unknown[];
  readonly pupils: readonly unknown[];
  readonly marks: readonly Record<string, unknown>[];
}

const inputs = new Map(fixturesFrom(ROOT, OPTIONS).map((f) => [f.name, f.paths]));

const total = (counts: Iterable<RecordCounts>): RecordCounts =>
  [...counts].reduce((a, c) => ({ read: a.read + c.read, accepted: a.accepted + c.accepted, superseded: a.superseded + c.superseded, rejected: a.rejected + c.rejected }), { read: 0, accepted: 0, superseded: 0, rejected: 0 });

describe('Wonde fixtures (accepted: golden canonical output checked by hand; rejected: expected issue codes)', () => {
  for (const fixture of listFixtures(ROOT)) {
    it(`${fixture.name}: counts and issues as expected`, async () => {
      const run = await runAdapter(wondeAdapter, inputs.get(fixture.name) ?? [], OPTIONS);
      const resolved = resolveRun(run);
      expect(total(resolved.counts.values())).toEqual(fixture.expected['counts'] as RecordCounts);
      const got = [...resolved.issues.values()].flat().map((i) => `${basename(i.file ?? '')}:${i.line ?? '-'} ${i.code}`).sort();
      expect(got).toEqual(fixture.expected.issues);
      if (fixture.name.startsWith('accepted/')) {
        const golden = JSON.parse(readFileSync(join(fixture.dir, 'golden.json'), 'utf8')) as Golden;
        expect(resolved.schools).toEqual(golden.schools);
        expect(resolved.pupils).toEqual(golden.pupils);
        expect(resolved.marks).toEqual(golden.marks.map((m) => ({ schoolUrn: OPTIONS.schoolUrn, ...m })));
      }
    });
  }

  it('accepted/basic: the result does not depend on the order the files are read in (marks before codes, or after)', async () => {
    const paths = inputs.get('accepted/basic') ?? [];
    const forward = resolveRun(await runAdapter(wondeAdapter, paths, OPTIONS));
    const backward = resolveRun(await runAdapter(wondeAdapter, [...paths].reverse(), OPTIONS));
    expect(backward.marks).toEqual(forward.marks);
    expect(backward.pupils).toEqual(forward.pupils);
    expect(forward.marks).toHaveLength(8);
  });

  it('accepted/basic: one marks page read alone still finds its codes and school in its folder', async () => {
    const page = (inputs.get('accepted/basic') ?? []).find((p) => basename(p) === 'a-session-2.json') as string;
    const resolved = resolveRun(await runAdapter(wondeAdapter, [page], {}));
    expect(resolved.marks.map((m) => `${m.pupilId} ${m.date} ${m.session} ${m.code}`)).toEqual([
      'A2000000002 2024-09-10 AM C1',
      'A3000000003 2024-09-09 AM I',
      'A3000000003 2024-09-13 PM #',
    ]);
    expect([...resolved.issues.values()].flat()).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturesFrom, listFixtures, resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { tallyAdapter } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const OPTIONS = { laCode: '926', phase: 'secondary' } as const;
const inputs = new Map(fixturesFrom(ROOT, OPTIONS).map((f) => [f.name, f.paths]));

interface Golden {
  readonly schools: readonly unknown[];
  readonly pupils: readonly unknown[];
  readonly marks: readonly (readonly [string, string, string, string])[];
}

const markKey = (m: { pupilId: string; date: string; session: string }): string => `${m.pupilId} ${m.date} ${m.session}`;

describe('Tally fixtures (golden output written by hand from the CSV; rejected rows with their codes)', () => {
  for (const fixture of listFixtures(ROOT)) {
    it(`${fixture.name}: counts, issues and records as expected`, async () => {
      const resolved = resolveRun(await runAdapter(tallyAdapter, inputs.get(fixture.name) ?? [], OPTIONS));
      const total = { read: 0, accepted: 0, superseded: 0, rejected: 0 };
      for (const c of resolved.counts.values()) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
      expect(total).toEqual(fixture.expected['counts']);
      const issues = [...resolved.issues.values()].flat().map((i) => `${basename(i.file ?? '')}:${i.line ?? '-'} ${i.code}`).sort();
      expect(issues).toEqual(fixture.expected.issues);
      if (fixture.name.startsWith('accepted/')) {
        const golden = JSON.parse(readFileSync(join(fixture.dir, 'golden.json'), 'utf8')) as Golden;
        expect(resolved.schools).toEqual(golden.schools);
        expect(resolved.pupils).toEqual(golden.pupils);
        const want = golden.marks.map(([pupilId, date, session, code]) => ({ schoolUrn: '100101', pupilId, date, session, code }));
        expect([...resolved.marks].sort((a, b) => markKey(a).localeCompare(markKey(b)))).toEqual(want);
      }
    });
  }
});

describe('Tally adapter messages', () => {
  it('names the flag a missing LA code needs, so the CLI can exit 2 with it', async () => {
    const run = await runAdapter(tallyAdapter, inputs.get('accepted/basic') ?? [], { phase: 'primary' });
    const codes = new Set(run.normalized.flatMap((n) => n.issues.map((i) => i.code)));
    expect([...codes]).toEqual(['tally/missing-la-code']);
    expect(tallyAdapter.needsOption?.['tally/missing-la-code']).toBe('laCode');
  });
  it('rejects a code with no statutory meaning by name, and J after 19 August 2024', () => {
    const n = tallyAdapter.normalize({ file: 'f.csv', line: 7, data: { cells: ['100101', 'A123456789012', '7', '09/09/2024', 'J', 'ZZ'] } }, OPTIONS);
    expect(n.issues.map((i) => i.message)).toEqual(['AM mark "J" is not a statutory register code on 2024-09-09', 'PM mark "ZZ" is not a statutory register code on 2024-09-09']);
    expect({ read: n.read, rejected: n.rejected, records: n.records.length }).toEqual({ read: 4, rejected: 2, records: 2 });
  });
  it('recognises its files for --from auto, and nothing else', () => {
    expect(tallyAdapter.detect?.(`\uFEFF${'urn,upn,year,date,am,pm'}\n100101,...`)).toBe(true);
    expect(tallyAdapter.detect?.('school_urn,la_code,phase\n')).toBe(false);
    expect(tallyAdapter.detect?.('<?xml version="1.0"?><CTfile>')).toBe(false);
  });
});

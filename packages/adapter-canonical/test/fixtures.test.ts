import { fileURLToPath } from 'node:url';
import { countsByKind, issueSignatures, listFixtures } from '@attendance-kit/adapter-kit/testing';
import { describe, expect, test } from 'vitest';
import { readCanonicalDataset } from '../src/index.js';

const root = fileURLToPath(new URL('./fixtures', import.meta.url));
const fixtures = listFixtures(root);

describe('canonical fixtures: each folder gives the expected counts and issue codes', () => {
  test('there are accepted and rejected fixtures', () => {
    expect(fixtures.some((f) => f.name.startsWith('accepted/'))).toBe(true);
    expect(fixtures.some((f) => f.name.startsWith('rejected/'))).toBe(true);
  });
  for (const f of fixtures) {
    test(f.name, async () => {
      const { report, marks } = await readCanonicalDataset(f.dir);
      const counts = countsByKind(report);
      for (const [kind, want] of Object.entries(f.expected)) if (kind !== 'issues') expect(counts[kind], kind).toEqual(want);
      expect(issueSignatures(report)).toEqual([...f.expected.issues].sort());
      expect(marks).toEqual(counts['marks']);
    });
  }
});

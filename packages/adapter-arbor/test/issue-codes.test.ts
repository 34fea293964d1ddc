import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { arborAdapter, arborBiAdapter } from '../src/index.js';

const README = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md'), 'utf8');

describe('issue codes', () => {
  it("the README's table lists exactly the codes the two adapters declare", () => {
    const listed = [...README.matchAll(/^\| `((?:arbor|arbor-bi)\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual([...Object.keys(arborAdapter.issueCodes), ...Object.keys(arborBiAdapter.issueCodes)].sort());
  });
  it('each adapter names the options it needs for the school', () => {
    expect(arborAdapter.needsOption).toEqual({ 'arbor/missing-school-urn': 'schoolUrn', 'arbor/missing-la-code': 'laCode', 'arbor/missing-phase': 'phase' });
    expect(arborBiAdapter.needsOption).toEqual({ 'arbor-bi/missing-school-urn': 'schoolUrn', 'arbor-bi/missing-la-code': 'laCode', 'arbor-bi/missing-phase': 'phase' });
  });
});

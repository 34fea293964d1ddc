// Every issue code an import adapter may raise is documented where a user looks it up: in
// docs/issue-codes.md or in the adapter package's README (which docs/issue-codes.md links).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOLVE_ISSUE_CODES } from '@attendance-kit/adapter-kit';
import { describe, expect, it } from 'vitest';
import { IMPORT_ADAPTERS } from '../src/commands/import-sources.js';
import { REPO_ROOT } from './run-cli.js';

const DOCS = readFileSync(join(REPO_ROOT, 'docs/issue-codes.md'), 'utf8');
const PACKAGE_OF: Readonly<Record<string, string>> = { 'arbor-bi': 'arbor' };

describe('issue codes are documented', () => {
  for (const [id, adapter] of Object.entries(IMPORT_ADAPTERS)) {
    it(`${id}: each declared code is in docs/issue-codes.md or packages/adapter-${PACKAGE_OF[id] ?? id}/README.md`, () => {
      const readme = readFileSync(join(REPO_ROOT, 'packages', `adapter-${PACKAGE_OF[id] ?? id}`, 'README.md'), 'utf8');
      const missing = Object.keys(adapter.issueCodes).filter((code) => !DOCS.includes(`\`${code}\``) && !readme.includes(`\`${code}\``));
      expect(missing).toEqual([]);
    });
  }
  it('the merge\'s own codes are in docs/issue-codes.md', () => {
    expect(Object.keys(RESOLVE_ISSUE_CODES).filter((code) => !DOCS.includes(`\`${code}\``))).toEqual([]);
  });
});

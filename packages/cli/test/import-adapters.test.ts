// Every adapter's accepted fixture through `attendance import`, by name and by `--from auto`: the
// dataset written is the same either way, and the import report's counts are the fixture's own
// expected.json counts (checked by hand in each adapter package).
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli.js';

interface Case {
  readonly from: string;
  readonly fixture: string;
  readonly options: readonly string[];
}

const OPTIONS = ['--school-urn', '100101', '--la-code', '926'];
const CASES: readonly Case[] = [
  { from: 'ctf', fixture: 'packages/adapter-ctf/test/fixtures/accepted/pre-ctf24', options: [...OPTIONS, '--phase', 'primary'] },
  { from: 'bromcom', fixture: 'packages/adapter-bromcom/test/fixtures/accepted/basic', options: [...OPTIONS, '--phase', 'secondary'] },
  { from: 'wonde', fixture: 'packages/adapter-wonde/test/fixtures/accepted/basic', options: [...OPTIONS, '--phase', 'primary'] },
  { from: 'arbor', fixture: 'packages/adapter-arbor/test/fixtures/rest/accepted/basic', options: [...OPTIONS, '--phase', 'primary'] },
  { from: 'arbor-bi', fixture: 'packages/adapter-arbor/test/fixtures/bi/accepted/basic', options: [...OPTIONS, '--phase', 'secondary'] },
  { from: 'sims', fixture: 'packages/adapter-sims/test/fixtures/accepted/basic', options: [...OPTIONS, '--phase', 'secondary'] },
];

type Counts = { read: number; accepted: number; superseded: number; rejected: number };
interface ImportReportJson {
  readonly files: readonly { readonly file: string; readonly kind: string; readonly counts: Counts }[];
}

/** The fixture's input files (not expected*.json / golden*.json) in a fresh folder of their own. */
const inputsOf = (fixture: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'import-adapters-'));
  for (const name of readdirSync(join(REPO_ROOT, fixture))) {
    if (!/^(expected|golden)/.test(name)) cpSync(join(REPO_ROOT, fixture, name), join(dir, name));
  }
  return dir;
};

const total = (report: ImportReportJson): Counts =>
  report.files.reduce((a, f) => ({ read: a.read + f.counts.read, accepted: a.accepted + f.counts.accepted, superseded: a.superseded + f.counts.superseded, rejected: a.rejected + f.counts.rejected }), { read: 0, accepted: 0, superseded: 0, rejected: 0 });

const datasetFiles = (ds: string): string[] => ['schools.csv', 'pupils.csv', 'marks.csv'].map((f) => readFileSync(join(ds, f), 'utf8'));

describe('attendance import: each adapter by name and by --from auto', () => {
  for (const c of CASES) {
    it(`${c.from}: the same dataset either way, with the fixture's counts`, async () => {
      const inputs = inputsOf(c.fixture);
      const out = mkdtempSync(join(tmpdir(), 'import-adapters-out-'));
      const named = await runCli(['import', '--from', c.from, inputs, '--out', join(out, 'named'), ...c.options]);
      expect(named.stderr).not.toMatch(/unrecognised|not recognised/);
      expect(named.code).toBe(0);
      const auto = await runCli(['import', '--from', 'auto', inputs, '--out', join(out, 'auto'), ...c.options]);
      expect(auto.code).toBe(0);
      const expected = JSON.parse(readFileSync(join(REPO_ROOT, c.fixture, 'expected.json'), 'utf8')) as { counts: Counts };
      const namedReport = JSON.parse(readFileSync(join(out, 'named', 'import-report.json'), 'utf8')) as ImportReportJson;
      const autoReport = JSON.parse(readFileSync(join(out, 'auto', 'import-report.json'), 'utf8')) as ImportReportJson;
      expect(total(namedReport)).toEqual(expected.counts);
      expect(total(autoReport)).toEqual(expected.counts);
      expect(autoReport.files.map((f) => f.kind)).toEqual(namedReport.files.map((f) => f.kind));
      expect(new Set(autoReport.files.map((f) => f.kind))).toEqual(new Set([c.from]));
      expect(datasetFiles(join(out, 'auto'))).toEqual(datasetFiles(join(out, 'named')));
      expect(datasetFiles(join(out, 'named'))[2]?.split('\n').length).toBeGreaterThan(2);
    });
  }
});

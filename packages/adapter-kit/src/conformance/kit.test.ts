import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from './run.js';
import { describeConformance } from './describe.js';
import { leakyAdapter, mutatingAdapter, throwingAdapter, toyAdapter, undeclaredAdapter } from './toy-adapter.test-helper.js';
import { resolveRecords, type CanonicalRecord } from '../adapter.js';

const dir = mkdtempSync(join(tmpdir(), 'kit-test-'));
const good = join(dir, 'good.txt');
writeFileSync(good, '100101,P1,2024-09-02,AM,/\n100101,P1,2024-09-02,PM,\\\n100101,P2,2024-09-02,AM,I\n');
const mixed = join(dir, 'mixed.txt');
writeFileSync(mixed, '100101,P1,2024-09-03,AM,/\nnot a mark\n100101,P1,2024-09-03,AM,N\n');
const fixtures = [
  { name: 'good', paths: [good] },
  { name: 'mixed', paths: [mixed] },
];

describeConformance(toyAdapter, { fixtures, numRuns: 30, reportPath: join(dir, 'report.json') });

describe('the kit fails adapters that break a law', () => {
  const failing = async (adapter: typeof toyAdapter, law: string): Promise<string[]> => {
    const report = await runConformance(adapter, { fixtures, numRuns: 30, laws: [law], seed: 1 });
    return report.laws.filter((l) => !l.passed).map((l) => l.id);
  };
  it('an adapter that throws on a bad line fails [CONF-1]', async () => {
    expect(await failing(throwingAdapter, 'CONF-1')).toEqual(['CONF-1']);
  });
  it('an adapter that raises an undeclared code fails [CONF-5]', async () => {
    expect(await failing(undeclaredAdapter, 'CONF-5')).toEqual(['CONF-5']);
  });
  it('an adapter that writes into its input fails [CONF-3]', async () => {
    expect(await failing(mutatingAdapter, 'CONF-3')).toEqual(['CONF-3']);
  });
  it('an adapter that loses rejected records from its counts fails [CONF-8]', async () => {
    expect(await failing(leakyAdapter, 'CONF-8')).toEqual(['CONF-8']);
  });
  it('the toy adapter passes every law and the JSON report written says so', async () => {
    const reportPath = join(dir, 'run-report.json');
    const report = await runConformance(toyAdapter, { fixtures, numRuns: 20, reportPath });
    expect(report.passed).toBe(true);
    expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toEqual(report);
    expect(report.laws.map((l) => l.id)).toEqual(['CONF-1', 'CONF-2', 'CONF-3', 'CONF-4', 'CONF-5', 'CONF-6', 'CONF-7', 'CONF-8']);
  });
});

describe('resolveRecords (the version rule)', () => {
  const mark = (code: string, recordedAt?: string): CanonicalRecord =>
    ({ _tag: 'mark', mark: { schoolUrn: '100101', pupilId: 'P1', date: '2024-09-02', session: 'AM', code, ...(recordedAt === undefined ? {} : { recordedAt }) } }) as CanonicalRecord;
  it('the later version wins when neither has a recordedAt, and the earlier is superseded in its own source', () => {
    const r = resolveRecords([
      { source: 'a', records: [mark('/')], read: 1, rejected: 0, issues: [] },
      { source: 'b', records: [mark('I')], read: 2, rejected: 1, issues: [] },
    ]);
    expect(r.marks.map((m) => m.code)).toEqual(['I']);
    expect(r.counts.get('a')).toEqual({ read: 1, accepted: 0, superseded: 1, rejected: 0 });
    expect(r.counts.get('b')).toEqual({ read: 2, accepted: 1, superseded: 0, rejected: 1 });
  });
  it('a later recordedAt wins whatever the order', () => {
    const r = resolveRecords([
      { source: 'a', records: [mark('N', '2024-09-05T10:00:00Z')], read: 1, rejected: 0, issues: [] },
      { source: 'b', records: [mark('I', '2024-09-03')], read: 1, rejected: 0, issues: [] },
    ]);
    expect(r.marks.map((m) => m.code)).toEqual(['N']);
  });
  it('a conflicting duplicate pupil is kept as the later one with a warning', () => {
    const pupil = (yearGroup: string): CanonicalRecord =>
      ({ _tag: 'pupil', pupil: { schoolUrn: '100101', pupilId: 'P1', yearGroup, enrolmentStatus: 'C' } }) as CanonicalRecord;
    const r = resolveRecords([{ source: 'a', records: [pupil('3'), pupil('4')], read: 2, rejected: 0, issues: [] }]);
    expect(r.pupils.map((p) => p.yearGroup)).toEqual(['4']);
    expect(r.issues.get('a')?.map((i) => i.code)).toEqual(['adapter/conflicting-duplicate']);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { REPO_ROOT_FOR_TESTS } from './paths.js';
import { phaseOf, wondeAdapter, wondeDate, wondeDateTime, yearGroupOf } from '../src/index.js';

const folder = (files: Record<string, string | Uint8Array>): string[] => {
  const dir = mkdtempSync(join(tmpdir(), 'wonde-'));
  return Object.entries(files).map(([name, body]) => {
    writeFileSync(join(dir, name), body);
    return join(dir, name);
  });
};

const CODES = JSON.stringify({ data: [{ id: 'A100', code: '/', description: 'Present AM' }, { id: 'A101', code: 'I', description: 'Illness' }] });
const SCHOOL = JSON.stringify({ data: { id: 'A1', urn: '100101', la_code: '926', phase_of_education: 'SECONDARY', name: 'High' } });
const mark = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ student: 'A7', date: '2024-09-09', session: 'AM', attendance_code: 'A100', ...extra });

const runFolder = async (files: Record<string, string | Uint8Array>, options = {}) => resolveRun(await runAdapter(wondeAdapter, folder(files), options));
const codesOf = (r: Awaited<ReturnType<typeof runFolder>>): string[] => [...r.issues.values()].flat().map((i) => i.code).sort();

describe('Wonde dates (reference/mis-formats.md §2.3)', () => {
  it('reads date objects, plain dates and UK dates as the calendar date in England', () => {
    expect(wondeDate({ date: '2024-09-09 00:00:00.000000', timezone_type: 3, timezone: 'Europe/London' })).toBe('2024-09-09');
    expect(wondeDate('2024-09-09')).toBe('2024-09-09');
    expect(wondeDate('09/09/2024')).toBe('2024-09-09');
    // A BST midnight written in UTC is 23:00 the day before; in winter midnight is midnight.
    expect(wondeDate({ date: '2024-09-08 23:00:00.000000', timezone_type: 3, timezone: 'UTC' })).toBe('2024-09-09');
    expect(wondeDate({ date: '2024-12-08 23:00:00.000000', timezone_type: 3, timezone: 'UTC' })).toBe('2024-12-08');
    expect(wondeDate('2024-02-30')).toBeUndefined();
    expect(wondeDate('next monday')).toBeUndefined();
  });

  it('reads timestamps as UTC instants, shifting London summer time by an hour, and never guesses an unknown zone', () => {
    expect(wondeDateTime({ date: '2024-09-09 08:50:00.000000', timezone_type: 3, timezone: 'Europe/London' })).toBe('2024-09-09T07:50:00Z');
    expect(wondeDateTime({ date: '2024-01-09 08:50:00.000000', timezone_type: 3, timezone: 'Europe/London' })).toBe('2024-01-09T08:50:00Z');
    expect(wondeDateTime({ date: '2024-09-09 08:50:00.000000', timezone_type: 3, timezone: 'UTC' })).toBe('2024-09-09T08:50:00Z');
    expect(wondeDateTime({ date: '2024-09-09 08:50:00.000000', timezone_type: 1, timezone: '+02:00' })).toBe('2024-09-09T06:50:00Z');
    expect(wondeDateTime({ date: '2024-09-09 08:50:00.000000', timezone_type: 3, timezone: 'America/New_York' })).toBeUndefined();
  });
});

describe('Wonde fields', () => {
  it('maps NC years and phases, and leaves what is not one unknown', () => {
    expect(['R', 'Year 10', '07', 'N1', 'Nursery 2', '14'].map(yearGroupOf)).toEqual(['R', '10', '7', 'N1', 'N2', '14']);
    expect(['0', '15', 'Girls Reception', 'X'].map(yearGroupOf)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['PRIMARY', 'SECONDARY', 'ALL THROUGH', 'NURSERY', 'SPECIAL', '16 PLUS', 'NOT APPLICABLE'].map(phaseOf)).toEqual(['primary', 'secondary', 'all-through', 'nursery', 'special', 'other', undefined]);
  });
});

describe('Wonde adapter', () => {
  it('takes the school from its object: URN, LA code, phase and name', async () => {
    const r = await runFolder({ 'school.json': SCHOOL });
    expect(r.schools).toEqual([{ urn: '100101', laCode: '926', phase: 'secondary', name: 'High' }]);
  });

  it('fills what the school object lacks from the options, and warns where an option differs from it', async () => {
    const r = await runFolder({ 'school.json': JSON.stringify({ data: { urn: 100101, la_code: '10000', phase_of_education: 'NOT APPLICABLE' } }) }, { laCode: '926', phase: 'special', schoolUrn: '100102' });
    expect(r.schools).toEqual([{ urn: '100101', laCode: '926', phase: 'special' }]);
    expect(codesOf(r)).toEqual(['wonde/option-differs']);
  });

  it('without a school object or options, asks for --school-urn, --la-code and --phase (needsOption) and rejects the rows', async () => {
    const r = await runFolder({ 'codes.json': CODES, 'session.json': JSON.stringify({ data: [mark()] }) });
    expect(r.marks).toEqual([]);
    const needed = new Set([...r.issues.values()].flat().map((i) => wondeAdapter.needsOption?.[i.code]).filter((x) => x !== undefined));
    expect(needed).toEqual(new Set(['schoolUrn', 'laCode', 'phase']));
    const c = [...r.counts.values()].reduce((a, x) => a + x.rejected, 0);
    expect(c).toBe(3); // the school of each of the two pages, and the mark
  });

  it('reads a mark whose code object is included inline, without an attendance-codes page', async () => {
    const r = await runFolder({ 'school.json': SCHOOL, 's.json': JSON.stringify({ data: [mark({ attendance_code: { data: { id: 'Z1', code: 'L', description: 'Late' } }, minutes_late: 7 })] }) });
    expect(r.marks).toEqual([{ schoolUrn: '100101', pupilId: 'A7', date: '2024-09-09', session: 'AM', code: 'L', minutesLate: 7 }]);
  });

  it('rejects a local code with no statutory mapping by name, and maps one that gives its statutory code', async () => {
    const codes = JSON.stringify({ data: [{ id: 'L7', code: '7', description: 'Covid shielding' }, { id: 'L8', code: 'Ill', description: 'Ill', statutory_code: 'I' }] });
    const r = await runFolder({ 'school.json': SCHOOL, 'codes.json': codes, 's.json': JSON.stringify({ data: [mark({ attendance_code: 'L7' }), mark({ session: 'PM', attendance_code: 'L8' })] }) });
    expect(r.marks.map((m) => `${m.session} ${m.code}`)).toEqual(['PM I']);
    const messages = [...r.issues.values()].flat().filter((i) => i.code === 'wonde/no-statutory-mapping').map((i) => i.message);
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.includes('"7" (Covid shielding) [id L7]'))).toBe(true);
  });

  it('keeps keys like __proto__ and constructor as plain data', async () => {
    const page = `{"data":[{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"student":"A7","date":"2024-09-09","session":"AM","attendance_code":"A100"}]}`;
    const r = await runFolder({ 'school.json': SCHOOL, 'codes.json': CODES, 'p.json': page });
    expect(r.marks).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads a UTF-16 page (byte-order mark) as it reads UTF-8', async () => {
    const text = JSON.stringify({ data: [mark()] });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const r = await runFolder({ 'school.json': SCHOOL, 'codes.json': CODES, 'p.json': utf16 });
    expect(r.marks.map((m) => m.code)).toEqual(['/']);
  });

  it('reports a marks page of a paginated export whose next page is not saved', async () => {
    const page = JSON.stringify({ data: [mark()], meta: { pagination: { next: 'https://api.wonde.com/v1.0/schools/A1/attendance/session?page=2', more: true, current_page: 1, per_page: 1 } } });
    const r = await runFolder({ 'school.json': SCHOOL, 'codes.json': CODES, 'p1.json': page });
    const issue = [...r.issues.values()].flat().find((i) => i.code === 'wonde/missing-page');
    expect(issue?.message).toBe('page 1 of attendance/session says a next page follows, but no file in its folder holds page 2: the export looks incomplete');
  });

  it('sees its folder change between two reads (a codes page rewritten with another mapping, then the school object removed)', async () => {
    const [school, codes, page] = folder({ 'school.json': SCHOOL, 'codes.json': CODES, 'p.json': JSON.stringify({ data: [mark()] }) }) as [string, string, string];
    const read = async (): Promise<string[]> => resolveRun(await runAdapter(wondeAdapter, [page], { laCode: '926', phase: 'primary' })).marks.map((m) => `${m.schoolUrn} ${m.code}`);
    expect(await read()).toEqual(['100101 /']);
    writeFileSync(codes, JSON.stringify({ data: [{ id: 'A100', code: 'N', description: 'No reason yet (changed)' }] }));
    expect(await read()).toEqual(['100101 N']);
    rmSync(school);
    expect(await read()).toEqual([]);
  });

  it('detects Wonde pages, and no other format among the other adapters\' fixtures', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    const packages = join(REPO_ROOT_FOR_TESTS, 'packages');
    const others = readdirSync(packages)
      .filter((p) => p.startsWith('adapter-') && p !== 'adapter-wonde')
      .flatMap((p) => {
        try {
          return files(join(packages, p, 'test', 'fixtures'));
        } catch {
          return [];
        }
      });
    expect(others.length).toBeGreaterThan(10);
    const head = (p: string): string => readFileSync(p).subarray(0, 4096).toString('utf8');
    expect(others.filter((p) => wondeAdapter.detect?.(head(p)) === true).map((p) => relative(packages, p))).toEqual([]);
    const ours = files(join(REPO_ROOT_FOR_TESTS, 'packages/adapter-wonde/test/fixtures/accepted/basic')).filter((p) => !/(expected|golden)/.test(p));
    expect(ours.map((p) => wondeAdapter.detect?.(head(p)))).toEqual(ours.map(() => true));
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { companionBuilder, decodeName, normalizeSims, rawRecordsOf, reportDate, simsAdapter, yearGroupOf } from '../src/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGES = join(HERE, '..', '..');
const OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : /^(expected|golden)/.test(n) ? [] : [p];
  });

describe('detect', () => {
  it("recognises each of SIMS's files by content, and none of the other adapters' fixtures", () => {
    const others = readdirSync(PACKAGES)
      .filter((p) => p !== 'adapter-sims')
      .flatMap((p) => {
        try {
          return filesUnder(join(PACKAGES, p, 'test', 'fixtures'));
        } catch {
          return [];
        }
      });
    expect(others.length).toBeGreaterThan(5);
    const head = (f: string): string => readFileSync(f).subarray(0, 4096).toString('latin1');
    expect(others.filter((f) => simsAdapter.detect?.(head(f))).map((f) => relative(PACKAGES, f))).toEqual([]);
    const own = filesUnder(join(HERE, 'fixtures')).filter((f) => !f.includes('not-sims'));
    expect(own.filter((f) => simsAdapter.detect?.(head(f)) !== true).map((f) => relative(HERE, f))).toEqual([]);
  });
});

describe('Report Designer captions and values', () => {
  it('decodes _xHHHH_ escapes in element names', () => {
    expect(decodeName('Legal_x0020_Surname')).toBe('Legal Surname');
    expect(decodeName('Year_x0020_of_x0020_entry')).toBe('Year of entry');
    expect(decodeName('Attendance_x0020__x0025_')).toBe('Attendance %');
  });
  it('reads SIMS year captions and UK dates', () => {
    expect(['Year  7', 'Year 11', 'Reception', 'R', 'N2', 'Nursery 1', '07', 'Staff'].map(yearGroupOf)).toEqual(['7', '11', 'R', 'R', 'N2', 'N1', '7', undefined]);
    expect(['14/03/2013', '2013-03-14', '2013-03-14T00:00:00', '31/02/2013', '3/4/2013', '2013.03.14'].map(reportDate)).toEqual(['2013-03-14', '2013-03-14', '2013-03-14', undefined, '2013-04-03', undefined]);
  });
});

describe('safety', () => {
  const lists = (): ReturnType<ReturnType<typeof companionBuilder>['finish']> => {
    const b = companionBuilder();
    b.addCodeList();
    b.addCode({ SIMS_Display_Code: '/', Statutory_Return_Code: '/' });
    b.addStudentList();
    b.addStudent({ ID: '1', UPN: 'A123456789012' });
    return b.finish();
  };
  it('a billion-laughs file and an external entity are refused at the DOCTYPE; nothing is read', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE SessionAttendances [<!ENTITY l0 "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]><SessionAttendances><SessionAttendance><PersonID>&l9;</PersonID></SessionAttendance></SessionAttendances>`;
    const xxe = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><SuperStarReport><Record><UPN>&e;</UPN></Record></SuperStarReport>';
    for (const doc of [bomb, xxe]) {
      const raws = rawRecordsOf('x.xml', lists(), enc(doc));
      expect(raws.map((r) => (r.data._tag === 'problem' ? r.data.code : r.data._tag))).toEqual(['sims/doctype']);
    }
  });
  it('elements named __proto__ or constructor are harmless: the parser refuses such a record (a bad-xml issue for it alone), the rest is read', () => {
    const raws = rawRecordsOf(
      'p.xml',
      lists(),
      enc('<SuperStarReport><Record><__proto__><polluted>1</polluted></__proto__><UPN>A123456789012</UPN></Record><Record><constructor>x</constructor><UPN>A123456789012</UPN><Year>7</Year></Record><Record><UPN>A123456789012</UPN><Year>7</Year></Record></SuperStarReport>'),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(raws.map((r) => (r.data._tag === 'problem' ? r.data.code : r.data._tag))).toEqual(['sims/bad-xml', 'sims/bad-xml', 'student', 'school']);
    expect(normalizeSims(raws[2] as (typeof raws)[number], OPTIONS).records).toHaveLength(1);
  });
  it('UTF-16 files (by byte-order mark) and undeclared Latin-1 bytes are read; Latin-1 is flagged', () => {
    const text = '<SessionAttendances><SessionAttendance><PersonID>1</PersonID><AttendanceDate>2024-09-09</AttendanceDate><SessionName>AM</SessionName><AttendanceMark>/</AttendanceMark></SessionAttendance></SessionAttendances>';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0])]);
    const marks = rawRecordsOf('u.xml', lists(), utf16).flatMap((r) => normalizeSims(r, OPTIONS).records);
    expect(marks.filter((r) => r._tag === 'mark')).toEqual([{ _tag: 'mark', mark: { schoolUrn: '100101', pupilId: 'A123456789012', date: '2024-09-09', session: 'AM', code: '/' } }]);
    const latin = new Uint8Array([...enc('<SuperStarReport><Record><UPN>A123456789012</UPN><Year>7</Year><Surname>Beyonc'), 0xe9, ...enc('</Surname></Record></SuperStarReport>')]);
    const codes = rawRecordsOf('l.xml', lists(), latin).flatMap((r) => normalizeSims(r, OPTIONS).issues.map((i) => i.code));
    expect(codes).toEqual(['sims/not-utf8']);
  });
});

describe('options a SIMS export does not carry', () => {
  it('without URN, LA code and phase, the school record names each missing option; its marks are rejected', () => {
    const raws = rawRecordsOf('m.xml', companionBuilder().finish(), enc('<SuperStarReport><Record><UPN>A123456789012</UPN><Year>7</Year></Record></SuperStarReport>'));
    const codes = raws.map((r) => normalizeSims(r, {}).issues.map((i) => i.code));
    expect(codes).toEqual([['sims/missing-school-urn'], ['sims/missing-school-urn', 'sims/missing-la-code', 'sims/missing-phase']]);
    expect(simsAdapter.needsOption).toEqual({ 'sims/missing-school-urn': 'schoolUrn', 'sims/missing-la-code': 'laCode', 'sims/missing-phase': 'phase' });
  });
});

import { describe, expect, it } from 'vitest';
import { rawRecordsOf, normalizeCtf, ctfAdapter, decodeText, markTokens, tokenDays } from '../src/index.js';
import { toDayNumber } from '@attendance-kit/core';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const ctf = (pupils: string, header = '<SourceSchool><LEA>926</LEA><Estab>2001</Estab></SourceSchool>'): Uint8Array =>
  enc(`<?xml version="1.0"?><CTfile><Header><DateTime>2024-10-01T00:00:00</DateTime>${header}</Header><CTFpupilData>${pupils}</CTFpupilData></CTfile>`);

describe('XML safety: DTDs refused, entities never expanded', () => {
  it('a billion-laughs file is refused at once as ctf/doctype, nothing expanded', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const raws = rawRecordsOf('bomb.xml', enc(`<?xml version="1.0"?><!DOCTYPE CTfile [<!ENTITY l0 "lol">${levels}]><CTfile><Header><SourceSchool><SchoolName>&l10;</SchoolName></SourceSchool></Header></CTfile>`));
    expect(raws.map((r) => r.data._tag === 'problem' && r.data.code)).toEqual(['ctf/doctype']);
  });
  it('an external entity (XXE) is refused: the file named is never read into the output', () => {
    const raws = rawRecordsOf('xxe.xml', enc('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CTfile><Header><SourceSchool><SchoolName>&e;</SchoolName></SourceSchool></Header></CTfile>'));
    expect(JSON.stringify(raws)).not.toContain('root:');
    expect(raws.map((r) => r.data._tag === 'problem' && r.data.code)).toEqual(['ctf/doctype']);
  });
  it('entity references without a DTD stay unexpanded text; only the five predefined ones are decoded', () => {
    expect(decodeText('Elm &amp; Oak &lt;&#65;&#x42;&other;')).toBe('Elm & Oak <AB&other;');
  });
  it('an element named __proto__ in a pupil makes that pupil a bad-xml issue, not prototype pollution; outside a pupil it is never parsed', () => {
    const raws = rawRecordsOf('p.xml', enc('<CTfile><__proto__><polluted>1</polluted></__proto__><CTFpupilData><Pupil><__proto__><polluted>1</polluted></__proto__></Pupil><Pupil><UPN>A123456789012</UPN></Pupil></CTFpupilData></CTfile>'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(raws.map((r) => (r.data._tag === 'problem' ? r.data.code : r.data._tag))).toEqual(['header', 'ctf/bad-xml', 'pupil']);
  });
  it('bytes that are not UTF-8 are read as Latin-1 with a warning', () => {
    const bytes = new Uint8Array([...enc('<CTfile><Header><SourceSchool><LEA>926</LEA><SchoolName>Caf'), 0xe9, ...enc('</SchoolName></SourceSchool></Header></CTfile>')]);
    const [header] = rawRecordsOf('l1.xml', bytes);
    const n = normalizeCtf(header as NonNullable<typeof header>, { schoolUrn: '100101', phase: 'primary' });
    expect(n.issues.map((i) => i.code)).toEqual(['ctf/not-utf8']);
    expect(n.records).toEqual([{ _tag: 'school', school: { urn: '100101', laCode: '926', phase: 'primary', name: 'Café' } }]);
  });
});

describe('the school and the options a CTF does not carry', () => {
  const raws = rawRecordsOf('s.xml', ctf('<Pupil><UPN>A123456789012</UPN><NCyearActual>2</NCyearActual></Pupil>'));
  it('without --school-urn and --phase the school and its pupils are rejected with codes that name the option', () => {
    const issues = raws.flatMap((r) => normalizeCtf(r, {}).issues.map((i) => i.code));
    expect(issues).toEqual(['ctf/missing-school-urn', 'ctf/missing-phase', 'ctf/missing-school-urn']);
    expect(ctfAdapter.needsOption?.['ctf/missing-school-urn']).toBe('schoolUrn');
    expect(ctfAdapter.needsOption?.['ctf/missing-phase']).toBe('phase');
  });
  it('the LA code comes from SourceSchool/LEA unless --la-code is given', () => {
    const header = raws[0] as (typeof raws)[number];
    expect(normalizeCtf(header, { schoolUrn: '100101', phase: 'primary' }).records).toEqual([{ _tag: 'school', school: { urn: '100101', laCode: '926', phase: 'primary' } }]);
    expect(normalizeCtf(header, { schoolUrn: '100101', phase: 'primary', laCode: '201' }).records).toEqual([{ _tag: 'school', school: { urn: '100101', laCode: '201', phase: 'primary' } }]);
  });
  it('a URN that is not 6 or 7 digits is ctf/bad-school', () => {
    expect(normalizeCtf(raws[0] as (typeof raws)[number], { schoolUrn: '12', phase: 'primary' }).issues.map((i) => i.code)).toEqual(['ctf/bad-school']);
  });
});

describe('marks strings', () => {
  it('a comma-separated string (CTF 24+) splits on commas; otherwise one character per session', () => {
    expect(markTokens('/,\\,C1, J1 ,')).toEqual(['/', '\\', 'C1', 'J1', '']);
    expect(markTokens('/\\I\n N')).toEqual(['/', '\\', 'I', 'N']);
  });
  it('sessions run two per calendar day, or two per weekday when read as weekdays only', () => {
    const fri = toDayNumber('2024-09-06');
    expect(tokenDays(fri, 6, false)).toEqual([fri, fri, fri + 1, fri + 1, fri + 2, fri + 2]);
    expect(tokenDays(fri, 6, true)).toEqual([fri, fri, fri + 3, fri + 3, fri + 4, fri + 4]);
  });
  it('a block beyond 31 July of its academic year has its extra sessions rejected (ctf/beyond-year)', () => {
    const raws = rawRecordsOf('y.xml', ctf('<Pupil><UPN>A123456789012</UPN><NCyearActual>2</NCyearActual><Attendance><YearData><AttendanceStartDate>2024-07-31</AttendanceStartDate><AttendanceMarks>/\\/\\</AttendanceMarks></YearData></Attendance></Pupil>'));
    const n = normalizeCtf(raws[1] as (typeof raws)[number], { schoolUrn: '100101', phase: 'primary' });
    expect(n.issues.map((i) => i.code)).toEqual(['ctf/beyond-year']);
    expect([n.read, n.rejected, n.records.length]).toEqual([5, 2, 3]);
  });
  it('SessionsPossible that disagrees with the marks gives a warning, the marks are kept', () => {
    const raws = rawRecordsOf('m.xml', ctf('<Pupil><UPN>A123456789012</UPN><NCyearActual>2</NCyearActual><Attendance><YearData><SessionsPossible>9</SessionsPossible><AttendanceStartDate>2024-09-02</AttendanceStartDate><AttendanceMarks>/\\ID</AttendanceMarks></YearData></Attendance></Pupil>'));
    const n = normalizeCtf(raws[1] as (typeof raws)[number], { schoolUrn: '100101', phase: 'primary' });
    expect(n.issues.map((i) => i.code)).toEqual(['ctf/summary-mismatch']);
    expect(n.records).toHaveLength(5);
  });
});

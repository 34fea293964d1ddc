import { describe, expect, it } from 'vitest';
import { createXmlRecordSplitter, recordPaths, splitXmlRecords, type XmlRecordEvent } from './xml-records.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const kinds = (events: readonly XmlRecordEvent[]): string[] => events.map((e) => (e.kind === 'error' ? `error:${e.code}` : e.kind));
const pupils = { isRecord: recordPaths(['CTfile/CTFpupilData/Pupil']) };

describe('splitXmlRecords examples', () => {
  it('hands back each record with its path, index and start line', () => {
    const events = splitXmlRecords(enc('<CTfile>\n<CTFpupilData>\n<Pupil><UPN>A1</UPN></Pupil>\n<Pupil><UPN>B2</UPN></Pupil>\n</CTFpupilData>\n</CTfile>'), pupils);
    expect(events.flatMap((e) => (e.kind === 'record' ? [[e.path, e.index, e.line, e.text]] : []))).toEqual([
      ['CTfile/CTFpupilData/Pupil', 1, 3, '<Pupil><UPN>A1</UPN></Pupil>'],
      ['CTfile/CTFpupilData/Pupil', 2, 4, '<Pupil><UPN>B2</UPN></Pupil>'],
    ]);
    expect(events[0]).toEqual({ kind: 'root', name: 'CTfile', line: 1, encoding: 'utf-8' });
    expect(events.at(-1)).toEqual({ kind: 'end', records: 2, line: 6 });
  });

  it('a path pattern matches only that path; a bare name matches at any depth; * is any one name', () => {
    expect(recordPaths(['A/B'])(['A', 'B'])).toBe(true);
    expect(recordPaths(['A/B'])(['X', 'A', 'B'])).toBe(false);
    expect(recordPaths(['B'])(['X', 'A', 'B'])).toBe(true);
    expect(recordPaths(['*/B'])(['Q', 'B'])).toBe(true);
    expect(recordPaths(['ctfile/header'], { ignoreCase: true })(['CTfile', 'Header'])).toBe(true);
  });

  it('a billion-laughs document is refused at its DOCTYPE: nothing is expanded or handed back', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const events = splitXmlRecords(enc(`<?xml version="1.0"?><!DOCTYPE CTfile [<!ENTITY l0 "lol">${levels}]><CTfile><CTFpupilData><Pupil>&l10;</Pupil></CTFpupilData></CTfile>`), pupils);
    expect(kinds(events)).toEqual(['error:doctype']);
  });

  it('an external entity (XXE) is refused the same way', () => {
    const events = splitXmlRecords(enc('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CTfile><CTFpupilData><Pupil>&e;</Pupil></CTFpupilData></CTfile>'), pupils);
    expect(kinds(events)).toEqual(['error:doctype']);
    expect(JSON.stringify(events)).not.toContain('root:');
  });

  it('a record larger than the cap is skipped with a non-fatal error; the records after it are kept', () => {
    const big = `<Pupil>${'x'.repeat(5000)}</Pupil>`;
    const doc = enc(`<CTfile><CTFpupilData><Pupil>a</Pupil>${big}<Pupil>b</Pupil></CTFpupilData></CTfile>`);
    const chunks = Array.from({ length: Math.ceil(doc.length / 100) }, (_, i) => doc.subarray(i * 100, i * 100 + 100));
    const events = splitXmlRecords(chunks, { ...pupils, maxRecordBytes: 1000 });
    expect(kinds(events)).toEqual(['root', 'record', 'error:too-large', 'record', 'end']);
    expect(events.find((e) => e.kind === 'error')).toMatchObject({ fatal: false });
  });

  it('bytes that are not UTF-8 (no encoding declared) are decoded as Latin-1 and flagged', () => {
    const bytes = new Uint8Array([...enc('<CTfile><CTFpupilData><Pupil>Caf'), 0xe9, ...enc('</Pupil></CTFpupilData></CTfile>')]);
    const record = splitXmlRecords(bytes, pupils).find((e) => e.kind === 'record');
    expect(record).toMatchObject({ text: '<Pupil>Café</Pupil>', notUtf8: true });
  });

  it('tells a file that is not XML, one that breaks nesting, and an empty one apart', () => {
    expect(kinds(splitXmlRecords(enc('{"success":true}'), pupils))).toEqual(['error:not-xml']);
    expect(kinds(splitXmlRecords(enc('<CTfile><a></b></CTfile>'), pupils))).toEqual(['root', 'error:malformed']);
    expect(kinds(splitXmlRecords(new Uint8Array(0), pupils))).toEqual(['error:not-xml']);
    expect(kinds(splitXmlRecords(enc('<CTfile/><CTfile/>'), pupils))).toEqual(['root', 'error:malformed']);
  });

  it('after a fatal error, further chunks give nothing', () => {
    const s = createXmlRecordSplitter(pupils);
    expect(kinds(s.push(enc('<!DOCTYPE x>')))).toEqual(['error:doctype']);
    expect(s.push(enc('<CTfile/>'))).toEqual([]);
    expect(s.end()).toEqual([]);
  });
});

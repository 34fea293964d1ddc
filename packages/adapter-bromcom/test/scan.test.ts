import { describe, expect, it } from 'vitest';
import { createPageScanner, rawRecordsOf } from '../src/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tags = (s: string): string[] =>
  rawRecordsOf('p.json', enc(s)).map((r) => (r.data._tag === 'problem' ? r.data.code : r.data._tag));

describe('page scanner', () => {
  it('streams rows as they complete, before the page ends', () => {
    const s = createPageScanner();
    const first = s.push(enc('{"success": true, "data": [{"a": "],}{"}, {"b"'));
    expect(first.map((e) => e.kind)).toEqual(['member', 'data-open', 'row']);
    expect(first[2]).toMatchObject({ kind: 'row', index: 0, value: { a: '],}{' } });
    expect([...s.push(enc(': 2}]}')), ...s.end()].map((e) => e.kind)).toEqual(['row', 'data-close', 'end']);
  });
  it('tells the envelope problems apart', () => {
    expect(tags('{"success": false, "data": [{"a": 1}]}')).toEqual(['bromcom/unsuccessful-page']);
    expect(tags('{"data": [{"a": 1}]}')).toEqual(['row', 'bromcom/not-envelope']);
    expect(tags('{"success": true, "data": {"a": 1}}')).toEqual(['bromcom/not-envelope']);
    expect(tags('[1, 2]')).toEqual(['bromcom/not-envelope']);
    expect(tags('<html>')).toEqual(['bromcom/bad-json']);
    expect(tags('')).toEqual(['bromcom/bad-json']);
    expect(tags('{"success": true, "data": []} x')).toEqual(['page', 'bromcom/bad-json']);
    expect(tags('{"success": true, "data": [1,,2]}')).toEqual(['row', 'page', 'bromcom/bad-json']);
    expect(tags('\uFEFF{"success": true, "data": []}')).toEqual(['page']);
  });
  it('reads a UTF-16 page with a byte-order mark', () => {
    const text = '{"success": true, "data": [{"studentId": 1, "yearGroup": "7"}]}';
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(rawRecordsOf('u.json', bytes).map((r) => r.data._tag)).toEqual(['row', 'page']);
  });
  it('keeps a saved startDate beside data for the weekly rows that follow it', () => {
    const raws = rawRecordsOf('w.json', enc('{"success": true, "startDate": "2024-09-09", "data": [{"studentId": 1, "monAM": "/"}]}'));
    expect(raws[0]?.data).toMatchObject({ _tag: 'row', pageWeekStart: '2024-09-09' });
  });
});

import { describe, expect, it } from 'vitest';
import type { RawRecord } from '@attendance-kit/adapter-kit';
import { bromcomAdapter, normalizeBromcom, rawRecordsOf, statutoryCode, type BromcomRaw } from '../src/index.js';

const OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;
/** A page's raw records, the page record first (the reader yields it last). */
const page = (body: unknown): RawRecord<BromcomRaw>[] => {
  const raws = rawRecordsOf('p.json', new TextEncoder().encode(JSON.stringify(body)));
  return [...raws.filter((r) => r.data._tag !== 'row'), ...raws.filter((r) => r.data._tag === 'row')];
};

describe('statutory codes (Mark / ExportMark, mis-formats §1.1 and §4.2)', () => {
  it('classifies on ExportMark, so a local display code maps through it', () => {
    expect(statutoryCode('7', 'I', '2021-01-05')).toEqual({ ok: true, code: 'I' });
    expect(statutoryCode('X01', 'X', '2021-01-05')).toEqual({ ok: true, code: 'X' });
  });
  it('uses Mark only when it is itself statutory; a local code with no mapping is rejected with its name', () => {
    expect(statutoryCode('N', undefined, '2024-09-02')).toEqual({ ok: true, code: 'N' });
    const r = statutoryCode('7', undefined, '2024-09-02');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('bromcom/no-statutory-mapping');
    expect(!r.ok && r.message).toContain('"7"');
  });
  it('rejects codes not in force on their date (two-character codes from 19 August 2024)', () => {
    expect(statutoryCode('C1', 'C1', '2024-08-16').ok).toBe(false);
    expect(statutoryCode('C1', 'C1', '2024-08-19')).toEqual({ ok: true, code: 'C1' });
    expect(statutoryCode('H', 'H', '2024-09-02').ok).toBe(false);
  });
  it('reads no mark at all as - (no mark recorded)', () => {
    expect(statutoryCode(undefined, undefined, '2024-09-02')).toEqual({ ok: true, code: '-' });
  });
});

describe('options: the school comes from --school-urn, --la-code, --phase', () => {
  const raws = page({ success: true, data: [{ studentId: 1, date: '2024-09-02', session: 'AM', mark: '/' }] });
  it('names each missing option, and the CLI maps each code to its flag', () => {
    const n = normalizeBromcom(raws[0] as RawRecord<BromcomRaw>, {});
    expect(n.issues.map((i) => i.code)).toEqual(['bromcom/missing-school-urn', 'bromcom/missing-la-code', 'bromcom/missing-phase']);
    expect(n.issues[0]?.message).toContain('--school-urn');
    expect(bromcomAdapter.needsOption).toEqual({ 'bromcom/missing-school-urn': 'schoolUrn', 'bromcom/missing-la-code': 'laCode', 'bromcom/missing-phase': 'phase' });
  });
  it('rejects rows when the URN is missing (the page issue explains), keeps them when only LA code or phase is', () => {
    const row = raws[1] as RawRecord<BromcomRaw>;
    expect(normalizeBromcom(row, {})).toMatchObject({ records: [], read: 1, rejected: 1 });
    expect(normalizeBromcom(row, { schoolUrn: '100101' }).records).toHaveLength(1);
  });
  it('rejects an invalid URN as bad-school', () => {
    expect(normalizeBromcom(raws[0] as RawRecord<BromcomRaw>, { ...OPTIONS, schoolUrn: '12' }).issues.map((i) => i.code)).toEqual(['bromcom/bad-school']);
  });
});

describe('rows recognised by content', () => {
  it('reads a weekly row dated by its own StartDate, skipping empty cells', () => {
    const raws = page({ success: true, data: [{ StudentId: 7, WeekCommencing: '02/09/2024', MonAM: '/', MonPM: '', FriPM: 'N' }] });
    const n = normalizeBromcom(raws[1] as RawRecord<BromcomRaw>, OPTIONS);
    expect(n.records).toEqual([
      { _tag: 'mark', mark: { schoolUrn: '100101', pupilId: '7', date: '2024-09-02', session: 'AM', code: '/' } },
      { _tag: 'mark', mark: { schoolUrn: '100101', pupilId: '7', date: '2024-09-06', session: 'PM', code: 'N' } },
    ]);
    expect([n.read, n.rejected]).toEqual([2, 0]);
  });
  it('keeps / on a PM session as present, with a warning (mis-formats §8.4)', () => {
    const raws = page({ success: true, data: [{ studentId: 7, startDate: '2024-09-02', monPM: '/' }, { studentId: 7, date: '2024-09-03', session: 'AM', mark: '\\' }] });
    for (const raw of raws.slice(1)) {
      const n = normalizeBromcom(raw as RawRecord<BromcomRaw>, OPTIONS);
      expect(n.records).toHaveLength(1);
      expect(n.issues.map((i) => [i.code, i.severity])).toEqual([['bromcom/present-mark-session', 'warning']]);
    }
  });
  it('names a page of another entity', () => {
    const n = normalizeBromcom(page({ success: true, data: [{ behaviourEventId: 1 }] })[1] as RawRecord<BromcomRaw>, OPTIONS);
    expect(n.issues[0]?.code).toBe('bromcom/unrecognised-row');
    expect(n.issues[0]?.message).toContain('behavioureventid');
  });
  it('flags a page that is not UTF-8 and reads it as Latin-1', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"success":true,"data":[{"studentId":1,"yearGroup":"7","ethnicityCode":"'), 0xe9, ...new TextEncoder().encode('"}]}')]);
    const raws = rawRecordsOf('l.json', bytes);
    expect(normalizeBromcom(raws.find((r) => r.data._tag === 'page') as RawRecord<BromcomRaw>, OPTIONS).issues.map((i) => i.code)).toEqual(['bromcom/not-utf8']);
  });
  it('recognises a v2 page by its start for --from auto, and not other JSON', () => {
    expect(bromcomAdapter.detect?.('{"success": true, "data": [{"studentId": 1042, "monAM": "/"')).toBe(true);
    expect(bromcomAdapter.detect?.('{"data": [{"id": "A1"}], "meta": {}}')).toBe(false);
  });
});

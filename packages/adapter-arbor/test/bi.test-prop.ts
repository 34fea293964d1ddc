import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CODE_ID, isCodeInForce, regimeOn } from '@attendance-kit/core';
import { normalizeArborBi } from '../src/index.js';

const RAW = ['/', '\\', 'L', 'I', 'N', 'J', 'J1', 'H', 'K', 'Y7', '#', '7', 'X01', 'PRESENT', ''];
const dateOf = (offset: number): string => new Date(Date.UTC(2023, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe('BI marks', () => {
  test.prop([fc.constantFrom(...RAW), fc.constantFrom('', 'PRESENT_AM', 'ILLNESS_PM'), fc.integer({ min: 0, max: 700 }), fc.constantFrom('MORNING', 'AFTERNOON')])(
    '[ARBI-1] a row is accepted iff RAW_MARK is a statutory code in force on DATE (empty RAW_MARK and MARK_CODE: no mark yet); otherwise it is rejected naming RAW_MARK',
    (rawMark, markCode, offset, period) => {
      const date = dateOf(offset);
      const session = period === 'MORNING' ? 'AM' : 'PM';
      const n = normalizeArborBi(
        { file: 'a.csv', line: 2, data: { _tag: 'row', table: 'attendance', values: ['5', 'app', rawMark, markCode, '', period, date, '', '', '', ''], school: { _tag: 'found', urn: '100101' } } },
        {},
      );
      const raw = rawMark === '' && markCode === '' ? '-' : rawMark;
      const code = raw === '/' || raw === '\\' ? (session === 'AM' ? '/' : '\\') : raw;
      expect(n.read).toBe(1);
      if (CODE_ID.has(raw) && isCodeInForce(code, regimeOn(date))) {
        expect(n.records).toEqual([{ _tag: 'mark', mark: { schoolUrn: '100101', pupilId: 'app:5', date, session, code } }]);
      } else {
        expect(n.rejected).toBe(1);
        expect(n.issues.map((i) => i.code)).toEqual([CODE_ID.has(raw) ? 'arbor-bi/code-not-in-force' : 'arbor-bi/no-statutory-mapping']);
        expect(n.issues[0]?.message).toContain(JSON.stringify(code));
      }
    },
  );
  test.prop([fc.constantFrom('MORNING', 'AFTERNOON', 'morning', 'AM', 'PM', '', 'EVENING'), fc.constantFrom('', 'PRESENT_AM', 'LATE_PM', 'ILLNESS')])(
    '[ARBI-2] the session is PERIOD when it names one, else the _AM/_PM suffix of MARK_CODE, else the row is rejected',
    (period, markCode) => {
      const n = normalizeArborBi(
        { file: 'a.csv', line: 2, data: { _tag: 'row', table: 'attendance', values: ['5', '', 'I', markCode, '', period, '2024-09-09', '', '', '', ''], school: { _tag: 'found', urn: '100101' } } },
        {},
      );
      const p = period.toUpperCase();
      const expected = p === 'MORNING' || p === 'AM' ? 'AM' : p === 'AFTERNOON' || p === 'PM' ? 'PM' : markCode.endsWith('_AM') ? 'AM' : markCode.endsWith('_PM') ? 'PM' : undefined;
      const got = n.records[0]?._tag === 'mark' ? n.records[0].mark.session : undefined;
      expect(got).toBe(expected);
      if (expected === undefined) expect(n.issues.map((i) => i.code)).toEqual([period === '' && markCode === '' ? 'arbor-bi/missing-field' : 'arbor-bi/bad-period']);
    },
  );
});

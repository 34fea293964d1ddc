import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CODE_ID, isCodeInForce, regimeOn } from '@attendance-kit/core';
import { createLookupBuilder, kindName, markOf, normalizeArbor, sessionOf, type Entity } from '../src/index.js';

const OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'primary' } as const;
const SYMBOLS = ['/', '\\', 'L', 'I', 'M', 'N', 'O', 'J', 'J1', 'H', 'C1', 'Y1', '#', '-', '7', 'X01', ' I ', ''];
const dateOf = (offset: number): string => new Date(Date.UTC(2023, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const markEntity = fc.record({ id: fc.integer({ min: 1, max: 4 }), symbol: fc.constantFrom('/', 'I', 'N', 'L') }).map(({ id, symbol }) => ({ entityType: 'AttendanceMark', href: `/rest-v2/attendance-marks/${id}`, attendanceMark: symbol }));
const typeEntity = fc.record({ id: fc.integer({ min: 1, max: 3 }), am: fc.boolean(), pm: fc.boolean() }).map(({ id, am, pm }) => ({ entityType: 'AttendanceRegisterType', href: `/t/${id}`, isMorning: am, isAfternoon: pm }));
const registerEntity = fc.record({ id: fc.integer({ min: 1, max: 3 }), type: fc.integer({ min: 1, max: 3 }) }).map(({ id, type }) => ({ entityType: 'AttendanceRegister', href: `/r/${id}`, attendanceRegisterType: { href: `/t/${type}` } }));
const lookupEntities = fc.array(fc.oneof(markEntity, typeEntity, registerEntity), { maxLength: 14 });
const record = fc.record({ mark: fc.integer({ min: 1, max: 5 }), register: fc.integer({ min: 1, max: 4 }) }).map(({ mark, register }) => ({ entityType: 'AttendanceRecord', student: '/s/1', attendanceMark: `/m/${mark}`, attendanceRegister: `/r/${register}`, startDatetime: '2024-09-09 08:45:00' }));

const resolveWith = (entities: readonly Entity[], r: Entity): unknown => {
  const b = createLookupBuilder();
  for (const e of entities) b.add(kindName(e['entityType'] as string), e);
  return [markOf(b.lookups, r), sessionOf(b.lookups, r, 'record')];
};

describe('mark resolution', () => {
  test.prop([lookupEntities, fc.array(fc.nat(), { maxLength: 14 }), record])(
    '[ARB-3] a mark resolves to the same AttendanceMark and session whatever order the lookups are read in (a lookup defined twice differently is a conflict either way)',
    (entities, keys, r) => {
      const shuffled = entities.map((e, i) => ({ e, k: keys[i] ?? 0, i })).sort((a, b) => a.k - b.k || b.i - a.i).map((x) => x.e);
      expect(resolveWith(shuffled, r)).toEqual(resolveWith(entities, r));
    },
  );
  test.prop([fc.constantFrom(...SYMBOLS), fc.integer({ min: 0, max: 700 }), fc.boolean()])(
    "[ARB-4] a mark is accepted iff its AttendanceMark's symbol is a statutory code in force on its date (present written as the session's own symbol); otherwise it is rejected by name",
    (symbol, offset, pm) => {
      const date = dateOf(offset);
      const n = normalizeArbor(
        {
          file: 'r.json',
          path: 'attendanceRecords[0]',
          data: {
            _tag: 'mark',
            kind: 'record',
            entity: { student: '/s/1', startDatetime: `${date} 09:00:00` },
            mark: { _tag: 'found', value: { name: 'MY_MARK', symbol, flags: {} } },
            session: { _tag: 'found', value: pm ? 'PM' : 'AM' },
          },
        },
        OPTIONS,
      );
      const t = symbol.trim();
      const expected = t === '/' || t === '\\' ? (pm ? '\\' : '/') : t;
      if (CODE_ID.has(t) && isCodeInForce(expected, regimeOn(date))) {
        expect(n.records).toEqual([{ _tag: 'mark', mark: { schoolUrn: '100101', pupilId: '1', date, session: pm ? 'PM' : 'AM', code: expected } }]);
      } else {
        expect(n.records).toEqual([]);
        expect(n.issues.map((i) => i.code)).toEqual([CODE_ID.has(t) ? 'arbor/code-not-in-force' : 'arbor/no-statutory-mapping']);
        expect(n.issues[0]?.message).toContain('"MY_MARK"');
      }
    },
  );
});

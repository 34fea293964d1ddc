import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fromDayNumber, toDayNumber } from '@attendance-kit/core';
import { resolveRecords, type CanonicalRecord, type Resolved, type SourceBatch } from './adapter.js';

const DAY0 = toDayNumber('2024-09-02');
// Few keys and codes so versions collide often; dates from integer day offsets.
const mark = fc
  .record({ pupil: fc.constantFrom('P1', 'P2'), day: fc.integer({ min: 0, max: 2 }), pm: fc.boolean(), code: fc.constantFrom('/', 'I', 'N', 'L'), stamp: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) })
  .map(
    ({ pupil, day, pm, code, stamp }) =>
      ({
        _tag: 'mark',
        mark: { schoolUrn: '100101', pupilId: pupil, date: fromDayNumber(DAY0 + day), session: pm ? 'PM' : 'AM', code, ...(stamp === undefined ? {} : { recordedAt: `2024-09-1${stamp}T00:00:00Z` }) },
      }) as CanonicalRecord,
  );
const batch = fc.record({ source: fc.constantFrom('a.xml', 'b.xml', 'c.xml'), records: fc.array(mark, { maxLength: 8 }), rejected: fc.nat(3) }).map(
  (b): SourceBatch => ({ ...b, read: b.records.length + b.rejected, issues: [] }),
);

const unstamp = (r: CanonicalRecord): CanonicalRecord => {
  if (r._tag !== 'mark') return r;
  const { recordedAt: _dropped, ...mark } = r.mark;
  return { _tag: 'mark', mark };
};

const winners = (r: Resolved): CanonicalRecord[] => [
  ...r.schools.map((school) => ({ _tag: 'school' as const, school })),
  ...r.pupils.map((pupil) => ({ _tag: 'pupil' as const, pupil })),
  ...r.marks.map((m) => ({ _tag: 'mark' as const, mark: m })),
];

describe('resolveRecords, the merge of attendance import', () => {
  test.prop([fc.array(batch, { maxLength: 5 })])('[RES-1] each source accounts for every item: read = accepted + superseded + rejected', (batches) => {
    const r = resolveRecords(batches);
    for (const c of r.counts.values()) expect(c.read).toBe(c.accepted + c.superseded + c.rejected);
    expect([...r.counts.values()].reduce((n, c) => n + c.accepted, 0)).toBe(r.marks.length);
  });

  test.prop([fc.array(batch, { maxLength: 5 })])('[RES-2] importing the same batches again into the result changes nothing', (batches) => {
    const once = resolveRecords(batches);
    const twice = resolveRecords([{ source: 'dataset', records: winners(once), read: winners(once).length, rejected: 0, issues: [] }, ...batches]);
    expect(twice.marks).toEqual(once.marks);
  });

  test.prop([fc.array(batch, { minLength: 1, maxLength: 4 }), batch])('[RES-3] a later batch whose marks carry no recorded_at replaces every unstamped version of the same marks', (earlier, later) => {
    const unstamped = later.records.map(unstamp);
    const plain = earlier.map((b) => ({ ...b, records: b.records.map(unstamp) }));
    const r = resolveRecords([...plain, { ...later, records: unstamped }]);
    const lastOfKey = new Map<string, string>();
    for (const rec of unstamped) if (rec._tag === 'mark') lastOfKey.set(`${rec.mark.pupilId}|${rec.mark.date}|${rec.mark.session}`, rec.mark.code);
    for (const m of r.marks) {
      const want = lastOfKey.get(`${m.pupilId}|${m.date}|${m.session}`);
      if (want !== undefined) expect(m.code).toBe(want);
    }
  });
});

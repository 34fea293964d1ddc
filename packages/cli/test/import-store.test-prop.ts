import { resolveRecords, type CanonicalRecord } from '@attendance-kit/adapter-kit';
import { CODE_ID, CODE_TABLE, fromDayNumber, toDayNumber, type CanonicalMark } from '@attendance-kit/core';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createMarkMerge, emptyMergedMark } from '../src/commands/import-store.js';
import { formatRecordedAt, parseRecordedAt } from '../src/commands/import-stamps.js';

const DAY0 = toDayNumber('2024-09-02');
// Few keys and few instants, so that versions, ties and empty stamps are common. The instants are
// written with an offset, which Date.parse (adapter-kit's reference) reads the same in any time zone.
const STAMPS = ['2024-09-02T08:00:00Z', '2024-09-02T09:00:00+01:00', '2024-09-03T08:00:00Z', '2024-09-02T12:30:15.250Z'];
const arbMark = fc.record({
  urn: fc.constantFrom('100101', '1001011'),
  pupil: fc.constantFrom('P1', 'P10', 'P1B', 'A'),
  day: fc.integer({ min: 0, max: 3 }),
  pm: fc.boolean(),
  code: fc.constantFrom('/', '\\', 'I', 'N', 'L'),
  minutes: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  stamp: fc.option(fc.constantFrom(...STAMPS), { nil: undefined }),
});
const arbSources = fc.array(fc.array(arbMark, { maxLength: 25 }), { minLength: 1, maxLength: 4 });

type Gen = typeof arbMark extends fc.Arbitrary<infer T> ? T : never;

const canonicalMark = (m: Gen): CanonicalMark =>
  ({
    schoolUrn: m.urn,
    pupilId: m.pupil,
    date: fromDayNumber(DAY0 + m.day),
    session: m.pm ? 'PM' : 'AM',
    code: m.code,
    ...(m.minutes === undefined ? {} : { minutesLate: m.minutes }),
    ...(m.stamp === undefined ? {} : { recordedAt: m.stamp }),
  }) as CanonicalMark;

/** Runs the sources through the store as the import does; winners as text rows, and the tallies. */
const viaStore = (sources: readonly (readonly Gen[])[]) => {
  // Chunks of 8 marks: every run crosses chunk boundaries.
  const merge = createMarkMerge({ chunkShift: 3 });
  const ids = new Map<string, number>();
  const names: [string, string][] = [];
  sources.forEach((marks, s) => {
    merge.source(s);
    for (const m of marks) {
      const key = `${m.urn}\u0000${m.pupil}`;
      if (!ids.has(key)) {
        ids.set(key, names.length);
        names.push([m.urn, m.pupil]);
      }
      merge.add(ids.get(key) as number, (DAY0 + m.day) * 2 + (m.pm ? 1 : 0), CODE_ID.get(m.code) as number, m.minutes ?? 0xffff, m.stamp === undefined ? Number.NaN : parseRecordedAt(m.stamp));
    }
  });
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const order = names.map((_, i) => i).sort((a, b) => byText(names[a]![0], names[b]![0]) || byText(names[a]![1], names[b]![1]));
  const rank = new Uint32Array(names.length);
  order.forEach((id, r) => (rank[id] = r));
  const result = merge.finish(rank);
  const out = emptyMergedMark();
  const rows: string[] = [];
  for (let k = 0; k < result.length; k++) {
    result.at(k, out);
    const [urn, pupil] = names[out.enrolment]!;
    rows.push([urn, pupil, fromDayNumber(out.slot >> 1), out.slot & 1 ? 'PM' : 'AM', CODE_TABLE[out.code]?.code, out.minutesLate === 0xffff ? '' : out.minutesLate, out.recordedAt === out.recordedAt ? formatRecordedAt(out.recordedAt) : ''].join(','));
  }
  return { rows, added: sources.map((_, s) => result.added[s] ?? 0), superseded: sources.map((_, s) => result.superseded[s] ?? 0) };
};

describe('the import mark store', () => {
  test.prop([arbSources])(
    '[IMP-1] it keeps the same winning marks and counts the same superseded versions per source as adapter-kit resolveRecords (the canonical version rule)',
    (sources) => {
      const mine = viaStore(sources);
      const reference = resolveRecords(
        sources.map((marks, s) => {
          const records: CanonicalRecord[] = marks.map((m) => ({ _tag: 'mark', mark: canonicalMark(m) }));
          return { source: `s${s}`, records, read: records.length, rejected: 0, issues: [] };
        }),
      );
      const expected = reference.marks.map((m) =>
        [m.schoolUrn, m.pupilId, m.date, m.session, m.code, m.minutesLate ?? '', m.recordedAt === undefined ? '' : formatRecordedAt(Date.parse(m.recordedAt))].join(','),
      );
      // The reference sorts by the joined key; the store by (school, pupil, slot) as pupils.csv is sorted.
      expect([...mine.rows].sort()).toEqual([...expected].sort());
      expect(mine.superseded).toEqual(sources.map((_, s) => reference.counts.get(`s${s}`)?.superseded ?? 0));
      expect(mine.added).toEqual(sources.map((m) => m.length));
    },
  );

  test.prop([arbSources])('[IMP-2] the winners come out sorted by school URN, pupil id, date and session, one per mark', (sources) => {
    const { rows } = viaStore(sources);
    const keys = rows.map((r) => r.split(',').slice(0, 4));
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      const cmp = a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : a[2]! < b[2]! ? -1 : a[2]! > b[2]! ? 1 : a[3]! < b[3]! ? -1 : a[3]! > b[3]! ? 1 : 0;
      expect(cmp).toBe(-1);
    }
  });

  test.prop([fc.integer({ min: 0, max: 4_000_000_000_000 })])('[IMP-3] a recorded_at written by an import reads back as the same instant', (ms) => {
    expect(parseRecordedAt(formatRecordedAt(ms))).toBe(ms);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fractionToNumber } from '@attendance-kit/core';
import { readDfeAttendanceCsv } from './read.js';
import { comparatorTable, type ComparatorTable } from './table.js';

const text = readFileSync(fileURLToPath(new URL('../../../data/dfe-pupil-attendance/2024-25_autumn.csv', import.meta.url)), 'utf8');
const [header = '', ...lines] = text.trimEnd().split('\n');
// A small real sample: every national and regional row (phases and Totals) and the first 8 LA rows.
const sample = [
  ...lines.filter((l) => l.includes('"National"') || l.includes('"Regional"')),
  ...lines.filter((l) => l.includes('"Local authority"')).slice(0, 8),
];

test('the sample has Total rows, so Totals are part of the laws', () => {
  expect(sample.filter((l) => l.includes('"Total"')).length).toBeGreaterThan(0);
  expect(sample).toHaveLength(48);
});

const byKey = (t: ComparatorTable): Map<string, string> =>
  new Map(
    t.rows.map((r) => [
      [r.key.timePeriod, r.key.timeIdentifier, r.key.level, r.key.regionCode, r.key.laCode, r.key.phase].join('|'),
      JSON.stringify(Object.entries(r.values).map(([c, v]) => [c, v._tag === 'rate' ? fractionToNumber(v.value) : v._tag])),
    ]),
  );

describe('DfE reader laws', () => {
  test.prop([fc.string({ maxLength: 400 })])('[DFE-1] the reader never throws, whatever the text, and read = accepted + rejected', (s) => {
    const r = readDfeAttendanceCsv(s, 'x.csv');
    expect(r.records.read).toBe(r.records.accepted + r.records.rejected);
    expect(() => comparatorTable(r)).not.toThrow();
  });

  test.prop([fc.nat(64), fc.string({ maxLength: 6 })])(
    '[DFE-2] a real file with a cell replaced by anything is read without throwing, and every rejection or gap is an issue with a line',
    (cellIndex, replacement) => {
      const row = (sample[0] ?? '').split(',');
      row[cellIndex % row.length] = replacement.replaceAll(/[",\n\r]/g, '');
      const r = readDfeAttendanceCsv([header, row.join(','), ...sample.slice(1)].join('\n'), 'x.csv');
      expect(r.records.read).toBe(sample.length);
      if (r.records.rejected > 0) expect(r.issues.some((i) => i.severity === 'error' && i.line === 2)).toBe(true);
    },
  );

  test.prop([fc.shuffledSubarray(sample, { minLength: sample.length, maxLength: sample.length })])(
    '[DFE-3] row order does not change any output row: each period x area x phase gets the same values',
    (shuffled) => {
      const a = byKey(comparatorTable(readDfeAttendanceCsv([header, ...sample].join('\n'))));
      const b = byKey(comparatorTable(readDfeAttendanceCsv([header, ...shuffled].join('\n'))));
      expect(b).toEqual(a);
    },
  );

  test('[DFE-4] reading is deterministic and does not depend on earlier reads', () => {
    const a = readDfeAttendanceCsv([header, ...sample].join('\n'), 'x.csv');
    const b = readDfeAttendanceCsv([header, ...sample].join('\n'), 'x.csv');
    expect(b).toEqual(a);
  });
});

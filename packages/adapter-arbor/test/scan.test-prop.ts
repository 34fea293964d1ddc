import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { splitBytes } from '@attendance-kit/adapter-kit/testing';
import { createEntityListScanner } from '../src/index.js';

const entity = fc.record({ entityType: fc.constantFrom('AttendanceRecord', 'Student'), href: fc.string({ maxLength: 8 }), note: fc.string({ maxLength: 6, unit: 'grapheme' }) });
/** A saved response in one of the envelopes Arbor and its SDKs produce, padded so the head limit is crossed sometimes. */
const response = fc
  .record({ shape: fc.constantFrom('list', 'bare', 'meta-first', 'single'), rows: fc.array(entity, { maxLength: 12 }), pad: fc.nat(70_000) })
  .map(({ shape, rows, pad }) => {
    const padding = 'x'.repeat(pad);
    const text =
      shape === 'list'
        ? JSON.stringify({ attendanceRecords: rows })
        : shape === 'bare'
          ? JSON.stringify(rows)
          : shape === 'meta-first'
            ? JSON.stringify({ meta: { padding }, students: rows })
            : JSON.stringify({ student: rows[0] ?? {} });
    return new TextEncoder().encode(text);
  });

const scanAll = (chunks: readonly Uint8Array[]): unknown[] => {
  const s = createEntityListScanner();
  const events = chunks.flatMap((c) => s.push(c));
  return [...events, ...s.end()];
};

describe('entity list scanner', () => {
  test.prop([response, fc.array(fc.nat(), { maxLength: 8 })])('[ARB-1] splitting a saved response into chunks at any bytes gives the same events', (bytes, cuts) => {
    expect(scanAll(splitBytes(bytes, cuts.map((c) => c % (bytes.length + 1))))).toEqual(scanAll([bytes]));
  });
  test.prop([fc.array(entity, { maxLength: 10 }), fc.constantFrom('list', 'bare')])('[ARB-2] every entity of a list, and only those, comes out as a row, in order', (rows, shape) => {
    const bytes = new TextEncoder().encode(JSON.stringify(shape === 'list' ? { attendanceRecords: rows } : rows));
    const got = scanAll([bytes]).flatMap((e) => ((e as { kind: string }).kind === 'row' ? [(e as { value: unknown }).value] : []));
    expect(got).toEqual(rows);
  });
});

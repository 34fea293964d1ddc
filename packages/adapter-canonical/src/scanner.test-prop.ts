import { splitBytes } from '@attendance-kit/adapter-kit/testing';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createCsvScanner, recordTexts, type CsvScannerOptions } from './scanner.js';

const scanChunks = (chunks: readonly Uint8Array[], options: CsvScannerOptions) => {
  const rows: unknown[] = [];
  const s = createCsvScanner((r) => rows.push([r.line, r.error, r.errorField, recordTexts(r)]), options);
  for (const c of chunks) s.push(c);
  s.end();
  return rows;
};

// Small limits so that over-long fields and too many fields happen often.
const optionsArb = fc.record({ maxFieldBytes: fc.integer({ min: 1, max: 12 }), maxRecordBytes: fc.integer({ min: 4, max: 40 }), maxFields: fc.integer({ min: 1, max: 6 }) });
const csvTextArb = fc
  .string({ unit: fc.constantFrom('a', 'b', '1', ',', ',', '"', '\n', '\r', '\r\n', ' ', 'é', '\ufeff'), maxLength: 80 })
  .map((s) => Buffer.from(s, 'utf8'));

describe('scanner', () => {
  test.prop([csvTextArb, fc.array(fc.nat(), { maxLength: 10 }), optionsArb])(
    '[CSV-3] the scanner gives the same records (lines, errors, fields) however the bytes are split into chunks',
    (bytes, cuts, options) => {
      const whole = scanChunks([bytes], options);
      expect(scanChunks(splitBytes(bytes, cuts.map((c) => c % (bytes.length + 1))), options)).toEqual(whole);
      expect(scanChunks(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)), options)).toEqual(whole);
    },
  );

  test.prop([fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' '), maxLength: 6 }), { minLength: 1, maxLength: 4 }), { maxLength: 8 })])(
    '[CSV-4] quoting every field as RFC 4180 says and scanning gives back the fields',
    (records) => {
      // A quoted empty field ("") makes a line that is a record, so every record survives.
      const text = records.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join('\r\n');
      const rows = scanChunks([Buffer.from(text)], {}).map((r) => (r as [number, unknown, number, string[]])[3]);
      expect(rows).toEqual(records);
    },
  );
});

describe('plain records (the fast path, read four bytes at a time)', () => {
  // Bytes on both sides of the separators' range (',' is 44; '-' 45, '+' 43, ' ' 32) and multi-byte
  // characters (bytes from 0x80), in fields of every length so records cross word boundaries.
  const fieldArb = fc.string({ unit: fc.constantFrom('1', 'P', '-', '.', '/', '+', ' ', ':', 'é', '€', '\u00ad', 'Z'), maxLength: 13 });
  const recordArb = fc.array(fieldArb, { minLength: 1, maxLength: 8 }).filter((f) => f.join(',') !== '');
  test.prop([fc.array(recordArb, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 4 })])(
    '[CSV-4] a file of plain records gives each line split at its commas, with its line number, however it is chunked',
    (records, eol, cuts) => {
      const text = records.map((f) => f.join(',')).join(eol) + eol;
      const rows = scanChunks(splitBytes(Buffer.from(text, 'utf8'), cuts), {});
      expect(rows).toEqual(records.map((f, i) => [i + 1, undefined, 0, f]));
    },
  );
});

import { describe, expect, test } from 'vitest';
import { createCsvScanner, recordTexts, type ScanError } from './scanner.js';

interface Row {
  readonly line: number;
  readonly error: ScanError | undefined;
  readonly fields: string[];
}

const scan = (input: string | Uint8Array, options?: Parameters<typeof createCsvScanner>[1]): Row[] => {
  const rows: Row[] = [];
  const s = createCsvScanner((r) => rows.push({ line: r.line, error: r.error, fields: recordTexts(r) }), options);
  s.push(typeof input === 'string' ? Buffer.from(input) : input);
  s.end();
  return rows;
};

describe('createCsvScanner', () => {
  test('reads LF and CRLF records alike, with or without a final line break', () => {
    expect(scan('a,b\n1,2\n')).toEqual(scan('a,b\r\n1,2'));
    expect(scan('a,b\r\n1,2').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  test('skips a UTF-8 byte order mark at the start only', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(scan(Buffer.concat([bom, Buffer.from('a,b\n')])).map((r) => r.fields)).toEqual([['a', 'b']]);
    expect(scan(Buffer.concat([Buffer.from('a,'), bom, Buffer.from('\n')]))[0]?.fields).toEqual(['a', '\ufeff']);
  });

  test('unquotes fields and unescapes doubled quotes', () => {
    expect(scan('"a,b","say ""hi""",""\n')[0]?.fields).toEqual(['a,b', 'say "hi"', '']);
  });

  test('keeps line breaks inside quotes and numbers each record by the line it starts on', () => {
    const rows = scan('h1,h2\n"x\ny",1\r\n"p\r\nq",2\n\nlast,3\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 7]);
    expect(rows[1]?.fields).toEqual(['x\ny', '1']);
    expect(rows[2]?.fields).toEqual(['p\r\nq', '2']);
  });

  test('empty lines are not records; a line holding only a comma is', () => {
    expect(scan('\n\na\n\n').map((r) => r.fields)).toEqual([['a']]);
    expect(scan(',\n')[0]?.fields).toEqual(['', '']);
  });

  test('marks misplaced quotes as bad quoting and goes on with the next record', () => {
    const rows = scan('a"b,c\n"ab"c,d\n"open\nnext,1\n');
    expect(rows.map((r) => r.error)).toEqual(['bad-quoting', 'bad-quoting', 'bad-quoting']);
    expect(rows[0]?.fields).toEqual(['a"b', 'c']);
  });

  test('a field over the limit marks the record, keeps no excess bytes, and scanning goes on', () => {
    const rows = scan(`${'x'.repeat(100)},1\nok,2\n`, { maxFieldBytes: 10 });
    expect(rows[0]?.error).toBe('field-too-long');
    expect(rows[0]?.fields[0]).toHaveLength(10);
    expect(rows[1]).toEqual({ line: 2, error: undefined, fields: ['ok', '2'] });
  });

  test('an over-long last field keeps the line numbers of the records after it', () => {
    const rows = scan(`a,${'x'.repeat(100)}\nok\r\n${'y'.repeat(50)}\r\nend\n`, { maxFieldBytes: 10 });
    expect(rows.map((r) => [r.line, r.error])).toEqual([
      [1, 'field-too-long'],
      [2, undefined],
      [3, 'field-too-long'],
      [4, undefined],
    ]);
  });

  test('too many fields marks the record', () => {
    expect(scan('a,b,c,d\n', { maxFields: 3 })[0]?.error).toBe('too-many-fields');
  });

  test('an empty input gives no record', () => {
    expect(scan('')).toEqual([]);
    expect(scan(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual([]);
  });
});

/**
 * Properties of the CSV writer: what a spreadsheet reads back is what was meant.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { toCsv } from '../src/format/csv.js';

/** Reads one RFC 4180 line (no line breaks inside cells in these tests) into cells. */
const readCells = (line: string): string[] => {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else {
          cell += line[i];
          i += 1;
        }
      }
      cells.push(cell);
      i += 1;
    } else {
      const end = line.indexOf(',', i) < 0 ? line.length : line.indexOf(',', i);
      cells.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return cells;
};

const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', 'a', 'B', '1', ',', '"', ' ', "'"), maxLength: 8 });

test.prop([text, fc.nat(1000)])(
  '[CSV-1] a text key cell never starts with = + - or @ once read back, and is the original text with at most a leading quote added',
  (value, enrolments) => {
    const csv = toCsv([{ ethnicity: value, enrolments, sessions_by_code: {} }], ['ethnicity']);
    const line = csv.split('\r\n')[1] ?? '';
    const cells = readCells(line);
    const cell = cells[0] ?? '';
    expect(/^[=+\-@]/.test(cell)).toBe(false);
    expect(cell === value || cell === `'${value}`).toBe(true);
    expect(cell === `'${value}`).toBe(/^[=+\-@]/.test(value));
    // Numbers are never changed.
    expect(cells[1]).toBe(String(enrolments));
  },
);

test.prop([fc.integer({ min: -1000, max: 1000 })])('[CSV-2] numeric cells are written as numbers, even negative ones', (n) => {
  const csv = toCsv([{ enrolments: n, sessions_by_code: {} }], []);
  expect(readCells(csv.split('\r\n')[1] ?? '')[0]).toBe(String(n));
});

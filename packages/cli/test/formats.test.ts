/**
 * The csv and table formats: on the hand-counted fixture (see summarise.test.ts for the counts) and
 * on hand-made rows for the spreadsheet-safety rule.
 */
import { CODE_TABLE } from '@attendance-kit/core';
import { describe, expect, test } from 'vitest';
import { neutralise, quoteCsv, toCsv } from '../src/format/csv.js';
import { toTable } from '../src/format/table.js';
import { runCli } from './run-cli.js';

const FIXTURE = 'packages/cli/test/fixtures/small';

describe('--format csv', () => {
  test('one line per row: keys, counts, rates, then code_<x> for every register code in dictionary order', async () => {
    const r = await runCli(['summarise', FIXTURE, '--by', 'school', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\r\n');
    const columns = (header ?? '').split(',');
    expect(columns.slice(0, 3)).toEqual(['school_urn', 'enrolments', 'possible_sessions']);
    expect(columns.filter((c) => c.startsWith('code_'))).toEqual(CODE_TABLE.map((c) => `code_${c.code}`));
    expect(rows).toHaveLength(2);
    const cell = (row: string | undefined, column: string): string | undefined => row?.split(',')[columns.indexOf(column)];
    expect(cell(rows[0], 'school_urn')).toBe('100001');
    expect(cell(rows[0], 'possible_sessions')).toBe('18');
    expect(cell(rows[0], 'code_/')).toBe('7');
    expect(cell(rows[0], 'code_#')).toBe('2');
    expect(cell(rows[0], 'code_X')).toBe('0');
    expect(Number(cell(rows[1], 'attendance_perc'))).toBeCloseTo((18 / 19) * 100, 9);
    expect(cell(rows[1], 'code_-')).toBe('1');
  });

  test('text cells starting with = + - @ are prefixed with a quote; numbers are left alone', () => {
    const csv = toCsv(
      [
        { ethnicity: '=HYPERLINK("x")', enrolments: 1, pa_perc: -0, sessions_by_code: { '-': 2 } },
        { ethnicity: '@SUM(A1)', enrolments: 2, sessions_by_code: {} },
        { ethnicity: '-1', enrolments: 3, sessions_by_code: {} },
        { ethnicity: 'WBRI', enrolments: 4, sessions_by_code: {} },
      ],
      ['ethnicity'],
    );
    const firstCells = csv.trimEnd().split('\r\n').slice(1).map((l) => l.slice(0, l.indexOf(',1,') >= 0 ? l.indexOf(',1,') : l.indexOf(',', 1)));
    expect(firstCells[0]).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'@SUM(A1),2,");
    expect(csv).toContain("'-1,3,");
    expect(csv).toContain('\r\nWBRI,4,');
  });

  test('neutralise and quoteCsv', () => {
    expect(neutralise('+44')).toBe("'+44");
    expect(neutralise('a=b')).toBe('a=b');
    expect(quoteCsv('a,b')).toBe('"a,b"');
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsv('plain')).toBe('plain');
  });
});

describe('--format table', () => {
  test('aligned columns, rates rounded half up to 1 dp from the counts', async () => {
    const r = await runCli(['summarise', FIXTURE, '--by', 'school', '--format', 'table']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('school_urn')) ?? '';
    const row1 = lines.find((l) => l.startsWith('100001')) ?? '';
    const row2 = lines.find((l) => l.startsWith('100002')) ?? '';
    // 16/18 = 88.89 -> 88.9; 2/18 = 11.11 -> 11.1; 1/18 = 5.56 -> 5.6; PA 2/2 = 100.0
    expect(row1.split(/ {2,}/)).toEqual(['100001', '2', '18', '88.9', '11.1', '5.6', '5.6', '100.0', '2', '0']);
    // 18/19 = 94.74 -> 94.7; 1/19 = 5.26 -> 5.3; PA 1/2 = 50.0
    expect(row2.split(/ {2,}/)).toEqual(['100002', '2', '19', '94.7', '5.3', '5.3', '0.0', '50.0', '1', '0']);
    // Right-aligned numbers end in the same column as their heading.
    expect(row1.length).toBe(header.length);
    expect(row2.length).toBe(header.length);
    expect(r.stdout).toContain('Period 2024-08-01 to 2025-07-31, profile dfe: 2 rows');
  });

  test('a half exactly rounds up (1/16 = 6.25% -> 6.3), and a zero denominator shows z', () => {
    const text = toTable(
      [
        { enrolments: 16, possible_sessions: 16, overall_absence: 1, overall_attendance: 15, pa_enrolments: 1 },
        { enrolments: 0, possible_sessions: 0 },
      ],
      [],
      { from: '2024-09-02', to: '2024-12-20', profile: 'all', filters: ['sen=K'] },
    );
    const rows = text.split('\n').filter((l) => /^\s*\d/.test(l)).map((l) => l.trim().split(/ {2,}/));
    expect(rows[0]).toEqual(['16', '16', '93.8', '6.3', '0.0', '0.0', '6.3', '1', '0']);
    expect(rows[1]?.slice(2, 7)).toEqual(['z', 'z', 'z', 'z', 'z']);
    expect(text).toContain('profile all, filter sen=K');
  });
});

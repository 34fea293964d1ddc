import { describe, expect, test } from 'vitest';
import type { IsoDate } from '@attendance-kit/core';
import { nationalCells, tinyDataset } from '../../test/fixture.js';
import { mondaysOf } from '../table.js';
import { summaryReport, weeklyAttendance, yearGroups } from '../reports.js';
import { csvText, renderCsv } from './csv.js';
import { indexEntryOf, renderHtml, renderIndex } from './html.js';
import { escapeHtml } from './escape.js';
import { render } from './index.js';

const from = '2024-09-02' as IsoDate;
const to = '2024-10-18' as IsoDate;
const weeks = new Map(mondaysOf(from, to).map((m) => [m, nationalCells(9300, 10_000)]));
const report = weeklyAttendance(tinyDataset(), { from, to, comparator: { kind: 'national', weeks } });

describe('csv', () => {
  test('text cells that a spreadsheet would run are neutralised; quotes and commas are quoted', () => {
    expect(csvText('=1+1')).toBe("'=1+1");
    expect(csvText('-2')).toBe("'-2");
    expect(csvText("'x")).toBe("''x");
    expect(csvText('a,"b"')).toBe('"a,""b"""');
    expect(csvText('St Mary')).toBe('St Mary');
  });
  test('a negative difference is written as a plain number', () => {
    const lines = renderCsv(report).trim().split('\n');
    const header = (lines[0] as string).split(',');
    const i = header.indexOf('ytd_difference');
    const diffs = lines.slice(1).map((l) => l.split(',')[i] as string);
    expect(diffs.some((d) => d.startsWith('-'))).toBe(true);
    for (const d of diffs) expect(Number.isFinite(Number(d))).toBe(true);
  });
});

describe('html', () => {
  const html = renderHtml(report);
  test('a table with a row per report row, a chart, a band key and a circle with a sign for a banded cell', () => {
    expect(html.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr/g)).toHaveLength(report.rows.length);
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('aria-label="Band key"');
    const banded = report.rows.flatMap((r) => Object.values(r.cells)).find((c) => c.band !== null && c.band.level > 0);
    expect(banded?.band?.level).toBeGreaterThan(0);
    expect(html).toMatch(/class="band (better|worse)-[123]" aria-hidden="true">[+\u2212][123]<\/span><span class="sr"> \([^)]*points (better|worse)\)/);
  });
  test('a report with no rows says so instead of an empty table', () => {
    const empty = summaryReport(tinyDataset(), { from: '2030-01-06' as IsoDate, to: '2030-01-10' as IsoDate });
    const page = renderHtml(empty);
    expect(page).not.toContain('<table');
    expect(page).toContain('role="status"');
    expect(page).toContain('No possible sessions');
  });
  test('hostile school names from the data are escaped in every renderer', () => {
    const d = tinyDataset();
    const names = ['<img src=https://evil.example/x.png>', '=HYPERLINK("https://evil.example")', 'A | B', '<script>alert(1)</script>'];
    const hostile = { ...d, schools: d.schools.map((s, i) => ({ ...s, name: names[i % names.length] as string })) };
    const r = weeklyAttendance(hostile, { from, to });
    const page = renderHtml(r);
    // Tags and attributes only: the escaped names still read "src=" as text.
    expect(page).not.toMatch(/<img|<script|<[^>]*\ssrc=/i);
    for (const n of names) expect(page).toContain(escapeHtml(n));
    expect(renderCsv(r)).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
  });
  test('the index refuses an absolute link', () => {
    expect(() => renderIndex('R', [{ href: 'https://example.org/x.html', title: 'x' }])).toThrow(RangeError);
    expect(renderIndex('R', [{ href: 'summary.html', title: 'Summary' }])).toContain('<a href="summary.html">Summary</a>');
  });
  test('render picks the format', () => {
    expect(JSON.parse(render(report, 'json')).id).toBe('weekly-attendance');
    expect(render(report, 'md').startsWith('# All Schools: Weekly Attendance')).toBe(true);
    expect(render(report, 'csv').startsWith('name,school_urn,la_code,ytd,')).toBe(true);
  });
});

describe('html layout', () => {
  test('the chart has axis titles, a legend naming the comparator, and a gap where a week has no comparator', () => {
    // Hand-made comparator with the third week missing.
    const mondays = mondaysOf(from, to);
    const gappy = new Map(mondays.filter((_, i) => i !== 2).map((m) => [m, nationalCells(9300, 10_000)]));
    const html = renderHtml(weeklyAttendance(tinyDataset(), { from, to, comparator: { kind: 'national', weeks: gappy } }));
    expect(html).toContain('>Week commencing</text>');
    expect(html).toContain('>% of possible sessions</text>');
    expect(html).toMatch(/<g class="legend">[\s\S]*Comparator: [^<]+<\/text><\/g>/);
    const cmpPath = html.match(/<path class="line-cmp" d="([^"]*)"/)?.[1] ?? '';
    expect(cmpPath.match(/M/g)).toHaveLength(2);
  });
  test('a report of groups gets one small chart per group on one scale, and no chart of the first group alone', () => {
    const r = yearGroups(tinyDataset(), { from, to, comparator: { kind: 'national', weeks } });
    const html = renderHtml(r);
    expect(html).not.toContain('<svg class="chart"');
    expect(html.match(/<svg class="multiple"/g)).toHaveLength(r.rows.length);
    expect(html).toContain('every panel has the same scale');
  });
  test('a key every row shares is stated once above the table, not as a column', () => {
    const html = renderHtml(report);
    const la = report.rows[0]?.key['la_code'] ?? '';
    expect(la).not.toBe('');
    expect(html).toContain(`<dt>LA</dt><dd>${la}</dd>`);
    expect(html.match(/<thead>[\s\S]*<\/thead>/)?.[0]).not.toContain('>LA<');
    expect(html.match(/<thead>[\s\S]*<\/thead>/)?.[0]).toContain('>URN<');
  });
  test('figures without a band keep an empty slot so a column lines up', () => {
    const html = renderHtml(report);
    const unbanded = report.rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.display !== '' && (c.band === null || c.band.level === 0));
    expect(unbanded.length).toBeGreaterThan(0);
    expect(html.match(/<span class="band-none" aria-hidden="true"><\/span>/g)).toHaveLength(unbanded.length);
  });
  test('the index entry of a report links its other formats and shows its period figure with the band', () => {
    const entry = indexEntryOf(report, ['json', 'csv', 'md', 'html']);
    expect(entry).toMatchObject({ href: 'weekly-attendance.html', formats: ['weekly-attendance.json', 'weekly-attendance.csv', 'weekly-attendance.md'] });
    expect(entry.description).toMatch(/week by week/);
    const html = renderIndex('Reports', [entry]);
    for (const f of ['json', 'csv', 'md']) expect(html).toContain(`<a href="weekly-attendance.${f}">${f.toUpperCase()}</a>`);
    const total = report.rows[0]?.cells['ytd'];
    expect(html).toContain(`>${total?.display}<span class="band`);
    expect(html).toContain(report.period.label);
  });
});

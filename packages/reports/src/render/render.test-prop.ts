import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { IsoDate } from '@attendance-kit/core';
import type { Report, ReportCell, ReportRow } from '../model.js';
import { suppressedCell } from '../cell.js';
import { renderCsv } from './csv.js';
import { escapeHtml } from './escape.js';
import { renderHtml, renderIndex } from './html.js';
import { renderMarkdown } from './markdown.js';
import { niceRange } from './chart-geometry.js';

/** Text a hostile or careless source could put in a school name: formulas, markup, quotes, URLs. */
const arbText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('=HYPERLINK("http://x.example","a")', '+1', '-2+3', '@SUM(A1)', '\tx', '<script>alert(1)</script>', '"quoted", and, commas', 'a\nb', "O'Brien & Sons <Academy>", 'javascript:alert(1)', 'https://evil.example/x.js'),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '<', '"', "'", '&'), fc.string({ maxLength: 6 })).map(([a, b]) => a + b),
);

const arbShownCell: fc.Arbitrary<ReportCell> = fc
  .record({
    numerator: fc.nat({ max: 1000 }),
    extra: fc.nat({ max: 1000 }),
    comparator: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    level: fc.constantFrom(0, 1, 2, 3),
    better: fc.boolean(),
    display: arbText,
  })
  .map(({ numerator, extra, comparator, level, better, display }) => {
    const denominator = numerator + extra;
    const value = denominator === 0 ? null : (numerator * 100) / denominator;
    const difference = value === null || comparator === null ? null : value - comparator;
    return {
      value,
      numerator,
      denominator,
      comparator,
      difference,
      band: difference === null ? null : { level: level as 0 | 1 | 2 | 3, direction: level === 0 ? 'none' : better ? 'better' : 'worse' },
      significant: null,
      suppressed: false,
      display,
    } satisfies ReportCell;
  });

const arbCell: fc.Arbitrary<ReportCell> = fc.oneof({ arbitrary: arbShownCell, weight: 5 }, { arbitrary: fc.constant(suppressedCell()), weight: 1 });

const WEEKS = ['2024-09-02', '2024-09-09', '2024-09-16'];

const arbReport: fc.Arbitrary<Report> = fc
  .record({
    title: arbText,
    rows: fc.array(fc.record({ urn: arbText, name: arbText, cells: fc.tuple(arbCell, arbCell, arbCell, arbCell) }), { maxLength: 6 }),
    notes: fc.array(arbText, { maxLength: 3 }),
    filterValue: arbText,
  })
  .map(({ title, rows, notes, filterValue }) => ({
    id: 'weekly-attendance',
    title,
    period: { from: '2024-09-02' as IsoDate, to: '2024-09-20' as IsoDate, label: title },
    profile: 'dfe',
    filters: [{ field: 'ethnicity', value: filterValue }],
    comparator: { kind: 'national', label: title },
    columns: [{ id: 'ytd', label: title }, ...WEEKS.map((w) => ({ id: w, label: w }))],
    rows: rows.map(
      (r): ReportRow => ({
        key: { name: r.name, school_urn: r.urn },
        cells: { ytd: r.cells[0], [WEEKS[0] as string]: r.cells[1], [WEEKS[1] as string]: r.cells[2], [WEEKS[2] as string]: r.cells[3] },
      }),
    ),
    notes,
  }));

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

describe('renderers', () => {
  test.prop([arbReport])('[REN-1] CSV never starts a text cell with = + - @ (or tab / CR): only numbers may start with -', (report) => {
    const records = parse(renderCsv(report), { relax_column_count: false }) as string[][];
    expect(records).toHaveLength(report.rows.length + 1);
    for (const rec of records) for (const field of rec) if (/^[=+\-@\t\r]/.test(field)) expect(field).toMatch(NUMBER);
  });

  test.prop([arbReport])('[REN-1b] CSV keeps every key and display, behind a quote mark when neutralised', (report) => {
    const records = parse(renderCsv(report)) as string[][];
    report.rows.forEach((row, i) => {
      const rec = records[i + 1] as string[];
      const unquote = (s: string) => (s.startsWith("'") ? s.slice(1) : s);
      expect(unquote(rec[0] as string)).toBe(row.key['name']);
      expect(unquote(rec[1] as string)).toBe(row.key['school_urn']);
      expect(unquote(rec[2] as string)).toBe(row.cells['ytd']?.display);
    });
  });

  test.prop([arbReport])('[REN-2] HTML loads nothing from outside (no script, link, url(), src or external href) and shows every cell escaped', (report) => {
    const html = renderHtml(report);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i);
    // Inside tags only: an escaped name may read "src=" as text.
    expect(html).not.toMatch(/<[^>]*\s(src|href|xlink:href)\s*=/i);
    for (const row of report.rows) {
      expect(html).toContain(escapeHtml(row.key['school_urn'] ?? ''));
      expect(html).toContain(escapeHtml(row.key['name'] ?? ''));
      for (const cell of Object.values(row.cells)) if (cell.display !== '') expect(html).toContain(`>${escapeHtml(cell.display)}`);
    }
  });

  test.prop([fc.array(fc.record({ href: fc.stringMatching(/^[a-z0-9-]{1,12}\.html$/), title: arbText }), { maxLength: 8 })])(
    '[REN-3] the index page links only to relative files, every title escaped',
    (entries) => {
      const html = renderIndex('Reports', entries);
      for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^[a-z0-9-]+\.html$/);
      for (const x of entries) expect(html).toContain(`>${escapeHtml(x.title)}</a>`);
      expect(html).not.toMatch(/<script|<link|url\(/i);
    },
  );

  test.prop([arbReport])('[REN-4] Markdown has one table line per row and no raw pipe from a name', (report) => {
    const lines = renderMarkdown(report).split('\n').filter((l) => l.startsWith('| '));
    expect(lines).toHaveLength(report.rows.length === 0 ? 0 : report.rows.length + 2);
    const cols = 2 + report.columns.length;
    for (const l of lines) expect(l.split(/(?<!\\)\|/).length - 2).toBe(cols);
  });

  test.prop([fc.array(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 10_000)), { minLength: 1, maxLength: 30 })])(
    '[REN-5] a chart\'s y axis covers every value within 0..100, with 3 to 7 ticks one round step apart',
    (hundredths) => {
      const values = hundredths.map((h) => h / 100);
      const { lo, hi, ticks } = niceRange(values);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(100);
      for (const v of values) expect(v >= lo && v <= hi).toBe(true);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(ticks[0]).toBe(lo);
      expect(ticks[ticks.length - 1]).toBeCloseTo(hi, 9);
      const steps = new Set(ticks.slice(1).map((t, i) => Math.round((t - (ticks[i] as number)) * 100) / 100));
      expect(steps.size).toBe(1);
      expect([0.5, 1, 2, 5, 10, 20, 25]).toContain([...steps][0]);
    },
  );
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { IsoDate } from '@attendance-kit/core';
import type { Report, ReportRow } from '../model.js';
import { displayCell } from '../../test/fixture.js';
import { escapeHtml } from './escape.js';
import { renderHtml } from './html.js';

/** Text a careless or hostile source could put in a name or a key: markup, quotes, ampersands. */
const arbText = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('<script>alert(1)</script>', "O'Brien & Sons <LA>", '"q"', 'https://evil.example/x.js'));

const cell = displayCell;

const arbRow: fc.Arbitrary<ReportRow> = fc
  .record({
    name: arbText,
    role: fc.constantFrom('la', 'neighbour', 'neighbours-mean', 'region', 'england'),
    method: arbText,
    q: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  })
  .map(({ name, role, method, q }) => ({
    key: { name, la_code: role === 'la' || role === 'neighbour' ? '340' : '', role, ...(role === 'neighbours-mean' ? { method } : {}) },
    cells: { rate: cell('7.0%', 7), rate_quartile: q === null ? cell('', null) : cell('ABCD'.charAt(q - 1), q) },
  }));

const arbBenchmark: fc.Arbitrary<Report> = fc.array(arbRow, { maxLength: 8 }).map((rows) => ({
  id: 'statistical-neighbours',
  title: 'Benchmark',
  period: { from: '2024-09-02' as IsoDate, to: '2024-12-20' as IsoDate, label: 'Autumn' },
  profile: 'dfe',
  filters: [],
  comparator: { kind: 'none', label: 'none' },
  columns: [
    { id: 'rate', label: 'Rate' },
    { id: 'rate_quartile', label: 'Quartile' },
  ],
  rows,
  notes: [],
}));

describe('benchmark table', () => {
  test.prop([arbBenchmark])(
    '[REN-6] in a table with roles, exactly the rows of role la say "(this LA)", every quartile band shows its letter, and folded keys appear escaped',
    (report) => {
      const html = renderHtml(report);
      const body = html.match(/<tbody>([\s\S]*)<\/tbody>/)?.[1]?.trim().split('\n') ?? [];
      expect(body).toHaveLength(report.rows.length);
      report.rows.forEach((row, i) => {
        const line = body[i] ?? '';
        expect(line.includes('<span class="marker">(this LA)</span>')).toBe(row.key['role'] === 'la');
        const q = row.cells['rate_quartile']?.value ?? null;
        if (q !== null) expect(line).toContain(`<span class="quartile q${q}" aria-hidden="true">${'ABCD'.charAt(q - 1)}</span>`);
        else expect(line).not.toContain('class="quartile');
        const method = row.key['method'];
        if (method !== undefined && method !== '') expect(line).toContain(escapeHtml(method));
      });
      expect(html).not.toMatch(/<script|<link|<img|url\(|<[^>]*\s(src|href)\s*=/i);
    },
  );
});

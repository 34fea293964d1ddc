import { describe, expect, test } from 'vitest';
import type { IsoDate } from '@attendance-kit/core';
import type { Report, ReportCell, ReportRow } from '../model.js';
import { displayCell } from '../../test/fixture.js';
import { escapeHtml } from './escape.js';
import { renderHtml } from './html.js';

const figure = displayCell;

const quartile = (letter: 'A' | 'B' | 'C' | 'D'): ReportCell => figure(letter, 'ABCD'.indexOf(letter) + 1);

const laRow = (name: string, code: string, role: 'la' | 'neighbour', rate: string, q: 'A' | 'B' | 'C' | 'D'): ReportRow => ({
  key: { name, la_code: code, role, neighbour_rank: role === 'la' ? '' : '1', closeness: role === 'la' ? '' : 'Close' },
  cells: { overall_absence: figure(rate), overall_absence_quartile: quartile(q) },
});

/** A hand-made benchmark in statistical-neighbours.ts's shape: two ranked LAs, then the mean, region and England. */
const benchmark: Report = {
  id: 'statistical-neighbours',
  title: 'Statistical neighbours: Knowsley',
  period: { from: '2024-09-02' as IsoDate, to: '2024-12-20' as IsoDate, label: 'Autumn 2024/25' },
  profile: 'dfe',
  filters: [],
  comparator: { kind: 'none', label: 'none' },
  columns: [
    { id: 'overall_absence', label: 'Overall absence' },
    { id: 'overall_absence_quartile', label: 'Overall: quartile (A best)' },
  ],
  rows: [
    laRow('St. Helens', '342', 'neighbour', '6.7%', 'C'),
    laRow('Knowsley <& Co>', '340', 'la', '7.7%', 'D'),
    { key: { name: 'Neighbours: mean', la_code: '', role: 'neighbours-mean', method: 'plain-mean-of-rates', contributors: '1 of 1' }, cells: { overall_absence: figure('7.0%'), overall_absence_quartile: figure('') } },
    { key: { name: 'North West', la_code: '', role: 'region', region_code: 'E12000002' }, cells: { overall_absence: figure('6.4%'), overall_absence_quartile: figure('') } },
    { key: { name: 'England', la_code: '', role: 'england' }, cells: { overall_absence: figure('6.5%'), overall_absence_quartile: figure('') } },
  ],
  notes: [],
};

const html = renderHtml(benchmark);
const bodyRows = html.match(/<tbody>([\s\S]*)<\/tbody>/)?.[1]?.trim().split('\n') ?? [];

describe('statistical-neighbour table', () => {
  test('the LA itself is highlighted and marked "(this LA)" in words; no other row is', () => {
    expect(bodyRows).toHaveLength(5);
    expect(bodyRows[1]).toMatch(/^<tr class="own"><th scope="row">Knowsley &lt;&amp; Co&gt; <span class="marker">\(this LA\)<\/span><\/th>/);
    expect(html.match(/\(this LA\)/g)).toHaveLength(1);
    expect(html.match(/class="own"/g)).toHaveLength(1);
    // The first ranked row is not taken for a total because it has an LA code.
    expect(bodyRows[0]).not.toContain('class="total"');
  });
  test('the mean, region and England rows are set apart under one rule, the first of them starting it', () => {
    expect(bodyRows[2]).toMatch(/^<tr class="compare compare-start">/);
    expect(bodyRows[3]).toMatch(/^<tr class="compare">/);
    expect(bodyRows[4]).toMatch(/^<tr class="compare">/);
    expect(html).toMatch(/tr\.compare-start td,tbody tr\.compare-start th\{border-top:3px/);
  });
  test('role, and the keys only comparison rows have, fold under the name instead of taking a column', () => {
    const head = html.match(/<thead>[\s\S]*<\/thead>/)?.[0] ?? '';
    for (const gone of ['>Role<', '>Method<', '>Contributors<', '>Region code<']) expect(head).not.toContain(gone);
    expect(head).toContain('>Neighbour rank<');
    expect(bodyRows[2]).toContain('<span class="aside">method: plain-mean-of-rates; contributors: 1 of 1</span>');
    expect(bodyRows[3]).toContain('<span class="aside">code: E12000002</span>');
    // Nor are they stated above the table as if every row shared them.
    expect(html).not.toContain('<dt>Role</dt>');
  });
  test('quartile cells are badges carrying their letter, one shade per band, the band in words, and a key', () => {
    expect(bodyRows[0]).toContain('<td class="q"><span class="quartile q3" aria-hidden="true">C</span><span class="sr">C: third quarter</span></td>');
    expect(bodyRows[1]).toContain('<span class="quartile q4" aria-hidden="true">D</span><span class="sr">D: worst quarter of LAs in England</span>');
    // Rows without a band keep a plain empty cell.
    expect(bodyRows[4]).toContain('<td class="n"><span class="sr">no figure</span></td>');
    expect(html).toContain('aria-label="Quartile band key"');
    for (const [q, letter] of [[1, 'A'], [2, 'B'], [3, 'C'], [4, 'D']] as const) expect(html).toContain(`<span class="quartile q${q}" aria-hidden="true">${letter}</span>`);
    const shades = new Set([1, 2, 3, 4].map((q) => html.match(new RegExp(`\\.q${q}\\{background:(#[0-9a-f]{6})`))?.[1]));
    expect(shades.size).toBe(4);
    expect(shades.has(undefined)).toBe(false);
  });
  test('a report without roles or quartile columns is untouched: no marker, no rule, no badge key', () => {
    const plain: Report = { ...benchmark, rows: benchmark.rows.map((r) => ({ ...r, key: { name: r.key['name'] ?? '', la_code: r.key['la_code'] ?? '' } })), columns: [{ id: 'overall_absence', label: 'Overall absence' }] };
    const page = renderHtml(plain);
    for (const absent of ['(this LA)', 'class="own"', 'class="compare', 'aria-label="Quartile band key"', 'class="aside"']) expect(page).not.toContain(absent);
    expect(page).toContain(escapeHtml('Knowsley <& Co>'));
  });
});

import { describe, expect, test } from 'vitest';
import type { IsoDate } from '@attendance-kit/core';
import { displayCell, tinyDataset } from '../../test/fixture.js';
import type { Report, ReportRow } from '../model.js';
import { attendanceProfile } from '../profile.js';
import { renderHtml } from './html.js';

const figure = displayCell;

const row = (part: string, partLabel: string, group: string, value: string, label: string): ReportRow => ({
  key: { name: `${partLabel}: ${label}`, part, group, value },
  cells: { attendance: figure('92.0%') },
});

/** A hand-made profile: the whole period then autumn 1, each with all pupils and two year groups. */
const profile = (columns: number): Report => ({
  id: 'profile',
  title: 'Attendance profile',
  period: { from: '2024-09-02' as IsoDate, to: '2024-12-20' as IsoDate, label: 'Autumn 2024/25' },
  profile: 'dfe',
  filters: [],
  comparator: { kind: 'none', label: 'none' },
  columns: Array.from({ length: columns }, (_, i) => ({ id: i === 0 ? 'attendance' : `reason_${i}`, label: i === 0 ? 'Attendance' : `Reason ${i}` })),
  rows: [
    row('period', 'Autumn 2024/25', 'all', '', 'all pupils'),
    row('period', 'Autumn 2024/25', 'year_group', '1', 'Year 1'),
    row('period', 'Autumn 2024/25', 'year_group', '2', 'Year 2'),
    row('autumn1', 'Autumn 1', 'all', '', 'all pupils'),
    row('autumn1', 'Autumn 1', 'year_group', '1', 'Year 1'),
  ],
  notes: [],
});

describe('profile page', () => {
  const html = renderHtml(profile(20));
  const head = html.match(/<thead>[\s\S]*<\/thead>/)?.[0] ?? '';
  const body = html.match(/<tbody>([\s\S]*)<\/tbody>/)?.[1]?.trim().split('\n') ?? [];
  test('the part, group and value columns, which the row names spell out, are left off the table and the facts above it', () => {
    for (const gone of ['>Part<', '>Group<', '>Value<']) expect(head).not.toContain(gone);
    expect(head).toContain('>Name<');
    expect(html).not.toMatch(/<dt>(Part|Group|Value)<\/dt>/);
    expect(body[1]).toMatch(/^<tr[^>]*><th scope="row">Autumn 2024\/25: Year 1<\/th><td class="n"/);
  });
  test('a new part starts with a heavier rule than a new group', () => {
    expect(body.map((l) => l.match(/^<tr(?: class="([^"]*)")?>/)?.[1] ?? '')).toEqual(['', 'group-start', '', 'group-start part-start', 'group-start']);
  });
  test('a page of more than 20 columns prints on A3; a narrower one on A4', () => {
    expect(html).toContain('<main class="wide">');
    expect(html).toMatch(/main\.wide\{page:wide\}/);
    expect(renderHtml(profile(5))).toContain('<main>');
  });
  test('another report keeps its part, group and value columns', () => {
    const other = renderHtml({ ...profile(3), id: 'pupil-groups' });
    for (const kept of ['>Part<', '>Group<', '>Value<']) expect(other.match(/<thead>[\s\S]*<\/thead>/)?.[0]).toContain(kept);
  });
  test('the real profile\'s row names are all different, so no row is lost without its part, group and value columns', () => {
    const real = attendanceProfile(tinyDataset(), { from: '2024-09-02' as IsoDate, to: '2024-10-18' as IsoDate });
    expect(real.rows.length).toBeGreaterThan(2);
    expect(new Set(real.rows.map((r) => r.key['name'])).size).toBe(real.rows.length);
    expect(renderHtml(real).match(/<thead>[\s\S]*<\/thead>/)?.[0]).not.toMatch(/>(Part|Group|Value)</);
  });
});

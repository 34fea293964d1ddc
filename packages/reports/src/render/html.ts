/**
 * Self-contained HTML of a report: inline CSS, no script, no font, image or link to anything outside
 * the page ([REN-2]). The page reads top down as an analyst would: title and what was compared, a
 * chart of the LA (or total) against the comparator over the weeks (small multiples for reports of
 * groups), the table with FFT's banding circles (sign, level and words, never colour alone: WCAG
 * 1.4.1), the band key, then the notes.
 * @module
 */
import { PROFILES, type ProfileId } from '@attendance-kit/core';
import type { Report } from '../model.js';
import { chartRow, renderChart } from './chart.js';
import { escapeHtml as e } from './escape.js';
import { page } from './html-page.js';
import { constantKeys, keyLabel, shownKeys, tableHtml } from './html-table.js';
import { renderMultiples, wantsMultiples } from './multiples.js';

export { indexEntryOf, renderIndex, type IndexEntry } from './html-index.js';

/** A profile id with core's description of it, so a reader knows which pupils count. */
const profileText = (id: string): string => {
  const p = Object.prototype.hasOwnProperty.call(PROFILES, id) ? PROFILES[id as ProfileId] : undefined;
  return p === undefined ? id : `${id}: ${p.description}`;
};

/**
 * More columns than this (figures and keys) print on A3: on A4 landscape at 6.5 pt about 20
 * columns of figures fit (measured), fewer with a long name column.
 */
const WIDE = 20;

/** The page's facts: period, profile, filters, comparator, and any key every row shares. */
const meta = (report: Report): string => {
  const filters = report.filters.length === 0 ? 'none (all pupils)' : report.filters.map((f) => `${f.field} = ${f.value === '' ? '(unknown)' : f.value}`).join(', ');
  const facts: (readonly [string, string])[] = [
    ['Period', `${report.period.label} (${report.period.from} to ${report.period.to})`],
    ['Profile', profileText(String(report.profile))],
    ['Filters', filters],
    ['Comparator', report.comparator.label],
    ...constantKeys(report).map(([k, v]) => [keyLabel(k), v] as const),
  ];
  return `<dl class="meta">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`;
};

/**
 * One report as a complete HTML page.
 * @example renderHtml(report).startsWith('<!doctype html>')
 */
export const renderHtml = (report: Report): string => {
  const total = chartRow(report);
  const id = `chart-${report.id.replace(/[^a-z0-9-]/gi, '')}`;
  const chart = wantsMultiples(report) ? renderMultiples(report, id) : renderChart(report, id, total);
  const table =
    report.rows.length === 0 ? '<p class="status" role="status">No rows: see the notes below.</p>' : tableHtml(report, total);
  const notes =
    report.notes.length === 0
      ? ''
      : `<section class="notes" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ul>${report.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></section>`;
  const wide = report.columns.length + shownKeys(report).length > WIDE;
  return page(report.title, [`<h1>${e(report.title)}</h1>`, meta(report), chart, table, notes].filter((s) => s !== '').join('\n'), wide);
};

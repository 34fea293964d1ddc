/**
 * An inline SVG line chart of one series (the LA or school) against its comparator over the week
 * columns: no script, no external resource, a <title> and <desc> for screen readers, and the table
 * beside it carries every figure (the chart is never the only way to read them).
 * @module
 */
import type { Report, ReportRow } from '../model.js';
import { escapeHtml } from './escape.js';

const W = 640;
const H = 240;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };

/** Week columns are those whose id is an ISO date. */
export const weekColumns = (report: Report) => report.columns.filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.id));

/** The row a chart follows: the LA / total row, else the first row. */
export const chartRow = (report: Report): ReportRow | undefined => report.rows.find((r) => r.key['la_code'] !== undefined) ?? report.rows[0];

/**
 * The chart's SVG, or `''` when the report has fewer than two weeks with a value.
 * @example renderChart(report).startsWith('<svg')
 */
export const renderChart = (report: Report, id: string): string => {
  const weeks = weekColumns(report);
  const row = chartRow(report);
  if (row === undefined || weeks.filter((w) => row.cells[w.id]?.value != null).length < 2) return '';
  const local = weeks.map((w) => row.cells[w.id]?.value ?? null);
  const cmp = weeks.map((w) => row.cells[w.id]?.comparator ?? null);
  const all = [...local, ...cmp].filter((v): v is number => v !== null);
  let lo = Math.floor(Math.min(...all) - 1);
  let hi = Math.ceil(Math.max(...all) + 1);
  if (hi - lo < 2) [lo, hi] = [lo - 1, hi + 1];
  const x = (i: number) => PAD.left + (weeks.length === 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (weeks.length - 1));
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const path = (vals: readonly (number | null)[]) => {
    // A gap where a week has no value (FFT FAQ 5: no national line where data is insufficient).
    let d = '';
    let pen = false;
    vals.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const name = row.key['name'] ?? 'Selected';
  const ticks = [lo, (lo + hi) / 2, hi];
  const label = `${name}: ${report.title} by week, against the comparator`;
  const parts = [
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d">`,
    `<title id="${id}-t">${escapeHtml(label)}</title>`,
    `<desc id="${id}-d">${escapeHtml(weeks.map((w, i) => `${w.label}: ${row.cells[w.id]?.display || 'no figure'}${cmp[i] === null ? '' : `, comparator ${(cmp[i] as number).toFixed(1)}%`}`).join('; '))}</desc>`,
    ...ticks.map((t) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text class="axis" x="${PAD.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t.toFixed(1)}%</text>`),
    // At most about a dozen week labels, so a whole year stays legible.
    ...weeks.map((w, i) => (i % Math.ceil(weeks.length / 12) !== 0 ? '' : `<text class="axis" x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${escapeHtml(w.label.replace('w/c ', ''))}</text>`)),
    `<path class="line-cmp" d="${path(cmp)}"/>`,
    `<path class="line-local" d="${path(local)}"/>`,
    ...local.map((v, i) => (v === null ? '' : `<circle class="pt-local" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3"/>`)),
    `<g class="legend"><line class="line-local" x1="${PAD.left}" x2="${PAD.left + 20}" y1="${H - 8}" y2="${H - 8}"/><text x="${PAD.left + 24}" y="${H - 4}">${escapeHtml(name)}</text>`,
    `<line class="line-cmp" x1="${PAD.left + 260}" x2="${PAD.left + 280}" y1="${H - 8}" y2="${H - 8}"/><text x="${PAD.left + 284}" y="${H - 4}">Comparator (dashed)</text></g>`,
    '</svg>',
  ];
  return parts.join('');
};

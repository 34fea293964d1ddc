/**
 * An inline SVG line chart of one series (the LA or selected schools) against its comparator over the
 * week columns: no script, no external resource, a <title> and <desc> for screen readers, axis titles
 * and a legend that names the comparator. The two lines differ by colour AND by dash and marker
 * shape (solid with dots, dashed with hollow squares), so colour is never the only cue. The table
 * beside it carries every figure: the chart is never the only way to read them.
 * @module
 */
import type { Report, ReportRow } from '../model.js';
import { linePath, niceRange, pct, present, seriesOf, weekColumns } from './chart-geometry.js';
import { escapeHtml as e } from './escape.js';

export { weekColumns } from './chart-geometry.js';

const W = 720;
const H = 300;
const PAD = { left: 64, right: 28, top: 52, bottom: 50 };

/** The row a chart follows: the LA / total row, else the first row. */
export const chartRow = (report: Report): ReportRow | undefined => report.rows.find((r) => r.key['la_code'] !== undefined) ?? report.rows[0];

/** Shortens a legend label so it fits its line. */
const fit = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}\u2026`);

/**
 * The chart's SVG for `row` (default {@link chartRow}), or `''` when it has fewer than two weeks with
 * a value.
 * @example renderChart(report, 'chart-summary').startsWith('<svg')
 */
export const renderChart = (report: Report, id: string, row: ReportRow | undefined = chartRow(report)): string => {
  const weeks = weekColumns(report);
  if (row === undefined) return '';
  const { local, cmp } = seriesOf(report, row);
  if (present(local) < 2) return '';
  const { lo, hi, ticks } = niceRange([...local, ...cmp].filter((v): v is number => v !== null));
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, weeks.length - 1);
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const name = row.key['name'] ?? 'Selected';
  const cmpName = report.comparator.kind === 'none' ? 'No comparator' : `Comparator: ${report.comparator.label}`;
  const label = `${name}: ${report.title}, % by week commencing, against the comparator`;
  const every = Math.ceil(weeks.length / 10);
  const bottom = H - PAD.bottom;
  const parts = [
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d">`,
    `<title id="${id}-t">${e(label)}</title>`,
    `<desc id="${id}-d">${e(weeks.map((w, i) => `${w.label}: ${row.cells[w.id]?.display || 'no figure'}${cmp[i] == null ? '' : `, comparator ${(cmp[i] as number).toFixed(1)}%`}`).join('; '))}</desc>`,
    `<g class="legend"><line class="line-local" x1="${PAD.left}" x2="${PAD.left + 28}" y1="14" y2="14"/><circle class="pt-local" cx="${PAD.left + 14}" cy="14" r="3.5"/><text x="${PAD.left + 36}" y="18">${e(fit(name, 80))}</text>`,
    `<line class="line-cmp" x1="${PAD.left}" x2="${PAD.left + 28}" y1="34" y2="34"/><rect class="pt-cmp" x="${PAD.left + 11}" y="31" width="6" height="6"/><text x="${PAD.left + 36}" y="38">${e(fit(cmpName, 80))}</text></g>`,
    ...ticks.map((t) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text class="axis" x="${PAD.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${pct(t)}</text>`),
    `<line class="baseline" x1="${PAD.left}" x2="${W - PAD.right}" y1="${bottom}" y2="${bottom}"/>`,
    // At most about ten week labels, so a whole year stays legible.
    ...weeks.map((w, i) => (i % every !== 0 ? '' : `<line class="tick" x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${bottom}" y2="${bottom + 4}"/><text class="axis" x="${x(i).toFixed(1)}" y="${bottom + 17}" text-anchor="middle">${e(w.label.replace('w/c ', ''))}</text>`)),
    `<text class="axis-title" x="${(PAD.left + W - PAD.right) / 2}" y="${H - 6}" text-anchor="middle">Week commencing</text>`,
    `<text class="axis-title" transform="translate(14 ${(PAD.top + bottom) / 2}) rotate(-90)" text-anchor="middle">% of possible sessions</text>`,
    `<path class="line-cmp" d="${linePath(cmp, x, y)}"/>`,
    ...cmp.map((v, i) => (v === null ? '' : `<rect class="pt-cmp" x="${(x(i) - 3).toFixed(1)}" y="${(y(v) - 3).toFixed(1)}" width="6" height="6"/>`)),
    `<path class="line-local" d="${linePath(local, x, y)}"/>`,
    ...local.map((v, i) => (v === null ? '' : `<circle class="pt-local" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5"/>`)),
    '</svg>',
  ];
  return parts.join('');
};

/**
 * Small multiples: one small SVG line chart per group row (Year Groups, Pupil Groups), each against
 * its comparator, all on the same y scale so groups compare at a glance. Used when a report has no
 * LA / total row to chart, where one chart of the first group alone would mislead.
 * @module
 */
import type { Report, ReportRow } from '../model.js';
import { linePath, niceRange, pct, present, seriesOf, weekColumns } from './chart-geometry.js';
import { escapeHtml as e } from './escape.js';

const W = 240;
const H = 120;
const PAD = { left: 40, right: 10, top: 22, bottom: 20 };
/** More panels than this stop being readable at a glance; the table has the rest. */
const MAX_PANELS = 24;

/** True when the report's rows are groups with no total row: chart each group. */
export const wantsMultiples = (report: Report): boolean =>
  report.rows.length > 1 && report.rows.every((r) => r.key['group'] !== undefined && r.key['la_code'] === undefined);

const panel = (report: Report, row: ReportRow, id: string, lo: number, hi: number, ticks: readonly number[]): string => {
  const weeks = weekColumns(report);
  const { local, cmp } = seriesOf(report, row);
  if (present(local) === 0) return '';
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, weeks.length - 1);
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const name = row.key['name'] ?? '';
  const ytd = row.cells['ytd']?.display ?? '';
  const edge = [ticks[0] as number, ticks[ticks.length - 1] as number];
  const first = weeks[0]?.label.replace('w/c ', '') ?? '';
  const last = weeks[weeks.length - 1]?.label.replace('w/c ', '') ?? '';
  return [
    `<svg class="multiple" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d">`,
    `<title id="${id}-t">${e(`${name}: by week commencing, against the comparator`)}</title>`,
    `<desc id="${id}-d">${e(weeks.map((w, i) => `${w.label}: ${row.cells[w.id]?.display || 'no figure'}${cmp[i] == null ? '' : `, comparator ${(cmp[i] as number).toFixed(1)}%`}`).join('; '))}</desc>`,
    `<text class="panel-title" x="${PAD.left}" y="14">${e(name)}${ytd === '' ? '' : ` \u00b7 ${e(ytd)}`}</text>`,
    ...edge.map((t) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text class="axis" x="${PAD.left - 4}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${pct(t)}</text>`),
    `<text class="axis" x="${PAD.left}" y="${H - 5}">${e(first)}</text><text class="axis" x="${W - PAD.right}" y="${H - 5}" text-anchor="end">${e(last)}</text>`,
    `<path class="line-cmp" d="${linePath(cmp, x, y)}"/>`,
    `<path class="line-local" d="${linePath(local, x, y)}"/>`,
    '</svg>',
  ].join('');
};

/**
 * A captioned grid of small charts, one per row (at most 24), or `''` when no row has two weeks.
 * @example renderMultiples(yearGroupsReport, 'chart-year-groups')
 */
export const renderMultiples = (report: Report, id: string): string => {
  const rows = report.rows.slice(0, MAX_PANELS).filter((r) => present(seriesOf(report, r).local) >= 2);
  if (rows.length === 0) return '';
  const all = rows.flatMap((r) => {
    const s = seriesOf(report, r);
    return [...s.local, ...s.cmp];
  });
  const { lo, hi, ticks } = niceRange(all.filter((v): v is number => v !== null));
  const cmpName = report.comparator.kind === 'none' ? 'no comparator' : report.comparator.label;
  const more = report.rows.length > MAX_PANELS ? ` The first ${MAX_PANELS} rows are drawn; the table has every row.` : '';
  return [
    `<figure class="multiples" aria-labelledby="${id}-cap">`,
    `<figcaption id="${id}-cap"><span class="legend"><svg class="key" viewBox="0 0 28 8" aria-hidden="true"><line class="line-local" x1="0" x2="28" y1="4" y2="4"/></svg> each group</span> <span class="legend"><svg class="key" viewBox="0 0 28 8" aria-hidden="true"><line class="line-cmp" x1="0" x2="28" y1="4" y2="4"/></svg> comparator (dashed): ${e(cmpName)}</span>. By week commencing; every panel has the same scale.${e(more)}</figcaption>`,
    `<div class="grid-multiples">${rows.map((r, i) => panel(report, r, `${id}-${i}`, lo, hi, ticks)).join('')}</div>`,
    '</figure>',
  ].join('\n');
};

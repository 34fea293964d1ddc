/**
 * Self-contained HTML of a report and an index page: inline CSS, no script, no font, image or link
 * to anything outside the page ([REN-2]). Tables carry FFT's banding circles in three shades of green
 * and red (FAQ 2) WITH a sign and level inside and the band in words for screen readers and on hover,
 * so colour is never the only cue (WCAG 1.4.1). Reports with week columns get an SVG line chart of the
 * LA (or total) against the comparator.
 * @module
 */
import type { Report, ReportCell } from '../model.js';
import { chartRow, renderChart } from './chart.js';
import { escapeHtml as e } from './escape.js';
import { bandCode, bandText, keyColumns } from './text.js';

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5rem;color:#1b1b1b;max-width:80rem}
h1{font-size:1.4rem;margin:0 0 .5rem}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem;margin:.5rem 0 1rem}dt{font-weight:600}dd{margin:0}
.wrap{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;white-space:nowrap}th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td,tr.total th{font-weight:700;background:#fafafa}
.band{display:inline-block;min-width:1.6em;height:1.6em;line-height:1.6em;border-radius:50%;text-align:center;font-size:.75rem;font-weight:700;margin-left:.35rem;border:1px solid #555}
.better-1{background:#d7f0d7;color:#0b3d0b}.better-2{background:#7fcc7f;color:#0b3d0b}.better-3{background:#1a6e2e;color:#fff}
.worse-1{background:#fbdcdc;color:#5c0a0a}.worse-2{background:#ee8f8f;color:#4a0505}.worse-3{background:#a61b1b;color:#fff}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.legend-list{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;font-size:.85rem}
svg.chart{max-width:40rem;width:100%;height:auto;margin:1rem 0;font-size:11px}
svg .grid{stroke:#ddd}svg .axis{fill:#444}svg .line-local{stroke:#c2185b;stroke-width:2.5;fill:none}svg .line-cmp{stroke:#666;stroke-width:2;stroke-dasharray:6 4;fill:none}svg .pt-local{fill:#c2185b}
.notes{font-size:.9rem}
`;

const page = (title: string, body: string): string =>
  `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

const cellHtml = (cell: ReportCell | undefined): string => {
  if (cell === undefined || cell.display === '') return '<td class="n"><span class="sr">no figure</span></td>';
  const b = cell.band;
  if (cell.suppressed) return `<td class="n" title="withheld: too few pupils">c<span class="sr"> (withheld)</span></td>`;
  const detail = [
    `${cell.numerator ?? ''} of ${cell.denominator ?? ''}`,
    cell.comparator === null ? 'no comparator' : `comparator ${cell.comparator.toFixed(2)}%`,
    cell.difference === null ? '' : `difference ${cell.difference >= 0 ? '+' : ''}${cell.difference.toFixed(2)} points`,
  ].filter((s) => s !== '').join(', ');
  const circle =
    b === null || b.level === 0
      ? ''
      : `<span class="band ${b.direction}-${b.level}" aria-hidden="true">${e(bandCode(b).replace('-', '\u2212'))}</span><span class="sr"> (${e(bandText(b))})</span>`;
  return `<td class="n" title="${e(detail)}">${e(cell.display)}${circle}</td>`;
};

const LEGEND = `<ul class="legend-list" aria-label="Band key">${[1, 2, 3]
  .map((l) => `<li><span class="band better-${l}" aria-hidden="true">+${l}</span> ${e(bandText({ level: l as 1 | 2 | 3, direction: 'better' }))}</li>`)
  .join('')}${[1, 2, 3].map((l) => `<li><span class="band worse-${l}" aria-hidden="true">\u2212${l}</span> ${e(bandText({ level: l as 1 | 2 | 3, direction: 'worse' }))}</li>`).join('')}</ul>`;

/**
 * One report as a complete HTML page.
 * @example renderHtml(report).startsWith('<!doctype html>')
 */
export const renderHtml = (report: Report): string => {
  const keys = keyColumns(report);
  const total = chartRow(report);
  const head = `<tr>${keys.map((k) => `<th scope="col">${e(k.replace(/_/g, ' '))}</th>`).join('')}${report.columns.map((c) => `<th scope="col">${e(c.label)}</th>`).join('')}</tr>`;
  const body = report.rows
    .map((r) => {
      const cls = r === total && r.key['la_code'] !== undefined ? ' class="total"' : '';
      const keyCells = keys.map((k, i) => (i === 0 ? `<th scope="row">${e(r.key[k] ?? '')}</th>` : `<td>${e(r.key[k] ?? '')}</td>`)).join('');
      return `<tr${cls}>${keyCells}${report.columns.map((c) => cellHtml(r.cells[c.id])).join('')}</tr>`;
    })
    .join('\n');
  const filters = report.filters.length === 0 ? 'none' : report.filters.map((f) => `${f.field} = ${f.value === '' ? '(unknown)' : f.value}`).join(', ');
  const table =
    report.rows.length === 0
      ? '<p role="status">No rows: see the notes below.</p>'
      : `<div class="wrap"><table>\n<caption>${e(report.title)}, ${e(report.period.label)}</caption>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>\n${LEGEND}`;
  const chart = renderChart(report, `chart-${report.id.replace(/[^a-z0-9-]/gi, '')}`);
  const notes = report.notes.length === 0 ? '' : `<section class="notes" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ul>${report.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></section>`;
  return page(
    report.title,
    [
      `<h1>${e(report.title)}</h1>`,
      `<dl><dt>Period</dt><dd>${e(report.period.label)} (${e(report.period.from)} to ${e(report.period.to)})</dd><dt>Profile</dt><dd>${e(String(report.profile))}</dd><dt>Filters</dt><dd>${e(filters)}</dd><dt>Comparator</dt><dd>${e(report.comparator.label)}</dd></dl>`,
      chart,
      table,
      notes,
    ].filter((s) => s !== '').join('\n'),
  );
};

/** A link of the index page: a relative file name and its title. */
export interface IndexEntry {
  /** Relative path of the report's HTML file (no scheme: the index links only within its folder). */
  readonly href: string;
  readonly title: string;
  readonly description?: string;
}

/**
 * An index page linking reports. Hrefs are relative; an entry with a scheme or `//` is refused.
 * @example renderIndex('Reports', [{ href: 'summary.html', title: 'Summary' }])
 */
export const renderIndex = (title: string, entries: readonly IndexEntry[]): string => {
  const items = entries.map((x) => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(x.href)) throw new RangeError(`Index links must be relative, got ${x.href}`);
    return `<li><a href="${e(x.href)}">${e(x.title)}</a>${x.description === undefined ? '' : ` <span>${e(x.description)}</span>`}</li>`;
  });
  return page(title, `<h1>${e(title)}</h1>\n<nav aria-label="Reports"><ul>\n${items.join('\n')}\n</ul></nav>`);
};

/**
 * The index page: a landing page linking every report by relative path only ([REN-3]). A table of
 * reports with what each shows, the headline figure (the LA or total row's period figure with its
 * band) when the entry carries its report, and links to the same report's other formats, then the
 * band key so a reader knows the circles before opening a report.
 * @module
 */
import type { Report } from '../model.js';
import { chartRow } from './chart.js';
import { escapeHtml as e } from './escape.js';
import { page } from './html-page.js';
import { BAND_KEY, cellHtml } from './html-table.js';

/** A link of the index page: a relative file name and its title. */
export interface IndexEntry {
  /** Relative path of the report's HTML file (no scheme: the index links only within its folder). */
  readonly href: string;
  readonly title: string;
  readonly description?: string;
  /** Relative paths of the same report in other formats (`360.json`, `360.csv`), linked by their extension. */
  readonly formats?: readonly string[];
  /** The report itself, for its period figure, period and comparator on the index. */
  readonly report?: Report;
}

/** What each report shows, in a line (FFT's guide, seed 000; LA additions, issue 6 item 3). */
const WHAT: Readonly<Record<string, string>> = {
  '360': 'Key figures for the period: the LA, each year group and pupil group, with persistent absence.',
  'attendance-summary': 'Each school\'s attendance for the period, highest first, against the comparator.',
  'weekly-attendance': 'Each school\'s attendance week by week and for the period.',
  'absence-summary': 'Each school\'s absence for the period, lowest first (overall, authorised, unauthorised or a reason).',
  'weekly-absence': 'Each school\'s absence week by week and for the period.',
  summary: 'The LA\'s attendance week by week and for the period, with a chart against the comparator.',
  'year-groups': 'Attendance of each year group week by week, with the cohort of the latest week.',
  'pupil-groups': 'Attendance by gender, FSM6, SEND and EAL, week by week.',
  absence: 'Overall, authorised and unauthorised absence and each reason, week by week.',
  'statistical-neighbours': 'The LA against its ten statistical neighbours, their mean, the region and England, ranked.',
  profile: 'A half-termly attendance profile by pupil characteristics, with code-level detail.',
  'part-time-timetables': 'Pupils on part-time timetables (code C2) and how long each has been on one.',
  'persistent-absence': 'Persistently and severely absent pupils (pupil ids only) and their trajectory.',
  'data-check': 'Per school: unmarked sessions, unresolved N marks, retrospective changes and sessions with no mark.',
};

/**
 * The index entry of a report written as `ID.html` beside its other formats (`ID.json`, ...): its
 * title, what it shows, the other formats' links, and the report for the index's period figure.
 * @example indexEntryOf(report, ['html', 'json', 'csv', 'md'])
 */
export const indexEntryOf = (report: Report, formats: readonly string[]): IndexEntry => {
  const what = WHAT[report.id];
  return {
    href: `${report.id}.html`,
    title: report.title,
    ...(what === undefined ? {} : { description: what }),
    formats: formats.filter((f) => f !== 'html').map((f) => `${report.id}.${f}`),
    report,
  };
};

const RELATIVE = (href: string): string => {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\//i.test(href)) throw new RangeError(`Index links must be relative, got ${href}`);
  return href;
};

/** The period figure of the report's LA / total row (first column), with its band. */
const headline = (report: Report | undefined): string => {
  if (report === undefined) return '<td></td>';
  const row = chartRow(report);
  const column = report.columns.find((c) => c.id === 'ytd') ?? report.columns[0];
  if (row === undefined || column === undefined) return '<td>no rows: see its notes</td>';
  // A group's figure (Year 1, girls) is no headline for the report.
  if (row.key['group'] !== undefined && row.key['la_code'] === undefined && row.key['group'] !== 'all') return '<td></td>';
  const cell = cellHtml(row.cells[column.id]);
  // The figure's cell, with what it is (row and column) as a small line under it.
  return cell.replace(/<\/td>$/, `<br><small>${e(row.key['name'] ?? '')}, ${e(column.label)}</small></td>`);
};

/** One report's line; the figure and formats columns only when some entry has them. */
const row = (x: IndexEntry, withHeadline: boolean, withFormats: boolean): string => {
  const formats = (x.formats ?? []).map((f) => `<a href="${e(RELATIVE(f))}">${e(f.replace(/^.*\./, '').toUpperCase())}</a>`).join(' ');
  return [
    `<tr><th scope="row"><a href="${e(RELATIVE(x.href))}">${e(x.title)}</a></th>`,
    `<td>${e(x.description ?? '')}</td>`,
    withHeadline ? headline(x.report) : '',
    withFormats ? `<td class="formats">${formats}</td>` : '',
    '</tr>',
  ].join('');
};

/**
 * An index page linking reports. Hrefs are relative; an entry with a scheme, `//` or a leading `/`
 * is refused.
 * @example renderIndex('Reports', [{ href: 'summary.html', title: 'Summary', formats: ['summary.csv'] }])
 */
export const renderIndex = (title: string, entries: readonly IndexEntry[]): string => {
  const first = entries.find((x) => x.report !== undefined)?.report;
  const context =
    first === undefined
      ? ''
      : `<dl class="meta"><dt>Period</dt><dd>${e(first.period.label)} (${e(first.period.from)} to ${e(first.period.to)})</dd><dt>Comparator</dt><dd>${e(first.comparator.label)}</dd></dl>`;
  const hasFormats = entries.some((x) => (x.formats ?? []).length > 0);
  const hasHeadline = first !== undefined;
  const rows = entries.map((x) => row(x, hasHeadline, hasFormats));
  const heads = ['Report', 'What it shows', ...(hasHeadline ? ['Period figure'] : []), ...(hasFormats ? ['Also as'] : [])];
  return page(
    title,
    [
      `<h1>${e(title)}</h1>`,
      context,
      `<p class="lede">${entries.length} report${entries.length === 1 ? '' : 's'}. Each page works offline: the figures are in a table, reports over weeks have a chart against the comparator, and the notes say what was compared and what is missing.</p>`,
      `<nav aria-label="Reports"><table class="reports"><thead><tr>${heads.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></nav>`,
      BAND_KEY,
    ].filter((s) => s !== '').join('\n'),
  );
};

/**
 * A report's table as HTML: readable key headings, figures right-aligned with FFT's banding circle
 * after each (three shades of green or red, FAQ 2) carrying its sign and level, the band in words
 * for screen readers, and counts, comparator and difference on hover. Cells without a band keep an
 * empty slot the circle's width, so the figures of a column line up.
 * @module
 */
import type { Report, ReportCell, ReportRow } from '../model.js';
import { escapeHtml as e } from './escape.js';
import { foldedKeys, nameSuffix, roleClasses } from './html-roles.js';
import { hasQuartiles, isQuartileColumn, QUARTILE_KEY, quartileCellHtml } from './html-quartile.js';
import { bandCode, bandText, keyColumns } from './text.js';

/** Headings of the key columns a reader sees; other keys read with `_` as spaces. */
const KEY_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  school_urn: 'URN',
  la_code: 'LA',
  group: 'Group',
  value: 'Value',
  measure: 'DfE measure',
  cohort_latest_week: 'Pupils (latest week)',
};

/** How a key column is headed. */
export const keyLabel = (k: string): string => KEY_LABELS[k] ?? k.charAt(0).toUpperCase() + k.slice(1).replace(/_/g, ' ');

/**
 * Key columns worth a column on the page: `name` always; another key only when its values differ
 * between rows (a column of one repeated LA code tells a reader nothing; the JSON and CSV keep it),
 * and never a key a row's role folds under its name (html-roles.ts).
 */
export const shownKeys = (report: Report): readonly string[] => {
  const folded = hiddenKeys(report);
  return keyColumns(report).filter(
    (k, i) =>
      i === 0 || k === 'name' || (!folded.has(k) && (report.rows.length < 2 || (new Set(report.rows.map((r) => r.key[k] ?? '')).size > 1 && !echoesName(report, k)))),
  );
};

/**
 * Keys a report's row names already spell out, by report id: profile.ts names each row
 * "<part label>: <group label>" (e.g. `Autumn 1: Year 3`), so its part, group and value columns
 * would only repeat the name across a table that is already 20 figures wide. The JSON and CSV keep
 * them for sorting and filtering; the rules between parts and groups still follow them.
 */
const SPELLED_BY_NAME: Readonly<Record<string, readonly string[]>> = { profile: ['part', 'group', 'value'] };

/** Keys given no column and not stated above the table: folded by role, or spelled by the name. */
const hiddenKeys = (report: Report): ReadonlySet<string> => new Set([...foldedKeys(report), ...(SPELLED_BY_NAME[report.id] ?? [])]);

/** A key that, wherever it has a value, only repeats the row's name (a pupil id named by itself). */
const echoesName = (report: Report, k: string): boolean =>
  report.rows.every((r) => r.key[k] === undefined || r.key[k] === '' || r.key[k] === r.key['name']);

/** Rows beyond which the table scrolls in a box of its own (a screenful). */
const TALL = 25;

const NUMERIC = /^-?\d+(\.\d+)?%?$/;

/**
 * Key columns left off the table because every row has the same value, with that value: the page
 * states them once above the table instead.
 */
export const constantKeys = (report: Report): readonly (readonly [string, string])[] => {
  const shown = new Set(shownKeys(report));
  const folded = hiddenKeys(report);
  return keyColumns(report)
    .filter((k) => !shown.has(k) && !folded.has(k) && !echoesName(report, k))
    .map((k) => [k, report.rows[0]?.key[k] ?? ''] as const)
    .filter(([, v]) => v !== '');
};

/** A key column whose every value reads as a number is right-aligned like the figures. */
const numericKey = (report: Report, k: string): boolean => {
  const vals = report.rows.map((r) => r.key[k] ?? '').filter((v) => v !== '');
  return vals.length > 0 && vals.every((v) => NUMERIC.test(v));
};

/** The circle of a band, or an empty slot of the same width when there is none. */
const circle = (cell: ReportCell): string => {
  const b = cell.band;
  if (b === null || b.level === 0) return '<span class="band-none" aria-hidden="true"></span>';
  return `<span class="band ${b.direction}-${b.level}" aria-hidden="true">${e(bandCode(b).replace('-', '\u2212'))}</span><span class="sr"> (${e(bandText(b))})</span>`;
};

/** One figure's cell. */
export const cellHtml = (cell: ReportCell | undefined): string => {
  if (cell === undefined || cell.display === '') return '<td class="n"><span class="sr">no figure</span></td>';
  if (cell.suppressed) return `<td class="n" title="withheld: too few pupils">c<span class="sr"> (withheld)</span><span class="band-none" aria-hidden="true"></span></td>`;
  const detail = [
    cell.numerator === null ? '' : `${cell.numerator} of ${cell.denominator ?? ''}`,
    cell.comparator === null ? 'no comparator' : `comparator ${cell.comparator.toFixed(2)}%`,
    cell.difference === null ? '' : `difference ${cell.difference >= 0 ? '+' : '\u2212'}${Math.abs(cell.difference).toFixed(2)} points`,
  ].filter((s) => s !== '').join(', ');
  return `<td class="n" title="${e(detail)}">${e(cell.display)}${circle(cell)}</td>`;
};

/** The key of the six shades, each with its sign and words. */
export const BAND_KEY = `<div class="key"><ul class="legend-list" aria-label="Band key">${[1, 2, 3]
  .map((l) => `<li><span class="band better-${l}" aria-hidden="true">+${l}</span> ${e(bandText({ level: l as 1 | 2 | 3, direction: 'better' }))}</li>`)
  .join('')}${[1, 2, 3]
  .map((l) => `<li><span class="band worse-${l}" aria-hidden="true">\u2212${l}</span> ${e(bandText({ level: l as 1 | 2 | 3, direction: 'worse' }))}</li>`)
  .join('')}</ul>Circles compare each figure with the comparator in percentage points (FFT's bands; no circle: within 1 point or no comparator). Hover a figure for its counts, comparator and difference.</div>`;

/**
 * The table of a report (caller handles a report with no rows).
 * @example tableHtml(report, report.rows[0]).startsWith('<div class="wrap"')
 */
export const tableHtml = (report: Report, total: ReportRow | undefined): string => {
  const keys = shownKeys(report);
  const numeric = new Set(keys.filter((k) => numericKey(report, k)));
  const head = `<tr>${keys.map((k) => `<th scope="col"${numeric.has(k) ? ' class="n"' : ''}>${e(keyLabel(k))}</th>`).join('')}${report.columns.map((c) => `<th scope="col" class="${isQuartileColumn(c) ? 'q' : 'n'}">${e(c.label)}</th>`).join('')}</tr>`;
  const body = report.rows
    .map((r, i) => {
      // The total row stands out; a new group (360: year groups, then sex, FSM6 ...) starts with a rule.
      const prev = report.rows[i - 1];
      const classes = [
        // A report with roles marks its own LA instead (the chart's row is then merely the first ranked).
        r === total && r.key['la_code'] !== undefined && r.key['role'] === undefined ? 'total' : '',
        ...roleClasses(report, i),
        // A school's line in a pupil-level report heads its pupils.
        r.key['row'] === 'school' ? 'subtotal' : '',
        prev !== undefined && r.key['group'] !== undefined && prev.key['group'] !== undefined && r.key['group'] !== prev.key['group'] ? 'group-start' : '',
        // A new part of the profile (the whole period, then each half-term) starts with a heavier rule.
        prev !== undefined && r.key['part'] !== undefined && prev.key['part'] !== undefined && r.key['part'] !== prev.key['part'] ? 'part-start' : '',
      ].filter((c) => c !== '');
      const cls = classes.length === 0 ? '' : ` class="${classes.join(' ')}"`;
      const keyCells = keys
        .map((k, i) => (i === 0 ? `<th scope="row">${e(r.key[k] ?? '')}${nameSuffix(report, r)}</th>` : `<td${numeric.has(k) ? ' class="n"' : ''}>${e(r.key[k] ?? '')}</td>`))
        .join('');
      const figures = report.columns.map((c) => (isQuartileColumn(c) ? quartileCellHtml(r.cells[c.id]) : undefined) ?? cellHtml(r.cells[c.id]));
      return `<tr${cls}>${keyCells}${figures.join('')}</tr>`;
    })
    .join('\n');
  // A long table scrolls in its own box under a sticky header; a short one shows whole (and in full-page views).
  const box = report.rows.length > TALL ? 'wrap tall' : 'wrap';
  // The band key only where a figure has a band (no comparator, no circles to explain).
  const banded = report.rows.some((r) => Object.values(r.cells).some((c) => c.band !== null));
  return `<div class="${box}" tabindex="0" role="region" aria-label="${e(report.title)} table, scrolls sideways"><table>\n<caption>${e(report.title)}, ${e(report.period.label)}</caption>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>\n${banded ? BAND_KEY : ''}${hasQuartiles(report.columns, report.rows) ? QUARTILE_KEY : ''}`;
};

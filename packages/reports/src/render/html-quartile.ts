/**
 * LAIT's quartile bands (A best, D worst; statistical-neighbours.ts stores them as `value` 1 to 4
 * in a `*_quartile` column) as small badges: four shades of one blue, darkest for A, each with its
 * letter on it and the band in words for screen readers, so the band reads without colour (WCAG
 * 1.4.1). Blue, not FFT's green and red, so a badge is never mistaken for a banding circle.
 * Text on every shade is at least 5:1 contrast (WCAG 1.4.3).
 * @module
 */
import type { ReportCell, ReportColumn } from '../model.js';
import { escapeHtml as e } from './escape.js';

type Band = 1 | 2 | 3 | 4;

const LETTERS: Readonly<Record<Band, string>> = { 1: 'A', 2: 'B', 3: 'C', 4: 'D' };

/** The band in words, for the badge's screen-reader text and the key. */
const QUARTILE_WORDS: Readonly<Record<Band, string>> = {
  1: 'best quarter of LAs in England',
  2: 'second quarter',
  3: 'third quarter',
  4: 'worst quarter of LAs in England',
};

/** A quartile column: its id ends `_quartile` (statistical-neighbours.ts). */
export const isQuartileColumn = (column: ReportColumn): boolean => column.id.endsWith('_quartile');

/** The band (1 to 4) of a quartile cell, or undefined when it has none. */
const bandOf = (cell: ReportCell | undefined): Band | undefined =>
  cell !== undefined && !cell.suppressed && (cell.value === 1 || cell.value === 2 || cell.value === 3 || cell.value === 4) ? cell.value : undefined;

/** A badge of band `q` (1 to 4). */
const badge = (q: Band): string => `<span class="quartile q${q}" aria-hidden="true">${LETTERS[q]}</span>`;

/**
 * A quartile cell as a badge, or undefined when it is not a band (the caller renders it as any cell).
 * @example quartileCellHtml({ ...emptyCell('A'), value: 1 }) // '<td class="q">…A…</td>'
 */
export const quartileCellHtml = (cell: ReportCell | undefined): string | undefined => {
  const q = bandOf(cell);
  if (q === undefined) return undefined;
  return `<td class="q">${badge(q)}<span class="sr">${e(LETTERS[q])}: ${e(QUARTILE_WORDS[q])}</span></td>`;
};

/** The key of the four badges, shown under a table that has any. */
export const QUARTILE_KEY = `<div class="key"><ul class="legend-list" aria-label="Quartile band key">${([1, 2, 3, 4] as const satisfies readonly Band[])
  .map((q) => `<li>${badge(q)} ${e(QUARTILE_WORDS[q])}</li>`)
  .join('')}</ul>Quartile bands place each rate among every LA in England (LAIT's quartiles), A best.</div>`;

/** True when some cell of a quartile column has a band. */
export const hasQuartiles = (columns: readonly ReportColumn[], rows: readonly { readonly cells: Readonly<Record<string, ReportCell>> }[]): boolean =>
  columns.some((c) => isQuartileColumn(c) && rows.some((r) => bandOf(r.cells[c.id]) !== undefined));

/**
 * Shared text helpers of the renderers: what a row's key columns are, how a band reads in words.
 * @module
 */
import type { CellBand, Report } from '../model.js';

/** Key columns shown first, in this order (`name` heads each row); others follow in first-seen order. */
const KEY_ORDER = ['name', 'school_urn', 'la_code', 'group', 'value', 'measure'];

/** The key columns of a report's rows: `name` first, then {@link KEY_ORDER}, then the rest. */
export const keyColumns = (report: Report): readonly string[] => {
  const seen: string[] = [];
  for (const r of report.rows) for (const k of Object.keys(r.key)) if (!seen.includes(k)) seen.push(k);
  const rank = (k: string) => (KEY_ORDER.includes(k) ? KEY_ORDER.indexOf(k) : KEY_ORDER.length);
  return seen.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i).map((x) => x.k);
};

/** A band in words, so colour is never the only cue: `2 to under 4 points better`. */
export const bandText = (band: CellBand | null): string => {
  if (band === null) return '';
  if (band.level === 0) return 'within 1 point';
  const range = band.level === 1 ? '1 to under 2' : band.level === 2 ? '2 to under 4' : '4 or more';
  return `${range} points ${band.direction}`;
};

/** A band's short code for tables and CSV: `+2` (better, level 2), `-3`, `0`. */
export const bandCode = (band: CellBand | null): string =>
  band === null ? '' : band.level === 0 ? '0' : `${band.direction === 'better' ? '+' : '-'}${band.level}`;

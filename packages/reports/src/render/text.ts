/**
 * Shared text helpers of the renderers: what a row's key columns are, how a band reads in words.
 * @module
 */
import type { CellBand, Report } from '../model.js';

/** The key columns of a report's rows, in first-seen order. */
export const keyColumns = (report: Report): readonly string[] => {
  const seen: string[] = [];
  for (const r of report.rows) for (const k of Object.keys(r.key)) if (!seen.includes(k)) seen.push(k);
  return seen;
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

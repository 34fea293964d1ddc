/**
 * Rows with a `role` key (the statistical-neighbour benchmark): the LA itself is highlighted and
 * marked "(this LA)" in words, so colour and weight are never the only cue (WCAG 1.4.1); the
 * comparison rows (the neighbours' mean, the region, England) sit under a rule, apart from the
 * ranked LAs. Keys that only comparison rows carry (the mean's method and contributors, the
 * region's code) are folded under those rows' names instead of taking a mostly empty column each.
 * @module
 */
import type { Report, ReportRow } from '../model.js';
import { escapeHtml as e } from './escape.js';

/** Roles of the rows that benchmark the ranked LAs rather than being ranked among them. */
const COMPARISON_ROLES: ReadonlySet<string> = new Set(['neighbours-mean', 'region', 'england']);

/** How a folded key reads under a row's name. */
const ASIDE_LABELS: Readonly<Record<string, string>> = {
  method: 'method',
  contributors: 'contributors',
  region_code: 'code',
};

/** True when the report's rows carry roles (only then does this module change anything). */
export const hasRoles = (report: Report): boolean => report.rows.some((r) => r.key['role'] !== undefined);

/** A comparison row: the neighbours' mean, the region or England. */
export const isComparison = (row: ReportRow): boolean => COMPARISON_ROLES.has(row.key['role'] ?? '');

/**
 * Keys not given a column in a report with roles: `role` itself (the highlight and marker say it)
 * and any key whose values are set only on comparison rows.
 * @example foldedKeys(snReport) // ['role', 'method', 'contributors', 'region_code']
 */
export const foldedKeys = (report: Report): ReadonlySet<string> => {
  if (!hasRoles(report)) return new Set();
  const keys = new Set(report.rows.flatMap((r) => Object.keys(r.key)));
  const folded = [...keys].filter(
    (k) => k === 'role' || (k !== 'name' && report.rows.every((r) => isComparison(r) || (r.key[k] ?? '') === '') && report.rows.some((r) => (r.key[k] ?? '') !== '')),
  );
  return new Set(folded);
};

/** The classes a row takes from its role: `own` for the LA, `compare` (+ `compare-start` on the first). */
export const roleClasses = (report: Report, i: number): readonly string[] => {
  const row = report.rows[i];
  if (row === undefined) return [];
  if (row.key['role'] === 'la') return ['own'];
  if (!isComparison(row)) return [];
  const prev = report.rows[i - 1];
  return prev === undefined || isComparison(prev) ? ['compare'] : ['compare', 'compare-start'];
};

/**
 * What follows a row's name in its heading cell: the "(this LA)" marker, or the folded keys in small
 * type. Escaped here; `''` for a row with nothing to add.
 */
export const nameSuffix = (report: Report, row: ReportRow): string => {
  if (row.key['role'] === 'la') return ' <span class="marker">(this LA)</span>';
  const folded = foldedKeys(report);
  const asides = [...folded]
    .filter((k) => k !== 'role' && (row.key[k] ?? '') !== '')
    .map((k) => `${ASIDE_LABELS[k] ?? k.replace(/_/g, ' ')}: ${row.key[k] ?? ''}`);
  return asides.length === 0 ? '' : `<span class="aside">${e(asides.join('; '))}</span>`;
};

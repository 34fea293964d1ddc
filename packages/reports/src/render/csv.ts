/**
 * CSV (RFC 4180) of a report: key columns, then per report column its display text, numerator,
 * denominator, comparator, difference and band.
 *
 * Formula injection (OWASP "CSV Injection"): a TEXT cell starting with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading `'`, so a spreadsheet shows it as text ([REN-1]); so does a text
 * already starting with `'`, so reading back is always "drop one leading `'`". NUMBER cells are
 * written from numbers with `String(n)` and left alone: `-1.25` is read by a spreadsheet as the number
 * -1.25, never as a formula, so a negative difference stays numeric and sortable.
 *
 * @module
 */
import type { Report } from '../model.js';
import { bandCode, keyColumns } from './text.js';

// A text starting with ' gets one too, so the marker is always removable: strip one leading ' to read it back.
const DANGEROUS = /^[=+\-@\t\r']/;

/**
 * A text cell, neutralised and quoted when needed.
 * @example csvText('=SUM(A1)') // "'=SUM(A1)"
 */
export const csvText = (s: string): string => {
  const safe = DANGEROUS.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A number cell (empty when null). */
const csvNumber = (n: number | null): string => (n === null || !Number.isFinite(n) ? '' : String(n));

/**
 * The report as CSV text (header line, one line per row, CRLF-free `\n` line ends).
 * @example renderCsv(report).split('\n')[0] // 'name,school_urn,la_code,ytd,ytd_numerator,...'
 */
export const renderCsv = (report: Report): string => {
  const keys = keyColumns(report);
  const header = [...keys, ...report.columns.flatMap((c) => [c.id, `${c.id}_numerator`, `${c.id}_denominator`, `${c.id}_comparator`, `${c.id}_difference`, `${c.id}_band`])];
  const lines = [header.map(csvText).join(',')];
  for (const row of report.rows) {
    const cells = [
      ...keys.map((k) => csvText(row.key[k] ?? '')),
      ...report.columns.flatMap((c) => {
        const cell = row.cells[c.id];
        if (cell === undefined) return ['', '', '', '', '', ''];
        return [csvText(cell.display), csvNumber(cell.numerator), csvNumber(cell.denominator), csvNumber(cell.comparator), csvNumber(cell.difference), csvText(bandCode(cell.band))];
      }),
    ];
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
};

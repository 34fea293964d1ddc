/**
 * Markdown (GitHub tables) of a report: title, period, comparator, a table of display figures with
 * the band code after each (`95.8% (+1)`), a band legend, and the notes.
 * @module
 */
import type { Report } from '../model.js';
import { bandCode, keyColumns } from './text.js';

/** Escapes text for a Markdown table cell or line. */
export const mdEscape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/([|*_`[\]<>#])/g, '\\$1').replace(/\r?\n/g, ' ');

/**
 * @example renderMarkdown(report).startsWith('# All Schools: Weekly Attendance')
 */
export const renderMarkdown = (report: Report): string => {
  const keys = keyColumns(report);
  const out = [
    `# ${mdEscape(report.title)}`,
    '',
    `Period: ${mdEscape(report.period.label)} (${report.period.from} to ${report.period.to}). Profile: ${mdEscape(report.profile)}. Comparator: ${mdEscape(report.comparator.label)}.`,
  ];
  if (report.filters.length > 0) out.push('', `Filters: ${report.filters.map((f) => `${mdEscape(f.field)} = ${mdEscape(f.value)}`).join(', ')}.`);
  out.push('');
  if (report.rows.length === 0) out.push('_No rows._');
  else {
    out.push(`| ${[...keys, ...report.columns.map((c) => c.label)].map(mdEscape).join(' | ')} |`);
    out.push(`|${[...keys.map(() => ' --- '), ...report.columns.map(() => ' ---: ')].join('|')}|`);
    for (const row of report.rows) {
      const cells = report.columns.map((c) => {
        const cell = row.cells[c.id];
        if (cell === undefined || cell.display === '') return '';
        const b = bandCode(cell.band);
        return b === '' || b === '0' ? cell.display : `${cell.display} (${b})`;
      });
      out.push(`| ${[...keys.map((k) => mdEscape(row.key[k] ?? '')), ...cells.map(mdEscape)].join(' | ')} |`);
    }
    out.push('', 'Band after a figure: `+1`/`-1` 1 to under 2 points better/worse than the comparator, `+2`/`-2` 2 to under 4, `+3`/`-3` 4 or more (FFT FAQ 2).');
  }
  if (report.notes.length > 0) out.push('', '## Notes', '', ...report.notes.map((n) => `- ${mdEscape(n)}`));
  return `${out.join('\n')}\n`;
};

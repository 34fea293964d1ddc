/**
 * What the import found wrong, told on stderr: rejected and superseded counts, issues by code,
 * the first few examples with file:line, and where the full list is. Rejections never stop a run
 * (canonical-format.md: rejected rows are counted, never silently dropped); they are reported.
 *
 * @module
 */
import type { Issue, RecordCounts } from '@attendance-kit/core';
import type { ImportReport } from '@attendance-kit/adapter-kit';
import { quoteCsv, neutralise } from './format/csv.js';

/** How many example issues stderr shows. */
export const EXAMPLES_SHOWN = 5;

const n = (x: number): string => x.toLocaleString('en-GB');
const plural = (x: number, noun: string): string => `${n(x)} ${noun}${x === 1 ? '' : 's'}`;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Every issue the report kept, in file order then input order. */
export const keptIssues = (report: ImportReport): readonly Issue[] => report.files.flatMap((f) => f.issues);

const where = (i: Issue): string =>
  `${i.file ?? '?'}${i.line === undefined ? '' : `:${i.line}`}${i.field === undefined ? '' : ` (${i.field})`}`;

/**
 * The stderr summary of an import; empty when there was nothing to say.
 * @param issuesFile where the full list was written (`--issues`), if anywhere
 */
export const describeImport = (report: ImportReport, marks: RecordCounts, issuesFile: string | undefined): string => {
  const lines: string[] = [];
  if (marks.rejected > 0 || marks.superseded > 0) {
    lines.push(
      `attendance: marks: ${n(marks.read)} rows read, ${n(marks.accepted)} accepted, ` +
        `${n(marks.rejected)} rejected (not counted), ${n(marks.superseded)} superseded by a later version of the same mark`,
    );
  }
  const { issuesTotal, issuesByCode, issuesBySeverity } = report.totals;
  const kept = keptIssues(report);
  const fullList =
    issuesFile !== undefined
      ? `full list: ${issuesFile}${kept.length < issuesTotal ? ` (the first ${n(kept.length)} of ${n(issuesTotal)}; the counts above are complete)` : ''}`
      : 'full list: add --issues FILE to write every issue as CSV (file, line, field, code, severity, message)';
  const codes = Object.entries(issuesByCode).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (issuesTotal === 0) return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  if (issuesBySeverity.error + issuesBySeverity.warning === 0) {
    // Only notes (e.g. corrected marks superseded): normal in a live register, so one line.
    lines.push(`attendance: ${plural(issuesTotal, 'note')} (${codes.map(([c, k]) => `${c} ${n(k)}`).join(', ')}); ${fullList}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `attendance: ${plural(issuesTotal, 'input issue')} (${plural(issuesBySeverity.error, 'rejected row')}, ` +
      `${plural(issuesBySeverity.warning, 'warning')}, ${plural(issuesBySeverity.info, 'note')}):`,
  );
  const width = Math.max(...codes.map(([c]) => c.length));
  for (const [code, count] of codes) lines.push(`  ${code.padEnd(width)}  ${n(count).padStart(8)}`);
  // Examples of what changes the figures (rejections) or may (warnings); notes are in the full list.
  const examples = kept
    .filter((i) => i.severity !== 'info')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .slice(0, EXAMPLES_SHOWN);
  lines.push('  first examples:');
  for (const i of examples) lines.push(`    ${where(i)}: ${i.code}: ${i.message}`);
  lines.push(`  ${fullList}`);
  return `${lines.join('\n')}\n`;
};

/**
 * The issues as CSV: file, line, field, code, severity, message (RFC 4180, formula-safe text).
 * @example issuesCsv([{ code: 'canonical/unknown-code', severity: 'error', message: 'x', file: 'marks.csv', line: 3, field: 'code' }])
 */
export const issuesCsv = (issues: readonly Issue[]): string => {
  const text = (s: string | undefined): string => (s === undefined ? '' : quoteCsv(neutralise(s)));
  const rows = issues.map((i) =>
    [text(i.file), i.line === undefined ? '' : String(i.line), text(i.field), text(i.code), i.severity, text(i.message)].join(','),
  );
  return `${['file,line,field,code,severity,message', ...rows].join('\r\n')}\r\n`;
};

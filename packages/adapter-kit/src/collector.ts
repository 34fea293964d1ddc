/**
 * Collecting issues while a file streams past: every issue is counted by code, and the first
 * `cap` are kept, so a file of twenty million bad rows costs a counter, not twenty million objects.
 *
 * @module
 */
import type { Issue, RecordCounts, Severity } from '@attendance-kit/core';
import type { FileReport } from './report.js';

/** Issues kept per file unless the caller says otherwise. */
export const DEFAULT_ISSUE_CAP = 1000;

/**
 * An accumulator of the issues of one file. It is the one mutable thing an adapter's read
 * loop holds; what it hands back ({@link IssueCollector.finish}) is plain readonly data.
 */
export interface IssueCollector {
  /** Records an issue (kept while under the cap, always counted). */
  add(issue: Issue): void;
  /** How many issues were added so far. */
  readonly total: number;
  /** How many issues with this code were added so far. */
  count(code: string): number;
  /** The file report: the kept issues, all the counts, and the record counts given. */
  finish(counts: RecordCounts): FileReport;
}

/**
 * Starts collecting issues for one file.
 *
 * @example
 * const c = createIssueCollector({ file: 'marks.csv', kind: 'marks' });
 * c.add({ code: 'canonical/bad-date', severity: 'error', message: 'date "2025-02-30" is not a real date', line: 2 });
 * c.finish({ read: 1, accepted: 0, superseded: 0, rejected: 1 }).issuesByCode // { 'canonical/bad-date': 1 }
 */
export const createIssueCollector = (options: { readonly file: string; readonly kind: string; readonly cap?: number }): IssueCollector => {
  const cap = options.cap ?? DEFAULT_ISSUE_CAP;
  const kept: Issue[] = [];
  const byCode = new Map<string, number>();
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let total = 0;
  return {
    add(issue) {
      total++;
      byCode.set(issue.code, (byCode.get(issue.code) ?? 0) + 1);
      bySeverity[issue.severity]++;
      if (kept.length < cap) kept.push(issue.file === undefined ? { ...issue, file: options.file } : issue);
    },
    get total() {
      return total;
    },
    count: (code) => byCode.get(code) ?? 0,
    finish: (counts) => ({
      file: options.file,
      kind: options.kind,
      counts,
      issues: kept.slice(),
      issuesTotal: total,
      issuesByCode: Object.fromEntries(byCode),
      issuesBySeverity: { ...bySeverity },
    }),
  };
};

/**
 * The pure form: a file report from a list of issues.
 * @example fileReport({ file: 'a.csv', kind: 'a', counts: { read: 0, accepted: 0, superseded: 0, rejected: 0 }, issues: [] }).issuesTotal // 0
 */
export const fileReport = (input: {
  readonly file: string;
  readonly kind: string;
  readonly counts: RecordCounts;
  readonly issues: readonly Issue[];
  readonly cap?: number;
}): FileReport => {
  const c = createIssueCollector(input.cap === undefined ? { file: input.file, kind: input.kind } : { file: input.file, kind: input.kind, cap: input.cap });
  for (const i of input.issues) c.add(i);
  return c.finish(input.counts);
};

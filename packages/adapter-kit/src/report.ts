/**
 * What an import did with each input file: counts of records read, accepted, superseded and
 * rejected, and the issues found. Issues are data (core's {@link Issue}); a report is data too.
 *
 * @module
 */
import type { Issue, RecordCounts, Severity } from '@attendance-kit/core';

/** The report for one input file. */
export interface FileReport {
  /** The file as the caller named it (e.g. `marks.csv`). */
  readonly file: string;
  /** What the file holds, e.g. `schools`, `pupils`, `marks`, `terms`. */
  readonly kind: string;
  /** `read = accepted + superseded + rejected` always holds. */
  readonly counts: RecordCounts;
  /** The first issues found, in input order, at most the collector's cap. */
  readonly issues: readonly Issue[];
  /** Every issue found, including those not kept in `issues`. */
  readonly issuesTotal: number;
  /** How many issues of each code were found (all of them, not only those kept). */
  readonly issuesByCode: Readonly<Record<string, number>>;
  /** How many issues of each severity were found (all of them). */
  readonly issuesBySeverity: Readonly<Record<Severity, number>>;
}

/** The report for a whole import: one entry per file, and totals over them. */
export interface ImportReport {
  readonly files: readonly FileReport[];
  readonly totals: {
    readonly issuesTotal: number;
    readonly issuesByCode: Readonly<Record<string, number>>;
    readonly issuesBySeverity: Readonly<Record<Severity, number>>;
  };
}

/** Counts with nothing in them. */
export const ZERO_COUNTS: RecordCounts = { read: 0, accepted: 0, superseded: 0, rejected: 0 };

/**
 * Adds record counts field by field (counts form a monoid under this, with {@link ZERO_COUNTS}).
 * @example addCounts({ read: 2, accepted: 1, superseded: 0, rejected: 1 }, ZERO_COUNTS).read // 2
 */
export const addCounts = (a: RecordCounts, b: RecordCounts): RecordCounts => ({
  read: a.read + b.read,
  accepted: a.accepted + b.accepted,
  superseded: a.superseded + b.superseded,
  rejected: a.rejected + b.rejected,
});

/** Whether `read = accepted + superseded + rejected`. */
export const countsBalance = (c: RecordCounts): boolean => c.read === c.accepted + c.superseded + c.rejected;

/**
 * Builds the import report from its file reports, with totals over every issue found.
 * @example importReport([]).totals.issuesTotal // 0
 */
export const importReport = (files: readonly FileReport[]): ImportReport => {
  const byCode: Record<string, number> = {};
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let total = 0;
  for (const f of files) {
    total += f.issuesTotal;
    for (const [code, n] of Object.entries(f.issuesByCode)) byCode[code] = (byCode[code] ?? 0) + n;
    for (const s of ['error', 'warning', 'info'] as const) bySeverity[s] += f.issuesBySeverity[s];
  }
  return { files, totals: { issuesTotal: total, issuesByCode: byCode, issuesBySeverity: bySeverity } };
};

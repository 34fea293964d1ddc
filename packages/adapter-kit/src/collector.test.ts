import { describe, expect, test } from 'vitest';
import { createIssueCollector, fileReport } from './collector.js';
import { addCounts, countsBalance, importReport, ZERO_COUNTS } from './report.js';
import type { Issue } from '@attendance-kit/core';

const issue = (code: string, line: number): Issue => ({ code, severity: code.endsWith('superseded') ? 'info' : 'error', message: code, line });

describe('issue collector and reports', () => {
  test('keeps the first issues up to the cap and counts them all, by code and severity', () => {
    const c = createIssueCollector({ file: 'marks.csv', kind: 'marks', cap: 2 });
    c.add(issue('canonical/bad-date', 2));
    c.add(issue('canonical/bad-date', 3));
    c.add(issue('canonical/superseded', 4));
    const r = c.finish({ read: 3, accepted: 0, superseded: 1, rejected: 2 });
    expect(r.issues.map((i) => i.line)).toEqual([2, 3]);
    expect(r.issues[0]?.file).toBe('marks.csv');
    expect(r.issuesTotal).toBe(3);
    expect(r.issuesByCode).toEqual({ 'canonical/bad-date': 2, 'canonical/superseded': 1 });
    expect(r.issuesBySeverity).toEqual({ error: 2, warning: 0, info: 1 });
  });

  test('the import report totals its files', () => {
    const a = fileReport({ file: 'a.csv', kind: 'a', counts: ZERO_COUNTS, issues: [issue('x/one', 1)] });
    const b = fileReport({ file: 'b.csv', kind: 'b', counts: ZERO_COUNTS, issues: [issue('x/one', 1), issue('x/two', 2)] });
    expect(importReport([a, b]).totals).toEqual({ issuesTotal: 3, issuesByCode: { 'x/one': 2, 'x/two': 1 }, issuesBySeverity: { error: 3, warning: 0, info: 0 } });
  });

  test('counts add field by field and balance when read = accepted + superseded + rejected', () => {
    const c = addCounts({ read: 3, accepted: 1, superseded: 1, rejected: 1 }, { read: 1, accepted: 1, superseded: 0, rejected: 0 });
    expect(c).toEqual({ read: 4, accepted: 2, superseded: 1, rejected: 1 });
    expect(countsBalance(c)).toBe(true);
    expect(countsBalance({ ...c, read: 5 })).toBe(false);
  });
});

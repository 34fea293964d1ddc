/** One shape for every implementation's per-school result, so they can be compared exactly. */
import type { SummaryRow } from '@attendance-kit/core';

/** Per school URN: counted enrolments, PA and severe enrolments, and sessions by code (non-zero). */
export type SchoolTotals = Readonly<Record<string, { readonly enrolments: number; readonly pa: number; readonly severe: number; readonly byCode: Readonly<Record<string, number>> }>>;

/** `summarise` rows grouped by school, as {@link SchoolTotals}. */
export const fromSummaryRows = (rows: readonly SummaryRow[]): SchoolTotals =>
  Object.fromEntries(
    rows.map((r) => [
      String(r.school_urn),
      {
        enrolments: r.enrolments,
        pa: r.pa_enrolments,
        severe: r.severe_absence_enrolments,
        byCode: Object.fromEntries(Object.entries(r.sessions_by_code).filter(([, n]) => n > 0)),
      },
    ]),
  );

const canonical = (t: SchoolTotals): string =>
  JSON.stringify(
    Object.keys(t)
      .sort()
      .map((urn) => {
        const s = t[urn];
        return [urn, s?.enrolments, s?.pa, s?.severe, Object.entries(s?.byCode ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))];
      }),
  );

/** Whether two results are the same, school by school and code by code. */
export const sameTotals = (a: SchoolTotals, b: SchoolTotals): boolean => canonical(a) === canonical(b);

/** The grand total of sessions, for log lines. */
export const totalSessions = (t: SchoolTotals): number =>
  Object.values(t).reduce((n, s) => n + Object.values(s.byCode).reduce((a, b) => a + b, 0), 0);

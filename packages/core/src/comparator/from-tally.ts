/**
 * Register tallies (tally.ts, counted from marks) as comparator session counts, with DfE's measure
 * names, so a school, LA or pupil group counted from registers is compared like-for-like with DfE's
 * published rows and with any other comparator cell.
 *
 * Source: the reason columns of DfE's "Pupil attendance in schools" files and their rate names
 * (attendance-data-dashboard `R/prerun_utils.R`; codes.ts `dfeReason`). Code T's rate is `auth_mob`
 * (2024 regulations: mobile child); DfE's 2023/24 files called it `auth_grt`.
 *
 * @module
 */
import { absence, attendance, authorised, possible, sessionsByCode, unauthorised, type Tally } from '../tally.js';
import type { SessionCounts } from './counts.js';

/** Register code -> DfE reason-rate measure (the `*_perc` column without `_perc`). */
export const REASON_MEASURE_OF_CODE: Readonly<Record<string, string>> = {
  I: 'illness',
  M: 'appointments',
  G: 'unauth_hol',
  O: 'unauth_oth',
  U: 'unauth_late_registers_closed',
  N: 'unauth_not_yet',
  R: 'auth_religious',
  S: 'auth_study',
  T: 'auth_mob',
  H: 'auth_holiday',
  E: 'auth_excluded',
  C1: 'auth_performance',
  J1: 'auth_interview',
  C2: 'auth_part_time',
  C: 'auth_other',
};

/**
 * The session counts of a tally: possible sessions, the four headline measures and every reason
 * measure (zero where the code was not seen).
 *
 * @example
 * sessionCountsFromTally(tallyFromCodes({ '/': 90, I: 6, O: 4 })).byMeasure.illness // 6
 */
export const sessionCountsFromTally = (t: Tally): SessionCounts => {
  const byCode = sessionsByCode(t);
  const byMeasure: Record<string, number> = {
    attendance: attendance(t),
    overall_absence: absence(t),
    authorised_absence: authorised(t),
    unauthorised_absence: unauthorised(t),
  };
  for (const [code, measure] of Object.entries(REASON_MEASURE_OF_CODE)) byMeasure[measure] = byCode[code] ?? 0;
  return { possible: possible(t), byMeasure };
};

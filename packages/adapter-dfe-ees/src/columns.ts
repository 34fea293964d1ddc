/**
 * The columns of DfE's "Pupil attendance in schools" CSVs (EES files and the attendance-data-dashboard
 * `data/EES_*.csv`), by role. Every column a release is known to carry is listed: anything else is
 * reported as unknown, never silently used.
 *
 * Source: the headers of the files in data/dfe-pupil-attendance/ (2023/24 and 2024/25 releases) and
 * DfE's technical guidance CSVs beside them.
 *
 * @module
 */

/** Columns that identify a row; they are carried to the output unchanged. */
export const IDENTITY_COLUMNS = [
  'academic_year',
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'new_la_code',
  'la_name',
  'old_la_code',
  'school_type',
  'education_phase',
] as const;

/** The two names DfE has used for the phase column. */
export const PHASE_COLUMNS = ['education_phase', 'school_type'] as const;
/** Name of the phase column in a file. */
export type PhaseColumn = (typeof PHASE_COLUMNS)[number];

/**
 * Session-count columns that are the numerator of a published rate: count column -> measure. The rate
 * column is the measure name followed by `_perc`. Code T was "GRT absence" before the 2024 regulations
 * and "mobile child" after; code H (authorised holiday) left the table in 2024.
 */
export const MEASURE_COUNT_COLUMNS: Readonly<Record<string, string>> = {
  overall_attendance: 'attendance',
  overall_absence: 'overall_absence',
  authorised_absence: 'authorised_absence',
  unauthorised_absence: 'unauthorised_absence',
  reason_i_authorised_illness: 'illness',
  reason_m_authorised_medical_dental: 'appointments',
  reason_g_unauthorised_holiday: 'unauth_hol',
  reason_o_other_unauthorised: 'unauth_oth',
  reason_u_unauthorised_late_after_registers_closed: 'unauth_late_registers_closed',
  reason_n_no_reason_yet: 'unauth_not_yet',
  reason_r_authorised_religious_observance: 'auth_religious',
  reason_s_authorised_study_leave: 'auth_study',
  reason_t_authorised_mobile_child: 'auth_mob',
  reason_t_authorised_grt_absence: 'auth_grt',
  reason_h_authorised_holiday: 'auth_holiday',
  reason_e_authorised_excluded: 'auth_excluded',
  reason_c1_authorised_regulated_performance: 'auth_performance',
  reason_j1_authorised_interview: 'auth_interview',
  reason_c2_authorised_temp_reduced_timetable: 'auth_part_time',
  reason_c_authorised_other: 'auth_other',
};

/** Other session-count columns DfE publishes (no rate of their own in the file). */
export const OTHER_COUNT_COLUMNS = [
  'present_sessions',
  'approved_educational_activity',
  'late_sessions',
  'reason_present_am',
  'reason_present_pm',
  'reason_present',
  'reason_l_present_late_before_registers_closed',
  'reason_b_aea_education_off_site',
  'reason_d_aea_dual_registration',
  'reason_j_aea_interview',
  'reason_p_aea_approved_sporting_activity',
  'reason_v_aea_educational_visit_trip',
  'reason_w_aea_work_experience',
  'reason_k_aea_education_arranged_by_la',
] as const;

/** The denominator of every rate. */
export const POSSIBLE_COLUMN = 'possible_sessions';

/** Persistent absence rate: published as a rate only (its enrolment denominator is not in the file). */
export const PA_COLUMN = 'pa_perc';

/** Daily means and census figures (fractional means are allowed for the first two). */
export const SIZE_COLUMNS = ['num_schools', 'enrolments', 'total_num_schools', 'total_enrolments'] as const;

/** Rate columns: every measure's `_perc` column plus `pa_perc`. */
export const RATE_COLUMNS: readonly string[] = [
  ...Object.values(MEASURE_COUNT_COLUMNS).map((m) => `${m}_perc`),
  PA_COLUMN,
];

/** Columns a file must have (besides one phase column) to be read at all. */
export const REQUIRED_COLUMNS = [
  'time_period',
  'geographic_level',
  'region_code',
  'old_la_code',
  'num_schools',
  POSSIBLE_COLUMN,
  'overall_attendance',
  'overall_absence',
  'authorised_absence',
  'unauthorised_absence',
] as const;

/**
 * Columns that mark a different DfE layout this reader does not take (daily files, the EES API's long
 * format, the census "Pupil absence in schools in England" files), with what they are.
 */
export const FOREIGN_LAYOUT_COLUMNS: Readonly<Record<string, string>> = {
  attendance_date: 'a daily file (one row per date): aggregate it to weeks or terms first',
  attendance_status: "the EES API's long format (one row per status/type/reason)",
  attendance_type: "the EES API's long format (one row per status/type/reason)",
  sess_overall_percent: 'a census "Pupil absence in schools in England" file (enrolment-based, different columns)',
  sess_possible: 'a census "Pupil absence in schools in England" file (enrolment-based, different columns)',
};

/** Every column this reader knows. */
export const KNOWN_COLUMNS: ReadonlySet<string> = new Set<string>([
  ...IDENTITY_COLUMNS,
  ...Object.keys(MEASURE_COUNT_COLUMNS),
  ...OTHER_COUNT_COLUMNS,
  POSSIBLE_COLUMN,
  ...SIZE_COLUMNS,
  ...RATE_COLUMNS,
]);

/**
 * The statutory register codes as data, for both regimes, with their statistical category.
 *
 * Sources (see docs/methodology.md, "Codes"): the School Attendance (Pupil Registration) (England)
 * Regulations 2024 (SI 2024/208, reg. 10), in force from 19 August 2024; the Education (Pupil
 * Registration) (England) Regulations 2006 before that; DfE's daily-data field names
 * (attendance-data-dashboard) for each code's category and reason column.
 *
 * @module
 */

/** The statistical category of a mark. `covid` is only produced by the COVID `X` option. */
export type Category = 'present' | 'aea' | 'authorised' | 'unauthorised' | 'not_possible' | 'unmarked' | 'covid';

/** Categories in a fixed order; `CATEGORY_ID[c]` is the index used by typed-array tallies. */
export const CATEGORIES: readonly Category[] = [
  'present',
  'aea',
  'authorised',
  'unauthorised',
  'not_possible',
  'unmarked',
  'covid',
];

/** The index of each category in {@link CATEGORIES}. */
export const CATEGORY_ID: Readonly<Record<Category, number>> = {
  present: 0,
  aea: 1,
  authorised: 2,
  unauthorised: 3,
  not_possible: 4,
  unmarked: 5,
  covid: 6,
};

/** The two sets of regulations. */
export type Regime = '2006' | '2024';

/** One code of the register, as the regulations and DfE's statistics treat it. */
export interface CodeInfo {
  /** The code as written in the register (`/`, `C1`, `#`, `-` for "no mark yet"). */
  readonly code: string;
  /** Short meaning. */
  readonly meaning: string;
  /** Its category for statistics. */
  readonly category: Category;
  /** The regimes in which the code may be recorded. */
  readonly regimes: readonly Regime[];
  /** DfE's daily-data column for the code (attendance-data-dashboard), when it has one. */
  readonly dfeReason?: string;
}

const both: readonly Regime[] = ['2006', '2024'];
const only2006: readonly Regime[] = ['2006'];
const only2024: readonly Regime[] = ['2024'];

/**
 * Every code either regime knows, in a fixed order: the index of a code here is its
 * dictionary id in the columnar engine (`CODE_ID`), so never reorder, only append.
 */
export const CODE_TABLE: readonly CodeInfo[] = [
  { code: '-', meaning: 'No mark recorded yet', category: 'unmarked', regimes: both },
  { code: '/', meaning: 'Present (AM)', category: 'present', regimes: both, dfeReason: 'reason_present_am' },
  { code: '\\', meaning: 'Present (PM)', category: 'present', regimes: both, dfeReason: 'reason_present_pm' },
  { code: 'L', meaning: 'Late, arrived before the register closed', category: 'present', regimes: both, dfeReason: 'reason_l_present_late_before_registers_closed' },
  { code: 'K', meaning: 'Attending education provision arranged by the local authority', category: 'aea', regimes: only2024, dfeReason: 'reason_k_aea_education_arranged_by_la' },
  { code: 'V', meaning: 'Educational visit or trip', category: 'aea', regimes: both, dfeReason: 'reason_v_aea_educational_visit_trip' },
  { code: 'P', meaning: 'Approved sporting activity', category: 'aea', regimes: both, dfeReason: 'reason_p_aea_approved_sporting_activity' },
  { code: 'W', meaning: 'Work experience', category: 'aea', regimes: both, dfeReason: 'reason_w_aea_work_experience' },
  { code: 'B', meaning: 'Other approved supervised educational activity (educated off site)', category: 'aea', regimes: both, dfeReason: 'reason_b_aea_education_off_site' },
  { code: 'J', meaning: 'Interview (approved educational activity, 2006 regulations)', category: 'aea', regimes: only2006, dfeReason: 'reason_j_aea_interview' },
  { code: 'D', meaning: 'Dual registered, attending another school', category: 'not_possible', regimes: both, dfeReason: 'reason_d_dual_registration' },
  { code: 'C1', meaning: 'Leave of absence for a regulated performance or employment abroad', category: 'authorised', regimes: only2024, dfeReason: 'reason_c1_authorised_regulated_performance' },
  { code: 'M', meaning: 'Medical or dental appointment', category: 'authorised', regimes: both, dfeReason: 'reason_m_authorised_medical_dental' },
  { code: 'J1', meaning: 'Leave of absence for an interview', category: 'authorised', regimes: only2024, dfeReason: 'reason_j1_authorised_interview' },
  { code: 'S', meaning: 'Study leave', category: 'authorised', regimes: both, dfeReason: 'reason_s_authorised_study_leave' },
  { code: 'X', meaning: 'Not required to attend (non-compulsory school age); COVID-19 circumstances in 2020/21-2021/22', category: 'not_possible', regimes: both },
  { code: 'C2', meaning: 'Leave of absence on a temporary part-time timetable', category: 'authorised', regimes: only2024, dfeReason: 'reason_c2_authorised_temp_reduced_timetable' },
  { code: 'C', meaning: 'Leave of absence for exceptional circumstances (other authorised)', category: 'authorised', regimes: both, dfeReason: 'reason_c_authorised_other' },
  { code: 'T', meaning: 'Traveller / mobile child (parent travelling for occupational purposes)', category: 'authorised', regimes: both, dfeReason: 'reason_t_authorised_mobile_child' },
  { code: 'R', meaning: 'Religious observance', category: 'authorised', regimes: both, dfeReason: 'reason_r_authorised_religious_observance' },
  { code: 'I', meaning: 'Illness (not medical or dental appointment)', category: 'authorised', regimes: both, dfeReason: 'reason_i_authorised_illness' },
  { code: 'E', meaning: 'Suspended or excluded, no alternative provision', category: 'authorised', regimes: both, dfeReason: 'reason_e_authorised_excluded' },
  { code: 'H', meaning: 'Agreed family holiday (2006 regulations)', category: 'authorised', regimes: only2006, dfeReason: 'reason_h_authorised_holiday' },
  { code: 'F', meaning: 'Agreed extended family holiday (legacy, 2006 regulations)', category: 'authorised', regimes: only2006, dfeReason: 'reason_f_legacy_family_holiday' },
  { code: 'Q', meaning: 'Unable to attend: no access arrangements by the local authority', category: 'not_possible', regimes: only2024, dfeReason: 'reason_q_la_arrangements' },
  { code: 'Y', meaning: 'Unable to attend due to exceptional circumstances (2006 regulations)', category: 'not_possible', regimes: only2006, dfeReason: 'reason_y_not_attending_enforced_closure' },
  { code: 'Y1', meaning: 'Unable to attend: transport not available', category: 'not_possible', regimes: only2024, dfeReason: 'reason_y1_transport_not_provided' },
  { code: 'Y2', meaning: 'Unable to attend: widespread travel disruption', category: 'not_possible', regimes: only2024, dfeReason: 'reason_y2_travel_disruption' },
  { code: 'Y3', meaning: 'Unable to attend: part of the premises out of use', category: 'not_possible', regimes: only2024, dfeReason: 'reason_y3_premises_out_of_use' },
  { code: 'Y4', meaning: 'Unable to attend: school site closed or session cancelled', category: 'not_possible', regimes: only2024, dfeReason: 'reason_y4_closed_session_cancelled' },
  { code: 'Y5', meaning: 'Unable to attend: in criminal-justice detention', category: 'not_possible', regimes: only2024, dfeReason: 'reason_y5_detention_sentence' },
  { code: 'Y6', meaning: 'Unable to attend: public-health guidance or law', category: 'not_possible', regimes: only2024, dfeReason: 'reason_y6_prohibited_infection_disease' },
  { code: 'Y7', meaning: 'Unable to attend: any other unavoidable cause', category: 'not_possible', regimes: only2024, dfeReason: 'reason_y7_unavoidable_cause' },
  { code: 'G', meaning: 'Holiday not agreed by the school', category: 'unauthorised', regimes: both, dfeReason: 'reason_g_unauthorised_holiday' },
  { code: 'N', meaning: 'Reason for absence not yet established', category: 'unauthorised', regimes: both, dfeReason: 'reason_n_no_reason_yet' },
  { code: 'O', meaning: 'Absent in other or unknown circumstances (other unauthorised)', category: 'unauthorised', regimes: both, dfeReason: 'reason_o_other_unauthorised' },
  { code: 'U', meaning: 'Arrived after the register closed', category: 'unauthorised', regimes: both, dfeReason: 'reason_u_unauthorised_late_after_registers_closed' },
  { code: 'Z', meaning: 'Prospective pupil, not yet on the admission register', category: 'not_possible', regimes: both, dfeReason: 'reason_z_not_attending_not_on_roll' },
  { code: '#', meaning: 'Planned whole or partial school closure', category: 'not_possible', regimes: both, dfeReason: 'reason_not_attending_planned_closed' },
];

/** Number of codes in the dictionary. */
export const CODE_COUNT = CODE_TABLE.length;

/** The dictionary id of each code (its index in {@link CODE_TABLE}). */
export const CODE_ID: ReadonlyMap<string, number> = new Map(CODE_TABLE.map((c, i) => [c.code, i]));

/** Dictionary id of `-` (no mark yet). */
export const UNMARKED_CODE_ID = 0;

/**
 * The first day of the 2024 regulations (SI 2024/208 came into force on 19 August 2024).
 * Marks dated before it are read under the 2006 regulations.
 */
export const REGIME_2024_START = '2024-08-19';

/** The regime in force on an ISO date (`YYYY-MM-DD`; ISO dates compare as strings). */
export const regimeOn = (isoDate: string): Regime => (isoDate < REGIME_2024_START ? '2006' : '2024');

/** Whether `code` may be recorded under `regime`. `-` is valid in both. */
export const isCodeInForce = (code: string, regime: Regime): boolean => {
  const id = CODE_ID.get(code);
  return id !== undefined && (CODE_TABLE[id] as CodeInfo).regimes.includes(regime);
};

/** The codes of one regime, in dictionary order. */
export const codesOf = (regime: Regime): readonly CodeInfo[] => CODE_TABLE.filter((c) => c.regimes.includes(regime));

/**
 * COVID-19 `X` (2020/21 and 2021/22): DfE counted these sessions as possible but as neither
 * attendance nor absence ("has not been counted as an absence, but has been included as a possible
 * session", reference §3). The window is the two academic years; from 19 August 2024 such sessions
 * are `Y6`. Whether `X` in the window is treated this way is an option (`covidX`), default `'dfe'`.
 */
export const COVID_X_WINDOW = { from: '2020-08-01', to: '2022-07-31' } as const;

/**
 * Width of a tally's code-count vector: one column per code of {@link CODE_TABLE}, plus one
 * column ({@link COVID_X_COLUMN}) for `X` marks inside {@link COVID_X_WINDOW} when they are
 * treated as COVID sessions (category `covid`). Outside that option `X` counts in its own column.
 */
export const TALLY_WIDTH = CODE_TABLE.length + 1;
/** The extra tally column holding COVID `X` sessions (category `covid`). */
export const COVID_X_COLUMN = CODE_TABLE.length;

/**
 * The help text of `attendance summarise` (also the basis of docs/cli.md).
 *
 * @module
 */

/** `attendance summarise --help`. */
export const SUMMARISE_HELP = `attendance summarise: attendance and absence figures for a canonical dataset

Usage:
  attendance summarise DATASET [--from DATE] [--to DATE | --term NAME | --week MONDAY] [--as-of DATE]
                       [--week-label monday|friday] [--profile dfe|all|fft] [--years A-B] [--ages A-B]
                       [--pa-threshold P] [--severe-threshold P] [--min-sessions N] [--pa-basis enrolment|pupil]
                       [--code-n count|ignore]
                       [--by FIELD[,FIELD...]] [--filter FIELD=VALUE]... [--covid-x dfe|not-possible]
                       [--format json|csv|table] [--out FILE] [--issues FILE] [--progress | --no-progress]

DATASET is a folder holding schools.csv, pupils.csv and marks.csv (terms.csv optional), in the
canonical format of docs/canonical-format.md.

Options:
  --from DATE        first day counted, YYYY-MM-DD, inclusive.
  --to DATE          last day counted, YYYY-MM-DD, inclusive.
                     Default for both: the whole academic year (1 August to 31 July) of the latest
                     mark in the dataset; with only one of them, the rest of that date's academic
                     year. The period used is printed on stderr.
  --term NAME        a half-term (autumn1 autumn2 spring1 spring2 summer1 summer2) or a term
                     (autumn spring summer: its two half-terms and the break between), each
                     school's own dates: from terms.csv, else inferred from the register (breaks are
                     weekday runs with no possible session), else England defaults. Or a DfE
                     census term, the same dates for every school: census-autumn (1 Aug-31 Dec),
                     census-spring (1 Jan-Easter Sunday), census-summer, census-summer1,
                     census-summer2 (split at the spring bank holiday). The academic year is that
                     of --as-of, else of the latest mark.
  --week MONDAY      the week commencing MONDAY (YYYY-MM-DD, must be a Monday), Monday to Sunday.
  --as-of DATE       cut the period at DATE; alone: year to date (1 August to DATE). Never the
                     clock: the same command gives the same figures tomorrow.
                     --term, --week and --from/--to are exclusive; --as-of goes with any of them.
  --week-label monday|friday
                     how --by week labels a week: its Monday (default, DfE's week commencing) or
                     its Friday (FFT's week ending).
  --profile dfe|all|fft
                     which enrolments and sessions count (default: dfe).
                     dfe: as DfE's statistics, pupils aged 5 to 15 on 31 August before the academic
                     year, and 15-year-olds' sessions from the spring bank holiday to 31 July removed.
                     fft: as FFT Aspire's weekly tracker, Reception to Year 11, every session.
                     all: every enrolment and every session.
  Profile rules (each changes the chosen profile; the result names it PROFILE+custom):
  --years A-B        year groups kept, in register order N1 N2 R 1..14 (e.g. R-11, 7-, -6).
  --ages A-B         ages on 31 August kept (e.g. 5-15).
  --pa-threshold P   persistent absence at absence >= P% of possible sessions (default 10).
  --severe-threshold P
                     severe absence at >= P% (default 50).
  --min-sessions N   enrolments (or pupils) with fewer than N possible sessions in the period are
                     left out of PA, severe and their base (column pa_base); sessions still count.
  --pa-basis enrolment|pupil
                     enrolment (default, DfE): PA on each enrolment's own sessions. pupil: on a
                     pupil's sessions summed over every school attended in the period (the PA
                     follows the pupil; each school keeps its own sessions; adds column pupils).
  --code-n count|ignore
                     code N (no reason yet): count (default, DfE: unauthorised absence) or ignore
                     (its sessions are left out of every figure).
  --by FIELDS        one row per group: a comma list (or repeat --by) of
                     school (key column school_urn), la (la_code), year_group, sex, fsm, fsm6,
                     sen, eal, looked_after, ethnicity, ethnicity_major (White Mixed Asian Black
                     Chinese, Any other ethnic group, Unclassified, from the ethnicity code),
                     sen_status (none sen_support ehc_plan), previously_looked_after (true
                     false, from pupil_characteristics.csv only), week (the Monday, YYYY-MM-DD),
                     half_term (autumn1 .. summer2, each school's own dates; break days are in
                     no half-term). Default: one row for everything.
  --filter F=V       keep enrolments whose pupils.csv field F is exactly V; repeat to require all.
                     Fields and values: year_group (N1 N2 R 1..14), sex (F M), fsm, fsm6, eal,
                     looked_after (true false), sen (N K E), ethnicity (a DfE code, e.g. WBRI),
                     enrolment_status (C M S G), ethnicity_major, sen_status,
                     previously_looked_after.
  pupil_characteristics.csv (optional, in DATASET): school_urn,pupil_id,field,value,from,to gives
                     fsm, fsm6, eal, looked_after, previously_looked_after, sen or ethnicity values
                     that hold between two dates (inclusive; empty = open); each session is grouped
                     and filtered by the value on its date. Bad rows are named on stderr.
                     An empty value (sex=) selects "unknown".
  --covid-x dfe|not-possible
                     code X dated 2020/21 or 2021/22 (default: dfe): dfe counts it as DfE did, a
                     possible session that is neither attendance nor absence; not-possible treats
                     it as not a possible session. Outside those years X is never possible.
  --format json|csv|table
                     json (default): { input: {marks_read, marks_accepted, marks_rejected,
                       marks_superseded}, rows: [...] }, rates unrounded, names as DfE publishes.
                     csv: one line per row: key columns, counts, unrounded rates, then
                       sessions_by_code as code_<x> columns in register-code order (every code,
                       whatever the data). Text cells starting with = + - @ get a leading ' so
                       spreadsheets do not run them as formulas; numbers are never changed.
                     table: aligned columns for reading, rates rounded half up to 1 decimal place.
  -o, --out FILE     write the result to FILE instead of stdout.
  --issues FILE      write the input issues (rejected rows, warnings) as CSV to FILE.
  --progress         show import progress on stderr even when it is not a terminal.
  --no-progress      never show progress (default: shown when stderr is a terminal).
  -h, --help         this help.

Figures (canonical-format.md, docs/methodology.md):
  possible = present + approved educational activity + authorised + unauthorised absence;
  attendance_perc = (present + AEA) / possible; overall_absence_perc = absence / possible;
  pa_enrolments: enrolments whose absence is at least 10% of their own possible sessions
  (severe: at least 50%); pa_perc = pa_enrolments / enrolments. An enrolment with no possible
  session in the period is left out; a pupil who moved school counts once per school.

Rejected rows (unknown code, unknown pupil, bad date, ...) never stop the run: they are
counted in input.marks_rejected and summarised on stderr with examples (file:line).

Exit codes: 0 done; 1 failed while running; 2 unusable command line or unreadable DATASET.

Examples:
  attendance summarise ./dataset
  attendance summarise ./dataset --by school --format table
  attendance summarise ./dataset --from 2024-09-02 --to 2024-12-20 --by school,year_group --format csv --out autumn.csv
  attendance summarise ./dataset --by la --filter fsm6=true --filter sen=K --profile dfe
  attendance summarise ./dataset --by sex --issues issues.csv --progress
  attendance summarise ./dataset --term autumn1 --by school,week --format table
  attendance summarise ./dataset --week 2024-09-02 --profile fft --by year_group
  attendance summarise ./dataset --as-of 2025-02-14 --by half_term,sen_status
  attendance summarise ./dataset --pa-basis pupil --min-sessions 11 --code-n ignore --by la
`;

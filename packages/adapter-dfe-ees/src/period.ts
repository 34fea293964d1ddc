/**
 * DfE time periods: `time_period` is `202425` (an academic year, with `time_identifier` such as
 * "Academic year" or "Autumn term") or `2024` (a calendar year, with `time_identifier` "Week 37", the ISO
 * week of the week-commencing Monday). Source: dfe-analytical-services/attendance-data-dashboard
 * (global.R, R/prerun_utils.R) and the files in data/dfe-pupil-attendance/.
 *
 * @module
 */

/** The academic year a row belongs to (by the calendar year it starts in), or why it cannot be told. */
export type AcademicYearResult =
  | { readonly _tag: 'ok'; readonly start: number }
  | { readonly _tag: 'error'; readonly message: string };

/**
 * Finds the academic year (1 August to 31 July) of a DfE row. ISO weeks 31 and later of a calendar
 * year fall in the academic year starting that year; earlier weeks in the one starting the year before.
 * (Week 31 may begin in late July; DfE publishes no weeks in the summer holiday.)
 *
 * @example
 * dfeAcademicYearOf('202425', 'Autumn term', undefined) // { _tag: 'ok', start: 2024 }
 * dfeAcademicYearOf('2025', 'Week 3', undefined)        // { _tag: 'ok', start: 2024 }
 */
export const dfeAcademicYearOf = (
  timePeriod: string,
  timeIdentifier: string | undefined,
  academicYear: string | undefined,
): AcademicYearResult => {
  const six = /^(\d{4})(\d{2})$/;
  const fromSix = (text: string, what: string): AcademicYearResult => {
    const m = six.exec(text);
    if (m === null) return { _tag: 'error', message: `${what} "${text}" is not an academic year like 202425` };
    const start = Number(m[1]);
    if ((start + 1) % 100 !== Number(m[2]))
      return { _tag: 'error', message: `${what} "${text}" does not name two consecutive years` };
    return { _tag: 'ok', start };
  };
  if (academicYear !== undefined && academicYear !== '') return fromSix(academicYear, 'academic_year');
  if (six.test(timePeriod)) return fromSix(timePeriod, 'time_period');
  if (/^\d{4}$/.test(timePeriod)) {
    const week = /^Week (\d{1,2})$/.exec(timeIdentifier ?? '');
    if (week === null)
      return {
        _tag: 'error',
        message: `time_period "${timePeriod}" is a calendar year but time_identifier "${timeIdentifier ?? ''}" is not "Week NN"`,
      };
    const n = Number(week[1]);
    if (n < 1 || n > 53) return { _tag: 'error', message: `time_identifier "${timeIdentifier ?? ''}" is not an ISO week` };
    const year = Number(timePeriod);
    return { _tag: 'ok', start: n >= 31 ? year : year - 1 };
  }
  return { _tag: 'error', message: `time_period "${timePeriod}" is neither 202425 nor 2024 with a week` };
};

/**
 * The academic year and DfE's census terms.
 *
 * Source: reference §4.5 [A][S2][S3]. The academic year runs 1 August to 31 July. The school census
 * collects absence one term in arrears over fixed date ranges that do not depend on a school's own
 * term dates: autumn 1 August-31 December (spring census), spring 1 January-Easter Sunday (summer
 * census), and summer in two parts (autumn census of the next year): summer half-term 1 from Easter
 * Monday to the day before the spring bank holiday, summer half-term 2 from the spring bank holiday to
 * 31 July, returned separately (so 15-year-olds' second summer half-term can be removed).
 *
 * @module
 */
import { academicYearOf, type IsoDate } from '../dates.js';
import { springBankHoliday } from './bank-holidays.js';
import { addDaysIso, ymd, type DateRange } from './date-range.js';
import { easterSunday } from './easter.js';

/**
 * The academic year starting in August of `startYear` (2024 for 2024/25): 1 August to 31 July.
 * @example academicYearRange(2024) // { from: '2024-08-01', to: '2025-07-31' }
 */
export const academicYearRange = (startYear: number): DateRange => ({
  from: ymd(startYear, 8, 1),
  to: ymd(startYear + 1, 7, 31),
});

/**
 * The start year of an academic year label: 2024 for `2024/25` (also `2024-25`, `202425`),
 * or `undefined` when the label is not a pair of consecutive years.
 * @example parseAcademicYear('2024/25') // 2024
 */
export const parseAcademicYear = (label: string): number | undefined => {
  const m = /^(\d{4})[/-]?(\d{2})$/.exec(label.trim());
  if (m === null) return undefined;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? start : undefined;
};

/** DfE's census terms. */
export const CENSUS_TERMS = ['autumn', 'spring', 'summer'] as const;
/** A census term. */
export type CensusTerm = (typeof CENSUS_TERMS)[number];

/** The four parts the census returns: summer comes as two half-terms. */
export const CENSUS_PERIODS = ['autumn', 'spring', 'summer1', 'summer2'] as const;
/** A part of the year as the census returns it. */
export type CensusPeriodName = (typeof CENSUS_PERIODS)[number];

/** A census period with its dates. */
export interface CensusPeriod extends DateRange {
  readonly name: CensusPeriodName;
}

/**
 * The four census periods of an academic year, in order; they partition 1 August-31 July ([TERM-1]).
 * @example censusPeriods(2024).map((p) => [p.name, p.from, p.to])
 * // [['autumn', '2024-08-01', '2024-12-31'], ['spring', '2025-01-01', '2025-04-20'],
 * //  ['summer1', '2025-04-21', '2025-05-25'], ['summer2', '2025-05-26', '2025-07-31']]
 */
export const censusPeriods = (startYear: number): readonly CensusPeriod[] => {
  const spring = startYear + 1;
  const easter = easterSunday(spring);
  const bankHoliday = springBankHoliday(spring);
  return [
    { name: 'autumn', from: ymd(startYear, 8, 1), to: ymd(startYear, 12, 31) },
    { name: 'spring', from: ymd(spring, 1, 1), to: easter },
    { name: 'summer1', from: addDaysIso(easter, 1), to: addDaysIso(bankHoliday, -1) },
    { name: 'summer2', from: bankHoliday, to: ymd(spring, 7, 31) },
  ];
};

/**
 * The dates of a census term or period of an academic year (`summer` is summer1 and summer2 together).
 * @example censusTermRange(2024, 'spring') // { from: '2025-01-01', to: '2025-04-20' }
 */
export const censusTermRange = (startYear: number, term: CensusTerm | CensusPeriodName): DateRange => {
  const periods = censusPeriods(startYear);
  const pick = (name: CensusPeriodName): CensusPeriod => periods.find((p) => p.name === name) as CensusPeriod;
  if (term === 'summer') return { from: pick('summer1').from, to: pick('summer2').to };
  const p = pick(term);
  return { from: p.from, to: p.to };
};

/**
 * The academic year and census period a date falls in.
 * @example censusPeriodOf('2025-05-26') // { academicYear: 2024, period: 'summer2' }
 */
export const censusPeriodOf = (
  date: IsoDate | string,
): { readonly academicYear: number; readonly period: CensusPeriodName } => {
  const academicYear = academicYearOf(date);
  const hit = censusPeriods(academicYear).find((p) => date >= p.from && date <= p.to);
  // The periods partition the year, so a real date always hits one.
  return { academicYear, period: hit?.name ?? 'autumn' };
};

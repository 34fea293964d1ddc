/**
 * Bank holidays in England that the statistics depend on.
 *
 * @module
 */
import { formatISO, getDay, lastDayOfMonth, subDays } from 'date-fns';
import type { IsoDate } from '../dates.js';

/**
 * Years whose spring bank holiday was moved from the last Monday in May for a royal jubilee
 * (Banking and Financial Dealings Act 1971 proclamations): 2002, 2012, 2022.
 */
const MOVED_SPRING_BANK_HOLIDAY: Readonly<Record<number, IsoDate>> = {
  2002: '2002-06-04' as IsoDate,
  2012: '2012-06-04' as IsoDate,
  2022: '2022-06-02' as IsoDate,
};

/**
 * The spring bank holiday: the last Monday in May, except in jubilee years. DfE's summer half-term 2
 * (and the removal of 15-year-olds' sessions) starts on it (reference §4.5).
 * @example springBankHoliday(2025) // '2025-05-26'
 */
export const springBankHoliday = (year: number): IsoDate => {
  const moved = MOVED_SPRING_BANK_HOLIDAY[year];
  if (moved !== undefined) return moved;
  const last = lastDayOfMonth(new Date(year, 4, 1));
  const back = (getDay(last) + 6) % 7; // days since Monday
  return formatISO(subDays(last, back), { representation: 'date' }) as IsoDate;
};

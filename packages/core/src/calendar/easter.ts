/**
 * Easter Sunday by computus, for the Gregorian calendar (Western Easter). The spring census term
 * ends on Easter Sunday and summer half-term 1 starts on Easter Monday (reference §4.5), and Good
 * Friday and Easter Monday are bank holidays, so the calendar needs Easter for any year.
 *
 * @module
 */
import type { IsoDate } from '../dates.js';
import { ymd } from './date-range.js';

/**
 * Easter Sunday of a Gregorian year (1583 onwards), by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher; J. Meeus, *Astronomical Algorithms*, ch. 8). Integer arithmetic only.
 * Checked against the Astronomical Society of South Australia's table of Easter dates
 * 1700-2299 for every year 1900-2100 (easter.test.ts, [EAS-1]).
 * @example easterSunday(2025) // '2025-04-20'
 */
export const easterSunday = (year: number): IsoDate => {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Gregorian Easter needs a year from 1583: ${year}`);
  const a = year % 19; // place in the 19-year Metonic cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3); // Gregorian lunar correction
  const h = (19 * a + b - d - g + 15) % 30; // days from 21 March to the Paschal full moon (epact)
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return ymd(year, Math.floor(n / 31), (n % 31) + 1);
};

/**
 * England's clock, without the platform's time-zone database (pure, the same on every machine):
 * British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October (The Summer Time Order 2002, following EU Directive 2000/84/EC; the same
 * dates since 1996). Wonde writes school times as `Europe/London` (reference/mis-formats.md §2.3).
 *
 * @module
 */

const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of `month` (0-based) in `year`. */
const lastSundayOneAm = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month + 1, 0));
  const day = last.getUTCDate() - last.getUTCDay();
  return Date.UTC(year, month, day, 1);
};

/**
 * Whether an instant (ms since the epoch, UTC) falls in British Summer Time.
 * @example isBst(Date.UTC(2024, 6, 1)) // true
 */
export const isBst = (utcMs: number): boolean => {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayOneAm(year, 2) && utcMs < lastSundayOneAm(year, 9);
};

/**
 * The UTC instant of a London wall-clock time given as if it were UTC. In the repeated hour of
 * October the first (BST) reading is taken.
 * @example new Date(londonToUtc(Date.UTC(2024, 6, 1, 9))).toISOString() // '2024-07-01T08:00:00.000Z'
 */
export const londonToUtc = (wallMs: number): number => (isBst(wallMs - HOUR) ? wallMs - HOUR : wallMs);

/**
 * London's calendar date of an instant.
 * @example londonDate(Date.UTC(2024, 8, 1, 23)) // '2024-09-02'
 */
export const londonDate = (utcMs: number): string => new Date(utcMs + (isBst(utcMs) ? HOUR : 0)).toISOString().slice(0, 10);

/**
 * The period `summarise` covers when --from/--to are not given: the whole academic year
 * (1 August to 31 July, reference §4.5) of the latest mark in the dataset. A given --from or --to
 * replaces that end only.
 *
 * @module
 */
import { academicYearLabel, academicYearOf, fromDayNumber, type IsoDate, type MarkStore } from '@attendance-kit/core';

/** A closed date range and how it was chosen (said on stderr so the run is reproducible). */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** e.g. `academic year 2024/25, the year of the latest mark`; empty when both ends were given. */
  readonly note: string;
}

/** The date of the latest mark, or undefined for no marks. */
export const latestMarkDate = (marks: MarkStore): IsoDate | undefined => {
  let max = -1;
  for (let i = 0; i < marks.length; i += 1) {
    const s = marks.slot[i] as number;
    if (s > max) max = s;
  }
  return max < 0 ? undefined : fromDayNumber(Math.floor(max / 2));
};

/**
 * The period from the options and the data.
 * @example periodOf({ from: '2024-09-02' }, '2025-03-14') // { from: '2024-09-02', to: '2025-07-31', note: ... }
 */
export const periodOf = (given: { readonly from?: IsoDate; readonly to?: IsoDate }, latest: IsoDate | undefined): Period => {
  if (given.from !== undefined && given.to !== undefined) return { from: given.from, to: given.to, note: '' };
  // Anchor on what was given, else on the latest mark; with neither (no marks) any year gives no rows.
  const anchor = given.from ?? given.to ?? latest ?? '2024-08-01';
  const year = academicYearOf(anchor);
  const from = given.from ?? (`${year}-08-01` as IsoDate);
  const to = given.to ?? (`${year + 1}-07-31` as IsoDate);
  const why = given.from !== undefined || given.to !== undefined ? 'the academic year of the date given' : latest === undefined ? 'no marks in the dataset' : `the academic year of the latest mark, ${latest}`;
  return { from, to, note: `${academicYearLabel(year)}: ${why}` };
};

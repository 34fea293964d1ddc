/**
 * The register's view of each school's days, the input to half-term inference (infer-calendar.ts):
 * a day is open at a school when at least one of its marks that day is a possible session (present,
 * approved educational activity, authorised or unauthorised absence). `#` (planned closure), other
 * not-possible codes and `-` (no mark yet) do not open a day. A school's coverage is the span of all
 * its marks, whatever their code, so a closure at the end of the data is seen as a closure.
 *
 * @module
 */
import { CODE_TABLE } from '../codes.js';
import type { Dataset } from '../dataset.js';
import { fromDayNumber } from '../dates.js';
import type { RegisterDays } from './infer-calendar.js';

/** 1 for code ids that are possible sessions. */
const OPENS: Uint8Array = Uint8Array.from(CODE_TABLE, (c) => (c.category === 'not_possible' || c.category === 'unmarked' ? 0 : 1));

/**
 * Each school's open days and coverage, by school index, in two passes over the mark columns
 * (typed arrays: no per-mark objects). A school with no marks gets no open days and no coverage.
 * @example registerDaysBySchool(dataset)[0] // { openDays: [19967, 19968, ...], coverage: { from: '2024-09-02', to: '2025-07-18' } }
 */
export const registerDaysBySchool = (
  dataset: Pick<Dataset, 'schools' | 'enrolments' | 'marks'>,
): readonly RegisterDays[] => {
  const { marks } = dataset;
  const nSchools = dataset.schools.length;
  const schoolOf = Uint32Array.from(dataset.enrolments, (e) => e.school);
  const first = new Float64Array(nSchools).fill(Number.POSITIVE_INFINITY);
  const last = new Float64Array(nSchools).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < marks.length; i++) {
    const s = schoolOf[marks.enrolment[i] ?? 0] ?? 0;
    const day = (marks.slot[i] ?? 0) >>> 1;
    if (day < (first[s] ?? 0)) first[s] = day;
    if (day > (last[s] ?? 0)) last[s] = day;
  }
  const open = Array.from({ length: nSchools }, (_, s) =>
    (last[s] ?? 0) >= (first[s] ?? 0) ? new Uint8Array((last[s] ?? 0) - (first[s] ?? 0) + 1) : new Uint8Array(0),
  );
  for (let i = 0; i < marks.length; i++) {
    if (OPENS[marks.code[i] ?? 0] !== 1) continue;
    const s = schoolOf[marks.enrolment[i] ?? 0] ?? 0;
    const bitmap = open[s];
    if (bitmap !== undefined) bitmap[((marks.slot[i] ?? 0) >>> 1) - (first[s] ?? 0)] = 1;
  }
  return open.map((bitmap, s): RegisterDays => {
    const f = first[s] ?? 0;
    if (bitmap.length === 0) return { openDays: [] };
    const openDays: number[] = [];
    bitmap.forEach((v, k) => {
      if (v === 1) openDays.push(f + k);
    });
    return { openDays, coverage: { from: fromDayNumber(f), to: fromDayNumber(last[s] ?? f) } };
  });
};

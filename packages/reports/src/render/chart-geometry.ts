/**
 * Shared geometry of the SVG charts: which columns are weeks, a y range with round ticks, and a
 * line path that breaks where a week has no value. Pure arithmetic, no markup.
 * @module
 */
import type { Report, ReportRow } from '../model.js';

/** Week columns are those whose id is an ISO date (the week's Monday). */
export const weekColumns = (report: Report) => report.columns.filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.id));

/** A row's weekly values and comparators, null where there is none. */
export const seriesOf = (report: Report, row: ReportRow) => {
  const weeks = weekColumns(report);
  return {
    local: weeks.map((w) => row.cells[w.id]?.value ?? null),
    cmp: weeks.map((w) => row.cells[w.id]?.comparator ?? null),
  };
};

/** How many values are present. */
export const present = (values: readonly (number | null)[]): number => values.filter((v) => v !== null).length;

/**
 * A y range around the values, inside 0..100 when they are, with 3 to 7 ticks at a round step (0.5, 1, 2, 5, 10 or 20 points), so
 * a reader can read a level off the axis.
 * @example niceRange([91.2, 93.8]) // { lo: 91, hi: 94, ticks: [91, 92, 93, 94] }
 */
export const niceRange = (values: readonly number[]): { lo: number; hi: number; ticks: readonly number[] } => {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = Math.max(max - min, 1);
  const step = [0.5, 1, 2, 5, 10, 20].find((s) => span / s <= 5) ?? 25;
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (hi - lo < 2 * step) [lo, hi] = [lo - step, hi + step];
  // Rates live in 0..100: keep the axis there, still two steps tall.
  if (lo < 0) [lo, hi] = [0, Math.max(hi, 2 * step)];
  if (hi > 100 && max <= 100) [lo, hi] = [Math.min(lo, 100 - 2 * step), 100];
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 1000; t += step) ticks.push(Math.round(t * 100) / 100);
  return { lo, hi, ticks };
};

/** An SVG path through the points, lifting the pen at nulls (FFT FAQ 5: no line where there is no data). */
export const linePath = (values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string => {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    pen = true;
  });
  return d.trim();
};

/** Percent as an axis or description label: `93%`, `92.5%`. */
export const pct = (v: number): string => `${Number.isInteger(v) ? v : v.toFixed(1)}%`;

/**
 * The demo's reports: every report of @attendance-kit/reports in every format, plus an index page,
 * for the synthetic LA against DfE's real national weekly figures for autumn 2024/25 (the repository's
 * committed copy, found by report-comparator.ts `findDemoComparator`). Without that file the reports
 * are still written, without a comparator, and the caller says so.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset, IsoDate } from '@attendance-kit/core';
import { FORMATS, render, renderIndex, REPORT_IDS, REPORTS, type ComparatorCells } from '@attendance-kit/reports';
import { findDemoComparator, readComparator } from './report-comparator.js';

/** What the demo's reports were written with. */
export interface DemoReports {
  /** Files written, relative to the reports folder, in writing order. */
  readonly files: readonly string[];
  /** The comparator file used, or undefined with `problem` saying why there is none. */
  readonly comparator?: string;
  readonly problem?: string;
}

/**
 * Writes every report in every format, and `index.html` linking them, into `dir`. `comparatorPath`
 * defaults to the committed DfE file; null writes the reports without a comparator.
 * @example await writeDemoReports(dataset, 'demo-output/reports', { from: '2024-09-02', to: '2024-12-20', label: 'Autumn 2024/25' })
 */
export const writeDemoReports = async (
  dataset: Dataset,
  dir: string,
  period: { readonly from: IsoDate; readonly to: IsoDate; readonly label: string },
  // null: no comparator file (an explicit undefined would take the default).
  comparatorPath: string | null = findDemoComparator() ?? null,
): Promise<DemoReports> => {
  await mkdir(dir, { recursive: true });
  let comparator: ComparatorCells | undefined;
  let problem: string | undefined;
  if (comparatorPath === null) {
    problem = 'the DfE weekly file data/dfe-pupil-attendance/2024-25_weekly_autumn.csv was not found above the CLI package';
  } else {
    const read = await readComparator(comparatorPath, 'national');
    if (read.ok) comparator = { ...read.cells, source: 'DfE weekly, autumn 2024/25' };
    else problem = read.problem;
  }
  const files: string[] = [];
  const entries: { href: string; title: string; description: string }[] = [];
  for (const id of REPORT_IDS) {
    const report = REPORTS[id].run(dataset, {
      from: period.from,
      to: period.to,
      periodLabel: period.label,
      ...(comparator === undefined ? {} : { comparator }),
    });
    for (const format of FORMATS) {
      const name = `${id}.${format}`;
      await writeFile(join(dir, name), render(report, format), 'utf8');
      files.push(name);
    }
    entries.push({ href: `${id}.html`, title: report.title, description: `also as ${id}.json, .csv and .md` });
  }
  await writeFile(join(dir, 'index.html'), renderIndex(`Attendance reports: synthetic LA, ${period.label}`, entries), 'utf8');
  files.push('index.html');
  return { files, ...(comparatorPath === null || problem !== undefined ? {} : { comparator: comparatorPath }), ...(problem === undefined ? {} : { problem }) };
};

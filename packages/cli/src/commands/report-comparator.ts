/**
 * The comparator of `attendance report` and `attendance demo`: a DfE "Pupil attendance in schools"
 * weekly CSV (adapter-dfe-ees), re-keyed by week Monday for the reports (reports `cellsByWeekMonday`),
 * and the repository's committed copy of DfE's 2024/25 autumn weekly file for the demo.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areaCellsByPeriod, readDfeAttendanceCsv } from '@attendance-kit/adapter-dfe-ees';
import { cellsByWeekMonday, type ComparatorCells } from '@attendance-kit/reports';

/** The comparator cells, or why the file cannot be used. */
export type ComparatorRead = { readonly ok: true; readonly cells: ComparatorCells } | { readonly ok: false; readonly problem: string };

/**
 * Reads a DfE weekly attendance CSV as report comparator cells.
 * @example await readComparator('data/dfe-pupil-attendance/2024-25_weekly_autumn.csv', 'national')
 */
export const readComparator = async (path: string, kind: 'national' | 'regional', shown = path): Promise<ComparatorRead> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, problem: `cannot read --comparator ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : error instanceof Error ? error.message : String(error)}` };
  }
  const file = readDfeAttendanceCsv(text, basename(path));
  const weeks = cellsByWeekMonday(areaCellsByPeriod(file));
  if (weeks.size === 0) {
    const why = file.issues.find((i) => i.severity === 'error')?.message ?? 'it has no weekly rows (time_identifier "Week NN")';
    return { ok: false, problem: `cannot use --comparator ${shown} as a weekly DfE attendance file: ${why}` };
  }
  return { ok: true, cells: { kind, weeks, source: `DfE weekly, ${basename(path)}` } };
};

/** The committed DfE weekly file the demo compares with, relative to the repository root. */
export const DEMO_COMPARATOR = join('data', 'dfe-pupil-attendance', '2024-25_weekly_autumn.csv');

/** This module's folder: `__dirname` in the CJS build (where esbuild empties `import.meta`), else from `import.meta.url`. */
const moduleDir = (): string | undefined => {
  if (typeof __dirname === 'string') return __dirname;
  const url = (import.meta as { readonly url?: string }).url;
  return url === undefined ? undefined : dirname(fileURLToPath(url));
};

/**
 * A file of the repository, by its path from the repository root: walks up from this module (src/
 * when run from source, dist/ when built) to the first folder holding it. Undefined when the package
 * runs outside the repository (e.g. installed from npm).
 * @example findRepoFile('data/dfe-statistical-neighbours/statistical_neighbours_may_2025.csv')
 */
export const findRepoFile = (relativePath: string, start: string | undefined = moduleDir()): string | undefined => {
  if (start === undefined) return undefined;
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
};

/**
 * The demo's comparator file, `data/dfe-pupil-attendance/2024-25_weekly_autumn.csv` of the repository
 * ({@link findRepoFile}).
 * @example findDemoComparator()?.endsWith('2024-25_weekly_autumn.csv')
 */
export const findDemoComparator = (start: string | undefined = moduleDir()): string | undefined => findRepoFile(DEMO_COMPARATOR, start);

/**
 * Reading a canonical dataset folder: schools.csv, pupils.csv, marks.csv and (optional)
 * terms.csv, into the in-memory {@link Dataset} and an import report.
 *
 * @module
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createIssueCollector, importReport, SourceReadError, toSourceReadError, type ImportReport } from '@attendance-kit/adapter-kit';
import type { Dataset, RecordCounts } from '@attendance-kit/core';
import { createMarksReader } from './marks.js';
import { readPupils, readSchools, readTerms, type TermDates } from './reference.js';
import { streamInto } from './table.js';

/** File names of a canonical dataset folder. */
export const CANONICAL_FILES = { schools: 'schools.csv', pupils: 'pupils.csv', marks: 'marks.csv', terms: 'terms.csv' } as const;

/** Options of {@link readCanonicalDataset}. */
export interface ReadCanonicalOptions {
  /** Called as bytes are read, with the total size of the dataset's files. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Issues kept per file in the report (all are counted); default 1000. */
  readonly issueCap?: number;
}

/** What {@link readCanonicalDataset} gives. */
export interface CanonicalReadResult {
  readonly dataset: Dataset;
  /** One file report per file read (schools, pupils, marks, then terms when present). */
  readonly report: ImportReport;
  /** The counts of marks.csv (the `input` block of `summarise`). */
  readonly marks: RecordCounts;
  /** The rows of terms.csv accepted (empty without the file). */
  readonly terms: readonly TermDates[];
}

const sizeOf = async (path: string, optional: boolean): Promise<number | undefined> => {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new SourceReadError(path, 'is a directory, expected a file', 'EISDIR');
    return s.size;
  } catch (e) {
    if (optional && (e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw toSourceReadError(path, e);
  }
};

/**
 * Fewest bytes an accepted marks row can take: a 1-byte URN and pupil id, a 10-byte date, a
 * 2-byte session, a 1-byte code, 4 commas and a line break (19). So `bytes / 19 + 1` bounds the
 * number of marks, and the builder, given that bound, keeps every mark in its first chunk and
 * finishes in place, with no second copy of the columns. Pages never written are never resident,
 * so the over-estimate costs address space only (decision 0003).
 */
const MIN_MARK_ROW_BYTES = 19;

/**
 * Reads the canonical dataset in folder `dir`. Bad rows never throw: they are rejected with
 * issues in the report. Throws a `SourceReadError` (from adapter-kit) only when the folder or a
 * required file cannot be read, naming the path and the reason.
 *
 * @example
 * const { dataset, report, marks } = await readCanonicalDataset('examples/data/tiny');
 * marks.read === marks.accepted + marks.superseded + marks.rejected; // always true
 */
export const readCanonicalDataset = async (dir: string, options: ReadCanonicalOptions = {}): Promise<CanonicalReadResult> => {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new SourceReadError(dir, 'not a directory (expected a folder holding schools.csv, pupils.csv and marks.csv)', 'ENOTDIR');
  } catch (e) {
    throw toSourceReadError(dir, e);
  }
  const path = (f: string): string => join(dir, f);
  const sizes = {
    schools: (await sizeOf(path(CANONICAL_FILES.schools), false)) ?? 0,
    pupils: (await sizeOf(path(CANONICAL_FILES.pupils), false)) ?? 0,
    marks: (await sizeOf(path(CANONICAL_FILES.marks), false)) ?? 0,
    terms: await sizeOf(path(CANONICAL_FILES.terms), true),
  };
  const total = sizes.schools + sizes.pupils + sizes.marks + (sizes.terms ?? 0);
  let done = 0;
  const onChunk = options.onProgress === undefined ? undefined : (n: number): void => {
    done += n;
    options.onProgress?.(done, total);
  };
  const collector = (file: string, kind: string) =>
    createIssueCollector(options.issueCap === undefined ? { file, kind } : { file, kind, cap: options.issueCap });

  const schoolIssues = collector(CANONICAL_FILES.schools, 'schools');
  const schools = await readSchools(path(CANONICAL_FILES.schools), CANONICAL_FILES.schools, schoolIssues, onChunk);
  const pupilIssues = collector(CANONICAL_FILES.pupils, 'pupils');
  const pupils = await readPupils(path(CANONICAL_FILES.pupils), CANONICAL_FILES.pupils, schools.schoolIndex, pupilIssues, onChunk);
  const termIssues = collector(CANONICAL_FILES.terms, 'terms');
  const terms =
    sizes.terms === undefined ? undefined : await readTerms(path(CANONICAL_FILES.terms), CANONICAL_FILES.terms, schools.schoolIndex, termIssues, onChunk);

  const markIssues = collector(CANONICAL_FILES.marks, 'marks');
  const reader = createMarksReader(
    { schools: schools.schools, enrolments: pupils.enrolments, schoolIndex: schools.schoolIndex, enrolmentIndex: pupils.enrolmentIndex },
    { file: CANONICAL_FILES.marks, issues: markIssues, capacityHint: Math.ceil(sizes.marks / MIN_MARK_ROW_BYTES) + 1 },
  );
  await streamInto(path(CANONICAL_FILES.marks), reader.push, onChunk);
  const marks = reader.end();

  const files = [schoolIssues.finish(schools.counts), pupilIssues.finish(pupils.counts), markIssues.finish(marks.counts)];
  if (terms !== undefined) files.push(termIssues.finish(terms.counts));
  return {
    dataset: { schools: schools.schools, enrolments: pupils.enrolments, marks: marks.store },
    report: importReport(files),
    marks: marks.counts,
    terms: terms?.terms ?? [],
  };
};

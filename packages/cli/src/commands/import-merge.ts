/**
 * `attendance import` merging: the existing dataset (if any) first, then each source in order,
 * folded with adapter-kit's `resolveRecords` (the canonical version rule: for one school, pupil or
 * (school, pupil, date, session) mark, the latest `recorded_at` wins, else the later input wins).
 * So importing the same extract twice changes nothing, and a later extract's corrections win
 * because it is imported later. The result is written back as a whole, sorted, canonical folder.
 *
 * @module
 */
import { rename, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { datasetRecords, readCanonicalDataset, writeCanonicalDataset, type TermDates } from '@attendance-kit/adapter-canonical';
import { fileReport, importReport, type AdapterOptions, type CanonicalRecord, type ImportReport, type Resolved, type SourceBatch } from '@attendance-kit/adapter-kit';
import type { CanonicalMark, CanonicalPupil, CanonicalSchool, Issue } from '@attendance-kit/core';
import type { ImportSource } from './import-sources.js';

/** A canonical dataset folder's content as records, plus its report's totals. */
export interface DatasetBatch {
  readonly batch: SourceBatch;
  readonly terms: readonly TermDates[];
}

/** Reads a canonical dataset folder as one batch of records. Throws SourceReadError if unreadable. */
export const canonicalBatch = async (dir: string, source: string): Promise<DatasetBatch> => {
  const { dataset, report, terms } = await readCanonicalDataset(dir);
  const recs = datasetRecords(dataset);
  const records: CanonicalRecord[] = [
    ...recs.schools.map((school) => ({ _tag: 'school' as const, school: school as CanonicalSchool })),
    ...recs.pupils.map((pupil) => ({ _tag: 'pupil' as const, pupil: pupil as CanonicalPupil })),
  ];
  for (const mark of recs.marks as Iterable<CanonicalMark>) records.push({ _tag: 'mark', mark });
  const files = report.files.filter((f) => f.kind !== 'terms');
  const sum = (k: 'read' | 'rejected' | 'superseded'): number => files.reduce((n, f) => n + f.counts[k], 0);
  const issues: Issue[] = report.files.flatMap((f) => f.issues.map((i) => ({ ...i, file: join(source, i.file ?? f.file) })));
  return { batch: { source, records, read: sum('read'), rejected: sum('rejected'), superseded: sum('superseded'), issues }, terms };
};

/** What normalizing the adapter sources gave, before resolution. */
export interface AdapterBatches {
  readonly batches: readonly SourceBatch[];
  /** Codes of issues that say an option is needed, with the option. */
  readonly needed: ReadonlyMap<string, keyof AdapterOptions>;
}

/** Reads and normalizes each adapter source (one batch per file). */
export const adapterBatches = async (sources: readonly ImportSource[], options: AdapterOptions, label: (path: string) => string): Promise<AdapterBatches> => {
  const batches: SourceBatch[] = [];
  const needed = new Map<string, keyof AdapterOptions>();
  for (const s of sources) {
    if (s._tag !== 'adapter') continue;
    const records: CanonicalRecord[] = [];
    const issues: Issue[] = [];
    let read = 0;
    let rejected = 0;
    for await (const raw of s.adapter.read([s.path], { options })) {
      const n = s.adapter.normalize(raw, options);
      records.push(...n.records);
      for (const i of n.issues) {
        issues.push({ ...i, file: label(i.file ?? s.path) });
        const option = s.adapter.needsOption?.[i.code];
        if (option !== undefined) needed.set(i.code, option);
      }
      read += n.read;
      rejected += n.rejected;
    }
    batches.push({ source: label(s.path), records, read, rejected, issues });
  }
  return { batches, needed };
};

/** The import report: one entry per source (existing dataset first), with its counts and issues. */
export const buildReport = (resolved: Resolved, formats: ReadonlyMap<string, string>): ImportReport =>
  importReport(
    [...resolved.counts].map(([file, counts]) => fileReport({ file, kind: formats.get(file) ?? 'unknown', counts, issues: resolved.issues.get(file) ?? [] })),
  );

/**
 * Writes the resolved records as the canonical dataset `dir`, through a temporary folder beside it
 * so a failure half way leaves the old files in place.
 */
export const writeResolved = async (dir: string, resolved: Resolved, terms: readonly TermDates[] | undefined, report: ImportReport): Promise<void> => {
  const tmp = await mkdtemp(join(dirname(dir), `.${basename(dir)}.import-`));
  try {
    await writeCanonicalDataset(tmp, {
      schools: resolved.schools,
      pupils: resolved.pupils,
      marks: resolved.marks,
      ...(terms === undefined || terms.length === 0 ? {} : { terms }),
    });
    await writeFile(join(tmp, 'import-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    const names = ['schools.csv', 'pupils.csv', 'marks.csv', 'import-report.json', ...(terms === undefined || terms.length === 0 ? [] : ['terms.csv'])];
    for (const n of names) await rename(join(tmp, n), join(dir, n));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
};

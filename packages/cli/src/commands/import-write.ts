/**
 * Writing an import's result as the canonical dataset: schools.csv, pupils.csv, marks.csv (streamed
 * from the columnar store, `recorded_at` kept), terms.csv when there are terms, and
 * import-report.json, through a temporary folder beside the dataset so that a failure half way
 * leaves the old files in place.
 *
 * @module
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeCanonicalDataset, type MarkRecord, type TermDates } from '@attendance-kit/adapter-canonical';
import { CODE_TABLE, fromDayNumber } from '@attendance-kit/core';
import type { ImportResult } from './import-merge.js';
import { emptyMergedMark } from './import-store.js';
import { formatRecordedAt } from './import-stamps.js';

/**
 * The winning marks as marks.csv rows, in dataset order (school, pupil, date, session). One row
 * object at a time: the store is never turned into a list of objects.
 */
export function* mergedMarkRecords(result: ImportResult): Generator<MarkRecord> {
  const { marks, enrolmentUrn, enrolmentPupil } = result;
  const m = emptyMergedMark();
  const dates = new Map<number, string>();
  let lastStamp = Number.NaN;
  let lastStampText = '';
  for (let k = 0; k < marks.length; k++) {
    marks.at(k, m);
    const day = m.slot >>> 1;
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = fromDayNumber(day)));
    const stamp = m.recordedAt;
    if (stamp === stamp && stamp !== lastStamp) {
      lastStamp = stamp;
      lastStampText = formatRecordedAt(stamp);
    }
    const base = {
      schoolUrn: enrolmentUrn[m.enrolment] ?? '',
      pupilId: enrolmentPupil[m.enrolment] ?? '',
      date,
      session: (m.slot & 1) === 1 ? ('PM' as const) : ('AM' as const),
      code: CODE_TABLE[m.code]?.code ?? '',
    };
    // The usual row (no minutes, no stamp) is the plain literal: millions of rows are made here.
    if (m.minutesLate === 0xffff) yield stamp === stamp ? { ...base, recordedAt: lastStampText } : base;
    else yield stamp === stamp ? { ...base, minutesLate: m.minutesLate, recordedAt: lastStampText } : { ...base, minutesLate: m.minutesLate };
  }
}

/** Writes `result` as the canonical dataset `dir` (which exists), with `terms` when there are any. */
export const writeImport = async (dir: string, result: ImportResult, terms: readonly TermDates[]): Promise<void> => {
  const tmp = await mkdtemp(join(dirname(dir), `.${basename(dir)}.import-`));
  try {
    await writeCanonicalDataset(tmp, {
      schools: result.schools,
      pupils: result.pupils,
      marks: mergedMarkRecords(result),
      ...(terms.length === 0 ? {} : { terms }),
    });
    await writeFile(join(tmp, 'import-report.json'), `${JSON.stringify(result.report, null, 2)}\n`);
    const names = ['schools.csv', 'pupils.csv', 'marks.csv', 'import-report.json', ...(terms.length === 0 ? [] : ['terms.csv'])];
    for (const n of names) await rename(join(tmp, n), join(dir, n));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
};

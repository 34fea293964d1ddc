/**
 * The optional `pupil_characteristics.csv` of a canonical dataset (issue 3): characteristics that
 * change during the year, one row per value and span (school_urn, pupil_id, field, value, from, to).
 * Rows are read as text here (a malformed CSV row is an issue naming its line); what they mean is
 * checked by core's `checkCharacteristics` against the dataset, so every rule lives in one place.
 *
 * @module
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createIssueCollector, toSourceReadError } from '@attendance-kit/adapter-kit';
import type { CharacteristicRow, Issue } from '@attendance-kit/core';
import { readRows } from './rows.js';

/** File name of the changing characteristics in a dataset folder. */
export const CHARACTERISTICS_FILE = 'pupil_characteristics.csv';

/** Columns of pupil_characteristics.csv. */
export const CHARACTERISTIC_COLUMNS = [
  { name: 'school_urn', required: true },
  { name: 'pupil_id', required: true },
  { name: 'field', required: true },
  { name: 'value', required: true },
  { name: 'from', required: false },
  { name: 'to', required: false },
] as const;

/**
 * Reads `DIR/pupil_characteristics.csv` when present: its rows (with their lines) and the issues of
 * rows that are not CSV records of the columns. `undefined` when the file is absent.
 * @example const read = await readCharacteristicRows('dataset'); // { rows: [...], issues: [] } or undefined
 */
export const readCharacteristicRows = async (
  dir: string,
): Promise<{ readonly rows: readonly CharacteristicRow[]; readonly issues: readonly Issue[] } | undefined> => {
  const path = join(dir, CHARACTERISTICS_FILE);
  try {
    await stat(path);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw toSourceReadError(path, e);
  }
  const collector = createIssueCollector({ file: CHARACTERISTICS_FILE, kind: 'pupil_characteristics' });
  const rows: CharacteristicRow[] = [];
  const counts = await readRows(path, CHARACTERISTICS_FILE, CHARACTERISTIC_COLUMNS, collector, (row, line) => {
    const text = (k: string): string => (row[k] ?? '').trim();
    rows.push({
      line,
      schoolUrn: text('school_urn'),
      pupilId: text('pupil_id'),
      field: text('field'),
      value: text('value'),
      ...(text('from') === '' ? {} : { from: text('from') }),
      ...(text('to') === '' ? {} : { to: text('to') }),
    });
    return true;
  });
  return { rows, issues: collector.finish(counts).issues };
};

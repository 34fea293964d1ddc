/**
 * Reads DfE's children's services statistical neighbours table (data/dfe-statistical-neighbours/, from
 * dfe-analytical-services/local-authority-interactive-tool `01_data/02_prod/sn_may_2025.xlsx` as CSV):
 * one row per LA (old three-digit code), its region, and ten neighbours SN1..SN10 each followed by a
 * closeness label in a column headed `SNP` (the header repeats it, so columns are read by position).
 *
 * @module
 */
import { parse } from 'csv-parse/sync';
import type { Issue, NeighbourTable } from '@attendance-kit/core';

/** One LA's neighbours with DfE's closeness labels. */
export interface NeighbourEntry {
  readonly laCode: string;
  readonly laName: string;
  readonly region: string;
  readonly neighbours: readonly { readonly laCode: string; readonly closeness: string }[];
}

/** The table read, as entries and as the core's {@link NeighbourTable}, with issues. */
export interface NeighbourFile {
  /** Current LAs. */
  readonly entries: readonly NeighbourEntry[];
  /** LAs of the file's trailing "Old SNs:" section (before local-government reorganisation), kept apart. */
  readonly oldEntries: readonly NeighbourEntry[];
  /** Current LAs' neighbours. */
  readonly table: NeighbourTable;
  readonly issues: readonly Issue[];
}

const EXPECTED = ['LA num', 'LA Name', 'LA number', 'GOInd', 'GOReg'];

/**
 * Reads the statistical neighbours CSV.
 *
 * @example
 * readStatisticalNeighboursCsv(text).table.get('340') // ['342', '876', ...] (Knowsley)
 */
export const readStatisticalNeighboursCsv = (text: string, file = '<input>'): NeighbourFile => {
  const issues: Issue[] = [];
  const empty = (): NeighbourFile => ({ entries: [], oldEntries: [], table: new Map(), issues });
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (e) {
    issues.push({ code: 'dfe-ees/csv-syntax', severity: 'error', message: `Not readable as CSV: ${(e as Error).message}`, file });
    return empty();
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const snOk = Array.from({ length: 10 }, (_, i) => header[5 + 2 * i] === `SN${i + 1}` && header[6 + 2 * i] === 'SNP').every(Boolean);
  if (!EXPECTED.every((h, i) => header[i] === h) || !snOk) {
    issues.push({
      code: 'dfe-ees/neighbours-layout',
      severity: 'error',
      message: `Expected the columns ${EXPECTED.join(', ')}, then SN1, SNP, ..., SN10, SNP; got ${header.join(', ')}.`,
      file,
    });
    return empty();
  }
  const entries: NeighbourEntry[] = [];
  const oldEntries: NeighbourEntry[] = [];
  let section = entries;
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    const laCode = (rec[0] ?? '').trim();
    if (laCode === '' && /^old sns/i.test((rec[1] ?? '').trim())) {
      // The May 2025 file ends with the neighbours of pre-reorganisation LAs under "Old SNs:".
      section = oldEntries;
      return;
    }
    if (!/^\d{3}$/.test(laCode)) {
      issues.push({ code: 'dfe-ees/neighbours-row', severity: 'error', message: `LA num "${laCode}" is not a three-digit LA code.`, file, line, field: 'LA num' });
      return;
    }
    const neighbours = Array.from({ length: 10 }, (_, k) => ({
      laCode: (rec[5 + 2 * k] ?? '').trim(),
      closeness: (rec[6 + 2 * k] ?? '').trim(),
    })).filter((n) => n.laCode !== '');
    const bad = neighbours.find((n) => !/^\d{3}$/.test(n.laCode));
    if (bad !== undefined) {
      issues.push({ code: 'dfe-ees/neighbours-row', severity: 'error', message: `Neighbour "${bad.laCode}" is not a three-digit LA code.`, file, line });
      return;
    }
    if (neighbours.length !== 10)
      issues.push({ code: 'dfe-ees/neighbours-row', severity: 'warning', message: `LA ${laCode} has ${neighbours.length} neighbours, not 10.`, file, line });
    section.push({ laCode, laName: (rec[1] ?? '').trim(), region: (rec[4] ?? '').trim(), neighbours });
  });
  return { entries, oldEntries, table: new Map(entries.map((e) => [e.laCode, e.neighbours.map((n) => n.laCode)])), issues };
};

/**
 * Reading the small files (schools.csv, pupils.csv, terms.csv): each record becomes an object of
 * column name to text, handed to the file's own validation. The scanner is the same one the marks
 * use, so BOMs, line endings, quoting and line numbers follow one set of rules in every file.
 *
 * @module
 */
import type { IssueCollector } from '@attendance-kit/adapter-kit';
import type { RecordCounts } from '@attendance-kit/core';
import { createCsvScanner, fieldText, recordTexts, type CsvRecordView, type ScanError } from './scanner.js';
import { readHeader, streamInto, type ColumnSpec, type Header } from './table.js';

/** The issue code of a scan error. */
export const scanErrorCode = (e: ScanError): string =>
  e === 'bad-quoting' ? 'canonical/bad-quoting' : e === 'field-too-long' ? 'canonical/field-too-long' : 'canonical/ragged-row';

/** A plain message for a scan error. */
export const scanErrorMessage = (e: ScanError, field: string | undefined): string =>
  e === 'bad-quoting'
    ? `a quote is out of place${field === undefined ? '' : ` in ${field}`}: quote a field whole ("..."), and write a quote inside it as ""`
    : e === 'field-too-long'
      ? `${field ?? 'a field'} is too long to be a value of this file`
      : 'the row has too many fields';

/**
 * Checks what every row shares (scan errors, field count, header problems); returns the issue
 * that rejects the row, if any.
 */
export const rowProblem = (
  r: CsvRecordView,
  header: Header,
  headerNames: readonly string[],
  file: string,
): { code: string; message: string; field?: string } | undefined => {
  if (header.absent) return { code: 'canonical/missing-header', message: 'the file has no header line, so this row cannot be read' };
  if (r.error !== undefined) {
    const field = headerNames[r.errorField];
    return { code: scanErrorCode(r.error), message: scanErrorMessage(r.error, field), ...(field === undefined ? {} : { field }) };
  }
  if (r.count !== headerNames.length)
    return { code: 'canonical/ragged-row', message: `the row has ${r.count} field${r.count === 1 ? '' : 's'} but the header has ${headerNames.length}` };
  const m = header.missing[0];
  if (m !== undefined) return { code: 'canonical/missing-column', field: m, message: `the header has no ${m} column, which ${file} requires` };
  return undefined;
};

/**
 * Reads a small CSV file: `onRow` validates each row (by column name) and says whether it was
 * accepted, adding its own issues when not. Counts come back with `superseded` 0.
 */
export const readRows = async (
  path: string,
  file: string,
  columns: readonly ColumnSpec[],
  issues: IssueCollector,
  onRow: (row: Readonly<Record<string, string>>, line: number) => boolean,
  onChunk?: (bytes: number) => void,
): Promise<RecordCounts> => {
  let header: Header | undefined;
  let names: string[] = [];
  let read = 0;
  let accepted = 0;
  const known = columns.map((c) => c.name);
  const handle = (r: CsvRecordView): void => {
    if (header === undefined) {
      names = recordTexts(r).map((n) => n.trim());
      header = readHeader(names, columns, file, issues);
      if (!header.absent) return;
    }
    read++;
    const problem = rowProblem(r, header, names, file);
    if (problem !== undefined) {
      issues.add({ severity: 'error', file, line: r.line, ...problem });
      return;
    }
    const row: Record<string, string> = {};
    for (const k of known) {
      const i = header.index[k] ?? -1;
      if (i >= 0) row[k] = fieldText(r, i);
    }
    if (onRow(row, r.line)) accepted++;
  };
  const scanner = createCsvScanner(handle);
  await streamInto(path, (chunk) => scanner.push(chunk), onChunk);
  scanner.end();
  if (header === undefined)
    issues.add({ code: 'canonical/empty-file', severity: 'error', file, line: 1, message: `${file} is empty: it needs at least a header line` });
  return { read, accepted, superseded: 0, rejected: read - accepted };
};

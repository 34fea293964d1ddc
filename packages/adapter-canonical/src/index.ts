/**
 * @attendance-kit/adapter-canonical: reads and writes the canonical dataset, a folder of CSV files
 * (docs/canonical-format.md). marks.csv streams both ways: the reader scans bytes into core's
 * columnar mark store, the writer streams with backpressure.
 * @packageDocumentation
 */
export { readCanonicalDataset, CANONICAL_FILES, type ReadCanonicalOptions, type CanonicalReadResult } from './read.js';
export {
  writeCanonicalDataset,
  openMarksWriter,
  datasetRecords,
  csvField,
  csvLine,
  schoolsCsv,
  pupilsCsv,
  termsCsv,
  type MarksWriter,
  type MarkRecord,
  type PupilRecord,
  type CanonicalRecords,
} from './write.js';
export { createMarksReader, MARK_COLUMNS, type MarksReader, type MarksResult } from './marks.js';
export { enrolmentKey, type TermDates, type Reference } from './reference.js';
export { createCsvScanner, fieldText, recordTexts, type CsvScanner, type CsvScannerOptions, type CsvRecordView, type ScanError } from './scanner.js';
export { SCHOOL_COLUMNS, PUPIL_COLUMNS, TERM_COLUMNS } from './schemas.js';
export { readCharacteristicRows, CHARACTERISTICS_FILE, CHARACTERISTIC_COLUMNS } from './characteristics.js';

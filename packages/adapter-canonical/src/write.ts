/**
 * Writing a canonical dataset folder: RFC 4180 CSV (fields quoted only when they hold a comma,
 * a quote, a line break or edge spaces; quotes doubled), LF line endings, UTF-8 without BOM.
 * marks.csv is written through a streaming writer with backpressure, so twenty million marks
 * never sit in memory as text.
 *
 * @module
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODE_TABLE, fromDayNumber, NO_MINUTES, type Dataset, type Enrolment, type School, type Session } from '@attendance-kit/core';
import { CANONICAL_FILES } from './read.js';
import type { TermDates } from './reference.js';
import { MARK_COLUMNS } from './marks.js';
import { PUPIL_COLUMNS, SCHOOL_COLUMNS, TERM_COLUMNS } from './schemas.js';

/** A row of marks.csv. */
export interface MarkRecord {
  readonly schoolUrn: string;
  readonly pupilId: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly session: Session;
  readonly code: string;
  readonly minutesLate?: number;
  /** ISO 8601 date or date-time. */
  readonly recordedAt?: string;
}

/** A row of pupils.csv: an enrolment named by its school's URN. */
export type PupilRecord = Omit<Enrolment, 'school'> & { readonly schoolUrn: string };

/** What {@link writeCanonicalDataset} writes. */
export interface CanonicalRecords {
  readonly schools: readonly School[];
  readonly pupils: readonly PupilRecord[];
  readonly marks: Iterable<MarkRecord> | AsyncIterable<MarkRecord>;
  /** Written to terms.csv when given. */
  readonly terms?: readonly TermDates[];
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV field, quoted when it must be.
 * @example csvField('a "b"') // '"a ""b"""'
 */
export const csvField = (s: string): string => (NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** One CSV line (with its LF). @example csvLine(['a', 'b,c']) // 'a,"b,c"\n' */
export const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\n`;

const flag = (b: boolean | undefined): string => (b === undefined ? '' : b ? 'true' : 'false');

/** schools.csv as text. */
export const schoolsCsv = (schools: readonly School[]): string =>
  csvLine(SCHOOL_COLUMNS.map((c) => c.name)) + schools.map((s) => csvLine([s.urn, s.name ?? '', s.laCode, s.phase])).join('');

/** pupils.csv as text. */
export const pupilsCsv = (pupils: readonly PupilRecord[]): string =>
  csvLine(PUPIL_COLUMNS.map((c) => c.name)) +
  pupils
    .map((p) =>
      csvLine([
        p.schoolUrn,
        p.pupilId,
        p.dateOfBirth ?? '',
        p.sex ?? '',
        p.yearGroup,
        flag(p.fsm),
        flag(p.fsm6),
        flag(p.eal),
        flag(p.lookedAfter),
        p.sen ?? '',
        p.ethnicity ?? '',
        p.enrolmentStatus,
        p.admissionDate ?? '',
        p.leavingDate ?? '',
      ]),
    )
    .join('');

/** terms.csv as text. */
export const termsCsv = (terms: readonly TermDates[]): string =>
  csvLine(TERM_COLUMNS.map((c) => c.name)) + terms.map((t) => csvLine([t.schoolUrn ?? '', t.academicYear, t.halfTerm, t.startDate, t.endDate])).join('');

/** A streaming marks.csv writer. */
export interface MarksWriter {
  /**
   * Queues one mark. Returns false when the file stream is full: `await drain()` before the next
   * write (as with Node streams) to keep memory flat.
   */
  write(mark: MarkRecord): boolean;
  /** Resolves when the stream can take more. */
  drain(): Promise<void>;
  /** Flushes and closes the file; rejects if writing failed. */
  close(): Promise<void>;
  /** Marks written so far. */
  readonly written: number;
}

/** Text gathered before one `stream.write`: few large writes beat many small ones. */
const BATCH_CHARS = 1 << 16;

/**
 * Opens marks.csv at `path` for streaming and writes its header.
 *
 * @example
 * const w = openMarksWriter('out/marks.csv');
 * for (const m of marks) if (!w.write(m)) await w.drain();
 * await w.close();
 */
export const openMarksWriter = (path: string): MarksWriter => {
  const stream = createWriteStream(path);
  let failure: unknown;
  stream.on('error', (e) => {
    failure = e;
  });
  let pending = csvLine(MARK_COLUMNS.map((c) => c.name));
  let written = 0;
  let full = false;
  let lastUrn = '';
  let urnCsv = '';
  let lastPupil = '';
  let pupilCsv = '';
  let lastDate = '';
  let dateCsv = '';
  const codeCsv = new Map<string, string>();
  const flush = (): void => {
    if (pending.length === 0) return;
    if (!stream.write(pending)) full = true;
    pending = '';
  };
  return {
    write(m) {
      // Consecutive marks mostly share school and pupil (files go pupil by pupil), and codes are
      // few: remember their CSV form instead of testing for quotes on every row.
      if (m.schoolUrn !== lastUrn) {
        lastUrn = m.schoolUrn;
        urnCsv = csvField(lastUrn);
      }
      if (m.pupilId !== lastPupil) {
        lastPupil = m.pupilId;
        pupilCsv = csvField(lastPupil);
      }
      if (m.date !== lastDate) {
        lastDate = m.date;
        dateCsv = csvField(lastDate);
      }
      let code = codeCsv.get(m.code);
      if (code === undefined) codeCsv.set(m.code, (code = csvField(m.code)));
      pending += `${urnCsv},${pupilCsv},${dateCsv},${m.session},${code},${m.minutesLate ?? ''},${m.recordedAt === undefined ? '' : csvField(m.recordedAt)}\n`;
      written++;
      if (pending.length >= BATCH_CHARS) flush();
      return !full;
    },
    drain: () =>
      new Promise<void>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        if (!full) return resolve();
        stream.once('drain', () => {
          full = false;
          resolve();
        });
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        flush();
        if (failure !== undefined) return reject(failure);
        stream.end(() => (failure === undefined ? resolve() : reject(failure)));
        stream.once('error', reject);
      }),
    get written() {
      return written;
    },
  };
};

/**
 * Writes a canonical dataset folder (created if needed): schools.csv, pupils.csv, marks.csv
 * (streamed from an iterable or async iterable of marks) and terms.csv when terms are given.
 *
 * @example
 * await writeCanonicalDataset('out', { schools, pupils, marks: generateMarks() });
 */
export const writeCanonicalDataset = async (dir: string, records: CanonicalRecords): Promise<{ readonly marks: number }> => {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, CANONICAL_FILES.schools), schoolsCsv(records.schools));
  await writeFile(join(dir, CANONICAL_FILES.pupils), pupilsCsv(records.pupils));
  if (records.terms !== undefined) await writeFile(join(dir, CANONICAL_FILES.terms), termsCsv(records.terms));
  const w = openMarksWriter(join(dir, CANONICAL_FILES.marks));
  try {
    const marks = records.marks;
    // A plain iterable is read without an await per mark (a microtask each: a third of the time
    // of writing millions of rows); only a full stream waits.
    if (Symbol.iterator in marks) {
      for (const m of marks) if (!w.write(m)) await w.drain();
    } else {
      for await (const m of marks) if (!w.write(m)) await w.drain();
    }
  } finally {
    await w.close();
  }
  return { marks: w.written };
};

/**
 * A timestamp (ms since the epoch) as marks.csv's recorded_at: UTC, `YYYY-MM-DDTHH:MM:SSZ`, with
 * `.mmm` only when there are milliseconds. The reader gives back the same instant.
 * @example recordedAtText(Date.UTC(2024, 8, 2, 8, 45)) // '2024-09-02T08:45:00Z'
 */
export const recordedAtText = (ms: number): string => {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
};

/**
 * A dataset as canonical records (to write it back out): schools as they are, enrolments with
 * their school's URN, and the accepted marks in store order. The store does not hold
 * `recorded_at`; pass `recordedAt` (ms since the epoch per store mark, NaN for none) to keep it,
 * so that a later read still orders versions by it.
 *
 * @example
 * await writeCanonicalDataset('copy', datasetRecords(dataset, stamps)); // stamps[k]: ms or NaN
 */
export const datasetRecords = (dataset: Dataset, recordedAt?: ArrayLike<number>): CanonicalRecords => {
  const pupils = dataset.enrolments.map(({ school, ...rest }) => ({ ...rest, schoolUrn: dataset.schools[school]?.urn ?? '' }));
  function* marks(): Generator<MarkRecord> {
    const m = dataset.marks;
    const dates = new Map<number, string>();
    for (let k = 0; k < m.length; k++) {
      const e = dataset.enrolments[m.enrolment[k] as number];
      const slot = m.slot[k] as number;
      const day = Math.floor(slot / 2);
      let date = dates.get(day);
      if (date === undefined) dates.set(day, (date = fromDayNumber(day)));
      const minutes = m.minutesLate[k] as number;
      const stamp = recordedAt === undefined ? Number.NaN : (recordedAt[k] ?? Number.NaN);
      yield {
        schoolUrn: e === undefined ? '' : (dataset.schools[e.school]?.urn ?? ''),
        pupilId: e?.pupilId ?? '',
        date,
        session: slot % 2 === 1 ? 'PM' : 'AM',
        code: CODE_TABLE[m.code[k] as number]?.code ?? '',
        ...(minutes === NO_MINUTES ? {} : { minutesLate: minutes }),
        ...(Number.isFinite(stamp) ? { recordedAt: recordedAtText(stamp) } : {}),
      };
    }
  }
  return { schools: dataset.schools, pupils, marks: marks() };
};

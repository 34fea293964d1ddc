/**
 * marks.csv, streamed: bytes in, the columnar mark store out. Each record is checked straight
 * from the scanner's bytes (see scanner.ts for why) and handed to core's mark-store builder, which
 * resolves versions of a mark; rejected rows get one issue each, superseded rows one `info` each.
 * `read = accepted + superseded + rejected` holds whatever the input.
 *
 * @module
 */
import type { IssueCollector } from '@attendance-kit/adapter-kit';
import {
  CODE_TABLE,
  createMarkStoreBuilder,
  fromDayNumber,
  NO_MINUTES,
  type MarkStore,
  type RecordCounts,
} from '@attendance-kit/core';
import { createDateParser, createPairIndex, IN_FORCE_2006, IN_FORCE_2024, INVALID, parseCodeBytes, parseMinutesBytes, parseTimeBytes, REGIME_2024_DAY } from './bytes.js';
import { enrolmentKey, type Reference } from './reference.js';
import { rowProblem } from './rows.js';
import { createCsvScanner, fieldText, recordTexts, type CsvRecordView, type CsvScanner } from './scanner.js';
import { readHeader, type Header } from './table.js';

/** Columns of marks.csv. */
export const MARK_COLUMNS = [
  { name: 'school_urn', required: true },
  { name: 'pupil_id', required: true },
  { name: 'date', required: true },
  { name: 'session', required: true },
  { name: 'code', required: true },
  { name: 'minutes_late', required: false },
  { name: 'recorded_at', required: false },
] as const;

/** What reading marks.csv gives. */
export interface MarksResult {
  readonly store: MarkStore;
  readonly counts: RecordCounts;
}

/** A marks reader fed with chunks of bytes: the scanner's `push`, then `end` once for the result. */
export interface MarksReader {
  push(chunk: Uint8Array): void;
  end(): MarksResult;
}

/** Longest field of a marks row worth keeping: the longest valid value is a 64-character pupil id (256 bytes of UTF-8). */
const MAX_FIELD_BYTES = 4096;

const UNKNOWN_SCHOOL = -1;
const UNKNOWN_ENROLMENT = -2;

const show = (r: CsvRecordView, i: number): string => {
  const s = fieldText(r, i);
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}...` : s);
};

/**
 * Creates a reader of marks.csv bytes against the schools and enrolments already read. Exposed
 * (rather than only the file reader) so tests can feed any split of a file.
 *
 * @example
 * const reader = createMarksReader(reference, { file: 'marks.csv', issues });
 * reader.push(Buffer.from('school_urn,pupil_id,date,session,code\n100101,P1,2024-09-02,AM,/\n'));
 * reader.end().counts // { read: 1, accepted: 1, superseded: 0, rejected: 0 }
 */
export const createMarksReader = (
  reference: Reference,
  options: { readonly file: string; readonly issues: IssueCollector; readonly capacityHint?: number },
): MarksReader => {
  const { file, issues } = options;
  const builder = createMarkStoreBuilder(options.capacityHint === undefined ? undefined : { capacityHint: options.capacityHint });
  let header: Header | undefined;
  let names: string[] = [];
  let iUrn = -1;
  let iPupil = -1;
  let iDate = -1;
  let iSession = -1;
  let iCode = -1;
  let iMinutes = -1;
  let iRecorded = -1;
  let read = 0;
  let rejected = 0;
  // Enrolments are found from the row's bytes (no string, no Map) through a byte-keyed index;
  // the last one found and its successor are tried first, so runs of one pupil and files in
  // pupils.csv order cost a few byte comparisons per row.
  const pairs = createPairIndex(
    reference.enrolments.map((e) => reference.schools[e.school]?.urn ?? ''),
    reference.enrolments.map((e) => e.pupilId),
  );
  let lastFound = -1;
  // A key the index did not know (an unknown school or pupil, to be rejected): its bytes and
  // its answer, so a run of such rows makes its strings once.
  const missKey = new Uint8Array(2 * MAX_FIELD_BYTES);
  let missUrnLen = -1;
  let missPupilLen = -1;
  let missAnswer = UNKNOWN_SCHOOL;
  const markDay = createDateParser();
  const recordedDay = createDateParser();

  const reject = (line: number, code: string, field: string | undefined, message: string): void => {
    rejected++;
    issues.add(field === undefined ? { code, severity: 'error', file, line, message } : { code, severity: 'error', file, line, field, message });
  };

  const enrolmentOf = (b: Buffer, us: number, ue: number, ps: number, pe: number): number => {
    const found = pairs.find(b, us, ue, ps, pe, lastFound);
    if (found >= 0) return (lastFound = found);
    const ul = ue - us;
    const pl = pe - ps;
    if (ul === missUrnLen && pl === missPupilLen) {
      let k = pl - 1;
      while (k >= 0 && b[ps + k] === missKey[ul + k]) k--;
      if (k < 0) {
        k = ul - 1;
        while (k >= 0 && b[us + k] === missKey[k]) k--;
        if (k < 0) return missAnswer;
      }
    }
    // Not these exact bytes: the string lookup decides (it also matches keys whose bytes differ
    // but decode to the same text, e.g. invalid UTF-8 against a U+FFFD in pupils.csv).
    const urn = b.toString('utf8', us, ue);
    const pupil = b.toString('utf8', ps, pe);
    const known = reference.enrolmentIndex.get(enrolmentKey(urn, pupil));
    missAnswer = known ?? (reference.schoolIndex.has(urn) ? UNKNOWN_ENROLMENT : UNKNOWN_SCHOOL);
    // Fields are at most MAX_FIELD_BYTES (the scanner rejects longer ones), so both fit.
    for (let k = 0; k < ul; k++) missKey[k] = b[us + k] as number;
    for (let k = 0; k < pl; k++) missKey[ul + k] = b[ps + k] as number;
    missUrnLen = ul;
    missPupilLen = pl;
    return missAnswer;
  };

  const onRecord = (r: CsvRecordView): void => {
    if (header === undefined) {
      names = recordTexts(r).map((n) => n.trim());
      header = readHeader(names, MARK_COLUMNS, file, issues);
      const ix = header.index;
      iUrn = ix['school_urn'] ?? -1;
      iPupil = ix['pupil_id'] ?? -1;
      iDate = ix['date'] ?? -1;
      iSession = ix['session'] ?? -1;
      iCode = ix['code'] ?? -1;
      iMinutes = ix['minutes_late'] ?? -1;
      iRecorded = ix['recorded_at'] ?? -1;
      if (!header.absent) return;
    }
    read++;
    const line = r.line;
    if (r.error !== undefined || r.count !== names.length || header.absent || header.missing.length > 0) {
      const p = rowProblem(r, header, names, file);
      if (p !== undefined) return reject(line, p.code, p.field, p.message);
    }
    const b = r.bytes;
    const st = r.starts;
    const en = r.ends;
    const us = st[iUrn] as number;
    const ue = en[iUrn] as number;
    const ps = st[iPupil] as number;
    const pe = en[iPupil] as number;
    const ds = st[iDate] as number;
    const de = en[iDate] as number;
    const ss = st[iSession] as number;
    const se = en[iSession] as number;
    const cs = st[iCode] as number;
    const ce = en[iCode] as number;
    if (us === ue) return reject(line, 'canonical/missing-field', 'school_urn', 'school_urn is required but empty');
    if (ps === pe) return reject(line, 'canonical/missing-field', 'pupil_id', 'pupil_id is required but empty');
    if (ds === de) return reject(line, 'canonical/missing-field', 'date', 'date is required but empty');
    if (ss === se) return reject(line, 'canonical/missing-field', 'session', 'session is required but empty');
    if (cs === ce) return reject(line, 'canonical/missing-field', 'code', 'code is required but empty');

    const enrolment = enrolmentOf(b, us, ue, ps, pe);
    if (enrolment < 0) {
      return enrolment === UNKNOWN_SCHOOL
        ? reject(line, 'canonical/unknown-school', 'school_urn', `school ${show(r, iUrn)} is not in schools.csv`)
        : reject(line, 'canonical/unknown-enrolment', 'pupil_id', `pupil ${show(r, iPupil)} has no row for school ${show(r, iUrn)} in pupils.csv`);
    }
    const day = markDay(b, ds, de);
    if (day === INVALID) return reject(line, 'canonical/bad-date', 'date', `date ${show(r, iDate)} is not a real date written YYYY-MM-DD`);
    if (day < 0) return reject(line, 'canonical/bad-date', 'date', `date ${show(r, iDate)} is before 1970-01-01`);

    let pm: number;
    if (se - ss === 2 && b[ss + 1] === 77 && (b[ss] === 65 || b[ss] === 80)) pm = b[ss] === 80 ? 1 : 0; // AM / PM
    else return reject(line, 'canonical/bad-session', 'session', `session ${show(r, iSession)} is not AM or PM`);

    const code = parseCodeBytes(b, cs, ce);
    if (code === INVALID) return reject(line, 'canonical/unknown-code', 'code', `code ${show(r, iCode)} is not a statutory register code`);
    // 2006 regulations before 19 August 2024, 2024 regulations from then (SI 2024/208; codes.ts).
    if ((day < REGIME_2024_DAY ? IN_FORCE_2006[code] : IN_FORCE_2024[code]) !== 1) {
      const regs = day < REGIME_2024_DAY ? '2006' : '2024';
      return reject(line, 'canonical/code-not-in-force', 'code', `code ${show(r, iCode)} is not in the ${regs} regulations in force on ${show(r, iDate)}`);
    }

    let minutes = NO_MINUTES;
    if (iMinutes >= 0) {
      const ms = st[iMinutes] as number;
      const me = en[iMinutes] as number;
      if (me > ms) {
        minutes = parseMinutesBytes(b, ms, me);
        if (minutes === INVALID) return reject(line, 'canonical/bad-minutes-late', 'minutes_late', `minutes_late ${show(r, iMinutes)} is not a whole number of minutes (0 to 65534)`);
      }
    }
    let recordedAt = Number.NaN;
    if (iRecorded >= 0) {
      const rs = st[iRecorded] as number;
      const re = en[iRecorded] as number;
      if (re > rs) {
        const rday = recordedDay(b, rs, Math.min(rs + 10, re));
        recordedAt = rday === INVALID ? Number.NaN : rday * 86_400_000 + parseTimeBytes(b, rs + 10, re);
        if (Number.isNaN(recordedAt))
          return reject(line, 'canonical/bad-recorded-at', 'recorded_at', `recorded_at ${show(r, iRecorded)} is not an ISO 8601 date or date-time (e.g. 2024-09-02T08:45:00Z)`);
      }
    }
    builder.add(enrolment, day * 2 + pm, code, minutes, recordedAt, line);
  };

  const scanner: CsvScanner = createCsvScanner(onRecord, { maxFieldBytes: MAX_FIELD_BYTES, maxRecordBytes: 1 << 16, maxFields: 256 });
  return {
    push: (chunk) => scanner.push(chunk),
    end() {
      scanner.end();
      if (header === undefined) issues.add({ code: 'canonical/empty-file', severity: 'error', file, line: 1, message: `${file} is empty: it needs at least a header line` });
      const { store, superseded } = builder.finish();
      for (let k = 0; k < superseded.length; k++) {
        const e = reference.enrolments[superseded.enrolment[k] as number];
        const slot = superseded.slot[k] as number;
        issues.add({
          code: 'canonical/superseded',
          severity: 'info',
          file,
          line: superseded.line[k] as number,
          message: `mark ${CODE_TABLE[superseded.code[k] as number]?.code ?? '?'} for pupil ${JSON.stringify(e?.pupilId ?? '?')} at school ${reference.schools[e?.school ?? -1]?.urn ?? '?'} on ${fromDayNumber(slot >> 1)} ${slot & 1 ? 'PM' : 'AM'} was replaced by a later version`,
        });
      }
      return { store, counts: { read, accepted: store.length, superseded: superseded.length, rejected } };
    },
  };
};

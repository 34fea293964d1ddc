/**
 * `recorded_at` through an import: parsing it as the canonical reader does, writing it back in
 * one form, and finding each accepted mark's `recorded_at` in a canonical marks.csv.
 *
 * The canonical reader (adapter-canonical) resolves versions with `recorded_at` but its store
 * keeps only the winners' code and minutes, so an import reads marks.csv a second time, only when
 * some row carries a `recorded_at`, to give each accepted mark its stamp back. Which row won is
 * not recorded either, but it need not be: the winner has the greatest stamp among the valid rows
 * of its mark (decision 0002), so the stamp of an accepted mark is the greatest stamp among the
 * rows that are certainly valid versions of it. A row is certainly valid when it scanned cleanly,
 * names an accepted mark (enrolment, date and session), and carries that mark's code and minutes
 * and a valid `recorded_at`: every check of the reader then passes. The winner is such a row, so
 * the greatest of their stamps is the winner's.
 *
 * @module
 */
import { open } from 'node:fs/promises';
import { createCsvScanner, enrolmentKey, fieldText, recordTexts, type CsvRecordView } from '@attendance-kit/adapter-canonical';
import { toSourceReadError } from '@attendance-kit/adapter-kit';
import { CODE_TABLE, isIsoDate, NO_MINUTES, toDayNumber, type Dataset } from '@attendance-kit/core';

const MS_PER_DAY = 86_400_000;
const TIME = /^[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?$/;

/**
 * A `recorded_at` value as milliseconds since the epoch, by the grammar of
 * docs/canonical-format.md (as adapter-canonical reads marks.csv): `YYYY-MM-DD`, optionally
 * followed by `T` or a space, `HH:MM`, optional `:SS` and `.fraction` (milliseconds kept, finer
 * digits dropped), and an optional `Z`, `+HH`, `+HHMM` or `+HH:MM` (or `-`); no offset is UTC, a
 * date alone its midnight UTC. NaN when the value does not follow it.
 * @example parseRecordedAt('2024-09-02T09:45+01:00') // Date.UTC(2024, 8, 2, 8, 45)
 */
export const parseRecordedAt = (s: string): number => {
  const date = s.slice(0, 10);
  if (!isIsoDate(date)) return Number.NaN;
  const base = toDayNumber(date) * MS_PER_DAY;
  if (s.length === 10) return base;
  const m = TIME.exec(s.slice(10));
  if (m === null) return Number.NaN;
  const hh = Number(m[1]);
  const mm = Number(m[2]);
  const ss = m[3] === undefined ? 0 : Number(m[3]);
  if (hh > 24 || mm > 59 || (hh === 24 && mm !== 0) || ss > 60) return Number.NaN; // 60: a leap second
  const ms = m[4] === undefined ? 0 : Math.floor(Number(`0.${m[4]}`) * 1000 + 1e-9);
  let offset = 0;
  if (m[6] !== undefined) {
    const oh = Number(m[6]);
    const om = m[7] === undefined ? 0 : Number(m[7]);
    if (oh > 23 || om > 59) return Number.NaN;
    offset = (m[5]?.startsWith('-') ? -1 : 1) * (oh * 3_600_000 + om * 60_000);
  }
  return base + hh * 3_600_000 + mm * 60_000 + ss * 1000 + ms - offset;
};

/**
 * A timestamp as marks.csv gets it from an import: UTC, `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` only
 * when there are milliseconds. Every form the reader accepts comes back to this one, so a value
 * read and written again is unchanged (importing the same extract twice changes nothing).
 * @example formatRecordedAt(Date.UTC(2024, 8, 2, 8, 45)) // '2024-09-02T08:45:00Z'
 */
export const formatRecordedAt = (ms: number): string => {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
};

/**
 * False only when marks.csv certainly holds no `recorded_at` value: its header ends with the
 * recorded_at column (as an import writes it), and every line ends with a comma (an empty last
 * field). A byte search for line ends, far cheaper than scanning the CSV; anything it is not sure
 * of (quotes in the header, a lone CR, a last field not empty) says true, and the scan decides.
 */
export const mayHoldStamps = async (marksPath: string): Promise<boolean> => {
  let handle;
  try {
    handle = await open(marksPath, 'r');
  } catch (e) {
    throw toSourceReadError(marksPath, e);
  }
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let header = true;
    let prev = 10; // the byte before the current one, across chunks
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buf, 0, buf.length, null));
      } catch (e) {
        throw toSourceReadError(marksPath, e);
      }
      if (bytesRead === 0) return prev !== 10 && prev !== 44; // a last line with no line break
      const b = buf.subarray(0, bytesRead);
      let i = 0;
      if (header) {
        const end = b.indexOf(10);
        if (end < 0) return true; // a header longer than a chunk, or no LF at all
        const text = b.toString('utf8', 0, end).replace(/\r$/, '');
        const names = text.split(',').map((n) => n.trim());
        // Only when recorded_at is the last column and the only one of that name (the reader uses the first).
        if (text.includes('"') || names[names.length - 1] !== 'recorded_at' || names.indexOf('recorded_at') !== names.length - 1) return true;
        header = false;
        i = end + 1;
        prev = 10;
      }
      // A CR must be part of a CRLF: a lone CR ends a record the LF search would not see.
      for (let cr = b.indexOf(13, i); cr >= 0; cr = b.indexOf(13, cr + 1)) if (cr + 1 < b.length && b[cr + 1] !== 10) return true;
      if (b[b.length - 1] === 13) return true;
      for (let nl = b.indexOf(10, i); nl >= 0; nl = b.indexOf(10, nl + 1)) {
        let j = nl - 1;
        let before = j >= 0 ? (b[j] as number) : prev;
        if (before === 13) before = j - 1 >= 0 ? (b[j - 1] as number) : prev;
        // ',' ends an empty last field; LF is an empty line.
        if (before !== 44 && before !== 10) return true;
      }
      prev = b[b.length - 1] as number;
    }
  } finally {
    await handle.close();
  }
};

/** Columns the second pass reads, as the reader's header rule finds them (trimmed, first of a name). */
const COLUMNS = ['school_urn', 'pupil_id', 'date', 'session', 'code', 'minutes_late', 'recorded_at'] as const;

/**
 * The `recorded_at` of each accepted mark of `dataset` (read from the canonical folder whose
 * marks.csv is at `marksPath`), in store order: NaN where the mark has none. `null` when no mark
 * has one (no `recorded_at` column, or every value empty), the usual case, at the cost of one scan.
 * Throws a SourceReadError when the file cannot be read.
 */
export const recoverStamps = async (marksPath: string, dataset: Dataset): Promise<Float64Array | null> => {
  if (!(await mayHoldStamps(marksPath))) return null;
  const store = dataset.marks;
  const urnOf = dataset.schools.map((s) => s.urn);
  const enrolmentIndex = new Map<string, number>();
  dataset.enrolments.forEach((e, i) => enrolmentIndex.set(enrolmentKey(urnOf[e.school] ?? '', e.pupilId), i));
  // Each enrolment's run in the store (sorted by enrolment, then slot): [runStart, runEnd).
  const runStart = new Int32Array(dataset.enrolments.length).fill(-1);
  const runEnd = new Int32Array(dataset.enrolments.length);
  for (let k = 0; k < store.length; k++) {
    const e = store.enrolment[k] as number;
    if (runStart[e] === -1) runStart[e] = k;
    runEnd[e] = k + 1;
  }
  const findMark = (e: number, slot: number): number => {
    const a = runStart[e] as number;
    if (a < 0) return -1;
    let lo = a;
    let hi = (runEnd[e] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = store.slot[mid] as number;
      if (s === slot) return mid;
      if (s < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  let stamps: Float64Array | null = null;
  let ix: number[] | undefined;
  let width = 0;
  const days = new Map<string, number>();
  let lastUrn = '';
  let lastPupil = '';
  let lastEnrolment = -1;
  const onRecord = (r: CsvRecordView): void => {
    if (ix === undefined) {
      const names = recordTexts(r).map((n) => n.trim());
      width = names.length;
      ix = COLUMNS.map((c) => names.indexOf(c));
      return;
    }
    const at = ix[6] as number;
    if (at < 0 || r.error !== undefined || r.count !== width || r.ends[at] === r.starts[at]) return;
    const stamp = parseRecordedAt(fieldText(r, at));
    if (stamp !== stamp) return;
    const urn = fieldText(r, ix[0] as number);
    const pupil = fieldText(r, ix[1] as number);
    if (urn !== lastUrn || pupil !== lastPupil) {
      lastUrn = urn;
      lastPupil = pupil;
      lastEnrolment = enrolmentIndex.get(enrolmentKey(urn, pupil)) ?? -1;
    }
    if (lastEnrolment < 0) return;
    const date = fieldText(r, ix[2] as number);
    let day = days.get(date);
    if (day === undefined) {
      if (!isIsoDate(date)) return;
      days.set(date, (day = toDayNumber(date)));
    }
    const session = fieldText(r, ix[3] as number);
    if (day < 0 || (session !== 'AM' && session !== 'PM')) return;
    const k = findMark(lastEnrolment, day * 2 + (session === 'PM' ? 1 : 0));
    if (k < 0 || fieldText(r, ix[4] as number) !== CODE_TABLE[store.code[k] as number]?.code) return;
    const mi = ix[5] as number;
    const minutesText = mi < 0 ? '' : fieldText(r, mi);
    // As the reader: digits only, 0 to 65534 (65535 is the store's "not recorded").
    const minutes = minutesText === '' ? NO_MINUTES : /^\d+$/.test(minutesText) && Number(minutesText) < NO_MINUTES ? Number(minutesText) : -1;
    if (minutes !== store.minutesLate[k]) return;
    if (stamps === null) stamps = new Float64Array(store.length).fill(Number.NaN);
    const old = stamps[k] as number;
    if (old !== old || stamp > old) stamps[k] = stamp;
  };
  // The reader's own limits, so a row it rejects for size is not read here either.
  const scanner = createCsvScanner(onRecord, { maxFieldBytes: 4096, maxRecordBytes: 1 << 16, maxFields: 256 });
  let handle;
  try {
    handle = await open(marksPath, 'r');
  } catch (e) {
    throw toSourceReadError(marksPath, e);
  }
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buf, 0, buf.length, null));
      } catch (e) {
        throw toSourceReadError(marksPath, e);
      }
      if (bytesRead === 0) break;
      scanner.push(buf.subarray(0, bytesRead));
    }
    scanner.end();
  } finally {
    await handle.close();
  }
  return stamps;
};

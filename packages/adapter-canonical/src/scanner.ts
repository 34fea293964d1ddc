/**
 * A byte-level RFC 4180 CSV scanner fed with chunks of bytes, for marks.csv files of twenty
 * million rows and more.
 *
 * Why not csv-parse: it decodes every chunk to a string, builds a string per field and an array
 * per record, and checks its options per character. Measured on this project's machine (2 cores,
 * 2 M marks, 114 MB), csv-parse 7 alone parsed 0.31 M rows per CPU-second; this reader, scanner
 * plus validation plus core's mark-store builder, does about 2 M marks per CPU-second (20 M marks
 * in 10 s of CPU). This scanner never decodes: a plain record (no quotes) is handed out as field
 * offsets into the chunk itself; any other record is copied (quotes removed, `""` unescaped) into
 * one reused buffer. The marks reader then parses dates, sessions and codes straight from bytes
 * and only makes a string when the (school, pupil) key changes.
 *
 * Rules (RFC 4180, with the leniencies written down in docs/canonical-format.md):
 * - a UTF-8 byte order mark at the very start is skipped;
 * - records end at LF, CRLF, or a lone CR; line breaks inside quotes are data;
 * - `line` is the physical 1-based line where a record starts;
 * - empty lines (no bytes at all) are not records;
 * - a quote inside an unquoted field, text after a closing quote, or a quote left open at the end
 *   of the input mark the record `bad-quoting` (its text is kept as read, quotes literal);
 * - a field longer than `maxFieldBytes`, a record longer than `maxRecordBytes`, or more than
 *   `maxFields` fields mark the record `field-too-long` / `too-many-fields`: the excess bytes are
 *   dropped (so a 10 MB field costs no memory) and scanning goes on at the next record.
 * Splitting the input into chunks at any byte positions gives the same records.
 *
 * @module
 */

/** Why a record could not be read as CSV. */
export type ScanError = 'bad-quoting' | 'field-too-long' | 'too-many-fields';

/**
 * One record, as a view into the scanner's buffer: valid only during the `onRecord` call
 * (the scanner reuses it for the next record).
 */
export interface CsvRecordView {
  /** The record's field bytes, unquoted and unescaped, back to back. */
  readonly bytes: Buffer;
  /** Field `i` is `bytes[starts[i] .. ends[i])`. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Number of fields (at most `maxFields`). */
  readonly count: number;
  /** The physical 1-based line where the record starts. */
  readonly line: number;
  /** The first problem met while scanning the record, if any. */
  readonly error: ScanError | undefined;
  /** The field (0-based) where `error` was met. */
  readonly errorField: number;
}

/** Options of {@link createCsvScanner}. */
export interface CsvScannerOptions {
  /** Longest field kept, in bytes (default 64 KiB). */
  readonly maxFieldBytes?: number;
  /** Longest record kept, in bytes (default 1 MiB). */
  readonly maxRecordBytes?: number;
  /** Most fields kept per record (default 1024). */
  readonly maxFields?: number;
}

/** A CSV scanner; push chunks in order, then call `end` once. */
export interface CsvScanner {
  push(chunk: Uint8Array): void;
  end(): void;
  /** Bytes pushed so far. */
  readonly bytesRead: number;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

// States between bytes.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just read a quote inside a quoted field: either `""` or the closing quote. */
const QUOTE_SEEN = 3;
/** After the closing quote and text that should not be there. */
const AFTER_BAD = 4;

/**
 * Creates a scanner calling `onRecord` for each record, in order.
 *
 * @example
 * const rows: string[][] = [];
 * const s = createCsvScanner((r) => rows.push(Array.from({ length: r.count }, (_, i) => fieldText(r, i))));
 * s.push(Buffer.from('a,"b ""c"""\r\n1,2'));
 * s.end(); // rows: [['a', 'b "c"'], ['1', '2']]
 */
export const createCsvScanner = (onRecord: (record: CsvRecordView) => void, options: CsvScannerOptions = {}): CsvScanner => {
  const maxField = options.maxFieldBytes ?? 65_536;
  const maxRecord = options.maxRecordBytes ?? 1_048_576;
  const maxFields = options.maxFields ?? 1024;
  const buf = Buffer.allocUnsafe(maxRecord);
  const starts = new Int32Array(maxFields);
  const ends = new Int32Array(maxFields);
  const view: { bytes: Buffer; starts: Int32Array; ends: Int32Array; count: number; line: number; error: ScanError | undefined; errorField: number } = { bytes: buf, starts, ends, count: 0, line: 1, error: undefined as ScanError | undefined, errorField: 0 };

  let state = FIELD_START;
  let len = 0; // bytes in buf for this record
  let fieldStart = 0;
  let count = 0; // completed fields
  let line = 1; // current physical line
  let recordLine = 1;
  let recordStarted = false; // any byte of this record seen (even a quote)
  let lastWasCR = false;
  let error: ScanError | undefined;
  let errorField = 0;
  let bytesRead = 0;
  let head: number[] | undefined = []; // first bytes, held until the BOM question is settled

  const fail = (e: ScanError): void => {
    if (error === undefined) {
      error = e;
      errorField = count;
    }
  };
  const endField = (): void => {
    if (count < maxFields) {
      starts[count] = fieldStart;
      ends[count] = len;
      count++;
    } else fail('too-many-fields');
    fieldStart = len;
  };
  const endRecord = (): void => {
    endField();
    // An empty line is no record (one empty unquoted field and nothing else seen).
    if (recordStarted) {
      view.count = count;
      view.line = recordLine;
      view.error = error;
      view.errorField = errorField;
      onRecord(view);
    }
    len = 0;
    fieldStart = 0;
    count = 0;
    error = undefined;
    errorField = 0;
    recordStarted = false;
    state = FIELD_START;
  };

  /**
   * The general state machine from `chunk[from]`: copies field bytes into `buf`. Returns the
   * position after the line break that ends a record (or an empty line), or the chunk's end.
   */
  const slowScan = (chunk: Buffer, from: number): number => {
    const n = chunk.length;
    // Hot state in locals; written back at the end of the chunk.
    let st = state;
    let l = len;
    let limit = Math.min(fieldStart + maxField, maxRecord);
    let cr = lastWasCR;
    for (let i = from; i < n; i++) {
      const b = chunk[i] as number;
      if (st === UNQUOTED && b > COMMA) {
        // The common case: a plain byte of an unquoted field (digits, letters, - / : all > ',').
        if (l < limit) buf[l++] = b;
        else {
          len = l;
          fail('field-too-long');
        }
        cr = false;
        continue;
      }
      if (b === LF || b === CR) {
        // Count physical lines: CR, LF, or CRLF as one break.
        const isBreak = b === CR || !cr;
        cr = b === CR;
        if (st === QUOTED) {
          if (isBreak) line++;
          if (l < limit) buf[l++] = b;
          else {
            len = l;
            fail('field-too-long');
          }
          continue;
        }
        if (!isBreak) continue; // the LF of a CRLF that already ended the record
        if (recordStarted) {
          len = l;
          endRecord();
          l = 0;
        }
        // else: an empty line, no record.
        line++;
        recordLine = line;
        state = FIELD_START;
        len = 0;
        lastWasCR = cr;
        return i + 1;
      }
      cr = false;
      if (!recordStarted) {
        recordStarted = true;
        recordLine = line;
      }
      switch (st) {
        case FIELD_START:
          if (b === QUOTE) st = QUOTED;
          else if (b === COMMA) {
            len = l;
            endField();
            limit = Math.min(fieldStart + maxField, maxRecord);
          } else {
            st = UNQUOTED;
            if (l < limit) buf[l++] = b;
            else {
              len = l;
              fail('field-too-long');
            }
          }
          break;
        case UNQUOTED:
        case AFTER_BAD:
          if (b === COMMA) {
            len = l;
            endField();
            limit = Math.min(fieldStart + maxField, maxRecord);
            st = FIELD_START;
          } else {
            if (b === QUOTE) {
              len = l;
              fail('bad-quoting');
            }
            if (l < limit) buf[l++] = b;
            else {
              len = l;
              fail('field-too-long');
            }
          }
          break;
        case QUOTED:
          if (b === QUOTE) st = QUOTE_SEEN;
          else if (l < limit) buf[l++] = b;
          else {
            len = l;
            fail('field-too-long');
          }
          break;
        case QUOTE_SEEN:
          if (b === QUOTE) {
            st = QUOTED;
            if (l < limit) buf[l++] = b;
            else {
              len = l;
              fail('field-too-long');
            }
          } else if (b === COMMA) {
            len = l;
            endField();
            limit = Math.min(fieldStart + maxField, maxRecord);
            st = FIELD_START;
          } else {
            // `"ab"c`: text after the closing quote.
            len = l;
            fail('bad-quoting');
            st = AFTER_BAD;
            if (l < limit) buf[l++] = b;
          }
          break;
      }
    }
    state = st;
    len = l;
    lastWasCR = cr;
    return n;
  };

  /**
   * The fast path: records that start at `from` and end at a line break in the same chunk, with
   * no quote, no lone CR and no over-long field, are handed out as offsets into the chunk itself:
   * no copy, no state machine. One call runs through as many such records as follow each other
   * (the hot state stays in locals). Returns the position of the first record it could not take
   * (the general path's job), or the chunk's end.
   */
  const fastRun = (chunk: Buffer, from: number): number => {
    const n = chunk.length;
    const st = starts;
    const en = ends;
    const v = view;
    const emit = onRecord;
    const lastField = maxFields - 1;
    let ln = line;
    let at = from;
    // Four bytes at a time: a word with no byte below 45 (no comma, quote, CR or LF; bytes from
    // 0x80 never match) is skipped whole ("has a byte less than n", exact for n <= 128).
    const words = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    outer: while (at < n) {
      const stop = Math.min(n, at + maxRecord);
      const wordStop = stop - 3;
      let c = 0;
      let fs = at;
      for (let i = at; i < stop; i++) {
        while (i < wordStop) {
          const x = words.getUint32(i, true);
          if (((x - 0x2d2d2d2d) & ~x & 0x80808080) !== 0) break;
          i += 4;
        }
        if (i >= stop) break;
        const b = chunk[i] as number;
        if (b > COMMA) continue;
        if (b === COMMA) {
          if (c === lastField || i - fs > maxField) break outer;
          st[c] = fs;
          en[c] = i;
          c++;
          fs = i + 1;
          continue;
        }
        let next: number;
        if (b === LF) next = i + 1;
        else if (b === CR && i + 1 < n && chunk[i + 1] === LF) next = i + 2;
        else if (b === QUOTE || b === CR) break outer;
        else continue;
        if (i === at) {
          ln++; // an empty line: no record
          at = next;
          continue outer;
        }
        if (i - fs > maxField) break outer; // checked before counting the line: the general path counts it
        st[c] = fs;
        en[c] = i;
        v.bytes = chunk;
        v.count = c + 1;
        v.line = ln;
        v.error = undefined;
        v.errorField = 0;
        line = ++ln;
        emit(v);
        at = next;
        continue outer;
      }
      break; // no line break within reach: the general path
    }
    v.bytes = buf;
    line = ln;
    return at;
  };

  const scan = (input: Uint8Array): void => {
    const chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (state === FIELD_START && !recordStarted && len === 0 && count === 0) {
        if (lastWasCR && chunk[i] === LF) {
          // The LF of a CRLF whose CR ended the previous record.
          lastWasCR = false;
          i++;
          continue;
        }
        const next = fastRun(chunk, i);
        if (next > i) {
          recordLine = line;
          lastWasCR = false;
          i = next;
          continue;
        }
      }
      i = slowScan(chunk, i);
    }
  };

  return {
    push(chunk) {
      bytesRead += chunk.length;
      if (head !== undefined) {
        // Hold the first three bytes until we know whether they are a BOM (it may be split).
        let k = 0;
        while (k < chunk.length && head.length < 3) head.push(chunk[k++] as number);
        if (head.length < 3) return;
        flushHead();
        scan(chunk.subarray(k));
        return;
      }
      scan(chunk);
    },
    end() {
      if (head !== undefined) flushHead();
      if (state === QUOTED) fail('bad-quoting');
      if (recordStarted || state !== FIELD_START || count > 0) endRecord();
    },
    get bytesRead() {
      return bytesRead;
    },
  };

  function flushHead(): void {
    const h = head ?? [];
    head = undefined;
    const bom = h.length >= 3 && h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf;
    scan(Buffer.from(bom ? h.slice(3) : h));
  }
};

/**
 * The text of field `i` of a record (UTF-8), or `''` when the record has no such field.
 * @example fieldText(record, 0) // 'school_urn'
 */
export const fieldText = (r: CsvRecordView, i: number): string =>
  i < r.count ? r.bytes.toString('utf8', r.starts[i] as number, r.ends[i] as number) : '';

/** Every field of a record as text. */
export const recordTexts = (r: CsvRecordView): string[] => {
  const out: string[] = new Array<string>(r.count);
  for (let i = 0; i < r.count; i++) out[i] = fieldText(r, i);
  return out;
};

/**
 * The byte scanner of the XML record splitter: a state machine fed UTF-8 (or Latin-1) chunks that
 * finds tags, keeps the element stack, and cuts out each record element's bytes as soon as its end
 * tag arrives; at the end of input it says whether the document was complete. What it checks (DTDs
 * refused, tags balanced, one root, comments/CDATA/PIs skipped whole) is listed in `xml-records.ts`.
 *
 * Scanning works on bytes: every markup character is ASCII, and no byte of a UTF-8 multi-byte
 * sequence (or a Latin-1 byte) can be mistaken for one, so chunk boundaries never matter.
 *
 * @module
 */

import { decodeXmlRecordBytes, xmlEncodingOf, type XmlEncoding } from './xml-encoding.js';
import type { XmlErrorCode, XmlRecordEvent } from './xml-records.js';

// Markup bytes (all ASCII).
const LT = 0x3c;
const GT = 0x3e;
const NL = 0x0a;
const isWs = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** A byte that ends a tag name: whitespace, '/', '>', or a stray '<'. */
const isNameEnd = (b: number): boolean => b === GT || b === 0x2f || b === LT || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** Bytes as Latin-1 text (names: markup is ASCII; a non-ASCII name only needs to compare equal to itself). */
const latin1Of = (c: Uint8Array, from: number, to: number): string => String.fromCharCode.apply(null, c.subarray(from, to) as unknown as number[]);
/** Whether `s` (a Latin-1 name) is exactly the bytes `c[from..to)`. */
const sameBytes = (s: string, c: Uint8Array, from: number, to: number): boolean => {
  if (s.length !== to - from) return false;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== c[from + k]) return false;
  return true;
};
const isNameStart = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x3a || b >= 0x80;

/** The parts of a record, joined (no copy when it came in one chunk). */
const concat = (parts: readonly Uint8Array[], total: number): Uint8Array => {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const all = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return all;
};

// Scanner states (plain numbers: the loop runs once per byte).
const S = { Text: 0, Lt: 1, Pi: 2, Bang: 3, Comment: 4, Cdata: 5, StartName: 6, InTag: 7, Quote: 8, TagSlash: 9, EndName: 10, EndWs: 11, Dead: 12 } as const;
type State = (typeof S)[keyof typeof S];

const DTD_WORDS = ['DOCTYPE', 'ENTITY', 'ELEMENT', 'ATTLIST', 'NOTATION'];

// Caps on what markup may hold, so a hostile document cannot grow the scanner's buffers: an
// element name's bytes, the element nesting, and the bytes of the <?xml ...?> declaration kept.
const MAX_NAME = 1024;
const MAX_DEPTH = 512;
const MAX_DECL = 1024;

/** The scanner of one document. See {@link createXmlScanner}. */
export interface XmlScanner {
  /** Scans the next chunk (UTF-8 or Latin-1 bytes), appending what it finds to `out`. */
  feed(chunk: Uint8Array, out: XmlRecordEvent[]): void;
  /** The end of input: appends the `end` event, or the fatal error that says why the document is incomplete. */
  finish(out: XmlRecordEvent[]): void;
  /** The input was UTF-16 (transcoded to UTF-8 before scanning): a declared encoding is ignored. */
  useUtf16(): void;
  /** Whether a fatal error or the end has stopped it (later input is ignored). */
  readonly dead: boolean;
}

/**
 * A new scanner for one document: `isRecord` says which elements are records (asked with the
 * element's path, never inside a record); a record larger than `maxRecord` bytes is skipped.
 * @example
 * const s = createXmlScanner((p) => p.length === 2, 1024);
 * const out: XmlRecordEvent[] = [];
 * s.feed(new TextEncoder().encode('<a><r/></a>'), out);
 * s.finish(out);
 * out.map((e) => e.kind) // ['root', 'record', 'end']
 */
export const createXmlScanner = (isRecord: (path: readonly string[]) => boolean, maxRecord: number): XmlScanner => {
  let state: State = S.Text;
  let line = 1;
  let seen = 0; // bytes seen before the current chunk (after any transcoding)
  let encoding: XmlEncoding = 'utf-8';
  let declared: string | undefined;
  const stack: string[] = [];
  let rootSeen = false;
  let rootClosed = false;
  let records = 0;
  // Markup being read.
  let nameStart = 0; // where the tag name being read starts in this chunk
  let namePrefix = ''; // its part from earlier chunks
  let bang = '';
  let run = 0; // consecutive '-' (comment), ']' (CDATA) or '?' (PI) just seen
  let quote = 0;
  let decl: number[] | undefined; // bytes of a leading <?xml ...?> declaration
  let tagLine = 1;
  // A start tag that may begin a record: its bytes so far when it spans chunks.
  let pendStart = -1;
  let carry: Uint8Array[] = [];
  // The record being captured.
  let capturing = false;
  let skipping = false; // the record is too large: tracked to its end, not kept
  let recDepth = 0;
  let recLine = 0;
  let recPath = '';
  let capStart = 0;
  let pieces: Uint8Array[] = [];
  let captured = 0;

  // Element names repeat endlessly (every record has the same few), so they are interned by a hash
  // of their bytes instead of being built as new strings at every tag.
  const interned = new Map<number, string[]>();
  const nameOf = (c: Uint8Array, from: number, to: number): string => {
    let h = to - from;
    for (let k = from; k < to; k++) h = (Math.imul(h, 31) + (c[k] as number)) | 0;
    const list = interned.get(h);
    if (list !== undefined) for (const known of list) if (sameBytes(known, c, from, to)) return known;
    const made = latin1Of(c, from, to);
    if (interned.size < 4096) interned.set(h, list === undefined ? [made] : [...list, made]);
    return made;
  };

  const scan = (chunk: Uint8Array, out: XmlRecordEvent[]): void => {
    const fatal = (code: XmlErrorCode, message: string): void => {
      state = S.Dead;
      out.push({ kind: 'error', code, message, line, fatal: true });
    };
    // The name of a start tag is complete: the element is open from here (its '>' comes later).
    const startTag = (n: string): void => {
      if (stack.length === 0) {
        if (rootSeen) return fatal('malformed', `a second root element <${n}> after the first closed`);
        rootSeen = true;
        out.push({ kind: 'root', name: n, line: tagLine, encoding, ...(declared === undefined ? {} : { declaredEncoding: declared }) });
      }
      if (stack.length >= MAX_DEPTH) return fatal('malformed', `elements nested deeper than ${MAX_DEPTH}`);
      stack.push(n);
      if (!capturing && isRecord(stack)) {
        capturing = true;
        skipping = false;
        recDepth = stack.length;
        recLine = tagLine;
        recPath = stack.join('/');
        pieces = carry;
        captured = carry.reduce((a, p) => a + p.length, 0);
        capStart = pendStart;
      }
      if (carry.length > 0) carry = [];
      pendStart = -1;
    };
    const closeElement = (i: number): void => {
      stack.pop();
      if (stack.length === 0) rootClosed = true;
      if (capturing && stack.length < recDepth) {
        capturing = false;
        const tail = chunk.subarray(capStart, i + 1);
        const total = captured + tail.length;
        if (skipping || total > maxRecord) {
          out.push({ kind: 'error', code: 'too-large', message: `the <${recPath}> element at line ${recLine} is larger than ${maxRecord} bytes; skipped`, line: recLine, fatal: false });
        } else {
          const bytes = pieces.length === 0 ? tail.slice() : concat([...pieces, tail], total);
          const { text, notUtf8 } = decodeXmlRecordBytes(bytes, encoding);
          records++;
          out.push({ kind: 'record', name: recPath.slice(recPath.lastIndexOf('/') + 1), path: recPath, index: records, line: recLine, bytes, text, notUtf8 });
        }
        pieces = [];
        captured = 0;
        skipping = false;
      }
    };

    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i] as number;
      switch (state) {
        case S.Text: {
          // Fast path: run to the next '<', counting the lines skipped (a plain loop: text between
          // tags is mostly a few bytes, where a native indexOf call costs more than it saves).
          let j = i;
          for (; j < n; j++) {
            const c = chunk[j] as number;
            if (c === LT) break;
            if (c === NL) line++;
          }
          if (stack.length === 0) {
            for (let k = i; k < j; k++) {
              if (isWs(chunk[k] as number)) continue;
              if (!rootSeen) return fatal('not-xml', 'text before the root element: not an XML document');
              return fatal('malformed', 'text after the root element');
            }
          }
          i = j;
          if (j < n) {
            state = S.Lt;
            tagLine = line;
            if (!capturing) {
              pendStart = j;
              if (carry.length > 0) carry = [];
            }
          }
          break;
        }
        case S.Lt:
          if (b === 0x3f) {
            state = S.Pi;
            run = 0;
            decl = !rootSeen ? [] : undefined;
          } else if (b === 0x21) {
            state = S.Bang;
            bang = '';
          } else if (b === 0x2f) {
            state = S.EndName;
            nameStart = i + 1;
            namePrefix = '';
          } else if (isNameStart(b)) {
            state = S.StartName;
            nameStart = i;
            namePrefix = '';
          } else return fatal(rootSeen ? 'malformed' : 'not-xml', `"<" followed by ${JSON.stringify(String.fromCharCode(b))}`);
          break;
        case S.Pi:
          if (b === NL) line++;
          if (b === GT && run > 0) {
            state = S.Text;
            if (decl !== undefined) {
              const m = /^xml\s[^]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(String.fromCharCode(...decl));
              if (m !== null && encoding !== 'utf-16') {
                declared = m[1];
                encoding = xmlEncodingOf(declared);
              }
              decl = undefined;
            }
          } else {
            run = b === 0x3f ? 1 : 0;
            if (decl !== undefined && decl.length < MAX_DECL) decl.push(b);
          }
          break;
        case S.Bang: {
          bang += String.fromCharCode(b);
          if (bang === '--') {
            state = S.Comment;
            run = 0;
          } else if (bang === '[CDATA[') {
            if (stack.length === 0) return fatal('malformed', 'a CDATA section outside the root element');
            state = S.Cdata;
            run = 0;
          } else if (DTD_WORDS.some((w) => w === bang.toUpperCase())) {
            return fatal('doctype', `the document has a <!${bang} declaration: DTDs and entity declarations are refused (no external entities, no entity expansion)`);
          } else if (!'--'.startsWith(bang) && !'[CDATA['.startsWith(bang) && !DTD_WORDS.some((w) => w.startsWith(bang.toUpperCase()))) {
            return fatal(rootSeen ? 'malformed' : 'not-xml', `unknown markup <!${bang}`);
          }
          break;
        }
        case S.Comment:
          if (b === NL) line++;
          if (b === GT && run >= 2) state = S.Text;
          else run = b === 0x2d ? run + 1 : 0;
          break;
        case S.Cdata:
          if (b === NL) line++;
          if (b === GT && run >= 2) state = S.Text;
          else run = b === 0x5d ? run + 1 : 0;
          break;
        case S.StartName: {
          // Read the rest of the name in one go.
          let j = i;
          while (j < n && !isNameEnd(chunk[j] as number)) j++;
          if (namePrefix.length + (j - nameStart) > MAX_NAME) return fatal('malformed', `an element name longer than ${MAX_NAME} bytes`);
          i = j;
          if (j === n) break;
          const c = chunk[j] as number;
          if (c === LT) return fatal('malformed', '"<" inside a tag');
          startTag(namePrefix === '' ? nameOf(chunk, nameStart, j) : namePrefix + latin1Of(chunk, nameStart, j));
          if ((state as State) === S.Dead) return;
          if (c === GT) state = S.Text;
          else if (c === 0x2f) state = S.TagSlash;
          else {
            if (c === NL) line++;
            state = S.InTag;
          }
          break;
        }
        case S.InTag:
          if (b === NL) line++;
          if (b === 0x22 || b === 0x27) {
            state = S.Quote;
            quote = b;
          } else if (b === GT) state = S.Text;
          else if (b === 0x2f) state = S.TagSlash;
          else if (b === LT) return fatal('malformed', '"<" inside a tag');
          break;
        case S.Quote:
          if (b === NL) line++;
          if (b === quote) state = S.InTag;
          else if (b === LT) return fatal('malformed', '"<" inside an attribute value');
          break;
        case S.TagSlash:
          if (b !== GT) return fatal('malformed', '"/" not followed by ">" in a tag');
          state = S.Text;
          closeElement(i);
          break;
        case S.EndName: {
          let j = i;
          while (j < n && !isNameEnd(chunk[j] as number)) j++;
          if (namePrefix.length + (j - nameStart) > MAX_NAME) return fatal('malformed', `an element name longer than ${MAX_NAME} bytes`);
          i = j;
          if (j === n) break;
          const c = chunk[j] as number;
          if (c !== GT && !isWs(c)) return fatal('malformed', `${JSON.stringify(String.fromCharCode(c))} in an end tag`);
          const top = stack[stack.length - 1];
          const matches = top !== undefined && (namePrefix === '' ? sameBytes(top, chunk, nameStart, j) : top === namePrefix + latin1Of(chunk, nameStart, j));
          if (!matches) {
            const tag = namePrefix + latin1Of(chunk, nameStart, j);
            if (top === undefined) return fatal('malformed', `end tag </${tag}> with no element open`);
            return fatal('malformed', `end tag </${tag}> closes <${top}>`);
          }
          if (c === GT) {
            state = S.Text;
            closeElement(i);
          } else {
            if (c === NL) line++;
            state = S.EndWs;
          }
          break;
        }
        case S.EndWs:
          if (b === NL) line++;
          if (b === GT) {
            state = S.Text;
            closeElement(i);
          } else if (!isWs(b)) return fatal('malformed', 'text after an end tag name');
          break;
        case S.Dead:
          return;
      }
    }
    // The chunk ends: keep what a record (or a start tag that may begin one) needs.
    if (state === S.Dead) return;
    if (state === S.StartName || state === S.EndName) {
      namePrefix += latin1Of(chunk, nameStart, n);
      nameStart = 0;
    }
    if (capturing) {
      if (!skipping) {
        const part = chunk.slice(capStart);
        captured += part.length;
        if (captured > maxRecord) {
          skipping = true;
          pieces = [];
        } else pieces.push(part);
      }
      capStart = 0;
    } else if (pendStart >= 0 && (state === S.Lt || state === S.StartName)) {
      // A start tag cut by the chunk boundary before its name is complete: it may begin a record.
      carry.push(chunk.slice(pendStart));
      pendStart = 0;
    } else {
      pendStart = -1;
      carry = [];
    }
  };

  const feed = (chunk: Uint8Array, out: XmlRecordEvent[]): void => {
    if (chunk.length === 0) return;
    scan(chunk, out);
    seen += chunk.length;
  };

  /** The verdict at the end of input (after any bytes still held were fed). */
  const finish = (out: XmlRecordEvent[]): void => {
    if (state === S.Dead) return;
    if (!rootSeen) {
      const inMarkup = state !== S.Text;
      state = S.Dead;
      out.push({ kind: 'error', code: seen === 0 || !inMarkup ? 'not-xml' : 'truncated', message: seen === 0 ? 'the file is empty' : 'no root element: not an XML document, or cut short', line, fatal: true });
      return;
    }
    if (!rootClosed || state !== S.Text) {
      const open = stack.length > 0 ? ` inside <${stack.join('/')}>` : '';
      out.push({ kind: 'error', code: 'truncated', message: `the document ends${open} before it is complete (truncated?)${records > 0 ? `; the ${records} records before the cut are kept` : ''}`, line, fatal: true });
      state = S.Dead;
      return;
    }
    state = S.Dead;
    out.push({ kind: 'end', records, line });
  };

  return {
    feed,
    finish,
    useUtf16: () => {
      encoding = 'utf-16';
    },
    get dead() {
      return state === S.Dead;
    },
  };
};

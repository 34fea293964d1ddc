/**
 * The CTF adapter's only I/O: stream each file through adapter-kit's XML record splitter
 * (`createXmlRecordSplitter`) and yield one raw record for the header (the school) and one per
 * `CTFpupilData/Pupil`, with its line, as each pupil's end tag arrives. Each record is parsed alone
 * (fast-xml-parser, entities off) so a file is never held whole: memory is bounded by the largest
 * pupil (the splitter caps a record at 16 MiB).
 *
 * A file that cannot be used becomes a `problem` record (normalize turns it into an issue): a DTD
 * (`ctf/doctype`, nothing read), another root element (`ctf/not-ctf`), bad or truncated XML
 * (`ctf/bad-xml`, after every pupil that was complete before the fault), a pupil element that does
 * not parse on its own (`ctf/bad-xml` for that pupil; the others are read).
 *
 * The header comes first in a CTF (Header before CTFpupilData). A pupil met before any Header is
 * read with an empty header (so the school comes from the options alone).
 *
 * @module
 */
import { createXmlRecordSplitter, decodeBytes, readFileChunks, type RawRecord, type XmlRecordEvent } from '@attendance-kit/adapter-kit';
import type { CtfIssueCode } from './issue-codes.js';
import { child, parseXml, text, type XmlValue } from './xml.js';

/** What the CTF header says about the file and its source school. */
export interface CtfHeader {
  readonly version?: string;
  /** Header DateTime, as written. */
  readonly dateTime?: string;
  /** SourceSchool/LEA: the old three-digit LA code. */
  readonly lea?: string;
  /** SourceSchool/Estab: the four-digit establishment number. */
  readonly estab?: string;
  readonly schoolName?: string;
  readonly academicYear?: string;
}

/** A raw CTF record. */
export type CtfRaw =
  | { readonly _tag: 'problem'; readonly code: CtfIssueCode; readonly message: string; readonly severity: 'error' | 'warning' }
  | { readonly _tag: 'header'; readonly header: CtfHeader; readonly notUtf8: boolean }
  | { readonly _tag: 'pupil'; readonly header: CtfHeader; readonly index: number; readonly pupil: XmlValue };

/** The header fields of a parsed `<Header>` element. */
export const headerOf = (h: XmlValue | undefined): CtfHeader => {
  const src = child(h, 'SourceSchool');
  const fields: Record<string, string | undefined> = {
    version: text(h, 'CTFversion'),
    dateTime: text(h, 'DateTime'),
    lea: text(src, 'LEA'),
    estab: text(src, 'Estab'),
    schoolName: text(src, 'SchoolName'),
    academicYear: text(src, 'AcademicYear'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as CtfHeader;
};

/** `CTfile/Header` and `CTfile/CTFpupilData/Pupil` (the root's case as MIS write it varies). */
const isCtfRecord = (path: readonly string[]): boolean =>
  path[0]?.toLowerCase() === 'ctfile' && ((path.length === 2 && path[1] === 'Header') || (path.length === 3 && path[1] === 'CTFpupilData' && path[2] === 'Pupil'));

const SPLIT_CODES: Readonly<Record<string, CtfIssueCode>> = { doctype: 'ctf/doctype' };

/** Turns one file's splitter events into raw records, as they come. */
export interface CtfFileRecords {
  readonly feed: (events: readonly XmlRecordEvent[]) => RawRecord<CtfRaw>[];
  /** Nothing more will come from this file (not a CTF, or a fatal fault): stop reading it. */
  readonly done: () => boolean;
}

/** The raw records of one file's splitter events (stateful per file; pure otherwise). */
export const ctfFileRecords = (file: string): CtfFileRecords => {
  let header: CtfHeader | undefined;
  let pupils = 0;
  let stopped = false;
  let headerNotUtf8 = false;
  let otherNotUtf8 = false;
  const problem = (code: CtfIssueCode, message: string, line?: number, severity: 'error' | 'warning' = 'error'): RawRecord<CtfRaw> => ({
    file,
    ...(line === undefined ? {} : { line }),
    data: { _tag: 'problem', code, message, severity },
  });
  const ensureHeader = (out: RawRecord<CtfRaw>[]): CtfHeader => {
    if (header === undefined) {
      header = {};
      out.push({ file, path: 'CTfile/Header', data: { _tag: 'header', header, notUtf8: false } });
    }
    return header;
  };
  const feed = (events: readonly XmlRecordEvent[]): RawRecord<CtfRaw>[] => {
    const out: RawRecord<CtfRaw>[] = [];
    for (const e of events) {
      if (stopped) break;
      switch (e.kind) {
        case 'root':
          if (e.name.toLowerCase() !== 'ctfile') {
            stopped = true;
            out.push(problem('ctf/not-ctf', `the root element is <${e.name}>, not <CTfile>`));
          }
          break;
        case 'record': {
          const parsed = parseXml(e.text);
          const value = parsed.ok ? parsed.value[e.name] : undefined;
          if (e.name === 'Header') {
            if (header !== undefined) break; // a second Header: the first one names the school
            headerNotUtf8 = e.notUtf8;
            header = headerOf(value);
            out.push({ file, line: e.line, path: 'CTfile/Header', data: { _tag: 'header', header, notUtf8: e.notUtf8 } });
            break;
          }
          otherNotUtf8 ||= e.notUtf8;
          const h = ensureHeader(out);
          pupils++;
          const path = `CTfile/CTFpupilData/Pupil[${pupils}]`;
          if (!parsed.ok || value === undefined) {
            const why = parsed.ok ? 'it does not parse' : parsed.message;
            out.push({ ...problem(parsed.ok ? 'ctf/bad-xml' : parsed.code, `${path}: ${why}; this pupil is not read`, e.line), path });
            break;
          }
          out.push({ file, line: e.line, path, data: { _tag: 'pupil', header: h, index: pupils, pupil: value } });
          break;
        }
        case 'error': {
          if (e.code === 'too-large') {
            pupils++;
            out.push(problem('ctf/bad-xml', e.message, e.line));
            break;
          }
          stopped = true;
          const kept = pupils > 0 ? `; the ${pupils} pupils before it are read` : '';
          if (e.code === 'doctype') out.push(problem(SPLIT_CODES[e.code] as CtfIssueCode, 'the file declares a DOCTYPE; DTDs and entities are refused for safety (no XXE, no entity expansion)', e.line));
          else out.push(problem('ctf/bad-xml', `not well-formed XML: ${e.message}${kept}`, e.line));
          if (otherNotUtf8 && !headerNotUtf8) out.push(problem('ctf/not-utf8', 'the file is not valid UTF-8; read as Latin-1', undefined, 'warning'));
          break;
        }
        case 'end':
          ensureHeader(out);
          if (pupils === 0) out.push({ ...problem('ctf/no-pupils', 'the CTF holds no CTFpupilData/Pupil elements', undefined, 'warning'), path: 'CTfile/CTFpupilData' });
          if (otherNotUtf8 && !headerNotUtf8) out.push(problem('ctf/not-utf8', 'the file is not valid UTF-8; read as Latin-1', undefined, 'warning'));
          break;
      }
    }
    return out;
  };
  return { feed, done: () => stopped };
};

/**
 * Raw records of one file's bytes, given in chunks. Pure (exposed for tests): any split of the
 * same bytes gives the same records.
 * @example rawRecordsOf('a.xml', new TextEncoder().encode('<CTfile><Header/></CTfile>')).map((r) => r.data._tag) // ['header', 'problem']
 */
export const rawRecordsOf = (file: string, ...chunks: Uint8Array[]): RawRecord<CtfRaw>[] => {
  const splitter = createXmlRecordSplitter({ isRecord: isCtfRecord });
  const records = ctfFileRecords(file);
  const out: RawRecord<CtfRaw>[] = [];
  for (const c of chunks) out.push(...records.feed(splitter.push(c)));
  out.push(...records.feed(splitter.end()));
  return out;
};

/**
 * Reads CTF files, streaming. Throws (a `SourceReadError`) only when a file cannot be read at all.
 * @example for await (const raw of readCtf(['school.xml'])) console.log(raw.path)
 */
export async function* readCtf(paths: readonly string[]): AsyncGenerator<RawRecord<CtfRaw>> {
  for (const file of paths) {
    const splitter = createXmlRecordSplitter({ isRecord: isCtfRecord });
    const records = ctfFileRecords(file);
    for await (const chunk of readFileChunks(file)) {
      yield* records.feed(splitter.push(chunk));
      if (records.done()) break;
    }
    yield* records.feed(splitter.end());
  }
}

export { decodeBytes };

/**
 * The CTF adapter's only I/O: read each file, decode its bytes, parse it safely, and yield one raw
 * record for the header (the school) and one per `CTFpupilData/Pupil`, each with its line.
 * A file that cannot be parsed becomes one `problem` record (normalize turns it into an issue).
 *
 * Memory: a CTF is read whole (fast-xml-parser is not a streaming parser). CTFs are per school and
 * small (a few MB for a large secondary); a streaming reader is future work (docs/adapters.md).
 *
 * @module
 */
import { decodeBytes } from '@attendance-kit/adapter-kit';
import { readFile } from 'node:fs/promises';
import { toSourceReadError, type RawRecord } from '@attendance-kit/adapter-kit';
import type { CtfIssueCode } from './issue-codes.js';
import { child, children, parseXml, text, type XmlValue } from './xml.js';

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

/** The root element, whatever its case (`CTfile`), if the document has one. */
const rootOf = (doc: Readonly<Record<string, XmlValue>>): XmlValue | undefined => {
  const key = Object.keys(doc).find((k) => k.toLowerCase() === 'ctfile');
  return key === undefined ? undefined : doc[key];
};

/** The header fields. */
export const headerOf = (root: XmlValue): CtfHeader => {
  const h = child(root, 'Header');
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

/** 1-based lines where each `<Pupil>` element starts, in document order. */
export const pupilLines = (text: string): number[] => {
  const lines: number[] = [];
  const re = /<Pupil[\s>/]/g;
  let line = 1;
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    for (let i = from; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    from = m.index;
    lines.push(line);
  }
  return lines;
};

/** Raw records of one file's text. Pure (exposed for tests). */
export const rawRecordsOf = (file: string, bytes: Uint8Array): RawRecord<CtfRaw>[] => {
  const { text: body, notUtf8 } = decodeBytes(bytes);
  const parsed = parseXml(body);
  if (!parsed.ok) {
    return [{ file, ...(parsed.line === undefined ? {} : { line: parsed.line }), data: { _tag: 'problem', code: parsed.code, message: parsed.message, severity: 'error' } }];
  }
  const root = rootOf(parsed.value);
  if (root === undefined || typeof root === 'string' || Array.isArray(root)) {
    const found = Object.keys(parsed.value)[0];
    return [{ file, data: { _tag: 'problem', code: 'ctf/not-ctf', message: `the root element is ${found === undefined ? 'missing' : `<${found}>`}, not <CTfile>`, severity: 'error' } }];
  }
  const header = headerOf(root);
  const pupils = children(root, 'CTFpupilData').flatMap((d) => children(d, 'Pupil'));
  const out: RawRecord<CtfRaw>[] = [{ file, line: 1, path: 'CTfile/Header', data: { _tag: 'header', header, notUtf8 } }];
  if (pupils.length === 0) {
    out.push({ file, path: 'CTfile/CTFpupilData', data: { _tag: 'problem', code: 'ctf/no-pupils', message: 'the CTF holds no CTFpupilData/Pupil elements', severity: 'warning' } });
    return out;
  }
  const lines = pupilLines(body);
  pupils.forEach((pupil, i) => {
    const line = lines[i];
    out.push({ file, ...(line === undefined ? {} : { line }), path: `CTfile/CTFpupilData/Pupil[${i + 1}]`, data: { _tag: 'pupil', header, index: i + 1, pupil } });
  });
  return out;
};

/**
 * Reads CTF files. Throws (a `SourceReadError`) only when a file cannot be read at all.
 * @example for await (const raw of readCtf(['school.xml'])) console.log(raw.path)
 */
export async function* readCtf(paths: readonly string[]): AsyncGenerator<RawRecord<CtfRaw>> {
  for (const file of paths) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      throw toSourceReadError(file, e);
    }
    yield* rawRecordsOf(file, bytes);
  }
}

export { decodeBytes };

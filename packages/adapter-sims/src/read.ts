/**
 * The SIMS adapter's only I/O. Each file streams through adapter-kit's XML record splitter; its
 * records are recognised by their own element names wherever they sit (so any file names, and
 * files that hold several sections, work):
 * - `SessionAttendance` (SIMS 7 partner API, §5.1): one raw `mark` each, carrying the mapping of its
 *   display code and PersonID from the folder's code and student lists (companions.ts);
 * - `AttendanceCode` (the old `AttendanceCodes` list or `AttendanceCodes_V2_load`, §5.1): read for
 *   the mappings; the file yields one `codes` record (which counts no items);
 * - `SuperStarReport/Record` (a Report Designer student list, §5.3): one raw `student` each.
 * Every file holding marks or students also yields one `school` record (the school comes from the
 * options). Bad input becomes `problem` records; complete records before a fault are kept.
 *
 * Memory: bounded by the largest record (16 MiB cap) and the folder's code and student lists.
 *
 * @module
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createXmlRecordSplitter, readFileChunks, type RawRecord, type XmlRecordEvent } from '@attendance-kit/adapter-kit';
import { codeEntry, companionBuilder, type CodeMapping, type Companions, type PersonMapping } from './companions.js';
import type { SimsIssueCode } from './issue-codes.js';
import { displayOf, parseFields, personIdOf, type Fields } from './xml.js';

const HEAD = 4096;

/** A raw SIMS record. */
export type SimsRaw =
  | { readonly _tag: 'problem'; readonly code: SimsIssueCode; readonly message: string; readonly severity: 'error' | 'warning' }
  | { readonly _tag: 'school'; readonly records: number }
  | { readonly _tag: 'codes'; readonly entries: number; readonly unusable: readonly string[] }
  | { readonly _tag: 'mark'; readonly index: number; readonly fields: Fields; readonly code: CodeMapping; readonly person: PersonMapping }
  | { readonly _tag: 'student'; readonly index: number; readonly fields: Fields };

const RECORD_NAMES = new Set(['SessionAttendance', 'AttendanceCode']);

/** `SessionAttendance` and `AttendanceCode` anywhere; `Record` directly under a `SuperStarReport`. */
export const isSimsRecord = (path: readonly string[]): boolean => {
  const last = path[path.length - 1] as string;
  return RECORD_NAMES.has(last) || (last === 'Record' && path[path.length - 2] === 'SuperStarReport');
};

/** Whether a file's first KiB look like SIMS XML (for `--from auto`). */
export const looksLikeSims = (head: string): boolean => /<(SessionAttendances|AttendanceCodes|AttendanceCodes_V2_load|SuperStarReport)[\s>/]/.test(head);

/** Only the fields a mark needs, so millions of raw marks stay small. */
const MARK_FIELDS = ['PersonID', 'Person_ID', 'UPN', 'AttendanceDate', 'SessionName', 'AttendanceMark', 'Mark', 'Code', 'MinsLate'] as const;

/** Turns one file's splitter events into raw records (stateful per file; pure otherwise). */
export const simsFileRecords = (file: string, companions: Companions | (() => Companions)): { feed: (events: readonly XmlRecordEvent[]) => RawRecord<SimsRaw>[]; done: () => boolean } => {
  let marks = 0;
  let students = 0;
  let codes = 0;
  let records = 0;
  let notUtf8 = false;
  let stopped = false;
  let root = '';
  const unusable: string[] = [];
  const lists = (): Companions => (typeof companions === 'function' ? companions() : companions);
  const problem = (code: SimsIssueCode, message: string, line?: number, severity: 'error' | 'warning' = 'error'): RawRecord<SimsRaw> => ({
    file,
    ...(line === undefined ? {} : { line }),
    data: { _tag: 'problem', code, message, severity },
  });
  const finish = (out: RawRecord<SimsRaw>[], ended: boolean): void => {
    if (codes > 0) out.push({ file, path: 'AttendanceCodes', data: { _tag: 'codes', entries: codes, unusable: unusable.slice(0, 100) } });
    if (marks + students > 0) out.push({ file, data: { _tag: 'school', records: marks + students } });
    if (ended && records === 0) {
      if (looksLikeSims(`<${root}>`)) out.push(problem('sims/no-records', `<${root}> holds no records`, undefined, 'warning'));
      else out.push(problem('sims/not-sims', `the root element is <${root}>, and the file holds no SessionAttendance, AttendanceCode or SuperStarReport/Record elements`));
    }
    if (notUtf8) out.push(problem('sims/not-utf8', 'the file is not valid UTF-8; read as Latin-1', undefined, 'warning'));
  };
  const feed = (events: readonly XmlRecordEvent[]): RawRecord<SimsRaw>[] => {
    const out: RawRecord<SimsRaw>[] = [];
    for (const e of events) {
      if (stopped) break;
      switch (e.kind) {
        case 'root':
          root = e.name;
          break;
        case 'record': {
          records++;
          notUtf8 ||= e.notUtf8;
          const parsed = parseFields(e.text, e.name);
          const kind = e.name === 'SessionAttendance' ? 'mark' : e.name === 'AttendanceCode' ? 'code' : 'student';
          const index = kind === 'mark' ? ++marks : kind === 'student' ? ++students : ++codes;
          const path = kind === 'mark' ? `SessionAttendance[${index}]` : kind === 'student' ? `SuperStarReport/Record[${index}]` : `AttendanceCode[${index}]`;
          if (!parsed.ok) {
            if (kind === 'code') unusable.push(`${path}: ${parsed.message}`);
            else out.push({ ...problem('sims/bad-xml', `${path} is ${parsed.message}; it is not read`, e.line), path });
            break;
          }
          const fields = parsed.fields;
          if (kind === 'code') {
            const entry = codeEntry(fields);
            if (entry.display === undefined) unusable.push(`${path}: no display code`);
            else if (entry.statutory === undefined) unusable.push(`${path}: display code ${JSON.stringify(entry.display)} has no statutory code`);
          } else if (kind === 'mark') {
            const kept: Record<string, string> = {};
            for (const k of MARK_FIELDS) {
              const v = fields[k];
              if (v !== undefined) kept[k] = v;
            }
            const pid = personIdOf(fields) ?? '';
            out.push({ file, line: e.line, path, data: { _tag: 'mark', index, fields: kept, code: lists().code(displayOf(fields)), person: lists().person(pid) } });
          } else out.push({ file, line: e.line, path, data: { _tag: 'student', index, fields } });
          break;
        }
        case 'error':
          if (e.code === 'too-large') {
            out.push(problem('sims/bad-xml', e.message, e.line));
            break;
          }
          stopped = true;
          if (e.code === 'doctype') out.push(problem('sims/doctype', 'the file declares a DOCTYPE or entity; DTDs and entities are refused for safety (no XXE, no entity expansion)', e.line));
          else if (e.code === 'not-xml') out.push(problem('sims/not-sims', `not SIMS XML: ${e.message}`, e.line));
          else out.push(problem('sims/bad-xml', `not well-formed XML: ${e.message}${records > 0 ? `; the ${records} records before it are read` : ''}`, e.line));
          finish(out, false);
          break;
        case 'end':
          finish(out, true);
          break;
      }
    }
    return out;
  };
  return { feed, done: () => stopped };
};

/** Streams a file's bytes to `onChunk`. Throws a `SourceReadError` when it cannot be read. */
const streamFile = async (file: string, onChunk: (chunk: Uint8Array) => boolean | void, limit = Number.POSITIVE_INFINITY): Promise<void> => {
  let total = 0;
  for await (const chunk of readFileChunks(file)) {
    const part = chunk.subarray(0, Math.min(chunk.length, limit - total));
    total += part.length;
    if (onChunk(part) === false || total >= limit) break;
  }
};

/**
 * The code and student lists of one folder: every regular file whose first 4 KiB show an
 * `AttendanceCode` list or a `SuperStarReport`, streamed through the splitter (a companion that
 * cannot be read or parsed adds what it holds before the fault and is otherwise skipped: its own
 * problems are reported when it is read as an input).
 */
export const companionsOf = async (dir: string): Promise<Companions> => {
  const builder = companionBuilder();
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return builder.finish();
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    try {
      if (!(await stat(path)).isFile()) continue;
      let head = '';
      await streamFile(path, (c) => void (head += new TextDecoder('latin1').decode(c)), HEAD);
      const hasCodes = /<AttendanceCode[\s>/_s]/.test(head);
      const hasStudents = /<SuperStarReport[\s>/]/.test(head);
      if (!hasCodes && !hasStudents) continue;
      if (hasCodes) builder.addCodeList();
      if (hasStudents) builder.addStudentList();
      const splitter = createXmlRecordSplitter({ isRecord: (p) => (hasCodes && p[p.length - 1] === 'AttendanceCode') || (hasStudents && p[p.length - 1] === 'Record' && p[p.length - 2] === 'SuperStarReport') });
      const take = (events: readonly XmlRecordEvent[]): boolean => {
        for (const e of events) {
          if (e.kind === 'error' && e.fatal) return false;
          if (e.kind !== 'record') continue;
          const parsed = parseFields(e.text, e.name);
          if (!parsed.ok) continue;
          if (e.name === 'AttendanceCode') builder.addCode(parsed.fields);
          else builder.addStudent(parsed.fields);
        }
        return true;
      };
      let alive = true;
      await streamFile(path, (c) => (alive = take(splitter.push(c))));
      if (alive) take(splitter.end());
    } catch {
      // An unreadable neighbour is not this file's problem; if it is an input, its read says so.
    }
  }
  return builder.finish();
};

/**
 * Reads SIMS XML files. Throws (a `SourceReadError`) only when a file cannot be read at all.
 * @example for await (const raw of readSims(['marks.xml'])) console.log(raw.data._tag)
 */
export async function* readSims(paths: readonly string[]): AsyncGenerator<RawRecord<SimsRaw>> {
  const folders = new Map<string, Companions>();
  for (const file of paths) {
    const dir = dirname(file);
    // The folder's lists are read only when the first mark needs them (most files hold none).
    let companions = folders.get(dir);
    const ready = async (events: readonly XmlRecordEvent[]): Promise<void> => {
      if (companions !== undefined || !events.some((e) => e.kind === 'record' && e.name === 'SessionAttendance')) return;
      companions = await companionsOf(dir);
      folders.set(dir, companions);
    };
    const splitter = createXmlRecordSplitter({ isRecord: isSimsRecord });
    const records = simsFileRecords(file, () => companions as Companions);
    for await (const chunk of readFileChunks(file)) {
      const events = splitter.push(chunk);
      await ready(events);
      yield* records.feed(events);
      // After a fatal fault (a DOCTYPE, broken XML) nothing more comes: stop reading the file.
      if (records.done()) break;
    }
    const events = splitter.end();
    await ready(events);
    yield* records.feed(events);
  }
}

/**
 * Raw records of one file's bytes in chunks, with given companions. Pure (for tests).
 * @example rawRecordsOf('m.xml', companionBuilder().finish(), new TextEncoder().encode('<SessionAttendances/>'))
 */
export const rawRecordsOf = (file: string, companions: Companions, ...chunks: Uint8Array[]): RawRecord<SimsRaw>[] => {
  const splitter = createXmlRecordSplitter({ isRecord: isSimsRecord });
  const records = simsFileRecords(file, companions);
  const out: RawRecord<SimsRaw>[] = [];
  for (const c of chunks) out.push(...records.feed(splitter.push(c)));
  out.push(...records.feed(splitter.end()));
  return out;
};

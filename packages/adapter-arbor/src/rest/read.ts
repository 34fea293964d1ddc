/**
 * The `arbor` adapter's only I/O, in two passes (README.md "Two passes"):
 *
 * 1. For the folder of each file given, every JSON file in that folder is streamed once for its
 *    lookups (lookups.ts); files whose head shows a list of marks are skipped.
 * 2. Each file given is streamed again: one raw record per mark and per student, as its last
 *    byte arrives, each carrying what its joins found (resolve.ts); then one record for the file.
 *
 * Lookups come from the folder, not from the list of paths, so reading the files of an export one
 * by one gives the same raw records as reading them together, and no order of files or records
 * changes a mark. Memory: the lookups (small tables: marks, registers, students' assignments) and
 * the largest entity; a list of marks is never held whole.
 *
 * @module
 */
import type { RawRecord } from '@attendance-kit/adapter-kit';
import { decodeBytes, type ScanEvent } from '@attendance-kit/adapter-kit';
import type { ArborIssueCode } from '../issue-codes.js';
import { fileChunks, folderFiles, folderOf, headBytes } from '../shared/files.js';
import { createEntityListScanner, listKeyOf } from './entity-scan.js';
import { type Entity, field, idOf, isEntity, kindName, kindOf } from './entity.js';
import { createLookupBuilder, LOOKUP_KINDS, type Found, type Lookups, type MarkInfo, type SessionInfo } from './lookups.js';
import { markOf, sessionOf, studentFacts, type StudentFacts } from './resolve.js';

/** A raw record of the `arbor` adapter. */
export type ArborRaw =
  | { readonly _tag: 'problem'; readonly code: ArborIssueCode; readonly message: string }
  | {
      readonly _tag: 'file';
      /** Entities in the file (every kind). */
      readonly entities: number;
      readonly notUtf8: boolean;
      /** AttendanceRecords of lesson registers, skipped. */
      readonly lessonRecords: number;
    }
  | { readonly _tag: 'mark'; readonly kind: 'record' | 'rollcall'; readonly entity: Entity; readonly mark: Found<MarkInfo>; readonly session: Found<SessionInfo> }
  | { readonly _tag: 'student'; readonly entity: Entity; readonly id: string | undefined; readonly facts: StudentFacts }
  | { readonly _tag: 'other'; readonly what: 'unrecognised' | 'deleted'; readonly kind: string | undefined };

const MARK_KINDS: ReadonlySet<string> = new Set(['attendancerecord', 'attendancerollcallrecord']);

/** One entity of a file, with its path. */
interface Item {
  readonly path: string;
  readonly value: unknown;
  readonly listKey: string | undefined;
}

/** What a file's scan gave besides entities. */
type FileEvent =
  | { readonly _tag: 'item'; readonly item: Item }
  | { readonly _tag: 'problem'; readonly code: ArborIssueCode; readonly message: string }
  | { readonly _tag: 'done'; readonly entities: number; readonly notUtf8: boolean; readonly list: boolean };

const isUtf16 = (b: Uint8Array): boolean => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * The entities of one saved response, as events: each entity as soon as it is complete, problems,
 * then `done`. A UTF-16 file (rare) is decoded whole first.
 */
async function* fileEvents(file: string): AsyncGenerator<FileEvent> {
  const scanner = createEntityListScanner();
  let entities = 0;
  let notUtf8 = false;
  let list = false;
  let failed = false;
  const members: Item[] = [];
  const events = function* (es: readonly ScanEvent[]): Generator<FileEvent> {
    for (const e of es) {
      switch (e.kind) {
        case 'data-open':
          list = true;
          break;
        case 'row':
          entities++;
          notUtf8 ||= e.notUtf8;
          yield { _tag: 'item', item: { path: `${scanner.listKey() ?? 'rows'}[${e.index}]`, value: e.value, listKey: scanner.listKey() } };
          break;
        case 'member':
          // `{"student": {...}}`: one entity, named by its member.
          if (scanner.listKey() === undefined && isEntity(e.value)) members.push({ path: e.key, value: e.value, listKey: e.key });
          break;
        case 'not-object': {
          let json = !e.cut;
          try {
            if (json) JSON.parse(e.text);
          } catch {
            json = false;
          }
          failed = true;
          yield json
            ? { _tag: 'problem', code: 'arbor/not-entity-list', message: 'not an Arbor entity list: expected {"<resource>": [ ... ]}, a bare array or {"changes": [ ... ]}' }
            : { _tag: 'problem', code: 'arbor/bad-json', message: 'not JSON' };
          break;
        }
        case 'error':
          failed = true;
          yield { _tag: 'problem', code: 'arbor/bad-json', message: `not JSON: ${e.message}${entities > 0 ? `; the ${entities} entities before it are read` : ''}` };
          break;
        case 'data-close':
        case 'end':
          break;
      }
    }
  };
  let first = true;
  let utf16: Uint8Array[] | undefined;
  for await (const c of fileChunks(file)) {
    if (c._tag === 'fault') break;
    if (first && isUtf16(c.bytes)) utf16 = [];
    first = false;
    if (utf16 !== undefined) utf16.push(c.bytes);
    else yield* events(scanner.push(c.bytes));
  }
  if (utf16 !== undefined) yield* events(scanner.push(new TextEncoder().encode(decodeBytes(Buffer.concat(utf16)).text)));
  yield* events(scanner.end());
  if (!list && !failed && members.length === 0) {
    yield { _tag: 'problem', code: 'arbor/not-entity-list', message: 'not an Arbor entity list: no array of entities and no single entity found' };
    failed = true;
  }
  for (const m of members) {
    entities++;
    yield { _tag: 'item', item: m };
  }
  yield { _tag: 'done', entities, notUtf8, list: list || members.length > 0 };
}

/** An entity with its kind; a changelog entry unwrapped to its `changedObject`. */
const entityOf = (item: Item): { readonly entity: Entity; readonly kind: string | undefined; readonly deleted: boolean } | undefined => {
  if (!isEntity(item.value)) return undefined;
  const changed = field(item.value, 'changedObject');
  if (isEntity(changed)) {
    const type = field(item.value, 'changeType');
    return { entity: changed, kind: kindOf(changed, undefined), deleted: typeof type === 'string' && /DELET/i.test(type) };
  }
  return { entity: item.value, kind: kindOf(item.value, item.listKey), deleted: false };
};

const HEAD = 4096;

/** Whether a file's head shows it cannot hold lookups (not JSON, or a list of marks). */
const skipForLookups = (head: Uint8Array): boolean => {
  let i = 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09 || (i < 3 && head[i] === [0xef, 0xbb, 0xbf][i]))) i++;
  if (isUtf16(head)) return false;
  if (head[i] !== 0x7b && head[i] !== 0x5b) return true;
  const key = head[i] === 0x7b ? listKeyOf(head.subarray(i)) : undefined;
  if (key !== undefined && MARK_KINDS.has(kindName(key))) return true;
  const type = /"entityType"\s*:\s*"([^"]{1,80})"/.exec(new TextDecoder().decode(head.subarray(i)));
  return head[i] === 0x5b && type !== null && MARK_KINDS.has(kindName(type[1] as string));
};

/**
 * The lookups of the folder holding `file` (first pass). Throws a `SourceReadError` only when a
 * file of the folder cannot be read at all (as the caller's own files would).
 */
export const folderLookups = async (file: string): Promise<Lookups> => {
  const builder = createLookupBuilder();
  for (const f of await folderFiles(file)) {
    let head: Uint8Array;
    try {
      head = await headBytes(f, HEAD);
    } catch {
      continue; // a file of the folder that was not asked for and cannot be read is no lookup
    }
    if (skipForLookups(head)) continue;
    for await (const e of fileEvents(f)) {
      if (e._tag !== 'item') continue;
      const it = entityOf(e.item);
      if (it !== undefined && !it.deleted && it.kind !== undefined && LOOKUP_KINDS.has(it.kind)) builder.add(it.kind, it.entity);
    }
  }
  return builder.lookups;
};

/**
 * Reads saved Arbor REST responses (second pass), with each folder's lookups read first.
 * @example for await (const raw of readArbor(['export/attendance-records.json'])) console.log(raw.path)
 */
export async function* readArbor(paths: readonly string[]): AsyncGenerator<RawRecord<ArborRaw>> {
  const byFolder = new Map<string, Lookups>();
  for (const file of paths) {
    const folder = folderOf(file);
    let lookups = byFolder.get(folder);
    if (lookups === undefined) {
      await headBytes(file, 1); // the caller's own file: unreadable is a SourceReadError
      lookups = await folderLookups(file);
      byFolder.set(folder, lookups);
    }
    let lessonRecords = 0;
    for await (const e of fileEvents(file)) {
      if (e._tag === 'problem') {
        yield { file, data: { _tag: 'problem', code: e.code, message: e.message } };
        continue;
      }
      if (e._tag === 'done') {
        if (e.list) yield { file, path: '$', data: { _tag: 'file', entities: e.entities, notUtf8: e.notUtf8, lessonRecords } };
        continue;
      }
      const path = e.item.path;
      const it = entityOf(e.item);
      if (it === undefined || it.kind === undefined) {
        yield { file, path, data: { _tag: 'other', what: 'unrecognised', kind: it?.kind } };
        continue;
      }
      if (it.deleted) {
        yield { file, path, data: { _tag: 'other', what: 'deleted', kind: it.kind } };
        continue;
      }
      if (MARK_KINDS.has(it.kind)) {
        const kind = it.kind === 'attendancerecord' ? 'record' : 'rollcall';
        const session = sessionOf(lookups, it.entity, kind);
        if (session._tag === 'found' && session.value === 'neither') {
          lessonRecords++;
          continue;
        }
        yield { file, path, data: { _tag: 'mark', kind, entity: it.entity, mark: markOf(lookups, it.entity), session } };
      } else if (it.kind === 'student') {
        const id = idOf(it.entity);
        yield { file, path, data: { _tag: 'student', entity: it.entity, id, facts: studentFacts(lookups, id ?? '', it.entity) } };
      } else if (!LOOKUP_KINDS.has(it.kind)) yield { file, path, data: { _tag: 'other', what: 'unrecognised', kind: it.kind } };
    }
  }
}

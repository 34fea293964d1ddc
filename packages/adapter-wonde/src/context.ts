/**
 * The first of the adapter's two reads (I/O): what a file's marks and students need from the
 * OTHER pages of its export. A session mark names its attendance code by id (resolved through the
 * `attendance-codes` pages) and no school (the school object gives the URN); pagination says which
 * pages should exist. Wonde saves one endpoint per file, so these live in other files, possibly
 * later in name order.
 *
 * An export is a folder: the context of a file is built from every page in ITS folder, whatever
 * files the caller passed. So the raw records of a file do not depend on which other files are
 * read with it, or in what order (conformance laws CONF-6, CONF-7), and `attendance import`, which
 * reads one file at a time, still resolves every code.
 *
 * It is cheap: for each file only the head is scanned (up to the first row, which names the page's
 * entity; at most 1 MiB), and the last 64 KiB for `meta` (Wonde writes it after `data`). Only
 * attendance-codes pages (small: a school has tens of codes) are read whole.
 *
 * @module
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createPageScanner, decodeBytes, decodeUnit, type ScanEvent } from '@attendance-kit/adapter-kit';
import { entityOf, type Entity } from './entity.js';
import { field, idOf, isObj, text, type Obj } from './fields.js';
import { paginationOf } from './page-meta.js';

/** The school of a folder: none found, one, or several with different URNs. */
export type SchoolRef =
  | { readonly _tag: 'none' }
  | { readonly _tag: 'one'; readonly data: Obj }
  | { readonly _tag: 'many'; readonly urns: readonly string[] };

/** What the pages of one folder tell each other. */
export interface FolderContext {
  readonly school: SchoolRef;
  /** Attendance code objects by id (later files by name win). */
  readonly codes: ReadonlyMap<string, Obj>;
  /** `entity#page` of every page whose `current_page` is known. */
  readonly pages: ReadonlySet<string>;
}

const HEAD_CAP = 1 << 20;
const CODES_CAP = 16 << 20;
const TAIL = 1 << 16;
const CHUNK = 1 << 16;

interface Facts {
  entity?: Entity | undefined;
  school?: Obj;
  codes: Obj[];
  meta?: unknown;
}

const isUtf16 = (b: Uint8Array): boolean => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** The school's URN as a key (the object's `urn`, else `region.identifiers.urn`). */
export const schoolUrnText = (school: Obj): string => {
  const region = field(school, 'region');
  const ids = isObj(region) ? field(region, 'identifiers') : undefined;
  return text(school, 'urn') ?? (isObj(ids) ? text(ids, 'urn') : undefined) ?? '';
};

/** Feeds scan events into the facts; true when nothing more is needed from the head. */
const take = (facts: Facts, events: readonly ScanEvent[]): boolean => {
  for (const e of events) {
    if (e.kind === 'member') {
      if (e.key.toLowerCase() === 'meta') facts.meta = e.value;
      else if (e.key.toLowerCase() === 'data' && entityOf(e.value) === 'school') {
        facts.entity = 'school';
        facts.school = e.value as Obj;
        return true;
      }
    } else if (e.kind === 'row') {
      const entity = entityOf(e.value);
      if (e.index === 0) facts.entity = entity;
      if (facts.entity !== 'code') return true;
      if (entity === 'code') facts.codes.push(e.value as Obj);
    } else if (e.kind === 'error' || e.kind === 'not-object' || e.kind === 'end') return true;
  }
  return false;
};

/** `meta` from the end of a page (the last member), or undefined. */
const tailMeta = (tail: string): unknown => {
  const at = tail.lastIndexOf('"meta"');
  const end = tail.lastIndexOf('}');
  if (at < 0 || end <= at) return undefined;
  const m = /^"meta"\s*:\s*/.exec(tail.slice(at));
  if (m === null) return undefined;
  try {
    const v: unknown = JSON.parse(tail.slice(at + m[0].length, end));
    return isObj(v) ? v : undefined;
  } catch {
    return undefined;
  }
};

/** What one file says (entity, school, codes, meta); nothing when unreadable. */
const factsOf = async (path: string): Promise<Facts> => {
  const facts: Facts = { codes: [] };
  let h;
  try {
    h = await open(path, 'r');
  } catch {
    return facts;
  }
  try {
    const scanner = createPageScanner('data');
    let seen = 0;
    let done = false;
    let utf16: Uint8Array[] | undefined;
    while (!done) {
      const buf = new Uint8Array(CHUNK);
      const { bytesRead } = await h.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) {
        if (utf16 === undefined) take(facts, scanner.end());
        break;
      }
      const chunk = buf.subarray(0, bytesRead);
      if (seen === 0 && isUtf16(chunk)) utf16 = [];
      seen += bytesRead;
      if (utf16 !== undefined) {
        utf16.push(chunk);
        if (seen > CODES_CAP) return facts;
        continue;
      }
      done = take(facts, scanner.push(chunk)) || seen > (facts.entity === 'code' ? CODES_CAP : HEAD_CAP);
    }
    if (utf16 !== undefined) {
      // Rare: read whole, as UTF-8, through the same scanner.
      const s = createPageScanner('data');
      if (!take(facts, s.push(new TextEncoder().encode(decodeBytes(Buffer.concat(utf16)).text)))) take(facts, s.end());
      return facts;
    }
    if (facts.meta === undefined && (facts.entity === 'session' || facts.entity === 'student')) {
      const size = (await stat(path)).size;
      const buf = new Uint8Array(Math.min(size, TAIL));
      const { bytesRead } = await h.read(buf, 0, buf.length, size - buf.length);
      facts.meta = tailMeta(decodeUnit(buf.subarray(0, bytesRead)).text);
    }
  } catch {
    // A file that cannot be scanned adds nothing; the second read reports it.
  } finally {
    await h.close();
  }
  return facts;
};

/** Files of a folder that may be pages: regular, not hidden, not an import report. */
const pageFiles = async (dir: string): Promise<string[]> => {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.') && e.name !== 'import-report.json')
      .map((e) => e.name)
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
};

interface Watched {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

const scan = async (paths: readonly string[]): Promise<{ readonly ctx: FolderContext; readonly watched: readonly Watched[] }> => {
  const schools = new Map<string, Obj>();
  const codes = new Map<string, Obj>();
  const pages = new Set<string>();
  const watched: Watched[] = [];
  for (const path of paths) {
    const f = await factsOf(path);
    if (f.school !== undefined || f.codes.length > 0) {
      const s = await stat(path).catch(() => undefined);
      if (s !== undefined) watched.push({ path, size: s.size, mtimeMs: s.mtimeMs });
    }
    if (f.school !== undefined) {
      const urn = schoolUrnText(f.school);
      if (!schools.has(urn)) schools.set(urn, f.school);
    }
    for (const c of f.codes) {
      const id = idOf(field(c, 'id'));
      if (id !== undefined) codes.set(id, c);
    }
    const p = paginationOf(f.meta);
    if (f.entity !== undefined && p.currentPage !== undefined) pages.add(`${f.entity}#${p.currentPage}`);
  }
  const school: SchoolRef =
    schools.size === 0 ? { _tag: 'none' } : schools.size === 1 ? { _tag: 'one', data: [...schools.values()][0] as Obj } : { _tag: 'many', urns: [...schools.keys()].sort() };
  return { ctx: { school, codes, pages }, watched };
};

/**
 * Contexts already built, by folder, so that reading a folder's files one call at a time (as
 * `attendance import` does) scans the folder once, not once per file. An entry is used again only
 * while the folder lists the same files with the same modification time, and its school and
 * codes pages keep their size and time; a page rewritten in place in the same millisecond could
 * go unnoticed (saved exports are written whole, `fetchWondePages` by rename).
 */
const CACHE = new Map<string, { readonly key: string; readonly watched: readonly Watched[]; readonly ctx: FolderContext }>();
const CACHE_MAX = 16;

const unchanged = async (watched: readonly Watched[]): Promise<boolean> => {
  for (const w of watched) {
    const s = await stat(w.path).catch(() => undefined);
    if (s === undefined || s.size !== w.size || s.mtimeMs !== w.mtimeMs) return false;
  }
  return true;
};

/**
 * The context of the pages in folder `dir`.
 * @example const ctx = await folderContext('exports/wonde'); ctx.codes.get('A186523258')
 */
export const folderContext = async (dir: string): Promise<FolderContext> => {
  const paths = await pageFiles(dir);
  const dirStat = await stat(dir).catch(() => undefined);
  const key = `${dirStat?.mtimeMs ?? ''}|${paths.join('\u0000')}`;
  const hit = CACHE.get(dir);
  if (dirStat !== undefined && hit !== undefined && hit.key === key && (await unchanged(hit.watched))) return hit.ctx;
  const { ctx, watched } = await scan(paths);
  if (dirStat !== undefined) {
    CACHE.delete(dir);
    CACHE.set(dir, { key, watched, ctx });
    if (CACHE.size > CACHE_MAX) CACHE.delete(CACHE.keys().next().value as string);
  }
  return ctx;
};

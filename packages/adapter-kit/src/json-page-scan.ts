/**
 * A streaming scanner for one JSON page shaped as an object with one array of rows, e.g. a Bromcom
 * Partner API v2 page (`{ "success": ..., "data": [ row, row, ... ] }`) or a Wonde page (`{ "data":
 * [...], "meta": {...} }`): it walks the bytes once, chunk by chunk, and hands back each row of the
 * array member (`data` unless told otherwise, matched case-insensitively) as soon as its last byte
 * arrives, so a page of 100000 rows (reference/mis-formats.md §4.1) is never held whole. Other
 * top-level members (`success`, `meta`) are small and parsed whole (up to 1 MiB each).
 *
 * It works on bytes: JSON's structural characters are ASCII, and no byte of a UTF-8 multi-byte
 * sequence is below 0x80, so splitting never cuts a character. Each row's bytes are decoded as
 * UTF-8, or as Latin-1 when they are not valid UTF-8 (reported). Pure: no I/O.
 *
 * @module
 */

/** What the scanner found, in order. */
export type ScanEvent =
  | { readonly kind: 'member'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'data-open' }
  | { readonly kind: 'row'; readonly index: number; readonly value: unknown; readonly notUtf8: boolean }
  | { readonly kind: 'data-close'; readonly rows: number }
  /** The document is not an object: its text (up to 1 MiB) for the caller to tell JSON from not. */
  | { readonly kind: 'not-object'; readonly text: string; readonly cut: boolean }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'end' };

/** A scanner: feed chunks with `push`, then call `end`. */
export interface PageScanner {
  push(chunk: Uint8Array): ScanEvent[];
  end(): ScanEvent[];
}

const OTHER_CAP = 1 << 20;
const MEMBER_CAP = 1 << 20;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

/** Bytes as text: UTF-8, else Latin-1 (flagged). */
export const decodeUnit = (bytes: Uint8Array): { readonly text: string; readonly notUtf8: boolean } => {
  try {
    return { text: utf8.decode(bytes), notUtf8: false };
  } catch {
    return { text: latin1.decode(bytes), notUtf8: true };
  }
};

const BOM = [0xef, 0xbb, 0xbf];

const isWs = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

type Mode = 'start' | 'pre' | 'member' | 'await-value' | 'array' | 'after-member' | 'done' | 'other' | 'dead';

/**
 * A new scanner for one page whose rows are the array member `arrayKey` (default `data`).
 * The `data-open`/`data-close` events mark that array, whatever its name.
 * @example
 * const s = createPageScanner();
 * [...s.push(new TextEncoder().encode('{"success":true,"data":[{"a":1}]}')), ...s.end()].map((e) => e.kind)
 * // ['member', 'data-open', 'row', 'data-close', 'end']
 */
export const createPageScanner = (arrayKey = 'data'): PageScanner => {
  const wanted = arrayKey.toLowerCase();
  let mode: Mode = 'start';
  let parts: Uint8Array[] = [];
  let partsLength = 0;
  let unitStart = -1;
  let depth = 0; // nesting inside the current unit
  let inString = false;
  let escape = false;
  let key = '';
  let rows = 0;
  let commas = 0;
  let seen = 0;
  let cut = false;

  const take = (chunk: Uint8Array, endIndex: number): Uint8Array => {
    const tail = chunk.subarray(Math.max(0, unitStart), endIndex);
    if (parts.length === 0) return tail;
    const all = new Uint8Array(partsLength + tail.length);
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    all.set(tail, o);
    return all;
  };
  const resetUnit = (next: number): void => {
    parts = [];
    partsLength = 0;
    unitStart = next;
    depth = 0;
    inString = false;
    escape = false;
  };

  const push = (chunk: Uint8Array): ScanEvent[] => {
    const out: ScanEvent[] = [];
    let i = 0;
    const offset = seen;
    seen += chunk.length;
    if (mode === 'start') mode = 'pre';
    const fail = (message: string): ScanEvent[] => {
      mode = 'dead';
      out.push({ kind: 'error', message });
      return out;
    };
    for (; i < chunk.length; i++) {
      const b = chunk[i] as number;
      switch (mode) {
        case 'pre':
          // A UTF-8 byte-order mark, however the first chunks are split.
          if (isWs(b) || (offset + i < 3 && b === BOM[offset + i])) continue;
          if (b === 0x7b) {
            mode = 'member';
            resetUnit(i + 1);
            continue;
          }
          mode = 'other';
          resetUnit(i);
          continue;
        case 'other':
        case 'done':
        case 'dead':
          if (mode === 'done' && !isWs(b)) return fail('unexpected text after the end of the page');
          continue;
        case 'after-member':
          if (isWs(b)) continue;
          if (b === 0x2c) {
            mode = 'member';
            resetUnit(i + 1);
            continue;
          }
          if (b === 0x7d) {
            mode = 'done';
            continue;
          }
          return fail(`expected , or } after the data array, found ${JSON.stringify(String.fromCharCode(b))}`);
        case 'await-value':
          if (isWs(b)) continue;
          if (b === 0x5b) {
            mode = 'array';
            rows = 0;
            commas = 0;
            resetUnit(i + 1);
            out.push({ kind: 'data-open' });
            continue;
          }
          // The rows member that is not an array: read it as an ordinary member.
          mode = 'member';
          key = arrayKey;
          resetUnit(i);
          i--;
          continue;
        case 'member':
        case 'array': {
          if (inString) {
            if (escape) escape = false;
            else if (b === 0x5c) escape = true;
            else if (b === 0x22) inString = false;
            continue;
          }
          if (b === 0x22) {
            inString = true;
            continue;
          }
          if (b === 0x7b || b === 0x5b) {
            depth++;
            continue;
          }
          const closes = b === 0x7d || b === 0x5d;
          if (closes && depth > 0) {
            depth--;
            continue;
          }
          if (depth > 0) continue;
          if (mode === 'member') {
            if (b === 0x3a && key === '') {
              const k = decodeUnit(take(chunk, i)).text;
              try {
                const parsed: unknown = JSON.parse(k);
                if (typeof parsed !== 'string') return fail('a member name is not a string');
                key = parsed === '' ? '\u0000' : parsed;
              } catch {
                return fail(`bad member name ${JSON.stringify(k.trim().slice(0, 40))}`);
              }
              if (key.toLowerCase() === wanted) {
                mode = 'await-value';
                key = '';
              } else resetUnit(i + 1);
              continue;
            }
            if (b === 0x2c || b === 0x7d) {
              const bytes = take(chunk, i);
              const text = decodeUnit(bytes).text;
              if (key === '' && text.trim() === '' && b === 0x7d && commas === 0) {
                mode = 'done'; // `{}`
                continue;
              }
              if (key === '') return fail('a member has no value');
              let value: unknown;
              try {
                value = partsLength + bytes.length > MEMBER_CAP ? undefined : JSON.parse(text);
              } catch {
                return fail(`the value of ${JSON.stringify(key.slice(0, 40))} is not JSON`);
              }
              out.push({ kind: 'member', key, value });
              key = '';
              commas++;
              if (b === 0x7d) mode = 'done';
              else resetUnit(i + 1);
            }
            continue;
          }
          // mode === 'array': a row ends at a comma or at the closing bracket.
          if (b === 0x2c || b === 0x5d) {
            const { text, notUtf8 } = decodeUnit(take(chunk, i));
            const empty = text.trim() === '';
            if (empty && !(b === 0x5d && rows === 0)) return fail(`an empty row in data after row ${rows}`);
            if (!empty) {
              try {
                out.push({ kind: 'row', index: rows, value: JSON.parse(text) as unknown, notUtf8 });
              } catch {
                return fail(`data[${rows}] is not JSON`);
              }
              rows++;
            }
            if (b === 0x5d) {
              out.push({ kind: 'data-close', rows });
              mode = 'after-member';
              commas++;
            } else resetUnit(i + 1);
          }
          continue;
        }
      }
    }
    // Carry the unfinished unit into the next chunk (a copy: the caller may reuse its buffer).
    if (mode === 'member' || mode === 'array' || mode === 'other') {
      const from = Math.max(0, unitStart);
      if (mode === 'other' && partsLength + chunk.length - from > OTHER_CAP) cut = true;
      else if (from < chunk.length) {
        parts.push(chunk.slice(from));
        partsLength += chunk.length - from;
      }
    }
    unitStart = 0;
    return out;
  };

  const end = (): ScanEvent[] => {
    switch (mode) {
      case 'done':
        return [{ kind: 'end' }];
      case 'dead':
        return [];
      case 'other': {
        unitStart = 0;
        return [{ kind: 'not-object', text: decodeUnit(take(new Uint8Array(0), 0)).text, cut }];
      }
      case 'start':
      case 'pre':
        return [{ kind: 'error', message: 'the file is empty' }];
      default:
        return [{ kind: 'error', message: `the file ends early (truncated${mode === 'array' ? ` after ${rows} rows of data` : ''})` }];
    }
  };
  return { push, end };
};

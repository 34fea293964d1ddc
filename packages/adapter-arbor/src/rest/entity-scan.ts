/**
 * A streaming scanner for one saved Arbor REST response. Arbor wraps a list in a member named
 * after the resource (`{"students":[...]}`, `{"attendanceRecords":[...]}`; reference/mis-formats.md
 * §3.1), so the name of the array is not known in advance, and SDK dumps are often bare arrays.
 * This extends adapter-kit's `createPageScanner(arrayKey)` without changing it: the first 64 KiB
 * (or the whole file, if shorter) are held back to find the list, then everything is streamed
 * through a page scanner for that member:
 *
 * - `{ ..., "<name>": [ ... ], ... }`: the first top-level member whose value is an array;
 * - `[ ... ]`: a bare array, streamed as if it were `{"rows": [ ... ]}`;
 * - `{ "<name>": { ... } }` (one entity, `GET /rest-v2/students/7`): no array, so every member is
 *   reported whole (up to 1 MiB each) and the caller takes an object member as one entity.
 *
 * Deciding on a fixed amount of the file keeps the result the same however the bytes are split
 * into chunks. Pure: no I/O.
 *
 * @module
 */
import { createPageScanner, type PageScanner, type ScanEvent } from '@attendance-kit/adapter-kit';

/** How much of the file decides the list member. */
export const HEAD_BYTES = 1 << 16;

/** A scanner of one Arbor response; `listKey` is known once the head has been seen. */
export interface EntityListScanner {
  push(chunk: Uint8Array): ScanEvent[];
  end(): ScanEvent[];
  /** The list member's name (`rows` for a bare array), or undefined before the head is seen or when there is none. */
  readonly listKey: () => string | undefined;
}

const isWs = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const NO_LIST = '\u0000no list';
const BARE = 'rows';

/**
 * The name of the first top-level member whose value is an array, in the bytes of a JSON object's
 * head, or undefined. Member names are decoded as JSON strings.
 * @example listKeyOf(new TextEncoder().encode('{"meta":{"a":[1]},"students":[')) // 'students'
 */
export const listKeyOf = (head: Uint8Array): string | undefined => {
  let depth = 0;
  let inString = false;
  let escape = false;
  let stringStart = -1;
  let lastString: string | undefined;
  let afterColon = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (inString) {
      if (escape) escape = false;
      else if (b === 0x5c) escape = true;
      else if (b === 0x22) {
        inString = false;
        if (depth === 1 && !afterColon) {
          try {
            lastString = JSON.parse(new TextDecoder().decode(head.subarray(stringStart, i + 1))) as string;
          } catch {
            return undefined;
          }
        }
      }
      continue;
    }
    if (isWs(b)) continue;
    if (depth === 1 && afterColon) {
      afterColon = false;
      if (b === 0x5b) return lastString;
    }
    if (b === 0x22) {
      inString = true;
      stringStart = i;
    } else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) depth--;
    else if (b === 0x3a && depth === 1) afterColon = true;
    else if (b === 0x2c && depth === 1) lastString = undefined;
  }
  return undefined;
};

const BOM = [0xef, 0xbb, 0xbf];

/**
 * A new scanner for one saved response.
 * @example
 * const s = createEntityListScanner();
 * [...s.push(new TextEncoder().encode('[{"entityType":"Student"}]')), ...s.end()].filter((e) => e.kind === 'row').length // 1
 */
export const createEntityListScanner = (): EntityListScanner => {
  let held: Uint8Array[] = [];
  let heldLength = 0;
  let inner: PageScanner | undefined;
  let key: string | undefined;
  let bare = false;

  const start = (): ScanEvent[] => {
    const all = new Uint8Array(heldLength);
    let o = 0;
    for (const h of held) {
      all.set(h, o);
      o += h.length;
    }
    held = [];
    let i = 0;
    while (i < all.length && (isWs(all[i] as number) || (i < 3 && all[i] === BOM[i]))) i++;
    if (all[i] === 0x5b) {
      bare = true;
      key = BARE;
      inner = createPageScanner(BARE);
      return inner.push(new Uint8Array([...new TextEncoder().encode(`{"${BARE}":`), ...all.subarray(i)]));
    }
    // Only the first HEAD_BYTES decide, however many bytes the chunks happened to bring.
    const found = all[i] === 0x7b ? listKeyOf(all.subarray(i, Math.max(i, HEAD_BYTES))) : undefined;
    key = found;
    inner = createPageScanner(found ?? NO_LIST);
    return inner.push(all);
  };

  return {
    push(chunk) {
      if (inner !== undefined) return inner.push(chunk);
      held.push(chunk.slice());
      heldLength += chunk.length;
      return heldLength >= HEAD_BYTES ? start() : [];
    },
    end() {
      const first = inner === undefined ? start() : [];
      const closing = bare ? (inner as PageScanner).push(new Uint8Array([0x7d])) : [];
      return [...first, ...closing, ...(inner as PageScanner).end()];
    },
    listKey: () => key,
  };
};

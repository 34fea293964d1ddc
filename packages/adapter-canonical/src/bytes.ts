/**
 * Field parsers that read bytes directly (no string made), for the marks hot path. Each returns
 * a number, with a sentinel for "not valid"; the slow, string-based equivalents in core
 * (`isIsoDate`, `toDayNumber`, `CODE_ID`) define what valid means, and the tests check the two agree.
 *
 * @module
 */
import { CODE_TABLE, REGIME_2024_START, toDayNumber } from '@attendance-kit/core';

/** Returned for a value that is present but not valid. */
export const INVALID = -1;

const DIGIT0 = 48;
const isDigit = (b: number): boolean => b >= 48 && b <= 57;
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1-12) of year `y`, Gregorian. */
export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number));

/**
 * Days since 1970-01-01 of a proleptic Gregorian civil date (H. Hinnant's `days_from_civil`).
 * @example daysFromCivil(1970, 1, 2) // 1
 */
export const daysFromCivil = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
};

/**
 * The day number of a `YYYY-MM-DD` date in `b[s..e)`, or {@link INVALID} when it is not a real
 * date (wrong shape, month 13, 30 February...).
 */
export const parseDateBytes = (b: Uint8Array, s: number, e: number): number => {
  if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return INVALID;
  for (let k = 0; k < 10; k++) if (k !== 4 && k !== 7 && !isDigit(b[s + k] as number)) return INVALID;
  const y = ((b[s] as number) - DIGIT0) * 1000 + ((b[s + 1] as number) - DIGIT0) * 100 + ((b[s + 2] as number) - DIGIT0) * 10 + ((b[s + 3] as number) - DIGIT0);
  const m = ((b[s + 5] as number) - DIGIT0) * 10 + ((b[s + 6] as number) - DIGIT0);
  const d = ((b[s + 8] as number) - DIGIT0) * 10 + ((b[s + 9] as number) - DIGIT0);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return INVALID;
  return daysFromCivil(y, m, d);
};

/** Day number of the first day of the 2024 regulations. */
export const REGIME_2024_DAY = toDayNumber(REGIME_2024_START);

/**
 * Code lookup by bytes: one- and two-byte codes map to their dictionary id through a 64 Ki table
 * (a one-byte code `c` at index `c`, a two-byte code at `c0 << 8 | c1`; every two-byte code starts
 * with a printable byte, so the two ranges never meet).
 */
const CODE_BY_BYTES = (() => {
  const t = new Int16Array(65_536).fill(INVALID);
  CODE_TABLE.forEach((c, id) => {
    const k = c.code.length === 1 ? c.code.charCodeAt(0) : (c.code.charCodeAt(0) << 8) | c.code.charCodeAt(1);
    t[k] = id;
  });
  return t;
})();

/** For each code id, 1 when it may be recorded under the 2006 regulations. */
export const IN_FORCE_2006 = Uint8Array.from(CODE_TABLE, (c) => (c.regimes.includes('2006') ? 1 : 0));
/** For each code id, 1 when it may be recorded under the 2024 regulations. */
export const IN_FORCE_2024 = Uint8Array.from(CODE_TABLE, (c) => (c.regimes.includes('2024') ? 1 : 0));

/** The dictionary id of the code in `b[s..e)`, or {@link INVALID} when it is no register code. */
export const parseCodeBytes = (b: Uint8Array, s: number, e: number): number => {
  const n = e - s;
  if (n === 1) return CODE_BY_BYTES[b[s] as number] as number;
  if (n === 2) return CODE_BY_BYTES[((b[s] as number) << 8) | (b[s + 1] as number)] as number;
  return INVALID;
};

/** Whole minutes 0-65534 in `b[s..e)` (digits only, at most 5), or {@link INVALID}. */
export const parseMinutesBytes = (b: Uint8Array, s: number, e: number): number => {
  if (e <= s || e - s > 5) return INVALID;
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = b[i] as number;
    if (!isDigit(c)) return INVALID;
    v = v * 10 + c - DIGIT0;
  }
  return v < 0xffff ? v : INVALID;
};

const two = (b: Uint8Array, i: number): number => {
  const x = b[i] as number;
  const y = b[i + 1] as number;
  return isDigit(x) && isDigit(y) ? (x - DIGIT0) * 10 + y - DIGIT0 : INVALID;
};

/**
 * Milliseconds since the epoch of an ISO 8601 value in `b[s..e)`: `YYYY-MM-DD`, optionally with
 * `T` (or a space) `HH:MM`, `:SS`, a fraction, and `Z` or an offset `+HH`, `+HHMM`, `+HH:MM`.
 * Without an offset the time is read as UTC (only the order of versions depends on it).
 * Returns `NaN` for an invalid value (callers treat an empty field before calling).
 */
export const parseInstantBytes = (b: Uint8Array, s: number, e: number): number => {
  const day = parseDateBytes(b, s, Math.min(s + 10, e));
  return day === INVALID ? Number.NaN : day * 86_400_000 + parseTimeBytes(b, s + 10, e);
};

/**
 * The time part of an ISO 8601 date-time (what follows `YYYY-MM-DD`, from `b[i]` to `e`) as
 * milliseconds to add to the date's midnight UTC (the offset applied), 0 when empty, `NaN` when
 * invalid.
 */
export const parseTimeBytes = (b: Uint8Array, i: number, e: number): number => {
  if (i === e) return 0;
  const sep = b[i];
  if ((sep !== 84 && sep !== 32) || e - i < 6) return Number.NaN; // 'T' or ' ', then HH:MM
  const hh = two(b, i + 1);
  const mm = two(b, i + 4);
  if (hh === INVALID || mm === INVALID || b[i + 3] !== 58 || hh > 24 || mm > 59 || (hh === 24 && mm !== 0)) return Number.NaN;
  let ms = hh * 3_600_000 + mm * 60_000;
  i += 6;
  if (i < e && b[i] === 58) {
    const ss = e - i >= 3 ? two(b, i + 1) : INVALID;
    if (ss === INVALID || ss > 60) return Number.NaN; // 60: a leap second
    ms += ss * 1000;
    i += 3;
    if (i < e && b[i] === 46) {
      // A fraction of a second: keep milliseconds, ignore finer digits.
      let k = i + 1;
      let frac = 0;
      let scale = 100;
      while (k < e && isDigit(b[k] as number)) {
        frac += ((b[k] as number) - DIGIT0) * scale;
        scale /= 10;
        k++;
      }
      if (k === i + 1) return Number.NaN;
      ms += Math.floor(frac);
      i = k;
    }
  }
  if (i === e) return ms;
  const z = b[i];
  if (z === 90) return i + 1 === e ? ms : Number.NaN; // 'Z'
  if (z !== 43 && z !== 45) return Number.NaN; // '+' / '-'
  const sign = z === 43 ? 1 : -1;
  const oh = e - i >= 3 ? two(b, i + 1) : INVALID;
  if (oh === INVALID || oh > 23) return Number.NaN;
  let om = 0;
  i += 3;
  if (i < e) {
    if (b[i] === 58) i++;
    om = e - i === 2 ? two(b, i) : INVALID;
    if (om === INVALID || om > 59) return Number.NaN;
    i += 2;
  }
  if (i !== e) return Number.NaN;
  return ms - sign * (oh * 3_600_000 + om * 60_000);
};

/**
 * A {@link parseDateBytes} that remembers the last valid date it parsed: sorted files repeat a
 * date row after row, and ten byte comparisons are cheaper than parsing and validating.
 */
export const createDateParser = (): ((b: Uint8Array, s: number, e: number) => number) => {
  const last = new Uint8Array(10);
  let lastDay = INVALID;
  return (b, s, e) => {
    if (lastDay !== INVALID && e - s === 10 &&
      b[s + 9] === last[9] && b[s + 8] === last[8] && b[s + 6] === last[6] && b[s + 5] === last[5] &&
      b[s + 3] === last[3] && b[s + 2] === last[2] && b[s + 1] === last[1] && b[s] === last[0] &&
      b[s + 4] === 45 && b[s + 7] === 45)
      return lastDay;
    const day = parseDateBytes(b, s, e);
    if (day !== INVALID) {
      for (let k = 0; k < 10; k++) last[k] = b[s + k] as number;
      lastDay = day;
    }
    return day;
  };
};

/** A lookup of (school URN, pupil id) pairs by their UTF-8 bytes; see {@link createPairIndex}. */
export interface PairIndex {
  /**
   * The index of the pair whose bytes are exactly `b[us..ue)` and `b[ps..pe)`, or
   * {@link INVALID}. Pairs `hint` and `hint + 1` are tried first (the reader passes the last pair
   * found: a run of rows for one pupil, or a file in pupils.csv order, then needs no hashing).
   */
  find(b: Uint8Array, us: number, ue: number, ps: number, pe: number, hint: number): number;
}

/** FNV-1a over two byte ranges with a separator byte between them (32-bit). */
const hashPair = (b: Uint8Array, us: number, ue: number, ps: number, pe: number): number => {
  let h = 0x811c9dc5;
  for (let i = us; i < ue; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
  h = Math.imul(h ^ 0x2c, 0x01000193);
  for (let i = ps; i < pe; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
  return h;
};

/**
 * An index of (urn, pupil id) pairs answering "which pair are these bytes?" without making a
 * string: the marks hot path resolves an enrolment from the row's bytes directly. Pair `i` is
 * found iff the bytes are exactly the UTF-8 encoding of `urns[i]` and `pupils[i]`. A miss means
 * only "not these exact bytes": callers fall back to a string lookup for the rare rows that miss
 * (so rejected rows and odd encodings keep their string-based meaning). Pairs must be distinct.
 *
 * @example
 * const ix = createPairIndex(['100101'], ['P1']);
 * const b = Buffer.from('100101P1');
 * ix.find(b, 0, 6, 6, 8, -1) // 0
 */
export const createPairIndex = (urns: readonly string[], pupils: readonly string[]): PairIndex => {
  const n = urns.length;
  const encoded = urns.map((u, i) => [Buffer.from(u, 'utf8'), Buffer.from(pupils[i] ?? '', 'utf8')] as const);
  let total = 0;
  for (const [u, p] of encoded) total += u.length + p.length;
  // All keys' bytes back to back: pair i is urn [at[i], at[i] + urnLen[i]), then its pupil id.
  const pool = new Uint8Array(total);
  const at = new Int32Array(n);
  const urnLen = new Int32Array(n);
  const pupilLen = new Int32Array(n);
  let o = 0;
  encoded.forEach(([u, p], i) => {
    at[i] = o;
    urnLen[i] = u.length;
    pupilLen[i] = p.length;
    pool.set(u, o);
    pool.set(p, o + u.length);
    o += u.length + p.length;
  });
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  // Open addressing, linear probing; slots hold pair index + 1 (0 = empty).
  const table = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    const off = at[i] as number;
    const ul = urnLen[i] as number;
    let s = hashPair(pool, off, off + ul, off + ul, off + ul + (pupilLen[i] as number)) & mask;
    while (table[s] !== 0) s = (s + 1) & mask;
    table[s] = i + 1;
  }

  const same = (i: number, b: Uint8Array, us: number, ue: number, ps: number, pe: number): boolean => {
    const ul = ue - us;
    const pl = pe - ps;
    if (urnLen[i] !== ul || pupilLen[i] !== pl) return false;
    const off = at[i] as number;
    // Pupil ids differ most often in their last bytes: compare them first, from the end.
    for (let k = pl - 1; k >= 0; k--) if (b[ps + k] !== pool[off + ul + k]) return false;
    for (let k = ul - 1; k >= 0; k--) if (b[us + k] !== pool[off + k]) return false;
    return true;
  };

  return {
    find(b, us, ue, ps, pe, hint) {
      if (hint >= 0 && hint < n && same(hint, b, us, ue, ps, pe)) return hint;
      if (hint + 1 >= 0 && hint + 1 < n && same(hint + 1, b, us, ue, ps, pe)) return hint + 1;
      let s = hashPair(b, us, ue, ps, pe) & mask;
      for (;;) {
        const v = table[s] as number;
        if (v === 0) return INVALID;
        if (same(v - 1, b, us, ue, ps, pe)) return v - 1;
        s = (s + 1) & mask;
      }
    },
  };
};

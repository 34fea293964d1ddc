/**
 * Reading Wonde fields (reference/mis-formats.md §2.3): own properties only (so a parsed
 * `__proto__` or `constructor` key is plain data, never a prototype), includes unwrapped from
 * their `{ "data": ... }` wrapper, and Wonde's date objects
 * `{ "date": "2021-09-02 08:36:08.000000", "timezone_type": 3, "timezone": "UTC" }`.
 * Pure.
 *
 * @module
 */
import { londonDate, londonToUtc } from './london.js';

/** A JSON object (not an array). */
export type Obj = Readonly<Record<string, unknown>>;

/** Whether `v` is a JSON object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An own property of a JSON object, or undefined (never an inherited one).
 * @example field({ a: 1 }, 'a') // 1
 * @example field(JSON.parse('{"__proto__": 5}'), '__proto__') // 5
 */
export const field = (o: Obj, name: string): unknown => (Object.prototype.hasOwnProperty.call(o, name) ? o[name] : undefined);

/** The first of `names` that is an own property of `o` (even when null), for "missing" vs "empty". */
export const has = (o: Obj, ...names: string[]): boolean => names.some((n) => Object.prototype.hasOwnProperty.call(o, n));

/**
 * An include's content: `{ "data": X }` is X (§2.3: each included relation is wrapped); an object
 * without the wrapper is taken as it is (a plausible variant).
 * @example included({ year: { data: { code: '9' } } }, 'year') // { code: '9' }
 */
export const included = (o: Obj, name: string): unknown => {
  const v = field(o, name);
  if (isObj(v) && has(v, 'data') && Object.keys(v).every((k) => k === 'data' || k === 'meta')) return field(v, 'data');
  return v;
};

/**
 * A field as trimmed text: strings trimmed, finite numbers as text; empty is undefined.
 * @example text({ urn: 100101 }, 'urn') // '100101'
 */
export const text = (o: Obj, ...names: string[]): string | undefined => {
  for (const n of names) {
    const v = field(o, n);
    const s = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
    if (s !== undefined && s !== '') return s;
  }
  return undefined;
};

/**
 * An id given as text, a number, or an include (`{ "data": { "id": ... } }`, or `{ "id": ... }`).
 * @example idOf({ data: { id: 'A1' } }) // 'A1'
 */
export const idOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObj(v)) {
    const inner = has(v, 'data') && isObj(field(v, 'data')) ? (field(v, 'data') as Obj) : v;
    return idOf(field(inner, 'id'));
  }
  return undefined;
};

/**
 * A flag: JSON booleans, `true`/`false`, `Y`/`N`, `Yes`/`No`, `1`/`0` (values vary by MIS,
 * §2.8); undefined when absent, null or empty; `'bad'` when not understood.
 * @example flag('Yes') // true
 */
export const flag = (v: unknown): boolean | undefined | 'bad' => {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return undefined;
  const s = (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '\u0000').trim().toLowerCase();
  if (s === '') return undefined;
  if (s === 'true' || s === 'yes' || s === 'y' || s === '1' || s === 't') return true;
  if (s === 'false' || s === 'no' || s === 'n' || s === '0' || s === 'f') return false;
  return 'bad';
};

interface Stamp {
  readonly day: string;
  readonly time: string;
  /** `utc`, `london`, an offset in minutes, or `unknown`. */
  readonly zone: 'utc' | 'london' | number | 'unknown';
}

/**
 * Whether `YYYY-MM-DD` is a real calendar date (proleptic Gregorian). Its own check rather than
 * core's `isIsoDate`: it runs for every mark, and this one does no date parsing.
 * @example isRealDate('2024-02-29') // true
 * @example isRealDate('2023-02-29') // false
 */
export const isRealDate = (s: string): boolean => {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
};

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

const zoneOf = (z: string | undefined): Stamp['zone'] => {
  if (z === undefined) return 'london';
  const t = z.trim();
  if (/^(UTC|Z|GMT|Etc\/UTC|Etc\/GMT)$/i.test(t)) return 'utc';
  if (/^(Europe\/London|GB)$/i.test(t)) return 'london';
  const m = OFFSET.exec(t);
  if (m !== null) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return 'unknown';
};

const STAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const UK = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}:\d{2}(?::\d{2})?))?$/;

/** A date or date-time value: a Wonde date object or a string. Strings without a zone are London time (inferred). */
const stampOf = (v: unknown): Stamp | undefined => {
  let s: string | undefined;
  let zone: string | undefined;
  if (typeof v === 'string') s = v.trim();
  else if (isObj(v) && typeof field(v, 'date') === 'string') {
    s = (field(v, 'date') as string).trim();
    const z = field(v, 'timezone');
    zone = typeof z === 'string' ? z : undefined;
  } else return undefined;
  const m = STAMP.exec(s);
  if (m !== null) {
    const day = m[1] as string;
    if (!isRealDate(day)) return undefined;
    const time = (m[2] ?? '00:00:00').padEnd(8, ':00');
    return { day, time, zone: zoneOf(m[3] ?? zone) };
  }
  const uk = UK.exec(s);
  if (uk !== null) {
    const day = `${uk[3]}-${uk[2]}-${uk[1]}`;
    return isRealDate(day) ? { day, time: (uk[4] ?? '00:00:00').padEnd(8, ':00'), zone: zoneOf(zone) } : undefined;
  }
  return undefined;
};

const utcMs = (st: Stamp): number | undefined => {
  const wall = Date.parse(`${st.day}T${st.time}Z`);
  if (Number.isNaN(wall)) return undefined;
  if (st.zone === 'utc') return wall;
  if (st.zone === 'london') return londonToUtc(wall);
  if (typeof st.zone === 'number') return wall - st.zone * 60000;
  return undefined;
};

/**
 * The calendar date (in England) of a Wonde date value: a date object or a string
 * (`YYYY-MM-DD`, with a time, or `DD/MM/YYYY`). A midnight is its own date whatever the zone; an
 * instant given in UTC or with an offset is taken to London's calendar (a BST midnight written as
 * `23:00:00 UTC` is the next day). Undefined when not a real date.
 * @example wondeDate({ date: '2023-02-27 00:00:00.000000', timezone_type: 3, timezone: 'Europe/London' }) // '2023-02-27'
 * @example wondeDate({ date: '2024-09-01 23:00:00.000000', timezone_type: 3, timezone: 'UTC' }) // '2024-09-02'
 */
export const wondeDate = (v: unknown): string | undefined => {
  // Marks repeat a few hundred dates: remember the answers (a pure function's memo, bounded).
  const key = typeof v === 'string' ? v : isObj(v) && typeof field(v, 'date') === 'string' ? `${field(v, 'date') as string}|${String(field(v, 'timezone'))}` : undefined;
  if (key === undefined) return dateOf(v);
  if (DATES.has(key)) return DATES.get(key);
  if (DATES.size >= 4096) DATES.clear();
  const d = dateOf(v);
  DATES.set(key, d);
  return d;
};

const DATES = new Map<string, string | undefined>();

const dateOf = (v: unknown): string | undefined => {
  const st = stampOf(v);
  if (st === undefined) return undefined;
  if (st.time.startsWith('00:00:00') || st.zone === 'london' || st.zone === 'unknown') return st.day;
  const ms = utcMs(st);
  return ms === undefined ? st.day : londonDate(ms);
};

/**
 * A Wonde timestamp as an ISO 8601 UTC date-time (`2021-09-02T08:36:08Z`), or undefined when it
 * is not one or its zone is not UTC, London or an offset (never guessed).
 * @example wondeDateTime({ date: '2024-09-02 08:36:08.000000', timezone_type: 3, timezone: 'Europe/London' }) // '2024-09-02T07:36:08Z'
 */
export const wondeDateTime = (v: unknown): string | undefined => {
  const st = stampOf(v);
  if (st === undefined) return undefined;
  const ms = utcMs(st);
  return ms === undefined ? undefined : `${new Date(ms).toISOString().slice(0, 19)}Z`;
};

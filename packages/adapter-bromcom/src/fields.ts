/**
 * Reading Bromcom fields: case-insensitive names (the JSON casing of v2 responses is not public,
 * reference/mis-formats.md §4.2/§9), right-padded strings trimmed (§4.1), "Yes"/"No" flags (§4.3, §8),
 * and dates. Pure; never assigns parsed keys onto objects (so `__proto__` stays inert).
 *
 * @module
 */
import { fromDayNumber, isIsoDate, toDayNumber } from '@attendance-kit/core';

/** A row's fields by lower-cased name. Built with a Map: keys like `__proto__` are plain keys. */
export type Fields = ReadonlyMap<string, unknown>;

/**
 * The fields of a JSON object by lower-cased name (the first of duplicates differing in case wins).
 * @example fieldsOf({ StudentId: 1 }).get('studentid') // 1
 */
export const fieldsOf = (row: object): Fields => {
  const m = new Map<string, unknown>();
  for (const k of Object.keys(row)) {
    const key = k.toLowerCase();
    if (!m.has(key)) m.set(key, (row as Record<string, unknown>)[k]);
  }
  return m;
};

/**
 * A field as trimmed text: strings trimmed, finite numbers as text, else undefined; empty text is undefined.
 * @example textField(fieldsOf({ Upn: 'A1  ' }), 'upn') // 'A1'
 */
export const textField = (f: Fields, ...names: string[]): string | undefined => {
  for (const n of names) {
    const v = f.get(n);
    const s = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
    if (s !== undefined && s !== '') return s;
  }
  return undefined;
};

/** The first of `names` present in the row at all (even empty), for "missing" vs "empty". */
export const hasField = (f: Fields, ...names: string[]): boolean => names.some((n) => f.has(n));

/**
 * A Bromcom flag: "Yes"/"No" (any case, trimmed), also Y/N, true/false, 1/0 and JSON booleans;
 * `undefined` when absent or empty, `'bad'` when not understood.
 * @example flagValue('Yes ') // true
 */
export const flagValue = (v: unknown): boolean | undefined | 'bad' => {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return undefined;
  const s = (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '\u0000').trim().toLowerCase();
  if (s === '') return undefined;
  if (s === 'yes' || s === 'y' || s === 'true' || s === '1') return true;
  if (s === 'no' || s === 'n' || s === 'false' || s === '0') return false;
  return 'bad';
};

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A Bromcom date as `yyyy-MM-dd`, or undefined when not a real date. Documented (§0, §4.3):
 * ISO-ish strings whose first 10 characters are `yyyy-MM-dd` (`2024-09-02`, `2024-09-02T00:00:00`,
 * with fraction or offset). Plausible variants, inferred: `dd/MM/yyyy` (UK display, optional time),
 * `yyyyMMdd` (the legacy SOAP filter literal), and .NET `/Date(ms[+hhmm])/`.
 * @example bromcomDate('02/09/2024') // '2024-09-02'
 */
export const bromcomDate = (s: string): string | undefined => {
  const t = s.trim();
  let iso: string | undefined;
  const isoMatch = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})(?: [0-9:]+)?$/.exec(t);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const dotnet = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/.exec(t);
  if (isoMatch !== null) iso = isoMatch[1];
  else if (uk !== null) iso = `${uk[3]}-${uk[2]}-${uk[1]}`;
  else if (compact !== null) iso = `${compact[1]}-${compact[2]}-${compact[3]}`;
  else if (dotnet !== null) {
    // The offset is the local time of the writer: a UK midnight in BST is 23:00Z the day before.
    const off = dotnet[2] === undefined ? 0 : (dotnet[2].startsWith('-') ? -1 : 1) * (Number(dotnet[2].slice(1, 3)) * 60 + Number(dotnet[2].slice(3))) * 60000;
    const d = new Date(Number(dotnet[1]) + off);
    iso = Number.isNaN(d.getTime()) ? undefined : `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return iso !== undefined && isIsoDate(iso) ? iso : undefined;
};

/** `n` days after an ISO date. @example addDays('2024-09-02', 4) // '2024-09-06' */
export const addDays = (iso: string, n: number): string => fromDayNumber(toDayNumber(iso) + n);

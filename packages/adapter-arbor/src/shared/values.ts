/**
 * Value parsers both Arbor adapters share: dates (REST date objects, Snowflake date and timestamp
 * text), year groups, sexes, booleans, SEN letters and minutes late. Pure; each returns
 * `undefined` for what it does not understand, and the caller raises its own issue.
 *
 * @module
 */
import { CODE_TABLE, IsoDate, type Category } from '@attendance-kit/core';

/**
 * A date from `YYYY-MM-DD`, optionally followed by a time (`T` or a space, as Arbor REST's
 * `Y-m-d H:i:s` and Snowflake's TIMESTAMP text), or a REST date object
 * `{ entityType: 'date', date: 'YYYY-MM-DD HH:MM:SS' }` (reference/mis-formats.md §3.1). The date
 * part is taken as written (the school's local day). Other forms (`16/10/2015`: day or month
 * first?) are not guessed.
 * @example dateOf({ entityType: 'date', date: '2024-09-09 08:45:00' }) // '2024-09-09'
 * @example dateOf('16/10/2015') // undefined
 */
export const dateOf = (v: unknown): string | undefined => {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return dateOf(Object.hasOwn(v, 'date') ? (v as Record<string, unknown>)['date'] : undefined);
  if (typeof v !== 'string') return undefined;
  // Exports repeat a few hundred dates millions of times; checking a calendar date is not free.
  const cached = DATE_CACHE.get(v);
  if (cached !== undefined) return cached === '' ? undefined : cached;
  const date = parseDate(v);
  if (DATE_CACHE.size > 8192) DATE_CACHE.clear();
  DATE_CACHE.set(v, date ?? '');
  return date;
};

const DATE_CACHE = new Map<string, string>();

const parseDate = (v: string): string | undefined => {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$/.exec(v);
  return m !== null && IsoDate.is(m[1]) ? m[1] : undefined;
};

/**
 * A canonical year group from Arbor's wordings (`Year 7`, `Y7`, `YEAR_7`, `07`, `Reception`,
 * `Nursery 1`, `N1`): inferred variants, as Arbor's curriculum grade codes are not public.
 * @example yearGroupOf('Year 07') // '7'
 * @example yearGroupOf('RECEPTION') // 'R'
 */
export const yearGroupOf = (s: unknown): string | undefined => {
  if (typeof s === 'number' && Number.isInteger(s) && s >= 1 && s <= 14) return String(s);
  if (typeof s !== 'string') return undefined;
  const t = s.trim().toUpperCase().replace(/[_-]/g, ' ').replace(/^(YEAR|YR|Y|NC YEAR|NCY)\s*/, '');
  if (t === 'R' || t === 'RECEPTION' || t === 'REC' || t === 'YR') return 'R';
  const n = /^(?:NURSERY|NUR|N)\s*([12])$/.exec(t);
  if (n !== null) return `N${n[1] as string}`;
  if (!/^\d{1,2}$/.test(t)) return undefined;
  const y = Number(t);
  return y >= 1 && y <= 14 ? String(y) : undefined;
};

/**
 * A sex from Arbor's Gender codes (`MALE`/`FEMALE`, `M`/`F`, inferred variants).
 * @example sexOf('FEMALE') // 'F'
 */
export const sexOf = (s: unknown): 'F' | 'M' | undefined => {
  if (typeof s !== 'string') return undefined;
  const t = s.trim().toUpperCase();
  if (t === 'M' || t === 'MALE') return 'M';
  if (t === 'F' || t === 'FEMALE') return 'F';
  return undefined;
};

/**
 * A boolean from JSON `true`/`false`, Snowflake's `TRUE`/`FALSE`, `1`/`0`, `Y`/`N`, `Yes`/`No`.
 * @example boolOf('TRUE') // true
 */
export const boolOf = (v: unknown): boolean | undefined => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().toUpperCase();
  if (t === 'TRUE' || t === '1' || t === 'Y' || t === 'YES' || t === 'T') return true;
  if (t === 'FALSE' || t === '0' || t === 'N' || t === 'NO' || t === 'F') return false;
  return undefined;
};

/**
 * SEN provision from an export code (`N`/`K`/`E`, CBDS D00229) or its usual wording (inferred).
 * @example senOf('SEN Support') // 'K'
 */
export const senOf = (v: unknown): 'N' | 'K' | 'E' | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.trim().toUpperCase().replace(/[_-]/g, ' ');
  if (t === 'N' || t === 'K' || t === 'E') return t;
  if (t === 'NO SEN' || t === 'NONE' || t === 'NO SPECIAL EDUCATIONAL NEED') return 'N';
  if (t === 'SEN SUPPORT' || t === 'SUPPORT') return 'K';
  if (t === 'EHC PLAN' || t === 'EHCP' || t === 'EDUCATION HEALTH AND CARE PLAN') return 'E';
  return undefined;
};

/**
 * Minutes late: a whole number 0 to 65534 (number or digits), `undefined` when absent, `'bad'` otherwise.
 * @example minutesOf('12') // 12
 */
export const minutesOf = (v: unknown): number | 'bad' | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 0 && n < 0xffff ? n : 'bad';
};

const CATEGORY_OF = new Map(CODE_TABLE.map((c) => [c.code, c.category]));

/** The category of a statutory code (core's code table). */
export const categoryOf = (code: string): Category | undefined => CATEGORY_OF.get(code);

/**
 * Arbor's statistical flags (REST `isStatistical*`, BI `IS_*`; §3.2, §3.4), each optional: present,
 * approved educational activity, authorised and unauthorised absence, and "possible attendance"
 * (counted in possible sessions: present, AEA and absences).
 */
export interface StatFlags {
  readonly present?: boolean;
  readonly aea?: boolean;
  readonly authorised?: boolean;
  readonly unauthorised?: boolean;
  readonly possible?: boolean;
}

/**
 * Whether flags contradict a code's category (only flags that are given are checked).
 * @example flagsDisagree('I', { present: true }) // true
 */
export const flagsDisagree = (code: string, f: StatFlags): boolean => {
  const c = categoryOf(code);
  if (c === undefined || c === 'covid') return false;
  const possible = c === 'present' || c === 'aea' || c === 'authorised' || c === 'unauthorised';
  if (f.possible !== undefined && f.possible !== possible) return true;
  // Whether an AEA mark is flagged present is not documented (the BI dataset has no AEA flag):
  // without an AEA flag, the present flag of an AEA code is not checked.
  if (f.present !== undefined && !(c === 'aea' && f.aea === undefined) && f.present !== (c === 'present')) return true;
  if (f.aea !== undefined && f.aea !== (c === 'aea')) return true;
  if (f.authorised !== undefined && f.authorised !== (c === 'authorised')) return true;
  if (f.unauthorised !== undefined && f.unauthorised !== (c === 'unauthorised')) return true;
  return false;
};

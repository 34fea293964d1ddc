/**
 * One SIMS record element (a `SessionAttendance`, an `AttendanceCode`, a report `Record`) as flat
 * fields, parsed alone with fast-xml-parser, entities off (the splitter has already refused any
 * DTD). Element names are decoded from XML name escapes (`Legal_x0020_Surname` is `Legal
 * Surname`); text values have the five predefined entities and character references decoded,
 * nothing else.
 *
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlText, SAFE_XML_PARSER_OPTIONS } from '@attendance-kit/adapter-kit';

const parser = new XMLParser(SAFE_XML_PARSER_OPTIONS);

/** A record's fields: decoded element name to trimmed text (first occurrence; nested elements ignored). */
export type Fields = Readonly<Record<string, string>>;

/** Decodes the predefined entities and character references of a text value (adapter-kit). */
export const decodeText = decodeXmlText;

/**
 * An XML element name with its `_xHHHH_` escapes decoded (how .NET writes spaces and other
 * characters of report captions).
 * @example decodeName('Legal_x0020_Surname') // 'Legal Surname'
 */
export const decodeName = (name: string): string =>
  !name.includes('_x') ? name : name.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

/**
 * Parses one record element into its fields, or says why it cannot be.
 * @example parseFields('<SessionAttendance><PersonID>6420</PersonID></SessionAttendance>', 'SessionAttendance') // { ok: true, fields: { PersonID: '6420' } }
 */
export const parseFields = (text: string, name: string): { readonly ok: true; readonly fields: Fields } | { readonly ok: false; readonly message: string } =>
  flatFields(text, name) ?? parseWithParser(text, name);

/** One child element with plain text (or empty), after optional whitespace. */
const CHILD = /\s*<([A-Za-z_][\w.-]{0,200})(?:\s*\/>|>([^<&]*)<\/\1\s*>)/y;
/** Names that are properties of every object: left to fast-xml-parser, which refuses them. */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * The fast path for the common shape, a record of plain-text children with no attributes,
 * comments, CDATA or entity references (SIMS writes marks so). Anything else returns undefined
 * and goes to fast-xml-parser, so the two paths give the same fields where both apply.
 * Parsing a million marks with fast-xml-parser alone costs about 65 us each; this, about 2 us.
 */
export const flatFields = (text: string, name: string): { readonly ok: true; readonly fields: Fields } | undefined => {
  const open = `<${name}>`;
  if (!text.startsWith(open)) return undefined;
  const close = text.lastIndexOf('</');
  if (close < open.length || !text.startsWith(name, close + 2) || !/^\s*>$/.test(text.slice(close + 2 + name.length))) return undefined;
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  let i = open.length;
  CHILD.lastIndex = i;
  for (let m = CHILD.exec(text); m !== null && m.index === i && CHILD.lastIndex <= close; m = CHILD.exec(text)) {
    const child = m[1] as string;
    if (RESERVED.has(child)) return undefined;
    const key = decodeName(child);
    if (!seen.has(key)) {
      seen.add(key);
      entries.push([key, (m[2] ?? '').trim()]);
    }
    i = CHILD.lastIndex;
  }
  if (text.slice(i, close).trim() !== '') return undefined;
  return { ok: true, fields: Object.fromEntries(entries) };
};

/** Parses a record with fast-xml-parser (validated first); the general path. */
export const parseWithParser = (text: string, name: string): { readonly ok: true; readonly fields: Fields } | { readonly ok: false; readonly message: string } => {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, message: `not well-formed: ${valid.err.msg}` };
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (e) {
    return { ok: false, message: `not readable: ${e instanceof Error ? e.message : String(e)}` };
  }
  const body = typeof doc === 'object' && doc !== null && Object.hasOwn(doc, name) ? (doc as Record<string, unknown>)[name] : undefined;
  const entries: [string, string][] = [];
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body)) {
      const first = Array.isArray(v) ? (v as unknown[])[0] : v;
      if (typeof first === 'string') entries.push([decodeName(k), decodeText(first).trim()]);
    }
  }
  return { ok: true, fields: Object.fromEntries(entries) };
};

/** The caption as a lookup key: lower case, letters and digits only (`Date of Birth` is `dateofbirth`). */
export const keyOf = (caption: string): string => caption.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The first non-empty field among caption variants (compared by {@link keyOf}).
 * @example fieldOf({ 'Legal Surname': 'Smith' }, ['legalsurname', 'surname']) // 'Smith'
 */
export const fieldOf = (fields: Fields, keys: readonly string[]): string | undefined => {
  for (const k of keys) {
    for (const [name, value] of Object.entries(fields)) if (keyOf(name) === k && value !== '') return value;
  }
  return undefined;
};

/** The display code of a mark's fields (INFERRED variants `Mark`, `Code` besides `AttendanceMark`). */
export const displayOf = (f: Fields): string => (f['AttendanceMark'] ?? f['Mark'] ?? f['Code'] ?? '').trim();
/** The PersonID of a mark's fields. */
export const personIdOf = (f: Fields): string | undefined => f['PersonID'] ?? f['Person_ID'];

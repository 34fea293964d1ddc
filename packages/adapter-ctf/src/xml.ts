/**
 * Reading CTF XML safely. DTDs are refused outright (any `<!DOCTYPE` means the file is not read),
 * and the parser runs with entity processing off, so neither external entities (XXE) nor nested
 * entity expansion ("billion laughs") can happen. The five predefined XML entities and character
 * references are decoded by hand in the text values we use, which expands nothing.
 *
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlText, SAFE_XML_PARSER_OPTIONS } from '@attendance-kit/adapter-kit';

/** A parsed element: text, an element object, or a list of either. */
export type XmlValue = string | { readonly [name: string]: XmlValue } | readonly XmlValue[];

const parser = new XMLParser(SAFE_XML_PARSER_OPTIONS);

/** The outcome of parsing a file's text. */
export type ParsedXml =
  | { readonly ok: true; readonly value: Readonly<Record<string, XmlValue>> }
  | { readonly ok: false; readonly code: 'ctf/doctype' | 'ctf/bad-xml'; readonly message: string; readonly line?: number };

/**
 * Parses XML text with DTDs refused and entities off.
 * @example parseXml('<a><b>1</b></a>') // { ok: true, value: { a: { b: '1' } } }
 */
export const parseXml = (text: string): ParsedXml => {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype !== null) {
    const line = text.slice(0, doctype.index).split('\n').length;
    return { ok: false, code: 'ctf/doctype', message: 'the file declares a DOCTYPE; DTDs and entities are refused for safety (no XXE, no entity expansion)', line };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, code: 'ctf/bad-xml', message: `not well-formed XML: ${valid.err.msg}`, line: valid.err.line };
  try {
    return { ok: true, value: parser.parse(text) as Record<string, XmlValue> };
  } catch (e) {
    return { ok: false, code: 'ctf/bad-xml', message: `not readable XML: ${e instanceof Error ? e.message : String(e)}` };
  }
};

/** Decodes the predefined entities and character references of a text value (adapter-kit). */
export const decodeText = decodeXmlText;

/** A value as a list: absent is empty, one element is a list of one. */
export const asList = (v: XmlValue | undefined): readonly XmlValue[] => (v === undefined ? [] : Array.isArray(v) ? (v as readonly XmlValue[]) : [v as XmlValue]);

/** The child element `name` of `v` (the first when repeated), if `v` is an element. */
export const child = (v: XmlValue | undefined, name: string): XmlValue | undefined => {
  if (v === undefined || typeof v === 'string' || Array.isArray(v)) return undefined;
  const c = Object.hasOwn(v, name) ? (v as Record<string, XmlValue>)[name] : undefined;
  return Array.isArray(c) ? (c as readonly XmlValue[])[0] : c;
};

/** Every child element `name` of `v` (repeated elements as a list). */
export const children = (v: XmlValue | undefined, name: string): readonly XmlValue[] => {
  if (v === undefined || typeof v === 'string' || Array.isArray(v)) return [];
  return Object.hasOwn(v, name) ? asList((v as Record<string, XmlValue>)[name]) : [];
};

/** The text of child `name` (trimmed, entities decoded), or undefined when absent or empty. */
export const text = (v: XmlValue | undefined, name: string): string | undefined => {
  const c = child(v, name);
  if (typeof c !== 'string') return undefined;
  const s = decodeText(c).trim();
  return s === '' ? undefined : s;
};

/** The first of several child names that has text. */
export const textOf = (v: XmlValue | undefined, names: readonly string[]): string | undefined => {
  for (const n of names) {
    const t = text(v, n);
    if (t !== undefined) return t;
  }
  return undefined;
};

/**
 * A streaming splitter for XML exports made of repeated record elements (a CTF's
 * `CTfile/CTFpupilData/Pupil`, SIMS's `SessionAttendances/SessionAttendance`, a Report Designer
 * `SuperStarReport/Record`): push byte chunks, get back each complete record element's bytes and
 * text as soon as its end tag arrives, so each can be parsed alone (fast-xml-parser with
 * `processEntities: false`) and a 1 GB export is never held whole. Memory is bounded by the
 * largest record (capped, 16 MiB by default) plus a few small buffers. Pure: no I/O.
 *
 * What it checks while splitting (enough to find records safely, not a validating parser):
 * - DTDs refused outright: `<!DOCTYPE`, `<!ENTITY` (and the other DTD declarations) anywhere is a
 *   fatal `doctype` error, so no external entity (XXE) and no entity expansion (billion laughs);
 * - tags balanced (an end tag must close the element open), one root element, no text before it;
 * - comments, CDATA sections and processing instructions are skipped whole (a `<` or `>` inside
 *   them, or inside a quoted attribute value, does not count as markup); self-closing elements;
 * - a UTF-8 byte-order mark is skipped however the first chunks are split; UTF-16 (by its BOM) is
 *   transcoded to UTF-8 as it streams; the declared encoding (`<?xml ... encoding="ISO-8859-1"?>`)
 *   says how record bytes are decoded: UTF-8 (falling back to Latin-1, flagged `notUtf8`, when the
 *   bytes are not UTF-8) or Latin-1/Windows-1252;
 * - the end of input inside the document is a fatal `truncated` error, after every record that
 *   was complete before the cut.
 *
 * The parts: `xml-encoding.ts` (byte-order mark, UTF-16, declared encoding, record decoding),
 * `xml-scanner.ts` (the byte state machine that finds tags and cuts out records) and
 * `xml-record-paths.ts` (which elements are records). This module is the public face.
 *
 * @module
 */

import { createXmlInputDecoder, type XmlEncoding } from './xml-encoding.js';
import { createXmlScanner } from './xml-scanner.js';

export type { XmlEncoding } from './xml-encoding.js';
export { recordPaths } from './xml-record-paths.js';

/** Where and what a record is. */
export interface XmlRecord {
  readonly kind: 'record';
  /** The record element's name, e.g. `Pupil`. */
  readonly name: string;
  /** Its path from the root, e.g. `CTfile/CTFpupilData/Pupil`. */
  readonly path: string;
  /** 1-based count of records handed back so far (over every record path). */
  readonly index: number;
  /** 1-based line of its start tag. */
  readonly line: number;
  /** Its bytes (as UTF-8 when the input was UTF-16), from `<` of the start tag to `>` of the end tag. */
  readonly bytes: Uint8Array;
  /** Its text, decoded with the document's encoding. */
  readonly text: string;
  /** The bytes were declared or assumed UTF-8 but are not; decoded as Latin-1 instead. */
  readonly notUtf8: boolean;
}

/** Why splitting failed or a record was dropped. */
export type XmlErrorCode = 'doctype' | 'malformed' | 'not-xml' | 'truncated' | 'too-large';

/** What the splitter found, in document order. */
export type XmlRecordEvent =
  /** The root element's start tag (once), with the encoding used to decode records. */
  | { readonly kind: 'root'; readonly name: string; readonly line: number; readonly encoding: XmlEncoding; readonly declaredEncoding?: string }
  | XmlRecord
  /**
   * A fatal error stops the splitter (later pushes give nothing); `too-large` is not fatal: that
   * one record is skipped and splitting goes on.
   */
  | { readonly kind: 'error'; readonly code: XmlErrorCode; readonly message: string; readonly line: number; readonly fatal: boolean }
  /** The document ended well: its root element closed. */
  | { readonly kind: 'end'; readonly records: number; readonly line: number };

/** A splitter: feed chunks with `push`, then call `end`. */
export interface XmlRecordSplitter {
  push(chunk: Uint8Array): XmlRecordEvent[];
  end(): XmlRecordEvent[];
}

/** Options of {@link createXmlRecordSplitter}. */
export interface XmlRecordOptions {
  /**
   * Which elements are records: given the path of an element from the root (names as written),
   * whether to hand it back whole. Not asked inside a record (records do not nest). See
   * {@link recordPaths} for the common form.
   */
  readonly isRecord: (path: readonly string[]) => boolean;
  /** Largest record in bytes; a larger one is skipped with a `too-large` error. Default 16 MiB. */
  readonly maxRecordBytes?: number;
}

/** Default cap on one record's size: a runaway element cannot exhaust memory. */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * A new splitter for one document.
 * @example
 * const s = createXmlRecordSplitter({ isRecord: recordPaths(['Pupil']) });
 * [...s.push(new TextEncoder().encode('<CTfile><Pupil><UPN>A1</UPN></Pupil></CTfile>')), ...s.end()].map((e) => e.kind)
 * // ['root', 'record', 'end']
 */
export const createXmlRecordSplitter = (options: XmlRecordOptions): XmlRecordSplitter => {
  const input = createXmlInputDecoder();
  const scanner = createXmlScanner(options.isRecord, options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES);

  const push = (chunk: Uint8Array): XmlRecordEvent[] => {
    const out: XmlRecordEvent[] = [];
    if (scanner.dead) return out;
    const bytes = input.push(chunk);
    // Set before the first bytes are scanned: the root event carries the encoding.
    if (input.utf16) scanner.useUtf16();
    scanner.feed(bytes, out);
    return out;
  };

  const end = (): XmlRecordEvent[] => {
    const out: XmlRecordEvent[] = [];
    if (scanner.dead) return out;
    scanner.feed(input.end(), out);
    scanner.finish(out);
    return out;
  };

  return { push, end };
};

/**
 * Splits a whole document at once (for tests and small files): the events of pushing `chunks` in
 * order and ending.
 * @example splitXmlRecords(new TextEncoder().encode('<a><r/><r/></a>'), { isRecord: recordPaths(['r']) }).filter((e) => e.kind === 'record').length // 2
 */
export const splitXmlRecords = (bytes: Uint8Array | readonly Uint8Array[], options: XmlRecordOptions): XmlRecordEvent[] => {
  const s = createXmlRecordSplitter(options);
  const chunks = bytes instanceof Uint8Array ? [bytes] : bytes;
  return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
};

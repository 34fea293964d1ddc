/**
 * The encodings of the XML record splitter: the byte-order mark settled however the first chunks
 * are split (a UTF-8 BOM skipped, UTF-16 transcoded to UTF-8 as it streams, so the scanner only
 * ever sees ASCII-compatible bytes), the declared encoding's name mapped to how record bytes are
 * decoded, and the decoding of one record's bytes. Pure: no I/O.
 *
 * @module
 */

/** How record bytes are decoded. */
export type XmlEncoding = 'utf-8' | 'latin1' | 'utf-16';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

/**
 * Our decoding for a declared encoding name (`<?xml ... encoding="ISO-8859-1"?>`): the Latin-1
 * family (and ASCII, its subset) as Latin-1, anything else (or nothing) as UTF-8.
 * @example xmlEncodingOf('ISO-8859-1') // 'latin1'
 */
export const xmlEncodingOf = (declared: string | undefined): XmlEncoding => {
  const d = (declared ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return /^(iso88591|latin1|l1|windows1252|cp1252|iso885915|usascii|ascii)$/.test(d) ? 'latin1' : 'utf-8';
};

/**
 * A record's text from its bytes (UTF-8 already when the input was UTF-16): Latin-1 when so
 * declared; otherwise UTF-8, falling back to Latin-1 (flagged `notUtf8`) when the bytes are not UTF-8.
 * @example decodeXmlRecordBytes(new Uint8Array([0x3c, 0xe9, 0x3e]), 'utf-8') // { text: '<é>', notUtf8: true }
 */
export const decodeXmlRecordBytes = (bytes: Uint8Array, encoding: XmlEncoding): { text: string; notUtf8: boolean } => {
  if (encoding === 'latin1') return { text: latin1.decode(bytes), notUtf8: false };
  try {
    return { text: utf8.decode(bytes), notUtf8: false };
  } catch {
    return { text: latin1.decode(bytes), notUtf8: true };
  }
};

/** The input side of a splitter: raw chunks in, bytes to scan out. See {@link createXmlInputDecoder}. */
export interface XmlInputDecoder {
  /** The bytes to scan for `chunk` (empty while the first bytes may still be a byte-order mark). */
  push(chunk: Uint8Array): Uint8Array;
  /** The bytes still held at the end of input: a short head that was never settled, or UTF-16's last character. */
  end(): Uint8Array;
  /** Whether a UTF-16 byte-order mark was found (the input is transcoded to UTF-8). */
  readonly utf16: boolean;
}

/**
 * A new input decoder for one document: settles the byte-order mark once two bytes (or three for
 * UTF-8) are known, then passes UTF-8/Latin-1 bytes through and transcodes UTF-16 to UTF-8.
 * @example
 * const d = createXmlInputDecoder();
 * [d.push(new Uint8Array([0xef, 0xbb])).length, d.push(new Uint8Array([0xbf, 0x3c])).length] // [0, 1]
 */
export const createXmlInputDecoder = (): XmlInputDecoder => {
  let head: Uint8Array | undefined = new Uint8Array(0); // first bytes, until the BOM question is settled
  let utf16: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  const encoder = new TextEncoder();
  const none = new Uint8Array(0);

  const push = (chunk: Uint8Array): Uint8Array => {
    if (head === undefined) return utf16 === undefined ? chunk : encoder.encode(utf16.decode(chunk, { stream: true }));
    const h: Uint8Array = new Uint8Array(head.length + chunk.length);
    h.set(head);
    h.set(chunk, head.length);
    const utf8Bom = h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf;
    const mayBeBom = (h.length < 3 && h[0] === 0xef && (h.length < 2 || h[1] === 0xbb)) || (h.length < 2 && (h[0] === 0xff || h[0] === 0xfe));
    if (h.length === 0 || mayBeBom) {
      head = h;
      return none;
    }
    head = undefined;
    if ((h[0] === 0xff && h[1] === 0xfe) || (h[0] === 0xfe && h[1] === 0xff)) {
      utf16 = new TextDecoder(h[0] === 0xff ? 'utf-16le' : 'utf-16be');
      return encoder.encode(utf16.decode(h.subarray(2), { stream: true }));
    }
    return utf8Bom ? h.subarray(3) : h;
  };

  const end = (): Uint8Array => {
    if (head !== undefined) {
      // Too short to be settled: a cut-short BOM is scanned as it is (and found not to be XML).
      const h = head;
      head = undefined;
      return h;
    }
    return utf16 === undefined ? none : encoder.encode(utf16.decode());
  };

  return {
    push,
    end,
    get utf16() {
      return utf16 !== undefined;
    },
  };
};

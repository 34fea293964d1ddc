/**
 * Text from an export's bytes, for adapters that must read a file whole (XML, JSON pages).
 *
 * @module
 */

/**
 * Decodes bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else Latin-1, flagged as `notUtf8` so the
 * adapter can raise its own "wrong encoding" issue rather than fail (MIS exports are not always UTF-8).
 * @example decodeBytes(new Uint8Array([0xe9])) // { text: 'é', notUtf8: true }
 */
export const decodeBytes = (bytes: Uint8Array): { readonly text: string; readonly notUtf8: boolean } => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notUtf8: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notUtf8: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), notUtf8: false };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), notUtf8: true };
  }
};

import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.js';

describe('decodeBytes', () => {
  it('reads UTF-8 (dropping a BOM), UTF-16 with a BOM, and falls back to flagged Latin-1', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', notUtf8: false });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ text: 'A', notUtf8: false });
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toEqual({ text: 'A', notUtf8: false });
    expect(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: 'café', notUtf8: true });
  });
});

/**
 * Hostile inputs for the "never throws" law: generated text (any string, JSON with keys such as
 * `__proto__`, CSV-like lines, XML-like trees) and mutations of the adapter's own fixtures
 * (truncation, byte flips, dropped lines), each as the bytes of one file.
 *
 * @module
 */
import fc from 'fast-check';

/** One generated input file: a name (its extension hints the format) and its bytes. */
export interface GeneratedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const names = fc.constantFrom('a', 'b', 'Pupil', 'CTfile', 'data', '__proto__', 'constructor', 'UPN', 'YearData', 'code', 'date');
const xmlTree: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 12 }),
    fc.tuple(names, fc.array(tie('node'), { maxLength: 4 })).map(([n, kids]) => `<${n}>${(kids as string[]).join('')}</${n}>`),
  ),
})).node as fc.Arbitrary<string>;

/** Generated text files: any string, JSON, CSV-like and XML-like content. */
export const generatedFiles = (): fc.Arbitrary<GeneratedFile> =>
  fc.oneof(
    fc.string({ maxLength: 200, unit: 'binary' }).map((s) => ({ name: 'input.txt', bytes: utf8(s) })),
    fc.json({ maxDepth: 3 }).map((s) => ({ name: 'input.json', bytes: utf8(s) })),
    fc
      .array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }), { maxLength: 8 })
      .map((rows) => ({ name: 'input.csv', bytes: utf8(rows.map((r) => r.join(',')).join('\n')) })),
    xmlTree.map((x) => ({ name: 'input.xml', bytes: utf8(`<?xml version="1.0"?>${x}`) })),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ name: 'input.bin', bytes })),
  );

/** A mutation of a file's bytes. */
export type Mutation =
  | { readonly _tag: 'truncate'; readonly at: number }
  | { readonly _tag: 'flip'; readonly at: number; readonly xor: number }
  | { readonly _tag: 'drop-line'; readonly line: number }
  | { readonly _tag: 'duplicate-line'; readonly line: number };

/** Mutations; positions are fractions of the file (0 to 1) so they suit any file size. */
export const mutations = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ _tag: 'truncate' as const, at })),
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => ({ _tag: 'flip' as const, at, xor })),
    fc.double({ min: 0, max: 1, noNaN: true }).map((line) => ({ _tag: 'drop-line' as const, line })),
    fc.double({ min: 0, max: 1, noNaN: true }).map((line) => ({ _tag: 'duplicate-line' as const, line })),
  );

/**
 * Applies a mutation to bytes (never changing the input array).
 * @example mutate(new Uint8Array([1, 2, 3]), { _tag: 'truncate', at: 0.5 }) // Uint8Array [1]
 */
export const mutate = (bytes: Uint8Array, m: Mutation): Uint8Array => {
  const pos = (f: number, n: number): number => Math.min(n - 1, Math.max(0, Math.floor(f * n)));
  switch (m._tag) {
    case 'truncate':
      return bytes.slice(0, Math.floor(m.at * bytes.length));
    case 'flip': {
      if (bytes.length === 0) return bytes.slice();
      const out = bytes.slice();
      const i = pos(m.at, out.length);
      out[i] = (out[i] as number) ^ m.xor;
      return out;
    }
    case 'drop-line':
    case 'duplicate-line': {
      const lines = new TextDecoder().decode(bytes).split('\n');
      const i = pos(m.line, lines.length);
      if (m._tag === 'drop-line') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] ?? '');
      return utf8(lines.join('\n'));
    }
  }
};

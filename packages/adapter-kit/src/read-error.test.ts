import { describe, expect, test } from 'vitest';
import { isSourceReadError, SourceReadError, toSourceReadError } from './read-error.js';

describe('SourceReadError', () => {
  test('turns a system error into a message naming the path and a plain reason', () => {
    const e = toSourceReadError('/data/x', Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }));
    expect(e.message).toBe('cannot read /data/x: no such file or directory');
    expect(e.errno).toBe('ENOENT');
    expect(isSourceReadError(e)).toBe(true);
  });

  test('keeps an unknown error message as the reason', () => {
    expect(toSourceReadError('p', new Error('disk on fire')).reason).toBe('disk on fire');
  });

  test('is recognised by its tag across copies of the package', () => {
    expect(isSourceReadError({ _tag: 'SourceReadError' })).toBe(true);
    expect(isSourceReadError(new Error('x'))).toBe(false);
    expect(new SourceReadError('p', 'r') instanceof Error).toBe(true);
  });
});

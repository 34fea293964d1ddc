import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { arborAdapter, arborBiAdapter } from '../src/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGES = join(HERE, '..', '..');

const inputs = (dir: string): string[] => {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return inputs(p);
    return /^(expected|golden)/.test(n) || n.endsWith('.gz') ? [] : [p];
  });
};
const head = (p: string): string => readFileSync(p).subarray(0, 4096).toString('utf8');

describe('detect', () => {
  it('recognises the accepted REST fixtures as arbor and not as arbor-bi', () => {
    const files = inputs(join(HERE, 'fixtures', 'rest', 'accepted'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      expect([relative(HERE, f), arborAdapter.detect?.(head(f))]).toEqual([relative(HERE, f), true]);
      expect(arborBiAdapter.detect?.(head(f))).toBe(false);
    }
  });
  it('recognises the accepted BI fixtures as arbor-bi and not as arbor', () => {
    const files = inputs(join(HERE, 'fixtures', 'bi', 'accepted'));
    expect(files.length).toBe(3);
    for (const f of files) {
      expect([relative(HERE, f), arborBiAdapter.detect?.(head(f))]).toEqual([relative(HERE, f), true]);
      expect(arborAdapter.detect?.(head(f))).toBe(false);
    }
  });
  it("recognises no other adapter's fixture (CTF XML, Bromcom pages, canonical CSV, Wonde, SIMS) as either Arbor format", () => {
    const others = readdirSync(PACKAGES)
      .filter((p) => p.startsWith('adapter-') && p !== 'adapter-arbor')
      .flatMap((p) => inputs(join(PACKAGES, p, 'test', 'fixtures')));
    expect(others.length).toBeGreaterThan(10);
    const claimed = others.filter((f) => arborAdapter.detect?.(head(f)) === true || arborBiAdapter.detect?.(head(f)) === true).map((f) => relative(PACKAGES, f));
    expect(claimed).toEqual([]);
  });
  it('takes a list named after its resource, a bare array of entities and a changelog page, but not a Wonde page', () => {
    const detect = (s: string): boolean | undefined => arborAdapter.detect?.(s);
    expect(detect('{"attendanceRollCallRecords":[')).toBe(true);
    expect(detect('\uFEFF [ {"entityType":"AttendanceRegisterType","isMorning":true}')).toBe(true);
    expect(detect('{"changes":[{"changeType":"UPDATE","changedObject":{"entityType":"Student"')).toBe(true);
    expect(detect('{"data":[{"id":"A1","code":"/"}],"meta":{"pagination":{}}}')).toBe(false);
    expect(detect('{"success":true,"data":[{"studentId":1}]}')).toBe(false);
  });
});

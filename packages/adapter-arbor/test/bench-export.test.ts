import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { arborAdapter, arborBiAdapter } from '../src/index.js';
import { benchOptions, writeBenchExport, writeBiBenchExport } from './bench-export.js';

const files = (dir: string): string[] => readdirSync(dir).sort().map((n) => join(dir, n));

describe('bench exports', () => {
  it('the REST export holds exactly the marks it reports, all accepted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbor-bench-'));
    const n = await writeBenchExport(dir, 2_345);
    expect(n).toBe(2_345);
    const r = resolveRun(await runAdapter(arborAdapter, files(dir), benchOptions));
    expect(r.marks).toHaveLength(n);
    expect([...r.issues.values()].flat()).toEqual([]);
  });
  it('the BI export holds exactly the marks it reports, all accepted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbor-bi-bench-'));
    const n = await writeBiBenchExport(dir, 1_234);
    expect(n).toBe(1_234);
    const r = resolveRun(await runAdapter(arborBiAdapter, files(dir), {}));
    expect(r.marks).toHaveLength(n);
    expect([...r.issues.values()].flat()).toEqual([]);
  });
});

/**
 * The per-adapter section of `npm run bench`: every package with a
 * `packages/adapter-<x>/test/bench-export.ts` that exports `writeBenchExport(dir, marks)` (a
 * promise of the marks written) gets about `marks` marks written to a temporary folder, then read
 * and normalized in a fresh process (adapter-child.ts) for its marks/s and peak RSS. A new adapter
 * joins by adding that file; nothing here names one. Timings are reported, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { log } from './stats.js';

/** One adapter's figures, as the bench JSON gives them. */
export interface AdapterBench {
  readonly package: string;
  readonly adapter: string;
  readonly marks_written: number;
  readonly files: number;
  readonly bytes: number;
  /** Marks that `normalize` accepted (canonical: marks in the store). */
  readonly marks: number;
  /** Source items read (marks, pupils, schools...; the adapter's own accounting). */
  readonly records_read: number;
  readonly records_rejected: number;
  readonly read_normalize_ms: number;
  readonly marks_per_s: number;
  readonly max_rss_bytes: number;
  readonly baseline_rss_bytes: number;
  readonly bytes_per_mark_above_baseline: number;
  readonly write_export_ms: number;
}

/** Package folders that have a bench export, sorted by name. */
export const benchAdapters = (root: string): string[] =>
  readdirSync(join(root, 'packages'))
    .filter((d) => d.startsWith('adapter-') && existsSync(join(root, 'packages', d, 'test', 'bench-export.ts')))
    .sort()
    .map((d) => join(root, 'packages', d));

interface ChildResult {
  readonly package: string;
  readonly adapter: string;
  readonly files: number;
  readonly bytes: number;
  readonly ms: number;
  readonly marks: number;
  readonly records: number;
  readonly rejected: number;
  readonly maxRssBytes: number;
  readonly baselineRssBytes: number;
}

/**
 * Runs the section: for each adapter, write the export, measure in a child, delete the export.
 * An adapter whose export or read fails is logged and left out, so one broken adapter does not
 * cost the rest of the run.
 */
export const benchEachAdapter = async (root: string, marks: number): Promise<AdapterBench[]> => {
  const out: AdapterBench[] = [];
  for (const dir of benchAdapters(root)) {
    const tmp = await mkdtemp(join(tmpdir(), 'attendance-bench-'));
    try {
      const t0 = performance.now();
      const mod = (await import(pathToFileURL(join(dir, 'test', 'bench-export.ts')).href)) as { writeBenchExport?: (dir: string, marks: number) => Promise<number> };
      if (typeof mod.writeBenchExport !== 'function') {
        log(`${dir}: test/bench-export.ts has no writeBenchExport; skipped`);
        continue;
      }
      const written = await mod.writeBenchExport(tmp, marks);
      const writeMs = performance.now() - t0;
      const text = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'bench', 'adapter-child.ts'), dir, tmp], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      });
      const c = JSON.parse(text.toString('utf8').trim().split('\n').pop() ?? '{}') as ChildResult;
      log(`adapter ${c.adapter}: ${c.marks} marks in ${(c.ms / 1000).toFixed(1)} s (${Math.round(c.marks / (c.ms / 1000))} marks/s), peak RSS ${(c.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
      out.push({
        package: c.package,
        adapter: c.adapter,
        marks_written: written,
        files: c.files,
        bytes: c.bytes,
        marks: c.marks,
        records_read: c.records,
        records_rejected: c.rejected,
        read_normalize_ms: Math.round(c.ms),
        marks_per_s: Math.round(c.marks / (c.ms / 1000)),
        max_rss_bytes: c.maxRssBytes,
        baseline_rss_bytes: c.baselineRssBytes,
        bytes_per_mark_above_baseline: c.marks === 0 ? 0 : Math.round(((c.maxRssBytes - c.baselineRssBytes) / c.marks) * 10) / 10,
        write_export_ms: Math.round(writeMs),
      });
    } catch (e) {
      log(`${dir}: failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); left out`);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  return out;
};

if (process.argv[1]?.endsWith('adapters.ts')) {
  const root = join(import.meta.dirname, '..');
  const marks = Number(process.argv[2] ?? 1_000_000);
  process.stdout.write(`${JSON.stringify(await benchEachAdapter(root, marks), null, 2)}\n`);
}

/**
 * Measures marks/s and peak RSS of `read` + `normalize` for README.md (not a test).
 * Usage: npx tsx --conditions=source packages/adapter-arbor/test/measure.ts rest|bi MARKS
 * Writes the export first in a child-free way, then reads it as `attendance import` does (each file
 * on its own, every raw record normalized as it comes) and prints one JSON line.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arborAdapter, arborBiAdapter } from '../src/index.js';
import { benchOptions, writeBenchExport, writeBiBenchExport } from './bench-export.js';

const [kind = 'rest', count = '1000000'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'arbor-measure-'));
const written = kind === 'bi' ? await writeBiBenchExport(dir, Number(count)) : await writeBenchExport(dir, Number(count));
const files = readdirSync(dir).sort().map((n) => join(dir, n));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const adapter = kind === 'bi' ? arborBiAdapter : arborAdapter;
const options = kind === 'bi' ? {} : benchOptions;
const before = process.memoryUsage().rss;
const t0 = performance.now();
let marks = 0;
let rejected = 0;
for (const file of files) {
  for await (const raw of adapter.read([file], { options })) {
    const n = adapter.normalize(raw as never, options);
    for (const r of n.records) if (r._tag === 'mark') marks++;
    rejected += n.rejected;
  }
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ kind, written, marks, rejected, files: files.length, mb: Math.round(bytes / 1e6), seconds: Number(seconds.toFixed(1)), marksPerSecond: Math.round(marks / seconds), rssBeforeMb: Math.round(before / 1e6), peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6) }));
rmSync(dir, { recursive: true, force: true });

/**
 * Reads one adapter's bench export in a fresh process and prints one JSON line: marks, time and
 * peak RSS of `read` + `normalize` (for the canonical format, `readCanonicalDataset`, which is its
 * read and normalize in one). Run by adapters.ts, so that writing the export and the parent's own
 * memory never count towards the adapter's peak.
 *
 * Usage: node --conditions=source --import tsx bench/adapter-child.ts PACKAGE_DIR DATA_DIR
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCanonicalDataset } from '@attendance-kit/adapter-canonical';
import type { AdapterOptions, AnyAdapter } from '@attendance-kit/adapter-kit';
import { peakRssBytes } from './peak-rss.js';

const [packageDir, dataDir] = process.argv.slice(2);
if (packageDir === undefined || dataDir === undefined) throw new Error('usage: adapter-child.ts PACKAGE_DIR DATA_DIR');

/** What a bench export module may say besides `writeBenchExport`. */
interface BenchModule {
  /** Options the adapter needs (e.g. --school-urn for sources that do not carry it). */
  readonly benchOptions?: AdapterOptions;
  /** Which of the package's adapters reads the export, when it has several. */
  readonly benchAdapterId?: string;
}

const DEFAULT_OPTIONS: AdapterOptions = { schoolUrn: '100101', laCode: '926', phase: 'secondary' };

const filesUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));

const isAdapter = (v: unknown): v is AnyAdapter =>
  typeof v === 'object' && v !== null && typeof (v as AnyAdapter).id === 'string' && typeof (v as AnyAdapter).read === 'function' && typeof (v as AnyAdapter).normalize === 'function';

const baselineRss = process.memoryUsage().rss;
const name = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string }).name;
const files = filesUnder(dataDir);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
let adapterId = 'canonical';
let marks = 0;
let records = 0;
let rejected = 0;
let issues = 0;
const t0 = performance.now();
if (name === '@attendance-kit/adapter-canonical') {
  const r = await readCanonicalDataset(dataDir);
  marks = r.marks.accepted;
  records = r.report.files.reduce((n, f) => n + f.counts.read, 0);
  rejected = r.report.files.reduce((n, f) => n + f.counts.rejected, 0);
  issues = r.report.totals.issuesTotal;
} else {
  const bench = (await import(pathToFileURL(join(packageDir, 'test', 'bench-export.ts')).href)) as BenchModule;
  const adapters = Object.values((await import(name)) as Record<string, unknown>).filter(isAdapter);
  const head = files[0] === undefined ? '' : readFileSync(files[0]).subarray(0, 4096).toString('utf8');
  const adapter =
    adapters.find((a) => a.id === bench.benchAdapterId) ?? adapters.find((a) => a.detect?.(head) === true) ?? adapters[0];
  if (adapter === undefined) throw new Error(`${name} exports no adapter`);
  adapterId = adapter.id;
  const options = bench.benchOptions ?? DEFAULT_OPTIONS;
  // As `attendance import` reads: each file on its own, every raw record normalized as it comes.
  for (const file of files) {
    for await (const raw of adapter.read([file], { options })) {
      const n = adapter.normalize(raw, options);
      for (const r of n.records) if (r._tag === 'mark') marks++;
      records += n.read;
      rejected += n.rejected;
      issues += n.issues.length;
    }
  }
}
const ms = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ package: name, adapter: adapterId, files: files.length, bytes, ms, marks, records, rejected, issues, maxRssBytes: peakRssBytes(), baselineRssBytes: baselineRss })}\n`,
);

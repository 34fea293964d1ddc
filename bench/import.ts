/**
 * Measures `attendance import` (docs/performance.md, "import"): a large school's CTF (about
 * 700,000 marks in 1.5 MB) into a new dataset and again into that dataset, the CTF adapter's
 * read + normalize alone (the part the import does not control), and a canonical dataset of about
 * 5 million marks merged with itself. Each run is a fresh process (import-child.ts) for its peak
 * RSS. Prints one JSON object; progress on stderr. Nothing is asserted.
 *
 * Usage: npx tsx --conditions=source bench/import.ts [PUPILS_FOR_5M=13000]
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCanonicalSample } from './canonical-sample.js';
import { writeCtf } from './ctf-sample.js';
import { log } from './stats.js';

const ROOT = join(import.meta.dirname, '..');

interface Run {
  readonly code: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssBytes: number;
  readonly stdout: string;
}

const inChild = (args: readonly string[]): Run => {
  const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', join(ROOT, 'bench', 'import-child.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.toString('utf8').trim().split('\n').pop() ?? '{}') as Run;
  log(`${args.slice(0, 3).join(' ')}...: ${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${(r.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
  return r;
};

const figures = (r: Run) => ({ wall_ms: r.ms, cpu_ms: r.cpuMs, max_rss_bytes: r.maxRssBytes, exit: r.code, output: r.stdout });

const main = async (): Promise<void> => {
  const load0 = loadavg()[0] ?? 0;
  const tmp = await mkdtemp(join(tmpdir(), 'attendance-import-bench-'));
  try {
    const ctf = join(tmp, 'school.xml');
    const ctfMarks = await writeCtf(ctf, { pupils: 600, years: [2021, 2022, 2023] });
    log(`CTF: ${ctfMarks} marks`);
    const school = ['--school-urn', '100101', '--phase', 'secondary'];
    const ctfAdapter = inChild(['--adapter-only', 'ctf', ctf]);
    const ctfNew = inChild(['import', '--from', 'ctf', ctf, ...school, '--out', join(tmp, 'ctf-ds')]);
    const ctfAgain = inChild(['import', '--from', 'ctf', ctf, ...school, '--out', join(tmp, 'ctf-ds')]);

    const pupils = Number(process.argv[2] ?? 13_000);
    const big = join(tmp, 'big');
    const bigMarks = await writeCanonicalSample(big, pupils);
    log(`canonical: ${bigMarks} marks`);
    await cp(big, join(tmp, 'merged'), { recursive: true });
    const bigAdapter = inChild(['--adapter-only', 'canonical', big]);
    const bigMerge = inChild(['import', '--from', 'canonical', big, '--out', join(tmp, 'merged')]);
    process.stdout.write(
      `${JSON.stringify(
        {
          ctf: { marks: ctfMarks, read_normalize: figures(ctfAdapter), import_new: figures(ctfNew), import_again: figures(ctfAgain) },
          canonical_merged_with_itself: { marks_rows: bigMarks, read: figures(bigAdapter), import: figures(bigMerge) },
          load_average: { start: load0, end: loadavg()[0] ?? 0 },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
};

await main();

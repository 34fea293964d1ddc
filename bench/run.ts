/**
 * `npm run bench`: ingest and aggregation speed and memory on the synthetic `bench` preset (200
 * schools, about 60,000 pupils, 2024/25, over 20 million marks), against DuckDB and the naive
 * reference, on the same data in one run; then each adapter's read + normalize speed (adapters.ts).
 * Prints one JSON object on stdout; progress on stderr. Targets are reported, never asserted.
 * See docs/performance.md.
 *
 * Options: `--only engine` or `--only adapters` runs one section; `--adapter-marks N` sets the
 * size of each adapter's export (default 1,000,000).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { readCanonicalDataset } from '@attendance-kit/adapter-canonical';
import {
  PROFILES,
  academicYearOf,
  summarise,
  summariseGroups,
  tallyEnrolments,
  toDayNumber,
  CODE_TABLE,
  type Dataset,
  type IsoDate,
  type MarkStore,
  type SummariseOptions,
} from '@attendance-kit/core';
import { SYNTHETIC_PRESETS } from '@attendance-kit/core/testing';
import type { RawDataset, RawMark } from '../packages/core/src/testing/datasets.js';
import { naiveSummarise } from '../packages/core/test/naive-reference.js';
import { benchEachAdapter } from './adapters.js';
import { peakRssBytes } from './peak-rss.js';
import { ensureBenchData } from './cache.js';
import { fromSummaryRows, sameTotals, totalSessions } from './compare.js';
import { loadDuckDb } from './duckdb.js';
import { log, mps, timeMedian } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const PRESET = SYNTHETIC_PRESETS.bench;
/** Marks given to the naive reference: whole enrolments up to about this many (it runs near 1 M/s). */
const NAIVE_SAMPLE = 2_000_000;
const REPS = { columnar: 7, naive: 3, duckdb: 5 };
const TARGETS = { columnar_marks_per_s: 60e6, columnar_vs_duckdb: 5, columnar_vs_naive: 20, ingest_marks_per_s: 2e6, bytes_per_mark: 24 };

interface ChildResult {
  readonly ms: number;
  readonly read: number;
  readonly accepted: number;
  readonly held: number;
  readonly maxRssBytes: number;
  readonly baselineRssBytes: number;
  readonly storeBytes: number;
}

/** Ingest in a fresh process, so that only the reader's memory is in its peak RSS. */
const ingestInChild = (dir: string): ChildResult => {
  const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', join(ROOT, 'bench', 'ingest-child.ts'), dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.toString('utf8').trim().split('\n').pop() ?? '{}') as ChildResult;
};

/** The first marks of the store, cut at an enrolment boundary (the store is sorted by enrolment). */
const prefix = (store: MarkStore, about: number): MarkStore => {
  let n = Math.min(about, store.length);
  while (n < store.length && store.enrolment[n] === store.enrolment[n - 1]) n++;
  return {
    length: n,
    enrolment: store.enrolment.subarray(0, n),
    slot: store.slot.subarray(0, n),
    code: store.code.subarray(0, n),
    minutesLate: store.minutesLate.subarray(0, n),
  };
};

/** The same marks as the naive reference takes them: one object per mark. */
const rawOf = (dataset: Dataset, store: MarkStore, academicYear: number): RawDataset => {
  const marks: RawMark[] = [];
  for (let i = 0; i < store.length; i++) {
    const slot = store.slot[i] as number;
    marks.push({
      enrolment: store.enrolment[i] as number,
      day: slot >> 1,
      session: (slot & 1) === 1 ? 'PM' : 'AM',
      code: CODE_TABLE[store.code[i] as number]?.code ?? '?',
      minutesLate: store.minutesLate[i] as number,
      recordedAt: Number.NaN,
    });
  }
  return { schools: dataset.schools, enrolments: dataset.enrolments, marks, academicYear };
};

const argValue = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i < 0 ? undefined : process.argv[i + 1];
};
const ONLY = argValue('--only');
const ADAPTER_MARKS = Number(argValue('--adapter-marks') ?? 1_000_000);
if (ONLY !== undefined && ONLY !== 'engine' && ONLY !== 'adapters') throw new Error('--only takes engine or adapters');

const machine = () => ({ node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memory_bytes: totalmem() });
const round2 = (x: number): number => Math.round(x * 100) / 100;

const main = async (): Promise<void> => {
  const loadBefore = loadavg()[0] ?? 0;
  if (ONLY === 'adapters') {
    log(`each adapter with a bench export, about ${ADAPTER_MARKS} marks...`);
    const adapters = await benchEachAdapter(ROOT, ADAPTER_MARKS);
    process.stdout.write(`${JSON.stringify({ adapters, machine: machine(), load_average: { start: round2(loadBefore), end: round2(loadavg()[0] ?? 0) } }, null, 2)}\n`);
    return;
  }
  const data = await ensureBenchData(ROOT, PRESET);
  log(data.cached ? `using cached data in ${data.dir}` : `generated ${data.marksWritten} marks into ${data.dir} in ${(data.generateMs / 1000).toFixed(1)} s`);

  log('ingest in a child process (peak RSS)...');
  const child = ingestInChild(data.dir);
  log(`child ingest: ${child.read} rows in ${(child.ms / 1000).toFixed(1)} s (${mps(child.read / 1e6, child.ms)} M/s), peak RSS ${(child.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);

  log('ingest in this process (for the aggregations)...');
  const t0 = performance.now();
  const { dataset, marks: counts } = await readCanonicalDataset(data.dir);
  log(`ingest: ${counts.read} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const store = dataset.marks;
  const from = PRESET.from as IsoDate;
  const to = PRESET.to as IsoDate;
  const options: SummariseOptions = { from, to, by: ['school'], profile: PROFILES.all };

  // The engine: summarise by school (profile "all": every enrolment), and its two kernels alone.
  const columnar = await timeMedian(REPS.columnar, () => summarise(dataset, options));
  const groupOf = Int32Array.from(dataset.enrolments, (e) => e.school);
  const kernel = await timeMedian(REPS.columnar, () =>
    summariseGroups(
      tallyEnrolments(store, { enrolments: dataset.enrolments.length, fromSlot: toDayNumber(from) * 2, toSlot: toDayNumber(to) * 2 + 1, covidX: 'dfe' }),
      groupOf,
      dataset.schools.length,
    ),
  );
  const engineTotals = fromSummaryRows(columnar.result.rows);
  log(`columnar: summarise ${columnar.ms.toFixed(0)} ms (${mps(store.length / 1e6, columnar.ms)} M/s), kernels ${kernel.ms.toFixed(0)} ms`);

  // The naive reference, on a prefix of whole enrolments; the engine is checked on the same prefix.
  const sample = prefix(store, NAIVE_SAMPLE);
  const raw = rawOf(dataset, sample, academicYearOf(from));
  const naive = await timeMedian(REPS.naive, () => naiveSummarise(raw, options));
  const engineOnSample = summarise({ ...dataset, marks: sample }, options);
  const naiveAgrees = sameTotals(fromSummaryRows(naive.result.rows), fromSummaryRows(engineOnSample.rows));
  const naiveRate = sample.length / (naive.ms / 1000);
  log(`naive: ${sample.length} marks in ${naive.ms.toFixed(0)} ms (${mps(sample.length / 1e6, naive.ms)} M/s), agrees: ${naiveAgrees}`);

  log('DuckDB: loading marks.csv...');
  const duck = await loadDuckDb(data.dir, 2);
  log(`DuckDB: loaded ${duck.marks} marks in ${(duck.loadMs / 1000).toFixed(1)} s`);
  const duckRun = await timeMedian(REPS.duckdb, duck.query);
  const duckEncoded = await timeMedian(REPS.duckdb, duck.queryEncoded);
  duck.close();
  const duckAgrees = sameTotals(duckRun.result, engineTotals) && sameTotals(duckEncoded.result, engineTotals) && duck.marks === store.length;
  log(`DuckDB: query ${duckRun.ms.toFixed(0)} ms (${mps(store.length / 1e6, duckRun.ms)} M/s), encoded ${duckEncoded.ms.toFixed(0)} ms, agrees: ${duckAgrees} (${totalSessions(duckRun.result)} vs ${totalSessions(engineTotals)} sessions)`);

  let adapters: Awaited<ReturnType<typeof benchEachAdapter>> | undefined;
  if (ONLY === undefined) {
    log(`each adapter with a bench export, about ${ADAPTER_MARKS} marks...`);
    adapters = await benchEachAdapter(ROOT, ADAPTER_MARKS);
  }

  const columnarRate = store.length / (columnar.ms / 1000);
  const duckRate = store.length / (duckRun.ms / 1000);
  const duckEncodedRate = store.length / (duckEncoded.ms / 1000);
  const result = {
    preset: 'bench',
    cached: data.cached,
    schools: dataset.schools.length,
    enrolments: dataset.enrolments.length,
    marks_read: counts.read,
    marks: store.length,
    marks_superseded: counts.superseded,
    marks_rejected: counts.rejected,
    ingest_marks_per_s: Math.round(child.read / (child.ms / 1000)),
    ingest_ms: Math.round(child.ms),
    ingest_max_rss_bytes: child.maxRssBytes,
    bytes_per_mark: Math.round((child.maxRssBytes / child.held) * 10) / 10,
    // Node itself (and tsx) take about 100+ MiB before the first byte is read: shown apart.
    bytes_per_mark_above_baseline: Math.round(((child.maxRssBytes - child.baselineRssBytes) / child.held) * 10) / 10,
    store_bytes_per_mark: Math.round((child.storeBytes / child.held) * 10) / 10,
    ingest_baseline_rss_bytes: child.baselineRssBytes,
    columnar_marks_per_s: Math.round(columnarRate),
    columnar_ms: Math.round(columnar.ms * 10) / 10,
    columnar_kernel_marks_per_s: Math.round(store.length / (kernel.ms / 1000)),
    naive_marks_per_s: Math.round(naiveRate),
    naive_sample_marks: sample.length,
    duckdb_marks_per_s: Math.round(duckRate),
    duckdb_ms: Math.round(duckRun.ms),
    duckdb_load_ms: Math.round(duck.loadMs),
    duckdb_encoded_marks_per_s: Math.round(duckEncodedRate),
    duckdb_encoded_ms: Math.round(duckEncoded.ms),
    duckdb_encode_ms: Math.round(duck.encodeMs),
    duckdb_threads: 2,
    columnar_vs_duckdb: Math.round((columnarRate / duckRate) * 100) / 100,
    columnar_vs_duckdb_encoded: Math.round((columnarRate / duckEncodedRate) * 100) / 100,
    columnar_vs_naive: Math.round((columnarRate / naiveRate) * 10) / 10,
    results_agree: naiveAgrees && duckAgrees,
    results_agree_naive_on_sample: naiveAgrees,
    results_agree_duckdb: duckAgrees,
    repetitions: REPS,
    // Every timed repetition, to judge the noise behind each median.
    runs_ms: {
      columnar: columnar.runs.map(Math.round),
      columnar_kernel: kernel.runs.map(Math.round),
      naive: naive.runs.map(Math.round),
      duckdb: duckRun.runs.map(Math.round),
      duckdb_encoded: duckEncoded.runs.map(Math.round),
    },
    targets: TARGETS,
    // Per adapter: read + normalize of about ADAPTER_MARKS marks in a fresh process (adapters.ts).
    ...(adapters === undefined ? {} : { adapters }),
    machine: machine(),
    // The 1-minute load average at the start and end: other work on the machine slows every figure.
    bench_max_rss_bytes: peakRssBytes(),
    load_average: { start: Math.round(loadBefore * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
};

await main();

/**
 * Reads a canonical dataset folder in a fresh process and prints one JSON line: the time taken,
 * the mark counts and the peak resident set size. Run by run.ts, so that DuckDB's and the naive
 * reference's memory never count towards the reader's peak.
 *
 * Usage: node --conditions=source --import tsx bench/ingest-child.ts DIR
 */
import { readCanonicalDataset } from '@attendance-kit/adapter-canonical';
import { peakRssBytes } from './peak-rss.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: ingest-child.ts DIR');
const baselineRss = process.memoryUsage().rss;
const t0 = performance.now();
let next = 0;
const { dataset, marks } = await readCanonicalDataset(dir, {
  onProgress: (done, total) => {
    if (done / total >= next) {
      process.stderr.write(`bench: ingest ${Math.round((done / total) * 100)}%\n`);
      next += 0.25;
    }
  },
});
const ms = performance.now() - t0;
const s = dataset.marks;
const storeBytes = s.enrolment.byteLength + s.slot.byteLength + s.code.byteLength + s.minutesLate.byteLength;
process.stdout.write(
  `${JSON.stringify({
    ms,
    read: marks.read,
    accepted: marks.accepted,
    superseded: marks.superseded,
    rejected: marks.rejected,
    held: s.length,
    enrolments: dataset.enrolments.length,
    maxRssBytes: peakRssBytes(),
    baselineRssBytes: baselineRss,
    storeBytes,
  })}\n`,
);

/**
 * Runs one `attendance import` in a fresh process and prints one JSON line: wall time, CPU time
 * and peak RSS. Run by import.ts. With `--adapter-only`, times only the adapter's read +
 * normalize of the files (no merge, no write), to tell the adapter's cost from the import's.
 *
 * Usage: node --conditions=source --import tsx bench/import-child.ts [--adapter-only FORMAT] ARGS...
 */
import { readCanonicalDataset } from '@attendance-kit/adapter-canonical';
import { run } from '../packages/cli/src/index.js';
import { IMPORT_ADAPTERS } from '../packages/cli/src/commands/import-sources.js';
import { peakRssBytes } from './peak-rss.js';

const args = process.argv.slice(2);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let code = 0;
let stdout = '';
if (args[0] === '--adapter-only') {
  const [, format, ...paths] = args;
  const options = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;
  let marks = 0;
  for (const p of paths) {
    if (format === 'canonical') marks += (await readCanonicalDataset(p)).marks.accepted;
    else {
      const adapter = IMPORT_ADAPTERS[format ?? ''];
      if (adapter === undefined) throw new Error(`no adapter ${format}`);
      for await (const raw of adapter.read([p], { options })) for (const r of adapter.normalize(raw, options).records) if (r._tag === 'mark') marks++;
    }
  }
  stdout = `${marks} marks`;
} else {
  code = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => process.stderr.write(s), isTTY: false },
    env: {},
  });
}
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({ code, ms: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssBytes: peakRssBytes(), stdout: stdout.trim() })}\n`,
);

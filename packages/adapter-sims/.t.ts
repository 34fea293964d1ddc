import { readFileSync } from 'node:fs';
import { createXmlRecordSplitter } from '@attendance-kit/adapter-kit';
import { isSimsRecord } from './src/read.js';
import { parseFields } from './src/xml.js';
const b = readFileSync('/tmp/simsbench/b/marks-001.xml');
for (let r = 0; r < 3; r++) {
  let t = performance.now(); const c0 = process.cpuUsage();
  const s = createXmlRecordSplitter({ isRecord: isSimsRecord });
  let n = 0; const texts: string[] = [];
  for (let i = 0; i < b.length; i += 65536) for (const e of s.push(b.subarray(i, i + 65536))) if (e.kind === 'record') { n++; if (texts.length < 100000) texts.push(e.text); }
  const split = performance.now() - t; const cpu = process.cpuUsage(c0); console.log("cpu ms", (cpu.user + cpu.system) / 1000, "wall", split);
  t = performance.now();
  for (const x of texts) parseFields(x, 'SessionAttendance');
  console.log('split', n, (b.length / 1e6 / (split / 1000)).toFixed(1), 'MB/s', 'parse us', ((performance.now() - t) / texts.length * 1000).toFixed(2));
}

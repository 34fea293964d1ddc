// usage: tsx --conditions=source .measure.ts write EXPORT_MODULE DIR MARKS [PPF] | read ADAPTER_MODULE DIR
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
const [mode, mod, dir, marksArg, ppf] = process.argv.slice(2) as [string, string, string, string, string?];
if (mode === 'write') {
  const { writeBenchExport } = await import(mod);
  rmSync(dir, { recursive: true, force: true }); mkdirSync(dir, { recursive: true });
  const written = await writeBenchExport(dir, Number(marksArg), ...(ppf === undefined ? [] : [Number(ppf)]));
  const bytes = readdirSync(dir).reduce((a, f) => a + statSync(join(dir, f)).size, 0);
  console.log(JSON.stringify({ written, files: readdirSync(dir).length, MB: +(bytes / 1048576).toFixed(1) }));
} else {
  const m = await import(mod);
  const adapter = Object.values(m).find((v: any) => v && typeof v === 'object' && typeof v.read === 'function' && typeof v.normalize === 'function') as any;
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const opts = { schoolUrn: '100101', phase: 'secondary', laCode: '926' };
  const t0 = performance.now();
  let marks = 0, rejected = 0;
  const codes: Record<string, number> = {};
  for await (const raw of adapter.read(files, { options: opts })) {
    const n = adapter.normalize(raw, opts);
    rejected += n.rejected;
    for (const i of n.issues) codes[i.code] = (codes[i.code] ?? 0) + 1;
    for (const r of n.records) if (r._tag === 'mark') marks++;
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ adapter: adapter.id, marks, rejected, issues: codes, secs: +secs.toFixed(2), marksPerSec: Math.round(marks / secs) }));
}

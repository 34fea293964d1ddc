/**
 * The benchmark's data: the synthetic `bench` preset written once as a canonical dataset folder
 * under `.bench-cache/<hash>/`, where the hash covers the preset and the generator's sources, so a
 * change to either makes a fresh copy and an unchanged one is reused.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCanonicalDataset } from '@attendance-kit/adapter-canonical';
import { generateSyntheticLa, type SyntheticLaOptions, type SyntheticMark } from '@attendance-kit/core/testing';

const GENERATOR_DIR = join(import.meta.dirname, '..', 'packages', 'core', 'src', 'testing');
/** Bump when the files written change for a reason the hash cannot see (e.g. the CSV writer). */
const FORMAT_VERSION = 1;

/** A short hash of the preset and every generator source file. */
export const presetHash = (preset: SyntheticLaOptions): string => {
  const h = createHash('sha256').update(JSON.stringify({ preset, FORMAT_VERSION }));
  for (const f of readdirSync(GENERATOR_DIR).filter((f) => f.startsWith('synthetic') && !f.includes('.test')).sort()) {
    h.update(f).update(readFileSync(join(GENERATOR_DIR, f)));
  }
  return h.digest('hex').slice(0, 16);
};

/** What {@link ensureBenchData} reports. */
export interface BenchData {
  readonly dir: string;
  readonly cached: boolean;
  /** Rows written to marks.csv (when generated now, or as recorded when generated). */
  readonly marksWritten: number;
  readonly generateMs: number;
}

/** Generates the preset into the cache unless it is already there. Progress goes to stderr. */
export const ensureBenchData = async (root: string, preset: SyntheticLaOptions): Promise<BenchData> => {
  const dir = join(root, '.bench-cache', presetHash(preset));
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { marksWritten: number; generateMs: number };
    return { dir, cached: true, marksWritten: m.marksWritten, generateMs: m.generateMs };
  }
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const t0 = performance.now();
  const la = generateSyntheticLa(preset);
  const schoolUrn = la.schools.map((s) => s.urn);
  const pupils = la.enrolments.map(({ school, ...rest }) => ({ ...rest, schoolUrn: schoolUrn[school] ?? '' }));
  let n = 0;
  function* marks(): Generator<SyntheticMark> {
    for (const m of la.marks()) {
      if (++n % 2_000_000 === 0) process.stderr.write(`bench: generated ${(n / 1e6).toFixed(0)} M marks\n`);
      yield m;
    }
  }
  const { marks: written } = await writeCanonicalDataset(tmp, { schools: la.schools, pupils, terms: la.terms, marks: marks() });
  const generateMs = performance.now() - t0;
  await writeFile(join(tmp, 'manifest.json'), `${JSON.stringify({ preset, marksWritten: written, generateMs: Math.round(generateMs) }, null, 2)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  // Copies made by older generator versions are stale: free their space (about 820 MB each).
  const cache = join(root, '.bench-cache');
  for (const old of readdirSync(cache)) if (join(cache, old) !== dir) await rm(join(cache, old), { recursive: true, force: true });
  return { dir, cached: false, marksWritten: written, generateMs };
};

/**
 * A synthetic canonical dataset of about `pupils * 380` marks (one academic year), for measuring
 * `attendance import` on a large dataset merged with itself (docs/performance.md). Uses core's
 * synthetic LA, so a few marks carry versions with `recorded_at` as in real corrections.
 */
import { writeCanonicalDataset } from '@attendance-kit/adapter-canonical';
import { generateSyntheticLa } from '@attendance-kit/core/testing';

/** Writes the dataset into `dir`; returns the number of marks rows written. */
export const writeCanonicalSample = async (dir: string, pupils: number, seed = 7): Promise<number> => {
  const la = generateSyntheticLa({ seed, laCode: '999', schools: Math.max(1, Math.round(pupils / 300)), pupils, from: '2024-09-02', to: '2025-07-22' });
  const urns = la.schools.map((s) => s.urn);
  const written = await writeCanonicalDataset(dir, {
    schools: la.schools,
    pupils: la.enrolments.map(({ school, ...rest }) => ({ ...rest, schoolUrn: urns[school] ?? '' })),
    terms: la.terms,
    marks: la.marks(),
  });
  return written.marks;
};

if (process.argv[1]?.endsWith('canonical-sample.ts') && process.argv[2] !== undefined) {
  const n = await writeCanonicalSample(process.argv[2], Number(process.argv[3] ?? 13_000));
  process.stderr.write(`wrote ${n} marks to ${process.argv[2]}\n`);
}

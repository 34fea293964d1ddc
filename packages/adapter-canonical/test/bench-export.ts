/**
 * A canonical dataset folder of about `marks` session marks for `npm run bench`
 * (bench/adapters.ts): core's synthetic LA for the academic year 2024/25 (about 380 marks per
 * pupil), so a few marks carry corrected versions with `recorded_at`.
 */
import { generateSyntheticLa } from '@attendance-kit/core/testing';
import { writeCanonicalDataset } from '../src/write.js';

/**
 * Writes the dataset into `dir` and returns the number of marks.csv rows.
 * @example const n = await writeBenchExport(tmp, 1_000_000); // about 1 M rows
 */
export const writeBenchExport = async (dir: string, marks: number): Promise<number> => {
  const pupils = Math.max(1, Math.round(marks / 380));
  const la = generateSyntheticLa({ seed: 2025, laCode: '999', schools: Math.max(1, Math.round(pupils / 300)), pupils, from: '2024-09-02', to: '2025-07-22' });
  const urns = la.schools.map((s) => s.urn);
  const written = await writeCanonicalDataset(dir, {
    schools: la.schools,
    pupils: la.enrolments.map(({ school, ...rest }) => ({ ...rest, schoolUrn: urns[school] ?? '' })),
    terms: la.terms,
    marks: la.marks(),
  });
  return written.marks;
};

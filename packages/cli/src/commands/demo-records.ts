/**
 * The synthetic LA of core/testing as the records the canonical writer takes.
 *
 * @module
 */
import type { CanonicalRecords, MarkRecord } from '@attendance-kit/adapter-canonical';
import type { SyntheticLa } from '@attendance-kit/core/testing';

/**
 * Schools as they are, enrolments named by their school's URN, terms as terms.csv rows, and the
 * marks streamed (a fresh pass of the generator; nothing held in memory).
 * @example await writeCanonicalDataset(dir, syntheticRecords(generateSyntheticLa(SYNTHETIC_PRESETS.tiny)))
 */
export const syntheticRecords = (la: SyntheticLa): CanonicalRecords => {
  const pupils = la.enrolments.map(({ school, ...rest }) => ({ ...rest, schoolUrn: la.schools[school]?.urn ?? '' }));
  function* marks(): Generator<MarkRecord> {
    for (const m of la.marks()) {
      yield {
        schoolUrn: m.schoolUrn,
        pupilId: m.pupilId,
        date: m.date,
        session: m.session,
        code: m.code,
        ...(m.minutesLate === undefined ? {} : { minutesLate: m.minutesLate }),
        ...(m.recordedAt === undefined ? {} : { recordedAt: m.recordedAt }),
      };
    }
  }
  return { schools: la.schools, pupils, marks: marks(), terms: la.terms };
};

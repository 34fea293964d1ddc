import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, test } from 'vitest';
import { CanonicalMark, CanonicalPupil, CanonicalTerm, isMarkCodeInForce, LaCode, PupilId, Urn } from './canonical.js';

describe('canonical codecs', () => {
  test('brands check their rules', () => {
    expect([Urn.is('100101'), Urn.is('1001011'), Urn.is('10010'), Urn.is('10010a')]).toEqual([true, true, false, false]);
    expect([LaCode.is('926'), LaCode.is('92'), LaCode.is('9261')]).toEqual([true, false, false]);
    expect([PupilId.is('A'), PupilId.is(''), PupilId.is('x'.repeat(64)), PupilId.is('x'.repeat(65)), PupilId.is('😀'.repeat(64))]).toEqual([true, false, true, false, true]);
  });

  test('a mark decodes with its optional fields, and fails on a bad date or unknown code', () => {
    const ok = { schoolUrn: '100101', pupilId: 'P1', date: '2024-09-02', session: 'AM', code: 'L', minutesLate: 5, recordedAt: '2024-09-02T08:50:00+01:00' };
    expect(isRight(CanonicalMark.decode(ok))).toBe(true);
    expect(isRight(CanonicalMark.decode({ ...ok, date: '2024-02-30' }))).toBe(false);
    expect(isRight(CanonicalMark.decode({ ...ok, code: 'Q9' }))).toBe(false);
    expect(isRight(CanonicalMark.decode({ ...ok, minutesLate: 1.5 }))).toBe(false);
    expect(isRight(CanonicalMark.decode({ ...ok, recordedAt: 'yesterday' }))).toBe(false);
  });

  test('a pupil needs school, id, year group and status; a term needs consecutive years', () => {
    expect(isRight(CanonicalPupil.decode({ schoolUrn: '100101', pupilId: 'P1', yearGroup: 'R', enrolmentStatus: 'C', fsm: true }))).toBe(true);
    expect(isRight(CanonicalPupil.decode({ schoolUrn: '100101', pupilId: 'P1', yearGroup: '15', enrolmentStatus: 'C' }))).toBe(false);
    const term = { academicYear: '2024/25', halfTerm: 'autumn1', startDate: '2024-09-02', endDate: '2024-10-25' };
    expect(isRight(CanonicalTerm.decode(term))).toBe(true);
    expect(isRight(CanonicalTerm.decode({ ...term, academicYear: '2024/26' }))).toBe(false);
  });

  test('codes are in force by the regulations of their date (SI 2024/208 from 2024-08-19)', () => {
    expect(isMarkCodeInForce({ date: '2024-08-18', code: 'J' })).toBe(true);
    expect(isMarkCodeInForce({ date: '2024-08-19', code: 'J' })).toBe(false);
    expect(isMarkCodeInForce({ date: '2024-08-18', code: 'J1' })).toBe(false);
    expect(isMarkCodeInForce({ date: '2024-08-19', code: 'J1' })).toBe(true);
    expect(isMarkCodeInForce({ date: '2010-01-01', code: '-' })).toBe(true);
  });
});

import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { isCodeInForce, regimeOn } from '../codes.js';
import { isEnglandBankHoliday } from '../calendar/bank-holidays.js';
import { fromDayNumber, toDayNumber, weekdayOf } from '../dates.js';
import { generateSyntheticLa, type SyntheticLaOptions, type SyntheticMark } from './synthetic.js';

/** Small LAs over any period of up to 60 days between September 2023 and July 2025 (both regimes). */
const arbOptions: fc.Arbitrary<SyntheticLaOptions> = fc
  .record({
    seed: fc.integer(),
    schools: fc.integer({ min: 1, max: 5 }),
    pupils: fc.integer({ min: 5, max: 60 }),
    start: fc.integer({ min: 0, max: 680 }),
    length: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ seed, schools, pupils, start, length }) => {
    const first = toDayNumber('2023-09-01') + start;
    return { seed, schools, pupils, from: fromDayNumber(first), to: fromDayNumber(first + length) };
  })
  // Periods falling wholly in a holiday have no school day; the generator rejects them.
  .filter((o) => {
    try {
      generateSyntheticLa(o);
      return true;
    } catch {
      return false;
    }
  });

const marksOf = (o: SyntheticLaOptions): SyntheticMark[] => [...generateSyntheticLa(o).marks()];

test.prop([arbOptions], { numRuns: 40 })('[SYN-1] the same options always give the same schools, enrolments and marks', (o) => {
  const a = generateSyntheticLa(o);
  const b = generateSyntheticLa(o);
  expect(b.enrolments).toEqual(a.enrolments);
  expect(b.schools).toEqual(a.schools);
  expect([...b.marks()]).toEqual([...a.marks()]);
});

test.prop([arbOptions], { numRuns: 40 })('[SYN-2] every generated code is in force on its date', (o) => {
  for (const m of marksOf(o)) expect(isCodeInForce(m.code, regimeOn(m.date)), `${m.code} on ${m.date}`).toBe(true);
});

test.prop([arbOptions], { numRuns: 40 })('[SYN-3] marks fall on weekdays in the period that are not bank holidays', (o) => {
  for (const m of marksOf(o)) {
    expect(m.date >= o.from && m.date <= o.to).toBe(true);
    expect(weekdayOf(toDayNumber(m.date))).toBeLessThan(5);
    expect(isEnglandBankHoliday(m.date)).toBe(false);
  }
});

test.prop([arbOptions], { numRuns: 40 })('[SYN-4] every mark belongs to an enrolment at its school, within its admission and leaving dates', (o) => {
  const la = generateSyntheticLa(o);
  for (const m of la.marks()) {
    const e = la.enrolments[m.enrolment];
    expect(e?.pupilId).toBe(m.pupilId);
    expect(la.schools[e?.school ?? -1]?.urn).toBe(m.schoolUrn);
    if (e?.admissionDate !== undefined) expect(m.date >= e.admissionDate).toBe(true);
    if (e?.leavingDate !== undefined) expect(m.date <= e.leavingDate).toBe(true);
  }
});

test.prop([arbOptions], { numRuns: 40 })('[SYN-5] a session has at most two versions, and a second version is recorded later', (o) => {
  const versions = new Map<string, SyntheticMark[]>();
  for (const m of marksOf(o)) {
    const key = `${m.enrolment}|${m.date}|${m.session}`;
    versions.set(key, [...(versions.get(key) ?? []), m]);
  }
  for (const vs of versions.values()) {
    expect(vs.length).toBeLessThanOrEqual(2);
    if (vs.length === 2) expect((vs[1]?.recordedAt ?? '') > (vs[0]?.recordedAt ?? '')).toBe(true);
  }
});

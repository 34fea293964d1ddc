import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkCharacteristics } from './characteristic-timeline.js';
import { academicYearPeriod } from './calendar/periods.js';
import { codesOf, regimeOn } from './codes.js';
import type { Enrolment, School } from './dataset.js';
import { fromDayNumber, toDayNumber } from './dates.js';
import { summarisePeriod, type PeriodSummaryRow } from './period-summary.js';
import { arbRawDataset, datasetFromRaw, type RawMark } from './testing/datasets.js';

const sessions = (r: PeriodSummaryRow | undefined): number => (r === undefined ? 0 : Object.values(r.sessions_by_code).reduce((a, b) => a + b, 0));

const schools: School[] = [{ urn: '100101', laCode: '926', phase: 'primary' }];
const enrolments: Enrolment[] = [{ school: 0, pupilId: 'P1', yearGroup: '5', enrolmentStatus: 'C', fsm: false }];
const start = toDayNumber('2024-09-02');

describe('changing characteristics', () => {
  test.prop([
    fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 60 }),
    fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
    fc.integer({ min: 0, max: 200 }),
    fc.integer({ min: 0, max: 200 }),
  ])("[CHAR-1] moving a characteristic's effective date moves exactly the sessions between the two dates", (offsets, picks, a, b) => {
    const codes = codesOf(regimeOn('2024-09-02'));
    // Day 0 is present, so the enrolment always counts; the others draw any code.
    const marks: RawMark[] = [0, ...offsets].map((o, k) => ({
      enrolment: 0,
      day: start + o,
      session: 'AM',
      code: k === 0 ? '/' : (codes[(picks[k - 1] ?? 0) % codes.length] as { code: string }).code,
      minutesLate: 0xffff,
      recordedAt: Number.NaN,
    }));
    const dataset = datasetFromRaw({ schools, enrolments, marks, academicYear: 2024 });
    const fsmRows = (from: number) =>
      summarisePeriod(dataset, {
        period: academicYearPeriod(2024),
        profile: 'all',
        by: ['fsm'],
        characteristics: checkCharacteristics([{ schoolUrn: '100101', pupilId: 'P1', field: 'fsm', value: 'true', from: fromDayNumber(start + from) }], dataset).characteristics,
      }).rows;
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const early = fsmRows(lo);
    const late = fsmRows(hi);
    const between = [0, ...offsets].filter((o) => o >= lo && o < hi).length;
    expect(sessions(early.find((r) => r['fsm'] === 'true')) - sessions(late.find((r) => r['fsm'] === 'true'))).toBe(between);
    expect(sessions(late.find((r) => r['fsm'] === 'false')) - sessions(early.find((r) => r['fsm'] === 'false'))).toBe(between);
  });

  test.prop([arbRawDataset({ maxMarks: 60 })])('[CHAR-2] spans that restate the pupils.csv values change no row', (raw) => {
    // pupils.csv has one row per (school, pupil); the generator may repeat one.
    fc.pre(new Set(raw.enrolments.map((e) => `${e.school},${e.pupilId}`)).size === raw.enrolments.length);
    const dataset = datasetFromRaw(raw);
    const rows = raw.enrolments.flatMap((e) =>
      e.fsm === undefined ? [] : [{ schoolUrn: raw.schools[e.school]?.urn ?? '', pupilId: e.pupilId, field: 'fsm', value: String(e.fsm) }],
    );
    const characteristics = checkCharacteristics(rows, dataset).characteristics;
    const period = academicYearPeriod(raw.academicYear);
    const plain = summarisePeriod(dataset, { period, profile: 'all', by: ['fsm', 'school'] }).rows;
    const withSpans = summarisePeriod(dataset, { period, profile: 'all', by: ['fsm', 'school'], characteristics }).rows;
    expect(withSpans).toEqual(plain);
  });
});

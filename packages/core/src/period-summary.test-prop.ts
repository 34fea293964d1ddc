import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defaultCalendar } from './calendar/default-calendar.js';
import { isTermDay } from './calendar/half-terms.js';
import { academicYearPeriod, rangePeriod } from './calendar/periods.js';
import type { Enrolment, School } from './dataset.js';
import { fromDayNumber, toDayNumber, type IsoDate } from './dates.js';
import { reachesThreshold, type Threshold } from './metrics.js';
import { periodFieldValue, summarisePeriod, type PeriodFilterField, type PeriodSummaryRow } from './period-summary.js';
import { customProfile, PROFILES, type Profile } from './population.js';
import { arbRawDataset, arbSummariseOptions, datasetFromRaw, type RawDataset, type RawMark } from './testing/datasets.js';
import { summarise } from './summarise.js';
import { CATEGORY_ID, codesOf, regimeOn } from './codes.js';

/** Every session counted in a row, by code (possible, not possible and unmarked). */
const sessionTotal = (r: PeriodSummaryRow): number => Object.values(r.sessions_by_code).reduce((a, b) => a + b, 0);

/**
 * The possible-session figures of rows, summed. Only these merge: an enrolment with no possible
 * session in a part is left out of that part's figures (canonical-format.md), so its not-possible
 * and unmarked sessions there are in no part but may be in the whole period's row.
 */
const POSSIBLE_FIGURES = ['possible_sessions', 'present_sessions', 'approved_educational_activity', 'authorised_absence', 'unauthorised_absence', 'late_sessions'] as const;
const sumByCode = (rows: readonly PeriodSummaryRow[]): Record<string, number> => {
  const out: Record<string, number> = Object.fromEntries(POSSIBLE_FIGURES.map((f) => [f, 0]));
  for (const r of rows) for (const f of POSSIBLE_FIGURES) out[f] = (out[f] ?? 0) + r[f];
  return out;
};

const arbThreshold: fc.Arbitrary<Threshold> = fc.integer({ min: 1, max: 99 }).map((num) => ({ num, den: 100 }));
const arbProfile: fc.Arbitrary<Profile> = fc
  .record({
    base: fc.constantFrom<Profile>(PROFILES.dfe, PROFILES.fft, PROFILES.all),
    persistent: fc.option(arbThreshold, { nil: undefined }),
    minPossibleForPa: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    paBasis: fc.option(fc.constantFrom('enrolment' as const, 'pupil' as const), { nil: undefined }),
    countN: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ base, ...changes }) => customProfile(base, changes));

/** The raw dataset and a period range inside its year. */
const arbCase = arbRawDataset({ maxMarks: 80 }).chain((raw) =>
  fc.record({ start: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 0, max: 120 }), profile: arbProfile }).map(({ start, length, profile }) => {
    const first = toDayNumber(`${raw.academicYear}-08-01`) + start;
    return { raw, from: fromDayNumber(first) as IsoDate, to: fromDayNumber(first + length) as IsoDate, profile };
  }),
);

describe('summarisePeriod properties', () => {
  test.prop([arbRawDataset({ maxMarks: 60 }).chain((raw) => arbSummariseOptions(raw).map((options) => ({ raw, options })))])(
    '[PER-5] over a date range, summarisePeriod gives exactly the rows of summarise',
    ({ raw, options }) => {
      const dataset = datasetFromRaw(raw);
      const { from, to, ...rest } = options;
      expect(summarisePeriod(dataset, { period: rangePeriod(from, to), ...rest }).rows).toEqual(summarise(dataset, options).rows);
    },
  );

  test.prop([arbCase])('[PER-4] weekly tallies merge into the period tally, and into each half-term tally', ({ raw, from, to, profile }) => {
    const dataset = datasetFromRaw(raw);
    const period = rangePeriod(from, to);
    const whole = summarisePeriod(dataset, { period, profile }).rows;
    const weeks = summarisePeriod(dataset, { period, profile, by: ['week'] }).rows;
    expect(sumByCode(weeks)).toEqual(sumByCode(whole));
    const halves = summarisePeriod(dataset, { period, profile, by: ['half_term'] }).rows;
    const halvesWeeks = summarisePeriod(dataset, { period, profile, by: ['half_term', 'week'] }).rows;
    for (const h of halves) expect(sumByCode(halvesWeeks.filter((r) => r['half_term'] === h['half_term']))).toEqual(sumByCode([h]));
  });

  test.prop([arbRawDataset({ maxMarks: 80 })])('[PER-4] half-term tallies merge into the year tally when every mark is on a term day', (raw) => {
    const calendar = defaultCalendar(raw.academicYear);
    const termOnly: RawDataset = { ...raw, marks: raw.marks.filter((m) => isTermDay(calendar, fromDayNumber(m.day))) };
    const dataset = datasetFromRaw(termOnly);
    const period = academicYearPeriod(raw.academicYear);
    const year = summarisePeriod(dataset, { period, profile: 'all' }).rows;
    const halves = summarisePeriod(dataset, { period, profile: 'all', by: ['half_term'] }).rows;
    expect(sumByCode(halves)).toEqual(sumByCode(year));
  });

  test.prop([arbCase, fc.constantFrom<PeriodFilterField>('sex', 'fsm6', 'sen', 'ethnicity', 'ethnicity_major', 'sen_status', 'school_urn')])(
    '[FILT-1] a filter on each value of a field (unknown included) partitions the tally',
    ({ raw, from, to, profile }, field) => {
      const dataset = datasetFromRaw(raw);
      const period = rangePeriod(from, to);
      const values = new Set(['', ...raw.enrolments.map((e) => periodFieldValue(dataset, e, field))]);
      const whole = summarisePeriod(dataset, { period, profile }).rows[0] as PeriodSummaryRow;
      const parts = [...values].map((value) => summarisePeriod(dataset, { period, profile, filter: [{ field, value }] }).rows[0] as PeriodSummaryRow);
      expect(sumByCode(parts)).toEqual(sumByCode([whole]));
      expect(parts.reduce((a, r) => a + r.enrolments, 0)).toBe(whole.enrolments);
    },
  );

  test.prop([arbCase])('[PROF-1] a profile never counts a session twice', ({ raw, from, to, profile }) => {
    const dataset = datasetFromRaw(raw);
    const period = rangePeriod(from, to);
    const lo = toDayNumber(from) * 2;
    const hi = toDayNumber(to) * 2 + 1;
    let inPeriod = 0;
    for (let i = 0; i < dataset.marks.length; i++) {
      const s = dataset.marks.slot[i] as number;
      if (s >= lo && s <= hi) inPeriod += 1;
    }
    const rows = summarisePeriod(dataset, { period, profile, by: ['school', 'week', 'year_group'] }).rows;
    const counted = rows.reduce((a, r) => a + sessionTotal(r), 0);
    expect(counted).toBeLessThanOrEqual(inPeriod);
    const whole = summarisePeriod(dataset, { period, profile }).rows[0] as PeriodSummaryRow;
    expect(counted).toBeLessThanOrEqual(sessionTotal(whole));
    expect(rows.reduce((a, r) => a + r.possible_sessions, 0)).toBe(whole.possible_sessions);
  });

  const arbMover = fc.record({
    codesA: fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
    codesB: fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
    persistent: arbThreshold,
  });
  test.prop([arbMover])("[PUP-1] a mover's pupil-based PA equals the PA of the concatenation of their enrolments", ({ codesA, codesB, persistent }) => {
    const schools: School[] = [
      { urn: '100101', laCode: '926', phase: 'primary' },
      { urn: '100108', laCode: '926', phase: 'primary' },
    ];
    const enrolments: Enrolment[] = [
      { school: 0, pupilId: 'P1', yearGroup: '5', enrolmentStatus: 'C' },
      { school: 1, pupilId: 'P1', yearGroup: '5', enrolmentStatus: 'C' },
    ];
    const start = toDayNumber('2024-09-02');
    const codes = codesOf(regimeOn('2024-09-02'));
    const marks: RawMark[] = [];
    let possible = 0;
    let absent = 0;
    [codesA, codesB].forEach((picks, enrolment) =>
      picks.forEach((pick, k) => {
        const c = codes[pick % codes.length] as { code: string; category: string };
        marks.push({ enrolment, day: start + enrolment * 60 + k, session: 'AM', code: c.code, minutesLate: 0xffff, recordedAt: Number.NaN });
        const cat = CATEGORY_ID[c.category as keyof typeof CATEGORY_ID];
        if (cat === CATEGORY_ID.authorised || cat === CATEGORY_ID.unauthorised) absent += 1;
        if (cat === CATEGORY_ID.authorised || cat === CATEGORY_ID.unauthorised || cat === CATEGORY_ID.present || cat === CATEGORY_ID.aea) possible += 1;
      }),
    );
    const dataset = datasetFromRaw({ schools, enrolments, marks, academicYear: 2024 });
    const profile = customProfile(PROFILES.all, { paBasis: 'pupil', persistent });
    const [row] = summarisePeriod(dataset, { period: academicYearPeriod(2024), profile }).rows;
    expect(row?.pa_enrolments).toBe(possible > 0 && reachesThreshold(absent, possible, persistent) ? 1 : 0);
  });
});

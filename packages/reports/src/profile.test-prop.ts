import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbRawDataset, datasetFromRaw, type RawDataset } from '@attendance-kit/core/testing';
import { defaultHalfTerms, fieldValue, fromDayNumber, summarise, toDayNumber, type Enrolment, type Filter, type FilterField, type GroupField, type IsoDate } from '@attendance-kit/core';
import { attendanceProfile, PROFILE_PA, PROFILE_REASONS, WHOLE_PERIOD } from './profile.js';
import { ATTENDANCE, AUTHORISED_ABSENCE, OVERALL_ABSENCE, UNAUTHORISED_ABSENCE } from './measures.js';

const FIELDS: readonly FilterField[] = ['year_group', 'sex', 'fsm6', 'sen', 'eal', 'ethnicity'];

/** A dataset, a period inside or around its year (day offsets), and filters whose values occur in it. */
const arbCase = arbRawDataset().chain((raw: RawDataset) => {
  const first = toDayNumber(`${raw.academicYear}-08-01`);
  const arbFilter: fc.Arbitrary<Filter> = fc.record({ field: fc.constantFrom(...FIELDS), pick: fc.nat() }).map(({ field, pick }) => ({
    field,
    value: fieldValue(raw, raw.enrolments[pick % raw.enrolments.length] as Enrolment, field),
  }));
  return fc
    .record({ start: fc.integer({ min: 0, max: 360 }), length: fc.integer({ min: 0, max: 150 }), filters: fc.array(arbFilter, { maxLength: 1 }) })
    .map(({ start, length, filters }) => ({ raw, from: fromDayNumber(first + start) as IsoDate, to: fromDayNumber(first + start + length) as IsoDate, filters }));
});

const HEADLINE = [ATTENDANCE, OVERALL_ABSENCE, AUTHORISED_ABSENCE, UNAUTHORISED_ABSENCE];

describe('profile against summarise', () => {
  test.prop([arbCase], { numRuns: 40 })(
    '[PROF-1] a whole-period cell (all pupils, or a group of a pupils.csv field) has the numerator and denominator of summarise for the same period, profile and filters',
    ({ raw, from, to, filters }) => {
      const dataset = datasetFromRaw(raw);
      const report = attendanceProfile(dataset, { from, to, filters, profileFields: ['year_group', 'sex', 'fsm6', 'sen', 'eal'] });
      const check = (group: string, by: readonly GroupField[], key: string | undefined) => {
        for (const s of summarise(dataset, { from, to, by, filter: filters }).rows) {
          if (s.possible_sessions === 0) continue;
          const value = key === undefined ? '' : ((s as unknown as Record<string, string>)[key] ?? '');
          const row = report.rows.find((r) => r.key['part'] === WHOLE_PERIOD && r.key['group'] === group && r.key['value'] === (key === undefined ? '' : value === '' ? 'unknown' : value));
          for (const m of HEADLINE) {
            expect(row?.cells[m.id]?.numerator).toBe(m.numerator(s));
            expect(row?.cells[m.id]?.denominator).toBe(s.possible_sessions);
          }
          for (const m of PROFILE_REASONS) expect(row?.cells[m.id]?.numerator).toBe(m.numerator(s));
          expect(row?.cells[PROFILE_PA]?.numerator).toBe(s.pa_enrolments);
        }
      };
      check('all', [], undefined);
      check('year_group', ['year_group'], 'year_group');
      check('sex', ['sex'], 'sex');
      check('fsm6', ['fsm6'], 'fsm6');
    },
  );

  test.prop([arbCase], { numRuns: 40 })(
    '[PROF-2] a half-term row is the whole period of the same report asked for that half-term\'s dates alone (a half-term cell is summarise over the half-term)',
    ({ raw, from, to, filters }) => {
      const dataset = datasetFromRaw(raw);
      const report = attendanceProfile(dataset, { from, to, filters });
      for (const h of [...defaultHalfTerms(raw.academicYear), ...defaultHalfTerms(raw.academicYear - 1), ...defaultHalfTerms(raw.academicYear + 1)]) {
        const part = report.rows.filter((r) => r.key['part'] === h.name && h.from <= to && h.to >= from && r.key['group'] === 'all');
        if (part.length === 0) continue;
        // Clip the half-term to the period asked for.
        const alone = attendanceProfile(dataset, { from: h.from > from ? h.from : from, to: h.to < to ? h.to : to, filters }).rows.find((r) => r.key['part'] === WHOLE_PERIOD && r.key['group'] === 'all');
        // Half-terms of different years share names; compare only when the period holds one of that name.
        const same = [...defaultHalfTerms(raw.academicYear - 1), ...defaultHalfTerms(raw.academicYear), ...defaultHalfTerms(raw.academicYear + 1)].filter((x) => x.name === h.name && x.from <= to && x.to >= from);
        if (same.length !== 1) continue;
        for (const id of ['attendance', 'overall_absence', 'illness', PROFILE_PA]) {
          expect(part[0]?.cells[id]?.numerator).toBe(alone?.cells[id]?.numerator);
          expect(part[0]?.cells[id]?.denominator).toBe(alone?.cells[id]?.denominator);
        }
      }
    },
  );

  test.prop([arbCase], { numRuns: 40 })(
    '[PROF-3] the groups of one characteristic add up to all pupils: their possible and absence sessions sum to the all-pupils row of the same part',
    ({ raw, from, to, filters }) => {
      const report = attendanceProfile(datasetFromRaw(raw), { from, to, filters });
      for (const part of new Set(report.rows.map((r) => r.key['part']))) {
        const all = report.rows.find((r) => r.key['part'] === part && r.key['group'] === 'all');
        for (const field of ['year_group', 'sex', 'fsm6', 'sen', 'eal', 'ethnicity_major']) {
          const groups = report.rows.filter((r) => r.key['part'] === part && r.key['group'] === field);
          const sum = (id: string, side: 'numerator' | 'denominator') => groups.reduce((s, r) => s + (r.cells[id]?.[side] ?? 0), 0);
          expect(sum('overall_absence', 'denominator')).toBe(all?.cells['overall_absence']?.denominator);
          expect(sum('overall_absence', 'numerator')).toBe(all?.cells['overall_absence']?.numerator);
        }
      }
    },
  );
});

import { describe, expect, it } from 'vitest';
import { CODE_ID } from '../codes.js';
import type { Dataset, Enrolment, School } from '../dataset.js';
import { toDayNumber, toSlot, type Session } from '../dates.js';
import { generateSyntheticLa } from '../testing/synthetic.js';
import { registerDaysBySchool } from './register-days.js';
import { schoolCalendars } from './school-calendar.js';

const school = (urn: string): School => ({ urn, laCode: '926', phase: 'primary' });
const enrolment = (s: number, pupilId: string): Enrolment => ({ school: s, pupilId, yearGroup: '3', enrolmentStatus: 'C' });

const datasetOf = (rows: readonly (readonly [number, string, Session, string])[]): Dataset => ({
  schools: [school('100101'), school('100102'), school('100103')],
  enrolments: [enrolment(0, 'a'), enrolment(0, 'b'), enrolment(1, 'c'), enrolment(2, 'd')],
  marks: {
    length: rows.length,
    enrolment: Uint32Array.from(rows, (r) => r[0]),
    slot: Uint32Array.from(rows, (r) => toSlot(toDayNumber(r[1]), r[2])),
    code: Uint8Array.from(rows, (r) => CODE_ID.get(r[3]) ?? 0),
    minutesLate: new Uint16Array(rows.length),
  },
});

describe('registerDaysBySchool', () => {
  it('opens a day when any pupil has a possible session, and spans every mark', () => {
    const days = registerDaysBySchool(
      datasetOf([
        [0, '2024-09-02', 'AM', '/'],
        [1, '2024-09-02', 'PM', 'I'],
        [0, '2024-09-03', 'AM', '#'], // closed: INSET
        [1, '2024-09-03', 'PM', '#'],
        [1, '2024-09-04', 'AM', 'O'], // unauthorised absence: the school was open
        [0, '2024-09-05', 'AM', '-'], // not marked yet
        [2, '2024-09-09', 'AM', 'D'], // another school's dual registration only
      ]),
    );
    expect(days[0]).toEqual({
      openDays: [toDayNumber('2024-09-02'), toDayNumber('2024-09-04')],
      coverage: { from: '2024-09-02', to: '2024-09-05' },
    });
    expect(days[1]).toEqual({ openDays: [], coverage: { from: '2024-09-09', to: '2024-09-09' } });
    expect(days[2]).toEqual({ openDays: [] });
  });
});

describe('half-terms inferred from a synthetic LA register (core/testing)', () => {
  it("recover the LA's half-terms, give or take INSET days at their edges, with no warnings", () => {
    const la = generateSyntheticLa({ seed: 7, schools: 3, pupils: 150, from: '2024-09-02', to: '2025-07-22' });
    const rows = [...la.marks()];
    const dataset: Dataset = {
      schools: la.schools,
      enrolments: la.enrolments,
      marks: {
        length: rows.length,
        enrolment: Uint32Array.from(rows, (m) => m.enrolment),
        slot: Uint32Array.from(rows, (m) => toSlot(toDayNumber(m.date), m.session)),
        code: Uint8Array.from(rows, (m) => CODE_ID.get(m.code) ?? 0),
        minutesLate: new Uint16Array(rows.length),
      },
    };
    const terms = la.terms.filter((t) => t.academicYear === '2024/25');
    expect(terms).toHaveLength(6);
    const { calendars, issues } = schoolCalendars(dataset, 2024);
    expect(calendars).toHaveLength(3);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    for (const calendar of calendars) {
      for (const [k, h] of calendar.halfTerms.entries()) {
        const t = terms[k];
        expect(h.name).toBe(t?.halfTerm);
        expect(h.source).toBe('register');
        // Inside the LA's half-term, and at most a week in from each end (INSET days, bank holidays).
        expect(h.from >= (t?.startDate ?? '') && h.to <= (t?.endDate ?? '')).toBe(true);
        expect(toDayNumber(h.from) - toDayNumber(t?.startDate ?? '')).toBeLessThanOrEqual(7);
        expect(toDayNumber(t?.endDate ?? '') - toDayNumber(h.to)).toBeLessThanOrEqual(7);
      }
    }
  });
});

import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { fromDayNumber, summarise, toDayNumber, type Enrolment } from '@attendance-kit/core';
import { arbPupilCase, marksIn, naiveSchoolDays, type PupilCase } from './data-check.test-arb.js';
import { partTimeTimetables, PTT_COLUMNS } from './part-time-timetables.js';
import type { Report } from './model.js';

const run = (c: PupilCase): Report =>
  partTimeTimetables(c.dataset, { from: c.from, to: c.to, profile: c.profile, filters: c.filters, ...(c.schools === undefined ? {} : { schools: c.schools }) });

/** The naive C2 marks of each in-scope enrolment in the period: enrolment -> days (one per C2 session). */
const naiveC2 = (c: PupilCase): Map<number, number[]> => {
  const out = new Map<number, number[]>();
  for (const m of marksIn(c, toDayNumber(c.from), toDayNumber(c.to))) if (m.code === 'C2') out.set(m.enrolment, [...(out.get(m.enrolment) ?? []), m.day]);
  return out;
};

const pupilRows = (r: Report) => r.rows.filter((x) => x.key['row'] === 'pupil');
const keyOf = (c: PupilCase, e: number) => `${c.dataset.schools[(c.dataset.enrolments[e] as Enrolment).school]?.urn}|${(c.dataset.enrolments[e] as Enrolment).pupilId}`;

test.prop([arbPupilCase])('[PTT-1] a pupil is listed iff their enrolment has a C2 mark in the period, and their C2 sessions are the count of those marks', (c) => {
  const r = run(c);
  const expected = new Map<string, number>();
  for (const [e, days] of naiveC2(c)) expected.set(keyOf(c, e), (expected.get(keyOf(c, e)) ?? 0) + days.length);
  const got = new Map<string, number>();
  for (const row of pupilRows(r)) {
    const k = `${row.key['school_urn']}|${row.key['pupil_id']}`;
    got.set(k, (got.get(k) ?? 0) + (row.cells[PTT_COLUMNS.sessions]?.numerator ?? 0));
  }
  expect(got).toEqual(expected);
});

test.prop([arbPupilCase])('[PTT-2] a school row\'s C2 sessions and possible sessions are core summarise\'s sessions_by_code.C2 and possible_sessions for that school', (c) => {
  const r = run(c);
  const rows = summarise(c.dataset, { from: c.from, to: c.to, profile: c.profile, filter: c.filters, by: ['school'] }).rows;
  for (const row of r.rows.filter((x) => x.key['row'] === 'school')) {
    const s = rows.find((x) => x.school_urn === row.key['school_urn']);
    expect(row.cells[PTT_COLUMNS.sessions]?.numerator).toBe(s?.sessions_by_code['C2'] ?? 0);
    expect(row.cells[PTT_COLUMNS.sessions]?.denominator).toBe(s?.possible_sessions);
  }
});

test.prop([arbPupilCase])('[PTT-3] first and latest C2 are the earliest and latest C2 dates, and the school days between them are the school\'s register days in that span', (c) => {
  const r = run(c);
  const fromDay = toDayNumber(c.from);
  const toDay = toDayNumber(c.to);
  for (const [e, days] of naiveC2(c)) {
    const en = c.dataset.enrolments[e] as Enrolment;
    const rows = pupilRows(r).filter((x) => x.key['pupil_id'] === en.pupilId && x.key['school_urn'] === c.dataset.schools[en.school]?.urn);
    const first = Math.min(...days);
    const last = Math.max(...days);
    const matching = rows.filter((x) => x.key['first_c2'] === fromDayNumber(first) && x.key['latest_c2'] === fromDayNumber(last));
    expect(matching).toHaveLength(1);
    const row = matching[0];
    const schoolDays = naiveSchoolDays(c, en.school, fromDay, toDay);
    expect(row?.cells[PTT_COLUMNS.days]?.numerator).toBe(schoolDays.filter((d) => d >= first && d <= last).length);
    expect(row?.cells[PTT_COLUMNS.days]?.denominator).toBe(schoolDays.length);
    // Current: the latest C2 is one of the school's last five register days of the period.
    expect(row?.key['current']).toBe(schoolDays.slice(-5).includes(last) ? 'yes' : 'no');
  }
});

test.prop([arbPupilCase, fc.boolean()])('[PTT-4] within each school, pupils are ordered by school days on a timetable, longest first (shortest first when reversed)', (c, reverse) => {
  const r = partTimeTimetables(c.dataset, { from: c.from, to: c.to, profile: c.profile, filters: c.filters, reverse });
  for (const school of new Set(pupilRows(r).map((x) => x.key['school_urn']))) {
    const spans = pupilRows(r).filter((x) => x.key['school_urn'] === school).map((x) => x.cells[PTT_COLUMNS.days]?.numerator ?? 0);
    const sorted = [...spans].sort((a, b) => (reverse ? a - b : b - a));
    expect(spans).toEqual(sorted);
  }
});

test.prop([arbPupilCase])('[PTT-5] the total row\'s pupils on C2 are the pupil rows, out of the schools\' pupils added up', (c) => {
  const r = run(c);
  const total = r.rows.find((x) => x.key['row'] === 'total');
  if (total === undefined) {
    expect(pupilRows(r)).toEqual([]);
    return;
  }
  const schools = r.rows.filter((x) => x.key['row'] === 'school');
  expect(total.cells[PTT_COLUMNS.pupils]?.numerator).toBe(pupilRows(r).length);
  expect(total.cells[PTT_COLUMNS.pupils]?.denominator).toBe(schools.reduce((n, s) => n + (s.cells[PTT_COLUMNS.pupils]?.denominator ?? 0), 0));
});

import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { summarise, toDayNumber, type Enrolment } from '@attendance-kit/core';
import { arbPupilCase, isAbsent, isPossible, marksIn, type PupilCase } from './data-check.test-arb.js';
import { PAR_COLUMNS, persistentAbsence, trendOf } from './persistent-absence.js';
import type { Report } from './model.js';

const run = (c: PupilCase, extra: { trajectory?: 'week' | 'half-term'; reverse?: boolean; trendPoints?: number } = {}): Report =>
  persistentAbsence(c.dataset, { from: c.from, to: c.to, profile: c.profile, filters: c.filters, ...(c.schools === undefined ? {} : { schools: c.schools }), ...extra });

/** Each in-scope enrolment's possible and absent sessions in the period, counted from the rows. */
const naive = (c: PupilCase): Map<number, { possible: number; absence: number }> => {
  const out = new Map<number, { possible: number; absence: number }>();
  for (const m of marksIn(c, toDayNumber(c.from), toDayNumber(c.to))) {
    if (!isPossible(m.code)) continue;
    const t = out.get(m.enrolment) ?? { possible: 0, absence: 0 };
    out.set(m.enrolment, { possible: t.possible + 1, absence: t.absence + (isAbsent(m.code) ? 1 : 0) });
  }
  return out;
};

const pupils = (r: Report) => r.rows.filter((x) => x.key['row'] === 'pupil');

test.prop([arbPupilCase])('[PAR-1] a pupil is listed iff absence is at least 10% of their own possible sessions (absence * 100 >= 10 * possible), and is severe iff at least 50%', (c) => {
  const r = run(c);
  const expected: string[] = [];
  for (const [e, t] of naive(c)) {
    if (t.possible === 0 || t.absence * 100 < 10 * t.possible) continue;
    const en = c.dataset.enrolments[e] as Enrolment;
    expected.push(`${c.dataset.schools[en.school]?.urn}|${en.pupilId}|${t.absence}/${t.possible}|${t.absence * 100 >= 50 * t.possible ? 'severe' : 'persistent'}`);
  }
  const got = pupils(r).map((x) => `${x.key['school_urn']}|${x.key['pupil_id']}|${x.cells[PAR_COLUMNS.ytd]?.numerator}/${x.cells[PAR_COLUMNS.ytd]?.denominator}|${x.key['status']}`);
  expect(got.sort()).toEqual(expected.sort());
});

test.prop([arbPupilCase])('[PAR-2] a school\'s persistent and severe counts, its pupils and its absence are core summarise\'s pa_enrolments, severe_absence_enrolments, enrolments and overall_absence for that school', (c) => {
  const r = run(c);
  const rows = summarise(c.dataset, { from: c.from, to: c.to, profile: c.profile, filter: c.filters, by: ['school'] }).rows;
  const schoolRows = r.rows.filter((x) => x.key['row'] === 'school');
  for (const row of schoolRows) {
    const s = rows.find((x) => x.school_urn === row.key['school_urn']);
    expect(row.cells[PAR_COLUMNS.pa]?.numerator).toBe(s?.pa_enrolments);
    expect(row.cells[PAR_COLUMNS.severe]?.numerator).toBe(s?.severe_absence_enrolments);
    expect(row.cells[PAR_COLUMNS.pa]?.denominator).toBe(s?.enrolments);
    expect(row.cells[PAR_COLUMNS.ytd]?.numerator).toBe(s?.overall_absence);
    expect(row.cells[PAR_COLUMNS.ytd]?.denominator).toBe(s?.possible_sessions);
    expect(pupils(r).filter((x) => x.key['school_urn'] === row.key['school_urn']).length).toBe(s?.pa_enrolments);
  }
  // Every school summarise sees with a possible session has a row (when selected).
  const selected = rows.filter((s) => s.possible_sessions > 0 && (c.schools === undefined || c.schools.includes(s.school_urn ?? '')));
  expect(schoolRows.length).toBe(selected.length);
});

test.prop([arbPupilCase])('[PAR-3] weekly trajectory cells add up to the period cell, row by row', (c) => {
  const r = run(c, { trajectory: 'week' });
  const weeks = r.columns.filter((col) => /^\d{4}-\d{2}-\d{2}$/.test(col.id));
  for (const row of r.rows) {
    const ytd = row.cells[PAR_COLUMNS.ytd];
    expect(weeks.reduce((n, w) => n + (row.cells[w.id]?.numerator ?? 0), 0)).toBe(ytd?.numerator);
    expect(weeks.reduce((n, w) => n + (row.cells[w.id]?.denominator ?? 0), 0)).toBe(ytd?.denominator);
  }
});

test.prop([arbPupilCase, fc.integer({ min: 0, max: 30 })])('[PAR-4] trend: rising iff the last week\'s rate is at least T points above the earlier weeks\' pooled rate, falling iff at least T below', (c, points) => {
  const r = run(c, { trajectory: 'week', trendPoints: points });
  const weeks = r.columns.filter((col) => /^\d{4}-\d{2}-\d{2}$/.test(col.id));
  for (const row of r.rows) {
    const used = weeks.map((w) => row.cells[w.id]).filter((x) => (x?.denominator ?? 0) > 0);
    const last = used[used.length - 1];
    let expected = 'n/a';
    if (used.length >= 2 && last !== undefined) {
      const pE = used.slice(0, -1).reduce((n, x) => n + (x?.denominator ?? 0), 0);
      const aE = used.slice(0, -1).reduce((n, x) => n + (x?.numerator ?? 0), 0);
      const pL = last.denominator ?? 0;
      const aL = last.numerator ?? 0;
      // Points between the two rates, times pL * pE (all whole numbers here, so exact).
      const diff = 100 * (aL * pE - aE * pL);
      const bar = points * pL * pE;
      expected = bar === 0 ? (diff > 0 ? 'rising' : diff < 0 ? 'falling' : 'steady') : diff >= bar ? 'rising' : diff <= -bar ? 'falling' : 'steady';
    }
    expect(row.key['trend']).toBe(expected);
  }
});

test.prop([arbPupilCase, fc.boolean()])('[PAR-5] within each school, pupils are ordered by absence rate, highest first (lowest first when reversed)', (c, reverse) => {
  const r = run(c, { reverse });
  for (const school of new Set(pupils(r).map((x) => x.key['school_urn']))) {
    const rates = pupils(r).filter((x) => x.key['school_urn'] === school).map((x) => [x.cells[PAR_COLUMNS.ytd]?.numerator ?? 0, x.cells[PAR_COLUMNS.ytd]?.denominator ?? 1] as const);
    for (let i = 1; i < rates.length; i++) {
      const [a1, p1] = rates[i - 1] as readonly [number, number];
      const [a2, p2] = rates[i] as readonly [number, number];
      if (reverse) expect(a1 * p2).toBeLessThanOrEqual(a2 * p1);
      else expect(a1 * p2).toBeGreaterThanOrEqual(a2 * p1);
    }
  }
});

test.prop([fc.array(fc.record({ possible: fc.integer({ min: 0, max: 40 }), absence: fc.nat() }), { maxLength: 6 }), fc.integer({ min: 1, max: 20 })])(
  '[PAR-6] the trend reverses when the parts are read in the opposite sense (absence becomes attendance): rising <-> falling',
  (raw, points) => {
    const parts = raw.map((p) => ({ possible: p.possible, absence: Math.min(p.absence, p.possible) }));
    const flipped = parts.map((p) => ({ possible: p.possible, absence: p.possible - p.absence }));
    const swap: Record<string, string> = { rising: 'falling', falling: 'rising', steady: 'steady', 'n/a': 'n/a' };
    expect(trendOf(flipped, points)).toBe(swap[trendOf(parts, points)]);
  },
);

import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { fromDayNumber, toDayNumber, type Enrolment, type IsoDate } from '@attendance-kit/core';
import { arbPupilCase, DAY0, DAYS, naiveInScope, naiveSchoolDays, type PupilCase } from './data-check.test-arb.js';
import { dataCheck, DQ_COLUMNS, type SupersededMark } from './data-check.js';
import type { Report } from './model.js';

/** A case with an as-of date near the period's end and some replaced versions (some at unknown schools or pupils). */
const arbCase = arbPupilCase.chain((c) =>
  fc
    .record({
      grace: fc.integer({ min: 0, max: 6 }),
      asOf: fc.integer({ min: -10, max: 10 }).map((k) => fromDayNumber(toDayNumber(c.to) + k)),
      superseded: fc.option(
        fc.array(
          fc.record({
            schoolUrn: fc.constantFrom('100001', '100002', '999999'),
            day: fc.integer({ min: -2, max: DAYS + 2 }),
            pupilId: fc.option(fc.constantFrom('P1', 'P2', 'P3', 'P9'), { nil: undefined }),
          }),
          { maxLength: 12 },
        ),
        { nil: undefined },
      ),
    })
    .map(({ asOf, superseded, grace }) => ({
      c,
      asOf,
      grace,
      superseded: superseded?.map(({ day, pupilId, schoolUrn }): SupersededMark => ({ schoolUrn, date: fromDayNumber(DAY0 + day), ...(pupilId === undefined ? {} : { pupilId }) })),
    })),
);

type Case = { readonly c: PupilCase; readonly asOf: IsoDate; readonly grace: number; readonly superseded: readonly SupersededMark[] | undefined };

const run = ({ c, asOf, superseded, grace }: Case): Report =>
  dataCheck(c.dataset, {
    from: c.from,
    to: c.to,
    asOf,
    nGraceSchoolDays: grace,
    profile: c.profile,
    filters: c.filters,
    ...(c.schools === undefined ? {} : { schools: c.schools }),
    ...(superseded === undefined ? {} : { superseded: { marks: superseded } }),
  });

interface Naive {
  expected: number;
  unmarked: number;
  marks: number;
  dash: number;
  nMarks: number;
  nUnresolved: number;
  superseded: number;
}

/** Every count of every selected school, straight from the mark rows. */
const naive = ({ c, asOf, superseded, grace }: Case): Map<string, Naive> => {
  const fromDay = toDayNumber(c.from);
  const asOfDay = toDayNumber(asOf);
  const endDay = Math.min(toDayNumber(c.to), asOfDay);
  const out = new Map<string, Naive>();
  c.dataset.schools.forEach((school, s) => {
    if (c.schools !== undefined && !c.schools.includes(school.urn)) return;
    const n: Naive = { expected: 0, unmarked: 0, marks: 0, dash: 0, nMarks: 0, nUnresolved: 0, superseded: 0 };
    const open = new Set(
      c.marks
        .filter((m) => (c.dataset.enrolments[m.enrolment] as Enrolment).school === s && ['/', '\\', 'L', 'I', 'M', 'N', 'O', 'C2'].includes(m.code))
        .map((m) => `${m.day}|${m.session}`),
    );
    const schoolDays = naiveSchoolDays(c, s, fromDay, Math.max(toDayNumber(c.to), asOfDay));
    c.dataset.enrolments.forEach((en, e) => {
      if (en.school !== s || !naiveInScope(c, e)) return;
      const own = c.marks.filter((m) => m.enrolment === e);
      const first = own.length === 0 ? Infinity : Math.min(...own.map((m) => m.day));
      const onFrom = en.admissionDate === undefined ? first : toDayNumber(en.admissionDate);
      const onTo = en.leavingDate === undefined ? Infinity : toDayNumber(en.leavingDate);
      for (let d = fromDay; d <= endDay; d++) {
        for (const session of ['AM', 'PM'] as const) {
          if (!open.has(`${d}|${session}`) || d < onFrom || d > onTo) continue;
          n.expected++;
          if (!own.some((m) => m.day === d && m.session === session)) n.unmarked++;
        }
      }
      for (const m of own) {
        if (m.day < fromDay || m.day > endDay) continue;
        n.marks++;
        if (m.code === '-') n.dash++;
        if (m.code === 'N') {
          n.nMarks++;
          if (schoolDays.filter((x) => x > m.day && x <= asOfDay).length > grace) n.nUnresolved++;
        }
      }
    });
    for (const m of superseded ?? []) {
      const day = toDayNumber(m.date);
      if (m.schoolUrn !== school.urn || day < fromDay || day > endDay) continue;
      const ok = m.pupilId === undefined ? c.filters.length === 0 : c.dataset.enrolments.some((en, e) => en.school === s && en.pupilId === m.pupilId && naiveInScope(c, e));
      if (ok) n.superseded++;
    }
    if (n.expected > 0 || n.marks > 0 || n.superseded > 0) out.set(school.urn, n);
  });
  return out;
};

const schoolRows = (r: Report) => r.rows.filter((x) => x.key['row'] === 'school');

test.prop([arbCase])('[DQ-1] unmarked: sessions where the school took a register and the pupil was on roll but has no mark, out of those sessions', (k) => {
  const want = naive(k);
  const r = run(k);
  if (!k.c.dataset.schools.some(() => true) || k.c.to < k.c.from) return;
  expect(new Set(schoolRows(r).map((x) => x.key['school_urn']))).toEqual(new Set(toDayNumber(k.asOf) < toDayNumber(k.c.from) ? [] : [...want.keys()]));
  for (const row of schoolRows(r)) {
    const n = want.get(row.key['school_urn'] ?? '');
    expect([row.cells[DQ_COLUMNS.unmarked]?.numerator, row.cells[DQ_COLUMNS.unmarked]?.denominator]).toEqual([n?.unmarked, n?.expected]);
  }
});

test.prop([arbCase])('[DQ-2] no mark: marks "-" out of every mark of the school up to the as-of date', (k) => {
  const want = naive(k);
  for (const row of schoolRows(run(k))) {
    const n = want.get(row.key['school_urn'] ?? '');
    expect([row.cells[DQ_COLUMNS.dash]?.numerator, row.cells[DQ_COLUMNS.dash]?.denominator]).toEqual([n?.dash, n?.marks]);
  }
});

test.prop([arbCase])('[DQ-3] an N counts as unresolved iff more than the grace (5 by default) of the school\'s register days fall after it, up to the as-of date', (k) => {
  const want = naive(k);
  for (const row of schoolRows(run(k))) {
    const n = want.get(row.key['school_urn'] ?? '');
    expect([row.cells[DQ_COLUMNS.n]?.numerator, row.cells[DQ_COLUMNS.n]?.denominator]).toEqual([n?.nUnresolved, n?.nMarks]);
  }
});

test.prop([arbCase])('[DQ-4] superseded: the replaced versions given for the school, dated in the period up to the as-of date, of pupils in scope; no figure when none were given', (k) => {
  const want = naive(k);
  for (const row of schoolRows(run(k))) {
    const cell = row.cells[DQ_COLUMNS.superseded];
    if (k.superseded === undefined) expect([cell?.numerator, cell?.display]).toEqual([null, '']);
    else expect(cell?.numerator).toBe(want.get(row.key['school_urn'] ?? '')?.superseded);
  }
});

test.prop([arbCase])('[DQ-5] the total row is the sum of the school rows, numerators and denominators, in every column', (k) => {
  const r = run(k);
  const total = r.rows.find((x) => x.key['row'] === 'total');
  if (total === undefined) {
    expect(schoolRows(r)).toEqual([]);
    return;
  }
  for (const col of r.columns) {
    const sum = (f: 'numerator' | 'denominator') => schoolRows(r).reduce<number | null>((n, x) => (x.cells[col.id]?.[f] == null ? n : (n ?? 0) + (x.cells[col.id]?.[f] as number)), null);
    expect(total.cells[col.id]?.numerator ?? null).toBe(sum('numerator'));
    expect(total.cells[col.id]?.denominator ?? null).toBe(sum('denominator'));
  }
});

test.prop([arbCase, fc.integer({ min: 0, max: 20 })])('[DQ-6] from the period\'s end on, a later as-of date never resolves an N: unresolved counts only grow', (k, later) => {
  const at = (asOf: IsoDate) => run({ ...k, asOf }).rows.find((x) => x.key['row'] === 'total')?.cells[DQ_COLUMNS.n]?.numerator ?? 0;
  const end = toDayNumber(k.c.to);
  expect(at(fromDayNumber(end + later))).toBeGreaterThanOrEqual(at(k.c.to));
});

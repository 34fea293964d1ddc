import { describe, expect, it } from 'vitest';
import { CODE_TABLE, isCodeInForce } from '../codes.js';
import { generateSyntheticLa, SYNTHETIC_PRESETS, type SyntheticLa } from './synthetic.js';
import { schoolDaysBetween } from './synthetic-calendar.js';
import { toDayNumber } from '../dates.js';

const CATEGORY = new Map(CODE_TABLE.map((c) => [c.code, c.category]));

/** Shares of enrolments at >= 10 % and >= 50 % absence and the pooled absence rate, counted naively. */
const absenceShares = (la: SyntheticLa): { pa: number; severe: number; absence: number; marks: number } => {
  const possible = new Map<number, number>();
  const absent = new Map<number, number>();
  const last = new Map<string, string>(); // the winning version of each session
  let marks = 0;
  for (const m of la.marks()) {
    marks++;
    last.set(`${m.enrolment}|${m.date}|${m.session}`, m.code);
  }
  for (const [key, code] of last) {
    const e = Number(key.slice(0, key.indexOf('|')));
    const c = CATEGORY.get(code);
    const isAbsent = c === 'authorised' || c === 'unauthorised';
    if (isAbsent || c === 'present' || c === 'aea') possible.set(e, (possible.get(e) ?? 0) + 1);
    if (isAbsent) absent.set(e, (absent.get(e) ?? 0) + 1);
  }
  let pa = 0;
  let severe = 0;
  let p = 0;
  let a = 0;
  for (const [e, n] of possible) {
    const k = absent.get(e) ?? 0;
    p += n;
    a += k;
    if (k >= 0.1 * n) pa++;
    if (k >= 0.5 * n) severe++;
  }
  return { pa: pa / possible.size, severe: severe / possible.size, absence: a / p, marks };
};

describe('synthetic LA calendar', () => {
  it('has the half-terms of a typical LA in 2024/25', () => {
    const la = generateSyntheticLa({ ...SYNTHETIC_PRESETS.tiny, from: '2024-09-01', to: '2025-07-31' });
    expect(la.terms.map((t) => [t.halfTerm, t.startDate, t.endDate])).toEqual([
      ['autumn1', '2024-09-02', '2024-10-25'],
      ['autumn2', '2024-11-04', '2024-12-20'],
      ['spring1', '2025-01-06', '2025-02-14'],
      ['spring2', '2025-02-24', '2025-04-04'],
      ['summer1', '2025-04-22', '2025-05-23'],
      ['summer2', '2025-06-02', '2025-07-22'],
    ]);
  });

  it('has no school on the early May bank holiday, and 195 school days in 2024/25', () => {
    const days = schoolDaysBetween(toDayNumber('2024-09-01'), toDayNumber('2025-07-31'));
    expect(days.includes(toDayNumber('2025-05-05'))).toBe(false);
    expect(days.includes(toDayNumber('2025-05-06'))).toBe(true);
    expect(days.length).toBe(40 + 35 + 30 + 30 + 23 + 37);
  });
});

describe('tiny preset (the CLI demo)', () => {
  const la = generateSyntheticLa(SYNTHETIC_PRESETS.tiny);
  const marks = [...la.marks()];

  it('has a few schools of each phase and a few hundred pupils', () => {
    expect(la.schools.map((s) => s.phase).sort()).toEqual(['primary', 'primary', 'secondary', 'special']);
    expect(la.enrolments.length).toBeGreaterThan(380);
    expect(la.enrolments.length).toBeLessThan(460);
  });

  it('has no mark in the October half-term and marks every school closed (#) on its first INSET day', () => {
    expect(marks.some((m) => m.date >= '2024-10-28' && m.date <= '2024-11-01')).toBe(false);
    const firstDay = marks.filter((m) => m.date === '2024-09-02');
    expect(firstDay.length).toBeGreaterThan(0);
    expect(firstDay.every((m) => m.code === '#')).toBe(true);
  });

  it('shows dual registration, movers, corrections, lates and unmarked sessions', () => {
    expect(la.enrolments.some((e) => e.enrolmentStatus === 'S')).toBe(true);
    expect(marks.some((m) => m.code === 'D')).toBe(true);
    expect(la.enrolments.some((e) => e.leavingDate !== undefined)).toBe(true);
    expect(marks.some((m) => m.recordedAt !== undefined)).toBe(true);
    expect(marks.some((m) => m.code === 'L' && m.minutesLate !== undefined)).toBe(true);
    expect(marks.some((m) => m.code === '-')).toBe(true);
  });

  it('leaves a few pupils off a register: a day with one session row only, in well under 0.1 % of sessions', () => {
    const sessions = new Map<string, number>();
    for (const m of marks) sessions.set(`${m.enrolment}|${m.date}`, (sessions.get(`${m.enrolment}|${m.date}`) ?? 0) | (m.session === 'AM' ? 1 : 2));
    const halfMissing = [...sessions.values()].filter((v) => v !== 3).length;
    expect(halfMissing).toBeGreaterThan(0);
    expect(halfMissing).toBeLessThan(marks.length * 0.001);
  });

  it('uses the 2024 codes only', () => {
    expect(marks.every((m) => isCodeInForce(m.code, '2024'))).toBe(true);
  });

  it('changes with the seed', () => {
    const other = [...generateSyntheticLa({ ...SYNTHETIC_PRESETS.tiny, seed: 1 }).marks()].slice(0, 2000);
    expect(other).not.toEqual(marks.slice(0, 2000));
  });
});

describe('counts', () => {
  it('gives 2006 codes before 19 August 2024 (C for part-time timetables, Y for closures)', () => {
    const la = generateSyntheticLa({ seed: 7, schools: 6, pupils: 1200, from: '2024-04-22', to: '2024-07-19' });
    const codes = new Set([...la.marks()].map((m) => m.code));
    expect(codes.has('C2')).toBe(false);
    expect(codes.has('K')).toBe(false);
    expect(codes.has('C')).toBe(true);
  });

  it('makes roughly 15-25 % of enrolments persistently absent and about 1-4 % severely absent', () => {
    const s = absenceShares(generateSyntheticLa({ seed: 11, schools: 20, pupils: 5000, from: '2024-09-02', to: '2025-02-14' }));
    expect(s.pa).toBeGreaterThan(0.15);
    expect(s.pa).toBeLessThan(0.25);
    expect(s.severe).toBeGreaterThan(0.01);
    expect(s.severe).toBeLessThan(0.04);
    // National overall absence is about 6-8 % (reference §5).
    expect(s.absence).toBeGreaterThan(0.05);
    expect(s.absence).toBeLessThan(0.09);
  });

  it('bench preset: about 200 schools, 60,000 pupils and at least 20 million marks in 2024/25', () => {
    const la = generateSyntheticLa(SYNTHETIC_PRESETS.bench);
    expect(la.schools.length).toBe(200);
    expect(la.enrolments.length).toBeGreaterThan(59_000);
    expect(la.enrolments.length).toBeLessThan(63_000);
    let n = 0;
    for (const _ of la.marks()) n++;
    expect(n).toBeGreaterThanOrEqual(20_000_000);
  }, 300_000); // 23 million rows: about 15 s alone, much longer on a busy machine
});

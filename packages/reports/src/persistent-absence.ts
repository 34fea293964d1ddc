/**
 * Persistent and severe absence [`persistent-absence`] (issue 6 item 3; seeds 002 and 004: LA teams
 * and governors "regularly review attendance data for ... students at risk of becoming persistently
 * absent or severely persistently absent"): each persistently absent pupil (pupil ids only), with the
 * overall absence rate per half-term or per week of the period and whether it is rising or falling.
 *
 * Rules (reference §0.7 and §4.2, [S1][S2][S10][S24]): an enrolment is persistently absent when its
 * overall absence (authorised + unauthorised) is at least 10% of its own possible sessions in the
 * period, severely absent at least 50%; both inclusive ("50% or more", reference §7.3), decided in
 * whole numbers as core `reachesThreshold` does (`absence * 100 >= 10 * possible`), never on a float.
 * The profile (default `dfe`) decides the pupils, the sessions (15-year-olds' summer half-term 2) and
 * any other thresholds, exactly as in core `summarise`, so a school's count of listed pupils is
 * `summarise`'s `pa_enrolments` ([PAR-1]). PA is per enrolment: a pupil who moved is listed at each
 * school where they reach it (reference §0.8).
 *
 * Trend: the rate in the last part of the trajectory with a possible session against the rate over
 * every earlier part together: `rising` when it is at least `trendPoints` (default 5) percentage points
 * higher, `falling` when at least that much lower, `steady` otherwise, `n/a` with fewer than two parts
 * with a possible session. Decided in integers: `100 * (aL * pE - aE * pL)` against `T * pL * pE`.
 *
 * @module
 */
import {
  defaultCalendar,
  PA_THRESHOLD,
  rangePeriod,
  reachesThreshold,
  SEVERE_THRESHOLD,
  splitIntoHalfTerms,
  toDayNumber,
  weekParts,
  type Dataset,
  type Enrolment,
  type IsoDate,
} from '@attendance-kit/core';
import { assemble, Notes, weekLabel } from './build.js';
import { countCell, forEachMark, markKind, plainRateCell, pupilScope, schoolKey, scopeNotes, totalKey, withoutComparator, type PupilScope } from './data-check-scope.js';
import type { Report, ReportCell, ReportColumn, ReportRow } from './model.js';
import type { ReportOptions } from './table.js';

/** Options of {@link persistentAbsence}. */
export interface PersistentAbsenceOptions extends ReportOptions {
  /** Trajectory columns: per half-term (England default dates) or per week; default half-term when the period spans two or more half-terms, else week. */
  readonly trajectory?: 'half-term' | 'week';
  /** List only severely absent pupils (>= 50%). */
  readonly severeOnly?: boolean;
  /** Percentage points (a whole number) between the last part's rate and the earlier parts' for `rising` / `falling`; default 5. */
  readonly trendPoints?: number;
}

/** Column ids besides the trajectory parts (half-term names, or week Mondays). */
export const PAR_COLUMNS = { ytd: 'ytd', pa: 'persistent', severe: 'severe' } as const;

/** A part of the trajectory. */
export interface TrajectoryPart {
  readonly id: string;
  readonly label: string;
  readonly fromDay: number;
  readonly toDay: number;
}

/** Sessions of one enrolment, school or total: the period and each part. */
export interface AbsenceCounts {
  possible: number;
  absence: number;
  readonly parts: { possible: number; absence: number }[];
}

/** `rising`, `falling`, `steady` or `n/a` (see the module comment). */
export type Trend = 'rising' | 'falling' | 'steady' | 'n/a';

/**
 * The trend of a trajectory: the last part with a possible session against the earlier ones pooled.
 * @example trendOf([{ possible: 10, absence: 1 }, { possible: 10, absence: 3 }], 5) // 'rising' (10% then 30%)
 */
export const trendOf = (parts: readonly { readonly possible: number; readonly absence: number }[], points: number): Trend => {
  const used = parts.filter((p) => p.possible > 0);
  const last = used[used.length - 1];
  if (last === undefined || used.length < 2) return 'n/a';
  let pE = 0n;
  let aE = 0n;
  for (const p of used.slice(0, -1)) {
    pE += BigInt(p.possible);
    aE += BigInt(p.absence);
  }
  const pL = BigInt(last.possible);
  const aL = BigInt(last.absence);
  const diff = 100n * (aL * pE - aE * pL);
  const bar = BigInt(Math.max(0, Math.floor(points))) * pL * pE;
  if (bar === 0n) return diff > 0n ? 'rising' : diff < 0n ? 'falling' : 'steady';
  return diff >= bar ? 'rising' : diff <= -bar ? 'falling' : 'steady';
};

/** The trajectory's parts for a period (see {@link PersistentAbsenceOptions.trajectory}). */
export const trajectoryParts = (from: IsoDate, to: IsoDate, mode: 'half-term' | 'week' | undefined): readonly TrajectoryPart[] => {
  const halves = splitIntoHalfTerms(rangePeriod(from, to), defaultCalendar);
  if (mode === 'half-term' || (mode === undefined && halves.length >= 2)) {
    const years = new Set(halves.map((h) => h.academicYear)).size;
    return halves.map((h) => ({
      id: years > 1 ? `${h.academicYear}-${h.halfTerm}` : h.halfTerm,
      label: `${h.halfTerm.replace(/^([a-z])([a-z]+)(\d)$/, (_, a: string, b: string, n: string) => `${a.toUpperCase()}${b} ${n}`)} (${h.from} to ${h.to})`,
      fromDay: toDayNumber(h.from),
      toDay: toDayNumber(h.to),
    }));
  }
  return weekParts({ from, to }).map((w) => ({ id: w.week.commencing, label: weekLabel(w.week.commencing), fromDay: toDayNumber(w.from), toDay: toDayNumber(w.to) }));
};

const zero = (n: number): AbsenceCounts => ({ possible: 0, absence: 0, parts: Array.from({ length: n }, () => ({ possible: 0, absence: 0 })) });
const addInto = (into: AbsenceCounts, c: AbsenceCounts): void => {
  into.possible += c.possible;
  into.absence += c.absence;
  c.parts.forEach((p, i) => {
    const q = into.parts[i] as { possible: number; absence: number };
    q.possible += p.possible;
    q.absence += p.absence;
  });
};

/** One enrolment's figures. */
export interface PupilAbsence {
  readonly enrolment: number;
  readonly counts: AbsenceCounts;
  readonly persistent: boolean;
  readonly severe: boolean;
}

/** A school's figures: every enrolment in scope with a possible session. */
export interface SchoolAbsence {
  readonly school: number;
  readonly counts: AbsenceCounts;
  /** Enrolments with at least the profile's minimum possible sessions (the base of PA). */
  readonly base: number;
  readonly pupils: readonly PupilAbsence[];
}

/**
 * Per-enrolment absence for the report, per selected school (dataset order).
 * @example absenceFigures(dataset, { from: '2024-09-02', to: '2024-12-20' }).schools[0].pupils.filter((p) => p.persistent).length
 */
export const absenceFigures = (
  dataset: Dataset,
  options: PersistentAbsenceOptions,
): { readonly schools: readonly SchoolAbsence[]; readonly parts: readonly TrajectoryPart[]; readonly marks: number; readonly scope: PupilScope } => {
  const scope = pupilScope(dataset, options);
  if (!scope.ok) return { schools: [], parts: [], marks: 0, scope };
  const parts = trajectoryParts(options.from, options.to, options.trajectory);
  const partOf = new Int32Array(scope.toDay - scope.fromDay + 1).fill(-1);
  parts.forEach((p, i) => {
    for (let d = p.fromDay; d <= p.toDay; d++) partOf[d - scope.fromDay] = i;
  });
  const persistent = scope.profile.persistent ?? PA_THRESHOLD;
  const severe = scope.profile.severe ?? SEVERE_THRESHOLD;
  const minPossible = Math.max(1, scope.profile.minPossibleForPa ?? 1);
  const bySchool = new Map<number, PupilAbsence[]>();
  const base = new Map<number, number>();
  let marks = 0;
  for (const e of scope.enrolments) {
    const c = zero(parts.length);
    forEachMark(dataset, scope, e, true, (slot, code) => {
      marks++;
      const day = slot >> 1;
      const k = markKind(code, day);
      if (!k.possible) return;
      const a = k.absent ? 1 : 0;
      c.possible++;
      c.absence += a;
      const p = c.parts[partOf[day - scope.fromDay] as number];
      if (p !== undefined) {
        p.possible++;
        p.absence += a;
      }
    });
    if (c.possible === 0) continue;
    const s = (dataset.enrolments[e] as Enrolment).school;
    const counted = c.possible >= minPossible;
    if (counted) base.set(s, (base.get(s) ?? 0) + 1);
    const list = bySchool.get(s) ?? [];
    bySchool.set(s, list);
    list.push({
      enrolment: e,
      counts: c,
      persistent: counted && reachesThreshold(c.absence, c.possible, persistent),
      severe: counted && reachesThreshold(c.absence, c.possible, severe),
    });
  }
  const schools = scope.schools.flatMap((s): SchoolAbsence[] => {
    const pupils = bySchool.get(s);
    if (pupils === undefined) return [];
    const counts = zero(parts.length);
    for (const p of pupils) addInto(counts, p.counts);
    return [{ school: s, counts, base: base.get(s) ?? 0, pupils }];
  });
  return { schools, parts, marks, scope };
};

/** Highest rate first (exact), then more sessions missed, then pupil id; `reverse` flips the first two. */
const byRate = (dataset: Dataset, reverse: boolean) => (a: PupilAbsence, b: PupilAbsence): number => {
  const d = Math.sign(b.counts.absence * a.counts.possible - a.counts.absence * b.counts.possible) || b.counts.absence - a.counts.absence;
  if (d !== 0) return reverse ? -d : d;
  const pa = (dataset.enrolments[a.enrolment] as Enrolment).pupilId;
  const pb = (dataset.enrolments[b.enrolment] as Enrolment).pupilId;
  return pa < pb ? -1 : pa > pb ? 1 : 0;
};

/**
 * Persistent absence: every persistently (or, with `severeOnly`, severely) absent pupil per school, with
 * the school's and the total's counts first, and each one's trajectory and trend.
 * @example persistentAbsence(dataset, { from: '2024-09-02', to: '2024-12-20' }).rows.filter((r) => r.key.status === 'severe')
 */
export const persistentAbsence = (dataset: Dataset, options: PersistentAbsenceOptions): Report => {
  const notes = new Notes();
  const { schools, parts, marks, scope } = absenceFigures(dataset, options);
  const points = Math.max(0, Math.floor(options.trendPoints ?? 5));
  const listed = (p: PupilAbsence) => (options.severeOnly === true ? p.severe : p.persistent);
  const cellsOf = (c: AbsenceCounts): Record<string, ReportCell> => {
    const cells: Record<string, ReportCell> = { [PAR_COLUMNS.ytd]: countCell(c.absence, c.possible) };
    parts.forEach((p, i) => {
      const q = c.parts[i] as { possible: number; absence: number };
      cells[p.id] = plainRateCell(q.absence, q.possible);
    });
    return cells;
  };
  const rows: ReportRow[] = [];
  let pupilRows = 0;
  if (schools.length > 0) {
    const total = zero(parts.length);
    let base = 0;
    let pa = 0;
    let sa = 0;
    for (const s of schools) {
      addInto(total, s.counts);
      base += s.base;
      pa += s.pupils.filter((p) => p.persistent).length;
      sa += s.pupils.filter((p) => p.severe).length;
    }
    rows.push({ key: { ...totalKey(dataset, scope), trend: trendOf(total.parts, points) }, cells: { ...cellsOf(total), [PAR_COLUMNS.pa]: countCell(pa, base), [PAR_COLUMNS.severe]: countCell(sa, base) } });
    for (const s of schools) {
      const pupils = s.pupils.filter(listed).sort(byRate(dataset, options.reverse ?? false));
      rows.push({
        key: { ...schoolKey(dataset, s.school), trend: trendOf(s.counts.parts, points) },
        cells: { ...cellsOf(s.counts), [PAR_COLUMNS.pa]: countCell(s.pupils.filter((p) => p.persistent).length, s.base), [PAR_COLUMNS.severe]: countCell(s.pupils.filter((p) => p.severe).length, s.base) },
      });
      for (const p of pupils) {
        const e = dataset.enrolments[p.enrolment] as Enrolment;
        pupilRows++;
        rows.push({
          key: {
            name: e.pupilId,
            school_urn: dataset.schools[s.school]?.urn ?? '',
            pupil_id: e.pupilId,
            year_group: e.yearGroup,
            row: 'pupil',
            status: p.severe ? 'severe' : 'persistent',
            trend: trendOf(p.counts.parts, points),
          },
          cells: cellsOf(p.counts),
        });
      }
    }
  }
  for (const s of scope.schools) {
    if (marks > 0 && !schools.some((x) => x.school === s)) notes.add(`School ${dataset.schools[s]?.urn ?? s} has no possible sessions in the period for the pupils asked for: no row.`);
  }
  scopeNotes(dataset, scope, options, notes, { marks, rows: pupilRows, what: options.severeOnly === true ? 'pupil is severely absent' : 'pupil is persistently absent', listsPupils: true });
  const pct = (t: { num: number; den: number }) => `${(t.num * 100) / t.den}%`;
  if (schools.length > 0) {
    notes.add(
      `Persistently absent: overall absence (authorised + unauthorised) at least ${pct(scope.profile.persistent ?? PA_THRESHOLD)} of the pupil's own possible sessions in the period; severely absent: at least ${pct(scope.profile.severe ?? SEVERE_THRESHOLD)} (DfE; both inclusive, decided in whole numbers). Decided per enrolment: a pupil who moved school is counted at each school.`,
    );
    notes.add('A pupil on roll for only part of the period is judged on their own possible sessions, so a short stay with a little absence can give a high rate (DfE notes this too).');
    const weekly = /^\d{4}-\d{2}-\d{2}$/.test(parts[0]?.id ?? '');
    const unit = weekly ? 'week' : 'half-term';
    notes.add(`Trend compares the last ${unit} with a possible session against the earlier ${unit}s together: rising or falling by at least ${points} percentage points, else steady; n/a with fewer than two ${unit}s.`);
    if (!weekly) notes.add('Half-terms are England\'s default dates (core defaultCalendar); sessions in a half-term break count in the period figure only.');
  }
  const columns: ReportColumn[] = [
    { id: PAR_COLUMNS.ytd, label: `Overall absence, ${options.periodLabel ?? 'period'} (sessions missed, rate)` },
    { id: PAR_COLUMNS.pa, label: 'Persistently absent pupils (of pupils)' },
    { id: PAR_COLUMNS.severe, label: 'Severely absent pupils (of pupils)' },
    ...parts.map((p) => ({ id: p.id, label: p.label })),
  ];
  return assemble({ id: 'persistent-absence', title: options.severeOnly === true ? 'Severe absence' : 'Persistent and severe absence' }, withoutComparator(options, notes), columns, rows, notes);
};

/**
 * A deliberately plain implementation of `summarise`, for tests and the bench only: mark objects,
 * a Map to pick each mark's winning version, string dates, the category straight from codes.ts,
 * and sums in plain objects. Slow and obviously right; the columnar engine must agree with it.
 *
 * Rules (canonical-format.md): versions (latest recorded_at wins, empty is oldest, later row on
 * ties); possible = present + AEA + authorised + unauthorised (+ COVID `X`, reference §3); an
 * enrolment with no possible session is in no figure; PA >= 10%, severe >= 50% of its own possible
 * sessions (reference §4.2).
 */
import {
  CODE_ID,
  CODE_TABLE,
  COVID_X_WINDOW,
  PROFILES,
  YEAR_GROUPS,
  academicYearOf,
  fromDayNumber,
  includeEnrolment,
  sessionCutoffDay,
  type Category,
  type Enrolment,
  type Profile,
  type SummariseOptions,
  type SummariseResult,
  type SummaryRow,
} from '../src/index.js';
import type { RawDataset, RawMark } from '../src/testing/datasets.js';

const KEY_OF = { school: 'school_urn', la: 'la_code' } as const;

const yesNo = (b: boolean | undefined): string => (b === undefined ? '' : String(b));

/** The enrolment's pupils.csv value of a field ('' when unknown). */
const valueOf = (raw: RawDataset, e: Enrolment, field: string): string => {
  const school = raw.schools[e.school];
  const values: Record<string, string> = {
    school_urn: school?.urn ?? '',
    la_code: school?.laCode ?? '',
    pupil_id: e.pupilId,
    date_of_birth: e.dateOfBirth ?? '',
    sex: e.sex ?? '',
    year_group: e.yearGroup,
    fsm: yesNo(e.fsm),
    fsm6: yesNo(e.fsm6),
    eal: yesNo(e.eal),
    looked_after: yesNo(e.lookedAfter),
    sen: e.sen ?? '',
    ethnicity: e.ethnicity ?? '',
    enrolment_status: e.enrolmentStatus,
    admission_date: e.admissionDate ?? '',
    leaving_date: e.leavingDate ?? '',
  };
  return values[field] ?? '';
};

interface Sums {
  enrolments: number;
  pa: number;
  severe: number;
  byCode: Record<string, number>;
  byCategory: Record<Category, number>;
}

const emptySums = (): Sums => ({
  enrolments: 0,
  pa: 0,
  severe: 0,
  byCode: {},
  byCategory: { present: 0, aea: 0, authorised: 0, unauthorised: 0, not_possible: 0, unmarked: 0, covid: 0 },
});

/** The rows `summarise` must produce for a raw dataset. */
export const naiveSummarise = (raw: RawDataset, options: SummariseOptions): SummariseResult => {
  const profile: Profile = typeof options.profile === 'object' ? options.profile : PROFILES[options.profile ?? 'dfe'];
  const by = options.by ?? [];
  const filters = options.filter ?? [];
  const covidX = options.covidX ?? 'dfe';
  const year = academicYearOf(options.from);

  // 1. Versions: the winner of each (enrolment, date, session).
  const stamp = (m: RawMark): number => (Number.isNaN(m.recordedAt) ? -Infinity : m.recordedAt);
  const winners = new Map<string, RawMark>();
  for (const m of raw.marks) {
    const key = `${m.enrolment}|${m.day}|${m.session}`;
    const old = winners.get(key);
    if (old === undefined || stamp(m) >= stamp(old)) winners.set(key, m);
  }

  // 2. Each enrolment's sessions by code and category, in the period and profile.
  const perEnrolment = raw.enrolments.map(() => emptySums());
  for (const m of winners.values()) {
    const e = raw.enrolments[m.enrolment] as Enrolment;
    const date = fromDayNumber(m.day);
    if (date < options.from || date > options.to) continue;
    const cut = sessionCutoffDay(profile, e, year);
    if (cut !== undefined && m.day >= cut && date <= `${year + 1}-07-31`) continue;
    if (m.code === 'N' && profile.countN === false) continue;
    const info = CODE_TABLE[CODE_ID.get(m.code) as number];
    if (info === undefined) throw new Error(`unknown code ${m.code}`);
    const covid = m.code === 'X' && covidX === 'dfe' && date >= COVID_X_WINDOW.from && date <= COVID_X_WINDOW.to;
    const s = perEnrolment[m.enrolment] as Sums;
    s.byCode[m.code] = (s.byCode[m.code] ?? 0) + 1;
    const category = covid ? 'covid' : info.category;
    s.byCategory[category] += 1;
  }

  // 3. Groups of counted enrolments.
  const groups = new Map<string, { key: string[]; sums: Sums }>();
  raw.enrolments.forEach((e, i) => {
    if (!includeEnrolment(profile, e, year)) return;
    if (!filters.every((f) => valueOf(raw, e, f.field) === f.value)) return;
    const s = perEnrolment[i] as Sums;
    const c = s.byCategory;
    const possible = c.present + c.aea + c.authorised + c.unauthorised + c.covid;
    if (possible === 0) return;
    const absence = c.authorised + c.unauthorised;
    const key = by.map((f) => valueOf(raw, e, f === 'school' || f === 'la' ? KEY_OF[f] : f));
    const id = JSON.stringify(key);
    const g = groups.get(id) ?? { key, sums: emptySums() };
    groups.set(id, g);
    g.sums.enrolments += 1;
    const pa = profile.persistent ?? { num: 10, den: 100 };
    const severe = profile.severe ?? { num: 50, den: 100 };
    if (absence * pa.den >= possible * pa.num) g.sums.pa += 1;
    if (absence * severe.den >= possible * severe.num) g.sums.severe += 1;
    for (const [code, n] of Object.entries(s.byCode)) g.sums.byCode[code] = (g.sums.byCode[code] ?? 0) + n;
    for (const k of Object.keys(c) as Category[]) g.sums.byCategory[k] += c[k];
  });
  if (by.length === 0 && groups.size === 0) groups.set('[]', { key: [], sums: emptySums() });

  // 4. Rows, sorted by key (year groups in register order, the rest by code point).
  const rank = (field: string, v: string): [number, string] => [field === 'year_group' ? (YEAR_GROUPS as readonly string[]).indexOf(v) : 0, v];
  const sorted = [...groups.values()].sort((a, b) => {
    for (let k = 0; k < by.length; k++) {
      const [ra, va] = rank(by[k] as string, a.key[k] as string);
      const [rb, vb] = rank(by[k] as string, b.key[k] as string);
      if (ra !== rb) return ra - rb;
      if (va !== vb) return va < vb ? -1 : 1;
    }
    return 0;
  });
  const pct = (n: number, d: number): number | null => (d > 0 ? (n * 100) / d : null);
  const rows = sorted.map(({ key, sums }) => {
    const c = sums.byCategory;
    const possible = c.present + c.aea + c.authorised + c.unauthorised + c.covid;
    const row: Record<string, unknown> = {};
    by.forEach((f, k) => {
      row[f === 'school' || f === 'la' ? KEY_OF[f] : f] = key[k];
    });
    return {
      ...row,
      enrolments: sums.enrolments,
      possible_sessions: possible,
      present_sessions: c.present,
      approved_educational_activity: c.aea,
      overall_attendance: c.present + c.aea,
      overall_absence: c.authorised + c.unauthorised,
      authorised_absence: c.authorised,
      unauthorised_absence: c.unauthorised,
      late_sessions: (sums.byCode['L'] ?? 0) + (sums.byCode['U'] ?? 0),
      not_possible_sessions: c.not_possible,
      unmarked_sessions: c.unmarked,
      sessions_by_code: sums.byCode,
      pa_enrolments: sums.pa,
      severe_absence_enrolments: sums.severe,
      attendance_perc: pct(c.present + c.aea, possible),
      overall_absence_perc: pct(c.authorised + c.unauthorised, possible),
      authorised_absence_perc: pct(c.authorised, possible),
      unauthorised_absence_perc: pct(c.unauthorised, possible),
      pa_perc: pct(sums.pa, sums.enrolments),
    } as SummaryRow;
  });
  return { rows };
};

/**
 * The schools and enrolments of a synthetic LA: a mix of primary, secondary and special schools of
 * realistic sizes, pupils with characteristics close to national shares, some pupils who move
 * school during the period, some who join from outside, and a few dual registrations.
 *
 * Shares are rounded national figures (DfE "Schools, pupils and their characteristics" 2024/25:
 * FSM about 25 %, SEN support about 14 %, EHC plans about 5 %, EAL about 22 %; looked-after
 * children under 1 %) and only aim to make test data look plausible.
 *
 * @module
 */
import type { Enrolment, Phase, School, Sen, YearGroup } from '../dataset.js';
import { fromDayNumber, toDayNumber } from '../dates.js';
import type { IsoDate } from '../dates.js';
import { deriveSeed, intBetween, mulberry32, pickWeighted, weighted } from './synthetic-prng.js';
import type { Rng } from './synthetic-prng.js';

/** How absent an enrolment is meant to be: ordinary, persistently absent, or severely absent. */
export const ABSENCE_KIND = { ordinary: 0, persistent: 1, severe: 2 } as const;

/** What the mark generator needs to know about each enrolment, beyond its public record. */
export interface EnrolmentPlan {
  /** {@link ABSENCE_KIND} per enrolment. */
  readonly kind: Uint8Array;
  /** The intended share of possible sessions missed. */
  readonly rate: Float64Array;
  /** 1 when a severely absent pupil is on a part-time timetable (C2 every afternoon). */
  readonly partTime: Uint8Array;
  /** Weekdays (bit 0 = Monday) spent at the other school of a dual registration; 0 when single-registered. */
  readonly dualDays: Uint8Array;
  /** 0 single, 1 main (marks D on `dualDays`), 2 subsidiary (marks D on the other weekdays). */
  readonly dualRole: Uint8Array;
  /** First and last day numbers on roll (the last is `0x7fffffff` when the pupil stays). */
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
}

/** The population of a synthetic LA. */
export interface SyntheticPopulation {
  readonly schools: readonly School[];
  readonly enrolments: readonly Enrolment[];
  readonly plan: EnrolmentPlan;
  /** Enrolment indexes of each school, in register order. */
  readonly bySchool: readonly Int32Array[];
}

/** What the population builder needs. */
export interface PopulationSpec {
  readonly seed: number;
  readonly laCode: string;
  readonly schools: number;
  readonly pupils: number;
  /** The LA's school days in the period, ascending (non-empty). */
  readonly schoolDays: Int32Array;
  /** The academic year of the period's start (2024 for 2024/25). */
  readonly academicYear: number;
}

const NAMES = ['Oakfield', 'Riverside', 'St Mary\'s', 'Hillcrest', 'Meadowbank', 'Kingsway', 'Park View', 'Brookside', 'Holy Trinity', 'Westfield', 'Ashgrove', 'Millbrook', 'St John\'s', 'Greenacres', 'Fairfield', 'Castle Hill', 'Beechwood', 'Northgate', 'Elmhurst', 'Sandringham'];
const ETHNICITIES = weighted<string | undefined>([
  ['WBRI', 64], ['WIRI', 1], ['WOTH', 8], ['WROM', 0.6], ['MWBC', 1.6], ['MWBA', 0.9], ['MWAS', 1.7], ['MOTH', 2.2],
  ['AIND', 3.5], ['APKN', 4.5], ['ABAN', 1.9], ['AOTH', 2.1], ['BCRB', 0.9], ['BAFR', 4], ['BOTH', 0.6], ['CHNE', 0.5],
  ['OOTH', 2], ['REFU', 0.5], [undefined, 1.5],
]);
const PHASE_YEARS: Readonly<Record<'primary' | 'secondary' | 'special', readonly YearGroup[]>> = {
  primary: ['R', '1', '2', '3', '4', '5', '6'],
  secondary: ['7', '8', '9', '10', '11', '12', '13'],
  special: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'],
};
/** Year-group number: R = 0, Y1 = 1 ... Y14 = 14. */
const yearNumber = (y: YearGroup): number => (y === 'R' ? 0 : Number(y));

/** Phases in a stable, evenly spread order: about 5 % special, 15 % secondary, the rest primary. */
const phasesFor = (n: number, rng: Rng): ('primary' | 'secondary' | 'special')[] => {
  const special = n >= 3 ? Math.max(1, Math.round(n * 0.05)) : 0;
  const secondary = n >= 2 ? Math.max(1, Math.round(n * 0.15)) : 0;
  const phases: ('primary' | 'secondary' | 'special')[] = [];
  for (let i = 0; i < n; i++) phases.push(i < special ? 'special' : i < special + secondary ? 'secondary' : 'primary');
  for (let i = n - 1; i > 0; i--) {
    const j = intBetween(rng, 0, i);
    [phases[i], phases[j]] = [phases[j] as 'primary', phases[i] as 'primary'];
  }
  return phases;
};

/** An unscaled school size: forms of entry for mainstream schools, small special schools. */
const rawSize = (phase: Phase, rng: Rng): number =>
  phase === 'primary' ? 105 * intBetween(rng, 1, 6) * (0.85 + 0.2 * rng())
    : phase === 'secondary' ? 150 * intBetween(rng, 4, 11) * (0.85 + 0.2 * rng())
      : 60 + 140 * rng();

/** Smallest school size by phase, so a small total still gives schools of plausible size. */
const MIN_SIZE: Readonly<Record<'primary' | 'secondary' | 'special', number>> = { primary: 60, secondary: 200, special: 30 };

/**
 * School sizes in proportion to `raw`, adding up to about `total`, with no school below its phase's
 * minimum (itself capped at half the mean size, for very small totals).
 */
const scaledSizes = (phases: readonly ('primary' | 'secondary' | 'special')[], raw: readonly number[], total: number): number[] => {
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const floors = phases.map((p) => Math.min(MIN_SIZE[p], (0.5 * total) / phases.length));
  const scale = total / sum(raw);
  const small = raw.map((r, i) => r * scale < (floors[i] as number));
  const fixed = sum(floors.filter((_, i) => small[i]));
  const rest = sum(raw.filter((_, i) => !small[i]));
  const restScale = rest > 0 ? Math.max(0, total - fixed) / rest : 0;
  return raw.map((r, i) => Math.max(1, Math.round(small[i] ? (floors[i] as number) : r * restScale)));
};

/** Builds the schools and enrolments, deterministically from `spec.seed`. */
export const buildPopulation = (spec: PopulationSpec): SyntheticPopulation => {
  const rng = mulberry32(deriveSeed(spec.seed, 1));
  const laNum = Number(spec.laCode);
  const phases = phasesFor(spec.schools, rng);
  const schools: School[] = phases.map((phase, i) => ({
    urn: String(laNum * 1000 + i + 1).padStart(6, '1'),
    name: `${NAMES[i % NAMES.length] as string}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''} ${phase === 'primary' ? 'Primary School' : phase === 'secondary' ? 'Academy' : 'Special School'}`,
    laCode: spec.laCode,
    phase,
  }));
  const raw = phases.map((p) => rawSize(p, rng));
  const sizes = scaledSizes(phases, raw, spec.pupils);
  const sixthForm = phases.map(() => rng() < 0.6);

  const days = spec.schoolDays;
  const firstDay0 = days[0] as number;
  const enrolments: Enrolment[] = [];
  const kind: number[] = [];
  const rate: number[] = [];
  const partTime: number[] = [];
  const dualDays: number[] = [];
  const dualRole: number[] = [];
  const firstDay: number[] = [];
  const lastDay: number[] = [];
  let nextPupil = 1;
  const pupilId = (): string => `${spec.laCode}P${String(nextPupil++).padStart(7, '0')}`;
  const isoDay = (d: number): IsoDate => fromDayNumber(d);

  const plan = (e: Enrolment, phase: Phase, first: number, last: number): void => {
    const m = (e.fsm ? 1.7 : 1) * (e.sen === 'E' ? 1.6 : e.sen === 'K' ? 1.4 : 1) * (e.lookedAfter ? 1.3 : 1)
      * (phase === 'secondary' ? 1.35 : phase === 'special' ? 2.2 : 0.85);
    const u = rng();
    const k = u < 0.015 * m ? ABSENCE_KIND.severe : u < 0.125 * m ? ABSENCE_KIND.persistent : ABSENCE_KIND.ordinary;
    const v = rng();
    enrolments.push(e);
    kind.push(k);
    rate.push(k === ABSENCE_KIND.severe ? 0.52 + 0.33 * v : k === ABSENCE_KIND.persistent ? 0.11 + 0.28 * v ** 1.6 : 0.004 + 0.07 * v ** 1.5);
    partTime.push(k === ABSENCE_KIND.severe && rng() < 0.35 ? 1 : 0);
    dualDays.push(0);
    dualRole.push(0);
    firstDay.push(first);
    lastDay.push(last);
  };

  const newPupil = (school: number, phase: 'primary' | 'secondary' | 'special', admission: number | undefined): Enrolment => {
    const years = PHASE_YEARS[phase].filter((y) => phase !== 'secondary' || sixthForm[school] === true || yearNumber(y) <= 11);
    const yearGroup = years[intBetween(rng, 0, years.length - 1)] as YearGroup;
    const n = yearNumber(yearGroup);
    // Born 1 Sep .. 31 Aug so that Y1 is 5 on 31 August before the academic year (canonical-format.md).
    const born = toDayNumber(`${spec.academicYear - 5 - n}-09-01`) + intBetween(rng, 0, 364);
    const fsm = rng() < 0.25;
    const senU = rng();
    const sen: Sen = phase === 'special' ? 'E' : senU < 0.035 ? 'E' : senU < 0.175 ? 'K' : 'N';
    const ethnicity = pickWeighted(ETHNICITIES, rng());
    const entered = phase === 'primary' ? n : phase === 'secondary' ? n - 7 : intBetween(rng, 0, 3);
    const admissionDate = admission === undefined ? (`${spec.academicYear - Math.max(0, entered)}-09-01` as IsoDate) : isoDay(admission);
    return {
      school,
      pupilId: pupilId(),
      dateOfBirth: isoDay(born),
      sex: rng() < (phase === 'special' ? 0.7 : 0.51) ? 'M' : 'F',
      yearGroup,
      fsm,
      fsm6: fsm || rng() < 0.08,
      eal: rng() < 0.22,
      lookedAfter: rng() < 0.007,
      sen,
      ...(ethnicity === undefined ? {} : { ethnicity }),
      enrolmentStatus: 'C',
      admissionDate,
    };
  };

  const NEVER = 0x7fffffff;
  const movers: number[] = [];
  phases.forEach((phase, s) => {
    const size = sizes[s] as number;
    const joiners = Math.round(size * 0.02);
    for (let p = 0; p < size - joiners; p++) {
      const e = newPupil(s, phase, undefined);
      plan(e, phase, firstDay0, NEVER);
      if (rng() < 0.03 && days.length > 20) movers.push(enrolments.length - 1);
    }
    for (let p = 0; p < joiners; p++) {
      const d = days[intBetween(rng, Math.floor(days.length * 0.05), days.length - 1)] as number;
      plan(newPupil(s, phase, d), phase, d, NEVER);
    }
  });

  // Movers leave on a school day; about half join another school of the same phase a few days later.
  for (const i of movers) {
    const e = enrolments[i] as Enrolment;
    const leaveIx = intBetween(rng, Math.floor(days.length * 0.1), Math.floor(days.length * 0.9));
    const leave = days[leaveIx] as number;
    enrolments[i] = { ...e, leavingDate: isoDay(leave) };
    lastDay[i] = leave;
    const phase = phases[e.school] as 'primary';
    const others = phases.flatMap((p, s) => (p === phase && s !== e.school ? [s] : []));
    const joinIx = leaveIx + intBetween(rng, 1, 10);
    if (rng() < 0.55 && others.length > 0 && joinIx < days.length) {
      const join = days[joinIx] as number;
      const to = others[intBetween(rng, 0, others.length - 1)] as number;
      plan({ ...e, school: to, admissionDate: isoDay(join) }, phase, join, NEVER);
    }
  }

  // A few mainstream pupils spend one or two days a week at a special school (dual registration).
  const specials = phases.flatMap((p, s) => (p === 'special' ? [s] : []));
  const eligible = specials.length === 0 ? [] : enrolments.flatMap((e, i) => (phases[e.school] !== 'special' && lastDay[i] === NEVER ? [i] : []));
  const chosen = eligible.filter(() => rng() < 0.004);
  if (chosen.length === 0 && eligible.length > 0) chosen.push(eligible[0] as number); // the demo should show one
  for (const i of chosen) {
    const e = enrolments[i] as Enrolment;
    const to = specials[intBetween(rng, 0, specials.length - 1)] as number;
    const mask = rng() < 0.5 ? 0b00100 : 0b01100; // Wednesday, or Wednesday and Thursday
    enrolments[i] = { ...e, enrolmentStatus: 'M' };
    dualDays[i] = mask;
    dualRole[i] = 1;
    plan({ ...e, school: to, enrolmentStatus: 'S', admissionDate: isoDay(firstDay[i] as number) }, 'special', firstDay[i] as number, NEVER);
    dualDays[enrolments.length - 1] = mask;
    dualRole[enrolments.length - 1] = 2;
  }

  const buckets: number[][] = schools.map(() => []);
  enrolments.forEach((e, i) => buckets[e.school]?.push(i));
  const bySchool = buckets.map((b) => Int32Array.from(b));
  return {
    schools,
    enrolments,
    bySchool,
    plan: {
      kind: Uint8Array.from(kind),
      rate: Float64Array.from(rate),
      partTime: Uint8Array.from(partTime),
      dualDays: Uint8Array.from(dualDays),
      dualRole: Uint8Array.from(dualRole),
      firstDay: Int32Array.from(firstDay),
      lastDay: Int32Array.from(lastDay),
    },
  };
};

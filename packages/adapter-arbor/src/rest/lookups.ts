/**
 * The lookups of an Arbor export folder (first pass; see README.md "Two passes"): the entities a
 * mark or a student points at, reduced to what the canonical records need.
 *
 * - AttendanceMark: its statutory symbol (`attendanceMark`, inferred to be the register symbol;
 *   §3.2) and statistical flags, by id and by `code` (hrefs use either).
 * - AttendanceRegisterType: AM, PM, neither (lesson registers) or both, from `isMorning`/`isAfternoon`.
 * - AttendanceRegister, AttendanceRollCall: their register type.
 * - Person, Gender, Ethnicity, AcademicLevelMembership, AcademicLevel, CurriculumGrade,
 *   SenStatusAssignment, SenStatus, InCareStatusAssignment, InCareStatus, EligibilityRecord,
 *   Eligibility: a student's characteristics (§3.3).
 *
 * One id defined twice with different content is a conflict: what points at it is rejected, so
 * the result never depends on which file was read first. The builder is the one mutable thing of
 * the first pass; lookups are plain maps afterwards.
 *
 * @module
 */
import { type Entity, field, idOf, isEntity, refId, textOf } from './entity.js';
import { boolOf, dateOf, type StatFlags } from '../shared/values.js';

/** An AttendanceMark as the marks need it. */
export interface MarkInfo {
  /** How to name it: its `code` (e.g. `PRESENT`), else its id. */
  readonly name: string;
  /** The symbol it is recorded with (`attendanceMark`, else inferred variants), untrimmed text. */
  readonly symbol?: string;
  readonly flags: StatFlags;
}

/** The session a register type stands for. */
export type SessionInfo = 'AM' | 'PM' | 'neither' | 'both';

/** A looked-up value, or why there is none. */
export type Found<T> = { readonly _tag: 'found'; readonly value: T } | { readonly _tag: 'missing'; readonly ref?: string } | { readonly _tag: 'conflict'; readonly ref: string };

type Slot<T> = { readonly value: T; readonly text: string } | 'conflict';

/** A date-ranged assignment (start/end as YYYY-MM-DD, undefined when open). */
export interface Span {
  readonly ref: string | undefined;
  readonly embedded: Entity | undefined;
  readonly start: string | undefined;
  readonly end: string | undefined;
}

/** The lookups of one folder. */
export interface Lookups {
  readonly marks: ReadonlyMap<string, Slot<MarkInfo>>;
  readonly registerTypes: ReadonlyMap<string, Slot<SessionInfo>>;
  /** Register or roll call id to its register type (a ref, or the session when embedded). */
  readonly registers: ReadonlyMap<string, Slot<{ readonly ref?: string; readonly session?: SessionInfo }>>;
  readonly rollCalls: ReadonlyMap<string, Slot<{ readonly ref?: string; readonly session?: SessionInfo }>>;
  /** Entities by kind and id (persons, genders, ethnicities, levels, grades, statuses). */
  readonly entities: ReadonlyMap<string, Slot<Entity>>;
  /** Assignments by kind, then by the student's (or person's) id. */
  readonly spans: ReadonlyMap<string, ReadonlyMap<string, readonly Span[]>>;
}

/** Kinds read as lookups in the first pass. */
export const LOOKUP_KINDS: ReadonlySet<string> = new Set([
  'attendancemark',
  'attendanceregistertype',
  'attendanceregister',
  'attendancerollcall',
  'person',
  'gender',
  'ethnicity',
  'academiclevel',
  'curriculumgrade',
  'senstatus',
  'incarestatus',
  'eligibility',
  'academiclevelmembership',
  'senstatusassignment',
  'incarestatusassignment',
  'eligibilityrecord',
]);

/** Assignment kinds: (subject member, value member). */
export const SPAN_KINDS: Readonly<Record<string, readonly [string, string]>> = {
  academiclevelmembership: ['student', 'academicLevel'],
  senstatusassignment: ['student', 'senStatus'],
  incarestatusassignment: ['student', 'inCareStatus'],
  eligibilityrecord: ['person', 'eligibility'],
};

/** The session of a register type entity. */
export const sessionOfType = (e: Entity): SessionInfo | undefined => {
  const am = boolOf(field(e, 'isMorning'));
  const pm = boolOf(field(e, 'isAfternoon'));
  if (am === undefined && pm === undefined) return undefined;
  return am === true ? (pm === true ? 'both' : 'AM') : pm === true ? 'PM' : 'neither';
};

const SYMBOL_FIELDS = ['attendanceMark', 'exportCode', 'statutoryCode', 'dfeCode'];

/** An AttendanceMark entity as {@link MarkInfo}. */
export const markInfoOf = (e: Entity, id: string): MarkInfo => {
  const symbolField = SYMBOL_FIELDS.find((f) => typeof field(e, f) === 'string' && (field(e, f) as string).trim() !== '');
  const flag = (name: string): boolean | undefined => boolOf(field(e, name));
  const flags: { -readonly [K in keyof StatFlags]: StatFlags[K] } = {};
  const set = (k: keyof StatFlags, v: boolean | undefined): void => {
    if (v !== undefined) flags[k] = v;
  };
  set('present', flag('isStatisticalPresent'));
  set('aea', flag('isStatisticalApprovedEducationalActivity'));
  set('authorised', flag('isStatisticalAuthorizedAbsent') ?? flag('isStatisticalAuthorisedAbsent'));
  set('unauthorised', flag('isStatisticalUnauthorizedAbsent') ?? flag('isStatisticalUnauthorisedAbsent'));
  set('possible', flag('isStatisticalPossibleAttendance'));
  return {
    name: textOf(field(e, 'code')) ?? id,
    ...(symbolField === undefined ? {} : { symbol: field(e, symbolField) as string }),
    flags,
  };
};

/** The register type of a register or roll call: an embedded type's session, or its ref. */
const typeOf = (e: Entity): { readonly ref?: string; readonly session?: SessionInfo } => {
  const t = field(e, 'attendanceRegisterType');
  const embedded = isEntity(t) ? sessionOfType(t) : undefined;
  if (embedded !== undefined) return { session: embedded };
  const own = sessionOfType(e); // inferred: a roll call carrying the flags itself
  if (own !== undefined) return { session: own };
  const ref = refId(t);
  return ref === undefined ? {} : { ref };
};

/** A lookup builder for the first pass. */
export interface LookupBuilder {
  add(kind: string, e: Entity): void;
  readonly lookups: Lookups;
}

const put = <T>(map: Map<string, Slot<T>>, id: string, value: T): void => {
  const text = JSON.stringify(value);
  const old = map.get(id);
  if (old === undefined) map.set(id, { value, text });
  else if (old !== 'conflict' && old.text !== text) map.set(id, 'conflict');
};

/** A new, empty lookup builder. */
export const createLookupBuilder = (): LookupBuilder => {
  const marks = new Map<string, Slot<MarkInfo>>();
  const registerTypes = new Map<string, Slot<SessionInfo>>();
  const registers = new Map<string, Slot<{ readonly ref?: string; readonly session?: SessionInfo }>>();
  const rollCalls = new Map<string, Slot<{ readonly ref?: string; readonly session?: SessionInfo }>>();
  const entities = new Map<string, Slot<Entity>>();
  const spans = new Map<string, Map<string, Span[]>>();
  const add = (kind: string, e: Entity): void => {
    const id = idOf(e);
    switch (kind) {
      case 'attendancemark': {
        const code = textOf(field(e, 'code'));
        const info = markInfoOf(e, id ?? code ?? '?');
        if (id !== undefined) put(marks, id, info);
        if (code !== undefined && code !== id) put(marks, code, info);
        return;
      }
      case 'attendanceregistertype': {
        const s = sessionOfType(e);
        const code = textOf(field(e, 'code'));
        if (s === undefined) return;
        if (id !== undefined) put(registerTypes, id, s);
        if (code !== undefined && code !== id) put(registerTypes, code, s);
        return;
      }
      case 'attendanceregister':
        if (id !== undefined) put(registers, id, typeOf(e));
        return;
      case 'attendancerollcall': {
        const code = textOf(field(e, 'code'));
        if (id !== undefined) put(rollCalls, id, typeOf(e));
        if (code !== undefined && code !== id) put(rollCalls, code, typeOf(e));
        return;
      }
      default: {
        const span = SPAN_KINDS[kind];
        if (span !== undefined) {
          const subject = refId(field(e, span[0]));
          if (subject === undefined) return;
          const v = field(e, span[1]);
          const byId = spans.get(kind) ?? new Map<string, Span[]>();
          spans.set(kind, byId);
          const list = byId.get(subject) ?? [];
          byId.set(subject, list);
          list.push({
            ref: refId(v),
            embedded: isEntity(v) && Object.keys(v).some((k) => k !== 'entityType' && k !== 'href' && k !== 'id') ? v : undefined,
            start: dateOf(field(e, 'startDate') ?? field(e, 'startDatetime')),
            end: dateOf(field(e, 'endDate') ?? field(e, 'endDatetime')),
          });
          return;
        }
        if (id !== undefined) put(entities, `${kind}|${id}`, e);
        const code = textOf(field(e, 'code'));
        if (code !== undefined && code !== id) put(entities, `${kind}|${code}`, e);
      }
    }
  };
  return { add, lookups: { marks, registerTypes, registers, rollCalls, entities, spans } };
};

/** A slot as a {@link Found}. */
export const found = <T>(slot: Slot<T> | undefined, ref: string | undefined): Found<T> =>
  slot === undefined || ref === undefined ? (ref === undefined ? { _tag: 'missing' } : { _tag: 'missing', ref }) : slot === 'conflict' ? { _tag: 'conflict', ref } : { _tag: 'found', value: slot.value };

/** An entity pointed at by `v`: embedded in full, or looked up by kind and id. */
export const entityAt = (lookups: Lookups, kind: string, v: unknown): Found<Entity> => {
  if (isEntity(v) && Object.keys(v).some((k) => k !== 'entityType' && k !== 'href' && k !== 'id')) return { _tag: 'found', value: v };
  const ref = refId(v);
  return found(ref === undefined ? undefined : lookups.entities.get(`${kind}|${ref}`), ref);
};

/** The assignment in force after the last change: latest start, then latest end (open last), then ref. */
export const latestSpan = (list: readonly Span[] | undefined): Span | undefined => {
  if (list === undefined || list.length === 0) return undefined;
  const key = (s: Span): string => `${s.start ?? '0000-00-00'}|${s.end ?? '9999-99-99'}|${s.ref ?? ''}|${JSON.stringify(s.embedded ?? null)}`;
  return list.reduce((a, b) => (key(b) > key(a) ? b : a));
};

/**
 * Joins an AttendanceRecord, AttendanceRollCallRecord or Student with the folder's lookups (the
 * second pass). The raw records `read` yields carry what these find, so `normalize` needs nothing
 * else and its result cannot depend on file order. Pure.
 *
 * @module
 */
import { type Entity, field, isEntity, refId, textOf } from './entity.js';
import { entityAt, found, latestSpan, markInfoOf, sessionOfType, type Found, type Lookups, type MarkInfo, type SessionInfo, type Span } from './lookups.js';
import { boolOf, senOf } from '../shared/values.js';

/** The AttendanceMark of a mark entity: embedded in full, or looked up by id or code. */
export const markOf = (lookups: Lookups, e: Entity): Found<MarkInfo> => {
  const v = field(e, 'attendanceMark');
  const ref = refId(v) ?? (isEntity(v) ? textOf(field(v, 'code')) : undefined);
  if (isEntity(v) && (Object.hasOwn(v, 'attendanceMark') || Object.hasOwn(v, 'isStatisticalPresent'))) return { _tag: 'found', value: markInfoOf(v, ref ?? '?') };
  return found(ref === undefined ? undefined : lookups.marks.get(ref), ref);
};

const viaType = (lookups: Lookups, t: { readonly ref?: string; readonly session?: SessionInfo }): Found<SessionInfo> =>
  t.session !== undefined ? { _tag: 'found', value: t.session } : found(t.ref === undefined ? undefined : lookups.registerTypes.get(t.ref), t.ref);

/**
 * The session of a mark entity: AttendanceRecord through its register's type, a roll call record
 * through its roll call's type (§3.2); an embedded register type, register or roll call is used
 * as given.
 */
export const sessionOf = (lookups: Lookups, e: Entity, kind: 'record' | 'rollcall'): Found<SessionInfo> => {
  const direct = field(e, 'attendanceRegisterType');
  if (direct !== undefined) return isEntity(direct) && sessionOfType(direct) !== undefined ? { _tag: 'found', value: sessionOfType(direct) as SessionInfo } : viaType(lookups, { ...(refId(direct) === undefined ? {} : { ref: refId(direct) as string }) });
  const holder = field(e, kind === 'record' ? 'attendanceRegister' : 'attendanceRollCall');
  if (isEntity(holder)) {
    const t = field(holder, 'attendanceRegisterType');
    if (isEntity(t) && sessionOfType(t) !== undefined) return { _tag: 'found', value: sessionOfType(t) as SessionInfo };
    if (sessionOfType(holder) !== undefined) return { _tag: 'found', value: sessionOfType(holder) as SessionInfo };
    // An expanded register or roll call without its own id: follow its type reference.
    if (refId(holder) === undefined && t !== undefined) return viaType(lookups, refId(t) === undefined ? {} : { ref: refId(t) as string });
  }
  const ref = refId(holder);
  const slot = ref === undefined ? undefined : (kind === 'record' ? lookups.registers : lookups.rollCalls).get(ref);
  const t = found(slot, ref);
  return t._tag === 'found' ? viaType(lookups, t.value) : t;
};

/** What a student's joins found, as source text for `normalize` to check. */
export interface StudentFacts {
  /** Year group text (curriculum grade or academic level), or why there is none. */
  readonly yearGroup: Found<string>;
  readonly gender?: string;
  readonly dateOfBirth?: unknown;
  readonly ethnicity?: string;
  /** SEN export code, or `N` when the last assignment has ended. */
  readonly sen?: string;
  readonly fsm?: boolean;
  readonly lookedAfter?: boolean;
  /** Every dated assignment, for `pupil_characteristics.csv` (see `arborCharacteristicRows`). */
  readonly spans: readonly TimedSpan[];
}

/** One dated assignment of a student (value as the canonical file writes it). */
export interface TimedSpan {
  readonly field: 'sen' | 'looked_after' | 'fsm';
  readonly value: string;
  readonly from?: string;
  readonly to?: string;
}

const codeText = (e: Entity, names: readonly string[]): string | undefined => {
  for (const n of names) {
    const t = textOf(field(e, n));
    if (t !== undefined) return t;
  }
  return undefined;
};

const yearGroupOfStudent = (lookups: Lookups, studentId: string): Found<string> => {
  const span = latestSpan(lookups.spans.get('academiclevelmembership')?.get(studentId));
  if (span === undefined) return { _tag: 'missing' };
  const level: Found<Entity> = span.embedded !== undefined ? { _tag: 'found', value: span.embedded } : entityAt(lookups, 'academiclevel', span.ref);
  if (level._tag !== 'found') return level;
  const levelEntity = level.value;
  const grade = entityAt(lookups, 'curriculumgrade', field(levelEntity, 'curriculumGrade'));
  if (grade._tag === 'found') {
    const t = codeText(grade.value, ['d00020', 'code', 'curriculumGradeName', 'shortName']);
    if (t !== undefined) return { _tag: 'found', value: t };
  }
  const t = codeText(levelEntity, ['shortName', 'academicLevelName', 'code']);
  return t === undefined ? { _tag: 'missing' } : { _tag: 'found', value: t };
};

/** The value entity of an assignment: embedded, else looked up. */
const spanValue = (lookups: Lookups, kind: string, span: { readonly ref: string | undefined; readonly embedded: Entity | undefined }): Entity | undefined => {
  if (span.embedded !== undefined) return span.embedded;
  const f = entityAt(lookups, kind, span.ref);
  return f._tag === 'found' ? f.value : undefined;
};

const FSM = /FSM|FREE\s*_?\s*SCHOOL\s*_?\s*MEAL/i;
const NOT_FSM = /EVER|UIFSM|UNIVERSAL|PUPIL\s*_?\s*PREMIUM/i;

/**
 * A student's facts: gender and date of birth from its Person, ethnicity, year group, and the SEN,
 * in-care and FSM status after the last recorded change (an assignment still open gives its
 * value; one that has ended gives "no"; none at all gives unknown).
 */
export const studentFacts = (lookups: Lookups, studentId: string, e: Entity): StudentFacts => {
  const person = entityAt(lookups, 'person', field(e, 'person'));
  const personEntity = person._tag === 'found' ? person.value : undefined;
  const personId = refId(field(e, 'person'));
  const genderV = personEntity === undefined ? undefined : field(personEntity, 'gender');
  const gender = genderV === undefined ? undefined : typeof genderV === 'string' && !genderV.includes('/') ? genderV : ((): string | undefined => {
    const g = entityAt(lookups, 'gender', genderV);
    return g._tag === 'found' ? codeText(g.value, ['code', 'shortName', 'longName']) : refId(genderV);
  })();
  const eth = field(e, 'ethnicity');
  const ethEntity = eth === undefined ? undefined : entityAt(lookups, 'ethnicity', eth);
  const ethnicity = ethEntity?._tag === 'found' ? codeText(ethEntity.value, ['exportCode', 'd00005', 'dfesMainCode', 'code']) : undefined;

  const sen = ((): string | undefined => {
    const span = latestSpan(lookups.spans.get('senstatusassignment')?.get(studentId));
    if (span === undefined) return undefined;
    if (span.end !== undefined) return 'N';
    const v = spanValue(lookups, 'senstatus', span);
    return v === undefined ? (span.ref ?? '?') : (codeText(v, ['exportCode', 'd00229', 'code', 'senStatusName']) ?? '?');
  })();
  const lookedAfter = ((): boolean | undefined => {
    const span = latestSpan(lookups.spans.get('incarestatusassignment')?.get(studentId));
    if (span === undefined) return undefined;
    if (span.end !== undefined) return false;
    const v = spanValue(lookups, 'incarestatus', span);
    return v === undefined ? undefined : (boolOf(field(v, 'countsAsInCareStatus')) ?? true);
  })();
  const fsm = ((): boolean | undefined => {
    if (personId === undefined) return undefined;
    const list = (lookups.spans.get('eligibilityrecord')?.get(personId) ?? []).filter((s) => {
      const v = spanValue(lookups, 'eligibility', s);
      const text = v === undefined ? (s.ref ?? '') : `${codeText(v, ['code']) ?? ''} ${codeText(v, ['eligibilityName']) ?? ''}`;
      return FSM.test(text) && !NOT_FSM.test(text);
    });
    const span = latestSpan(list);
    return span === undefined ? undefined : span.end === undefined;
  })();
  const dob = personEntity === undefined ? undefined : field(personEntity, 'dateOfBirth');
  const spans: TimedSpan[] = [];
  const addSpan = (f: TimedSpan['field'], value: string | undefined, span: Span): void => {
    if (value !== undefined) spans.push({ field: f, value, ...(span.start === undefined ? {} : { from: span.start }), ...(span.end === undefined ? {} : { to: span.end }) });
  };
  for (const span of lookups.spans.get('senstatusassignment')?.get(studentId) ?? []) {
    const v = spanValue(lookups, 'senstatus', span);
    addSpan('sen', senOf(v === undefined ? undefined : codeText(v, ['exportCode', 'd00229', 'code', 'senStatusName'])), span);
  }
  for (const span of lookups.spans.get('incarestatusassignment')?.get(studentId) ?? []) {
    const v = spanValue(lookups, 'incarestatus', span);
    if (v !== undefined) addSpan('looked_after', String(boolOf(field(v, 'countsAsInCareStatus')) ?? true), span);
  }
  for (const span of personId === undefined ? [] : (lookups.spans.get('eligibilityrecord')?.get(personId) ?? [])) {
    const v = spanValue(lookups, 'eligibility', span);
    const text = v === undefined ? (span.ref ?? '') : `${codeText(v, ['code']) ?? ''} ${codeText(v, ['eligibilityName']) ?? ''}`;
    if (FSM.test(text) && !NOT_FSM.test(text)) addSpan('fsm', 'true', span);
  }
  const order = (a: TimedSpan): string => `${a.field}|${a.from ?? ''}|${a.to ?? '~'}|${a.value}`;
  spans.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return {
    spans,
    yearGroup: yearGroupOfStudent(lookups, studentId),
    ...(gender === undefined ? {} : { gender }),
    ...(dob === undefined || dob === null ? {} : { dateOfBirth: dob }),
    ...(ethnicity === undefined ? {} : { ethnicity }),
    ...(sen === undefined ? {} : { sen }),
    ...(fsm === undefined ? {} : { fsm }),
    ...(lookedAfter === undefined ? {} : { lookedAfter }),
  };
};

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { readAll } from '@attendance-kit/adapter-kit/testing';
import { arborAdapter, arborCharacteristicRows, dateOf, kindName, listKeyOf, refId, yearGroupOf } from '../src/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BASIC = join(HERE, 'fixtures', 'rest', 'accepted', 'basic');
const BAD = join(HERE, 'fixtures', 'rest', 'rejected', 'bad-marks');
const OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'primary' } as const;
const inputsOf = (dir: string): string[] => readdirSync(dir).filter((n) => !/^(expected|golden)/.test(n)).sort().map((n) => join(dir, n));

describe('arbor values', () => {
  it('reads REST date objects, plain date strings and ISO date-times, and refuses other forms', () => {
    expect(dateOf({ entityType: 'date', date: '2024-09-09 08:45:00' })).toBe('2024-09-09');
    expect(dateOf('2024-09-09')).toBe('2024-09-09');
    expect(dateOf('2024-09-09T08:45:00+01:00')).toBe('2024-09-09');
    expect(dateOf('09/09/2024')).toBeUndefined();
    expect(dateOf('2024-02-30 08:00:00')).toBeUndefined();
    expect(dateOf({ date: 20240909 })).toBeUndefined();
  });
  it('reads year groups in Arbor wordings', () => {
    expect(['Year 07', 'Y7', 'YEAR_7', '7', 'Reception', 'N1', 'Nursery 2', 'Year 15', 'Q'].map(yearGroupOf)).toEqual(['7', '7', '7', '7', 'R', 'N1', 'N2', undefined, undefined]);
  });
  it('names kinds and references the same whatever the spelling', () => {
    expect(['attendance-records', 'AttendanceRecord', 'attendanceRecords'].map(kindName)).toEqual(['attendancerecord', 'attendancerecord', 'attendancerecord']);
    expect(kindName('UkDfe_UpnAssignment')).toBe('upnassignment');
    expect(kindName('eligibilities')).toBe('eligibility');
    expect(refId({ entityType: 'Student', href: '/rest-v2/students/7' })).toBe('7');
    expect(refId('/rest-v2/attendance-marks/PRESENT')).toBe('PRESENT');
    expect(refId({ id: 12 })).toBe('12');
  });
  it('finds the list member after other members, and none in a single entity', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(listKeyOf(enc('{"meta":{"a":[1]},"students":[{"x":"]"}]}'))).toBe('students');
    expect(listKeyOf(enc('{"student":{"entityType":"Student","tags":["a"]}}'))).toBeUndefined();
  });
});

describe('arbor read and normalize', () => {
  it('gives the same records whatever order the files are given in', async () => {
    const files = inputsOf(BASIC);
    const forward = resolveRun(await runAdapter(arborAdapter, files, OPTIONS));
    const backward = resolveRun(await runAdapter(arborAdapter, [...files].reverse(), OPTIONS));
    expect(backward.marks).toEqual(forward.marks);
    expect(backward.pupils).toEqual(forward.pupils);
    expect(forward.marks).toHaveLength(7);
  });
  it('takes the lookups from the folder, so one file read alone gives the same marks', async () => {
    const alone = resolveRun(await runAdapter(arborAdapter, [join(BASIC, 'attendance-records.json')], OPTIONS));
    expect(alone.marks.map((m) => `${m.pupilId} ${m.date} ${m.session} ${m.code}`)).toEqual(['7 2024-09-09 AM /', '7 2024-09-09 PM \\', '8 2024-09-09 AM L', '8 2024-09-09 PM I']);
  });
  it('treats __proto__ and constructor keys as data: the record is read and no prototype changes', async () => {
    const run = resolveRun(await runAdapter(arborAdapter, inputsOf(BAD), OPTIONS));
    expect(run.marks.map((m) => m.date)).toContain('2024-09-23');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
  it('names the AttendanceMark that has no statutory symbol', async () => {
    const run = resolveRun(await runAdapter(arborAdapter, inputsOf(BAD), OPTIONS));
    const messages = [...run.issues.values()].flat().filter((i) => i.code === 'arbor/no-statutory-mapping').map((i) => i.message);
    expect(messages).toEqual([expect.stringContaining('"LOCAL_SEVEN" has symbol "7"'), expect.stringContaining('"NO_SYMBOL" has no attendanceMark symbol')]);
  });
  it('reads UTF-16 files as their text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbor-utf16-'));
    for (const f of inputsOf(BASIC)) writeFileSync(join(dir, basename(f)), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(f, 'utf8'), 'utf16le')]));
    const utf16 = resolveRun(await runAdapter(arborAdapter, inputsOf(dir), OPTIONS));
    const utf8 = resolveRun(await runAdapter(arborAdapter, inputsOf(BASIC), OPTIONS));
    expect(utf16.marks).toEqual(utf8.marks);
    expect(utf16.pupils).toEqual(utf8.pupils);
  });
  it('asks for the options REST entities do not carry', async () => {
    const run = resolveRun(await runAdapter(arborAdapter, [join(BASIC, 'students.json')], {}));
    expect([...run.issues.values()].flat().map((i) => i.code).sort()).toEqual(['arbor/missing-la-code', 'arbor/missing-phase', 'arbor/missing-school-urn']);
    expect(run.pupils).toEqual([]);
    expect(Object.keys(arborAdapter.needsOption ?? {}).sort()).toEqual(['arbor/missing-la-code', 'arbor/missing-phase', 'arbor/missing-school-urn']);
  });
  it('keeps each dated assignment for pupil_characteristics.csv (SEN, looked after, FSM; Ever 6 FSM is not FSM)', async () => {
    const raws = await readAll(arborAdapter, inputsOf(BASIC), OPTIONS);
    expect(raws.flatMap((r) => arborCharacteristicRows(r, OPTIONS))).toEqual([
      { schoolUrn: '100101', pupilId: '7', field: 'fsm', value: 'true', from: '2024-01-08' },
      { schoolUrn: '100101', pupilId: '7', field: 'sen', value: 'E', from: '2022-01-10', to: '2023-07-20' },
      { schoolUrn: '100101', pupilId: '7', field: 'sen', value: 'K', from: '2024-09-01' },
      { schoolUrn: '100101', pupilId: '8', field: 'fsm', value: 'true', from: '2023-01-09', to: '2024-03-28' },
      { schoolUrn: '100101', pupilId: '8', field: 'looked_after', value: 'true', from: '2022-05-01', to: '2024-02-29' },
    ]);
  });
  it('follows expanded references: an AttendanceMark named by its code, a register expanded without an id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbor-embedded-'));
    writeFileSync(join(dir, 'marks.json'), JSON.stringify({ attendanceMarks: [{ entityType: 'AttendanceMark', href: '/rest-v2/attendance-marks/3', code: 'ILLNESS', attendanceMark: 'I' }] }));
    writeFileSync(join(dir, 'types.json'), JSON.stringify([{ entityType: 'AttendanceRegisterType', href: '/rest-v2/attendance-register-types/2', isMorning: false, isAfternoon: true }]));
    writeFileSync(
      join(dir, 'records.json'),
      JSON.stringify({ attendanceRecords: [{ entityType: 'AttendanceRecord', student: { id: 5 }, attendanceMark: { entityType: 'AttendanceMark', code: 'ILLNESS' }, attendanceRegister: { entityType: 'AttendanceRegister', attendanceRegisterType: { href: '/rest-v2/attendance-register-types/2' } }, startDatetime: '2024-09-09 13:15:00' }] }),
    );
    const r = resolveRun(await runAdapter(arborAdapter, [join(dir, 'records.json')], OPTIONS));
    expect(r.marks).toEqual([{ schoolUrn: '100101', pupilId: '5', date: '2024-09-09', session: 'PM', code: 'I' }]);
  });
});

/**
 * Synthetic Arbor exports for `npm run bench` (bench/adapters.ts) and for the figures in README.md.
 *
 * - {@link writeBenchExport} (read by the `arbor` adapter, {@link benchAdapterId}): a REST export
 *   folder: AttendanceMarks, register types, one AM and one PM register per school day, students
 *   with their level memberships, and the AttendanceRecords in pages of 100,000 (one file each,
 *   as a paged download is saved).
 * - {@link writeBiBenchExport} (the `arbor-bi` adapter): a school table, a student table and the
 *   ATTENDANCE table in files of 1,000,000 rows, as Snowflake splits an unload.
 *
 * Codes are 2024 regulation codes; dates are school days from 2024-09-09.
 */
import { open } from 'node:fs/promises';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The adapter the lead's bench runs on {@link writeBenchExport}'s folder. */
export const benchAdapterId = 'arbor';
/** Options for the REST export (REST entities do not name the school). */
export const benchOptions = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;

const MARKS = [
  ['1', 'PRESENT', '/'],
  ['2', 'LATE', 'L'],
  ['3', 'ILLNESS', 'I'],
  ['4', 'MEDICAL', 'M'],
  ['5', 'UNAUTH_OTHER', 'O'],
  ['6', 'NO_REASON', 'N'],
] as const;
/** Weights: mostly present, as in a real register. */
const DRAW = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5];
const DAYS = 190;

/** The `d`-th school day (Monday to Friday) from 2024-09-09. */
const schoolDay = (d: number): string => new Date(Date.UTC(2024, 8, 9 + Math.floor(d / 5) * 7 + (d % 5))).toISOString().slice(0, 10);

const rng = (): (() => number) => {
  let seed = 1;
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
};

/** Writes lines to a file in large pieces (never the whole file as one string). */
const lineWriter = async (path: string): Promise<{ write(s: string): Promise<void>; close(): Promise<void> }> => {
  const handle = await open(path, 'w');
  let buffer: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    await handle.write(buffer.join(''));
    buffer = [];
    size = 0;
  };
  return {
    async write(s) {
      buffer.push(s);
      size += s.length;
      if (size > 1 << 20) await flush();
    },
    async close() {
      await flush();
      await handle.close();
    },
  };
};

/**
 * Writes a REST export of about `marks` marks into `dir` (which exists); returns the exact count.
 * @example const n = await writeBenchExport(tmp, 1_000_000);
 */
export const writeBenchExport = async (dir: string, marks: number): Promise<number> => {
  const pupils = Math.max(1, Math.ceil(marks / (2 * DAYS)));
  const days = Math.max(1, Math.ceil(marks / (2 * pupils)));
  await writeFile(join(dir, 'attendance-marks.json'), JSON.stringify({ attendanceMarks: MARKS.map(([id, code, symbol]) => ({ entityType: 'AttendanceMark', href: `/rest-v2/attendance-marks/${id}`, code, attendanceMark: symbol })) }));
  await writeFile(join(dir, 'attendance-register-types.json'), JSON.stringify([
    { entityType: 'AttendanceRegisterType', href: '/rest-v2/attendance-register-types/1', isMorning: true, isAfternoon: false },
    { entityType: 'AttendanceRegisterType', href: '/rest-v2/attendance-register-types/2', isMorning: false, isAfternoon: true },
  ]));
  const registers = Array.from({ length: 2 * days }, (_, r) => ({ entityType: 'AttendanceRegister', href: `/rest-v2/attendance-registers/${r}`, attendanceRegisterType: { entityType: 'AttendanceRegisterType', href: `/rest-v2/attendance-register-types/${1 + (r % 2)}` } }));
  await writeFile(join(dir, 'attendance-registers.json'), JSON.stringify({ attendanceRegisters: registers }));
  const students = Array.from({ length: pupils }, (_, p) => ({ entityType: 'Student', href: `/rest-v2/students/${p}`, person: { entityType: 'Person', gender: { code: p % 2 ? 'FEMALE' : 'MALE' }, dateOfBirth: `201${p % 5}-03-15` } }));
  await writeFile(join(dir, 'students.json'), JSON.stringify({ students }));
  const memberships = Array.from({ length: pupils }, (_, p) => ({ entityType: 'AcademicLevelMembership', student: `/rest-v2/students/${p}`, academicLevel: { entityType: 'AcademicLevel', shortName: `Y${7 + (p % 5)}` }, startDate: '2024-09-01' }));
  await writeFile(join(dir, 'academic-level-memberships.json'), JSON.stringify({ academicLevelMemberships: memberships }));
  const next = rng();
  let written = 0;
  let page = 0;
  let inPage = 0;
  let out: Awaited<ReturnType<typeof lineWriter>> | undefined;
  for (let d = 0; d < days && written < marks; d++) {
    const date = schoolDay(d);
    for (let p = 0; p < pupils && written < marks; p++) {
      for (let s = 0; s < 2 && written < marks; s++) {
        if (out === undefined) {
          out = await lineWriter(join(dir, `attendance-records-page-${String(page).padStart(3, '0')}.json`));
          await out.write('{"attendanceRecords":[\n');
        }
        const [id] = MARKS[DRAW[next() % DRAW.length] as number] as (typeof MARKS)[number];
        await out.write(
          `${inPage === 0 ? '' : ',\n'}{"entityType":"AttendanceRecord","href":"/rest-v2/attendance-records/${written}","student":{"entityType":"Student","href":"/rest-v2/students/${p}"},"attendanceRegister":{"entityType":"AttendanceRegister","href":"/rest-v2/attendance-registers/${2 * d + s}"},"attendanceMark":{"entityType":"AttendanceMark","href":"/rest-v2/attendance-marks/${id}"},"startDatetime":{"entityType":"date","date":"${date} ${s === 0 ? '08:45' : '13:15'}:00"}}`,
        );
        written++;
        inPage++;
        if (inPage === 100_000) {
          await out.write('\n]}\n');
          await out.close();
          out = undefined;
          inPage = 0;
          page++;
        }
      }
    }
  }
  if (out !== undefined) {
    await out.write('\n]}\n');
    await out.close();
  }
  return written;
};

/**
 * Writes a BI Connector export of about `marks` ATTENDANCE rows into `dir`; returns the exact count.
 * @example const n = await writeBiBenchExport(tmp, 3_000_000);
 */
export const writeBiBenchExport = async (dir: string, marks: number): Promise<number> => {
  const pupils = Math.max(1, Math.ceil(marks / (2 * DAYS)));
  const days = Math.max(1, Math.ceil(marks / (2 * pupils)));
  await writeFile(join(dir, 'SCHOOL.csv'), 'APPLICATION_ID,URN,LA_CODE,SCHOOL_NAME,PHASE\nuk_swd_1,100101,926,Bench School,secondary\n');
  const students = ['STUDENT_ID,APPLICATION_ID,YEAR_GROUP,DATE_OF_BIRTH,GENDER,IS_FSM\n'];
  for (let p = 0; p < pupils; p++) students.push(`${p},uk_swd_1,Year ${7 + (p % 5)},201${p % 5}-03-15,${p % 2 ? 'F' : 'M'},${p % 4 === 0 ? 'TRUE' : 'FALSE'}\n`);
  await writeFile(join(dir, 'STUDENT.csv'), students.join(''));
  const next = rng();
  let written = 0;
  let out: Awaited<ReturnType<typeof lineWriter>> | undefined;
  let part = 0;
  for (let d = 0; d < days && written < marks; d++) {
    const date = schoolDay(d);
    for (let p = 0; p < pupils && written < marks; p++) {
      for (let s = 0; s < 2 && written < marks; s++) {
        if (out === undefined) {
          out = await lineWriter(join(dir, `ATTENDANCE_0_0_${part}.csv`));
          await out.write('STUDENT_ID,APPLICATION_ID,RAW_MARK,MARK_CODE,MINUTES_LATE,PERIOD,DATE,IS_PRESENT,IS_AUTHORIZED_ABSENT,IS_UNAUTHORIZED_ABSENT,IS_POSSIBLE_ATTENDANCE\n');
        }
        const [, code, symbol] = MARKS[DRAW[next() % DRAW.length] as number] as (typeof MARKS)[number];
        const raw = symbol === '/' && s === 1 ? '\\' : symbol;
        const cat = raw === 'I' || raw === 'M' ? 'FALSE,TRUE,FALSE' : raw === 'O' || raw === 'N' ? 'FALSE,FALSE,TRUE' : 'TRUE,FALSE,FALSE';
        await out.write(`${p},uk_swd_1,${raw},${code}_${s === 0 ? 'AM' : 'PM'},${raw === 'L' ? '10' : ''},${s === 0 ? 'MORNING' : 'AFTERNOON'},${date},${cat},TRUE\n`);
        written++;
        if (written % 1_000_000 === 0) {
          await out.close();
          out = undefined;
          part++;
        }
      }
    }
  }
  await out?.close();
  return written;
};

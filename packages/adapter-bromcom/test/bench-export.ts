/**
 * A Bromcom export of about `marks` session marks for `npm run bench` (bench/adapters.ts): one
 * StudentFlatView page, then one StudentAttendanceByWeek page per school week (ten marks per row,
 * the compact shape a school's nightly export uses for a whole year) and one Attendances page for
 * the last week, one row per mark. Codes are 2024 regulation codes, `/` on AM and `\` on PM.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
/** Codes drawn for a session: mostly present, as in a real register. */
const AM = ['/', '/', '/', '/', '/', '/', '/', '/', 'I', 'L', 'M', 'N', 'C1', 'U'];
const PM = ['\\', '\\', '\\', '\\', '\\', '\\', '\\', '\\', 'I', 'L', 'M', 'N', 'C1', 'U'];
const WEEKS = 38;

/** The options `attendance import` needs for these pages (Bromcom pages do not name the school). */
export const benchOptions = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;

/** Monday `w` weeks after 2024-09-09, as `YYYY-MM-DD`. */
const monday = (w: number): Date => new Date(Date.UTC(2024, 8, 9 + 7 * w));
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Writes the pages into `dir` (which exists) and returns the number of marks they hold.
 * @example const n = await writeBenchExport(tmp, 1_000_000); // about 1 M marks in 40 files
 */
export const writeBenchExport = async (dir: string, marks: number): Promise<number> => {
  const pupils = Math.max(1, Math.ceil(marks / (10 * WEEKS)));
  const students: string[] = [];
  for (let p = 0; p < pupils; p++) {
    students.push(
      `{"studentId": ${1000 + p}, "preferredFirstName": "Pupil", "preferredLastName": "${p}", "genderCode": "${p % 2 ? 'F' : 'M'}", "dateOfBirth": "201${p % 5}-0${1 + (p % 9)}-15T00:00:00", "upn": "", "yearGroup": "${7 + (p % 5)}", "enrolmentStateName": "C", "ealFlag": "No", "inCareFlag": "No", "everFsm6Flag": "${p % 4 ? 'No' : 'Yes'}"}`,
    );
  }
  await writeFile(join(dir, 'students.json'), `{"success": true, "data": [\n${students.join(',\n')}\n]}\n`);
  let written = 0;
  let seed = 1;
  const pick = (codes: readonly string[]): string => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return codes[seed % codes.length] as string;
  };
  for (let w = 0; w < WEEKS - 1; w++) {
    const rows: string[] = [];
    for (let p = 0; p < pupils; p++) {
      rows.push(`{"studentId": ${1000 + p}, ${DAYS.map((d) => `"${d}AM": "${pick(AM)}", "${d}PM": "${pick(PM).replace('\\', '\\\\')}"`).join(', ')}}`);
      written += 10;
    }
    await writeFile(join(dir, `week-${String(w).padStart(2, '0')}.json`), `{"success": true, "startDate": "${iso(monday(w))}T00:00:00", "data": [\n${rows.join(',\n')}\n]}\n`);
  }
  const rows: string[] = [];
  for (let p = 0; p < pupils; p++) {
    for (let d = 0; d < 5; d++) {
      const date = new Date(monday(WEEKS - 1).getTime() + d * 86_400_000);
      for (const session of ['AM', 'PM'] as const) {
        const code = pick(session === 'AM' ? AM : PM).replace('\\', '\\\\');
        rows.push(`{"studentId": ${1000 + p}, "date": "${iso(date)}T00:00:00", "session": "${session}", "mark": "${code}", "exportMark": "${code}"}`);
        written++;
      }
    }
  }
  await writeFile(join(dir, 'attendances.json'), `{"success": true, "data": [\n${rows.join(',\n')}\n]}\n`);
  return written;
};

/**
 * A synthetic SIMS export for the lead's bench (`read` + `normalize` marks/s): one V2 code list
 * (with local display codes), one Report Designer student list of 2,000 pupils, and
 * `SessionAttendances` files of up to 500,000 marks each, every weekday AM and PM from
 * 2024-09-02, codes from a fixed-seed generator. All in `dir` (the adapter reads the lists from the
 * marks files' folder). Read with `{ schoolUrn: '100101', laCode: '926', phase: 'secondary' }`.
 *
 * @module
 */
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mulberry32 } from '@attendance-kit/core/testing';

const PUPILS = 2000;
const MARKS_PER_FILE = 500_000;
/** Display code, statutory code: mostly present, some local codes. */
const CODES: readonly (readonly [string, string])[] = [
  ['/', '/'], ['\\', '\\'], ['L', 'L'], ['I', 'I'], ['M', 'M'], ['N', 'N'], ['O', 'O'], ['U', 'U'], ['V1', 'V'], ['PT', 'C2'], ['-', '-'],
];
const WEIGHTS = '00000000000011111111111234567890';

/** mulberry32 (core's test generator), so every run writes the same files. */
const random = mulberry32;

const xml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/**
 * Writes a SIMS export of about `marks` session marks into `dir`; returns the exact number written.
 * @example const n = await writeBenchExport('/tmp/sims-bench', 1_000_000);
 */
export const writeBenchExport = async (dir: string, marks: number): Promise<number> => {
  await writeFile(
    join(dir, 'codes.xml'),
    `<?xml version="1.0" encoding="utf-8"?>\n<AttendanceCodes_V2_load><Version>1.0</Version><AttenanceCodes>\n${CODES.map(([d, s], i) => `<AttendanceCode><Attendance_Code_ID>${i + 1}</Attendance_Code_ID><SIMS_Display_Code>${xml(d)}</SIMS_Display_Code><Statutory_Return_Code>${xml(s)}</Statutory_Return_Code></AttendanceCode>\n`).join('')}</AttenanceCodes></AttendanceCodes_V2_load>\n`,
  );
  const students = Array.from({ length: PUPILS }, (_, p) => `<Record><ID>${p + 1}</ID><UPN>B${String(100000000000 + p).padStart(12, '0')}</UPN><Year>Year  ${7 + (p % 5)}</Year><Gender>${p % 2 ? 'F' : 'M'}</Gender></Record>\n`);
  await writeFile(join(dir, 'students.xml'), `<?xml version="1.0" encoding="utf-8"?>\n<SuperStarReport>\n${students.join('')}</SuperStarReport>\n`);
  const rnd = random(1);
  let written = 0;
  let file = 0;
  let day = Date.UTC(2024, 8, 2);
  while (written < marks) {
    file++;
    const handle = await open(join(dir, `marks-${String(file).padStart(3, '0')}.xml`), 'w');
    await handle.write('<?xml version="1.0" encoding="utf-8"?>\n<SessionAttendances>\n');
    let inFile = 0;
    let buffer: string[] = [];
    while (written < marks && inFile < MARKS_PER_FILE) {
      const date = new Date(day).toISOString().slice(0, 10);
      for (let p = 1; p <= PUPILS && written < marks && inFile < MARKS_PER_FILE; p++) {
        for (const session of ['AM', 'PM']) {
          if (written >= marks || inFile >= MARKS_PER_FILE) break;
          const [display] = CODES[Number(WEIGHTS[Math.floor(rnd() * WEIGHTS.length)])] as readonly [string, string];
          const code = session === 'PM' && display === '/' ? '\\' : session === 'AM' && display === '\\' ? '/' : display;
          buffer.push(`<SessionAttendance><PersonID>${p}</PersonID><AttendanceDate>${date}</AttendanceDate><SessionName>${session}</SessionName><AttendanceMark>${xml(code)}</AttendanceMark></SessionAttendance>\n`);
          written++;
          inFile++;
        }
      }
      if (buffer.length > 10_000 || written >= marks || inFile >= MARKS_PER_FILE) {
        await handle.write(buffer.join(''));
        buffer = [];
      }
      // The next weekday (a day's marks may straddle two files; the next file starts a new day).
      do day += 86_400_000;
      while (new Date(day).getUTCDay() % 6 === 0);
    }
    await handle.write(`${buffer.join('')}</SessionAttendances>\n`);
    await handle.close();
  }
  return written;
};

/**
 * A synthetic CTF export for the lead's bench (`read` + `normalize` marks/s): pre-CTF 24 files,
 * one character per session (AM then PM, `#` fillers on Saturdays and Sundays, which are not
 * marks), three academic years per pupil, codes from a fixed-seed generator. One file per 1,500
 * pupils (a large school's CTF); UPNs are distinct across files. Read with
 * `{ schoolUrn: '100101', phase: 'secondary' }`. `pupilsPerFile` (default 1,500) makes bigger files
 * for memory measurements.
 *
 * @module
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { mulberry32 } from '@attendance-kit/core/testing';

/** 2006-regulation codes, mostly present, as registers are. */
const CODES = '////////////\\\\\\\\\\\\\\\\\\\\\\IIMLNUCOBV';
const YEARS = [2021, 2022, 2023] as const;
const WEEKS = 39;
const PUPILS_PER_FILE = 1500;

/** mulberry32 (core's test generator), so every run writes the same files. */
const random = mulberry32;

/** The first Monday of September of `year`. */
const startOf = (year: number): string => {
  const d = new Date(Date.UTC(year, 8, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n<CTfile>\n  <Header>\n    <DocumentName>Common Transfer File</DocumentName>\n    <CTFversion>23.0</CTFversion>\n' +
  '    <DateTime>2024-07-20T10:00:00</DateTime>\n    <SourceSchool><LEA>926</LEA><Estab>2001</Estab><SchoolName>Bench Academy</SchoolName><AcademicYear>2023</AcademicYear></SourceSchool>\n' +
  '  </Header>\n  <CTFpupilData>\n';

/**
 * Writes CTF files holding about `marks` session marks into `dir`; returns the exact number written.
 * @example const n = await writeBenchExport('/tmp/ctf-bench', 690_000); // 3 years x 390 sessions a pupil
 */
export const writeBenchExport = async (dir: string, marks: number, pupilsPerFile = PUPILS_PER_FILE): Promise<number> => {
  const rnd = random(1);
  let written = 0;
  let pupil = 0;
  let file = 0;
  let handle: FileHandle | undefined;
  let parts: string[] = [];
  // Written in pieces, so a file far larger than memory can be made for measurements.
  const drain = async (): Promise<void> => {
    if (handle === undefined) {
      file++;
      handle = await open(join(dir, `ctf-${String(file).padStart(3, '0')}.xml`), 'w');
      await handle.write(HEADER);
    }
    await handle.write(parts.join(''));
    parts = [];
  };
  const close = async (): Promise<void> => {
    parts.push('  </CTFpupilData>\n</CTfile>\n');
    await drain();
    await handle?.close();
    handle = undefined;
  };
  while (marks > 0 && written < marks) {
    const upn = `B${String(100000000000 + pupil).padStart(12, '0')}`;
    parts.push(`    <Pupil>\n      <UPN>${upn}</UPN>\n      <DOB>2010-0${1 + (pupil % 9)}-1${pupil % 10}</DOB>\n      <Gender>${pupil % 2 ? 'F' : 'M'}</Gender>\n      <NCyearActual>${7 + (pupil % 5)}</NCyearActual>\n      <Attendance>\n`);
    for (const y of YEARS) {
      if (written >= marks) break;
      let s = '';
      for (let d = 0; d < WEEKS * 7 && written < marks; d++) {
        if (d % 7 >= 5) {
          s += '##';
          continue;
        }
        for (let k = 0; k < 2 && written < marks; k++) {
          s += CODES[Math.floor(rnd() * CODES.length)] as string;
          written++;
        }
      }
      parts.push(`        <YearData>\n          <Year>${y}</Year>\n          <AttendSessions>\n            <AttendanceStartDate>${startOf(y)}</AttendanceStartDate>\n            <AttendanceMarks>${s}</AttendanceMarks>\n          </AttendSessions>\n        </YearData>\n`);
    }
    parts.push('      </Attendance>\n    </Pupil>\n');
    pupil++;
    if (pupil % pupilsPerFile === 0) await close();
    else if (pupil % 1000 === 0) await drain();
  }
  if (handle !== undefined || parts.length > 0) await close();
  return written;
};

/**
 * A synthetic pre-CTF 24 Common Transfer File for measuring `attendance import` (docs/performance.md):
 * `pupils` pupils, each with one `YearData` block per academic year, one character per session
 * (AM then PM, `#` on weekends), the codes drawn from a fixed seed. 600 pupils over 3 years give
 * about 690,000 marks in about 1.3 MB, the size of a large school's CTF.
 */
import { writeFile } from 'node:fs/promises';
import { mulberry32 } from '@attendance-kit/core/testing';

/** 2006-regulation codes with rough real-world weights (mostly present). */
const CODES = '////////////\\\\\\\\\\\\\\\\\\\\\\IIMLNUCO';

/** mulberry32 (core's test generator), so every run writes the same files. */
const random = mulberry32;

/** First Monday of September of `year` as `YYYY-MM-DD`, and its weekday offset. */
const startOf = (year: number): Date => {
  const d = new Date(Date.UTC(year, 8, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
};

/** The text of one CTF. Returns the text and the number of marks it holds. */
export const ctfText = (options: { readonly pupils: number; readonly years: readonly number[]; readonly seed?: number }): { text: string; marks: number } => {
  const rnd = random(options.seed ?? 1);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<CTfile>\n  <Header>\n    <DocumentName>Common Transfer File</DocumentName>\n    <CTFversion>23.0</CTFversion>\n',
    '    <DateTime>2024-07-20T10:00:00</DateTime>\n    <DocumentQualifier>full</DocumentQualifier>\n',
    '    <SourceSchool><LEA>926</LEA><Estab>2001</Estab><SchoolName>Bench Academy</SchoolName><AcademicYear>2023</AcademicYear></SourceSchool>\n',
    '  </Header>\n  <CTFpupilData>\n',
  ];
  let marks = 0;
  for (let p = 0; p < options.pupils; p++) {
    const upn = `B${String(100000000000 + p).padStart(12, '0')}`;
    parts.push(`    <Pupil>\n      <UPN>${upn}</UPN>\n      <DOB>2010-0${1 + (p % 9)}-1${p % 10}</DOB>\n      <Gender>${p % 2 ? 'F' : 'M'}</Gender>\n      <NCyearActual>${7 + (p % 5)}</NCyearActual>\n      <Attendance>\n`);
    for (const y of options.years) {
      const start = startOf(y);
      let s = '';
      // 39 weeks of 7 days, two sessions a day; Saturday and Sunday are `#` fillers.
      for (let d = 0; d < 39 * 7; d++) {
        if (d % 7 >= 5) s += '##';
        else {
          s += (CODES[Math.floor(rnd() * CODES.length)] as string) + (CODES[Math.floor(rnd() * CODES.length)] as string);
          marks += 2;
        }
      }
      parts.push(`        <YearData>\n          <Year>${y}</Year>\n          <AttendSessions>\n            <AttendanceStartDate>${start.toISOString().slice(0, 10)}</AttendanceStartDate>\n            <AttendanceMarks>${s}</AttendanceMarks>\n          </AttendSessions>\n        </YearData>\n`);
    }
    parts.push('      </Attendance>\n    </Pupil>\n');
  }
  parts.push('  </CTFpupilData>\n</CTfile>\n');
  return { text: parts.join(''), marks };
};

/** Writes {@link ctfText} to `path`; returns the number of marks. */
export const writeCtf = async (path: string, options: { readonly pupils: number; readonly years: readonly number[]; readonly seed?: number }): Promise<number> => {
  const { text, marks } = ctfText(options);
  await writeFile(path, text);
  return marks;
};

if (process.argv[1]?.endsWith('ctf-sample.ts') && process.argv[2] !== undefined) {
  const n = await writeCtf(process.argv[2], { pupils: Number(process.argv[3] ?? 600), years: [2021, 2022, 2023] });
  process.stderr.write(`wrote ${n} marks to ${process.argv[2]}\n`);
}

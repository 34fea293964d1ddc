/**
 * A synthetic Wonde export for the bench: the school object, the attendance codes, the students
 * (with includes) and session-mark pages in the §2.6 read shape, 10000 rows a page. Marks run AM
 * and PM over weekdays from Monday 2 September 2024, pupil after pupil; codes cycle through a
 * realistic mix (mostly present).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PAGE_ROWS = 10_000;
const SESSIONS_PER_PUPIL = 380;
const CODES: readonly (readonly [string, string])[] = [
  ['A100', '/'], ['A101', '\\'], ['A102', 'L'], ['A103', 'I'], ['A104', 'N'], ['A105', 'M'], ['A106', 'C1'], ['A107', 'U'],
];
/** Mostly present (`/` in the morning, `\\` in the afternoon), with late, illness, no reason, medical, C1 and U. */
const MIX = ['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P', 'A102', 'P', 'P', 'A103', 'P', 'P', 'A104', 'P', 'A105', 'P', 'P', 'A106', 'A107', 'P'];

const pad = (n: number): string => String(n).padStart(2, '0');
const dayOf = (i: number): string => {
  // i-th weekday from 2024-09-02 (a Monday).
  const d = new Date(Date.UTC(2024, 8, 2 + Math.floor(i / 5) * 7 + (i % 5)));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** Writes about `marks` session marks (several page files) into `dir`; returns the exact number written. */
export const writeBenchExport = async (dir: string, marks: number): Promise<number> => {
  const n = Math.max(1, Math.round(marks));
  const pupils = Math.ceil(n / SESSIONS_PER_PUPIL);
  await writeFile(join(dir, 'school.json'), JSON.stringify({ data: { id: 'A1930499544', name: 'Bench School', urn: 100101, la_code: '926', phase_of_education: 'SECONDARY' } }));
  await writeFile(join(dir, 'attendance-codes.json'), JSON.stringify({ data: CODES.map(([id, code]) => ({ id, code, description: code, type: 'X' })) }));
  const students = Array.from({ length: pupils }, (_, p) => ({
    id: `A${1_000_000 + p}`,
    upi: `u${p}`,
    gender: p % 2 === 0 ? 'MALE' : 'FEMALE',
    date_of_birth: { date: '2012-01-01 00:00:00.000000', timezone_type: 3, timezone: 'Europe/London' },
    education_details: { data: { upn: `A${String(p).padStart(12, '0')}`, current_nc_year: String(7 + (p % 5)) } },
    extended_details: { data: { ethnicity: 'WBRI', sen_status: 'N', free_school_meals: p % 4 === 0, free_school_meals_6: p % 3 === 0 } },
  }));
  await writeFile(join(dir, 'students.json'), JSON.stringify({ data: students }));
  let written = 0;
  for (let page = 1; written < n; page++) {
    const rows: string[] = [];
    for (let k = 0; k < PAGE_ROWS && written < n; k++, written++) {
      const p = Math.floor(written / SESSIONS_PER_PUPIL);
      const s = written % SESSIONS_PER_PUPIL;
      const mixed = MIX[(written * 7 + p) % MIX.length] as string;
      const code = mixed === 'P' ? (s % 2 === 0 ? 'A100' : 'A101') : mixed;
      rows.push(
        JSON.stringify({
          id: `S${written}`,
          student: `A${1_000_000 + p}`,
          date: { date: `${dayOf(Math.floor(s / 2))} 00:00:00.000000`, timezone_type: 3, timezone: 'Europe/London' },
          session: s % 2 === 0 ? 'AM' : 'PM',
          attendance_code: code,
          comment: null,
          minutes_late: 0,
        }),
      );
    }
    const more = written < n;
    const meta = { pagination: { next: more ? `https://api.wonde.com/v1.0/schools/A1930499544/attendance/session?page=${page + 1}` : null, previous: null, more, per_page: PAGE_ROWS, current_page: page } };
    await writeFile(join(dir, `attendance-session-${String(page).padStart(5, '0')}.json`), `{"data":[${rows.join(',\n')}],"meta":${JSON.stringify(meta)}}`);
  }
  return written;
};

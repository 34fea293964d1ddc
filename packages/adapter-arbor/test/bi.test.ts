import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { arborBiAdapter, headerName, tableOf } from '../src/index.js';

const folder = (files: Record<string, string | Buffer>): string[] => {
  const dir = mkdtempSync(join(tmpdir(), 'arbor-bi-'));
  return Object.entries(files).map(([n, text]) => {
    writeFileSync(join(dir, n), text);
    return join(dir, n);
  });
};
const OPTIONS = { schoolUrn: '100101', laCode: '926', phase: 'secondary' } as const;

describe('arbor-bi headers', () => {
  it('matches header names whatever their case, spacing or table prefix', () => {
    expect(['student_id', ' Raw Mark ', 'ATTENDANCE.DATE', 'is-present'].map(headerName)).toEqual(['STUDENT_ID', 'RAW_MARK', 'DATE', 'IS_PRESENT']);
    expect(tableOf(['STUDENT_ID', 'RAW_MARK', 'DATE'])?.spec.name).toBe('attendance');
    expect(tableOf(['STUDENT_ID', 'NC_YEAR'])?.spec.name).toBe('student');
    expect(tableOf(['URN', 'LA_CODE'])?.spec.name).toBe('school');
    expect(tableOf(['STUDENT_ID', 'SEVERITY'])).toBeUndefined();
  });
});

describe('arbor-bi read and normalize', () => {
  it('without a school table, uses the options and STUDENT_ID alone as the pupil id', async () => {
    const paths = folder({ 'att.csv': 'STUDENT_ID,RAW_MARK,PERIOD,DATE\r\n12,/,MORNING,2024-09-09\r\n12,/,AFTERNOON,2024-09-09\r\n' });
    const r = resolveRun(await runAdapter(arborBiAdapter, paths, OPTIONS));
    expect(r.schools).toEqual([{ urn: '100101', laCode: '926', phase: 'secondary' }]);
    // `/` on an afternoon is present: written as the afternoon's own symbol.
    expect(r.marks.map((m) => `${m.pupilId} ${m.session} ${m.code}`)).toEqual(['12 AM /', '12 PM \\']);
  });
  it('reads Latin-1 rows with a warning, and UTF-16 files as their text', async () => {
    const text = 'STUDENT_ID,APPLICATION_ID,YEAR_GROUP,GENDER\n1,a,Year 3,F\n';
    const latin1 = folder({ 's.csv': Buffer.from(`${text}2,a,Year 4,M\u00e9\n`, 'latin1') });
    const r1 = resolveRun(await runAdapter(arborBiAdapter, latin1, OPTIONS));
    expect([...r1.issues.values()].flat().map((i) => i.code).sort()).toEqual(['arbor-bi/bad-characteristic', 'arbor-bi/not-utf8']);
    const utf16 = folder({ 's.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    const r2 = resolveRun(await runAdapter(arborBiAdapter, utf16, OPTIONS));
    expect(r2.pupils).toEqual([{ schoolUrn: '100101', pupilId: 'a:1', yearGroup: '3', enrolmentStatus: 'C', sex: 'F' }]);
  });
  it('reports a broken gzip stream and keeps nothing it could not read', async () => {
    const paths = folder({ 'a.csv.gz': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x02]) });
    const r = resolveRun(await runAdapter(arborBiAdapter, paths, OPTIONS));
    expect([...r.issues.values()].flat().map((i) => i.code)).toEqual(['arbor-bi/compressed']);
    expect(r.marks).toEqual([]);
  });
  it("reads an ATTENDANCE unload without a header (COPY INTO's default) in the data dictionary's column order", async () => {
    const paths = folder({ 'data_0_0_0.csv': '7,app,/,PRESENT_AM,,MORNING,2024-09-09,TRUE,FALSE,FALSE,TRUE\n7,app,N,NO_REASON_PM,,AFTERNOON,2024-09-09,FALSE,FALSE,TRUE,TRUE\n' });
    const r = resolveRun(await runAdapter(arborBiAdapter, paths, OPTIONS));
    expect(r.marks.map((m) => `${m.pupilId} ${m.date} ${m.session} ${m.code}`)).toEqual(['app:7 2024-09-09 AM /', 'app:7 2024-09-09 PM N']);
    expect(r.counts.get(paths[0] as string)).toEqual({ read: 3, accepted: 3, superseded: 0, rejected: 0 });
  });
});

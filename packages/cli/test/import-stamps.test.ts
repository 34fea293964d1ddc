import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRecordedAt, mayHoldStamps, parseRecordedAt } from '../src/commands/import-stamps.js';

describe('recorded_at as the canonical format reads it (docs/canonical-format.md, marks.csv values)', () => {
  it.each([
    ['2024-09-02', Date.UTC(2024, 8, 2)],
    ['2024-09-02T09:45', Date.UTC(2024, 8, 2, 9, 45)],
    ['2024-09-02T09:45+01:00', Date.UTC(2024, 8, 2, 8, 45)],
    ['2024-09-02 09:45:30.1239-0130', Date.UTC(2024, 8, 2, 11, 15, 30, 123)],
    ['2024-09-02T23:59:59Z', Date.UTC(2024, 8, 2, 23, 59, 59)],
    ['2024-09-02T24:00+02', Date.UTC(2024, 8, 2, 22, 0)],
  ])('%s is %d ms', (text, ms) => {
    expect(parseRecordedAt(text)).toBe(ms);
  });

  it.each(['2024-02-30', '2024-9-02', '2024-09-02T25:00', '2024-09-02T24:30', '2024-09-02T10:00+24', '2024-09-02X', '2024-09-02T10:00:00.', 'yesterday', ''])(
    '%j is not a recorded_at',
    (text) => {
      expect(parseRecordedAt(text)).toBeNaN();
    },
  );

  it('is written back in UTC, with milliseconds only when there are some', () => {
    expect(formatRecordedAt(Date.UTC(2024, 8, 2, 8, 45))).toBe('2024-09-02T08:45:00Z');
    expect(formatRecordedAt(Date.UTC(2024, 8, 2, 8, 45, 1, 5))).toBe('2024-09-02T08:45:01.005Z');
  });
});

describe('mayHoldStamps: the quick look that spares the second scan', () => {
  const file = (text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'import-stamps-'));
    writeFileSync(join(dir, 'marks.csv'), text);
    return join(dir, 'marks.csv');
  };
  const H = 'school_urn,pupil_id,date,session,code,minutes_late,recorded_at';

  it.each([
    [`${H}\n100101,P1,2024-09-02,AM,/,,\n100101,P1,2024-09-02,PM,/,,\n`, false],
    [`${H}\r\n100101,P1,2024-09-02,AM,/,,\r\n\r\n`, false],
    [`${H}\n`, false],
    [`${H}\n100101,P1,2024-09-02,AM,/,,\n100101,P1,2024-09-02,PM,/,,2024-09-02`, true],
    [`${H}\n100101,P1,2024-09-02,AM,/,,2024-09-02T10:00Z\n`, true],
    [`${H}\n100101,P1,2024-09-02,AM,/,,2024-09-02\r100101,P1,2024-09-02,PM,/,,\n`, true],
    [`school_urn,pupil_id,date,session,code,recorded_at,minutes_late\n100101,P1,2024-09-02,AM,/,2024-09-02,\n`, true],
    [`recorded_at,${H}\n2024-09-02,100101,P1,2024-09-02,AM,/,,\n`, true],
    [`"school_urn",pupil_id,date,session,code,minutes_late,recorded_at\n100101,P1,2024-09-02,AM,/,,\n`, true],
  ])('%j: %s', async (text, expected) => {
    expect(await mayHoldStamps(file(text))).toBe(expected);
  });
});

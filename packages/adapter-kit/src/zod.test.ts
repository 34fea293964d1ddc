import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { zodIssues } from './zod.js';

const Row = z.object({
  session: z.enum(['AM', 'PM'], { message: 'must be AM or PM' }),
  pupil_id: z.string().max(4),
  date: z.string().refine((s) => s.length === 10, { message: 'must be a date', params: { code: 'bad-date' } }),
});

const issuesOf = (row: Record<string, unknown>) => {
  const r = Row.safeParse(row, { reportInput: true });
  return r.success ? [] : zodIssues(r.error, { namespace: 'canonical', file: 'x.csv', line: 7, input: row });
};

describe('zodIssues', () => {
  test('names the field, the line and the value given, with a stable code', () => {
    expect(issuesOf({ session: 'am', pupil_id: 'P1', date: '2024-09-02' })).toEqual([
      { code: 'canonical/bad-value', severity: 'error', file: 'x.csv', line: 7, field: 'session', message: 'session: must be AM or PM (got "am")' },
    ]);
  });

  test('a value not given is a missing field', () => {
    expect(issuesOf({ pupil_id: 'P1', date: '2024-09-02' }).map((i) => i.code)).toEqual(['canonical/missing-field']);
  });

  test('a string over its maximum is too long; a refinement can name its own code', () => {
    expect(issuesOf({ session: 'AM', pupil_id: 'P12345', date: 'x' }).map((i) => i.code)).toEqual(['canonical/field-too-long', 'canonical/bad-date']);
  });
});

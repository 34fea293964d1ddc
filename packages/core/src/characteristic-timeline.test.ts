import { describe, expect, test } from 'vitest';
import { checkCharacteristics, valueOn } from './characteristic-timeline.js';
import { toDayNumber } from './dates.js';

const dataset = {
  schools: [{ urn: '100101', laCode: '926', phase: 'primary' as const }],
  enrolments: [{ school: 0, pupilId: 'P1', yearGroup: '5' as const, enrolmentStatus: 'C' as const, fsm: false }],
};

describe('checkCharacteristics', () => {
  test('a good row gives a span and the value on its days only', () => {
    const { characteristics, issues } = checkCharacteristics([{ line: 2, schoolUrn: '100101', pupilId: 'P1', field: 'fsm', value: 'true', from: '2025-01-06', to: '2025-03-31' }], dataset);
    expect(issues).toEqual([]);
    expect(valueOn(characteristics, 0, 'fsm', toDayNumber('2025-01-05'))).toBeUndefined();
    expect(valueOn(characteristics, 0, 'fsm', toDayNumber('2025-01-06'))).toBe('true');
    expect(valueOn(characteristics, 0, 'fsm', toDayNumber('2025-03-31'))).toBe('true');
    expect(valueOn(characteristics, 0, 'fsm', toDayNumber('2025-04-01'))).toBeUndefined();
  });
  test('bad rows are issues naming the row, and are not used', () => {
    const row = { schoolUrn: '100101', pupilId: 'P1', field: 'fsm', value: 'true' };
    const { characteristics, issues } = checkCharacteristics(
      [
        { ...row, line: 2, from: '2025-03-01', to: '2025-01-01' },
        { ...row, line: 3, field: 'shoe_size' },
        { ...row, line: 4, value: 'yes' },
        { ...row, line: 5, from: '2025-02-30' },
        { ...row, line: 6, pupilId: 'P9' },
        { ...row, line: 7, from: '2025-01-01' },
        { ...row, line: 8, from: '2025-02-01', to: '2025-02-02' },
      ],
      dataset,
    );
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'characteristics/to-before-from'],
      [3, 'characteristics/unknown-field'],
      [4, 'characteristics/bad-value'],
      [5, 'characteristics/bad-date'],
      [6, 'characteristics/unknown-pupil'],
      [8, 'characteristics/overlap'],
    ]);
    expect(issues[0]?.message).toBe('Row 2: to 2025-01-01 is before from 2025-03-01');
    expect(characteristics.byEnrolment.get(0)).toHaveLength(1);
  });
});

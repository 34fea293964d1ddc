/**
 * The default period of summarise: the academic year (1 August to 31 July, reference §4.5) of the
 * latest mark, or of the one date given.
 */
import type { IsoDate } from '@attendance-kit/core';
import { describe, expect, test } from 'vitest';
import { periodOf } from '../src/period.js';

const d = (s: string): IsoDate => s as IsoDate;

describe('periodOf', () => {
  test('no dates: the academic year of the latest mark', () => {
    expect(periodOf({}, d('2025-03-14'))).toMatchObject({ from: '2024-08-01', to: '2025-07-31' });
    // 1 August starts the next academic year.
    expect(periodOf({}, d('2025-08-01'))).toMatchObject({ from: '2025-08-01', to: '2026-07-31' });
    expect(periodOf({}, d('2025-07-31'))).toMatchObject({ from: '2024-08-01', to: '2025-07-31' });
  });

  test('only --from: to the end of its academic year', () => {
    expect(periodOf({ from: d('2024-09-02') }, d('2026-01-01'))).toMatchObject({ from: '2024-09-02', to: '2025-07-31' });
  });

  test('only --to: from the start of its academic year', () => {
    expect(periodOf({ to: d('2024-12-20') }, undefined)).toMatchObject({ from: '2024-08-01', to: '2024-12-20' });
  });

  test('both given: as given, with no note', () => {
    expect(periodOf({ from: d('2024-09-02'), to: d('2024-12-20') }, d('2025-03-14'))).toEqual({ from: '2024-09-02', to: '2024-12-20', note: '' });
  });

  test('the note says how the period was chosen', () => {
    expect(periodOf({}, d('2025-03-14')).note).toBe('2024/25: the academic year of the latest mark, 2025-03-14');
  });
});

import { describe, expect, test } from 'vitest';
import { ethnicityMajorGroup, senLabel } from './characteristics.js';

describe('ethnicityMajorGroup', () => {
  test.each([
    ['WBRI', 'White'],
    ['WIRT', 'White'],
    ['MWBC', 'Mixed'],
    ['APKN', 'Asian'],
    ['BCRB', 'Black'],
    ['CHNE', 'Chinese'],
    ['OOTH', 'Any other ethnic group'],
    ['REFU', 'Unclassified'],
    ['NOBT', 'Unclassified'],
    ['wbri', 'White'],
  ])('%s is %s', (code, group) => {
    expect(ethnicityMajorGroup(code)).toBe(group);
  });
  test('empty, missing and non-codes are unknown', () => {
    expect(ethnicityMajorGroup('')).toBe('');
    expect(ethnicityMajorGroup(undefined)).toBe('');
    expect(ethnicityMajorGroup('W')).toBe('');
    expect(ethnicityMajorGroup('ZZZZ')).toBe('');
  });
});

describe('senLabel', () => {
  test('N, K and E are none, SEN support and EHC plan; unknown stays unknown', () => {
    expect([senLabel('N'), senLabel('K'), senLabel('E'), senLabel(undefined)]).toEqual(['none', 'sen_support', 'ehc_plan', '']);
  });
});

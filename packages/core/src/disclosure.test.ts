import { describe, expect, test } from 'vitest';
import { dfeSingleSchoolRule, discloseGroup, discloseWithTotal } from './disclosure.js';

describe('disclosure examples', () => {
  test("DfE's rule withholds LA rows of exactly one school, and only LA rows", () => {
    expect(dfeSingleSchoolRule('Local authority', 1)).toBe('one school in the local authority and phase');
    expect(dfeSingleSchoolRule('Local authority', 2)).toBeUndefined();
    // A weekly mean such as 1.8 schools a day is not one school: DfE tests num_schools == 1.
    expect(dfeSingleSchoolRule('Local authority', 1.8)).toBeUndefined();
    expect(dfeSingleSchoolRule('Regional', 1)).toBeUndefined();
    expect(dfeSingleSchoolRule('National', 1)).toBeUndefined();
  });

  test('a pupil group under the minimum shows c and says why', () => {
    expect(discloseGroup(0.5, { pupils: 4 }, { minGroupSize: 5 })).toEqual({
      _tag: 'withheld',
      symbol: 'c',
      reason: 'fewer than 5 pupils (4)',
    });
    expect(discloseGroup(0.5, { pupils: 5 }, { minGroupSize: 5 })).toEqual({ _tag: 'shown', value: 0.5 });
    expect(discloseGroup(0.5, { pupils: 50, schools: 1 }, { minGroupSize: 5, minSchools: 2 })).toMatchObject({
      _tag: 'withheld',
      reason: 'fewer than 2 schools (1)',
    });
  });

  test('the total is made from every cell, the withheld ones included', () => {
    const r = discloseWithTotal(
      [
        { value: 3, pupils: 3 },
        { value: 10, pupils: 10 },
      ],
      (xs) => xs.reduce((a, b) => a + b, 0),
      { minGroupSize: 5 },
    );
    expect(r.total).toBe(13);
    expect(r.cells.map((c) => c._tag)).toEqual(['withheld', 'shown']);
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { discloseWithTotal } from './disclosure.js';

const cell = fc.record({
  value: fc.record({ absent: fc.nat(1000), possible: fc.nat(1000) }),
  pupils: fc.nat(40),
  schools: fc.integer({ min: 1, max: 5 }),
});
const sum = (xs: readonly { absent: number; possible: number }[]) =>
  xs.reduce((a, b) => ({ absent: a.absent + b.absent, possible: a.possible + b.possible }), { absent: 0, possible: 0 });

describe('disclosure properties', () => {
  test.prop([fc.array(cell, { maxLength: 20 }), fc.nat(50), fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined })])(
    '[DISC-1] suppression never changes a parent total: the total is the same whatever the thresholds and equals the total of all cells',
    (cells, minGroupSize, minSchools) => {
      const options = minSchools === undefined ? { minGroupSize } : { minGroupSize, minSchools };
      const disclosed = discloseWithTotal(cells, sum, options);
      expect(disclosed.total).toEqual(sum(cells.map((c) => c.value)));
      expect(disclosed.total).toEqual(discloseWithTotal(cells, sum, { minGroupSize: 0 }).total);
    },
  );

  test.prop([fc.array(cell, { maxLength: 20 }), fc.nat(50)])(
    '[DISC-2] a cell is withheld exactly when it has fewer pupils than the minimum, and a shown cell keeps its value',
    (cells, minGroupSize) => {
      const { cells: out } = discloseWithTotal(cells, sum, { minGroupSize });
      out.forEach((d, i) => {
        const c = cells[i];
        if (c === undefined) throw new Error('length');
        expect(d._tag === 'withheld').toBe(c.pupils < minGroupSize);
        if (d._tag === 'shown') expect(d.value).toBe(c.value);
        else expect(d.symbol).toBe('c');
      });
    },
  );
});

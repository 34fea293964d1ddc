import { fc, test } from '@fast-check/vitest';
import { CODE_TABLE, fromDayNumber, isCodeInForce, regimeOn, toDayNumber } from '@attendance-kit/core';
import { statutoryCode } from '../src/index.js';

const day = fc.integer({ min: 0, max: 2000 }).map((d) => fromDayNumber(toDayNumber('2021-09-01') + d));
const statutory = fc.constantFrom(...CODE_TABLE.map((c) => c.code));
const anyText = fc.oneof(statutory, fc.string({ maxLength: 4 }), fc.constantFrom('7', '8', 'X01', 'I01', '<'));

// Source: reference/mis-formats.md §1.1 ("classify on the statutory/export code, never the display code") and §4.2.
test.prop([fc.option(anyText, { nil: undefined }), fc.option(anyText, { nil: undefined }), day])(
  '[BROM-1] a mark is accepted only with a statutory code in force on its date, taken from ExportMark when given, never guessed',
  (mark, exportMark, date) => {
    const r = statutoryCode(mark, exportMark, date);
    const source = exportMark ?? mark ?? '-';
    const valid = CODE_TABLE.some((c) => c.code === source) && isCodeInForce(source, regimeOn(date));
    return r.ok ? valid && r.code === source : !valid;
  },
);

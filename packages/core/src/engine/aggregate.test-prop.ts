import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { concatAllSummaries } from '../tally.js';
import { arbRawDataset, datasetFromRaw } from '../testing/datasets.js';
import { toDayNumber } from '../dates.js';
import { TALLY_WIDTH } from '../codes.js';
import { summariseGroups, tallyEnrolments } from './aggregate.js';

const arbCase = arbRawDataset().chain((raw) =>
  fc.tuple(
    fc.constant(raw),
    fc.integer({ min: -5, max: 370 }),
    fc.integer({ min: 0, max: 380 }),
    fc.constantFrom('dfe' as const, 'not-possible' as const),
  ),
);

test.prop([arbCase])('[ENG-4] merging the per-school group summaries gives the summary of all enrolments together', ([raw, start, length, covidX]) => {
  const dataset = datasetFromRaw(raw);
  const fromSlot = (toDayNumber(`${raw.academicYear}-08-01`) + start) * 2;
  const counts = tallyEnrolments(dataset.marks, { enrolments: raw.enrolments.length, fromSlot, toSlot: fromSlot + length * 2 + 1, covidX });
  const bySchool = summariseGroups(counts, Int32Array.from(raw.enrolments, (e) => e.school), raw.schools.length);
  const [all] = summariseGroups(counts, new Int32Array(raw.enrolments.length), 1);
  expect(concatAllSummaries(bySchool)).toEqual(all);
});

test.prop([arbCase])('[ENG-6] each enrolment row of the tally block counts exactly its marks in the period', ([raw, start, length, covidX]) => {
  const dataset = datasetFromRaw(raw);
  const fromSlot = (toDayNumber(`${raw.academicYear}-08-01`) + start) * 2;
  const toSlot = fromSlot + length * 2 + 1;
  const counts = tallyEnrolments(dataset.marks, { enrolments: raw.enrolments.length, fromSlot, toSlot, covidX });
  const inPeriod = new Array<number>(raw.enrolments.length).fill(0);
  const m = dataset.marks;
  for (let i = 0; i < m.length; i++) {
    const s = m.slot[i] as number;
    if (s >= fromSlot && s <= toSlot) { const e = m.enrolment[i] as number; inPeriod[e] = (inPeriod[e] as number) + 1; }
  }
  raw.enrolments.forEach((_, e) => {
    const row = counts.subarray(e * TALLY_WIDTH, (e + 1) * TALLY_WIDTH);
    expect(row.reduce((a, b) => a + b, 0)).toBe(inPeriod[e]);
  });
});

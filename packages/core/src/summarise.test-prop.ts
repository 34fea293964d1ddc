import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { NO_MINUTES } from './dataset.js';
import { toDayNumber } from './dates.js';
import { codesOf, regimeOn } from './codes.js';
import { fromDayNumber } from './dates.js';
import { summarise } from './summarise.js';
import { arbRawDataset, arbSummariseOptions, datasetFromRaw, type RawDataset, type RawMark } from './testing/datasets.js';
import { naiveSummarise } from '../test/naive-reference.js';

const arbCase = arbRawDataset().chain((raw) => fc.tuple(fc.constant(raw), arbSummariseOptions(raw)));

test.prop([arbCase], { numRuns: 300 })(
  '[ENG-1] the columnar engine and the naive reference give the same rows on any dataset, period, profile, grouping and filter',
  ([raw, options]) => {
    expect(summarise(datasetFromRaw(raw), options)).toEqual(naiveSummarise(raw, options));
  },
);

test.prop([arbCase, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.nat()), { maxLength: 20 })])(
  '[ENG-2] marks dated outside the period never change the result',
  ([raw, options], extra) => {
    const from = toDayNumber(options.from);
    const to = toDayNumber(options.to);
    const outside: RawMark[] = extra.map(([pick, gap, before, codePick]) => {
      const day = before ? from - gap : to + gap;
      const codes = codesOf(regimeOn(fromDayNumber(day)));
      return {
        enrolment: pick % raw.enrolments.length,
        day,
        session: pick % 2 === 0 ? 'AM' : 'PM',
        code: (codes[codePick % codes.length] as { code: string }).code,
        minutesLate: NO_MINUTES,
        recordedAt: Number.NaN,
      };
    });
    const withOutside: RawDataset = { ...raw, marks: [...outside.slice(0, 10), ...raw.marks, ...outside.slice(10)] };
    expect(summarise(datasetFromRaw(withOutside), options)).toEqual(summarise(datasetFromRaw(raw), options));
  },
);

test.prop([arbCase, fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.boolean(), fc.nat()), { maxLength: 15 })])(
  '[ENG-3] an enrolment with no possible session in the period is in no figure',
  ([raw, options], marks) => {
    // A copy of enrolment 0 (same school and characteristics, so it falls in the same groups) whose
    // marks are all not-possible or unmarked codes.
    const extra = raw.enrolments.length;
    const firstDay = toDayNumber(options.from) - 10;
    const added: RawMark[] = marks.flatMap(([offset, pm, codePick]) => {
      const day = firstDay + offset;
      const codes = codesOf(regimeOn(fromDayNumber(day))).filter((c) => c.category === 'not_possible' || c.category === 'unmarked');
      const code = (codes[codePick % codes.length] as { code: string }).code;
      // X in the COVID years may count as possible (option covidX = 'dfe'): leave it out here.
      return code === 'X' ? [] : [{ enrolment: extra, day, session: pm ? 'PM' : 'AM', code, minutesLate: NO_MINUTES, recordedAt: Number.NaN } as RawMark];
    });
    const withIdle: RawDataset = { ...raw, enrolments: [...raw.enrolments, raw.enrolments[0]!], marks: [...raw.marks, ...added] };
    expect(summarise(datasetFromRaw(withIdle), options)).toEqual(summarise(datasetFromRaw(raw), options));
  },
);

test.prop([arbCase])('[ENG-5] the rows are sorted by key and no two rows share a key', ([raw, options]) => {
  const { rows } = summarise(datasetFromRaw(raw), options);
  const keys = rows.map((r) => JSON.stringify((options.by ?? []).map((f) => (r as unknown as Record<string, unknown>)[f === 'school' ? 'school_urn' : f === 'la' ? 'la_code' : f])));
  expect(new Set(keys).size).toBe(keys.length);
  if ((options.by ?? []).length === 0) expect(rows).toHaveLength(1);
  // Every grouped row covers at least one enrolment.
  if ((options.by ?? []).length > 0) for (const r of rows) expect(r.enrolments).toBeGreaterThan(0);
});

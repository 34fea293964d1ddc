import { fc, test } from '@fast-check/vitest';
import * as E from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import { CODE_ID, CODE_TABLE, type Regime } from './codes.js';
import { classifyMark, tallyColumnOf } from './classify.js';
import { fromDayNumber, toDayNumber } from './dates.js';
import { absence, attendance, covidSessions, possible, tallyOf } from './tally.js';

const SWITCH = toDayNumber('2024-08-19');
/** Days within about three years either side of the regime switch. */
const arbDay = fc.integer({ min: SWITCH - 1200, max: SWITCH + 1200 });
const arbAnyCode = fc.constantFrom(...CODE_TABLE.map((c) => c.code));

test.prop([arbAnyCode, arbDay])(
  '[REG-1] a code is accepted iff it belongs to the 2006 regulations before 2024-08-19, or to the 2024 regulations from that day',
  (code, day) => {
    const regime: Regime = day < SWITCH ? '2006' : '2024';
    const info = CODE_TABLE[CODE_ID.get(code) as number];
    const r = classifyMark(code, fromDayNumber(day));
    expect(E.isRight(r)).toBe(info?.regimes.includes(regime));
    if (E.isLeft(r)) expect(r.left.code).toBe('core/code-not-in-force');
  },
);

test.prop([arbDay])('[REG-1] J counts as attendance (AEA) on every day before 2024-08-19 and J1 as absence on every day from it', (day) => {
  const date = fromDayNumber(day);
  const j = classifyMark('J', date);
  const j1 = classifyMark('J1', date);
  if (day < SWITCH) {
    expect(E.isRight(j) && j.right.category).toBe('aea');
    expect(E.isLeft(j1)).toBe(true);
  } else {
    expect(E.isLeft(j)).toBe(true);
    expect(E.isRight(j1) && j1.right.category).toBe('authorised');
  }
});

test.prop([fc.string({ maxLength: 3 }).filter((s) => !CODE_ID.has(s)), arbDay])('[CLS-1] a string that is no register code is rejected as an unknown code on any date', (code, day) => {
  const r = classifyMark(code, fromDayNumber(day));
  expect(E.isLeft(r) && r.left.code).toBe('core/unknown-code');
});

test.prop([arbAnyCode, arbDay])('[CLS-2] a code in force keeps its code-table category, except X in the COVID window', (code, day) => {
  const date = fromDayNumber(day);
  const r = classifyMark(code, date);
  fc.pre(E.isRight(r));
  if (E.isLeft(r)) return;
  const inWindow = date >= '2020-08-01' && date <= '2022-07-31';
  const expected = code === 'X' && inWindow ? 'covid' : CODE_TABLE[CODE_ID.get(code) as number]?.category;
  expect(r.right.category).toBe(expected);
});

const X = CODE_ID.get('X') as number;
test.prop([fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2024-08-18') })])(
  '[COVID-1] under the dfe option an X from 2020-08-01 to 2022-07-31 is a possible session that is neither attendance nor absence; outside that window it is not possible',
  (day) => {
    const t = tallyOf([{ column: tallyColumnOf(X, day, 'dfe') }]);
    const date = fromDayNumber(day);
    const inWindow = date >= '2020-08-01' && date <= '2022-07-31';
    expect(possible(t)).toBe(inWindow ? 1 : 0);
    expect(covidSessions(t)).toBe(inWindow ? 1 : 0);
    expect(attendance(t)).toBe(0);
    expect(absence(t)).toBe(0);
  },
);

test.prop([fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2024-08-18') })])(
  '[COVID-2] under the not-possible option an X is never a possible session',
  (day) => {
    expect(possible(tallyOf([{ column: tallyColumnOf(X, day, 'not-possible') }]))).toBe(0);
  },
);

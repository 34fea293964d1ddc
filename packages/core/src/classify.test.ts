import * as E from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CODE_ID, CODE_TABLE, COVID_X_COLUMN, TALLY_WIDTH } from './codes.js';
import { COLUMN_CATEGORY_ID, COLUMNS_OF, categoryOfColumn, classifyMark, codeOfColumn, tallyColumnOf } from './classify.js';
import { toDayNumber } from './dates.js';

const id = (code: string): number => CODE_ID.get(code) as number;
const issueCode = (r: E.Either<{ code: string }, unknown>): string | undefined => (E.isLeft(r) ? r.left.code : undefined);
const categoryOf = (code: string, date: string): string | undefined => {
  const r = classifyMark(code, date);
  return E.isRight(r) ? r.right.category : undefined;
};

describe('classifyMark', () => {
  it('[REG-1] J is approved educational activity on 2024-08-18 and not in force on 2024-08-19', () => {
    expect(categoryOf('J', '2024-08-18')).toBe('aea');
    expect(issueCode(classifyMark('J', '2024-08-19'))).toBe('core/code-not-in-force');
  });

  it('[REG-1] J1 is authorised absence from 2024-08-19 and not in force on 2024-08-18', () => {
    expect(categoryOf('J1', '2024-08-19')).toBe('authorised');
    expect(issueCode(classifyMark('J1', '2024-08-18'))).toBe('core/code-not-in-force');
  });

  it('knows the codes that ended (H, F, Y) and began (K, C1, C2, Q, Y1-Y7) with the 2024 regulations', () => {
    for (const code of ['H', 'F', 'Y']) {
      expect(classifyMark(code, '2024-08-18')._tag).toBe('Right');
      expect(issueCode(classifyMark(code, '2024-08-19'))).toBe('core/code-not-in-force');
    }
    for (const code of ['K', 'C1', 'C2', 'Q', 'Y1', 'Y4', 'Y7']) {
      expect(issueCode(classifyMark(code, '2024-08-18'))).toBe('core/code-not-in-force');
      expect(classifyMark(code, '2024-08-19')._tag).toBe('Right');
    }
  });

  it('classifies the common codes as the regulations and DfE statistics do', () => {
    expect(categoryOf('/', '2025-01-06')).toBe('present');
    expect(categoryOf('\\', '2025-01-06')).toBe('present');
    expect(categoryOf('L', '2025-01-06')).toBe('present');
    expect(categoryOf('U', '2025-01-06')).toBe('unauthorised');
    expect(categoryOf('C2', '2025-01-06')).toBe('authorised');
    expect(categoryOf('K', '2025-01-06')).toBe('aea');
    expect(categoryOf('D', '2025-01-06')).toBe('not_possible');
    expect(categoryOf('#', '2025-01-06')).toBe('not_possible');
    expect(categoryOf('-', '2025-01-06')).toBe('unmarked');
  });

  it('rejects an unknown code and a date that does not exist', () => {
    expect(issueCode(classifyMark('A', '2025-01-06'))).toBe('core/unknown-code');
    expect(issueCode(classifyMark('', '2025-01-06'))).toBe('core/unknown-code');
    expect(issueCode(classifyMark('/', '2025-02-29'))).toBe('core/invalid-date');
  });

  it('[COVID-1] puts X in the COVID column from 2020-08-01 to 2022-07-31 only, under the dfe option', () => {
    expect(tallyColumnOf(id('X'), '2020-07-31')).toBe(id('X'));
    expect(tallyColumnOf(id('X'), '2020-08-01')).toBe(COVID_X_COLUMN);
    expect(tallyColumnOf(id('X'), toDayNumber('2022-07-31'))).toBe(COVID_X_COLUMN);
    expect(tallyColumnOf(id('X'), '2022-08-01')).toBe(id('X'));
    expect(tallyColumnOf(id('X'), '2021-01-05', 'not-possible')).toBe(id('X'));
    expect(categoryOf('X', '2021-01-05')).toBe('covid');
    expect(categoryOf('X', '2023-01-05')).toBe('not_possible');
  });
});

describe('tally columns', () => {
  it('gives every code column its code table category and the last column covid', () => {
    CODE_TABLE.forEach((c, i) => expect(categoryOfColumn(i)).toBe(c.category));
    expect(categoryOfColumn(COVID_X_COLUMN)).toBe('covid');
    expect(COLUMN_CATEGORY_ID.length).toBe(TALLY_WIDTH);
    expect(codeOfColumn(COVID_X_COLUMN)).toBe('X');
  });

  it('partitions the columns into categories', () => {
    const all = CATEGORIES.flatMap((c) => COLUMNS_OF[c]).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: TALLY_WIDTH }, (_, i) => i));
    expect(COLUMNS_OF.present.map(codeOfColumn)).toEqual(['/', '\\', 'L']);
    expect(COLUMNS_OF.unauthorised.map(codeOfColumn).sort()).toEqual(['G', 'N', 'O', 'U']);
  });

  it('treats a column outside the tally as a bug', () => {
    expect(() => categoryOfColumn(TALLY_WIDTH)).toThrow(RangeError);
  });
});

describe('docs/methodology.md', () => {
  it('lists every code with the category, possibility and regimes that codes.ts gives it', () => {
    const doc = readFileSync(new URL('../../../docs/methodology.md', import.meta.url), 'utf8');
    const rows = new Map(
      doc
        .split('\n')
        .filter((l) => /^\| `[^`]+` \|/.test(l) && l.split('|').length === 8)
        .map((l) => {
          const cells = l.split('|').slice(1, -1).map((c) => c.trim());
          return [(cells[0] as string).slice(1, -1), cells] as const;
        }),
    );
    const wording: Readonly<Record<string, string>> = {
      present: 'present',
      aea: 'approved educational activity',
      authorised: 'authorised absence',
      unauthorised: 'unauthorised absence',
      not_possible: 'not possible',
      unmarked: 'no mark (not possible)',
    };
    expect([...rows.keys()]).toEqual(CODE_TABLE.map((c) => c.code));
    for (const c of CODE_TABLE) {
      const [, , category, poss, in2006, in2024] = rows.get(c.code) as readonly string[];
      expect(category?.startsWith(wording[c.category] as string), c.code).toBe(true);
      expect(poss, c.code).toBe(['present', 'aea', 'authorised', 'unauthorised'].includes(c.category) ? 'yes' : 'no');
      expect(in2006, c.code).toBe(c.regimes.includes('2006') ? 'yes' : '-');
      expect(in2024, c.code).toBe(c.regimes.includes('2024') ? 'yes' : '-');
    }
  });
});
